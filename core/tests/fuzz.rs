//! Fuzz / property harness of the core's parsers of outside bytes (issue #15; docs/fuzzing.md).
//!
//! Targets: `token_decode` (T1 and JWT: decode, verify, explain, and the raw `jwt::Jwt` reader),
//! `session_id` (parse, ownership checks, accessors), `rest_models` (every REST response model,
//! through the client's own reader: serde from the body, settle, identity check; and the
//! `/session/create` answer, JSON or XML), `from_json` (every options reader the bindings call),
//! `session_form` (`SessionOptions::from_form`, the emulator's form parser), `event_parse` (webhook
//! bodies: `parse_event`, and `to_json` read back to an equal event). Properties:
//! `token_roundtrip` (a token we mint decodes and verifies to the options it was minted with) and
//! `session_id_roundtrip` (a session id we mint parses and is owned by its key).
//!
//! Inputs: the seeds below and every file in `core/tests/fuzz_corpus/<target>/` (replayed as
//! regression cases on every run), then mutations of them (byte flips, inserts, deletes, splices,
//! dictionary tokens; inside the base64 of tokens too) or structured random values. No external
//! fuzzer: a dependency-free generator, so it runs on the stable toolchain in `cargo test`.
//!
//! Knobs (environment): `OPENTOK_FUZZ_CASES` cases per target (default 2000, what `cargo test`
//! runs), `OPENTOK_FUZZ_SECS` time bound per target (default none), `OPENTOK_FUZZ_SEED` (default
//! fixed, so `cargo test` is reproducible), `OPENTOK_FUZZ_EXPORT` (a directory: write each
//! target's seeds there, for libFuzzer). The checks themselves are in `fuzz_support/checks.rs`,
//! shared with the coverage-guided libFuzzer targets in `fuzz/` (`make fuzz-libfuzzer`). `make fuzz` runs a million cases per target, bounded
//! in time. A panic saves its input as `core/tests/fuzz_corpus/<target>/crash-<hash>` and fails.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[path = "fuzz_support/checks.rs"]
mod checks;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use opentok::*;
use serde_json::{json, Map, Value};

use checks::{minted_session_ids, project, NOW, SID};

// ---------------------------------------------------------------------------------------------
// The generator.

/// splitmix64: small, fast, good enough to drive mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Tokens that matter to JSON, tokens, session ids and forms.
const DICT: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1.5",
    "1e308",
    "1e999",
    "-1e999",
    "9223372036854775807",
    "-9223372036854775809",
    "18446744073709551616",
    "\"\"",
    "\"x\"",
    "~",
    "_",
    ".",
    "=",
    "&",
    "-",
    "+",
    "/",
    "%",
    "\\",
    "\\u0000",
    "\\ud800",
    "\\udc00",
    "é",
    "😀",
    "\u{0}",
    "\r\n",
    " ",
    "T1==",
    "eyJ",
    "partner_id=",
    "sig=",
    "session_id=",
    "create_time=",
    "expire_time=",
    "nonce=",
    "role=",
    "connection_data=",
    "initial_layout_class_list=",
    "1_MX4",
    "2_MX4",
    "id",
    "status",
    "sessionId",
    "items",
    "count",
    "partnerId",
    "projectId",
    "applicationId",
    "createdAt",
    "updatedAt",
    "size",
    "duration",
    "streams",
    "layout",
    "outputMode",
    "hasAudio",
    "hasVideo",
    "url",
    "event",
    "group",
    "broadcastUrls",
    "rtmp",
    "hls",
    "connectionId",
    "streamId",
    "videoType",
    "layoutClassList",
    "captionsId",
    "connectionState",
    "session_id",
    "project_id",
    "create_dt",
    "media_server_url",
    "<session_id>",
    "</session_id>",
    "&amp;",
    "&#x0;",
    "available",
    "started",
    "stopped",
    "iss",
    "ist",
    "iat",
    "exp",
    "jti",
    "scope",
    "session.connect",
    "alg",
    "HS256",
    "RS256",
    "none",
    "typ",
    "JWT",
];

