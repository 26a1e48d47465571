//! Test harness: spawns the real `opentok-emulator` binary on `--port 0`, reads its first stdout
//! line for the URL, and kills it on drop. Also crafts REST JWTs (test-only, to produce bad ones).
#![allow(dead_code)]

pub mod receiver;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

pub const KEY: &str = "123456";
pub const SECRET: &str = "1234567890abcdef1234567890abcdef1234567890";
pub const APP_ID: &str = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f";

/// A running emulator process.
pub struct Emulator {
    child: Child,
    pub url: String,
}

impl Emulator {
    /// `--port 0 --in-memory` plus `extra` arguments.
    pub fn start_in_memory(extra: &[&str]) -> Emulator {
        let mut args = vec!["--in-memory"];
        args.extend_from_slice(extra);
        Self::start(&args)
    }

    /// `--port 0` plus `args`.
    pub fn start(args: &[&str]) -> Emulator {
        let mut child = Command::new(env!("CARGO_BIN_EXE_opentok-emulator"))
            .args(["--bind", "127.0.0.1", "--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn opentok-emulator");
        let stdout = child.stdout.take().unwrap();
        let mut reader = BufReader::new(stdout);
        let mut first = String::new();
        reader.read_line(&mut first).expect("read first line");
        let url =
            first.trim().strip_prefix("listening on ").unwrap_or_else(|| panic!("unexpected first line: {first:?}")).to_string();
        // Keep draining stdout so the child never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut line = String::new();
            while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                line.clear();
            }
        });
        Emulator { child, url }
    }

    /// Kills the process with SIGKILL and waits for it.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A core client for the dev project pointed at `url`.
pub fn project_client(url: &str) -> opentok::Client {
    opentok::Client::new(
        opentok::Credentials::project(KEY, SECRET).unwrap(),
        opentok::ClientOptions { base_url: Some(url.to_string()), ..Default::default() },
    )
    .unwrap()
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A core client for the test application pointed at `url`.
pub fn application_client(url: &str) -> opentok::Client {
    let pem = std::fs::read_to_string(fixture("app_private.pem")).unwrap();
    opentok::Client::new(
        opentok::Credentials::application(APP_ID, &pem).unwrap(),
        opentok::ClientOptions { base_url: Some(url.to_string()), ..Default::default() },
    )
    .unwrap()
}

/// `--application APP_ID:public.pem` argument value.
pub fn application_arg() -> String {
    format!("{APP_ID}:{}", fixture("app_public.pem").display())
}

pub fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

/// A compact JWS with the given JSON header and claims, HMAC-SHA256 signed with `secret`.
pub fn hs256(header: &str, claims: &str, secret: &str) -> String {
    let input = format!("{}.{}", URL_SAFE_NO_PAD.encode(header), URL_SAFE_NO_PAD.encode(claims));
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes());
    let sig = ring::hmac::sign(&key, input.as_bytes());
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig.as_ref()))
}

/// A valid Python-SDK-shaped REST JWT for the dev project.
pub fn rest_jwt() -> String {
    let t = now();
    hs256(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        &format!(r#"{{"ist":"project","iat":{t},"exp":{},"iss":"{KEY}","jti":"0.5"}}"#, t + 180),
        SECRET,
    )
}

/// An HTTP client with no default headers and a short timeout.
pub fn http() -> reqwest::Client {
    reqwest::Client::builder().timeout(Duration::from_secs(20)).build().unwrap()
}

/// POSTs a form to `/session/create` with the given auth header and Accept.
pub async fn create_raw(url: &str, auth: Option<(&str, String)>, accept: Option<&str>, form: &str) -> (u16, String, String) {
    let mut req = http()
        .post(format!("{url}/session/create"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form.to_string());
    if let Some((name, value)) = auth {
        req = req.header(name, value);
    }
    if let Some(a) = accept {
        req = req.header("Accept", a);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let ct = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (status, ct, res.text().await.unwrap())
}

/// Connects a simulated client; returns status and JSON body.
pub async fn connect(url: &str, session_id: &str, token: &str) -> (u16, serde_json::Value) {
    let res = http()
        .post(format!("{url}/emulator/v1/sessions/{session_id}/connections"))
        .json(&serde_json::json!({ "token": token }))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(serde_json::Value::Null))
}

/// An in-process emulator and a core client of the dev project pointed at it.
pub async fn in_process() -> (opentok_emulator::Running, opentok::Client) {
    let emu = opentok_emulator::start_in_memory().await.expect("start emulator");
    let client = project_client(emu.url());
    (emu, client)
}

/// Creates a session (routed unless `relayed`) and connects `clients` simulated clients with
/// `role` tokens; returns the session id and the connection ids.
pub async fn session_with_clients(
    url: &str,
    client: &opentok::Client,
    relayed: bool,
    clients: usize,
    role: opentok::Role,
) -> (String, Vec<String>) {
    let media_mode = if relayed { opentok::MediaMode::Relayed } else { opentok::MediaMode::Routed };
    let s = client
        .create_session(&opentok::SessionOptions { media_mode: Some(media_mode), ..Default::default() })
        .await
        .expect("create session");
    let mut ids = Vec::new();
    for _ in 0..clients {
        let token = client.generate_token(&s.session_id, &opentok::TokenOptions { role, ..Default::default() }).unwrap();
        let (status, body) = connect(url, &s.session_id, &token).await;
        assert_eq!(status, 201, "{body}");
        ids.push(body["connectionId"].as_str().unwrap().to_string());
    }
    (s.session_id, ids)
}

/// Publishes a stream from a simulated connection (emulator-only API); returns the stream.
pub async fn publish(url: &str, session_id: &str, connection_id: &str, body: serde_json::Value) -> serde_json::Value {
    let res = http()
        .post(format!("{url}/emulator/v1/sessions/{session_id}/connections/{connection_id}/streams"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

/// Sends `request` and reads its JSON answer (panics on a transport error or a body that is not JSON).
pub async fn json_answer(request: reqwest::RequestBuilder) -> serde_json::Value {
    request.send().await.unwrap().json().await.unwrap()
}

/// GET of an emulator-only JSON endpoint.
pub async fn emulator_get(url: &str, path: &str) -> (u16, serde_json::Value) {
    let res = http().get(format!("{url}{path}")).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(serde_json::Value::Null))
}

/// A session id in the real format, of the dev project, that the emulator does not hold.
pub fn unknown_session_id() -> String {
    opentok::SessionId::mint(KEY, None, 1_700_000_000_000, "nosuchsession", "").as_str().to_string()
}
