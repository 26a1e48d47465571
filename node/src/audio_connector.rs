//! Audio Connector: `websocketConnect` and `stopAudioConnector`.

use opentok::AudioConnectorOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{options, rest_operations};

rest_operations! {
    /// `POST /connect`; `options` is `{uri, streams, headers, audioRate, bidirectional, audioTransport}`.
    model fn connect_audio(session_id: String, token: String, options_: Option<Value>) = |c| async move {
        c.connect_audio(&session_id, &token, &options(options_, AudioConnectorOptions::from_json)?).await
    };
    /// `POST /connect/{id}/stop`.
    unit fn stop_audio_connector(connector_id: String) = |c| async move { c.stop_audio_connector(&connector_id).await };
}
