//! The browser shell: Leptos components that wire the core to the page.
//! No rule about plans or verdicts lives here; views read signals and call
//! core methods (`Editor`, `evaluate`, `SearchIndex`).

mod agreement;
mod app;
mod cite;
mod draft;
mod drafts_bar;
mod library_panel;
mod links;
mod persist;
mod pictures;
mod share_panel;
mod state;
mod storage;
mod verdicts;

use leptos::prelude::*;

use crate::library::Library;

/// Entry point called by `main` in the browser.
pub fn start() {
    console_error_panic_hook::set_once();
    match Library::embedded() {
        // Leaked once: the library lives as long as the page, and every view borrows it.
        Ok(library) => {
            leptos::mount::mount_to_body(move || view! { <app::App library=Box::leak(Box::new(library)) /> })
        }
        Err(errors) => leptos::mount::mount_to_body(move || {
            view! {
                <main class="fatal" role="alert">
                    <h1>"Redline could not load its clause library"</h1>
                    <pre>{errors.to_string()}</pre>
                </main>
            }
        }),
    }
}
