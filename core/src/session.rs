//! Session creation: options, the client-side rules, the form body and the response.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use serde_json::Value;

use crate::error::{Error, Result};

/// How streams flow: peer to peer (relayed) or through the media router (routed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MediaMode {
    /// Clients send streams to each other directly (`p2p.preference=enabled`), the default.
    #[default]
    Relayed,
    /// Streams go through the OpenTok Media Router (`p2p.preference=disabled`); needed for
    /// archiving, e2ee and most features.
    Routed,
}

impl MediaMode {
    /// `"relayed"` or `"routed"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            MediaMode::Relayed => "relayed",
            MediaMode::Routed => "routed",
        }
    }

    /// The `p2p.preference` wire value: `enabled` (relayed) or `disabled` (routed).
    pub fn p2p_preference(&self) -> &'static str {
        match self {
            MediaMode::Relayed => "enabled",
            MediaMode::Routed => "disabled",
        }
    }
}

impl FromStr for MediaMode {
    type Err = Error;
    /// Accepts `relayed`/`routed` and the wire values `enabled`/`disabled`/`always`
    /// (the last sent for relayed by some Vonage SDK versions), case-insensitively.
    fn from_str(s: &str) -> Result<MediaMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "relayed" | "enabled" | "always" => Ok(MediaMode::Relayed),
            "routed" | "disabled" => Ok(MediaMode::Routed),
            _ => Err(Error::invalid("mediaMode", "must be relayed or routed", s)),
        }
    }
}

impl fmt::Display for MediaMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether sessions are archived automatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ArchiveMode {
    /// Archives start only when asked (the default).
    #[default]
    Manual,
    /// An archive starts when the first client publishes (needs a routed session).
    Always,
}

impl ArchiveMode {
    /// `"manual"` or `"always"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ArchiveMode::Manual => "manual",
            ArchiveMode::Always => "always",
        }
    }
}

impl FromStr for ArchiveMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<ArchiveMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "manual" => Ok(ArchiveMode::Manual),
            "always" => Ok(ArchiveMode::Always),
            _ => Err(Error::invalid("archiveMode", "must be manual or always", s)),
        }
    }
}

impl fmt::Display for ArchiveMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Resolution of automatic archives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ArchiveResolution {
    /// `640x480`
    Sd,
    /// `480x640`
    SdVertical,
    /// `1280x720`
    Hd,
    /// `720x1280`
    HdVertical,
    /// `1920x1080`
    Fhd,
    /// `1080x1920`
    FhdVertical,
}

impl ArchiveResolution {
    /// Every resolution.
    pub const ALL: [ArchiveResolution; 6] = [
        ArchiveResolution::Sd,
        ArchiveResolution::SdVertical,
        ArchiveResolution::Hd,
        ArchiveResolution::HdVertical,
        ArchiveResolution::Fhd,
        ArchiveResolution::FhdVertical,
    ];

    /// The wire value, e.g. `"1280x720"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ArchiveResolution::Sd => "640x480",
            ArchiveResolution::SdVertical => "480x640",
            ArchiveResolution::Hd => "1280x720",
            ArchiveResolution::HdVertical => "720x1280",
            ArchiveResolution::Fhd => "1920x1080",
            ArchiveResolution::FhdVertical => "1080x1920",
        }
    }
}

impl FromStr for ArchiveResolution {
    type Err = Error;
    fn from_str(s: &str) -> Result<ArchiveResolution> {
        let t = s.trim().to_ascii_lowercase();
        ArchiveResolution::ALL.into_iter().find(|r| r.as_str() == t).ok_or_else(|| {
            Error::invalid("archiveResolution", "must be one of 640x480, 480x640, 1280x720, 720x1280, 1920x1080, 1080x1920", s)
        })
    }
}

