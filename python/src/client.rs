//! `Client` (sync, GIL released during I/O) and `AsyncClient` (coroutines on the shared runtime),
//! over one [`opentok::Client`] each, plus what they share (`_ClientBase`: construction, the
//! official SDK's properties, `generate_token`).

use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use opentok::{ClientOptions, Credentials, FixedClock, FixedNonce, Proxy, RetryPolicy, SessionOptions, TokenOptions};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};

use crate::convert;
use crate::error::{invalid, IntoPyResult};
use crate::runtime::{self, SharedRuntime};
use crate::session::Session;

/// The official SDK's default `api_url`; with application credentials it means "the default".
const OPENTOK_API_URL: &str = "https://api.opentok.com";

/// Everything a core client is built from; kept so it can be rebuilt after a property changes or
/// in a child process after `os.fork()` (its connection pool belongs to the parent).
#[derive(Clone)]
pub(crate) struct Settings {
    credentials: Credentials,
    api_url: Option<String>,
    timeout: Option<(Duration, Duration)>,
    proxy: Option<String>,
    app_version: Option<String>,
    appended_user_agent: String,
    jwt_lifetime: Option<Duration>,
    max_retries: Option<u32>,
    fixed_now: Option<i64>,
    fixed_nonce: Option<u32>,
}

impl Settings {
    fn options(&self) -> ClientOptions {
        let mut o = ClientOptions { base_url: self.api_url.clone(), ..ClientOptions::default() };
        if let Some((connect, request)) = self.timeout {
            o.connect_timeout = connect;
            o.request_timeout = request;
        }
        o.proxy = self.proxy.as_ref().map(|url| Proxy { url: url.clone(), username: None, password: None });
        let mut suffix = String::new();
        if let Some(v) = &self.app_version {
            suffix.push_str("app/");
            suffix.push_str(v);
        }
        let appended = self.appended_user_agent.trim();
        if !appended.is_empty() {
            if !suffix.is_empty() {
                suffix.push(' ');
            }
            suffix.push_str(appended);
        }
        o.user_agent_suffix = (!suffix.is_empty()).then_some(suffix);
        o.binding = Some(crate::binding_name().to_string());
        if let Some(l) = self.jwt_lifetime {
            o.jwt_lifetime = l;
        }
        if let Some(n) = self.max_retries {
            o.retry = if n == 0 { RetryPolicy::none() } else { RetryPolicy { max_retries: n, ..o.retry } };
        }
        if let Some(now) = self.fixed_now {
            o.clock = Arc::new(FixedClock::at_unix(now));
        }
        o.nonce = match self.fixed_nonce {
            Some(n) => Arc::new(FixedNonce(n)),
            None => Arc::new(crate::clock::PooledNonce),
        };
        o
    }

