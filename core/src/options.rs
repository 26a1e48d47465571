//! Client options: base URL, timeouts, proxy, user agent, retries, REST JWT lifetime, clock.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::clock::{Clock, FixedClock, FixedNonce, NonceSource, RandomNonce, SystemClock};
use crate::error::{Error, Result};

/// How a [`crate::Client`] talks to the API. `Default` gives finite, sensible values.
#[derive(Clone)]
pub struct ClientOptions {
    /// API base URL; `None` picks `https://api.opentok.com` for project credentials and
    /// `https://video.api.vonage.com` for application credentials.
    pub base_url: Option<String>,
    /// Time allowed to open a connection (default 10 s).
    pub connect_timeout: Duration,
    /// Time allowed for a whole request, per attempt (default 30 s).
    pub request_timeout: Duration,
    /// An HTTP, HTTPS or SOCKS5 proxy. Without one, the `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`
    /// environment variables apply.
    pub proxy: Option<Proxy>,
    /// Appended to the User-Agent (e.g. your app's name and version).
    pub user_agent_suffix: Option<String>,
    /// The binding and its runtime version, e.g. `python/3.11.7`; set by each binding.
    pub binding: Option<String>,
    /// Whose official SDK the requests and tokens look like, where the official SDKs differ
    /// (set by each binding; see [`Dialect`]).
    pub dialect: Dialect,
    /// When and how often to retry.
    pub retry: RetryPolicy,
    /// Lifetime of each REST auth JWT (default 300 s).
    pub jwt_lifetime: Duration,
    /// Allowed difference between the local and the server clock before an auth failure is
    /// reported as clock skew (default 30 s).
    pub clock_leeway: Duration,
    /// Source of the current time (tests fix it).
    pub clock: Arc<dyn Clock>,
    /// Source of token nonces (tests fix it).
    pub nonce: Arc<dyn NonceSource>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            base_url: None,
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            proxy: None,
            user_agent_suffix: None,
            binding: None,
            dialect: Dialect::default(),
            retry: RetryPolicy::default(),
            jwt_lifetime: Duration::from_secs(300),
            clock_leeway: Duration::from_secs(30),
            clock: Arc::new(SystemClock),
            nonce: Arc::new(RandomNonce),
        }
    }
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("base_url", &self.base_url)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("proxy", &self.proxy)
            .field("user_agent_suffix", &self.user_agent_suffix)
            .field("binding", &self.binding)
            .field("dialect", &self.dialect)
            .field("retry", &self.retry)
            .field("jwt_lifetime", &self.jwt_lifetime)
            .field("clock_leeway", &self.clock_leeway)
            .finish_non_exhaustive()
    }
}

/// A proxy for every request. `Debug` hides the password.
#[derive(Clone, PartialEq, Eq)]
pub struct Proxy {
    /// `http://host:port`, `https://host:port` or `socks5://host:port`.
    pub url: String,
    /// Proxy user name, if the proxy needs one.
    pub username: Option<String>,
    /// Proxy password.
    pub password: Option<String>,
}

impl Proxy {
    /// A proxy without credentials.
    pub fn new(url: impl Into<String>) -> Proxy {
        Proxy { url: url.into(), username: None, password: None }
    }

    /// The same proxy with basic credentials.
    pub fn with_credentials(mut self, username: impl Into<String>, password: impl Into<String>) -> Proxy {
        self.username = Some(username.into());
        self.password = Some(password.into());
        self
    }
}

impl fmt::Debug for Proxy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Proxy")
            .field("url", &self.url)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// Bounded, jittered exponential backoff. Connect failures, 429 and 503 are retried for every
/// call; other 5xx answers and timeouts only for idempotent calls. `Retry-After` is honoured
/// (up to [`RetryPolicy::max_retry_after`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (default 2; 0 disables retrying).
    pub max_retries: u32,
    /// Backoff before the first retry (default 200 ms), doubled each time.
    pub initial_backoff: Duration,
    /// Longest backoff (default 5 s).
    pub max_backoff: Duration,
    /// Longest `Retry-After` wait honoured; a longer one ends the retries (default 30 s).
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> RetryPolicy {
        RetryPolicy { max_retries: 0, ..RetryPolicy::default() }
    }

    /// The backoff before retry number `attempt` (0-based), with jitter in [50%, 100%].
    pub(crate) fn backoff(&self, attempt: u32, jitter: u32) -> Duration {
        let base = self.initial_backoff.saturating_mul(1u32 << attempt.min(16)).min(self.max_backoff);
        let frac = 0.5 + (jitter % 1000) as f64 / 2000.0;
        base.mul_f64(frac)
    }
}

