//! HTTP: one connection pool per client, fresh auth per attempt, retries, error mapping.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{HeaderMap, ACCEPT, CONTENT_TYPE, DATE, RETRY_AFTER, USER_AGENT};
use reqwest::Method;
use serde_json::Value;

use crate::auth::rest_auth_header;
use crate::clock::{fill_random, unix_seconds};
use crate::credentials::Credentials;
use crate::error::{ApiFailure, Error, Result};
use crate::options::{ClientOptions, Dialect, RetryPolicy};

/// A request body.
pub(crate) enum Body {
    #[allow(dead_code)]
    None,
    Form(Vec<(&'static str, String)>),
    #[allow(dead_code)]
    Json(String),
}

/// One request to send.
pub(crate) struct Request {
    pub method: Method,
    pub path: String,
    pub body: Body,
    /// Whether sending it twice is harmless (GET, PUT, DELETE): enables retrying 5xx and timeouts.
    pub idempotent: bool,
}

/// A successful answer.
#[derive(Debug)]
pub(crate) struct Response {
    #[allow(dead_code)]
    pub status: u16,
    pub body: String,
}

pub(crate) struct Transport {
    http: reqwest::Client,
    /// The same client's settings, for the per-thread copies [`block_on_here`] calls use.
    builder: Arc<dyn Fn() -> reqwest::Result<reqwest::Client> + Send + Sync>,
    /// This transport's key among a thread's copies; dropped with the transport, so a thread
    /// can tell its stale copies apart.
    key: Arc<()>,
    base_url: String,
    /// Where blocking calls on their own thread send directly ([`crate::http1`]); `None` with a
    /// proxy (configured, or in the environment as reqwest reads it), for a base URL it cannot
    /// serve, or with `OPENTOK_BLOCKING_HTTP=reqwest`.
    direct: Option<crate::http1::Target>,
    connect_timeout: Duration,
    user_agent: String,
    request_timeout: Duration,
    retry: RetryPolicy,
}

thread_local! {
    /// Set while [`block_on_here`] runs a future on this thread's own runtime.
    static ON_THREAD_RUNTIME: Cell<bool> = const { Cell::new(false) };
    /// This thread's runtime for [`block_on_here`] (created on first use), with the fork
    /// generation it was made in.
    static THREAD_RUNTIME: RefCell<Option<(u64, ThreadRuntime)>> = const { RefCell::new(None) };
    /// This thread's copies of the transports' HTTP clients, used under [`block_on_here`]: their
    /// connections are driven by this thread's runtime, so they stay with this thread.
    static THREAD_HTTP: RefCell<Vec<(Weak<()>, reqwest::Client)>> = const { RefCell::new(Vec::new()) };
}

/// A current-thread runtime that shuts down without blocking when its thread ends.
struct ThreadRuntime(Option<tokio::runtime::Runtime>);

impl Drop for ThreadRuntime {
    fn drop(&mut self) {
        if let Some(rt) = self.0.take() {
            rt.shutdown_background();
        }
    }
}

/// Runs `fut` to completion on the calling thread, with a runtime and HTTP connections of this
/// thread's own: a blocking call then makes no hand-off between threads (the request is written,
/// and the answer read, by the thread that waits for it). For the bindings' blocking calls, from a
/// thread that is not running async code. Falls back to building a runtime per call when the
/// thread's runtime is in use (a nested call). Connections opened here serve later blocking calls
/// of the same thread and client; async calls use the client's shared pool.
pub(crate) fn block_on_here<F: Future>(fut: F) -> F::Output {
    THREAD_RUNTIME.with(|cell| {
        let Ok(mut slot) = cell.try_borrow_mut() else {
            // nested (a blocking call made while one runs on this thread): a runtime of its own
            // and the shared clients (this thread's copies are driven by the outer call's runtime)
            let was = ON_THREAD_RUNTIME.with(|f| f.replace(false));
            let out = new_thread_runtime().block_on(fut);
            ON_THREAD_RUNTIME.with(|f| f.set(was));
            return out;
        };
        let generation = crate::clock::fork_generation();
        if slot.as_ref().is_some_and(|(made_in, _)| *made_in != generation) {
            forget_inherited(slot.take());
        }
        let (_, rt) = slot.get_or_insert_with(|| (generation, ThreadRuntime(Some(new_thread_runtime()))));
        let rt = rt.0.as_ref().expect("the thread runtime lives until its thread ends");
        let was = ON_THREAD_RUNTIME.with(|f| f.replace(true));
        let out = rt.block_on(fut);
        ON_THREAD_RUNTIME.with(|f| f.set(was));
        out
    })
}

/// In a forked child, the runtime and HTTP clients this thread had in its parent: leaked, never
/// dropped. Their epoll instance and sockets are shared with the parent, and dropping them would
/// deregister the parent's sockets and close connections the parent still uses. The child makes
/// its own.
fn forget_inherited(runtime: Option<(u64, ThreadRuntime)>) {
    std::mem::forget(runtime);
    THREAD_HTTP.with(|cell| {
        if let Ok(mut copies) = cell.try_borrow_mut() {
            std::mem::forget(std::mem::take(&mut *copies));
        }
    });
}

fn new_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a current-thread tokio runtime")
}

const MAX_BODY_KEPT: usize = 4096;

impl Transport {
    pub(crate) fn new(opts: &ClientOptions, base_url: String) -> Result<Transport> {
        let proxy = match &opts.proxy {
            Some(p) => {
                let scheme_ok = ["http://", "https://", "socks5://", "socks5h://"].iter().any(|s| p.url.starts_with(s));
                let mut proxy = reqwest::Proxy::all(&p.url).ok().filter(|_| scheme_ok).ok_or_else(|| {
                    Error::invalid("proxy", "must be an http://, https:// or socks5:// URL with a host", &p.url)
                })?;
                if let Some(user) = &p.username {
                    proxy = proxy.basic_auth(user, p.password.as_deref().unwrap_or(""));
                }
                Some(proxy)
            }
            None => None,
        };
        let (connect_timeout, request_timeout) = (opts.connect_timeout, opts.request_timeout);
        let builder = Arc::new(move || {
            let mut b = reqwest::Client::builder()
                .connect_timeout(connect_timeout)
                .timeout(request_timeout)
                .pool_idle_timeout(Duration::from_secs(60))
                .tcp_nodelay(true);
            if let Some(p) = &proxy {
                b = b.proxy(p.clone());
            }
            b.build()
        });
        let http = builder().map_err(|e| Error::invalid("options", format!("cannot build the HTTP client ({e})"), ""))?;
        let mut user_agent = format!("opentok-native/{} {}", crate::VERSION, opts.binding.as_deref().unwrap_or("rust"));
        if user_agent.chars().any(|c| c.is_control()) {
            return Err(Error::invalid("user_agent_suffix", "must not contain control characters", &user_agent));
        }
        if let Some(s) = opts.user_agent_suffix.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            if s.chars().any(|c| c.is_control()) {
                return Err(Error::invalid("user_agent_suffix", "must not contain control characters", s));
            }
            user_agent.push(' ');
            user_agent.push_str(s);
        }
        let direct = if opts.proxy.is_none() && !proxy_in_environment() && direct_enabled() {
            crate::http1::Target::parse(&base_url)
        } else {
            None
        };
        Ok(Transport {
            http,
            builder,
            key: Arc::new(()),
            direct,
            connect_timeout: opts.connect_timeout,
            base_url,
            user_agent,
            request_timeout: opts.request_timeout,
            retry: opts.retry,
        })
    }

