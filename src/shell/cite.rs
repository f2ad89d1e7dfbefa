//! Citations and sources as the app shows them everywhere: a document's
//! title, outlet and date as the source README gives them, and the preset
//! picker's options.

use leptos::prelude::*;

use crate::library::{Cite, Library, Source};

/// "Title, outlet, date (note) · file": how every source is named.
#[component]
pub fn SourceName(source: &'static Source) -> impl IntoView {
    view! {
        <cite>{source.title.as_str()}</cite>
        ", " {source.outlet.as_str()} ", " {source.date.human()}
        {source.date_note.as_deref().map(|n| format!(" ({n})"))}
        <span class="file">" · " {source.file.as_str()}</span>
    }
}

/// A quote with the source it comes from.
#[component]
pub fn Quote(library: &'static Library, cite: &'static Cite) -> impl IntoView {
    view! {
        <figure class="quote">
            <blockquote>{cite.quote.as_str()}</blockquote>
            <figcaption><SourceName source=library.source(cite) /></figcaption>
        </figure>
    }
}

/// `<option>`s for every preset, valued by index: "US 28-point plan (Nov 2025)".
pub fn preset_options(library: &'static Library) -> impl IntoView {
    library
        .presets
        .iter()
        .enumerate()
        .map(|(p, preset)| view! { <option value=p.to_string()>{format!("{} ({})", preset.name, preset.date.human())}</option> })
        .collect_view()
}
