//! Project (api key + secret) and application (application id + private key) credentials.

use std::fmt;
use std::sync::Arc;

use ring::signature::RsaKeyPair;

use crate::error::{Error, Result};
use crate::jwt::RsaPublicKey;
use crate::pem;

/// The credentials a [`crate::Client`] signs with. `Debug` never shows a secret.
#[derive(Clone)]
pub enum Credentials {
    /// An OpenTok project: numeric API key and API secret (REST auth `X-OPENTOK-AUTH`, HS256).
    Project(ProjectCredentials),
    /// A Vonage application: application id (UUID) and RSA private key (REST auth
    /// `Authorization: Bearer`, RS256).
    Application(ApplicationCredentials),
}

/// API key and secret of an OpenTok project.
#[derive(Clone)]
pub struct ProjectCredentials {
    api_key: String,
    secret: Arc<ProjectSecret>,
}

pub(crate) struct ProjectSecret {
    pub raw: String,
    pub hs256: ring::hmac::Key,
    /// HMAC-SHA1 keyed with the secret (T1 signatures); RustCrypto's SHA-1 uses the CPU's SHA
    /// extensions where present, about 3x faster than ring's portable SHA-1.
    pub sha1: hmac::Hmac<sha1::Sha1>,
}

/// Application id and private key of a Vonage application.
#[derive(Clone)]
pub struct ApplicationCredentials {
    application_id: String,
    key: Arc<RsaKeyPair>,
}

impl Credentials {
    /// Project credentials. The api key must be non-empty letters, digits, `-` or `_`; the secret
    /// must be non-empty and printable.
    pub fn project(api_key: impl Into<String>, api_secret: impl Into<String>) -> Result<Credentials> {
        let api_key = api_key.into().trim().to_string();
        let api_secret = api_secret.into();
        if api_secret.contains("-----BEGIN") {
            return Err(Error::invalid(
                "api_secret",
                "is a PEM private key; use application credentials (application id + private key) instead of project credentials",
                "<redacted>",
            ));
        }
        check_api_key(&api_key)?;
        let secret = api_secret.trim();
        if secret.is_empty() || secret.len() > 256 || secret.chars().any(|c| c.is_control() || c == ' ') {
            return Err(Error::invalid(
                "api_secret",
                "must be the project's API secret: 1 to 256 printable characters without spaces",
                format!("<redacted, {} chars>", api_secret.chars().count()),
            ));
        }
        Ok(Credentials::Project(ProjectCredentials {
            api_key,
            secret: Arc::new(ProjectSecret {
                raw: secret.to_string(),
                hs256: ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes()),
                sha1: <hmac::Hmac<sha1::Sha1> as hmac::Mac>::new_from_slice(secret.as_bytes())
                    .expect("HMAC takes keys of any length"),
            }),
        }))
    }

    /// Application credentials: a UUID application id and a PEM RSA private key (`BEGIN PRIVATE
    /// KEY` or `BEGIN RSA PRIVATE KEY`).
    pub fn application(application_id: impl Into<String>, private_key_pem: &str) -> Result<Credentials> {
        let application_id = application_id.into().trim().to_ascii_lowercase();
        if !is_uuid(&application_id) {
            let hint = if !application_id.is_empty() && application_id.bytes().all(|b| b.is_ascii_digit()) {
                "must be a Vonage application id (a UUID); a numeric id is an OpenTok API key, use project credentials (api key + secret)"
            } else {
                "must be a Vonage application id (a UUID like 00000000-0000-0000-0000-000000000000)"
            };
            return Err(Error::invalid("application_id", hint, application_id));
        }
        let block = pem::parse(private_key_pem).ok_or_else(|| {
            Error::invalid(
                "private_key",
                "must be a PEM RSA private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)",
                pem::describe(private_key_pem),
            )
        })?;
        let key = pem::rsa_key_pair(&block).map_err(|why| {
            Error::invalid("private_key", format!("must be a PEM RSA private key of 2048 to 8192 bits ({why})"), "<redacted>")
        })?;
        Ok(Credentials::Application(ApplicationCredentials { application_id, key: Arc::new(key) }))
    }

    /// Credentials from the two values every official SDK's constructor takes, deciding their
    /// kind once for every binding: a PEM private key (its text, `-----BEGIN`) or the path of a
    /// PEM file (a value ending in `.` and a word, the official Python and Ruby rule) gives
    /// [`Credentials::application`] with `id` as the application id; anything else is the
    /// project's API secret ([`Credentials::project`] with `id` as the api key).
    pub fn from_secret_or_key(id: impl Into<String>, secret_or_key: &str) -> Result<Credentials> {
        if secret_or_key.contains("-----BEGIN") {
            return Credentials::application(id, secret_or_key);
        }
        if looks_like_key_path(secret_or_key) {
            return Credentials::from_key_file(id, std::path::Path::new(secret_or_key));
        }
        Credentials::project(id, secret_or_key)
    }

    /// Application credentials whose private key is read from the PEM file at `path`.
    pub fn from_key_file(application_id: impl Into<String>, path: &std::path::Path) -> Result<Credentials> {
        match std::fs::read_to_string(path) {
            Ok(pem) => Credentials::application(application_id, &pem),
            Err(e) => Err(Error::invalid(
                "private_key",
                format!("names a private key file that cannot be read ({})", e.kind()),
                path.display(),
            )),
        }
    }

    /// The api key or application id: the `{id}` of `/v2/project/{id}/...` paths.
    pub fn id(&self) -> &str {
        match self {
            Credentials::Project(p) => &p.api_key,
            Credentials::Application(a) => &a.application_id,
        }
    }

    /// Whether these are application (Vonage) credentials.
    pub fn is_application(&self) -> bool {
        matches!(self, Credentials::Application(_))
    }

    /// The default base URL for these credentials.
    pub fn default_base_url(&self) -> &'static str {
        match self {
            Credentials::Project(_) => "https://api.opentok.com",
            Credentials::Application(_) => "https://video.api.vonage.com",
        }
    }

    /// The key that verifies tokens these credentials mint.
    pub fn verify_key(&self) -> crate::VerifyKey {
        match self {
            Credentials::Project(p) => crate::VerifyKey::Secret(p.secret.raw.clone()),
            Credentials::Application(a) => crate::VerifyKey::RsaPublicKey(RsaPublicKey::from_key_pair(&a.key)),
        }
    }
}

