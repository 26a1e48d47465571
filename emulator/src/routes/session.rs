//! `POST /session/create`: form body, JSON answer when the client accepts JSON, the legacy XML
//! document otherwise (Ruby, PHP and .NET parse XML and send no JSON `Accept`).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;

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

/// One session of the JSON answer, fields in the order the service writes them (alphabetical).
#[derive(serde::Serialize)]
struct CreatedJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    application_id: Option<&'a str>,
    create_dt: &'a str,
    media_server_hostname: Option<()>,
    media_server_url: &'a str,
    messaging_server_url: Option<()>,
    messaging_url: Option<()>,
    partner_id: &'a str,
    project_id: &'a str,
    properties: Option<()>,
    session_id: &'a str,
    session_status: Option<()>,
    status_invalid: Option<()>,
    symphony_address: Option<()>,
}

fn json_answer<'a>(r: &'a SessionRecord, principal: &'a Principal) -> Json<[CreatedJson<'a>; 1]> {
    Json([CreatedJson {
        application_id: match principal {
            Principal::Application(id) => Some(id),
            Principal::Project(_) => None,
        },
        create_dt: &r.create_dt,
        media_server_hostname: None,
        media_server_url: "",
        messaging_server_url: None,
        messaging_url: None,
        partner_id: &r.project_id,
        project_id: &r.project_id,
        properties: None,
        session_id: &r.session_id,
        session_status: None,
        status_invalid: None,
        symphony_address: None,
    }])
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
    fn the_json_answer_has_every_field_the_service_writes() {
        let r = SessionRecord {
            session_id: "1_MX4xMjM0NTZ-fjE3MDA".into(),
            project_id: "123456".into(),
            media_mode: "routed".into(),
            archive_mode: "manual".into(),
            location: None,
            e2ee: false,
            archive_name: None,
            archive_resolution: None,
            create_dt: "Mon Nov 14 22:13:20 PST 2023".into(),
            created_at_ms: 1_700_000_000_000,
        };
        let nulls = [
            "media_server_hostname",
            "messaging_server_url",
            "messaging_url",
            "properties",
            "session_status",
            "status_invalid",
            "symphony_address",
        ];
        let expected = |app: Option<&str>| {
            let mut o = serde_json::json!({
                "session_id": r.session_id, "project_id": "123456", "partner_id": "123456",
                "create_dt": r.create_dt, "media_server_url": "",
            });
            for k in nulls {
                o[k] = serde_json::Value::Null;
            }
            if let Some(app) = app {
                o["application_id"] = app.into();
            }
            serde_json::json!([o])
        };
        let text = serde_json::to_string(&json_answer(&r, &Principal::Project("123456".into())).0).unwrap();
        assert!(text.starts_with(r#"[{"create_dt":"#), "{text}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), expected(None));
        let app = Principal::Application("app-1".into());
        assert_eq!(serde_json::to_value(json_answer(&r, &app).0).unwrap(), expected(Some("app-1")));
    }

    #[test]
    fn form_parsing_keeps_order_and_decodes() {
        let p = parse_form(b"p2p.preference=disabled&archiveName=n+x&location=null").unwrap();
        assert_eq!(p[1], ("archiveName".into(), "n x".into()));
        assert_eq!(p.len(), 3);
    }
}
