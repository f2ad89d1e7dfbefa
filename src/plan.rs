//! A user's plan: an ordered list of clauses with parameter values, a title
//! and notes, and the JSON document it is saved, exported and imported as.
//!
//! Clauses are kept by id, not index, so a plan made with an older library
//! keeps a clause the library has since retired (it is shown as "no longer in
//! the library" and left out of evaluation) instead of losing it.

use serde::{Deserialize, Serialize};

use crate::library::{ClauseIx, Completeness, Library, PresetIx, Selection};
use crate::scenario::Scenario;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub title: String,
    pub notes: String,
    pub items: Vec<PlanItem>,
    /// The reader's what-ifs about the positions (#23): part of the draft, so
    /// an edit of it is an undo step and it travels wherever the plan does.
    pub scenario: Scenario,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i64>,
}

/// What one edit did, so the caller can tell the user ("replaced X").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Added,
    /// The clause took the place of this alternative of the same question.
    Replaced(String),
    Removed,
    /// A held clause's parameter took a new value.
    ValueChanged,
    Unchanged,
}

impl Edit {
    /// What adding `clause` did, as a notice says it: the answer it replaced
    /// too, which the reader would not see go otherwise.
    pub fn said_of_add(&self, library: &Library, clause: ClauseIx) -> String {
        let title = &library.clauses[clause].title;
        match self {
            Edit::Replaced(old) => {
                let old = library.clause_ix(old).map_or(old.as_str(), |o| library.clauses[o].title.as_str());
                format!("Added “{title}” in place of “{old}”.")
            }
            _ => format!("Added “{title}” to the draft."),
        }
    }
}

/// How a draft's notes begin when it was started from a preset: the caveat
/// travels with the plan (link, export, print) until the user edits it away.
pub const BASED_ON: &str = "Based on: ";

/// "Based on: US 28-point plan, proposed by …, Nov 2025. Partly described in
/// the sources: …": the preset's caveats as one paragraph of notes.
pub fn preset_caveat(library: &Library, preset: PresetIx) -> String {
    let p = &library.presets[preset];
    let mut text = format!("{BASED_ON}{}, proposed by {}, {}.", p.name, p.proposer, p.date.human());
    if p.completeness == Completeness::Partial {
        text.push_str(" Partly described in the sources: verdicts judge only what they describe.");
    }
    if let Some(note) = &p.note {
        text.push(' ');
        text.push_str(note);
    }
    text
}

/// The preset a draft's notes say it is based on ("Based on: <name>, ..."),
/// while that line is there.
pub fn based_on(notes: &str, library: &Library) -> Option<PresetIx> {
    let line = notes.lines().next()?.strip_prefix(BASED_ON)?;
    library.presets.iter().position(|p| line.strip_prefix(p.name.as_str()).is_some_and(|rest| rest.starts_with(',')))
}

impl Plan {
    /// The preset as a draft: its clauses, its name as title, and its
    /// caveats as the first paragraph of the notes.
    pub fn from_preset(library: &Library, preset: PresetIx) -> Plan {
        let p = &library.presets[preset];
        Plan {
            title: p.name.clone(),
            notes: preset_caveat(library, preset),
            items: p
                .items
                .iter()
                .map(|i| PlanItem { id: library.clauses[i.clause].id.clone(), value: i.value })
                .collect(),
            scenario: Scenario::default(),
        }
    }

    /// Nothing in it: no clause, no title, no notes, no scenario. Such a draft may be
    /// reused by "start from a plan"; anything else is work to keep.
    pub fn is_blank(&self) -> bool {
        self.items.is_empty()
            && self.title.trim().is_empty()
            && self.notes.trim().is_empty()
            && self.scenario.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.items.iter().any(|i| i.id == id)
    }

    pub fn value(&self, id: &str) -> Option<i64> {
        self.items.iter().find(|i| i.id == id).and_then(|i| i.value)
    }

