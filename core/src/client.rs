//! The client: credentials + options + one connection pool.

use std::fmt;
use std::sync::Arc;

use reqwest::Method;

use crate::credentials::Credentials;
use crate::error::{Error, Result};
use crate::options::ClientOptions;
use crate::session::{parse_created, Session, SessionOptions};
use crate::token::{mint, TokenOptions};
use crate::transport::{Body, Request, Response, Transport};

/// An OpenTok / Vonage Video API client. Cheap to clone (an `Arc` inside), `Send + Sync`; one
/// connection pool per client, no background threads.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    credentials: Credentials,
    options: ClientOptions,
    base_url: String,
    transport: Transport,
}

impl Client {
    /// Builds a client. Fails on a base URL that is not `http(s)://host[:port][/path]`, a bad proxy
    /// URL or a user-agent suffix with control characters.
    pub fn new(credentials: Credentials, options: ClientOptions) -> Result<Client> {
        let raw = options.base_url.clone().unwrap_or_else(|| credentials.default_base_url().to_string());
        let base_url = normalize_base_url(&raw)?;
        let transport = Transport::new(&options, base_url.clone())?;
        Ok(Client { inner: Arc::new(Inner { credentials, options, base_url, transport }) })
    }

    /// Runs `fut` (calls of this crate's clients) to completion on the calling thread, for
    /// blocking APIs: the thread gets a tokio runtime and HTTP connections of its own, so a request
    /// is written and its answer read by the thread that waits, with no hand-off between threads.
    /// Call it from a thread that is not running async code (a tokio runtime panics here); async
    /// callers await the client's methods instead, on their runtime and the client's shared pool.
    pub fn block_on_here<F: std::future::Future>(fut: F) -> F::Output {
        crate::transport::block_on_here(fut)
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.inner.credentials
    }

    /// The options.
    pub fn options(&self) -> &ClientOptions {
        &self.inner.options
    }

    /// The API base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The User-Agent sent with every request.
    pub fn user_agent(&self) -> &str {
        self.inner.transport.user_agent()
    }

    /// Creates a session: `POST {base}/session/create`. The options are validated first
    /// ([`SessionOptions::validate`]); nothing is sent when they break a rule.
    ///
    /// Not retried after the request reached the server (creating is not idempotent), except on
    /// 429 and 503, which the service answers before doing anything.
    pub async fn create_session(&self, options: &SessionOptions) -> Result<Session> {
        options.validate()?;
        let path = "/session/create";
        let req = Request { method: Method::POST, path: path.into(), body: Body::Form(options.to_form()), idempotent: false };
        let resp = self.inner.transport.send(&self.inner.credentials, &self.inner.options, req).await?;
        let created = parse_created(&resp.body).map_err(|detail| Error::InvalidResponse {
            method: "POST".into(),
            path: path.into(),
            status: Some(resp.status),
            detail,
        })?;
        Ok(Session {
            session_id: created.session_id,
            media_mode: options.effective_media_mode(),
            archive_mode: options.effective_archive_mode(),
            location: options.location.clone(),
            e2ee: options.effective_e2ee(),
            archive_name: options.archive_name.clone(),
            archive_resolution: options.archive_resolution,
            project_id: created.project_id,
            create_dt: created.create_dt,
            media_server_url: created.media_server_url,
        })
    }

    /// Sends one REST request with this client's auth, retries and error mapping; for the
    /// operation modules (`archive.rs`, `broadcast.rs`, ...), which add their methods to
    /// `Client` in their own `impl Client` blocks.
    #[allow(dead_code)]
    pub(crate) async fn call(&self, method: Method, path: String, body: Body) -> Result<Response> {
        let idempotent = matches!(method, Method::GET | Method::PUT | Method::DELETE | Method::HEAD);
        let req = Request { method, path, body, idempotent };
        self.inner.transport.send(&self.inner.credentials, &self.inner.options, req).await
    }

    /// The body of a bodiless POST that the official Node SDK sends as an empty JSON object
    /// (`stopArchive`, `stopBroadcast`, `forceMuteStream`): `{}` in the Node dialect, none
    /// otherwise.
    pub(crate) fn empty_post_body(&self) -> Body {
        if self.inner.options.dialect == crate::options::Dialect::Node {
            Body::Json("{}".to_string())
        } else {
            Body::None
        }
    }

    /// `/v2/project/{api key or application id}{suffix}`.
    #[allow(dead_code)]
    pub(crate) fn project_path(&self, suffix: &str) -> String {
        format!("/v2/project/{}{}", self.inner.credentials.id(), suffix)
    }

    /// Mints a client token for `session_id` (pure CPU, no I/O). The session id must parse and
    /// belong to these credentials.
    pub fn generate_token(&self, session_id: &str, options: &TokenOptions) -> Result<String> {
        let o = &self.inner.options;
        mint(&self.inner.credentials, session_id, options, o.clock.unix_now(), o.nonce.nonce(), o.dialect)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("credentials", &self.inner.credentials)
            .field("base_url", &self.inner.base_url)
            .finish_non_exhaustive()
    }
}

fn normalize_base_url(raw: &str) -> Result<String> {
    let t = raw.trim().trim_end_matches('/');
    let ok = reqwest::Url::parse(t)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some() && u.query().is_none());
    match ok {
        Some(u) if u.username().is_empty() && u.password().is_none() => Ok(t.to_string()),
        _ => Err(Error::invalid("api_url", "must be an http:// or https:// URL with a host and no credentials or query", raw)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_defaults_and_validation() {
        let c = Credentials::project("123456", "secret").unwrap();
        let cl = Client::new(c.clone(), ClientOptions::default()).unwrap();
        assert_eq!(cl.base_url(), "https://api.opentok.com");
        let o = ClientOptions { base_url: Some("http://127.0.0.1:4010/".into()), ..Default::default() };
        assert_eq!(Client::new(c.clone(), o).unwrap().base_url(), "http://127.0.0.1:4010");
        for bad in ["ftp://x", "nope", "http://u:p@h"] {
            let o = ClientOptions { base_url: Some(bad.into()), ..Default::default() };
            assert_eq!(Client::new(c.clone(), o).unwrap_err().field(), Some("api_url"));
        }
    }

    #[test]
    fn user_agent_names_sdk_binding_and_suffix() {
        let c = Credentials::project("123456", "secret").unwrap();
        let o = ClientOptions {
            binding: Some("python/3.11.7".into()),
            user_agent_suffix: Some("myapp/2".into()),
            ..Default::default()
        };
        assert_eq!(Client::new(c, o).unwrap().user_agent(), format!("opentok-native/{} python/3.11.7 myapp/2", crate::VERSION));
    }
}
