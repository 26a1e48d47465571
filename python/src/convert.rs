//! Argument shapes: turns the Python values the official SDK accepts (enum members, strings,
//! ints, datetimes, lists) into the core's option types. No OpenTok rule lives here: strings are
//! parsed and limits are checked by the core.

use std::time::Duration;

use opentok::{ArchiveMode, Expiry, MediaMode, Role, TokenFormat, TokenOptions};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDateTime, PyDelta, PyDeltaAccess, PyFloat, PyInt, PyString};

use crate::error::{invalid, IntoPyResult};

/// The text of an enum-like argument: a `str`, or an `Enum` member's `.value`, else `str(obj)`.
fn enum_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if let Ok(v) = obj.getattr(pyo3::intern!(obj.py(), "value")) {
        if let Ok(s) = v.cast::<PyString>() {
            return Ok(s.to_cow()?.into_owned());
        }
    }
    Ok(obj.str()?.to_cow()?.into_owned())
}

/// `role=`: a `Roles` member or a role name.
pub fn role(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Role> {
    match obj {
        None => Ok(Role::default()),
        Some(o) if o.is_none() => Ok(Role::default()),
        Some(o) => enum_text(o)?.parse::<Role>().py_err(py),
    }
}

/// `media_mode=`: a `MediaModes` member or `"routed"`/`"relayed"`/`"enabled"`/`"disabled"`.
pub fn media_mode(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<MediaMode> {
    match obj {
        None => Ok(MediaMode::default()),
        Some(o) if o.is_none() => Ok(MediaMode::default()),
        Some(o) => enum_text(o)?.parse::<MediaMode>().py_err(py),
    }
}

/// `archive_mode=`: an `ArchiveModes` member or `"manual"`/`"always"`.
pub fn archive_mode(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<ArchiveMode> {
    match obj {
        None => Ok(ArchiveMode::default()),
        Some(o) if o.is_none() => Ok(ArchiveMode::default()),
        Some(o) => enum_text(o)?.parse::<ArchiveMode>().py_err(py),
    }
}

/// The text of a `str` argument; a string Rust cannot hold (a lone surrogate such as `"\\ud800"`)
/// is an invalid argument naming `field`, not a bare `UnicodeEncodeError`.
pub fn text<'a>(py: Python<'_>, field: &str, s: &'a Bound<'_, PyString>) -> PyResult<std::borrow::Cow<'a, str>> {
    s.to_cow().map_err(|_| {
        crate::error::to_py(py, opentok::Error::invalid(field, UNICODE_RULE, crate::error::Shown(shown(s.as_any()))))
    })
}

/// The rule a `str` with a lone surrogate breaks.
pub const UNICODE_RULE: &str = "must be valid Unicode text (no lone surrogates)";

/// An optional string argument; anything but `str`/`None` is an invalid argument naming `field`.
pub fn opt_string(py: Python<'_>, field: &str, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    match obj {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => match o.cast::<PyString>() {
            Ok(s) => Ok(Some(text(py, field, s)?.into_owned())),
            Err(_) => Err(invalid(py, field, "must be a string", o)),
        },
    }
}

