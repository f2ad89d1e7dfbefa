//! Keeping drafts: the shell side of `crate::drafts`. It loads drafts at
//! start, reopens the last one, saves every change (debounced, and at once
//! when the page is hidden), follows other tabs through the `storage` event,
//! and turns every storage failure into a banner instead of a lost draft.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::state::State;
use super::storage::BrowserStorage;
use crate::date::Date;
use crate::drafts::{
    decode, draft_key, is_draft_key, new_id, Draft, DraftStore, OtherTabSave, Restored, SaveError, StorageError,
    Unreadable,
};
use crate::editor::Editor;
use crate::plan::Plan;
use crate::share::Shared;
use crate::timeline::{as_of_at, step_of, timeline};

const SAVE_DELAY: Duration = Duration::from_millis(600);

/// How a draft left for another comes back, in the question before leaving it.
const UNDO_BRINGS: &str = "Undo brings it back while its notice shows";

/// How a notice says that the draft `name` left the screen unsaved.
fn not_saved(name: &str) -> String {
    format!("“{name}” was not saved: Undo brings it back while this notice shows.")
}

/// What the draft's storage is doing, for the status line and the banners.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Saved,
    /// Storage is blocked: drafts live in this tab only.
    Unavailable(String),
    /// Storage is full: the latest changes are in memory only.
    Full,
    /// Another tab saved this draft while this one had changes.
    Conflict(Box<Draft>),
    Failed(String),
}

impl Status {
    /// Why a change is not saved, in a clause: "(the browser's storage is full)".
    fn reason(&self) -> String {
        match self {
            Status::Unavailable(_) => "this browser keeps no storage for Redline".into(),
            Status::Full => "the browser's storage is full".into(),
            Status::Conflict(_) => "another tab changed this draft".into(),
            Status::Failed(e) => format!("storage failed: {e}"),
            Status::Saved => "storage failed".into(),
        }
    }
}

/// A shared plan on screen, not stored: the page is in viewing mode until
/// the reader saves a copy, edits it (which saves a copy) or leaves.
#[derive(Debug, Clone, PartialEq)]
pub struct Viewing {
    pub title: String,
    pub warnings: Vec<String>,
    /// The draft that was open before, to go back to.
    pub previous: Left,
    /// The as-of date the reader had chosen before the link set its own.
    pub previous_as_of: Option<Date>,
    /// The as-of date the link carried, to say so in the bar.
    pub as_of: Option<Date>,
}

/// A draft that left the screen, to go back to: as last stored (`base`,
/// whose revision tells a later save by another tab apart) and as the
/// reader left it, which may hold changes storage refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Left {
    pub base: Draft,
    pub plan: Plan,
}

impl Left {
    fn unsaved(&self) -> bool {
        self.plan != self.base.plan
    }

    fn name(&self) -> &str {
        crate::drafts::name_of(&self.plan)
    }
}

/// A message about one draft: shown only while that draft is open, so it
/// ends when its moment ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    /// The id of the draft it speaks of.
    pub draft: String,
    pub undo: Option<UndoStep>,
}

/// How a notice's Undo takes back what it announced.
#[derive(Debug, Clone, PartialEq)]
pub enum UndoStep {
    /// A new draft was made in place of the open one: delete it and reopen
    /// this one, while the new draft is as made (at this `Editor::version`);
    /// after an edit, deleting it would take that work too.
    NewDraft(Box<Left>, u64),
    /// Another stored draft was opened over changes storage refused: reopen
    /// this one with them (the other stays as stored).
    Reopen(Box<Left>),
    /// Clear emptied the draft: the editor's own undo, while the editor is
    /// at the version (`Editor::version`) the clear left it at.
    Clear(u64),
    /// A plan filled this blank draft: the editor's own undo, as `Clear`.
    FilledBlank(u64),
}

impl UndoStep {
    /// The draft this Undo brings back when storage refused its changes:
    /// while the notice shows, their only copy.
    fn holds_unsaved(&self) -> Option<&Left> {
        match self {
            UndoStep::NewDraft(left, _) | UndoStep::Reopen(left) if left.unsaved() => Some(left),
            _ => None,
        }
    }

    /// What the notice carrying this step offers with the editor as it is
    /// now. An edit's Undo is one step of the editor's history: after any
    /// later edit (or an undo) it would take back something else, so it
    /// goes. A new draft's Undo past an edit no longer deletes the draft
    /// (that work would go too), but still reopens an unsaved draft it was
    /// made over.
    pub fn now(self, editor: &Editor) -> Option<UndoStep> {
        match self {
            UndoStep::Reopen(_) => Some(self),
            UndoStep::NewDraft(_, version) | UndoStep::Clear(version) | UndoStep::FilledBlank(version)
                if editor.version() == version =>
            {
                Some(self)
            }
            UndoStep::NewDraft(left, _) if left.unsaved() => Some(UndoStep::Reopen(left)),
            _ => None,
        }
    }
}

