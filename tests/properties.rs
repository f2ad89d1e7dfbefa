//! Properties of evaluation on the real library, over generated plans.

use std::sync::OnceLock;

use proptest::prelude::*;
use redline::date::Date;
use redline::evaluate::{evaluate, Breach, Standing, Standings};
use redline::library::{Condition, Library, PositionIx, Selection};
use redline::plan::{Plan, PlanItem};

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::embedded().unwrap_or_else(|e| panic!("{e}")))
}

/// Any subset of the library's clauses, each with a value in its range.
fn arbitrary_selection() -> impl Strategy<Value = Selection> {
    let lib = library();
    let n = lib.clauses.len();
    (proptest::collection::vec(any::<bool>(), n), proptest::collection::vec(0.0f64..=1.0, n)).prop_map(
        move |(held, fraction)| {
            let mut s = Selection::empty(n);
            for c in (0..n).filter(|&c| held[c]) {
                let value =
                    lib.clauses[c].param.as_ref().map_or(0, |p| p.min + ((p.max - p.min) as f64 * fraction[c]) as i64);
                s.insert(c, value);
            }
            s
        },
    )
}

fn is_forbids(c: &Condition) -> bool {
    matches!(c, Condition::Any(parts) if parts.iter().all(|p| matches!(p, Condition::Has(_))))
}

fn is_requires(c: &Condition) -> bool {
    matches!(c, Condition::Not(inner) if is_forbids(inner))
}

