//! The native client `_Client`: construction (one constructor for `Client` and `AsyncClient`;
//! the Python class says which through its `_asynchronous` attribute), the official SDK's
//! properties, `generate_token` and `create_session`. The REST operations are in [`crate::rest`].

use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use opentok::{ArchiveResolution, ClientOptions, ClientSettings, Credentials, SessionOptions, TokenOptions};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyInt, PyString, PyTuple, PyType};

use crate::convert;
use crate::error::{invalid, IntoPyResult};
use crate::session::Session;

/// The official SDK's default `api_url`; with application credentials it means "the default".
const OPENTOK_API_URL: &str = "https://api.opentok.com";

/// Everything a core client is built from; kept so it can be rebuilt after a property changes or
/// in a child process after `os.fork()` (its connection pool belongs to the parent).
#[derive(Clone)]
pub(crate) struct Settings {
    credentials: Credentials,
    knobs: ClientSettings,
}

impl Settings {
    fn build(&self) -> opentok::Result<opentok::Client> {
        opentok::Client::new(self.credentials.clone(), self.core_settings().to_checked_options()?)
    }

    /// The settings as the core takes them. The official `append_to_user_agent` is plain
    /// concatenation (`user_agent + value`), while the core joins `ua_addendum` with a space (as
    /// the Node, Java and Ruby SDKs do): so the text is glued here to what precedes it, the
    /// `app_version` (sent as `app/<version>`) or else the binding tag (`python/3.12.1`).
    fn core_settings(&self) -> ClientSettings {
        let mut k = self.knobs.clone();
        if let Some(add) = k.ua_addendum.take().filter(|a| !a.is_empty()) {
            match k.app_version.as_mut().filter(|v| !v.trim().is_empty()) {
                Some(v) => v.push_str(&add),
                None => k.binding = Some(k.binding.take().unwrap_or_default() + &add),
            }
        }
        k
    }
}

struct Slot {
    pid: u32,
    client: opentok::Client,
}

/// State shared by a Python client object and the sessions it created.
pub(crate) struct Shared {
    settings: Mutex<Settings>,
    slot: RwLock<Slot>,
}

impl Shared {
    fn new(settings: Settings) -> opentok::Result<Shared> {
        let client = settings.build()?;
        Ok(Shared { settings: Mutex::new(settings), slot: RwLock::new(Slot { pid: std::process::id(), client }) })
    }

    /// The core client for a request; rebuilt (fresh connection pool) in a forked child.
    pub(crate) fn io_client(&self) -> opentok::Result<opentok::Client> {
        let pid = std::process::id();
        {
            let slot = self.slot.read().unwrap_or_else(|e| e.into_inner());
            if slot.pid == pid {
                return Ok(slot.client.clone());
            }
        }
        let settings = self.settings.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let client = settings.build()?;
        let mut slot = self.slot.write().unwrap_or_else(|e| e.into_inner());
        *slot = Slot { pid, client: client.clone() };
        Ok(client)
    }

    /// Mints a token (pure CPU, no I/O).
    pub(crate) fn generate_token(&self, session_id: &str, options: &TokenOptions) -> opentok::Result<String> {
        let slot = self.slot.read().unwrap_or_else(|e| e.into_inner());
        slot.client.generate_token(session_id, options)
    }

    /// Changes settings and rebuilds the core client; on error nothing changes.
    fn reconfigure(&self, change: impl FnOnce(&mut ClientSettings)) -> opentok::Result<()> {
        let mut settings = self.settings.lock().unwrap_or_else(|e| e.into_inner());
        let mut next = settings.clone();
        change(&mut next.knobs);
        let client = next.build()?;
        *settings = next;
        *self.slot.write().unwrap_or_else(|e| e.into_inner()) = Slot { pid: std::process::id(), client };
        Ok(())
    }

