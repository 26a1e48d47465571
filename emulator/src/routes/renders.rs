//! Experience Composer: `POST /render` (202, status `starting`), `GET /render/{id}` (the first
//! read after starting finds it `started`, publishing a stream into the session), `DELETE
//! /render/{id}` (200, `stopped`, its connection leaves), `GET /render?offset&count`.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::clock;
use crate::routes::clients::uuid_v4;
use crate::routes::rest::{
    authorize, authorized_update, new_resource, opt_int, opt_str, owned_resource, page, reply, req_str, routed_session,
    session_request, Answer,
};
use crate::routes::sip::service_connection;
use crate::state::AppState;
use crate::store::Resource;

/// Resource kind of renders.
pub const KIND: &str = "render";

/// Handles `POST /v2/project/{projectId}/render`.
pub async fn start(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>, body: Bytes) -> Response {
    reply(start_inner(&state, &headers, &project_id, &body))
}

fn start_inner(state: &AppState, headers: &HeaderMap, project_id: &str, body: &[u8]) -> Answer {
    let (m, session_id) = session_request(state, headers, project_id, body)?;
    let token = req_str(&m, "token")?;
    let url = req_str(&m, "url")?;
    if !(15..=2048).contains(&url.len()) || !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(ApiError::bad_request(
            "invalid_argument",
            format!("url must be an http(s) URL of 15 to 2048 characters (got {url:?})"),
        ));
    }
    let max_duration = opt_int(&m, "maxDuration", opentok::RENDER_DURATION_RANGE)?.unwrap_or(7200);
    // Every archive resolution, 1080p included: the service takes them (the core's client refuses
    // 1080p renders, as the Python and Java SDKs do).
    let resolution = match opt_str(&m, "resolution")? {
        Some(r) => r.parse::<opentok::ArchiveResolution>().map_err(|e| ApiError::from_core(&e))?.as_str().to_string(),
        None => opentok::ArchiveResolution::Hd.as_str().to_string(),
    };
    let name = match m.get("properties") {
        Some(Value::Object(p)) => opt_str(p, "name")?,
        _ => None,
    };
    let _guard = state.ops_lock();
    let session = routed_session(state, project_id, &session_id, "Experience Composer")?;
    let conn = service_connection(state, &session, &token, "render")?;
    let id = uuid_v4()?;
    let now = clock::now_ms();
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
        "statusCallbackUrl": opt_str(&m, "statusCallbackUrl")?,
        "event": "render",
        "connectionId": conn.connection_id,
    });
    state.store().put_resource(&new_resource(
        KIND,
        &id,
        project_id,
        Some(&session_id),
        Some(&conn.connection_id),
        doc.clone(),
    ))?;
    Ok((StatusCode::ACCEPTED, doc))
}

/// `starting` becomes `started` (with a published stream) the first time it is read.
fn advance(state: &AppState, mut r: Resource) -> Result<Value, ApiError> {
    if r.doc["status"].as_str() == Some("starting") {
        let session_id = r.session_id.clone().unwrap_or_default();
        let cid = r.parent_id.clone().unwrap_or_default();
        let mut props = Map::new();
        props.insert("name".into(), r.doc["name"].clone());
        props.insert("videoType".into(), json!("camera"));
        if r.doc["name"].is_null() {
            props.insert("name".into(), json!("Experience Composer"));
        }
        let stream = crate::routes::streams::publish(state, &session_id, &cid, &props)?;
        r.doc["status"] = json!("started");
        r.doc["streamId"] = stream["id"].clone();
        r.doc["updatedAt"] = json!(clock::now_ms());
        state.store().put_resource(&r)?;
    }
    Ok(r.doc)
}

/// Handles `GET /v2/project/{projectId}/render/{renderId}`.
pub async fn get(State(state): State<AppState>, headers: HeaderMap, Path((project_id, id)): Path<(String, String)>) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let _guard = state.ops_lock();
        let r = owned_resource(&state, KIND, &id, &project_id)?;
        Ok((StatusCode::OK, advance(&state, r)?))
    })())
}

/// Handles `DELETE /v2/project/{projectId}/render/{renderId}`.
pub async fn stop(State(state): State<AppState>, headers: HeaderMap, Path((project_id, id)): Path<(String, String)>) -> Response {
    reply(authorized_update(&state, &headers, KIND, &id, &project_id, |r, _| {
        if r.doc["status"].as_str() == Some("stopped") {
            return Err(ApiError::new(StatusCode::CONFLICT, "not_running", format!("render {id} is already stopped")));
        }
        if let (Some(sid), Some(cid)) = (r.session_id.clone(), r.parent_id.clone()) {
            state.store().delete_connection(&sid, &cid)?;
        }
        r.doc["status"] = json!("stopped");
        r.doc["reason"] = json!("Stop Requested");
        Ok((StatusCode::OK, Value::Null))
    }))
}

/// Handles `GET /v2/project/{projectId}/render?offset&count`.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(project_id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let _guard = state.ops_lock();
        let mut items = Vec::new();
        for r in state.store().resources(KIND, Some(&project_id), None, None)? {
            items.push(advance(&state, r)?);
        }
        Ok((StatusCode::OK, page(items, &q)?))
    })())
}
