//! Moderation: `forceDisconnect`, `forceMuteStream`, `forceMuteAll`, `disableForceMute`.

use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use opentok::MuteAllOptions;
use serde_json::Value;

use crate::client::NativeClient;
use crate::rest::{options, try_unit, unit_outcome};
use crate::task::spawn;

#[napi]
impl NativeClient {
    /// `DELETE /session/{sid}/connection/{cid}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn force_disconnect<'env>(
        &self,
        env: &'env Env,
        session_id: String,
        connection_id: String,
    ) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { unit_outcome(client.force_disconnect(&session_id, &connection_id).await) })
    }

    /// `POST /session/{sid}/stream/{streamId}/mute`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn mute_stream<'env>(&self, env: &'env Env, session_id: String, stream_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { unit_outcome(client.mute_stream(&session_id, &stream_id).await) })
    }

    /// `POST /session/{sid}/mute` `{active: true, excludedStreamIds}`; `options` is
    /// `{excludedStreamIds}` (the core also reads `excludedStreams`).
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn mute_all<'env>(&self, env: &'env Env, session_id: String, options_: Option<Value>) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move {
            let o = try_unit!(options(options_, MuteAllOptions::from_json));
            unit_outcome(client.mute_all(&session_id, &o).await)
        })
    }

    /// `POST /session/{sid}/mute` `{active: false}`.
    #[napi(ts_return_type = "Promise<NativeError | null>")]
    pub fn disable_force_mute<'env>(&self, env: &'env Env, session_id: String) -> napi::Result<Object<'env>> {
        let client = self.core();
        spawn(env, async move { unit_outcome(client.disable_force_mute(&session_id).await) })
    }
}
