//! Merges the library's TOML files (`src/library/data/**/*.toml`) into one
//! JSON document in OUT_DIR, which the crate embeds with `include_str!`.
//!
//! Why at build time: the browser then needs no TOML parser (bytes every
//! visitor would download) and no network request for the data. The schema
//! itself is checked by the crate's own validation, which `cargo test` runs.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let data = Path::new("src/library/data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut files = Vec::new();
    collect_toml(data, &mut files);
    files.sort();

    let mut merged = serde_json::Map::new();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let table: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid TOML:\n{e}", file.display()));
        for (key, value) in table {
            let toml::Value::Array(items) = value else {
                panic!("{}: top-level `{key}` must be an array of tables ([[{key}]])", file.display());
            };
            let entry = merged.entry(key).or_insert_with(|| serde_json::Value::Array(Vec::new()));
            for item in items {
                entry.as_array_mut().expect("merged entries are arrays").push(to_json(&item, file));
            }
        }
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("library.json");
    let json = serde_json::to_string(&serde_json::Value::Object(merged)).expect("JSON values serialize");
    fs::write(&out, json).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
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

fn to_json(value: &toml::Value, file: &Path) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => J::from(*f),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Array(items) => J::Array(items.iter().map(|v| to_json(v, file)).collect()),
        toml::Value::Table(t) => J::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v, file))).collect()),
        toml::Value::Datetime(d) => {
            panic!("{}: dates are written as strings (\"{d}\"), not TOML dates", file.display())
        }
    }
}
