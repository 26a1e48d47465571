//! `generateToken`'s payload array (`role`, `expireTime`, `data`, `initialLayoutClassList`) as
//! the core's [`TokenOptions`]. Roles, limits and expiry rules are the core's; unknown keys are
//! ignored, as the official SDK does.

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use opentok::{Expiry, Role, TokenFormat, TokenOptions};

use crate::convert::{text, Shown};
use crate::error::{invalid, OrThrow};

/// Reads the payload array (`null` or `[]`: the defaults); `legacy` asks for a T1 token.
pub fn options(payload: Option<&Zval>, legacy: bool) -> PhpResult<TokenOptions> {
    let mut o = TokenOptions { format: if legacy { TokenFormat::T1 } else { TokenFormat::Jwt }, ..Default::default() };
    let Some(p) = payload.map(Zval::dereference).filter(|p| !p.is_null()) else { return Ok(o) };
    let Some(arr) = p.array() else { return Err(invalid("payload", "must be an array", Shown(p))) };
    if let Some(r) = arr.get("role").filter(|r| !r.is_null()) {
        o.role = text("role", r).or_throw()?.parse::<Role>().or_throw()?;
    }
    if let Some(e) = arr.get("expireTime").map(Zval::dereference).filter(|e| !e.is_null()) {
        o.expire = Some(expiry(e)?);
    }
    if let Some(d) = arr.get("data").map(Zval::dereference).filter(|d| !d.is_null()) {
        o.data = Some(text("data", d).or_throw()?);
    }
    if let Some(l) = arr.get("initialLayoutClassList").map(Zval::dereference).filter(|l| !l.is_null()) {
        o.initial_layout_class_list = class_list(l)?;
    }
    Ok(o)
}

/// `expireTime`: unix seconds as an int, a float or a numeric string.
fn expiry(e: &Zval) -> PhpResult<Expiry> {
    if let Some(n) = e.long() {
        return Ok(Expiry::At(n));
    }
    if let Some(f) = e.double() {
        return Expiry::from_unix_f64(f).or_throw();
    }
    if let Some(s) = e.str().filter(|_| e.is_string()) {
        return Expiry::parse(s).or_throw();
    }
    Err(invalid("expireTime", "must be a time in unix seconds", Shown(e)))
}

/// `initialLayoutClassList`: an array of strings (a single string is one class).
fn class_list(l: &Zval) -> PhpResult<Vec<String>> {
    if l.is_string() {
        return Ok(vec![text("initialLayoutClassList", l).or_throw()?]);
    }
    let Some(arr) = l.array() else { return Err(invalid("initialLayoutClassList", "must be an array of strings", Shown(l))) };
    arr.values()
        .map(|v| match v.dereference().str() {
            Some(s) if v.dereference().is_string() => Ok(s.to_string()),
            _ => Err(invalid("initialLayoutClassList", "must be an array of strings", Shown(v))),
        })
        .collect()
}
