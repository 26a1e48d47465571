//! Connections: `listConnections`.

use crate::client::NativeClient;
use crate::rest::rest_operations;

rest_operations! {
    /// `GET /session/{sid}/connection`: `{count, projectId, sessionId, items}`.
    model fn list_connections(session_id: String) = |c| async move { c.list_connections(&session_id).await };
}
