//! The exported client: an [`opentok::Client`] plus blocking twins of its async calls.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use opentok::{ClientOptions, ClientSettings, Credentials};

use crate::error::Result;
use crate::session::{SessionInfo, SessionSpec};
use crate::token::TokenSpec;

/// How the client talks to the API. Every field is optional; `None` keeps the core's default.
/// `Debug` hides the proxy password.
#[derive(Clone, Default, uniffi::Record)]
pub struct ClientConfig {
    /// API base URL (default `https://api.opentok.com` with project credentials,
    /// `https://video.api.vonage.com` with application credentials; point it at the emulator in tests).
    #[uniffi(default = None)]
    pub api_url: Option<String>,
    /// Time allowed for a whole request, per attempt, in milliseconds (default 30 000); also
    /// caps the connect timeout unless that is given.
    #[uniffi(default = None)]
    pub request_timeout_ms: Option<u64>,
    /// Time allowed to open a connection, in milliseconds (default 10 000).
    #[uniffi(default = None)]
    pub connect_timeout_ms: Option<u64>,
    /// Proxy URL: `http://`, `https://` or `socks5://`.
    #[uniffi(default = None)]
    pub proxy_url: Option<String>,
    /// Proxy user name.
    #[uniffi(default = None)]
    pub proxy_username: Option<String>,
    /// Proxy password (never printed).
    #[uniffi(default = None)]
    pub proxy_password: Option<String>,
    /// Appended to the User-Agent.
    #[uniffi(default = None)]
    pub user_agent_suffix: Option<String>,
    /// The binding and its runtime, e.g. `kotlin/2.2.21` or `ruby/3.1.2`.
    #[uniffi(default = None)]
    pub binding: Option<String>,
    /// Whose official SDK the requests and tokens look like (`Java` from Kotlin/Java, `Ruby` from
    /// Ruby); `None` is the core's default.
    #[uniffi(default = None)]
    pub dialect: Option<opentok::Dialect>,
    /// Retries of idempotent or unsent requests (default 2; 0 turns retries off).
    #[uniffi(default = None)]
    pub max_retries: Option<u32>,
    /// Test hook: a fixed clock, in unix seconds (tokens become reproducible).
    #[uniffi(default = None)]
    pub fixed_now: Option<i64>,
    /// Test hook: a fixed token nonce.
    #[uniffi(default = None)]
    pub fixed_nonce: Option<u32>,
}

impl std::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientConfig")
            .field("api_url", &self.api_url)
            .field("request_timeout_ms", &self.request_timeout_ms)
            .field("connect_timeout_ms", &self.connect_timeout_ms)
            .field("proxy_url", &self.proxy_url)
            .field("proxy_username", &self.proxy_username)
            .field("proxy_password", &self.proxy_password.as_ref().map(|_| "<redacted>"))
            .field("user_agent_suffix", &self.user_agent_suffix)
            .field("binding", &self.binding)
            .field("max_retries", &self.max_retries)
            .field("fixed_now", &self.fixed_now)
            .field("fixed_nonce", &self.fixed_nonce)
            .finish()
    }
}

impl ClientConfig {
    /// The core's options for these knobs (the core decides every default).
    fn into_options(self) -> opentok::Result<ClientOptions> {
        ClientSettings {
            api_url: self.api_url,
            timeout: self.request_timeout_ms.map(Duration::from_millis),
            connect_timeout: self.connect_timeout_ms.map(Duration::from_millis),
            proxy: self.proxy_url,
            proxy_username: self.proxy_username,
            proxy_password: self.proxy_password,
            ua_addendum: self.user_agent_suffix,
            binding: self.binding,
            dialect: self.dialect.unwrap_or_default(),
            max_retries: self.max_retries,
            fixed_now: self.fixed_now,
            fixed_nonce: self.fixed_nonce,
            ..ClientSettings::default()
        }
        .to_checked_options()
    }
}

/// The runtime behind the blocking twins (two workers, created on first use, never dropped).
fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("opentok-uniffi")
            .enable_all()
            .build()
            .expect("tokio runtime for blocking OpenTok calls")
    })
}

/// Whether blocking calls run on the calling thread's own runtime and connections
/// (`opentok::Client::block_on_here`, the default) rather than on the shared runtime, whose
/// workers drive the connections and hand each answer over to the waiting thread
/// (`OPENTOK_BLOCKING_RUNTIME=shared`, for comparison).
fn on_calling_thread() -> bool {
    static HERE: OnceLock<bool> = OnceLock::new();
    *HERE.get_or_init(|| std::env::var("OPENTOK_BLOCKING_RUNTIME").map_or(true, |v| v != "shared"))
}

