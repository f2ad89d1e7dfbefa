//! What would it take: for a coalition with no settlement, the smallest
//! sets of its positions whose setting aside makes a settlement possible
//! (minimal correction sets), exactly, smallest first.
//!
//! Why a hitting-set tree (Reiter 1987, breadth first): a set of positions
//! makes a settlement possible when set aside only if it takes one position
//! out of every conflict (a set of positions no settlement meets together).
//! So from the positions set aside so far, the tree asks for one conflict
//! among those left and branches on each of its positions; a node with no
//! conflict left is a correction set. Breadth first, a correction set is
//! reached before any larger set holding it, so one is minimal exactly when
//! it holds no correction set found before; and every minimal one is reached
//! (at a node holding part of it, a conflict among the rest has a position
//! in the part still missing, which is a branch). Every node of a level is
//! visited, so when a level is done every correction set of that size has
//! been found. A conflict found once is reused wherever it is still whole
//! (none of its positions set aside), which saves most searches; conflicts
//! are QuickXplain's, so they are small and the tree narrow.
//!
//! Feasibility is monotone (setting more aside never rules a settlement
//! out), which is what makes "holds a smaller correction set" the same as
//! "not minimal".

use std::collections::BTreeSet;

use crate::library::{ActorIx, Library, PositionIx, Selection, Strength};
use crate::repair::Repair;
use crate::settle::{Answer, Conflict, SettlementSearch, Terms};

/// How many positions of each strength a correction set holds, strongest
/// first: compared as it stands, fewer hard red lines sort first.
type Cost = [u8; 4];

/// How far the search goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most positions in one correction set.
    pub max_size: usize,
    /// The most correction sets returned.
    pub max_sets: usize,
    /// The most nodes of the tree searched (each one settlement search, and
    /// a QuickXplain when it has none): a bound on the time whatever the
    /// coalition, reached only by much larger ones than pairs of parties.
    pub max_searched: usize,
}

impl Default for Limits {
    /// Up to six positions (Ukraine and Russia at firm demands need four),
    /// up to twenty sets: more than a reader weighs at once.
    fn default() -> Limits {
        Limits { max_size: 6, max_sets: 20, max_searched: 1000 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhatItTakes {
    /// A settlement exists without setting anything aside.
    NothingToSetAside,
    /// The locks and the questions to settle leave no settlement whatever
    /// is set aside (the conflict names no position).
    Impossible(Conflict),
    /// Setting aside one of these sets makes a settlement possible.
    Corrections(Corrections),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrections {
    /// Smallest first; within a size, those with fewer hard red lines first
    /// (then fewer firm demands, preferences), then in the coalition's order.
    pub sets: Vec<Correction>,
    /// Every minimal correction set of at most this many positions is in
    /// `sets`; larger ones may be missing (beyond the size searched, past
    /// the cap on how many are returned, or past the search budget).
    pub complete_up_to: usize,
    /// Whether `sets` holds every minimal correction set, whatever its size.
    pub all: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// Set aside together, in the coalition's order; no proper subset would do.
    pub positions: Vec<PositionIx>,
    /// The nearest settlement once they are set aside: the edits from the
    /// start plan (none when it already is one) and the resulting plan.
    pub settlement: Repair,
}

impl Correction {
    /// Its positions, one group per actor in the order each first appears:
    /// "If Ukraine set aside …, and Russia …" on the page and in the CLI.
    pub fn by_actor(&self, library: &Library) -> Vec<(ActorIx, Vec<PositionIx>)> {
        let mut groups: Vec<(ActorIx, Vec<PositionIx>)> = Vec::new();
        for &p in &self.positions {
            let actor = library.positions[p].actor;
            match groups.iter_mut().find(|(a, _)| *a == actor) {
                Some((_, list)) => list.push(p),
                None => groups.push((actor, vec![p])),
            }
        }
        groups
    }

    /// The settlement's clauses as people read them: "Army cap at 800,000 personnel".
    pub fn settlement_clauses(&self, library: &Library) -> Vec<String> {
        let result = &self.settlement.result;
        result
            .iter()
            .map(|c| match (&library.clauses[c].param, result.value(c)) {
                (Some(param), Some(v)) => format!("{} at {}", library.clauses[c].title, param.format(v)),
                _ => library.clauses[c].title.clone(),
            })
            .collect()
    }
}

impl Corrections {
    /// How far the list goes, in one sentence.
    pub fn extent(&self) -> String {
        let limits = Limits::default();
        if self.all {
            "These are all such sets: any other set that works holds one of them.".to_string()
        } else if self.sets.is_empty() {
            format!("No set of up to {} positions makes a settlement possible.", limits.max_size)
        } else if self.sets.len() >= limits.max_sets {
            format!(
                "The first {} sets; every set of up to {} positions is listed.",
                self.sets.len(),
                self.complete_up_to
            )
        } else {
            format!("Every set of up to {} positions is listed.", self.complete_up_to)
        }
    }
}

/// The minimal correction sets for `coalition` under `terms` from `plan`:
/// the candidates are the positions the coalition's search counts (in
/// force, at a strength the strictness counts).
pub fn what_would_it_take(
    library: &Library,
    coalition: &[ActorIx],
    terms: &Terms,
    plan: &Selection,
    limits: Limits,
) -> WhatItTakes {
    let mut candidates: Vec<PositionIx> = Vec::new();
    // Once each, should an actor be named twice.
    for &p in SettlementSearch::new(library, coalition, terms).counted() {
        if !candidates.contains(&p) {
            candidates.push(p);
        }
    }
    let tree = Tree { library, terms, plan, candidates: &candidates };
    let root = match tree.conflict(&[]) {
        None => return WhatItTakes::NothingToSetAside,
        // No position in it: the locks and questions alone.
        Some(conflict) if conflict.positions.is_empty() => return WhatItTakes::Impossible(conflict),
        Some(conflict) => tree.members(&conflict),
    };
    let mut conflicts: Vec<Vec<usize>> = vec![root.clone()];
    let mut found: Vec<Vec<usize>> = Vec::new();
    let mut complete_up_to = 0;
    let mut all = false;
    let mut searched = 0;
    // Level 0 is the root, whose conflict is known. Each level is visited
    // by what it asks (`Tree::cost`), then in lexicographic order of
    // candidate indices, so a capped list keeps the sets that ask least.
    // Inserted one by one: collecting sorts first, and a sort is kilobytes of wasm.
    let mut level: BTreeSet<(Cost, Vec<usize>)> = BTreeSet::new();
    for &x in &root {
        level.insert((tree.cost(&[x]), vec![x]));
    }
    let mut size = 1;
    'levels: while size <= limits.max_size && !level.is_empty() {
        let mut next: BTreeSet<(Cost, Vec<usize>)> = BTreeSet::new();
        let expand = size < limits.max_size;
        for (_, node) in &level {
            if found.iter().any(|f| is_subset(f, node)) {
                continue;
            }
            let known = conflicts.iter().find(|k| is_disjoint(k, node)).cloned();
            if known.is_none() {
                if searched >= limits.max_searched {
                    break 'levels;
                }
                searched += 1;
            }
            let label = match known {
                Some(k) => Some(k),
                // The last level: whether it settles is all there is to know.
                None if !expand => {
                    if tree.possible(node) {
                        found.push(node.clone());
                    }
                    None
                }
                None => match tree.conflict(node) {
                    Some(conflict) => {
                        let k = tree.members(&conflict);
                        conflicts.push(k.clone());
                        Some(k)
                    }
                    None => {
                        found.push(node.clone());
                        None
                    }
                },
            };
            if found.len() >= limits.max_sets {
                break 'levels;
            }
            for &x in label.iter().flatten().filter(|_| expand) {
                let mut child = node.clone();
                child.insert(child.partition_point(|&y| y < x), x);
                next.insert((tree.cost(&child), child));
            }
        }
        complete_up_to = size;
        if next.is_empty() && expand {
            all = true;
        }
        level = next;
        size += 1;
    }
    let sets = found
        .iter()
        .filter_map(|node| {
            let positions: Vec<PositionIx> = node.iter().map(|&i| candidates[i]).collect();
            let settlement = tree.nearest(node)?;
            Some(Correction { positions, settlement })
        })
        .collect();
    WhatItTakes::Corrections(Corrections { sets, complete_up_to, all })
}

/// The questions asked of one coalition: nodes are sorted indices into
/// `candidates`, the positions set aside.
struct Tree<'a> {
    library: &'a Library,
    terms: &'a Terms,
    plan: &'a Selection,
    candidates: &'a [PositionIx],
}

impl Tree<'_> {
    /// The search over the candidates not set aside.
    fn without(&self, set_aside: &[usize]) -> SettlementSearch<'_> {
        let left: Vec<PositionIx> = (0..self.candidates.len())
            .filter(|i| set_aside.binary_search(i).is_err())
            .map(|i| self.candidates[i])
            .collect();
        SettlementSearch::for_positions(self.library, &left, self.terms)
    }

