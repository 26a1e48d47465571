//! The events the service POSTs to an app (webhooks), typed: session monitoring
//! (`connectionCreated`, `streamCreated`, ...), SIP call events, and the status callbacks of
//! archives, broadcasts, live captions and Experience Composer renders. See `docs/events.md` for
//! every shape and where it is documented.
//!
//! [`parse_event`] reads a body as tolerantly as the REST models are read (numbers as strings,
//! unknown values kept as sent, extra fields ignored): an event it does not know, or a known one
//! without its identity (no session id, no connection id, ...), comes back as
//! [`Event::Unknown`] with the body, never as an error. Only a body that is not JSON is an error.
//! [`Event::to_json`] gives the body the service sends, so a server (the emulator) can build
//! events from these types.
//!
//! ```
//! use opentok::{parse_event, Event};
//!
//! let body = r#"{"sessionId":"1_MX4xMjM0NTZ-fg","projectId":"123456","event":"connectionCreated",
//!               "timestamp":1470257688309,"connection":{"id":"c053","createdAt":1470257688143,"data":"name=Ada"}}"#;
//! match parse_event(body)? {
//!     Event::ConnectionCreated { event } => assert_eq!(event.connection.data.as_deref(), Some("name=Ada")),
//!     other => panic!("{}", other.name()),
//! }
//! # Ok::<(), opentok::Error>(())
//! ```

mod classify;
mod monitoring;
mod status;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::error::{Error, Result};

pub use monitoring::{CallEvent, CallInfo, ConnectionEvent, ConnectionInfo, SessionEvent, StreamEvent, StreamInfo};
pub use status::{ArchiveEvent, BroadcastEvent, CaptionsEvent, RenderEvent};

/// Every event name [`Event::name`] gives, in the order of the variants (`unknown` last).
pub const EVENT_NAMES: &[&str] = &[
    "sessionCreated",
    "sessionDestroyed",
    "sessionNotification",
    "connectionCreated",
    "connectionDestroyed",
    "streamCreated",
    "streamDestroyed",
    "callCreated",
    "callUpdated",
    "callDestroyed",
    "archive",
    "broadcast",
    "captions",
    "render",
    "unknown",
];

/// One event the service sent to the app.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Event {
    /// `sessionCreated`: the first client connected to a session.
    SessionCreated {
        /// The event.
        event: SessionEvent,
    },
    /// `sessionDestroyed`: the last client left (or the session's media server failed).
    SessionDestroyed {
        /// The event.
        event: SessionEvent,
    },
    /// `sessionNotification`: a notice about a session (e.g. `reason: serverRotation`).
    SessionNotification {
        /// The event.
        event: SessionEvent,
    },
    /// `connectionCreated`: a client connected.
    ConnectionCreated {
        /// The event.
        event: ConnectionEvent,
    },
    /// `connectionDestroyed`: a client disconnected (see `reason`).
    ConnectionDestroyed {
        /// The event.
        event: ConnectionEvent,
    },
    /// `streamCreated`: a client started publishing.
    StreamCreated {
        /// The event.
        event: StreamEvent,
    },
    /// `streamDestroyed`: a stream ended (see `reason`).
    StreamDestroyed {
        /// The event.
        event: StreamEvent,
    },
    /// `callCreated`: a SIP call was dialled.
    CallCreated {
        /// The event.
        event: CallEvent,
    },
    /// `callUpdated`: a SIP call changed state.
    CallUpdated {
        /// The event.
        event: CallEvent,
    },
    /// `callDestroyed`: a SIP call ended.
    CallDestroyed {
        /// The event.
        event: CallEvent,
    },
    /// An archive's status changed (event name `archive`).
    ArchiveChanged {
        /// The event.
        event: ArchiveEvent,
    },
    /// A broadcast's status changed (event name `broadcast`).
    BroadcastChanged {
        /// The event.
        event: BroadcastEvent,
    },
    /// A live-captions status changed (event name `captions`).
    CaptionsChanged {
        /// The event.
        event: CaptionsEvent,
    },
    /// An Experience Composer render's status changed (event name `render`).
    RenderChanged {
        /// The event.
        event: RenderEvent,
    },
    /// An event this SDK does not know, or a known one it could not read: the body as received.
    Unknown {
        /// The body (JSON text).
        raw: String,
    },
}

