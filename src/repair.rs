//! Minimal repairs: the fewest edits to a plan (add, remove or switch a
//! clause, or change a value) after which no actor of a coalition has a hard
//! red line crossed, with locked clauses left as they are.
//!
//! Exact by construction: iterative deepening over edits, branching only on
//! clauses named by a position the plan still crosses (any repair must
//! change one of them, so nothing is missed), with values drawn from the
//! thresholds the conditions test (values between two thresholds behave
//! alike). The first depth that yields a repair is the minimum. Checked
//! against brute force in the tests.

use std::collections::{HashMap, HashSet};

use crate::date::Date;
use crate::evaluate::crosses;
use crate::library::{ActorIx, ClauseIx, Condition, Library, PositionIx, Selection, Strength};
use crate::plan::Plan;

/// One edit of a repair.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Edit {
    Add {
        clause: ClauseIx,
        value: i64,
    },
    Remove {
        clause: ClauseIx,
    },
    /// Replace one answer of a question with another.
    Switch {
        from: ClauseIx,
        to: ClauseIx,
        value: i64,
    },
    SetValue {
        clause: ClauseIx,
        value: i64,
    },
}

impl Edit {
    /// The edit as a user reads it: "Switch “A” to “B”", "Set “Cap” to 600,000 personnel".
    pub fn describe(&self, library: &Library) -> String {
        let title = |c: ClauseIx| &library.clauses[c].title;
        let at = |c: ClauseIx, v: i64| library.clauses[c].param.as_ref().map(|p| format!(" at {}", p.format(v)));
        match *self {
            Edit::Add { clause, value } => format!("Add “{}”{}", title(clause), at(clause, value).unwrap_or_default()),
            Edit::Remove { clause } => format!("Remove “{}”", title(clause)),
            Edit::Switch { from, to, value } => {
                format!("Switch “{}” to “{}”{}", title(from), title(to), at(to, value).unwrap_or_default())
            }
            Edit::SetValue { clause, value } => format!(
                "Set “{}” to {}",
                title(clause),
                library.clauses[clause].param.as_ref().map_or_else(|| value.to_string(), |p| p.format(value))
            ),
        }
    }

