//! Audio Connector: `POST /connect` adds a connection that streams the session's audio to a
//! WebSocket and answers `{id, connectionId}`; `POST /connect/{id}/stop` removes it.
//! `audioTransport` may be an object (as the core, .NET and @vonage/video send it) or the JSON
//! string the Python SDK sends.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::fields::{opt_bool, opt_int, opt_str_list, req_str};
use crate::routes::http::{authorize, reply, session_request, Answer};
use crate::sim::resources::find;
use crate::sim::services;
use crate::state::AppState;

/// Handles `POST /v2/project/{projectId}/connect`.
pub async fn connect(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>, body: Bytes) -> Response {
    reply(connect_inner(&state, &headers, &project_id, &body))
}

fn connect_inner(state: &AppState, headers: &HeaderMap, project_id: &str, body: &[u8]) -> Answer {
    let (m, session_id) = session_request(state, headers, project_id, body)?;
    let token = req_str(&m, "token")?;
    let ws: Map<String, Value> = match m.get("websocket") {
        Some(Value::Object(w)) => w.clone(),
        _ => return Err(ApiError::bad_request("invalid_argument", "websocket is required: {\"uri\": \"wss://...\"}")),
    };
    let uri = req_str(&ws, "uri")?;
    if !(uri.starts_with("ws://") || uri.starts_with("wss://")) {
        return Err(ApiError::bad_request(
            "invalid_argument",
            format!("websocket.uri must start with ws:// or wss:// (got {uri:?})"),
        ));
    }
    let rate = opt_int(&ws, "audioRate", 0..=i64::MAX)?.unwrap_or(16000);
    if !opentok::AUDIO_RATES.iter().any(|&r| i64::from(r) == rate) {
        return Err(ApiError::bad_request(
            "invalid_argument",
            format!("websocket.audioRate must be 8000, 16000 or 24000 (got {rate})"),
        ));
    }
    let transport = match ws.get("audioTransport") {
        None | Some(Value::Null) => None,
        Some(Value::Object(o)) => Some(o.clone()),
        Some(Value::String(s)) => match serde_json::from_str::<Value>(s) {
            Ok(Value::Object(o)) => Some(o),
            _ => return Err(ApiError::bad_request("invalid_argument", "websocket.audioTransport must be an object")),
        },
        Some(v) => {
            return Err(ApiError::bad_request(
                "invalid_argument",
                format!("websocket.audioTransport must be an object (got {v})"),
            ))
        }
    };
    let streams = opt_str_list(&ws, "streams")?;
    let bidirectional = opt_bool(&ws, "bidirectional")?.unwrap_or(false);
    let headers = match ws.get("headers") {
        None | Some(Value::Null) => None,
        Some(Value::Object(h)) => Some(h.clone()),
        Some(v) => {
            return Err(ApiError::bad_request("invalid_argument", format!("websocket.headers must be an object (got {v})")))
        }
    };
    let request = services::AudioRequest {
        uri,
        streams,
        headers,
        audio_rate: u32::try_from(rate).unwrap_or_default(),
        bidirectional,
        audio_transport: transport,
    };
    let doc = services::connect_audio(state, project_id, &session_id, &token, request)?;
    Ok((StatusCode::OK, json!({"id": doc.id, "connectionId": doc.connection_id})))
}

/// Handles `POST /v2/project/{projectId}/connect/{id}/stop`.
pub async fn stop(State(state): State<AppState>, headers: HeaderMap, Path((project_id, id)): Path<(String, String)>) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        services::stop_audio(&state, &project_id, &id)?;
        Ok((StatusCode::OK, Value::Null))
    })())
}

/// Handles `GET /emulator/v1/audio-connectors/{id}`: what was asked (uri, streams, audioTransport...).
pub async fn emulator_get(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    reply((|| -> Answer {
        match find::<services::AudioDoc>(&state, &id)? {
            Some(r) => Ok((StatusCode::OK, r.json())),
            None => Err(ApiError::not_found("unknown_audio_connector", format!("no Audio Connector {id}"))),
        }
    })())
}