fn mutate_bytes(rng: &mut Rng, mut b: Vec<u8>, others: &[String]) -> Vec<u8> {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(b.len() + 1);
        match rng.below(9) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] = rng.next() as u8;
            }
            2 if !b.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(b.len());
                b.drain(at.min(end)..end);
            }
            3 | 4 => {
                let t = rng.pick(DICT).as_bytes().to_vec();
                b.splice(at..at, t);
            }
            5 if !b.is_empty() => {
                // Duplicate a chunk (nesting, repeated fields).
                let s = rng.below(b.len());
                let e = (s + 1 + rng.below(32)).min(b.len());
                let chunk = b[s..e].to_vec();
                b.splice(at..at, chunk);
            }
            6 if !others.is_empty() => {
                // Splice with another input.
                let o = rng.pick(others).as_bytes();
                let s = rng.below(o.len() + 1);
                let e = (s + rng.below(64)).min(o.len());
                b.truncate(at);
                b.extend_from_slice(&o[s..e]);
            }
            7 if !b.is_empty() => b.truncate(at),
            _ => {
                let n = [b'0', b'9', b'"', b'{', b'[', 0x80, 0xff, b'~', b'=', b'.'];
                b.insert(at, *rng.pick(&n));
            }
        }
    }
    b
}

fn mutate(rng: &mut Rng, s: &str, others: &[String]) -> String {
    let b = mutate_bytes(rng, s.as_bytes().to_vec(), others);
    String::from_utf8(b).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Mutates a JSON document structurally (replaces, removes or retypes one node; renames a key),
/// so the readers see valid JSON of the wrong shape; `None` when `text` is not JSON.
fn mutate_json(rng: &mut Rng, text: &str) -> Option<String> {
    let mut v: Value = serde_json::from_str(text).ok()?;
    for _ in 0..1 + rng.below(3) {
        // A random path down the document, then the node there.
        let mut path = Vec::new();
        let mut at = &v;
        while rng.below(3) != 0 {
            let n = match at {
                Value::Array(a) => a.len(),
                Value::Object(m) => m.len(),
                _ => 0,
            };
            if n == 0 {
                break;
            }
            let i = rng.below(n);
            path.push(i);
            at = match at {
                Value::Array(a) => &a[i],
                Value::Object(m) => m.values().nth(i).unwrap(),
                _ => unreachable!(),
            };
        }
        let node = node_at(&mut v, &path);
        match (rng.below(5), &mut *node) {
            (0, Value::Object(m)) if !m.is_empty() => {
                let k = m.keys().nth(rng.below(m.len())).unwrap().clone();
                m.remove(&k);
            }
            (1, Value::Object(m)) => {
                m.insert(rng.pick(FIELDS).to_string(), random_json(rng, 2));
            }
            (2, Value::Array(a)) if !a.is_empty() => {
                let i = rng.below(a.len());
                let dup = a[i].clone();
                a.push(dup);
            }
            (3, Value::String(t)) => *t = rng.pick(STRINGS).to_string(),
            _ => *node = random_json(rng, 3),
        }
    }
    Some(v.to_string())
}

fn node_at<'a>(v: &'a mut Value, path: &[usize]) -> &'a mut Value {
    match (path.first(), v) {
        (Some(&i), Value::Array(a)) => node_at(&mut a[i], &path[1..]),
        (Some(&i), Value::Object(m)) => node_at(m.values_mut().nth(i).unwrap(), &path[1..]),
        (_, v) => v,
    }
}

