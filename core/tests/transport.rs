//! The client over real sockets: success, every error status, timeouts, closed ports, proxies,
//! retries and clock skew.

mod support;

use std::time::{Duration, Instant};

use opentok::{Client, ClientOptions, Credentials, ErrorKind, MediaMode, Proxy, RetryPolicy, SessionOptions};
use support::{json, serve};

const KEY: &str = "123456";
const SECRET: &str = "1234567890abcdef1234567890abcdef1234567890";
const CREATED: &str = r#"[{"session_id":"1_MX4xMjM0NTZ-fjE3Mzk1Mzg4OTQ5NTl-YWJjfn5-","project_id":"123456","partner_id":"123456","create_dt":"Fri Feb 14 05:14:54 PST 2025","media_server_url":""}]"#;

fn client(url: &str, f: impl FnOnce(&mut ClientOptions)) -> Client {
    let mut o = ClientOptions {
        base_url: Some(url.into()),
        retry: RetryPolicy { initial_backoff: Duration::from_millis(10), ..RetryPolicy::default() },
        ..Default::default()
    };
    f(&mut o);
    Client::new(Credentials::project(KEY, SECRET).unwrap(), o).unwrap()
}

#[tokio::test]
async fn creates_a_session_with_the_form_headers_and_auth_the_service_expects() {
    let s = serve(|_, _| json(200, CREATED)).await;
    let c = client(&s.url, |o| o.binding = Some("test/1".into()));
    let opts = SessionOptions { media_mode: Some(MediaMode::Routed), location: Some("12.34.56.78".into()), ..Default::default() };
    let session = c.create_session(&opts).await.unwrap();
    assert_eq!(session.session_id, "1_MX4xMjM0NTZ-fjE3Mzk1Mzg4OTQ5NTl-YWJjfn5-");
    assert_eq!(session.media_mode, MediaMode::Routed);
    assert_eq!(session.project_id.as_deref(), Some("123456"));
    let seen = s.seen.lock().unwrap()[0].clone();
    assert_eq!(seen.request_line, "POST /session/create HTTP/1.1");
    assert_eq!(seen.body, "p2p.preference=disabled&location=12.34.56.78");
    assert_eq!(seen.header("accept"), Some("application/json"));
    assert_eq!(seen.header("content-type"), Some("application/x-www-form-urlencoded"));
    assert!(seen.header("user-agent").unwrap().starts_with("opentok-native/0.1.0 test/1"));
    let jwt = opentok::jwt::Jwt::decode(seen.header("x-opentok-auth").unwrap()).unwrap();
    assert!(jwt.verify_hs256(SECRET.as_bytes()));
    assert_eq!(jwt.claims["iss"], KEY);
}

#[tokio::test]
async fn accepts_the_legacy_xml_answer() {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sessions><Session><session_id>1_MX4xMjM0NTZ-fjE3Mzk1Mzg4OTQ5NTl-YWJjfn5-</session_id><partner_id>123456</partner_id><create_dt>Mon Mar 17 00:41:31 PDT 2014</create_dt></Session></sessions>";
    let s = serve(move |_, _| Some((200, vec![("content-type".into(), "text/xml".into())], xml.into()))).await;
    let session = client(&s.url, |_| {}).create_session(&SessionOptions::default()).await.unwrap();
    assert_eq!(session.create_dt.as_deref(), Some("Mon Mar 17 00:41:31 PDT 2014"));
}

