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

cd "$root"
"$cargo" build -q ${flags[@]+"${flags[@]}"} -p opentok-uniffi -p opentok-uniffi-bindgen
lib="$target/$profile/libopentok_uniffi.so"
bindgen="$target/$profile/uniffi-bindgen"
[ -f "$lib" ] || { echo "build-native: $lib not found" >&2; exit 1; }

mkdir -p "$out"
# Library mode reads bindings/uniffi.toml (package name, library name/path) from the crate.
"$bindgen" generate --library "$lib" --language "$lang" --out-dir "$out" --no-format >/dev/null

case "$lang" in
  kotlin)
    res="${3:?resources directory}"
    case "$(uname -m)" in
      x86_64|amd64) arch=x86-64 ;;
      aarch64|arm64) arch=aarch64 ;;
      *) arch="$(uname -m)" ;;
    esac
    # JNA looks for <os>-<arch>/lib<name>.so on the classpath (and extracts it from the jar).
    mkdir -p "$res/linux-$arch"
    cp "$lib" "$res/linux-$arch/libopentok_uniffi.so"
    ;;
  ruby)
    cp "$lib" "$out/libopentok_uniffi.so"
    ;;
  *) echo "build-native: unknown language $lang" >&2; exit 2 ;;
esac
