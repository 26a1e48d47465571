//! SIP: the core's `sip.rs` operations.

use opentok::{SipCall, SipDialOptions};

use crate::client::Client;
use crate::rest::rest_operations;

rest_operations! {
    /// Dials a SIP endpoint into a session (`POST /dial`).
    fn dial / dial_blocking(session_id: String, token: String, sip_uri: String, options: SipDialOptions) -> SipCall =
        |c| c.dial(&session_id, &token, &sip_uri, &options);
    /// Plays DTMF digits to every SIP participant, or to one connection (`POST .../play-dtmf`).
    fn play_dtmf / play_dtmf_blocking(session_id: String, connection_id: Option<String>, digits: String) -> () =
        |c| c.play_dtmf(&session_id, connection_id.as_deref(), &digits);
}
