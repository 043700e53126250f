#!/usr/bin/env bash
# Handouts: the student edition has no solutions and keeps every check; the offline bundle installs
# and runs the welcome notebook in a network namespace with no network at all, and without Maven.
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
unshare -n bash -euo pipefail -c '
  ip link set lo up
  cd "$1/x/pyport"
  export JUPYTER_DATA_DIR="$1/jupyter" PATH="$1/nomaven:$PATH"
  make setup INSTALL_FLAGS=--user >"$1/setup.log" 2>&1 || { cat "$1/setup.log"; exit 1; }
  "$2" tools/run_notebooks.py notebooks/00-welcome.ipynb
' _ "$work" "$PY"
echo "offline bundle: installed and ran the welcome notebook with no network and no Maven"
