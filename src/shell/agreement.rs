//! Find agreement (#9): pick a coalition, lock clauses in the draft, and ask
//! for the smallest change after which no member has a hard red line crossed,
//! or the positions that make it impossible; and who can agree with whom.
//!
//! Every answer comes from `repair.rs` and is computed when asked (a button,
//! a cell), never on a draft edit. The controls, the answer and the pairs
//! table are escaped markup with two delegated handlers (click, change).
//! The first version, written as Leptos views, made the whole feature cost
//! 37.7 KB gzip of download (every distinct view shape is code, and 8 KB was
//! formatting one float); as markup it costs 18.4 KB, most of it the search.

use std::fmt::Write;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::State;
use crate::date::Date;
use crate::library::{ActorIx, ClauseIx, Library, PositionIx, Selection};
use crate::repair::{agreement, Outcome, Repair, RepairSearch};

/// Deeper searches than this can take seconds on large coalitions; six edits
/// repair every coalition of two and three actors from any preset.
const MAX_EDITS: usize = 6;
const WANTED: usize = 5;

/// Quick picks by actor id; the last picks every actor, "None" no one.
const QUICK_PICKS: [(&str, &[&str]); 5] = [
    ("Ukraine, the US and the EU", &["ukraine", "usa", "eu"]),
    ("Ukraine and Russia", &["ukraine", "russia"]),
    ("Ukraine, Russia and the US", &["ukraine", "russia", "usa"]),
    ("None", &[]),
    ("All parties", &[]),
];

/// What an answer was computed for, to tell when it no longer fits.
#[derive(Clone, PartialEq)]
struct Asked {
    coalition: Vec<ActorIx>,
    locked: Vec<ClauseIx>,
    plan: Selection,
    as_of: Option<Date>,
}

#[derive(Clone)]
struct Answer {
    asked: Asked,
    /// `data-outcome`: "acceptable", "repairs", "conflict", "none" or "empty".
    kind: &'static str,
    headline: String,
    /// Introduces `positions`: the hard red lines the repairs resolve, or the conflict.
    positions_note: String,
    positions: Vec<PositionIx>,
    repairs: Vec<Repair>,
}

/// The coalition picked, the last answer, and the repair applied from it:
/// one signal, since every signal type is code to download.
#[derive(Clone, Default)]
struct Finder {
    coalition: Vec<bool>,
    answer: Option<Answer>,
    applied: Option<usize>,
}

