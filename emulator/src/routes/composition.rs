//! What archives and broadcasts share: both compose the streams of a routed session with
//! connected clients while they run (`started` or `paused`), at most one per session and tag;
//! a running composition's layout can change, and in manual stream mode its streams. Holds the
//! `PUT .../layout` and `PATCH .../streams` handlers of both, per [`ResourceKind`].

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::routes::rest::{
    authorize, body_object, check_layout, opt_bool, opt_str, reply, routed_session, update_owned, Answer, ResourceKind,
};
use crate::state::AppState;
use crate::store::{Resource, SessionRecord};

/// Statuses in which an archive or broadcast is running.
pub fn is_running(doc: &Value) -> bool {
    matches!(doc["status"].as_str(), Some("started") | Some("paused"))
}

/// 404 unless a client is connected, as the service answers.
fn require_clients(state: &AppState, session_id: &str) -> Result<(), ApiError> {
    if state.store().connection_count(session_id)? == 0 {
        return Err(ApiError::not_found("no_clients", format!("no clients are actively connected to session {session_id}")));
    }
    Ok(())
}

/// The project's session, which can be composed for `what` (`archiving`, `broadcasting`):
/// routed, with a connected client. Callers hold the state-machine lock.
pub fn composable_session(state: &AppState, project_id: &str, session_id: &str, what: &str) -> Result<SessionRecord, ApiError> {
    let session = routed_session(state, project_id, session_id, what)?;
    require_clients(state, session_id)?;
    Ok(session)
}

/// A running resource of `kind` in the session with the same `tag_field` (absent on both counts
/// as the same) as `doc`, the one about to start: the service runs one per session and tag.
pub fn running_with_same_tag(
    state: &AppState,
    kind: &str,
    project_id: &str,
    session_id: &str,
    tag_field: &str,
    doc: &Value,
) -> Result<Option<Resource>, ApiError> {
    let tag = doc[tag_field].as_str();
    Ok(state
        .store()
        .resources(kind, Some(project_id), Some(session_id), None)?
        .into_iter()
        .find(|other| is_running(&other.doc) && other.doc[tag_field].as_str() == tag))
}

fn require_running(r: &Resource, kind: &str, id: &str) -> Result<(), ApiError> {
    if !is_running(&r.doc) {
        return Err(ApiError::new(StatusCode::CONFLICT, "not_running", format!("{kind} {id} is not running")));
    }
    Ok(())
}

/// Handles `PUT /v2/project/{projectId}/{archive|broadcast}/{id}/layout`.
pub async fn put_layout<K: ResourceKind>(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply(set_layout(&state, &headers, K::KIND, &project_id, &id, &body))
}

/// Handles `PATCH /v2/project/{projectId}/{archive|broadcast}/{id}/streams`.
pub async fn patch_stream_list<K: ResourceKind>(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply(patch_streams(&state, &headers, K::KIND, &project_id, &id, &body))
}

/// Sets the layout of a running archive or broadcast.
fn set_layout(state: &AppState, headers: &HeaderMap, kind: &str, project_id: &str, id: &str, body: &[u8]) -> Answer {
    authorize(state, headers, project_id)?;
    let layout = check_layout(&Value::Object(body_object(body)?))?;
    update_owned(state, kind, id, project_id, |r, _| {
        if r.doc["outputMode"].as_str() == Some("individual") {
            return Err(ApiError::bad_request(
                "invalid_argument",
                format!("{kind} {id} has outputMode individual: it has no layout"),
            ));
        }
        require_running(r, kind, id)?;
        r.doc["layout"] = layout;
        Ok((StatusCode::OK, Value::Null))
    })
}

/// Adds or removes a stream of a running archive or broadcast in manual stream mode:
/// 405 in auto mode, 409 when not running, 404 for a stream the session does not have.
fn patch_streams(state: &AppState, headers: &HeaderMap, kind: &str, project_id: &str, id: &str, body: &[u8]) -> Answer {
    authorize(state, headers, project_id)?;
    let m = body_object(body)?;
    let add = opt_str(&m, "addStream")?;
    let remove = opt_str(&m, "removeStream")?;
    update_owned(state, kind, id, project_id, |r, _| {
        if r.doc["streamMode"].as_str() != Some("manual") {
            return Err(ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "stream_mode_auto",
                format!("{kind} {id} has streamMode auto; streams can only be added or removed in manual mode"),
            ));
        }
        require_running(r, kind, id)?;
        let mut list: Vec<Value> = r.doc["streams"].as_array().cloned().unwrap_or_default();
        match (add, remove) {
            (Some(stream_id), None) => {
                let session_id = r.session_id.clone().unwrap_or_default();
                let exists = state
                    .store()
                    .resource(crate::routes::streams::KIND, &stream_id)?
                    .is_some_and(|s| s.session_id.as_deref() == Some(session_id.as_str()));
                if !exists {
                    return Err(ApiError::not_found("unknown_stream", format!("no stream {stream_id} in session {session_id}")));
                }
                if list.iter().any(|s| s["streamId"].as_str() == Some(stream_id.as_str())) {
                    return Err(ApiError::new(
                        StatusCode::CONFLICT,
                        "already_added",
                        format!("stream {stream_id} is already in {kind} {id}"),
                    ));
                }
                let has_audio = opt_bool(&m, "hasAudio")?.unwrap_or(true);
                let has_video = opt_bool(&m, "hasVideo")?.unwrap_or(true);
                list.push(json!({"streamId": stream_id, "hasAudio": has_audio, "hasVideo": has_video}));
            }
            (None, Some(stream_id)) => {
                let before = list.len();
                list.retain(|s| s["streamId"].as_str() != Some(stream_id.as_str()));
                if list.len() == before {
                    return Err(ApiError::not_found("unknown_stream", format!("stream {stream_id} is not in {kind} {id}")));
                }
            }
            _ => {
                return Err(ApiError::bad_request(
                    "invalid_argument",
                    "the body must have exactly one of addStream and removeStream",
                ))
            }
        }
        r.doc["streams"] = Value::Array(list);
        Ok((StatusCode::NO_CONTENT, Value::Null))
    })
}
