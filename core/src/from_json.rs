//! Operation options read from JSON objects, for bindings: a Python dict, a JavaScript object
//! or a Ruby hash converted to `serde_json::Value` becomes the typed options here, so no binding
//! re-implements the field names, enum spellings or type checks.
//!
//! Keys may be spelled as on the wire (`outputMode`), in snake_case (`output_mode`) or in any
//! case; `null` means unset. Unknown keys, wrong types and bad enum values are
//! [`crate::ErrorKind::InvalidArgument`] errors naming the field. The returned options are not
//! yet validated: the operations validate them.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::archive::{ArchiveOptions, TranscriptionProperties};
use crate::audio_connector::{AudioConnectorOptions, AudioTransport};
use crate::broadcast::{BroadcastOptions, BroadcastOutputs, HlsOptions, RtmpOutput};
use crate::callback::CallbackOptions;
use crate::captions::CaptionOptions;
use crate::error::{Error, Result};
use crate::layout::{Layout, StreamTracks};
use crate::moderation::MuteAllOptions;
use crate::render::RenderOptions;
use crate::rest::ListOptions;
use crate::signal::Signal;
use crate::sip::{SipAuth, SipDialOptions};
use crate::stream::StreamClassList;

fn canon(k: &str) -> String {
    k.chars().filter(|c| *c != '_' && *c != '-').flat_map(char::to_lowercase).collect()
}

/// A JSON object being read field by field.
struct Obj<'a> {
    prefix: String,
    fields: HashMap<String, (&'a str, &'a Value)>,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, prefix: &str) -> Result<Obj<'a>> {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        let map = match v {
            Value::Object(m) => m,
            Value::Null => EMPTY.get_or_init(Map::new),
            other => {
                let field = if prefix.is_empty() { "options" } else { prefix.trim_end_matches('.') };
                return Err(Error::invalid(field, "must be an object", Json(other)));
            }
        };
        let fields = map.iter().map(|(k, v)| (canon(k), (k.as_str(), v))).collect();
        Ok(Obj { prefix: prefix.to_string(), fields })
    }

    fn name(&self, field: &str) -> String {
        format!("{}{field}", self.prefix)
    }

    fn take(&mut self, field: &str) -> Option<&'a Value> {
        match self.fields.remove(&canon(field)) {
            Some((_, Value::Null)) | None => None,
            Some((_, v)) => Some(v),
        }
    }

    /// Whether `field` was given (and is not `null`).
    fn has(&self, field: &str) -> bool {
        matches!(self.fields.get(&canon(field)), Some((_, v)) if !v.is_null())
    }

    fn string(&mut self, field: &str) -> Result<Option<String>> {
        match self.take(field) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(v) => Err(Error::invalid(self.name(field), "must be a string", Json(v))),
        }
    }

    fn parsed<T: std::str::FromStr<Err = Error>>(&mut self, field: &str) -> Result<Option<T>> {
        match self.string(field)? {
            None => Ok(None),
            Some(s) => s.parse::<T>().map(Some).map_err(|e| match e {
                Error::InvalidArgument { rule, value, .. } => Error::InvalidArgument { field: self.name(field), rule, value },
                other => other,
            }),
        }
    }

    fn boolean(&mut self, field: &str) -> Result<Option<bool>> {
        match self.take(field) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(v) => Err(Error::invalid(self.name(field), "must be true or false", Json(v))),
        }
    }

    fn uint(&mut self, field: &str) -> Result<Option<u32>> {
        match self.take(field) {
            None => Ok(None),
            Some(v) => {
                let n = v.as_u64().or_else(|| v.as_f64().filter(|f| f.fract() == 0.0 && *f >= 0.0).map(|f| f as u64));
                match n.and_then(|n| u32::try_from(n).ok()) {
                    Some(n) => Ok(Some(n)),
                    None => Err(Error::invalid(self.name(field), "must be a non-negative integer", Json(v))),
                }
            }
        }
    }

    fn strings(&mut self, field: &str) -> Result<Vec<String>> {
        match self.take(field) {
            None => Ok(Vec::new()),
            Some(Value::Array(a)) => a
                .iter()
                .map(|x| {
                    x.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| Error::invalid(self.name(field), "must be a list of strings", Json(x)))
                })
                .collect(),
            Some(v) => Err(Error::invalid(self.name(field), "must be a list of strings", Json(v))),
        }
    }

    fn string_map(&mut self, field: &str) -> Result<HashMap<String, String>> {
        match self.take(field) {
            None => Ok(HashMap::new()),
            Some(Value::Object(m)) => m
                .iter()
                .map(|(k, v)| match v {
                    Value::String(s) => Ok((k.clone(), s.clone())),
                    other => Err(Error::invalid(format!("{}.{k}", self.name(field)), "must be a string", Json(other))),
                })
                .collect(),
            Some(v) => Err(Error::invalid(self.name(field), "must be an object of strings", Json(v))),
        }
    }

    fn object(&mut self, field: &str) -> Result<Option<Obj<'a>>> {
        match self.take(field) {
            None => Ok(None),
            Some(v) => Obj::new(v, &format!("{}.", self.name(field))).map(Some),
        }
    }

    fn finish(self) -> Result<()> {
        let mut left: Vec<&str> = self.fields.values().map(|(k, _)| *k).collect();
        left.sort_unstable();
        match left.first() {
            None => Ok(()),
            Some(k) => Err(Error::invalid(self.name(k), "is not a known option", *k)),
        }
    }
}

