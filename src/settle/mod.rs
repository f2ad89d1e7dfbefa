//! Settlements: plans that decide the questions a reader chose and that every
//! member of a coalition can accept at a chosen strictness; the nearest one
//! to a draft, the minimal conflict when there is none, who can agree with
//! whom, and the largest coalitions.
//!
//! A settlement is judged in the closed-world reading (`Condition::holds`):
//! it is the final text, so a demand it does not meet is a demand it
//! refuses. An open demand of a member at the chosen strictness therefore
//! counts as crossed here, unlike in the verdicts on a draft, where silence
//! never crosses. A settlement is also coherent: it never holds two clauses
//! that contradict each other (rivals), or it would settle nothing.
//!
//! Exact throughout: [`model`] searches every plan over the slots that
//! matter; conflicts are QuickXplain over positions (minimal: dropping any
//! one makes a settlement possible); coalitions are the maximal feasible
//! subsets, found by removing one member of a minimal conflict at a time.

mod explain;
mod model;

/// A stable insertion sort. The lists sorted here hold a few dozen items at
/// most, and the standard library's sorts cost about 40 KB of wasm for the
/// eight element types sorted here (measured with twiggy); this costs
/// a few hundred bytes each.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod universe;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::date::Date;
use crate::library::{ActorIx, ClauseIx, Library, PositionIx, QuestionIx, Selection, Strength};
use crate::repair::{Edit, Repair};

pub use explain::gist;
use model::{Choice, Model};

/// Which of a member's positions a settlement must respect.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strictness {
    /// Hard red lines only.
    #[default]
    Hard,
    /// Red lines and firm demands.
    Firm,
    /// Red lines, firm demands and stated preferences.
    Preference,
}

impl Strictness {
    pub const ALL: [Strictness; 3] = [Strictness::Hard, Strictness::Firm, Strictness::Preference];

    /// Whether a position of this strength counts. Concerns never do: they
    /// are worries, not terms.
    pub fn counts(self, strength: Strength) -> bool {
        let level = match self {
            Strictness::Hard => Strength::Hard,
            Strictness::Firm => Strength::Firm,
            Strictness::Preference => Strength::Preference,
        };
        strength != Strength::Concern && strength <= level
    }

    pub fn parse(text: &str) -> Option<Strictness> {
        Strictness::ALL.into_iter().find(|s| s.id() == text)
    }

    pub fn id(self) -> &'static str {
        match self {
            Strictness::Hard => "hard",
            Strictness::Firm => "firm",
            Strictness::Preference => "preference",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Strictness::Hard => "hard red lines only",
            Strictness::Firm => "red lines and firm demands",
            Strictness::Preference => "red lines, firm demands and preferences",
        }
    }
}

/// What a settlement must satisfy besides the coalition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms {
    pub strictness: Strictness,
    /// Questions a settlement must answer (an explicit "left to later talks" counts).
    pub settle: Vec<QuestionIx>,
    /// Clauses a settlement keeps; their values stay free.
    pub locked: Vec<ClauseIx>,
    /// Clauses a settlement keeps at the start plan's value (the default when
    /// the start lacks them). A clause may be in both lists.
    pub value_locked: Vec<ClauseIx>,
    /// Positions in force on this date (`None`: the latest).
    pub as_of: Option<Date>,
}

/// The plans whose answers make the default questions: the proposals of the
/// US, Europe, Ukraine, Russia and the Coalition of the Willing.
pub const MAJOR_PLANS: [&str; 5] =
    ["us-28-point", "european-counter-proposal", "twenty-point", "russia-war-aims-2024", "paris-declaration"];

/// The default questions: every question of a topic that at least two of the
/// [`MAJOR_PLANS`] decide (answer one of its questions). By topic, so that a
/// settlement that rules on NATO membership also says what Ukraine's alliance
/// status is, and one that rules on the multinational force also says
/// whether US soldiers are in it. Library order.
pub fn default_settle(library: &Library) -> Vec<QuestionIx> {
    let mut answered = vec![0usize; library.topics.len()];
    for preset in MAJOR_PLANS.iter().filter_map(|id| library.preset_ix(id)) {
        let mut topics: Vec<usize> = library.presets[preset]
            .items
            .iter()
            .filter_map(|item| library.clauses[item.clause].question)
            .map(|q| library.questions[q].topic)
            .collect();
        sort_by_key(&mut topics, |&t| t);
        topics.dedup();
        topics.into_iter().for_each(|t| answered[t] += 1);
    }
    (0..library.questions.len()).filter(|&q| answered[library.questions[q].topic] >= 2).collect()
}

