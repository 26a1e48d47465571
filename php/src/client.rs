//! `OpenTok\OpenTok`: construction (api key and secret, or a Vonage application id and private
//! key), `createSession`, `generateToken` and every REST method of the official class under its
//! official name and parameter order. Arguments become the core's option types through the
//! core's `from_json` readers; the core's typed answers become the model classes ([`crate::model`]).

// PHP sees the Rust parameter names (named arguments): they are the official camelCase ones.
#![allow(non_snake_case)]

use std::future::Future;

use std::sync::Mutex;

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use opentok::{
    ArchiveMode, ArchiveOptions, ArchiveResolution, AudioConnectorOptions, BroadcastOptions, CaptionOptions, ClientOptions,
    ClientSettings, Credentials, Dialect, Layout, ListOptions, MediaMode, MuteAllOptions, RenderOptions, SessionOptions, Signal,
    SipDialOptions, StreamClassList,
};
use serde_json::{json, Map, Value};

use crate::convert::{opt_text, text, to_json, to_zval, Shown};
use crate::error::{invalid, Family, OrThrow};
use crate::model::{from_model, list};
use crate::session::Session;

/// The official SDK's default `apiUrl`; with application credentials it means "the default".
const OPENTOK_API_URL: &str = "https://api.opentok.com";

/// `OpenTok\OpenTok`.
#[php_class]
#[php(name = "OpenTok\\OpenTok")]
pub struct OpenTok {
    credentials: Credentials,
    options: ClientOptions,
    /// The core client and the process it was built in: a child forked after a call (a PHP-FPM
    /// or pcntl worker) builds its own, since the parent's pooled connections belong to the
    /// parent's runtime.
    slot: Mutex<(u32, opentok::Client)>,
}

/// `php/<version>` for the User-Agent.
fn binding() -> String {
    format!("php/{}", crate::php_version())
}

impl OpenTok {
    /// Builds the client from the constructor's arguments (shared with `OpenTokSDK`).
    pub(crate) fn build(api_key: &Zval, api_secret: &Zval, options: Option<&Zval>) -> PhpResult<OpenTok> {
        let id = text("apiKey", api_key).or_throw()?;
        let secret = match api_secret.dereference().str() {
            Some(s) if api_secret.dereference().is_string() => s.to_string(),
            _ => {
                return Err(invalid("apiSecret", "must be a string (an API secret, a PEM private key or its path)", "<redacted>"))
            }
        };
        let credentials = Credentials::from_secret_or_key(id, &secret).or_throw()?;
        let opts = match options.map(Zval::dereference).filter(|o| !o.is_null()) {
            None => None,
            Some(o) => Some(o.array().ok_or_else(|| invalid("options", "must be an array", Shown(o)))?),
        };
        let get = |k: &str| opts.and_then(|o| o.get(k)).map(Zval::dereference).filter(|v| !v.is_null());
        let mut api_url = opt_text("apiUrl", get("apiUrl")).or_throw()?;
        if credentials.is_application() && api_url.as_deref() == Some(OPENTOK_API_URL) {
            api_url = None;
        }
        let timeout = match get("timeout") {
            None => None,
            Some(t) => {
                let secs = t
                    .long()
                    .map(|n| n as f64)
                    .or_else(|| t.double())
                    .ok_or_else(|| invalid("timeout", "must be a positive number of seconds", Shown(t)))?;
                Some(opentok::seconds("timeout", secs).or_throw()?)
            }
        };
        let knobs = ClientSettings {
            api_url,
            timeout,
            binding: Some(binding()),
            dialect: Dialect::Php,
            // Test hooks (as Python's `_now`/`_nonce`): a fixed clock and token nonce, for the
            // shared token vectors.
            fixed_now: get("_now").and_then(Zval::long),
            fixed_nonce: get("_nonce").and_then(Zval::long).and_then(|n| u32::try_from(n).ok()),
            ..ClientSettings::default()
        };
        let options = knobs.to_checked_options().or_throw()?;
        let client = opentok::Client::new(credentials.clone(), options.clone()).or_throw()?;
        Ok(OpenTok { credentials, options, slot: Mutex::new((std::process::id(), client)) })
    }

