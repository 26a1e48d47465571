#!/usr/bin/env bash
# Official SDKs as real clients of the emulator: installs opentok==3.15.0 (PyPI) and
# opentok@2.23.2 (npm) into .scratch/ (gitignored), starts the emulator on a free port and runs
# official_py.py and official_node.js against it.
# Env: EMULATOR_BIN (default target/debug/opentok-emulator).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
SCRATCH="$ROOT/.scratch/emulator-official"
BIN="${EMULATOR_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/debug/opentok-emulator}"
mkdir -p "$SCRATCH"

if [ ! -x "$SCRATCH/venv/bin/python" ]; then python3 -m venv "$SCRATCH/venv"; fi
if ! "$SCRATCH/venv/bin/python" -c 'import opentok, sys; sys.exit(opentok.__version__ != "3.15.0")' 2>/dev/null; then
  "$SCRATCH/venv/bin/pip" install -q --disable-pip-version-check 'opentok==3.15.0'
fi
if [ ! -f "$SCRATCH/npm/node_modules/opentok/package.json" ] || \
   ! grep -q '"version": "2.23.2"' "$SCRATCH/npm/node_modules/opentok/package.json"; then
  mkdir -p "$SCRATCH/npm"
  npm install --prefix "$SCRATCH/npm" --no-audit --no-fund --silent 'opentok@2.23.2'
fi

. "$HERE/../start_emulator.sh"
FIXTURES="$HERE/../fixtures"
APP_ID=29f760f8-7ce1-46c9-ade3-f2dedee4ed5f
start_emulator "$SCRATCH" --application "$APP_ID:$FIXTURES/app_public.pem"

"$SCRATCH/venv/bin/python" "$HERE/official_py.py" "$URL"
NODE_PATH="$SCRATCH/npm/node_modules" node "$HERE/official_node.js" "$URL" "$APP_ID" "$FIXTURES/app_private.pem"
