#!/usr/bin/env bash
# Fetch a Go toolchain from Debian's archive WITHOUT installing anything system-wide: a private apt config
# (own sources, lists and cache) downloads the debs and dpkg-deb extracts them into $GO_ORACLE_DIR.
#   fetch-go.sh 1.24   -> trixie's golang-1.24-go + golang-1.24-src   (Go 1.24.x: what dockerd 26+/buildx use)
#   fetch-go.sh 1.19   -> bookworm's golang-1.19-go + golang-1.19-src (Go 1.19.x: what Debian's dockerd 20.10 uses)
#   fetch-go.sh 1.21|1.22|1.23 -> bookworm-backports' golang-1.2x-go + -src (what dockerd 25-28 were built with).
#   Go 1.20 is in no Debian suite the mirror serves (bookworm-backports went from 1.19 to 1.21).
# Prints the GOROOT. apt is wrapped in flock so parallel fetches on a shared machine do not collide.
set -euo pipefail
VER=${1:?usage: fetch-go.sh 1.24|1.23|1.22|1.21|1.19}
case "$VER" in
  1.24) SUITE=trixie ;;
  1.21 | 1.22 | 1.23) SUITE=bookworm-backports ;;
  1.19) SUITE=bookworm ;;
  *) echo "unsupported Go version $VER (1.24, 1.23, 1.22, 1.21 or 1.19)" >&2; exit 2 ;;
esac
BASE=${GO_ORACLE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/buildproxy-go-oracle}
GOROOT_OUT=$BASE/go-$VER/usr/lib/go-$VER
if [ -x "$GOROOT_OUT/bin/go" ]; then echo "$GOROOT_OUT"; exit 0; fi
umask 022
mkdir -p "$BASE"
A=$(mktemp -d "$BASE/apt-$SUITE.XXXXXX")
trap 'rm -rf "$A"' EXIT
mkdir -p "$A/etc" "$A/lists/partial" "$A/cache/archives/partial" "$A/debs" "$A/root"
MIRROR=${DEBIAN_MIRROR:-$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
  "$MIRROR" "$SUITE" >"$A/etc/$SUITE.sources"
printf 'Dir::Etc::SourceList "/dev/null";\nDir::Etc::SourceParts "%s/etc";\nDir::State::Lists "%s/lists";\nDir::Cache "%s/cache";\n' \
  "$A" "$A" "$A" >"$A/apt.conf"
export APT_CONFIG=$A/apt.conf
flock /tmp/buildproxy-apt.lock sh -c "apt-get update -qq && cd '$A/debs' && apt-get download -qq golang-$VER-go golang-$VER-src"
for f in "$A"/debs/*.deb; do dpkg-deb -x "$f" "$A/root"; done
rm -rf "$BASE/go-$VER"
mv "$A/root" "$BASE/go-$VER"
"$GOROOT_OUT/bin/go" version >&2
echo "$GOROOT_OUT"
