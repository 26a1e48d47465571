//! Live captions over HTTP: `POST /captions` (202 `{captionsId}`; 409 while captions run), `POST
//! /captions/{id}/stop` (202), `GET /captions/{id}` (served by [`crate::routes::http::get_owned`]).
//! The state machine is [`crate::sim::recordings::captions`].

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use crate::routes::http::{authorize, reply, session_request, Answer, ResourceKind};
use crate::sim::recordings::captions;
use crate::state::AppState;

/// Live captions, for the handlers shared by kind ([`ResourceKind`]).
pub struct Captions;

impl ResourceKind for Captions {
    type Doc = captions::CaptionsDoc;
}

/// Handles `POST /v2/project/{projectId}/captions`.
pub async fn start(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>, body: Bytes) -> Response {
    reply((|| -> Answer {
        let (m, session_id) = session_request(&state, &headers, &project_id, &body)?;
        let id = captions::start(&state, &project_id, &session_id, &m)?;
        Ok((StatusCode::ACCEPTED, json!({ "captionsId": id })))
    })())
}

/// Handles `POST /v2/project/{projectId}/captions/{captionsId}/stop`.
pub async fn stop(State(state): State<AppState>, headers: HeaderMap, Path((project_id, id)): Path<(String, String)>) -> Response {
    reply((|| -> Answer {
        authorize(&state, &headers, &project_id)?;
        captions::stop(&state, &project_id, &id)?;
        Ok((StatusCode::ACCEPTED, Value::Null))
    })())
}
