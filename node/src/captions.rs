//! Live captions: `startCaptions`, `stopCaptions`, `getCaptions`.

use napi_derive::napi;
use opentok::CaptionOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::error::{NativeError, Outcome};
use crate::rest::{json_outcome, options, try_json, unit_outcome};

#[napi]
impl NativeClient {
    /// `POST /captions`; `options` is `{languageCode, maxDuration, partialCaptions, statusCallbackUrl}`.
    #[napi]
    pub async fn start_captions(&self, session_id: String, token: String, options_: Option<Value>) -> Outcome<Value> {
        let o = try_json!(options(options_, CaptionOptions::from_json));
        json_outcome!(self.core().start_captions(&session_id, &token, &o).await)
    }

    /// `POST /captions/{id}/stop`.
    #[napi]
    pub async fn stop_captions(&self, captions_id: String) -> Option<NativeError> {
        unit_outcome(self.core().stop_captions(&captions_id).await)
    }

    /// `GET /captions/{id}`.
    #[napi]
    pub async fn get_captions(&self, captions_id: String) -> Outcome<Value> {
        json_outcome!(self.core().get_captions(&captions_id).await)
    }
}