/// Reads a webhook body into an [`Event`]. Never fails for JSON: unknown or unreadable events are
/// [`Event::Unknown`]. A body that is not JSON (or not UTF-8) is an
/// [`crate::ErrorKind::InvalidArgument`] error naming `body` and the rule.
pub fn parse_event(body: impl AsRef<[u8]>) -> Result<Event> {
    let bytes = body.as_ref();
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| Error::invalid("body", format!("must be a JSON document ({e})"), String::from_utf8_lossy(bytes)))?;
    Ok(Event::from_value(value))
}

impl Event {
    /// Reads an already parsed JSON body (see [`parse_event`]).
    pub fn from_value(value: Value) -> Event {
        classify::classify(&value).unwrap_or_else(|| Event::Unknown { raw: value.to_string() })
    }

    /// The event's name: the wire's `event` of session-monitoring events (`connectionCreated`,
    /// ...), `archive`, `broadcast`, `captions`, `render`, or `unknown` (see [`EVENT_NAMES`]).
    pub fn name(&self) -> &'static str {
        match self {
            Event::SessionCreated { .. } => "sessionCreated",
            Event::SessionDestroyed { .. } => "sessionDestroyed",
            Event::SessionNotification { .. } => "sessionNotification",
            Event::ConnectionCreated { .. } => "connectionCreated",
            Event::ConnectionDestroyed { .. } => "connectionDestroyed",
            Event::StreamCreated { .. } => "streamCreated",
            Event::StreamDestroyed { .. } => "streamDestroyed",
            Event::CallCreated { .. } => "callCreated",
            Event::CallUpdated { .. } => "callUpdated",
            Event::CallDestroyed { .. } => "callDestroyed",
            Event::ArchiveChanged { .. } => "archive",
            Event::BroadcastChanged { .. } => "broadcast",
            Event::CaptionsChanged { .. } => "captions",
            Event::RenderChanged { .. } => "render",
            Event::Unknown { .. } => "unknown",
        }
    }

    /// The session the event is about (for an unknown event, its `sessionId` if it has one).
    pub fn session_id(&self) -> Option<String> {
        let id = match self {
            Event::SessionCreated { event } | Event::SessionDestroyed { event } | Event::SessionNotification { event } => {
                &event.session_id
            }
            Event::ConnectionCreated { event } | Event::ConnectionDestroyed { event } => &event.session_id,
            Event::StreamCreated { event } | Event::StreamDestroyed { event } => &event.session_id,
            Event::CallCreated { event } | Event::CallUpdated { event } | Event::CallDestroyed { event } => &event.session_id,
            Event::ArchiveChanged { event } => &event.archive.session_id,
            Event::BroadcastChanged { event } => &event.broadcast.session_id,
            Event::CaptionsChanged { event } => &event.session_id,
            Event::RenderChanged { event } => return event.render.session_id.clone().filter(|s| !s.is_empty()),
            Event::Unknown { raw } => {
                let v: Value = serde_json::from_str(raw).ok()?;
                return v.get("sessionId").and_then(Value::as_str).map(str::to_string);
            }
        };
        (!id.is_empty()).then(|| id.clone())
    }

    /// The status of a resource event (`started`, `stopped`, `available`, ... as sent); `None`
    /// for session-monitoring and unknown events.
    pub fn status(&self) -> Option<&str> {
        match self {
            Event::ArchiveChanged { event } => Some(&event.status),
            Event::BroadcastChanged { event } => Some(&event.status),
            Event::CaptionsChanged { event } => Some(&event.status),
            Event::RenderChanged { event } => Some(&event.status),
            _ => None,
        }
    }

    /// The id of what the event is about: the connection, stream, SIP call, archive, broadcast,
    /// captioning or render id; `None` for session and unknown events.
    pub fn resource_id(&self) -> Option<&str> {
        match self {
            Event::ConnectionCreated { event } | Event::ConnectionDestroyed { event } => Some(&event.connection.id),
            Event::StreamCreated { event } | Event::StreamDestroyed { event } => Some(&event.stream.id),
            Event::CallCreated { event } | Event::CallUpdated { event } | Event::CallDestroyed { event } => Some(&event.call.id),
            Event::ArchiveChanged { event } => Some(&event.archive.id),
            Event::BroadcastChanged { event } => Some(&event.broadcast.id),
            Event::CaptionsChanged { event } => Some(&event.caption_id),
            Event::RenderChanged { event } => Some(&event.render.id),
            _ => None,
        }
    }

    /// The body the service sends for this event (what [`parse_event`] reads back to an equal
    /// event); an unknown event gives its body as received.
    pub fn to_json(&self) -> Value {
        match self.fields() {
            Some((mut fields, tag)) => {
                fields.insert(tag.into(), Value::from(self.name()));
                Value::Object(fields)
            }
            None => self.raw_value(),
        }
    }

    /// The event as bindings show it: `{"type": name, "sessionId": ..., ...}` with the fields of
    /// its struct in the wire's camelCase (resource events hold `status` and the resource
    /// document, e.g. `{"type": "archive", "sessionId": "...", "status": "available", "archive":
    /// {...}}`); an unknown event is `{"type": "unknown", "raw": body}` (with `sessionId` when the
    /// body has one). `sessionId` is [`Event::session_id`], absent when `None`.
    pub fn to_typed_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("type".into(), Value::from(self.name()));
        if let Some(id) = self.session_id() {
            m.insert("sessionId".into(), Value::from(id));
        }
        let body = match self {
            Event::SessionCreated { event } | Event::SessionDestroyed { event } | Event::SessionNotification { event } => {
                serde_json::to_value(event)
            }
            Event::ConnectionCreated { event } | Event::ConnectionDestroyed { event } => serde_json::to_value(event),
            Event::StreamCreated { event } | Event::StreamDestroyed { event } => serde_json::to_value(event),
            Event::CallCreated { event } | Event::CallUpdated { event } | Event::CallDestroyed { event } => {
                serde_json::to_value(event)
            }
            Event::ArchiveChanged { event } => serde_json::to_value(event),
            Event::BroadcastChanged { event } => serde_json::to_value(event),
            Event::CaptionsChanged { event } => serde_json::to_value(event),
            Event::RenderChanged { event } => serde_json::to_value(event),
            Event::Unknown { raw } => Ok(serde_json::json!({ "raw": raw })),
        };
        if let Ok(Value::Object(fields)) = body {
            m.extend(fields);
        }
        Value::Object(m)
    }

    /// The wire fields and the key (`event`, or `group` for captions) under which the wire names
    /// the event; `None` for unknown events.
    fn fields(&self) -> Option<(Map<String, Value>, &'static str)> {
        let object = |v: serde_json::Result<Value>| match v {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        };
        let with_status = |doc: serde_json::Result<Value>, status: &str| {
            let mut m = object(doc);
            m.insert("status".into(), Value::from(status));
            m
        };
        Some(match self {
            Event::SessionCreated { event } | Event::SessionDestroyed { event } | Event::SessionNotification { event } => {
                (object(serde_json::to_value(event)), "event")
            }
            Event::ConnectionCreated { event } | Event::ConnectionDestroyed { event } => {
                (object(serde_json::to_value(event)), "event")
            }
            Event::StreamCreated { event } | Event::StreamDestroyed { event } => (object(serde_json::to_value(event)), "event"),
            Event::CallCreated { event } | Event::CallUpdated { event } | Event::CallDestroyed { event } => {
                (object(serde_json::to_value(event)), "event")
            }
            Event::ArchiveChanged { event } => (with_status(serde_json::to_value(&event.archive), &event.status), "event"),
            Event::BroadcastChanged { event } => (with_status(serde_json::to_value(&event.broadcast), &event.status), "event"),
            Event::RenderChanged { event } => (with_status(serde_json::to_value(&event.render), &event.status), "event"),
            Event::CaptionsChanged { event } => (object(serde_json::to_value(event)), "group"),
            Event::Unknown { .. } => return None,
        })
    }

    fn raw_value(&self) -> Value {
        match self {
            Event::Unknown { raw } => serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.clone())),
            _ => Value::Null,
        }
    }
}

/// Serializes as the wire body ([`Event::to_json`]).
impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

/// Reads a wire body as [`Event::from_value`] does: any JSON value is an event (possibly
/// [`Event::Unknown`]).
impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Event, D::Error> {
        Ok(Event::from_value(Value::deserialize(deserializer)?))
    }
}

#[cfg(test)]
mod tests;
