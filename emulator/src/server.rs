//! Starting the server: bind, announce `listening on http://HOST:PORT`, serve until Ctrl-C.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;

use crate::cli::Cli;
use crate::conn::Timeouts;
use crate::guard::HostPolicy;
use crate::state::AppState;
use crate::store::Store;

/// A bound, not yet serving, emulator.
pub struct Server {
    listener: TcpListener,
    state: AppState,
    hosts: HostPolicy,
    timeouts: Timeouts,
}

impl Server {
    /// Opens the store and binds the listener described by `cli`.
    pub async fn bind(cli: &Cli) -> Result<(Server, bool), StartError> {
        let (registry, dev) = cli.registry();
        let store = if cli.in_memory { Store::in_memory()? } else { Store::open(&cli.data_dir)? };
        let state = AppState::new(registry, store, cli.delivery())?;
        let want = SocketAddr::new(cli.bind, cli.port);
        let listener =
            TcpListener::bind(want).await.map_err(|e| std::io::Error::new(e.kind(), format!("cannot listen on {want}: {e}")))?;
        let hosts = HostPolicy::new(cli.bind, &cli.allow_hosts, cli.allow_any_host);
        let timeouts =
            Timeouts { header_read: Duration::from_secs(cli.header_read_timeout), idle: Duration::from_secs(cli.idle_timeout) };
        Ok((Server { listener, state, hosts, timeouts }, dev))
    }

    /// The address actually bound (the port is real even when `--port 0` was asked).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The shared state.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` resolves. Also runs the `maxDuration` timer task and resumes the
    /// deliveries a previous run left pending.
    pub async fn serve(self, shutdown: impl std::future::Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let timer = tokio::spawn(crate::sim::recordings::run_timer(self.state.clone()));
        if let Err(e) = crate::sim::delivery::resume(&self.state) {
            eprintln!("opentok-emulator: cannot resume deliveries: {e}");
        }
        let app = crate::routes::router(self.state)
            .layer(axum::middleware::from_fn_with_state(Arc::new(self.hosts), crate::guard::guard));
        let served = crate::conn::serve(self.listener, app, self.timeouts, shutdown).await;
        timer.abort();
        served
    }
}

/// Error type of starting the emulator.
pub type StartError = Box<dyn std::error::Error + Send + Sync>;

/// An emulator serving in the background of the current tokio runtime, for in-process tests.
/// Dropping it (or [`Running::stop`]) shuts the server down.
pub struct Running {
    addr: SocketAddr,
    url: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Running {
    /// Base URL, e.g. `http://127.0.0.1:41234`; give it to `ClientOptions::base_url`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Shuts the server down and waits until it stopped.
    pub async fn stop(mut self) -> std::io::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.task.take() {
            Some(task) => task.await.unwrap_or_else(|e| Err(std::io::Error::other(e))),
            None => Ok(()),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

impl std::fmt::Debug for Running {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Running").field("url", &self.url).finish()
    }
}

/// Starts an emulator described by `cli` on the current tokio runtime and returns once it
/// listens.
pub async fn start(cli: &Cli) -> Result<Running, StartError> {
    let (server, _) = Server::bind(cli).await?;
    let addr = server.local_addr()?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(server.serve(async move {
        let _ = rx.await;
    }));
    Ok(Running { addr, url: url_of(addr), shutdown: Some(tx), task: Some(task) })
}

/// Starts an in-memory emulator for the development project on a free loopback port.
pub async fn start_in_memory() -> Result<Running, StartError> {
    start(&Cli::in_memory_on_free_port()).await
}

fn url_of(addr: SocketAddr) -> String {
    let host = match addr {
        SocketAddr::V6(a) => format!("[{}]", a.ip()),
        SocketAddr::V4(a) => a.ip().to_string(),
    };
    format!("http://{host}:{}", addr.port())
}

/// Runs the emulator as the binary does: prints `listening on http://HOST:PORT` as the first
/// stdout line, then what it serves, and serves until Ctrl-C or SIGTERM.
pub async fn run(cli: Cli) -> Result<(), StartError> {
    let (server, dev) = Server::bind(&cli).await?;
    let addr = server.local_addr()?;
    let url = url_of(addr);
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "listening on {url}")?;
        if dev {
            writeln!(
                out,
                "serving the development project: api key {} secret {}",
                crate::projects::DEV_API_KEY,
                crate::projects::DEV_API_SECRET
            )?;
        }
        for p in server.state().registry().projects() {
            writeln!(out, "project {} (REST: X-OPENTOK-AUTH HS256)", p.api_key)?;
        }
        for a in server.state().registry().applications() {
            writeln!(out, "application {} (REST: Authorization: Bearer RS256)", a.application_id)?;
        }
        writeln!(out, "storage: {}", server.state().store().location())?;
        writeln!(out, "dashboard: {url}/")?;
        out.flush()?;
    }
    if let Some(warning) = exposure_warning(addr, dev) {
        eprintln!("{warning}");
    }
    server.serve(shutdown_signal()).await?;
    Ok(())
}

/// The stderr warning for a listener reachable from other machines: loud when it serves real
/// credentials (`--project`), a note for the public development project.
pub fn exposure_warning(addr: SocketAddr, dev: bool) -> Option<String> {
    if addr.ip().is_loopback() {
        return None;
    }
    let ip = addr.ip();
    let reach = if ip.is_unspecified() { "every network interface".to_string() } else { format!("{ip}") };
    if dev {
        return Some(format!(
            "opentok-emulator: note: listening on {reach} (port {}); anyone who can reach it can create sessions \
             and mint tokens of the (public) development project",
            addr.port()
        ));
    }
    let bar = "!".repeat(78);
    Some(format!(
        "{bar}\n\
         WARNING: opentok-emulator is listening on {reach} (port {}), not on loopback, while\n\
         serving --project credentials. Anyone on the network can mint client tokens signed with\n\
         that API secret (POST /emulator/v1/tokens needs no auth), create sessions and call the\n\
         REST API of this emulator. If those are real OpenTok keys, those tokens are valid on the\n\
         real service too. There is no TLS. Bind to 127.0.0.1 (the default) unless you mean it.\n\
         {bar}",
        addr.port()
    ))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
