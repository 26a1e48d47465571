//! Sessions: creating one (an id of the real format), finding one, and the checks of what a
//! session allows (its project, routed media).

use axum::http::StatusCode;
use opentok::{SessionId, SessionOptions};
use ring::rand::{SecureRandom, SystemRandom};

use crate::api_error::ApiError;
use crate::state::AppState;
use crate::store::SessionRecord;

/// The stored session, or 404 naming it.
pub fn require_session(state: &AppState, session_id: &str) -> Result<SessionRecord, ApiError> {
    state
        .store()
        .session(session_id)?
        .ok_or_else(|| ApiError::not_found("unknown_session", format!("no session with id {session_id}")))
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

/// The project's session, which must be routed for `what` (see [`project_session`] and
/// [`require_routed`]). Callers hold the state-machine lock.
pub fn routed_session(state: &AppState, project_id: &str, session_id: &str, what: &str) -> Result<SessionRecord, ApiError> {
    let session = project_session(state, project_id, session_id)?;
    require_routed(&session, what)?;
    Ok(session)
}

/// Creates and stores a session for `owner_id` from the form fields an SDK sends (validated by
/// the core's [`SessionOptions::from_form`] and [`SessionOptions::validate`]).
pub fn create_session(state: &AppState, owner_id: &str, pairs: &[(String, String)]) -> Result<SessionRecord, ApiError> {
    let options = SessionOptions::from_form(pairs).map_err(|e| ApiError::from_core(&e))?;
    options.validate().map_err(|e| ApiError::from_core(&e))?;
    let created_at_ms = state.now_ms();
    let flag = match options.effective_media_mode() {
        opentok::MediaMode::Relayed => "P",
        _ => "",
    };
    let location = options.location.as_deref().filter(|l| !l.is_empty());
    let session_id = mint_id(owner_id, location, created_at_ms, flag)?;
    let record = SessionRecord {
        session_id,
        project_id: owner_id.to_string(),
        media_mode: options.effective_media_mode().as_str().to_string(),
        archive_mode: options.effective_archive_mode().as_str().to_string(),
        location: location.map(str::to_string),
        e2ee: options.effective_e2ee(),
        archive_name: options.archive_name.clone(),
        archive_resolution: options.archive_resolution.map(|r| r.as_str().to_string()),
        create_dt: crate::clock::create_dt(created_at_ms),
        created_at_ms,
    };
    state.store().insert_session(&record)?;
    Ok(record)
}

/// Mints a real-format id whose payload holds no `_` (the .NET SDK splits the id on `_` and
/// requires exactly two parts), with a 24-character random part like the service's.
fn mint_id(owner_id: &str, location: Option<&str>, created_at_ms: i64, flag: &str) -> Result<String, ApiError> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let rng = SystemRandom::new();
    for _ in 0..64 {
        let mut bytes = [0u8; 24];
        rng.fill(&mut bytes).map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "random", "no randomness"))?;
        let random: String = bytes.iter().map(|b| ALPHABET[(b & 63) as usize] as char).collect();
        let id = SessionId::mint(owner_id, location, created_at_ms, &random, flag);
        if !id.as_str()[2..].contains('_') {
            return Ok(id.as_str().to_string());
        }
    }
    Err(ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "session_id", "could not mint a session id without '_' in its payload"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minted_ids_have_no_underscore_in_payload() {
        for _ in 0..200 {
            let id = mint_id("123456", Some("1.2.3.4"), 1_700_000_000_000, "P").unwrap();
            assert!(id.starts_with("1_") && !id[2..].contains('_'));
            let parsed = SessionId::parse(&id).unwrap();
            assert_eq!(parsed.api_key(), "123456");
            assert_eq!(parsed.location(), Some("1.2.3.4"));
        }
    }
}
