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

#[pymethods]
impl ClientBase {
    /// `POST /archive`; `options` as `ArchiveOptions::from_json` reads them.
    #[pyo3(name = "_start_archive", signature = (session_id, options=None))]
    fn start_archive(&self, py: Python<'_>, session_id: String, options: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
        const OP: &str = "start_archive";
        let (c, o) = (self.core(py, OP)?, read(py, OP, "options", options, ArchiveOptions::from_json)?);
        self.run(py, OP, async move { c.start_archive(&session_id, &o).await })
    }

    /// `POST /archive/{id}/stop`.
    #[pyo3(name = "_stop_archive")]
    fn stop_archive(&self, py: Python<'_>, archive_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "stop_archive")?;
        self.run(py, "stop_archive", async move { c.stop_archive(&archive_id).await })
    }

    /// `GET /archive/{id}`.
    #[pyo3(name = "_get_archive")]
    fn get_archive(&self, py: Python<'_>, archive_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "get_archive")?;
        self.run(py, "get_archive", async move { c.get_archive(&archive_id).await })
    }

    /// `GET /archive` (`offset`, `count`, `sessionId`).
    #[pyo3(name = "_list_archives", signature = (options=None))]
    fn list_archives(&self, py: Python<'_>, options: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
        const OP: &str = "list_archives";
        let (c, o) = (self.core(py, OP)?, read(py, OP, "options", options, ListOptions::from_json)?);
        self.run(py, OP, async move { c.list_archives(&o).await })
    }

    /// `DELETE /archive/{id}`.
    #[pyo3(name = "_delete_archive")]
    fn delete_archive(&self, py: Python<'_>, archive_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "delete_archive")?;
        self.run(py, "delete_archive", async move { c.delete_archive(&archive_id).await })
    }

    /// `PUT /archive/{id}/layout`.
    #[pyo3(name = "_set_archive_layout", signature = (archive_id, layout=None))]
    fn set_archive_layout(&self, py: Python<'_>, archive_id: String, layout: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
        const OP: &str = "set_archive_layout";
        let (c, l) = (self.core(py, OP)?, read(py, OP, "layout", layout, Layout::from_json)?);
        self.run(py, OP, async move { c.set_archive_layout(&archive_id, &l).await })
    }

    /// `PATCH /archive/{id}/streams` (add).
    #[pyo3(name = "_add_archive_stream", signature = (archive_id, stream_id, tracks=None))]
    fn add_archive_stream(
        &self,
        py: Python<'_>,
        archive_id: String,
        stream_id: String,
        tracks: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        const OP: &str = "add_archive_stream";
        let (c, t) = (self.core(py, OP)?, read(py, OP, "tracks", tracks, StreamTracks::from_json)?);
        self.run(py, OP, async move { c.add_archive_stream(&archive_id, &stream_id, t).await })
    }

    /// `PATCH /archive/{id}/streams` (remove).
    #[pyo3(name = "_remove_archive_stream")]
    fn remove_archive_stream(&self, py: Python<'_>, archive_id: String, stream_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "remove_archive_stream")?;
        self.run(py, "remove_archive_stream", async move { c.remove_archive_stream(&archive_id, &stream_id).await })
    }

    /// `POST /broadcast`; `options` as `BroadcastOptions::from_json` reads them.
    #[pyo3(name = "_start_broadcast", signature = (session_id, options=None))]
    fn start_broadcast(&self, py: Python<'_>, session_id: String, options: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
        const OP: &str = "start_broadcast";
        let (c, o) = (self.core(py, OP)?, read(py, OP, "options", options, BroadcastOptions::from_json)?);
        self.run(py, OP, async move { c.start_broadcast(&session_id, &o).await })
    }

    /// `POST /broadcast/{id}/stop`.
    #[pyo3(name = "_stop_broadcast")]
    fn stop_broadcast(&self, py: Python<'_>, broadcast_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "stop_broadcast")?;
        self.run(py, "stop_broadcast", async move { c.stop_broadcast(&broadcast_id).await })
    }

    /// `GET /broadcast/{id}`.
    #[pyo3(name = "_get_broadcast")]
    fn get_broadcast(&self, py: Python<'_>, broadcast_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "get_broadcast")?;
        self.run(py, "get_broadcast", async move { c.get_broadcast(&broadcast_id).await })
    }

    /// `GET /broadcast` (`offset`, `count`, `sessionId`).
    #[pyo3(name = "_list_broadcasts", signature = (options=None))]
    fn list_broadcasts(&self, py: Python<'_>, options: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
        const OP: &str = "list_broadcasts";
        let (c, o) = (self.core(py, OP)?, read(py, OP, "options", options, ListOptions::from_json)?);
        self.run(py, OP, async move { c.list_broadcasts(&o).await })
    }

