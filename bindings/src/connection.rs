//! Connections: the core's `connection.rs` operation.

use opentok::ConnectionList;

use crate::client::Client;
use crate::rest::rest_operations;

rest_operations! {
    /// Lists the clients connected to a session (`GET /session/{sessionId}/connection`).
    fn list_connections / list_connections_blocking(session_id: String) -> ConnectionList = |c| c.list_connections(&session_id);
}
