//! Evaluations as self-contained JSON: ids, words and citations instead of
//! indices, for the command line and for anyone reading results outside the app.

use serde::Serialize;

use crate::evaluate::{Comparison, Evaluation, Verdict};
use crate::library::{Basis, Cite, ClauseIx, Library, PositionIx};

#[derive(Debug, Serialize)]
pub struct EvaluationReport {
    pub as_of: Option<String>,
    pub summary: String,
    pub actors: Vec<ActorReport>,
}

#[derive(Debug, Serialize)]
pub struct ActorReport {
    pub actor: String,
    pub name: String,
    /// `party` (counted) or `commentator` (a view the sources report, never counted).
    pub group: &'static str,
    pub verdict: Verdict,
    pub verdict_label: &'static str,
    pub crossed: Vec<PositionReport>,
    /// Demands the plan does not settle: never a breach.
    pub open: Vec<PositionReport>,
    pub meets: Vec<PositionReport>,
}

#[derive(Debug, Serialize)]
pub struct PositionReport {
    pub position: String,
    pub strength: &'static str,
    pub summary: String,
    pub speaker: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub date: String,
    /// `said` (the statement's date) or `reported` (the source gives none; the report's date).
    pub date_kind: &'static str,
    /// `statement`, or `law` (a legal procedure a source reports, not a stated red line).
    pub basis: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
    pub citations: Vec<CitationReport>,
    /// Held clauses that make the plan cross this position, or that meet it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub because_of: Vec<String>,
    /// Clauses the plan lacks, any of which would satisfy the position.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub satisfied_by: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CitationReport {
    pub source: String,
    pub title: String,
    pub outlet: String,
    pub source_date: String,
    pub quote: String,
}

impl EvaluationReport {
    pub fn new(library: &Library, evaluation: &Evaluation) -> EvaluationReport {
        let ids = |clauses: &[ClauseIx]| clauses.iter().map(|&c| library.clauses[c].id.clone()).collect::<Vec<_>>();
        EvaluationReport {
            as_of: evaluation.as_of.map(|d| d.to_string()),
            summary: evaluation.summary(library),
            actors: evaluation
                .actors
                .iter()
                .map(|a| ActorReport {
                    actor: library.actors[a.actor].id.clone(),
                    name: library.actors[a.actor].name.clone(),
                    group: if library.actors[a.actor].is_party() { "party" } else { "commentator" },
                    verdict: a.verdict,
                    verdict_label: a.verdict.label_for(&library.actors[a.actor]),
                    crossed: a
                        .breaches
                        .iter()
                        .map(|b| position_report(library, b.position, ids(&b.triggered_by), ids(&b.satisfied_by)))
                        .collect(),
                    open: a
                        .open
                        .iter()
                        .map(|b| position_report(library, b.position, ids(&b.triggered_by), ids(&b.satisfied_by)))
                        .collect(),
                    meets: a
                        .met
                        .iter()
                        .map(|m| position_report(library, m.position, ids(&m.met_by), Vec::new()))
                        .collect(),
                })
                .collect(),
        }
    }
}

fn position_report(
    library: &Library,
    position: PositionIx,
    because_of: Vec<String>,
    satisfied_by: Vec<String>,
) -> PositionReport {
    let p = &library.positions[position];
    PositionReport {
        position: p.id.clone(),
        strength: p.strength.label(),
        summary: p.summary.clone(),
        speaker: p.speaker.clone(),
        role: p.role.clone(),
        date: p.date.to_string(),
        date_kind: if p.date_reported { "reported" } else { "said" },
        basis: match p.basis {
            Basis::Statement => "statement",
            Basis::Law => "law",
        },
        reported_by: p.reported_by.clone(),
        citations: p.cite.iter().map(|c| citation_report(library, c)).collect(),
        because_of,
        satisfied_by,
    }
}

fn citation_report(library: &Library, cite: &Cite) -> CitationReport {
    let s = library.source(cite);
    CitationReport {
        source: s.file.clone(),
        title: s.title.clone(),
        outlet: s.outlet.clone(),
        source_date: s.date.to_string(),
        quote: cite.quote.clone(),
    }
}

#[derive(Debug, Serialize)]
pub struct ComparisonReport {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<ValueChange>,
    pub verdicts: Vec<VerdictShift>,
}

#[derive(Debug, Serialize)]
pub struct ValueChange {
    pub clause: String,
    pub before: i64,
    pub after: i64,
}

#[derive(Debug, Serialize)]
pub struct VerdictShift {
    pub actor: String,
    pub before: Verdict,
    pub after: Verdict,
}

impl ComparisonReport {
    pub fn new(library: &Library, comparison: &Comparison) -> ComparisonReport {
        let id = |c: &ClauseIx| library.clauses[*c].id.clone();
        ComparisonReport {
            added: comparison.added.iter().map(id).collect(),
            removed: comparison.removed.iter().map(id).collect(),
            changed: comparison
                .changed
                .iter()
                .map(|&(c, before, after)| ValueChange { clause: id(&c), before, after })
                .collect(),
            verdicts: comparison
                .before
                .actors
                .iter()
                .zip(&comparison.after.actors)
                .map(|(b, a)| VerdictShift {
                    actor: library.actors[b.actor].id.clone(),
                    before: b.verdict,
                    after: a.verdict,
                })
                .collect(),
        }
    }
}
