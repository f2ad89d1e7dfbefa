//! A minimal conflict in one sentence, from library data only: each
//! position's gist with its actor and strength, then the question no answer
//! of which meets them all.

use crate::library::{ClauseIx, Library, PositionIx, QuestionIx};

use super::Terms;

/// "Ukraine firmly opposes any territorial concessions (Ukraine, hard red
/// line); Putin's war aims … (Russia, firm demand): no answer to “Status of
/// Crimea” meets both."
pub fn sentence(library: &Library, positions: &[PositionIx], terms: &Terms) -> String {
    if positions.is_empty() {
        return "The locked clauses cannot all stand in a settlement that decides the chosen questions.".to_string();
    }
    let parts: Vec<String> = positions
        .iter()
        .map(|&p| {
            let pos = &library.positions[p];
            format!("{} ({}, {})", gist(&pos.summary), library.actors[pos.actor].name, pos.strength.label())
        })
        .collect();
    let them = match positions.len() {
        1 => "it".to_string(),
        2 => "both".to_string(),
        n => format!("all {n}"),
    };
    let locks = locks_involved(library, positions, terms);
    let mut tail = match hinge(library, positions, terms, &locks) {
        Some(Hinge::Question(q)) if terms.settle.contains(&q) => {
            format!("no answer to “{}” meets {them}", library.questions[q].prompt)
        }
        Some(Hinge::Question(q)) => format!("no settlement meets {them} on “{}”", library.questions[q].prompt),
        Some(Hinge::Clause(c)) => format!("no settlement meets {them} on “{}”", library.clauses[c].title),
        None => format!("no settlement meets {them}"),
    };
    if !locks.is_empty() {
        let titles: Vec<String> = locks.iter().map(|&c| format!("“{}”", library.clauses[c].title)).collect();
        tail.push_str(&format!(" while {} stays", titles.join(", ")));
    }
    format!("{}: {tail}.", parts.join("; "))
}

/// The summary's first statement: up to the first colon, semicolon or full
/// stop (what follows says which clauses cross it, for the card to show).
pub fn gist(summary: &str) -> &str {
    let end = [summary.find(": "), summary.find("; "), summary.find(". ")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(summary.len());
    summary[..end].trim_end_matches('.')
}

/// What the positions of a conflict all speak to.
enum Hinge {
    Question(QuestionIx),
    Clause(ClauseIx),
}

/// What every position of the conflict speaks to: a question they all name
/// a clause of (a locked clause's first, for the sentence names that lock;
/// then one to settle), else a clause they all name, else a question they
/// reach through a rival.
fn hinge(library: &Library, positions: &[PositionIx], terms: &Terms, locks: &[ClauseIx]) -> Option<Hinge> {
    let named = |p: PositionIx| library.positions[p].crossed_when.clauses();
    let shared = |of: &dyn Fn(PositionIx) -> Vec<usize>| -> Vec<usize> {
        let mut out = of(positions[0]);
        for &p in &positions[1..] {
            let theirs = of(p);
            out.retain(|x| theirs.contains(x));
        }
        out
    };
    let locked_questions: Vec<QuestionIx> = locks.iter().filter_map(|&l| library.clauses[l].question).collect();
    let pick = |among: &[QuestionIx]| {
        among
            .iter()
            .find(|q| locked_questions.contains(q))
            .or_else(|| among.iter().find(|q| terms.settle.contains(q)))
            .or(among.first())
            .copied()
    };
    let direct = shared(&|p| named(p).iter().filter_map(|&c| library.clauses[c].question).collect());
    if let Some(q) = pick(&direct) {
        return Some(Hinge::Question(q));
    }
    // A lone position's own clause says nothing the position does not.
    if let Some(&c) = shared(&|p| named(p)).first().filter(|_| positions.len() > 1) {
        return Some(Hinge::Clause(c));
    }
    let reached = shared(&|p| {
        named(p)
            .iter()
            .flat_map(|&c| library.clauses[c].rivals.iter().filter_map(|&r| library.clauses[r].question))
            .collect()
    });
    pick(&reached).map(Hinge::Question)
}

/// Locked clauses the positions name, or that rival a clause they name.
fn locks_involved(library: &Library, positions: &[PositionIx], terms: &Terms) -> Vec<ClauseIx> {
    let named: Vec<ClauseIx> = positions.iter().flat_map(|&p| library.positions[p].crossed_when.clauses()).collect();
    let mut out: Vec<ClauseIx> = Vec::new();
    for &l in terms.locked.iter().chain(&terms.value_locked) {
        let touches = named.iter().any(|&c| c == l || library.clauses[c].rivals.contains(&l));
        if touches && !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::gist;

    #[test]
    fn the_gist_is_the_first_statement() {
        assert_eq!(gist("Ukraine rejects X; here any Y crosses it."), "Ukraine rejects X");
        assert_eq!(gist("Russia demands A. Dropped later."), "Russia demands A");
        assert_eq!(gist("One sentence."), "One sentence");
        assert_eq!(gist("The US does not foresee X: any clause that Y crosses it."), "The US does not foresee X");
    }
}
