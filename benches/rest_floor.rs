//! The core's own cost of a blocking REST call, with no binding around it: `createSession`
//! against a running emulator, from one thread and from 64 threads (each on its own runtime and
//! connection, as the bindings' blocking calls run), with the CPU time this process and the
//! emulator spent per call. Both share the machine's cores, so their sum bounds the calls per
//! second a binding can reach; the JVM and Ruby benches compare against this floor.
//!
//! `make bench-rest` (starts a release emulator), or
//! `cargo bench -p opentok --bench rest_floor -- <emulator-url> <emulator-pid>`.

use std::time::Instant;

use opentok::{Client, ClientOptions, Credentials, SessionOptions};

/// User + system CPU seconds of a process (`self` or a pid), from /proc (clock ticks of 10 ms).
fn cpu_seconds(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split(' ').collect();
    Some((fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?) / 100.0)
}

fn main() {
    // `cargo bench` passes `--bench`; the positional arguments are the URL and the pid
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let (Some(url), pid) = (args.first(), args.get(1).cloned().unwrap_or_default()) else {
        eprintln!("usage: rest_floor <emulator-url> [emulator-pid]");
        std::process::exit(2);
    };
    let client = Client::new(
        Credentials::project("123456", "1234567890abcdef1234567890abcdef1234567890").expect("credentials"),
        ClientOptions { base_url: Some(url.clone()), ..Default::default() },
    )
    .expect("client");
    let options = SessionOptions::default();
    for _ in 0..1000 {
        Client::block_on_here(client.create_session(&options)).expect("warm-up createSession");
    }
    println!("{:<28} {:>10} {:>22} {:>22}", "case", "calls/s", "client CPU µs/call", "emulator CPU µs/call");
    for (name, threads, calls) in [("createSession", 1usize, 6000usize), ("createSession(64-in-flight)", 64, 12800)] {
        let (c0, e0, t0) = (cpu_seconds("self"), cpu_seconds(&pid), Instant::now());
        std::thread::scope(|s| {
            for _ in 0..threads {
                let (client, options) = (client.clone(), options.clone());
                s.spawn(move || {
                    for _ in 0..calls / threads {
                        Client::block_on_here(client.create_session(&options)).expect("createSession");
                    }
                });
            }
        });
        let elapsed = t0.elapsed().as_secs_f64();
        let per_call = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => format!("{:.0}", (b - a) * 1e6 / calls as f64),
            _ => "-".into(),
        };
        println!(
            "{name:<28} {:>10.0} {:>22} {:>22}",
            calls as f64 / elapsed,
            per_call(c0, cpu_seconds("self")),
            per_call(e0, cpu_seconds(&pid))
        );
    }
}
