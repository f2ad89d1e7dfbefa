//! Settlements on the real library: every answer checked by evaluating it,
//! for every pair and triple of parties at each strictness, from the blank
//! plan and from every preset.

use redline::editor::Editor;
use redline::evaluate::{Standing, Standings};
use redline::library::{Library, Selection};
use redline::plan::Plan;
use redline::repair::Edit;
use redline::settle::{
    agreement as settle_agreement, coalitions, decided_by, default_settle, parties, Answer, SettlementSearch,
    Strictness, Terms,
};

fn library() -> Library {
    Library::embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn question(lib: &Library, id: &str) -> usize {
    lib.questions.iter().position(|q| q.id == id).unwrap_or_else(|| panic!("no question {id}"))
}

fn default_terms(lib: &Library, strictness: Strictness) -> Terms {
    Terms { strictness, settle: default_settle(lib), ..Terms::default() }
}

#[test]
fn the_default_questions_are_those_the_major_plans_decide() {
    let lib = library();
    let ids: Vec<&str> = default_settle(&lib).iter().map(|&q| lib.questions[q].id.as_str()).collect();
    for wanted in [
        "crimea-status",
        "donbas-status",
        "south-status",
        "nato-membership",
        "ukraine-alignment",
        "army-size",
        "foreign-forces",
        "us-troops",
    ] {
        assert!(ids.contains(&wanted), "{wanted} missing from {ids:?}");
    }
    assert!(!ids.contains(&"war-damages-claims") && !ids.contains(&"negotiation-table"), "{ids:?}");
    // Of the major plans only the Paris Declaration names guarantors: the
    // 28-point plan's "reliable" guarantees name none, which settles nothing.
    assert!(!ids.contains(&"guarantors"), "{ids:?}");
    let us28 = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap()).selection(&lib);
    assert!(decided_by(&lib, &us28).contains(&question(&lib, "crimea-status")));
    assert!(decided_by(&lib, &Selection::empty(lib.clauses.len())).is_empty());
}

#[test]
fn ukraine_and_russia_cannot_settle_at_firm_and_the_conflict_quotes_both() {
    let lib = library();
    let (ukraine, russia) = (lib.actor_ix("ukraine").unwrap(), lib.actor_ix("russia").unwrap());
    let blank = Selection::empty(lib.clauses.len());
    let search = SettlementSearch::new(&lib, &[ukraine, russia], &default_terms(&lib, Strictness::Firm));
    let Answer::Conflict(conflict) = search.answer(&blank, 5) else { panic!("Ukraine and Russia settle at firm") };
    let actors: Vec<usize> = conflict.positions.iter().map(|&p| lib.positions[p].actor).collect();
    assert!(actors.contains(&ukraine) && actors.contains(&russia), "{}", conflict.sentence);
    for &p in &conflict.positions {
        assert!(!lib.positions[p].cite[0].quote.is_empty());
        assert!(conflict.sentence.contains(&lib.actors[lib.positions[p].actor].name));
    }
    assert!(conflict.sentence.contains("no answer to “") || conflict.sentence.contains("no settlement"));
    // At hard red lines only, they can.
    let hard = SettlementSearch::new(&lib, &[ukraine, russia], &default_terms(&lib, Strictness::Hard));
    assert!(hard.possible(&blank));
}

#[test]
fn the_us_and_ukraine_settle_at_hard_and_the_pairs_table_has_structure_at_firm() {
    let lib = library();
    let (ukraine, usa) = (lib.actor_ix("ukraine").unwrap(), lib.actor_ix("usa").unwrap());
    let blank = Selection::empty(lib.clauses.len());
    let terms = default_terms(&lib, Strictness::Hard);
    let search = SettlementSearch::new(&lib, &[usa, ukraine], &terms);
    let Answer::Repairs(repairs) = search.answer(&blank, 5) else { panic!("no settlement for the US and Ukraine") };
    for r in &repairs {
        assert!(search.is_settlement(&r.result));
        assert!(search.unsettled(&r.result).is_empty());
    }
    let table = settle_agreement(&lib, &blank, &default_terms(&lib, Strictness::Firm));
    assert_eq!(table.parties, parties(&lib));
    assert!(table.ok.iter().any(|&ok| !ok), "every pair agrees at firm");
    let blocked = table.blocked_pairs();
    assert!(blocked.contains(&(ukraine, lib.actor_ix("russia").unwrap())), "{blocked:?}");
    assert!(settle_agreement(&lib, &blank, &terms).ok.iter().all(|&ok| ok), "at hard every pair can settle");
}

