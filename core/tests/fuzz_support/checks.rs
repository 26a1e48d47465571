//! The checks of the fuzz targets, shared by the property harness (`core/tests/fuzz.rs`) and the
//! libFuzzer targets (`fuzz/fuzz_targets/`): each takes one input as text, asserts the target's
//! invariants (a panic is a finding) and returns a label of the outcome.

#![allow(dead_code)]

use opentok::*;
use serde_json::Value;

pub const KEY: &str = "123456";
pub const SECRET: &str = "1234567890abcdef1234567890abcdef1234567890";
pub const NOW: i64 = 1_795_823_052;

pub fn project() -> Credentials {
    Credentials::project(KEY, SECRET).unwrap()
}

pub const SID: &str = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";

pub fn minted_session_ids() -> Vec<String> {
    vec![
        SID.to_string(),
        SessionId::mint(KEY, None, 1_700_000_000_000, "0.123", "").as_str().to_string(),
        SessionId::mint(KEY, Some("10.1.2.3"), 1_700_000_000_000, "MC4xMjM", "MX4").as_str().to_string(),
        SessionId::mint("c3a7e1d2-1234-4abc-9def-0123456789ab", None, 1, "r", "P2P").as_str().to_string(),
        "2_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-cn5-fg".into(),
        String::new(),
    ]
}

pub type Reader = fn(&Value) -> Result<()>;

pub fn readers() -> Vec<(&'static str, Reader)> {
    vec![
        ("layout", |v| Layout::from_json(v).map(drop)),
        ("archive", |v| ArchiveOptions::from_json(v).map(drop)),
        ("broadcast", |v| BroadcastOptions::from_json(v).map(drop)),
        ("tracks", |v| StreamTracks::from_json(v).map(drop)),
        ("list", |v| ListOptions::from_json(v).map(drop)),
        ("signal", |v| Signal::from_json(v).map(drop)),
        ("mute_all", |v| MuteAllOptions::from_json(v).map(drop)),
        ("sip", |v| SipDialOptions::from_json(v).map(drop)),
        ("captions", |v| CaptionOptions::from_json(v).map(drop)),
        ("render", |v| RenderOptions::from_json(v).map(drop)),
        ("audio_connector", |v| AudioConnectorOptions::from_json(v).map(drop)),
        ("callback", |v| CallbackOptions::from_json(v).map(drop)),
    ]
}

/// A form body as `key=value&...` text (percent-decoding is the web framework's; pairs are what
/// `from_form` reads), so the corpus files stay readable.
pub fn form_pairs(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (p.to_string(), String::new()),
        })
        .collect()
}

pub fn token_decode(t: &str) -> String {
    let key = VerifyKey::from_text(SECRET);

    let decoded = decode_token(t);
    let verified = verify_token_at(t, &key, NOW);
    let _ = explain_token_at(t, Some(&key), NOW);
    let _ = explain_token_at(t, None, NOW);
    if let Ok(j) = jwt::Jwt::decode(t) {
        let _ = (j.alg(), j.verify_hs256(SECRET.as_bytes()), j.int_claim("exp"), j.claim_or_header("kid"));
    }
    // Invariant: what verifies also decodes, to the same thing.
    if let Ok(v) = &verified {
        assert_eq!(decoded.as_ref().ok(), Some(v), "verify and decode disagree on {t:?}");
    }
    let why = |e: &Error| e.token_rejection().map_or(e.kind().as_str(), |r| r.as_str());
    match (&decoded, &verified) {
        (_, Ok(d)) => format!("verified {:?}", d.format),
        (Ok(d), Err(e)) => format!("decoded {:?}, refused: {}", d.format, why(e)),
        (Err(e), _) => format!("undecodable: {}", why(e)),
    }
}

