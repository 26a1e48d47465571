//! One HTTP/1.1 exchange over a plain socket, http or https (rustls, the web PKI roots reqwest
//! trusts too), for blocking calls ([`crate::Client::block_on_here`]): the waiting thread writes
//! the request and reads the answer itself, on a connection it keeps alive for its next call.
//! A tokio runtime and reqwest per thread cost four to six times the CPU per call of this, with
//! no epoll wait, no timer and no task hand-off (`make bench-rest`). Proxies (configured or from
//! the environment) keep going through reqwest; so do async calls.

use std::cell::RefCell;
use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::{Arc, OnceLock, Weak};
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

/// Where requests go: parsed once from the client's base URL.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    tls: bool,
    /// Host name or IP address, without IPv6 brackets (for connecting and for TLS).
    host: String,
    port: u16,
    /// The `host` header: host, and the port when it is not the scheme's default.
    host_header: String,
    /// The base URL's path without its trailing slash ("" for none); request paths follow it.
    prefix: String,
}

impl Target {
    /// The target of an `http://` or `https://` base URL with no credentials, query or fragment.
    pub(crate) fn parse(base_url: &str) -> Option<Target> {
        let u = reqwest::Url::parse(base_url).ok()?;
        let tls = match u.scheme() {
            "http" => false,
            "https" => true,
            _ => return None,
        };
        if !u.username().is_empty() || u.password().is_some() || u.query().is_some() || u.fragment().is_some() {
            return None;
        }
        let shown = u.host_str()?.to_string(); // brackets kept for IPv6
        let host = shown.trim_start_matches('[').trim_end_matches(']').to_string();
        let port = u.port_or_known_default()?;
        let host_header = match u.port() {
            Some(p) => format!("{shown}:{p}"),
            None => shown,
        };
        Some(Target { tls, host, port, host_header, prefix: u.path().trim_end_matches('/').to_string() })
    }
}

/// One request. `path` starts with `/` and may carry a query; it is already percent-encoded.
pub(crate) struct Exchange<'a> {
    pub method: &'a str,
    pub path: &'a str,
    /// Header lines besides `host` and `content-length`.
    pub headers: &'a [(&'a str, &'a str)],
    pub body: Option<&'a [u8]>,
}

/// The answer: status, the headers of a non-2xx answer (2xx answers need none), the body.
pub(crate) struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

/// Why an exchange failed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// No connection could be made: nothing reached the server.
    Connect(String),
    /// The deadline passed; `answered` once the status line and headers had come.
    Timeout { answered: bool },
    /// The connection failed after the request started (reset, closed early, bad answer).
    Broken(String),
    /// The status and headers came but the body could not be read.
    Body { status: u16, detail: String },
}

/// A connection and the time it went idle.
struct Idle {
    stream: Stream,
    since: Instant,
}

/// Connections idle longer than this are not reused (as reqwest's `pool_idle_timeout`).
const IDLE_LIMIT: Duration = Duration::from_secs(60);
/// An answer's status line and headers may not exceed this.
const MAX_HEAD: usize = 64 * 1024;

