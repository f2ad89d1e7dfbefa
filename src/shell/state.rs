//! The signals every view reads, bundled and provided as context. All rules
//! live in the core: edits go through `Editor`, verdicts come from `evaluate`.

use leptos::prelude::*;

use crate::date::Date;
use crate::editor::Editor;
use crate::evaluate::{Standings, Verdict};
use crate::library::{ClauseIx, Library, PresetIx, Selection};
use crate::plan::Plan;
use crate::search::SearchIndex;

/// Which region a narrow screen shows; a wide one shows all three.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Library,
    Draft,
    Verdicts,
}

#[derive(Clone, Copy)]
pub struct State {
    pub library: &'static Library,
    /// Built on the first search, not at start: nobody waits for it then.
    search: &'static std::sync::OnceLock<SearchIndex>,
    pub editor: RwSignal<Editor>,
    /// The draft as a whole, as the draft panel states it.
    pub facts: DraftFacts,
    /// The draft as a clause bitset: what evaluation and the views read.
    pub selection: Memo<Selection>,
    /// Per actor: the verdict a closed card shows.
    pub card_verdicts: &'static [RwSignal<Verdict>],
    /// Per actor: the card's tally (positions crossed, demands open, demands
    /// met). Apart from the verdict because most clicks move a tally and few a verdict.
    pub card_tallies: &'static [RwSignal<([usize; 3], usize, usize)>],
    /// Per topic: the draft's clauses of that topic, in plan order.
    pub topic_rows: &'static [RwSignal<Vec<ClauseIx>>],
    /// Evaluate against positions stated by this date; `None`: the latest.
    pub as_of: RwSignal<Option<Date>>,
    /// The library as the draft's scenario supposes it (#23), which every
    /// verdict, picture and settlement reads; `library` itself while the
    /// scenario is empty, so an ordinary click copies nothing.
    pub applied: Memo<Applied>,
    /// The draft's scenario, apart: compared on each edit, so views of it
    /// wake only when it changes.
    pub scenario: Memo<crate::scenario::Scenario>,
    /// Verdicts and tallies without reasons; an opened card evaluates its
    /// own actor in full (`evaluate_actor`), so a click builds no reasons.
    pub standings: Memo<Standings>,
    /// A clause a verdict pointed at, highlighted in the draft.
    pub highlighted: RwSignal<Option<ClauseIx>>,
    pub tab: RwSignal<Tab>,
    /// Whether the builder shows as tabs (a phone), so that `tab` alone shows.
    pub tabs: RwSignal<bool>,
    /// True between `beforeprint` and `afterprint`: printing shows every card's reasons.
    pub printing: RwSignal<bool>,
    /// Clauses the user locked for repairs, in the order locked; only held clauses.
    /// A locked clause stays in the draft; its value stays free unless it is
    /// also in `value_locked`.
    pub locked: RwSignal<Vec<ClauseIx>>,
    /// Parameter clauses whose value the user locked too; only held clauses.
    pub value_locked: RwSignal<Vec<ClauseIx>>,
}

