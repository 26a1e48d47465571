//! `uniffi-bindgen` of the workspace's pinned uniffi version.
//!
//! Used by `bindings/scripts/generate.sh` as
//! `uniffi-bindgen generate --library <libopentok_uniffi.so> --language kotlin|ruby --out-dir DIR`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
