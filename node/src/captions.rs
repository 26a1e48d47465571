//! Live captions: `startCaptions`, `stopCaptions`, `getCaptions`.

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use opentok::CaptionOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{model, options, try_outcome, unit_outcome};
use crate::task::spawn;

#[napi]
impl NativeClient {
    /// `POST /captions`; `options` is `{languageCode, maxDuration, partialCaptions, statusCallbackUrl}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn start_captions<'env>(
        &self,
        env: &'env Env,
        session_id: String,
        token: String,
        options_: Option<Value>,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let o = try_outcome!(options(options_, CaptionOptions::from_json));
            model(client.start_captions(&session_id, &token, &o).await)
        })
    }

    /// `POST /captions/{id}/stop`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn stop_captions<'env>(&self, env: &'env Env, captions_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { unit_outcome(client.stop_captions(&captions_id).await) })
    }

    /// `GET /captions/{id}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn get_captions<'env>(&self, env: &'env Env, captions_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { model(client.get_captions(&captions_id).await) })
    }
}
