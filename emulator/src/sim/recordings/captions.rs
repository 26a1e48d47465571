//! Live captions: the state machine. One running captions per routed session, started with a
//! moderator token; `started` → `stopped` (by a stop or when `maxDuration` passes). Each status
//! change posts the captions status event (also to the captions' `statusCallbackUrl`).

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::fields::{opt_bool, opt_int, opt_str, req_str};
use crate::sim::connections::verify_connect_token;
use crate::sim::events::{self, emit, update_emitting, Emission};
use crate::sim::resources::{list, uuid_v4, Document, Stored};
use crate::sim::sessions::routed_session;
use crate::state::AppState;

/// Resource kind of captions.
pub const KIND: &str = "captions";

/// The state of live captions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaptionsStatus {
    /// Captioning.
    Started,
    /// Ended.
    Stopped,
}

impl CaptionsStatus {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            CaptionsStatus::Started => "started",
            CaptionsStatus::Stopped => "stopped",
        }
    }
}

/// Live captions as stored and served (`GET /captions/{id}`, read by the core's
/// [`opentok::CaptionStatus`]), with the settings they were started with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaptionsDoc {
    /// Captions id.
    pub captions_id: String,
    /// The session captioned.
    pub session_id: String,
    /// The project.
    pub project_id: String,
    /// The project, as Vonage applications name it.
    pub application_id: String,
    /// Current state.
    pub status: CaptionsStatus,
    /// Language, e.g. `en-US`.
    pub language_code: String,
    /// Seconds after which they stop.
    pub max_duration: i64,
    /// Whether partial captions are sent.
    pub partial_captions: bool,
    /// Where status events go too (`null` without one).
    pub status_callback_url: Option<String>,
    /// `aws-transcribe`.
    pub provider: String,
    /// Start, unix ms of the simulated clock.
    pub created_at: i64,
    /// Last change, unix ms.
    pub updated_at: i64,
    /// Why they stopped (absent until then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Document for CaptionsDoc {
    const KIND: &'static str = KIND;

    fn touch(&mut self, now: i64) {
        self.updated_at = now;
    }
}

/// Starts live captions of `m` (the REST body) in the project's session; gives the captions
/// id. Takes the state-machine lock.
pub fn start(state: &AppState, project_id: &str, session_id: &str, m: &Map<String, Value>) -> Result<String, ApiError> {
    let token = req_str(m, "token")?;
    let language = opt_str(m, "languageCode")?.unwrap_or_else(|| "en-US".into());
    if !opentok::is_language_code(&language) {
        return Err(ApiError::bad_request("invalid_argument", format!("languageCode must look like en-US (got {language:?})")));
    }
    let max_duration =
        opt_int(m, "maxDuration", 300..=opentok::MAX_CAPTIONS_DURATION)?.unwrap_or(opentok::MAX_CAPTIONS_DURATION.into());
    let partial = opt_bool(m, "partialCaptions")?.unwrap_or(true);
    let callback = opt_str(m, "statusCallbackUrl")?;
    if let Some(u) = &callback {
        if !(15..=2048).contains(&u.len()) {
            return Err(ApiError::bad_request("invalid_argument", "statusCallbackUrl must be 15 to 2048 characters"));
        }
    }
    let _guard = state.ops_lock();
    let session = routed_session(state, project_id, session_id, "live captions")?;
    let decoded = verify_connect_token(state, &session, &token)?;
    if decoded.role.as_deref() != Some("moderator") {
        return Err(ApiError::forbidden("not_moderator", "captions need a token with role moderator"));
    }
    for other in list::<CaptionsDoc>(state, Some(project_id), Some(session_id), None)? {
        if other.doc.status == CaptionsStatus::Started {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "captions_running",
                format!("live captions are already running in session {session_id} (captions {})", other.id),
            ));
        }
    }
    let id = uuid_v4()?;
    let now = state.now_ms();
    let doc = CaptionsDoc {
        captions_id: id.clone(),
        session_id: session_id.into(),
        project_id: project_id.into(),
        application_id: project_id.into(),
        status: CaptionsStatus::Started,
        language_code: language,
        max_duration,
        partial_captions: partial,
        status_callback_url: callback,
        provider: "aws-transcribe".into(),
        created_at: now,
        updated_at: now,
        reason: None,
    };
    Stored::new(&id, project_id, Some(session_id), None, doc.clone()).save(state)?;
    emit(state, events::captions_status(&doc, now))?;
    Ok(id)
}

/// Ends running captions with `reason`; gives the event. The caller saves `r`.
pub fn finish(r: &mut Stored<CaptionsDoc>, now: i64, reason: &str) -> Emission {
    let c = &mut r.doc;
    c.status = CaptionsStatus::Stopped;
    c.reason = Some(reason.into());
    c.updated_at = now;
    events::captions_status(c, now)
}

/// `POST .../captions/{id}/stop` (409 when they are not running).
pub fn stop(state: &AppState, project_id: &str, id: &str) -> Result<(), ApiError> {
    update_emitting(state, id, project_id, |r: &mut Stored<CaptionsDoc>, now| {
        if r.doc.status != CaptionsStatus::Started {
            return Err(ApiError::new(StatusCode::CONFLICT, "not_running", format!("captions {id} are not running")));
        }
        Ok(((), vec![finish(r, now, "user initiated")]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client reads the served document with the core's model.
    #[test]
    fn a_client_reads_the_document() {
        let doc = CaptionsDoc {
            captions_id: "c".into(),
            session_id: "s".into(),
            project_id: "123456".into(),
            application_id: "123456".into(),
            status: CaptionsStatus::Stopped,
            language_code: "en-US".into(),
            max_duration: 600,
            partial_captions: true,
            status_callback_url: None,
            provider: "aws-transcribe".into(),
            created_at: 1,
            updated_at: 2,
            reason: Some("user initiated".into()),
        };
        let served = serde_json::to_value(&doc).unwrap();
        let read: opentok::CaptionStatus = serde_json::from_value(served.clone()).unwrap();
        assert_eq!(
            (read.captions_id.as_str(), read.status.as_deref(), read.max_duration, read.reason.as_deref()),
            ("c", Some("stopped"), Some(600), Some("user initiated"))
        );
        assert_eq!(serde_json::from_value::<CaptionsDoc>(served).unwrap(), doc);
    }
}
