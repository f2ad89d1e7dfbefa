//! The reader's scenario on the page (#23): the banner that says the page
//! follows a scenario, with one click back to the sources; per position a
//! choice (as sourced, set aside, another strength); per actor, setting
//! aside its firm demands or all its positions, what is set aside with a
//! way back, and a position of the reader's own. Every change is an edit of
//! the draft (`Plan::scenario`), so it is undoable and saved with it; the
//! rules are `scenario::edit`'s.

use std::fmt::Write;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::State;
use super::{data_of, esc};
use crate::library::{ActorIx, InScenario, Library, PositionIx, Strength};
use crate::scenario::{ActorScope, AddForm, Choice, ReaderPosition, Scenario, WhatItTakes};

/// Shown whenever the scenario differs from the sources, in print too.
#[component]
pub fn ScenarioBanner() -> impl IntoView {
    let state = expect_context::<State>();
    move || {
        state.scenario.with(|s| s.describe(state.lib())).map(|said| {
            let (tail, back) = match said.changes {
                true => (". Verdicts, pictures and agreement follow it, not the sources alone.", "Back to the sources' positions"),
                false => (".", "Remove the scenario"),
            };
            view! {
                <section class="scenario-banner" aria-label="Scenario" data-focus-home="verdicts-heading">
                    <p><strong>{said.text}</strong> {tail}</p>
                    <button type="button" on:click=move |_| state.edit(|p| p.scenario = Scenario::default())>{back}</button>
                </section>
            }
        })
    }
}

