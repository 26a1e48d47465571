//! Webhook events: `OpenTok\Events::parse($body)` reads a body with the core's parser
//! ([`opentok::parse_event`], `core/src/events/`) and gives the core's [`opentok::Event`] as an
//! object of the classes under `OpenTok\Event\`, registered at module startup with one readonly,
//! typed public property per field of the core's event structs (camelCase, as the wire spells
//! them):
//!
//! - `Event` (abstract: `type`, the core's [`opentok::Event::name`], and `sessionId`, its
//!   [`opentok::Event::session_id`]);
//! - `MonitoringEvent` (abstract: `projectId`, `timestamp`, `reason`) with the families
//!   `SessionEvent`, `ConnectionEvent` (`connection`), `StreamEvent` (`stream`) and `CallEvent`
//!   (`call`) and their final classes `SessionCreated`, ..., `CallDestroyed`;
//! - `StatusEvent` (abstract: `status` as sent) with `ArchiveChanged` (`archive`, an
//!   `OpenTok\Archive`), `BroadcastChanged` (`OpenTok\Broadcast`), `RenderChanged`
//!   (`OpenTok\Render`) and `CaptionsChanged`;
//! - `Unknown` (`raw`, the body as received);
//! - `ConnectionInfo`, `StreamInfo` and `CallInfo`, the nested documents.
//!
//! Each final event class has the constant `TYPE` (its event name). Values come from the core's
//! structs, destructured field by field, so a field added to the core fails to compile here
//! until it has its property. No OpenTok rule lives here.

use std::ffi::{c_int, c_void};

use ext_php_rs::boxed::ZBox;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpException;
use ext_php_rs::ffi::{zend_class_entry, zend_string, zend_type, zval, IS_LONG, IS_NULL, IS_STRING};
use ext_php_rs::flags::{ClassFlags, ConstantFlags};
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendObject, ZendStr, Zval};
use ext_php_rs::zend::{ClassEntry, ExecutorGlobals};
use opentok::{
    ArchiveEvent, BroadcastEvent, CallEvent, CallInfo, CaptionsEvent, ConnectionEvent, ConnectionInfo, Event, RenderEvent,
    SessionEvent, StreamEvent, StreamInfo,
};

use crate::convert::{to_json, Shown};
use crate::error::{invalid, OrThrow};
use crate::model::from_model;
use crate::registry::{class, register};

extern "C" {
    fn zend_declare_typed_property(
        ce: *mut zend_class_entry,
        name: *mut zend_string,
        property: *mut zval,
        access_type: c_int,
        doc_comment: *mut zend_string,
        ty: zend_type,
    ) -> *mut c_void;
}

/// `ZEND_ACC_PUBLIC` and `ZEND_ACC_READONLY` (PHP 8.1+).
const ACC_PUBLIC_READONLY: c_int = 1 | (1 << 7);
/// `_ZEND_TYPE_NAME_BIT`: the type is the class named by `zend_type.ptr`.
const TYPE_NAME_BIT: u32 = 1 << 24;

const NS: &str = "OpenTok\\Event\\";

/// A property's PHP type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Str,
    Int,
    /// An object of this class (full name).
    Class(&'static str),
}

