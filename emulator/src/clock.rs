//! Wall-clock helpers and the service's `create_dt` format.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, unix milliseconds.
pub fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// Now, unix seconds.
pub fn now_secs() -> i64 {
    now_ms().div_euclid(1000)
}

/// Formats unix milliseconds as the service's `create_dt`, e.g. `Sat Nov 28 00:23:46 UTC 2026`
/// (Java `Date.toString()` style, in UTC).
pub fn create_dt(ms: i64) -> String {
    let secs = ms.div_euclid(1000).max(0) as u64;
    let t = UNIX_EPOCH + std::time::Duration::from_secs(secs);
    // httpdate gives "Sat, 28 Nov 2026 00:23:46 GMT"; rearrange its parts.
    let http = httpdate::fmt_http_date(t);
    let parts: Vec<&str> = http.split([' ', ',']).filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [wd, day, mon, year, time, _gmt] => format!("{wd} {mon} {day} {time} UTC {year}"),
        _ => http,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_java_date() {
        assert_eq!(create_dt(1_739_538_894_959), "Fri Feb 14 13:14:54 UTC 2025");
        assert_eq!(create_dt(0), "Thu Jan 01 00:00:00 UTC 1970");
    }
}
