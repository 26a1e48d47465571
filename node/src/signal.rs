//! Signaling: `signal` to a whole session or one connection.

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use opentok::Signal;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{try_unit, unit_outcome};
use crate::task::spawn;

#[napi]
impl NativeClient {
    /// `POST /session/{sid}[/connection/{cid}]/signal`; `payload` is `{type?, data}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn signal<'env>(
        &self,
        env: &'env Env,
        session_id: String,
        connection_id: Option<String>,
        payload: Value,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let s = try_unit!(Signal::from_json(&payload));
            unit_outcome(client.signal(&session_id, connection_id.as_deref(), &s).await)
        })
    }
}
