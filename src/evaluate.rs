//! Evaluation: a plan against every position in force, giving each actor a
//! verdict and the reasons for it.
//!
//! Verdicts never average. An actor's verdict is the worst strength among the
//! positions the plan crosses; the demands it meets are listed beside it but
//! never offset a breach.

use serde::Serialize;

use crate::date::Date;
use crate::library::{ActorIx, ClauseIx, Library, Literal, Position, PositionIx, Selection, Strength, Truth};

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

    /// Its place in [`Verdict::ALL`], worst first: counts by verdict index by it.
    pub fn rank(self) -> usize {
        match self {
            Verdict::CrossesRedLine => 0,
            Verdict::ConflictsWithDemand => 1,
            Verdict::StrainsPreference => 2,
            Verdict::NoObjection => 3,
        }
    }

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

    /// The label for this actor: a commentator's or analyst's positions are
    /// views the sources report, never red lines or demands.
    pub fn label_for(self, actor: &crate::library::Actor) -> &'static str {
        if actor.is_party() {
            return self.label();
        }
        match self {
            Verdict::CrossesRedLine => "contradicts a view stated as a red line",
            Verdict::ConflictsWithDemand => "contradicts a view stated as a demand",
            Verdict::StrainsPreference => "contradicts a stated preference",
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

/// A position the plan crosses, or a demand it leaves open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    pub position: PositionIx,
    /// Clauses the plan holds that make it cross ("forbids", "only together",
    /// a value out of bounds, a rival of what a demand asks for); for an open
    /// demand, the held clauses that make it a question ("only with").
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
    /// Demands the plan does not settle, in data order. They never change the verdict.
    pub open: Vec<Breach>,
    pub met: Vec<Met>,
}

impl ActorVerdict {
    /// The tally a card's head shows, counted from the reasons: what the
    /// standings a click computes must equal (a property test holds them so).
    pub fn tally(&self, library: &Library) -> Tally {
        let mut crossed_by_verdict = [0; 3];
        for b in &self.breaches {
            let verdict = Verdict::of(library.positions[b.position].strength);
            crossed_by_verdict[verdict.rank()] += 1;
        }
        Tally {
            verdict: self.verdict,
            crossed: self.breaches.len(),
            crossed_by_verdict,
            open: self.open.len(),
            met: self.met.len(),
        }
    }
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

    pub fn verdict_of(&self, actor: ActorIx) -> Verdict {
        self.actors[actor].verdict
    }

    /// "crosses hard red lines of 2 of 21 parties": parties only, never commentators.
    pub fn summary(&self, library: &Library) -> String {
        summary(library, self.actors.iter().map(|a| a.verdict))
    }
}

/// Evaluates a plan against the positions in force on `as_of` (`None`: the latest).
pub fn evaluate(library: &Library, plan: &Selection, as_of: Option<Date>) -> Evaluation {
    let actors = (0..library.actors.len()).map(|actor| evaluate_actor(library, plan, as_of, actor)).collect();
    Evaluation { as_of, actors }
}

/// One actor's verdict with its reasons: what an opened card shows.
pub fn evaluate_actor(library: &Library, plan: &Selection, as_of: Option<Date>, actor: ActorIx) -> ActorVerdict {
    let mut breaches = Vec::new();
    let mut open = Vec::new();
    let mut met = Vec::new();
    for &position in &library.actors[actor].positions {
        if !library.in_force(position, as_of) {
            continue;
        }
        let because = |wanted| clauses_giving(library, position, plan, wanted);
        let breach =
            || Breach { position, triggered_by: because(Reason::Cause), satisfied_by: because(Reason::Remedy) };
        match standing(library, position, plan) {
            Standing::Crossed => {
                // Worst first, then in data order: positions come in index
                // order, so inserting after every breach at least as bad
                // keeps both, with no sort routine in the download.
                let strength = library.positions[position].strength;
                let at = breaches.partition_point(|b: &Breach| library.positions[b.position].strength <= strength);
                breaches.insert(at, breach());
            }
            Standing::Open => open.push(breach()),
            Standing::Met => met.push(Met { position, met_by: because(Reason::Meets) }),
            Standing::Untouched => {}
        }
    }
    // Worst first, so the first breach gives the verdict.
    let verdict =
        breaches.first().map_or(Verdict::NoObjection, |b| Verdict::of(library.positions[b.position].strength));
    ActorVerdict { actor, verdict, breaches, open, met }
}

