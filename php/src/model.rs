//! The model classes (`OpenTok\Archive`, `Broadcast`, `Stream`, `Connection`, `SipCall`,
//! `Render`) and the lists (`ArchiveList`, `StreamList`, `ConnectionList`), registered at module
//! startup with one public property per field of the core's model (its wire camelCase name:
//! `$archive->id`, `$archive->createdAt`), so they never drift from the core.
//!
//! Models have `toArray()` and `toJson()`; lists have `totalCount()` and `getItems()` (and the
//! public `count` and `items` behind them) and are `IteratorAggregate`s over their items.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::Mutex;

use ext_php_rs::builders::{ClassProperty, FunctionBuilder};
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpException;
use ext_php_rs::flags::{DataType, MethodFlags, PropertyFlags};
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::{run_handler, ExecuteData};

/// A method written against the engine's calling convention.
type FunctionHandler = extern "C" fn(&mut ExecuteData, &mut Zval);
use serde::Serialize;
use serde_json::Value;

use crate::convert::{to_json, to_zval};
use crate::registry::{class, register};

/// Declared properties per model class.
static FIELDS: Mutex<Option<HashMap<&'static str, Vec<String>>>> = Mutex::new(None);

/// A model class: its PHP name and the core model it shows.
struct Model {
    name: &'static str,
    fields: Vec<String>,
}

fn fields_of<T: Serialize + Default>(extra: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = match serde_json::to_value(T::default()) {
        Ok(Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    };
    for e in extra {
        if !names_contains(&names, e) {
            names.push(e.to_string());
        }
    }
    names
}

fn names_contains(names: &[String], s: &str) -> bool {
    names.iter().any(|n| n == s)
}

fn models() -> Vec<Model> {
    vec![
        Model { name: "OpenTok\\Archive", fields: fields_of::<opentok::Archive>(&[]) },
        Model { name: "OpenTok\\Broadcast", fields: fields_of::<opentok::Broadcast>(&[]) },
        Model { name: "OpenTok\\Stream", fields: fields_of::<opentok::Stream>(&["forceMuted"]) },
        Model { name: "OpenTok\\Connection", fields: fields_of::<opentok::Connection>(&[]) },
        Model { name: "OpenTok\\SipCall", fields: fields_of::<opentok::SipCall>(&[]) },
        Model { name: "OpenTok\\Render", fields: fields_of::<opentok::Render>(&[]) },
    ]
}

/// The list classes and the model class of their items.
pub const LISTS: [(&str, &str); 3] = [
    ("OpenTok\\ArchiveList", "OpenTok\\Archive"),
    ("OpenTok\\StreamList", "OpenTok\\Stream"),
    ("OpenTok\\ConnectionList", "OpenTok\\Connection"),
];

fn public_null(name: &str) -> ClassProperty {
    ClassProperty {
        name: name.into(),
        flags: PropertyFlags::Public,
        default: Some(Box::new(|| Ok(Zval::null()))),
        docs: &[],
        ty: None,
        nullable: true,
        readonly: false,
        default_stub: None,
    }
}

fn method(name: &str, handler: FunctionHandler, returns: DataType) -> FunctionBuilder<'static> {
    FunctionBuilder::new(name, handler).returns(returns, false, false)
}

/// Registers the model and list classes (called at module startup).
pub fn register_classes() -> ext_php_rs::error::Result<()> {
    let mut table = HashMap::new();
    for m in models() {
        let fields = m.fields.clone();
        register(
            m.name,
            move |mut b| {
                for f in &fields {
                    b = b.property(public_null(f));
                }
                b.method(method("toArray", to_array, DataType::Array), MethodFlags::Public)
                    .method(method("toJson", to_json_method, DataType::String), MethodFlags::Public)
            },
            None,
            &[],
        )?;
        table.insert(m.name, m.fields);
    }
    for (name, _) in LISTS {
        register(
            name,
            |b| {
                b.property(public_null("count"))
                    .property(public_null("items"))
                    .method(method("totalCount", total_count, DataType::Long), MethodFlags::Public)
                    .method(method("getItems", get_items, DataType::Array), MethodFlags::Public)
                    .method(method("getIterator", get_iterator, DataType::Object("Traversable".into())), MethodFlags::Public)
            },
            None,
            &[ext_php_rs::zend::ce::aggregate()],
        )?;
    }
    *FIELDS.lock().unwrap_or_else(|e| e.into_inner()) = Some(table);
    Ok(())
}

