//! The emulator's simulated clock: real time plus an offset that `POST /emulator/v1/clock`
//! moves forward. Resource times (`createdAt`, `updatedAt`, durations), `maxDuration` limits and
//! client-token expiry read it; REST auth JWTs are checked against real time (the SDK signs them
//! with the machine's clock). The offset is kept in the store, so it survives a restart.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use crate::store::{Store, StoreResult};

/// Store setting holding the offset in milliseconds.
const OFFSET_KEY: &str = "clock_offset_ms";

/// Largest single advance accepted, in seconds (a year).
pub const MAX_ADVANCE_SECS: i64 = 366 * 24 * 3600;

/// Real time plus an offset; cheap to clone (the offset is shared).
#[derive(Debug, Clone, Default)]
pub struct SimClock {
    offset_ms: Arc<AtomicI64>,
}

impl SimClock {
    /// The clock with the offset stored in `store` (none: real time).
    pub fn load(store: &Store) -> StoreResult<SimClock> {
        let offset = store.setting(OFFSET_KEY)?.and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
        Ok(SimClock { offset_ms: Arc::new(AtomicI64::new(offset)) })
    }

    /// Emulated now, unix milliseconds.
    pub fn now_ms(&self) -> i64 {
        crate::clock::now_ms() + self.offset_ms()
    }

    /// Emulated now, unix seconds.
    pub fn now_secs(&self) -> i64 {
        self.now_ms().div_euclid(1000)
    }

    /// How far ahead of real time the clock is, milliseconds.
    pub fn offset_ms(&self) -> i64 {
        self.offset_ms.load(Ordering::SeqCst)
    }

    /// Moves the clock `ms` milliseconds forward (stored first, so a crash keeps it); gives the
    /// new offset.
    pub fn advance(&self, store: &Store, ms: i64) -> StoreResult<i64> {
        let offset = self.offset_ms().saturating_add(ms.max(0));
        store.set_setting(OFFSET_KEY, Some(&offset.to_string()))?;
        self.offset_ms.store(offset, Ordering::SeqCst);
        Ok(offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advance_moves_now_and_is_stored() {
        let store = Store::in_memory().unwrap();
        let clock = SimClock::load(&store).unwrap();
        let before = clock.now_ms();
        assert_eq!(clock.advance(&store, 3_600_000).unwrap(), 3_600_000);
        assert!(clock.now_ms() - before >= 3_600_000);
        assert_eq!(SimClock::load(&store).unwrap().offset_ms(), 3_600_000, "a reload keeps the offset");
        clock.advance(&store, -5).unwrap();
        assert_eq!(clock.offset_ms(), 3_600_000, "the clock never goes back");
    }
}
