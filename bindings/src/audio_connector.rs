//! Audio Connector: the core's `audio_connector.rs` operations.

use opentok::{AudioConnection, AudioConnectorOptions};

use crate::client::Client;
use crate::rest::rest_operations;

rest_operations! {
    /// Streams a session's audio to a WebSocket (`POST /connect`).
    fn connect_audio / connect_audio_blocking(session_id: String, token: String, options: AudioConnectorOptions) -> AudioConnection =
        |c| c.connect_audio(&session_id, &token, &options);
    /// Stops an Audio Connector (`POST /connect/{id}/stop`).
    fn stop_audio_connector / stop_audio_connector_blocking(connector_id: String) -> () = |c| c.stop_audio_connector(&connector_id);
}
