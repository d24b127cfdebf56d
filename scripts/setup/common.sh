# Shared by the set-up scripts: where the cache lives, how to log.
# Sourced, not executed.
LLM_VERIFY_CACHE="${LLM_VERIFY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/llm-verify}"
export LLM_VERIFY_CACHE
mkdir -p "$LLM_VERIFY_CACHE"

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }
