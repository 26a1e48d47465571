# Sourced by the emulator's script tests: start_emulator SCRATCH_DIR [ARGS...] starts
# $BIN --port 0 --in-memory ARGS, sets URL from its first stdout line and EMU_PID, and kills it
# on exit.
start_emulator() {
  local scratch="$1"; shift
  local out="$scratch/emulator.out" log="$scratch/emulator.log"
  : >"$out"
  "$BIN" --port 0 --in-memory "$@" >"$out" 2>"$log" &
  EMU_PID=$!
  trap 'kill "$EMU_PID" 2>/dev/null || true; wait "$EMU_PID" 2>/dev/null || true' EXIT
  URL=""
  for _ in $(seq 1 300); do
    URL="$(head -n 1 "$out" | sed -n 's/^listening on //p')"
    [ -n "$URL" ] && return 0
    kill -0 "$EMU_PID" 2>/dev/null || { echo "emulator exited:"; cat "$log"; return 1; }
    sleep 0.1
  done
  echo "emulator did not announce its URL"; cat "$log"; return 1
}
