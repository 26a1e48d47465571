//! Persistence: sessions and simulated connections in SQLite (a file under the data dir, in WAL
//! mode so a `kill -9` loses nothing that was answered), or an in-memory SQLite database.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

/// File name of the database inside the data dir.
pub const DB_FILE: &str = "emulator.sqlite3";

/// For a record stored as one row of `$table`, a column a field of the same name:
/// `Self::COLS` (the column list, in field order), `Self::from_row` (a row selected with those
/// columns) and `insert` (the record as a new row).
macro_rules! row_record {
    ($record:ident in $table:literal: $($field:ident),+ $(,)?) => {
        impl $record {
            const COLS: &'static str = stringify!($($field),+);

            fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
                Ok(Self { $($field: r.get(stringify!($field))?),+ })
            }

            fn insert(&self, conn: &Connection) -> rusqlite::Result<usize> {
                let values = vec!["?"; [$(stringify!($field)),+].len()].join(", ");
                conn.exec(&format!("INSERT INTO {} ({}) VALUES ({values})", $table, Self::COLS), params![$(self.$field),+])
            }
        }
    };
}

/// Statements through the connection's statement cache: the emulator runs the same few dozen
/// statements over and over, and SQLite's parser was a tenth of its CPU per request.
trait Cached {
    /// `Connection::execute`, with the prepared statement cached.
    fn exec<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize>;
    /// `Connection::query_row`, with the prepared statement cached.
    fn row<T, P: rusqlite::Params, F: FnOnce(&Row<'_>) -> rusqlite::Result<T>>(
        &self,
        sql: &str,
        params: P,
        f: F,
    ) -> rusqlite::Result<T>;
}

impl Cached for Connection {
    fn exec<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    fn row<T, P: rusqlite::Params, F: FnOnce(&Row<'_>) -> rusqlite::Result<T>>(
        &self,
        sql: &str,
        params: P,
        f: F,
    ) -> rusqlite::Result<T> {
        self.prepare_cached(sql)?.query_row(params, f)
    }
}

/// A failure of the storage layer.
#[derive(Debug)]
pub struct StoreError(String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "storage error: {}", self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(e.to_string())
    }
}

/// Result of a storage operation.
pub type StoreResult<T> = Result<T, StoreError>;

/// A session as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionRecord {
    /// The session id (real OpenTok format).
    pub session_id: String,
    /// API key or application id that created it.
    pub project_id: String,
    /// `relayed` or `routed`.
    pub media_mode: String,
    /// `manual` or `always`.
    pub archive_mode: String,
    /// Location hint (IPv4), if any.
    pub location: Option<String>,
    /// End-to-end encryption.
    pub e2ee: bool,
    /// Archive name for `always` sessions.
    pub archive_name: Option<String>,
    /// Archive resolution for `always` sessions, e.g. `1280x720`.
    pub archive_resolution: Option<String>,
    /// Creation time as the service formats `create_dt`.
    pub create_dt: String,
    /// Creation time, unix milliseconds.
    pub created_at_ms: i64,
}

/// A simulated client connected with a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionRecord {
    /// Connection id (a UUID).
    pub connection_id: String,
    /// The session it joined.
    pub session_id: String,
    /// API key or application id of the token.
    pub project_id: String,
    /// Role from the token.
    pub role: String,
    /// Connection data from the token, if any.
    pub data: Option<String>,
    /// `jwt` or `t1`.
    pub token_format: String,
    /// Connect time, unix milliseconds.
    pub created_at_ms: i64,
}