/// A declared property: name, type, and whether it may be null.
struct Prop(&'static str, Ty, bool);

const fn req(name: &'static str, ty: Ty) -> Prop {
    Prop(name, ty, false)
}

const fn opt(name: &'static str, ty: Ty) -> Prop {
    Prop(name, ty, true)
}

/// A class of this module: short name, parent (short name, in this namespace), whether it is
/// abstract, the `TYPE` constant of a final event class, and the properties it declares.
struct Class {
    name: &'static str,
    parent: Option<&'static str>,
    abstract_class: bool,
    type_name: Option<&'static str>,
    props: &'static [Prop],
}

const fn info(name: &'static str, props: &'static [Prop]) -> Class {
    Class { name, parent: None, abstract_class: false, type_name: None, props }
}

const fn family(name: &'static str, parent: &'static str, props: &'static [Prop]) -> Class {
    Class { name, parent: Some(parent), abstract_class: true, type_name: None, props }
}

const fn event(name: &'static str, parent: &'static str, type_name: &'static str, props: &'static [Prop]) -> Class {
    Class { name, parent: Some(parent), abstract_class: false, type_name: Some(type_name), props }
}

const CONNECTION_INFO: &str = "OpenTok\\Event\\ConnectionInfo";
const STREAM_INFO: &str = "OpenTok\\Event\\StreamInfo";
const CALL_INFO: &str = "OpenTok\\Event\\CallInfo";

/// Every class, parents before children.
const CLASSES: &[Class] = &[
    info("ConnectionInfo", &[req("id", Ty::Str), opt("createdAt", Ty::Int), opt("data", Ty::Str)]),
    info(
        "StreamInfo",
        &[
            req("id", Ty::Str),
            opt("connection", Ty::Class(CONNECTION_INFO)),
            opt("createdAt", Ty::Int),
            opt("name", Ty::Str),
            opt("videoType", Ty::Str),
        ],
    ),
    info(
        "CallInfo",
        &[
            req("id", Ty::Str),
            opt("connectionId", Ty::Str),
            opt("streamId", Ty::Str),
            opt("createdAt", Ty::Int),
            opt("sipUri", Ty::Str),
            opt("state", Ty::Str),
        ],
    ),
    Class {
        name: "Event",
        parent: None,
        abstract_class: true,
        type_name: None,
        props: &[req("type", Ty::Str), opt("sessionId", Ty::Str)],
    },
    family("MonitoringEvent", "Event", &[opt("projectId", Ty::Str), opt("timestamp", Ty::Int), opt("reason", Ty::Str)]),
    family("SessionEvent", "MonitoringEvent", &[]),
    event("SessionCreated", "SessionEvent", "sessionCreated", &[]),
    event("SessionDestroyed", "SessionEvent", "sessionDestroyed", &[]),
    event("SessionNotification", "SessionEvent", "sessionNotification", &[]),
    family("ConnectionEvent", "MonitoringEvent", &[req("connection", Ty::Class(CONNECTION_INFO))]),
    event("ConnectionCreated", "ConnectionEvent", "connectionCreated", &[]),
    event("ConnectionDestroyed", "ConnectionEvent", "connectionDestroyed", &[]),
    family("StreamEvent", "MonitoringEvent", &[req("stream", Ty::Class(STREAM_INFO))]),
    event("StreamCreated", "StreamEvent", "streamCreated", &[]),
    event("StreamDestroyed", "StreamEvent", "streamDestroyed", &[]),
    family("CallEvent", "MonitoringEvent", &[req("call", Ty::Class(CALL_INFO))]),
    event("CallCreated", "CallEvent", "callCreated", &[]),
    event("CallUpdated", "CallEvent", "callUpdated", &[]),
    event("CallDestroyed", "CallEvent", "callDestroyed", &[]),
    family("StatusEvent", "Event", &[req("status", Ty::Str)]),
    event("ArchiveChanged", "StatusEvent", "archive", &[req("archive", Ty::Class("OpenTok\\Archive"))]),
    event("BroadcastChanged", "StatusEvent", "broadcast", &[req("broadcast", Ty::Class("OpenTok\\Broadcast"))]),
    event(
        "CaptionsChanged",
        "StatusEvent",
        "captions",
        &[
            req("captionId", Ty::Str),
            opt("applicationId", Ty::Str),
            opt("projectId", Ty::Str),
            opt("createdAt", Ty::Int),
            opt("updatedAt", Ty::Int),
            opt("duration", Ty::Int),
            opt("languageCode", Ty::Str),
            opt("provider", Ty::Str),
            opt("reason", Ty::Str),
        ],
    ),
    event("RenderChanged", "StatusEvent", "render", &[req("render", Ty::Class("OpenTok\\Render"))]),
    event("Unknown", "Event", "unknown", &[req("raw", Ty::Str)]),
];

fn full(short: &str) -> String {
    format!("{NS}{short}")
}

fn find_class(short: &str) -> Option<&'static Class> {
    CLASSES.iter().find(|c| c.name == short)
}

