#!/usr/bin/env bash
# Builds the `ollama` binary (CPU only) from its Go module, pinned by version, through the Go
# module proxy; cached outside the repo under $LLM_VERIFY_CACHE/ollama-<version>/bin/ollama.
# Prints the binary's path. Idempotent: a finished build for the same version is reused.
#
# Why not a plain `go install github.com/ollama/ollama@<v>`: Go module zips drop every `vendor/`
# directory, so Ollama's copy of llama.cpp loses the header-only libraries it includes
# (nlohmann/json, stb_image, miniaudio) and cgo fails with "nlohmann/json_fwd.hpp: No such file".
# They are taken from the llama.cpp source node-llama-cpp ships (run `npm ci` first).
# cgo would also build ggml for baseline x86-64 (no AVX): -march=native makes it ~usable.
# Needs Go >= 1.24, gcc/g++ and git. About 14 minutes on 2 cores the first time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/common.sh"

OLLAMA_VERSION="${LLM_VERIFY_OLLAMA_VERSION:-v0.17.4}"
MODULE="github.com/ollama/ollama"

dir="$LLM_VERIFY_CACHE/ollama-$OLLAMA_VERSION"
binary="$dir/bin/ollama"
buildlog="$dir/build.log"

built() { [ -x "$binary" ] && [ -f "$dir/.built" ]; }
if built; then echo "$binary"; exit 0; fi
lock_setup "ollama-$OLLAMA_VERSION"
if built; then echo "$binary"; exit 0; fi

go="$(command -v go || true)"
if [ -z "$go" ] && [ -x /usr/local/go/bin/go ]; then go=/usr/local/go/bin/go; fi
[ -n "$go" ] || die "Go (>= 1.24) is needed to build ollama $OLLAMA_VERSION from its Go module; install Go and retry"
command -v gcc >/dev/null 2>&1 || die "gcc is needed (cgo builds ollama's llama.cpp/ggml): apt-get install gcc g++"
command -v g++ >/dev/null 2>&1 || die "g++ is needed (cgo builds ollama's llama.cpp/ggml): apt-get install g++"
command -v git >/dev/null 2>&1 || die "git is needed to read the llama.cpp headers from node-llama-cpp's bundle"

bundle="$root/node_modules/node-llama-cpp/llama/gitRelease.bundle"
[ -f "$bundle" ] || die "missing $bundle: run 'npm ci' first (its llama.cpp source provides headers the Go module lacks)"

mkdir -p "$dir/bin"
: >"$buildlog"
started=$(date +%s)
log "building ollama $OLLAMA_VERSION (CPU only) from its Go module into $dir: takes minutes (about 14 on 2 cores), once; progress every 30 s; log: $buildlog"

# 1. The header-only libraries missing from the module zip.
if [ ! -f "$dir/vendor/nlohmann/json_fwd.hpp" ] || [ ! -f "$dir/vendor/stb/stb_image.h" ] || [ ! -f "$dir/vendor/miniaudio/miniaudio.h" ]; then
  commit="$(git bundle list-heads "$bundle" | awk 'NR==1{print $1}')"
  [ -n "$commit" ] || die "could not read the commit of $bundle"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  git clone --bare --quiet "$bundle" "$tmp/llama.git" >>"$buildlog" 2>&1 || die "could not clone $bundle; see $buildlog"
  rm -rf "$dir/vendor"
  git -C "$tmp/llama.git" archive "$commit" vendor/nlohmann vendor/stb vendor/miniaudio | tar -x -C "$dir" \
    || die "llama.cpp $commit in $bundle has no vendor/{nlohmann,stb,miniaudio}"
fi

# 2. go install with those headers on the include path, native CPU flags and the version stamped in.
export CGO_ENABLED=1
export CGO_CPPFLAGS="-I$dir/vendor"
export CGO_CFLAGS="-O2 -march=native"
export CGO_CXXFLAGS="-O2 -march=native"
export GOPROXY="${GOPROXY:-https://proxy.golang.org,direct}"
ldflags="-w -s -X=$MODULE/version.Version=${OLLAMA_VERSION#v} -X=$MODULE/server.mode=release"
if ! GOBIN="$dir/bin" run_with_progress "building ollama" "$buildlog" "$go" install -v -ldflags "$ldflags" "$MODULE@$OLLAMA_VERSION"; then
  tail -n 20 "$buildlog" >&2 || true
  die "go install $MODULE@$OLLAMA_VERSION failed (above: the end of $buildlog). Check that the Go module proxy is reachable, that gcc/g++ are installed, and whether this version needs more headers than vendor/{nlohmann,stb,miniaudio}."
fi

[ -x "$binary" ] || die "build finished but $binary is missing; see $buildlog"
"$binary" --version >>"$buildlog" 2>&1 || die "$binary was built but does not run; see $buildlog"
grep -q "client version is ${OLLAMA_VERSION#v}" "$buildlog" || die "$binary does not report version ${OLLAMA_VERSION#v}; see $buildlog"
echo "$OLLAMA_VERSION -march=native" >"$dir/.built"
log "ollama $OLLAMA_VERSION built in $(( $(date +%s) - started )) s"
echo "$binary"
