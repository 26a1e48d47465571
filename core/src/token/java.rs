//! The legacy T1 token as the official Java SDK (`com.tokbox:opentok-server-sdk` 4.17,
//! `Session.generateToken`) lays it out, for [`Dialect::Java`](crate::Dialect::Java):
//!
//! * signed fields, in this order: `create_time`, `expire_time`, `session_id`, `nonce` (a signed
//!   32-bit integer, `Random.nextInt()`), `role`, `scope=session.connect`, then
//!   `initial_layout_class_list` (classes joined with spaces) and `connection_data` when set;
//! * values written as they are, except `connection_data`, which is `URLEncoder.encode`d (UTF-8);
//! * the base64 of `partner_id=…&sig=…:<signed>` with `+` and `/` written as `-` and `_`
//!   (padding kept).
//!
//! The official Python SDK's layout (the other dialects) differs: `session_id` first, every value
//! `quote_plus`-escaped, an unsigned nonce, no `scope`, and standard base64.

use super::mint::t1_token;
use crate::credentials::ProjectCredentials;
use crate::token::Role;

/// The Java SDK's T1 token for these values (`expire` already resolved, `layout` joined with spaces).
#[allow(clippy::too_many_arguments)]
pub(super) fn java_t1(
    p: &ProjectCredentials,
    session_id: &str,
    role: Role,
    now: i64,
    expire: i64,
    nonce: u32,
    layout: &str,
    data: Option<&str>,
) -> String {
    use std::fmt::Write;
    let mut signed = String::with_capacity(200 + session_id.len() + layout.len() + data.map_or(0, |d| d.len() * 3));
    // `nonce as i32`: the same 32 bits, printed as Java prints an int
    let _ = write!(
        signed,
        "create_time={now}&expire_time={expire}&session_id={session_id}&nonce={}&role={}&scope=session.connect",
        nonce as i32,
        role.as_str()
    );
    if !layout.is_empty() {
        signed.push_str("&initial_layout_class_list=");
        signed.push_str(layout);
    }
    if let Some(d) = data {
        signed.push_str("&connection_data=");
        url_encode(&mut signed, d);
    }
    t1_token(p, &signed).replace('+', "-").replace('/', "_")
}

/// Appends `s` as Java's `URLEncoder.encode(s, "UTF-8")` writes it: `A-Z a-z 0-9 . - * _` kept,
/// space as `+`, every other byte of the UTF-8 text as `%XX`.
fn url_encode(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'*' | b'_' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::Credentials;
    use base64::Engine;

    #[test]
    fn java_layout_and_encoding() {
        let creds = Credentials::project("123456", "1234567890abcdef1234567890abcdef1234567890").unwrap();
        let Credentials::Project(p) = &creds else { unreachable!() };
        let sid = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
        let token = java_t1(p, sid, Role::Moderator, 1000, 2000, u32::MAX, "focus main", Some("name=Jo é~*"));
        assert!(token.starts_with("T1=="));
        assert!(!token[4..].contains('+') && !token[4..].contains('/'));
        let b64 = token[4..].replace('-', "+").replace('_', "/");
        let inner = String::from_utf8(base64::engine::general_purpose::STANDARD.decode(b64).unwrap()).unwrap();
        let (head, signed) = inner.split_once(':').unwrap();
        assert!(head.starts_with("partner_id=123456&sig="));
        assert_eq!(
            signed,
            format!(
                "create_time=1000&expire_time=2000&session_id={sid}&nonce=-1&role=moderator&scope=session.connect\
                 &initial_layout_class_list=focus main&connection_data=name%3DJo+%C3%A9%7E*"
            )
        );
    }
}
