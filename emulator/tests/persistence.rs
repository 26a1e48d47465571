//! Persistence and load: sessions survive SIGKILL; 1000 concurrent creates are all distinct.

mod common;

use std::collections::HashSet;

use common::*;
use opentok::{MediaMode, SessionOptions, TokenOptions};

#[tokio::test]
async fn session_survives_sigkill_and_restart() {
    let dir = std::env::temp_dir().join(format!("otemu-persist-{}-{}", std::process::id(), now()));
    let _ = std::fs::remove_dir_all(&dir);
    let dir_arg = dir.to_str().unwrap().to_string();

    let emu = Emulator::start(&["--data-dir", &dir_arg]);
    let client = project_client(&emu.url);
    let s = client
        .create_session(&SessionOptions {
            media_mode: Some(MediaMode::Routed),
            location: Some("10.1.2.3".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    emu.kill(); // SIGKILL: no graceful shutdown, no checkpoint

    let emu = Emulator::start(&["--data-dir", &dir_arg]);
    let stored: serde_json::Value =
        http().get(format!("{}/emulator/v1/sessions/{}", emu.url, s.session_id)).send().await.unwrap().json().await.unwrap();
    assert_eq!(stored["mediaMode"], "routed");
    assert_eq!(stored["location"], "10.1.2.3");
    let token = project_client(&emu.url).generate_token(&s.session_id, &TokenOptions::default()).unwrap();
    let (status, body) = connect(&emu.url, &s.session_id, &token).await;
    assert_eq!(status, 201, "{body}");
    drop(emu);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn in_memory_keeps_nothing() {
    let emu = Emulator::start_in_memory(&[]);
    let s = project_client(&emu.url).create_session(&SessionOptions::default()).await.unwrap();
    emu.kill();
    let emu = Emulator::start_in_memory(&[]);
    let res = http().get(format!("{}/emulator/v1/sessions/{}", emu.url, s.session_id)).send().await.unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thousand_concurrent_creates_from_fifty_clients_are_distinct() {
    let dir = std::env::temp_dir().join(format!("otemu-load-{}-{}", std::process::id(), now()));
    let emu = Emulator::start(&["--data-dir", dir.to_str().unwrap()]);
    let mut tasks = Vec::new();
    for c in 0..50 {
        let url = emu.url.clone();
        tasks.push(tokio::spawn(async move {
            let client = project_client(&url);
            let mut ids = Vec::new();
            for i in 0..20 {
                let opts = if (c + i) % 2 == 0 {
                    SessionOptions::default()
                } else {
                    SessionOptions { media_mode: Some(MediaMode::Routed), ..Default::default() }
                };
                ids.push(client.create_session(&opts).await.unwrap().session_id);
            }
            ids
        }));
    }
    let mut all = HashSet::new();
    for t in tasks {
        for id in t.await.unwrap() {
            assert!(all.insert(id), "duplicate session id");
        }
    }
    assert_eq!(all.len(), 1000);
    let listed: serde_json::Value =
        http().get(format!("{}/emulator/v1/sessions?limit=1000", emu.url)).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed["count"], 1000, "none lost");
    let stored: HashSet<String> =
        listed["items"].as_array().unwrap().iter().map(|s| s["sessionId"].as_str().unwrap().to_string()).collect();
    assert_eq!(stored, all);
    drop(emu);
    let _ = std::fs::remove_dir_all(&dir);
}
