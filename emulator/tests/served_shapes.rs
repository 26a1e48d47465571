//! The JSON the emulator serves for its stored resources keeps its shape: every field name, its
//! JSON type and its presence, for archives, broadcasts, captions, renders, SIP calls, the Audio
//! Connector, streams, signals and DTMF, in each state they go through. The binding suites and the
//! official SDKs read these answers; `tests/fixtures/served_shapes.json` is the shape they read
//! (`null` fields included). Run with `UPDATE_SERVED_SHAPES=1` to rewrite the fixture after a
//! deliberate change (and review the diff).

mod common;

use std::collections::BTreeMap;

use common::*;
use opentok::{Role, TokenOptions};
use serde_json::{json, Map, Value};

/// The shape of a JSON value: objects keep their keys, lists the shapes of their items, scalars
/// become their type's name.
fn shape(v: &Value) -> Value {
    match v {
        Value::Null => json!("null"),
        Value::Bool(_) => json!("bool"),
        Value::Number(n) if n.is_i64() || n.is_u64() => json!("integer"),
        Value::Number(_) => json!("float"),
        Value::String(_) => json!("string"),
        Value::Array(items) => Value::Array(items.iter().map(shape).collect()),
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), shape(v))).collect::<Map<_, _>>()),
    }
}

struct Rest {
    url: String,
}

impl Rest {
    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut req = http()
            .request(method, format!("{}/v2/project/{KEY}{path}", self.url))
            .header("X-OPENTOK-AUTH", rest_jwt())
            .header("Accept", "application/json");
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        let text = res.text().await.unwrap();
        (status, if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap() })
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        let (status, v) = self.call(reqwest::Method::POST, path, Some(body)).await;
        assert!((200..300).contains(&status), "POST {path}: {status} {v}");
        v
    }

    async fn get(&self, path: &str) -> Value {
        let (status, v) = self.call(reqwest::Method::GET, path, None).await;
        assert_eq!(status, 200, "GET {path}: {v}");
        v
    }
}

