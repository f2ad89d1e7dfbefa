//! The library exactly as the TOML files spell it (see `docs/library-schema.md`).
//!
//! These types only mirror the files; ids are still strings here. `validate`
//! turns them into the resolved `Library` the engine uses. `build.rs`
//! includes this file too, to read the TOML into these types at build time;
//! so it depends on serde alone.

use serde::{Deserialize, Serialize};

/// Everything `build.rs` merged from `src/library/data/**/*.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawLibrary {
    #[serde(default)]
    pub source: Vec<RawSource>,
    #[serde(default)]
    pub topic: Vec<RawTopic>,
    #[serde(default)]
    pub question: Vec<RawQuestion>,
    #[serde(default)]
    pub clause: Vec<RawClause>,
    #[serde(default)]
    pub actor: Vec<RawActor>,
    #[serde(default)]
    pub position: Vec<RawPosition>,
    #[serde(default)]
    pub preset: Vec<RawPreset>,
}

impl RawLibrary {
    /// Adds another file's tables after this one's, keeping file order.
    pub fn append(&mut self, mut other: RawLibrary) {
        self.source.append(&mut other.source);
        self.topic.append(&mut other.topic);
        self.question.append(&mut other.question);
        self.clause.append(&mut other.clause);
        self.actor.append(&mut other.actor);
        self.position.append(&mut other.position);
        self.preset.append(&mut other.preset);
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub source: String,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub file: String,
    pub title: String,
    pub outlet: String,
    pub kind: String,
    pub date: String,
    #[serde(default)]
    pub date_note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    pub id: String,
    pub name: String,
    pub summary: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub topic: String,
    pub prompt: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawClause {
    pub id: String,
    pub topic: String,
    #[serde(default)]
    pub question: Option<String>,
    pub title: String,
    pub text: String,
    #[serde(default)]
    pub param: Option<RawParam>,
    /// Clauses outside this clause's question that cannot hold together with
    /// it; declared once, on either side.
    #[serde(default)]
    pub contradicts: Vec<String>,
    /// The clause puts its matter off ("left to later talks"): it excludes
    /// the answers, but holding it settles none of them otherwise.
    #[serde(default)]
    pub defers: bool,
    #[serde(default)]
    pub cite: Vec<Citation>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawParam {
    pub name: String,
    pub unit: String,
    pub min: i64,
    pub max: i64,
    pub step: i64,
    pub default: i64,
    #[serde(default)]
    pub marks: Vec<RawMark>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawMark {
    pub value: i64,
    pub label: String,
    pub source: String,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawActor {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub definite: bool,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPosition {
    pub id: String,
    pub actor: String,
    pub strength: String,
    pub summary: String,
    pub speaker: String,
    #[serde(default)]
    pub role: Option<String>,
    pub date: String,
    #[serde(default)]
    pub reported_by: Option<String>,
    #[serde(default)]
    pub stance: Option<String>,
    /// `said` (default): `date` is when it was said. `reported`: the source
    /// gives no date for the statement, and `date` is the report's.
    #[serde(default)]
    pub date_kind: Option<String>,
    /// `statement` (default): the actor's own stance. `law`: a legal or
    /// constitutional procedure a source reports, not a stated position.
    #[serde(default)]
    pub basis: Option<String>,
    /// The actor rejected what the condition names, and asked for nothing
    /// else: a plan that avoids it leaves the position untouched, never met.
    #[serde(default)]
    pub rejection: bool,
    #[serde(default)]
    pub cite: Vec<Citation>,
    // Exactly one of the condition keys below is set; `validate` checks that.
    #[serde(default)]
    pub forbids: Option<Vec<String>>,
    #[serde(default)]
    pub requires: Option<Vec<String>>,
    #[serde(default)]
    pub forbids_together: Option<Vec<String>>,
    #[serde(default)]
    pub only_with: Option<RawOnlyWith>,
    #[serde(default)]
    pub param: Option<RawParamBound>,
    #[serde(default)]
    pub when: Option<RawExpr>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawOnlyWith {
    pub clause: String,
    pub with: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawParamBound {
    pub clause: String,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawValueTest {
    pub clause: String,
    pub value: i64,
}

/// The general condition syntax: a table with exactly one key.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum RawExpr {
    Has(String),
    Not(Box<RawExpr>),
    All(Vec<RawExpr>),
    Any(Vec<RawExpr>),
    Below(RawValueTest),
    Above(RawValueTest),
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPreset {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub definite: bool,
    pub proposer: String,
    /// Actor ids of the proposers, for the check that no proposer objects to its own plan.
    #[serde(default)]
    pub proposed_by: Vec<String>,
    pub date: String,
    pub summary: String,
    pub completeness: String,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub items: Vec<RawPresetItem>,
    #[serde(default)]
    pub cite: Vec<Citation>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPresetItem {
    pub clause: String,
    #[serde(default)]
    pub point: Option<u32>,
    #[serde(default)]
    pub value: Option<i64>,
}
