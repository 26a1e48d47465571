//! Live-streaming broadcasts (HLS and RTMP): start, stop, get, list, set the layout, add and
//! remove streams (`/v2/project/{id}/broadcast...`).

use reqwest::Method;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{json, Map, Value};

use crate::archive::MAX_BITRATE_RANGE;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::layout::{IncludedStream, Layout, StreamMode, StreamTracks, TrackChoice};
use crate::rest::{
    alias, bool_or_true, id_segment, json, opt_i64, opt_string, page, session_segment, vec_or_null, yes, ListOptions, Settle,
};
use crate::session::ArchiveResolution;
use crate::transport::Body;

/// Most RTMP outputs one broadcast may have.
pub const MAX_RTMP_OUTPUTS: usize = 5;
/// Allowed `maxDuration` of a broadcast, seconds.
pub const BROADCAST_DURATION_RANGE: std::ops::RangeInclusive<u32> = 60..=36_000;

/// HLS output settings. `dvr` and `low_latency` cannot both be on. Only the fields set are
/// sent (`{"hls": {}}` when neither is): the service's defaults are off.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HlsOptions {
    /// Keep a rewindable window (DVR); `None`: not sent.
    pub dvr: Option<bool>,
    /// Low-latency HLS; `None`: not sent.
    pub low_latency: Option<bool>,
}

/// One RTMP output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RtmpOutput {
    /// Your id for this output (echoed in `broadcastUrls.rtmp[].id`).
    pub id: Option<String>,
    /// RTMP server URL (`rtmp://` or `rtmps://`).
    pub server_url: String,
    /// Stream name (key) on that server.
    pub stream_name: String,
}

/// Outputs of a broadcast: HLS, up to five RTMP targets, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BroadcastOutputs {
    /// HLS output, if wanted.
    pub hls: Option<HlsOptions>,
    /// RTMP outputs (at most 5).
    pub rtmp: Vec<RtmpOutput>,
}

/// Options of [`Client::start_broadcast`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BroadcastOptions {
    /// Where to stream (required: HLS and/or RTMP).
    pub outputs: BroadcastOutputs,
    /// Layout (default bestFit).
    pub layout: Option<Layout>,
    /// Stop after this many seconds, 60 to 36000 (service default 7200).
    pub max_duration: Option<u32>,
    /// Maximum video bitrate, 100000 to 6000000 bits/s.
    pub max_bitrate: Option<u32>,
    /// Resolution (default 640x480).
    pub resolution: Option<ArchiveResolution>,
    /// Auto (default) or manual stream selection.
    pub stream_mode: Option<StreamMode>,
    /// Tag that lets several broadcasts of one session run at once (one per distinct tag).
    pub multi_broadcast_tag: Option<String>,
    /// Include audio (default true).
    pub has_audio: Option<bool>,
    /// Include video (default true).
    pub has_video: Option<bool>,
}

