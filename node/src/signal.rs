//! Signaling: `signal`.

use opentok::Signal;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::rest_operations;

rest_operations! {
    /// `POST /session/{sid}[/connection/{cid}]/signal`; `payload` is `{type?, data}`.
    unit fn signal(session_id: String, connection_id: Option<String>, payload: Value) = |c| async move {
        c.signal(&session_id, connection_id.as_deref(), &Signal::from_json(&payload)?).await
    };
}
