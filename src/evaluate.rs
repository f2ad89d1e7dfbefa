//! Evaluation: a plan against every position in force, giving each actor a
//! verdict and the reasons for it.
//!
//! Verdicts never average. An actor's verdict is the worst strength among the
//! positions the plan crosses; the demands it meets are listed beside it but
//! never offset a breach.

use serde::Serialize;

use crate::date::Date;
use crate::library::{ActorIx, ClauseIx, Library, PositionIx, Selection, Strength};

/// An actor's verdict on a plan, from best to worst (so `max` is the worst).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    NoObjection,
    StrainsPreference,
    ConflictsWithDemand,
    CrossesRedLine,
}

impl Verdict {
    pub const ALL: [Verdict; 4] =
        [Verdict::CrossesRedLine, Verdict::ConflictsWithDemand, Verdict::StrainsPreference, Verdict::NoObjection];

    /// The verdict a crossed position of this strength brings.
    pub fn of(strength: Strength) -> Verdict {
        match strength {
            Strength::Hard => Verdict::CrossesRedLine,
            Strength::Firm => Verdict::ConflictsWithDemand,
            Strength::Preference | Strength::Concern => Verdict::StrainsPreference,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::CrossesRedLine => "crosses a hard red line",
            Verdict::ConflictsWithDemand => "conflicts with a firm demand",
            Verdict::StrainsPreference => "strains a stated preference",
            Verdict::NoObjection => "no stated objection",
        }
    }

    /// A mark that is not colour, for tables and cards.
    pub fn symbol(self) -> &'static str {
        match self {
            Verdict::CrossesRedLine => "✖",
            Verdict::ConflictsWithDemand => "▲",
            Verdict::StrainsPreference => "◆",
            Verdict::NoObjection => "✓",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Verdict::CrossesRedLine => "crosses-red-line",
            Verdict::ConflictsWithDemand => "conflicts-with-demand",
            Verdict::StrainsPreference => "strains-preference",
            Verdict::NoObjection => "no-objection",
        }
    }
}

/// A position the plan crosses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    pub position: PositionIx,
    /// Clauses the plan holds that make it cross ("forbids", "only together", a value out of bounds).
    pub triggered_by: Vec<ClauseIx>,
    /// Clauses the plan lacks, any of which the position asks for ("requires", "only with").
    pub satisfied_by: Vec<ClauseIx>,
}

/// A demand the plan meets through a clause it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Met {
    pub position: PositionIx,
    pub met_by: Vec<ClauseIx>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorVerdict {
    pub actor: ActorIx,
    pub verdict: Verdict,
    /// Worst first, then in data order.
    pub breaches: Vec<Breach>,
    pub met: Vec<Met>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub as_of: Option<Date>,
    /// One per actor, in library order.
    pub actors: Vec<ActorVerdict>,
}

impl Evaluation {
    /// How many actors get each verdict.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.actors.iter().filter(|a| a.verdict == verdict).count()
    }

    /// "crosses red lines of 5 of 16 actors"
    pub fn summary(&self) -> String {
        let crossed = self.count(Verdict::CrossesRedLine);
        let total = self.actors.len();
        match crossed {
            0 => format!("crosses no hard red line of the {total} actors"),
            1 => format!("crosses red lines of 1 of {total} actors"),
            n => format!("crosses red lines of {n} of {total} actors"),
        }
    }

    pub fn verdict_of(&self, actor: ActorIx) -> Verdict {
        self.actors[actor].verdict
    }
}

