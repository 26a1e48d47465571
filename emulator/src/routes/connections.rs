//! The `/v2/project/{projectId}/...` REST operations the emulator serves so far: list a
//! session's connections and force-disconnect one. Auth as for every REST call, and the project
//! in the path must be the credential's.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::api_error::ApiError;
use crate::auth;
use crate::clock;
use crate::routes::clients::require_session;
use crate::state::AppState;
use crate::store::SessionRecord;

/// Handles `GET /v2/project/{projectId}/session/{sessionId}/connection`.
pub async fn list_connections(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id)): Path<(String, String)>,
) -> Response {
    let result = owned_session(&state, &headers, &project_id, &session_id).and_then(|s| {
        let items: Vec<_> = state
            .store()
            .connections(&s.session_id)?
            .into_iter()
            .map(|c| {
                json!({
                    "connectionId": c.connection_id,
                    "connectionState": "Connected",
                    "createdAt": c.created_at_ms,
                })
            })
            .collect();
        Ok(json!({
            "count": items.len(),
            "projectId": s.project_id,
            "sessionId": s.session_id,
            "items": items,
        }))
    });
    match result {
        Ok(v) => Json(v).into_response(),
        Err(e) => e.into_response(),
    }
}

/// Handles `DELETE /v2/project/{projectId}/session/{sessionId}/connection/{connectionId}`.
pub async fn force_disconnect(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id, connection_id)): Path<(String, String, String)>,
) -> Response {
    let result = owned_session(&state, &headers, &project_id, &session_id).and_then(|s| {
        if state.store().delete_connection(&s.session_id, &connection_id)? {
            Ok(())
        } else {
            Err(ApiError::not_found(
                "not_connected",
                format!("connection {connection_id} is not connected to session {session_id}"),
            ))
        }
    });
    match result {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => e.into_response(),
    }
}

/// Authenticates, checks the path's project is the caller's and that the session is theirs.
fn owned_session(state: &AppState, headers: &HeaderMap, project_id: &str, session_id: &str) -> Result<SessionRecord, ApiError> {
    let principal = auth::authenticate(headers, state.registry(), clock::now_secs())?;
    principal.require_owner(project_id)?;
    let session = require_session(state, session_id)?;
    if session.project_id != project_id {
        return Err(ApiError::not_found("unknown_session", format!("no session with id {session_id} in project {project_id}")));
    }
    Ok(session)
}
