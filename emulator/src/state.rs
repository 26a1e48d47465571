//! Shared state of the running server: credentials, storage, the simulated clock and callback
//! delivery.

use std::collections::HashMap;
use std::sync::Arc;

use opentok::Credentials;

use crate::projects::Registry;
use crate::sim::clock::SimClock;
use crate::sim::delivery::{Deliverer, DeliveryConfig};
use crate::store::Store;

/// Everything a request handler needs; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    registry: Registry,
    store: Store,
    credentials: HashMap<String, Credentials>,
    clock: SimClock,
    deliverer: Deliverer,
    /// Serializes read-check-write sequences of the REST state machines (one archive per
    /// session, ...). Never held across an await.
    ops: std::sync::Mutex<()>,
}

impl AppState {
    /// Builds the state; holds the core's [`Credentials`] of each project (to mint tokens for
    /// the dashboard).
    pub fn new(registry: Registry, store: Store, delivery: DeliveryConfig) -> Result<AppState, crate::StartError> {
        let mut credentials = HashMap::new();
        for p in registry.projects() {
            credentials.insert(p.api_key.clone(), Credentials::project(p.api_key.clone(), p.api_secret.clone())?);
        }
        let clock = SimClock::load(&store)?;
        let deliverer = Deliverer::new(delivery)?;
        Ok(AppState { inner: Arc::new(Inner { registry, store, credentials, clock, deliverer, ops: std::sync::Mutex::new(()) }) })
    }

    /// The simulated clock.
    pub fn clock(&self) -> &SimClock {
        &self.inner.clock
    }

    /// Emulated now, unix milliseconds (see [`SimClock`]).
    pub fn now_ms(&self) -> i64 {
        self.inner.clock.now_ms()
    }

    /// Callback delivery.
    pub fn deliverer(&self) -> &Deliverer {
        &self.inner.deliverer
    }

    /// The projects and applications served.
    pub fn registry(&self) -> &Registry {
        &self.inner.registry
    }

    /// The database.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// Takes the state-machine lock (see the field's docs).
    pub fn ops_lock(&self) -> std::sync::MutexGuard<'_, ()> {
        self.inner.ops.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The core credentials of a project (by API key).
    pub fn credentials(&self, api_key: &str) -> Option<&Credentials> {
        self.inner.credentials.get(api_key)
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("registry", &self.inner.registry).field("store", &self.inner.store).finish()
    }
}
