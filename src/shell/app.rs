//! The page frame: header, the three regions of the builder (tabs on a
//! phone), the pictures below them. The footer (about the data, the
//! sources) is static: `about.rs` renders it at build time, outside the app.

use leptos::ev;
use leptos::prelude::*;

use super::draft::DraftPanel;
use super::library_panel::LibraryPanel;
use super::pictures::Pictures;
use super::state::{State, Tab};
use super::verdicts::VerdictsPanel;
use crate::library::Library;

#[component]
pub fn App(library: &'static Library) -> impl IntoView {
    let state = State::new(library);
    provide_context(state);
    let persist = super::persist::Persistence::start(state);
    provide_context(persist);
    provide_context(super::verdicts::Announcement(RwSignal::new(String::new())));
    let analyses = Analyses { grid: RwSignal::new(false), compare: RwSignal::new(false), agree: RwSignal::new(false) };
    provide_context(analyses);
    super::links::watch(state, persist, analyses);
    super::focus_home::watch();
    // A first visit (no stored draft, no shared plan) starts with the welcome;
    // it goes once the draft has clauses, and "How to start" brings it back.
    let welcome_shown =
        RwSignal::new(persist.entries.with_untracked(Vec::is_empty) && persist.viewing.with_untracked(Option::is_none));
    super::effect(move || {
        if state.facts.count.get() > 0 {
            welcome_shown.set(false);
        }
    });

    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo draft edits. Inside a
    // text field the browser's own text undo applies, and the field's input
    // event carries the result into the draft.
    let shortcuts = window_event_listener(ev::keydown, move |e| {
        // "/" jumps to the search, as on most sites with one.
        if e.key() == "/" && !(e.ctrl_key() || e.meta_key() || e.alt_key()) && !in_text_field(&e) {
            if let Some(field) = document().get_element_by_id("clause-search") {
                use wasm_bindgen::JsCast;
                e.prevent_default();
                state.tab.set(Tab::Library);
                // On a phone the tab shows when its attribute follows the
                // signal, after this handler: the field must show now, or the
                // focus fails and the keys typed next go nowhere.
                if let Some(builder) = document().query_selector("main.builder").ok().flatten() {
                    let _ = builder.set_attribute("data-tab", "library");
                }
                let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            return;
        }
        if !(e.ctrl_key() || e.meta_key()) || in_text_field(&e) {
            return;
        }
        let key = e.key().to_lowercase();
        let redo = (key == "z" && e.shift_key()) || key == "y";
        let undo = key == "z" && !e.shift_key();
        if undo || redo {
            e.prevent_default();
            state.editor.update(|ed| {
                if redo {
                    ed.redo();
                } else {
                    ed.undo();
                }
            });
        }
    });
    on_cleanup(move || shortcuts.remove());
    // Printing expands every card; effects run before the browser lays out the print.
    let before_print = window_event_listener(ev::beforeprint, move |_| state.printing.set(true));
    let after_print = window_event_listener(ev::afterprint, move |_| state.printing.set(false));
    on_cleanup(move || {
        before_print.remove();
        after_print.remove();
    });

    let built = Built::start(state);

    let tab_button = move |tab: Tab, label: &'static str| {
        view! {
            <button type="button" aria-current=move || (state.tab.get() == tab).then_some("true")
                on:click=move |_| state.tab.set(tab)>{label}</button>
        }
    };

    view! {
        {skip_link(state, Tab::Draft, "draft-heading", "Skip to the draft", None)}
        {skip_link(state, Tab::Verdicts, "verdicts-heading", "Skip to the verdicts", None)}
        {skip_link(state, Tab::Library, "clause-search", "Skip to the search", Some("/"))}
        <header class="masthead">
            <h1>"Redline"</h1>
            <p class="tagline">"Draft a settlement of the Russia-Ukraine war and see whose stated red lines it crosses."</p>
            <nav class="views" aria-label="Analyses">
                <button type="button" aria-expanded=move || welcome_shown.get().to_string()
                    on:click=move |_| welcome_shown.update(|w| *w = !*w)>"How to start"</button>
                {analysis_link(analyses.grid, "#grid", "Who objects to what")}
                {analysis_link(analyses.compare, "#compare", "Compare with a plan")}
                {analysis_link(analyses.agree, "#agree", "Find agreement")}
                <a href="#about">"About the data"</a>
            </nav>
        </header>
        <super::drafts_bar::PageAlerts />
        <SharedPlanBar />
        <super::scenario::ScenarioBanner />
        {super::welcome::welcome(welcome_shown)}
        <nav class="tabs" aria-label="Sections">
            {tab_button(Tab::Library, "Library")}
            {tab_button(Tab::Draft, "Draft")}
            {tab_button(Tab::Verdicts, "Verdicts")}
        </nav>
        <main class="builder" data-tab=move || match state.tab.get() {
            Tab::Library => "library",
            Tab::Draft => "draft",
            Tab::Verdicts => "verdicts",
        }>
            <LibraryPanel />
            {move || built.draft.get().then(|| view! { <DraftPanel /> })}
            {move || built.verdicts.get().then(|| view! { <VerdictsPanel /> })}
        </main>
        {super::verdicts::announcement_region()}
        {verdict_bar(state)}
        <Pictures />
        <super::agreement::Agreement />
    }
}