thread_local! {
    /// This thread's idle connection per transport (keyed like the transports' thread copies:
    /// a dropped transport's entry is let go).
    static IDLE: RefCell<Vec<(Weak<()>, Idle)>> = const { RefCell::new(Vec::new()) };
    /// The fork generation ([`crate::clock::fork_generation`]) `IDLE`'s connections belong to.
    static IDLE_GENERATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A connection, and the read and write timeout its socket has now (set only when what is left
/// of a call's time needs a shorter one, not twice per call).
struct Stream {
    io: Io,
    timeout: Option<Duration>,
}

enum Io {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

impl Stream {
    fn new(io: Io) -> Stream {
        Stream { io, timeout: None }
    }

    fn tcp(&self) -> &TcpStream {
        match &self.io {
            Io::Plain(s) => s,
            Io::Tls(s) => s.get_ref(),
        }
    }

    /// Whether a kept connection still looks usable: nothing to read and not closed (one
    /// non-blocking peek).
    #[cfg(unix)]
    fn looks_alive(&self) -> bool {
        use std::os::fd::AsRawFd;
        let mut b = [0u8; 1];
        // SAFETY: a one-byte peek into a local buffer on a socket this stream owns.
        let n = unsafe { libc::recv(self.tcp().as_raw_fd(), b.as_mut_ptr().cast(), 1, libc::MSG_PEEK | libc::MSG_DONTWAIT) };
        n < 0 && io::Error::last_os_error().kind() == io::ErrorKind::WouldBlock
    }

    /// Whether a kept connection still looks usable: nothing to read and not closed.
    #[cfg(not(unix))]
    fn looks_alive(&self) -> bool {
        let tcp = self.tcp();
        if tcp.set_nonblocking(true).is_err() {
            return false;
        }
        let mut b = [0u8; 1];
        let alive = matches!(tcp.peek(&mut b), Err(e) if e.kind() == io::ErrorKind::WouldBlock);
        alive && tcp.set_nonblocking(false).is_ok()
    }

    /// Keeps the socket's timeout within what is left until `deadline`: a `TimedOut` error
    /// once nothing is left. A timeout between half and all of what is left stays; a new one
    /// is 7/8 of it, so that the next calls of this thread, with about as much time, keep it.
    fn bound(&mut self, deadline: Instant) -> io::Result<()> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        if matches!(self.timeout, Some(t) if t <= left && t >= left / 2) {
            return Ok(());
        }
        let t = left - left / 8;
        let tcp = self.tcp();
        tcp.set_read_timeout(Some(t))?;
        tcp.set_write_timeout(Some(t))?;
        self.timeout = Some(t);
        Ok(())
    }

    /// Runs `op` (one read, write, flush or handshake step) again after each expiry of the
    /// socket's timeout until it succeeds, fails otherwise, or `deadline` passes (`TimedOut`).
    /// An operation that times out has consumed nothing, so running it again is safe.
    fn by<T>(&mut self, deadline: Instant, mut op: impl FnMut(&mut Stream) -> io::Result<T>) -> io::Result<T> {
        loop {
            self.bound(deadline)?;
            match op(self) {
                Err(e) if is_timeout(&e) => continue,
                r => return r,
            }
        }
    }

    /// Writes all of `data` before `deadline`.
    fn write_all_by(&mut self, mut data: &[u8], deadline: Instant) -> io::Result<()> {
        while !data.is_empty() {
            match self.by(deadline, |s| s.write(data))? {
                0 => return Err(io::ErrorKind::WriteZero.into()),
                n => data = &data[n..],
            }
        }
        self.by(deadline, |s| s.flush())
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.io {
            Io::Plain(s) => s.read(buf),
            Io::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.io {
            Io::Plain(s) => s.write(buf),
            Io::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.io {
            Io::Plain(s) => s.flush(),
            Io::Tls(s) => s.flush(),
        }
    }
}

/// The TLS settings of every https exchange: the web PKI roots (as reqwest's `rustls-tls`),
/// HTTP/1.1 by ALPN.
pub(crate) fn tls_config() -> Arc<rustls::ClientConfig> {
    static CONFIG: OnceLock<Arc<rustls::ClientConfig>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
            tls_config_with(roots)
        })
        .clone()
}

/// TLS settings that trust `roots` (the tests pass their own).
pub(crate) fn tls_config_with(roots: rustls::RootCertStore) -> Arc<rustls::ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("the ring provider supports the default TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Arc::new(config)
}

fn connect(
    target: &Target,
    tls: &Arc<rustls::ClientConfig>,
    connect_timeout: Duration,
    deadline: Instant,
) -> Result<Stream, Failure> {
    let addrs = (target.host.as_str(), target.port).to_socket_addrs().map_err(|e| Failure::Connect(e.to_string()))?;
    let mut last = Failure::Connect(format!("no address for {}", target.host));
    for addr in addrs {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Failure::Timeout { answered: false });
        }
        match TcpStream::connect_timeout(&addr, left.min(connect_timeout)) {
            Ok(tcp) => {
                let _ = tcp.set_nodelay(true);
                if !target.tls {
                    return Ok(Stream::new(Io::Plain(tcp)));
                }
                let name = rustls::pki_types::ServerName::try_from(target.host.clone())
                    .map_err(|e| Failure::Connect(format!("invalid TLS server name: {e}")))?;
                let conn = rustls::ClientConnection::new(tls.clone(), name).map_err(|e| Failure::Connect(e.to_string()))?;
                let mut stream = Stream::new(Io::Tls(Box::new(rustls::StreamOwned::new(conn, tcp))));
                // the handshake now, so that its failures are connect failures
                let handshake = stream.by(deadline, |st| match &mut st.io {
                    Io::Tls(s) => {
                        while s.conn.is_handshaking() {
                            s.conn.complete_io(&mut s.sock)?;
                        }
                        Ok(())
                    }
                    Io::Plain(_) => Ok(()),
                });
                return match handshake {
                    Ok(()) => Ok(stream),
                    Err(e) if is_timeout(&e) => Err(Failure::Timeout { answered: false }),
                    Err(e) => Err(Failure::Connect(e.to_string())),
                };
            }
            Err(e) if is_timeout(&e) => last = Failure::Timeout { answered: false },
            Err(e) => last = Failure::Connect(e.to_string()),
        }
    }
    Err(last)
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut)
}

