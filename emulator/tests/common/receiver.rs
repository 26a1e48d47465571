//! A callback receiver for the tests: a real HTTP server on a loopback port that records every
//! POST it gets (body as JSON) and answers per its mode: 200, another status, or never.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde_json::Value;

/// How the receiver answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// 200 OK.
    Ok,
    /// This status.
    Status(u16),
    /// Reads the request, records it, and never answers.
    Hang,
}

#[derive(Default)]
struct Shared {
    mode: Option<Mode>,
    received: Vec<Value>,
}

/// A running receiver; its URL is `{url}/hook` (any path is accepted).
pub struct Receiver {
    pub url: String,
    shared: Arc<Mutex<Shared>>,
    task: tokio::task::JoinHandle<()>,
}

impl Receiver {
    /// Starts a receiver in `mode` on the current runtime.
    pub async fn start(mode: Mode) -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let shared = Arc::new(Mutex::new(Shared { mode: Some(mode), received: Vec::new() }));
        let s = shared.clone();
        let app = Router::new().route(
            "/{*path}",
            post(move |body: Bytes| {
                let s = s.clone();
                async move {
                    let mode = {
                        let mut g = s.lock().unwrap();
                        g.received.push(serde_json::from_slice(&body).unwrap_or(Value::Null));
                        g.mode.unwrap_or(Mode::Ok)
                    };
                    match mode {
                        Mode::Ok => StatusCode::OK,
                        Mode::Status(code) => StatusCode::from_u16(code).unwrap(),
                        Mode::Hang => std::future::pending().await,
                    }
                }
            }),
        );
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Receiver { url, shared, task }
    }

    /// Changes how it answers from now on.
    pub fn set_mode(&self, mode: Mode) {
        self.shared.lock().unwrap().mode = Some(mode);
    }

    /// Everything received so far, in arrival order.
    pub fn received(&self) -> Vec<Value> {
        self.shared.lock().unwrap().received.clone()
    }

    /// Waits until `n` requests arrived (panics after `within`); gives them.
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Value> {
        let start = Instant::now();
        loop {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            assert!(start.elapsed() < within, "expected {n} deliveries within {within:?}, got {}: {got:#?}", got.len());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The body read by the core's `parse_event` (panics on a body it cannot type: every body the
/// emulator sends must read back as a known event).
pub fn parsed(body: &Value) -> opentok::Event {
    let event = opentok::parse_event(body.to_string()).unwrap();
    assert!(!matches!(event, opentok::Event::Unknown { .. }), "not a known event: {body}");
    event
}

/// A short name of an event body, from its parsed event: `connectionCreated`,
/// `archive.started`, `captions.stopped`...
pub fn label(body: &Value) -> String {
    let event = parsed(body);
    match event.status() {
        Some(status) => format!("{}.{status}", event.name()),
        None => event.name().to_string(),
    }
}