    fn settings(&self) -> Settings {
        self.settings.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn with_client<R>(&self, f: impl FnOnce(&opentok::Client) -> R) -> R {
        let slot = self.slot.read().unwrap_or_else(|e| e.into_inner());
        f(&slot.client)
    }
}

/// Reads `api_key` and `api_secret`: the kind of credentials (secret, PEM private key text,
/// key file path) is the core's decision (`Credentials::from_secret_or_key`); an `os.PathLike`
/// is a key file (`Credentials::from_key_file`).
fn credentials(py: Python<'_>, api_key: &Bound<'_, PyAny>, api_secret: &Bound<'_, PyAny>) -> PyResult<Credentials> {
    let id: String = if let Ok(s) = api_key.cast::<PyString>() {
        crate::convert::text(py, "api_key", s)?.into_owned()
    } else if api_key.is_instance_of::<PyInt>() {
        api_key.str()?.to_cow()?.into_owned()
    } else {
        return Err(invalid(py, "api_key", "must be a string or an int", api_key));
    };
    if let Ok(b) = api_secret.cast::<PyBytes>() {
        let text = std::str::from_utf8(b.as_bytes())
            .map_err(|_| crate::error::to_py(py, opentok::Error::invalid("api_secret", "must be UTF-8 text", "<bytes>")))?;
        return Credentials::from_secret_or_key(id, text).py_err(py);
    }
    if let Ok(s) = api_secret.cast::<PyString>() {
        let secret = s.to_cow().map_err(|_| {
            crate::error::to_py(py, opentok::Error::invalid("api_secret", crate::convert::UNICODE_RULE, "<redacted>"))
        })?;
        return Credentials::from_secret_or_key(id, &secret).py_err(py);
    }
    match py.import("os")?.call_method1("fspath", (api_secret,)).and_then(|p| p.extract::<std::path::PathBuf>()) {
        Ok(path) => Credentials::from_key_file(id, &path).py_err(py),
        Err(_) => {
            Err(crate::error::to_py(py, opentok::Error::invalid("api_secret", "must be a string, bytes or a path", "<redacted>")))
        }
    }
}

/// `timeout=`: seconds, a `(connect, read)` tuple as `requests` takes, or `None`; as
/// `(whole request, connect)`.
fn timeouts(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<(Option<Duration>, Option<Duration>)> {
    let Some(o) = obj.filter(|o| !o.is_none()) else { return Ok((None, None)) };
    let secs = |v: &Bound<'_, PyAny>| -> PyResult<Duration> {
        if v.is_instance_of::<pyo3::types::PyBool>() {
            return Err(invalid(py, "timeout", "must be a positive, finite number of seconds", v));
        }
        let f = v.extract::<f64>().map_err(|_| invalid(py, "timeout", "must be a positive, finite number of seconds", v))?;
        opentok::seconds("timeout", f).py_err(py)
    };
    if let Ok(t) = o.cast::<PyTuple>() {
        if t.len() != 2 {
            return Err(invalid(py, "timeout", "a tuple must be (connect, read) seconds", o));
        }
        let (connect, read) = (secs(&t.get_item(0)?)?, secs(&t.get_item(1)?)?);
        return Ok((Some(connect + read), Some(connect)));
    }
    Ok((Some(secs(o)?), None))
}

/// `max_retries=`: `None` (the core's default) or an integer the core accepts (0 to 10; 0 turns
/// retries off); a bool or anything else is an invalid argument naming the field.
fn retries(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<u32>> {
    let Some(o) = obj.filter(|o| !o.is_none()) else { return Ok(None) };
    let rule = "must be an integer from 0 to 10";
    if o.is_instance_of::<pyo3::types::PyBool>() || !o.is_instance_of::<pyo3::types::PyInt>() {
        return Err(invalid(py, "max_retries", rule, o));
    }
    let n = o.extract::<f64>().map_err(|_| invalid(py, "max_retries", rule, o))?;
    opentok::retries("max_retries", n).map(Some).py_err(py)
}

/// `proxies=`: a `requests`-style dict (`{"https": url, "http": url}`) or one URL for every scheme.
fn proxy_url(py: Python<'_>, obj: &Bound<'_, PyAny>, base_url: &str) -> PyResult<Option<String>> {
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let scheme = if base_url.starts_with("http://") { "http" } else { "https" };
        for k in [scheme, "all"] {
            if let Some(v) = d.get_item(k)? {
                if v.is_none() {
                    continue;
                }
                return match v.cast::<PyString>() {
                    Ok(s) => Ok(Some(s.to_cow()?.into_owned())),
                    Err(_) => Err(invalid(py, "proxies", "values must be proxy URLs", &v)),
                };
            }
        }
        return Ok(None);
    }
    Err(invalid(py, "proxies", "must be a dict like {\"https\": \"http://proxy:3128\"} or a URL", obj))
}

/// The native client under `Client` and `AsyncClient`: construction, the official SDK's
/// properties, `generate_token`, and every REST operation ([`crate::rest`]).
#[pyclass(module = "opentok_native", name = "_Client", subclass, frozen)]
pub struct ClientBase {
    pub(crate) shared: Arc<Shared>,
    api_key: String,
    timeout: Mutex<Py<PyAny>>,
    proxies: Mutex<Py<PyAny>>,
    /// `AsyncClient`: operations return asyncio futures instead of waiting.
    pub(crate) asynchronous: bool,
}

impl ClientBase {
    pub(crate) fn token(&self, py: Python<'_>, session_id: &Bound<'_, PyAny>, options: &TokenOptions) -> PyResult<String> {
        let sid = match session_id.cast::<PyString>() {
            Ok(s) => crate::convert::text(py, "session_id", s)?,
            Err(_) => return Err(invalid(py, "session_id", "must be a string", session_id)),
        };
        self.shared.generate_token(&sid, options).py_err(py)
    }

