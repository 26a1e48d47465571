//! Archives: the state machine. A routed session with at least one connected client can start
//! an archive (`started`); one running archive per session and `multiArchiveTag`; stopping
//! gives `stopped` and the file is `available` right after, with a size and a duration; a test
//! can make a running archive `failed`; `maxDuration` (default 4 hours) stops it; deleting
//! (not while recording) leaves `deleted`. Each status change posts the archive status event.

use axum::http::StatusCode;
use opentok::{ArchiveStatus, IncludedStream, Layout, OutputMode, StreamMode};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::fields::{check_layout, opt_bool, opt_int, opt_str};
use crate::sim::events::{self, emit, update_emitting, Emission};
use crate::sim::recordings::{composable_session, running_with_same_tag, Composition};
use crate::sim::resources::{layout_json, list, update_owned, uuid_v4, Document, ProjectNumber, Stored};
use crate::state::AppState;
use crate::store::SessionRecord;

/// Resource kind of archives in the store.
pub const KIND: &str = "archive";

/// Bytes per second of recording in the emulated file size.
pub const BYTES_PER_SECOND: i64 = 125_000;

/// Seconds an archive may run unless its `maxDuration` says otherwise (the service's 4 hours).
pub const DEFAULT_MAX_DURATION: i64 = 14_400;

/// Range of an archive's `maxDuration`, seconds.
pub const MAX_DURATION_RANGE: std::ops::RangeInclusive<u32> = 60..=36_000;

/// An archive as stored and served (`GET /archive/{id}`): the fields of the core's
/// [`opentok::Archive`] the service sends, `null` where it sends `null`, plus the `layout`,
/// `maxDuration` and `event` it echoes. The optional settings are absent unless given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveDoc {
    /// Archive id (a UUID).
    pub id: String,
    /// Current state.
    pub status: ArchiveStatus,
    /// Name given at start (`null` without one).
    pub name: Option<String>,
    /// The session recorded.
    pub session_id: String,
    /// The project (`partnerId`, a number for numeric keys).
    pub partner_id: ProjectNumber,
    /// The project (`projectId`, text).
    pub project_id: String,
    /// Start, unix ms of the simulated clock.
    pub created_at: i64,
    /// Last change, unix ms.
    pub updated_at: i64,
    /// File size in bytes (0 until available).
    pub size: i64,
    /// Seconds recorded (0 until stopped).
    pub duration: i64,
    /// Whether audio is recorded.
    pub has_audio: bool,
    /// Whether video is recorded.
    pub has_video: bool,
    /// Composed or individual.
    pub output_mode: OutputMode,
    /// Auto or manual stream selection.
    pub stream_mode: StreamMode,
    /// Streams added in manual mode.
    pub streams: Vec<IncludedStream>,
    /// Download URL (always `null`: the emulator stores no file).
    pub url: Option<String>,
    /// Resolution of a composed archive (`null` for individual ones).
    pub resolution: Option<String>,
    /// Why it stopped or failed (empty until then).
    pub reason: String,
    /// Encryption password (empty).
    pub password: String,
    /// `archive`, as the service's bodies name themselves.
    pub event: String,
    /// Whether the audio is transcribed.
    pub has_transcription: bool,
    /// Layout of a composed archive, when given.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "layout_json::option")]
    pub layout: Option<Layout>,
    /// The multi-archive tag, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_archive_tag: Option<String>,
    /// Maximum bitrate, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_bitrate: Option<i64>,
    /// Quantization parameter, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantization_parameter: Option<i64>,
    /// Maximum duration in seconds, when given ([`DEFAULT_MAX_DURATION`] otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_duration: Option<i64>,
    /// The transcription, when asked for with its properties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcription: Option<Transcription>,
}

/// An archive's `transcription` as the emulator reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transcription {
    /// `requested`.
    pub status: String,
    /// Language transcribed, e.g. `en-US`.
    pub primary_language_code: String,
    /// Whether a summary was asked for.
    pub has_summary: bool,
}

impl Document for ArchiveDoc {
    const KIND: &'static str = KIND;

    fn touch(&mut self, now: i64) {
        self.updated_at = now;
    }
}

impl Composition for ArchiveDoc {
    const WHAT: &'static str = "archive";

    fn is_running(&self) -> bool {
        matches!(self.status, ArchiveStatus::Started | ArchiveStatus::Paused)
    }

    fn tag(&self) -> Option<&str> {
        self.multi_archive_tag.as_deref()
    }

