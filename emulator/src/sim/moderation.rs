//! Moderation of a session's streams: layout class lists, force mute of one stream, mute all
//! (which also mutes streams published later, but the excluded ones). Each function takes the
//! state-machine lock.

use crate::api_error::ApiError;
use crate::sim::connections::{session_stream, MuteDoc, StreamDoc};
use crate::sim::resources::{find, list, Stored};
use crate::sim::sessions::project_session;
use crate::state::AppState;

/// Replaces the layout class lists of streams of the project's session, all or none (404 for a
/// stream the session does not have): `items` are `(stream id, classes)`.
pub fn set_class_lists(
    state: &AppState,
    project_id: &str,
    session_id: &str,
    items: &[(String, Vec<String>)],
) -> Result<(), ApiError> {
    let _guard = state.ops_lock();
    project_session(state, project_id, session_id)?;
    let mut updated = Vec::new();
    for (id, classes) in items {
        let mut r = session_stream(state, session_id, id)?;
        r.doc.layout_class_list = classes.clone();
        updated.push(r);
    }
    for r in &updated {
        r.save(state)?;
    }
    Ok(())
}

/// Force-mutes one stream of the project's session.
pub fn mute_one(state: &AppState, project_id: &str, session_id: &str, stream_id: &str) -> Result<(), ApiError> {
    let _guard = state.ops_lock();
    project_session(state, project_id, session_id)?;
    let mut r = session_stream(state, session_id, stream_id)?;
    r.doc.force_muted = true;
    r.save(state)?;
    Ok(())
}

/// Mute all: `active` mutes every stream but `excluded` (and streams published later); not
/// `active` stops muting new streams.
pub fn mute_all(
    state: &AppState,
    project_id: &str,
    session_id: &str,
    active: bool,
    excluded: Vec<String>,
) -> Result<(), ApiError> {
    let _guard = state.ops_lock();
    project_session(state, project_id, session_id)?;
    if active {
        for mut r in list::<StreamDoc>(state, None, Some(session_id), None)? {
            if !excluded.contains(&r.id) {
                r.doc.force_muted = true;
                r.save(state)?;
            }
        }
    }
    let doc = MuteDoc { active, excluded_stream_ids: Some(excluded) };
    Stored::new(session_id, project_id, Some(session_id), None, doc).save(state)?;
    Ok(())
}

/// The session's mute-all state as stored (`{"active": false}` when never set).
pub fn mute_all_state(state: &AppState, session_id: &str) -> Result<MuteDoc, ApiError> {
    Ok(find::<MuteDoc>(state, session_id)?.map(|r| r.doc).unwrap_or_default())
}
