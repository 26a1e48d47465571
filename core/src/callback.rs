//! Callback registration (session monitoring): list, register, delete
//! (`/v2/project/{id}/callback...`, as the Node SDK calls them).

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::rest::{check_url, id_segment, json, opt_i64, vec_or_null, Settle};
use crate::transport::Body;

/// The (group, event) pairs a callback can be registered for.
pub const CALLBACK_EVENTS: [(&str, &str); 5] = [
    ("connection", "connectionCreated"),
    ("connection", "connectionDestroyed"),
    ("stream", "streamCreated"),
    ("stream", "streamDestroyed"),
    ("archive", "status"),
];

/// A callback to register.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CallbackOptions {
    /// `connection`, `stream` or `archive`.
    pub group: String,
    /// `connectionCreated`, `connectionDestroyed`, `streamCreated`, `streamDestroyed` or `status`.
    pub event: String,
    /// Where the service posts the events (http/https).
    pub url: String,
}

impl CallbackOptions {
    /// The group/event pair must be a known one; the URL http(s).
    pub fn validate(&self) -> Result<()> {
        if !CALLBACK_EVENTS.iter().any(|(g, _)| *g == self.group) {
            return Err(Error::invalid("group", "must be connection, stream or archive", &self.group));
        }
        if !CALLBACK_EVENTS.iter().any(|(g, e)| *g == self.group && *e == self.event) {
            return Err(Error::invalid("event", format!("is not an event of group {}", self.group), &self.event));
        }
        check_url("url", &self.url, &["http://", "https://"], 8..=2048)
    }

    /// The rules of `dialect`'s official SDK. The Node SDK, the only official one with callback
    /// registration, leaves the group/event pair to the service (which documents more events
    /// than [`CALLBACK_EVENTS`], e.g. session monitoring's), so in the Node dialect any
    /// non-empty group and event go; the URL must still be http(s). Other dialects:
    /// [`CallbackOptions::validate`].
    pub fn validate_for(&self, dialect: crate::options::Dialect) -> Result<()> {
        if dialect != crate::options::Dialect::Node {
            return self.validate();
        }
        for (field, v) in [("group", &self.group), ("event", &self.event)] {
            if v.trim().is_empty() {
                return Err(Error::invalid(field, "must not be empty", v));
            }
        }
        check_url("url", &self.url, &["http://", "https://"], 8..=2048)
    }
}

/// A registered callback.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Callback {
    /// Callback id.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub id: String,
    /// Group.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub group: Option<String>,
    /// Event.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub event: Option<String>,
    /// URL.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub url: Option<String>,
    /// Registration time, unix milliseconds.
    #[serde(deserialize_with = "opt_i64")]
    pub created_at: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum CallbackListWire {
    List(Vec<Callback>),
    Page {
        #[serde(default, deserialize_with = "vec_or_null")]
        items: Vec<Callback>,
    },
}

impl Settle for Callback {
    fn identity(&self) -> Option<&'static str> {
        self.id.is_empty().then_some("id")
    }
}

impl Settle for CallbackListWire {
    fn settle(&mut self) {
        match self {
            CallbackListWire::List(items) | CallbackListWire::Page { items } => items.settle(),
        }
    }
}

impl Client {
    /// Lists registered callbacks: `GET /v2/project/{id}/callback` (a JSON array, or a page).
    pub async fn list_callbacks(&self) -> Result<Vec<Callback>> {
        let wire: CallbackListWire = self.call_json(Method::GET, self.project_path("/callback"), Body::None).await?;
        Ok(match wire {
            CallbackListWire::List(l) => l,
            CallbackListWire::Page { items } => items,
        })
    }

    /// Registers a callback: `POST /callback` `{group, event, url}`.
    pub async fn register_callback(&self, options: &CallbackOptions) -> Result<Callback> {
        options.validate_for(self.options().dialect)?;
        let body = json!({"group": options.group, "event": options.event, "url": options.url});
        self.call_json(Method::POST, self.project_path("/callback"), json(&body)).await
    }

    /// Deletes a callback: `DELETE /callback/{callbackId}`.
    pub async fn delete_callback(&self, callback_id: &str) -> Result<()> {
        let id = id_segment("callbackId", callback_id)?;
        self.call_unit(Method::DELETE, self.project_path(&format!("/callback/{id}")), Body::None).await
    }
}
