//! `OpenTokSDK`: the seed's API, `(new OpenTokSDK($key, $secret))->create_session($location,
//! $properties)`, where `$properties` holds `/session/create` form fields (`['p2p.preference' =>
//! 'enabled']`) read by the core's form rules. As the original SDK did, the API server is
//! `API_Config::API_SERVER` when the application defines that constant.

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use opentok::SessionOptions;

use crate::client::OpenTok;
use crate::convert::{opt_text, Shown};
use crate::error::{invalid, OrThrow};
use crate::session::Session;

/// `OpenTokSDK`.
#[php_class]
#[php(name = "OpenTokSDK")]
pub struct OpenTokSdk {
    inner: OpenTok,
}

/// `API_Config::API_SERVER`, when the application defines it.
fn configured_server() -> Option<String> {
    let defined = ZendCallable::try_from_name("defined").ok()?;
    let name = "API_Config::API_SERVER".to_string();
    if !defined.try_call(vec![&name]).ok()?.bool()? {
        return None;
    }
    let constant = ZendCallable::try_from_name("constant").ok()?;
    constant.try_call(vec![&name]).ok()?.string()
}

#[php_impl]
#[php(change_method_case = "snake_case")]
impl OpenTokSdk {
    /// `new OpenTokSDK($api_key, $api_secret[, $api_server])`.
    pub fn __construct(api_key: &Zval, api_secret: &Zval, api_server: Option<&Zval>) -> PhpResult<Self> {
        let server = match opt_text("apiServer", api_server).or_throw()? {
            Some(s) => Some(s),
            None => configured_server(),
        };
        let mut options = Zval::new_array();
        if let (Some(s), Some(arr)) = (server, options.array_mut()) {
            arr.insert("apiUrl", s).map_err(|e| PhpException::from(e.to_string()))?;
        }
        Ok(OpenTokSdk { inner: OpenTok::build(api_key, api_secret, Some(&options))? })
    }

    /// Creates a session near `$location` with the form fields in `$properties`.
    pub fn create_session(&self, location: Option<&Zval>, properties: Option<&Zval>) -> PhpResult<Session> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        if let Some(p) = properties.map(Zval::dereference).filter(|p| !p.is_null()) {
            let arr = p.array().ok_or_else(|| invalid("properties", "must be an array of form fields", Shown(p)))?;
            for (k, v) in arr.iter() {
                let key = k.to_string();
                let v = v.dereference();
                let value = match v.bool() {
                    Some(b) => b.to_string(),
                    None => v
                        .coerce_to_string()
                        .ok_or_else(|| invalid(&key, "must be a form value (string, number or bool)", Shown(v)))?,
                };
                pairs.push((key, value));
            }
        }
        if let Some(loc) = opt_text("location", location).or_throw()?.filter(|l| !l.is_empty()) {
            pairs.push(("location".into(), loc));
        }
        let options = SessionOptions::from_form(&pairs).or_throw()?;
        self.inner.create(options)
    }

    /// Mints a token: `generate_token($session_id, $role, $expire_time, $connection_data)`.
    pub fn generate_token(
        &self,
        session_id: &Zval,
        role: Option<&Zval>,
        expire_time: Option<&Zval>,
        connection_data: Option<&Zval>,
    ) -> PhpResult<String> {
        let mut payload = Zval::new_array();
        if let Some(arr) = payload.array_mut() {
            for (k, v) in [("role", role), ("expireTime", expire_time), ("data", connection_data)] {
                if let Some(v) = v {
                    arr.insert(k, v.shallow_clone()).map_err(|e| PhpException::from(e.to_string()))?;
                }
            }
        }
        self.inner.generate_token(session_id, Some(&payload), None)
    }
}
