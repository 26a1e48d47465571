//! Experience Composer renders: the state machine. Starting one (202, `starting`) adds its
//! connection to the session; it is `started`, publishing a stream, from the first read (or
//! tick of the timer task); stopping it (or its `maxDuration` passing) leaves `stopped` and its
//! connection leaves. Each status change posts the render status event (also to the render's
//! `statusCallbackUrl`).

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::fields::{opt_int, opt_str, req_str};
use crate::sim::connections::{self, reasons, service_connection};
use crate::sim::events::{self, emit, update_emitting, Emission};
use crate::sim::recordings;
use crate::sim::resources::{uuid_v4, Document, Stored};
use crate::sim::sessions::routed_session;
use crate::state::AppState;

/// Resource kind of renders.
pub const KIND: &str = "render";

/// The state of a render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RenderStatus {
    /// Asked for; its connection joined.
    Starting,
    /// Publishing its stream.
    Started,
    /// Ended; its connection left.
    Stopped,
}

impl RenderStatus {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            RenderStatus::Starting => "starting",
            RenderStatus::Started => "started",
            RenderStatus::Stopped => "stopped",
        }
    }
}

/// An Experience Composer render as stored and served (`GET /render/{id}`): the fields of the
/// core's [`opentok::Render`], plus what it was started with and the `event` name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RenderDoc {
    /// Render id.
    pub id: String,
    /// The session it publishes into.
    pub session_id: String,
    /// The project.
    pub project_id: String,
    /// The project, as Vonage applications name it.
    pub application_id: String,
    /// Start, unix ms of the simulated clock.
    pub created_at: i64,
    /// Last change, unix ms.
    pub updated_at: i64,
    /// The page rendered.
    pub url: String,
    /// Resolution.
    pub resolution: String,
    /// Seconds after which it stops.
    pub max_duration: i64,
    /// Current state.
    pub status: RenderStatus,
    /// Its stream, once started (`null` before).
    pub stream_id: Option<String>,
    /// The stream's name (`properties.name`; `null` without one).
    pub name: Option<String>,
    /// Where status events go too (`null` without one).
    pub status_callback_url: Option<String>,
    /// `render`.
    pub event: String,
    /// Its connection in the session.
    pub connection_id: String,
    /// Why it stopped (absent until then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Document for RenderDoc {
    const KIND: &'static str = KIND;

    fn touch(&mut self, now: i64) {
        self.updated_at = now;
    }
}

impl RenderDoc {
    /// The core's model of it, as a client (or an event's reader) reads the served document.
    pub fn to_model(&self) -> opentok::Render {
        opentok::Render {
            id: self.id.clone(),
            session_id: Some(self.session_id.clone()),
            project_id: Some(self.project_id.clone()),
            application_id: Some(self.application_id.clone()),
            created_at: Some(self.created_at),
            updated_at: Some(self.updated_at),
            url: Some(self.url.clone()),
            resolution: Some(self.resolution.clone()),
            status: Some(self.status.as_str().to_string()),
            stream_id: self.stream_id.clone(),
            reason: self.reason.clone(),
        }
    }
}

/// Starts a render of `m` (the REST body) in the project's session. Takes the state-machine
/// lock.
pub fn start(state: &AppState, project_id: &str, session_id: &str, m: &Map<String, Value>) -> Result<RenderDoc, ApiError> {
    let token = req_str(m, "token")?;
    let url = req_str(m, "url")?;
    if !(15..=2048).contains(&url.len()) || !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(ApiError::bad_request(
            "invalid_argument",
            format!("url must be an http(s) URL of 15 to 2048 characters (got {url:?})"),
        ));
    }
    let max_duration = opt_int(m, "maxDuration", opentok::RENDER_DURATION_RANGE)?.unwrap_or(7200);
    // Every archive resolution, 1080p included: the service takes them (the core's client refuses
    // 1080p renders, as the Python and Java SDKs do).
    let resolution = match opt_str(m, "resolution")? {
        Some(r) => r.parse::<opentok::ArchiveResolution>().map_err(|e| ApiError::from_core(&e))?.as_str().to_string(),
        None => opentok::ArchiveResolution::Hd.as_str().to_string(),
    };
    let name = match m.get("properties") {
        Some(Value::Object(p)) => opt_str(p, "name")?,
        _ => None,
    };
    let status_callback_url = opt_str(m, "statusCallbackUrl")?;
    let _guard = state.ops_lock();
    let session = routed_session(state, project_id, session_id, "Experience Composer")?;
    let conn = service_connection(state, &session, &token, "render")?;
    let id = uuid_v4()?;
    let now = state.now_ms();
    let doc = RenderDoc {
        id: id.clone(),
        session_id: session_id.into(),
        project_id: project_id.into(),
        application_id: project_id.into(),
        created_at: now,
        updated_at: now,
        url,
        resolution,
        max_duration,
        status: RenderStatus::Starting,
        stream_id: None,
        name,
        status_callback_url,
        event: "render".into(),
        connection_id: conn.connection_id.clone(),
        reason: None,
    };
    Stored::new(&id, project_id, Some(session_id), Some(&conn.connection_id), doc.clone()).save(state)?;
    emit(state, events::render_status(project_id, &doc))?;
    Ok(doc)
}

