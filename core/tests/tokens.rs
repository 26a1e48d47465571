//! Token minting rules, application (RS256) tokens, and reading tokens back.

use std::time::Duration;

use opentok::{
    decode_token, explain_token_at, generate_token_at, verify_token_at, Credentials, ErrorKind, Expiry, Role, TokenFormat,
    TokenOptions, TokenRejection, VerifyKey,
};

const KEY: &str = "123456";
const SECRET: &str = "1234567890abcdef1234567890abcdef1234567890";
const SID: &str = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
const APP_ID: &str = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f";
const APP_SID: &str =
    "1_MX4yOWY3NjBmOC03Y2UxLTQ2YzktYWRlMy1mMmRlZGVlNGVkNWZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-";
const NOW: i64 = 1_795_823_052;

fn key_file(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../tests/keys/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn project() -> Credentials {
    Credentials::project(KEY, SECRET).unwrap()
}

fn mint(o: TokenOptions) -> opentok::Result<String> {
    generate_token_at(&project(), SID, &o, NOW, 7)
}

#[test]
fn expiry_limits() {
    let ttl = |d| TokenOptions { expire: Some(Expiry::In(d)), ..Default::default() };
    let t = mint(ttl(Duration::from_secs(3600))).unwrap();
    assert_eq!(decode_token(&t).unwrap().expires_at, Some(NOW + 3600));
    assert!(mint(ttl(Duration::from_secs(30 * 86400))).is_ok());
    let e = mint(ttl(Duration::from_secs(30 * 86400 + 1))).unwrap_err();
    assert_eq!(e.field(), Some("expire_time"));
    assert!(e.to_string().contains("30 days"), "{e}");
    let e = mint(TokenOptions { expire: Some(Expiry::At(NOW - 1)), ..Default::default() }).unwrap_err();
    assert!(e.to_string().contains("past"), "{e}");
    let d = decode_token(&mint(TokenOptions::default()).unwrap()).unwrap();
    assert_eq!(d.expires_at, Some(NOW + 86400), "default 24 h");
    assert_eq!(Expiry::parse("1795826652").unwrap(), Expiry::At(1795826652));
    assert_eq!(Expiry::parse(" 1795826652.9 ").unwrap(), Expiry::At(1795826652));
    let e = Expiry::parse("tomorrow").unwrap_err();
    assert!(e.to_string().contains("expire_time") && e.to_string().contains("tomorrow"));
}

#[test]
fn data_and_layout_limits_name_the_field() {
    assert!(mint(TokenOptions { data: Some("é".repeat(1000)), ..Default::default() }).is_ok());
    let e = mint(TokenOptions { data: Some("x".repeat(1001)), ..Default::default() }).unwrap_err();
    assert_eq!(e.field(), Some("data"));
    assert!(e.to_string().contains("1000"), "{e}");
    let e = mint(TokenOptions { initial_layout_class_list: vec!["a".repeat(500), "b".repeat(500)], ..Default::default() })
        .unwrap_err();
    assert_eq!(e.field(), Some("initial_layout_class_list"));
}

#[test]
fn roles_parse_and_print() {
    for r in Role::ALL {
        assert_eq!(r.as_str().parse::<Role>().unwrap(), r);
    }
    assert_eq!("PUBLISHER_ONLY".parse::<Role>().unwrap(), Role::PublisherOnly);
    let e = "admin".parse::<Role>().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.to_string().contains("admin") && e.to_string().contains("role"));
}

#[test]
fn session_ownership_is_checked() {
    let other = "1_MX42NTQzMjF-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
    let e = generate_token_at(&project(), other, &TokenOptions::default(), NOW, 1).unwrap_err();
    assert_eq!(e.field(), Some("session_id"));
    assert!(e.to_string().contains("654321") && e.to_string().contains("123456"), "{e}");
}