    /// Adds a clause; an alternative of the same question already in the plan
    /// is replaced in place, so a plan never holds two answers to one question.
    pub fn add(&mut self, library: &Library, clause: ClauseIx) -> Edit {
        let c = &library.clauses[clause];
        if self.contains(&c.id) {
            return Edit::Unchanged;
        }
        let item = PlanItem { id: c.id.clone(), value: c.param.as_ref().map(|p| p.default) };
        let rival = c.question.and_then(|q| {
            self.items
                .iter()
                .position(|i| library.clause_ix(&i.id).is_some_and(|other| library.clauses[other].question == Some(q)))
        });
        match rival {
            Some(at) => Edit::Replaced(std::mem::replace(&mut self.items[at], item).id),
            None => {
                self.items.push(item);
                Edit::Added
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Edit {
        let before = self.items.len();
        self.items.retain(|i| i.id != id);
        if self.items.len() < before {
            Edit::Removed
        } else {
            Edit::Unchanged
        }
    }

    /// Adds the clause if absent, removes it if present.
    pub fn toggle(&mut self, library: &Library, clause: ClauseIx) -> Edit {
        if self.contains(&library.clauses[clause].id) {
            self.remove(&library.clauses[clause].id)
        } else {
            self.add(library, clause)
        }
    }

    /// Sets a held clause's parameter, clamped into its range.
    pub fn set_value(&mut self, library: &Library, clause: ClauseIx, value: i64) -> Edit {
        let c = &library.clauses[clause];
        let Some(param) = &c.param else { return Edit::Unchanged };
        let Some(item) = self.items.iter_mut().find(|i| i.id == c.id) else { return Edit::Unchanged };
        let value = value.clamp(param.min, param.max);
        if item.value == Some(value) {
            return Edit::Unchanged;
        }
        item.value = Some(value);
        Edit::ValueChanged
    }

    /// The held clauses the library knows, as the bitset evaluation reads.
    pub fn selection(&self, library: &Library) -> Selection {
        let mut s = Selection::empty(library.clauses.len());
        for item in &self.items {
            if let Some(c) = library.clause_ix(&item.id) {
                let value = item.value.or(library.clauses[c].param.as_ref().map(|p| p.default)).unwrap_or(0);
                s.insert(c, value);
            }
        }
        s
    }

    /// Ids the plan holds that the library no longer has.
    pub fn retired_ids<'a>(&'a self, library: &'a Library) -> impl Iterator<Item = &'a str> + 'a {
        self.items.iter().filter(|i| library.clause_ix(&i.id).is_none()).map(|i| i.id.as_str())
    }

    /// A file name for the exported plan: "US 28-point plan.redline.json",
    /// with characters file systems dislike replaced. No leading dot (a
    /// hidden file), and at most 100 characters of title: file systems
    /// stop at 255 bytes.
    pub fn file_name(&self) -> String {
        let base: String = self
            .title
            .chars()
            .map(|c| if c.is_alphanumeric() || " -_.,()".contains(c) { c } else { '-' })
            .take(100)
            .collect();
        let base = base.trim_matches(|c| " -.".contains(c));
        format!("{}.redline.json", if base.is_empty() { "draft" } else { base })
    }

    pub fn to_document(&self) -> PlanDocument {
        PlanDocument {
            format: PLAN_FORMAT.to_string(),
            version: PLAN_VERSION,
            title: self.title.clone(),
            notes: self.notes.clone(),
            clauses: self.items.clone(),
            // An empty scenario is left out: such documents read and write as before.
            scenario: (!self.scenario.is_empty()).then(|| self.scenario.clone()),
        }
    }

    /// The plan file's text, on one line. Not `to_string_pretty`: serde_json
    /// compiles the whole document's writer again for each formatter, and
    /// the stored drafts already need the compact one (the browser indents
    /// an export, `shell::persist::download_plan`).
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.to_document()).expect("a plan document always serializes")
    }

    /// The document with another scenario than the plan's (an empty one is left out).
    pub fn to_json_with(&self, scenario: Option<&Scenario>) -> String {
        Plan { scenario: scenario.cloned().unwrap_or_default(), ..self.clone() }.to_json()
    }

