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
    ring::rand::SystemRandom::new()
        .fill(buf)
        .expect("the operating system random generator failed");
}

/// Four bytes from the operating system's generator, read 256 bytes at a time per thread: one
/// `getrandom` call per 64 nonces instead of one per token (it was most of a token's cost).
/// The pool is dropped in a forked child so parent and child never share nonces.
fn random_u32() -> u32 {
    use std::cell::RefCell;
    thread_local! {
        static POOL: RefCell<([u8; 256], usize, u32)> = const { RefCell::new(([0u8; 256], 256, 0)) };
    }
    POOL.with(|p| {
        let (buf, used, pid) = &mut *p.borrow_mut();
        let me = std::process::id();
        if *used + 4 > buf.len() || *pid != me {
            fill_random(buf);
            *used = 0;
            *pid = me;
        }
        let b = [buf[*used], buf[*used + 1], buf[*used + 2], buf[*used + 3]];
        *used += 4;
        u32::from_le_bytes(b)
    })
}

/// A random RFC 4122 version 4 UUID, as text.
pub(crate) fn uuid_v4() -> String {
    let mut b = [0u8; 16];
    fill_random(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}
