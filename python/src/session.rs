//! `Session`: what `create_session` returns (the official SDK's attributes, plus the seed API's
//! `getSessionId()`), able to mint tokens for itself.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

use crate::client::Shared;
use crate::convert;
use crate::error::IntoPyResult;

static ENUMS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The member of `opentok_native.enums.<enum_name>` named `member` (core names match).
pub(crate) fn enum_member<'py>(py: Python<'py>, enum_name: &str, member: &str) -> PyResult<Bound<'py, PyAny>> {
    let m = ENUMS.get_or_try_init(py, || Ok::<_, PyErr>(py.import("opentok_native.enums")?.unbind()))?;
    m.bind(py).getattr(enum_name)?.getattr(member)
}

/// A created session. `session_id` is what clients connect to.
#[pyclass(module = "opentok_native", frozen)]
pub struct Session {
    inner: opentok::Session,
    shared: Arc<Shared>,
}

impl Session {
    pub(crate) fn new(inner: opentok::Session, shared: Arc<Shared>) -> Session {
        Session { inner, shared }
    }
}

#[pymethods]
impl Session {
    /// The session id.
    #[getter]
    fn session_id(&self) -> &str {
        &self.inner.session_id
    }

    /// The seed API's accessor for `session_id`.
    #[allow(non_snake_case)]
    fn getSessionId(&self) -> &str {
        &self.inner.session_id
    }

    /// `MediaModes.relayed` or `MediaModes.routed`.
    #[getter]
    fn media_mode<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        enum_member(py, "MediaModes", self.inner.media_mode.as_str())
    }

    /// `ArchiveModes.manual` or `ArchiveModes.always`.
    #[getter]
    fn archive_mode<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        enum_member(py, "ArchiveModes", self.inner.archive_mode.as_str())
    }

    /// The location hint the session was created with.
    #[getter]
    fn location(&self) -> Option<&str> {
        self.inner.location.as_deref()
    }

    /// Whether end-to-end encryption is on.
    #[getter]
    fn e2ee(&self) -> bool {
        self.inner.e2ee
    }

    /// Name of automatic archives, if set.
    #[getter]
    fn archive_name(&self) -> Option<&str> {
        self.inner.archive_name.as_deref()
    }

    /// Resolution of automatic archives (`"1280x720"`...), if set.
    #[getter]
    fn archive_resolution(&self) -> Option<&'static str> {
        self.inner.archive_resolution.map(|r| r.as_str())
    }

    /// Project id (api key or application id) from the server's answer.
    #[getter]
    fn project_id(&self) -> Option<&str> {
        self.inner.project_id.as_deref()
    }

    /// Creation date text from the server's answer.
    #[getter]
    fn create_dt(&self) -> Option<&str> {
        self.inner.create_dt.as_deref()
    }

    /// Media server URL from the server's answer.
    #[getter]
    fn media_server_url(&self) -> Option<&str> {
        self.inner.media_server_url.as_deref()
    }

    /// Mints a token for this session; same arguments as `Client.generate_token` without the id.
    #[pyo3(signature = (role=None, expire_time=None, data=None, initial_layout_class_list=None, use_jwt=true))]
    fn generate_token(
        &self,
        py: Python<'_>,
        role: Option<&Bound<'_, PyAny>>,
        expire_time: Option<&Bound<'_, PyAny>>,
        data: Option<&Bound<'_, PyAny>>,
        initial_layout_class_list: Option<&Bound<'_, PyAny>>,
        use_jwt: bool,
    ) -> PyResult<String> {
        let options = convert::token_options(py, role, expire_time, data, initial_layout_class_list, use_jwt)?;
        self.shared.generate_token(&self.inner.session_id, &options).py_err(py)
    }

    fn __str__(&self) -> &str {
        &self.inner.session_id
    }

    fn __repr__(&self) -> String {
        format!(
            "Session(session_id={:?}, media_mode={}, archive_mode={}, location={:?}, e2ee={})",
            self.inner.session_id,
            self.inner.media_mode.as_str(),
            self.inner.archive_mode.as_str(),
            self.inner.location,
            if self.inner.e2ee { "True" } else { "False" }
        )
    }
}
