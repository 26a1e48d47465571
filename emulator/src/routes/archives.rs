//! Archives: `POST/GET /archive`, `GET/DELETE /archive/{id}`, `POST /archive/{id}/stop`,
//! `PUT /archive/{id}/layout`, `PATCH /archive/{id}/streams`.
//!
//! State machine: a routed session with at least one connected client can start an archive
//! (`started`); one running archive per session and `multiArchiveTag` (409 otherwise); stop
//! answers `stopped` and the file is `available` right after, with a size and a duration;
//! delete (not while recording) leaves `deleted`.

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
    authorize, body_object, check_layout, new_resource, opt_bool, opt_int, opt_str, owned_resource, page, project_json,
    project_session, reply, req_str, require_routed, Answer,
};
use crate::state::AppState;

/// Resource kind of archives in the store.
pub const KIND: &str = "archive";
/// Bytes per second of recording in the emulated file size.
pub const BYTES_PER_SECOND: i64 = 125_000;

/// Statuses in which an archive is recording.
pub fn is_running(doc: &Value) -> bool {
    matches!(doc["status"].as_str(), Some("started") | Some("paused"))
}

/// Handles `POST /v2/project/{projectId}/archive`.
pub async fn start(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>, body: Bytes) -> Response {
    reply(start_inner(&state, &headers, &project_id, &body))
}

fn start_inner(state: &AppState, headers: &HeaderMap, project_id: &str, body: &[u8]) -> Answer {
    authorize(state, headers, project_id)?;
    let m = body_object(body)?;
    let session_id = req_str(&m, "sessionId")?;
    let doc = archive_doc(&m, project_id, &session_id)?;
    let _guard = state.ops_lock();
    let session = project_session(state, project_id, &session_id)?;
    require_routed(&session, "archiving")?;
    require_clients(state, &session_id)?;
    let tag = doc["multiArchiveTag"].as_str().map(str::to_string);
    for other in state.store().resources(KIND, Some(project_id), Some(&session_id), None)? {
        if is_running(&other.doc) && other.doc["multiArchiveTag"].as_str().map(str::to_string) == tag {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "already_archiving",
                format!(
                    "session {session_id} is already being archived (archive {}); use a different multiArchiveTag to record it twice",
                    other.id
                ),
            ));
        }
    }
    let id = doc["id"].as_str().unwrap_or_default().to_string();
    state.store().put_resource(&new_resource(KIND, &id, project_id, Some(&session_id), None, doc.clone()))?;
    Ok((StatusCode::OK, doc))
}

/// 404 unless a client is connected, as the service answers.
pub fn require_clients(state: &AppState, session_id: &str) -> Result<(), ApiError> {
    if state.store().connection_count(session_id)? == 0 {
        return Err(ApiError::not_found("no_clients", format!("no clients are actively connected to session {session_id}")));
    }
    Ok(())
}

/// Starts the automatic archive of an `archiveMode=always` session when a stream is published
/// and none is running (name and resolution from the session's settings). Caller holds the
/// state-machine lock.
pub fn auto_start(state: &AppState, session: &crate::store::SessionRecord) -> Result<(), ApiError> {
    if session.archive_mode != "always" || session.media_mode != "routed" {
        return Ok(());
    }
    let running = state
        .store()
        .resources(KIND, Some(&session.project_id), Some(&session.session_id), None)?
        .iter()
        .any(|r| is_running(&r.doc) && r.doc["multiArchiveTag"].is_null());
    if running {
        return Ok(());
    }
    let mut m = Map::new();
    m.insert("name".into(), json!(session.archive_name));
    m.insert("resolution".into(), json!(session.archive_resolution));
    let doc = archive_doc(&m, &session.project_id, &session.session_id)?;
    let id = doc["id"].as_str().unwrap_or_default().to_string();
    state.store().put_resource(&new_resource(KIND, &id, &session.project_id, Some(&session.session_id), None, doc))?;
    Ok(())
}

