//! Small JSON endpoints under `/emulator/v1/` used by the dashboard (and handy in tests):
//! server info, sessions, creating a session without a REST JWT, minting and inspecting tokens.
//! Token minting and inspection are the core's ([`opentok::generate_token_at`],
//! [`opentok::explain_token_at`], at the simulated clock's time).

use std::str::FromStr;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use opentok::{DecodedToken, Expiry, Role, SessionId, TokenFormat, TokenOptions};
use ring::rand::{SecureRandom, SystemRandom};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::sim::sessions::{create_session, require_session};
use crate::state::AppState;

/// Handles `GET /emulator/v1/info`: version, projects (keys only) and applications.
pub async fn info(State(state): State<AppState>) -> Json<Value> {
    let reg = state.registry();
    let projects: Vec<Value> = reg
        .projects()
        .map(|p| {
            let dev = p.api_key == crate::projects::DEV_API_KEY && p.api_secret == crate::projects::DEV_API_SECRET;
            json!({
                "apiKey": p.api_key,
                // Only the well-known development secret is shown; real ones never leave.
                "apiSecret": if dev { Some(p.api_secret.as_str()) } else { None },
            })
        })
        .collect();
    let applications: Vec<&str> = reg.applications().map(|a| a.application_id.as_str()).collect();
    Json(json!({
        "version": env!("CARGO_PKG_VERSION"),
        "coreVersion": opentok::VERSION,
        "projects": projects,
        "applications": applications,
        "storage": state.store().location(),
    }))
}

/// Query of `GET /emulator/v1/sessions`.
#[derive(Deserialize)]
pub struct ListQuery {
    limit: Option<u32>,
}

/// Handles `GET /emulator/v1/sessions?limit=N`: newest sessions with their connection counts.
pub async fn list_sessions(State(state): State<AppState>, Query(q): Query<ListQuery>) -> Response {
    let store = state.store();
    let result = (|| -> Result<Value, ApiError> {
        let total = store.session_count()?;
        let mut items = Vec::new();
        for s in store.sessions(q.limit.unwrap_or(50).min(1000))? {
            let n = store.connection_count(&s.session_id)?;
            let mut v = serde_json::to_value(&s).unwrap_or(Value::Null);
            v["connectionCount"] = json!(n);
            items.push(v);
        }
        Ok(json!({ "count": total, "items": items }))
    })();
    match result {
        Ok(v) => Json(v).into_response(),
        Err(e) => e.into_response(),
    }
}

/// Handles `GET /emulator/v1/sessions/{sessionId}`.
pub async fn get_session(State(state): State<AppState>, Path(session_id): Path<String>) -> Response {
    match require_session(&state, &session_id) {
        Ok(s) => Json(s).into_response(),
        Err(e) => e.into_response(),
    }
}

/// Handles `POST /emulator/v1/sessions`: a JSON object (sent as `application/json`, which
/// the guard enforces) of the same fields as the `/session/create` form plus `project` (API key;
/// default: the first project), without a REST JWT. Values are strings, booleans or numbers.
/// Answers 201 with the stored session.
pub async fn create(State(state): State<AppState>, body: Bytes) -> Response {
    let result = (|| {
        let mut pairs = json_fields(&body)?;
        let project = match pairs.iter().position(|(k, _)| k == "project") {
            Some(i) => pairs.remove(i).1,
            None => state
                .registry()
                .projects()
                .next()
                .map(|p| p.api_key.clone())
                .ok_or_else(|| ApiError::bad_request("invalid_argument", "no project is served"))?,
        };
        if state.registry().owner_kind(&project).is_none() {
            return Err(ApiError::bad_request(
                "invalid_argument",
                format!("project: no project or application {project:?} is served here"),
            ));
        }
        create_session(&state, &project, &pairs)
    })();
    match result {
        Ok(s) => (StatusCode::CREATED, Json(s)).into_response(),
        Err(e) => e.into_response(),
    }
}

/// The fields of a JSON object body as form pairs (strings as they are, booleans and numbers
/// as their JSON text; `null` = absent).
fn json_fields(body: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    let mut pairs = Vec::new();
    for (k, v) in crate::fields::body_object(body)? {
        let text = match v {
            Value::Null => continue,
            Value::String(s) => s,
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            other => {
                return Err(ApiError::bad_request(
                    "invalid_argument",
                    format!("invalid {k}: must be a string, boolean or number (got {other})"),
                ))
            }
        };
        pairs.push((k, text));
    }
    Ok(pairs)
}

/// Body of `POST /emulator/v1/tokens`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct TokenRequest {
    session_id: String,
    role: Option<String>,
    /// Absolute expiry, unix seconds (string or number).
    expire_time: Option<Value>,
    /// Relative expiry, seconds from now.
    expires_in: Option<u64>,
    data: Option<String>,
    /// Space-separated string or array of class names.
    initial_layout_class_list: Option<Value>,
    /// `jwt` (default) or `t1`.
    format: Option<String>,
}

