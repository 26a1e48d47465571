//! Simulated clients: tokens minted by the core connect; bad ones are refused with a reason.

mod common;

use std::time::Duration;

use common::*;
use opentok::{Credentials, Expiry, MediaMode, Role, SessionOptions, TokenFormat, TokenOptions};

#[tokio::test]
async fn jwt_and_t1_tokens_of_every_role_connect_and_disconnect() {
    let emu = Emulator::start_in_memory(&[]);
    let client = project_client(&emu.url);
    let s = client.create_session(&SessionOptions::default()).await.unwrap();
    let mut connected = Vec::new();
    for format in [TokenFormat::Jwt, TokenFormat::T1] {
        for role in [Role::Publisher, Role::Subscriber, Role::Moderator, Role::PublisherOnly] {
            let opts = TokenOptions {
                role,
                format,
                data: Some("name=Johnny & co".into()),
                initial_layout_class_list: vec!["focus".into()],
                ..Default::default()
            };
            let token = client.generate_token(&s.session_id, &opts).unwrap();
            let (status, body) = connect(&emu.url, &s.session_id, &token).await;
            assert_eq!(status, 201, "{body}");
            assert_eq!(body["role"], role.as_str());
            assert_eq!(body["data"], "name=Johnny & co");
            let id = body["connectionId"].as_str().unwrap().to_string();
            assert_eq!(id.len(), 36);
            connected.push(id);
        }
    }
    let list = json_answer(http().get(format!("{}/emulator/v1/sessions/{}/connections", emu.url, s.session_id))).await;
    assert_eq!(list["count"], 8);

    let del = |id: String| http().delete(format!("{}/emulator/v1/sessions/{}/connections/{id}", emu.url, s.session_id)).send();
    assert_eq!(del(connected[0].clone()).await.unwrap().status(), 204);
    assert_eq!(del(connected[0].clone()).await.unwrap().status(), 404, "already gone");

    // The REST view of the same connections (as Java/PHP/.NET list them).
    let rest = json_answer(
        http()
            .get(format!("{}/v2/project/{KEY}/session/{}/connection", emu.url, s.session_id))
            .header("X-OPENTOK-AUTH", rest_jwt()),
    )
    .await;
    assert_eq!(rest["count"], 7);
    assert_eq!(rest["items"][0]["connectionState"], "Connected");
    let forced = http()
        .delete(format!("{}/v2/project/{KEY}/session/{}/connection/{}", emu.url, s.session_id, connected[1]))
        .header("X-OPENTOK-AUTH", rest_jwt())
        .send()
        .await
        .unwrap();
    assert_eq!(forced.status(), 204);
}

async fn refusal(emu: &Emulator, session_id: &str, token: &str) -> String {
    let (status, body) = connect(&emu.url, session_id, token).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["code"], 403);
    assert!(body["message"].as_str().unwrap().starts_with("token refused"), "{body}");
    body["reason"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn bad_tokens_are_refused_with_the_reason() {
    let emu = Emulator::start_in_memory(&["--project", &format!("{KEY}:{SECRET}"), "--project", "777:othersecret"]);
    let client = project_client(&emu.url);
    let a = client.create_session(&SessionOptions::default()).await.unwrap();
    let b = client.create_session(&SessionOptions::default()).await.unwrap();
    let creds = Credentials::project(KEY, SECRET).unwrap();

    for format in [TokenFormat::Jwt, TokenFormat::T1] {
        let expired = opentok::generate_token_at(
            &creds,
            &a.session_id,
            &TokenOptions { expire: Some(Expiry::In(Duration::from_secs(60))), format, ..Default::default() },
            now() - 3600,
            7,
        )
        .unwrap();
        assert_eq!(refusal(&emu, &a.session_id, &expired).await, "expired");

        let forged = Credentials::project(KEY, "ffffffffffffffffffffffffffffffffffffffff").unwrap();
        let bad_sig =
            opentok::generate_token_at(&forged, &a.session_id, &TokenOptions { format, ..Default::default() }, now(), 7).unwrap();
        assert_eq!(refusal(&emu, &a.session_id, &bad_sig).await, "bad_signature");

        let for_b = client.generate_token(&b.session_id, &TokenOptions { format, ..Default::default() }).unwrap();
        assert_eq!(refusal(&emu, &a.session_id, &for_b).await, "wrong_session");
    }

    assert_eq!(refusal(&emu, &a.session_id, "garbage").await, "malformed");
    assert_eq!(refusal(&emu, &a.session_id, "T1==bm9wZQ==").await, "malformed");

    // A token of another project, for that project's session, used on ours.
    let other = opentok::Client::new(
        Credentials::project("777", "othersecret").unwrap(),
        opentok::ClientOptions { base_url: Some(emu.url.clone()), ..Default::default() },
    )
    .unwrap();
    let theirs = other.create_session(&SessionOptions::default()).await.unwrap();
    let their_token = other.generate_token(&theirs.session_id, &TokenOptions::default()).unwrap();
    assert_eq!(refusal(&emu, &a.session_id, &their_token).await, "wrong_project");
    let (ok, _) = connect(&emu.url, &theirs.session_id, &their_token).await;
    assert_eq!(ok, 201);

    // Unknown session and bad body.
    let (status, _) = connect(&emu.url, "1_MX4xMjM0NTZ-fn4", "x").await;
    assert_eq!(status, 404);
    let res = http()
        .post(format!("{}/emulator/v1/sessions/{}/connections", emu.url, a.session_id))
        .header("Content-Type", "application/json")
        .body("{nope")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn application_rs256_tokens_connect() {
    let emu = Emulator::start_in_memory(&["--application", &application_arg()]);
    let app = application_client(&emu.url);
    let s = app.create_session(&SessionOptions { media_mode: Some(MediaMode::Routed), ..Default::default() }).await.unwrap();
    let token = app.generate_token(&s.session_id, &TokenOptions { role: Role::Moderator, ..Default::default() }).unwrap();
    assert_eq!(opentok::decode_token(&token).unwrap().algorithm.as_deref(), Some("RS256"));
    let (status, body) = connect(&emu.url, &s.session_id, &token).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["role"], "moderator");

    // A project token cannot join the application's session.
    let proj = project_client(&emu.url);
    let ps = proj.create_session(&SessionOptions::default()).await.unwrap();
    let ptoken = proj.generate_token(&ps.session_id, &TokenOptions::default()).unwrap();
    assert_eq!(refusal(&emu, &s.session_id, &ptoken).await, "wrong_project");
}
