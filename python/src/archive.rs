//! Archives: `start_archive`, `stop_archive`, `get_archive`, `list_archives` (`get_archives`),
//! `delete_archive`, `set_archive_layout`, `add_archive_stream`, `remove_archive_stream`.

use opentok::{ArchiveOptions, Layout, ListOptions, StreamTracks};

use crate::rest::{build, json_op, unit_op, Args, Op};

/// Starts archive operation `name`, or `None` when it is not one.
pub(crate) fn op(name: &str, c: &opentok::Client, a: &Args) -> Option<opentok::Result<Op>> {
    let c = c.clone();
    Some(match name {
        "start_archive" => build(|| {
            let sid = a.string(0, "session_id")?;
            let o = ArchiveOptions::from_json(&a.value(1))?;
            Ok(json_op!(async move { c.start_archive(&sid, &o).await }))
        }),
        "stop_archive" => build(|| {
            let id = a.string(0, "archive_id")?;
            Ok(json_op!(async move { c.stop_archive(&id).await }))
        }),
        "get_archive" => build(|| {
            let id = a.string(0, "archive_id")?;
            Ok(json_op!(async move { c.get_archive(&id).await }))
        }),
        "list_archives" => build(|| {
            let o = ListOptions::from_json(&a.value(0))?;
            Ok(json_op!(async move { c.list_archives(&o).await }))
        }),
        "delete_archive" => build(|| {
            let id = a.string(0, "archive_id")?;
            Ok(unit_op(async move { c.delete_archive(&id).await }))
        }),
        "set_archive_layout" => build(|| {
            let id = a.string(0, "archive_id")?;
            let l = Layout::from_json(&a.value(1))?;
            Ok(unit_op(async move { c.set_archive_layout(&id, &l).await }))
        }),
        "add_archive_stream" => build(|| {
            let id = a.string(0, "archive_id")?;
            let st = a.string(1, "stream_id")?;
            let t = StreamTracks::from_json(&a.value(2))?;
            Ok(unit_op(async move { c.add_archive_stream(&id, &st, t).await }))
        }),
        "remove_archive_stream" => build(|| {
            let id = a.string(0, "archive_id")?;
            let st = a.string(1, "stream_id")?;
            Ok(unit_op(async move { c.remove_archive_stream(&id, &st).await }))
        }),
        _ => return None,
    })
}
