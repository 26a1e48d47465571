//! A real HTTP/1.1 socket server on 127.0.0.1 for faults the emulator cannot produce.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// One request as it arrived on the socket.
#[derive(Debug, Clone)]
#[allow(dead_code)]
pub struct Seen {
    pub request_line: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Seen {
    #[allow(dead_code)]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// What to answer: status, extra headers, body. `None` means never answer.
pub type Answer = Option<(u16, Vec<(String, String)>, String)>;

#[allow(dead_code)] // not every test file reads what was seen
pub struct Server {
    pub url: String,
    pub seen: Arc<Mutex<Vec<Seen>>>,
    /// Connections accepted so far (requests on a kept-alive connection do not count).
    pub accepted: Arc<AtomicUsize>,
}

/// Starts a server answering each request (numbered from 0) with `answer(n, &seen)`.
pub async fn serve<F>(answer: F) -> Server
where
    F: Fn(usize, &Seen) -> Answer + Send + Sync + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let answer = Arc::new(answer);
    let seen2 = seen.clone();
    let accepted = Arc::new(AtomicUsize::new(0));
    let accepted2 = accepted.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else { return };
            accepted2.fetch_add(1, Ordering::SeqCst);
            let seen = seen2.clone();
            let answer = answer.clone();
            tokio::spawn(async move {
                loop {
                    let Some(req) = read_request(&mut sock).await else { return };
                    let n = {
                        let mut s = seen.lock().unwrap();
                        s.push(req.clone());
                        s.len() - 1
                    };
                    match answer(n, &req) {
                        None => {
                            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
                            return;
                        }
                        Some((status, headers, body)) => {
                            let mut out = format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\n", body.len());
                            for (k, v) in headers {
                                out.push_str(&format!("{k}: {v}\r\n"));
                            }
                            out.push_str("\r\n");
                            out.push_str(&body);
                            if sock.write_all(out.as_bytes()).await.is_err() {
                                return;
                            }
                        }
                    }
                }
            });
        }
    });
    Server { url, seen, accepted }
}

async fn read_request(sock: &mut tokio::net::TcpStream) -> Option<Seen> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.split("\r\n");
    let request_line = lines.next()?.to_string();
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))).collect();
    let len: usize =
        headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("content-length")).and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < len {
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Seen { request_line, headers, body: String::from_utf8_lossy(&body).to_string() })
}

#[allow(dead_code)]
pub fn json(status: u16, body: &str) -> Answer {
    Some((status, vec![("content-type".into(), "application/json".into())], body.to_string()))
}
