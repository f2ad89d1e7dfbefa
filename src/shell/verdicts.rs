//! One card per actor: verdict in words and symbol, and the positions behind it.

use leptos::prelude::*;

use crate::evaluate::Evaluation;
use crate::library::Library;

#[component]
pub fn VerdictsPanel(library: &'static Library, evaluation: Memo<Evaluation>) -> impl IntoView {
    view! {
        <section class="panel verdicts" aria-labelledby="verdicts-heading">
            <h2 id="verdicts-heading">"Verdicts"</h2>
            <p class="summary" role="status">{move || evaluation.with(|e| format!("This draft {}.", e.summary()))}</p>
            <ul class="cards">
                {move || evaluation.with(|e| e.actors.iter().map(|a| {
                    let actor = &library.actors[a.actor];
                    let reasons = a.breaches.iter().map(|b| {
                        let p = &library.positions[b.position];
                        let cite = &p.cite[0];
                        view! {
                            <li>
                                <strong>{p.strength.label()} ": "</strong>{p.summary.clone()}
                                <blockquote>{cite.quote.clone()}</blockquote>
                                <p class="attribution">{p.speaker.clone()} ", " {p.date.human()}</p>
                            </li>
                        }
                    }).collect_view();
                    view! {
                        <li class=format!("card {}", a.verdict.slug()) data-actor=actor.id.clone()>
                            <h3>
                                <span class="symbol" aria-hidden="true">{a.verdict.symbol()}</span>
                                " " {actor.name.clone()}
                            </h3>
                            <p class="verdict">{a.verdict.label()}</p>
                            <ul class="reasons">{reasons}</ul>
                        </li>
                    }
                }).collect_view())}
            </ul>
        </section>
    }
}
