//! Reads the library's TOML files (`src/library/data/**/*.toml`) into the
//! schema types of `src/library/raw.rs`, validates and resolves them with the
//! crate's own library module (ids to indices, conditions compiled, the
//! clause id table checked), and embeds the resolved library as postcard
//! bytes in OUT_DIR, which the crate includes with `include_bytes!`.
//!
//! Why at build time: the browser then needs no TOML parser, no field-name
//! matching and no validation code (bytes every visitor would download),
//! makes no request for the data and does no work at start but decoding;
//! and a file that does not fit the schema, or a reference that does not
//! resolve, fails the build with every error listed.

use std::fs;
use std::path::{Path, PathBuf};

// The crate's own modules, compiled into this build script: the library
// module needs only `crate::date` besides itself.
#[path = "src/date.rs"]
#[allow(dead_code)]
mod date;
#[path = "src/library/mod.rs"]
#[allow(dead_code, unused_imports)]
mod library;

use library::raw;

fn main() {
    let data = Path::new("src/library/data");
    for code in [
        "src/date.rs",
        "src/library/mod.rs",
        "src/library/raw.rs",
        "src/library/validate.rs",
        "src/library/condition.rs",
        "src/library/clause_ids.txt",
    ] {
        println!("cargo:rerun-if-changed={code}");
    }
    println!("cargo:rerun-if-changed={}", data.display());
    let mut files = Vec::new();
    collect_toml(data, &mut files);
    files.sort();

    let mut library = raw::RawLibrary::default();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let part: raw::RawLibrary = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} does not fit docs/library-schema.md:\n{e}", file.display()));
        library.append(part);
    }
    let library = library::Library::from_raw_checked(&library)
        .unwrap_or_else(|errors| panic!("the library in {} is not valid:\n{errors}", data.display()));
    let bytes = postcard::to_allocvec(&library).expect("the library serializes");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("library.postcard");
    fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect_toml(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}
