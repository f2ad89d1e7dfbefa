//! Undo and redo over plan edits.
//!
//! Every change to the draft goes through [`Editor::apply`], so every change
//! is undoable; typing in the title or notes is coalesced into one step per
//! field, so undo does not walk back a letter at a time.

use crate::plan::Plan;

/// How many steps back undo reaches; older ones are forgotten.
const HISTORY_LIMIT: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Editor {
    plan: Plan,
    undo: Vec<Plan>,
    redo: Vec<Plan>,
    /// The text field the last step typed into, while typing continues.
    typing_in: Option<TextField>,
    /// Counts every change of the plan, undo and redo included: what a
    /// notice's Undo checks, so that it takes back its own edit or nothing
    /// (after a later edit, one undo would take back that one instead).
    version: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Title,
    Notes,
}

impl Editor {
    pub fn new(plan: Plan) -> Editor {
        Editor { plan, ..Editor::default() }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan's version: it changes with every edit, undo and redo.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Applies an edit; if it changed the plan, it becomes one undo step.
    /// Returns whether the plan changed.
    pub fn apply<R>(&mut self, edit: impl FnOnce(&mut Plan) -> R) -> bool {
        let before = self.plan.clone();
        edit(&mut self.plan);
        if self.plan == before {
            return false;
        }
        self.push_undo(before);
        self.typing_in = None;
        self.version += 1;
        true
    }

    /// Replaces the whole plan (a preset, a cleared draft) as one undo step.
    pub fn replace(&mut self, plan: Plan) -> bool {
        self.apply(|p| *p = plan)
    }

    /// Sets a text field; consecutive edits of the same field are one step.
    pub fn type_text(&mut self, field: TextField, text: String) {
        let target = match field {
            TextField::Title => &self.plan.title,
            TextField::Notes => &self.plan.notes,
        };
        if *target == text {
            return;
        }
        if self.typing_in != Some(field) {
            self.push_undo(self.plan.clone());
            self.typing_in = Some(field);
        }
        match field {
            TextField::Title => self.plan.title = text,
            TextField::Notes => self.plan.notes = text,
        }
        self.version += 1;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else { return false };
        self.redo.push(std::mem::replace(&mut self.plan, previous));
        self.typing_in = None;
        self.version += 1;
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else { return false };
        self.undo.push(std::mem::replace(&mut self.plan, next));
        self.typing_in = None;
        self.version += 1;
        true
    }

    fn push_undo(&mut self, before: Plan) {
        if self.undo.len() == HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.undo.push(before);
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::fixture;

    #[test]
    fn every_change_undoes_and_redoes_in_order() {
        let lib = fixture::library();
        let mut editor = Editor::default();
        assert!(!editor.can_undo() && !editor.can_redo());
        editor.apply(|p| p.add(&lib, lib.clause_ix("nato-ban").unwrap()));
        editor.apply(|p| p.add(&lib, lib.clause_ix("crimea-de-jure").unwrap()));
        editor.apply(|p| p.add(&lib, lib.clause_ix("crimea-de-facto").unwrap()));
        let ids = |e: &Editor| e.plan().items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&editor), ["nato-ban", "crimea-de-facto"]);
        assert!(editor.undo());
        assert_eq!(ids(&editor), ["nato-ban", "crimea-de-jure"]);
        assert!(editor.undo() && editor.undo());
        assert!(editor.plan().items.is_empty() && !editor.undo());
        assert!(editor.redo() && editor.redo());
        assert_eq!(ids(&editor), ["nato-ban", "crimea-de-jure"]);
        // A new edit after undo drops the redo branch.
        editor.apply(|p| p.remove("nato-ban"));
        assert!(!editor.can_redo());
    }

    #[test]
    fn edits_that_change_nothing_leave_no_step() {
        let lib = fixture::library();
        let mut editor = Editor::default();
        assert!(!editor.apply(|p| p.remove("nato-ban")));
        assert!(!editor.can_undo());
        editor.apply(|p| p.add(&lib, lib.clause_ix("nato-ban").unwrap()));
        assert!(!editor.apply(|p| p.add(&lib, lib.clause_ix("nato-ban").unwrap())));
        assert_eq!(editor.undo.len(), 1);
    }

    #[test]
    fn the_version_moves_with_every_change_and_only_then() {
        let lib = fixture::library();
        let mut editor = Editor::default();
        let mut seen = vec![editor.version()];
        let mut moved = |editor: &Editor, expected: bool| {
            let last = *seen.last().unwrap();
            assert_eq!(editor.version() != last, expected);
            seen.push(editor.version());
        };
        editor.apply(|p| p.add(&lib, lib.clause_ix("nato-ban").unwrap()));
        moved(&editor, true);
        editor.apply(|p| p.add(&lib, lib.clause_ix("nato-ban").unwrap()));
        moved(&editor, false);
        editor.type_text(TextField::Title, "T".into());
        moved(&editor, true);
        editor.type_text(TextField::Title, "T".into());
        moved(&editor, false);
        // Typing on in the same field is one undo step, yet a new version:
        // a notice's Undo would take back the whole typing, not its own edit.
        editor.type_text(TextField::Title, "Ti".into());
        moved(&editor, true);
        editor.undo();
        moved(&editor, true);
        editor.redo();
        moved(&editor, true);
        // Back to a plan seen before is still a new version.
        assert_eq!(seen.iter().collect::<std::collections::HashSet<_>>().len(), 6);
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut editor = Editor::default();
        for text in ["D", "Dr", "Dra", "Draft"] {
            editor.type_text(TextField::Title, text.into());
        }
        editor.type_text(TextField::Notes, "n".into());
        editor.type_text(TextField::Notes, "no".into());
        editor.type_text(TextField::Title, "Draft 2".into());
        assert_eq!(editor.undo.len(), 3);
        editor.undo();
        assert_eq!(editor.plan().title, "Draft");
        editor.undo();
        assert_eq!((editor.plan().title.as_str(), editor.plan().notes.as_str()), ("Draft", ""));
        editor.undo();
        assert_eq!(editor.plan().title, "");
    }

    #[test]
    fn replacing_the_plan_is_undoable_and_history_is_bounded() {
        let lib = fixture::library();
        let mut editor = Editor::default();
        editor.replace(Plan::from_preset(&lib, 0));
        assert_eq!(editor.plan().items.len(), 3);
        editor.undo();
        assert!(editor.plan().items.is_empty());
        for n in 0..(HISTORY_LIMIT + 50) {
            editor.apply(|p| p.title = n.to_string());
        }
        assert_eq!(editor.undo.len(), HISTORY_LIMIT);
    }
}