/// A model object of class `name` from the core model's JSON form.
pub fn object(name: &str, value: &Value) -> Result<Zval, PhpException> {
    let mut obj = ZendObject::new(class(name));
    if let Value::Object(m) = value {
        let table = FIELDS.lock().unwrap_or_else(|e| e.into_inner());
        let declared = table.as_ref().and_then(|t| t.get(name));
        for (k, v) in m {
            if declared.is_some_and(|d| names_contains(d, k)) {
                obj.set_property(k, to_zval(v)).map_err(|e| PhpException::from(e.to_string()))?;
            }
        }
    }
    obj.into_zval(false).map_err(|e| PhpException::from(e.to_string()))
}

/// A model object of class `name` from a core model.
pub fn from_model<T: Serialize>(name: &str, model: &T) -> Result<Zval, PhpException> {
    let value = serde_json::to_value(model).map_err(|e| PhpException::from(e.to_string()))?;
    object(name, &value)
}

/// A list object (`ArchiveList`, ...) from a core page (`{"count", "items"}`).
pub fn list<T: Serialize>(list_name: &str, page: &T) -> Result<Zval, PhpException> {
    let item_class = LISTS.iter().find(|(l, _)| *l == list_name).map(|(_, i)| *i).unwrap_or("OpenTok\\Archive");
    let value = serde_json::to_value(page).map_err(|e| PhpException::from(e.to_string()))?;
    let mut items = ext_php_rs::types::ZendHashTable::new();
    if let Some(Value::Array(a)) = value.get("items") {
        for item in a {
            items.push(object(item_class, item)?).map_err(|e| PhpException::from(e.to_string()))?;
        }
    }
    let mut obj = ZendObject::new(class(list_name));
    let count = value.get("count").and_then(Value::as_i64).unwrap_or(0);
    obj.set_property("count", count).map_err(|e| PhpException::from(e.to_string()))?;
    obj.set_property("items", items).map_err(|e| PhpException::from(e.to_string()))?;
    obj.into_zval(false).map_err(|e| PhpException::from(e.to_string()))
}

/// Reads property `name` of `$this` into `retval`.
fn copy_property(ex: &mut ExecuteData, retval: &mut Zval, name: &str) {
    let Some(this) = ex.get_self() else { return };
    if let Ok(props) = this.get_properties() {
        // Declared properties are INDIRECT entries pointing at the object's slots.
        if let Some(v) = props.get(name) {
            *retval = v.indirect().unwrap_or(v).dereference().shallow_clone();
        }
    }
}

extern "C" fn total_count(ex: &mut ExecuteData, retval: &mut Zval) {
    run_handler(AssertUnwindSafe(|| copy_property(ex, retval, "count")));
}

extern "C" fn get_items(ex: &mut ExecuteData, retval: &mut Zval) {
    run_handler(AssertUnwindSafe(|| copy_property(ex, retval, "items")));
}

/// `foreach ($list as $item)`: an `ArrayIterator` over the items.
extern "C" fn get_iterator(ex: &mut ExecuteData, retval: &mut Zval) {
    run_handler(AssertUnwindSafe(|| {
        let mut items = Zval::new();
        copy_property(ex, &mut items, "items");
        if !items.is_array() {
            items = Zval::new_array();
        }
        let Some(ce) = ext_php_rs::zend::ClassEntry::try_find("ArrayIterator") else { return };
        let iterator = ZendObject::new(ce);
        if iterator.try_call_method("__construct", vec![&items]).is_ok() {
            if let Ok(z) = iterator.into_zval(false) {
                *retval = z;
            }
        }
    }));
}

extern "C" fn to_array(ex: &mut ExecuteData, retval: &mut Zval) {
    run_handler(AssertUnwindSafe(|| {
        let Some(this) = ex.get_self() else { return };
        if let Ok(props) = this.get_properties() {
            retval.set_hashtable(props.to_owned());
        }
    }));
}

extern "C" fn to_json_method(ex: &mut ExecuteData, retval: &mut Zval) {
    run_handler(AssertUnwindSafe(|| {
        let Some(this) = ex.get_self() else { return };
        let Ok(props) = this.get_properties() else { return };
        let mut z = Zval::new();
        z.set_hashtable(props.to_owned());
        let text = to_json("this", &z).ok().and_then(|v| serde_json::to_string(&v).ok()).unwrap_or_else(|| "{}".into());
        let _ = retval.set_string(&text, false);
    }));
}
