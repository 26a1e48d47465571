use serde_json::json;

use super::*;
use crate::ArchiveStatus;

const SID: &str = "1_MX4xMjM0NTZ-fg";

#[test]
fn a_body_that_is_not_json_is_a_typed_error_naming_the_rule() {
    for body in [&b"not json"[..], b"", b"{\"event\":", b"\xff\xfe"] {
        let e = parse_event(body).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::InvalidArgument);
        let text = e.to_string();
        assert!(text.contains("body") && text.contains("must be a JSON document"), "{text}");
    }
}

#[test]
fn str_bytes_and_strings_are_read_alike() {
    let body = json!({"sessionId": SID, "event": "sessionCreated"}).to_string();
    let a = parse_event(&body).unwrap();
    assert_eq!(a, parse_event(body.as_bytes()).unwrap());
    assert_eq!(a, parse_event(body.clone().into_bytes()).unwrap());
    assert_eq!(a.name(), "sessionCreated");
}

#[test]
fn json_that_is_no_event_is_unknown_with_the_body() {
    for body in ["[]", "null", "42", "\"connectionCreated\"", "{}", r#"{"event":"connectionCreated"}"#, r#"{"event":7}"#] {
        match parse_event(body).unwrap() {
            Event::Unknown { raw } => {
                assert_eq!(serde_json::from_str::<Value>(&raw).unwrap(), serde_json::from_str::<Value>(body).unwrap())
            }
            other => panic!("{body} read as {}", other.name()),
        }
    }
}

#[test]
fn session_monitoring_events_are_read_tolerantly() {
    let e = parse_event(
        json!({"sessionId": SID, "projectId": 123456, "event": " connectionDestroyed ", "timestamp": "1470257688309.0",
               "reason": "networkDisconnected", "connection": {"id": "c1", "createdAt": 1.4e12, "data": 5, "extra": []}})
        .to_string(),
    )
    .unwrap();
    let Event::ConnectionDestroyed { event } = &e else { panic!("{}", e.name()) };
    assert_eq!(event.project_id.as_deref(), Some("123456"));
    assert_eq!(event.timestamp, Some(1_470_257_688_309));
    assert_eq!(event.reason.as_deref(), Some("networkDisconnected"));
    assert_eq!(event.connection, ConnectionInfo { id: "c1".into(), created_at: Some(1_400_000_000_000), data: Some("5".into()) });
    assert_eq!(e.resource_id(), Some("c1"));
    assert_eq!(e.session_id().as_deref(), Some(SID));
}

#[test]
fn a_stream_without_its_connection_still_reads() {
    let e =
        parse_event(json!({"sessionId": SID, "event": "streamCreated", "stream": {"id": "s1", "connection": null}}).to_string())
            .unwrap();
    let Event::StreamCreated { event } = e else { panic!() };
    assert_eq!((event.stream.id.as_str(), event.stream.connection, event.stream.video_type), ("s1", None, None));
}

#[test]
fn a_known_event_without_its_identity_is_unknown() {
    for body in [
        json!({"event": "streamCreated", "sessionId": SID, "stream": {"name": "x"}}),
        json!({"event": "streamCreated", "sessionId": SID, "stream": [1, 2]}),
        json!({"event": "callCreated", "sessionId": SID}),
        json!({"event": "sessionCreated", "sessionId": ""}),
        json!({"event": "archive", "sessionId": SID, "status": "started"}),
        json!({"event": "captions", "sessionId": SID, "status": "started"}),
    ] {
        assert_eq!(parse_event(body.to_string()).unwrap().name(), "unknown", "{body}");
    }
}

#[test]
fn archive_statuses_are_kept_as_sent_and_the_model_settles() {
    for status in ["started", "paused", "stopped", "uploaded", "available", "failed", "expired", "Transcoding"] {
        let e =
            parse_event(json!({"id": "a1", "status": status, "sessionId": SID, "projectId": 123456, "size": "7"}).to_string())
                .unwrap();
        let Event::ArchiveChanged { event } = &e else { panic!("{status}: {}", e.name()) };
        assert_eq!(e.status(), Some(status));
        assert_eq!(event.archive.partner_id.as_deref(), Some("123456"), "aliases settle as in REST answers");
        assert_eq!(event.archive.size, Some(7));
        assert!(event.archive.has_audio && event.archive.has_video);
        let known = event.archive.status != ArchiveStatus::Unknown;
        assert_eq!(known, status != "Transcoding", "{status}");
        assert_eq!(parse_event(e.to_json().to_string()).unwrap(), e);
        assert_eq!(e.to_json()["event"], "archive");
    }
}

