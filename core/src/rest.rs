//! Plumbing shared by the REST operation modules: path segments, JSON bodies and answers,
//! list paging, and lenient field readers for the service's response models.

use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::session_id::SessionId;
use crate::transport::Body;

/// Paging (and, for archives and broadcasts, a session filter) of the list operations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListOptions {
    /// Index of the first item to return (0 = newest); omitted from the query when `None`.
    pub offset: Option<u32>,
    /// How many items to return, 1 to 1000 (the service's default is 50).
    pub count: Option<u32>,
    /// Only items of this session (archives and broadcasts only).
    pub session_id: Option<String>,
}

impl ListOptions {
    /// Checks `count` is 1 to 1000 and the session id, if any, parses.
    pub fn validate(&self) -> Result<()> {
        if let Some(c) = self.count {
            if !(1..=1000).contains(&c) {
                return Err(Error::invalid("count", "must be 1 to 1000", c));
            }
        }
        if let Some(s) = &self.session_id {
            SessionId::parse(s).map_err(|_| Error::invalid("sessionId", "must be a session id", s))?;
        }
        Ok(())
    }

    /// The query string (with a leading `?`, or empty) in the official Node SDK's spelling.
    pub(crate) fn query(&self) -> String {
        let mut q = Vec::new();
        if let Some(o) = self.offset {
            q.push(format!("offset={o}"));
        }
        if let Some(c) = self.count {
            q.push(format!("count={c}"));
        }
        if let Some(s) = &self.session_id {
            q.push(format!("sessionId={}", encode_segment(s)));
        }
        if q.is_empty() {
            String::new()
        } else {
            format!("?{}", q.join("&"))
        }
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters (as `encodeURIComponent`).
pub(crate) fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An id for a path segment: must be non-empty and free of whitespace; returned encoded.
pub(crate) fn id_segment(field: &str, value: &str) -> Result<String> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty", value));
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::invalid(field, "must not contain whitespace", value));
    }
    Ok(encode_segment(value))
}

/// A session id for a path or body: must parse and belong to the credentials' project (the
/// PHP SDK's check, the strictest), named `sessionId` in errors.
pub(crate) fn session_segment(client: &Client, session_id: &str) -> Result<String> {
    if session_id.trim().is_empty() {
        return Err(Error::invalid("sessionId", "must not be empty", session_id));
    }
    let owner = client.credentials().id();
    SessionId::check_belongs(session_id, owner, "project").map_err(|e| match e {
        Error::InvalidArgument { rule, value, .. } => Error::InvalidArgument { field: "sessionId".into(), rule, value },
        other => other,
    })?;
    Ok(encode_segment(session_id))
}

/// A client token passed in a body (dial, captions, renders, Audio Connector): non-empty.
pub(crate) fn require_token(token: &str) -> Result<()> {
    if token.trim().is_empty() {
        return Err(Error::invalid("token", "must not be empty (mint one with generate_token)", ""));
    }
    Ok(())
}

/// Checks a URL starts with one of `schemes` and has a length in `len`.
pub(crate) fn check_url(field: &str, url: &str, schemes: &[&str], len: std::ops::RangeInclusive<usize>) -> Result<()> {
    let n = url.chars().count();
    if !len.contains(&n) {
        return Err(Error::invalid(field, format!("must be {} to {} characters, has {n}", len.start(), len.end()), url));
    }
    let lower = url.to_ascii_lowercase();
    if !schemes.iter().any(|s| lower.starts_with(s) && lower.len() > s.len()) {
        return Err(Error::invalid(field, format!("must start with {}", schemes.join(" or ")), url));
    }
    Ok(())
}

pub(crate) fn json<T: Serialize + ?Sized>(v: &T) -> Body {
    Body::Json(serde_json::to_string(v).unwrap_or_else(|_| "{}".into()))
}

impl Client {
    /// Sends a request and parses the JSON answer into `T`.
    pub(crate) async fn call_json<T: DeserializeOwned>(&self, method: Method, path: String, body: Body) -> Result<T> {
        let m = method.as_str().to_string();
        let resp = self.call(method, path.clone(), body).await?;
        let text = if resp.body.trim().is_empty() { "{}" } else { resp.body.as_str() };
        serde_json::from_str(text).map_err(|e| Error::InvalidResponse {
            method: m,
            path,
            status: Some(resp.status),
            detail: format!("unexpected JSON ({e})"),
        })
    }

    /// Sends a request whose answer has no meaningful body (200 or 204).
    pub(crate) async fn call_unit(&self, method: Method, path: String, body: Body) -> Result<()> {
        self.call(method, path, body).await.map(|_| ())
    }
}

/// Reads a string that some services send as a number (`partnerId`, `projectId`).
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Bool(b)) => Some(b.to_string()),
        _ => None,
    })
}

/// Reads an integer that may arrive as a float or a numeric string.
pub(crate) fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<i64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Some(Value::String(s)) => s.trim().parse::<f64>().ok().map(|f| f as i64),
        _ => None,
    })
}

/// Reads a boolean that may arrive as `"true"`/`"false"`.
pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<bool>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Bool(b)) => Some(b),
        Some(Value::String(s)) => match s.to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
        _ => None,
    })
}

/// Reads a list that may be `null`.
pub(crate) fn vec_or_null<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> std::result::Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// `{"count": n, "items": [...]}` as the list operations answer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Page<T> {
    /// Total number of items the service holds for this query (not only this page).
    #[serde(default, deserialize_with = "opt_i64")]
    pub count: Option<i64>,
    /// The items of this page.
    #[serde(default = "Vec::new", deserialize_with = "vec_or_null")]
    pub items: Vec<T>,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Page { count: None, items: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded() {
        assert_eq!(encode_segment("a b/c?d"), "a%20b%2Fc%3Fd");
        assert_eq!(encode_segment("1_MX4-x~y"), "1_MX4-x~y");
        assert!(id_segment("archiveId", " ").is_err());
        assert_eq!(id_segment("archiveId", "a b").unwrap_err().field(), Some("archiveId"));
    }

    #[test]
    fn list_query() {
        assert_eq!(ListOptions::default().query(), "");
        let q = ListOptions { offset: Some(0), count: Some(5), session_id: None }.query();
        assert_eq!(q, "?offset=0&count=5");
    }

    #[test]
    fn lenient_page() {
        let p: Page<Value> = serde_json::from_str(r#"{"count":"2","items":null,"x":1}"#).unwrap();
        assert_eq!(p.count, Some(2));
        assert!(p.items.is_empty());
    }
}
