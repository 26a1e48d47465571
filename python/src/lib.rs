//! `opentok_native._native`: the pyo3 binding of the `opentok` core crate.
//!
//! Modules mirror the core: [`client`] (Client, AsyncClient), [`session`], [`token`],
//! [`session_id`], the REST areas ([`archive`], [`broadcast`], [`stream`], [`moderation`],
//! [`signal`], [`connection`], [`sip`], [`captions`], [`render`], [`audio_connector`],
//! [`callback`], over the plumbing in [`rest`]), [`error`] (core errors → `opentok_native.exceptions`), plus [`convert`]
//! (Python argument shapes → core options) and [`runtime`] (the shared, fork-aware tokio runtime).
//! The Python package around it (`opentok_native/__init__.py`) holds the enums, the exception
//! classes and the seed API's `OpenTokSDK`.

use std::sync::OnceLock;

use pyo3::prelude::*;

mod archive;
mod audio_connector;
mod broadcast;
mod callback;
mod captions;
mod client;
mod clock;
mod connection;
mod convert;
mod error;
mod moderation;
mod render;
mod rest;
mod runtime;
mod session;
mod session_id;
mod signal;
mod sip;
mod stream;
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
    m.add_class::<client::Client>()?;
    m.add_class::<client::AsyncClient>()?;
    m.add_class::<session::Session>()?;
    m.add_class::<session_id::SessionId>()?;
    m.add_class::<token::DecodedToken>()?;
    m.add_class::<token::TokenExplanation>()?;
    m.add_function(wrap_pyfunction!(token::decode_token, m)?)?;
    m.add_function(wrap_pyfunction!(token::verify_token, m)?)?;
    m.add_function(wrap_pyfunction!(token::explain_token, m)?)?;
    m.add_function(wrap_pyfunction!(_runtime_pid, m)?)?;
    m.add_function(wrap_pyfunction!(_shutdown, m)?)?;
    m.add_function(wrap_pyfunction!(clock::_after_fork_in_child, m)?)?;
    Ok(())
}
