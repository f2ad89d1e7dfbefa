//! When a plan crosses a position: a small boolean language over the clauses
//! a plan holds and their parameter values.
//!
//! Every sugar of the data format (`forbids`, `requires`, `only_with`, ...)
//! compiles to this one tree, so evaluation and its explanation have a single
//! definition.
//!
//! A plan is read in two ways. [`Condition::holds`] reads it as a closed
//! world: what the plan does not hold, it lacks. [`Condition::truth`] reads it
//! as a draft: a clause the plan does not hold is *absent* only when the plan
//! settles its matter otherwise (holds a rival), and *undecided* while the
//! plan is silent. A position is crossed only when its condition is true in
//! the second reading: silence never crosses, a contradiction always does.

use super::{Clause, ClauseIx};

/// Three-valued (Kleene) truth: `Unknown` is "the plan has not decided".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Truth {
    False,
    Unknown,
    True,
}

impl Truth {
    fn not(self) -> Truth {
        match self {
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
            Truth::True => Truth::False,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Condition {
    /// The plan holds the clause.
    Has(ClauseIx),
    /// The plan holds the clause with a value below the bound.
    Below(ClauseIx, i64),
    /// The plan holds the clause with a value above the bound.
    Above(ClauseIx, i64),
    Not(Box<Condition>),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

/// A clause test in a condition, with the side it falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Literal {
    pub clause: ClauseIx,
    pub test: Test,
    /// True under an odd number of `Not`s: the test holding works against crossing.
    pub negated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Test {
    Has,
    Below(i64),
    Above(i64),
}

impl Literal {
    /// Whether the test itself (ignoring `negated`) holds for the plan.
    pub fn holds(&self, plan: &Selection) -> bool {
        match self.test {
            Test::Has => plan.has(self.clause),
            Test::Below(bound) => plan.value(self.clause).is_some_and(|v| v < bound),
            Test::Above(bound) => plan.value(self.clause).is_some_and(|v| v > bound),
        }
    }

    pub fn is_value_test(&self) -> bool {
        self.test != Test::Has
    }
}

impl Condition {
    pub fn holds(&self, plan: &Selection) -> bool {
        match self {
            Condition::Has(c) => plan.has(*c),
            Condition::Below(c, bound) => plan.value(*c).is_some_and(|v| v < *bound),
            Condition::Above(c, bound) => plan.value(*c).is_some_and(|v| v > *bound),
            Condition::Not(inner) => !inner.holds(plan),
            Condition::All(parts) => parts.iter().all(|p| p.holds(plan)),
            Condition::Any(parts) => parts.iter().any(|p| p.holds(plan)),
        }
    }

    /// The condition on a draft: a clause test on a clause the plan neither
    /// holds nor settles otherwise is `Unknown` (`clauses` gives the rivals).
    pub fn truth(&self, plan: &Selection, clauses: &[Clause]) -> Truth {
        let test = |c: ClauseIx, passes: &dyn Fn(i64) -> bool| match plan.value(c) {
            Some(v) if passes(v) => Truth::True,
            Some(_) => Truth::False,
            None if clauses[c].decided_against(plan, clauses) => Truth::False,
            None => Truth::Unknown,
        };
        match self {
            Condition::Has(c) => test(*c, &|_| true),
            Condition::Below(c, bound) => test(*c, &|v| v < *bound),
            Condition::Above(c, bound) => test(*c, &|v| v > *bound),
            Condition::Not(inner) => inner.truth(plan, clauses).not(),
            // Kleene: false dominates a conjunction, true a disjunction.
            Condition::All(parts) => parts.iter().map(|p| p.truth(plan, clauses)).min().unwrap_or(Truth::True),
            Condition::Any(parts) => parts.iter().map(|p| p.truth(plan, clauses)).max().unwrap_or(Truth::False),
        }
    }

    /// Every clause test in the tree with its polarity, in tree order.
    pub fn literals(&self) -> Vec<Literal> {
        let mut out = Vec::new();
        self.collect_literals(false, &mut out);
        out
    }

    fn collect_literals(&self, negated: bool, out: &mut Vec<Literal>) {
        match self {
            Condition::Has(c) => out.push(Literal { clause: *c, test: Test::Has, negated }),
            Condition::Below(c, v) => out.push(Literal { clause: *c, test: Test::Below(*v), negated }),
            Condition::Above(c, v) => out.push(Literal { clause: *c, test: Test::Above(*v), negated }),
            Condition::Not(inner) => inner.collect_literals(!negated, out),
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|p| p.collect_literals(negated, out))
            }
        }
    }

    /// The clauses the condition names, each once, in tree order.
    pub fn clauses(&self) -> Vec<ClauseIx> {
        let mut out: Vec<ClauseIx> = Vec::new();
        for lit in self.literals() {
            if !out.contains(&lit.clause) {
                out.push(lit.clause);
            }
        }
        out
    }
}

/// The clauses a plan holds, as a bitset, with each held clause's value.
/// This is what evaluation reads; [`crate::plan::Plan`] is what users edit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Selection {
    words: Vec<u64>,
    values: Vec<i64>,
}

impl Selection {
    pub fn empty(clause_count: usize) -> Selection {
        Selection { words: vec![0; clause_count.div_ceil(64)], values: vec![0; clause_count] }
    }