#[tokio::test]
async fn error_statuses_keep_kind_status_code_and_the_servers_message() {
    let cases = [
        (400, ErrorKind::Request),
        (403, ErrorKind::Authentication),
        (404, ErrorKind::NotFound),
        (409, ErrorKind::Conflict),
        (413, ErrorKind::PayloadTooLarge),
        (429, ErrorKind::RateLimited),
        (500, ErrorKind::Server),
    ];
    for (status, kind) in cases {
        let body = format!(r#"{{"code":{status},"message":"server says {status}"}}"#);
        let s = serve(move |_, _| json(status, &body)).await;
        let e = client(&s.url, |o| o.retry = RetryPolicy::none()).create_session(&SessionOptions::default()).await.unwrap_err();
        assert_eq!(e.kind(), kind, "{status}: {e}");
        assert_eq!(e.status(), Some(status));
        assert_eq!(e.code().as_deref(), Some(status.to_string().as_str()));
        assert_eq!(e.api_message(), Some(format!("server says {status}").as_str()));
        assert_eq!(e.request(), Some(("POST", "/session/create")));
        assert!(e.to_string().contains(&format!("HTTP {status}")) && e.to_string().contains("server says"), "{e}");
        assert!(!e.to_string().contains(SECRET));
        assert_eq!(e.is_retryable(), matches!(kind, ErrorKind::RateLimited | ErrorKind::Server));
    }
}

#[tokio::test]
async fn a_server_that_never_answers_times_out_near_the_setting() {
    let s = serve(|_, _| None).await;
    let c = client(&s.url, |o| {
        o.request_timeout = Duration::from_millis(400);
        o.retry = RetryPolicy::none();
    });
    let started = Instant::now();
    let e = c.create_session(&SessionOptions::default()).await.unwrap_err();
    let took = started.elapsed();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert!(took >= Duration::from_millis(390) && took < Duration::from_secs(5), "{took:?}");
    assert!(e.to_string().contains("timed out"), "{e}");
}

#[tokio::test]
async fn create_session_is_not_resent_after_a_timeout() {
    let s = serve(|_, _| None).await;
    let c = client(&s.url, |o| o.request_timeout = Duration::from_millis(200));
    let _ = c.create_session(&SessionOptions::default()).await.unwrap_err();
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(s.seen.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn a_closed_port_is_a_connect_error() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let e = client(&format!("http://127.0.0.1:{port}"), |_| {}).create_session(&SessionOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Connect, "{e}");
    assert!(e.to_string().contains(&format!("127.0.0.1:{port}")), "{e}");
    assert!(e.is_retryable());
}

#[tokio::test]
async fn retries_503_and_429_even_for_create_but_not_500() {
    let s = serve(|n, _| if n == 0 { json(503, r#"{"message":"busy"}"#) } else { json(200, CREATED) }).await;
    client(&s.url, |_| {}).create_session(&SessionOptions::default()).await.unwrap();
    assert_eq!(s.seen.lock().unwrap().len(), 2);
    // each attempt carries a fresh JWT
    let seen = s.seen.lock().unwrap().clone();
    assert_ne!(seen[0].header("x-opentok-auth"), seen[1].header("x-opentok-auth"));

    let s = serve(
        |n, _| if n == 0 { Some((429, vec![("retry-after".into(), "0".into())], "{}".into())) } else { json(200, CREATED) },
    )
    .await;
    client(&s.url, |_| {}).create_session(&SessionOptions::default()).await.unwrap();
    assert_eq!(s.seen.lock().unwrap().len(), 2);

    let s = serve(|_, _| json(500, r#"{"message":"boom"}"#)).await;
    let e = client(&s.url, |_| {}).create_session(&SessionOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Server);
    assert_eq!(s.seen.lock().unwrap().len(), 1, "a POST that reached the server is not re-sent on 500");

    let s = serve(|_, _| json(503, r#"{"message":"busy"}"#)).await;
    let e = client(&s.url, |o| o.retry.max_retries = 3).create_session(&SessionOptions::default()).await.unwrap_err();
    assert_eq!(e.status(), Some(503));
    assert_eq!(s.seen.lock().unwrap().len(), 4, "bounded: 1 + max_retries");
}

#[tokio::test]
async fn a_long_retry_after_is_not_waited_for() {
    let s = serve(|_, _| Some((429, vec![("retry-after".into(), "3600".into())], r#"{"message":"slow down"}"#.into()))).await;
    let e = client(&s.url, |_| {}).create_session(&SessionOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(s.seen.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn auth_failure_with_a_distant_server_clock_is_clock_skew() {
    let date = httpdate::fmt_http_date(std::time::SystemTime::now() - Duration::from_secs(3600));
    let s =
        serve(move |_, _| Some((403, vec![("date".into(), date.clone())], r#"{"code":-1,"message":"Invalid token"}"#.into())))
            .await;
    let e = client(&s.url, |_| {}).create_session(&SessionOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ClockSkew, "{e}");
    assert_eq!(e.status(), Some(403));
    let opentok::Error::ClockSkew { offset_secs, .. } = e else { unreachable!() };
    assert!((3590..3610).contains(&offset_secs), "{offset_secs}");

    let s = serve(|_, _| json(403, r#"{"code":-1,"message":"Issued at time (iat) is in the future"}"#)).await;
    let e = client(&s.url, |_| {}).create_session(&SessionOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ClockSkew, "{e}");
    assert!(e.to_string().contains("Issued at time"));

    let s = serve(|_, _| json(403, r#"{"code":-1,"message":"Invalid signature"}"#)).await;
    let e = client(&s.url, |_| {}).create_session(&SessionOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
}

#[tokio::test]
async fn requests_go_through_an_http_proxy_with_credentials() {
    // The socket server plays the proxy: it receives the absolute-form request line.
    let proxy = serve(|_, _| json(200, CREATED)).await;
    let c = client("http://api.invalid:9999", |o| {
        o.proxy = Some(Proxy::new(proxy.url.clone()).with_credentials("user", "pa55"));
    });
    c.create_session(&SessionOptions::default()).await.unwrap();
    let seen = proxy.seen.lock().unwrap()[0].clone();
    assert_eq!(seen.request_line, "POST http://api.invalid:9999/session/create HTTP/1.1");
    assert_eq!(seen.header("proxy-authorization"), Some("Basic dXNlcjpwYTU1"));
    assert!(!format!("{:?}", c.options()).contains("pa55"));
}

#[tokio::test]
async fn an_invalid_answer_is_invalid_response() {
    let s = serve(|_, _| json(200, r#"[]"#)).await;
    let e = client(&s.url, |_| {}).create_session(&SessionOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidResponse, "{e}");
    assert_eq!(e.status(), Some(200));
}

#[tokio::test]
async fn rule_violations_send_nothing() {
    let s = serve(|_, _| json(200, CREATED)).await;
    let e = client(&s.url, |_| {}).create_session(&SessionOptions { e2ee: Some(true), ..Default::default() }).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert_eq!(s.seen.lock().unwrap().len(), 0);
}

#[test]
fn a_bad_proxy_url_fails_at_construction() {
    let o = ClientOptions { proxy: Some(Proxy::new("ftp://x")), ..Default::default() };
    let e = Client::new(Credentials::project(KEY, SECRET).unwrap(), o).unwrap_err();
    assert_eq!(e.field(), Some("proxy"));
}

#[tokio::test]
async fn application_credentials_send_a_fresh_rs256_bearer() {
    let pem = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/keys/app_private.pem")).unwrap();
    let public = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/keys/app_public.pem")).unwrap();
    let app = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f";
    let s = serve(|_, _| json(200, CREATED)).await;
    let creds = Credentials::application(app, &pem).unwrap();
    assert_eq!(Client::new(creds.clone(), ClientOptions::default()).unwrap().base_url(), "https://video.api.vonage.com");
    let c = Client::new(creds, ClientOptions { base_url: Some(s.url.clone()), ..Default::default() }).unwrap();
    c.create_session(&SessionOptions::default()).await.unwrap();
    let seen = s.seen.lock().unwrap()[0].clone();
    assert!(seen.header("x-opentok-auth").is_none());
    let bearer = seen.header("authorization").unwrap().strip_prefix("Bearer ").unwrap();
    let jwt = opentok::jwt::Jwt::decode(bearer).unwrap();
    assert!(jwt.verify_rs256(&opentok::jwt::RsaPublicKey::from_pem(&public).unwrap()));
    assert_eq!(jwt.claims["application_id"], app);
    assert!(jwt.claims.contains_key("jti") && jwt.int_claim("exp").unwrap() > jwt.int_claim("iat").unwrap());
}

/// Blocking calls on the calling thread (`Client::block_on_here`, the bindings' blocking twins):
/// the same answers and errors as the async calls, one kept-alive connection per thread (the
/// thread's own, driven by its own runtime), timeouts on the thread's clock.
#[test]
fn block_on_here_answers_on_the_calling_thread_with_its_own_kept_alive_connection() {
    let server_rt = tokio::runtime::Runtime::new().unwrap();
    let s =
        server_rt.block_on(serve(|n, _| if n == 3 { json(404, r#"{"code":404,"message":"nope"}"#) } else { json(200, CREATED) }));
    let c = client(&s.url, |o| o.retry = RetryPolicy::none());
    for _ in 0..3 {
        let session = Client::block_on_here(c.create_session(&SessionOptions::default())).unwrap();
        assert_eq!(session.project_id.as_deref(), Some("123456"));
    }
    assert_eq!(s.accepted.load(std::sync::atomic::Ordering::SeqCst), 1, "one connection for the thread's three calls");
    let e = Client::block_on_here(c.create_session(&SessionOptions::default())).unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::NotFound, Some(404)));
    let c2 = c.clone();
    std::thread::spawn(move || Client::block_on_here(c2.create_session(&SessionOptions::default())).unwrap()).join().unwrap();
    assert_eq!(s.accepted.load(std::sync::atomic::Ordering::SeqCst), 2, "another thread, its own connection");
    // async calls keep using the client's shared pool meanwhile
    server_rt.block_on(c.create_session(&SessionOptions::default())).unwrap();
    assert_eq!(s.seen.lock().unwrap().len(), 6);

    let silent = server_rt.block_on(serve(|_, _| None));
    let slow = client(&silent.url, |o| {
        o.request_timeout = Duration::from_millis(300);
        o.retry = RetryPolicy::none();
    });
    let started = Instant::now();
    let e = Client::block_on_here(slow.create_session(&SessionOptions::default())).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
}

/// Blocking calls on their own thread send through the core's direct HTTP/1.1 path (http1.rs)
/// rather than reqwest: the same request head, the same retries, the same typed errors.
#[test]
fn blocking_calls_send_what_async_calls_send_and_fail_alike() {
    let server_rt = tokio::runtime::Runtime::new().unwrap();
    let s = server_rt.block_on(serve(|_, _| json(200, CREATED)));
    let c = client(&s.url, |o| o.binding = Some("test/1".into()));
    let opts = SessionOptions { media_mode: Some(MediaMode::Routed), ..Default::default() };
    Client::block_on_here(c.create_session(&opts)).unwrap();
    server_rt.block_on(c.create_session(&opts)).unwrap();
    {
        let seen = s.seen.lock().unwrap();
        let (direct, pooled) = (&seen[0], &seen[1]);
        assert_eq!(direct.request_line, pooled.request_line);
        assert_eq!(direct.body, pooled.body);
        let names = |x: &support::Seen| {
            let mut v: Vec<String> = x.headers.iter().map(|(k, _)| k.to_ascii_lowercase()).collect();
            v.sort();
            v
        };
        assert_eq!(names(direct), names(pooled), "the same header names");
        for h in ["user-agent", "accept", "content-type", "content-length", "host"] {
            assert_eq!(direct.header(h), pooled.header(h), "{h}");
        }
    }

    let s = server_rt.block_on(serve(|n, _| match n {
        0 => json(503, r#"{"message":"busy"}"#),
        1 => Some((429, vec![("retry-after".into(), "0".into())], "{}".into())),
        _ => json(200, CREATED),
    }));
    Client::block_on_here(client(&s.url, |_| {}).create_session(&SessionOptions::default())).unwrap();
    assert_eq!(s.seen.lock().unwrap().len(), 3, "503 and 429 retried");

    let s = server_rt.block_on(serve(|_, _| json(500, r#"{"message":"boom"}"#)));
    let e = Client::block_on_here(client(&s.url, |_| {}).create_session(&SessionOptions::default())).unwrap_err();
    assert_eq!((e.kind(), s.seen.lock().unwrap().len()), (ErrorKind::Server, 1), "a POST is not re-sent on 500");

    let date = httpdate::fmt_http_date(std::time::SystemTime::now() - Duration::from_secs(3600));
    let s = server_rt.block_on(serve(move |_, _| {
        Some((403, vec![("date".into(), date.clone())], r#"{"code":-1,"message":"Invalid token"}"#.into()))
    }));
    let e = Client::block_on_here(client(&s.url, |_| {}).create_session(&SessionOptions::default())).unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::ClockSkew, Some(403)), "{e}");

    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let e = Client::block_on_here(client(&format!("http://127.0.0.1:{port}"), |_| {}).create_session(&SessionOptions::default()))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Connect, "{e}");
    assert!(e.to_string().contains(&format!("127.0.0.1:{port}")), "{e}");
}