    fn set_layout(&mut self, layout: Layout) -> bool {
        if self.output_mode == OutputMode::Individual {
            return false;
        }
        self.layout = Some(layout);
        true
    }

    fn stream_mode(&self) -> StreamMode {
        self.stream_mode
    }

    fn streams_mut(&mut self) -> &mut Vec<IncludedStream> {
        &mut self.streams
    }
}

impl ArchiveDoc {
    /// The `maxDuration` that stops it, seconds.
    pub fn max_duration(&self) -> i64 {
        self.max_duration.unwrap_or(DEFAULT_MAX_DURATION)
    }

    /// The core's model of it, as a client (or an event's reader) reads the served document.
    pub fn to_model(&self) -> opentok::Archive {
        opentok::Archive {
            id: self.id.clone(),
            status: self.status.clone(),
            name: self.name.clone(),
            session_id: self.session_id.clone(),
            partner_id: Some(self.partner_id.0.clone()),
            project_id: Some(self.project_id.clone()),
            created_at: Some(self.created_at),
            updated_at: Some(self.updated_at),
            size: Some(self.size),
            duration: Some(self.duration),
            has_audio: self.has_audio,
            has_video: self.has_video,
            output_mode: Some(self.output_mode.as_str().to_string()),
            stream_mode: Some(self.stream_mode.as_str().to_string()),
            streams: self.streams.clone(),
            url: self.url.clone(),
            resolution: self.resolution.clone(),
            reason: Some(self.reason.clone()),
            password: Some(self.password.clone()),
            multi_archive_tag: self.multi_archive_tag.clone(),
            max_bitrate: self.max_bitrate,
            quantization_parameter: self.quantization_parameter,
            has_transcription: Some(self.has_transcription),
            transcription: self.transcription.as_ref().map(|t| opentok::ArchiveTranscription {
                status: Some(t.status.clone()),
                reason: None,
                url: None,
                primary_language_code: Some(t.primary_language_code.clone()),
                has_summary: Some(t.has_summary),
            }),
            transcription_properties: None,
        }
    }

    /// Seconds from its start to `now`, rounded.
    fn seconds_until(&self, now: i64) -> i64 {
        ((now - self.created_at) as f64 / 1000.0).round() as i64
    }
}

/// Starts an archive of `m` (the REST body, `sessionId` read already) in the project's session.
/// Takes the state-machine lock.
pub fn start(state: &AppState, project_id: &str, session_id: &str, m: &Map<String, Value>) -> Result<ArchiveDoc, ApiError> {
    let doc = archive_doc(state, m, project_id, session_id)?;
    let _guard = state.ops_lock();
    composable_session(state, project_id, session_id, "archiving")?;
    if let Some(other) = running_with_same_tag(state, project_id, session_id, &doc)? {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "already_archiving",
            format!(
                "session {session_id} is already being archived (archive {}); use a different multiArchiveTag to record it twice",
                other.id
            ),
        ));
    }
    Stored::new(&doc.id, project_id, Some(session_id), None, doc.clone()).save(state)?;
    emit(state, events::archive_status(project_id, &doc))?;
    Ok(doc)
}

/// Starts the automatic archive of an `archiveMode=always` session when a stream is published
/// and none is running (name and resolution from the session's settings). Caller holds the
/// state-machine lock.
pub fn auto_start(state: &AppState, session: &SessionRecord) -> Result<(), ApiError> {
    if session.archive_mode != "always" || session.media_mode != "routed" {
        return Ok(());
    }
    let running = list::<ArchiveDoc>(state, Some(&session.project_id), Some(&session.session_id), None)?
        .iter()
        .any(|r| r.doc.is_running() && r.doc.multi_archive_tag.is_none());
    if running {
        return Ok(());
    }
    let mut m = Map::new();
    m.insert("name".into(), session.archive_name.clone().into());
    m.insert("resolution".into(), session.archive_resolution.clone().into());
    let doc = archive_doc(state, &m, &session.project_id, &session.session_id)?;
    Stored::new(&doc.id, &session.project_id, Some(&session.session_id), None, doc.clone()).save(state)?;
    emit(state, events::archive_status(&session.project_id, &doc))?;
    Ok(())
}

