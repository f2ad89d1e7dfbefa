//! redline-cli: the evaluation engine on the command line, for analysts and tests.
//!
//!   redline-cli eval PLAN_OR_PRESET [--as-of DATE] [--set-aside POSITION]...
//!                                               each actor's crossed, open and met positions and
//!                                               its group (party or commentator), as JSON; under
//!                                               the scenario a PLAN.json carries, if any
//!   redline-cli presets                         the preset plans
//!   redline-cli matrix [--as-of DATE] [--json]  actor × preset verdicts (parties, then commentators
//!                                               and analysts apart), with each breach's quote
//!   redline-cli compare A B [--as-of DATE]      two plans (preset ids or plan files), as JSON
//!   redline-cli link PLAN_OR_PRESET [--as-of DATE]
//!                                               the share-link fragment for a plan (and the date
//!                                               its verdicts are read as of)
//!   redline-cli agree ACTOR... [--strict S] [--settle Q,...|default|draft|all|none]
//!                 [--from PLAN_OR_PRESET] [--lock CLAUSE,...] [--lock-value CLAUSE,...] [--as-of DATE]
//!                                               the nearest settlement these parties can all accept
//!                                               (its clauses and the edits from the start), or the
//!                                               minimal conflict that rules one out, as JSON
//!   redline-cli coalitions [--strict S] [--settle ...] [--from ...] [--lock ...] [--as-of DATE]
//!                                               the largest coalitions of parties, as JSON
//!   redline-cli what-would-it-take ACTOR... [--strict S] [--settle ...] [--from ...] [--lock ...] [--json]
//!                                               when these parties have no settlement: the smallest
//!                                               sets of their positions whose setting aside makes one
//!                                               possible, each with the nearest settlement
//!
//! `agree`, `coalitions` and `what-would-it-take` read the scenario of the
//! PLAN.json given with `--from`; every command that reads one also takes
//! `--set-aside POSITION` (repeatable) on top of it.
//!
//! Exit status: 0 on success, 2 on bad arguments or a bad plan file.

use std::process::ExitCode;

use redline::date::Date;
use redline::evaluate::{compare, evaluate, Evaluation, Verdict};
use redline::library::Library;
use redline::plan::Plan;
use redline::report::{ComparisonReport, EvaluationReport};
use redline::scenario::Scenario;

const USAGE: &str = "usage:
  redline-cli eval PLAN_OR_PRESET [--as-of YYYY-MM-DD]
  redline-cli presets
  redline-cli matrix [--as-of YYYY-MM-DD] [--json]
  redline-cli compare PLAN_OR_PRESET PLAN_OR_PRESET [--as-of YYYY-MM-DD]
  redline-cli link PLAN_OR_PRESET [--as-of YYYY-MM-DD]
  redline-cli agree ACTOR... [--strict hard|firm|preference] [--settle QUESTION,...|default|draft|all|none]
                    [--from PLAN_OR_PRESET] [--lock CLAUSE,...] [--lock-value CLAUSE,...] [--as-of YYYY-MM-DD]
  redline-cli coalitions [--strict hard|firm|preference] [--settle ...] [--from ...] [--lock ...] [--as-of ...]
  redline-cli what-would-it-take ACTOR... [--strict hard|firm|preference] [--settle ...] [--from ...] [--lock ...]
                    [--lock-value ...] [--as-of ...] [--json]
  eval, agree, coalitions and what-would-it-take: [--set-aside POSITION]... (on top of a PLAN.json's scenario)";

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
    /// Position ids set aside on top of the plan file's scenario.
    set_aside: Vec<String>,
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
            "--set-aside" => options.set_aside.push(value("a position id")?),
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
            let (plan, scenario) = load_with_scenario(&library, file)?;
            let (library, scenario) = in_scenario(&library, scenario, &options, file)?;
            let evaluation = evaluate(&library, &plan.selection(&library), options.as_of);
            let mut report =
                serde_json::to_value(EvaluationReport::new(&library, &evaluation)).expect("reports serialize");
            if !scenario.is_empty() {
                mark_scenario(&library, &mut report);
                report["scenario"] = scenario_report(&library, &scenario);
            }
            Ok(json(&report))
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
            let shared = redline::share::Shared { plan: load_plan_or_preset(&library, plan)?, as_of: options.as_of };
            redline::share::fragment(&shared, &redline::share::id_table())
        }
        ("agree", actors) if !actors.is_empty() => agree::agree(&library, actors, &options),
        ("coalitions", []) => agree::coalitions(&library, &options),
        ("what-would-it-take", actors) if !actors.is_empty() => agree::what_would_it_take(&library, actors, &options),
        _ => Err(USAGE.to_string()),
    }
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("reports serialize")
}

