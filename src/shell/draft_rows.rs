//! The draft's rows: escaped markup of library text with delegated
//! handlers, kept in step with the draft by effects that touch only the
//! rows whose state moved, as the library's entries are (library_panel.rs).
//!
//! Why not Leptos views: building or dropping a row's view (a dozen
//! elements, eight reactive attributes and their owner) was the largest
//! single piece of a click that adds or removes a clause on a wide screen
//! (docs/performance.md); as markup a row is one parse, and dropping it is
//! one call.

use std::fmt::Write;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::esc;
use super::state::{draft_row_id, State, Tab};
use crate::library::{group_digits, ClauseIx, Library, Param, TopicIx};

/// Which of a row's two locks: the clause's, or its parameter value's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lock {
    Clause,
    Value,
}

impl Lock {
    fn class(self) -> &'static str {
        match self {
            Lock::Clause => "lock",
            Lock::Value => "lock lock-value",
        }
    }

    fn selector(self) -> &'static str {
        match self {
            Lock::Clause => "button.lock:not(.lock-value)",
            Lock::Value => "button.lock-value",
        }
    }

    /// What it says unlocked, how its name begins unlocked ("Lock value of
    /// X") and what it says locked (name "Value locked: X"). The name holds
    /// the visible words (WCAG 2.5.3), so it follows them.
    fn words(self) -> [&'static str; 3] {
        match self {
            Lock::Clause => ["Lock", "Lock", "Locked"],
            Lock::Value => ["Lock value", "Lock value of", "Value locked"],
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Lock::Clause => "Keep this clause when finding agreement",
            Lock::Value => {
                "Keep this value when finding agreement (a plain Lock keeps the clause and lets the value move)"
            }
        }
    }

    fn list(self, state: State) -> RwSignal<Vec<ClauseIx>> {
        match self {
            Lock::Clause => state.locked,
            Lock::Value => state.value_locked,
        }
    }

    /// The button's text and accessible name.
    fn says(self, locked: bool, title: &str) -> (&'static str, String) {
        let [off, off_name, on] = self.words();
        if locked {
            (on, format!("{on}: {title}"))
        } else {
            (off, format!("{off_name} {title}"))
        }
    }

    fn html(self, h: &mut String, locked: bool, title: &str) {
        let (text, name) = self.says(locked, title);
        let _ = write!(
            h,
            "<button type=\"button\" class=\"{}\" aria-pressed=\"{locked}\" aria-label=\"{}\" title=\"{}\">{text}</button>",
            self.class(),
            esc(&name),
            esc(self.hint())
        );
    }
}

/// What a row shows that the draft can change after it is built.
struct RowState {
    value: Option<i64>,
    locked: bool,
    value_locked: bool,
    highlighted: bool,
}

impl RowState {
    fn now(state: State, clause: ClauseIx) -> RowState {
        let held = |list: RwSignal<Vec<ClauseIx>>| list.with_untracked(|l| l.contains(&clause));
        RowState {
            value: state.selection.with_untracked(|s| s.value(clause)),
            locked: held(state.locked),
            value_locked: held(state.value_locked),
            highlighted: state.highlighted.get_untracked() == Some(clause),
        }
    }
}

fn row_class(highlighted: bool) -> &'static str {
    if highlighted {
        "draft-row highlight"
    } else {
        "draft-row"
    }
}

/// A row's inside: its title, Lock and Remove, and its parameter's control.
fn row_inner_html(library: &Library, clause: ClauseIx, row: &RowState) -> String {
    let c = &library.clauses[clause];
    let title = esc(&c.title);
    let mut h = String::new();
    let _ = write!(h, "<div class=\"row-head\"><span class=\"title\">{title}</span>");
    Lock::Clause.html(&mut h, row.locked, &c.title);
    let _ = write!(h, "<button type=\"button\" class=\"remove\" aria-label=\"Remove {title}\">Remove</button></div>");
    if let Some(p) = &c.param {
        h.push_str("<div class=\"param\">");
        param_html(&mut h, &esc(&c.id), p, row);
        Lock::Value.html(&mut h, row.value_locked, &c.title);
        h.push_str("</div>");
    }
    h
}

/// The parameter's number field, live as the reader types: a valid number
/// updates the draft at once; anything else is said beside the field
/// (`aria-invalid`), and the verdicts keep the last valid value. Then the
/// values the sources name, as buttons (one value is not a choice: said).
/// The inside of the row's `div.param`.
fn param_html(h: &mut String, id: &str, p: &Param, row: &RowState) {
    let value = row.value.unwrap_or(p.default);
    let (name, unit) = (esc(&p.name), esc(&p.unit));
    let _ = write!(
        h,
        "<label for=\"value-{id}\">{name} ({unit})</label>\
         <input id=\"value-{id}\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" class=\"value-input\" \
         value=\"{}\" aria-invalid=\"false\" aria-describedby=\"value-{id}-problem\">\
         <p id=\"value-{id}-problem\" class=\"problem\" aria-live=\"polite\"></p>",
        group_digits(value)
    );
    if let [only] = p.marks.as_slice() {
        let _ = write!(
            h,
            "<p class=\"marks one-mark\">The source names <strong>{}</strong> ({})</p>",
            esc(&p.format(only.value)),
            esc(&only.label)
        );
    } else {
        let _ = write!(h, "<div class=\"marks\" role=\"group\" aria-label=\"Values the sources name for {name}\">");
        for m in &p.marks {
            let label = esc(&m.label);
            let _ = write!(
                h,
                "<button type=\"button\" class=\"mark-value\" aria-pressed=\"{}\" title=\"{label}\" data-value=\"{}\">\
                 {}<span class=\"mark-label\">{label}</span></button>",
                row.value == Some(m.value),
                m.value,
                esc(&p.format(m.value))
            );
        }
        h.push_str("</div>");
    }
}

