//! How REST calls run: on one process-wide tokio runtime, owned by this addon and never shut down,
//! and settled through a napi deferred that is safe to settle after its environment died.
//!
//! Why not `#[napi] async fn`: an `async fn(&self, ...)` keeps a pointer to the `NativeClient`
//! inside the JavaScript object across the await. When a `worker_threads` worker is terminated,
//! its environment finalizes every wrapped object (references or not), so the future then reads a
//! freed client: a segfault, or memory corruption (issue #15). Here the method is synchronous: it
//! clones what the work needs (the core `Client` is an `Arc`) on the JavaScript thread and hands
//! the runtime a future that borrows nothing from JavaScript.
//!
//! Completions: the future's result stays plain Rust data until the deferred's resolver runs on
//! the JavaScript thread of a live environment (napi's `JsDeferred` aborts its threadsafe function
//! in an env cleanup hook, and a settle after that drops the resolver instead). Besides, each
//! environment gets a cleanup hook of its own that cancels its in-flight calls, so a terminated
//! worker's requests stop instead of running to their timeout.

use std::cell::RefCell;
use std::future::Future;
use std::sync::LazyLock;

use napi::bindgen_prelude::{Object, ToNapiValue};
use napi::Env;
use tokio::runtime::Runtime;
use tokio::sync::watch;

/// The addon's runtime: process-wide, created on the first REST call, never dropped (statics are
/// not), so no environment's exit can pull it from under another environment's calls.
static RUNTIME: LazyLock<Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("opentok-node-io")
        .build()
        .expect("opentok-node: cannot start the tokio runtime")
});

thread_local! {
    /// Per environment living on this thread (a JavaScript thread: the main one or a worker):
    /// the sender its cleanup hook flips to cancel the environment's in-flight calls.
    static CANCEL: RefCell<Vec<(usize, watch::Sender<bool>)>> = const { RefCell::new(Vec::new()) };
}

/// The cancellation signal of `env`, registering its cleanup hook on first use.
fn cancellation(env: &Env) -> napi::Result<watch::Receiver<bool>> {
    let key = env.raw() as usize;
    if let Some(rx) = CANCEL.with(|c| c.borrow().iter().find(|(k, _)| *k == key).map(|(_, tx)| tx.subscribe())) {
        return Ok(rx);
    }
    let (tx, rx) = watch::channel(false);
    env.add_env_cleanup_hook(key, |key| {
        CANCEL.with(|c| {
            let mut c = c.borrow_mut();
            if let Some(i) = c.iter().position(|(k, _)| *k == key) {
                let (_, tx) = c.swap_remove(i);
                let _ = tx.send(true);
            }
        });
    })?;
    CANCEL.with(|c| c.borrow_mut().push((key, tx)));
    Ok(rx)
}

/// Runs `work` on the addon's runtime and returns a promise of its result, converted to
/// JavaScript on this environment's thread when it settles. `work` must own everything it uses.
pub fn spawn<'env, T, F>(env: &'env Env, work: F) -> napi::Result<Object<'env>>
where
    T: ToNapiValue + Send + 'static,
    F: Future<Output = T> + Send + 'static,
{
    let mut cancelled = cancellation(env)?;
    let (deferred, promise) = env.create_deferred::<T, Box<dyn FnOnce(Env) -> napi::Result<T> + Send>>()?;
    let mut work = RUNTIME.spawn(work);
    RUNTIME.spawn(async move {
        tokio::select! {
            done = &mut work => match done {
                Ok(value) => deferred.resolve(Box::new(move |_env| Ok(value))),
                // The core returns errors as values; a panic is a bug, but still a rejection
                // rather than a promise that never settles.
                Err(e) => deferred.reject(napi::Error::from_reason(format!("opentok-node: internal error: {e}"))),
            },
            // The environment is gone: nobody is waiting. Drop the request (and the deferred,
            // whose threadsafe function the environment already aborted).
            _ = cancelled.wait_for(|c| *c) => work.abort(),
        }
    });
    Ok(promise)
}