/// Whether the draft's and the verdicts' panels are built yet. On a phone
/// they are tabs behind the library, hidden at the start, and building them
/// was about half of the start's longest task at 4x CPU (docs/performance.md):
/// there each is built when first shown, or when the browser is next idle
/// after the start, whichever comes first, and then kept. Wherever they
/// show at once (a wide screen, print, the build-time first screen) they are
/// built at once.
#[derive(Clone, Copy)]
struct Built {
    draft: RwSignal<bool>,
    verdicts: RwSignal<bool>,
}

impl Built {
    fn start(state: State) -> Self {
        let tabs = !super::PRERENDERING && tabs_layout();
        let built = Built { draft: RwSignal::new(!tabs), verdicts: RwSignal::new(!tabs) };
        // Followed from any start: a window narrowed to tabs hides two panels
        // (and shows the verdict bar), which then wait as on a phone.
        if !super::PRERENDERING {
            let resized = window_event_listener(ev::resize, move |_| {
                let tabs = tabs_layout();
                if state.tabs.get_untracked() != tabs {
                    state.tabs.set(tabs);
                }
            });
            on_cleanup(move || resized.remove());
        }
        if !tabs {
            return built;
        }
        state.tabs.set(true);
        super::effect(move || {
            match state.tab.get() {
                Tab::Draft => built.build(built.draft),
                Tab::Verdicts => built.build(built.verdicts),
                Tab::Library => {}
            }
            // Print, or a window widened past the tabs, shows every panel.
            if state.printing.get() || !state.tabs.get() {
                built.build_all();
            }
        });
        // The verdicts first: the phone's verdict bar and a start from the
        // welcome lead there. One panel per idle moment, so a tap between
        // the two waits for one build at most.
        when_idle(move || {
            built.build(built.verdicts);
            when_idle(move || built.build(built.draft));
        });
        built
    }

    fn build(self, panel: RwSignal<bool>) {
        if !panel.get_untracked() {
            panel.set(true);
        }
    }

    fn build_all(self) {
        self.build(self.draft);
        self.build(self.verdicts);
    }
}

/// Whether the builder shows as tabs: the width at which style/main.css
/// turns its three panels into tabs.
fn tabs_layout() -> bool {
    window().match_media("(max-width: 900px)").ok().flatten().is_some_and(|m| m.matches())
}

/// Runs `f` when the browser is next idle, or soon where it cannot say
/// (Safari has no `requestIdleCallback`).
pub(super) fn when_idle(f: impl Fn() + 'static) {
    let f = std::rc::Rc::new(f);
    let again = f.clone();
    if request_idle_callback_with_handle(move || f()).is_err() {
        set_timeout(move || again(), std::time::Duration::from_millis(200));
    }
}

/// A skip link. Its target may be in a phone's hidden tab (where the
/// browser's own jump finds nothing, and the panel may not be built yet), so
/// it shows that tab and moves focus there itself. The address still gets
/// the anchor, as any page anchor does.
fn skip_link(
    state: State,
    tab: Tab,
    target: &'static str,
    label: &'static str,
    keys: Option<&'static str>,
) -> impl IntoView {
    view! {
        <a class="skip" href=format!("#{target}") aria-keyshortcuts=keys
            on:click=move |_| show_and_focus(state, tab, target)>{label}</a>
    }
}

