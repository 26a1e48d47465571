//! Signaling: `send_signal` (and the deprecated `signal`), to a session or one connection.

use opentok::Signal;

use crate::rest::{build, unit_op, Args, Op};

/// Starts signaling operation `name`, or `None` when it is not one.
pub(crate) fn op(name: &str, c: &opentok::Client, a: &Args) -> Option<opentok::Result<Op>> {
    let c = c.clone();
    Some(match name {
        "send_signal" => build(|| {
            let sid = a.string(0, "session_id")?;
            let s = Signal::from_json(&a.value(1))?;
            let cid = a.opt_string(2, "connection_id")?;
            Ok(unit_op(async move { c.signal(&sid, cid.as_deref(), &s).await }))
        }),
        _ => return None,
    })
}
