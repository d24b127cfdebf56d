#!/usr/bin/env bash
# Makes a container runtime available for `--local <id> --container`: when no Docker daemon answers,
# installs Debian's docker.io (apt) if dockerd is absent and starts dockerd as root in the
# background, logging to $LLM_VERIFY_CACHE/dockerd.log, then waits for its socket.
# Prints the daemon's address (unix:///var/run/docker.sock). Idempotent and flock-locked: a daemon
# that already answers is reused, whoever started it. Never pulls an image (no registry here).
# Exits 1 with a message saying what is missing when it cannot provide a runtime (not root, no apt).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

socket="${LLM_VERIFY_DOCKER_SOCKET:-/var/run/docker.sock}"
address="unix://$socket"
daemon_log="$LLM_VERIFY_CACHE/dockerd.log"
pid_file="$LLM_VERIFY_CACHE/dockerd.pid"

lock_setup docker

# The daemon answers /_ping with "OK"; curl is not assumed, the docker CLI may be any version.
answers() {
  [ -S "$socket" ] || return 1
  if command -v docker >/dev/null 2>&1; then
    DOCKER_HOST="$address" docker version --format '{{.Server.Version}}' >/dev/null 2>&1
  else
    command -v curl >/dev/null 2>&1 && curl -fsS --max-time 2 --unix-socket "$socket" http://localhost/_ping >/dev/null 2>&1
  fi
}

if answers; then
  echo "$address"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "no container runtime: dockerd is not installed and installing docker.io needs root (sudo apt-get install docker.io, then start dockerd)"
  command -v apt-get >/dev/null 2>&1 || die "no container runtime: dockerd is not installed and this is not a Debian/Ubuntu system (install Docker or Podman's docker-compatible socket)"
  log "installing Debian's docker.io (apt-get) …"
  started=$(date +%s)
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || die "apt-get update failed; check that Debian's package mirror is reachable"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends docker.io >&2 \
    || die "apt-get install docker.io failed (see above)"
  log "docker.io installed in $(( $(date +%s) - started )) s"
fi

[ "$(id -u)" = 0 ] || die "no container runtime: dockerd is installed but not running, and starting it needs root (sudo dockerd, or systemctl start docker)"

log "starting dockerd (log: $daemon_log) …"
started=$(date +%s)
# setsid: the daemon outlives this script and the test run that called it; later runs reuse it.
# 9>&-: the daemon must not inherit (and hold forever) this script's lock (lock_setup's fd 9).
setsid dockerd --host "$address" >>"$daemon_log" 2>&1 </dev/null 9>&- &
echo $! >"$pid_file"
for _ in $(seq 1 120); do
  if answers; then
    log "dockerd (pid $(cat "$pid_file")) ready in $(( $(date +%s) - started )) s"
    echo "$address"
    exit 0
  fi
  if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    tail -n 20 "$daemon_log" >&2 || true
    die "dockerd exited at start (above: the end of $daemon_log)"
  fi
  sleep 0.5
done
tail -n 20 "$daemon_log" >&2 || true
die "dockerd did not answer on $socket within 60 s (above: the end of $daemon_log)"
