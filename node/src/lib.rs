//! Native half of the `opentok-native` npm package: a thin napi-rs layer over the `opentok` core.
//!
//! Modules mirror the core (`client`, `session`, `token`, `session_id`, `events`, `error`, and one per REST
//! area: `archive`, `broadcast`, `stream`, `moderation`, `signal`, `connection`, `sip`, `captions`,
//! `render`, `audio_connector`, `callback`, with `rest` for their shared plumbing). This layer only
//! converts arguments and results; every rule (limits, enums from strings, expiry parsing, signing,
//! HTTP) is the core's. Failures are returned as [`error::NativeError`] values (never thrown, never a
//! panic) and the JavaScript facade (`index.js`) turns them into `Error` subclasses with the official
//! SDK's names.

// napi-derive registers exports only outside `cfg(test)`, so the unit-test build sees them unused.
#![cfg_attr(test, allow(dead_code))]

mod archive;
mod audio_connector;
mod broadcast;
mod callback;
mod captions;
mod client;
mod connection;
mod error;
mod events;
mod moderation;
mod render;
mod rest;
mod session;
mod session_id;
mod signal;
mod sip;
mod stream;
mod task;
mod token;

use napi_derive::napi;

/// Version of the Rust core this addon was built from.
#[napi]
pub fn core_version() -> &'static str {
    opentok::VERSION
}
