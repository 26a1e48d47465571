//! Experience Composer over HTTP: `POST /render` (202, status `starting`), `GET /render/{id}`
//! (from the first read it is `started`), `DELETE /render/{id}` (200, `stopped`),
//! `GET /render?offset&count`. The state machine is [`crate::sim::recordings::renders`].

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::Value;

use crate::routes::http::{authorize, page, reply, session_request, typed, Answer};
use crate::sim::recordings::renders::{self, RenderDoc};
use crate::sim::resources::{self, owned};
use crate::state::AppState;

/// Handles `POST /v2/project/{projectId}/render`.
pub async fn start(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>, body: Bytes) -> Response {
    reply((|| -> Answer {
        let (m, session_id) = session_request(&state, &headers, &project_id, &body)?;
        typed(StatusCode::ACCEPTED, &renders::start(&state, &project_id, &session_id, &m)?)
    })())
}

/// Handles `GET /v2/project/{projectId}/render/{renderId}`.
pub async fn get(State(state): State<AppState>, headers: HeaderMap, Path((project_id, id)): Path<(String, String)>) -> Response {
    reply((|| -> Answer {
        authorize(&state, &headers, &project_id)?;
        let _guard = state.ops_lock();
        let r = owned::<RenderDoc>(&state, &id, &project_id)?;
        Ok((StatusCode::OK, renders::advance(&state, r)?.json()))
    })())
}

/// Handles `DELETE /v2/project/{projectId}/render/{renderId}`.
pub async fn stop(State(state): State<AppState>, headers: HeaderMap, Path((project_id, id)): Path<(String, String)>) -> Response {
    reply((|| -> Answer {
        authorize(&state, &headers, &project_id)?;
        renders::stop(&state, &project_id, &id)?;
        Ok((StatusCode::OK, Value::Null))
    })())
}

/// Handles `GET /v2/project/{projectId}/render?offset&count`.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(project_id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    reply((|| -> Answer {
        authorize(&state, &headers, &project_id)?;
        let _guard = state.ops_lock();
        let mut items = Vec::new();
        for r in resources::list::<RenderDoc>(&state, Some(&project_id), None, None)? {
            items.push(renders::advance(&state, r)?.json());
        }
        Ok((StatusCode::OK, page(items, &q)?))
    })())
}
