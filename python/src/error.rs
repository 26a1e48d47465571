//! Maps the core's [`opentok::Error`] onto the Python exception classes of
//! `opentok_native.exceptions` (the official SDK's names, plus one subclass per core kind).
//!
//! Every raised exception carries `status`, `code`, `kind`, `retryable`, `field`, `api_message`
//! and `reason` (token rejections). The message is the core's `Display`, which never holds a secret.

use opentok::{Error, ErrorKind};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyModule};

static EXCEPTIONS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn exceptions_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    EXCEPTIONS.get_or_try_init(py, || Ok::<_, PyErr>(py.import("opentok_native.exceptions")?.unbind())).map(|m| m.bind(py))
}

/// The Python class name used for a core error kind.
pub fn class_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::InvalidArgument => "InvalidArgumentError",
        ErrorKind::InvalidToken => "InvalidTokenError",
        ErrorKind::Request => "RequestError",
        ErrorKind::Authentication => "AuthError",
        ErrorKind::NotFound => "NotFoundError",
        ErrorKind::Conflict => "ConflictError",
        ErrorKind::PayloadTooLarge => "PayloadTooLargeError",
        ErrorKind::RateLimited => "RateLimitedError",
        ErrorKind::Server => "ServerError",
        ErrorKind::Timeout => "RequestTimeoutError",
        ErrorKind::Connect => "ConnectError",
        ErrorKind::ClockSkew => "ClockSkewError",
        ErrorKind::InvalidResponse => "InvalidResponseError",
        _ => "OpenTokException",
    }
}

fn build(py: Python<'_>, err: &Error, operation: Option<&str>) -> PyResult<PyErr> {
    let module = exceptions_module(py)?;
    let mut cls = module.getattr(class_name(err.kind()))?;
    if let Some(op) = operation {
        // The official per-operation class (ArchiveError, SignalingError, ...), combined with
        // the kind class, chosen by the package's table.
        cls = module.getattr("_operation_error")?.call1((op, cls, err.status(), err.field()))?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("status", err.status())?;
    kwargs.set_item("code", err.code())?;
    kwargs.set_item("kind", err.kind().as_str())?;
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
    to_py(py, Error::invalid(field, rule, RawDebug(shown)))
}

/// Shows a pre-rendered repr as-is through `Debug`.
struct RawDebug(String);
impl std::fmt::Debug for RawDebug {
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
