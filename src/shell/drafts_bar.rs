//! The saved-drafts bar (open, new, duplicate, delete, export, import) and
//! the banners that say what storage did: nothing here decides anything,
//! it calls `Persistence`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::persist::{download, Persistence, Status};
use super::state::State;
use crate::plan::Plan;

#[component]
pub fn DraftsBar() -> impl IntoView {
    let state = expect_context::<State>();
    let persist = expect_context::<Persistence>();
    let library = state.library;
    let current_id = move || persist.current.with(|c| c.id.clone());
    let options = move || {
        let current = current_id();
        let mut entries = persist.entries.get();
        if !entries.iter().any(|e| e.id == current) {
            // The open draft is not stored yet (new, or storage refused it).
            let title = state.editor.with(|e| e.plan().title.clone());
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
    let export = move |_| {
        let plan = state.editor.with_untracked(|e| e.plan().clone());
        download(&plan.file_name(), "application/json", &plan.to_json());
    };
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
            </div>
            <p class="save-status" role="status">{status_line}</p>
        </section>
        <Banners />
    }
}

#[component]
fn Banners() -> impl IntoView {
    let state = expect_context::<State>();
    let persist = expect_context::<Persistence>();
    let export = move |_| {
        let plan = state.editor.with_untracked(|e| e.plan().clone());
        download(&plan.file_name(), "application/json", &plan.to_json());
    };
    view! {
        <div class="banners">
            {move || match persist.status.get() {
                Status::Unavailable(why) => Some(view! {
                    <div class="banner warning" role="alert">
                        <p>"Drafts will not be kept: this browser gives Redline no storage (" {why} "). Everything works, but closing the tab loses the draft."</p>
                        <button type="button" on:click=export>"Export this draft as a file"</button>
                    </div>
                }.into_any()),
                Status::Full => Some(view! {
                    <div class="banner warning" role="alert">
                        <p>"The browser's storage is full: your latest changes are kept in this tab only."</p>
                        <button type="button" on:click=export>"Export this draft as a file"</button>
                        <button type="button" on:click=move |_| { persist.status.set(Status::Saved); persist.save_now(); }>"Try saving again"</button>
                    </div>
                }.into_any()),
                Status::Conflict(theirs) => Some(view! {
                    <div class="banner warning" role="alert">
                        <p>"This draft was changed in another tab (" {theirs.name().to_string()} "). Nothing has been overwritten."</p>
                        <button type="button" on:click=move |_| persist.take_theirs()>"Load the other tab's version"</button>
                        <button type="button" on:click=move |_| persist.keep_mine_as_copy()>"Keep mine as a new draft"</button>
                    </div>
                }.into_any()),
                Status::Failed(why) => Some(view! {
                    <div class="banner warning" role="alert">
                        <p>"Saving failed (" {why} "). The draft is kept in this tab."</p>
                        <button type="button" on:click=export>"Export this draft as a file"</button>
                    </div>
                }.into_any()),
                Status::Saved => None,
            }}
            {move || persist.unreadable.with(|u| u.iter().map(|bad| {
                let raw = bad.raw.clone();
                let file = format!("{}.txt", bad.key.replace(':', "-"));
                let kept = match &bad.backup_key {
                    Some(k) => format!("Its text is kept under {k}."),
                    None => "Its text is left where it was.".to_string(),
                };
                view! {
                    <div class="banner warning" role="alert">
                        <p>"A stored draft could not be read (" {bad.problem.clone()} "). " {kept} " The other drafts are fine."</p>
                        <button type="button" on:click=move |_| download(&file, "text/plain", &raw)>"Download its text"</button>
                    </div>
                }
            }).collect_view())}
            {move || persist.deleted.get().map(|d| view! {
                <div class="banner" role="status">
                    <p>"Deleted “" {d.name().to_string()} "”."</p>
                    <button type="button" on:click=move |_| persist.undo_delete()>"Undo delete"</button>
                    <button type="button" on:click=move |_| persist.deleted.set(None)>"Dismiss"</button>
                </div>
            })}
            {move || persist.notice.get().map(|n| view! {
                <div class="banner" role="status">
                    <p>{n}</p>
                    <button type="button" on:click=move |_| persist.notice.set(None)>"Dismiss"</button>
                </div>
            })}
        </div>
    }
}
