//! Every REST operation as one typed method of the native client (`_Client._start_archive`, ...):
//! arguments are read into the core's option types (`XxxOptions::from_json`), the core method is
//! called, and its typed answer becomes Python values through `pythonize` (the model's serde
//! form, wire camelCase keys). One helper, [`ClientBase::run`], waits with the GIL released
//! (`Client`) or hands back an asyncio future (`AsyncClient`). Errors carry the operation's name,
//! so the package can raise the official per-operation class (`ArchiveError`, ...).

use std::future::Future;

use opentok::{
    ArchiveOptions, AudioConnectorOptions, BroadcastOptions, CallbackOptions, CaptionOptions, Layout, ListOptions,
    MuteAllOptions, RenderOptions, Signal, SipDialOptions, StreamClassList, StreamTracks,
};
use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;
use serde_json::Value;

use crate::client::ClientBase;
use crate::convert::Failure;
use crate::error::to_py_for;
use crate::runtime::{self, SharedRuntime};
use crate::session::Session;

/// A core answer as a Python object.
pub(crate) trait Answer: Send + 'static {
    fn into_py(self, py: Python<'_>) -> PyResult<Py<PyAny>>;
}

/// Response models (and `()`, which becomes `None`): straight from the typed model by pythonize.
impl<T: serde::Serialize + Send + 'static> Answer for T {
    fn into_py(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(pythonize::pythonize(py, &self)?.unbind())
    }
}

impl Answer for Session {
    fn into_py(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.into_py_any(py)
    }
}

/// A finished call and its operation's name, converted on a thread attached to the interpreter.
struct Outcome<T>(opentok::Result<T>, &'static str);

impl<T: Answer> Outcome<T> {
    fn into_result(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match self.0 {
            Ok(v) => v.into_py(py),
            Err(e) => Err(to_py_for(py, e, self.1)),
        }
    }
}

impl<'py, T: Answer> IntoPyObject<'py> for Outcome<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.into_result(py).map(|v| v.into_bound(py))
    }
}

impl ClientBase {
    /// Runs a started core call: a `Client` waits for it with the GIL released and returns the
    /// answer; an `AsyncClient` returns an asyncio future of it.
    pub(crate) fn run<T, F>(&self, py: Python<'_>, op: &'static str, call: F) -> PyResult<Py<PyAny>>
    where
        T: Answer,
        F: Future<Output = opentok::Result<T>> + Send + 'static,
    {
        if self.asynchronous {
            let fut =
                pyo3_async_runtimes::generic::future_into_py::<SharedRuntime, _, _>(
                    py,
                    async move { Ok(Outcome(call.await, op)) },
                )?;
            return Ok(fut.unbind());
        }
        let answer = py.detach(move || runtime::get().block_on(call));
        Outcome(answer, op).into_result(py)
    }

    /// The core client for a request of `op`.
    fn core(&self, py: Python<'_>, op: &'static str) -> PyResult<opentok::Client> {
        self.shared.io_client().map_err(|e| to_py_for(py, e, op))
    }
}

/// Reads an options argument of `op` with the core's reader (`None` reads as `null`).
fn read<T>(
    py: Python<'_>,
    op: &'static str,
    field: &str,
    obj: Option<&Bound<'_, PyAny>>,
    reader: impl FnOnce(&Value) -> opentok::Result<T>,
) -> PyResult<T> {
    let value = match obj {
        Some(o) => match crate::convert::to_json(field, o) {
            Ok(v) => v,
            Err(Failure::Rule(e)) => return Err(to_py_for(py, e, op)),
            Err(Failure::Python(e)) => return Err(e),
        },
        None => Value::Null,
    };
    reader(&value).map_err(|e| to_py_for(py, e, op))
}

