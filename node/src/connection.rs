//! Connections: `listConnections` (no official Node name; the Java SDK's).

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;

use crate::client::NativeClient;
use crate::rest::model;
use crate::task::spawn;

#[napi]
impl NativeClient {
    /// `GET /session/{sid}/connection`: `{count, projectId, sessionId, items}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn list_connections<'env>(&self, env: &'env Env, session_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { model(client.list_connections(&session_id).await) })
    }
}
