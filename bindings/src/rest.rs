//! Every REST operation of the core behind one exported pair of methods on [`Client`]:
//! `rest` (async, for Kotlin `suspend`) and `rest_blocking` (for Java and Ruby).
//!
//! # Contract (the Kotlin/Java and Ruby packages are written against it)
//!
//! ```text
//! async fn rest(&self, operation: String, args_json: String) -> Result<String, NativeError>
//! fn rest_blocking(&self, operation: String, args_json: String) -> Result<String, NativeError>
//! ```
//!
//! * `operation` is the core method name (`opentok::Client::<operation>`), one of the names in
//!   the table below.
//! * `args_json` is a JSON array of the core method's arguments, in order, with exactly the
//!   listed number of elements: ids, tokens, URIs and digits as JSON strings; options as JSON
//!   objects, read by the core's `XxxOptions::from_json` (keys as on the wire, `outputMode`, or
//!   snake_case, `output_mode`); `null` for `None` (an optional connection id) or for default
//!   options.
//! * The answer is the core's response model serialized to JSON (its serde form, wire
//!   camelCase), `"null"` for operations without an answer body.
//! * Errors are [`NativeError`]s. An unknown `operation`, `args_json` that is not a JSON array,
//!   or a wrong number of elements is `InvalidArgument` with field `operation` and a message
//!   naming the operation; an argument of the wrong JSON type is `InvalidArgument` naming that
//!   argument (`session_id`, `archive_id`, ...). Everything else (OpenTok rules, enum
//!   spellings, unknown option keys) is the core's `from_json`/validation error, and server
//!   answers keep their status and code (404 `NotFound`, 409 `Conflict`, 413 `PayloadTooLarge`).
//!
//! | operation | `args_json` | answer |
//! |---|---|---|
//! | `start_archive` | `[session_id, ArchiveOptions]` | `Archive` |
//! | `stop_archive` | `[archive_id]` | `Archive` |
//! | `get_archive` | `[archive_id]` | `Archive` |
//! | `list_archives` | `[ListOptions]` (`offset`, `count`, `sessionId`) | `{"count", "items": [Archive]}` |
//! | `delete_archive` | `[archive_id]` | `null` |
//! | `set_archive_layout` | `[archive_id, Layout]` | `null` |
//! | `add_archive_stream` | `[archive_id, stream_id, StreamTracks]` | `null` |
//! | `remove_archive_stream` | `[archive_id, stream_id]` | `null` |
//! | `start_broadcast` | `[session_id, BroadcastOptions]` | `Broadcast` |
//! | `stop_broadcast` | `[broadcast_id]` | `Broadcast` |
//! | `get_broadcast` | `[broadcast_id]` | `Broadcast` |
//! | `list_broadcasts` | `[ListOptions]` | `{"count", "items": [Broadcast]}` |
//! | `set_broadcast_layout` | `[broadcast_id, Layout]` | `null` |
//! | `add_broadcast_stream` | `[broadcast_id, stream_id, StreamTracks]` | `null` |
//! | `remove_broadcast_stream` | `[broadcast_id, stream_id]` | `null` |
//! | `get_stream` | `[session_id, stream_id]` | `Stream` |
//! | `list_streams` | `[session_id]` | `{"count", "items": [Stream]}` |
//! | `set_stream_class_lists` | `[session_id, [{"id", "layoutClassList": [..]}, ..]]` | `null` |
//! | `force_disconnect` | `[session_id, connection_id]` | `null` |
//! | `mute_stream` | `[session_id, stream_id]` | `null` |
//! | `mute_all` | `[session_id, MuteAllOptions]` | `null` |
//! | `disable_force_mute` | `[session_id]` | `null` |
//! | `signal` | `[session_id, connection_id or null, Signal]` | `null` |
//! | `list_connections` | `[session_id]` | `{"count", "items": [Connection]}` |
//! | `dial` | `[session_id, token, sip_uri, SipDialOptions]` | `SipCall` |
//! | `play_dtmf` | `[session_id, connection_id or null, digits]` | `null` |
//! | `start_captions` | `[session_id, token, CaptionOptions]` | `Captions` |
//! | `stop_captions` | `[captions_id]` | `null` |
//! | `get_captions` | `[captions_id]` | `CaptionStatus` |
//! | `start_render` | `[session_id, token, RenderOptions]` | `Render` |
//! | `get_render` | `[render_id]` | `Render` |
//! | `stop_render` | `[render_id]` | `null` |
//! | `list_renders` | `[ListOptions]` | `{"count", "items": [Render]}` |
//! | `connect_audio` | `[session_id, token, AudioConnectorOptions]` | `AudioConnection` |
//! | `stop_audio_connector` | `[connector_id]` | `null` |
//! | `list_callbacks` | `[]` | `[Callback]` |
//! | `register_callback` | `[CallbackOptions]` | `Callback` |
//! | `delete_callback` | `[callback_id]` | `null` |
//!
//! No OpenTok rule lives here: the dispatch only reads JSON shapes and hands them to the core.