/// The official SDK whose wire details a client reproduces where the official SDKs disagree
/// (request bodies and headers, token claims; `docs/rest-api.md` lists each difference). Every
/// binding sets its language's; the default, `Python`, is what the core did before dialects
/// existed and what the token vectors were taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Dialect {
    /// The official Python SDK (`opentok` 3.x on PyPI).
    #[default]
    Python,
    /// The official Node SDK (`opentok` 2.x on npm).
    Node,
    /// The official Java SDK (`com.tokbox:opentok-server-sdk` 4.x).
    Java,
    /// The official Ruby gem (`opentok` 4.x).
    Ruby,
    /// The official PHP SDK (`opentok/opentok` 4.x).
    Php,
}

/// The knobs the official SDKs' constructors take, in one place: each binding fills the ones its
/// language offers (`timeout`, `proxy`, `ua_addendum`, `app_version`, ...) and
/// [`ClientSettings::to_options`] turns them into [`ClientOptions`] by one set of rules.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ClientSettings {
    /// API base URL (`api_url`, `apiUrl`); `None` is the default for the credential kind.
    pub api_url: Option<String>,
    /// Time allowed for a whole request; also caps the connect timeout.
    pub timeout: Option<Duration>,
    /// Time allowed to connect, when given apart (Python's `(connect, read)` tuple).
    pub connect_timeout: Option<Duration>,
    /// Proxy URL (`http://`, `https://`, `socks5://`; credentials may be in it).
    pub proxy: Option<String>,
    /// Proxy user name, when not in the URL.
    pub proxy_username: Option<String>,
    /// Proxy password, when not in the URL.
    pub proxy_password: Option<String>,
    /// The app's name/version for the User-Agent (Python's `app_version`: `app/<version>`).
    pub app_version: Option<String>,
    /// Text appended to the User-Agent (`ua_addendum`, `append_to_user_agent`).
    pub ua_addendum: Option<String>,
    /// The binding and its runtime version, e.g. `python/3.11.7`.
    pub binding: Option<String>,
    /// Whose official SDK the requests and tokens look like.
    pub dialect: Dialect,
    /// Retries after the first attempt; `Some(0)` means none, `None` the core's default.
    pub max_retries: Option<u32>,
    /// Lifetime of each REST auth JWT (`None`: the core's default).
    pub jwt_lifetime: Option<Duration>,
    /// Test hook: a fixed clock, in unix seconds.
    pub fixed_now: Option<i64>,
    /// Test hook: a fixed token nonce.
    pub fixed_nonce: Option<u32>,
}

/// Longest request or connect timeout (and REST JWT lifetime) a client accepts: one day. A larger
/// value is a mistake (`2**64` ms), and a timeout that never fires turns a dead server into a hang.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(86_400);

/// Most automatic retries a client accepts. Each retry may wait up to the backoff cap, so more
/// than this is a mistake (`2**64`), not a policy.
pub const MAX_RETRIES: u32 = 10;

/// Checks a duration knob: positive and at most [`MAX_TIMEOUT`].
fn check_duration(field: &str, d: Duration) -> Result<()> {
    if d.is_zero() || d > MAX_TIMEOUT {
        return Err(Error::invalid(field, "must be more than 0 and at most 86400 seconds (1 day)", d.as_secs_f64()));
    }
    Ok(())
}

/// Checks a text knob that becomes (part of) an HTTP header or URL: no control characters
/// (a CR/LF would split the header).
fn check_header_text(field: &str, s: &str) -> Result<()> {
    if s.chars().any(char::is_control) {
        return Err(Error::invalid(field, "must not contain control characters", s));
    }
    Ok(())
}

