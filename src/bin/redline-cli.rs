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
  redline-cli link PLAN_OR_PRESET";

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

struct Options {
    positional: Vec<String>,
    as_of: Option<Date>,
    json: bool,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options { positional: Vec::new(), as_of: None, json: false };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--as-of" => {
                let value = rest.next().ok_or("--as-of needs a date")?;
                options.as_of = Some(Date::parse(value)?);
            }
            "--json" => options.json = true,
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
        _ => Err(USAGE.to_string()),
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
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

fn load_plan_or_preset(library: &Library, name: &str) -> Result<Plan, String> {
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
