//! A reader's scenario (#23): "what would have to move for a deal to
//! exist?" asked of the positions themselves. A scenario sets positions
//! aside, re-weighs them, sets aside an actor's firm demands or all its
//! positions at once, and adds positions of the reader's own.
//!
//! It is a value kept by ids (never indices), so a scenario saved with a
//! draft survives library changes: an id the library no longer has becomes a
//! warning, never an error, as an unknown clause does in a plan.
//!
//! [`Scenario::apply`] makes a copy of the library with the scenario in it,
//! and everything else (verdicts, grid, comparison, settlements) reads that
//! copy unchanged: one place decides what a scenario means. Every position
//! keeps its index; a set-aside position stays, marked and in force on no
//! date; a reader's positions come after the sourced ones, marked
//! [`InScenario::AddedByReader`], with no citation.
//!
//! [`what_would_it_take`] answers the question for a coalition that has no
//! settlement: the smallest sets of positions whose setting aside makes one
//! possible.

#[cfg(test)]
mod brute_force;
mod corrections;
mod edit;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::library::{ClauseIx, Condition, InScenario, Library, Position, PositionIx, Strength, TopicIx};

pub use corrections::{what_would_it_take, Correction, Corrections, Limits, WhatItTakes};
pub use edit::{AddForm, Choice, Description};

/// How a reader's position is named in the library a scenario is applied
/// to: `reader:<id>`. Library ids are kebab-case, so none has a colon and
/// the two never meet.
pub const READER_PREFIX: &str = "reader:";

/// What a reader supposes about the positions, as saved with a draft and in
/// PLAN.json (`scenario`). Empty lists are left out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Positions set aside, by id (a reader's own as `reader:<id>`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<String>,
    /// Positions held at another strength.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strengths: Vec<Reweigh>,
    /// Actors whose firm demands, or all of whose positions, are set aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<ActorSetAside>,
    /// The reader's own positions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<ReaderPosition>,
}

/// One position held at another strength.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reweigh {
    pub position: String,
    pub strength: Strength,
}

/// One actor's positions set aside wholesale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorSetAside {
    pub actor: String,
    pub set_aside: ActorScope,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorScope {
    /// Its positions of strength `firm` (in the scenario, after re-weighing):
    /// "what if it insisted only on its red lines?"
    FirmDemands,
    /// Every sourced position of the actor.
    All,
}

/// A position the reader adds for an actor: marked everywhere as the
/// reader's, never quoted as a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReaderPosition {
    /// Chosen by whoever adds it, unique within the scenario; the position's
    /// id is then `reader:<id>`.
    pub id: String,
    pub actor: String,
    pub strength: Strength,
    pub condition: ReaderCondition,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Where it was said, if the reader has it: an http(s) address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl ReaderPosition {
    /// Its id in a library the scenario is applied to.
    pub fn position_id(&self) -> String {
        format!("{READER_PREFIX}{}", self.id)
    }

    /// What it says, in the library's words ("Rejects “A” or “B”", then the
    /// reader's note), as the position it becomes is summarised; `None` when
    /// it names nothing the library has. For a position set aside, which is
    /// not in the applied library.
    pub fn summary(&self, library: &Library) -> Option<String> {
        let (_, summary) = reader_condition(library, &self.condition, "", &mut Vec::new())?;
        Some(with_note(summary, &self.note))
    }

    /// The link, when it is one a page may open (see [`is_web_address`]).
    pub fn web_link(&self) -> Option<&str> {
        self.link.as_deref().filter(|l| is_web_address(l))
    }
}

/// What a reader's position rejects or demands, in clauses of the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ReaderCondition {
    /// Crossed when the plan holds any of these clauses (the schema's `forbids`).
    Rejects(Vec<String>),
    /// Crossed when the plan settles the matter without any of these
    /// clauses; open while it is silent (the schema's `requires`).
    Demands(Vec<String>),
    /// Crossed when the plan holds the clause with a value outside the bound
    /// (the schema's `param`).
    Bound {
        clause: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<i64>,
    },
}

