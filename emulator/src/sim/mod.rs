//! The simulation: the emulator's domain, between the HTTP routes and the store. Routes read
//! requests and call these; these hold the service's rules and state changes, and emit the
//! events the service would post.
//!
//! - [`sessions`]: sessions; [`connections`]: clients and the service's own connections, their
//!   streams; [`moderation`]: class lists and muting; [`services`]: SIP calls and the Audio
//!   Connector; [`signals`]: signals and DTMF;
//! - [`recordings`]: archives, broadcasts, captions, renders and their `maxDuration` timer;
//! - [`callbacks`], [`events`], [`delivery`]: who gets which event, and posting it;
//! - [`clock`]: the simulated clock; [`resources`]: stored documents, typed ([`resources::Document`]).

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
