#!/usr/bin/env bash
# Every test suite of the project, one after another; a failing suite does not hide the others.
# Ends with one line `suites: N passed, N failed` and exits non-zero when any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=$(cat build/jupyter-python)
passed=0; failed=0; failed_names=()

suite() {
  local name=$1; shift
  echo; echo "=== $name"
  local t0=$SECONDS
  if "$@"; then passed=$((passed + 1)); echo "=== $name: ok ($((SECONDS - t0)) s)"
  else failed=$((failed + 1)); failed_names+=("$name"); echo "=== $name: FAILED ($((SECONDS - t0)) s)"; fi
}

suite "Java unit tests (Maven)"        mvn -B test -Dsurefire.printSummary=true
suite "kernel conformance and protocol" kernel-setup/tests/run.sh
suite "notebooks execute, clean up"     "$PY" tools/run_notebooks.py --out build/test-executed
suite "rendered site is offline-clean"  "$PY" tools/render_site.py build/test-executed build/test-site
[ -x tests/handouts/run.sh ] && suite "handouts" tests/handouts/run.sh
[ -x tests/browser/run.sh ]  && suite "notebook UI in a browser" tests/browser/run.sh

echo
[ $failed -gt 0 ] && echo "failed: ${failed_names[*]}"
echo "suites: $passed passed, $failed failed"
[ $failed -eq 0 ]
