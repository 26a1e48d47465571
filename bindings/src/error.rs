//! The one exported error enum: a core [`opentok::Error`] flattened for the foreign side.
//!
//! Every variant carries the same fields so the Kotlin and Ruby layers can map them to their own
//! exception hierarchies without knowing Rust. Field names avoid `message` and `cause`, which
//! clash with `Throwable` in Kotlin.

use opentok::ErrorKind;

/// Declares [`NativeError`]: one variant per [`ErrorKind`], every variant with the same fields.
macro_rules! native_error {
    ($(#[$doc:meta])* pub enum $name:ident { $($variant:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, thiserror::Error, uniffi::Error)]
        #[allow(missing_docs)]
        pub enum $name {
            $(
                #[error("{text}")]
                $variant {
                    kind: String,
                    status: Option<u16>,
                    code: Option<String>,
                    text: String,
                    field: Option<String>,
                    retryable: bool,
                },
            )*
        }
    };
}

native_error! {
    /// An error from the core, one variant per [`ErrorKind`].
    ///
    /// * `kind`: stable snake_case kind (`"invalid_argument"`, `"timeout"`, ...).
    /// * `status`: HTTP status when the server answered.
    /// * `code`: the API's error code from the response body, if any.
    /// * `text`: the full human message (names field, rule and value; or method, path, status and
    ///   the server's message). Never contains a secret or a token.
    /// * `field`: for invalid arguments, the offending field.
    /// * `retryable`: whether retrying the same call may succeed.
    pub enum NativeError {
        InvalidArgument,
        InvalidToken,
        Request,
        Authentication,
        NotFound,
        Conflict,
        PayloadTooLarge,
        RateLimited,
        Server,
        Timeout,
        Connect,
        ClockSkew,
        InvalidResponse,
    }
}

impl From<opentok::Error> for NativeError {
    fn from(e: opentok::Error) -> Self {
        let kind_enum = e.kind();
        let kind = kind_enum.as_str().to_string();
        let status = e.status();
        let code = e.code();
        let text = e.to_string();
        let field = e.field().map(str::to_string);
        let retryable = e.is_retryable();
        macro_rules! v {
            ($variant:ident) => {
                NativeError::$variant { kind, status, code, text, field, retryable }
            };
        }
        match kind_enum {
            ErrorKind::InvalidArgument => v!(InvalidArgument),
            ErrorKind::InvalidToken => v!(InvalidToken),
            ErrorKind::Request => v!(Request),
            ErrorKind::Authentication => v!(Authentication),
            ErrorKind::NotFound => v!(NotFound),
            ErrorKind::Conflict => v!(Conflict),
            ErrorKind::PayloadTooLarge => v!(PayloadTooLarge),
            ErrorKind::RateLimited => v!(RateLimited),
            ErrorKind::Server => v!(Server),
            ErrorKind::Timeout => v!(Timeout),
            ErrorKind::Connect => v!(Connect),
            ErrorKind::ClockSkew => v!(ClockSkew),
            ErrorKind::InvalidResponse => v!(InvalidResponse),
            // ErrorKind is non_exhaustive: a kind added to the core later surfaces as a
            // generic request failure until it gets its own variant here.
            _ => v!(Request),
        }
    }
}

/// Result alias of every exported function.
pub type Result<T> = std::result::Result<T, NativeError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_argument_keeps_kind_field_and_text() {
        let e = NativeError::from(opentok::Error::invalid("location", "must be an IP address", "nowhere"));
        match e {
            NativeError::InvalidArgument { kind, status, code, text, field, retryable } => {
                assert_eq!(kind, "invalid_argument");
                assert_eq!(status, None);
                assert_eq!(code, None);
                assert_eq!(field.as_deref(), Some("location"));
                assert!(text.contains("nowhere"), "{text}");
                assert!(!retryable);
            }
            other => panic!("unexpected variant {other:?}"),
        }
    }
}
