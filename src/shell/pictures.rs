//! The shape of the conflict: an actor × topic grid of worst verdicts, and a
//! side-by-side comparison of the draft with any preset.

use leptos::prelude::*;

use std::fmt::Write;

use super::cite::preset_caveat;
use super::state::State;
use super::{data_of, esc};
use crate::evaluate::{compare, Comparison, Verdict};
use crate::grid::{cell_reasons, topic_cells, Cell, Direction};
use crate::library::{ActorIx, ClauseIx, Completeness, Library, Preset, PresetIx, TopicIx};
use crate::plan::Plan;

/// The pictures are built only while open: kept up to date on every click,
/// a 26 × 20 grid and a comparison cost more than the verdicts themselves
/// (measured in e2e/tests/latency.spec.js). Both are escaped markup of
/// library text with delegated handlers, as in agreement.rs: as Leptos views
/// they cost about 11 KB gzip more of download.
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
                <div id="grid-picture">{move || (show_grid.get() || state.printing.get()).then(|| super::on_demand(grid))}</div>
            </div>
            <div id="compare" class="analysis">
                {disclosure(show_comparison, "compare-picture", "Compare the draft with a plan")}
                <div id="compare-picture">{move || show_comparison.get().then(|| super::on_demand(comparison))}</div>
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

/// A cell's class and content: a symbol, and the same in words for screen readers.
fn cell_parts(library: &Library, a: ActorIx, t: TopicIx, cell: Cell) -> (&'static str, String) {
    let actor = &library.actors[a];
    let words = format!("{}: {} on {}", actor.name, cell.label(actor), library.topics[t].name);
    (
        cell.slug(),
        format!(
            "<span aria-hidden=\"true\">{}</span><span class=\"visually-hidden\">{}</span>",
            cell.symbol(),
            esc(&words)
        ),
    )
}

/// The whole table, once; later clicks update only the cells that changed.
/// Every cell is a button, one tab stop for the table (`rove`).
fn grid_html(library: &Library, cells: &[Cell]) -> String {
    let topics = library.topics.len();
    let mut h = format!(
        "<table class=\"rove\" data-columns=\"{topics}\"><caption class=\"visually-hidden\">Worst standing per actor and topic</caption>\
         <thead><tr><th scope=\"col\">Actor</th>"
    );
    for t in &library.topics {
        let _ = write!(h, "<th scope=\"col\"><span class=\"vertical\">{}</span></th>", esc(&t.name));
    }
    h.push_str("</tr></thead><tbody>");
    let first = parties(library).next();
    let row = |h: &mut String, a: ActorIx| {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", esc(&library.actors[a].name));
        for t in 0..topics {
            let (class, content) = cell_parts(library, a, t, cells[a * topics + t]);
            let stop = if Some(a) == first && t == 0 { "0" } else { "-1" };
            let _ = write!(
                h,
                "<td id=\"cell-{a}-{t}\" class=\"{class}\"><button type=\"button\" class=\"cell-button\" data-cell=\"{a},{t}\" \
                 tabindex=\"{stop}\" aria-controls=\"cell-reasons\">{content}</button></td>"
            );
        }
        h.push_str("</tr>");
    };
    parties(library).for_each(|a| row(&mut h, a));
    let _ = write!(
        h,
        "</tbody><tbody><tr class=\"group-row\"><th scope=\"rowgroup\" colspan=\"{}\">Commentators and analysts: views reported in the sources</th></tr>",
        topics + 1
    );
    views(library).for_each(|a| row(&mut h, a));
    h.push_str("</tbody></table>");
    h
}

/// The positions behind one cell, worst first, each with what the draft makes of it.
fn reasons_html(library: &Library, reasons: &[(crate::library::PositionIx, Cell)], a: ActorIx, t: TopicIx) -> String {
    let actor = &library.actors[a];
    let mut h = format!("<h3>{} on {}</h3><ul>", esc(&actor.name), esc(&library.topics[t].name));
    for &(p, cell) in reasons {
        let position = &library.positions[p];
        let _ = write!(
            h,
            "<li class=\"{}\"><span class=\"symbol\" aria-hidden=\"true\">{} </span><strong>{}</strong>: {} <span class=\"said\">({}, {})</span></li>",
            cell.slug(),
            cell.symbol(),
            cell.label(actor),
            esc(&position.summary),
            esc(&position.speaker),
            position.date.human()
        );
    }
    if reasons.is_empty() {
        h.push_str("<li>No stated position on this topic.</li>");
    }
    h.push_str("</ul><button type=\"button\" data-close>Close</button>");
    h
}

/// The grid's code is split off the main wasm (shell/on_demand.rs): only
/// this function may call into it.
#[leptos::wasm_split::wasm_split(grid, wasm_split_path = ::leptos::wasm_split, fallible, preload(grid_preload))]
pub(super) fn grid() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(untrack(|| view! { <Grid /> }.into_any()))
}

