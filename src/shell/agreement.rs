//! Find agreement: pick a coalition of parties, the questions a settlement
//! must decide and how strict to be; lock clauses (and values) in the draft;
//! then ask for the nearest settlement to the draft, or the positions that
//! make one impossible; who can agree with whom; the largest coalitions.
//!
//! Every answer comes from `settle` and is computed when asked (a button, a
//! cell), never on a draft edit. The controls, the answer and the pairs
//! table are escaped markup with two delegated handlers (click, change).
//! The first version, written as Leptos views, made the feature cost 37.7 KB
//! gzip of download (every distinct view shape is code, and 8 KB was
//! formatting one float); as markup it cost 18.4 KB, most of it the search.

use std::fmt::Write;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::esc;
use super::state::{Applied, State};
use crate::editor::Editor;
use crate::evaluate::{Standing, Standings};
use crate::library::{ActorIx, InScenario, Library, PositionIx, QuestionIx, Selection};
use crate::repair::{Edit, Repair};
use crate::scenario::{Limits, WhatItTakes};
use crate::settle::{self, Answer as Found, Strictness, Terms};

const WANTED: usize = 5;

/// Quick picks by actor id; the last picks every party, "None" no one.
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
    /// The library under the draft's scenario.
    library: Applied,
    coalition: Vec<ActorIx>,
    terms: Terms,
    plan: Selection,
}

#[derive(Clone)]
struct Answer {
    asked: Asked,
    /// `data-outcome`: "acceptable", "repairs", "conflict" or "empty".
    kind: &'static str,
    headline: String,
    /// Introduces `positions`: what the draft does not yet respect, or the conflict.
    positions_note: String,
    positions: Vec<PositionIx>,
    repairs: Vec<Repair>,
}

/// The page as an action left it: what was asked of it, and the editor's
/// version (`Editor::version`), so that "Undo restores …" is said only
/// while one undo would take back that action.
#[derive(Clone, PartialEq)]
struct AsLeft {
    asked: Asked,
    version: u64,
}

/// The coalition, the terms picked, the last answer and the repair applied
/// from it, and the largest coalitions when asked: one signal, since every
/// signal type is code to download.
#[derive(Clone, Default)]
struct Finder {
    coalition: Vec<bool>,
    strictness: Strictness,
    /// Per question: must a settlement decide it?
    settle: Vec<bool>,
    answer: Option<Answer>,
    /// The repair applied from the answer (its number), and the page as it
    /// left it: what the headline says holds only while nothing moved since.
    applied: Option<(usize, AsLeft)>,
    /// How many positions "Make this the scenario" set aside since the
    /// answer, and the page as that left it.
    taken: Option<(usize, AsLeft)>,
    /// The largest coalitions, as markup, with the terms they were found for.
    coalitions: Option<(Asked, String)>,
    /// What would it take (#23), when asked of a conflict: for what, the
    /// answer, and how long it took in ms.
    takes: Option<(Asked, WhatItTakes, u32)>,
}

