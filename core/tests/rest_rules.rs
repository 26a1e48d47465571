//! Client-side rules of the REST operations: each broken rule is an InvalidArgument naming the
//! field, and nothing reaches the server (a capturing socket server proves it).

mod support;

use opentok::*;

const KEY: &str = "123456";
const SECRET: &str = "1234567890abcdef1234567890abcdef1234567890";

fn sid() -> String {
    SessionId::mint(KEY, None, 1_700_000_000_000, "abc", "").as_str().to_string()
}

async fn setup() -> (support::Server, Client) {
    let server = support::serve(|_, _| support::json(200, "{}")).await;
    let client = Client::new(
        Credentials::project(KEY, SECRET).unwrap(),
        ClientOptions { base_url: Some(server.url.clone()), retry: RetryPolicy::none(), ..Default::default() },
    )
    .unwrap();
    (server, client)
}

fn field(r: Result<impl std::fmt::Debug>) -> String {
    let e = r.expect_err("must be refused");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    let msg = e.to_string();
    let f = e.field().unwrap().to_string();
    assert!(msg.contains(&f), "message names the field: {msg}");
    f
}

#[tokio::test]
async fn archive_rules() {
    let (server, c) = setup().await;
    let s = sid();
    let start = |o: ArchiveOptions| {
        let c = c.clone();
        let s = s.clone();
        async move { c.start_archive(&s, &o).await }
    };
    let ind = Some(OutputMode::Individual);
    assert_eq!(
        field(start(ArchiveOptions { output_mode: ind, resolution: Some(ArchiveResolution::Hd), ..Default::default() }).await),
        "resolution"
    );
    assert_eq!(
        field(start(ArchiveOptions { output_mode: ind, layout: Some(Layout::default()), ..Default::default() }).await),
        "layout"
    );
    assert_eq!(
        field(start(ArchiveOptions { quantization_parameter: Some(14), ..Default::default() }).await),
        "quantizationParameter"
    );
    assert_eq!(
        field(start(ArchiveOptions { quantization_parameter: Some(41), ..Default::default() }).await),
        "quantizationParameter"
    );
    assert_eq!(
        field(start(ArchiveOptions { output_mode: ind, quantization_parameter: Some(20), ..Default::default() }).await),
        "quantizationParameter"
    );
    assert_eq!(
        field(start(ArchiveOptions { quantization_parameter: Some(20), max_bitrate: Some(200_000), ..Default::default() }).await),
        "quantizationParameter"
    );
    assert_eq!(field(start(ArchiveOptions { max_bitrate: Some(99_999), ..Default::default() }).await), "maxBitrate");
    assert_eq!(field(start(ArchiveOptions { max_bitrate: Some(6_000_001), ..Default::default() }).await), "maxBitrate");
    assert_eq!(
        field(start(ArchiveOptions { has_audio: Some(false), has_video: Some(false), ..Default::default() }).await),
        "hasAudio"
    );
    assert_eq!(
        field(start(ArchiveOptions { multi_archive_tag: Some(" ".into()), ..Default::default() }).await),
        "multiArchiveTag"
    );
    assert_eq!(field(start(ArchiveOptions { name: Some("n".repeat(257)), ..Default::default() }).await), "name");
    let tp = Some(TranscriptionProperties { primary_language_code: Some("en-US".into()), has_summary: None });
    assert_eq!(
        field(start(ArchiveOptions { transcription_properties: tp, ..Default::default() }).await),
        "transcriptionProperties"
    );
    let tp = Some(TranscriptionProperties { primary_language_code: Some("english".into()), has_summary: None });
    assert_eq!(
        field(start(ArchiveOptions { has_transcription: Some(true), transcription_properties: tp, ..Default::default() }).await),
        "transcriptionProperties.primaryLanguageCode"
    );
    assert_eq!(
        field(start(ArchiveOptions { layout: Some(Layout::of(LayoutType::Custom)), ..Default::default() }).await),
        "layout.stylesheet"
    );
    // Session ids are taken as the service takes them: only empty ones or ones with whitespace
    // are refused; placeholders, undecodable payloads and other projects' ids are sent.
    assert_eq!(field(c.start_archive("", &ArchiveOptions::default()).await), "sessionId");
    assert_eq!(field(c.start_archive("1_MX4 x", &ArchiveOptions::default()).await), "sessionId");
    assert_eq!(field(c.start_archive("1_MX4\u{7}", &ArchiveOptions::default()).await), "sessionId");
    // Ids, list paging, layouts, stream tracks.
    assert_eq!(field(c.get_archive("").await), "archiveId");
    assert_eq!(field(c.stop_archive("a b").await), "archiveId");
    assert_eq!(field(c.delete_archive(" ").await), "archiveId");
    assert_eq!(field(c.list_archives(&ListOptions { count: Some(1001), ..Default::default() }).await), "count");
    assert_eq!(field(c.list_archives(&ListOptions { count: Some(0), ..Default::default() }).await), "count");
    assert_eq!(field(c.list_archives(&ListOptions { session_id: Some("x y".into()), ..Default::default() }).await), "sessionId");
    let pip_with_css = Layout { layout_type: LayoutType::Pip, stylesheet: Some("x".into()), screenshare_type: None };
    assert_eq!(field(c.set_archive_layout("a", &pip_with_css).await), "layout.stylesheet");
    let ss = Layout { layout_type: LayoutType::Pip, stylesheet: None, screenshare_type: Some(LayoutType::Pip) };
    assert_eq!(field(c.set_archive_layout("a", &ss).await), "layout.screenshareType");
    let ss_custom = Layout { layout_type: LayoutType::BestFit, stylesheet: None, screenshare_type: Some(LayoutType::Custom) };
    assert_eq!(field(c.set_archive_layout("a", &ss_custom).await), "layout.screenshareType");
    assert_eq!(field(c.add_archive_stream("a", "", StreamTracks::default()).await), "streamId");
    assert_eq!(field(c.add_archive_stream("a", "s", StreamTracks { has_audio: false, has_video: false }).await), "hasAudio");
    assert_eq!(field(c.remove_archive_stream("", "s").await), "archiveId");
    assert!(server.seen.lock().unwrap().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn broadcast_rules() {
    let (server, c) = setup().await;
    let s = sid();
    let rtmp =
        |n: usize| (0..n).map(|i| RtmpOutput { id: None, server_url: "rtmp://x/a".into(), stream_name: i.to_string() }).collect();
    let with = |outputs: BroadcastOutputs| BroadcastOptions { outputs, ..Default::default() };
    let hls = || BroadcastOutputs { hls: Some(HlsOptions::default()), rtmp: vec![] };
    let cases: Vec<(BroadcastOptions, &str)> = vec![
        (BroadcastOptions::default(), "outputs"),
        (with(BroadcastOutputs { hls: None, rtmp: rtmp(6) }), "outputs.rtmp"),
        (
            with(BroadcastOutputs { hls: Some(HlsOptions { dvr: Some(true), low_latency: Some(true) }), rtmp: vec![] }),
            "outputs.hls.lowLatency",
        ),
        (
            with(BroadcastOutputs {
                hls: None,
                rtmp: vec![RtmpOutput { id: None, server_url: "http://x".into(), stream_name: "k".into() }],
            }),
            "outputs.rtmp.serverUrl",
        ),
        (
            with(BroadcastOutputs {
                hls: None,
                rtmp: vec![RtmpOutput { id: None, server_url: "rtmp://x".into(), stream_name: "".into() }],
            }),
            "outputs.rtmp.streamName",
        ),
        (BroadcastOptions { max_duration: Some(59), ..with(hls()) }, "maxDuration"),
        (BroadcastOptions { max_duration: Some(36_001), ..with(hls()) }, "maxDuration"),
        (BroadcastOptions { max_bitrate: Some(99_999), ..with(hls()) }, "maxBitrate"),
        (BroadcastOptions { has_audio: Some(false), has_video: Some(false), ..with(hls()) }, "hasAudio"),
        (BroadcastOptions { multi_broadcast_tag: Some("".into()), ..with(hls()) }, "multiBroadcastTag"),
        (BroadcastOptions { layout: Some(Layout::of(LayoutType::Custom)), ..with(hls()) }, "layout.stylesheet"),
    ];
    for (o, f) in cases {
        assert_eq!(field(c.start_broadcast(&s, &o).await), f);
    }
    assert!(
        BroadcastOptions { ..with(BroadcastOutputs { hls: None, rtmp: rtmp(5) }) }.validate().is_ok(),
        "5 RTMP outputs are fine"
    );
    assert_eq!(field(c.get_broadcast("").await), "broadcastId");
    assert_eq!(field(c.stop_broadcast(" ").await), "broadcastId");
    assert_eq!(field(c.list_broadcasts(&ListOptions { count: Some(5000), ..Default::default() }).await), "count");
    assert_eq!(field(c.set_broadcast_layout("b", &Layout::of(LayoutType::Custom)).await), "layout.stylesheet");
    assert_eq!(field(c.add_broadcast_stream("b", "s", StreamTracks { has_audio: false, has_video: false }).await), "hasAudio");
    assert_eq!(field(c.remove_broadcast_stream("b", "").await), "streamId");
    assert!(server.seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn stream_moderation_signal_rules() {
    let (server, c) = setup().await;
    let s = sid();
    assert_eq!(field(c.get_stream(&s, "").await), "streamId");
    assert_eq!(field(c.list_streams("bo gus").await), "sessionId");
    assert_eq!(field(c.set_stream_class_lists(&s, &[]).await), "items");
    assert_eq!(field(c.set_stream_class_lists(&s, &[StreamClassList::new("", ["a"])]).await), "items.id");
    assert_eq!(field(c.set_stream_class_lists(&s, &[StreamClassList::new("x", ["two words"])]).await), "items.layoutClassList");
    assert_eq!(field(c.force_disconnect(&s, "").await), "connectionId");
    assert_eq!(field(c.mute_stream(&s, " ").await), "streamId");
    assert_eq!(field(c.mute_all(&s, &MuteAllOptions { excluded_stream_ids: vec!["".into()] }).await), "excludedStreamIds");
    assert_eq!(field(c.disable_force_mute("").await), "sessionId");
    assert_eq!(field(c.signal(&s, None, &Signal::new("", "d")).await), "type");
    assert_eq!(field(c.signal(&s, None, &Signal::new("t".repeat(129), "d")).await), "type");
    assert_eq!(field(c.signal(&s, None, &Signal::new("has space", "d")).await), "type");
    assert_eq!(field(c.signal(&s, Some(""), &Signal::new("t", "d")).await), "connectionId");
    assert!(Signal::new("t".repeat(128), "x".repeat(100_000)).validate().is_ok(), "data size is the service's call (413)");
    assert_eq!(field(c.list_connections("").await), "sessionId");
    assert!(server.seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn sip_captions_render_audio_callback_rules() {
    let (server, c) = setup().await;
    let s = sid();
    let none = SipDialOptions::default();
    assert_eq!(field(c.dial(&s, "", "sip:a@b", &none).await), "token");
    assert_eq!(field(c.dial(&s, "t", "tel:+1555", &none).await), "sip.uri");
    assert_eq!(field(c.dial(&s, "t", "sip:", &none).await), "sip.uri");
    let auth = SipDialOptions { auth: Some(SipAuth { username: "".into(), password: "p".into() }), ..Default::default() };
    assert_eq!(field(c.dial(&s, "t", "sip:a@b", &auth).await), "sip.auth.username");
    let hdr = SipDialOptions { headers: [("Bad Name".to_string(), "v".to_string())].into(), ..Default::default() };
    assert_eq!(field(c.dial(&s, "t", "sip:a@b", &hdr).await), "sip.headers");
    assert_eq!(field(c.play_dtmf(&s, None, "").await), "digits");
    assert_eq!(field(c.play_dtmf(&s, None, "12a").await), "digits");
    assert_eq!(field(c.play_dtmf(&s, Some(""), "1").await), "connectionId");
    assert!(validate_dtmf("0123456789*#p").is_ok());

    let cap = |o: CaptionOptions| {
        let c = c.clone();
        let s = s.clone();
        async move { c.start_captions(&s, "t", &o).await }
    };
    assert_eq!(field(c.start_captions(&s, " ", &CaptionOptions::default()).await), "token");
    assert_eq!(field(cap(CaptionOptions { language_code: Some("en_US".into()), ..Default::default() }).await), "languageCode");
    assert_eq!(field(cap(CaptionOptions { max_duration: Some(299), ..Default::default() }).await), "maxDuration");
    assert_eq!(field(cap(CaptionOptions { max_duration: Some(14_401), ..Default::default() }).await), "maxDuration");
    assert_eq!(
        field(cap(CaptionOptions { status_callback_url: Some("http://a.b".into()), ..Default::default() }).await),
        "statusCallbackUrl"
    );
    assert_eq!(
        field(cap(CaptionOptions { status_callback_url: Some("ftp://example.com/x".into()), ..Default::default() }).await),
        "statusCallbackUrl"
    );
    assert_eq!(field(c.stop_captions("").await), "captionsId");
    assert_eq!(field(c.get_captions(" ").await), "captionsId");

    let url = "https://example.com/page".to_string();
    let render = |o: RenderOptions| {
        let c = c.clone();
        let s = s.clone();
        async move { c.start_render(&s, "t", &o).await }
    };
    assert_eq!(field(render(RenderOptions { url: "https://a.b".into(), ..Default::default() }).await), "url");
    assert_eq!(field(render(RenderOptions { url: "file:///etc/passwd/x".into(), ..Default::default() }).await), "url");
    assert_eq!(
        field(render(RenderOptions { url: url.clone(), max_duration: Some(59), ..Default::default() }).await),
        "maxDuration"
    );
    assert_eq!(
        field(render(RenderOptions { url: url.clone(), resolution: Some(ArchiveResolution::Fhd), ..Default::default() }).await),
        "resolution"
    );
    assert_eq!(
        field(render(RenderOptions { url: url.clone(), name: Some("".into()), ..Default::default() }).await),
        "properties.name"
    );
    assert_eq!(
        field(render(RenderOptions { url: url.clone(), name: Some("n".repeat(201)), ..Default::default() }).await),
        "properties.name"
    );
    assert_eq!(field(c.start_render(&s, "", &RenderOptions { url, ..Default::default() }).await), "token");
    assert_eq!(field(c.get_render("").await), "renderId");
    assert_eq!(field(c.stop_render("").await), "renderId");
    assert_eq!(field(c.list_renders(&ListOptions { session_id: Some(s.clone()), ..Default::default() }).await), "sessionId");

    let ws = |uri: &str, rate: Option<u32>| AudioConnectorOptions { uri: uri.into(), audio_rate: rate, ..Default::default() };
    assert_eq!(field(c.connect_audio(&s, "t", &ws("https://x.example", None)).await), "websocket.uri");
    assert_eq!(field(c.connect_audio(&s, "t", &ws("wss://x.example", Some(44_100))).await), "websocket.audioRate");
    let streams = AudioConnectorOptions { streams: vec!["".into()], ..ws("wss://x.example", None) };
    assert_eq!(field(c.connect_audio(&s, "t", &streams).await), "websocket.streams");
    assert_eq!(field(c.connect_audio(&s, "", &ws("wss://x.example", None)).await), "token");
    assert_eq!(field(c.stop_audio_connector("").await), "connectorId");

    let cb = |g: &str, e: &str, u: &str| CallbackOptions { group: g.into(), event: e.into(), url: u.into() };
    assert_eq!(field(c.register_callback(&cb("session", "created", "https://x.example")).await), "group");
    assert_eq!(field(c.register_callback(&cb("stream", "connectionCreated", "https://x.example")).await), "event");
    assert_eq!(field(c.register_callback(&cb("stream", "streamCreated", "mailto:x")).await), "url");
    assert_eq!(field(c.delete_callback("").await), "callbackId");
    assert!(server.seen.lock().unwrap().is_empty());
}

#[test]
fn enums_parse_with_field_names() {
    assert_eq!("Individual".parse::<OutputMode>().unwrap(), OutputMode::Individual);
    assert_eq!("x".parse::<OutputMode>().unwrap_err().field(), Some("outputMode"));
    assert_eq!("MANUAL".parse::<StreamMode>().unwrap(), StreamMode::Manual);
    assert_eq!("x".parse::<StreamMode>().unwrap_err().field(), Some("streamMode"));
    assert_eq!("horizontalPresentation".parse::<LayoutType>().unwrap(), LayoutType::HorizontalPresentation);
    assert_eq!("x".parse::<LayoutType>().unwrap_err().field(), Some("layout.type"));
}

#[tokio::test]
async fn session_ids_the_service_might_accept_are_sent() {
    let server = support::serve(|_, _| support::json(404, r#"{"code":404,"message":"Session not found"}"#)).await;
    let c = Client::new(
        Credentials::project(KEY, SECRET).unwrap(),
        ClientOptions { base_url: Some(server.url.clone()), retry: RetryPolicy::none(), ..Default::default() },
    )
    .unwrap();
    let other = SessionId::mint("654321", None, 1, "x", "").as_str().to_string();
    let ids = ["SESSIONID", "not-a-session", "2_MX4xMDBfjE0Mzc2NzY1NDgwMTJ-TjMzfn4", other.as_str(), "a/b?c"];
    for id in ids {
        // The service's answer reaches the caller as the usual not-found error.
        assert_eq!(c.start_archive(id, &ArchiveOptions::default()).await.unwrap_err().kind(), ErrorKind::NotFound, "{id}");
        assert_eq!(c.list_streams(id).await.unwrap_err().status(), Some(404), "{id}");
    }
    let seen = server.seen.lock().unwrap();
    assert_eq!(seen.len(), ids.len() * 2);
    assert!(seen[1].request_line.contains("/session/SESSIONID/stream "), "{}", seen[1].request_line);
    assert!(seen[9].request_line.contains("/session/a%2Fb%3Fc/stream "), "{}", seen[9].request_line);
    assert!(seen[0].body.contains(r#""sessionId":"SESSIONID""#), "{}", seen[0].body);
}
