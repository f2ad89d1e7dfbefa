//! "What would it take" on the full library, natively: every pair of
//! parties at each strictness, with the default questions to settle, from
//! the blank plan and from the US 28-point plan: the minimal correction sets
//! (`Limits::default()`: up to 6 positions, 20 sets), each with its nearest settlement.
//! Target: p95 under 10 ms per pair. Most pairs settle as they are, which
//! takes one search, so the figures are also given over the pairs that do
//! not (the ones the tree works for). Prints, never fails on time.
//!
//! Each pair is timed as the best of three runs: the search is
//! deterministic, so the spread between runs is the machine, not the search.

use redline::library::Library;
use redline::plan::Plan;
use redline::scenario::{what_would_it_take, Limits, WhatItTakes};
use redline::settle::{default_settle, parties, Strictness, Terms};
use std::time::Instant;

fn main() {
    let lib = Library::embedded().expect("the embedded library is valid");
    let parties = parties(&lib);
    let blank = Plan::default().selection(&lib);
    let us28 = Plan::from_preset(&lib, lib.preset_ix("us-28-point").expect("preset")).selection(&lib);
    let pairs: Vec<[usize; 2]> = (0..parties.len())
        .flat_map(|i| (i + 1..parties.len()).map(move |j| (i, j)))
        .map(|(i, j)| [parties[i], parties[j]])
        .collect();
    for strictness in Strictness::ALL {
        let terms = Terms { strictness, settle: default_settle(&lib), ..Terms::default() };
        for (from, plan) in [("blank plan", &blank), ("28-point plan", &us28)] {
            let mut times = Vec::with_capacity(pairs.len());
            let mut blocked_times = Vec::new();
            let (mut settle, mut corrected, mut impossible, mut sets, mut largest) = (0, 0, 0, 0, 0);
            let (mut worst, mut worst_pair) = (0f64, String::new());
            for pair in &pairs {
                let mut best = f64::INFINITY;
                let mut answer = None;
                for _ in 0..3 {
                    let start = Instant::now();
                    answer = Some(what_would_it_take(&lib, pair, &terms, plan, Limits::default()));
                    best = best.min(start.elapsed().as_secs_f64() * 1000.0);
                }
                match answer.expect("ran three times") {
                    WhatItTakes::NothingToSetAside => settle += 1,
                    WhatItTakes::Impossible(_) => impossible += 1,
                    WhatItTakes::Corrections(c) => {
                        corrected += 1;
                        sets += c.sets.len();
                        largest = c.sets.iter().map(|s| s.positions.len()).fold(largest, usize::max);
                        blocked_times.push(best);
                    }
                }
                if best > worst {
                    worst = best;
                    worst_pair = pair.iter().map(|&a| lib.actors[a].id.as_str()).collect::<Vec<_>>().join(" + ");
                }
                times.push(best);
            }
            println!(
                "what would it take [{}] from the {from}: {} pairs: {}, worst {worst:.3} ms ({worst_pair}); \
                 {settle} settle as they are, {corrected} with correction sets ({sets} sets, largest {largest} \
                 positions; over these: {}), {impossible} impossible (target p95 < 10 ms)",
                strictness.id(),
                pairs.len(),
                figures(&mut times),
                figures(&mut blocked_times),
            );
        }
    }
}

/// "mean 0.1 ms, p95 0.2 ms" (nearest rank), or "none" for no times.
fn figures(times: &mut [f64]) -> String {
    if times.is_empty() {
        return "none".to_string();
    }
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    times.sort_by(f64::total_cmp);
    let p95 = times[(times.len() * 95).div_ceil(100) - 1];
    format!("mean {mean:.3} ms, p95 {p95:.3} ms")
}
