//! Token options in (`generateToken`) and tokens read back (`decodeToken`, `verifyToken`,
//! `explainToken`).

use std::time::Duration;

use napi::bindgen_prelude::Either;
use napi_derive::napi;
use opentok::{Expiry, Role, TokenOptions, VerifyKey};

use crate::error::{NativeError, Outcome};
use crate::rest::{model, Model};

/// `generateToken` options as the facade passes them.
#[napi(object)]
#[derive(Default)]
pub struct TokenInput {
    /// `publisher` (default), `subscriber`, `moderator`, `publisheronly` (parsed by the core).
    pub role: Option<String>,
    /// Absolute expiry in unix seconds, as a number or a numeric string (parsed by the core).
    pub expire_time: Option<Either<f64, String>>,
    /// Lifetime in seconds from now (an extension: `expireIn`).
    pub expire_in: Option<f64>,
    /// Connection data.
    pub data: Option<String>,
    /// Initial layout class list.
    pub initial_layout_class_list: Option<Vec<String>>,
}

impl TokenInput {
    /// Converts to the core's options (limits are checked by the core when minting).
    pub fn into_core(self) -> opentok::Result<TokenOptions> {
        let mut o = TokenOptions::default();
        if let Some(r) = &self.role {
            o.role = r.parse::<Role>()?;
        }
        o.expire = match self.expire_time {
            Some(Either::A(secs)) => Some(Expiry::from_unix_f64(secs)?),
            Some(Either::B(text)) => Some(Expiry::parse(&text)?),
            None => None,
        };
        if let Some(ttl) = self.expire_in {
            if !(ttl.is_finite() && ttl >= 0.0) {
                return Err(opentok::Error::invalid("expire_in", "must be a non-negative number of seconds", ttl));
            }
            o.expire = Some(Expiry::In(Duration::from_secs(ttl as u64)));
        }
        o.data = self.data;
        o.initial_layout_class_list = self.initial_layout_class_list.unwrap_or_default();
        Ok(o)
    }
}

/// An explicit key choice: `{secret}` or `{publicKey}` (exactly one).
#[napi(object)]
pub struct KeyChoice {
    /// The API secret.
    pub secret: Option<String>,
    /// The application's RSA public key (PEM).
    pub public_key: Option<String>,
}

/// The key to verify with: key text is decided by the core (`VerifyKey::from_text`: PEM means an
/// RSA public key, anything else a secret); `{secret}` / `{publicKey}` say which explicitly.
fn verify_key(key: Option<Either<String, KeyChoice>>) -> opentok::Result<Option<VerifyKey>> {
    let choice = match key {
        None => return Ok(None),
        Some(Either::A(text)) => return Ok(Some(VerifyKey::from_text(text))),
        Some(Either::B(choice)) => choice,
    };
    match (choice.secret, choice.public_key) {
        (Some(s), None) => Ok(Some(VerifyKey::Secret(s))),
        (None, Some(pem)) => Ok(Some(VerifyKey::RsaPublicKeyPem(pem))),
        (None, None) => Err(opentok::Error::invalid("key", "must be a secret, a PEM public key, {secret} or {publicKey}", "{}")),
        (Some(_), Some(_)) => Err(opentok::Error::invalid("key", "give a secret or a public key, not both", "<redacted>")),
    }
}

/// Decodes a token without checking its signature.
#[napi(catch_unwind, ts_return_type = "Outcome<TokenInfo>")]
pub fn decode_token(token: String) -> Outcome<Model> {
    model(opentok::decode_token(&token))
}

/// Verifies a token's signature (constant time) and expiry with a secret or an RSA public key
/// (key text, or `{secret}` / `{publicKey}`), at `now` (unix seconds) or the system clock.
#[napi(catch_unwind, ts_return_type = "Outcome<TokenInfo>")]
pub fn verify_token(token: String, key: Option<Either<String, KeyChoice>>, now: Option<i64>) -> Outcome<Model> {
    let key = match verify_key(key) {
        Ok(Some(k)) => k,
        Ok(None) => {
            return Either::B(NativeError::from(opentok::Error::invalid(
                "key",
                "verifyToken needs the API secret or the application's public key",
                "none",
            )))
        }
        Err(e) => return Either::B(NativeError::from(e)),
    };
    let r = match now {
        Some(t) => opentok::verify_token_at(&token, &key, t),
        None => opentok::verify_token(&token, &key),
    };
    model(r)
}

/// Explains a token: what it holds and, with a key, whether it is valid and why not (at `now`
/// unix seconds, or the system clock).
#[napi(catch_unwind, ts_return_type = "Outcome<TokenExplanation>")]
pub fn explain_token(token: String, key: Option<Either<String, KeyChoice>>, now: Option<i64>) -> Outcome<Model> {
    let explained = verify_key(key).map(|key| match now {
        Some(t) => opentok::explain_token_at(&token, key.as_ref(), t),
        None => opentok::explain_token(&token, key.as_ref()),
    });
    model(explained)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_strings_and_lifetimes_become_expiries() {
        let o = TokenInput { expire_time: Some(Either::A(1795826652.9)), ..Default::default() }.into_core().unwrap();
        assert_eq!(o.expire, Some(Expiry::At(1795826652)));
        let o = TokenInput { expire_time: Some(Either::B("1795826652".into())), ..Default::default() }.into_core().unwrap();
        assert_eq!(o.expire, Some(Expiry::At(1795826652)));
        let o = TokenInput { expire_in: Some(60.0), ..Default::default() }.into_core().unwrap();
        assert_eq!(o.expire, Some(Expiry::In(Duration::from_secs(60))));
    }

    #[test]
    fn bad_values_name_the_field() {
        let e = TokenInput { role: Some("admin".into()), ..Default::default() }.into_core().unwrap_err();
        assert_eq!(e.field(), Some("role"));
        let e = TokenInput { expire_time: Some(Either::B("tomorrow".into())), ..Default::default() }.into_core().unwrap_err();
        assert_eq!(e.field(), Some("expire_time"));
        let e = TokenInput { expire_in: Some(f64::NAN), ..Default::default() }.into_core().unwrap_err();
        assert_eq!(e.field(), Some("expire_in"));
    }

    #[test]
    fn the_core_decides_what_key_text_is() {
        let pem = include_str!("../../emulator/tests/fixtures/app_public.pem");
        assert!(matches!(verify_key(Some(Either::A(pem.into()))).unwrap(), Some(VerifyKey::RsaPublicKeyPem(_))));
        assert!(matches!(verify_key(Some(Either::A("s3cret".into()))).unwrap(), Some(VerifyKey::Secret(_))));
    }

    #[test]
    fn explicit_choices_want_exactly_one_key() {
        assert!(verify_key(None).unwrap().is_none());
        let both = KeyChoice { secret: Some("s".into()), public_key: Some("p".into()) };
        assert_eq!(verify_key(Some(Either::B(both))).unwrap_err().field(), Some("key"));
        let neither = KeyChoice { secret: None, public_key: None };
        assert_eq!(verify_key(Some(Either::B(neither))).unwrap_err().field(), Some("key"));
        let pem_as_secret = KeyChoice { secret: Some("-----BEGIN PUBLIC KEY-----".into()), public_key: None };
        assert!(matches!(verify_key(Some(Either::B(pem_as_secret))).unwrap(), Some(VerifyKey::Secret(_))));
    }
}