/// Mutates inside a token's encoding (the T1 base64 payload, a JWT segment), then re-encodes,
/// so the parsers see well-encoded but malformed contents.
fn mutate_token(rng: &mut Rng, t: &str, others: &[String]) -> String {
    if let Some(b64) = t.strip_prefix("T1==") {
        if let Ok(inner) = STANDARD.decode(b64) {
            let inner = mutate_bytes(rng, inner, others);
            return format!("T1=={}", STANDARD.encode(inner));
        }
    }
    // Session ids: `1_` or `2_` and the base64 of `~`-separated fields.
    if let Some((prefix, b64)) = t.split_once('_').filter(|(p, _)| p.len() == 1) {
        if let Ok(inner) = URL_SAFE_NO_PAD.decode(b64.trim_end_matches('=').replace('+', "-").replace('/', "_")) {
            let inner = mutate_bytes(rng, inner, others);
            return format!("{prefix}_{}", if rng.chance(2) { URL_SAFE_NO_PAD.encode(inner) } else { STANDARD.encode(inner) });
        }
    }
    let mut parts: Vec<String> = t.split('.').map(str::to_string).collect();
    if parts.len() == 3 {
        let i = rng.below(2);
        if let Ok(inner) = URL_SAFE_NO_PAD.decode(&parts[i]) {
            let text = String::from_utf8_lossy(&inner).into_owned();
            let inner = match mutate_json(rng, &text).filter(|_| rng.chance(2)) {
                Some(json) => json.into_bytes(),
                None => mutate_bytes(rng, inner, others),
            };
            parts[i] = URL_SAFE_NO_PAD.encode(inner);
            return parts.join(".");
        }
    }
    mutate(rng, t, others)
}

/// A random JSON value whose keys are the fields the readers look for.
fn random_json(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 3 { 6 } else { 9 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(2)),
        2 => json!(rng.next() as i64 >> rng.below(64)),
        3 => json!(*rng.pick(&[0.5, -1.0, 1e308, -0.0, 3.0, 1e15, 720.0, 1.0e-9])),
        4 => Value::String(rng.pick(STRINGS).to_string()),
        5 => Value::String(rng.pick(DICT).repeat(1 + rng.below(3))),
        6 => Value::Array((0..rng.below(4)).map(|_| random_json(rng, depth + 1)).collect()),
        _ => {
            let mut m = Map::new();
            for _ in 0..rng.below(8) {
                m.insert(rng.pick(FIELDS).to_string(), random_json(rng, depth + 1));
            }
            Value::Object(m)
        }
    }
}

/// Field names of the options readers (`from_json`) and of the models.
const FIELDS: &[&str] = &[
    "name",
    "hasAudio",
    "hasVideo",
    "outputMode",
    "resolution",
    "layout",
    "type",
    "stylesheet",
    "screenshareType",
    "streamMode",
    "multiArchiveTag",
    "maxBitrate",
    "quantizationParameter",
    "hasTranscription",
    "transcriptionProperties",
    "primaryLanguageCode",
    "hasSummary",
    "outputs",
    "hls",
    "rtmp",
    "serverUrl",
    "streamName",
    "id",
    "dvr",
    "lowLatency",
    "maxDuration",
    "offset",
    "count",
    "sessionId",
    "data",
    "excludedStreamIds",
    "active",
    "sipUri",
    "uri",
    "from",
    "headers",
    "auth",
    "username",
    "password",
    "secure",
    "video",
    "observeForceMute",
    "streams",
    "audioRate",
    "bidirectional",
    "audioTransport",
    "languageCode",
    "partialCaptions",
    "statusCallbackUrl",
    "url",
    "properties",
    "group",
    "event",
    "items",
    "status",
    "partnerId",
    "projectId",
    "createdAt",
    "size",
    "duration",
    "streamId",
    "connectionId",
    "layoutClassList",
    "videoType",
    "broadcastUrls",
    "addStream",
    "removeStream",
    "token",
];