fn build_row(state: State, clause: ClauseIx) -> Option<web_sys::Element> {
    let library = state.library;
    let row = RowState::now(state, clause);
    let li = document().create_element("li").ok()?;
    li.set_id(&draft_row_id(library, clause));
    li.set_class_name(row_class(row.highlighted));
    let _ = li.set_attribute("tabindex", "-1");
    let _ = li.set_attribute("data-clause", &library.clauses[clause].id);
    li.set_inner_html(&row_inner_html(library, clause, &row));
    Some(li)
}

fn row_of(library: &Library, clause: ClauseIx) -> Option<web_sys::Element> {
    document().get_element_by_id(&draft_row_id(library, clause))
}

/// Keeps topic `topic`'s list of rows in step with the draft: drops the rows
/// of clauses that left, builds those of clauses that came, and moves a row
/// only when it is out of plan order.
pub fn follow_topic(state: State, topic: TopicIx, list: NodeRef<leptos::html::Ul>) {
    if super::PRERENDERING {
        return;
    }
    let held = state.topic_rows[topic];
    super::effect_with(move |was: Option<Vec<(ClauseIx, web_sys::Element)>>| {
        let mut old = was.unwrap_or_default();
        let Some(list) = list.get() else { return old };
        let now = held.get();
        old.retain(|(c, row)| {
            let stays = now.contains(c);
            if !stays {
                row.remove();
            }
            stays
        });
        let mut rows = Vec::with_capacity(now.len());
        let mut last: Option<web_sys::Element> = None;
        for &c in &now {
            let row = match old.iter().position(|(k, _)| *k == c) {
                Some(i) => old.swap_remove(i).1,
                None => match build_row(state, c) {
                    Some(row) => row,
                    None => continue,
                },
            };
            let expected = match &last {
                Some(before) => before.next_element_sibling(),
                None => list.first_element_child(),
            };
            if expected.as_ref() != Some(&row) {
                let _ = list.insert_before(&row, expected.as_ref().map(|e| e.unchecked_ref()));
            }
            last = Some(row.clone());
            rows.push((c, row));
        }
        rows
    });
}

/// Keeps the rows' locks, values and highlight in step with the draft.
pub fn follow_row_states(state: State) {
    if super::PRERENDERING {
        return;
    }
    let library = state.library;
    for lock in [Lock::Clause, Lock::Value] {
        super::effect_with(move |was: Option<Vec<ClauseIx>>| {
            let now = lock.list(state).get();
            let was = was.unwrap_or_default();
            let moved = was.iter().filter(|c| !now.contains(c)).chain(now.iter().filter(|c| !was.contains(c)));
            for &c in moved {
                let Some(button) = row_of(library, c).and_then(|r| r.query_selector(lock.selector()).ok().flatten())
                else {
                    continue;
                };
                let locked = now.contains(&c);
                let (text, name) = lock.says(locked, &library.clauses[c].title);
                let _ = button.set_attribute("aria-pressed", if locked { "true" } else { "false" });
                let _ = button.set_attribute("aria-label", &name);
                button.set_text_content(Some(text));
            }
            now
        });
    }

    super::effect_with(move |was: Option<Option<ClauseIx>>| {
        let now = state.highlighted.get();
        let was = was.flatten();
        if was != now {
            for (c, on) in [(was, false), (now, true)] {
                if let Some(row) = c.and_then(|c| row_of(library, c)) {
                    row.set_class_name(row_class(on));
                }
            }
        }
        now
    });

    // Parameters' values, read only while the draft shows (as its rows
    // are, `State::topic_rows`): a row built later shows the value then.
    let params: &'static [ClauseIx] =
        (0..library.clauses.len()).filter(|&c| library.clauses[c].param.is_some()).collect::<Vec<_>>().leak();
    let values = move || state.selection.with(|s| params.iter().map(|&c| s.value(c)).collect::<Vec<_>>());
    let shown = untrack(values);
    super::effect_with(move |was: Option<Vec<Option<i64>>>| {
        let was = was.unwrap_or_else(|| shown.clone());
        if !state.shows(Tab::Draft) {
            return was;
        }
        let now = values();
        // Only a value that moved looks its row up: finding every parameter's
        // row on each click cost 40–50 µs at 1x.
        for ((&c, before), after) in params.iter().zip(&was).zip(&now) {
            let (true, Some(value)) = (before != after, after) else { continue };
            if let Some(row) = row_of(library, c) {
                show_value(&row, *value);
            }
        }
        now
    });
}

