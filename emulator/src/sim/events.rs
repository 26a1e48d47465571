//! The events the service posts to an app, and where they go. The bodies are the core's typed
//! events ([`opentok::Event`], serialized by [`Event::to_json`]), so what the emulator sends is
//! what every binding's `parse_event` reads. Each state change of the simulation calls [`emit`]
//! with one event; it is queued for every URL that wants it, in the order the changes happened
//! ([`crate::sim::delivery`] posts them):
//!
//! - callbacks registered with `POST /v2/project/{projectId}/callback` for the event's group
//!   (`connection` + `connectionCreated`/`connectionDestroyed`, `stream` +
//!   `streamCreated`/`streamDestroyed`, `archive` + `status`);
//! - the project's callback URL (`PUT /emulator/v1/projects/{projectId}/callback-url`, what the
//!   account page sets on the real service): every event of the project;
//! - the resource's own `statusCallbackUrl` (captions, Experience Composer renders).

use crate::api_error::ApiError;
use crate::sim::callbacks;
use crate::sim::connections::{SipCallDoc, StreamDoc};
use crate::sim::delivery::{enqueue, queue_key};
use crate::sim::recordings::archives::ArchiveDoc;
use crate::sim::recordings::broadcasts::BroadcastDoc;
use crate::sim::recordings::captions::CaptionsDoc;
use crate::sim::recordings::renders::RenderDoc;
use crate::sim::resources::{owned, Document, Stored};
use crate::state::AppState;
use crate::store::{ConnectionRecord, DeliveryRecord, StoreResult};
use opentok::{
    ArchiveEvent, BroadcastEvent, CallEvent, CallInfo, CaptionsEvent, ConnectionEvent, ConnectionInfo, Event, RenderEvent,
    StreamEvent, StreamInfo,
};

/// Which family an event belongs to (what a registered callback subscribes to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Session monitoring: connections.
    Connection,
    /// Session monitoring: streams.
    Stream,
    /// Archive status.
    Archive,
    /// Broadcast status.
    Broadcast,
    /// SIP call events.
    Sip,
    /// Live captions status.
    Captions,
    /// Experience Composer status.
    Render,
}

impl Group {
    /// The `group` a REST callback registration names for these events, if one can.
    pub fn registration_group(self) -> Option<&'static str> {
        match self {
            Group::Connection => Some("connection"),
            Group::Stream => Some("stream"),
            Group::Archive => Some("archive"),
            _ => None,
        }
    }
}

/// One event to deliver.
#[derive(Debug, Clone)]
pub struct Emission {
    /// Owner of the resource.
    pub project_id: String,
    /// The session it happened in.
    pub session_id: Option<String>,
    /// Its family.
    pub group: Group,
    /// The name a registration matches (`connectionCreated`...; `status` for archives).
    pub registration_event: &'static str,
    /// The delivery log's label, e.g. `archive.available`.
    pub label: String,
    /// The event, typed by the core; its [`Event::to_json`] is the body posted.
    pub event: Event,
    /// The resource's own `statusCallbackUrl`, if any.
    pub status_url: Option<String>,
}

/// Queues `e` for every URL that wants it (each URL once). Call it right after the state
/// change is stored, under the state-machine lock, so the order of the queue is the order of
/// the changes.
pub fn emit(state: &AppState, e: Emission) -> StoreResult<()> {
    let mut urls: Vec<String> = Vec::new();
    if let Some(group) = e.group.registration_group() {
        urls.extend(callbacks::registered_urls(state, &e.project_id, group, e.registration_event)?);
    }
    if let Some(u) = callbacks::project_url(state, &e.project_id)? {
        urls.push(u);
    }
    if let Some(u) = e.status_url.as_ref().filter(|u| !u.is_empty()) {
        urls.push(u.clone());
    }
    let mut seen = std::collections::HashSet::new();
    let body = e.event.to_json().to_string();
    for url in urls.into_iter().filter(|u| seen.insert(u.clone())) {
        enqueue(
            state,
            DeliveryRecord {
                id: 0,
                queue: queue_key(&url, &e.project_id, e.session_id.as_deref()),
                project_id: e.project_id.clone(),
                session_id: e.session_id.clone(),
                url,
                event: e.label.clone(),
                body: body.clone(),
                state: String::new(),
                attempts: 0,
                status_code: None,
                last_error: None,
                replay_of: None,
                created_at_ms: 0,
                updated_at_ms: 0,
            },
        )?;
    }
    Ok(())
}

