//! Reads the library's TOML files (`src/library/data/**/*.toml`) into the
//! schema types of `src/library/raw.rs` and embeds them as postcard bytes in
//! OUT_DIR, which the crate includes with `include_bytes!`.
//!
//! Why at build time: the browser then needs no TOML parser and no field-name
//! matching (bytes every visitor would download) and makes no request for
//! the data; and a file that does not fit the schema fails the build with its
//! path. Cross-references are checked by the crate's own validation, which
//! `cargo test` runs.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/library/raw.rs"]
#[allow(dead_code)]
mod raw;

fn main() {
    let data = Path::new("src/library/data");
    println!("cargo:rerun-if-changed=src/library/raw.rs");
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
