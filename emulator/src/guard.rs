//! Request guards applied to every route before any handler runs:
//!
//! * **Host check** (against DNS rebinding): a page on `http://evil.example:4010` whose name
//!   re-resolves to 127.0.0.1 reaches the emulator with `Host: evil.example:4010`. Only loopback
//!   names and addresses (`localhost`, `127.0.0.0/8`, `[::1]`), the bound address itself, any IP
//!   literal when bound to an unspecified address (`0.0.0.0` / `::`: an IP literal cannot be
//!   re-bound), and names given with `--allow-host` pass; `--allow-any-host` turns the check
//!   off. Other hosts get 421 with a JSON error. A request without any Host (HTTP/1.0) passes:
//!   browsers always send one.
//! * **JSON content type** on the emulator's own API: `POST`/`PUT`/`PATCH` under
//!   `/emulator/` must say `Content-Type: application/json` (parameters such as
//!   `; charset=utf-8` allowed), else 415. A cross-site page can send `text/plain`,
//!   form-encoded or multipart bodies without a CORS preflight, never `application/json`.
//!   The OpenTok REST paths keep the service's behavior (they are authenticated by JWT).

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api_error::ApiError;

/// Which `Host` values are served.
#[derive(Debug, Clone)]
pub struct HostPolicy {
    /// The address the listener is bound to.
    pub bound: IpAddr,
    /// Extra names (`--allow-host`), lowercase, without a trailing dot.
    pub names: Vec<String>,
    /// `--allow-any-host`: no check.
    pub allow_any: bool,
}

impl HostPolicy {
    /// A policy for `bound` with extra `names` (any case, optional trailing dot or port).
    pub fn new(bound: IpAddr, names: &[String], allow_any: bool) -> HostPolicy {
        let names = names.iter().map(|n| normalize(split_port(n.trim()).map(|(h, _)| h).unwrap_or(n))).collect();
        HostPolicy { bound, names, allow_any }
    }

    /// Whether a `Host` header value (`name`, `name:port`, `1.2.3.4:port`, `[::1]:port`) is
    /// served.
    pub fn allows(&self, host: &str) -> bool {
        if self.allow_any {
            return true;
        }
        let Some((name, _port)) = split_port(host.trim()) else { return false };
        let name = normalize(name);
        if name == "localhost" {
            return true;
        }
        if let Ok(ip) = name.parse::<IpAddr>() {
            return ip.is_loopback() || ip == self.bound || self.bound.is_unspecified();
        }
        self.names.contains(&name)
    }
}

/// Splits `host[:port]` / `[v6][:port]`; `None` when malformed (bad port, bare IPv6, empty).
fn split_port(s: &str) -> Option<(&str, Option<&str>)> {
    let (host, port) = if let Some(rest) = s.strip_prefix('[') {
        let end = rest.find(']')?;
        let after = &rest[end + 1..];
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        (&rest[..end], port)
    } else {
        match s.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (s, None),
        }
    };
    if host.is_empty() || host.contains(['/', '@', ' ']) {
        return None;
    }
    if let Some(p) = port {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 5 {
            return None;
        }
    }
    Some((host, port))
}

fn normalize(name: &str) -> String {
    name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase()
}

/// Whether a `Content-Type` value is `application/json`, parameters allowed.
pub fn is_json(content_type: &str) -> bool {
    content_type.split(';').next().map(|t| t.trim().eq_ignore_ascii_case("application/json")).unwrap_or(false)
}

/// The middleware: Host check on every request, JSON content type on emulator-own writes.
pub async fn guard(State(policy): State<Arc<HostPolicy>>, req: Request, next: Next) -> Response {
    let host = req.headers().get(header::HOST).map(|v| v.to_str().map(str::to_string));
    let host = match host {
        Some(Ok(h)) => Some(h),
        Some(Err(_)) => Some(String::from_utf8_lossy(req.headers()[header::HOST].as_bytes()).into_owned()),
        None => req.uri().authority().map(|a| a.as_str().to_string()),
    };
    if let Some(host) = host {
        if !policy.allows(&host) {
            return ApiError::new(
                StatusCode::MISDIRECTED_REQUEST,
                "host_not_allowed",
                format!(
                    "Host {host:?} is not served here (only localhost, loopback addresses and the bound address; \
                     against DNS rebinding). Start the emulator with --allow-host NAME to serve another name"
                ),
            )
            .into_response();
        }
    }
    if req.uri().path().starts_with("/emulator/") && matches!(*req.method(), Method::POST | Method::PUT | Method::PATCH) {
        let ct = req.headers().get_all(header::CONTENT_TYPE).iter().collect::<Vec<_>>();
        let ok = ct.len() == 1 && ct[0].to_str().map(is_json).unwrap_or(false);
        if !ok {
            let got = ct.first().map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            return ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                format!(
                    "{} {} takes a JSON body sent as Content-Type: application/json (got {})",
                    req.method(),
                    req.uri().path(),
                    got.map(|g| format!("{g:?}")).unwrap_or_else(|| "no Content-Type".into())
                ),
            )
            .into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(bound: &str, names: &[&str]) -> HostPolicy {
        HostPolicy::new(bound.parse().unwrap(), &names.iter().map(|s| s.to_string()).collect::<Vec<_>>(), false)
    }

    #[test]
    fn loopback_and_bound_hosts_pass() {
        let p = policy("127.0.0.1", &[]);
        for ok in
            ["localhost", "LOCALHOST:4010", "localhost.", "127.0.0.1", "127.0.0.1:4010", "127.1.2.3:1", "[::1]", "[::1]:4010"]
        {
            assert!(p.allows(ok), "{ok}");
        }
        for bad in
            ["evil.example", "evil.example:4010", "192.168.1.5:4010", "localhost.evil.example", "", "[::1", "::1", "localhost:x"]
        {
            assert!(!p.allows(bad), "{bad}");
        }
        let lan = policy("192.168.1.5", &["devbox.lan"]);
        assert!(lan.allows("192.168.1.5:4010") && lan.allows("DevBox.lan:4010") && lan.allows("localhost"));
        assert!(!lan.allows("10.0.0.1") && !lan.allows("other.lan"));
        let any = policy("0.0.0.0", &[]);
        assert!(any.allows("10.0.0.7:4010") && any.allows("[fe80::1]:4010") && !any.allows("evil.example"));
        assert!(HostPolicy::new("127.0.0.1".parse().unwrap(), &[], true).allows("evil.example"));
    }

    #[test]
    fn json_content_types() {
        assert!(is_json("application/json") && is_json("Application/JSON; charset=utf-8"));
        assert!(!is_json("text/plain") && !is_json("application/jsonx") && !is_json("application/x-www-form-urlencoded"));
    }
}
