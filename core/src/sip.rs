//! SIP interconnect: dial out to a SIP endpoint (`POST /dial`) and play DTMF digits to a
//! session or one connection.

use std::collections::HashMap;
use std::fmt;

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::rest::{id_segment, json, require_token, session_segment, Settle};

/// Digest credentials of the SIP endpoint. `Debug` hides the password.
#[derive(Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SipAuth {
    /// User name.
    pub username: String,
    /// Password (never printed).
    pub password: String,
}

impl fmt::Debug for SipAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SipAuth").field("username", &self.username).field("password", &"<redacted>").finish()
    }
}

/// Options of [`Client::dial`] besides the session, token and URI.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SipDialOptions {
    /// `From` of the SIP INVITE (`number@host` or a phone number).
    pub from: Option<String>,
    /// Custom SIP headers; names must start with `X-` (the service's rule).
    pub headers: HashMap<String, String>,
    /// Digest credentials.
    pub auth: Option<SipAuth>,
    /// Encrypt the media (SRTP).
    pub secure: Option<bool>,
    /// Send video too.
    pub video: Option<bool>,
    /// Let a force-mute of the session mute the SIP call too.
    pub observe_force_mute: Option<bool>,
    /// Only these streams are sent to the SIP endpoint (default: all).
    pub streams: Vec<String>,
}

/// The SIP call started by [`Client::dial`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SipCall {
    /// SIP call id.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub id: String,
    /// Connection id of the SIP participant in the session.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub connection_id: String,
    /// Stream id of the SIP participant's audio.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub stream_id: Option<String>,
}

fn sip_body(session_id: &str, token: &str, uri: &str, o: &SipDialOptions) -> Value {
    let mut sip = Map::new();
    sip.insert("uri".into(), json!(uri));
    if let Some(f) = &o.from {
        sip.insert("from".into(), json!(f));
    }
    if !o.headers.is_empty() {
        sip.insert("headers".into(), json!(o.headers));
    }
    if let Some(a) = &o.auth {
        sip.insert("auth".into(), json!({"username": a.username, "password": a.password}));
    }
    if let Some(v) = o.secure {
        sip.insert("secure".into(), json!(v));
    }
    if let Some(v) = o.video {
        sip.insert("video".into(), json!(v));
    }
    if let Some(v) = o.observe_force_mute {
        sip.insert("observeForceMute".into(), json!(v));
    }
    if !o.streams.is_empty() {
        sip.insert("streams".into(), json!(o.streams));
    }
    json!({"sessionId": session_id, "token": token, "sip": Value::Object(sip)})
}

/// Checks DTMF digits: one or more of `0-9`, `*`, `#` and `p` (a 500 ms pause), as the Ruby
/// and PHP SDKs do.
pub fn validate_dtmf(digits: &str) -> Result<()> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || matches!(c, '*' | '#' | 'p')) {
        return Err(Error::invalid("digits", "must be one or more of 0-9, *, # and p", digits));
    }
    Ok(())
}

impl Settle for SipCall {
    fn identity(&self) -> Option<&'static str> {
        self.id.is_empty().then_some("id")
    }
}

impl Client {
    /// Dials a SIP endpoint into a session: `POST /v2/project/{id}/dial`
    /// `{"sessionId", "token", "sip": {"uri", ...}}`. The URI must start with `sip:` or `sips:`;
    /// the token is a client token for the session (mint one with [`Client::generate_token`]).
    /// 409 when the session is not routed. Not retried after the request reached the server.
    pub async fn dial(&self, session_id: &str, token: &str, sip_uri: &str, options: &SipDialOptions) -> Result<SipCall> {
        session_segment(session_id)?;
        require_token(token)?;
        let lower = sip_uri.to_ascii_lowercase();
        if !(lower.starts_with("sip:") || lower.starts_with("sips:")) || sip_uri.len() < 5 {
            return Err(Error::invalid("sip.uri", "must start with sip: or sips:", sip_uri));
        }
        if let Some(a) = &options.auth {
            if a.username.is_empty() {
                return Err(Error::invalid("sip.auth.username", "must not be empty", ""));
            }
        }
        for name in options.headers.keys() {
            if name.trim().is_empty() || name.chars().any(|c| c.is_whitespace() || c == ':') {
                return Err(Error::invalid("sip.headers", "header names must be non-empty tokens", name));
            }
        }
        for s in &options.streams {
            id_segment("sip.streams", s)?;
        }
        let body = sip_body(session_id, token, sip_uri, options);
        self.call_json(Method::POST, self.project_path("/dial"), json(&body)).await
    }

    /// Plays DTMF digits to every SIP participant of a session
    /// (`POST /session/{sessionId}/play-dtmf`) or, with `connection_id`, to one
    /// (`POST /session/{sessionId}/connection/{connectionId}/play-dtmf`).
    pub async fn play_dtmf(&self, session_id: &str, connection_id: Option<&str>, digits: &str) -> Result<()> {
        let sid = session_segment(session_id)?;
        validate_dtmf(digits)?;
        let path = match connection_id {
            Some(c) => format!("/session/{sid}/connection/{}/play-dtmf", id_segment("connectionId", c)?),
            None => format!("/session/{sid}/play-dtmf"),
        };
        self.call_unit(Method::POST, self.project_path(&path), json(&json!({ "digits": digits }))).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_password_is_redacted() {
        let a = SipAuth { username: "u".into(), password: "hunter2".into() };
        assert!(!format!("{a:?}").contains("hunter2"));
    }

    #[test]
    fn body_shape() {
        let o = SipDialOptions { secure: Some(true), streams: vec!["s1".into()], ..Default::default() };
        assert_eq!(
            sip_body("S", "T", "sip:a@b", &o),
            json!({"sessionId":"S","token":"T","sip":{"uri":"sip:a@b","secure":true,"streams":["s1"]}})
        );
    }
}
