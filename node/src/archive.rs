//! Archives: `startArchive`, `stopArchive`, `getArchive`, `listArchives`, `deleteArchive`,
//! `setArchiveLayout`, `addArchiveStream`, `removeArchiveStream`.

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use opentok::{ArchiveOptions, Layout, ListOptions, StreamTracks};
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{model, options, try_outcome, try_unit, unit_outcome};
use crate::task::spawn;

#[napi]
impl NativeClient {
    /// `POST /archive`: `options` is the official options object (read by the core).
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn start_archive<'env>(&self, env: &'env Env, session_id: String, options_: Option<Value>) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let o = try_outcome!(options(options_, ArchiveOptions::from_json));
            model(client.start_archive(&session_id, &o).await)
        })
    }

    /// `POST /archive/{id}/stop`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn stop_archive<'env>(&self, env: &'env Env, archive_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { model(client.stop_archive(&archive_id).await) })
    }

    /// `GET /archive/{id}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn get_archive<'env>(&self, env: &'env Env, archive_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { model(client.get_archive(&archive_id).await) })
    }

    /// `GET /archive?offset&count&sessionId`: `{count, items}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn list_archives<'env>(&self, env: &'env Env, options_: Option<Value>) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let o = try_outcome!(options(options_, ListOptions::from_json));
            model(client.list_archives(&o).await)
        })
    }

    /// `DELETE /archive/{id}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn delete_archive<'env>(&self, env: &'env Env, archive_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { unit_outcome(client.delete_archive(&archive_id).await) })
    }

    /// `PUT /archive/{id}/layout`: `layout` is `{type, stylesheet?, screenshareType?}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn set_archive_layout<'env>(&self, env: &'env Env, archive_id: String, layout: Value) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let l = try_unit!(Layout::from_json(&layout));
            unit_outcome(client.set_archive_layout(&archive_id, &l).await)
        })
    }

    /// `PATCH /archive/{id}/streams` `{addStream, hasAudio, hasVideo}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn add_archive_stream<'env>(
        &self,
        env: &'env Env,
        archive_id: String,
        stream_id: String,
        tracks: Option<Value>,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let t = try_unit!(options(tracks, StreamTracks::from_json));
            unit_outcome(client.add_archive_stream(&archive_id, &stream_id, t).await)
        })
    }

    /// `PATCH /archive/{id}/streams` `{removeStream}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn remove_archive_stream<'env>(
        &self,
        env: &'env Env,
        archive_id: String,
        stream_id: String,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { unit_outcome(client.remove_archive_stream(&archive_id, &stream_id).await) })
    }
}
