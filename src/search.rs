//! Search as you type over the library: a clause matches when every word of
//! the query occurs in its title, text, topic, question, its quotes and the
//! values its sources name, the actors whose positions name it with their
//! speakers and quotes, or the presets that hold it. Numbers match with or
//! without thousands separators ("600000" finds "600,000").

use crate::library::{ClauseIx, Library};

/// Lower-cased text per clause, built once: searching is then a scan of
/// about a hundred short strings per keystroke.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(library: &Library) -> SearchIndex {
        let mut haystacks: Vec<String> = library
            .clauses
            .iter()
            .map(|c| {
                let mut h = format!("{} {} {}", c.title, c.text, library.topics[c.topic].name);
                if let Some(q) = c.question {
                    h.push(' ');
                    h.push_str(&library.questions[q].prompt);
                }
                for cite in &c.cite {
                    h.push(' ');
                    h.push_str(&cite.quote);
                }
                for mark in c.param.iter().flat_map(|p| &p.marks) {
                    h.push_str(&format!(" {} {}", mark.value, mark.label));
                }
                h
            })
            .collect();
        for p in &library.positions {
            let words = [library.actors[p.actor].name.as_str(), p.speaker.as_str()];
            for c in p.crossed_when.clauses() {
                for text in words.into_iter().chain(p.cite.iter().map(|cite| cite.quote.as_str())) {
                    if !haystacks[c].contains(text) {
                        haystacks[c].push(' ');
                        haystacks[c].push_str(text);
                    }
                }
            }
        }
        for preset in &library.presets {
            for item in &preset.items {
                haystacks[item.clause].push(' ');
                haystacks[item.clause].push_str(&preset.name);
            }
        }
        // One space between words, as a quoted phrase has: a source's line
        // break or double space must not hide "security guarantees".
        let haystacks = haystacks.into_iter().map(|h| fold(&h).split_whitespace().collect::<Vec<_>>().join(" "));
        SearchIndex { haystacks: haystacks.collect() }
    }

    /// Clauses matching every term of `query` (see [`terms`]), in library
    /// order. An empty query matches all.
    pub fn find(&self, query: &str) -> Vec<ClauseIx> {
        let terms = terms(&fold(query));
        (0..self.haystacks.len()).filter(|&c| terms.iter().all(|t| self.haystacks[c].contains(t.as_str()))).collect()
    }
}

/// A folded query's terms: its words, and a run in quote marks ("security
/// guarantees") as one phrase, as search boxes read quotes. The marks are
/// not searched for: readers type them to group words, and a title that
/// holds them ("denazification") is found as well without them. A quote
/// left open, as while typing, runs to the end.
fn terms(query: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        if i % 2 == 1 {
            terms.push(part.split_whitespace().collect::<Vec<_>>().join(" "));
        } else {
            terms.extend(part.split_whitespace().map(str::to_string));
        }
    }
    terms.retain(|t| !t.is_empty());
    terms
}

/// Other transliterations of names, with the spelling most of the library
/// uses: a reader types "Zelenskyy" or "Kiev" as often as "Zelensky" and
/// "Kyiv". Folded away in the texts and the query alike.
const SPELLINGS: [(&str, &str); 8] = [
    ("zelenskyy", "zelensky"),
    ("zelenskiy", "zelensky"),
    ("kiev", "kyiv"),
    ("donbass", "donbas"),
    ("kharkov", "kharkiv"),
    ("lugansk", "luhansk"),
    ("zaporozhye", "zaporizhzhia"),
    ("zaporizhia", "zaporizhzhia"),
];

