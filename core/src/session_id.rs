//! Session ids: `<prefix>_<URL-safe base64 of "1~API_KEY~LOCATION~CREATE_TIME~RANDOM~FLAG~~">`.

use base64::Engine;
use std::fmt;

use crate::error::{Error, Result};
use crate::jwt::{b64url_decode, URL_SAFE_LENIENT};

/// A parsed OpenTok session id. Parsing never panics; bad ids are invalid-argument errors.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SessionId {
    raw: String,
    fields: Vec<String>,
}

impl SessionId {
    /// Parses a session id: a one-character prefix, `_`, then URL-safe base64 (padding optional)
    /// of UTF-8 text with at least three `~`-separated fields, the second being the api key or
    /// application id.
    pub fn parse(s: &str) -> Result<SessionId> {
        let text = decode_payload(s)?;
        Ok(SessionId { raw: s.to_string(), fields: text.split('~').map(str::to_string).collect() })
    }

    /// Checks that `s` parses and belongs to `api_key`, without building a [`SessionId`]
    /// (the hot path of token minting). The error names both ids.
    pub fn check_belongs(s: &str, api_key: &str, label: &str) -> Result<()> {
        // The check is a pure function of (id, key): remember the last pair that passed on this
        // thread, as servers mint many tokens for the same session in a row.
        let hit = LAST_OWNED.with(|last| {
            let last = last.borrow();
            last.0 == api_key && last.1 == s && !s.is_empty()
        });
        if hit {
            return Ok(());
        }
        Self::check_belongs_uncached(s, api_key, label)?;
        LAST_OWNED.with(|last| {
            let mut last = last.borrow_mut();
            last.0.clear();
            last.0.push_str(api_key);
            last.1.clear();
            last.1.push_str(s);
        });
        Ok(())
    }

    fn check_belongs_uncached(s: &str, api_key: &str, label: &str) -> Result<()> {
        // Fast path: decode into a stack buffer; fall back to the full parse for the error.
        let mut buf = [0u8; 400];
        if s.len() <= 512 && s.as_bytes().get(1) == Some(&b'_') && s.as_bytes()[0].is_ascii_alphanumeric() {
            if let Ok(n) = URL_SAFE_LENIENT.decode_slice(&s[2..], &mut buf) {
                if let Ok(text) = std::str::from_utf8(&buf[..n]) {
                    let mut f = text.split('~');
                    let (_, owner, third) = (f.next(), f.next(), f.next());
                    if owner == Some(api_key) && !api_key.is_empty() && third.is_some() {
                        return Ok(());
                    }
                }
            }
        }
        let text = decode_payload(s)?;
        let owner = text.split('~').nth(1).unwrap_or("");
        if owner == api_key {
            Ok(())
        } else {
            Err(Error::invalid("session_id", format!("must belong to the {label} {api_key} (it belongs to {owner})"), s))
        }
    }

    /// The official Python SDK's check (`Client.generate_token` of `opentok` 3.15): drop the
    /// first two characters, pad with `=` to a multiple of four, `base64.b64decode(…, b"-_")`
    /// (which skips characters outside the alphabet and stops at a complete pad), UTF-8, split
    /// on `~`, and the id must be *any* of the fields. A payload that does not decode is an
    /// error, as there (`OpenTokException`); only the acceptance differs from
    /// [`SessionId::check_belongs`], never the token.
    pub fn check_belongs_python(s: &str, api_key: &str, label: &str) -> Result<()> {
        let rest = s.char_indices().nth(2).map_or("", |(i, _)| &s[i..]);
        let mut bytes = rest.as_bytes().to_vec();
        bytes.resize(bytes.len() + (4 - bytes.len() % 4) % 4, b'=');
        let text = python_b64decode(&bytes).and_then(|b| String::from_utf8(b).ok()).ok_or_else(|| {
            Error::invalid("session_id", "does not decode (base64 of UTF-8 text after a two-character prefix)", s)
        })?;
        if text.split('~').any(|f| f == api_key) {
            Ok(())
        } else {
            let owner = text.split('~').nth(1).unwrap_or("");
            Err(Error::invalid("session_id", format!("must belong to the {label} {api_key} (it belongs to {owner})"), s))
        }
    }

    /// Mints a session id in the service's format (as the emulator does). Only with the `server`
    /// feature: apps get their session ids from the service.
    #[cfg(feature = "server")]
    pub fn mint(api_key: &str, location: Option<&str>, created_at_ms: i64, random: &str, flag: &str) -> SessionId {
        let text = format!("1~{api_key}~{}~{created_at_ms}~{random}~{flag}~~", location.unwrap_or(""));
        let raw = format!("1_{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text.as_bytes()));
        SessionId { raw, fields: text.split('~').map(str::to_string).collect() }
    }

    /// The id as given.
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// The prefix before `_` (`"1"` or `"2"`).
    pub fn prefix(&self) -> &str {
        &self.raw[..1]
    }

    /// Every `~`-separated field of the decoded payload.
    pub fn fields(&self) -> &[String] {
        &self.fields
    }

    /// The api key or application id the session belongs to (field 1).
    pub fn api_key(&self) -> &str {
        &self.fields[1]
    }

    /// The location hint (field 2), when set.
    pub fn location(&self) -> Option<&str> {
        Some(self.fields[2].as_str()).filter(|l| !l.is_empty())
    }

    /// The creation time field as written (epoch ms in new ids, a date text in old ones).
    pub fn create_time_field(&self) -> &str {
        self.fields.get(3).map(String::as_str).unwrap_or("")
    }

    /// The creation time in epoch milliseconds, when the id carries one.
    pub fn created_at_ms(&self) -> Option<i64> {
        self.create_time_field().parse().ok()
    }

    /// Whether the session belongs to `api_key` (field 1 equals it).
    pub fn belongs_to(&self, api_key: &str) -> bool {
        self.api_key() == api_key
    }
}

thread_local! {
    /// The last (api key, session id) pair that passed [`SessionId::check_belongs`] on this thread.
    static LAST_OWNED: std::cell::RefCell<(String, String)> = const { std::cell::RefCell::new((String::new(), String::new())) };
}

/// CPython's non-strict `binascii.a2b_base64` after `b64decode`'s `-_` → `+/` translation:
/// characters outside the alphabet are skipped, a complete pad ends the input, and a partial
/// last quad is an error (`None`).
fn python_b64decode(input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let (mut quad, mut left, mut pads) = (0u8, 0u8, 0u8);
    for &c in input {
        if c == b'=' {
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    return Some(out);
                }
            }
            continue;
        }
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => continue,
        };
        pads = 0;
        match quad {
            0 => left = v,
            1 => {
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
            }
            2 => {
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
            }
            _ => out.push((left << 6) | v),
        }
        quad = (quad + 1) % 4;
    }
    (quad == 0).then_some(out)
}