/// The disclosure; the panel is built only when opened, so it costs nothing
/// at start. The coalition, the terms and the last answer outlive closing it.
#[component]
pub fn Agreement() -> impl IntoView {
    let open = expect_context::<super::app::Analyses>().agree;
    let finder = RwSignal::new(Finder::default());
    view! {
        <section id="agree" class="agreement" aria-label="Find agreement">
            <button type="button" class="disclosure" aria-expanded=move || open.get().to_string()
                aria-controls="agreement-body" on:click=move |_| open.update(|o| *o = !*o)>
                "Find agreement: the settlement a coalition can accept"
            </button>
            <div id="agreement-body">{move || open.get().then(|| super::on_demand(move || panel(finder)))}</div>
        </section>
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Ukraine, Russia and the United States".
fn names(library: &Library, actors: &[ActorIx]) -> String {
    crate::evaluate::listed(&actors.iter().map(|&a| library.actors[a].in_text()).collect::<Vec<_>>())
}

/// "4 positions: 3 of Ukraine, 1 of Russia".
fn whose(library: &Library, positions: &[PositionIx]) -> String {
    let mut actors: Vec<ActorIx> = Vec::new();
    for &p in positions {
        let a = library.positions[p].actor;
        if !actors.contains(&a) {
            actors.push(a);
        }
    }
    let mut out = plural(positions.len(), "position", "positions");
    for (i, &a) in actors.iter().enumerate() {
        let n = positions.iter().filter(|&&p| library.positions[p].actor == a).count();
        let _ = write!(out, "{}{n} of {}", if i == 0 { ": " } else { ", " }, library.actors[a].in_text());
    }
    out
}

/// Runs the exact search for what was asked and says what it found.
fn answer(asked: Asked) -> Answer {
    let library = asked.library.0;
    let mut a = Answer {
        kind: "empty",
        headline: "Pick at least one party for the coalition.".into(),
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
    let search = settle::SettlementSearch::new(library, &asked.coalition, &asked.terms);
    let who = names(library, &asked.coalition);
    let level = asked.terms.strictness.label();
    match search.answer(&asked.plan, WANTED) {
        Found::Settled => {
            a.kind = "acceptable";
            let settles = match asked.terms.settle.is_empty() {
                true => "No question is chosen to decide",
                false => "The draft already settles every chosen question",
            };
            a.headline = format!("{settles}, and no position of {who} at “{level}” is crossed or left open.");
        }
        Found::Repairs(repairs) => {
            a.kind = "repairs";
            let unsettled = search.unsettled(&asked.plan).len();
            let unmet = search.unmet(&asked.plan);
            let ways = match repairs.len() {
                WANTED => format!("{WANTED} of the ways"),
                k => plural(k, "way", "ways"),
            };
            a.headline = format!(
                "The nearest settlement takes {}; no smaller one exists. Below: {ways} to make it.",
                plural(repairs[0].edits.len(), "change", "changes")
            );
            // The list of positions follows this note: it ends on its colon.
            a.positions_note = match (unmet.len(), unsettled) {
                (0, 0) => format!("The draft crosses no position of {who} at “{level}”."),
                (0, n) => format!("The draft crosses no position of {who} at “{level}”, but leaves {n} of the chosen questions undecided."),
                (_, 0) => format!(
                    "The draft does not yet respect {} at “{level}” (crossed, or left open: a settlement must meet each, whichever questions it decides):",
                    whose(library, &unmet)
                ),
                (_, n) => format!(
                    "The draft leaves {n} of the chosen questions undecided, and does not yet respect {} at “{level}” \
                     (crossed, or left open: a settlement must meet each, whichever questions it decides):",
                    whose(library, &unmet)
                ),
            };
            a.positions = unmet;
            a.repairs = repairs;
        }
        Found::Conflict(conflict) => {
            a.kind = "conflict";
            a.headline = format!("No settlement exists: {}", conflict.sentence);
            a.positions_note = match conflict.positions.len() {
                0 => "Your locks and the questions to decide alone leave no settlement.".into(),
                // Minimal for this clash only: setting one aside ends it, but
                // other clashes may stand ("What would it take" finds them all).
                1 => "This position cannot be respected under your locks and questions; without it this clash ends, though other clashes may remain.".into(),
                n => format!(
                    "These {n} positions cannot all be respected; without any one of them they no longer clash, though other clashes may remain."
                ),
            };
            a.positions = conflict.positions;
        }
    }
    // Whole milliseconds: formatting a float pulled in 8 KB gzip of wasm (measured).
    let _ = write!(a.headline, " Exact; computed in {} ms.", (js_sys::Date::now() - started) as u32);
    a
}

/// What the draft still leaves crossed or open below the chosen strictness,
/// for the coalition: "still open or crossed below that: 3 firm demands of the EU".
fn below(library: &Library, asked: &Asked, standings: &Standings) -> String {
    let mut found: Vec<PositionIx> = Vec::new();
    for &a in &asked.coalition {
        for &p in &library.actors[a].positions {
            let counted = asked.terms.strictness.counts(library.positions[p].strength);
            if !counted && matches!(standings.positions[p], Some(Standing::Crossed | Standing::Open)) {
                found.push(p);
            }
        }
    }
    match found.len() {
        0 => " Nothing weaker is crossed or open either.".into(),
        _ => format!(" Still crossed or open below that: {}.", whose(library, &found)),
    }
}

/// The panel's code, with the settlement search, is split off the main wasm
/// (shell/on_demand.rs): only this function may call into it.
#[leptos::wasm_split::wasm_split(agreement, wasm_split_path = ::leptos::wasm_split, fallible, preload(panel_preload))]
pub(super) fn panel(finder: RwSignal<Finder>) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(untrack(|| view! { <Panel finder /> }.into_any()))
}

#[component]
fn Panel(finder: RwSignal<Finder>) -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let n = library.actors.len();
    let questions = library.questions.len();
    if finder.with_untracked(|f| f.coalition.len() != n || f.settle.len() != questions) {
        let default = settle::default_settle(library);
        finder.update(|f| {
            f.coalition = vec![false; n];
            f.settle = (0..questions).map(|q| default.contains(&q)).collect();
        });
    }
    // The terms a search runs under: a memo, so coalition ticks leave the
    // pairs table alone.
    let picked = Memo::new(move |_| finder.with(|f| (f.strictness, f.settle.clone())));
    let terms = move || {
        let (strictness, settle) = picked.get();
        Terms {
            strictness,
            settle: (0..questions).filter(|&q| settle[q]).collect(),
            locked: state.locked.get(),
            value_locked: state.value_locked.get(),
            as_of: state.as_of.get(),
        }
    };
    let asked = move || Asked {
        library: state.applied.get(),
        coalition: finder.with(|f| (0..n).filter(|&a| f.coalition[a]).collect()),
        terms: terms(),
        plan: state.selection.get(),
    };
    let as_left = move || AsLeft { asked: untrack(asked), version: state.editor.with_untracked(Editor::version) };
    let stale = Memo::new(move |_| {
        let now = asked();
        finder.with(|f| f.answer.as_ref().is_some_and(|a| a.asked != now))
    });
    let find = move || {
        let found = self::answer(untrack(asked));
        finder.update(|f| {
            f.answer = Some(found);
            f.applied = None;
            f.taken = None;
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
    let set_questions = move |chosen: Vec<QuestionIx>| {
        finder.update(|f| f.settle = (0..questions).map(|q| chosen.contains(&q)).collect());
        for q in 0..questions {
            if let Some(input) = document().get_element_by_id(&format!("settle-{q}")) {
                input.unchecked_into::<web_sys::HtmlInputElement>().set_checked(chosen.contains(&q));
            }
        }
        update_settle_count(finder);
    };
    // The pairs change only with the terms (locks, their values, the date,
    // strictness, questions), so other draft edits leave the table alone.
    let locks = Memo::new(move |_| {
        state.locked.with(|l| {
            state.value_locked.with(|v| {
                state
                    .selection
                    .with(|s| l.iter().chain(v).map(|&c| (c, s.value(c).unwrap_or_default())).collect::<Vec<_>>())
            })
        })
    });
    let matrix = move || {
        locks.with(|l| {
            let mut plan = Selection::empty(library.clauses.len());
            l.iter().for_each(|&(c, v)| plan.insert(c, v));
            settle::agreement(state.lib(), &plan, &terms())
        })
    };
    let table = pairs_html(library, &untrack(matrix), &untrack(terms));
    // Cells are patched where their verdict changed, not rebuilt: parsing and
    // laying out a new table of buttons took 20-40 ms per lock click.
    super::effect(move || {
        let m = matrix();
        let doc = document();
        if let Some(intro) = doc.get_element_by_id("pairs-intro") {
            intro.set_text_content(Some(&pairs_intro(library, &m, &untrack(terms))));
        }
        let k = m.parties.len();
        for i in 0..k {
            for j in 0..=i {
                let (a, b) = (m.parties[i], m.parties[j]);
                let Some(el) = doc.get_element_by_id(&format!("pair-{a}-{b}")) else { continue };
                let (class, symbol, label) = cell(library, a, b, m.get(i, j));
                if el.class_name() != class {
                    el.set_class_name(class);
                    el.set_text_content(Some(symbol));
                    let _ = el.set_attribute("aria-label", &label);
                    let _ = el.set_attribute("title", &label);
                }
            }
        }
    });
    // Focus goes to the answer's headline after Apply (the button is
    // disabled then) and after a cell (the answer is above the table): the
    // line that says what happened, brought into view, not the whole answer,
    // whose top can be a screen above the headline's news.
    let focus = |id: &str| {
        if let Some(el) = document().get_element_by_id(id) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    let focus_answer = move || focus("agreement-headline");
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let data = |name: &str| target.closest(&format!("[{name}]")).ok().flatten().and_then(|e| e.get_attribute(name));
        let number = |name: &str| data(name).and_then(|i| i.parse::<usize>().ok());
        if let Some(i) = number("data-apply") {
            let repair = finder.with_untracked(|f| f.answer.as_ref().and_then(|a| a.repairs.get(i).cloned()));
            if let (Some(r), false) = (repair, stale.get_untracked()) {
                state.edit(|p| r.apply_to(library, p));
                let left = as_left();
                finder.update(|f| f.applied = Some((i + 1, left)));
                focus_answer();
            }
        } else if data("data-find").is_some() {
            find();
        } else if data("data-takes").is_some() {
            let now = untrack(asked);
            let started = js_sys::Date::now();
            let found = crate::scenario::what_would_it_take(
                now.library.0,
                &now.coalition,
                &now.terms,
                &now.plan,
                Limits::default(),
            );
            let ms = (js_sys::Date::now() - started) as u32;
            finder.update(|f| f.takes = Some((now, found, ms)));
            // The sets appear below the button: their heading says how many.
            request_animation_frame(move || focus("takes-heading"));
        } else if let Some(i) = number("data-take") {
            let picked = finder.with_untracked(|f| match &f.takes {
                Some((asked, WhatItTakes::Corrections(c), _)) => {
                    c.sets.get(i).map(|c| (asked.library.0, c.positions.clone()))
                }
                _ => None,
            });
            if let Some((lib, positions)) = picked {
                state.edit(|p| p.scenario.set_aside_positions(lib, &positions));
                let left = as_left();
                finder.update(|f| f.taken = Some((positions.len(), left)));
                // The pressed button is disabled now (the answer is stale):
                // focus goes to the answer's head, which says what happened.
                focus_answer();
            }
        } else if data("data-coalitions").is_some() {
            let now = untrack(asked);
            let mut plan = Selection::empty(library.clauses.len());
            locks.with_untracked(|l| l.iter().for_each(|&(c, v)| plan.insert(c, v)));
            let started = js_sys::Date::now();
            let found = settle::coalitions(now.library.0, &plan, &now.terms);
            let ms = (js_sys::Date::now() - started) as u32;
            finder.update(|f| f.coalitions = Some((now, coalitions_html(library, &found, ms))));
            // The list appears below the button: its heading takes the focus, as
            // "What would it take" does, so a screen reader hears that it came.
            request_animation_frame(move || focus("coalitions-heading"));
        } else if let Some(which) = data("data-settle") {
            set_questions(match which.as_str() {
                "default" => settle::default_settle(library),
                "draft" => state.selection.with_untracked(|s| settle::decided_by(library, s)),
                "all" => settle::all_questions(library),
                _ => Vec::new(),
            });
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
        let attr = |name: &str| input.get_attribute(name).and_then(|a| a.parse::<usize>().ok());
        if let Some(a) = attr("data-actor") {
            finder.update(|f| f.coalition[a] = input.checked());
        } else if let Some(q) = attr("data-question") {
            finder.update(|f| f.settle[q] = input.checked());
            update_settle_count(finder);
        } else if let Some(level) = input.get_attribute("data-strict").and_then(|s| Strictness::parse(&s)) {
            finder.update(|f| f.strictness = level);
            if let Some(el) = document().get_element_by_id("strictness-now") {
                el.set_text_content(Some(&strictness_note(level)));
            }
        }
    };
    let controls = finder.with_untracked(|f| controls_html(library, f));
    view! {
        <div class="panel agreement-panel" on:click=on_click on:change=on_change
            on:keydown=super::rove::on_keydown on:focusin=super::rove::on_focusin>
            <div inner_html=controls></div>
            <div id="agreement-answer">
                <p class="headline" id="agreement-headline" tabindex="-1" role="status">{move || {
                // Whether the page is still as an action left it: asked (and
                // tracked) outside `finder.with`, as `asked` reads it too.
                let now = AsLeft { asked: asked(), version: state.editor.with(Editor::version) };
                let still = |left: &AsLeft| *left == now;
                finder.with(|f| f.answer.as_ref().map(|a| {
                    match (stale.get(), f.applied.as_ref().filter(|(_, left)| still(left)).map(|(i, _)| *i)) {
                        (false, _) => a.headline.clone(),
                        (true, Some(i)) => {
                            let n = a.repairs.get(i - 1).map_or(0, |r| r.edits.len());
                            let level = a.asked.terms.strictness.label();
                            let rest = state.standings.with(|s| below(a.asked.library.0, &a.asked, s));
                            format!("{} applied: a settlement with nothing crossed or open at “{level}”.{rest} Undo restores the draft.", plural(n, "change", "changes"))
                        }
                        (true, None) => match f.taken.as_ref().filter(|(_, left)| still(left)).map(|(n, _)| *n) {
                            Some(n) => format!(
                                "{} set aside in the scenario (the banner at the top says so; Undo restores it): find again for the settlement under it.",
                                plural(n, "position", "positions")
                            ),
                            None => "The draft, its scenario, the locks, the date, the terms or the coalition changed since this answer: find again.".into(),
                        },
                    }
                }))}}</p>
                <div inner_html=move || finder.with(|f| f.answer.as_ref().map(|a| answer_html(a.asked.library.0, a, stale.get())))></div>
                <div id="what-it-takes" inner_html=move || {
                    let now = asked();
                    finder.with(|f| f.takes.as_ref().map(|(a, takes, ms)| super::scenario::takes_html(a.library.0, takes, *ms, *a != now)))
                }></div>
            </div>
            <div id="coalitions" inner_html=move || finder.with(|f| f.coalitions.as_ref().map(|(asked, html)| {
                let fresh = fresh(asked, finder, state);
                format!("{}{html}", if fresh { "" } else { "<p class=\"hint\">Found for other terms, locks or scenario: find them again.</p>" })
            }))></div>
            <div inner_html=table></div>
        </div>
    }
}

/// Whether the coalitions shown were found for the terms, the locked values
/// and the scenario in force now. Not for the whole draft: the coalitions
/// depend on no other clause.
fn fresh(found_for: &Asked, finder: RwSignal<Finder>, state: State) -> bool {
    let questions = state.library.questions.len();
    let t = &found_for.terms;
    finder
        .with(|f| f.strictness == t.strictness && (0..questions).filter(|&q| f.settle[q]).eq(t.settle.iter().copied()))
        && state.locked.with(|l| *l == t.locked)
        && state.value_locked.with(|v| *v == t.value_locked)
        && state.selection.with(|s| t.value_locked.iter().all(|&c| s.value(c) == found_for.plan.value(c)))
        && state.as_of.get() == t.as_of
        && state.applied.get() == found_for.library
}

fn update_settle_count(finder: RwSignal<Finder>) {
    let (chosen, all) = finder.with_untracked(|f| (f.settle.iter().filter(|&&s| s).count(), f.settle.len()));
    if let Some(el) = document().get_element_by_id("settle-count") {
        el.set_text_content(Some(&format!("{chosen} of {all}")));
    }
}

fn strictness_note(level: Strictness) -> String {
    format!("In force: {}.", level.label())
}

/// The explanation, the terms (strictness, questions to decide), the
/// coalition's quick picks and checkboxes, and the buttons, as markup:
/// clicks and changes reach the panel's two handlers.
fn controls_html(library: &Library, f: &Finder) -> String {
    let mut h = String::from(
        "<h2>Find agreement</h2><p class=\"hint\">A settlement decides every question you choose below and \
         respects every position of the parties you pick, at the strictness you pick: a demand it leaves open \
         counts against it. Redline finds the nearest settlement to your draft (clauses you lock stay; a locked \
         clause's value may move unless you lock the value too), or the positions that make one impossible.</p>\
         <fieldset class=\"strictness\"><legend>How strict</legend>",
    );
    for level in Strictness::ALL {
        let checked = if level == f.strictness { " checked" } else { "" };
        let _ = write!(
            h,
            "<label><input type=\"radio\" name=\"strictness\" data-strict=\"{}\"{checked}> {}</label>",
            level.id(),
            level.label()
        );
    }
    let _ = write!(h, "<p class=\"hint\" id=\"strictness-now\">{}</p></fieldset>", strictness_note(f.strictness));
    let chosen = f.settle.iter().filter(|&&s| s).count();
    let _ = write!(
        h,
        "<details class=\"settle\"><summary>Questions a settlement must decide (<span id=\"settle-count\">{chosen} of {}</span>)</summary>\
         <div class=\"toolbar\" role=\"group\" aria-label=\"Which questions\">\
         <button type=\"button\" data-settle=\"default\">Those the major plans decide</button>\
         <button type=\"button\" data-settle=\"draft\">Only what my draft decides</button>\
         <button type=\"button\" data-settle=\"all\">Everything</button>\
         <button type=\"button\" data-settle=\"none\">Nothing</button></div>",
        f.settle.len()
    );
    for (t, topic) in library.topics.iter().enumerate() {
        let qs: Vec<QuestionIx> = (0..library.questions.len()).filter(|&q| library.questions[q].topic == t).collect();
        if qs.is_empty() {
            continue;
        }
        let _ = write!(h, "<fieldset><legend>{}</legend>", esc(&topic.name));
        for q in qs {
            let checked = if f.settle[q] { " checked" } else { "" };
            let _ = write!(
                h,
                "<label><input type=\"checkbox\" id=\"settle-{q}\" data-question=\"{q}\"{checked}> {}</label>",
                esc(&library.questions[q].prompt)
            );
        }
        h.push_str("</fieldset>");
    }
    h.push_str(
        "</details><fieldset class=\"coalition\"><legend>Coalition (parties)</legend>\
         <div class=\"toolbar\" role=\"group\" aria-label=\"Quick picks\">",
    );
    for (i, (label, _)) in QUICK_PICKS.iter().enumerate() {
        let _ = write!(h, "<button type=\"button\" data-pick=\"{i}\">{label}</button>");
    }
    h.push_str("</div><ul>");
    // Parties only: a commentator's view is no party to a settlement.
    for (a, actor) in library.actors.iter().enumerate().filter(|(_, a)| a.is_party()) {
        let checked = if f.coalition[a] { " checked" } else { "" };
        let _ = write!(
            h,
            "<li><label><input type=\"checkbox\" id=\"ally-{a}\" data-actor=\"{a}\" data-id=\"{}\"{checked}> {}</label></li>",
            esc(&actor.id),
            esc(&actor.name)
        );
    }
    h.push_str(
        "</ul></fieldset><button type=\"button\" class=\"find\" data-find>Find the nearest settlement</button> \
         <button type=\"button\" data-coalitions>Show the largest coalitions</button>",
    );
    h
}

/// The repairs: the edits every one makes, once, then what each adds, with
/// an Apply button each; then the positions (not yet respected, or in
/// conflict) side by side with their quotes.
fn answer_html(library: &Library, a: &Answer, stale: bool) -> String {
    let mut h = format!("<div data-outcome=\"{}\" data-coalition=\"", a.kind);
    for (i, c) in a.asked.coalition.iter().enumerate() {
        let _ = write!(h, "{}{c}", if i == 0 { "" } else { " " });
    }
    h.push_str("\">");
    if let Some(first) = a.repairs.first() {
        let common: Vec<&Edit> = first.edits.iter().filter(|e| a.repairs.iter().all(|r| r.edits.contains(e))).collect();
        if a.repairs.len() > 1 && !common.is_empty() {
            h.push_str("<p>Every way makes these changes:</p><ul class=\"common-edits\">");
            for e in &common {
                let _ = write!(h, "<li>{}</li>", esc(&e.describe(library)));
            }
            h.push_str("</ul><p>then one of:</p>");
        }
        h.push_str("<ol class=\"repairs\">");
        for (i, r) in a.repairs.iter().enumerate() {
            let _ = write!(h, "<li class=\"repair\" data-edits=\"{}\"><ol>", r.edits.len());
            for e in r.edits.iter().filter(|e| a.repairs.len() == 1 || !common.contains(e)) {
                let _ = write!(h, "<li>{}</li>", esc(&e.describe(library)));
            }
            let off = if stale { " disabled" } else { "" };
            let _ = write!(
                h,
                "</ol><button type=\"button\" data-apply=\"{i}\" aria-label=\"Apply these {} (way {})\"{off}>Apply these {}</button></li>",
                plural(r.edits.len(), "change", "changes"),
                i + 1,
                plural(r.edits.len(), "change", "changes")
            );
        }
        h.push_str("</ol>");
    }
    if !a.positions_note.is_empty() {
        let _ = write!(h, "<p>{}</p>", esc(&a.positions_note));
    }
    if a.kind == "conflict" && !a.positions.is_empty() {
        let off = if stale { " disabled" } else { "" };
        let _ = write!(h, "<p><button type=\"button\" data-takes{off}>What would it take? The fewest positions to set aside</button></p>");
    }
    if !a.positions.is_empty() {
        h.push_str("<ul class=\"side-by-side\">");
        for &p in &a.positions {
            position_html(library, p, &mut h);
        }
        h.push_str("</ul>");
    }
    h.push_str("</div>");
    h
}

/// One position with actor, strength, quote and attribution, as `cite::Quote` shows it elsewhere.
fn position_html(library: &Library, p: PositionIx, h: &mut String) {
    let pos = &library.positions[p];
    let _ = write!(
        h,
        "<li class=\"position\"><p class=\"who\">{}</p><p><strong>{}</strong>{}: {}</p>",
        esc(&library.actors[pos.actor].name),
        pos.strength.label(),
        match pos.scenario {
            // The strength is the reader's: said, as on the card.
            InScenario::Reweighed(was) => format!(" (re-weighed in your scenario; the sources give a {})", was.label()),
            _ => String::new(),
        },
        esc(&pos.summary)
    );
    if let Some(cite) = pos.cite.first() {
        let _ = write!(
            h,
            "<figure class=\"quote\"><blockquote>{}</blockquote><figcaption>{}</figcaption></figure>",
            esc(&cite.quote),
            super::cite::source_html(library.source(cite), false)
        );
    }
    let _ = write!(h, "<p class=\"attribution\">{}</p></li>", esc(&library.attribution(p)));
}

/// The largest coalitions: who can all agree, and why each outsider cannot join.
fn coalitions_html(library: &Library, found: &settle::Coalitions, ms: u32) -> String {
    let mut h = format!(
        "<section data-coalitions-found=\"{}\"><h3 id=\"coalitions-heading\" tabindex=\"-1\">The largest coalitions</h3><p class=\"hint\">Every largest set of \
         parties one settlement satisfies together; exact, computed in {ms} ms.</p><ol class=\"coalitions\">",
        found.coalitions.len()
    );
    for c in &found.coalitions {
        let _ = write!(
            h,
            "<li class=\"coalition-found\" data-size=\"{}\"><p>These {} can all agree: {}.</p>",
            c.members.len(),
            c.members.len(),
            esc(&names(library, &c.members))
        );
        if !c.blocked.is_empty() {
            h.push_str("<ul>");
            for (actor, why) in &c.blocked {
                let _ = write!(
                    h,
                    "<li>Adding {} makes it impossible: {}</li>",
                    esc(&library.actors[*actor].in_text()),
                    esc(&why.sentence)
                );
            }
            h.push_str("</ul>");
        }
        h.push_str("</li>");
    }
    h.push_str("</ol>");
    for (actor, why) in &found.alone_impossible {
        let _ = write!(
            h,
            "<p>No settlement satisfies {} even alone: {}</p>",
            esc(&library.actors[*actor].in_text()),
            esc(&why.sentence)
        );
    }
    h.push_str("</section>");
    h
}

/// One sentence of what the table shows: which pairs cannot agree.
fn pairs_intro(library: &Library, m: &settle::Agreement, terms: &Terms) -> String {
    let level = terms.strictness.label();
    let decided = plural(terms.settle.len(), "question", "questions");
    let locks = match terms.locked.len() + terms.value_locked.len() {
        0 => String::new(),
        k => format!(", keeping your {}", plural(k, "lock", "locks")),
    };
    let k = m.parties.len();
    let alone: Vec<ActorIx> = (0..k).filter(|&i| !m.get(i, i)).map(|i| m.parties[i]).collect();
    let blocked = m.blocked_pairs();
    let mut out = format!("At “{level}”, with {decided} decided{locks}: ");
    if blocked.is_empty() && alone.is_empty() {
        out.push_str("every pair can agree.");
    } else {
        for (i, (a, b)) in blocked.iter().enumerate() {
            let _ = write!(
                out,
                "{}{} and {}",
                if i == 0 { "" } else { "; " },
                library.actors[*a].in_text(),
                library.actors[*b].in_text()
            );
        }
        if !blocked.is_empty() {
            out.push_str(if blocked.len() == 1 { " cannot agree" } else { " cannot agree (each pair)" });
        }
        if !alone.is_empty() {
            let _ = write!(
                out,
                "{}no settlement satisfies {} alone",
                if blocked.is_empty() { "" } else { "; " },
                names(library, &alone)
            );
        }
        out.push_str("; every other pair can. Select a cell for that pair's nearest settlement or its conflict.");
    }
    out
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

/// Who can agree with whom among the parties, as a lower-triangular table of
/// buttons in a disclosure; the diagonal is each party alone.
fn pairs_html(library: &Library, m: &settle::Agreement, terms: &Terms) -> String {
    let mut h = format!(
        "<details class=\"pairs-box\" open><summary><h3>Who can agree with whom</h3></summary>\
         <p class=\"hint\" id=\"pairs-intro\">{}</p><div class=\"scroll pairs rove\" \
         role=\"region\" aria-label=\"Pairs of parties, scrollable\"><table><caption \
         class=\"visually-hidden\">Whether a settlement under the chosen terms satisfies both parties</caption>\
         <thead><tr><th scope=\"col\">Party</th>",
        esc(&pairs_intro(library, m, terms))
    );
    for &a in &m.parties {
        let _ = write!(h, "<th scope=\"col\"><span class=\"vertical\">{}</span></th>", esc(&library.actors[a].name));
    }
    h.push_str("</tr></thead><tbody>");
    for (i, &a) in m.parties.iter().enumerate() {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", esc(&library.actors[a].name));
        for (j, &b) in m.parties[..=i].iter().enumerate() {
            let (class, symbol, label) = cell(library, a, b, m.get(i, j));
            let label = esc(&label);
            // One tab stop for the table, arrows inside (`rove`); the
            // region needs none of its own, as a focused pair scrolls it.
            let stop = if i == 0 && j == 0 { 0 } else { -1 };
            let _ = write!(
                h,
                "<td><button type=\"button\" class=\"{class}\" id=\"pair-{a}-{b}\" data-pair=\"{a} {b}\" \
                 tabindex=\"{stop}\" aria-label=\"{label}\" title=\"{label}\">{symbol}</button></td>"
            );
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></div></details>");
    h
}