/// Lower case, typographic quotes and dashes as plain ones (so "Kyiv's"
/// finds "Kyiv’s"), no thousands separators (so "600000" finds "600,000"),
/// and one spelling per name ([`SPELLINGS`]).
fn fold(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(text.len());
    for (i, &ch) in chars.iter().enumerate() {
        if ch == ',' && digit(i.checked_sub(1)) && digit(Some(i + 1)) {
            continue;
        }
        let plain = match ch {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            other => other,
        };
        out.extend(plain.to_lowercase());
    }
    for (other, ours) in SPELLINGS {
        if out.contains(other) {
            out = out.replace(other, ours);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::fixture;

    fn ids(lib: &Library, found: Vec<ClauseIx>) -> Vec<String> {
        found.into_iter().map(|c| lib.clauses[c].id.clone()).collect()
    }

    #[test]
    fn finds_by_title_topic_question_actor_and_preset() {
        let lib = fixture::library();
        let index = SearchIndex::new(&lib);
        assert_eq!(index.find("").len(), lib.clauses.len());
        assert_eq!(ids(&lib, index.find("NATO-BAN")), ["nato-ban"]);
        assert_eq!(ids(&lib, index.find("nato-")), ["nato-ban", "nato-path"]);
        assert_eq!(ids(&lib, index.find("armed forces")), ["army-cap", "no-army-cap"], "topic name");
        assert_eq!(
            ids(&lib, index.find("status of crimea")),
            ["crimea-de-jure", "crimea-de-facto", "crimea-ukrainian"],
            "question"
        );
        // Russia's positions name the Crimea clauses, the NATO ban and guarantee/monitoring.
        assert_eq!(
            ids(&lib, index.find("russia")),
            ["crimea-de-jure", "crimea-de-facto", "nato-ban", "guarantee", "monitoring"]
        );
        assert_eq!(ids(&lib, index.find("28 points")), ["crimea-de-facto", "army-cap", "nato-ban"], "preset name");
        assert_eq!(ids(&lib, index.find("russia crimea de-facto")), ["crimea-de-facto"], "every word must match");
        assert!(index.find("zzz").is_empty());
    }

    #[test]
    fn quote_marks_group_words_into_a_phrase_and_are_not_searched_for() {
        assert_eq!(terms("\"security  guarantees\" us"), ["security guarantees", "us"]);
        assert_eq!(terms("us \"open phrase"), ["us", "open phrase"]);
        assert!(terms("\"\" \"").is_empty());
        let lib = Library::embedded().unwrap();
        let index = SearchIndex::new(&lib);
        let phrase = index.find("\"security guarantees\"");
        assert!(!phrase.is_empty());
        // Typographic quotes read the same; a phrase is narrower than its words.
        assert_eq!(index.find("“security guarantees”"), phrase);
        let words = index.find("security guarantees");
        assert!(phrase.iter().all(|c| words.contains(c)));
        // A phrase keeps its words' order: the same words the other way round find less.
        let reversed = index.find("\"guarantees security\"");
        assert!(reversed.len() < words.len(), "{} against {}", reversed.len(), words.len());
        // The quote marks of a title are not needed to find it, nor in the way.
        assert_eq!(index.find("\"denazification\""), index.find("denazification"));
    }

    #[test]
    fn typographic_punctuation_and_thousands_separators_fold() {
        assert_eq!(fold("Kyiv’s “plan” – now"), "kyiv's \"plan\" - now");
        assert_eq!(fold("600,000 troops, 50, 60"), "600000 troops, 50, 60");
    }

    #[test]
    fn finds_speakers_quotes_and_the_values_sources_name() {
        let lib = fixture::library();
        let index = SearchIndex::new(&lib);
        // Every fixture position is spoken by "someone": the speaker finds
        // exactly the clauses some position names.
        let named: Vec<ClauseIx> = (0..lib.clauses.len())
            .filter(|&c| lib.positions.iter().any(|p| p.crossed_when.clauses().contains(&c)))
            .collect();
        assert_eq!(index.find("someone"), named);
        assert_eq!(ids(&lib, index.find("28 points 600")), ["army-cap"], "a mark's value and label");
    }

    /// The searches a reader tries first, on the real library (#22).
    #[test]
    fn the_real_library_finds_speakers_numbers_and_plan_names() {
        let lib = Library::embedded().unwrap();
        let index = SearchIndex::new(&lib);
        let army_cap = lib.clause_ix("army-cap").unwrap();
        for query in ["600000", "600,000", "600 000", "800,000"] {
            assert!(index.find(query).contains(&army_cap), "{query}");
        }
        assert_eq!(index.find("600000"), index.find("600,000"));
        // A speaker named only in positions and quotes.
        let zelensky = index.find("Zelensky");
        assert!(!zelensky.is_empty());
        assert!(zelensky.len() < lib.clauses.len(), "a speaker narrows the list");
        assert!(lib
            .positions
            .iter()
            .any(|p| p.speaker.contains("Zelensky") && p.crossed_when.clauses().iter().all(|c| zelensky.contains(c))));
        // Either transliteration finds the same clauses.
        for (other, ours) in
            [("Zelenskyy", "Zelensky"), ("Kiev", "Kyiv"), ("Donbass", "Donbas"), ("Lugansk", "Luhansk")]
        {
            assert_eq!(index.find(other), index.find(ours), "{other}");
            assert!(!index.find(ours).is_empty(), "{ours}");
        }
        assert!(index.find("Zelenskyy").len() > 2, "not only the clauses that spell it so");
        for speaker in ["Putin", "Rubio", "Macron"] {
            assert!(!index.find(speaker).is_empty(), "{speaker}");
        }
        // Every plan's name finds every clause of the plan.
        for preset in &lib.presets {
            let found = index.find(&preset.name);
            assert!(preset.items.iter().all(|i| found.contains(&i.clause)), "{}", preset.name);
        }
        assert!(index.find("no such words anywhere").is_empty());
    }
}
