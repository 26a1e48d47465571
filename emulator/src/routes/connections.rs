//! A session's connections over REST: `GET /v2/project/{projectId}/session/{sessionId}/connection`
//! lists them and `DELETE .../connection/{connectionId}` force-disconnects one (its
//! `streamDestroyed` and `connectionDestroyed` say `forceDisconnected`). Auth as for every REST
//! call, and the project in the path must be the credential's.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::routes::http::{authorize, reply, Answer};
use crate::sim::connections::{self, reasons};
use crate::sim::sessions::project_session;
use crate::state::AppState;

/// Handles `GET /v2/project/{projectId}/session/{sessionId}/connection`.
pub async fn list_connections(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id)): Path<(String, String)>,
) -> Response {
    reply((|| -> Answer {
        authorize(&state, &headers, &project_id)?;
        let s = project_session(&state, &project_id, &session_id)?;
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
        Ok((
            StatusCode::OK,
            json!({
                "count": items.len(),
                "projectId": s.project_id,
                "sessionId": s.session_id,
                "items": items,
            }),
        ))
    })())
}

/// Handles `DELETE /v2/project/{projectId}/session/{sessionId}/connection/{connectionId}`.
pub async fn force_disconnect(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id, connection_id)): Path<(String, String, String)>,
) -> Response {
    reply((|| -> Answer {
        authorize(&state, &headers, &project_id)?;
        let _guard = state.ops_lock();
        let s = project_session(&state, &project_id, &session_id)?;
        if connections::disconnect(&state, &s.session_id, &connection_id, reasons::FORCED)? {
            Ok((StatusCode::NO_CONTENT, Value::Null))
        } else {
            Err(ApiError::not_found(
                "not_connected",
                format!("connection {connection_id} is not connected to session {session_id}"),
            ))
        }
    })())
}