fn layout_from(mut o: Obj<'_>) -> Result<Layout> {
    let layout = Layout {
        layout_type: o.parsed("type")?.unwrap_or_default(),
        stylesheet: o.string("stylesheet")?,
        screenshare_type: match o.parsed("screenshareType")? {
            Some(t) => Some(t),
            None => o.parsed("screenShareType")?,
        },
    };
    o.finish()?;
    Ok(layout)
}

impl Layout {
    /// `{"type", "stylesheet"?, "screenshareType"?}` (see the module docs).
    pub fn from_json(v: &Value) -> Result<Layout> {
        layout_from(Obj::new(v, "layout.")?)
    }
}

impl ArchiveOptions {
    /// Reads `{"name", "hasAudio", "hasVideo", "outputMode", "resolution", "streamMode",
    /// "layout", "multiArchiveTag", "maxBitrate", "quantizationParameter", "hasTranscription",
    /// "transcriptionProperties": {"primaryLanguageCode", "hasSummary"}}` (see the module docs).
    pub fn from_json(v: &Value) -> Result<ArchiveOptions> {
        let mut o = Obj::new(v, "")?;
        let transcription_properties = match o.object("transcriptionProperties")? {
            None => None,
            Some(mut t) => {
                let p = TranscriptionProperties {
                    primary_language_code: t.string("primaryLanguageCode")?,
                    has_summary: t.boolean("hasSummary")?,
                };
                t.finish()?;
                Some(p)
            }
        };
        let out = ArchiveOptions {
            name: o.string("name")?,
            has_audio: o.boolean("hasAudio")?,
            has_video: o.boolean("hasVideo")?,
            output_mode: o.parsed("outputMode")?,
            resolution: o.parsed("resolution")?,
            stream_mode: o.parsed("streamMode")?,
            layout: o.object("layout")?.map(layout_from).transpose()?,
            multi_archive_tag: o.string("multiArchiveTag")?,
            max_bitrate: o.uint("maxBitrate")?,
            quantization_parameter: o.uint("quantizationParameter")?,
            has_transcription: o.boolean("hasTranscription")?,
            transcription_properties,
        };
        o.finish()?;
        Ok(out)
    }
}

impl BroadcastOptions {
    /// Reads `{"outputs": {"hls": {"dvr", "lowLatency"}, "rtmp": [{"id", "serverUrl",
    /// "streamName"}]}, "layout", "maxDuration", "maxBitrate", "resolution", "streamMode",
    /// "multiBroadcastTag", "hasAudio", "hasVideo"}` (see the module docs).
    pub fn from_json(v: &Value) -> Result<BroadcastOptions> {
        let mut o = Obj::new(v, "")?;
        let mut outputs = BroadcastOutputs::default();
        if let Some(mut out) = o.object("outputs")? {
            if let Some(mut h) = out.object("hls")? {
                outputs.hls = Some(HlsOptions { dvr: h.boolean("dvr")?, low_latency: h.boolean("lowLatency")? });
                h.finish()?;
            }
            match out.take("rtmp") {
                None => {}
                Some(Value::Array(items)) => {
                    for item in items {
                        let mut r = Obj::new(item, "outputs.rtmp.")?;
                        outputs.rtmp.push(RtmpOutput {
                            id: r.string("id")?,
                            server_url: r.string("serverUrl")?.unwrap_or_default(),
                            stream_name: r.string("streamName")?.unwrap_or_default(),
                        });
                        r.finish()?;
                    }
                }
                Some(other) => {
                    return Err(Error::invalid("outputs.rtmp", "must be a list of {serverUrl, streamName}", Json(other)))
                }
            }
            out.finish()?;
        }
        let b = BroadcastOptions {
            outputs,
            layout: o.object("layout")?.map(layout_from).transpose()?,
            max_duration: o.uint("maxDuration")?,
            max_bitrate: o.uint("maxBitrate")?,
            resolution: o.parsed("resolution")?,
            stream_mode: o.parsed("streamMode")?,
            multi_broadcast_tag: o.string("multiBroadcastTag")?,
            has_audio: o.boolean("hasAudio")?,
            has_video: o.boolean("hasVideo")?,
        };
        o.finish()?;
        Ok(b)
    }
}