/// How a plan stands with one position in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The plan holds what the actor rejects, or settles the matter against
    /// what it demands.
    Crossed,
    /// A demand the plan does not settle: silence, never a breach.
    Open,
    /// Not crossed and nothing left open, and what the plan holds is why:
    /// without the clauses that meet it, the position would be crossed.
    Met,
    /// The plan does not touch what the position is about.
    Untouched,
}

/// An actor's verdict and tally, without the reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub verdict: Verdict,
    /// Positions crossed.
    pub crossed: usize,
    /// Positions crossed by the verdict each brings, worst first: hard red
    /// lines (✖), firm demands (▲), preferences and concerns (◆).
    pub crossed_by_verdict: [usize; 3],
    /// Demands the plan leaves open.
    pub open: usize,
    /// Demands met.
    pub met: usize,
}

/// A plan's standing with every position and each actor's tally: all a click
/// needs for the cards' heads, the summary and the grid.
///
/// Why apart from [`Evaluation`]: the reasons are lists of clauses for every
/// position touched, which cost a click most of its evaluation time to build,
/// compare and drop; the app builds them only for the cards a reader opens.
/// Both classify through the same `standing`, so they cannot disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standings {
    /// Per position; `None` where it is not in force on the date asked.
    pub positions: Vec<Option<Standing>>,
    /// Per actor, in library order.
    pub actors: Vec<Tally>,
}

impl Standings {
    pub fn of(library: &Library, plan: &Selection, as_of: Option<Date>) -> Standings {
        let positions: Vec<Option<Standing>> = (0..library.positions.len())
            .map(|p| library.in_force(p, as_of).then(|| standing(library, p, plan)))
            .collect();
        Standings { actors: tallies(library, &positions), positions }
    }

    /// The standings of `after`, these being `before`'s on the same library
    /// and date: only the positions that read a clause the edit took,
    /// dropped or revalued are evaluated again (`Library::readers`). A click
    /// changes one clause or two, which a few positions read.
    pub fn update(&self, library: &Library, before: &Selection, after: &Selection) -> Standings {
        let mut positions = self.positions.clone();
        for c in before.differences(after) {
            for &p in library.readers(c) {
                // `None`: not in force on the date, whatever the plan.
                if positions[p].is_some() {
                    positions[p] = Some(standing(library, p, after));
                }
            }
        }
        Standings { actors: tallies(library, &positions), positions }
    }

    /// "crosses hard red lines of 2 of 21 parties": parties only, never commentators.
    pub fn summary(&self, library: &Library) -> String {
        summary(library, self.actors.iter().map(|t| t.verdict))
    }

    /// How many parties stand at each verdict, in the order of `Verdict::ALL`
    /// (worst first): the compact summary a phone keeps in sight.
    pub fn party_counts(&self, library: &Library) -> [usize; 4] {
        let mut counts = [0; 4];
        for (actor, standing) in self.actors.iter().enumerate() {
            if library.actors[actor].is_party() {
                counts[standing.verdict.rank()] += 1;
            }
        }
        counts
    }
}

/// Each actor's verdict and tally from its positions' standings.
fn tallies(library: &Library, positions: &[Option<Standing>]) -> Vec<Tally> {
    library
        .actors
        .iter()
        .map(|a| {
            let mut tally =
                Tally { verdict: Verdict::NoObjection, crossed: 0, crossed_by_verdict: [0; 3], open: 0, met: 0 };
            for &p in &a.positions {
                match positions[p] {
                    Some(Standing::Crossed) => {
                        let verdict = Verdict::of(library.positions[p].strength);
                        tally.crossed += 1;
                        tally.crossed_by_verdict[verdict.rank()] += 1;
                        tally.verdict = tally.verdict.max(verdict);
                    }
                    Some(Standing::Open) => tally.open += 1,
                    Some(Standing::Met) => tally.met += 1,
                    Some(Standing::Untouched) | None => {}
                }
            }
            tally
        })
        .collect()
}

