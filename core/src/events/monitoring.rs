//! The session-monitoring events (`connectionCreated`, `streamCreated`, `callCreated`, ...): what
//! the service POSTs to the project's callback URL as clients connect, publish and dial.

use serde::{Deserialize, Serialize};

use crate::rest::{opt_i64, opt_string, string_or_empty};

/// `sessionCreated`, `sessionDestroyed` and `sessionNotification`: the fields every
/// session-monitoring event carries.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SessionEvent {
    /// The session.
    #[serde(deserialize_with = "string_or_empty")]
    pub session_id: String,
    /// API key or application id (may arrive as a number).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// When it happened, unix milliseconds.
    #[serde(deserialize_with = "opt_i64", skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    /// Why (`sessionDestroyed`: e.g. `forceDisconnected`; `sessionNotification`: `serverRotation`).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A connection as session-monitoring events describe it (`connection`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConnectionInfo {
    /// Connection id.
    #[serde(deserialize_with = "string_or_empty")]
    pub id: String,
    /// When the client connected, unix milliseconds.
    #[serde(deserialize_with = "opt_i64", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
    /// The token's connection data.
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

/// `connectionCreated` and `connectionDestroyed`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConnectionEvent {
    /// The session.
    #[serde(deserialize_with = "string_or_empty")]
    pub session_id: String,
    /// API key or application id (may arrive as a number).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// When it happened, unix milliseconds.
    #[serde(deserialize_with = "opt_i64", skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    /// `connectionDestroyed` only: `clientDisconnected`, `forceDisconnected` or
    /// `networkDisconnected` (kept as sent).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The connection.
    #[serde(deserialize_with = "crate::rest::lenient")]
    pub connection: ConnectionInfo,
}

/// A stream as session-monitoring events describe it (`stream`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StreamInfo {
    /// Stream id.
    #[serde(deserialize_with = "string_or_empty")]
    pub id: String,
    /// The publishing connection.
    #[serde(deserialize_with = "crate::rest::lenient", skip_serializing_if = "Option::is_none")]
    pub connection: Option<ConnectionInfo>,
    /// When publishing started, unix milliseconds.
    #[serde(deserialize_with = "opt_i64", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
    /// The publisher's name.
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `camera`, `screen` or `custom` (kept as sent).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub video_type: Option<String>,
}

/// `streamCreated` and `streamDestroyed`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StreamEvent {
    /// The session.
    #[serde(deserialize_with = "string_or_empty")]
    pub session_id: String,
    /// API key or application id (may arrive as a number).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// When it happened, unix milliseconds.
    #[serde(deserialize_with = "opt_i64", skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    /// `streamDestroyed` only: `clientDisconnected`, `forceDisconnected`, `forceUnpublished`,
    /// `mediaStopped` or `networkDisconnected` (kept as sent).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The stream.
    #[serde(deserialize_with = "crate::rest::lenient")]
    pub stream: StreamInfo,
}

/// A SIP call as its events describe it (`call`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CallInfo {
    /// SIP call id (the `id` the dial answered).
    #[serde(deserialize_with = "string_or_empty")]
    pub id: String,
    /// The call's connection in the session.
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub connection_id: Option<String>,
    /// The call's stream in the session.
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub stream_id: Option<String>,
    /// When the call was dialled, unix milliseconds.
    #[serde(deserialize_with = "opt_i64", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
    /// The SIP URI dialled.
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub sip_uri: Option<String>,
    /// Call state (`callUpdated`: e.g. `ringing`, `answered`; kept as sent).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// `callCreated`, `callUpdated` and `callDestroyed` (SIP interconnect).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CallEvent {
    /// The session.
    #[serde(deserialize_with = "string_or_empty")]
    pub session_id: String,
    /// API key or application id (may arrive as a number).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// When it happened, unix milliseconds.
    #[serde(deserialize_with = "opt_i64", skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    /// `callDestroyed`: why the call ended (kept as sent).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The call.
    #[serde(deserialize_with = "crate::rest::lenient")]
    pub call: CallInfo,
}