#[component]
fn Grid() -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let topics = library.topics.len();
    // Built once; an effect rewrites only the cells whose standing moved, so
    // focus and the roving tab stop survive a click elsewhere.
    let initial = state.standings.with_untracked(|s| topic_cells(state.applied.get_untracked().0, s));
    let table = grid_html(library, &initial);
    super::effect_with(move |previous: Option<Vec<Cell>>| {
        let now = state.standings.with(|s| topic_cells(state.lib(), s));
        let before = previous.unwrap_or_else(|| initial.clone());
        let doc = document();
        for (i, (&cell, &was)) in now.iter().zip(&before).enumerate() {
            if cell == was {
                continue;
            }
            let (a, t) = (i / topics, i % topics);
            let Some(td) = doc.get_element_by_id(&format!("cell-{a}-{t}")) else { continue };
            let (class, content) = cell_parts(library, a, t, cell);
            td.set_class_name(class);
            if let Some(button) = td.first_element_child() {
                button.set_inner_html(&content);
            }
        }
        now
    });
    let opened = RwSignal::new(None::<(ActorIx, TopicIx)>);
    let reasons = move || {
        let (a, t) = opened.get()?;
        let lib = state.lib();
        Some(state.standings.with(|s| reasons_html(lib, &cell_reasons(lib, s, a, t), a, t)))
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(cell) = data_of(&ev, "data-cell") {
            let mut at = cell.split(',').filter_map(|x| x.parse::<usize>().ok());
            if let (Some(a), Some(t)) = (at.next(), at.next()) {
                opened.update(|o| *o = (*o != Some((a, t))).then_some((a, t)));
                // The reasons show under the whole grid, a screen or more
                // below the cell on a tablet: bring them into view.
                if opened.get_untracked().is_some() {
                    super::bring_into_view("#cell-reasons");
                }
            }
        } else if data_of(&ev, "data-close").is_some() {
            opened.set(None);
        }
    };
    view! {
        <section class="panel grid" aria-labelledby="grid-heading" on:click=on_click
            on:keydown=move |ev| {
                if ev.key() == "Escape" && opened.get_untracked().is_some() {
                    opened.set(None);
                } else {
                    super::rove::on_keydown(ev)
                }
            } on:focusin=super::rove::on_focusin>
            <h2 id="grid-heading">"Who objects to what"</h2>
            <p class="hint">"Each cell is the worst of an actor's positions on a topic for this draft: "
                "✖ ▲ ◆ crossed, ? open, ✓ met, ○ not touched; an empty cell, hatched on screen, means no stated position. "
                <span class="on-screen">"Open a cell for its positions; arrow keys move between cells."</span></p>
            <div class="scroll" role="region" aria-label="Actor by topic grid, scrollable" inner_html=table></div>
            <div id="cell-reasons" class="cell-reasons" aria-live="polite" inner_html=reasons></div>
        </section>
    }
}

/// Diff lists and the verdicts table; "Add" buttons carry `data-add`.
fn comparison_html(library: &Library, c: &Comparison, plan: &Preset) -> String {
    let in_text = esc(&plan.in_text());
    let mut h = String::from("<div class=\"diff\"><section><h3>Only in the draft</h3>");
    let list = |h: &mut String, clauses: &[ClauseIx], addable: bool| {
        if clauses.is_empty() {
            h.push_str("<p class=\"hint\">None.</p>");
            return;
        }
        // A list with buttons is a list of rows, each button at its row's
        // end: inline, a 44 px button split the title's lines apart.
        h.push_str(if addable { "<ul class=\"addable\">" } else { "<ul>" });
        for &c in clauses {
            let title = esc(&library.clauses[c].title);
            if addable {
                let _ = write!(h, "<li><span>{title}</span> <button type=\"button\" class=\"add-clause\" data-add=\"{c}\" aria-label=\"Add to the draft: {title}\">Add</button>");
            } else {
                let _ = write!(h, "<li>{title}");
            }
            h.push_str("</li>");
        }
        h.push_str("</ul>");
    };
    list(&mut h, &c.added, false);
    let _ = write!(h, "</section><section><h3>Only in {in_text}</h3>");
    list(&mut h, &c.removed, true);
    h.push_str("</section><section><h3>Different values</h3>");
    let values: String = c
        .changed
        .iter()
        .filter_map(|&(cl, before, after)| {
            let p = library.clauses[cl].param.as_ref()?;
            // An arrow left the reader to guess which side was the draft.
            Some(format!(
                "<li>{}: {} in {in_text}; {} in the draft</li>",
                esc(&library.clauses[cl].title),
                p.format(before),
                p.format(after)
            ))
        })
        .collect();
    if values.is_empty() {
        h.push_str("<p class=\"hint\">None.</p>");
    } else {
        let _ = write!(h, "<ul>{values}</ul>");
    }
    let _ = write!(
        h,
        "</section></div><div class=\"scroll\" role=\"region\" aria-label=\"Verdicts compared\" tabindex=\"0\"><table>\
         <caption>Verdicts: {in_text} and the draft ({} actors changed)</caption><thead><tr><th scope=\"col\">Actor</th>\
         <th scope=\"col\">For this actor, the draft is</th><th scope=\"col\">{name}</th><th scope=\"col\">Draft</th></tr></thead><tbody>",
        c.shifts().count(),
        name = esc(&plan.name)
    );
    let row = |h: &mut String, a: ActorIx| {
        let actor = &library.actors[a];
        let (before, after) = (c.before.verdict_of(a), c.after.verdict_of(a));
        let direction = Direction::of(before, after);
        let verdict = |v: Verdict| {
            format!(
                "<td class=\"{}\"><span aria-hidden=\"true\">{} </span>{}</td>",
                v.slug(),
                v.symbol(),
                v.label_for(actor)
            )
        };
        let _ = write!(
            h,
            "<tr class=\"{}\"><th scope=\"row\">{}</th><td class=\"direction {}\">{}</td>{}{}</tr>",
            if direction == Direction::Same { "" } else { "shifted" },
            esc(&actor.name),
            direction.slug(),
            direction.says(),
            verdict(before),
            verdict(after)
        );
    };
    parties(library).for_each(|a| row(&mut h, a));
    // "Changed verdicts only" hides the group's heading too when none of its rows changed.
    let views_shifted = c.shifts().any(|(a, ..)| !library.actors[a].is_party());
    let _ = write!(
        h,
        "</tbody><tbody><tr class=\"group-row{}\"><th scope=\"rowgroup\" colspan=\"4\">Commentators and analysts: views</th></tr>",
        if views_shifted { "" } else { " unchanged" }
    );
    views(library).for_each(|a| row(&mut h, a));
    h.push_str("</tbody></table></div>");
    h
}