/// Evaluates a plan against the positions in force on `as_of` (`None`: the latest).
pub fn evaluate(library: &Library, plan: &Selection, as_of: Option<Date>) -> Evaluation {
    let actors = library
        .actors
        .iter()
        .enumerate()
        .map(|(actor, a)| {
            let mut breaches = Vec::new();
            let mut met = Vec::new();
            for &p in &a.positions {
                if !library.in_force(p, as_of) {
                    continue;
                }
                match judge(library, p, plan) {
                    Judgement::Crossed(b) => breaches.push(b),
                    Judgement::Met(m) => met.push(m),
                    Judgement::Silent => {}
                }
            }
            // Unstable with the position as tie-break: the same order a stable sort
            // gives (positions are listed in index order), and one sort routine
            // fewer in the download.
            breaches.sort_unstable_by_key(|b| (library.positions[b.position].strength, b.position));
            let verdict = breaches
                .iter()
                .map(|b| Verdict::of(library.positions[b.position].strength))
                .max()
                .unwrap_or(Verdict::NoObjection);
            ActorVerdict { actor, verdict, breaches, met }
        })
        .collect();
    Evaluation { as_of, actors }
}

enum Judgement {
    Crossed(Breach),
    Met(Met),
    Silent,
}

fn judge(library: &Library, position: PositionIx, plan: &Selection) -> Judgement {
    let p = &library.positions[position];
    let crossed = p.crossed_when.holds(plan);
    let mut held = Vec::new();
    let mut lacking = Vec::new();
    for lit in &p.literals {
        let test_holds = lit.holds(plan);
        // Crossed: a test on the crossing side that holds is a cause; a
        // presence test on the other side that fails names a remedy.
        // Not crossed: a held clause on the other side meets the position, and
        // so does a held clause whose value respects its bound.
        let bucket = if crossed {
            match (lit.negated, test_holds) {
                (false, true) => &mut held,
                (true, false) if !lit.is_value_test() => &mut lacking,
                _ => continue,
            }
        } else {
            let respected_bound = !lit.negated && lit.is_value_test() && plan.has(lit.clause) && !test_holds;
            if (lit.negated && !lit.is_value_test() && test_holds) || respected_bound {
                &mut held
            } else {
                continue;
            }
        };
        if !bucket.contains(&lit.clause) {
            bucket.push(lit.clause);
        }
    }
    if crossed {
        Judgement::Crossed(Breach { position, triggered_by: held, satisfied_by: lacking })
    } else if !held.is_empty() {
        Judgement::Met(Met { position, met_by: held })
    } else {
        Judgement::Silent
    }
}

/// The worst verdict of each actor on each topic, `grid[actor][topic]`:
/// `None` where the actor has no position in force that touches the topic,
/// so "no stated objection" and "said nothing about it" stay distinct.
pub fn topic_grid(library: &Library, evaluation: &Evaluation) -> Vec<Vec<Option<Verdict>>> {
    evaluation
        .actors
        .iter()
        .map(|a| {
            let mut row = vec![None; library.topics.len()];
            for &p in &library.actors[a.actor].positions {
                if !library.in_force(p, evaluation.as_of) {
                    continue;
                }
                let verdict = a
                    .breaches
                    .iter()
                    .find(|b| b.position == p)
                    .map_or(Verdict::NoObjection, |_| Verdict::of(library.positions[p].strength));
                for &t in &library.positions[p].topics {
                    row[t] = Some(row[t].map_or(verdict, |v: Verdict| v.max(verdict)));
                }
            }
            row
        })
        .collect()
}

/// Two plans side by side: what changed, and each actor's verdict before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub added: Vec<ClauseIx>,
    pub removed: Vec<ClauseIx>,
    /// Clauses both plans hold with different values: (clause, before, after).
    pub changed: Vec<(ClauseIx, i64, i64)>,
    pub before: Evaluation,
    pub after: Evaluation,
}

impl Comparison {
    /// Actors whose verdict differs, with (before, after).
    pub fn shifts(&self) -> impl Iterator<Item = (ActorIx, Verdict, Verdict)> + '_ {
        self.before
            .actors
            .iter()
            .zip(&self.after.actors)
            .filter(|(b, a)| b.verdict != a.verdict)
            .map(|(b, a)| (b.actor, b.verdict, a.verdict))
    }
}

