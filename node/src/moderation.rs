//! Moderation: `forceDisconnect`, `forceMuteStream`, `forceMuteAll`, `disableForceMute`.

use napi_derive::napi;
use opentok::MuteAllOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::error::NativeError;
use crate::rest::{options, try_unit, unit_outcome};

#[napi]
impl NativeClient {
    /// `DELETE /session/{sid}/connection/{cid}`.
    #[napi]
    pub async fn force_disconnect(&self, session_id: String, connection_id: String) -> Option<NativeError> {
        unit_outcome(self.core().force_disconnect(&session_id, &connection_id).await)
    }

    /// `POST /session/{sid}/stream/{streamId}/mute`.
    #[napi]
    pub async fn mute_stream(&self, session_id: String, stream_id: String) -> Option<NativeError> {
        unit_outcome(self.core().mute_stream(&session_id, &stream_id).await)
    }

    /// `POST /session/{sid}/mute` `{active: true, excludedStreamIds}`; `options` is
    /// `{excludedStreamIds}` (the core also reads `excludedStreams`).
    #[napi]
    pub async fn mute_all(&self, session_id: String, options_: Option<Value>) -> Option<NativeError> {
        let o = try_unit!(options(options_, MuteAllOptions::from_json));
        unit_outcome(self.core().mute_all(&session_id, &o).await)
    }

    /// `POST /session/{sid}/mute` `{active: false}`.
    #[napi]
    pub async fn disable_force_mute(&self, session_id: String) -> Option<NativeError> {
        unit_outcome(self.core().disable_force_mute(&session_id).await)
    }
}
