//! "Share link": the draft as a link (copy, system share sheet, QR code),
//! with its length and a warning where chat apps cut links. Built only while
//! open: the link is re-encoded on every edit, which costs nothing when closed.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::links::url_with_fragment;
use super::state::State;
use crate::qr::Qr;
use crate::share::{id_table, shareable, Shared, CHAT_SAFE_LENGTH};

/// The panel's code, with the QR code's, is split off the main wasm
/// (shell/on_demand.rs): only this function may call into it.
#[leptos::wasm_split::wasm_split(share_panel, wasm_split_path = ::leptos::wasm_split, fallible, preload(share_panel_preload))]
pub(super) fn share_panel(on_export: Callback<()>) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(untrack(|| view! { <SharePanel on_export /> }.into_any()))
}

#[component]
fn SharePanel(on_export: Callback<()>) -> impl IntoView {
    let state = expect_context::<State>();
    let table = id_table();
    // The date travels with the plan: the recipient sees the verdicts shown here.
    // A clause the library lacks is left out, and named; a draft no reader
    // could open gets no link, and says why (`share::shareable`).
    let made = Memo::new(move |_| {
        let shared = Shared { plan: state.editor.with(|e| e.plan().clone()), as_of: state.as_of.get() };
        shareable(&shared, &table).map(|(f, left_out)| (url_with_fragment(&f), left_out))
    });
    let link = Memo::new(move |_| made.with(|m| m.as_ref().map(|(l, _)| l.clone()).unwrap_or_default()));
    let none = move || link.with(String::is_empty);
    // What the link cannot carry, or that chat apps cut it: one warning,
    // with the file as the way out (each view shape costs download).
    let warning = move || {
        made.with(|m| match m {
            Err(why) => format!("No link can be made for this draft: {why}."),
            Ok((_, left_out)) if !left_out.is_empty() => {
                format!("The link leaves out what this Redline's library does not have: {}.", left_out.join(", "))
            }
            Ok((l, _)) if l.len() > CHAT_SAFE_LENGTH => format!(
                "This link is longer than {CHAT_SAFE_LENGTH} characters: chat apps and some mail programs cut it. Send the draft as a file instead."
            ),
            Ok(_) => String::new(),
        })
    };
    let qr = Memo::new(move |_| link.with(|l| Qr::of(l).filter(|_| !l.is_empty()).map(|q| (q.view_box(), q.path))));
    let message = RwSignal::new(String::new());
    let copy = move |_| {
        let text = link.get_untracked();
        if text.is_empty() {
            message.set("No link to copy: see the warning above.".into());
            return;
        }
        leptos::task::spawn_local(async move {
            let written = navigator_member("clipboard")
                .and_then(|clipboard| call_method(&clipboard, "writeText", &JsValue::from_str(&text)));
            let done = match written {
                Some(p) => JsFuture::from(p).await.is_ok(),
                None => false,
            };
            message.set(if done {
                "Link copied.".into()
            } else {
                "This browser did not allow copying: select the link above and copy it.".into()
            });
        });
    };
    let can_share = has_navigator_method("share");
    let share = move |_| {
        if none() {
            return;
        }
        let data = js_sys::Object::new();
        let title = state.editor.with_untracked(|e| e.plan().title.clone());
        let title = if title.trim().is_empty() { "Redline draft".to_string() } else { title };
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &link.get_untracked().into());
        if let Some(p) = call_method(&window().navigator(), "share", &data) {
            // Cancelling the share sheet rejects the promise; that is not an error.
            leptos::task::spawn_local(async move {
                let _ = JsFuture::from(p).await;
            });
        }
    };
    view! {
        <section class="share-panel" aria-labelledby="share-heading">
            <h3 id="share-heading">"Share this draft"</h3>
            <label for="share-link">"Link to this draft"</label>
            <input id="share-link" type="url" readonly prop:value=move || link.get()
                on:focus=move |ev| { if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { i.select() } } />
            <p class="hint">
                {move || format!("{} characters. ", link.with(String::len))}
                "The whole draft is in the link, after the #: it is never sent to any server."
            </p>
            {move || state.as_of.get().map(|date| view! {
                <p class="hint as-of-shared">
                    {format!("The link opens with the positions as stated by {}, as you see them now.", date.first_day_human())}
                </p>
            })}
            {move || Some(warning()).filter(|w| !w.is_empty()).map(|text| view! {
                <div class="banner warning" role="alert">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| on_export.run(())>"Export file"</button>
                </div>
            })}
            <div class="toolbar">
                <button type="button" on:click=copy>"Copy link"</button>
                {can_share.then(|| view! { <button type="button" on:click=share>"Share…"</button> })}
            </div>
            <p class="share-message" role="status">{move || message.get()}</p>
            {move || match qr.get() {
                Some((view_box, path)) => view! {
                    <figure class="qr">
                        <svg role="img" aria-label="QR code of the link" viewBox=view_box>
                            <rect width="100%" height="100%" fill="#fff" />
                            <path d=path fill="#000" />
                        </svg>
                        <figcaption>"Scan to open this draft on another device."</figcaption>
                    </figure>
                }.into_any(),
                None if none() => ().into_any(),
                None => view! { <p class="hint">"Too long for a QR code."</p> }.into_any(),
            }}
        </section>
    }
}

fn navigator_member(name: &str) -> Option<JsValue> {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &name.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

fn has_navigator_method(name: &str) -> bool {
    navigator_member(name).is_some_and(|f| f.is_function())
}

/// `target.method(arg)`, looked up at run time: the Web Share API is missing
/// from many browsers and `navigator.clipboard` outside secure contexts, and
/// a missing API must not throw.
fn call_method(target: &JsValue, method: &str, arg: &JsValue) -> Option<js_sys::Promise> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
    f.call1(target, arg).ok()?.dyn_into().ok()
}
