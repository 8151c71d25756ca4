#!/usr/bin/env bash
# From the project's shared reference (shared/reference/build-buildkit-from-debian.sh), kept here so CI has it.
# build-buildkit-from-debian.sh -- compile buildkitd, buildctl and dockerfile-frontend (BuildKit as
# vendored by Debian trixie's docker.io 26.1.5) OFFLINE-from-upstream: only the configured Debian mirror is used,
# through apt's ordinary client, into a private apt state dir. Nothing is installed with dpkg; all
# debs are just extracted into $OUT/root.
#
#   * bookworm has no buildkit/buildx package and its Go (1.19) is too old.
#   * trixie's golang-github-docker-docker-dev ships the FULL github.com/moby/buildkit tree
#     (cmd/buildkitd, cmd/buildctl, frontend/dockerfile/cmd/dockerfile-frontend included).
#   * trixie's golang-1.24-go runs on bookworm (static toolchain).
# Result (static, CGO_ENABLED=0): $OUT/bin/{buildkitd,buildctl,dockerfile-frontend}
# Measured on 2 cores: downloads ~30 s (≈200 MB), extraction ~15 s, cold compile ~3-4 min.
set -euo pipefail
OUT=${OUT:-/tmp/buildkit-gobuild}
A=$OUT/apt-trixie; R=$OUT/root; O=$OUT/overlay/src
mkdir -p "$A/etc" "$A/lists/partial" "$A/cache/archives/partial" "$A/debs" "$R" "$O" "$OUT/bin"

# 1. private apt config pointing at trixie (system sources/lists untouched)
DEBIAN_MIRROR=${DEBIAN_MIRROR:-$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)}
  printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$DEBIAN_MIRROR" >"$A/etc/trixie.sources"
printf 'Dir::Etc::SourceList "/dev/null";\nDir::Etc::SourceParts "%s/etc";\nDir::State::Lists "%s/lists";\nDir::Cache "%s/cache";\n' "$A" "$A" "$A" >"$A/apt.conf"
export APT_CONFIG=$A/apt.conf
apt-get update -qq

# 2. dependency closure of the -dev packages (Depends of golang-github-docker-docker-dev is
#    incomplete for cmd/buildkitd, hence the explicit extra list)
EXTRA="golang-github-google-shlex-dev golang-github-gofrs-flock-dev golang-github-tonistiigi-vt100-dev
golang-github-pkg-profile-dev golang-github-mitchellh-hashstructure-v2-dev golang-github-spdx-tools-golang-dev
golang-github-agext-levenshtein-dev golang-github-coreos-go-systemd-dev golang-github-containerd-stargz-snapshotter-dev
golang-github-containerd-nydus-snapshotter-dev golang-github-aws-aws-sdk-go-v2-dev golang-github-azure-azure-sdk-for-go-dev"
# shellcheck disable=SC2086
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
  --no-enhances --no-pre-depends golang-github-docker-docker-dev $EXTRA 2>/dev/null \
  | grep -vE '^\s' | grep -E -- '^golang-.*-dev$' | sort -u >"$A/closure.txt"
# keep only real packages (the closure also lists virtual names); one apt-cache call, not 400
# shellcheck disable=SC2046
PKGS=$(apt-cache policy $(cat "$A/closure.txt") 2>/dev/null \
  | awk '/^[^ ].*:$/ {p=substr($1,1,length($1)-1)} /Candidate:/ && $2!="(none)" {print p}' | tr '\n' ' ')
