//! Broadcasts: `startBroadcast`, `stopBroadcast`, `getBroadcast`, `listBroadcasts`,
//! `setBroadcastLayout`, `addBroadcastStream`, `removeBroadcastStream`.

use napi_derive::napi;
use opentok::{BroadcastOptions, Layout, ListOptions, StreamTracks};
use serde_json::Value;

use crate::client::NativeClient;
use crate::error::{NativeError, Outcome};
use crate::rest::{model, options, try_outcome, try_unit, unit_outcome, Model};

#[napi]
impl NativeClient {
    /// `POST /broadcast`: `options` is the official options object (read by the core).
    #[napi]
    pub async fn start_broadcast(&self, session_id: String, options_: Option<Value>) -> Outcome<Model> {
        let o = try_outcome!(options(options_, BroadcastOptions::from_json));
        model(self.core().start_broadcast(&session_id, &o).await)
    }

    /// `POST /broadcast/{id}/stop`.
    #[napi]
    pub async fn stop_broadcast(&self, broadcast_id: String) -> Outcome<Model> {
        model(self.core().stop_broadcast(&broadcast_id).await)
    }

    /// `GET /broadcast/{id}`.
    #[napi]
    pub async fn get_broadcast(&self, broadcast_id: String) -> Outcome<Model> {
        model(self.core().get_broadcast(&broadcast_id).await)
    }

    /// `GET /broadcast?offset&count&sessionId`: `{count, items}`.
    #[napi]
    pub async fn list_broadcasts(&self, options_: Option<Value>) -> Outcome<Model> {
        let o = try_outcome!(options(options_, ListOptions::from_json));
        model(self.core().list_broadcasts(&o).await)
    }

    /// `PUT /broadcast/{id}/layout`: `layout` is `{type, stylesheet?, screenshareType?}`.
    #[napi]
    pub async fn set_broadcast_layout(&self, broadcast_id: String, layout: Value) -> Option<NativeError> {
        let l = try_unit!(Layout::from_json(&layout));
        unit_outcome(self.core().set_broadcast_layout(&broadcast_id, &l).await)
    }

    /// `PATCH /broadcast/{id}/streams` `{addStream, hasAudio, hasVideo}`.
    #[napi]
    pub async fn add_broadcast_stream(
        &self,
        broadcast_id: String,
        stream_id: String,
        tracks: Option<Value>,
    ) -> Option<NativeError> {
        let t = try_unit!(options(tracks, StreamTracks::from_json));
        unit_outcome(self.core().add_broadcast_stream(&broadcast_id, &stream_id, t).await)
    }

    /// `PATCH /broadcast/{id}/streams` `{removeStream}`.
    #[napi]
    pub async fn remove_broadcast_stream(&self, broadcast_id: String, stream_id: String) -> Option<NativeError> {
        unit_outcome(self.core().remove_broadcast_stream(&broadcast_id, &stream_id).await)
    }
}
