//! The tokio runtime the blocking calls run on: one current-thread runtime per process, built on
//! first use. PHP runs one request at a time per process (CLI, PHP-FPM workers), so calls wait on
//! the calling thread and no worker threads exist. A PHP-FPM worker forked from a master that
//! already made calls builds its own runtime (the parent's is left alone, never dropped).

use std::cell::RefCell;
use std::future::Future;

use tokio::runtime::{Builder, Runtime};

thread_local! {
    static RUNTIME: RefCell<Option<(u32, &'static Runtime)>> = const { RefCell::new(None) };
}

fn runtime() -> &'static Runtime {
    let pid = std::process::id();
    RUNTIME.with(|slot| {
        let mut slot = slot.borrow_mut();
        match *slot {
            Some((owner, rt)) if owner == pid => rt,
            _ => {
                let rt = Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("cannot start the tokio runtime (out of file descriptors?)");
                // Kept for the life of the process: dropping it would close pooled connections
                // that a forked child may still share.
                let rt: &'static Runtime = Box::leak(Box::new(rt));
                *slot = Some((pid, rt));
                rt
            }
        }
    })
}

/// Runs `call` to completion on this process's runtime.
pub fn block_on<F: Future>(call: F) -> F::Output {
    runtime().block_on(call)
}
