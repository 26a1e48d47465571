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
//!     .create_session(&SessionOptions { media_mode: MediaMode::Routed, ..Default::default() })
//!     .await?;
//! let token = client.generate_token(
//!     &session.session_id,
//!     &TokenOptions { role: Role::Moderator, ..Default::default() },
//! )?;
//! println!("{} {}", session.session_id, token);
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

mod auth;
mod client;
mod clock;
mod credentials;
mod error;
pub mod jwt;
mod options;
mod pem;
mod session;
mod session_id;
mod token;
mod transport;

pub use client::Client;
pub use clock::{unix_seconds, Clock, FixedClock, FixedNonce, NonceSource, RandomNonce, SystemClock};
pub use credentials::{ApplicationCredentials, Credentials, ProjectCredentials};
pub use error::{ApiFailure, Error, ErrorKind, Result, TokenRejection};
pub use options::{ClientOptions, Proxy, RetryPolicy};
pub use session::{ArchiveMode, ArchiveResolution, MediaMode, Session, SessionOptions};
pub use session_id::SessionId;
pub use token::{
    decode_token, explain_token, explain_token_at, verify_token, verify_token_at, DecodedToken, Expiry, Explanation,
    Role, TokenFormat, TokenOptions, VerifyKey, DEFAULT_TOKEN_TTL, MAX_DATA_CHARS, MAX_LAYOUT_CHARS, MAX_TOKEN_TTL,
};

/// This SDK's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Mints a token without a [`Client`] (pure CPU): for tools and tests that hold credentials but
/// make no HTTP calls. `now` is unix seconds.
pub fn generate_token_at(
    credentials: &Credentials,
    session_id: &str,
    options: &TokenOptions,
    now: i64,
    nonce: u32,
) -> Result<String> {
    token::mint(credentials, session_id, options, now, nonce)
}
