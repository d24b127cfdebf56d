#!/usr/bin/env bash
# Makes sure xmllint (Debian's libxml2-utils) is there: the tests validate junit.xml against the
# JUnit 10 schema with it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"
command -v xmllint >/dev/null 2>&1 && exit 0
command -v apt-get >/dev/null 2>&1 || die "xmllint is missing; install libxml2-utils (or your system's libxml2 tools)"
[ "$(id -u)" = 0 ] || die "xmllint is missing; run: sudo apt-get install libxml2-utils"
log "installing libxml2-utils (xmllint)"
apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils >/dev/null \
  || die "apt-get could not install libxml2-utils"