/// [`update_owned`](crate::sim::resources::update_owned) of a change that emits events: `change` gives its answer and the events;
/// they are queued after the resource is saved (a crash in between loses an event, never the
/// state), still under the lock (so the queue keeps the order of the changes).
pub fn update_emitting<D: Document, T>(
    state: &AppState,
    id: &str,
    project_id: &str,
    change: impl FnOnce(&mut Stored<D>, i64) -> Result<(T, Vec<Emission>), ApiError>,
) -> Result<T, ApiError> {
    let _guard = state.ops_lock();
    let mut r = owned::<D>(state, id, project_id)?;
    let now = state.now_ms();
    r.doc.touch(now);
    let (out, emissions) = change(&mut r, now)?;
    r.save(state)?;
    for e in emissions {
        emit(state, e)?;
    }
    Ok(out)
}

/// Queues a delivery again, to the same URL, as a new entry of the log; gives its id.
pub fn replay(state: &AppState, id: i64) -> StoreResult<Option<i64>> {
    let Some(mut d) = state.store().delivery(id)? else { return Ok(None) };
    d.replay_of = Some(d.replay_of.unwrap_or(d.id));
    d.status_code = None;
    d.last_error = None;
    Ok(Some(enqueue(state, d)?))
}

/// A connection as session monitoring shows it (`data` is `""` without connection data).
fn connection_info(c: &ConnectionRecord) -> ConnectionInfo {
    ConnectionInfo {
        id: c.connection_id.clone(),
        created_at: Some(c.created_at_ms),
        data: Some(c.data.clone().unwrap_or_default()),
    }
}

fn connection_event(state: &AppState, c: &ConnectionRecord, reason: Option<&str>) -> ConnectionEvent {
    ConnectionEvent {
        session_id: c.session_id.clone(),
        project_id: Some(c.project_id.clone()),
        timestamp: Some(state.now_ms()),
        reason: reason.map(str::to_string),
        connection: connection_info(c),
    }
}

/// `connectionCreated`.
pub fn connection_created(state: &AppState, c: &ConnectionRecord) -> Emission {
    let event = Event::ConnectionCreated { event: connection_event(state, c, None) };
    monitoring(c, Group::Connection, event)
}

/// `connectionDestroyed` with `reason` (`clientDisconnected`, `forceDisconnected`).
pub fn connection_destroyed(state: &AppState, c: &ConnectionRecord, reason: &str) -> Emission {
    let event = Event::ConnectionDestroyed { event: connection_event(state, c, Some(reason)) };
    monitoring(c, Group::Connection, event)
}

fn stream_event(state: &AppState, c: &ConnectionRecord, stream: &StreamDoc, reason: Option<&str>) -> StreamEvent {
    StreamEvent {
        session_id: c.session_id.clone(),
        project_id: Some(c.project_id.clone()),
        timestamp: Some(state.now_ms()),
        reason: reason.map(str::to_string),
        stream: StreamInfo {
            id: stream.id.clone(),
            connection: Some(connection_info(c)),
            created_at: Some(stream.created_at),
            name: Some(stream.name.clone()),
            video_type: Some(stream.video_type.clone()),
        },
    }
}

/// `streamCreated` of `stream` published by `c`.
pub fn stream_created(state: &AppState, c: &ConnectionRecord, stream: &StreamDoc) -> Emission {
    let event = Event::StreamCreated { event: stream_event(state, c, stream, None) };
    monitoring(c, Group::Stream, event)
}

