//! Shared plumbing of the REST operation modules: JavaScript option objects in (read by the
//! core's `from_json`, which knows every field name, enum spelling and type), the core's typed
//! response models out, converted straight to JavaScript values by napi's serde serializer (no
//! JSON text, no intermediate `serde_json::Value`), errors as data.

use napi::bindgen_prelude::{ToNapiValue, TypeName};
use napi::{sys, Env, JsValue, ValueType};
use serde::Serialize;
use serde_json::Value;

use crate::error::{outcome, NativeError, Outcome};

/// Reads an optional options object with the core's `from_json` (absent = `null` = defaults).
pub fn options<T>(v: Option<Value>, from_json: fn(&Value) -> opentok::Result<T>) -> opentok::Result<T> {
    from_json(&v.unwrap_or(Value::Null))
}

type Convert = Box<dyn FnOnce(&Env) -> napi::Result<sys::napi_value> + Send>;

/// A core response model (`Archive`, `ArchiveList`, `ConnectionList`, ...) on its way to
/// JavaScript: its serde form (the wire's camelCase, as the core settled it) becomes a JavaScript
/// value on the JavaScript thread via [`Env::to_js_value`]. One type for every model, so async
/// methods all return a promise of `Outcome<Model>`; the model's Rust type is erased only here.
pub struct Model(Convert);

impl Model {
    /// Wraps a core model for the trip to JavaScript.
    pub fn new<T: Serialize + Send + 'static>(model: T) -> Model {
        Model(Box::new(move |env: &Env| Ok(env.to_js_value(&model)?.raw())))
    }
}

impl TypeName for Model {
    fn type_name() -> &'static str {
        "Model"
    }

    fn value_type() -> ValueType {
        ValueType::Unknown
    }
}

impl ToNapiValue for Model {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        (val.0)(&Env::from_raw(env))
    }
}

/// A core answer as a JavaScript value, or the error as data.
pub fn model<T: Serialize + Send + 'static>(r: opentok::Result<T>) -> Outcome<Model> {
    outcome(r, Model::new)
}

/// A core answer without a body: `null` on success, else the error as data.
pub fn unit_outcome(r: opentok::Result<()>) -> Option<NativeError> {
    r.err().map(NativeError::from)
}

/// Declares REST operations of [`crate::client::NativeClient`], one entry each: `model fn` for
/// operations answering a model (a promise of `Outcome<Model>`), `unit fn` for those without
/// (a promise of `NativeError | null`). The body is an `async` block returning the core's
/// `Result`, using the client bound by `|c|` and the arguments by name; it runs on the addon's
/// runtime through [`crate::task::spawn`], which never settles into a torn-down environment.
macro_rules! rest_operations {
    () => {};
    ($(#[doc = $doc:literal])* model fn $name:ident $args:tt = |$c:ident| $body:expr; $($rest:tt)*) => {
        rest_operations!(@op "Promise<Outcome<Model>>", model, [$(#[doc = $doc])*] $name $args $c $body);
        rest_operations!($($rest)*);
    };
    ($(#[doc = $doc:literal])* unit fn $name:ident $args:tt = |$c:ident| $body:expr; $($rest:tt)*) => {
        rest_operations!(@op "Promise<NativeError | null>", unit_outcome, [$(#[doc = $doc])*] $name $args $c $body);
        rest_operations!($($rest)*);
    };
    (@op $ts:literal, $answer:ident, [$($doc:tt)*] $name:ident ($($arg:ident: $ty:ty),* $(,)?) $c:ident $body:expr) => {
        #[napi_derive::napi]
        impl NativeClient {
            $($doc)*
            #[napi(ts_return_type = $ts)]
            pub fn $name<'env>(
                &self,
                env: &'env napi::Env,
                $($arg: $ty),*
            ) -> napi::Result<napi::bindgen_prelude::Object<'env>> {
                let $c = self.core();
                $crate::task::spawn(env, async move { $crate::rest::$answer($body.await) })
            }
        }
    };
}
pub(crate) use rest_operations;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn absent_options_are_defaults_and_bad_ones_name_the_field() {
        let o = options(None, opentok::ArchiveOptions::from_json).unwrap();
        assert_eq!(o, opentok::ArchiveOptions::default());
        let e = options(Some(json!({"outputMode": "zip"})), opentok::ArchiveOptions::from_json).unwrap_err();
        assert_eq!(e.field(), Some("outputMode"));
    }

    // (Converting a model needs a live JavaScript engine: the tests under `tests/` cover it.)
    #[test]
    fn unit_outcomes_carry_errors() {
        let e = unit_outcome(Err(opentok::Error::invalid("digits", "must be digits", "x"))).unwrap();
        assert_eq!(e.field.as_deref(), Some("digits"));
        assert!(unit_outcome(Ok(())).is_none());
    }
}
