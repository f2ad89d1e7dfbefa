//! The saved-drafts bar (open, new, duplicate, delete, export, import) and
//! the banners that say what storage did: nothing here decides anything,
//! it calls `Persistence`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::links::clear_fragment;
use super::persist::{download_plan, Persistence, Status, UndoStep};
use super::share_panel::share_panel;
use super::state::State;
use crate::plan::Plan;

#[component]
pub fn DraftsBar() -> impl IntoView {
    let state = expect_context::<State>();
    let persist = expect_context::<Persistence>();
    // A memo: every save replaces `current` (new revision), and the picker
    // must rebuild only when another draft is opened.
    let current_id = Memo::new(move |_| persist.current.with(|c| c.id.clone()));
    let current_id = move || current_id.get();
    // The picker names an unsaved draft by its title, and must not rebuild on
    // every click that leaves the title as it was: a signal set on change.
    let title = state.facts.title;
    let options = move || {
        let current = current_id();
        let mut entries = persist.entries.get();
        if !entries.iter().any(|e| e.id == current) {
            // The open draft is not stored yet (new, or storage refused it).
            let title = title.get();
            let title = if title.trim().is_empty() { "Untitled draft" } else { title.as_str() };
            let name = if persist.viewing.with(Option::is_some) {
                format!("{title} (shared plan, not saved)")
            } else {
                format!("{title} (not saved yet)")
            };
            entries.insert(0, super::persist::Entry { id: current.clone(), name });
        }
        entries
            .into_iter()
            .map(|e| {
                let selected = e.id == current;
                view! { <option value=e.id.clone() selected=selected>{e.name}</option> }
            })
            .collect_view()
    };
    let export = move |_| export_draft(state);
    let sharing = RwSignal::new(false);
    let export_from_share = Callback::new(move |_| export_draft(state));
    let import = move |ev: leptos::ev::Event| import_file(ev, state, persist);
    let status_line = move || match persist.status.get() {
        Status::Saved if persist.pending.get() => "Saving…",
        Status::Saved if persist.viewing.with(Option::is_some) => {
            "Viewing a shared plan: nothing is stored until you save a copy or change it."
        }
        Status::Saved if persist.entries.with(|e| e.iter().any(|e| e.id == current_id())) => "Saved in this browser.",
        Status::Saved => "Not saved yet: it is stored once you change it.",
        Status::Unavailable(_) => "Not saved: this browser keeps no storage for Redline.",
        Status::Full => "Not saved: the browser's storage is full.",
        Status::Conflict(_) => "Not saved: another tab changed this draft.",
        Status::Failed(_) => "Not saved: storage failed.",
    };
    view! {
        <section class="drafts-bar" aria-labelledby="drafts-heading">
            <h3 id="drafts-heading" class="visually-hidden">"Saved drafts"</h3>
            // Managing drafts is one menu; sharing stays one click away.
            <div class="drafts-row">
                <details class="drafts-menu">
                    <summary>"Drafts"</summary>
                    <div class="drafts-sheet">
                        <label for="draft-picker">"Open a draft"</label>
                        <select id="draft-picker" on:change=move |ev| {
                            persist.open(&event_target_value(&ev));
                            // Whatever happened (asked and cancelled, or gone), the picker names the draft on screen.
                            event_target::<web_sys::HtmlSelectElement>(&ev).set_value(&persist.current.with_untracked(|c| c.id.clone()));
                        }>{options}</select>
                        <div class="toolbar" role="toolbar" aria-label="Saved drafts">
                            <button type="button" on:click=move |_| persist.new_draft()>"New draft"</button>
                            <button type="button" on:click=move |_| persist.duplicate()>"Duplicate"</button>
                            <button type="button" on:click=move |_| persist.delete()>"Delete"</button>
                            <button type="button" on:click=export>"Export file"</button>
                            <label class="file-button">"Import file"
                                <input id="import-file" type="file" accept=".json,application/json" on:change=import />
                            </label>
                        </div>
                    </div>
                </details>
                <button type="button" class="share-button" aria-expanded=move || sharing.get().to_string()
                    on:click=move |_| sharing.update(|s| *s = !*s)>"Share link"</button>
            </div>
            <p class="save-status">{status_line}</p>
            {move || sharing.get().then(|| super::on_demand(move || share_panel(export_from_share)))}
        </section>
        // A memo: a notice with an Undo is re-checked on every edit, and the
        // banners are rebuilt only when what they say changes, not on each click.
        {banners(state, persist, false, Memo::new(move |_| draft_notices(state, persist)))}
    }
}

