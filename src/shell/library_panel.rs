//! The clause library: search as you type, filter to one preset, browse by
//! topic. Alternatives of one question are a choice of one (radios: picking
//! one replaces the answer, picking the answer again removes it); other
//! clauses are checkboxes. Each question, and each topic's other clauses,
//! is one tab stop with arrow keys inside (`rove`); Enter or Space picks.

use leptos::prelude::*;

use super::cite::{preset_caveat, preset_options, Quote};
use super::state::State;
use crate::library::{ClauseIx, PresetIx, QuestionIx};

#[component]
pub fn LibraryPanel() -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let query = RwSignal::new(String::new());
    let preset_filter = RwSignal::new(None::<PresetIx>);
    let visible = Memo::new(move |_| {
        let mut shown = vec![false; library.clauses.len()];
        query.with(|q| match q.trim() {
            "" => shown.fill(true),
            q => state.search().find(q).into_iter().for_each(|c| shown[c] = true),
        });
        if let Some(p) = preset_filter.get() {
            let mut in_preset = vec![false; library.clauses.len()];
            library.presets[p].items.iter().for_each(|i| in_preset[i.clause] = true);
            shown.iter_mut().zip(in_preset).for_each(|(s, keep)| *s &= keep);
        }
        shown
    });
    let shown_count = move || visible.with(|v| v.iter().filter(|&&s| s).count());

    let topics = library
        .topics
        .iter()
        .enumerate()
        .map(|(t, topic)| {
            let mut seen_questions: Vec<QuestionIx> = Vec::new();
            let mut first = true;
            let entries = topic
                .clauses
                .iter()
                .filter_map(|&c| {
                    match library.clauses[c].question.filter(|&q| library.questions[q].clauses.len() > 1) {
                        None => {
                            let tab_stop = std::mem::take(&mut first);
                            Some(
                                view! { <ClauseEntry clause=c visible preset_filter tab_stop radio=false /> }
                                    .into_any(),
                            )
                        }
                        Some(q) if !seen_questions.contains(&q) => {
                            seen_questions.push(q);
                            Some(view! { <QuestionGroup question=q visible preset_filter /> }.into_any())
                        }
                        Some(_) => None,
                    }
                })
                .collect_view();
            let any_visible = move || visible.with(|v| library.topics[t].clauses.iter().any(|&c| v[c]));
            view! {
                <section class="topic" aria-labelledby=format!("topic-{}", topic.id) hidden=move || !any_visible()>
                    <h3 id=format!("topic-{}", topic.id)>{topic.name.as_str()}</h3>
                    <ul class="clauses rove">{entries}</ul>
                </section>
            }
        })
        .collect_view();

    view! {
        <section class="panel library" aria-labelledby="library-heading"
            on:keydown=super::rove::on_keydown on:focusin=super::rove::on_focusin>
            <h2 id="library-heading">"Clause library"</h2>
            <div class="filters" role="search">
                <label for="clause-search">"Search clauses, topics, actors, plans"</label>
                <input id="clause-search" type="search" autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev)) />
                <label for="preset-filter">"Show"</label>
                <select id="preset-filter" on:change=move |ev| {
                    preset_filter.set(event_target_value(&ev).parse::<PresetIx>().ok())
                }>
                    <option value="">"All clauses"</option>
                    {preset_options(library)}
                </select>
                <p class="count" aria-live="polite">
                    {move || format!("{} of {} clauses", shown_count(), library.clauses.len())}
                </p>
                <Show when=move || shown_count() == 0>
                    <p class="no-match">"No clause matches. Search looks in titles, texts, quotes, speakers, actors and plans."
                        " " <button type="button" class="clear-search" on:click=move |_| {
                            query.set(String::new());
                            preset_filter.set(None);
                            if let Some(select) = document().get_element_by_id("preset-filter") {
                                use wasm_bindgen::JsCast;
                                select.unchecked_into::<web_sys::HtmlSelectElement>().set_value("");
                            }
                            if let Some(field) = document().get_element_by_id("clause-search") {
                                use wasm_bindgen::JsCast;
                                let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
                            }
                        }>"Clear the search"</button>
                    </p>
                </Show>
            </div>
            {move || preset_filter.get().map(|p| preset_caveat(library, p))}
            {topics}
        </section>
    }
}

#[component]
fn QuestionGroup(
    question: QuestionIx,
    visible: Memo<Vec<bool>>,
    preset_filter: RwSignal<Option<PresetIx>>,
) -> impl IntoView {
    let state = expect_context::<State>();
    let q = &state.library.questions[question];
    let any_visible = move || visible.with(|v| q.clauses.iter().any(|&c| v[c]));
    let label_id = format!("question-{}", q.id);
    let hint_id = format!("{label_id}-hint");
    let entries = q
        .clauses
        .iter()
        .enumerate()
        .map(|(i, &c)| view! { <ClauseEntry clause=c visible preset_filter tab_stop=i == 0 radio=true /> })
        .collect_view();
    view! {
        <li class="question" hidden=move || !any_visible()>
            <p class="prompt" id=label_id.clone()>{q.prompt.as_str()}
                <span class="hint" id=hint_id.clone()>" (choose one: picking one replaces the current answer)"</span></p>
            <div role="radiogroup" aria-labelledby=label_id aria-describedby=hint_id><ul class="rove">{entries}</ul></div>
        </li>
    }
}

#[component]
fn ClauseEntry(
    clause: ClauseIx,
    visible: Memo<Vec<bool>>,
    preset_filter: RwSignal<Option<PresetIx>>,
    tab_stop: bool,
    radio: bool,
) -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let c = &library.clauses[clause];
    let held = state.held[clause];
    let point = move || {
        let p = preset_filter.get()?;
        let point = library.presets[p].items.iter().find(|i| i.clause == clause)?.point?;
        Some(view! { <span class="point">"point " {point}</span> })
    };
    // Details are built when first opened: 96 closed entries full of quotes
    // would otherwise weigh on every click's style and layout.
    let opened = RwSignal::new(false);
    let details = move || {
        opened.get().then(|| {
            let cites = c.cite.iter().map(|cite| view! { <li><Quote library cite /></li> }).collect_view();
            let marks = c.param.as_ref().map(|p| {
                let items = p
                    .marks
                    .iter()
                    .map(|m| view! { <li><strong>{p.format(m.value)}</strong> ": " {m.label.as_str()} <Quote library cite=&m.cite /></li> })
                    .collect_view();
                view! { <p class="param-name">{p.name.as_str()} ", values the sources name:"</p><ul class="marks">{items}</ul> }
            });
            view! { <p>{c.text.as_str()}</p> {marks} <ul class="cites">{cites}</ul> }
        })
    };
    view! {
        <li class="clause" class:held=held data-clause=c.id.as_str() hidden=move || !visible.with(|v| v[clause])>
            <button type="button" class="toggle" tabindex=if tab_stop { "0" } else { "-1" }
                role=if radio { "radio" } else { "checkbox" }
                aria-checked=move || if held.get() { "true" } else { "false" }
                on:click=move |_| state.edit(|p| p.toggle(library, clause))>
                // The symbol comes from the style sheet, by `aria-checked`:
                // swapping it is paint only, so a click lays out nothing here.
                <span class="mark" aria-hidden="true"></span>
                <span class="title">{c.title.as_str()}</span>
                {point}
            </button>
            <details on:toggle=move |_| opened.set(true)>
                <summary tabindex="-1">"Text and sources"</summary>
                {details}
            </details>
        </li>
    }
}
