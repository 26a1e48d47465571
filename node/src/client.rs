//! `NativeClient`: one core `Client` (credentials, options, connection pool) per `OpenTok` object.

use std::sync::Arc;
use std::time::Duration;

use napi::bindgen_prelude::Either;
use napi::{Env, JsString, Result};
use napi_derive::napi;
use opentok::{Client, ClientOptions, Credentials, FixedClock, FixedNonce, Proxy, RetryPolicy, TokenFormat};

use crate::error::{outcome, NativeError, Outcome};
use crate::session::{SessionInfo, SessionInput};
use crate::token::TokenInput;

/// Construction parameters, already normalised by the facade (`new OpenTok(key, secret, env)`).
#[napi(object)]
pub struct ClientConfig {
    /// API key (as a string) or Vonage application id.
    pub api_key: String,
    /// API secret, or a PEM private key for application credentials.
    pub api_secret: String,
    /// Base URL of the API (default: the core's default for the credential kind).
    pub api_url: Option<String>,
    /// Request timeout in milliseconds (the official `timeout` option). Also caps the connect timeout.
    pub timeout_ms: Option<f64>,
    /// Proxy URL (`http://`, `https://`, `socks5://`), credentials may be in the URL.
    pub proxy: Option<String>,
    /// Proxy user name, when not in the URL.
    pub proxy_username: Option<String>,
    /// Proxy password, when not in the URL.
    pub proxy_password: Option<String>,
    /// Text appended to the User-Agent (the official `uaAddendum`).
    pub ua_addendum: Option<String>,
    /// The binding's tag for the User-Agent, e.g. `node/20.11.0`.
    pub binding: Option<String>,
    /// Maximum automatic retries of safe requests (core default when unset).
    pub max_retries: Option<u32>,
    /// Test hook: a fixed clock, in unix seconds.
    pub fixed_now: Option<i64>,
    /// Test hook: a fixed token nonce.
    pub fixed_nonce: Option<u32>,
}

fn credentials(api_key: &str, api_secret: &str) -> opentok::Result<Credentials> {
    // A PEM secret means a Vonage application; the core checks the id and key shapes and names
    // the credential kind it expected when they are wrong.
    if api_secret.contains("-----BEGIN") {
        Credentials::application(api_key, api_secret)
    } else {
        Credentials::project(api_key, api_secret)
    }
}

fn build(config: ClientConfig) -> opentok::Result<Client> {
    let creds = credentials(&config.api_key, &config.api_secret)?;
    let mut options = ClientOptions { base_url: config.api_url, ..ClientOptions::default() };
    if let Some(ms) = config.timeout_ms {
        if !(ms.is_finite() && ms > 0.0) {
            return Err(opentok::Error::invalid("timeout", "must be a positive number of milliseconds", ms));
        }
        let t = Duration::from_millis(ms as u64);
        options.request_timeout = t;
        options.connect_timeout = options.connect_timeout.min(t);
    }
    if let Some(url) = config.proxy {
        options.proxy = Some(Proxy { url, username: config.proxy_username, password: config.proxy_password });
    }
    options.user_agent_suffix = config.ua_addendum;
    options.binding = config.binding;
    if let Some(n) = config.max_retries {
        options.retry = if n == 0 { RetryPolicy::none() } else { RetryPolicy { max_retries: n, ..options.retry } };
    }
    if let Some(now) = config.fixed_now {
        options.clock = Arc::new(FixedClock::at_unix(now));
    }
    if let Some(n) = config.fixed_nonce {
        options.nonce = Arc::new(FixedNonce(n));
    }
    Client::new(creds, options)
}

/// A core client as a JavaScript class; cheap to share, safe across concurrent calls.
#[napi]
pub struct NativeClient {
    inner: Client,
}

/// Builds a client, or returns the construction error (bad credentials, URL, proxy, timeout).
#[napi(catch_unwind)]
pub fn create_client(config: ClientConfig) -> Outcome<NativeClient> {
    outcome(build(config), |inner| NativeClient { inner })
}

impl NativeClient {
    /// The core client (cheap clone: an `Arc` inside), to move into an async operation.
    pub(crate) fn core(&self) -> Client {
        self.inner.clone()
    }
}

