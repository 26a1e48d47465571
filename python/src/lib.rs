//! `opentok_native._native`: the pyo3 binding of the `opentok` core crate.
//!
//! Modules: [`client`] (the native `_Client` under `Client` and `AsyncClient`: construction,
//! properties, tokens, sessions), [`rest`] (every REST operation as one typed method, and the one
//! helper that runs a call sync or async and turns the core's model into Python values),
//! [`session`], [`token`], [`session_id`], [`events`] (webhook bodies → the core's typed event),
//! [`error`] (core errors → `opentok_native.exceptions`), [`convert`] (Python argument shapes →
//! core options) and [`runtime`] (the shared, fork-aware tokio runtime).
//! The Python package around it (`opentok_native/__init__.py`) holds the enums, the exception
//! classes and the seed API's `OpenTokSDK`.

use std::sync::OnceLock;

use pyo3::prelude::*;

mod client;
mod convert;
mod error;
mod events;
mod rest;
mod runtime;
mod session;
mod session_id;
mod token;

static BINDING: OnceLock<String> = OnceLock::new();

/// `python/<version>` for the User-Agent.
pub(crate) fn binding_name() -> &'static str {
    BINDING.get().map(String::as_str).unwrap_or("python")
}

/// The pid the shared runtime was started for (0 if no request was made yet); for fork tests.
#[pyfunction]
fn _runtime_pid() -> u32 {
    runtime::owner_pid()
}

/// Interpreter exit hook (registered with `atexit` by the package): see [`runtime::shutdown`].
#[pyfunction]
fn _shutdown(py: Python<'_>) {
    py.detach(|| runtime::shutdown(std::time::Duration::from_secs(2)));
}

#[pymodule]
#[pyo3(name = "_native")]
fn opentok_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let version: String = py.import("platform")?.call_method0("python_version")?.extract()?;
    let _ = BINDING.set(format!("python/{version}"));
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CORE_VERSION", opentok::VERSION)?;
    m.add_class::<client::ClientBase>()?;
    m.add_class::<session::Session>()?;
    m.add_class::<session_id::SessionId>()?;
    m.add_class::<token::DecodedToken>()?;
    m.add_class::<token::TokenExplanation>()?;
    m.add_function(wrap_pyfunction!(token::decode_token, m)?)?;
    m.add_function(wrap_pyfunction!(token::verify_token, m)?)?;
    m.add_function(wrap_pyfunction!(token::explain_token, m)?)?;
    m.add_function(wrap_pyfunction!(events::_parse_event, m)?)?;
    m.add_function(wrap_pyfunction!(_runtime_pid, m)?)?;
    m.add_function(wrap_pyfunction!(_shutdown, m)?)?;
    Ok(())
}
