//! Connections: `listConnections` (no official Node name; the Java SDK's).

use napi_derive::napi;

use crate::client::NativeClient;
use crate::error::Outcome;
use crate::rest::{model, Model};

#[napi]
impl NativeClient {
    /// `GET /session/{sid}/connection`: `{count, projectId, sessionId, items}`.
    #[napi]
    pub async fn list_connections(&self, session_id: String) -> Outcome<Model> {
        model(self.core().list_connections(&session_id).await)
    }
}
