//! Core errors as plain JavaScript objects; `index.js` maps them to the `Error` subclasses.

use napi::bindgen_prelude::Either;
use napi_derive::napi;

/// A core error, flattened for JavaScript. Returned (not thrown) so that sync and async calls carry
/// the same fields; the facade builds `ArgumentError`, `AuthError`, ... from it.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct NativeError {
    /// The core's stable kind (`"invalid_argument"`, `"not_found"`, ...). Its presence marks the
    /// object as an error.
    pub error_kind: String,
    /// The core's full message (names the field, rule and value, or method, path, status and the
    /// server's message). Never contains a secret or a token.
    pub message: String,
    /// HTTP status when the server answered.
    pub status: Option<u32>,
    /// The API's error code from the response body, if any.
    pub api_code: Option<String>,
    /// The server's message from the response body, if any.
    pub api_message: Option<String>,
    /// For invalid arguments: the offending field.
    pub field: Option<String>,
    /// For invalid tokens: why (`"expired"`, `"bad_signature"`, ...).
    pub reason: Option<String>,
    /// HTTP method of the failed request, if there was one.
    pub method: Option<String>,
    /// Path of the failed request, if there was one.
    pub path: Option<String>,
    /// Whether trying again later may succeed.
    pub retryable: bool,
}

impl From<&opentok::Error> for NativeError {
    fn from(e: &opentok::Error) -> Self {
        let request = e.request();
        NativeError {
            error_kind: e.kind().as_str().to_string(),
            message: e.to_string(),
            status: e.status().map(u32::from),
            api_code: e.code(),
            api_message: e.api_message().map(str::to_string),
            field: e.field().map(str::to_string),
            reason: e.token_rejection().map(|r| r.as_str().to_string()),
            method: request.map(|(m, _)| m.to_string()),
            path: request.map(|(_, p)| p.to_string()),
            retryable: e.is_retryable(),
        }
    }
}

impl From<opentok::Error> for NativeError {
    fn from(e: opentok::Error) -> Self {
        NativeError::from(&e)
    }
}

/// What every fallible native call returns: the value, or the error as data.
pub type Outcome<T> = Either<T, NativeError>;

/// Converts a core result into an [`Outcome`].
pub fn outcome<T, U>(r: opentok::Result<T>, f: impl FnOnce(T) -> U) -> Outcome<U> {
    match r {
        Ok(v) => Either::A(f(v)),
        Err(e) => Either::B(NativeError::from(&e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_argument_keeps_kind_field_and_message() {
        let e = NativeError::from(opentok::Error::invalid("role", "must be one of …", "admin"));
        assert_eq!(e.error_kind, "invalid_argument");
        assert_eq!(e.field.as_deref(), Some("role"));
        assert!(e.message.contains("admin"));
        assert_eq!(e.status, None);
        assert!(!e.retryable);
    }
}
