#!/usr/bin/env bash
# Handouts: the student edition has no solutions and keeps every check; the offline bundle installs
# JupyterLab from its wheels and the kernel from its jars, and runs the welcome notebook, in a network
# namespace with no network at all, without Maven and without the Jupyter of this machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=$(cat build/jupyter-python)
work=$(mktemp -d -t pyport-handouts-XXXXXX)
trap 'rm -rf "$work"' EXIT

"$PY" tools/handouts.py "$work/handouts"
"$PY" tests/handouts/check_editions.py notebooks "$work/handouts"

if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null; then
  echo "offline bundle: skipped (needs root for a network namespace)"; exit 0
fi
mkdir -p "$work/x" "$work/nomaven"
tar -xzf "$work/handouts/pyport-offline.tar.gz" -C "$work/x"
printf '#!/bin/sh\necho "offline bundle: Maven must not run here" >&2\nexit 3\n' > "$work/nomaven/mvn"
chmod +x "$work/nomaven/mvn"
unshare -n env -u PYPORT_JUPYTER_PYTHON -u CONDA_PREFIX -u VIRTUAL_ENV bash -euo pipefail -c '
  ip link set lo up
  cd "$1/x/pyport"
  export JUPYTER_DATA_DIR="$1/jupyter" JUPYTER_CONFIG_DIR="$1/jupyter-config" PATH="$1/nomaven:$PATH"
  make setup >"$1/setup.log" 2>&1 || { cat "$1/setup.log"; exit 1; }
  py=$(cat build/jupyter-python)
  [ "$py" = "$PWD/build/venv/bin/python" ] || { echo "offline bundle: set-up chose $py, not its own build/venv"; exit 1; }
  echo "offline bundle: $("$py" -m jupyterlab --version | sed "s/^/JupyterLab /") and $("$py" -m notebook --version | sed "s/^/Notebook /") installed from the wheels"
  "$py" tools/run_notebooks.py notebooks/00-welcome.ipynb
' _ "$work"
echo "offline bundle: installed Jupyter and the kernel and ran the welcome notebook with no network and no Maven"