/// A preset (no scenario) or a plan file with the scenario it carries.
fn load_with_scenario(library: &Library, name: &str) -> Result<(Plan, Scenario), String> {
    if library.preset_ix(name).is_some() || !std::path::Path::new(name).exists() {
        return Ok((load_plan_or_preset(library, name)?, Scenario::default()));
    }
    let text = std::fs::read_to_string(name).map_err(|e| format!("{name}: {e}"))?;
    let (plan, scenario, warnings) =
        Plan::from_json_with_scenario(&text, library).map_err(|e| format!("{name}: {e}"))?;
    for w in warnings {
        eprintln!("redline-cli: {name}: {w}");
    }
    Ok((plan, scenario.unwrap_or_default()))
}

/// The library under the scenario, with `--set-aside` added to it. What the
/// scenario names and the library lacks is a warning (the file may be older
/// than the library); a `--set-aside` typed now that names nothing is an error.
fn in_scenario(
    library: &Library,
    mut scenario: Scenario,
    options: &Options,
    origin: &str,
) -> Result<(Library, Scenario), String> {
    for id in &options.set_aside {
        let reader = scenario.added.iter().any(|a| a.position_id() == *id);
        if redline::scenario::position_ix(library, id).is_none() && !reader {
            return Err(format!("--set-aside: no position `{id}` in the library"));
        }
        if !scenario.set_aside.contains(id) {
            scenario.set_aside.push(id.clone());
        }
    }
    let (applied, warnings) = scenario.apply(library);
    for w in warnings {
        eprintln!("redline-cli: {origin}: {w}");
    }
    Ok((applied, scenario))
}

/// What the scenario changed, position by position, for the JSON reports:
/// set aside, re-weighed (with the sources' strength), added by the reader.
fn scenario_report(library: &Library, scenario: &Scenario) -> serde_json::Value {
    use redline::library::InScenario;
    let brief = |p: &redline::library::Position| {
        serde_json::json!({
            "position": p.id, "actor": library.actors[p.actor].id, "strength": p.strength.label(), "summary": p.summary,
        })
    };
    let with = |p: &redline::library::Position, what: InScenario| p.scenario == what;
    let reweighed: Vec<serde_json::Value> = library
        .positions
        .iter()
        .filter_map(|p| match p.scenario {
            InScenario::Reweighed(sourced) => {
                let mut v = brief(p);
                v["sourced_strength"] = serde_json::json!(sourced.label());
                Some(v)
            }
            _ => None,
        })
        .collect();
    let added: Vec<serde_json::Value> = library
        .positions
        .iter()
        .filter(|p| with(p, InScenario::AddedByReader))
        .map(|p| {
            let mut v = brief(p);
            let own = scenario.added.iter().find(|a| a.position_id() == p.id);
            if let Some(link) = own.and_then(|a| a.web_link()) {
                v["link"] = serde_json::json!(link);
            }
            v
        })
        .collect();
    let any_added = !added.is_empty() || scenario.added.iter().any(|a| scenario.set_aside.contains(&a.position_id()));
    // A reader's position set aside is not in the applied library: described from the scenario.
    let reader_set_aside = scenario.added.iter().filter(|a| scenario.set_aside.contains(&a.position_id())).map(|a| {
        serde_json::json!({
            "position": a.position_id(), "actor": a.actor, "strength": a.strength.label(), "summary": a.summary(library),
            "scenario": "added-by-reader",
        })
    });
    let set_aside: Vec<serde_json::Value> =
        library.positions.iter().filter(|p| with(p, InScenario::SetAside)).map(brief).chain(reader_set_aside).collect();
    let mut out = serde_json::json!({
        "set_aside": set_aside,
        "reweighed": reweighed,
        "added_by_reader": added,
    });
    if any_added {
        out["note"] = serde_json::json!(
            "positions added by the reader have no source and are not among the library's sourced positions"
        );
    }
    out
}

