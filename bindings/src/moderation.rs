//! Moderation: the core's `moderation.rs` operations.

use opentok::MuteAllOptions;

use crate::client::Client;
use crate::rest::rest_operations;

rest_operations! {
    /// Disconnects a client (`DELETE /session/{sessionId}/connection/{connectionId}`).
    fn force_disconnect / force_disconnect_blocking(session_id: String, connection_id: String) -> () =
        |c| c.force_disconnect(&session_id, &connection_id);
    /// Mutes one stream (`POST /session/{sessionId}/stream/{streamId}/mute`).
    fn mute_stream / mute_stream_blocking(session_id: String, stream_id: String) -> () = |c| c.mute_stream(&session_id, &stream_id);
    /// Mutes every stream but the excluded ones, and later publishers (`POST /session/{sessionId}/mute`).
    fn mute_all / mute_all_blocking(session_id: String, options: MuteAllOptions) -> () = |c| c.mute_all(&session_id, &options);
    /// Ends the mute-all state (`POST /session/{sessionId}/mute` with `active: false`).
    fn disable_force_mute / disable_force_mute_blocking(session_id: String) -> () = |c| c.disable_force_mute(&session_id);
}
