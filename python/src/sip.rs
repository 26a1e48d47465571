//! SIP: `dial` and `play_dtmf` (to a session or one connection).

use opentok::SipDialOptions;

use crate::rest::{build, json_op, unit_op, Args, Op};

/// Starts SIP operation `name`, or `None` when it is not one.
pub(crate) fn op(name: &str, c: &opentok::Client, a: &Args) -> Option<opentok::Result<Op>> {
    let c = c.clone();
    Some(match name {
        "dial" => build(|| {
            let sid = a.string(0, "session_id")?;
            let token = a.string(1, "token")?;
            let uri = a.string(2, "sip_uri")?;
            let o = SipDialOptions::from_json(&a.value(3))?;
            Ok(json_op!(async move { c.dial(&sid, &token, &uri, &o).await }))
        }),
        "play_dtmf" => build(|| {
            let sid = a.string(0, "session_id")?;
            let cid = a.opt_string(1, "connection_id")?.filter(|s| !s.is_empty());
            let digits = a.string(2, "digits")?;
            Ok(unit_op(async move { c.play_dtmf(&sid, cid.as_deref(), &digits).await }))
        }),
        _ => return None,
    })
}
