//! Connections and streams: simulated clients connect with a token (checked as the service
//! does, expiry against the simulated clock), the service's own participants (SIP, Experience
//! Composer, Audio Connector) join the same way, connections publish and unpublish streams,
//! and leave. Each change emits its session-monitoring event. Callers hold the state-machine
//! lock ([`AppState::ops_lock`]).

use std::str::FromStr;

use axum::http::StatusCode;
use opentok::{DecodedToken, Role};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::fields::{opt_bool, opt_str, opt_str_list};
use crate::sim::events::{self, emit};
use crate::sim::resources::{find, list, uuid_v4, Document, Stored};
use crate::sim::sessions::require_session;
use crate::state::AppState;
use crate::store::{ConnectionRecord, SessionRecord};

/// Resource kind of streams in the store (parent: the publishing connection).
pub const STREAM_KIND: &str = "stream";
/// Resource kind of a session's mute-all state (id: the session id; see
/// [`crate::sim::moderation`]).
pub const MUTE_KIND: &str = "mute";
/// Resource kind of SIP calls (parent: the SIP participant's connection).
pub const SIP_KIND: &str = "sip";

/// A stream as stored (the emulator API shows it whole; the REST API as the core's
/// [`opentok::Stream`], [`StreamDoc::to_model`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StreamDoc {
    /// Stream id.
    pub id: String,
    /// Its session.
    pub session_id: String,
    /// The publishing connection.
    pub connection_id: String,
    /// Name given by the publisher (empty without one).
    pub name: String,
    /// `camera`, `screen` or `custom`.
    pub video_type: String,
    /// Layout classes.
    pub layout_class_list: Vec<String>,
    /// Whether it publishes audio.
    pub has_audio: bool,
    /// Whether it publishes video.
    pub has_video: bool,
    /// Whether a moderator force-muted it.
    pub force_muted: bool,
    /// Publish time, unix ms of the simulated clock.
    pub created_at: i64,
}

impl Document for StreamDoc {
    const KIND: &'static str = STREAM_KIND;
}

impl StreamDoc {
    /// The stream as the REST API shows it.
    pub fn to_model(&self) -> opentok::Stream {
        opentok::Stream {
            id: self.id.clone(),
            video_type: Some(self.video_type.clone()),
            name: Some(self.name.clone()),
            layout_class_list: self.layout_class_list.clone(),
            force_muted: Some(self.force_muted),
        }
    }
}

/// A session's mute-all state as stored (id: the session id) and shown by the emulator API.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MuteDoc {
    /// Whether streams published from now on are muted.
    pub active: bool,
    /// Streams the mute-all left alone (absent until a mute-all is set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_stream_ids: Option<Vec<String>>,
}

impl Document for MuteDoc {
    const KIND: &'static str = MUTE_KIND;
}

/// A SIP call dialled out, as stored (its participant is the parent connection): what the dial
/// asked for, and the connection and stream it made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SipCallDoc {
    /// SIP call id.
    pub id: String,
    /// The SIP URI dialled.
    pub uri: String,
    /// The caller shown (`from`).
    pub from: Option<String>,
    /// TLS/SRTP.
    pub secure: bool,
    /// Whether the call has video.
    pub video: bool,
    /// Whether force mute reaches the SIP side.
    pub observe_force_mute: bool,
    /// Streams the call hears (all when empty).
    pub streams: Vec<String>,
    /// The SIP participant's connection.
    pub connection_id: String,
    /// Its audio stream.
    pub stream_id: String,
    /// Its session.
    pub session_id: String,
    /// Dial time, unix ms of the simulated clock.
    pub created_at: i64,
}

impl Document for SipCallDoc {
    const KIND: &'static str = SIP_KIND;
}

/// Why a connection left or a stream ended, as session monitoring says it.
pub mod reasons {
    /// The client disconnected or unpublished.
    pub const CLIENT: &str = "clientDisconnected";
    /// A moderator (REST force disconnect) or the service removed it.
    pub const FORCED: &str = "forceDisconnected";
}