fn archive_doc(m: &Map<String, Value>, project_id: &str, session_id: &str) -> Result<Value, ApiError> {
    let output_mode = opt_str(m, "outputMode")?.unwrap_or_else(|| "composed".into());
    let output: opentok::OutputMode = output_mode.parse().map_err(|e| ApiError::from_core(&e))?;
    let composed = output == opentok::OutputMode::Composed;
    let stream_mode: opentok::StreamMode =
        opt_str(m, "streamMode")?.unwrap_or_else(|| "auto".into()).parse().map_err(|e| ApiError::from_core(&e))?;
    let resolution = match opt_str(m, "resolution")? {
        Some(r) if !composed => {
            return Err(ApiError::bad_request(
                "invalid_argument",
                format!("resolution {r:?} is not allowed with outputMode individual"),
            ))
        }
        Some(r) => Some(r.parse::<opentok::ArchiveResolution>().map_err(|e| ApiError::from_core(&e))?.as_str().to_string()),
        None if composed => Some("640x480".to_string()),
        None => None,
    };
    let layout = match m.get("layout") {
        None | Some(Value::Null) => None,
        Some(_) if !composed => {
            return Err(ApiError::bad_request("invalid_argument", "layout is not allowed with outputMode individual"))
        }
        Some(l) => Some(check_layout(l)?),
    };
    let has_audio = opt_bool(m, "hasAudio")?.unwrap_or(true);
    let has_video = opt_bool(m, "hasVideo")?.unwrap_or(true);
    if !has_audio && !has_video {
        return Err(ApiError::bad_request("invalid_argument", "hasAudio and hasVideo cannot both be false"));
    }
    let max_bitrate = opt_int(m, "maxBitrate", opentok::MAX_BITRATE_RANGE)?;
    let qp = opt_int(m, "quantizationParameter", opentok::QUANTIZATION_RANGE)?;
    if max_bitrate.is_some() && qp.is_some() {
        return Err(ApiError::bad_request("invalid_argument", "maxBitrate and quantizationParameter cannot both be set"));
    }
    let tag = opt_str(m, "multiArchiveTag")?;
    let has_transcription = opt_bool(m, "hasTranscription")?.unwrap_or(false);
    let transcription = match m.get("transcriptionProperties") {
        None | Some(Value::Null) => None,
        Some(Value::Object(t)) if has_transcription => {
            let code = opt_str(t, "primaryLanguageCode")?.unwrap_or_else(|| "en-US".into());
            if !opentok::is_language_code(&code) {
                return Err(ApiError::bad_request(
                    "invalid_argument",
                    format!("transcriptionProperties.primaryLanguageCode must look like en-US (got {code:?})"),
                ));
            }
            Some(json!({
                "status": "requested",
                "primaryLanguageCode": code,
                "hasSummary": t.get("hasSummary").cloned().unwrap_or(json!(false)),
            }))
        }
        Some(Value::Object(_)) => {
            return Err(ApiError::bad_request("invalid_argument", "transcriptionProperties needs hasTranscription true"))
        }
        Some(v) => {
            return Err(ApiError::bad_request("invalid_argument", format!("transcriptionProperties must be an object (got {v})")))
        }
    };
    let now = clock::now_ms();
    let mut doc = json!({
        "id": uuid_v4()?,
        "status": "started",
        "name": opt_str(m, "name")?,
        "sessionId": session_id,
        "partnerId": project_json(project_id),
        "projectId": project_id,
        "createdAt": now,
        "updatedAt": now,
        "size": 0,
        "duration": 0,
        "hasAudio": has_audio,
        "hasVideo": has_video,
        "outputMode": output.as_str(),
        "streamMode": stream_mode.as_str(),
        "streams": [],
        "url": null,
        "resolution": resolution,
        "reason": "",
        "password": "",
        "event": "archive",
        "hasTranscription": has_transcription,
    });
    if let Some(l) = layout {
        doc["layout"] = l;
    }
    if let Some(t) = tag {
        doc["multiArchiveTag"] = json!(t);
    }
    if let Some(b) = max_bitrate {
        doc["maxBitrate"] = json!(b);
    }
    if let Some(q) = qp {
        doc["quantizationParameter"] = json!(q);
    }
    if let Some(t) = transcription {
        doc["transcription"] = t;
    }
    Ok(doc)
}

/// Handles `POST /v2/project/{projectId}/archive/{archiveId}/stop`.
pub async fn stop(State(state): State<AppState>, headers: HeaderMap, Path((project_id, id)): Path<(String, String)>) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let _guard = state.ops_lock();
        let mut r = owned_resource(&state, KIND, &id, &project_id)?;
        if !is_running(&r.doc) {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "not_recording",
                format!("archive {id} is not being recorded (status {})", r.doc["status"].as_str().unwrap_or("?")),
            ));
        }
        let now = clock::now_ms();
        let created = r.doc["createdAt"].as_i64().unwrap_or(now);
        let duration = ((now - created) as f64 / 1000.0).round() as i64;
        r.doc["duration"] = json!(duration);
        r.doc["updatedAt"] = json!(now);
        let mut answer = r.doc.clone();
        answer["status"] = json!("stopped");
        answer["reason"] = json!("user initiated");
        // The emulator "processes" instantly: the next read finds the file available.
        r.doc["status"] = json!("available");
        r.doc["reason"] = json!("user initiated");
        r.doc["size"] = json!(duration * BYTES_PER_SECOND + 4096);
        state.store().put_resource(&r)?;
        Ok((StatusCode::OK, answer))
    })())
}