/// A line of the drafts list.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Copy)]
pub struct Persistence {
    state: State,
    pub status: RwSignal<Status>,
    pub entries: RwSignal<Vec<Entry>>,
    /// The open draft as stored: its id, creation time and revision.
    pub current: RwSignal<Draft>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    /// How many unreadable texts are kept apart in storage, for the alert
    /// that names them (shell/stored_junk.rs); 0 once the reader dismisses it.
    pub kept_apart: RwSignal<usize>,
    /// The last deleted draft, until undone or replaced.
    pub deleted: RwSignal<Option<Draft>>,
    pub notice: RwSignal<Option<Notice>>,
    /// The title of a shared plan on screen, unsaved: what views read.
    pub viewing: RwSignal<Option<String>>,
    /// The rest of viewing mode; no view tracks it (a signal of its own type
    /// cost download bytes for nothing).
    pub shared: StoredValue<Option<Viewing>>,
    /// Why the link in the address could not be opened.
    pub broken_link: RwSignal<Option<String>>,
    /// A change waits for its debounced save.
    pub pending: RwSignal<bool>,
    counter: RwSignal<u32>,
    /// The armed save timer, if any. Plain stored values, not signals: no
    /// view reads them, and a click should not pay for notifying nobody.
    timer: StoredValue<Option<TimeoutHandle>>,
    /// When the plan last changed (ms since the epoch).
    last_change: StoredValue<f64>,
}

fn now() -> u64 {
    if super::PRERENDERING {
        return 0;
    }
    js_sys::Date::now() as u64
}

fn store() -> DraftStore<BrowserStorage> {
    DraftStore::new(BrowserStorage)
}

impl Persistence {
    /// Loads the drafts and opens the last one; call once, inside the app.
    pub fn start(state: State) -> Persistence {
        let p = Persistence {
            state,
            status: RwSignal::new(Status::Saved),
            entries: RwSignal::new(Vec::new()),
            current: RwSignal::new(Draft::new(new_id(now(), 0), now(), Plan::default())),
            unreadable: RwSignal::new(Vec::new()),
            kept_apart: RwSignal::new(0),
            deleted: RwSignal::new(None),
            notice: RwSignal::new(None),
            pending: RwSignal::new(false),
            viewing: RwSignal::new(None),
            shared: StoredValue::new(None),
            broken_link: RwSignal::new(None),
            counter: RwSignal::new(1),
            timer: StoredValue::new(None),
            last_change: StoredValue::new(0.0),
        };
        if super::PRERENDERING {
            return p;
        }
        match store().load_all_for(p.state.library) {
            Ok(loaded) => {
                p.unreadable.set(loaded.unreadable);
                p.count_kept_apart();
                let last = store().last_open();
                let open =
                    loaded.drafts.iter().find(|d| Some(&d.id) == last.as_ref()).or(loaded.drafts.first()).cloned();
                if let Some(draft) = open {
                    p.show(draft);
                }
                p.set_entries(&loaded.drafts);
            }
            Err(e) => p.status.set(Status::Unavailable(e.to_string())),
        }
        p.watch();
        p
    }

