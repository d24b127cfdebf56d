# Shared by the set-up scripts: where the cache lives, how to log.
# Sourced, not executed.
LLM_VERIFY_CACHE="${LLM_VERIFY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/llm-verify}"
export LLM_VERIFY_CACHE
mkdir -p "$LLM_VERIFY_CACHE"

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# Takes an exclusive lock on $LLM_VERIFY_CACHE/.<name>.lock (fd 9, held until the script exits), so
# that concurrent set-ups of the same thing (several test processes, a CI step and a test run)
# build it once: the others wait here, then find it cached. Re-check the cache after calling this.
lock_setup() {
  local name="$1"
  local file="$LLM_VERIFY_CACHE/.$name.lock"
  if ! command -v flock >/dev/null 2>&1; then
    log "flock not found (util-linux): $name is not guarded against a concurrent set-up"
    return 0
  fi
  exec 9>"$file"
  if ! flock -n 9; then
    log "another process is setting up $name; waiting for it (lock $file)"
    flock 9
  fi
}

# Runs a long build step with its output appended to a log file, printing a line every 30 s
# (time so far and the log's last line) so that a build of several minutes is never silent.
# Returns the step's exit code. Stops the step if this script is interrupted.
run_with_progress() {
  local what="$1" logfile="$2"
  shift 2
  local started=$SECONDS last=$SECONDS pid status=0
  "$@" >>"$logfile" 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null' INT TERM
  while kill -0 "$pid" 2>/dev/null; do
    sleep 2
    if (( SECONDS - last >= 30 )); then
      last=$SECONDS
      log "$what: $(( SECONDS - started )) s so far; $(tail -n 1 "$logfile" 2>/dev/null | tr -d '\r' | cut -c1-100)"
    fi
  done
  wait "$pid" || status=$?
  trap - INT TERM
  return "$status"
}
