//! The saved-drafts bar (open, new, duplicate, delete, export, import) and
//! the banners that say what storage did: nothing here decides anything,
//! it calls `Persistence`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::links::clear_fragment;
use super::persist::{download, Incoming, Persistence, Status};
use super::share_panel::SharePanel;
use super::state::State;
use crate::plan::Plan;

#[component]
pub fn DraftsBar() -> impl IntoView {
    let state = expect_context::<State>();
    let persist = expect_context::<Persistence>();
    let library = state.library;
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
            let name = if title.trim().is_empty() {
                "Untitled draft (not saved yet)".into()
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
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = match JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => {
                    persist.notice.set(Some(format!("{name}: the file could not be read.")));
                    return;
                }
            };
            match Plan::from_json(&text, library) {
                Ok((plan, warnings)) => {
                    persist.adopt(plan);
                    let note = if warnings.is_empty() {
                        format!("Imported {name} as a new draft.")
                    } else {
                        format!("Imported {name} as a new draft. {}", warnings.join("; "))
                    };
                    persist.notice.set(Some(note));
                }
                Err(e) => persist.notice.set(Some(format!("{name} was not imported: {e}"))),
            }
        });
    };
    let status_line = move || match persist.status.get() {
        Status::Saved if persist.pending.get() => "Saving…",
        Status::Saved if persist.entries.with(|e| e.iter().any(|e| e.id == current_id())) => "Saved in this browser.",
        Status::Saved => "Not saved yet: it is stored once you change it.",
        Status::Unavailable(_) => "Not saved: this browser keeps no storage for Redline.",
        Status::Full => "Not saved: the browser's storage is full.",
        Status::Conflict(_) => "Not saved: another tab changed this draft.",
        Status::Failed(_) => "Not saved: storage failed.",
    };
    view! {
        <section class="drafts-bar" aria-labelledby="drafts-heading">
            <h3 id="drafts-heading">"Saved drafts"</h3>
            <label for="draft-picker">"Open a draft"</label>
            <select id="draft-picker" on:change=move |ev| persist.open(&event_target_value(&ev))>{options}</select>
            <div class="toolbar" role="toolbar" aria-label="Saved drafts">
                <button type="button" on:click=move |_| persist.new_draft()>"New draft"</button>
                <button type="button" on:click=move |_| persist.duplicate()>"Duplicate"</button>
                <button type="button" on:click=move |_| persist.delete()>"Delete"</button>
                <button type="button" on:click=export>"Export file"</button>
                <label class="file-button">"Import file"
                    <input type="file" accept=".json,application/json" on:change=import />
                </label>
                <button type="button" aria-expanded=move || sharing.get().to_string()
                    on:click=move |_| sharing.update(|s| *s = !*s)>"Share link"</button>
            </div>
            <p class="save-status">{status_line}</p>
            {move || sharing.get().then(|| view! { <SharePanel on_export=Callback::new(move |_| export_draft(state)) /> })}
        </section>
        <Banners />
    }
}

/// One thing the user can do from a banner. Banners are data rendered by a
/// single view: every distinct view shape costs download bytes.
#[derive(Clone)]
enum Action {
    Export,
    RetrySave,
    TakeTheirs,
    KeepMineAsCopy,
    Download { file: String, raw: String },
    UndoDelete,
    DismissDeleted,
    DismissNotice,
    ViewShared,
    SaveShared,
    DismissLink,
}

