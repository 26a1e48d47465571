//! Archives (recordings): start with every option, stop, get, list, delete, set the layout,
//! add and remove streams (`/v2/project/{id}/archive...`).
//!
//! ```no_run
//! use opentok::{ArchiveOptions, ArchiveResolution, Client, ErrorKind, Layout, LayoutType};
//!
//! # async fn run(client: Client, session_id: &str) -> opentok::Result<()> {
//! let options = ArchiveOptions {
//!     name: Some("standup".into()),
//!     resolution: Some(ArchiveResolution::Hd),
//!     layout: Some(Layout::of(LayoutType::Pip)),
//!     ..Default::default()
//! };
//! match client.start_archive(session_id, &options).await {
//!     Ok(archive) => {
//!         let stopped = client.stop_archive(&archive.id).await?;
//!         println!("{} {}", stopped.id, stopped.status.as_str());
//!     }
//!     Err(e) if e.kind() == ErrorKind::Conflict => println!("already recording: {e}"),
//!     Err(e) if e.kind() == ErrorKind::NotFound => println!("no such session or no clients: {e}"),
//!     Err(e) => return Err(e),
//! }
//! # Ok(()) }
//! ```

use std::fmt;
use std::str::FromStr;

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::layout::{IncludedStream, Layout, StreamMode, StreamTracks, TrackChoice};
use crate::rest::{
    alias, bool_or_true, id_segment, json, opt_bool, opt_i64, opt_string, page, session_segment, vec_or_null, yes, ListOptions,
    Settle,
};
use crate::session::ArchiveResolution;
use crate::transport::Body;

/// Lowest and highest `quantizationParameter` the service accepts.
pub const QUANTIZATION_RANGE: std::ops::RangeInclusive<u32> = 15..=40;
/// Lowest and highest `maxBitrate` (bits per second) of archives and broadcasts.
pub const MAX_BITRATE_RANGE: std::ops::RangeInclusive<u32> = 100_000..=6_000_000;

/// One composed file, or one file per stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum OutputMode {
    /// All streams composed into one file (the default).
    #[default]
    Composed,
    /// One file per stream, in a zip.
    Individual,
}

impl OutputMode {
    /// `"composed"` or `"individual"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            OutputMode::Composed => "composed",
            OutputMode::Individual => "individual",
        }
    }
}

impl FromStr for OutputMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<OutputMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "composed" => Ok(OutputMode::Composed),
            "individual" => Ok(OutputMode::Individual),
            _ => Err(Error::invalid("outputMode", "must be composed or individual", s)),
        }
    }
}

impl fmt::Display for OutputMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Transcription settings of an archive (`transcriptionProperties`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TranscriptionProperties {
    /// BCP-47 language of the speech, e.g. `en-US`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub primary_language_code: Option<String>,
    /// Whether to produce a summary too.
    #[serde(deserialize_with = "opt_bool")]
    pub has_summary: Option<bool>,
}

/// The transcription of an archive as the service reports it (`transcription`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ArchiveTranscription {
    /// State of the transcription (e.g. `requested`, `available`, `failed`).
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub status: Option<String>,
    /// Why it failed, if it did.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub reason: Option<String>,
    /// Where to download it once available.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub url: Option<String>,
    /// Language transcribed, e.g. `en-US`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub primary_language_code: Option<String>,
    /// Whether a summary was asked for.
    #[serde(deserialize_with = "opt_bool")]
    pub has_summary: Option<bool>,
}

