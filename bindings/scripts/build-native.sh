#!/usr/bin/env bash
# Builds libopentok_uniffi and the workspace's uniffi-bindgen (same pinned uniffi version), then
# generates the foreign sources for one language and copies the native library beside them.
#
#   build-native.sh kotlin <generated-sources-dir> <resources-dir>   # lib goes to <resources-dir>/<jna-platform>/
#   build-native.sh ruby   <lib-dir>                                 # .rb and .so both go to <lib-dir>
#
# Env: CARGO (default cargo), CARGO_TARGET_DIR (default <repo>/target),
#      OPENTOK_UNIFFI_PROFILE (debug | release, default debug).
set -euo pipefail
lang="${1:?language: kotlin or ruby}"
out="${2:?output directory}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cargo="${CARGO:-cargo}"
target="${CARGO_TARGET_DIR:-$root/target}"
profile="${OPENTOK_UNIFFI_PROFILE:-debug}"
flags=()
[ "$profile" = release ] && flags+=(--release)

# Output paths may be relative to the caller's directory.
mkdir -p "$out" && out="$(cd "$out" && pwd)"
if [ "$lang" = kotlin ]; then res="${3:?resources directory}"; mkdir -p "$res" && res="$(cd "$res" && pwd)"; fi

cd "$root"
"$cargo" build -q ${flags[@]+"${flags[@]}"} -p opentok-uniffi -p opentok-uniffi-bindgen
lib="$target/$profile/libopentok_uniffi.so"
bindgen="$target/$profile/uniffi-bindgen"
[ -f "$lib" ] || { echo "build-native: $lib not found" >&2; exit 1; }

mkdir -p "$out"
# Library mode reads bindings/uniffi.toml (package name, library name/path) from the crate.
"$bindgen" generate --library "$lib" --language "$lang" --out-dir "$out" --no-format >/dev/null

# The packaged copy carries no debug info (a debug build's .so is >100 MB with it).
strip_debug() { if command -v strip >/dev/null; then strip --strip-debug "$1"; fi; }

case "$lang" in
  kotlin)
    # The generated files import com.sun.jna.Callback (and use it only fully qualified), which
    # shadows the core's `Callback` record (com.opentok.ffi.core): drop the import.
    find "$out" -name '*.kt' -exec sed -i '/^import com\.sun\.jna\.Callback$/d' {} +
    # One call status per thread instead of one per call: each `UniffiRustCallStatus()` is a JNA
    # Structure whose constructor allocates two JNA `Memory` blocks, and every `Memory` is tracked
    # in a global map until the garbage collector has cleaned it. At token rates that map grows
    # to hundreds of thousands of entries and each call costs 50-250 µs (bindings/jvm/README.md,
    # "Speed"). The status is reset before each use; a call made while lowering another call's
    # arguments (RustBuffer.alloc) leaves it successful, or throws and abandons the outer call.
    for f in $(grep -l 'var status = UniffiRustCallStatus()' -r "$out" --include='*.kt'); do
      n=$(grep -c 'var status = UniffiRustCallStatus()' "$f")
      [ "$n" -ge 1 ] || { echo "build-native: expected a call-status allocation in $f, found $n" >&2; exit 1; }
      sed -i 's/var status = UniffiRustCallStatus()$/var status = uniffiThreadCallStatus()/' "$f"
      cat >> "$f" <<'KT'

// Added by bindings/scripts/build-native.sh: one reused call status per thread.
private val uniffiCallStatusOfThread: ThreadLocal<UniffiRustCallStatus> = ThreadLocal.withInitial { UniffiRustCallStatus() }

internal fun uniffiThreadCallStatus(): UniffiRustCallStatus {
    val s = uniffiCallStatusOfThread.get()
    s.code = UNIFFI_CALL_SUCCESS
    s.error_buf.capacity = 0
    s.error_buf.len = 0
    s.error_buf.data = null
    return s
}
KT
    done
    case "$(uname -m)" in
      x86_64|amd64) arch=x86-64 ;;
      aarch64|arm64) arch=aarch64 ;;
      *) arch="$(uname -m)" ;;
    esac
    # JNA looks for <os>-<arch>/lib<name>.so on the classpath (and extracts it from the jar).
    mkdir -p "$res/linux-$arch"
    cp "$lib" "$res/linux-$arch/libopentok_uniffi.so"
    strip_debug "$res/linux-$arch/libopentok_uniffi.so"
    ;;
  ruby)
    cp "$lib" "$out/libopentok_uniffi.so"
    strip_debug "$out/libopentok_uniffi.so"
    # Two components share the library: `opentok` (the core's records and enums) and
    # `opentok_uniffi` (the client). uniffi's Ruby generator cannot reference another
    # component's types, so the core's file is loaded into the same Ruby module: its readers and
    # writers then extend the same RustBuffer classes the client's file calls them on.
    sed -e 's/^module Opentok$/module OpentokUniffi/' -e 's/::Opentok\([.:]\)/::OpentokUniffi\1/g' \
      "$out/opentok.rb" > "$out/opentok_core.rb"
    rm -f "$out/opentok.rb"
    if grep -q '::Opentok[^U]' "$out/opentok_core.rb"; then echo "build-native: opentok_core.rb still names ::Opentok" >&2; exit 1; fi
    # Ruby calls the *_blocking twins. Attach them with ruby-ffi's `blocking: true` so the GVL is
    # released while the core waits on the network (other Ruby threads keep running). The async
    # variants are not used from Ruby: their continuation callback arrives on a tokio thread and
    # must take the GVL, which deadlocks when the waker fires under a lock a Ruby thread wants.
    want=$(grep -c 'attach_function :uniffi_\w*_fn_method_client_\w*_blocking,' "$out/opentok_uniffi.rb")
    n=$(perl -0pi -e '$n += s/(attach_function :uniffi_\w+_fn_method_client_\w+_blocking,\n[^\n]*\n\s*(?:RustBuffer\.by_value|:void))\n/$1, blocking: true\n/g; END { print STDOUT $n+0 }' "$out/opentok_uniffi.rb")
    if [ "$n" -lt 3 ] || [ "$n" -ne "$want" ]; then echo "build-native: expected to mark all $want blocking functions in opentok_uniffi.rb, marked $n" >&2; exit 1; fi
    ;;
  *) echo "build-native: unknown language $lang" >&2; exit 2 ;;
esac
