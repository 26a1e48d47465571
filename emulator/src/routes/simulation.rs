//! Simulation controls under `/emulator/v1` (no auth, like the rest of the emulator-only API):
//!
//! - `GET /clock`, `POST /clock {"advance": seconds}`: read and move the simulated clock; the
//!   move stops the recordings whose `maxDuration` passed before it answers;
//! - `GET /deliveries[?sessionId=&limit=]`, `GET /deliveries/{id}`: the delivery log, newest
//!   first; `POST /deliveries/{id}/replay`: posts that event again (a new log entry);
//! - `POST /archives/{archiveId}/fail {"reason"?}`: a running archive fails;
//! - `GET|PUT|DELETE /projects/{projectId}/callback-url` `{"url"}`: the project's callback URL,
//!   which receives every event of the project (the account page's setting on the service).

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::fields::{body_object, opt_str};
use crate::routes::http::{reply, typed, Answer};
use crate::sim::callbacks;
use crate::sim::clock::MAX_ADVANCE_SECS;
use crate::sim::events::replay;
use crate::sim::recordings::{self, archives};
use crate::sim::resources::find;
use crate::state::AppState;
use crate::store::DeliveryRecord;

fn clock_json(state: &AppState) -> Value {
    let offset = state.clock().offset_ms();
    json!({"now": state.now_ms(), "offsetMs": offset, "offsetSeconds": offset as f64 / 1000.0})
}

/// Handles `GET /emulator/v1/clock`: `{now, offsetMs, offsetSeconds}` (now in unix ms).
pub async fn get_clock(State(state): State<AppState>) -> Response {
    reply(Ok((StatusCode::OK, clock_json(&state))))
}

/// Handles `POST /emulator/v1/clock {"advance": seconds}` (0 to a year, fractions allowed):
/// moves the clock, stops what reached its `maxDuration`, answers the clock and `stopped` (how
/// many recordings stopped).
pub async fn advance_clock(State(state): State<AppState>, body: Bytes) -> Response {
    reply((|| -> Answer {
        let m = body_object(&body)?;
        let secs = match m.get("advance") {
            Some(Value::Number(n)) => n.as_f64().filter(|s| s.is_finite()),
            _ => None,
        };
        let secs = match secs {
            Some(s) if (0.0..=MAX_ADVANCE_SECS as f64).contains(&s) => s,
            _ => {
                return Err(ApiError::bad_request(
                    "invalid_argument",
                    format!(
                        "invalid advance: must be a number of seconds from 0 to {MAX_ADVANCE_SECS} (got {})",
                        m.get("advance").map(Value::to_string).unwrap_or_else(|| "nothing".into())
                    ),
                ))
            }
        };
        state.clock().advance(state.store(), (secs * 1000.0).round() as i64)?;
        let stopped = recordings::expire(&state)?;
        let mut out = clock_json(&state);
        out["stopped"] = json!(stopped);
        Ok((StatusCode::OK, out))
    })())
}

/// A log entry as the API shows it (the body parsed back to JSON).
fn delivery_json(d: &DeliveryRecord) -> Value {
    json!({
        "id": d.id,
        "url": d.url,
        "event": d.event,
        "state": d.state,
        "attempts": d.attempts,
        "statusCode": d.status_code,
        "lastError": d.last_error,
        "projectId": d.project_id,
        "sessionId": d.session_id,
        "replayOf": d.replay_of,
        "createdAt": d.created_at_ms,
        "updatedAt": d.updated_at_ms,
        "body": serde_json::from_str::<Value>(&d.body).unwrap_or(Value::Null),
    })
}