impl Scenario {
    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.set_aside.is_empty() && self.strengths.is_empty() && self.actors.is_empty() && self.added.is_empty()
    }

    /// The library as the scenario supposes it, and what in the scenario the
    /// library does not know (each ignored, with where it is).
    ///
    /// In order: the reader's positions are added (after every sourced one,
    /// so sourced indices stay valid; one also named in `set_aside` is left
    /// out, as it has no source to show), strengths are changed, then
    /// actor-wide and single set-asides mark positions
    /// [`InScenario::SetAside`]. Actor-wide set-asides reach the sourced
    /// positions only: a reader who sets aside everything Russia said and
    /// adds one demand of their own asks what Russia's one demand would do.
    pub fn apply(&self, library: &Library) -> (Library, Vec<String>) {
        let mut lib = library.clone();
        let mut warnings = Vec::new();
        let base = library.positions.len();
        let mut ids: Vec<&str> = Vec::new();
        for (n, added) in self.added.iter().enumerate() {
            let at = format!("scenario.added[{n}] (`{}`)", added.id);
            if added.id.is_empty() || ids.contains(&added.id.as_str()) {
                warnings.push(format!("{at}: needs an id of its own in the scenario; ignored"));
                continue;
            }
            ids.push(&added.id);
            if self.set_aside.contains(&added.position_id()) {
                continue;
            }
            if let Some(position) = reader_position(library, added, &at, &mut warnings) {
                lib.actors[position.actor].positions.push(lib.positions.len());
                lib.positions.push(position);
            }
        }
        for (n, change) in self.strengths.iter().enumerate() {
            let Some(p) = position_ix(&lib, &change.position) else {
                warnings.push(unknown_position(&format!("scenario.strengths[{n}]"), &change.position, &ids));
                continue;
            };
            let pos = &mut lib.positions[p];
            pos.scenario = match pos.scenario {
                InScenario::AsSourced | InScenario::Reweighed(_) => {
                    let sourced = library.positions[p].strength;
                    if change.strength == sourced {
                        InScenario::AsSourced
                    } else {
                        InScenario::Reweighed(sourced)
                    }
                }
                other => other,
            };
            pos.strength = change.strength;
        }
        for (n, rule) in self.actors.iter().enumerate() {
            let Some(a) = lib.actor_ix(&rule.actor) else {
                warnings.push(format!("scenario.actors[{n}]: no actor `{}` in the library; ignored", rule.actor));
                continue;
            };
            for p in lib.actors[a].positions.clone().into_iter().filter(|&p| p < base) {
                if rule.set_aside == ActorScope::All || lib.positions[p].strength == Strength::Firm {
                    lib.positions[p].scenario = InScenario::SetAside;
                }
            }
        }
        for (n, id) in self.set_aside.iter().enumerate() {
            match position_ix(&lib, id) {
                Some(p) => lib.positions[p].scenario = InScenario::SetAside,
                // A reader's position set aside was never added.
                None if self.added.iter().any(|a| a.position_id() == *id) => {}
                None => warnings.push(unknown_position(&format!("scenario.set_aside[{n}]"), id, &ids)),
            }
        }
        (lib, warnings)
    }

    /// Adds the positions (of the library the scenario was applied to) to
    /// `set_aside`: applying a correction set makes it part of the scenario.
    pub fn set_aside_positions(&mut self, applied: &Library, positions: &[PositionIx]) {
        for &p in positions {
            let id = &applied.positions[p].id;
            if !self.set_aside.contains(id) {
                self.set_aside.push(id.clone());
            }
        }
    }
}

/// A position's index by id (linear: a scenario is applied on a reader's
/// edit, never per click).
pub fn position_ix(library: &Library, id: &str) -> Option<PositionIx> {
    library.positions.iter().position(|p| p.id == id)
}

fn unknown_position(at: &str, id: &str, reader_ids: &[&str]) -> String {
    let hint = match id.strip_prefix(READER_PREFIX) {
        Some(rest) if !reader_ids.contains(&rest) => " (no position of the reader has that id)",
        _ => "",
    };
    format!("{at}: no position `{id}` in the library{hint}; ignored")
}

/// The reader's position as a library position, or `None` (with a
/// warning) when it names nothing the library has.
fn reader_position(
    library: &Library,
    added: &ReaderPosition,
    at: &str,
    warnings: &mut Vec<String>,
) -> Option<Position> {
    let Some(actor) = library.actor_ix(&added.actor) else {
        warnings.push(format!("{at}: no actor `{}` in the library; ignored", added.actor));
        return None;
    };
    let (crossed_when, summary) = reader_condition(library, &added.condition, at, warnings)?;
    let summary = with_note(summary, &added.note);
    if added.link.as_deref().is_some_and(|l| !is_web_address(l)) {
        warnings.push(format!("{at}: the link is not an http(s) address; left out"));
    }
    let mut topics: Vec<TopicIx> = Vec::new();
    for c in crossed_when.clauses() {
        if !topics.contains(&library.clauses[c].topic) {
            topics.push(library.clauses[c].topic);
        }
    }
    Some(Position {
        id: added.position_id(),
        actor,
        strength: added.strength,
        summary,
        speaker: READER_SPEAKER.to_string(),
        role: None,
        // The earliest date there is: in force at every as-of date, since a
        // supposition is not dated.
        date: Date { year: 0, month: None, day: None },
        reported_by: None,
        stance: None,
        date_reported: false,
        basis: crate::library::Basis::Statement,
        cite: Vec::new(),
        literals: crossed_when.literals(),
        crossed_when,
        topics,
        later_versions: Vec::new(),
        scenario: InScenario::AddedByReader,
        rejection: false,
    })
}

