//! What an edit changed for each actor, in words: the line a card shows for
//! a moment after a click, and what the live region reads out.
//!
//! Why in the core: an edit that moves no verdict (a demand now met, a
//! crossed firm demand gone while a hard line still stands) otherwise looks
//! like a no-op, and the wording must be tested against the library's
//! positions, not eyeballed in a browser.

use crate::evaluate::{Standing, Standings};
use crate::library::{ActorIx, Library, PositionIx};

/// How many positions a line names before it says how many more moved.
const NAMED_PER_ACTOR: usize = 2;

/// One actor's changes between two standings of the same library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub actor: ActorIx,
    /// "hard red line now crossed (Ukraine rejects …); firm demand now met
    /// (…)": Redline's reading of each position in parentheses, never in
    /// quotation marks, which the cards keep for the sources' words.
    pub what: String,
}

impl Change {
    /// The line with the actor's name first, as the live region reads it.
    pub fn line(&self, library: &Library) -> String {
        format!("{}: {}", library.actors[self.actor].name, self.what)
    }
}

/// Every actor whose positions stand differently after than before, in
/// library order; for each, the positions that moved, crossings first.
/// `library` is the one `after` was computed with (a scenario's, with the
/// reader's own positions); `before` may have fewer positions.
pub fn changes(library: &Library, before: &Standings, after: &Standings) -> Vec<Change> {
    let mut out = Vec::new();
    for (actor, a) in library.actors.iter().enumerate() {
        let mut moved: Vec<(u8, PositionIx, &str)> = a
            .positions
            .iter()
            .filter_map(|&p| {
                // A position the reader added since has no standing before.
                let (was, is) = (before.positions.get(p).copied().flatten(), after.positions.get(p).copied().flatten());
                transition(was, is).map(|(rank, words)| (rank, p, words))
            })
            .collect();
        if moved.is_empty() {
            continue;
        }
        // The crate's small sort: the standard ones cost the download kilobytes.
        crate::settle::sort_by_key(&mut moved, |&(rank, p, _)| (rank, p));
        let mut parts: Vec<String> = moved
            .iter()
            .take(NAMED_PER_ACTOR)
            .map(|&(_, p, words)| {
                format!(
                    "{} {words} ({})",
                    library.kind_of(p),
                    short(crate::settle::gist(&library.positions[p].summary))
                )
            })
            .collect();
        if moved.len() > NAMED_PER_ACTOR {
            let more = moved.len() - NAMED_PER_ACTOR;
            parts.push(format!("{more} more {}", if more == 1 { "change" } else { "changes" }));
        }
        out.push(Change { actor, what: parts.join("; ") });
    }
    out
}

/// The words for a move from one standing to another, with its rank
/// (crossings first, then what opened, then what was met); `None` when
/// nothing a reader would call a change happened. A position that comes into
/// or goes out of force reads as untouched on the other side.
fn transition(was: Option<Standing>, is: Option<Standing>) -> Option<(u8, &'static str)> {
    use Standing::*;
    let was = was.unwrap_or(Untouched);
    let is = is.unwrap_or(Untouched);
    match (was, is) {
        _ if was == is => None,
        (_, Crossed) => Some((0, "now crossed")),
        (Crossed, _) => Some((1, "no longer crossed")),
        (_, Open) => Some((2, "now open")),
        (_, Met) => Some((3, "now met")),
        (Met, Untouched) => Some((4, "no longer met")),
        (Open, Untouched) => Some((4, "no longer at stake")),
        (Untouched, Untouched) => None,
    }
}