/// Handles `GET /emulator/v1/deliveries?sessionId=&limit=` (limit 1-1000, default 100).
pub async fn list_deliveries(State(state): State<AppState>, Query(q): Query<HashMap<String, String>>) -> Response {
    reply((|| -> Answer {
        let limit = match q.get("limit").map(|s| s.trim()).filter(|s| !s.is_empty()) {
            None => 100,
            Some(s) => match s.parse::<u32>() {
                Ok(n) if (1..=1000).contains(&n) => n,
                _ => {
                    return Err(ApiError::bad_request(
                        "invalid_argument",
                        format!("invalid limit: must be 1 to 1000 (got {s:?})"),
                    ))
                }
            },
        };
        let sid = q.get("sessionId").map(String::as_str).filter(|s| !s.is_empty());
        let items: Vec<Value> = state.store().deliveries(sid, limit)?.iter().map(delivery_json).collect();
        Ok((StatusCode::OK, json!({"count": items.len(), "items": items})))
    })())
}

fn delivery_id(id: &str) -> Result<i64, ApiError> {
    id.parse::<i64>().map_err(|_| ApiError::not_found("unknown_delivery", format!("no delivery {id}")))
}

/// Handles `GET /emulator/v1/deliveries/{id}`.
pub async fn get_delivery(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    reply((|| -> Answer {
        match state.store().delivery(delivery_id(&id)?)? {
            Some(d) => Ok((StatusCode::OK, delivery_json(&d))),
            None => Err(ApiError::not_found("unknown_delivery", format!("no delivery {id}"))),
        }
    })())
}

/// Handles `POST /emulator/v1/deliveries/{id}/replay`: 202 with the new entry.
pub async fn replay_delivery(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    reply((|| -> Answer {
        let new_id = replay(&state, delivery_id(&id)?)?
            .ok_or_else(|| ApiError::not_found("unknown_delivery", format!("no delivery {id}")))?;
        let d = state.store().delivery(new_id)?.ok_or_else(|| ApiError::not_found("unknown_delivery", "replay vanished"))?;
        Ok((StatusCode::ACCEPTED, delivery_json(&d)))
    })())
}

/// Handles `POST /emulator/v1/archives/{archiveId}/fail {"reason"?}`: the archive as failed.
pub async fn fail_archive(State(state): State<AppState>, Path(id): Path<String>, body: Bytes) -> Response {
    reply((|| -> Answer {
        let m = body_object(&body)?;
        let reason = opt_str(&m, "reason")?.unwrap_or_else(|| "failed by the emulator on request".into());
        let project_id = find::<archives::ArchiveDoc>(&state, &id)?
            .map(|r| r.project_id)
            .ok_or_else(|| ApiError::not_found("unknown_archive", format!("no archive with id {id}")))?;
        typed(StatusCode::OK, &archives::fail(&state, &project_id, &id, &reason)?)
    })())
}

fn require_project(state: &AppState, project_id: &str) -> Result<(), ApiError> {
    match state.registry().owner_kind(project_id) {
        Some(_) => Ok(()),
        None => Err(ApiError::not_found("unknown_project", format!("no project or application {project_id:?} is served here"))),
    }
}

/// Handles `GET /emulator/v1/projects/{projectId}/callback-url`: `{"url": ... | null}`.
pub async fn get_project_url(State(state): State<AppState>, Path(project_id): Path<String>) -> Response {
    reply((|| -> Answer {
        require_project(&state, &project_id)?;
        Ok((StatusCode::OK, json!({"url": callbacks::project_url(&state, &project_id)?})))
    })())
}

/// Handles `PUT /emulator/v1/projects/{projectId}/callback-url {"url": "http(s)://..." | null}`.
pub async fn put_project_url(State(state): State<AppState>, Path(project_id): Path<String>, body: Bytes) -> Response {
    reply((|| -> Answer {
        require_project(&state, &project_id)?;
        let m = body_object(&body)?;
        let url = opt_str(&m, "url")?;
        callbacks::set_project_url(&state, &project_id, url.as_deref())?;
        Ok((StatusCode::OK, json!({"url": url})))
    })())
}

/// Handles `DELETE /emulator/v1/projects/{projectId}/callback-url` (204).
pub async fn delete_project_url(State(state): State<AppState>, Path(project_id): Path<String>) -> Response {
    reply((|| -> Answer {
        require_project(&state, &project_id)?;
        callbacks::set_project_url(&state, &project_id, None)?;
        Ok((StatusCode::NO_CONTENT, Value::Null))
    })())
}