impl Action {
    fn label(&self) -> &'static str {
        match self {
            Action::Export => "Export this draft as a file",
            Action::RetrySave => "Try saving again",
            Action::TakeTheirs => "Load the other tab's version",
            Action::KeepMineAsCopy => "Keep mine as a new draft",
            Action::Download { .. } => "Download its text",
            Action::UndoDelete => "Undo delete",
            Action::DismissDeleted | Action::DismissNotice | Action::DismissLink => "Dismiss",
            Action::ViewShared => "View it",
            Action::SaveShared => "Save as a new draft",
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
            Action::Download { file, raw } => download(file, "text/plain", raw),
            Action::UndoDelete => persist.undo_delete(),
            Action::DismissDeleted => persist.deleted.set(None),
            Action::DismissNotice => persist.notice.set(None),
            Action::ViewShared | Action::SaveShared | Action::DismissLink => {
                if let Some(Incoming::Plan { plan, .. }) = persist.incoming.get_untracked() {
                    match self {
                        Action::ViewShared => {
                            persist.view(plan);
                            persist.notice.set(Some(
                                "Showing the shared plan. It is saved, as a new draft, only once you change it.".into(),
                            ));
                        }
                        Action::SaveShared => {
                            persist.adopt(plan);
                            persist.notice.set(Some("The shared plan is saved as a new draft.".into()));
                        }
                        _ => {}
                    }
                }
                persist.incoming.set(None);
                clear_fragment();
            }
        }
    }
}

struct Banner {
    /// An alert interrupts a screen reader; a status waits its turn.
    alert: bool,
    text: String,
    actions: Vec<Action>,
}

/// What storage did, as banners, most urgent first.
fn banners(persist: Persistence) -> Vec<Banner> {
    let mut out = Vec::new();
    let alert = |text: String, actions: Vec<Action>| Banner { alert: true, text, actions };
    match persist.status.get() {
        Status::Unavailable(why) => out.push(alert(
            format!("Drafts will not be kept: storage is unavailable ({why}). Everything works, but closing the tab loses the draft."),
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
    match persist.incoming.get() {
        Some(Incoming::Plan { plan, warnings }) => {
            let title = if plan.title.trim().is_empty() { "Untitled".to_string() } else { plan.title.clone() };
            let mut text = format!(
                "This link holds a plan: “{title}”, {} clauses. Your drafts stay as they are unless you save it as a new one.",
                plan.items.len()
            );
            for w in warnings {
                text.push(' ');
                text.push_str(&w);
                text.push('.');
            }
            out.push(Banner {
                alert: false,
                text,
                actions: vec![Action::ViewShared, Action::SaveShared, Action::DismissLink],
            });
        }
        Some(Incoming::Broken(why)) => out.push(alert(
            format!("This link could not be opened: {why}. Nothing was changed: your drafts are as they were."),
            vec![Action::DismissLink],
        )),
        None => {}
    }
    persist.unreadable.with(|u| {
        for bad in u {
            let kept = match &bad.backup_key {
                Some(k) => format!("Its text is kept under {k}."),
                None => "Its text is left where it was.".to_string(),
            };
            out.push(alert(
                format!("A stored draft could not be read ({}). {kept} The other drafts are fine.", bad.problem),
                vec![Action::Download { file: format!("{}.txt", bad.key.replace(':', "-")), raw: bad.raw.clone() }],
            ));
        }
    });
    if let Some(d) = persist.deleted.get() {
        out.push(Banner {
            alert: false,
            text: format!("Deleted “{}”.", d.name()),
            actions: vec![Action::UndoDelete, Action::DismissDeleted],
        });
    }
    if let Some(text) = persist.notice.get() {
        out.push(Banner { alert: false, text, actions: vec![Action::DismissNotice] });
    }
    out
}

fn export_draft(state: State) {
    let plan = state.editor.with_untracked(|e| e.plan().clone());
    download(&plan.file_name(), "application/json", &plan.to_json());
}

#[component]
fn Banners() -> impl IntoView {
    let state = expect_context::<State>();
    let persist = expect_context::<Persistence>();
    view! {
        <div class="banners">
            {move || banners(persist).into_iter().map(|b| view! {
                <div class=if b.alert { "banner warning" } else { "banner" } role=if b.alert { "alert" } else { "status" }>
                    <p>{b.text}</p>
                    {b.actions.into_iter().map(|a| view! {
                        <button type="button" on:click=move |_| a.run(state, persist)>{a.label()}</button>
                    }).collect_view()}
                </div>
            }).collect_view()}
        </div>
    }
}
