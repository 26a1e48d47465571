//! Callback registrations (new: the official Python SDK has none): `list_callbacks`,
//! `register_callback`, `unregister_callback`.

use opentok::CallbackOptions;

use crate::rest::{build, json_op, unit_op, Args, Op};

/// Starts callback operation `name`, or `None` when it is not one.
pub(crate) fn op(name: &str, c: &opentok::Client, a: &Args) -> Option<opentok::Result<Op>> {
    let c = c.clone();
    Some(match name {
        "list_callbacks" => build(|| Ok(json_op!(async move { c.list_callbacks().await }))),
        "register_callback" => build(|| {
            let o = CallbackOptions::from_json(&a.value(0))?;
            Ok(json_op!(async move { c.register_callback(&o).await }))
        }),
        "unregister_callback" => build(|| {
            let id = a.string(0, "callback_id")?;
            Ok(unit_op(async move { c.delete_callback(&id).await }))
        }),
        _ => return None,
    })
}