/// The parties (commentators and analysts apart) whose hard red lines the
/// verdicts cross, and how many parties there are.
pub fn parties_crossed(library: &Library, verdicts: impl Iterator<Item = Verdict>) -> (Vec<ActorIx>, usize) {
    let mut crossed = Vec::new();
    let mut parties = 0;
    for (actor, verdict) in verdicts.enumerate() {
        if library.actors[actor].is_party() {
            parties += 1;
            if verdict == Verdict::CrossesRedLine {
                crossed.push(actor);
            }
        }
    }
    (crossed, parties)
}

/// The headline names who: "crosses hard red lines of Ukraine and the
/// European Commission (2 of 17 parties)"; past four names, the first three and how many more.
fn summary(library: &Library, verdicts: impl Iterator<Item = Verdict>) -> String {
    let (crossed, total) = parties_crossed(library, verdicts);
    if crossed.is_empty() {
        return format!("crosses no hard red line of the {total} parties");
    }
    let shown = if crossed.len() > 4 { 3 } else { crossed.len() };
    let mut names: Vec<String> = crossed[..shown].iter().map(|&a| library.actors[a].in_text()).collect();
    if shown < crossed.len() {
        names.push(format!("{} more", crossed.len() - shown));
    }
    format!("crosses hard red lines of {} ({} of {total} parties)", listed(&names), crossed.len())
}

/// "A", "A and B", "A, B and C".
pub fn listed(names: &[String]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        out.push_str(match i {
            0 => "",
            _ if i + 1 == names.len() => " and ",
            _ => ", ",
        });
        out.push_str(name);
    }
    out
}

fn standing(library: &Library, position: PositionIx, plan: &Selection) -> Standing {
    let p = &library.positions[position];
    if p.crossed_when.truth(plan, &library.clauses) == Truth::True {
        Standing::Crossed
    } else if p.crossed_when.holds(plan) {
        // Would cross if silence were read as "no": a demand left open, even
        // where the plan meets another part of it ("territorial integrity
        // and sovereignty" with sovereignty alone).
        Standing::Open
    } else if meets(p, plan) {
        Standing::Met
    } else {
        Standing::Untouched
    }
}

/// Whether what the plan holds is why the position is not crossed: a value
/// within its bound, or clauses on the meeting side without which it would
/// be. A guarantee that a conditional offer asks for ("renounce NATO only
/// with Article-5-like guarantees") does not meet it in a plan that asks
/// for no renunciation.
fn meets(p: &Position, plan: &Selection) -> bool {
    let mut without: Option<Selection> = None;
    for lit in &p.literals {
        if reason(lit, plan, false, p.rejection) == Some(Reason::Meets) {
            if lit.is_value_test() {
                return true;
            }
            without.get_or_insert_with(|| plan.clone()).remove(lit.clause);
        }
    }
    without.is_some_and(|rest| p.crossed_when.holds(&rest))
}

/// What one clause test says about why a plan stands where it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    /// Crossed (or open), and this held clause (or value) is why.
    Cause,
    /// Crossed (or open), and holding this clause is one way out.
    Remedy,
    /// Not crossed, and this held clause meets the position.
    Meets,
}

/// `rejection`: the position asked for nothing (`Position::rejection`), so a
/// respected bound does not meet it.
fn reason(lit: &Literal, plan: &Selection, crossed: bool, rejection: bool) -> Option<Reason> {
    let test_holds = lit.holds(plan);
    // Crossed: a test on the crossing side that holds is a cause; a presence
    // test on the other side that fails names a remedy. Not crossed: a held
    // clause on the other side meets the position, and so does a held clause
    // whose value respects its bound.
    if crossed {
        match (lit.negated, test_holds) {
            (false, true) => Some(Reason::Cause),
            (true, false) if !lit.is_value_test() => Some(Reason::Remedy),
            _ => None,
        }
    } else {
        let respected_bound = !rejection && !lit.negated && lit.is_value_test() && plan.has(lit.clause) && !test_holds;
        ((lit.negated && !lit.is_value_test() && test_holds) || respected_bound).then_some(Reason::Meets)
    }
}

