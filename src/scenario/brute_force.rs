//! "What would it take" against brute force on generated small libraries:
//! every plan the universe allows is tried for every set of positions, so
//! "valid", "minimal" and "none missing up to the size shown" are checked,
//! not trusted; and each set, made the scenario, leaves a settlement.

use proptest::prelude::*;

use crate::library::{ClauseIx, Library, PositionIx, Selection, Strength};
use crate::scenario::{what_would_it_take, Correction, Limits, Scenario, WhatItTakes};
use crate::settle::universe::*;
use crate::settle::{SettlementSearch, Strictness, Terms};
use serde_json::{json, Value};

/// Mostly `forbids` and `requires` over the questions' alternatives, which
/// collide across actors often enough that most cases have something to set
/// aside; every other kind of condition too.
fn condition() -> impl Strategy<Value = Value> {
    let ids =
        || proptest::collection::vec(0..8usize, 1..3).prop_map(|v| v.into_iter().map(|i| IDS[i]).collect::<Vec<_>>());
    let answers =
        || proptest::collection::vec(0..5usize, 1..3).prop_map(|v| v.into_iter().map(|i| IDS[i]).collect::<Vec<_>>());
    prop_oneof![
        3 => answers().prop_map(|v| json!({"forbids": v})),
        4 => answers().prop_map(|v| json!({"requires": v})),
        1 => ids().prop_map(|v| json!({"forbids": v})),
        1 => ids().prop_map(|v| json!({"requires": v})),
        1 => (0..8usize, 0..8usize)
            .prop_filter("two clauses", |(a, b)| a != b)
            .prop_map(|(a, b)| json!({"forbids_together": [IDS[a], IDS[b]]})),
        1 => (0..8usize, ids()).prop_map(|(c, w)| json!({"only_with": {"clause": IDS[c], "with": w}})),
        1 => (0..=10i64, 0..=10i64).prop_map(|(a, b)| json!({"param": {"clause": "p", "min": a.min(b), "max": a.max(b)}})),
        1 => expr().prop_map(|e| json!({"when": e})),
    ]
}

/// (actor 0..3, strength, condition) per position, most of them hard; every actor has one.
fn spec() -> impl Strategy<Value = Vec<(usize, usize, Value)>> {
    proptest::collection::vec((0..3usize, prop_oneof![2 => Just(0usize), 1 => 0..4usize], condition()), 4..11).prop_map(
        |mut v| {
            v[0].0 = 0;
            v[1].0 = 1;
            v[2].0 = 2;
            v
        },
    )
}

/// Settlements by the definition, over every plan: per admissible plan
/// (questions answered, locks kept, no contradiction), the bitmask of the
/// candidates it crosses read as final.
struct Brute {
    candidates: Vec<PositionIx>,
    crossed: Vec<u32>,
}

impl Brute {
    fn new(lib: &Library, coalition: &[usize], terms: &Terms) -> Brute {
        let counts = |s: Strength| match terms.strictness {
            Strictness::Hard => s == Strength::Hard,
            Strictness::Firm => matches!(s, Strength::Hard | Strength::Firm),
            Strictness::Preference => s != Strength::Concern,
        };
        let candidates: Vec<PositionIx> = (0..lib.positions.len())
            .filter(|&p| coalition.contains(&lib.positions[p].actor) && counts(lib.positions[p].strength))
            .collect();
        let admissible = |s: &Selection| {
            let answered = |q: usize| lib.questions[q].clauses.iter().any(|&c| s.has(c));
            terms.settle.iter().all(|&q| answered(q))
                && terms.locked.iter().all(|&c| s.has(c))
                && !(s.has(5) && s.has(6))
        };
        let crossed = all_plans()
            .iter()
            .filter(|s| admissible(s))
            .map(|s| {
                candidates
                    .iter()
                    .enumerate()
                    .filter(|(_, &p)| lib.positions[p].crossed_when.holds(s))
                    .fold(0, |m, (i, _)| m | 1 << i)
            })
            .collect();
        Brute { candidates, crossed }
    }

    /// Whether a settlement exists with the candidates in `set_aside` (a bitmask) set aside.
    fn settles_without(&self, set_aside: u32) -> bool {
        self.crossed.iter().any(|&m| m & !set_aside == 0)
    }

    /// Every minimal correction set, as bitmasks, by size then value.
    fn minimal_corrections(&self) -> Vec<u32> {
        let n = self.candidates.len();
        let mut out: Vec<u32> = (0u32..1 << n)
            .filter(|&s| {
                self.settles_without(s)
                    && (0..n).filter(|i| s & (1 << i) != 0).all(|i| !self.settles_without(s & !(1 << i)))
            })
            .collect();
        out.sort_by_key(|s| (s.count_ones(), *s));
        out
    }

    fn mask(&self, positions: &[PositionIx]) -> u32 {
        positions
            .iter()
            .map(|p| self.candidates.iter().position(|c| c == p).expect("a candidate"))
            .fold(0, |m, i| m | 1 << i)
    }
}

fn bits(mask: u8) -> Vec<ClauseIx> {
    (0..8).filter(|&c| mask & (1 << c) != 0).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn correction_sets_are_valid_minimal_and_complete_up_to_the_size_shown(
        spec in spec(),
        start in 0..576usize,
        strictness in 0..3usize,
        // All three actors half the time.
        coalition_mask in prop_oneof![Just(7u8), 1u8..8],
        settle_mask in 0u8..4,
        lock_mask in 0u8..=255,
        max_size in 0usize..5,
        max_sets in 1usize..9,
        // A small search budget now and then.
        max_searched in prop_oneof![3 => Just(usize::MAX), 1 => 0usize..6],
    ) {
        let lib = library(&spec);
        let plan = all_plans()[start].clone();
        let coalition: Vec<usize> = (0..3).filter(|a| coalition_mask & (1 << a) != 0).collect();
        // Locks rarely, so that most cases have positions to blame.
        let locked = if lock_mask < 32 { bits(lock_mask & 0b1010_0001) } else { Vec::new() };
        let terms = Terms {
            strictness: Strictness::ALL[strictness],
            settle: (0..2).filter(|q| settle_mask & (1 << q) != 0).collect(),
            locked,
            ..Terms::default()
        };
        let brute = Brute::new(&lib, &coalition, &terms);
        let counted = SettlementSearch::new(&lib, &coalition, &terms).counted().to_vec();
        let mut sorted = counted.clone();
        sorted.sort_unstable();
        prop_assert_eq!(&sorted, &brute.candidates);
        let limits = Limits { max_size, max_sets, max_searched };
        match what_would_it_take(&lib, &coalition, &terms, &plan, limits) {
            WhatItTakes::NothingToSetAside => prop_assert!(brute.settles_without(0)),
            WhatItTakes::Impossible(conflict) => {
                prop_assert!(conflict.positions.is_empty());
                prop_assert!(!brute.settles_without(u32::MAX), "setting everything aside would settle");
            }
            WhatItTakes::Corrections(found) => {
                prop_assert!(!brute.settles_without(0) && brute.settles_without(u32::MAX));
                let all = brute.minimal_corrections();
                let masks: Vec<u32> = found.sets.iter().map(|c| brute.mask(&c.positions)).collect();
                prop_assert!(masks.len() <= max_sets);
                prop_assert!(found.complete_up_to <= max_size);
                for (c, &m) in found.sets.iter().zip(&masks) {
                    prop_assert!(all.contains(&m), "{:?} is not a minimal correction set", c.positions);
                    prop_assert!(c.positions.len() <= max_size);
                    // In the coalition's order, each once.
                    let order: Vec<usize> = c.positions.iter().map(|p| counted.iter().position(|q| q == p).unwrap()).collect();
                    prop_assert!(order.windows(2).all(|w| w[0] < w[1]));
                    // Its settlement is one, and keeps the locks.
                    let left: Vec<PositionIx> = brute.candidates.iter().copied().filter(|p| !c.positions.contains(p)).collect();
                    let search = SettlementSearch::for_positions(&lib, &left, &terms);
                    prop_assert!(search.is_settlement(&c.settlement.result) && search.keeps_locks(&plan, &c.settlement.result));
                }
                prop_assert!(masks.windows(2).all(|w| w[0].count_ones() <= w[1].count_ones()), "smallest first");
                // Within a size, fewer hard red lines first, then fewer firm demands, ...
                let cost = |c: &Correction| {
                    let mut cost = [0usize; 4];
                    for &p in &c.positions {
                        cost[lib.positions[p].strength as usize] += 1;
                    }
                    cost
                };
                prop_assert!(found.sets.windows(2).all(|w| w[0].positions.len() < w[1].positions.len() || cost(&w[0]) <= cost(&w[1])),
                    "within a size, what asks least first: {:?}", found.sets.iter().map(cost).collect::<Vec<_>>());
                let mut distinct = masks.clone();
                distinct.sort_unstable();
                distinct.dedup();
                prop_assert_eq!(distinct.len(), masks.len());
                // None missing up to the size shown.
                let up_to: Vec<u32> = all.iter().copied().filter(|m| m.count_ones() as usize <= found.complete_up_to).collect();
                prop_assert!(up_to.iter().all(|m| masks.contains(m)), "missing: {:?} of {:?}", up_to, masks);
                if found.all {
                    prop_assert_eq!(distinct, { let mut a = all.clone(); a.sort_unstable(); a });
                }
                // Uncapped and deep enough, the list is complete.
                if max_searched == usize::MAX && max_sets >= all.len() && all.iter().all(|m| m.count_ones() as usize <= max_size) {
                    prop_assert_eq!(masks.len(), all.len());
                }
                // Made the scenario, each set leaves a settlement.
                if let Some(first) = found.sets.first() {
                    let mut scenario = Scenario::default();
                    scenario.set_aside_positions(&lib, &first.positions);
                    let (applied, warnings) = scenario.apply(&lib);
                    prop_assert!(warnings.is_empty());
                    prop_assert_eq!(what_would_it_take(&applied, &coalition, &terms, &plan, limits), WhatItTakes::NothingToSetAside);
                }
            }
        }
    }
}