/// The zend type of a property.
fn zend_type_of(ty: Ty, nullable: bool) -> zend_type {
    let null = if nullable { 1 << IS_NULL } else { 0 };
    match ty {
        Ty::Str => zend_type { ptr: std::ptr::null_mut(), type_mask: (1 << IS_STRING) | null },
        Ty::Int => zend_type { ptr: std::ptr::null_mut(), type_mask: (1 << IS_LONG) | null },
        Ty::Class(name) => {
            // Interned strings live until the engine shuts down, as the class table does.
            let name = ZendStr::new_interned(name, true).into_raw();
            zend_type { ptr: name.cast(), type_mask: TYPE_NAME_BIT | null }
        }
    }
}

/// Declares `prop` on `ce`: public, readonly, typed, uninitialized until the parser sets it.
fn declare(ce: &'static ClassEntry, prop: &Prop) {
    let Prop(name, ty, nullable) = *prop;
    let name = ZendStr::new_interned(name, true).into_raw();
    let mut undef = Zval::new();
    // IS_UNDEF: a readonly property has no default.
    undef.u1.type_info = 0;
    // SAFETY: called at module startup on a class this module just registered; the name is an
    // interned string and the default an undefined (not refcounted) zval, as the engine requires.
    unsafe {
        zend_declare_typed_property(
            ce as *const ClassEntry as *mut zend_class_entry,
            name,
            &raw mut undef,
            ACC_PUBLIC_READONLY,
            std::ptr::null_mut(),
            zend_type_of(ty, nullable),
        );
    }
}

/// Registers the event classes (called at module startup, after the model classes).
pub fn register_classes() -> ext_php_rs::error::Result<()> {
    for c in CLASSES {
        let parent = c.parent.map(|p| class(&full(p)));
        let flags = if c.abstract_class { ClassFlags::Abstract } else { ClassFlags::Final | ClassFlags::NoDynamicProperties };
        let mut failed = None;
        let ce = register(
            &full(c.name),
            |b| {
                let b = b.flags(flags);
                match c.type_name {
                    Some(t) => b.constant("TYPE", t, &[], ConstantFlags::Public).unwrap_or_else(|e| {
                        failed = Some(e);
                        ClassBuilder::new(format!("{}__failed", full(c.name)))
                    }),
                    None => b,
                }
            },
            parent,
            &[],
        )?;
        if let Some(e) = failed {
            return Err(e);
        }
        for p in c.props {
            declare(ce, p);
        }
    }
    Ok(())
}

/// The class that declares property `name` for class `short` (itself or a parent).
fn declaring_class(short: &str, name: &str) -> Option<&'static str> {
    let mut c = find_class(short)?;
    loop {
        if c.props.iter().any(|p| p.0 == name) {
            return Some(c.name);
        }
        c = find_class(c.parent?)?;
    }
}

/// An object of one of this module's final classes being filled.
struct Obj {
    short: &'static str,
    obj: ZBox<ZendObject>,
}

fn php_error(e: impl std::fmt::Display) -> PhpException {
    PhpException::from(e.to_string())
}

impl Obj {
    fn new(short: &'static str) -> Obj {
        Obj { short, obj: ZendObject::new(class(&full(short))) }
    }

    /// Initializes readonly property `name`: the engine allows that only from the declaring
    /// class's scope, so the write runs with that class as the (fake) scope.
    fn set(&mut self, name: &str, value: impl IntoZval) -> Result<(), PhpException> {
        let owner =
            declaring_class(self.short, name).ok_or_else(|| php_error(format!("{}{} has no property {name}", NS, self.short)))?;
        let scope = class(&full(owner)) as *const zend_class_entry as *mut zend_class_entry;
        let previous = std::mem::replace(&mut ExecutorGlobals::get_mut().fake_scope, scope);
        let result = self.obj.set_property(name, value);
        ExecutorGlobals::get_mut().fake_scope = previous;
        result.map_err(php_error)
    }

