//! The clause library: search as you type, filter to one preset, browse by
//! topic. Alternatives of one question are a choice of one (radios: picking
//! one replaces the answer, picking the answer again removes it); other
//! clauses are checkboxes. Each question, and each topic's other clauses,
//! is one tab stop with arrow keys inside (`rove`); Enter or Space picks.
//!
//! The entries are escaped markup of library text, built once, with
//! delegated handlers and effects that touch only the entries whose state
//! moved, as in pictures.rs: as Leptos views the 190-odd entries were more
//! than half of the page's elements and a third of the start's work (0.2 s
//! at 4x CPU), for a list whose rows never change shape. A clause's "Text
//! and sources" is a Leptos view, mounted when the reader first opens it.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use std::fmt::Write;

use super::cite::{preset_caveat, preset_options, Quote};
use super::esc;
use super::state::State;
use crate::library::{ClauseIx, Library, PresetIx, QuestionIx, TopicIx};

#[component]
pub fn LibraryPanel() -> impl IntoView {
    let state = expect_context::<State>();
    let library = state.library;
    let query = RwSignal::new(String::new());
    let preset_filter = RwSignal::new(None::<PresetIx>);
    let visible = Memo::new(move |_| {
        let mut shown = vec![false; library.clauses.len()];
        query.with(|q| match q.trim() {
            "" => shown.fill(true),
            q => state.search().find(q).into_iter().for_each(|c| shown[c] = true),
        });
        if let Some(p) = preset_filter.get() {
            let mut in_preset = vec![false; library.clauses.len()];
            library.presets[p].items.iter().for_each(|i| in_preset[i.clause] = true);
            shown.iter_mut().zip(in_preset).for_each(|(s, keep)| *s &= keep);
        }
        shown
    });
    let shown_count = move || visible.with(|v| v.iter().filter(|&&s| s).count());

    let mut order = Order::default();
    let adopt = first_screen_lists() == library.topics.len();
    let topics = (0..library.topics.len())
        .map(|t| {
            let topic = &library.topics[t];
            let entries = topic_html(library, t, &mut order, !adopt);
            let any_visible = move || visible.with(|v| library.topics[t].clauses.iter().any(|&c| v[c]));
            view! {
                <section class="topic" aria-labelledby=format!("topic-{}", topic.id) hidden=move || !any_visible()>
                    <h3 id=format!("topic-{}", topic.id)>{topic.name.as_str()}</h3>
                    <ul class="clauses rove" data-adopt=adopt.then_some("") inner_html=entries></ul>
                </section>
            }
        })
        .collect_view();

    let panel = NodeRef::<leptos::html::Section>::new();
    if !super::PRERENDERING {
        follow_entries(state, panel, order, visible, preset_filter);
    }
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(entry) = target.closest("li.clause > button.toggle").ok().flatten().and_then(|b| b.parent_element())
        else {
            return;
        };
        if let Some(clause) = entry.get_attribute("data-clause").and_then(|id| library.clause_ix(&id)) {
            state.edit(|p| p.toggle(library, clause));
        }
    };

    view! {
        <section class="panel library" aria-labelledby="library-heading" node_ref=panel on:click=on_click
            on:toggle:capture=move |ev| on_details_toggle(library, ev)
            on:keydown=super::rove::on_keydown on:focusin=super::rove::on_focusin>
            <h2 id="library-heading" tabindex="-1">"Clause library"</h2>
            <div class="filters" role="search">
                <label for="clause-search">"Search clauses, topics, actors, plans"</label>
                <input id="clause-search" type="search" autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev)) />
                <label for="preset-filter">"Show"</label>
                <select id="preset-filter" inner_html=format!("<option value=\"\">All clauses</option>{}", preset_options(library))
                    on:change=move |ev| preset_filter.set(event_target_value(&ev).parse::<PresetIx>().ok())>
                </select>
                <p class="count" aria-live="polite">
                    {move || format!("{} of {} clauses", shown_count(), library.clauses.len())}
                </p>
                <Show when=move || shown_count() == 0>
                    <p class="no-match">
                        {move || if preset_filter.get().is_some() {
                            "No clause of the plan shown matches. Search looks in titles, texts, quotes, speakers, actors and plans."
                        } else {
                            "No clause matches. Search looks in titles, texts, quotes, speakers, actors and plans."
                        }}
                        " " <button type="button" class="clear-search" on:click=move |_| {
                            query.set(String::new());
                            preset_filter.set(None);
                            if let Some(select) = document().get_element_by_id("preset-filter") {
                                select.unchecked_into::<web_sys::HtmlSelectElement>().set_value("");
                            }
                            if let Some(field) = document().get_element_by_id("clause-search") {
                                let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
                            }
                        }>{move || if preset_filter.get().is_some() { "Clear the search and show every plan" } else { "Clear the search" }}</button>
                    </p>
                </Show>
            </div>
            {move || preset_filter.get().map(|p| preset_caveat(library, p))}
            {topics}
        </section>
    }
}

