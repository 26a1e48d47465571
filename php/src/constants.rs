//! The official constant classes: `MediaMode`, `ArchiveMode`, `Role`, `OutputMode` and
//! `StreamMode`, with the official values (the wire strings the core reads).

use ext_php_rs::flags::ConstantFlags;

use crate::registry::register;

const CLASSES: &[(&str, &[(&str, &str)])] = &[
    ("OpenTok\\MediaMode", &[("ROUTED", "disabled"), ("RELAYED", "enabled")]),
    ("OpenTok\\ArchiveMode", &[("MANUAL", "manual"), ("ALWAYS", "always")]),
    (
        "OpenTok\\Role",
        &[
            ("SUBSCRIBER", "subscriber"),
            ("PUBLISHER", "publisher"),
            ("MODERATOR", "moderator"),
            ("PUBLISHER_ONLY", "publisheronly"),
        ],
    ),
    ("OpenTok\\OutputMode", &[("COMPOSED", "composed"), ("INDIVIDUAL", "individual")]),
    ("OpenTok\\StreamMode", &[("AUTO", "auto"), ("MANUAL", "manual")]),
];

/// Registers the constant classes (called at module startup).
pub fn register_classes() -> ext_php_rs::error::Result<()> {
    for (name, constants) in CLASSES {
        let mut failed = None;
        register(
            name,
            |mut b| {
                for (k, v) in *constants {
                    match b.constant(*k, *v, &[], ConstantFlags::Public) {
                        Ok(next) => b = next,
                        Err(e) => {
                            failed = Some(e);
                            return ext_php_rs::builders::ClassBuilder::new(format!("{name}__failed"));
                        }
                    }
                }
                b
            },
            None,
            &[],
        )?;
        if let Some(e) = failed {
            return Err(e);
        }
    }
    Ok(())
}