    /// Reads a plan document, checking it against the library. Clauses the
    /// library does not know are kept (and reported as warnings); anything
    /// that cannot be a plan is an error naming what and where. The scenario
    /// comes with the plan, with a warning for each thing in it the library
    /// does not know (kept, as a retired clause is: `Scenario::apply` ignores it).
    pub fn from_json(text: &str, library: &Library) -> Result<(Plan, Vec<String>), PlanError> {
        let (plan, mut warnings) = Plan::read_document(text, library)?;
        if !plan.scenario.is_empty() {
            warnings.extend(plan.scenario.apply(library).1);
        }
        Ok((plan, warnings))
    }

    /// As [`Plan::from_json`], with the scenario apart too (`None` when the
    /// document has none), for callers that apply it and report what it
    /// names that the library lacks themselves.
    pub fn from_json_with_scenario(
        text: &str,
        library: &Library,
    ) -> Result<(Plan, Option<Scenario>, Vec<String>), PlanError> {
        let (plan, warnings) = Plan::read_document(text, library)?;
        let scenario = (!plan.scenario.is_empty()).then(|| plan.scenario.clone());
        Ok((plan, scenario, warnings))
    }

    fn read_document(text: &str, library: &Library) -> Result<(Plan, Vec<String>), PlanError> {
        if let Some(e) = too_large(text.len()) {
            return Err(e);
        }
        if text.trim().is_empty() {
            return Err(PlanError {
                message: "not a Redline plan: the file is empty".into(),
                line: None,
                column: None,
            });
        }
        // serde reads a list as a struct's fields in order, so `[1, 2]`
        // would be refused for its first item, not for being a list.
        if text.trim_start().starts_with('[') {
            return Err(PlanError {
                message: "not a Redline plan: it holds a list, where a plan is one object, {\"format\": \"redline-plan\", ...}".into(),
                line: None,
                column: None,
            });
        }
        let doc: PlanDocument = serde_json::from_str(text).map_err(|e| {
            // serde_json ends its message with the place, which the error
            // carries apart: said once, not twice.
            let said = e.to_string();
            let what = said.strip_suffix(&format!(" at line {} column {}", e.line(), e.column())).unwrap_or(&said);
            let message = match e.classify() {
                serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                    format!("not a Redline plan, as it is not JSON; {what}")
                }
                _ => format!("not a Redline plan: {what}"),
            };
            PlanError { message, line: Some(e.line()), column: Some(e.column()) }
        })?;
        doc.into_plan(library)
    }
}

/// The largest plan file read. A plan with every clause, long notes and a
/// scenario is some 20 KB; a file fifty times that is no plan, and parsing
/// 10 MB held a phone's page for seconds.
pub const MAX_PLAN_BYTES: usize = 1_000_000;

/// Refuses a file of `bytes` before it is read, when it is too large to be a plan.
pub fn too_large(bytes: usize) -> Option<PlanError> {
    (bytes > MAX_PLAN_BYTES).then(|| PlanError {
        message: "not a Redline plan: the file is over 1 MB, and a plan is a few KB".into(),
        line: None,
        column: None,
    })
}

pub const PLAN_FORMAT: &str = "redline-plan";
pub const PLAN_VERSION: u32 = 1;

