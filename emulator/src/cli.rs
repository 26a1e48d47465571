//! Command line: `opentok-emulator [--bind ADDR] [--port N] [--data-dir DIR | --in-memory]
//! [--project KEY:SECRET]... [--application APP_ID:PUBLIC_KEY_PEM_FILE]...
//! [--allow-host NAME]... [--allow-any-host] [--header-read-timeout SECS] [--idle-timeout SECS]
//! [--callback-attempts N] [--callback-timeout-ms MS] [--callback-backoff-ms MS] [--threads N]`

use std::net::IpAddr;
use std::path::PathBuf;

use clap::Parser;

use crate::projects::{Application, Project, Registry, DEV_API_KEY, DEV_API_SECRET};

/// Parsed command line of the emulator.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "opentok-emulator",
    version,
    about = "A local OpenTok-compatible API server with a dashboard",
    long_about = "A local OpenTok-compatible API server with a dashboard. Point any OpenTok \
                  server SDK at it (api_url / apiUrl) for offline development and CI."
)]
pub struct Cli {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,

    /// Port to listen on; 0 picks a free port (the first stdout line tells which).
    #[arg(long, default_value_t = 4010)]
    pub port: u16,

    /// Directory of the SQLite database (created when missing).
    #[arg(long, default_value = ".opentok-emulator", conflicts_with = "in_memory")]
    pub data_dir: PathBuf,

    /// Keep everything in memory; nothing survives a restart.
    #[arg(long)]
    pub in_memory: bool,

    /// A project as API_KEY:API_SECRET (repeatable). Without any, the development project
    /// 123456:1234567890abcdef1234567890abcdef1234567890 is served.
    #[arg(long = "project", value_name = "KEY:SECRET", value_parser = parse_project)]
    pub projects: Vec<Project>,

    /// A Vonage application as APP_ID:PUBLIC_KEY_PEM_FILE (repeatable); its REST calls use
    /// `Authorization: Bearer` RS256 JWTs and its client tokens are RS256.
    #[arg(long = "application", value_name = "APP_ID:PEM_FILE", value_parser = parse_application)]
    pub applications: Vec<Application>,

    /// Also serve requests whose Host header names NAME (repeatable; a port is ignored).
    /// Loopback names and addresses and the bound address are always served; other hosts get
    /// 421, which stops DNS-rebinding pages from reading answers.
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,

    /// Serve any Host header (turns the DNS-rebinding protection off).
    #[arg(long)]
    pub allow_any_host: bool,

    /// Seconds a client may take to send a request's headers (from the connection's opening,
    /// or from the first byte of a further request) before the connection is closed.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub header_read_timeout: u64,

    /// Seconds a keep-alive connection may sit idle between requests (or stall mid-request)
    /// before it is closed.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub idle_timeout: u64,

    /// Attempts per event delivery to a callback URL (the first included) before it is marked
    /// failed in the delivery log.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=20))]
    pub callback_attempts: u32,

    /// Milliseconds one delivery attempt may take (connect, send, answer).
    #[arg(long, value_name = "MS", default_value_t = 5000, value_parser = clap::value_parser!(u64).range(10..=600_000))]
    pub callback_timeout_ms: u64,

    /// Milliseconds before the first retry of a failed delivery; doubled before each further one.
    #[arg(long, value_name = "MS", default_value_t = 250, value_parser = clap::value_parser!(u64).range(0..=600_000))]
    pub callback_backoff_ms: u64,

    /// Threads serving requests. The default, 1, is one event loop, as Node's: it serves tens of
    /// thousands of requests per second and spends about a third less CPU per request than
    /// several workers, which wake each other for every request. More threads only pay off for
    /// slow callbacks or a slow disk under a heavy load.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: u16,
}

impl Cli {
    /// `--bind 127.0.0.1 --port 0 --in-memory` with the development project.
    pub fn in_memory_on_free_port() -> Cli {
        Cli::parse_from(["opentok-emulator", "--bind", "127.0.0.1", "--port", "0", "--in-memory"])
    }

