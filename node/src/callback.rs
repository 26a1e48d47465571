//! Callback registration: `listCallbacks`, `registerCallback`, `unregisterCallback`.

use opentok::CallbackOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::rest_operations;

rest_operations! {
    /// `GET /callback`: an array.
    model fn list_callbacks() = |c| async move { c.list_callbacks().await };
    /// `POST /callback` `{group, event, url}`.
    model fn register_callback(options: Value) = |c| async move {
        c.register_callback(&CallbackOptions::from_json(&options)?).await
    };
    /// `DELETE /callback/{id}`.
    unit fn delete_callback(callback_id: String) = |c| async move { c.delete_callback(&callback_id).await };
}