/// Connects a simulated client to `session_id` with `token` (`session.connect()` after the
/// service checked the token).
pub fn connect(state: &AppState, session_id: &str, token: &str) -> Result<ConnectionRecord, ApiError> {
    let session = require_session(state, session_id)?;
    let decoded = verify_connect_token(state, &session, token)?;
    let role = Role::from_str(decoded.role.as_deref().unwrap_or("publisher"))
        .map_err(|e| ApiError::forbidden("bad_role", format!("token refused: {e}")))?;
    let record = ConnectionRecord {
        connection_id: uuid_v4()?,
        session_id: session.session_id.clone(),
        project_id: session.project_id.clone(),
        role: role.as_str().to_string(),
        data: decoded.connection_data.clone(),
        token_format: decoded.format.as_str().to_ascii_lowercase(),
        created_at_ms: state.now_ms(),
    };
    joined(state, record)
}

/// Adds a connection made by the service itself (SIP, render, Audio Connector) with `token`,
/// verified as a client's would be; `data` when the token has no connection data.
pub fn service_connection(
    state: &AppState,
    session: &SessionRecord,
    token: &str,
    data: &str,
) -> Result<ConnectionRecord, ApiError> {
    let decoded = verify_connect_token(state, session, token)?;
    let record = ConnectionRecord {
        connection_id: uuid_v4()?,
        session_id: session.session_id.clone(),
        project_id: session.project_id.clone(),
        role: decoded.role.clone().unwrap_or_else(|| "publisher".into()),
        data: Some(decoded.connection_data.clone().unwrap_or_else(|| data.to_string())),
        token_format: decoded.format.as_str().to_ascii_lowercase(),
        created_at_ms: state.now_ms(),
    };
    joined(state, record)
}

fn joined(state: &AppState, record: ConnectionRecord) -> Result<ConnectionRecord, ApiError> {
    state.store().insert_connection(&record)?;
    emit(state, events::connection_created(state, &record))?;
    Ok(record)
}

/// Checks a client token as the service does before `session.connect()` succeeds: the core
/// verifies signature and expiry (against the simulated clock); the token must name this
/// session and the session's project.
pub fn verify_connect_token(state: &AppState, session: &SessionRecord, token: &str) -> Result<DecodedToken, ApiError> {
    let unverified = opentok::decode_token(token).map_err(|e| refuse(&e))?;
    let owner = unverified.project_id.clone().ok_or_else(|| {
        ApiError::forbidden("malformed", "token refused: it names no project (partner_id, iss or application_id)")
    })?;
    if owner != session.project_id {
        return Err(ApiError::forbidden(
            "wrong_project",
            format!("token refused: it was minted for project {owner:?} but session belongs to project {:?}", session.project_id),
        ));
    }
    let key = state
        .registry()
        .verify_key(&owner)
        .ok_or_else(|| ApiError::forbidden("wrong_project", format!("token refused: project {owner:?} is not served here")))?;
    let decoded = opentok::verify_token_at(token, &key, state.clock().now_secs()).map_err(|e| refuse(&e))?;
    match decoded.session_id.as_deref() {
        Some(sid) if sid == session.session_id => {}
        Some(sid) => {
            return Err(ApiError::forbidden(
                "wrong_session",
                format!("token refused: it was minted for session {sid} not {}", session.session_id),
            ))
        }
        None => return Err(ApiError::forbidden("malformed", "token refused: it names no session_id")),
    }
    if let Some(scope) = decoded.claims.get("scope").and_then(|v| v.as_str()) {
        if scope != "session.connect" {
            return Err(ApiError::forbidden(
                "bad_scope",
                format!("token refused: scope is {scope:?}, must be \"session.connect\""),
            ));
        }
    }
    Ok(decoded)
}

fn refuse(e: &opentok::Error) -> ApiError {
    let mut err = ApiError::from_core(e);
    if err.status == StatusCode::BAD_REQUEST {
        // Anything unreadable in a token is a refusal of the token, not a bad request.
        err.status = StatusCode::FORBIDDEN;
        err.reason = "malformed".to_string();
    }
    err.message = format!("token refused: {}", err.message);
    err
}

/// Disconnects a connection: its streams end (`streamDestroyed`), a SIP call hangs up
/// (`callDestroyed`), then `connectionDestroyed`, each with `reason`. False when it was not
/// connected to that session.
pub fn disconnect(state: &AppState, session_id: &str, connection_id: &str, reason: &str) -> Result<bool, ApiError> {
    let Some(conn) = state.store().connection(session_id, connection_id)? else { return Ok(false) };
    let mut streams = list::<StreamDoc>(state, None, Some(session_id), Some(connection_id))?;
    streams.reverse();
    if !state.store().delete_connection(session_id, connection_id)? {
        return Ok(false);
    }
    for s in &streams {
        emit(state, events::stream_destroyed(state, &conn, &s.doc, reason))?;
    }
    for call in list::<SipCallDoc>(state, None, Some(session_id), Some(connection_id))? {
        emit(state, events::sip_call(state, &conn, &call.doc, Some(reason)))?;
    }
    emit(state, events::connection_destroyed(state, &conn, reason))?;
    Ok(true)
}