/// In an open card: set aside the actor's firm demands or all its
/// positions (toggles), and what is set aside, each with a way back.
#[component]
pub fn ActorScenario(actor: ActorIx) -> impl IntoView {
    let state = expect_context::<State>();
    let id = state.library.actors[actor].id.as_str();
    let toggle = move |scope: ActorScope, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (state.scenario.with(|s| s.actor_scope(id)) == Some(scope)).to_string()
                on:click=move |_| state.edit(|p| p.scenario.toggle_actor(id, scope))>{label}</button>
        }
    };
    // Markup: a view shape per list is code every visitor downloads.
    let aside = move || {
        let lib = state.lib();
        let mut h = String::new();
        for &p in lib.actors[actor].positions.iter().filter(|&&p| lib.positions[p].scenario == InScenario::SetAside) {
            let pos = &lib.positions[p];
            let _ = write!(h, "<li>{}", esc(&pos.summary));
            // One set aside with the actor's others comes back with them.
            if state.scenario.with_untracked(|s| s.set_aside.contains(&pos.id)) {
                // Named with what it brings back: a list of "Bring back" buttons reads alike.
                let _ = write!(
                    h,
                    " <button type=\"button\" data-back=\"{}\" aria-label=\"Bring back: {}\">Bring back</button>",
                    esc(&pos.id),
                    esc(&pos.summary)
                );
            }
            h.push_str("</li>");
        }
        if !h.is_empty() {
            h = format!("<p>Set aside in this scenario:</p><ul class=\"set-aside\">{h}</ul>");
        }
        let own: Vec<String> = state.scenario.with(|s| {
            s.added
                .iter()
                .filter(|a| a.actor == id)
                .map(|a| {
                    let summary = a.summary(state.library).unwrap_or_else(|| "(ignored: not valid in this library)".into());
                    let id = esc(&a.position_id());
                    let named = esc(&summary);
                    let back = match s.set_aside.contains(&a.position_id()) {
                        true => format!(
                            " (set aside) <button type=\"button\" data-back=\"{id}\" aria-label=\"Bring back: {named}\">Bring back</button>"
                        ),
                        false => String::new(),
                    };
                    format!(
                        "<li>{named}{back} <button type=\"button\" data-remove=\"{id}\" aria-label=\"Remove the reader's position: {named}\">Remove</button></li>"
                    )
                })
                .collect()
        });
        if !own.is_empty() {
            let _ = write!(h, "<p>Added by the reader, with no source:</p><ul class=\"own\">{}</ul>", own.concat());
        }
        h
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let card = format!("li.card[data-actor=\"{id}\"]");
        if let Some(back) = data_of(&ev, "data-back") {
            state.edit(|p| p.scenario.set_aside.retain(|s| *s != back));
            refocus(&[&format!("{card} select[data-position=\"{back}\"]"), &format!("{card} .card-head")]);
        } else if let Some(own) = data_of(&ev, "data-remove") {
            state.edit(|p| p.scenario.remove_added(&own));
            refocus(&[&format!("{card} .add-position summary"), &format!("{card} .card-head")]);
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let field = |name: &str| {
            form.query_selector(&format!("[name={name}]"))
                .ok()
                .flatten()
                .and_then(|el| js_sys::Reflect::get(&el, &"value".into()).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let [kind, clause, min, max, strength, note, link] =
            ["kind", "clause", "min", "max", "strength", "note", "link"].map(field);
        let typed = AddForm {
            kind: &kind,
            clause: &clause,
            min: &min,
            max: &max,
            strength: &strength,
            note: &note,
            link: &link,
        };
        let (said, done) = match ReaderPosition::from_form(state.library, id, &typed) {
            Ok(position) => {
                let summary = position.summary(state.library).unwrap_or_default();
                state.edit(|p| p.scenario.add(position));
                // Emptied, and said: the same press again would add it twice.
                if let Ok(reset) = js_sys::Reflect::get(&form, &"reset".into()) {
                    let _ = reset.unchecked_into::<js_sys::Function>().call0(&form);
                }
                (String::new(), format!("Added as yours: {summary}. Remove takes it back."))
            }
            Err(why) => (why, String::new()),
        };
        for (class, text) in [(".form-error", said), (".form-done", done)] {
            if let Ok(Some(el)) = form.query_selector(class) {
                el.set_text_content(Some(&text));
            }
        }
    };
    let form = add_form(state.library);
    view! {
        <div class="scenario-actor" role="group" aria-label="Scenario" on:click=on_click on:submit=on_submit>
            {toggle(ActorScope::FirmDemands, "Set aside all its firm demands")}
            {toggle(ActorScope::All, "Set aside all its positions")}
            <div inner_html=aside></div>
            <div inner_html=form></div>
        </div>
    }
}

/// The form for a position of the reader's own: what it does, the clause
/// (by topic), a bound where the clause has a value, strength, note, link.
fn add_form(library: &Library) -> String {
    let mut h = String::from(
        "<details class=\"add-position\"><summary>Add a position of your own</summary><form>\
         <label>What it does <select name=\"kind\"><option value=\"rejects\">rejects</option>\
         <option value=\"demands\">demands</option><option value=\"bound\">accepts only a value within a bound for</option></select></label>\
         <label>Clause <select name=\"clause\">",
    );
    for (t, topic) in library.topics.iter().enumerate() {
        let _ = write!(h, "<optgroup label=\"{}\">", esc(&topic.name));
        for clause in library.clauses.iter().filter(|c| c.topic == t) {
            let _ = write!(h, "<option value=\"{}\">{}</option>", esc(&clause.id), esc(&clause.title));
        }
        h.push_str("</optgroup>");
    }
    h.push_str(
        "</select></label><label>Lowest value accepted (a bound only) <input name=\"min\" inputmode=\"numeric\"></label>\
         <label>Highest value accepted (a bound only) <input name=\"max\" inputmode=\"numeric\"></label>\
         <label>Strength <select name=\"strength\">",
    );
    for (_, value) in Choice::ALL.iter().filter(|(c, _)| matches!(c, Choice::At(_))) {
        let _ = write!(h, "<option value=\"{value}\">{}</option>", Choice::parse(value).map_or("", Choice::label));
    }
    h.push_str(
        "</select></label><label>Note <input name=\"note\"></label>\
         <label>Where it was said (optional; an http or https address) <input name=\"link\" type=\"url\"></label>\
         <button type=\"submit\">Add my position</button><p class=\"form-error\" role=\"alert\"></p>\
         <p class=\"form-done\" role=\"status\"></p></form></details>",
    );
    h
}

/// In a position of a card: whether it is the reader's own or re-weighed,
/// and the choice for it in this scenario.
#[component]
pub fn PositionScenario(position: PositionIx) -> impl IntoView {
    let state = expect_context::<State>();
    let lib = state.applied.get_untracked().0;
    let p = &lib.positions[position];
    let sourced = state.library.positions.get(position).map_or(p.strength, |s| s.strength);
    let own = p.scenario == InScenario::AddedByReader;
    let now = match p.scenario {
        InScenario::AsSourced => Choice::AsSourced,
        InScenario::SetAside => Choice::SetAside,
        InScenario::Reweighed(_) | InScenario::AddedByReader => Choice::At(p.strength),
    };
    let mut h = String::new();
    if let InScenario::Reweighed(was) = p.scenario {
        let _ = write!(
            h,
            "<p class=\"scenario-mark\">Re-weighed in this scenario: the sources give a {}.</p>",
            was.label()
        );
    }
    if own {
        h.push_str("<p class=\"scenario-mark\">Added by the reader: no source says it.");
        let link = state
            .scenario
            .with_untracked(|s| s.added.iter().find(|a| a.position_id() == p.id).and_then(|a| a.web_link().map(esc)));
        if let Some(href) = link {
            let _ = write!(
                h,
                " <a href=\"{href}\" rel=\"noopener noreferrer nofollow\">Where it was said (the reader's link)</a>"
            );
        }
        h.push_str("</p>");
    }
    let _ = write!(h, "<label class=\"scenario-choice\">In this scenario: <select data-position=\"{}\">", esc(&p.id));
    for (choice, value) in Choice::ALL.into_iter().filter(|(c, _)| !(own && *c == Choice::AsSourced)) {
        let selected = if choice == now { " selected" } else { "" };
        let _ = write!(h, "<option value=\"{value}\"{selected}>{}</option>", choice.label());
    }
    h.push_str("</select></label>");
    let id = p.id.clone();
    let card = format!("li.card[data-actor=\"{}\"]", lib.actors[p.actor].id);
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(choice) = data_of(&ev, "data-position").and(value_of(&ev)).as_deref().and_then(Choice::parse) {
            state.edit(|plan| plan.scenario.choose(&id, sourced, choice));
            // Set aside, the position leaves the list for the card's "Set
            // aside" one, with its Bring back; re-weighed, it stays.
            refocus(&[
                &format!("{card} select[data-position=\"{id}\"]"),
                &format!("{card} [data-back=\"{id}\"]"),
                &format!("{card} .card-head"),
            ]);
        }
    };
    view! { <div class="scenario-position" inner_html=h on:change=on_change></div> }
}

/// An edit of the scenario rebuilds the card's lists, and the control the
/// reader used goes with them: once the page has the edit, focus goes to the
/// first of `places` there, so a keyboard or screen reader user is not sent
/// back to the top of the page. Only if focus was lost: a reader who moved
/// on meanwhile stays where they are.
fn refocus(places: &[&str]) {
    let places: Vec<String> = places.iter().map(|p| p.to_string()).collect();
    refocus_in_frames(std::rc::Rc::new(places), 3);
}

/// The card's parts (the reasons, the set-aside list) re-render in effects
/// of their own, which need not all have run by the first frame: look again
/// in the next two, in case the control focused was replaced.
fn refocus_in_frames(places: std::rc::Rc<Vec<String>>, frames: u8) {
    request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        // Lost: on the body, or (before the browser's focus fix-up has run)
        // still on a control that left the page.
        let body: Option<web_sys::Element> = doc.body().map(Into::into);
        let lost = doc.active_element().is_none_or(|a| !a.is_connected() || Some(&a) == body.as_ref());
        if lost {
            let found = places.iter().find_map(|p| doc.query_selector(p).ok().flatten());
            if let Some(el) = found.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        }
        if frames > 1 {
            refocus_in_frames(places, frames - 1);
        }
    });
}

