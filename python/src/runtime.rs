//! The one tokio runtime shared by every `Client` and `AsyncClient` of the process, and its bridge
//! to asyncio (a `pyo3_async_runtimes::generic::Runtime`).
//!
//! The runtime is created on first use and re-created in a child process after `os.fork()`: the
//! parent's worker threads do not exist in the child, so the old runtime is leaked (never dropped,
//! dropping would wait for threads that are gone) and a fresh one is built for the new pid.

use std::cell::OnceCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use pyo3_async_runtimes::generic::{ContextExt, JoinError, Runtime as GenericRuntime};
use pyo3_async_runtimes::TaskLocals;
use tokio::runtime::{Builder, Runtime};

static PID: AtomicU32 = AtomicU32::new(0);
static CURRENT: AtomicPtr<Runtime> = AtomicPtr::new(std::ptr::null_mut());
static BUILD_LOCK: Mutex<()> = Mutex::new(());

/// The runtime of this process (built on first use, rebuilt after a fork).
pub fn get() -> &'static Runtime {
    let pid = std::process::id();
    let ptr = CURRENT.load(Ordering::Acquire);
    if !ptr.is_null() && PID.load(Ordering::Acquire) == pid {
        // SAFETY: runtimes stored in CURRENT are leaked boxes, never freed.
        return unsafe { &*ptr };
    }
    let _guard = BUILD_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let ptr = CURRENT.load(Ordering::Acquire);
    if !ptr.is_null() && PID.load(Ordering::Acquire) == pid {
        return unsafe { &*ptr };
    }
    let rt = Builder::new_multi_thread()
        .enable_all()
        .thread_name("opentok-native")
        .build()
        .expect("cannot start the tokio runtime (out of threads or file descriptors?)");
    let leaked: &'static Runtime = Box::leak(Box::new(rt));
    // Publish the pointer before the pid: a reader that sees the new pid sees the new runtime.
    CURRENT.store(leaked as *const Runtime as *mut Runtime, Ordering::Release);
    PID.store(pid, Ordering::Release);
    leaked
}

static EXITING: AtomicBool = AtomicBool::new(false);
static ATTACHING: AtomicUsize = AtomicUsize::new(0);

/// Called at interpreter exit (`atexit`): stops handing results to Python and waits (up to
/// `timeout`) for result hand-overs already attached to the interpreter to finish.
pub fn shutdown(timeout: Duration) {
    EXITING.store(true, Ordering::SeqCst);
    let end = Instant::now() + timeout;
    while ATTACHING.load(Ordering::SeqCst) > 0 && Instant::now() < end {
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// The process id the current runtime was built for (0 before first use).
pub fn owner_pid() -> u32 {
    PID.load(Ordering::Acquire)
}

/// Marker type implementing the asyncio bridge over [`get`].
pub struct SharedRuntime;

/// Wrapper so tokio's `JoinError` satisfies the bridge's trait.
pub struct TaskError(tokio::task::JoinError);

impl JoinError for TaskError {
    fn is_panic(&self) -> bool {
        self.0.is_panic()
    }
    fn into_panic(self) -> Box<dyn std::any::Any + Send + 'static> {
        self.0.into_panic()
    }
}

/// A spawned task's handle, mapping tokio's join error into [`TaskError`].
pub struct TaskHandle(tokio::task::JoinHandle<()>);

impl Future for TaskHandle {
    type Output = Result<(), TaskError>;
    fn poll(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        Pin::new(&mut self.0).poll(cx).map(|r| r.map_err(TaskError))
    }
}

tokio::task_local! {
    static TASK_LOCALS: OnceCell<TaskLocals>;
}

impl GenericRuntime for SharedRuntime {
    type JoinError = TaskError;
    type JoinHandle = TaskHandle;

    fn spawn<F>(fut: F) -> Self::JoinHandle
    where
        F: Future<Output = ()> + Send + 'static,
    {
        TaskHandle(get().spawn(fut))
    }

    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        // The bridge runs `f` to attach to the interpreter and hand a result to asyncio. Once the
        // interpreter is exiting, attaching from a foreign thread kills that thread mid-Rust
        // (a crash), so such work is counted and skipped after `shutdown()`.
        TaskHandle(get().spawn_blocking(move || {
            ATTACHING.fetch_add(1, Ordering::SeqCst);
            if !EXITING.load(Ordering::SeqCst) {
                f();
            } else {
                drop(f);
            }
            ATTACHING.fetch_sub(1, Ordering::SeqCst);
        }))
    }
}

impl ContextExt for SharedRuntime {
    fn scope<F, R>(locals: TaskLocals, fut: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        let cell = OnceCell::new();
        let _ = cell.set(locals);
        Box::pin(TASK_LOCALS.scope(cell, fut))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        TASK_LOCALS
            .try_with(|c| c.get().cloned())
            .unwrap_or_default()
    }
}