/// The emulator's database.
pub struct Store {
    conn: Mutex<Connection>,
    location: String,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("location", &self.location).finish()
    }
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS sessions (
    session_id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    media_mode TEXT NOT NULL,
    archive_mode TEXT NOT NULL,
    location TEXT,
    e2ee INTEGER NOT NULL,
    archive_name TEXT,
    archive_resolution TEXT,
    create_dt TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_time ON sessions (created_at_ms);
CREATE TABLE IF NOT EXISTS connections (
    connection_id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (session_id),
    project_id TEXT NOT NULL,
    role TEXT NOT NULL,
    data TEXT,
    token_format TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS connections_by_session ON connections (session_id, created_at_ms);
CREATE TABLE IF NOT EXISTS resources (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    project_id TEXT NOT NULL,
    session_id TEXT,
    parent_id TEXT,
    created_at_ms INTEGER NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX IF NOT EXISTS resources_by_session ON resources (kind, session_id, created_at_ms);
CREATE INDEX IF NOT EXISTS resources_by_parent ON resources (kind, parent_id);
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    queue TEXT NOT NULL,
    project_id TEXT NOT NULL,
    session_id TEXT,
    url TEXT NOT NULL,
    event TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    status_code INTEGER,
    last_error TEXT,
    replay_of INTEGER,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_pending ON deliveries (state, queue, id);
";

/// A REST resource (archive, broadcast, stream, signal, SIP call, captions, render, Audio
/// Connector, callback...) stored as its JSON document.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// What it is (`archive`, `stream`, ...).
    pub kind: String,
    /// Its id.
    pub id: String,
    /// API key or application id that owns it.
    pub project_id: String,
    /// The session it belongs to, if any.
    pub session_id: Option<String>,
    /// The connection it belongs to (streams, signals), if any.
    pub parent_id: Option<String>,
    /// Creation time, unix milliseconds.
    pub created_at_ms: i64,
    /// The document, in the service's JSON shape (plus emulator-only fields); the simulation
    /// reads and writes it as its typed document (`crate::sim::resources::Stored`).
    pub doc: serde_json::Value,
}

impl Store {
    /// Opens (creating when missing) the database file inside `data_dir`.
    pub fn open(data_dir: &Path) -> StoreResult<Store> {
        std::fs::create_dir_all(data_dir)
            .map_err(|e| StoreError(format!("cannot create data dir {}: {e}", data_dir.display())))?;
        let path = data_dir.join(DB_FILE);
        let conn = Connection::open(&path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Self::init(conn, path.display().to_string())
    }

    /// A fresh database that lives in memory only.
    pub fn in_memory() -> StoreResult<Store> {
        let conn = Connection::open_in_memory()?;
        // No rollback journal: every statement runs alone (no explicit transaction anywhere) and
        // a memory database cannot be left half-written by a crash, while the journal copied
        // each changed page per statement (about a tenth of a `createSession`'s CPU).
        conn.pragma_update(None, "journal_mode", "OFF")?;
        Self::init(conn, ":memory:".to_string())
    }

    fn init(conn: Connection, location: String) -> StoreResult<Store> {
        conn.execute_batch(SCHEMA)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Store { conn: Mutex::new(conn), location })
    }

    /// Where the data lives: a file path or `:memory:`.
    pub fn location(&self) -> &str {
        &self.location
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent; keep serving.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Stores a new session.
    pub fn insert_session(&self, s: &SessionRecord) -> StoreResult<()> {
        s.insert(&self.lock())?;
        Ok(())
    }

    /// The session with this id.
    pub fn session(&self, session_id: &str) -> StoreResult<Option<SessionRecord>> {
        Ok(self
            .lock()
            .row(
                &format!("SELECT {} FROM sessions WHERE session_id = ?1", SessionRecord::COLS),
                params![session_id],
                SessionRecord::from_row,
            )
            .optional()?)
    }

    /// The most recent sessions, newest first.
    pub fn sessions(&self, limit: u32) -> StoreResult<Vec<SessionRecord>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {} FROM sessions ORDER BY created_at_ms DESC, rowid DESC LIMIT ?1",
            SessionRecord::COLS
        ))?;
        let rows = stmt.query_map(params![limit], SessionRecord::from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Number of sessions stored.
    pub fn session_count(&self) -> StoreResult<u64> {
        Ok(self.lock().row("SELECT COUNT(*) FROM sessions", [], |r| r.get(0))?)
    }

    /// Stores a new connection.
    pub fn insert_connection(&self, c: &ConnectionRecord) -> StoreResult<()> {
        c.insert(&self.lock())?;
        Ok(())
    }

    /// Removes a connection; false when it was not connected to that session.
    pub fn delete_connection(&self, session_id: &str, connection_id: &str) -> StoreResult<bool> {
        let conn = self.lock();
        let n = conn
            .exec("DELETE FROM connections WHERE session_id = ?1 AND connection_id = ?2", params![session_id, connection_id])?;
        if n > 0 {
            // Its published streams go with it.
            conn.exec("DELETE FROM resources WHERE kind = 'stream' AND parent_id = ?1", params![connection_id])?;
        }
        Ok(n > 0)
    }

    /// Connections of a session, oldest first.
    pub fn connections(&self, session_id: &str) -> StoreResult<Vec<ConnectionRecord>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {} FROM connections WHERE session_id = ?1 ORDER BY created_at_ms, rowid",
            ConnectionRecord::COLS
        ))?;
        let rows = stmt.query_map(params![session_id], ConnectionRecord::from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Number of connections of a session.
    pub fn connection_count(&self, session_id: &str) -> StoreResult<u64> {
        Ok(self.lock().row("SELECT COUNT(*) FROM connections WHERE session_id = ?1", params![session_id], |r| r.get(0))?)
    }
}

const RESOURCE_COLS: &str = "kind, id, project_id, session_id, parent_id, created_at_ms, doc";

fn resource_from_row(r: &Row<'_>) -> rusqlite::Result<Resource> {
    let doc: String = r.get(6)?;
    Ok(Resource {
        kind: r.get(0)?,
        id: r.get(1)?,
        project_id: r.get(2)?,
        session_id: r.get(3)?,
        parent_id: r.get(4)?,
        created_at_ms: r.get(5)?,
        doc: serde_json::from_str(&doc).unwrap_or(serde_json::Value::Null),
    })
}

impl Store {
    /// Inserts or replaces a resource.
    pub fn put_resource(&self, r: &Resource) -> StoreResult<()> {
        self.lock().exec(
            "INSERT OR REPLACE INTO resources (kind, id, project_id, session_id, parent_id, created_at_ms, doc)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![r.kind, r.id, r.project_id, r.session_id, r.parent_id, r.created_at_ms, r.doc.to_string()],
        )?;
        Ok(())
    }

    /// The resource of this kind and id.
    pub fn resource(&self, kind: &str, id: &str) -> StoreResult<Option<Resource>> {
        Ok(self
            .lock()
            .row(
                &format!("SELECT {RESOURCE_COLS} FROM resources WHERE kind = ?1 AND id = ?2"),
                params![kind, id],
                resource_from_row,
            )
            .optional()?)
    }

    /// Resources of a kind, newest first, optionally only a project's, a session's or a
    /// connection's.
    pub fn resources(
        &self,
        kind: &str,
        project_id: Option<&str>,
        session_id: Option<&str>,
        parent_id: Option<&str>,
    ) -> StoreResult<Vec<Resource>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {RESOURCE_COLS} FROM resources WHERE kind = ?1
               AND (?2 IS NULL OR project_id = ?2) AND (?3 IS NULL OR session_id = ?3)
               AND (?4 IS NULL OR parent_id = ?4)
             ORDER BY created_at_ms DESC, rowid DESC"
        ))?;
        let rows = stmt.query_map(params![kind, project_id, session_id, parent_id], resource_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Resources of a kind whose document's `status` is one of `statuses`, oldest first (the
    /// recordings the `maxDuration` timer watches; the rest are not read).
    pub fn resources_with_status(&self, kind: &str, statuses: &[&str]) -> StoreResult<Vec<Resource>> {
        let conn = self.lock();
        let list = serde_json::to_string(statuses).unwrap_or_else(|_| "[]".into());
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {RESOURCE_COLS} FROM resources WHERE kind = ?1
               AND json_valid(doc) AND json_extract(doc, '$.status') IN (SELECT value FROM json_each(?2))
             ORDER BY created_at_ms, rowid"
        ))?;
        let rows = stmt.query_map(params![kind, list], resource_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deletes one resource; false when there was none.
    pub fn delete_resource(&self, kind: &str, id: &str) -> StoreResult<bool> {
        Ok(self.lock().exec("DELETE FROM resources WHERE kind = ?1 AND id = ?2", params![kind, id])? > 0)
    }

    /// Deletes every resource of a kind that belongs to a connection; returns how many.
    pub fn delete_children(&self, kind: &str, parent_id: &str) -> StoreResult<usize> {
        Ok(self.lock().exec("DELETE FROM resources WHERE kind = ?1 AND parent_id = ?2", params![kind, parent_id])?)
    }

    /// One connection of a session.
    pub fn connection(&self, session_id: &str, connection_id: &str) -> StoreResult<Option<ConnectionRecord>> {
        Ok(self.connections(session_id)?.into_iter().find(|c| c.connection_id == connection_id))
    }
}

