//! Live captions: the state machine. One running captions per routed session, started with a
//! moderator token; `started` → `stopped` (by a stop or when `maxDuration` passes). Each status
//! change posts the captions status event (also to the captions' `statusCallbackUrl`).

use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::fields::{opt_bool, opt_int, opt_str, req_str};
use crate::sim::connections::verify_connect_token;
use crate::sim::events::{self, emit, update_emitting, Emission};
use crate::sim::resources::{new_resource, uuid_v4};
use crate::sim::sessions::routed_session;
use crate::state::AppState;
use crate::store::Resource;

/// Resource kind of captions.
pub const KIND: &str = "captions";

/// Starts live captions of `m` (the REST body) in the project's session; gives the captions
/// id. Takes the state-machine lock.
pub fn start(state: &AppState, project_id: &str, session_id: &str, m: &Map<String, Value>) -> Result<String, ApiError> {
    let token = req_str(m, "token")?;
    let language = opt_str(m, "languageCode")?.unwrap_or_else(|| "en-US".into());
    if !opentok::is_language_code(&language) {
        return Err(ApiError::bad_request("invalid_argument", format!("languageCode must look like en-US (got {language:?})")));
    }
    let max_duration =
        opt_int(m, "maxDuration", 300..=opentok::MAX_CAPTIONS_DURATION)?.unwrap_or(opentok::MAX_CAPTIONS_DURATION.into());
    let partial = opt_bool(m, "partialCaptions")?.unwrap_or(true);
    let callback = opt_str(m, "statusCallbackUrl")?;
    if let Some(u) = &callback {
        if !(15..=2048).contains(&u.len()) {
            return Err(ApiError::bad_request("invalid_argument", "statusCallbackUrl must be 15 to 2048 characters"));
        }
    }
    let _guard = state.ops_lock();
    let session = routed_session(state, project_id, session_id, "live captions")?;
    let decoded = verify_connect_token(state, &session, &token)?;
    if decoded.role.as_deref() != Some("moderator") {
        return Err(ApiError::forbidden("not_moderator", "captions need a token with role moderator"));
    }
    for other in state.store().resources(KIND, Some(project_id), Some(session_id), None)? {
        if other.doc["status"].as_str() == Some("started") {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "captions_running",
                format!("live captions are already running in session {session_id} (captions {})", other.id),
            ));
        }
    }
    let id = uuid_v4()?;
    let now = state.now_ms();
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
    state.store().put_resource(&new_resource(KIND, &id, project_id, Some(session_id), None, doc.clone()))?;
    emit(state, events::captions_status(project_id, &doc, now))?;
    Ok(id)
}

/// Ends running captions with `reason`; gives the event. The caller saves `r`.
pub fn finish(r: &mut Resource, now: i64, reason: &str) -> Emission {
    r.doc["status"] = json!("stopped");
    r.doc["reason"] = json!(reason);
    r.doc["updatedAt"] = json!(now);
    events::captions_status(&r.project_id, &r.doc, now)
}

/// `POST .../captions/{id}/stop` (409 when they are not running).
pub fn stop(state: &AppState, project_id: &str, id: &str) -> Result<(), ApiError> {
    update_emitting(state, KIND, id, project_id, |r, now| {
        if r.doc["status"].as_str() != Some("started") {
            return Err(ApiError::new(StatusCode::CONFLICT, "not_running", format!("captions {id} are not running")));
        }
        Ok(((), vec![finish(r, now, "user initiated")]))
    })
}
