//! The credentials the emulator serves: OpenTok projects (api key + secret) and Vonage
//! applications (application id + RSA public key).

use std::collections::HashMap;
use std::fmt;

use opentok::VerifyKey;

/// API key of the well-known development project.
pub const DEV_API_KEY: &str = "123456";
/// API secret of the well-known development project.
pub const DEV_API_SECRET: &str = "1234567890abcdef1234567890abcdef1234567890";

/// An OpenTok project: REST calls carry `X-OPENTOK-AUTH` HS256 JWTs signed with the secret.
#[derive(Clone)]
pub struct Project {
    /// The numeric API key (also called partner id / project id).
    pub api_key: String,
    /// The API secret; never printed.
    pub api_secret: String,
}

impl fmt::Debug for Project {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Project").field("api_key", &self.api_key).field("api_secret", &"<redacted>").finish()
    }
}

/// A Vonage application: REST calls carry `Authorization: Bearer` RS256 JWTs.
#[derive(Debug, Clone)]
pub struct Application {
    /// The application id (a UUID).
    pub application_id: String,
    /// The RSA public key in PEM form that verifies its JWTs.
    pub public_key_pem: String,
}

/// Something a session or token can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerKind {
    /// An OpenTok project (HS256).
    Project,
    /// A Vonage application (RS256).
    Application,
}

/// Every project and application the emulator knows, looked up by id.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    projects: HashMap<String, Project>,
    applications: HashMap<String, Application>,
    order: Vec<(OwnerKind, String)>,
}

impl Registry {
    /// Builds a registry; later entries with the same id replace earlier ones.
    pub fn new(projects: Vec<Project>, applications: Vec<Application>) -> Self {
        let mut reg = Registry::default();
        for p in projects {
            if !reg.projects.contains_key(&p.api_key) {
                reg.order.push((OwnerKind::Project, p.api_key.clone()));
            }
            reg.projects.insert(p.api_key.clone(), p);
        }
        for a in applications {
            if !reg.applications.contains_key(&a.application_id) {
                reg.order.push((OwnerKind::Application, a.application_id.clone()));
            }
            reg.applications.insert(a.application_id.clone(), a);
        }
        reg
    }

    /// The project with this API key.
    pub fn project(&self, api_key: &str) -> Option<&Project> {
        self.projects.get(api_key)
    }

    /// The application with this id.
    pub fn application(&self, application_id: &str) -> Option<&Application> {
        self.applications.get(application_id)
    }

    /// Projects in command-line order.
    pub fn projects(&self) -> impl Iterator<Item = &Project> {
        self.order.iter().filter_map(|(k, id)| match k {
            OwnerKind::Project => self.projects.get(id),
            OwnerKind::Application => None,
        })
    }

    /// Applications in command-line order.
    pub fn applications(&self) -> impl Iterator<Item = &Application> {
        self.order.iter().filter_map(|(k, id)| match k {
            OwnerKind::Application => self.applications.get(id),
            OwnerKind::Project => None,
        })
    }

    /// Kind of the owner with this id, if known.
    pub fn owner_kind(&self, id: &str) -> Option<OwnerKind> {
        if self.projects.contains_key(id) {
            Some(OwnerKind::Project)
        } else if self.applications.contains_key(id) {
            Some(OwnerKind::Application)
        } else {
            None
        }
    }

    /// The key that verifies tokens and REST JWTs of this project or application.
    pub fn verify_key(&self, id: &str) -> Option<VerifyKey> {
        if let Some(p) = self.projects.get(id) {
            Some(VerifyKey::Secret(p.api_secret.clone()))
        } else {
            self.applications.get(id).map(|a| VerifyKey::RsaPublicKeyPem(a.public_key_pem.clone()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_redacts_secret() {
        let p = Project { api_key: "1".into(), api_secret: "topsecret".into() };
        assert!(!format!("{p:?}").contains("topsecret"));
    }

    #[test]
    fn lookup_by_kind() {
        let reg = Registry::new(
            vec![Project { api_key: "1".into(), api_secret: "s".into() }],
            vec![Application { application_id: "app".into(), public_key_pem: "pem".into() }],
        );
        assert_eq!(reg.owner_kind("1"), Some(OwnerKind::Project));
        assert_eq!(reg.owner_kind("app"), Some(OwnerKind::Application));
        assert_eq!(reg.owner_kind("2"), None);
        assert!(matches!(reg.verify_key("app"), Some(VerifyKey::RsaPublicKeyPem(_))));
        assert_eq!(reg.projects().count(), 1);
    }
}
