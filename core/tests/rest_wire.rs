//! The wire shape of every REST operation (method, path, JSON body) as seen by a real socket
//! server, and tolerant reading of answers (204, empty bodies, unknown and missing fields).

mod support;

use opentok::*;
use serde_json::{json, Value};

const KEY: &str = "123456";
const SECRET: &str = "1234567890abcdef1234567890abcdef1234567890";

async fn setup(answer: &'static str, status: u16) -> (support::Server, Client) {
    let server = support::serve(
        move |_, _| if status == 204 { Some((204, vec![], String::new())) } else { support::json(status, answer) },
    )
    .await;
    let client = Client::new(
        Credentials::project(KEY, SECRET).unwrap(),
        ClientOptions { base_url: Some(server.url.clone()), retry: RetryPolicy::none(), ..Default::default() },
    )
    .unwrap();
    (server, client)
}

fn sid() -> String {
    SessionId::mint(KEY, None, 1_700_000_000_000, "abc", "").as_str().to_string()
}

/// (request line, JSON body or Null) of the last request.
fn last(server: &support::Server) -> (String, Value, Option<String>) {
    let seen = server.seen.lock().unwrap();
    let r = seen.last().expect("a request was sent");
    let body = if r.body.is_empty() { Value::Null } else { serde_json::from_str(&r.body).unwrap() };
    (r.request_line.clone(), body, r.header("content-type").map(str::to_string))
}

fn p(rest: &str) -> String {
    format!("/v2/project/{KEY}{rest}")
}

