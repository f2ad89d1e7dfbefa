//! Search as you type over the library: a clause matches when every word of
//! the query occurs in its title, text, topic, question, the actors whose
//! positions name it, or the presets that hold it.

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
                h
            })
            .collect();
        for p in &library.positions {
            let actor = &library.actors[p.actor].name;
            for c in p.crossed_when.clauses() {
                if !haystacks[c].contains(actor.as_str()) {
                    haystacks[c].push(' ');
                    haystacks[c].push_str(actor);
                }
            }
        }
        for preset in &library.presets {
            for item in &preset.items {
                haystacks[item.clause].push(' ');
                haystacks[item.clause].push_str(&preset.name);
            }
        }
        SearchIndex { haystacks: haystacks.into_iter().map(|h| fold(&h)).collect() }
    }

    /// Clauses matching every word of `query`, in library order. An empty query matches all.
    pub fn find(&self, query: &str) -> Vec<ClauseIx> {
        let query = fold(query);
        let words: Vec<&str> = query.split_whitespace().collect();
        (0..self.haystacks.len()).filter(|&c| words.iter().all(|w| self.haystacks[c].contains(w))).collect()
    }
}

/// Lower case, and typographic quotes and dashes as plain ones, so "Kyiv's" finds "Kyiv’s".
fn fold(text: &str) -> String {
    text.chars()
        .map(|ch| match ch {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
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
    fn typographic_punctuation_folds() {
        assert_eq!(fold("Kyiv’s “plan” – now"), "kyiv's \"plan\" - now");
    }
}
