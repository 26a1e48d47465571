//! HTTP plumbing of the REST handlers: REST auth (against real time: SDKs sign their JWTs with
//! the machine's clock), session-scoped request bodies, paging and answers; and the `GET`
//! handlers (one resource, a page of them) that serve every [`ResourceKind`] alike.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use crate::api_error::ApiError;
use crate::auth;
use crate::clock;
use crate::fields::{body_object, req_str};
use crate::sim::resources::{list, owned, to_json, Document};
use crate::state::AppState;

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

/// A kind of stored resource, for the handlers that serve every kind alike ([`get_owned`],
/// [`list_owned`]): `get(http::get_owned::<archives::Archive>)`.
pub trait ResourceKind {
    /// Its stored document (`archive`, `broadcast`...).
    type Doc: Document;
}

/// A typed answer: `doc` as the JSON it serializes to.
pub fn typed<T: serde::Serialize>(status: StatusCode, doc: &T) -> Answer {
    Ok((status, to_json(doc)))
}

/// Handles `GET /v2/project/{projectId}/{kind}/{id}`: the resource as stored.
pub async fn get_owned<K: ResourceKind>(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        Ok((StatusCode::OK, owned::<K::Doc>(&state, &id, &project_id)?.json()))
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
        let items = list::<K::Doc>(&state, Some(&project_id), sid, None)?.iter().map(|r| r.json()).collect();
        Ok((StatusCode::OK, page(items, &q)?))
    })())
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