    fn create(&self, py: Python<'_>, options: SessionOptions, sdk: Py<PyAny>) -> PyResult<Py<PyAny>> {
        let client = self.shared.io_client().py_err(py)?;
        let shared = self.shared.clone();
        self.run(py, "create_session", async move {
            client.create_session(&options).await.map(|s| Session::new(s, shared, Some(sdk)))
        })
    }
}

#[pymethods]
impl ClientBase {
    /// One constructor for both clients; `cls._asynchronous` (true on `AsyncClient`) makes the
    /// operations return asyncio futures.
    #[new]
    #[classmethod]
    #[pyo3(signature = (api_key, api_secret, api_url=None, timeout=None, app_version=None, *, proxies=None, max_retries=None, _now=None, _nonce=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        cls: &Bound<'_, PyType>,
        api_key: &Bound<'_, PyAny>,
        api_secret: &Bound<'_, PyAny>,
        api_url: Option<&Bound<'_, PyAny>>,
        timeout: Option<&Bound<'_, PyAny>>,
        app_version: Option<&Bound<'_, PyAny>>,
        proxies: Option<&Bound<'_, PyAny>>,
        max_retries: Option<&Bound<'_, PyAny>>,
        _now: Option<i64>,
        _nonce: Option<u32>,
    ) -> PyResult<ClientBase> {
        let py = cls.py();
        let asynchronous = cls.getattr("_asynchronous")?.is_truthy()?;
        let credentials = credentials(py, api_key, api_secret)?;
        let mut api_url = convert::opt_string(py, "api_url", api_url)?;
        if credentials.is_application() && api_url.as_deref() == Some(OPENTOK_API_URL) {
            // The official SDK ignores api_url for application credentials.
            api_url = None;
        }
        let base_for_proxy = api_url.clone().unwrap_or_else(|| credentials.default_base_url().to_string());
        let (whole, connect) = timeouts(py, timeout)?;
        let knobs = ClientSettings {
            api_url,
            timeout: whole,
            connect_timeout: connect,
            proxy: match proxies {
                Some(p) => proxy_url(py, p, &base_for_proxy)?,
                None => None,
            },
            app_version: convert::opt_string(py, "app_version", app_version)?,
            binding: Some(crate::binding_name().to_string()),
            dialect: opentok::Dialect::Python,
            max_retries: retries(py, max_retries)?,
            fixed_now: _now,
            fixed_nonce: _nonce,
            ..ClientSettings::default()
        };
        let api_key = credentials.id().to_owned();
        let shared = Shared::new(Settings { credentials, knobs }).py_err(py)?;
        Ok(ClientBase {
            shared: Arc::new(shared),
            api_key,
            timeout: Mutex::new(timeout.map(|t| t.clone().unbind()).unwrap_or_else(|| py.None())),
            proxies: Mutex::new(proxies.map(|t| t.clone().unbind()).unwrap_or_else(|| py.None())),
            asynchronous,
        })
    }

