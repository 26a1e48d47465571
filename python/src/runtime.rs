//! The one tokio runtime shared by every `Client` and `AsyncClient` of the process, and its bridge
//! to asyncio (a `pyo3_async_runtimes::generic::Runtime`).
//!
//! The runtime is created on first use and re-created in a child process after `os.fork()`: the
//! parent's worker threads do not exist in the child, so the old runtime is leaked (never dropped,
//! dropping would wait for threads that are gone) and a fresh one is built for the new pid.
//!
//! Results go back to asyncio through one *hand-over* thread per process instead of tokio's
//! blocking pool: each finished call is a small job (attach to the interpreter, schedule the
//! future's result on its loop). One thread takes the interpreter once for every job queued
//! meanwhile, so 64 calls finishing together cost one GIL acquisition rather than 64 threads
//! fighting for it (measured: about 1.5x the asyncio throughput on two cores).

use std::cell::OnceCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use pyo3::Python;
use pyo3_async_runtimes::generic::{ContextExt, JoinError, Runtime as GenericRuntime};
use pyo3_async_runtimes::TaskLocals;
use tokio::runtime::{Builder, Runtime};

/// Work handed to the hand-over thread.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// What a process owns: the runtime and the hand-over thread's queue.
pub struct Process {
    runtime: Runtime,
    handover: Mutex<Sender<Job>>,
}

static PID: AtomicU32 = AtomicU32::new(0);
static CURRENT: AtomicPtr<Process> = AtomicPtr::new(std::ptr::null_mut());
static BUILD_LOCK: Mutex<()> = Mutex::new(());

/// The runtime of this process (built on first use, rebuilt after a fork).
pub fn get() -> &'static Runtime {
    &process().runtime
}

fn process() -> &'static Process {
    let pid = std::process::id();
    let ptr = CURRENT.load(Ordering::Acquire);
    if !ptr.is_null() && PID.load(Ordering::Acquire) == pid {
        // SAFETY: values stored in CURRENT are leaked boxes, never freed.
        return unsafe { &*ptr };
    }
    let _guard = BUILD_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let ptr = CURRENT.load(Ordering::Acquire);
    if !ptr.is_null() && PID.load(Ordering::Acquire) == pid {
        return unsafe { &*ptr };
    }
    let runtime = Builder::new_multi_thread()
        .enable_all()
        .thread_name("opentok-native")
        .build()
        .expect("cannot start the tokio runtime (out of threads or file descriptors?)");
    let (tx, rx) = channel::<Job>();
    std::thread::Builder::new()
        .name("opentok-native-handover".into())
        .spawn(move || handover_loop(rx))
        .expect("cannot start the hand-over thread");
    let leaked: &'static Process = Box::leak(Box::new(Process { runtime, handover: Mutex::new(tx) }));
    // Publish the pointer before the pid: a reader that sees the new pid sees the new process.
    CURRENT.store(leaked as *const Process as *mut Process, Ordering::Release);
    PID.store(pid, Ordering::Release);
    leaked
}

/// Most jobs run per interpreter attach, so the event loop's thread gets the GIL back soon.
const MAX_BATCH: usize = 256;

fn handover_loop(rx: Receiver<Job>) {
    while let Ok(first) = rx.recv() {
        ATTACHING.fetch_add(1, Ordering::SeqCst);
        if EXITING.load(Ordering::SeqCst) {
            // The interpreter is going away: attaching now would kill this thread mid-Rust.
            drop(first);
        } else {
            Python::attach(|_py| {
                first();
                for _ in 1..MAX_BATCH {
                    match rx.try_recv() {
                        // Jobs attach themselves; nested attaches on this thread are free.
                        Ok(job) if !EXITING.load(Ordering::SeqCst) => job(),
                        Ok(job) => drop(job),
                        Err(_) => break,
                    }
                }
            });
        }
        ATTACHING.fetch_sub(1, Ordering::SeqCst);
    }
}

static EXITING: AtomicBool = AtomicBool::new(false);
static ATTACHING: AtomicUsize = AtomicUsize::new(0);

/// Called at interpreter exit (`atexit`): stops handing results to Python and waits (up to
/// `timeout`) for a hand-over already attached to the interpreter to finish.
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

/// A spawned task's handle, mapping tokio's join error into [`TaskError`]. Hand-over jobs are
/// fire-and-forget (the bridge never awaits them): their handle is ready at once.
pub enum TaskHandle {
    /// A task on the runtime.
    Task(tokio::task::JoinHandle<()>),
    /// A job queued on the hand-over thread.
    Queued,
}

impl Future for TaskHandle {
    type Output = Result<(), TaskError>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Self::Output> {
        match &mut *self {
            TaskHandle::Task(h) => Pin::new(h).poll(cx).map(|r| r.map_err(TaskError)),
            TaskHandle::Queued => std::task::Poll::Ready(Ok(())),
        }
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
        TaskHandle::Task(get().spawn(fut))
    }

    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        // The bridge only uses this to attach to the interpreter and hand a result to asyncio:
        // queue it on the hand-over thread (see the module docs). The queue lives as long as
        // the process, so sending cannot fail; if it did, the job is dropped, not run.
        let sender = process().handover.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let _ = sender.send(Box::new(f));
        TaskHandle::Queued
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
        TASK_LOCALS.try_with(|c| c.get().cloned()).unwrap_or_default()
    }
}
