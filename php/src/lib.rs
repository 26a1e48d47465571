//! `opentok`: the PHP extension (ext-php-rs) over the `opentok` core, a drop-in for the
//! `opentok/opentok` 4.x Composer package.
//!
//! Modules: [`client`] (`OpenTok\OpenTok`: construction, sessions, tokens, every REST method),
//! [`session`] (`OpenTok\Session`), [`token`] (the token payload array), [`layout`]
//! (`OpenTok\Layout`), [`model`] (the model and list classes), [`events`] (`OpenTok\Events::parse`
//! and the webhook event classes), [`constants`] (`MediaMode`, `Role`, ...), [`error`] (the
//! official exception tree and the core error → class table), [`seed`] (`OpenTokSDK`),
//! [`convert`] (PHP values ↔ JSON), [`registry`] (classes registered at startup) and [`runtime`]
//! (the per-process tokio runtime the blocking calls run on).

use ext_php_rs::prelude::*;
use ext_php_rs::zend::ModuleEntry;

mod client;
mod constants;
mod convert;
mod error;
mod events;
mod layout;
mod model;
mod registry;
mod runtime;
mod seed;
mod session;
mod token;

/// The running PHP's version (`8.2.36`), for the User-Agent.
pub(crate) fn php_version() -> String {
    ZendCallable::try_from_name("phpversion")
        .ok()
        .and_then(|f| f.try_call(vec![]).ok())
        .and_then(|v| v.string())
        .unwrap_or_else(|| "8".into())
}

/// Registers the classes built by hand (exceptions, constants, models, events) at module startup.
unsafe extern "C" fn startup(_ty: i32, _module_number: i32) -> i32 {
    let registered = std::panic::catch_unwind(|| {
        error::register_classes()
            .and_then(|_| constants::register_classes())
            .and_then(|_| model::register_classes())
            .and_then(|_| events::register_classes())
    });
    match registered {
        Ok(Ok(())) => 0,
        _ => -1,
    }
}

/// `phpinfo()` section.
extern "C" fn info(_module: *mut ModuleEntry) {
    ext_php_rs::info_table_start!();
    ext_php_rs::info_table_row!("opentok support", "enabled");
    ext_php_rs::info_table_row!("version", env!("CARGO_PKG_VERSION"));
    ext_php_rs::info_table_row!("core version", opentok::VERSION);
    ext_php_rs::info_table_end!();
}

/// The module: `extension=opentok` (the library is `libopentok_php.so`).
#[php_module]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    module
        .name("opentok")
        .version(env!("CARGO_PKG_VERSION"))
        .startup_function(startup)
        .info_function(info)
        .class::<layout::Layout>()
        .class::<client::OpenTok>()
        .class::<session::Session>()
        .class::<seed::OpenTokSdk>()
        .class::<events::Events>()
}
