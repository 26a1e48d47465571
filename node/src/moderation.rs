//! Moderation: `forceDisconnect`, `forceMuteStream`, `forceMuteAll`, `disableForceMute`.

use opentok::MuteAllOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{options, rest_operations};

rest_operations! {
    /// `DELETE /session/{sid}/connection/{cid}`.
    unit fn force_disconnect(session_id: String, connection_id: String) = |c| async move {
        c.force_disconnect(&session_id, &connection_id).await
    };
    /// `POST /session/{sid}/stream/{streamId}/mute`.
    unit fn mute_stream(session_id: String, stream_id: String) = |c| async move { c.mute_stream(&session_id, &stream_id).await };
    /// `POST /session/{sid}/mute` `{active: true, excludedStreamIds}`; `options` is
    /// `{excludedStreamIds}` (the core also reads `excludedStreams`).
    unit fn mute_all(session_id: String, options_: Option<Value>) = |c| async move {
        c.mute_all(&session_id, &options(options_, MuteAllOptions::from_json)?).await
    };
    /// `POST /session/{sid}/mute` `{active: false}`.
    unit fn disable_force_mute(session_id: String) = |c| async move { c.disable_force_mute(&session_id).await };
}
