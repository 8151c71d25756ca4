#!/usr/bin/env bash
# infra.sh up|down — registry, TLS registry, internal registry, squid and an origin web server, all inside the
# network namespace of netns.sh, behind a firewall: only squid (user "proxy") may reach the registries and the
# web origin, as behind a corporate firewall. Processes are stopped by the PIDs recorded at start.
set -euo pipefail
E2E=${E2E:-/tmp/buildproxy-e2e}
RUN=$E2E/run
LOG=$E2E/log
BR=${E2E_BRIDGE:-bpe2e0}
GW=172.31.250.1
say() { echo "[infra] $*" >&2; }
wait_for() { local what=$1; shift; for _ in $(seq 1 200); do "$@" >/dev/null 2>&1 && return 0; sleep 0.05; done; say "timeout waiting for $what"; return 1; }
start() { local name=$1; shift; nohup "$@" >"$LOG/$name.log" 2>&1 & echo $! >"$RUN/$name.pid"; }
stop_pid() {
  local f=$RUN/$1.pid p; [ -f "$f" ] || return 0; p=$(cat "$f")
  kill "$p" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$p" 2>/dev/null || true
  rm -f "$f"
}

pki() {
  local P=$E2E/pki; mkdir -p "$P"; [ -f "$P/server.crt" ] && return 0
  ( cd "$P"
    openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=buildproxy e2e CA" -keyout ca.key -out ca.crt 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=secure.test" -keyout server.key -out server.csr 2>/dev/null
    printf 'subjectAltName=DNS:secure.test\n' >san.ext
    openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 7 -extfile san.ext -out server.crt 2>/dev/null )
}

registries() {
  mkdir -p "$E2E/registry/data"
  local name addr tls
  for spec in "registry:127.0.0.2:5000:" "secure:127.0.0.4:5443:tls" "internal:127.0.0.5:5000:"; do
    IFS=: read -r name a1 port tls <<<"$spec"
    addr="$a1:$port"
    { echo 'version: 0.1'; echo 'log: {level: warn}'
      echo "storage: {filesystem: {rootdirectory: $E2E/registry/data}}"
      if [ -n "$tls" ]; then echo "http: {addr: \"$addr\", tls: {certificate: $E2E/pki/server.crt, key: $E2E/pki/server.key}}"
      else echo "http: {addr: \"$addr\"}"; fi
    } >"$E2E/registry/$name.yml"
    start "registry-$name" docker-registry serve "$E2E/registry/$name.yml"
  done
  wait_for registry curl -fsS --noproxy '*' http://registry.test:5000/v2/
  wait_for secure curl -fsS --noproxy '*' --cacert "$E2E/pki/ca.crt" https://secure.test:5443/v2/
  wait_for internal curl -fsS --noproxy '*' http://internal.test:5000/v2/
}

squid_up() {
  local S=$E2E/squid; mkdir -p "$S"; chmod 777 "$S"
  cat >"$S/squid.conf" <<CONF
http_port 127.0.0.1:3128
http_port $GW:3128
pid_filename $S/squid.pid
access_log stdio:$S/access.log squid
cache_log $S/cache.log
cache_store_log none
cache deny all
cache_mem 8 MB
logfile_rotate 0
shutdown_lifetime 1 seconds
pinger_enable off
# squid logs a transaction when it ends; close idle tunnels fast so CONNECT lines appear within seconds.
read_timeout 2 seconds
client_idle_pconn_timeout 2 seconds
server_idle_pconn_timeout 2 seconds
hosts_file /etc/hosts
dns_nameservers 127.0.0.1
acl e2e src 127.0.0.0/8 172.31.0.0/16
acl internal dstdomain internal.test
http_access deny internal
http_access allow e2e
http_access deny all
via on
CONF
  touch "$S/access.log" "$S/cache.log"; chown proxy "$S/access.log" "$S/cache.log"
  start squid squid -N -f "$S/squid.conf"
  wait_for squid curl -fsS -o /dev/null -x http://127.0.0.1:3128 http://registry.test:5000/v2/
  : >"$S/access.log"
}

