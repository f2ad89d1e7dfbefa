//! The signals every view reads, bundled and provided as context. All rules
//! live in the core: edits go through `Editor`, verdicts come from `evaluate`.

use leptos::prelude::*;

use crate::date::Date;
use crate::editor::Editor;
use crate::evaluate::{evaluate, topic_grid, Evaluation, Verdict};
use crate::library::{ClauseIx, Library, Selection};
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
    /// The draft's known clauses in plan order, resolved once per edit.
    pub ordered: Memo<Vec<ClauseIx>>,
    /// Per clause: whether the draft holds it. Only entries that change
    /// notify, so a click wakes one library entry, not all of them.
    pub held: &'static [RwSignal<bool>],
    /// Per actor and topic: the worst verdict (see `topic_grid`), same idea.
    pub grid: &'static [Vec<RwSignal<Option<Verdict>>>],
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
        let ordered = Memo::new(move |_| {
            editor.with(|e| e.plan().items.iter().filter_map(|i| library.clause_ix(&i.id)).collect())
        });

        // Leptos keeps a signal's subscribers in an ordered set that every
        // re-run edits; hundreds of subscribers on one signal made each click
        // quadratic. So per-item signals are set here, only where they change.
        let held: &'static [RwSignal<bool>] =
            Box::leak((0..library.clauses.len()).map(|_| RwSignal::new(false)).collect());
        Effect::new(move |_| {
            selection.with(|s| {
                for (c, signal) in held.iter().enumerate() {
                    if signal.get_untracked() != s.has(c) {
                        signal.set(s.has(c));
                    }
                }
            })
        });
        let grid: &'static [Vec<RwSignal<Option<Verdict>>>] = Box::leak(
            (0..library.actors.len())
                .map(|_| (0..library.topics.len()).map(|_| RwSignal::new(None)).collect())
                .collect(),
        );
        Effect::new(move |_| {
            let cells = evaluation.with(|e| topic_grid(library, e));
            for (row, signals) in cells.iter().zip(grid) {
                for (cell, signal) in row.iter().zip(signals) {
                    if signal.get_untracked() != *cell {
                        signal.set(*cell);
                    }
                }
            }
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
            ordered,
            held,
            grid,
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

    /// Points the user at a clause in the draft (from a verdict's reasons).
    pub fn highlight(&self, clause: ClauseIx) {
        self.tab.set(Tab::Draft);
        self.highlighted.set(Some(clause));
    }
}

/// The element id of a clause's row in the draft.
pub fn draft_row_id(library: &Library, clause: ClauseIx) -> String {
    format!("draft-{}", library.clauses[clause].id)
}
