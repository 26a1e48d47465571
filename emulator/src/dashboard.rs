//! The dashboard at `/`: one server-rendered HTML page (project keys, recent sessions) with a
//! little JavaScript that calls the `/emulator/v1/...` endpoints. No front-end build step.

use axum::extract::State;
use axum::response::Html;

use crate::api_error::ApiError;
use crate::projects::{DEV_API_KEY, DEV_API_SECRET};
use crate::sim::recordings::archives::{self, ArchiveDoc};
use crate::sim::recordings::broadcasts::{self, BroadcastDoc};
use crate::sim::recordings::Composition;
use crate::sim::resources::list;
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
        let archives = list::<ArchiveDoc>(state, None, Some(&s.session_id), None)?.into_iter().map(|r| {
            let a = r.doc;
            // A running archive can be made to fail (a simulation control).
            let action = a.is_running().then(|| {
                format!(
                    "<button type=\"button\" class=\"secondary fail-archive\" style=\"margin-top:0\" data-id=\"{}\">Fail</button>",
                    escape(&a.id)
                )
            });
            let label = [a.name.clone(), a.multi_archive_tag.clone()];
            (archives::KIND, a.id, a.status.as_str(), label, Some(a.duration), Some(a.size), action)
        });
        let broadcasts = list::<BroadcastDoc>(state, None, Some(&s.session_id), None)?.into_iter().map(|r| {
            let b = r.doc;
            (broadcasts::KIND, b.id, b.status.as_str(), [None, b.multi_broadcast_tag], None, None, None)
        });
        for (kind, id, status, label, duration, size, action) in archives.chain(broadcasts) {
            let label = label.into_iter().flatten().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ");
            let num = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
            recordings.push_str(&format!(
                "<tr><td class=\"id\">{}</td><td>{}</td><td class=\"id\">{}</td><td class=\"status\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&s.session_id),
                kind,
                escape(&id),
                escape(status),
                escape(&label),
                num(duration),
                num(size),
                action.unwrap_or_default(),
            ));
        }
    }
    let storage = escape(store.location());
    let keys = keys.join(" · ");
    Ok(fill(TEMPLATE, |name| match name {
        "PROJECT_KEYS" => Some(&keys),
        "STORAGE" => Some(&storage),
        "VERSION" => Some(env!("CARGO_PKG_VERSION")),
        "PROJECT_OPTIONS" => Some(&options),
        "SESSION_ROWS" => Some(&rows),
        "RECORDING_ROWS" => Some(&recordings),
        _ => None,
    }))
}

/// Fills the `{{NAME}}` placeholders of `template` in one pass: the template is scanned once,
/// each placeholder replaced by `value(NAME)` (already escaped HTML), and the substituted text
/// is never scanned again, so a stored name such as `{{SESSION_ROWS}}` stays text. Unknown
/// placeholders are left as they are.
pub fn fill<'a>(template: &str, value: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(template.len() + 4096);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}").and_then(|end| value(&after[..end]).map(|v| (end, v))) {
            Some((end, v)) => {
                out.push_str(v);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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
    fn fills_in_one_pass() {
        let v = |n: &str| match n {
            "A" => Some("{{B}}"),
            "B" => Some("<b>"),
            _ => None,
        };
        assert_eq!(fill("x{{A}}y{{B}}z{{C}}{{", v), "x{{B}}y<b>z{{C}}{{");
        assert_eq!(fill("{{{{A}}}}", v), "{{{{B}}}}");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
