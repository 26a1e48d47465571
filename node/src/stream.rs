//! Streams: `getStream`, `listStreams`, `setStreamClassLists`.

use napi_derive::napi;
use opentok::StreamClassList;

use crate::client::NativeClient;
use crate::error::{NativeError, Outcome};
use crate::rest::{model, unit_outcome, Model};

/// One element of `setStreamClassLists`' array (shape checked by the facade).
#[napi(object)]
pub struct StreamClassInput {
    /// Stream id.
    pub id: String,
    /// Its layout classes.
    pub layout_class_list: Vec<String>,
}

#[napi]
impl NativeClient {
    /// `GET /session/{sid}/stream/{streamId}`.
    #[napi]
    pub async fn get_stream(&self, session_id: String, stream_id: String) -> Outcome<Model> {
        model(self.core().get_stream(&session_id, &stream_id).await)
    }

    /// `GET /session/{sid}/stream`: `{count, items}`.
    #[napi]
    pub async fn list_streams(&self, session_id: String) -> Outcome<Model> {
        model(self.core().list_streams(&session_id).await)
    }

    /// `PUT /session/{sid}/stream` `{items: [{id, layoutClassList}]}`.
    #[napi]
    pub async fn set_stream_class_lists(&self, session_id: String, items: Vec<StreamClassInput>) -> Option<NativeError> {
        let items: Vec<StreamClassList> =
            items.into_iter().map(|i| StreamClassList { id: i.id, layout_class_list: i.layout_class_list }).collect();
        unit_outcome(self.core().set_stream_class_lists(&session_id, &items).await)
    }
}
