#!/usr/bin/env bash
# Builds llama-server from the llama.cpp source that node-llama-cpp ships (a git bundle),
# cached by the bundle's commit outside the repo. Prints the path of the llama-server binary.
# Idempotent: a cached build for the same commit is reused; a new commit triggers a new build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/common.sh"

bundle="$root/node_modules/node-llama-cpp/llama/gitRelease.bundle"
[ -f "$bundle" ] || die "missing $bundle: run 'npm ci' first (node-llama-cpp ships the llama.cpp source)"

commit="$(git bundle list-heads "$bundle" | awk 'NR==1{print $1}')"
[ -n "$commit" ] || die "could not read the commit of $bundle"
short="${commit:0:7}"
dir="$LLM_VERIFY_CACHE/llama-server-$short"
binary="$dir/build/bin/llama-server"

built() { [ -x "$binary" ] && [ -f "$dir/.built" ]; }
if built; then echo "$binary"; exit 0; fi
lock_setup "llama-server-$short"
if built; then echo "$binary"; exit 0; fi

command -v cmake >/dev/null 2>&1 || die "cmake is needed to build llama-server (apt-get install cmake)"
command -v c++ >/dev/null 2>&1 || die "a C++ compiler is needed to build llama-server (apt-get install g++)"

log "building llama-server at llama.cpp $short into $dir: takes minutes (about 5 on 2 cores), once; progress every 30 s"
started=$(date +%s)
rm -rf "$dir"
git clone --quiet "$bundle" "$dir/src" >&2
git -C "$dir/src" -c advice.detachedHead=false checkout --quiet "$commit" >&2
jobs="$(nproc 2>/dev/null || echo 2)"
cmake -S "$dir/src" -B "$dir/build" -DCMAKE_BUILD_TYPE=Release \
  -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF \
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DGGML_NATIVE=ON >"$dir/cmake-configure.log" 2>&1 \
  || die "cmake configure failed; see $dir/cmake-configure.log"
: >"$dir/cmake-build.log"
run_with_progress "building llama-server" "$dir/cmake-build.log" \
  cmake --build "$dir/build" --config Release --target llama-server -j "$jobs" \
  || die "cmake build failed; see $dir/cmake-build.log"
[ -x "$binary" ] || die "build finished but $binary is missing"
echo "$commit" >"$dir/.built"
log "llama-server built in $(( $(date +%s) - started )) s"
echo "$binary"
