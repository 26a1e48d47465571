//! Streams, moderation, signaling and connections end to end: the core client against an
//! in-process emulator, checked through the emulator-only API.

mod common;

use common::*;
use opentok::{ErrorKind, MuteAllOptions, Role, Signal, StreamClassList};
use serde_json::json;

#[tokio::test]
async fn streams_get_list_and_class_lists() {
    let (emu, client) = in_process().await;
    let (sid, conns) = session_with_clients(emu.url(), &client, false, 2, Role::Publisher).await;
    let a = publish(emu.url(), &sid, &conns[0], json!({"name": "alice", "layoutClassList": ["focus"]})).await;
    let b = publish(emu.url(), &sid, &conns[1], json!({"name": "screen", "videoType": "screen"})).await;
    let (a_id, b_id) = (a["id"].as_str().unwrap(), b["id"].as_str().unwrap());

    let got = client.get_stream(&sid, a_id).await.unwrap();
    assert_eq!((got.name.as_deref(), got.video_type.as_deref()), (Some("alice"), Some("camera")));
    assert_eq!(got.layout_class_list, ["focus"]);
    let list = client.list_streams(&sid).await.unwrap();
    assert_eq!(list.count, 2);
    assert_eq!(list.items.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), [a_id, b_id]);

    client
        .set_stream_class_lists(&sid, &[StreamClassList::new(a_id, ["small"]), StreamClassList::new(b_id, ["full", "top"])])
        .await
        .unwrap();
    assert_eq!(client.get_stream(&sid, a_id).await.unwrap().layout_class_list, ["small"]);
    assert_eq!(client.get_stream(&sid, b_id).await.unwrap().layout_class_list, ["full", "top"]);

    let e = client.get_stream(&sid, "nope").await.unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::NotFound, Some(404)));
    let e = client.set_stream_class_lists(&sid, &[StreamClassList::new("nope", ["x"])]).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(client.list_streams(&unknown_session_id()).await.unwrap_err().kind(), ErrorKind::NotFound);
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn force_mute_one_all_with_exclusions_and_disable() {
    let (emu, client) = in_process().await;
    let (sid, conns) = session_with_clients(emu.url(), &client, false, 3, Role::Publisher).await;
    let mut ids = Vec::new();
    for c in &conns {
        ids.push(publish(emu.url(), &sid, c, json!({})).await["id"].as_str().unwrap().to_string());
    }
    let muted = |v: &serde_json::Value| -> Vec<bool> {
        let mut items: Vec<_> = v["items"].as_array().unwrap().clone();
        items.sort_by_key(|s| s["createdAt"].as_i64());
        items.iter().map(|s| s["forceMuted"].as_bool().unwrap()).collect()
    };
    client.mute_stream(&sid, &ids[0]).await.unwrap();
    let (_, v) = emulator_get(emu.url(), &format!("/emulator/v1/sessions/{sid}/streams")).await;
    assert_eq!(muted(&v), [true, false, false]);
    assert_eq!(client.get_stream(&sid, &ids[0]).await.unwrap().force_muted, Some(true), "the REST model shows the flag");
    assert_eq!(client.get_stream(&sid, &ids[1]).await.unwrap().force_muted, Some(false));
    assert_eq!(client.mute_stream(&sid, "nope").await.unwrap_err().kind(), ErrorKind::NotFound);

    client.mute_all(&sid, &MuteAllOptions { excluded_stream_ids: vec![ids[2].clone()] }).await.unwrap();
    let (_, v) = emulator_get(emu.url(), &format!("/emulator/v1/sessions/{sid}/streams")).await;
    assert_eq!(muted(&v), [true, true, false]);
    assert_eq!(v["muteAll"]["active"], true);
    assert_eq!(v["muteAll"]["excludedStreamIds"], json!([ids[2]]));
    // A stream published while mute-all is active starts muted.
    let late = publish(emu.url(), &sid, &conns[1], json!({})).await;
    assert_eq!(late["forceMuted"], true);

    client.disable_force_mute(&sid).await.unwrap();
    let later = publish(emu.url(), &sid, &conns[2], json!({})).await;
    assert_eq!(later["forceMuted"], false);
    let (_, v) = emulator_get(emu.url(), &format!("/emulator/v1/sessions/{sid}/streams")).await;
    assert_eq!(v["muteAll"]["active"], false);
    assert_eq!(client.disable_force_mute(&unknown_session_id()).await.unwrap_err().kind(), ErrorKind::NotFound);
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn mute_all_accepts_the_python_and_ruby_spellings() {
    let (emu, client) = in_process().await;
    let (sid, conns) = session_with_clients(emu.url(), &client, false, 2, Role::Publisher).await;
    let keep = publish(emu.url(), &sid, &conns[0], json!({})).await;
    publish(emu.url(), &sid, &conns[1], json!({})).await;
    // Ruby: "active": "true" as a string, excludedStreams.
    let res = http()
        .post(format!("{}/v2/project/{KEY}/session/{sid}/mute", emu.url()))
        .header("X-OPENTOK-AUTH", rest_jwt())
        .json(&json!({"active": "true", "excludedStreams": [keep["id"]]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (_, v) = emulator_get(emu.url(), &format!("/emulator/v1/sessions/{sid}/streams")).await;
    for s in v["items"].as_array().unwrap() {
        assert_eq!(s["forceMuted"].as_bool().unwrap(), s["id"] != keep["id"], "{s}");
    }
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn force_disconnect_removes_the_connection_and_its_streams() {
    let (emu, client) = in_process().await;
    let (sid, conns) = session_with_clients(emu.url(), &client, false, 2, Role::Publisher).await;
    publish(emu.url(), &sid, &conns[0], json!({})).await;
    let list = client.list_connections(&sid).await.unwrap();
    assert_eq!(list.count, 2);
    assert_eq!(list.session_id.as_deref(), Some(sid.as_str()));
    assert_eq!(list.project_id.as_deref(), Some(KEY));
    assert_eq!(list.items[0].connection_state.as_deref(), Some("Connected"));

    client.force_disconnect(&sid, &conns[0]).await.unwrap();
    let list = client.list_connections(&sid).await.unwrap();
    assert_eq!(list.items.iter().map(|c| c.connection_id.as_str()).collect::<Vec<_>>(), [conns[1].as_str()]);
    assert_eq!(client.list_streams(&sid).await.unwrap().count, 0, "its stream went with it");
    let e = client.force_disconnect(&sid, &conns[0]).await.unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::NotFound, Some(404)));
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn signals_reach_the_simulated_connections() {
    let (emu, client) = in_process().await;
    let (sid, conns) = session_with_clients(emu.url(), &client, false, 2, Role::Subscriber).await;
    client.signal(&sid, None, &Signal::new("chat", "hello all")).await.unwrap();
    client.signal(&sid, Some(&conns[1]), &Signal { signal_type: None, data: "just you".into() }).await.unwrap();
    let path = |c: &str| format!("/emulator/v1/sessions/{sid}/connections/{c}/signals");
    let (_, first) = emulator_get(emu.url(), &path(&conns[0])).await;
    assert_eq!(first["count"], 1);
    assert_eq!((first["items"][0]["type"].as_str(), first["items"][0]["data"].as_str()), (Some("chat"), Some("hello all")));
    let (_, second) = emulator_get(emu.url(), &path(&conns[1])).await;
    assert_eq!(second["count"], 2);
    assert_eq!(second["items"][1]["data"], "just you");
    assert_eq!(second["items"][1]["to"], "connection");

    // 8 kB is the limit: one byte more answers 413.
    client.signal(&sid, None, &Signal::new("big", "x".repeat(8192))).await.unwrap();
    let e = client.signal(&sid, None, &Signal::new("big", "x".repeat(8193))).await.unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::PayloadTooLarge, Some(413)), "{e}");
    let e = client.signal(&sid, Some("gone"), &Signal::new("t", "d")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let e = client.signal(&unknown_session_id(), None, &Signal::new("t", "d")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn wrong_project_and_bad_auth_are_refused() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    // Right credentials, someone else's project in the path: 403 with a JSON body.
    let res = http()
        .get(format!("{}/v2/project/999999/session/{sid}/stream", emu.url()))
        .header("X-OPENTOK-AUTH", rest_jwt())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["code"], 403);
    // Wrong secret through the core: Authentication.
    let bad = opentok::Client::new(
        opentok::Credentials::project(KEY, "0000000000000000000000000000000000000000").unwrap(),
        opentok::ClientOptions { base_url: Some(emu.url().into()), ..Default::default() },
    )
    .unwrap();
    assert_eq!(bad.list_streams(&sid).await.unwrap_err().kind(), ErrorKind::Authentication);
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn application_credentials_drive_the_rest_api() {
    let arg = application_arg();
    let emu = Emulator::start_in_memory(&["--application", &arg]);
    let app = application_client(&emu.url);
    let s = app
        .create_session(&opentok::SessionOptions { media_mode: Some(opentok::MediaMode::Routed), ..Default::default() })
        .await
        .unwrap();
    let token = app.generate_token(&s.session_id, &opentok::TokenOptions::default()).unwrap();
    let (status, conn) = connect(&emu.url, &s.session_id, &token).await;
    assert_eq!(status, 201, "{conn}");
    let a = app.start_archive(&s.session_id, &opentok::ArchiveOptions::default()).await.unwrap();
    assert_eq!(a.session_id, s.session_id);
    app.signal(&s.session_id, None, &Signal::new("t", "from the app")).await.unwrap();
    let list = app.list_connections(&s.session_id).await.unwrap();
    assert_eq!(list.project_id.as_deref(), Some(APP_ID));
    // The project's client cannot touch the application's archive.
    let project = project_client(&emu.url);
    assert_eq!(project.get_archive(&a.id).await.unwrap_err().kind(), ErrorKind::NotFound);
}
