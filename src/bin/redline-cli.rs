//! redline-cli: the evaluation engine on the command line, for analysts and tests.
//!
//!   redline-cli eval PLAN_OR_PRESET [--as-of DATE]
//!                                               each actor's crossed, open and met positions and
//!                                               its group (party or commentator), as JSON
//!   redline-cli presets                         the preset plans
//!   redline-cli matrix [--as-of DATE] [--json]  actor × preset verdicts (parties, then commentators
//!                                               and analysts apart), with each breach's quote
//!   redline-cli compare A B [--as-of DATE]      two plans (preset ids or plan files), as JSON
//!   redline-cli link PLAN_OR_PRESET             the share-link fragment for a plan
//!   redline-cli agree ACTOR... [--strict S] [--settle Q,...|default|draft|all|none]
//!                 [--from PLAN_OR_PRESET] [--lock CLAUSE,...] [--lock-value CLAUSE,...] [--as-of DATE]
//!                                               the nearest settlement these parties can all accept
//!                                               (its clauses and the edits from the start), or the
//!                                               minimal conflict that rules one out, as JSON
//!   redline-cli coalitions [--strict S] [--settle ...] [--from ...] [--lock ...] [--as-of DATE]
//!                                               the largest coalitions of parties, as JSON
//!
//! Exit status: 0 on success, 2 on bad arguments or a bad plan file.

use std::process::ExitCode;

use redline::date::Date;
use redline::evaluate::{compare, evaluate, Evaluation, Verdict};
use redline::library::Library;
use redline::plan::Plan;
use redline::report::{ComparisonReport, EvaluationReport};

const USAGE: &str = "usage:
  redline-cli eval PLAN_OR_PRESET [--as-of YYYY-MM-DD]
  redline-cli presets
  redline-cli matrix [--as-of YYYY-MM-DD] [--json]
  redline-cli compare PLAN_OR_PRESET PLAN_OR_PRESET [--as-of YYYY-MM-DD]
  redline-cli link PLAN_OR_PRESET
  redline-cli agree ACTOR... [--strict hard|firm|preference] [--settle QUESTION,...|default|draft|all|none]
                    [--from PLAN_OR_PRESET] [--lock CLAUSE,...] [--lock-value CLAUSE,...] [--as-of YYYY-MM-DD]
  redline-cli coalitions [--strict hard|firm|preference] [--settle ...] [--from ...] [--lock ...] [--as-of ...]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(output) => {
            use std::io::Write;
            // A reader that stops early (`| head`) is not an error worth a panic.
            let _ = writeln!(std::io::stdout().lock(), "{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("redline-cli: {message}");
            ExitCode::from(2)
        }
    }
}

#[derive(Default)]
struct Options {
    positional: Vec<String>,
    as_of: Option<Date>,
    json: bool,
    strict: Option<String>,
    settle: Option<String>,
    from: Option<String>,
    lock: Option<String>,
    lock_value: Option<String>,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |what: &str| rest.next().cloned().ok_or(format!("{arg} needs {what}"));
        match arg.as_str() {
            "--as-of" => {
                let value = value("a date")?;
                options.as_of = Some(Date::parse(&value).map_err(|e| format!("--as-of: {e}"))?);
            }
            "--json" => options.json = true,
            "--strict" => options.strict = Some(value("hard, firm or preference")?),
            "--settle" => options.settle = Some(value("question ids (comma-separated), default, draft, all or none")?),
            "--from" => options.from = Some(value("a preset id or a plan file")?),
            "--lock" => options.lock = Some(value("clause ids (comma-separated)")?),
            "--lock-value" => options.lock_value = Some(value("clause ids (comma-separated)")?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            _ => options.positional.push(arg.clone()),
        }
    }
    Ok(options)
}