/// Runs `fut` to completion for a blocking twin: on the calling thread (its own runtime and
/// connections, no hand-off between threads), or on the shared runtime when the caller is inside
/// some tokio runtime already (then on a plain thread that waits).
pub(crate) fn block_on<F>(fut: F) -> F::Output
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    match tokio::runtime::Handle::try_current() {
        // Called from inside some tokio runtime: hand the work over and wait on a plain thread.
        Ok(_) => std::thread::scope(|s| s.spawn(|| runtime().block_on(fut)).join().expect("blocking OpenTok call panicked")),
        Err(_) if on_calling_thread() => opentok::Client::block_on_here(fut),
        Err(_) => runtime().block_on(fut),
    }
}

/// An OpenTok client: credentials, options and one connection pool. Cheap to share.
#[derive(uniffi::Object)]
pub struct Client {
    inner: opentok::Client,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("api_key", &self.inner.credentials().id())
            .field("api_url", &self.inner.base_url())
            .finish()
    }
}

impl Client {
    /// The core client (for the other exported modules, e.g. `rest.rs`).
    pub(crate) fn core(&self) -> &opentok::Client {
        &self.inner
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl Client {
    /// A client from the two values the official SDKs take: an api key and its secret, or an
    /// application id and its private key (PEM text, or the path of a PEM file); the core decides
    /// which from the second value.
    #[uniffi::constructor]
    pub fn new(api_key: String, api_secret: String, config: ClientConfig) -> Result<Arc<Self>> {
        let credentials = Credentials::from_secret_or_key(api_key, &api_secret)?;
        Ok(Arc::new(Client { inner: opentok::Client::new(credentials, config.into_options()?)? }))
    }

    /// A client with Vonage application credentials (application id and private key PEM).
    #[uniffi::constructor]
    pub fn with_application(application_id: String, private_key_pem: String, config: ClientConfig) -> Result<Arc<Self>> {
        let credentials = Credentials::application(application_id, &private_key_pem)?;
        Ok(Arc::new(Client { inner: opentok::Client::new(credentials, config.into_options()?)? }))
    }

    /// A client with Vonage application credentials whose private key is the PEM file at `path`.
    #[uniffi::constructor]
    pub fn with_key_file(application_id: String, path: String, config: ClientConfig) -> Result<Arc<Self>> {
        let credentials = Credentials::from_key_file(application_id, std::path::Path::new(&path))?;
        Ok(Arc::new(Client { inner: opentok::Client::new(credentials, config.into_options()?)? }))
    }

    /// The api key (or application id).
    pub fn api_key(&self) -> String {
        self.inner.credentials().id().to_string()
    }

    /// The API base URL in use.
    pub fn api_url(&self) -> String {
        self.inner.base_url().to_string()
    }

    /// The User-Agent sent with every request.
    pub fn user_agent(&self) -> String {
        self.inner.user_agent().to_string()
    }

    /// Creates a session (`POST /session/create`).
    pub async fn create_session(&self, options: SessionSpec) -> Result<SessionInfo> {
        let opts = options.into_core()?;
        Ok(self.inner.create_session(&opts).await?.into())
    }

    /// Blocking twin of [`Client::create_session`].
    pub fn create_session_blocking(&self, options: SessionSpec) -> Result<SessionInfo> {
        let opts = options.into_core()?;
        let client = self.inner.clone();
        Ok(block_on(async move { client.create_session(&opts).await })?.into())
    }

    /// Creates a session from the seed API's shape: a location and form-style properties
    /// (`p2p.preference`, `archiveMode`, `archiveName`, `archiveResolution`, `e2ee`).
    pub async fn create_session_with_properties(
        &self,
        location: Option<String>,
        properties: HashMap<String, String>,
    ) -> Result<SessionInfo> {
        let opts = crate::session::from_properties(location, properties)?;
        Ok(self.inner.create_session(&opts).await?.into())
    }

    /// Blocking twin of [`Client::create_session_with_properties`].
    pub fn create_session_with_properties_blocking(
        &self,
        location: Option<String>,
        properties: HashMap<String, String>,
    ) -> Result<SessionInfo> {
        let opts = crate::session::from_properties(location, properties)?;
        let client = self.inner.clone();
        Ok(block_on(async move { client.create_session(&opts).await })?.into())
    }

    /// Mints a client token for `session_id` (pure CPU, no I/O).
    pub fn generate_token(&self, session_id: String, options: TokenSpec) -> Result<String> {
        let opts = options.into_core()?;
        Ok(self.inner.generate_token(&session_id, &opts)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_proxy_password() {
        let c = ClientConfig { proxy_password: Some("hunter2-secret".into()), ..Default::default() };
        assert!(!format!("{c:?}").contains("hunter2-secret"));
    }

    #[test]
    fn blocking_twin_reports_connect_errors() {
        let client = Client::new(
            "123456".into(),
            "1234567890abcdef1234567890abcdef1234567890".into(),
            ClientConfig { api_url: Some("http://127.0.0.1:9".into()), max_retries: Some(0), ..Default::default() },
        )
        .unwrap();
        let e = client.create_session_blocking(SessionSpec::default()).unwrap_err();
        assert!(matches!(e, crate::NativeError::Connect { .. } | crate::NativeError::Timeout { .. }), "{e:?}");
    }
}
