//! Live captions: `POST /captions` (202 `{captionsId}`; 409 while captions run), `POST
//! /captions/{id}/stop` (202), `GET /captions/{id}` (status `started` → `stopped`; served by
//! [`crate::routes::rest::get_owned`]).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::clock;
use crate::routes::clients::{uuid_v4, verify_connect_token};
use crate::routes::rest::{
    authorized_update, new_resource, opt_bool, opt_int, opt_str, reply, req_str, routed_session, session_request, Answer,
    ResourceKind,
};
use crate::state::AppState;

/// Resource kind of captions.
pub const KIND: &str = "captions";

/// Live captions, for the handlers shared by kind ([`crate::routes::rest::ResourceKind`]).
pub struct Captions;

impl ResourceKind for Captions {
    const KIND: &'static str = KIND;
}

/// Handles `POST /v2/project/{projectId}/captions`.
pub async fn start(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>, body: Bytes) -> Response {
    reply(start_inner(&state, &headers, &project_id, &body))
}

fn start_inner(state: &AppState, headers: &HeaderMap, project_id: &str, body: &[u8]) -> Answer {
    let (m, session_id) = session_request(state, headers, project_id, body)?;
    let token = req_str(&m, "token")?;
    let language = opt_str(&m, "languageCode")?.unwrap_or_else(|| "en-US".into());
    if !opentok::is_language_code(&language) {
        return Err(ApiError::bad_request("invalid_argument", format!("languageCode must look like en-US (got {language:?})")));
    }
    let max_duration =
        opt_int(&m, "maxDuration", 300..=opentok::MAX_CAPTIONS_DURATION)?.unwrap_or(opentok::MAX_CAPTIONS_DURATION.into());
    let partial = opt_bool(&m, "partialCaptions")?.unwrap_or(true);
    let callback = opt_str(&m, "statusCallbackUrl")?;
    if let Some(u) = &callback {
        if !(15..=2048).contains(&u.len()) {
            return Err(ApiError::bad_request("invalid_argument", "statusCallbackUrl must be 15 to 2048 characters"));
        }
    }
    let _guard = state.ops_lock();
    let session = routed_session(state, project_id, &session_id, "live captions")?;
    let decoded = verify_connect_token(state, &session, &token)?;
    if decoded.role.as_deref() != Some("moderator") {
        return Err(ApiError::forbidden("not_moderator", "captions need a token with role moderator"));
    }
    for other in state.store().resources(KIND, Some(project_id), Some(&session_id), None)? {
        if other.doc["status"].as_str() == Some("started") {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "captions_running",
                format!("live captions are already running in session {session_id} (captions {})", other.id),
            ));
        }
    }
    let id = uuid_v4()?;
    let now = clock::now_ms();
    let doc = json!({
        "captionsId": id,
        "sessionId": session_id,
        "projectId": project_id,
        "applicationId": project_id,
        "status": "started",
        "languageCode": language,
        "maxDuration": max_duration,
        "partialCaptions": partial,
        "statusCallbackUrl": callback,
        "provider": "aws-transcribe",
        "createdAt": now,
        "updatedAt": now,
    });
    state.store().put_resource(&new_resource(KIND, &id, project_id, Some(&session_id), None, doc))?;
    Ok((StatusCode::ACCEPTED, json!({ "captionsId": id })))
}

/// Handles `POST /v2/project/{projectId}/captions/{captionsId}/stop`.
pub async fn stop(State(state): State<AppState>, headers: HeaderMap, Path((project_id, id)): Path<(String, String)>) -> Response {
    reply(authorized_update(&state, &headers, KIND, &id, &project_id, |r, _| {
        if r.doc["status"].as_str() != Some("started") {
            return Err(ApiError::new(StatusCode::CONFLICT, "not_running", format!("captions {id} are not running")));
        }
        r.doc["status"] = json!("stopped");
        r.doc["reason"] = json!("user initiated");
        Ok((StatusCode::ACCEPTED, Value::Null))
    }))
}
