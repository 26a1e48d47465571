//! Audio Connector: `websocketConnect` and `stopAudioConnector`.

use napi_derive::napi;
use opentok::AudioConnectorOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::error::{NativeError, Outcome};
use crate::rest::{model, options, try_outcome, unit_outcome, Model};

#[napi]
impl NativeClient {
    /// `POST /connect`; `options` is `{uri, streams, headers, audioRate, bidirectional, audioTransport}`.
    #[napi]
    pub async fn connect_audio(&self, session_id: String, token: String, options_: Option<Value>) -> Outcome<Model> {
        let o = try_outcome!(options(options_, AudioConnectorOptions::from_json));
        model(self.core().connect_audio(&session_id, &token, &o).await)
    }

    /// `POST /connect/{id}/stop`.
    #[napi]
    pub async fn stop_audio_connector(&self, connector_id: String) -> Option<NativeError> {
        unit_outcome(self.core().stop_audio_connector(&connector_id).await)
    }
}
