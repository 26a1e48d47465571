//! Streams and moderation. REST: `GET /session/{sid}/stream[/{streamId}]`, `PUT
//! /session/{sid}/stream` (layout class lists), `POST /session/{sid}/stream/{streamId}/mute`,
//! `POST /session/{sid}/mute` (mute all / disable force mute). Emulator-only: a simulated
//! connection publishes a stream with `POST /emulator/v1/sessions/{sid}/connections/{cid}/streams`
//! and unpublishes it with `DELETE .../streams/{streamId}`; `GET /emulator/v1/sessions/{sid}/streams`
//! lists streams with their emulator-only fields (`connectionId`, `hasAudio`, `hasVideo`,
//! `forceMuted`). The rules and events of publishing are [`crate::sim::recordings::publish`]'s
//! (publishing into an `archiveMode=always` session starts its automatic archive), of
//! unpublishing [`crate::sim::connections::unpublish`]'s, of moderation
//! [`crate::sim::moderation`]'s.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::fields::{body_object, opt_bool, opt_str, opt_str_list};
use crate::routes::http::{authorize, reply, typed, Answer};
use crate::sim::connections::{self, session_stream, StreamDoc};
use crate::sim::resources::{self, to_json};
use crate::sim::sessions::{project_session, require_session};
use crate::sim::{moderation, recordings};
use crate::state::AppState;

/// The stream as the REST API shows it: the core's [`opentok::Stream`] (`id`, `videoType`,
/// `name`, `layoutClassList`, `forceMuted`).
pub fn rest_view(doc: &StreamDoc) -> Value {
    to_json(&doc.to_model())
}

/// Handles `GET /v2/project/{projectId}/session/{sessionId}/stream/{streamId}`.
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id, stream_id)): Path<(String, String, String)>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        project_session(&state, &project_id, &session_id)?;
        Ok((StatusCode::OK, rest_view(&session_stream(&state, &session_id, &stream_id)?.doc)))
    })())
}

/// Handles `GET /v2/project/{projectId}/session/{sessionId}/stream`.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id)): Path<(String, String)>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        project_session(&state, &project_id, &session_id)?;
        let mut items: Vec<Value> =
            resources::list::<StreamDoc>(&state, None, Some(&session_id), None)?.iter().map(|r| rest_view(&r.doc)).collect();
        items.reverse();
        Ok((StatusCode::OK, json!({"count": items.len(), "items": items})))
    })())
}

/// Handles `PUT /v2/project/{projectId}/session/{sessionId}/stream` `{"items": [{id, layoutClassList}]}`.
pub async fn set_class_lists(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let m = body_object(&body)?;
        let items = match m.get("items") {
            Some(Value::Array(a)) if !a.is_empty() => a.clone(),
            _ => {
                return Err(ApiError::bad_request("invalid_argument", "items must be a non-empty list of {id, layoutClassList}"))
            }
        };
        let mut lists = Vec::new();
        for it in &items {
            let o = it.as_object().ok_or_else(|| ApiError::bad_request("invalid_argument", "items must be objects"))?;
            let id = opt_str(o, "id")?.ok_or_else(|| ApiError::bad_request("invalid_argument", "items[].id is required"))?;
            lists.push((id, opt_str_list(o, "layoutClassList")?));
        }
        moderation::set_class_lists(&state, &project_id, &session_id, &lists)?;
        Ok((StatusCode::OK, Value::Null))
    })())
}

/// Handles `POST /v2/project/{projectId}/session/{sessionId}/stream/{streamId}/mute`.
pub async fn mute_one(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id, stream_id)): Path<(String, String, String)>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        moderation::mute_one(&state, &project_id, &session_id, &stream_id)?;
        Ok((StatusCode::OK, Value::Null))
    })())
}

/// Handles `POST /v2/project/{projectId}/session/{sessionId}/mute`: `{"active": true,
/// "excludedStreamIds" | "excludedStreams": [...]}` mutes every other stream (and streams
/// published later); `{"active": false}` stops muting new streams.
pub async fn mute_all(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let m = body_object(&body)?;
        let active = opt_bool(&m, "active")?
            .ok_or_else(|| ApiError::bad_request("invalid_argument", "active (true or false) is required"))?;
        let mut excluded = opt_str_list(&m, "excludedStreamIds")?;
        excluded.extend(opt_str_list(&m, "excludedStreams")?);
        moderation::mute_all(&state, &project_id, &session_id, active, excluded)?;
        Ok((StatusCode::OK, Value::Null))
    })())
}

/// Handles `POST /emulator/v1/sessions/{sessionId}/connections/{connectionId}/streams`
/// `{"name"?, "videoType"?, "layoutClassList"?, "hasAudio"?, "hasVideo"?}` → 201 stream.
pub async fn emulator_publish(
    State(state): State<AppState>,
    Path((session_id, connection_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply((|| -> Answer {
        let m = body_object(&body)?;
        let _guard = state.ops_lock();
        typed(StatusCode::CREATED, &recordings::publish(&state, &session_id, &connection_id, &m)?)
    })())
}

/// Handles `DELETE /emulator/v1/sessions/{sessionId}/connections/{connectionId}/streams/{streamId}`.
pub async fn emulator_unpublish(
    State(state): State<AppState>,
    Path((session_id, connection_id, stream_id)): Path<(String, String, String)>,
) -> Response {
    reply((|| -> Answer {
        let _guard = state.ops_lock();
        connections::unpublish(&state, &session_id, &connection_id, &stream_id)?;
        Ok((StatusCode::NO_CONTENT, Value::Null))
    })())
}

/// Handles `GET /emulator/v1/sessions/{sessionId}/streams`: every stream with its emulator-only fields.
pub async fn emulator_list(State(state): State<AppState>, Path(session_id): Path<String>) -> Response {
    reply((|| -> Answer {
        require_session(&state, &session_id)?;
        let mut items: Vec<Value> =
            resources::list::<StreamDoc>(&state, None, Some(&session_id), None)?.iter().map(|r| r.json()).collect();
        items.reverse();
        let mute = moderation::mute_all_state(&state, &session_id)?;
        Ok((StatusCode::OK, json!({"count": items.len(), "items": items, "muteAll": mute})))
    })())
}
