//! A quote with its source: document title, outlet and date, as the source
//! README gives them. Used wherever the app shows a citation.

use leptos::prelude::*;

use crate::library::{Cite, Library};

#[component]
pub fn Quote(library: &'static Library, cite: &'static Cite) -> impl IntoView {
    let source = library.source(cite);
    view! {
        <figure class="quote">
            <blockquote>{cite.quote.as_str()}</blockquote>
            <figcaption>
                <cite>{source.title.as_str()}</cite>
                ", " {source.outlet.as_str()} ", " {source.date.human()}
                {source.date_note.as_deref().map(|n| format!(" ({n})"))}
                <span class="file">" · " {source.file.as_str()}</span>
            </figcaption>
        </figure>
    }
}
