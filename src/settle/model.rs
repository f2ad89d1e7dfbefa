//! The settlement search as a small constraint problem: one variable per
//! *slot* (a question, or a clause outside any question), whose values are
//! "nothing" or one clause of the slot at one value class.
//!
//! Why a constraint search and not edits: a settlement must answer several
//! questions at once and meet every counted demand in the closed-world
//! reading, so the edits from a draft run to a dozen; searching over edits
//! revisits the same plans in every order. Over slots, each plan is one leaf,
//! and three-valued evaluation of a condition on the values still possible
//! (`Truth::Unknown` while a slot is open) prunes every branch that can no
//! longer succeed. Exact: a branch is cut only when some counted position is
//! true whatever the open slots become, a settled question has no answer
//! left, or two held clauses contradict each other.
//!
//! Values: a clause with a parameter takes one value per class of values
//! that the counted conditions cannot tell apart (between two thresholds),
//! the one nearest the start's value (or the default), on the step grid
//! where the class allows it. So keeping the start's value costs nothing and
//! a changed value is the smallest change that makes a difference.

use crate::library::{ClauseIx, Condition, Library, PositionIx, Selection, Test, Truth};

use super::Terms;

/// One value of a slot: nothing held, or one clause at one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Choice {
    pub clause: Option<ClauseIx>,
    pub value: i64,
}

#[derive(Debug)]
pub(super) struct Slot {
    /// The clauses of the slot: a question's alternatives, or one clause.
    pub members: Vec<ClauseIx>,
    pub choices: Vec<Choice>,
    /// The start's choice, when the constraints allow it (costs no edit).
    pub start: Option<usize>,
    /// Model positions naming a clause of this slot.
    positions: Vec<usize>,
    /// Per choice: the (slot, mask) of choices elsewhere that contradict it.
    clashes: Vec<Vec<(usize, u64)>>,
}

/// Domains: per slot, the bitmask of choices still possible.
type Domains = Vec<u64>;

pub(super) struct Model<'a> {
    library: &'a Library,
    pub slots: Vec<Slot>,
    slot_of: Vec<Option<usize>>,
    positions: Vec<PositionIx>,
    /// Per model position: the slots its condition names.
    position_slots: Vec<Vec<usize>>,
    root: Option<Domains>,
    start: Selection,
}

/// Where a clause lives: its question, or itself.
fn slot_key(library: &Library, c: ClauseIx) -> (bool, usize) {
    library.clauses[c].question.map_or((false, c), |q| (true, q))
}

