//! SIP interconnect. REST: `POST /dial` (also PHP's `/call`) creates a SIP participant — a
//! connection publishing an audio stream, [`services::dial`] — and answers `{id,
//! connectionId, streamId}`;
//! `POST /session/{sid}/play-dtmf` and `POST /session/{sid}/connection/{cid}/play-dtmf`.
//! Emulator-only: `GET /emulator/v1/sessions/{sid}/dtmf` lists the digits played.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::fields::{body_object, opt_bool, opt_str, opt_str_list, req_str};
use crate::routes::http::{authorize, reply, session_request, typed, Answer};
use crate::sim::sessions::require_session;
use crate::sim::{services, signals};
use crate::state::AppState;

/// Handles `POST /v2/project/{projectId}/dial`.
pub async fn dial(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>, body: Bytes) -> Response {
    reply(dial_inner(&state, &headers, &project_id, &body))
}

fn dial_inner(state: &AppState, headers: &HeaderMap, project_id: &str, body: &[u8]) -> Answer {
    let (m, session_id) = session_request(state, headers, project_id, body)?;
    let token = req_str(&m, "token")?;
    let sip: Map<String, Value> = match m.get("sip") {
        Some(Value::Object(s)) => s.clone(),
        _ => return Err(ApiError::bad_request("invalid_argument", "sip is required: {\"uri\": \"sip:...\"}")),
    };
    let uri = req_str(&sip, "uri")?;
    let lower = uri.to_ascii_lowercase();
    if !(lower.starts_with("sip:") || lower.starts_with("sips:")) {
        return Err(ApiError::bad_request("invalid_argument", format!("sip.uri must start with sip: or sips: (got {uri:?})")));
    }
    if let Some(h) = sip.get("headers").filter(|v| !v.is_null()) {
        let h = h.as_object().ok_or_else(|| ApiError::bad_request("invalid_argument", "sip.headers must be an object"))?;
        for k in h.keys() {
            if !k.to_ascii_lowercase().starts_with("x-") {
                return Err(ApiError::bad_request(
                    "invalid_argument",
                    format!("sip.headers: custom header names must start with X- (got {k:?})"),
                ));
            }
        }
    }
    if let Some(a) = sip.get("auth").filter(|v| !v.is_null()) {
        let a =
            a.as_object().ok_or_else(|| ApiError::bad_request("invalid_argument", "sip.auth must be {username, password}"))?;
        req_str(a, "username")?;
    }
    let secure = opt_bool(&sip, "secure")?.unwrap_or(false);
    let video = opt_bool(&sip, "video")?.unwrap_or(false);
    let observe = opt_bool(&sip, "observeForceMute")?.unwrap_or(false);
    let streams = opt_str_list(&sip, "streams")?;
    let from = opt_str(&sip, "from")?;
    let call = services::SipDial { uri, from, secure, video, observe_force_mute: observe, streams };
    let doc = services::dial(state, project_id, &session_id, &token, call)?;
    // The answer is the core's SipCall: {id, connectionId, streamId}.
    let answer = opentok::SipCall { id: doc.id, connection_id: doc.connection_id, stream_id: Some(doc.stream_id) };
    typed(StatusCode::OK, &answer)
}

/// Handles `POST /v2/project/{projectId}/session/{sessionId}/play-dtmf`.
pub async fn dtmf_session(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply(dtmf(&state, &headers, &project_id, &session_id, None, &body))
}

/// Handles `POST /v2/project/{projectId}/session/{sessionId}/connection/{connectionId}/play-dtmf`.
pub async fn dtmf_connection(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id, connection_id)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    reply(dtmf(&state, &headers, &project_id, &session_id, Some(&connection_id), &body))
}

fn dtmf(state: &AppState, headers: &HeaderMap, project_id: &str, session_id: &str, to: Option<&str>, body: &[u8]) -> Answer {
    authorize(state, headers, project_id)?;
    let m = body_object(body)?;
    let digits = req_str(&m, "digits")?;
    opentok::validate_dtmf(&digits).map_err(|e| ApiError::from_core(&e))?;
    signals::play_dtmf(state, project_id, session_id, to, &digits)?;
    Ok((StatusCode::OK, Value::Null))
}

/// Handles `GET /emulator/v1/sessions/{sessionId}/dtmf`: digits played, oldest first.
pub async fn emulator_dtmf(State(state): State<AppState>, Path(session_id): Path<String>) -> Response {
    reply((|| -> Answer {
        require_session(&state, &session_id)?;
        let items = signals::played(&state, &session_id)?;
        Ok((StatusCode::OK, json!({"count": items.len(), "items": items})))
    })())
}