    /// The HTTP client for a request from here: this thread's copy under [`block_on_here`]
    /// (made on first use; copies of dropped transports are let go), else the shared one.
    fn http(&self) -> reqwest::Client {
        if !ON_THREAD_RUNTIME.with(Cell::get) {
            return self.http.clone();
        }
        THREAD_HTTP.with(|cell| {
            let mut copies = cell.borrow_mut();
            if let Some((_, c)) = copies.iter().find(|(k, _)| k.as_ptr() == Arc::as_ptr(&self.key)) {
                return c.clone();
            }
            copies.retain(|(k, _)| k.strong_count() > 0);
            // The settings built the shared client already, so they build a copy too; should
            // that ever fail, the shared client still works (with hand-offs).
            match (self.builder)() {
                Ok(c) => {
                    copies.push((Arc::downgrade(&self.key), c.clone()));
                    c
                }
                Err(_) => self.http.clone(),
            }
        })
    }

    pub(crate) fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// Sends `req`, retrying as the policy allows; non-2xx answers become errors. A blocking
    /// call on its own thread ([`block_on_here`]) goes through [`crate::http1`], any other
    /// through reqwest; both answer alike.
    pub(crate) async fn send(&self, creds: &Credentials, opts: &ClientOptions, req: Request) -> Result<Response> {
        let method = req.method.as_str().to_string();
        let mut attempt = 0u32;
        let direct = self.direct.as_ref().filter(|_| ON_THREAD_RUNTIME.with(Cell::get));
        let http = if direct.is_some() { self.http.clone() } else { self.http() };
        let body: Option<String> = match &req.body {
            Body::None => None,
            Body::Form(f) => Some(encode_form(f)),
            Body::Json(j) => Some(j.clone()),
        };
        // the official Python SDK sends its JSON headers on every request but
        // `/session/create`, bodiless GET/DELETE/POST included; the others send none
        let content_type = match &req.body {
            Body::None if opts.dialect == Dialect::Python => Some("application/json"),
            Body::None => None,
            Body::Form(_) => Some("application/x-www-form-urlencoded"),
            Body::Json(_) => Some("application/json"),
        };
        loop {
            let now = opts.clock.unix_now();
            let (auth_name, auth_value) = rest_auth_header(creds, now, opts.jwt_lifetime, opts.dialect);
            let started = Instant::now();
            let outcome = match direct {
                Some(target) => {
                    let mut headers = vec![
                        ("user-agent", self.user_agent.as_str()),
                        ("accept", "application/json"),
                        (auth_name, auth_value.as_str()),
                    ];
                    if let Some(ct) = content_type {
                        headers.push(("content-type", ct));
                    }
                    let ex = crate::http1::Exchange {
                        method: &method,
                        path: &req.path,
                        headers: &headers,
                        body: body.as_deref().map(str::as_bytes),
                    };
                    crate::http1::exchange(
                        &self.key,
                        target,
                        &crate::http1::tls_config(),
                        self.connect_timeout,
                        self.request_timeout,
                        &ex,
                    )
                    .map(|a| (a.status, a.headers, a.body))
                    .map_err(AttemptError::from)
                }
                None => self.send_reqwest(&http, &req, body.clone(), content_type, auth_name, auth_value).await,
            };
            let can_retry = attempt < self.retry.max_retries;
            match outcome {
                Ok((status, headers, body)) => {
                    if (200..300).contains(&status) {
                        return Ok(Response { status, body });
                    }
                    let retryable = status == 429 || status == 503 || (status >= 500 && req.idempotent);
                    if retryable && can_retry {
                        let wait = match retry_after(&headers) {
                            Some(w) if w > self.retry.max_retry_after => None,
                            Some(w) => Some(w),
                            None => Some(self.retry.backoff(attempt, jitter())),
                        };
                        if let Some(w) = wait {
                            tokio::time::sleep(w).await;
                            attempt += 1;
                            continue;
                        }
                    }
                    return Err(failure(&method, &req.path, status, &headers, body, opts));
                }
                Err(e) => {
                    // A connect failure never reached the server: safe to retry for every call;
                    // a timeout before any answer only for idempotent calls; nothing else.
                    let retry = can_retry
                        && match &e {
                            AttemptError::Connect(_) => true,
                            AttemptError::Timeout { answered } => !answered && req.idempotent,
                            _ => false,
                        };
                    if retry {
                        tokio::time::sleep(self.retry.backoff(attempt, jitter())).await;
                        attempt += 1;
                        continue;
                    }
                    return Err(match e {
                        AttemptError::Timeout { .. } => self.timeout(&method, &req.path, started),
                        AttemptError::Connect(detail) | AttemptError::Broken(detail) => {
                            Error::Connect { method: method.clone(), path: req.path.clone(), host: self.authority(), detail }
                        }
                        AttemptError::Body { status, detail } => Error::InvalidResponse {
                            method,
                            path: req.path,
                            status: Some(status),
                            detail: format!("the body could not be read ({detail})"),
                        },
                    });
                }
            }
        }
    }

