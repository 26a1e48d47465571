//! Layouts of composed archives and broadcasts, and the stream-mode / stream-selection options
//! shared by both.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::error::{Error, Result};

/// A predefined layout type (or `custom` with a stylesheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LayoutType {
    /// `bestFit`: tiles every stream (the default).
    #[default]
    #[serde(rename = "bestFit")]
    BestFit,
    /// `custom`: positions given by a CSS stylesheet.
    #[serde(rename = "custom")]
    Custom,
    /// `horizontalPresentation`.
    #[serde(rename = "horizontalPresentation")]
    HorizontalPresentation,
    /// `pip`: picture in picture.
    #[serde(rename = "pip")]
    Pip,
    /// `verticalPresentation`.
    #[serde(rename = "verticalPresentation")]
    VerticalPresentation,
}

impl LayoutType {
    /// Every layout type.
    pub const ALL: [LayoutType; 5] = [
        LayoutType::BestFit,
        LayoutType::Custom,
        LayoutType::HorizontalPresentation,
        LayoutType::Pip,
        LayoutType::VerticalPresentation,
    ];

    /// The wire value (`bestFit`, `custom`, `horizontalPresentation`, `pip`, `verticalPresentation`).
    pub fn as_str(&self) -> &'static str {
        match self {
            LayoutType::BestFit => "bestFit",
            LayoutType::Custom => "custom",
            LayoutType::HorizontalPresentation => "horizontalPresentation",
            LayoutType::Pip => "pip",
            LayoutType::VerticalPresentation => "verticalPresentation",
        }
    }
}

impl FromStr for LayoutType {
    type Err = Error;
    /// Case-insensitive; also accepts `best_fit`-style snake case.
    fn from_str(s: &str) -> Result<LayoutType> {
        let k: String = s.trim().chars().filter(|c| *c != '_' && *c != '-').collect::<String>().to_ascii_lowercase();
        LayoutType::ALL.into_iter().find(|t| t.as_str().to_ascii_lowercase() == k).ok_or_else(|| {
            Error::invalid("layout.type", "must be bestFit, custom, horizontalPresentation, pip or verticalPresentation", s)
        })
    }
}

impl fmt::Display for LayoutType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The layout of a composed archive or a broadcast.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Layout {
    /// The layout type.
    pub layout_type: LayoutType,
    /// CSS for `custom` layouts (required with `custom`, not allowed otherwise).
    pub stylesheet: Option<String>,
    /// Layout used while a screen is shared (only with `bestFit`; not `custom`).
    pub screenshare_type: Option<LayoutType>,
}

impl Layout {
    /// A predefined layout with no stylesheet.
    pub fn of(layout_type: LayoutType) -> Layout {
        Layout { layout_type, ..Default::default() }
    }

    /// A custom layout with this stylesheet.
    pub fn custom(stylesheet: impl Into<String>) -> Layout {
        Layout { layout_type: LayoutType::Custom, stylesheet: Some(stylesheet.into()), screenshare_type: None }
    }

    /// The rules of the Java and .NET SDKs: `custom` needs a non-empty stylesheet, other types
    /// take none; `screenshareType` needs `bestFit` and cannot itself be `custom`.
    pub fn validate(&self) -> Result<()> {
        match (&self.layout_type, &self.stylesheet) {
            (LayoutType::Custom, None) => {
                return Err(Error::invalid("layout.stylesheet", "is required with layout type custom", "none"))
            }
            (LayoutType::Custom, Some(s)) if s.trim().is_empty() => {
                return Err(Error::invalid("layout.stylesheet", "must not be empty with layout type custom", s))
            }
            (LayoutType::Custom, _) | (_, None) => {}
            (t, Some(s)) => {
                return Err(Error::invalid(
                    "layout.stylesheet",
                    format!("is only allowed with layout type custom (type is {t})"),
                    s,
                ))
            }
        }
        if let Some(st) = self.screenshare_type {
            if self.layout_type != LayoutType::BestFit {
                return Err(Error::invalid(
                    "layout.screenshareType",
                    format!("needs layout type bestFit (type is {})", self.layout_type),
                    st.as_str(),
                ));
            }
            if st == LayoutType::Custom {
                return Err(Error::invalid("layout.screenshareType", "cannot be custom", st.as_str()));
            }
        }
        Ok(())
    }

    /// The JSON object `{"type", "stylesheet"?, "screenshareType"?}`.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("type".into(), json!(self.layout_type.as_str()));
        if let Some(s) = &self.stylesheet {
            m.insert("stylesheet".into(), json!(s));
        }
        if let Some(t) = self.screenshare_type {
            m.insert("screenshareType".into(), json!(t.as_str()));
        }
        Value::Object(m)
    }
}

/// Whether every stream is included automatically or only the ones added by the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum StreamMode {
    /// Every stream of the session is included (the default).
    #[default]
    Auto,
    /// Only streams added with the add-stream operations are included.
    Manual,
}

