//! Citations and sources as the app shows them everywhere: a document's
//! title, outlet and date as the source README gives them, the preset
//! picker's options and each preset's caveats.

use leptos::prelude::*;
use std::fmt::Write;

use crate::library::{Cite, Completeness, Library, Preset, PresetIx, Source};

/// "Title, outlet, date · file": how every source is named, as markup (the
/// footer is rendered at build time, the agreement panel writes strings).
/// `whole` (the list in "About the data") gives a document's date note in
/// full, under the anchor a caption's note links to: beside every quote the
/// note's two sentences buried the quote, so a caption says only that the
/// document is undated and links to why it carries that date.
pub fn source_html(source: &Source, whole: bool) -> String {
    use super::esc;
    let mut h = format!("<cite>{}</cite>, {}, {}", esc(&source.title), esc(&source.outlet), source.date.human());
    match (&source.date_note, whole) {
        (Some(note), true) => {
            let _ = write!(h, " ({})", esc(note));
        }
        (Some(_), false) => {
            let _ = write!(h, " (undated; <a href=\"#{}\">why this date</a>)", source_anchor(source));
        }
        (None, _) => {}
    }
    let _ = write!(h, "<span class=\"file\"> · {}</span>", esc(&source.file));
    h
}

/// The id of a source's entry in "About the data".
pub fn source_anchor(source: &Source) -> String {
    format!("source-{}", source.file.trim_end_matches(".txt"))
}

/// Quotes longer than this are shown in two lines, with "more".
const LONG_QUOTE: usize = 200;

/// A quote with the source it comes from. A long quote is cut to two lines
/// with "more" (CSS only: a screen reader and print get every word).
#[component]
pub fn Quote(library: &'static Library, cite: &'static Cite) -> impl IntoView {
    let long = cite.quote.len() > LONG_QUOTE;
    let whole = RwSignal::new(false);
    view! {
        <figure class="quote">
            <blockquote class:clamped=move || long && !whole.get()>{cite.quote.as_str()}</blockquote>
            {long.then(|| view! {
                <button type="button" class="more" aria-expanded=move || whole.get().to_string()
                    on:click=move |_| whole.update(|w| *w = !*w)>{move || if whole.get() { "less" } else { "more" }}</button>
            })}
            <figcaption inner_html=source_html(library.source(cite), false)></figcaption>
        </figure>
    }
}

/// `<option>`s for every preset, valued by index: "US 28-point plan (partly described)".
/// The date and the rest of the caveats are in [`preset_caveat`] beside the picker.
/// Markup, for a select's `inner_html`: as views, two pickers of 14 options
/// each cost the start more than their worth.
pub fn preset_options(library: &Library) -> String {
    let mut h = String::new();
    for (p, preset) in library.presets.iter().enumerate() {
        let partial = if preset.completeness == Completeness::Partial { " (partly described)" } else { "" };
        let _ = write!(h, "<option value=\"{p}\">{}{partial}</option>", super::esc(&preset.name));
    }
    h
}

/// What a preset is and how far the sources describe it: proposer, date,
/// summary, completeness and note, with the citation. Shown wherever a
/// preset is offered, applied, filtered to or compared with. A plain
/// function, called inside the caller's reactive closure: a component with
/// a `Signal` prop cost the download several kilobytes.
pub fn preset_caveat(library: &'static Library, preset: PresetIx) -> impl IntoView {
    let p: &'static Preset = &library.presets[preset];
    let partial = p.completeness == Completeness::Partial;
    let described = if partial {
        "Described only in part by the sources: verdicts judge only what they describe."
    } else {
        "Described in full by the sources."
    };
    view! {
        <div class=if partial { "preset-caveat partial" } else { "preset-caveat" }>
            <p><strong>{p.name.as_str()}</strong> ": proposed by " {p.proposer.as_str()} ", " {p.date.human()} "."</p>
            <p>{p.summary.as_str()}</p>
            <p class="completeness">{described} {p.note.as_deref().map(|n| format!(" {n}"))}</p>
            <details><summary>"Source"</summary>{p.cite.iter().map(|cite| view! { <Quote library cite /> }).collect_view()}</details>
        </div>
    }
}