/// Handles `GET /v2/project/{projectId}/archive/{archiveId}`.
pub async fn get(State(state): State<AppState>, headers: HeaderMap, Path((project_id, id)): Path<(String, String)>) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        Ok((StatusCode::OK, owned_resource(&state, KIND, &id, &project_id)?.doc))
    })())
}

/// Handles `GET /v2/project/{projectId}/archive?offset&count&sessionId`.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(project_id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let sid = q.get("sessionId").map(String::as_str).filter(|s| !s.is_empty());
        let items = state.store().resources(KIND, Some(&project_id), sid, None)?.into_iter().map(|r| r.doc).collect();
        Ok((StatusCode::OK, page(items, &q)?))
    })())
}

/// Handles `DELETE /v2/project/{projectId}/archive/{archiveId}` (204).
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let _guard = state.ops_lock();
        let mut r = owned_resource(&state, KIND, &id, &project_id)?;
        if is_running(&r.doc) {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "still_recording",
                format!("archive {id} is still being recorded; stop it before deleting it"),
            ));
        }
        r.doc["status"] = json!("deleted");
        r.doc["updatedAt"] = json!(clock::now_ms());
        state.store().put_resource(&r)?;
        Ok((StatusCode::NO_CONTENT, Value::Null))
    })())
}

/// Handles `PUT /v2/project/{projectId}/archive/{archiveId}/layout`.
pub async fn layout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply(set_layout(&state, &headers, KIND, &project_id, &id, &body))
}

/// Sets the layout of a running archive or broadcast.
pub fn set_layout(state: &AppState, headers: &HeaderMap, kind: &str, project_id: &str, id: &str, body: &[u8]) -> Answer {
    authorize(state, headers, project_id)?;
    let layout = check_layout(&Value::Object(body_object(body)?))?;
    let _guard = state.ops_lock();
    let mut r = owned_resource(state, kind, id, project_id)?;
    if r.doc["outputMode"].as_str() == Some("individual") {
        return Err(ApiError::bad_request(
            "invalid_argument",
            format!("{kind} {id} has outputMode individual: it has no layout"),
        ));
    }
    if !is_running(&r.doc) {
        return Err(ApiError::new(StatusCode::CONFLICT, "not_running", format!("{kind} {id} is not running")));
    }
    r.doc["layout"] = layout;
    r.doc["updatedAt"] = json!(clock::now_ms());
    state.store().put_resource(&r)?;
    Ok((StatusCode::OK, Value::Null))
}

/// Handles `PATCH /v2/project/{projectId}/archive/{archiveId}/streams`.
pub async fn streams(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply(patch_streams(&state, &headers, KIND, &project_id, &id, &body))
}

/// Adds or removes a stream of a running archive or broadcast in manual stream mode:
/// 405 in auto mode, 409 when not running, 404 for a stream the session does not have.
pub fn patch_streams(state: &AppState, headers: &HeaderMap, kind: &str, project_id: &str, id: &str, body: &[u8]) -> Answer {
    authorize(state, headers, project_id)?;
    let m = body_object(body)?;
    let add = opt_str(&m, "addStream")?;
    let remove = opt_str(&m, "removeStream")?;
    let _guard = state.ops_lock();
    let mut r = owned_resource(state, kind, id, project_id)?;
    if r.doc["streamMode"].as_str() != Some("manual") {
        return Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "stream_mode_auto",
            format!("{kind} {id} has streamMode auto; streams can only be added or removed in manual mode"),
        ));
    }
    if !is_running(&r.doc) {
        return Err(ApiError::new(StatusCode::CONFLICT, "not_running", format!("{kind} {id} is not running")));
    }
    let mut list: Vec<Value> = r.doc["streams"].as_array().cloned().unwrap_or_default();
    match (add, remove) {
        (Some(stream_id), None) => {
            let session_id = r.session_id.clone().unwrap_or_default();
            let exists = state
                .store()
                .resource(crate::routes::streams::KIND, &stream_id)?
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
            let has_audio = opt_bool(&m, "hasAudio")?.unwrap_or(true);
            let has_video = opt_bool(&m, "hasVideo")?.unwrap_or(true);
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
            return Err(ApiError::bad_request("invalid_argument", "the body must have exactly one of addStream and removeStream"))
        }
    }
    r.doc["streams"] = Value::Array(list);
    r.doc["updatedAt"] = json!(clock::now_ms());
    state.store().put_resource(&r)?;
    Ok((StatusCode::NO_CONTENT, Value::Null))
}
