//! # opentok-uniffi
//!
//! The uniffi layer over the `opentok` core: the native library (`libopentok_uniffi.so`) behind
//! the Kotlin/Java package (`bindings/jvm`) and the Ruby gem (`bindings/ruby`). It converts
//! arguments, calls the core and flattens errors into [`NativeError`]; every rule lives in the
//! core. Async functions run on tokio; each has a `_blocking` twin for blocking callers.
//!
//! Two uniffi components share this library: `opentok` (the core's options, models and enums,
//! derived in the core behind its `uniffi` feature) and `opentok_uniffi` (this crate: the client
//! object, its methods and the error). The REST methods live in one module per core module
//! (`archive.rs`, `broadcast.rs`, ...), declared with [`rest::rest_operations`].

#![warn(missing_docs)]

mod archive;
mod audio_connector;
mod broadcast;
mod callback;
mod captions;
mod client;
mod connection;
mod enums;
mod error;
mod events;
mod moderation;
mod render;
mod rest;
mod session;
mod session_fast;
mod signal;
mod sip;
mod stream;
mod token;
mod token_fast;

pub use client::{Client, ClientConfig};
pub use error::{NativeError, Result};
pub use events::{event_name, event_session_id, event_to_json, parse_event, parse_event_bytes, parse_event_typed_json};
pub use session::{parse_archive_mode, parse_archive_resolution, parse_media_mode, SessionInfo, SessionSpec};
pub use token::{decode_token, explain_token, parse_role, verify_token, verify_token_at, ExpireSpec, TokenInfo, TokenSpec};

uniffi::setup_scaffolding!();

/// Version of the core this library was built from.
#[uniffi::export]
pub fn core_version() -> String {
    opentok::VERSION.to_string()
}