/// How many of the first screen's topic lists `public/start.js` kept
/// (`data-kept-lists` on the root element). The first screen is this very
/// panel rendered at build time for a first visit (nothing held, everything
/// shown), so when start.js kept every list, the live panel leaves its lists
/// empty, marked `data-adopt`, and `start.js` fills them at the take-over
/// with copies it took before the reader could touch them: the start then
/// writes and parses no entry markup (about 50 ms of it on a slow phone),
/// and the copies are made while the wasm downloads. A start.js of another
/// build, cached by a host that did not revalidate it, says nothing: the
/// panel then writes its lists itself.
fn first_screen_lists() -> usize {
    if super::PRERENDERING {
        return 0;
    }
    let kept = document().document_element().and_then(|html| html.get_attribute("data-kept-lists"));
    kept.and_then(|n| n.parse().ok()).unwrap_or(0)
}

/// The entries in document order, as `topic_html` walks them: the effects
/// find their elements by position, with no lookup by id.
#[derive(Default)]
struct Order {
    clauses: Vec<ClauseIx>,
    questions: Vec<QuestionIx>,
}

/// A topic's entries: its questions with more than one alternative as
/// radio groups, where their first alternative stands, and its other
/// clauses as checkboxes. The first item of each group is its tab stop.
/// Written as a first visit sees them (nothing held, everything shown);
/// `follow_entries` brings them to the draft's state. Without `markup`, only
/// their order (the lists are adopted from the first screen).
fn topic_html(library: &Library, t: TopicIx, order: &mut Order, markup: bool) -> String {
    let mut h = String::new();
    let mut first = true;
    for &c in &library.topics[t].clauses {
        match library.clauses[c].question.filter(|&q| library.questions[q].clauses.len() > 1) {
            None => {
                order.clauses.push(c);
                if markup {
                    entry_html(&mut h, library, c, std::mem::take(&mut first), false);
                }
            }
            Some(q) if !order.questions.contains(&q) => {
                order.questions.push(q);
                let question = &library.questions[q];
                order.clauses.extend(&question.clauses);
                if !markup {
                    continue;
                }
                let id = esc(&question.id);
                let _ = write!(
                    h,
                    "<li class=\"question\"><p class=\"prompt\" id=\"question-{id}\">{}<span class=\"hint\" \
                     id=\"question-{id}-hint\"> (choose one: picking one replaces the current answer)</span></p>\
                     <div role=\"radiogroup\" aria-labelledby=\"question-{id}\" aria-describedby=\"question-{id}-hint\">\
                     <ul class=\"rove\">",
                    esc(&question.prompt)
                );
                for (i, &alternative) in question.clauses.iter().enumerate() {
                    entry_html(&mut h, library, alternative, i == 0, true);
                }
                h.push_str("</ul></div></li>");
            }
            Some(_) => {}
        }
    }
    h
}

/// What a clause's toggle shows: its mark, its title and, filtered to a
/// preset, its point there. The mark's symbol comes from the style sheet, by
/// `aria-checked`: swapping it is paint only, so a click lays out nothing in
/// the entry.
fn toggle_html(library: &Library, c: ClauseIx, point: Option<u32>) -> String {
    let title = esc(&library.clauses[c].title);
    let point = point.map(|n| format!("<span class=\"point\">point {n}</span>")).unwrap_or_default();
    format!("<span class=\"mark\" aria-hidden=\"true\"></span><span class=\"title\">{title}</span>{point}")
}

fn entry_html(h: &mut String, library: &Library, c: ClauseIx, tab_stop: bool, radio: bool) {
    let clause = &library.clauses[c];
    let _ = write!(
        h,
        "<li class=\"clause\" data-clause=\"{}\"><button type=\"button\" class=\"toggle\" tabindex=\"{}\" role=\"{}\" \
         aria-checked=\"false\">{}</button>\
         <details><summary tabindex=\"-1\">Text and sources</summary></details></li>",
        esc(&clause.id),
        if tab_stop { "0" } else { "-1" },
        if radio { "radio" } else { "checkbox" },
        toggle_html(library, c, None)
    );
}

/// The entries' elements, found once the panel is in the page.
struct Entries {
    /// Each clause's `li` and its toggle button.
    clauses: Vec<(ClauseIx, web_sys::Element, web_sys::Element)>,
    questions: Vec<(QuestionIx, web_sys::Element)>,
}

/// Finds the entries' elements once, when the first effect runs (the panel
/// is in the page by then).
struct Follow {
    panel: NodeRef<leptos::html::Section>,
    order: Order,
    entries: std::cell::OnceCell<Option<Entries>>,
}

impl Follow {
    fn entries(&self) -> Option<&Entries> {
        self.entries.get_or_init(|| self.find()).as_ref()
    }

