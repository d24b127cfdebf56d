#!/usr/bin/env bash
# Installs the LiteLLM proxy (PyPI `litellm[proxy]`, pinned) into a Python venv in the cache,
# $LLM_VERIFY_CACHE/litellm-<version>/venv. The litellm wheel is downloaded first and its sha256
# checked against the pinned hash, then installed from that file with its [proxy] extra.
# Prints the path of the venv's `litellm` command. Idempotent and flock-locked (parallel callers
# wait, then reuse the venv). Needs python3 (>= 3.9) with venv; about 1-2 minutes the first time.
#
# Why 1.108.7: the newest release whose [proxy] extra installs from the package registry here.
# 1.108.8-1.108.12 need litellm-enterprise==0.1.79.post2, 1.108.13-1.109.x need a
# litellm-proxy-extras the registry does not serve, 1.110.x moved the proxy into a `litellm-proxy`
# package the registry does not serve (checked with `pip install --dry-run "litellm[proxy]==<v>"`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

LITELLM_VERSION="1.108.7"
WHEEL_FILE="litellm-$LITELLM_VERSION-cp310-abi3-manylinux_2_28_x86_64.whl"
# sha256 of the wheel above as PyPI serves it (`pip download --no-deps litellm==1.108.7`).
WHEEL_SHA256="0c8a062e285b793b110a44bae485a2beb83c21381a9e4c62001547f296b0e5af"

dir="$LLM_VERIFY_CACHE/litellm-$LITELLM_VERSION"
venv="$dir/venv"
binary="$venv/bin/litellm"
installlog="$dir/install.log"

installed() { [ -x "$binary" ] && [ -f "$dir/.installed" ]; }
if installed; then echo "$binary"; exit 0; fi
mkdir -p "$dir"
lock_setup "litellm-$LITELLM_VERSION"
if installed; then echo "$binary"; exit 0; fi

[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] \
  || die "litellm $LITELLM_VERSION is pinned by the hash of its Linux x86_64 wheel; on $(uname -s)-$(uname -m) install the LiteLLM proxy yourself and point LITELLM_BASE_URL at it"
python="$(command -v python3 || true)"
[ -n "$python" ] || die "python3 (>= 3.9, with the venv module) is needed to install the LiteLLM proxy"
"$python" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 9) else 1)' 2>/dev/null \
  || die "$python is older than 3.9 or lacks the venv module (Debian: apt-get install python3-venv)"

: >"$installlog"
started=$(date +%s)
log "installing the LiteLLM proxy $LITELLM_VERSION into $venv: about 1-2 minutes, once; progress every 30 s; log: $installlog"

# 1. The wheel, checked against the pinned hash (the registry's copy must be the one we reviewed).
wheels="$dir/wheel"
rm -rf "$wheels"
mkdir -p "$wheels"
run_with_progress "downloading litellm $LITELLM_VERSION" "$installlog" \
  "$python" -m pip download --no-deps --disable-pip-version-check -d "$wheels" "litellm==$LITELLM_VERSION" \
  || { tail -n 5 "$installlog" >&2; die "could not download litellm==$LITELLM_VERSION from PyPI; check that the registry is reachable (pip config) and retry"; }
[ -f "$wheels/$WHEEL_FILE" ] || die "pip downloaded no $WHEEL_FILE (found: $(ls "$wheels"))"
actual="$(sha256sum "$wheels/$WHEEL_FILE" | awk '{print $1}')"
[ "$actual" = "$WHEEL_SHA256" ] || die "sha256 of $WHEEL_FILE is $actual, expected $WHEEL_SHA256 (tampered or republished wheel)"
log "litellm $LITELLM_VERSION wheel: sha256 ok"

# 2. A fresh venv, then that very file with its [proxy] extra (its dependencies come from the registry).
rm -rf "$venv"
"$python" -m venv "$venv" >>"$installlog" 2>&1 || die "python3 -m venv $venv failed; see $installlog"
if ! run_with_progress "installing litellm[proxy] $LITELLM_VERSION" "$installlog" \
  "$venv/bin/python" -m pip install --disable-pip-version-check --no-input "$wheels/$WHEEL_FILE[proxy]"; then
  tail -n 20 "$installlog" >&2 || true
  die "pip install litellm[proxy]==$LITELLM_VERSION failed (above: the end of $installlog)"
fi
[ -x "$binary" ] || die "install finished but $binary is missing; see $installlog"
reported="$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("litellm"))')"
[ "$reported" = "$LITELLM_VERSION" ] || die "the venv reports litellm $reported, expected $LITELLM_VERSION"
"$venv/bin/python" -c 'import litellm.proxy.proxy_server' >>"$installlog" 2>&1 \
  || die "litellm $LITELLM_VERSION installed but its proxy does not import; see $installlog"
rm -rf "$wheels"
echo "$LITELLM_VERSION $WHEEL_SHA256" >"$dir/.installed"
log "LiteLLM proxy $LITELLM_VERSION installed in $(( $(date +%s) - started )) s"
echo "$binary"
