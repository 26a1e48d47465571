//! Streams: `get_stream`, `list_streams`, `set_stream_class_lists`.

use opentok::StreamClassList;
use serde_json::Value;

use crate::rest::{build, json_op, unit_op, Args, Op};

/// `[{"id": ..., "layoutClassList": [...]}, ...]` as the core's items (the core reads the shape;
/// `payload` is the official Python parameter name).
fn class_lists(v: &Value) -> opentok::Result<Vec<StreamClassList>> {
    StreamClassList::list_from_json("payload", v)
}

/// Starts stream operation `name`, or `None` when it is not one.
pub(crate) fn op(name: &str, c: &opentok::Client, a: &Args) -> Option<opentok::Result<Op>> {
    let c = c.clone();
    Some(match name {
        "get_stream" => build(|| {
            let sid = a.string(0, "session_id")?;
            let st = a.string(1, "stream_id")?;
            Ok(json_op!(async move { c.get_stream(&sid, &st).await }))
        }),
        "list_streams" => build(|| {
            let sid = a.string(0, "session_id")?;
            Ok(json_op!(async move { c.list_streams(&sid).await }))
        }),
        "set_stream_class_lists" => build(|| {
            let sid = a.string(0, "session_id")?;
            let items = class_lists(&a.value(1))?;
            Ok(unit_op(async move { c.set_stream_class_lists(&sid, &items).await }))
        }),
        _ => return None,
    })
}
