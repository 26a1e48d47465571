//! The service's own participants in a session: a SIP call dialled out (a connection that
//! publishes an audio stream, with its call events) and the Audio Connector (a connection that
//! streams the session's audio to a WebSocket). Each takes the state-machine lock.

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::sim::connections::{self, reasons, service_connection, SipCallDoc};
use crate::sim::events::{self, emit};
use crate::sim::recordings;
use crate::sim::resources::{owned, uuid_v4, Document, Stored};
use crate::sim::sessions::routed_session;
use crate::state::AppState;

/// Resource kind of Audio Connector connections (parent: its connection).
pub const AUDIO_KIND: &str = "audio_connector";

/// What a SIP dial asks for (`sip` of the body, checked by the route).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SipDial {
    /// `sip:` or `sips:` URI.
    pub uri: String,
    /// The caller shown.
    pub from: Option<String>,
    /// TLS/SRTP.
    pub secure: bool,
    /// Video too.
    pub video: bool,
    /// Force mute reaches the SIP side.
    pub observe_force_mute: bool,
    /// Streams the call hears (all when empty).
    pub streams: Vec<String>,
}

/// The state of an Audio Connector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AudioStatus {
    /// Streaming to the WebSocket.
    Connected,
    /// Stopped; its connection left.
    Stopped,
}

/// What an Audio Connector request asks for (`websocket` of the body, checked by the route).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AudioRequest {
    /// `ws://` or `wss://` URI.
    pub uri: String,
    /// Streams sent (all when empty).
    pub streams: Vec<String>,
    /// Headers for the WebSocket (`null` without any).
    pub headers: Option<Map<String, Value>>,
    /// 8000, 16000 or 24000.
    pub audio_rate: u32,
    /// Audio back into the session too.
    pub bidirectional: bool,
    /// The framing asked for (`null` without one).
    pub audio_transport: Option<Map<String, Value>>,
}

/// An Audio Connector as stored and shown by the emulator API: the request, plus its
/// connection and state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AudioDoc {
    /// What was asked.
    #[serde(flatten)]
    pub request: AudioRequest,
    /// Its id.
    pub id: String,
    /// Its connection in the session.
    pub connection_id: String,
    /// Its session.
    pub session_id: String,
    /// Current state.
    pub status: AudioStatus,
    /// Connect time, unix ms of the simulated clock.
    pub created_at: i64,
}

impl Document for AudioDoc {
    const KIND: &'static str = AUDIO_KIND;
}

/// Dials out: a SIP participant joins the session with `token` (`connectionCreated`), publishes
/// its audio stream (`streamCreated`), and the call is recorded (`callCreated`); gives the
/// stored call. Takes the state-machine lock.
pub fn dial(state: &AppState, project_id: &str, session_id: &str, token: &str, call: SipDial) -> Result<SipCallDoc, ApiError> {
    let _guard = state.ops_lock();
    let session = routed_session(state, project_id, session_id, "SIP dial")?;
    let conn = service_connection(state, &session, token, "sip")?;
    let mut props = Map::new();
    props.insert("name".into(), json!(call.from.as_deref().unwrap_or("SIP")));
    props.insert("hasVideo".into(), json!(call.video));
    let stream = recordings::publish(state, session_id, &conn.connection_id, &props)?;
    let id = uuid_v4()?;
    let doc = SipCallDoc {
        id: id.clone(),
        uri: call.uri,
        from: call.from,
        secure: call.secure,
        video: call.video,
        observe_force_mute: call.observe_force_mute,
        streams: call.streams,
        connection_id: conn.connection_id.clone(),
        stream_id: stream.id,
        session_id: session_id.into(),
        created_at: state.now_ms(),
    };
    Stored::new(&id, project_id, Some(session_id), Some(&conn.connection_id), doc.clone()).save(state)?;
    emit(state, events::sip_call(state, &conn, &doc, None))?;
    Ok(doc)
}

/// Connects the Audio Connector with `token` for `request`; gives the stored document
/// (`status: connected`). Takes the state-machine lock.
pub fn connect_audio(
    state: &AppState,
    project_id: &str,
    session_id: &str,
    token: &str,
    request: AudioRequest,
) -> Result<AudioDoc, ApiError> {
    let _guard = state.ops_lock();
    let session = routed_session(state, project_id, session_id, "the Audio Connector")?;
    let conn = service_connection(state, &session, token, "audio-connector")?;
    let id = uuid_v4()?;
    let doc = AudioDoc {
        request,
        id: id.clone(),
        connection_id: conn.connection_id.clone(),
        session_id: session_id.into(),
        status: AudioStatus::Connected,
        created_at: state.now_ms(),
    };
    Stored::new(&id, project_id, Some(session_id), Some(&conn.connection_id), doc.clone()).save(state)?;
    Ok(doc)
}

/// Stops an Audio Connector: its connection leaves (409 when already stopped).
pub fn stop_audio(state: &AppState, project_id: &str, id: &str) -> Result<(), ApiError> {
    let _guard = state.ops_lock();
    let mut r = owned::<AudioDoc>(state, id, project_id)?;
    if r.doc.status != AudioStatus::Connected {
        return Err(ApiError::new(StatusCode::CONFLICT, "not_connected", format!("Audio Connector {id} is already stopped")));
    }
    connections::disconnect(state, &r.doc.session_id, &r.doc.connection_id, reasons::FORCED)?;
    r.doc.status = AudioStatus::Stopped;
    r.save(state)?;
    Ok(())
}
