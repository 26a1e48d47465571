//! REST authentication as the service checks it.
//!
//! * `X-OPENTOK-AUTH: <JWT>` — HS256 with the project's API secret; `iss` = API key as a JSON
//!   string, `ist` = `"project"` in the claims or (as the Ruby SDK sends it) in the JOSE header,
//!   `iat` and `exp` JSON integers (unix seconds, both required), `exp` in the future, `iat` not
//!   in the future beyond [`CLOCK_LEEWAY_SECS`], and `exp` at most [`MAX_REST_JWT_LIFETIME_SECS`]
//!   (+ [`LIFETIME_LEEWAY_SECS`]) after `iat`; `jti` optional.
//! * `Authorization: Bearer <JWT>` — RS256 with a registered application's public key;
//!   `application_id` (or `iss`) names the application, as a JSON string. `iat`/`exp` are
//!   optional (the Java SDK sends no `exp`) but JSON integers when present; no lifetime cap (the
//!   Vonage SDKs sign 900 s application JWTs). PHP sends the same RS256 JWT in
//!   `X-OPENTOK-AUTH`, which is accepted too.
//!
//! Every refusal is a 403 whose JSON body names the reason. Decoding and signature checks are
//! the core's ([`opentok::jwt::Jwt`]); this module only applies the service's rules.

use axum::http::HeaderMap;
use opentok::jwt::{Jwt, RsaPublicKey};
use serde_json::Value;

use crate::api_error::ApiError;
use crate::projects::Registry;

/// Seconds an `iat` may lie in the future (clock skew) before the JWT is refused.
pub const CLOCK_LEEWAY_SECS: i64 = 30;

/// Longest lifetime (`exp - iat`) of a project's REST JWT: the service's 5 minutes. Every
/// official SDK signs 180 s or 300 s JWTs.
pub const MAX_REST_JWT_LIFETIME_SECS: i64 = 300;

/// Slack on [`MAX_REST_JWT_LIFETIME_SECS`] for clients that read the clock twice (once for
/// `iat`, once for `exp`) and round differently.
pub const LIFETIME_LEEWAY_SECS: i64 = 5;

/// Name of the OpenTok REST auth header.
pub const OPENTOK_AUTH_HEADER: &str = "x-opentok-auth";

/// Who made an authenticated REST call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// An OpenTok project, by API key.
    Project(String),
    /// A Vonage application, by application id.
    Application(String),
}

impl Principal {
    /// The API key or application id.
    pub fn id(&self) -> &str {
        match self {
            Principal::Project(id) | Principal::Application(id) => id,
        }
    }

    /// Refuses (403 `project_mismatch`) when the project in the path is not the caller's.
    pub fn require_owner(&self, path_project: &str) -> Result<(), ApiError> {
        if self.id() == path_project {
            Ok(())
        } else {
            Err(ApiError::forbidden(
                "project_mismatch",
                format!("the project in the path ({path_project}) does not match the credential's project ({})", self.id()),
            ))
        }
    }
}

/// Authenticates a REST call from its headers at unix time `now`.
pub fn authenticate(headers: &HeaderMap, registry: &Registry, now: i64) -> Result<Principal, ApiError> {
    if let Some(v) = headers.get(OPENTOK_AUTH_HEADER) {
        let token = v.to_str().map_err(|_| ApiError::forbidden("malformed", "X-OPENTOK-AUTH header is not ASCII"))?;
        let jwt = decode(token, "X-OPENTOK-AUTH")?;
        return match jwt.alg() {
            Some("RS256") => check_application(&jwt, registry, now, "X-OPENTOK-AUTH"),
            _ => check_project(&jwt, registry, now),
        };
    }
    if let Some(v) = headers.get(axum::http::header::AUTHORIZATION) {
        let value = v.to_str().map_err(|_| ApiError::forbidden("malformed", "Authorization header is not ASCII"))?;
        let token = value
            .strip_prefix("Bearer ")
            .or_else(|| value.strip_prefix("bearer "))
            .ok_or_else(|| ApiError::forbidden("malformed", "Authorization header must be `Bearer <RS256 JWT>`"))?;
        let jwt = decode(token, "Authorization: Bearer")?;
        return check_application(&jwt, registry, now, "Authorization: Bearer");
    }
    Err(ApiError::forbidden(
        "missing_auth",
        "missing authentication: send X-OPENTOK-AUTH (an HS256 JWT signed with the project's API secret) \
         or Authorization: Bearer (an RS256 JWT of a registered application)",
    ))
}

fn decode(token: &str, header: &str) -> Result<Jwt, ApiError> {
    Jwt::decode(token.trim()).map_err(|e| ApiError::forbidden("malformed", format!("{header} is not a valid JWT: {e}")))
}

