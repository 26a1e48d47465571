//! Shared plumbing of the REST operation modules (`archive`, `broadcast`, `stream`, ...): Python
//! arguments in as JSON (read by the core's `from_json`, which knows every field name, enum
//! spelling and type), the core's response models out as dicts (their serde form, wire
//! camelCase), errors mapped with the operation's name so the facade can raise the official
//! per-operation class (`ArchiveError`, `SignalingError`, ...).
//!
//! A `Client` runs an operation on the shared runtime and waits with the GIL released; an
//! `AsyncClient` returns an asyncio future of the same value.

use std::future::Future;
use std::pin::Pin;

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use serde_json::Value;

use crate::client::ClientBase;
use crate::error::to_py_for;
use crate::runtime::{self, SharedRuntime};

/// A started core call whose answer is a JSON value (`null` for answers without a body).
pub(crate) type Op = Pin<Box<dyn Future<Output = opentok::Result<Value>> + Send + 'static>>;

/// Wraps a core call answering a model (serialized to JSON in the wire's camelCase).
macro_rules! json_op {
    ($f:expr) => {{
        let f = $f;
        let op: $crate::rest::Op =
            Box::pin(async move { f.await.map(|v| serde_json::to_value(v).unwrap_or(serde_json::Value::Null)) });
        op
    }};
}
pub(crate) use json_op;

/// Wraps a core call without an answer body.
pub(crate) fn unit_op<F>(f: F) -> Op
where
    F: Future<Output = opentok::Result<()>> + Send + 'static,
{
    Box::pin(async move { f.await.map(|()| Value::Null) })
}

/// The positional arguments of an operation, as JSON.
pub(crate) struct Args(Vec<Value>);

impl Args {
    /// Argument `i` (`null` when absent).
    pub(crate) fn value(&self, i: usize) -> Value {
        self.0.get(i).cloned().unwrap_or(Value::Null)
    }

    /// Argument `i`, which must be a string (ids, tokens, digits, URIs).
    pub(crate) fn string(&self, i: usize, field: &str) -> opentok::Result<String> {
        match self.0.get(i) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Err(opentok::Error::invalid(field, "must be a string", Json(other))),
            None => Err(opentok::Error::invalid(field, "is required", "None")),
        }
    }

    /// Argument `i`: a string or `None`.
    pub(crate) fn opt_string(&self, i: usize, field: &str) -> opentok::Result<Option<String>> {
        match self.0.get(i) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(opentok::Error::invalid(field, "must be a string or None", Json(other))),
        }
    }
}

/// Shows a JSON value as JSON text in error messages.
pub(crate) struct Json<'a>(pub(crate) &'a Value);

impl std::fmt::Debug for Json<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Finds the operation `name` in the area modules; `None` for an unknown name.
fn start(name: &str, client: opentok::Client, args: Args) -> Option<opentok::Result<Op>> {
    crate::archive::op(name, &client, &args)
        .or_else(|| crate::broadcast::op(name, &client, &args))
        .or_else(|| crate::stream::op(name, &client, &args))
        .or_else(|| crate::moderation::op(name, &client, &args))
        .or_else(|| crate::signal::op(name, &client, &args))
        .or_else(|| crate::connection::op(name, &client, &args))
        .or_else(|| crate::sip::op(name, &client, &args))
        .or_else(|| crate::captions::op(name, &client, &args))
        .or_else(|| crate::render::op(name, &client, &args))
        .or_else(|| crate::audio_connector::op(name, &client, &args))
        .or_else(|| crate::callback::op(name, &client, &args))
}

/// `client._rest(name, *args)`: runs REST operation `name` (the official Python method name) with
/// JSON-convertible arguments. Sync clients return the answer (GIL released while waiting),
/// async clients an asyncio future of it.
pub(crate) fn call(base: &ClientBase, py: Python<'_>, name: &str, args: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
    let mut values = Vec::with_capacity(args.len());
    for (i, a) in args.iter().enumerate() {
        values.push(crate::convert::to_json(py, &format!("argument {}", i + 1), &a)?);
    }
    let client = base.shared.io_client().map_err(|e| to_py_for(py, e, name))?;
    let op = match start(name, client, Args(values)) {
        None => return Err(pyo3::exceptions::PyAttributeError::new_err(format!("no REST operation named {name:?}"))),
        Some(Err(e)) => return Err(to_py_for(py, e, name)),
        Some(Ok(op)) => op,
    };
    let op_name = name.to_string();
    if base.asynchronous {
        let fut = pyo3_async_runtimes::generic::future_into_py::<SharedRuntime, _, _>(py, async move {
            Ok(JsonOutcome(op.await, op_name))
        })?;
        return Ok(fut.unbind());
    }
    let answer = py.detach(move || runtime::get().block_on(op));
    match answer {
        Ok(v) => Ok(crate::convert::from_json(py, &v)?.unbind()),
        Err(e) => Err(to_py_for(py, e, &op_name)),
    }
}

/// A finished async operation, converted on a thread attached to the interpreter.
struct JsonOutcome(opentok::Result<Value>, String);

impl<'py> IntoPyObject<'py> for JsonOutcome {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0 {
            Ok(v) => crate::convert::from_json(py, &v),
            Err(e) => Err(to_py_for(py, e, &self.1)),
        }
    }
}

/// Runs an argument-reading closure (so `?` works inside a `match` arm).
pub(crate) fn build(f: impl FnOnce() -> opentok::Result<Op>) -> opentok::Result<Op> {
    f()
}