/// Options of [`Client::start_archive`]. Every field is optional; unset fields are not sent and
/// the service's defaults apply (audio and video on, composed, auto stream mode).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ArchiveOptions {
    /// Name of the archive (for your reference).
    pub name: Option<String>,
    /// Record audio (default true).
    pub has_audio: Option<bool>,
    /// Record video (default true).
    pub has_video: Option<bool>,
    /// Composed (default) or individual.
    pub output_mode: Option<OutputMode>,
    /// Resolution of a composed archive (not allowed with individual).
    pub resolution: Option<ArchiveResolution>,
    /// Auto (default) or manual stream selection.
    pub stream_mode: Option<StreamMode>,
    /// Layout of a composed archive (not allowed with individual).
    pub layout: Option<Layout>,
    /// Tag that lets several archives of one session run at once (one per distinct tag).
    pub multi_archive_tag: Option<String>,
    /// Maximum video bitrate, 100000 to 6000000 bits/s (not with `quantization_parameter`).
    pub max_bitrate: Option<u32>,
    /// Video quality, 15 (best) to 40 (not with `max_bitrate`; composed only).
    pub quantization_parameter: Option<u32>,
    /// Transcribe the audio.
    pub has_transcription: Option<bool>,
    /// Transcription settings (only with `has_transcription` true).
    pub transcription_properties: Option<TranscriptionProperties>,
}

impl ArchiveOptions {
    /// The client-side rules of the strictest official SDKs (Python, Java, .NET): resolution,
    /// layout and quantization parameter need composed output; quantization parameter 15–40;
    /// max bitrate 100000–6000000 and not together with a quantization parameter; audio or video;
    /// a non-empty multi-archive tag; transcription properties only with transcription;
    /// a valid layout.
    pub fn validate(&self) -> Result<()> {
        let individual = self.output_mode == Some(OutputMode::Individual);
        if let (true, Some(r)) = (individual, self.resolution) {
            return Err(Error::invalid("resolution", "is not allowed with outputMode individual", r.as_str()));
        }
        if let Some(l) = &self.layout {
            if individual {
                return Err(Error::invalid("layout", "is not allowed with outputMode individual", l.layout_type.as_str()));
            }
            l.validate()?;
        }
        if let Some(qp) = self.quantization_parameter {
            if !QUANTIZATION_RANGE.contains(&qp) {
                return Err(Error::invalid("quantizationParameter", "must be 15 to 40", qp));
            }
            if individual {
                return Err(Error::invalid("quantizationParameter", "is not allowed with outputMode individual", qp));
            }
            if self.max_bitrate.is_some() {
                return Err(Error::invalid("quantizationParameter", "cannot be combined with maxBitrate", qp));
            }
        }
        if let Some(b) = self.max_bitrate {
            if !MAX_BITRATE_RANGE.contains(&b) {
                return Err(Error::invalid("maxBitrate", "must be 100000 to 6000000", b));
            }
        }
        if self.has_audio == Some(false) && self.has_video == Some(false) {
            return Err(Error::invalid("hasAudio", "hasAudio and hasVideo cannot both be false", "false/false"));
        }
        if let Some(t) = &self.multi_archive_tag {
            if t.trim().is_empty() {
                return Err(Error::invalid("multiArchiveTag", "must not be empty", t));
            }
        }
        if let Some(n) = &self.name {
            if n.chars().count() > 256 {
                return Err(Error::invalid("name", "must be at most 256 characters", n));
            }
        }
        if self.transcription_properties.is_some() && self.has_transcription != Some(true) {
            return Err(Error::invalid(
                "transcriptionProperties",
                "needs hasTranscription true",
                format!("hasTranscription {:?}", self.has_transcription),
            ));
        }
        if let Some(code) = self.transcription_properties.as_ref().and_then(|t| t.primary_language_code.as_ref()) {
            if !is_language_code(code) {
                return Err(Error::invalid("transcriptionProperties.primaryLanguageCode", "must look like en-US", code));
            }
        }
        Ok(())
    }