/// Sends `ex` to `target` and reads the answer, on this thread's kept connection for `key` when
/// it is still usable, else on a new one (kept afterwards when the answer allows). A kept
/// connection the server closed before answering is replaced once; nothing else is retried here.
pub(crate) fn exchange(
    key: &Arc<()>,
    target: &Target,
    tls: &Arc<rustls::ClientConfig>,
    connect_timeout: Duration,
    timeout: Duration,
    ex: &Exchange<'_>,
) -> Result<Answer, Failure> {
    let deadline = Instant::now() + timeout;
    let head = request_head(target, ex);
    let kept = take_idle(key);
    if let Some(stream) = kept {
        match attempt(stream, &head, ex, deadline) {
            // the server had closed the kept connection: nothing was answered, try a new one
            Err((Failure::Broken(_), false)) => {}
            Err((f, _)) => return Err(f),
            Ok((answer, reusable)) => {
                put_idle(key, reusable);
                return Ok(answer);
            }
        }
    }
    let stream = connect(target, tls, connect_timeout, deadline)?;
    match attempt(stream, &head, ex, deadline) {
        Ok((answer, reusable)) => {
            put_idle(key, reusable);
            Ok(answer)
        }
        Err((f, _)) => Err(f),
    }
}

fn take_idle(key: &Arc<()>) -> Option<Stream> {
    IDLE.with(|cell| {
        let mut idle = cell.borrow_mut();
        // A forked child inherits its parent's kept connections: the same sockets, which both
        // would then write to and read from. The child lets them go (closing only its copies of
        // the descriptors; TLS sends nothing on drop) and connects anew.
        let generation = crate::clock::fork_generation();
        if IDLE_GENERATION.with(|g| g.replace(generation)) != generation {
            idle.clear();
        }
        idle.retain(|(k, _)| k.strong_count() > 0);
        let i = idle.iter().position(|(k, _)| k.as_ptr() == Arc::as_ptr(key))?;
        let (_, conn) = idle.swap_remove(i);
        (conn.since.elapsed() < IDLE_LIMIT && conn.stream.looks_alive()).then_some(conn.stream)
    })
}

fn put_idle(key: &Arc<()>, stream: Option<Stream>) {
    if let Some(stream) = stream {
        IDLE.with(|cell| cell.borrow_mut().push((Arc::downgrade(key), Idle { stream, since: Instant::now() })));
    }
}

/// The request line and headers, as hyper writes them (lower-case names; `content-length` for a
/// body, and `0` for a bodiless POST, PUT or PATCH).
fn request_head(target: &Target, ex: &Exchange<'_>) -> Vec<u8> {
    let mut h = String::with_capacity(512);
    h.push_str(ex.method);
    h.push(' ');
    h.push_str(&target.prefix);
    h.push_str(ex.path);
    h.push_str(" HTTP/1.1\r\n");
    for (name, value) in ex.headers {
        h.push_str(name);
        h.push_str(": ");
        h.push_str(value);
        h.push_str("\r\n");
    }
    h.push_str("host: ");
    h.push_str(&target.host_header);
    h.push_str("\r\n");
    match ex.body {
        Some(b) => h.push_str(&format!("content-length: {}\r\n", b.len())),
        None if matches!(ex.method, "POST" | "PUT" | "PATCH") => h.push_str("content-length: 0\r\n"),
        None => {}
    }
    h.push_str("\r\n");
    h.into_bytes()
}

