//! What is sent into a session: signals (stored per receiving connection, so a test can read
//! what a simulated client received) and DTMF digits played to a SIP call.

use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::sim::resources::{new_resource, uuid_v4};
use crate::sim::sessions::project_session;
use crate::state::AppState;

/// Resource kind of received signals (parent: the receiving connection).
pub const SIGNAL_KIND: &str = "signal";
/// Resource kind of played DTMF digits.
pub const DTMF_KIND: &str = "dtmf";

/// Sends a signal (`signal_type`, `data`, checked by the caller) to one connection of the
/// project's session, or to all of them.
pub fn send(
    state: &AppState,
    project_id: &str,
    session_id: &str,
    to: Option<&str>,
    signal_type: Option<String>,
    data: &str,
) -> Result<(), ApiError> {
    project_session(state, project_id, session_id)?;
    let recipients = match to {
        Some(cid) => vec![state.store().connection(session_id, cid)?.ok_or_else(|| {
            ApiError::not_found("not_connected", format!("connection {cid} is not connected to session {session_id}"))
        })?],
        None => state.store().connections(session_id)?,
    };
    let now = state.now_ms();
    for c in recipients {
        let id = uuid_v4()?;
        let doc = json!({
            "id": id,
            "type": signal_type,
            "data": data,
            "to": if to.is_some() { "connection" } else { "session" },
            "connectionId": c.connection_id,
            "createdAt": now,
        });
        state.store().put_resource(&new_resource(SIGNAL_KIND, &id, project_id, Some(session_id), Some(&c.connection_id), doc))?;
    }
    Ok(())
}

/// Signals a connection received, oldest first.
pub fn received(state: &AppState, session_id: &str, connection_id: &str) -> Result<Vec<Value>, ApiError> {
    let mut items: Vec<Value> =
        state.store().resources(SIGNAL_KIND, None, Some(session_id), Some(connection_id))?.into_iter().map(|r| r.doc).collect();
    items.reverse();
    Ok(items)
}

/// Plays `digits` (checked by the caller) into the project's session, or to one connection.
pub fn play_dtmf(state: &AppState, project_id: &str, session_id: &str, to: Option<&str>, digits: &str) -> Result<(), ApiError> {
    project_session(state, project_id, session_id)?;
    if let Some(cid) = to {
        if state.store().connection(session_id, cid)?.is_none() {
            return Err(ApiError::not_found(
                "not_connected",
                format!("connection {cid} is not connected to session {session_id}"),
            ));
        }
    }
    let id = uuid_v4()?;
    let doc = json!({"id": id, "digits": digits, "connectionId": to, "createdAt": state.now_ms()});
    state.store().put_resource(&new_resource(DTMF_KIND, &id, project_id, Some(session_id), to, doc))?;
    Ok(())
}

/// DTMF digits played in a session, oldest first.
pub fn played(state: &AppState, session_id: &str) -> Result<Vec<Value>, ApiError> {
    let mut items: Vec<Value> =
        state.store().resources(DTMF_KIND, None, Some(session_id), None)?.into_iter().map(|r| r.doc).collect();
    items.reverse();
    Ok(items)
}