    /// The JSON body of `POST /archive` for `session_id` (only set fields).
    pub fn to_json(&self, session_id: &str) -> Value {
        let mut m = Map::new();
        m.insert("sessionId".into(), json!(session_id));
        let mut put = |k: &str, v: Option<Value>| {
            if let Some(v) = v {
                m.insert(k.into(), v);
            }
        };
        put("name", self.name.as_ref().map(|v| json!(v)));
        put("hasAudio", self.has_audio.map(|v| json!(v)));
        put("hasVideo", self.has_video.map(|v| json!(v)));
        put("outputMode", self.output_mode.map(|v| json!(v.as_str())));
        put("resolution", self.resolution.map(|v| json!(v.as_str())));
        put("streamMode", self.stream_mode.map(|v| json!(v.as_str())));
        put("layout", self.layout.as_ref().map(Layout::to_json));
        put("multiArchiveTag", self.multi_archive_tag.as_ref().map(|v| json!(v)));
        put("maxBitrate", self.max_bitrate.map(|v| json!(v)));
        put("quantizationParameter", self.quantization_parameter.map(|v| json!(v)));
        put("hasTranscription", self.has_transcription.map(|v| json!(v)));
        put(
            "transcriptionProperties",
            self.transcription_properties.as_ref().map(|t| {
                let mut tm = Map::new();
                if let Some(c) = &t.primary_language_code {
                    tm.insert("primaryLanguageCode".into(), json!(c));
                }
                if let Some(s) = t.has_summary {
                    tm.insert("hasSummary".into(), json!(s));
                }
                Value::Object(tm)
            }),
        );
        Value::Object(m)
    }
}

/// `xx-XX` (two lowercase letters, a dash, two uppercase letters), the shape the Java SDK checks
/// (caption and transcription language codes).
pub fn is_language_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5
        && b[0].is_ascii_lowercase()
        && b[1].is_ascii_lowercase()
        && b[2] == b'-'
        && b[3].is_ascii_uppercase()
        && b[4].is_ascii_uppercase()
}

/// The state of an archive.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ArchiveStatus {
    /// Recording.
    Started,
    /// Recording paused (no streams).
    Paused,
    /// Stopped; the file is being processed.
    Stopped,
    /// The file can be downloaded from `url`.
    Available,
    /// Uploaded to your storage target.
    Uploaded,
    /// Deleted.
    Deleted,
    /// Older than the retention period.
    Expired,
    /// Failed.
    Failed,
    /// A status this SDK does not know.
    #[default]
    #[serde(other)]
    Unknown,
}

impl ArchiveStatus {
    /// The wire value (`"started"`, ...; `"unknown"` for an unknown one).
    pub fn as_str(&self) -> &'static str {
        match self {
            ArchiveStatus::Started => "started",
            ArchiveStatus::Paused => "paused",
            ArchiveStatus::Stopped => "stopped",
            ArchiveStatus::Available => "available",
            ArchiveStatus::Uploaded => "uploaded",
            ArchiveStatus::Deleted => "deleted",
            ArchiveStatus::Expired => "expired",
            ArchiveStatus::Failed => "failed",
            ArchiveStatus::Unknown => "unknown",
        }
    }
}

/// An archive as the service describes it. Unknown fields are ignored; missing ones are `None`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Archive {
    /// Archive id (a UUID).
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub id: String,
    /// Current state.
    #[serde(deserialize_with = "crate::rest::lenient")]
    pub status: ArchiveStatus,
    /// Name given at start.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub name: Option<String>,
    /// The session recorded.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub session_id: String,
    /// API key of the project (`partnerId`; may arrive as a number; `projectId` when only that
    /// was sent).
    #[serde(deserialize_with = "opt_string")]
    pub partner_id: Option<String>,
    /// API key or application id (`projectId`; `partnerId` when only that was sent).
    #[serde(deserialize_with = "opt_string")]
    pub project_id: Option<String>,
    /// Creation time, unix milliseconds.
    #[serde(deserialize_with = "opt_i64")]
    pub created_at: Option<i64>,
    /// Updated time, unix milliseconds.
    #[serde(deserialize_with = "opt_i64")]
    pub updated_at: Option<i64>,
    /// File size in bytes (0 until available).
    #[serde(deserialize_with = "opt_i64")]
    pub size: Option<i64>,
    /// Duration in seconds (0 until stopped).
    #[serde(deserialize_with = "opt_i64")]
    pub duration: Option<i64>,
    /// Whether audio is recorded (`true` when the service does not say: its default).
    #[serde(default = "yes", deserialize_with = "bool_or_true")]
    pub has_audio: bool,
    /// Whether video is recorded (`true` when the service does not say: its default).
    #[serde(default = "yes", deserialize_with = "bool_or_true")]
    pub has_video: bool,
    /// `composed` or `individual`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub output_mode: Option<String>,
    /// `auto` or `manual`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub stream_mode: Option<String>,
    /// Streams included (manual stream mode).
    #[serde(deserialize_with = "vec_or_null")]
    pub streams: Vec<IncludedStream>,
    /// Download URL once available (when the project stores archives with the service).
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub url: Option<String>,
    /// Resolution, e.g. `1280x720`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub resolution: Option<String>,
    /// Why it stopped or failed.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub reason: Option<String>,
    /// Encryption password, if the project uses archive encryption.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub password: Option<String>,
    /// The multi-archive tag.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub multi_archive_tag: Option<String>,
    /// Maximum bitrate.
    #[serde(deserialize_with = "opt_i64")]
    pub max_bitrate: Option<i64>,
    /// Quantization parameter.
    #[serde(deserialize_with = "opt_i64")]
    pub quantization_parameter: Option<i64>,
    /// Whether the archive is transcribed.
    #[serde(deserialize_with = "opt_bool")]
    pub has_transcription: Option<bool>,
    /// The transcription's state and file (`transcription`), when transcribed.
    #[serde(deserialize_with = "crate::rest::lenient")]
    pub transcription: Option<ArchiveTranscription>,
    /// Transcription settings echoed back (`transcriptionProperties`), if sent.
    #[serde(deserialize_with = "crate::rest::lenient")]
    pub transcription_properties: Option<TranscriptionProperties>,
}