impl<'a> Model<'a> {
    /// The problem for `positions` (all of them counted) under `terms`, from `start`.
    pub fn new(library: &'a Library, positions: &[PositionIx], terms: &Terms, start: &Selection) -> Model<'a> {
        // Slots: what the positions name, the questions to settle, the locks,
        // then (to a fixpoint) any slot whose start holds a rival of a clause
        // of a modelled slot, since choosing that clause may need it dropped.
        let mut keys: Vec<(bool, usize)> = Vec::new();
        let push = |keys: &mut Vec<(bool, usize)>, k: (bool, usize)| {
            if !keys.contains(&k) {
                keys.push(k);
            }
        };
        for &p in positions {
            for c in library.positions[p].crossed_when.clauses() {
                push(&mut keys, slot_key(library, c));
            }
        }
        for &q in &terms.settle {
            push(&mut keys, (true, q));
        }
        for &c in terms.locked.iter().chain(&terms.value_locked) {
            push(&mut keys, slot_key(library, c));
        }
        // A start that contradicts itself must be repaired wherever it does.
        for c in start.iter() {
            if library.clauses[c].settled_against(start) {
                push(&mut keys, slot_key(library, c));
            }
        }
        let members = |k: (bool, usize)| -> Vec<ClauseIx> {
            if k.0 {
                library.questions[k.1].clauses.clone()
            } else {
                vec![k.1]
            }
        };
        let mut i = 0;
        while i < keys.len() {
            for c in members(keys[i]) {
                for &r in &library.clauses[c].rivals {
                    if start.has(r) {
                        push(&mut keys, slot_key(library, r));
                    }
                }
            }
            i += 1;
        }
        let mut slot_of = vec![None; library.clauses.len()];
        for (s, &k) in keys.iter().enumerate() {
            for c in members(k) {
                slot_of[c] = Some(s);
            }
        }
        let position_slots: Vec<Vec<usize>> = positions
            .iter()
            .map(|&p| {
                let mut out: Vec<usize> = Vec::new();
                for c in library.positions[p].crossed_when.clauses() {
                    let s = slot_of[c].expect("named clauses are modelled");
                    if !out.contains(&s) {
                        out.push(s);
                    }
                }
                out
            })
            .collect();
        let mut slots: Vec<Slot> = keys
            .iter()
            .enumerate()
            .map(|(s, &k)| {
                let members = members(k);
                let settle = k.0 && terms.settle.contains(&k.1);
                let locks: Vec<ClauseIx> = members
                    .iter()
                    .copied()
                    .filter(|c| terms.locked.contains(c) || terms.value_locked.contains(c))
                    .collect();
                let mut choices = Vec::new();
                if !settle && locks.is_empty() {
                    choices.push(Choice { clause: None, value: 0 });
                }
                for &c in &members {
                    // Two locked answers to one question: no choice keeps both.
                    if !locks.is_empty() && (locks.len() > 1 || locks[0] != c) {
                        continue;
                    }
                    if terms.value_locked.contains(&c) {
                        let value = start.value(c).or(library.clauses[c].param.as_ref().map(|p| p.default));
                        choices.push(Choice { clause: Some(c), value: value.unwrap_or(0) });
                    } else {
                        for value in values(library, positions, c, start) {
                            choices.push(Choice { clause: Some(c), value });
                        }
                    }
                }
                assert!(choices.len() <= 64, "a slot has at most 64 choices");
                let held = members.iter().copied().find(|&c| start.has(c));
                let now = Choice { clause: held, value: held.and_then(|c| start.value(c)).unwrap_or(0) };
                let start_ix = choices.iter().position(|ch| same(library, *ch, now));
                let positions = (0..positions.len()).filter(|&p| position_slots[p].contains(&s)).collect();
                Slot { members, choices, start: start_ix, positions, clashes: Vec::new() }
            })
            .collect();
        // Contradictions between slots, as masks per choice.
        for s in 0..slots.len() {
            let mut all = Vec::new();
            for ch in &slots[s].choices {
                let mut clashes: Vec<(usize, u64)> = Vec::new();
                if let Some(c) = ch.clause {
                    for &r in &library.clauses[c].rivals {
                        let Some(t) = slot_of[r].filter(|&t| t != s) else { continue };
                        let mask = mask_of(&slots[t].choices, |o| o.clause == Some(r));
                        match clashes.iter_mut().find(|(slot, _)| *slot == t) {
                            Some((_, m)) => *m |= mask,
                            None => clashes.push((t, mask)),
                        }
                    }
                }
                all.push(clashes);
            }
            slots[s].clashes = all;
        }
        let mut model = Model {
            library,
            slots,
            slot_of,
            positions: positions.to_vec(),
            position_slots,
            root: None,
            start: start.clone(),
        };
        let mut domains: Domains = model.slots.iter().map(|s| full(s.choices.len())).collect();
        let feasible_root = domains.iter().all(|&d| d != 0)
            && (0..model.positions.len()).all(|p| model.eval(p, &domains) != Truth::True)
            && model.propagate(&mut domains, (0..model.slots.len()).collect());
        model.root = feasible_root.then_some(domains);
        model
    }

    /// Whether any settlement exists.
    pub fn feasible(&self) -> bool {
        let mut found = Vec::new();
        self.search(&mut found, usize::MAX, 1);
        !found.is_empty()
    }

    /// Up to `cap` settlements with the fewest changed slots, in search
    /// order (the start's choice first, then a value change, a switch, and
    /// dropping the slot's clause last); empty when none exists.
    pub fn nearest(&self, cap: usize) -> Vec<Vec<Choice>> {
        let Some(root) = &self.root else { return Vec::new() };
        if !self.feasible() {
            return Vec::new();
        }
        let mut budget = lower_bound(&self.slots, root);
        loop {
            let mut found = Vec::new();
            self.search(&mut found, budget, cap);
            if !found.is_empty() {
                return found;
            }
            budget += 1;
        }
    }

    /// A settlement as a plan: the start, with every modelled slot as chosen.
    pub fn selection(&self, choices: &[Choice]) -> Selection {
        let mut plan = self.start.clone();
        for (slot, ch) in self.slots.iter().zip(choices) {
            slot.members.iter().for_each(|&c| plan.remove(c));
            if let Some(c) = ch.clause {
                plan.insert(c, ch.value);
            }
        }
        plan
    }

    /// The start's choice in a slot (which may not be allowed).
    pub fn start_choice(&self, slot: usize) -> Choice {
        let held = self.slots[slot].members.iter().copied().find(|&c| self.start.has(c));
        Choice { clause: held, value: held.and_then(|c| self.start.value(c)).unwrap_or(0) }
    }

    fn search(&self, found: &mut Vec<Vec<Choice>>, budget: usize, cap: usize) {
        if let Some(root) = &self.root {
            self.descend(root.clone(), found, budget, cap);
        }
    }

    fn descend(&self, domains: Domains, found: &mut Vec<Vec<Choice>>, budget: usize, cap: usize) {
        if found.len() >= cap || lower_bound(&self.slots, &domains) > budget {
            return;
        }
        // Fewest choices left first: forced slots cost nothing to fix.
        let open = (0..self.slots.len())
            .filter(|&s| domains[s].count_ones() > 1)
            .min_by_key(|&s| (domains[s].count_ones(), usize::MAX - self.slots[s].positions.len()));
        let Some(s) = open else {
            let leaf =
                self.slots.iter().zip(&domains).map(|(slot, d)| slot.choices[d.trailing_zeros() as usize]).collect();
            found.push(leaf);
            return;
        };
        for j in self.order(s, domains[s]) {
            let mut next = domains.clone();
            next[s] = 1 << j;
            if self.propagate(&mut next, vec![s]) {
                self.descend(next, found, budget, cap);
                if found.len() >= cap {
                    return;
                }
            }
        }
    }

    /// The start's choice, then the same clause at another value, then the
    /// other clauses, then nothing: equally small repairs come out with a
    /// value change before a switch, and a switch before a removal.
    fn order(&self, s: usize, domain: u64) -> Vec<usize> {
        let slot = &self.slots[s];
        let start = self.start_choice(s);
        let rank = |j: usize| {
            let ch = slot.choices[j];
            if Some(j) == slot.start {
                0
            } else if ch.clause.is_some() && ch.clause == start.clause {
                1
            } else if ch.clause.is_some() {
                2
            } else {
                3
            }
        };
        let mut out: Vec<usize> = (0..slot.choices.len()).filter(|&j| domain & (1 << j) != 0).collect();
        super::sort_by_key(&mut out, |&j| rank(j));
        out
    }

    /// Removes the choices that cannot be part of a settlement given the
    /// others still possible, to a fixpoint; false when a slot has none left
    /// or a position is true whatever the open slots become.
    fn propagate(&self, domains: &mut Domains, mut queue: Vec<usize>) -> bool {
        while let Some(s) = queue.pop() {
            if domains[s].count_ones() == 1 {
                let j = domains[s].trailing_zeros() as usize;
                for &(t, mask) in &self.slots[s].clashes[j] {
                    if domains[t] & mask != 0 {
                        domains[t] &= !mask;
                        if domains[t] == 0 {
                            return false;
                        }
                        queue.push(t);
                    }
                }
            }
            for &p in &self.slots[s].positions {
                if self.eval(p, domains) == Truth::True {
                    return false;
                }
                for &t in &self.position_slots[p] {
                    let before = domains[t];
                    if before.count_ones() < 2 {
                        continue;
                    }
                    let mut kept = 0;
                    for j in bits(before) {
                        domains[t] = 1 << j;
                        if self.eval(p, domains) != Truth::True {
                            kept |= 1 << j;
                        }
                    }
                    domains[t] = kept;
                    if kept == 0 {
                        return false;
                    }
                    if kept != before {
                        queue.push(t);
                    }
                }
            }
        }
        true
    }

    /// A model position's condition on the choices still possible: true only
    /// when it holds (closed world) whatever the open slots become.
    fn eval(&self, p: usize, domains: &Domains) -> Truth {
        self.truth(&self.library.positions[self.positions[p]].crossed_when, domains)
    }

    fn truth(&self, condition: &Condition, domains: &Domains) -> Truth {
        let test = |c: ClauseIx, passes: &dyn Fn(i64) -> bool| {
            let Some(s) = self.slot_of[c] else {
                return if self.start.value(c).is_some_and(passes) { Truth::True } else { Truth::False };
            };
            let (mut yes, mut no) = (false, false);
            for j in bits(domains[s]) {
                let ch = self.slots[s].choices[j];
                if ch.clause == Some(c) && passes(ch.value) {
                    yes = true;
                } else {
                    no = true;
                }
            }
            match (yes, no) {
                (true, false) => Truth::True,
                (false, true) => Truth::False,
                _ => Truth::Unknown,
            }
        };
        match condition {
            Condition::Has(c) => test(*c, &|_| true),
            Condition::Below(c, bound) => test(*c, &|v| v < *bound),
            Condition::Above(c, bound) => test(*c, &|v| v > *bound),
            Condition::Not(inner) => match self.truth(inner, domains) {
                Truth::True => Truth::False,
                Truth::False => Truth::True,
                Truth::Unknown => Truth::Unknown,
            },
            Condition::All(parts) => parts.iter().map(|p| self.truth(p, domains)).min().unwrap_or(Truth::True),
            Condition::Any(parts) => parts.iter().map(|p| self.truth(p, domains)).max().unwrap_or(Truth::False),
        }
    }
}

/// Slots whose start choice is no longer possible: each costs one edit at least.
fn lower_bound(slots: &[Slot], domains: &Domains) -> usize {
    slots.iter().zip(domains).filter(|(s, &d)| s.start.is_none_or(|j| d & (1 << j) == 0)).count()
}

fn same(library: &Library, a: Choice, b: Choice) -> bool {
    a.clause == b.clause && (a.clause.is_none_or(|c| library.clauses[c].param.is_none()) || a.value == b.value)
}

fn full(n: usize) -> u64 {
    if n >= 64 {
        u64::MAX
    } else {
        (1 << n) - 1
    }
}

fn mask_of(choices: &[Choice], pick: impl Fn(&Choice) -> bool) -> u64 {
    choices.iter().enumerate().filter(|(_, c)| pick(c)).fold(0, |m, (j, _)| m | 1 << j)
}

/// The set bits of a mask, lowest first.
fn bits(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let j = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            j
        })
    })
}

