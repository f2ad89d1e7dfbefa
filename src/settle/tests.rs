//! Settlements against brute force on generated small libraries: every plan
//! the universe allows is tried, so "minimal", "none exists" and "maximal"
//! are checked, not trusted.

use super::universe::*;
use super::*;
use crate::plan::Plan;
use proptest::prelude::*;
use serde_json::{json, Value};

fn condition() -> impl Strategy<Value = Value> {
    let ids =
        || proptest::collection::vec(0..8usize, 1..3).prop_map(|v| v.into_iter().map(|i| IDS[i]).collect::<Vec<_>>());
    prop_oneof![
        ids().prop_map(|v| json!({"forbids": v})),
        ids().prop_map(|v| json!({"requires": v})),
        (0..8usize, 0..8usize)
            .prop_filter("two clauses", |(a, b)| a != b)
            .prop_map(|(a, b)| json!({"forbids_together": [IDS[a], IDS[b]]})),
        (0..8usize, ids()).prop_map(|(c, w)| json!({"only_with": {"clause": IDS[c], "with": w}})),
        (0..=10i64, 0..=10i64).prop_map(|(a, b)| json!({"param": {"clause": "p", "min": a.min(b), "max": a.max(b)}})),
        expr().prop_map(|e| json!({"when": e})),
    ]
}

/// Edits from one plan to another: one per question whose answer changed,
/// one per other clause that came or went, one per value changed on a kept clause.
fn distance(from: &Selection, to: &Selection) -> usize {
    let slot = |s: &Selection, members: &[usize]| members.iter().copied().find(|&c| s.has(c));
    let mut d = 0;
    for members in [&[0usize, 1, 2][..], &[3, 4][..]] {
        if slot(from, members) != slot(to, members) {
            d += 1;
        }
    }
    for c in [5usize, 6, 7] {
        if from.has(c) != to.has(c) || from.value(c) != to.value(c) {
            d += 1;
        }
    }
    d
}

fn to_plan(lib: &Library, s: &Selection) -> Plan {
    let items = s
        .iter()
        .map(|c| crate::plan::PlanItem {
            id: lib.clauses[c].id.clone(),
            value: lib.clauses[c].param.as_ref().map(|_| s.value(c).unwrap_or_default()),
        })
        .collect();
    Plan { items, ..Plan::default() }
}

/// The brute-force reading of a settlement, written out from the definition.
struct Brute<'a> {
    lib: &'a Library,
    terms: &'a Terms,
    start: &'a Selection,
    plans: Vec<Selection>,
}

impl Brute<'_> {
    fn counted(&self, actors: &[usize]) -> Vec<PositionIx> {
        (0..self.lib.positions.len())
            .filter(|&p| {
                actors.contains(&self.lib.positions[p].actor)
                    && self.terms.strictness.counts(self.lib.positions[p].strength)
            })
            .collect()
    }

    /// Settles the questions, keeps the locks, holds no contradiction.
    fn admissible(&self, s: &Selection) -> bool {
        let answered = |q: usize| self.lib.questions[q].clauses.iter().any(|&c| s.has(c));
        let locked_value = |c: usize| self.start.value(c).unwrap_or(5);
        self.terms.settle.iter().all(|&q| answered(q))
            && self.terms.locked.iter().all(|&c| s.has(c))
            && self.terms.value_locked.iter().all(|&c| s.has(c) && (c != 7 || s.value(c) == Some(locked_value(c))))
            && !(s.has(5) && s.has(6))
    }

    fn satisfiable(&self, positions: &[PositionIx]) -> bool {
        self.plans
            .iter()
            .any(|s| self.admissible(s) && positions.iter().all(|&p| !self.lib.positions[p].crossed_when.holds(s)))
    }

    fn nearest(&self, positions: &[PositionIx]) -> Option<usize> {
        self.plans
            .iter()
            .filter(|s| self.admissible(s) && positions.iter().all(|&p| !self.lib.positions[p].crossed_when.holds(s)))
            .map(|s| distance(self.start, s))
            .min()
    }
}

fn spec() -> impl Strategy<Value = Spec> {
    proptest::collection::vec((0..3usize, 0..4usize, condition()), 3..7).prop_map(|mut v| {
        // Every actor needs a position.
        v[0].0 = 0;
        v[1].0 = 1;
        v[2].0 = 2;
        v
    })
}

