//! Token generation and session id parsing, beside the bare cost of their signatures.
//!
//! `cargo bench -p opentok --bench tokens`. Besides criterion's report, prints each token's
//! cost as a ratio of its floor: the HMAC over the same bytes plus the base64 encoding.

use std::hint::black_box;
use std::time::Instant;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use criterion::{criterion_group, Criterion};
use opentok::{generate_token_at, Credentials, SessionId, TokenFormat, TokenOptions};

const SECRET: &str = "1234567890abcdef1234567890abcdef1234567890";
const SID: &str = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
const NOW: i64 = 1_795_823_052;

fn creds() -> Credentials {
    Credentials::project("123456", SECRET).unwrap()
}

fn opts(format: TokenFormat) -> TokenOptions {
    TokenOptions { format, data: Some("name=Johnny".into()), ..Default::default() }
}

/// The floor of a JWT: HMAC-SHA256 over header.claims plus base64url of claims and tag.
fn jwt_floor(claims: &[u8], key: &ring::hmac::Key) -> String {
    let mut s = String::from("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.");
    URL_SAFE_NO_PAD.encode_string(claims, &mut s);
    let tag = ring::hmac::sign(key, s.as_bytes());
    s.push('.');
    URL_SAFE_NO_PAD.encode_string(tag.as_ref(), &mut s);
    s
}

type HmacSha1 = hmac::Hmac<sha1::Sha1>;
const HEX: &[u8; 16] = b"0123456789abcdef";

/// The floor of a T1 token: the hex HMAC-SHA1 signature (the same implementation the core uses,
/// keyed once) over the data, plus base64 of the whole.
fn t1_floor(data: &[u8], key: &HmacSha1) -> String {
    use hmac::Mac;
    let mut mac = key.clone();
    mac.update(data);
    let tag = mac.finalize().into_bytes();
    let mut inner = Vec::with_capacity(data.len() + 80);
    inner.extend_from_slice(b"partner_id=123456&sig=");
    for b in tag.iter() {
        inner.extend_from_slice(&[HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
    }
    inner.push(b':');
    inner.extend_from_slice(data);
    STANDARD.encode(inner)
}

fn samples() -> (Vec<u8>, Vec<u8>) {
    let jwt = generate_token_at(&creds(), SID, &opts(TokenFormat::Jwt), NOW, 424242).unwrap();
    let claims = URL_SAFE_NO_PAD.decode(jwt.split('.').nth(1).unwrap()).unwrap();
    let t1 = generate_token_at(&creds(), SID, &opts(TokenFormat::T1), NOW, 424242).unwrap();
    let inner = STANDARD.decode(&t1[4..]).unwrap();
    let data = inner[inner.iter().position(|b| *b == b':').unwrap() + 1..].to_vec();
    (claims, data)
}

fn bench(c: &mut Criterion) {
    let creds = creds();
    let (claims, data) = samples();
    let k256 = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, SECRET.as_bytes());
    let k1 = <HmacSha1 as hmac::Mac>::new_from_slice(SECRET.as_bytes()).unwrap();
    let jwt_o = opts(TokenFormat::Jwt);
    let t1_o = opts(TokenFormat::T1);
    c.bench_function("token/jwt", |b| b.iter(|| generate_token_at(&creds, black_box(SID), &jwt_o, NOW, 1).unwrap()));
    c.bench_function("floor/hmac_sha256+base64url", |b| b.iter(|| jwt_floor(black_box(&claims), &k256)));
    c.bench_function("token/t1", |b| b.iter(|| generate_token_at(&creds, black_box(SID), &t1_o, NOW, 1).unwrap()));
    c.bench_function("floor/hmac_sha1+base64", |b| b.iter(|| t1_floor(black_box(&data), &k1)));
    c.bench_function("session_id/parse", |b| b.iter(|| SessionId::parse(black_box(SID)).unwrap()));
}

fn per_call(mut f: impl FnMut()) -> f64 {
    for _ in 0..20_000 {
        f();
    }
    let mut best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..100_000 {
            f();
        }
        best = best.min(start.elapsed().as_nanos() as f64 / 100_000.0);
    }
    best
}

fn ratios() {
    let creds = creds();
    let (claims, data) = samples();
    let k256 = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, SECRET.as_bytes());
    let k1 = <HmacSha1 as hmac::Mac>::new_from_slice(SECRET.as_bytes()).unwrap();
    let (jo, to) = (opts(TokenFormat::Jwt), opts(TokenFormat::T1));
    let jwt = per_call(|| drop(black_box(generate_token_at(&creds, black_box(SID), &jo, NOW, 1))));
    let jwt_floor_ns = per_call(|| drop(black_box(jwt_floor(black_box(&claims), &k256))));
    let t1 = per_call(|| drop(black_box(generate_token_at(&creds, black_box(SID), &to, NOW, 1))));
    let t1_floor_ns = per_call(|| drop(black_box(t1_floor(black_box(&data), &k1))));
    let parse = per_call(|| drop(black_box(SessionId::parse(black_box(SID)))));
    println!("\n== ratios (best of 5 x 100k calls, same run) ==");
    println!(
        "JWT token   {jwt:8.0} ns  floor {jwt_floor_ns:8.0} ns  ratio {:.2}x  ({:.0} tokens/s)",
        jwt / jwt_floor_ns,
        1e9 / jwt
    );
    println!("T1 token    {t1:8.0} ns  floor {t1_floor_ns:8.0} ns  ratio {:.2}x  ({:.0} tokens/s)", t1 / t1_floor_ns, 1e9 / t1);
    println!("session id  {parse:8.0} ns");
}

criterion_group!(benches, bench);

fn main() {
    benches();
    ratios();
    Criterion::default().configure_from_args().final_summary();
}