fn archive_doc(state: &AppState, m: &Map<String, Value>, project_id: &str, session_id: &str) -> Result<ArchiveDoc, ApiError> {
    let output_mode: OutputMode =
        opt_str(m, "outputMode")?.unwrap_or_else(|| "composed".into()).parse().map_err(|e| ApiError::from_core(&e))?;
    let composed = output_mode == OutputMode::Composed;
    let stream_mode: StreamMode =
        opt_str(m, "streamMode")?.unwrap_or_else(|| "auto".into()).parse().map_err(|e| ApiError::from_core(&e))?;
    let resolution = match opt_str(m, "resolution")? {
        Some(r) if !composed => {
            return Err(ApiError::bad_request(
                "invalid_argument",
                format!("resolution {r:?} is not allowed with outputMode individual"),
            ))
        }
        Some(r) => Some(r.parse::<opentok::ArchiveResolution>().map_err(|e| ApiError::from_core(&e))?.as_str().to_string()),
        None if composed => Some("640x480".to_string()),
        None => None,
    };
    let layout = match m.get("layout") {
        None | Some(Value::Null) => None,
        Some(_) if !composed => {
            return Err(ApiError::bad_request("invalid_argument", "layout is not allowed with outputMode individual"))
        }
        Some(l) => Some(check_layout(l)?),
    };
    let has_audio = opt_bool(m, "hasAudio")?.unwrap_or(true);
    let has_video = opt_bool(m, "hasVideo")?.unwrap_or(true);
    if !has_audio && !has_video {
        return Err(ApiError::bad_request("invalid_argument", "hasAudio and hasVideo cannot both be false"));
    }
    let max_bitrate = opt_int(m, "maxBitrate", opentok::MAX_BITRATE_RANGE)?;
    let qp = opt_int(m, "quantizationParameter", opentok::QUANTIZATION_RANGE)?;
    if max_bitrate.is_some() && qp.is_some() {
        return Err(ApiError::bad_request("invalid_argument", "maxBitrate and quantizationParameter cannot both be set"));
    }
    let max_duration = opt_int(m, "maxDuration", MAX_DURATION_RANGE)?;
    let has_transcription = opt_bool(m, "hasTranscription")?.unwrap_or(false);
    let transcription = match m.get("transcriptionProperties") {
        None | Some(Value::Null) => None,
        Some(Value::Object(t)) if has_transcription => {
            let code = opt_str(t, "primaryLanguageCode")?.unwrap_or_else(|| "en-US".into());
            if !opentok::is_language_code(&code) {
                return Err(ApiError::bad_request(
                    "invalid_argument",
                    format!("transcriptionProperties.primaryLanguageCode must look like en-US (got {code:?})"),
                ));
            }
            let has_summary = opt_bool(t, "hasSummary")?.unwrap_or(false);
            Some(Transcription { status: "requested".into(), primary_language_code: code, has_summary })
        }
        Some(Value::Object(_)) => {
            return Err(ApiError::bad_request("invalid_argument", "transcriptionProperties needs hasTranscription true"))
        }
        Some(v) => {
            return Err(ApiError::bad_request("invalid_argument", format!("transcriptionProperties must be an object (got {v})")))
        }
    };
    let now = state.now_ms();
    Ok(ArchiveDoc {
        id: uuid_v4()?,
        status: ArchiveStatus::Started,
        name: opt_str(m, "name")?,
        session_id: session_id.into(),
        partner_id: ProjectNumber(project_id.into()),
        project_id: project_id.into(),
        created_at: now,
        updated_at: now,
        size: 0,
        duration: 0,
        has_audio,
        has_video,
        output_mode,
        stream_mode,
        streams: Vec::new(),
        url: None,
        resolution,
        reason: String::new(),
        password: String::new(),
        event: "archive".into(),
        has_transcription,
        layout,
        multi_archive_tag: opt_str(m, "multiArchiveTag")?,
        max_bitrate,
        quantization_parameter: qp,
        max_duration,
        transcription,
    })
}

/// Stops a running archive with `reason`: gives it as `stopped` (the answer) and the events
/// `stopped` then `available`; `r` is left `available` (the emulator "processes" instantly: the
/// next read finds the file available), for the caller to save.
pub fn finish(r: &mut Stored<ArchiveDoc>, now: i64, reason: &str) -> (ArchiveDoc, Vec<Emission>) {
    let a = &mut r.doc;
    a.duration = a.seconds_until(now);
    a.updated_at = now;
    a.status = ArchiveStatus::Stopped;
    a.reason = reason.into();
    let stopped = a.clone();
    a.status = ArchiveStatus::Available;
    a.size = a.duration * BYTES_PER_SECOND + 4096;
    let events = vec![events::archive_status(&r.project_id, &stopped), events::archive_status(&r.project_id, a)];
    (stopped, events)
}