impl fmt::Display for ArchiveResolution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Options of [`crate::Client::create_session`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionOptions {
    /// An IP address (IPv4 or IPv6) near which the session's servers are placed.
    pub location: Option<String>,
    /// Relayed or routed; `None` sends no `p2p.preference` and the service relays.
    pub media_mode: Option<MediaMode>,
    /// Manual or always; `None` sends no `archiveMode` and the service archives manually.
    pub archive_mode: Option<ArchiveMode>,
    /// Name of automatic archives (1–80 characters; only with archive mode always).
    pub archive_name: Option<String>,
    /// Resolution of automatic archives (only with archive mode always).
    pub archive_resolution: Option<ArchiveResolution>,
    /// End-to-end encryption (routed sessions without automatic archiving only); `None` sends
    /// no `e2ee` and the session is not encrypted.
    pub e2ee: Option<bool>,
}

impl SessionOptions {
    /// The media mode the session gets: the one given, or the service's default (relayed).
    pub fn effective_media_mode(&self) -> MediaMode {
        self.media_mode.unwrap_or_default()
    }

    /// The archive mode the session gets: the one given, or the service's default (manual).
    pub fn effective_archive_mode(&self) -> ArchiveMode {
        self.archive_mode.unwrap_or_default()
    }

    /// Whether the session is end-to-end encrypted (`false` unless asked).
    pub fn effective_e2ee(&self) -> bool {
        self.e2ee.unwrap_or(false)
    }

    /// Checks the rules every official SDK enforces somewhere, all of them:
    /// always needs routed; archive name (1–80 characters) and resolution only with always;
    /// e2ee needs routed and not always; location must be an IP address.
    pub fn validate(&self) -> Result<()> {
        if let Some(loc) = &self.location {
            if loc.trim().parse::<IpAddr>().is_err() {
                return Err(Error::invalid("location", "must be an IPv4 or IPv6 address", loc));
            }
        }
        let (media_mode, archive_mode) = (self.effective_media_mode(), self.effective_archive_mode());
        if archive_mode == ArchiveMode::Always && media_mode != MediaMode::Routed {
            return Err(Error::invalid(
                "archiveMode",
                "always needs mediaMode routed (archiving goes through the media router)",
                "always with relayed",
            ));
        }
        if let Some(name) = &self.archive_name {
            if archive_mode != ArchiveMode::Always {
                return Err(Error::invalid("archiveName", "is only allowed with archiveMode always", name));
            }
            let n = name.trim().chars().count();
            if !(1..=80).contains(&n) {
                return Err(Error::invalid("archiveName", format!("must be 1 to 80 characters, has {n}"), name));
            }
        }
        if let Some(res) = &self.archive_resolution {
            if archive_mode != ArchiveMode::Always {
                return Err(Error::invalid("archiveResolution", "is only allowed with archiveMode always", res.as_str()));
            }
        }
        if self.effective_e2ee() {
            if media_mode != MediaMode::Routed {
                return Err(Error::invalid("e2ee", "needs mediaMode routed", "true with relayed"));
            }
            if archive_mode == ArchiveMode::Always {
                return Err(Error::invalid("e2ee", "cannot be combined with archiveMode always", "true with always"));
            }
        }
        Ok(())
    }

    /// The form body of `POST /session/create` with only the fields set, in the official Python
    /// SDK's field order. Each binding sets what its official SDK sends by default.
    pub fn to_form(&self) -> Vec<(&'static str, String)> {
        let mut f = Vec::with_capacity(6);
        if let Some(m) = self.media_mode {
            f.push(("p2p.preference", m.p2p_preference().to_string()));
        }
        if let Some(a) = self.archive_mode {
            f.push(("archiveMode", a.as_str().to_string()));
        }
        if let Some(n) = &self.archive_name {
            f.push(("archiveName", n.trim().to_string()));
        }
        if let Some(r) = &self.archive_resolution {
            f.push(("archiveResolution", r.as_str().to_string()));
        }
        if let Some(l) = &self.location {
            f.push(("location", l.trim().to_string()));
        }
        if let Some(e) = self.e2ee {
            f.push(("e2ee", e.to_string()));
        }
        f
    }

    /// Reads the form body of `POST /session/create` as the service does (the emulator's side),
    /// accepting every variant an official SDK sends: `p2p.preference` enabled/disabled/always,
    /// `e2ee` true/True/false/False, empty or `null` location, the stray `api_key` and
    /// `media_mode` fields. The result is validated.
    pub fn from_form(pairs: &[(String, String)]) -> Result<SessionOptions> {
        let get = |k: &str| pairs.iter().rev().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let mut o = SessionOptions::default();
        match get("p2p.preference") {
            Some(v) => {
                o.media_mode = Some(
                    v.parse()
                        .map_err(|_| Error::invalid("p2p.preference", "must be enabled (relayed) or disabled (routed)", v))?,
                )
            }
            None => {
                if let Some(m) = get("media_mode") {
                    o.media_mode = Some(m.parse()?);
                }
            }
        }
        if let Some(v) = get("archiveMode").filter(|v| !v.is_empty()) {
            o.archive_mode = Some(v.parse()?);
        }
        o.location = get("location").map(str::trim).filter(|l| !l.is_empty() && *l != "null").map(str::to_string);
        o.archive_name = get("archiveName").filter(|v| !v.is_empty()).map(str::to_string);
        if let Some(r) = get("archiveResolution").filter(|v| !v.is_empty()) {
            o.archive_resolution = Some(r.parse()?);
        }
        if let Some(e) = get("e2ee") {
            o.e2ee = match e.trim().to_ascii_lowercase().as_str() {
                "true" | "1" => Some(true),
                "false" | "0" | "" => Some(false),
                _ => return Err(Error::invalid("e2ee", "must be true or false", e)),
            };
        }
        o.validate()?;
        Ok(o)
    }
}

/// A session created by [`crate::Client::create_session`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The session id clients connect to.
    pub session_id: String,
    /// The media mode it was created with.
    pub media_mode: MediaMode,
    /// The archive mode it was created with.
    pub archive_mode: ArchiveMode,
    /// The location hint it was created with.
    pub location: Option<String>,
    /// Whether end-to-end encryption is on.
    pub e2ee: bool,
    /// Name of automatic archives.
    pub archive_name: Option<String>,
    /// Resolution of automatic archives.
    pub archive_resolution: Option<ArchiveResolution>,
    /// `project_id` (or `partner_id`) from the response.
    pub project_id: Option<String>,
    /// `create_dt` from the response.
    pub create_dt: Option<String>,
    /// `media_server_url` from the response.
    pub media_server_url: Option<String>,
}