/// The value of the select the event came from.
fn value_of(ev: &web_sys::Event) -> Option<String> {
    Some(ev.target()?.dyn_into::<web_sys::HtmlSelectElement>().ok()?.value())
}

/// What would it take, as markup for the agreement panel: each minimal
/// correction set as "If Ukraine set aside its hard red lines (X; Y) and
/// its firm demand (Z), and Russia set aside its firm demand (W), a
/// settlement exists.", the settlement's clauses folded under it, and a
/// button that makes it the scenario. `stale`: what it answered changed since
/// (buttons disabled).
pub(super) fn takes_html(library: &Library, takes: &WhatItTakes, ms: u32, stale: bool) -> String {
    // A heading that says the answer in a few words takes focus when the
    // answer comes: the sets themselves are long.
    let heading = |said: &str| format!("<h3 id=\"takes-heading\" tabindex=\"-1\">What would it take: {said}</h3>");
    let found = match takes {
        WhatItTakes::NothingToSetAside => {
            return heading("nothing") + "<p>A settlement exists without setting anything aside.</p>"
        }
        WhatItTakes::Impossible(_) => {
            return heading("no set of positions would do") + "<p>Setting positions aside cannot help: the locks and the questions to decide alone leave no settlement.</p>"
        }
        WhatItTakes::Corrections(found) => found,
    };
    let mut h = heading(&match found.sets.len() {
        1 => "one set of positions to set aside".to_string(),
        n => format!("{n} sets of positions; setting aside any one of them would do"),
    });
    if stale {
        h.push_str("<p class=\"hint\">The draft, the scenario, the coalition, the locks, the date or the terms changed since: ask again.</p>");
    }
    let _ = write!(
        h,
        "<p>Each is a set of positions whose setting aside makes a settlement possible, none holding a smaller set that would do (exact; computed in {ms} ms). Fewest positions first; of sets of the same size, those with fewer hard red lines come first, then fewer firm demands.</p><ol class=\"corrections\">"
    );
    let off = if stale { " disabled" } else { "" };
    for (i, set) in found.sets.iter().enumerate() {
        let said: Vec<String> = set
            .by_actor(library)
            .into_iter()
            .map(|(a, positions)| {
                // Redline's reading goes in parentheses: quotation marks
                // are for the sources' words. One group per kind: "its hard
                // red lines (A; B) and its firm demand (C)".
                // By whose strength too: a re-weighed position's kind is the
                // reader's, not the sources', and says so.
                let mut groups: Vec<(InScenario, &str, Vec<String>)> = Vec::new();
                for &p in &positions {
                    let own = match library.positions[p].scenario {
                        InScenario::Reweighed(_) => InScenario::Reweighed(library.positions[p].strength),
                        other => other,
                    };
                    let kind = library.kind_of(p);
                    let gist = esc(crate::settle::gist(&library.positions[p].summary));
                    match groups.iter_mut().find(|(o, k, _)| *o == own && *k == kind) {
                        Some((_, _, gists)) => gists.push(gist),
                        None => groups.push((own, kind, vec![gist])),
                    }
                }
                let gists: Vec<String> = groups
                    .iter()
                    .map(|(own, kind, gists)| {
                        let kind = if gists.len() > 1 { format!("{kind}s") } else { kind.to_string() };
                        let list = gists.join("; ");
                        match own {
                            InScenario::AddedByReader => format!("the {kind} you added ({list})"),
                            InScenario::Reweighed(_) => format!("its {kind} as re-weighed in your scenario ({list})"),
                            _ => format!("its {kind} ({list})"),
                        }
                    })
                    .collect();
                format!("{} set aside {}", esc(&library.actors[a].in_text()), gists.join(" and "))
            })
            .collect();
        // A settlement runs to dozens of clauses: a list, folded, so that
        // the sets themselves can be read one after another.
        let clauses = set.settlement_clauses(library);
        let _ = write!(
            h,
            "<li class=\"correction\" data-size=\"{}\" data-hard=\"{}\"><p>If {}, a settlement exists.</p>\
             <details><summary>One such settlement: {}</summary><ul>",
            set.positions.len(),
            set.positions.iter().filter(|&&p| library.positions[p].strength == Strength::Hard).count(),
            said.join(", and "),
            match clauses.len() {
                1 => "1 clause".to_string(),
                n => format!("{n} clauses"),
            },
        );
        for clause in &clauses {
            let _ = write!(h, "<li>{}</li>", esc(clause));
        }
        let _ = write!(
            h,
            "</ul></details><button type=\"button\" data-take=\"{i}\"{off}>Make this the scenario (set {} aside)</button></li>",
            if set.positions.len() == 1 { "it".to_string() } else { format!("these {}", set.positions.len()) }
        );
    }
    h.push_str("</ol><p class=\"hint\">");
    h.push_str(&esc(&found.extent()));
    h.push_str("</p>");
    h
}
