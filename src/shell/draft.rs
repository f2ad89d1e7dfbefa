//! The draft: title and notes, the toolbar (start from a preset, clear, undo,
//! redo), and the held clauses grouped by topic with their parameters.

use leptos::prelude::*;

use super::cite::{preset_caveat, preset_options};
use super::draft_rows::{self, focus_soon};
use super::drafts_bar::DraftsBar;
use super::persist::{Persistence, UndoStep};
use super::state::{draft_row_id, DraftFacts, State};
use crate::editor::TextField;
use crate::library::{PresetIx, TopicIx};
use crate::plan::Plan;

#[component]
pub fn DraftPanel() -> impl IntoView {
    let state = expect_context::<State>();
    let persist = expect_context::<Persistence>();
    let library = state.library;
    // None until a plan is picked: a blank draft's picker shows no plan's
    // caveat, which beside it read as the draft's own.
    let chosen_preset = RwSignal::new(None::<PresetIx>);
    // Signals set only on change, so a click that leaves these as they were
    // writes nothing to the page.
    let DraftFacts { title, notes, count, retired, can_undo, can_redo, .. } = state.facts;
    let count = move || count.get();
    let retired = move || retired.get();

    draft_rows::follow_row_states(state);
    let groups = (0..library.topics.len()).map(|t| view! { <TopicGroup topic=t /> }).collect_view();

    // A draft based on a preset (started from the welcome's cards, a link,
    // a file, a saved draft) has the picker show that preset, so the caveat
    // beside the picker is the draft's own, not the first preset's. The
    // signal moves only with the origin: typing in the notes keeps a reader's pick.
    super::effect(move || {
        if let Some(p) = state.facts.based_on.get() {
            chosen_preset.set(Some(p));
        }
    });

    // Bring a clause a verdict pointed at into view, once the draft shows.
    super::effect(move || {
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
        <section class="panel draft" aria-labelledby="draft-heading"
            on:click=move |ev| draft_rows::on_click(state, ev) on:input=move |ev| draft_rows::on_input(state, ev)
            on:change=move |ev| draft_rows::on_change(state, ev)>
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
            // On paper the fields would print at their height on screen, the
            // notes cut to three lines: the text, whole, in their place.
            <div class="on-paper" aria-hidden="true">
                <p class="title">{move || title.get()}</p>
                <p class="notes">{move || notes.get()}</p>
            </div>

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
                        // An empty draft is based on no plan: the picker offers again.
                        chosen_preset.set(None);
                        let version = state.editor.with_untracked(crate::editor::Editor::version);
                        persist.say("Cleared this draft: its clauses, title and notes.", Some(UndoStep::Clear(version)));
                        // The button is disabled now: focus goes to the draft's
                        // heading, just above the notice with its Undo.
                        focus_soon(document().get_element_by_id("draft-heading"));
                    }>"Clear"</button>
            </div>
            <div class="start-from">
                <label for="start-preset">"Start from a plan"</label>
                <select id="start-preset" inner_html=format!("<option value=\"\" disabled selected>Choose a plan…</option>{}", preset_options(library))
                    prop:value=move || chosen_preset.get().map(|p| p.to_string()).unwrap_or_default() on:change=move |ev| {
                    chosen_preset.set(event_target_value(&ev).parse().ok())
                }></select>
                <button type="button" disabled=move || chosen_preset.get().is_none() on:click=move |_| {
                    if let Some(p) = chosen_preset.get() {
                        persist.adopt(Plan::from_preset(library, p), &library.presets[p].subject(), &[]);
                    }
                }>"Start from this plan"</button>
                {move || chosen_preset.get().map(|p| preset_caveat(library, p))}
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
    let list = NodeRef::new();
    draft_rows::follow_topic(state, topic, list);
    // Always there, hidden while empty: a click that fills or empties a
    // topic shows or hides it, and builds or drops no section.
    view! {
        <section class="draft-topic" hidden=move || held.with(Vec::is_empty)>
            <h3>{library.topics[topic].name.as_str()}</h3>
            <ul node_ref=list></ul>
        </section>
    }
}
