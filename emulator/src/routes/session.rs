//! `POST /session/create`: form body, JSON answer when the client accepts JSON, the legacy XML
//! document otherwise (Ruby, PHP and .NET parse XML and send no JSON `Accept`).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::api_error::ApiError;
use crate::auth::{self, Principal};
use crate::clock;
use crate::sim::sessions::create_session;
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
    fn form_parsing_keeps_order_and_decodes() {
        let p = parse_form(b"p2p.preference=disabled&archiveName=n+x&location=null").unwrap();
        assert_eq!(p[1], ("archiveName".into(), "n x".into()));
        assert_eq!(p.len(), 3);
    }
}
