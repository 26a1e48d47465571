//! The binary's command line: startup lines, refusals of bad arguments.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_opentok-emulator"))
}

#[test]
fn announces_url_then_the_development_project() {
    let mut child = bin().args(["--port", "0", "--in-memory"]).stdout(Stdio::piped()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.starts_with("listening on http://127.0.0.1:"), "{first}");
    let port: u16 = first.rsplit(':').next().unwrap().parse().unwrap();
    assert_ne!(port, 0);
    let second = lines.next().unwrap().unwrap();
    assert!(second.contains("development project"), "{second}");
    assert!(second.contains("123456") && second.contains("1234567890abcdef1234567890abcdef1234567890"));
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn custom_projects_are_announced_without_secrets() {
    let mut child =
        bin().args(["--port", "0", "--in-memory", "--project", "4711:hushhush"]).stdout(Stdio::piped()).spawn().unwrap();
    let mut out = Vec::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        let done = line.starts_with("dashboard:");
        out.push(line);
        if done {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let text = out.join("\n");
    assert!(text.contains("project 4711"), "{text}");
    assert!(!text.contains("hushhush"), "{text}");
    assert!(!text.contains("development project"), "{text}");
}

#[test]
fn bad_arguments_fail_with_a_message() {
    let cases: [&[&str]; 4] = [
        &["--project", "nocolon"],
        &["--in-memory", "--data-dir", "x"],
        &["--application", "app:/nonexistent/key.pem"],
        &["--port", "notaport"],
    ];
    for args in cases {
        let out = bin().args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} must fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.is_empty(), "{args:?}: no message");
    }
    let out = bin().args(["--application", "app:/nonexistent/key.pem"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/key.pem"));
}

#[test]
fn port_in_use_is_reported() {
    let holder = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port().to_string();
    let out = bin().args(["--port", &port, "--in-memory"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains(&format!("cannot listen on 127.0.0.1:{port}")), "{err}");
}
