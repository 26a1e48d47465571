//! Experience Composer renders: start, get, stop, list (`/v2/project/{id}/render...`).

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::rest::{
    alias, check_status_callback_url, check_url, id_segment, json, opt_i64, opt_string, page, put, require_token,
    session_segment, session_token_body, ListOptions, Settle,
};
use crate::session::ArchiveResolution;
use crate::transport::Body;

/// Allowed `maxDuration` of a render, seconds.
pub const RENDER_DURATION_RANGE: std::ops::RangeInclusive<u32> = 60..=36_000;

/// Options of [`Client::start_render`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RenderOptions {
    /// The page to render (http/https, 15–2048 characters). Required.
    pub url: String,
    /// Stop after this many seconds, 60 to 36000 (service default 7200).
    pub max_duration: Option<u32>,
    /// 640x480, 480x640, 1280x720 (default) or 720x1280.
    pub resolution: Option<ArchiveResolution>,
    /// Name of the composed stream in the session (`properties.name`, 1–200 characters).
    pub name: Option<String>,
    /// URL the service posts status changes to (15–2048 characters).
    pub status_callback_url: Option<String>,
}

impl RenderOptions {
    /// The rules of the Python and Java SDKs: URL 15–2048; duration 60–36000; one of the four
    /// render resolutions; name 1–200 characters.
    pub fn validate(&self) -> Result<()> {
        check_url("url", &self.url, &["http://", "https://"], 15..=2048)?;
        if let Some(d) = self.max_duration {
            if !RENDER_DURATION_RANGE.contains(&d) {
                return Err(Error::invalid("maxDuration", "must be 60 to 36000 seconds", d));
            }
        }
        if let Some(r) = self.resolution {
            if matches!(r, ArchiveResolution::Fhd | ArchiveResolution::FhdVertical) {
                return Err(Error::invalid("resolution", "must be 640x480, 480x640, 1280x720 or 720x1280", r.as_str()));
            }
        }
        if let Some(n) = &self.name {
            let len = n.chars().count();
            if !(1..=200).contains(&len) {
                return Err(Error::invalid("properties.name", "must be 1 to 200 characters", n));
            }
        }
        check_status_callback_url(self.status_callback_url.as_ref())
    }

    fn to_json(&self, session_id: &str, token: &str) -> Value {
        let mut m = session_token_body(session_id, token);
        m.insert("url".into(), json!(self.url));
        put(&mut m, "maxDuration", self.max_duration);
        put(&mut m, "resolution", self.resolution.map(|r| r.as_str()));
        put(&mut m, "properties", self.name.as_ref().map(|n| json!({ "name": n })));
        put(&mut m, "statusCallbackUrl", self.status_callback_url.as_ref());
        Value::Object(m)
    }
}

/// An Experience Composer render. Unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Render {
    /// Render id.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub id: String,
    /// The session it publishes into.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub session_id: Option<String>,
    /// API key (`projectId`).
    #[serde(deserialize_with = "opt_string")]
    pub project_id: Option<String>,
    /// Application id (`applicationId`), as Vonage-era answers name the project.
    #[serde(deserialize_with = "opt_string")]
    pub application_id: Option<String>,
    /// Creation time, unix milliseconds.
    #[serde(deserialize_with = "opt_i64")]
    pub created_at: Option<i64>,
    /// Last update, unix milliseconds.
    #[serde(deserialize_with = "opt_i64")]
    pub updated_at: Option<i64>,
    /// The page rendered.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub url: Option<String>,
    /// Resolution.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub resolution: Option<String>,
    /// `starting`, `started`, `stopped` or `failed`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub status: Option<String>,
    /// Stream id of the render in the session, once started.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub stream_id: Option<String>,
    /// Why it stopped or failed.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub reason: Option<String>,
}

impl Settle for Render {
    fn settle(&mut self) {
        alias(&mut self.application_id, &mut self.project_id);
    }

    fn identity(&self) -> Option<&'static str> {
        self.id.is_empty().then_some("id")
    }
}

page!(
    /// A page of Experience Composer renders.
    RenderList of Render
);

impl Client {
    /// Starts rendering a web page into a session: `POST /v2/project/{id}/render` (202).
    /// `token` is a client token of the session. Not retried after the request reached the server.
    pub async fn start_render(&self, session_id: &str, token: &str, options: &RenderOptions) -> Result<Render> {
        session_segment(session_id)?;
        require_token(token)?;
        options.validate()?;
        self.call_json(Method::POST, self.project_path("/render"), json(&options.to_json(session_id, token))).await
    }

    /// Reads a render: `GET /render/{renderId}` (the PHP SDK wrongly POSTs).
    pub async fn get_render(&self, render_id: &str) -> Result<Render> {
        let id = id_segment("renderId", render_id)?;
        self.call_json(Method::GET, self.project_path(&format!("/render/{id}")), Body::None).await
    }

    /// Stops a render: `DELETE /render/{renderId}` (any 2xx).
    pub async fn stop_render(&self, render_id: &str) -> Result<()> {
        let id = id_segment("renderId", render_id)?;
        self.call_unit(Method::DELETE, self.project_path(&format!("/render/{id}")), Body::None).await
    }

    /// Lists renders, newest first: `GET /render?offset&count` (count 1–1000; no session filter).
    pub async fn list_renders(&self, options: &ListOptions) -> Result<RenderList> {
        options.validate()?;
        if let Some(s) = &options.session_id {
            return Err(Error::invalid("sessionId", "is not supported when listing renders", s));
        }
        self.call_json(Method::GET, self.project_path(&format!("/render{}", options.query())), Body::None).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn application_and_project_ids_are_aliases() {
        let mut r: Render = serde_json::from_str(r#"{"id":"r","projectId":123}"#).unwrap();
        r.settle();
        assert_eq!((r.application_id.as_deref(), r.project_id.as_deref()), (Some("123"), Some("123")));
        let mut r: Render = serde_json::from_str(r#"{"id":"r","applicationId":"app","projectId":"123"}"#).unwrap();
        r.settle();
        assert_eq!((r.application_id.as_deref(), r.project_id.as_deref()), (Some("app"), Some("123")));
    }
}
