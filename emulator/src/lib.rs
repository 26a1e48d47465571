//! `opentok-emulator`: a local OpenTok-compatible API server with a dashboard.
//!
//! It speaks the REST API of the service (`POST /session/create`, `/v2/project/...`), checks
//! REST auth as the service does, mints real-format session ids, keeps sessions and simulated
//! connections in SQLite (or memory), and lets tests "connect" with a client token through
//! `POST /emulator/v1/sessions/{sessionId}/connections`. Token and JWT logic is the `opentok`
//! core crate's; this crate holds the server rules only.
//!
//! Layers: [`routes`] (HTTP only: read the request, call the domain, answer) over [`sim`] (the
//! service's rules and state changes: sessions, connections and streams, recordings, events and
//! their delivery to callbacks, the simulated clock) over [`store`] (SQLite).
//!
//! In-process use (tests of other crates):
//!
//! ```no_run
//! # async fn demo() -> Result<(), opentok_emulator::StartError> {
//! let emulator = opentok_emulator::start_in_memory().await?;
//! let url = emulator.url().to_string(); // give it to ClientOptions::base_url
//! # drop(url);
//! emulator.stop().await?;
//! # Ok(()) }
//! ```

pub mod api_error;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod conn;
pub mod dashboard;
pub mod fields;
pub mod guard;
pub mod projects;
pub mod routes;
pub mod server;
pub mod sim;
pub mod state;
pub mod store;

pub use cli::Cli;
pub use server::{run, start, start_in_memory, Running, Server, StartError};
