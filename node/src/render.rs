//! Experience Composer: `startRender`, `getRender`, `stopRender`, `listRenders`.

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use opentok::{ListOptions, RenderOptions};
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{model, options, try_outcome, unit_outcome};
use crate::task::spawn;

#[napi]
impl NativeClient {
    /// `POST /render`; `options` is `{url, maxDuration, resolution, properties: {name}, statusCallbackUrl}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn start_render<'env>(
        &self,
        env: &'env Env,
        session_id: String,
        token: String,
        options_: Option<Value>,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let o = try_outcome!(options(options_, RenderOptions::from_json));
            model(client.start_render(&session_id, &token, &o).await)
        })
    }

    /// `GET /render/{id}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn get_render<'env>(&self, env: &'env Env, render_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { model(client.get_render(&render_id).await) })
    }

    /// `DELETE /render/{id}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn stop_render<'env>(&self, env: &'env Env, render_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { unit_outcome(client.stop_render(&render_id).await) })
    }

    /// `GET /render?offset&count`: `{count, items}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn list_renders<'env>(&self, env: &'env Env, options_: Option<Value>) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let o = try_outcome!(options(options_, ListOptions::from_json));
            model(client.list_renders(&o).await)
        })
    }
}
