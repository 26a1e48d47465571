//! Archives: `startArchive`, `stopArchive`, `getArchive`, `listArchives`, `deleteArchive`,
//! `setArchiveLayout`, `addArchiveStream`, `removeArchiveStream`.

use napi_derive::napi;
use opentok::{ArchiveOptions, Layout, ListOptions, StreamTracks};
use serde_json::Value;

use crate::client::NativeClient;
use crate::error::{NativeError, Outcome};
use crate::rest::{model, options, try_outcome, try_unit, unit_outcome, Model};

#[napi]
impl NativeClient {
    /// `POST /archive`: `options` is the official options object (read by the core).
    #[napi]
    pub async fn start_archive(&self, session_id: String, options_: Option<Value>) -> Outcome<Model> {
        let o = try_outcome!(options(options_, ArchiveOptions::from_json));
        model(self.core().start_archive(&session_id, &o).await)
    }

    /// `POST /archive/{id}/stop`.
    #[napi]
    pub async fn stop_archive(&self, archive_id: String) -> Outcome<Model> {
        model(self.core().stop_archive(&archive_id).await)
    }

    /// `GET /archive/{id}`.
    #[napi]
    pub async fn get_archive(&self, archive_id: String) -> Outcome<Model> {
        model(self.core().get_archive(&archive_id).await)
    }

    /// `GET /archive?offset&count&sessionId`: `{count, items}`.
    #[napi]
    pub async fn list_archives(&self, options_: Option<Value>) -> Outcome<Model> {
        let o = try_outcome!(options(options_, ListOptions::from_json));
        model(self.core().list_archives(&o).await)
    }

    /// `DELETE /archive/{id}`.
    #[napi]
    pub async fn delete_archive(&self, archive_id: String) -> Option<NativeError> {
        unit_outcome(self.core().delete_archive(&archive_id).await)
    }

    /// `PUT /archive/{id}/layout`: `layout` is `{type, stylesheet?, screenshareType?}`.
    #[napi]
    pub async fn set_archive_layout(&self, archive_id: String, layout: Value) -> Option<NativeError> {
        let l = try_unit!(Layout::from_json(&layout));
        unit_outcome(self.core().set_archive_layout(&archive_id, &l).await)
    }

    /// `PATCH /archive/{id}/streams` `{addStream, hasAudio, hasVideo}`.
    #[napi]
    pub async fn add_archive_stream(&self, archive_id: String, stream_id: String, tracks: Option<Value>) -> Option<NativeError> {
        let t = try_unit!(options(tracks, StreamTracks::from_json));
        unit_outcome(self.core().add_archive_stream(&archive_id, &stream_id, t).await)
    }

    /// `PATCH /archive/{id}/streams` `{removeStream}`.
    #[napi]
    pub async fn remove_archive_stream(&self, archive_id: String, stream_id: String) -> Option<NativeError> {
        unit_outcome(self.core().remove_archive_stream(&archive_id, &stream_id).await)
    }
}