    /// `host:port` of the base URL, as a connect error names it.
    fn authority(&self) -> String {
        reqwest::Url::parse(&self.base_url)
            .ok()
            .map(|u| format!("{}:{}", u.host_str().unwrap_or(""), u.port_or_known_default().unwrap_or(0)))
            .unwrap_or_default()
    }

    /// One attempt through reqwest: the status, the headers of a non-2xx answer and the body.
    async fn send_reqwest(
        &self,
        http: &reqwest::Client,
        req: &Request,
        body: Option<String>,
        content_type: Option<&'static str>,
        auth_name: &'static str,
        auth_value: String,
    ) -> std::result::Result<(u16, HeaderMap, String), AttemptError> {
        let url = format!("{}{}", self.base_url, req.path);
        let mut rb = http
            .request(req.method.clone(), &url)
            .header(USER_AGENT, &self.user_agent)
            .header(ACCEPT, "application/json")
            .header(auth_name, auth_value);
        if let Some(ct) = content_type {
            rb = rb.header(CONTENT_TYPE, ct);
        }
        if let Some(b) = body {
            rb = rb.body(b);
        }
        let resp = rb.send().await.map_err(|e| {
            if e.is_timeout() {
                AttemptError::Timeout { answered: false }
            } else if e.is_connect() {
                AttemptError::Connect(root_cause(&e))
            } else {
                AttemptError::Broken(root_cause(&e))
            }
        })?;
        let status = resp.status().as_u16();
        let headers = if (200..300).contains(&status) { HeaderMap::new() } else { resp.headers().clone() };
        match resp.text().await {
            Ok(b) => Ok((status, headers, b)),
            Err(e) if e.is_timeout() => Err(AttemptError::Timeout { answered: true }),
            Err(e) => Err(AttemptError::Body { status, detail: root_cause(&e) }),
        }
    }

