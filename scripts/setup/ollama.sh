#!/usr/bin/env bash
# Builds the `ollama` binary (CPU only) from its Go module, pinned by version, through the Go
# module proxy; cached outside the repo under $LLM_VERIFY_CACHE/ollama-<version>/bin/ollama.
# Prints the binary's path. Idempotent: a finished build for the same version is reused.
# Needs Go >= 1.24 and a C/C++ compiler (cgo compiles Ollama's bundled llama.cpp/ggml).
# Takes 15-30 minutes on 2 cores the first time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

OLLAMA_VERSION="${LLM_VERIFY_OLLAMA_VERSION:-v0.17.4}"
MODULE="github.com/ollama/ollama"

dir="$LLM_VERIFY_CACHE/ollama-$OLLAMA_VERSION"
binary="$dir/bin/ollama"
buildlog="$dir/build.log"

if [ -x "$binary" ] && [ -f "$dir/.built" ]; then
  echo "$binary"
  exit 0
fi

go="$(command -v go || true)"
[ -n "$go" ] || [ ! -x /usr/local/go/bin/go ] || go=/usr/local/go/bin/go
[ -n "$go" ] || die "Go (>= 1.24) is needed to build ollama $OLLAMA_VERSION from its Go module; install Go and retry"
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || die "a C compiler is needed (cgo builds ollama's llama.cpp): apt-get install gcc g++"
command -v c++ >/dev/null 2>&1 || command -v g++ >/dev/null 2>&1 || die "a C++ compiler is needed (cgo builds ollama's llama.cpp): apt-get install g++"

mkdir -p "$dir/bin"
: >"$buildlog"
export CGO_ENABLED=1
export GOFLAGS="${GOFLAGS:-} -buildvcs=false"
export GOPROXY="${GOPROXY:-https://proxy.golang.org,direct}"
started=$(date +%s)
log "building ollama $OLLAMA_VERSION (CPU only) into $dir; this takes 15-30 minutes on 2 cores; log: $buildlog"

# go install works for a module without replace directives; otherwise build inside a copy of the module.
if ! GOBIN="$dir/bin" "$go" install "$MODULE@$OLLAMA_VERSION" >>"$buildlog" 2>&1; then
  if grep -q "replace directives" "$buildlog"; then
    log "go install refused (replace directives); building in a copy of the module source"
    "$go" mod download -json "$MODULE@$OLLAMA_VERSION" >>"$buildlog" 2>&1 \
      || die "could not download $MODULE@$OLLAMA_VERSION from the Go module proxy; see $buildlog"
    src="$("$go" env GOMODCACHE)/$MODULE@$OLLAMA_VERSION"
    rm -rf "$dir/src" && cp -r "$src" "$dir/src" && chmod -R u+w "$dir/src"
    (cd "$dir/src" && "$go" build -trimpath -o "$binary" .) >>"$buildlog" 2>&1 \
      || die "go build of ollama $OLLAMA_VERSION failed; see the end of $buildlog"
  else
    tail -n 20 "$buildlog" >&2 || true
    die "go install $MODULE@$OLLAMA_VERSION failed (above: the end of $buildlog). Check that the Go module proxy is reachable and that gcc/g++ are installed."
  fi
fi

[ -x "$binary" ] || die "build finished but $binary is missing; see $buildlog"
"$binary" --version >>"$buildlog" 2>&1 || die "$binary was built but does not run; see $buildlog"
echo "$OLLAMA_VERSION" >"$dir/.built"
log "ollama $OLLAMA_VERSION built in $(( $(date +%s) - started )) s"
echo "$binary"