use opentok::{
    ArchiveOptions, AudioConnectorOptions, BroadcastOptions, CallbackOptions, CaptionOptions, Layout, ListOptions,
    MuteAllOptions, RenderOptions, Signal, SipDialOptions, StreamClassList, StreamTracks,
};
use serde_json::Value;
use std::future::Future;
use std::pin::Pin;

use crate::client::{block_on, Client};
use crate::error::Result;

/// A started core call whose answer is JSON (`null` for answers without a body).
type Op = Pin<Box<dyn Future<Output = opentok::Result<Value>> + Send + 'static>>;

/// Every operation name with the number of elements its `args_json` must have.
pub const OPERATIONS: &[(&str, usize)] = &[
    ("start_archive", 2),
    ("stop_archive", 1),
    ("get_archive", 1),
    ("list_archives", 1),
    ("delete_archive", 1),
    ("set_archive_layout", 2),
    ("add_archive_stream", 3),
    ("remove_archive_stream", 2),
    ("start_broadcast", 2),
    ("stop_broadcast", 1),
    ("get_broadcast", 1),
    ("list_broadcasts", 1),
    ("set_broadcast_layout", 2),
    ("add_broadcast_stream", 3),
    ("remove_broadcast_stream", 2),
    ("get_stream", 2),
    ("list_streams", 1),
    ("set_stream_class_lists", 2),
    ("force_disconnect", 2),
    ("mute_stream", 2),
    ("mute_all", 2),
    ("disable_force_mute", 1),
    ("signal", 3),
    ("list_connections", 1),
    ("dial", 4),
    ("play_dtmf", 3),
    ("start_captions", 3),
    ("stop_captions", 1),
    ("get_captions", 1),
    ("start_render", 3),
    ("get_render", 1),
    ("stop_render", 1),
    ("list_renders", 1),
    ("connect_audio", 3),
    ("stop_audio_connector", 1),
    ("list_callbacks", 0),
    ("register_callback", 1),
    ("delete_callback", 1),
];

/// Shows a JSON value as JSON text in error messages.
struct Json<'a>(&'a Value);

impl std::fmt::Debug for Json<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The positional arguments of one operation.
struct Args {
    operation: String,
    values: Vec<Value>,
}

impl Args {
    /// Argument `i` (its arity was checked before).
    fn value(&self, i: usize) -> &Value {
        &self.values[i]
    }

    /// Argument `i`, which must be a JSON string.
    fn string(&self, i: usize, field: &str) -> opentok::Result<String> {
        match self.value(i) {
            Value::String(s) => Ok(s.clone()),
            other => Err(opentok::Error::invalid(format!("{}.{field}", self.operation), "must be a JSON string", Json(other))),
        }
    }

