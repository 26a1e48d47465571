//! Live captions: start, stop and read the status (`/v2/project/{id}/captions...`).

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::archive::is_language_code;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::rest::{
    alias, check_status_callback_url, id_segment, json, opt_i64, opt_string, put, require_token, session_segment,
    session_token_body, Settle,
};
use crate::transport::Body;

/// Longest captioning, seconds (4 hours).
pub const MAX_CAPTIONS_DURATION: u32 = 14_400;

/// Options of [`Client::start_captions`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CaptionOptions {
    /// Language of the speech, `xx-XX` (service default `en-US`).
    pub language_code: Option<String>,
    /// Stop after this many seconds, 300 to 14400 (service default 14400).
    pub max_duration: Option<u32>,
    /// Send partial (not yet final) captions (default true).
    pub partial_captions: Option<bool>,
    /// URL the service posts status changes to (15–2048 characters, http/https).
    pub status_callback_url: Option<String>,
}

impl CaptionOptions {
    /// The rules of the Java and .NET SDKs: language `xx-XX`; duration 300–14400 s (the .NET
    /// lower bound, Java's upper); callback URL 15–2048 characters.
    pub fn validate(&self) -> Result<()> {
        if let Some(l) = &self.language_code {
            if !is_language_code(l) {
                return Err(Error::invalid("languageCode", "must look like en-US", l));
            }
        }
        if let Some(d) = self.max_duration {
            if !(300..=MAX_CAPTIONS_DURATION).contains(&d) {
                return Err(Error::invalid("maxDuration", "must be 300 to 14400 seconds", d));
            }
        }
        check_status_callback_url(self.status_callback_url.as_ref())
    }

    fn to_json(&self, session_id: &str, token: &str) -> Value {
        let mut m = session_token_body(session_id, token);
        put(&mut m, "languageCode", self.language_code.as_ref());
        put(&mut m, "maxDuration", self.max_duration);
        put(&mut m, "partialCaptions", self.partial_captions);
        put(&mut m, "statusCallbackUrl", self.status_callback_url.as_ref());
        Value::Object(m)
    }
}

/// The answer of [`Client::start_captions`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Captions {
    /// Id of the captioning, for stop and status.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub captions_id: String,
}

/// The state of a captioning ([`Client::get_captions`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CaptionStatus {
    /// Captioning id.
    #[serde(deserialize_with = "crate::rest::string_or_empty")]
    pub captions_id: String,
    /// The session.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub session_id: Option<String>,
    /// API key (`projectId`).
    #[serde(deserialize_with = "opt_string")]
    pub project_id: Option<String>,
    /// Application id (`applicationId`), as Vonage-era answers name the project.
    #[serde(deserialize_with = "opt_string")]
    pub application_id: Option<String>,
    /// `started`, `stopped`, `paused` or `failed`.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub status: Option<String>,
    /// Language code.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub language_code: Option<String>,
    /// Caption provider (`aws-transcribe`).
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub provider: Option<String>,
    /// Why it stopped or failed.
    #[serde(deserialize_with = "crate::rest::opt_string")]
    pub reason: Option<String>,
    /// Maximum duration, seconds.
    #[serde(deserialize_with = "opt_i64")]
    pub max_duration: Option<i64>,
    /// Start time, unix milliseconds.
    #[serde(deserialize_with = "opt_i64")]
    pub created_at: Option<i64>,
    /// Last update, unix milliseconds.
    #[serde(deserialize_with = "opt_i64")]
    pub updated_at: Option<i64>,
}

impl Settle for Captions {
    fn identity(&self) -> Option<&'static str> {
        self.captions_id.is_empty().then_some("captionsId")
    }
}

impl Settle for CaptionStatus {
    fn settle(&mut self) {
        alias(&mut self.application_id, &mut self.project_id);
    }

    fn identity(&self) -> Option<&'static str> {
        self.captions_id.is_empty().then_some("captionsId")
    }
}

impl Client {
    /// Starts live captions: `POST /v2/project/{id}/captions` (202). `token` is a moderator
    /// token of the session. 409 ([`crate::ErrorKind::Conflict`]) when captions already run.
    pub async fn start_captions(&self, session_id: &str, token: &str, options: &CaptionOptions) -> Result<Captions> {
        session_segment(session_id)?;
        require_token(token)?;
        options.validate()?;
        self.call_json(Method::POST, self.project_path("/captions"), json(&options.to_json(session_id, token))).await
    }

    /// Stops live captions: `POST /captions/{captionsId}/stop` (202).
    pub async fn stop_captions(&self, captions_id: &str) -> Result<()> {
        let id = id_segment("captionsId", captions_id)?;
        self.call_unit(Method::POST, self.project_path(&format!("/captions/{id}/stop")), Body::None).await
    }

    /// Reads the state of a captioning: `GET /captions/{captionsId}`.
    pub async fn get_captions(&self, captions_id: &str) -> Result<CaptionStatus> {
        let id = id_segment("captionsId", captions_id)?;
        self.call_json(Method::GET, self.project_path(&format!("/captions/{id}")), Body::None).await
    }
}
