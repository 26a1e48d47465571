//! Live-streaming broadcasts: the state machine. Like archives: a routed session with a
//! connected client; one running broadcast per session and `multiBroadcastTag`; `started` →
//! `stopped` (by a stop or when `maxDuration` passes), HLS `live` → `ended`. Each status change
//! posts the broadcast status event.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::fields::{check_layout, opt_bool, opt_int, opt_str, req_str};
use crate::sim::events::{self, emit, update_emitting, Emission};
use crate::sim::recordings::{composable_session, is_running, running_with_same_tag};
use crate::sim::resources::{new_resource, project_json, uuid_v4};
use crate::state::AppState;
use crate::store::Resource;

/// Resource kind of broadcasts in the store.
pub const KIND: &str = "broadcast";

/// Starts a broadcast of `m` (the REST body) in the project's session. Takes the
/// state-machine lock.
pub fn start(state: &AppState, project_id: &str, session_id: &str, m: &Map<String, Value>) -> Result<Value, ApiError> {
    let id = uuid_v4()?;
    let doc = broadcast_doc(state, m, &id, project_id, session_id)?;
    let _guard = state.ops_lock();
    composable_session(state, project_id, session_id, "broadcasting")?;
    if let Some(other) = running_with_same_tag(state, KIND, project_id, session_id, "multiBroadcastTag", &doc)? {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "already_broadcasting",
            format!(
                "session {session_id} is already being broadcast (broadcast {}); use a different multiBroadcastTag",
                other.id
            ),
        ));
    }
    state.store().put_resource(&new_resource(KIND, &id, project_id, Some(session_id), None, doc.clone()))?;
    emit(state, events::broadcast_status(project_id, &doc))?;
    Ok(doc)
}