pub fn compare(library: &Library, before: &Selection, after: &Selection, as_of: Option<Date>) -> Comparison {
    Comparison::of(library, before, after, evaluate(library, before, as_of), evaluate(library, after, as_of))
}

impl Comparison {
    /// A comparison from evaluations the caller already has (the app keeps
    /// the draft's, so a click does not evaluate it twice).
    pub fn of(
        library: &Library,
        before: &Selection,
        after: &Selection,
        before_eval: Evaluation,
        after_eval: Evaluation,
    ) -> Comparison {
        let n = library.clauses.len();
        let added = (0..n).filter(|&c| after.has(c) && !before.has(c)).collect();
        let removed = (0..n).filter(|&c| before.has(c) && !after.has(c)).collect();
        let changed = (0..n)
            .filter_map(|c| match (before.value(c), after.value(c)) {
                (Some(b), Some(a)) if a != b && library.clauses[c].param.is_some() => Some((c, b, a)),
                _ => None,
            })
            .collect();
        Comparison { added, removed, changed, before: before_eval, after: after_eval }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::fixture;

    fn plan(library: &Library, held: &[(&str, Option<i64>)]) -> Selection {
        let mut s = Selection::empty(library.clauses.len());
        for &(id, value) in held {
            s.insert(library.clause_ix(id).unwrap_or_else(|| panic!("no clause {id}")), value.unwrap_or(0));
        }
        s
    }

    fn breach<'a>(library: &Library, e: &'a Evaluation, position: &str) -> Option<&'a Breach> {
        e.actors.iter().flat_map(|a| &a.breaches).find(|b| library.positions[b.position].id == position)
    }

    fn met<'a>(library: &Library, e: &'a Evaluation, position: &str) -> Option<&'a Met> {
        e.actors.iter().flat_map(|a| &a.met).find(|m| library.positions[m.position].id == position)
    }

    fn ids(library: &Library, clauses: &[ClauseIx]) -> Vec<String> {
        clauses.iter().map(|&c| library.clauses[c].id.clone()).collect()
    }

    #[test]
    fn forbids_is_crossed_by_the_clause_and_names_it() {
        let lib = fixture::library();
        let e = evaluate(&lib, &plan(&lib, &[("crimea-de-jure", None)]), None);
        let b = breach(&lib, &e, "ua-no-crimea").expect("crossed");
        assert_eq!(ids(&lib, &b.triggered_by), ["crimea-de-jure"]);
        assert!(b.satisfied_by.is_empty());
        let e = evaluate(&lib, &plan(&lib, &[("crimea-de-facto", None)]), None);
        assert!(breach(&lib, &e, "ua-no-crimea").is_none());
    }

    #[test]
    fn requires_is_crossed_by_absence_and_names_what_would_satisfy() {
        let lib = fixture::library();
        let e = evaluate(&lib, &plan(&lib, &[]), None);
        let b = breach(&lib, &e, "ru-crimea").expect("crossed when neither is held");
        assert!(b.triggered_by.is_empty());
        assert_eq!(ids(&lib, &b.satisfied_by), ["crimea-de-jure", "crimea-de-facto"]);
        let e = evaluate(&lib, &plan(&lib, &[("crimea-de-facto", None)]), None);
        assert!(breach(&lib, &e, "ru-crimea").is_none());
        assert_eq!(ids(&lib, &met(&lib, &e, "ru-crimea").expect("met").met_by), ["crimea-de-facto"]);
    }

    #[test]
    fn param_bounds_cross_outside_and_are_met_inside() {
        let lib = fixture::library();
        let low = evaluate(&lib, &plan(&lib, &[("army-cap", Some(600))]), None);
        let b = breach(&lib, &low, "ua-cap").expect("600 is below 800");
        assert_eq!(ids(&lib, &b.triggered_by), ["army-cap"]);
        let edge = evaluate(&lib, &plan(&lib, &[("army-cap", Some(800))]), None);
        assert!(breach(&lib, &edge, "ua-cap").is_none(), "the bound itself is allowed");
        assert!(met(&lib, &edge, "ua-cap").is_some());
        let high = evaluate(&lib, &plan(&lib, &[("army-cap", Some(950))]), None);
        assert!(breach(&lib, &high, "eu-cap-max").is_some(), "max bound");
        let none = evaluate(&lib, &plan(&lib, &[("no-army-cap", None)]), None);
        assert!(breach(&lib, &none, "ua-cap").is_none() && met(&lib, &none, "ua-cap").is_none());
    }

    #[test]
    fn forbids_together_needs_every_clause() {
        let lib = fixture::library();
        let one = evaluate(&lib, &plan(&lib, &[("guarantee", None)]), None);
        assert!(breach(&lib, &one, "ru-no-guarantee-with-monitoring").is_none());
        let both = evaluate(&lib, &plan(&lib, &[("guarantee", None), ("monitoring", None)]), None);
        let b = breach(&lib, &both, "ru-no-guarantee-with-monitoring").expect("crossed");
        assert_eq!(ids(&lib, &b.triggered_by), ["guarantee", "monitoring"]);
    }

    #[test]
    fn only_with_and_stance_versions() {
        let lib = fixture::library();
        // Latest NATO stance (Dec 2025): a ban only together with a guarantee.
        let ban = evaluate(&lib, &plan(&lib, &[("nato-ban", None)]), None);
        let b = breach(&lib, &ban, "ua-nato-2").expect("ban without guarantee");
        assert_eq!(
            (ids(&lib, &b.triggered_by), ids(&lib, &b.satisfied_by)),
            (vec!["nato-ban".into()], vec!["guarantee".into()])
        );
        assert!(breach(&lib, &ban, "ua-nato-1").is_none(), "the older version is superseded");
        let with = evaluate(&lib, &plan(&lib, &[("nato-ban", None), ("guarantee", None)]), None);
        assert!(breach(&lib, &with, "ua-nato-2").is_none());
        assert_eq!(ids(&lib, &met(&lib, &with, "ua-nato-2").expect("met").met_by), ["guarantee"]);

        // As of mid-2025 the older, harder version is in force.
        let mid_2025 = Some(Date::parse("2025-07-01").unwrap());
        let old = evaluate(&lib, &plan(&lib, &[("nato-ban", None), ("guarantee", None)]), mid_2025);
        assert!(breach(&lib, &old, "ua-nato-1").is_some());
        assert_eq!(old.verdict_of(lib.actor_ix("ua").unwrap()), Verdict::CrossesRedLine);
        assert_eq!(with.verdict_of(lib.actor_ix("ua").unwrap()), Verdict::NoObjection);

        // Before anything was said, nothing is in force.
        let early = evaluate(
            &lib,
            &plan(&lib, &[("nato-ban", None), ("crimea-de-jure", None)]),
            Some(Date::parse("2020").unwrap()),
        );
        assert!(early.actors.iter().all(|a| a.breaches.is_empty() && a.verdict == Verdict::NoObjection));
    }

    #[test]
    fn general_expressions_with_negation_and_conjunction() {
        let lib = fixture::library();
        let low_cap = evaluate(&lib, &plan(&lib, &[("army-cap", Some(650))]), None);
        assert!(breach(&lib, &low_cap, "eu-no-cap").is_some());
        let ban = evaluate(&lib, &plan(&lib, &[("nato-ban", None), ("army-cap", Some(750))]), None);
        let b = breach(&lib, &ban, "eu-no-cap").expect("ban without guarantee");
        assert_eq!(ids(&lib, &b.triggered_by), ["nato-ban"], "army-cap at 750 is not a cause");
        assert_eq!(ids(&lib, &b.satisfied_by), ["guarantee"]);
        let fine =
            evaluate(&lib, &plan(&lib, &[("nato-ban", None), ("guarantee", None), ("army-cap", Some(750))]), None);
        assert!(breach(&lib, &fine, "eu-no-cap").is_none());
    }

    #[test]
    fn verdict_is_the_worst_breach_and_gains_never_offset_it() {
        let lib = fixture::library();
        let ua = lib.actor_ix("ua").unwrap();
        // Meets Ukraine's cap demand (900 >= 800) yet crosses its Crimea red line.
        let e = evaluate(&lib, &plan(&lib, &[("crimea-de-jure", None), ("army-cap", Some(900))]), None);
        assert_eq!(e.verdict_of(ua), Verdict::CrossesRedLine);
        assert!(!e.actors[ua].met.is_empty());
        let firm_only = evaluate(&lib, &plan(&lib, &[("army-cap", Some(600))]), None);
        assert_eq!(firm_only.verdict_of(ua), Verdict::ConflictsWithDemand);
        let eu = lib.actor_ix("eu").unwrap();
        assert_eq!(firm_only.verdict_of(eu), Verdict::StrainsPreference, "a crossed concern strains");
        assert_eq!(firm_only.summary(), "crosses red lines of 1 of 3 actors", "Russia's Crimea requirement");
        let sorted = evaluate(&lib, &plan(&lib, &[("crimea-de-jure", None), ("army-cap", Some(600))]), None);
        let strengths: Vec<Strength> =
            sorted.actors[ua].breaches.iter().map(|b| lib.positions[b.position].strength).collect();
        assert_eq!(strengths, [Strength::Hard, Strength::Firm], "worst first");
    }

    #[test]
    fn the_grid_shows_the_worst_verdict_per_topic_and_silence_as_none() {
        let lib = fixture::library();
        let topic = |id: &str| lib.topics.iter().position(|t| t.id == id).unwrap();
        let e = evaluate(&lib, &plan(&lib, &[("crimea-de-jure", None), ("army-cap", Some(850))]), None);
        let grid = topic_grid(&lib, &e);
        let (ua, ru, eu) = (lib.actor_ix("ua").unwrap(), lib.actor_ix("ru").unwrap(), lib.actor_ix("eu").unwrap());
        assert_eq!(grid[ua][topic("territory")], Some(Verdict::CrossesRedLine));
        assert_eq!(grid[ua][topic("army")], Some(Verdict::NoObjection), "850 meets the 800 floor");
        assert_eq!(grid[ru][topic("territory")], Some(Verdict::NoObjection), "requirement met");
        assert_eq!(grid[ru][topic("army")], None, "Russia says nothing on the army in the fixture");
        // eu-no-cap touches army and security; a NATO ban without guarantee strains it.
        let e = evaluate(&lib, &plan(&lib, &[("nato-ban", None)]), None);
        let grid = topic_grid(&lib, &e);
        assert_eq!(grid[eu][topic("security")], Some(Verdict::StrainsPreference));
        assert_eq!(grid[eu][topic("army")], Some(Verdict::StrainsPreference), "one position, both its topics");
        assert_eq!(grid[eu][topic("territory")], None);
    }

    #[test]
    fn comparison_lists_changes_and_verdict_shifts() {
        let lib = fixture::library();
        let before = plan(&lib, &[("crimea-de-jure", None), ("army-cap", Some(600)), ("monitoring", None)]);
        let after = plan(&lib, &[("crimea-de-facto", None), ("army-cap", Some(800)), ("monitoring", None)]);
        let c = compare(&lib, &before, &after, None);
        assert_eq!(ids(&lib, &c.added), ["crimea-de-facto"]);
        assert_eq!(ids(&lib, &c.removed), ["crimea-de-jure"]);
        assert_eq!(c.changed, vec![(lib.clause_ix("army-cap").unwrap(), 600, 800)]);
        let ua = lib.actor_ix("ua").unwrap();
        assert!(c.shifts().any(|(a, b, af)| a == ua && b == Verdict::CrossesRedLine && af == Verdict::NoObjection));
    }
}
