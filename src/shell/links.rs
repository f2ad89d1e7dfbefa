//! Opening share links: the page's `#plan=…` fragment is read at start and
//! on `hashchange`. A plan opens in viewing mode (shown, not stored; the
//! fragment stays, so reload, bookmarks and back/forward keep it); a broken
//! link becomes a message naming what is wrong, and nothing changes.

use leptos::ev;
use leptos::prelude::*;

use super::persist::Persistence;
use super::state::State;
use crate::share::open_fragment;

/// Reads the fragment now and whenever it changes; call once, inside the app.
pub fn watch(state: State, persist: Persistence, analyses: super::app::Analyses) {
    if super::PRERENDERING {
        return;
    }
    // The link on screen, put back in the address when a page anchor takes
    // its place (below).
    let shown_link = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    // `arrived`: a link pasted into a page already scrolled (no reload) puts
    // its bar into view, as a page opened afresh shows it (its alert, if
    // broken, comes into view as every new page alert does).
    let read = move |arrived: bool| {
        let hash = window().location().hash().unwrap_or_default();
        match open_fragment(&hash, state.library) {
            Some(Ok((shared, warnings))) => {
                shown_link.replace(hash);
                persist.view_shared(shared, warnings);
                if arrived {
                    super::bring_into_view(".viewing-bar");
                }
            }
            Some(Err(e)) => persist.broken_link.set(Some(e.to_string())),
            // Back or forward to the address without a fragment: the reader's
            // own drafts. A page anchor (a skip link) changes nothing.
            None if hash.trim_start_matches('#').is_empty() => {
                persist.broken_link.set(None);
                persist.leave_shared(false);
            }
            // `#grid`, `#compare`, `#agree`: open that analysis; other
            // anchors (the skip links) change nothing.
            None => {
                analyses.open_fragment(&hash);
                // Arriving at `#grid` (a bookmark, a link): the browser's own
                // scroll to it was made on the first screen, before the
                // analysis opened and filled; its heading is brought to the top.
                if !arrived && matches!(hash.as_str(), "#grid" | "#compare" | "#agree") {
                    super::bring_to_top(hash.clone());
                }
                // "About the data" or a skip link while a shared plan is on
                // screen: the address keeps the link, so that a reload, a
                // bookmark or a copied address still opens that plan.
                if persist.viewing.with_untracked(Option::is_some) {
                    if let Ok(history) = window().history() {
                        let link = shown_link.borrow();
                        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(link.as_str()));
                    }
                }
            }
        }
    };
    read(false);
    let listener = window_event_listener(ev::hashchange, move |_| read(true));
    on_cleanup(move || listener.remove());
}

/// This page's path and query, without the fragment.
fn page_path() -> String {
    let location = window().location();
    location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
}

/// Forgets the link once its plan is saved, so a reload does not show it again.
pub fn clear_fragment() {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_path()));
    }
}

/// Leaves the link as a history entry of its own: Back returns to it.
pub fn push_without_fragment() {
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_path()));
    }
}

/// The link that opens `fragment` on this page.
pub fn url_with_fragment(fragment: &str) -> String {
    format!("{}{}#{fragment}", window().location().origin().unwrap_or_default(), page_path())
}
