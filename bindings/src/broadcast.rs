//! Live-streaming broadcasts: the core's `broadcast.rs` operations.

use opentok::{Broadcast, BroadcastList, BroadcastOptions, Layout, ListOptions, StreamTracks, TrackChoice};

use crate::client::Client;
use crate::rest::rest_operations;

rest_operations! {
    /// Starts an HLS and/or RTMP broadcast of a session (`POST /broadcast`). 409 when one runs.
    fn start_broadcast / start_broadcast_blocking(session_id: String, options: BroadcastOptions) -> Broadcast =
        |c| c.start_broadcast(&session_id, &options);
    /// Stops a broadcast (`POST /broadcast/{id}/stop`).
    fn stop_broadcast / stop_broadcast_blocking(broadcast_id: String) -> Broadcast = |c| c.stop_broadcast(&broadcast_id);
    /// Reads a broadcast (`GET /broadcast/{id}`).
    fn get_broadcast / get_broadcast_blocking(broadcast_id: String) -> Broadcast = |c| c.get_broadcast(&broadcast_id);
    /// Lists broadcasts, newest first (`GET /broadcast?offset&count&sessionId`).
    fn list_broadcasts / list_broadcasts_blocking(options: ListOptions) -> BroadcastList = |c| c.list_broadcasts(&options);
    /// Changes the layout of a broadcast (`PUT /broadcast/{id}/layout`).
    fn set_broadcast_layout / set_broadcast_layout_blocking(broadcast_id: String, layout: Layout) -> () =
        |c| c.set_broadcast_layout(&broadcast_id, &layout);
    /// Adds a stream to a broadcast in manual stream mode (`PATCH /broadcast/{id}/streams`).
    fn add_broadcast_stream / add_broadcast_stream_blocking(broadcast_id: String, stream_id: String, tracks: StreamTracks) -> () =
        |c| c.add_broadcast_stream(&broadcast_id, &stream_id, tracks);
    /// Adds a stream with the tracks as the caller gave them (`None`: not given; left out of the
    /// body for the Ruby dialect, sent as true for the others).
    fn add_broadcast_stream_tracks / add_broadcast_stream_tracks_blocking(broadcast_id: String, stream_id: String, tracks: TrackChoice) -> () =
        |c| c.add_broadcast_stream_tracks(&broadcast_id, &stream_id, tracks);
    /// Removes a stream from a broadcast (`PATCH /broadcast/{id}/streams`).
    fn remove_broadcast_stream / remove_broadcast_stream_blocking(broadcast_id: String, stream_id: String) -> () =
        |c| c.remove_broadcast_stream(&broadcast_id, &stream_id);
}
