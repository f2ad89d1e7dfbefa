//! "About the data": what the five documents are, how a position is read,
//! what Redline does not know, and the sources. It never changes, so it is
//! rendered once at build time (`redline-prerender footer`) into index.html,
//! outside the app's element: no visitor downloads code to build it.

use leptos::prelude::*;

use super::cite::{source_anchor, source_html};
use crate::library::Library;

/// The page's footer, as HTML for index.html.
pub fn about_the_data(library: &'static Library) -> String {
    // Each with an anchor, where a quote's caption links for an undated document's note.
    let sources = library
        .sources
        .iter()
        .map(|source| view! { <li id=source_anchor(source) tabindex="-1" inner_html=source_html(source, true)></li> })
        .collect_view();
    view! {
        <footer class="sources" id="about" aria-labelledby="about-heading">
            <h2 id="about-heading">"About the data"</h2>
            <p>
                "Redline knows what five documents say, and nothing else: an opinion column, a Global Times report, \
                    a news digest, a policy paper and a news report; three of them name no outlet. Every clause, plan and \
                    position cites one of them word for word, and Redline takes no side."
            </p>
            <h3>"How a position is read"</h3>
            <ul>
                <li>"A position is a stance an identifiable actor took, in the quoted words, no wider and no narrower. \
                    A forecast, a description, a role others give an actor or an author's summary is not one."</li>
                <li>"Its strength comes from the words: “rules out”, “will not” make a hard red line; “demands”, \
                    “must” a firm demand; “proposes”, “prefers” a preference; “warns” a concern. A law's procedure \
                    that binds an actor counts as at most a firm demand."</li>
                <li>"Its date is when it was said; where the source gives none, the date it was reported, marked as \
                    reported. A stance dropped later has a later version, and the timeline shows either."</li>
                <li>"Silence never crosses: a demand a draft does not settle is open. Commentators and analysts are \
                    shown apart, as views, and never counted as parties. A plan the sources describe only in part says so."</li>
            </ul>
            <p>"The rules, and the review of every position against its source: docs/library-review.md in the source code."</p>
            <h3 id="sources-heading">"Sources"</h3>
            <ul aria-labelledby="sources-heading">{sources}</ul>
        </footer>
    }
    .to_html()
}
