//! Evaluation speed on the real library: each preset against every position,
//! the standings a click computes (verdicts and tallies, no reasons), whole
//! and updated from the plan before the click, and a
//! full comparison of two presets. Target: under 20 µs per evaluation.

use criterion::{criterion_group, criterion_main, Criterion};
use redline::evaluate::{compare, evaluate, Standings};
use redline::library::Library;
use redline::plan::Plan;
use std::hint::black_box;

fn presets(c: &mut Criterion) {
    let library = Library::embedded().expect("the embedded library is valid");
    let plans: Vec<_> =
        (0..library.presets.len()).map(|p| Plan::from_preset(&library, p).selection(&library)).collect();
    let mut group = c.benchmark_group("evaluate");
    for (p, plan) in plans.iter().enumerate() {
        group.bench_function(&library.presets[p].id, |b| b.iter(|| evaluate(&library, black_box(plan), None)));
    }
    group.bench_function("every-preset-in-turn", |b| {
        b.iter(|| plans.iter().map(|plan| evaluate(&library, black_box(plan), None).actors.len()).sum::<usize>())
    });
    group.finish();
    c.bench_function("standings/every-preset-in-turn", |b| {
        b.iter(|| plans.iter().map(|plan| Standings::of(&library, black_box(plan), None).actors.len()).sum::<usize>())
    });

    // Each click on the first preset (every clause added or dropped in
    // turn): the standings evaluated whole, and updated from the plan's.
    let plan = &plans[0];
    let before = Standings::of(&library, plan, None);
    let clicked: Vec<_> = (0..library.clauses.len())
        .map(|c| {
            let mut after = plan.clone();
            if after.has(c) {
                after.remove(c)
            } else {
                after.insert(c, library.clauses[c].param.as_ref().map_or(0, |p| p.default))
            }
            after
        })
        .collect();
    let mut group = c.benchmark_group("standings/each-click-on-the-first-preset");
    group.bench_function("whole", |b| {
        b.iter(|| {
            clicked.iter().map(|after| Standings::of(&library, black_box(after), None).actors.len()).sum::<usize>()
        })
    });
    group.bench_function("updated", |b| {
        b.iter(|| {
            clicked.iter().map(|after| before.update(&library, plan, black_box(after)).actors.len()).sum::<usize>()
        })
    });
    group.finish();

    let first = &plans[0];
    let last = &plans[plans.len() - 1];
    c.bench_function("compare/first-vs-last-preset", |b| {
        b.iter(|| compare(&library, black_box(first), black_box(last), None))
    });
}

criterion_group!(benches, presets);
criterion_main!(benches);