    fn timeout(&self, method: &str, path: &str, started: Instant) -> Error {
        Error::Timeout {
            method: method.to_string(),
            path: path.to_string(),
            elapsed: started.elapsed(),
            timeout: self.request_timeout,
        }
    }
}

/// Whether reqwest would take a proxy from the environment (it reads these variables).
fn proxy_in_environment() -> bool {
    ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()))
}

/// `OPENTOK_BLOCKING_HTTP=reqwest` sends blocking calls through reqwest too (for comparison).
fn direct_enabled() -> bool {
    std::env::var("OPENTOK_BLOCKING_HTTP").map_or(true, |v| v != "reqwest")
}

/// Why one attempt failed, whichever HTTP path made it.
enum AttemptError {
    /// No connection was made: nothing reached the server.
    Connect(String),
    /// The deadline passed; `answered` once the status and headers had come.
    Timeout { answered: bool },
    /// The connection failed after the request started.
    Broken(String),
    /// The status and headers came but the body could not be read.
    Body { status: u16, detail: String },
}

impl From<crate::http1::Failure> for AttemptError {
    fn from(f: crate::http1::Failure) -> Self {
        use crate::http1::Failure;
        match f {
            Failure::Connect(d) => AttemptError::Connect(d),
            Failure::Timeout { answered } => AttemptError::Timeout { answered },
            Failure::Broken(d) => AttemptError::Broken(d),
            Failure::Body { status, detail } => AttemptError::Body { status, detail },
        }
    }
}

fn jitter() -> u32 {
    let mut b = [0u8; 4];
    fill_random(&mut b);
    u32::from_le_bytes(b)
}

