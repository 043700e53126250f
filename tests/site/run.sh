#!/usr/bin/env bash
# The published forms of the collection, as readers get them, from the notebooks `make test` executed
# (build/test-executed) and the site it rendered (build/test-site):
#   run.sh site  every page in a real browser (Chromium from disk): charts drawn, code highlighted in its
#                language, no Pygments error token, the page's furniture, the index and its search, no network
#   run.sh pdf   the book printed to build/test-pyport.pdf, read back with poppler: chapters, titles, charts
# Screenshots of every chart land in build/test-site-shots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=$(cat build/jupyter-python)
executed=build/test-executed site=build/test-site
[ -f "$site/index.html" ] || { echo "site tests: no $site (the render suite makes it)"; exit 1; }
command -v node >/dev/null || { echo "site tests: node is missing (make test-setup)"; exit 1; }
[ -f tests/browser/node_modules/playwright-core/package.json ] || { echo "site tests: playwright-core is missing (make test-setup)"; exit 1; }
case "${1:-}" in
  site) node tests/site/check_site.mjs "$site" "$executed" build/test-site-shots ;;
  pdf)  "$PY" tools/make_pdf.py "$site" build/test-pyport.pdf
        "$PY" tests/site/check_pdf.py build/test-pyport.pdf "$executed" ;;
  *)    echo "usage: tests/site/run.sh site|pdf"; exit 2 ;;
esac
