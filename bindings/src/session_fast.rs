//! A flat C export for the JVM's `createSession` hot path, beside the token one
//! (`token_fast.rs`). The uniffi call lowers a `SessionSpec` record and lifts a `SessionInfo`
//! record through JNA `Structure`s (a `RustBuffer` by value each way plus a `RustCallStatus`);
//! under sustained load those allocations and JNA's registry of them dominate the JVM's time
//! (bindings/jvm/README.md, "Speed"). This export takes C strings, runs the same blocking call
//! (`crate::client::block_on`: the calling thread's own runtime and connections) and writes the
//! answer into the caller's buffer. The request is sent once: an error is kept for the calling
//! thread and handed over by [`take_fast_error`], a uniffi function, so it reaches the JVM as the
//! same typed exception the uniffi path throws.

use std::cell::RefCell;
use std::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::client::block_on;
use crate::error::{NativeError, Result};
use crate::session::{SessionInfo, SessionSpec};

/// Separates the fields of an encoded [`SessionInfo`].
const FIELD: char = '\u{1f}';
/// Stands for an absent (`None`) field.
const ABSENT: &str = "\u{1e}";

thread_local! {
    /// The error of this thread's last fast call, until [`take_fast_error`] takes it.
    static LAST_ERROR: RefCell<Option<NativeError>> = const { RefCell::new(None) };
    /// The answer of this thread's last fast call when it did not fit the caller's buffer.
    static LAST_OUTPUT: RefCell<Option<String>> = const { RefCell::new(None) };
}

unsafe fn opt_string(p: *const c_char, field: &str) -> Result<Option<String>> {
    if p.is_null() {
        return Ok(None);
    }
    match CStr::from_ptr(p).to_str() {
        Ok(s) => Ok(Some(s.to_owned())),
        Err(_) => Err(opentok::Error::invalid(field, "must be valid UTF-8", "").into()),
    }
}

/// The [`SessionSpec`] of the C arguments (null: unset; `e2ee` 1: on, 0: not sent).
unsafe fn spec_from_c(
    location: *const c_char,
    media_mode: *const c_char,
    archive_mode: *const c_char,
    archive_name: *const c_char,
    archive_resolution: *const c_char,
    e2ee: i8,
) -> Result<SessionSpec> {
    Ok(SessionSpec {
        location: opt_string(location, "location")?,
        media_mode: opt_string(media_mode, "media_mode")?,
        archive_mode: opt_string(archive_mode, "archive_mode")?,
        archive_name: opt_string(archive_name, "archive_name")?,
        archive_resolution: opt_string(archive_resolution, "archive_resolution")?,
        e2ee: (e2ee != 0).then_some(true),
    })
}

/// Keeps `e` for [`take_fast_error`].
fn keep_error(e: NativeError) {
    LAST_ERROR.with(|slot| *slot.borrow_mut() = Some(e));
}

/// The answer's fields joined by U+001F, an absent one as U+001E; `e2ee` as `1` or `0`.
fn encode(info: &SessionInfo) -> String {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| ABSENT.to_owned());
    [
        info.session_id.clone(),
        info.media_mode.clone(),
        info.archive_mode.clone(),
        opt(&info.location),
        (if info.e2ee { "1" } else { "0" }).to_owned(),
        opt(&info.archive_name),
        opt(&info.archive_resolution),
        opt(&info.project_id),
        opt(&info.create_dt),
        opt(&info.media_server_url),
    ]
    .join(&FIELD.to_string())
}

/// Creates a session, blocking the calling thread (the core's rules, request and parsing, as
/// `Client::create_session_blocking`). Null strings are unset options; `e2ee` is 1 (on), 0 (not
/// sent). Answers the encoded [`SessionInfo`]'s length in bytes, written to `out` when it fits in
/// `cap` (else kept for [`opentok_uniffi_fast_take_output`]), or -1 on an error, kept for
/// [`take_fast_error`] (-2 when the arguments themselves are unusable: a null handle or buffer).
///
/// # Safety
/// `handle` comes from `Client::token_handle` and is not freed during the call; the strings are
/// null or NUL-terminated; `out` holds `cap` bytes.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn opentok_uniffi_create_session_fast(
    handle: u64,
    location: *const c_char,
    media_mode: *const c_char,
    archive_mode: *const c_char,
    archive_name: *const c_char,
    archive_resolution: *const c_char,
    e2ee: i8,
    out: *mut u8,
    cap: i32,
) -> i32 {
    if handle == 0 || out.is_null() || cap < 0 {
        return -2;
    }
    let run = || -> Result<String> {
        let client = (*(handle as *const opentok::Client)).clone();
        let opts = spec_from_c(location, media_mode, archive_mode, archive_name, archive_resolution, e2ee)?.into_core()?;
        let info: SessionInfo = block_on(async move { client.create_session(&opts).await })?.into();
        Ok(encode(&info))
    };
    let answer = match catch_unwind(AssertUnwindSafe(run)) {
        Ok(answer) => answer,
        Err(_) => Err(NativeError::from(opentok::Error::invalid("createSession", "the native call failed", ""))),
    };
    match answer {
        Ok(text) => {
            let Ok(n) = i32::try_from(text.len()) else {
                keep_error(opentok::Error::invalid("session", "answer too long", "").into());
                return -1;
            };
            if n <= cap {
                std::ptr::copy_nonoverlapping(text.as_ptr(), out, text.len());
            } else {
                LAST_OUTPUT.with(|o| *o.borrow_mut() = Some(text));
            }
            n
        }
        Err(e) => {
            keep_error(e);
            -1
        }
    }
}

