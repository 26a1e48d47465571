//! Where events go: callbacks registered over REST (a group and an event, a URL), and the
//! project's callback URL (every event of the project; the account page's setting on the
//! service, an emulator control here).

use opentok::Callback;

use crate::api_error::ApiError;
use crate::sim::resources::{owned, uuid_v4, Document, Stored};
use crate::state::AppState;
use crate::store::StoreResult;

/// Store kind of registered callbacks.
pub const CALLBACK_KIND: &str = "callback";

/// A registration is stored as the core's [`Callback`].
impl Document for Callback {
    const KIND: &'static str = CALLBACK_KIND;
}

/// Registers a callback (checked by the core's [`opentok::CallbackOptions::validate`]); gives
/// the stored registration, the core's [`Callback`] (`{id, group, event, url, createdAt}`).
pub fn register(state: &AppState, project_id: &str, options: &opentok::CallbackOptions) -> Result<Callback, ApiError> {
    options.validate().map_err(|e| ApiError::from_core(&e))?;
    let callback = Callback {
        id: uuid_v4()?,
        group: Some(options.group.clone()),
        event: Some(options.event.clone()),
        url: Some(options.url.clone()),
        created_at: Some(state.now_ms()),
    };
    Stored::new(&callback.id, project_id, None, None, callback.clone()).save(state)?;
    Ok(callback)
}

/// The project's registrations, oldest first.
pub fn registrations(state: &AppState, project_id: &str) -> StoreResult<Vec<Callback>> {
    let mut items: Vec<Callback> = state
        .store()
        .resources(CALLBACK_KIND, Some(project_id), None, None)?
        .into_iter()
        .filter_map(|r| serde_json::from_value(r.doc).ok())
        .collect();
    items.reverse();
    Ok(items)
}

/// Deletes a registration of the project (404 naming it when there is none).
pub fn delete(state: &AppState, project_id: &str, id: &str) -> Result<(), ApiError> {
    owned::<Callback>(state, id, project_id)?;
    state.store().delete_resource(CALLBACK_KIND, id)?;
    Ok(())
}

/// The URLs registered for `group` and `event`, oldest registration first.
pub fn registered_urls(state: &AppState, project_id: &str, group: &str, event: &str) -> StoreResult<Vec<String>> {
    Ok(registrations(state, project_id)?
        .into_iter()
        .filter(|r| r.group.as_deref() == Some(group) && r.event.as_deref() == Some(event))
        .filter_map(|r| r.url)
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