impl ClientSettings {
    /// Checks every knob once, for every binding, naming the field, the rule and the value:
    /// `timeout`, `connect_timeout` and `jwt_lifetime` positive and at most [`MAX_TIMEOUT`],
    /// `max_retries` at most [`MAX_RETRIES`], and no control characters in the texts that go into
    /// headers (`ua_addendum`, `app_version`, `binding`, `proxy`, `proxy_username`,
    /// `proxy_password`). URLs and proxies are parsed later, by `Client::new`.
    pub fn validate(&self) -> Result<()> {
        if let Some(t) = self.timeout {
            check_duration("timeout", t)?;
        }
        if let Some(t) = self.connect_timeout {
            check_duration("connect_timeout", t)?;
        }
        if let Some(t) = self.jwt_lifetime {
            check_duration("jwt_lifetime", t)?;
        }
        if let Some(n) = self.max_retries {
            if n > MAX_RETRIES {
                return Err(Error::invalid("max_retries", "must be an integer from 0 to 10", n));
            }
        }
        for (field, text) in [
            ("ua_addendum", &self.ua_addendum),
            ("app_version", &self.app_version),
            ("binding", &self.binding),
            ("proxy", &self.proxy),
            ("proxy_username", &self.proxy_username),
        ] {
            if let Some(t) = text {
                check_header_text(field, t)?;
            }
        }
        if let Some(p) = &self.proxy_password {
            if p.chars().any(char::is_control) {
                return Err(Error::invalid("proxy_password", "must not contain control characters", "<redacted>"));
            }
        }
        Ok(())
    }

    /// [`ClientSettings::validate`], then [`ClientSettings::to_options`]: what bindings call.
    pub fn to_checked_options(&self) -> Result<ClientOptions> {
        self.validate()?;
        Ok(self.to_options())
    }

    /// The [`ClientOptions`] these settings mean (unchecked: see [`ClientSettings::to_checked_options`]).
    pub fn to_options(&self) -> ClientOptions {
        let mut o = ClientOptions { base_url: self.api_url.clone(), ..ClientOptions::default() };
        if let Some(t) = self.timeout {
            o.request_timeout = t;
            o.connect_timeout = o.connect_timeout.min(t);
        }
        if let Some(c) = self.connect_timeout {
            o.connect_timeout = c;
        }
        o.proxy = self.proxy.as_ref().map(|url| Proxy {
            url: url.clone(),
            username: self.proxy_username.clone(),
            password: self.proxy_password.clone(),
        });
        let parts = [self.app_version.as_ref().map(|v| format!("app/{}", v.trim())), self.ua_addendum.clone()];
        let suffix: Vec<String> = parts.into_iter().flatten().filter(|p| !p.trim().is_empty()).collect();
        o.user_agent_suffix = (!suffix.is_empty()).then(|| suffix.join(" "));
        o.binding.clone_from(&self.binding);
        o.dialect = self.dialect;
        if let Some(n) = self.max_retries {
            o.retry = if n == 0 { RetryPolicy::none() } else { RetryPolicy { max_retries: n, ..o.retry } };
        }
        if let Some(l) = self.jwt_lifetime {
            o.jwt_lifetime = l;
        }
        if let Some(now) = self.fixed_now {
            o.clock = Arc::new(FixedClock::at_unix(now));
        }
        if let Some(n) = self.fixed_nonce {
            o.nonce = Arc::new(FixedNonce(n));
        }
        o
    }
}

impl fmt::Debug for ClientSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientSettings")
            .field("api_url", &self.api_url)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("proxy", &self.proxy)
            .field("proxy_password", &self.proxy_password.as_ref().map(|_| "<redacted>"))
            .field("ua_addendum", &self.ua_addendum)
            .field("max_retries", &self.max_retries)
            .finish_non_exhaustive()
    }
}

/// A duration given in (fractional) seconds by a binding (`timeout=2.5`): must be finite,
/// positive and at most [`MAX_TIMEOUT`] (1 day); `field` names it in the error.
pub fn seconds(field: &str, secs: f64) -> Result<Duration> {
    if secs.is_finite() && secs > 0.0 && secs <= MAX_TIMEOUT.as_secs_f64() {
        Ok(Duration::from_secs_f64(secs))
    } else {
        Err(Error::invalid(field, "must be a positive, finite number of seconds, at most 86400 (1 day)", secs))
    }
}