    fn watch(self) {
        // Every change to the plan is saved a moment after the last one.
        super::effect(move || {
            let changed = self.state.editor.with(|e| self.current.with_untracked(|c| *e.plan() != c.plan));
            if changed {
                if self.is_viewing() {
                    self.keep_shared_edit();
                }
                self.schedule_save();
            }
        });
        // Leaving, switching tabs or closing: save now, not in 600 ms.
        let flush = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.save_now();
            }
        });
        let _ = document().add_event_listener_with_callback("visibilitychange", flush.as_ref().unchecked_ref());
        flush.forget(); // lives as long as the page
        let pagehide = window_event_listener(ev::pagehide, move |_| self.save_now());
        // Closing the tab over changes storage refused (on screen, or in the
        // draft a shared plan was opened over): the browser asks first.
        let unload = window_event_listener(ev::beforeunload, move |e| {
            self.save_now();
            let elsewhere = self.shared.with_value(|v| v.as_ref().is_some_and(|v| v.previous.unsaved()));
            if self.dirty() || elsewhere || self.held().is_some() {
                e.prevent_default();
            }
        });
        // The update banner (public/sw-register.js) asks for a save before it reloads.
        let flush_request =
            window_event_listener(ev::Custom::<ev::Event>::new("redline:flush"), move |_| self.save_now());
        // Another tab saved or deleted a draft.
        let storage = window_event_listener(ev::storage, move |e| {
            if let Some(key) = e.key() {
                if is_draft_key(&key) {
                    self.on_other_tab(&key, e.new_value());
                }
            }
        });
        on_cleanup(move || {
            pagehide.remove();
            unload.remove();
            flush_request.remove();
            storage.remove();
        });
    }

    fn dirty(self) -> bool {
        self.state.editor.with_untracked(|e| self.current.with_untracked(|c| *e.plan() != c.plan))
    }

    /// Saves `SAVE_DELAY` after the last change. A change while the timer is
    /// armed only notes its time; the timer re-arms for the rest when it
    /// fires. Re-arming on every click instead cost a timer and a closure
    /// per click, in the middle of the click's own work.
    fn schedule_save(self) {
        self.last_change.set_value(js_sys::Date::now());
        if self.timer.with_value(Option::is_none) {
            self.arm_timer(SAVE_DELAY);
        }
        if !self.pending.get_untracked() {
            self.pending.set(true);
        }
    }

    fn arm_timer(self, delay: Duration) {
        self.timer.set_value(set_timeout_with_handle(move || self.on_timer(), delay).ok());
    }

    fn on_timer(self) {
        self.timer.set_value(None);
        let quiet = Duration::from_millis((js_sys::Date::now() - self.last_change.get_value()).max(0.0) as u64);
        match SAVE_DELAY.checked_sub(quiet) {
            Some(rest) if !rest.is_zero() => self.arm_timer(rest),
            _ => self.save_now(),
        }
    }

    /// Saves the open draft if it changed. Failures become a status, never a loss:
    /// the plan stays in the editor whatever happens here.
    pub fn save_now(self) {
        if let Some(t) = self.timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
        if self.pending.get_untracked() {
            self.pending.set(false);
        }
        if !self.dirty() || matches!(self.status.get_untracked(), Status::Unavailable(_) | Status::Conflict(_)) {
            return;
        }
        let mut draft = self.current.get_untracked();
        let base = draft.revision;
        draft.plan = self.state.editor.with_untracked(|e| e.plan().clone());
        match store().save(&draft, base, now()) {
            Ok(stored) => {
                self.current.set(stored);
                self.status.set(Status::Saved);
                let _ = store().set_last_open(&draft.id);
                // Reading every draft back costs a parse each; only a new
                // draft or a new title changes the list.
                let listed =
                    self.entries.with_untracked(|e| e.iter().any(|e| e.id == draft.id && e.name == draft.name()));
                if !listed {
                    self.refresh_entries();
                }
            }
            Err(SaveError::Conflict(theirs)) => self.status.set(Status::Conflict(theirs)),
            Err(SaveError::Storage(StorageError::Full)) => self.status.set(Status::Full),
            Err(SaveError::Storage(e @ StorageError::Unavailable(_))) => {
                self.status.set(Status::Unavailable(e.to_string()))
            }
            Err(SaveError::Storage(StorageError::Other(why))) => self.status.set(Status::Failed(why)),
        }
    }

    /// Puts a draft in the editor with a fresh history.
    fn show(self, draft: Draft) {
        let plan = draft.plan.clone();
        self.show_with(draft, plan);
    }

    /// Puts a draft in the editor showing `plan`: changes to it not stored
    /// yet, saved once storage allows.
    fn show_with(self, draft: Draft, plan: Plan) {
        self.settle_status();
        self.state.editor.set(Editor::new(plan));
        let _ = store().set_last_open(&draft.id);
        self.current.set(draft);
    }

    fn set_entries(self, drafts: &[Draft]) {
        let entries: Vec<Entry> =
            drafts.iter().map(|d| Entry { id: d.id.clone(), name: d.name().to_string() }).collect();
        if self.entries.with_untracked(|e| *e != entries) {
            self.entries.set(entries);
        }
    }

    fn refresh_entries(self) {
        if let Ok(loaded) = store().load_all_for(self.state.library) {
            self.set_entries(&loaded.drafts);
            if !loaded.unreadable.is_empty() {
                self.unreadable.update(|u| u.extend(loaded.unreadable));
                self.count_kept_apart();
            }
        }
    }

    fn count_kept_apart(self) {
        self.kept_apart.set(store().backups().map_or(0, |b| b.len()));
    }

    /// The texts kept apart, as one file.
    pub fn download_kept_apart(self) {
        match store().backups() {
            Ok(backups) => {
                download("redline-unreadable-drafts.txt", "text/plain", &crate::drafts::backups_file(&backups))
            }
            Err(e) => self.say(format!("The kept texts could not be read ({e})."), None),
        }
    }

    /// Deletes the texts kept apart, once the reader confirms.
    pub fn delete_kept_apart(self) {
        let n = store().backups().map_or(0, |b| b.len());
        let question = format!(
            "Delete the {n} unreadable texts kept apart in this browser? Download them first if you may want them. Your drafts are not touched."
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        match store().delete_backups() {
            Ok(gone) => {
                self.unreadable.set(Vec::new());
                self.say(format!("Deleted {gone} unreadable texts; your drafts are as they were."), None)
            }
            Err(e) => self.say(format!("The kept texts could not be deleted ({e})."), None),
        }
        self.count_kept_apart();
    }

    fn next_id(self) -> String {
        let n = self.counter.get_untracked();
        self.counter.set(n + 1);
        new_id(now(), n)
    }

    /// Says something about the open draft; it shows while that draft is open.
    /// A message without an Undo, or with the editor's (Clear, a blank
    /// draft filled: the toolbar's Undo does the same), never takes the
    /// place of an Undo that holds a draft's unsaved changes (`held`): it
    /// keeps that Undo and says so again. Leaving the draft asks first.
    pub fn say(self, text: impl Into<String>, undo: Option<UndoStep>) {
        self.say_text(text.into(), undo);
    }

    /// `say`, compiled once rather than once per type of text.
    fn say_text(self, mut text: String, undo: Option<UndoStep>) {
        let editors = matches!(undo, None | Some(UndoStep::Clear(_) | UndoStep::FilledBlank(_)));
        let undo = match self.held().filter(|_| editors) {
            Some(held) => {
                text = format!("{text} {}", not_saved(held.holds_unsaved().map_or("", Left::name)));
                Some(held)
            }
            None => undo,
        };
        let draft = self.current.with_untracked(|c| c.id.clone());
        self.notice.set(Some(Notice { text, draft, undo }));
    }

    /// Dismissing a notice whose Undo holds a draft's unsaved changes
    /// loses them: the reader is asked first.
    pub fn dismiss_notice(self) {
        if self.may_drop_held("Dismiss this notice") {
            self.notice.set(None);
        }
    }

    /// The Undo of the notice on screen when it brings back a draft whose
    /// changes storage refused: while it shows, their only copy.
    fn held(self) -> Option<UndoStep> {
        let open = self.current.with_untracked(|c| c.id.clone());
        let undo = self.notice.get_untracked().filter(|n| n.draft == open)?.undo?;
        undo.holds_unsaved().is_some().then_some(undo)
    }

    /// The name of the draft whose unsaved changes `held` holds.
    fn held_name(self) -> Option<String> {
        self.held()?.holds_unsaved().map(|left| left.name().to_string())
    }

    /// The reader leaves the open draft: its notice goes. Its Undo would
    /// take an edit back from the editor's history, which the next draft
    /// replaces: back on this draft it would undo the latest edit instead.
    fn leave_notice(self) {
        self.notice.set(None);
    }

    pub fn open(self, id: &str) {
        if self.current.with_untracked(|c| c.id == id) {
            return;
        }
        let Some(name) = self.entries.with_untracked(|e| e.iter().find(|e| e.id == id).map(|e| e.name.clone())) else {
            return;
        };
        let Some(unsaved) = self.may_leave(&format!("“{name}”"), UNDO_BRINGS) else { return };
        self.leave_notice();
        self.leave_viewing();
        match store().load_all_for(self.state.library) {
            Ok(loaded) => match loaded.drafts.into_iter().find(|d| d.id == id) {
                Some(draft) => {
                    self.show(draft);
                    if let Some(previous) = unsaved {
                        self.say(not_saved(previous.name()), Some(UndoStep::Reopen(Box::new(previous))));
                    }
                }
                None => self.say("That draft is no longer stored (deleted in another tab?).", None),
            },
            Err(e) => self.status.set(Status::Unavailable(e.to_string())),
        }
    }

    /// A new, empty draft; it is stored once it has a change.
    pub fn new_draft(self) {
        let Some(unsaved) = self.may_leave("a new draft", UNDO_BRINGS) else { return };
        self.leave_notice();
        self.leave_viewing();
        self.current.set(Draft::new(self.next_id(), now(), Plan::default()));
        self.state.editor.set(Editor::default());
        self.settle_status();
        if let Some(previous) = unsaved {
            let text = format!("A new draft is open. {}", not_saved(previous.name()));
            self.say(text, Some(UndoStep::NewDraft(Box::new(previous), Editor::default().version())));
        }
    }

    /// Before the open draft leaves the screen for `other` ("a new draft",
    /// "“Title”"): saves it, and if storage refuses its changes, asks whether
    /// to go on, saying how it comes `back` ("Undo brings it back …").
    /// `None`: the reader stays (told why). `Some(None)`: nothing is lost.
    /// `Some(Some(left))`: the draft as it stands, unsaved, to bring back.
    /// A shared plan on screen is never stored (an edit makes it a draft of
    /// its own): what may be lost then is the draft it was opened over.
    fn may_leave(self, other: &str, back: &str) -> Option<Option<Left>> {
        self.save_now();
        let leaving = self.shared.get_value().map_or_else(|| self.left(), |v| v.previous);
        // The notice's Undo, which may hold another draft's unsaved changes, goes with the draft on screen.
        if !leaving.unsaved() {
            return self.may_drop_held(&format!("Open {other}")).then_some(None);
        }
        let held = self.held_name();
        let name = leaving.name();
        // Viewing, the status speaks of the shared plan, not of this draft.
        let why = if self.is_viewing() {
            String::new()
        } else {
            format!(" ({})", self.status.with_untracked(Status::reason))
        };
        let question = format!(
            "“{name}” has changes that could not be saved{why}. Open {other} in its place anyway? {back}; to keep it for good, cancel and export it (Drafts, Export file).{}",
            held.map(|h| format!(" The changes to “{h}” that the notice's Undo would bring back are lost.")).unwrap_or_default()
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            // Nothing moved. A notice with an Undo stays: it may be the only
            // way back to another draft's unsaved changes.
            if self.notice.get_untracked().is_some_and(|n| n.undo.is_some()) {
                return None;
            }
            self.say(
                format!(
                    "{} was not opened, so “{name}” stays on screen with its unsaved changes.",
                    super::capitalised(other)
                ),
                None,
            );
            return None;
        }
        Some(Some(leaving))
    }

    /// Before `doing` ("Open a new draft", "Duplicate this draft") ends
    /// the notice, if its Undo holds a draft's unsaved changes (`held`):
    /// whether the reader goes on. Always, when it holds none.
    fn may_drop_held(self, doing: &str) -> bool {
        let Some(held) = self.held_name() else { return true };
        let question = format!(
            "“{held}” has changes that could not be saved, and only the notice's Undo brings them back, while the draft on screen stays. {doing} anyway? Those changes are then lost; to keep them, cancel, use Undo and export that draft (Drafts, Export file)."
        );
        window().confirm_with_message(&question).unwrap_or(false)
    }

    /// After another draft takes the screen: a full storage or another tab's
    /// save spoke of the draft that left, not of this one. Storage that is
    /// blocked still is.
    fn settle_status(self) {
        if matches!(self.status.get_untracked(), Status::Full | Status::Conflict(_) | Status::Failed(_)) {
            self.status.set(Status::Saved);
        }
    }

    /// The open draft as stored (`base`) and as on screen (the editor's
    /// plan, which may be ahead of storage): to come back to after another
    /// takes the screen, or to copy.
    fn left(self) -> Left {
        Left { base: self.current.get_untracked(), plan: self.state.editor.with_untracked(|e| e.plan().clone()) }
    }

    pub fn duplicate(self) {
        // A shared plan's copy is its "Save a copy", which keeps the draft it was opened over.
        if self.is_viewing() {
            return self.save_shared_copy();
        }
        // The copy takes the screen, and the notice goes with the draft it speaks of.
        if !self.may_drop_held("Duplicate this draft") {
            return;
        }
        self.save_now();
        let Left { base, plan } = self.left();
        let source = Draft { plan, ..base };
        match store().duplicate(&source, self.next_id(), now()) {
            Ok(copy) => {
                self.leave_notice();
                // Said, as the copy's title is the only other sign that the draft on screen changed.
                let text = format!("“{}” is open; “{}” is kept in your drafts.", copy.name(), source.name());
                self.show(copy);
                self.refresh_entries();
                self.say(text, None);
            }
            Err(e) => self.say(format!("Could not duplicate: {e}."), None),
        }
    }

    pub fn delete(self) {
        // Deleting here would drop the other tab's version, which the reader has not seen.
        if let Status::Conflict(theirs) = self.status.get_untracked() {
            let text = format!(
                "Not deleted: another tab saved “{}” meanwhile. Choose a version above first, then delete.",
                theirs.name()
            );
            return self.say(text, None);
        }
        // A shared plan is not stored: there is nothing to delete, and the
        // draft it was opened over (perhaps with refused changes) comes back.
        if self.is_viewing() {
            self.leave_shared(true);
            return self
                .say("The shared plan was never stored, so nothing was deleted; its link still opens it.", None);
        }
        let id = self.current.with_untracked(|c| c.id.clone());
        match store().delete(&id) {
            Ok(removed) => {
                let mut gone = removed.unwrap_or_else(|| self.current.get_untracked());
                gone.plan = self.state.editor.with_untracked(|e| e.plan().clone());
                // The edits not saved yet go with the deleted copy, kept for
                // Undo: left pending, the next save would store the draft again.
                let mut left = self.current.get_untracked();
                left.plan = gone.plan.clone();
                // `set`, not `update`: another instance of the signal's write code costs the download 0.7 KB.
                self.current.set(left);
                self.deleted.set(Some(gone));
                self.refresh_entries();
                match self.entries.with_untracked(|e| e.first().map(|e| e.id.clone())) {
                    Some(next) => self.open(&next),
                    None => self.new_draft(),
                }
            }
            Err(e) => self.say(format!("Could not delete: {e}."), None),
        }
    }

    pub fn undo_delete(self) {
        let Some(draft) = self.deleted.get_untracked() else { return };
        self.save_now();
        match store().restore(&draft) {
            Ok(Restored::AsItWas) => {
                self.deleted.set(None);
                self.show(draft);
                self.refresh_entries();
            }
            Ok(Restored::SavedAgain(theirs)) if theirs.plan == draft.plan => {
                self.deleted.set(None);
                self.show(*theirs);
                self.refresh_entries();
                self.say("Another tab had already saved this draft again; it is back as that tab saved it.", None);
            }
            // Another tab saved its own version since: both are kept.
            Ok(Restored::SavedAgain(theirs)) => match store().duplicate(&draft, self.next_id(), now()) {
                Ok(copy) => {
                    self.deleted.set(None);
                    let text = format!(
                        "Another tab saved “{}” again after it was deleted here. That version is kept as saved; the one deleted here is back as “{}”.",
                        theirs.name(),
                        copy.name()
                    );
                    self.show(copy);
                    self.refresh_entries();
                    self.say(text, None);
                }
                Err(e) => self.restore_failed(&draft, e),
            },
            Err(e) => self.restore_failed(&draft, e),
        }
    }

    /// The deleted draft stays offered for Undo delete, which can be tried again.
    fn restore_failed(self, draft: &Draft, e: StorageError) {
        self.say(
            format!(
                "Could not restore “{}”: {e}. Undo delete stays offered: try again once storage has room.",
                draft.name()
            ),
            None,
        );
    }

    /// Replaces what is on screen with `plan` without losing the open draft:
    /// a blank draft is reused (an undoable edit); any other becomes the
    /// previous draft, kept as it is, and `plan` a new draft of its own. The
    /// notice says which, with Undo. Start from a preset, import and "save a
    /// copy" of a shared plan all come here.
    pub fn adopt(self, plan: Plan, what: &str, warnings: &[String]) {
        // What the document held that this Redline does not read, after the
        // sentence that says where the plan went, not inside it.
        let warned = match warnings {
            [] => String::new(),
            [one] => format!(" One thing in it was not read as written: {one}."),
            more => format!(" {} things in it were not read as written: {}.", more.len(), more.join("; ")),
        };
        // Inside a sentence: "the file x.json", "the US 28-point plan".
        let held = what.strip_prefix("The ").map_or_else(|| what.to_string(), |rest| format!("the {rest}"));
        let reusable =
            !self.is_viewing() && self.state.editor.with_untracked(|e| e.plan().is_blank()) && !self.is_stored();
        if reusable {
            self.state.editor.update(|e| {
                e.replace(plan);
            });
            // "holds", not "is": "The Hegseth parameters is now in this draft".
            let version = self.state.editor.with_untracked(Editor::version);
            self.say(
                format!("This draft was blank; it now holds {held}.{warned}"),
                Some(UndoStep::FilledBlank(version)),
            );
            return;
        }
        let Some(unsaved) = self.may_leave(&held, UNDO_BRINGS) else { return };
        let was_unsaved = unsaved.is_some();
        let previous = unsaved.unwrap_or_else(|| self.left());
        let kept = if was_unsaved {
            not_saved(previous.name())
        } else if self.is_viewing() {
            "The shared plan is no longer on screen; its link still opens it.".to_string()
        } else {
            format!("“{}” is kept in your drafts.", previous.name())
        };
        self.leave_viewing();
        self.store_as_new(plan);
        let version = self.state.editor.with_untracked(Editor::version);
        self.say(
            format!("{what} opened as a new draft. {kept}{warned}"),
            Some(UndoStep::NewDraft(Box::new(previous), version)),
        );
    }

    /// Takes back what a notice's `NewDraft` or `Reopen` announced: the
    /// draft that was open before comes back (from storage when it is
    /// there, with the changes storage refused, unsaved). `made_here`: the
    /// draft on screen was made by that action, and is deleted.
    pub fn undo_leave(self, previous: Left, made_here: bool) {
        // The draft on screen may have changes storage refused since the
        // notice came (an edit to the draft opened in place of `previous`):
        // leaving it asks, as any other leave does, and its Undo brings them
        // back in turn. A new draft's Undo shows only while it has no edit.
        let mut left = None;
        if made_here {
            let created = self.current.with_untracked(|c| c.id.clone());
            if let Err(e) = store().delete(&created) {
                self.say(format!("Could not undo: {e}."), None);
                return;
            }
            self.refresh_entries();
        } else {
            // The notice whose Undo this is holds `previous`, which comes back: it is not lost.
            let notice = self.notice.get_untracked();
            self.notice.set(None);
            let Some(unsaved) = self.may_leave(&format!("“{}”", previous.name()), UNDO_BRINGS) else {
                return self.notice.set(notice);
            };
            left = unsaved;
        }
        self.reopen(previous);
        self.notice.set(None);
        if let Some(left) = left {
            self.say(not_saved(left.name()), Some(UndoStep::Reopen(Box::new(left))));
        }
    }

    /// Shows a draft that was open before, as it was left: changes storage
    /// refused come back unsaved, to be saved once storage allows. What
    /// another tab stored meanwhile is met as it would have been had the
    /// draft stayed open (`OtherTabSave::decide`): followed when the draft
    /// had no change of its own, else a conflict that overwrites nothing.
    fn reopen(self, previous: Left) {
        let Left { base, plan } = previous;
        let stored =
            store().load_all_for(self.state.library).ok().and_then(|l| l.drafts.into_iter().find(|d| d.id == base.id));
        match stored.map(|theirs| (OtherTabSave::decide(&base, &plan, &theirs), theirs)) {
            Some((OtherTabSave::Follow | OtherTabSave::TakeRevision, theirs)) => self.show(theirs),
            Some((OtherTabSave::Conflict, theirs)) => {
                self.show_with(base, plan);
                self.status.set(Status::Conflict(Box::new(theirs)));
            }
            _ => self.show_with(base, plan),
        }
    }

    fn is_stored(self) -> bool {
        let id = self.current.with_untracked(|c| c.id.clone());
        self.entries.with_untracked(|e| e.iter().any(|e| e.id == id))
    }

    /// Puts `plan` in the editor as a draft of its own and stores it, never
    /// under the id of the draft that was open.
    fn store_as_new(self, plan: Plan) {
        self.current.set(Draft::new(self.next_id(), now(), Plan::default()));
        self.state.editor.set(Editor::new(plan));
        self.save_now();
    }

    /// Shows a shared plan without storing it, remembering the draft that
    /// was open, with the verdicts as of the link's date (the reader's own
    /// date comes back with their drafts). Nothing is stored until the
    /// reader saves a copy or edits it.
    pub fn view_shared(self, shared: Shared, warnings: Vec<String>) {
        self.broken_link.set(None);
        let (previous, previous_as_of) = match self.shared.get_value() {
            Some(v) => (v.previous, v.previous_as_of),
            None => {
                let Some(unsaved) = self.may_leave(
                    "the shared plan",
                    "Back to your drafts (or, once you change the shared plan, its notice's Undo) brings it back",
                ) else {
                    return;
                };
                // A full storage or another tab's save speaks of that draft, and comes back with it.
                self.settle_status();
                (unsaved.unwrap_or_else(|| self.left()), self.state.as_of.get_untracked())
            }
        };
        let Shared { plan, as_of } = shared;
        // A date between two the library knows reads as the earlier one, as the control does.
        let as_of = as_of.and_then(|date| {
            let moments = timeline(self.state.library);
            as_of_at(&moments, step_of(&moments, Some(date)))
        });
        let title = if plan.title.trim().is_empty() { "Untitled".to_string() } else { plan.title.clone() };
        self.current.set(Draft::new(self.next_id(), now(), plan.clone()));
        self.state.editor.set(Editor::new(plan));
        self.state.as_of.set(as_of);
        self.shared.set_value(Some(Viewing { title: title.clone(), warnings, previous, previous_as_of, as_of }));
        self.viewing.set(Some(title));
    }

    /// Stores the shared plan on screen as a new draft.
    pub fn save_shared_copy(self) {
        let Some(v) = self.shared.get_value() else { return };
        let plan = self.state.editor.with_untracked(|e| e.plan().clone());
        self.end_viewing();
        self.store_as_new(plan);
        // Storage may refuse it (full, or blocked): then the page's alert says why.
        let text = if self.dirty() {
            "The shared plan is a new draft, not saved: the browser's storage refused it, so it is kept in this tab only."
        } else {
            "The shared plan is saved as a new draft."
        };
        let version = self.state.editor.with_untracked(Editor::version);
        self.say(text, Some(UndoStep::NewDraft(Box::new(v.previous), version)));
    }

    /// Back from a shared plan to the draft that was open before. With
    /// `push`, a history entry without the fragment is added, so Back
    /// returns to the shared plan.
    pub fn leave_shared(self, push: bool) {
        let Some(v) = self.shared.get_value() else { return };
        self.shared.set_value(None);
        self.viewing.set(None);
        if push {
            super::links::push_without_fragment();
        }
        self.state.as_of.set(v.previous_as_of);
        self.reopen(v.previous);
    }

    fn is_viewing(self) -> bool {
        self.viewing.with_untracked(Option::is_some)
    }

    /// An edit to the shared plan on screen makes it a draft of the
    /// reader's own, stored like any other, so that leaving it asks when
    /// storage refuses it; the link still opens the plan as shared.
    fn keep_shared_edit(self) {
        let Some(v) = self.shared.get_value() else { return };
        self.end_viewing();
        let mut text = "Your change made a new draft: a copy of the shared plan.".to_string();
        let undo = v.previous.unsaved().then(|| {
            text += &format!(" {}", not_saved(v.previous.name()));
            UndoStep::Reopen(Box::new(v.previous))
        });
        self.say(text, undo);
    }

    /// Ends viewing mode for another draft: the reader's own as-of date comes back.
    fn leave_viewing(self) {
        if let Some(v) = self.shared.get_value() {
            self.state.as_of.set(v.previous_as_of);
        }
        self.end_viewing();
    }

    /// Ends viewing mode, keeping what is on screen, and drops the link from the address.
    fn end_viewing(self) {
        if self.is_viewing() {
            self.shared.set_value(None);
            self.viewing.set(None);
            super::links::clear_fragment();
        }
    }

    /// The other tab saved a draft: follow it when this tab has no unsaved
    /// change to it, otherwise ask (the rule is `OtherTabSave::decide`).
    fn on_other_tab(self, key: &str, value: Option<String>) {
        self.refresh_entries();
        if key != draft_key(&self.current.with_untracked(|c| c.id.clone())) {
            return;
        }
        let Some(value) = value else {
            // Kept on screen as it is; storing it again is the reader's call.
            let text = "This draft was deleted in another tab. It stays here; a change stores it again.";
            return self.say(text, None);
        };
        let Ok(theirs) = decode(&value) else { return };
        let decision = self
            .state
            .editor
            .with_untracked(|e| self.current.with_untracked(|saved| OtherTabSave::decide(saved, e.plan(), &theirs)));
        match decision {
            OtherTabSave::Ignore => {}
            OtherTabSave::TakeRevision => self.current.set(theirs),
            OtherTabSave::Follow => {
                self.show(theirs);
                self.say("This draft was updated in another tab; showing the newer version.", None);
            }
            OtherTabSave::Conflict => self.status.set(Status::Conflict(Box::new(theirs))),
        }
    }

    /// Resolves a conflict by taking the other tab's version (undoable).
    pub fn take_theirs(self) {
        if let Status::Conflict(theirs) = self.status.get_untracked() {
            self.current.set((*theirs).clone());
            self.state.editor.update(|e| {
                e.replace(theirs.plan.clone());
            });
            self.status.set(Status::Saved);
        }
    }

    /// Resolves a conflict by keeping this tab's version as a new draft.
    pub fn keep_mine_as_copy(self) {
        if let Status::Conflict(theirs) = self.status.get_untracked() {
            let mut mine = self.state.editor.with_untracked(|e| e.plan().clone());
            mine.title = crate::drafts::kept_copy_title(&mine, &theirs.plan);
            // Not `adopt`: its first save would write this tab's version over theirs.
            self.status.set(Status::Saved);
            self.store_as_new(mine);
        }
    }
}

/// A plan file, indented two spaces by the browser's own JSON, for a
/// reader who opens it in an editor (see `Plan::to_json`).
pub fn download_plan(plan: &crate::plan::Plan) {
    let text = plan.to_json();
    let indented = js_sys::JSON::parse(&text)
        .and_then(|value| js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2)))
        .ok()
        .and_then(|s| s.as_string());
    download(&plan.file_name(), "application/json", indented.as_deref().unwrap_or(&text));
}

/// Offers text as a file download, without any request.
pub fn download(filename: &str, mime: &str, text: &str) {
    let href = format!("data:{mime};charset=utf-8,{}", String::from(js_sys::encode_uri_component(text)));
    let Ok(anchor) = document().create_element("a") else { return };
    let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
    anchor.set_href(&href);
    anchor.set_download(filename);
    anchor.click();
}
