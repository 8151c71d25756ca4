#!/usr/bin/env bash
# End-to-end suite: needs root (network namespace, dockerd) and Debian packages; installs what is missing.
#   run.sh               provisioning, then the scenarios
#   run.sh provision     only the provisioning (apt, trixie debs, squid-openssl, cntlm, compiling BuildKit)
#   run.sh scenarios     only the scenarios (provisioning must have run)
# Each phase prints its own time, so the two budgets (provisioning <= 15 min cold, scenarios <= 10 min) are visible.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" != 0 ]; then
  echo "e2e: needs root (it creates a network namespace and runs dockerd); run: sudo pnpm test:e2e" >&2
  exit 1
fi
phase=${1:-all}
provision() {
  local start=$SECONDS
  # rootlesskit + uidmap: the rootless buildkitd scenario (newuidmap/newgidmap for its user namespace).
  # ansible-core + openssh-server: the Ansible playbook against a second host, an sshd in its own netns.
  PKGS="docker.io docker-registry squid skopeo umoci busybox-static openssl iproute2 iptables curl podman buildah uidmap slirp4netns rootlesskit ansible-core openssh-server"
  missing=""
  for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    echo "e2e: installing$missing" >&2
    flock /tmp/buildproxy-apt.lock apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive flock /tmp/buildproxy-apt.lock apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
  # Rootless podman's user (podman.e2e.ts): its own subordinate ids, away from other users' ranges.
  id bppodman >/dev/null 2>&1 || useradd -m -s /bin/sh bppodman
  grep -q '^bppodman:' /etc/subuid 2>/dev/null || usermod --add-subuids 300000-365535 --add-subgids 300000-365535 bppodman
  [ -f packages/tui/dist/cli.cjs ] || pnpm build
  # Engine 26 + buildx 0.13 + a BuildKit image compiled from Debian sources, for the stretch scenarios (cached).
  bash test/e2e/stretch/prepare.sh
  # squid-openssl (ssl_bump) beside plain squid, and cntlm, for the network scenarios (cached).
  bash test/e2e/network/prepare.sh
  echo "e2e provisioning: $((SECONDS - start)) s" >&2
}
scenarios() {
  local start=$SECONDS
  export E2E=${E2E:-/tmp/buildproxy-e2e}
  rm -rf "$E2E"
  # infra.sh down runs in the suite's afterAll; run it again here so a crashed suite leaves nothing behind.
  trap 'test/e2e/netns.sh test/e2e/infra.sh down >/dev/null 2>&1 || true' EXIT
  local rc=0
  test/e2e/netns.sh node_modules/.bin/vitest run --config test/e2e/vitest.config.ts || rc=$?
  echo "e2e scenarios: $((SECONDS - start)) s" >&2
  return "$rc"
}
case $phase in
  provision) provision ;;
  scenarios) scenarios ;;
  all) provision && scenarios ;;
  *) echo "usage: $0 [provision|scenarios]" >&2; exit 2 ;;
esac
