//! Which event a body is: by its `event` (or `group`) name, else by its shape (status callbacks
//! of archives and renders may come without a name), and whether it carries its identity.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{
    ArchiveEvent, BroadcastEvent, CallEvent, CaptionsEvent, ConnectionEvent, Event, RenderEvent, SessionEvent, StreamEvent,
};
use crate::archive::Archive;
use crate::broadcast::Broadcast;
use crate::render::Render;
use crate::rest::{alias, Settle};

/// Fields only archive documents have (a render has none of them).
const ARCHIVE_ONLY: &[&str] = &["size", "duration", "outputMode", "hasAudio", "hasVideo", "partnerId", "streamMode"];

/// The event in `value`, or `None` when it is not one this SDK knows or lacks its identity.
pub(super) fn classify(value: &Value) -> Option<Event> {
    let m = value.as_object()?;
    let name = m.get("event").and_then(Value::as_str).map(str::trim).unwrap_or("");
    match name {
        "sessionCreated" => session(value).map(|event| Event::SessionCreated { event }),
        "sessionDestroyed" => session(value).map(|event| Event::SessionDestroyed { event }),
        "sessionNotification" => session(value).map(|event| Event::SessionNotification { event }),
        "connectionCreated" => connection(value).map(|event| Event::ConnectionCreated { event }),
        "connectionDestroyed" => connection(value).map(|event| Event::ConnectionDestroyed { event }),
        "streamCreated" => stream(value).map(|event| Event::StreamCreated { event }),
        "streamDestroyed" => stream(value).map(|event| Event::StreamDestroyed { event }),
        "callCreated" => call(value).map(|event| Event::CallCreated { event }),
        "callUpdated" => call(value).map(|event| Event::CallUpdated { event }),
        "callDestroyed" => call(value).map(|event| Event::CallDestroyed { event }),
        "archive" => archive(m, value),
        "broadcast" => broadcast(m, value),
        "render" => render(m, value),
        "captions" => captions(value),
        _ => by_shape(m, value),
    }
}

/// A status callback without a known name: captions (`captionId`, or `group: captions`), a
/// broadcast (`broadcastUrls`), a render (`streamId`, or a `url` and none of the archive-only
/// fields), else an archive; each needs an `id` and a `status`.
fn by_shape(m: &Map<String, Value>, value: &Value) -> Option<Event> {
    let has = |k: &str| m.get(k).is_some_and(|v| !v.is_null());
    if has("captionId") || has("captionsId") || m.get("group").and_then(Value::as_str) == Some("captions") {
        return captions(value);
    }
    if !(has("id") && has("status")) {
        return None;
    }
    if has("broadcastUrls") {
        broadcast(m, value)
    } else if has("streamId") || (has("url") && !ARCHIVE_ONLY.iter().any(|k| has(k))) {
        render(m, value)
    } else {
        archive(m, value)
    }
}

fn read<T: DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::from_value(value.clone()).ok()
}

/// The status as sent: a string, or a number or boolean as its text; empty when missing.
fn status_of(m: &Map<String, Value>) -> String {
    match m.get("status") {
        Some(Value::String(s)) => s.clone(),
        Some(v @ (Value::Number(_) | Value::Bool(_))) => v.to_string(),
        _ => String::new(),
    }
}

fn session(value: &Value) -> Option<SessionEvent> {
    read::<SessionEvent>(value).filter(|e| !e.session_id.is_empty())
}

fn connection(value: &Value) -> Option<ConnectionEvent> {
    read::<ConnectionEvent>(value).filter(|e| !e.session_id.is_empty() && !e.connection.id.is_empty())
}

fn stream(value: &Value) -> Option<StreamEvent> {
    read::<StreamEvent>(value).filter(|e| !e.session_id.is_empty() && !e.stream.id.is_empty())
}

fn call(value: &Value) -> Option<CallEvent> {
    read::<CallEvent>(value).filter(|e| !e.session_id.is_empty() && !e.call.id.is_empty())
}

fn archive(m: &Map<String, Value>, value: &Value) -> Option<Event> {
    let mut archive: Archive = read(value)?;
    archive.settle();
    (archive.identity().is_none() && !archive.session_id.is_empty())
        .then(|| Event::ArchiveChanged { event: ArchiveEvent { status: status_of(m), archive } })
}

fn broadcast(m: &Map<String, Value>, value: &Value) -> Option<Event> {
    let mut broadcast: Broadcast = read(value)?;
    broadcast.settle();
    let status = status_of(m);
    // One status: the document's reads as the event's (an object or a list there is no status).
    broadcast.status = Some(status.clone()).filter(|s| !s.is_empty());
    (broadcast.identity().is_none() && !broadcast.session_id.is_empty())
        .then_some(Event::BroadcastChanged { event: BroadcastEvent { status, broadcast } })
}

fn render(m: &Map<String, Value>, value: &Value) -> Option<Event> {
    let mut render: Render = read(value)?;
    render.settle();
    let status = status_of(m);
    render.status = Some(status.clone()).filter(|s| !s.is_empty());
    render.identity().is_none().then_some(Event::RenderChanged { event: RenderEvent { status, render } })
}

fn captions(value: &Value) -> Option<Event> {
    let mut event: CaptionsEvent = read(value)?;
    alias(&mut event.application_id, &mut event.project_id);
    (!event.caption_id.is_empty()).then_some(Event::CaptionsChanged { event })
}
