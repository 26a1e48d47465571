//! Answers are read tolerantly: a 2xx answer never fails because an optional field has an
//! unexpected shape (a list as an object or the reverse, `null` for an object, numbers as text,
//! unknown enum values, extra fields). Only a missing identity field makes it invalid.

mod support;

use opentok::*;

async fn client_answering(body: &'static str) -> (support::Server, Client) {
    let server = support::serve(move |_, _| support::json(200, body)).await;
    let client = Client::new(
        Credentials::project("123456", "1234567890abcdef1234567890abcdef1234567890").unwrap(),
        ClientOptions { base_url: Some(server.url.clone()), retry: RetryPolicy::none(), ..Default::default() },
    )
    .unwrap();
    (server, client)
}

const ODD_ARCHIVE: &str = r#"{"id":"a1","status":42,"name":7,"sessionId":null,"partnerId":true,"createdAt":"17","size":"x",
    "hasAudio":"yes","streams":{"s1":{"streamId":"s1","hasAudio":"true"}},"transcription":[1],"transcriptionProperties":"x",
    "url":{"nested":true},"extra":[1,2]}"#;

#[tokio::test]
async fn odd_archives_read() {
    let (_s, c) = client_answering(ODD_ARCHIVE).await;
    let a = c.get_archive("a1").await.unwrap();
    assert_eq!((a.id.as_str(), a.status.clone(), a.name.as_deref()), ("a1", ArchiveStatus::Unknown, Some("7")));
    assert_eq!(
        (a.partner_id.as_deref(), a.project_id.as_deref(), a.created_at, a.size),
        (Some("true"), Some("true"), Some(17), None)
    );
    assert!(a.has_audio, "an unreadable hasAudio keeps the service's default");
    assert_eq!(a.streams.len(), 1, "streams keyed by id read as a list");
    assert_eq!((a.transcription, a.transcription_properties, a.url), (None, None, None));
}

#[tokio::test]
async fn odd_pages_and_other_models_read() {
    let (_s, c) = client_answering(r#"{"count":"3","items":{"x":{"id":"a1"},"y":{"id":"a2","status":"paused"}}}"#).await;
    let page = c.list_archives(&ListOptions::default()).await.unwrap();
    assert_eq!((page.count, page.items.len()), (3, 2));
    let (_s, c) =
        client_answering(r#"{"id":"b1","broadcastUrls":null,"hasVideo":0,"streams":"none","maxDuration":"7200"}"#).await;
    let b = c.get_broadcast("b1").await.unwrap();
    assert_eq!((b.broadcast_urls, b.streams.len(), b.max_duration), (None, 0, Some(7200)));
    let (_s, c) = client_answering(r#"{"id":5,"status":["x"],"streamId":123}"#).await;
    let r = c.get_render("5").await.unwrap();
    assert_eq!((r.id.as_str(), r.status.as_deref(), r.stream_id.as_deref()), ("5", None, Some("123")));
    let (_s, c) = client_answering(r#"{"id":"st","layoutClassList":"full","forceMuted":"true","videoType":1}"#).await;
    let st = c.get_stream("S", "st").await.unwrap();
    assert_eq!((st.layout_class_list.len(), st.force_muted, st.video_type.as_deref()), (0, Some(true), Some("1")));
    let (_s, c) = client_answering(r#"{"count":null,"items":[{"connectionId":"c1","createdAt":"1"},{"connectionId":2}]}"#).await;
    let l = c.list_connections("S").await.unwrap();
    assert_eq!((l.count, l.items[1].connection_id.as_str()), (2, "2"));
}

#[tokio::test]
async fn a_missing_identity_is_an_invalid_response() {
    for body in [r#"{}"#, r#"{"id":null,"status":"started"}"#, r#"{"id":""}"#] {
        let (_s, c) = client_answering(body).await;
        let e = c.get_archive("a1").await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidResponse, "{body}: {e}");
        assert!(e.to_string().contains("no id"), "{e}");
    }
    let (_s, c) = client_answering(r#"{"status":"x"}"#).await;
    let e = c.get_captions("c1").await.unwrap_err();
    assert!(e.to_string().contains("no captionsId"), "{e}");
}
