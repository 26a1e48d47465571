//! Reading tokens back: `decode_token`, `verify_token`, `explain_token` and the objects they
//! return. Decoding, signature checks and verdicts are the core's.

use opentok::{DecodedToken as CoreDecoded, Explanation, VerifyKey};
use pyo3::prelude::*;

use crate::error::IntoPyResult;

/// What a token says (read without or after checking its signature).
#[pyclass(module = "opentok_native", frozen)]
pub struct DecodedToken {
    inner: CoreDecoded,
}

#[pymethods]
impl DecodedToken {
    /// `"JWT"` or `"T1"`.
    #[getter]
    fn format(&self) -> &'static str {
        self.inner.format.as_str()
    }

    /// `"HS256"`, `"RS256"`, or `"HMAC-SHA1"` for T1.
    #[getter]
    fn algorithm(&self) -> Option<&str> {
        self.inner.algorithm.as_deref()
    }

    /// The api key or application id the token was minted for.
    #[getter]
    fn project_id(&self) -> Option<&str> {
        self.inner.project_id.as_deref()
    }

    /// The session the token admits to.
    #[getter]
    fn session_id(&self) -> Option<&str> {
        self.inner.session_id.as_deref()
    }

    /// The role granted (`"publisher"`...).
    #[getter]
    fn role(&self) -> Option<&str> {
        self.inner.role.as_deref()
    }

    /// Issue time, unix seconds.
    #[getter]
    fn issued_at(&self) -> Option<i64> {
        self.inner.issued_at
    }

    /// Expiry, unix seconds (`None`: never expires).
    #[getter]
    fn expires_at(&self) -> Option<i64> {
        self.inner.expires_at
    }

    /// Connection data.
    #[getter]
    fn connection_data(&self) -> Option<&str> {
        self.inner.connection_data.as_deref()
    }

    /// Initial layout class list, space-joined.
    #[getter]
    fn initial_layout_class_list(&self) -> Option<&str> {
        self.inner.initial_layout_class_list.as_deref()
    }

    /// The nonce, as text.
    #[getter]
    fn nonce(&self) -> Option<&str> {
        self.inner.nonce.as_deref()
    }

    /// Every claim (JWT) or field (T1, as strings) as a dict.
    #[getter]
    fn claims<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize::pythonize(py, &self.inner.claims)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "DecodedToken(format={:?}, session_id={:?}, role={:?}, issued_at={:?}, expires_at={:?})",
            self.inner.format.as_str(),
            self.inner.session_id,
            self.inner.role,
            self.inner.issued_at,
            self.inner.expires_at
        )
    }
}

/// A verdict on a token: `valid`, `verdict` ("valid ..., expires in 23 h", "expired 3 h ago",
/// "bad signature"...), `reason` when invalid, and `decoded` when it decodes.
#[pyclass(module = "opentok_native", frozen)]
pub struct TokenExplanation {
    inner: Explanation,
}

#[pymethods]
impl TokenExplanation {
    /// Whether the token verified (when a key was given) and is within its validity window.
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid
    }

    /// One line in words.
    #[getter]
    fn verdict(&self) -> &str {
        &self.inner.verdict
    }

    /// Why it is invalid (`"expired"`, `"bad_signature"`, ...), else `None`.
    #[getter]
    fn reason(&self) -> Option<&'static str> {
        self.inner.rejection.map(|r| r.as_str())
    }

    /// The decoded token, when it decodes.
    #[getter]
    fn decoded(&self) -> Option<DecodedToken> {
        self.inner.decoded.clone().map(|inner| DecodedToken { inner })
    }

    fn __str__(&self) -> &str {
        &self.inner.verdict
    }

    fn __repr__(&self) -> String {
        format!("TokenExplanation(valid={}, verdict={:?})", if self.inner.valid { "True" } else { "False" }, self.inner.verdict)
    }
}

/// Decodes a T1 or JWT token without checking its signature.
#[pyfunction]
pub fn decode_token(py: Python<'_>, token: &str) -> PyResult<DecodedToken> {
    opentok::decode_token(token).map(|inner| DecodedToken { inner }).py_err(py)
}

/// Verifies a token's signature with `key` (API secret, or RSA public key PEM) and its validity
/// window at `now` (unix seconds; default: the system clock). Raises `InvalidTokenError`.
#[pyfunction]
#[pyo3(signature = (token, key, *, now=None))]
pub fn verify_token(py: Python<'_>, token: &str, key: &str, now: Option<i64>) -> PyResult<DecodedToken> {
    let k = VerifyKey::from_text(key);
    let r = match now {
        Some(n) => opentok::verify_token_at(token, &k, n),
        None => opentok::verify_token(token, &k),
    };
    r.map(|inner| DecodedToken { inner }).py_err(py)
}

/// Explains a token: what it holds and, with `key`, whether it verifies. Never raises for a bad
/// token: the verdict says what is wrong.
#[pyfunction]
#[pyo3(signature = (token, key=None, *, now=None))]
pub fn explain_token(token: &str, key: Option<&str>, now: Option<i64>) -> TokenExplanation {
    let k = key.map(VerifyKey::from_text);
    let inner = match now {
        Some(n) => opentok::explain_token_at(token, k.as_ref(), n),
        None => opentok::explain_token(token, k.as_ref()),
    };
    TokenExplanation { inner }
}