/// `POST .../archive/{id}/stop`: the archive as stopped (409 when it is not recording).
pub fn stop(state: &AppState, project_id: &str, id: &str) -> Result<ArchiveDoc, ApiError> {
    update_emitting(state, id, project_id, |r: &mut Stored<ArchiveDoc>, now| {
        require_recording(&r.doc, "")?;
        Ok(finish(r, now, "user initiated"))
    })
}

/// Makes a running archive `failed` with `reason` (a test's request; posted).
pub fn fail(state: &AppState, project_id: &str, id: &str, reason: &str) -> Result<ArchiveDoc, ApiError> {
    update_emitting(state, id, project_id, |r: &mut Stored<ArchiveDoc>, now| {
        require_recording(&r.doc, "; only a running archive can fail")?;
        let a = &mut r.doc;
        a.duration = a.seconds_until(now);
        a.status = ArchiveStatus::Failed;
        a.reason = reason.into();
        Ok((a.clone(), vec![events::archive_status(&r.project_id, a)]))
    })
}

fn require_recording(a: &ArchiveDoc, hint: &str) -> Result<(), ApiError> {
    if a.is_running() {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::CONFLICT,
        "not_recording",
        format!("archive {} is not being recorded (status {}){hint}", a.id, a.status.as_str()),
    ))
}

/// `DELETE .../archive/{id}`: leaves it `deleted` (409 while recording).
pub fn delete(state: &AppState, project_id: &str, id: &str) -> Result<(), ApiError> {
    update_owned(state, id, project_id, |r: &mut Stored<ArchiveDoc>, _| {
        if r.doc.is_running() {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "still_recording",
                format!("archive {id} is still being recorded; stop it before deleting it"),
            ));
        }
        r.doc.status = ArchiveStatus::Deleted;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> ArchiveDoc {
        ArchiveDoc {
            id: "a".into(),
            status: ArchiveStatus::Started,
            name: None,
            session_id: "s".into(),
            partner_id: ProjectNumber("123456".into()),
            project_id: "123456".into(),
            created_at: 1_000,
            updated_at: 2_000,
            size: 0,
            duration: 0,
            has_audio: true,
            has_video: false,
            output_mode: OutputMode::Composed,
            stream_mode: StreamMode::Auto,
            streams: vec![],
            url: None,
            resolution: Some("640x480".into()),
            reason: String::new(),
            password: String::new(),
            event: "archive".into(),
            has_transcription: false,
            layout: None,
            multi_archive_tag: None,
            max_bitrate: None,
            quantization_parameter: None,
            max_duration: None,
            transcription: None,
        }
    }

    /// What the emulator posts in events (`to_model`) is what a client reads from the document
    /// it serves.
    #[test]
    fn the_model_is_what_a_client_reads_from_the_document() {
        let plain = doc();
        let full = ArchiveDoc {
            status: ArchiveStatus::Available,
            name: Some("n".into()),
            streams: vec![IncludedStream { stream_id: "x".into(), has_audio: Some(true), has_video: Some(false) }],
            layout: Some(Layout::custom("a {}")),
            multi_archive_tag: Some("t".into()),
            max_bitrate: Some(200_000),
            quantization_parameter: Some(20),
            max_duration: Some(60),
            has_transcription: true,
            transcription: Some(Transcription {
                status: "requested".into(),
                primary_language_code: "en-US".into(),
                has_summary: true,
            }),
            reason: "user initiated".into(),
            ..doc()
        };
        for d in [plain, full] {
            let served = serde_json::to_value(&d).unwrap();
            let read: opentok::Archive = serde_json::from_value(served.clone()).unwrap();
            assert_eq!(d.to_model(), read);
            assert_eq!(serde_json::from_value::<ArchiveDoc>(served).unwrap(), d, "the stored document reads back");
        }
    }

    #[test]
    fn optional_settings_are_absent_unless_given() {
        let v = serde_json::to_value(doc()).unwrap();
        for absent in ["layout", "multiArchiveTag", "maxBitrate", "quantizationParameter", "maxDuration", "transcription"] {
            assert!(v.get(absent).is_none(), "{absent} in {v}");
        }
        assert_eq!(
            (v["partnerId"].clone(), v["url"].clone(), v["status"].clone()),
            (serde_json::json!(123456), Value::Null, "started".into())
        );
    }
}