    /// Argument `i`: a JSON string or `null`.
    fn opt_string(&self, i: usize, field: &str) -> opentok::Result<Option<String>> {
        match self.value(i) {
            Value::Null => Ok(None),
            Value::String(s) => Ok(Some(s.clone())),
            other => {
                Err(opentok::Error::invalid(format!("{}.{field}", self.operation), "must be a JSON string or null", Json(other)))
            }
        }
    }
}

/// Wraps a core call answering a serializable model (a macro, so the crate needs no direct
/// `serde` dependency: `serde_json::to_value` takes any `Serialize`).
macro_rules! json_op {
    ($f:expr) => {{
        let f = $f;
        let op: Op = Box::pin(async move {
            let v = f.await?;
            serde_json::to_value(v).map_err(|e| opentok::Error::invalid("answer", "must serialize to JSON", e.to_string()))
        });
        op
    }};
}

/// Wraps a core call without an answer body.
fn unit_op<F>(f: F) -> Op
where
    F: Future<Output = opentok::Result<()>> + Send + 'static,
{
    Box::pin(async move { f.await.map(|()| Value::Null) })
}

/// `[{"id", "layoutClassList": [..]}, ..]` as the core's items (the core reads the shape).
fn class_lists(v: &Value) -> opentok::Result<Vec<StreamClassList>> {
    StreamClassList::list_from_json("items", v)
}