/// The questions a plan already answers: "only what my draft decides".
pub fn decided_by(library: &Library, plan: &Selection) -> Vec<QuestionIx> {
    (0..library.questions.len()).filter(|&q| library.questions[q].clauses.iter().any(|&c| plan.has(c))).collect()
}

/// Every question of the library.
pub fn all_questions(library: &Library) -> Vec<QuestionIx> {
    (0..library.questions.len()).collect()
}

/// A minimal set of positions no settlement meets together, with what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// In the coalition's order; empty when the locks and questions alone
    /// leave no settlement.
    pub positions: Vec<PositionIx>,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The start plan is already a settlement.
    Settled,
    /// The nearest settlements: all with the fewest edits, value changes
    /// before removals.
    Repairs(Vec<Repair>),
    /// No settlement exists.
    Conflict(Conflict),
}

/// The search for one coalition under one set of terms.
pub struct SettlementSearch<'a> {
    library: &'a Library,
    terms: Terms,
    counted: Vec<PositionIx>,
}

impl<'a> SettlementSearch<'a> {
    pub fn new(library: &'a Library, coalition: &[ActorIx], terms: &Terms) -> SettlementSearch<'a> {
        let counted = coalition
            .iter()
            .flat_map(|&a| library.actors[a].positions.iter().copied())
            .filter(|&p| terms.strictness.counts(library.positions[p].strength) && library.in_force(p, terms.as_of))
            .collect();
        SettlementSearch { library, terms: terms.clone(), counted }
    }

    /// The search for exactly these positions (whatever their strength):
    /// "would a settlement exist without this one?"
    pub fn for_positions(library: &'a Library, positions: &[PositionIx], terms: &Terms) -> SettlementSearch<'a> {
        SettlementSearch { library, terms: terms.clone(), counted: positions.to_vec() }
    }

    /// The members' positions that count, in coalition and data order.
    pub fn counted(&self) -> &[PositionIx] {
        &self.counted
    }

    /// Counted positions the plan, read as final, does not respect.
    pub fn unmet(&self, plan: &Selection) -> Vec<PositionIx> {
        self.counted.iter().copied().filter(|&p| self.library.positions[p].crossed_when.holds(plan)).collect()
    }

    /// Questions to settle that the plan leaves unanswered.
    pub fn unsettled(&self, plan: &Selection) -> Vec<QuestionIx> {
        let answered = |q: QuestionIx| self.library.questions[q].clauses.iter().any(|&c| plan.has(c));
        self.terms.settle.iter().copied().filter(|&q| !answered(q)).collect()
    }

    /// Whether the plan holds two clauses that contradict each other.
    pub fn incoherent(&self, plan: &Selection) -> bool {
        plan.iter().any(|c| self.library.clauses[c].settled_against(plan))
    }

    /// Whether the plan is a settlement (locks aside: see [`Self::keeps_locks`]).
    pub fn is_settlement(&self, plan: &Selection) -> bool {
        !self.incoherent(plan) && self.unsettled(plan).is_empty() && self.unmet(plan).is_empty()
    }

    /// Whether `plan` keeps the locks of a search started from `start`.
    pub fn keeps_locks(&self, start: &Selection, plan: &Selection) -> bool {
        let value = |c: ClauseIx| start.value(c).or(self.library.clauses[c].param.as_ref().map(|p| p.default));
        self.terms.locked.iter().all(|&c| plan.has(c))
            && self.terms.value_locked.iter().all(|&c| plan.has(c) && (plan.value(c) == value(c) || value(c).is_none()))
    }

    /// The nearest settlements to `plan` (up to `wanted`), or why there is none.
    pub fn answer(&self, plan: &Selection, wanted: usize) -> Answer {
        if self.is_settlement(plan) && self.keeps_locks(plan, plan) {
            return Answer::Settled;
        }
        let model = Model::new(self.library, &self.counted, &self.terms, plan);
        let found = model.nearest(wanted.max(1) * 3);
        if found.is_empty() {
            return Answer::Conflict(self.conflict_from(plan));
        }
        let resolves = self.unmet(plan);
        let mut repairs: Vec<Repair> = found
            .iter()
            .map(|choices| Repair {
                edits: edits(&model, choices),
                resolves: resolves.clone(),
                result: model.selection(choices),
            })
            .collect();
        // Equally small: a value change or a switch before a removal.
        sort_by_key(&mut repairs, |r| r.edits.iter().filter(|e| matches!(e, Edit::Remove { .. })).count());
        repairs.truncate(wanted.max(1));
        Answer::Repairs(repairs)
    }

    /// Whether some settlement keeps the locks (with `plan`'s values where value-locked).
    pub fn possible(&self, plan: &Selection) -> bool {
        self.consistent(plan, &self.counted)
    }

    /// A minimal conflict when no settlement exists (QuickXplain, Junker
    /// 2004, with the questions and locks always in force); `None` otherwise.
    pub fn conflict(&self, plan: &Selection) -> Option<Conflict> {
        (!self.possible(plan)).then(|| self.conflict_from(plan))
    }

    fn conflict_from(&self, plan: &Selection) -> Conflict {
        let positions = if self.consistent(plan, &[]) {
            let mut found = self.quick_xplain(plan, &[], false, &self.counted);
            // In the coalition's order, whatever order QuickXplain found them in.
            sort_by_key(&mut found, |p| self.counted.iter().position(|q| q == p));
            found
        } else {
            Vec::new()
        };
        let sentence = explain::sentence(self.library, &positions, &self.terms);
        Conflict { positions, sentence }
    }

    fn consistent(&self, plan: &Selection, positions: &[PositionIx]) -> bool {
        Model::new(self.library, positions, &self.terms, plan).feasible()
    }

    fn quick_xplain(
        &self,
        plan: &Selection,
        background: &[PositionIx],
        delta: bool,
        candidates: &[PositionIx],
    ) -> Vec<PositionIx> {
        if (delta && !self.consistent(plan, background)) || candidates.is_empty() {
            return Vec::new();
        }
        if candidates.len() == 1 {
            return candidates.to_vec();
        }
        let (first, second) = candidates.split_at(candidates.len() / 2);
        let with_first: Vec<PositionIx> = background.iter().chain(first).copied().collect();
        let d2 = self.quick_xplain(plan, &with_first, true, second);
        let with_d2: Vec<PositionIx> = background.iter().chain(&d2).copied().collect();
        let d1 = self.quick_xplain(plan, &with_d2, !d2.is_empty(), first);
        d1.into_iter().chain(d2).collect()
    }
}

/// The edits from the start to a settlement, one per changed slot, in
/// library order of the slots' clauses.
fn edits(model: &Model, choices: &[Choice]) -> Vec<Edit> {
    let mut out: Vec<(ClauseIx, Edit)> = Vec::new();
    for (s, (slot, &to)) in model.slots.iter().zip(choices).enumerate() {
        let from = model.start_choice(s);
        let edit = match (from.clause, to.clause) {
            (None, None) => continue,
            (Some(a), Some(b)) if a == b => {
                if from.value == to.value {
                    continue;
                }
                Edit::SetValue { clause: b, value: to.value }
            }
            (None, Some(clause)) => Edit::Add { clause, value: to.value },
            (Some(clause), None) => Edit::Remove { clause },
            (Some(from), Some(to_clause)) => Edit::Switch { from, to: to_clause, value: to.value },
        };
        out.push((slot.members[0], edit));
    }
    sort_by_key(&mut out, |(c, _)| *c);
    out.into_iter().map(|(_, e)| e).collect()
}

/// Who can agree with whom, among the parties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// The parties, in library order (commentators never join a coalition).
    pub parties: Vec<ActorIx>,
    /// Row-major over `parties`; the diagonal is each party alone.
    pub ok: Vec<bool>,
}

impl Agreement {
    /// Whether the parties at rows `i` and `j` can agree.
    pub fn get(&self, i: usize, j: usize) -> bool {
        self.ok[i * self.parties.len() + j]
    }

