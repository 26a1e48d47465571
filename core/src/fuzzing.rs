//! Not API: the parsers of outside bytes that are crate-private, reachable for the fuzz / property
//! harness (`core/tests/fuzz.rs`, `docs/fuzzing.md`) without a server. Each call goes through the
//! same function the client uses (`rest::read_model`: serde from the body, then settle and the
//! identity check; `session::parse_created` for `/session/create`).

use crate::rest::read_model;

/// The response models a REST call reads, by name (the first argument of [`read_response`]).
pub const MODELS: &[&str] = &[
    "session",
    "archive",
    "archive_list",
    "audio_connection",
    "broadcast",
    "broadcast_list",
    "callback",
    "callback_list",
    "captions",
    "caption_status",
    "connection_list",
    "render",
    "render_list",
    "sip_call",
    "stream",
    "stream_list",
];

/// Reads `body` as the answer of the model `model` (one of [`MODELS`]) exactly as the client
/// does; the settled model's `Debug` text, or the client's complaint. `None` for an unknown name.
pub fn read_response(model: &str, body: &str) -> Option<Result<String, String>> {
    fn read<T: serde::de::DeserializeOwned + crate::rest::Settle + std::fmt::Debug>(body: &str) -> Result<String, String> {
        read_model::<T>(body).map(|m| format!("{m:?}"))
    }
    Some(match model {
        "session" => crate::session::parse_created(body).map(|c| format!("{c:?}")),
        "archive" => read::<crate::Archive>(body),
        "archive_list" => read::<crate::ArchiveList>(body),
        "audio_connection" => read::<crate::AudioConnection>(body),
        "broadcast" => read::<crate::Broadcast>(body),
        "broadcast_list" => read::<crate::BroadcastList>(body),
        "callback" => read::<crate::Callback>(body),
        "callback_list" => read::<crate::callback::CallbackListWire>(body),
        "captions" => read::<crate::Captions>(body),
        "caption_status" => read::<crate::CaptionStatus>(body),
        "connection_list" => read::<crate::ConnectionList>(body),
        "render" => read::<crate::Render>(body),
        "render_list" => read::<crate::RenderList>(body),
        "sip_call" => read::<crate::SipCall>(body),
        "stream" => read::<crate::Stream>(body),
        "stream_list" => read::<crate::StreamList>(body),
        _ => return None,
    })
}
