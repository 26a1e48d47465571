//! Serving connections with timeouts (hyper's HTTP/1 connection driven by our accept loop;
//! `axum::serve` has no timeouts).
//!
//! Each connection has one deadline, recomputed as it changes phase:
//!
//! * opened, no request yet: opening + header-read timeout;
//! * between keep-alive requests, nothing received: end of the last answer + idle timeout;
//! * a request's first bytes received, headers not complete: first byte + header-read timeout;
//! * a request in progress (body upload, handler, answer): last byte moved + idle timeout.
//!
//! Past the deadline the connection is dropped (its socket closed). A graceful shutdown of the
//! server lets in-flight requests finish and closes idle connections at once.

use std::future::Future;
use std::io;
use std::pin::{pin, Pin};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::extract::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper::service::Service as _;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::Instant;

/// Connection timeouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Time to send a request's headers.
    pub header_read: Duration,
    /// Time a keep-alive connection may stay silent between requests, or stall mid-request.
    pub idle: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts { header_read: Duration::from_secs(10), idle: Duration::from_secs(60) }
    }
}

#[derive(Debug)]
struct Phase {
    in_flight: usize,
    /// Start of the silence between requests (opening or end of the last answer).
    waiting_since: Instant,
    /// Whether any request has been answered on this connection.
    answered: bool,
    /// First byte of the next request, while its headers are not complete.
    partial_since: Option<Instant>,
    /// Last byte read or written.
    last_io: Instant,
}

struct Tracker {
    timeouts: Timeouts,
    phase: Mutex<Phase>,
}

impl Tracker {
    fn new(timeouts: Timeouts) -> Arc<Tracker> {
        let now = Instant::now();
        Arc::new(Tracker {
            timeouts,
            phase: Mutex::new(Phase { in_flight: 0, waiting_since: now, answered: false, partial_since: None, last_io: now }),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Phase> {
        self.phase.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn deadline(&self) -> Instant {
        let p = self.lock();
        let t = self.timeouts;
        if p.in_flight > 0 {
            p.last_io + t.idle
        } else if let Some(first) = p.partial_since {
            first + t.header_read
        } else if p.answered {
            p.waiting_since + t.idle
        } else {
            p.waiting_since + t.header_read
        }
    }

    fn on_read(&self) {
        let now = Instant::now();
        let mut p = self.lock();
        p.last_io = now;
        if p.in_flight == 0 && p.partial_since.is_none() {
            p.partial_since = Some(now);
        }
    }

    fn on_write(&self) {
        self.lock().last_io = Instant::now();
    }

    fn begin(self: &Arc<Self>) -> InFlight {
        let mut p = self.lock();
        p.in_flight += 1;
        p.partial_since = None;
        p.last_io = Instant::now();
        InFlight(self.clone())
    }

    /// Resolves once the connection's deadline has passed. Reads and writes only record their
    /// times, with no wake-up: any later change of phase puts the deadline at least
    /// `min(header_read, idle)` after that change, so sleeping no longer than that before
    /// looking again still ends the connection on time (an idle connection looks every
    /// 10 s by default).
    async fn expired(&self) {
        let step = self.timeouts.header_read.min(self.timeouts.idle);
        loop {
            let now = Instant::now();
            let deadline = self.deadline();
            if deadline <= now {
                return;
            }
            tokio::time::sleep_until(deadline.min(now + step)).await;
        }
    }
}

/// A request in progress; its drop ends it.
struct InFlight(Arc<Tracker>);

impl Drop for InFlight {
    fn drop(&mut self) {
        let now = Instant::now();
        let mut p = self.0.lock();
        p.in_flight = p.in_flight.saturating_sub(1);
        p.answered = true;
        p.waiting_since = now;
        p.last_io = now;
    }
}

/// A TCP stream that reports its reads and writes to the tracker.
struct Tracked {
    inner: TcpStream,
    tracker: Arc<Tracker>,
}

impl AsyncRead for Tracked {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let res = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(res, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.tracker.on_read();
        }
        res
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, data: &[u8]) -> Poll<io::Result<usize>> {
        let res = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(res, Poll::Ready(Ok(n)) if n > 0) {
            self.tracker.on_write();
        }
        res
    }

    fn poll_write_vectored(mut self: Pin<&mut Self>, cx: &mut Context<'_>, bufs: &[io::IoSlice<'_>]) -> Poll<io::Result<usize>> {
        let res = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if matches!(res, Poll::Ready(Ok(n)) if n > 0) {
            self.tracker.on_write();
        }
        res
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Accepts and serves connections on `listener` with `app` until `shutdown` resolves, then
/// lets open connections finish their requests and returns once all are closed.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    timeouts: Timeouts,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    // Connection tasks watch `stop`; each holds a clone of `done_tx`, so `done_rx` resolves
    // once every connection has ended.
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let (done_tx, mut done_rx) = tokio::sync::mpsc::channel::<()>(1);
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, _peer) = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) if is_connection_error(&e) => continue,
                Err(_) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let mut stop = stop_rx.clone();
        let done = done_tx.clone();
        tokio::spawn(async move {
            serve_connection(stream, app, timeouts, &mut stop).await;
            drop(done);
        });
    }
    drop(listener);
    let _ = stop_tx.send(true);
    drop(done_tx);
    let _ = done_rx.recv().await;
    Ok(())
}

fn is_connection_error(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset)
}

async fn serve_connection(stream: TcpStream, app: Router, timeouts: Timeouts, stop: &mut tokio::sync::watch::Receiver<bool>) {
    let tracker = Tracker::new(timeouts);
    let io = TokioIo::new(Tracked { inner: stream, tracker: tracker.clone() });
    let router = TowerToHyperService::new(app);
    let svc_tracker = tracker.clone();
    let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
        let guard = svc_tracker.begin();
        let fut = router.call(req.map(Body::new) as Request);
        async move {
            let res = fut.await;
            drop(guard);
            res
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    // Our tracker times header reads (hyper's own timer would also cut keep-alive idling at the
    // header-read timeout).
    builder.header_read_timeout(None::<Duration>).keep_alive(true);
    let mut conn = pin!(builder.serve_connection(io, service));
    let mut stopping = *stop.borrow();
    if stopping {
        conn.as_mut().graceful_shutdown();
    }
    loop {
        tokio::select! {
            _ = conn.as_mut() => return,
            _ = tracker.expired() => return, // drops the connection: the socket closes
            changed = stop.changed(), if !stopping => {
                if changed.is_err() || *stop.borrow() {
                    stopping = true;
                    conn.as_mut().graceful_shutdown();
                }
            }
        }
    }
}
