#!/usr/bin/env bash
# Runs the kernel's Python tests against the installed 'java' kernel (JUPYTER_DATA_DIR is honoured):
# the jupyter_kernel_test conformance suite, interrupts, and message signing / binding.
# Prints "N passed, N failed" last; exit status 0 only if nothing failed.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
# The python of `make setup` (build/venv), which has jupyter_client and jupyter_kernel_test.
py=${PYPORT_JUPYTER_PYTHON:-$(cat "$here/../../build/jupyter-python" 2>/dev/null || echo python3)}
"$py" - "$@" <<'PY'
import sys, unittest
names = sys.argv[1:] or ["test_conformance", "test_interrupt", "test_security", "test_output", "test_semicolon",
                         "test_ijava_notebook", "test_notebook_classpath",
                         "test_environment", "test_magics", "test_stuck_interrupts", "test_robustness", "test_fuzz",
                         "test_declared_state", "test_kernel_threads", "test_stop_on_error"]
suite = unittest.defaultTestLoader.loadTestsFromNames(names)
result = unittest.TextTestRunner(verbosity=2).run(suite)
failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
passed = max(0, result.testsRun - failed - len(result.skipped))
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
