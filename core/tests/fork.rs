//! A process that forks after blocking calls (Puma, Unicorn and Resque fork workers from a parent
//! that may already have called the service; PHP-FPM forks too): the child must not use the
//! parent's kept connections or runtime, and the parent must keep using them.
#![cfg(unix)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

use opentok::{Client, ClientOptions, Credentials, SessionOptions};

const ANSWER: &str = r#"[{"session_id":"1_MX4xMjM0NTZ-fg","project_id":"123456","create_dt":"now"}]"#;

/// Reads one request (head, then a `content-length` body); false at EOF.
fn read_request(s: &mut TcpStream) -> bool {
    let mut buf = Vec::new();
    let mut b = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        match s.read(&mut b) {
            Ok(1) => buf.push(b[0]),
            _ => return false,
        }
    }
    let head = String::from_utf8_lossy(&buf).to_ascii_lowercase();
    let len = head.lines().find_map(|l| l.strip_prefix("content-length: ")).map_or(0, |v| v.trim().parse().unwrap());
    let mut body = vec![0u8; len];
    s.read_exact(&mut body).is_ok()
}

/// A keep-alive server answering every request with a created session; counts connections.
fn serve() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let c = count.clone();
    thread::spawn(move || {
        for s in listener.incoming() {
            c.fetch_add(1, Ordering::SeqCst);
            let mut s = s.unwrap();
            thread::spawn(move || {
                while read_request(&mut s) {
                    let answer = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{ANSWER}",
                        ANSWER.len()
                    );
                    if s.write_all(answer.as_bytes()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (url, count)
}

fn create(client: &Client) -> String {
    Client::block_on_here(client.create_session(&SessionOptions::default())).expect("createSession").session_id
}

fn client_of(url: String) -> Client {
    Client::new(
        Credentials::project("123456", "1234567890abcdef1234567890abcdef1234567890").unwrap(),
        ClientOptions { base_url: Some(url), ..Default::default() },
    )
    .unwrap()
}

/// Forks; the child makes two blocking calls with `client` and reports whether both succeeded.
fn child_calls_succeed(client: &Client) -> bool {
    let mut fds = [0i32; 2];
    // SAFETY: plain POSIX calls. The child makes two blocking calls (this thread's own runtime and
    // sockets; the server runs in the parent), writes one byte and leaves with _exit.
    let pid = unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        libc::fork()
    };
    assert!(pid >= 0);
    if pid == 0 {
        let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            create(client) == "1_MX4xMjM0NTZ-fg" && create(client) == "1_MX4xMjM0NTZ-fg"
        }))
        .unwrap_or(false);
        unsafe {
            libc::write(fds[1], [ok as u8].as_ptr().cast(), 1);
            libc::_exit(0);
        }
    }
    let mut status = 0;
    let mut got = [0u8; 1];
    // SAFETY: reads one byte from the pipe and reaps the child.
    unsafe {
        libc::close(fds[1]);
        assert_eq!(libc::read(fds[0], got.as_mut_ptr().cast(), 1), 1, "the child answered");
        libc::close(fds[0]);
        libc::waitpid(pid, &mut status, 0);
    }
    got[0] == 1
}

/// One test (it sets an environment variable for its second half): the direct HTTP/1.1 path,
/// then the reqwest path with this thread's runtime.
#[test]
fn a_forked_child_connects_anew_and_the_parent_keeps_its_connection() {
    for path in ["direct", "reqwest"] {
        if path == "reqwest" {
            // this test binary runs this one test: nothing else reads the environment meanwhile
            std::env::set_var("OPENTOK_BLOCKING_HTTP", "reqwest");
        }
        let (url, connections) = serve();
        let client = client_of(url);
        create(&client);
        create(&client);
        assert_eq!(connections.load(Ordering::SeqCst), 1, "{path}: the parent keeps one connection alive");
        assert!(child_calls_succeed(&client), "{path}: the child's calls succeeded");
        assert_eq!(connections.load(Ordering::SeqCst), 2, "{path}: the child opened a connection of its own, once");
        // the parent's kept connection and runtime still serve it
        create(&client);
        assert_eq!(connections.load(Ordering::SeqCst), 2, "{path}: the parent still uses its kept connection");
    }
}
