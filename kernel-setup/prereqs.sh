#!/usr/bin/env bash
# Makes sure the machine has what the project needs besides Maven Central's jars:
# a JDK 17+, Maven, and Jupyter (nbclient, nbconvert, jupyter_client, the kernel test suite).
# On Debian/Ubuntu as root it installs what is missing with apt; elsewhere it says what to run.
# Prints the python that has Jupyter as its last line (the Makefile reads it).
set -euo pipefail

want_py_modules="jupyter_client nbclient nbconvert nbformat jupyter_kernel_test psutil notebook"
apt_packages="jupyter-notebook jupyter-nbconvert python3-nbclient jupyter-client python3-jupyter-kernel-test python3-psutil python3-ipykernel"

jupyter_python() {
  local p
  for p in ${PYPORT_JUPYTER_PYTHON:-} python3 /usr/bin/python3; do
    [ -n "$p" ] || continue
    command -v "$p" >/dev/null 2>&1 || continue
    if "$p" -c "import $(echo $want_py_modules | tr ' ' ',')" >/dev/null 2>&1; then
      command -v "$p"; return 0
    fi
  done
  return 1
}

have_jdk17() {
  local j
  for j in ${JAVA_HOME:+$JAVA_HOME/bin/java} /usr/lib/jvm/*/bin/java $(command -v java 2>/dev/null); do
    [ -x "$j" ] || continue
    local v; v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    [ "${v%%.*}" -ge 17 ] 2>/dev/null && return 0
  done
  return 1
}

missing=()
have_jdk17 || missing+=(default-jdk-headless)
# Maven builds the jars; a prebuilt tree (the offline handout bundle) doesn't need it.
command -v mvn >/dev/null 2>&1 || [ -f "$(dirname "$0")/../build/.kernel-build-stamp" ] || missing+=(maven)
jupyter_python >/dev/null || missing+=($apt_packages)

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
jupyter_python || { echo "prereqs: no python3 with Jupyter ($want_py_modules) found" >&2; exit 1; }