fn bits(mask: u8) -> Vec<ClauseIx> {
    (0..8).filter(|&c| mask & (1 << c) != 0).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn settlements_repairs_and_conflicts_match_brute_force(
        spec in spec(),
        start in 0..576usize,
        strictness in 0..3usize,
        settle_mask in 0u8..4,
        lock_mask in 0u8..=255,
        value_lock_mask in 0u8..=255,
    ) {
        let lib = library(&spec);
        let plans = all_plans();
        let plan = plans[start].clone();
        // Locks mostly on held clauses, sometimes on one the plan must gain.
        let locked: Vec<ClauseIx> = bits(lock_mask).into_iter().filter(|&c| plan.has(c) || c % 4 == 0).collect();
        let value_locked: Vec<ClauseIx> = bits(value_lock_mask & 0x80).into_iter().filter(|&c| plan.has(c)).collect();
        let terms = Terms {
            strictness: Strictness::ALL[strictness],
            settle: (0..2).filter(|q| settle_mask & (1 << q) != 0).collect(),
            locked,
            value_locked,
            as_of: None,
        };
        let brute = Brute { lib: &lib, terms: &terms, start: &plan, plans };
        let coalition = [0, 1];
        let counted = brute.counted(&coalition);
        let search = SettlementSearch::new(&lib, &coalition, &terms);
        let mut in_order = search.counted().to_vec();
        in_order.sort_unstable();
        prop_assert_eq!(&in_order, &counted);
        let best = brute.nearest(&counted);
        prop_assert_eq!(search.possible(&plan), best.is_some());
        match search.answer(&plan, 4) {
            Answer::Settled => {
                prop_assert_eq!(best, Some(0));
                prop_assert!(search.is_settlement(&plan));
            }
            Answer::Repairs(repairs) => {
                let best = best.expect("brute force finds a settlement too");
                prop_assert!(best > 0, "the start already was one");
                prop_assert!(!repairs.is_empty() && repairs.len() <= 4);
                for r in &repairs {
                    prop_assert!(search.is_settlement(&r.result), "not a settlement: {:?}", r.edits);
                    prop_assert!(brute.admissible(&r.result), "moved a lock or left a question: {:?}", r.edits);
                    prop_assert_eq!(r.edits.len(), best, "not minimal: {:?}", r.edits);
                    prop_assert_eq!(distance(&plan, &r.result), best);
                    let mut user = to_plan(&lib, &plan);
                    r.apply_to(&lib, &mut user);
                    prop_assert_eq!(&user.selection(&lib), &r.result, "edits {:?}", r.edits);
                }
                let distinct: HashSet<&Selection> = repairs.iter().map(|r| &r.result).collect();
                prop_assert_eq!(distinct.len(), repairs.len());
                let removals = |r: &Repair| r.edits.iter().filter(|e| matches!(e, Edit::Remove { .. })).count();
                prop_assert!(repairs.windows(2).all(|w| removals(&w[0]) <= removals(&w[1])));
            }
            Answer::Conflict(conflict) => {
                prop_assert!(best.is_none(), "a conflict reported, yet a settlement exists");
                prop_assert!(!conflict.sentence.is_empty());
                prop_assert!(!brute.satisfiable(&conflict.positions), "the conflict's positions can hold together");
                prop_assert!(conflict.positions.iter().all(|p| counted.contains(p)));
                if conflict.positions.is_empty() {
                    prop_assert!(!brute.satisfiable(&[]));
                }
                for i in 0..conflict.positions.len() {
                    let mut fewer = conflict.positions.clone();
                    fewer.remove(i);
                    prop_assert!(brute.satisfiable(&fewer), "the conflict is not minimal");
                }
            }
        }
        prop_assert_eq!(search.conflict(&plan).is_none(), best.is_some());

        // Largest coalitions: exactly the maximal feasible subsets of {x, y, z}.
        let feasible = |set: u8| brute.satisfiable(&brute.counted(&(0..3).filter(|&a| set & (1 << a) != 0).collect::<Vec<_>>()));
        let mut maximal: Vec<Vec<usize>> = (1u8..8)
            .filter(|&set| feasible(set) && (1u8..8).all(|sup| sup == set || sup & set != set || !feasible(sup)))
            .map(|set| (0..3).filter(|&a| set & (1 << a) != 0).collect())
            .collect();
        let found = coalitions_among(&lib, &plan, &terms, &[0, 1, 2], true);
        let mut got: Vec<Vec<usize>> = found.coalitions.iter().map(|c| c.members.clone()).collect();
        maximal.sort();
        got.sort();
        prop_assert_eq!(got, maximal);
        for (a, conflict) in &found.alone_impossible {
            prop_assert!(!feasible(1 << a));
            prop_assert!(!brute.satisfiable(&conflict.positions));
        }
        for c in &found.coalitions {
            for (outsider, conflict) in &c.blocked {
                prop_assert!(!c.members.contains(outsider));
                prop_assert!(!brute.satisfiable(&conflict.positions), "the reason is no conflict");
                prop_assert!(conflict.positions.iter().any(|&p| lib.positions[p].actor == *outsider));
            }
        }
        // Who can agree with whom, against the same brute force.
        let table = agreement(&lib, &plan, &terms);
        for i in 0..3 {
            for j in 0..3 {
                prop_assert_eq!(table.get(i, j), feasible(1 << i | 1 << j) && feasible(1 << i) && feasible(1 << j));
            }
        }
    }
}

