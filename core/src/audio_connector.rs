//! Audio Connector: stream a session's audio to a WebSocket (`POST /connect`) and stop it.

use std::collections::HashMap;

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::rest::{check_url, id_segment, json, opt_bool, require_token, session_segment, Settle};
use crate::transport::Body;

/// Audio sample rates the service accepts.
pub const AUDIO_RATES: [u32; 3] = [8000, 16000, 24000];

/// How audio is framed on the WebSocket (`websocket.audioTransport`), sent as a JSON object
/// with snake_case keys (as .NET and @vonage/video 1.29 do; the Python SDK's JSON string is a bug).
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AudioTransport {
    /// `transport`, e.g. `json`.
    pub transport: Option<String>,
    /// `encoding`, e.g. `base64`.
    pub encoding: Option<String>,
    /// `audio_field`: the JSON field carrying audio sent to the socket.
    pub audio_field: Option<String>,
    /// `receive_audio_field`: the JSON field carrying audio received from the socket.
    pub receive_audio_field: Option<String>,
    /// `static_fields`: text fields added to every message.
    pub static_fields: Option<HashMap<String, String>>,
}

impl AudioTransport {
    /// The JSON object (unset fields omitted).
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        for (k, v) in [
            ("transport", &self.transport),
            ("encoding", &self.encoding),
            ("audio_field", &self.audio_field),
            ("receive_audio_field", &self.receive_audio_field),
        ] {
            if let Some(v) = v {
                m.insert(k.into(), json!(v));
            }
        }
        if let Some(s) = &self.static_fields {
            m.insert("static_fields".into(), json!(s));
        }
        Value::Object(m)
    }
}

/// Options of [`Client::connect_audio`].
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AudioConnectorOptions {
    /// The WebSocket URI (`ws://` or `wss://`). Required.
    pub uri: String,
    /// Only these streams are sent (default: all).
    pub streams: Vec<String>,
    /// Headers sent with the WebSocket handshake (as JSON in the first message).
    pub headers: HashMap<String, String>,
    /// 8000, 16000 or 24000 (service default 16000).
    pub audio_rate: Option<u32>,
    /// Also play audio received from the socket into the session.
    pub bidirectional: Option<bool>,
    /// Framing of the audio.
    pub audio_transport: Option<AudioTransport>,
}

impl AudioConnectorOptions {
    /// Checks the URI scheme, the audio rate and the stream ids (the Python SDK's rules).
    pub fn validate(&self) -> Result<()> {
        check_url("websocket.uri", &self.uri, &["ws://", "wss://"], 6..=2048)?;
        if let Some(r) = self.audio_rate {
            if !AUDIO_RATES.contains(&r) {
                return Err(Error::invalid("websocket.audioRate", "must be 8000, 16000 or 24000", r));
            }
        }
        for s in &self.streams {
            id_segment("websocket.streams", s)?;
        }
        Ok(())
    }

    fn to_json(&self, session_id: &str, token: &str) -> Value {
        let mut ws = Map::new();
        ws.insert("uri".into(), json!(self.uri));
        if !self.streams.is_empty() {
            ws.insert("streams".into(), json!(self.streams));
        }
        if !self.headers.is_empty() {
            ws.insert("headers".into(), json!(self.headers));
        }
        if let Some(r) = self.audio_rate {
            ws.insert("audioRate".into(), json!(r));
        }
        if let Some(b) = self.bidirectional {
            ws.insert("bidirectional".into(), json!(b));
        }
        if let Some(t) = &self.audio_transport {
            ws.insert("audioTransport".into(), t.to_json());
        }
        json!({"sessionId": session_id, "token": token, "websocket": Value::Object(ws)})
    }
}

/// The Audio Connector connection started by [`Client::connect_audio`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AudioConnection {
    /// Audio Connector id, for [`Client::stop_audio_connector`].
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub id: String,
    /// Connection id of the connector in the session.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub connection_id: String,
    /// Whether it is bidirectional, when the service says.
    #[serde(deserialize_with = "opt_bool")]
    pub bidirectional: Option<bool>,
}

impl Settle for AudioConnection {
    fn identity(&self) -> Option<&'static str> {
        self.id.is_empty().then_some("id")
    }
}

impl Client {
    /// Connects a session's audio to a WebSocket: `POST /v2/project/{id}/connect`. `token` is a
    /// client token of the session. 409 when the session is not routed.
    pub async fn connect_audio(&self, session_id: &str, token: &str, options: &AudioConnectorOptions) -> Result<AudioConnection> {
        session_segment(session_id)?;
        require_token(token)?;
        options.validate()?;
        self.call_json(Method::POST, self.project_path("/connect"), json(&options.to_json(session_id, token))).await
    }

    /// Stops an Audio Connector: `POST /connect/{id}/stop`.
    pub async fn stop_audio_connector(&self, connector_id: &str) -> Result<()> {
        let id = id_segment("connectorId", connector_id)?;
        self.call_unit(Method::POST, self.project_path(&format!("/connect/{id}/stop")), Body::None).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audio_transport_is_an_object() {
        let o = AudioConnectorOptions {
            uri: "wss://x.example/ws".into(),
            audio_transport: Some(AudioTransport { transport: Some("json".into()), ..Default::default() }),
            ..Default::default()
        };
        assert_eq!(o.to_json("S", "T")["websocket"]["audioTransport"], json!({"transport": "json"}));
    }
}
