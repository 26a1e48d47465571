//! `opentok-emulator`: a local OpenTok-compatible API server with a dashboard.
//!
//! It speaks the REST API of the service (`POST /session/create`, `/v2/project/...`), checks
//! REST auth as the service does, mints real-format session ids, keeps sessions and simulated
//! connections in SQLite (or memory), and lets tests "connect" with a client token through
//! `POST /emulator/v1/sessions/{sessionId}/connections`. Token and JWT logic is the `opentok`
//! core crate's; this crate holds the server rules only.

pub mod api_error;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod dashboard;
pub mod projects;
pub mod routes;
pub mod server;
pub mod state;
pub mod store;

pub use cli::Cli;
pub use server::{run, Server};
