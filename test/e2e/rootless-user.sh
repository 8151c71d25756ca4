#!/usr/bin/env bash
# rootless-user.sh NAME — the user a rootless buildkitd runs as: a home, and subordinate uid/gid ranges for
# rootlesskit's newuidmap/newgidmap (Debian's useradd adds them; an older account may lack them). Idempotent.
set -euo pipefail
U=${1:?usage: rootless-user.sh NAME}
id "$U" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$U"
grep -q "^$U:" /etc/subuid || usermod --add-subuids 300000-365535 "$U"
grep -q "^$U:" /etc/subgid || usermod --add-subgids 300000-365535 "$U"
