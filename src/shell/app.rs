//! The page frame: header, the three regions of the builder, footer.

use leptos::prelude::*;

use super::{draft::DraftPanel, library_panel::LibraryPanel, verdicts::VerdictsPanel};
use crate::evaluate::{evaluate, Evaluation};
use crate::library::Library;
use crate::plan::Plan;

#[component]
pub fn App(library: &'static Library) -> impl IntoView {
    let plan = RwSignal::new(Plan::default());
    let evaluation: Memo<Evaluation> =
        Memo::new(move |_| plan.with(|p| evaluate(library, &p.selection(library), None)));

    let sources = library
        .sources
        .iter()
        .map(|s| {
            view! {
                <li>
                    <cite>{s.title.clone()}</cite>
                    ", " {s.outlet.clone()} ", " {s.date.human()}
                    {s.date_note.clone().map(|n| format!(" ({n})"))}
                    <span class="file">" [" {s.file.clone()} "]"</span>
                </li>
            }
        })
        .collect_view();

    view! {
        <header class="masthead">
            <h1>"Redline"</h1>
            <p class="tagline">"Draft a settlement of the Russia-Ukraine war and see whose stated red lines it crosses."</p>
        </header>
        <main class="builder">
            <LibraryPanel library plan />
            <DraftPanel library plan />
            <VerdictsPanel library evaluation />
        </main>
        <footer class="sources">
            <h2>"Sources"</h2>
            <p>
                "Every clause, plan and position cites one of these documents word for word. "
                "Positions are attributed and dated; Redline takes no side."
            </p>
            <ul>{sources}</ul>
        </footer>
    }
}
