//! The draft: the clauses the plan holds, grouped by topic, each removable.

use leptos::prelude::*;

use crate::library::Library;
use crate::plan::Plan;

#[component]
pub fn DraftPanel(library: &'static Library, plan: RwSignal<Plan>) -> impl IntoView {
    let groups = move || {
        plan.with(|p| {
            library
                .topics
                .iter()
                .enumerate()
                .filter_map(|(t, topic)| {
                    let items: Vec<_> = p
                        .items
                        .iter()
                        .filter(|i| library.clause_ix(&i.id).is_some_and(|c| library.clauses[c].topic == t))
                        .cloned()
                        .collect();
                    (!items.is_empty()).then(|| (topic.name.clone(), items))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel draft" aria-labelledby="draft-heading">
            <h2 id="draft-heading">"Your draft"</h2>
            <p class="count" aria-live="polite">{move || plan.with(|p| match p.items.len() {
                0 => "No clauses yet: add some from the library.".to_string(),
                1 => "1 clause".to_string(),
                n => format!("{n} clauses"),
            })}</p>
            {move || groups().into_iter().map(|(name, items)| {
                let rows = items.into_iter().map(|item| {
                    let c = library.clause_ix(&item.id).expect("grouped items are known clauses");
                    let clause = &library.clauses[c];
                    let value = item.value.zip(clause.param.as_ref()).map(|(v, p)| format!(": {v} {}", p.unit));
                    let id = item.id.clone();
                    view! {
                        <li data-clause=item.id.clone()>
                            <span>{clause.title.clone()} {value}</span>
                            <button type="button" class="remove" aria-label=format!("Remove {}", clause.title)
                                on:click=move |_| plan.update(|p| { p.remove(&id); })>"Remove"</button>
                        </li>
                    }
                }).collect_view();
                view! { <section class="draft-topic"><h3>{name}</h3><ul>{rows}</ul></section> }
            }).collect_view()}
        </section>
    }
}