    pub fn has(&self, clause: ClauseIx) -> bool {
        self.words.get(clause / 64).is_some_and(|w| w & (1 << (clause % 64)) != 0)
    }

    /// The value of a held clause; `None` when the plan does not hold it.
    pub fn value(&self, clause: ClauseIx) -> Option<i64> {
        self.has(clause).then(|| self.values[clause])
    }

    /// Holds `clause` with `value` (ignored by clauses without a parameter).
    pub fn insert(&mut self, clause: ClauseIx, value: i64) {
        self.words[clause / 64] |= 1 << (clause % 64);
        self.values[clause] = value;
    }

    pub fn remove(&mut self, clause: ClauseIx) {
        self.words[clause / 64] &= !(1 << (clause % 64));
        self.values[clause] = 0;
    }

    /// Held clauses in index order.
    pub fn iter(&self) -> impl Iterator<Item = ClauseIx> + '_ {
        (0..self.values.len()).filter(|&c| self.has(c))
    }

    /// The clauses one plan holds and the other does not, or holds with
    /// another value.
    pub fn differences<'a>(&'a self, other: &'a Selection) -> impl Iterator<Item = ClauseIx> + 'a {
        (0..self.values.len()).filter(move |&c| self.has(c) != other.has(c) || self.value(c) != other.value(c))
    }

    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(held: &[(ClauseIx, i64)]) -> Selection {
        let mut s = Selection::empty(130);
        for &(c, v) in held {
            s.insert(c, v);
        }
        s
    }

    #[test]
    fn selection_holds_values_across_word_boundaries() {
        let mut s = plan(&[(0, 1), (63, 2), (64, 3), (129, 4)]);
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![0, 63, 64, 129]);
        assert_eq!(s.value(64), Some(3));
        assert_eq!(s.len(), 4);
        s.remove(64);
        assert!(!s.has(64) && s.value(64).is_none() && s.len() == 3);
        assert!(!s.has(500), "out of range is simply not held");
    }

    #[test]
    fn each_form_holds_exactly_when_it_should() {
        let s = plan(&[(1, 0), (2, 600_000)]);
        assert!(Condition::Has(1).holds(&s));
        assert!(!Condition::Has(3).holds(&s));
        assert!(Condition::Below(2, 800_000).holds(&s));
        assert!(!Condition::Below(2, 600_000).holds(&s), "the bound itself is allowed");
        assert!(!Condition::Below(3, 10).holds(&s), "an absent clause has no value to test");
        assert!(Condition::Above(2, 500_000).holds(&s));
        assert!(!Condition::Above(2, 600_000).holds(&s));
        assert!(Condition::Not(Box::new(Condition::Has(3))).holds(&s));
        assert!(Condition::All(vec![Condition::Has(1), Condition::Has(2)]).holds(&s));
        assert!(!Condition::All(vec![Condition::Has(1), Condition::Has(3)]).holds(&s));
        assert!(Condition::Any(vec![Condition::Has(3), Condition::Has(2)]).holds(&s));
        assert!(!Condition::Any(vec![]).holds(&s) && Condition::All(vec![]).holds(&s));
    }

    #[test]
    fn literals_carry_polarity_through_negation() {
        let only_with = Condition::All(vec![
            Condition::Has(1),
            Condition::Not(Box::new(Condition::Any(vec![
                Condition::Has(2),
                Condition::Not(Box::new(Condition::Below(3, 5))),
            ]))),
        ]);
        let lits = only_with.literals();
        assert_eq!(
            lits,
            vec![
                Literal { clause: 1, test: Test::Has, negated: false },
                Literal { clause: 2, test: Test::Has, negated: true },
                Literal { clause: 3, test: Test::Below(5), negated: false },
            ]
        );
        assert_eq!(only_with.clauses(), vec![1, 2, 3]);
    }
}
