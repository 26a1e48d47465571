//! The official exception tree under `OpenTok\Exception\`, registered at module startup, and the
//! one table that maps the core's [`opentok::Error`] onto it.
//!
//! Every thrown exception carries the core's facts as public properties: `kind` (the core's
//! error kind, e.g. `not_found`), `httpStatus`, `apiCode`, `retryable` and `field` (the argument
//! an invalid-argument error names). Its message is the core's `Display`, which never holds a
//! secret; its code is the HTTP status (0 when there was no answer).

use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::builders::ClassProperty;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpException;
use ext_php_rs::flags::{ClassFlags, PropertyFlags};
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::ClassEntry;
use opentok::{Error, ErrorKind};

use crate::registry::{class, register};

extern "C" {
    static spl_ce_InvalidArgumentException: *mut ClassEntry;
    static spl_ce_DomainException: *mut ClassEntry;
    static spl_ce_UnexpectedValueException: *mut ClassEntry;
    static spl_ce_RuntimeException: *mut ClassEntry;
}

/// Which official family an operation's errors belong to (`startArchive` throws
/// `ArchiveDomainException`, `signal` throws `SignalConnectionException`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Every other operation: the plain classes.
    General,
    /// Archive operations.
    Archive,
    /// Broadcast operations.
    Broadcast,
    /// `forceDisconnect`.
    ForceDisconnect,
    /// `signal`.
    Signal,
}

const NS: &str = "OpenTok\\Exception\\";

/// The facts every exception of this extension carries, declared on the roots of the tree.
fn facts(b: ClassBuilder) -> ClassBuilder {
    let prop = |name: &str, default: fn() -> Zval| ClassProperty {
        name: name.into(),
        flags: PropertyFlags::Public,
        default: Some(Box::new(move || Ok(default()))),
        docs: &[],
        ty: None,
        nullable: true,
        readonly: false,
        default_stub: None,
    };
    let mut f = Zval::new();
    f.set_bool(false);
    b.property(prop("kind", Zval::null))
        .property(prop("httpStatus", Zval::null))
        .property(prop("apiCode", Zval::null))
        .property(prop("retryable", || {
            let mut z = Zval::new();
            z.set_bool(false);
            z
        }))
        .property(prop("field", Zval::null))
}

/// Registers the interfaces and classes of the official tree (called at module startup).
pub fn register_classes() -> ext_php_rs::error::Result<()> {
    // SAFETY: the SPL statics are set before any extension's startup runs (SPL is always built in).
    let spl = |p: *mut ClassEntry| unsafe { p.as_ref() }.ok_or(ext_php_rs::error::Error::InvalidPointer);
    let (spl_invalid, spl_domain, spl_unexpected, spl_runtime) = unsafe {
        (
            spl(spl_ce_InvalidArgumentException)?,
            spl(spl_ce_DomainException)?,
            spl(spl_ce_UnexpectedValueException)?,
            spl(spl_ce_RuntimeException)?,
        )
    };
    let iface = |name: &str| register(&format!("{NS}{name}"), |b| b.flags(ClassFlags::Interface), None, &[]);
    let base = iface("Exception")?;
    let mut families = Vec::new();
    for f in ["Archive", "Broadcast", "ForceDisconnect", "Signal"] {
        families.push((f, iface(&format!("{f}Exception"))?));
    }
    let invalid = register(&format!("{NS}InvalidArgumentException"), facts, Some(spl_invalid), &[base])?;
    let domain = register(&format!("{NS}DomainException"), facts, Some(spl_domain), &[base])?;
    let unexpected = register(&format!("{NS}UnexpectedValueException"), facts, Some(spl_unexpected), &[base])?;
    let auth = register(&format!("{NS}AuthenticationException"), |b| b, Some(domain), &[base])?;
    let _ = invalid;
    for (f, family) in families {
        let sub = |suffix: &str, parent: &'static ClassEntry| {
            register(&format!("{NS}{f}{suffix}"), |b| b, Some(parent), &[family]).map(|_| ())
        };
        sub("AuthenticationException", auth)?;
        sub("UnexpectedValueException", unexpected)?;
        match f {
            "Archive" | "Broadcast" => sub("DomainException", domain)?,
            "ForceDisconnect" => sub("ConnectionException", domain)?,
            _ => {
                sub("ConnectionException", domain)?;
                register(&format!("{NS}SignalNetworkConnectionException"), facts, Some(spl_runtime), &[base, family])?;
            }
        }
    }
    Ok(())
}

