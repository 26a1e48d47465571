//! Simulated clients: `POST /emulator/v1/sessions/{sessionId}/connections` with `{"token": "..."}`
//! connects as `session.connect()` would after the service checked the token;
//! `DELETE .../connections/{connectionId}` disconnects; `GET .../connections` lists.

use std::str::FromStr;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use opentok::{DecodedToken, Role};
use ring::rand::{SecureRandom, SystemRandom};
use serde::Deserialize;
use serde_json::json;

use crate::api_error::ApiError;
use crate::clock;
use crate::state::AppState;
use crate::store::{ConnectionRecord, SessionRecord};

#[derive(Deserialize)]
struct ConnectBody {
    token: String,
}

/// Handles `POST /emulator/v1/sessions/{sessionId}/connections`.
pub async fn connect(State(state): State<AppState>, Path(session_id): Path<String>, body: Bytes) -> Response {
    match connect_inner(&state, &session_id, &body) {
        Ok(c) => (
            StatusCode::CREATED,
            Json(json!({
                "connectionId": c.connection_id,
                "role": c.role,
                "data": c.data,
                "sessionId": c.session_id,
                "projectId": c.project_id,
                "tokenFormat": c.token_format,
                "createdAt": c.created_at_ms,
            })),
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

fn connect_inner(state: &AppState, session_id: &str, body: &[u8]) -> Result<ConnectionRecord, ApiError> {
    let body: ConnectBody = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request("invalid_argument", format!("body must be JSON {{\"token\": \"...\"}}: {e}")))?;
    let session = require_session(state, session_id)?;
    let decoded = verify_connect_token(state, &session, &body.token)?;
    let role = Role::from_str(decoded.role.as_deref().unwrap_or("publisher"))
        .map_err(|e| ApiError::forbidden("bad_role", format!("token refused: {e}")))?;
    let record = ConnectionRecord {
        connection_id: uuid_v4()?,
        session_id: session.session_id.clone(),
        project_id: session.project_id.clone(),
        role: role.as_str().to_string(),
        data: decoded.connection_data.clone(),
        token_format: decoded.format.as_str().to_ascii_lowercase(),
        created_at_ms: clock::now_ms(),
    };
    state.store().insert_connection(&record)?;
    Ok(record)
}

/// Checks a client token as the service does before `session.connect()` succeeds: the core
/// verifies signature and expiry; the token must name this session and the session's project.
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
    let decoded = opentok::verify_token(token, &key).map_err(|e| refuse(&e))?;
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

/// Handles `DELETE /emulator/v1/sessions/{sessionId}/connections/{connectionId}`.
pub async fn disconnect(State(state): State<AppState>, Path((session_id, connection_id)): Path<(String, String)>) -> Response {
    match state.store().delete_connection(&session_id, &connection_id) {
        Ok(true) => StatusCode::NO_CONTENT.into_response(),
        Ok(false) => {
            ApiError::not_found("not_connected", format!("connection {connection_id} is not connected to session {session_id}"))
                .into_response()
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// Handles `GET /emulator/v1/sessions/{sessionId}/connections`.
pub async fn list(State(state): State<AppState>, Path(session_id): Path<String>) -> Response {
    let result =
        require_session(&state, &session_id).and_then(|_| state.store().connections(&session_id).map_err(ApiError::from));
    match result {
        Ok(items) => Json(json!({ "count": items.len(), "items": items })).into_response(),
        Err(e) => e.into_response(),
    }
}

/// The stored session, or 404 naming it.
pub fn require_session(state: &AppState, session_id: &str) -> Result<SessionRecord, ApiError> {
    state
        .store()
        .session(session_id)?
        .ok_or_else(|| ApiError::not_found("unknown_session", format!("no session with id {session_id}")))
}

/// A random RFC 4122 version 4 UUID, as the service's connection ids look.
pub fn uuid_v4() -> Result<String, ApiError> {
    let mut b = [0u8; 16];
    SystemRandom::new().fill(&mut b).map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "random", "no randomness"))?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_shape() {
        let u = uuid_v4().unwrap();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert_ne!(u, uuid_v4().unwrap());
    }
}
