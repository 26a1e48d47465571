//! Streams and moderation. REST: `GET /session/{sid}/stream[/{streamId}]`, `PUT
//! /session/{sid}/stream` (layout class lists), `POST /session/{sid}/stream/{streamId}/mute`,
//! `POST /session/{sid}/mute` (mute all / disable force mute). Emulator-only: a simulated
//! connection publishes a stream with `POST /emulator/v1/sessions/{sid}/connections/{cid}/streams`
//! and unpublishes it with `DELETE .../streams/{streamId}`; `GET /emulator/v1/sessions/{sid}/streams`
//! lists streams with their emulator-only fields (`connectionId`, `hasAudio`, `hasVideo`,
//! `forceMuted`). Publishing into an `archiveMode=always` session starts its automatic archive.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::clock;
use crate::routes::clients::{require_session, uuid_v4};
use crate::routes::rest::{
    authorize, body_object, new_resource, opt_bool, opt_str, opt_str_list, project_session, reply, Answer,
};
use crate::state::AppState;
use crate::store::Resource;

/// Resource kind of streams in the store (parent: the publishing connection).
pub const KIND: &str = "stream";
/// Resource kind of a session's mute-all state (id: the session id).
pub const MUTE_KIND: &str = "mute";

/// The stream as the REST API shows it (plus the emulator's `forceMuted`).
pub fn rest_view(doc: &Value) -> Value {
    json!({
        "id": doc["id"],
        "videoType": doc["videoType"],
        "name": doc["name"],
        "layoutClassList": doc["layoutClassList"],
        "forceMuted": doc["forceMuted"],
    })
}

fn session_stream(state: &AppState, session_id: &str, stream_id: &str) -> Result<Resource, ApiError> {
    match state.store().resource(KIND, stream_id)? {
        Some(r) if r.session_id.as_deref() == Some(session_id) => Ok(r),
        _ => Err(ApiError::not_found("unknown_stream", format!("no stream {stream_id} in session {session_id}"))),
    }
}

/// Whether a mute-all is active for the session, and its exclusions.
fn mute_state(state: &AppState, session_id: &str) -> Result<Option<Vec<String>>, ApiError> {
    Ok(state.store().resource(MUTE_KIND, session_id)?.and_then(|r| {
        if r.doc["active"].as_bool() == Some(true) {
            Some(
                r.doc["excludedStreamIds"]
                    .as_array()
                    .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
                    .unwrap_or_default(),
            )
        } else {
            None
        }
    }))
}

/// Handles `GET /v2/project/{projectId}/session/{sessionId}/stream/{streamId}`.
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id, stream_id)): Path<(String, String, String)>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        project_session(&state, &project_id, &session_id)?;
        Ok((StatusCode::OK, rest_view(&session_stream(&state, &session_id, &stream_id)?.doc)))
    })())
}

/// Handles `GET /v2/project/{projectId}/session/{sessionId}/stream`.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id)): Path<(String, String)>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        project_session(&state, &project_id, &session_id)?;
        let mut items: Vec<Value> =
            state.store().resources(KIND, None, Some(&session_id), None)?.iter().map(|r| rest_view(&r.doc)).collect();
        items.reverse();
        Ok((StatusCode::OK, json!({"count": items.len(), "items": items})))
    })())
}

/// Handles `PUT /v2/project/{projectId}/session/{sessionId}/stream` `{"items": [{id, layoutClassList}]}`.
pub async fn set_class_lists(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let m = body_object(&body)?;
        let items = match m.get("items") {
            Some(Value::Array(a)) if !a.is_empty() => a.clone(),
            _ => {
                return Err(ApiError::bad_request("invalid_argument", "items must be a non-empty list of {id, layoutClassList}"))
            }
        };
        let _guard = state.ops_lock();
        project_session(&state, &project_id, &session_id)?;
        let mut updated = Vec::new();
        for it in &items {
            let o = it.as_object().ok_or_else(|| ApiError::bad_request("invalid_argument", "items must be objects"))?;
            let id = opt_str(o, "id")?.ok_or_else(|| ApiError::bad_request("invalid_argument", "items[].id is required"))?;
            let classes = opt_str_list(o, "layoutClassList")?;
            let mut r = session_stream(&state, &session_id, &id)?;
            r.doc["layoutClassList"] = json!(classes);
            updated.push(r);
        }
        for r in &updated {
            state.store().put_resource(r)?;
        }
        Ok((StatusCode::OK, Value::Null))
    })())
}

/// Handles `POST /v2/project/{projectId}/session/{sessionId}/stream/{streamId}/mute`.
pub async fn mute_one(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id, stream_id)): Path<(String, String, String)>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let _guard = state.ops_lock();
        project_session(&state, &project_id, &session_id)?;
        let mut r = session_stream(&state, &session_id, &stream_id)?;
        r.doc["forceMuted"] = json!(true);
        state.store().put_resource(&r)?;
        Ok((StatusCode::OK, Value::Null))
    })())
}

