//! SIP: the core's `sip.rs` operations.

use std::collections::HashMap;

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

/// Custom SIP headers given as the text of a JSON object (`{"X-Room": "42"}`, as the official
/// Java SDK's `headersJsonStartingWithXDash` takes them), read by the core's `sip.headers` rules.
#[uniffi::export]
pub fn sip_headers_from_json(json: String) -> crate::error::Result<HashMap<String, String>> {
    let headers: serde_json::Value = serde_json::from_str(&json)
        .map_err(|e| opentok::Error::invalid("sip.headers", format!("must be a JSON object ({e})"), &json))?;
    Ok(SipDialOptions::from_json(&serde_json::json!({ "headers": headers }))?.headers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NativeError;

    #[test]
    fn sip_headers_json_is_read_by_the_core() {
        let h = sip_headers_from_json(r#"{"X-Room": "42"}"#.into()).unwrap();
        assert_eq!(h.get("X-Room").map(String::as_str), Some("42"));
        for bad in ["not json", "[1]", r#"{"X-Room": 42}"#] {
            match sip_headers_from_json(bad.into()) {
                Err(NativeError::InvalidArgument { field, .. }) => {
                    assert!(field.as_deref().unwrap_or("").starts_with("sip.headers"), "{bad}: {field:?}")
                }
                other => panic!("{bad}: expected InvalidArgument, got {other:?}"),
            }
        }
    }
}
