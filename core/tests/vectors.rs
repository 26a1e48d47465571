//! `tests/vectors/tokens.json`: tokens the official SDKs produced for fixed inputs.

use opentok::{
    decode_token, generate_token_at, verify_token_at, Credentials, ErrorKind, Expiry, Role, SessionId, TokenFormat, TokenOptions,
    TokenRejection, VerifyKey,
};
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/tokens.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn options(input: &Value, format: TokenFormat) -> opentok::Result<TokenOptions> {
    let role = match input.get("role").and_then(Value::as_str) {
        Some(r) => r.parse::<Role>()?,
        None => Role::default(),
    };
    let expire = match input.get("expire_time") {
        Some(Value::Number(n)) => Some(Expiry::At(n.as_i64().unwrap())),
        Some(Value::String(s)) => Some(Expiry::parse(s)?),
        _ => None,
    };
    Ok(TokenOptions {
        role,
        expire,
        data: input.get("data").and_then(Value::as_str).map(str::to_string),
        initial_layout_class_list: input
            .get("initial_layout_class_list")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
            .unwrap_or_default(),
        format,
    })
}

fn mint(case: &Value, format: TokenFormat) -> opentok::Result<String> {
    let i = &case["input"];
    let v = vectors();
    let creds = Credentials::project(
        i["api_key"].as_str().unwrap(),
        i.get("api_secret").and_then(Value::as_str).unwrap_or(v["api_secret"].as_str().unwrap()),
    )?;
    let opts = options(i, format)?;
    generate_token_at(
        &creds,
        i["session_id"].as_str().unwrap(),
        &opts,
        i["now"].as_i64().unwrap(),
        i.get("nonce").and_then(Value::as_u64).unwrap_or(1) as u32,
    )
}

#[test]
fn t1_cases_are_byte_exact() {
    let v = vectors();
    for case in v["t1"].as_array().unwrap() {
        let token = mint(case, TokenFormat::T1).unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
        assert_eq!(token, case["token"].as_str().unwrap(), "t1 case {}", case["name"]);
    }
}

#[test]
fn jwt_cases_yield_exactly_their_claims_and_bytes() {
    let v = vectors();
    for case in v["jwt"].as_array().unwrap() {
        let token = mint(case, TokenFormat::Jwt).unwrap();
        let d = decode_token(&token).unwrap();
        assert_eq!(Value::Object(d.claims), case["claims"], "jwt case {}", case["name"]);
        assert_eq!(token, case["token"].as_str().unwrap(), "jwt bytes {}", case["name"]);
    }
}

#[test]
fn reject_cases_are_invalid_arguments() {
    let v = vectors();
    for case in v["reject"].as_array().unwrap() {
        let mut input = case["input"].clone();
        if case["name"] == "role_not_a_role" {
            input["role"] = "admin".into();
        }
        let c = serde_json::json!({ "input": input });
        for format in [TokenFormat::Jwt, TokenFormat::T1] {
            let e = mint(&c, format).expect_err(case["name"].as_str().unwrap());
            assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{}: {e}", case["name"]);
        }
    }
}

#[test]
fn every_vector_token_verifies_and_tampering_fails() {
    let v = vectors();
    let secret = VerifyKey::Secret(v["api_secret"].as_str().unwrap().into());
    let wrong = VerifyKey::Secret("0000000000abcdef1234567890abcdef1234567890".into());
    let mut tokens: Vec<(String, i64)> = Vec::new();
    for group in ["t1", "jwt"] {
        for case in v[group].as_array().unwrap() {
            tokens.push((case["token"].as_str().unwrap().into(), case["input"]["now"].as_i64().unwrap()));
        }
    }
    for case in v["node_tokens"].as_array().unwrap() {
        let t = case["token"].as_str().unwrap().to_string();
        let iat = decode_token(&t).unwrap().issued_at.unwrap();
        tokens.push((t, iat));
    }
    for (t, now) in tokens {
        let d = verify_token_at(&t, &secret, now).unwrap_or_else(|e| panic!("{t}: {e}"));
        assert!(d.project_id.is_some() && d.session_id.is_some());
        assert_eq!(verify_token_at(&t, &wrong, now).unwrap_err().token_rejection(), Some(TokenRejection::BadSignature));
        let flipped = flip_signature_char(&t);
        assert!(verify_token_at(&flipped, &secret, now).is_err(), "flipped {t}");
        let edited = edit_field(&t);
        assert!(verify_token_at(&edited, &secret, now).is_err(), "edited {t}");
    }
}

fn flip_signature_char(t: &str) -> String {
    if let Some(body) = t.strip_prefix("T1==") {
        let inner = String::from_utf8(base64_std(body)).unwrap();
        let i = inner.find("sig=").unwrap() + 4;
        let mut b = inner.into_bytes();
        b[i] = if b[i] == b'0' { b'1' } else { b'0' };
        format!("T1=={}", base64_enc(&b))
    } else {
        let mut s = t.to_string();
        let last = s.pop().unwrap();
        // flip a character that changes the decoded signature bytes
        let n = s.len() - 3;
        let c = s.as_bytes()[n];
        s.replace_range(n..n + 1, if c == b'A' { "B" } else { "A" });
        s.push(last);
        s
    }
}

fn edit_field(t: &str) -> String {
    if let Some(body) = t.strip_prefix("T1==") {
        let inner = String::from_utf8(base64_std(body)).unwrap();
        let edited = inner.replace("role=", "role=x");
        format!("T1=={}", base64_enc(edited.as_bytes()))
    } else {
        let parts: Vec<&str> = t.split('.').collect();
        let claims = String::from_utf8(base64_url(parts[1])).unwrap().replace("\"role\":\"", "\"role\":\"x");
        format!("{}.{}.{}", parts[0], base64_url_enc(claims.as_bytes()), parts[2])
    }
}

fn base64_std(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(s).unwrap()
}
fn base64_enc(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(b)
}
fn base64_url(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(s).unwrap()
}
fn base64_url_enc(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

#[test]
fn session_id_vectors() {
    let v = vectors();
    for case in v["session_ids"].as_array().unwrap() {
        let id = SessionId::parse(case["session_id"].as_str().unwrap()).unwrap();
        let fields: Vec<String> = case["fields"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().into()).collect();
        assert_eq!(id.fields(), &fields[..]);
        assert_eq!(id.api_key(), case["api_key"].as_str().unwrap());
        assert_eq!(id.location(), case["location"].as_str());
        assert_eq!(id.create_time_field(), case["create_time_field"].as_str().unwrap());
    }
    for bad in v["bad_session_ids"].as_array().unwrap() {
        let e = SessionId::parse(bad.as_str().unwrap()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
        assert_eq!(e.field(), Some("session_id"));
    }
}

#[test]
fn t1_decodes_in_url_safe_base64_too() {
    let v = vectors();
    let t = v["t1"][8]["token"].as_str().unwrap();
    let inner = base64_std(&t[4..]);
    let url_safe = {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE.encode(inner)
    };
    let d = verify_token_at(&format!("T1=={url_safe}"), &VerifyKey::Secret(v["api_secret"].as_str().unwrap().into()), 1795823052)
        .unwrap();
    assert_eq!(d.connection_data.as_deref(), v["t1"][8]["input"]["data"].as_str());
}
