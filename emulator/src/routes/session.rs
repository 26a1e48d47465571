//! `POST /session/create`: form body, JSON answer when the client accepts JSON, the legacy XML
//! document otherwise (Ruby, PHP and .NET parse XML and send no JSON `Accept`).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use opentok::{SessionId, SessionOptions};
use ring::rand::{SecureRandom, SystemRandom};
use serde_json::json;

use crate::api_error::ApiError;
use crate::auth::{self, Principal};
use crate::clock;
use crate::state::AppState;
use crate::store::SessionRecord;

/// Handles `POST /session/create`.
pub async fn create(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let principal = match auth::authenticate(&headers, state.registry(), clock::now_secs()) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let pairs = match parse_form(&body) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    match create_session(&state, principal.id(), &pairs) {
        Ok(record) => {
            if accepts_json(&headers) {
                json_answer(&record, &principal).into_response()
            } else {
                xml_answer(&record)
            }
        }
        Err(e) => e.into_response(),
    }
}

/// Parses an `application/x-www-form-urlencoded` body into ordered pairs.
pub fn parse_form(body: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .map_err(|e| ApiError::bad_request("invalid_argument", format!("body is not a valid form: {e}")))
}

/// Creates and stores a session for `owner_id` from the form fields an SDK sends (validated by
/// the core's [`SessionOptions::from_form`] and [`SessionOptions::validate`]).
pub fn create_session(state: &AppState, owner_id: &str, pairs: &[(String, String)]) -> Result<SessionRecord, ApiError> {
    let options = SessionOptions::from_form(pairs).map_err(|e| ApiError::from_core(&e))?;
    options.validate().map_err(|e| ApiError::from_core(&e))?;
    let created_at_ms = clock::now_ms();
    let flag = match options.effective_media_mode() {
        opentok::MediaMode::Relayed => "P",
        _ => "",
    };
    let location = options.location.as_deref().filter(|l| !l.is_empty());
    let session_id = mint_id(owner_id, location, created_at_ms, flag)?;
    let record = SessionRecord {
        session_id,
        project_id: owner_id.to_string(),
        media_mode: options.effective_media_mode().as_str().to_string(),
        archive_mode: options.effective_archive_mode().as_str().to_string(),
        location: location.map(str::to_string),
        e2ee: options.effective_e2ee(),
        archive_name: options.archive_name.clone(),
        archive_resolution: options.archive_resolution.map(|r| r.as_str().to_string()),
        create_dt: clock::create_dt(created_at_ms),
        created_at_ms,
    };
    state.store().insert_session(&record)?;
    Ok(record)
}

/// Mints a real-format id whose payload holds no `_` (the .NET SDK splits the id on `_` and
/// requires exactly two parts), with a 24-character random part like the service's.
fn mint_id(owner_id: &str, location: Option<&str>, created_at_ms: i64, flag: &str) -> Result<String, ApiError> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let rng = SystemRandom::new();
    for _ in 0..64 {
        let mut bytes = [0u8; 24];
        rng.fill(&mut bytes)
            .map_err(|_| ApiError::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, "random", "no randomness"))?;
        let random: String = bytes.iter().map(|b| ALPHABET[(b & 63) as usize] as char).collect();
        let id = SessionId::mint(owner_id, location, created_at_ms, &random, flag);
        if !id.as_str()[2..].contains('_') {
            return Ok(id.as_str().to_string());
        }
    }
    Err(ApiError::new(
        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        "session_id",
        "could not mint a session id without '_' in its payload",
    ))
}

/// True when the `Accept` header names JSON (`application/json` or a `+json` type).
pub fn accepts_json(headers: &HeaderMap) -> bool {
    headers.get_all(header::ACCEPT).iter().filter_map(|v| v.to_str().ok()).any(|v| {
        v.split(',').any(|item| {
            let media = item.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            media == "application/json" || (media.starts_with("application/") && media.ends_with("+json"))
        })
    })
}

fn json_answer(r: &SessionRecord, principal: &Principal) -> Json<serde_json::Value> {
    let mut obj = json!({
        "session_id": r.session_id,
        "project_id": r.project_id,
        "partner_id": r.project_id,
        "create_dt": r.create_dt,
        "session_status": null,
        "status_invalid": null,
        "media_server_hostname": null,
        "media_server_url": "",
        "messaging_server_url": null,
        "messaging_url": null,
        "symphony_address": null,
        "properties": null,
    });
    if let Principal::Application(id) = principal {
        obj["application_id"] = json!(id);
    }
    Json(json!([obj]))
}

fn xml_answer(r: &SessionRecord) -> Response {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <sessions><Session><session_id>{}</session_id><partner_id>{}</partner_id>\
         <create_dt>{}</create_dt></Session></sessions>",
        xml_escape(&r.session_id),
        xml_escape(&r.project_id),
        xml_escape(&r.create_dt)
    );
    ([(header::CONTENT_TYPE, HeaderValue::from_static("text/xml; charset=utf-8"))], body).into_response()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_negotiation() {
        let mut h = HeaderMap::new();
        assert!(!accepts_json(&h));
        h.insert(header::ACCEPT, HeaderValue::from_static("*/*"));
        assert!(!accepts_json(&h));
        h.insert(header::ACCEPT, HeaderValue::from_static("text/html, application/json;q=0.9"));
        assert!(accepts_json(&h));
    }

    #[test]
    fn minted_ids_have_no_underscore_in_payload() {
        for _ in 0..200 {
            let id = mint_id("123456", Some("1.2.3.4"), 1_700_000_000_000, "P").unwrap();
            assert!(id.starts_with("1_") && !id[2..].contains('_'));
            let parsed = SessionId::parse(&id).unwrap();
            assert_eq!(parsed.api_key(), "123456");
            assert_eq!(parsed.location(), Some("1.2.3.4"));
        }
    }

    #[test]
    fn form_parsing_keeps_order_and_decodes() {
        let p = parse_form(b"p2p.preference=disabled&archiveName=n+x&location=null").unwrap();
        assert_eq!(p[1], ("archiveName".into(), "n x".into()));
        assert_eq!(p.len(), 3);
    }
}
