//! Hardening for emulators run with real keys on a laptop: JSON-only bodies on the emulator's own
//! API (no CORS-free cross-site posts), the Host check (no DNS rebinding), the warning when bound
//! beyond loopback, connection timeouts.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};

fn addr(url: &str) -> String {
    url.strip_prefix("http://").unwrap().to_string()
}

/// Sends a raw HTTP/1.1 request (with `Connection: close`) and returns the whole answer.
fn raw(url: &str, request: &str) -> String {
    let mut s = TcpStream::connect(addr(url)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

fn get_with_host(url: &str, host: &str) -> String {
    raw(url, &format!("GET /emulator/v1/info HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"))
}

fn status(answer: &str) -> u16 {
    answer.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("not an HTTP answer: {answer:?}"))
}

fn json_body(answer: &str) -> Value {
    serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap()
}

async fn post(url: &str, path: &str, content_type: Option<&str>, body: &str) -> (u16, Value) {
    let mut req = http().post(format!("{url}{path}")).body(body.to_string());
    if let Some(ct) = content_type {
        req = req.header("Content-Type", ct);
    }
    let res = req.send().await.unwrap();
    (res.status().as_u16(), res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn emulator_api_takes_json_only() {
    let emu = Emulator::start_in_memory(&[]);
    let sid = project_client(&emu.url).create_session(&Default::default()).await.unwrap().session_id;
    let token_body = json!({ "sessionId": sid }).to_string();
    // What a cross-site page can send without a CORS preflight, and no type at all.
    for ct in [
        Some("text/plain"),
        Some("text/plain;charset=UTF-8"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        None,
    ] {
        for (path, body) in [
            ("/emulator/v1/tokens", token_body.as_str()),
            ("/emulator/v1/tokens/inspect", r#"{"token":"x"}"#),
            ("/emulator/v1/sessions", r#"{"project":"123456"}"#),
            (&format!("/emulator/v1/sessions/{sid}/connections") as &str, r#"{"token":"x"}"#),
        ] {
            let (status, v) = post(&emu.url, path, ct, body).await;
            assert_eq!(status, 415, "{path} {ct:?}: {v}");
            assert_eq!(v["reason"], "unsupported_media_type");
            assert!(v["message"].as_str().unwrap().contains("application/json"), "{v}");
        }
    }
    // application/json, with parameters too, is served.
    for ct in ["application/json", "application/json; charset=utf-8", "Application/JSON"] {
        let (status, v) = post(&emu.url, "/emulator/v1/tokens", Some(ct), &token_body).await;
        assert_eq!(status, 200, "{ct}: {v}");
        assert!(v["token"].as_str().is_some(), "{v}");
    }
    let (status, v) = post(&emu.url, "/emulator/v1/sessions", Some("application/json"), r#"{"p2p.preference":"disabled"}"#).await;
    assert_eq!(status, 201, "{v}");
    assert_eq!(v["mediaMode"], "routed");
    // The REST API keeps the service's form body (authenticated by the JWT).
    let (status, _, body) =
        create_raw(&emu.url, Some(("X-OPENTOK-AUTH", rest_jwt())), Some("application/json"), "p2p.preference=enabled").await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn foreign_hosts_are_refused() {
    let emu = Emulator::start_in_memory(&[]);
    let port = emu.url.rsplit(':').next().unwrap().to_string();
    for host in [
        "localhost".to_string(),
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        "[::1]".into(),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(status(&get_with_host(&emu.url, &host)), 200, "{host}");
    }
    for host in [format!("evil.example:{port}"), "evil.example".into(), "192.168.1.20".into(), "localhost.evil.example".into()] {
        let answer = get_with_host(&emu.url, &host);
        assert_eq!(status(&answer), 421, "{host}: {answer}");
        let v = json_body(&answer);
        assert_eq!(v["reason"], "host_not_allowed");
        assert!(v["message"].as_str().unwrap().contains("--allow-host"), "{v}");
    }
    // Every route is covered, the dashboard and the REST API too.
    let dash = raw(&emu.url, &format!("GET / HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n"));
    assert_eq!(status(&dash), 421);
    // The suites' own clients (127.0.0.1:port) keep working.
    let (code, _) = emulator_get(&emu.url, "/emulator/v1/info").await;
    assert_eq!(code, 200);

    let widened = Emulator::start_in_memory(&["--allow-host", "devbox.lan", "--allow-host", "Other.Lan."]);
    assert_eq!(status(&get_with_host(&widened.url, "devbox.lan:4010")), 200);
    assert_eq!(status(&get_with_host(&widened.url, "other.lan")), 200);
    assert_eq!(status(&get_with_host(&widened.url, "evil.example")), 421);

    let any = Emulator::start_in_memory(&["--allow-any-host"]);
    assert_eq!(status(&get_with_host(&any.url, "evil.example")), 200);
}

/// Starts the binary with `args` and returns its stderr until the `dashboard:` stdout line is
/// printed (then kills it).
fn startup_stderr(args: &[&str]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_opentok-emulator"))
        .args(["--port", "0", "--in-memory"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    for line in stdout.lines() {
        if line.unwrap().starts_with("dashboard:") {
            break;
        }
    }
    // The warning is printed right after the stdout lines; give it a moment, then stop.
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    child.wait().unwrap();
    err
}

#[test]
fn warns_when_real_credentials_are_served_beyond_loopback() {
    let err = startup_stderr(&["--bind", "0.0.0.0", "--project", "4711:realsecret"]);
    assert!(err.contains("WARNING"), "{err}");
    assert!(err.contains("Anyone on the network can mint client tokens"), "{err}");
    assert!(!err.contains("realsecret"), "the warning must not print the secret: {err}");

    let err = startup_stderr(&["--bind", "127.0.0.1", "--project", "4711:realsecret"]);
    assert!(!err.contains("WARNING"), "{err}");

    let err = startup_stderr(&["--bind", "0.0.0.0"]);
    assert!(!err.contains("WARNING") && err.contains("development project"), "{err}");
}

/// Reads from `s` until EOF (the server closed) and returns how long that took; panics after
/// `limit`.
fn time_to_close(s: &mut TcpStream, limit: Duration) -> Duration {
    let start = Instant::now();
    s.set_read_timeout(Some(limit)).unwrap();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return start.elapsed(),
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return start.elapsed(),
            Err(e) => panic!("connection still open after {:?}: {e}", start.elapsed()),
        }
    }
}

#[test]
fn idle_and_slow_connections_are_closed() {
    let emu = Emulator::start_in_memory(&["--header-read-timeout", "1", "--idle-timeout", "2"]);
    let limit = Duration::from_secs(6);

    // Opened, nothing sent: the header-read timeout.
    let mut silent = TcpStream::connect(addr(&emu.url)).unwrap();
    let t = time_to_close(&mut silent, limit);
    assert!(t >= Duration::from_millis(800) && t < Duration::from_millis(2500), "{t:?}");

    // Headers trickling in and never finished (slowloris): the header-read timeout.
    let mut slow = TcpStream::connect(addr(&emu.url)).unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n").unwrap();
    let t = time_to_close(&mut slow, limit);
    assert!(t < Duration::from_millis(2500), "{t:?}");

    // A keep-alive connection after one answer: open during the idle timeout, closed after it.
    let mut kept = TcpStream::connect(addr(&emu.url)).unwrap();
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut buf = [0u8; 1024];
    let n = kept.read(&mut buf).unwrap();
    assert!(std::str::from_utf8(&buf[..n]).unwrap().starts_with("HTTP/1.1 200"));
    let start = Instant::now();
    std::thread::sleep(Duration::from_millis(1200));
    // Still served after more than the header-read timeout of silence.
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let n = kept.read(&mut buf).unwrap();
    assert!(std::str::from_utf8(&buf[..n]).unwrap().starts_with("HTTP/1.1 200"), "keep-alive closed after {:?}", start.elapsed());
    let t = time_to_close(&mut kept, limit);
    assert!(t >= Duration::from_millis(1500) && t < Duration::from_millis(3500), "{t:?}");

    // Many idle sockets do not stay open: all are closed after the timeout.
    let mut many: Vec<TcpStream> = (0..50).map(|_| TcpStream::connect(addr(&emu.url)).unwrap()).collect();
    for s in &mut many {
        time_to_close(s, limit);
    }
    // And the server still answers.
    let answer = raw(&emu.url, "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assert_eq!(status(&answer), 200);
}
