//! The browser shell: Leptos components that wire the core to the page.
//! No rule about plans or verdicts lives here; views read signals and call
//! core methods (`Editor`, `evaluate`, `SearchIndex`).

#[cfg(not(target_arch = "wasm32"))]
mod about;
mod agreement;
mod app;
mod cite;
mod draft;
mod draft_rows;
mod drafts_bar;
mod focus_home;
mod library_panel;
mod links;
mod persist;
mod pictures;
mod rove;
mod scenario;
mod share_panel;
mod state;
mod storage;
mod stored_junk;
mod verdicts;
mod welcome;

use leptos::prelude::*;

use crate::library::Library;

mod on_demand;
pub(crate) use on_demand::on_demand;

/// True in `redline-prerender`, which renders the first screen natively with
/// no browser behind it: the shell then reads no storage and no address and
/// adds no listeners, so the page is exactly a first visit's blank draft.
pub(crate) const PRERENDERING: bool = cfg!(not(target_arch = "wasm32"));

/// Entry point called by `main` in the browser. The app is built in an
/// element outside the document, handed to public/start.js with
/// `redline:mounted`, which puts it in place of the build-time first screen
/// (`#app`) in the same task, carrying over scroll, focus, typed text and
/// clicks made while the wasm loaded.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(root) = next_root() else { return };
    let built = root.clone();
    match Library::embedded() {
        // Leaked once: the library lives as long as the page, and every view borrows it.
        Ok(library) => {
            leptos::mount::mount_to(root, move || view! { <app::App library=Box::leak(Box::new(library)) /> }).forget()
        }
        Err(errors) => leptos::mount::mount_to(root, move || view! { <Fatal errors=errors.to_string() /> }).forget(),
    }
    // public/start.js puts the app in the page in place of the first screen,
    // synchronously, before any effect runs.
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&built);
    if let Ok(mounted) = web_sys::CustomEvent::new_with_event_init_dict("redline:mounted", &init) {
        let _ = window().dispatch_event(&mounted);
    }
    if !built.is_connected() {
        put_in_place(&built);
    }
    on_demand::preload_when_offline_ready();
}

/// Puts the app in the page where no `start.js` of this build took it: one
/// of another build, left in a cache by a host that did not revalidate it.
/// Without the carry-over of what the reader did meanwhile, but a working
/// page rather than a first screen that never comes alive.
#[cfg(target_arch = "wasm32")]
fn put_in_place(app: &web_sys::HtmlElement) {
    let html = document().document_element();
    if let Some(html) = &html {
        html.set_class_name(html.class_name().replace("starting", "").trim());
    }
    match document().get_element_by_id("app") {
        Some(first) => {
            let _ = first.replace_with_with_node_1(app);
        }
        None => {
            let _ = document().body().map(|body| body.append_child(app));
        }
    }
    app.set_id("app");
}

/// The element the app is built in, outside the document: its elements then
/// join the page once, at the swap, rather than being appended and then
/// moved to where the first screen was (moving the library's lists into it
/// took 1-5 ms at 4x CPU instead of 7-18).
#[cfg(target_arch = "wasm32")]
fn next_root() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    Some(document().create_element("div").ok()?.unchecked_into::<web_sys::HtmlElement>())
}

/// Runs `body` once the current task is done, and again whenever a signal
/// it read changes: Leptos's `Effect::new`. Every effect goes through this
/// one call, with one closure type: `Effect::new` compiles its whole task
/// (its future, its state, the body inlined) once per closure type, about
/// half a KB of the wasm each visitor downloads, per effect.
pub(crate) fn effect(body: impl FnMut() + 'static) {
    erased_effect(Box::new(body))
}

#[inline(never)]
fn erased_effect(mut body: Box<dyn FnMut()>) {
    Effect::new(move |_| body());
}

/// `effect`, handed what its body returned the time before (`None` the
/// first time): how an effect writes only what changed.
pub(crate) fn effect_with<T: 'static>(mut body: impl FnMut(Option<T>) -> T + 'static) {
    let mut last = None;
    effect(move || last = Some(body(last.take())));
}

/// Scrolls the first element `selector` finds into view in the next frame,
/// as little as it takes (none if it is in view).
pub(crate) fn bring_into_view(selector: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().query_selector(selector).ok().flatten() {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

/// Scrolls the element `selector` names to the top of the view, at the next frame.
pub(crate) fn bring_to_top(selector: String) {
    request_animation_frame(move || {
        if let Some(el) = document().query_selector(&selector).ok().flatten() {
            el.scroll_into_view();
        }
    });
}

/// The element an event came from (or its ancestor) carrying the attribute
/// `name`, and that attribute's value: how the markup panels' delegated
/// handlers tell which control was used.
pub(crate) fn data_of(ev: &web_sys::Event, name: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest(&format!("[{name}]")).ok()??.get_attribute(name)
}

/// Library text in markup: the data is ours, but a title may hold `&` or `<`.
pub(crate) fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[component]
fn Fatal(errors: String) -> impl IntoView {
    view! {
        <main class="fatal" role="alert">
            <h1>"Redline could not load its clause library"</h1>
            <pre>{errors}</pre>
        </main>
    }
}

/// The first screen as HTML, for index.html: what a first visit shows (the
/// blank draft, the whole library, the verdicts), rendered by the same
/// components the app mounts, so the take-over changes nothing; and the
/// static footer, which only this build-time rendering ever builds.
#[cfg(not(target_arch = "wasm32"))]
pub fn first_screen(part: Part) -> String {
    // The shared context tells Leptos it renders for a server: listeners and
    // effects are skipped, as there is no browser to call.
    let owner = Owner::new_root(Some(std::sync::Arc::new(hydration_context::SsrSharedContext::new())));
    owner.with(|| match (Library::embedded(), part) {
        (Ok(library), Part::App) => view! { <app::App library=Box::leak(Box::new(library)) /> }.to_html(),
        (Ok(library), Part::Footer) => about::about_the_data(Box::leak(Box::new(library))),
        (Err(errors), Part::App) => view! { <Fatal errors=errors.to_string() /> }.to_html(),
        (Err(_), Part::Footer) => String::new(),
    })
}

/// Which part of the page `first_screen` renders.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy)]
pub enum Part {
    /// The app's first screen, replaced by the live app at start.
    App,
    /// The static footer, which stays.
    Footer,
}

/// "Crosses a hard red line", "A new draft was not opened". ASCII only, on
/// purpose: `char::to_uppercase` brings 13 KB of Unicode tables into the
/// download; a text that starts with a quote mark is left as it is.
pub fn capitalised(label: &str) -> String {
    let mut out = label.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}
