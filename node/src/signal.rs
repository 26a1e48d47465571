//! Signaling: `signal` to a whole session or one connection.

use napi_derive::napi;
use opentok::Signal;
use serde_json::Value;

use crate::client::NativeClient;
use crate::error::NativeError;
use crate::rest::{try_unit, unit_outcome};

#[napi]
impl NativeClient {
    /// `POST /session/{sid}[/connection/{cid}]/signal`; `payload` is `{type?, data}`.
    #[napi]
    pub async fn signal(&self, session_id: String, connection_id: Option<String>, payload: Value) -> Option<NativeError> {
        let s = try_unit!(Signal::from_json(&payload));
        unit_outcome(self.core().signal(&session_id, connection_id.as_deref(), &s).await)
    }
}
