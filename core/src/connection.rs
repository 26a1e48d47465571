//! Connections of a session: `GET /v2/project/{id}/session/{sessionId}/connection`.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Result;
use crate::rest::{opt_i64, opt_string, session_segment, vec_or_null};
use crate::transport::Body;

/// A client connected to a session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Connection {
    /// Connection id.
    pub connection_id: String,
    /// `Connecting`, `Connected` or `Disconnected`.
    pub connection_state: Option<String>,
    /// Connect time, unix milliseconds.
    #[serde(deserialize_with = "opt_i64")]
    pub created_at: Option<i64>,
}

/// The connections of a session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ConnectionList {
    /// Number of connections.
    #[serde(deserialize_with = "opt_i64")]
    pub count: Option<i64>,
    /// API key or application id.
    #[serde(deserialize_with = "opt_string")]
    pub project_id: Option<String>,
    /// The session.
    pub session_id: Option<String>,
    /// The connections.
    #[serde(deserialize_with = "vec_or_null")]
    pub items: Vec<Connection>,
}

impl Client {
    /// Lists the clients connected to a session: `GET /session/{sessionId}/connection`.
    pub async fn list_connections(&self, session_id: &str) -> Result<ConnectionList> {
        let sid = session_segment(self, session_id)?;
        self.call_json(Method::GET, self.project_path(&format!("/session/{sid}/connection")), Body::None).await
    }
}
