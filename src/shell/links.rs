//! Opening share links: the page's `#plan=…` fragment is read at start and
//! on `hashchange`, and becomes an offer (view it, or save it as a new
//! draft) or a message naming what is wrong. Nothing is stored, and no
//! draft changes, until the user chooses.

use leptos::ev;
use leptos::prelude::*;

use super::persist::{Incoming, Persistence};
use super::state::{State, Tab};
use crate::share::open_fragment;

/// Reads the fragment now and whenever it changes; call once, inside the app.
pub fn watch(state: State, persist: Persistence) {
    let read = move || {
        let hash = window().location().hash().unwrap_or_default();
        let Some(opened) = open_fragment(&hash, state.library) else { return };
        persist.incoming.set(Some(match opened {
            Ok((plan, warnings)) => Incoming::Plan { plan, warnings },
            Err(e) => Incoming::Broken(e.to_string()),
        }));
        // On a phone the offer is in the draft tab.
        state.tab.set(Tab::Draft);
    };
    read();
    let listener = window_event_listener(ev::hashchange, move |_| read());
    on_cleanup(move || listener.remove());
}

/// This page's path and query, without the fragment.
fn page_path() -> String {
    let location = window().location();
    location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
}

/// Forgets the link once the user has chosen, so a reload does not ask again.
pub fn clear_fragment() {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_path()));
    }
}

/// The link that opens `fragment` on this page.
pub fn url_with_fragment(fragment: &str) -> String {
    format!("{}{}#{fragment}", window().location().origin().unwrap_or_default(), page_path())
}