/// The innermost cause of a reqwest error, in words.
fn root_cause(e: &reqwest::Error) -> String {
    let mut msg = e.to_string();
    let mut src: Option<&dyn std::error::Error> = std::error::Error::source(e);
    while let Some(s) = src {
        msg = s.to_string();
        src = s.source();
    }
    // Never echo a URL that may carry proxy credentials.
    if msg.contains('@') {
        msg = "connection failed".into();
    }
    msg
}

fn encode_form(f: &[(&'static str, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in f.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        crate::token::quote_plus_into(&mut out, k);
        out.push('=');
        crate::token::quote_plus_into(&mut out, v);
    }
    out
}

fn retry_after(h: &HeaderMap) -> Option<Duration> {
    let v = h.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(at.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

/// Turns an error answer into an [`Error`], keeping the body, code and message, and telling
/// clock skew apart from other auth failures.
fn failure(method: &str, path: &str, status: u16, headers: &HeaderMap, body: String, opts: &ClientOptions) -> Error {
    let (code, message) = parse_error_body(&body);
    let mut kept = body;
    if kept.len() > MAX_BODY_KEPT {
        let mut cut = MAX_BODY_KEPT;
        while !kept.is_char_boundary(cut) {
            cut -= 1;
        }
        kept.truncate(cut);
    }
    let f = ApiFailure { method: method.to_string(), path: path.to_string(), status, code, message, body: kept };
    if status == 401 || status == 403 {
        let local = opts.clock.unix_now();
        let server =
            headers.get(DATE).and_then(|d| d.to_str().ok()).and_then(|d| httpdate::parse_http_date(d).ok()).map(unix_seconds);
        let offset = server.map(|s| local - s);
        let says_future = f
            .message
            .as_deref()
            .map(|m| {
                let m = m.to_ascii_lowercase();
                (m.contains("issued") || m.contains("iat")) && m.contains("future")
            })
            .unwrap_or(false);
        let leeway = opts.clock_leeway.as_secs() as i64;
        match offset {
            Some(o) if o.abs() > leeway || says_future => return Error::ClockSkew { offset_secs: o, failure: Box::new(f) },
            None if says_future => return Error::ClockSkew { offset_secs: 0, failure: Box::new(f) },
            _ => {}
        }
    }
    Error::Api(Box::new(f))
}

/// Reads `code` and `message` from a JSON error body (`{"code":404,"message":"…"}`, also
/// `errorCode`, `error`, `description`), or from the legacy XML `<error code="…">` form.
pub(crate) fn parse_error_body(body: &str) -> (Option<String>, Option<String>) {
    let t = body.trim();
    if let Ok(Value::Object(o)) = serde_json::from_str::<Value>(t) {
        let text = |k: &str| {
            o.get(k).and_then(|v| match v {
                Value::String(s) if !s.is_empty() => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
        };
        let code = text("code").or_else(|| text("errorCode")).or_else(|| text("error_code"));
        let message = text("message").or_else(|| text("error")).or_else(|| text("description")).or_else(|| text("detail"));
        return (code, message);
    }
    if t.starts_with('<') {
        let attr = |name: &str| {
            let key = format!("{name}=\"");
            let i = t.find(&key)? + key.len();
            let j = t[i..].find('"')? + i;
            Some(t[i..j].to_string())
        };
        return (attr("code"), attr("message"));
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies() {
        assert_eq!(
            parse_error_body(r#"{"code":409,"message":"Archive already in progress"}"#),
            (Some("409".into()), Some("Archive already in progress".into()))
        );
        assert_eq!(parse_error_body(r#"{"code":"AUTH","error":"bad"}"#), (Some("AUTH".into()), Some("bad".into())));
        assert_eq!(
            parse_error_body(r#"<Errors><error code="-1"><itemNotFound message="nope"/></error></Errors>"#),
            (Some("-1".into()), Some("nope".into()))
        );
        assert_eq!(parse_error_body("gateway"), (None, None));
    }

    #[test]
    fn backoff_is_bounded_and_jittered() {
        let p = RetryPolicy::default();
        assert!(p.backoff(0, 0) >= Duration::from_millis(100));
        assert!(p.backoff(10, 999) <= p.max_backoff);
    }
}
