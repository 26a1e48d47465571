//! Stored resources, typed: each kind of document is a Rust type ([`Document`]) whose JSON is
//! what the emulator stores and serves; [`Stored`] is one with its place in the store (owner,
//! session, parent connection). Reading a project's resource, changing one under the
//! state-machine lock, fresh ids.

use axum::http::StatusCode;
use ring::rand::{SecureRandom, SystemRandom};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::api_error::ApiError;
use crate::state::AppState;
use crate::store::Resource;

/// A kind of stored document. Its serde form is the JSON the emulator stores and serves (field
/// names, types and presence as the service's answers have them, plus emulator-only fields).
pub trait Document: Serialize + DeserializeOwned {
    /// The store's name of the kind (`archive`, `stream`...).
    const KIND: &'static str;

    /// Stamps a change at `now` (unix ms) on documents that keep an `updatedAt`.
    fn touch(&mut self, _now: i64) {}
}

/// A stored resource with its document read as `D`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored<D> {
    /// Its id.
    pub id: String,
    /// API key or application id that owns it.
    pub project_id: String,
    /// The session it belongs to, if any.
    pub session_id: Option<String>,
    /// The connection it belongs to (streams, signals, the service's participants), if any.
    pub parent_id: Option<String>,
    /// The store's order of rows (real time, unix ms).
    pub created_at_ms: i64,
    /// The document.
    pub doc: D,
}

impl<D: Document> Stored<D> {
    /// A fresh resource; its `created_at_ms` (the store's order of rows) is real time.
    pub fn new(id: &str, project_id: &str, session_id: Option<&str>, parent_id: Option<&str>, doc: D) -> Stored<D> {
        Stored {
            id: id.into(),
            project_id: project_id.into(),
            session_id: session_id.map(str::to_string),
            parent_id: parent_id.map(str::to_string),
            created_at_ms: crate::clock::now_ms(),
            doc,
        }
    }

    /// Reads a stored row; a document that does not read as `D` is a 500 naming it.
    pub fn read(r: Resource) -> Result<Stored<D>, ApiError> {
        let doc = serde_json::from_value(r.doc).map_err(|e| {
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "storage", format!("stored {} {} does not read: {e}", r.kind, r.id))
        })?;
        Ok(Stored {
            id: r.id,
            project_id: r.project_id,
            session_id: r.session_id,
            parent_id: r.parent_id,
            created_at_ms: r.created_at_ms,
            doc,
        })
    }

    /// The row to store.
    pub fn to_resource(&self) -> Resource {
        Resource {
            kind: D::KIND.into(),
            id: self.id.clone(),
            project_id: self.project_id.clone(),
            session_id: self.session_id.clone(),
            parent_id: self.parent_id.clone(),
            created_at_ms: self.created_at_ms,
            doc: self.json(),
        }
    }

    /// The document as served.
    pub fn json(&self) -> serde_json::Value {
        to_json(&self.doc)
    }

    /// Inserts or replaces it in the store.
    pub fn save(&self, state: &AppState) -> Result<(), ApiError> {
        Ok(state.store().put_resource(&self.to_resource())?)
    }
}

/// A document as JSON (documents are plain data: serializing cannot fail).
pub fn to_json<T: Serialize>(doc: &T) -> serde_json::Value {
    serde_json::to_value(doc).unwrap_or(serde_json::Value::Null)
}

/// The resource of kind `D` with this id, if any (of any project).
pub fn find<D: Document>(state: &AppState, id: &str) -> Result<Option<Stored<D>>, ApiError> {
    state.store().resource(D::KIND, id)?.map(Stored::read).transpose()
}

/// Resources of kind `D`, newest first, optionally only a project's, a session's or a
/// connection's.
pub fn list<D: Document>(
    state: &AppState,
    project_id: Option<&str>,
    session_id: Option<&str>,
    parent_id: Option<&str>,
) -> Result<Vec<Stored<D>>, ApiError> {
    state.store().resources(D::KIND, project_id, session_id, parent_id)?.into_iter().map(Stored::read).collect()
}

