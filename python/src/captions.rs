//! Live captions: `start_captions`, `stop_captions`, `get_captions` (new).

use opentok::CaptionOptions;

use crate::rest::{build, json_op, unit_op, Args, Op};

/// Starts captions operation `name`, or `None` when it is not one.
pub(crate) fn op(name: &str, c: &opentok::Client, a: &Args) -> Option<opentok::Result<Op>> {
    let c = c.clone();
    Some(match name {
        "start_captions" => build(|| {
            let sid = a.string(0, "session_id")?;
            let token = a.string(1, "opentok_token")?;
            let o = CaptionOptions::from_json(&a.value(2))?;
            Ok(json_op!(async move { c.start_captions(&sid, &token, &o).await }))
        }),
        "stop_captions" => build(|| {
            let id = a.string(0, "captions_id")?;
            Ok(unit_op(async move { c.stop_captions(&id).await }))
        }),
        "get_captions" => build(|| {
            let id = a.string(0, "captions_id")?;
            Ok(json_op!(async move { c.get_captions(&id).await }))
        }),
        _ => return None,
    })
}