/// The parts of a `/session/create` answer the SDK keeps.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Created {
    pub session_id: String,
    pub project_id: Option<String>,
    pub create_dt: Option<String>,
    pub media_server_url: Option<String>,
}

/// The fields of a `/session/create` JSON object the SDK reads; any JSON type is taken (a
/// number where a string is expected reads as its text) and other fields are skipped unread.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct CreatedJson {
    session_id: Option<Value>,
    project_id: Option<Value>,
    partner_id: Option<Value>,
    application_id: Option<Value>,
    create_dt: Option<Value>,
    media_server_url: Option<Value>,
}

impl CreatedJson {
    fn into_created(self) -> std::result::Result<Created, String> {
        let text = |v: Option<Value>| match v {
            Some(Value::String(s)) => Some(s),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let session_id = text(self.session_id).filter(|s| !s.is_empty()).ok_or("the answer has no session_id")?;
        Ok(Created {
            session_id,
            project_id: text(self.project_id).or_else(|| text(self.partner_id)).or_else(|| text(self.application_id)),
            create_dt: text(self.create_dt),
            media_server_url: text(self.media_server_url).filter(|u| !u.is_empty()),
        })
    }
}

/// The first element of a JSON array of sessions, the others skipped unread.
struct FirstCreated(Option<CreatedJson>);

impl<'de> serde::Deserialize<'de> for FirstCreated {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Seq;
        impl<'de> serde::de::Visitor<'de> for Seq {
            type Value = FirstCreated;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON array of sessions")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<FirstCreated, A::Error> {
                let first = seq.next_element::<CreatedJson>()?;
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(FirstCreated(first))
            }
        }
        d.deserialize_seq(Seq)
    }
}

