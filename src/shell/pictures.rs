//! The shape of the conflict: an actor × topic grid of worst verdicts, and a
//! side-by-side comparison of the draft with any preset.

use leptos::prelude::*;

use super::cite::{preset_caveat, preset_options};
use super::state::{fan_out, State};
use crate::evaluate::{compare, topic_grid, Comparison, Verdict};
use crate::library::{ActorIx, ClauseIx, Library, PresetIx};
use crate::plan::Plan;

/// The pictures are built only while open: kept up to date on every click,
/// a 26 × 20 grid and a comparison cost more than the verdicts themselves
/// (measured in e2e/tests/latency.spec.js).
#[component]
pub fn Pictures() -> impl IntoView {
    let analyses = expect_context::<super::app::Analyses>();
    let (show_grid, show_comparison) = (analyses.grid, analyses.compare);
    let state = expect_context::<State>();
    let disclosure = move |shown: RwSignal<bool>, controls: &'static str, label: &'static str| {
        view! {
            <button type="button" class="disclosure" aria-expanded=move || (shown.get() || state.printing.get()).to_string()
                aria-controls=controls on:click=move |_| shown.update(|s| *s = !*s)>{label}</button>
        }
    };
    view! {
        <section class="pictures" aria-label="Analyses: the actor × topic grid and the comparison">
            <div id="grid" class="analysis">
                {disclosure(show_grid, "grid-picture", "Who objects to what: actor × topic grid")}
                <div id="grid-picture">{move || (show_grid.get() || state.printing.get()).then(|| view! { <Grid /> })}</div>
            </div>
            <div id="compare" class="analysis">
                {disclosure(show_comparison, "compare-picture", "Compare the draft with a plan")}
                <div id="compare-picture">{move || show_comparison.get().then(|| view! { <Comparison /> })}</div>
            </div>
        </section>
    }
}

/// The commentators and analysts, in library order: shown after the parties.
fn views(library: &Library) -> impl Iterator<Item = ActorIx> + '_ {
    (0..library.actors.len()).filter(|&a| !library.actors[a].is_party())
}

fn parties(library: &Library) -> impl Iterator<Item = ActorIx> + '_ {
    (0..library.actors.len()).filter(|&a| library.actors[a].is_party())
}

