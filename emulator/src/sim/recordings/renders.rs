//! Experience Composer renders: the state machine. Starting one (202, `starting`) adds its
//! connection to the session; it is `started`, publishing a stream, from the first read (or
//! tick of the timer task); stopping it (or its `maxDuration` passing) leaves `stopped` and its
//! connection leaves. Each status change posts the render status event (also to the render's
//! `statusCallbackUrl`).

use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::fields::{opt_int, opt_str, req_str};
use crate::sim::connections::{self, reasons, service_connection};
use crate::sim::events::{self, emit, update_emitting, Emission};
use crate::sim::recordings;
use crate::sim::resources::{new_resource, uuid_v4};
use crate::sim::sessions::routed_session;
use crate::state::AppState;
use crate::store::Resource;

/// Resource kind of renders.
pub const KIND: &str = "render";

/// Starts a render of `m` (the REST body) in the project's session. Takes the state-machine
/// lock.
pub fn start(state: &AppState, project_id: &str, session_id: &str, m: &Map<String, Value>) -> Result<Value, ApiError> {
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
    let _guard = state.ops_lock();
    let session = routed_session(state, project_id, session_id, "Experience Composer")?;
    let conn = service_connection(state, &session, &token, "render")?;
    let id = uuid_v4()?;
    let now = state.now_ms();
    let doc = json!({
        "id": id,
        "sessionId": session_id,
        "projectId": project_id,
        "applicationId": project_id,
        "createdAt": now,
        "updatedAt": now,
        "url": url,
        "resolution": resolution,
        "maxDuration": max_duration,
        "status": "starting",
        "streamId": null,
        "name": name,
        "statusCallbackUrl": opt_str(m, "statusCallbackUrl")?,
        "event": "render",
        "connectionId": conn.connection_id,
    });
    state.store().put_resource(&new_resource(KIND, &id, project_id, Some(session_id), Some(&conn.connection_id), doc.clone()))?;
    emit(state, events::render_status(project_id, &doc))?;
    Ok(doc)
}

/// `starting` becomes `started` (with a published stream, and its event) the first time it is
/// read or the timer task sees it. Caller holds the state-machine lock.
pub fn advance(state: &AppState, mut r: Resource) -> Result<Value, ApiError> {
    if r.doc["status"].as_str() == Some("starting") {
        let session_id = r.session_id.clone().unwrap_or_default();
        let cid = r.parent_id.clone().unwrap_or_default();
        let mut props = Map::new();
        props.insert("name".into(), r.doc["name"].clone());
        props.insert("videoType".into(), json!("camera"));
        if r.doc["name"].is_null() {
            props.insert("name".into(), json!("Experience Composer"));
        }
        let stream = recordings::publish(state, &session_id, &cid, &props)?;
        r.doc["status"] = json!("started");
        r.doc["streamId"] = stream["id"].clone();
        r.doc["updatedAt"] = json!(state.now_ms());
        state.store().put_resource(&r)?;
        emit(state, events::render_status(&r.project_id, &r.doc))?;
    }
    Ok(r.doc)
}

/// Ends a render with `reason`: its connection leaves (with its stream); gives the render's
/// event. Caller holds the lock and saves `r`.
pub fn finish(state: &AppState, r: &mut Resource, now: i64, reason: &str) -> Result<Emission, ApiError> {
    if let (Some(sid), Some(cid)) = (r.session_id.clone(), r.parent_id.clone()) {
        connections::disconnect(state, &sid, &cid, reasons::FORCED)?;
    }
    r.doc["status"] = json!("stopped");
    r.doc["reason"] = json!(reason);
    r.doc["updatedAt"] = json!(now);
    Ok(events::render_status(&r.project_id, &r.doc))
}

/// `DELETE .../render/{id}` (409 when already stopped).
pub fn stop(state: &AppState, project_id: &str, id: &str) -> Result<(), ApiError> {
    update_emitting(state, KIND, id, project_id, |r, now| {
        if r.doc["status"].as_str() == Some("stopped") {
            return Err(ApiError::new(StatusCode::CONFLICT, "not_running", format!("render {id} is already stopped")));
        }
        Ok(((), vec![finish(state, r, now, "Stop Requested")?]))
    })
}
