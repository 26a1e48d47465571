//! `PUT .../layout` and `PATCH .../streams` of archives and broadcasts alike, per
//! [`ResourceKind`] (the rules: [`crate::sim::recordings`]).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::Value;

use crate::fields::{body_object, check_layout};
use crate::routes::http::{authorize, reply, Answer, ResourceKind};
use crate::sim::recordings;
use crate::state::AppState;

/// Handles `PUT /v2/project/{projectId}/{archive|broadcast}/{id}/layout`.
pub async fn put_layout<K: ResourceKind<Doc: recordings::Composition>>(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply((|| -> Answer {
        authorize(&state, &headers, &project_id)?;
        let layout = check_layout(&Value::Object(body_object(&body)?))?;
        recordings::set_layout::<K::Doc>(&state, &project_id, &id, layout)?;
        Ok((StatusCode::OK, Value::Null))
    })())
}

/// Handles `PATCH /v2/project/{projectId}/{archive|broadcast}/{id}/streams`.
pub async fn patch_stream_list<K: ResourceKind<Doc: recordings::Composition>>(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply((|| -> Answer {
        authorize(&state, &headers, &project_id)?;
        let m = body_object(&body)?;
        recordings::patch_streams::<K::Doc>(&state, &project_id, &id, &m)?;
        Ok((StatusCode::NO_CONTENT, Value::Null))
    })())
}
