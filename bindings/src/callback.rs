//! Callbacks: the core's `callback.rs` operations.

use opentok::{Callback, CallbackOptions};

use crate::client::Client;
use crate::rest::rest_operations;

rest_operations! {
    /// Lists the registered callbacks (`GET /callback`).
    fn list_callbacks / list_callbacks_blocking() -> Vec<Callback> = |c| c.list_callbacks();
    /// Registers a callback URL for a group of events (`POST /callback`).
    fn register_callback / register_callback_blocking(options: CallbackOptions) -> Callback = |c| c.register_callback(&options);
    /// Deletes a callback (`DELETE /callback/{id}`).
    fn delete_callback / delete_callback_blocking(callback_id: String) -> () = |c| c.delete_callback(&callback_id);
}
