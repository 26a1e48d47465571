#!/usr/bin/env bash
# make demo: start one emulator (in memory, free port), run every quickstart against it, stop it.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${EMULATOR_BIN:=target/debug/opentok-emulator}"
log=$(mktemp)
"$EMULATOR_BIN" --port 0 --in-memory >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  url=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$log" | head -n1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "${url:-}" ] || { cat "$log"; echo "the emulator did not start"; exit 1; }
export OPENTOK_API_URL=$url
echo "== emulator at $url (dashboard: $url/) =="
cargo run -q -p opentok --example quickstart
for target in "$@"; do
  echo "== $target =="
  make --no-print-directory "$target"
done
echo "== demo done: every quickstart created a session, minted a token and connected with it =="
