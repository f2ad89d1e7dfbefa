//! Repair search on the full library: every coalition of two and three
//! actors, from the US 28-point plan. Target: under 10 ms each, natively.
//! Prints mean and worst rather than timing one case: the spread matters.

use redline::library::Library;
use redline::plan::Plan;
use redline::repair::{Outcome, RepairSearch};
use std::time::Instant;

fn main() {
    let lib = Library::embedded().expect("the embedded library is valid");
    let plan = Plan::from_preset(&lib, lib.preset_ix("us-28-point").expect("preset")).selection(&lib);
    let n = lib.actors.len();
    let (mut worst, mut total, mut count) = (0f64, 0f64, 0usize);
    let (mut acceptable, mut repaired, mut none) = (0, 0, 0);
    let mut worst_case = String::new();
    for a in 0..n {
        for b in a + 1..n {
            for c in std::iter::once(None).chain((b + 1..n).map(Some)) {
                let coalition: Vec<usize> = [a, b].into_iter().chain(c).collect();
                let start = Instant::now();
                let outcome = RepairSearch::new(&lib, &coalition, &[], None).repairs(&plan, 5, 6);
                let ms = start.elapsed().as_secs_f64() * 1000.0;
                match outcome {
                    Outcome::AlreadyAcceptable => acceptable += 1,
                    Outcome::Repairs(_) => repaired += 1,
                    Outcome::NoneWithin(_) => none += 1,
                }
                total += ms;
                count += 1;
                if ms > worst {
                    worst = ms;
                    worst_case = coalition.iter().map(|&i| lib.actors[i].id.as_str()).collect::<Vec<_>>().join(" + ");
                }
            }
        }
    }
    println!(
        "repair: {count} coalitions of 2 and 3 actors from the 28-point plan: mean {:.3} ms, worst {worst:.3} ms ({worst_case}); \
         {acceptable} already acceptable, {repaired} repaired, {none} with no repair within 6 edits (target < 10 ms)",
        total / count as f64
    );
}
