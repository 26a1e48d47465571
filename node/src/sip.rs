//! SIP interconnect: `dial` and `playDTMF`.

use napi_derive::napi;
use opentok::SipDialOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::error::{NativeError, Outcome};
use crate::rest::{model, options, try_outcome, unit_outcome, Model};

#[napi]
impl NativeClient {
    /// `POST /dial`; `options` is `{from, headers, auth, secure, video, observeForceMute, streams}`.
    #[napi]
    pub async fn dial(&self, session_id: String, token: String, sip_uri: String, options_: Option<Value>) -> Outcome<Model> {
        let o = try_outcome!(options(options_, SipDialOptions::from_json));
        model(self.core().dial(&session_id, &token, &sip_uri, &o).await)
    }

    /// `POST /session/{sid}[/connection/{cid}]/play-dtmf`.
    #[napi]
    pub async fn play_dtmf(&self, session_id: String, connection_id: Option<String>, digits: String) -> Option<NativeError> {
        unit_outcome(self.core().play_dtmf(&session_id, connection_id.as_deref(), &digits).await)
    }
}
