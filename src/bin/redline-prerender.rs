//! Prints the app's first screen as HTML: the page a first visit shows before
//! the wasm has arrived (the blank draft, the library, the verdicts for it).
//! scripts/post-build puts it into index.html; the app replaces it when it
//! starts (ARCHITECTURE.md, "The first screen").

fn main() {
    print!("{}", redline::shell::first_screen());
}