#[test]
fn status_callbacks_without_a_name_are_told_apart_by_shape() {
    let render = json!({"id": "r1", "sessionId": SID, "status": "starting", "url": "https://x.example/page"});
    assert_eq!(parse_event(render.to_string()).unwrap().name(), "render");
    let archive = json!({"id": "a1", "sessionId": SID, "status": "available", "url": "https://x.example/a.mp4", "size": 1});
    assert_eq!(parse_event(archive.to_string()).unwrap().name(), "archive");
    let broadcast = json!({"id": "b1", "sessionId": SID, "status": "started", "broadcastUrls": {"hls": "h"}});
    assert_eq!(parse_event(broadcast.to_string()).unwrap().name(), "broadcast");
    let captions = json!({"captionsId": "c1", "sessionId": SID, "status": "started", "projectId": "123456"});
    let e = parse_event(captions.to_string()).unwrap();
    let Event::CaptionsChanged { event } = &e else { panic!("{}", e.name()) };
    assert_eq!((event.caption_id.as_str(), event.application_id.as_deref()), ("c1", Some("123456")));
    assert_eq!(e.to_json()["group"], "captions");
    assert_eq!(parse_event(e.to_json().to_string()).unwrap(), e);
}

#[test]
fn a_render_with_an_event_field_of_its_own_is_still_a_render() {
    let body = json!({"id": "r1", "sessionId": SID, "status": "stopped", "event": "stopped", "streamId": "s", "reason": "Max Duration Exceeded"});
    let e = parse_event(body.to_string()).unwrap();
    assert_eq!((e.name(), e.status()), ("render", Some("stopped")));
    assert_eq!(parse_event(e.to_json().to_string()).unwrap(), e);
}

#[test]
fn built_events_serialize_to_the_wire_body() {
    let e = Event::StreamCreated {
        event: StreamEvent {
            session_id: SID.into(),
            project_id: Some("123456".into()),
            timestamp: Some(5),
            reason: None,
            stream: StreamInfo {
                id: "s1".into(),
                connection: Some(ConnectionInfo { id: "c1".into(), created_at: Some(4), data: None }),
                created_at: Some(5),
                name: Some("cam".into()),
                video_type: Some("camera".into()),
            },
        },
    };
    let wire = serde_json::to_value(&e).unwrap();
    assert_eq!(
        wire,
        json!({"sessionId": SID, "projectId": "123456", "event": "streamCreated", "timestamp": 5,
               "stream": {"id": "s1", "connection": {"id": "c1", "createdAt": 4}, "createdAt": 5, "name": "cam", "videoType": "camera"}})
    );
    let back: Event = serde_json::from_value(wire).unwrap();
    assert_eq!(back, e);
    let typed = e.to_typed_json();
    assert_eq!((typed["type"].as_str(), typed["stream"]["connection"]["id"].as_str()), (Some("streamCreated"), Some("c1")));
}

#[test]
fn unknown_events_serialize_as_received() {
    let body = r#"{"event":"somethingNew","x":[1,2]}"#;
    let e = parse_event(body).unwrap();
    assert_eq!(e.to_json(), serde_json::from_str::<Value>(body).unwrap());
    assert_eq!(e.to_typed_json(), json!({"type": "unknown", "raw": e_raw(&e)}));
    let typed = parse_event(json!({"id": "a", "sessionId": SID, "status": "started"}).to_string()).unwrap().to_typed_json();
    assert_eq!((typed["sessionId"].as_str(), typed["archive"]["sessionId"].as_str()), (Some(SID), Some(SID)));
    assert_eq!((e.session_id(), e.status(), e.resource_id()), (None, None, None));
    let with_session = parse_event(json!({"event": "new", "sessionId": SID}).to_string()).unwrap();
    assert_eq!(with_session.session_id().as_deref(), Some(SID));
}

fn e_raw(e: &Event) -> String {
    match e {
        Event::Unknown { raw } => raw.clone(),
        _ => unreachable!(),
    }
}

#[test]
fn every_name_is_listed() {
    let names: Vec<&str> = [
        Event::SessionCreated { event: SessionEvent::default() },
        Event::SessionDestroyed { event: SessionEvent::default() },
        Event::SessionNotification { event: SessionEvent::default() },
        Event::ConnectionCreated { event: ConnectionEvent::default() },
        Event::ConnectionDestroyed { event: ConnectionEvent::default() },
        Event::StreamCreated { event: StreamEvent::default() },
        Event::StreamDestroyed { event: StreamEvent::default() },
        Event::CallCreated { event: CallEvent::default() },
        Event::CallUpdated { event: CallEvent::default() },
        Event::CallDestroyed { event: CallEvent::default() },
        Event::ArchiveChanged { event: ArchiveEvent::default() },
        Event::BroadcastChanged { event: BroadcastEvent::default() },
        Event::CaptionsChanged { event: CaptionsEvent::default() },
        Event::RenderChanged { event: RenderEvent::default() },
        Event::Unknown { raw: "{}".into() },
    ]
    .iter()
    .map(Event::name)
    .collect();
    assert_eq!(names, EVENT_NAMES);
}
