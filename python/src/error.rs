//! Maps the core's [`opentok::Error`] onto the Python exception classes of
//! `opentok_native.exceptions` (the official SDK's names, plus one subclass per core kind).
//!
//! Every raised exception carries `status`, `code`, `kind`, `retryable`, `field`, `api_message`
//! and `reason` (token rejections). The message is the core's `Display`, which never holds a secret.

use opentok::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyModule};

static EXCEPTIONS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn exceptions_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    EXCEPTIONS.get_or_try_init(py, || Ok::<_, PyErr>(py.import("opentok_native.exceptions")?.unbind())).map(|m| m.bind(py))
}

fn build(py: Python<'_>, err: &Error, operation: Option<&str>) -> PyResult<PyErr> {
    let module = exceptions_module(py)?;
    let kind = err.kind().as_str();
    // The class comes from the package's one table: the kind's class, combined with the official
    // per-operation class (ArchiveError, SignalingError, ...) where the operation has one.
    let cls = module.getattr("_error_class")?.call1((kind, operation, err.status(), err.field()))?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("status", err.status())?;
    kwargs.set_item("code", err.code())?;
    kwargs.set_item("kind", kind)?;
    kwargs.set_item("retryable", err.is_retryable())?;
    kwargs.set_item("field", err.field())?;
    kwargs.set_item("api_message", err.api_message())?;
    kwargs.set_item("reason", err.token_rejection().map(|r| r.as_str()))?;
    let value = cls.call((err.to_string(),), Some(&kwargs))?;
    Ok(PyErr::from_value(value))
}

/// Converts a core error into the matching Python exception.
pub fn to_py(py: Python<'_>, err: Error) -> PyErr {
    build(py, &err, None).unwrap_or_else(|e| e)
}

/// Converts a core error of REST operation `operation` (official Python method name) into the
/// official class that operation raises, which is also the kind's class.
pub fn to_py_for(py: Python<'_>, err: Error, operation: &str) -> PyErr {
    build(py, &err, Some(operation)).unwrap_or_else(|e| e)
}

/// An invalid-argument error (the core's wording) for a Python value of the wrong shape.
pub fn invalid(py: Python<'_>, field: &str, rule: &str, value: &Bound<'_, PyAny>) -> PyErr {
    let shown = value.repr().map(|r| r.to_string()).unwrap_or_else(|_| "<unprintable>".into());
    to_py(py, Error::invalid(field, rule, Shown(shown)))
}

/// Shows a pre-rendered repr as-is through `Debug`.
pub struct Shown(pub String);
impl std::fmt::Debug for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Extension to turn `opentok::Result<T>` into `PyResult<T>`.
pub trait IntoPyResult<T> {
    /// Maps the error with [`to_py`].
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for opentok::Result<T> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py(py, e))
    }
}