    fn find(&self) -> Option<Entries> {
        let panel = self.panel.get_untracked()?;
        let items = |selector: &str| -> Vec<web_sys::Element> {
            let Ok(list) = panel.query_selector_all(selector) else { return Vec::new() };
            (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
        };
        let (lis, questions) = (items("li.clause"), items("li.question"));
        if lis.len() != self.order.clauses.len() || questions.len() != self.order.questions.len() {
            return None;
        }
        let clauses = self.order.clauses.iter().zip(lis).map(|(&c, li)| {
            let button = li.first_element_child()?;
            Some((c, li, button))
        });
        Some(Entries {
            clauses: clauses.collect::<Option<_>>()?,
            questions: self.order.questions.iter().copied().zip(questions).collect(),
        })
    }
}

/// Keeps the entries' markup in step with the draft, the search and the
/// preset filter, touching only the entries whose state moved.
fn follow_entries(
    state: State,
    panel: NodeRef<leptos::html::Section>,
    order: Order,
    visible: Memo<Vec<bool>>,
    preset_filter: RwSignal<Option<PresetIx>>,
) {
    let library = state.library;
    let clauses = library.clauses.len();
    let follow = std::rc::Rc::new(Follow { panel, order, entries: Default::default() });

    let held = follow.clone();
    super::effect_with(move |was: Option<Vec<bool>>| {
        let now: Vec<bool> = state.selection.with(|s| (0..clauses).map(|c| s.has(c)).collect());
        let was = was.unwrap_or_else(|| vec![false; clauses]);
        for (c, li, button) in held.entries().map_or(&[][..], |e| &e.clauses) {
            if now[*c] != was[*c] {
                li.set_class_name(if now[*c] { "clause held" } else { "clause" });
                let _ = button.set_attribute("aria-checked", if now[*c] { "true" } else { "false" });
            }
        }
        now
    });

    let shown = follow.clone();
    super::effect_with(move |was: Option<Vec<bool>>| {
        let now = visible.get();
        let was = was.unwrap_or_else(|| vec![true; clauses]);
        let Some(e) = shown.entries() else { return now };
        for (c, li, _) in &e.clauses {
            if now[*c] != was[*c] {
                set_hidden(li, !now[*c]);
            }
        }
        for (q, li) in &e.questions {
            let any = |v: &[bool]| library.questions[*q].clauses.iter().any(|&c| v[c]);
            if any(&now) != any(&was) {
                set_hidden(li, !any(&now));
            }
        }
        now
    });

    // Filtered to a preset, each of its clauses shows the point it is in that plan.
    super::effect_with(move |was: Option<Option<PresetIx>>| {
        let now = preset_filter.get();
        let Some(e) = follow.entries() else { return now };
        let point = |p: Option<PresetIx>, c: ClauseIx| library.presets[p?].items.iter().find(|i| i.clause == c)?.point;
        for (c, _, button) in &e.clauses {
            let (before, after) = (point(was.flatten(), *c), point(now, *c));
            if before == after {
                continue;
            }
            button.set_inner_html(&toggle_html(library, *c, after));
        }
        now
    });
}

fn set_hidden(element: &web_sys::Element, hidden: bool) {
    let _ = if hidden { element.set_attribute("hidden", "") } else { element.remove_attribute("hidden") };
}

/// A clause's "Text and sources", mounted into its `details` when first
/// opened: 96 closed entries full of quotes would otherwise weigh on every
/// click's style and layout (`toggle` does not bubble: the panel listens in the capture phase).
fn on_details_toggle(library: &'static Library, ev: leptos::ev::Event) {
    let Some(details) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    // Closed, or built already.
    if details.get_attribute("open").is_none() || details.query_selector("summary + *").ok().flatten().is_some() {
        return;
    }
    // Not a clause's details (a preset caveat's "Source").
    let clause = details.closest("li.clause").ok().flatten().and_then(|li| li.get_attribute("data-clause"));
    let Some(c) = clause.and_then(|id| library.clause_ix(&id)) else { return };
    leptos::mount::mount_to(details, move || clause_details(library, c)).forget();
}

fn clause_details(library: &'static Library, clause: ClauseIx) -> impl IntoView {
    let c = &library.clauses[clause];
    let cites = c.cite.iter().map(|cite| view! { <li><Quote library cite /></li> }).collect_view();
    let marks = c.param.as_ref().map(|p| {
        let items = p
            .marks
            .iter()
            .map(|m| view! { <li><strong>{p.format(m.value)}</strong> ": " {m.label.as_str()} <Quote library cite=&m.cite /></li> })
            .collect_view();
        view! { <p class="param-name">{p.name.as_str()} ", values the sources name:"</p><ul class="marks">{items}</ul> }
    });
    view! { <p>{c.text.as_str()}</p> {marks} <ul class="cites">{cites}</ul> }
}