impl ProjectCredentials {
    /// The api key.
    pub fn api_key(&self) -> &str {
        &self.api_key
    }
    pub(crate) fn secret(&self) -> &ProjectSecret {
        &self.secret
    }
}

impl ApplicationCredentials {
    /// The application id.
    pub fn application_id(&self) -> &str {
        &self.application_id
    }
    pub(crate) fn key(&self) -> &RsaKeyPair {
        &self.key
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::Project(p) => {
                f.debug_struct("Project").field("api_key", &p.api_key).field("api_secret", &"<redacted>").finish()
            }
            Credentials::Application(a) => f
                .debug_struct("Application")
                .field("application_id", &a.application_id)
                .field("private_key", &"<redacted>")
                .finish(),
        }
    }
}

fn check_api_key(key: &str) -> Result<()> {
    if is_uuid(&key.to_ascii_lowercase()) {
        return Err(Error::invalid(
            "api_key",
            "is a Vonage application id; use application credentials (application id + private key)",
            key,
        ));
    }
    if key.is_empty() || key.len() > 64 || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(Error::invalid("api_key", "must be the project's API key: 1 to 64 letters, digits, '-' or '_'", key));
    }
    Ok(())
}

/// Whether `s` is a lowercase-or-uppercase hyphenated UUID.
pub(crate) fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_redacts_secret() {
        let c = Credentials::project("123456", "1234567890abcdef1234567890abcdef1234567890").unwrap();
        let d = format!("{c:?}");
        assert!(d.contains("123456") && !d.contains("1234567890abcdef"));
    }

    #[test]
    fn rejects_bad_shapes_naming_the_kind() {
        let e = Credentials::project("", "s").unwrap_err();
        assert_eq!(e.field(), Some("api_key"));
        let e = Credentials::project("123", "-----BEGIN PRIVATE KEY-----").unwrap_err();
        assert!(e.to_string().contains("application credentials"));
        let e = Credentials::application("123456", "x").unwrap_err();
        assert!(e.to_string().contains("project credentials"), "{e}");
        let e = Credentials::application("29f760f8-7ce1-46c9-ade3-f2dedee4ed5f", "not a key").unwrap_err();
        assert_eq!(e.field(), Some("private_key"));
        assert!(!e.to_string().contains("not a key"));
    }
}

/// The official SDKs' test for "this secret is a key file path": it ends in `.` and word
/// characters (`key.pem`, `/etc/app/private.key`).
fn looks_like_key_path(s: &str) -> bool {
    match s.rfind('.') {
        Some(i) => {
            let ext = &s[i + 1..];
            !ext.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        None => false,
    }
}

#[cfg(test)]
mod detect_tests {
    use super::*;

    #[test]
    fn the_kind_is_decided_from_the_second_value() {
        let p = Credentials::from_secret_or_key("123456", "1234567890abcdef1234567890abcdef1234567890").unwrap();
        assert!(!p.is_application());
        let e = Credentials::from_secret_or_key("123456", "-----BEGIN PRIVATE KEY-----\nAA\n-----END PRIVATE KEY-----\n")
            .unwrap_err();
        assert_eq!(e.field(), Some("application_id"), "a PEM means application credentials: {e}");
        let e = Credentials::from_secret_or_key("123456", "/nonexistent/dir/private.key").unwrap_err();
        assert_eq!(e.field(), Some("private_key"));
        assert!(e.to_string().contains("/nonexistent/dir/private.key") && e.to_string().contains("cannot be read"), "{e}");
        assert!(looks_like_key_path("a.pem") && looks_like_key_path("k.key_1"));
        assert!(!looks_like_key_path("abc") && !looks_like_key_path("a.") && !looks_like_key_path("a.b-c"));
    }
}
