//! `Session`: what `create_session` returns (the official SDK's attributes, plus the seed API's
//! `getSessionId()`), able to mint tokens for itself; also built by apps from a stored id with the
//! official constructor `Session(client, session_id, media_mode=..., location=...)`.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyModule, PyString};

use crate::client::Shared;
use crate::convert;
use crate::error::IntoPyResult;

static ENUMS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The member of `opentok_native.enums.<enum_name>` named `member` (core names match).
pub(crate) fn enum_member<'py>(py: Python<'py>, enum_name: &str, member: &str) -> PyResult<Bound<'py, PyAny>> {
    let m = ENUMS.get_or_try_init(py, || Ok::<_, PyErr>(py.import("opentok_native.enums")?.unbind()))?;
    m.bind(py).getattr(enum_name)?.getattr(member)
}

/// A session. `session_id` is what clients connect to.
#[pyclass(module = "opentok_native", frozen)]
pub struct Session {
    inner: opentok::Session,
    /// The minting client, when `sdk` is one of ours.
    shared: Option<Arc<Shared>>,
    /// The client given to the constructor or that created the session (`session.sdk`).
    sdk: Option<Py<PyAny>>,
    /// Constructor keywords other than the known attributes, read back as attributes (the
    /// official constructor sets every keyword as an attribute).
    extra: Option<Py<PyDict>>,
}

impl Session {
    pub(crate) fn new(inner: opentok::Session, shared: Arc<Shared>, sdk: Option<Py<PyAny>>) -> Session {
        Session { inner, shared: Some(shared), sdk, extra: None }
    }
}

#[pymethods]
impl Session {
    /// The official constructor: `Session(sdk, session_id, **kwargs)`, `sdk` being the client
    /// whose `generate_token` mints this session's tokens. `media_mode`, `archive_mode`,
    /// `location`, `e2ee`, `archive_name` and `archive_resolution` become the attributes of the
    /// same names (enum members or their names/values, as `create_session` takes them); other
    /// keywords are kept as plain attributes. Without them the attributes read as
    /// `create_session`'s defaults (relayed, manual, no location, no e2ee). An empty or blank
    /// `session_id` raises `InvalidArgumentError` (an `OpenTokException`); the id is not
    /// otherwise checked here (token minting checks it).
    #[new]
    #[pyo3(signature = (sdk, session_id, **kwargs))]
    fn py_new(
        py: Python<'_>,
        sdk: &Bound<'_, PyAny>,
        session_id: &Bound<'_, PyAny>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Session> {
        let id = match session_id.cast::<PyString>() {
            Ok(s) => crate::convert::text(py, "session_id", s)?.into_owned(),
            Err(_) if !session_id.is_none() => session_id.str()?.to_cow()?.into_owned(),
            Err(_) => String::new(),
        };
        if id.trim().is_empty() {
            return Err(crate::error::invalid(py, "session_id", "must not be empty", session_id));
        }
        let shared = sdk.cast::<crate::client::ClientBase>().ok().map(|c| c.get().shared.clone());
        let mut inner = opentok::Session {
            session_id: id,
            media_mode: opentok::MediaMode::default(),
            archive_mode: opentok::ArchiveMode::default(),
            location: None,
            e2ee: false,
            archive_name: None,
            archive_resolution: None,
            project_id: None,
            create_dt: None,
            media_server_url: None,
        };
        let extra = PyDict::new(py);
        if let Some(kw) = kwargs {
            for (k, v) in kw.iter() {
                let key: String = k.extract()?;
                match key.as_str() {
                    "media_mode" => inner.media_mode = convert::media_mode(py, Some(&v))?,
                    "archive_mode" => inner.archive_mode = convert::archive_mode(py, Some(&v))?,
                    "location" => inner.location = convert::opt_string(py, "location", Some(&v))?,
                    "e2ee" => inner.e2ee = v.is_truthy()?,
                    "archive_name" => inner.archive_name = convert::opt_string(py, "archive_name", Some(&v))?,
                    "archive_resolution" => {
                        inner.archive_resolution = match convert::opt_string(py, "archive_resolution", Some(&v))? {
                            Some(r) => Some(r.parse::<opentok::ArchiveResolution>().py_err(py)?),
                            None => None,
                        }
                    }
                    _ => extra.set_item(k, v)?,
                }
            }
        }
        Ok(Session { inner, shared, sdk: Some(sdk.clone().unbind()), extra: Some(extra.unbind()) })
    }

    /// The client this session mints tokens with (official attribute).
    #[getter]
    fn sdk(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.sdk.as_ref().map(|s| s.clone_ref(py))
    }

    /// Constructor keywords beyond the known attributes (official: every keyword is an attribute).
    fn __getattr__(&self, py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
        if let Some(v) = self.extra.as_ref().and_then(|e| e.bind(py).get_item(name).ok().flatten()) {
            return Ok(v.unbind());
        }
        Err(pyo3::exceptions::PyAttributeError::new_err(format!("'Session' object has no attribute '{name}'")))
    }

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

convert::generate_token_method! {
    impl Session {
        /// Mints a token for this session; same arguments as `Client.generate_token` without the id.
        fn generate_token(&self, py: Python<'_>, ..args) {
            if let Some(shared) = &self.shared {
                return shared.generate_token(&self.inner.session_id, &args.options(py)?).py_err(py);
            }
            // a client of another kind given to the constructor: its own generate_token, as the
            // official Session does (`self.sdk.generate_token(self.session_id, **kwargs)`)
            let sdk = self.sdk.as_ref().ok_or_else(|| pyo3::exceptions::PyTypeError::new_err("this Session has no client"))?;
            let kwargs = PyDict::new(py);
            for (name, value) in [
                ("role", args.role),
                ("expire_time", args.expire_time),
                ("data", args.data),
                ("initial_layout_class_list", args.initial_layout_class_list),
            ] {
                if let Some(v) = value.filter(|v| !v.is_none()) {
                    kwargs.set_item(name, v)?;
                }
            }
            if !args.use_jwt {
                kwargs.set_item("use_jwt", false)?;
            }
            sdk.bind(py).call_method("generate_token", (&self.inner.session_id,), Some(&kwargs))?.extract()
        }
    }
}
