//! The actor × topic grid's cells and their reasons, and the direction of a
//! change between two verdicts (the comparison).
//!
//! A cell says more than the worst verdict: a crossed position, an open
//! demand, a met one, a position the plan does not touch, or no position at
//! all, so "met" and "said nothing" never look alike.

use crate::evaluate::{Standing, Standings, Verdict};
use crate::library::{ActorIx, Library, PositionIx, TopicIx};

/// What an actor's positions on a topic make of a plan, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Crossed(Verdict),
    Open,
    Met,
    Untouched,
    NoPosition,
}

impl Cell {
    fn of(library: &Library, position: PositionIx, standing: Standing) -> Cell {
        match standing {
            Standing::Crossed => Cell::Crossed(Verdict::of(library.positions[position].strength)),
            Standing::Open => Cell::Open,
            Standing::Met => Cell::Met,
            Standing::Untouched => Cell::Untouched,
        }
    }

    /// Worst first: a crossed red line before a crossed demand, any breach
    /// before an open demand, and so on down to no position.
    fn severity(self) -> u8 {
        match self {
            Cell::Crossed(v) => v.rank() as u8,
            Cell::Open => 4,
            Cell::Met => 5,
            Cell::Untouched => 6,
            Cell::NoPosition => 7,
        }
    }

    fn worst(self, other: Cell) -> Cell {
        if other.severity() < self.severity() {
            other
        } else {
            self
        }
    }

    /// A mark that is not colour: the verdict's symbol when crossed.
    pub fn symbol(self) -> &'static str {
        match self {
            Cell::Crossed(v) => v.symbol(),
            Cell::Open => "?",
            Cell::Met => "✓",
            Cell::Untouched => "○",
            Cell::NoPosition => "",
        }
    }

    /// In words, for the cell's label and the reasons.
    pub fn label(self, actor: &crate::library::Actor) -> &'static str {
        match self {
            Cell::Crossed(v) => v.label_for(actor),
            Cell::Open => "open: a demand or preference the draft does not settle",
            Cell::Met => "met",
            Cell::Untouched => "not touched by the draft",
            Cell::NoPosition => "no stated position",
        }
    }

    /// A class for the style sheet (the verdict's colour when crossed).
    pub fn slug(self) -> &'static str {
        match self {
            Cell::Crossed(v) => v.slug(),
            Cell::Open => "open",
            Cell::Met => "met",
            Cell::Untouched => "untouched",
            Cell::NoPosition => "none",
        }
    }
}

/// Every cell, `cells[actor * topics + topic]`: the worst standing of the
/// actor's positions in force that touch the topic.
pub fn topic_cells(library: &Library, standings: &Standings) -> Vec<Cell> {
    let topics = library.topics.len();
    let mut cells = vec![Cell::NoPosition; library.actors.len() * topics];
    for (a, actor) in library.actors.iter().enumerate() {
        for &p in &actor.positions {
            let Some(standing) = standings.positions[p] else { continue };
            let cell = Cell::of(library, p, standing);
            for &t in &library.positions[p].topics {
                let at = &mut cells[a * topics + t];
                *at = at.worst(cell);
            }
        }
    }
    cells
}

/// The reasons behind one cell: the actor's positions in force on the topic,
/// worst first, each with what the plan makes of it.
pub fn cell_reasons(
    library: &Library,
    standings: &Standings,
    actor: ActorIx,
    topic: TopicIx,
) -> Vec<(PositionIx, Cell)> {
    let mut reasons: Vec<(PositionIx, Cell)> = library.actors[actor]
        .positions
        .iter()
        .filter(|&&p| library.positions[p].topics.contains(&topic))
        .filter_map(|&p| Some((p, Cell::of(library, p, standings.positions[p]?))))
        .collect();
    reasons.sort_by_key(|&(p, cell)| (cell.severity(), p));
    reasons
}

/// How a verdict moved from one plan to another, for one actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Better,
    Worse,
    Same,
}