fn broadcast_doc(
    state: &AppState,
    m: &Map<String, Value>,
    id: &str,
    project_id: &str,
    session_id: &str,
) -> Result<Value, ApiError> {
    let outputs = match m.get("outputs") {
        Some(Value::Object(o)) => o.clone(),
        _ => {
            return Err(ApiError::bad_request(
                "invalid_argument",
                "outputs is required: {\"hls\": {...}} and/or {\"rtmp\": [...]}",
            ))
        }
    };
    let hls = match outputs.get("hls") {
        None | Some(Value::Null) => None,
        Some(Value::Object(h)) => {
            let dvr = opt_bool(h, "dvr")?.unwrap_or(false);
            let low = opt_bool(h, "lowLatency")?.unwrap_or(false);
            if dvr && low {
                return Err(ApiError::bad_request("invalid_argument", "outputs.hls: dvr and lowLatency cannot both be true"));
            }
            Some((dvr, low))
        }
        Some(v) => return Err(ApiError::bad_request("invalid_argument", format!("outputs.hls must be an object (got {v})"))),
    };
    let rtmp_in = match outputs.get("rtmp") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.clone(),
        Some(Value::Object(o)) => vec![Value::Object(o.clone())],
        Some(v) => return Err(ApiError::bad_request("invalid_argument", format!("outputs.rtmp must be a list (got {v})"))),
    };
    if rtmp_in.len() > opentok::MAX_RTMP_OUTPUTS {
        return Err(ApiError::bad_request(
            "invalid_argument",
            format!("outputs.rtmp: at most {} outputs (got {})", opentok::MAX_RTMP_OUTPUTS, rtmp_in.len()),
        ));
    }
    if hls.is_none() && rtmp_in.is_empty() {
        return Err(ApiError::bad_request("invalid_argument", "outputs must contain hls or at least one rtmp output"));
    }
    let mut rtmp = Vec::new();
    for r in &rtmp_in {
        let o = r.as_object().ok_or_else(|| ApiError::bad_request("invalid_argument", "outputs.rtmp items must be objects"))?;
        let url = req_str(o, "serverUrl")?;
        if !(url.starts_with("rtmp://") || url.starts_with("rtmps://")) {
            return Err(ApiError::bad_request(
                "invalid_argument",
                format!("outputs.rtmp.serverUrl must start with rtmp:// or rtmps:// (got {url:?})"),
            ));
        }
        rtmp.push(json!({
            "id": opt_str(o, "id")?,
            "serverUrl": url,
            "streamName": req_str(o, "streamName")?,
            "status": "live",
        }));
    }
    let resolution = match opt_str(m, "resolution")? {
        Some(r) => r.parse::<opentok::ArchiveResolution>().map_err(|e| ApiError::from_core(&e))?.as_str().to_string(),
        None => "640x480".into(),
    };
    let stream_mode: opentok::StreamMode =
        opt_str(m, "streamMode")?.unwrap_or_else(|| "auto".into()).parse().map_err(|e| ApiError::from_core(&e))?;
    let layout = match m.get("layout") {
        None | Some(Value::Null) => json!({"type": "bestFit"}),
        Some(l) => check_layout(l)?,
    };
    let has_audio = opt_bool(m, "hasAudio")?.unwrap_or(true);
    let has_video = opt_bool(m, "hasVideo")?.unwrap_or(true);
    if !has_audio && !has_video {
        return Err(ApiError::bad_request("invalid_argument", "hasAudio and hasVideo cannot both be false"));
    }
    let max_duration = opt_int(m, "maxDuration", opentok::BROADCAST_DURATION_RANGE)?.unwrap_or(7200);
    // PHP spells it maxBitRate.
    let max_bitrate = match opt_int(m, "maxBitrate", opentok::MAX_BITRATE_RANGE)? {
        Some(b) => b,
        None => opt_int(m, "maxBitRate", opentok::MAX_BITRATE_RANGE)?.unwrap_or(2_000_000),
    };
    let now = state.now_ms();
    let mut urls = json!({ "rtmp": rtmp });
    if let Some((dvr, low)) = hls {
        urls["hls"] = json!(format!("https://broadcast.emulator.invalid/{id}/index.m3u8"));
        urls["hlsStatus"] = json!("live");
        urls["dvr"] = json!(dvr);
        urls["lowLatency"] = json!(low);
    }
    let mut doc = json!({
        "id": id,
        "sessionId": session_id,
        "projectId": project_json(project_id),
        "createdAt": now,
        "updatedAt": now,
        "maxDuration": max_duration,
        "maxBitrate": max_bitrate,
        "resolution": resolution,
        "status": "started",
        "hasAudio": has_audio,
        "hasVideo": has_video,
        "streamMode": stream_mode.as_str(),
        "streams": [],
        "layout": layout,
        "broadcastUrls": urls,
    });
    if let Some(t) = opt_str(m, "multiBroadcastTag")? {
        doc["multiBroadcastTag"] = json!(t);
    }
    Ok(doc)
}

/// Ends a running broadcast: `stopped`, outputs offline; gives the event. The caller saves `r`.
pub fn finish(r: &mut Resource, now: i64) -> Emission {
    r.doc["status"] = json!("stopped");
    r.doc["updatedAt"] = json!(now);
    if r.doc["broadcastUrls"]["hls"].is_string() {
        r.doc["broadcastUrls"]["hlsStatus"] = json!("ended");
    }
    if let Some(list) = r.doc["broadcastUrls"]["rtmp"].as_array_mut() {
        for o in list {
            o["status"] = json!("offline");
        }
    }
    events::broadcast_status(&r.project_id, &r.doc)
}

/// `POST .../broadcast/{id}/stop`: the broadcast as stopped (409 when it is not running).
pub fn stop(state: &AppState, project_id: &str, id: &str) -> Result<Value, ApiError> {
    update_emitting(state, KIND, id, project_id, |r, now| {
        if !is_running(&r.doc) {
            return Err(ApiError::new(StatusCode::CONFLICT, "not_broadcasting", format!("broadcast {id} is not running")));
        }
        let event = finish(r, now);
        Ok((r.doc.clone(), vec![event]))
    })
}
