//! Settlement search on the full library, natively: every pair and triple
//! of parties at each strictness, with the default questions to settle,
//! from the blank plan and from the US 28-point plan (the nearest
//! settlement, or the minimal conflict when there is none); then the
//! who-can-agree table and the largest coalitions of all parties.
//! Targets: p99 under 10 ms per coalition; coalitions well under 300 ms.
//! Prints, never fails on time.
//!
//! Each case is timed as the best of three runs: the search is
//! deterministic, so the spread between runs is the machine (scheduling,
//! page faults), not the search.

use redline::library::Library;
use redline::plan::Plan;
use redline::settle::{agreement, coalitions, default_settle, parties, Answer, SettlementSearch, Strictness, Terms};
use std::time::Instant;

/// Runs `f` three times; its result and the fastest run in milliseconds.
fn best_of_three<T>(mut f: impl FnMut() -> T) -> (T, f64) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..3 {
        let start = Instant::now();
        out = Some(f());
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    (out.expect("ran three times"), best)
}

fn main() {
    let lib = Library::embedded().expect("the embedded library is valid");
    let parties = parties(&lib);
    let n = parties.len();
    let blank = Plan::default().selection(&lib);
    let us28 = Plan::from_preset(&lib, lib.preset_ix("us-28-point").expect("preset")).selection(&lib);
    let mut coalitions_of: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            coalitions_of.push(vec![parties[i], parties[j]]);
            for k in j + 1..n {
                coalitions_of.push(vec![parties[i], parties[j], parties[k]]);
            }
        }
    }
    for strictness in Strictness::ALL {
        let terms = Terms { strictness, settle: default_settle(&lib), ..Terms::default() };
        for (from, plan) in [("blank plan", &blank), ("28-point plan", &us28)] {
            let mut times = Vec::with_capacity(coalitions_of.len());
            let (mut settled, mut repaired, mut conflicts, mut worst_case) = (0, 0, 0, String::new());
            let mut worst = 0f64;
            for coalition in &coalitions_of {
                let (answer, ms) = best_of_three(|| SettlementSearch::new(&lib, coalition, &terms).answer(plan, 5));
                match answer {
                    Answer::Settled => settled += 1,
                    Answer::Repairs(_) => repaired += 1,
                    Answer::Conflict(_) => conflicts += 1,
                }
                if ms > worst {
                    worst = ms;
                    worst_case = coalition.iter().map(|&a| lib.actors[a].id.as_str()).collect::<Vec<_>>().join(" + ");
                }
                times.push(ms);
            }
            let mean = times.iter().sum::<f64>() / times.len() as f64;
            times.sort_by(f64::total_cmp);
            let p99 = times[(times.len() * 99 / 100).min(times.len() - 1)];
            println!(
                "settle [{}] from the {from}: {} pairs and triples: mean {mean:.3} ms, p99 {p99:.3} ms, \
                 worst {worst:.3} ms ({worst_case}); {settled} settled already, {repaired} repaired, \
                 {conflicts} conflicts (target p99 < 10 ms)",
                strictness.id(),
                times.len()
            );
        }
        let (table, ms) = best_of_three(|| agreement(&lib, &blank, &terms));
        println!(
            "agreement [{}]: {} pairs and {n} parties alone: {ms:.3} ms; {} pairs cannot agree",
            strictness.id(),
            n * (n - 1) / 2,
            table.blocked_pairs().len()
        );
        let (found, ms) = best_of_three(|| coalitions(&lib, &blank, &terms));
        let sizes: Vec<String> = found.coalitions.iter().map(|c| c.members.len().to_string()).collect();
        println!(
            "coalitions [{}]: maximal coalitions of all {n} parties, with each outsider's reason: {ms:.3} ms; \
             {} coalitions of sizes {} (target well under 300 ms)",
            strictness.id(),
            found.coalitions.len(),
            sizes.join(", ")
        );
    }
}
