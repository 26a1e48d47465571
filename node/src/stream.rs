//! Streams: `getStream`, `listStreams`, `setStreamClassLists`.

use napi_derive::napi;
use opentok::StreamClassList;

use crate::client::NativeClient;
use crate::rest::rest_operations;

/// One element of `setStreamClassLists`' array (shape checked by the facade).
#[napi(object)]
pub struct StreamClassInput {
    /// Stream id.
    pub id: String,
    /// Its layout classes.
    pub layout_class_list: Vec<String>,
}

rest_operations! {
    /// `GET /session/{sid}/stream/{streamId}`.
    model fn get_stream(session_id: String, stream_id: String) = |c| async move { c.get_stream(&session_id, &stream_id).await };
    /// `GET /session/{sid}/stream`: `{count, items}`.
    model fn list_streams(session_id: String) = |c| async move { c.list_streams(&session_id).await };
    /// `PUT /session/{sid}/stream` `{items: [{id, layoutClassList}]}`.
    unit fn set_stream_class_lists(session_id: String, items: Vec<StreamClassInput>) = |c| async move {
        let items: Vec<StreamClassList> =
            items.into_iter().map(|i| StreamClassList { id: i.id, layout_class_list: i.layout_class_list }).collect();
        c.set_stream_class_lists(&session_id, &items).await
    };
}
