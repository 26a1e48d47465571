//! Webhook events: `_parse_event(body)` reads a body (`str`, `bytes`, `bytearray` or
//! `memoryview`) with the core's `parse_event` and hands out the typed event as a dict (the
//! core's `Event::to_typed_json`: `type`, `sessionId` and the event's fields in camelCase);
//! `opentok_native.events` builds the frozen dataclasses from it.

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};

use crate::error::{invalid, IntoPyResult};

/// Parses a webhook body into the core's typed event, as a dict.
#[pyfunction]
pub fn _parse_event(py: Python<'_>, body: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let bytes: Vec<u8> = if let Ok(s) = body.cast::<PyString>() {
        s.to_cow().map_err(|_| invalid(py, "body", "must be valid UTF-8 text", body))?.as_bytes().to_vec()
    } else if let Ok(b) = body.cast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else if let Ok(b) = body.cast::<PyByteArray>() {
        b.to_vec()
    } else if body.cast::<PyMemoryView>().is_ok() {
        body.call_method0("tobytes")?.cast::<PyBytes>()?.as_bytes().to_vec()
    } else {
        return Err(invalid(py, "body", "must be str or bytes", body));
    };
    let event = py.detach(|| opentok::parse_event(&bytes)).py_err(py)?;
    Ok(pythonize::pythonize(py, &event.to_typed_json())?.unbind())
}
