//! Client tokens as the official Node SDK (`opentok` 2.23.2 on npm) mints them, for
//! [`Dialect::Node`](crate::Dialect::Node):
//!
//! * HS256 JWT (`lib/generateJwt.js` with the token data): `iss`, `ist`, `iat`, `exp`, then the
//!   T1 field set `session_id`, `create_time`, `nonce` (a float in [0, 1), `Math.random()`),
//!   `role`, `expire_time`, [`connection_data`], `initial_layout_class_list` (`""` by default),
//!   `scope`; `exp` = `expire_time`.
//! * T1 (`opentok-token`): the same fields in that order, `querystring.stringify`-escaped
//!   (space as `%20`).
//! * RS256 JWT with an application key (`@vonage/jwt` `tokenGenerate`): `scope`, `session_id`,
//!   `role`, `initial_layout_class_list`, `exp`, `sub`, `acl`, [`connection_data`], `jti`,
//!   `iat`, `application_id`.
//!
//! Rules: the session id's api key field must be the caller's api key (application keys: not
//! checked, as in the official); expiry, data and layout limits are the service's, which the
//! other dialects check too (not in the past, at most 30 days; 1000 characters), where the
//! official Node SDK lets 30+ day expiries and 1001..=1024 characters through to be refused at
//! connect time.

use super::mint::{t1_needs_project, t1_token};
use super::{Expiry, TokenFormat, TokenOptions, DEFAULT_TOKEN_TTL};
use crate::clock::uuid_v4;
use crate::credentials::Credentials;
use crate::error::Result;
use crate::jwt::{sign_hs256, sign_rs256, Claims};
use crate::session_id::SessionId;

/// The `Math.random()`-style nonce the Node SDK writes: `nonce / 2^32`, a float in [0, 1),
/// printed as JavaScript prints numbers.
pub(crate) fn node_nonce(nonce: u32) -> String {
    js_number(nonce as f64 / 4_294_967_296.0)
}

/// `Number.prototype.toString()` for finite numbers in [0, 1): shortest round-trip digits,
/// decimal from 1e-6 up, exponent form below (`1e-7`, `2.3283064365386963e-10`).
fn js_number(v: f64) -> String {
    if v == 0.0 {
        "0".to_string()
    } else if v.abs() < 1e-6 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// Appends `s` escaped as Node's `querystring.escape` does (unreserved: `A-Z a-z 0-9 - _ . ! ~ * ' ( )`).
fn qs_escape(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

fn check(opts: &TokenOptions, now: i64) -> Result<i64> {
    opts.validate()?;
    opts.expire.unwrap_or(Expiry::In(DEFAULT_TOKEN_TTL)).resolve(now)
}

/// Mints a token for `session_id` at `now` (unix seconds) with `nonce`, as the Node SDK does.
pub(crate) fn mint_node(creds: &Credentials, session_id: &str, opts: &TokenOptions, now: i64, nonce: u32) -> Result<String> {
    if !creds.is_application() {
        SessionId::check_belongs(session_id, creds.id(), "api key")?;
    }
    let expire = check(opts, now)?;
    let layout = opts.initial_layout_class_list.join(" ");
    let data = opts.data.as_deref().filter(|d| !d.is_empty());
    let nonce = node_nonce(nonce);
    match (creds, opts.format) {
        (Credentials::Project(p), TokenFormat::Jwt) => {
            let mut c = Claims::new();
            c.str("iss", p.api_key())
                .str("ist", "project")
                .int("iat", now)
                .int("exp", expire)
                .str("session_id", session_id)
                .int("create_time", now)
                .raw("nonce", &nonce)
                .str("role", opts.role.as_str())
                .int("expire_time", expire);
            if let Some(d) = data {
                c.str("connection_data", d);
            }
            c.str("initial_layout_class_list", &layout).str("scope", "session.connect");
            Ok(sign_hs256(&c.finish(), &p.secret().hs256))
        }
        (Credentials::Application(a), TokenFormat::Jwt) => {
            let mut c = Claims::new();
            c.str("scope", "session.connect")
                .str("session_id", session_id)
                .str("role", opts.role.as_str())
                .str("initial_layout_class_list", &layout)
                .int("exp", expire)
                .str("sub", "video")
                .raw("acl", r#"{"paths":{"/session/**":{}}}"#);
            if let Some(d) = data {
                c.str("connection_data", d);
            }
            c.str("jti", &uuid_v4()).int("iat", now).str("application_id", a.application_id());
            Ok(sign_rs256(&c.finish(), a.key()))
        }
        (Credentials::Project(p), TokenFormat::T1) => {
            use std::fmt::Write;
            let mut signed = String::with_capacity(256 + data.map_or(0, |d| d.len() * 3));
            signed.push_str("session_id=");
            qs_escape(&mut signed, session_id);
            let _ = write!(signed, "&create_time={now}&nonce={nonce}&role={}&expire_time={expire}", opts.role.as_str());
            if let Some(d) = data {
                signed.push_str("&connection_data=");
                qs_escape(&mut signed, d);
            }
            signed.push_str("&initial_layout_class_list=");
            qs_escape(&mut signed, &layout);
            signed.push_str("&scope=session.connect");
            Ok(t1_token(p, &signed))
        }
        (Credentials::Application(_), TokenFormat::T1) => Err(t1_needs_project()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_javascript_prints_them() {
        assert_eq!(node_nonce(0), "0");
        assert_eq!(node_nonce(1 << 31), "0.5");
        assert_eq!(node_nonce(1), "2.3283064365386963e-10");
        assert_eq!(js_number(0.000001), "0.000001");
        assert_eq!(js_number(1e-7), "1e-7");
    }

    #[test]
    fn querystring_escaping() {
        let mut s = String::new();
        qs_escape(&mut s, "name=Johnny & co (x)*'!~");
        assert_eq!(s, "name%3DJohnny%20%26%20co%20(x)*'!~");
    }
}