    /// The pairs (by actor) that cannot agree although each can alone.
    pub fn blocked_pairs(&self) -> Vec<(ActorIx, ActorIx)> {
        let n = self.parties.len();
        let mut out = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                if self.get(i, i) && self.get(j, j) && !self.get(i, j) {
                    out.push((self.parties[i], self.parties[j]));
                }
            }
        }
        out
    }
}

/// The parties of the library, in order.
pub fn parties(library: &Library) -> Vec<ActorIx> {
    (0..library.actors.len()).filter(|&a| library.actors[a].is_party()).collect()
}

/// Every pair of parties (and each alone): is there a settlement under `terms`
/// keeping the locks (with `plan`'s values where value-locked)?
pub fn agreement(library: &Library, plan: &Selection, terms: &Terms) -> Agreement {
    let parties = parties(library);
    let n = parties.len();
    let possible = |c: &[ActorIx]| SettlementSearch::new(library, c, terms).possible(plan);
    let alone: Vec<bool> = parties.iter().map(|&a| possible(&[a])).collect();
    let mut ok = vec![false; n * n];
    for i in 0..n {
        for j in i..n {
            let both = alone[i] && alone[j] && (i == j || possible(&[parties[i], parties[j]]));
            ok[i * n + j] = both;
            ok[j * n + i] = both;
        }
    }
    Agreement { parties, ok }
}

