//! The clause library, by topic: each clause with its text and sources, and a
//! button that adds it to or removes it from the draft.

use leptos::prelude::*;

use crate::library::{ClauseIx, Library};
use crate::plan::Plan;

#[component]
pub fn LibraryPanel(library: &'static Library, plan: RwSignal<Plan>) -> impl IntoView {
    let topics = library
        .topics
        .iter()
        .map(|topic| {
            let clauses = topic.clauses.iter().map(|&c| view! { <ClauseEntry library plan clause=c /> }).collect_view();
            view! {
                <section class="topic" aria-labelledby=format!("topic-{}", topic.id)>
                    <h3 id=format!("topic-{}", topic.id)>{topic.name.clone()}</h3>
                    <ul class="clauses">{clauses}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="panel library" aria-labelledby="library-heading">
            <h2 id="library-heading">"Clause library"</h2>
            {topics}
        </section>
    }
}

#[component]
fn ClauseEntry(library: &'static Library, plan: RwSignal<Plan>, clause: ClauseIx) -> impl IntoView {
    let c = &library.clauses[clause];
    let held = Memo::new(move |_| plan.with(|p| p.contains(&library.clauses[clause].id)));
    let question = c.question.map(|q| library.questions[q].prompt.clone());
    let cites = c
        .cite
        .iter()
        .map(|cite| {
            let source = library.source(cite);
            view! {
                <li>
                    <q>{cite.quote.clone()}</q>
                    " — " <cite>{source.title.clone()}</cite> ", " {source.outlet.clone()} ", " {source.date.human()}
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="clause" class:held=held data-clause=c.id.clone()>
            <button
                type="button"
                class="toggle"
                aria-pressed=move || if held.get() { "true" } else { "false" }
                on:click=move |_| plan.update(|p| {
                    p.toggle(library, clause);
                })
            >
                <span class="mark" aria-hidden="true">{move || if held.get() { "−" } else { "+" }}</span>
                <span class="title">{c.title.clone()}</span>
            </button>
            {question.map(|q| view! { <span class="question">"One answer to: " {q}</span> })}
            <details>
                <summary>"Text and sources"</summary>
                <p>{c.text.clone()}</p>
                <ul class="cites">{cites}</ul>
            </details>
        </li>
    }
}
