//! Webhook events: the core's `parse_event`, its typed `Event` (a Kotlin sealed class, from the
//! core's uniffi derives) and the event's wire and typed JSON. Reading, classifying and every
//! default are the core's.

use opentok::Event;

use crate::error::Result;

/// Reads a webhook body (text) into the core's typed event; an event the core does not know is
/// `Event.Unknown` with the body. Fails (`InvalidArgument`, field `body`) only for text that is
/// not JSON.
#[uniffi::export]
pub fn parse_event(body: String) -> Result<Event> {
    Ok(opentok::parse_event(body)?)
}

/// [`parse_event`] for a body as bytes (UTF-8 JSON; other bytes are an `InvalidArgument`).
#[uniffi::export]
pub fn parse_event_bytes(body: Vec<u8>) -> Result<Event> {
    Ok(opentok::parse_event(body)?)
}

/// The event's name (`connectionCreated`, `archive`, ..., `unknown`).
#[uniffi::export]
pub fn event_name(event: Event) -> String {
    event.name().to_string()
}

/// The session the event is about, if it names one.
#[uniffi::export]
pub fn event_session_id(event: Event) -> Option<String> {
    event.session_id()
}

/// The body the service sends for this event (JSON text).
#[uniffi::export]
pub fn event_to_json(event: Event) -> String {
    event.to_json().to_string()
}

/// Reads a webhook body and gives the core's typed JSON of the event (`{"type", "sessionId",
/// ...}` in camelCase), for bindings that build their own objects from it (Ruby).
#[uniffi::export]
pub fn parse_event_typed_json(body: Vec<u8>) -> Result<String> {
    Ok(opentok::parse_event(body)?.to_typed_json().to_string())
}