    /// The tokio runtime `--threads` asks for: one thread (`current_thread`) or that many
    /// workers.
    pub fn runtime(&self) -> std::io::Result<tokio::runtime::Runtime> {
        match self.threads {
            0 | 1 => tokio::runtime::Builder::new_current_thread().enable_all().build(),
            n => tokio::runtime::Builder::new_multi_thread().worker_threads(n as usize).enable_all().build(),
        }
    }

    /// How events are delivered to callback URLs.
    pub fn delivery(&self) -> crate::sim::delivery::DeliveryConfig {
        crate::sim::delivery::DeliveryConfig {
            attempts: self.callback_attempts,
            timeout: std::time::Duration::from_millis(self.callback_timeout_ms),
            backoff: std::time::Duration::from_millis(self.callback_backoff_ms),
        }
    }

    /// Builds the credential registry; falls back to the development project when no
    /// `--project` was given (the second value tells whether that happened).
    pub fn registry(&self) -> (Registry, bool) {
        let mut projects = self.projects.clone();
        let dev = projects.is_empty();
        if dev {
            projects.push(Project { api_key: DEV_API_KEY.to_string(), api_secret: DEV_API_SECRET.to_string() });
        }
        (Registry::new(projects, self.applications.clone()), dev)
    }
}

fn parse_project(s: &str) -> Result<Project, String> {
    let (key, secret) = s.split_once(':').ok_or_else(|| "expected API_KEY:API_SECRET".to_string())?;
    if key.is_empty() || secret.is_empty() {
        return Err("expected API_KEY:API_SECRET, both non-empty".to_string());
    }
    Ok(Project { api_key: key.to_string(), api_secret: secret.to_string() })
}

fn parse_application(s: &str) -> Result<Application, String> {
    let (id, path) = s.split_once(':').ok_or_else(|| "expected APP_ID:PUBLIC_KEY_PEM_FILE".to_string())?;
    if id.is_empty() || path.is_empty() {
        return Err("expected APP_ID:PUBLIC_KEY_PEM_FILE, both non-empty".to_string());
    }
    let pem = std::fs::read_to_string(path).map_err(|e| format!("cannot read public key file {path}: {e}"))?;
    if !pem.contains("-----BEGIN PUBLIC KEY-----") && !pem.contains("-----BEGIN RSA PUBLIC KEY-----") {
        return Err(format!("{path} holds no PEM public key (-----BEGIN PUBLIC KEY-----)"));
    }
    Ok(Application { application_id: id.to_string(), public_key_pem: pem })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_dev_project() {
        let cli = Cli::parse_from(["opentok-emulator"]);
        assert_eq!(cli.port, 4010);
        let (reg, dev) = cli.registry();
        assert!(dev);
        assert_eq!(reg.project("123456").unwrap().api_secret, DEV_API_SECRET);
    }

    #[test]
    fn explicit_projects_replace_dev_project() {
        let cli = Cli::parse_from(["x", "--project", "47:abc", "--project", "48:def", "--in-memory"]);
        let (reg, dev) = cli.registry();
        assert!(!dev);
        assert!(reg.project("123456").is_none());
        assert_eq!(reg.project("48").unwrap().api_secret, "def");
    }

    #[test]
    fn rejects_bad_project_and_conflicting_storage() {
        assert!(Cli::try_parse_from(["x", "--project", "nocolon"]).is_err());
        assert!(Cli::try_parse_from(["x", "--in-memory", "--data-dir", "d"]).is_err());
    }

    #[test]
    fn one_event_loop_unless_more_threads_are_asked() {
        use tokio::runtime::RuntimeFlavor;
        let flavor = |args: &[&str]| Cli::parse_from(args).runtime().unwrap().handle().runtime_flavor();
        assert_eq!(Cli::parse_from(["x"]).threads, 1);
        assert_eq!(flavor(&["x"]), RuntimeFlavor::CurrentThread);
        assert_eq!(flavor(&["x", "--threads", "3"]), RuntimeFlavor::MultiThread);
        let rt = Cli::parse_from(["x", "--threads", "3"]).runtime().unwrap();
        assert_eq!(rt.metrics().num_workers(), 3);
        assert!(Cli::try_parse_from(["x", "--threads", "0"]).is_err());
    }
}
