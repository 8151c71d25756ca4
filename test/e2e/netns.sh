#!/usr/bin/env bash
# netns.sh CMD... — run CMD in a private network namespace (only lo, no route out) with private /etc/hosts and
# /etc/resolv.conf bind-mounted in a private mount namespace. nsenter + unshare rather than `ip netns exec`,
# which remounts /sys and makes dockerd fail with "Devices cgroup isn't mounted".
set -euo pipefail
NS=${E2E_NS:-buildproxy-e2e}
[ -e "/run/netns/$NS" ] || { ip netns add "$NS"; ip -n "$NS" link set lo up; }
mkdir -p "/etc/netns/$NS"
cat >"/etc/netns/$NS/hosts" <<'HOSTS'
127.0.0.1 localhost
127.0.0.2 registry.test
127.0.0.3 web.test
127.0.0.4 secure.test
127.0.0.5 internal.test
HOSTS
echo 'nameserver 127.0.0.1' >"/etc/netns/$NS/resolv.conf"
# BUILDPROXY_E2E_MNTNS names the private mount namespace, so the harness mounts into a tree (withLiveProc) only in it.
exec nsenter --net="/run/netns/$NS" unshare --mount --propagation slave -- bash -c '
  export BUILDPROXY_E2E_MNTNS=$(readlink /proc/self/ns/mnt)
  mount --bind /etc/netns/'"$NS"'/hosts /etc/hosts
  mount --bind /etc/netns/'"$NS"'/resolv.conf /etc/resolv.conf
  exec "$@"' bash "$@"
