//! A flat C export for the JVM's token hot path. The uniffi call for `Client::generate_token`
//! lowers a `TokenSpec` record into a RustBuffer, a JNA `Structure` per argument and result and a
//! `RustCallStatus`, which costs the JVM tens of microseconds per token; this export takes C
//! strings and primitives and writes the token into the caller's buffer. Rules and minting stay
//! the core's (`opentok::Client::generate_token`); on any error it answers -1 and the caller
//! repeats the call through uniffi, which reports the error with its field.

use std::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

use opentok::{Expiry, TokenFormat, TokenOptions};

use crate::client::Client;

/// A handle for [`opentok_uniffi_token_fast`]: a boxed clone of the core client (an `Arc` inside,
/// so it shares credentials, options and clock). Free with [`opentok_uniffi_token_handle_free`].
#[uniffi::export]
impl Client {
    /// A handle for the flat token export (the JVM's fast path); free it with
    /// `opentok_uniffi_token_handle_free`.
    pub fn token_handle(&self) -> u64 {
        Box::into_raw(Box::new(self.core().clone())) as u64
    }
}

/// Frees a handle from `Client::token_handle` (0 is ignored).
///
/// # Safety
/// `handle` is 0 or a value `token_handle` returned, freed at most once.
#[no_mangle]
pub unsafe extern "C" fn opentok_uniffi_token_handle_free(handle: u64) {
    if handle != 0 {
        drop(Box::from_raw(handle as *mut opentok::Client));
    }
}

unsafe fn opt_str<'a>(p: *const c_char) -> Option<Option<&'a str>> {
    if p.is_null() {
        return Some(None);
    }
    CStr::from_ptr(p).to_str().ok().map(Some)
}

/// Mints a token. `role` and `data` may be null (publisher, no data); `layout` is null or the
/// layout classes joined with U+001F; `expire_kind` 0 = default, 1 = at `expire` unix seconds,
/// 2 = `expire` seconds from now. Answers the token's length in bytes (written to `out` only when
/// it fits in `cap`; call again with a larger buffer otherwise), or -1 on any error.
///
/// # Safety
/// `handle` comes from `token_handle`; the strings are NUL-terminated; `out` holds `cap` bytes.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn opentok_uniffi_token_fast(
    handle: u64,
    session_id: *const c_char,
    role: *const c_char,
    expire_kind: i32,
    expire: i64,
    data: *const c_char,
    layout: *const c_char,
    legacy_t1: i8,
    out: *mut u8,
    cap: i32,
) -> i32 {
    if handle == 0 || session_id.is_null() || out.is_null() || cap < 0 {
        return -1;
    }
    let run = || -> Option<i32> {
        let client = &*(handle as *const opentok::Client);
        let session_id = CStr::from_ptr(session_id).to_str().ok()?;
        let mut o = TokenOptions {
            data: opt_str(data)?.map(str::to_owned),
            initial_layout_class_list: match opt_str(layout)? {
                Some(l) if !l.is_empty() => l.split('\u{1f}').map(str::to_owned).collect(),
                _ => Vec::new(),
            },
            format: if legacy_t1 != 0 { TokenFormat::T1 } else { TokenFormat::Jwt },
            ..Default::default()
        };
        if let Some(r) = opt_str(role)? {
            o.role = r.parse().ok()?;
        }
        o.expire = match expire_kind {
            0 => None,
            1 => Some(Expiry::At(expire)),
            2 if expire >= 0 => Some(Expiry::In(Duration::from_secs(expire as u64))),
            _ => return None,
        };
        let token = client.generate_token(session_id, &o).ok()?;
        let n = i32::try_from(token.len()).ok()?;
        if n <= cap {
            std::ptr::copy_nonoverlapping(token.as_ptr(), out, token.len());
        }
        Some(n)
    };
    catch_unwind(AssertUnwindSafe(run)).ok().flatten().unwrap_or(-1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ClientConfig;

    #[test]
    fn fast_token_matches_the_core_and_reports_errors() {
        let client =
            Client::new("123456".into(), "1234567890abcdef1234567890abcdef1234567890".into(), ClientConfig::default()).unwrap();
        let h = client.token_handle();
        let sid = c"1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
        let mut buf = vec![0u8; 2048];
        let layout = c"focus\u{1f}main";
        let n = unsafe {
            opentok_uniffi_token_fast(
                h,
                sid.as_ptr(),
                c"moderator".as_ptr(),
                2,
                60,
                c"name=x".as_ptr(),
                layout.as_ptr(),
                0,
                buf.as_mut_ptr(),
                2048,
            )
        };
        assert!(n > 0, "{n}");
        let token = std::str::from_utf8(&buf[..n as usize]).unwrap();
        let d = crate::decode_token(token.to_string()).unwrap();
        assert_eq!(d.role.as_deref(), Some("moderator"));
        assert_eq!(d.initial_layout_class_list.as_deref(), Some("focus main"));
        // too small a buffer: the length, nothing written
        let n2 = unsafe {
            opentok_uniffi_token_fast(
                h,
                sid.as_ptr(),
                std::ptr::null(),
                0,
                0,
                std::ptr::null(),
                std::ptr::null(),
                0,
                buf.as_mut_ptr(),
                4,
            )
        };
        assert!(n2 > 4);
        // errors: bad role, bad session id
        let bad = unsafe {
            opentok_uniffi_token_fast(
                h,
                sid.as_ptr(),
                c"king".as_ptr(),
                0,
                0,
                std::ptr::null(),
                std::ptr::null(),
                0,
                buf.as_mut_ptr(),
                2048,
            )
        };
        assert_eq!(bad, -1);
        let bad = unsafe {
            opentok_uniffi_token_fast(
                h,
                c"nope".as_ptr(),
                std::ptr::null(),
                0,
                0,
                std::ptr::null(),
                std::ptr::null(),
                0,
                buf.as_mut_ptr(),
                2048,
            )
        };
        assert_eq!(bad, -1);
        unsafe { opentok_uniffi_token_handle_free(h) };
    }
}
