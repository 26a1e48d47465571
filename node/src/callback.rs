//! Callback registration: `listCallbacks`, `registerCallback`, `unregisterCallback`.

use napi_derive::napi;
use opentok::CallbackOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::error::{NativeError, Outcome};
use crate::rest::{model, try_outcome, unit_outcome, Model};

#[napi]
impl NativeClient {
    /// `GET /callback`: an array.
    #[napi]
    pub async fn list_callbacks(&self) -> Outcome<Model> {
        model(self.core().list_callbacks().await)
    }

    /// `POST /callback` `{group, event, url}`.
    #[napi]
    pub async fn register_callback(&self, options: Value) -> Outcome<Model> {
        let o = try_outcome!(CallbackOptions::from_json(&options));
        model(self.core().register_callback(&o).await)
    }

    /// `DELETE /callback/{id}`.
    #[napi]
    pub async fn delete_callback(&self, callback_id: String) -> Option<NativeError> {
        unit_outcome(self.core().delete_callback(&callback_id).await)
    }
}