const STRINGS: &[&str] = &[
    "",
    "x",
    "archive",
    "composed",
    "individual",
    "bestFit",
    "custom",
    "horizontalPresentation",
    "pip",
    "verticalPresentation",
    "1280x720",
    "1920x1080",
    "640x480",
    "auto",
    "manual",
    "en-US",
    "https://example.com/cb",
    "http://x",
    "rtmp://x/y",
    "sip:alice@example.com",
    "sips:bob@example.com;transport=tls",
    "16000",
    "8000",
    "opus",
    "audio",
    "video",
    "session",
    "connectionCreated",
    "available",
    "started",
    "😀",
    "\u{0}",
    "-1",
    "1e3",
];

// ---------------------------------------------------------------------------------------------
// Running a target.

fn env_num<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

fn corpus_dir(target: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("fuzz_corpus").join(target)
}

fn corpus(target: &str) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir(target))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).map(|b| String::from_utf8_lossy(&b).into_owned()).collect()
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// Runs `check` on the seeds, the corpus, then generated inputs until the case count or the time
/// bound; saves and reports any input that panics. `check` returns a label of the outcome (which
/// parser accepted it, why it was refused): the distinct labels show how deep the inputs reach.
fn run(target: &str, seeds: Vec<String>, generate: impl Fn(&mut Rng, &[String]) -> String, check: impl Fn(&str) -> String) {
    let cases: u64 = env_num("OPENTOK_FUZZ_CASES").unwrap_or(2000);
    let limit = env_num::<f64>("OPENTOK_FUZZ_SECS").map(Duration::from_secs_f64);
    let seed: u64 = env_num("OPENTOK_FUZZ_SEED").unwrap_or(0x0e4_70c3_u64);
    let mut rng = Rng(seed ^ fnv(target));
    let mut pool = seeds;
    pool.extend(corpus(target));
    // `make fuzz-libfuzzer` seeds libFuzzer's corpus with the same inputs.
    if let Some(dir) = std::env::var_os("OPENTOK_FUZZ_EXPORT") {
        let dir = PathBuf::from(dir).join(target);
        std::fs::create_dir_all(&dir).unwrap();
        // The seeds, the corpus and a few generated inputs (the properties have no seeds).
        let mut rng = Rng(fnv(target));
        let generated: Vec<String> = (0..32).map(|_| generate(&mut rng, &pool)).collect();
        for input in pool.iter().chain(&generated) {
            std::fs::write(dir.join(format!("seed-{:016x}", fnv(input))), input).unwrap();
        }
    }
    let start = Instant::now();
    let mut n = 0u64;
    let mut crashes = Vec::new();
    let mut outcomes: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    // Returns whether the input reached an outcome not seen before.
    let mut try_one = |input: &str, n: &mut u64| -> bool {
        *n += 1;
        match catch_unwind(AssertUnwindSafe(|| check(input))) {
            Ok(label) => {
                let seen = outcomes.entry(label).or_default();
                *seen += 1;
                *seen == 1
            }
            Err(_) => {
                let dir = corpus_dir(target);
                let _ = std::fs::create_dir_all(&dir);
                let path = dir.join(format!("crash-{:016x}", fnv(input)));
                let _ = std::fs::write(&path, input);
                crashes.push(path.display().to_string());
                false
            }
        }
    };
    for input in pool.clone() {
        try_one(&input, &mut n);
    }
    while n < cases && limit.map_or(true, |l| start.elapsed() < l) {
        let input = generate(&mut rng, &pool);
        let novel = try_one(&input, &mut n);
        // Keep inputs that reached a new outcome as parents, and a few others: mutations stack
        // up into deeper changes without drifting into mostly-malformed parents.
        if (novel || rng.chance(4096)) && pool.len() < 4096 && input.len() < 16_384 {
            pool.push(input);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mut top: Vec<(String, u64)> = outcomes.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    eprintln!(
        "fuzz {target}: {n} cases in {secs:.1} s ({:.0}/s), {} crashes, {} distinct outcomes",
        n as f64 / secs.max(1e-9),
        crashes.len(),
        top.len()
    );
    if std::env::var_os("OPENTOK_FUZZ_SECS").is_some() {
        for (label, count) in top.iter().take(12) {
            eprintln!("    {count:>10}  {label}");
        }
    }
    assert!(crashes.is_empty(), "fuzz {target}: inputs that panic, saved as {crashes:?}");
}

fn mutating(rng: &mut Rng, pool: &[String]) -> String {
    let parent = rng.pick(pool).clone();
    mutate(rng, &parent, pool)
}

/// Mostly structural JSON mutations (valid JSON of the wrong shape), some byte-level ones.
fn json_mutating(rng: &mut Rng, pool: &[String]) -> String {
    let parent = rng.pick(pool).clone();
    match mutate_json(rng, &parent).filter(|_| !rng.chance(4)) {
        Some(json) => json,
        None => mutate(rng, &parent, pool),
    }
}

// ---------------------------------------------------------------------------------------------
// Seeds.

fn minted_tokens() -> Vec<String> {
    let mut out = Vec::new();
    for format in [TokenFormat::Jwt, TokenFormat::T1] {
        for role in [Role::Publisher, Role::Subscriber, Role::Moderator, Role::PublisherOnly] {
            let o = TokenOptions {
                role,
                expire: Some(Expiry::At(NOW + 3600)),
                data: Some("name=Johnny&x=é😀".into()),
                initial_layout_class_list: vec!["focus".into(), "full".into()],
                format,
            };
            out.push(generate_token_at(&project(), SID, &o, NOW, 42).unwrap());
        }
        out.push(generate_token_at(&project(), SID, &TokenOptions { format, ..Default::default() }, NOW, 7).unwrap());
    }
    out
}

fn model_seeds() -> Vec<String> {
    let mut out: Vec<String> = ["archive.json", "broadcast.json", "render.json"]
        .iter()
        .filter_map(|f| std::fs::read_to_string(format!("{}/../tests/models/{f}", env!("CARGO_MANIFEST_DIR"))).ok())
        .collect();
    out.extend(
        [
            r#"[{"session_id":"1_MX4","project_id":"123456","partner_id":"123456","create_dt":"Sat Mar 15 14:42:23 PDT 2014","media_server_url":""}]"#,
            r#"<?xml version="1.0"?><sessions><Session><session_id>1_MX4&amp;</session_id><partner_id>123456</partner_id><create_dt>x</create_dt></Session></sessions>"#,
            r#"{"id":"b40ef09b","status":"started","name":"n","sessionId":"1_MX4","partnerId":123456,"createdAt":1384221730000,"size":0,"duration":0,"hasAudio":true,"hasVideo":true,"outputMode":"composed","resolution":"640x480","streams":[{"streamId":"s","hasAudio":true}],"url":null}"#,
            r#"{"count":2,"items":[{"id":"a","status":"available"},{"id":"b","status":"x"}]}"#,
            r#"{"id":"br","sessionId":"1_MX4","projectId":123456,"createdAt":1,"updatedAt":2,"resolution":"1280x720","status":"started","broadcastUrls":{"hls":"https://h","rtmp":[{"id":"r","serverUrl":"rtmp://s","streamName":"n","status":"live"}]},"maxDuration":7200,"settings":{"hls":{"dvr":false,"lowLatency":true}}}"#,
            r#"{"id":"c","connectionId":"cn","streamId":"st"}"#,
            r#"[{"id":"cb","group":"session","event":"connectionCreated","url":"https://x","createdAt":1}]"#,
            r#"{"object":"page","items":[{"id":"cb"}]}"#,
            r#"{"captionsId":"cap"}"#,
            r#"{"captionId":"cap","applicationId":"a","sessionId":"s","status":"started","createdAt":1,"updatedAt":2,"duration":1800,"languageCode":"en-US","provider":"aws-transcribe"}"#,
            r#"{"count":1,"projectId":"123456","sessionId":"1_MX4","items":[{"connectionId":"c","connectionState":"Connected","createdAt":1}]}"#,
            r#"{"id":"rn","sessionId":"s","applicationId":"a","createdAt":1,"updatedAt":1,"url":"https://x","resolution":"1280x720","status":"started","streamId":"st"}"#,
            r#"{"id":"st","videoType":"camera","name":"","layoutClassList":["full"]}"#,
            r#"{"count":1,"items":[{"id":"st","videoType":"screen","layoutClassList":[]}]}"#,
            "",
            "{}",
            "[]",
            "null",
        ]
        .map(str::to_string),
    );
    out
}

fn options_seeds() -> Vec<String> {
    [
        r#"{"name":"a","hasAudio":true,"hasVideo":false,"outputMode":"individual","resolution":"1280x720","layout":{"type":"custom","stylesheet":"x"},"streamMode":"manual","maxBitrate":200000}"#,
        r#"{"outputs":{"hls":{"dvr":true,"lowLatency":false},"rtmp":[{"id":"a","serverUrl":"rtmp://x","streamName":"n"}]},"maxDuration":3600,"resolution":"640x480"}"#,
        r#"{"offset":0,"count":50,"sessionId":"1_MX4"}"#,
        r#"{"type":"chat","data":"hi"}"#,
        r#"{"excludedStreamIds":["a","b"],"active":true}"#,
        r#"{"sipUri":"sip:a@b","from":"x@y","headers":{"X-A":"b"},"auth":{"username":"u","password":"p"},"secure":true,"video":false,"observeForceMute":true,"streams":["s"]}"#,
        r#"{"languageCode":"en-US","maxDuration":1800,"partialCaptions":true,"statusCallbackUrl":"https://example.com/cb"}"#,
        r#"{"url":"https://example.com/r","maxDuration":1800,"resolution":"1280x720","statusCallbackUrl":"https://example.com/cb","properties":{"name":"r"}}"#,
        r#"{"uri":"wss://x","streams":["a"],"headers":{"a":"b"},"audioRate":16000,"bidirectional":true}"#,
        r#"{"group":"session","event":"connectionCreated","url":"https://x"}"#,
        r#"{"hasAudio":true,"hasVideo":false}"#,
        "null",
        "{}",
    ]
    .map(str::to_string)
    .to_vec()
}

// ---------------------------------------------------------------------------------------------
// Targets.

#[test]
fn token_decode() {
    let mut seeds = minted_tokens();
    seeds.extend(["", "T1==", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "T1==cGFydG5lcl9pZD0xMjM0NTY6"].map(str::to_string));
    run(
        "token_decode",
        seeds,
        |rng, pool| {
            let parent = rng.pick(pool).clone();
            if rng.chance(4) {
                mutate(rng, &parent, pool)
            } else {
                mutate_token(rng, &parent, pool)
            }
        },
        checks::token_decode,
    );
}

#[test]
fn session_id() {
    let generate = |rng: &mut Rng, pool: &[String]| {
        let parent = rng.pick(pool).clone();
        if rng.chance(4) {
            mutate(rng, &parent, pool)
        } else {
            mutate_token(rng, &parent, pool)
        }
    };
    run("session_id", minted_session_ids(), generate, checks::session_id);
}

#[test]
fn rest_models() {
    run("rest_models", model_seeds(), json_mutating, checks::rest_models);
}

#[test]
fn from_json() {
    run(
        "from_json",
        options_seeds(),
        |rng, pool| {
            if rng.chance(3) {
                random_json(rng, 0).to_string()
            } else {
                json_mutating(rng, pool)
            }
        },
        checks::from_json,
    );
}

const FORM_KEYS: &[&str] = &[
    "p2p.preference",
    "archiveMode",
    "location",
    "e2ee",
    "archiveName",
    "archiveResolution",
    "api_key",
    "media_mode",
    "mediaMode",
    "",
];
const FORM_VALUES: &[&str] = &[
    "enabled",
    "disabled",
    "always",
    "manual",
    "true",
    "True",
    "false",
    "False",
    "null",
    "",
    "10.1.2.3",
    "256.0.0.1",
    "1280x720",
    "720x1280",
    "1920x1080",
    "x",
    "😀",
    "\u{0}",
    "::1",
    "1.2.3",
    "routed",
    "relayed",
];

/// The shared webhook documents (`tests/events/`), which every binding's suite reads too.
fn event_seeds() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/events");
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.ends_with("expected.json"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    out.sort();
    out
}

#[test]
fn event_parse() {
    run(
        "event_parse",
        event_seeds(),
        |rng, pool| {
            if rng.chance(8) {
                random_json(rng, 0).to_string()
            } else {
                json_mutating(rng, pool)
            }
        },
        checks::event_parse,
    );
}

#[test]
fn session_form() {
    let seeds = [
        "p2p.preference=enabled&archiveMode=manual&location=10.1.2.3",
        "p2p.preference=disabled&archiveMode=always&e2ee=True&archiveName=a&archiveResolution=1280x720",
        "",
    ]
    .map(str::to_string)
    .to_vec();
    run(
        "session_form",
        seeds,
        |rng, pool| {
            if rng.chance(2) {
                (0..rng.below(6))
                    .map(|_| {
                        let base = rng_value(rng);
                        let v = if rng.chance(4) { mutate(rng, base, pool) } else { base.to_string() };
                        format!("{}={v}", rng.pick(FORM_KEYS))
                    })
                    .collect::<Vec<_>>()
                    .join("&")
            } else {
                mutating(rng, pool)
            }
        },
        checks::session_form,
    );
}

fn rng_value(rng: &mut Rng) -> &'static str {
    FORM_VALUES[rng.below(FORM_VALUES.len())]
}

// ---------------------------------------------------------------------------------------------
// Properties.

fn random_text(rng: &mut Rng, max: usize) -> String {
    const CHARS: &[char] = &['a', 'Z', '0', ' ', '=', '&', ':', '~', '"', '\\', '\n', 'é', '😀', '\u{7f}', '中', '+', '/'];
    (0..rng.below(max + 1)).map(|_| *rng.pick(CHARS)).collect()
}

#[test]
fn token_roundtrip() {
    run(
        "token_roundtrip",
        Vec::new(),
        |rng, _| {
            // The options, as JSON text (the corpus format of this target).
            let ttl = 1 + rng.below(30 * 86_400) as i64;
            json!({
                "role": rng.below(4),
                "expire_at": if rng.chance(3) { Value::Null } else { json!(NOW + ttl) },
                "data": if rng.chance(3) { Value::Null } else { json!(random_text(rng, 1000)) },
                "layout": (0..rng.below(4)).map(|_| random_text(rng, 40).replace(' ', "")).collect::<Vec<_>>(),
                "t1": rng.chance(2),
                "nonce": rng.next() as u32,
                "session": rng.below(4),
            })
            .to_string()
        },
        checks::token_roundtrip,
    );
}

#[test]
fn session_id_roundtrip() {
    run(
        "session_id_roundtrip",
        Vec::new(),
        |rng, _| {
            let key = if rng.chance(4) {
                "c3a7e1d2-1234-4abc-9def-0123456789ab".to_string()
            } else {
                (1 + rng.next() % 99_999_999).to_string()
            };
            json!({
                "key": key,
                "location": if rng.chance(2) { Value::Null } else { json!(format!("{}.{}.{}.{}", rng.below(256), rng.below(256), rng.below(256), rng.below(256))) },
                "ms": (rng.next() >> 22) as i64,
                "random": random_text(rng, 24).replace(['~', '\n'], ""),
                "flag": *rng.pick(&["", "MX4", "P2P", "x"]),
            })
            .to_string()
        },
        checks::session_id_roundtrip,
    );
}
