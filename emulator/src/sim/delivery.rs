//! Callback delivery: events are queued in the store (so a crash loses none), then POSTed by
//! one background task per queue (a callback URL and a session), in order, each attempt with a
//! timeout, failed attempts retried with a doubling backoff up to a bound. Nothing here blocks
//! the API call that caused the event: it only inserts a row and wakes a task.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::state::AppState;
use crate::store::{DeliveryRecord, StoreResult};

/// How deliveries are attempted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryConfig {
    /// Attempts per delivery (the first one included), at least 1.
    pub attempts: u32,
    /// Time allowed to one attempt (connect, send, answer).
    pub timeout: Duration,
    /// Wait before the first retry; doubled before each further one.
    pub backoff: Duration,
}

impl Default for DeliveryConfig {
    fn default() -> Self {
        DeliveryConfig { attempts: 4, timeout: Duration::from_secs(5), backoff: Duration::from_millis(250) }
    }
}

/// Delivery state of a queued event.
pub mod states {
    /// Not delivered yet; attempts remain.
    pub const PENDING: &str = "pending";
    /// The receiver answered 2xx.
    pub const DELIVERED: &str = "delivered";
    /// Every attempt failed.
    pub const FAILED: &str = "failed";
}

/// The delivery machinery shared by the server: HTTP client, settings, which queues have a
/// running task. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Deliverer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    config: DeliveryConfig,
    active: Mutex<HashSet<String>>,
}

impl Deliverer {
    /// A deliverer with these settings.
    pub fn new(config: DeliveryConfig) -> Result<Deliverer, reqwest::Error> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .user_agent(concat!("opentok-emulator/", env!("CARGO_PKG_VERSION")))
            .build()?;
        let config = DeliveryConfig { attempts: config.attempts.max(1), ..config };
        Ok(Deliverer { inner: Arc::new(Inner { http, config, active: Mutex::new(HashSet::new()) }) })
    }

    /// The settings.
    pub fn config(&self) -> DeliveryConfig {
        self.inner.config
    }

    fn active(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.inner.active.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The ordering key of deliveries to `url` about `session_id` (or the project's, without one).
pub fn queue_key(url: &str, project_id: &str, session_id: Option<&str>) -> String {
    match session_id {
        Some(s) => format!("{url} session {s}"),
        None => format!("{url} project {project_id}"),
    }
}

/// Queues a delivery and makes sure a task works on its queue; gives its id.
pub fn enqueue(state: &AppState, mut d: DeliveryRecord) -> StoreResult<i64> {
    let now = crate::clock::now_ms();
    d.state = states::PENDING.to_string();
    d.attempts = 0;
    d.created_at_ms = now;
    d.updated_at_ms = now;
    let id = state.store().insert_delivery(&d)?;
    wake(state, &d.queue);
    Ok(id)
}

/// Starts tasks for the queues that have pending deliveries (at start-up: work left by a crash).
pub fn resume(state: &AppState) -> StoreResult<usize> {
    let queues = state.store().pending_queues()?;
    for q in &queues {
        wake(state, q);
    }
    Ok(queues.len())
}

/// Starts a task on `queue` unless one runs. Outside a tokio runtime nothing starts; the
/// deliveries stay pending for [`resume`].
fn wake(state: &AppState, queue: &str) {
    let Ok(handle) = tokio::runtime::Handle::try_current() else { return };
    let deliverer = state.deliverer();
    if !deliverer.active().insert(queue.to_string()) {
        return;
    }
    handle.spawn(work_queue(state.clone(), queue.to_string()));
}

async fn work_queue(state: AppState, queue: String) {
    let deliverer = state.deliverer().clone();
    loop {
        let next = match state.store().next_pending_delivery(&queue) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("opentok-emulator: delivery queue stopped: {e}");
                deliverer.active().remove(&queue);
                return;
            }
        };
        let Some(d) = next else {
            // Re-check under the lock: an enqueue after our read either sees us active (and
            // relies on us) or inserted before this read.
            let mut active = deliverer.active();
            match state.store().next_pending_delivery(&queue) {
                Ok(Some(_)) => continue,
                _ => {
                    active.remove(&queue);
                    return;
                }
            }
        };
        if let Err(e) = deliver(&state, &deliverer, d).await {
            eprintln!("opentok-emulator: delivery queue stopped: {e}");
            deliverer.active().remove(&queue);
            return;
        }
    }
}

/// Attempts one delivery until it succeeds or the attempts are used up, recording each outcome.
async fn deliver(state: &AppState, deliverer: &Deliverer, d: DeliveryRecord) -> StoreResult<()> {
    let config = deliverer.config();
    let mut attempts = d.attempts;
    loop {
        attempts += 1;
        let (code, error) = attempt(deliverer, &d, config.timeout).await;
        let now = crate::clock::now_ms();
        if error.is_none() {
            return state.store().update_delivery(d.id, states::DELIVERED, attempts, code, None, now);
        }
        let done = attempts >= i64::from(config.attempts);
        let next = if done { states::FAILED } else { states::PENDING };
        state.store().update_delivery(d.id, next, attempts, code, error.as_deref(), now)?;
        if done {
            return Ok(());
        }
        let shift = u32::try_from(attempts - 1).unwrap_or(u32::MAX).min(16);
        tokio::time::sleep(config.backoff.saturating_mul(1u32 << shift)).await;
    }
}

/// One POST: the status code it got (if any) and the error, `None` on a 2xx.
async fn attempt(deliverer: &Deliverer, d: &DeliveryRecord, timeout: Duration) -> (Option<i64>, Option<String>) {
    let sent = deliverer
        .inner
        .http
        .post(&d.url)
        .timeout(timeout)
        .header("content-type", "application/json")
        .header("x-opentok-emulator-delivery", d.id.to_string())
        .body(d.body.clone())
        .send()
        .await;
    match sent {
        Ok(res) if res.status().is_success() => (Some(i64::from(res.status().as_u16())), None),
        Ok(res) => {
            (Some(i64::from(res.status().as_u16())), Some(format!("the receiver answered HTTP {}", res.status().as_u16())))
        }
        Err(e) if e.is_timeout() => (None, Some(format!("no answer within {} ms", timeout.as_millis()))),
        Err(e) => (None, Some(describe(&e))),
    }
}

/// The error and its causes on one line, without the URL (it is in the log's own column).
fn describe(e: &reqwest::Error) -> String {
    let mut out = if e.is_connect() { "cannot connect".to_string() } else { "request failed".to_string() };
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}
