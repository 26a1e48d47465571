//! Live captions: `startCaptions`, `stopCaptions`, `getCaptions`.

use opentok::CaptionOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{options, rest_operations};

rest_operations! {
    /// `POST /captions`; `options` is `{languageCode, maxDuration, partialCaptions, statusCallbackUrl}`.
    model fn start_captions(session_id: String, token: String, options_: Option<Value>) = |c| async move {
        c.start_captions(&session_id, &token, &options(options_, CaptionOptions::from_json)?).await
    };
    /// `POST /captions/{id}/stop`.
    unit fn stop_captions(captions_id: String) = |c| async move { c.stop_captions(&captions_id).await };
    /// `GET /captions/{id}`.
    model fn get_captions(captions_id: String) = |c| async move { c.get_captions(&captions_id).await };
}
