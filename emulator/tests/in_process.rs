//! The library API: an in-process emulator on the test's own runtime.

use opentok::{ClientOptions, Credentials, SessionOptions, TokenOptions};

#[tokio::test]
async fn start_in_memory_serves_and_stops() {
    let emu = opentok_emulator::start_in_memory().await.unwrap();
    assert!(emu.url().starts_with("http://127.0.0.1:"));
    let client = opentok::Client::new(
        Credentials::project("123456", "1234567890abcdef1234567890abcdef1234567890").unwrap(),
        ClientOptions { base_url: Some(emu.url().to_string()), ..Default::default() },
    )
    .unwrap();
    let s = client.create_session(&SessionOptions::default()).await.unwrap();
    let token = client.generate_token(&s.session_id, &TokenOptions::default()).unwrap();
    let res = reqwest::Client::new()
        .post(format!("{}/emulator/v1/sessions/{}/connections", emu.url(), s.session_id))
        .json(&serde_json::json!({ "token": token }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let addr = emu.addr();
    emu.stop().await.unwrap();
    assert!(tokio::net::TcpStream::connect(addr).await.is_err(), "stopped server still accepts");
}
