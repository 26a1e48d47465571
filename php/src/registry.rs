//! Classes registered by hand at module startup with `ClassBuilder` (the exception tree, the
//! constant classes and the models), and the table that finds their class entries again.
//!
//! `ClassBuilder` takes parents and registration hooks as plain `fn` pointers, so the parent of
//! the class being registered is handed over in [`PARENT`] (startup is single-threaded).

use std::collections::HashMap;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Mutex;

use ext_php_rs::args::ArgInfoTables;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::zend::ClassEntry;

/// Class entries by class name, filled at module startup.
static CLASSES: Mutex<Option<HashMap<String, usize>>> = Mutex::new(None);
/// The parent of the class being registered.
static PARENT: AtomicPtr<ClassEntry> = AtomicPtr::new(std::ptr::null_mut());

fn pending_parent() -> &'static ClassEntry {
    // SAFETY: set by `register` to a class entry that lives as long as the module.
    unsafe { &*PARENT.load(Ordering::Acquire) }
}

fn remember(ce: &'static mut ClassEntry, args: ArgInfoTables) {
    // The engine keeps pointers into the argument tables for the life of the process.
    std::mem::forget(args);
    let name = ce.name().unwrap_or_default().to_string();
    let mut table = CLASSES.lock().unwrap_or_else(|e| e.into_inner());
    table.get_or_insert_with(HashMap::new).insert(name, ce as *mut ClassEntry as usize);
}

/// Registers class `name` as `configure` builds it (with `parent`, if any, and `interfaces`)
/// and remembers its entry.
pub fn register(
    name: &str,
    configure: impl FnOnce(ClassBuilder) -> ClassBuilder,
    parent: Option<&'static ClassEntry>,
    interfaces: &[&'static ClassEntry],
) -> ext_php_rs::error::Result<&'static ClassEntry> {
    let mut builder = configure(ClassBuilder::new(name)).registration(remember);
    if let Some(p) = parent {
        PARENT.store(p as *const ClassEntry as *mut ClassEntry, Ordering::Release);
        builder = builder.extends((pending_parent, ""));
    }
    builder.register()?;
    let ce = find(name).ok_or(ext_php_rs::error::Error::InvalidPointer)?;
    for iface in interfaces {
        // SAFETY: both entries are registered classes; the interface is an interface.
        unsafe {
            ext_php_rs::ffi::zend_do_implement_interface(
                ce as *const ClassEntry as *mut ClassEntry,
                *iface as *const ClassEntry as *mut ClassEntry,
            )
        };
    }
    Ok(ce)
}

/// The class entry registered under `name`.
pub fn find(name: &str) -> Option<&'static ClassEntry> {
    let table = CLASSES.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: entries are registered class entries, valid until module shutdown.
    table.as_ref()?.get(name).map(|p| unsafe { &*(*p as *const ClassEntry) })
}

/// The class entry registered under `name`; every name used is registered at startup.
pub fn class(name: &str) -> &'static ClassEntry {
    find(name).unwrap_or_else(|| panic!("class {name} is not registered"))
}
