//! Compact JWS (JWT) encoding, decoding and verification for HS256 and RS256.
//!
//! Encoding writes claims with a crate-private `Claims`, a small writer that produces the same bytes as the
//! official Python SDK (compact separators, non-ASCII escaped as `\uXXXX`), so tokens are
//! reproducible and no intermediate JSON tree is built.

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use ring::signature::{RsaKeyPair, UnparsedPublicKey, RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_SHA256};
use serde_json::{Map, Value};

use crate::error::{Error, Result, TokenRejection};
use crate::pem;

/// `{"alg":"HS256","typ":"JWT"}`, base64url-encoded.
pub(crate) const HS256_HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
/// `{"alg":"RS256","typ":"JWT"}`, base64url-encoded.
pub(crate) const RS256_HEADER: &str = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9";

/// A JSON object writer for JWT claims, in insertion order, Python-compatible escaping.
pub(crate) struct Claims {
    buf: String,
}

impl Claims {
    pub(crate) fn new() -> Claims {
        let mut buf = String::with_capacity(256);
        buf.push('{');
        Claims { buf }
    }

    fn key(&mut self, k: &str) {
        if self.buf.len() > 1 {
            self.buf.push(',');
        }
        self.buf.push('"');
        self.buf.push_str(k);
        self.buf.push_str("\":");
    }

    /// Adds a string claim.
    pub(crate) fn str(&mut self, k: &str, v: &str) -> &mut Self {
        self.key(k);
        write_json_string(&mut self.buf, v);
        self
    }

    /// Adds an integer claim.
    pub(crate) fn int(&mut self, k: &str, v: i64) -> &mut Self {
        self.key(k);
        use std::fmt::Write;
        let _ = write!(self.buf, "{v}");
        self
    }

    /// Adds a raw JSON value (already serialized).
    pub(crate) fn raw(&mut self, k: &str, json: &str) -> &mut Self {
        self.key(k);
        self.buf.push_str(json);
        self
    }

    pub(crate) fn finish(mut self) -> String {
        self.buf.push('}');
        self.buf
    }
}

/// Writes `s` as a JSON string the way Python's `json.dumps(ensure_ascii=True)` does.
pub(crate) fn write_json_string(out: &mut String, s: &str) {
    out.push('"');
    if s.bytes().all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\') {
        out.push_str(s);
        out.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
        }
    }
    out.push('"');
}

/// Signs `claims_json` with HMAC-SHA256 and returns the compact JWT.
pub(crate) fn sign_hs256(claims_json: &str, key: &ring::hmac::Key) -> String {
    let mut out = String::with_capacity(HS256_HEADER.len() + claims_json.len() * 4 / 3 + 48);
    out.push_str(HS256_HEADER);
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(claims_json.as_bytes(), &mut out);
    let tag = ring::hmac::sign(key, out.as_bytes());
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(tag.as_ref(), &mut out);
    out
}

/// Signs `claims_json` with RSASSA-PKCS1-v1_5 SHA-256 and returns the compact JWT.
pub(crate) fn sign_rs256(claims_json: &str, key: &RsaKeyPair) -> String {
    let mut out = String::with_capacity(RS256_HEADER.len() + claims_json.len() * 4 / 3 + 400);
    out.push_str(RS256_HEADER);
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(claims_json.as_bytes(), &mut out);
    let mut sig = vec![0u8; key.public().modulus_len()];
    key.sign(&RSA_PKCS1_SHA256, &ring::rand::SystemRandom::new(), out.as_bytes(), &mut sig)
        .expect("RSA signing with a validated key cannot fail");
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(&sig, &mut out);
    out
}

const LENIENT: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_allow_trailing_bits(true).with_decode_padding_mode(DecodePaddingMode::Indifferent);
/// URL-safe alphabet, padding optional, non-zero trailing bits allowed (as Python decodes).
pub(crate) const URL_SAFE_LENIENT: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, LENIENT);
/// Standard alphabet, padding optional, non-zero trailing bits allowed.
pub(crate) const STANDARD_LENIENT: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, LENIENT);

/// Decodes base64url, tolerating padding, trailing bits and the standard alphabet.
pub(crate) fn b64url_decode(s: &str) -> Option<Vec<u8>> {
    URL_SAFE_LENIENT.decode(s).ok().or_else(|| STANDARD_LENIENT.decode(s).ok())
}

/// An RSA public key used to verify RS256 signatures.
#[derive(Clone, PartialEq, Eq)]
pub struct RsaPublicKey {
    /// PKCS#1 `RSAPublicKey` DER.
    der: Vec<u8>,
}

impl std::fmt::Debug for RsaPublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RsaPublicKey({} bytes)", self.der.len())
    }
}

