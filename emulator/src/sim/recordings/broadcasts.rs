//! Live-streaming broadcasts: the state machine. Like archives: a routed session with a
//! connected client; one running broadcast per session and `multiBroadcastTag`; `started` →
//! `stopped` (by a stop or when `maxDuration` passes), HLS `live` → `ended`. Each status change
//! posts the broadcast status event.

use axum::http::StatusCode;
use opentok::{IncludedStream, Layout, LayoutType, RtmpStatus, StreamMode};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::fields::{check_layout, opt_bool, opt_int, opt_str, req_str};
use crate::sim::events::{self, emit, update_emitting, Emission};
use crate::sim::recordings::{composable_session, running_with_same_tag, Composition};
use crate::sim::resources::{layout_json, uuid_v4, Document, ProjectNumber, Stored};
use crate::state::AppState;

/// Resource kind of broadcasts in the store.
pub const KIND: &str = "broadcast";

/// The state of a broadcast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BroadcastStatus {
    /// Live.
    Started,
    /// Live without streams (the service's; the emulator does not pause).
    Paused,
    /// Ended.
    Stopped,
}

impl BroadcastStatus {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            BroadcastStatus::Started => "started",
            BroadcastStatus::Paused => "paused",
            BroadcastStatus::Stopped => "stopped",
        }
    }
}

/// A broadcast as stored and served (`GET /broadcast/{id}`): the fields of the core's
/// [`opentok::Broadcast`] the service sends, plus the `layout` it echoes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BroadcastDoc {
    /// Broadcast id.
    pub id: String,
    /// The session broadcast.
    pub session_id: String,
    /// The project (a number for numeric keys).
    pub project_id: ProjectNumber,
    /// Start, unix ms of the simulated clock.
    pub created_at: i64,
    /// Last change, unix ms.
    pub updated_at: i64,
    /// Seconds after which it stops.
    pub max_duration: i64,
    /// Maximum bitrate.
    pub max_bitrate: i64,
    /// Resolution, e.g. `640x480`.
    pub resolution: String,
    /// Current state.
    pub status: BroadcastStatus,
    /// Whether audio is included.
    pub has_audio: bool,
    /// Whether video is included.
    pub has_video: bool,
    /// Auto or manual stream selection.
    pub stream_mode: StreamMode,
    /// Streams added in manual mode.
    pub streams: Vec<IncludedStream>,
    /// The layout (`bestFit` unless given).
    #[serde(with = "layout_json")]
    pub layout: Layout,
    /// Where it can be watched.
    pub broadcast_urls: BroadcastUrls,
    /// The multi-broadcast tag, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_broadcast_tag: Option<String>,
}

/// `broadcastUrls`: the HLS fields are present only for an HLS output; each RTMP output is the
/// core's [`RtmpStatus`] (its `id` `null` when none was given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BroadcastUrls {
    /// HLS playlist URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hls: Option<String>,
    /// HLS state: `live`, then `ended`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hls_status: Option<String>,
    /// HLS DVR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dvr: Option<bool>,
    /// HLS low latency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low_latency: Option<bool>,
    /// RTMP outputs: `live`, then `offline`.
    pub rtmp: Vec<RtmpStatus>,
}

impl Document for BroadcastDoc {
    const KIND: &'static str = KIND;

    fn touch(&mut self, now: i64) {
        self.updated_at = now;
    }
}

impl Composition for BroadcastDoc {
    const WHAT: &'static str = "broadcast";

    fn is_running(&self) -> bool {
        matches!(self.status, BroadcastStatus::Started | BroadcastStatus::Paused)
    }

    fn tag(&self) -> Option<&str> {
        self.multi_broadcast_tag.as_deref()
    }

    fn set_layout(&mut self, layout: Layout) -> bool {
        self.layout = layout;
        true
    }

    fn stream_mode(&self) -> StreamMode {
        self.stream_mode
    }

    fn streams_mut(&mut self) -> &mut Vec<IncludedStream> {
        &mut self.streams
    }
}

impl BroadcastDoc {
    /// The core's model of it, as a client (or an event's reader) reads the served document.
    pub fn to_model(&self) -> opentok::Broadcast {
        let urls = &self.broadcast_urls;
        opentok::Broadcast {
            id: self.id.clone(),
            session_id: self.session_id.clone(),
            project_id: Some(self.project_id.0.clone()),
            partner_id: None,
            status: Some(self.status.as_str().to_string()),
            created_at: Some(self.created_at),
            updated_at: Some(self.updated_at),
            max_duration: Some(self.max_duration),
            max_bitrate: Some(self.max_bitrate),
            resolution: Some(self.resolution.clone()),
            has_audio: self.has_audio,
            has_video: self.has_video,
            stream_mode: Some(self.stream_mode.as_str().to_string()),
            streams: self.streams.clone(),
            multi_broadcast_tag: self.multi_broadcast_tag.clone(),
            broadcast_urls: Some(opentok::BroadcastUrls {
                hls: urls.hls.clone(),
                hls_status: urls.hls_status.clone(),
                rtmp: urls.rtmp.clone(),
            }),
        }
    }
}