/// Declares REST operations as methods of the native client, one operation a line: the doc and
/// pyo3 attributes, `fn _name(args)` (the Python name; the error's operation is the name without
/// the `_`), at most one `read arg("field", Reader::from_json)` that turns that argument into the
/// core's option type (see [`read`]), and the core call with `c` as the core client.
macro_rules! rest_operations {
    ($(
        $(#[$meta:meta])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?)
        $(read $opt:ident($field:literal, $reader:expr))?
        => |$c:ident| $call:expr;
    )*) => {
        #[pymethods]
        impl ClientBase {
            $(
                $(#[$meta])*
                fn $name(&self, py: Python<'_>, $($arg: $ty),*) -> PyResult<Py<PyAny>> {
                    let op: &'static str = &stringify!($name)[1..];
                    let $c = self.core(py, op)?;
                    $(let $opt = read(py, op, $field, $opt, $reader)?;)?
                    self.run(py, op, async move { $call.await })
                }
            )*
        }
    };
}

rest_operations! {
    /// `POST /archive`; `options` as `ArchiveOptions::from_json` reads them.
    #[pyo3(signature = (session_id, options=None))]
    fn _start_archive(session_id: String, options: Option<&Bound<'_, PyAny>>)
        read options("options", ArchiveOptions::from_json) => |c| c.start_archive(&session_id, &options);
    /// `POST /archive/{id}/stop`.
    fn _stop_archive(archive_id: String) => |c| c.stop_archive(&archive_id);
    /// `GET /archive/{id}`.
    fn _get_archive(archive_id: String) => |c| c.get_archive(&archive_id);
    /// `GET /archive` (`offset`, `count`, `sessionId`).
    #[pyo3(signature = (options=None))]
    fn _list_archives(options: Option<&Bound<'_, PyAny>>)
        read options("options", ListOptions::from_json) => |c| c.list_archives(&options);
    /// `DELETE /archive/{id}`.
    fn _delete_archive(archive_id: String) => |c| c.delete_archive(&archive_id);
    /// `PUT /archive/{id}/layout`.
    #[pyo3(signature = (archive_id, layout=None))]
    fn _set_archive_layout(archive_id: String, layout: Option<&Bound<'_, PyAny>>)
        read layout("layout", Layout::from_json) => |c| c.set_archive_layout(&archive_id, &layout);
    /// `PATCH /archive/{id}/streams` (add).
    #[pyo3(signature = (archive_id, stream_id, tracks=None))]
    fn _add_archive_stream(archive_id: String, stream_id: String, tracks: Option<&Bound<'_, PyAny>>)
        read tracks("tracks", StreamTracks::from_json) => |c| c.add_archive_stream(&archive_id, &stream_id, tracks);
    /// `PATCH /archive/{id}/streams` (remove).
    fn _remove_archive_stream(archive_id: String, stream_id: String) => |c| c.remove_archive_stream(&archive_id, &stream_id);

    /// `POST /broadcast`; `options` as `BroadcastOptions::from_json` reads them.
    #[pyo3(signature = (session_id, options=None))]
    fn _start_broadcast(session_id: String, options: Option<&Bound<'_, PyAny>>)
        read options("options", BroadcastOptions::from_json) => |c| c.start_broadcast(&session_id, &options);
    /// `POST /broadcast/{id}/stop`.
    fn _stop_broadcast(broadcast_id: String) => |c| c.stop_broadcast(&broadcast_id);
    /// `GET /broadcast/{id}`.
    fn _get_broadcast(broadcast_id: String) => |c| c.get_broadcast(&broadcast_id);
    /// `GET /broadcast` (`offset`, `count`, `sessionId`).
    #[pyo3(signature = (options=None))]
    fn _list_broadcasts(options: Option<&Bound<'_, PyAny>>)
        read options("options", ListOptions::from_json) => |c| c.list_broadcasts(&options);
    /// `PUT /broadcast/{id}/layout`.
    #[pyo3(signature = (broadcast_id, layout=None))]
    fn _set_broadcast_layout(broadcast_id: String, layout: Option<&Bound<'_, PyAny>>)
        read layout("layout", Layout::from_json) => |c| c.set_broadcast_layout(&broadcast_id, &layout);
    /// `PATCH /broadcast/{id}/streams` (add).
    #[pyo3(signature = (broadcast_id, stream_id, tracks=None))]
    fn _add_broadcast_stream(broadcast_id: String, stream_id: String, tracks: Option<&Bound<'_, PyAny>>)
        read tracks("tracks", StreamTracks::from_json) => |c| c.add_broadcast_stream(&broadcast_id, &stream_id, tracks);
    /// `PATCH /broadcast/{id}/streams` (remove).
    fn _remove_broadcast_stream(broadcast_id: String, stream_id: String)
        => |c| c.remove_broadcast_stream(&broadcast_id, &stream_id);

    /// `GET /session/{sid}/stream/{id}`.
    fn _get_stream(session_id: String, stream_id: String) => |c| c.get_stream(&session_id, &stream_id);
    /// `GET /session/{sid}/stream`.
    fn _list_streams(session_id: String) => |c| c.list_streams(&session_id);
    /// `PUT /session/{sid}/stream`: `payload` is `[{"id": ..., "layoutClassList": [...]}]`.
    #[pyo3(signature = (session_id, payload=None))]
    fn _set_stream_class_lists(session_id: String, payload: Option<&Bound<'_, PyAny>>)
        read payload("payload", |v| StreamClassList::list_from_json("payload", v))
        => |c| c.set_stream_class_lists(&session_id, &payload);
    /// `DELETE /session/{sid}/connection/{cid}`.
    fn _force_disconnect(session_id: String, connection_id: String) => |c| c.force_disconnect(&session_id, &connection_id);
    /// `POST /session/{sid}/stream/{id}/mute`.
    fn _mute_stream(session_id: String, stream_id: String) => |c| c.mute_stream(&session_id, &stream_id);
    /// `POST /session/{sid}/mute` (`excludedStreamIds`).
    #[pyo3(signature = (session_id, options=None))]
    fn _mute_all(session_id: String, options: Option<&Bound<'_, PyAny>>)
        read options("options", MuteAllOptions::from_json) => |c| c.mute_all(&session_id, &options);
    /// `POST /session/{sid}/mute` with `active: false`.
    fn _disable_force_mute(session_id: String) => |c| c.disable_force_mute(&session_id);
    /// `POST /session/{sid}[/connection/{cid}]/signal`.
    #[pyo3(signature = (session_id, payload=None, connection_id=None))]
    fn _send_signal(session_id: String, payload: Option<&Bound<'_, PyAny>>, connection_id: Option<String>)
        read payload("payload", Signal::from_json) => |c| c.signal(&session_id, connection_id.as_deref(), &payload);
    /// `GET /session/{sid}/connection`.
    fn _list_connections(session_id: String) => |c| c.list_connections(&session_id);

    /// `POST /dial`.
    #[pyo3(signature = (session_id, token, sip_uri, options=None))]
    fn _dial(session_id: String, token: String, sip_uri: String, options: Option<&Bound<'_, PyAny>>)
        read options("options", SipDialOptions::from_json) => |c| c.dial(&session_id, &token, &sip_uri, &options);
    /// `POST /session/{sid}[/connection/{cid}]/play-dtmf`; an empty `connection_id` is none.
    fn _play_dtmf(session_id: String, connection_id: Option<String>, digits: String)
        => |c| c.play_dtmf(&session_id, connection_id.filter(|s| !s.is_empty()).as_deref(), &digits);

    /// `POST /captions`.
    #[pyo3(signature = (session_id, token, options=None))]
    fn _start_captions(session_id: String, token: String, options: Option<&Bound<'_, PyAny>>)
        read options("options", CaptionOptions::from_json) => |c| c.start_captions(&session_id, &token, &options);
    /// `POST /captions/{id}/stop`.
    fn _stop_captions(captions_id: String) => |c| c.stop_captions(&captions_id);
    /// `GET /captions/{id}`.
    fn _get_captions(captions_id: String) => |c| c.get_captions(&captions_id);

    /// `POST /render`.
    #[pyo3(signature = (session_id, token, options=None))]
    fn _start_render(session_id: String, token: String, options: Option<&Bound<'_, PyAny>>)
        read options("options", RenderOptions::from_json) => |c| c.start_render(&session_id, &token, &options);
    /// `GET /render/{id}`.
    fn _get_render(render_id: String) => |c| c.get_render(&render_id);
    /// `DELETE /render/{id}`.
    fn _stop_render(render_id: String) => |c| c.stop_render(&render_id);
    /// `GET /render` (`offset`, `count`).
    #[pyo3(signature = (options=None))]
    fn _list_renders(options: Option<&Bound<'_, PyAny>>)
        read options("options", ListOptions::from_json) => |c| c.list_renders(&options);

    /// `POST /connect` (Audio Connector).
    #[pyo3(signature = (session_id, token, options=None))]
    fn _connect_audio_to_websocket(session_id: String, token: String, options: Option<&Bound<'_, PyAny>>)
        read options("websocket_options", AudioConnectorOptions::from_json)
        => |c| c.connect_audio(&session_id, &token, &options);
    /// `POST /connect/{id}/stop`.
    fn _stop_audio_connector(connector_id: String) => |c| c.stop_audio_connector(&connector_id);

    /// `GET /callback`.
    fn _list_callbacks() => |c| c.list_callbacks();
    /// `POST /callback` (`group`, `event`, `url`).
    #[pyo3(signature = (options=None))]
    fn _register_callback(options: Option<&Bound<'_, PyAny>>)
        read options("options", CallbackOptions::from_json) => |c| c.register_callback(&options);
    /// `DELETE /callback/{id}`.
    fn _unregister_callback(callback_id: String) => |c| c.delete_callback(&callback_id);
}