/// Checks session options with the core's rules, sending nothing (as
/// `crate::session::check_session_spec`, for `SessionProperties.Builder.build()`, which official
/// apps call before every `createSession`). The arguments are those of
/// [`opentok_uniffi_create_session_fast`] without the handle and the buffer. Answers 0 when the
/// options are valid, or -1 with the error kept for [`take_fast_error`].
///
/// # Safety
/// The strings are null or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn opentok_uniffi_check_session_fast(
    location: *const c_char,
    media_mode: *const c_char,
    archive_mode: *const c_char,
    archive_name: *const c_char,
    archive_resolution: *const c_char,
    e2ee: i8,
) -> i32 {
    let run = || spec_from_c(location, media_mode, archive_mode, archive_name, archive_resolution, e2ee)?.into_core();
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(Ok(_)) => 0,
        Ok(Err(e)) => {
            keep_error(e);
            -1
        }
        Err(_) => {
            keep_error(opentok::Error::invalid("SessionProperties", "the native check failed", "").into());
            -1
        }
    }
}

/// Copies this thread's kept answer (from a call whose answer did not fit) into `out` and
/// forgets it. Answers its length, or -1 when there is none or `cap` is too small.
///
/// # Safety
/// `out` holds `cap` bytes.
#[no_mangle]
pub unsafe extern "C" fn opentok_uniffi_fast_take_output(out: *mut u8, cap: i32) -> i32 {
    LAST_OUTPUT.with(|o| {
        let mut o = o.borrow_mut();
        match o.as_ref() {
            Some(text) if !out.is_null() && text.len() <= cap.max(0) as usize => {
                std::ptr::copy_nonoverlapping(text.as_ptr(), out, text.len());
                let n = text.len() as i32;
                *o = None;
                n
            }
            _ => -1,
        }
    })
}

/// Raises the error of this thread's last fast call (the same typed error the uniffi call would
/// have raised), or returns when there is none.
#[uniffi::export]
pub fn take_fast_error() -> Result<()> {
    match LAST_ERROR.with(|e| e.borrow_mut().take()) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_absent_fields_apart_from_empty_ones() {
        let info = SessionInfo {
            session_id: "1_MX4x".into(),
            media_mode: "routed".into(),
            archive_mode: "manual".into(),
            location: Some(String::new()),
            e2ee: true,
            archive_name: None,
            archive_resolution: None,
            project_id: Some("123456".into()),
            create_dt: None,
            media_server_url: None,
        };
        let text = encode(&info);
        let parts: Vec<&str> = text.split(FIELD).collect();
        assert_eq!(parts, ["1_MX4x", "routed", "manual", "", "1", ABSENT, ABSENT, "123456", ABSENT, ABSENT]);
    }

    #[test]
    fn a_kept_answer_is_taken_once_and_only_into_a_buffer_that_holds_it() {
        LAST_OUTPUT.with(|o| *o.borrow_mut() = Some("x".repeat(600)));
        let mut small = vec![0u8; 100];
        assert_eq!(unsafe { opentok_uniffi_fast_take_output(small.as_mut_ptr(), 100) }, -1);
        let mut buf = vec![0u8; 600];
        assert_eq!(unsafe { opentok_uniffi_fast_take_output(buf.as_mut_ptr(), 600) }, 600);
        assert!(buf.iter().all(|b| *b == b'x'));
        assert_eq!(unsafe { opentok_uniffi_fast_take_output(buf.as_mut_ptr(), 600) }, -1, "taken once");
    }

    #[test]
    fn an_invalid_spec_is_kept_for_take_fast_error_and_nothing_is_sent() {
        let client = crate::Client::new(
            "123456".into(),
            "1234567890abcdef1234567890abcdef1234567890".into(),
            crate::ClientConfig { api_url: Some("http://127.0.0.1:9".into()), ..Default::default() },
        )
        .unwrap();
        let h = client.token_handle();
        let mut buf = vec![0u8; 64];
        let null = std::ptr::null;
        let mut create = |handle: u64, location: *const c_char| unsafe {
            opentok_uniffi_create_session_fast(handle, location, null(), null(), null(), null(), 0, buf.as_mut_ptr(), 64)
        };
        assert_eq!(create(h, c"nowhere".as_ptr()), -1);
        match take_fast_error() {
            Err(NativeError::InvalidArgument { field, .. }) => assert_eq!(field.as_deref(), Some("location")),
            other => panic!("expected the location error, got {other:?}"),
        }
        assert!(take_fast_error().is_ok(), "taken once");
        assert_eq!(create(0, null()), -2, "a null handle");
        unsafe { crate::token_fast::opentok_uniffi_token_handle_free(h) };
    }

    #[test]
    fn the_check_answers_the_core_rule_of_an_invalid_combination() {
        let null = std::ptr::null;
        let check = |media: &std::ffi::CStr, archive: &std::ffi::CStr, e2ee: i8| unsafe {
            opentok_uniffi_check_session_fast(null(), media.as_ptr(), archive.as_ptr(), null(), null(), e2ee)
        };
        assert_eq!(check(c"routed", c"always", 0), 0);
        assert!(take_fast_error().is_ok(), "nothing kept after a valid check");
        assert_eq!(check(c"relayed", c"always", 0), -1, "archive mode always needs routed media");
        match take_fast_error() {
            Err(NativeError::InvalidArgument { field, .. }) => assert!(field.is_some()),
            other => panic!("expected an invalid-argument error, got {other:?}"),
        }
        assert_eq!(check(c"routed", c"manual", 1), 0);
        assert_eq!(check(c"relayed", c"manual", 1), -1, "e2ee needs routed media");
        assert!(take_fast_error().is_err());
    }
}
