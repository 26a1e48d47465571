//! The binding's token nonce source: the core's draw (OS randomness, 0..=999999) with the OS
//! read 256 bytes at a time per thread, and fork detection through Python's own fork hook
//! (`os.register_at_fork`) instead of a `getpid()` system call per token, which cost more than
//! signing the token.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use opentok::NonceSource;
use pyo3::prelude::*;
use ring::rand::SecureRandom;

static FORK_GENERATION: AtomicU64 = AtomicU64::new(0);

thread_local! {
    static POOL: RefCell<([u8; 256], usize, u64)> = const { RefCell::new(([0u8; 256], 256, u64::MAX)) };
}

/// Called in the child after `os.fork()` (registered by the package): every pooled byte of the
/// parent is discarded, so parent and child never draw the same nonces.
#[pyfunction]
pub fn _after_fork_in_child() {
    FORK_GENERATION.fetch_add(1, Ordering::SeqCst);
}

/// Random nonces in 0..=999999 (as the official Python SDK draws them), from pooled OS randomness.
#[derive(Debug, Default, Clone, Copy)]
pub struct PooledNonce;

impl NonceSource for PooledNonce {
    fn nonce(&self) -> u32 {
        let generation = FORK_GENERATION.load(Ordering::Relaxed);
        POOL.with(|p| {
            let (buf, used, gen) = &mut *p.borrow_mut();
            if *used + 4 > buf.len() || *gen != generation {
                ring::rand::SystemRandom::new().fill(buf).expect("the operating system random generator failed");
                *used = 0;
                *gen = generation;
            }
            let b = [buf[*used], buf[*used + 1], buf[*used + 2], buf[*used + 3]];
            *used += 4;
            u32::from_le_bytes(b) % 1_000_000
        })
    }
}