/// Shows `tab` (on a phone) and, once it shows, focuses the element `id` in
/// it (the panels' headings are focusable by script: `tabindex="-1"`).
pub(crate) fn show_and_focus(state: State, tab: Tab, id: &'static str) {
    state.tab.set(tab);
    request_animation_frame(move || {
        if let Some(target) = document().get_element_by_id(id) {
            use wasm_bindgen::JsCast;
            let _ = target.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

/// Whether each analysis below the builder is open. The masthead's links
/// open them (and their fragments, `#grid`, `#compare`, `#agree`, can be
/// linked and go back and forth with the browser's history).
#[derive(Clone, Copy)]
pub struct Analyses {
    pub grid: RwSignal<bool>,
    pub compare: RwSignal<bool>,
    pub agree: RwSignal<bool>,
}

impl Analyses {
    /// Opens the analysis a page fragment names, if it names one.
    pub fn open_fragment(self, hash: &str) {
        let shown = match hash {
            "#grid" => self.grid,
            "#compare" => self.compare,
            "#agree" => self.agree,
            _ => return,
        };
        shown.set(true);
    }
}

/// A masthead link to an analysis: the browser scrolls to it and records the
/// fragment; the click opens it even when the fragment is already there.
fn analysis_link(shown: RwSignal<bool>, href: &'static str, label: &'static str) -> impl IntoView {
    view! { <a href=href on:click=move |_| shown.set(true)>{label}</a> }
}

/// On a phone, the verdict stays in sight in every tab: how many parties
/// stand at each of the three worst verdicts, the headline, and a tap opens
/// the verdicts. Hidden on wide screens, where the verdicts are in view.
fn verdict_bar(state: State) -> impl IntoView {
    let library = state.library;
    // Only a phone shows the bar: a wide screen keeps the counts it last had
    // and reads no standings, so a click there writes nothing hidden.
    let counts = Memo::new(move |last: Option<&[usize; 4]>| {
        let shown = state.tabs.get();
        match last {
            Some(last) if !shown => *last,
            _ => state.standings.with(|s| s.party_counts(library)),
        }
    });
    view! {
        <button type="button" class="verdict-bar" on:click=move |_| {
            state.tab.set(Tab::Verdicts);
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }>
            <span class="counts" aria-hidden="true">{move || {
                let [crossed, conflicts, strains, _] = counts.get();
                format!("✖ {crossed} ▲ {conflicts} ◆ {strains}")
            }}</span>
            // Short, to stay one or two lines: the names are in the verdicts.
            <span class="headline">{move || match counts.get() {
                [0, ..] => "No hard red line crossed".to_string(),
                c => format!("Hard red lines of {} of {} parties crossed", c[0], c.iter().sum::<usize>()),
            }}</span>
            <span class="go">"Verdicts"</span>
        </button>
    }
}

/// Viewing mode: a shared plan is on screen, not stored. One primary action
/// keeps it; the other goes back to the reader's own drafts.
#[component]
fn SharedPlanBar() -> impl IntoView {
    let persist = expect_context::<super::persist::Persistence>();
    let state = expect_context::<State>();
    move || {
        persist.viewing.get().map(|title| {
            let warnings = persist.shared.with_value(|v| v.as_ref().map(|v| v.warnings.join(". "))).unwrap_or_default();
            let warnings = (!warnings.is_empty()).then(|| view! { <p class="hint">{warnings} "."</p> });
            let as_of = persist.shared.with_value(|v| v.as_ref().and_then(|v| v.as_of)).map(|date| view! {
                <p class="as-of-shared">
                    {format!("Shared as of {}: the verdicts count only the positions stated by then. The timeline under Verdicts moves to later ones.", date.first_day_human())}
                </p>
            });
            view! {
                <section class="viewing-bar" role="region" aria-labelledby="viewing-heading">
                    <h2 id="viewing-heading">"Viewing a shared plan: " <span class="shared-title">{title}</span></h2>
                    <p>"Your drafts are untouched. Nothing is stored unless you save a copy; a change saves one."</p>
                    {as_of}
                    {warnings}
                    <button type="button" class="primary" on:click=move |_| { persist.save_shared_copy(); focus_draft(state) }>"Save a copy"</button>
                    <button type="button" on:click=move |_| { persist.leave_shared(true); focus_draft(state) }>"Back to your drafts"</button>
                </section>
            }
        })
    }
}

/// The bar and its buttons go once viewing ends: focus goes to the draft
/// now open, where the notice about it is, not to the page's top.
fn focus_draft(state: State) {
    state.tab.set(Tab::Draft);
    request_animation_frame(|| super::draft_rows::focus_soon(document().get_element_by_id("draft-heading")));
}

fn in_text_field(e: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
