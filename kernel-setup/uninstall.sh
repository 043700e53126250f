#!/usr/bin/env bash
# Removes the pyport Java kernel (kernelspec "java") wherever Jupyter finds it (options such as --user are
# accepted and ignored). Honours JUPYTER_DATA_DIR and PYPORT_JUPYTER_PYTHON like install.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py=""
for p in ${PYPORT_JUPYTER_PYTHON:-} "$root/build/venv/bin/python" python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import jupyter_client, jupyter_core' >/dev/null 2>&1; then py="$p"; break; fi
done
[ -n "$py" ] || { echo "uninstall.sh: no python3 with jupyter_client found" >&2; exit 1; }
if "$py" -m jupyter_client.kernelspecapp list --json | "$py" -c 'import json,sys; sys.exit(0 if "java" in json.load(sys.stdin)["kernelspecs"] else 1)'; then
  "$py" -m jupyter_client.kernelspecapp remove -f java
else
  echo "uninstall.sh: kernel 'java' is not installed"
fi
