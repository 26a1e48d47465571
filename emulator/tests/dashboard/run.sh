#!/usr/bin/env bash
# The dashboard in headless Chromium: installs Debian `chromium` with apt-get when missing and
# playwright-core from npm into .scratch/ (gitignored), starts the emulator on a free port and
# runs dashboard_test.js. The screenshot lands in target/emulator-dashboard.png.
# Env: EMULATOR_BIN (default target/debug/opentok-emulator).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
SCRATCH="$ROOT/.scratch/emulator-dashboard"
BIN="${EMULATOR_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/debug/opentok-emulator}"
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$SCRATCH"

if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if ! grep -qs "\"version\": \"$PLAYWRIGHT_VERSION\"" "$SCRATCH/node_modules/playwright-core/package.json"; then
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: use Debian's chromium, never download a browser build.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$SCRATCH" --no-audit --no-fund --silent \
    "playwright-core@$PLAYWRIGHT_VERSION"
fi

. "$HERE/../start_emulator.sh"
start_emulator "$SCRATCH"

NODE_PATH="$SCRATCH/node_modules" node "$HERE/dashboard_test.js" "$URL" "$ROOT/target/emulator-dashboard.png"