fn breached(lib: &Library, s: &Selection, keep: impl Fn(&Condition) -> bool) -> Vec<PositionIx> {
    let e = evaluate(lib, s, None);
    e.actors
        .iter()
        .flat_map(|a| &a.breaches)
        .map(|b| b.position)
        .filter(|&p| keep(&lib.positions[p].crossed_when))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn evaluation_is_deterministic_and_ignores_clause_order(s in arbitrary_selection(), seed in any::<u64>()) {
        let lib = library();
        let items: Vec<PlanItem> = s.iter().map(|c| PlanItem { id: lib.clauses[c].id.clone(), value: s.value(c) }).collect();
        let mut shuffled = items.clone();
        // A cheap deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let a = Plan { items, ..Plan::default() };
        let b = Plan { items: shuffled, ..Plan::default() };
        let first = evaluate(lib, &a.selection(lib), None);
        prop_assert_eq!(&first, &evaluate(lib, &a.selection(lib), None));
        prop_assert_eq!(&first, &evaluate(lib, &b.selection(lib), None));
    }

    #[test]
    fn standings_agree_with_the_full_evaluation(s in arbitrary_selection()) {
        // The app shows tallies from `Standings` and reasons from `evaluate`:
        // a card must never count what its body does not list.
        let lib = library();
        let e = evaluate(lib, &s, None);
        let standings = Standings::of(lib, &s, None);
        for (tally, a) in standings.actors.iter().zip(&e.actors) {
            prop_assert_eq!(*tally, a.tally(lib));
            for b in &a.breaches { prop_assert_eq!(standings.positions[b.position], Some(Standing::Crossed)); }
            let order = |b: &Breach| (lib.positions[b.position].strength, b.position);
            prop_assert!(a.breaches.windows(2).all(|w| order(&w[0]) < order(&w[1])), "worst first, then in data order");
            for m in &a.met { prop_assert_eq!(standings.positions[m.position], Some(Standing::Met)); }
            for o in &a.open { prop_assert_eq!(standings.positions[o.position], Some(Standing::Open)); }
        }
        prop_assert_eq!(standings.summary(lib), e.summary(lib));
    }

    #[test]
    fn standings_updated_after_an_edit_equal_standings_evaluated_whole(
        a in arbitrary_selection(),
        b in arbitrary_selection(),
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..4),
        date in prop::option::of(0usize..4),
    ) {
        // A click changes a clause or two; starting from a plan or undoing
        // a long edit changes any number: both must come out as evaluated whole.
        let lib = library();
        let as_of = date.map(|d| Date::parse(["2022", "2024-06-14", "2025-11-20", "2026-01-01"][d]).unwrap());
        let mut edited = a.clone();
        for pick in picks {
            let c = pick.index(lib.clauses.len());
            match (a.value(c), b.value(c)) {
                (Some(_), Some(v)) if lib.clauses[c].param.is_some() => edited.insert(c, v),
                (Some(_), _) => edited.remove(c),
                (None, v) => edited.insert(c, v.unwrap_or(0)),
            }
        }
        let before = Standings::of(lib, &a, as_of);
        for after in [&edited, &b] {
            prop_assert_eq!(before.update(lib, &a, after), Standings::of(lib, after, as_of));
        }
    }

    #[test]
    fn adding_a_clause_never_removes_a_forbids_breach(s in arbitrary_selection(), pick in any::<prop::sample::Index>()) {
        let lib = library();
        let clause = pick.index(lib.clauses.len());
        let before = breached(lib, &s, is_forbids);
        let mut more = s.clone();
        more.insert(clause, lib.clauses[clause].param.as_ref().map_or(0, |p| p.default));
        let after = breached(lib, &more, is_forbids);
        for p in before {
            prop_assert!(after.contains(&p), "adding {} removed the breach of {}", lib.clauses[clause].id, lib.positions[p].id);
        }
    }

    #[test]
    fn an_unsettled_question_never_crosses_a_requires(s in arbitrary_selection()) {
        // A demand is crossed only when the plan answers every way of meeting
        // it otherwise; while any of them is undecided, it is open.
        let lib = library();
        for p in breached(lib, &s, is_requires) {
            for c in lib.positions[p].crossed_when.clauses() {
                prop_assert!(!s.has(c) && lib.clauses[c].settled_against(&s),
                    "{} crossed though `{}` is undecided", lib.positions[p].id, lib.clauses[c].id);
            }
        }
    }

    #[test]
    fn leaving_a_matter_undecided_never_creates_a_breach(s in arbitrary_selection(), pick in any::<prop::sample::Index>()) {
        // Silence never crosses: on a coherent plan (one answer per question,
        // no two declared rivals), dropping a clause only makes the plan say less.
        let lib = library();
        let mut plan = Plan::default();
        // A question clause replaces its own alternatives, but not a clause
        // of another question it is declared to contradict.
        for c in s.iter().filter(|&c| lib.clauses[c].question.is_some()) {
            let held = plan.selection(lib);
            let clashes = lib.clauses[c].rivals.iter().any(|&r| held.has(r) && lib.clauses[r].question != lib.clauses[c].question);
            if !clashes { plan.add(lib, c); }
        }
        for c in s.iter().filter(|&c| lib.clauses[c].question.is_none()) {
            if !lib.clauses[c].settled_against(&plan.selection(lib)) { plan.add(lib, c); }
        }
        let coherent = plan.selection(lib);
        let held: Vec<usize> = coherent.iter().collect();
        prop_assume!(!held.is_empty());
        let mut fewer = coherent.clone();
        fewer.remove(held[pick.index(held.len())]);
        let before = breached(lib, &coherent, |_| true);
        for p in breached(lib, &fewer, |_| true) {
            prop_assert!(before.contains(&p), "dropping a clause crossed {}", lib.positions[p].id);
        }
    }

    #[test]
    fn a_plan_survives_its_json_document(s in arbitrary_selection(), title in ".{0,40}", notes in "(?s).{0,200}") {
        let lib = library();
        // Documents hold one answer per question; keep the first held alternative.
        let mut plan = Plan { title, notes, ..Plan::default() };
        for c in s.iter() {
            plan.add(lib, c);
            if let Some(v) = s.value(c) { plan.set_value(lib, c, v); }
        }
        let (back, warnings) = Plan::from_json(&plan.to_json(), lib).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(warnings.is_empty());
        prop_assert_eq!(back, plan);
    }
}

#[test]
fn the_real_library_has_positions_of_both_monotone_kinds() {
    // The two properties above would pass vacuously without such positions.
    let lib = library();
    assert!(lib.positions.iter().filter(|p| is_forbids(&p.crossed_when)).count() >= 10);
    assert!(lib.positions.iter().filter(|p| is_requires(&p.crossed_when)).count() >= 5);
}