#[napi]
impl NativeClient {
    /// The API key or application id.
    #[napi(getter)]
    pub fn api_key(&self) -> String {
        self.inner.credentials().id().to_string()
    }

    /// Whether the credentials are a Vonage application's.
    #[napi(getter)]
    pub fn is_application(&self) -> bool {
        self.inner.credentials().is_application()
    }

    /// The base URL requests go to.
    #[napi(getter)]
    pub fn api_url(&self) -> String {
        self.inner.base_url().to_string()
    }

    /// `POST /session/create` on napi's tokio runtime.
    #[napi]
    pub async fn create_session(&self, input: SessionInput) -> Outcome<SessionInfo> {
        let options = match input.to_core() {
            Ok(o) => o,
            Err(e) => return Either::B(NativeError::from(&e)),
        };
        let client = self.inner.clone();
        outcome(client.create_session(&options).await, SessionInfo::from)
    }

    /// Mints a connection token (pure CPU, synchronous). `t1` selects the legacy format; `input`
    /// is omitted when there are no other options (skips converting an object on the hot path).
    /// Tokens are ASCII (base64), so they are handed to V8 as one-byte strings without UTF-8
    /// validation.
    #[napi(catch_unwind, ts_return_type = "Outcome<string>")]
    pub fn generate_token<'env>(
        &self,
        env: &'env Env,
        session_id: String,
        t1: bool,
        input: Option<TokenInput>,
    ) -> Result<Either<JsString<'env>, NativeError>> {
        let mut options = match input.map(|i| i.into_core()).transpose() {
            Ok(o) => o.unwrap_or_default(),
            Err(e) => return Ok(Either::B(NativeError::from(&e))),
        };
        if t1 {
            options.format = TokenFormat::T1;
        }
        match self.inner.generate_token(&session_id, &options) {
            Ok(token) if token.is_ascii() => env.create_string_latin1(token.as_bytes()).map(Either::A),
            Ok(token) => env.create_string(&token).map(Either::A),
            Err(e) => Ok(Either::B(NativeError::from(&e))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> ClientConfig {
        ClientConfig {
            api_key: "123456".into(),
            api_secret: "1234567890abcdef1234567890abcdef1234567890".into(),
            api_url: Some("http://127.0.0.1:4010".into()),
            timeout_ms: None,
            proxy: None,
            proxy_username: None,
            proxy_password: None,
            ua_addendum: Some("app/1".into()),
            binding: Some("node/20.0.0".into()),
            max_retries: None,
            fixed_now: Some(1795823052),
            fixed_nonce: Some(424242),
        }
    }

    #[test]
    fn builds_a_project_client_with_options() {
        let c = build(ClientConfig { timeout_ms: Some(1500.0), max_retries: Some(0), ..config() }).unwrap();
        assert_eq!(c.credentials().id(), "123456");
        assert!(!c.credentials().is_application());
        assert_eq!(c.options().request_timeout, Duration::from_millis(1500));
        assert_eq!(c.options().connect_timeout, Duration::from_millis(1500));
        assert_eq!(c.options().retry.max_retries, 0);
        assert!(c.user_agent().contains("node/20.0.0"));
        assert!(c.user_agent().contains("app/1"));
    }

    #[test]
    fn bad_timeouts_and_pem_secrets_name_the_field() {
        let e = build(ClientConfig { timeout_ms: Some(-1.0), ..config() }).unwrap_err();
        assert_eq!(e.field(), Some("timeout"));
        let e =
            build(ClientConfig { api_secret: "-----BEGIN PRIVATE KEY-----\nAA\n-----END PRIVATE KEY-----\n".into(), ..config() })
                .unwrap_err();
        assert_eq!(e.field(), Some("application_id"));
    }

    #[test]
    fn fixed_clock_and_nonce_make_tokens_reproducible() {
        let c = build(config()).unwrap();
        let sid = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
        let options = opentok::TokenOptions::default();
        assert_eq!(c.generate_token(sid, &options).unwrap(), c.generate_token(sid, &options).unwrap());
    }
}
