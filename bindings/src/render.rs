//! Experience Composer renders: the core's `render.rs` operations.

use opentok::{ListOptions, Render, RenderList, RenderOptions};

use crate::client::Client;
use crate::rest::rest_operations;

rest_operations! {
    /// Starts rendering a web page into a session (`POST /render`).
    fn start_render / start_render_blocking(session_id: String, token: String, options: RenderOptions) -> Render =
        |c| c.start_render(&session_id, &token, &options);
    /// Reads a render (`GET /render/{id}`).
    fn get_render / get_render_blocking(render_id: String) -> Render = |c| c.get_render(&render_id);
    /// Stops a render (`DELETE /render/{id}`).
    fn stop_render / stop_render_blocking(render_id: String) -> () = |c| c.stop_render(&render_id);
    /// Lists renders (`GET /render?offset&count`).
    fn list_renders / list_renders_blocking(options: ListOptions) -> RenderList = |c| c.list_renders(&options);
}