static TIMEGM: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `expire_time=`: `None`, unix seconds as `int`/`float`/numeric `str`, an aware or naive (UTC)
/// `datetime`, or a `timedelta` lifetime counted from now.
pub fn expiry(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Expiry>> {
    let Some(o) = obj else { return Ok(None) };
    if o.is_none() {
        return Ok(None);
    }
    if o.is_instance_of::<PyBool>() {
        return Err(invalid(py, "expire_time", "must be a time in unix seconds, a datetime or a timedelta", o));
    }
    if o.is_instance_of::<PyInt>() {
        return match o.extract::<i64>() {
            Ok(v) => Ok(Some(Expiry::At(v))),
            Err(_) => Err(invalid(py, "expire_time", "must be a time in unix seconds", o)),
        };
    }
    if let Ok(f) = o.cast::<PyFloat>() {
        return Expiry::from_unix_f64(f.value()).map(Some).py_err(py);
    }
    if let Ok(s) = o.cast::<PyString>() {
        return Expiry::parse(&text(py, "expire_time", s)?).map(Some).py_err(py);
    }
    if o.is_instance_of::<PyDateTime>() {
        // calendar.timegm(dt.utctimetuple()): naive datetimes are UTC, aware ones are converted
        // (the official SDK's reading).
        let timegm = TIMEGM.get_or_try_init(py, || Ok::<_, PyErr>(py.import("calendar")?.getattr("timegm")?.unbind()))?;
        let tuple = o.call_method0("utctimetuple")?;
        let secs: i64 = timegm.bind(py).call1((tuple,))?.extract()?;
        return Ok(Some(Expiry::At(secs)));
    }
    if let Ok(d) = o.cast::<PyDelta>() {
        let secs = d.get_days() as i64 * 86_400 + d.get_seconds() as i64;
        if secs < 0 {
            return Err(invalid(py, "expire_time", "a timedelta lifetime must not be negative", o));
        }
        return Ok(Some(Expiry::In(Duration::from_secs(secs as u64))));
    }
    // Anything else (Decimal, numpy ints...): its text, parsed by the core's rule.
    Expiry::parse(&o.str()?.to_cow()?).map(Some).py_err(py)
}

/// `initial_layout_class_list=`: a list (any iterable but `str`) of strings.
pub fn layout_classes(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let Some(o) = obj else { return Ok(Vec::new()) };
    if o.is_none() {
        return Ok(Vec::new());
    }
    if o.is_instance_of::<PyString>() {
        return Err(invalid(py, "initial_layout_class_list", "must be a list of strings, not a string", o));
    }
    let iter = o.try_iter().map_err(|_| invalid(py, "initial_layout_class_list", "must be a list of strings", o))?;
    let mut out = Vec::new();
    for item in iter {
        let item = item?;
        match item.cast::<PyString>() {
            Ok(s) => out.push(text(py, "initial_layout_class_list", s)?.into_owned()),
            Err(_) => return Err(invalid(py, "initial_layout_class_list", "every item must be a string", &item)),
        }
    }
    Ok(out)
}

/// The `generate_token` arguments as Python gave them (see [`generate_token_method!`]).
pub struct TokenArgs<'a, 'py> {
    pub role: Option<&'a Bound<'py, PyAny>>,
    pub expire_time: Option<&'a Bound<'py, PyAny>>,
    pub data: Option<&'a Bound<'py, PyAny>>,
    pub initial_layout_class_list: Option<&'a Bound<'py, PyAny>>,
    pub use_jwt: bool,
}

impl TokenArgs<'_, '_> {
    /// The core's token options.
    pub fn options(&self, py: Python<'_>) -> PyResult<TokenOptions> {
        Ok(TokenOptions {
            role: role(py, self.role)?,
            expire: expiry(py, self.expire_time)?,
            // The official SDK drops empty data (`if data:`); so do we.
            data: opt_string(py, "data", self.data)?.filter(|d| !d.is_empty()),
            initial_layout_class_list: layout_classes(py, self.initial_layout_class_list)?,
            format: if self.use_jwt { TokenFormat::Jwt } else { TokenFormat::T1 },
        })
    }
}

/// Declares a pyclass's `generate_token`: its own leading arguments, then the token arguments
/// (`role=None, expire_time=None, data=None, initial_layout_class_list=None, use_jwt=True`),
/// which the body gets together as a [`TokenArgs`]. (`#[pymethods]` does not expand macros, so
/// this writes a whole `#[pymethods]` block; the crate enables pyo3's `multiple-pymethods`.)
macro_rules! generate_token_method {
    (
        impl $ty:ty {
            $(#[$meta:meta])*
            fn generate_token(&$this:ident, $py:ident: Python<'_>, $($lead:ident: $lty:ty,)* ..$args:ident) $body:block
        }
    ) => {
        #[pymethods]
        impl $ty {
            $(#[$meta])*
            #[pyo3(signature = ($($lead,)* role=None, expire_time=None, data=None, initial_layout_class_list=None, use_jwt=true))]
            #[allow(clippy::too_many_arguments)]
            fn generate_token(
                &$this,
                $py: Python<'_>,
                $($lead: $lty,)*
                role: Option<&Bound<'_, PyAny>>,
                expire_time: Option<&Bound<'_, PyAny>>,
                data: Option<&Bound<'_, PyAny>>,
                initial_layout_class_list: Option<&Bound<'_, PyAny>>,
                use_jwt: bool,
            ) -> PyResult<String> {
                let $args = $crate::convert::TokenArgs { role, expire_time, data, initial_layout_class_list, use_jwt };
                $body
            }
        }
    };
}
pub(crate) use generate_token_method;

/// How deep an argument may nest (dicts and lists inside each other) before it is refused:
/// deeper values are almost surely a mistake, and the walk must not exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// Why a Python value could not become JSON: a rule it broke (an invalid-argument error naming
/// the field, the rule and the value) or a Python exception raised while reading it.
pub enum Failure {
    /// The value broke a rule; the field path is complete.
    Rule(opentok::Error),
    /// Python raised while the value was read.
    Python(PyErr),
}

impl From<PyErr> for Failure {
    fn from(e: PyErr) -> Failure {
        Failure::Python(e)
    }
}

/// Where a bad value sits, built only when there is one: the keys and indexes from the bad value
/// up to the argument (innermost first).
struct Bad<'py> {
    rule: &'static str,
    value: Bound<'py, PyAny>,
    path: Vec<String>,
}

enum Walk<'py> {
    Bad(Bad<'py>),
    Python(PyErr),
}

impl From<PyErr> for Walk<'_> {
    fn from(e: PyErr) -> Self {
        Walk::Python(e)
    }
}

impl Walk<'_> {
    /// Adds the key or index under which the failing value was found.
    fn under(mut self, step: impl FnOnce() -> String) -> Self {
        if let Walk::Bad(b) = &mut self {
            b.path.push(step());
        }
        self
    }
}

fn bad<'py, T>(rule: &'static str, value: &Bound<'py, PyAny>) -> Result<T, Walk<'py>> {
    Err(Walk::Bad(Bad { rule, value: value.clone(), path: Vec::new() }))
}

/// A Python value as JSON for the core's `from_json` readers: `None`, `bool`, `int`, `float`,
/// `str`, mappings with string keys, lists/tuples, and `Enum` members (their `.value`). Anything
/// else, a value that contains itself, or one nested deeper than [`MAX_DEPTH`] is an invalid
/// argument naming where it sits (`field` for the argument itself, else the keys inside it).
pub fn to_json(field: &str, obj: &Bound<'_, PyAny>) -> Result<serde_json::Value, Failure> {
    let mut open = Vec::new();
    walk(obj, &mut open).map_err(|w| match w {
        Walk::Python(e) => Failure::Python(e),
        Walk::Bad(b) => {
            let path = if b.path.is_empty() {
                field.to_owned()
            } else {
                b.path.iter().rev().fold(String::new(), |mut acc, step| {
                    if !acc.is_empty() && !step.starts_with('[') {
                        acc.push('.');
                    }
                    acc.push_str(step);
                    acc
                })
            };
            Failure::Rule(opentok::Error::invalid(path, b.rule, crate::error::Shown(shown(&b.value))))
        }
    })
}

/// A short repr of a refused value (a cyclic or very deep one included).
fn shown(value: &Bound<'_, PyAny>) -> String {
    let text = match value.repr() {
        Ok(r) => r.to_string(),
        Err(_) => format!("<{} object>", value.get_type().name().map(|n| n.to_string()).unwrap_or_default()),
    };
    if text.chars().count() > 80 {
        let cut: String = text.chars().take(77).collect();
        format!("{cut}...")
    } else {
        text
    }
}

/// Converts `obj`; `open` holds the addresses of the containers being converted around it (for
/// cycle detection), so its length is the nesting depth.
fn walk<'py>(obj: &Bound<'py, PyAny>, open: &mut Vec<usize>) -> Result<serde_json::Value, Walk<'py>> {
    use pyo3::types::{PyDict, PyList, PyTuple};
    use serde_json::Value;
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(v) = obj.extract::<i64>() {
            return Ok(Value::from(v));
        }
        if let Ok(v) = obj.extract::<u64>() {
            return Ok(Value::from(v));
        }
        return bad("is too large a number", obj);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return match serde_json::Number::from_f64(f.value()) {
            Some(n) => Ok(Value::Number(n)),
            None => bad("must be a finite number", obj),
        };
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return match s.to_cow() {
            Ok(t) => Ok(Value::String(t.into_owned())),
            Err(_) => bad(UNICODE_RULE, obj),
        };
    }
    let is_dict = obj.is_instance_of::<PyDict>();
    if is_dict || obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let address = obj.as_ptr() as usize;
        if open.contains(&address) {
            return bad("must not contain itself", obj);
        }
        if open.len() >= MAX_DEPTH {
            return bad("nests deeper than 64 levels of dicts and lists", obj);
        }
        open.push(address);
        let out = if is_dict { walk_dict(obj.cast::<PyDict>().map_err(PyErr::from)?, open) } else { walk_list(obj, open) };
        open.pop();
        return out;
    }
    if let Ok(v) = obj.getattr(pyo3::intern!(obj.py(), "value")) {
        // an Enum member (OutputModes.composed, StreamModes.manual, ...)
        if obj.get_type().getattr("__members__").is_ok() {
            return walk(&v, open);
        }
    }
    if let Ok(m) = obj.cast::<pyo3::types::PyMapping>() {
        // another mapping: read as the dict it converts to, at the same depth as a dict
        let d = PyDict::new(obj.py());
        d.update(m)?;
        return walk(&d, open);
    }
    bad("must be None, a bool, a number, a string, a list or a dict", obj)
}

fn walk_dict<'py>(d: &Bound<'py, pyo3::types::PyDict>, open: &mut Vec<usize>) -> Result<serde_json::Value, Walk<'py>> {
    let mut map = serde_json::Map::new();
    for (k, v) in d.iter() {
        let key = match k.cast::<PyString>() {
            Ok(s) => match s.to_cow() {
                Ok(t) => t.into_owned(),
                Err(_) => return bad(UNICODE_RULE, &k),
            },
            Err(_) => return bad("keys must be strings", &k),
        };
        let value = walk(&v, open).map_err(|w| w.under(|| key.clone()))?;
        map.insert(key, value);
    }
    Ok(serde_json::Value::Object(map))
}

fn walk_list<'py>(list: &Bound<'py, PyAny>, open: &mut Vec<usize>) -> Result<serde_json::Value, Walk<'py>> {
    let mut out = Vec::new();
    for (i, item) in list.try_iter()?.enumerate() {
        out.push(walk(&item?, open).map_err(|w| w.under(|| format!("[{i}]")))?);
    }
    Ok(serde_json::Value::Array(out))
}