/// One value per class the positions' thresholds tell apart, each the one
/// nearest the anchor (the start's value, else the default), on the step
/// grid where the class allows; `[0]` for a clause without a parameter.
fn values(library: &Library, positions: &[PositionIx], c: ClauseIx, start: &Selection) -> Vec<i64> {
    let Some(param) = &library.clauses[c].param else { return vec![0] };
    // A cut at x separates x - 1 from x.
    let mut cuts: Vec<i64> = Vec::new();
    for &p in positions {
        for lit in library.positions[p].literals.iter().filter(|l| l.clause == c) {
            let cut = match lit.test {
                Test::Below(b) => b,
                Test::Above(b) => b.saturating_add(1),
                Test::Has => continue,
            };
            if cut > param.min && cut <= param.max && !cuts.contains(&cut) {
                cuts.push(cut);
            }
        }
    }
    super::sort_by_key(&mut cuts, |&c| c);
    let anchor = start.value(c).unwrap_or(param.default);
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut lo = param.min;
    for hi in cuts.iter().map(|&cut| cut - 1).chain(std::iter::once(param.max)) {
        out.push(nearest(anchor, lo, hi, param.min, param.step.max(1)));
        lo = hi + 1;
    }
    out
}

/// The value of `[lo, hi]` nearest `anchor`, moved onto the grid
/// `min + k * step` when a grid value lies in the class.
fn nearest(anchor: i64, lo: i64, hi: i64, min: i64, step: i64) -> i64 {
    if (lo..=hi).contains(&anchor) {
        return anchor;
    }
    if anchor < lo {
        let up = min + (lo - min + step - 1).div_euclid(step) * step;
        if up <= hi {
            up
        } else {
            lo
        }
    } else {
        let down = min + (hi - min).div_euclid(step) * step;
        if down >= lo {
            down
        } else {
            hi
        }
    }
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn a_class_value_is_the_nearest_to_the_anchor_on_the_grid() {
        // Army cap: 100,000..1,000,000 by 10,000; Ukraine's line at 610,000.
        assert_eq!(nearest(600_000, 610_000, 1_000_000, 100_000, 10_000), 610_000);
        assert_eq!(nearest(600_000, 100_000, 609_999, 100_000, 10_000), 600_000);
        assert_eq!(nearest(900_000, 100_000, 609_999, 100_000, 10_000), 600_000);
        assert_eq!(nearest(600_000, 605_001, 609_999, 100_000, 10_000), 605_001, "no grid value in the class");
        assert_eq!(nearest(3, 5, 5, 0, 1), 5);
    }
}