/// Parses the answer: a JSON array with one object (or one object), or the legacy XML document.
pub(crate) fn parse_created(body: &str) -> std::result::Result<Created, String> {
    let t = body.trim_start();
    if t.starts_with('[') {
        let first: FirstCreated = serde_json::from_str(t).map_err(|e| format!("the JSON does not parse ({e})"))?;
        first.0.ok_or("the JSON array is empty")?.into_created()
    } else if t.starts_with('{') {
        let one: CreatedJson = serde_json::from_str(t).map_err(|e| format!("the JSON does not parse ({e})"))?;
        one.into_created()
    } else if t.starts_with('<') {
        let session_id = xml_text(t, "session_id").filter(|s| !s.is_empty()).ok_or("the XML has no <session_id>")?;
        Ok(Created {
            session_id,
            project_id: xml_text(t, "partner_id").or_else(|| xml_text(t, "project_id")),
            create_dt: xml_text(t, "create_dt"),
            media_server_url: xml_text(t, "media_server_url").filter(|u| !u.is_empty()),
        })
    } else {
        Err("expected JSON or XML".into())
    }
}

/// The text of the first `<tag>…</tag>` element, with the five XML entities decoded.
fn xml_text(doc: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let start = doc.find(&open)? + open.len();
    let end = doc[start..].find(&format!("</{tag}>"))? + start;
    Some(
        doc[start..end]
            .trim()
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> SessionOptions {
        SessionOptions::default()
    }

    #[test]
    fn the_form_carries_only_what_was_set() {
        assert!(opts().to_form().is_empty());
        let python = SessionOptions {
            media_mode: Some(MediaMode::Relayed),
            archive_mode: Some(ArchiveMode::Manual),
            e2ee: Some(false),
            ..opts()
        };
        let f = python.to_form();
        assert_eq!(f, vec![("p2p.preference", "enabled".into()), ("archiveMode", "manual".into()), ("e2ee", "false".into())]);
        let ruby = SessionOptions { media_mode: Some(MediaMode::Routed), ..opts() };
        assert_eq!(ruby.to_form(), vec![("p2p.preference", "disabled".into())]);
    }

    #[test]
    fn always_needs_routed() {
        let e = SessionOptions { archive_mode: Some(ArchiveMode::Always), ..opts() }.validate().unwrap_err();
        assert_eq!(e.field(), Some("archiveMode"));
        assert!(e.to_string().contains("routed"));
        SessionOptions { archive_mode: Some(ArchiveMode::Always), media_mode: Some(MediaMode::Routed), ..opts() }
            .validate()
            .unwrap();
    }

    #[test]
    fn archive_name_rules() {
        let routed_always =
            SessionOptions { archive_mode: Some(ArchiveMode::Always), media_mode: Some(MediaMode::Routed), ..opts() };
        let e = SessionOptions { archive_name: Some("x".into()), ..opts() }.validate().unwrap_err();
        assert_eq!(e.field(), Some("archiveName"));
        assert!(e.to_string().contains("only allowed with archiveMode always"));
        let e = SessionOptions { archive_name: Some("x".repeat(81)), ..routed_always.clone() }.validate().unwrap_err();
        assert!(e.to_string().contains("1 to 80"), "{e}");
        let e = SessionOptions { archive_name: Some("  ".into()), ..routed_always.clone() }.validate().unwrap_err();
        assert_eq!(e.field(), Some("archiveName"));
        SessionOptions { archive_name: Some("x".repeat(80)), ..routed_always }.validate().unwrap();
    }

    #[test]
    fn archive_resolution_rules() {
        let e = SessionOptions { archive_resolution: Some(ArchiveResolution::Hd), ..opts() }.validate().unwrap_err();
        assert_eq!(e.field(), Some("archiveResolution"));
        let e = "800x600".parse::<ArchiveResolution>().unwrap_err();
        assert!(e.to_string().contains("1280x720") && e.to_string().contains("800x600"));
        for r in ArchiveResolution::ALL {
            assert_eq!(r.as_str().parse::<ArchiveResolution>().unwrap(), r);
        }
    }

    #[test]
    fn e2ee_rules() {
        let e = SessionOptions { e2ee: Some(true), ..opts() }.validate().unwrap_err();
        assert_eq!(e.field(), Some("e2ee"));
        assert!(e.to_string().contains("routed"));
        let e = SessionOptions {
            e2ee: Some(true),
            media_mode: Some(MediaMode::Routed),
            archive_mode: Some(ArchiveMode::Always),
            ..opts()
        }
        .validate()
        .unwrap_err();
        assert!(e.to_string().contains("always"));
        SessionOptions { e2ee: Some(true), media_mode: Some(MediaMode::Routed), ..opts() }.validate().unwrap();
    }

    #[test]
    fn location_accepts_ipv4_and_ipv6_only() {
        for ok in ["12.34.56.78", "2001:db8::1", "::1"] {
            SessionOptions { location: Some(ok.into()), ..opts() }.validate().unwrap();
        }
        for bad in ["", "localhost", "1", "999.1.1.1", "12.34.56"] {
            let e = SessionOptions { location: Some(bad.into()), ..opts() }.validate().unwrap_err();
            assert_eq!(e.field(), Some("location"), "{bad}");
            assert!(e.to_string().contains("IPv4 or IPv6"));
        }
    }

    #[test]
    fn server_side_form_reading_accepts_every_sdk() {
        let f = |s: &str| -> Vec<(String, String)> {
            s.split('&')
                .map(|p| {
                    let (a, b) = p.split_once('=').unwrap();
                    (a.into(), b.into())
                })
                .collect()
        };
        let o = SessionOptions::from_form(&f("location=&p2p.preference=enabled&archiveMode=manual&e2ee=False")).unwrap();
        let defaults = (o.effective_media_mode(), o.effective_archive_mode(), o.effective_e2ee(), o.location);
        assert_eq!(defaults, (MediaMode::Relayed, ArchiveMode::Manual, false, None));
        let o = SessionOptions::from_form(&f("archiveMode=manual&location=null&p2p.preference=disabled")).unwrap();
        assert_eq!(o.media_mode, Some(MediaMode::Routed));
        let o = SessionOptions::from_form(&f("location=1.2.3.4&media_mode=routed&e2ee=True&p2p.preference=disabled")).unwrap();
        assert!(o.e2ee == Some(true) && o.location.as_deref() == Some("1.2.3.4"));
        let o = SessionOptions::from_form(&f("archiveMode=manual&e2ee=false&p2p.preference=always&api_key=1")).unwrap();
        assert_eq!(o.media_mode, Some(MediaMode::Relayed));
        assert!(SessionOptions::from_form(&f("archiveMode=always&p2p.preference=enabled")).is_err());
    }

    #[test]
    fn parses_json_and_xml_answers() {
        let c = parse_created(
            r#"[{"session_id":"1_abc","project_id":"123456","partner_id":"123456","create_dt":"Fri","media_server_url":""}]"#,
        )
        .unwrap();
        assert_eq!(c.session_id, "1_abc");
        assert_eq!(c.project_id.as_deref(), Some("123456"));
        assert_eq!(c.media_server_url, None);
        let c = parse_created("<?xml version=\"1.0\"?><sessions><Session><session_id>1_x</session_id><partner_id>1</partner_id><create_dt>d</create_dt></Session></sessions>").unwrap();
        assert_eq!(c.session_id, "1_x");
        assert!(parse_created("[]").is_err());
        assert!(parse_created("<sessions/>").is_err());
        assert!(parse_created("oops").is_err());
    }

    #[test]
    fn json_answers_are_read_tolerantly() {
        // numbers for strings, unknown and nested fields, more elements after the first
        let c = parse_created(
            r#"[{"properties":{"a":[1,{"b":null}]},"session_id":"1_abc","partner_id":123456,"media_server_url":"wss://m"},"junk",7]"#,
        )
        .unwrap();
        assert_eq!(c.session_id, "1_abc");
        assert_eq!(c.project_id.as_deref(), Some("123456"));
        assert_eq!(c.media_server_url.as_deref(), Some("wss://m"));
        // one object; the application id stands in for the project
        let c = parse_created(r#"{"session_id":"2_x","application_id":"app","create_dt":null}"#).unwrap();
        assert_eq!((c.project_id.as_deref(), c.create_dt), (Some("app"), None));
        assert_eq!(parse_created(r#"[{"session_id":""}]"#), Err("the answer has no session_id".into()));
        assert_eq!(parse_created("[]"), Err("the JSON array is empty".into()));
        assert!(parse_created("[null]").is_err());
        assert!(parse_created(r#"[{"session_id":"1_a""#).unwrap_err().contains("does not parse"));
    }
}
