//! # opentok
//!
//! The OpenTok / Vonage Video server SDK, done once: create sessions, mint and verify client
//! tokens, and call the REST API, with typed errors, timeouts, retries and proxies. Every
//! language binding of this project (Python, Node, Kotlin/Java, Ruby) is a thin layer over this
//! crate.
//!
//! ```no_run
//! use opentok::{Client, ClientOptions, Credentials, MediaMode, Role, SessionOptions, TokenOptions};
//!
//! # async fn run() -> opentok::Result<()> {
//! let client = Client::new(
//!     Credentials::project("123456", "1234567890abcdef1234567890abcdef1234567890")?,
//!     ClientOptions { base_url: Some("http://127.0.0.1:4010".into()), ..Default::default() },
//! )?;
//! let session = client
//!     .create_session(&SessionOptions { media_mode: Some(MediaMode::Routed), ..Default::default() })
//!     .await?;
//! let token = client.generate_token(
//!     &session.session_id,
//!     &TokenOptions { role: Role::Moderator, ..Default::default() },
//! )?;
//! println!("{} {}", session.session_id, token);
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

// With the `uniffi` feature the options, models and enums are uniffi Records and Enums of this
// component (namespace `opentok`); `bindings/` exports the client methods that use them.
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("opentok");

mod archive;
mod audio_connector;
mod auth;
mod broadcast;
mod callback;
mod captions;
mod client;
mod clock;
mod connection;
mod credentials;
mod error;
mod events;
mod from_json;
#[doc(hidden)]
pub mod fuzzing;
mod http1;
/// Compact JWS reading, signing and verification. Public with the `server` feature only (the
/// emulator checks REST JWTs with it); the SDK surface is the token and REST API above.
#[cfg(feature = "server")]
pub mod jwt;
#[cfg(not(feature = "server"))]
#[allow(dead_code)]
mod jwt;
mod layout;
mod moderation;
mod options;
mod pem;
mod render;
mod rest;
mod session;
mod session_id;
mod signal;
mod sip;
mod stream;
mod token;
mod transport;

pub use archive::{
    is_language_code, Archive, ArchiveList, ArchiveOptions, ArchiveStatus, ArchiveTranscription, OutputMode,
    TranscriptionProperties, MAX_BITRATE_RANGE, QUANTIZATION_RANGE,
};
pub use audio_connector::{AudioConnection, AudioConnectorOptions, AudioTransport, AUDIO_RATES};
pub use broadcast::{
    Broadcast, BroadcastList, BroadcastOptions, BroadcastOutputs, BroadcastUrls, HlsOptions, RtmpOutput, RtmpStatus,
    BROADCAST_DURATION_RANGE, MAX_RTMP_OUTPUTS,
};
pub use callback::{Callback, CallbackOptions, CALLBACK_EVENTS};
pub use captions::{CaptionOptions, CaptionStatus, Captions, MAX_CAPTIONS_DURATION};
pub use client::Client;
pub use clock::{unix_seconds, Clock, FixedClock, FixedNonce, NonceSource, RandomNonce, SystemClock};
pub use connection::{Connection, ConnectionList};
pub use credentials::{ApplicationCredentials, Credentials, ProjectCredentials};
pub use error::{ApiFailure, Error, ErrorKind, Result, TokenRejection};
pub use events::{
    parse_event, ArchiveEvent, BroadcastEvent, CallEvent, CallInfo, CaptionsEvent, ConnectionEvent, ConnectionInfo, Event,
    RenderEvent, SessionEvent, StreamEvent, StreamInfo, EVENT_NAMES,
};
pub use layout::{IncludedStream, Layout, LayoutType, StreamMode, StreamTracks, TrackChoice};
pub use moderation::MuteAllOptions;
pub use options::{retries, seconds, ClientOptions, ClientSettings, Dialect, Proxy, RetryPolicy, MAX_RETRIES, MAX_TIMEOUT};
pub use render::{Render, RenderList, RenderOptions, RENDER_DURATION_RANGE};
pub use rest::ListOptions;
pub use session::{ArchiveMode, ArchiveResolution, MediaMode, Session, SessionOptions};
pub use session_id::SessionId;
pub use signal::{Signal, MAX_SIGNAL_DATA_BYTES, MAX_SIGNAL_TYPE_CHARS};
pub use sip::{validate_dtmf, SipAuth, SipCall, SipDialOptions};
pub use stream::{Stream, StreamClassList, StreamList};
pub use token::{
    decode_token, explain_token, explain_token_at, verify_token, verify_token_at, DecodedToken, Expiry, Explanation, Role,
    TokenFormat, TokenOptions, VerifyKey, DEFAULT_TOKEN_TTL, MAX_DATA_CHARS, MAX_LAYOUT_CHARS, MAX_TOKEN_TTL,
};

/// This SDK's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Mints a token without a [`Client`] (pure CPU): for tools and tests that hold credentials but
/// make no HTTP calls. `now` is unix seconds. The session id is checked as the default
/// [`Dialect`] (Python) reads it.
pub fn generate_token_at(
    credentials: &Credentials,
    session_id: &str,
    options: &TokenOptions,
    now: i64,
    nonce: u32,
) -> Result<String> {
    token::mint(credentials, session_id, options, now, nonce, Dialect::default())
}
