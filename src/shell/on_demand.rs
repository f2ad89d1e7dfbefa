//! Parts of the page a reader opens on demand (the grid, the comparison,
//! the agreement panel, a card's reasons, the share panel), or that only a
//! rare start needs (the alert about stored values that are not drafts), whose code comes
//! in wasm files of their own, split off the main one at build time
//! (scripts/split-link), so a first visit waits for less. Each is loaded
//! when first shown; a load that fails (a first visit gone offline) says so
//! with a way to try again, and the rest of the page keeps working. Once
//! the service worker holds every file, their code is loaded from its
//! cache, so that opening one, or printing (which shows the grid and every
//! card's reasons), needs no wait and no second download.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;

/// The view `load` builds once its code is there; until then a line that
/// says it is coming (a first open on a slow line takes a moment).
pub(crate) fn on_demand<Load, Fut>(load: Load) -> AnyView
where
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    // Only this line is compiled once per part: the view below, once in all.
    loaded_view(Arc::new(move || Box::pin(load()) as Pin<Box<dyn Future<Output = _>>>))
}

type Loader = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>> + Send + Sync>;

fn loaded_view(load: Loader) -> AnyView {
    let attempt = RwSignal::new(0u32);
    let loading = RwSignal::new(true);
    let part = move || {
        attempt.track();
        let load = load.clone();
        Suspend::new(SendWrapper::new(async move {
            let loaded = load().await;
            loading.set(false);
            match loaded {
                Ok(view) => view,
                Err(_) => view! {
                    <p class="load-failed" role="alert">
                        "This part of Redline could not be loaded (is the connection down?). "
                        <button type="button" on:click=move |_| {
                            loading.set(true);
                            attempt.update(|n| *n += 1);
                        }>"Try again"</button>
                    </p>
                }
                .into_any(),
            }
        }))
    };
    view! {
        <p class="loading" role="status">{move || loading.get().then_some("Loading…")}</p>
        {part}
    }
    .into_any()
}

/// Loads every on-demand part's code once a service worker controls the
/// page: it has cached every file of the build by then (public/sw.js), so
/// the parts come from its cache, never downloaded twice, and load when the
/// browser is idle, after the start. Where no worker runs (blocked, or a
/// browser without them) each part loads when first opened.
#[cfg(target_arch = "wasm32")]
pub(crate) fn preload_when_offline_ready() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let preload = || {
        super::app::when_idle(|| {
            leptos::task::spawn_local(async {
                // A part that fails here is tried again when opened, and says so then.
                let _ = super::pictures::grid_preload().await;
                let _ = super::pictures::comparison_preload().await;
                let _ = super::agreement::panel_preload().await;
                let _ = super::verdicts::card_reasons_preload().await;
                let _ = super::share_panel::share_panel_preload().await;
            })
        })
    };
    let workers = window().navigator().service_worker();
    if workers.controller().is_some() {
        return preload();
    }
    // A first visit: the worker takes the page over once it has installed.
    let once = Closure::once_into_js(preload);
    let _ = workers.add_event_listener_with_callback("controllerchange", once.unchecked_ref());
}
