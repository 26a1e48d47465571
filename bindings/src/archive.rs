//! Archives: the core's `archive.rs` operations.

use opentok::{Archive, ArchiveList, ArchiveOptions, Layout, ListOptions, StreamTracks, TrackChoice};

use crate::client::Client;
use crate::rest::rest_operations;

rest_operations! {
    /// Starts recording a session (`POST /archive`). 409 when it is already recorded, 404 when
    /// it is unknown or has no connected client.
    fn start_archive / start_archive_blocking(session_id: String, options: ArchiveOptions) -> Archive =
        |c| c.start_archive(&session_id, &options);
    /// Stops a recording (`POST /archive/{id}/stop`). 409 when it is not recording.
    fn stop_archive / stop_archive_blocking(archive_id: String) -> Archive = |c| c.stop_archive(&archive_id);
    /// Reads an archive (`GET /archive/{id}`). 404 when unknown.
    fn get_archive / get_archive_blocking(archive_id: String) -> Archive = |c| c.get_archive(&archive_id);
    /// Lists archives, newest first (`GET /archive?offset&count&sessionId`).
    fn list_archives / list_archives_blocking(options: ListOptions) -> ArchiveList = |c| c.list_archives(&options);
    /// Deletes an archive's file (`DELETE /archive/{id}`). 409 while it records.
    fn delete_archive / delete_archive_blocking(archive_id: String) -> () = |c| c.delete_archive(&archive_id);
    /// Changes the layout of a composed archive while it records (`PUT /archive/{id}/layout`).
    fn set_archive_layout / set_archive_layout_blocking(archive_id: String, layout: Layout) -> () =
        |c| c.set_archive_layout(&archive_id, &layout);
    /// Adds a stream to an archive in manual stream mode (`PATCH /archive/{id}/streams`).
    fn add_archive_stream / add_archive_stream_blocking(archive_id: String, stream_id: String, tracks: StreamTracks) -> () =
        |c| c.add_archive_stream(&archive_id, &stream_id, tracks);
    /// Adds a stream with the tracks as the caller gave them (`None`: not given; left out of the
    /// body for the Ruby dialect, sent as true for the others).
    fn add_archive_stream_tracks / add_archive_stream_tracks_blocking(archive_id: String, stream_id: String, tracks: TrackChoice) -> () =
        |c| c.add_archive_stream_tracks(&archive_id, &stream_id, tracks);
    /// Removes a stream from an archive (`PATCH /archive/{id}/streams`).
    fn remove_archive_stream / remove_archive_stream_blocking(archive_id: String, stream_id: String) -> () =
        |c| c.remove_archive_stream(&archive_id, &stream_id);
}

/// The core's default layout (`bestFit`), for callers whose options carry none (the Java SDK's
/// `setArchiveLayout(id, properties)` without a layout).
#[uniffi::export]
pub fn default_layout() -> Layout {
    Layout::default()
}
