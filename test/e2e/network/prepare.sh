#!/usr/bin/env bash
# prepare.sh — provisioning for the network scenarios (network.e2e.ts), outside the network namespace:
# - squid-openssl, the OpenSSL build of squid 5.7 that can ssl_bump (plain `squid` is the GnuTLS build and cannot).
#   The two packages conflict (both ship /usr/sbin/squid), so squid-openssl is extracted, not installed, into
#   $CACHE/squid-openssl: its /usr/sbin/squid and /usr/lib/squid/security_file_certgen run beside plain squid
#   (same squid-common files, same libraries).
# - cntlm, the NTLM relay the ntlm-proxy plan generates a configuration for (installed; it has no service here).
# apt runs under /tmp/buildproxy-apt.lock: one apt at a time on a shared machine.
set -euo pipefail
CACHE=${E2E_CACHE:-/var/cache/buildproxy-e2e}
X=$CACHE/squid-openssl
apt_locked() { flock /tmp/buildproxy-apt.lock "$@"; }
if [ ! -x "$X/usr/sbin/squid" ] || [ ! -x "$X/usr/lib/squid/security_file_certgen" ]; then
  echo "e2e: fetching squid-openssl (extracted beside plain squid) into $X" >&2
  d=$(mktemp -d)
  if ! (cd "$d" && apt_locked apt-get download -qq squid-openssl 2>/dev/null); then
    apt_locked apt-get update -qq
    (cd "$d" && apt_locked apt-get download -qq squid-openssl)
  fi
  rm -rf "$X.new" && mkdir -p "$X.new"
  dpkg-deb -x "$d"/squid-openssl_*.deb "$X.new"
  rm -rf "$d" "$X" && mv "$X.new" "$X"
fi
if ! dpkg -s cntlm >/dev/null 2>&1; then
  echo "e2e: installing cntlm" >&2
  apt_locked env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends cntlm >/dev/null ||
    { apt_locked apt-get update -qq && apt_locked env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends cntlm >/dev/null; }
fi
# cntlm's package starts nothing here (no systemd), but stop a sysvinit instance if policy-rc.d let one start.
"$X/usr/sbin/squid" -v | head -1 >&2