/// The position's summary cut at a word near 70 characters: enough to tell
/// which, short enough to read in passing.
fn short(summary: &str) -> String {
    const ABOUT: usize = 70;
    if summary.chars().count() <= ABOUT {
        return summary.trim_end_matches('.').to_string();
    }
    let mut out = String::new();
    for word in summary.split_whitespace() {
        if !out.is_empty() && out.chars().count() + 1 + word.chars().count() > ABOUT {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // The line puts the summary in parentheses: one opened and cut off
    // before it closes would end the line's own too soon.
    if out.matches('(').count() > out.matches(')').count() {
        out.truncate(out.rfind('(').unwrap_or(out.len()));
    }
    out.trim_end_matches([' ', ',', ';', ':', '.']).to_string() + "…"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::fixture;
    use crate::library::Selection;

    fn standings(library: &Library, held: &[(&str, i64)]) -> Standings {
        let mut s = Selection::empty(library.clauses.len());
        for &(id, value) in held {
            s.insert(library.clause_ix(id).unwrap(), value);
        }
        Standings::of(library, &s, None)
    }

    fn lines(library: &Library, before: &[(&str, i64)], after: &[(&str, i64)]) -> Vec<String> {
        changes(library, &standings(library, before), &standings(library, after))
            .iter()
            .map(|c| c.line(library))
            .collect()
    }

    #[test]
    fn an_edit_that_moves_nothing_says_nothing() {
        let lib = fixture::library();
        assert!(lines(&lib, &[], &[]).is_empty());
        assert!(lines(&lib, &[("army-cap", 900)], &[("army-cap", 900)]).is_empty());
    }

    #[test]
    fn a_crossing_names_the_actor_the_kind_and_the_position() {
        let lib = fixture::library();
        let out = lines(&lib, &[], &[("crimea-de-jure", 0)]);
        let ua = out.iter().find(|l| l.starts_with(&format!("{}:", lib.actors[lib.actor_ix("ua").unwrap()].name)));
        let ua = ua.unwrap_or_else(|| panic!("Ukraine's line is missing: {out:?}"));
        assert!(ua.contains("hard red line now crossed (ua-no-crimea)"), "{ua}");
        // Russia's demand for Crimea is now met, not crossed.
        let ru = out.iter().find(|l| l.contains("ru-crimea")).expect("Russia's demand moved");
        assert!(ru.contains("now met"), "{ru}");
    }

    #[test]
    fn taking_the_clause_back_says_no_longer_crossed() {
        let lib = fixture::library();
        let out = lines(&lib, &[("crimea-de-jure", 0)], &[]);
        assert!(out.iter().any(|l| l.contains("hard red line no longer crossed (ua-no-crimea)")), "{out:?}");
    }

    #[test]
    fn a_value_below_a_bound_crosses_and_back_above_it_does_not() {
        let lib = fixture::library();
        let out = lines(&lib, &[("army-cap", 900)], &[("army-cap", 600)]);
        assert!(out.iter().any(|l| l.contains("firm demand now crossed (ua-cap)")), "{out:?}");
        let back = lines(&lib, &[("army-cap", 600)], &[("army-cap", 900)]);
        assert!(back.iter().any(|l| l.contains("firm demand no longer crossed (ua-cap)")), "{back:?}");
    }

    #[test]
    fn commentators_views_are_never_called_red_lines() {
        let lib = fixture::library();
        let out = lines(&lib, &[], &[("crimea-ukrainian", 0)]);
        let pundit = out.iter().find(|l| l.contains("pundit-crimea")).expect("the pundit's view moved");
        assert!(pundit.contains("view now crossed"), "{pundit}");
    }

    #[test]
    fn crossings_come_first_and_the_rest_is_counted() {
        let lib = fixture::library();
        let blank = standings(&lib, &[]);
        let mut after = blank.clone();
        let ua = lib.actor_ix("ua").unwrap();
        let theirs = lib.actors[ua].positions.clone();
        assert!(theirs.len() > NAMED_PER_ACTOR, "the fixture gives Ukraine enough positions");
        for &p in &theirs {
            after.positions[p] = Some(Standing::Met);
        }
        after.positions[*theirs.last().unwrap()] = Some(Standing::Crossed);
        let change = changes(&lib, &blank, &after).into_iter().find(|c| c.actor == ua).unwrap();
        assert!(change.what.contains("now crossed"), "{}", change.what);
        assert!(change.what.find("now crossed") < change.what.find("now met"), "{}", change.what);
        let more = theirs.len() - NAMED_PER_ACTOR;
        assert!(
            change.what.ends_with(&format!("{more} more change{}", if more == 1 { "" } else { "s" })),
            "{}",
            change.what
        );
    }

    #[test]
    fn long_summaries_are_cut_at_a_word() {
        let long =
            "The European alternative plan proposes a peacetime cap on Ukraine's army of 800,000 instead of 600,000.";
        let cut = short(long);
        assert!(cut.ends_with('…') && cut.chars().count() <= 71, "{cut}");
        assert!(long.starts_with(cut.trim_end_matches('…')), "{cut}");
        assert_eq!(short("Short one."), "Short one");
    }

    #[test]
    fn a_cut_never_leaves_a_parenthesis_open() {
        let long = "Macron warned that if Ukraine cuts its army to the plan's cap (600,000 personnel), it is at risk.";
        assert_eq!(short(long), "Macron warned that if Ukraine cuts its army to the plan's cap…");
    }

    #[test]
    fn the_reading_is_never_set_in_quotation_marks() {
        // The cards keep quotation marks for the sources' own words.
        let lib = fixture::library();
        for line in lines(&lib, &[], &[("crimea-de-jure", 0), ("army-cap", 600)]) {
            assert!(!line.contains(['“', '”', '"']), "{line}");
        }
    }
}