/// Parses `args_json`, checks the arity of `operation` and starts the core call.
fn start(client: &opentok::Client, operation: &str, args_json: &str) -> opentok::Result<Op> {
    let Some(&(_, arity)) = OPERATIONS.iter().find(|(name, _)| *name == operation) else {
        return Err(opentok::Error::invalid(
            "operation",
            "must be a REST operation of the core (start_archive, signal, ...)",
            operation,
        ));
    };
    let values = match serde_json::from_str::<Value>(args_json) {
        Ok(Value::Array(values)) => values,
        Ok(other) => {
            return Err(opentok::Error::invalid(
                "operation",
                format!("{operation}: args_json must be a JSON array"),
                Json(&other),
            ));
        }
        Err(e) => {
            return Err(opentok::Error::invalid(
                "operation",
                format!("{operation}: args_json must be a JSON array ({e})"),
                args_json,
            ));
        }
    };
    if values.len() != arity {
        return Err(opentok::Error::invalid(
            "operation",
            format!("{operation} takes {arity} argument(s) in args_json, got {}", values.len()),
            args_json,
        ));
    }
    let a = Args { operation: operation.to_string(), values };
    let c = client.clone();
    Ok(match operation {
        // archives
        "start_archive" => {
            let (sid, o) = (a.string(0, "session_id")?, ArchiveOptions::from_json(a.value(1))?);
            json_op!(async move { c.start_archive(&sid, &o).await })
        }
        "stop_archive" => {
            let id = a.string(0, "archive_id")?;
            json_op!(async move { c.stop_archive(&id).await })
        }
        "get_archive" => {
            let id = a.string(0, "archive_id")?;
            json_op!(async move { c.get_archive(&id).await })
        }
        "list_archives" => {
            let o = ListOptions::from_json(a.value(0))?;
            json_op!(async move { c.list_archives(&o).await })
        }
        "delete_archive" => {
            let id = a.string(0, "archive_id")?;
            unit_op(async move { c.delete_archive(&id).await })
        }
        "set_archive_layout" => {
            let (id, l) = (a.string(0, "archive_id")?, Layout::from_json(a.value(1))?);
            unit_op(async move { c.set_archive_layout(&id, &l).await })
        }
        "add_archive_stream" => {
            let (id, sid) = (a.string(0, "archive_id")?, a.string(1, "stream_id")?);
            let t = StreamTracks::from_json(a.value(2))?;
            unit_op(async move { c.add_archive_stream(&id, &sid, t).await })
        }
        "remove_archive_stream" => {
            let (id, sid) = (a.string(0, "archive_id")?, a.string(1, "stream_id")?);
            unit_op(async move { c.remove_archive_stream(&id, &sid).await })
        }
        // broadcasts
        "start_broadcast" => {
            let (sid, o) = (a.string(0, "session_id")?, BroadcastOptions::from_json(a.value(1))?);
            json_op!(async move { c.start_broadcast(&sid, &o).await })
        }
        "stop_broadcast" => {
            let id = a.string(0, "broadcast_id")?;
            json_op!(async move { c.stop_broadcast(&id).await })
        }
        "get_broadcast" => {
            let id = a.string(0, "broadcast_id")?;
            json_op!(async move { c.get_broadcast(&id).await })
        }
        "list_broadcasts" => {
            let o = ListOptions::from_json(a.value(0))?;
            json_op!(async move { c.list_broadcasts(&o).await })
        }
        "set_broadcast_layout" => {
            let (id, l) = (a.string(0, "broadcast_id")?, Layout::from_json(a.value(1))?);
            unit_op(async move { c.set_broadcast_layout(&id, &l).await })
        }
        "add_broadcast_stream" => {
            let (id, sid) = (a.string(0, "broadcast_id")?, a.string(1, "stream_id")?);
            let t = StreamTracks::from_json(a.value(2))?;
            unit_op(async move { c.add_broadcast_stream(&id, &sid, t).await })
        }
        "remove_broadcast_stream" => {
            let (id, sid) = (a.string(0, "broadcast_id")?, a.string(1, "stream_id")?);
            unit_op(async move { c.remove_broadcast_stream(&id, &sid).await })
        }
        // streams
        "get_stream" => {
            let (sid, st) = (a.string(0, "session_id")?, a.string(1, "stream_id")?);
            json_op!(async move { c.get_stream(&sid, &st).await })
        }
        "list_streams" => {
            let sid = a.string(0, "session_id")?;
            json_op!(async move { c.list_streams(&sid).await })
        }
        "set_stream_class_lists" => {
            let (sid, items) = (a.string(0, "session_id")?, class_lists(a.value(1))?);
            unit_op(async move { c.set_stream_class_lists(&sid, &items).await })
        }
        // moderation
        "force_disconnect" => {
            let (sid, cid) = (a.string(0, "session_id")?, a.string(1, "connection_id")?);
            unit_op(async move { c.force_disconnect(&sid, &cid).await })
        }
        "mute_stream" => {
            let (sid, st) = (a.string(0, "session_id")?, a.string(1, "stream_id")?);
            unit_op(async move { c.mute_stream(&sid, &st).await })
        }
        "mute_all" => {
            let (sid, o) = (a.string(0, "session_id")?, MuteAllOptions::from_json(a.value(1))?);
            unit_op(async move { c.mute_all(&sid, &o).await })
        }
        "disable_force_mute" => {
            let sid = a.string(0, "session_id")?;
            unit_op(async move { c.disable_force_mute(&sid).await })
        }
        // signaling and connections
        "signal" => {
            let (sid, cid) = (a.string(0, "session_id")?, a.opt_string(1, "connection_id")?);
            let s = Signal::from_json(a.value(2))?;
            unit_op(async move { c.signal(&sid, cid.as_deref(), &s).await })
        }
        "list_connections" => {
            let sid = a.string(0, "session_id")?;
            json_op!(async move { c.list_connections(&sid).await })
        }
        // SIP
        "dial" => {
            let (sid, token, uri) = (a.string(0, "session_id")?, a.string(1, "token")?, a.string(2, "sip_uri")?);
            let o = SipDialOptions::from_json(a.value(3))?;
            json_op!(async move { c.dial(&sid, &token, &uri, &o).await })
        }
        "play_dtmf" => {
            let (sid, cid, digits) = (a.string(0, "session_id")?, a.opt_string(1, "connection_id")?, a.string(2, "digits")?);
            unit_op(async move { c.play_dtmf(&sid, cid.as_deref(), &digits).await })
        }
        // captions
        "start_captions" => {
            let (sid, token) = (a.string(0, "session_id")?, a.string(1, "token")?);
            let o = CaptionOptions::from_json(a.value(2))?;
            json_op!(async move { c.start_captions(&sid, &token, &o).await })
        }
        "stop_captions" => {
            let id = a.string(0, "captions_id")?;
            unit_op(async move { c.stop_captions(&id).await })
        }
        "get_captions" => {
            let id = a.string(0, "captions_id")?;
            json_op!(async move { c.get_captions(&id).await })
        }
        // renders
        "start_render" => {
            let (sid, token) = (a.string(0, "session_id")?, a.string(1, "token")?);
            let o = RenderOptions::from_json(a.value(2))?;
            json_op!(async move { c.start_render(&sid, &token, &o).await })
        }
        "get_render" => {
            let id = a.string(0, "render_id")?;
            json_op!(async move { c.get_render(&id).await })
        }
        "stop_render" => {
            let id = a.string(0, "render_id")?;
            unit_op(async move { c.stop_render(&id).await })
        }
        "list_renders" => {
            let o = ListOptions::from_json(a.value(0))?;
            json_op!(async move { c.list_renders(&o).await })
        }
        // Audio Connector
        "connect_audio" => {
            let (sid, token) = (a.string(0, "session_id")?, a.string(1, "token")?);
            let o = AudioConnectorOptions::from_json(a.value(2))?;
            json_op!(async move { c.connect_audio(&sid, &token, &o).await })
        }
        "stop_audio_connector" => {
            let id = a.string(0, "connector_id")?;
            unit_op(async move { c.stop_audio_connector(&id).await })
        }
        // callbacks
        "list_callbacks" => json_op!(async move { c.list_callbacks().await }),
        "register_callback" => {
            let o = CallbackOptions::from_json(a.value(0))?;
            json_op!(async move { c.register_callback(&o).await })
        }
        "delete_callback" => {
            let id = a.string(0, "callback_id")?;
            unit_op(async move { c.delete_callback(&id).await })
        }
        // OPERATIONS and this match list the same names (a unit test checks it).
        other => return Err(opentok::Error::invalid("operation", "has no dispatch (bindings bug)", other)),
    })
}

