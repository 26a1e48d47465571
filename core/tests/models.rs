//! The cross-binding model documents (`tests/models/`): read through the core, an archive, a
//! broadcast and a render with odd-but-plausible fields show exactly `expected.json`. Every
//! binding's suite reads the same documents and checks the same values.

mod support;

use opentok::*;
use serde_json::Value;

fn doc(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../tests/models/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[tokio::test]
async fn every_model_shows_the_expected_values() {
    let server = support::serve(|_, seen| {
        let kind = ["archive", "broadcast", "render"].into_iter().find(|k| seen.request_line.contains(&format!("/{k}/")));
        support::json(200, &doc(&format!("{}.json", kind.unwrap_or("missing"))))
    })
    .await;
    let client = Client::new(
        Credentials::project("123456", "1234567890abcdef1234567890abcdef1234567890").unwrap(),
        ClientOptions { base_url: Some(server.url.clone()), retry: RetryPolicy::none(), ..Default::default() },
    )
    .unwrap();
    let expected: Value = serde_json::from_str(&doc("expected.json")).unwrap();

    let a = client.get_archive("b40ef09b-3811-4726-b508-e41a0f96c68f").await.unwrap();
    let want = &expected["archive"];
    assert_eq!(a.id, want["id"].as_str().unwrap());
    assert_eq!(a.status.as_str(), want["status"]);
    assert_eq!(a.partner_id.as_deref(), want["partner_id"].as_str());
    assert_eq!(a.project_id.as_deref(), want["project_id"].as_str());
    assert_eq!((a.has_audio, a.has_video), (want["has_audio"].as_bool().unwrap(), want["has_video"].as_bool().unwrap()));
    assert_eq!(
        (a.size, a.duration, a.created_at),
        (want["size"].as_i64(), want["duration"].as_i64(), want["created_at"].as_i64())
    );
    assert_eq!(a.output_mode.as_deref(), want["output_mode"].as_str());

    let b = client.get_broadcast("1748b7070a81464c9759c46ad10d3734").await.unwrap();
    let want = &expected["broadcast"];
    assert_eq!(b.partner_id.as_deref(), want["partner_id"].as_str());
    assert_eq!(b.project_id.as_deref(), want["project_id"].as_str());
    assert_eq!(b.updated_at, want["updated_at"].as_i64());
    assert_eq!((b.has_audio, b.has_video), (true, true));
    let urls = b.broadcast_urls.unwrap();
    assert_eq!(urls.hls.as_deref(), want["hls"].as_str());
    assert_eq!(urls.rtmp.iter().map(|r| r.id.clone().unwrap()).collect::<Vec<_>>(), ["out1"]);
    assert_eq!(urls.rtmp[0].status.as_deref(), Some("live"));

    let r = client.get_render("1248e7070b81464c9789f46ad10e7764").await.unwrap();
    let want = &expected["render"];
    assert_eq!(r.application_id.as_deref(), want["application_id"].as_str());
    assert_eq!(r.project_id.as_deref(), want["project_id"].as_str());
    assert_eq!(r.stream_id.as_deref(), want["stream_id"].as_str());
}