pub fn session_id(s: &str) -> String {
    let owned = SessionId::check_belongs(s, KEY, "project").is_ok();
    let owned_py = SessionId::check_belongs_python(s, KEY, "project").is_ok();
    let label = format!("parses: {}, owned: {owned}/{owned_py}", SessionId::parse(s).is_ok());
    if let Ok(id) = SessionId::parse(s) {
        let _ = (id.prefix(), id.fields(), id.location(), id.create_time_field(), id.created_at_ms());
        // Invariant: parsing is stable, and ownership agrees with the key field.
        let again = SessionId::parse(id.as_str()).expect("a parsed id parses again");
        assert_eq!(again.fields(), id.fields());
        assert_eq!(id.belongs_to(id.api_key()), !id.api_key().is_empty() || id.belongs_to(""));
    }
    label
}

pub fn rest_models(body: &str) -> String {
    // Any answer reads as a model or as the client's complaint, never a panic.
    let read: Vec<&str> =
        fuzzing::MODELS.iter().copied().filter(|m| fuzzing::read_response(m, body).expect("a known model").is_ok()).collect();
    format!("read as {} models", read.len())
}

pub fn from_json(text: &str) -> String {
    let readers = readers();

    let Ok(v) = serde_json::from_str::<Value>(text) else { return "not JSON".into() };
    let mut accepted = 0;
    for (name, read) in &readers {
        // Invariant: a refusal names a field (the bindings show it).
        match read(&v) {
            Ok(()) => accepted += 1,
            Err(e) => assert!(
                e.kind() != ErrorKind::InvalidArgument || e.field().is_some(),
                "{name}: an invalid argument without a field: {e}"
            ),
        }
    }
    format!("accepted by {accepted} readers")
}

pub fn session_form(text: &str) -> String {
    match SessionOptions::from_form(&form_pairs(text)) {
        Ok(o) => {
            // Invariant: what the form parser accepts is valid options.
            assert!(o.validate().is_ok(), "from_form accepted invalid options from {text:?}");
            "accepted".into()
        }
        Err(e) => format!("refused: {}", e.field().unwrap_or("-")),
    }
}

pub fn token_roundtrip(text: &str) -> String {
    let creds = project();
    let key = VerifyKey::from_text(SECRET);
    let roles = [Role::Publisher, Role::Subscriber, Role::Moderator, Role::PublisherOnly];

    // The options, from JSON text (what the generator writes; libFuzzer mutates it).
    let Ok(v) = serde_json::from_str::<Value>(text) else { return "skip: not JSON".into() };
    let (Some(session), Some(role), Some(layout), Some(t1), Some(nonce)) =
        (v["session"].as_u64(), v["role"].as_u64(), v["layout"].as_array(), v["t1"].as_bool(), v["nonce"].as_u64())
    else {
        return "skip: shape".into();
    };
    let sids = minted_session_ids();
    let sid = &sids[session as usize % 3];
    let options = TokenOptions {
        role: roles[role as usize % 4],
        expire: v["expire_at"].as_i64().map(Expiry::At),
        data: v["data"].as_str().map(str::to_string),
        initial_layout_class_list: layout
            .iter()
            .filter_map(|c| c.as_str())
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
        format: if t1 { TokenFormat::T1 } else { TokenFormat::Jwt },
    };
    let nonce = nonce as u32;
    let token = match generate_token_at(&creds, sid, &options, NOW, nonce) {
        Ok(t) => t,
        // Broken rules (expiry in the past or beyond 30 days, data or layout too long) are
        // refused, naming the field.
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
            return format!("refused: {}", e.field().expect("a refusal names its field"));
        }
    };
    let d = verify_token_at(&token, &key, NOW).unwrap_or_else(|e| panic!("our token does not verify: {e}"));
    assert_eq!(d.format, options.format);
    assert_eq!(d.session_id.as_deref(), Some(sid.as_str()));
    assert_eq!(d.project_id.as_deref(), Some(KEY));
    assert_eq!(d.role.as_deref(), Some(options.role.as_str()));
    assert_eq!(d.issued_at, Some(NOW));
    let want_exp = match options.expire {
        Some(Expiry::At(t)) => t,
        _ => NOW + DEFAULT_TOKEN_TTL.as_secs() as i64,
    };
    assert_eq!(d.expires_at, Some(want_exp));
    if let Some(data) = &options.data {
        if !data.is_empty() {
            assert_eq!(d.connection_data.as_deref(), Some(data.as_str()));
        }
    }
    if !options.initial_layout_class_list.is_empty() {
        assert_eq!(d.initial_layout_class_list.as_deref(), Some(options.initial_layout_class_list.join(" ").as_str()));
    }
    assert_eq!(d.nonce.as_deref(), Some(nonce.to_string().as_str()));
    // Another secret does not verify it.
    assert!(verify_token_at(&token, &VerifyKey::from_text(format!("{SECRET}x")), NOW).is_err());
    format!("verified {:?}", d.format)
}

