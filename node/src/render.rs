//! Experience Composer: `startRender`, `getRender`, `stopRender`, `listRenders`.

use opentok::{ListOptions, RenderOptions};
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{options, rest_operations};

rest_operations! {
    /// `POST /render`; `options` is `{url, maxDuration, resolution, properties: {name}, statusCallbackUrl}`.
    model fn start_render(session_id: String, token: String, options_: Option<Value>) = |c| async move {
        c.start_render(&session_id, &token, &options(options_, RenderOptions::from_json)?).await
    };
    /// `GET /render/{id}`.
    model fn get_render(render_id: String) = |c| async move { c.get_render(&render_id).await };
    /// `DELETE /render/{id}`.
    unit fn stop_render(render_id: String) = |c| async move { c.stop_render(&render_id).await };
    /// `GET /render?offset&count`: `{count, items}`.
    model fn list_renders(options_: Option<Value>) = |c| async move {
        c.list_renders(&options(options_, ListOptions::from_json)?).await
    };
}