/// One thing the user can do from a banner. Banners are data rendered by a
/// single view: every distinct view shape costs download bytes.
#[derive(Clone, PartialEq)]
enum Action {
    Export,
    RetrySave,
    TakeTheirs,
    KeepMineAsCopy,
    UndoDelete,
    DismissDeleted,
    UndoNotice(UndoStep),
    DismissNotice,
    DismissLink,
}

impl Action {
    fn label(&self) -> &'static str {
        match self {
            Action::Export => "Export this draft as a file",
            Action::RetrySave => "Try saving again",
            Action::TakeTheirs => "Load the other tab's version",
            Action::KeepMineAsCopy => "Keep mine as a new draft",
            Action::UndoDelete => "Undo delete",
            Action::UndoNotice(UndoStep::NewDraft(..)) => "Undo: delete the new draft",
            Action::UndoNotice(UndoStep::Reopen(_)) => "Undo: reopen the unsaved draft",
            Action::UndoNotice(UndoStep::Clear(_)) => "Undo clear",
            Action::UndoNotice(UndoStep::FilledBlank(_)) => "Undo: empty the draft again",
            Action::DismissDeleted | Action::DismissNotice | Action::DismissLink => "Dismiss",
        }
    }

    fn run(&self, state: State, persist: Persistence) {
        match self {
            Action::Export => export_draft(state),
            Action::RetrySave => {
                persist.status.set(Status::Saved);
                persist.save_now();
            }
            Action::TakeTheirs => persist.take_theirs(),
            Action::KeepMineAsCopy => persist.keep_mine_as_copy(),
            Action::UndoDelete => persist.undo_delete(),
            Action::DismissDeleted => persist.deleted.set(None),
            Action::UndoNotice(step @ (UndoStep::NewDraft(previous, _) | UndoStep::Reopen(previous))) => {
                persist.undo_leave((**previous).clone(), matches!(step, UndoStep::NewDraft(..)))
            }
            Action::UndoNotice(UndoStep::Clear(_) | UndoStep::FilledBlank(_)) => {
                state.editor.update(|e| {
                    e.undo();
                });
                persist.notice.set(None);
            }
            Action::DismissNotice => persist.dismiss_notice(),
            Action::DismissLink => {
                persist.broken_link.set(None);
                clear_fragment();
            }
        }
    }
}

#[derive(Clone, PartialEq)]
struct Banner {
    text: String,
    actions: Vec<Action>,
}

/// What went wrong with storage or with a link, most urgent first: the
/// page's own problems, not one draft's, so they show at the top of the page
/// (`PageAlerts`), where a phone reader on the library tab and a first
/// visit's welcome cannot hide them.
fn page_alerts(persist: Persistence) -> Vec<Banner> {
    let mut out = Vec::new();
    let alert = |text: String, actions: Vec<Action>| Banner { text, actions };
    match persist.status.get() {
        Status::Unavailable(why) => out.push(alert(
            format!("Drafts will not be kept: {why}. Everything works, but closing the tab loses the draft."),
            vec![Action::Export],
        )),
        Status::Full => out.push(alert(
            "The browser's storage is full: your latest changes are kept in this tab only.".into(),
            vec![Action::Export, Action::RetrySave],
        )),
        Status::Conflict(theirs) => out.push(alert(
            format!("This draft was changed in another tab (“{}”). Nothing has been overwritten.", theirs.name()),
            vec![Action::TakeTheirs, Action::KeepMineAsCopy],
        )),
        Status::Failed(why) => {
            out.push(alert(format!("Saving failed ({why}). The draft is kept in this tab."), vec![Action::Export]))
        }
        Status::Saved => {}
    }
    if let Some(why) = persist.broken_link.get() {
        out.push(alert(
            format!("This link could not be opened: {why}. Nothing was changed: your drafts are as they were."),
            vec![Action::DismissLink],
        ));
    }
    out
}

/// What the last action on drafts did, with its Undo: shown beside the
/// drafts bar, where that action was taken.
fn draft_notices(state: State, persist: Persistence) -> Vec<Banner> {
    let mut out = Vec::new();
    if let Some(d) = persist.deleted.get() {
        out.push(Banner {
            text: format!("Deleted “{}”.", d.name()),
            actions: vec![Action::UndoDelete, Action::DismissDeleted],
        });
    }
    // A notice speaks of one draft and shows only while it is open, and an
    // undoable edit's only while the draft is as the edit left it.
    let open = persist.current.with(|c| c.id.clone());
    // A notice whose Undo no longer offers anything (`UndoStep::now`) goes with it.
    let shown = persist.notice.get().filter(|n| n.draft == open).and_then(|n| {
        match n.undo.map(|step| state.editor.with(|e| step.now(e))) {
            Some(None) => None,
            undo => Some((n.text, undo.flatten())),
        }
    });
    if let Some((text, undo)) = shown {
        let mut actions: Vec<Action> = undo.into_iter().map(Action::UndoNotice).collect();
        actions.push(Action::DismissNotice);
        out.push(Banner { text, actions });
    }
    out
}