pub fn session_id_roundtrip(text: &str) -> String {
    let Ok(v) = serde_json::from_str::<Value>(text) else { return "skip: not JSON".into() };
    let (Some(key), Some(ms), Some(random), Some(flag)) =
        (v["key"].as_str(), v["ms"].as_i64(), v["random"].as_str(), v["flag"].as_str())
    else {
        return "skip: shape".into();
    };
    let location = v["location"].as_str();
    // What the service mints: a key of digits (or an application id), no `~` in any field.
    let key_ok = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !key_ok || [random, flag, location.unwrap_or("")].iter().any(|f| f.contains('~')) {
        return "skip: not a service id".into();
    }
    let id = SessionId::mint(key, location, ms, random, flag);
    // Found by libFuzzer (corpus: regress-mint-over-512-chars.json): `mint` does not bound its
    // fields, and `parse` refuses ids over 512 characters. The service's ids are far shorter (an
    // IPv4 location, a short random part); past the limit the refusal must say so.
    if id.as_str().len() > 512 {
        let e = SessionId::parse(id.as_str()).expect_err("parse takes at most 512 characters");
        assert!(e.to_string().contains("at most 512"), "{e}");
        return "refused: over 512 characters".into();
    }
    let parsed = SessionId::parse(id.as_str()).unwrap_or_else(|e| panic!("our session id does not parse: {e}"));
    assert_eq!(parsed.api_key(), key);
    assert!(parsed.belongs_to(key));
    assert!(SessionId::check_belongs(id.as_str(), key, "project").is_ok());
    // An empty location is no location (corpus: regress-empty-location.json).
    assert_eq!(parsed.location(), location.filter(|l| !l.is_empty()));
    assert_eq!(parsed.created_at_ms(), Some(ms));
    // Another key does not own it (unless another field happens to equal that key: ownership is
    // "any field is the key", as the service and the official SDKs check it).
    let other = format!("{key}0");
    if !parsed.fields().contains(&other) {
        assert!(!parsed.belongs_to(&other), "{} owned by {other}", id.as_str());
    }
    format!("verified, location: {}", location.is_some())
}

/// A webhook body: `parse_event` refuses non-JSON with an argument error naming `body`, reads any
/// JSON as an event (unknown ones included), and the event's wire body reads back to an equal
/// event; its name and typed view never panic.
pub fn event_parse(text: &str) -> String {
    match parse_event(text) {
        Err(e) => {
            assert!(serde_json::from_str::<Value>(text).is_err(), "JSON refused: {e}");
            assert_eq!(e.kind(), ErrorKind::InvalidArgument);
            assert_eq!(e.field(), Some("body"));
            "not JSON".into()
        }
        Ok(event) => {
            let body = event.to_json().to_string();
            let again = parse_event(&body).expect("an event's own body is JSON");
            if matches!(event, Event::Unknown { .. }) {
                // its body as received; re-printing may change float digits (serde_json reads
                // floats fast, not exactly), so only the kind is compared
                assert_eq!(again.name(), "unknown", "an unknown event's body read back as {again:?}");
            } else {
                assert_eq!(again, event, "to_json -> parse_event is not the identity for {body}");
            }
            assert!(EVENT_NAMES.contains(&event.name()));
            let typed = event.to_typed_json();
            assert_eq!(typed.get("type").and_then(Value::as_str), Some(event.name()));
            let _ = (event.session_id(), event.status(), event.resource_id());
            event.name().to_string()
        }
    }
}
