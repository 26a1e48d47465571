//! Plumbing shared by the REST operation modules: path segments, JSON bodies and answers,
//! list paging, and lenient field readers for the service's response models.

use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::transport::Body;

/// Paging (and, for archives and broadcasts, a session filter) of the list operations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListOptions {
    /// Index of the first item to return (0 = newest); omitted from the query when `None`.
    pub offset: Option<u32>,
    /// How many items to return, 1 to 1000 (the service's default is 50).
    pub count: Option<u32>,
    /// Only items of this session (archives and broadcasts only).
    pub session_id: Option<String>,
}

impl ListOptions {
    /// Checks `count` is 1 to 1000 and the session id, if any, is a non-empty id without whitespace.
    pub fn validate(&self) -> Result<()> {
        if let Some(c) = self.count {
            if !(1..=1000).contains(&c) {
                return Err(Error::invalid("count", "must be 1 to 1000", c));
            }
        }
        if let Some(s) = &self.session_id {
            id_segment("sessionId", s)?;
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

/// A session id for a path or body, taken as the service takes it: non-empty, no whitespace or
/// control characters, percent-encoded for a path. Its format is the service's business (a
/// placeholder, a non-UTF-8 payload or a future format is sent as is, and the service's 400 or
/// 404 reaches the caller); only minting a token checks that the id belongs to the key.
pub(crate) fn session_segment(session_id: &str) -> Result<String> {
    id_segment("sessionId", session_id)
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

/// `statusCallbackUrl` of captions and renders: http or https, 15 to 2048 characters.
pub(crate) fn check_status_callback_url(url: Option<&String>) -> Result<()> {
    url.map_or(Ok(()), |u| check_url("statusCallbackUrl", u, &["http://", "https://"], 15..=2048))
}

/// The start of a body sent with a client token (captions, renders): `{"sessionId", "token"}`.
pub(crate) fn session_token_body(session_id: &str, token: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("sessionId".into(), Value::from(session_id));
    m.insert("token".into(), Value::from(token));
    m
}

/// Puts `key: value` into a JSON body when the value is set (unset fields are not sent).
pub(crate) fn put<T: Serialize>(body: &mut Map<String, Value>, key: &str, value: Option<T>) {
    if let Some(v) = value.and_then(|v| serde_json::to_value(v).ok()) {
        body.insert(key.into(), v);
    }
}

pub(crate) fn json<T: Serialize + ?Sized>(v: &T) -> Body {
    Body::Json(serde_json::to_string(v).unwrap_or_else(|_| "{}".into()))
}

/// Reads a JSON answer into a settled model, or says what is wrong with it (the outside bytes
/// every REST call parses; the fuzz harness, `crate::fuzzing`, calls it too).
pub(crate) fn read_model<T: DeserializeOwned + Settle>(text: &str) -> std::result::Result<T, String> {
    let mut model: T = serde_json::from_str(text).map_err(|e| format!("unexpected JSON ({e})"))?;
    model.settle();
    match model.identity() {
        Some(field) => Err(format!("the answer has no {field}")),
        None => Ok(model),
    }
}

impl Client {
    /// Sends a request and parses the JSON answer into `T`.
    pub(crate) async fn call_json<T: DeserializeOwned + Settle>(&self, method: Method, path: String, body: Body) -> Result<T> {
        let m = method.as_str().to_string();
        let resp = self.call(method, path.clone(), body).await?;
        let text = if resp.body.trim().is_empty() { "{}" } else { resp.body.as_str() };
        read_model(text).map_err(|detail| Error::InvalidResponse { method: m, path, status: Some(resp.status), detail })
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

/// Reads a boolean that defaults to `true` when missing, `null` or unreadable (`hasAudio`,
/// `hasVideo`: the service records both unless told otherwise).
pub(crate) fn bool_or_true<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<bool, D::Error> {
    Ok(opt_bool(d)?.unwrap_or(true))
}

/// `true`, the default of [`bool_or_true`] fields.
pub(crate) fn yes() -> bool {
    true
}

/// Fills each of two alias fields from the other when only one was sent.
pub(crate) fn alias(a: &mut Option<String>, b: &mut Option<String>) {
    if a.is_none() {
        a.clone_from(b);
    } else if b.is_none() {
        b.clone_from(a);
    }
}

/// Reads a list tolerantly: `null` or a non-list is empty, an object is read as the list of its
/// values (services that key items by id), and items that do not read are skipped.
pub(crate) fn vec_or_null<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> std::result::Result<Vec<T>, D::Error> {
    let items = match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items,
        Some(Value::Object(by_key)) => by_key.into_iter().map(|(_, v)| v).collect(),
        _ => return Ok(Vec::new()),
    };
    Ok(items.into_iter().filter_map(|v| serde_json::from_value(v).ok()).collect())
}

/// Reads a required text field tolerantly: a number or boolean becomes its text; `null` or
/// anything else is empty (a model's identity is checked apart, see [`Settle::identity`]).
pub(crate) fn string_or_empty<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    Ok(opt_string(d)?.unwrap_or_default())
}

/// Reads an optional field of any model or enum type tolerantly: a value of the wrong shape reads
/// as its default instead of failing the whole answer (a list is never read as a model: serde
/// would fill a struct's fields from it by position).
pub(crate) fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned + Default>(d: D) -> std::result::Result<T, D::Error> {
    let value = Option::<Value>::deserialize(d)?.filter(|v| !v.is_array());
    Ok(value.and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default())
}

/// What a response model does once read: fill in what a missing field means and resolve aliases
/// (`partnerId`/`projectId`, `applicationId`/`projectId`, ...), so every binding shows the same
/// values. Every model a REST call answers goes through it.
pub(crate) trait Settle {
    /// Applies the model's defaults and aliases (the default does nothing).
    fn settle(&mut self) {}

    /// The name of the identity field (the id of what was created or read) when the answer
    /// lacks it: the one thing that makes a successful answer invalid.
    fn identity(&self) -> Option<&'static str> {
        None
    }
}

impl<T: Settle> Settle for Vec<T> {
    fn settle(&mut self) {
        self.iter_mut().for_each(Settle::settle);
    }
}

/// `count` when the answer has none: replaced by the number of items when the page settles.
pub(crate) fn unknown_count() -> i64 {
    -1
}

/// Reads `count` (a number, a float or a numeric string); missing or `null` is unknown.
pub(crate) fn count_or_unknown<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<i64, D::Error> {
    Ok(opt_i64(d)?.unwrap_or(-1))
}

/// Declares the page model of a list operation, `{"count": n, "items": [...]}`: a concrete type
/// per item type, so it can cross every FFI (uniffi Records are not generic).
macro_rules! page {
    ($(#[$doc:meta])* $name:ident of $item:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Default, serde::Deserialize, serde::Serialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct $name {
            /// Total number of items the service holds for this query (not only this page); the
            /// number of items in this page when the service does not say.
            #[serde(default = "crate::rest::unknown_count", deserialize_with = "crate::rest::count_or_unknown")]
            pub count: i64,
            /// The items of this page (`null` reads as none).
            #[serde(default, deserialize_with = "crate::rest::vec_or_null")]
            pub items: Vec<$item>,
        }

        impl crate::rest::Settle for $name {
            fn settle(&mut self) {
                crate::rest::Settle::settle(&mut self.items);
                if self.count < 0 {
                    self.count = self.items.len() as i64;
                }
            }
        }
    };
}
pub(crate) use page;

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

    #[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
    #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
    pub struct Item {
        id: String,
    }
    impl Settle for Item {}
    page!(
        /// A test page.
        ItemList of Item
    );

    #[test]
    fn lenient_page() {
        let p: ItemList = serde_json::from_str(r#"{"count":"2","items":null,"x":1}"#).unwrap();
        assert_eq!(p.count, 2);
        assert!(p.items.is_empty());
    }

    #[test]
    fn a_page_without_count_counts_its_items() {
        let mut p: ItemList = serde_json::from_str(r#"{"items":[{"id":"a"},{"id":"b"}]}"#).unwrap();
        assert_eq!(p.count, -1);
        p.settle();
        assert_eq!(p.count, 2);
    }
}
