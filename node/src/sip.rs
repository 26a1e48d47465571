//! SIP: `dial`, `playDTMF`.

use opentok::SipDialOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{options, rest_operations};

rest_operations! {
    /// `POST /dial`; `options` is `{from, headers, auth, secure, video, observeForceMute, streams}`.
    model fn dial(session_id: String, token: String, sip_uri: String, options_: Option<Value>) = |c| async move {
        c.dial(&session_id, &token, &sip_uri, &options(options_, SipDialOptions::from_json)?).await
    };
    /// `POST /session/{sid}[/connection/{cid}]/play-dtmf`.
    unit fn play_dtmf(session_id: String, connection_id: Option<String>, digits: String) = |c| async move {
        c.play_dtmf(&session_id, connection_id.as_deref(), &digits).await
    };
}
