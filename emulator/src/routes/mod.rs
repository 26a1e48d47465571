//! The HTTP routes: REST API, emulator-only API, dashboard.

pub mod clients;
pub mod dashboard_api;
pub mod project;
pub mod session;

use axum::routing::{delete, get, post};
use axum::Router;

use crate::state::AppState;

/// Largest request body accepted (forms, tokens); bigger ones get 413.
pub const BODY_LIMIT: usize = 64 * 1024;

/// Builds the router of the whole server.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(crate::dashboard::page))
        .route("/healthz", get(healthz))
        .route("/session/create", post(session::create))
        .route("/v2/project/{projectId}/session/{sessionId}/connection", get(project::list_connections))
        .route(
            "/v2/project/{projectId}/session/{sessionId}/connection/{connectionId}",
            delete(project::force_disconnect),
        )
        .route("/emulator/v1/info", get(dashboard_api::info))
        .route("/emulator/v1/sessions", get(dashboard_api::list_sessions).post(dashboard_api::create))
        .route("/emulator/v1/sessions/{sessionId}", get(dashboard_api::get_session))
        .route("/emulator/v1/sessions/{sessionId}/connections", get(clients::list).post(clients::connect))
        .route("/emulator/v1/sessions/{sessionId}/connections/{connectionId}", delete(clients::disconnect))
        .route("/emulator/v1/tokens", post(dashboard_api::mint_token))
        .route("/emulator/v1/tokens/inspect", post(dashboard_api::inspect_token))
        .fallback(not_found)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state)
}

async fn healthz() -> &'static str {
    "ok"
}

async fn not_found(uri: axum::http::Uri) -> crate::api_error::ApiError {
    crate::api_error::ApiError::not_found("no_route", format!("no such resource: {}", uri.path()))
}
