//! Streams: `get_stream`, `list_streams`, `set_stream_class_lists`.

use opentok::StreamClassList;
use serde_json::Value;

use crate::rest::{build, json_op, unit_op, Args, Json, Op};

/// `[{"id": ..., "layoutClassList": [...]}, ...]` (also `layout_class_list`) as the core's items.
/// Only the shape is read here; the core checks the rules (at least one item, class names).
fn class_lists(v: &Value) -> opentok::Result<Vec<StreamClassList>> {
    let bad = |field: &str, rule: &str, v: &Value| opentok::Error::invalid(field, rule, Json(v));
    let Value::Array(items) = v else {
        return Err(bad(
            "payload",
            "must be a list of {\"id\", \"layoutClassList\"} dicts",
            v,
        ));
    };
    items
        .iter()
        .map(|item| {
            let Value::Object(m) = item else {
                return Err(bad(
                    "payload",
                    "items must be {\"id\", \"layoutClassList\"} dicts",
                    item,
                ));
            };
            let mut id = None;
            let mut classes = None;
            for (k, x) in m {
                match k.as_str() {
                    "id" => id = Some(x),
                    "layoutClassList" | "layout_class_list" => classes = Some(x),
                    _ => {
                        return Err(bad(
                            &format!("payload.{k}"),
                            "is not a known option",
                            &Value::String(k.clone()),
                        ))
                    }
                }
            }
            let id = match id {
                Some(Value::String(s)) => s.clone(),
                other => {
                    return Err(bad(
                        "payload.id",
                        "must be a stream id string",
                        other.unwrap_or(&Value::Null),
                    ))
                }
            };
            let classes = match classes {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(a)) => a
                    .iter()
                    .map(|c| {
                        c.as_str().map(str::to_string).ok_or_else(|| {
                            bad("payload.layoutClassList", "must be a list of strings", c)
                        })
                    })
                    .collect::<opentok::Result<Vec<_>>>()?,
                Some(other) => {
                    return Err(bad(
                        "payload.layoutClassList",
                        "must be a list of strings",
                        other,
                    ))
                }
            };
            Ok(StreamClassList {
                id,
                layout_class_list: classes,
            })
        })
        .collect()
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
            Ok(unit_op(async move {
                c.set_stream_class_lists(&sid, &items).await
            }))
        }),
        _ => return None,
    })
}
