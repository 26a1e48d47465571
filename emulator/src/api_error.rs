//! Error answers in the service's JSON shape: `{"code": <status>, "message": "...", "reason": "..."}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::store::StoreError;

/// An error answer: HTTP status, a stable machine-readable reason and a human message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable snake_case reason (`missing_auth`, `expired`, `bad_signature`, `invalid_argument`...).
    pub reason: String,
    /// Human-readable message; names the field, rule and value where one applies.
    pub message: String,
}

impl ApiError {
    /// An error with this status, reason and message.
    pub fn new(status: StatusCode, reason: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError { status, reason: reason.into(), message: message.into() }
    }

    /// 400 Bad Request.
    pub fn bad_request(reason: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, reason, message)
    }

    /// 403 Forbidden (authentication and token refusals).
    pub fn forbidden(reason: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, reason, message)
    }

    /// 404 Not Found.
    pub fn not_found(reason: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, reason, message)
    }

    /// Maps a core error: invalid arguments become 400, token refusals 403.
    pub fn from_core(e: &opentok::Error) -> Self {
        match e.kind() {
            opentok::ErrorKind::InvalidToken => {
                let reason = e.token_rejection().map(|r| r.as_str()).unwrap_or("invalid_token");
                Self::forbidden(reason, e.to_string())
            }
            opentok::ErrorKind::InvalidArgument => Self::bad_request("invalid_argument", e.to_string()),
            _ => Self::new(StatusCode::INTERNAL_SERVER_ERROR, e.kind().as_str(), e.to_string()),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.reason, self.message)
    }
}

impl std::error::Error for ApiError {}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "storage", e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({
            "code": self.status.as_u16(),
            "message": self.message,
            "reason": self.reason,
        });
        (self.status, Json(body)).into_response()
    }
}
