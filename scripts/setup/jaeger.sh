#!/usr/bin/env bash
# Builds Jaeger (v2, `github.com/jaegertracing/jaeger/cmd/jaeger`: an OTLP receiver, in-memory trace
# storage and the query API in one binary) from its Go module, pinned by version, through the Go module
# proxy; cached outside the repo under $LLM_VERIFY_CACHE/jaeger-<version>/bin/jaeger. Prints the
# binary's path. Idempotent: a finished build for the same version is reused. Used only by the e2e
# test that exports a real run's spans over OTLP/HTTP and reads them back (test/test-tools.setup.ts
# ensures it), so unit tests never wait for it.
#
# Why not `go install github.com/jaegertracing/jaeger/cmd/jaeger@<v>`: go install refuses a module
# whose go.mod has replace directives (Jaeger's pins sarama). So it is built as a tool of a
# throw-away module that repeats those replace directives (same dependency versions as upstream).
# Needs Go >= 1.24. Pure Go (CGO off). About 11 minutes on 2 cores the first time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

# v1.75.0 is the module tag of Jaeger v2.12.0's cmd/jaeger (the repository tags v1.x and v2.x together).
JAEGER_VERSION="${LLM_VERIFY_JAEGER_VERSION:-v1.75.0}"
MODULE="github.com/jaegertracing/jaeger"

dir="$LLM_VERIFY_CACHE/jaeger-$JAEGER_VERSION"
binary="$dir/bin/jaeger"
buildlog="$dir/build.log"

built() { [ -x "$binary" ] && [ -f "$dir/.built" ]; }
if built; then echo "$binary"; exit 0; fi
lock_setup "jaeger-$JAEGER_VERSION"
if built; then echo "$binary"; exit 0; fi

go="$(command -v go || true)"
if [ -z "$go" ] && [ -x /usr/local/go/bin/go ]; then go=/usr/local/go/bin/go; fi
[ -n "$go" ] || die "Go (>= 1.24) is needed to build jaeger $JAEGER_VERSION from its Go module; install Go and retry"

mkdir -p "$dir/bin"
: >"$buildlog"
started=$(date +%s)
log "building jaeger $JAEGER_VERSION (cmd/jaeger) from its Go module into $dir: takes minutes (about 11 on 2 cores), once; progress every 30 s; log: $buildlog"

export CGO_ENABLED=0
export GOPROXY="${GOPROXY:-https://proxy.golang.org,direct}"
export GOFLAGS=-mod=mod
work="$dir/module"

build() {
  rm -rf "$work" && mkdir -p "$work" && cd "$work"
  "$go" mod init llm-verify.local/jaeger-build
  "$go" mod download -json "$MODULE@$JAEGER_VERSION" >download.json
  local src
  src="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' download.json)"
  [ -f "$src/go.mod" ] || { echo "no go.mod in the downloaded module ($src)"; return 1; }
  # The module's one-line replace directives (`replace a => b vX`), repeated here.
  sed -n 's/^replace \([^ ]*\) => \([^ ]*\) \(v[^ ]*\)$/\1=\2@\3/p' "$src/go.mod" >replaces.txt
  while read -r pair; do "$go" mod edit -replace "$pair"; done <replaces.txt
  "$go" get -tool "$MODULE/cmd/jaeger@$JAEGER_VERSION"
  "$go" build -v -trimpath -ldflags "-w -s" -o "$binary" "$MODULE/cmd/jaeger"
}
if ! run_with_progress "building jaeger" "$buildlog" build; then
  tail -n 20 "$buildlog" >&2 || true
  die "building $MODULE/cmd/jaeger@$JAEGER_VERSION failed (above: the end of $buildlog). Check that the Go module proxy is reachable and that Go is >= 1.24."
fi

[ -x "$binary" ] || die "build finished but $binary is missing; see $buildlog"
"$binary" --help >>"$buildlog" 2>&1 || die "$binary was built but does not run; see $buildlog"
echo "$JAEGER_VERSION" >"$dir/.built"
log "jaeger $JAEGER_VERSION built in $(( $(date +%s) - started )) s"
echo "$binary"
