//! The dashboard at `/`: one server-rendered HTML page (project keys, recent sessions) with a
//! little JavaScript that calls the `/emulator/v1/...` endpoints. No front-end build step.

use axum::extract::State;
use axum::response::Html;

use crate::api_error::ApiError;
use crate::projects::{DEV_API_KEY, DEV_API_SECRET};
use crate::state::AppState;

const TEMPLATE: &str = include_str!("dashboard.html");

/// Handles `GET /`.
pub async fn page(State(state): State<AppState>) -> Result<Html<String>, ApiError> {
    Ok(Html(render(&state)?))
}

/// Renders the page for the current state.
pub fn render(state: &AppState) -> Result<String, ApiError> {
    let reg = state.registry();
    let mut keys = Vec::new();
    let mut options = String::new();
    for p in reg.projects() {
        let dev = p.api_key == DEV_API_KEY && p.api_secret == DEV_API_SECRET;
        keys.push(if dev {
            format!("api key {} · secret {} (development project)", escape(&p.api_key), escape(&p.api_secret))
        } else {
            format!("api key {}", escape(&p.api_key))
        });
        options.push_str(&format!("<option value=\"{0}\">{0}</option>", escape(&p.api_key)));
    }
    for a in reg.applications() {
        keys.push(format!("application {}", escape(&a.application_id)));
        options.push_str(&format!("<option value=\"{0}\">application {0}</option>", escape(&a.application_id)));
    }
    let store = state.store();
    let mut rows = String::new();
    for s in store.sessions(100)? {
        let n = store.connection_count(&s.session_id)?;
        let archive = match &s.archive_name {
            Some(name) => format!("{} ({})", s.archive_mode, name),
            None => s.archive_mode.clone(),
        };
        rows.push_str(&format!(
            "<tr><td class=\"id\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&s.session_id),
            escape(&s.project_id),
            escape(&s.media_mode),
            escape(&archive),
            escape(s.location.as_deref().unwrap_or("")),
            if s.e2ee { "yes" } else { "" },
            escape(&s.create_dt),
            n
        ));
    }
    let mut recordings = String::new();
    for s in store.sessions(100)? {
        for kind in [crate::routes::archives::KIND, crate::routes::broadcasts::KIND] {
            for r in store.resources(kind, None, Some(&s.session_id), None)? {
                let d = &r.doc;
                let text = |k: &str| d[k].as_str().map(str::to_string).unwrap_or_default();
                let num = |k: &str| d[k].as_i64().map(|n| n.to_string()).unwrap_or_default();
                let label = [text("name"), text("multiArchiveTag"), text("multiBroadcastTag")]
                    .into_iter()
                    .filter(|x| !x.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                recordings.push_str(&format!(
                    "<tr><td class=\"id\">{}</td><td>{}</td><td class=\"id\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(&s.session_id),
                    kind,
                    escape(&r.id),
                    escape(&text("status")),
                    escape(&label),
                    num("duration"),
                    num("size"),
                ));
            }
        }
    }
    Ok(TEMPLATE
        .replace("{{RECORDING_ROWS}}", &recordings)
        .replace("{{PROJECT_KEYS}}", &keys.join(" · "))
        .replace("{{STORAGE}}", &escape(store.location()))
        .replace("{{VERSION}}", env!("CARGO_PKG_VERSION"))
        .replace("{{PROJECT_OPTIONS}}", &options)
        .replace("{{SESSION_ROWS}}", &rows))
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
