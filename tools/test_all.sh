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

suite "set-up pins: requirements.in, requirements.txt, environment.yml" "$PY" tests/setup/check_pins.py
suite "make uninstall removes the kernel where its INSTALL_FLAGS say" tests/setup/check_uninstall.sh
# PYPORT_JUPYTER_PYTHON: the Jupyter python, for the unit tests that compare with IPython
suite "Java unit tests (Maven)"        env PYPORT_JUPYTER_PYTHON="$PY" mvn -B test -Dsurefire.printSummary=true
# one code style (palantir-java-format through Spotless, configured in pom.xml); skipped while the pom's
# spotless.check.skip is true, i.e. until the tree is formatted in one commit
suite "Java code style (Spotless)"     mvn -B -q spotless:check
suite "kernel conformance and protocol" kernel-setup/tests/run.sh

# The kernel runs on the newest JDK found; interrupts and output must also work on the JDK 17 floor
# (where Thread.stop still exists and the kernel takes another path). Runs when a JDK 17 is installed.
# JUPYTER_PATH puts that kernel first: Jupyter prefers an environment's kernels (build/venv's, on the newest JDK)
# to the user's data dir, so JUPYTER_DATA_DIR alone would test the other kernel.
jdk17_kernel() {
  local java=$1 dir=$PWD/build/jupyter17
  PYPORT_JAVA=$java JUPYTER_DATA_DIR=$dir PYPORT_JUPYTER_PYTHON=$PY kernel-setup/install.sh --user >/dev/null &&
  JUPYTER_PATH=$dir "$PY" -c '
import sys
from jupyter_client.kernelspec import KernelSpecManager
spec = KernelSpecManager().get_kernel_spec("java")
version = spec.metadata.get("pyport", {}).get("java_version")
print(f"kernel under test: {spec.resource_dir} (Java {version})")
sys.exit(0 if spec.resource_dir.startswith(sys.argv[1]) and str(version) == "17" else 1)' "$dir" &&
  JUPYTER_PATH=$dir kernel-setup/tests/run.sh test_interrupt test_stuck_interrupts test_output
}
jdk17=""
for j in /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -version 2>&1 | grep -q 'version "17' && { jdk17=$j; break; }
done
[ -n "$jdk17" ] && suite "kernel on JDK 17: interrupts, output" jdk17_kernel "$jdk17"
suite "notebooks execute, clean up"     "$PY" tools/run_notebooks.py --out build/test-executed
# what a reader of the executed notebooks must not see (tools/lint_notebooks.py lists the rules); the
# lint's own tests first, so a lint that finds nothing is one that would have found something
lint_notebooks() { "$PY" tests/lint/test_lint_notebooks.py -q && "$PY" tools/lint_notebooks.py build/test-executed; }
suite "notebooks read clean (lint)"     lint_notebooks
suite "rendered site: offline, charts, highlighting" "$PY" tools/render_site.py build/test-executed build/test-site
[ -x tests/site/run.sh ]     && suite "site in a browser: charts drawn, code highlighted, links" tests/site/run.sh site
[ -x tests/site/run.sh ]     && suite "PDF book: chapters, titles, charts" tests/site/run.sh pdf
[ -x tests/handouts/run.sh ] && suite "handouts" tests/handouts/run.sh
[ -x tests/binder/run.sh ]   && suite "Binder postBuild into an environment" tests/binder/run.sh
# Playwright on Debian's Chromium; what each suite checks is in tests/browser/lab.mjs and notebook7.mjs
suite "JupyterLab 4 in a browser: notebooks 00 05 08 12, the kernel from the UI, dark theme" tests/browser/run.sh lab
suite "Notebook 7 in a browser: the welcome notebook"  tests/browser/run.sh notebook7

echo
[ $failed -gt 0 ] && echo "failed: ${failed_names[*]}"
echo "suites: $passed passed, $failed failed"
[ $failed -eq 0 ]