    /// `PUT /broadcast/{id}/layout`.
    #[pyo3(name = "_set_broadcast_layout", signature = (broadcast_id, layout=None))]
    fn set_broadcast_layout(
        &self,
        py: Python<'_>,
        broadcast_id: String,
        layout: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        const OP: &str = "set_broadcast_layout";
        let (c, l) = (self.core(py, OP)?, read(py, OP, "layout", layout, Layout::from_json)?);
        self.run(py, OP, async move { c.set_broadcast_layout(&broadcast_id, &l).await })
    }

    /// `PATCH /broadcast/{id}/streams` (add).
    #[pyo3(name = "_add_broadcast_stream", signature = (broadcast_id, stream_id, tracks=None))]
    fn add_broadcast_stream(
        &self,
        py: Python<'_>,
        broadcast_id: String,
        stream_id: String,
        tracks: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        const OP: &str = "add_broadcast_stream";
        let (c, t) = (self.core(py, OP)?, read(py, OP, "tracks", tracks, StreamTracks::from_json)?);
        self.run(py, OP, async move { c.add_broadcast_stream(&broadcast_id, &stream_id, t).await })
    }

    /// `PATCH /broadcast/{id}/streams` (remove).
    #[pyo3(name = "_remove_broadcast_stream")]
    fn remove_broadcast_stream(&self, py: Python<'_>, broadcast_id: String, stream_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "remove_broadcast_stream")?;
        self.run(py, "remove_broadcast_stream", async move { c.remove_broadcast_stream(&broadcast_id, &stream_id).await })
    }

    /// `GET /session/{sid}/stream/{id}`.
    #[pyo3(name = "_get_stream")]
    fn get_stream(&self, py: Python<'_>, session_id: String, stream_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "get_stream")?;
        self.run(py, "get_stream", async move { c.get_stream(&session_id, &stream_id).await })
    }

    /// `GET /session/{sid}/stream`.
    #[pyo3(name = "_list_streams")]
    fn list_streams(&self, py: Python<'_>, session_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "list_streams")?;
        self.run(py, "list_streams", async move { c.list_streams(&session_id).await })
    }

    /// `PUT /session/{sid}/stream`: `payload` is `[{"id": ..., "layoutClassList": [...]}]`.
    #[pyo3(name = "_set_stream_class_lists", signature = (session_id, payload=None))]
    fn set_stream_class_lists(
        &self,
        py: Python<'_>,
        session_id: String,
        payload: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        const OP: &str = "set_stream_class_lists";
        let c = self.core(py, OP)?;
        let items = read(py, OP, "payload", payload, |v| StreamClassList::list_from_json("payload", v))?;
        self.run(py, OP, async move { c.set_stream_class_lists(&session_id, &items).await })
    }

    /// `DELETE /session/{sid}/connection/{cid}`.
    #[pyo3(name = "_force_disconnect")]
    fn force_disconnect(&self, py: Python<'_>, session_id: String, connection_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "force_disconnect")?;
        self.run(py, "force_disconnect", async move { c.force_disconnect(&session_id, &connection_id).await })
    }

    /// `POST /session/{sid}/stream/{id}/mute`.
    #[pyo3(name = "_mute_stream")]
    fn mute_stream(&self, py: Python<'_>, session_id: String, stream_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "mute_stream")?;
        self.run(py, "mute_stream", async move { c.mute_stream(&session_id, &stream_id).await })
    }

    /// `POST /session/{sid}/mute` (`excludedStreamIds`).
    #[pyo3(name = "_mute_all", signature = (session_id, options=None))]
    fn mute_all(&self, py: Python<'_>, session_id: String, options: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
        const OP: &str = "mute_all";
        let (c, o) = (self.core(py, OP)?, read(py, OP, "options", options, MuteAllOptions::from_json)?);
        self.run(py, OP, async move { c.mute_all(&session_id, &o).await })
    }

    /// `POST /session/{sid}/mute` with `active: false`.
    #[pyo3(name = "_disable_force_mute")]
    fn disable_force_mute(&self, py: Python<'_>, session_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "disable_force_mute")?;
        self.run(py, "disable_force_mute", async move { c.disable_force_mute(&session_id).await })
    }

    /// `POST /session/{sid}[/connection/{cid}]/signal`.
    #[pyo3(name = "_send_signal", signature = (session_id, payload=None, connection_id=None))]
    fn send_signal(
        &self,
        py: Python<'_>,
        session_id: String,
        payload: Option<&Bound<'_, PyAny>>,
        connection_id: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        const OP: &str = "send_signal";
        let (c, s) = (self.core(py, OP)?, read(py, OP, "payload", payload, Signal::from_json)?);
        self.run(py, OP, async move { c.signal(&session_id, connection_id.as_deref(), &s).await })
    }

    /// `GET /session/{sid}/connection`.
    #[pyo3(name = "_list_connections")]
    fn list_connections(&self, py: Python<'_>, session_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "list_connections")?;
        self.run(py, "list_connections", async move { c.list_connections(&session_id).await })
    }