#[test]
fn application_credentials_mint_rs256_tokens_that_verify_with_the_public_key() {
    for pem in ["app_private.pem", "app_private_pkcs1.pem"] {
        let creds = Credentials::application(APP_ID, &key_file(pem)).unwrap();
        let o = TokenOptions {
            role: Role::Moderator,
            data: Some("name=Ada".into()),
            initial_layout_class_list: vec!["focus".into()],
            ..Default::default()
        };
        let t = generate_token_at(&creds, APP_SID, &o, NOW, 1).unwrap();
        let d = verify_token_at(&t, &VerifyKey::RsaPublicKeyPem(key_file("app_public.pem")), NOW).unwrap();
        assert_eq!(d.algorithm.as_deref(), Some("RS256"));
        assert_eq!(d.project_id.as_deref(), Some(APP_ID));
        assert_eq!(d.role.as_deref(), Some("moderator"));
        assert_eq!(d.claims["sub"], "video");
        assert_eq!(d.claims["subject"], "video");
        assert_eq!(d.claims["scope"], "session.connect");
        assert_eq!(d.claims["acl"], serde_json::json!({"paths": {"/session/**": {}}}));
        assert!(d.claims["jti"].as_str().unwrap().len() == 36);
        assert_eq!(d.initial_layout_class_list.as_deref(), Some("focus"));
        assert!(verify_token_at(&t, &creds.verify_key(), NOW).is_ok());
        // the secret cannot verify an RS256 token
        let e = verify_token_at(&t, &VerifyKey::Secret(SECRET.into()), NOW).unwrap_err();
        assert_eq!(e.token_rejection(), Some(TokenRejection::BadAlgorithm));
        let e = generate_token_at(&creds, APP_SID, &TokenOptions { format: TokenFormat::T1, ..Default::default() }, NOW, 1)
            .unwrap_err();
        assert_eq!(e.field(), Some("token_type"));
    }
}

#[test]
fn verification_checks_expiry_and_explain_says_why() {
    let key = VerifyKey::Secret(SECRET.into());
    for format in [TokenFormat::Jwt, TokenFormat::T1] {
        let t = mint(TokenOptions { expire: Some(Expiry::At(NOW + 60)), format, ..Default::default() }).unwrap();
        assert!(verify_token_at(&t, &key, NOW + 60).is_ok());
        let e = verify_token_at(&t, &key, NOW + 3 * 3600).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidToken);
        assert_eq!(e.token_rejection(), Some(TokenRejection::Expired));
        let x = explain_token_at(&t, Some(&key), NOW + 3 * 3600 + 60);
        assert!(!x.valid);
        assert!(x.verdict.starts_with("expired 3 h ago"), "{}", x.verdict);
        let x = explain_token_at(&t, Some(&key), NOW - 200);
        assert!(x.valid, "{}", x.verdict);
        let x = explain_token_at(&t, Some(&key), NOW - 1000);
        assert!(x.verdict.contains("in the future"), "{}", x.verdict);
        let x = explain_token_at(&t, Some(&VerifyKey::Secret("nope".into())), NOW);
        assert_eq!(x.rejection, Some(TokenRejection::BadSignature));
        let x = explain_token_at(&t, None, NOW);
        assert!(x.valid && x.verdict.contains("not checked") && x.verdict.contains("publisher"), "{}", x.verdict);
    }
    let x = explain_token_at("hello", None, NOW);
    assert!(!x.valid && x.decoded.is_none());
    assert_eq!(x.rejection, Some(TokenRejection::Malformed));
}

#[test]
fn alg_none_is_refused() {
    use base64::Engine;
    let b = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let t = format!("{}.{}.", b(r#"{"alg":"none"}"#), b(&format!(r#"{{"session_id":"{SID}","role":"publisher"}}"#)));
    let e = verify_token_at(&t, &VerifyKey::Secret(SECRET.into()), NOW).unwrap_err();
    assert_eq!(e.token_rejection(), Some(TokenRejection::BadAlgorithm));
}

#[test]
fn garbage_tokens_never_panic() {
    for t in ["", "T1==", "T1==!!!", "T1==YWJj", "eyJ", "eyJ.eyJ.x", "a.b.c", "T1==OmFiYw=="] {
        assert!(decode_token(t).is_err() || verify_token_at(t, &VerifyKey::Secret(SECRET.into()), NOW).is_err(), "{t}");
    }
}
