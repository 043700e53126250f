#!/usr/bin/env bash
# The browser suites: JupyterLab 4 (lab.mjs) and Notebook 7 (notebook7.mjs), each against its own server started
# here on 127.0.0.1 (a random free port, a token) over a temp copy of the notebooks, with its own
# JUPYTER_RUNTIME_DIR, JUPYTER_CONFIG_DIR (JupyterLab's settings and workspaces) and TMPDIR, driven by
# playwright-core in Debian's headless Chromium. The server is shut down through its API (which stops its
# kernels); a process of the run still alive after that fails the suite. Screenshots land in build/browser/.
# Usage: run.sh [lab|notebook7]...   (both when none is named)
#   BROWSER_NOTEBOOKS="00 05"  the notebooks JupyterLab runs (default 00 05 08 12)
#   BROWSER_NOTEBOOK_DIR=DIR   take the notebooks from DIR instead of notebooks/ (e.g. a broken copy)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
PY=$(cat "$ROOT/build/jupyter-python")
SOURCE=${BROWSER_NOTEBOOK_DIR:-$ROOT/notebooks}
SHOTS=$ROOT/build/browser
command -v node >/dev/null || { echo "browser test: node is missing (make test-setup)"; exit 1; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "browser test: chromium is missing (make test-setup)"; exit 1; }
[ -d node_modules/playwright-core ] || { echo "browser test: playwright-core is missing (make test-setup)"; exit 1; }
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(lab notebook7)

work=$(mktemp -d -t pyport-browser-XXXXXX)
marker=$("$PY" -c 'import secrets; print(secrets.token_hex(8))')
server_pid=
port=
token=

# Processes of this run: the server, its kernels and what they started carry the marker in their environment.
run_processes() {
  local p
  for p in /proc/[0-9]*; do
    { tr '\0' '\n' <"$p/environ"; } 2>/dev/null | grep -qx "PYPORT_BROWSER_RUN=$marker" && echo "${p#/proc/}"
  done
  return 0
}

stop_server() {
  [ -n "$server_pid" ] || return 0
  curl -sf -X POST -H "Authorization: token $token" "http://127.0.0.1:$port/api/shutdown" >/dev/null 2>&1 ||
    kill "$server_pid" 2>/dev/null || true
  for _ in $(seq 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
  local left
  for _ in $(seq 25); do left=$(run_processes); [ -z "$left" ] && return 0; sleep 0.2; done
  echo "FAIL processes of the browser run left running after the server stopped: $left"
  # shellcheck disable=SC2086  # one pid per word
  ps -o pid=,args= -p "$(echo $left | tr ' ' ,)" | cut -c1-160
  kill $left 2>/dev/null || true
  return 1
}

cleanup() {
  stop_server || true
  rm -rf "$work"
}
trap cleanup EXIT

# start_server MODULE TRAIT_PREFIX: `python -m MODULE` (jupyterlab, notebook) serving a fresh copy of the notebooks
start_server() {
  local module=$1 app=$2
  rm -rf "$work/nb" "$work/runtime" "$work/config" "$work/tmp"
  mkdir -p "$work/nb" "$work/tmp" "$SHOTS"
  cp "$SOURCE"/[0-9][0-9]-*.ipynb "$work/nb/"
  [ -d "$SOURCE/data" ] && cp -r "$SOURCE/data" "$work/nb/"
  cp fixtures/broken.ipynb "$work/nb/"
  # No news or update checks from jupyter.org or PyPI: the run stays offline.
  local settings="$work/config/lab/user-settings/@jupyterlab/apputils-extension"
  mkdir -p "$settings"
  echo '{"fetchNews": "false", "checkForUpdates": false}' >"$settings/notification.jupyterlab-settings"
  token=$("$PY" -c 'import secrets; print(secrets.token_hex(16))')
  port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  PYPORT_BROWSER_RUN=$marker TMPDIR="$work/tmp" JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config" \
    "$PY" -m "$module" --no-browser --ip=127.0.0.1 --port="$port" --port-retries=0 --allow-root \
    --IdentityProvider.token="$token" --ServerApp.root_dir="$work/nb" --"$app".expose_app_in_browser=True \
    >"$work/server-$module.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 300); do
    curl -sf -H "Authorization: token $token" "http://127.0.0.1:$port/api/status" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "FAIL the $module server did not start:"; tail -20 "$work/server-$module.log"
  return 1
}

status=0
for suite in "${suites[@]}"; do
  case $suite in
    lab)       module=jupyterlab; app=LabApp;             script=lab.mjs ;;
    notebook7) module=notebook;   app=JupyterNotebookApp; script=notebook7.mjs ;;
    *) echo "run.sh: unknown suite '$suite' (lab, notebook7)"; exit 2 ;;
  esac
  t0=$SECONDS
  if start_server "$module" "$app"; then
    node "$script" "http://127.0.0.1:$port" "$token" "$work/nb" "$SHOTS" || status=1
  else
    status=1
  fi
  stop_server || status=1
  echo "$suite: browser run $((SECONDS - t0)) s, server and kernels stopped"
done
exit $status
