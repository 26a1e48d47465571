//! Audio Connector: `websocketConnect` and `stopAudioConnector`.

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use opentok::AudioConnectorOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{model, options, try_outcome, unit_outcome};
use crate::task::spawn;

#[napi]
impl NativeClient {
    /// `POST /connect`; `options` is `{uri, streams, headers, audioRate, bidirectional, audioTransport}`.
    #[napi(ts_return_type = "Promise<Outcome<Model>>")]
    pub fn connect_audio<'env>(
        &self,
        env: &'env Env,
        session_id: String,
        token: String,
        options_: Option<Value>,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let o = try_outcome!(options(options_, AudioConnectorOptions::from_json));
            model(client.connect_audio(&session_id, &token, &o).await)
        })
    }

    /// `POST /connect/{id}/stop`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn stop_audio_connector<'env>(&self, env: &'env Env, connector_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { unit_outcome(client.stop_audio_connector(&connector_id).await) })
    }
}