    /// Makes the edit on a user's plan, keeping its order: a switch takes
    /// the replaced clause's place, an added clause goes last.
    pub fn apply_to(&self, library: &Library, plan: &mut Plan) {
        match *self {
            Edit::Add { clause, value } | Edit::Switch { to: clause, value, .. } => {
                // `Plan::add` replaces the held alternative of the same question in place.
                plan.add(library, clause);
                plan.set_value(library, clause, value);
            }
            Edit::Remove { clause } => {
                plan.remove(&library.clauses[clause].id);
            }
            Edit::SetValue { clause, value } => {
                plan.set_value(library, clause, value);
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub edits: Vec<Edit>,
    /// The coalition's hard positions the original plan crossed and this one does not.
    pub resolves: Vec<PositionIx>,
    pub result: Selection,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The plan crosses no hard red line of the coalition.
    AlreadyAcceptable,
    /// Every repair found has the minimal number of edits (up to the number asked for).
    Repairs(Vec<Repair>),
    /// No repair of at most `max_edits` edits exists.
    NoneWithin(usize),
}

impl Repair {
    /// Makes every edit on a user's plan; inside one `Editor::apply` it is one undo step.
    pub fn apply_to(&self, library: &Library, plan: &mut Plan) {
        self.edits.iter().for_each(|e| e.apply_to(library, plan));
    }
}

/// One depth of the iterative deepening.
#[derive(Default)]
struct Walk {
    depth: usize,
    wanted: usize,
    path: Vec<Edit>,
    found: Vec<Repair>,
    /// Results already found, so each repair differs in what it yields.
    seen: HashSet<Selection>,
    /// A state already explored with at least as many edits left can add nothing.
    explored: HashMap<Selection, usize>,
}

/// The search: the coalition's hard positions in force and the locked clauses.
pub struct RepairSearch<'a> {
    library: &'a Library,
    hard: Vec<PositionIx>,
    locked: Vec<ClauseIx>,
}

impl<'a> RepairSearch<'a> {
    pub fn new(
        library: &'a Library,
        coalition: &[ActorIx],
        locked: &[ClauseIx],
        as_of: Option<Date>,
    ) -> RepairSearch<'a> {
        let hard = coalition
            .iter()
            .flat_map(|&a| library.actors[a].positions.iter().copied())
            .filter(|&p| library.positions[p].strength == Strength::Hard && library.in_force(p, as_of))
            .collect();
        RepairSearch { library, hard, locked: locked.to_vec() }
    }

    /// The coalition's hard positions the plan crosses, in a fixed order.
    pub fn crossed(&self, plan: &Selection) -> Vec<PositionIx> {
        self.hard.iter().copied().filter(|&p| crosses(self.library, p, plan)).collect()
    }

    /// Up to `wanted` different minimal repairs of at most `max_edits` edits.
    pub fn repairs(&self, plan: &Selection, wanted: usize, max_edits: usize) -> Outcome {
        let before = self.crossed(plan);
        if before.is_empty() {
            return Outcome::AlreadyAcceptable;
        }
        for depth in 1..=max_edits {
            let mut walk = Walk { depth, wanted, ..Walk::default() };
            self.search(&mut plan.clone(), &mut walk);
            if !walk.found.is_empty() {
                for r in &mut walk.found {
                    r.resolves = before.clone();
                }
                return Outcome::Repairs(walk.found);
            }
        }
        Outcome::NoneWithin(max_edits)
    }

    fn search(&self, plan: &mut Selection, walk: &mut Walk) {
        if walk.found.len() >= walk.wanted {
            return;
        }
        let left = walk.depth - walk.path.len();
        if walk.explored.get(plan).is_some_and(|&had| had >= left) {
            return;
        }
        walk.explored.insert(plan.clone(), left);
        let Some(&violated) = self.hard.iter().find(|&&p| crosses(self.library, p, plan)) else {
            // Shallower depths found nothing, so this path has exactly `depth` edits.
            if walk.seen.insert(plan.clone()) {
                walk.found.push(Repair { edits: walk.path.clone(), resolves: Vec::new(), result: plan.clone() });
            }
            return;
        };
        if left == 0 {
            return;
        }
        for edit in self.fixes(plan, &self.library.positions[violated].crossed_when) {
            let undo = plan.clone();
            apply(plan, &edit);
            walk.path.push(edit);
            self.search(plan, walk);
            walk.path.pop();
            *plan = undo;
        }
    }

    /// A minimal set of the coalition's hard positions that no plan keeping
    /// the locked clauses can satisfy together (removing any one of them
    /// makes a plan possible), or `None` when some plan satisfies them all.
    /// QuickXplain (Junker, 2004) over the positions, with the locks always in force.
    pub fn conflict(&self, plan: &Selection) -> Option<Vec<PositionIx>> {
        let base = self.locked_only(plan);
        if self.consistent(&base, &self.hard) {
            return None;
        }
        Some(self.quick_xplain(&base, &[], false, &self.hard))
    }

    /// Whether some plan keeping the locked clauses crosses none of the
    /// coalition's hard positions: `conflict` is `None` exactly when this holds,
    /// but this skips explaining why not.
    pub fn possible(&self, plan: &Selection) -> bool {
        self.consistent(&self.locked_only(plan), &self.hard)
    }

    fn quick_xplain(
        &self,
        base: &Selection,
        background: &[PositionIx],
        delta: bool,
        candidates: &[PositionIx],
    ) -> Vec<PositionIx> {
        if delta && !self.consistent(base, background) {
            return Vec::new();
        }
        if candidates.len() == 1 {
            return candidates.to_vec();
        }
        let (first, second) = candidates.split_at(candidates.len() / 2);
        let with_first: Vec<PositionIx> = background.iter().chain(first).copied().collect();
        let d2 = self.quick_xplain(base, &with_first, true, second);
        let with_d2: Vec<PositionIx> = background.iter().chain(&d2).copied().collect();
        let d1 = self.quick_xplain(base, &with_d2, !d2.is_empty(), first);
        d1.into_iter().chain(d2).collect()
    }

    /// The plan cut down to its locked clauses: the start from which every
    /// plan that keeps them is reachable with one edit per slot.
    fn locked_only(&self, plan: &Selection) -> Selection {
        let mut base = Selection::empty(self.library.clauses.len());
        for &c in &self.locked {
            if let Some(v) = plan.value(c) {
                base.insert(c, v);
            }
        }
        base
    }

    /// Whether some plan keeping the locks satisfies all of `positions`.
    fn consistent(&self, base: &Selection, positions: &[PositionIx]) -> bool {
        let sub = RepairSearch { library: self.library, hard: positions.to_vec(), locked: self.locked.clone() };
        // Each question or standalone clause needs at most one edit, so the
        // number of slots the positions name bounds the search completely.
        let mut slots: Vec<(bool, usize)> = Vec::new();
        for &p in positions {
            for c in self.library.positions[p].crossed_when.clauses() {
                for s in std::iter::once(c).chain(self.library.clauses[c].rivals.iter().copied()) {
                    let slot = self.library.clauses[s].question.map_or((false, s), |q| (true, q));
                    if !slots.contains(&slot) {
                        slots.push(slot);
                    }
                }
            }
        }
        !matches!(sub.repairs(base, 1, slots.len()), Outcome::NoneWithin(_))
    }

    /// Every single edit that changes what the plan says of a clause the
    /// condition names: the clause itself, or a rival that settles it otherwise.
    ///
    /// A crossed condition stays crossed whatever an undecided clause turns
    /// out to be (three-valued logic is monotone in what is known), so only
    /// held clauses and held rivals need changing.
    fn fixes(&self, plan: &Selection, condition: &Condition) -> Vec<Edit> {
        let mut edits = Vec::new();
        for c in condition.clauses() {
            let clause = &self.library.clauses[c];
            // Leaving the matter undecided: drop the rivals held outside the
            // clause's question (an alternative inside it is a slot of its own, below).
            for &r in &clause.rivals {
                let outside = clause.question.is_none() || self.library.clauses[r].question != clause.question;
                let edit = Edit::Remove { clause: r };
                if outside && plan.has(r) && !self.locked.contains(&r) && !edits.contains(&edit) {
                    edits.push(edit);
                }
            }
            if self.locked.contains(&c) {
                continue;
            }
            let alternatives = clause.question.map(|q| self.library.questions[q].clauses.as_slice()).unwrap_or(&[]);
            if plan.has(c) {
                edits.push(Edit::Remove { clause: c });
                for v in self.values(c) {
                    if Some(v) != plan.value(c) {
                        edits.push(Edit::SetValue { clause: c, value: v });
                    }
                }
                for &to in alternatives.iter().filter(|&&to| to != c) {
                    for v in self.values(to) {
                        edits.push(Edit::Switch { from: c, to, value: v });
                    }
                }
            } else {
                let held = alternatives.iter().copied().find(|&a| plan.has(a));
                match held {
                    Some(a) if self.locked.contains(&a) => {}
                    Some(a) => {
                        edits.push(Edit::Remove { clause: a });
                        self.values(c).into_iter().for_each(|v| edits.push(Edit::Switch { from: a, to: c, value: v }))
                    }
                    None => self.values(c).into_iter().for_each(|v| edits.push(Edit::Add { clause: c, value: v })),
                }
            }
        }
        edits
    }

    /// Values worth trying for a clause: its default, its range ends, and
    /// each threshold the coalition's conditions test, with its neighbours.
    fn values(&self, c: ClauseIx) -> Vec<i64> {
        let Some(param) = &self.library.clauses[c].param else { return vec![0] };
        let mut values = vec![param.default, param.min, param.max];
        for &p in &self.hard {
            for lit in &self.library.positions[p].literals {
                if lit.clause == c {
                    if let crate::library::Test::Below(b) | crate::library::Test::Above(b) = lit.test {
                        values.extend([b - 1, b, b + 1]);
                    }
                }
            }
        }
        // A handful of values: insertion keeps them sorted and distinct without
        // pulling a sort routine into the wasm.
        let mut sorted: Vec<i64> = Vec::with_capacity(values.len());
        for v in values.into_iter().map(|v| v.clamp(param.min, param.max)) {
            if let Err(at) = sorted.binary_search(&v) {
                sorted.insert(at, v);
            }
        }
        sorted
    }
}

/// Who can agree with whom: for every pair of actors (and, on the diagonal,
/// each actor alone), whether some plan keeping the locked clauses, with the
/// values `plan` gives them, crosses no hard position of either in force on
/// `as_of`. Row-major, `n × n` for `n` actors, symmetric.
pub fn agreement(library: &Library, plan: &Selection, locked: &[ClauseIx], as_of: Option<Date>) -> Vec<bool> {
    let n = library.actors.len();
    let alone: Vec<bool> = (0..n).map(|a| RepairSearch::new(library, &[a], locked, as_of).possible(plan)).collect();
    let mut out = vec![false; n * n];
    for a in 0..n {
        for b in a..n {
            // An actor no plan satisfies alone makes every pair with it impossible.
            let ok =
                alone[a] && alone[b] && (a == b || RepairSearch::new(library, &[a, b], locked, as_of).possible(plan));
            out[a * n + b] = ok;
            out[b * n + a] = ok;
        }
    }
    out
}

fn apply(plan: &mut Selection, edit: &Edit) {
    match *edit {
        Edit::Add { clause, value } | Edit::SetValue { clause, value } => plan.insert(clause, value),
        Edit::Remove { clause } => plan.remove(clause),
        Edit::Switch { from, to, value } => {
            plan.remove(from);
            plan.insert(to, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::raw::RawLibrary;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    // Universe: a0 a1 a2 (one question), b0 b1 (another), c and d (standalone,
    // declared to contradict each other), and p (a value 0..=10).
    const IDS: [&str; 8] = ["a0", "a1", "a2", "b0", "b1", "c", "d", "p"];

    fn clause(id: &str) -> Value {
        let (topic, question) = match id {
            "a0" | "a1" | "a2" => ("t1", Some("qa")),
            "b0" | "b1" => ("t1", Some("qb")),
            _ => ("t2", None),
        };
        let mut c = json!({"id": id, "topic": topic, "question": question, "title": id, "text": id,
                           "cite": [{"source": "s.txt", "quote": "q"}]});
        if id == "c" {
            c["contradicts"] = json!(["d"]);
        }
        if id == "p" {
            c["param"] = json!({"name": "n", "unit": "u", "min": 0, "max": 10, "step": 1, "default": 5, "marks": []});
        }
        c
    }

    fn expr() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            (0..8usize).prop_map(|i| json!({"has": IDS[i]})),
            (0..=11i64).prop_map(|v| json!({"below": {"clause": "p", "value": v}})),
            (-1..=10i64).prop_map(|v| json!({"above": {"clause": "p", "value": v}})),
        ];
        leaf.prop_recursive(2, 6, 3, |inner| {
            prop_oneof![
                inner.clone().prop_map(|e| json!({"not": e})),
                proptest::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({"all": v})),
                proptest::collection::vec(inner, 1..3).prop_map(|v| json!({"any": v})),
            ]
        })
    }

    fn condition() -> impl Strategy<Value = Value> {
        let ids = || {
            proptest::collection::vec(0..8usize, 1..3).prop_map(|v| v.into_iter().map(|i| IDS[i]).collect::<Vec<_>>())
        };
        prop_oneof![
            ids().prop_map(|v| json!({"forbids": v})),
            ids().prop_map(|v| json!({"requires": v})),
            (0..8usize, 0..8usize)
                .prop_filter("two clauses", |(a, b)| a != b)
                .prop_map(|(a, b)| json!({"forbids_together": [IDS[a], IDS[b]]})),
            (0..8usize, ids()).prop_map(|(c, w)| json!({"only_with": {"clause": IDS[c], "with": w}})),
            (0..=10i64, 0..=10i64)
                .prop_map(|(a, b)| json!({"param": {"clause": "p", "min": a.min(b), "max": a.max(b)}})),
            expr().prop_map(|e| json!({"when": e})),
        ]
    }

    fn library(conditions: &[(usize, Value)]) -> Library {
        let positions: Vec<Value> = conditions
            .iter()
            .enumerate()
            .map(|(n, (actor, cond))| {
                let actor = ["x", "y"][*actor];
                let mut p = json!({"id": format!("p{n}"), "actor": actor, "strength": "hard", "summary": "s",
                                   "speaker": "s", "date": "2025-01-01", "cite": [{"source": "s.txt", "quote": "q"}]});
                for (k, v) in cond.as_object().unwrap() {
                    p[k] = v.clone();
                }
                p
            })
            .collect();
        let raw: RawLibrary = serde_json::from_value(json!({
            "source": [{"file": "s.txt", "title": "t", "outlet": "o", "kind": "news", "date": "2025"}],
            "topic": [{"id": "t1", "name": "T1", "summary": "s"}, {"id": "t2", "name": "T2", "summary": "s"}],
            "question": [{"id": "qa", "topic": "t1", "prompt": "A"}, {"id": "qb", "topic": "t1", "prompt": "B"}],
            "clause": IDS.iter().map(|id| clause(id)).collect::<Vec<_>>(),
            "actor": [{"id": "x", "name": "X", "kind": "state"}, {"id": "y", "name": "Y", "kind": "state"}],
            "position": positions,
        }))
        .unwrap();
        Library::from_raw(&raw).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Every plan the universe allows: one answer or none per question, each
    /// other clause in or out, p in or out with any value.
    fn all_plans() -> Vec<Selection> {
        let mut out = Vec::new();
        for a in [None, Some(0), Some(1), Some(2)] {
            for b in [None, Some(3), Some(4)] {
                for c in [false, true] {
                    for d in [false, true] {
                        for p in std::iter::once(None).chain((0..=10).map(Some)) {
                            let mut s = Selection::empty(8);
                            a.into_iter().chain(b).for_each(|i| s.insert(i, 0));
                            if c {
                                s.insert(5, 0)
                            }
                            if d {
                                s.insert(6, 0)
                            }
                            if let Some(v) = p {
                                s.insert(7, v)
                            }
                            out.push(s);
                        }
                    }
                }
            }
        }
        out
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

    /// The plan a user would hold for a selection, in index order.
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

    #[test]
    fn edits_read_as_sentences_with_formatted_values() {
        let lib = library(&[(0, json!({"forbids": ["c"]})), (1, json!({"forbids": ["d"]}))]);
        let said = |e: Edit| e.describe(&lib);
        assert_eq!(said(Edit::Add { clause: 5, value: 0 }), "Add “c”");
        assert_eq!(said(Edit::Add { clause: 7, value: 3 }), "Add “p” at 3 u");
        assert_eq!(said(Edit::Remove { clause: 6 }), "Remove “d”");
        assert_eq!(said(Edit::Switch { from: 0, to: 2, value: 0 }), "Switch “a0” to “a2”");
        assert_eq!(said(Edit::SetValue { clause: 7, value: 10 }), "Set “p” to 10 u");
    }

    #[test]
    fn a_switch_keeps_the_clause_in_its_place() {
        let lib = library(&[(0, json!({"forbids": ["c"]})), (1, json!({"forbids": ["d"]}))]);
        let mut plan = Plan::default();
        for c in [6, 0, 5] {
            plan.add(&lib, c);
        }
        Edit::Switch { from: 0, to: 1, value: 0 }.apply_to(&lib, &mut plan);
        Edit::Add { clause: 7, value: 2 }.apply_to(&lib, &mut plan);
        let ids: Vec<(&str, Option<i64>)> = plan.items.iter().map(|i| (i.id.as_str(), i.value)).collect();
        assert_eq!(ids, [("d", None), ("a1", None), ("c", None), ("p", Some(2))]);
    }

    fn plan_strategy() -> impl Strategy<Value = usize> {
        0..all_plans().len()
    }

    #[test]
    fn known_conflicts_are_found_and_minimal() {
        // x requires a1, y forbids it: silence crosses neither, so no conflict...
        let lib = library(&[
            (0, json!({"requires": ["a1"]})),
            (1, json!({"forbids": ["a1"]})),
            (1, json!({"forbids": ["c"]})),
        ]);
        let empty = Selection::empty(8);
        let search = RepairSearch::new(&lib, &[0, 1], &[], None);
        assert_eq!(search.conflict(&empty), None);
        // ...but with c locked (it contradicts d), x requiring d and y rejecting c conflict.
        let lib = library(&[(0, json!({"requires": ["d"]})), (1, json!({"forbids": ["c"]}))]);
        let mut with_c = Selection::empty(8);
        with_c.insert(5, 0);
        let mut conflict = RepairSearch::new(&lib, &[0, 1], &[5], None).conflict(&with_c).expect("a conflict");
        conflict.sort_unstable();
        assert_eq!(conflict, vec![1], "the lock alone makes y's line impossible");
        let free = RepairSearch::new(&lib, &[0, 1], &[], None);
        match free.repairs(&with_c, 5, 8) {
            Outcome::Repairs(r) => assert_eq!(r[0].edits, vec![Edit::Remove { clause: 5 }]),
            other => panic!("{other:?}"),
        }
        // A lock alone can make a requirement impossible: a0 locked, a1 required.
        let lib = library(&[(0, json!({"requires": ["a1"]})), (1, json!({"forbids": ["d"]}))]);
        let mut plan = Selection::empty(8);
        plan.insert(0, 0);
        let locked = RepairSearch::new(&lib, &[0, 1], &[0], None);
        assert_eq!(locked.conflict(&plan), Some(vec![0]));
        assert_eq!(locked.repairs(&plan, 5, 8), Outcome::NoneWithin(8));
        // Without the lock, one edit repairs it: switch a0 to a1, or leave the question open.
        let free = RepairSearch::new(&lib, &[0, 1], &[], None);
        assert_eq!(free.conflict(&plan), None);
        match free.repairs(&plan, 5, 8) {
            Outcome::Repairs(r) => {
                let edits: Vec<&[Edit]> = r.iter().map(|r| r.edits.as_slice()).collect();
                assert_eq!(edits, [&[Edit::Remove { clause: 0 }][..], &[Edit::Switch { from: 0, to: 1, value: 0 }]]);
            }
            other => panic!("{other:?}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn repairs_are_minimal_valid_and_match_brute_force(
            conditions in proptest::collection::vec((0..2usize, condition()), 2..6),
            start in plan_strategy(),
            lock_mask in 0u8..=255,
        ) {
            // Both actors need a position.
            let mut conditions = conditions;
            conditions[0].0 = 0;
            conditions[1].0 = 1;
            let lib = library(&conditions);
            let plans = all_plans();
            let plan = plans[start].clone();
            let locked: Vec<ClauseIx> = (0..8).filter(|&c| lock_mask & (1 << c) != 0 && plan.has(c)).collect();
            let search = RepairSearch::new(&lib, &[0, 1], &locked, None);
            let ok = |s: &Selection| search.crossed(s).is_empty();
            let keeps_locks = |s: &Selection| locked.iter().all(|&c| s.has(c) && s.value(c) == plan.value(c));
            let best = plans.iter().filter(|s| ok(s) && keeps_locks(s)).map(|s| distance(&plan, s)).min();
            let satisfiable = |positions: &[PositionIx]| {
                plans.iter().any(|s| keeps_locks(s) && positions.iter().all(|&p| !crosses(&lib, p, s)))
            };
            match search.repairs(&plan, 5, 8) {
                Outcome::AlreadyAcceptable => prop_assert!(ok(&plan)),
                Outcome::Repairs(repairs) => {
                    let best = best.expect("brute force finds a repair too");
                    prop_assert!(!repairs.is_empty() && repairs.len() <= 5);
                    for r in &repairs {
                        prop_assert!(ok(&r.result), "the repair crosses a hard line");
                        prop_assert!(keeps_locks(&r.result), "the repair moved a locked clause");
                        prop_assert_eq!(r.edits.len(), best, "not minimal");
                        prop_assert_eq!(distance(&plan, &r.result), best);
                    }
                    let distinct: HashSet<&Selection> = repairs.iter().map(|r| &r.result).collect();
                    prop_assert_eq!(distinct.len(), repairs.len());
                }
                Outcome::NoneWithin(max) => prop_assert!(best.is_none_or(|b| b > max), "brute force found {best:?}"),
            }
            // Applied to the user's plan, a repair's edits give its result.
            if let Outcome::Repairs(repairs) = search.repairs(&plan, 5, 8) {
                for r in &repairs {
                    let mut user = to_plan(&lib, &plan);
                    r.apply_to(&lib, &mut user);
                    prop_assert_eq!(&user.selection(&lib), &r.result, "edits {:?}", r.edits);
                }
            }
            prop_assert_eq!(search.possible(&plan), best.is_some());
            // The pairwise picture: the diagonal is each actor alone, the pair both together.
            let matrix = agreement(&lib, &plan, &locked, None);
            let of = |a: usize| (0..lib.positions.len()).filter(|&p| lib.positions[p].actor == a).collect::<Vec<_>>();
            prop_assert_eq!(matrix, vec![satisfiable(&of(0)), best.is_some(), best.is_some(), satisfiable(&of(1))]);
            // Conflicts: exactly when no plan keeping the locks is acceptable,
            // and minimal: dropping any one position makes a plan possible.
            match search.conflict(&plan) {
                None => prop_assert!(best.is_some(), "no conflict reported, yet no plan is acceptable"),
                Some(conflict) => {
                    prop_assert!(best.is_none(), "a conflict reported, yet a plan is acceptable");
                    prop_assert!(!conflict.is_empty());
                    prop_assert!(!satisfiable(&conflict), "the conflict's positions can hold together");
                    for i in 0..conflict.len() {
                        let mut fewer = conflict.clone();
                        fewer.remove(i);
                        prop_assert!(satisfiable(&fewer), "the conflict is not minimal");
                    }
                }
            }
        }
    }
}
