//! `POST /session/create` against the real binary: the core client (JSON), raw forms as other
//! SDKs send them, XML for clients without a JSON Accept, 400 rule violations, health.

mod common;

use common::*;
use opentok::{ArchiveMode, ArchiveResolution, MediaMode, SessionId, SessionOptions};

#[tokio::test]
async fn healthz_and_dashboard_answer() {
    let emu = Emulator::start_in_memory(&[]);
    let res = http().get(format!("{}/healthz", emu.url)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let page = http().get(format!("{}/", emu.url)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Generate Session"));
    assert!(html.contains(KEY));
    let missing = http().get(format!("{}/nope", emu.url)).send().await.unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn core_client_creates_every_kind_of_session() {
    let emu = Emulator::start_in_memory(&[]);
    let client = project_client(&emu.url);
    let cases = [
        SessionOptions::default(),
        SessionOptions { media_mode: Some(MediaMode::Routed), ..Default::default() },
        SessionOptions {
            media_mode: Some(MediaMode::Routed),
            archive_mode: Some(ArchiveMode::Always),
            archive_name: Some("my archive".into()),
            archive_resolution: Some(ArchiveResolution::Hd),
            ..Default::default()
        },
        SessionOptions { location: Some("12.34.56.78".into()), ..Default::default() },
        SessionOptions { media_mode: Some(MediaMode::Routed), e2ee: Some(true), ..Default::default() },
    ];
    let mut ids = std::collections::HashSet::new();
    for opts in &cases {
        let s = client.create_session(opts).await.unwrap();
        let id = SessionId::parse(&s.session_id).unwrap();
        assert_eq!(id.api_key(), KEY);
        assert!(id.belongs_to(KEY));
        assert_eq!(id.location(), opts.location.as_deref());
        assert!(id.created_at_ms().unwrap() > 1_700_000_000_000);
        assert!(!s.session_id[2..].contains('_'), ".NET splits on '_'");
        assert_eq!(s.project_id.as_deref(), Some(KEY));
        assert!(ids.insert(s.session_id.clone()));
        let stored: serde_json::Value =
            http().get(format!("{}/emulator/v1/sessions/{}", emu.url, s.session_id)).send().await.unwrap().json().await.unwrap();
        assert_eq!(stored["mediaMode"], opts.effective_media_mode().as_str());
        assert_eq!(stored["archiveMode"], opts.effective_archive_mode().as_str());
        assert_eq!(stored["e2ee"], opts.effective_e2ee());
        assert_eq!(stored["archiveName"].as_str(), opts.archive_name.as_deref());
        assert_eq!(stored["archiveResolution"].as_str(), opts.archive_resolution.map(|r| r.as_str()));
    }
}

#[tokio::test]
async fn json_answer_has_the_service_fields() {
    let emu = Emulator::start_in_memory(&[]);
    let (status, ct, body) =
        create_raw(&emu.url, Some(("X-OPENTOK-AUTH", rest_jwt())), Some("application/json"), "p2p.preference=enabled").await;
    assert_eq!(status, 200, "{body}");
    assert!(ct.starts_with("application/json"));
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 1);
    for f in ["session_id", "project_id", "partner_id", "create_dt", "media_server_url"] {
        assert!(arr[0].get(f).is_some(), "missing {f}");
    }
    assert_eq!(arr[0]["partner_id"], KEY);
    assert!(arr[0]["create_dt"].as_str().unwrap().contains(" UTC "));
}

#[tokio::test]
async fn no_accept_header_gets_xml() {
    let emu = Emulator::start_in_memory(&[]);
    for accept in [None, Some("*/*")] {
        let (status, ct, body) = create_raw(&emu.url, Some(("X-OPENTOK-AUTH", rest_jwt())), accept, "").await;
        assert_eq!(status, 200, "{body}");
        assert!(ct.starts_with("text/xml"), "{ct}");
        assert!(body.starts_with("<?xml"));
        let start = body.find("<session_id>").unwrap() + "<session_id>".len();
        let end = body.find("</session_id>").unwrap();
        let id = SessionId::parse(&body[start..end]).unwrap();
        assert_eq!(id.api_key(), KEY);
        assert!(body.contains(&format!("<partner_id>{KEY}</partner_id>")));
        assert!(body.contains("<sessions><Session>"));
    }
}

#[tokio::test]
async fn accepts_the_stray_fields_official_sdks_send() {
    let emu = Emulator::start_in_memory(&[]);
    let bodies = [
        // PHP
        "archiveMode=manual&e2ee=false&p2p.preference=enabled&api_key=123456",
        // .NET
        "location=&p2p.preference=enabled&archiveMode=manual&e2ee=False",
        // @vonage/video
        "archiveMode=manual&location=null&p2p.preference=disabled",
        // vonage-video (Python)
        "location=1.2.3.4&media_mode=relayed&e2ee=False&p2p.preference=enabled",
        // old vonage-video: `always` for relayed
        "p2p.preference=always",
        // Python, fully optioned
        "p2p.preference=disabled&archiveMode=always&archiveName=n+x&archiveResolution=1280x720&location=12.34.56.78&e2ee=false",
        // .NET e2ee
        "p2p.preference=disabled&e2ee=True",
    ];
    for form in bodies {
        let (status, _, body) = create_raw(&emu.url, Some(("X-OPENTOK-AUTH", rest_jwt())), Some("application/json"), form).await;
        assert_eq!(status, 200, "{form}: {body}");
    }
}

#[tokio::test]
async fn rule_violations_answer_400_with_json_error() {
    let emu = Emulator::start_in_memory(&[]);
    let cases = [
        ("p2p.preference=enabled&archiveMode=always", "archiveMode"),
        ("p2p.preference=sideways", "p2p.preference"),
        ("location=not-an-ip", "location"),
        ("p2p.preference=disabled&archiveMode=manual&archiveName=x", "archiveName"),
        ("p2p.preference=disabled&archiveMode=always&archiveResolution=1x1", "1x1"),
        ("p2p.preference=enabled&e2ee=true", "e2ee"),
        ("e2ee=maybe", "e2ee"),
    ];
    for (form, needle) in cases {
        let (status, ct, body) = create_raw(&emu.url, Some(("X-OPENTOK-AUTH", rest_jwt())), Some("application/json"), form).await;
        assert_eq!(status, 400, "{form}: {body}");
        assert!(ct.starts_with("application/json"));
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["code"], 400);
        assert!(v["message"].as_str().unwrap().contains(needle), "{form}: {body}");
    }
    // The core client reports the same refusal as its own validation would.
    let total: serde_json::Value =
        http().get(format!("{}/emulator/v1/sessions", emu.url)).send().await.unwrap().json().await.unwrap();
    assert_eq!(total["count"], 0, "refused creates must not store sessions");
}

#[tokio::test]
async fn application_creates_sessions_with_bearer_rs256() {
    let emu = Emulator::start_in_memory(&["--application", &application_arg()]);
    let client = application_client(&emu.url);
    let s = client.create_session(&SessionOptions { media_mode: Some(MediaMode::Routed), ..Default::default() }).await.unwrap();
    assert_eq!(SessionId::parse(&s.session_id).unwrap().api_key(), APP_ID);
    // The development project is still served next to the application.
    project_client(&emu.url).create_session(&SessionOptions::default()).await.unwrap();
}