/// `streamDestroyed` with `reason` (`clientDisconnected`, `forceDisconnected`...).
pub fn stream_destroyed(state: &AppState, c: &ConnectionRecord, stream: &StreamDoc, reason: &str) -> Emission {
    let event = Event::StreamDestroyed { event: stream_event(state, c, stream, Some(reason)) };
    monitoring(c, Group::Stream, event)
}

/// `callCreated` (no `reason`) or `callDestroyed` (`reason`: why its connection left) of the SIP
/// participant `c`, with `call` the stored call.
pub fn sip_call(state: &AppState, c: &ConnectionRecord, call: &SipCallDoc, reason: Option<&str>) -> Emission {
    let event = CallEvent {
        session_id: c.session_id.clone(),
        project_id: Some(c.project_id.clone()),
        timestamp: Some(state.now_ms()),
        reason: reason.map(str::to_string),
        call: CallInfo {
            id: call.id.clone(),
            connection_id: Some(c.connection_id.clone()),
            stream_id: Some(call.stream_id.clone()),
            created_at: Some(call.created_at),
            sip_uri: Some(call.uri.clone()),
            state: None,
        },
    };
    let event = match reason {
        None => Event::CallCreated { event },
        Some(_) => Event::CallDestroyed { event },
    };
    monitoring(c, Group::Sip, event)
}

fn monitoring(c: &ConnectionRecord, group: Group, event: Event) -> Emission {
    let name = event.name();
    Emission {
        project_id: c.project_id.clone(),
        session_id: Some(c.session_id.clone()),
        group,
        registration_event: name,
        label: name.to_string(),
        event,
        status_url: None,
    }
}

/// An archive status event: the archive as the REST API shows it, in its new status.
pub fn archive_status(project_id: &str, archive: &ArchiveDoc) -> Emission {
    let event = ArchiveEvent { status: archive.status.as_str().to_string(), archive: archive.to_model() };
    resource_status(project_id, Group::Archive, &archive.session_id, Event::ArchiveChanged { event }, None)
}

/// A broadcast status event.
pub fn broadcast_status(project_id: &str, broadcast: &BroadcastDoc) -> Emission {
    let event = BroadcastEvent { status: broadcast.status.as_str().to_string(), broadcast: broadcast.to_model() };
    resource_status(project_id, Group::Broadcast, &broadcast.session_id, Event::BroadcastChanged { event }, None)
}

/// A live captions status event (to its `statusCallbackUrl` too); `duration` is counted up to
/// `now_ms`.
pub fn captions_status(captions: &CaptionsDoc, now_ms: i64) -> Emission {
    let text = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
    let event = CaptionsEvent {
        caption_id: captions.captions_id.clone(),
        session_id: captions.session_id.clone(),
        application_id: text(&captions.application_id),
        project_id: text(&captions.project_id),
        status: captions.status.as_str().to_string(),
        created_at: Some(captions.created_at),
        updated_at: Some(captions.updated_at),
        duration: Some((now_ms - captions.created_at).max(0) / 1000),
        language_code: text(&captions.language_code),
        provider: text(&captions.provider),
        reason: captions.reason.as_deref().and_then(text),
    };
    let url = captions.status_callback_url.clone();
    resource_status(&captions.project_id, Group::Captions, &captions.session_id, Event::CaptionsChanged { event }, url)
}

/// An Experience Composer status event (to its `statusCallbackUrl` too).
pub fn render_status(project_id: &str, render: &RenderDoc) -> Emission {
    let event = RenderEvent { status: render.status.as_str().to_string(), render: render.to_model() };
    let url = render.status_callback_url.clone();
    resource_status(project_id, Group::Render, &render.session_id, Event::RenderChanged { event }, url)
}

fn resource_status(project_id: &str, group: Group, session_id: &str, event: Event, status_url: Option<String>) -> Emission {
    Emission {
        project_id: project_id.to_string(),
        session_id: Some(session_id.to_string()),
        group,
        registration_event: "status",
        label: format!("{}.{}", event.name(), event.status().unwrap_or("unknown")),
        event,
        status_url,
    }
}