/// Starts a broadcast of `m` (the REST body) in the project's session. Takes the
/// state-machine lock.
pub fn start(state: &AppState, project_id: &str, session_id: &str, m: &Map<String, Value>) -> Result<BroadcastDoc, ApiError> {
    let id = uuid_v4()?;
    let doc = broadcast_doc(state, m, &id, project_id, session_id)?;
    let _guard = state.ops_lock();
    composable_session(state, project_id, session_id, "broadcasting")?;
    if let Some(other) = running_with_same_tag(state, project_id, session_id, &doc)? {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "already_broadcasting",
            format!(
                "session {session_id} is already being broadcast (broadcast {}); use a different multiBroadcastTag",
                other.id
            ),
        ));
    }
    Stored::new(&id, project_id, Some(session_id), None, doc.clone()).save(state)?;
    emit(state, events::broadcast_status(project_id, &doc))?;
    Ok(doc)
}

fn broadcast_doc(
    state: &AppState,
    m: &Map<String, Value>,
    id: &str,
    project_id: &str,
    session_id: &str,
) -> Result<BroadcastDoc, ApiError> {
    let outputs = match m.get("outputs") {
        Some(Value::Object(o)) => o.clone(),
        _ => {
            return Err(ApiError::bad_request(
                "invalid_argument",
                "outputs is required: {\"hls\": {...}} and/or {\"rtmp\": [...]}",
            ))
        }
    };
    let hls = match outputs.get("hls") {
        None | Some(Value::Null) => None,
        Some(Value::Object(h)) => {
            let dvr = opt_bool(h, "dvr")?.unwrap_or(false);
            let low = opt_bool(h, "lowLatency")?.unwrap_or(false);
            if dvr && low {
                return Err(ApiError::bad_request("invalid_argument", "outputs.hls: dvr and lowLatency cannot both be true"));
            }
            Some((dvr, low))
        }
        Some(v) => return Err(ApiError::bad_request("invalid_argument", format!("outputs.hls must be an object (got {v})"))),
    };
    let rtmp_in = match outputs.get("rtmp") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.clone(),
        Some(Value::Object(o)) => vec![Value::Object(o.clone())],
        Some(v) => return Err(ApiError::bad_request("invalid_argument", format!("outputs.rtmp must be a list (got {v})"))),
    };
    if rtmp_in.len() > opentok::MAX_RTMP_OUTPUTS {
        return Err(ApiError::bad_request(
            "invalid_argument",
            format!("outputs.rtmp: at most {} outputs (got {})", opentok::MAX_RTMP_OUTPUTS, rtmp_in.len()),
        ));
    }
    if hls.is_none() && rtmp_in.is_empty() {
        return Err(ApiError::bad_request("invalid_argument", "outputs must contain hls or at least one rtmp output"));
    }
    let mut rtmp = Vec::new();
    for r in &rtmp_in {
        let o = r.as_object().ok_or_else(|| ApiError::bad_request("invalid_argument", "outputs.rtmp items must be objects"))?;
        let url = req_str(o, "serverUrl")?;
        if !(url.starts_with("rtmp://") || url.starts_with("rtmps://")) {
            return Err(ApiError::bad_request(
                "invalid_argument",
                format!("outputs.rtmp.serverUrl must start with rtmp:// or rtmps:// (got {url:?})"),
            ));
        }
        rtmp.push(RtmpStatus {
            id: opt_str(o, "id")?,
            server_url: Some(url),
            stream_name: Some(req_str(o, "streamName")?),
            status: Some("live".into()),
        });
    }
    let resolution = match opt_str(m, "resolution")? {
        Some(r) => r.parse::<opentok::ArchiveResolution>().map_err(|e| ApiError::from_core(&e))?.as_str().to_string(),
        None => "640x480".into(),
    };
    let stream_mode: StreamMode =
        opt_str(m, "streamMode")?.unwrap_or_else(|| "auto".into()).parse().map_err(|e| ApiError::from_core(&e))?;
    let layout = match m.get("layout") {
        None | Some(Value::Null) => Layout::of(LayoutType::BestFit),
        Some(l) => check_layout(l)?,
    };
    let has_audio = opt_bool(m, "hasAudio")?.unwrap_or(true);
    let has_video = opt_bool(m, "hasVideo")?.unwrap_or(true);
    if !has_audio && !has_video {
        return Err(ApiError::bad_request("invalid_argument", "hasAudio and hasVideo cannot both be false"));
    }
    let max_duration = opt_int(m, "maxDuration", opentok::BROADCAST_DURATION_RANGE)?.unwrap_or(7200);
    // PHP spells it maxBitRate.
    let max_bitrate = match opt_int(m, "maxBitrate", opentok::MAX_BITRATE_RANGE)? {
        Some(b) => b,
        None => opt_int(m, "maxBitRate", opentok::MAX_BITRATE_RANGE)?.unwrap_or(2_000_000),
    };
    let now = state.now_ms();
    Ok(BroadcastDoc {
        id: id.into(),
        session_id: session_id.into(),
        project_id: ProjectNumber(project_id.into()),
        created_at: now,
        updated_at: now,
        max_duration,
        max_bitrate,
        resolution,
        status: BroadcastStatus::Started,
        has_audio,
        has_video,
        stream_mode,
        streams: Vec::new(),
        layout,
        broadcast_urls: BroadcastUrls {
            hls: hls.map(|_| format!("https://broadcast.emulator.invalid/{id}/index.m3u8")),
            hls_status: hls.map(|_| "live".into()),
            dvr: hls.map(|(dvr, _)| dvr),
            low_latency: hls.map(|(_, low)| low),
            rtmp,
        },
        multi_broadcast_tag: opt_str(m, "multiBroadcastTag")?,
    })
}

