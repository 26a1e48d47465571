//! The service's own participants in a session: a SIP call dialled out (a connection that
//! publishes an audio stream, with its call events) and the Audio Connector (a connection that
//! streams the session's audio to a WebSocket). Each takes the state-machine lock.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::sim::connections::{self, reasons, service_connection, SIP_KIND};
use crate::sim::events::{self, emit};
use crate::sim::recordings;
use crate::sim::resources::{new_resource, owned_resource, uuid_v4};
use crate::sim::sessions::routed_session;
use crate::state::AppState;

/// Resource kind of Audio Connector connections (parent: its connection).
pub const AUDIO_KIND: &str = "audio_connector";

/// Dials out: a SIP participant joins the session with `token` (`connectionCreated`), publishes
/// its audio stream (`streamCreated`), and the call is recorded (`callCreated`). `call` holds the
/// call's fields (`uri`, `from`, `video`...); gives the stored call. Takes the state-machine lock.
pub fn dial(state: &AppState, project_id: &str, session_id: &str, token: &str, call: Value) -> Result<Value, ApiError> {
    let _guard = state.ops_lock();
    let session = routed_session(state, project_id, session_id, "SIP dial")?;
    let conn = service_connection(state, &session, token, "sip")?;
    let mut props = Map::new();
    props.insert("name".into(), json!(call["from"].as_str().unwrap_or("SIP")));
    props.insert("hasVideo".into(), json!(call["video"].as_bool().unwrap_or(false)));
    let stream = recordings::publish(state, session_id, &conn.connection_id, &props)?;
    let id = uuid_v4()?;
    let mut doc = call;
    doc["id"] = json!(id);
    doc["connectionId"] = json!(conn.connection_id);
    doc["streamId"] = stream["id"].clone();
    doc["sessionId"] = json!(session_id);
    doc["createdAt"] = json!(state.now_ms());
    state.store().put_resource(&new_resource(
        SIP_KIND,
        &id,
        project_id,
        Some(session_id),
        Some(&conn.connection_id),
        doc.clone(),
    ))?;
    emit(state, events::sip_call(state, &conn, &doc, None))?;
    Ok(doc)
}

/// Connects the Audio Connector with `token`: `request` holds what was asked (`uri`, `streams`,
/// `headers`, `audioRate`, `bidirectional`, `audioTransport`); gives the stored document
/// (`status: connected`).
pub fn connect_audio(
    state: &AppState,
    project_id: &str,
    session_id: &str,
    token: &str,
    request: Value,
) -> Result<Value, ApiError> {
    let _guard = state.ops_lock();
    let session = routed_session(state, project_id, session_id, "the Audio Connector")?;
    let conn = service_connection(state, &session, token, "audio-connector")?;
    let id = uuid_v4()?;
    let mut doc = request;
    doc["id"] = json!(id);
    doc["connectionId"] = json!(conn.connection_id);
    doc["sessionId"] = json!(session_id);
    doc["status"] = json!("connected");
    doc["createdAt"] = json!(state.now_ms());
    state.store().put_resource(&new_resource(
        AUDIO_KIND,
        &id,
        project_id,
        Some(session_id),
        Some(&conn.connection_id),
        doc.clone(),
    ))?;
    Ok(doc)
}

/// Stops an Audio Connector: its connection leaves (409 when already stopped).
pub fn stop_audio(state: &AppState, project_id: &str, id: &str) -> Result<(), ApiError> {
    let _guard = state.ops_lock();
    let mut r = owned_resource(state, AUDIO_KIND, id, project_id)?;
    if r.doc["status"].as_str() != Some("connected") {
        return Err(ApiError::new(StatusCode::CONFLICT, "not_connected", format!("Audio Connector {id} is already stopped")));
    }
    if let (Some(sid), Some(cid)) = (r.session_id.clone(), r.parent_id.clone()) {
        connections::disconnect(state, &sid, &cid, reasons::FORCED)?;
    }
    r.doc["status"] = json!("stopped");
    state.store().put_resource(&r)?;
    Ok(())
}
