#!/usr/bin/env bash
# Remakes requirements.txt, the lock of build/venv: resolves requirements.in in a throw-away virtual
# environment and writes every installed package with its exact version. Run it after changing a pin in
# requirements.in (and change environment.yml to match: `make test` compares them).
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-python3}
tmp=$(mktemp -d -t pyport-lock-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$py" -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q --disable-pip-version-check -r requirements.in
{
  echo "# The lock of build/venv (made by tools/lock_requirements.sh from requirements.in; do not edit by hand)."
  echo "# $("$tmp/venv/bin/python" -c 'import platform; print("Resolved on CPython", platform.python_version())')"
  "$tmp/venv/bin/pip" freeze --all --disable-pip-version-check | grep -viE '^(pip|setuptools|wheel)==' | LC_ALL=C sort -f
} > requirements.txt
echo "requirements.txt: $(grep -c '==' requirements.txt) packages"