    /// The core client of this process.
    pub(crate) fn client(&self) -> opentok::Client {
        let pid = std::process::id();
        let mut slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        if slot.0 != pid {
            // Built from settings that were accepted once, so this does not fail.
            if let Ok(fresh) = opentok::Client::new(self.credentials.clone(), self.options.clone()) {
                // The parent's client is left alone: dropping it here would touch connections
                // that still serve the parent.
                std::mem::forget(std::mem::replace(&mut slot.1, fresh));
                slot.0 = pid;
            }
        }
        slot.1.clone()
    }

    /// Runs a core call to completion; its error becomes `family`'s exception.
    fn call<T, F>(&self, family: Family, call: impl FnOnce(opentok::Client) -> F) -> PhpResult<T>
    where
        F: Future<Output = opentok::Result<T>>,
    {
        crate::runtime::block_on(call(self.client())).or_throw_in(family)
    }

    /// Creates a session from the core's options.
    pub(crate) fn create(&self, options: SessionOptions) -> PhpResult<Session> {
        let created = self.call(Family::General, |c| async move { c.create_session(&options).await })?;
        Ok(Session { session: created, client: self.client() })
    }
}

/// An id argument (a string; an int is taken as its digits).
fn id(field: &str, z: &Zval) -> PhpResult<String> {
    text(field, z).or_throw()
}

/// Reads an options argument with the core's reader; errors are `family`'s.
fn read<T>(family: Family, field: &str, z: Option<&Zval>, reader: impl FnOnce(&Value) -> opentok::Result<T>) -> PhpResult<T> {
    let value = match z {
        Some(z) => to_json(field, z).or_throw_in(family)?,
        None => Value::Null,
    };
    reader(&value).or_throw_in(family)
}

/// A JSON object of the given `(key, argument)` pairs, leaving out absent and `null` ones.
fn object(field_values: &[(&str, Option<&Zval>)]) -> PhpResult<Value> {
    let mut m = Map::new();
    for (k, v) in field_values {
        if let Some(v) = v {
            let value = to_json(k, v).or_throw()?;
            if !value.is_null() {
                m.insert(k.to_string(), value);
            }
        }
    }
    Ok(Value::Object(m))
}

/// The official SDK broadcasts to HLS when no `outputs` are given, and `'hls' => []` (an empty
/// PHP array, read as `null`) asks for HLS with its defaults.
fn official_outputs(options: &mut Value) {
    if options.is_null() {
        *options = Value::Object(Map::new());
    }
    let Some(m) = options.as_object_mut() else { return };
    let outputs = m.entry("outputs").or_insert(Value::Null);
    if outputs.is_null() {
        *outputs = json!({"hls": {}});
    } else if let Some(o) = outputs.as_object_mut() {
        if let Some(hls) = o.get_mut("hls").filter(|h| h.is_null()) {
            *hls = json!({});
        }
    }
}

/// `createSession`'s options array: the official keys (others are ignored, as the official SDK
/// does); `archiveMode` always without a `mediaMode` means routed, as there.
fn session_options(options: Option<&Zval>) -> PhpResult<SessionOptions> {
    let opts = match options.map(Zval::dereference).filter(|o| !o.is_null()) {
        None => return Ok(SessionOptions::default()),
        Some(o) => o.array().ok_or_else(|| invalid("options", "must be an array", Shown(o)))?,
    };
    let get = |k: &str| opts.get(k).map(Zval::dereference).filter(|v| !v.is_null());
    let media_mode = match opt_text("mediaMode", get("mediaMode")).or_throw()? {
        Some(m) => Some(m.parse::<MediaMode>().or_throw()?),
        None => None,
    };
    let archive_mode = match opt_text("archiveMode", get("archiveMode")).or_throw()? {
        Some(m) => Some(m.parse::<ArchiveMode>().or_throw()?),
        None => None,
    };
    let e2ee = match get("e2ee") {
        None => None,
        Some(v) if v.is_bool() => v.bool(),
        Some(v) => match v.str() {
            Some("true") => Some(true),
            Some("false") => Some(false),
            _ => return Err(invalid("e2ee", "must be true or false", Shown(v))),
        },
    };
    let archive_resolution = match opt_text("archiveResolution", get("archiveResolution")).or_throw()? {
        Some(r) => Some(r.parse::<ArchiveResolution>().or_throw()?),
        None => None,
    };
    let media_mode = match (media_mode, archive_mode) {
        (None, Some(ArchiveMode::Always)) => Some(MediaMode::Routed),
        (m, _) => m,
    };
    let options = SessionOptions {
        location: opt_text("location", get("location")).or_throw()?.filter(|l| !l.is_empty()),
        media_mode,
        archive_mode,
        archive_name: opt_text("archiveName", get("archiveName")).or_throw()?,
        archive_resolution,
        e2ee,
    };
    options.validate().or_throw()?;
    Ok(options)
}