fn run(args: &[String]) -> Result<String, String> {
    let library = Library::embedded().map_err(|e| e.to_string())?;
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    let options = parse_options(rest)?;
    match (command.as_str(), options.positional.as_slice()) {
        ("eval", [file]) => {
            let plan = load_plan_or_preset(&library, file)?;
            let evaluation = evaluate(&library, &plan.selection(&library), options.as_of);
            Ok(json(&EvaluationReport::new(&library, &evaluation)))
        }
        ("presets", []) => Ok(presets_table(&library)),
        ("matrix", []) => {
            let evaluations: Vec<Evaluation> = (0..library.presets.len())
                .map(|p| evaluate(&library, &Plan::from_preset(&library, p).selection(&library), options.as_of))
                .collect();
            if options.json {
                let reports: serde_json::Map<String, serde_json::Value> = library
                    .presets
                    .iter()
                    .zip(&evaluations)
                    .map(|(p, e)| {
                        (
                            p.id.clone(),
                            serde_json::to_value(EvaluationReport::new(&library, e)).expect("reports serialize"),
                        )
                    })
                    .collect();
                Ok(json(&serde_json::Value::Object(reports)))
            } else {
                Ok(matrix_text(&library, &evaluations))
            }
        }
        ("compare", [a, b]) => {
            let before = load_plan_or_preset(&library, a)?.selection(&library);
            let after = load_plan_or_preset(&library, b)?.selection(&library);
            Ok(json(&ComparisonReport::new(&library, &compare(&library, &before, &after, options.as_of))))
        }
        ("link", [plan]) => {
            redline::share::fragment(&load_plan_or_preset(&library, plan)?, &redline::share::id_table())
        }
        ("agree", actors) if !actors.is_empty() => agree::agree(&library, actors, &options),
        ("coalitions", []) => agree::coalitions(&library, &options),
        _ => Err(USAGE.to_string()),
    }
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("reports serialize")
}

fn load_plan(library: &Library, file: &str) -> Result<Plan, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let (plan, warnings) = Plan::from_json(&text, library).map_err(|e| format!("{file}: {e}"))?;
    for w in warnings {
        eprintln!("redline-cli: {file}: {w}");
    }
    Ok(plan)
}

pub(crate) fn load_plan_or_preset(library: &Library, name: &str) -> Result<Plan, String> {
    match library.preset_ix(name) {
        Some(p) => Ok(Plan::from_preset(library, p)),
        None if std::path::Path::new(name).exists() => load_plan(library, name),
        None => Err(format!("`{name}` is neither a preset id nor a plan file (see `redline-cli presets`)")),
    }
}

fn presets_table(library: &Library) -> String {
    let mut out = String::new();
    for p in &library.presets {
        let partial = match p.completeness {
            redline::library::Completeness::Partial => " (partial)",
            redline::library::Completeness::AsDescribed => "",
        };
        out.push_str(&format!(
            "{:<28} {:<10} {:>3} clauses  {}{partial}\n",
            p.id,
            p.date.to_string(),
            p.items.len(),
            p.name
        ));
    }
    out.pop();
    out
}

fn matrix_text(library: &Library, evaluations: &[Evaluation]) -> String {
    let mut out = String::new();
    let width = library.actors.iter().map(|a| a.id.len()).max().unwrap_or(5).max(5);
    out.push_str(&format!("{:width$}", "actor"));
    for i in 0..library.presets.len() {
        out.push_str(&format!(" {:>3}", format!("P{}", i + 1)));
    }
    out.push('\n');
    for (heading, parties) in [("parties", true), ("commentators and analysts (views, not counted)", false)] {
        out.push_str(&format!("-- {heading}\n"));
        for (a, actor) in library.actors.iter().enumerate().filter(|(_, a)| a.is_party() == parties) {
            out.push_str(&format!("{:width$}", actor.id));
            for e in evaluations {
                out.push_str(&format!(" {:>3}", e.actors[a].verdict.symbol()));
            }
            out.push('\n');
        }
    }
    out.push_str("\nkey: ");
    out.push_str(&Verdict::ALL.iter().map(|v| format!("{} {}", v.symbol(), v.label())).collect::<Vec<_>>().join(", "));
    out.push('\n');
    for (i, (preset, e)) in library.presets.iter().zip(evaluations).enumerate() {
        out.push_str(&format!("\nP{} {} ({}): {}\n", i + 1, preset.name, preset.id, e.summary(library)));
        if preset.completeness == redline::library::Completeness::Partial {
            out.push_str("  (partly described in the sources: judges only what they describe)\n");
        }
        // Parties first, then the views of commentators and analysts.
        let (parties, views): (Vec<_>, Vec<_>) = e.actors.iter().partition(|a| library.actors[a.actor].is_party());
        for a in parties.into_iter().chain(views) {
            for b in &a.breaches {
                let p = &library.positions[b.position];
                let because: Vec<&str> = b.triggered_by.iter().map(|&c| library.clauses[c].id.as_str()).collect();
                let missing: Vec<&str> = b.satisfied_by.iter().map(|&c| library.clauses[c].id.as_str()).collect();
                let mut why = String::new();
                if !because.is_empty() {
                    why.push_str(&format!(" because of {}", because.join(", ")));
                }
                if !missing.is_empty() {
                    why.push_str(&format!(" lacking any of {}", missing.join(", ")));
                }
                let cite = &p.cite[0];
                let kind = if library.actors[a.actor].is_party() { p.strength.label() } else { "view" };
                out.push_str(&format!(
                    "  {} {} [{}] {}{why}\n      \"{}\" ({}, {}; {})\n",
                    Verdict::of(p.strength).symbol(),
                    library.actors[a.actor].name,
                    kind,
                    p.summary,
                    cite.quote,
                    p.speaker,
                    p.date.human(),
                    library.source(cite).file
                ));
            }
        }
    }
    out.pop();
    out
}

/// `agree` and `coalitions`: settlements a coalition of parties can accept.
mod agree {
    use redline::library::{ActorIx, ClauseIx, Library, PositionIx, QuestionIx, Selection};
    use redline::plan::Plan;
    use redline::repair::Edit;
    use redline::settle::{self, Answer, SettlementSearch, Strictness, Terms};
    use serde_json::{json, Value};

    use super::{json, load_plan_or_preset, Options};

    /// The nearest settlement for the named parties, or their minimal conflict.
    pub fn agree(library: &Library, actors: &[String], options: &Options) -> Result<String, String> {
        let coalition = actors
            .iter()
            .enumerate()
            .map(|(i, id)| party(library, id).map_err(|e| format!("agree, actor {} of {}: {e}", i + 1, actors.len())))
            .collect::<Result<Vec<ActorIx>, String>>()?;
        let (from, plan) = start(library, options)?;
        let terms = terms(library, options, &plan)?;
        let search = SettlementSearch::new(library, &coalition, &terms);
        let mut out = asked(library, &terms, &from);
        out["coalition"] = coalition.iter().map(|&a| actor(library, a)).collect();
        match search.answer(&plan, 5) {
            Answer::Settled => {
                out["outcome"] = json!("settled");
                out["settlements"] = json!([settlement(library, &[], &plan)]);
            }
            Answer::Repairs(repairs) => {
                out["outcome"] = json!("settlement");
                out["settlements"] = repairs.iter().map(|r| settlement(library, &r.edits, &r.result)).collect();
            }
            Answer::Conflict(conflict) => {
                out["outcome"] = json!("conflict");
                out["conflict"] = json!({
                    "sentence": conflict.sentence,
                    "positions": conflict.positions.iter().map(|&p| position(library, p)).collect::<Vec<_>>(),
                });
            }
        }
        Ok(json(&out))
    }

