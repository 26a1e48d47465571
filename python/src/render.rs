//! Experience Composer renders: `start_render`, `get_render`, `stop_render`, `list_renders`.

use opentok::{ListOptions, RenderOptions};

use crate::rest::{build, json_op, unit_op, Args, Op};

/// Starts render operation `name`, or `None` when it is not one.
pub(crate) fn op(name: &str, c: &opentok::Client, a: &Args) -> Option<opentok::Result<Op>> {
    let c = c.clone();
    Some(match name {
        "start_render" => build(|| {
            let sid = a.string(0, "session_id")?;
            let token = a.string(1, "opentok_token")?;
            let o = RenderOptions::from_json(&a.value(2))?;
            Ok(json_op!(async move { c.start_render(&sid, &token, &o).await }))
        }),
        "get_render" => build(|| {
            let id = a.string(0, "render_id")?;
            Ok(json_op!(async move { c.get_render(&id).await }))
        }),
        "stop_render" => build(|| {
            let id = a.string(0, "render_id")?;
            Ok(unit_op(async move { c.stop_render(&id).await }))
        }),
        "list_renders" => build(|| {
            let o = ListOptions::from_json(&a.value(0))?;
            Ok(json_op!(async move { c.list_renders(&o).await }))
        }),
        _ => return None,
    })
}
