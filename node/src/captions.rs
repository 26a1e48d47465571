//! Live captions: `startCaptions`, `stopCaptions`, `getCaptions`.

use napi_derive::napi;
use opentok::CaptionOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::error::{NativeError, Outcome};
use crate::rest::{model, options, try_outcome, unit_outcome, Model};

#[napi]
impl NativeClient {
    /// `POST /captions`; `options` is `{languageCode, maxDuration, partialCaptions, statusCallbackUrl}`.
    #[napi]
    pub async fn start_captions(&self, session_id: String, token: String, options_: Option<Value>) -> Outcome<Model> {
        let o = try_outcome!(options(options_, CaptionOptions::from_json));
        model(self.core().start_captions(&session_id, &token, &o).await)
    }

    /// `POST /captions/{id}/stop`.
    #[napi]
    pub async fn stop_captions(&self, captions_id: String) -> Option<NativeError> {
        unit_outcome(self.core().stop_captions(&captions_id).await)
    }

    /// `GET /captions/{id}`.
    #[napi]
    pub async fn get_captions(&self, captions_id: String) -> Outcome<Model> {
        model(self.core().get_captions(&captions_id).await)
    }
}