/// Serializes an answer (`null` for unit answers).
fn to_text(v: Value) -> String {
    v.to_string()
}

#[uniffi::export(async_runtime = "tokio")]
impl Client {
    /// Runs REST operation `operation` (a core method name such as `start_archive`) with the
    /// JSON array `args_json` of its arguments; answers the core's model as JSON (`null` for
    /// unit). See the module docs of `rest.rs` for the full contract.
    pub async fn rest(&self, operation: String, args_json: String) -> Result<String> {
        let op = start(self.core(), &operation, &args_json)?;
        Ok(to_text(op.await?))
    }

    /// Blocking twin of [`Client::rest`] (Java callers; Ruby attaches it with `blocking: true`
    /// so the GVL is released while waiting).
    pub fn rest_blocking(&self, operation: String, args_json: String) -> Result<String> {
        let op = start(self.core(), &operation, &args_json)?;
        Ok(to_text(block_on(op)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::ClientConfig;
    use crate::NativeError;
    use std::sync::Arc;

    fn client() -> Arc<Client> {
        Client::new(
            "123456".into(),
            "1234567890abcdef1234567890abcdef1234567890".into(),
            ClientConfig { api_url: Some("http://127.0.0.1:9".into()), max_retries: Some(0), ..Default::default() },
        )
        .unwrap()
    }

    fn invalid(e: NativeError) -> (Option<String>, String) {
        match e {
            NativeError::InvalidArgument { field, text, .. } => (field, text),
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
    }

    #[test]
    fn unknown_operation_names_operation() {
        let (field, text) = invalid(client().rest_blocking("start_archvie".into(), "[]".into()).unwrap_err());
        assert_eq!(field.as_deref(), Some("operation"));
        assert!(text.contains("start_archvie"), "{text}");
    }

    #[test]
    fn wrong_arity_names_operation_and_counts() {
        let (field, text) = invalid(client().rest_blocking("stop_archive".into(), r#"["a", "b"]"#.into()).unwrap_err());
        assert_eq!(field.as_deref(), Some("operation"));
        assert!(text.contains("stop_archive") && text.contains("takes 1") && text.contains("got 2"), "{text}");
        let (field, _) = invalid(client().rest_blocking("list_callbacks".into(), r#"[null]"#.into()).unwrap_err());
        assert_eq!(field.as_deref(), Some("operation"));
    }

    #[test]
    fn args_json_must_be_an_array() {
        let (field, text) = invalid(client().rest_blocking("get_archive".into(), r#"{"id": "x"}"#.into()).unwrap_err());
        assert_eq!(field.as_deref(), Some("operation"));
        assert!(text.contains("get_archive") && text.contains("JSON array"), "{text}");
        let (_, text) = invalid(client().rest_blocking("get_archive".into(), "not json".into()).unwrap_err());
        assert!(text.contains("JSON array"), "{text}");
    }

    #[test]
    fn from_json_errors_come_from_the_core_and_nothing_is_sent() {
        // The client points at a closed port: reaching the network would be a Connect error.
        let sid = "1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-YWJjZGVmZ2hpams-fg";
        let args = serde_json::json!([sid, {"outputMode": "sideways"}]).to_string();
        let (field, text) = invalid(client().rest_blocking("start_archive".into(), args).unwrap_err());
        assert_eq!(field.as_deref(), Some("outputMode"), "{text}");
        assert!(text.contains("sideways"), "{text}");
        let args = serde_json::json!([sid, {"bogus": 1}]).to_string();
        let (field, _) = invalid(client().rest_blocking("start_archive".into(), args).unwrap_err());
        assert_eq!(field.as_deref(), Some("bogus"));
    }

    #[test]
    fn wrong_argument_type_names_the_argument() {
        let (field, text) = invalid(client().rest_blocking("get_archive".into(), "[42]".into()).unwrap_err());
        assert_eq!(field.as_deref(), Some("get_archive.archive_id"), "{text}");
        let (field, _) = invalid(client().rest_blocking("signal".into(), r#"["s", 7, {}]"#.into()).unwrap_err());
        assert_eq!(field.as_deref(), Some("signal.connection_id"));
    }

    #[test]
    fn class_lists_shape_is_read_rules_are_left_to_the_core() {
        let items =
            class_lists(&serde_json::json!([{"id": "s1", "layoutClassList": ["full"]}, {"id": "s2", "layout_class_list": null}]))
                .unwrap();
        assert_eq!(items, vec![StreamClassList::new("s1", ["full"]), StreamClassList::new("s2", Vec::<String>::new())]);
        assert!(class_lists(&serde_json::json!({"id": "s1"})).is_err());
        assert!(class_lists(&serde_json::json!([{"id": "s1", "extra": 1}])).is_err());
    }

    #[test]
    fn every_listed_operation_dispatches() {
        // Each name with the right arity of wrong-typed arguments fails on an argument (or a
        // from_json), never with "has no dispatch".
        for (name, arity) in OPERATIONS {
            let args = Value::Array(vec![Value::Bool(true); *arity]).to_string();
            match client().rest_blocking(name.to_string(), args) {
                Err(NativeError::InvalidArgument { text, .. }) => assert!(!text.contains("no dispatch"), "{name}: {text}"),
                other if *arity == 0 => {
                    assert!(matches!(other, Err(NativeError::Connect { .. } | NativeError::Timeout { .. })), "{name}: {other:?}")
                }
                other => panic!("{name}: {other:?}"),
            }
        }
    }

    #[test]
    fn connect_errors_pass_through_with_their_kind() {
        let e = client().rest_blocking("get_archive".into(), r#"["a1"]"#.into()).unwrap_err();
        assert!(matches!(e, NativeError::Connect { .. } | NativeError::Timeout { .. }), "{e:?}");
    }
}