/// Decodes and checks the payload of a session id, returning its `~`-separated text.
fn decode_payload(s: &str) -> Result<String> {
    let bad = |rule: &str| Error::invalid("session_id", rule, s);
    if s.len() > 512 {
        return Err(bad("must be at most 512 characters"));
    }
    let mut chars = s.char_indices();
    match (chars.next(), chars.next()) {
        (Some((_, p)), Some((1, '_'))) if p.is_ascii_alphanumeric() => {}
        _ => return Err(bad("must look like 1_MX4...: a one-character prefix, '_', then base64")),
    }
    let payload = &s[2..];
    if payload.is_empty() {
        return Err(bad("has an empty payload after the prefix"));
    }
    let bytes = b64url_decode(payload).ok_or_else(|| bad("payload is not URL-safe base64"))?;
    let text = String::from_utf8(bytes).map_err(|_| bad("payload does not decode to UTF-8 text"))?;
    let mut fields = text.split('~');
    let (_, key, third) = (fields.next(), fields.next(), fields.next());
    if key.map_or(true, str::is_empty) || third.is_none() {
        return Err(bad("payload does not hold '~'-separated fields with an api key"));
    }
    Ok(text)
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl fmt::Debug for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SessionId({:?}, api_key={:?})", self.raw, self.api_key())
    }
}

impl std::str::FromStr for SessionId {
    type Err = Error;
    fn from_str(s: &str) -> Result<SessionId> {
        SessionId::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    #[test]
    fn python_reading_matches_cpython() {
        let id = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
        SessionId::check_belongs_python(id, "123456", "api key").unwrap();
        // any prefix, any field, characters outside the alphabet skipped, '+' and '/' taken
        let any_field = format!("xx{}", URL_SAFE_NO_PAD.encode("a~b~123456~"));
        SessionId::check_belongs_python(&any_field, "123456", "api key").unwrap();
        SessionId::check_belongs_python(&format!("1_!{}", &id[2..]), "123456", "api key").unwrap_err();
        SessionId::check_belongs_python(&format!("1_!!!!{}", &id[2..]), "123456", "api key").unwrap();
        assert_eq!(python_b64decode(b"YQ==ignored").unwrap(), b"a");
        assert_eq!(python_b64decode(b"Y+/A").unwrap(), vec![0x63, 0xef, 0xc0]);
        assert!(python_b64decode(b"YQ").is_none() && python_b64decode(b"Y").is_none());
        for bad in ["", "1_", "1_!!!!", "1_MX4xMjM0NTZ-fn5"] {
            let e = SessionId::check_belongs_python(bad, "654321", "api key").unwrap_err();
            assert_eq!(e.field(), Some("session_id"), "{bad}");
        }
    }

    #[test]
    fn mint_round_trips() {
        let id = SessionId::mint("123456", Some("12.34.56.78"), 1739538894959, "abc", "P");
        let p = SessionId::parse(id.as_str()).unwrap();
        assert_eq!(p.api_key(), "123456");
        assert_eq!(p.location(), Some("12.34.56.78"));
        assert_eq!(p.created_at_ms(), Some(1739538894959));
        assert!(p.belongs_to("123456") && !p.belongs_to("12345"));
    }

    #[test]
    fn the_ownership_memo_never_lets_another_key_or_id_through() {
        let id = SessionId::mint("123456", None, 1, "r", "P");
        SessionId::check_belongs(id.as_str(), "123456", "api key").unwrap();
        SessionId::check_belongs(id.as_str(), "123456", "api key").unwrap();
        assert!(SessionId::check_belongs(id.as_str(), "654321", "api key").is_err());
        assert!(SessionId::check_belongs("1_!!!!", "123456", "api key").is_err());
        SessionId::check_belongs(id.as_str(), "123456", "api key").unwrap();
        assert!(SessionId::check_belongs("", "", "api key").is_err());
    }

    #[test]
    fn garbage_never_panics() {
        // non-zero trailing bits decode as Python decodes them
        assert_eq!(SessionId::parse("1_MX4xMjM0NTZ-fn5").unwrap().api_key(), "123456");
        for s in ["", "1", "1_", "é_abc", "1_é", "__", "1_~~~~", "1_!!!!", "1___79", "NOT A REAL SESSIONID"] {
            assert!(SessionId::parse(s).is_err(), "{s}");
        }
    }
}