impl RsaPublicKey {
    /// Reads a PEM public key: `BEGIN PUBLIC KEY` (SubjectPublicKeyInfo) or `BEGIN RSA PUBLIC KEY`
    /// (PKCS#1). A private key PEM is accepted too; its public half is used.
    pub fn from_pem(pem_text: &str) -> Result<RsaPublicKey> {
        let block = pem::parse(pem_text).ok_or_else(|| {
            Error::invalid("public_key", "must be a PEM block (-----BEGIN PUBLIC KEY-----)", pem::describe(pem_text))
        })?;
        let der = match block.label.as_str() {
            "PUBLIC KEY" => pem::spki_to_pkcs1(&block.der)
                .ok_or_else(|| Error::invalid("public_key", "must be an RSA SubjectPublicKeyInfo", "<unparsable DER>"))?,
            "RSA PUBLIC KEY" => block.der,
            "PRIVATE KEY" | "RSA PRIVATE KEY" => {
                let pair = pem::rsa_key_pair(&block)
                    .map_err(|_| Error::invalid("public_key", "must be an RSA key", "<unparsable private key>"))?;
                use ring::signature::KeyPair;
                pair.public_key().as_ref().to_vec()
            }
            other => return Err(Error::invalid("public_key", "must be a PEM RSA public key", format!("BEGIN {other}"))),
        };
        Ok(RsaPublicKey { der })
    }

    /// The public half of an RSA key pair.
    pub(crate) fn from_key_pair(pair: &RsaKeyPair) -> RsaPublicKey {
        use ring::signature::KeyPair;
        RsaPublicKey { der: pair.public_key().as_ref().to_vec() }
    }

    fn verify(&self, msg: &[u8], sig: &[u8]) -> bool {
        UnparsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, &self.der).verify(msg, sig).is_ok()
    }
}

/// A decoded, not yet verified, compact JWT.
#[derive(Debug, Clone)]
pub struct Jwt {
    /// The JOSE header.
    pub header: Map<String, Value>,
    /// The claims.
    pub claims: Map<String, Value>,
    signing_input: String,
    signature: Vec<u8>,
}

impl Jwt {
    /// Splits and decodes a compact JWT without verifying it.
    pub fn decode(token: &str) -> Result<Jwt> {
        let malformed = |why: &str| Error::token(TokenRejection::Malformed, format!("not a JWT: {why}"));
        let mut parts = token.trim().split('.');
        let (h, c, s) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(h), Some(c), Some(s), None) => (h, c, s),
            _ => return Err(malformed("expected three dot-separated parts")),
        };
        let header = decode_object(h).ok_or_else(|| malformed("the header is not base64url JSON"))?;
        let claims = decode_object(c).ok_or_else(|| malformed("the claims are not base64url JSON"))?;
        let signature = b64url_decode(s).ok_or_else(|| malformed("the signature is not base64url"))?;
        Ok(Jwt { header, claims, signing_input: format!("{h}.{c}"), signature })
    }

    /// The `alg` header.
    pub fn alg(&self) -> Option<&str> {
        self.header.get("alg").and_then(Value::as_str)
    }

    /// A claim, or a header field of the same name when the claim is absent (Ruby puts `ist`
    /// in the JOSE header).
    pub fn claim_or_header(&self, name: &str) -> Option<&Value> {
        self.claims.get(name).or_else(|| self.header.get(name))
    }

    /// Checks an HS256 signature with `secret` in constant time. `false` for other algorithms.
    pub fn verify_hs256(&self, secret: &[u8]) -> bool {
        if self.alg() != Some("HS256") {
            return false;
        }
        let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret);
        ring::hmac::verify(&key, self.signing_input.as_bytes(), &self.signature).is_ok()
    }

    /// Checks an RS256 signature with `key`. `false` for other algorithms.
    pub fn verify_rs256(&self, key: &RsaPublicKey) -> bool {
        self.alg() == Some("RS256") && key.verify(self.signing_input.as_bytes(), &self.signature)
    }

    /// An integer claim (`iat`, `exp`), accepting floats by truncation.
    pub fn int_claim(&self, name: &str) -> Option<i64> {
        self.claims.get(name).and_then(value_as_i64)
    }
}

/// A JSON number (or numeric string) as whole seconds.
pub(crate) fn value_as_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse::<f64>().ok().map(|f| f as i64),
        _ => None,
    }
}

fn decode_object(part: &str) -> Option<Map<String, Value>> {
    let bytes = b64url_decode(part)?;
    match serde_json::from_slice::<Value>(&bytes).ok()? {
        Value::Object(m) => Some(m),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_python_json_dumps() {
        let mut s = String::new();
        write_json_string(&mut s, "a\"b\\c\n\u{7f}é🎥");
        assert_eq!(s, r#""a\"b\\c\n\u007f\u00e9\ud83c\udfa5""#);
    }

    #[test]
    fn hs256_round_trip_and_tamper() {
        let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, b"secret");
        let mut c = Claims::new();
        c.str("iss", "1").int("iat", 5);
        let t = sign_hs256(&c.finish(), &key);
        let j = Jwt::decode(&t).unwrap();
        assert!(j.verify_hs256(b"secret"));
        assert!(!j.verify_hs256(b"other"));
        assert_eq!(j.int_claim("iat"), Some(5));
        let mut bad = t.clone();
        bad.pop();
        bad.push(if t.ends_with('A') { 'B' } else { 'A' });
        assert!(!Jwt::decode(&bad).map(|j| j.verify_hs256(b"secret")).unwrap_or(false));
    }

    #[test]
    fn rejects_non_jwt() {
        assert!(Jwt::decode("abc").is_err());
        assert!(Jwt::decode("a.b.c.d").is_err());
        assert!(Jwt::decode("!!.!!.!!").is_err());
    }
}
