#![no_main]
//! libFuzzer target `event_parse`: the check of core/tests/fuzz_support/checks.rs on UTF-8 inputs.

#[path = "../../core/tests/fuzz_support/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = checks::event_parse(text);
    }
});