row_record!(SessionRecord in "sessions":
    session_id, project_id, media_mode, archive_mode, location, e2ee, archive_name, archive_resolution, create_dt, created_at_ms);

row_record!(ConnectionRecord in "connections":
    connection_id, session_id, project_id, role, data, token_format, created_at_ms);

/// A callback delivery: one event for one URL, with its outcome so far.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryRecord {
    /// Sequence number (deliveries of a queue go out in this order).
    pub id: i64,
    /// Ordering key: deliveries with the same queue go out one at a time, in order.
    pub queue: String,
    /// API key or application id whose event it is.
    pub project_id: String,
    /// The session of the event, if any.
    pub session_id: Option<String>,
    /// Where it is posted.
    pub url: String,
    /// What happened, e.g. `connectionCreated`, `archive.started`.
    pub event: String,
    /// The JSON body posted.
    pub body: String,
    /// `pending`, `delivered` or `failed` (attempts used up).
    pub state: String,
    /// Attempts made.
    pub attempts: i64,
    /// HTTP status of the last attempt, if it got an answer.
    pub status_code: Option<i64>,
    /// Why the last attempt failed, if it did.
    pub last_error: Option<String>,
    /// The delivery this one replays, if it is a replay.
    pub replay_of: Option<i64>,
    /// When it was queued, unix milliseconds (real time).
    pub created_at_ms: i64,
    /// Last change, unix milliseconds (real time).
    pub updated_at_ms: i64,
}

