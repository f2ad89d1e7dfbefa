//! Focus that would fall to the page's body finds a home. Many buttons end
//! their own life: Dismiss and Undo on a notice, "Back to the sources'
//! positions" on the scenario banner, "Try saving again" on an alert, "Open
//! a draft file" in the welcome; "Latest" disables itself. The browser then
//! focuses nothing, and a keyboard or screen-reader user is lost. One
//! listener for them all, rather than a focus call in every handler that
//! could forget one:
//!
//! - a control still there but disabled hands focus to the first enabled
//!   control beside it ("Latest" to the timeline's slider);
//! - otherwise the nearest ancestor that names a home (`data-focus-home`,
//!   an element id) sends focus there; the nearest section or region
//!   still on the page sends it to its first visible heading ("Your draft");
//! - failing both, the draft's heading, or the page's.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Listens for the page's lifetime; call once.
pub fn watch() {
    if super::PRERENDERING {
        return;
    }
    // Capture: the chain is read before any handler removes the control.
    let on_click = Closure::<dyn Fn()>::new(|| {
        let Some(active) = document().active_element().filter(|a| a.tag_name() != "BODY") else { return };
        let chain = ancestors(&active);
        let asked = LATEST.with(|l| l.get());
        rescue_after(FRAMES, asked, active, chain);
    });
    // Whatever the reader or the page does next (a key, a change, focus
    // placed anywhere) makes a pending rescue moot.
    let moved_on = Closure::<dyn Fn()>::new(|| LATEST.with(|l| l.set(l.get().wrapping_add(1))));
    for event in ["keydown", "change", "focusin"] {
        let _ = window().add_event_listener_with_callback_and_bool(event, moved_on.as_ref().unchecked_ref(), true);
    }
    let _ = window().add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
    on_click.forget();
    moved_on.forget();
}

thread_local! {
    /// Counts what happened since a click; a rescue runs only if nothing did.
    static LATEST: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// After work that removes what had focus without a click (a file read
/// in the background): focus `id` in the next frame if focus is lost.
pub fn home_if_lost(id: &'static str) {
    request_animation_frame(move || {
        if focus_lost() {
            if let Some(home) = document().get_element_by_id(id) {
                focus_if_shown(&home);
            }
        }
    });
}

/// Frames to wait before a rescue: code that moves focus itself (a card's
/// scenario controls look for theirs in the next three) goes first.
const FRAMES: u8 = 4;

fn rescue_after(frames: u8, asked: u32, was: Element, chain: Vec<Element>) {
    request_animation_frame(move || {
        if LATEST.with(|l| l.get()) != asked {
            return;
        }
        match frames {
            0 | 1 => rescue(was, chain),
            n => rescue_after(n - 1, asked, was, chain),
        }
    });
}

/// On the body, or (before the browser's own fix-up) on a control that
/// left the page or was disabled.
fn focus_lost() -> bool {
    document()
        .active_element()
        .is_none_or(|now| now.tag_name() == "BODY" || !now.is_connected() || now.has_attribute("disabled"))
}

fn ancestors(el: &Element) -> Vec<Element> {
    std::iter::successors(el.parent_element(), |e| e.parent_element()).collect()
}

fn rescue(was: Element, chain: Vec<Element>) {
    if !focus_lost() || (was.is_connected() && !was.has_attribute("disabled")) {
        return;
    }
    if was.is_connected() {
        let beside = was.parent_element().and_then(|p| {
            p.query_selector("input:not([disabled]), button:not([disabled]), select:not([disabled]), textarea")
                .ok()
                .flatten()
        });
        if beside.is_some_and(|b| focus_if_shown(&b)) {
            return;
        }
    }
    for el in &chain {
        if matches!(el.tag_name().as_str(), "MAIN" | "BODY") || el.id() == "app" {
            break;
        }
        if let Some(home) = el.get_attribute("data-focus-home") {
            if document().get_element_by_id(&home).is_some_and(|h| focus_if_shown(&h)) {
                return;
            }
            break;
        }
        let region = el.tag_name() == "SECTION" || el.get_attribute("role").as_deref() == Some("region");
        if region && el.is_connected() {
            if let Ok(headings) = el.query_selector_all("h2, h3") {
                for i in 0..headings.length() {
                    if headings.item(i).and_then(|h| h.dyn_into::<Element>().ok()).is_some_and(|h| focus_if_shown(&h)) {
                        return;
                    }
                }
            }
        }
    }
    for fallback in ["#draft-heading", ".masthead h1"] {
        if document().query_selector(fallback).ok().flatten().is_some_and(|h| focus_if_shown(&h)) {
            return;
        }
    }
}

/// Focuses `el` if it is laid out (not on a hidden tab); a heading gets
/// `tabindex="-1"` first, so it takes focus without becoming a tab stop.
fn focus_if_shown(el: &Element) -> bool {
    let Some(el) = el.dyn_ref::<HtmlElement>() else { return false };
    if el.offset_parent().is_none() {
        return false;
    }
    if matches!(el.tag_name().as_str(), "H1" | "H2" | "H3") && !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    el.focus().is_ok() && document().active_element().as_ref() == Some(el.unchecked_ref::<Element>())
}
