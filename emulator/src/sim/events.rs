//! The events the service posts to an app, and where they go. Each state change of the
//! simulation calls [`emit`] with one event; it is queued for every URL that wants it, in the
//! order the changes happened ([`crate::sim::delivery`] posts them):
//!
//! - callbacks registered with `POST /v2/project/{projectId}/callback` for the event's group
//!   (`connection` + `connectionCreated`/`connectionDestroyed`, `stream` +
//!   `streamCreated`/`streamDestroyed`, `archive` + `status`);
//! - the project's callback URL (`PUT /emulator/v1/projects/{projectId}/callback-url`, what the
//!   account page sets on the real service): every event of the project;
//! - the resource's own `statusCallbackUrl` (captions, Experience Composer renders).

use serde_json::{json, Value};

use crate::sim::delivery::{enqueue, queue_key};
use crate::state::AppState;
use crate::store::{ConnectionRecord, DeliveryRecord, StoreResult};

/// Store kind of registered callbacks.
pub const CALLBACK_KIND: &str = "callback";

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
    /// The JSON body posted.
    pub body: Value,
    /// The resource's own `statusCallbackUrl`, if any.
    pub status_url: Option<String>,
}

/// Store setting key of a project's callback URL.
pub fn project_url_key(project_id: &str) -> String {
    format!("callback_url:{project_id}")
}

