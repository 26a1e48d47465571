//! Time and randomness sources, replaceable so tests can fix them.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A source of the current time.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// The current time.
    fn now(&self) -> SystemTime;

    /// The current time as whole unix seconds.
    fn unix_now(&self) -> i64 {
        unix_seconds(self.now())
    }
}

/// Converts a time to whole unix seconds (negative before 1970).
pub fn unix_seconds(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock fixed at one instant (settable), for tests and reproducible tokens.
#[derive(Debug)]
pub struct FixedClock(AtomicI64);

impl FixedClock {
    /// A clock that always reads `secs` unix seconds.
    pub fn at_unix(secs: i64) -> FixedClock {
        FixedClock(AtomicI64::new(secs))
    }

    /// Moves the clock to `secs` unix seconds.
    pub fn set_unix(&self, secs: i64) {
        self.0.store(secs, Ordering::Relaxed)
    }
}

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        let s = self.0.load(Ordering::Relaxed);
        if s >= 0 {
            UNIX_EPOCH + Duration::from_secs(s as u64)
        } else {
            UNIX_EPOCH - Duration::from_secs(s.unsigned_abs())
        }
    }
}

/// A source of token nonces (0..=999999, as the official Python SDK draws them).
pub trait NonceSource: Send + Sync + std::fmt::Debug {
    /// The next nonce.
    fn nonce(&self) -> u32;
}

/// Nonces from the operating system's random generator.
#[derive(Debug, Default, Clone, Copy)]
pub struct RandomNonce;

impl NonceSource for RandomNonce {
    fn nonce(&self) -> u32 {
        random_u32() % 1_000_000
    }
}

/// The same nonce every time, for tests and reproducible tokens.
#[derive(Debug, Clone, Copy)]
pub struct FixedNonce(pub u32);

impl NonceSource for FixedNonce {
    fn nonce(&self) -> u32 {
        self.0
    }
}

/// Fills `buf` from the operating system's random generator.
pub(crate) fn fill_random(buf: &mut [u8]) {
    use ring::rand::SecureRandom;
    // The system generator only fails when the OS has no entropy source at all.
    ring::rand::SystemRandom::new().fill(buf).expect("the operating system random generator failed");
}

/// Four bytes from the operating system's generator (see [`pooled_random`]).
fn random_u32() -> u32 {
    let mut b = [0u8; 4];
    pooled_random(&mut b);
    u32::from_le_bytes(b)
}

/// Fills `out` (at most 256 bytes) from the operating system's generator, read 256 bytes at a
/// time per thread: one `getrandom` call per 64 nonces or 16 UUIDs instead of one per token or
/// REST call (it was most of a token's cost). The pool is dropped in a forked child so parent
/// and child never share random bytes.
fn pooled_random(out: &mut [u8]) {
    use std::cell::RefCell;
    const POOL_SIZE: usize = 256;
    thread_local! {
        static POOL: RefCell<([u8; POOL_SIZE], usize, u64)> = const { RefCell::new(([0u8; POOL_SIZE], POOL_SIZE, u64::MAX)) };
    }
    if out.len() > POOL_SIZE {
        fill_random(out);
        return;
    }
    let generation = fork_generation();
    POOL.with(|p| {
        let (buf, used, seen) = &mut *p.borrow_mut();
        if *used + out.len() > buf.len() || *seen != generation {
            fill_random(buf);
            *used = 0;
            *seen = generation;
        }
        out.copy_from_slice(&buf[*used..*used + out.len()]);
        // the bytes handed out are not kept
        buf[*used..*used + out.len()].fill(0);
        *used += out.len();
    })
}

/// How many times this process descends from a `fork()` since the SDK first drew a nonce: a
/// child handler registered once with `pthread_atfork` bumps it, so a forked child refills its
/// pools without a `getpid` system call per token.
#[cfg(unix)]
pub(crate) fn fork_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Once;
    static GENERATION: AtomicU64 = AtomicU64::new(0);
    static REGISTER: Once = Once::new();
    extern "C" fn in_child() {
        GENERATION.fetch_add(1, Ordering::Relaxed);
    }
    REGISTER.call_once(|| {
        // SAFETY: registers a handler that only touches an atomic, which is async-signal-safe.
        unsafe {
            libc::pthread_atfork(None, None, Some(in_child));
        }
    });
    GENERATION.load(Ordering::Relaxed)
}

/// Without `fork()` there is nothing to detect.
#[cfg(not(unix))]
pub(crate) fn fork_generation() -> u64 {
    0
}

/// A random RFC 4122 version 4 UUID, as lower-case text.
pub(crate) fn uuid_v4() -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut b = [0u8; 16];
    pooled_random(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut s = String::with_capacity(36);
    for (i, x) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            s.push('-');
        }
        s.push(HEX[(x >> 4) as usize] as char);
        s.push(HEX[(x & 15) as usize] as char);
    }
    s
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_4_and_differ() {
        let ids: std::collections::HashSet<String> = (0..100).map(|_| uuid_v4()).collect();
        assert_eq!(ids.len(), 100);
        for id in &ids {
            let b = id.as_bytes();
            assert_eq!(b.len(), 36, "{id}");
            assert!([8, 13, 18, 23].iter().all(|&i| b[i] == b'-'), "{id}");
            assert_eq!(b[14], b'4', "{id}");
            assert!(b"89ab".contains(&b[19]), "{id}");
            assert!(id.bytes().all(|c| c == b'-' || c.is_ascii_digit() || (b'a'..=b'f').contains(&c)), "{id}");
        }
    }

    #[test]
    fn a_forked_child_draws_other_nonces_than_its_parent() {
        let _ = RandomNonce.nonce(); // fill this thread's pool before forking
        let mut fds = [0i32; 2];
        // SAFETY: plain POSIX calls; the child only draws a nonce, writes it and exits.
        unsafe {
            assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
            let pid = libc::fork();
            assert!(pid >= 0);
            if pid == 0 {
                let draws: Vec<u32> = (0..4).map(|_| RandomNonce.nonce()).collect();
                let bytes: Vec<u8> = draws.iter().flat_map(|d| d.to_le_bytes()).collect();
                libc::write(fds[1], bytes.as_ptr().cast(), bytes.len());
                libc::_exit(0);
            }
            let parent: Vec<u32> = (0..4).map(|_| RandomNonce.nonce()).collect();
            let mut buf = [0u8; 16];
            assert_eq!(libc::read(fds[0], buf.as_mut_ptr().cast(), 16), 16);
            libc::waitpid(pid, std::ptr::null_mut(), 0);
            let child: Vec<u32> = buf.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
            assert_ne!(parent, child, "parent and child must not share the nonce pool");
        }
    }

    #[test]
    fn nonces_are_in_the_official_range() {
        assert!((0..1000).map(|_| RandomNonce.nonce()).all(|n| n < 1_000_000));
    }
}
