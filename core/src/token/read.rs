//! Reading tokens back: decode (no key), verify (secret or public key), explain (a verdict).

use serde_json::{Map, Value};

use super::TokenFormat;
use crate::clock::{Clock, SystemClock};
use crate::error::{Error, Result, TokenRejection};
use crate::jwt::{b64url_decode, value_as_i64, Jwt, RsaPublicKey};

/// How far in the future a token's issue time may be before it is refused.
const ISSUED_LEEWAY_SECS: i64 = 300;

/// A key that verifies tokens.
#[derive(Clone, PartialEq, Eq)]
pub enum VerifyKey {
    /// The project's API secret (T1 and HS256 tokens).
    Secret(String),
    /// An application's public key in PEM (RS256 tokens).
    RsaPublicKeyPem(String),
    /// An application's public key, already parsed (RS256 tokens).
    RsaPublicKey(RsaPublicKey),
}

impl VerifyKey {
    /// The key a binding was given as text: an RSA public key when it is PEM (`-----BEGIN`),
    /// otherwise an API secret.
    pub fn from_text(key: impl Into<String>) -> VerifyKey {
        let key = key.into();
        if key.contains("-----BEGIN") {
            VerifyKey::RsaPublicKeyPem(key)
        } else {
            VerifyKey::Secret(key)
        }
    }
}

impl std::fmt::Debug for VerifyKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyKey::Secret(_) => f.write_str("VerifyKey::Secret(<redacted>)"),
            VerifyKey::RsaPublicKeyPem(_) => f.write_str("VerifyKey::RsaPublicKeyPem(..)"),
            VerifyKey::RsaPublicKey(k) => write!(f, "VerifyKey::RsaPublicKey({k:?})"),
        }
    }
}

/// What a token says, read without checking its signature. Serializes with camelCase keys (the
/// shape the Node binding hands out).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecodedToken {
    /// JWT or T1.
    pub format: TokenFormat,
    /// The JWT `alg` (`HS256`, `RS256`); `HMAC-SHA1` for T1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<String>,
    /// The api key (`partner_id`, `iss`) or application id (`application_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The session the token admits to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// The role it grants.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Issue time (`iat` / `create_time`), unix seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_at: Option<i64>,
    /// Expiry (`exp` / `expire_time`), unix seconds; `None` when the token never expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<i64>,
    /// Connection data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connection_data: Option<String>,
    /// Initial layout class list, space-joined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_layout_class_list: Option<String>,
    /// The nonce, as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    /// Every field: JWT claims as JSON, T1 fields as strings (plus `partner_id` and `sig`).
    pub claims: Map<String, Value>,
}

/// A human verdict on a token.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// The decoded token, when it decodes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoded: Option<DecodedToken>,
    /// Whether it verified (when a key was given) and is within its validity window.
    pub valid: bool,
    /// Why it is not valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejection: Option<TokenRejection>,
    /// One line: `"valid publisher token for session 1_MX4…, expires in 23 h"`, `"expired 3 h ago"`.
    pub verdict: String,
}

/// Decodes a T1 or JWT token without a key.
pub fn decode_token(token: &str) -> Result<DecodedToken> {
    Ok(parse(token)?.decoded)
}

/// Verifies a token's signature (constant time) and its validity window against the system clock.
pub fn verify_token(token: &str, key: &VerifyKey) -> Result<DecodedToken> {
    verify_token_at(token, key, SystemClock.unix_now())
}

/// [`verify_token`] at a given time (unix seconds).
pub fn verify_token_at(token: &str, key: &VerifyKey, now: i64) -> Result<DecodedToken> {
    let parsed = parse(token)?;
    check_signature(&parsed, key)?;
    check_window(&parsed.decoded, now)?;
    Ok(parsed.decoded)
}

/// Explains a token: what it holds and, with a key, whether it verifies.
pub fn explain_token(token: &str, key: Option<&VerifyKey>) -> Explanation {
    explain_token_at(token, key, SystemClock.unix_now())
}