#[tokio::test]
async fn archive_operations_on_the_wire() {
    let (server, c) = setup(r#"{"id":"A1","status":"started","sessionId":"S","unknown":[1,2]}"#, 200).await;
    let s = sid();
    let o = ArchiveOptions {
        name: Some("n".into()),
        has_video: Some(false),
        output_mode: Some(OutputMode::Composed),
        resolution: Some(ArchiveResolution::FhdVertical),
        stream_mode: Some(StreamMode::Manual),
        layout: Some(Layout { layout_type: LayoutType::BestFit, stylesheet: None, screenshare_type: Some(LayoutType::Pip) }),
        multi_archive_tag: Some("t".into()),
        quantization_parameter: Some(25),
        has_transcription: Some(true),
        transcription_properties: Some(TranscriptionProperties {
            primary_language_code: Some("en-US".into()),
            has_summary: Some(false),
        }),
        ..Default::default()
    };
    let a = c.start_archive(&s, &o).await.unwrap();
    assert_eq!((a.id.as_str(), &a.status), ("A1", &ArchiveStatus::Started));
    let (line, body, ct) = last(&server);
    assert_eq!(line, format!("POST {} HTTP/1.1", p("/archive")));
    assert_eq!(ct.as_deref(), Some("application/json"));
    assert_eq!(
        body,
        json!({"sessionId": s, "name": "n", "hasVideo": false, "outputMode": "composed", "resolution": "1080x1920",
               "streamMode": "manual", "layout": {"type": "bestFit", "screenshareType": "pip"}, "multiArchiveTag": "t",
               "quantizationParameter": 25, "hasTranscription": true,
               "transcriptionProperties": {"primaryLanguageCode": "en-US", "hasSummary": false}})
    );
    c.stop_archive("A 1/x").await.unwrap_err(); // whitespace refused
    c.stop_archive("A1").await.unwrap();
    assert_eq!(last(&server).0, format!("POST {} HTTP/1.1", p("/archive/A1/stop")));
    assert_eq!(last(&server).1, Value::Null, "stop sends no body");
    c.get_archive("A1").await.unwrap();
    assert_eq!(last(&server).0, format!("GET {} HTTP/1.1", p("/archive/A1")));
    c.list_archives(&ListOptions { offset: Some(2), count: Some(3), session_id: Some(s.clone()) }).await.unwrap();
    assert_eq!(last(&server).0, format!("GET {}?offset=2&count=3&sessionId={s} HTTP/1.1", p("/archive")));
    c.set_archive_layout("A1", &Layout::custom("a{}")).await.unwrap();
    assert_eq!(last(&server).0, format!("PUT {} HTTP/1.1", p("/archive/A1/layout")));
    assert_eq!(last(&server).1, json!({"type": "custom", "stylesheet": "a{}"}));
    c.add_archive_stream("A1", "S1", StreamTracks { has_audio: true, has_video: false }).await.unwrap();
    assert_eq!(last(&server).0, format!("PATCH {} HTTP/1.1", p("/archive/A1/streams")));
    assert_eq!(last(&server).1, json!({"addStream": "S1", "hasAudio": true, "hasVideo": false}));
    c.remove_archive_stream("A1", "S1").await.unwrap();
    assert_eq!(last(&server).1, json!({"removeStream": "S1"}));
    c.delete_archive("A1").await.unwrap();
    assert_eq!(last(&server).0, format!("DELETE {} HTTP/1.1", p("/archive/A1")));
}

#[tokio::test]
async fn no_content_answers_are_fine() {
    let (server, c) = setup("", 204).await;
    let s = sid();
    c.delete_archive("A1").await.unwrap();
    c.add_archive_stream("A1", "S1", StreamTracks::default()).await.unwrap();
    c.signal(&s, None, &Signal::new("chat", "hi")).await.unwrap();
    assert_eq!(last(&server).1, json!({"type": "chat", "data": "hi"}));
    c.force_disconnect(&s, "C1").await.unwrap();
    assert_eq!(last(&server).0, format!("DELETE {} HTTP/1.1", p(&format!("/session/{s}/connection/C1"))));
    // A model answer without its identity (here: an empty 204) is an invalid response.
    assert_eq!(c.get_archive("A1").await.unwrap_err().kind(), ErrorKind::InvalidResponse);
}

#[tokio::test]
async fn session_scoped_operations_on_the_wire() {
    let (server, c) = setup(r#"{"count":0,"items":[]}"#, 200).await;
    let s = sid();
    c.list_streams(&s).await.unwrap();
    assert_eq!(last(&server).0, format!("GET {} HTTP/1.1", p(&format!("/session/{s}/stream"))));
    // (the answer is a page, not a stream: it has no id, so it is invalid; the request is what counts)
    assert_eq!(c.get_stream(&s, "ST").await.unwrap_err().kind(), ErrorKind::InvalidResponse);
    assert_eq!(last(&server).0, format!("GET {} HTTP/1.1", p(&format!("/session/{s}/stream/ST"))));
    c.set_stream_class_lists(&s, &[StreamClassList::new("ST", ["a", "b"])]).await.unwrap();
    assert_eq!(last(&server).0, format!("PUT {} HTTP/1.1", p(&format!("/session/{s}/stream"))));
    assert_eq!(last(&server).1, json!({"items": [{"id": "ST", "layoutClassList": ["a", "b"]}]}));
    c.mute_stream(&s, "ST").await.unwrap();
    assert_eq!(last(&server).0, format!("POST {} HTTP/1.1", p(&format!("/session/{s}/stream/ST/mute"))));
    c.mute_all(&s, &MuteAllOptions { excluded_stream_ids: vec!["K".into()] }).await.unwrap();
    assert_eq!(last(&server).0, format!("POST {} HTTP/1.1", p(&format!("/session/{s}/mute"))));
    assert_eq!(last(&server).1, json!({"active": true, "excludedStreamIds": ["K"]}));
    c.mute_all(&s, &MuteAllOptions::default()).await.unwrap();
    assert_eq!(last(&server).1, json!({"active": true, "excludedStreamIds": []}));
    c.disable_force_mute(&s).await.unwrap();
    assert_eq!(last(&server).1, json!({"active": false}));
    c.signal(&s, Some("C1"), &Signal { signal_type: None, data: "x".into() }).await.unwrap();
    assert_eq!(last(&server).0, format!("POST {} HTTP/1.1", p(&format!("/session/{s}/connection/C1/signal"))));
    assert_eq!(last(&server).1, json!({"data": "x"}));
    c.list_connections(&s).await.unwrap();
    assert_eq!(last(&server).0, format!("GET {} HTTP/1.1", p(&format!("/session/{s}/connection"))));
    c.play_dtmf(&s, None, "1#").await.unwrap();
    assert_eq!(last(&server).0, format!("POST {} HTTP/1.1", p(&format!("/session/{s}/play-dtmf"))));
    assert_eq!(last(&server).1, json!({"digits": "1#"}));
    c.play_dtmf(&s, Some("C1"), "p").await.unwrap();
    assert_eq!(last(&server).0, format!("POST {} HTTP/1.1", p(&format!("/session/{s}/connection/C1/play-dtmf"))));
}

#[tokio::test]
async fn service_operations_on_the_wire() {
    let (server, c) = setup(r#"{"id":"X","connectionId":"C","captionsId":"CAP","streamId":null,"status":"started"}"#, 200).await;
    let s = sid();
    let sip = SipDialOptions {
        from: Some("me@x".into()),
        headers: [("X-A".to_string(), "1".to_string())].into(),
        auth: Some(SipAuth { username: "u".into(), password: "pw".into() }),
        secure: Some(true),
        video: Some(true),
        observe_force_mute: Some(false),
        streams: vec!["S1".into()],
    };
    let call = c.dial(&s, "TOKEN", "sips:a@b", &sip).await.unwrap();
    assert_eq!((call.id.as_str(), call.connection_id.as_str(), call.stream_id), ("X", "C", None));
    assert_eq!(last(&server).0, format!("POST {} HTTP/1.1", p("/dial")));
    assert_eq!(
        last(&server).1,
        json!({"sessionId": s, "token": "TOKEN", "sip": {"uri": "sips:a@b", "from": "me@x", "headers": {"X-A": "1"},
               "auth": {"username": "u", "password": "pw"}, "secure": true, "video": true, "observeForceMute": false, "streams": ["S1"]}})
    );
    let cap = c
        .start_captions(
            &s,
            "TOKEN",
            &CaptionOptions {
                language_code: Some("en-US".into()),
                max_duration: Some(300),
                partial_captions: Some(true),
                status_callback_url: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(cap.captions_id, "CAP");
    assert_eq!(
        last(&server).1,
        json!({"sessionId": s, "token": "TOKEN", "languageCode": "en-US", "maxDuration": 300, "partialCaptions": true})
    );
    c.stop_captions("CAP").await.unwrap();
    assert_eq!(last(&server).0, format!("POST {} HTTP/1.1", p("/captions/CAP/stop")));
    c.get_captions("CAP").await.unwrap();
    assert_eq!(last(&server).0, format!("GET {} HTTP/1.1", p("/captions/CAP")));

    let r = RenderOptions {
        url: "https://example.com/x".into(),
        max_duration: Some(60),
        resolution: Some(ArchiveResolution::HdVertical),
        name: Some("nm".into()),
        status_callback_url: Some("https://example.com/cb".into()),
    };
    c.start_render(&s, "TOKEN", &r).await.unwrap();
    assert_eq!(
        last(&server).1,
        json!({"sessionId": s, "token": "TOKEN", "url": "https://example.com/x", "maxDuration": 60, "resolution": "720x1280",
               "properties": {"name": "nm"}, "statusCallbackUrl": "https://example.com/cb"})
    );
    c.get_render("X").await.unwrap();
    assert_eq!(last(&server).0, format!("GET {} HTTP/1.1", p("/render/X")));
    c.stop_render("X").await.unwrap();
    assert_eq!(last(&server).0, format!("DELETE {} HTTP/1.1", p("/render/X")));
    c.list_renders(&ListOptions { offset: None, count: Some(1000), session_id: None }).await.unwrap();
    assert_eq!(last(&server).0, format!("GET {}?count=1000 HTTP/1.1", p("/render")));

    let ws = AudioConnectorOptions {
        uri: "wss://a.example/ws".into(),
        streams: vec!["S1".into()],
        headers: [("k".to_string(), "v".to_string())].into(),
        audio_rate: Some(8000),
        bidirectional: Some(true),
        audio_transport: Some(AudioTransport {
            transport: Some("json".into()),
            audio_field: Some("a".into()),
            receive_audio_field: Some("b".into()),
            ..Default::default()
        }),
    };
    c.connect_audio(&s, "TOKEN", &ws).await.unwrap();
    assert_eq!(last(&server).0, format!("POST {} HTTP/1.1", p("/connect")));
    assert_eq!(
        last(&server).1,
        json!({"sessionId": s, "token": "TOKEN", "websocket": {"uri": "wss://a.example/ws", "streams": ["S1"], "headers": {"k": "v"},
               "audioRate": 8000, "bidirectional": true, "audioTransport": {"transport": "json", "audio_field": "a", "receive_audio_field": "b"}}})
    );
    c.stop_audio_connector("X").await.unwrap();
    assert_eq!(last(&server).0, format!("POST {} HTTP/1.1", p("/connect/X/stop")));

    let b = BroadcastOptions {
        outputs: BroadcastOutputs { hls: Some(HlsOptions { dvr: None, low_latency: Some(true) }), rtmp: vec![] },
        stream_mode: Some(StreamMode::Auto),
        has_audio: Some(true),
        ..Default::default()
    };
    c.start_broadcast(&s, &b).await.unwrap();
    assert_eq!(last(&server).0, format!("POST {} HTTP/1.1", p("/broadcast")));
    assert_eq!(
        last(&server).1,
        json!({"sessionId": s, "outputs": {"hls": {"lowLatency": true}}, "streamMode": "auto", "hasAudio": true})
    );
    c.list_broadcasts(&ListOptions::default()).await.unwrap();
    assert_eq!(last(&server).0, format!("GET {} HTTP/1.1", p("/broadcast")));
    c.set_broadcast_layout("X", &Layout::of(LayoutType::Pip)).await.unwrap();
    assert_eq!(last(&server).0, format!("PUT {} HTTP/1.1", p("/broadcast/X/layout")));
    c.remove_broadcast_stream("X", "S1").await.unwrap();
    assert_eq!(last(&server).0, format!("PATCH {} HTTP/1.1", p("/broadcast/X/streams")), "not PHP's archive path");
}

#[tokio::test]
async fn callbacks_on_the_wire_and_as_a_list() {
    let (server, c) =
        setup(r#"[{"id":"CB","group":"stream","event":"streamCreated","url":"https://x.example","createdAt":1}]"#, 200).await;
    let list = c.list_callbacks().await.unwrap();
    assert_eq!((list.len(), list[0].id.as_str(), list[0].created_at), (1, "CB", Some(1)));
    assert_eq!(last(&server).0, format!("GET {} HTTP/1.1", p("/callback")));
    c.delete_callback("CB").await.unwrap();
    assert_eq!(last(&server).0, format!("DELETE {} HTTP/1.1", p("/callback/CB")));
}

#[tokio::test]
async fn errors_keep_status_code_and_message() {
    let (_server, c) = setup(r#"{"code":409,"message":"Archive already in progress"}"#, 409).await;
    let e = c.start_archive(&sid(), &ArchiveOptions::default()).await.unwrap_err();
    assert_eq!((e.kind(), e.status(), e.code().as_deref()), (ErrorKind::Conflict, Some(409), Some("409")));
    assert_eq!(e.api_message(), Some("Archive already in progress"));
    let (_server, c) = setup(r#"{"code":400,"message":"no clients connected"}"#, 400).await;
    let e = c.start_archive(&sid(), &ArchiveOptions::default()).await.unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Request, Some(400)));
    let (_server, c) = setup("not json", 200).await;
    let e = c.get_archive("A").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidResponse, "{e}");
}

#[tokio::test]
async fn application_credentials_use_the_application_id_in_paths() {
    let pem =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../emulator/tests/fixtures/app_private.pem")).unwrap();
    let app = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f";
    let server = support::serve(|_, _| support::json(200, r#"{"count":0,"items":[]}"#)).await;
    let c = Client::new(
        Credentials::application(app, &pem).unwrap(),
        ClientOptions { base_url: Some(server.url.clone()), ..Default::default() },
    )
    .unwrap();
    c.list_archives(&ListOptions::default()).await.unwrap();
    let seen = server.seen.lock().unwrap();
    assert_eq!(seen[0].request_line, format!("GET /v2/project/{app}/archive HTTP/1.1"));
    assert!(seen[0].header("authorization").unwrap().starts_with("Bearer "));
}