/// Marks, in an evaluation report, each position the scenario re-weighed or
/// the reader added (which has no date, speaker or citation of its own).
fn mark_scenario(library: &Library, report: &mut serde_json::Value) {
    use redline::library::InScenario;
    let Some(actors) = report["actors"].as_array_mut() else { return };
    for actor in actors {
        for key in ["crossed", "open", "meets"] {
            let Some(entries) = actor[key].as_array_mut() else { continue };
            for entry in entries {
                let Some(p) = entry["position"].as_str().and_then(|id| redline::scenario::position_ix(library, id))
                else {
                    continue;
                };
                match library.positions[p].scenario {
                    InScenario::AddedByReader => {
                        entry["scenario"] = serde_json::json!("added-by-reader");
                        entry["date"] = serde_json::Value::Null;
                        entry["date_kind"] = serde_json::Value::Null;
                    }
                    InScenario::Reweighed(sourced) => {
                        entry["scenario"] = serde_json::json!("reweighed");
                        entry["sourced_strength"] = serde_json::json!(sourced.label());
                    }
                    InScenario::AsSourced | InScenario::SetAside => {}
                }
            }
        }
    }
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
                let kind = library.kind_of(b.position);
                out.push_str(&format!(
                    "  {} {} [{}] {}{why}\n      \"{}\" ({}; {})\n",
                    Verdict::of(p.strength).symbol(),
                    library.actors[a.actor].name,
                    kind,
                    p.summary,
                    cite.quote,
                    library.attribution(b.position),
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
    use redline::library::{ActorIx, ClauseIx, InScenario, Library, PositionIx, QuestionIx, Selection};
    use redline::plan::Plan;
    use redline::repair::Edit;
    use redline::scenario::{self, Correction, Limits, Scenario, WhatItTakes};
    use redline::settle::{self, Answer, SettlementSearch, Strictness, Terms};
    use serde_json::{json, Value};

    use super::{in_scenario, json, load_with_scenario, scenario_report, Options};

    /// The nearest settlement for the named parties, or their minimal conflict.
    pub fn agree(base: &Library, actors: &[String], options: &Options) -> Result<String, String> {
        let coalition = coalition(base, actors, "agree")?;
        let start = start(base, options)?;
        let (library, plan) = (&start.library, &start.plan);
        let terms = terms(library, options, plan)?;
        let search = SettlementSearch::new(library, &coalition, &terms);
        let mut out = asked(library, &terms, &start);
        out["coalition"] = coalition.iter().map(|&a| actor(library, a)).collect();
        match search.answer(plan, 5) {
            Answer::Settled => {
                out["outcome"] = json!("settled");
                out["settlements"] = json!([settlement(library, &[], plan)]);
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
    pub fn coalitions(base: &Library, options: &Options) -> Result<String, String> {
        let start = start(base, options)?;
        let (library, plan) = (&start.library, &start.plan);
        let terms = terms(library, options, plan)?;
        let found = settle::coalitions(library, plan, &terms);
        let conflict = |c: &settle::Conflict| {
            json!({
                "sentence": c.sentence,
                "positions": c.positions.iter().map(|&p| position(library, p)).collect::<Vec<_>>(),
            })
        };
        let mut out = asked(library, &terms, &start);
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

    /// When the parties have no settlement: the smallest sets of their
    /// positions whose setting aside makes one possible, as sentences (or JSON).
    pub fn what_would_it_take(base: &Library, actors: &[String], options: &Options) -> Result<String, String> {
        let coalition = coalition(base, actors, "what-would-it-take")?;
        let start = start(base, options)?;
        let (library, plan) = (&start.library, &start.plan);
        let terms = terms(library, options, plan)?;
        let answer = scenario::what_would_it_take(library, &coalition, &terms, plan, Limits::default());
        if options.json {
            let mut out = asked(library, &terms, &start);
            out["coalition"] = coalition.iter().map(|&a| actor(library, a)).collect();
            match &answer {
                WhatItTakes::NothingToSetAside => out["outcome"] = json!("settlement-exists"),
                WhatItTakes::Impossible(conflict) => {
                    out["outcome"] = json!("impossible");
                    out["sentence"] = json!(conflict.sentence);
                }
                WhatItTakes::Corrections(found) => {
                    out["outcome"] = json!("corrections");
                    out["complete_up_to"] = json!(found.complete_up_to);
                    out["all"] = json!(found.all);
                    out["sets"] = found
                        .sets
                        .iter()
                        .map(|c| {
                            json!({
                                "set_aside": c.positions.iter().map(|&p| position(library, p)).collect::<Vec<_>>(),
                                "settlement": settlement(library, &c.settlement.edits, &c.settlement.result),
                            })
                        })
                        .collect();
                }
            }
            return Ok(json(&out));
        }
        let names: Vec<&str> = coalition.iter().map(|&a| library.actors[a].name.as_str()).collect();
        let mut out = format!(
            "{}, at {}, settling {} questions, from {}:\n",
            names.join(" + "),
            terms.strictness.label(),
            terms.settle.len(),
            if start.from == "blank" { "the blank plan".to_string() } else { start.from.clone() }
        );
        if !start.scenario.is_empty() {
            out.push_str(
                "(in the scenario: set-aside, re-weighed and added positions as the plan file and --set-aside say)\n",
            );
        }
        match answer {
            WhatItTakes::NothingToSetAside => {
                out.push_str("a settlement exists already: nothing needs to be set aside (see `redline-cli agree`).")
            }
            WhatItTakes::Impossible(conflict) => {
                out.push_str(&format!("no settlement, whatever is set aside: {}", conflict.sentence))
            }
            WhatItTakes::Corrections(found) => {
                out.push_str("no settlement as they stand.\n");
                for c in &found.sets {
                    out.push_str(&format!("\n{}\n", correction_sentence(library, c)));
                }
                out.push('\n');
                out.push_str(&found.extent());
            }
        }
        Ok(out)
    }

    /// "if Russia set aside: X (firm demand, Putin, 14 Jun 2024) [id], and
    /// Ukraine set aside: Y (…), a settlement exists: A; B at 600,000 personnel."
    fn correction_sentence(library: &Library, correction: &Correction) -> String {
        let parts: Vec<String> = correction
            .by_actor(library)
            .into_iter()
            .map(|(a, positions)| {
                let list: Vec<String> = positions.iter().map(|&p| position_in_words(library, p)).collect();
                format!("{} set aside: {}", library.actors[a].in_text(), list.join(" and "))
            })
            .collect();
        format!(
            "if {}, a settlement exists: {}.",
            parts.join(", and "),
            correction.settlement_clauses(library).join("; ")
        )
    }

    /// Redline's reading, not the source's words (no quotation marks), with
    /// strength, attribution and id.
    fn position_in_words(library: &Library, p: PositionIx) -> String {
        let pos = &library.positions[p];
        let said = match pos.scenario {
            InScenario::AddedByReader => format!("{}, {}", pos.strength.label(), pos.speaker),
            InScenario::Reweighed(sourced) => format!(
                "{} in this scenario, {} in the sources, {}",
                pos.strength.label(),
                sourced.label(),
                library.attribution(p)
            ),
            InScenario::AsSourced | InScenario::SetAside => {
                format!("{}, {}", pos.strength.label(), library.attribution(p))
            }
        };
        format!("{} ({said}) [{}]", settle::gist(&pos.summary), pos.id)
    }

    fn coalition(library: &Library, actors: &[String], command: &str) -> Result<Vec<ActorIx>, String> {
        actors
            .iter()
            .enumerate()
            .map(|(i, id)| {
                party(library, id).map_err(|e| format!("{command}, actor {} of {}: {e}", i + 1, actors.len()))
            })
            .collect()
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

    /// Where a search starts: the plan, and the library under its scenario.
    struct Start {
        from: String,
        plan: Selection,
        library: Library,
        scenario: Scenario,
    }

    fn start(base: &Library, options: &Options) -> Result<Start, String> {
        let (from, plan, scenario) = match &options.from {
            None => ("blank".to_string(), Plan::default(), Scenario::default()),
            Some(name) => {
                let (plan, scenario) = load_with_scenario(base, name).map_err(|e| format!("--from: {e}"))?;
                (name.clone(), plan, scenario)
            }
        };
        let (library, scenario) = in_scenario(base, scenario, options, &from)?;
        Ok(Start { plan: plan.selection(&library), from, library, scenario })
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

    fn asked(library: &Library, terms: &Terms, start: &Start) -> Value {
        let clause_ids = |cs: &[ClauseIx]| cs.iter().map(|&c| library.clauses[c].id.clone()).collect::<Vec<_>>();
        let question_ids = |qs: &[QuestionIx]| qs.iter().map(|&q| library.questions[q].id.clone()).collect::<Vec<_>>();
        let mut out = json!({
            "strictness": terms.strictness.id(),
            "strictness_label": terms.strictness.label(),
            "settle": question_ids(&terms.settle),
            "locked": clause_ids(&terms.locked),
            "value_locked": clause_ids(&terms.value_locked),
            "from": start.from,
            "as_of": terms.as_of.map(|d| d.to_string()),
        });
        if !start.scenario.is_empty() {
            out["scenario"] = scenario_report(library, &start.scenario);
        }
        out
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

    /// A position with its citations; one the reader added says so and has
    /// none, one re-weighed gives the sources' strength too.
    fn position(library: &Library, p: PositionIx) -> Value {
        let pos = &library.positions[p];
        let mut out = json!({
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
        });
        match pos.scenario {
            InScenario::AddedByReader => {
                out["scenario"] = json!("added-by-reader");
                out["date"] = Value::Null;
            }
            InScenario::Reweighed(sourced) => {
                out["scenario"] = json!("reweighed");
                out["sourced_strength"] = json!(sourced.label());
            }
            InScenario::AsSourced | InScenario::SetAside => {}
        }
        out
    }
}
