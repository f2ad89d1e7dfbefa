//! Repairs on the real library: every proposed repair clears the
//! coalition's hard red lines, keeps locked clauses, and none smaller exists.

use redline::editor::Editor;
use redline::library::Library;
use redline::plan::Plan;
use redline::repair::{agreement, Outcome, RepairSearch};

#[test]
fn repairs_of_the_28_point_plan_for_every_pair_are_valid_and_minimal() {
    let lib = Library::embedded().unwrap_or_else(|e| panic!("{e}"));
    let plan = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap()).selection(&lib);
    let mut repaired = 0;
    for a in 0..lib.actors.len() {
        for b in a + 1..lib.actors.len() {
            let search = RepairSearch::new(&lib, &[a, b], &[], None);
            let Outcome::Repairs(repairs) = search.repairs(&plan, 5, 6) else { continue };
            repaired += 1;
            let k = repairs[0].edits.len();
            for r in &repairs {
                assert!(
                    search.crossed(&r.result).is_empty(),
                    "{} + {}: a repair still crosses",
                    lib.actors[a].id,
                    lib.actors[b].id
                );
                assert_eq!(r.edits.len(), k, "all repairs offered have the minimal size");
                assert!(!r.resolves.is_empty());
            }
            if k > 1 {
                assert_eq!(search.repairs(&plan, 1, k - 1), Outcome::NoneWithin(k - 1), "a smaller repair exists");
            }
        }
    }
    assert!(repaired > 10, "the 28-point plan needs repairs for many pairs ({repaired})");
}

#[test]
fn locked_clauses_are_never_touched() {
    let lib = Library::embedded().unwrap_or_else(|e| panic!("{e}"));
    let plan = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap()).selection(&lib);
    let ukraine = lib.actor_ix("ukraine").unwrap();
    let russia = lib.actor_ix("russia").unwrap();
    let locked: Vec<usize> = plan.iter().take(5).collect();
    let search = RepairSearch::new(&lib, &[ukraine, russia], &locked, None);
    if let Outcome::Repairs(repairs) = search.repairs(&plan, 5, 6) {
        for r in repairs {
            for &c in &locked {
                assert!(
                    r.result.has(c) && r.result.value(c) == plan.value(c),
                    "locked clause {} moved",
                    lib.clauses[c].id
                );
            }
        }
    }
}

#[test]
fn applied_to_the_users_plan_every_repair_gives_its_result_in_one_undo_step() {
    let lib = Library::embedded().unwrap_or_else(|e| panic!("{e}"));
    let start = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap());
    let plan = start.selection(&lib);
    for a in 0..lib.actors.len() {
        for b in a + 1..lib.actors.len() {
            let Outcome::Repairs(repairs) = RepairSearch::new(&lib, &[a, b], &[], None).repairs(&plan, 5, 6) else {
                continue;
            };
            for r in &repairs {
                let mut editor = Editor::new(start.clone());
                assert!(editor.apply(|p| r.apply_to(&lib, p)));
                assert_eq!(editor.plan().selection(&lib), r.result, "{:?}", r.edits);
                for e in &r.edits {
                    assert!(!e.describe(&lib).is_empty());
                }
                assert!(editor.undo() && !editor.can_undo());
                assert_eq!(editor.plan(), &start);
            }
        }
    }
}

#[test]
fn who_can_agree_matches_the_conflicts_pair_by_pair() {
    let lib = Library::embedded().unwrap_or_else(|e| panic!("{e}"));
    let plan = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap()).selection(&lib);
    let n = lib.actors.len();
    // Nothing locked: the blank plan crosses no hard red line, so every pair can agree.
    assert!(agreement(&lib, &plan, &[], None).iter().all(|&ok| ok));
    let locked: Vec<usize> = plan.iter().collect();
    let matrix = agreement(&lib, &plan, &locked, None);
    for a in 0..n {
        for b in 0..n {
            let coalition = if a == b { vec![a] } else { vec![a, b] };
            let conflict = RepairSearch::new(&lib, &coalition, &locked, None).conflict(&plan);
            assert_eq!(matrix[a * n + b], conflict.is_none(), "{} + {}", lib.actors[a].id, lib.actors[b].id);
        }
    }
    assert!(matrix.iter().any(|&ok| !ok), "the whole 28-point plan locked leaves some pair unable to agree");
}
