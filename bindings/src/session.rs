//! Session options and the created session, as plain records. Enum values travel as text and
//! are parsed by the core (`MediaMode`, `ArchiveMode`, `ArchiveResolution` `FromStr`).

use std::collections::HashMap;

use opentok::SessionOptions;

use crate::error::Result;

/// Options of a new session. Text values are parsed by the core, case-insensitively:
/// media mode `relayed`/`routed` (or `enabled`/`disabled`), archive mode `manual`/`always`,
/// archive resolution `640x480`, `1280x720`, `1920x1080` and their vertical twins.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct SessionSpec {
    /// An IP address near which the session's servers are placed.
    #[uniffi(default = None)]
    pub location: Option<String>,
    /// `relayed` (default) or `routed`.
    #[uniffi(default = None)]
    pub media_mode: Option<String>,
    /// `manual` (default) or `always`.
    #[uniffi(default = None)]
    pub archive_mode: Option<String>,
    /// Name of automatic archives (archive mode always only).
    #[uniffi(default = None)]
    pub archive_name: Option<String>,
    /// Resolution of automatic archives (archive mode always only).
    #[uniffi(default = None)]
    pub archive_resolution: Option<String>,
    /// End-to-end encryption (routed, not always-archived); `None` sends no `e2ee` field.
    #[uniffi(default = None)]
    pub e2ee: Option<bool>,
}

impl SessionSpec {
    /// The core's options, parsed and validated by the core.
    pub(crate) fn into_core(self) -> Result<SessionOptions> {
        let mut o =
            SessionOptions { location: self.location, archive_name: self.archive_name, e2ee: self.e2ee, ..Default::default() };
        if let Some(m) = self.media_mode {
            o.media_mode = Some(m.parse()?);
        }
        if let Some(m) = self.archive_mode {
            o.archive_mode = Some(m.parse()?);
        }
        if let Some(r) = self.archive_resolution {
            o.archive_resolution = Some(r.parse()?);
        }
        o.validate()?;
        Ok(o)
    }
}

/// The seed API's shape: `location` plus form-style properties, read by the core's form parser.
pub(crate) fn from_properties(location: Option<String>, properties: HashMap<String, String>) -> Result<SessionOptions> {
    let mut pairs: Vec<(String, String)> = properties.into_iter().filter(|(k, _)| k != "location").collect();
    pairs.sort();
    if let Some(l) = location {
        pairs.push(("location".to_string(), l));
    }
    Ok(SessionOptions::from_form(&pairs)?)
}

/// A created session.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SessionInfo {
    /// The id clients connect to.
    pub session_id: String,
    /// `relayed` or `routed`.
    pub media_mode: String,
    /// `manual` or `always`.
    pub archive_mode: String,
    /// The location hint.
    pub location: Option<String>,
    /// Whether end-to-end encryption is on.
    pub e2ee: bool,
    /// Name of automatic archives.
    pub archive_name: Option<String>,
    /// Resolution of automatic archives (`1280x720`, ...).
    pub archive_resolution: Option<String>,
    /// Project id from the response.
    pub project_id: Option<String>,
    /// Creation time from the response.
    pub create_dt: Option<String>,
    /// Media server URL from the response.
    pub media_server_url: Option<String>,
}

impl From<opentok::Session> for SessionInfo {
    fn from(s: opentok::Session) -> Self {
        SessionInfo {
            session_id: s.session_id,
            media_mode: s.media_mode.as_str().to_string(),
            archive_mode: s.archive_mode.as_str().to_string(),
            location: s.location,
            e2ee: s.e2ee,
            archive_name: s.archive_name,
            archive_resolution: s.archive_resolution.map(|r| r.as_str().to_string()),
            project_id: s.project_id,
            create_dt: s.create_dt,
            media_server_url: s.media_server_url,
        }
    }
}

/// Checks session options with the core's rules without sending anything (the JVM's
/// `SessionProperties.Builder.build()` refuses invalid combinations there, as the official SDK does).
#[uniffi::export]
pub fn check_session_spec(spec: SessionSpec) -> Result<()> {
    spec.into_core().map(|_| ())
}

/// Canonical text of a media mode (`relayed`/`routed`), parsed by the core.
#[uniffi::export]
pub fn parse_media_mode(value: String) -> Result<String> {
    Ok(value.parse::<opentok::MediaMode>()?.as_str().to_string())
}

/// Canonical text of an archive mode (`manual`/`always`), parsed by the core.
#[uniffi::export]
pub fn parse_archive_mode(value: String) -> Result<String> {
    Ok(value.parse::<opentok::ArchiveMode>()?.as_str().to_string())
}

/// Canonical text of an archive resolution (`1280x720`, ...), parsed by the core.
#[uniffi::export]
pub fn parse_archive_resolution(value: String) -> Result<String> {
    Ok(value.parse::<opentok::ArchiveResolution>()?.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::NativeError;

    #[test]
    fn text_values_are_parsed_by_the_core() {
        let spec = SessionSpec { media_mode: Some("Disabled".into()), archive_mode: Some("always".into()), ..Default::default() };
        let o = spec.into_core().unwrap();
        assert_eq!(o.media_mode, Some(opentok::MediaMode::Routed));
        assert_eq!(o.archive_mode, Some(opentok::ArchiveMode::Always));
        let bad = SessionSpec { media_mode: Some("sideways".into()), ..Default::default() }.into_core().unwrap_err();
        assert!(matches!(bad, NativeError::InvalidArgument { .. }));
        let rule = SessionSpec { archive_mode: Some("always".into()), ..Default::default() }.into_core().unwrap_err();
        assert!(matches!(rule, NativeError::InvalidArgument { .. }));
    }

    #[test]
    fn seed_properties_go_through_the_form_parser() {
        let props = HashMap::from([("p2p.preference".to_string(), "disabled".to_string())]);
        let o = from_properties(Some("12.34.56.78".into()), props).unwrap();
        assert_eq!(o.media_mode, Some(opentok::MediaMode::Routed));
        assert_eq!(o.location.as_deref(), Some("12.34.56.78"));
    }
}
