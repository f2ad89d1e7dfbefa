//! One tab stop per group (a "roving tabindex"): inside an element of class
//! `rove`, the arrow keys, Home and End move focus between its items, and
//! Tab leaves the group from wherever focus is. Without it the library cost
//! two tab stops a clause (the toggle and its "Text and sources"), about 200
//! to cross. Handlers are delegated to the container holding the groups, so
//! the hundreds of items carry no closure of their own.
//!
//! The view renders `tabindex="0"` on the first item of each group and `-1`
//! on the others; these handlers move the 0 to wherever focus goes.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The items of a group that are shown: a clause's toggle and its summary,
/// a grid's cell buttons, or the agreement's pairs (153 tab stops otherwise).
/// Hidden ones (search, preset filter) are skipped.
const SHOWN: &str =
    ":scope > li.clause:not([hidden]) > .toggle, :scope > li.clause:not([hidden]) > details > summary, \
                     :scope .cell-button, :scope button[data-pair]";
const ALL: &str =
    ":scope > li.clause > .toggle, :scope > li.clause > details > summary, :scope .cell-button, :scope button[data-pair]";

fn items(group: &Element) -> Vec<HtmlElement> {
    select(group, SHOWN)
}

fn select(group: &Element, selector: &str) -> Vec<HtmlElement> {
    let Ok(list) = group.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
}

fn group_of(target: &Element) -> Option<(Element, Vec<HtmlElement>, usize)> {
    let group = target.closest(".rove").ok()??;
    let items = items(&group);
    let at = items.iter().position(|i| i.unchecked_ref::<Element>() == target)?;
    Some((group, items, at))
}

fn make_tab_stop(group: &Element, stop: &HtmlElement) {
    for item in select(group, ALL) {
        let _ = item.set_attribute("tabindex", if &item == stop { "0" } else { "-1" });
    }
}

/// Arrow keys move within the group: Right and Left to the next and previous
/// item, Down and Up to the next and previous of the same kind (in a grid,
/// `data-columns` on the group: the same column of the row below or above),
/// Home and End to the first and last. Enter and Space are left to the item
/// (a button picks, a summary opens).
pub fn on_keydown(ev: web_sys::KeyboardEvent) {
    if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return;
    }
    if ev.key() == "Tab" {
        if let Some(container) = ev.current_target().and_then(|t| t.dyn_into::<Element>().ok()) {
            repair_tab_stops(&container);
        }
        return;
    }
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some((group, items, at)) = group_of(&target) else { return };
    let columns = group.get_attribute("data-columns").and_then(|c| c.parse::<usize>().ok()).unwrap_or(1);
    // Up and Down stay with items of the same kind (toggle to toggle,
    // summary to summary); Left and Right also step into a clause's summary.
    let kind = items[at].tag_name();
    let same: Vec<usize> = (0..items.len()).filter(|&i| items[i].tag_name() == kind).collect();
    let k = same.iter().position(|&i| i == at).unwrap_or(0);
    let next = match ev.key().as_str() {
        "ArrowDown" => same[(k + columns).min(same.len() - 1)],
        "ArrowUp" => same[k.saturating_sub(columns)],
        "ArrowRight" => (at + 1).min(items.len() - 1),
        "ArrowLeft" => at.saturating_sub(1),
        "Home" => same[0],
        "End" => same[same.len() - 1],
        _ => return,
    };
    ev.prevent_default();
    make_tab_stop(&group, &items[next]);
    let _ = items[next].focus();
}

/// Wherever focus lands in a group (arrow, click, script), that item becomes
/// the group's tab stop.
pub fn on_focusin(ev: web_sys::FocusEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some((group, items, at)) = group_of(&target) else { return };
    make_tab_stop(&group, &items[at]);
}

/// Before Tab moves focus, every group but the one focus is in gets a
/// shown tab stop: its picked answer for a choice of one (so Tab or
/// Shift+Tab lands on it, as with native radios), else the item last
/// focused, or its first shown item when a search or filter hid that one.
fn repair_tab_stops(container: &Element) {
    let Ok(groups) = container.query_selector_all(".rove") else { return };
    let focused = document().active_element();
    for g in 0..groups.length() {
        let Some(group) = groups.item(g).and_then(|g| g.dyn_into::<Element>().ok()) else { continue };
        if focused.as_ref().is_some_and(|f| group.contains(Some(f))) {
            continue;
        }
        let shown = items(&group);
        let picked = shown.iter().find(|i| {
            i.get_attribute("role").as_deref() == Some("radio")
                && i.get_attribute("aria-checked").as_deref() == Some("true")
        });
        if let Some(picked) = picked {
            make_tab_stop(&group, picked);
        } else if !shown.iter().any(|i| i.tab_index() == 0) {
            if let Some(first) = shown.first() {
                make_tab_stop(&group, first);
            }
        }
    }
}
