//! Archives: `POST/GET /archive`, `GET/DELETE /archive/{id}`, `POST /archive/{id}/stop`,
//! `PUT /archive/{id}/layout`, `PATCH /archive/{id}/streams`.
//!
//! State machine: a routed session with at least one connected client can start an archive
//! (`started`); one running archive per session and `multiArchiveTag` (409 otherwise); stop
//! answers `stopped` and the file is `available` right after, with a size and a duration;
//! delete (not while recording) leaves `deleted`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::clock;
use crate::routes::clients::uuid_v4;
use crate::routes::composition::{composable_session, is_running, running_with_same_tag};
use crate::routes::rest::{
    authorized_update, check_layout, new_resource, opt_bool, opt_int, opt_str, project_json, reply, session_request, Answer,
    ResourceKind,
};
use crate::state::AppState;

/// Resource kind of archives in the store.
pub const KIND: &str = "archive";

/// Archives, for the handlers shared by kind ([`crate::routes::rest::ResourceKind`]).
pub struct Archive;

impl ResourceKind for Archive {
    const KIND: &'static str = KIND;
}

/// Bytes per second of recording in the emulated file size.
pub const BYTES_PER_SECOND: i64 = 125_000;

/// Handles `POST /v2/project/{projectId}/archive`.
pub async fn start(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>, body: Bytes) -> Response {
    reply(start_inner(&state, &headers, &project_id, &body))
}

fn start_inner(state: &AppState, headers: &HeaderMap, project_id: &str, body: &[u8]) -> Answer {
    let (m, session_id) = session_request(state, headers, project_id, body)?;
    let doc = archive_doc(&m, project_id, &session_id)?;
    let _guard = state.ops_lock();
    composable_session(state, project_id, &session_id, "archiving")?;
    if let Some(other) = running_with_same_tag(state, KIND, project_id, &session_id, "multiArchiveTag", &doc)? {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "already_archiving",
            format!(
                "session {session_id} is already being archived (archive {}); use a different multiArchiveTag to record it twice",
                other.id
            ),
        ));
    }
    let id = doc["id"].as_str().unwrap_or_default().to_string();
    state.store().put_resource(&new_resource(KIND, &id, project_id, Some(&session_id), None, doc.clone()))?;
    Ok((StatusCode::OK, doc))
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
    reply(authorized_update(&state, &headers, KIND, &id, &project_id, |r, now| {
        if !is_running(&r.doc) {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "not_recording",
                format!("archive {id} is not being recorded (status {})", r.doc["status"].as_str().unwrap_or("?")),
            ));
        }
        let created = r.doc["createdAt"].as_i64().unwrap_or(now);
        let duration = ((now - created) as f64 / 1000.0).round() as i64;
        r.doc["duration"] = json!(duration);
        let mut answer = r.doc.clone();
        answer["status"] = json!("stopped");
        answer["reason"] = json!("user initiated");
        // The emulator "processes" instantly: the next read finds the file available.
        r.doc["status"] = json!("available");
        r.doc["reason"] = json!("user initiated");
        r.doc["size"] = json!(duration * BYTES_PER_SECOND + 4096);
        Ok((StatusCode::OK, answer))
    }))
}

/// Handles `DELETE /v2/project/{projectId}/archive/{archiveId}` (204).
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
) -> Response {
    reply(authorized_update(&state, &headers, KIND, &id, &project_id, |r, _| {
        if is_running(&r.doc) {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "still_recording",
                format!("archive {id} is still being recorded; stop it before deleting it"),
            ));
        }
        r.doc["status"] = json!("deleted");
        Ok((StatusCode::NO_CONTENT, Value::Null))
    }))
}