    fn into_zval(self) -> Result<Zval, PhpException> {
        self.obj.into_zval(false).map_err(php_error)
    }
}

/// The final class of each variant of the core's event.
fn class_of(event: &Event) -> &'static str {
    match event {
        Event::SessionCreated { .. } => "SessionCreated",
        Event::SessionDestroyed { .. } => "SessionDestroyed",
        Event::SessionNotification { .. } => "SessionNotification",
        Event::ConnectionCreated { .. } => "ConnectionCreated",
        Event::ConnectionDestroyed { .. } => "ConnectionDestroyed",
        Event::StreamCreated { .. } => "StreamCreated",
        Event::StreamDestroyed { .. } => "StreamDestroyed",
        Event::CallCreated { .. } => "CallCreated",
        Event::CallUpdated { .. } => "CallUpdated",
        Event::CallDestroyed { .. } => "CallDestroyed",
        Event::ArchiveChanged { .. } => "ArchiveChanged",
        Event::BroadcastChanged { .. } => "BroadcastChanged",
        Event::CaptionsChanged { .. } => "CaptionsChanged",
        Event::RenderChanged { .. } => "RenderChanged",
        Event::Unknown { .. } => "Unknown",
    }
}

/// `projectId`, `timestamp` and `reason` (the session id is the event's `sessionId`).
fn monitoring(o: &mut Obj, project_id: Option<String>, timestamp: Option<i64>, reason: Option<String>) -> PhpResult<()> {
    o.set("projectId", project_id)?;
    o.set("timestamp", timestamp)?;
    o.set("reason", reason)
}

fn connection_info(info: ConnectionInfo) -> PhpResult<Zval> {
    let ConnectionInfo { id, created_at, data } = info;
    let mut o = Obj::new("ConnectionInfo");
    o.set("id", id)?;
    o.set("createdAt", created_at)?;
    o.set("data", data)?;
    o.into_zval()
}

fn stream_info(info: StreamInfo) -> PhpResult<Zval> {
    let StreamInfo { id, connection, created_at, name, video_type } = info;
    let mut o = Obj::new("StreamInfo");
    o.set("id", id)?;
    o.set("connection", connection.map(connection_info).transpose()?)?;
    o.set("createdAt", created_at)?;
    o.set("name", name)?;
    o.set("videoType", video_type)?;
    o.into_zval()
}

fn call_info(info: CallInfo) -> PhpResult<Zval> {
    let CallInfo { id, connection_id, stream_id, created_at, sip_uri, state } = info;
    let mut o = Obj::new("CallInfo");
    o.set("id", id)?;
    o.set("connectionId", connection_id)?;
    o.set("streamId", stream_id)?;
    o.set("createdAt", created_at)?;
    o.set("sipUri", sip_uri)?;
    o.set("state", state)?;
    o.into_zval()
}