    /// `False` here; `AsyncClient` sets it.
    #[classattr]
    fn _asynchronous() -> bool {
        false
    }

    /// `POST /session/create`: a `Session` (`Client`) or an asyncio future of it (`AsyncClient`).
    #[pyo3(name = "_create_session", signature = (location=None, media_mode=None, archive_mode=None, archive_name=None, archive_resolution=None, e2ee=false))]
    #[allow(clippy::too_many_arguments)]
    fn create_session(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        location: Option<&Bound<'_, PyAny>>,
        media_mode: Option<&Bound<'_, PyAny>>,
        archive_mode: Option<&Bound<'_, PyAny>>,
        archive_name: Option<&Bound<'_, PyAny>>,
        archive_resolution: Option<&Bound<'_, PyAny>>,
        e2ee: bool,
    ) -> PyResult<Py<PyAny>> {
        let resolution = match convert::opt_string(py, "archiveResolution", archive_resolution)? {
            Some(r) => Some(r.parse::<ArchiveResolution>().py_err(py)?),
            None => None,
        };
        let options = SessionOptions {
            // The official SDK skips a falsy location (`if location:`).
            location: convert::opt_string(py, "location", location)?.filter(|l| !l.is_empty()),
            // The official SDK always sends p2p.preference, archiveMode and e2ee (its defaults:
            // relayed, manual, false), so this binding does too.
            media_mode: Some(convert::media_mode(py, media_mode)?),
            archive_mode: Some(convert::archive_mode(py, archive_mode)?),
            archive_name: convert::opt_string(py, "archiveName", archive_name)?,
            archive_resolution: resolution,
            e2ee: Some(e2ee),
        };
        options.validate().py_err(py)?;
        slf.get().create(py, options, slf.clone().into_any().unbind())
    }

    /// The seed API: `create_session(location, properties)` where `properties` holds form fields
    /// (`{"p2p.preference": "disabled", "archiveMode": "always"}`), read by the core's form rules.
    #[pyo3(name = "_create_session_from_properties", signature = (location=None, properties=None))]
    fn create_session_from_properties(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        location: Option<&Bound<'_, PyAny>>,
        properties: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let options = form_options(py, location, properties)?;
        slf.get().create(py, options, slf.clone().into_any().unbind())
    }

    /// The API key (or application id).
    #[getter]
    fn api_key(&self) -> &str {
        &self.api_key
    }

    /// The base URL requests go to.
    #[getter]
    fn api_url(&self) -> String {
        self.shared.with_client(|c| c.base_url().to_string())
    }

    /// The `timeout` given at construction (`None`: the core's finite defaults, 10 s connect and
    /// 30 s per request).
    #[getter]
    fn timeout(&self, py: Python<'_>) -> Py<PyAny> {
        self.timeout.lock().unwrap_or_else(|e| e.into_inner()).clone_ref(py)
    }

    /// The User-Agent sent with every request.
    #[getter]
    fn user_agent(&self) -> String {
        self.shared.with_client(|c| c.user_agent().to_string())
    }

    /// The `app_version` given at construction (sent in the User-Agent as `app/<version>`).
    #[getter]
    fn app_version(&self) -> Option<String> {
        self.shared.settings().knobs.app_version
    }