impl Direction {
    pub fn of(before: Verdict, after: Verdict) -> Direction {
        match after.rank().cmp(&before.rank()) {
            std::cmp::Ordering::Greater => Direction::Better,
            std::cmp::Ordering::Less => Direction::Worse,
            std::cmp::Ordering::Equal => Direction::Same,
        }
    }

    /// Symbol and words: the direction never rests on colour alone.
    pub fn says(self) -> &'static str {
        match self {
            Direction::Better => "↑ better",
            Direction::Worse => "↓ worse",
            // Said, not left blank: an empty cell reads as missing, and a
            // screen reader announces it as "blank".
            Direction::Same => "= same",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Direction::Better => "better",
            Direction::Worse => "worse",
            Direction::Same => "same",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{fixture, Selection};

    fn plan(library: &Library, held: &[(&str, i64)]) -> Selection {
        let mut s = Selection::empty(library.clauses.len());
        for &(id, value) in held {
            s.insert(library.clause_ix(id).unwrap(), value);
        }
        s
    }

    #[test]
    fn a_cell_tells_met_from_untouched_from_no_position() {
        let lib = fixture::library();
        let topic = |id: &str| lib.topics.iter().position(|t| t.id == id).unwrap();
        let n = lib.topics.len();
        let (ua, ru) = (lib.actor_ix("ua").unwrap(), lib.actor_ix("ru").unwrap());
        let standings = Standings::of(&lib, &plan(&lib, &[("crimea-de-jure", 0), ("army-cap", 850)]), None);
        let cells = topic_cells(&lib, &standings);
        assert_eq!(cells[ua * n + topic("territory")], Cell::Crossed(Verdict::CrossesRedLine));
        assert_eq!(cells[ua * n + topic("army")], Cell::Met, "850 meets the 800 floor");
        assert_eq!(cells[ru * n + topic("territory")], Cell::Met, "requirement met");
        assert_eq!(cells[ru * n + topic("army")], Cell::NoPosition, "Russia says nothing on the army");
        let blank = topic_cells(&lib, &Standings::of(&lib, &plan(&lib, &[]), None));
        assert_eq!(blank[ru * n + topic("territory")], Cell::Open, "a demand the blank plan leaves open");
        assert_ne!(Cell::Met.label(&lib.actors[ua]), Cell::NoPosition.label(&lib.actors[ua]));
        assert_ne!(Cell::Met.symbol(), Cell::NoPosition.symbol());
    }

    #[test]
    fn a_cell_is_the_worst_of_its_reasons_and_they_come_worst_first() {
        let lib = fixture::library();
        let standings = Standings::of(&lib, &plan(&lib, &[("crimea-de-jure", 0), ("army-cap", 600)]), None);
        let cells = topic_cells(&lib, &standings);
        for a in 0..lib.actors.len() {
            for t in 0..lib.topics.len() {
                let reasons = cell_reasons(&lib, &standings, a, t);
                let cell = cells[a * lib.topics.len() + t];
                assert_eq!(reasons.first().map_or(Cell::NoPosition, |r| r.1), cell, "actor {a} topic {t}");
                assert!(reasons.windows(2).all(|w| w[0].1.severity() <= w[1].1.severity()));
            }
        }
        let ua = lib.actor_ix("ua").unwrap();
        let army = lib.topics.iter().position(|t| t.id == "army").unwrap();
        let ids: Vec<&str> =
            cell_reasons(&lib, &standings, ua, army).iter().map(|&(p, _)| lib.positions[p].id.as_str()).collect();
        assert!(ids.contains(&"ua-cap"), "{ids:?}");
    }

    #[test]
    fn a_change_is_better_when_the_verdict_is_milder() {
        use Verdict::*;
        assert_eq!(Direction::of(CrossesRedLine, NoObjection), Direction::Better);
        assert_eq!(Direction::of(StrainsPreference, ConflictsWithDemand), Direction::Worse);
        assert_eq!(Direction::of(ConflictsWithDemand, ConflictsWithDemand), Direction::Same);
        assert!(Direction::Better.says().contains("better") && Direction::Worse.says().contains('↓'));
        assert_eq!(Direction::Same.says(), "= same");
    }
}