#[tokio::test]
async fn served_documents_keep_their_shape() {
    let (emu, client) = in_process().await;
    let url = emu.url().to_string();
    let rest = Rest { url: url.clone() };
    let (sid, conns) = session_with_clients(&url, &client, false, 2, Role::Publisher).await;
    let token = |role| client.generate_token(&sid, &TokenOptions { role, ..Default::default() }).unwrap();
    let mut shapes: BTreeMap<String, Value> = BTreeMap::new();
    let mut record = |name: &str, v: &Value| {
        shapes.insert(name.to_string(), shape(v));
    };

    // Streams: published from a simulated connection, seen over REST and the emulator API.
    let stream = publish(&url, &sid, &conns[0], json!({"name": "cam", "layoutClassList": ["full"]})).await;
    record("stream.published", &stream);
    let stream_id = stream["id"].as_str().unwrap().to_string();
    record("stream.rest", &rest.get(&format!("/session/{sid}/stream/{stream_id}")).await);
    rest.call(
        reqwest::Method::PUT,
        &format!("/session/{sid}/stream"),
        Some(json!({"items": [{"id": stream_id, "layoutClassList": ["focus"]}]})),
    )
    .await;
    rest.post(&format!("/session/{sid}/stream/{stream_id}/mute"), json!({})).await;
    record("stream.emulator_list", &emulator_get(&url, &format!("/emulator/v1/sessions/{sid}/streams")).await.1);
    rest.post(&format!("/session/{sid}/mute"), json!({"active": true, "excludedStreamIds": [stream_id]})).await;
    record("stream.emulator_list_mute_all", &emulator_get(&url, &format!("/emulator/v1/sessions/{sid}/streams")).await.1);

    // Archives: a default one through its states, one with every option, an individual one, a
    // failed one.
    let started = rest.post("/archive", json!({"sessionId": sid})).await;
    record("archive.start", &started);
    let id = started["id"].as_str().unwrap().to_string();
    record("archive.get_started", &rest.get(&format!("/archive/{id}")).await);
    record("archive.stop", &rest.post(&format!("/archive/{id}/stop"), json!({})).await);
    record("archive.get_available", &rest.get(&format!("/archive/{id}")).await);
    rest.call(reqwest::Method::DELETE, &format!("/archive/{id}"), None).await;
    record("archive.get_deleted", &rest.get(&format!("/archive/{id}")).await);
    let full = rest
        .post(
            "/archive",
            json!({"sessionId": sid, "name": "full", "streamMode": "manual", "multiArchiveTag": "t1", "maxBitrate": 200000,
                   "maxDuration": 600, "resolution": "1280x720", "layout": {"type": "pip"},
                   "hasTranscription": true, "transcriptionProperties": {"primaryLanguageCode": "en-US", "hasSummary": true}}),
        )
        .await;
    let full_id = full["id"].as_str().unwrap().to_string();
    let (status, _) =
        rest.call(reqwest::Method::PATCH, &format!("/archive/{full_id}/streams"), Some(json!({"addStream": stream_id}))).await;
    assert_eq!(status, 204);
    record("archive.get_every_option", &rest.get(&format!("/archive/{full_id}")).await);
    let individual = rest
        .post(
            "/archive",
            json!({"sessionId": sid, "outputMode": "individual", "multiArchiveTag": "t2", "quantizationParameter": 20}),
        )
        .await;
    record("archive.start_individual", &individual);
    let individual_id = individual["id"].as_str().unwrap().to_string();
    let res = http()
        .post(format!("{url}/emulator/v1/archives/{individual_id}/fail"))
        .json(&json!({"reason": "disk full"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    record("archive.failed", &res.json().await.unwrap());
    let list = rest.get(&format!("/archive?sessionId={sid}&count=1")).await;
    record("archive.list", &list);
    record("archive.emulator_list", &emulator_get(&url, &format!("/emulator/v1/sessions/{sid}/archives")).await.1["items"][0]);

    // Broadcasts: HLS and RTMP (one output without an id), and RTMP only with a tag.
    let b = rest
        .post(
            "/broadcast",
            json!({"sessionId": sid, "outputs": {"hls": {"dvr": true}, "rtmp": [
                {"id": "a", "serverUrl": "rtmp://x/app", "streamName": "k"},
                {"serverUrl": "rtmps://y/app", "streamName": "k2"}]}}),
        )
        .await;
    record("broadcast.start_hls_rtmp", &b);
    let bid = b["id"].as_str().unwrap().to_string();
    record("broadcast.stop_hls_rtmp", &rest.post(&format!("/broadcast/{bid}/stop"), json!({})).await);
    let b2 = rest
        .post(
            "/broadcast",
            json!({"sessionId": sid, "multiBroadcastTag": "x", "maxDuration": 120, "streamMode": "manual",
                   "outputs": {"rtmp": [{"id": "z", "serverUrl": "rtmp://x/app", "streamName": "k"}]}}),
        )
        .await;
    let b2id = b2["id"].as_str().unwrap().to_string();
    let (status, _) = rest
        .call(
            reqwest::Method::PATCH,
            &format!("/broadcast/{b2id}/streams"),
            Some(json!({"addStream": stream_id, "hasVideo": false})),
        )
        .await;
    assert_eq!(status, 204);
    record("broadcast.get_rtmp_tagged", &rest.get(&format!("/broadcast/{b2id}")).await);
    record("broadcast.list", &rest.get("/broadcast?count=1").await);

    // Live captions.
    let c = rest.post("/captions", json!({"sessionId": sid, "token": token(Role::Moderator)})).await;
    record("captions.start", &c);
    let cid = c["captionsId"].as_str().unwrap().to_string();
    record("captions.get_started", &rest.get(&format!("/captions/{cid}")).await);
    rest.post(&format!("/captions/{cid}/stop"), json!({})).await;
    record("captions.get_stopped", &rest.get(&format!("/captions/{cid}")).await);
    let c2 = rest
        .post(
            "/captions",
            json!({"sessionId": sid, "token": token(Role::Moderator), "statusCallbackUrl": "https://example.com/cb",
                   "partialCaptions": false, "maxDuration": 600}),
        )
        .await;
    record("captions.get_with_callback", &rest.get(&format!("/captions/{}", c2["captionsId"].as_str().unwrap())).await);

    // Experience Composer renders.
    let r = rest
        .post("/render", json!({"sessionId": sid, "token": token(Role::Publisher), "url": "https://example.com/composer"}))
        .await;
    record("render.start", &r);
    let rid = r["id"].as_str().unwrap().to_string();
    record("render.get_started", &rest.get(&format!("/render/{rid}")).await);
    rest.call(reqwest::Method::DELETE, &format!("/render/{rid}"), None).await;
    record("render.get_stopped", &rest.get(&format!("/render/{rid}")).await);
    let r2 = rest
        .post(
            "/render",
            json!({"sessionId": sid, "token": token(Role::Publisher), "url": "https://example.com/composer",
                   "properties": {"name": "comp"}, "statusCallbackUrl": "https://example.com/cb", "resolution": "640x480"}),
        )
        .await;
    record("render.start_named", &r2);
    record("render.list", &rest.get("/render?count=1").await);

    // SIP dial, DTMF, signals.
    let call = rest
        .post(
            "/dial",
            json!({"sessionId": sid, "token": token(Role::Publisher),
                   "sip": {"uri": "sip:a@example.com", "from": "me@example.com", "headers": {"X-A": "1"}, "secure": true}}),
        )
        .await;
    record("sip.dial", &call);
    rest.post(&format!("/session/{sid}/play-dtmf"), json!({"digits": "12#"})).await;
    rest.post(&format!("/session/{sid}/connection/{}/play-dtmf", conns[0]), json!({"digits": "9"})).await;
    record("dtmf.emulator_list", &emulator_get(&url, &format!("/emulator/v1/sessions/{sid}/dtmf")).await.1);
    rest.post(&format!("/session/{sid}/signal"), json!({"type": "chat", "data": "hi"})).await;
    rest.post(&format!("/session/{sid}/connection/{}/signal", conns[0]), json!({"data": "only you"})).await;
    record(
        "signals.emulator_list",
        &emulator_get(&url, &format!("/emulator/v1/sessions/{sid}/connections/{}/signals", conns[0])).await.1,
    );

    // The Audio Connector.
    let a = rest
        .post(
            "/connect",
            json!({"sessionId": sid, "token": token(Role::Publisher),
                   "websocket": {"uri": "wss://example.com/ws", "headers": {"h": "1"}, "audioRate": 16000,
                                 "audioTransport": {"transport": "json"}}}),
        )
        .await;
    record("audio.connect", &a);
    let aid = a["id"].as_str().unwrap().to_string();
    record("audio.emulator_get_connected", &emulator_get(&url, &format!("/emulator/v1/audio-connectors/{aid}")).await.1);
    rest.post(&format!("/connect/{aid}/stop"), json!({})).await;
    record("audio.emulator_get_stopped", &emulator_get(&url, &format!("/emulator/v1/audio-connectors/{aid}")).await.1);
    let a2 = rest
        .post("/connect", json!({"sessionId": sid, "token": token(Role::Publisher), "websocket": {"uri": "ws://example.com/ws"}}))
        .await;
    record(
        "audio.emulator_get_minimal",
        &emulator_get(&url, &format!("/emulator/v1/audio-connectors/{}", a2["id"].as_str().unwrap())).await.1,
    );

    let got = serde_json::to_value(&shapes).unwrap();
    let fixture = fixture("served_shapes.json");
    if std::env::var_os("UPDATE_SERVED_SHAPES").is_some() {
        std::fs::write(&fixture, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
    }
    let want: Value = serde_json::from_str(&std::fs::read_to_string(&fixture).unwrap()).unwrap();
    for (name, shape) in want.as_object().unwrap() {
        assert_eq!(Some(shape), got.get(name), "the shape of {name} changed");
    }
    assert_eq!(got, want);
    emu.stop().await.unwrap();
}
