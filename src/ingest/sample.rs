//! The sample archive bundled in the binary (written for kiosk; see `assets/sample/README.md`),
//! imported into an empty store on first start and by `kiosk import --sample`.

use std::path::Path;

use super::{Format, Importer};
use crate::store::StoreError;

include!(concat!(env!("OUT_DIR"), "/sample_files.rs"));

/// Imports every bundled sample article; the folder of each file names its source.
pub fn import_sample(importer: &mut Importer<'_>) -> Result<(), StoreError> {
    for (relative, bytes) in SAMPLE_FILES {
        let location = format!("sample/{relative}");
        importer.import_bytes(
            &location,
            Some(Path::new(relative)),
            bytes,
            Some(Format::Text),
        )?;
    }
    Ok(())
}
