//! Recordings: what the service makes of a session's media (archives, broadcasts, live
//! captions, Experience Composer renders), their state machines, what archives and broadcasts
//! share (both compose the streams of a routed session with connected clients while they run,
//! `started` or `paused`, at most one per session and tag; a running composition's layout can
//! change, and in manual stream mode its streams), and the `maxDuration` limits
//! that stop them, checked against the simulated clock by [`expire`] (after the clock moved,
//! and every second by the timer task [`run_timer`]).

pub mod archives;
pub mod broadcasts;
pub mod captions;
pub mod renders;

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::fields::{opt_bool, opt_str};
use crate::sim::connections::{self, STREAM_KIND};
use crate::sim::events::{emit, Emission};
use crate::sim::resources::update_owned;
use crate::sim::sessions::routed_session;
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

/// Sets the layout of a running archive or broadcast.
pub fn set_layout(state: &AppState, kind: &str, project_id: &str, id: &str, layout: Value) -> Result<(), ApiError> {
    update_owned(state, kind, id, project_id, |r, _| {
        if r.doc["outputMode"].as_str() == Some("individual") {
            return Err(ApiError::bad_request(
                "invalid_argument",
                format!("{kind} {id} has outputMode individual: it has no layout"),
            ));
        }
        require_running(r, kind, id)?;
        r.doc["layout"] = layout;
        Ok(())
    })
}

/// Adds or removes a stream of a running archive or broadcast in manual stream mode:
/// 405 in auto mode, 409 when not running, 404 for a stream the session does not have.
pub fn patch_streams(state: &AppState, kind: &str, project_id: &str, id: &str, m: &Map<String, Value>) -> Result<(), ApiError> {
    let add = opt_str(m, "addStream")?;
    let remove = opt_str(m, "removeStream")?;
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
                    .resource(STREAM_KIND, &stream_id)?
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
                let has_audio = opt_bool(m, "hasAudio")?.unwrap_or(true);
                let has_video = opt_bool(m, "hasVideo")?.unwrap_or(true);
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
        Ok(())
    })
}
/// Publishes a stream for a connection ([`connections::publish`], with its `streamCreated`),
/// then, in an `archiveMode=always` session, starts its automatic archive when none runs, as the
/// service does. Caller holds the state-machine lock.
pub fn publish(state: &AppState, session_id: &str, connection_id: &str, m: &Map<String, Value>) -> Result<Value, ApiError> {
    let stream = connections::publish(state, session_id, connection_id, m)?;
    let session = crate::sim::sessions::require_session(state, session_id)?;
    archives::auto_start(state, &session)?;
    Ok(stream)
}

/// Stops every recording whose `maxDuration` passed on the simulated clock (archives `stopped`
/// then `available` with reason `maximum duration exceeded`, broadcasts `stopped`, captions and
/// renders `stopped`), each at the instant its limit passed, with its events; and moves
/// `starting` renders on. Gives how many stopped. Takes the state-machine lock.
pub fn expire(state: &AppState) -> Result<usize, ApiError> {
    let _guard = state.ops_lock();
    let now = state.now_ms();
    let mut stopped = 0;
    let watched: [(&str, &[&str]); 4] = [
        (archives::KIND, &["started", "paused"]),
        (broadcasts::KIND, &["started", "paused"]),
        (captions::KIND, &["started"]),
        (renders::KIND, &["starting", "started"]),
    ];
    for (kind, statuses) in watched {
        for mut r in state.store().resources_with_status(kind, statuses)? {
            if kind == renders::KIND && r.doc["status"].as_str() == Some("starting") {
                let id = r.id.clone();
                if renders::advance(state, r).is_err() {
                    continue; // its connection left; the render stays starting
                }
                let Some(fresh) = state.store().resource(kind, &id)? else { continue };
                r = fresh;
            }
            let Some(end) = deadline(kind, &r.doc) else { continue };
            if end > now {
                continue;
            }
            let emissions: Vec<Emission> = match kind {
                archives::KIND => archives::finish(&mut r, end, "maximum duration exceeded").1,
                broadcasts::KIND => vec![broadcasts::finish(&mut r, end)],
                captions::KIND => vec![captions::finish(&mut r, end, "Max duration exceeded")],
                _ => vec![renders::finish(state, &mut r, end, "Max Duration Exceeded")?],
            };
            state.store().put_resource(&r)?;
            for e in emissions {
                emit(state, e)?;
            }
            stopped += 1;
        }
    }
    Ok(stopped)
}

/// When a running recording reaches its `maxDuration`, unix milliseconds of the simulated clock;
/// `None` when it is not running.
fn deadline(kind: &str, doc: &Value) -> Option<i64> {
    let running = match kind {
        archives::KIND | broadcasts::KIND => is_running(doc),
        captions::KIND => doc["status"].as_str() == Some("started"),
        _ => matches!(doc["status"].as_str(), Some("starting") | Some("started")),
    };
    if !running {
        return None;
    }
    let max = match kind {
        archives::KIND => archives::max_duration(doc),
        _ => doc["maxDuration"].as_i64()?,
    };
    Some(doc["createdAt"].as_i64()?.saturating_add(max.saturating_mul(1000)))
}

/// The timer task: [`expire`] every second, so `maxDuration` stops recordings in real time too.
pub async fn run_timer(state: AppState) {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        if let Err(e) = expire(&state) {
            eprintln!("opentok-emulator: maxDuration timer: {}", e.message);
        }
    }
}