# golang/protobuf 1.3 and 1.5 both land in github.com/golang/protobuf -> keep 1.5 only
# (otherwise: "DecodeVarint redeclared in this block")
PKGS=$(echo "$PKGS" | tr ' ' '\n' | grep -v '^golang-github-golang-protobuf-1-3-dev$' | tr '\n' ' ')
# shellcheck disable=SC2086
( cd "$A/debs" && apt-get download -qq $PKGS golang-1.24-go golang-1.24-src 2>/dev/null )
for f in "$A"/debs/*.deb; do dpkg-deb -x "$f" "$R"; done

# 3. overlay GOPATH: things trixie does not package
mkdir -p "$O/github.com/coreos/go-systemd" "$O/github.com/tonistiigi/go-archvariant" \
  "$O/github.com/package-url/packageurl-go" "$O/github.com/containerd/fuse-overlayfs-snapshotter" "$O/github.com/moby/buildkit/cmd"
ln -sfn "$R/usr/share/gocode/src/github.com/coreos/go-systemd" "$O/github.com/coreos/go-systemd/v22"
cat >"$O/github.com/tonistiigi/go-archvariant/archvariant.go" <<'EOF'
// Package archvariant: local stub (not packaged in Debian trixie).
package archvariant

func AMD64Variant() string { return "v1" }
EOF
cat >"$O/github.com/containerd/fuse-overlayfs-snapshotter/stub.go" <<'EOF'
// Package fuseoverlayfs: local stub (not packaged in Debian trixie).
package fuseoverlayfs

import (
	"errors"

	"github.com/containerd/containerd/snapshots"
)

func Supported(root string) error { return errors.New("fuse-overlayfs not compiled in") }
func NewSnapshotter(root string) (snapshots.Snapshotter, error) {
	return nil, errors.New("fuse-overlayfs not compiled in")
}
EOF
cat >"$O/github.com/package-url/packageurl-go/packageurl.go" <<'EOF'
// Package packageurl: minimal local stub of github.com/package-url/packageurl-go (not packaged in
// Debian trixie) -- only the API BuildKit uses (provenance/SBOM purls).
package packageurl

import (
	"errors"
	"net/url"
	"strings"
)

const (
	TypeDocker = "docker"
	TypeOCI    = "oci"
)

type Qualifier struct{ Key, Value string }
type Qualifiers []Qualifier

func (q Qualifiers) Map() map[string]string {
	m := map[string]string{}
	for _, x := range q {
		m[x.Key] = x.Value
	}
	return m
}

type PackageURL struct {
	Type, Namespace, Name, Version string
	Qualifiers                     Qualifiers
	Subpath                        string
}

func NewPackageURL(purlType, namespace, name, version string, qualifiers Qualifiers, subpath string) *PackageURL {
	return &PackageURL{purlType, namespace, name, version, qualifiers, subpath}
}

func (p PackageURL) ToString() string {
	s := "pkg:" + p.Type + "/"
	if p.Namespace != "" {
		s += p.Namespace + "/"
	}
	s += url.PathEscape(p.Name)
	if p.Version != "" {
		s += "@" + url.PathEscape(p.Version)
	}
	if len(p.Qualifiers) > 0 {
		var parts []string
		for _, q := range p.Qualifiers {
			parts = append(parts, q.Key+"="+url.QueryEscape(q.Value))
		}
		s += "?" + strings.Join(parts, "&")
	}
	if p.Subpath != "" {
		s += "#" + p.Subpath
	}
	return s
}

func (p PackageURL) String() string { return p.ToString() }

func FromString(purl string) (PackageURL, error) {
	if !strings.HasPrefix(purl, "pkg:") {
		return PackageURL{}, errors.New("purl scheme is not \"pkg\"")
	}
	rest := strings.TrimPrefix(purl, "pkg:")
	var p PackageURL
	if i := strings.Index(rest, "#"); i >= 0 {
		p.Subpath, rest = rest[i+1:], rest[:i]
	}
	if i := strings.Index(rest, "?"); i >= 0 {
		for _, kv := range strings.Split(rest[i+1:], "&") {
			k, v, _ := strings.Cut(kv, "=")
			v, _ = url.QueryUnescape(v)
			p.Qualifiers = append(p.Qualifiers, Qualifier{k, v})
		}
		rest = rest[:i]
	}
	typ, rest, ok := strings.Cut(rest, "/")
	if !ok {
		return PackageURL{}, errors.New("invalid purl")
	}
	p.Type = typ
	if i := strings.LastIndex(rest, "@"); i >= 0 {
		p.Version, _ = url.PathUnescape(rest[i+1:])
		rest = rest[:i]
	}
	if i := strings.LastIndex(rest, "/"); i >= 0 {
		p.Namespace, rest = rest[:i], rest[i+1:]
	}
	p.Name, _ = url.PathUnescape(rest)
	return p, nil
}
EOF
# cmd/buildkitd without the Azure-blob and GitHub-Actions cache backends (SDKs not packaged)
rm -rf "$O/github.com/moby/buildkit/cmd/buildkitd"
cp -r "$R/usr/share/gocode/src/github.com/moby/buildkit/cmd/buildkitd" "$O/github.com/moby/buildkit/cmd/"
sed -i -e '/cache\/remotecache\/azblob"/d' -e '/cache\/remotecache\/gha"/d' \
  -e '/"gha": *gha\./d' -e '/"azblob": *azblob\./d' "$O/github.com/moby/buildkit/cmd/buildkitd/main.go"

# 4. compile in GOPATH mode, fully offline
export PATH=$R/usr/lib/go-1.24/bin:$PATH GO111MODULE=off GOPATH=$OUT/overlay:$R/usr/share/gocode \
  GOCACHE=$OUT/cache GOPROXY=off GOTOOLCHAIN=local GOFLAGS= CGO_ENABLED=0
go build -o "$OUT/bin/buildctl" github.com/moby/buildkit/cmd/buildctl
go build -o "$OUT/bin/buildkitd" github.com/moby/buildkit/cmd/buildkitd
go build -o "$OUT/bin/dockerfile-frontend" github.com/moby/buildkit/frontend/dockerfile/cmd/dockerfile-frontend
ls -la "$OUT/bin"
