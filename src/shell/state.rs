//! The signals every view reads, bundled and provided as context. All rules
//! live in the core: edits go through `Editor`, verdicts come from `evaluate`.

use leptos::prelude::*;

use crate::date::Date;
use crate::editor::Editor;
use crate::evaluate::{evaluate, topic_grid, Evaluation, Verdict};
use crate::library::{ActorIx, ClauseIx, Library, Selection, TopicIx};
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
    pub search: &'static SearchIndex,
    pub editor: RwSignal<Editor>,
    /// The draft as a clause bitset: what evaluation and the views read.
    pub selection: Memo<Selection>,
    /// Per clause: whether the draft holds it (see `fan_out`).
    pub held: &'static [RwSignal<bool>],
    /// Per actor, then topic (`actor * topics + topic`): the worst verdict,
    /// see `topic_grid`. Read through `State::grid_cell`.
    grid: &'static [RwSignal<Option<Verdict>>],
    /// Per actor: what a closed verdict card shows (verdict, crossed, met).
    pub card_heads: &'static [RwSignal<(Verdict, usize, usize)>],
    /// Per topic: the draft's clauses of that topic, in plan order.
    pub topic_rows: &'static [RwSignal<Vec<ClauseIx>>],
    /// Evaluate against positions stated by this date; `None`: the latest.
    pub as_of: RwSignal<Option<Date>>,
    pub evaluation: Memo<Evaluation>,
    /// A clause a verdict pointed at, highlighted in the draft.
    pub highlighted: RwSignal<Option<ClauseIx>>,
    pub tab: RwSignal<Tab>,
    /// True between `beforeprint` and `afterprint`: printing shows every card's reasons.
    pub printing: RwSignal<bool>,
    /// Clauses the user locked for repairs, in the order locked; only held clauses.
    pub locked: RwSignal<Vec<ClauseIx>>,
}

impl State {
    pub fn new(library: &'static Library) -> State {
        let editor = RwSignal::new(Editor::default());
        let as_of = RwSignal::new(None);
        let selection = Memo::new(move |_| editor.with(|e| e.plan().selection(library)));
        let evaluation = Memo::new(move |_| selection.with(|s| evaluate(library, s, as_of.get())));

        let held = fan_out(move || selection.with(|s| (0..library.clauses.len()).map(|c| s.has(c)).collect()));
        let grid = fan_out(move || evaluation.with(|e| topic_grid(library, e).concat()));
        let card_heads = fan_out(move || {
            evaluation.with(|e| e.actors.iter().map(|v| (v.verdict, v.breaches.len(), v.met.len())).collect())
        });
        let topic_rows = fan_out(move || {
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
        Effect::new(move |_| {
            selection.with(|s| {
                if locked.with_untracked(|l| l.iter().any(|&c| !s.has(c))) {
                    locked.update(|l| l.retain(|&c| s.has(c)));
                }
            })
        });

        State {
            library,
            search: Box::leak(Box::new(SearchIndex::new(library))),
            editor,
            selection,
            held,
            grid,
            card_heads,
            topic_rows,
            as_of,
            evaluation,
            highlighted: RwSignal::new(None),
            tab: RwSignal::new(Tab::Library),
            printing: RwSignal::new(false),
            locked,
        }
    }

    /// Applies one undoable edit to the draft.
    pub fn edit<R>(&self, change: impl FnOnce(&mut Plan) -> R) {
        self.editor.update(|e| {
            e.apply(change);
        });
    }

    /// The worst verdict of an actor on a topic, as a signal.
    pub fn grid_cell(&self, actor: ActorIx, topic: TopicIx) -> RwSignal<Option<Verdict>> {
        self.grid[actor * self.library.topics.len() + topic]
    }

    /// Points the user at a clause in the draft (from a verdict's reasons).
    pub fn highlight(&self, clause: ClauseIx) {
        self.tab.set(Tab::Draft);
        self.highlighted.set(Some(clause));
    }
}

/// One signal per item, fed by a single effect that recomputes every item
/// and sets only those that changed.
///
/// Why: Leptos 0.8 keeps a signal's subscribers in an ordered set that every
/// re-run edits, so hundreds of views reading one memo made each click
/// quadratic; and a memo per item re-runs every item on every click. Fanned
/// out, a click wakes only the views whose own value moved.
fn fan_out<T>(compute: impl Fn() -> Vec<T> + 'static) -> &'static [RwSignal<T>]
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    // Untracked: the caller may be inside a reactive scope, which must not
    // subscribe to the lists; only the effect below does.
    let initial = untrack(&compute);
    let signals: &'static [RwSignal<T>] = Box::leak(initial.iter().cloned().map(RwSignal::new).collect());
    let mut seed = Some(initial);
    Effect::new(move |previous: Option<Vec<T>>| {
        let now = compute();
        let before = previous.or_else(|| seed.take()).unwrap_or_default();
        for (i, (value, signal)) in now.iter().zip(signals).enumerate() {
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