/// A retry count given as a number by a binding whose numbers are floats or wide integers
/// (JavaScript, Python): must be an integer from 0 to [`MAX_RETRIES`]; `field` names it.
pub fn retries(field: &str, n: f64) -> Result<u32> {
    if n.fract() == 0.0 && (0.0..=f64::from(MAX_RETRIES)).contains(&n) {
        Ok(n as u32)
    } else {
        Err(Error::invalid(field, "must be an integer from 0 to 10", n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_become_options() {
        let s = ClientSettings {
            timeout: Some(Duration::from_secs(3)),
            app_version: Some("1.2".into()),
            ua_addendum: Some("extra".into()),
            max_retries: Some(0),
            proxy: Some("http://p:1".into()),
            proxy_username: Some("u".into()),
            ..Default::default()
        };
        let o = s.to_options();
        assert_eq!((o.request_timeout, o.connect_timeout), (Duration::from_secs(3), Duration::from_secs(3)));
        assert_eq!(o.user_agent_suffix.as_deref(), Some("app/1.2 extra"));
        assert_eq!(o.retry.max_retries, 0);
        assert_eq!(o.proxy.unwrap().username.as_deref(), Some("u"));
        let long = ClientSettings { timeout: Some(Duration::from_secs(60)), ..Default::default() }.to_options();
        assert_eq!((long.request_timeout, long.connect_timeout), (Duration::from_secs(60), Duration::from_secs(10)));
        assert!(seconds("timeout", f64::NAN).is_err() && seconds("timeout", -1.0).is_err() && seconds("timeout", 0.5).is_ok());
    }

    #[test]
    fn knobs_are_bounded_and_errors_name_field_rule_and_value() {
        let day = Duration::from_secs(86_400);
        assert!(seconds("timeout", 86_400.0).is_ok());
        for bad in [86_400.001, 1e9, 2f64.powi(64) / 1000.0, f64::INFINITY, 0.0, -0.0] {
            let e = seconds("timeout", bad).unwrap_err();
            assert_eq!(e.field(), Some("timeout"), "{bad}");
            assert!(e.to_string().contains("86400"), "{e}");
        }
        assert_eq!(retries("max_retries", 10.0).unwrap(), 10);
        assert_eq!(retries("max_retries", 0.0).unwrap(), 0);
        for bad in [11.0, -1.0, 1.5, f64::NAN, 2f64.powi(64), f64::INFINITY] {
            assert_eq!(retries("maxRetries", bad).unwrap_err().field(), Some("maxRetries"), "{bad}");
        }
        let ok = ClientSettings {
            timeout: Some(day),
            connect_timeout: Some(Duration::from_millis(1)),
            jwt_lifetime: Some(day),
            max_retries: Some(MAX_RETRIES),
            ua_addendum: Some("app/1 (x)".into()),
            ..Default::default()
        };
        assert!(ok.validate().is_ok());
        assert!(ok.to_checked_options().is_ok());
        let cases: Vec<(ClientSettings, &str)> = vec![
            (ClientSettings { timeout: Some(day + Duration::from_nanos(1)), ..Default::default() }, "timeout"),
            (ClientSettings { timeout: Some(Duration::ZERO), ..Default::default() }, "timeout"),
            (ClientSettings { connect_timeout: Some(Duration::MAX), ..Default::default() }, "connect_timeout"),
            (ClientSettings { jwt_lifetime: Some(Duration::ZERO), ..Default::default() }, "jwt_lifetime"),
            (ClientSettings { max_retries: Some(u32::MAX), ..Default::default() }, "max_retries"),
            (ClientSettings { ua_addendum: Some("a\r\nX-Evil: 1".into()), ..Default::default() }, "ua_addendum"),
            (ClientSettings { app_version: Some("1\n".into()), ..Default::default() }, "app_version"),
            (ClientSettings { proxy_password: Some("p\u{0}w".into()), ..Default::default() }, "proxy_password"),
        ];
        for (s, field) in cases {
            let e = s.to_checked_options().unwrap_err();
            assert_eq!(e.field(), Some(field), "{e}");
            assert!(!e.to_string().contains("p\u{0}w"), "passwords are not echoed");
        }
    }
}