/// Handles `POST /emulator/v1/tokens`: mints a client token with the core for the project
/// that owns the session, at the simulated clock's time.
pub async fn mint_token(State(state): State<AppState>, body: Bytes) -> Response {
    let result = (|| -> Result<Value, ApiError> {
        let req: TokenRequest = serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request("invalid_argument", format!("body must be a JSON object: {e}")))?;
        let sid = SessionId::parse(req.session_id.trim()).map_err(|e| ApiError::from_core(&e))?;
        let credentials = state.credentials(sid.api_key()).ok_or_else(|| {
            ApiError::bad_request(
                "invalid_argument",
                format!(
                    "session_id: belongs to {:?}, which is not a project served here (application tokens need the private key, which the emulator never holds)",
                    sid.api_key()
                ),
            )
        })?;
        let mut options = TokenOptions::default();
        if let Some(role) = req.role.as_deref().filter(|r| !r.is_empty()) {
            options.role = Role::from_str(role).map_err(|e| ApiError::from_core(&e))?;
        }
        options.expire = match (&req.expire_time, req.expires_in) {
            (Some(Value::String(s)), _) if !s.trim().is_empty() => {
                Some(Expiry::parse(s.trim()).map_err(|e| ApiError::from_core(&e))?)
            }
            (Some(Value::Number(n)), _) => Some(Expiry::parse(&n.to_string()).map_err(|e| ApiError::from_core(&e))?),
            (_, Some(secs)) => Some(Expiry::In(Duration::from_secs(secs))),
            _ => None,
        };
        options.data = req.data.filter(|d| !d.is_empty());
        options.initial_layout_class_list = match req.initial_layout_class_list {
            Some(Value::String(s)) => s.split_whitespace().map(str::to_string).collect(),
            Some(Value::Array(items)) => items.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
            _ => Vec::new(),
        };
        if let Some(format) = req.format.as_deref().filter(|f| !f.trim().is_empty()) {
            options.format = TokenFormat::from_str(format).map_err(|e| ApiError::from_core(&e))?;
        }
        // Minted at the simulated clock's now, so `expiresIn` counts from the emulator's time.
        let mut nonce = [0u8; 4];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "random", "no randomness"))?;
        let token =
            opentok::generate_token_at(credentials, sid.as_str(), &options, state.clock().now_secs(), u32::from_be_bytes(nonce))
                .map_err(|e| ApiError::from_core(&e))?;
        Ok(json!({ "token": token }))
    })();
    match result {
        Ok(v) => Json(v).into_response(),
        Err(e) => e.into_response(),
    }
}

/// Body of `POST /emulator/v1/tokens/inspect`.
#[derive(Deserialize)]
pub struct InspectRequest {
    token: String,
}

/// Handles `POST /emulator/v1/tokens/inspect`: the core's explanation of a token (claims and a
/// verdict, at the simulated clock's time), verified with the key of the project it names when
/// that project is served here.
pub async fn inspect_token(State(state): State<AppState>, body: Bytes) -> Response {
    let req: InspectRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return ApiError::bad_request("invalid_argument", format!("body must be {{\"token\": \"...\"}}: {e}")).into_response()
        }
    };
    let token = req.token.trim();
    let key = opentok::decode_token(token).ok().and_then(|d| d.project_id).and_then(|p| state.registry().verify_key(&p));
    let known_project = key.is_some();
    // Judged at the simulated clock's now, as a connect would be.
    let explanation = opentok::explain_token_at(token, key.as_ref(), state.clock().now_secs());
    Json(json!({
        "valid": explanation.valid,
        "verdict": explanation.verdict,
        "verifiedWithProjectKey": known_project,
        "decoded": explanation.decoded.as_ref().map(decoded_json),
    }))
    .into_response()
}

fn decoded_json(d: &DecodedToken) -> Value {
    json!({
        "format": d.format.as_str().to_ascii_lowercase(),
        "algorithm": d.algorithm,
        "projectId": d.project_id,
        "sessionId": d.session_id,
        "role": d.role,
        "issuedAt": d.issued_at,
        "expiresAt": d.expires_at,
        "connectionData": d.connection_data,
        "initialLayoutClassList": d.initial_layout_class_list,
        "nonce": d.nonce,
        "claims": d.claims,
    })
}

fn session_resources(state: &AppState, session_id: &str, kind: &str) -> Response {
    let result = require_session(state, session_id).and_then(|_| {
        let items: Vec<Value> = state.store().resources(kind, None, Some(session_id), None)?.into_iter().map(|r| r.doc).collect();
        Ok(json!({ "count": items.len(), "items": items }))
    });
    match result {
        Ok(v) => Json(v).into_response(),
        Err(e) => e.into_response(),
    }
}

/// Handles `GET /emulator/v1/sessions/{sessionId}/archives`: the session's archives, newest first.
pub async fn session_archives(State(state): State<AppState>, Path(session_id): Path<String>) -> Response {
    session_resources(&state, &session_id, crate::sim::recordings::archives::KIND)
}

/// Handles `GET /emulator/v1/sessions/{sessionId}/broadcasts`: the session's broadcasts, newest first.
pub async fn session_broadcasts(State(state): State<AppState>, Path(session_id): Path<String>) -> Response {
    session_resources(&state, &session_id, crate::sim::recordings::broadcasts::KIND)
}
