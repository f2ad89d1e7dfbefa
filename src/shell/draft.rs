//! The draft: title and notes, the toolbar (start from a preset, clear, undo,
//! redo), and the held clauses grouped by topic with their parameters.

use leptos::prelude::*;

use super::cite::{preset_caveat, preset_options};
use super::drafts_bar::DraftsBar;
use super::persist::{Persistence, UndoStep};
use super::state::{draft_row_id, DraftFacts, State};
use crate::editor::TextField;
use crate::library::{group_digits, ClauseIx, PresetIx, TopicIx};
use crate::plan::Plan;

#[component]
pub fn DraftPanel() -> impl IntoView {
    let state = expect_context::<State>();
    let persist = expect_context::<Persistence>();
    let library = state.library;
    let chosen_preset = RwSignal::new(0 as PresetIx);
    // Signals set only on change, so a click that leaves these as they were
    // writes nothing to the page.
    let DraftFacts { title, notes, count, retired, can_undo, can_redo } = state.facts;
    let count = move || count.get();
    let retired = move || retired.get();

    let groups = (0..library.topics.len()).map(|t| view! { <TopicGroup topic=t /> }).collect_view();

    // Bring a clause a verdict pointed at into view, once the draft shows.
    Effect::new(move |_| {
        if let Some(clause) = state.highlighted.get() {
            let id = draft_row_id(library, clause);
            request_animation_frame(move || {
                if let Some(row) = document().get_element_by_id(&id) {
                    row.scroll_into_view();
                    use wasm_bindgen::JsCast;
                    if let Ok(row) = row.dyn_into::<web_sys::HtmlElement>() {
                        let _ = row.focus();
                    }
                }
            });
        }
    });

    view! {
        <section class="panel draft" aria-labelledby="draft-heading">
            <h2 id="draft-heading" tabindex="-1">"Your draft"</h2>
            <DraftsBar />
            <label for="draft-title">"Title"</label>
            <input id="draft-title" type="text" maxlength="200" placeholder="Untitled draft"
                prop:value=title
                on:input=move |ev| state.editor.update(|e| e.type_text(TextField::Title, event_target_value(&ev))) />
            <label for="draft-notes">"Notes"</label>
            <textarea id="draft-notes" rows="3" maxlength="5000"
                prop:value=notes
                on:input=move |ev| state.editor.update(|e| e.type_text(TextField::Notes, event_target_value(&ev)))></textarea>

            <div class="toolbar" role="toolbar" aria-label="Draft">
                <button type="button" disabled=move || !can_undo.get()
                    on:click=move |_| state.editor.update(|e| { e.undo(); })
                    aria-keyshortcuts="Control+Z">"Undo"</button>
                <button type="button" disabled=move || !can_redo.get()
                    on:click=move |_| state.editor.update(|e| { e.redo(); })
                    aria-keyshortcuts="Control+Shift+Z">"Redo"</button>
                <button type="button" disabled=move || count() == 0
                    on:click=move |_| {
                        state.edit(|p| *p = Plan::default());
                        persist.say("Cleared this draft: its clauses, title and notes.", Some(UndoStep::Clear));
                        // The button is disabled now: focus goes to the draft's
                        // heading, just above the notice with its Undo.
                        focus_soon(document().get_element_by_id("draft-heading"));
                    }>"Clear"</button>
            </div>
            <div class="start-from">
                <label for="start-preset">"Start from a plan"</label>
                <select id="start-preset" inner_html=preset_options(library) on:change=move |ev| {
                    if let Ok(p) = event_target_value(&ev).parse() { chosen_preset.set(p) }
                }></select>
                <button type="button" on:click=move |_| {
                    let p = chosen_preset.get();
                    persist.adopt(Plan::from_preset(library, p), &library.presets[p].subject());
                }>"Start from this plan"</button>
                {move || preset_caveat(library, chosen_preset.get())}
            </div>

            <p class="count" aria-live="polite">{move || match count() {
                0 => "No clauses yet: add some from the library, or start from a plan.".to_string(),
                1 => "1 clause".to_string(),
                n => format!("{n} clauses"),
            }}</p>
            {groups}
            <Show when=move || !retired().is_empty()>
                <section class="retired">
                    <h3>"No longer in the library"</h3>
                    <p>"Kept in the draft, but not evaluated:"</p>
                    <ul>{move || retired().into_iter().map(|id| view! { <li><code>{id}</code></li> }).collect_view()}</ul>
                </section>
            </Show>
        </section>
    }
}

#[component]
fn TopicGroup(topic: TopicIx) -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    // In plan order, so rows keep the order the user added them in.
    let held = state.topic_rows[topic];
    // Always there, hidden while empty: a click that fills or empties a
    // topic shows or hides it, and builds or drops no section.
    view! {
        <section class="draft-topic" hidden=move || held.with(Vec::is_empty)>
            <h3>{library.topics[topic].name.as_str()}</h3>
            <ul>
                <For each=move || held.get() key=|c| *c children=move |c| view! { <DraftRow clause=c /> } />
            </ul>
        </section>
    }
}

