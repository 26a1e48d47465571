//! How a REST operation of the core becomes two exported methods of [`crate::Client`]: an async
//! one (Kotlin `suspend`) and a `_blocking` twin (Java, and Ruby, which attaches it with
//! `blocking: true` so the GVL is released while the core waits on the network).
//!
//! Arguments and answers are the core's own types: options, models and enums are uniffi Records
//! and Enums derived in the core (feature `uniffi`), so their fields and doc comments reach the
//! generated Kotlin and Ruby unchanged, and no JSON crosses the boundary. Adding an operation is
//! one entry in the area module that mirrors the core module (`archive.rs`, `broadcast.rs`, ...).

/// Declares REST operations: each entry names the async method and its blocking twin, the
/// arguments (uniffi types), the answer, and the core call using the arguments by name.
macro_rules! rest_operations {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident / $blocking:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty = |$core:ident| $call:expr;
    )*) => {$(
        #[uniffi::export(async_runtime = "tokio")]
        impl Client {
            $(#[doc = $doc])*
            pub async fn $name(&self, $($arg: $ty),*) -> $crate::error::Result<$ret> {
                let $core = self.core().clone();
                Ok($call.await?)
            }

            $(#[doc = $doc])*
            ///
            /// Blocks the calling thread until the answer arrives.
            pub fn $blocking(&self, $($arg: $ty),*) -> $crate::error::Result<$ret> {
                let $core = self.core().clone();
                Ok($crate::client::block_on(async move { $call.await })?)
            }
        }
    )*};
}
pub(crate) use rest_operations;

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use opentok::{ArchiveOptions, ArchiveResolution, ListOptions, OutputMode};

    use crate::client::{Client, ClientConfig};
    use crate::NativeError;

    /// A client of a closed port: reaching the network would be a Connect error.
    fn client() -> Arc<Client> {
        let config = ClientConfig { api_url: Some("http://127.0.0.1:9".into()), max_retries: Some(0), ..Default::default() };
        Client::new("123456".into(), "1234567890abcdef1234567890abcdef1234567890".into(), config).unwrap()
    }

    #[test]
    fn core_rules_refuse_typed_options_before_sending() {
        let options = ArchiveOptions {
            output_mode: Some(OutputMode::Individual),
            resolution: Some(ArchiveResolution::Hd),
            ..Default::default()
        };
        match client().start_archive_blocking("SESSIONID".into(), options) {
            Err(NativeError::InvalidArgument { field, text, .. }) => {
                assert_eq!(field.as_deref(), Some("resolution"), "{text}");
            }
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
        match client().list_archives_blocking(ListOptions { count: Some(0), ..Default::default() }) {
            Err(NativeError::InvalidArgument { field, .. }) => assert_eq!(field.as_deref(), Some("count")),
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
    }

    #[test]
    fn session_ids_are_left_to_the_service_and_errors_keep_their_kind() {
        // A placeholder id is sent (here: to a closed port), not refused by the client.
        let e = client().list_streams_blocking("SESSIONID".into()).unwrap_err();
        assert!(matches!(e, NativeError::Connect { .. } | NativeError::Timeout { .. }), "{e:?}");
    }

    #[test]
    fn async_twins_run_on_the_runtime() {
        let c = client();
        let e = crate::client::block_on(async move { c.get_archive("a1".into()).await }).unwrap_err();
        assert!(matches!(e, NativeError::Connect { .. } | NativeError::Timeout { .. }), "{e:?}");
    }
}
