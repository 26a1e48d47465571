//! Broadcasts: `startBroadcast`, `stopBroadcast`, `getBroadcast`, `listBroadcasts`,
//! `setBroadcastLayout`, `addBroadcastStream`, `removeBroadcastStream`.

use opentok::{BroadcastOptions, Layout, ListOptions, StreamTracks};
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{options, rest_operations};

rest_operations! {
    /// `POST /broadcast`: `options` is the official options object (read by the core).
    model fn start_broadcast(session_id: String, options_: Option<Value>) = |c| async move {
        c.start_broadcast(&session_id, &options(options_, BroadcastOptions::from_json)?).await
    };
    /// `POST /broadcast/{id}/stop`.
    model fn stop_broadcast(broadcast_id: String) = |c| async move { c.stop_broadcast(&broadcast_id).await };
    /// `GET /broadcast/{id}`.
    model fn get_broadcast(broadcast_id: String) = |c| async move { c.get_broadcast(&broadcast_id).await };
    /// `GET /broadcast?offset&count&sessionId`: `{count, items}`.
    model fn list_broadcasts(options_: Option<Value>) = |c| async move {
        c.list_broadcasts(&options(options_, ListOptions::from_json)?).await
    };
    /// `PUT /broadcast/{id}/layout`: `layout` is `{type, stylesheet?, screenshareType?}`.
    unit fn set_broadcast_layout(broadcast_id: String, layout: Value) = |c| async move {
        c.set_broadcast_layout(&broadcast_id, &Layout::from_json(&layout)?).await
    };
    /// `PATCH /broadcast/{id}/streams` `{addStream, hasAudio, hasVideo}`.
    unit fn add_broadcast_stream(broadcast_id: String, stream_id: String, tracks: Option<Value>) = |c| async move {
        c.add_broadcast_stream(&broadcast_id, &stream_id, options(tracks, StreamTracks::from_json)?).await
    };
    /// `PATCH /broadcast/{id}/streams` `{removeStream}`.
    unit fn remove_broadcast_stream(broadcast_id: String, stream_id: String) = |c| async move {
        c.remove_broadcast_stream(&broadcast_id, &stream_id).await
    };
}
