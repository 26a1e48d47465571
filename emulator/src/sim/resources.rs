//! Stored resources as documents: ids, a project's resource, a change under the state-machine
//! lock, a fresh one.

use axum::http::StatusCode;
use ring::rand::{SecureRandom, SystemRandom};
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::state::AppState;
use crate::store::Resource;

/// A resource of the project, or 404 naming it.
pub fn owned_resource(state: &AppState, kind: &str, id: &str, project_id: &str) -> Result<Resource, ApiError> {
    match state.store().resource(kind, id)? {
        Some(r) if r.project_id == project_id => Ok(r),
        _ => Err(ApiError::not_found(format!("unknown_{kind}"), format!("no {kind} with id {id} in project {project_id}"))),
    }
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
    let now = state.now_ms();
    r.doc["updatedAt"] = json!(now);
    let out = change(&mut r, now)?;
    state.store().put_resource(&r)?;
    Ok(out)
}

/// A fresh resource. Its `created_at_ms` (the store's order of rows) is real time.
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
        created_at_ms: crate::clock::now_ms(),
        doc,
    }
}

/// The project id as the service writes `partnerId`: a number for numeric API keys.
pub fn project_json(project_id: &str) -> Value {
    project_id.parse::<u64>().map(|n| json!(n)).unwrap_or_else(|_| json!(project_id))
}

/// A random RFC 4122 version 4 UUID, as the service's connection ids look.
pub fn uuid_v4() -> Result<String, ApiError> {
    let mut b = [0u8; 16];
    SystemRandom::new().fill(&mut b).map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "random", "no randomness"))?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_shape() {
        let u = uuid_v4().unwrap();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert_ne!(u, uuid_v4().unwrap());
    }
}