impl StreamMode {
    /// `"auto"` or `"manual"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            StreamMode::Auto => "auto",
            StreamMode::Manual => "manual",
        }
    }
}

impl FromStr for StreamMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<StreamMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(StreamMode::Auto),
            "manual" => Ok(StreamMode::Manual),
            _ => Err(Error::invalid("streamMode", "must be auto or manual", s)),
        }
    }
}

impl fmt::Display for StreamMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which tracks of a stream to include when adding it to an archive or a broadcast
/// (both default to true, as in the Java SDK).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StreamTracks {
    /// Include the audio track.
    pub has_audio: bool,
    /// Include the video track.
    pub has_video: bool,
}

impl Default for StreamTracks {
    fn default() -> Self {
        StreamTracks { has_audio: true, has_video: true }
    }
}

impl StreamTracks {
    /// At least one track must be included.
    pub fn validate(&self) -> Result<()> {
        if !self.has_audio && !self.has_video {
            return Err(Error::invalid("hasAudio", "hasAudio and hasVideo cannot both be false", "false/false"));
        }
        Ok(())
    }
}

/// The tracks a caller named when adding a stream to an archive or a broadcast (`None`: not
/// given). How the unnamed ones go on the wire is the client's [`Dialect`](crate::Dialect)'s:
/// the Ruby gem sends only the ones given; the other SDKs send both, true when not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TrackChoice {
    /// Include the audio track; `None`: not given.
    pub has_audio: Option<bool>,
    /// Include the video track; `None`: not given.
    pub has_video: Option<bool>,
}

impl From<StreamTracks> for TrackChoice {
    fn from(t: StreamTracks) -> Self {
        TrackChoice { has_audio: Some(t.has_audio), has_video: Some(t.has_video) }
    }
}

impl TrackChoice {
    /// At least one track must be included (a track not given is included).
    pub fn validate(&self) -> Result<()> {
        StreamTracks { has_audio: self.has_audio.unwrap_or(true), has_video: self.has_video.unwrap_or(true) }.validate()
    }

    /// The `PATCH .../streams` body adding `stream_id`: `{addStream, hasAudio, hasVideo}`, where
    /// the Ruby dialect leaves out the tracks not given and the others send them as true.
    pub(crate) fn add_stream_body(&self, stream_id: &str, dialect: crate::Dialect) -> Value {
        let mut body = Map::new();
        body.insert("addStream".into(), json!(stream_id));
        for (key, given) in [("hasAudio", self.has_audio), ("hasVideo", self.has_video)] {
            match (given, dialect) {
                (Some(v), _) => {
                    body.insert(key.into(), json!(v));
                }
                (None, crate::Dialect::Ruby) => {}
                (None, _) => {
                    body.insert(key.into(), json!(true));
                }
            }
        }
        Value::Object(body)
    }
}

/// A stream included in an archive or broadcast (`streams` of the response).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IncludedStream {
    /// The stream id.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub stream_id: String,
    /// Whether its audio is included.
    #[serde(deserialize_with = "crate::rest::opt_bool")]
    pub has_audio: Option<bool>,
    /// Whether its video is included.
    #[serde(deserialize_with = "crate::rest::opt_bool")]
    pub has_video: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_stream_body_per_dialect() {
        let only_audio = TrackChoice { has_audio: Some(false), has_video: None };
        assert_eq!(only_audio.add_stream_body("s", crate::Dialect::Ruby), json!({"addStream": "s", "hasAudio": false}));
        assert_eq!(
            only_audio.add_stream_body("s", crate::Dialect::Python),
            json!({"addStream": "s", "hasAudio": false, "hasVideo": true})
        );
        assert_eq!(TrackChoice::default().add_stream_body("s", crate::Dialect::Ruby), json!({"addStream": "s"}));
        assert!(TrackChoice { has_audio: Some(false), has_video: Some(false) }.validate().is_err());
        assert!(TrackChoice { has_audio: None, has_video: Some(false) }.validate().is_ok());
    }

    #[test]
    fn layout_rules() {
        assert!(Layout::of(LayoutType::Pip).validate().is_ok());
        assert!(Layout::custom("stream { }").validate().is_ok());
        assert_eq!(Layout::of(LayoutType::Custom).validate().unwrap_err().field(), Some("layout.stylesheet"));
        let l = Layout { layout_type: LayoutType::Pip, stylesheet: Some("x".into()), screenshare_type: None };
        assert_eq!(l.validate().unwrap_err().field(), Some("layout.stylesheet"));
        let l = Layout { layout_type: LayoutType::Pip, stylesheet: None, screenshare_type: Some(LayoutType::Pip) };
        assert_eq!(l.validate().unwrap_err().field(), Some("layout.screenshareType"));
        assert_eq!("best_fit".parse::<LayoutType>().unwrap(), LayoutType::BestFit);
        assert_eq!("PIP".parse::<LayoutType>().unwrap(), LayoutType::Pip);
        assert!("grid".parse::<LayoutType>().is_err());
    }
}