    /// The largest coalitions of parties, each with why each outsider cannot join.
    pub fn coalitions(library: &Library, options: &Options) -> Result<String, String> {
        let (from, plan) = start(library, options)?;
        let terms = terms(library, options, &plan)?;
        let found = settle::coalitions(library, &plan, &terms);
        let conflict = |c: &settle::Conflict| {
            json!({
                "sentence": c.sentence,
                "positions": c.positions.iter().map(|&p| position(library, p)).collect::<Vec<_>>(),
            })
        };
        let mut out = asked(library, &terms, &from);
        out["coalitions"] = found
            .coalitions
            .iter()
            .map(|c| {
                json!({
                    "members": c.members.iter().map(|&a| library.actors[a].id.clone()).collect::<Vec<_>>(),
                    "size": c.members.len(),
                    "cannot_join": c.blocked.iter().map(|(a, why)| json!({
                        "actor": library.actors[*a].id, "name": library.actors[*a].name, "because": conflict(why),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        out["alone_impossible"] = found
            .alone_impossible
            .iter()
            .map(|(a, why)| json!({"actor": library.actors[*a].id, "because": conflict(why)}))
            .collect();
        Ok(json(&out))
    }

    fn party(library: &Library, id: &str) -> Result<ActorIx, String> {
        let a = library.actor_ix(id).ok_or_else(|| {
            let known: Vec<&str> = settle::parties(library).iter().map(|&a| library.actors[a].id.as_str()).collect();
            format!("unknown actor `{id}` (parties: {})", known.join(", "))
        })?;
        if !library.actors[a].is_party() {
            return Err(format!("`{id}` is a commentator or analyst, never a member of a coalition"));
        }
        Ok(a)
    }

    fn start(library: &Library, options: &Options) -> Result<(String, Selection), String> {
        match &options.from {
            None => Ok(("blank".to_string(), Plan::default().selection(library))),
            Some(name) => {
                let plan = load_plan_or_preset(library, name).map_err(|e| format!("--from: {e}"))?;
                Ok((name.clone(), plan.selection(library)))
            }
        }
    }

    fn terms(library: &Library, options: &Options, plan: &Selection) -> Result<Terms, String> {
        let strictness = match &options.strict {
            None => Strictness::Hard,
            Some(s) => Strictness::parse(s)
                .ok_or_else(|| format!("--strict: `{s}` is not a strictness (hard, firm or preference)"))?,
        };
        let settle = match options.settle.as_deref() {
            None | Some("default") => settle::default_settle(library),
            Some("all") => settle::all_questions(library),
            Some("draft") => settle::decided_by(library, plan),
            Some("none") => Vec::new(),
            Some(list) => {
                ids(list, "--settle", |id| library.questions.iter().position(|q| q.id == id).ok_or("unknown question"))?
            }
        };
        let clause = |id: &str| library.clause_ix(id).ok_or("unknown clause");
        let locked = options.lock.as_deref().map_or(Ok(Vec::new()), |l| ids(l, "--lock", clause))?;
        let value_locked = options.lock_value.as_deref().map_or(Ok(Vec::new()), |l| ids(l, "--lock-value", clause))?;
        Ok(Terms { strictness, settle, locked, value_locked, as_of: options.as_of })
    }

    /// A comma-separated list of ids, each resolved, or what is wrong and where.
    fn ids<T>(list: &str, flag: &str, resolve: impl Fn(&str) -> Result<T, &'static str>) -> Result<Vec<T>, String> {
        list.split(',')
            .map(str::trim)
            .enumerate()
            .map(|(i, id)| resolve(id).map_err(|e| format!("{flag}: {e} `{id}` (item {} of `{list}`)", i + 1)))
            .collect()
    }

    fn asked(library: &Library, terms: &Terms, from: &str) -> Value {
        let clause_ids = |cs: &[ClauseIx]| cs.iter().map(|&c| library.clauses[c].id.clone()).collect::<Vec<_>>();
        let question_ids = |qs: &[QuestionIx]| qs.iter().map(|&q| library.questions[q].id.clone()).collect::<Vec<_>>();
        json!({
            "strictness": terms.strictness.id(),
            "strictness_label": terms.strictness.label(),
            "settle": question_ids(&terms.settle),
            "locked": clause_ids(&terms.locked),
            "value_locked": clause_ids(&terms.value_locked),
            "from": from,
            "as_of": terms.as_of.map(|d| d.to_string()),
        })
    }

    fn actor(library: &Library, a: ActorIx) -> Value {
        json!({"actor": library.actors[a].id, "name": library.actors[a].name})
    }

    fn settlement(library: &Library, edits: &[Edit], plan: &Selection) -> Value {
        let clause = |c: ClauseIx| {
            let mut v = json!({"id": library.clauses[c].id, "title": library.clauses[c].title});
            if library.clauses[c].param.is_some() {
                v["value"] = json!(plan.value(c));
            }
            v
        };
        let id = |c: ClauseIx| library.clauses[c].id.clone();
        let edit = |e: &Edit| {
            let mut v = match *e {
                Edit::Add { clause, value } => json!({"edit": "add", "clause": id(clause), "value": value}),
                Edit::Remove { clause } => json!({"edit": "remove", "clause": id(clause)}),
                Edit::Switch { from, to, value } => {
                    json!({"edit": "switch", "from": id(from), "to": id(to), "value": value})
                }
                Edit::SetValue { clause, value } => json!({"edit": "set-value", "clause": id(clause), "value": value}),
            };
            let has_param = |c: ClauseIx| library.clauses[c].param.is_some();
            if let Edit::Add { clause: c, .. } | Edit::Switch { to: c, .. } = *e {
                if !has_param(c) {
                    v.as_object_mut().map(|o| o.remove("value"));
                }
            }
            v["text"] = json!(e.describe(library));
            v
        };
        json!({
            "edits": edits.iter().map(edit).collect::<Vec<_>>(),
            "clauses": plan.iter().map(clause).collect::<Vec<_>>(),
        })
    }

    fn position(library: &Library, p: PositionIx) -> Value {
        let pos = &library.positions[p];
        json!({
            "position": pos.id,
            "actor": library.actors[pos.actor].id,
            "name": library.actors[pos.actor].name,
            "strength": pos.strength.label(),
            "summary": pos.summary,
            "speaker": pos.speaker,
            "date": pos.date.to_string(),
            "citations": pos.cite.iter().map(|c| {
                let s = library.source(c);
                json!({"quote": c.quote, "source": s.file, "title": s.title, "outlet": s.outlet, "source_date": s.date.to_string()})
            }).collect::<Vec<_>>(),
        })
    }
}
