//! Starting the server: bind, announce `listening on http://HOST:PORT`, serve until Ctrl-C.

use std::io::Write;
use std::net::SocketAddr;

use tokio::net::TcpListener;

use crate::cli::Cli;
use crate::state::AppState;
use crate::store::Store;

/// A bound, not yet serving, emulator.
pub struct Server {
    listener: TcpListener,
    state: AppState,
}

impl Server {
    /// Opens the store and binds the listener described by `cli`.
    pub async fn bind(cli: &Cli) -> Result<(Server, bool), Box<dyn std::error::Error + Send + Sync>> {
        let (registry, dev) = cli.registry();
        let store = if cli.in_memory { Store::in_memory()? } else { Store::open(&cli.data_dir)? };
        let state = AppState::new(registry, store)?;
        let listener = TcpListener::bind(SocketAddr::new(cli.bind, cli.port)).await?;
        Ok((Server { listener, state }, dev))
    }

    /// The address actually bound (the port is real even when `--port 0` was asked).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The shared state.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` resolves.
    pub async fn serve(self, shutdown: impl std::future::Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let app = crate::routes::router(self.state);
        axum::serve(self.listener, app).with_graceful_shutdown(shutdown).await
    }
}

/// Runs the emulator as the binary does: prints `listening on http://HOST:PORT` as the first
/// stdout line, then what it serves, and serves until Ctrl-C or SIGTERM.
pub async fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (server, dev) = Server::bind(&cli).await?;
    let addr = server.local_addr()?;
    let host = match addr {
        SocketAddr::V6(a) => format!("[{}]", a.ip()),
        SocketAddr::V4(a) => a.ip().to_string(),
    };
    let url = format!("http://{host}:{}", addr.port());
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
    server.serve(shutdown_signal()).await?;
    Ok(())
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
