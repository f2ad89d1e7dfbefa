//! Prints a part of the page rendered at build time, for scripts/post-build:
//! `app` (default), the first screen a first visit shows before the wasm has
//! arrived (the blank draft, the library, the verdicts), which the app
//! replaces when it starts (ARCHITECTURE.md, "The first screen"); or
//! `footer`, the static "About the data", which stays.

use redline::shell::{first_screen, Part};

fn main() {
    let part = match std::env::args().nth(1).as_deref() {
        None | Some("app") => Part::App,
        Some("footer") => Part::Footer,
        Some(other) => {
            eprintln!("redline-prerender: unknown part {other:?}; expected app or footer");
            std::process::exit(2);
        }
    };
    print!("{}", first_screen(part));
}