#[component]
fn Grid() -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let headers = library
        .topics
        .iter()
        .map(|t| view! { <th scope="col"><span class="vertical">{t.name.as_str()}</span></th> })
        .collect_view();
    // The table is built once; each cell watches its own fanned-out signal,
    // so a click touches only the cells whose verdict changed. Made here, not
    // in `State`: while the grid is closed, a click computes none of it.
    let topics = library.topics.len();
    let grid = fan_out(move || state.standings.with(|s| topic_grid(state.lib(), s).concat()));
    // Parties first; commentators and analysts below, in a body of their own, as views.
    let row = |a: ActorIx| {
        let cells = (0..topics)
            .map(|t| {
                let cell = grid[a * topics + t];
                let label = move || match cell.get() {
                    Some(v) => format!(
                        "{}: {} on {}",
                        library.actors[a].name,
                        v.label_for(&library.actors[a]),
                        library.topics[t].name
                    ),
                    None => format!("{}: no stated position on {}", library.actors[a].name, library.topics[t].name),
                };
                view! {
                    <td class=move || cell.get().map_or("none", Verdict::slug) title=label>
                        <span aria-hidden="true">{move || cell.get().map_or("·", Verdict::symbol)}</span>
                        <span class="visually-hidden">{label}</span>
                    </td>
                }
            })
            .collect_view();
        view! { <tr><th scope="row">{library.actors[a].name.as_str()}</th>{cells}</tr> }
    };
    let party_rows = parties(library).map(row).collect_view();
    let view_rows = views(library).map(row).collect_view();
    view! {
        <section class="panel grid" aria-labelledby="grid-heading">
            <h2 id="grid-heading">"Who objects to what"</h2>
            <p class="hint">"Each cell is the worst verdict of an actor on a topic for this draft; a dot means the actor has no stated position there."</p>
            <div class="scroll" role="region" aria-label="Actor by topic grid, scrollable" tabindex="0">
                <table>
                    <caption class="visually-hidden">"Worst verdict per actor and topic"</caption>
                    <thead><tr><th scope="col">"Actor"</th>{headers}</tr></thead>
                    <tbody>{party_rows}</tbody>
                    <tbody>
                        <tr class="group-row"><th scope="rowgroup" colspan=topics + 1>"Commentators and analysts: views reported in the sources"</th></tr>
                        {view_rows}
                    </tbody>
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
    // Built only while open, so a click pays for a comparison (two
    // evaluations) only when the reader asked for one.
    let comparison = Memo::new(move |_| {
        let base = Plan::from_preset(library, preset.get()).selection(library);
        state.selection.with(|s| compare(state.lib(), &base, s, state.as_of.get()))
    });
    let name = move || library.presets[preset.get()].name.as_str();
    let clause_list = move |pick: fn(&Comparison) -> &[ClauseIx]| {
        move || {
            comparison.with(|c| {
                let clauses = pick(c);
                if clauses.is_empty() {
                    return view! { <p class="hint">"None."</p> }.into_any();
                }
                let items =
                    clauses.iter().map(|&c| view! { <li>{library.clauses[c].title.as_str()}</li> }).collect_view();
                view! { <ul>{items}</ul> }.into_any()
            })
        }
    };
    let changed = move || {
        comparison.with(|c| {
            c.changed
                .iter()
                .map(|&(cl, before, after)| {
                    let p = library.clauses[cl].param.as_ref().expect("changed clauses have a parameter");
                    view! { <li>{library.clauses[cl].title.as_str()} ": " {p.format(before)} " → " {p.format(after)}</li> }
                })
                .collect_view()
        })
    };
    // Rows are built once; each watches its own pair of verdicts. Parties
    // first; commentators and analysts in a body of their own.
    let row = |a: ActorIx| {
        let pair = Memo::new(move |_| comparison.with(|c| (c.before.actors[a].verdict, c.after.actors[a].verdict)));
        let cell = move |pick: fn((Verdict, Verdict)) -> Verdict| {
            view! {
                <td class=move || pick(pair.get()).slug()>
                    <span aria-hidden="true">{move || pick(pair.get()).symbol()} " "</span>
                    {move || pick(pair.get()).label_for(&library.actors[a])}
                </td>
            }
        };
        view! {
            <tr class:shifted=move || pair.with(|(b, a)| b != a)>
                <th scope="row">{library.actors[a].name.as_str()}</th>
                {cell(|(before, _)| before)}
                {cell(|(_, after)| after)}
                <td>{move || if pair.with(|(b, a)| b != a) { "changed" } else { "" }}</td>
            </tr>
        }
    };
    let party_rows = parties(library).map(row).collect_view();
    let view_rows = views(library).map(row).collect_view();
    view! {
        <section class="panel comparison" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Compare with a plan"</h2>
            <label for="compare-preset">"Compare the draft with"</label>
            <select id="compare-preset" on:change=move |ev| { if let Ok(p) = event_target_value(&ev).parse() { preset.set(p) } }>
                {preset_options(library)}
            </select>
            {move || preset_caveat(library, preset.get())}
            <div class="diff">
                <section><h3>"Only in the draft"</h3>{clause_list(|c| &c.added)}</section>
                <section><h3>{move || format!("Only in {}", name())}</h3>{clause_list(|c| &c.removed)}</section>
                <section><h3>"Different values"</h3><ul>{changed}</ul></section>
            </div>
            <div class="scroll" role="region" aria-label="Verdicts compared" tabindex="0">
                <table>
                    <caption>{move || format!("Verdicts: {} and the draft ({} actors changed)", name(), comparison.with(|c| c.shifts().count()))}</caption>
                    <thead><tr>
                        <th scope="col">"Actor"</th><th scope="col">{name}</th><th scope="col">"Draft"</th>
                        <th scope="col"><span class="visually-hidden">"Change"</span></th>
                    </tr></thead>
                    <tbody>{party_rows}</tbody>
                    <tbody>
                        <tr class="group-row"><th scope="rowgroup" colspan="4">"Commentators and analysts: views"</th></tr>
                        {view_rows}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
