//! PHP values ↔ `serde_json::Value`: option arrays go to the core's `from_json` readers, the
//! core's models come back as PHP arrays. No OpenTok rule lives here.
//!
//! A PHP list (keys 0..n) becomes a JSON array, any other array a JSON object; an empty array is
//! `null` (so `[]` reads as "no options" and as "an empty list"); an `OpenTok\Layout` becomes its
//! JSON form, a `stdClass` its properties; other objects are refused. Nesting deeper than [`MAX_DEPTH`] (which
//! is also how a cycle of references ends) is an invalid argument.

use ext_php_rs::types::{ZendHashTable, Zval};
use opentok::Error;
use serde_json::{Map, Number, Value};

/// Deepest nesting read from a PHP value.
pub const MAX_DEPTH: usize = 32;

/// Reads `z` (the argument `field`) as JSON.
pub fn to_json(field: &str, z: &Zval) -> Result<Value, Error> {
    read(field, z, 0)
}

fn read(field: &str, z: &Zval, depth: usize) -> Result<Value, Error> {
    if depth > MAX_DEPTH {
        return Err(Error::invalid(field, format!("must not nest deeper than {MAX_DEPTH} levels (or hold a cycle)"), "<nested>"));
    }
    let z = z.dereference();
    if z.is_null() {
        return Ok(Value::Null);
    }
    if let Some(b) = z.bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = z.long() {
        return Ok(Value::Number(n.into()));
    }
    if let Some(f) = z.double() {
        return Number::from_f64(f).map(Value::Number).ok_or_else(|| Error::invalid(field, "must be a finite number", f));
    }
    if z.is_string() {
        return z
            .str()
            .map(|s| Value::String(s.to_string()))
            .ok_or_else(|| Error::invalid(field, "must be UTF-8 text", "<bytes>"));
    }
    if let Some(arr) = z.array() {
        return read_array(field, arr, depth);
    }
    if let Some(obj) = z.object() {
        if let Some(layout) = crate::layout::json_of(obj) {
            return Ok(layout);
        }
        let class = obj.get_class_name().unwrap_or_default();
        if class != "stdClass" {
            return Err(Error::invalid(field, "must be an array (or an OpenTok\\Layout)", format!("<object {class}>")));
        }
        let props = obj.get_properties().map_err(|_| Error::invalid(field, "must be an array", "<object>"))?;
        return read_array(field, props, depth);
    }
    Err(Error::invalid(field, "must be a string, number, bool, null or array", format!("<{:?}>", z.get_type())))
}

fn read_array(field: &str, arr: &ZendHashTable, depth: usize) -> Result<Value, Error> {
    if arr.is_empty() {
        return Ok(Value::Null);
    }
    if arr.has_sequential_keys() {
        let mut out = Vec::with_capacity(arr.len());
        for (i, v) in arr.values().enumerate() {
            out.push(read(&format!("{field}[{i}]"), v, depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    let mut out = Map::new();
    for (k, v) in arr.iter() {
        let key = k.to_string();
        let value = read(&format!("{field}.{key}"), v, depth + 1)?;
        out.insert(key, value);
    }
    Ok(Value::Object(out))
}

/// Builds the PHP value of `v` (objects become associative arrays).
pub fn to_zval(v: &Value) -> Zval {
    let mut z = Zval::new();
    match v {
        Value::Null => z.set_null(),
        Value::Bool(b) => z.set_bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => z.set_long(i),
            None => z.set_double(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => {
            let _ = z.set_string(s, false);
        }
        Value::Array(a) => {
            let mut ht = ZendHashTable::with_capacity(a.len() as u32);
            for item in a {
                let _ = ht.push(to_zval(item));
            }
            z.set_hashtable(ht);
        }
        Value::Object(m) => {
            let mut ht = ZendHashTable::with_capacity(m.len() as u32);
            for (k, item) in m {
                let _ = ht.insert(k.as_str(), to_zval(item));
            }
            z.set_hashtable(ht);
        }
    }
    z
}

/// A string argument given as a PHP string or int (api keys, ids); anything else is an invalid
/// argument naming `field`.
pub fn text(field: &str, z: &Zval) -> Result<String, Error> {
    let z = z.dereference();
    if let Some(n) = z.long() {
        return Ok(n.to_string());
    }
    match z.str() {
        Some(s) if z.is_string() => Ok(s.to_string()),
        _ => Err(Error::invalid(field, "must be a string", Shown(z))),
    }
}

/// An optional string argument (`null` is none).
pub fn opt_text(field: &str, z: Option<&Zval>) -> Result<Option<String>, Error> {
    match z.map(Zval::dereference) {
        None => Ok(None),
        Some(z) if z.is_null() => Ok(None),
        Some(z) => text(field, z).map(Some),
    }
}

/// Shows a PHP value in an error message the way `var_export` would, briefly.
pub struct Shown<'a>(pub &'a Zval);

impl std::fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let z = self.0.dereference();
        if z.is_null() {
            f.write_str("null")
        } else if let Some(b) = z.bool() {
            f.write_str(if b { "true" } else { "false" })
        } else if let Some(n) = z.long() {
            write!(f, "{n}")
        } else if let Some(d) = z.double() {
            write!(f, "{d}")
        } else if let Some(s) = z.str() {
            write!(f, "{s:?}")
        } else if z.is_array() {
            f.write_str("array")
        } else if let Some(o) = z.object() {
            write!(f, "object({})", o.get_class_name().unwrap_or_default())
        } else {
            write!(f, "{:?}", z.get_type())
        }
    }
}