/// Resources of kind `D` whose `status` is one of `statuses`, oldest first.
pub fn with_status<D: Document>(state: &AppState, statuses: &[&str]) -> Result<Vec<Stored<D>>, ApiError> {
    state.store().resources_with_status(D::KIND, statuses)?.into_iter().map(Stored::read).collect()
}

/// A resource of the project, or 404 naming it.
pub fn owned<D: Document>(state: &AppState, id: &str, project_id: &str) -> Result<Stored<D>, ApiError> {
    match find::<D>(state, id)? {
        Some(r) if r.project_id == project_id => Ok(r),
        _ => {
            let kind = D::KIND;
            Err(ApiError::not_found(format!("unknown_{kind}"), format!("no {kind} with id {id} in project {project_id}")))
        }
    }
}

/// Changes a resource of the project under the state-machine lock: touched at now, `change`
/// edits it, given that time (or refuses with an error, and nothing is saved); then it is saved.
/// Gives what `change` gives.
pub fn update_owned<D: Document, T>(
    state: &AppState,
    id: &str,
    project_id: &str,
    change: impl FnOnce(&mut Stored<D>, i64) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let _guard = state.ops_lock();
    let mut r = owned::<D>(state, id, project_id)?;
    let now = state.now_ms();
    r.doc.touch(now);
    let out = change(&mut r, now)?;
    r.save(state)?;
    Ok(out)
}

/// A project id as the service writes `partnerId` (archives) and a broadcast's `projectId`: a
/// number for numeric API keys, text otherwise; read back from either.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectNumber(pub String);

impl Serialize for ProjectNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.parse::<u64>() {
            Ok(n) => s.serialize_u64(n),
            Err(_) => s.serialize_str(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for ProjectNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(s) => Ok(ProjectNumber(s)),
            serde_json::Value::Number(n) => Ok(ProjectNumber(n.to_string())),
            other => Err(serde::de::Error::custom(format!("a project id must be a string or a number, not {other}"))),
        }
    }
}

/// A layout stored as its JSON object `{"type", "stylesheet"?, "screenshareType"?}` (the core's
/// [`opentok::Layout::to_json`] and [`opentok::Layout::from_json`]), for `#[serde(with)]`.
pub mod layout_json {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Writes the layout object.
    pub fn serialize<S: Serializer>(l: &opentok::Layout, s: S) -> Result<S::Ok, S::Error> {
        l.to_json().serialize(s)
    }

    /// Reads a layout object.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<opentok::Layout, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        opentok::Layout::from_json(&v).map_err(serde::de::Error::custom)
    }

    /// The same for an optional layout (absent or `null` is none).
    pub mod option {
        use super::*;

        /// Writes the layout object (callers skip `None`).
        pub fn serialize<S: Serializer>(l: &Option<opentok::Layout>, s: S) -> Result<S::Ok, S::Error> {
            l.as_ref().map(opentok::Layout::to_json).serialize(s)
        }

        /// Reads a layout object, or none.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<opentok::Layout>, D::Error> {
            match Option::<serde_json::Value>::deserialize(d)? {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(v) => opentok::Layout::from_json(&v).map(Some).map_err(serde::de::Error::custom),
            }
        }
    }
}

/// A random RFC 4122 version 4 UUID, as the service's connection ids look.
pub fn uuid_v4() -> Result<String, ApiError> {
    let mut b = [0u8; 16];
    SystemRandom::new().fill(&mut b).map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "random", "no randomness"))?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_shape() {
        let u = uuid_v4().unwrap();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert_ne!(u, uuid_v4().unwrap());
    }

    #[test]
    fn project_numbers_are_numbers_when_numeric() {
        assert_eq!(to_json(&ProjectNumber("123456".into())), serde_json::json!(123456));
        assert_eq!(to_json(&ProjectNumber("app-id".into())), serde_json::json!("app-id"));
        let back: ProjectNumber = serde_json::from_value(serde_json::json!(123456)).unwrap();
        assert_eq!(back, ProjectNumber("123456".into()));
        assert!(serde_json::from_value::<ProjectNumber>(serde_json::json!(null)).is_err());
    }
}
