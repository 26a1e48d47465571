//! Where events go: callbacks registered over REST (a group and an event, a URL), and the
//! project's callback URL (every event of the project; the account page's setting on the
//! service, an emulator control here).

use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::sim::resources::{new_resource, owned_resource, uuid_v4};
use crate::state::AppState;
use crate::store::StoreResult;

/// Store kind of registered callbacks.
pub const CALLBACK_KIND: &str = "callback";

/// Registers a callback (checked by the core's [`opentok::CallbackOptions::validate`]); gives
/// the stored registration `{id, group, event, url, createdAt}`.
pub fn register(state: &AppState, project_id: &str, options: &opentok::CallbackOptions) -> Result<Value, ApiError> {
    options.validate().map_err(|e| ApiError::from_core(&e))?;
    let id = uuid_v4()?;
    let doc = json!({
        "id": id,
        "group": options.group,
        "event": options.event,
        "url": options.url,
        "createdAt": state.now_ms(),
    });
    state.store().put_resource(&new_resource(CALLBACK_KIND, &id, project_id, None, None, doc.clone()))?;
    Ok(doc)
}

/// The project's registrations, oldest first.
pub fn registrations(state: &AppState, project_id: &str) -> StoreResult<Vec<Value>> {
    let mut items: Vec<Value> =
        state.store().resources(CALLBACK_KIND, Some(project_id), None, None)?.into_iter().map(|r| r.doc).collect();
    items.reverse();
    Ok(items)
}

/// Deletes a registration of the project (404 naming it when there is none).
pub fn delete(state: &AppState, project_id: &str, id: &str) -> Result<(), ApiError> {
    owned_resource(state, CALLBACK_KIND, id, project_id)?;
    state.store().delete_resource(CALLBACK_KIND, id)?;
    Ok(())
}

/// The URLs registered for `group` and `event`, oldest registration first.
pub fn registered_urls(state: &AppState, project_id: &str, group: &str, event: &str) -> StoreResult<Vec<String>> {
    Ok(registrations(state, project_id)?
        .into_iter()
        .filter(|r| r["group"].as_str() == Some(group) && r["event"].as_str() == Some(event))
        .filter_map(|r| r["url"].as_str().map(str::to_string))
        .collect())
}

fn project_url_key(project_id: &str) -> String {
    format!("callback_url:{project_id}")
}

/// The project's callback URL, if set.
pub fn project_url(state: &AppState, project_id: &str) -> StoreResult<Option<String>> {
    state.store().setting(&project_url_key(project_id))
}

/// Sets (or with `None` clears) the project's callback URL, which must be http(s) and at most
/// 2048 characters.
pub fn set_project_url(state: &AppState, project_id: &str, url: Option<&str>) -> Result<(), ApiError> {
    if let Some(u) = url {
        let lower = u.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) || u.len() > 2048 {
            return Err(ApiError::bad_request(
                "invalid_argument",
                format!("invalid url: must be an http(s) URL of at most 2048 characters (got {u:?})"),
            ));
        }
    }
    state.store().set_setting(&project_url_key(project_id), url)?;
    Ok(())
}
