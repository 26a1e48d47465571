//! The status callbacks of resources (archives, broadcasts, captions, Experience Composer
//! renders): the whole resource document, POSTed to the project's archive or broadcast callback
//! URL, or to the `statusCallbackUrl` given at start, each time its status changes.

use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::broadcast::Broadcast;
use crate::render::Render;
use crate::rest::{opt_i64, opt_string, string_or_empty};

/// An archive status change (`started`, `paused`, `stopped`, `uploaded`, `available`, `failed`):
/// the whole archive document.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ArchiveEvent {
    /// The status as sent, also one this SDK does not know (`archive.status` is then
    /// [`crate::ArchiveStatus::Unknown`]).
    pub status: String,
    /// The archive.
    pub archive: Archive,
}

/// A broadcast status change (`started`, `stopped`, `failed`, ...): the whole broadcast document.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BroadcastEvent {
    /// The status as sent (empty when missing).
    pub status: String,
    /// The broadcast.
    pub broadcast: Broadcast,
}

/// An Experience Composer status change (`starting`, `started`, `stopped`, `failed`): the whole
/// render document, POSTed to the render's `statusCallbackUrl`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RenderEvent {
    /// The status as sent (empty when missing).
    pub status: String,
    /// The render.
    pub render: Render,
}

/// A live-captions status change (`started`, `stopped`, `paused`, `failed`), POSTed to the
/// captions' `statusCallbackUrl`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CaptionsEvent {
    /// Captioning id (`captionId`; `captionsId` is read too).
    #[serde(alias = "captionsId", deserialize_with = "string_or_empty")]
    pub caption_id: String,
    /// The session.
    #[serde(deserialize_with = "string_or_empty")]
    pub session_id: String,
    /// Application id (`applicationId`; `projectId` when only that was sent).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    /// API key (`projectId`; `applicationId` when only that was sent).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The status as sent (empty when missing).
    #[serde(deserialize_with = "string_or_empty")]
    pub status: String,
    /// Start time, unix milliseconds.
    #[serde(deserialize_with = "opt_i64", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
    /// Last update, unix milliseconds.
    #[serde(deserialize_with = "opt_i64", skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<i64>,
    /// Seconds captioned so far.
    #[serde(deserialize_with = "opt_i64", skip_serializing_if = "Option::is_none")]
    pub duration: Option<i64>,
    /// Language captioned, e.g. `en-US`.
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub language_code: Option<String>,
    /// Caption provider (`aws-transcribe`).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Why it stopped or failed (e.g. `Max duration exceeded`).
    #[serde(deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
