#!/usr/bin/env bash
# Binder / repo2docker in miniature: repo2docker installs environment.yml into an environment, then
# runs postBuild inside it. Here a Python virtual environment (with the machine's Jupyter) stands in for
# the conda environment: postBuild must install the kernel into *that* environment (--sys-prefix), and
# the welcome notebook must run on it with nothing installed for the user.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=$(cat build/jupyter-python)
work=$(mktemp -d -t pyport-binder-XXXXXX)
# postBuild's `make setup` records the environment's python in build/jupyter-python: put ours back after
cp build/jupyter-python "$work/jupyter-python"
trap 'cp "$work/jupyter-python" build/jupyter-python; rm -rf "$work"' EXIT

"$PY" -c 'import yaml' 2>/dev/null && "$PY" - <<'PYCHECK'
import yaml
env = yaml.safe_load(open("environment.yml"))
deps = [d.split("=")[0] for d in env["dependencies"] if isinstance(d, str)]
need = {"python", "jupyterlab", "notebook", "nbclient", "nbconvert", "openjdk", "maven", "make"}
missing = need - set(deps)
assert env["channels"][0] == "conda-forge", "environment.yml: conda-forge first"
assert not missing, f"environment.yml lacks {sorted(missing)}"
print("environment.yml: conda-forge with", ", ".join(sorted(need)))
PYCHECK

"$PY" -m venv --without-pip --system-site-packages "$work/env"
# a user-level kernel must not be what makes the notebook run
export JUPYTER_DATA_DIR="$work/user-data-unused" JUPYTER_CONFIG_DIR="$work/config"
(
  export VIRTUAL_ENV="$work/env" PATH="$work/env/bin:$PATH" PYPORT_JUPYTER_PYTHON="$work/env/bin/python"
  bash postBuild >"$work/postBuild.log" 2>&1 || { cat "$work/postBuild.log"; exit 1; }
  spec="$work/env/share/jupyter/kernels/java/kernel.json"
  [ -f "$spec" ] || { echo "postBuild did not install the kernel into the environment ($spec)"; cat "$work/postBuild.log"; exit 1; }
  [ ! -e "$JUPYTER_DATA_DIR/kernels/java" ] || { echo "postBuild installed for the user, not the environment"; exit 1; }
  echo "postBuild: kernel installed in the environment: ${spec#$work/}"
  "$work/env/bin/python" tools/run_notebooks.py notebooks/00-welcome.ipynb
)
echo "binder: the environment's own kernel ran the welcome notebook"
