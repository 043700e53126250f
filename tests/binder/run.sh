#!/usr/bin/env bash
# Binder / repo2docker in miniature: repo2docker installs environment.yml into a conda environment, then
# runs postBuild inside it with the environment active. Here a Python virtual environment that sees the
# packages of build/venv (through a .pth file) stands in for the conda environment, and CONDA_PREFIX names
# it as `conda activate` would: postBuild must install the kernel into *that* environment (--sys-prefix),
# make no build/venv of its own, and the welcome notebook must run on it with nothing installed for the user.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=$(cat build/jupyter-python)
work=$(mktemp -d -t pyport-binder-XXXXXX)
# postBuild's `make setup` records the environment's python in build/jupyter-python: put ours back after
cp build/jupyter-python "$work/jupyter-python"
trap 'cp "$work/jupyter-python" build/jupyter-python; rm -rf "$work"' EXIT

"$PY" -m venv --without-pip "$work/env"
site_of() { "$1" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'; }
site_of "$PY" > "$(site_of "$work/env/bin/python")/pyport-jupyter.pth"
# a user-level kernel must not be what makes the notebook run
export JUPYTER_DATA_DIR="$work/user-data-unused" JUPYTER_CONFIG_DIR="$work/config"
(
  unset PYPORT_JUPYTER_PYTHON
  export CONDA_PREFIX="$work/env" PATH="$work/env/bin:$PATH"
  bash postBuild >"$work/postBuild.log" 2>&1 || { cat "$work/postBuild.log"; exit 1; }
  spec="$work/env/share/jupyter/kernels/java/kernel.json"
  [ -f "$spec" ] || { echo "postBuild did not install the kernel into the environment ($spec)"; cat "$work/postBuild.log"; exit 1; }
  [ ! -e "$JUPYTER_DATA_DIR/kernels/java" ] || { echo "postBuild installed for the user, not the environment"; exit 1; }
  [ "$(cat build/jupyter-python)" = "$work/env/bin/python" ] ||
    { echo "postBuild's set-up chose $(cat build/jupyter-python), not the active environment's python"; exit 1; }
  echo "postBuild: kernel installed in the environment: ${spec#$work/}"
  "$work/env/bin/python" tools/run_notebooks.py notebooks/00-welcome.ipynb
)
echo "binder: the environment's own kernel ran the welcome notebook"