impl StreamTracks {
    /// Reads `{"hasAudio", "hasVideo"}` (each defaults to true).
    pub fn from_json(v: &Value) -> Result<StreamTracks> {
        let mut o = Obj::new(v, "")?;
        let t =
            StreamTracks { has_audio: o.boolean("hasAudio")?.unwrap_or(true), has_video: o.boolean("hasVideo")?.unwrap_or(true) };
        o.finish()?;
        Ok(t)
    }
}

impl ListOptions {
    /// Reads `{"offset", "count", "sessionId"}`.
    pub fn from_json(v: &Value) -> Result<ListOptions> {
        let mut o = Obj::new(v, "")?;
        let l = ListOptions { offset: o.uint("offset")?, count: o.uint("count")?, session_id: o.string("sessionId")? };
        o.finish()?;
        Ok(l)
    }
}

impl Signal {
    /// Reads `{"type", "data"}` (`data` defaults to the empty string).
    pub fn from_json(v: &Value) -> Result<Signal> {
        let mut o = Obj::new(v, "")?;
        let s = Signal { signal_type: o.string("type")?, data: o.string("data")?.unwrap_or_default() };
        o.finish()?;
        Ok(s)
    }
}

impl MuteAllOptions {
    /// Reads `{"excludedStreamIds"}` (also the Python/Ruby spelling `excludedStreams`).
    pub fn from_json(v: &Value) -> Result<MuteAllOptions> {
        let mut o = Obj::new(v, "")?;
        let mut ids = o.strings("excludedStreamIds")?;
        ids.extend(o.strings("excludedStreams")?);
        o.finish()?;
        Ok(MuteAllOptions { excluded_stream_ids: ids })
    }
}

impl SipDialOptions {
    /// Reads `{"from", "headers": {..}, "auth": {"username", "password"}, "secure", "video",
    /// "observeForceMute", "streams": [..]}`.
    pub fn from_json(v: &Value) -> Result<SipDialOptions> {
        let mut o = Obj::new(v, "sip.")?;
        let auth = match o.object("auth")? {
            None => None,
            Some(mut a) => {
                let auth = SipAuth {
                    username: a.string("username")?.unwrap_or_default(),
                    password: a.string("password")?.unwrap_or_default(),
                };
                a.finish()?;
                Some(auth)
            }
        };
        let s = SipDialOptions {
            from: o.string("from")?,
            headers: o.string_map("headers")?,
            auth,
            secure: o.boolean("secure")?,
            video: o.boolean("video")?,
            observe_force_mute: o.boolean("observeForceMute")?,
            streams: o.strings("streams")?,
        };
        o.finish()?;
        Ok(s)
    }
}

impl CaptionOptions {
    /// Reads `{"languageCode", "maxDuration", "partialCaptions", "statusCallbackUrl"}`.
    pub fn from_json(v: &Value) -> Result<CaptionOptions> {
        let mut o = Obj::new(v, "")?;
        let c = CaptionOptions {
            language_code: o.string("languageCode")?,
            max_duration: o.uint("maxDuration")?,
            partial_captions: o.boolean("partialCaptions")?,
            status_callback_url: o.string("statusCallbackUrl")?,
        };
        o.finish()?;
        Ok(c)
    }
}

