//! Redline: draft a settlement of the Russia-Ukraine war and see, for every
//! actor, which of its stated red lines the draft crosses.
//!
//! The crate is a functional core with a thin browser shell:
//! - the core (`date`, `library`, `plan`, `editor`, `evaluate`, `search`) is plain Rust, tested
//!   natively, with no browser APIs;
//! - `shell` (wasm32 only) adapts it to the browser with Leptos.
//!
//! See ARCHITECTURE.md for the map.

pub mod changes;
pub mod date;
pub mod drafts;
pub mod editor;
mod embedded;
pub mod evaluate;
pub mod grid;
pub mod library;
pub mod plan;
pub mod qr;
pub mod repair;
pub mod report;
pub mod scenario;
pub mod search;
pub mod settle;
pub mod share;
pub mod timeline;

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod shell;
