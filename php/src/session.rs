//! `OpenTok\Session`: a created session (id, location, media mode, archive mode, e2ee) that mints
//! tokens with the client that created it.

// PHP sees the Rust parameter names (named arguments): they are the official camelCase ones.
#![allow(non_snake_case)]

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use opentok::{ArchiveMode, MediaMode};

use crate::client::OpenTok;
use crate::convert::{opt_text, text, Shown};
use crate::error::{invalid, OrThrow};

/// `OpenTok\Session`.
#[php_class]
#[php(name = "OpenTok\\Session")]
pub struct Session {
    pub(crate) session: opentok::Session,
    pub(crate) client: opentok::Client,
}

#[php_impl]
impl Session {
    /// `new Session($opentok, $sessionId, ['location' => ..., 'mediaMode' => ..., 'archiveMode'
    /// => ..., 'e2ee' => ...])`, as the official class takes them: an existing session's id.
    pub fn __construct(opentok: &OpenTok, sessionId: &Zval, properties: Option<&Zval>) -> PhpResult<Self> {
        let sid = text("sessionId", sessionId).or_throw()?;
        let props = match properties.map(Zval::dereference).filter(|p| !p.is_null()) {
            None => None,
            Some(p) => Some(p.array().ok_or_else(|| invalid("properties", "must be an array", Shown(p)))?),
        };
        let get = |k: &str| props.and_then(|p| p.get(k));
        let media_mode = match opt_text("mediaMode", get("mediaMode")).or_throw()? {
            Some(m) => m.parse::<MediaMode>().or_throw()?,
            None => MediaMode::default(),
        };
        let archive_mode = match opt_text("archiveMode", get("archiveMode")).or_throw()? {
            Some(m) => m.parse::<ArchiveMode>().or_throw()?,
            None => ArchiveMode::default(),
        };
        let e2ee = get("e2ee").map(|v| v.dereference().bool().unwrap_or(v.dereference().str() == Some("true"))).unwrap_or(false);
        let session = opentok::Session {
            session_id: sid,
            media_mode,
            archive_mode,
            location: opt_text("location", get("location")).or_throw()?,
            e2ee,
            archive_name: None,
            archive_resolution: None,
            project_id: None,
            create_dt: None,
            media_server_url: None,
        };
        Ok(Session { session, client: opentok.client() })
    }

    /// The session id.
    pub fn get_session_id(&self) -> String {
        self.session.session_id.clone()
    }

    /// The location hint it was created with (`null` when none).
    pub fn get_location(&self) -> Option<String> {
        self.session.location.clone()
    }

    /// `MediaMode::ROUTED` (`disabled`) or `MediaMode::RELAYED` (`enabled`).
    pub fn get_media_mode(&self) -> &'static str {
        self.session.media_mode.p2p_preference()
    }

    /// `ArchiveMode::MANUAL` or `ArchiveMode::ALWAYS`.
    pub fn get_archive_mode(&self) -> &'static str {
        self.session.archive_mode.as_str()
    }

    /// Whether end-to-end encryption is on.
    #[php(name = "getE2EE")]
    pub fn get_e2ee(&self) -> bool {
        self.session.e2ee
    }

    /// Mints a token for this session (see `OpenTok::generateToken`).
    pub fn generate_token(&self, options: Option<&Zval>, legacy: Option<bool>) -> PhpResult<String> {
        let options = crate::token::options(options, legacy.unwrap_or(false))?;
        self.client.generate_token(&self.session.session_id, &options).or_throw()
    }

    /// The session id.
    #[php(name = "__toString")]
    pub fn session_id_text(&self) -> String {
        self.session.session_id.clone()
    }
}