/// [`explain_token`] at a given time (unix seconds).
pub fn explain_token_at(token: &str, key: Option<&VerifyKey>, now: i64) -> Explanation {
    let parsed = match parse(token) {
        Ok(p) => p,
        Err(e) => return Explanation { decoded: None, valid: false, rejection: e.token_rejection(), verdict: e.to_string() },
    };
    let checked = match key {
        Some(k) => check_signature(&parsed, k).and_then(|_| check_window(&parsed.decoded, now)),
        None => check_window(&parsed.decoded, now),
    };
    let d = parsed.decoded;
    let what = format!(
        "{} {} token for session {}",
        d.format.as_str(),
        d.role.as_deref().unwrap_or("(no role)"),
        d.session_id.as_deref().unwrap_or("(none)")
    );
    let (valid, rejection, verdict) = match checked {
        Ok(()) => {
            let life = match d.expires_at {
                Some(exp) => format!("expires in {}", human(exp - now)),
                None => "never expires".into(),
            };
            let signed = if key.is_some() { "valid" } else { "well-formed (signature not checked)" };
            (true, None, format!("{signed}: {what}, {life}"))
        }
        Err(e) => {
            let r = e.token_rejection();
            let why = match (r, d.expires_at, d.issued_at) {
                (Some(TokenRejection::Expired), Some(exp), _) => format!("expired {} ago", human(now - exp)),
                (Some(TokenRejection::NotYetValid), _, Some(iat)) => format!("issued {} in the future", human(iat - now)),
                _ => e.to_string(),
            };
            (false, r, format!("{why}: {what}"))
        }
    };
    Explanation { decoded: Some(d), valid, rejection, verdict }
}

/// Whole durations as people say them: `45 s`, `12 min`, `3 h`, `2 days`.
pub(crate) fn human(secs: i64) -> String {
    let s = secs.max(0);
    match s {
        0..=119 => format!("{s} s"),
        120..=7199 => format!("{} min", s / 60),
        7200..=172_799 => format!("{} h", s / 3600),
        _ => format!("{} days", s / 86_400),
    }
}

enum Signed {
    T1 { sig_hex: String, data: Vec<u8> },
    Jwt(Box<Jwt>),
}

struct Parsed {
    decoded: DecodedToken,
    signed: Signed,
}

fn malformed(why: impl Into<String>) -> Error {
    Error::token(TokenRejection::Malformed, why)
}

fn parse(token: &str) -> Result<Parsed> {
    let token = token.trim();
    if let Some(body) = token.strip_prefix("T1==") {
        parse_t1(body)
    } else if token.starts_with("eyJ") {
        parse_jwt(token)
    } else {
        Err(malformed("not a token: expected a JWT (eyJ...) or a T1 token (T1==...)"))
    }
}

fn parse_t1(body: &str) -> Result<Parsed> {
    let bytes = b64url_decode(body).ok_or_else(|| malformed("T1 token body is not base64"))?;
    let text = String::from_utf8(bytes).map_err(|_| malformed("T1 token body is not UTF-8 text"))?;
    let (head, data) = text.split_once(':').ok_or_else(|| malformed("T1 token has no ':' between signature and data"))?;
    let mut claims = Map::new();
    for (k, v) in form_pairs(head).into_iter().chain(form_pairs(data)) {
        claims.insert(k, Value::String(v));
    }
    let sig_hex = match claims.get("sig") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err(malformed("T1 token has no sig field")),
    };
    let s = |k: &str| claims.get(k).and_then(Value::as_str).map(str::to_string);
    let n = |k: &str| claims.get(k).and_then(value_as_i64);
    let decoded = DecodedToken {
        format: TokenFormat::T1,
        algorithm: Some("HMAC-SHA1".into()),
        project_id: s("partner_id"),
        session_id: s("session_id"),
        role: s("role"),
        issued_at: n("create_time"),
        expires_at: n("expire_time"),
        connection_data: s("connection_data"),
        initial_layout_class_list: s("initial_layout_class_list"),
        nonce: s("nonce"),
        claims,
    };
    Ok(Parsed { decoded, signed: Signed::T1 { sig_hex, data: data.as_bytes().to_vec() } })
}

