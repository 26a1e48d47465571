//! Events delivered to callbacks, against the real binary and a real HTTP receiver: the order of
//! a session's events, what registrations get, retries and the delivery log, that a dead
//! receiver never slows the API, the simulated clock (maxDuration, token expiry), simulation
//! controls (fail an archive, replay), and a `kill -9` in the middle of a delivery.

mod common;

use std::time::{Duration, Instant};

use common::receiver::{label, parsed, Mode, Receiver};
use common::*;
use opentok::{BroadcastOptions, BroadcastOutputs, CallbackOptions, Event, HlsOptions, Role, TokenOptions};
use serde_json::{json, Value};

/// Fast delivery settings so failures show within a test's patience.
const FAST: [&str; 6] = ["--callback-attempts", "3", "--callback-backoff-ms", "50", "--callback-timeout-ms", "400"];

async fn post_json(url: &str, path: &str, body: Value) -> (u16, Value) {
    let res = http().post(format!("{url}{path}")).json(&body).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn set_project_url(url: &str, callback: &str) {
    let res = http()
        .put(format!("{url}/emulator/v1/projects/{KEY}/callback-url"))
        .json(&json!({ "url": callback }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
}

async fn deliveries(url: &str) -> Vec<Value> {
    let (status, body) = emulator_get(url, "/emulator/v1/deliveries").await;
    assert_eq!(status, 200, "{body}");
    body["items"].as_array().cloned().unwrap()
}

/// Waits until every delivery of the log is settled (delivered or failed); gives the log.
async fn settled_log(url: &str, within: Duration) -> Vec<Value> {
    let start = Instant::now();
    loop {
        let log = deliveries(url).await;
        if !log.is_empty() && log.iter().all(|d| d["state"] != "pending") {
            return log;
        }
        assert!(start.elapsed() < within, "deliveries still pending after {within:?}: {log:#?}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

fn hls() -> BroadcastOptions {
    BroadcastOptions {
        outputs: BroadcastOutputs { hls: Some(HlsOptions::default()), rtmp: Vec::new() },
        max_duration: Some(60),
        ..Default::default()
    }
}

async fn advance(url: &str, seconds: f64) -> Value {
    let (status, body) = post_json(url, "/emulator/v1/clock", json!({ "advance": seconds })).await;
    assert_eq!(status, 200, "{body}");
    body
}

#[tokio::test]
async fn a_session_s_events_arrive_in_order() {
    let emu = Emulator::start_in_memory(&FAST);
    let hook = Receiver::start(Mode::Ok).await;
    set_project_url(&emu.url, &hook.url).await;
    let client = project_client(&emu.url);
    let (sid, conns) = session_with_clients(&emu.url, &client, false, 1, Role::Publisher).await;
    let stream = publish(&emu.url, &sid, &conns[0], json!({"name": "cam", "videoType": "screen"})).await;
    let archive = client.start_archive(&sid, &Default::default()).await.unwrap();
    client.stop_archive(&archive.id).await.unwrap();
    let broadcast = client.start_broadcast(&sid, &hls()).await.unwrap();
    let moved = advance(&emu.url, 61.0).await;
    assert_eq!(moved["stopped"], 1, "{moved}");
    assert_eq!(client.get_broadcast(&broadcast.id).await.unwrap().status.as_deref(), Some("stopped"));

    let got = hook.wait_for(7, Duration::from_secs(10)).await;
    let labels: Vec<String> = got.iter().map(label).collect();
    assert_eq!(
        labels,
        [
            "connectionCreated",
            "streamCreated",
            "archive.started",
            "archive.stopped",
            "archive.available",
            "broadcast.started",
            "broadcast.stopped"
        ]
    );
    for body in &got {
        assert_eq!(parsed(body).session_id().as_deref(), Some(sid.as_str()), "{body}");
    }
    match parsed(&got[0]) {
        Event::ConnectionCreated { event } => {
            assert_eq!(event.connection.id, conns[0]);
            assert_eq!(event.project_id.as_deref(), Some(KEY));
            assert!(event.timestamp.is_some() && event.connection.created_at.is_some());
        }
        other => panic!("{other:?}"),
    }
    match parsed(&got[1]) {
        Event::StreamCreated { event } => {
            assert_eq!(event.stream.id, stream["id"].as_str().unwrap());
            assert_eq!((event.stream.video_type.as_deref(), event.stream.name.as_deref()), (Some("screen"), Some("cam")));
            assert_eq!(event.stream.connection.unwrap().id, conns[0]);
        }
        other => panic!("{other:?}"),
    }
    match parsed(&got[2]) {
        Event::ArchiveChanged { event } => {
            assert_eq!((event.archive.id.as_str(), event.status.as_str()), (archive.id.as_str(), "started"))
        }
        other => panic!("{other:?}"),
    }
    match parsed(&got[4]) {
        Event::ArchiveChanged { event } => {
            assert_eq!(event.archive.status.as_str(), "available");
            assert_eq!(event.archive.reason.as_deref(), Some("user initiated"));
            assert!(event.archive.size.unwrap() > 0);
        }
        other => panic!("{other:?}"),
    }
    match parsed(&got[6]) {
        Event::BroadcastChanged { event } => {
            assert_eq!((event.broadcast.id.as_str(), event.status.as_str()), (broadcast.id.as_str(), "stopped"))
        }
        other => panic!("{other:?}"),
    }

    let log = settled_log(&emu.url, Duration::from_secs(5)).await;
    assert_eq!(log.len(), 7);
    for d in &log {
        assert_eq!(
            (d["state"].as_str(), d["attempts"].as_i64(), d["statusCode"].as_i64()),
            (Some("delivered"), Some(1), Some(200))
        );
        assert_eq!(d["url"], hook.url.as_str());
    }
    assert_eq!(log[0]["event"], "broadcast.stopped", "newest first");
}

#[tokio::test]
async fn registrations_get_their_group_and_event() {
    let emu = Emulator::start_in_memory(&FAST);
    let hook = Receiver::start(Mode::Ok).await;
    let client = project_client(&emu.url);
    for (group, event) in [("connection", "connectionDestroyed"), ("stream", "streamCreated"), ("archive", "status")] {
        client
            .register_callback(&CallbackOptions { group: group.into(), event: event.into(), url: hook.url.clone() })
            .await
            .unwrap();
    }
    let (sid, conns) = session_with_clients(&emu.url, &client, false, 2, Role::Publisher).await;
    let s = publish(&emu.url, &sid, &conns[1], json!({})).await;
    let a = client.start_archive(&sid, &Default::default()).await.unwrap();
    client.force_disconnect(&sid, &conns[1]).await.unwrap();
    client.stop_archive(&a.id).await.unwrap();
    let got = hook.wait_for(5, Duration::from_secs(10)).await;
    let labels: Vec<String> = got.iter().map(label).collect();
    // No connectionCreated, no streamDestroyed: not registered.
    assert_eq!(labels, ["streamCreated", "archive.started", "connectionDestroyed", "archive.stopped", "archive.available"]);
    assert_eq!(parsed(&got[0]).resource_id(), s["id"].as_str());
    match parsed(&got[2]) {
        Event::ConnectionDestroyed { event } => {
            assert_eq!((event.reason.as_deref(), event.connection.id.as_str()), (Some("forceDisconnected"), conns[1].as_str()))
        }
        other => panic!("{other:?}"),
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(hook.received().len(), 5, "nothing else arrives");
}

#[tokio::test]
async fn unreachable_or_failing_urls_are_retried_in_the_background() {
    // One second a try: an API call that waited for a delivery would take that long.
    let emu =
        Emulator::start_in_memory(&["--callback-attempts", "3", "--callback-backoff-ms", "50", "--callback-timeout-ms", "1000"]);
    let hanging = Receiver::start(Mode::Hang).await;
    let failing = Receiver::start(Mode::Status(500)).await;
    // Nothing listens on the port of a listener just closed.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/gone", l.local_addr().unwrap())
    };
    let client = project_client(&emu.url);
    for url in [&hanging.url, &failing.url, &closed] {
        client
            .register_callback(&CallbackOptions {
                group: "connection".into(),
                event: "connectionCreated".into(),
                url: url.clone(),
            })
            .await
            .unwrap();
    }
    // Each API call answers at once though every receiver fails or never answers.
    for _ in 0..3 {
        let s = client.create_session(&Default::default()).await.unwrap();
        let token = client.generate_token(&s.session_id, &TokenOptions::default()).unwrap();
        let started = Instant::now();
        let (status, body) = connect(&emu.url, &s.session_id, &token).await;
        assert_eq!(status, 201, "{body}");
        assert!(started.elapsed() < Duration::from_millis(800), "connect took {:?}", started.elapsed());
    }
    let log = settled_log(&emu.url, Duration::from_secs(20)).await;
    assert_eq!(log.len(), 9, "3 connections x 3 URLs: {log:#?}");
    // Retries ran in the background: a hanging receiver's 3 attempts took their timeouts.
    for d in log.iter().filter(|d| d["url"] == hanging.url.as_str()) {
        let spent = d["updatedAt"].as_i64().unwrap() - d["createdAt"].as_i64().unwrap();
        assert!(spent >= 3000, "3 attempts of 1 s, got {spent} ms");
    }
    for d in &log {
        assert_eq!((d["state"].as_str(), d["attempts"].as_i64()), (Some("failed"), Some(3)), "{d}");
        let error = d["lastError"].as_str().unwrap();
        if d["url"] == hanging.url.as_str() {
            assert_eq!(error, "no answer within 1000 ms");
            assert!(d["statusCode"].is_null());
        } else if d["url"] == failing.url.as_str() {
            assert_eq!(error, "the receiver answered HTTP 500");
            assert_eq!(d["statusCode"], 500);
        } else {
            assert!(error.starts_with("cannot connect"), "{error}");
        }
    }
    assert_eq!(failing.received().len(), 9, "3 attempts of each of 3 events");
    assert_eq!(hanging.received().len(), 9);
}

#[tokio::test]
async fn replay_posts_an_event_again() {
    let emu = Emulator::start_in_memory(&FAST);
    let hook = Receiver::start(Mode::Status(503)).await;
    set_project_url(&emu.url, &hook.url).await;
    let client = project_client(&emu.url);
    let (_sid, _) = session_with_clients(&emu.url, &client, false, 1, Role::Publisher).await;
    let log = settled_log(&emu.url, Duration::from_secs(10)).await;
    assert_eq!(log[0]["state"], "failed");
    hook.set_mode(Mode::Ok);
    let id = log[0]["id"].as_i64().unwrap();
    let (status, replayed) = post_json(&emu.url, &format!("/emulator/v1/deliveries/{id}/replay"), json!({})).await;
    assert_eq!(status, 202, "{replayed}");
    assert_eq!(replayed["replayOf"], id);
    let log = settled_log(&emu.url, Duration::from_secs(10)).await;
    assert_eq!((log[0]["state"].as_str(), log[0]["replayOf"].as_i64()), (Some("delivered"), Some(id)));
    let got = hook.received();
    assert_eq!(got.last(), Some(&log[0]["body"]));
    assert_eq!(got[0], got[got.len() - 1], "the same body again");
    let (status, _) = post_json(&emu.url, "/emulator/v1/deliveries/999999/replay", json!({})).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn archives_fail_on_demand_and_stop_at_max_duration() {
    let emu = Emulator::start_in_memory(&FAST);
    let hook = Receiver::start(Mode::Ok).await;
    let client = project_client(&emu.url);
    client
        .register_callback(&CallbackOptions { group: "archive".into(), event: "status".into(), url: hook.url.clone() })
        .await
        .unwrap();
    let (sid, _) = session_with_clients(&emu.url, &client, false, 1, Role::Publisher).await;
    let a = client.start_archive(&sid, &Default::default()).await.unwrap();
    let (status, failed) =
        post_json(&emu.url, &format!("/emulator/v1/archives/{}/fail", a.id), json!({"reason": "disk full"})).await;
    assert_eq!(status, 200, "{failed}");
    assert_eq!((failed["status"].as_str(), failed["reason"].as_str()), (Some("failed"), Some("disk full")));
    assert_eq!(client.get_archive(&a.id).await.unwrap().status.as_str(), "failed");
    let (status, again) = post_json(&emu.url, &format!("/emulator/v1/archives/{}/fail", a.id), json!({})).await;
    assert_eq!((status, again["reason"].as_str()), (409, Some("not_recording")));

    // maxDuration (a REST field the core's options leave out): raw call.
    let res = http()
        .post(format!("{}/v2/project/{KEY}/archive", emu.url))
        .header("X-OPENTOK-AUTH", rest_jwt())
        .json(&json!({"sessionId": sid, "maxDuration": 120}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let b: Value = res.json().await.unwrap();
    assert_eq!(advance(&emu.url, 119.0).await["stopped"], 0);
    assert_eq!(client.get_archive(b["id"].as_str().unwrap()).await.unwrap().status.as_str(), "started");
    assert_eq!(advance(&emu.url, 2.0).await["stopped"], 1);
    let done = client.get_archive(b["id"].as_str().unwrap()).await.unwrap();
    assert_eq!((done.status.as_str(), done.duration), ("available", Some(120)));

    let got = hook.wait_for(5, Duration::from_secs(10)).await;
    let labels: Vec<String> = got.iter().map(label).collect();
    assert_eq!(labels, ["archive.started", "archive.failed", "archive.started", "archive.stopped", "archive.available"]);
    assert_eq!(got[1]["reason"], "disk full");
    assert_eq!(got[3]["reason"], "maximum duration exceeded");
    assert_eq!(got[3]["duration"], 120);
}

#[tokio::test]
async fn token_expiry_follows_the_moved_clock() {
    let emu = Emulator::start_in_memory(&[]);
    let client = project_client(&emu.url);
    let s = client.create_session(&Default::default()).await.unwrap();
    let token = client
        .generate_token(
            &s.session_id,
            &TokenOptions { expire: Some(opentok::Expiry::In(Duration::from_secs(3600))), ..Default::default() },
        )
        .unwrap();
    let (status, _) = connect(&emu.url, &s.session_id, &token).await;
    assert_eq!(status, 201);
    let moved = advance(&emu.url, 7200.0).await;
    assert!(moved["offsetMs"].as_i64().unwrap() >= 7_200_000, "{moved}");
    let (status, body) = connect(&emu.url, &s.session_id, &token).await;
    assert_eq!(status, 403, "{body}");
    assert!(body["message"].as_str().unwrap().contains("expired"), "{body}");
    // The inspector judges at the emulator's time too.
    let (_, inspected) = post_json(&emu.url, "/emulator/v1/tokens/inspect", json!({ "token": token })).await;
    assert_eq!(inspected["valid"], false, "{inspected}");
    // Tokens the emulator mints count from its own time: this one connects.
    let (status, minted) =
        post_json(&emu.url, "/emulator/v1/tokens", json!({"sessionId": s.session_id, "expiresIn": 3600})).await;
    assert_eq!(status, 200, "{minted}");
    let (status, body) = connect(&emu.url, &s.session_id, minted["token"].as_str().unwrap()).await;
    assert_eq!(status, 201, "{body}");
    // REST auth keeps real time: the SDK signs with the machine's clock.
    client.create_session(&Default::default()).await.unwrap();
    let (status, clock) = emulator_get(&emu.url, "/emulator/v1/clock").await;
    assert_eq!(status, 200);
    assert!(clock["now"].as_i64().unwrap() - now() * 1000 >= 7_199_000, "{clock}");
    for bad in [json!({"advance": -1}), json!({"advance": "10"}), json!({})] {
        let (status, body) = post_json(&emu.url, "/emulator/v1/clock", bad).await;
        assert_eq!(status, 400, "{body}");
        assert!(body["message"].as_str().unwrap().contains("advance"), "{body}");
    }
}

#[tokio::test]
async fn sip_captions_and_render_events() {
    let emu = Emulator::start_in_memory(&FAST);
    let hook = Receiver::start(Mode::Ok).await;
    let own = Receiver::start(Mode::Ok).await;
    set_project_url(&emu.url, &hook.url).await;
    let client = project_client(&emu.url);
    let (sid, _) = session_with_clients(&emu.url, &client, false, 1, Role::Publisher).await;
    let moderator = client.generate_token(&sid, &TokenOptions { role: Role::Moderator, ..Default::default() }).unwrap();
    let call = client.dial(&sid, &moderator, "sip:alice@example.com", &Default::default()).await.unwrap();
    client.force_disconnect(&sid, &call.connection_id).await.unwrap();
    let captions = client
        .start_captions(
            &sid,
            &moderator,
            &opentok::CaptionOptions { status_callback_url: Some(own.url.clone()), ..Default::default() },
        )
        .await
        .unwrap();
    client.stop_captions(&captions.captions_id).await.unwrap();
    let render = client
        .start_render(
            &sid,
            &moderator,
            &opentok::RenderOptions {
                url: "https://app.example.com/composer".into(),
                status_callback_url: Some(own.url.clone()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    client.get_render(&render.id).await.unwrap();
    client.stop_render(&render.id).await.unwrap();

    let got = hook.wait_for(16, Duration::from_secs(10)).await;
    let labels: Vec<String> = got.iter().map(label).collect();
    assert_eq!(
        labels,
        [
            "connectionCreated",
            // the SIP participant
            "connectionCreated",
            "streamCreated",
            "callCreated",
            "streamDestroyed",
            "callDestroyed",
            "connectionDestroyed",
            "captions.started",
            "captions.stopped",
            // the Experience Composer
            "connectionCreated",
            "render.starting",
            "streamCreated",
            "render.started",
            "streamDestroyed",
            "connectionDestroyed",
            "render.stopped",
        ]
    );
    match (parsed(&got[3]), parsed(&got[5])) {
        (Event::CallCreated { event: created }, Event::CallDestroyed { event: destroyed }) => {
            assert_eq!(created.call.id, call.id);
            assert_eq!(created.call.connection_id.as_deref(), Some(call.connection_id.as_str()));
            assert_eq!(created.call.stream_id, call.stream_id);
            assert_eq!(created.call.sip_uri.as_deref(), Some("sip:alice@example.com"));
            assert_eq!((destroyed.call.id, destroyed.reason.as_deref()), (call.id.clone(), Some("forceDisconnected")));
        }
        other => panic!("{other:?}"),
    }
    let own_got = own.wait_for(5, Duration::from_secs(10)).await;
    let own_labels: Vec<String> = own_got.iter().map(label).collect();
    assert_eq!(own_labels, ["captions.started", "captions.stopped", "render.starting", "render.started", "render.stopped"]);
    match parsed(&own_got[1]) {
        Event::CaptionsChanged { event } => {
            assert_eq!(
                (event.caption_id.as_str(), event.reason.as_deref()),
                (captions.captions_id.as_str(), Some("user initiated"))
            )
        }
        other => panic!("{other:?}"),
    }
    match parsed(&own_got[3]) {
        Event::RenderChanged { event } => {
            assert_eq!(event.render.id, render.id);
            assert!(event.render.stream_id.as_deref().is_some_and(|s| !s.is_empty()));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_sip_call_ends_when_its_participant_leaves() {
    let emu = Emulator::start_in_memory(&FAST);
    let hook = Receiver::start(Mode::Ok).await;
    set_project_url(&emu.url, &hook.url).await;
    let client = project_client(&emu.url);
    let (sid, conns) = session_with_clients(&emu.url, &client, false, 1, Role::Publisher).await;
    let token = client.generate_token(&sid, &TokenOptions::default()).unwrap();
    let from = "15550001111@example.com";
    let options = opentok::SipDialOptions { from: Some(from.into()), ..Default::default() };
    let call = client.dial(&sid, &token, "sips:bob@example.com;transport=tls", &options).await.unwrap();
    let leave = |cid: String| {
        let url = format!("{}/emulator/v1/sessions/{sid}/connections/{cid}", emu.url);
        async move { http().delete(url).send().await.unwrap().status().as_u16() }
    };
    // Another client leaving ends no call; the SIP participant hanging up ends it.
    assert_eq!(leave(conns[0].clone()).await, 204);
    assert_eq!(leave(call.connection_id.clone()).await, 204);
    assert_eq!(client.list_streams(&sid).await.unwrap().count, 0, "the call's stream ended with it");

    hook.wait_for(8, Duration::from_secs(10)).await;
    settled_log(&emu.url, Duration::from_secs(10)).await;
    let got = hook.received(); // all of them: none more than these
    let labels: Vec<String> = got.iter().map(label).collect();
    assert_eq!(
        labels,
        [
            "connectionCreated",
            "connectionCreated",
            "streamCreated",
            "callCreated",
            "connectionDestroyed",
            "streamDestroyed",
            "callDestroyed",
            "connectionDestroyed",
        ]
    );
    match (parsed(&got[2]), parsed(&got[3]), parsed(&got[6]), parsed(&got[7])) {
        (
            Event::StreamCreated { event: stream },
            Event::CallCreated { event: created },
            Event::CallDestroyed { event: destroyed },
            Event::ConnectionDestroyed { event: left },
        ) => {
            assert_eq!((stream.stream.name.as_deref(), Some(stream.stream.id.clone())), (Some(from), call.stream_id.clone()));
            assert_eq!(created.session_id, sid);
            assert_eq!(created.call.id, call.id);
            assert_eq!(created.call.connection_id.as_deref(), Some(call.connection_id.as_str()));
            assert_eq!(created.call.stream_id, call.stream_id);
            assert_eq!(created.call.sip_uri.as_deref(), Some("sips:bob@example.com;transport=tls"));
            assert!(created.call.created_at.is_some_and(|t| t > 0) && created.reason.is_none());
            assert_eq!(destroyed.call, created.call, "the same call ends");
            assert_eq!(destroyed.reason.as_deref(), Some("clientDisconnected"));
            assert_eq!(
                (left.connection.id.as_str(), left.reason.as_deref()),
                (call.connection_id.as_str(), Some("clientDisconnected"))
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn captions_and_renders_stop_at_max_duration_with_their_events() {
    let emu = Emulator::start_in_memory(&FAST);
    let hook = Receiver::start(Mode::Ok).await;
    let own = Receiver::start(Mode::Ok).await;
    set_project_url(&emu.url, &hook.url).await;
    let client = project_client(&emu.url);
    let (sid, _) = session_with_clients(&emu.url, &client, false, 1, Role::Publisher).await;
    let moderator = client.generate_token(&sid, &TokenOptions { role: Role::Moderator, ..Default::default() }).unwrap();
    let captions = client
        .start_captions(
            &sid,
            &moderator,
            &opentok::CaptionOptions {
                max_duration: Some(300),
                status_callback_url: Some(own.url.clone()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let render = client
        .start_render(
            &sid,
            &moderator,
            &opentok::RenderOptions {
                url: "https://app.example.com/composer".into(),
                max_duration: Some(60),
                status_callback_url: Some(own.url.clone()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    // Never read: the render starts on the timer's tick or the clock's advance.
    assert_eq!(advance(&emu.url, 59.0).await["stopped"], 0);
    assert_eq!(advance(&emu.url, 2.0).await["stopped"], 1);
    let stopped = client.get_render(&render.id).await.unwrap();
    assert_eq!((stopped.status.as_deref(), stopped.reason.as_deref()), (Some("stopped"), Some("Max Duration Exceeded")));
    assert_eq!(client.get_captions(&captions.captions_id).await.unwrap().status.as_deref(), Some("started"));
    assert_eq!(advance(&emu.url, 240.0).await["stopped"], 1);
    let done = client.get_captions(&captions.captions_id).await.unwrap();
    assert_eq!((done.status.as_deref(), done.reason.as_deref()), (Some("stopped"), Some("Max duration exceeded")));
    assert_eq!(client.list_connections(&sid).await.unwrap().count, 1, "the render's connection left");

    let own_got = own.wait_for(5, Duration::from_secs(10)).await;
    let own_labels: Vec<String> = own_got.iter().map(label).collect();
    assert_eq!(own_labels, ["captions.started", "render.starting", "render.started", "render.stopped", "captions.stopped"]);
    match (parsed(&own_got[2]), parsed(&own_got[3]), parsed(&own_got[4])) {
        (
            Event::RenderChanged { event: started },
            Event::RenderChanged { event: ended },
            Event::CaptionsChanged { event: captions_ended },
        ) => {
            assert_eq!(started.render.id, render.id);
            assert!(started.render.stream_id.is_some() && started.render.reason.is_none());
            assert_eq!(
                (ended.render.stream_id, ended.render.reason.as_deref()),
                (started.render.stream_id, Some("Max Duration Exceeded"))
            );
            let created = ended.render.created_at.unwrap();
            assert_eq!(ended.render.updated_at, Some(created + 60_000), "it stopped at its limit");
            assert_eq!(captions_ended.caption_id, captions.captions_id);
            assert_eq!((captions_ended.reason.as_deref(), captions_ended.duration), (Some("Max duration exceeded"), Some(300)));
        }
        other => panic!("{other:?}"),
    }
    let labels: Vec<String> = hook.wait_for(10, Duration::from_secs(10)).await.iter().map(label).collect();
    assert_eq!(
        labels,
        [
            "connectionCreated",
            "captions.started",
            "connectionCreated",
            "render.starting",
            "streamCreated",
            "render.started",
            "streamDestroyed",
            "connectionDestroyed",
            "render.stopped",
            "captions.stopped",
        ]
    );
}

#[tokio::test]
async fn kill_9_in_the_middle_of_a_delivery_loses_no_state() {
    let dir = std::env::temp_dir().join(format!("otemu-deliver-{}-{}", std::process::id(), now()));
    let _ = std::fs::remove_dir_all(&dir);
    let dir_arg = dir.to_str().unwrap().to_string();
    let hook = Receiver::start(Mode::Hang).await;
    let args = ["--data-dir", &dir_arg, "--callback-timeout-ms", "60000", "--callback-backoff-ms", "50"];
    let emu = Emulator::start(&args);
    set_project_url(&emu.url, &hook.url).await;
    let client = project_client(&emu.url);
    let (sid, conns) = session_with_clients(&emu.url, &client, false, 1, Role::Publisher).await;
    let archive = client.start_archive(&sid, &Default::default()).await.unwrap();
    // The first event (connectionCreated) is being delivered: the receiver holds the request.
    hook.wait_for(1, Duration::from_secs(5)).await;
    let log = deliveries(&emu.url).await;
    assert_eq!(log.len(), 2);
    assert!(log.iter().all(|d| d["state"] == "pending"), "{log:#?}");
    emu.kill();

    hook.set_mode(Mode::Ok);
    let emu = Emulator::start(&args);
    // Every change answered before the kill is there.
    assert_eq!(client_for(&emu.url).get_archive(&archive.id).await.unwrap().status.as_str(), "started");
    let (_, listed) = emulator_get(&emu.url, &format!("/emulator/v1/sessions/{sid}/connections")).await;
    assert_eq!(listed["items"][0]["connectionId"], conns[0].as_str());
    // And the deliveries left pending go out after the restart, in order.
    let log = settled_log(&emu.url, Duration::from_secs(10)).await;
    assert_eq!(log.iter().map(|d| d["state"].as_str().unwrap()).collect::<Vec<_>>(), ["delivered", "delivered"]);
    let got = hook.wait_for(3, Duration::from_secs(5)).await;
    let labels: Vec<String> = got.iter().map(label).collect();
    assert_eq!(labels, ["connectionCreated", "connectionCreated", "archive.started"], "the held one is posted again");
    drop(emu);
    let _ = std::fs::remove_dir_all(&dir);
}

fn client_for(url: &str) -> opentok::Client {
    project_client(url)
}

#[tokio::test]
async fn max_duration_stops_in_real_time_too() {
    let emu = Emulator::start_in_memory(&FAST);
    let hook = Receiver::start(Mode::Ok).await;
    set_project_url(&emu.url, &hook.url).await;
    let client = project_client(&emu.url);
    let (sid, _) = session_with_clients(&emu.url, &client, false, 1, Role::Publisher).await;
    let b = client.start_broadcast(&sid, &hls()).await.unwrap();
    // 0.3 s before the limit: no advance passes it, the timer task must.
    assert_eq!(advance(&emu.url, 59.7).await["stopped"], 0);
    let started = Instant::now();
    loop {
        if client.get_broadcast(&b.id).await.unwrap().status.as_deref() == Some("stopped") {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "the timer did not stop the broadcast");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let labels: Vec<String> = hook.wait_for(3, Duration::from_secs(5)).await.iter().map(label).collect();
    assert_eq!(labels, ["connectionCreated", "broadcast.started", "broadcast.stopped"]);
}

#[tokio::test]
async fn publishing_into_an_always_session_starts_and_posts_its_archive() {
    let emu = Emulator::start_in_memory(&FAST);
    let hook = Receiver::start(Mode::Ok).await;
    set_project_url(&emu.url, &hook.url).await;
    let client = project_client(&emu.url);
    let s = client
        .create_session(&opentok::SessionOptions {
            media_mode: Some(opentok::MediaMode::Routed),
            archive_mode: Some(opentok::ArchiveMode::Always),
            archive_name: Some("auto".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let token = client.generate_token(&s.session_id, &TokenOptions::default()).unwrap();
    let (_, c) = connect(&emu.url, &s.session_id, &token).await;
    let cid = c["connectionId"].as_str().unwrap();
    let stream = publish(&emu.url, &s.session_id, cid, json!({"hasVideo": false})).await;
    publish(&emu.url, &s.session_id, cid, json!({})).await; // a second stream starts no second archive
    let res = http()
        .delete(format!(
            "{}/emulator/v1/sessions/{}/connections/{cid}/streams/{}",
            emu.url,
            s.session_id,
            stream["id"].as_str().unwrap()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let got = hook.wait_for(5, Duration::from_secs(10)).await;
    let labels: Vec<String> = got.iter().map(label).collect();
    assert_eq!(labels, ["connectionCreated", "streamCreated", "archive.started", "streamCreated", "streamDestroyed"]);
    match parsed(&got[2]) {
        Event::ArchiveChanged { event } => assert_eq!(event.archive.name.as_deref(), Some("auto")),
        other => panic!("{other:?}"),
    }
    match parsed(&got[4]) {
        Event::StreamDestroyed { event } => {
            assert_eq!(
                (event.stream.id.as_str(), event.reason.as_deref()),
                (stream["id"].as_str().unwrap(), Some("clientDisconnected"))
            )
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn the_project_callback_url_is_checked() {
    let emu = Emulator::start_in_memory(&[]);
    let put = |project: &'static str, body: Value| {
        let url = emu.url.clone();
        async move {
            let res = http().put(format!("{url}/emulator/v1/projects/{project}/callback-url")).json(&body).send().await.unwrap();
            (res.status().as_u16(), res.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let (status, body) = put(KEY, json!({"url": "ftp://example.com/hook"})).await;
    assert_eq!(status, 400, "{body}");
    assert!(body["message"].as_str().unwrap().contains("url"), "{body}");
    assert_eq!(put("999999", json!({"url": "http://127.0.0.1:1/x"})).await.0, 404);
    assert_eq!(put(KEY, json!({"url": "http://127.0.0.1:1/x"})).await, (200, json!({"url": "http://127.0.0.1:1/x"})));
    assert_eq!(
        emulator_get(&emu.url, &format!("/emulator/v1/projects/{KEY}/callback-url")).await.1,
        json!({"url": "http://127.0.0.1:1/x"})
    );
    let res = http().delete(format!("{}/emulator/v1/projects/{KEY}/callback-url", emu.url)).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(emulator_get(&emu.url, &format!("/emulator/v1/projects/{KEY}/callback-url")).await.1, json!({"url": null}));
}

#[tokio::test]
async fn a_failing_event_holds_back_the_later_ones_of_its_session() {
    let emu =
        Emulator::start_in_memory(&["--callback-attempts", "6", "--callback-backoff-ms", "300", "--callback-timeout-ms", "2000"]);
    let hook = Receiver::start(Mode::Status(503)).await;
    set_project_url(&emu.url, &hook.url).await;
    let client = project_client(&emu.url);
    let (sid, conns) = session_with_clients(&emu.url, &client, false, 1, Role::Publisher).await;
    publish(&emu.url, &sid, &conns[0], json!({})).await;
    // Two refusals of connectionCreated, then the receiver recovers.
    hook.wait_for(2, Duration::from_secs(5)).await;
    hook.set_mode(Mode::Ok);
    let got = hook.wait_for(4, Duration::from_secs(10)).await;
    let labels: Vec<String> = got.iter().map(label).collect();
    assert_eq!(labels, ["connectionCreated", "connectionCreated", "connectionCreated", "streamCreated"]);
    assert!(got[0] == got[1] && got[1] == got[2], "the same body each time");
    let log = settled_log(&emu.url, Duration::from_secs(5)).await;
    let summary: Vec<(String, i64, i64)> = log
        .iter()
        .map(|d| (d["event"].as_str().unwrap().to_string(), d["attempts"].as_i64().unwrap(), d["statusCode"].as_i64().unwrap()))
        .collect();
    assert_eq!(summary, [("streamCreated".to_string(), 1, 200), ("connectionCreated".to_string(), 3, 200)]);
}