web_up() {
  mkdir -p "$E2E/web"
  cat >"$E2E/web/server.cjs" <<'JS'
// Origin server for RUN steps: logs every request with its Via header (set by squid).
const http = require('node:http');
const fs = require('node:fs');
const [log, ...addrs] = process.argv.slice(2);
for (const a of addrs) {
  const i = a.lastIndexOf(':');
  http.createServer((req, res) => {
    fs.appendFileSync(log, `${req.method} ${req.headers.host}${req.url} via=${req.headers.via || '-'}\n`);
    res.end('hello from web.test\n');
  }).listen(Number(a.slice(i + 1)), a.slice(0, i));
}
JS
  : >"$E2E/web/access.log"
  start web node "$E2E/web/server.cjs" "$E2E/web/access.log" 127.0.0.3:8080 "$GW:8080"
  wait_for web curl -fsS --noproxy '*' http://web.test:8080/ready
  : >"$E2E/web/access.log"
}

images() {
  # busybox in one layer, built without a daemon, pushed as Docker v2 schema 2 (dockerd 20.10 refuses OCI).
  local W=$E2E/oci a; rm -rf "$W"; mkdir -p "$W/rootfs/bin" "$W/rootfs/tmp" "$W/rootfs/etc"
  chmod 1777 "$W/rootfs/tmp"; cp /bin/busybox "$W/rootfs/bin/busybox"
  for a in $(busybox --list); do [ "$a" = busybox ] || ln -sf busybox "$W/rootfs/bin/$a"; done
  umoci init --layout "$W/layout"
  umoci new --image "$W/layout:base"
  umoci insert --image "$W/layout:base" "$W/rootfs" / >/dev/null
  umoci config --image "$W/layout:base" --config.cmd /bin/sh --config.env PATH=/bin --os linux --architecture amd64
  skopeo copy -q --format v2s2 --dest-tls-verify=false "oci:$W/layout:base" docker://registry.test:5000/base:latest
  mkdir -p "$E2E/pki/trust"; cp "$E2E/pki/ca.crt" "$E2E/pki/trust/"
  skopeo copy -q --format v2s2 --dest-cert-dir "$E2E/pki/trust" "oci:$W/layout:base" docker://secure.test:5443/base:latest
}

firewall() {
  # The corporate firewall: only squid (uid proxy) reaches registry.test, secure.test and web.test.
  iptables -A OUTPUT -p tcp -d 127.0.0.2,127.0.0.3,127.0.0.4 -m owner ! --uid-owner proxy -j REJECT --reject-with tcp-reset
  iptables -A INPUT -i "$BR" -p tcp --dport 8080 -j REJECT --reject-with tcp-reset
}

up() {
  mkdir -p "$RUN" "$LOG"
  iptables -F INPUT; iptables -F OUTPUT # our own namespace: a rerun starts from a clean table
  ip link show "$BR" >/dev/null 2>&1 || ip link add "$BR" type bridge
  ip addr replace "$GW/24" dev "$BR"; ip link set "$BR" up
  pki
  mkdir -p /etc/docker/certs.d/secure.test:5443 && cp "$E2E/pki/ca.crt" /etc/docker/certs.d/secure.test:5443/ca.crt
  registries; squid_up; web_up; images; firewall
  say "up: squid $GW:3128 and 127.0.0.1:3128, registries registry.test:5000 secure.test:5443 internal.test:5000"
}

down() {
  for n in squid squid2 squid-podman podman-service squid-basic squid-deny squid-bump squid-ntlm cntlm web registry-registry registry-secure registry-internal; do stop_pid "$n"; done
  for f in "$RUN"/dockerd-*.pid "$RUN"/buildkitd-*.pid; do [ -f "$f" ] && stop_pid "$(basename "$f" .pid)"; done
  for m in $(awk -v p="$E2E/" 'index($2, p) == 1 {print $2}' /proc/mounts | sort -r); do umount "$m" 2>/dev/null || true; done
  ip link del "$BR" 2>/dev/null || true
  rm -rf /etc/docker/certs.d/secure.test:5443
  say "down"
}

case ${1:-} in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
