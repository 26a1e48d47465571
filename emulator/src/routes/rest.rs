//! Plumbing of the `/v2/project/{projectId}/...` REST handlers: auth and project checks,
//! JSON bodies read with field-naming 400s, stored resources, paging and answers; and the
//! `GET` handlers (one resource, a page of them) that serve every [`ResourceKind`] alike.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::auth;
use crate::clock;
use crate::routes::clients::require_session;
use crate::state::AppState;
use crate::store::{Resource, SessionRecord};

/// What a handler answers: a status and a JSON body (`Value::Null` = no body).
pub type Answer = Result<(StatusCode, Value), ApiError>;

/// Turns an [`Answer`] into a response.
pub fn reply(a: Answer) -> Response {
    match a {
        Ok((status, Value::Null)) => status.into_response(),
        Ok((status, v)) => (status, Json(v)).into_response(),
        Err(e) => e.into_response(),
    }
}

/// Authenticates the call and checks the project in the path is the caller's.
pub fn authorize(state: &AppState, headers: &HeaderMap, project_id: &str) -> Result<(), ApiError> {
    let principal = auth::authenticate(headers, state.registry(), clock::now_secs())?;
    principal.require_owner(project_id)
}

/// The session, which must exist and belong to the project (else 404).
pub fn project_session(state: &AppState, project_id: &str, session_id: &str) -> Result<SessionRecord, ApiError> {
    let session = require_session(state, session_id)?;
    if session.project_id != project_id {
        return Err(ApiError::not_found("unknown_session", format!("no session with id {session_id} in project {project_id}")));
    }
    Ok(session)
}

/// 409 unless the session goes through the media router.
pub fn require_routed(session: &SessionRecord, what: &str) -> Result<(), ApiError> {
    if session.media_mode == "routed" {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::CONFLICT,
            "not_routed",
            format!("{what} needs a routed session (media mode routed); session {} is relayed", session.session_id),
        ))
    }
}

/// The body of a `POST /v2/project/{projectId}/...` that acts on a session: the call authorized,
/// the body read as a JSON object, and its required `sessionId`.
pub fn session_request(
    state: &AppState,
    headers: &HeaderMap,
    project_id: &str,
    body: &[u8],
) -> Result<(Map<String, Value>, String), ApiError> {
    authorize(state, headers, project_id)?;
    let m = body_object(body)?;
    let session_id = req_str(&m, "sessionId")?;
    Ok((m, session_id))
}

/// The project's session, which must be routed for `what` (see [`project_session`] and
/// [`require_routed`]). Callers hold the state-machine lock.
pub fn routed_session(state: &AppState, project_id: &str, session_id: &str, what: &str) -> Result<SessionRecord, ApiError> {
    let session = project_session(state, project_id, session_id)?;
    require_routed(&session, what)?;
    Ok(session)
}

/// A JSON object body; an empty body reads as `{}`.
pub fn body_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(ApiError::bad_request("invalid_argument", "the body must be a JSON object")),
        Err(e) => Err(ApiError::bad_request("invalid_json", format!("the body is not valid JSON: {e}"))),
    }
}

fn bad(field: &str, rule: &str, v: &Value) -> ApiError {
    ApiError::bad_request("invalid_argument", format!("invalid {field}: {rule} (got {v})"))
}

/// An optional string field (`null` = absent).
pub fn opt_str(m: &Map<String, Value>, key: &str) -> Result<Option<String>, ApiError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Err(bad(key, "must be a string", v)),
    }
}

/// A required non-empty string field.
pub fn req_str(m: &Map<String, Value>, key: &str) -> Result<String, ApiError> {
    match opt_str(m, key)? {
        Some(s) if !s.trim().is_empty() => Ok(s),
        _ => Err(ApiError::bad_request("invalid_argument", format!("{key} is required"))),
    }
}

/// An optional boolean; `"true"`/`"false"` strings are accepted (the Ruby SDK sends them).
pub fn opt_bool(m: &Map<String, Value>, key: &str) -> Result<Option<bool>, ApiError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(v) => Err(bad(key, "must be a boolean", v)),
    }
}

/// An optional integer within `range` (the core's ranges are `u32`, hence the conversion).
pub fn opt_int<T: Copy + Into<i64>>(
    m: &Map<String, Value>,
    key: &str,
    range: std::ops::RangeInclusive<T>,
) -> Result<Option<i64>, ApiError> {
    let range = (*range.start()).into()..=(*range.end()).into();
    let v = match m.get(key) {
        None | Some(Value::Null) => return Ok(None),
        Some(v) => v,
    };
    let n = match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    match n {
        Some(n) if range.contains(&n) => Ok(Some(n)),
        Some(_) => Err(bad(key, &format!("must be {} to {}", range.start(), range.end()), v)),
        None => Err(bad(key, "must be an integer", v)),
    }
}

/// An optional list of strings.
pub fn opt_str_list(m: &Map<String, Value>, key: &str) -> Result<Vec<String>, ApiError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => {
            a.iter().map(|x| x.as_str().map(str::to_string).ok_or_else(|| bad(key, "must be a list of strings", x))).collect()
        }
        Some(v) => Err(bad(key, "must be a list of strings", v)),
    }
}