impl BroadcastOptions {
    /// The strictest SDKs' rules (Python, Node, Java): at least one output; at most 5 RTMP
    /// outputs, each with an `rtmp://`/`rtmps://` server URL and a stream name; HLS `dvr` and
    /// `lowLatency` not both; max duration 60–36000; max bitrate 100000–6000000; audio or
    /// video; a valid layout; a non-empty multi-broadcast tag.
    pub fn validate(&self) -> Result<()> {
        let o = &self.outputs;
        if o.hls.is_none() && o.rtmp.is_empty() {
            return Err(Error::invalid("outputs", "must contain hls or at least one rtmp output", "none"));
        }
        if o.rtmp.len() > MAX_RTMP_OUTPUTS {
            return Err(Error::invalid("outputs.rtmp", "must have at most 5 outputs", o.rtmp.len()));
        }
        for r in &o.rtmp {
            let lower = r.server_url.to_ascii_lowercase();
            if !(lower.starts_with("rtmp://") || lower.starts_with("rtmps://")) {
                return Err(Error::invalid("outputs.rtmp.serverUrl", "must start with rtmp:// or rtmps://", &r.server_url));
            }
            if r.stream_name.trim().is_empty() {
                return Err(Error::invalid("outputs.rtmp.streamName", "must not be empty", &r.stream_name));
            }
        }
        if let Some(h) = o.hls {
            if h.dvr == Some(true) && h.low_latency == Some(true) {
                return Err(Error::invalid("outputs.hls.lowLatency", "cannot be combined with dvr", true));
            }
        }
        if let Some(d) = self.max_duration {
            if !BROADCAST_DURATION_RANGE.contains(&d) {
                return Err(Error::invalid("maxDuration", "must be 60 to 36000 seconds", d));
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
        if let Some(t) = &self.multi_broadcast_tag {
            if t.trim().is_empty() {
                return Err(Error::invalid("multiBroadcastTag", "must not be empty", t));
            }
        }
        if let Some(l) = &self.layout {
            l.validate()?;
        }
        Ok(())
    }

    /// The JSON body of `POST /broadcast` for `session_id` (only set fields).
    pub fn to_json(&self, session_id: &str) -> Value {
        let mut outputs = Map::new();
        if let Some(h) = self.outputs.hls {
            let mut hls = Map::new();
            if let Some(d) = h.dvr {
                hls.insert("dvr".into(), Value::Bool(d));
            }
            if let Some(l) = h.low_latency {
                hls.insert("lowLatency".into(), Value::Bool(l));
            }
            outputs.insert("hls".into(), Value::Object(hls));
        }
        if !self.outputs.rtmp.is_empty() {
            let list: Vec<Value> = self
                .outputs
                .rtmp
                .iter()
                .map(|r| {
                    let mut m = Map::new();
                    if let Some(id) = &r.id {
                        m.insert("id".into(), json!(id));
                    }
                    m.insert("serverUrl".into(), json!(r.server_url));
                    m.insert("streamName".into(), json!(r.stream_name));
                    Value::Object(m)
                })
                .collect();
            outputs.insert("rtmp".into(), Value::Array(list));
        }
        let mut m = Map::new();
        m.insert("sessionId".into(), json!(session_id));
        m.insert("outputs".into(), Value::Object(outputs));
        let mut put = |k: &str, v: Option<Value>| {
            if let Some(v) = v {
                m.insert(k.into(), v);
            }
        };
        put("layout", self.layout.as_ref().map(Layout::to_json));
        put("maxDuration", self.max_duration.map(|v| json!(v)));
        put("maxBitrate", self.max_bitrate.map(|v| json!(v)));
        put("resolution", self.resolution.map(|v| json!(v.as_str())));
        put("streamMode", self.stream_mode.map(|v| json!(v.as_str())));
        put("multiBroadcastTag", self.multi_broadcast_tag.as_ref().map(|v| json!(v)));
        put("hasAudio", self.has_audio.map(|v| json!(v)));
        put("hasVideo", self.has_video.map(|v| json!(v)));
        Value::Object(m)
    }
}

/// One RTMP output as the service reports it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RtmpStatus {
    /// Your id for it.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub id: Option<String>,
    /// Server URL.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub server_url: Option<String>,
    /// Stream name.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub stream_name: Option<String>,
    /// `connecting`, `live`, `ended`, `error`, `offline`...
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub status: Option<String>,
}

/// Where a broadcast can be watched.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BroadcastUrls {
    /// HLS playlist URL.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub hls: Option<String>,
    /// HLS state: `connecting`, `ready`, `live`, `ended` or `error`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub hls_status: Option<String>,
    /// RTMP outputs (read from a list, or from an object keyed by output id as some service
    /// versions send it).
    #[serde(deserialize_with = "rtmp_statuses")]
    pub rtmp: Vec<RtmpStatus>,
}

/// `broadcastUrls.rtmp`: a list of outputs, or an object of outputs keyed by id (the key fills a
/// missing `id`); `null` or anything else reads as none.
fn rtmp_statuses<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<RtmpStatus>, D::Error> {
    let read = |v: Value| serde_json::from_value::<RtmpStatus>(v).ok();
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items.into_iter().filter_map(read).collect(),
        Some(Value::Object(by_id)) => {
            by_id.into_iter().filter_map(|(id, v)| read(v).map(|r| RtmpStatus { id: r.id.clone().or(Some(id)), ..r })).collect()
        }
        _ => Vec::new(),
    })
}

/// A broadcast as the service describes it. Unknown fields are ignored; missing ones are `None`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Broadcast {
    /// Broadcast id.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub id: String,
    /// The session broadcast.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub session_id: String,
    /// API key or application id (`projectId`; may arrive as a number; `partnerId` when only
    /// that was sent).
    #[serde(deserialize_with = "opt_string")]
    pub project_id: Option<String>,
    /// API key of the project (`partnerId`; `projectId` when only that was sent).
    #[serde(deserialize_with = "opt_string")]
    pub partner_id: Option<String>,
    /// `started`, `stopped`, `paused`...
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub status: Option<String>,
    /// Creation time, unix milliseconds.
    #[serde(deserialize_with = "opt_i64")]
    pub created_at: Option<i64>,
    /// Last update, unix milliseconds.
    #[serde(deserialize_with = "opt_i64")]
    pub updated_at: Option<i64>,
    /// Maximum duration in seconds.
    #[serde(deserialize_with = "opt_i64")]
    pub max_duration: Option<i64>,
    /// Maximum bitrate.
    #[serde(deserialize_with = "opt_i64")]
    pub max_bitrate: Option<i64>,
    /// Resolution, e.g. `640x480`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub resolution: Option<String>,
    /// Whether audio is included (`true` when the service does not say: its default).
    #[serde(default = "yes", deserialize_with = "bool_or_true")]
    pub has_audio: bool,
    /// Whether video is included (`true` when the service does not say: its default).
    #[serde(default = "yes", deserialize_with = "bool_or_true")]
    pub has_video: bool,
    /// `auto` or `manual`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub stream_mode: Option<String>,
    /// Streams included (manual stream mode).
    #[serde(deserialize_with = "vec_or_null")]
    pub streams: Vec<IncludedStream>,
    /// The multi-broadcast tag.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub multi_broadcast_tag: Option<String>,
    /// Where to watch it.
    #[serde(deserialize_with = "crate::rest::lenient")]
    pub broadcast_urls: Option<BroadcastUrls>,
}

