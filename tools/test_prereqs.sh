#!/usr/bin/env bash
# What `make test` needs beyond `make setup`: Debian's Chromium (driven by playwright-core, never a browser
# download), Node.js and npm, fonts with CJK glyphs (the notebooks quote the tutorial in Chinese), poppler
# (pdftotext/pdftoppm read the PDF book), and playwright-core itself from tests/browser/package-lock.json.
# On Debian/Ubuntu as root the missing packages are installed with apt; otherwise it says what to run.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh family 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v curl >/dev/null 2>&1 || missing+=(curl)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test prereqs: installing with apt: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test prereqs: missing: ${missing[*]}"
    echo "  on Debian/Ubuntu:  sudo apt-get install ${missing[*]}"
    echo "  then again:        make test"
    exit 1
  fi
fi
# playwright-core at the version of the lock file (it drives /usr/bin/chromium; it downloads no browser)
if [ ! -f tests/browser/node_modules/playwright-core/package.json ] ||
   [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi
