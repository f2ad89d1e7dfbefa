//! Verdicts: the summary line, the as-of timeline, and one card per actor with
//! its verdict in words and symbol. Expanding a card says when the positions
//! in force were stated and shows every position
//! involved with quote, speaker, date and source, and the clauses behind it.
//! Parties come first and are counted; commentators and analysts follow,
//! apart, as views the sources report.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::cite::Quote;
use super::state::State;
use crate::changes::{changes, Change};
use crate::evaluate::{evaluate_actor, ActorVerdict, Standings, Verdict};
use crate::library::{ActorIx, Basis, ClauseIx, Completeness, Library, PositionIx};
use crate::timeline::{as_of_at, as_of_hint, mark_labels, stated, step_of, step_text, timeline, Moment, Stated};

/// What the cards share beyond [`State`]: which are open (kept here, so a
/// card that moves to another verdict's group stays open), what the last
/// edit changed for each actor, and the clause a card's button just added.
#[derive(Clone, Copy)]
struct Cards {
    expanded: &'static [RwSignal<bool>],
    /// Per actor: what the last edit changed for it, while it shows.
    changed: &'static [RwSignal<Option<String>>],
    added: RwSignal<Option<Added>>,
}

/// What the last edit changed for the verdicts, said once by a polite live
/// region. The page frame holds it outside the builder, so that on a phone
/// it is heard from every tab, not only while the verdicts show (a live
/// region in a hidden panel is silent).
#[derive(Clone, Copy)]
pub struct Announcement(pub RwSignal<String>);

/// The live region of [`Announcement`]: the cards show the same for a moment.
pub fn announcement_region() -> impl IntoView {
    let said = expect_context::<Announcement>().0;
    view! { <p class="visually-hidden" id="verdict-changes" aria-live="polite">{move || said.get()}</p> }
}

/// "Added X" under the card whose button added it, with an Undo that holds
/// while the draft is as that click left it.
#[derive(Clone, PartialEq)]
struct Added {
    actor: ActorIx,
    text: String,
    after: crate::plan::Plan,
}

/// A line of a group's list: a verdict's divider (by its place in
/// `Verdict::ALL`), or a card (by its actor's place among the group's members).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    Divider(usize),
    Card(usize),
}

/// How long a card shows what the last edit changed.
const CHANGE_SHOWN_MS: u64 = 6000;

/// How long the reader pauses before the live region says what changed.
const SAY_AFTER_PAUSE_MS: u64 = 600;

