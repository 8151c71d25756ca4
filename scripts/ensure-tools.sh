#!/usr/bin/env bash
# System tools the tests drive for real, installed when missing (Debian, as root): tmux for the wizard in a
# pseudo-terminal, Debian's Chromium for the docs site, systemd's socket activation helper, openssl, sudo,
# ansible-core. The e2e suite installs its own packages (test/e2e/run.sh).
set -euo pipefail
missing=""
command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
[ -x /usr/bin/chromium ] || missing="$missing chromium"
# systemd-socket-activate starts a test daemon on an inherited fd, as docker.socket starts `dockerd -H fd://`.
command -v systemd-socket-activate >/dev/null 2>&1 || missing="$missing systemd"
# openssl makes the test CA of the TLS-inspecting proxy the network probe tests run against.
command -v openssl >/dev/null 2>&1 || missing="$missing openssl"
# setfacl/getfacl: apply must keep a file's POSIX ACL when it rewrites it (issue 11).
command -v setfacl >/dev/null 2>&1 || missing="$missing acl"
# sudo: the doctor under real sudo (env_reset) analyses SUDO_USER (issue 14, packages/tui/test/sudo.test.ts).
[ -x /usr/bin/sudo ] || missing="$missing sudo"
# ansible-playbook: the playbook of plan --format ansible is run for real against localhost (issue 21).
command -v ansible-playbook >/dev/null 2>&1 || missing="$missing ansible-core"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "tests need:$missing — install them (Debian: sudo apt-get install$missing)" >&2
  exit 1
fi
echo "installing$missing" >&2
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
