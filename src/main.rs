//! The web app's entry point. Trunk builds it for wasm32; natively it only
//! points to what a native build is for.

#[cfg(target_arch = "wasm32")]
fn main() {
    redline::shell::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Redline's web app runs in the browser: build it with `scripts/serve`. The native tool is `redline-cli`."
    );
    std::process::exit(2);
}
