//! Turns the raw data into a [`Library`], collecting every problem instead of
//! stopping at the first, so whoever edits the TOML sees the whole list.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::raw::{Citation, RawExpr, RawLibrary, RawPosition};
use super::*;

/// Everything wrong with the library data, one message per problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryErrors(pub Vec<String>);

impl fmt::Display for LibraryErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} problem(s) in the library data:", self.0.len())?;
        for e in &self.0 {
            writeln!(f, "- {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LibraryErrors {}

const SOURCE_KINDS: [&str; 4] = ["news", "opinion", "digest", "policy-paper"];
const ACTOR_KINDS: [&str; 6] = ["state", "organisation", "institution", "party", "coalition", "expert"];

struct Resolver {
    errors: Vec<String>,
}

impl Resolver {
    fn err(&mut self, message: String) {
        self.errors.push(message);
    }

    /// Maps ids to indices, reporting duplicates and ids that are not kebab-case.
    fn index<'a>(&mut self, kind: &str, ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
        self.index_names(kind, ids, true)
    }

    /// Maps names to indices, reporting duplicates; `kebab` also checks their form
    /// (source file names, such as `003_ff4689357309e44a.txt`, are not ids).
    fn index_names<'a>(
        &mut self,
        kind: &str,
        ids: impl Iterator<Item = &'a str>,
        kebab: bool,
    ) -> HashMap<String, usize> {
        let mut map = HashMap::new();
        for (i, id) in ids.enumerate() {
            if kebab && !is_kebab(id) {
                self.err(format!("{kind} id `{id}` is not lower-case kebab-case"));
            }
            if map.insert(id.to_string(), i).is_some() {
                self.err(format!("{kind} id `{id}` is used twice"));
            }
        }
        map
    }

    fn lookup(&mut self, map: &HashMap<String, usize>, kind: &str, id: &str, whose: &str) -> Option<usize> {
        let found = map.get(id).copied();
        if found.is_none() {
            self.err(format!("{whose}: unknown {kind} `{id}`"));
        }
        found
    }

    fn date(&mut self, text: &str, whose: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| {
            self.err(format!("{whose}: {e}"));
            Date { year: 0, month: None, day: None }
        })
    }

    fn cites(&mut self, sources: &HashMap<String, usize>, cites: &[Citation], whose: &str) -> Vec<Cite> {
        if cites.is_empty() {
            self.err(format!("{whose}: has no citation"));
        }
        cites.iter().filter_map(|c| self.cite(sources, c, whose)).collect()
    }

    fn cite(&mut self, sources: &HashMap<String, usize>, c: &Citation, whose: &str) -> Option<Cite> {
        if c.quote.trim().is_empty() {
            self.err(format!("{whose}: empty quote"));
        }
        let source = self.lookup(sources, "source", &c.source, whose)?;
        Some(Cite { source, quote: c.quote.clone() })
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(super) fn resolve(raw: &RawLibrary) -> Result<Library, LibraryErrors> {
    let mut r = Resolver { errors: Vec::new() };

    let source_ix = r.index_names("source", raw.source.iter().map(|s| s.file.as_str()), false);
    let topic_ix = r.index("topic", raw.topic.iter().map(|t| t.id.as_str()));
    let question_ix = r.index("question", raw.question.iter().map(|q| q.id.as_str()));
    let clause_ix = r.index("clause", raw.clause.iter().map(|c| c.id.as_str()));
    let actor_ix = r.index("actor", raw.actor.iter().map(|a| a.id.as_str()));
    // Positions and presets are referred to by index only; their ids need
    // checking (unique, well formed), not a map.
    r.index("position", raw.position.iter().map(|p| p.id.as_str()));
    r.index("preset", raw.preset.iter().map(|p| p.id.as_str()));

    let sources: Vec<Source> = raw
        .source
        .iter()
        .map(|s| {
            let whose = format!("source {}", s.file);
            if !SOURCE_KINDS.contains(&s.kind.as_str()) {
                r.err(format!("{whose}: kind `{}` is not one of {}", s.kind, SOURCE_KINDS.join(", ")));
            }
            Source {
                file: s.file.clone(),
                title: s.title.clone(),
                outlet: s.outlet.clone(),
                kind: s.kind.clone(),
                date: r.date(&s.date, &whose),
                date_note: s.date_note.clone(),
            }
        })
        .collect();

    let mut topics: Vec<Topic> = raw
        .topic
        .iter()
        .map(|t| Topic { id: t.id.clone(), name: t.name.clone(), summary: t.summary.clone(), clauses: Vec::new() })
        .collect();

    let mut questions: Vec<Question> = raw
        .question
        .iter()
        .map(|q| {
            let topic = r.lookup(&topic_ix, "topic", &q.topic, &format!("question {}", q.id)).unwrap_or(0);
            Question { id: q.id.clone(), topic, prompt: q.prompt.clone(), clauses: Vec::new() }
        })
        .collect();

    let mut clauses = Vec::with_capacity(raw.clause.len());
    for (ix, c) in raw.clause.iter().enumerate() {
        let whose = format!("clause {}", c.id);
        let topic = r.lookup(&topic_ix, "topic", &c.topic, &whose).unwrap_or(0);
        let question = c.question.as_deref().and_then(|q| r.lookup(&question_ix, "question", q, &whose));
        if let Some(q) = question {
            if questions[q].topic != topic {
                r.err(format!("{whose}: its question `{}` belongs to another topic", questions[q].id));
            }
            questions[q].clauses.push(ix);
        }
        if let Some(t) = topics.get_mut(topic) {
            t.clauses.push(ix);
        }
        let param = c.param.as_ref().map(|p| {
            if !(p.min <= p.default && p.default <= p.max) || p.step <= 0 {
                r.err(format!("{whose}: parameter needs min <= default <= max and step > 0"));
            }
            let marks = p
                .marks
                .iter()
                .filter_map(|m| {
                    if !(p.min..=p.max).contains(&m.value) {
                        r.err(format!("{whose}: mark {} lies outside {}..={}", m.value, p.min, p.max));
                    }
                    let cite =
                        r.cite(&source_ix, &Citation { source: m.source.clone(), quote: m.quote.clone() }, &whose)?;
                    Some(Mark { value: m.value, label: m.label.clone(), cite })
                })
                .collect();
            Param {
                name: p.name.clone(),
                unit: p.unit.clone(),
                min: p.min,
                max: p.max,
                step: p.step,
                default: p.default,
                marks,
            }
        });
        let cite = r.cites(&source_ix, &c.cite, &whose);
        clauses.push(Clause {
            id: c.id.clone(),
            topic,
            question,
            title: c.title.clone(),
            text: c.text.clone(),
            param,
            rivals: Vec::new(),
            defers: c.defers,
            cite,
        });
    }
    link_rivals(&mut r, raw, &clause_ix, &questions, &mut clauses);

    for q in &questions {
        if q.clauses.len() < 2 {
            r.err(format!("question {}: needs at least two alternatives, has {}", q.id, q.clauses.len()));
        }
    }
    for t in &topics {
        if t.clauses.len() < 2 {
            r.err(format!("topic {}: needs at least two clauses, has {}", t.id, t.clauses.len()));
        }
    }

    let mut actors: Vec<Actor> = raw
        .actor
        .iter()
        .map(|a| {
            let whose = format!("actor {}", a.id);
            if !ACTOR_KINDS.contains(&a.kind.as_str()) {
                r.err(format!("{whose}: kind `{}` is not one of {}", a.kind, ACTOR_KINDS.join(", ")));
            }
            let parent = a.parent.as_deref().and_then(|p| r.lookup(&actor_ix, "actor", p, &whose));
            Actor {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind.clone(),
                definite: a.definite,
                parent,
                note: a.note.clone(),
                positions: Vec::new(),
            }
        })
        .collect();

    let mut positions = Vec::with_capacity(raw.position.len());
    for (ix, p) in raw.position.iter().enumerate() {
        let whose = format!("position {}", p.id);
        let actor = r.lookup(&actor_ix, "actor", &p.actor, &whose).unwrap_or(0);
        if let Some(a) = actors.get_mut(actor) {
            a.positions.push(ix);
        }
        let strength = Strength::parse(&p.strength).unwrap_or_else(|| {
            r.err(format!("{whose}: strength `{}` is not hard, firm, preference or concern", p.strength));
            Strength::Concern
        });
        // The page writes "speaker, role": a role inside the speaker reads twice.
        if let Some(role) = p.role.as_deref().filter(|role| p.speaker.contains(role)) {
            r.err(format!("{whose}: the speaker `{}` already says the role `{role}`", p.speaker));
        }
        let crossed_when = compile_condition(&mut r, &clause_ix, &clauses, p, &whose);
        let mut topics_touched: Vec<TopicIx> = Vec::new();
        for c in crossed_when.clauses() {
            let t = clauses[c].topic;
            if !topics_touched.contains(&t) {
                topics_touched.push(t);
            }
        }
        positions.push(Position {
            id: p.id.clone(),
            actor,
            strength,
            summary: p.summary.clone(),
            speaker: p.speaker.clone(),
            role: p.role.clone(),
            date: r.date(&p.date, &whose),
            reported_by: p.reported_by.clone(),
            stance: p.stance.clone(),
            date_reported: match p.date_kind.as_deref() {
                None | Some("said") => false,
                Some("reported") => true,
                Some(other) => {
                    r.err(format!("{whose}: date_kind `{other}` is not said or reported"));
                    false
                }
            },
            basis: match p.basis.as_deref() {
                None | Some("statement") => Basis::Statement,
                Some("law") => Basis::Law,
                Some(other) => {
                    r.err(format!("{whose}: basis `{other}` is not statement or law"));
                    Basis::Statement
                }
            },
            cite: r.cites(&source_ix, &p.cite, &whose),
            literals: crossed_when.literals(),
            crossed_when,
            topics: topics_touched,
            later_versions: Vec::new(),
            scenario: InScenario::AsSourced,
            rejection: p.rejection,
        });
    }
    link_versions(&mut r, &mut positions);

    for a in &actors {
        if a.positions.is_empty() {
            r.err(format!("actor {}: has no position", a.id));
        }
    }

    let presets = raw
        .preset
        .iter()
        .map(|p| {
            let whose = format!("preset {}", p.id);
            let completeness = match p.completeness.as_str() {
                "as-described" => Completeness::AsDescribed,
                "partial" => Completeness::Partial,
                other => {
                    r.err(format!("{whose}: completeness `{other}` is not as-described or partial"));
                    Completeness::Partial
                }
            };
            let mut seen_questions: HashSet<QuestionIx> = HashSet::new();
            let mut seen_clauses: HashSet<ClauseIx> = HashSet::new();
            let items = p
                .items
                .iter()
                .filter_map(|item| {
                    let clause = r.lookup(&clause_ix, "clause", &item.clause, &whose)?;
                    if !seen_clauses.insert(clause) {
                        r.err(format!("{whose}: holds clause `{}` twice", item.clause));
                    }
                    if let Some(q) = clauses[clause].question {
                        if !seen_questions.insert(q) {
                            r.err(format!("{whose}: holds two alternatives of question `{}`", questions[q].id));
                        }
                    }
                    let value = match (&clauses[clause].param, item.value) {
                        (Some(param), Some(v)) if !param.contains(v) => {
                            r.err(format!(
                                "{whose}: value {v} for `{}` lies outside {}..={}",
                                item.clause, param.min, param.max
                            ));
                            Some(v)
                        }
                        (Some(param), v) => Some(v.unwrap_or(param.default)),
                        (None, Some(_)) => {
                            r.err(format!("{whose}: gives a value for `{}`, which has no parameter", item.clause));
                            None
                        }
                        (None, None) => None,
                    };
                    Some(PresetItem { clause, point: item.point, value })
                })
                .collect();
            let proposed_by = p.proposed_by.iter().filter_map(|a| r.lookup(&actor_ix, "actor", a, &whose)).collect();
            Preset {
                id: p.id.clone(),
                name: p.name.clone(),
                definite: p.definite,
                proposer: p.proposer.clone(),
                proposed_by,
                date: r.date(&p.date, &whose),
                summary: p.summary.clone(),
                completeness,
                note: p.note.clone(),
                items,
                cite: r.cites(&source_ix, &p.cite, &whose),
            }
        })
        .collect();

    if !r.errors.is_empty() {
        return Err(LibraryErrors(r.errors));
    }
    // Sorted here, natively, so the browser's binary carries no sort for it.
    let mut clauses_by_id: Vec<ClauseIx> = (0..clauses.len()).collect();
    clauses_by_id.sort_unstable_by(|&a, &b| clauses[a].id.cmp(&clauses[b].id));
    Ok(Library {
        sources,
        topics,
        questions,
        clauses,
        clauses_by_id,
        actors,
        positions,
        presets,
        readers: Default::default(),
    })
}

/// Compiles the one condition key a position has into a [`Condition`].
fn compile_condition(
    r: &mut Resolver,
    clause_ix: &HashMap<String, usize>,
    clauses: &[Clause],
    p: &RawPosition,
    whose: &str,
) -> Condition {
    let given = [
        p.forbids.is_some(),
        p.requires.is_some(),
        p.forbids_together.is_some(),
        p.only_with.is_some(),
        p.param.is_some(),
        p.when.is_some(),
    ];
    if given.iter().filter(|&&g| g).count() != 1 {
        r.err(format!("{whose}: needs exactly one of forbids, requires, forbids_together, only_with, param, when"));
        return Condition::Any(Vec::new());
    }
    let has = |r: &mut Resolver, id: &str| {
        r.lookup(clause_ix, "clause", id, whose).map(Condition::Has).unwrap_or(Condition::Any(Vec::new()))
    };
    let list = |r: &mut Resolver, ids: &[String]| -> Vec<Condition> {
        if ids.is_empty() {
            r.err(format!("{whose}: empty clause list"));
        }
        ids.iter().map(|id| has(r, id)).collect()
    };
    let not = |c: Condition| Condition::Not(Box::new(c));
    if let Some(ids) = &p.forbids {
        return Condition::Any(list(r, ids));
    }
    if let Some(ids) = &p.requires {
        return not(Condition::Any(list(r, ids)));
    }
    if let Some(ids) = &p.forbids_together {
        if ids.len() < 2 {
            r.err(format!("{whose}: forbids_together needs at least two clauses"));
        }
        return Condition::All(list(r, ids));
    }
    if let Some(ow) = &p.only_with {
        let clause = list(r, std::slice::from_ref(&ow.clause));
        let with = list(r, &ow.with);
        return Condition::All(clause.into_iter().chain([not(Condition::Any(with))]).collect());
    }
    if let Some(bound) = &p.param {
        let Some(c) = value_clause(r, clause_ix, clauses, &bound.clause, whose) else {
            return Condition::Any(Vec::new());
        };
        if bound.min.is_none() && bound.max.is_none() {
            r.err(format!("{whose}: param needs min or max"));
        }
        let parts =
            bound.min.map(|v| Condition::Below(c, v)).into_iter().chain(bound.max.map(|v| Condition::Above(c, v)));
        return Condition::Any(parts.collect());
    }
    let expr = p.when.as_ref().expect("exactly one condition key is set");
    compile_expr(r, clause_ix, clauses, expr, whose)
}

fn compile_expr(
    r: &mut Resolver,
    clause_ix: &HashMap<String, usize>,
    clauses: &[Clause],
    e: &RawExpr,
    whose: &str,
) -> Condition {
    let sub = |r: &mut Resolver, parts: &[RawExpr]| {
        parts.iter().map(|p| compile_expr(r, clause_ix, clauses, p, whose)).collect()
    };
    match e {
        RawExpr::Has(id) => {
            r.lookup(clause_ix, "clause", id, whose).map(Condition::Has).unwrap_or(Condition::Any(Vec::new()))
        }
        RawExpr::Not(inner) => Condition::Not(Box::new(compile_expr(r, clause_ix, clauses, inner, whose))),
        RawExpr::All(parts) => Condition::All(sub(r, parts)),
        RawExpr::Any(parts) => Condition::Any(sub(r, parts)),
        RawExpr::Below(t) => value_clause(r, clause_ix, clauses, &t.clause, whose)
            .map_or(Condition::Any(Vec::new()), |c| Condition::Below(c, t.value)),
        RawExpr::Above(t) => value_clause(r, clause_ix, clauses, &t.clause, whose)
            .map_or(Condition::Any(Vec::new()), |c| Condition::Above(c, t.value)),
    }
}

/// A clause a value test names: it must exist and have a parameter.
fn value_clause(
    r: &mut Resolver,
    clause_ix: &HashMap<String, usize>,
    clauses: &[Clause],
    id: &str,
    whose: &str,
) -> Option<ClauseIx> {
    let c = r.lookup(clause_ix, "clause", id, whose)?;
    if clauses[c].param.is_none() {
        r.err(format!("{whose}: tests the value of `{id}`, which has no parameter"));
        return None;
    }
    Some(c)
}

/// Fills each clause's rivals: the other alternatives of its question, and
/// the clauses declared (on either side) to contradict it.
fn link_rivals(
    r: &mut Resolver,
    raw: &RawLibrary,
    clause_ix: &HashMap<String, usize>,
    questions: &[Question],
    clauses: &mut [Clause],
) {
    for (ix, clause) in clauses.iter_mut().enumerate() {
        if let Some(q) = clause.question {
            clause.rivals.extend(questions[q].clauses.iter().copied().filter(|&other| other != ix));
        }
    }
    for (ix, c) in raw.clause.iter().enumerate() {
        let whose = format!("clause {}", c.id);
        for id in &c.contradicts {
            let Some(other) = r.lookup(clause_ix, "clause", id, &whose) else { continue };
            if other == ix || clauses[ix].question.is_some() && clauses[ix].question == clauses[other].question {
                r.err(format!("{whose}: contradicts `{id}`, which is itself or an alternative of its question"));
                continue;
            }
            for (a, b) in [(ix, other), (other, ix)] {
                if !clauses[a].rivals.contains(&b) {
                    clauses[a].rivals.push(b);
                }
            }
        }
    }
}

/// Links the versions of each actor's stance, and insists they have distinct
/// dates: "the latest version" must mean one position.
fn link_versions(r: &mut Resolver, positions: &mut [Position]) {
    let mut stances: HashMap<(ActorIx, String), Vec<PositionIx>> = HashMap::new();
    for (ix, p) in positions.iter().enumerate() {
        if let Some(s) = &p.stance {
            // Oldest first, ties in data order: a stance has a handful of
            // versions, so insertion orders them with no sort routine in the wasm.
            let versions = stances.entry((p.actor, s.clone())).or_default();
            let at = versions.partition_point(|&older| positions[older].date <= p.date);
            versions.insert(at, ix);
        }
    }
    for ((_, stance), versions) in stances {
        for pair in versions.windows(2) {
            if positions[pair[0]].date.ordinal() == positions[pair[1]].date.ordinal() {
                r.err(format!(
                    "stance {stance}: positions {} and {} have the same date; versions need distinct dates",
                    positions[pair[0]].id, positions[pair[1]].id
                ));
            }
        }
        for (i, &ix) in versions.iter().enumerate() {
            positions[ix].later_versions = versions[i + 1..].to_vec();
        }
    }
}

/// Share links index clause ids through the id table (`clause_ids.txt`), so
/// every clause must be in it, and no line may repeat.
pub(super) fn check_id_table(library: &Library, table: &str) -> Result<(), LibraryErrors> {
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for id in id_table_entries(table) {
        if !seen.insert(id) {
            errors.push(format!("clause_ids.txt: `{id}` appears twice"));
        }
    }
    for c in &library.clauses {
        if !seen.contains(c.id.as_str()) {
            errors.push(format!("clause {}: missing from src/library/clause_ids.txt (append it at the end)", c.id));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(LibraryErrors(errors))
    }
}

/// The id table's entries, comments and blank lines skipped.
pub fn id_table_entries(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::super::raw::*;
    use super::*;

    /// Applies a mistake to the fixture and returns every error it causes.
    fn errors_after(mistake: impl FnOnce(&mut RawLibrary)) -> Vec<String> {
        let mut raw = fixture::raw();
        mistake(&mut raw);
        match Library::from_raw(&raw) {
            Ok(_) => Vec::new(),
            Err(LibraryErrors(e)) => e,
        }
    }

    fn assert_reports(expected: &str, mistake: impl FnOnce(&mut RawLibrary)) {
        let errors = errors_after(mistake);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "expected an error containing {expected:?}, got {errors:#?}"
        );
    }

    #[test]
    fn the_fixture_is_valid() {
        assert!(errors_after(|_| {}).is_empty());
    }

    #[test]
    fn duplicate_and_malformed_ids() {
        assert_reports("clause id `nato-ban` is used twice", |r| r.clause[5].id = "nato-ban".into());
        assert_reports("actor id `Bad_Id` is not lower-case kebab-case", |r| r.actor[0].id = "Bad_Id".into());
        assert_reports("source id `fixture.txt` is used twice", |r| {
            let dup = r.source[0].clone();
            r.source.push(dup)
        });
    }

    #[test]
    fn a_role_is_not_said_twice() {
        assert_reports("position ua-no-crimea: the speaker `Prime Minister of Estonia, named \"Mihail\"` already says the role `Prime Minister of Estonia`", |r| {
            r.position[0].speaker = "Prime Minister of Estonia, named \"Mihail\"".into();
            r.position[0].role = Some("Prime Minister of Estonia".into());
        });
    }

    #[test]
    fn dangling_references() {
        assert_reports("clause crimea-de-jure: unknown topic `nowhere`", |r| r.clause[0].topic = "nowhere".into());
        assert_reports("unknown question `nope`", |r| r.clause[0].question = Some("nope".into()));
        assert_reports("position ua-no-crimea: unknown clause `ghost`", |r| {
            r.position[0].forbids = Some(vec!["ghost".into()])
        });
        assert_reports("position ua-no-crimea: unknown actor `mars`", |r| r.position[0].actor = "mars".into());
        assert_reports("preset plan-28: unknown clause `ghost`", |r| r.preset[0].items[0].clause = "ghost".into());
        assert_reports("unknown source `missing.txt`", |r| r.position[0].cite[0].source = "missing.txt".into());
        assert_reports("unknown actor `nobody`", |r| r.actor[1].parent = Some("nobody".into()));
    }

    #[test]
    fn presets_hold_one_answer_per_question_and_values_in_range() {
        assert_reports("holds two alternatives of question `crimea`", |r| {
            r.preset[0].items.push(RawPresetItem { clause: "crimea-de-jure".into(), point: None, value: None })
        });
        assert_reports("value 5 for `army-cap` lies outside 100..=1000", |r| r.preset[0].items[1].value = Some(5));
        assert_reports("gives a value for `nato-ban`, which has no parameter", |r| {
            r.preset[0].items[2].value = Some(1)
        });
        assert_reports("holds clause `nato-ban` twice", |r| {
            r.preset[0].items.push(RawPresetItem { clause: "nato-ban".into(), point: None, value: None })
        });
    }

    #[test]
    fn parameters_are_consistent() {
        assert_reports("min <= default <= max", |r| r.clause[2].param.as_mut().unwrap().default = 5000);
        assert_reports("mark 7 lies outside", |r| r.clause[2].param.as_mut().unwrap().marks[0].value = 7);
        assert_reports("tests the value of `nato-ban`, which has no parameter", |r| {
            r.position[1].param = Some(RawParamBound { clause: "nato-ban".into(), min: Some(1), max: None })
        });
    }

    #[test]
    fn every_actor_and_topic_is_covered_and_everything_cited() {
        assert_reports("actor eu: has no position", |r| r.position.retain(|p| p.actor != "eu"));
        assert_reports("topic army: needs at least two clauses", |r| r.clause.retain(|c| c.id != "no-army-cap"));
        assert_reports("clause guarantee: has no citation", |r| r.clause[5].cite.clear());
        assert_reports("preset plan-28: has no citation", |r| r.preset[0].cite.clear());
        assert_reports("empty quote", |r| r.position[0].cite[0].quote = " ".into());
    }

    #[test]
    fn conditions_take_exactly_one_form() {
        assert_reports("needs exactly one of", |r| r.position[0].requires = Some(vec!["nato-ban".into()]));
        assert_reports("needs exactly one of", |r| r.position[0].forbids = None);
        assert_reports("empty clause list", |r| r.position[0].forbids = Some(vec![]));
        assert_reports("forbids_together needs at least two", |r| {
            r.position[5].forbids_together = Some(vec!["guarantee".into()])
        });
    }

    #[test]
    fn words_and_dates_are_checked() {
        assert_reports("strength `absolute`", |r| r.position[0].strength = "absolute".into());
        assert_reports("`mid-2025` is not a date", |r| r.position[0].date = "mid-2025".into());
        assert_reports("completeness `mostly`", |r| r.preset[0].completeness = "mostly".into());
        assert_reports("kind `planet`", |r| r.actor[0].kind = "planet".into());
        assert_reports("versions need distinct dates", |r| r.position[3].date = "2024-06".into());
    }

    #[test]
    fn versions_link_oldest_first_whatever_the_data_order() {
        let mut raw = fixture::raw();
        let mut third = raw.position.iter().find(|p| p.id == "ua-nato-2").unwrap().clone();
        (third.id, third.date) = ("ua-nato-0".into(), "2023-01".into());
        // Listed last, dated first: the 2023 version comes before the others.
        raw.position.push(third);
        let lib = Library::from_raw(&raw).unwrap();
        let ix = |id: &str| lib.positions.iter().position(|p| p.id == id).unwrap();
        let later = |id: &str| lib.positions[ix(id)].later_versions.clone();
        assert_eq!(later("ua-nato-0"), [ix("ua-nato-1"), ix("ua-nato-2")]);
        assert_eq!(later("ua-nato-1"), [ix("ua-nato-2")]);
        assert!(later("ua-nato-2").is_empty());
    }

    #[test]
    fn the_id_table_must_list_every_clause_once() {
        let lib = fixture::library();
        let all: String = lib.clauses.iter().map(|c| format!("{}\n", c.id)).collect();
        assert!(check_id_table(&lib, &format!("# comment\n{all}retired-one\n")).is_ok(), "retired ids may stay");
        let missing = check_id_table(&lib, "crimea-de-jure\n").unwrap_err().to_string();
        assert!(missing.contains("clause nato-ban: missing from src/library/clause_ids.txt"));
        let twice = check_id_table(&lib, &format!("{all}nato-ban\n")).unwrap_err().to_string();
        assert!(twice.contains("`nato-ban` appears twice"));
    }
}
