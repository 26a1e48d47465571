//! Options read from JSON objects (what bindings hand over): wire and snake_case spellings,
//! nulls, and errors that name the field for unknown keys, wrong types and bad enum values.

use opentok::*;
use serde_json::json;

fn field(r: Result<impl std::fmt::Debug>) -> String {
    let e = r.expect_err("must be refused");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    e.field().unwrap().to_string()
}

#[test]
fn archive_options_in_both_spellings() {
    let wire = ArchiveOptions::from_json(&json!({
        "name": "n", "hasAudio": true, "hasVideo": false, "outputMode": "composed", "resolution": "1280x720",
        "streamMode": "manual", "layout": {"type": "bestFit", "screenshareType": "pip"}, "multiArchiveTag": "t",
        "maxBitrate": 300000, "quantizationParameter": null, "hasTranscription": true,
        "transcriptionProperties": {"primaryLanguageCode": "en-US", "hasSummary": true}
    }))
    .unwrap();
    let snake = ArchiveOptions::from_json(&json!({
        "name": "n", "has_audio": true, "has_video": false, "output_mode": "Composed", "resolution": "1280x720",
        "stream_mode": "MANUAL", "layout": {"type": "best_fit", "screenshare_type": "pip"}, "multi_archive_tag": "t",
        "max_bitrate": 300000.0, "has_transcription": true,
        "transcription_properties": {"primary_language_code": "en-US", "has_summary": true}
    }))
    .unwrap();
    assert_eq!(wire, snake);
    assert_eq!(wire.output_mode, Some(OutputMode::Composed));
    assert_eq!(wire.layout.unwrap().screenshare_type, Some(LayoutType::Pip));
    assert_eq!(ArchiveOptions::from_json(&serde_json::Value::Null).unwrap(), ArchiveOptions::default());
}

#[test]
fn errors_name_the_field() {
    assert_eq!(field(ArchiveOptions::from_json(&json!({"outputMode": "both"}))), "outputMode");
    assert_eq!(field(ArchiveOptions::from_json(&json!({"resolution": "1x1"}))), "resolution");
    assert_eq!(field(ArchiveOptions::from_json(&json!({"hasAudio": "yes"}))), "hasAudio");
    assert_eq!(field(ArchiveOptions::from_json(&json!({"maxBitrate": -1}))), "maxBitrate");
    assert_eq!(field(ArchiveOptions::from_json(&json!({"nmae": "typo"}))), "nmae");
    assert_eq!(field(ArchiveOptions::from_json(&json!({"layout": {"type": "grid"}}))), "layout.type");
    assert_eq!(field(ArchiveOptions::from_json(&json!({"layout": {"css": "x"}}))), "layout.css");
    assert_eq!(field(ArchiveOptions::from_json(&json!([1]))), "options");
    assert_eq!(field(BroadcastOptions::from_json(&json!({"outputs": {"rtmp": [{"serverUrl": 1}]}}))), "outputs.rtmp.serverUrl");
    assert_eq!(field(BroadcastOptions::from_json(&json!({"outputs": {"hls": {"dvr": true, "x": 1}}}))), "outputs.hls.x");
    assert_eq!(field(BroadcastOptions::from_json(&json!({"outputs": {"rtmp": "rtmp://x"}}))), "outputs.rtmp");
    assert_eq!(field(SipDialOptions::from_json(&json!({"headers": {"X-A": 1}}))), "sip.headers.X-A");
    assert_eq!(field(SipDialOptions::from_json(&json!({"auth": {"username": "u", "pass": "p"}}))), "sip.auth.pass");
    assert_eq!(
        field(AudioConnectorOptions::from_json(&json!({"uri": "wss://x", "audioTransport": {"static_fields": 1}}))),
        "websocket.audioTransport.static_fields"
    );
    assert_eq!(field(Signal::from_json(&json!({"type": "t", "data": 5}))), "data");
    assert_eq!(field(RenderOptions::from_json(&json!({"url": "https://x.example/p", "resolution": "big"}))), "resolution");
}