impl State {
    pub fn new(library: &'static Library) -> State {
        let editor = RwSignal::new(Editor::default());
        let as_of = RwSignal::new(None);
        let selection = Memo::new(move |_| editor.with(|e| e.plan().selection(library)));
        let facts = DraftFacts::follow(library, editor, selection);
        // Cloning an empty scenario is four empty lists: the price of a click.
        let scenario = Memo::new(move |_| editor.with(|e| e.plan().scenario.clone()));
        let applied = Memo::new(move |_| scenario.with(|s| Applied::of(library, s)));
        // A click evaluates again only the positions that read what it
        // changed (`Standings::update`); another library or date, everything.
        let evaluated = std::sync::Mutex::new(None::<(Applied, Option<Date>, Selection)>);
        let standings = Memo::new(move |previous: Option<&Standings>| {
            let (lib, date) = (applied.get(), as_of.get());
            selection.with(|now| {
                let mut last = evaluated.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                let next = match (previous, last.as_ref()) {
                    (Some(standings), Some((l, d, before))) if *l == lib && *d == date => {
                        standings.update(lib.0, before, now)
                    }
                    _ => Standings::of(lib.0, now, date),
                };
                *last = Some((lib, date, now.clone()));
                next
            })
        });

        let (tab, tabs, printing) = (RwSignal::new(Tab::Library), RwSignal::new(false), RwSignal::new(false));
        // The cards and the draft's rows are in panels that a phone shows as
        // tabs, hidden while the reader clicks in the library: there they
        // keep what they last showed and catch up when their tab shows.
        // Building a draft row was a third of a click that adds a clause, at
        // 4x CPU (docs/performance.md).
        let verdicts_show = move || shows(Tab::Verdicts, tab, tabs, printing);
        let draft_shows = move || shows(Tab::Draft, tab, tabs, printing);
        let card_verdicts =
            fan_out_while(verdicts_show, move || standings.with(|s| s.actors.iter().map(|t| t.verdict).collect()));
        let card_tallies = fan_out_while(verdicts_show, move || {
            standings.with(|s| s.actors.iter().map(|t| (t.crossed_by_verdict, t.open, t.met)).collect())
        });
        let topic_rows = fan_out_while(draft_shows, move || {
            editor.with(|e| {
                let mut rows = vec![Vec::new(); library.topics.len()];
                for c in e.plan().items.iter().filter_map(|i| library.clause_ix(&i.id)) {
                    rows[library.clauses[c].topic].push(c);
                }
                rows
            })
        });

        // A lock on a clause that left the draft would keep nothing: drop it.
        let locked = RwSignal::new(Vec::<ClauseIx>::new());
        let value_locked = RwSignal::new(Vec::<ClauseIx>::new());
        super::effect(move || {
            selection.with(|s| {
                for list in [locked, value_locked] {
                    if list.with_untracked(|l| l.iter().any(|&c| !s.has(c))) {
                        list.update(|l| l.retain(|&c| s.has(c)));
                    }
                }
            })
        });

        State {
            library,
            search: Box::leak(Box::new(std::sync::OnceLock::new())),
            editor,
            facts,
            selection,
            card_verdicts: card_verdicts.leak(),
            card_tallies: card_tallies.leak(),
            topic_rows: topic_rows.leak(),
            as_of,
            applied,
            scenario,
            standings,
            highlighted: RwSignal::new(None),
            tab,
            tabs,
            printing,
            locked,
            value_locked,
        }
    }

    /// The search index over the library's clauses, built on first use.
    pub fn search(&self) -> &'static SearchIndex {
        let library = self.library;
        self.search.get_or_init(|| SearchIndex::new(library))
    }

    /// The library under the scenario (see `applied`), tracked.
    pub fn lib(&self) -> &'static Library {
        self.applied.get().0
    }

    /// Applies one undoable edit to the draft.
    pub fn edit<R>(&self, change: impl FnOnce(&mut Plan) -> R) {
        self.editor.update(|e| {
            e.apply(change);
        });
    }

    /// Adds the clause to a list of locks, or takes it out.
    pub fn toggle_lock(list: RwSignal<Vec<ClauseIx>>, clause: ClauseIx) {
        list.update(|l| match l.iter().position(|&x| x == clause) {
            Some(at) => {
                l.remove(at);
            }
            None => l.push(clause),
        });
    }

    /// Whether `which` tab's panel is on screen (or on paper), tracked.
    pub fn shows(&self, which: Tab) -> bool {
        shows(which, self.tab, self.tabs, self.printing)
    }

    /// Points the user at a clause in the draft (from a verdict's reasons).
    pub fn highlight(&self, clause: ClauseIx) {
        self.tab.set(Tab::Draft);
        self.highlighted.set(Some(clause));
    }
}

/// Whether `which` tab's panel is on screen (or on paper): a wide screen
/// and print show every panel, a phone only the tab picked.
fn shows(which: Tab, tab: RwSignal<Tab>, tabs: RwSignal<bool>, printing: RwSignal<bool>) -> bool {
    !tabs.get() || tab.get() == which || printing.get()
}

