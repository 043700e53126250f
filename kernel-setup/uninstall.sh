#!/usr/bin/env bash
# Removes the pyport Java kernel (kernelspec "java"). Honours JUPYTER_DATA_DIR like install.sh --user.
set -euo pipefail
py=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import jupyter_client, jupyter_core' >/dev/null 2>&1; then py="$p"; break; fi
done
[ -n "$py" ] || { echo "uninstall.sh: no python3 with jupyter_client found" >&2; exit 1; }
if "$py" -m jupyter kernelspec list --json | "$py" -c 'import json,sys; sys.exit(0 if "java" in json.load(sys.stdin)["kernelspecs"] else 1)'; then
  "$py" -m jupyter kernelspec remove -f java
else
  echo "uninstall.sh: kernel 'java' is not installed"
fi
