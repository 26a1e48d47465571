//! The dashboard's JSON endpoints: creating sessions without a JWT, minting and inspecting
//! tokens through the core, listing what the emulator holds.

mod common;

use common::*;
use serde_json::{json, Value};

/// Changes one whole base64url character inside the signature (never the last one, whose low
/// bits a lenient decoder may ignore).
fn tamper(token: &str) -> String {
    let i = token.len() - 10;
    let c = if &token[i..i + 1] == "A" { "B" } else { "A" };
    format!("{}{}{}", &token[..i], c, &token[i + 1..])
}

async fn post_json(url: &str, body: Value) -> (u16, Value) {
    let res = http().post(url).json(&body).send().await.unwrap();
    (res.status().as_u16(), res.json().await.unwrap())
}

async fn dashboard_create(url: &str, body: Value) -> (u16, Value) {
    post_json(&format!("{url}/emulator/v1/sessions"), body).await
}

#[tokio::test]
async fn create_mint_inspect_connect() {
    let emu = Emulator::start_in_memory(&[]);
    let (status, s) = dashboard_create(
        &emu.url,
        json!({"project": "123456", "p2p.preference": "disabled", "archiveMode": "always", "archiveName": "demo",
               "archiveResolution": "1920x1080", "location": "1.2.3.4", "e2ee": false}),
    )
    .await;
    assert_eq!(status, 201, "{s}");
    let sid = s["sessionId"].as_str().unwrap().to_string();
    assert_eq!(s["archiveResolution"], "1920x1080");

    let (status, err) = dashboard_create(&emu.url, json!({"p2p.preference": "enabled", "archiveMode": "always"})).await;
    assert_eq!(status, 400);
    assert!(err["message"].as_str().unwrap().contains("archiveMode"));
    let (status, _) = dashboard_create(&emu.url, json!({"project": 42})).await;
    assert_eq!(status, 400);

    let (status, t) = post_json(
        &format!("{}/emulator/v1/tokens", emu.url),
        json!({"sessionId": sid, "role": "moderator", "expiresIn": 600, "data": "name=Al", "initialLayoutClassList": "focus full"}),
    )
    .await;
    assert_eq!(status, 200, "{t}");
    let token = t["token"].as_str().unwrap().to_string();

    let (status, i) = post_json(&format!("{}/emulator/v1/tokens/inspect", emu.url), json!({"token": token})).await;
    assert_eq!(status, 200);
    assert_eq!(i["valid"], true, "{i}");
    assert_eq!(i["verifiedWithProjectKey"], true);
    assert_eq!(i["decoded"]["role"], "moderator");
    assert_eq!(i["decoded"]["sessionId"], sid.as_str());
    assert_eq!(i["decoded"]["connectionData"], "name=Al");
    let exp = i["decoded"]["expiresAt"].as_i64().unwrap();
    assert!((exp - now() - 600).abs() <= 5);

    let (status, t1) = post_json(
        &format!("{}/emulator/v1/tokens", emu.url),
        json!({"sessionId": sid, "format": "t1", "expireTime": (now() + 100).to_string()}),
    )
    .await;
    assert_eq!(status, 200, "{t1}");
    assert!(t1["token"].as_str().unwrap().starts_with("T1=="));

    let (status, bad) = post_json(&format!("{}/emulator/v1/tokens", emu.url), json!({"sessionId": sid, "role": "boss"})).await;
    assert_eq!(status, 400);
    assert!(bad["message"].as_str().unwrap().contains("role"));
    let (status, _) = post_json(&format!("{}/emulator/v1/tokens", emu.url), json!({"sessionId": "nope"})).await;
    assert_eq!(status, 400);

    let (status, tampered) =
        post_json(&format!("{}/emulator/v1/tokens/inspect", emu.url), json!({"token": tamper(&token)})).await;
    assert_eq!(status, 200);
    assert_eq!(tampered["valid"], false);

    let (status, c) = connect(&emu.url, &sid, &token).await;
    assert_eq!(status, 201, "{c}");
    let listed: Value = http().get(format!("{}/emulator/v1/sessions", emu.url)).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed["count"], 1);
    assert_eq!(listed["items"][0]["connectionCount"], 1);

    let info: Value = http().get(format!("{}/emulator/v1/info", emu.url)).send().await.unwrap().json().await.unwrap();
    assert_eq!(info["projects"][0]["apiKey"], KEY);

    // The server-rendered page lists the session.
    let html = http().get(format!("{}/", emu.url)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains(&sid));
}

#[tokio::test]
async fn custom_project_secret_is_never_shown() {
    let emu = Emulator::start_in_memory(&["--project", "4242:supersecretvalue"]);
    let html = http().get(format!("{}/", emu.url)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("4242"));
    assert!(!html.contains("supersecretvalue"));
    let info = http().get(format!("{}/emulator/v1/info", emu.url)).send().await.unwrap().text().await.unwrap();
    assert!(!info.contains("supersecretvalue"));
}

/// Stored names holding the page's own placeholders stay text: the page is filled in one pass.
#[tokio::test]
async fn placeholders_in_names_are_not_expanded() {
    let emu = Emulator::start_in_memory(&[]);
    let page = |url: String| async move { http().get(format!("{url}/")).send().await.unwrap().text().await.unwrap() };
    let baseline = page(emu.url.clone()).await;

    let evil = "{{SESSION_ROWS}}{{RECORDING_ROWS}}{{PROJECT_KEYS}}{{PROJECT_OPTIONS}}{{STORAGE}}";
    let (status, s) =
        dashboard_create(&emu.url, json!({"archiveMode": "always", "archiveName": evil, "p2p.preference": "disabled"})).await;
    assert_eq!(status, 201, "{s}");
    let sid = s["sessionId"].as_str().unwrap().to_string();
    let client = project_client(&emu.url);
    let token = client.generate_token(&sid, &Default::default()).unwrap();
    assert_eq!(connect(&emu.url, &sid, &token).await.0, 201);
    let archive =
        client.start_archive(&sid, &opentok::ArchiveOptions { name: Some(evil.into()), ..Default::default() }).await.unwrap();

    let html = page(emu.url.clone()).await;
    // Each name appears literally (once in the sessions table, once in the recordings table).
    assert_eq!(html.matches(evil).count(), 2, "{html}");
    // Each table row appears once: the session row is not pulled into its own cell.
    assert_eq!(html.matches(&format!("<td class=\"id\">{sid}</td>")).count(), 2);
    assert_eq!(html.matches(&format!("<td class=\"id\">{}</td>", archive.id)).count(), 1);
    // The project options fill the two project selects (sessions, callback URL), no more.
    assert_eq!(html.matches("<option value=\"123456\">").count(), 2);
    // The page grew by about the rows, not by copies of the page.
    assert!(html.len() < baseline.len() + 2_000, "{} -> {}", baseline.len(), html.len());
}
