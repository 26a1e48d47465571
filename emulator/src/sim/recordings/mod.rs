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
use opentok::{IncludedStream, Layout, StreamMode};
use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::fields::{opt_bool, opt_str};
use crate::sim::connections::{self, StreamDoc};
use crate::sim::events::{emit, Emission};
use crate::sim::resources::{find, list, update_owned, with_status, Document, Stored};
use crate::sim::sessions::routed_session;
use crate::state::AppState;
use crate::store::SessionRecord;

use archives::ArchiveDoc;
use broadcasts::BroadcastDoc;
use captions::CaptionsDoc;
use renders::RenderDoc;

/// What archives and broadcasts share: a composition of a session's streams that runs
/// (`started` or `paused`) at most once per session and tag, whose layout can change, and
/// whose streams are chosen by the API in manual stream mode.
pub trait Composition: Document {
    /// Its name in messages (`archive`, `broadcast`).
    const WHAT: &'static str;
    /// Whether it runs (`started` or `paused`).
    fn is_running(&self) -> bool;
    /// Its `multiArchiveTag` / `multiBroadcastTag`.
    fn tag(&self) -> Option<&str>;
    /// Sets its layout; false when it has none (an individual archive).
    fn set_layout(&mut self, layout: Layout) -> bool;
    /// Auto or manual stream selection.
    fn stream_mode(&self) -> StreamMode;
    /// The streams chosen in manual mode.
    fn streams_mut(&mut self) -> &mut Vec<IncludedStream>;
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

/// A running composition of the session with the same tag (none on both counts as the same) as
/// `doc`, the one about to start: the service runs one per session and tag.
pub fn running_with_same_tag<D: Composition>(
    state: &AppState,
    project_id: &str,
    session_id: &str,
    doc: &D,
) -> Result<Option<Stored<D>>, ApiError> {
    Ok(list::<D>(state, Some(project_id), Some(session_id), None)?
        .into_iter()
        .find(|other| other.doc.is_running() && other.doc.tag() == doc.tag()))
}

fn require_running<D: Composition>(r: &Stored<D>) -> Result<(), ApiError> {
    if !r.doc.is_running() {
        return Err(ApiError::new(StatusCode::CONFLICT, "not_running", format!("{} {} is not running", D::WHAT, r.id)));
    }
    Ok(())
}

/// Sets the layout of a running archive or broadcast.
pub fn set_layout<D: Composition>(state: &AppState, project_id: &str, id: &str, layout: Layout) -> Result<(), ApiError> {
    update_owned(state, id, project_id, |r: &mut Stored<D>, _| {
        let running = r.doc.is_running();
        if !r.doc.set_layout(layout) {
            return Err(ApiError::bad_request(
                "invalid_argument",
                format!("{} {id} has outputMode individual: it has no layout", D::WHAT),
            ));
        }
        if !running {
            return Err(ApiError::new(StatusCode::CONFLICT, "not_running", format!("{} {id} is not running", D::WHAT)));
        }
        Ok(())
    })
}

/// Adds or removes a stream of a running archive or broadcast in manual stream mode:
/// 405 in auto mode, 409 when not running, 404 for a stream the session does not have.
pub fn patch_streams<D: Composition>(
    state: &AppState,
    project_id: &str,
    id: &str,
    m: &Map<String, Value>,
) -> Result<(), ApiError> {
    let add = opt_str(m, "addStream")?;
    let remove = opt_str(m, "removeStream")?;
    update_owned(state, id, project_id, |r: &mut Stored<D>, _| {
        if r.doc.stream_mode() != StreamMode::Manual {
            return Err(ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "stream_mode_auto",
                format!("{} {id} has streamMode auto; streams can only be added or removed in manual mode", D::WHAT),
            ));
        }
        require_running(r)?;
        let session_id = r.session_id.clone().unwrap_or_default();
        let list = r.doc.streams_mut();
        match (add, remove) {
            (Some(stream_id), None) => {
                let exists =
                    find::<StreamDoc>(state, &stream_id)?.is_some_and(|s| s.session_id.as_deref() == Some(session_id.as_str()));
                if !exists {
                    return Err(ApiError::not_found("unknown_stream", format!("no stream {stream_id} in session {session_id}")));
                }
                if list.iter().any(|s| s.stream_id == stream_id) {
                    return Err(ApiError::new(
                        StatusCode::CONFLICT,
                        "already_added",
                        format!("stream {stream_id} is already in {} {id}", D::WHAT),
                    ));
                }
                let has_audio = opt_bool(m, "hasAudio")?.unwrap_or(true);
                let has_video = opt_bool(m, "hasVideo")?.unwrap_or(true);
                list.push(IncludedStream { stream_id, has_audio: Some(has_audio), has_video: Some(has_video) });
            }
            (None, Some(stream_id)) => {
                let before = list.len();
                list.retain(|s| s.stream_id != stream_id);
                if list.len() == before {
                    return Err(ApiError::not_found("unknown_stream", format!("stream {stream_id} is not in {} {id}", D::WHAT)));
                }
            }
            _ => {
                return Err(ApiError::bad_request(
                    "invalid_argument",
                    "the body must have exactly one of addStream and removeStream",
                ))
            }
        }
        Ok(())
    })
}
/// Publishes a stream for a connection ([`connections::publish`], with its `streamCreated`),
/// then, in an `archiveMode=always` session, starts its automatic archive when none runs, as the
/// service does. Caller holds the state-machine lock.
pub fn publish(state: &AppState, session_id: &str, connection_id: &str, m: &Map<String, Value>) -> Result<StreamDoc, ApiError> {
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
    for mut r in with_status::<ArchiveDoc>(state, &["started", "paused"])? {
        let end = deadline(r.doc.created_at, r.doc.max_duration());
        if end <= now {
            let (_, emissions) = archives::finish(&mut r, end, "maximum duration exceeded");
            stopped += save_emitting(state, &r, emissions)?;
        }
    }
    for mut r in with_status::<BroadcastDoc>(state, &["started", "paused"])? {
        let end = deadline(r.doc.created_at, r.doc.max_duration);
        if end <= now {
            let e = broadcasts::finish(&mut r, end);
            stopped += save_emitting(state, &r, vec![e])?;
        }
    }
    for mut r in with_status::<CaptionsDoc>(state, &["started"])? {
        let end = deadline(r.doc.created_at, r.doc.max_duration);
        if end <= now {
            let e = captions::finish(&mut r, end, "Max duration exceeded");
            stopped += save_emitting(state, &r, vec![e])?;
        }
    }
    for mut r in with_status::<RenderDoc>(state, &["starting", "started"])? {
        if r.doc.status == renders::RenderStatus::Starting {
            match renders::advance(state, r) {
                Ok(started) => r = started,
                Err(_) => continue, // its connection left; the render stays starting
            }
        }
        let end = deadline(r.doc.created_at, r.doc.max_duration);
        if end <= now {
            let e = renders::finish(state, &mut r, end, "Max Duration Exceeded")?;
            stopped += save_emitting(state, &r, vec![e])?;
        }
    }
    Ok(stopped)
}

/// Saves a recording that stopped and queues its events; counts one.
fn save_emitting<D: Document>(state: &AppState, r: &Stored<D>, emissions: Vec<Emission>) -> Result<usize, ApiError> {
    r.save(state)?;
    for e in emissions {
        emit(state, e)?;
    }
    Ok(1)
}

/// When a recording started at `created_at` (unix ms of the simulated clock) reaches a
/// `max_duration` of seconds.
fn deadline(created_at: i64, max_duration: i64) -> i64 {
    created_at.saturating_add(max_duration.saturating_mul(1000))
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
