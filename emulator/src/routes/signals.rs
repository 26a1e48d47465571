//! Signaling. REST: `POST /session/{sid}/signal` and `POST /session/{sid}/connection/{cid}/signal`
//! `{"type"?, "data"}` (204; 404 unknown session/connection; 413 data over 8 kB or type over
//! 128 characters). Emulator-only: `GET /emulator/v1/sessions/{sid}/connections/{cid}/signals`
//! lists what a simulated connection received, oldest first.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::fields::{body_object, opt_str};
use crate::routes::http::{authorize, reply, Answer};
use crate::sim::sessions::require_session;
use crate::sim::signals;
use crate::state::AppState;

/// Handles `POST /v2/project/{projectId}/session/{sessionId}/signal`.
pub async fn to_session(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply(send(&state, &headers, &project_id, &session_id, None, &body))
}

/// Handles `POST /v2/project/{projectId}/session/{sessionId}/connection/{connectionId}/signal`.
pub async fn to_connection(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id, connection_id)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    reply(send(&state, &headers, &project_id, &session_id, Some(&connection_id), &body))
}

fn too_large(msg: String) -> ApiError {
    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", msg)
}

fn send(state: &AppState, headers: &HeaderMap, project_id: &str, session_id: &str, to: Option<&str>, body: &[u8]) -> Answer {
    authorize(state, headers, project_id)?;
    let m = body_object(body)?;
    let signal_type = opt_str(&m, "type")?;
    let data = match m.get("data") {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => return Err(ApiError::bad_request("invalid_argument", "data is required")),
        Some(v) => v.to_string(),
    };
    if let Some(t) = &signal_type {
        if t.chars().count() > opentok::MAX_SIGNAL_TYPE_CHARS {
            return Err(too_large(format!(
                "signal type is {} characters; the limit is {}",
                t.chars().count(),
                opentok::MAX_SIGNAL_TYPE_CHARS
            )));
        }
    }
    // The client's rule on the type (1-128 letters, digits, '-', '_', '~'); data is the service's to judge.
    opentok::Signal { signal_type: signal_type.clone(), data: String::new() }.validate().map_err(|e| ApiError::from_core(&e))?;
    if data.len() > opentok::MAX_SIGNAL_DATA_BYTES {
        return Err(too_large(format!("signal data is {} bytes; the limit is {}", data.len(), opentok::MAX_SIGNAL_DATA_BYTES)));
    }
    signals::send(state, project_id, session_id, to, signal_type, &data)?;
    Ok((StatusCode::NO_CONTENT, Value::Null))
}

/// Handles `GET /emulator/v1/sessions/{sessionId}/connections/{connectionId}/signals`.
pub async fn received(State(state): State<AppState>, Path((session_id, connection_id)): Path<(String, String)>) -> Response {
    reply((|| -> Answer {
        require_session(&state, &session_id)?;
        let items = signals::received(&state, &session_id, &connection_id)?;
        Ok((StatusCode::OK, json!({"count": items.len(), "items": items})))
    })())
}