#[component]
fn DraftRow(clause: ClauseIx) -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let c = &library.clauses[clause];
    let set = move |v: i64| state.edit(|p| p.set_value(library, clause, v));
    let param = c.param.as_ref().map(|p| {
        let value = state.values[clause];
        let value = move || value.get();
        let input_id = format!("value-{}", c.id);
        let marks = p
            .marks
            .iter()
            .map(|m| {
                view! {
                    <button type="button" class="mark-value" aria-pressed=move || (value() == Some(m.value)).to_string()
                        title=m.label.as_str() on:click=move |_| set(m.value)>
                        {p.format(m.value)} <span class="mark-label">{m.label.as_str()}</span>
                    </button>
                }
            })
            .collect_view();
        // Live as the reader types: a valid number updates the draft at once;
        // anything else is said beside the field (aria-invalid), and the
        // verdicts keep the last valid value.
        let problem = RwSignal::new(None::<String>);
        let problem_id = format!("{input_id}-problem");
        view! {
            <div class="param">
                <label for=input_id.clone()>{p.name.as_str()} " (" {p.unit.as_str()} ")"</label>
                <input id=input_id type="text" inputmode="numeric" autocomplete="off" class="value-input"
                    prop:value=move || group_digits(value().unwrap_or(p.default))
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    aria-describedby=problem_id.clone()
                    on:input=move |ev| match p.parse_input(&event_target_value(&ev)) {
                        Ok(v) => { problem.set(None); set(v) }
                        Err(why) => problem.set(Some(why)),
                    } />
                <p id=problem_id class="problem" aria-live="polite">{move || problem.get()}</p>
                {if let [only] = p.marks.as_slice() {
                    // One value is not a choice: said, not offered as a button.
                    view! { <p class="marks one-mark">"The source names " <strong>{p.format(only.value)}</strong> " (" {only.label.as_str()} ")"</p> }.into_any()
                } else {
                    view! { <div class="marks" role="group" aria-label=format!("Values the sources name for {}", p.name)>{marks}</div> }.into_any()
                }}
                {lock_button(state.value_locked, clause, "lock lock-value", ["Lock value", "Lock value of", "Value locked"],
                    "Keep this value when finding agreement (a plain Lock keeps the clause and lets the value move)")}
            </div>
        }
    });
    view! {
        <li id=draft_row_id(library, clause) tabindex="-1" class="draft-row"
            class:highlight=move || state.highlighted.get() == Some(clause)>
            <div class="row-head">
                <span class="title">{c.title.as_str()}</span>
                {lock_button(state.locked, clause, "lock", ["Lock", "Lock", "Locked"], "Keep this clause when finding agreement")}
                <button type="button" class="remove" aria-label=format!("Remove {}", c.title)
                    on:click=move |ev| {
                        let next = neighbour_after_removal(&ev);
                        state.edit(|p| p.remove(&library.clauses[clause].id));
                        focus_soon(next);
                    }>"Remove"</button>
            </div>
            {param}
        </li>
    }
}

/// A lock toggle for `clause` in `locks`. `words`: what it says unlocked,
/// how its name begins unlocked ("Lock value of X"), and what it says locked
/// (name "Value locked: X"). The name holds the visible words (WCAG 2.5.3),
/// so it follows them.
fn lock_button(
    locks: RwSignal<Vec<ClauseIx>>,
    clause: ClauseIx,
    class: &'static str,
    words: [&'static str; 3],
    hint: &'static str,
) -> impl IntoView {
    let state = expect_context::<State>();
    let title = state.library.clauses[clause].title.as_str();
    let locked = move || locks.with(|l| l.contains(&clause));
    let [off, off_name, on] = words;
    view! {
        <button type="button" class=class aria-pressed=move || locked().to_string()
            aria-label=move || if locked() { format!("{on}: {title}") } else { format!("{off_name} {title}") }
            title=hint on:click=move |_| State::toggle_lock(locks, clause)>
            {move || if locked() { on } else { off }}
        </button>
    }
}

/// Where focus goes when a row's Remove button goes away with its row: the
/// next row's Remove, else the previous row's, else the draft's heading;
/// never the top of the page.
fn neighbour_after_removal(ev: &leptos::ev::MouseEvent) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let this = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let buttons = document().query_selector_all(".panel.draft .draft-row .remove").ok()?;
    let all: Vec<web_sys::Element> =
        (0..buttons.length()).filter_map(|i| buttons.item(i)?.dyn_into::<web_sys::Element>().ok()).collect();
    let at = all.iter().position(|b| *b == this)?;
    all.get(at + 1)
        .or(at.checked_sub(1).and_then(|i| all.get(i)))
        .cloned()
        .or_else(|| document().get_element_by_id("draft-heading"))
}

/// Focuses `target` once the edit that moved it has reached the page.
fn focus_soon(target: Option<web_sys::Element>) {
    use wasm_bindgen::JsCast;
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        request_animation_frame(move || {
            let _ = el.focus();
        });
    }
}