fn check_project(jwt: &Jwt, registry: &Registry, now: i64) -> Result<Principal, ApiError> {
    match jwt.alg() {
        Some("HS256") => {}
        Some(a) if a.eq_ignore_ascii_case("none") => {
            return Err(ApiError::forbidden(
                "bad_algorithm",
                "X-OPENTOK-AUTH JWT uses alg \"none\" (unsigned); only HS256 is accepted",
            ))
        }
        Some(a) => {
            return Err(ApiError::forbidden(
                "bad_algorithm",
                format!("X-OPENTOK-AUTH JWT uses alg {a:?}; only HS256 is accepted"),
            ))
        }
        None => return Err(ApiError::forbidden("bad_algorithm", "X-OPENTOK-AUTH JWT header has no alg")),
    }
    let iss = string_claim(jwt, "iss", "X-OPENTOK-AUTH", "the API key")?
        .ok_or_else(|| ApiError::forbidden("missing_claim", "X-OPENTOK-AUTH JWT has no iss claim (the API key)"))?;
    let project = registry
        .project(&iss)
        .ok_or_else(|| ApiError::forbidden("unknown_project", format!("no project with API key {iss:?} (iss claim)")))?;
    if !jwt.verify_hs256(project.api_secret.as_bytes()) {
        return Err(ApiError::forbidden(
            "bad_signature",
            format!("X-OPENTOK-AUTH signature does not match the API secret of project {iss}"),
        ));
    }
    match jwt.claim_or_header("ist").and_then(Value::as_str) {
        Some("project") => {}
        Some(other) => {
            return Err(ApiError::forbidden("bad_claim", format!("X-OPENTOK-AUTH ist is {other:?}; must be \"project\"")))
        }
        None => {
            return Err(ApiError::forbidden(
                "missing_claim",
                "X-OPENTOK-AUTH JWT has no ist (\"project\") in its claims or JOSE header",
            ))
        }
    }
    check_times(jwt, now, true, "X-OPENTOK-AUTH")?;
    Ok(Principal::Project(iss))
}

fn check_application(jwt: &Jwt, registry: &Registry, now: i64, header: &str) -> Result<Principal, ApiError> {
    match jwt.alg() {
        Some("RS256") => {}
        Some(a) => {
            return Err(ApiError::forbidden(
                "bad_algorithm",
                format!("{header} JWT uses alg {a:?}; applications must sign with RS256"),
            ))
        }
        None => return Err(ApiError::forbidden("bad_algorithm", format!("{header} JWT header has no alg"))),
    }
    let app_id = match string_claim(jwt, "application_id", header, "the application id")? {
        Some(id) => Some(id),
        None => string_claim(jwt, "iss", header, "the application id")?,
    }
    .ok_or_else(|| ApiError::forbidden("missing_claim", format!("{header} JWT has no application_id claim")))?;
    let app = registry
        .application(&app_id)
        .ok_or_else(|| ApiError::forbidden("unknown_application", format!("no application with id {app_id:?}")))?;
    let key = RsaPublicKey::from_pem(&app.public_key_pem)
        .map_err(|e| ApiError::forbidden("bad_key", format!("public key of application {app_id} is unusable: {e}")))?;
    if !jwt.verify_rs256(&key) {
        return Err(ApiError::forbidden(
            "bad_signature",
            format!("{header} signature does not match the public key of application {app_id}"),
        ));
    }
    // The Java SDK's application JWTs carry no exp; the others do, and then it must hold.
    check_times(jwt, now, false, header)?;
    Ok(Principal::Application(app_id))
}

fn check_times(jwt: &Jwt, now: i64, project: bool, header: &str) -> Result<(), ApiError> {
    let exp = int_claim(jwt, "exp", header)?;
    let iat = int_claim(jwt, "iat", header)?;
    if project {
        if exp.is_none() {
            return Err(ApiError::forbidden("missing_claim", format!("{header} JWT has no exp claim")));
        }
        if iat.is_none() {
            return Err(ApiError::forbidden("missing_claim", format!("{header} JWT has no iat claim")));
        }
    }
    if let Some(exp) = exp {
        if exp <= now {
            return Err(ApiError::forbidden(
                "expired",
                format!("{header} JWT expired: exp {exp} is {} s before the server time {now}", now - exp),
            ));
        }
    }
    if let Some(iat) = iat {
        if iat > now + CLOCK_LEEWAY_SECS {
            return Err(ApiError::forbidden(
                "iat_in_future",
                format!(
                    "{header} JWT issued time is in the future: iat {iat} is {} s after the server time {now} \
                     (leeway {CLOCK_LEEWAY_SECS} s); check the client's clock",
                    iat - now
                ),
            ));
        }
    }
    if let (true, Some(iat), Some(exp)) = (project, iat, exp) {
        if exp.saturating_sub(iat) > MAX_REST_JWT_LIFETIME_SECS + LIFETIME_LEEWAY_SECS {
            return Err(ApiError::forbidden(
                "lifetime_too_long",
                format!(
                    "{header} JWT lives {} s (exp {exp} - iat {iat}); at most {MAX_REST_JWT_LIFETIME_SECS} s is accepted",
                    exp.saturating_sub(iat)
                ),
            ));
        }
    }
    Ok(())
}

/// A claim that must be a non-empty JSON string when present (`Ok(None)` when absent or
/// `null`); any other type is refused (403 `bad_claim`), as the service does.
fn string_claim(jwt: &Jwt, name: &str, header: &str, what: &str) -> Result<Option<String>, ApiError> {
    match jwt.claims.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if !s.is_empty() => Ok(Some(s.clone())),
        Some(v) => Err(ApiError::forbidden(
            "bad_claim",
            format!("{header} JWT {name} claim must be a non-empty JSON string ({what}); got {v}"),
        )),
    }
}

/// A claim that must be a JSON integer (unix seconds) when present; strings, fractions and
/// numbers beyond 64 bits are refused (403 `bad_claim`).
fn int_claim(jwt: &Jwt, name: &str, header: &str) -> Result<Option<i64>, ApiError> {
    match jwt.claims.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) if n.as_i64().is_some() => Ok(n.as_i64()),
        Some(v) => Err(ApiError::forbidden(
            "bad_claim",
            format!("{header} JWT {name} claim must be a JSON integer (unix seconds); got {v}"),
        )),
    }
}
