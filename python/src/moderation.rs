//! Moderation: `force_disconnect`, `mute_stream`, `mute_all`, `disable_force_mute`.

use opentok::MuteAllOptions;

use crate::rest::{build, unit_op, Args, Op};

/// Starts moderation operation `name`, or `None` when it is not one.
pub(crate) fn op(name: &str, c: &opentok::Client, a: &Args) -> Option<opentok::Result<Op>> {
    let c = c.clone();
    Some(match name {
        "force_disconnect" => build(|| {
            let sid = a.string(0, "session_id")?;
            let cid = a.string(1, "connection_id")?;
            Ok(unit_op(async move { c.force_disconnect(&sid, &cid).await }))
        }),
        "mute_stream" => build(|| {
            let sid = a.string(0, "session_id")?;
            let st = a.string(1, "stream_id")?;
            Ok(unit_op(async move { c.mute_stream(&sid, &st).await }))
        }),
        "mute_all" => build(|| {
            let sid = a.string(0, "session_id")?;
            let o = MuteAllOptions::from_json(&a.value(1))?;
            Ok(unit_op(async move { c.mute_all(&sid, &o).await }))
        }),
        "disable_force_mute" => build(|| {
            let sid = a.string(0, "session_id")?;
            Ok(unit_op(async move { c.disable_force_mute(&sid).await }))
        }),
        _ => return None,
    })
}
