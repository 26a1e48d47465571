//! Signaling: the core's `signal.rs` operation.

use opentok::Signal;

use crate::client::Client;
use crate::rest::rest_operations;

rest_operations! {
    /// Sends a signal to every client of a session, or to one connection
    /// (`POST /session/{sessionId}[/connection/{connectionId}]/signal`). 413 over 8 kB.
    fn signal / signal_blocking(session_id: String, connection_id: Option<String>, signal: Signal) -> () =
        |c| c.signal(&session_id, connection_id.as_deref(), &signal);
}
