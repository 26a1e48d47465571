//! Signaling: send `{type, data}` to every client of a session or to one connection.

use reqwest::Method;
use serde_json::{json, Map, Value};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::rest::{id_segment, json, session_segment};

/// Longest signal `type`, in characters.
pub const MAX_SIGNAL_TYPE_CHARS: usize = 128;
/// Largest signal `data` the service accepts, in bytes (larger answers 413).
pub const MAX_SIGNAL_DATA_BYTES: usize = 8192;

/// A signal to send.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Signal {
    /// The type clients filter on (`signal:{type}` events); up to 128 letters, digits, `-`,
    /// `_` and `~`. Optional.
    pub signal_type: Option<String>,
    /// The payload (up to 8 kB; the service answers 413, [`crate::ErrorKind::PayloadTooLarge`],
    /// for larger data, which is left to the service to judge).
    pub data: String,
}

impl Signal {
    /// A signal of this type with this data.
    pub fn new(signal_type: impl Into<String>, data: impl Into<String>) -> Signal {
        Signal { signal_type: Some(signal_type.into()), data: data.into() }
    }

    /// Checks the type: 1–128 characters of `[A-Za-z0-9_~-]`.
    pub fn validate(&self) -> Result<()> {
        if let Some(t) = &self.signal_type {
            let n = t.chars().count();
            if n == 0 || n > MAX_SIGNAL_TYPE_CHARS {
                return Err(Error::invalid("type", format!("must be 1 to {MAX_SIGNAL_TYPE_CHARS} characters, has {n}"), t));
            }
            if !t.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '~')) {
                return Err(Error::invalid("type", "may only contain letters, digits, '-', '_' and '~'", t));
            }
        }
        Ok(())
    }

    /// The JSON body `{"type"?, "data"}`.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        if let Some(t) = &self.signal_type {
            m.insert("type".into(), json!(t));
        }
        m.insert("data".into(), json!(self.data));
        Value::Object(m)
    }
}

impl Client {
    /// Sends a signal to every client of a session (`POST /session/{sessionId}/signal`) or, with
    /// `connection_id`, to one client (`POST /session/{sessionId}/connection/{connectionId}/signal`).
    /// 204 on success; 404 for an unknown session or connection; 413 for data over 8 kB.
    pub async fn signal(&self, session_id: &str, connection_id: Option<&str>, signal: &Signal) -> Result<()> {
        let sid = session_segment(session_id)?;
        signal.validate()?;
        let path = match connection_id {
            Some(c) => format!("/session/{sid}/connection/{}/signal", id_segment("connectionId", c)?),
            None => format!("/session/{sid}/signal"),
        };
        self.call_unit(Method::POST, self.project_path(&path), json(&signal.to_json())).await
    }
}
