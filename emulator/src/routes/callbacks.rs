//! Callback registration: `GET /callback` (a JSON array), `POST /callback` `{group, event,
//! url}`, `DELETE /callback/{id}` (204). The events of the registered group and event are
//! posted to the URL ([`crate::sim::events`]).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::fields::{body_object, req_str};
use crate::routes::http::{authorize, reply};
use crate::sim::events::CALLBACK_KIND as KIND;
use crate::sim::resources::{new_resource, owned_resource, uuid_v4};
use crate::state::AppState;

/// Handles `GET /v2/project/{projectId}/callback`.
pub async fn list(State(state): State<AppState>, headers: HeaderMap, Path(project_id): Path<String>) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let mut items: Vec<Value> =
            state.store().resources(KIND, Some(&project_id), None, None)?.into_iter().map(|r| r.doc).collect();
        items.reverse();
        Ok((StatusCode::OK, Value::Array(items)))
    })())
}

/// Handles `POST /v2/project/{projectId}/callback`.
pub async fn register(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        let m = body_object(&body)?;
        let options =
            opentok::CallbackOptions { group: req_str(&m, "group")?, event: req_str(&m, "event")?, url: req_str(&m, "url")? };
        options.validate().map_err(|e| ApiError::from_core(&e))?;
        let id = uuid_v4()?;
        let doc = json!({
            "id": id,
            "group": options.group,
            "event": options.event,
            "url": options.url,
            "createdAt": state.now_ms(),
        });
        state.store().put_resource(&new_resource(KIND, &id, &project_id, None, None, doc.clone()))?;
        Ok((StatusCode::OK, doc))
    })())
}

/// Handles `DELETE /v2/project/{projectId}/callback/{callbackId}`.
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((project_id, id)): Path<(String, String)>,
) -> Response {
    reply((|| {
        authorize(&state, &headers, &project_id)?;
        owned_resource(&state, KIND, &id, &project_id)?;
        state.store().delete_resource(KIND, &id)?;
        Ok((StatusCode::NO_CONTENT, Value::Null))
    })())
}
