#!/usr/bin/env bash
# Makes sure the machine has what the project needs besides Maven Central's jars: a JDK 17+, Maven, and
# the pinned Jupyter of requirements.txt in a virtual environment of the project's own (build/venv).
# On Debian/Ubuntu as root it installs the missing system packages with apt; elsewhere it says what to run.
#
# Which Python runs Jupyter, first match wins:
#   PYPORT_JUPYTER_PYTHON   a python you name, which must already have Jupyter;
#   an active conda env      (CONDA_PREFIX: the environment.yml route on macOS, Windows, Binder) with Jupyter;
#   build/venv               made here from requirements.txt, and brought up to date when that file changes.
# A folder wheels/ beside this repository's README (the offline workshop bundle) is installed from with
# no network: pip install --no-index --find-links wheels.
# Prints the python that has Jupyter as its last line (the Makefile reads it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/build/venv"
want_py_modules="jupyter_client,nbclient,nbconvert,nbformat,jupyter_kernel_test,psutil,notebook,jupyterlab"

has_jupyter() { "$1" -c "import $want_py_modules" >/dev/null 2>&1; }

have_jdk17() {
  local j
  for j in ${JAVA_HOME:+$JAVA_HOME/bin/java} /usr/lib/jvm/*/bin/java $(command -v java 2>/dev/null); do
    [ -x "$j" ] || continue
    local v; v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    [ "${v%%.*}" -ge 17 ] 2>/dev/null && return 0
  done
  return 1
}

# The base python for build/venv: python3 3.9+ that can make a virtual environment with pip in it.
base_python() {
  local p
  for p in python3 /usr/bin/python3; do
    command -v "$p" >/dev/null 2>&1 || continue
    "$p" -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 9))' >/dev/null 2>&1 && { command -v "$p"; return 0; }
  done
  return 1
}

# Which Python: named, conda, or ours (venv).
choice=venv
if [ -n "${PYPORT_JUPYTER_PYTHON:-}" ] && [ "${PYPORT_JUPYTER_PYTHON}" != "$venv/bin/python" ]; then
  has_jupyter "$PYPORT_JUPYTER_PYTHON" || { echo "prereqs: PYPORT_JUPYTER_PYTHON=$PYPORT_JUPYTER_PYTHON lacks Jupyter ($want_py_modules)" >&2; exit 1; }
  choice=named
elif [ -n "${CONDA_PREFIX:-}" ] && [ -x "$CONDA_PREFIX/bin/python" ] && has_jupyter "$CONDA_PREFIX/bin/python"; then
  choice=conda
fi

missing=()
have_jdk17 || missing+=(default-jdk-headless)
# Maven builds the jars; a prebuilt tree (the offline handout bundle) doesn't need it.
command -v mvn >/dev/null 2>&1 || [ -f "$root/build/.kernel-build-stamp" ] || missing+=(maven)
if [ "$choice" = venv ] && [ ! -x "$venv/bin/python" ] && ! base_python >/dev/null; then
  missing+=(python3 python3-venv)
fi
# Debian ships a JDK's sources (the Javadoc that the kernel's inspection shows) apart from the JDK.
for jdk in /usr/lib/jvm/java-*-openjdk-*; do
  [ -d "$jdk" ] || continue
  v=$(basename "$jdk" | sed -n 's/^java-\([0-9]*\)-openjdk.*/\1/p')
  [ -n "$v" ] && [ -L "$jdk/lib/src.zip" ] && [ ! -e "$jdk/lib/src.zip" ] && missing+=("openjdk-$v-source")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "prereqs: installing with apt: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "prereqs: missing: ${missing[*]}" >&2
    echo "  on Debian/Ubuntu:  sudo apt-get install ${missing[*]}" >&2
    echo "  anywhere else:     conda env create -f environment.yml && conda activate pyport" >&2
    exit 1
  fi
fi
have_jdk17 || { echo "prereqs: no JDK 17 or newer found (JAVA_HOME, /usr/lib/jvm, PATH)" >&2; exit 1; }

case "$choice" in
  named) echo "$PYPORT_JUPYTER_PYTHON"; exit 0 ;;
  conda) echo "$CONDA_PREFIX/bin/python"; exit 0 ;;
esac

# build/venv from the lock, redone only when requirements.txt changed (its checksum is kept in the venv).
lock="$root/requirements.txt"
want="$(cksum < "$lock")"
if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.pyport-lock" 2>/dev/null)" = "$want" ] && has_jupyter "$venv/bin/python"; then
  echo "$venv/bin/python"; exit 0
fi
if [ ! -x "$venv/bin/python" ]; then
  base="$(base_python)" || { echo "prereqs: no python3 (3.9+) with venv and ensurepip; install python3-venv" >&2; exit 1; }
  echo "prereqs: making the Jupyter environment $venv with $base" >&2
  "$base" -m venv "$venv" >&2
fi
pip_args=(-q --disable-pip-version-check --no-input)
if [ -d "$root/wheels" ]; then
  pip_args+=(--no-index --find-links "$root/wheels")
  echo "prereqs: installing Jupyter from the bundle's wheels (no network)" >&2
else
  echo "prereqs: installing the pinned Jupyter of requirements.txt into build/venv" >&2
fi
"$venv/bin/python" -m pip install "${pip_args[@]}" -r "$lock" >&2 ||
  { echo "prereqs: pip could not install requirements.txt into $venv" >&2; exit 1; }
has_jupyter "$venv/bin/python" || { echo "prereqs: $venv lacks Jupyter after pip install" >&2; exit 1; }
echo "$want" > "$venv/.pyport-lock"
echo "$venv/bin/python"