fn parse_jwt(token: &str) -> Result<Parsed> {
    let jwt = Jwt::decode(token)?;
    let c = &jwt.claims;
    let s = |k: &str| c.get(k).and_then(Value::as_str).map(str::to_string);
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Array(a) => {
            a.iter().map(|x| x.as_str().map(str::to_string).unwrap_or_else(|| x.to_string())).collect::<Vec<_>>().join(" ")
        }
        other => other.to_string(),
    };
    let decoded = DecodedToken {
        format: TokenFormat::Jwt,
        algorithm: jwt.alg().map(str::to_string),
        project_id: s("application_id").or_else(|| s("iss")),
        session_id: s("session_id"),
        role: s("role"),
        issued_at: jwt.int_claim("iat"),
        expires_at: jwt.int_claim("exp").or_else(|| jwt.int_claim("expire_time")),
        connection_data: s("connection_data"),
        initial_layout_class_list: c.get("initial_layout_class_list").map(text),
        nonce: c.get("nonce").map(text),
        claims: c.clone(),
    };
    Ok(Parsed { decoded, signed: Signed::Jwt(Box::new(jwt)) })
}

fn check_signature(p: &Parsed, key: &VerifyKey) -> Result<()> {
    let bad = || Error::token(TokenRejection::BadSignature, "the signature does not match the key");
    match (&p.signed, key) {
        (Signed::T1 { sig_hex, data }, VerifyKey::Secret(secret)) => {
            let sig = decode_hex(sig_hex).ok_or_else(bad)?;
            let k = ring::hmac::Key::new(ring::hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, secret.as_bytes());
            ring::hmac::verify(&k, data, &sig).map_err(|_| bad())
        }
        (Signed::T1 { .. }, _) => {
            Err(Error::token(TokenRejection::BadAlgorithm, "a T1 token is signed with a project's API secret, not a public key"))
        }
        (Signed::Jwt(jwt), key) => {
            let ok = match (jwt.alg(), key) {
                (Some("HS256"), VerifyKey::Secret(secret)) => jwt.verify_hs256(secret.as_bytes()),
                (Some("RS256"), VerifyKey::RsaPublicKey(k)) => jwt.verify_rs256(k),
                (Some("RS256"), VerifyKey::RsaPublicKeyPem(pem)) => jwt.verify_rs256(&RsaPublicKey::from_pem(pem)?),
                (alg, _) => {
                    return Err(Error::token(
                        TokenRejection::BadAlgorithm,
                        format!(
                            "alg {:?} cannot be verified with this key (HS256 needs the API secret, RS256 a public key)",
                            alg.unwrap_or("(none)")
                        ),
                    ))
                }
            };
            if ok {
                Ok(())
            } else {
                Err(bad())
            }
        }
    }
}

fn check_window(d: &DecodedToken, now: i64) -> Result<()> {
    if let Some(exp) = d.expires_at {
        if exp < now {
            return Err(Error::token(TokenRejection::Expired, format!("expired at {exp}, {} ago", human(now - exp))));
        }
    }
    if let Some(iat) = d.issued_at {
        if iat > now + ISSUED_LEEWAY_SECS {
            return Err(Error::token(
                TokenRejection::NotYetValid,
                format!("issued at {iat}, {} in the future (check the clock of the machine that minted it)", human(iat - now)),
            ));
        }
    }
    Ok(())
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

/// Splits `a=b&c=d`, decoding `+` and `%XX` (invalid escapes are kept as written).
pub(crate) fn form_pairs(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (form_decode(k), form_decode(v))
        })
        .collect()
}

/// Decodes one form-encoded component.
pub(crate) fn form_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hexval(b[i + 1]), hexval(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hexval(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}