impl DeliveryRecord {
    const COLS: &'static str = "id, queue, project_id, session_id, url, event, body, state, attempts, status_code, \
                                last_error, replay_of, created_at_ms, updated_at_ms";

    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(DeliveryRecord {
            id: r.get(0)?,
            queue: r.get(1)?,
            project_id: r.get(2)?,
            session_id: r.get(3)?,
            url: r.get(4)?,
            event: r.get(5)?,
            body: r.get(6)?,
            state: r.get(7)?,
            attempts: r.get(8)?,
            status_code: r.get(9)?,
            last_error: r.get(10)?,
            replay_of: r.get(11)?,
            created_at_ms: r.get(12)?,
            updated_at_ms: r.get(13)?,
        })
    }
}

impl Store {
    /// A setting (`None` when never set).
    pub fn setting(&self, key: &str) -> StoreResult<Option<String>> {
        Ok(self.lock().row("SELECT value FROM settings WHERE key = ?1", params![key], |r| r.get(0)).optional()?)
    }

    /// Sets a setting; `None` removes it.
    pub fn set_setting(&self, key: &str, value: Option<&str>) -> StoreResult<()> {
        let conn = self.lock();
        match value {
            Some(v) => conn.exec("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", params![key, v])?,
            None => conn.exec("DELETE FROM settings WHERE key = ?1", params![key])?,
        };
        Ok(())
    }

