//! `SessionId`: the parsed form of an opaque session id (the core's reading of it).

use pyo3::prelude::*;

use crate::error::IntoPyResult;

/// A parsed session id: `SessionId("1_MX4x...")`. Raises `InvalidArgumentError` when it does not
/// decode.
#[pyclass(module = "opentok_native", frozen, eq, hash)]
pub struct SessionId {
    inner: opentok::SessionId,
    text: String,
}

#[pymethods]
impl SessionId {
    #[new]
    fn new(py: Python<'_>, session_id: &str) -> PyResult<SessionId> {
        let inner = opentok::SessionId::parse(session_id).py_err(py)?;
        Ok(SessionId { text: inner.as_str().to_owned(), inner })
    }

    /// The api key (or application id) the session belongs to (field 1).
    #[getter]
    fn api_key(&self) -> &str {
        self.inner.api_key()
    }

    /// The location hint IP, if the id carries one.
    #[getter]
    fn location(&self) -> Option<&str> {
        self.inner.location()
    }

    /// The raw create-time field (epoch milliseconds in new ids, date text in old ones).
    #[getter]
    fn create_time_field(&self) -> &str {
        self.inner.create_time_field()
    }

    /// Creation time in epoch milliseconds, when the id carries it as a number.
    #[getter]
    fn created_at_ms(&self) -> Option<i64> {
        self.inner.created_at_ms()
    }

    /// Every `~`-separated field.
    #[getter]
    fn fields(&self) -> Vec<String> {
        self.inner.fields().to_vec()
    }

    /// The prefix before `_` (`"1"`, `"2"`).
    #[getter]
    fn prefix(&self) -> &str {
        self.inner.prefix()
    }

    /// Whether the id belongs to `api_key`.
    fn belongs_to(&self, api_key: &str) -> bool {
        self.inner.belongs_to(api_key)
    }

    fn __str__(&self) -> &str {
        &self.text
    }

    fn __repr__(&self) -> String {
        format!("SessionId({:?})", self.text)
    }
}

impl PartialEq for SessionId {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for SessionId {}

impl std::hash::Hash for SessionId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state)
    }
}
