//! Quickstart: create a session, mint a token, connect a simulated client with it.
//!
//! `OPENTOK_API_URL=http://127.0.0.1:4010 cargo run -p opentok --example quickstart`
//! (`make demo` starts an emulator and sets the URL).

use opentok::{Client, ClientOptions, Credentials, MediaMode, Role, SessionOptions, TokenOptions};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let api_url = std::env::var("OPENTOK_API_URL").unwrap_or_else(|_| "http://127.0.0.1:4010".into());
    let api_key = std::env::var("OPENTOK_API_KEY").unwrap_or_else(|_| "123456".into());
    let secret = std::env::var("OPENTOK_API_SECRET").unwrap_or_else(|_| "1234567890abcdef1234567890abcdef1234567890".into());

    let client = Client::new(
        Credentials::project(api_key, secret)?,
        ClientOptions { base_url: Some(api_url.clone()), ..Default::default() },
    )?;

    // A routed session placed near an IP address, as in the OpenTok docs.
    let session = client
        .create_session(&SessionOptions {
            media_mode: Some(MediaMode::Routed),
            location: Some("12.34.56.78".into()),
            ..Default::default()
        })
        .await?;
    println!("[rust] session  {}", session.session_id);

    let token = client.generate_token(
        &session.session_id,
        &TokenOptions { role: Role::Moderator, data: Some("name=Ada".into()), ..Default::default() },
    )?;
    println!("[rust] token    {}…", &token[..40]);
    println!("[rust] explain  {}", opentok::explain_token(&token, Some(&client.credentials().verify_key())).verdict);

    // The emulator's simulated client connects with the token, as a browser would.
    let url = format!("{api_url}/emulator/v1/sessions/{}/connections", session.session_id);
    let resp = reqwest::Client::new().post(url).json(&serde_json::json!({ "token": token })).send().await?;
    println!("[rust] connect  {} {}", resp.status().as_u16(), resp.text().await?);
    Ok(())
}