impl Settle for Archive {
    fn settle(&mut self) {
        alias(&mut self.partner_id, &mut self.project_id);
    }

    fn identity(&self) -> Option<&'static str> {
        self.id.is_empty().then_some("id")
    }
}

page!(
    /// A page of archives, newest first.
    ArchiveList of Archive
);

impl Client {
    /// Starts recording a session: `POST /v2/project/{id}/archive`. The session must be routed
    /// and have a connected client; the service answers 409 ([`crate::ErrorKind::Conflict`]) when
    /// the session is already being recorded (with the same or no `multiArchiveTag`) or is
    /// relayed, and 404 ([`crate::ErrorKind::NotFound`]) for an unknown session or one with no
    /// connected clients. Not retried after the request reached the server.
    pub async fn start_archive(&self, session_id: &str, options: &ArchiveOptions) -> Result<Archive> {
        session_segment(session_id)?;
        options.validate()?;
        self.call_json(Method::POST, self.project_path("/archive"), json(&options.to_json(session_id))).await
    }

    /// Stops a recording: `POST /archive/{archiveId}/stop`. 409 when it is not recording.
    pub async fn stop_archive(&self, archive_id: &str) -> Result<Archive> {
        let id = id_segment("archiveId", archive_id)?;
        self.call_json(Method::POST, self.project_path(&format!("/archive/{id}/stop")), self.empty_post_body()).await
    }

    /// Reads an archive: `GET /archive/{archiveId}`. 404 when unknown.
    pub async fn get_archive(&self, archive_id: &str) -> Result<Archive> {
        let id = id_segment("archiveId", archive_id)?;
        self.call_json(Method::GET, self.project_path(&format!("/archive/{id}")), Body::None).await
    }

    /// Lists archives, newest first: `GET /archive?offset&count&sessionId`.
    pub async fn list_archives(&self, options: &ListOptions) -> Result<ArchiveList> {
        options.validate()?;
        self.call_json(Method::GET, self.project_path(&format!("/archive{}", options.query())), Body::None).await
    }

    /// Deletes an archive's file: `DELETE /archive/{archiveId}` (204). 409 while it records.
    pub async fn delete_archive(&self, archive_id: &str) -> Result<()> {
        let id = id_segment("archiveId", archive_id)?;
        self.call_unit(Method::DELETE, self.project_path(&format!("/archive/{id}")), Body::None).await
    }

    /// Changes the layout of a composed archive while it records: `PUT /archive/{archiveId}/layout`.
    pub async fn set_archive_layout(&self, archive_id: &str, layout: &Layout) -> Result<()> {
        let id = id_segment("archiveId", archive_id)?;
        layout.validate()?;
        self.call_unit(Method::PUT, self.project_path(&format!("/archive/{id}/layout")), json(&layout.to_json())).await
    }

