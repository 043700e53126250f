#!/usr/bin/env bash
# Removes the pyport Java kernel (kernelspec "java") from where install.sh put it:
#   kernel-setup/uninstall.sh [--user | --sys-prefix | --prefix PREFIX]
# --user: the user's Jupyter data dir (JUPYTER_DATA_DIR when set); --sys-prefix: the environment of the python that
# runs Jupyter (PYPORT_JUPYTER_PYTHON, else build/venv); --prefix: PREFIX/share/jupyter. With no option, the `java`
# kernel that Jupyter finds first. Only that one copy goes: a kernel installed elsewhere stays (Jupyter prefers an
# environment's kernels to the user's, so removing "the one Jupyter finds" would take the wrong copy).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode=""
prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --user|--sys-prefix) mode="$1" ;;
    --prefix) [ $# -ge 2 ] || { echo "uninstall.sh: --prefix needs a directory" >&2; exit 2; }
              mode="--prefix"; prefix="$2"; shift ;;
    --prefix=*) mode="--prefix"; prefix="${1#--prefix=}" ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "uninstall.sh: unknown option $1 (use --user, --sys-prefix or --prefix PREFIX)" >&2; exit 2 ;;
  esac
  shift
done
py=""
for p in ${PYPORT_JUPYTER_PYTHON:-} "$root/build/venv/bin/python" python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import jupyter_client, jupyter_core' >/dev/null 2>&1; then py="$p"; break; fi
done
[ -n "$py" ] || { echo "uninstall.sh: no python3 with jupyter_client found" >&2; exit 1; }
case "$mode" in
  --user) target="$("$py" -c 'from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())')/kernels/java" ;;
  --sys-prefix) target="$("$py" -c 'import sys; print(sys.prefix)')/share/jupyter/kernels/java" ;;
  --prefix) target="$prefix/share/jupyter/kernels/java" ;;
  "") target="$("$py" -c '
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
try:
    print(KernelSpecManager().get_kernel_spec("java").resource_dir)
except NoSuchKernel:
    pass')" ;;
esac
if [ -n "$target" ] && [ -f "$target/kernel.json" ]; then
  rm -rf "$target"
  echo "uninstall.sh: removed kernel 'java' from $target"
else
  echo "uninstall.sh: kernel 'java' is not installed${target:+ in $target}${mode:+ ($mode)}"
fi