#[php_impl]
impl OpenTok {
    /// `new OpenTok($apiKey, $apiSecret, ['apiUrl' => ..., 'timeout' => seconds])`. With a Vonage
    /// application id and its private key (PEM text or file path), tokens and REST calls use it.
    pub fn __construct(apiKey: &Zval, apiSecret: &Zval, options: Option<&Zval>) -> PhpResult<Self> {
        OpenTok::build(apiKey, apiSecret, options)
    }

    /// Mints a client token (JWT; a legacy T1 token when `$legacy`). `$payload`: `role`,
    /// `expireTime` (unix seconds), `data`, `initialLayoutClassList`.
    pub fn generate_token(&self, sessionId: &Zval, payload: Option<&Zval>, legacy: Option<bool>) -> PhpResult<String> {
        let sid = id("sessionId", sessionId)?;
        let options = crate::token::options(payload, legacy.unwrap_or(false))?;
        self.client().generate_token(&sid, &options).or_throw()
    }

    /// `POST /session/create` with `mediaMode`, `archiveMode`, `location`, `e2ee`, `archiveName`
    /// and `archiveResolution`.
    pub fn create_session(&self, options: Option<&Zval>) -> PhpResult<Session> {
        let options = session_options(options)?;
        self.create(options)
    }

    /// `POST /archive`; `$options` as the official SDK takes them (a string is the name).
    pub fn start_archive(&self, sessionId: &Zval, options: Option<&Zval>) -> PhpResult<Zval> {
        let sid = id("sessionId", sessionId)?;
        let options = match options.map(Zval::dereference) {
            Some(o) if o.is_string() => {
                read(Family::Archive, "options", None, |_| ArchiveOptions::from_json(&json!({"name": o.str()})))?
            }
            o => read(Family::Archive, "options", o, ArchiveOptions::from_json)?,
        };
        let archive = self.call(Family::Archive, |c| async move { c.start_archive(&sid, &options).await })?;
        from_model("OpenTok\\Archive", &archive)
    }

    /// `POST /archive/{id}/stop`.
    pub fn stop_archive(&self, archiveId: &Zval) -> PhpResult<Zval> {
        let aid = id("archiveId", archiveId)?;
        let archive = self.call(Family::Archive, |c| async move { c.stop_archive(&aid).await })?;
        from_model("OpenTok\\Archive", &archive)
    }

    /// `GET /archive/{id}`.
    pub fn get_archive(&self, archiveId: &Zval) -> PhpResult<Zval> {
        let aid = id("archiveId", archiveId)?;
        let archive = self.call(Family::Archive, |c| async move { c.get_archive(&aid).await })?;
        from_model("OpenTok\\Archive", &archive)
    }

    /// `DELETE /archive/{id}`; `true`.
    pub fn delete_archive(&self, archiveId: &Zval) -> PhpResult<bool> {
        let aid = id("archiveId", archiveId)?;
        self.call(Family::Archive, |c| async move { c.delete_archive(&aid).await })?;
        Ok(true)
    }

    /// `GET /archive?offset&count&sessionId`.
    pub fn list_archives(&self, offset: Option<&Zval>, count: Option<&Zval>, sessionId: Option<&Zval>) -> PhpResult<Zval> {
        let query = object(&[("offset", offset), ("count", count), ("sessionId", sessionId)])?;
        let options = read(Family::Archive, "options", None, |_| ListOptions::from_json(&query))?;
        let page = self.call(Family::Archive, |c| async move { c.list_archives(&options).await })?;
        list("OpenTok\\ArchiveList", &page)
    }