#[test]
fn a_locked_army_cap_is_raised_not_removed() {
    let lib = library();
    let plan = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap()).selection(&lib);
    let cap = lib.clause_ix("army-cap").unwrap();
    let coalition = ["ukraine", "usa", "eu"].map(|a| lib.actor_ix(a).unwrap());
    let raise = Edit::SetValue { clause: cap, value: 610_000 };
    for locked in [vec![], vec![cap]] {
        let terms = Terms { locked: locked.clone(), ..Terms::default() };
        let Answer::Repairs(repairs) = SettlementSearch::new(&lib, &coalition, &terms).answer(&plan, 5) else {
            panic!("no repair with {locked:?} locked")
        };
        assert!(repairs[0].edits.contains(&raise), "{:?}", repairs[0].edits);
        assert!(repairs.iter().all(|r| r.result.has(cap) || locked.is_empty()));
    }
    // With its value locked too, the cap at 600,000 cannot stand with Ukraine's line.
    let terms = Terms { locked: vec![cap], value_locked: vec![cap], ..Terms::default() };
    let Answer::Conflict(conflict) = SettlementSearch::new(&lib, &coalition, &terms).answer(&plan, 5) else {
        panic!("a value-locked 600,000 cap was repaired")
    };
    assert!(conflict.sentence.contains("Cap on Ukraine's peacetime armed forces"), "{}", conflict.sentence);
}

/// A settlement, checked by evaluating it as the app does: it answers every
/// chosen question, holds no contradiction, keeps the locks, and leaves no
/// counted position crossed or open.
fn check_settlement(lib: &Library, search: &SettlementSearch, terms: &Terms, start: &Selection, s: &Selection) {
    for &q in &terms.settle {
        assert!(lib.questions[q].clauses.iter().any(|&c| s.has(c)), "{} left open", lib.questions[q].id);
    }
    assert!(s.iter().all(|c| !lib.clauses[c].settled_against(s)), "a contradiction held");
    assert!(search.keeps_locks(start, s));
    let standings = Standings::of(lib, s, terms.as_of);
    for &p in search.counted() {
        assert!(!lib.positions[p].crossed_when.holds(s), "{} not respected", lib.positions[p].id);
        assert!(!matches!(standings.positions[p], Some(Standing::Crossed | Standing::Open)));
    }
}

#[test]
fn every_pair_and_triple_at_hard_from_every_start_is_checked_by_evaluating_it() {
    every_pair_and_triple_checked(Strictness::Hard);
}

#[test]
fn every_pair_and_triple_at_firm_from_every_start_is_checked_by_evaluating_it() {
    every_pair_and_triple_checked(Strictness::Firm);
}

#[test]
fn every_pair_and_triple_at_preference_from_every_start_is_checked_by_evaluating_it() {
    every_pair_and_triple_checked(Strictness::Preference);
}

