//! Token options, minting helpers and reading tokens back. Rules (roles, limits, expiry) are the
//! core's; this module only converts.

use std::time::Duration;

use opentok::{Expiry, TokenFormat, TokenOptions, VerifyKey};

use crate::error::Result;

/// When a token expires.
#[derive(Debug, Clone, uniffi::Enum)]
pub enum ExpireSpec {
    /// At an absolute time, unix seconds.
    At {
        /// Unix seconds.
        unix_seconds: i64,
    },
    /// At fractional unix seconds (truncated by the core).
    AtFractional {
        /// Unix seconds, possibly fractional.
        unix_seconds: f64,
    },
    /// After a lifetime counted from now.
    In {
        /// Lifetime in seconds.
        seconds: u64,
    },
    /// As text (`"1795826652"`), parsed by the core; anything else is an invalid `expire_time`.
    Text {
        /// The text as given.
        value: String,
    },
}

impl ExpireSpec {
    fn into_core(self) -> Result<Expiry> {
        Ok(match self {
            ExpireSpec::At { unix_seconds } => Expiry::At(unix_seconds),
            ExpireSpec::AtFractional { unix_seconds } => Expiry::from_unix_f64(unix_seconds)?,
            ExpireSpec::In { seconds } => Expiry::In(Duration::from_secs(seconds)),
            ExpireSpec::Text { value } => Expiry::parse(&value)?,
        })
    }
}

/// Options of a token. `role` is text parsed by the core (`publisher`, `subscriber`,
/// `moderator`, `publisheronly`, case-insensitive).
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct TokenSpec {
    /// Role granted (default publisher).
    #[uniffi(default = None)]
    pub role: Option<String>,
    /// Expiry (default 24 h from now; at most 30 days).
    #[uniffi(default = None)]
    pub expire: Option<ExpireSpec>,
    /// Connection data (at most 1000 characters).
    #[uniffi(default = None)]
    pub data: Option<String>,
    /// Initial layout classes (at most 1000 characters joined).
    #[uniffi(default = [])]
    pub initial_layout_class_list: Vec<String>,
    /// Mint a legacy T1 token instead of a JWT.
    #[uniffi(default = false)]
    pub legacy_t1: bool,
}

impl TokenSpec {
    pub(crate) fn into_core(self) -> Result<TokenOptions> {
        let mut o = TokenOptions {
            data: self.data,
            initial_layout_class_list: self.initial_layout_class_list,
            format: if self.legacy_t1 { TokenFormat::T1 } else { TokenFormat::Jwt },
            ..Default::default()
        };
        if let Some(r) = self.role {
            o.role = r.parse()?;
        }
        if let Some(e) = self.expire {
            o.expire = Some(e.into_core()?);
        }
        Ok(o)
    }
}

/// Canonical text of a role (`publisher`, `subscriber`, `moderator`, `publisheronly`).
#[uniffi::export]
pub fn parse_role(value: String) -> Result<String> {
    Ok(value.parse::<opentok::Role>()?.as_str().to_string())
}

/// What a token says.
#[derive(Debug, Clone, uniffi::Record)]
pub struct TokenInfo {
    /// `JWT` or `T1`.
    pub format: String,
    /// `HS256`, `RS256` or `HMAC-SHA1`.
    pub algorithm: Option<String>,
    /// Api key or application id.
    pub project_id: Option<String>,
    /// Session the token admits to.
    pub session_id: Option<String>,
    /// Role granted.
    pub role: Option<String>,
    /// Issue time, unix seconds.
    pub issued_at: Option<i64>,
    /// Expiry, unix seconds.
    pub expires_at: Option<i64>,
    /// Connection data.
    pub connection_data: Option<String>,
    /// Initial layout class list, space-joined.
    pub initial_layout_class_list: Option<String>,
    /// The nonce, as text.
    pub nonce: Option<String>,
    /// Every claim (JWT) or field (T1) as a JSON object.
    pub claims_json: String,
}

impl From<opentok::DecodedToken> for TokenInfo {
    fn from(d: opentok::DecodedToken) -> Self {
        TokenInfo {
            format: d.format.as_str().to_string(),
            algorithm: d.algorithm,
            project_id: d.project_id,
            session_id: d.session_id,
            role: d.role,
            issued_at: d.issued_at,
            expires_at: d.expires_at,
            connection_data: d.connection_data,
            initial_layout_class_list: d.initial_layout_class_list,
            nonce: d.nonce,
            claims_json: serde_json::Value::Object(d.claims).to_string(),
        }
    }
}

/// Reads a token without checking its signature.
#[uniffi::export]
pub fn decode_token(token: String) -> Result<TokenInfo> {
    Ok(opentok::decode_token(&token)?.into())
}

/// Verifies a token's signature with the project secret and its expiry; fails with
/// `InvalidToken` otherwise.
#[uniffi::export]
pub fn verify_token(token: String, api_secret: String) -> Result<TokenInfo> {
    Ok(opentok::verify_token(&token, &VerifyKey::Secret(api_secret))?.into())
}

/// Verifies a token as of `now` (unix seconds) instead of the system clock.
#[uniffi::export]
pub fn verify_token_at(token: String, api_secret: String, now: i64) -> Result<TokenInfo> {
    Ok(opentok::verify_token_at(&token, &VerifyKey::Secret(api_secret), now)?.into())
}

/// One line about a token: `"valid publisher token ..., expires in 23 h"`, `"expired 3 h ago"`.
#[uniffi::export]
pub fn explain_token(token: String, api_secret: Option<String>) -> String {
    let key = api_secret.map(VerifyKey::Secret);
    opentok::explain_token(&token, key.as_ref()).verdict
}
