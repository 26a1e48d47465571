//! Broadcasts: `startBroadcast`, `stopBroadcast`, `getBroadcast`, `listBroadcasts`,
//! `setBroadcastLayout`, `addBroadcastStream`, `removeBroadcastStream`.

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use opentok::{BroadcastOptions, Layout, ListOptions, StreamTracks};
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{model, options, try_outcome, try_unit, unit_outcome};
use crate::task::spawn;

#[napi]
impl NativeClient {
    /// `POST /broadcast`: `options` is the official options object (read by the core).
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn start_broadcast<'env>(
        &self,
        env: &'env Env,
        session_id: String,
        options_: Option<Value>,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let o = try_outcome!(options(options_, BroadcastOptions::from_json));
            model(client.start_broadcast(&session_id, &o).await)
        })
    }

    /// `POST /broadcast/{id}/stop`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn stop_broadcast<'env>(&self, env: &'env Env, broadcast_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { model(client.stop_broadcast(&broadcast_id).await) })
    }

    /// `GET /broadcast/{id}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn get_broadcast<'env>(&self, env: &'env Env, broadcast_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { model(client.get_broadcast(&broadcast_id).await) })
    }

    /// `GET /broadcast?offset&count&sessionId`: `{count, items}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn list_broadcasts<'env>(&self, env: &'env Env, options_: Option<Value>) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let o = try_outcome!(options(options_, ListOptions::from_json));
            model(client.list_broadcasts(&o).await)
        })
    }

    /// `PUT /broadcast/{id}/layout`: `layout` is `{type, stylesheet?, screenshareType?}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn set_broadcast_layout<'env>(&self, env: &'env Env, broadcast_id: String, layout: Value) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let l = try_unit!(Layout::from_json(&layout));
            unit_outcome(client.set_broadcast_layout(&broadcast_id, &l).await)
        })
    }

    /// `PATCH /broadcast/{id}/streams` `{addStream, hasAudio, hasVideo}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn add_broadcast_stream<'env>(
        &self,
        env: &'env Env,
        broadcast_id: String,
        stream_id: String,
        tracks: Option<Value>,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let t = try_unit!(options(tracks, StreamTracks::from_json));
            unit_outcome(client.add_broadcast_stream(&broadcast_id, &stream_id, t).await)
        })
    }

    /// `PATCH /broadcast/{id}/streams` `{removeStream}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn remove_broadcast_stream<'env>(
        &self,
        env: &'env Env,
        broadcast_id: String,
        stream_id: String,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { unit_outcome(client.remove_broadcast_stream(&broadcast_id, &stream_id).await) })
    }
}
