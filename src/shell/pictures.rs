//! The shape of the conflict: an actor × topic grid of worst verdicts, and a
//! side-by-side comparison of the draft with any preset.

use leptos::prelude::*;

use super::state::State;
use crate::evaluate::{compare, topic_grid, Verdict};
use crate::library::{ClauseIx, PresetIx};
use crate::plan::Plan;

#[component]
pub fn Pictures() -> impl IntoView {
    view! {
        <section class="pictures" aria-label="Pictures">
            <Grid />
            <Comparison />
        </section>
    }
}

#[component]
fn Grid() -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let grid = Memo::new(move |_| state.evaluation.with(|e| topic_grid(library, e)));
    let headers = library
        .topics
        .iter()
        .map(|t| view! { <th scope="col"><span class="vertical">{t.name.as_str()}</span></th> })
        .collect_view();
    let rows = move || {
        grid.with(|g| {
            g.iter()
                .enumerate()
                .map(|(a, row)| {
                    let cells = row
                        .iter()
                        .enumerate()
                        .map(|(t, cell)| {
                            let label = match cell {
                                Some(v) => format!("{}: {} on {}", library.actors[a].name, v.label(), library.topics[t].name),
                                None => format!("{}: no stated position on {}", library.actors[a].name, library.topics[t].name),
                            };
                            let (class, symbol) = cell.map_or(("none", "·"), |v: Verdict| (v.slug(), v.symbol()));
                            let title = label.clone();
                            view! { <td class=class title=title><span aria-hidden="true">{symbol}</span><span class="visually-hidden">{label}</span></td> }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{library.actors[a].name.as_str()}</th>{cells}</tr> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel grid" aria-labelledby="grid-heading">
            <h2 id="grid-heading">"Who objects to what"</h2>
            <p class="hint">"Each cell is the worst verdict of an actor on a topic for this draft; a dot means the actor has no stated position there."</p>
            <div class="scroll" role="region" aria-label="Actor by topic grid, scrollable" tabindex="0">
                <table>
                    <caption class="visually-hidden">"Worst verdict per actor and topic"</caption>
                    <thead><tr><th scope="col">"Actor"</th>{headers}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Comparison() -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let preset = RwSignal::new(0 as PresetIx);
    let comparison = Memo::new(move |_| {
        let base = Plan::from_preset(library, preset.get()).selection(library);
        let day = state.as_of.get();
        state.editor.with(|e| compare(library, &base, &e.plan().selection(library), day))
    });
    let options = library
        .presets
        .iter()
        .enumerate()
        .map(|(p, preset)| view! { <option value=p.to_string()>{preset.name.as_str()}</option> })
        .collect_view();
    let clause_list = move |clauses: &[ClauseIx]| {
        if clauses.is_empty() {
            return view! { <p class="hint">"None."</p> }.into_any();
        }
        let items = clauses.iter().map(|&c| view! { <li>{library.clauses[c].title.as_str()}</li> }).collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    view! {
        <section class="panel comparison" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Compare with a plan"</h2>
            <label for="compare-preset">"Compare the draft with"</label>
            <select id="compare-preset" on:change=move |ev| { if let Ok(p) = event_target_value(&ev).parse() { preset.set(p) } }>
                {options}
            </select>
            {move || comparison.with(|c| {
                let name = library.presets[preset.get()].name.as_str();
                let changed = c.changed.iter().map(|&(cl, before, after)| {
                    let p = library.clauses[cl].param.as_ref().expect("changed clauses have a parameter");
                    view! { <li>{library.clauses[cl].title.as_str()} ": " {p.format(before)} " → " {p.format(after)}</li> }
                }).collect_view();
                let verdict_rows = c.before.actors.iter().zip(&c.after.actors).map(|(b, a)| {
                    let shifted = b.verdict != a.verdict;
                    view! {
                        <tr class:shifted=shifted>
                            <th scope="row">{library.actors[b.actor].name.as_str()}</th>
                            <td class=b.verdict.slug()><span aria-hidden="true">{b.verdict.symbol()} " "</span>{b.verdict.label()}</td>
                            <td class=a.verdict.slug()><span aria-hidden="true">{a.verdict.symbol()} " "</span>{a.verdict.label()}</td>
                            <td>{if shifted { "changed" } else { "" }}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    <div class="diff">
                        <section><h3>"Only in the draft"</h3>{clause_list(&c.added)}</section>
                        <section><h3>{format!("Only in {name}")}</h3>{clause_list(&c.removed)}</section>
                        <section><h3>"Different values"</h3><ul>{changed}</ul></section>
                    </div>
                    <div class="scroll" role="region" aria-label="Verdicts compared" tabindex="0">
                        <table>
                            <caption>{format!("Verdicts: {name} and the draft ({} actors changed)", c.shifts().count())}</caption>
                            <thead><tr><th scope="col">"Actor"</th><th scope="col">{name}</th><th scope="col">"Draft"</th><th scope="col"><span class="visually-hidden">"Change"</span></th></tr></thead>
                            <tbody>{verdict_rows}</tbody>
                        </table>
                    </div>
                }
            })}
        </section>
    }
}