    /// Queues a delivery (its `id` is ignored); gives its sequence number.
    pub fn insert_delivery(&self, d: &DeliveryRecord) -> StoreResult<i64> {
        let conn = self.lock();
        conn.exec(
            "INSERT INTO deliveries (queue, project_id, session_id, url, event, body, state, attempts, status_code,
               last_error, replay_of, created_at_ms, updated_at_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                d.queue,
                d.project_id,
                d.session_id,
                d.url,
                d.event,
                d.body,
                d.state,
                d.attempts,
                d.status_code,
                d.last_error,
                d.replay_of,
                d.created_at_ms,
                d.updated_at_ms
            ],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// One delivery.
    pub fn delivery(&self, id: i64) -> StoreResult<Option<DeliveryRecord>> {
        Ok(self
            .lock()
            .row(&format!("SELECT {} FROM deliveries WHERE id = ?1", DeliveryRecord::COLS), params![id], DeliveryRecord::from_row)
            .optional()?)
    }

    /// The oldest pending delivery of a queue.
    pub fn next_pending_delivery(&self, queue: &str) -> StoreResult<Option<DeliveryRecord>> {
        Ok(self
            .lock()
            .row(
                &format!(
                    "SELECT {} FROM deliveries WHERE state = 'pending' AND queue = ?1 ORDER BY id LIMIT 1",
                    DeliveryRecord::COLS
                ),
                params![queue],
                DeliveryRecord::from_row,
            )
            .optional()?)
    }

    /// Queues that have pending deliveries (after a restart: the work left).
    pub fn pending_queues(&self) -> StoreResult<Vec<String>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached("SELECT DISTINCT queue FROM deliveries WHERE state = 'pending'")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records the outcome of an attempt.
    pub fn update_delivery(
        &self,
        id: i64,
        state: &str,
        attempts: i64,
        status_code: Option<i64>,
        last_error: Option<&str>,
        now_ms: i64,
    ) -> StoreResult<()> {
        self.lock().exec(
            "UPDATE deliveries SET state = ?2, attempts = ?3, status_code = ?4, last_error = ?5, updated_at_ms = ?6
             WHERE id = ?1",
            params![id, state, attempts, status_code, last_error, now_ms],
        )?;
        Ok(())
    }

    /// The latest deliveries, newest first, optionally only a session's.
    pub fn deliveries(&self, session_id: Option<&str>, limit: u32) -> StoreResult<Vec<DeliveryRecord>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {} FROM deliveries WHERE (?1 IS NULL OR session_id = ?1) ORDER BY id DESC LIMIT ?2",
            DeliveryRecord::COLS
        ))?;
        let rows = stmt.query_map(params![session_id, limit], DeliveryRecord::from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(id: &str, ms: i64) -> SessionRecord {
        SessionRecord {
            session_id: id.into(),
            project_id: "123456".into(),
            media_mode: "routed".into(),
            archive_mode: "always".into(),
            location: Some("1.2.3.4".into()),
            e2ee: false,
            archive_name: Some("n".into()),
            archive_resolution: Some("1280x720".into()),
            create_dt: "Sat Nov 28 00:00:00 UTC 2026".into(),
            created_at_ms: ms,
        }
    }

    #[test]
    fn sessions_and_connections_round_trip() {
        let store = Store::in_memory().unwrap();
        store.insert_session(&session("a", 1)).unwrap();
        store.insert_session(&session("b", 2)).unwrap();
        assert_eq!(store.session("a").unwrap().unwrap(), session("a", 1));
        assert!(store.session("zz").unwrap().is_none());
        let ids: Vec<_> = store.sessions(10).unwrap().into_iter().map(|s| s.session_id).collect();
        assert_eq!(ids, ["b", "a"]);
        assert!(store.insert_session(&session("a", 3)).is_err(), "duplicate id must fail");

        let c = ConnectionRecord {
            connection_id: "c1".into(),
            session_id: "a".into(),
            project_id: "123456".into(),
            role: "publisher".into(),
            data: Some("d".into()),
            token_format: "jwt".into(),
            created_at_ms: 5,
        };
        store.insert_connection(&c).unwrap();
        assert_eq!(store.connections("a").unwrap(), vec![c]);
        assert_eq!(store.connection_count("a").unwrap(), 1);
        assert!(!store.delete_connection("b", "c1").unwrap());
        assert!(store.delete_connection("a", "c1").unwrap());
        assert!(store.connections("a").unwrap().is_empty());
    }

    #[test]
    fn resources_by_status() {
        let store = Store::in_memory().unwrap();
        for (id, status) in [("a", "started"), ("b", "stopped"), ("c", "paused"), ("d", "started")] {
            let doc = serde_json::json!({"status": status});
            let r = Resource {
                kind: "archive".into(),
                id: id.into(),
                project_id: "p".into(),
                session_id: None,
                parent_id: None,
                created_at_ms: 1,
                doc,
            };
            store.put_resource(&r).unwrap();
        }
        let ids: Vec<String> =
            store.resources_with_status("archive", &["started", "paused"]).unwrap().into_iter().map(|r| r.id).collect();
        assert_eq!(ids, ["a", "c", "d"]);
        assert!(store.resources_with_status("broadcast", &["started"]).unwrap().is_empty());
    }

    #[test]
    fn file_store_survives_reopen() {
        let dir = std::env::temp_dir().join(format!("otemu-store-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        {
            let store = Store::open(&dir).unwrap();
            store.insert_session(&session("persisted", 1)).unwrap();
        }
        let store = Store::open(&dir).unwrap();
        assert!(store.session("persisted").unwrap().is_some());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