/// The disclosure; the panel is built only when opened, so it costs nothing
/// at start. The coalition and the last answer outlive closing it.
#[component]
pub fn Agreement() -> impl IntoView {
    let open = RwSignal::new(false);
    let finder = RwSignal::new(Finder::default());
    view! {
        <section class="agreement" aria-label="Find agreement">
            <button type="button" class="disclosure" aria-expanded=move || open.get().to_string()
                aria-controls="agreement-body" on:click=move |_| open.update(|o| *o = !*o)>
                "Find agreement: the smallest change a coalition can accept"
            </button>
            <div id="agreement-body">{move || open.get().then(|| view! { <Panel finder /> })}</div>
        </section>
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Ukraine, Russia and United States"; "all 26 actors".
fn names(library: &Library, actors: &[ActorIx]) -> String {
    if actors.len() == library.actors.len() {
        return format!("all {} actors", actors.len());
    }
    let mut out = String::new();
    for (i, &a) in actors.iter().enumerate() {
        out.push_str(match i {
            0 => "",
            _ if i + 1 == actors.len() => " and ",
            _ => ", ",
        });
        out.push_str(&library.actors[a].name);
    }
    out
}

/// Runs the exact search for what was asked and says what it found.
fn answer(library: &'static Library, asked: Asked) -> Answer {
    let mut a = Answer {
        kind: "empty",
        headline: "Pick at least one actor for the coalition.".into(),
        positions_note: String::new(),
        positions: Vec::new(),
        repairs: Vec::new(),
        asked,
    };
    if a.asked.coalition.is_empty() {
        return a;
    }
    let started = js_sys::Date::now();
    let asked = &a.asked;
    let search = RepairSearch::new(library, &asked.coalition, &asked.locked, asked.as_of);
    let who = names(library, &asked.coalition);
    let locks = plural(asked.locked.len(), "locked clause", "locked clauses");
    let crossed = search.crossed(&asked.plan);
    let lines = plural(crossed.len(), "hard red line", "hard red lines");
    match search.repairs(&asked.plan, WANTED, MAX_EDITS) {
        Outcome::AlreadyAcceptable => {
            a.kind = "acceptable";
            a.headline = format!("The draft as it is crosses no hard red line of {who}.");
        }
        Outcome::Repairs(repairs) => {
            a.kind = "repairs";
            let ways = match repairs.len() {
                WANTED => format!("{WANTED} of the ways"),
                k => plural(k, "way", "ways"),
            };
            a.headline = format!(
                "The smallest change takes {}; no smaller one exists. Below: {ways} to make it.",
                plural(repairs[0].edits.len(), "edit", "edits")
            );
            a.positions_note = format!("The draft crosses {lines} of {who}; each repair resolves them all:");
            a.positions = crossed;
            a.repairs = repairs;
        }
        Outcome::NoneWithin(max) => match search.conflict(&asked.plan) {
            Some(conflict) => {
                a.kind = "conflict";
                a.headline = format!("No repair exists that keeps your {locks}: these positions cannot all hold.");
                a.positions_note = format!(
                    "A minimal conflict of {}: without any one of them, some plan keeping the locks satisfies the rest.",
                    plural(conflict.len(), "position", "positions")
                );
                a.positions = conflict;
            }
            None => {
                a.kind = "none";
                let keeping = match asked.locked.len() {
                    0 => String::new(),
                    _ => format!(" keeping your {locks}"),
                };
                a.headline = format!(
                    "No repair of at most {max} edits. Some plan{keeping} crosses none of these {lines} of {who}, \
                     but it is more than {max} edits from the draft: try removing clauses first."
                );
                a.positions_note = "The hard red lines the draft crosses:".into();
                a.positions = crossed;
            }
        },
    }
    // Whole milliseconds: formatting a float pulled in 8 KB gzip of wasm (measured).
    let _ = write!(a.headline, " Exact; computed in {} ms.", (js_sys::Date::now() - started) as u32);
    a
}

#[component]
fn Panel(finder: RwSignal<Finder>) -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let n = library.actors.len();
    if finder.with_untracked(|f| f.coalition.len() != n) {
        finder.update(|f| f.coalition = vec![false; n]);
    }
    let asked = move || Asked {
        coalition: finder.with(|f| (0..n).filter(|&a| f.coalition[a]).collect()),
        locked: state.locked.get(),
        plan: state.selection.get(),
        as_of: state.as_of.get(),
    };
    let stale = Memo::new(move |_| {
        let now = asked();
        finder.with(|f| f.answer.as_ref().is_some_and(|a| a.asked != now))
    });
    let find = move || {
        let found = self::answer(library, untrack(asked));
        finder.update(|f| {
            f.answer = Some(found);
            f.applied = None;
        });
    };
    // Checkboxes are markup (see `controls_html`), so a pick sets them here.
    let pick = move |pick: &dyn Fn(ActorIx) -> bool| {
        finder.update(|f| f.coalition = (0..n).map(pick).collect());
        for a in 0..n {
            if let Some(input) = document().get_element_by_id(&format!("ally-{a}")) {
                input.unchecked_into::<web_sys::HtmlInputElement>().set_checked(pick(a));
            }
        }
    };
    // The pairs change only with the locks, their values and the date, so
    // other draft edits leave the table alone.
    let locks = Memo::new(move |_| {
        state.locked.with(|l| {
            state.selection.with(|s| l.iter().map(|&c| (c, s.value(c).unwrap_or_default())).collect::<Vec<_>>())
        })
    });
    let matrix = move || {
        locks.with(|l| {
            let mut plan = Selection::empty(library.clauses.len());
            l.iter().for_each(|&(c, v)| plan.insert(c, v));
            let locked: Vec<ClauseIx> = l.iter().map(|&(c, _)| c).collect();
            agreement(library, &plan, &locked, state.as_of.get())
        })
    };
    let table = pairs_html(library, &untrack(matrix), state.locked.with_untracked(Vec::len));
    // Cells are patched where their verdict changed, not rebuilt: parsing and
    // laying out a new 351-button table took 20-40 ms per lock click.
    Effect::new(move |_| {
        let m = matrix();
        let doc = document();
        if let Some(intro) = doc.get_element_by_id("pairs-intro") {
            intro.set_text_content(Some(&pairs_intro(state.locked.with(Vec::len))));
        }
        for a in 0..n {
            for b in 0..=a {
                let Some(el) = doc.get_element_by_id(&format!("pair-{a}-{b}")) else { continue };
                let (class, symbol, label) = cell(library, a, b, m[a * n + b]);
                if el.class_name() != class {
                    el.set_class_name(class);
                    el.set_text_content(Some(symbol));
                    let _ = el.set_attribute("aria-label", &label);
                    let _ = el.set_attribute("title", &label);
                }
            }
        }
    });
    // Focus goes to the answer after Apply (the button is disabled then)
    // and after a cell (the answer is above the table).
    let focus_answer = || {
        if let Some(el) = document().get_element_by_id("agreement-answer") {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let data = |name: &str| target.closest(&format!("[{name}]")).ok().flatten().and_then(|e| e.get_attribute(name));
        let number = |name: &str| data(name).and_then(|i| i.parse::<usize>().ok());
        if let Some(i) = number("data-apply") {
            let repair = finder.with_untracked(|f| f.answer.as_ref().and_then(|a| a.repairs.get(i).cloned()));
            if let (Some(r), false) = (repair, stale.get_untracked()) {
                state.edit(|p| r.apply_to(library, p));
                finder.update(|f| f.applied = Some(i + 1));
                focus_answer();
            }
        } else if data("data-find").is_some() {
            find();
        } else if let Some(i) = number("data-pick") {
            let ids = QUICK_PICKS.get(i).map_or(&[][..], |p| p.1);
            let everyone = i == QUICK_PICKS.len() - 1;
            // "All parties" means parties: commentators are never in a coalition.
            pick(&|a| (everyone && library.actors[a].is_party()) || ids.contains(&library.actors[a].id.as_str()));
        } else if let Some(pair) = data("data-pair") {
            let mut ix = pair.split(' ').filter_map(|x| x.parse::<usize>().ok());
            let (a, b) = (ix.next(), ix.next());
            pick(&|x| Some(x) == a || Some(x) == b);
            find();
            focus_answer();
        }
    };

    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(a) = input.get_attribute("data-actor").and_then(|a| a.parse::<usize>().ok()) {
            finder.update(|f| f.coalition[a] = input.checked());
        }
    };
    let controls = finder.with_untracked(|f| controls_html(library, &f.coalition));
    view! {
        <div class="panel agreement-panel" on:click=on_click on:change=on_change>
            <div inner_html=controls></div>
            <div id="agreement-answer" tabindex="-1">
                <p class="headline" role="status">{move || finder.with(|f| f.answer.as_ref().map(|a| {
                    match (stale.get(), f.applied) {
                        (false, _) => a.headline.clone(),
                        (true, Some(i)) => format!("Repair {i} applied: Undo restores the draft. Find again after further changes."),
                        (true, None) => "The draft, the locks, the date or the coalition changed since this answer: find again.".into(),
                    }
                }))}</p>
                <div inner_html=move || finder.with(|f| f.answer.as_ref().map(|a| answer_html(library, a, stale.get())))></div>
            </div>
            <div inner_html=table></div>
        </div>
    }
}

/// The explanation, the coalition's quick picks and checkboxes, and the
/// button, as markup: clicks and changes reach the panel's two handlers.
fn controls_html(library: &Library, coalition: &[bool]) -> String {
    let mut h = String::from(
        "<h2>Find agreement</h2><p class=\"hint\">The smallest change to your draft (clauses added, removed or \
         switched, values set) after which no actor you pick has a hard red line crossed. Clauses you lock in the \
         draft stay as they are.</p><fieldset class=\"coalition\"><legend>Coalition</legend>\
         <div class=\"toolbar\" role=\"group\" aria-label=\"Quick picks\">",
    );
    for (i, (label, _)) in QUICK_PICKS.iter().enumerate() {
        let _ = write!(h, "<button type=\"button\" data-pick=\"{i}\">{label}</button>");
    }
    h.push_str("</div><ul>");
    // Parties only: a commentator's view is no party to a settlement.
    for (a, actor) in library.actors.iter().enumerate().filter(|(_, a)| a.is_party()) {
        let checked = if coalition[a] { " checked" } else { "" };
        let _ = write!(
            h,
            "<li><label><input type=\"checkbox\" id=\"ally-{a}\" data-actor=\"{a}\" data-id=\"{}\"{checked}> {}</label></li>",
            esc(&actor.id),
            esc(&actor.name)
        );
    }
    h.push_str("</ul></fieldset><button type=\"button\" class=\"find\" data-find>Find the smallest change</button>");
    h
}

/// Library text in markup: the data is ours, but a title may hold `&` or `<`.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The repairs as lists of edits with an Apply button each, then the
/// positions (resolved, or in conflict) side by side with their quotes.
fn answer_html(library: &Library, a: &Answer, stale: bool) -> String {
    let mut h = format!("<div data-outcome=\"{}\" data-coalition=\"", a.kind);
    for (i, c) in a.asked.coalition.iter().enumerate() {
        let _ = write!(h, "{}{c}", if i == 0 { "" } else { " " });
    }
    h.push_str("\">");
    if !a.repairs.is_empty() {
        h.push_str("<ol class=\"repairs\">");
        for (i, r) in a.repairs.iter().enumerate() {
            let _ = write!(h, "<li class=\"repair\" data-edits=\"{}\"><ol>", r.edits.len());
            for e in &r.edits {
                let _ = write!(h, "<li>{}</li>", esc(&e.describe(library)));
            }
            let off = if stale { " disabled" } else { "" };
            let _ =
                write!(h, "</ol><button type=\"button\" data-apply=\"{i}\"{off}>Apply repair {}</button></li>", i + 1);
        }
        h.push_str("</ol>");
    }
    if !a.positions.is_empty() {
        let _ = write!(h, "<p>{}</p><ul class=\"side-by-side\">", esc(&a.positions_note));
        for &p in &a.positions {
            let pos = &library.positions[p];
            let _ = write!(
                h,
                "<li class=\"position\"><p class=\"who\">{}</p><p><strong>{}</strong>: {}</p>",
                esc(&library.actors[pos.actor].name),
                pos.strength.label(),
                esc(&pos.summary)
            );
            // As `cite::Quote` shows a quote everywhere else.
            if let Some(cite) = pos.cite.first() {
                let s = library.source(cite);
                let note = s.date_note.as_deref().map(|n| format!(" ({})", esc(n))).unwrap_or_default();
                let _ = write!(
                    h,
                    "<figure class=\"quote\"><blockquote>{}</blockquote><figcaption><cite>{}</cite>, {}, {}{note}\
                     <span class=\"file\"> · {}</span></figcaption></figure>",
                    esc(&cite.quote),
                    esc(&s.title),
                    esc(&s.outlet),
                    s.date.human(),
                    esc(&s.file)
                );
            }
            let _ = write!(h, "<p class=\"attribution\">{}, {}</p></li>", esc(&pos.speaker), pos.date.human());
        }
        h.push_str("</ul>");
    }
    h.push_str("</div>");
    h
}

fn pairs_intro(locks: usize) -> String {
    match locks {
        0 => "Nothing is locked, so every pair can agree on some plan: the blank plan crosses no hard red line. \
              Lock clauses in the draft to ask who can agree on a plan that keeps them."
            .to_string(),
        k => format!(
            "With your {} kept: ✓ some plan crosses neither actor's hard red lines, ✕ none does. \
             Select a cell for that pair's smallest change, or the positions in the way.",
            plural(k, "locked clause", "locked clauses")
        ),
    }
}

/// A cell's class, symbol and label: ✓ and ✕ with the verdict in words.
fn cell(library: &Library, a: ActorIx, b: ActorIx, ok: bool) -> (&'static str, &'static str, String) {
    let name = &library.actors[a].name;
    let pair = if a == b { format!("{name} alone") } else { format!("{name} and {}", library.actors[b].name) };
    match ok {
        true => ("yes", "✓", format!("{pair}: can agree")),
        false => ("no", "✕", format!("{pair}: cannot agree")),
    }
}

/// Who can agree with whom, as a lower-triangular table of buttons; the
/// diagonal is each actor alone.
fn pairs_html(library: &Library, matrix: &[bool], locks: usize) -> String {
    let n = library.actors.len();
    let mut h = format!(
        "<h3>Who can agree with whom</h3><p class=\"hint\" id=\"pairs-intro\">{}</p><div class=\"scroll pairs\" \
         role=\"region\" aria-label=\"Pairs of actors, scrollable\" tabindex=\"0\"><table><caption \
         class=\"visually-hidden\">Whether a plan keeping your locked clauses crosses neither actor's hard red \
         lines</caption><thead><tr><th scope=\"col\">Actor</th>",
        pairs_intro(locks)
    );
    // Parties only: commentators and analysts are no party to a settlement.
    let parties: Vec<usize> = (0..n).filter(|&a| library.actors[a].is_party()).collect();
    for &a in &parties {
        let _ = write!(h, "<th scope=\"col\"><span class=\"vertical\">{}</span></th>", esc(&library.actors[a].name));
    }
    h.push_str("</tr></thead><tbody>");
    for (row, &a) in parties.iter().enumerate() {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", esc(&library.actors[a].name));
        for &b in &parties[..=row] {
            let (class, symbol, label) = cell(library, a, b, matrix[a * n + b]);
            let label = esc(&label);
            let _ = write!(
                h,
                "<td><button type=\"button\" class=\"{class}\" id=\"pair-{a}-{b}\" data-pair=\"{a} {b}\" \
                 aria-label=\"{label}\" title=\"{label}\">{symbol}</button></td>"
            );
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></div>");
    h
}
