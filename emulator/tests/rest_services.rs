//! SIP and DTMF, live captions, Experience Composer renders, the Audio Connector and callback
//! registration end to end: the core client against an in-process emulator.

mod common;

use common::*;
use opentok::{
    AudioConnectorOptions, AudioTransport, CallbackOptions, CaptionOptions, ErrorKind, ListOptions, RenderOptions, Role, SipAuth,
    SipDialOptions, TokenOptions,
};

fn token(client: &opentok::Client, sid: &str, role: Role) -> String {
    client.generate_token(sid, &TokenOptions { role, ..Default::default() }).unwrap()
}

#[tokio::test]
async fn sip_dial_creates_a_connection_and_dtmf_is_played() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 0, Role::Publisher).await;
    let opts = SipDialOptions {
        from: Some("15551234567@example.com".into()),
        headers: [("X-Room".to_string(), "42".to_string())].into(),
        auth: Some(SipAuth { username: "u".into(), password: "p".into() }),
        secure: Some(true),
        video: Some(false),
        observe_force_mute: Some(true),
        streams: vec![],
    };
    let call = client.dial(&sid, &token(&client, &sid, Role::Publisher), "sip:user@sip.example.com", &opts).await.unwrap();
    assert!(!call.id.is_empty() && call.stream_id.is_some());
    let conns = client.list_connections(&sid).await.unwrap();
    assert_eq!(conns.items.iter().map(|c| c.connection_id.as_str()).collect::<Vec<_>>(), [call.connection_id.as_str()]);
    assert_eq!(client.list_streams(&sid).await.unwrap().items[0].id, call.stream_id.clone().unwrap());

    client.play_dtmf(&sid, None, "1234#").await.unwrap();
    client.play_dtmf(&sid, Some(&call.connection_id), "p9*").await.unwrap();
    let (_, played) = emulator_get(emu.url(), &format!("/emulator/v1/sessions/{sid}/dtmf")).await;
    assert_eq!(played["items"][0]["digits"], "1234#");
    assert_eq!(played["items"][1]["connectionId"], call.connection_id.as_str());
    assert_eq!(client.play_dtmf(&sid, Some("gone"), "1").await.unwrap_err().kind(), ErrorKind::NotFound);

    // Server-side rules: custom headers must start with X-; relayed sessions refuse (409).
    let bad = SipDialOptions { headers: [("Room".to_string(), "1".to_string())].into(), ..Default::default() };
    let e = client.dial(&sid, &token(&client, &sid, Role::Publisher), "sip:a@b", &bad).await.unwrap_err();
    assert_eq!(e.status(), Some(400), "{e}");
    let (relayed, _) = session_with_clients(emu.url(), &client, true, 0, Role::Publisher).await;
    let e = client
        .dial(&relayed, &token(&client, &relayed, Role::Publisher), "sip:a@b", &SipDialOptions::default())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    // A token for another session is refused.
    let e =
        client.dial(&sid, &token(&client, &relayed, Role::Publisher), "sip:a@b", &SipDialOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication, "{e}");
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn captions_start_status_stop() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let opts = CaptionOptions {
        language_code: Some("en-US".into()),
        max_duration: Some(1800),
        partial_captions: Some(false),
        status_callback_url: Some("https://example.com/captions".into()),
    };
    let e = client.start_captions(&sid, &token(&client, &sid, Role::Publisher), &opts).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication, "needs a moderator token: {e}");
    let moderator = token(&client, &sid, Role::Moderator);
    let c = client.start_captions(&sid, &moderator, &opts).await.unwrap();
    let st = client.get_captions(&c.captions_id).await.unwrap();
    assert_eq!(
        (st.status.as_deref(), st.language_code.as_deref(), st.max_duration),
        (Some("started"), Some("en-US"), Some(1800))
    );
    let e = client.start_captions(&sid, &moderator, &CaptionOptions::default()).await.unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Conflict, Some(409)));
    client.stop_captions(&c.captions_id).await.unwrap();
    assert_eq!(client.get_captions(&c.captions_id).await.unwrap().status.as_deref(), Some("stopped"));
    assert_eq!(client.stop_captions(&c.captions_id).await.unwrap_err().kind(), ErrorKind::Conflict);
    assert_eq!(client.get_captions("nope").await.unwrap_err().kind(), ErrorKind::NotFound);
    // Stopped captions free the session for new ones.
    client.start_captions(&sid, &moderator, &CaptionOptions::default()).await.unwrap();
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn renders_go_starting_started_stopped() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 0, Role::Publisher).await;
    let opts = RenderOptions {
        url: "https://example.com/composer".into(),
        max_duration: Some(120),
        name: Some("composer".into()),
        ..Default::default()
    };
    let r = client.start_render(&sid, &token(&client, &sid, Role::Publisher), &opts).await.unwrap();
    assert_eq!((r.status.as_deref(), r.resolution.as_deref()), (Some("starting"), Some("1280x720")));
    let got = client.get_render(&r.id).await.unwrap();
    assert_eq!(got.status.as_deref(), Some("started"));
    let stream_id = got.stream_id.clone().unwrap();
    assert_eq!(client.get_stream(&sid, &stream_id).await.unwrap().name.as_deref(), Some("composer"));
    let list = client.list_renders(&ListOptions { count: Some(10), ..Default::default() }).await.unwrap();
    assert_eq!((list.count, list.items[0].id.as_str()), (1, r.id.as_str()));
    client.stop_render(&r.id).await.unwrap();
    assert_eq!(client.get_render(&r.id).await.unwrap().status.as_deref(), Some("stopped"));
    assert_eq!(client.list_connections(&sid).await.unwrap().count, 0, "its connection left");
    assert_eq!(client.stop_render(&r.id).await.unwrap_err().kind(), ErrorKind::Conflict);
    assert_eq!(client.get_render("nope").await.unwrap_err().kind(), ErrorKind::NotFound);
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn audio_connector_connect_and_stop() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 0, Role::Publisher).await;
    let statics = [("room".to_string(), "a".to_string())].into();
    let opts = AudioConnectorOptions {
        uri: "wss://audio.example.com/socket".into(),
        streams: vec![],
        headers: [("X-Id".to_string(), "1".to_string())].into(),
        audio_rate: Some(24000),
        bidirectional: Some(true),
        audio_transport: Some(AudioTransport {
            transport: Some("json".into()),
            encoding: Some("base64".into()),
            static_fields: Some(statics),
            ..Default::default()
        }),
    };
    let ac = client.connect_audio(&sid, &token(&client, &sid, Role::Publisher), &opts).await.unwrap();
    assert_eq!(client.list_connections(&sid).await.unwrap().items[0].connection_id, ac.connection_id);
    let (_, stored) = emulator_get(emu.url(), &format!("/emulator/v1/audio-connectors/{}", ac.id)).await;
    assert_eq!(
        stored["audioTransport"],
        serde_json::json!({"transport": "json", "encoding": "base64", "static_fields": {"room": "a"}})
    );
    assert_eq!(stored["audioRate"], 24000);
    client.stop_audio_connector(&ac.id).await.unwrap();
    assert_eq!(client.list_connections(&sid).await.unwrap().count, 0);
    assert_eq!(client.stop_audio_connector(&ac.id).await.unwrap_err().kind(), ErrorKind::Conflict);
    let (relayed, _) = session_with_clients(emu.url(), &client, true, 0, Role::Publisher).await;
    let e = client.connect_audio(&relayed, &token(&client, &relayed, Role::Publisher), &opts).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn callbacks_register_list_delete() {
    let (emu, client) = in_process().await;
    assert!(client.list_callbacks().await.unwrap().is_empty());
    let cb = client
        .register_callback(&CallbackOptions {
            group: "connection".into(),
            event: "connectionCreated".into(),
            url: "https://example.com/cb".into(),
        })
        .await
        .unwrap();
    assert_eq!(cb.event.as_deref(), Some("connectionCreated"));
    let list = client.list_callbacks().await.unwrap();
    assert_eq!(list.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), [cb.id.as_str()]);
    client.delete_callback(&cb.id).await.unwrap();
    assert!(client.list_callbacks().await.unwrap().is_empty());
    assert_eq!(client.delete_callback(&cb.id).await.unwrap_err().kind(), ErrorKind::NotFound);
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn php_and_vonage_path_variants_are_served() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let send = |method: reqwest::Method, path: String, body: Option<serde_json::Value>| {
        let url = format!("{}/v2/project/{KEY}{path}", emu.url());
        async move {
            let mut req = http().request(method, url).header("X-OPENTOK-AUTH", rest_jwt());
            if let Some(b) = body {
                req = req.json(&b);
            }
            let res = req.send().await.unwrap();
            (res.status().as_u16(), res.json::<serde_json::Value>().await.unwrap_or_default())
        }
    };
    // PHP dials on /call.
    let body = serde_json::json!({"sessionId": sid, "token": token(&client, &sid, Role::Publisher), "sip": {"uri": "sip:a@b"}});
    let (status, call) = send(reqwest::Method::POST, "/call".into(), Some(body)).await;
    assert_eq!(status, 200, "{call}");
    assert!(call["connectionId"].is_string());
    // PHP's trailing slashes on stream and connection lists.
    let (status, streams) = send(reqwest::Method::GET, format!("/session/{sid}/stream/"), None).await;
    assert_eq!((status, streams["count"].as_u64()), (200, Some(1)));
    let (status, conns) = send(reqwest::Method::GET, format!("/session/{sid}/connection/"), None).await;
    assert_eq!((status, conns["count"].as_u64()), (200, Some(2)));
    // PHP reads a render with POST.
    let r = client
        .start_render(
            &sid,
            &token(&client, &sid, Role::Publisher),
            &RenderOptions { url: "https://example.com/page".into(), ..Default::default() },
        )
        .await
        .unwrap();
    let (status, got) = send(reqwest::Method::POST, format!("/render/{}", r.id), None).await;
    assert_eq!((status, got["status"].as_str()), (200, Some("started")));
    // @vonage/video starts broadcasts on /broadcast/.
    let body = serde_json::json!({"sessionId": sid, "outputs": {"hls": {}}});
    let (status, b) = send(reqwest::Method::POST, "/broadcast/".into(), Some(body)).await;
    assert_eq!((status, b["status"].as_str()), (200, Some("started")));
    let (_, got) = send(reqwest::Method::GET, format!("/broadcast/{}", b["id"].as_str().unwrap()), None).await;
    assert_eq!(got["maxBitrate"], 2_000_000, "the default");
    // PHP's maxBitRate spelling.
    let body = serde_json::json!({"sessionId": sid, "outputs": {"hls": {}}, "multiBroadcastTag": "php", "maxBitRate": 500_000});
    let (status, b) = send(reqwest::Method::POST, "/broadcast".into(), Some(body)).await;
    assert_eq!((status, b["maxBitrate"].as_i64()), (200, Some(500_000)));
    emu.stop().await.unwrap();
}