/// A library with a scenario applied, compared by address: a memo of it
/// changes only when the scenario does.
#[derive(Clone, Copy)]
pub struct Applied(pub &'static Library);

impl PartialEq for Applied {
    fn eq(&self, other: &Applied) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// Scenarios applied so far, kept for the page's life.
///
/// Why leaked: every view and search takes the library as `&'static`, as
/// the embedded one is; a copy per distinct scenario (about the size of
/// the decoded library) is the price, and undo, redo and going back to an
/// earlier scenario reuse its copy. Readers try a handful of scenarios.
static APPLIED: std::sync::Mutex<Vec<(crate::scenario::Scenario, &'static Library)>> =
    std::sync::Mutex::new(Vec::new());

impl Applied {
    fn of(library: &'static Library, scenario: &crate::scenario::Scenario) -> Applied {
        if scenario.is_empty() {
            return Applied(library);
        }
        let mut cache = APPLIED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, lib)) = cache.iter().find(|(s, _)| s == scenario) {
            return Applied(lib);
        }
        let lib: &'static Library = Box::leak(Box::new(scenario.apply(library).0));
        cache.push((scenario.clone(), lib));
        Applied(lib)
    }
}

/// What the draft panel states about the draft as a whole. One effect keeps
/// these, setting each only when it changes: a click moves the count and the
/// undo state at most, and a memo each would re-run all six on every click.
#[derive(Clone, Copy)]
pub struct DraftFacts {
    pub title: RwSignal<String>,
    pub notes: RwSignal<String>,
    /// The preset the notes say the draft is based on ("Based on: …"), kept
    /// with the notes: the verdicts, the picker and the comparison read it.
    pub based_on: RwSignal<Option<PresetIx>>,
    pub count: RwSignal<usize>,
    /// Ids of clauses the library no longer has, kept in the draft.
    pub retired: RwSignal<Vec<String>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
}

impl DraftFacts {
    fn follow(library: &'static Library, editor: RwSignal<Editor>, selection: Memo<Selection>) -> DraftFacts {
        // A draft whose every item is in the selection has none retired: the
        // usual case, told without looking each id up again on every click.
        let retired = move |e: &Editor, known: usize| {
            if known == e.plan().items.len() {
                return Vec::new();
            }
            e.plan().retired_ids(library).map(str::to_string).collect::<Vec<_>>()
        };
        let known = selection.with_untracked(Selection::len);
        let facts = editor.with_untracked(|e| DraftFacts {
            title: RwSignal::new(e.plan().title.clone()),
            notes: RwSignal::new(e.plan().notes.clone()),
            based_on: RwSignal::new(crate::plan::based_on(&e.plan().notes, library)),
            count: RwSignal::new(e.plan().items.len()),
            retired: RwSignal::new(retired(e, known)),
            can_undo: RwSignal::new(e.can_undo()),
            can_redo: RwSignal::new(e.can_redo()),
        });
        super::effect(move || {
            let known = selection.with(Selection::len);
            editor.with(|e| {
                set_if_new(facts.title, &e.plan().title);
                // Read again only when the notes move, not on every click.
                if facts.notes.with_untracked(|n| *n != e.plan().notes) {
                    facts.notes.set(e.plan().notes.clone());
                    set_if_new(facts.based_on, &crate::plan::based_on(&e.plan().notes, library));
                }
                set_if_new(facts.count, &e.plan().items.len());
                set_if_new(facts.retired, &retired(e, known));
                set_if_new(facts.can_undo, &e.can_undo());
                set_if_new(facts.can_redo, &e.can_redo());
            })
        });
        facts
    }
}

fn set_if_new<T>(signal: RwSignal<T>, value: &T)
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    if signal.with_untracked(|old| old != value) {
        signal.set(value.clone());
    }
}

/// One signal per item, fed by a single effect that recomputes every item
/// and sets only those that changed; while `shown` says no, the signals
/// keep the values last shown and `compute` is not read, so an edit does
/// not wake them; when it says yes again, they catch up.
///
/// Why: Leptos 0.8 keeps a signal's subscribers in an ordered set that every
/// re-run edits, so hundreds of views reading one memo made each click
/// quadratic; and a memo per item re-runs every item on every click. Fanned
/// out, a click wakes only the views whose own value moved.
pub fn fan_out_while<T>(shown: impl Fn() -> bool + 'static, compute: impl Fn() -> Vec<T> + 'static) -> Vec<RwSignal<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    // Untracked: the caller may be inside a reactive scope, which must not
    // subscribe to the lists; only the effect below does.
    let initial = untrack(&compute);
    let signals: Vec<RwSignal<T>> = initial.iter().cloned().map(RwSignal::new).collect();
    let feed = signals.clone();
    let mut seed = Some(initial);
    super::effect_with(move |previous: Option<Vec<T>>| {
        let before = previous.or_else(|| seed.take()).unwrap_or_default();
        if !shown() {
            return before;
        }
        let now = compute();
        for (i, (value, signal)) in now.iter().zip(&feed).enumerate() {
            if before.get(i) != Some(value) {
                signal.set(value.clone());
            }
        }
        now
    });
    signals
}

/// The element id of a clause's row in the draft.
pub fn draft_row_id(library: &Library, clause: ClauseIx) -> String {
    format!("draft-{}", library.clauses[clause].id)
}
