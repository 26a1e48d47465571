//! Moderation: force a client to disconnect, force-mute one stream, mute every stream (with
//! exclusions) and lift that (`/v2/project/{id}/session/{sessionId}/...`).

use reqwest::Method;
use serde_json::json;

use crate::client::Client;
use crate::error::Result;
use crate::rest::{id_segment, json, session_segment};
use crate::transport::Body;

/// Options of [`Client::mute_all`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MuteAllOptions {
    /// Streams that stay unmuted (sent as `excludedStreamIds`, the Java/.NET/Vonage spelling).
    pub excluded_stream_ids: Vec<String>,
}

impl Client {
    /// Disconnects a client: `DELETE /session/{sessionId}/connection/{connectionId}` (204).
    /// 404 ([`crate::ErrorKind::NotFound`]) when it is not connected.
    pub async fn force_disconnect(&self, session_id: &str, connection_id: &str) -> Result<()> {
        let sid = session_segment(session_id)?;
        let cid = id_segment("connectionId", connection_id)?;
        self.call_unit(Method::DELETE, self.project_path(&format!("/session/{sid}/connection/{cid}")), Body::None).await
    }

    /// Mutes the audio of one stream: `POST /session/{sessionId}/stream/{streamId}/mute`.
    pub async fn mute_stream(&self, session_id: &str, stream_id: &str) -> Result<()> {
        let sid = session_segment(session_id)?;
        let st = id_segment("streamId", stream_id)?;
        self.call_unit(Method::POST, self.project_path(&format!("/session/{sid}/stream/{st}/mute")), self.empty_post_body()).await
    }

    /// Mutes every stream but the excluded ones, including streams published later, until
    /// [`Client::disable_force_mute`]: `POST /session/{sessionId}/mute`
    /// `{"active": true, "excludedStreamIds": [...]}`.
    pub async fn mute_all(&self, session_id: &str, options: &MuteAllOptions) -> Result<()> {
        let sid = session_segment(session_id)?;
        for id in &options.excluded_stream_ids {
            id_segment("excludedStreamIds", id)?;
        }
        // The official Node SDK and Ruby gem send only the keys their caller gave: no exclusions, no key.
        let only_given = matches!(self.options().dialect, crate::options::Dialect::Node | crate::options::Dialect::Ruby);
        let body = if only_given && options.excluded_stream_ids.is_empty() {
            json!({"active": true})
        } else {
            json!({"active": true, "excludedStreamIds": options.excluded_stream_ids})
        };
        self.call_unit(Method::POST, self.project_path(&format!("/session/{sid}/mute")), json(&body)).await
    }

    /// Ends a [`Client::mute_all`]: `POST /session/{sessionId}/mute` `{"active": false}`.
    pub async fn disable_force_mute(&self, session_id: &str) -> Result<()> {
        let sid = session_segment(session_id)?;
        self.call_unit(Method::POST, self.project_path(&format!("/session/{sid}/mute")), json(&json!({"active": false}))).await
    }
}