#[component]
pub fn VerdictsPanel() -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let n = library.actors.len();
    let cards = Cards {
        expanded: (0..n).map(|_| RwSignal::new(false)).collect::<Vec<_>>().leak(),
        changed: (0..n).map(|_| RwSignal::new(None)).collect::<Vec<_>>().leak(),
        added: RwSignal::new(None),
    };
    provide_context(cards);
    announce_changes(state, cards.changed);
    let group = move |parties: bool, list: NodeRef<leptos::html::Ul>| {
        let members: &'static [ActorIx] =
            (0..n).filter(|&a| library.actors[a].is_party() == parties).collect::<Vec<_>>().leak();
        let verdict = move |a: ActorIx| state.card_verdicts[a].get();
        // The group's verdicts, read from the actors' signals in one place:
        // the dividers, the quiet line and the regrouping each read this one
        // memo, rather than each subscribing to every member's signal anew
        // on every verdict move.
        let verdicts = Memo::new(move |_| members.iter().map(|&a| verdict(a)).collect::<Vec<Verdict>>());
        // Built once, in the order of the verdicts as they stand; after that
        // an effect moves only the cards whose verdict moved (see
        // `regroup`). `For` re-diffed the whole list and moved several
        // hidden quiet cards for each one that changed group.
        let shown: Vec<Verdict> = verdicts.get_untracked();
        let card_refs: &'static [NodeRef<leptos::html::Li>] =
            members.iter().map(|_| NodeRef::new()).collect::<Vec<_>>().leak();
        let divider_refs: &'static [NodeRef<leptos::html::Li>] =
            Verdict::ALL.iter().map(|_| NodeRef::new()).collect::<Vec<_>>().leak();
        let node_of = move |row: Row| match row {
            Row::Card(i) => card_refs[i].get_untracked(),
            Row::Divider(k) => divider_refs[k].get_untracked(),
        };
        let initial = grouped(members, |i| shown[i]);
        // The move waits for the task after the click's frame is painted:
        // the card's new verdict shows at once where it stands, and one
        // frame later it takes its place in its group, outside the work the
        // click's frame waits for (as the "what changed" lines do). Several
        // clicks before that task are one move, to where the last one left it.
        // On a phone the list catches up at once instead: its cards move
        // while its tab is hidden only when the tab opens, which must show
        // them in order from its first frame.
        // `arranged`: the verdicts the list is in the order of; while the
        // list is not there to move, the order it was built in.
        let arranged = Rc::new(RefCell::new(Some(shown.clone())));
        let place: Rc<dyn Fn(Vec<Verdict>)> = Rc::new({
            let arranged = arranged.clone();
            move |before: Vec<Verdict>| {
                // Read after paint: the panel may have gone since (never a panic).
                let Some(now) = verdicts.try_get_untracked() else { return };
                let placed = match list.get_untracked() {
                    Some(list) if now != before => {
                        regroup(&list, &grouped(members, |i| now[i]), |i| before[i] != now[i], node_of);
                        now
                    }
                    _ => before,
                };
                *arranged.borrow_mut() = Some(placed);
            }
        });
        super::effect(move || {
            verdicts.track();
            let Some(before) = arranged.borrow_mut().take() else { return };
            if state.tabs.get_untracked() {
                return place(before);
            }
            let place = place.clone();
            request_animation_frame(move || set_timeout(move || place(before), std::time::Duration::ZERO));
        });
        // A memo: most verdict moves leave the quiet group as it was, and
        // then its count and long list of names are not rebuilt.
        let quiet = Memo::new(move |_| {
            verdicts.with(|now| {
                members.iter().zip(now).filter(|(_, &v)| v == Verdict::NoObjection).map(|(&a, _)| a).collect::<Vec<_>>()
            })
        });
        let quiet_shown = RwSignal::new(false);
        let list_id = if parties { "party-cards" } else { "view-cards" };
        initial.into_iter().map(|row| match row {
            Row::Card(i) => {
                let (a, node_ref) = (members[i], card_refs[i]);
                Either::Left(view! {
                    // An open card stays in sight when its verdict turns quiet:
                    // the reader is working in it (a scenario's set-aside).
                    <ActorCard actor=a node_ref quiet=move || verdict(a) == Verdict::NoObjection && !quiet_shown.get() && !state.printing.get() && !cards.expanded[a].get() />
                })
            }
            Row::Divider(k) => {
                let (v, node_ref) = (Verdict::ALL[k], divider_refs[k]);
                Either::Right(view! {
                    // Every verdict's divider is always in the list, hidden
                    // while no card has that verdict, so a click never builds one.
                    <li class=format!("divider {}", v.slug()) node_ref=node_ref
                        hidden=move || verdicts.with(|now| !now.contains(&v))>
                        {if v == Verdict::NoObjection {
                            Either::Left(view! {
                                <button type="button" class="disclosure quiet-toggle" aria-controls=list_id
                                    aria-expanded=move || quiet_shown.get().to_string()
                                    on:click=move |_| quiet_shown.update(|s| *s = !*s)>
                                    {move || {
                                        let count = quiet.with(Vec::len);
                                        // Early on the timeline, "no objection" is mostly "nothing said yet".
                                        let silent = state.as_of.get().map(|d| {
                                            let n = quiet.with(|q| q.iter().filter(|&&a| matches!(stated(state.lib(), a, Some(d)), Some(Stated::NotYet { .. }))).count());
                                            match n {
                                                0 => String::new(),
                                                n if n == count => format!("; none had stated a position by {}", d.first_day_human()),
                                                n => format!("; {n} had stated no position by {}", d.first_day_human()),
                                            }
                                        }).unwrap_or_default();
                                        format!("{} No stated objection ({count}{silent})", v.symbol())
                                    }}
                                </button>
                                <span class="quiet-names">{move || quiet.with(|q| {
                                    q.iter().map(|&a| library.actors[a].name.as_str()).collect::<Vec<_>>().join(", ")
                                })}</span>
                            })
                        } else {
                            Either::Right(view! {
                                <span class="symbol" aria-hidden="true">{v.symbol()}</span> " "
                                {if parties { super::capitalised(v.label()) } else { format!("Views: {}", v.label()) }}
                            })
                        }}
                    </li>
                })
            }
        }).collect_view()
    };
    let (party_list, view_list) = (NodeRef::new(), NodeRef::new());
    let based_on = move || state.facts.based_on.get();
    // The dates the library knows, once: the control steps through them.
    let moments: &'static [Moment] = timeline(library).leak();
    let latest = moments.len().saturating_sub(1);
    let step = move || step_of(moments, state.as_of.get());
    let now = move || step_text(library, moments, step());
    view! {
        <section class="panel verdicts" aria-labelledby="verdicts-heading">
            <h2 id="verdicts-heading" tabindex="-1">"Verdicts"</h2>
            <p class="summary" role="status">{move || state.standings.with(|s| format!("This draft {}.", s.summary(library)))}</p>
            {move || based_on().filter(|&p| library.presets[p].completeness == Completeness::Partial).map(|p| view! {
                <p class="caveat partial-verdict">
                    "Based on " {library.presets[p].in_text()}
                    ", which the sources describe only in part: these verdicts judge only what they describe."
                </p>
            })}
            <div class="as-of">
                <label for="as-of">"Positions as stated by"</label>
                <div class="as-of-track">
                    // `value` for the first screen (a range without one sits
                    // mid-way); `prop:value` moves it when the date changes.
                    <input id="as-of" type="range" min="0" max=latest step="1" value=latest
                        prop:value=move || step().to_string()
                        aria-valuetext=now
                        on:input=move |ev| state.as_of.set(event_target_value(&ev).parse().ok().and_then(|s| as_of_at(moments, s))) />
                    <div class="as-of-marks" aria-hidden="true">
                        {mark_labels(moments).into_iter().map(|year| view! { <span>{year.map(|y| y.to_string())}</span> }).collect_view()}
                    </div>
                </div>
                <button type="button" disabled=move || state.as_of.get().is_none()
                    on:click=move |_| state.as_of.set(None)>"Latest"</button>
                <p class="as-of-now">{now}</p>
                <p class="hint">{move || as_of_hint(state.lib(), moments, state.as_of.get())}</p>
            </div>
            <ul class="legend" aria-label="Key">
                {Verdict::ALL.iter().map(|v| view! {
                    <li class=v.slug()><span class="symbol" aria-hidden="true">{v.symbol()}</span> " " {v.label()}</li>
                }).collect_view()}
                <li class="open-key">"open: a demand or preference this draft does not settle (never a breach)"</li>
            </ul>
            <h3 class="group-heading" id="parties-heading">"Parties: governments, institutions, coalitions, parliaments and parties"</h3>
            <ul class="cards" id="party-cards" aria-labelledby="parties-heading" node_ref=party_list>{group(true, party_list)}</ul>
            <h3 class="group-heading" id="views-heading">"Commentators and analysts: views reported in the sources"</h3>
            <p class="hint">"Shown for context; never counted above, and never called red lines."</p>
            <ul class="cards views" id="view-cards" aria-labelledby="views-heading" node_ref=view_list>{group(false, view_list)}</ul>
        </section>
    }
}