/// The comparison's code is split off the main wasm (shell/on_demand.rs).
#[leptos::wasm_split::wasm_split(comparison, wasm_split_path = ::leptos::wasm_split, fallible, preload(comparison_preload))]
pub(super) fn comparison() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(untrack(|| view! { <Comparison /> }.into_any()))
}

#[component]
fn Comparison() -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let origin = state.facts.based_on;
    let preset = RwSignal::new(untrack(move || origin.get()).unwrap_or(0) as PresetIx);
    let changed_only = RwSignal::new(false);
    // What the last "Add" did, in words, for its notice with Undo: the
    // answer it replaced too, which a reader would not see go otherwise.
    let added = RwSignal::new(None::<String>);
    // Built only while open, so a click pays for a comparison (two
    // evaluations) only when the reader asked for one.
    let comparison = Memo::new(move |_| {
        let base = Plan::from_preset(library, preset.get()).selection(library);
        state.selection.with(|s| compare(state.lib(), &base, s, state.as_of.get()))
    });
    let plan = move || &library.presets[preset.get()];
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(c) = data_of(&ev, "data-add").and_then(|c| c.parse::<ClauseIx>().ok()) {
            let value =
                library.presets[preset.get_untracked()].items.iter().find(|i| i.clause == c).and_then(|i| i.value);
            let mut said = String::new();
            state.edit(|p| {
                said = p.add(library, c).said_of_add(library, c);
                if let Some(v) = value {
                    p.set_value(library, c, v);
                }
            });
            added.set(Some(esc(&said)));
        } else if data_of(&ev, "data-undo").is_some() {
            state.editor.update(|e| {
                e.undo();
            });
            added.set(None);
        }
    };
    let options: String = library
        .presets
        .iter()
        .enumerate()
        .map(|(p, it)| {
            let partial = if it.completeness == Completeness::Partial { " (partly described)" } else { "" };
            let selected = if untrack(move || preset.get()) == p { " selected" } else { "" };
            format!("<option value=\"{p}\"{selected}>{}{partial}</option>", esc(&it.name))
        })
        .collect();
    view! {
        <section class="panel comparison" aria-labelledby="compare-heading" on:click=on_click>
            <h2 id="compare-heading">"Compare with a plan"</h2>
            <label for="compare-preset">"Compare the draft with"</label>
            <select id="compare-preset" inner_html=options
                on:change=move |ev| { if let Ok(p) = event_target_value(&ev).parse() { preset.set(p) } }>
            </select>
            <p class="against">{move || if origin.get() == Some(preset.get()) {
                format!("Against the plan you started from: {}.", plan().name)
            } else {
                format!("Against {}: not the plan the draft started from.", plan().in_text())
            }}</p>
            {move || preset_caveat(library, preset.get())}
            <p role="status" class="added-notice" inner_html=move || added.get().map(|text| format!(
                "{text} <button type=\"button\" data-undo>Undo</button>"))></p>
            <label class="changed-filter"><input type="checkbox" on:change=move |ev| changed_only.set(event_target_checked(&ev)) />
                " Changed verdicts only"</label>
            <div class:changed-only=changed_only inner_html=move || comparison.with(|c| comparison_html(library, c, plan()))></div>
        </section>
    }
}
