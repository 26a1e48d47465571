//! What is sent into a session: signals (stored per receiving connection, so a test can read
//! what a simulated client received) and DTMF digits played to a SIP call.

use serde::{Deserialize, Serialize};

use crate::api_error::ApiError;
use crate::sim::resources::{list, uuid_v4, Document, Stored};
use crate::sim::sessions::project_session;
use crate::state::AppState;

/// Resource kind of received signals (parent: the receiving connection).
pub const SIGNAL_KIND: &str = "signal";
/// Resource kind of played DTMF digits.
pub const DTMF_KIND: &str = "dtmf";

/// A signal a connection received, as stored and shown by the emulator API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignalDoc {
    /// Its id.
    pub id: String,
    /// The signal's type (`null` without one).
    #[serde(rename = "type")]
    pub signal_type: Option<String>,
    /// Its data.
    pub data: String,
    /// `connection` (sent to this one) or `session` (to all).
    pub to: String,
    /// The receiving connection.
    pub connection_id: String,
    /// Send time, unix ms of the simulated clock.
    pub created_at: i64,
}

impl Document for SignalDoc {
    const KIND: &'static str = SIGNAL_KIND;
}

/// DTMF digits played, as stored and shown by the emulator API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DtmfDoc {
    /// Its id.
    pub id: String,
    /// The digits.
    pub digits: String,
    /// The connection they were played to (`null`: the whole session).
    pub connection_id: Option<String>,
    /// Play time, unix ms of the simulated clock.
    pub created_at: i64,
}

impl Document for DtmfDoc {
    const KIND: &'static str = DTMF_KIND;
}

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
        let doc = SignalDoc {
            id: id.clone(),
            signal_type: signal_type.clone(),
            data: data.into(),
            to: if to.is_some() { "connection" } else { "session" }.into(),
            connection_id: c.connection_id.clone(),
            created_at: now,
        };
        Stored::new(&id, project_id, Some(session_id), Some(&c.connection_id), doc).save(state)?;
    }
    Ok(())
}

/// Signals a connection received, oldest first.
pub fn received(state: &AppState, session_id: &str, connection_id: &str) -> Result<Vec<SignalDoc>, ApiError> {
    let mut items: Vec<SignalDoc> =
        list::<SignalDoc>(state, None, Some(session_id), Some(connection_id))?.into_iter().map(|r| r.doc).collect();
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
    let doc =
        DtmfDoc { id: id.clone(), digits: digits.into(), connection_id: to.map(str::to_string), created_at: state.now_ms() };
    Stored::new(&id, project_id, Some(session_id), to, doc).save(state)?;
    Ok(())
}

/// DTMF digits played in a session, oldest first.
pub fn played(state: &AppState, session_id: &str) -> Result<Vec<DtmfDoc>, ApiError> {
    let mut items: Vec<DtmfDoc> = list::<DtmfDoc>(state, None, Some(session_id), None)?.into_iter().map(|r| r.doc).collect();
    items.reverse();
    Ok(items)
}