impl RenderOptions {
    /// Reads `{"url", "maxDuration", "resolution", "properties": {"name"}, "statusCallbackUrl"}`
    /// (a top-level `name` is accepted too).
    pub fn from_json(v: &Value) -> Result<RenderOptions> {
        let mut o = Obj::new(v, "")?;
        let mut name = o.string("name")?;
        if let Some(mut p) = o.object("properties")? {
            if let Some(n) = p.string("name")? {
                name = Some(n);
            }
            p.finish()?;
        }
        let r = RenderOptions {
            url: o.string("url")?.unwrap_or_default(),
            max_duration: o.uint("maxDuration")?,
            resolution: o.parsed("resolution")?,
            name,
            status_callback_url: o.string("statusCallbackUrl")?,
        };
        o.finish()?;
        Ok(r)
    }
}

impl AudioConnectorOptions {
    /// Reads `{"uri", "streams", "headers", "audioRate", "bidirectional", "audioTransport":
    /// {"transport", "encoding", "audio_field", "receive_audio_field", "static_fields"}}`.
    pub fn from_json(v: &Value) -> Result<AudioConnectorOptions> {
        let mut o = Obj::new(v, "websocket.")?;
        let audio_transport = match o.object("audioTransport")? {
            None => None,
            Some(mut t) => {
                let present = t.has("static_fields");
                let static_fields = t.string_map("static_fields")?;
                let static_fields = present.then_some(static_fields);
                let at = AudioTransport {
                    transport: t.string("transport")?,
                    encoding: t.string("encoding")?,
                    audio_field: t.string("audio_field")?,
                    receive_audio_field: t.string("receive_audio_field")?,
                    static_fields,
                };
                t.finish()?;
                Some(at)
            }
        };
        let a = AudioConnectorOptions {
            uri: o.string("uri")?.unwrap_or_default(),
            streams: o.strings("streams")?,
            headers: o.string_map("headers")?,
            audio_rate: o.uint("audioRate")?,
            bidirectional: o.boolean("bidirectional")?,
            audio_transport,
        };
        o.finish()?;
        Ok(a)
    }
}

impl CallbackOptions {
    /// Reads `{"group", "event", "url"}`.
    pub fn from_json(v: &Value) -> Result<CallbackOptions> {
        let mut o = Obj::new(v, "")?;
        let c = CallbackOptions {
            group: o.string("group")?.unwrap_or_default(),
            event: o.string("event")?.unwrap_or_default(),
            url: o.string("url")?.unwrap_or_default(),
        };
        o.finish()?;
        Ok(c)
    }
}

impl StreamClassList {
    /// Reads `[{"id", "layoutClassList": [..]}, ..]` (also `layout_class_list`; `null` clears)
    /// as the items of [`crate::Client::set_stream_class_lists`]. `field` names the argument in
    /// errors (`items`, `payload`, ...); the operation itself checks the rules.
    pub fn list_from_json(field: &str, v: &Value) -> Result<Vec<StreamClassList>> {
        let Value::Array(items) = v else {
            return Err(Error::invalid(field, "must be a list of {\"id\", \"layoutClassList\"} objects", Json(v)));
        };
        items
            .iter()
            .map(|item| {
                let Value::Object(m) = item else {
                    return Err(Error::invalid(field, "must hold {\"id\", \"layoutClassList\"} objects", Json(item)));
                };
                let (mut id, mut classes) = (None, Vec::new());
                for (k, x) in m {
                    match k.as_str() {
                        "id" => match x {
                            Value::String(s) => id = Some(s.clone()),
                            other => {
                                return Err(Error::invalid(format!("{field}.id"), "must be a stream id string", Json(other)))
                            }
                        },
                        "layoutClassList" | "layout_class_list" => match x {
                            Value::Null => {}
                            Value::Array(a) => {
                                for c in a {
                                    let s = c.as_str().ok_or_else(|| {
                                        Error::invalid(format!("{field}.layoutClassList"), "must be a list of strings", Json(c))
                                    })?;
                                    classes.push(s.to_string());
                                }
                            }
                            other => {
                                return Err(Error::invalid(
                                    format!("{field}.layoutClassList"),
                                    "must be a list of strings",
                                    Json(other),
                                ))
                            }
                        },
                        _ => return Err(Error::invalid(format!("{field}.{k}"), "is not a known option", k)),
                    }
                }
                let id = id.ok_or_else(|| Error::invalid(format!("{field}.id"), "is required", Json(item)))?;
                Ok(StreamClassList { id, layout_class_list: classes })
            })
            .collect()
    }
}

/// Shows a JSON value as JSON text in error messages (`1.5`, `{}`, `"abc"`), not as Rust debug.
struct Json<'a>(&'a Value);

impl std::fmt::Debug for Json<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}
