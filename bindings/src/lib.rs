//! # opentok-uniffi
//!
//! The uniffi layer over the `opentok` core: the native library (`libopentok_uniffi.so`) behind
//! the Kotlin/Java package (`bindings/jvm`) and the Ruby gem (`bindings/ruby`). It converts
//! arguments, calls the core and flattens errors into [`NativeError`]; every rule lives in the
//! core. Async functions run on tokio; each has a `_blocking` twin for blocking callers.

#![warn(missing_docs)]

mod client;
mod error;
mod rest;
mod session;
mod token;

pub use client::{Client, ClientConfig};
pub use error::{NativeError, Result};
pub use rest::OPERATIONS;
pub use session::{parse_archive_mode, parse_archive_resolution, parse_media_mode, SessionInfo, SessionSpec};
pub use token::{decode_token, explain_token, parse_role, verify_token, verify_token_at, ExpireSpec, TokenInfo, TokenSpec};

uniffi::setup_scaffolding!();

/// Version of the core this library was built from.
#[uniffi::export]
pub fn core_version() -> String {
    opentok::VERSION.to_string()
}
