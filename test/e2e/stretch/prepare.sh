#!/usr/bin/env bash
# prepare.sh — the stretch e2e needs Docker Engine 26 + buildx 0.13 (Debian trixie, extracted, not installed) and a
# BuildKit image built locally (BuildKit compiled from Debian trixie sources; no binary package exists). Runs
# outside the e2e network namespace, since it needs the Debian mirror. Results are cached in $CACHE.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${E2E_CACHE:-/var/cache/buildproxy-e2e}
X=$CACHE/trixie-root
A=$CACHE/apt-trixie
mkdir -p "$CACHE"
# The first run takes 10-15 minutes and is otherwise silent: say what is happening, and keep saying it.
exec 3>&2 # progress goes to the terminal even while a step's own output goes to a log
say() { echo "e2e: $*" >&3; }
with_ticker() { # with_ticker WHAT CMD...: run CMD, printing WHAT and the elapsed time every 30 s
  local what=$1 start=$SECONDS
  shift
  "$@" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 5
    if kill -0 "$pid" 2>/dev/null && (((SECONDS - start) % 30 < 5)); then say "$what ($((SECONDS - start)) s)"; fi
  done
  wait "$pid"
}
if [ ! -x "$X/usr/sbin/dockerd" ]; then
  say "first run: fetching Docker Engine 26, buildx and containerd from Debian trixie into $CACHE (once)"
  mkdir -p "$A/etc" "$A/lists/partial" "$A/cache/archives/partial" "$A/debs" "$X"
  M=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$M" >"$A/etc/trixie.sources"
  printf 'Dir::Etc::SourceList "/dev/null";\nDir::Etc::SourceParts "%s/etc";\nDir::State::Lists "%s/lists";\nDir::Cache "%s/cache";\n' "$A" "$A" "$A" >"$A/apt.conf"
  APT_CONFIG=$A/apt.conf apt-get update -qq
  (cd "$A/debs" && APT_CONFIG=$A/apt.conf apt-get download -qq docker.io docker-buildx containerd 2>/dev/null)
  for f in "$A"/debs/*.deb; do dpkg-deb -x "$f" "$X"; done
fi
mkdir -p "$CACHE/dockercfg/cli-plugins"
cp "$X/usr/libexec/docker/cli-plugins/docker-buildx" "$CACHE/dockercfg/cli-plugins/"
if [ ! -x "$CACHE/buildkit/bin/buildkitd" ]; then
  say "first run: compiling BuildKit from Debian's sources (about 10 minutes; log: $CACHE/buildkit-build.log)"
  with_ticker "still compiling BuildKit" env OUT="$CACHE/buildkit" bash "$HERE/build-buildkit.sh" >"$CACHE/buildkit-build.log" 2>&1
  say "BuildKit compiled"
fi
if [ ! -d "$CACHE/buildkit-image/index.json" ] && [ ! -f "$CACHE/buildkit-image/index.json" ]; then
  say "packing the BuildKit image (once)"
  R=$CACHE/buildkit-rootfs
  rm -rf "$R" "$CACHE/buildkit-image"
  mkdir -p "$R/usr/bin" "$R/tmp" "$R/etc" "$R/var/lib/buildkit"
  chmod 1777 "$R/tmp"
  cp "$CACHE/buildkit/bin/buildkitd" "$CACHE/buildkit/bin/buildctl" "$R/usr/bin/"
  cp /usr/sbin/runc "$R/usr/bin/runc"
  # runc is dynamically linked: bring its libraries along
  for lib in $(ldd /usr/sbin/runc | awk '/=>/ {print $3} /^\t\// {print $1}'); do
    mkdir -p "$R$(dirname "$lib")"
    cp -L "$lib" "$R$lib"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$R/etc/passwd"
  umoci init --layout "$CACHE/buildkit-image"
  umoci new --image "$CACHE/buildkit-image:e2e"
  umoci insert --image "$CACHE/buildkit-image:e2e" "$R" / >/dev/null
  umoci config --image "$CACHE/buildkit-image:e2e" --config.entrypoint buildkitd --config.env PATH=/usr/bin:/bin --os linux --architecture amd64
fi
# The Dockerfile frontend compiled with it, as the image a "# syntax=" line names (entrypoint as in docker/dockerfile).
if [ ! -f "$CACHE/frontend-image/index.json" ]; then
  F=$CACHE/frontend-rootfs
  rm -rf "$F" "$CACHE/frontend-image"
  mkdir -p "$F/bin"
  cp "$CACHE/buildkit/bin/dockerfile-frontend" "$F/bin/dockerfile-frontend"
  umoci init --layout "$CACHE/frontend-image"
  umoci new --image "$CACHE/frontend-image:1"
  umoci insert --image "$CACHE/frontend-image:1" "$F" / >/dev/null
  umoci config --image "$CACHE/frontend-image:1" --config.entrypoint /bin/dockerfile-frontend --os linux --architecture amd64
fi
# The e2e seeds it as squid's user, the only one the firewall lets reach the registry.
chmod -R a+rX "$CACHE/buildkit-image" "$CACHE/frontend-image"
echo "stretch ready in $CACHE" >&2
