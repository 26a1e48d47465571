//! Audio Connector: `connect_audio_to_websocket` and `stop_audio_connector` (new).

use opentok::AudioConnectorOptions;

use crate::rest::{build, json_op, unit_op, Args, Op};

/// Starts Audio Connector operation `name`, or `None` when it is not one.
pub(crate) fn op(name: &str, c: &opentok::Client, a: &Args) -> Option<opentok::Result<Op>> {
    let c = c.clone();
    Some(match name {
        "connect_audio_to_websocket" => build(|| {
            let sid = a.string(0, "session_id")?;
            let token = a.string(1, "opentok_token")?;
            let o = AudioConnectorOptions::from_json(&a.value(2))?;
            Ok(json_op!(async move { c.connect_audio(&sid, &token, &o).await }))
        }),
        "stop_audio_connector" => build(|| {
            let id = a.string(0, "connector_id")?;
            Ok(unit_op(async move { c.stop_audio_connector(&id).await }))
        }),
        _ => return None,
    })
}
