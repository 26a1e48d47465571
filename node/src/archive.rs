//! Archives: `startArchive`, `stopArchive`, `getArchive`, `listArchives`, `deleteArchive`,
//! `setArchiveLayout`, `addArchiveStream`, `removeArchiveStream`.

use opentok::{ArchiveOptions, Layout, ListOptions, StreamTracks};
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{options, rest_operations};

rest_operations! {
    /// `POST /archive`: `options` is the official options object (read by the core).
    model fn start_archive(session_id: String, options_: Option<Value>) = |c| async move {
        c.start_archive(&session_id, &options(options_, ArchiveOptions::from_json)?).await
    };
    /// `POST /archive/{id}/stop`.
    model fn stop_archive(archive_id: String) = |c| async move { c.stop_archive(&archive_id).await };
    /// `GET /archive/{id}`.
    model fn get_archive(archive_id: String) = |c| async move { c.get_archive(&archive_id).await };
    /// `GET /archive?offset&count&sessionId`: `{count, items}`.
    model fn list_archives(options_: Option<Value>) = |c| async move {
        c.list_archives(&options(options_, ListOptions::from_json)?).await
    };
    /// `DELETE /archive/{id}`.
    unit fn delete_archive(archive_id: String) = |c| async move { c.delete_archive(&archive_id).await };
    /// `PUT /archive/{id}/layout`: `layout` is `{type, stylesheet?, screenshareType?}`.
    unit fn set_archive_layout(archive_id: String, layout: Value) = |c| async move {
        c.set_archive_layout(&archive_id, &Layout::from_json(&layout)?).await
    };
    /// `PATCH /archive/{id}/streams` `{addStream, hasAudio, hasVideo}`.
    unit fn add_archive_stream(archive_id: String, stream_id: String, tracks: Option<Value>) = |c| async move {
        c.add_archive_stream(&archive_id, &stream_id, options(tracks, StreamTracks::from_json)?).await
    };
    /// `PATCH /archive/{id}/streams` `{removeStream}`.
    unit fn remove_archive_stream(archive_id: String, stream_id: String) = |c| async move {
        c.remove_archive_stream(&archive_id, &stream_id).await
    };
}