#[component]
fn ActorCard(
    actor: ActorIx,
    node_ref: NodeRef<leptos::html::Li>,
    quiet: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<State>();
    let cards = expect_context::<Cards>();
    let library = state.library;
    let a = &library.actors[actor];
    let expanded = cards.expanded[actor];
    let changed = cards.changed[actor];
    let open = move || expanded.get() || state.printing.get();
    // The head reads its own fanned-out copies of the verdict and tally (see
    // `State::card_verdicts`), so a click costs a card nothing unless they
    // change; the body, built only while open, shows the reasons.
    let verdict = state.card_verdicts[actor];
    let counts = state.card_tallies[actor];

    // The reasons, and when the positions behind them were stated, evaluated
    // only while the card is open. A memo, so the body is rebuilt only when
    // they change, not on every click.
    let reasons = Memo::new(move |_| {
        open().then(|| {
            let as_of = state.as_of.get();
            // The scenario's library: what it sets aside is not in force.
            let when = stated(state.lib(), actor, as_of).map(|s| s.describe());
            (state.selection.with(|s| evaluate_actor(state.lib(), s, as_of, actor)), when)
        })
    });

    let body_id = format!("card-{}", a.id);
    let parent = a.parent.map(|p| format!("part of {}", library.actors[p].in_text()));
    view! {
        <li class=move || format!("card {}{}", verdict.get().slug(), if changed.with(Option::is_some) { " changed" } else { "" })
            data-actor=a.id.as_str() hidden=quiet node_ref=node_ref>
            <h3>
                <button type="button" class="card-head" aria-expanded=move || expanded.get().to_string()
                    aria-controls=body_id.clone() on:click=move |_| expanded.update(|x| *x = !*x)>
                    <span class="symbol" aria-hidden="true">{move || verdict.get().symbol()}</span>
                    <span class="name">{a.name.as_str()}</span>
                    <span class="verdict">{move || verdict.get().label_for(a)}</span>
                    <span class="tally" aria-label=move || { let (crossed, open, met) = counts.get(); tally(crossed, open, met, true) }>
                        {move || { let (crossed, open, met) = counts.get(); tally(crossed, open, met, false) }}
                    </span>
                </button>
            </h3>
            // Read out by the panel's live region; shown here for the eye.
            // Always there, hidden while empty: showing a change sets a text,
            // it builds and drops no element.
            <p class="change" aria-hidden="true" hidden=move || changed.with(Option::is_none)>
                {move || changed.with(|what| what.clone().unwrap_or_default())}
            </p>
            {move || cards.added.get().filter(|n| n.actor == actor).map(|n| added_note(state, cards, n))}
            <div id=body_id class="card-body" hidden=move || !open()>
                {parent.map(|p| view! { <p class="parent">{p}</p> })}
                {a.note.as_deref().map(|n| view! { <p class="note">{n}</p> })}
                // Built only while open, from code split off the main wasm.
                {move || open().then(|| super::on_demand(move || card_reasons(actor, reasons)))}
            </div>
        </li>
    }
}