/// From the blank plan and every preset, with the default questions: each
/// answer checked by evaluating it (conflicts once per coalition: with
/// nothing locked they do not depend on the start).
fn every_pair_and_triple_checked(strictness: Strictness) {
    let lib = library();
    let parties = parties(&lib);
    let mut coalitions_of: Vec<Vec<usize>> = Vec::new();
    for i in 0..parties.len() {
        for j in i + 1..parties.len() {
            coalitions_of.push(vec![parties[i], parties[j]]);
            for k in j + 1..parties.len() {
                coalitions_of.push(vec![parties[i], parties[j], parties[k]]);
            }
        }
    }
    let starts: Vec<Selection> = std::iter::once(Selection::empty(lib.clauses.len()))
        .chain((0..lib.presets.len()).map(|p| Plan::from_preset(&lib, p).selection(&lib)))
        .collect();
    let (mut repaired, mut conflicts) = (0usize, 0usize);
    let mut checked_conflicts = std::collections::HashSet::new();
    {
        let terms = default_terms(&lib, strictness);
        for (s, start) in starts.iter().enumerate() {
            for coalition in &coalitions_of {
                let search = SettlementSearch::new(&lib, coalition, &terms);
                match search.answer(start, 1) {
                    Answer::Settled => check_settlement(&lib, &search, &terms, start, start),
                    Answer::Repairs(repairs) => {
                        repaired += 1;
                        let k = repairs[0].edits.len();
                        for r in &repairs {
                            check_settlement(&lib, &search, &terms, start, &r.result);
                            assert_eq!(r.edits.len(), k);
                        }
                        assert!(k > 0);
                    }
                    Answer::Conflict(conflict) => {
                        conflicts += 1;
                        assert!(!conflict.positions.is_empty() && !conflict.sentence.is_empty());
                        if !checked_conflicts.insert(coalition.clone()) {
                            continue;
                        }
                        assert_eq!(s, 0, "a coalition that settles from the blank plan conflicts from a preset");
                        // Minimal: without any one of its positions, a settlement exists, checked by evaluating it.
                        for drop in &conflict.positions {
                            let rest: Vec<usize> = conflict.positions.iter().copied().filter(|p| p != drop).collect();
                            match SettlementSearch::for_positions(&lib, &rest, &terms).answer(start, 1) {
                                Answer::Repairs(r) => check_only(&lib, &terms, &rest, &r[0].result),
                                Answer::Settled => check_only(&lib, &terms, &rest, start),
                                Answer::Conflict(_) => panic!("conflict {:?} is not minimal", conflict.positions),
                            }
                        }
                        let all = SettlementSearch::for_positions(&lib, &conflict.positions, &terms);
                        assert!(!all.possible(start), "the conflict's positions can hold together");
                    }
                }
            }
        }
    }
    assert!(repaired > 0, "{repaired} repaired");
    assert_eq!(conflicts > 0, strictness != Strictness::Hard, "{conflicts} conflicts");
}

/// A witness for a subset of positions: it settles the questions, holds no
/// contradiction and respects every one of them.
fn check_only(lib: &Library, terms: &Terms, positions: &[usize], s: &Selection) {
    for &q in &terms.settle {
        assert!(lib.questions[q].clauses.iter().any(|&c| s.has(c)));
    }
    assert!(s.iter().all(|c| !lib.clauses[c].settled_against(s)));
    for &p in positions {
        assert!(!lib.positions[p].crossed_when.holds(s));
    }
}

#[test]
fn the_largest_coalitions_are_maximal_and_feasible() {
    let lib = library();
    let blank = Selection::empty(lib.clauses.len());
    for strictness in Strictness::ALL {
        let terms = default_terms(&lib, strictness);
        let found = coalitions(&lib, &blank, &terms);
        assert!(!found.coalitions.is_empty());
        for c in &found.coalitions {
            assert!(SettlementSearch::new(&lib, &c.members, &terms).possible(&blank));
            for &(outsider, ref conflict) in &c.blocked {
                let mut bigger = c.members.clone();
                bigger.push(outsider);
                assert!(!SettlementSearch::new(&lib, &bigger, &terms).possible(&blank));
                assert!(
                    conflict.positions.iter().any(|&p| lib.positions[p].actor == outsider),
                    "{}",
                    conflict.sentence
                );
            }
        }
        if strictness == Strictness::Hard {
            assert_eq!(found.coalitions.len(), 1, "at hard every party can settle together");
        }
    }
}

#[test]
fn applied_to_the_users_plan_every_nearest_settlement_gives_its_result_in_one_undo_step() {
    let lib = library();
    let start = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap());
    let plan = start.selection(&lib);
    let parties = parties(&lib);
    let mut applied = 0;
    for strictness in [Strictness::Hard, Strictness::Firm] {
        let terms = default_terms(&lib, strictness);
        for (i, &a) in parties.iter().enumerate() {
            for &b in &parties[i + 1..] {
                let Answer::Repairs(repairs) = SettlementSearch::new(&lib, &[a, b], &terms).answer(&plan, 5) else {
                    continue;
                };
                for r in &repairs {
                    let mut editor = Editor::new(start.clone());
                    assert!(editor.apply(|p| r.apply_to(&lib, p)));
                    assert_eq!(editor.plan().selection(&lib), r.result, "{:?}", r.edits);
                    assert!(r.edits.iter().all(|e| !e.describe(&lib).is_empty()));
                    assert!(editor.undo() && !editor.can_undo());
                    assert_eq!(editor.plan(), &start);
                    applied += 1;
                }
            }
        }
    }
    assert!(applied > 100, "only {applied} settlements applied");
}