fn export_draft(state: State) {
    let plan = state.editor.with_untracked(|e| e.plan().clone());
    download_plan(&plan);
}

/// The page's alerts (`page_alerts`), at the top of the page.
#[component]
pub fn PageAlerts() -> impl IntoView {
    let state = expect_context::<State>();
    let persist = expect_context::<Persistence>();
    let shown = Memo::new(move |_| page_alerts(persist));
    // A new alert comes into view: storage filling up while a phone reader
    // is on the library tab, far down, was said where nobody looked; so was
    // a link pasted into a page already scrolled. New by its words: a second
    // broken link replaces the first alert.
    super::effect_with(move |before: Option<Vec<String>>| {
        let now: Vec<String> = shown.with(|s| s.iter().map(|b| b.text.clone()).collect());
        if now.iter().any(|t| !before.as_ref().is_some_and(|b| b.contains(t))) {
            super::bring_into_view(".page-alerts");
        }
        now
    });
    view! {
        {banners(state, persist, true, shown)}
        // Texts that were not drafts are named until the reader deletes or dismisses them.
        {move || (persist.unreadable.with(|u| !u.is_empty()) || persist.kept_apart.get() > 0).then(|| view! {
            <div class="banners page-alerts" data-focus-home="draft-heading">{super::on_demand(move || super::stored_junk::alert(persist))}</div>
        })}
    }
}

/// One view for both lists of banners (each view shape costs download). The
/// page's alerts interrupt a screen reader; a draft's notices wait their turn.
/// An alert is heard when it is inserted; a polite status often is not (NVDA,
/// VoiceOver), unless the live region was there, empty, before it: so the
/// notices' list is the live region, and a notice is what is added to it.
fn banners(state: State, persist: Persistence, alerts: bool, shown: Memo<Vec<Banner>>) -> impl IntoView {
    // Roles as plain strings ("none" for a div that is only a box): an
    // optional attribute is another instance of tachys's code, 0.3 KB gzip.
    let (list, banner, list_role, banner_role) = if alerts {
        ("banners page-alerts", "banner warning", "none", "alert")
    } else {
        ("banners", "banner", "status", "none")
    };
    view! {
        <div class=list data-focus-home=alerts.then_some("draft-heading") role=list_role>
            {move || shown.get().into_iter().map(|b| view! {
                <div class=banner role=banner_role>
                    <p>{b.text}</p>
                    {b.actions.into_iter().map(|a| view! {
                        <button type="button" on:click=move |_| a.run(state, persist)>{a.label()}</button>
                    }).collect_view()}
                </div>
            }).collect_view()}
        </div>
    }
}

/// Opens the file an `<input type=file>` was given as a new draft (or in a
/// blank one), saying what became of it on the Draft tab. The welcome has
/// an input of its own: on a phone, the drafts bar's is not built until the
/// Draft tab first shows, and its button found nothing to click.
pub(super) fn import_file(ev: leptos::ev::Event, state: State, persist: Persistence) {
    let library = state.library;
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    input.set_value("");
    let name = file.name();
    // Refused unread: a 30 MB file held the page for 26 s while it was parsed.
    if let Some(e) = crate::plan::too_large(file.size() as usize) {
        persist.say(format!("{name} was not imported: {e}. Nothing was changed."), None);
        show_notices(state);
        return;
    }
    leptos::task::spawn_local(async move {
        let text = match JsFuture::from(file.text()).await {
            Ok(t) => t.as_string().unwrap_or_default(),
            Err(_) => {
                persist.say(format!("{name}: the file could not be read. Nothing was changed."), None);
                show_notices(state);
                return;
            }
        };
        match Plan::from_json(&text, library) {
            Ok((plan, warnings)) => persist.adopt(plan, &format!("The file {name}"), &warnings),
            Err(e) => persist.say(format!("{name} was not imported: {e}. Nothing was changed."), None),
        }
        show_notices(state);
    });
}

/// Brings what a file import said into view: the welcome's "Open a draft
/// file" sits on another tab on a phone, and far above the notice on a wide
/// screen, so the result would otherwise land where nobody looks.
fn show_notices(state: State) {
    state.tab.set(super::state::Tab::Draft);
    request_animation_frame(|| {
        if let Some(bar) = document().query_selector(".drafts-bar").ok().flatten() {
            bar.scroll_into_view();
        }
    });
    // The welcome, whose button opened the file, is gone with it.
    super::focus_home::home_if_lost("draft-heading");
}
