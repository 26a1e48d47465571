//! Streams of a session: the core's `stream.rs` operations.

use opentok::{Stream, StreamClassList, StreamList};

use crate::client::Client;
use crate::rest::rest_operations;

rest_operations! {
    /// Reads one stream of a session (`GET /session/{sessionId}/stream/{streamId}`).
    fn get_stream / get_stream_blocking(session_id: String, stream_id: String) -> Stream = |c| c.get_stream(&session_id, &stream_id);
    /// Lists the streams of a session (`GET /session/{sessionId}/stream`).
    fn list_streams / list_streams_blocking(session_id: String) -> StreamList = |c| c.list_streams(&session_id);
    /// Sets the layout class lists of streams (`PUT /session/{sessionId}/stream`).
    fn set_stream_class_lists / set_stream_class_lists_blocking(session_id: String, items: Vec<StreamClassList>) -> () =
        |c| c.set_stream_class_lists(&session_id, &items);
}
