//! The core's enums read from text by the core's own `FromStr` (`"individual"`, `"1280x720"`,
//! `"bestFit"`): for bindings whose options arrive as text (Ruby symbols and strings) and must
//! become the typed options records without re-implementing the spellings.

use opentok::{ArchiveResolution, LayoutType, OutputMode, StreamMode};

use crate::error::Result;

/// An archive output mode (`composed`/`individual`), parsed by the core.
#[uniffi::export]
pub fn output_mode_from_text(value: String) -> Result<OutputMode> {
    Ok(value.parse()?)
}

/// A stream mode (`auto`/`manual`), parsed by the core.
#[uniffi::export]
pub fn stream_mode_from_text(value: String) -> Result<StreamMode> {
    Ok(value.parse()?)
}

/// A layout type (`bestFit`, `pip`, ...), parsed by the core.
#[uniffi::export]
pub fn layout_type_from_text(value: String) -> Result<LayoutType> {
    Ok(value.parse()?)
}

/// An archive resolution (`1280x720`, ...), parsed by the core.
#[uniffi::export]
pub fn archive_resolution_from_text(value: String) -> Result<ArchiveResolution> {
    Ok(value.parse()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NativeError;

    #[test]
    fn the_core_reads_the_text() {
        assert_eq!(output_mode_from_text("individual".into()).unwrap(), OutputMode::Individual);
        assert_eq!(stream_mode_from_text("Manual".into()).unwrap(), StreamMode::Manual);
        assert_eq!(layout_type_from_text("best_fit".into()).unwrap(), LayoutType::BestFit);
        assert_eq!(archive_resolution_from_text("1280x720".into()).unwrap(), ArchiveResolution::Hd);
        assert!(matches!(layout_type_from_text("sideways".into()), Err(NativeError::InvalidArgument { .. })));
    }
}
