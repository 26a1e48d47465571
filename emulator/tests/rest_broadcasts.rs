//! Broadcasts end to end: the core client against an in-process emulator.

mod common;

use common::*;
use opentok::{
    ArchiveResolution, BroadcastOptions, BroadcastOutputs, ErrorKind, HlsOptions, Layout, LayoutType, ListOptions, Role,
    RtmpOutput, StreamMode, StreamTracks,
};
use serde_json::json;

fn hls_and_rtmp(n: usize) -> BroadcastOptions {
    BroadcastOptions {
        outputs: BroadcastOutputs {
            hls: Some(HlsOptions { dvr: None, low_latency: Some(true) }),
            rtmp: (0..n)
                .map(|i| RtmpOutput {
                    id: Some(format!("out{i}")),
                    server_url: "rtmp://live.example/app".into(),
                    stream_name: format!("key{i}"),
                })
                .collect(),
        },
        ..Default::default()
    }
}

#[tokio::test]
async fn broadcast_lifecycle() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let opts = BroadcastOptions {
        max_duration: Some(600),
        max_bitrate: Some(1_000_000),
        resolution: Some(ArchiveResolution::Hd),
        layout: Some(Layout::of(LayoutType::VerticalPresentation)),
        has_audio: Some(true),
        ..hls_and_rtmp(5)
    };
    let b = client.start_broadcast(&sid, &opts).await.unwrap();
    assert_eq!(b.status.as_deref(), Some("started"));
    assert_eq!((b.max_duration, b.max_bitrate, b.resolution.as_deref()), (Some(600), Some(1_000_000), Some("1280x720")));
    let urls = b.broadcast_urls.clone().unwrap();
    assert!(urls.hls.unwrap().ends_with(".m3u8"));
    assert_eq!(urls.hls_status.as_deref(), Some("live"));
    assert_eq!(urls.rtmp.len(), 5);
    assert_eq!(urls.rtmp[4].id.as_deref(), Some("out4"));

    let e = client.start_broadcast(&sid, &hls_and_rtmp(0)).await.unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Conflict, Some(409)), "{e}");
    let tagged = BroadcastOptions { multi_broadcast_tag: Some("second".into()), ..hls_and_rtmp(0) };
    let b2 = client.start_broadcast(&sid, &tagged).await.unwrap();
    assert_eq!(b2.multi_broadcast_tag.as_deref(), Some("second"));

    client.set_broadcast_layout(&b.id, &Layout::custom("stream { width: 50% }")).await.unwrap();
    let stopped = client.stop_broadcast(&b.id).await.unwrap();
    assert_eq!(stopped.status.as_deref(), Some("stopped"));
    assert_eq!(stopped.broadcast_urls.unwrap().hls_status.as_deref(), Some("ended"));
    assert_eq!(client.get_broadcast(&b.id).await.unwrap().status.as_deref(), Some("stopped"));
    assert_eq!(client.stop_broadcast(&b.id).await.unwrap_err().kind(), ErrorKind::Conflict);

    let list = client.list_broadcasts(&ListOptions { session_id: Some(sid.clone()), ..Default::default() }).await.unwrap();
    assert_eq!(list.count, 2);
    assert_eq!(list.items[0].id, b2.id, "newest first");
    let (_, per_session) = emulator_get(emu.url(), &format!("/emulator/v1/sessions/{sid}/broadcasts")).await;
    assert_eq!(per_session["count"], 2);
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn broadcast_needs_clients_and_known_ids() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 0, Role::Publisher).await;
    assert_eq!(client.start_broadcast(&sid, &hls_and_rtmp(1)).await.unwrap_err().kind(), ErrorKind::NotFound);
    let (relayed, _) = session_with_clients(emu.url(), &client, true, 1, Role::Publisher).await;
    assert_eq!(client.start_broadcast(&relayed, &hls_and_rtmp(1)).await.unwrap_err().kind(), ErrorKind::Conflict);
    assert_eq!(client.get_broadcast("missing").await.unwrap_err().status(), Some(404));
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn manual_broadcast_streams() {
    let (emu, client) = in_process().await;
    let (sid, conns) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    let st = publish(emu.url(), &sid, &conns[0], json!({})).await;
    let stream_id = st["id"].as_str().unwrap();
    let b = client
        .start_broadcast(&sid, &BroadcastOptions { stream_mode: Some(StreamMode::Manual), ..hls_and_rtmp(1) })
        .await
        .unwrap();
    assert_eq!(b.stream_mode.as_deref(), Some("manual"));
    client.add_broadcast_stream(&b.id, stream_id, StreamTracks { has_audio: false, has_video: true }).await.unwrap();
    let got = client.get_broadcast(&b.id).await.unwrap();
    assert_eq!(got.streams[0].has_audio, Some(false));
    client.remove_broadcast_stream(&b.id, stream_id).await.unwrap();
    assert!(client.get_broadcast(&b.id).await.unwrap().streams.is_empty());
    emu.stop().await.unwrap();
}

#[tokio::test]
async fn the_emulator_checks_outputs_like_the_service() {
    let (emu, client) = in_process().await;
    let (sid, _) = session_with_clients(emu.url(), &client, false, 1, Role::Publisher).await;
    // Bodies the core would refuse, sent raw to check the server's own rules.
    for body in [
        json!({"sessionId": sid}),
        json!({"sessionId": sid, "outputs": {"hls": {"dvr": true, "lowLatency": true}}}),
        json!({"sessionId": sid, "outputs": {"rtmp": (0..6).map(|i| json!({"serverUrl": "rtmp://x/a", "streamName": i.to_string()})).collect::<Vec<_>>()}}),
        json!({"sessionId": sid, "outputs": {"hls": {}}, "maxDuration": 59}),
    ] {
        let res = http()
            .post(format!("{}/v2/project/{KEY}/broadcast", emu.url()))
            .header("X-OPENTOK-AUTH", rest_jwt())
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "{body}");
        let err: serde_json::Value = res.json().await.unwrap();
        assert_eq!(err["code"], 400);
    }
    emu.stop().await.unwrap();
}
