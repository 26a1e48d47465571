//! Callback registration: `listCallbacks`, `registerCallback`, `unregisterCallback`.

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use opentok::CallbackOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{model, try_outcome, unit_outcome};
use crate::task::spawn;

#[napi]
impl NativeClient {
    /// `GET /callback`: an array.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn list_callbacks<'env>(&self, env: &'env Env) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { model(client.list_callbacks().await) })
    }

    /// `POST /callback` `{group, event, url}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn register_callback<'env>(&self, env: &'env Env, options: Value) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let o = try_outcome!(CallbackOptions::from_json(&options));
            model(client.register_callback(&o).await)
        })
    }

    /// `DELETE /callback/{id}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn delete_callback<'env>(&self, env: &'env Env, callback_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { unit_outcome(client.delete_callback(&callback_id).await) })
    }
}
