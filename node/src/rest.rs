//! Shared plumbing of the REST operation modules: JavaScript option objects in (read by the
//! core's `from_json`, which knows every field name, enum spelling and type), the core's
//! response models out (serialized in the wire's camelCase), errors as data.

use serde_json::Value;

use crate::error::NativeError;

/// Reads an optional options object with the core's `from_json` (absent = `null` = defaults).
pub fn options<T>(v: Option<Value>, from_json: fn(&Value) -> opentok::Result<T>) -> opentok::Result<T> {
    from_json(&v.unwrap_or(Value::Null))
}

/// A core answer as a JavaScript object (the model's serde form, wire camelCase), or the error
/// as data: `json_outcome!(result)` evaluates to an [`crate::error::Outcome`] of a JSON value.
macro_rules! json_outcome {
    ($r:expr) => {
        match $r {
            Ok(v) => napi::bindgen_prelude::Either::A(serde_json::to_value(v).unwrap_or(serde_json::Value::Null)),
            Err(e) => napi::bindgen_prelude::Either::B($crate::error::NativeError::from(&e)),
        }
    };
}

/// A core answer without a body: `null` on success, else the error as data.
pub fn unit_outcome(r: opentok::Result<()>) -> Option<NativeError> {
    r.err().map(NativeError::from)
}

/// Early return of a conversion error from a function returning [`Outcome`].
macro_rules! try_json {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return napi::bindgen_prelude::Either::B($crate::error::NativeError::from(&e)),
        }
    };
}

/// Early return of a conversion error from a function returning `Option<NativeError>`.
macro_rules! try_unit {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Some($crate::error::NativeError::from(&e)),
        }
    };
}

pub(crate) use {json_outcome, try_json, try_unit};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Outcome;
    use napi::bindgen_prelude::Either;
    use serde_json::json;

    #[test]
    fn absent_options_are_defaults_and_bad_ones_name_the_field() {
        let o = options(None, opentok::ArchiveOptions::from_json).unwrap();
        assert_eq!(o, opentok::ArchiveOptions::default());
        let e = options(Some(json!({"outputMode": "zip"})), opentok::ArchiveOptions::from_json).unwrap_err();
        assert_eq!(e.field(), Some("outputMode"));
    }

    #[test]
    fn outcomes_carry_values_or_errors() {
        let r: opentok::Result<opentok::Captions> = Ok(opentok::Captions { captions_id: "c1".into() });
        let out: Outcome<Value> = json_outcome!(r);
        match out {
            Either::A(v) => assert_eq!(v, json!({"captionsId": "c1"})),
            Either::B(_) => panic!("expected a value"),
        }
        let e = unit_outcome(Err(opentok::Error::invalid("digits", "must be digits", "x"))).unwrap();
        assert_eq!(e.field.as_deref(), Some("digits"));
        assert!(unit_outcome(Ok(())).is_none());
    }
}
