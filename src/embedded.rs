//! The library compiled into this binary: `build.rs` read it from
//! `src/library/data/`, validated and resolved it (ids to indices, conditions
//! compiled, the clause id table checked) and wrote it as postcard bytes. The
//! browser only decodes, and carries no validation code. This lives outside
//! `library/` because `build.rs` compiles that module, before these bytes exist.

use crate::library::{Library, LibraryErrors};

const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/library.postcard"));

impl Library {
    /// The library compiled into this binary.
    pub fn embedded() -> Result<Library, LibraryErrors> {
        postcard::from_bytes(EMBEDDED)
            .map_err(|e| LibraryErrors(vec![format!("the embedded library does not decode: {e}")]))
    }
}
