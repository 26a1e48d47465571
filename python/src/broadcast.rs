//! Broadcasts: `start_broadcast`, `stop_broadcast`, `get_broadcast`, `list_broadcasts` (new),
//! `set_broadcast_layout`, `add_broadcast_stream`, `remove_broadcast_stream`.

use opentok::{BroadcastOptions, Layout, ListOptions, StreamTracks};

use crate::rest::{build, json_op, unit_op, Args, Op};

/// Starts broadcast operation `name`, or `None` when it is not one.
pub(crate) fn op(name: &str, c: &opentok::Client, a: &Args) -> Option<opentok::Result<Op>> {
    let c = c.clone();
    Some(match name {
        "start_broadcast" => build(|| {
            let sid = a.string(0, "session_id")?;
            let o = BroadcastOptions::from_json(&a.value(1))?;
            Ok(json_op!(async move { c.start_broadcast(&sid, &o).await }))
        }),
        "stop_broadcast" => build(|| {
            let id = a.string(0, "broadcast_id")?;
            Ok(json_op!(async move { c.stop_broadcast(&id).await }))
        }),
        "get_broadcast" => build(|| {
            let id = a.string(0, "broadcast_id")?;
            Ok(json_op!(async move { c.get_broadcast(&id).await }))
        }),
        "list_broadcasts" => build(|| {
            let o = ListOptions::from_json(&a.value(0))?;
            Ok(json_op!(async move { c.list_broadcasts(&o).await }))
        }),
        "set_broadcast_layout" => build(|| {
            let id = a.string(0, "broadcast_id")?;
            let l = Layout::from_json(&a.value(1))?;
            Ok(unit_op(async move { c.set_broadcast_layout(&id, &l).await }))
        }),
        "add_broadcast_stream" => build(|| {
            let id = a.string(0, "broadcast_id")?;
            let st = a.string(1, "stream_id")?;
            let t = StreamTracks::from_json(&a.value(2))?;
            Ok(unit_op(async move { c.add_broadcast_stream(&id, &st, t).await }))
        }),
        "remove_broadcast_stream" => build(|| {
            let id = a.string(0, "broadcast_id")?;
            let st = a.string(1, "stream_id")?;
            Ok(unit_op(async move { c.remove_broadcast_stream(&id, &st).await }))
        }),
        _ => return None,
    })
}