/// Handles `POST /v2/project/{projectId}/session/{sessionId}/mute`: `{"active": true,
/// "excludedStreamIds" | "excludedStreams": [...]}` mutes every other stream (and streams
/// published later); `{"active": false}` stops muting new streams.
pub async fn mute_all(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, session_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let m = body_object(&body)?;
        let active = opt_bool(&m, "active")?
            .ok_or_else(|| ApiError::bad_request("invalid_argument", "active (true or false) is required"))?;
        let mut excluded = opt_str_list(&m, "excludedStreamIds")?;
        excluded.extend(opt_str_list(&m, "excludedStreams")?);
        let _guard = state.ops_lock();
        project_session(&state, &project_id, &session_id)?;
        if active {
            for mut r in state.store().resources(KIND, None, Some(&session_id), None)? {
                if !excluded.contains(&r.id) {
                    r.doc["forceMuted"] = json!(true);
                    state.store().put_resource(&r)?;
                }
            }
        }
        let doc = json!({"active": active, "excludedStreamIds": excluded});
        state.store().put_resource(&new_resource(MUTE_KIND, &session_id, &project_id, Some(&session_id), None, doc))?;
        Ok((StatusCode::OK, Value::Null))
    })())
}

/// Publishes a stream for a connection (emulator-only and SIP/render/Audio Connector use).
pub fn publish(
    state: &AppState,
    session_id: &str,
    connection_id: &str,
    m: &serde_json::Map<String, Value>,
) -> Result<Value, ApiError> {
    let session = require_session(state, session_id)?;
    let conn = state.store().connection(session_id, connection_id)?.ok_or_else(|| {
        ApiError::not_found("not_connected", format!("connection {connection_id} is not connected to session {session_id}"))
    })?;
    if conn.role == "subscriber" {
        return Err(ApiError::forbidden(
            "not_publisher",
            format!("connection {connection_id} has role subscriber and cannot publish"),
        ));
    }
    let video_type = opt_str(m, "videoType")?.unwrap_or_else(|| "camera".into());
    if !matches!(video_type.as_str(), "camera" | "screen" | "custom") {
        return Err(ApiError::bad_request(
            "invalid_argument",
            format!("videoType must be camera, screen or custom (got {video_type:?})"),
        ));
    }
    let id = uuid_v4()?;
    let muted = match mute_state(state, session_id)? {
        Some(excluded) => !excluded.contains(&id),
        None => false,
    };
    let doc = json!({
        "id": id,
        "sessionId": session_id,
        "connectionId": connection_id,
        "name": opt_str(m, "name")?.unwrap_or_default(),
        "videoType": video_type,
        "layoutClassList": opt_str_list(m, "layoutClassList")?,
        "hasAudio": opt_bool(m, "hasAudio")?.unwrap_or(true),
        "hasVideo": opt_bool(m, "hasVideo")?.unwrap_or(true),
        "forceMuted": muted,
        "createdAt": clock::now_ms(),
    });
    state.store().put_resource(&new_resource(
        KIND,
        &id,
        &session.project_id,
        Some(session_id),
        Some(connection_id),
        doc.clone(),
    ))?;
    crate::routes::archives::auto_start(state, &session)?;
    Ok(doc)
}

/// Handles `POST /emulator/v1/sessions/{sessionId}/connections/{connectionId}/streams`
/// `{"name"?, "videoType"?, "layoutClassList"?, "hasAudio"?, "hasVideo"?}` → 201 stream.
pub async fn emulator_publish(
    State(state): State<AppState>,
    Path((session_id, connection_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply((|| -> Answer {
        let m = body_object(&body)?;
        let _guard = state.ops_lock();
        Ok((StatusCode::CREATED, publish(&state, &session_id, &connection_id, &m)?))
    })())
}

/// Handles `DELETE /emulator/v1/sessions/{sessionId}/connections/{connectionId}/streams/{streamId}`.
pub async fn emulator_unpublish(
    State(state): State<AppState>,
    Path((session_id, connection_id, stream_id)): Path<(String, String, String)>,
) -> Response {
    reply((|| -> Answer {
        let r = session_stream(&state, &session_id, &stream_id)?;
        if r.parent_id.as_deref() != Some(connection_id.as_str()) {
            return Err(ApiError::not_found(
                "unknown_stream",
                format!("connection {connection_id} does not publish stream {stream_id}"),
            ));
        }
        state.store().delete_resource(KIND, &stream_id)?;
        Ok((StatusCode::NO_CONTENT, Value::Null))
    })())
}

/// Handles `GET /emulator/v1/sessions/{sessionId}/streams`: every stream with its emulator-only fields.
pub async fn emulator_list(State(state): State<AppState>, Path(session_id): Path<String>) -> Response {
    reply((|| -> Answer {
        require_session(&state, &session_id)?;
        let mut items: Vec<Value> =
            state.store().resources(KIND, None, Some(&session_id), None)?.into_iter().map(|r| r.doc).collect();
        items.reverse();
        let mute = state.store().resource(MUTE_KIND, &session_id)?.map(|r| r.doc).unwrap_or(json!({"active": false}));
        Ok((StatusCode::OK, json!({"count": items.len(), "items": items, "muteAll": mute})))
    })())
}