    /// Adds a stream to an archive started with stream mode manual:
    /// `PATCH /archive/{archiveId}/streams` `{addStream, hasAudio, hasVideo}` (204).
    pub async fn add_archive_stream(&self, archive_id: &str, stream_id: &str, tracks: StreamTracks) -> Result<()> {
        self.add_archive_stream_tracks(archive_id, stream_id, tracks.into()).await
    }

    /// [`Client::add_archive_stream`] with the tracks as the caller gave them: the ones not given
    /// are sent as the client's dialect does (left out for Ruby, true for the others).
    pub async fn add_archive_stream_tracks(&self, archive_id: &str, stream_id: &str, tracks: TrackChoice) -> Result<()> {
        let id = id_segment("archiveId", archive_id)?;
        id_segment("streamId", stream_id)?;
        tracks.validate()?;
        let body = tracks.add_stream_body(stream_id, self.options().dialect);
        self.call_unit(Method::PATCH, self.project_path(&format!("/archive/{id}/streams")), json(&body)).await
    }

    /// Removes a stream from an archive: `PATCH /archive/{archiveId}/streams` `{removeStream}` (204).
    pub async fn remove_archive_stream(&self, archive_id: &str, stream_id: &str) -> Result<()> {
        let id = id_segment("archiveId", archive_id)?;
        id_segment("streamId", stream_id)?;
        let body = json!({ "removeStream": stream_id });
        self.call_unit(Method::PATCH, self.project_path(&format!("/archive/{id}/streams")), json(&body)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_tolerant_archive() {
        let a: Archive = serde_json::from_str(
            r#"{"id":"a","status":"weird","sessionId":"s","partnerId":123456,"projectId":"123456","createdAt":1.5e12,"size":null,
                "streams":null,"hasAudio":"true","extra":{"x":1}}"#,
        )
        .unwrap();
        assert_eq!(a.status, ArchiveStatus::Unknown);
        assert_eq!(a.partner_id.as_deref(), Some("123456"));
        assert_eq!(a.created_at, Some(1_500_000_000_000));
        assert!(a.has_audio);
        assert!(a.streams.is_empty());
    }

    #[test]
    fn the_model_decides_missing_fields_and_aliases() {
        let mut a: Archive = serde_json::from_str(r#"{"id":"a","projectId":123456,"hasVideo":null}"#).unwrap();
        a.settle();
        assert_eq!((a.partner_id.as_deref(), a.project_id.as_deref()), (Some("123456"), Some("123456")));
        assert!(a.has_audio && a.has_video, "the service records audio and video unless told otherwise");
        let mut b: Archive = serde_json::from_str(r#"{"id":"a","partnerId":"1","hasAudio":false}"#).unwrap();
        b.settle();
        assert_eq!((b.partner_id.as_deref(), b.project_id.as_deref(), b.has_audio), (Some("1"), Some("1"), false));
        let t: Archive = serde_json::from_str(
            r#"{"id":"a","transcription":{"status":"available","url":"https://x","extra":1},"transcriptionProperties":{"hasSummary":"true"}}"#,
        )
        .unwrap();
        assert_eq!(t.transcription.unwrap().status.as_deref(), Some("available"));
        assert_eq!(t.transcription_properties.unwrap().has_summary, Some(true));
    }

    #[test]
    fn body_has_only_set_fields() {
        let o = ArchiveOptions { name: Some("n".into()), quantization_parameter: Some(20), ..Default::default() };
        assert_eq!(o.to_json("S"), json!({"sessionId": "S", "name": "n", "quantizationParameter": 20}));
    }
}

#[cfg(test)]
mod serialize_tests {
    use super::*;

    #[test]
    fn models_serialize_in_the_wire_spelling() {
        let a: Archive = serde_json::from_str(r#"{"id":"a","status":"available","sessionId":"s","size":5}"#).unwrap();
        let v = serde_json::to_value(&a).unwrap();
        assert_eq!((v["status"].as_str(), v["sessionId"].as_str(), v["size"].as_i64()), (Some("available"), Some("s"), Some(5)));
        let back: Archive = serde_json::from_value(v).unwrap();
        assert_eq!(back, a);
    }
}
