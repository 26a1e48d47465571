//! The HTTP routes: REST API, emulator-only API, dashboard.

pub mod archives;
pub mod audio_connector;
pub mod broadcasts;
pub mod callbacks;
pub mod captions;
pub mod clients;
pub mod composition;
pub mod connections;
pub mod dashboard_api;
pub mod http;
pub mod renders;
pub mod session;
pub mod signals;
pub mod simulation;
pub mod sip;
pub mod streams;

use axum::routing::{delete, get, patch, post, put};
use axum::Router;

use crate::state::AppState;
use archives::Archive;
use broadcasts::Broadcast;
use captions::Captions;

/// Largest request body accepted (forms, tokens); bigger ones get 413.
pub const BODY_LIMIT: usize = 64 * 1024;

/// Builds the router of the whole server.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(crate::dashboard::page))
        .route("/healthz", get(healthz))
        .route("/session/create", post(session::create))
        .route("/v2/project/{projectId}/session/{sessionId}/connection", get(connections::list_connections))
        .route("/v2/project/{projectId}/session/{sessionId}/connection/{connectionId}", delete(connections::force_disconnect))
        .route("/v2/project/{projectId}/archive", post(archives::start).get(http::list_owned::<Archive>))
        .route("/v2/project/{projectId}/archive/{id}", get(http::get_owned::<Archive>).delete(archives::delete))
        .route("/v2/project/{projectId}/archive/{id}/stop", post(archives::stop))
        .route("/v2/project/{projectId}/archive/{id}/layout", put(composition::put_layout::<Archive>))
        .route("/v2/project/{projectId}/archive/{id}/streams", patch(composition::patch_stream_list::<Archive>))
        .route("/v2/project/{projectId}/broadcast", post(broadcasts::start).get(http::list_owned::<Broadcast>))
        .route("/v2/project/{projectId}/broadcast/", post(broadcasts::start).get(http::list_owned::<Broadcast>))
        .route("/v2/project/{projectId}/broadcast/{id}", get(http::get_owned::<Broadcast>))
        .route("/v2/project/{projectId}/broadcast/{id}/stop", post(broadcasts::stop))
        .route("/v2/project/{projectId}/broadcast/{id}/layout", put(composition::put_layout::<Broadcast>))
        .route("/v2/project/{projectId}/broadcast/{id}/streams", patch(composition::patch_stream_list::<Broadcast>))
        .route("/v2/project/{projectId}/session/{sessionId}/stream", get(streams::list).put(streams::set_class_lists))
        .route("/v2/project/{projectId}/session/{sessionId}/stream/", get(streams::list).put(streams::set_class_lists))
        .route("/v2/project/{projectId}/session/{sessionId}/stream/{streamId}", get(streams::get))
        .route("/v2/project/{projectId}/session/{sessionId}/stream/{streamId}/mute", post(streams::mute_one))
        .route("/v2/project/{projectId}/session/{sessionId}/mute", post(streams::mute_all))
        .route("/v2/project/{projectId}/session/{sessionId}/signal", post(signals::to_session))
        .route("/v2/project/{projectId}/session/{sessionId}/connection/", get(connections::list_connections))
        .route("/v2/project/{projectId}/session/{sessionId}/connection/{connectionId}/signal", post(signals::to_connection))
        .route("/v2/project/{projectId}/session/{sessionId}/connection/{connectionId}/play-dtmf", post(sip::dtmf_connection))
        .route("/v2/project/{projectId}/session/{sessionId}/play-dtmf", post(sip::dtmf_session))
        .route("/v2/project/{projectId}/dial", post(sip::dial))
        .route("/v2/project/{projectId}/call", post(sip::dial))
        .route("/v2/project/{projectId}/captions", post(captions::start))
        .route("/v2/project/{projectId}/captions/{id}", get(http::get_owned::<Captions>))
        .route("/v2/project/{projectId}/captions/{id}/stop", post(captions::stop))
        .route("/v2/project/{projectId}/render", post(renders::start).get(renders::list))
        .route("/v2/project/{projectId}/render/{id}", get(renders::get).post(renders::get).delete(renders::stop))
        .route("/v2/project/{projectId}/connect", post(audio_connector::connect))
        .route("/v2/project/{projectId}/connect/{id}/stop", post(audio_connector::stop))
        .route("/v2/project/{projectId}/callback", get(callbacks::list).post(callbacks::register))
        .route("/v2/project/{projectId}/callback/{id}", delete(callbacks::delete))
        .route("/emulator/v1/info", get(dashboard_api::info))
        .route("/emulator/v1/sessions", get(dashboard_api::list_sessions).post(dashboard_api::create))
        .route("/emulator/v1/sessions/{sessionId}", get(dashboard_api::get_session))
        .route("/emulator/v1/sessions/{sessionId}/connections", get(clients::list).post(clients::connect))
        .route("/emulator/v1/sessions/{sessionId}/connections/{connectionId}", delete(clients::disconnect))
        .route("/emulator/v1/sessions/{sessionId}/connections/{connectionId}/streams", post(streams::emulator_publish))
        .route(
            "/emulator/v1/sessions/{sessionId}/connections/{connectionId}/streams/{streamId}",
            delete(streams::emulator_unpublish),
        )
        .route("/emulator/v1/sessions/{sessionId}/connections/{connectionId}/signals", get(signals::received))
        .route("/emulator/v1/sessions/{sessionId}/streams", get(streams::emulator_list))
        .route("/emulator/v1/sessions/{sessionId}/dtmf", get(sip::emulator_dtmf))
        .route("/emulator/v1/sessions/{sessionId}/archives", get(dashboard_api::session_archives))
        .route("/emulator/v1/sessions/{sessionId}/broadcasts", get(dashboard_api::session_broadcasts))
        .route("/emulator/v1/audio-connectors/{id}", get(audio_connector::emulator_get))
        .route("/emulator/v1/clock", get(simulation::get_clock).post(simulation::advance_clock))
        .route("/emulator/v1/deliveries", get(simulation::list_deliveries))
        .route("/emulator/v1/deliveries/{id}", get(simulation::get_delivery))
        .route("/emulator/v1/deliveries/{id}/replay", post(simulation::replay_delivery))
        .route("/emulator/v1/archives/{id}/fail", post(simulation::fail_archive))
        .route(
            "/emulator/v1/projects/{projectId}/callback-url",
            get(simulation::get_project_url).put(simulation::put_project_url).delete(simulation::delete_project_url),
        )
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