/// One attempt on `stream`: the answer and the connection when it can be kept, or the failure
/// and whether any byte of an answer had come.
fn attempt(
    mut stream: Stream,
    head: &[u8],
    ex: &Exchange<'_>,
    deadline: Instant,
) -> Result<(Answer, Option<Stream>), (Failure, bool)> {
    let sent = match ex.body {
        Some(body) if head.len() + body.len() <= 16 * 1024 => {
            let mut all = Vec::with_capacity(head.len() + body.len());
            all.extend_from_slice(head);
            all.extend_from_slice(body);
            stream.write_all_by(&all, deadline)
        }
        Some(body) => stream.write_all_by(head, deadline).and_then(|_| stream.write_all_by(body, deadline)),
        None => stream.write_all_by(head, deadline),
    };
    if let Err(e) = sent {
        return Err((if is_timeout(&e) { Failure::Timeout { answered: false } } else { Failure::Broken(e.to_string()) }, false));
    }
    read_answer(stream, ex.method == "HEAD", deadline)
}

fn read_answer(mut stream: Stream, head_request: bool, deadline: Instant) -> Result<(Answer, Option<Stream>), (Failure, bool)> {
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut chunk = [0u8; 8192];
    loop {
        // the status line and headers
        let mut first = true;
        let (status, head_len, headers, length, keep) = loop {
            if buf.is_empty() || !first {
                let n = match stream.by(deadline, |s| s.read(&mut chunk)) {
                    Ok(n) => n,
                    Err(e) if is_timeout(&e) => return Err((Failure::Timeout { answered: false }, !buf.is_empty())),
                    Err(e) => return Err((Failure::Broken(e.to_string()), !buf.is_empty())),
                };
                if n == 0 {
                    let what = if buf.is_empty() {
                        "the connection closed before an answer"
                    } else {
                        "the connection closed mid-answer"
                    };
                    return Err((Failure::Broken(what.into()), !buf.is_empty()));
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            first = false;
            let mut slots = [httparse::EMPTY_HEADER; 64];
            let mut resp = httparse::Response::new(&mut slots);
            match resp.parse(&buf) {
                Ok(httparse::Status::Complete(len)) => {
                    let status = resp.code.unwrap_or(0);
                    let http11 = resp.version == Some(1);
                    let mut headers = HeaderMap::new();
                    let (mut length, mut chunked, mut close) = (None, false, !http11);
                    for h in resp.headers.iter() {
                        if h.name.eq_ignore_ascii_case("content-length") {
                            length = std::str::from_utf8(h.value).ok().and_then(|v| v.trim().parse::<usize>().ok());
                        } else if h.name.eq_ignore_ascii_case("transfer-encoding") {
                            chunked = h.value.to_ascii_lowercase().windows(7).any(|w| w == b"chunked");
                        } else if h.name.eq_ignore_ascii_case("connection") {
                            let v = h.value.to_ascii_lowercase();
                            close =
                                v.windows(5).any(|w| w == b"close") || (!http11 && !v.windows(10).any(|w| w == b"keep-alive"));
                        }
                        if let (Ok(name), Ok(value)) =
                            (HeaderName::from_bytes(h.name.as_bytes()), HeaderValue::from_bytes(h.value))
                        {
                            headers.append(name, value);
                        }
                    }
                    let length = if head_request || status == 204 || status == 304 || (100..200).contains(&status) {
                        Length::Known(0)
                    } else if chunked {
                        Length::Chunked
                    } else {
                        length.map_or(Length::ToEnd, Length::Known)
                    };
                    break (status, len, headers, length, !close);
                }
                Ok(httparse::Status::Partial) if buf.len() <= MAX_HEAD => {}
                Ok(httparse::Status::Partial) => return Err((Failure::Broken("the answer's headers are too long".into()), true)),
                Err(e) => return Err((Failure::Broken(format!("the answer is not HTTP ({e})")), true)),
            }
        };
        buf.drain(..head_len);
        if (100..200).contains(&status) {
            continue; // an interim answer (100 Continue): the real one follows
        }
        let body = read_body(&mut stream, &mut buf, length, deadline).map_err(|f| (f.into_body(status), true))?;
        let reusable = keep && !matches!(length, Length::ToEnd) && buf.is_empty();
        let headers = if (200..300).contains(&status) { HeaderMap::new() } else { headers };
        let body = match String::from_utf8(body) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        return Ok((Answer { status, headers, body }, reusable.then_some(stream)));
    }
}

#[derive(Clone, Copy)]
enum Length {
    Known(usize),
    Chunked,
    ToEnd,
}

impl Failure {
    /// A failure while reading a body, as the body's.
    fn into_body(self, status: u16) -> Failure {
        match self {
            Failure::Timeout { .. } => Failure::Timeout { answered: true },
            Failure::Broken(detail) | Failure::Connect(detail) => Failure::Body { status, detail },
            other => other,
        }
    }
}

/// Reads more of the answer into `buf`; false at the end of the stream.
fn fill(stream: &mut Stream, buf: &mut Vec<u8>, deadline: Instant) -> Result<bool, Failure> {
    let mut chunk = [0u8; 8192];
    match stream.by(deadline, |s| s.read(&mut chunk)) {
        Ok(0) => Ok(false),
        Ok(n) => {
            buf.extend_from_slice(&chunk[..n]);
            Ok(true)
        }
        Err(e) if is_timeout(&e) => Err(Failure::Timeout { answered: true }),
        // a TLS peer that closes without close_notify ends a read-to-end body as EOF does
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(false),
        Err(e) => Err(Failure::Broken(e.to_string())),
    }
}

fn read_body(stream: &mut Stream, buf: &mut Vec<u8>, length: Length, deadline: Instant) -> Result<Vec<u8>, Failure> {
    match length {
        Length::Known(n) => {
            while buf.len() < n {
                if !fill(stream, buf, deadline)? {
                    return Err(Failure::Broken(format!("the body ended after {} of {n} bytes", buf.len())));
                }
            }
            let rest = buf.split_off(n);
            Ok(std::mem::replace(buf, rest))
        }
        Length::ToEnd => {
            while fill(stream, buf, deadline)? {}
            Ok(std::mem::take(buf))
        }
        Length::Chunked => {
            let mut body = Vec::new();
            loop {
                let line_end = loop {
                    if let Some(i) = buf.windows(2).position(|w| w == b"\r\n") {
                        break i;
                    }
                    if buf.len() > MAX_HEAD || !fill(stream, buf, deadline)? {
                        return Err(Failure::Broken("a chunk size line is missing".into()));
                    }
                };
                let line = std::str::from_utf8(&buf[..line_end]).unwrap_or("");
                let size_text = line.split(';').next().unwrap_or("").trim();
                let size = usize::from_str_radix(size_text, 16)
                    .map_err(|_| Failure::Broken(format!("invalid chunk size {size_text:?}")))?;
                buf.drain(..line_end + 2);
                if size == 0 {
                    // trailers, then the empty line
                    loop {
                        if let Some(i) = buf.windows(2).position(|w| w == b"\r\n") {
                            buf.drain(..i + 2);
                            if i == 0 {
                                return Ok(body);
                            }
                            continue;
                        }
                        if buf.len() > MAX_HEAD || !fill(stream, buf, deadline)? {
                            return Err(Failure::Broken("the chunked body has no end".into()));
                        }
                    }
                }
                while buf.len() < size + 2 {
                    if !fill(stream, buf, deadline)? {
                        return Err(Failure::Broken("a chunk ended early".into()));
                    }
                }
                body.extend_from_slice(&buf[..size]);
                buf.drain(..size + 2);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;

    /// Reads one request (head and `content-length` body) from `s`; `None` at EOF.
    fn read_request(s: &mut impl Read) -> Option<String> {
        let mut buf = Vec::new();
        let mut b = [0u8; 1];
        while !buf.ends_with(b"\r\n\r\n") {
            if s.read(&mut b).ok()? == 0 {
                return None;
            }
            buf.push(b[0]);
        }
        let head = String::from_utf8(buf).unwrap();
        let len = head.lines().find_map(|l| l.strip_prefix("content-length: ")).map_or(0, |v| v.trim().parse::<usize>().unwrap());
        let mut body = vec![0u8; len];
        s.read_exact(&mut body).ok()?;
        Some(head + &String::from_utf8(body).unwrap())
    }

    /// A server on 127.0.0.1 running `each` on every connection (with its index); counts them.
    fn serve(each: impl Fn(usize, TcpStream) + Send + Sync + 'static) -> (Target, Arc<AtomicUsize>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let count = Arc::new(AtomicUsize::new(0));
        let c = count.clone();
        let each = Arc::new(each);
        thread::spawn(move || {
            for s in listener.incoming() {
                let i = c.fetch_add(1, Ordering::SeqCst);
                let each = each.clone();
                thread::spawn(move || each(i, s.unwrap()));
            }
        });
        (Target::parse(&format!("http://127.0.0.1:{port}/base")).unwrap(), count)
    }

    fn call(key: &Arc<()>, t: &Target, method: &str, body: Option<&[u8]>, timeout: Duration) -> Result<Answer, Failure> {
        let headers = [("accept", "application/json")];
        let ex = Exchange { method, path: "/v2/thing?x=1", headers: &headers, body };
        exchange(key, t, &tls_config(), Duration::from_secs(2), timeout, &ex)
    }

    const OK: &[u8] = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok";

    #[test]
    fn targets_of_base_urls() {
        let t = Target::parse("http://127.0.0.1:4010").unwrap();
        assert_eq!(
            (t.tls, t.host.as_str(), t.port, t.host_header.as_str(), t.prefix.as_str()),
            (false, "127.0.0.1", 4010, "127.0.0.1:4010", "")
        );
        let t = Target::parse("https://api.opentok.com/").unwrap();
        assert_eq!((t.tls, t.port, t.host_header.as_str(), t.prefix.as_str()), (true, 443, "api.opentok.com", ""));
        let t = Target::parse("http://[::1]:9000/a/b/").unwrap();
        assert_eq!((t.host.as_str(), t.host_header.as_str(), t.prefix.as_str()), ("::1", "[::1]:9000", "/a/b"));
        for bad in ["ftp://x", "http://u:p@h", "http://h/?q=1", "http://h/#f", "nope"] {
            assert!(Target::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn one_kept_connection_serves_calls_in_turn_and_the_request_is_written_as_hyper_does() {
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let s2 = seen.clone();
        let (t, count) = serve(move |_, mut s| {
            while let Some(req) = read_request(&mut s) {
                s2.lock().unwrap().push(req);
                s.write_all(OK).unwrap();
            }
        });
        let key = Arc::new(());
        for _ in 0..3 {
            let a = call(&key, &t, "POST", Some(b"a=1&b=2"), Duration::from_secs(5)).unwrap();
            assert_eq!((a.status, a.body.as_str()), (200, "ok"));
        }
        call(&key, &t, "POST", None, Duration::from_secs(5)).unwrap();
        call(&key, &t, "GET", None, Duration::from_secs(5)).unwrap();
        assert_eq!(count.load(Ordering::SeqCst), 1, "one connection, kept alive");
        let seen = seen.lock().unwrap();
        let host = format!("host: 127.0.0.1:{}", t.port);
        assert_eq!(
            seen[0],
            format!("POST /base/v2/thing?x=1 HTTP/1.1\r\naccept: application/json\r\n{host}\r\ncontent-length: 7\r\n\r\na=1&b=2")
        );
        assert!(seen[3].contains("content-length: 0\r\n"), "a bodiless POST says so: {}", seen[3]);
        assert!(seen[4].starts_with("GET ") && !seen[4].contains("content-length"), "{}", seen[4]);
    }

    #[test]
    fn chunked_answers_interim_answers_and_error_headers() {
        let (t, _) = serve(|_, mut s| {
            while read_request(&mut s).is_some() {
                s.write_all(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\ntransfer-encoding: chunked\r\n\r\n").unwrap();
                s.write_all(b"5;ext=1\r\nhello\r\n").unwrap();
                thread::sleep(Duration::from_millis(20));
                s.write_all(b"6\r\n world\r\n0\r\nx-trailer: 1\r\n\r\n").unwrap();
            }
        });
        let key = Arc::new(());
        for _ in 0..2 {
            let a = call(&key, &t, "GET", None, Duration::from_secs(5)).unwrap();
            assert_eq!((a.status, a.body.as_str()), (503, "hello world"));
            assert_eq!(a.headers.get("retry-after").unwrap(), "7", "a non-2xx answer keeps its headers");
        }
    }

    #[test]
    fn a_body_to_the_end_of_the_connection_and_a_kept_connection_the_server_closed() {
        // connection 0: answers once with a body that ends at EOF; later ones answer once and
        // close without saying so, so the client's kept connection is dead on its next call
        let (t, count) = serve(|i, mut s| {
            if read_request(&mut s).is_some() {
                if i == 0 {
                    s.write_all(b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\nuntil the end").unwrap();
                } else {
                    s.write_all(OK).unwrap();
                }
            }
        });
        let key = Arc::new(());
        assert_eq!(call(&key, &t, "GET", None, Duration::from_secs(5)).unwrap().body, "until the end");
        for _ in 0..3 {
            assert_eq!(call(&key, &t, "POST", Some(b"x"), Duration::from_secs(5)).unwrap().body, "ok");
            thread::sleep(Duration::from_millis(30)); // the server's close arrives
        }
        assert_eq!(count.load(Ordering::SeqCst), 4, "a new connection each time the old one was closed");
    }

    /// A plain stream connected to a listener that accepts and holds the connection.
    fn connected() -> Stream {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let tcp = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        thread::spawn(move || {
            let _held = listener.accept();
            thread::sleep(Duration::from_secs(5));
        });
        Stream::new(Io::Plain(tcp))
    }

    #[test]
    fn the_socket_timeout_is_set_only_when_what_is_left_needs_it() {
        let mut s = connected();
        let now = Instant::now();
        s.bound(now + Duration::from_secs(30)).unwrap();
        let first = s.timeout.unwrap();
        assert!(first <= Duration::from_secs(30) - Duration::from_secs(30) / 8 && first > Duration::from_secs(25), "{first:?}");
        // the kernel keeps timeouts in coarser units
        let near = |a: Option<Duration>, b: Duration| a.is_some_and(|a| a.abs_diff(b) < Duration::from_millis(20));
        assert!(near(s.tcp().read_timeout().unwrap(), first));
        // a next call of about as much time keeps it; a shorter deadline sets a shorter one
        s.bound(Instant::now() + Duration::from_secs(30)).unwrap();
        assert_eq!(s.timeout, Some(first));
        s.bound(Instant::now() + Duration::from_secs(2)).unwrap();
        let short = s.timeout.unwrap();
        assert!(short < Duration::from_secs(2), "{short:?}");
        assert!(near(s.tcp().read_timeout().unwrap(), short) && near(s.tcp().write_timeout().unwrap(), short));
        // far more time than the timeout covers: a longer one
        s.bound(Instant::now() + Duration::from_secs(60)).unwrap();
        assert!(s.timeout.unwrap() > Duration::from_secs(50));
        assert_eq!(s.bound(now).unwrap_err().kind(), io::ErrorKind::TimedOut);
    }

    #[test]
    fn an_expired_socket_timeout_before_the_deadline_runs_the_operation_again() {
        let mut s = connected();
        let mut runs = 0;
        let r = s.by(Instant::now() + Duration::from_secs(5), |_| {
            runs += 1;
            if runs < 3 {
                Err(io::ErrorKind::WouldBlock.into())
            } else {
                Ok(runs)
            }
        });
        assert_eq!(r.unwrap(), 3);
        // other errors end it at once; a passed deadline ends it as a timeout
        let mut runs = 0;
        let r: io::Result<()> = s.by(Instant::now() + Duration::from_secs(5), |_| {
            runs += 1;
            Err(io::ErrorKind::ConnectionReset.into())
        });
        assert_eq!((r.unwrap_err().kind(), runs), (io::ErrorKind::ConnectionReset, 1));
        let r: io::Result<()> = s.by(Instant::now() + Duration::from_millis(50), |_| Err(io::ErrorKind::TimedOut.into()));
        assert_eq!(r.unwrap_err().kind(), io::ErrorKind::TimedOut);
        // a real read: the kept socket's timeout (7/8 of the first call's 1 s) expires before
        // the slow answer of the second call, which still comes within that call's 1.6 s
        let (t, _) = serve(|_, mut s| {
            let mut n = 0;
            while read_request(&mut s).is_some() {
                if n == 1 {
                    thread::sleep(Duration::from_millis(1100));
                }
                n += 1;
                s.write_all(OK).unwrap();
            }
        });
        let key = Arc::new(());
        call(&key, &t, "GET", None, Duration::from_secs(1)).unwrap();
        let a = call(&key, &t, "GET", None, Duration::from_millis(1600)).unwrap();
        assert_eq!((a.status, a.body.as_str()), (200, "ok"));
    }

    #[test]
    fn timeouts_before_and_during_the_answer_and_a_refused_connection() {
        let (silent, _) = serve(|_, mut s| {
            let _ = read_request(&mut s);
            thread::sleep(Duration::from_secs(3));
        });
        let t0 = Instant::now();
        assert!(matches!(
            call(&Arc::new(()), &silent, "GET", None, Duration::from_millis(300)),
            Err(Failure::Timeout { answered: false })
        ));
        assert!(t0.elapsed() < Duration::from_secs(2));
        let (dripping, _) = serve(|_, mut s| {
            let _ = read_request(&mut s);
            s.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nstart").unwrap();
            thread::sleep(Duration::from_secs(3));
        });
        assert!(matches!(
            call(&Arc::new(()), &dripping, "GET", None, Duration::from_millis(300)),
            Err(Failure::Timeout { answered: true })
        ));
        let (short, _) = serve(|_, mut s| {
            let _ = read_request(&mut s);
            s.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nshort").unwrap();
        });
        assert!(matches!(
            call(&Arc::new(()), &short, "GET", None, Duration::from_secs(5)),
            Err(Failure::Body { status: 200, .. })
        ));
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port(); // closed again
        let refused = Target::parse(&format!("http://127.0.0.1:{port}")).unwrap();
        assert!(matches!(call(&Arc::new(()), &refused, "GET", None, Duration::from_secs(5)), Err(Failure::Connect(_))));
    }

    #[test]
    fn https_with_the_server_certificate_checked() {
        let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
        let cert_der = cert.cert.der().clone();
        let key_der = rustls::pki_types::PrivateKeyDer::Pkcs8(cert.signing_key.serialize_der().into());
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let server = Arc::new(
            rustls::ServerConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .unwrap()
                .with_no_client_auth()
                .with_single_cert(vec![cert_der.clone()], key_der)
                .unwrap(),
        );
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let accepted = Arc::new(AtomicUsize::new(0));
        let a2 = accepted.clone();
        thread::spawn(move || {
            for s in listener.incoming() {
                a2.fetch_add(1, Ordering::SeqCst);
                let server = server.clone();
                thread::spawn(move || {
                    let mut tls = rustls::StreamOwned::new(rustls::ServerConnection::new(server).unwrap(), s.unwrap());
                    while read_request(&mut tls).is_some() {
                        if tls.write_all(OK).and_then(|_| tls.flush()).is_err() {
                            return;
                        }
                    }
                });
            }
        });
        let t = Target::parse(&format!("https://localhost:{port}")).unwrap();
        let mut roots = rustls::RootCertStore::empty();
        roots.add(cert_der).unwrap();
        let trusting = tls_config_with(roots);
        let key = Arc::new(());
        let headers = [("accept", "application/json")];
        let ex = Exchange { method: "POST", path: "/session/create", headers: &headers, body: Some(b"a=b") };
        for _ in 0..2 {
            let a = exchange(&key, &t, &trusting, Duration::from_secs(2), Duration::from_secs(5), &ex).unwrap();
            assert_eq!((a.status, a.body.as_str()), (200, "ok"));
        }
        assert_eq!(accepted.load(Ordering::SeqCst), 1, "the TLS connection is kept too");
        // the web PKI roots do not trust a self-signed certificate: a connect failure
        let other = Arc::new(());
        match exchange(&other, &t, &tls_config(), Duration::from_secs(2), Duration::from_secs(5), &ex) {
            Err(Failure::Connect(detail)) => assert!(detail.to_lowercase().contains("certificate"), "{detail}"),
            other => panic!("expected a certificate failure, got {:?}", other.map(|a| a.status)),
        }
    }
}