/// Checks a layout object `{type, stylesheet?, screenshareType?}` with the core's rules.
pub fn check_layout(v: &Value) -> Result<Value, ApiError> {
    let m = v.as_object().ok_or_else(|| bad("layout", "must be an object", v))?;
    let t = opt_str(m, "type")?.unwrap_or_else(|| "bestFit".into());
    let layout_type: opentok::LayoutType = t.parse().map_err(|e| ApiError::from_core(&e))?;
    // .NET spells it screenShareType for broadcasts.
    let st = match opt_str(m, "screenshareType")? {
        Some(s) => Some(s),
        None => opt_str(m, "screenShareType")?,
    };
    let layout = opentok::Layout {
        layout_type,
        stylesheet: opt_str(m, "stylesheet")?,
        screenshare_type: st.map(|s| s.parse()).transpose().map_err(|e: opentok::Error| ApiError::from_core(&e))?,
    };
    layout.validate().map_err(|e| ApiError::from_core(&e))?;
    Ok(layout.to_json())
}

/// A resource of the project, or 404 naming it.
pub fn owned_resource(state: &AppState, kind: &str, id: &str, project_id: &str) -> Result<Resource, ApiError> {
    match state.store().resource(kind, id)? {
        Some(r) if r.project_id == project_id => Ok(r),
        _ => Err(ApiError::not_found(format!("unknown_{kind}"), format!("no {kind} with id {id} in project {project_id}"))),
    }
}

/// A kind of stored resource, for the handlers that serve every kind alike ([`get_owned`],
/// [`list_owned`]): `get(rest::get_owned::<archives::Archive>)`.
pub trait ResourceKind {
    /// The kind in the store (`archive`, `broadcast`...).
    const KIND: &'static str;
}

/// Handles `GET /v2/project/{projectId}/{kind}/{id}`: the resource as stored.
pub async fn get_owned<K: ResourceKind>(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        Ok((StatusCode::OK, owned_resource(&state, K::KIND, &id, &project_id)?.doc))
    })())
}

/// Handles `GET /v2/project/{projectId}/{kind}?offset&count&sessionId`: a page of the
/// project's resources, of the session when the query names one.
pub async fn list_owned<K: ResourceKind>(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(project_id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let sid = q.get("sessionId").map(String::as_str).filter(|s| !s.is_empty());
        let items = state.store().resources(K::KIND, Some(&project_id), sid, None)?.into_iter().map(|r| r.doc).collect();
        Ok((StatusCode::OK, page(items, &q)?))
    })())
}

/// [`update_owned`] of a call first authorized (the handlers that change a resource without a body).
pub fn authorized_update<T>(
    state: &AppState,
    headers: &HeaderMap,
    kind: &str,
    id: &str,
    project_id: &str,
    change: impl FnOnce(&mut Resource, i64) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    authorize(state, headers, project_id)?;
    update_owned(state, kind, id, project_id, change)
}

/// Changes a resource of the project under the state-machine lock: stamped with `updatedAt`
/// now, `change` edits it, given that time (or refuses with an error, and nothing is saved);
/// then it is saved. Gives what `change` gives.
pub fn update_owned<T>(
    state: &AppState,
    kind: &str,
    id: &str,
    project_id: &str,
    change: impl FnOnce(&mut Resource, i64) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let _guard = state.ops_lock();
    let mut r = owned_resource(state, kind, id, project_id)?;
    let now = clock::now_ms();
    r.doc["updatedAt"] = json!(now);
    let out = change(&mut r, now)?;
    state.store().put_resource(&r)?;
    Ok(out)
}

/// A fresh resource.
pub fn new_resource(
    kind: &str,
    id: &str,
    project_id: &str,
    session_id: Option<&str>,
    parent_id: Option<&str>,
    doc: Value,
) -> Resource {
    Resource {
        kind: kind.into(),
        id: id.into(),
        project_id: project_id.into(),
        session_id: session_id.map(str::to_string),
        parent_id: parent_id.map(str::to_string),
        created_at_ms: clock::now_ms(),
        doc,
    }
}

/// The project id as the service writes `partnerId`: a number for numeric API keys.
pub fn project_json(project_id: &str) -> Value {
    project_id.parse::<u64>().map(|n| json!(n)).unwrap_or_else(|_| json!(project_id))
}

/// `{count, items}` of a page of `items` per the `offset` and `count` query parameters
/// (count 1–1000, default 50).
pub fn page(items: Vec<Value>, query: &HashMap<String, String>) -> Result<Value, ApiError> {
    let num = |k: &str, default: usize, max: usize| -> Result<usize, ApiError> {
        match query.get(k).map(|s| s.trim()).filter(|s| !s.is_empty()) {
            None => Ok(default),
            Some(s) => match s.parse::<usize>() {
                Ok(n) if n <= max => Ok(n),
                _ => Err(ApiError::bad_request("invalid_argument", format!("invalid {k}: must be 0 to {max} (got {s:?})"))),
            },
        }
    };
    let offset = num("offset", 0, usize::MAX)?;
    let count = num("count", 50, 1000)?;
    let total = items.len();
    let items: Vec<Value> = items.into_iter().skip(offset).take(count).collect();
    Ok(json!({ "count": total, "items": items }))
}
