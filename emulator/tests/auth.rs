//! REST auth refusals: each answers 403 with a JSON body naming the reason.

mod common;

use common::*;

async fn refused(emu: &Emulator, auth: Option<(&str, String)>) -> serde_json::Value {
    let (status, ct, body) = create_raw(&emu.url, auth, Some("application/json"), "p2p.preference=enabled").await;
    assert_eq!(status, 403, "{body}");
    assert!(ct.starts_with("application/json"), "{ct}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["code"], 403);
    v
}

fn claims(iat: i64, exp: i64, iss: &str) -> String {
    format!(r#"{{"iss":"{iss}","ist":"project","iat":{iat},"exp":{exp},"jti":"0.1"}}"#)
}

const HS: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

#[tokio::test]
async fn refusals_name_the_reason() {
    let emu = Emulator::start_in_memory(&[]);
    let t = now();

    let v = refused(&emu, None).await;
    assert_eq!(v["reason"], "missing_auth");
    assert!(v["message"].as_str().unwrap().contains("X-OPENTOK-AUTH"));

    let v = refused(&emu, Some(("X-OPENTOK-AUTH", "not-a-jwt".into()))).await;
    assert_eq!(v["reason"], "malformed");

    let v = refused(&emu, Some(("Authorization", "Basic abc".into()))).await;
    assert_eq!(v["reason"], "malformed");

    let wrong_secret = hs256(HS, &claims(t, t + 300, KEY), "0000000000000000000000000000000000000000");
    let v = refused(&emu, Some(("X-OPENTOK-AUTH", wrong_secret))).await;
    assert_eq!(v["reason"], "bad_signature");

    let unknown = hs256(HS, &claims(t, t + 300, "999999"), SECRET);
    let v = refused(&emu, Some(("X-OPENTOK-AUTH", unknown))).await;
    assert_eq!(v["reason"], "unknown_project");

    let expired = hs256(HS, &claims(t - 600, t - 300, KEY), SECRET);
    let v = refused(&emu, Some(("X-OPENTOK-AUTH", expired))).await;
    assert_eq!(v["reason"], "expired");
    assert!(v["message"].as_str().unwrap().contains("expired"));

    let future = hs256(HS, &claims(t + 3600, t + 3900, KEY), SECRET);
    let v = refused(&emu, Some(("X-OPENTOK-AUTH", future))).await;
    assert_eq!(v["reason"], "iat_in_future");
    assert!(v["message"].as_str().unwrap().contains("issued time is in the future"), "{v}");

    // alg none: an unsigned token with an empty signature part.
    let none = {
        use base64::Engine;
        let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!("{}.{}.", e.encode(r#"{"alg":"none","typ":"JWT"}"#), e.encode(claims(t, t + 300, KEY)))
    };
    let v = refused(&emu, Some(("X-OPENTOK-AUTH", none))).await;
    assert_eq!(v["reason"], "bad_algorithm");
    assert!(v["message"].as_str().unwrap().contains("none"));

    let no_exp = hs256(HS, &format!(r#"{{"iss":"{KEY}","ist":"project","iat":{t}}}"#), SECRET);
    let v = refused(&emu, Some(("X-OPENTOK-AUTH", no_exp))).await;
    assert_eq!(v["reason"], "missing_claim");

    let no_ist = hs256(HS, &format!(r#"{{"iss":"{KEY}","iat":{t},"exp":{}}}"#, t + 300), SECRET);
    let v = refused(&emu, Some(("X-OPENTOK-AUTH", no_ist))).await;
    assert_eq!(v["reason"], "missing_claim");

    // An HS256 JWT is not an application credential.
    let v = refused(&emu, Some(("Authorization", format!("Bearer {}", rest_jwt())))).await;
    assert_eq!(v["reason"], "bad_algorithm");
}

#[tokio::test]
async fn accepts_every_sdk_jwt_shape() {
    let emu = Emulator::start_in_memory(&[]);
    let t = now();
    let shapes = [
        // Ruby: ist in the JOSE header, no jti.
        hs256(r#"{"ist":"project","alg":"HS256"}"#, &format!(r#"{{"iss":"{KEY}","iat":{t},"exp":{}}}"#, t + 300), SECRET),
        // Node: no jti.
        hs256(HS, &format!(r#"{{"iss":"{KEY}","ist":"project","iat":{t},"exp":{}}}"#, t + 300), SECRET),
        // Java: no typ, jti, iat last.
        hs256(
            r#"{"alg":"HS256"}"#,
            &format!(r#"{{"ist":"project","iss":"{KEY}","jti":"abc","exp":{},"iat":{t}}}"#, t + 180),
            SECRET,
        ),
        // iat a few seconds ahead: within leeway.
        hs256(HS, &claims(t + 5, t + 300, KEY), SECRET),
    ];
    for jwt in shapes {
        let (status, _, body) = create_raw(&emu.url, Some(("X-OPENTOK-AUTH", jwt)), Some("application/json"), "").await;
        assert_eq!(status, 200, "{body}");
    }
}

#[tokio::test]
async fn project_in_path_must_match_the_credential() {
    let emu = Emulator::start_in_memory(&["--project", &format!("{KEY}:{SECRET}"), "--project", "777:othersecret"]);
    let s = project_client(&emu.url).create_session(&Default::default()).await.unwrap();
    let get = |project: &str, jwt: String| {
        http()
            .get(format!("{}/v2/project/{project}/session/{}/connection", emu.url, s.session_id))
            .header("X-OPENTOK-AUTH", jwt)
            .send()
    };
    let ok = get(KEY, rest_jwt()).await.unwrap();
    assert_eq!(ok.status(), 200);
    let body: serde_json::Value = ok.json().await.unwrap();
    assert_eq!(body["count"], 0);
    assert_eq!(body["sessionId"], s.session_id.as_str());

    let mismatch = get("777", rest_jwt()).await.unwrap();
    assert_eq!(mismatch.status(), 403);
    let v: serde_json::Value = mismatch.json().await.unwrap();
    assert_eq!(v["reason"], "project_mismatch");

    // Project 777 authenticates fine but the session is not its own.
    let t = now();
    let other = hs256(HS, &claims(t, t + 300, "777"), "othersecret");
    let not_theirs = get("777", other).await.unwrap();
    assert_eq!(not_theirs.status(), 404);

    let unauth = http().get(format!("{}/v2/project/{KEY}/session/{}/connection", emu.url, s.session_id)).send().await.unwrap();
    assert_eq!(unauth.status(), 403);
}

#[tokio::test]
async fn application_refusals() {
    let emu = Emulator::start_in_memory(&["--application", &application_arg()]);
    // A JWT signed by a key the application did not register: HS256 claiming an app id.
    let t = now();
    let fake =
        hs256(r#"{"alg":"RS256","typ":"JWT"}"#, &format!(r#"{{"application_id":"{APP_ID}","iat":{t},"exp":{}}}"#, t + 300), "x");
    let v = refused(&emu, Some(("Authorization", format!("Bearer {fake}")))).await;
    assert_eq!(v["reason"], "bad_signature");
    let unknown = hs256(r#"{"alg":"RS256"}"#, &format!(r#"{{"application_id":"nope","iat":{t},"exp":{}}}"#, t + 300), "x");
    let v = refused(&emu, Some(("Authorization", format!("Bearer {unknown}")))).await;
    assert_eq!(v["reason"], "unknown_application");
}

#[tokio::test]
async fn claims_are_typed_and_lifetime_capped_as_the_service_does() {
    let emu = Emulator::start_in_memory(&[]);
    let t = now();
    let cases = [
        // exp far in the future (10^30): not a 64-bit integer, and beyond any lifetime.
        (format!(r#"{{"iss":"{KEY}","ist":"project","iat":{t},"exp":1000000000000000000000000000000}}"#), "bad_claim"),
        // exp as a string.
        (format!(r#"{{"iss":"{KEY}","ist":"project","iat":{t},"exp":"{}"}}"#, t + 300), "bad_claim"),
        // iat as a string / fraction.
        (format!(r#"{{"iss":"{KEY}","ist":"project","iat":"{t}","exp":{}}}"#, t + 300), "bad_claim"),
        (format!(r#"{{"iss":"{KEY}","ist":"project","iat":{t}.5,"exp":{}}}"#, t + 300), "bad_claim"),
        // iss as an integer.
        (format!(r#"{{"iss":{KEY},"ist":"project","iat":{t},"exp":{}}}"#, t + 300), "bad_claim"),
        // no iat.
        (format!(r#"{{"iss":"{KEY}","ist":"project","exp":{}}}"#, t + 300), "missing_claim"),
        // a day-long JWT, and one just past 5 minutes plus the leeway.
        (claims(t, t + 86_400, KEY), "lifetime_too_long"),
        (claims(t, t + 306, KEY), "lifetime_too_long"),
        // long-lived by backdating iat: still expires too far after iat.
        (claims(t - 3_000, t + 300, KEY), "lifetime_too_long"),
    ];
    for (c, reason) in cases {
        let v = refused(&emu, Some(("X-OPENTOK-AUTH", hs256(HS, &c, SECRET)))).await;
        assert_eq!(v["reason"], reason, "{c}: {v}");
    }
    // 300 s (Node, Ruby, PHP, .NET, our core) and the leeway on top are accepted.
    for exp in [t + 180, t + 300, t + 305] {
        let jwt = hs256(HS, &claims(t, exp, KEY), SECRET);
        let (status, _, body) = create_raw(&emu.url, Some(("X-OPENTOK-AUTH", jwt)), Some("application/json"), "").await;
        assert_eq!(status, 200, "{body}");
    }
}

#[tokio::test]
async fn application_claims_are_typed() {
    let emu = Emulator::start_in_memory(&["--application", &application_arg()]);
    let t = now();
    // The id as a number, and exp as a string: refused before any key lookup or signature check.
    let numeric = hs256(r#"{"alg":"RS256"}"#, &format!(r#"{{"application_id":12,"iat":{t},"exp":{}}}"#, t + 300), "x");
    let v = refused(&emu, Some(("Authorization", format!("Bearer {numeric}")))).await;
    assert_eq!(v["reason"], "bad_claim", "{v}");
}