    /// Whether the client uses application (Vonage) credentials.
    #[getter]
    fn uses_application_credentials(&self) -> bool {
        self.shared.settings().credentials.is_application()
    }

    /// A `requests`-style proxies dict (`{"https": "http://user:pass@proxy:3128"}`) or `None`.
    #[getter]
    fn proxies(&self, py: Python<'_>) -> Py<PyAny> {
        self.proxies.lock().unwrap_or_else(|e| e.into_inner()).clone_ref(py)
    }

    #[setter]
    fn set_proxies(&self, py: Python<'_>, value: Option<Bound<'_, PyAny>>) -> PyResult<()> {
        let value = value.unwrap_or_else(|| py.None().into_bound(py));
        let base = self.api_url();
        let url = proxy_url(py, &value, &base)?;
        self.shared.reconfigure(|s| s.proxy = url).py_err(py)?;
        *self.proxies.lock().unwrap_or_else(|e| e.into_inner()) = value.unbind();
        Ok(())
    }

    /// Lifetime of the REST authentication JWT, in minutes (official name and unit).
    #[getter]
    fn jwt_livetime(&self) -> f64 {
        let lifetime = self.shared.settings().knobs.jwt_lifetime;
        lifetime.unwrap_or_else(|| ClientOptions::default().jwt_lifetime).as_secs_f64() / 60.0
    }

    #[setter]
    fn set_jwt_livetime(&self, py: Python<'_>, minutes: Bound<'_, PyAny>) -> PyResult<()> {
        let m: f64 = match minutes.extract::<f64>() {
            Ok(m) if m.is_finite() && m > 0.0 && m <= 24.0 * 60.0 => m,
            _ => return Err(invalid(py, "jwt_livetime", "must be a positive number of minutes (at most 1440)", &minutes)),
        };
        self.shared.reconfigure(|s| s.jwt_lifetime = Some(Duration::from_secs_f64(m * 60.0))).py_err(py)
    }

    /// Appends text to the User-Agent sent with every request (official method).
    fn append_to_user_agent(&self, py: Python<'_>, value: &str) -> PyResult<()> {
        self.shared.reconfigure(|s| s.ua_addendum.get_or_insert_with(String::new).push_str(value)).py_err(py)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let name = slf.get_type().name()?;
        let this = slf.get();
        Ok(format!("{}(api_key={:?}, api_url={:?})", name, this.api_key, this.api_url()))
    }
}

/// Builds session options from the seed API's `(location, properties)` via the core's form reader.
fn form_options(
    py: Python<'_>,
    location: Option<&Bound<'_, PyAny>>,
    properties: Option<&Bound<'_, PyAny>>,
) -> PyResult<SessionOptions> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Some(p) = properties.filter(|p| !p.is_none()) {
        let d = p.cast::<PyDict>().map_err(|_| invalid(py, "properties", "must be a dict of form fields", p))?;
        for (k, v) in d.iter() {
            let k: String = k.str()?.to_cow()?.into_owned();
            let v: String = if let Ok(b) = v.cast::<pyo3::types::PyBool>() {
                if b.is_true() {
                    "true".into()
                } else {
                    "false".into()
                }
            } else if let Ok(s) = v.cast::<PyString>() {
                s.to_cow()?.into_owned()
            } else if let Ok(val) = v.getattr("value") {
                val.str()?.to_cow()?.into_owned()
            } else {
                v.str()?.to_cow()?.into_owned()
            };
            pairs.push((k, v));
        }
    }
    if let Some(loc) = convert::opt_string(py, "location", location)? {
        pairs.push(("location".into(), loc));
    }
    SessionOptions::from_form(&pairs).py_err(py)
}

convert::generate_token_method! {
    impl ClientBase {
        /// Mints a client token for `session_id` (pure CPU, never blocks). See the stubs for the
        /// accepted argument types.
        fn generate_token(&self, py: Python<'_>, session_id: &Bound<'_, PyAny>, ..args) {
            self.token(py, session_id, &args.options(py)?)
        }
    }
}