/// "Rejects “A”. Reader's note: …": the note after the gist, which is all
/// a conflict's sentence quotes (`settle::gist`).
fn with_note(summary: String, note: &str) -> String {
    if note.trim().is_empty() {
        summary
    } else {
        format!("{summary}. Reader's note: {}", note.trim())
    }
}

/// Who "said" a reader's position, wherever a speaker is shown.
pub const READER_SPEAKER: &str = "added by the reader";

/// Only addresses a browser opens as a page: never `javascript:` or `data:`.
pub fn is_web_address(link: &str) -> bool {
    let lower = link.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !link.chars().any(char::is_whitespace)
}

/// The condition compiled as the library compiles `forbids`, `requires` and
/// `param`, and a summary in the library's words ("Rejects “A” or “B”").
fn reader_condition(
    library: &Library,
    condition: &ReaderCondition,
    at: &str,
    warnings: &mut Vec<String>,
) -> Option<(Condition, String)> {
    let title = |c: ClauseIx| format!("“{}”", library.clauses[c].title);
    let known = |ids: &[String], warnings: &mut Vec<String>| -> Vec<ClauseIx> {
        let mut out = Vec::new();
        for id in ids {
            match library.clause_ix(id) {
                Some(c) if !out.contains(&c) => out.push(c),
                Some(_) => {}
                None => warnings.push(format!("{at}: no clause `{id}` in the library; left out")),
            }
        }
        out
    };
    let listed = |clauses: &[ClauseIx], or: &str| {
        let titles: Vec<String> = clauses.iter().map(|&c| title(c)).collect();
        match titles.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
            None => String::new(),
        }
    };
    let has_all = |clauses: &[ClauseIx]| Condition::Any(clauses.iter().map(|&c| Condition::Has(c)).collect());
    match condition {
        ReaderCondition::Rejects(ids) => {
            let clauses = known(ids, warnings);
            if clauses.is_empty() {
                warnings.push(format!("{at}: rejects no clause the library has; ignored"));
                return None;
            }
            Some((has_all(&clauses), format!("Rejects {}", listed(&clauses, "or"))))
        }
        ReaderCondition::Demands(ids) => {
            let clauses = known(ids, warnings);
            if clauses.is_empty() {
                warnings.push(format!("{at}: demands no clause the library has; ignored"));
                return None;
            }
            let what = if clauses.len() == 1 { "Demands" } else { "Demands one of" };
            Some((Condition::Not(Box::new(has_all(&clauses))), format!("{what} {}", listed(&clauses, "or"))))
        }
        ReaderCondition::Bound { clause, min, max } => {
            let Some(c) = library.clause_ix(clause) else {
                warnings.push(format!("{at}: no clause `{clause}` in the library; ignored"));
                return None;
            };
            let Some(param) = &library.clauses[c].param else {
                warnings.push(format!("{at}: `{clause}` has no parameter to bound; ignored"));
                return None;
            };
            let bound = match (*min, *max) {
                (None, None) => {
                    warnings.push(format!("{at}: a bound needs min or max; ignored"));
                    return None;
                }
                (Some(lo), Some(hi)) if lo > hi => {
                    warnings.push(format!("{at}: min {lo} is above max {hi}; ignored"));
                    return None;
                }
                (Some(lo), Some(hi)) => format!("outside {} to {}", param.format(lo), param.format(hi)),
                (Some(lo), None) => format!("below {}", param.format(lo)),
                (None, Some(hi)) => format!("above {}", param.format(hi)),
            };
            let parts = min.map(|v| Condition::Below(c, v)).into_iter().chain(max.map(|v| Condition::Above(c, v)));
            Some((Condition::Any(parts.collect()), format!("Rejects {} {bound}", title(c))))
        }
    }
}
