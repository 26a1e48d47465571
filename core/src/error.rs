//! The one error type of the SDK.
//!
//! Every failure carries a stable [`ErrorKind`]; failures where the server answered also carry the
//! HTTP status, the API's error code and message (the body is kept, not replaced by a canned string),
//! the method and the path. Messages never contain a secret, a JWT or a token.

use std::fmt;
use std::time::Duration;

/// Result alias used throughout the crate.
pub type Result<T> = std::result::Result<T, Error>;

/// A stable classification of an [`Error`], shared by every binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ErrorKind {
    /// An argument broke a rule before anything was sent (field, rule and value are named).
    InvalidArgument,
    /// A token failed to decode or verify (malformed, bad signature, expired, wrong session...).
    InvalidToken,
    /// The server refused the request with a 4xx status not covered by a more specific kind.
    Request,
    /// 401 or 403: the credentials were refused.
    Authentication,
    /// 404: the session, archive or other resource does not exist.
    NotFound,
    /// 409: the resource is in a state that conflicts with the request.
    Conflict,
    /// 413: the request body is too large (e.g. a signal over 8 kB).
    PayloadTooLarge,
    /// 429: too many requests.
    RateLimited,
    /// 5xx: the server failed.
    Server,
    /// The request did not complete within the configured timeout.
    Timeout,
    /// The connection could not be made (DNS, refused, TLS, proxy).
    Connect,
    /// Authentication failed because the local clock is off from the server's.
    ClockSkew,
    /// The server answered with something that could not be understood.
    InvalidResponse,
}

impl ErrorKind {
    /// The kind as a stable snake_case string (`"invalid_argument"`, `"not_found"`, ...).
    pub fn as_str(&self) -> &'static str {
        match self {
            ErrorKind::InvalidArgument => "invalid_argument",
            ErrorKind::InvalidToken => "invalid_token",
            ErrorKind::Request => "request",
            ErrorKind::Authentication => "authentication",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::PayloadTooLarge => "payload_too_large",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Server => "server",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Connect => "connect",
            ErrorKind::ClockSkew => "clock_skew",
            ErrorKind::InvalidResponse => "invalid_response",
        }
    }

    /// The kind a server status maps to.
    pub fn from_status(status: u16) -> ErrorKind {
        match status {
            401 | 403 => ErrorKind::Authentication,
            404 => ErrorKind::NotFound,
            409 => ErrorKind::Conflict,
            413 => ErrorKind::PayloadTooLarge,
            429 => ErrorKind::RateLimited,
            500..=599 => ErrorKind::Server,
            _ => ErrorKind::Request,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a token was refused by [`crate::verify_token`] or the emulator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TokenRejection {
    /// Not a T1 token nor a JWT, or its parts do not decode.
    Malformed,
    /// The signature does not match the key.
    BadSignature,
    /// The token's expiry has passed.
    Expired,
    /// The token was issued in the future.
    NotYetValid,
    /// The token was minted for another session.
    WrongSession,
    /// The token was minted for another project (api key or application id).
    WrongProject,
    /// The token's role is not one of the four roles.
    BadRole,
    /// The algorithm is not accepted (`none`, or not matching the key).
    BadAlgorithm,
}

impl TokenRejection {
    /// Stable snake_case name of the reason (`"expired"`, `"bad_signature"`, ...).
    pub fn as_str(&self) -> &'static str {
        match self {
            TokenRejection::Malformed => "malformed",
            TokenRejection::BadSignature => "bad_signature",
            TokenRejection::Expired => "expired",
            TokenRejection::NotYetValid => "not_yet_valid",
            TokenRejection::WrongSession => "wrong_session",
            TokenRejection::WrongProject => "wrong_project",
            TokenRejection::BadRole => "bad_role",
            TokenRejection::BadAlgorithm => "bad_algorithm",
        }
    }
}

/// What the server said when it answered with an error status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiFailure {
    /// HTTP method of the request (`POST`).
    pub method: String,
    /// Path of the request (`/session/create`), never the query or the host's credentials.
    pub path: String,
    /// HTTP status code.
    pub status: u16,
    /// The API's error code from the JSON body (`code` or `errorCode`), if any.
    pub code: Option<String>,
    /// The API's message from the body, if any.
    pub message: Option<String>,
    /// The raw body (truncated to 4 kB).
    pub body: String,
}

