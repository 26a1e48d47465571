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
