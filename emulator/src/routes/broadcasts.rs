//! Live-streaming broadcasts over HTTP: `POST/GET /broadcast`, `GET /broadcast/{id}`,
//! `POST /broadcast/{id}/stop` (the layout and stream routes are
//! [`crate::routes::composition`]'s). The state machine is
//! [`crate::sim::recordings::broadcasts`].

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use crate::routes::http::{authorize, reply, session_request, typed, Answer, ResourceKind};
use crate::sim::recordings::broadcasts;
use crate::state::AppState;

/// Resource kind of broadcasts in the store.
/// Broadcasts, for the handlers shared by kind ([`ResourceKind`]).
pub struct Broadcast;

impl ResourceKind for Broadcast {
    type Doc = broadcasts::BroadcastDoc;
}

/// Handles `POST /v2/project/{projectId}/broadcast` (also with a trailing slash).
pub async fn start(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>, body: Bytes) -> Response {
    reply((|| -> Answer {
        let (m, session_id) = session_request(&state, &headers, &project_id, &body)?;
        typed(StatusCode::OK, &broadcasts::start(&state, &project_id, &session_id, &m)?)
    })())
}

/// Handles `POST /v2/project/{projectId}/broadcast/{broadcastId}/stop`.
pub async fn stop(State(state): State<AppState>, headers: HeaderMap, Path((project_id, id)): Path<(String, String)>) -> Response {
    reply((|| -> Answer {
        authorize(&state, &headers, &project_id)?;
        typed(StatusCode::OK, &broadcasts::stop(&state, &project_id, &id)?)
    })())
}
