//! `SessionId`: the core's parser of opaque session ids.

use napi_derive::napi;
use opentok::SessionId;

use crate::error::{outcome, Outcome};

/// A parsed session id.
#[napi(object)]
pub struct SessionIdInfo {
    /// The id as given.
    pub session_id: String,
    /// The prefix before `_` (`"1"`, `"2"`).
    pub prefix: String,
    /// The API key or application id it belongs to.
    pub api_key: String,
    /// The location hint, if any.
    pub location: Option<String>,
    /// The raw create-time field (old ids: date text; new ids: epoch milliseconds).
    pub create_time_field: String,
    /// Creation time in epoch milliseconds, when the field holds one.
    pub created_at_ms: Option<i64>,
    /// Every `~`-separated field.
    pub fields: Vec<String>,
}

impl From<SessionId> for SessionIdInfo {
    fn from(s: SessionId) -> Self {
        SessionIdInfo {
            session_id: s.as_str().to_string(),
            prefix: s.prefix().to_string(),
            api_key: s.api_key().to_string(),
            location: s.location().map(str::to_string),
            create_time_field: s.create_time_field().to_string(),
            created_at_ms: s.created_at_ms(),
            fields: s.fields().to_vec(),
        }
    }
}

/// Parses a session id.
#[napi(catch_unwind)]
pub fn parse_session_id(session_id: String) -> Outcome<SessionIdInfo> {
    outcome(SessionId::parse(&session_id), SessionIdInfo::from)
}

/// Whether a session id belongs to an API key or application id (the core's ownership rule).
#[napi(catch_unwind)]
pub fn session_id_belongs_to(session_id: String, api_key: String) -> Outcome<bool> {
    outcome(SessionId::parse(&session_id), |s| s.belongs_to(&api_key))
}

/// Mints a session id in the service's format (for tests and tools).
#[napi(catch_unwind)]
pub fn mint_session_id(api_key: String, location: Option<String>, created_at_ms: i64, random: String, flag: String) -> String {
    SessionId::mint(&api_key, location.as_deref(), created_at_ms, &random, &flag).as_str().to_string()
}