    /// `PUT /archive/{id}/layout`.
    pub fn set_archive_layout(&self, archiveId: &Zval, layoutType: &Zval) -> PhpResult<()> {
        let aid = id("archiveId", archiveId)?;
        let layout = read(Family::Archive, "layoutType", Some(layoutType), Layout::from_json)?;
        self.call(Family::Archive, |c| async move { c.set_archive_layout(&aid, &layout).await })
    }

    /// `POST /broadcast`.
    pub fn start_broadcast(&self, sessionId: &Zval, options: Option<&Zval>) -> PhpResult<Zval> {
        let sid = id("sessionId", sessionId)?;
        let mut value = match options {
            Some(o) => to_json("options", o).or_throw_in(Family::Broadcast)?,
            None => Value::Null,
        };
        official_outputs(&mut value);
        let options = read(Family::Broadcast, "options", None, |_| BroadcastOptions::from_json(&value))?;
        let broadcast = self.call(Family::Broadcast, |c| async move { c.start_broadcast(&sid, &options).await })?;
        from_model("OpenTok\\Broadcast", &broadcast)
    }

    /// `POST /broadcast/{id}/stop`.
    pub fn stop_broadcast(&self, broadcastId: &Zval) -> PhpResult<Zval> {
        let bid = id("broadcastId", broadcastId)?;
        let broadcast = self.call(Family::Broadcast, |c| async move { c.stop_broadcast(&bid).await })?;
        from_model("OpenTok\\Broadcast", &broadcast)
    }

    /// `GET /broadcast/{id}`.
    pub fn get_broadcast(&self, broadcastId: &Zval) -> PhpResult<Zval> {
        let bid = id("broadcastId", broadcastId)?;
        let broadcast = self.call(Family::Broadcast, |c| async move { c.get_broadcast(&bid).await })?;
        from_model("OpenTok\\Broadcast", &broadcast)
    }

    /// `PUT /broadcast/{id}/layout`.
    pub fn update_broadcast_layout(&self, broadcastId: &Zval, layout: &Zval) -> PhpResult<()> {
        let bid = id("broadcastId", broadcastId)?;
        let layout = read(Family::Broadcast, "layout", Some(layout), Layout::from_json)?;
        self.call(Family::Broadcast, |c| async move { c.set_broadcast_layout(&bid, &layout).await })
    }

    /// `GET /session/{sid}/stream/{id}`.
    pub fn get_stream(&self, sessionId: &Zval, streamId: &Zval) -> PhpResult<Zval> {
        let (sid, st) = (id("sessionId", sessionId)?, id("streamId", streamId)?);
        let stream = self.call(Family::General, |c| async move { c.get_stream(&sid, &st).await })?;
        from_model("OpenTok\\Stream", &stream)
    }

    /// `GET /session/{sid}/stream`.
    pub fn list_streams(&self, sessionId: &Zval) -> PhpResult<Zval> {
        let sid = id("sessionId", sessionId)?;
        let page = self.call(Family::General, |c| async move { c.list_streams(&sid).await })?;
        list("OpenTok\\StreamList", &page)
    }

    /// `PUT /session/{sid}/stream`: `[['id' => ..., 'layoutClassList' => [...]], ...]`.
    pub fn set_stream_class_lists(&self, sessionId: &Zval, classListArray: Option<&Zval>) -> PhpResult<()> {
        let sid = id("sessionId", sessionId)?;
        let items =
            read(Family::General, "classListArray", classListArray, |v| StreamClassList::list_from_json("classListArray", v))?;
        self.call(Family::General, |c| async move { c.set_stream_class_lists(&sid, &items).await })
    }

    /// One stream's layout classes: `['layoutClassList' => [...]]`.
    pub fn update_stream(&self, sessionId: &Zval, streamId: &Zval, properties: Option<&Zval>) -> PhpResult<()> {
        let (sid, st) = (id("sessionId", sessionId)?, id("streamId", streamId)?);
        let mut props = match properties {
            Some(p) => to_json("properties", p).or_throw()?,
            None => Value::Null,
        };
        let classes = props.as_object_mut().and_then(|m| m.remove("layoutClassList")).unwrap_or(Value::Null);
        let items = read(Family::General, "properties", None, |_| {
            StreamClassList::list_from_json("properties", &json!([{"id": st, "layoutClassList": classes}]))
        })?;
        self.call(Family::General, |c| async move { c.set_stream_class_lists(&sid, &items).await })
    }

