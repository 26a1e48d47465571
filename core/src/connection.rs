//! Connections of a session: `GET /v2/project/{id}/session/{sessionId}/connection`.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Result;
use crate::rest::{count_or_unknown, opt_i64, opt_string, session_segment, unknown_count, vec_or_null, Settle};
use crate::transport::Body;

/// A client connected to a session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Connection {
    /// Connection id.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub connection_id: String,
    /// `Connecting`, `Connected` or `Disconnected`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub connection_state: Option<String>,
    /// Connect time, unix milliseconds.
    #[serde(deserialize_with = "opt_i64")]
    pub created_at: Option<i64>,
}

/// The connections of a session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConnectionList {
    /// Number of connections (the number of items when the service does not say).
    #[serde(default = "unknown_count", deserialize_with = "count_or_unknown")]
    pub count: i64,
    /// API key or application id.
    #[serde(deserialize_with = "opt_string")]
    pub project_id: Option<String>,
    /// The session.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub session_id: Option<String>,
    /// The connections.
    #[serde(deserialize_with = "vec_or_null")]
    pub items: Vec<Connection>,
}

impl Settle for ConnectionList {
    fn settle(&mut self) {
        if self.count < 0 {
            self.count = self.items.len() as i64;
        }
    }
}

impl Client {
    /// Lists the clients connected to a session: `GET /session/{sessionId}/connection`.
    pub async fn list_connections(&self, session_id: &str) -> Result<ConnectionList> {
        let sid = session_segment(session_id)?;
        self.call_json(Method::GET, self.project_path(&format!("/session/{sid}/connection")), Body::None).await
    }
}
