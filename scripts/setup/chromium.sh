#!/usr/bin/env bash
# Makes a headless Chromium available for the browser tests (matrix.html and `verify --ui`): when
# none is installed, installs Debian's `chromium` package with apt-get (no browser download of its
# own: Playwright's browser builds are not reachable here, the distribution's package is).
# Honours LLM_VERIFY_CHROMIUM (a path to a Chromium/Chrome binary) when set.
# Prints the browser binary's path. Idempotent and flock-locked (parallel callers wait, then reuse).
# Exits 1 with a message saying what is missing when it cannot provide one (not root, no apt).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

runs() { "$1" --headless --no-sandbox --version >/dev/null 2>&1; }

if [ -n "${LLM_VERIFY_CHROMIUM:-}" ]; then
  [ -x "$LLM_VERIFY_CHROMIUM" ] || die "LLM_VERIFY_CHROMIUM=$LLM_VERIFY_CHROMIUM is not an executable file; unset it or point it at a Chromium binary"
  runs "$LLM_VERIFY_CHROMIUM" || die "LLM_VERIFY_CHROMIUM=$LLM_VERIFY_CHROMIUM does not run (\`$LLM_VERIFY_CHROMIUM --headless --version\` failed)"
  echo "$LLM_VERIFY_CHROMIUM"
  exit 0
fi

lock_setup chromium

find_chromium() {
  local candidate
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser "$(command -v chromium || true)" "$(command -v chromium-browser || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && runs "$candidate"; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if binary="$(find_chromium)"; then
  echo "$binary"
  exit 0
fi

[ "$(id -u)" = 0 ] || die "no Chromium: installing Debian's chromium needs root (sudo apt-get install chromium), or set LLM_VERIFY_CHROMIUM to a Chromium binary"
command -v apt-get >/dev/null 2>&1 || die "no Chromium and this is not a Debian/Ubuntu system: install Chromium and set LLM_VERIFY_CHROMIUM to its binary"
log "installing Debian's chromium (apt-get, about 100 MB) …"
started=$(date +%s)
apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || die "apt-get update failed; check that Debian's package mirror is reachable"
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2 \
  || die "apt-get install chromium failed (see above)"
binary="$(find_chromium)" || die "chromium was installed but does not run headless (\`/usr/bin/chromium --headless --no-sandbox --version\` failed)"
log "chromium installed in $(( $(date +%s) - started )) s: $("$binary" --headless --no-sandbox --version 2>/dev/null)"
echo "$binary"
