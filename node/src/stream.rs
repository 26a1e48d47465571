//! Streams: `getStream`, `listStreams`, `setStreamClassLists`.

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use opentok::StreamClassList;

use crate::client::NativeClient;
use crate::rest::{model, unit_outcome};
use crate::task::spawn;

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
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn get_stream<'env>(&self, env: &'env Env, session_id: String, stream_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { model(client.get_stream(&session_id, &stream_id).await) })
    }

    /// `GET /session/{sid}/stream`: `{count, items}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn list_streams<'env>(&self, env: &'env Env, session_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { model(client.list_streams(&session_id).await) })
    }

    /// `PUT /session/{sid}/stream` `{items: [{id, layoutClassList}]}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn set_stream_class_lists<'env>(
        &self,
        env: &'env Env,
        session_id: String,
        items: Vec<StreamClassInput>,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let items: Vec<StreamClassList> =
                items.into_iter().map(|i| StreamClassList { id: i.id, layout_class_list: i.layout_class_list }).collect();
            unit_outcome(client.set_stream_class_lists(&session_id, &items).await)
        })
    }
}