#[test]
fn every_options_type_reads() {
    let b = BroadcastOptions::from_json(&json!({
        "outputs": {"hls": {"low_latency": true}, "rtmp": [{"id": "a", "server_url": "rtmp://x/app", "stream_name": "k"}]},
        "maxDuration": 600, "resolution": "1920x1080", "multiBroadcastTag": "m", "hasVideo": true
    }))
    .unwrap();
    assert_eq!(b.outputs.hls, Some(HlsOptions { dvr: None, low_latency: Some(true) }));
    assert_eq!(b.outputs.rtmp[0].server_url, "rtmp://x/app");
    assert_eq!((b.max_duration, b.resolution), (Some(600), Some(ArchiveResolution::Fhd)));
    assert!(b.validate().is_ok());

    assert_eq!(StreamTracks::from_json(&json!({"hasVideo": false})).unwrap(), StreamTracks { has_audio: true, has_video: false });
    assert_eq!(
        ListOptions::from_json(&json!({"offset": 5, "count": 10, "session_id": "s"})).unwrap(),
        ListOptions { offset: Some(5), count: Some(10), session_id: Some("s".into()) }
    );
    assert_eq!(Signal::from_json(&json!({"type": "chat", "data": "hi"})).unwrap(), Signal::new("chat", "hi"));
    assert_eq!(
        MuteAllOptions::from_json(&json!({"excludedStreams": ["a"], "excludedStreamIds": ["b"]})).unwrap().excluded_stream_ids,
        ["b", "a"]
    );

    let sip = SipDialOptions::from_json(&json!({
        "from": "me@x", "headers": {"X-A": "1"}, "auth": {"username": "u", "password": "p"}, "secure": true,
        "video": false, "observeForceMute": true, "streams": ["s"]
    }))
    .unwrap();
    assert_eq!(
        (sip.auth.unwrap().password, sip.observe_force_mute, sip.streams),
        ("p".to_string(), Some(true), vec!["s".to_string()])
    );

    let c =
        CaptionOptions::from_json(&json!({"language_code": "en-US", "max_duration": 600, "partial_captions": false})).unwrap();
    assert_eq!((c.language_code.as_deref(), c.max_duration, c.partial_captions), (Some("en-US"), Some(600), Some(false)));

    let r =
        RenderOptions::from_json(&json!({"url": "https://x.example/p", "properties": {"name": "nm"}, "resolution": "720x1280"}))
            .unwrap();
    assert_eq!((r.name.as_deref(), r.resolution), (Some("nm"), Some(ArchiveResolution::HdVertical)));

    let a = AudioConnectorOptions::from_json(&json!({
        "uri": "wss://x.example", "audio_rate": 16000, "bidirectional": true, "headers": {"k": "v"},
        "audioTransport": {"transport": "json", "audio_field": "a", "static_fields": {"x": "1"}}
    }))
    .unwrap();
    let t = a.audio_transport.unwrap();
    assert_eq!(
        (t.transport.as_deref(), t.audio_field.as_deref(), t.static_fields.unwrap()["x"].as_str()),
        (Some("json"), Some("a"), "1")
    );
    let e = AudioConnectorOptions::from_json(&json!({"uri": "wss://x.example", "audioTransport": {"static_fields": {"x": 1}}}))
        .unwrap_err();
    assert_eq!(e.field(), Some("websocket.audioTransport.static_fields.x"));
    assert_eq!(a.audio_rate, Some(16000));

    let cb =
        CallbackOptions::from_json(&json!({"group": "stream", "event": "streamCreated", "url": "https://x.example/cb"})).unwrap();
    assert!(cb.validate().is_ok());
    assert_eq!(Layout::from_json(&json!({"type": "custom", "stylesheet": "a{}"})).unwrap(), Layout::custom("a{}"));
}

#[test]
fn wrong_types_are_shown_as_json_text() {
    let e = opentok::ArchiveOptions::from_json(&serde_json::json!({"name": 1.5})).unwrap_err();
    assert!(e.to_string().contains("(got 1.5)"), "{e}");
    let e = opentok::ArchiveOptions::from_json(&serde_json::json!({"hasAudio": {}})).unwrap_err();
    assert!(e.to_string().contains("(got {})"), "{e}");
}

#[test]
fn stream_class_lists_read_from_json() {
    use opentok::StreamClassList;
    let items = StreamClassList::list_from_json(
        "items",
        &serde_json::json!([{"id": "s1", "layoutClassList": ["full"]}, {"id": "s2", "layout_class_list": null}]),
    )
    .unwrap();
    assert_eq!(items, vec![StreamClassList::new("s1", ["full"]), StreamClassList::new("s2", Vec::<String>::new())]);
    let e = StreamClassList::list_from_json("payload", &serde_json::json!({"id": "s1"})).unwrap_err();
    assert_eq!(e.field(), Some("payload"));
    let e = StreamClassList::list_from_json("items", &serde_json::json!([{"id": "s1", "extra": 1}])).unwrap_err();
    assert_eq!(e.field(), Some("items.extra"));
    let e = StreamClassList::list_from_json("items", &serde_json::json!([{"layoutClassList": []}])).unwrap_err();
    assert_eq!(e.field(), Some("items.id"));
}