/// The clauses whose tests give `wanted`, each once, in the condition's order.
/// A demanded clause the plan settled otherwise names the rivals it holds as causes.
fn clauses_giving(library: &Library, position: PositionIx, plan: &Selection, wanted: Reason) -> Vec<ClauseIx> {
    let crossed = wanted != Reason::Meets;
    let mut clauses = Vec::new();
    let mut push = |c: ClauseIx| {
        if !clauses.contains(&c) {
            clauses.push(c);
        }
    };
    for lit in &library.positions[position].literals {
        if reason(lit, plan, crossed, library.positions[position].rejection) == Some(wanted) {
            push(lit.clause);
        }
        if wanted == Reason::Cause && lit.negated && !plan.has(lit.clause) {
            let deciding = |&&r: &&ClauseIx| plan.has(r) && !library.clauses[r].defers;
            library.clauses[lit.clause].rivals.iter().filter(deciding).for_each(|&r| push(r));
        }
    }
    clauses
}

/// The worst verdict of each actor on each topic, `grid[actor][topic]`:
/// `None` where the actor has no position in force that touches the topic,
/// so "no stated objection" and "said nothing about it" stay distinct.
pub fn topic_grid(library: &Library, standings: &Standings) -> Vec<Vec<Option<Verdict>>> {
    library
        .actors
        .iter()
        .map(|a| {
            let mut row = vec![None; library.topics.len()];
            for &p in &a.positions {
                let verdict = match standings.positions[p] {
                    None => continue,
                    Some(Standing::Crossed) => Verdict::of(library.positions[p].strength),
                    Some(Standing::Met | Standing::Open | Standing::Untouched) => Verdict::NoObjection,
                };
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

/// Compares two plans, each evaluated in full against the positions in force on `as_of`.
pub fn compare(library: &Library, before: &Selection, after: &Selection, as_of: Option<Date>) -> Comparison {
    // In the order the library shows them: by topic, then as the topic lists them.
    let in_topic_order: Vec<ClauseIx> = library.topics.iter().flat_map(|t| t.clauses.iter().copied()).collect();
    let added = in_topic_order.iter().copied().filter(|&c| after.has(c) && !before.has(c)).collect();
    let removed = in_topic_order.iter().copied().filter(|&c| before.has(c) && !after.has(c)).collect();
    let changed = in_topic_order
        .iter()
        .filter_map(|&c| match (before.value(c), after.value(c)) {
            (Some(b), Some(a)) if a != b && library.clauses[c].param.is_some() => Some((c, b, a)),
            _ => None,
        })
        .collect();
    Comparison {
        added,
        removed,
        changed,
        before: evaluate(library, before, as_of),
        after: evaluate(library, after, as_of),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_verdict_ranks_at_its_place_in_all() {
        for (i, v) in Verdict::ALL.iter().enumerate() {
            assert_eq!(v.rank(), i);
        }
    }

    #[test]
    fn names_are_listed_as_a_sentence_says_them() {
        let names = |n: &[&str]| listed(&n.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(names(&["Ukraine"]), "Ukraine");
        assert_eq!(names(&["Ukraine", "Russia"]), "Ukraine and Russia");
        assert_eq!(names(&["Ukraine", "Russia", "France"]), "Ukraine, Russia and France");
    }

    #[test]
    fn a_long_headline_names_three_and_counts_the_rest() {
        let library = Library::embedded().unwrap();
        // One answer to every question, every standalone clause: nearly everyone objects.
        let mut plan = crate::plan::Plan::default();
        for c in 0..library.clauses.len() {
            plan.add(&library, c);
        }
        let standings = Standings::of(&library, &plan.selection(&library), None);
        let crossed = standings.party_counts(&library)[0];
        assert!(crossed > 4, "{crossed}");
        let headline = standings.summary(&library);
        assert!(headline.ends_with(&format!(" and {} more ({crossed} of 17 parties)", crossed - 3)), "{headline}");
    }

    #[test]
    fn a_headline_says_the_before_a_name_that_takes_it() {
        let library = Library::embedded().unwrap();
        let p = library.preset_ix("us-28-point").unwrap();
        let standings = Standings::of(&library, &crate::plan::Plan::from_preset(&library, p).selection(&library), None);
        let headline = standings.summary(&library);
        let (crossed, _) = parties_crossed(&library, standings.actors.iter().map(|t| t.verdict));
        let (definite, bare): (Vec<ActorIx>, Vec<ActorIx>) = crossed.iter().partition(|&&a| library.actors[a].definite);
        assert!(!definite.is_empty() && !bare.is_empty(), "the 28-point plan names both kinds: {headline}");
        for a in definite {
            assert!(headline.contains(&format!(" the {}", library.actors[a].name)), "{headline}");
        }
        for a in bare {
            assert!(!headline.contains(&format!("the {}", library.actors[a].name)), "{headline}");
        }
    }

    #[test]
    fn party_counts_leave_out_commentators_and_add_up_to_the_parties() {
        let library = Library::embedded().unwrap();
        let parties = library.actors.iter().filter(|a| a.is_party()).count();
        assert!(parties < library.actors.len(), "the library has commentators to leave out");
        let blank = Standings::of(&library, &crate::plan::Plan::default().selection(&library), None);
        assert_eq!(blank.party_counts(&library), [0, 0, 0, parties]);
        let p = library.preset_ix("us-28-point").unwrap();
        let plan = crate::plan::Plan::from_preset(&library, p).selection(&library);
        let standings = Standings::of(&library, &plan, None);
        let counts = standings.party_counts(&library);
        assert_eq!(counts.iter().sum::<usize>(), parties);
        let crossing = standings.summary(&library);
        assert!(crossing.contains(&format!("({} of {parties} parties)", counts[0])), "{crossing} vs {counts:?}");
        assert!(crossing.contains("Ukraine"), "the headline names who: {crossing}");
        assert!(counts[0] > 0, "the 28-point plan crosses hard red lines of some party");
    }

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

    fn open<'a>(library: &Library, e: &'a Evaluation, position: &str) -> Option<&'a Breach> {
        e.actors.iter().flat_map(|a| &a.open).find(|b| library.positions[b.position].id == position)
    }

    fn standing_of(library: &Library, held: &[(&str, Option<i64>)], position: &str) -> Option<Standing> {
        let p = library.positions.iter().position(|p| p.id == position).unwrap();
        Standings::of(library, &plan(library, held), None).positions[p]
    }

    #[test]
    fn requires_is_open_while_silent_and_crossed_by_a_rival() {
        let lib = fixture::library();
        let e = evaluate(&lib, &plan(&lib, &[]), None);
        assert!(breach(&lib, &e, "ru-crimea").is_none(), "silence never crosses");
        let o = open(&lib, &e, "ru-crimea").expect("open while the question is unsettled");
        assert_eq!(ids(&lib, &o.satisfied_by), ["crimea-de-jure", "crimea-de-facto"]);
        let e = evaluate(&lib, &plan(&lib, &[("crimea-ukrainian", None)]), None);
        let b = breach(&lib, &e, "ru-crimea").expect("the question answered another way crosses it");
        assert_eq!(ids(&lib, &b.triggered_by), ["crimea-ukrainian"]);
        assert_eq!(ids(&lib, &b.satisfied_by), ["crimea-de-jure", "crimea-de-facto"]);
        let e = evaluate(&lib, &plan(&lib, &[("crimea-de-facto", None)]), None);
        assert!(breach(&lib, &e, "ru-crimea").is_none() && open(&lib, &e, "ru-crimea").is_none());
        assert_eq!(ids(&lib, &met(&lib, &e, "ru-crimea").expect("met").met_by), ["crimea-de-facto"]);
    }

    #[test]
    fn a_declared_contradiction_crosses_a_demand_outside_its_question() {
        let lib = fixture::library();
        assert_eq!(standing_of(&lib, &[], "ru-neutral"), Some(Standing::Open));
        assert_eq!(standing_of(&lib, &[("monitoring", None)], "ru-neutral"), Some(Standing::Open));
        assert_eq!(standing_of(&lib, &[("nato-path", None)], "ru-neutral"), Some(Standing::Crossed));
        assert_eq!(standing_of(&lib, &[("nato-ban", None)], "ru-neutral"), Some(Standing::Met));
        let e = evaluate(&lib, &plan(&lib, &[("nato-path", None)]), None);
        assert_eq!(ids(&lib, &breach(&lib, &e, "ru-neutral").unwrap().triggered_by), ["nato-path"]);
    }

    #[test]
    fn four_standings_for_every_condition_kind() {
        use Standing::*;
        let lib = fixture::library();
        // (held, position, standing): forbids, requires, forbids_together, only_with, param, when.
        type Held<'a> = &'a [(&'a str, Option<i64>)];
        let cases: &[(Held, &str, Standing)] = &[
            (&[], "ua-no-crimea", Untouched),
            (&[("crimea-de-facto", None)], "ua-no-crimea", Untouched),
            (&[("crimea-de-jure", None)], "ua-no-crimea", Crossed),
            (&[], "ru-crimea", Open),
            (&[("crimea-ukrainian", None)], "ru-crimea", Crossed),
            (&[("crimea-de-jure", None)], "ru-crimea", Met),
            (&[("guarantee", None)], "ru-no-guarantee-with-monitoring", Untouched),
            (&[("guarantee", None), ("monitoring", None)], "ru-no-guarantee-with-monitoring", Crossed),
            (&[], "ua-nato-2", Untouched),
            (&[("nato-ban", None)], "ua-nato-2", Open),
            (&[("nato-ban", None), ("no-guarantee", None)], "ua-nato-2", Crossed),
            (&[("nato-ban", None), ("guarantee", None)], "ua-nato-2", Met),
            (&[("no-guarantee", None)], "ua-nato-2", Untouched),
            // What a conditional offer asks in return does not meet it alone.
            (&[("guarantee", None)], "ua-nato-2", Untouched),
            (&[("guarantee", None)], "eu-no-cap", Untouched),
            (&[], "ua-cap", Untouched),
            (&[("no-army-cap", None)], "ua-cap", Untouched),
            (&[("army-cap", Some(600))], "ua-cap", Crossed),
            (&[("army-cap", Some(800))], "ua-cap", Met),
            (&[], "eu-no-cap", Untouched),
            (&[("nato-ban", None)], "eu-no-cap", Open),
            (&[("nato-ban", None), ("no-guarantee", None)], "eu-no-cap", Crossed),
            (&[("army-cap", Some(650))], "eu-no-cap", Crossed),
            (&[("army-cap", Some(750))], "eu-no-cap", Met),
        ];
        for &(held, position, want) in cases {
            assert_eq!(standing_of(&lib, held, position), Some(want), "{position} with {held:?}");
        }
    }

    #[test]
    fn the_blank_plan_crosses_nothing() {
        let lib = fixture::library();
        let s = Standings::of(&lib, &plan(&lib, &[]), None);
        assert!(s.actors.iter().all(|t| t.verdict == Verdict::NoObjection && t.crossed == 0));
        assert!(s.actors.iter().all(|t| t.crossed_by_verdict == [0; 3]));
        assert!(s.actors.iter().any(|t| t.open > 0), "but demands are open");
    }

    #[test]
    fn headline_counts_parties_and_never_commentators() {
        let lib = fixture::library();
        // Only the commentator objects to a Ukrainian Crimea...
        let s = Standings::of(&lib, &plan(&lib, &[("crimea-ukrainian", None)]), None);
        assert_eq!(s.actors[lib.actor_ix("pundit").unwrap()].verdict, Verdict::CrossesRedLine);
        let ru = &lib.actors[lib.actor_ix("ru").unwrap()].name;
        assert_eq!(
            s.summary(&lib),
            format!("crosses hard red lines of {ru} (1 of 3 parties)"),
            "Russia's, not the pundit's"
        );
        let view = Verdict::CrossesRedLine.label_for(&lib.actors[lib.actor_ix("pundit").unwrap()]);
        assert!(!view.contains("red line crossed") && view.starts_with("contradicts a view"));
        let s = Standings::of(&lib, &plan(&lib, &[("crimea-de-facto", None)]), None);
        assert_eq!(s.summary(&lib), "crosses no hard red line of the 3 parties");
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
        let ban = evaluate(&lib, &plan(&lib, &[("nato-ban", None), ("no-guarantee", None)]), None);
        let b = breach(&lib, &ban, "ua-nato-2").expect("ban without guarantee");
        assert_eq!(
            (ids(&lib, &b.triggered_by), ids(&lib, &b.satisfied_by)),
            (vec!["nato-ban".into(), "no-guarantee".into()], vec!["guarantee".into()])
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
        let ban =
            evaluate(&lib, &plan(&lib, &[("nato-ban", None), ("no-guarantee", None), ("army-cap", Some(750))]), None);
        let b = breach(&lib, &ban, "eu-no-cap").expect("ban without guarantee");
        assert_eq!(ids(&lib, &b.triggered_by), ["nato-ban", "no-guarantee"], "army-cap at 750 is not a cause");
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
        assert_eq!(
            firm_only.summary(&lib),
            "crosses no hard red line of the 3 parties",
            "Russia's Crimea demand is open"
        );
        let sorted = evaluate(&lib, &plan(&lib, &[("crimea-de-jure", None), ("army-cap", Some(600))]), None);
        let strengths: Vec<Strength> =
            sorted.actors[ua].breaches.iter().map(|b| lib.positions[b.position].strength).collect();
        assert_eq!(strengths, [Strength::Hard, Strength::Firm], "worst first");
    }

    #[test]
    fn the_grid_shows_the_worst_verdict_per_topic_and_silence_as_none() {
        let lib = fixture::library();
        let topic = |id: &str| lib.topics.iter().position(|t| t.id == id).unwrap();
        let standings = Standings::of(&lib, &plan(&lib, &[("crimea-de-jure", None), ("army-cap", Some(850))]), None);
        let grid = topic_grid(&lib, &standings);
        let (ua, ru, eu) = (lib.actor_ix("ua").unwrap(), lib.actor_ix("ru").unwrap(), lib.actor_ix("eu").unwrap());
        assert_eq!(grid[ua][topic("territory")], Some(Verdict::CrossesRedLine));
        assert_eq!(grid[ua][topic("army")], Some(Verdict::NoObjection), "850 meets the 800 floor");
        assert_eq!(grid[ru][topic("territory")], Some(Verdict::NoObjection), "requirement met");
        assert_eq!(grid[ru][topic("army")], None, "Russia says nothing on the army in the fixture");
        // eu-no-cap touches army and security; a NATO ban without guarantee strains it.
        let grid =
            topic_grid(&lib, &Standings::of(&lib, &plan(&lib, &[("nato-ban", None), ("no-guarantee", None)]), None));
        assert_eq!(grid[eu][topic("security")], Some(Verdict::StrainsPreference));
        assert_eq!(grid[eu][topic("army")], Some(Verdict::StrainsPreference), "one position, both its topics");
        assert_eq!(grid[eu][topic("territory")], None);
    }

    #[test]
    fn standings_tally_what_evaluation_explains() {
        let lib = fixture::library();
        let mid_2025 = Some(Date::parse("2025-07-01").unwrap());
        let plans = [
            plan(&lib, &[]),
            plan(&lib, &[("crimea-de-jure", None), ("army-cap", Some(900))]),
            plan(&lib, &[("nato-ban", None), ("army-cap", Some(750))]),
            plan(&lib, &[("guarantee", None), ("monitoring", None), ("crimea-de-facto", None)]),
        ];
        for (s, as_of) in plans.iter().flat_map(|s| [(s, None), (s, mid_2025)]) {
            let (standings, e) = (Standings::of(&lib, s, as_of), evaluate(&lib, s, as_of));
            let tallies: Vec<Tally> = e.actors.iter().map(|a| a.tally(&lib)).collect();
            assert_eq!(standings.actors, tallies);
            assert_eq!(standings.summary(&lib), e.summary(&lib));
            for b in e.actors.iter().flat_map(|a| &a.breaches) {
                assert_eq!(standings.positions[b.position], Some(Standing::Crossed));
            }
            for m in e.actors.iter().flat_map(|a| &a.met) {
                assert_eq!(standings.positions[m.position], Some(Standing::Met));
            }
        }
        // Superseded versions are not in force, so they have no standing.
        let old = lib.positions.iter().position(|p| p.id == "ua-nato-1").unwrap();
        assert_eq!(Standings::of(&lib, &plans[0], None).positions[old], None);
        assert!(Standings::of(&lib, &plans[0], mid_2025).positions[old].is_some());
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

    #[test]
    fn comparison_lists_clauses_in_topic_order() {
        let lib = Library::embedded().unwrap();
        let topic_order: Vec<ClauseIx> = lib.topics.iter().flat_map(|t| t.clauses.iter().copied()).collect();
        let everything = {
            let mut s = Selection::empty(lib.clauses.len());
            // Clause index order differs from topic order, or this test proves nothing.
            assert_ne!(topic_order, (0..lib.clauses.len()).collect::<Vec<_>>());
            (0..lib.clauses.len()).for_each(|c| s.insert(c, 0));
            s
        };
        let c = compare(&lib, &Selection::empty(lib.clauses.len()), &everything, None);
        assert_eq!(c.added, topic_order);
        let back = compare(&lib, &everything, &Selection::empty(lib.clauses.len()), None);
        assert_eq!(back.removed, topic_order);
    }
}
