#!/usr/bin/env bash
# `make uninstall` removes the `java` kernel from the place its INSTALL_FLAGS name, and only from there: with
# --user the user's data dir (JUPYTER_DATA_DIR), with --prefix that prefix, with no flag the copy Jupyter finds
# first. The kernel of build/venv (--sys-prefix, which Jupyter prefers to the user's) must stay in the first two.
# Stand-in kernelspecs in a temp folder; the real ones are only looked at.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=$(cat build/jupyter-python)
work=$(mktemp -d -t pyport-uninstall-XXXXXX)
trap 'rm -rf "$work"' EXIT
fake() { mkdir -p "$1/kernels/java"; echo '{"argv": ["true"], "display_name": "Java", "language": "java"}' >"$1/kernels/java/kernel.json"; }
env_kernel="$("$PY" -c 'import sys; print(sys.prefix)')/share/jupyter/kernels/java"
env_had=$([ -f "$env_kernel/kernel.json" ] && echo yes || echo no)
failed=0
expect() {  # expect WHAT CONDITION...
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failed=1; fi
}
env_kept() { [ "$env_had" = no ] || [ -f "$env_kernel/kernel.json" ]; }

fake "$work/user"
JUPYTER_DATA_DIR="$work/user" make -s uninstall INSTALL_FLAGS=--user
expect "--user removes the kernel of JUPYTER_DATA_DIR" test ! -e "$work/user/kernels/java"
expect "--user leaves the environment's kernel ($env_had before)" env_kept

fake "$work/prefix/share/jupyter"
make -s uninstall INSTALL_FLAGS="--prefix $work/prefix"
expect "--prefix removes the kernel of that prefix" test ! -e "$work/prefix/share/jupyter/kernels/java"
expect "--prefix leaves the environment's kernel" env_kept

fake "$work/path"
JUPYTER_PATH="$work/path" make -s uninstall INSTALL_FLAGS=
expect "no flag removes the kernel Jupyter finds first (JUPYTER_PATH)" test ! -e "$work/path/kernels/java"

fake "$work/user"
out=$(JUPYTER_DATA_DIR="$work/elsewhere" make -s uninstall INSTALL_FLAGS=--user)
expect "--user with no kernel there says so and removes nothing else" \
  bash -c '[[ "$1" == *"not installed"* ]] && [ -f "$2" ]' _ "$out" "$work/user/kernels/java/kernel.json"
exit $failed
