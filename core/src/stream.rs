//! Streams of a session: get one, list them, set their layout class lists
//! (`/v2/project/{id}/session/{sessionId}/stream...`).

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::rest::{id_segment, json, page, session_segment, vec_or_null, Settle};
use crate::transport::Body;

/// A stream published in a session. Unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Stream {
    /// Stream id.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub id: String,
    /// `camera`, `screen` or `custom`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub video_type: Option<String>,
    /// Name given by the publisher.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub name: Option<String>,
    /// Layout classes of the stream.
    #[serde(deserialize_with = "vec_or_null")]
    pub layout_class_list: Vec<String>,
    /// Whether a moderator force-muted its audio (`forceMuted`; absent in answers that omit it).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "crate::rest::opt_bool")]
    pub force_muted: Option<bool>,
}

impl Settle for Stream {
    fn identity(&self) -> Option<&'static str> {
        self.id.is_empty().then_some("id")
    }
}

page!(
    /// The streams of a session.
    StreamList of Stream
);

/// The layout classes to give one stream ([`Client::set_stream_class_lists`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StreamClassList {
    /// Stream id.
    pub id: String,
    /// Its new layout classes (empty clears them).
    pub layout_class_list: Vec<String>,
}

impl StreamClassList {
    /// Stream `id` with these classes.
    pub fn new(id: impl Into<String>, classes: impl IntoIterator<Item = impl Into<String>>) -> Self {
        StreamClassList { id: id.into(), layout_class_list: classes.into_iter().map(Into::into).collect() }
    }
}

impl Client {
    /// Reads one stream: `GET /session/{sessionId}/stream/{streamId}`. 404 when unknown.
    pub async fn get_stream(&self, session_id: &str, stream_id: &str) -> Result<Stream> {
        let sid = session_segment(session_id)?;
        let st = id_segment("streamId", stream_id)?;
        self.call_json(Method::GET, self.project_path(&format!("/session/{sid}/stream/{st}")), Body::None).await
    }

    /// Lists the streams of a session: `GET /session/{sessionId}/stream`.
    pub async fn list_streams(&self, session_id: &str) -> Result<StreamList> {
        let sid = session_segment(session_id)?;
        self.call_json(Method::GET, self.project_path(&format!("/session/{sid}/stream")), Body::None).await
    }

    /// Sets the layout classes of streams: `PUT /session/{sessionId}/stream`
    /// `{"items": [{"id", "layoutClassList"}]}`. Needs at least one item; ids non-empty;
    /// class names non-empty and without whitespace.
    pub async fn set_stream_class_lists(&self, session_id: &str, items: &[StreamClassList]) -> Result<()> {
        let sid = session_segment(session_id)?;
        if items.is_empty() {
            return Err(Error::invalid("items", "must list at least one stream", "[]"));
        }
        for it in items {
            id_segment("items.id", &it.id)?;
            for c in &it.layout_class_list {
                if c.is_empty() || c.chars().any(char::is_whitespace) {
                    return Err(Error::invalid("items.layoutClassList", "class names must be non-empty words", c));
                }
            }
        }
        let list: Vec<_> = items.iter().map(|i| json!({"id": i.id, "layoutClassList": i.layout_class_list})).collect();
        self.call_unit(Method::PUT, self.project_path(&format!("/session/{sid}/stream")), json(&json!({ "items": list }))).await
    }
}