    /// `GET /session/{sid}/connection`.
    pub fn list_connections(&self, sessionId: &Zval) -> PhpResult<Zval> {
        let sid = id("sessionId", sessionId)?;
        let page = self.call(Family::General, |c| async move { c.list_connections(&sid).await })?;
        list("OpenTok\\ConnectionList", &page)
    }

    /// `DELETE /session/{sid}/connection/{cid}`; `true`.
    pub fn force_disconnect(&self, sessionId: &Zval, connectionId: &Zval) -> PhpResult<bool> {
        let (sid, cid) = (id("sessionId", sessionId)?, id("connectionId", connectionId)?);
        self.call(Family::ForceDisconnect, |c| async move { c.force_disconnect(&sid, &cid).await })?;
        Ok(true)
    }

    /// `POST /session/{sid}/stream/{id}/mute`: `false` when the service refuses (official
    /// behaviour); a bad argument still throws.
    pub fn force_mute_stream(&self, sessionId: &Zval, streamId: &Zval) -> PhpResult<bool> {
        let (sid, st) = (id("sessionId", sessionId)?, id("streamId", streamId)?);
        let c = self.client();
        muted(crate::runtime::block_on(async move { c.mute_stream(&sid, &st).await }))
    }

    /// `POST /session/{sid}/mute` (`excludedStreamIds`): `false` when the service refuses.
    pub fn force_mute_all(&self, sessionId: &Zval, options: Option<&Zval>) -> PhpResult<bool> {
        let sid = id("sessionId", sessionId)?;
        let options = read(Family::General, "options", options, MuteAllOptions::from_json)?;
        let c = self.client();
        muted(crate::runtime::block_on(async move { c.mute_all(&sid, &options).await }))
    }

    /// `POST /session/{sid}/mute` with `active: false`: `false` when the service refuses.
    pub fn disable_force_mute(&self, sessionId: &Zval, options: Option<&Zval>) -> PhpResult<bool> {
        let sid = id("sessionId", sessionId)?;
        read(Family::General, "options", options, MuteAllOptions::from_json)?;
        let c = self.client();
        muted(crate::runtime::block_on(async move { c.disable_force_mute(&sid).await }))
    }

    /// `POST /session/{sid}[/connection/{cid}]/signal` with `['type' => ..., 'data' => ...]`.
    pub fn signal(&self, sessionId: &Zval, payload: &Zval, connectionId: Option<&Zval>) -> PhpResult<()> {
        let sid = id("sessionId", sessionId)?;
        let cid = opt_text("connectionId", connectionId).or_throw_in(Family::Signal)?.filter(|c| !c.is_empty());
        let signal = read(Family::Signal, "payload", Some(payload), Signal::from_json)?;
        self.call(Family::Signal, |c| async move { c.signal(&sid, cid.as_deref(), &signal).await })
    }

    /// `POST /dial`.
    pub fn dial(&self, sessionId: &Zval, token: &Zval, sipUri: &Zval, options: Option<&Zval>) -> PhpResult<Zval> {
        let (sid, tok, uri) = (id("sessionId", sessionId)?, id("token", token)?, id("sipUri", sipUri)?);
        let options = read(Family::General, "options", options, SipDialOptions::from_json)?;
        let call = self.call(Family::General, |c| async move { c.dial(&sid, &tok, &uri, &options).await })?;
        from_model("OpenTok\\SipCall", &call)
    }

    /// `POST /session/{sid}[/connection/{cid}]/play-dtmf`.
    #[php(name = "playDTMF")]
    pub fn play_dtmf(&self, sessionId: &Zval, digits: &Zval, connectionId: Option<&Zval>) -> PhpResult<()> {
        let (sid, d) = (id("sessionId", sessionId)?, id("digits", digits)?);
        let cid = opt_text("connectionId", connectionId).or_throw()?.filter(|c| !c.is_empty());
        self.call(Family::General, |c| async move { c.play_dtmf(&sid, cid.as_deref(), &d).await })
    }

