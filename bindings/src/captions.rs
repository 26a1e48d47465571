//! Live captions: the core's `captions.rs` operations.

use opentok::{CaptionOptions, CaptionStatus, Captions};

use crate::client::Client;
use crate::rest::rest_operations;

rest_operations! {
    /// Starts live captions of a session (`POST /captions`). 409 when already captioned.
    fn start_captions / start_captions_blocking(session_id: String, token: String, options: CaptionOptions) -> Captions =
        |c| c.start_captions(&session_id, &token, &options);
    /// Stops live captions (`POST /captions/{id}/stop`).
    fn stop_captions / stop_captions_blocking(captions_id: String) -> () = |c| c.stop_captions(&captions_id);
    /// Reads the state of live captions (`GET /captions/{id}`).
    fn get_captions / get_captions_blocking(captions_id: String) -> CaptionStatus = |c| c.get_captions(&captions_id);
}