impl Settle for Broadcast {
    fn settle(&mut self) {
        alias(&mut self.project_id, &mut self.partner_id);
    }

    fn identity(&self) -> Option<&'static str> {
        self.id.is_empty().then_some("id")
    }
}

page!(
    /// A page of broadcasts, newest first.
    BroadcastList of Broadcast
);

impl Client {
    /// Starts a live-streaming broadcast: `POST /v2/project/{id}/broadcast`. 409
    /// ([`crate::ErrorKind::Conflict`]) when the session already broadcasts with the same (or no)
    /// `multiBroadcastTag` or is relayed; 404 for an unknown session or one with no connected
    /// clients. Not retried after the request reached the server.
    pub async fn start_broadcast(&self, session_id: &str, options: &BroadcastOptions) -> Result<Broadcast> {
        session_segment(session_id)?;
        options.validate()?;
        self.call_json(Method::POST, self.project_path("/broadcast"), json(&options.to_json(session_id))).await
    }

    /// Stops a broadcast: `POST /broadcast/{broadcastId}/stop`. 409 when it is not running.
    pub async fn stop_broadcast(&self, broadcast_id: &str) -> Result<Broadcast> {
        let id = id_segment("broadcastId", broadcast_id)?;
        self.call_json(Method::POST, self.project_path(&format!("/broadcast/{id}/stop")), self.empty_post_body()).await
    }

    /// Reads a broadcast: `GET /broadcast/{broadcastId}`. 404 when unknown.
    pub async fn get_broadcast(&self, broadcast_id: &str) -> Result<Broadcast> {
        let id = id_segment("broadcastId", broadcast_id)?;
        self.call_json(Method::GET, self.project_path(&format!("/broadcast/{id}")), Body::None).await
    }

    /// Lists broadcasts, newest first: `GET /broadcast?offset&count&sessionId`.
    pub async fn list_broadcasts(&self, options: &ListOptions) -> Result<BroadcastList> {
        options.validate()?;
        self.call_json(Method::GET, self.project_path(&format!("/broadcast{}", options.query())), Body::None).await
    }

    /// Changes the layout of a running broadcast: `PUT /broadcast/{broadcastId}/layout`.
    pub async fn set_broadcast_layout(&self, broadcast_id: &str, layout: &Layout) -> Result<()> {
        let id = id_segment("broadcastId", broadcast_id)?;
        layout.validate()?;
        self.call_unit(Method::PUT, self.project_path(&format!("/broadcast/{id}/layout")), json(&layout.to_json())).await
    }

    /// Adds a stream to a broadcast started with stream mode manual:
    /// `PATCH /broadcast/{broadcastId}/streams` `{addStream, hasAudio, hasVideo}` (204). The
    /// tracks are sent as given (the Node SDK always sends true).
    pub async fn add_broadcast_stream(&self, broadcast_id: &str, stream_id: &str, tracks: StreamTracks) -> Result<()> {
        self.add_broadcast_stream_tracks(broadcast_id, stream_id, tracks.into()).await
    }

    /// [`Client::add_broadcast_stream`] with the tracks as the caller gave them: the ones not given
    /// are sent as the client's dialect does (left out for Ruby, true for the others).
    pub async fn add_broadcast_stream_tracks(&self, broadcast_id: &str, stream_id: &str, tracks: TrackChoice) -> Result<()> {
        let id = id_segment("broadcastId", broadcast_id)?;
        id_segment("streamId", stream_id)?;
        tracks.validate()?;
        let body = tracks.add_stream_body(stream_id, self.options().dialect);
        self.call_unit(Method::PATCH, self.project_path(&format!("/broadcast/{id}/streams")), json(&body)).await
    }

    /// Removes a stream from a broadcast: `PATCH /broadcast/{broadcastId}/streams` `{removeStream}`
    /// (the right path; the PHP SDK uses the archive one).
    pub async fn remove_broadcast_stream(&self, broadcast_id: &str, stream_id: &str) -> Result<()> {
        let id = id_segment("broadcastId", broadcast_id)?;
        id_segment("streamId", stream_id)?;
        let body = json!({ "removeStream": stream_id });
        self.call_unit(Method::PATCH, self.project_path(&format!("/broadcast/{id}/streams")), json(&body)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_shape() {
        let o = BroadcastOptions {
            outputs: BroadcastOutputs {
                hls: Some(HlsOptions { dvr: Some(true), low_latency: None }),
                rtmp: vec![RtmpOutput { id: None, server_url: "rtmp://x/app".into(), stream_name: "k".into() }],
            },
            max_duration: Some(60),
            ..Default::default()
        };
        assert_eq!(
            o.to_json("S"),
            json!({"sessionId":"S","outputs":{"hls":{"dvr":true},
                   "rtmp":[{"serverUrl":"rtmp://x/app","streamName":"k"}]},"maxDuration":60})
        );
    }
}