    fn conflict(&self, set_aside: &[usize]) -> Option<Conflict> {
        self.without(set_aside).conflict(self.plan)
    }

    fn possible(&self, set_aside: &[usize]) -> bool {
        self.without(set_aside).possible(self.plan)
    }

    /// What setting `set_aside` aside asks of the coalition: how many hard
    /// red lines, then firm demands, preferences and concerns. Of two sets
    /// of one size, the one with fewer hard red lines asks less, whatever
    /// the rest: an actor's "will never accept" weighs more than its "must".
    fn cost(&self, set_aside: &[usize]) -> Cost {
        let mut cost = [0u8; 4];
        for &i in set_aside {
            let strength = self.library.positions[self.candidates[i]].strength;
            let slot = match strength {
                Strength::Hard => 0,
                Strength::Firm => 1,
                Strength::Preference => 2,
                Strength::Concern => 3,
            };
            cost[slot] = cost[slot].saturating_add(1);
        }
        cost
    }

    /// A conflict's positions as sorted candidate indices (in candidate
    /// order, so sorted without a sort).
    fn members(&self, conflict: &Conflict) -> Vec<usize> {
        (0..self.candidates.len()).filter(|&i| conflict.positions.contains(&self.candidates[i])).collect()
    }

    /// The nearest settlement with `set_aside` set aside; `None` only if
    /// there is none, which the tree never asks.
    fn nearest(&self, set_aside: &[usize]) -> Option<Repair> {
        match self.without(set_aside).answer(self.plan, 1) {
            Answer::Settled => Some(Repair { edits: Vec::new(), resolves: Vec::new(), result: self.plan.clone() }),
            Answer::Repairs(mut repairs) => Some(repairs.swap_remove(0)),
            Answer::Conflict(_) => None,
        }
    }
}

/// Both sorted.
fn is_subset(small: &[usize], big: &[usize]) -> bool {
    small.iter().all(|x| big.binary_search(x).is_ok())
}

/// Both sorted.
fn is_disjoint(a: &[usize], b: &[usize]) -> bool {
    a.iter().all(|x| b.binary_search(x).is_err())
}