/// The connection, or 404 naming it.
pub fn require_connection(state: &AppState, session_id: &str, connection_id: &str) -> Result<ConnectionRecord, ApiError> {
    state.store().connection(session_id, connection_id)?.ok_or_else(|| {
        ApiError::not_found("not_connected", format!("connection {connection_id} is not connected to session {session_id}"))
    })
}

/// The stream of the session, or 404 naming it.
pub fn session_stream(state: &AppState, session_id: &str, stream_id: &str) -> Result<Stored<StreamDoc>, ApiError> {
    match find::<StreamDoc>(state, stream_id)? {
        Some(r) if r.session_id.as_deref() == Some(session_id) => Ok(r),
        _ => Err(ApiError::not_found("unknown_stream", format!("no stream {stream_id} in session {session_id}"))),
    }
}

/// Whether a mute-all is active for the session, and its exclusions.
pub fn mute_state(state: &AppState, session_id: &str) -> Result<Option<Vec<String>>, ApiError> {
    Ok(find::<MuteDoc>(state, session_id)?.map(|r| r.doc).filter(|m| m.active).map(|m| m.excluded_stream_ids.unwrap_or_default()))
}

/// Publishes a stream for a connection (`{name?, videoType?, layoutClassList?, hasAudio?,
/// hasVideo?}`): `streamCreated`. What publishing starts besides (the automatic archive) is
/// [`crate::sim::recordings::publish`]'s; publish through that.
pub fn publish(state: &AppState, session_id: &str, connection_id: &str, m: &Map<String, Value>) -> Result<StreamDoc, ApiError> {
    let session = require_session(state, session_id)?;
    let conn = require_connection(state, session_id, connection_id)?;
    if conn.role == "subscriber" {
        return Err(ApiError::forbidden(
            "not_publisher",
            format!("connection {connection_id} has role subscriber and cannot publish"),
        ));
    }
    let video_type = opt_str(m, "videoType")?.unwrap_or_else(|| "camera".into());
    if !matches!(video_type.as_str(), "camera" | "screen" | "custom") {
        return Err(ApiError::bad_request(
            "invalid_argument",
            format!("videoType must be camera, screen or custom (got {video_type:?})"),
        ));
    }
    let id = uuid_v4()?;
    let muted = match mute_state(state, session_id)? {
        Some(excluded) => !excluded.contains(&id),
        None => false,
    };
    let doc = StreamDoc {
        id: id.clone(),
        session_id: session_id.into(),
        connection_id: connection_id.into(),
        name: opt_str(m, "name")?.unwrap_or_default(),
        video_type,
        layout_class_list: opt_str_list(m, "layoutClassList")?,
        has_audio: opt_bool(m, "hasAudio")?.unwrap_or(true),
        has_video: opt_bool(m, "hasVideo")?.unwrap_or(true),
        force_muted: muted,
        created_at: state.now_ms(),
    };
    Stored::new(&id, &session.project_id, Some(session_id), Some(connection_id), doc.clone()).save(state)?;
    emit(state, events::stream_created(state, &conn, &doc))?;
    Ok(doc)
}

/// Unpublishes a stream of a connection (`streamDestroyed`).
pub fn unpublish(state: &AppState, session_id: &str, connection_id: &str, stream_id: &str) -> Result<(), ApiError> {
    let r = session_stream(state, session_id, stream_id)?;
    if r.parent_id.as_deref() != Some(connection_id) {
        return Err(ApiError::not_found(
            "unknown_stream",
            format!("connection {connection_id} does not publish stream {stream_id}"),
        ));
    }
    let conn = require_connection(state, session_id, connection_id)?;
    state.store().delete_resource(STREAM_KIND, stream_id)?;
    emit(state, events::stream_destroyed(state, &conn, &r.doc, reasons::CLIENT))?;
    Ok(())
}
