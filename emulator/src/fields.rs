//! Reading request bodies: a JSON object, and its fields with 400s that name the field, the
//! rule and the value got. Layouts are checked with the core's rules.

use serde_json::{Map, Value};

use crate::api_error::ApiError;

/// A JSON object body; an empty body reads as `{}`.
pub fn body_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(ApiError::bad_request("invalid_argument", "the body must be a JSON object")),
        Err(e) => Err(ApiError::bad_request("invalid_json", format!("the body is not valid JSON: {e}"))),
    }
}

fn bad(field: &str, rule: &str, v: &Value) -> ApiError {
    ApiError::bad_request("invalid_argument", format!("invalid {field}: {rule} (got {v})"))
}

/// An optional string field (`null` = absent).
pub fn opt_str(m: &Map<String, Value>, key: &str) -> Result<Option<String>, ApiError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Err(bad(key, "must be a string", v)),
    }
}

/// A required non-empty string field.
pub fn req_str(m: &Map<String, Value>, key: &str) -> Result<String, ApiError> {
    match opt_str(m, key)? {
        Some(s) if !s.trim().is_empty() => Ok(s),
        _ => Err(ApiError::bad_request("invalid_argument", format!("{key} is required"))),
    }
}

/// An optional boolean; `"true"`/`"false"` strings are accepted (the Ruby SDK sends them).
pub fn opt_bool(m: &Map<String, Value>, key: &str) -> Result<Option<bool>, ApiError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(v) => Err(bad(key, "must be a boolean", v)),
    }
}

/// An optional integer within `range` (the core's ranges are `u32`, hence the conversion).
pub fn opt_int<T: Copy + Into<i64>>(
    m: &Map<String, Value>,
    key: &str,
    range: std::ops::RangeInclusive<T>,
) -> Result<Option<i64>, ApiError> {
    let range = (*range.start()).into()..=(*range.end()).into();
    let v = match m.get(key) {
        None | Some(Value::Null) => return Ok(None),
        Some(v) => v,
    };
    let n = match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    match n {
        Some(n) if range.contains(&n) => Ok(Some(n)),
        Some(_) => Err(bad(key, &format!("must be {} to {}", range.start(), range.end()), v)),
        None => Err(bad(key, "must be an integer", v)),
    }
}

/// An optional list of strings.
pub fn opt_str_list(m: &Map<String, Value>, key: &str) -> Result<Vec<String>, ApiError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => {
            a.iter().map(|x| x.as_str().map(str::to_string).ok_or_else(|| bad(key, "must be a list of strings", x))).collect()
        }
        Some(v) => Err(bad(key, "must be a list of strings", v)),
    }
}

/// Checks a layout object `{type, stylesheet?, screenshareType?}` with the core's rules.
pub fn check_layout(v: &Value) -> Result<opentok::Layout, ApiError> {
    let m = v.as_object().ok_or_else(|| bad("layout", "must be an object", v))?;
    let t = opt_str(m, "type")?.unwrap_or_else(|| "bestFit".into());
    let layout_type: opentok::LayoutType = t.parse().map_err(|e| ApiError::from_core(&e))?;
    // .NET spells it screenShareType for broadcasts.
    let st = match opt_str(m, "screenshareType")? {
        Some(s) => Some(s),
        None => opt_str(m, "screenShareType")?,
    };
    let layout = opentok::Layout {
        layout_type,
        stylesheet: opt_str(m, "stylesheet")?,
        screenshare_type: st.map(|s| s.parse()).transpose().map_err(|e: opentok::Error| ApiError::from_core(&e))?,
    };
    layout.validate().map_err(|e| ApiError::from_core(&e))?;
    Ok(layout)
}