/// One of the largest coalitions: a maximal set of parties some settlement satisfies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coalition {
    pub members: Vec<ActorIx>,
    /// For each party that could join on its own terms but not this
    /// coalition: why adding it fails (a minimal conflict with the fewest
    /// members it needs).
    pub blocked: Vec<(ActorIx, Conflict)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coalitions {
    /// Largest first, then in library order of their members.
    pub coalitions: Vec<Coalition>,
    /// Parties no settlement satisfies even alone, each with its conflict.
    pub alone_impossible: Vec<(ActorIx, Conflict)>,
}

/// The maximal coalitions of parties under `terms`, exactly: every maximal
/// set of parties some settlement satisfies together.
///
/// Feasibility is monotone (a subset of a feasible set is feasible), so:
/// candidates are the maximal cliques of the who-can-agree graph; a
/// feasible candidate is maximal; an infeasible one holds a minimal
/// infeasible set of parties, one of whom every feasible subset lacks, so
/// the search drops each of them in turn. Sets inside a coalition already
/// found are skipped. Then each coalition's outsiders get their reason.
pub fn coalitions(library: &Library, plan: &Selection, terms: &Terms) -> Coalitions {
    coalitions_among(library, plan, terms, &parties(library), true)
}

/// As [`coalitions`], over the given actors; `reasons: false` skips the
/// per-outsider conflicts (for callers that only need the sets).
pub fn coalitions_among(
    library: &Library,
    plan: &Selection,
    terms: &Terms,
    actors: &[ActorIx],
    reasons: bool,
) -> Coalitions {
    assert!(actors.len() <= 64, "coalitions are bitsets of at most 64 actors");
    let mut oracle = Oracle { library, plan, terms, actors, memo: HashMap::new() };
    let n = actors.len();
    let alone: Vec<bool> = (0..n).map(|i| oracle.feasible(1 << i)).collect();
    let alone_impossible = (0..n)
        .filter(|&i| !alone[i])
        .map(|i| {
            let conflict = SettlementSearch::new(library, &[actors[i]], terms).conflict_from(plan);
            (actors[i], conflict)
        })
        .collect();
    let mut adjacent = vec![0u64; n];
    for i in (0..n).filter(|&i| alone[i]) {
        for j in (i + 1..n).filter(|&j| alone[j]) {
            if oracle.feasible(1 << i | 1 << j) {
                adjacent[i] |= 1 << j;
                adjacent[j] |= 1 << i;
            }
        }
    }
    let mut cliques = Vec::new();
    let everyone = (0..n).filter(|&i| alone[i]).fold(0u64, |m, i| m | 1 << i);
    bron_kerbosch(&adjacent, 0, everyone, 0, &mut cliques);
    // Larger candidates first, so their subsets are skipped sooner.
    sort_by_key(&mut cliques, |m: &u64| std::cmp::Reverse(m.count_ones()));
    let mut found: Vec<u64> = Vec::new();
    let mut seen: HashSet<u64> = HashSet::new();
    let mut stack = cliques;
    stack.reverse();
    while let Some(set) = stack.pop() {
        if set == 0 || !seen.insert(set) || found.iter().any(|&f| f & set == set) {
            continue;
        }
        if oracle.feasible(set) {
            found.retain(|&f| f & set != f);
            found.push(set);
            continue;
        }
        let core = oracle.minimal_infeasible(set);
        for i in (0..n).filter(|&i| core & (1 << i) != 0) {
            stack.push(set & !(1 << i));
        }
    }
    let order = |m: &u64| (std::cmp::Reverse(m.count_ones()), m.reverse_bits());
    sort_by_key(&mut found, order);
    let coalitions = found
        .iter()
        .map(|&set| {
            let members: Vec<ActorIx> = (0..n).filter(|&i| set & (1 << i) != 0).map(|i| actors[i]).collect();
            let blocked = if reasons {
                (0..n)
                    .filter(|&i| alone[i] && set & (1 << i) == 0)
                    .map(|i| {
                        // The fewest members that, with the outsider, leave no settlement.
                        let core = oracle.minimal_infeasible_with(set, i);
                        let coalition: Vec<ActorIx> =
                            (0..n).filter(|&k| core & (1 << k) != 0).map(|k| actors[k]).collect();
                        (actors[i], SettlementSearch::new(library, &coalition, terms).conflict_from(plan))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            Coalition { members, blocked }
        })
        .collect();
    Coalitions { coalitions, alone_impossible }
}

/// Feasibility of sets of actors (bitsets over `actors`), remembered.
struct Oracle<'a, 'b> {
    library: &'a Library,
    plan: &'b Selection,
    terms: &'b Terms,
    actors: &'b [ActorIx],
    memo: HashMap<u64, bool>,
}

impl Oracle<'_, '_> {
    fn feasible(&mut self, set: u64) -> bool {
        if let Some(&known) = self.memo.get(&set) {
            return known;
        }
        let coalition: Vec<ActorIx> =
            (0..self.actors.len()).filter(|&i| set & (1 << i) != 0).map(|i| self.actors[i]).collect();
        let ok = SettlementSearch::new(self.library, &coalition, self.terms).possible(self.plan);
        self.memo.insert(set, ok);
        ok
    }

    /// A minimal infeasible subset of an infeasible set (QuickXplain over members).
    fn minimal_infeasible(&mut self, set: u64) -> u64 {
        let members: Vec<u64> = (0..self.actors.len()).filter(|&i| set & (1 << i) != 0).map(|i| 1 << i).collect();
        self.xplain(0, false, &members)
    }

    /// The fewest members of `set` that, with `outsider`, are infeasible; and the outsider.
    fn minimal_infeasible_with(&mut self, set: u64, outsider: usize) -> u64 {
        let members: Vec<u64> = (0..self.actors.len()).filter(|&i| set & (1 << i) != 0).map(|i| 1 << i).collect();
        (1 << outsider) | self.xplain(1 << outsider, true, &members)
    }

    fn xplain(&mut self, background: u64, delta: bool, candidates: &[u64]) -> u64 {
        if (delta && !self.feasible(background)) || candidates.is_empty() {
            return 0;
        }
        if candidates.len() == 1 {
            return candidates[0];
        }
        let (first, second) = candidates.split_at(candidates.len() / 2);
        let first_set = first.iter().fold(0, |m, &b| m | b);
        let d2 = self.xplain(background | first_set, true, second);
        let d1 = self.xplain(background | d2, d2 != 0, first);
        d1 | d2
    }
}

/// Maximal cliques (Bron–Kerbosch with pivoting) over bitset adjacency.
fn bron_kerbosch(adjacent: &[u64], r: u64, mut p: u64, mut x: u64, out: &mut Vec<u64>) {
    if p == 0 && x == 0 {
        out.push(r);
        return;
    }
    let pivot = (p | x).trailing_zeros() as usize;
    let mut candidates = p & !adjacent[pivot];
    while candidates != 0 {
        let v = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        bron_kerbosch(adjacent, r | 1 << v, p & adjacent[v], x & adjacent[v], out);
        p &= !(1 << v);
        x |= 1 << v;
    }
}