/// On the real library: every pair of parties at each strictness, from the
/// blank plan with the default questions. Each set, made the scenario,
/// leaves a settlement; with any one of its positions kept, none; and no
/// pair runs out of search budget before the size searched.
#[test]
fn on_the_real_library_every_set_settles_and_none_is_larger_than_it_needs_to_be() {
    use crate::settle::{default_settle, parties};
    let lib = Library::embedded().unwrap_or_else(|e| panic!("{e}"));
    let blank = Selection::empty(lib.clauses.len());
    let parties = parties(&lib);
    let mut checked = 0;
    for strictness in Strictness::ALL {
        let terms = Terms { strictness, settle: default_settle(&lib), ..Terms::default() };
        for (i, &a) in parties.iter().enumerate() {
            for &b in &parties[i + 1..] {
                let pair = [a, b];
                let WhatItTakes::Corrections(found) =
                    what_would_it_take(&lib, &pair, &terms, &blank, Limits::default())
                else {
                    continue;
                };
                let names = format!("{} + {} [{}]", lib.actors[a].id, lib.actors[b].id, strictness.id());
                assert!(found.all || found.complete_up_to == Limits::default().max_size, "{names}: cut short");
                for c in &found.sets {
                    let possible_without = |set: &[PositionIx]| {
                        let mut scenario = Scenario::default();
                        scenario.set_aside_positions(&lib, set);
                        let (applied, warnings) = scenario.apply(&lib);
                        assert!(warnings.is_empty(), "{warnings:?}");
                        SettlementSearch::new(&applied, &pair, &terms).possible(&blank)
                    };
                    assert!(possible_without(&c.positions), "{names}: {:?} does not settle", c.positions);
                    for keep in &c.positions {
                        let rest: Vec<PositionIx> = c.positions.iter().copied().filter(|p| p != keep).collect();
                        assert!(!possible_without(&rest), "{names}: {:?} settles without {keep}", c.positions);
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 0, "some pair has no settlement at some strictness");
}
