//! Archives over HTTP: `POST/GET /archive`, `GET/DELETE /archive/{id}`, `POST /archive/{id}/stop`
//! (the layout and stream routes are [`crate::routes::composition`]'s). The state machine is
//! [`crate::sim::recordings::archives`].

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::Value;

use crate::routes::http::{authorize, reply, session_request, typed, Answer, ResourceKind};
use crate::sim::recordings::archives;
use crate::state::AppState;

/// Resource kind of archives in the store.
/// Archives, for the handlers shared by kind ([`ResourceKind`]).
pub struct Archive;

impl ResourceKind for Archive {
    type Doc = archives::ArchiveDoc;
}

/// Handles `POST /v2/project/{projectId}/archive`.
pub async fn start(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>, body: Bytes) -> Response {
    reply((|| -> Answer {
        let (m, session_id) = session_request(&state, &headers, &project_id, &body)?;
        typed(StatusCode::OK, &archives::start(&state, &project_id, &session_id, &m)?)
    })())
}

/// Handles `POST /v2/project/{projectId}/archive/{archiveId}/stop`.
pub async fn stop(State(state): State<AppState>, headers: HeaderMap, Path((project_id, id)): Path<(String, String)>) -> Response {
    reply((|| -> Answer {
        authorize(&state, &headers, &project_id)?;
        typed(StatusCode::OK, &archives::stop(&state, &project_id, &id)?)
    })())
}

/// Handles `DELETE /v2/project/{projectId}/archive/{archiveId}` (204).
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
) -> Response {
    reply((|| -> Answer {
        authorize(&state, &headers, &project_id)?;
        archives::delete(&state, &project_id, &id)?;
        Ok((StatusCode::NO_CONTENT, Value::Null))
    })())
}