/// What an open card shows the reader: the scenario's controls for the
/// actor, then its positions crossed, open and met, each with its quotes and
/// the clauses behind it. Split off the main wasm (shell/on_demand.rs), as a
/// card opens only when the reader asks: only this function may call into it.
#[leptos::wasm_split::wasm_split(card_reasons, wasm_split_path = ::leptos::wasm_split, fallible, preload(card_reasons_preload))]
pub(super) fn card_reasons(actor: ActorIx, reasons: Reasons) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(untrack(|| view! { <CardReasons actor reasons /> }.into_any()))
}

/// An open card's verdict with its reasons, and when the positions behind
/// them were stated: `None` while the card is closed.
type Reasons = Memo<Option<(ActorVerdict, Option<String>)>>;

#[component]
fn CardReasons(actor: ActorIx, reasons: Reasons) -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <super::scenario::ActorScenario actor />
        // Rebuilt only when the reasons change, not on every click.
        {move || reasons.with(|v| v.as_ref().map(|(v, when)| {
            // A quote several positions share is shown once, at its
            // first position; the others point back to it.
            let mut shown: Vec<(usize, &str)> = Vec::new();
            let mut fresh = |position: PositionIx| -> Vec<bool> {
                state.lib().positions[position].cite.iter().map(|c| {
                    let key = (c.source, c.quote.as_str());
                    let first = !shown.contains(&key);
                    if first { shown.push(key) }
                    first
                }).collect()
            };
            let breaches = v.breaches.iter().map(|b| view! {
                <PositionItem position=b.position crossed=true because=b.triggered_by.clone() missing=b.satisfied_by.clone() fresh=fresh(b.position) />
            }).collect_view();
            let open = v.open.iter().map(|o| view! {
                <PositionItem position=o.position crossed=false because=vec![] missing=o.satisfied_by.clone() fresh=fresh(o.position) />
            }).collect_view();
            let met = v.met.iter().map(|m| view! {
                <PositionItem position=m.position crossed=false because=m.met_by.clone() missing=vec![] fresh=fresh(m.position) />
            }).collect_view();
            let none = v.breaches.is_empty().then(|| view! { <p>"This draft crosses none of its stated positions."</p> });
            let open_heading = (!v.open.is_empty()).then(|| view! {
                <h4>"Not settled by this draft"</h4>
                <p class="hint">"Demands and preferences the draft neither meets nor contradicts: open, which is never a breach."</p>
            });
            let met_heading = (!v.met.is_empty()).then(|| view! { <h4>"Demands this draft meets"</h4> });
            view! {
                <p class="stated">{when.clone()}</p>
                <p class="about-link"><a href="#about">"How Redline reads a position, and its sources"</a></p>
                {none} <ul class="positions">{breaches}</ul>
                {open_heading} <ul class="positions open">{open}</ul>
                {met_heading} <ul class="positions met">{met}</ul>
            }
        }))}
    }
}

