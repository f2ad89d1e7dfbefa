//! The signals every view reads, bundled and provided as context. All rules
//! live in the core: edits go through `Editor`, verdicts come from `evaluate`.

use leptos::prelude::*;

use crate::date::Date;
use crate::editor::Editor;
use crate::evaluate::{evaluate, Evaluation};
use crate::library::{ClauseIx, Library};
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
    /// Evaluate against positions stated by this date; `None`: the latest.
    pub as_of: RwSignal<Option<Date>>,
    pub evaluation: Memo<Evaluation>,
    /// A clause a verdict pointed at, highlighted in the draft.
    pub highlighted: RwSignal<Option<ClauseIx>>,
    pub tab: RwSignal<Tab>,
}

impl State {
    pub fn new(library: &'static Library) -> State {
        let editor = RwSignal::new(Editor::default());
        let as_of = RwSignal::new(None);
        let evaluation = Memo::new(move |_| {
            let day = as_of.get();
            editor.with(|e| evaluate(library, &e.plan().selection(library), day))
        });
        State {
            library,
            search: Box::leak(Box::new(SearchIndex::new(library))),
            editor,
            as_of,
            evaluation,
            highlighted: RwSignal::new(None),
            tab: RwSignal::new(Tab::Library),
        }
    }

    /// Applies one undoable edit to the draft.
    pub fn edit<R>(&self, change: impl FnOnce(&mut Plan) -> R) {
        self.editor.update(|e| {
            e.apply(change);
        });
    }

    pub fn holds(&self, clause: ClauseIx) -> bool {
        self.editor.with(|e| e.plan().contains(&self.library.clauses[clause].id))
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
