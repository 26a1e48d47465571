//! The cross-binding event documents (`tests/events/`): parsed by the core, each shows exactly
//! what `expected.json` lists, and each known event survives `to_json` → `parse_event` unchanged.
//! Every binding's suite reads the same documents and checks the same values.

use opentok::{parse_event, Event};
use serde_json::Value;

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../tests/events/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The value at a dotted snake_case path of the typed JSON (camelCase keys).
fn at<'a>(typed: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(typed, |v, key| v.get(camel(key)).unwrap_or(&Value::Null))
}

#[test]
fn every_document_shows_the_expected_values() {
    let expected: Value = serde_json::from_str(&read("expected.json")).unwrap();
    let events = expected["events"].as_object().unwrap();
    assert!(events.len() >= 15, "a document per variant");
    for (file, want) in events {
        let event = parse_event(read(file)).unwrap();
        assert_eq!(event.name(), want["type"], "{file}");
        assert_eq!(event.session_id().as_deref(), want["session_id"].as_str(), "{file}");
        assert_eq!(event.status(), want["status"].as_str(), "{file}");
        let typed = event.to_typed_json();
        assert_eq!(typed["type"], want["type"], "{file}");
        for (path, value) in want["fields"].as_object().unwrap() {
            assert_eq!(at(&typed, path), value, "{file}: {path}");
        }
        let again = parse_event(event.to_json().to_string()).unwrap();
        assert_eq!(again, event, "{file} survives to_json and parse_event");
    }
}

#[test]
fn every_variant_has_a_document() {
    let expected: Value = serde_json::from_str(&read("expected.json")).unwrap();
    let seen: Vec<&str> = expected["events"].as_object().unwrap().values().map(|w| w["type"].as_str().unwrap()).collect();
    for name in opentok::EVENT_NAMES.iter().filter(|n| **n != "unknown") {
        assert!(seen.contains(name), "no document for {name}");
    }
}

#[test]
fn unknown_documents_come_back_whole() {
    let expected: Value = serde_json::from_str(&read("expected.json")).unwrap();
    for file in expected["unknown"].as_array().unwrap() {
        let body = read(file.as_str().unwrap());
        match parse_event(&body).unwrap() {
            Event::Unknown { raw } => {
                let (got, sent): (Value, Value) = (serde_json::from_str(&raw).unwrap(), serde_json::from_str(&body).unwrap());
                assert_eq!(got, sent, "{file}");
            }
            other => panic!("{file} read as {}", other.name()),
        }
    }
}
