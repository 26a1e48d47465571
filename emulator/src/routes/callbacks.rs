//! Callback registration: `GET /callback` (a JSON array), `POST /callback` `{group, event,
//! url}`, `DELETE /callback/{id}` (204). The events of the registered group and event are
//! posted to the URL ([`crate::sim::callbacks`], [`crate::sim::events`]).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::Value;

use crate::fields::{body_object, req_str};
use crate::routes::http::{authorize, reply};
use crate::sim::callbacks;
use crate::state::AppState;

/// Handles `GET /v2/project/{projectId}/callback`: the registrations, oldest first.
pub async fn list(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        Ok((StatusCode::OK, serde_json::to_value(callbacks::registrations(&state, &project_id)?).unwrap_or(Value::Null)))
    })())
}

/// Handles `POST /v2/project/{projectId}/callback`.
pub async fn register(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let m = body_object(&body)?;
        let options =
            opentok::CallbackOptions { group: req_str(&m, "group")?, event: req_str(&m, "event")?, url: req_str(&m, "url")? };
        let callback = callbacks::register(&state, &project_id, &options)?;
        Ok((StatusCode::OK, serde_json::to_value(callback).unwrap_or(Value::Null)))
    })())
}

/// Handles `DELETE /v2/project/{projectId}/callback/{callbackId}`.
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        callbacks::delete(&state, &project_id, &id)?;
        Ok((StatusCode::NO_CONTENT, Value::Null))
    })())
}
