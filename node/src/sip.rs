//! SIP interconnect: `dial` and `playDTMF`.

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use opentok::SipDialOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{model, options, try_outcome, unit_outcome};
use crate::task::spawn;

#[napi]
impl NativeClient {
    /// `POST /dial`; `options` is `{from, headers, auth, secure, video, observeForceMute, streams}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn dial<'env>(
        &self,
        env: &'env Env,
        session_id: String,
        token: String,
        sip_uri: String,
        options_: Option<Value>,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let o = try_outcome!(options(options_, SipDialOptions::from_json));
            model(client.dial(&session_id, &token, &sip_uri, &o).await)
        })
    }

    /// `POST /session/{sid}[/connection/{cid}]/play-dtmf`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn play_dtmf<'env>(
        &self,
        env: &'env Env,
        session_id: String,
        connection_id: Option<String>,
        digits: String,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { unit_outcome(client.play_dtmf(&session_id, connection_id.as_deref(), &digits).await) })
    }
}