/// What the change announcement keeps between a click and its timers: the
/// standings each output last compared against, the newest ones, and
/// whether a timer is already pending, so a click arms none when one is.
#[derive(Default)]
struct Watch {
    draft: String,
    latest: Option<Standings>,
    cards_since: Option<Standings>,
    said_since: Option<Standings>,
    cards_due: bool,
    /// Edits so far: the live region's timer speaks only if none came since it was armed.
    edits: u32,
    said_armed: bool,
    shown: u32,
}

/// The list's rows with the verdicts given (by member's position): worst
/// first, every verdict's divider, then its cards in library order.
fn grouped(members: &[ActorIx], verdict_of: impl Fn(usize) -> Verdict) -> Vec<Row> {
    let mut rows = Vec::with_capacity(members.len() + Verdict::ALL.len());
    for (k, v) in Verdict::ALL.into_iter().enumerate() {
        rows.push(Row::Divider(k));
        rows.extend((0..members.len()).filter(|&i| verdict_of(i) == v).map(Row::Card));
    }
    rows
}

/// Puts the list in the order of `rows` by moving only the cards `moved`
/// says changed verdict, one DOM move each. The others and the dividers keep
/// their order among themselves, so, taking the rows from the last, a moved
/// card placed just before the row that follows it ends up where it belongs.
/// A move takes focus from the control in it: that is given back.
fn regroup(
    list: &web_sys::HtmlUListElement,
    rows: &[Row],
    moved: impl Fn(usize) -> bool,
    node_of: impl Fn(Row) -> Option<web_sys::HtmlLiElement>,
) {
    let focused = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    let mut next: Option<web_sys::Node> = None;
    for &row in rows.iter().rev() {
        let Some(node) = node_of(row) else { continue };
        if matches!(row, Row::Card(i) if moved(i)) {
            let _ = list.insert_before(&node, next.as_ref());
            if let Some(el) = focused.as_ref().filter(|el| node.contains(Some(el))) {
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
        next = Some(node.into());
    }
}

/// The changes from `since` to the newest standings, which become the new
/// `since`: what the cards and the live region each have not shown yet.
fn catch_up(since: &mut Option<Standings>, latest: &Option<Standings>, library: &Library) -> Option<Vec<Change>> {
    let (Some(was), Some(now)) = (since.take(), latest.clone()) else { return None };
    let moved = changes(library, &was, &now);
    *since = Some(now);
    Some(moved)
}

/// Speaks `SAY_AFTER_PAUSE_MS` after the last edit: one timer per pause,
/// re-armed while edits keep coming, not one per click.
fn arm_say(watch: Rc<RefCell<Watch>>, say: Rc<dyn Fn()>, seen: u32) {
    set_timeout(
        move || {
            let edits = watch.borrow().edits;
            if edits == seen {
                watch.borrow_mut().said_armed = false;
                say();
            } else {
                arm_say(watch, say, edits);
            }
        },
        std::time::Duration::from_millis(SAY_AFTER_PAUSE_MS),
    );
}

/// Shows on each card what the last edit changed for its actor, for a
/// moment, and sets the sentence the live region says ([`Announcement`]).
/// Opening another draft is not an edit: it changes everything and says
/// nothing.
///
/// Neither is in the click's frame: the verdicts are. The cards' lines are
/// worked out and shown in the task after that frame's paint (a click that
/// comes first is folded in), and the live region is written once the reader
/// pauses, with the net change since it last spoke, as GOV.UK's character
/// count does: a burst of clicks is one announcement, not a queue of stale
/// ones. Both used to cost a click about 1 ms of script, text shaping and
/// layout (docs/performance.md).
///
/// Plain values owned by the effect and the timers, not stored signals: a
/// reactive type of its own costs the download more than the feature.
fn announce_changes(state: State, changed: &'static [RwSignal<Option<String>>]) {
    let said = expect_context::<Announcement>().0;
    let persist = use_context::<super::persist::Persistence>();
    let watch = Rc::new(RefCell::new(Watch::default()));
    // The scenario's library: its positions are the ones standing.
    let library = move || state.applied.get_untracked().0;
    let show_on_cards = {
        let watch = watch.clone();
        move || {
            // Released before any signal is set: nothing may find it borrowed.
            let (moved, mine) = {
                let w = &mut *watch.borrow_mut();
                w.cards_due = false;
                let Some(moved) = catch_up(&mut w.cards_since, &w.latest, library()) else { return };
                w.shown = w.shown.wrapping_add(1);
                (moved, w.shown)
            };
            for (actor, signal) in changed.iter().enumerate() {
                let what = moved.iter().find(|c| c.actor == actor).map(|c| c.what.clone());
                if signal.with_untracked(|w| *w != what) {
                    signal.set(what);
                }
            }
            let watch = watch.clone();
            set_timeout(
                move || {
                    if watch.borrow().shown == mine {
                        for signal in changed.iter().filter(|s| s.with_untracked(Option::is_some)) {
                            signal.set(None);
                        }
                    }
                },
                std::time::Duration::from_millis(CHANGE_SHOWN_MS),
            );
        }
    };
    let say: Rc<dyn Fn()> = Rc::new({
        let watch = watch.clone();
        move || {
            let caught_up = {
                let w = &mut *watch.borrow_mut();
                catch_up(&mut w.said_since, &w.latest, library())
            };
            let Some(moved) = caught_up else { return };
            let library = library();
            if moved.is_empty() {
                return;
            }
            let lines: Vec<String> = moved.iter().take(3).map(|c| c.line(library)).collect();
            let more = moved.len() - lines.len();
            let mut text = lines.join(". ");
            if more > 0 {
                text.push_str(&format!(". And {more} more {}.", if more == 1 { "actor" } else { "actors" }));
            }
            said.set(text);
        }
    });
    // One frame callback for the page's life, made on the first edit (never
    // while prerendering): a new one per click cost the click about 25 µs.
    let next_frame = Rc::new(std::cell::OnceCell::<js_sys::Function>::new());
    super::effect(move || {
        let mut w = watch.borrow_mut();
        // Tracked here; the draft's id and the standings copied only when they moved.
        // Both read on every run, so both stay tracked.
        let same_draft = persist.is_none_or(|p| p.current.with(|c| c.id == w.draft));
        let same_standings = state.standings.with(|now| w.latest.as_ref() == Some(now));
        if same_draft && same_standings {
            return;
        }
        let now = state.standings.get_untracked();
        if !same_draft || w.latest.is_none() {
            // The first standings, or another draft's: the baseline, unsaid.
            if let Some(p) = persist {
                w.draft = p.current.with_untracked(|c| c.id.clone());
            }
            w.cards_since = Some(now.clone());
            w.said_since = Some(now.clone());
            w.latest = Some(now);
            return;
        }
        w.latest = Some(now);
        if !w.cards_due {
            w.cards_due = true;
            let callback = next_frame.get_or_init(|| {
                let show_on_cards = show_on_cards.clone();
                let after_paint = move || set_timeout(show_on_cards.clone(), std::time::Duration::ZERO);
                wasm_bindgen::closure::Closure::<dyn Fn()>::new(after_paint).into_js_value().unchecked_into()
            });
            // Fails only without a window, where no frame would come either.
            let _ = window().request_animation_frame(callback);
        }
        w.edits = w.edits.wrapping_add(1);
        if !w.said_armed {
            w.said_armed = true;
            arm_say(watch.clone(), say.clone(), w.edits);
        }
    });
}

/// "Added “X” to the draft", with Undo while the draft is as that click left it.
fn added_note(state: State, cards: Cards, note: Added) -> impl IntoView {
    let after = note.after;
    let still = move || state.editor.with(|e| *e.plan() == after);
    view! {
        <p class="added" role="status">
            {note.text} " "
            <button type="button" id="added-undo" hidden=move || !still() on:click=move |_| {
                state.editor.update(|e| {
                    e.undo();
                });
                cards.added.set(None);
            }>"Undo"</button>
        </p>
    }
}

/// A pointer back to a quote the card shows above: its first words.
fn quoted_above(quote: &str) -> String {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let start = words[..words.len().min(8)].join(" ");
    let more = if words.len() > 8 { "…" } else { "" };
    format!("In the words quoted above: “{start}{more}”")
}

/// What a card's head counts, by kind: "2 ✖ · 1 ▲ · 3 open · 2 met" as
/// shown beside the key, and in words for screen readers ("2 hard red lines
/// crossed, ..."). A card that nothing in the draft touches says so, apart
/// from one whose every position at stake is met.
fn tally(crossed: [usize; 3], open: usize, met: usize, in_words: bool) -> String {
    let kinds: [(usize, &str, &str, &str); 5] = [
        (crossed[0], " ✖", " hard red line crossed", " hard red lines crossed"),
        (crossed[1], " ▲", " firm demand crossed", " firm demands crossed"),
        (crossed[2], " ◆", " preference or concern crossed", " preferences or concerns crossed"),
        (open, " open", " demand open", " demands open"),
        (met, " met", " demand met", " demands met"),
    ];
    let mut out = String::new();
    for (n, symbol, one, many) in kinds {
        if n > 0 {
            if !out.is_empty() {
                out.push_str(if in_words { ", " } else { " · " });
            }
            out.push_str(&n.to_string());
            out.push_str(match (in_words, n) {
                (false, _) => symbol,
                (true, 1) => one,
                (true, _) => many,
            });
        }
    }
    if out.is_empty() {
        out.push_str("nothing in this draft touches its positions");
    }
    out
}

/// Adds a clause a card offers, says so under the card with Undo, and puts
/// the focus on that Undo: the button pressed is gone once the demand is met.
/// The focus is heard where a status inserted with its words may not be (not
/// by every screen reader), so Undo's name says what it undoes. Set here, not
/// in `added_note`'s view: another shape of that view costs 0.3–0.5 KB gzip.
fn add_from_card(state: State, position: PositionIx, clause: ClauseIx) {
    let library = state.library;
    let mut outcome = None;
    state.edit(|plan| outcome = Some(plan.add(library, clause)));
    let text = outcome.unwrap_or(crate::plan::Edit::Unchanged).said_of_add(library, clause);
    let name = format!("Undo: {}", text.replacen("Added", "added", 1));
    let after = state.editor.with_untracked(|e| e.plan().clone());
    let cards = expect_context::<Cards>();
    // The position may be the reader's own: it lives in the scenario's library.
    let actor = state.applied.get_untracked().0.positions[position].actor;
    cards.added.set(Some(Added { actor, text, after }));
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(undo) =
            document().get_element_by_id("added-undo").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = undo.set_attribute("aria-label", &name);
            let _ = undo.focus();
        }
    });
}

