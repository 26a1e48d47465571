//! HTTP: one connection pool per client, fresh auth per attempt, retries, error mapping.

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
    base_url: String,
    user_agent: String,
    request_timeout: Duration,
    retry: RetryPolicy,
}

const MAX_BODY_KEPT: usize = 4096;

impl Transport {
    pub(crate) fn new(opts: &ClientOptions, base_url: String) -> Result<Transport> {
        let mut b = reqwest::Client::builder()
            .connect_timeout(opts.connect_timeout)
            .timeout(opts.request_timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true);
        if let Some(p) = &opts.proxy {
            let scheme_ok = ["http://", "https://", "socks5://", "socks5h://"].iter().any(|s| p.url.starts_with(s));
            let mut proxy = reqwest::Proxy::all(&p.url)
                .ok()
                .filter(|_| scheme_ok)
                .ok_or_else(|| Error::invalid("proxy", "must be an http://, https:// or socks5:// URL with a host", &p.url))?;
            if let Some(user) = &p.username {
                proxy = proxy.basic_auth(user, p.password.as_deref().unwrap_or(""));
            }
            b = b.proxy(proxy);
        }
        let http = b.build().map_err(|e| Error::invalid("options", format!("cannot build the HTTP client ({e})"), ""))?;
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
        Ok(Transport { http, base_url, user_agent, request_timeout: opts.request_timeout, retry: opts.retry })
    }

    pub(crate) fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// Sends `req`, retrying as the policy allows; non-2xx answers become errors.
    pub(crate) async fn send(&self, creds: &Credentials, opts: &ClientOptions, req: Request) -> Result<Response> {
        let url = format!("{}{}", self.base_url, req.path);
        let method = req.method.as_str().to_string();
        let mut attempt = 0u32;
        loop {
            let now = opts.clock.unix_now();
            let (auth_name, auth_value) = rest_auth_header(creds, now, opts.jwt_lifetime, opts.dialect);
            let mut rb = self
                .http
                .request(req.method.clone(), &url)
                .header(USER_AGENT, &self.user_agent)
                .header(ACCEPT, "application/json")
                .header(auth_name, auth_value);
            rb = match &req.body {
                // the official Python SDK sends its JSON headers on every request but
                // `/session/create`, bodiless GET/DELETE/POST included; the others send none
                Body::None if opts.dialect == Dialect::Python => rb.header(CONTENT_TYPE, "application/json"),
                Body::None => rb,
                Body::Form(f) => rb.header(CONTENT_TYPE, "application/x-www-form-urlencoded").body(encode_form(f)),
                Body::Json(j) => rb.header(CONTENT_TYPE, "application/json").body(j.clone()),
            };
            let started = Instant::now();
            let outcome = rb.send().await;
            let can_retry = attempt < self.retry.max_retries;
            match outcome {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    let headers = resp.headers().clone();
                    let body = match resp.text().await {
                        Ok(b) => b,
                        Err(e) if e.is_timeout() => {
                            return Err(self.timeout(&method, &req.path, started));
                        }
                        Err(e) => {
                            return Err(Error::InvalidResponse {
                                method,
                                path: req.path,
                                status: Some(status),
                                detail: format!("the body could not be read ({})", root_cause(&e)),
                            })
                        }
                    };
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
                    let err = if e.is_timeout() {
                        self.timeout(&method, &req.path, started)
                    } else {
                        let host = reqwest::Url::parse(&url)
                            .ok()
                            .map(|u| format!("{}:{}", u.host_str().unwrap_or(""), u.port_or_known_default().unwrap_or(0)))
                            .unwrap_or_default();
                        Error::Connect { method: method.clone(), path: req.path.clone(), host, detail: root_cause(&e) }
                    };
                    // A connect failure never reached the server: safe to retry for every call.
                    let retry = can_retry && (e.is_connect() || (e.is_timeout() && req.idempotent));
                    if retry {
                        tokio::time::sleep(self.retry.backoff(attempt, jitter())).await;
                        attempt += 1;
                        continue;
                    }
                    return Err(err);
                }
            }
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
