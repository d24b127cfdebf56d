#!/usr/bin/env bash
# Installs promptfoo (for `npm run bench` only: it is not a project dependency) from the npm
# registry into the cache. Prints the path of its CLI entry (a .js file run with node).
# Idempotent and locked; PROMPTFOO_VERSION picks another release the registry has.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

VERSION="${PROMPTFOO_VERSION:-0.123.1}"
prefix="$LLM_VERIFY_CACHE/promptfoo-$VERSION"
entry="$prefix/node_modules/promptfoo/dist/src/main.js"
installed() { [ -f "$prefix/.installed" ] && [ -f "$entry" ]; }
if installed; then echo "$entry"; exit 0; fi
lock_setup "promptfoo-$VERSION"
if installed; then echo "$entry"; exit 0; fi

node_bin="$(bash "$here/node.sh")"
export PATH="$node_bin:$PATH"
mkdir -p "$prefix"
log "installing promptfoo@$VERSION from the npm registry into $prefix (once; a few minutes)"
run_with_progress "npm install promptfoo@$VERSION" "$prefix/install.log" \
  npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error --prefix "$prefix" "promptfoo@$VERSION" \
  || die "could not install promptfoo@$VERSION (see $prefix/install.log)"
[ -f "$entry" ] || entry="$(find "$prefix/node_modules/promptfoo/dist" -name main.js -path '*src*' | head -n 1)"
[ -f "$entry" ] || die "promptfoo@$VERSION installed but its CLI entry was not found under $prefix/node_modules/promptfoo/dist"
touch "$prefix/.installed"
echo "$entry"
