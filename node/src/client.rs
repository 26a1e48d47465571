//! `NativeClient`: one core `Client` (credentials, options, connection pool) per `OpenTok` object.

use napi::bindgen_prelude::Either;
use napi::bindgen_prelude::Object;
use napi::{Env, JsString, Result};
use napi_derive::napi;
use opentok::{Client, ClientSettings, Credentials, TokenFormat};

use crate::error::{outcome, NativeError, Outcome};
use crate::session::{SessionInfo, SessionInput};
use crate::task::spawn;
use crate::token::TokenInput;

/// Construction parameters, already normalised by the facade (`new OpenTok(key, secret, env)`).
#[napi(object)]
pub struct ClientConfig {
    /// API key (as a string) or Vonage application id.
    pub api_key: String,
    /// API secret, or a PEM private key for application credentials, or the path of a PEM key
    /// file (the core decides which: `Credentials::from_secret_or_key`).
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
    /// Maximum automatic retries of safe requests (core default when unset): a JavaScript number,
    /// checked by the core (`opentok::retries`: an integer from 0 to 10), so `2**64` or `-1` is an
    /// error instead of a wrapped `u32`.
    pub max_retries: Option<f64>,
    /// Test hook: a fixed clock, in unix seconds.
    pub fixed_now: Option<i64>,
    /// Test hook: a fixed token nonce.
    pub fixed_nonce: Option<u32>,
}

impl ClientConfig {
    /// The core's settings for these knobs: the request timeout arrives in milliseconds (the
    /// official `timeout` option) and is checked by the core's rule for durations (at most a day),
    /// the retry count by its rule for counts; `build` then runs `ClientSettings::validate`.
    fn settings(self) -> opentok::Result<ClientSettings> {
        Ok(ClientSettings {
            api_url: self.api_url,
            timeout: self.timeout_ms.map(|ms| opentok::seconds("timeout", ms / 1000.0)).transpose()?,
            proxy: self.proxy,
            proxy_username: self.proxy_username,
            proxy_password: self.proxy_password,
            ua_addendum: self.ua_addendum,
            binding: self.binding,
            dialect: opentok::Dialect::Node,
            max_retries: self.max_retries.map(|n| opentok::retries("max_retries", n)).transpose()?,
            fixed_now: self.fixed_now,
            fixed_nonce: self.fixed_nonce,
            ..ClientSettings::default()
        })
    }
}

/// The core decides the credential kind (a PEM secret means a Vonage application) and checks
/// and turns the knobs into options (`ClientSettings::to_checked_options`).
fn build(config: ClientConfig) -> opentok::Result<Client> {
    let creds = Credentials::from_secret_or_key(config.api_key.as_str(), &config.api_secret)?;
    Client::new(creds, config.settings()?.to_checked_options()?)
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

    /// `POST /session/create` on the addon's runtime (`task::spawn`).
    #[napi(ts_return_type = "Promise<Outcome<SessionInfo>>")]
    pub fn create_session<'env>(&self, env: &'env Env, input: SessionInput) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let options = match input.to_core() {
                Ok(o) => o,
                Err(e) => return Either::B(NativeError::from(&e)),
            };
            outcome(client.create_session(&options).await, SessionInfo::from)
        })
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
    use std::time::Duration;

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
        let c = build(ClientConfig { timeout_ms: Some(1500.0), max_retries: Some(0.0), ..config() }).unwrap();
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
        for ms in [-1.0, 0.0, f64::NAN, f64::INFINITY, 2f64.powi(64), 86_400_001.0] {
            let e = build(ClientConfig { timeout_ms: Some(ms), ..config() }).unwrap_err();
            assert_eq!(e.field(), Some("timeout"), "{ms}");
        }
        let e =
            build(ClientConfig { api_secret: "-----BEGIN PRIVATE KEY-----\nAA\n-----END PRIVATE KEY-----\n".into(), ..config() })
                .unwrap_err();
        assert_eq!(e.field(), Some("application_id"));
    }

    #[test]
    fn retries_and_header_texts_are_checked_by_the_core() {
        for n in [-1.0, 1.5, 11.0, 2f64.powi(64), f64::NAN] {
            let e = build(ClientConfig { max_retries: Some(n), ..config() }).unwrap_err();
            assert_eq!(e.field(), Some("max_retries"), "{n}");
        }
        assert_eq!(build(ClientConfig { max_retries: Some(10.0), ..config() }).unwrap().options().retry.max_retries, 10);
        let e = build(ClientConfig { ua_addendum: Some("x\r\nX-Injected: 1".into()), ..config() }).unwrap_err();
        assert_eq!(e.field(), Some("ua_addendum"));
    }

    #[test]
    fn a_pem_private_key_as_secret_makes_application_credentials() {
        let pem = include_str!("../../emulator/tests/fixtures/app_private.pem");
        let c = build(ClientConfig {
            api_key: "c3a7e1d2-1234-4abc-9def-0123456789ab".into(),
            api_secret: pem.into(),
            api_url: None,
            ..config()
        })
        .unwrap();
        assert!(c.credentials().is_application());
        assert_eq!(c.base_url(), "https://video.api.vonage.com");
    }

    #[test]
    fn fixed_clock_and_nonce_make_tokens_reproducible() {
        let c = build(config()).unwrap();
        let sid = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
        let options = opentok::TokenOptions::default();
        assert_eq!(c.generate_token(sid, &options).unwrap(), c.generate_token(sid, &options).unwrap());
    }
}
