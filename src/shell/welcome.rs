//! The first visit's way in: what Redline does in one sentence, then the
//! real plans to start from (proposer, date, and whether the sources
//! describe them fully), starting blank, or opening a file or a link. Shown
//! while a first visit's draft is blank; the masthead's "How to start"
//! brings it back.

use leptos::prelude::*;
use std::fmt::Write;

use super::esc;
use super::persist::Persistence;
use super::state::{State, Tab};
use crate::library::{Completeness, Library};
use crate::plan::Plan;

/// The welcome, while `shown`. A plain function, not a component: one view
/// shape, built from library data.
pub fn welcome(shown: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<State>();
    let persist = expect_context::<Persistence>();
    let library = state.library;
    let start = move |preset: usize| {
        persist.adopt(Plan::from_preset(library, preset), &library.presets[preset].subject(), &[]);
        shown.set(false);
        see_the_verdicts(state);
    };
    // Markup with one delegated click: as views, 14 cards of 5 elements each
    // were a tenth of what the start builds.
    let on_card = move |ev: leptos::ev::MouseEvent| {
        if let Some(preset) = super::data_of(&ev, "data-preset").and_then(|p| p.parse::<usize>().ok()) {
            start(preset);
        }
    };
    move || {
        shown.get().then(|| {
            view! {
                <section class="welcome" aria-labelledby="welcome-heading" data-focus-home="draft-heading">
                    <h2 id="welcome-heading">"How to start"</h2>
                    <p>
                        "Assemble a settlement of the Russia-Ukraine war from the clauses of the real proposals, and see at once
                        which parties' stated red lines it crosses, with who said so, when, and in which words."
                    </p>
                    <h3>"Start from a real plan"</h3>
                    <ul class="preset-cards" inner_html=cards_html(library) on:click=on_card></ul>
                    <div class="other-starts">
                        <button type="button" on:click=move |_| {
                            shown.set(false);
                            // Focus where a blank draft is built, not the
                            // top of the page the welcome leaves behind.
                            state.tab.set(Tab::Library);
                            super::draft_rows::focus_soon(document().get_element_by_id("library-heading"));
                        }>"Start blank"</button>
                        // A button, not a label of the Drafts menu's file
                        // field: a label is no tab stop, so a keyboard never reached it.
                        // An input of its own, hidden behind the button: the drafts
                        // bar's may not be built yet (on a phone, until the Draft tab shows).
                        <input type="file" id="welcome-file" class="visually-hidden" tabindex="-1" aria-hidden="true"
                            accept=".json,application/json"
                            on:change=move |ev| super::drafts_bar::import_file(ev, state, persist) />
                        <button type="button" on:click=move |_| {
                            use wasm_bindgen::JsCast;
                            if let Some(input) = document().get_element_by_id("welcome-file").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                                input.click();
                            }
                        }>"Open a draft file"</button>
                        <p class="hint">"A share link someone sent you opens its plan by itself."</p>
                    </div>
                </section>
            }
        })
    }
}

/// A card per preset, each a button with its name, byline and completeness.
fn cards_html(library: &Library) -> String {
    let mut h = String::new();
    for (i, p) in library.presets.iter().enumerate() {
        let described = match p.completeness {
            Completeness::AsDescribed => "complete as the sources describe it",
            Completeness::Partial => "described only in part by the sources",
        };
        let _ = write!(
            h,
            "<li><button type=\"button\" class=\"preset-card\" data-preset=\"{i}\"><strong class=\"name\">{}</strong>\
             <span class=\"by\">{}</span><span class=\"described\">{described}</span></button></li>",
            esc(&p.name),
            esc(&p.byline())
        );
    }
    h
}

/// After a start from the welcome, which is gone: the verdicts tab on a
/// phone, and focus on the verdicts' heading, so a screen reader goes on there.
fn see_the_verdicts(state: State) {
    super::app::show_and_focus(state, Tab::Verdicts, "verdicts-heading");
}