/// The PHP object of the core's `event`.
pub fn to_php(event: Event) -> PhpResult<Zval> {
    let mut o = Obj::new(class_of(&event));
    o.set("type", event.name())?;
    o.set("sessionId", event.session_id())?;
    match event {
        Event::SessionCreated { event } | Event::SessionDestroyed { event } | Event::SessionNotification { event } => {
            let SessionEvent { session_id: _, project_id, timestamp, reason } = event;
            monitoring(&mut o, project_id, timestamp, reason)?;
        }
        Event::ConnectionCreated { event } | Event::ConnectionDestroyed { event } => {
            let ConnectionEvent { session_id: _, project_id, timestamp, reason, connection } = event;
            monitoring(&mut o, project_id, timestamp, reason)?;
            o.set("connection", connection_info(connection)?)?;
        }
        Event::StreamCreated { event } | Event::StreamDestroyed { event } => {
            let StreamEvent { session_id: _, project_id, timestamp, reason, stream } = event;
            monitoring(&mut o, project_id, timestamp, reason)?;
            o.set("stream", stream_info(stream)?)?;
        }
        Event::CallCreated { event } | Event::CallUpdated { event } | Event::CallDestroyed { event } => {
            let CallEvent { session_id: _, project_id, timestamp, reason, call } = event;
            monitoring(&mut o, project_id, timestamp, reason)?;
            o.set("call", call_info(call)?)?;
        }
        Event::ArchiveChanged { event } => {
            let ArchiveEvent { status, archive } = event;
            o.set("status", status)?;
            o.set("archive", from_model("OpenTok\\Archive", &archive)?)?;
        }
        Event::BroadcastChanged { event } => {
            let BroadcastEvent { status, broadcast } = event;
            o.set("status", status)?;
            o.set("broadcast", from_model("OpenTok\\Broadcast", &broadcast)?)?;
        }
        Event::RenderChanged { event } => {
            let RenderEvent { status, render } = event;
            o.set("status", status)?;
            o.set("render", from_model("OpenTok\\Render", &render)?)?;
        }
        Event::CaptionsChanged { event } => {
            let CaptionsEvent {
                caption_id,
                session_id: _,
                application_id,
                project_id,
                status,
                created_at,
                updated_at,
                duration,
                language_code,
                provider,
                reason,
            } = event;
            o.set("status", status)?;
            o.set("captionId", caption_id)?;
            o.set("applicationId", application_id)?;
            o.set("projectId", project_id)?;
            o.set("createdAt", created_at)?;
            o.set("updatedAt", updated_at)?;
            o.set("duration", duration)?;
            o.set("languageCode", language_code)?;
            o.set("provider", provider)?;
            o.set("reason", reason)?;
        }
        Event::Unknown { raw } => o.set("raw", raw)?,
    }
    o.into_zval()
}

/// `OpenTok\Events`: the webhook parser.
#[php_class]
#[php(name = "OpenTok\\Events")]
pub struct Events;

#[php_impl]
impl Events {
    /// Reads a webhook body (the request body as a string, or the already decoded array) into
    /// its `OpenTok\Event\...` object. An event the core does not know (or a known one without
    /// its ids) is an `OpenTok\Event\Unknown` holding the body; only a string that is not JSON,
    /// or an argument that is neither a string nor an array, is an `InvalidArgumentException`.
    pub fn parse(body: &Zval) -> PhpResult<Zval> {
        let body = body.dereference();
        let event = if let Some(text) = body.zend_str() {
            opentok::parse_event(text.as_bytes()).or_throw()?
        } else if body.is_array() {
            Event::from_value(to_json("body", body).or_throw()?)
        } else {
            return Err(invalid("body", "must be a string (the request body) or an array (the decoded body)", Shown(body)));
        };
        to_php(event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_name_has_one_final_class() {
        let mut names: Vec<&str> = CLASSES.iter().filter_map(|c| c.type_name).collect();
        names.sort_unstable();
        let mut core: Vec<&str> = opentok::EVENT_NAMES.to_vec();
        core.sort_unstable();
        assert_eq!(names, core);
    }

    #[test]
    fn parents_come_first_and_no_property_is_declared_twice() {
        for (i, c) in CLASSES.iter().enumerate() {
            if let Some(p) = c.parent {
                let at = CLASSES.iter().position(|x| x.name == p).unwrap_or(usize::MAX);
                assert!(at < i, "{} before its parent {p}", c.name);
                assert!(find_class(p).is_some_and(|x| x.abstract_class), "{p} is abstract");
            }
            for prop in c.props {
                let inherited = c.parent.and_then(|p| declaring_class(p, prop.0));
                assert_eq!(inherited, None, "{}::{} is declared by a parent too", c.name, prop.0);
            }
        }
    }
}
