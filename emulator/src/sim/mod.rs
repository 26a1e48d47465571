//! The simulation: the emulator's domain, between the HTTP routes and the store. Routes read
//! requests and call these; these hold the service's rules and state changes, and emit the
//! events the service would post.

pub mod callbacks;
pub mod clock;
pub mod connections;
pub mod delivery;
pub mod events;
pub mod moderation;
pub mod recordings;
pub mod resources;
pub mod services;
pub mod sessions;
pub mod signals;