/// The official class (short name) for an error of `kind` (HTTP `status`) in `family`.
pub fn class_name(kind: ErrorKind, status: Option<u16>, family: Family) -> String {
    use ErrorKind as K;
    let prefix = match family {
        Family::General => "",
        Family::Archive => "Archive",
        Family::Broadcast => "Broadcast",
        Family::ForceDisconnect => "ForceDisconnect",
        Family::Signal => "Signal",
    };
    let suffix = match kind {
        K::InvalidArgument | K::InvalidToken => return "InvalidArgumentException".into(),
        K::Authentication | K::ClockSkew => "AuthenticationException",
        K::Request | K::NotFound | K::Conflict | K::PayloadTooLarge | K::RateLimited => match family {
            Family::Signal | Family::ForceDisconnect if status == Some(404) => "ConnectionException",
            Family::Signal | Family::ForceDisconnect => "UnexpectedValueException",
            _ => "DomainException",
        },
        K::Timeout | K::Connect if family == Family::Signal => "NetworkConnectionException",
        _ => "UnexpectedValueException",
    };
    format!("{prefix}{suffix}")
}

/// Builds the exception for `err`, thrown when the method returns it.
pub fn exception(err: &Error, family: Family) -> PhpException {
    let short = class_name(err.kind(), err.status(), family);
    let ce = class(&format!("{NS}{short}"));
    let message = err.to_string();
    let code = err.status().map(i32::from).unwrap_or(0);
    match build(ce, &message, code, err) {
        Some(obj) => PhpException::new(message, code, ce).with_object(obj),
        None => PhpException::new(message, code, ce),
    }
}

fn build(ce: &'static ClassEntry, message: &str, code: i32, err: &Error) -> Option<Zval> {
    let mut obj = ZendObject::new(ce);
    let msg = message.to_string();
    let code_long = i64::from(code);
    obj.try_call_method("__construct", vec![&msg, &code_long]).ok()?;
    obj.set_property("kind", err.kind().as_str()).ok()?;
    obj.set_property("httpStatus", err.status().map(i64::from)).ok()?;
    obj.set_property("apiCode", err.code()).ok()?;
    obj.set_property("retryable", err.is_retryable()).ok()?;
    obj.set_property("field", err.field().map(str::to_string)).ok()?;
    obj.into_zval(false).ok()
}

/// An invalid-argument exception in the core's wording (field, rule, value).
pub fn invalid(field: &str, rule: &str, value: impl std::fmt::Debug) -> PhpException {
    exception(&Error::invalid(field, rule, value), Family::General)
}

/// Maps `opentok::Result<T>` errors into the family's exception.
pub trait OrThrow<T> {
    /// The error as the general family's exception.
    fn or_throw(self) -> Result<T, PhpException>;
    /// The error as `family`'s exception.
    fn or_throw_in(self, family: Family) -> Result<T, PhpException>;
}

impl<T> OrThrow<T> for opentok::Result<T> {
    fn or_throw(self) -> Result<T, PhpException> {
        self.map_err(|e| exception(&e, Family::General))
    }
    fn or_throw_in(self, family: Family) -> Result<T, PhpException> {
        self.map_err(|e| exception(&e, family))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_official_class_for_each_failure() {
        use ErrorKind as K;
        let cases = [
            (K::InvalidArgument, None, Family::Archive, "InvalidArgumentException"),
            (K::InvalidToken, None, Family::General, "InvalidArgumentException"),
            (K::Authentication, Some(403), Family::General, "AuthenticationException"),
            (K::Authentication, Some(401), Family::Signal, "SignalAuthenticationException"),
            (K::ClockSkew, Some(401), Family::Archive, "ArchiveAuthenticationException"),
            (K::NotFound, Some(404), Family::General, "DomainException"),
            (K::NotFound, Some(404), Family::Broadcast, "BroadcastDomainException"),
            (K::NotFound, Some(404), Family::ForceDisconnect, "ForceDisconnectConnectionException"),
            (K::NotFound, Some(404), Family::Signal, "SignalConnectionException"),
            (K::Request, Some(400), Family::Signal, "SignalUnexpectedValueException"),
            (K::PayloadTooLarge, Some(413), Family::Signal, "SignalUnexpectedValueException"),
            (K::Request, Some(400), Family::ForceDisconnect, "ForceDisconnectUnexpectedValueException"),
            (K::Conflict, Some(409), Family::Archive, "ArchiveDomainException"),
            (K::RateLimited, Some(429), Family::General, "DomainException"),
            (K::Server, Some(500), Family::General, "UnexpectedValueException"),
            (K::Server, Some(503), Family::Archive, "ArchiveUnexpectedValueException"),
            (K::InvalidResponse, Some(200), Family::Broadcast, "BroadcastUnexpectedValueException"),
            (K::Connect, None, Family::Signal, "SignalNetworkConnectionException"),
            (K::Timeout, None, Family::Signal, "SignalNetworkConnectionException"),
            (K::Timeout, None, Family::General, "UnexpectedValueException"),
            (K::Connect, None, Family::ForceDisconnect, "ForceDisconnectUnexpectedValueException"),
        ];
        for (kind, status, family, class) in cases {
            assert_eq!(class_name(kind, status, family), class, "{kind:?} {status:?} {family:?}");
        }
    }
}