    /// `POST /dial`.
    #[pyo3(name = "_dial", signature = (session_id, token, sip_uri, options=None))]
    fn dial(
        &self,
        py: Python<'_>,
        session_id: String,
        token: String,
        sip_uri: String,
        options: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        const OP: &str = "dial";
        let (c, o) = (self.core(py, OP)?, read(py, OP, "options", options, SipDialOptions::from_json)?);
        self.run(py, OP, async move { c.dial(&session_id, &token, &sip_uri, &o).await })
    }

    /// `POST /session/{sid}[/connection/{cid}]/play-dtmf`; an empty `connection_id` is none.
    #[pyo3(name = "_play_dtmf")]
    fn play_dtmf(
        &self,
        py: Python<'_>,
        session_id: String,
        connection_id: Option<String>,
        digits: String,
    ) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "play_dtmf")?;
        let cid = connection_id.filter(|s| !s.is_empty());
        self.run(py, "play_dtmf", async move { c.play_dtmf(&session_id, cid.as_deref(), &digits).await })
    }

    /// `POST /captions`.
    #[pyo3(name = "_start_captions", signature = (session_id, token, options=None))]
    fn start_captions(
        &self,
        py: Python<'_>,
        session_id: String,
        token: String,
        options: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        const OP: &str = "start_captions";
        let (c, o) = (self.core(py, OP)?, read(py, OP, "options", options, CaptionOptions::from_json)?);
        self.run(py, OP, async move { c.start_captions(&session_id, &token, &o).await })
    }

    /// `POST /captions/{id}/stop`.
    #[pyo3(name = "_stop_captions")]
    fn stop_captions(&self, py: Python<'_>, captions_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "stop_captions")?;
        self.run(py, "stop_captions", async move { c.stop_captions(&captions_id).await })
    }

    /// `GET /captions/{id}`.
    #[pyo3(name = "_get_captions")]
    fn get_captions(&self, py: Python<'_>, captions_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "get_captions")?;
        self.run(py, "get_captions", async move { c.get_captions(&captions_id).await })
    }

    /// `POST /render`.
    #[pyo3(name = "_start_render", signature = (session_id, token, options=None))]
    fn start_render(
        &self,
        py: Python<'_>,
        session_id: String,
        token: String,
        options: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        const OP: &str = "start_render";
        let (c, o) = (self.core(py, OP)?, read(py, OP, "options", options, RenderOptions::from_json)?);
        self.run(py, OP, async move { c.start_render(&session_id, &token, &o).await })
    }

    /// `GET /render/{id}`.
    #[pyo3(name = "_get_render")]
    fn get_render(&self, py: Python<'_>, render_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "get_render")?;
        self.run(py, "get_render", async move { c.get_render(&render_id).await })
    }

    /// `DELETE /render/{id}`.
    #[pyo3(name = "_stop_render")]
    fn stop_render(&self, py: Python<'_>, render_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "stop_render")?;
        self.run(py, "stop_render", async move { c.stop_render(&render_id).await })
    }

    /// `GET /render` (`offset`, `count`).
    #[pyo3(name = "_list_renders", signature = (options=None))]
    fn list_renders(&self, py: Python<'_>, options: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
        const OP: &str = "list_renders";
        let (c, o) = (self.core(py, OP)?, read(py, OP, "options", options, ListOptions::from_json)?);
        self.run(py, OP, async move { c.list_renders(&o).await })
    }

    /// `POST /connect` (Audio Connector).
    #[pyo3(name = "_connect_audio_to_websocket", signature = (session_id, token, options=None))]
    fn connect_audio_to_websocket(
        &self,
        py: Python<'_>,
        session_id: String,
        token: String,
        options: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        const OP: &str = "connect_audio_to_websocket";
        let (c, o) = (self.core(py, OP)?, read(py, OP, "websocket_options", options, AudioConnectorOptions::from_json)?);
        self.run(py, OP, async move { c.connect_audio(&session_id, &token, &o).await })
    }

    /// `POST /connect/{id}/stop`.
    #[pyo3(name = "_stop_audio_connector")]
    fn stop_audio_connector(&self, py: Python<'_>, connector_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "stop_audio_connector")?;
        self.run(py, "stop_audio_connector", async move { c.stop_audio_connector(&connector_id).await })
    }

    /// `GET /callback`.
    #[pyo3(name = "_list_callbacks")]
    fn list_callbacks(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "list_callbacks")?;
        self.run(py, "list_callbacks", async move { c.list_callbacks().await })
    }

    /// `POST /callback` (`group`, `event`, `url`).
    #[pyo3(name = "_register_callback", signature = (options=None))]
    fn register_callback(&self, py: Python<'_>, options: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
        const OP: &str = "register_callback";
        let (c, o) = (self.core(py, OP)?, read(py, OP, "options", options, CallbackOptions::from_json)?);
        self.run(py, OP, async move { c.register_callback(&o).await })
    }

    /// `DELETE /callback/{id}`.
    #[pyo3(name = "_unregister_callback")]
    fn unregister_callback(&self, py: Python<'_>, callback_id: String) -> PyResult<Py<PyAny>> {
        let c = self.core(py, "unregister_callback")?;
        self.run(py, "unregister_callback", async move { c.delete_callback(&callback_id).await })
    }
}
