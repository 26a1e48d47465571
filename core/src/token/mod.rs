//! Client tokens: options, minting (JWT and legacy T1) and reading back (decode, verify, explain).

mod java;
mod mint;
mod node;
mod read;

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use crate::error::{Error, Result};

pub(crate) use mint::mint;
pub(crate) use mint::quote_plus as quote_plus_into;
pub use read::{
    decode_token, explain_token, explain_token_at, verify_token, verify_token_at, DecodedToken, Explanation, VerifyKey,
};

/// Default token lifetime: 24 hours.
pub const DEFAULT_TOKEN_TTL: Duration = Duration::from_secs(86_400);
/// Longest token lifetime: 30 days.
pub const MAX_TOKEN_TTL: Duration = Duration::from_secs(30 * 86_400);
/// Longest connection data, in characters.
pub const MAX_DATA_CHARS: usize = 1000;
/// Longest space-joined initial layout class list, in characters.
pub const MAX_LAYOUT_CHARS: usize = 1000;

/// The role a token grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Role {
    /// Publish and subscribe (the default).
    #[default]
    Publisher,
    /// Subscribe only.
    Subscriber,
    /// Publish, subscribe, and moderate (force disconnect, force mute).
    Moderator,
    /// Publish only.
    PublisherOnly,
}

impl Role {
    /// The wire string: `publisher`, `subscriber`, `moderator`, `publisheronly`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Publisher => "publisher",
            Role::Subscriber => "subscriber",
            Role::Moderator => "moderator",
            Role::PublisherOnly => "publisheronly",
        }
    }

    /// Every role.
    pub const ALL: [Role; 4] = [Role::Publisher, Role::Subscriber, Role::Moderator, Role::PublisherOnly];
}

impl FromStr for Role {
    type Err = Error;
    /// Parses a role, case-insensitively; `publisher_only` and `PUBLISHER_ONLY` are accepted too.
    fn from_str(s: &str) -> Result<Role> {
        match s.trim().to_ascii_lowercase().replace('_', "").as_str() {
            "publisher" => Ok(Role::Publisher),
            "subscriber" => Ok(Role::Subscriber),
            "moderator" => Ok(Role::Moderator),
            "publisheronly" => Ok(Role::PublisherOnly),
            _ => Err(Error::invalid("role", "must be one of publisher, subscriber, moderator, publisheronly", s)),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The token format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TokenFormat {
    /// A JWT: HS256 with project credentials, RS256 with application credentials (the default).
    #[default]
    #[serde(rename = "JWT")]
    Jwt,
    /// The legacy `T1==` format (project credentials only).
    T1,
}

impl TokenFormat {
    /// `"JWT"` or `"T1"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            TokenFormat::Jwt => "JWT",
            TokenFormat::T1 => "T1",
        }
    }
}

impl FromStr for TokenFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<TokenFormat> {
        match s.trim().to_ascii_uppercase().as_str() {
            "JWT" => Ok(TokenFormat::Jwt),
            "T1" => Ok(TokenFormat::T1),
            _ => Err(Error::invalid("token_type", "must be JWT or T1", s)),
        }
    }
}

/// When a token expires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    /// At an absolute time, in unix seconds.
    At(i64),
    /// After a lifetime counted from now.
    In(Duration),
}

impl Expiry {
    /// Parses an expiry given as text: whole or fractional unix seconds (`"1795826652"`,
    /// `"1795826652.5"`, truncated). Anything else is an invalid `expire_time`.
    pub fn parse(s: &str) -> Result<Expiry> {
        let t = s.trim();
        if let Ok(v) = t.parse::<i64>() {
            return Ok(Expiry::At(v));
        }
        match t.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Expiry::At(f.trunc() as i64)),
            _ => Err(Error::invalid("expire_time", "must be a time in unix seconds", s)),
        }
    }

    /// Builds an expiry from fractional unix seconds (as JavaScript and Python numbers arrive).
    pub fn from_unix_f64(secs: f64) -> Result<Expiry> {
        if !secs.is_finite() {
            return Err(Error::invalid("expire_time", "must be a finite time in unix seconds", secs));
        }
        Ok(Expiry::At(secs.trunc() as i64))
    }

    /// The absolute unix time this expiry resolves to at `now`, checked against the limits:
    /// not before `now`, not more than 30 days after it.
    pub fn resolve(&self, now: i64) -> Result<i64> {
        let at = match *self {
            Expiry::At(t) => t,
            Expiry::In(d) => now.saturating_add(d.as_secs().min(i64::MAX as u64) as i64),
        };
        if at < now {
            return Err(Error::invalid("expire_time", format!("must not be in the past (now is {now})"), at));
        }
        let max = now + MAX_TOKEN_TTL.as_secs() as i64;
        if at > max {
            return Err(Error::invalid("expire_time", format!("must be within 30 days of now (at most {max})"), at));
        }
        Ok(at)
    }
}

/// Options for [`crate::Client::generate_token`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenOptions {
    /// The role granted (publisher by default).
    pub role: Role,
    /// When the token expires (24 h from now by default; at most 30 days).
    pub expire: Option<Expiry>,
    /// Connection data shown to other clients (at most 1000 characters).
    pub data: Option<String>,
    /// Initial layout classes of streams this client publishes (joined with spaces, at most 1000
    /// characters).
    pub initial_layout_class_list: Vec<String>,
    /// JWT (default) or legacy T1.
    pub format: TokenFormat,
}

impl TokenOptions {
    /// Checks the data and layout limits (expiry is checked against the clock when minting).
    pub fn validate(&self) -> Result<()> {
        if let Some(d) = &self.data {
            let n = d.chars().count();
            if n > MAX_DATA_CHARS {
                return Err(Error::invalid("data", format!("must be at most {MAX_DATA_CHARS} characters, has {n}"), d));
            }
        }
        let n: usize = self.initial_layout_class_list.iter().map(|c| c.chars().count()).sum::<usize>()
            + self.initial_layout_class_list.len().saturating_sub(1);
        if n > MAX_LAYOUT_CHARS {
            return Err(Error::invalid(
                "initial_layout_class_list",
                format!("must be at most {MAX_LAYOUT_CHARS} characters when joined with spaces, has {n}"),
                self.initial_layout_class_list.join(" "),
            ));
        }
        Ok(())
    }
}