    fn build(&self) -> opentok::Result<opentok::Client> {
        opentok::Client::new(self.credentials.clone(), self.options())
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
    fn reconfigure(&self, change: impl FnOnce(&mut Settings)) -> opentok::Result<()> {
        let mut settings = self.settings.lock().unwrap_or_else(|e| e.into_inner());
        let mut next = settings.clone();
        change(&mut next);
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

/// Reads `api_secret`: a secret string, a PEM private key (str or bytes), or a path to a PEM file
/// (as the official SDK: a string ending in `.ext`, or any `os.PathLike`).
fn credentials(py: Python<'_>, api_key: &Bound<'_, PyAny>, api_secret: &Bound<'_, PyAny>) -> PyResult<Credentials> {
    let key: String = if let Ok(s) = api_key.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else if api_key.is_instance_of::<pyo3::types::PyInt>() {
        api_key.str()?.to_cow()?.into_owned()
    } else {
        return Err(invalid(py, "api_key", "must be a string or an int", api_key));
    };
    let text: String = if let Ok(b) = api_secret.cast::<PyBytes>() {
        match std::str::from_utf8(b.as_bytes()) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                return Err(crate::error::to_py(py, opentok::Error::invalid("api_secret", "must be UTF-8 text", "<bytes>")))
            }
        }
    } else if let Ok(s) = api_secret.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else if let Ok(p) = py.import("os")?.call_method1("fspath", (api_secret,)) {
        let path: String = p.extract()?;
        return read_key_file(py, &key, &path);
    } else {
        return Err(crate::error::to_py(
            py,
            opentok::Error::invalid("api_secret", "must be a string, bytes or a path", "<redacted>"),
        ));
    };
    if text.contains("-----BEGIN") {
        return Credentials::application(key, &text).py_err(py);
    }
    if looks_like_key_path(&text) {
        return read_key_file(py, &key, &text);
    }
    Credentials::project(key, text).py_err(py)
}

/// The official SDK's test: a string ending in `.` + word characters is a private key file path.
fn looks_like_key_path(s: &str) -> bool {
    match s.rfind('.') {
        Some(i) => {
            let ext = &s[i + 1..];
            !ext.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        None => false,
    }
}

fn read_key_file(py: Python<'_>, application_id: &str, path: &str) -> PyResult<Credentials> {
    match std::fs::read_to_string(path) {
        Ok(pem) => Credentials::application(application_id.to_owned(), &pem).py_err(py),
        Err(e) => Err(crate::error::to_py(
            py,
            opentok::Error::invalid("api_secret", format!("names a private key file that cannot be read ({e})"), path),
        )),
    }
}

/// `timeout=`: seconds (int/float), a `(connect, read)` tuple as `requests` takes, or `None`.
fn timeout(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<(Duration, Duration)>> {
    let Some(o) = obj else { return Ok(None) };
    if o.is_none() {
        return Ok(None);
    }
    let secs = |v: &Bound<'_, PyAny>| -> PyResult<Duration> {
        match v.extract::<f64>() {
            Ok(f) if f.is_finite() && f > 0.0 && f < 1e9 => Ok(Duration::from_secs_f64(f)),
            _ => Err(invalid(py, "timeout", "must be a positive number of seconds", v)),
        }
    };
    if let Ok(t) = o.cast::<PyTuple>() {
        if t.len() != 2 {
            return Err(invalid(py, "timeout", "a tuple must be (connect, read) seconds", o));
        }
        let connect = secs(&t.get_item(0)?)?;
        let read = secs(&t.get_item(1)?)?;
        return Ok(Some((connect, connect + read)));
    }
    let total = secs(o)?;
    Ok(Some((total, total)))
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

/// Construction, the official SDK's properties and `generate_token`, shared by `Client` and
/// `AsyncClient`.
#[pyclass(module = "opentok_native", name = "_ClientBase", subclass, frozen)]
pub struct ClientBase {
    pub(crate) shared: Arc<Shared>,
    api_key: String,
    timeout: Mutex<Py<PyAny>>,
    proxies: Mutex<Py<PyAny>>,
    /// `AsyncClient`: REST operations return asyncio futures instead of waiting.
    pub(crate) asynchronous: bool,
}

impl ClientBase {
    #[allow(clippy::too_many_arguments)]
    fn create(
        py: Python<'_>,
        api_key: &Bound<'_, PyAny>,
        api_secret: &Bound<'_, PyAny>,
        api_url: Option<&Bound<'_, PyAny>>,
        timeout_obj: Option<&Bound<'_, PyAny>>,
        app_version: Option<&Bound<'_, PyAny>>,
        proxies: Option<&Bound<'_, PyAny>>,
        max_retries: Option<u32>,
        now: Option<i64>,
        nonce: Option<u32>,
        asynchronous: bool,
    ) -> PyResult<ClientBase> {
        let credentials = credentials(py, api_key, api_secret)?;
        let mut api_url = convert::opt_string(py, "api_url", api_url)?;
        if credentials.is_application() && api_url.as_deref() == Some(OPENTOK_API_URL) {
            // The official SDK ignores api_url for application credentials.
            api_url = None;
        }
        let id = credentials.id().to_owned();
        let base_for_proxy = api_url.clone().unwrap_or_else(|| credentials.default_base_url().to_string());
        let proxy = match proxies {
            Some(p) => proxy_url(py, p, &base_for_proxy)?,
            None => None,
        };
        let settings = Settings {
            credentials,
            api_url,
            timeout: timeout(py, timeout_obj)?,
            proxy,
            app_version: convert::opt_string(py, "app_version", app_version)?,
            appended_user_agent: String::new(),
            jwt_lifetime: None,
            max_retries,
            fixed_now: now,
            fixed_nonce: nonce,
        };
        let shared = Shared::new(settings).py_err(py)?;
        Ok(ClientBase {
            shared: Arc::new(shared),
            api_key: id,
            timeout: Mutex::new(timeout_obj.map(|t| t.clone().unbind()).unwrap_or_else(|| py.None())),
            proxies: Mutex::new(proxies.map(|t| t.clone().unbind()).unwrap_or_else(|| py.None())),
            asynchronous,
        })
    }

    pub(crate) fn token(&self, py: Python<'_>, session_id: &Bound<'_, PyAny>, options: &TokenOptions) -> PyResult<String> {
        let sid = match session_id.cast::<PyString>() {
            Ok(s) => s.to_cow()?,
            Err(_) => return Err(invalid(py, "session_id", "must be a string", session_id)),
        };
        self.shared.generate_token(&sid, options).py_err(py)
    }
}

#[pymethods]
impl ClientBase {
    /// Mints a client token for `session_id` (pure CPU, never blocks). See the stubs for the
    /// accepted argument types.
    #[pyo3(signature = (session_id, role=None, expire_time=None, data=None, initial_layout_class_list=None, use_jwt=true))]
    #[allow(clippy::too_many_arguments)]
    fn generate_token(
        &self,
        py: Python<'_>,
        session_id: &Bound<'_, PyAny>,
        role: Option<&Bound<'_, PyAny>>,
        expire_time: Option<&Bound<'_, PyAny>>,
        data: Option<&Bound<'_, PyAny>>,
        initial_layout_class_list: Option<&Bound<'_, PyAny>>,
        use_jwt: bool,
    ) -> PyResult<String> {
        let options = convert::token_options(py, role, expire_time, data, initial_layout_class_list, use_jwt)?;
        self.token(py, session_id, &options)
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
        self.shared.settings().app_version
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
        let s = self.shared.settings();
        match s.jwt_lifetime {
            Some(d) => d.as_secs_f64() / 60.0,
            None => ClientOptions::default().jwt_lifetime.as_secs_f64() / 60.0,
        }
    }

    #[setter]
    fn set_jwt_livetime(&self, py: Python<'_>, minutes: Bound<'_, PyAny>) -> PyResult<()> {
        let m: f64 = match minutes.extract::<f64>() {
            Ok(m) if m.is_finite() && m > 0.0 && m <= 24.0 * 60.0 => m,
            _ => return Err(invalid(py, "jwt_livetime", "must be a positive number of minutes (at most 1440)", &minutes)),
        };
        self.shared.reconfigure(|s| s.jwt_lifetime = Some(Duration::from_secs_f64(m * 60.0))).py_err(py)
    }

    /// Runs REST operation `name` (the official Python method name, e.g. `"start_archive"`)
    /// with JSON-convertible positional arguments; see [`crate::rest::call`]. The facade's
    /// official methods call this.
    #[pyo3(signature = (name, *args))]
    fn _rest(&self, py: Python<'_>, name: &str, args: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
        crate::rest::call(self, py, name, args)
    }

    /// Appends text to the User-Agent sent with every request (official method).
    fn append_to_user_agent(&self, py: Python<'_>, value: &str) -> PyResult<()> {
        self.shared.reconfigure(|s| s.appended_user_agent.push_str(value)).py_err(py)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let name = slf.get_type().name()?;
        let this = slf.get();
        Ok(format!("{}(api_key={:?}, api_url={:?})", name, this.api_key, this.api_url()))
    }
}

/// The synchronous client: `create_session` blocks the calling thread (not the GIL) until the
/// answer arrives or `timeout` passes. Safe to share across threads.
#[pyclass(module = "opentok_native", extends = ClientBase, subclass, frozen)]
pub struct Client;

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (api_key, api_secret, api_url=None, timeout=None, app_version=None, *, proxies=None, max_retries=None, _now=None, _nonce=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: &Bound<'_, PyAny>,
        api_secret: &Bound<'_, PyAny>,
        api_url: Option<&Bound<'_, PyAny>>,
        timeout: Option<&Bound<'_, PyAny>>,
        app_version: Option<&Bound<'_, PyAny>>,
        proxies: Option<&Bound<'_, PyAny>>,
        max_retries: Option<u32>,
        _now: Option<i64>,
        _nonce: Option<u32>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let base = ClientBase::create(
            py,
            api_key,
            api_secret,
            api_url,
            timeout,
            app_version,
            proxies,
            max_retries,
            _now,
            _nonce,
            false,
        )?;
        Ok(PyClassInitializer::from(base).add_subclass(Client))
    }

    /// Creates a session (`POST /session/create`) and returns a `Session`.
    #[pyo3(signature = (location=None, media_mode=None, archive_mode=None, archive_name=None, archive_resolution=None, e2ee=false))]
    #[allow(clippy::too_many_arguments)]
    fn create_session(
        slf: &Bound<'_, Self>,
        location: Option<&Bound<'_, PyAny>>,
        media_mode: Option<&Bound<'_, PyAny>>,
        archive_mode: Option<&Bound<'_, PyAny>>,
        archive_name: Option<&Bound<'_, PyAny>>,
        archive_resolution: Option<&Bound<'_, PyAny>>,
        e2ee: bool,
    ) -> PyResult<Session> {
        let py = slf.py();
        let base = slf.as_super().get();
        let options = convert::session_options(py, location, media_mode, archive_mode, archive_name, archive_resolution, e2ee)?;
        let client = base.shared.io_client().py_err(py)?;
        let created = py.detach(move || runtime::get().block_on(client.create_session(&options)));
        Ok(Session::new(created.py_err(py)?, base.shared.clone()))
    }

    /// The seed API: `create_session(location, properties)` where `properties` holds form fields
    /// (`{"p2p.preference": "disabled", "archiveMode": "always"}`), read by the core's form rules.
    #[pyo3(signature = (location=None, properties=None))]
    fn create_session_from_properties(
        slf: &Bound<'_, Self>,
        location: Option<&Bound<'_, PyAny>>,
        properties: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Session> {
        let py = slf.py();
        let base = slf.as_super().get();
        let options = form_options(py, location, properties)?;
        let client = base.shared.io_client().py_err(py)?;
        let created = py.detach(move || runtime::get().block_on(client.create_session(&options)));
        Ok(Session::new(created.py_err(py)?, base.shared.clone()))
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

/// The asyncio client: `await client.create_session(...)`. Requests run on one runtime shared by
/// every client of the process; any number can be in flight. Creatable outside a running loop;
/// usable from any loop; safe after `os.fork()`.
#[pyclass(module = "opentok_native", name = "_AsyncClient", extends = ClientBase, subclass, frozen)]
pub struct AsyncClient;

#[pymethods]
impl AsyncClient {
    #[new]
    #[pyo3(signature = (api_key, api_secret, api_url=None, timeout=None, app_version=None, *, proxies=None, max_retries=None, _now=None, _nonce=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: &Bound<'_, PyAny>,
        api_secret: &Bound<'_, PyAny>,
        api_url: Option<&Bound<'_, PyAny>>,
        timeout: Option<&Bound<'_, PyAny>>,
        app_version: Option<&Bound<'_, PyAny>>,
        proxies: Option<&Bound<'_, PyAny>>,
        max_retries: Option<u32>,
        _now: Option<i64>,
        _nonce: Option<u32>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let base =
            ClientBase::create(py, api_key, api_secret, api_url, timeout, app_version, proxies, max_retries, _now, _nonce, true)?;
        Ok(PyClassInitializer::from(base).add_subclass(AsyncClient))
    }

    /// Starts `POST /session/create` on the shared runtime and returns an asyncio future of the
    /// `Session` (needs a running loop; `create_session` is the coroutine around it).
    #[pyo3(signature = (location=None, media_mode=None, archive_mode=None, archive_name=None, archive_resolution=None, e2ee=false))]
    #[allow(clippy::too_many_arguments)]
    fn create_session_future<'py>(
        slf: &Bound<'py, Self>,
        location: Option<&Bound<'py, PyAny>>,
        media_mode: Option<&Bound<'py, PyAny>>,
        archive_mode: Option<&Bound<'py, PyAny>>,
        archive_name: Option<&Bound<'py, PyAny>>,
        archive_resolution: Option<&Bound<'py, PyAny>>,
        e2ee: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let base = slf.as_super().get();
        let options = convert::session_options(py, location, media_mode, archive_mode, archive_name, archive_resolution, e2ee)?;
        spawn_create(py, base, options)
    }

    /// Future twin of the seed API's `create_session(location, properties)`.
    #[pyo3(signature = (location=None, properties=None))]
    fn create_session_from_properties_future<'py>(
        slf: &Bound<'py, Self>,
        location: Option<&Bound<'py, PyAny>>,
        properties: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let base = slf.as_super().get();
        let options = form_options(py, location, properties)?;
        spawn_create(py, base, options)
    }
}

fn spawn_create<'py>(py: Python<'py>, base: &ClientBase, options: SessionOptions) -> PyResult<Bound<'py, PyAny>> {
    let client = base.shared.io_client().py_err(py)?;
    let shared = base.shared.clone();
    pyo3_async_runtimes::generic::future_into_py::<SharedRuntime, _, _>(py, async move {
        // The error becomes a Python exception when the bridge converts the outcome, on a thread
        // attached to the interpreter; the tokio worker never attaches.
        Ok(Outcome(client.create_session(&options).await.map(|s| Session::new(s, shared))))
    })
}

/// A finished async call, converted to its Python value or exception by the asyncio bridge.
struct Outcome<T>(opentok::Result<T>);

impl<'py, T: IntoPyObject<'py>> IntoPyObject<'py> for Outcome<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0 {
            Ok(v) => pyo3::IntoPyObjectExt::into_bound_py_any(v, py),
            Err(e) => Err(crate::error::to_py(py, e)),
        }
    }
}
