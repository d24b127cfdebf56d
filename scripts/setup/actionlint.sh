#!/usr/bin/env bash
# Builds actionlint (the GitHub Actions workflow linter) from its Go module, pinned by version and
# checked against the module's go.sum hash, through the Go module proxy; cached outside the repo
# under $LLM_VERIFY_CACHE/actionlint-<version>/bin/actionlint. Also makes sure shellcheck is
# installed (Debian's package), so actionlint checks every `run:` script the same way everywhere.
# Prints the actionlint binary's path. Idempotent and flock-locked (parallel callers wait, then
# reuse the build). Needs Go >= 1.24; about 1 minute on 2 cores the first time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

ACTIONLINT_VERSION="v1.7.12"
MODULE="github.com/rhysd/actionlint"
# `go mod download -json github.com/rhysd/actionlint@v1.7.12` .Sum (the go.sum line of the module zip).
MODULE_SUM="h1:vQ4GeJN86C0QH+gTUQcs8McmK62OLT3kmakPMtEWYnY="

dir="$LLM_VERIFY_CACHE/actionlint-$ACTIONLINT_VERSION"
binary="$dir/bin/actionlint"
buildlog="$dir/build.log"

mkdir -p "$dir"
lock_setup "actionlint-$ACTIONLINT_VERSION"

ensure_shellcheck() {
  command -v shellcheck >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    die "shellcheck is needed (actionlint checks run: scripts with it): install it (apt-get install shellcheck) and retry"
  fi
  log "installing Debian's shellcheck (apt-get) …"
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || die "apt-get update failed; check that Debian's package mirror is reachable"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends shellcheck >&2 \
    || die "apt-get install shellcheck failed (see above)"
}

if [ -x "$binary" ] && [ -f "$dir/.built" ]; then
  ensure_shellcheck
  echo "$binary"
  exit 0
fi

go="$(command -v go || true)"
if [ -z "$go" ] && [ -x /usr/local/go/bin/go ]; then go=/usr/local/go/bin/go; fi
[ -n "$go" ] || die "Go (>= 1.24) is needed to build actionlint $ACTIONLINT_VERSION from its Go module; install Go and retry"
export GOPROXY="${GOPROXY:-https://proxy.golang.org,direct}"
export CGO_ENABLED=0

: >"$buildlog"
started=$(date +%s)
log "building actionlint $ACTIONLINT_VERSION into $dir; log: $buildlog"

# 1. The module zip, checked against the pinned hash (the proxy's copy must be the one we reviewed).
if ! download="$("$go" mod download -json "$MODULE@$ACTIONLINT_VERSION" 2>>"$buildlog")"; then
  die "go mod download $MODULE@$ACTIONLINT_VERSION failed; check that the Go module proxy is reachable (see $buildlog)"
fi
printf '%s\n' "$download" >>"$buildlog"
sum="$(printf '%s\n' "$download" | sed -n 's/^[[:space:]]*"Sum": "\(.*\)",*$/\1/p')"
[ "$sum" = "$MODULE_SUM" ] || die "$MODULE@$ACTIONLINT_VERSION has hash '$sum', expected $MODULE_SUM (tampered or republished module)"

# 2. The command, with the version stamped in as upstream's release build does.
ldflags="-s -w -X $MODULE.version=$ACTIONLINT_VERSION"
if ! run_with_progress "actionlint build" "$buildlog" env GOBIN="$dir/bin" "$go" install -ldflags "$ldflags" "$MODULE/cmd/actionlint@$ACTIONLINT_VERSION"; then
  tail -n 20 "$buildlog" >&2 || true
  die "go install $MODULE/cmd/actionlint@$ACTIONLINT_VERSION failed (above: the end of $buildlog)"
fi
[ -x "$binary" ] || die "build finished but $binary is missing; see $buildlog"
"$binary" -version >>"$buildlog" 2>&1 || die "$binary was built but does not run; see $buildlog"
grep -q "^$ACTIONLINT_VERSION" "$buildlog" || die "$binary does not report version $ACTIONLINT_VERSION; see $buildlog"
echo "$ACTIONLINT_VERSION $MODULE_SUM" >"$dir/.built"
log "actionlint $ACTIONLINT_VERSION built in $(( $(date +%s) - started )) s"
ensure_shellcheck
echo "$binary"
