#!/usr/bin/env bash
# Runs a command with a Node >= 22.18 first on PATH, installing Node 24 from the npm registry
# into the cache when the machine's Node is older. A first argument ending in .ts/.js/.mjs runs
# under that node; anything else (e.g. `vitest run`) is executed as is with the PATH set.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$(bash "$here/setup/node.sh")"
export PATH="$bin:$PATH"
case "${1:-}" in
  *.ts|*.js|*.mjs) exec node "$@" ;;
  *) exec "$@" ;;
esac