/// Ends a running broadcast: `stopped`, outputs offline; gives the event. The caller saves `r`.
pub fn finish(r: &mut Stored<BroadcastDoc>, now: i64) -> Emission {
    let b = &mut r.doc;
    b.status = BroadcastStatus::Stopped;
    b.updated_at = now;
    if b.broadcast_urls.hls.is_some() {
        b.broadcast_urls.hls_status = Some("ended".into());
    }
    for o in &mut b.broadcast_urls.rtmp {
        o.status = Some("offline".into());
    }
    events::broadcast_status(&r.project_id, b)
}

/// `POST .../broadcast/{id}/stop`: the broadcast as stopped (409 when it is not running).
pub fn stop(state: &AppState, project_id: &str, id: &str) -> Result<BroadcastDoc, ApiError> {
    update_emitting(state, id, project_id, |r: &mut Stored<BroadcastDoc>, now| {
        if !r.doc.is_running() {
            return Err(ApiError::new(StatusCode::CONFLICT, "not_broadcasting", format!("broadcast {id} is not running")));
        }
        let event = finish(r, now);
        Ok((r.doc.clone(), vec![event]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the emulator posts in events (`to_model`) is what a client reads from the document
    /// it serves, with HLS and without.
    #[test]
    fn the_model_is_what_a_client_reads_from_the_document() {
        let rtmp = RtmpStatus {
            id: None,
            server_url: Some("rtmp://x/a".into()),
            stream_name: Some("k".into()),
            status: Some("live".into()),
        };
        let hls_only = BroadcastDoc {
            id: "b".into(),
            session_id: "s".into(),
            project_id: ProjectNumber("123456".into()),
            created_at: 1,
            updated_at: 2,
            max_duration: 60,
            max_bitrate: 2_000_000,
            resolution: "640x480".into(),
            status: BroadcastStatus::Started,
            has_audio: true,
            has_video: true,
            stream_mode: StreamMode::Manual,
            streams: vec![IncludedStream { stream_id: "x".into(), has_audio: Some(true), has_video: Some(true) }],
            layout: Layout::of(LayoutType::BestFit),
            broadcast_urls: BroadcastUrls {
                hls: Some("https://h/x.m3u8".into()),
                hls_status: Some("live".into()),
                dvr: Some(false),
                low_latency: Some(true),
                rtmp: vec![],
            },
            multi_broadcast_tag: Some("t".into()),
        };
        let rtmp_only = BroadcastDoc {
            status: BroadcastStatus::Stopped,
            broadcast_urls: BroadcastUrls { hls: None, hls_status: None, dvr: None, low_latency: None, rtmp: vec![rtmp] },
            multi_broadcast_tag: None,
            ..hls_only.clone()
        };
        for d in [hls_only, rtmp_only] {
            let served = serde_json::to_value(&d).unwrap();
            let read: opentok::Broadcast = serde_json::from_value(served.clone()).unwrap();
            assert_eq!(d.to_model(), read);
            assert_eq!(serde_json::from_value::<BroadcastDoc>(served).unwrap(), d, "the stored document reads back");
        }
    }
}
