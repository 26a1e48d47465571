//! Connections: `list_connections` (new: the official Python SDK has no such method).

use crate::rest::{build, json_op, Args, Op};

/// Starts connection operation `name`, or `None` when it is not one.
pub(crate) fn op(name: &str, c: &opentok::Client, a: &Args) -> Option<opentok::Result<Op>> {
    let c = c.clone();
    Some(match name {
        "list_connections" => build(|| {
            let sid = a.string(0, "session_id")?;
            Ok(json_op!(async move { c.list_connections(&sid).await }))
        }),
        _ => return None,
    })
}