/// Writes `value` into a row's number field, valid now whatever was typed
/// before, and marks the value the sources name, if it is one.
fn show_value(row: &web_sys::Element, value: i64) {
    if let Some(input) = row.query_selector("input.value-input").ok().flatten() {
        // Not under the reader's fingers: rewriting "600000" as "600,000"
        // mid-typing turned the next digit into "600,0000". The field takes
        // its separators when it loses focus (`on_change`).
        if document().active_element().as_ref() != Some(&input) {
            let _ = input.set_attribute("aria-invalid", "false");
            input.unchecked_into::<web_sys::HtmlInputElement>().set_value(&group_digits(value));
        }
    }
    if let Some(problem) = row.query_selector("p.problem").ok().flatten() {
        problem.set_text_content(None);
    }
    let Some(marks) = row.query_selector_all("button.mark-value").ok() else { return };
    for i in 0..marks.length() {
        let Some(mark) = marks.item(i).and_then(|m| m.dyn_into::<web_sys::Element>().ok()) else { continue };
        let named = mark.get_attribute("data-value").and_then(|v| v.parse::<i64>().ok());
        let _ = mark.set_attribute("aria-pressed", if named == Some(value) { "true" } else { "false" });
    }
}

/// The clause of the row an event came from.
fn clause_of(library: &Library, ev: &web_sys::Event) -> Option<ClauseIx> {
    library.clause_ix(&super::data_of(ev, "data-clause")?)
}

/// A click on a row's button: Remove, Lock, Lock value, or a value the
/// sources name.
pub fn on_click(state: State, ev: leptos::ev::MouseEvent) {
    let library = state.library;
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Some(button) = target.closest("li.draft-row button").ok().flatten() else { return };
    let Some(clause) = clause_of(library, &ev) else { return };
    let class = button.class_name();
    if class == "remove" {
        let next = neighbour_after_removal(&button);
        state.edit(|p| p.remove(&library.clauses[clause].id));
        focus_soon(next);
    } else if class == "mark-value" {
        if let Some(value) = button.get_attribute("data-value").and_then(|v| v.parse().ok()) {
            state.edit(|p| p.set_value(library, clause, value));
        }
    } else if class.starts_with("lock") {
        let lock = if class.contains("lock-value") { Lock::Value } else { Lock::Clause };
        State::toggle_lock(lock.list(state), clause);
    }
}

/// Typing in a row's number field.
pub fn on_input(state: State, ev: leptos::ev::Event) {
    let library = state.library;
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    if input.class_name() != "value-input" {
        return;
    }
    let Some(clause) = clause_of(library, &ev) else { return };
    let Some(param) = library.clauses[clause].param.as_ref() else { return };
    let problem = document().get_element_by_id(&format!("{}-problem", input.id()));
    let said = match param.parse_input(&input.value()) {
        Ok(value) => {
            state.edit(|p| p.set_value(library, clause, value));
            None
        }
        // The verdicts keep the last value that was valid: say which.
        Err(why) => Some(match state.selection.with_untracked(|s| s.value(clause)) {
            Some(kept) => format!("{why} The verdicts use {} until then.", param.format(kept)),
            None => why,
        }),
    };
    let _ = input.set_attribute("aria-invalid", if said.is_some() { "true" } else { "false" });
    if let Some(problem) = problem {
        problem.set_text_content(said.as_deref());
    }
}

/// A number field left (the `change` event): a valid number takes its
/// separators, as the value shows everywhere else; an invalid one stays as
/// typed, with its message, for the reader to correct.
pub fn on_change(state: State, ev: leptos::ev::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    if input.class_name() != "value-input" {
        return;
    }
    let library = state.library;
    let Some(param) = clause_of(library, &ev).and_then(|c| library.clauses[c].param.as_ref()) else { return };
    if let Ok(value) = param.parse_input(&input.value()) {
        input.set_value(&group_digits(value));
    }
}

/// Where focus goes when a row's Remove button goes away with its row: the
/// next row's Remove, else the previous row's, else the draft's heading;
/// never the top of the page.
fn neighbour_after_removal(this: &web_sys::Element) -> Option<web_sys::Element> {
    let buttons = document().query_selector_all(".panel.draft .draft-row .remove").ok()?;
    let all: Vec<web_sys::Element> =
        (0..buttons.length()).filter_map(|i| buttons.item(i)?.dyn_into::<web_sys::Element>().ok()).collect();
    let at = all.iter().position(|b| b == this)?;
    all.get(at + 1)
        .or(at.checked_sub(1).and_then(|i| all.get(i)))
        .cloned()
        .or_else(|| document().get_element_by_id("draft-heading"))
}

/// Focuses `target` once the edit that moved it has reached the page.
pub fn focus_soon(target: Option<web_sys::Element>) {
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        request_animation_frame(move || {
            let _ = el.focus();
        });
    }
}
