#!/usr/bin/env bash
# A real browser against Jupyter's notebook server: serve a copy of the welcome notebook on
# loopback with a token, run all its cells from the UI in headless Chromium, check the page.
# The server and the browser are always stopped; the screenshot lands in build/browser/.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
PY=$(cat "$ROOT/build/jupyter-python")
command -v node >/dev/null || { echo "browser test: node is missing (apt-get install nodejs)"; exit 1; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "browser test: chromium is missing (apt-get install chromium)"; exit 1; }
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent

work=$(mktemp -d -t pyport-browser-XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/nb" "$ROOT/build/browser"
cp "$ROOT/notebooks/00-welcome.ipynb" "$work/nb/"
[ -d "$ROOT/notebooks/data" ] && cp -r "$ROOT/notebooks/data" "$work/nb/"
token=$("$PY" -c 'import secrets; print(secrets.token_hex(16))')
port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config" \
  "$PY" -m notebook --no-browser --ip=127.0.0.1 --port="$port" --port-retries=0 \
  --allow-root --NotebookApp.token="$token" --notebook-dir="$work/nb" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/api/status?token=$token" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done
node ui-test.mjs "http://127.0.0.1:$port/notebooks/00-welcome.ipynb?token=$token" "$ROOT/build/browser/welcome.png"
