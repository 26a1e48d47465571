//! Archives: the state machine. A routed session with at least one connected client can start
//! an archive (`started`); one running archive per session and `multiArchiveTag`; stopping
//! gives `stopped` and the file is `available` right after, with a size and a duration; a test
//! can make a running archive `failed`; `maxDuration` (default 4 hours) stops it; deleting
//! (not while recording) leaves `deleted`. Each status change posts the archive status event.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::fields::{check_layout, opt_bool, opt_int, opt_str};
use crate::sim::events::{self, emit, update_emitting, Emission};
use crate::sim::recordings::{composable_session, is_running, running_with_same_tag};
use crate::sim::resources::{new_resource, project_json, update_owned, uuid_v4};
use crate::state::AppState;
use crate::store::{Resource, SessionRecord};

/// Resource kind of archives in the store.
pub const KIND: &str = "archive";

/// Bytes per second of recording in the emulated file size.
pub const BYTES_PER_SECOND: i64 = 125_000;

/// Seconds an archive may run unless its `maxDuration` says otherwise (the service's 4 hours).
pub const DEFAULT_MAX_DURATION: i64 = 14_400;

/// Range of an archive's `maxDuration`, seconds.
pub const MAX_DURATION_RANGE: std::ops::RangeInclusive<u32> = 60..=36_000;

/// Starts an archive of `m` (the REST body, `sessionId` read already) in the project's session.
/// Takes the state-machine lock.
pub fn start(state: &AppState, project_id: &str, session_id: &str, m: &Map<String, Value>) -> Result<Value, ApiError> {
    let doc = archive_doc(state, m, project_id, session_id)?;
    let _guard = state.ops_lock();
    composable_session(state, project_id, session_id, "archiving")?;
    if let Some(other) = running_with_same_tag(state, KIND, project_id, session_id, "multiArchiveTag", &doc)? {
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
    state.store().put_resource(&new_resource(KIND, &id, project_id, Some(session_id), None, doc.clone()))?;
    emit(state, events::archive_status(project_id, &doc))?;
    Ok(doc)
}

/// Starts the automatic archive of an `archiveMode=always` session when a stream is published
/// and none is running (name and resolution from the session's settings). Caller holds the
/// state-machine lock.
pub fn auto_start(state: &AppState, session: &SessionRecord) -> Result<(), ApiError> {
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
    let doc = archive_doc(state, &m, &session.project_id, &session.session_id)?;
    let id = doc["id"].as_str().unwrap_or_default().to_string();
    state.store().put_resource(&new_resource(KIND, &id, &session.project_id, Some(&session.session_id), None, doc.clone()))?;
    emit(state, events::archive_status(&session.project_id, &doc))?;
    Ok(())
}

fn archive_doc(state: &AppState, m: &Map<String, Value>, project_id: &str, session_id: &str) -> Result<Value, ApiError> {
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
    let max_duration = opt_int(m, "maxDuration", MAX_DURATION_RANGE)?;
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
    let now = state.now_ms();
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
    if let Some(d) = max_duration {
        doc["maxDuration"] = json!(d);
    }
    if let Some(t) = transcription {
        doc["transcription"] = t;
    }
    Ok(doc)
}

/// Stops a running archive with `reason`: gives it as `stopped` (the answer) and the events
/// `stopped` then `available`; `r` is left `available` (the emulator "processes" instantly: the
/// next read finds the file available), for the caller to save.
pub fn finish(r: &mut Resource, now: i64, reason: &str) -> (Value, Vec<Emission>) {
    let created = r.doc["createdAt"].as_i64().unwrap_or(now);
    let duration = ((now - created) as f64 / 1000.0).round() as i64;
    r.doc["duration"] = json!(duration);
    r.doc["updatedAt"] = json!(now);
    r.doc["status"] = json!("stopped");
    r.doc["reason"] = json!(reason);
    let stopped = r.doc.clone();
    r.doc["status"] = json!("available");
    r.doc["size"] = json!(duration * BYTES_PER_SECOND + 4096);
    let events = vec![events::archive_status(&r.project_id, &stopped), events::archive_status(&r.project_id, &r.doc)];
    (stopped, events)
}

/// `POST .../archive/{id}/stop`: the archive as stopped (409 when it is not recording).
pub fn stop(state: &AppState, project_id: &str, id: &str) -> Result<Value, ApiError> {
    update_emitting(state, KIND, id, project_id, |r, now| {
        require_recording(r, id, "")?;
        Ok(finish(r, now, "user initiated"))
    })
}

/// Makes a running archive `failed` with `reason` (a test's request; posted).
pub fn fail(state: &AppState, project_id: &str, id: &str, reason: &str) -> Result<Value, ApiError> {
    update_emitting(state, KIND, id, project_id, |r, now| {
        require_recording(r, id, "; only a running archive can fail")?;
        let created = r.doc["createdAt"].as_i64().unwrap_or(now);
        r.doc["duration"] = json!(((now - created) as f64 / 1000.0).round() as i64);
        r.doc["status"] = json!("failed");
        r.doc["reason"] = json!(reason);
        Ok((r.doc.clone(), vec![events::archive_status(&r.project_id, &r.doc)]))
    })
}

fn require_recording(r: &Resource, id: &str, hint: &str) -> Result<(), ApiError> {
    if is_running(&r.doc) {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::CONFLICT,
        "not_recording",
        format!("archive {id} is not being recorded (status {}){hint}", r.doc["status"].as_str().unwrap_or("?")),
    ))
}

/// `DELETE .../archive/{id}`: leaves it `deleted` (409 while recording).
pub fn delete(state: &AppState, project_id: &str, id: &str) -> Result<(), ApiError> {
    update_owned(state, KIND, id, project_id, |r, _| {
        if is_running(&r.doc) {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "still_recording",
                format!("archive {id} is still being recorded; stop it before deleting it"),
            ));
        }
        r.doc["status"] = json!("deleted");
        Ok(())
    })
}

/// The `maxDuration` of an archive document, seconds.
pub fn max_duration(doc: &Value) -> i64 {
    doc["maxDuration"].as_i64().unwrap_or(DEFAULT_MAX_DURATION)
}