/// `starting` becomes `started` (with a published stream, and its event) the first time it is
/// read or the timer task sees it; gives it as it is now. Caller holds the state-machine lock.
pub fn advance(state: &AppState, mut r: Stored<RenderDoc>) -> Result<Stored<RenderDoc>, ApiError> {
    if r.doc.status == RenderStatus::Starting {
        let mut props = Map::new();
        props.insert("name".into(), json!(r.doc.name.as_deref().unwrap_or("Experience Composer")));
        props.insert("videoType".into(), json!("camera"));
        let stream = recordings::publish(state, &r.doc.session_id, &r.doc.connection_id, &props)?;
        r.doc.status = RenderStatus::Started;
        r.doc.stream_id = Some(stream.id);
        r.doc.updated_at = state.now_ms();
        r.save(state)?;
        emit(state, events::render_status(&r.project_id, &r.doc))?;
    }
    Ok(r)
}

/// Ends a render with `reason`: its connection leaves (with its stream); gives the render's
/// event. Caller holds the lock and saves `r`.
pub fn finish(state: &AppState, r: &mut Stored<RenderDoc>, now: i64, reason: &str) -> Result<Emission, ApiError> {
    connections::disconnect(state, &r.doc.session_id, &r.doc.connection_id, reasons::FORCED)?;
    r.doc.status = RenderStatus::Stopped;
    r.doc.reason = Some(reason.into());
    r.doc.updated_at = now;
    Ok(events::render_status(&r.project_id, &r.doc))
}

/// `DELETE .../render/{id}` (409 when already stopped).
pub fn stop(state: &AppState, project_id: &str, id: &str) -> Result<(), ApiError> {
    update_emitting(state, id, project_id, |r: &mut Stored<RenderDoc>, now| {
        if r.doc.status == RenderStatus::Stopped {
            return Err(ApiError::new(StatusCode::CONFLICT, "not_running", format!("render {id} is already stopped")));
        }
        Ok(((), vec![finish(state, r, now, "Stop Requested")?]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the emulator posts in events (`to_model`) is what a client reads from the document
    /// it serves, before it started and once stopped.
    #[test]
    fn the_model_is_what_a_client_reads_from_the_document() {
        let starting = RenderDoc {
            id: "r".into(),
            session_id: "s".into(),
            project_id: "123456".into(),
            application_id: "123456".into(),
            created_at: 1,
            updated_at: 2,
            url: "https://example.com/x".into(),
            resolution: "1280x720".into(),
            max_duration: 60,
            status: RenderStatus::Starting,
            stream_id: None,
            name: None,
            status_callback_url: None,
            event: "render".into(),
            connection_id: "c".into(),
            reason: None,
        };
        let stopped = RenderDoc {
            status: RenderStatus::Stopped,
            stream_id: Some("st".into()),
            name: Some("n".into()),
            status_callback_url: Some("https://example.com/cb".into()),
            reason: Some("Stop Requested".into()),
            ..starting.clone()
        };
        for d in [starting, stopped] {
            let served = serde_json::to_value(&d).unwrap();
            let read: opentok::Render = serde_json::from_value(served.clone()).unwrap();
            assert_eq!(d.to_model(), read);
            assert_eq!(serde_json::from_value::<RenderDoc>(served).unwrap(), d, "the stored document reads back");
        }
    }
}