/// Queues `e` for every URL that wants it (each URL once). Call it right after the state
/// change is stored, under the state-machine lock, so the order of the queue is the order of
/// the changes.
pub fn emit(state: &AppState, e: Emission) -> StoreResult<()> {
    let mut urls: Vec<String> = Vec::new();
    if let Some(group) = e.group.registration_group() {
        let mut regs = state.store().resources(CALLBACK_KIND, Some(&e.project_id), None, None)?;
        regs.reverse(); // oldest registration first
        for r in regs {
            if r.doc["group"].as_str() == Some(group) && r.doc["event"].as_str() == Some(e.registration_event) {
                if let Some(u) = r.doc["url"].as_str() {
                    urls.push(u.to_string());
                }
            }
        }
    }
    if let Some(u) = state.store().setting(&project_url_key(&e.project_id))? {
        urls.push(u);
    }
    if let Some(u) = e.status_url.as_ref().filter(|u| !u.is_empty()) {
        urls.push(u.clone());
    }
    let mut seen = std::collections::HashSet::new();
    let body = e.body.to_string();
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

/// Queues a delivery again, to the same URL, as a new entry of the log; gives its id.
pub fn replay(state: &AppState, id: i64) -> StoreResult<Option<i64>> {
    let Some(mut d) = state.store().delivery(id)? else { return Ok(None) };
    d.replay_of = Some(d.replay_of.unwrap_or(d.id));
    d.status_code = None;
    d.last_error = None;
    Ok(Some(enqueue(state, d)?))
}

/// A connection as session monitoring shows it.
fn connection_json(c: &ConnectionRecord) -> Value {
    json!({"id": c.connection_id, "createdAt": c.created_at_ms, "data": c.data.clone().unwrap_or_default()})
}

/// `connectionCreated`.
pub fn connection_created(state: &AppState, c: &ConnectionRecord) -> Emission {
    monitoring(state, c, Group::Connection, "connectionCreated", None, json!({"connection": connection_json(c)}))
}

/// `connectionDestroyed` with `reason` (`clientDisconnected`, `forceDisconnected`).
pub fn connection_destroyed(state: &AppState, c: &ConnectionRecord, reason: &str) -> Emission {
    monitoring(state, c, Group::Connection, "connectionDestroyed", Some(reason), json!({"connection": connection_json(c)}))
}

/// `streamCreated` of `stream` (the emulator's stream document) published by `c`.
pub fn stream_created(state: &AppState, c: &ConnectionRecord, stream: &Value) -> Emission {
    monitoring(state, c, Group::Stream, "streamCreated", None, json!({"stream": stream_json(c, stream)}))
}

/// `streamDestroyed` with `reason` (`clientDisconnected`, `forceDisconnected`...).
pub fn stream_destroyed(state: &AppState, c: &ConnectionRecord, stream: &Value, reason: &str) -> Emission {
    monitoring(state, c, Group::Stream, "streamDestroyed", Some(reason), json!({"stream": stream_json(c, stream)}))
}

fn stream_json(c: &ConnectionRecord, stream: &Value) -> Value {
    json!({
        "id": stream["id"],
        "connection": connection_json(c),
        "createdAt": stream["createdAt"],
        "name": stream["name"],
        "videoType": stream["videoType"],
    })
}

fn monitoring(
    state: &AppState,
    c: &ConnectionRecord,
    group: Group,
    event: &'static str,
    reason: Option<&str>,
    extra: Value,
) -> Emission {
    let mut body = json!({
        "sessionId": c.session_id,
        "projectId": c.project_id,
        "event": event,
        "timestamp": state.now_ms(),
    });
    if let Some(r) = reason {
        body["reason"] = json!(r);
    }
    merge(&mut body, extra);
    Emission {
        project_id: c.project_id.clone(),
        session_id: Some(c.session_id.clone()),
        group,
        registration_event: event,
        label: event.to_string(),
        body,
        status_url: None,
    }
}

/// SIP call event `callCreated`/`callDestroyed` of the SIP participant `c` (the call document).
pub fn sip_call(state: &AppState, c: &ConnectionRecord, call: &Value, event: &'static str) -> Emission {
    let mut e = monitoring(
        state,
        c,
        Group::Sip,
        event,
        None,
        json!({"connection": connection_json(c), "call": {"id": call["id"], "createdAt": call["createdAt"]}}),
    );
    if event == "callDestroyed" {
        e.body["reason"] = json!("hangup");
    }
    e
}

/// An archive status event: the archive as the REST API shows it, in its new status.
pub fn archive_status(project_id: &str, archive: &Value) -> Emission {
    let mut body = archive.clone();
    body["event"] = json!("archive");
    resource_status(project_id, Group::Archive, "archive", body, None)
}

/// A broadcast status event.
pub fn broadcast_status(project_id: &str, broadcast: &Value) -> Emission {
    let mut body = broadcast.clone();
    body["event"] = json!("broadcast");
    resource_status(project_id, Group::Broadcast, "broadcast", body, None)
}

/// A live captions status event (to its `statusCallbackUrl` too).
pub fn captions_status(project_id: &str, captions: &Value, now_ms: i64) -> Emission {
    let created = captions["createdAt"].as_i64().unwrap_or(now_ms);
    let body = json!({
        "captionId": captions["captionsId"],
        "applicationId": captions["applicationId"],
        "sessionId": captions["sessionId"],
        "status": captions["status"],
        "createdAt": created,
        "updatedAt": captions["updatedAt"],
        "duration": (now_ms - created).max(0) / 1000,
        "languageCode": captions["languageCode"],
        "provider": captions["provider"],
        "reason": captions["reason"],
        "group": "captions",
    });
    let url = captions["statusCallbackUrl"].as_str().map(str::to_string);
    resource_status(project_id, Group::Captions, "captions", body, url)
}

/// An Experience Composer status event (to its `statusCallbackUrl` too).
pub fn render_status(project_id: &str, render: &Value) -> Emission {
    let mut body = render.clone();
    if let Some(o) = body.as_object_mut() {
        o.remove("statusCallbackUrl");
        o.remove("connectionId");
    }
    let url = render["statusCallbackUrl"].as_str().map(str::to_string);
    resource_status(project_id, Group::Render, "render", body, url)
}

fn resource_status(project_id: &str, group: Group, what: &str, body: Value, status_url: Option<String>) -> Emission {
    let status = body["status"].as_str().unwrap_or("unknown").to_string();
    Emission {
        project_id: project_id.to_string(),
        session_id: body["sessionId"].as_str().map(str::to_string),
        group,
        registration_event: "status",
        label: format!("{what}.{status}"),
        body,
        status_url,
    }
}

fn merge(into: &mut Value, extra: Value) {
    if let (Some(a), Value::Object(b)) = (into.as_object_mut(), extra) {
        a.extend(b);
    }
}
