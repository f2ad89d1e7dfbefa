//! Stored values that are not drafts: one alert names what this load could
//! not read, or, on later loads, the texts still kept apart, with a way to
//! download or delete them. Rare (a browser whose storage another tool
//! wrote to), so its code is a part of its own (shell/on_demand.rs), loaded
//! only when there is something to say: no first visit waits for it.

use leptos::prelude::*;

use super::persist::{download, Persistence};
use crate::drafts::{report_unreadable, UnreadableReport};

#[leptos::wasm_split::wasm_split(stored_junk, wasm_split_path = ::leptos::wasm_split, fallible, preload(stored_junk_preload))]
pub(super) fn alert(persist: Persistence) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(untrack(|| {
        let others = persist.entries.with(Vec::len);
        let kept = persist.kept_apart.get();
        // This load's problems, in words, and their texts as they were; or,
        // later, only how many texts are still kept apart.
        let (message, label, file) = match persist.unreadable.with(|u| report_unreadable(u, others)) {
            Some(UnreadableReport { message, file_name, contents, several }) => {
                let label = if several { "Download their texts (one file)" } else { "Download its text" };
                (message, label, Some((file_name, contents)))
            }
            None => (
                match kept {
                    1 => "1 stored text that was not a readable draft is kept apart in this browser.".to_string(),
                    n => format!("{n} stored texts that were not readable drafts are kept apart in this browser."),
                },
                "Download them",
                None,
            ),
        };
        let download_them = move |_| match &file {
            Some((name, contents)) => download(name, "text/plain", contents),
            None => persist.download_kept_apart(),
        };
        // Said at start, when a reload may have put the reader far down the
        // page; brought into view once built, as the part loads after the start.
        super::bring_into_view(".stored-junk");
        view! {
            <div class="banner warning stored-junk" role="alert">
                <p>{message}</p>
                <button type="button" on:click=download_them>{label}</button>
                {(kept > 0).then(|| view! {
                    <button type="button" on:click=move |_| persist.delete_kept_apart()>{if kept == 1 { "Delete it" } else { "Delete them" }}</button>
                })}
                <button type="button" on:click=move |_| {
                    persist.unreadable.set(Vec::new());
                    persist.kept_apart.set(0);
                }>"Dismiss"</button>
            </div>
        }
        .into_any()
    }))
}
