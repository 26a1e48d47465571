//! Minting client tokens: JWT HS256 (project), JWT RS256 (application), legacy T1.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use super::{Expiry, TokenFormat, TokenOptions, DEFAULT_TOKEN_TTL};
use crate::clock::uuid_v4;
use crate::credentials::{Credentials, ProjectCredentials};
use crate::error::{Error, Result};
use crate::jwt::{sign_hs256, sign_rs256, Claims};
use crate::options::Dialect;
use crate::session_id::SessionId;

/// Mints a token for `session_id` at time `now` (unix seconds) with `nonce`.
///
/// T1 output is byte-identical to the official Python SDK 3.15 for the same inputs (to the
/// official Java SDK 4.17's layout with [`Dialect::Java`], see `java.rs`), and so are HS256 JWTs.
///
/// `dialect` picks how the session id is checked: [`Dialect::Python`] reads it as the official
/// Python SDK does ([`SessionId::check_belongs_python`]), the others by the core's stricter rule
/// ([`SessionId::check_belongs`]: it decodes and its api key field is the caller's).
pub(crate) fn mint(
    creds: &Credentials,
    session_id: &str,
    opts: &TokenOptions,
    now: i64,
    nonce: u32,
    dialect: Dialect,
) -> Result<String> {
    if dialect == Dialect::Node {
        return super::node::mint_node(creds, session_id, opts, now, nonce);
    }
    match dialect {
        Dialect::Python => SessionId::check_belongs_python(session_id, creds.id(), id_label(creds))?,
        _ => SessionId::check_belongs(session_id, creds.id(), id_label(creds))?,
    }
    opts.validate()?;
    let expire = opts.expire.unwrap_or(Expiry::In(DEFAULT_TOKEN_TTL)).resolve(now)?;
    let layout = opts.initial_layout_class_list.join(" ");
    let data = opts.data.as_deref().filter(|d| !d.is_empty());
    match (creds, opts.format) {
        (Credentials::Project(p), TokenFormat::Jwt) => {
            let mut c = Claims::new();
            common_claims(&mut c, session_id, opts, now, expire, &layout, data);
            c.str("iss", p.api_key()).str("ist", "project").int("nonce", nonce as i64);
            Ok(sign_hs256(&c.finish(), &p.secret().hs256))
        }
        (Credentials::Application(a), TokenFormat::Jwt) => {
            let mut c = Claims::new();
            common_claims(&mut c, session_id, opts, now, expire, &layout, data);
            c.str("application_id", a.application_id())
                .str("jti", &uuid_v4())
                .str("sub", "video")
                .str("subject", "video")
                .raw("acl", r#"{"paths":{"/session/**":{}}}"#);
            Ok(sign_rs256(&c.finish(), a.key()))
        }
        (Credentials::Project(p), TokenFormat::T1) if dialect == Dialect::Java => {
            Ok(super::java::java_t1(p, session_id, opts.role, now, expire, nonce, &layout, data))
        }
        (Credentials::Project(p), TokenFormat::T1) => {
            let mut signed = String::with_capacity(256 + data.map_or(0, |d| d.len() * 3));
            signed.push_str("session_id=");
            quote_plus(&mut signed, session_id);
            use std::fmt::Write;
            let _ = write!(signed, "&create_time={now}&expire_time={expire}&role={}&nonce={nonce}", opts.role.as_str());
            signed.push_str("&initial_layout_class_list=");
            quote_plus(&mut signed, &layout);
            if let Some(d) = data {
                signed.push_str("&connection_data=");
                quote_plus(&mut signed, d);
            }
            Ok(t1_token(p, &signed))
        }
        (Credentials::Application(_), TokenFormat::T1) => Err(t1_needs_project()),
    }
}

/// The claims every client JWT starts with, in the official Python SDK's order.
fn common_claims(c: &mut Claims, session_id: &str, opts: &TokenOptions, now: i64, expire: i64, layout: &str, data: Option<&str>) {
    c.str("session_id", session_id)
        .str("role", opts.role.as_str())
        .int("iat", now)
        .int("exp", expire)
        .str("scope", "session.connect");
    if !layout.is_empty() {
        c.str("initial_layout_class_list", layout);
    }
    if let Some(d) = data {
        c.str("connection_data", d);
    }
}

fn id_label(creds: &Credentials) -> &'static str {
    if creds.is_application() {
        "application id"
    } else {
        "api key"
    }
}

/// Appends `s` form-encoded as Python's `urllib.parse.quote_plus` does.
pub(crate) fn quote_plus(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    if s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'~')) {
        out.push_str(s);
        return;
    }
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
}

/// A T1 token from its signed field string: `T1==` + base64 of `partner_id=…&sig=<HMAC-SHA1
/// hex>:<signed>` (every dialect lays out `signed` its own way; the wrapping is the same).
pub(super) fn t1_token(p: &ProjectCredentials, signed: &str) -> String {
    let mut mac = p.secret().sha1.clone();
    hmac::Mac::update(&mut mac, signed.as_bytes());
    let sig = hmac::Mac::finalize(mac).into_bytes();
    let mut inner = String::with_capacity(signed.len() + 80);
    inner.push_str("partner_id=");
    inner.push_str(p.api_key());
    inner.push_str("&sig=");
    hex_lower(&mut inner, sig.as_ref());
    inner.push(':');
    inner.push_str(signed);
    let mut out = String::with_capacity(4 + inner.len() * 4 / 3 + 4);
    out.push_str("T1==");
    STANDARD.encode_string(inner.as_bytes(), &mut out);
    out
}

/// The error for a T1 token asked of application credentials.
pub(super) fn t1_needs_project() -> Error {
    Error::invalid("token_type", "T1 tokens need project credentials (api key + secret); application credentials mint JWTs", "T1")
}

fn hex_lower(out: &mut String, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut buf = [0u8; 64];
    for (i, &b) in bytes.iter().take(32).enumerate() {
        buf[2 * i] = HEX[(b >> 4) as usize];
        buf[2 * i + 1] = HEX[(b & 15) as usize];
    }
    out.push_str(std::str::from_utf8(&buf[..2 * bytes.len().min(32)]).expect("hex digits are ASCII"));
}
