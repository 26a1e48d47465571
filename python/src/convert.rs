//! Argument shapes: turns the Python values the official SDK accepts (enum members, strings,
//! ints, datetimes, lists) into the core's option types. No OpenTok rule lives here: strings are
//! parsed and limits are checked by the core.

use std::time::Duration;

use opentok::{ArchiveMode, ArchiveResolution, Expiry, MediaMode, Role, SessionOptions, TokenFormat, TokenOptions};
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

/// An optional string argument; anything but `str`/`None` is an invalid argument naming `field`.
pub fn opt_string(py: Python<'_>, field: &str, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    match obj {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => match o.cast::<PyString>() {
            Ok(s) => Ok(Some(s.to_cow()?.into_owned())),
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
        return Expiry::parse(&s.to_cow()?).map(Some).py_err(py);
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
            Ok(s) => out.push(s.to_cow()?.into_owned()),
            Err(_) => return Err(invalid(py, "initial_layout_class_list", "every item must be a string", &item)),
        }
    }
    Ok(out)
}

/// All `generate_token` arguments.
pub fn token_options(
    py: Python<'_>,
    role_obj: Option<&Bound<'_, PyAny>>,
    expire_time: Option<&Bound<'_, PyAny>>,
    data: Option<&Bound<'_, PyAny>>,
    initial_layout_class_list: Option<&Bound<'_, PyAny>>,
    use_jwt: bool,
) -> PyResult<TokenOptions> {
    Ok(TokenOptions {
        role: role(py, role_obj)?,
        expire: expiry(py, expire_time)?,
        // The official SDK drops empty data (`if data:`); so do we.
        data: opt_string(py, "data", data)?.filter(|d| !d.is_empty()),
        initial_layout_class_list: layout_classes(py, initial_layout_class_list)?,
        format: if use_jwt { TokenFormat::Jwt } else { TokenFormat::T1 },
    })
}

/// All `create_session` arguments.
pub fn session_options(
    py: Python<'_>,
    location: Option<&Bound<'_, PyAny>>,
    media_mode_obj: Option<&Bound<'_, PyAny>>,
    archive_mode_obj: Option<&Bound<'_, PyAny>>,
    archive_name: Option<&Bound<'_, PyAny>>,
    archive_resolution: Option<&Bound<'_, PyAny>>,
    e2ee: bool,
) -> PyResult<SessionOptions> {
    let resolution = match opt_string(py, "archiveResolution", archive_resolution)? {
        Some(r) => Some(r.parse::<ArchiveResolution>().py_err(py)?),
        None => None,
    };
    let options = SessionOptions {
        // The official SDK skips a falsy location (`if location:`).
        location: opt_string(py, "location", location)?.filter(|l| !l.is_empty()),
        media_mode: media_mode(py, media_mode_obj)?,
        archive_mode: archive_mode(py, archive_mode_obj)?,
        archive_name: opt_string(py, "archiveName", archive_name)?,
        archive_resolution: resolution,
        e2ee,
    };
    options.validate().py_err(py)?;
    Ok(options)
}

/// A Python value as JSON for the core's `from_json` readers: `None`, `bool`, `int`, `float`,
/// `str`, mappings with string keys, lists/tuples, and `Enum` members (their `.value`). Anything
/// else is an invalid argument naming `field` (a dotted path into the value).
pub fn to_json(py: Python<'_>, field: &str, obj: &Bound<'_, PyAny>) -> PyResult<serde_json::Value> {
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
        return Err(invalid(py, field, "is too large a number", obj));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return match serde_json::Number::from_f64(f.value()) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(invalid(py, field, "must be a finite number", obj)),
        };
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (k, v) in d.iter() {
            let key = match k.cast::<PyString>() {
                Ok(s) => s.to_cow()?.into_owned(),
                Err(_) => return Err(invalid(py, field, "keys must be strings", &k)),
            };
            let path = if field.is_empty() { key.clone() } else { format!("{field}.{key}") };
            let value = to_json(py, &path, &v)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for item in obj.try_iter()? {
            out.push(to_json(py, field, &item?)?);
        }
        return Ok(Value::Array(out));
    }
    if let Ok(v) = obj.getattr(pyo3::intern!(py, "value")) {
        // an Enum member (OutputModes.composed, StreamModes.manual, ...)
        if obj.get_type().getattr("__members__").is_ok() {
            return to_json(py, field, &v);
        }
    }
    if obj.cast::<pyo3::types::PyMapping>().is_ok() {
        let d = py.import("builtins")?.getattr("dict")?.call1((obj,))?;
        return to_json(py, field, &d);
    }
    Err(invalid(py, field, "must be None, a bool, a number, a string, a list or a dict", obj))
}

/// A JSON value (a core response model serialized in the wire's camelCase) as Python objects.
pub fn from_json<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::types::{PyDict, PyList};
    use pyo3::IntoPyObjectExt;
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_bound_py_any(py)?,
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)?
            } else if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)?
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)?
            }
        }
        Value::String(s) => s.into_bound_py_any(py)?,
        Value::Array(a) => {
            let list = PyList::empty(py);
            for item in a {
                list.append(from_json(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(m) => {
            let d = PyDict::new(py);
            for (k, item) in m {
                d.set_item(k, from_json(py, item)?)?;
            }
            d.into_any()
        }
    })
}
