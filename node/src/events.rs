//! Webhook events: `parseEvent(body)` reads a body (string or Buffer) with the core's
//! `parse_event` and hands out the typed event as a JavaScript object (the core's
//! `Event::to_typed_json`: `type`, `sessionId` and the event's fields in camelCase).

use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use crate::error::Outcome;
use crate::rest::{model, Model};

/// Parses a webhook body into the core's typed event (an `Unknown` event for bodies it does not
/// know; an error only for a body that is not JSON).
#[napi]
pub fn parse_event(body: Either<String, Buffer>) -> Outcome<Model> {
    let parsed = match &body {
        Either::A(text) => opentok::parse_event(text),
        Either::B(bytes) => opentok::parse_event(bytes.as_ref()),
    };
    model(parsed.map(|event| Numbers(event.to_typed_json())))
}

/// A JSON value whose integers reach JavaScript as numbers (serde_json keeps non-negative
/// integers as `u64`, which napi's serializer turns into a BigInt).
struct Numbers(Value);

impl Serialize for Numbers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        NumbersRef(&self.0).serialize(s)
    }
}

struct NumbersRef<'a>(&'a Value);

impl Serialize for NumbersRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Number(n) => match n.as_i64() {
                Some(i) => s.serialize_i64(i),
                None => s.serialize_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&NumbersRef(item))?;
                }
                seq.end()
            }
            Value::Object(fields) => {
                let mut map = s.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    map.serialize_entry(k, &NumbersRef(v))?;
                }
                map.end()
            }
            other => other.serialize(s),
        }
    }
}
