//! Simulated clients: `POST /emulator/v1/sessions/{sessionId}/connections` with `{"token": "..."}`
//! connects as `session.connect()` would after the service checked the token;
//! `DELETE .../connections/{connectionId}` disconnects; `GET .../connections` lists. The rules
//! and events are [`crate::sim::connections`]'s.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::routes::http::{reply, Answer};
use crate::sim::connections::{self, reasons};
use crate::sim::sessions::require_session;
use crate::state::AppState;

#[derive(Deserialize)]
struct ConnectBody {
    token: String,
}

/// Handles `POST /emulator/v1/sessions/{sessionId}/connections`.
pub async fn connect(State(state): State<AppState>, Path(session_id): Path<String>, body: Bytes) -> Response {
    reply((|| -> Answer {
        let body: ConnectBody = serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request("invalid_argument", format!("body must be JSON {{\"token\": \"...\"}}: {e}")))?;
        let _guard = state.ops_lock();
        let c = connections::connect(&state, &session_id, &body.token)?;
        Ok((
            StatusCode::CREATED,
            json!({
                "connectionId": c.connection_id,
                "role": c.role,
                "data": c.data,
                "sessionId": c.session_id,
                "projectId": c.project_id,
                "tokenFormat": c.token_format,
                "createdAt": c.created_at_ms,
            }),
        ))
    })())
}

/// Handles `DELETE /emulator/v1/sessions/{sessionId}/connections/{connectionId}`.
pub async fn disconnect(State(state): State<AppState>, Path((session_id, connection_id)): Path<(String, String)>) -> Response {
    reply((|| -> Answer {
        let _guard = state.ops_lock();
        if connections::disconnect(&state, &session_id, &connection_id, reasons::CLIENT)? {
            Ok((StatusCode::NO_CONTENT, Value::Null))
        } else {
            Err(ApiError::not_found(
                "not_connected",
                format!("connection {connection_id} is not connected to session {session_id}"),
            ))
        }
    })())
}

/// Handles `GET /emulator/v1/sessions/{sessionId}/connections`.
pub async fn list(State(state): State<AppState>, Path(session_id): Path<String>) -> Response {
    reply((|| -> Answer {
        require_session(&state, &session_id)?;
        let items = state.store().connections(&session_id)?;
        Ok((StatusCode::OK, json!({ "count": items.len(), "items": items })))
    })())
}