#[component]
fn PositionItem(
    position: PositionIx,
    crossed: bool,
    because: Vec<ClauseIx>,
    missing: Vec<ClauseIx>,
    /// Per citation: false where the card already shows the same words.
    fresh: Vec<bool>,
) -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.applied.get_untracked().0;
    let p = &library.positions[position];
    let quotes = p
        .cite
        .iter()
        .zip(fresh)
        .map(|(cite, fresh)| {
            if fresh {
                Either::Left(view! { <Quote library cite /> })
            } else {
                Either::Right(view! { <p class="quoted-above">{quoted_above(&cite.quote)}</p> })
            }
        })
        .collect_view();
    let because_label = if crossed { "Because the draft includes:" } else { "Met by:" };
    // The card adds that a law's procedure is a source's account of it.
    let kind = match p.basis {
        Basis::Law if library.actors[p.actor].is_party() => "legal procedure (reported)",
        _ => library.kind_of(position),
    };
    let because = (!because.is_empty()).then(|| {
        let links = because
            .into_iter()
            .map(|c| {
                view! {
                    <li><button type="button" class="clause-link" on:click=move |_| state.highlight(c)
                        title="Show this clause in the draft">{library.clauses[c].title.as_str()}</button></li>
                }
            })
            .collect_view();
        view! { <p class="why">{because_label}</p><ul class="clause-links">{links}</ul> }
    });
    let missing = (!missing.is_empty()).then(|| {
        let links = missing
            .into_iter()
            .map(|c| view! {
                <li><button type="button" class="clause-link add" on:click=move |_| add_from_card(state, position, c)
                    title="Add this clause to the draft"><span class="verb">"+ Add "</span>{library.clauses[c].title.as_str()}</button></li>
            })
            .collect_view();
        let label = if crossed { "The draft lacks any of:" } else { "Would be met by any of:" };
        view! { <p class="why">{label}</p><ul class="clause-links">{links}</ul> }
    });
    view! {
        <li class="position">
            // The app's reading, apart from the quoted words below it.
            <p class="reading"><strong class="strength">{kind}</strong>
                <span class="reading-label">" · as Redline reads it: "</span>{p.summary.as_str()}</p>
            {quotes}
            <p class="attribution">{library.attribution(position)}</p>
            {because}
            {missing}
            <super::scenario::PositionScenario position />
        </li>
    }
}