/// The plan as a file: what `redline-cli eval` reads and the app exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// A wrong shape is said in the reader's words ("expected a plan object"),
// not this type's name.
#[serde(deny_unknown_fields, expecting = "a plan object, {\"format\": \"redline-plan\", ...}")]
pub struct PlanDocument {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub notes: String,
    pub clauses: Vec<PlanItem>,
    /// The reader's scenario (`crate::scenario`): absent when there is none,
    /// so documents without one read and write as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Scenario>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{} (line {l}, column {c})", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for PlanError {}

impl PlanDocument {
    pub fn into_plan(self, library: &Library) -> Result<(Plan, Vec<String>), PlanError> {
        let fail = |message: String| PlanError { message, line: None, column: None };
        if self.format != PLAN_FORMAT {
            return Err(fail(format!("`format` is \"{}\", expected \"{PLAN_FORMAT}\"", self.format)));
        }
        if self.version == 0 {
            return Err(fail("`version` 0 is not a version of this format; it starts at 1".into()));
        }
        if self.version > PLAN_VERSION {
            let reads = match PLAN_VERSION {
                1 => "version 1".to_string(),
                n => format!("versions 1 to {n}"),
            };
            return Err(fail(format!(
                "`version` {} is newer than this Redline reads ({reads}): a newer Redline made it",
                self.version
            )));
        }
        let mut warnings = Vec::new();
        let mut answered = std::collections::HashMap::new();
        for (n, item) in self.clauses.iter().enumerate() {
            let at = format!("clauses[{n}] (`{}`)", item.id);
            if self.clauses[..n].iter().any(|earlier| earlier.id == item.id) {
                return Err(fail(format!("{at}: the clause appears twice")));
            }
            let Some(c) = library.clause_ix(&item.id) else {
                warnings.push(format!("{at}: not in this library; kept, but not evaluated"));
                continue;
            };
            let clause = &library.clauses[c];
            if let Some(q) = clause.question {
                if let Some(other) = answered.insert(q, item.id.clone()) {
                    return Err(fail(format!(
                        "{at}: `{other}` already answers the question \"{}\"; a plan holds one answer",
                        library.questions[q].prompt
                    )));
                }
            }
            match (&clause.param, item.value) {
                (Some(p), Some(v)) if !p.contains(v) => {
                    return Err(fail(format!(
                        "{at}: value {v} is not between {} and {}",
                        crate::library::group_digits(p.min),
                        p.format(p.max)
                    )))
                }
                (None, Some(_)) => return Err(fail(format!("{at}: this clause takes no value"))),
                _ => {}
            }
        }
        let items = self
            .clauses
            .into_iter()
            .map(|mut item| {
                // A parameter left out means the library's default, stated explicitly from here on.
                if item.value.is_none() {
                    item.value =
                        library.clause_ix(&item.id).and_then(|c| library.clauses[c].param.as_ref()).map(|p| p.default);
                }
                item
            })
            .collect();
        let scenario = self.scenario.unwrap_or_default();
        Ok((Plan { title: self.title, notes: self.notes, items, scenario }, warnings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::fixture;

    #[test]
    fn a_preset_draft_carries_its_caveats_until_edited_away() {
        let lib = fixture::library();
        let mut plan = Plan::from_preset(&lib, 0);
        assert!(plan.notes.starts_with("Based on: 28 points, proposed by US, Nov 2025. Partly described"));
        assert_eq!(based_on(&plan.notes, &lib), Some(0));
        assert!(!plan.is_blank());
        plan.notes = plan.notes.replacen("Based on", "Inspired by", 1);
        assert_eq!(based_on(&plan.notes, &lib), None, "edited away");
        plan.notes = "Based on: 28 points of my own".into();
        assert_eq!(based_on(&plan.notes, &lib), None, "a name must end at the comma");
        assert!(Plan::default().is_blank());
        assert!(Plan { notes: "  ".into(), ..Plan::default() }.is_blank());
        assert!(!Plan { title: "Mine".into(), ..Plan::default() }.is_blank());
    }

    #[test]
    fn adding_an_alternative_replaces_the_other_in_place() {
        let lib = fixture::library();
        let mut plan = Plan::default();
        assert_eq!(plan.add(&lib, lib.clause_ix("crimea-de-jure").unwrap()), Edit::Added);
        assert_eq!(plan.add(&lib, lib.clause_ix("nato-ban").unwrap()), Edit::Added);
        assert_eq!(plan.add(&lib, lib.clause_ix("crimea-de-facto").unwrap()), Edit::Replaced("crimea-de-jure".into()));
        assert_eq!(plan.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["crimea-de-facto", "nato-ban"]);
        assert_eq!(plan.add(&lib, lib.clause_ix("nato-ban").unwrap()), Edit::Unchanged);
        assert_eq!(plan.toggle(&lib, lib.clause_ix("nato-ban").unwrap()), Edit::Removed);
        assert_eq!(plan.remove("nato-ban"), Edit::Unchanged);
    }

    #[test]
    fn parameters_start_at_default_and_clamp() {
        let lib = fixture::library();
        let cap = lib.clause_ix("army-cap").unwrap();
        let mut plan = Plan::default();
        plan.add(&lib, cap);
        assert_eq!(plan.value("army-cap"), Some(600));
        assert_eq!(plan.set_value(&lib, cap, 5000), Edit::ValueChanged);
        assert_eq!(plan.value("army-cap"), Some(1000));
        assert_eq!(plan.set_value(&lib, cap, 1000), Edit::Unchanged);
        plan.set_value(&lib, cap, -3);
        assert_eq!(plan.selection(&lib).value(cap), Some(100));
    }

    #[test]
    fn document_round_trip_keeps_everything() {
        let lib = fixture::library();
        let mut plan = Plan::from_preset(&lib, lib.preset_ix("plan-28").unwrap());
        plan.notes = "line one\n<b>not markup</b> \"quoted\"".into();
        let (back, warnings) = Plan::from_json(&plan.to_json(), &lib).unwrap();
        assert_eq!(back, plan);
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_scenario_travels_in_the_document_and_old_documents_read_as_before() {
        let lib = fixture::library();
        let plan = Plan::from_preset(&lib, lib.preset_ix("plan-28").unwrap());
        assert!(!plan.to_json().contains("scenario"), "no scenario, no field");
        assert_eq!(plan.to_json_with(Some(&Scenario::default())), plan.to_json(), "an empty one is left out");
        let scenario: Scenario = serde_json::from_str(r#"{"set_aside": ["ua-cap"]}"#).unwrap();
        let with = Plan { scenario: scenario.clone(), ..plan.clone() };
        let text = with.to_json();
        assert_eq!(plan.to_json_with(Some(&scenario)), text);
        let (back, read, warnings) = Plan::from_json_with_scenario(&text, &lib).unwrap();
        assert_eq!((back, read.as_ref(), warnings.len()), (with.clone(), Some(&scenario), 0));
        // An import takes the scenario with the plan.
        assert_eq!(Plan::from_json(&text, &lib).unwrap(), (with, vec![]));
        let old = r#"{"format":"redline-plan","version":1,"clauses":[{"id":"nato-ban"}]}"#;
        assert_eq!(Plan::from_json_with_scenario(old, &lib).unwrap().1, None);
        assert!(Plan::from_json(old, &lib).unwrap().0.scenario.is_empty());
        // What the library does not know is kept, and said.
        let unknown = r#"{"format":"redline-plan","version":1,"clauses":[],"scenario":{"set_aside":["gone"]}}"#;
        let (kept, warnings) = Plan::from_json(unknown, &lib).unwrap();
        assert_eq!(kept.scenario.set_aside, ["gone"]);
        assert!(!kept.is_blank(), "a scenario is work to keep");
        assert_eq!(warnings, ["scenario.set_aside[0]: no position `gone` in the library; ignored"]);
        // Inside the scenario, a field that is not one is an error like any other.
        let bad = r#"{"format":"redline-plan","version":1,"clauses":[],"scenario":{"set_asides":["x"]}}"#;
        assert!(Plan::from_json(bad, &lib).unwrap_err().to_string().contains("unknown field `set_asides`"));
    }

    #[test]
    fn export_file_names_are_safe() {
        let named = |t: &str| Plan { title: t.into(), ..Plan::default() }.file_name();
        assert_eq!(named("US 28-point plan"), "US 28-point plan.redline.json");
        assert_eq!(named("a/b\\c:d"), "a-b-c-d.redline.json");
        assert_eq!(named("  "), "draft.redline.json");
        assert_eq!(named("Київ"), "Київ.redline.json");
        assert_eq!(named("🇺🇦"), "draft.redline.json");
        assert_eq!(named(".."), "draft.redline.json");
        assert_eq!(named(".hidden plan."), "hidden plan.redline.json");
        assert_eq!(named(&"ж".repeat(300)), format!("{}.redline.json", "ж".repeat(100)));
    }

    #[test]
    fn unknown_clauses_are_kept_and_reported_not_dropped() {
        let lib = fixture::library();
        let text = r#"{"format":"redline-plan","version":1,"title":"t","clauses":[{"id":"retired-clause"},{"id":"nato-ban"}]}"#;
        let (plan, warnings) = Plan::from_json(text, &lib).unwrap();
        assert_eq!(plan.items.len(), 2);
        assert_eq!(plan.retired_ids(&lib).collect::<Vec<_>>(), ["retired-clause"]);
        assert_eq!(warnings, ["clauses[0] (`retired-clause`): not in this library; kept, but not evaluated"]);
        assert_eq!(plan.selection(&lib).len(), 1);
    }

    #[test]
    fn a_file_too_large_for_a_plan_is_refused_before_it_is_parsed() {
        let lib = fixture::library();
        let notes = "x".repeat(MAX_PLAN_BYTES);
        let text = format!(r#"{{"format":"redline-plan","version":1,"notes":"{notes}","clauses":[]}}"#);
        let error = Plan::from_json(&text, &lib).unwrap_err().to_string();
        assert_eq!(error, "not a Redline plan: the file is over 1 MB, and a plan is a few KB");
        assert!(too_large(MAX_PLAN_BYTES).is_none());
        // Every clause of the real library with long notes is far below the limit.
        let real = Library::embedded().unwrap();
        let mut plan = Plan { notes: "n".repeat(20_000), ..Plan::default() };
        for c in 0..real.clauses.len() {
            plan.add(&real, c as ClauseIx);
        }
        assert!(plan.to_json().len() * 20 < MAX_PLAN_BYTES, "{}", plan.to_json().len());
    }

    #[test]
    fn bad_documents_say_what_and_where() {
        let lib = fixture::library();
        let cases = [
            ("{\"format\":\"redline-plan\",\n\"version\":1,\n\"clauses\":[{\"id\":1}]}", "line 3"),
            ("not json", "not a Redline plan, as it is not JSON; expected ident (line 1, column 2)"),
            (r#"{"format":"other","version":1,"clauses":[]}"#, "`format`"),
            (
                r#"{"format":"redline-plan","version":9,"clauses":[]}"#,
                "`version` 9 is newer than this Redline reads (version 1): a newer Redline made it",
            ),
            (r#"{"format":"redline-plan","version":0,"clauses":[]}"#, "`version` 0 is not a version of this format"),
            (
                r#"{"format":"redline-plan","version":1,"clauses":[{"id":"army-cap","value":5}]}"#,
                "clauses[0] (`army-cap`): value 5 is not between 100 and 1,000 thousand",
            ),
            (r#"{"format":"redline-plan","version":1,"clauses":[{"id":"nato-ban","value":5}]}"#, "takes no value"),
            (
                r#"{"format":"redline-plan","version":1,"clauses":[{"id":"nato-ban"},{"id":"nato-ban"}]}"#,
                "clauses[1] (`nato-ban`): the clause appears twice",
            ),
            (
                r#"{"format":"redline-plan","version":1,"clauses":[{"id":"crimea-de-jure"},{"id":"crimea-de-facto"}]}"#,
                "already answers the question \"Status of Crimea\"",
            ),
            (
                r#"{"format":"redline-plan","version":1,"clauses":[],"extra":1}"#,
                "not a Redline plan: unknown field `extra`",
            ),
            (r#"{"hello":1}"#, "not a Redline plan: unknown field `hello`"),
            ("[1,2,3]", "not a Redline plan: it holds a list, where a plan is one object"),
            (" [\"redline-plan\", 1, []]", "it holds a list"),
            ("\"plan\"", "expected a plan object"),
            ("", "not a Redline plan: the file is empty"),
            (" \n", "not a Redline plan: the file is empty"),
        ];
        for (text, expected) in cases {
            let error = Plan::from_json(text, &lib).expect_err(text).to_string();
            assert!(error.contains(expected), "{text}\n gave: {error}\n expected: {expected}");
            assert!(!error.contains(" at line "), "the place said twice: {error}");
        }
    }
}