#[test]
fn strictness_counts_the_strengths_at_or_above_it_and_never_a_concern() {
    use Strength::*;
    assert!(Strictness::Hard.counts(Hard) && !Strictness::Hard.counts(Firm));
    assert!(Strictness::Firm.counts(Firm) && !Strictness::Firm.counts(Preference));
    assert!(Strictness::Preference.counts(Preference) && !Strictness::Preference.counts(Concern));
    assert_eq!(Strictness::parse("firm"), Some(Strictness::Firm));
    assert_eq!(Strictness::parse("soft"), None);
}

#[test]
fn a_value_change_comes_before_a_removal_and_a_locked_value_stays_free() {
    // x rejects p below 8; p is held at 4 and locked (the value is free).
    let spec: Spec = vec![
        (0, 0, json!({"when": {"below": {"clause": "p", "value": 8}}})),
        (1, 0, json!({"forbids": ["c"]})),
        (2, 0, json!({"forbids": ["d"]})),
    ];
    let lib = library(&spec);
    let mut plan = Selection::empty(8);
    plan.insert(7, 4);
    let free = SettlementSearch::new(&lib, &[0], &Terms::default());
    let Answer::Repairs(repairs) = free.answer(&plan, 5) else { panic!("a repair") };
    let edits: Vec<&[Edit]> = repairs.iter().map(|r| r.edits.as_slice()).collect();
    assert_eq!(edits, [&[Edit::SetValue { clause: 7, value: 8 }][..], &[Edit::Remove { clause: 7 }]]);
    let locked = SettlementSearch::new(&lib, &[0], &Terms { locked: vec![7], ..Terms::default() });
    let Answer::Repairs(repairs) = locked.answer(&plan, 5) else { panic!("a repair") };
    assert_eq!(repairs.len(), 1);
    assert_eq!(repairs[0].edits, [Edit::SetValue { clause: 7, value: 8 }]);
    let value_locked = SettlementSearch::new(&lib, &[0], &Terms { value_locked: vec![7], ..Terms::default() });
    let Answer::Conflict(conflict) = value_locked.answer(&plan, 5) else { panic!("no repair") };
    assert_eq!(conflict.positions, [0]);
    assert_eq!(conflict.sentence, "Position 0 (X, hard red line): no settlement meets it while “p” stays.");
}

#[test]
fn an_unanswered_question_to_settle_is_answered_and_two_locked_answers_conflict() {
    let spec: Spec = vec![
        (0, 1, json!({"forbids": ["a0", "a1"]})),
        (1, 1, json!({"forbids": ["a2"]})),
        (2, 0, json!({"forbids": ["d"]})),
    ];
    let lib = library(&spec);
    let blank = Selection::empty(8);
    let terms = Terms { strictness: Strictness::Firm, settle: vec![0], ..Terms::default() };
    let alone = SettlementSearch::new(&lib, &[0], &terms);
    let Answer::Repairs(r) = alone.answer(&blank, 5) else { panic!() };
    assert_eq!(r[0].edits, [Edit::Add { clause: 2, value: 0 }]);
    let both = SettlementSearch::new(&lib, &[0, 1], &terms);
    let Answer::Conflict(c) = both.answer(&blank, 5) else { panic!() };
    assert_eq!(c.positions, [0, 1]);
    assert_eq!(c.sentence, "Position 0 (X, firm demand); Position 1 (Y, firm demand): no answer to “A” meets both.");
    // At hard, neither counts: any answer will do.
    let hard = SettlementSearch::new(&lib, &[0, 1], &Terms { strictness: Strictness::Hard, ..terms.clone() });
    assert!(hard.possible(&blank));
    let two_locks = SettlementSearch::new(&lib, &[2], &Terms { locked: vec![0, 1], ..Terms::default() });
    let Answer::Conflict(c) = two_locks.answer(&blank, 5) else { panic!() };
    assert!(c.positions.is_empty() && c.sentence.starts_with("The locked clauses"));
}

#[test]
fn a_conflict_names_the_question_its_lock_answers() {
    // x rejects a0 and b0; b0 is locked, and question A is to be settled: the
    // conflict is over B (b0's question), whatever answer A gets.
    let spec: Spec = vec![
        (0, 1, json!({"forbids": ["a0", "b0"]})),
        (1, 0, json!({"forbids": ["c"]})),
        (2, 0, json!({"forbids": ["d"]})),
    ];
    let lib = library(&spec);
    let mut plan = Selection::empty(8);
    plan.insert(3, 0);
    let terms = Terms { strictness: Strictness::Firm, settle: vec![0], locked: vec![3], ..Terms::default() };
    let Answer::Conflict(c) = SettlementSearch::new(&lib, &[0], &terms).answer(&plan, 5) else { panic!("no repair") };
    assert_eq!(c.sentence, "Position 0 (X, firm demand): no settlement meets it on “B” while “b0” stays.");
}