/// The error type of every operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An argument broke a rule; nothing was sent.
    #[error("invalid {field}: {rule} (got {value})")]
    InvalidArgument {
        /// The field, in the wire's spelling (`archiveName`, `expire_time`, ...).
        field: String,
        /// The rule that was broken, in words.
        rule: String,
        /// The offending value, quoted and shortened; never a secret.
        value: String,
    },
    /// A token could not be decoded or verified.
    #[error("invalid token ({}): {detail}", reason.as_str())]
    InvalidToken {
        /// Why.
        reason: TokenRejection,
        /// Details in words.
        detail: String,
    },
    /// The server answered with an error status.
    #[error("{} {} failed with HTTP {}{}", .0.method, .0.path, .0.status, api_suffix(.0))]
    Api(Box<ApiFailure>),
    /// Authentication failed and the local clock is off from the server's.
    #[error("clock skew: the local clock is {} the server's by about {}s; {} {} was refused with HTTP {}{} (fix the clock or raise the leeway)",
        if *.offset_secs > 0 { "ahead of" } else { "behind" }, .offset_secs.abs(), .failure.method, .failure.path, .failure.status, api_suffix(.failure))]
    ClockSkew {
        /// Local clock minus server clock, in seconds (positive: local clock ahead).
        offset_secs: i64,
        /// The refusal the skew caused.
        failure: Box<ApiFailure>,
    },
    /// The request timed out.
    #[error("{method} {path} timed out after {}ms (timeout {}ms)", elapsed.as_millis(), timeout.as_millis())]
    Timeout {
        /// HTTP method.
        method: String,
        /// Request path.
        path: String,
        /// Time spent before giving up.
        elapsed: Duration,
        /// The configured request timeout.
        timeout: Duration,
    },
    /// The connection could not be made.
    #[error("{method} {path}: could not connect to {host}: {detail}")]
    Connect {
        /// HTTP method.
        method: String,
        /// Request path.
        path: String,
        /// Host (and port) that could not be reached.
        host: String,
        /// The underlying cause in words (refused, DNS, TLS, proxy).
        detail: String,
    },
    /// The server's answer could not be understood.
    #[error("{method} {path}: invalid response{}: {detail}", status.map(|s| format!(" (HTTP {s})")).unwrap_or_default())]
    InvalidResponse {
        /// HTTP method.
        method: String,
        /// Request path.
        path: String,
        /// HTTP status, if a response arrived.
        status: Option<u16>,
        /// What was wrong.
        detail: String,
    },
}

fn api_suffix(f: &ApiFailure) -> String {
    let mut s = String::new();
    if let Some(code) = &f.code {
        s.push_str(&format!(" (code {code})"));
    }
    match &f.message {
        Some(m) => s.push_str(&format!(": {m}")),
        None if !f.body.trim().is_empty() => s.push_str(&format!(": {}", f.body.trim())),
        None => {}
    }
    s
}

impl Error {
    /// Builds an [`Error::InvalidArgument`], quoting and shortening the value.
    pub fn invalid(field: impl Into<String>, rule: impl Into<String>, value: impl fmt::Debug) -> Error {
        let mut value = format!("{value:?}");
        if value.len() > 80 {
            let mut cut = 60;
            while !value.is_char_boundary(cut) {
                cut -= 1;
            }
            value = format!("{}… ({} chars)", &value[..cut], value.chars().count());
        }
        Error::InvalidArgument { field: field.into(), rule: rule.into(), value }
    }

    /// Builds an [`Error::InvalidToken`].
    pub fn token(reason: TokenRejection, detail: impl Into<String>) -> Error {
        Error::InvalidToken { reason, detail: detail.into() }
    }

    /// The stable kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidArgument { .. } => ErrorKind::InvalidArgument,
            Error::InvalidToken { .. } => ErrorKind::InvalidToken,
            Error::Api(f) => ErrorKind::from_status(f.status),
            Error::ClockSkew { .. } => ErrorKind::ClockSkew,
            Error::Timeout { .. } => ErrorKind::Timeout,
            Error::Connect { .. } => ErrorKind::Connect,
            Error::InvalidResponse { .. } => ErrorKind::InvalidResponse,
        }
    }

    fn failure(&self) -> Option<&ApiFailure> {
        match self {
            Error::Api(f) | Error::ClockSkew { failure: f, .. } => Some(f),
            _ => None,
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::InvalidResponse { status, .. } => *status,
            _ => self.failure().map(|f| f.status),
        }
    }

    /// The API's error code from the response body, if any.
    pub fn code(&self) -> Option<String> {
        self.failure().and_then(|f| f.code.clone())
    }

    /// The server's own message from the response body, if any.
    pub fn api_message(&self) -> Option<&str> {
        self.failure().and_then(|f| f.message.as_deref())
    }

    /// The raw response body, when the server answered with an error.
    pub fn body(&self) -> Option<&str> {
        self.failure().map(|f| f.body.as_str())
    }

    /// The offending field of an invalid argument.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidArgument { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The reason a token was refused.
    pub fn token_rejection(&self) -> Option<TokenRejection> {
        match self {
            Error::InvalidToken { reason, .. } => Some(*reason),
            _ => None,
        }
    }

    /// HTTP method and path of the failed request, when there was one.
    pub fn request(&self) -> Option<(&str, &str)> {
        match self {
            Error::Api(f) | Error::ClockSkew { failure: f, .. } => Some((&f.method, &f.path)),
            Error::Timeout { method, path, .. }
            | Error::Connect { method, path, .. }
            | Error::InvalidResponse { method, path, .. } => Some((method, path)),
            _ => None,
        }
    }

    /// Whether trying again later may succeed (rate limits, server errors, timeouts, connect
    /// failures). The client's retry policy already retried where it was safe.
    pub fn is_retryable(&self) -> bool {
        matches!(self.kind(), ErrorKind::RateLimited | ErrorKind::Server | ErrorKind::Timeout | ErrorKind::Connect)
    }
}
