//! Connections: `listConnections` (no official Node name; the Java SDK's).

use napi_derive::napi;
use serde_json::Value;

use crate::client::NativeClient;
use crate::error::Outcome;
use crate::rest::json_outcome;

#[napi]
impl NativeClient {
    /// `GET /session/{sid}/connection`: `{count, projectId, sessionId, items}`.
    #[napi]
    pub async fn list_connections(&self, session_id: String) -> Outcome<Value> {
        json_outcome!(self.core().list_connections(&session_id).await)
    }
}
