//! Experience Composer: `startRender`, `getRender`, `stopRender`, `listRenders`.

use napi_derive::napi;
use opentok::{ListOptions, RenderOptions};
use serde_json::Value;

use crate::client::NativeClient;
use crate::error::{NativeError, Outcome};
use crate::rest::{model, options, try_outcome, unit_outcome, Model};

#[napi]
impl NativeClient {
    /// `POST /render`; `options` is `{url, maxDuration, resolution, properties: {name}, statusCallbackUrl}`.
    #[napi]
    pub async fn start_render(&self, session_id: String, token: String, options_: Option<Value>) -> Outcome<Model> {
        let o = try_outcome!(options(options_, RenderOptions::from_json));
        model(self.core().start_render(&session_id, &token, &o).await)
    }

    /// `GET /render/{id}`.
    #[napi]
    pub async fn get_render(&self, render_id: String) -> Outcome<Model> {
        model(self.core().get_render(&render_id).await)
    }

    /// `DELETE /render/{id}`.
    #[napi]
    pub async fn stop_render(&self, render_id: String) -> Option<NativeError> {
        unit_outcome(self.core().stop_render(&render_id).await)
    }

    /// `GET /render?offset&count`: `{count, items}`.
    #[napi]
    pub async fn list_renders(&self, options_: Option<Value>) -> Outcome<Model> {
        let o = try_outcome!(options(options_, ListOptions::from_json));
        model(self.core().list_renders(&o).await)
    }
}
