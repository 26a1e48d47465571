//! Session options in and session results out (`createSession`).

use napi_derive::napi;
use opentok::{ArchiveMode, ArchiveResolution, MediaMode, Session, SessionOptions};

/// `createSession` options as the facade passes them: strings are parsed by the core's `FromStr`
/// (so `"routed"`, `"relayed"`, `"enabled"`, `"disabled"` all work and anything else is an
/// `ArgumentError` naming the field).
#[napi(object)]
#[derive(Default)]
pub struct SessionInput {
    /// `relayed` (default) or `routed` (also `enabled` / `disabled`, the `p2p.preference` values).
    pub media_mode: Option<String>,
    /// `manual` (default) or `always`.
    pub archive_mode: Option<String>,
    /// Location hint: an IPv4 address.
    pub location: Option<String>,
    /// Name of automatic archives (with `archiveMode: "always"`).
    pub archive_name: Option<String>,
    /// Resolution of automatic archives, e.g. `"1280x720"`.
    pub archive_resolution: Option<String>,
    /// End-to-end encryption.
    #[napi(js_name = "e2ee")]
    pub e2ee: Option<bool>,
}

impl SessionInput {
    /// Converts to the core's options and checks them (`SessionOptions::validate`).
    pub fn to_core(&self) -> opentok::Result<SessionOptions> {
        let mut o = SessionOptions::default();
        if let Some(m) = &self.media_mode {
            o.media_mode = Some(m.parse::<MediaMode>()?);
        }
        if let Some(a) = &self.archive_mode {
            o.archive_mode = Some(a.parse::<ArchiveMode>()?);
        }
        o.location = self.location.clone();
        o.archive_name = self.archive_name.clone();
        if let Some(r) = &self.archive_resolution {
            o.archive_resolution = Some(r.parse::<ArchiveResolution>()?);
        }
        o.e2ee = self.e2ee;
        o.validate()?;
        Ok(o)
    }
}

/// A created session.
#[napi(object)]
pub struct SessionInfo {
    /// The session id.
    pub session_id: String,
    /// `relayed` or `routed`.
    pub media_mode: String,
    /// `manual` or `always`.
    pub archive_mode: String,
    /// The location hint, if one was given.
    pub location: Option<String>,
    /// Whether end-to-end encryption is on.
    #[napi(js_name = "e2ee")]
    pub e2ee: bool,
    /// Name of automatic archives.
    pub archive_name: Option<String>,
    /// Resolution of automatic archives.
    pub archive_resolution: Option<String>,
    /// Project id from the response.
    pub project_id: Option<String>,
    /// Creation time text from the response.
    pub create_dt: Option<String>,
    /// Media server URL from the response.
    pub media_server_url: Option<String>,
}

impl From<Session> for SessionInfo {
    fn from(s: Session) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_options_stay_unset_and_mean_relayed_and_manual() {
        let o = SessionInput::default().to_core().unwrap();
        assert_eq!((o.media_mode, o.archive_mode, o.e2ee), (None, None, None));
        assert_eq!((o.effective_media_mode(), o.effective_archive_mode()), (MediaMode::Relayed, ArchiveMode::Manual));
    }

    #[test]
    fn strings_are_parsed_by_the_core() {
        let o = SessionInput {
            media_mode: Some("disabled".into()),
            archive_mode: Some("always".into()),
            archive_resolution: Some("1280x720".into()),
            ..Default::default()
        }
        .to_core()
        .unwrap();
        assert_eq!(o.media_mode, Some(MediaMode::Routed));
        assert_eq!(o.archive_resolution, Some(ArchiveResolution::Hd));
    }

    #[test]
    fn rules_name_the_field() {
        let e = SessionInput { media_mode: Some("p2p".into()), ..Default::default() }.to_core().unwrap_err();
        assert_eq!(e.field(), Some("mediaMode"));
        let e = SessionInput { e2ee: Some(true), ..Default::default() }.to_core().unwrap_err();
        assert_eq!(e.field(), Some("e2ee"));
    }
}