    /// `POST /captions`; `['captionsId' => ...]`.
    pub fn start_captions(
        &self,
        sessionId: &Zval,
        token: &Zval,
        languageCode: Option<&Zval>,
        maxDuration: Option<&Zval>,
        partialCaptions: Option<&Zval>,
        statusCallbackUrl: Option<&Zval>,
    ) -> PhpResult<Zval> {
        let (sid, tok) = (id("sessionId", sessionId)?, id("token", token)?);
        let value = object(&[
            ("languageCode", languageCode),
            ("maxDuration", maxDuration),
            ("partialCaptions", partialCaptions),
            ("statusCallbackUrl", statusCallbackUrl),
        ])?;
        let options = read(Family::General, "options", None, |_| CaptionOptions::from_json(&value))?;
        let captions = self.call(Family::General, |c| async move { c.start_captions(&sid, &tok, &options).await })?;
        Ok(to_zval(&serde_json::to_value(&captions).unwrap_or(Value::Null)))
    }

    /// `POST /captions/{id}/stop`; `true`.
    pub fn stop_captions(&self, captionsId: &Zval) -> PhpResult<bool> {
        let cid = id("captionsId", captionsId)?;
        self.call(Family::General, |c| async move { c.stop_captions(&cid).await })?;
        Ok(true)
    }

    /// `POST /render` (Experience Composer).
    pub fn start_render(
        &self,
        sessionId: &Zval,
        token: &Zval,
        url: &Zval,
        maxDuration: Option<&Zval>,
        resolution: Option<&Zval>,
        properties: Option<&Zval>,
    ) -> PhpResult<Zval> {
        let (sid, tok) = (id("sessionId", sessionId)?, id("token", token)?);
        let value =
            object(&[("url", Some(url)), ("maxDuration", maxDuration), ("resolution", resolution), ("properties", properties)])?;
        let options = read(Family::General, "options", None, |_| RenderOptions::from_json(&value))?;
        let render = self.call(Family::General, |c| async move { c.start_render(&sid, &tok, &options).await })?;
        from_model("OpenTok\\Render", &render)
    }

    /// `DELETE /render/{id}`; `true`.
    pub fn stop_render(&self, renderId: &Zval) -> PhpResult<bool> {
        let rid = id("renderId", renderId)?;
        self.call(Family::General, |c| async move { c.stop_render(&rid).await })?;
        Ok(true)
    }

    /// `GET /render/{id}`.
    pub fn get_render(&self, renderId: &Zval) -> PhpResult<Zval> {
        let rid = id("renderId", renderId)?;
        let render = self.call(Family::General, |c| async move { c.get_render(&rid).await })?;
        from_model("OpenTok\\Render", &render)
    }

    /// `GET /render?offset&count`: `['count' => n, 'items' => [...]]`, as the official SDK returns.
    pub fn list_renders(&self, offset: Option<&Zval>, count: Option<&Zval>) -> PhpResult<Zval> {
        let query = object(&[("offset", offset), ("count", count)])?;
        let options = read(Family::General, "options", None, |_| ListOptions::from_json(&query))?;
        let page = self.call(Family::General, |c| async move { c.list_renders(&options).await })?;
        Ok(to_zval(&serde_json::to_value(&page).unwrap_or(Value::Null)))
    }

    /// `POST /connect` (Audio Connector): `['id' => ..., 'connectionId' => ...]`.
    pub fn connect_audio(&self, sessionId: &Zval, token: &Zval, websocketOptions: &Zval) -> PhpResult<Zval> {
        let (sid, tok) = (id("sessionId", sessionId)?, id("token", token)?);
        let options = read(Family::General, "websocketOptions", Some(websocketOptions), AudioConnectorOptions::from_json)?;
        let connection = self.call(Family::General, |c| async move { c.connect_audio(&sid, &tok, &options).await })?;
        Ok(to_zval(&serde_json::to_value(&connection).unwrap_or(Value::Null)))
    }

    /// The base URL requests go to.
    pub fn get_api_url(&self) -> String {
        self.client().base_url().to_string()
    }

    /// The User-Agent sent with every request.
    pub fn get_user_agent(&self) -> String {
        self.client().user_agent().to_string()
    }
}

/// The official force-mute methods answer `false` for a refused call; a bad argument still
/// throws.
fn muted(result: opentok::Result<()>) -> PhpResult<bool> {
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == opentok::ErrorKind::InvalidArgument => Err(crate::error::exception(&e, Family::General)),
        Err(_) => Ok(false),
    }
}
