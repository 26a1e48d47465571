//! Archives end to end: the core client against an in-process emulator.

mod common;

use common::*;
use opentok::{
    ArchiveOptions, ArchiveResolution, ArchiveStatus, ErrorKind, Layout, LayoutType, ListOptions, OutputMode, Role, StreamMode,
    StreamTracks, TranscriptionProperties,
};

#[tokio::test]
async fn archive_lifecycle_started_stopped_available_deleted() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let opts = ArchiveOptions {
        name: Some("demo".into()),
        resolution: Some(ArchiveResolution::Hd),
        layout: Some(Layout::of(LayoutType::Pip)),
        max_bitrate: Some(500_000),
        has_transcription: Some(true),
        transcription_properties: Some(TranscriptionProperties {
            primary_language_code: Some("en-US".into()),
            has_summary: Some(true),
        }),
        ..Default::default()
    };
    let a = client.start_archive(&sid, &opts).await.unwrap();
    assert_eq!(a.status, ArchiveStatus::Started);
    assert_eq!(a.session_id, sid);
    assert_eq!(a.name.as_deref(), Some("demo"));
    assert_eq!(a.resolution.as_deref(), Some("1280x720"));
    assert_eq!(a.partner_id.as_deref(), Some(KEY));
    assert_eq!(a.max_bitrate, Some(500_000));
    assert_eq!(a.has_transcription, Some(true));
    assert_eq!(a.transcription.as_ref().unwrap().primary_language_code.as_deref(), Some("en-US"));

    // One archive at a time (no tag): 409, told apart by kind and status.
    let e = client.start_archive(&sid, &ArchiveOptions::default()).await.unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Conflict, Some(409)), "{e}");
    // Deleting while recording: 409.
    assert_eq!(client.delete_archive(&a.id).await.unwrap_err().kind(), ErrorKind::Conflict);

    client.set_archive_layout(&a.id, &Layout::custom("stream.focus { width: 100%; }")).await.unwrap();
    let stopped = client.stop_archive(&a.id).await.unwrap();
    assert_eq!(stopped.status, ArchiveStatus::Stopped);
    let got = client.get_archive(&a.id).await.unwrap();
    assert_eq!(got.status, ArchiveStatus::Available);
    assert!(got.size.unwrap() > 0, "{got:?}");
    assert!(got.duration.is_some());
    // Stopping twice: 409.
    assert_eq!(client.stop_archive(&a.id).await.unwrap_err().status(), Some(409));
    // Layout of a stopped archive: 409.
    assert_eq!(client.set_archive_layout(&a.id, &Layout::default()).await.unwrap_err().status(), Some(409));

    client.delete_archive(&a.id).await.unwrap();
    assert_eq!(client.get_archive(&a.id).await.unwrap().status, ArchiveStatus::Deleted);
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn multi_archive_tags_allow_parallel_archives() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let tagged = |t: &str| ArchiveOptions { multi_archive_tag: Some(t.into()), ..Default::default() };
    let a = client.start_archive(&sid, &tagged("one")).await.unwrap();
    let b = client.start_archive(&sid, &tagged("two")).await.unwrap();
    assert_eq!(a.multi_archive_tag.as_deref(), Some("one"));
    assert_ne!(a.id, b.id);
    assert_eq!(client.start_archive(&sid, &tagged("one")).await.unwrap_err().kind(), ErrorKind::Conflict);
    // After stopping, the tag is free again.
    client.stop_archive(&a.id).await.unwrap();
    client.start_archive(&sid, &tagged("one")).await.unwrap();
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn start_needs_a_routed_session_with_clients() {
    let (emu, client) = in_process().await;
    let (empty, _) = session_with_clients(emu.url(), &client, false, 0, Role::Publisher).await;
    let e = client.start_archive(&empty, &ArchiveOptions::default()).await.unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::NotFound, Some(404)), "{e}");
    assert!(e.api_message().unwrap().contains("no clients"), "{e}");

    let (relayed, _) = session_with_clients(emu.url(), &client, true, 1, Role::Publisher).await;
    let e = client.start_archive(&relayed, &ArchiveOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
    assert!(e.api_message().unwrap().contains("routed"), "{e}");

    let e = client.start_archive(&unknown_session_id(), &ArchiveOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn list_pages_and_filters_by_session() {
    let (emu, client) = in_process().await;
    let (s1, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let (s2, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let mut ids = Vec::new();
    for s in [&s1, &s2, &s1] {
        let a = client.start_archive(s, &ArchiveOptions::default()).await.unwrap();
        client.stop_archive(&a.id).await.unwrap();
        ids.push(a.id);
    }
    let all = client.list_archives(&ListOptions::default()).await.unwrap();
    assert_eq!(all.count, 3);
    assert_eq!(all.items[0].id, ids[2], "newest first");
    let page = client.list_archives(&ListOptions { offset: Some(1), count: Some(1), session_id: None }).await.unwrap();
    assert_eq!((page.count, page.items.len()), (3, 1));
    assert_eq!(page.items[0].id, ids[1]);
    let only = client.list_archives(&ListOptions { session_id: Some(s1.clone()), ..Default::default() }).await.unwrap();
    assert_eq!(only.count, 2);
    assert!(only.items.iter().all(|a| a.session_id == s1));
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn manual_stream_mode_add_and_remove_streams() {
    let (emu, client) = in_process().await;
    let (sid, conns) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let st = publish(emu.url(), &sid, &conns[0], serde_json::json!({"name": "cam"})).await;
    let stream_id = st["id"].as_str().unwrap();

    let auto = client
        .start_archive(&sid, &ArchiveOptions { multi_archive_tag: Some("auto".into()), ..Default::default() })
        .await
        .unwrap();
    let e = client.add_archive_stream(&auto.id, stream_id, StreamTracks::default()).await.unwrap_err();
    assert_eq!(e.status(), Some(405), "auto stream mode: {e}");

    let opts = ArchiveOptions { stream_mode: Some(StreamMode::Manual), ..Default::default() };
    let a = client.start_archive(&sid, &opts).await.unwrap();
    client.add_archive_stream(&a.id, stream_id, StreamTracks { has_audio: true, has_video: false }).await.unwrap();
    let got = client.get_archive(&a.id).await.unwrap();
    assert_eq!(got.streams.len(), 1);
    assert_eq!((got.streams[0].stream_id.as_str(), got.streams[0].has_video), (stream_id, Some(false)));
    assert_eq!(client.add_archive_stream(&a.id, stream_id, StreamTracks::default()).await.unwrap_err().status(), Some(409));
    assert_eq!(client.add_archive_stream(&a.id, "nope", StreamTracks::default()).await.unwrap_err().status(), Some(404));
    client.remove_archive_stream(&a.id, stream_id).await.unwrap();
    assert!(client.get_archive(&a.id).await.unwrap().streams.is_empty());
    assert_eq!(client.remove_archive_stream(&a.id, stream_id).await.unwrap_err().kind(), ErrorKind::NotFound);
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn individual_output_and_unknown_ids() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let a = client
        .start_archive(&sid, &ArchiveOptions { output_mode: Some(OutputMode::Individual), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(a.output_mode.as_deref(), Some("individual"));
    assert_eq!(a.resolution, None);
    let e = client.set_archive_layout(&a.id, &Layout::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request, "{e}");
    for e in [
        client.get_archive("00000000-0000-4000-8000-000000000000").await.unwrap_err(),
        client.stop_archive("00000000-0000-4000-8000-000000000000").await.unwrap_err(),
        client.delete_archive("00000000-0000-4000-8000-000000000000").await.unwrap_err(),
    ] {
        assert_eq!((e.kind(), e.status()), (ErrorKind::NotFound, Some(404)), "{e}");
        assert!(e.body().unwrap().starts_with('{'), "JSON error body");
    }
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn archives_persist_in_the_store() {
    let dir = std::env::temp_dir().join(format!("otemu-archives-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.display().to_string();
    let emu = Emulator::start(&["--data-dir", &d]);
    let client = project_client(&emu.url);
    let (sid, _) = session_with_clients(&emu.url, &client, false, 1, Role::Publisher).await;
    let a = client.start_archive(&sid, &ArchiveOptions::default()).await.unwrap();
    emu.kill();
    let emu = Emulator::start(&["--data-dir", &d]);
    let client = project_client(&emu.url);
    let got = client.get_archive(&a.id).await.unwrap();
    assert_eq!((got.id, got.status), (a.id, ArchiveStatus::Started));
    drop(emu);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn always_sessions_archive_when_a_stream_is_published() {
    let (emu, client) = in_process().await;
    let opts = opentok::SessionOptions {
        media_mode: Some(opentok::MediaMode::Routed),
        archive_mode: Some(opentok::ArchiveMode::Always),
        archive_name: Some("auto".into()),
        archive_resolution: Some(ArchiveResolution::Fhd),
        ..Default::default()
    };
    let s = client.create_session(&opts).await.unwrap();
    let token = client.generate_token(&s.session_id, &opentok::TokenOptions::default()).unwrap();
    let (_, conn) = connect(emu.url(), &s.session_id, &token).await;
    let only = ListOptions { session_id: Some(s.session_id.clone()), ..Default::default() };
    assert_eq!(client.list_archives(&only).await.unwrap().count, 0, "connecting alone does not archive");
    publish(emu.url(), &s.session_id, conn["connectionId"].as_str().unwrap(), serde_json::json!({})).await;
    publish(emu.url(), &s.session_id, conn["connectionId"].as_str().unwrap(), serde_json::json!({})).await;
    let list = client.list_archives(&only).await.unwrap();
    assert_eq!(list.count, 1, "one automatic archive");
    let a = &list.items[0];
    assert_eq!(
        (a.status.clone(), a.name.as_deref(), a.resolution.as_deref()),
        (ArchiveStatus::Started, Some("auto"), Some("1920x1080"))
    );
    // The dashboard lists it under its session.
    let html = http().get(format!("{}/", emu.url())).send().await.unwrap().text().await.unwrap();
    assert!(html.contains(&a.id) && html.contains("recordings-body"), "dashboard lists the archive");
    let (_, per_session) = emulator_get(emu.url(), &format!("/emulator/v1/sessions/{}/archives", s.session_id)).await;
    assert_eq!(per_session["items"][0]["id"], a.id.as_str());
    emu.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_starts_make_exactly_one_archive() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let mut tasks = Vec::new();
    for _ in 0..40 {
        let (c, s) = (client.clone(), sid.clone());
        tasks.push(tokio::spawn(async move { c.start_archive(&s, &ArchiveOptions::default()).await }));
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => assert_eq!(e.kind(), ErrorKind::Conflict, "{e}"),
        }
    }
    assert_eq!(ok, 1, "exactly one start wins");
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn the_emulator_refuses_bad_archive_bodies_and_queries() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let post = |body: serde_json::Value| {
        let url = format!("{}/v2/project/{KEY}/archive", emu.url());
        async move { http().post(url).header("X-OPENTOK-AUTH", rest_jwt()).json(&body).send().await.unwrap() }
    };
    for body in [
        serde_json::json!({}),
        serde_json::json!({"sessionId": sid, "outputMode": "both"}),
        serde_json::json!({"sessionId": sid, "outputMode": "individual", "resolution": "1280x720"}),
        serde_json::json!({"sessionId": sid, "quantizationParameter": 50}),
        serde_json::json!({"sessionId": sid, "maxBitrate": 1000000, "quantizationParameter": 20}),
        serde_json::json!({"sessionId": sid, "layout": {"type": "custom"}}),
        serde_json::json!({"sessionId": sid, "hasAudio": false, "hasVideo": false}),
        serde_json::json!({"sessionId": sid, "streamMode": "sometimes"}),
        serde_json::json!({"sessionId": sid, "maxBitrate": 99_999}),
        serde_json::json!({"sessionId": sid, "hasTranscription": true, "transcriptionProperties": {"primaryLanguageCode": "EN-us"}}),
    ] {
        let res = post(body.clone()).await;
        assert_eq!(res.status(), 400, "{body}");
        let err: serde_json::Value = res.json().await.unwrap();
        assert!(err["message"].as_str().unwrap().len() > 5, "{err}");
    }
    let res = post(
        serde_json::json!({"sessionId": sid, "resolution": null, "name": null, "multiArchiveTag": null, "maxBitrate": null}),
    )
    .await;
    assert_eq!(res.status(), 200, "the Python SDK's nulls are fine");
    let res = http()
        .get(format!("{}/v2/project/{KEY}/archive?count=1001", emu.url()))
        .header("X-OPENTOK-AUTH", rest_jwt())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    emu.stop().await.unwrap();
}
