//! The clause library: sources, topics, clauses, actors, their positions and
//! the preset plans, resolved from the TOML data into index-linked tables.
//!
//! Ids are strings in the data and in saved plans; everywhere inside the core
//! they are indices into these tables, so evaluation never hashes a string.

mod condition;
#[cfg(test)]
pub(crate) mod fixture;
pub mod raw;
mod validate;

use serde::{Deserialize, Serialize};

pub use condition::{Condition, Literal, Selection, Test, Truth};
pub use validate::{id_table_entries, LibraryErrors};

use crate::date::Date;

pub type SourceIx = usize;
pub type TopicIx = usize;
pub type QuestionIx = usize;
pub type ClauseIx = usize;
pub type ActorIx = usize;
pub type PositionIx = usize;
pub type PresetIx = usize;

/// The append-only table of clause ids that share links index into.
pub const CLAUSE_ID_TABLE: &str = include_str!("clause_ids.txt");

// Clone: a reader's scenario (`crate::scenario`) is applied to a copy.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Library {
    pub sources: Vec<Source>,
    pub topics: Vec<Topic>,
    pub questions: Vec<Question>,
    pub clauses: Vec<Clause>,
    /// Clause indices in the order of their ids, for `clause_ix`.
    pub clauses_by_id: Vec<ClauseIx>,
    pub actors: Vec<Actor>,
    pub positions: Vec<Position>,
    pub presets: Vec<Preset>,
    /// Per clause, the positions that read it: see [`Library::readers`].
    #[serde(skip)]
    pub readers: Readers,
}

/// [`Library::readers`]'s table, built on first use: not in the download,
/// and not copied with the library, since a scenario's copy may change its
/// positions.
#[derive(Debug, Default)]
pub struct Readers(std::sync::OnceLock<Vec<Vec<PositionIx>>>);

impl Clone for Readers {
    fn clone(&self) -> Readers {
        Readers::default()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    pub title: String,
    pub outlet: String,
    pub kind: String,
    pub date: Date,
    pub date_note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Cite {
    pub source: SourceIx,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// In data order.
    pub clauses: Vec<ClauseIx>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub topic: TopicIx,
    pub prompt: String,
    /// The alternatives, at most one of which a plan holds.
    pub clauses: Vec<ClauseIx>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Clause {
    pub id: String,
    pub topic: TopicIx,
    pub question: Option<QuestionIx>,
    pub title: String,
    pub text: String,
    pub param: Option<Param>,
    /// Clauses that settle this clause's matter otherwise: the other
    /// alternatives of its question and the clauses declared to contradict it.
    /// A plan holding one of them has said "not this", which silence never says.
    pub rivals: Vec<ClauseIx>,
    /// The clause puts its matter off ("left to later talks"): a rival that
    /// excludes the other answers, so a plan cannot hold both, but says
    /// none of them is rejected. A demand for one of them stays open.
    pub defers: bool,
    pub cite: Vec<Cite>,
}

impl Clause {
    /// Whether the plan holds a rival: it cannot hold this clause too.
    pub fn settled_against(&self, plan: &Selection) -> bool {
        self.rivals.iter().any(|&r| plan.has(r))
    }

    /// Whether the plan has said "not this": it holds a rival that decides
    /// the matter, not one that puts it off (`defers`). What a position's
    /// condition reads; `settled_against` is what a plan may hold together.
    pub fn decided_against(&self, plan: &Selection, clauses: &[Clause]) -> bool {
        self.rivals.iter().any(|&r| plan.has(r) && !clauses[r].defers)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Param {
    pub name: String,
    pub unit: String,
    pub min: i64,
    pub max: i64,
    pub step: i64,
    pub default: i64,
    pub marks: Vec<Mark>,
}

impl Param {
    pub fn contains(&self, value: i64) -> bool {
        (self.min..=self.max).contains(&value)
    }

    /// "600,000 personnel", "50 percent": a value as people read it.
    pub fn format(&self, value: i64) -> String {
        format!("{} {}", group_digits(value), self.unit)
    }

    /// Reads what a reader typed for this parameter: digits, with or without
    /// separators ("800,000", "800 000", "800.000", "800000"); a whole number
    /// in range, or what is wrong, in words the field can show beside it.
    pub fn parse_input(&self, text: &str) -> Result<i64, String> {
        let mut cleaned: String =
            text.chars().filter(|c| !matches!(c, ',' | ' ' | '_' | '\u{a0}' | '\u{202f}')).collect();
        // A dot separates thousands only in whole groups of three ("800.000",
        // as much of Europe writes it); "100.5" stays a fraction, refused.
        let mut groups = cleaned.split('.');
        let lead = groups.next().unwrap_or_default();
        if cleaned.contains('.')
            && (1..=3).contains(&lead.trim_start_matches('-').len())
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        {
            cleaned.retain(|c| c != '.');
        }
        let in_range = format!("from {} to {}", group_digits(self.min), group_digits(self.max));
        match cleaned.parse::<i64>() {
            Ok(v) if self.contains(v) => Ok(v),
            Ok(_) => Err(format!("Out of range: enter a number {in_range}.")),
            Err(_) => Err(format!("Not a whole number: enter one {in_range}.")),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mark {
    pub value: i64,
    pub label: String,
    pub cite: Cite,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: String,
    /// The name takes "the" inside a sentence ("of the United States").
    pub definite: bool,
    pub parent: Option<ActorIx>,
    pub note: Option<String>,
    /// Every version of every position, in data order.
    pub positions: Vec<PositionIx>,
}

impl Actor {
    /// Governments, institutions, coalitions, parliaments and parties: the
    /// actors whose positions are counted. Commentators and analysts
    /// (`expert`) are shown apart, as views, and never counted.
    pub fn is_party(&self) -> bool {
        self.kind != "expert"
    }

    /// The name as it reads inside a sentence: "the United States",
    /// "Ukraine". Labels (card heads, table headers, a cell's name) keep
    /// the bare name.
    pub fn in_text(&self) -> String {
        with_article(self.definite, "the", &self.name)
    }
}

/// `name` after `article` where the name takes one ("the United States"), else as it is.
fn with_article(definite: bool, article: &str, name: &str) -> String {
    if definite {
        format!("{article} {name}")
    } else {
        name.to_string()
    }
}

/// How strongly an actor holds a position, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    Hard,
    Firm,
    Preference,
    Concern,
}

impl Strength {
    pub fn parse(text: &str) -> Option<Strength> {
        Some(match text {
            "hard" => Strength::Hard,
            "firm" => Strength::Firm,
            "preference" => Strength::Preference,
            "concern" => Strength::Concern,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Strength::Hard => "hard red line",
            Strength::Firm => "firm demand",
            Strength::Preference => "stated preference",
            Strength::Concern => "stated concern",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Position {
    pub id: String,
    pub actor: ActorIx,
    pub strength: Strength,
    pub summary: String,
    pub speaker: String,
    pub role: Option<String>,
    pub date: Date,
    pub reported_by: Option<String>,
    pub stance: Option<String>,
    /// The source gives no date for the statement; `date` is the report's.
    pub date_reported: bool,
    pub basis: Basis,
    pub cite: Vec<Cite>,
    /// True when the plan crosses the position.
    pub crossed_when: Condition,
    /// `crossed_when`'s clause tests, computed once: evaluation explains every breach with them.
    pub literals: Vec<Literal>,
    /// Topics of the clauses the condition names, for the actor × topic grid.
    pub topics: Vec<TopicIx>,
    /// Later versions of the same stance, oldest first.
    pub later_versions: Vec<PositionIx>,
    /// What a reader's scenario did to it; `AsSourced` in the library as built.
    pub scenario: InScenario,
    /// The actor rejected a figure and asked for none: a value on the right
    /// side of its bound does not meet it ("rejected a cut to 600,000" is
    /// not met by a cap of 800,000, which nobody said it accepts).
    pub rejection: bool,
}

/// A position as a reader's scenario (`crate::scenario::Scenario::apply`)
/// leaves it. Kept on the position so that everything reading a library with
/// a scenario applied can say so: a set-aside position is still there to
/// show, and a reader's own position is never taken for a sourced one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InScenario {
    /// As the sources state it.
    AsSourced,
    /// Set aside: in force on no date ([`Library::in_force`]).
    SetAside,
    /// Held at another strength than the sources give, which is this one.
    Reweighed(Strength),
    /// Added by the reader: no source, no quote, never among the sourced positions.
    AddedByReader,
}

/// What a position rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// The actor's own stated stance.
    Statement,
    /// A legal or constitutional procedure a source reports: binding on the
    /// actor, but not a red line anyone stated.
    Law,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Completeness {
    AsDescribed,
    Partial,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Preset {
    pub id: String,
    pub name: String,
    /// The name takes "the" inside a sentence ("the Witkoff paper").
    pub definite: bool,
    pub proposer: String,
    /// The proposers as actors, where the library has them.
    pub proposed_by: Vec<ActorIx>,
    pub date: Date,
    pub summary: String,
    pub completeness: Completeness,
    pub note: Option<String>,
    pub items: Vec<PresetItem>,
    pub cite: Vec<Cite>,
}

impl Preset {
    /// The name as it reads inside a sentence: "based on the US 28-point
    /// plan", "Russia's terms (Putin, June 2024)". Lists, cards and table
    /// headers keep the bare name.
    pub fn in_text(&self) -> String {
        with_article(self.definite, "the", &self.name)
    }

    /// The name beginning a sentence: "The US 28-point plan opened as a new draft".
    pub fn subject(&self) -> String {
        with_article(self.definite, "The", &self.name)
    }

    /// Who proposed it, and when unless the name already says the year:
    /// "Istanbul model (2022)" is not followed by ", 2022" (#22).
    pub fn byline(&self) -> String {
        if self.name.contains(&self.date.year.to_string()) {
            self.proposer.clone()
        } else {
            format!("{}, {}", self.proposer, self.date.human())
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PresetItem {
    pub clause: ClauseIx,
    pub point: Option<u32>,
    /// Always set for a clause with a parameter (its default when the data gave none).
    pub value: Option<i64>,
}

/// "1,000,000": thousands separated by commas, as the sources write them.
pub fn group_digits(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        grouped.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    grouped
}

impl Library {
    /// Resolves and checks the library as `build.rs` does before embedding
    /// it: every error at once, the clause id table included.
    pub fn from_raw_checked(raw: &raw::RawLibrary) -> Result<Library, LibraryErrors> {
        let library = Library::from_raw(raw)?;
        validate::check_id_table(&library, CLAUSE_ID_TABLE)?;
        Ok(library)
    }

    /// What a position is called: a party's by its strength ("hard red
    /// line"), a law's as a procedure, a commentator's as a view: neither of
    /// the last two is ever called a red line.
    pub fn kind_of(&self, position: PositionIx) -> &'static str {
        let p = &self.positions[position];
        match (self.actors[p.actor].is_party(), p.basis) {
            (false, _) => "view",
            (true, Basis::Law) => "legal procedure",
            (true, Basis::Statement) => p.strength.label(),
        }
    }

    pub fn from_raw(raw: &raw::RawLibrary) -> Result<Library, LibraryErrors> {
        validate::resolve(raw)
    }

    /// A binary search: a plan names its clauses by id, and every click
    /// looks up each of them (the draft's topics, the selection), where a
    /// linear scan of the clauses cost 15–60 µs a click at 1x. A hash map
    /// would cost its code in every download.
    pub fn clause_ix(&self, id: &str) -> Option<ClauseIx> {
        let at = self.clauses_by_id.binary_search_by(|&c| self.clauses[c].id.as_str().cmp(id)).ok()?;
        Some(self.clauses_by_id[at])
    }

    // Linear scans: a few dozen ids, looked up when a draft or link is read,
    // never per click.
    pub fn actor_ix(&self, id: &str) -> Option<ActorIx> {
        self.actors.iter().position(|a| a.id == id)
    }

    pub fn preset_ix(&self, id: &str) -> Option<PresetIx> {
        self.presets.iter().position(|p| p.id == id)
    }

    pub fn source(&self, cite: &Cite) -> &Source {
        &self.sources[cite.source]
    }

    /// Who took `position` and when, as an attribution line says it:
    /// "European counter-proposal (text published by Reuters), 23 Nov 2025 ·
    /// reported by Global Times". A date that is only the report's says so, and names the
    /// reporter once: "date not given; reported by opinion column (26 Dec
    /// 2025)", with the date added only where the reporter's words lack its
    /// year (as [`Preset::byline`] does). Shared by the cards and the
    /// agreement panel, so the two never tell a date differently.
    pub fn attribution(&self, position: PositionIx) -> String {
        let p = &self.positions[position];
        let mut out = p.speaker.clone();
        if let Some(role) = &p.role {
            out.push_str(", ");
            out.push_str(role);
        }
        // The reader's own position: no source, so no date.
        let Some(cite) = p.cite.first() else { return out };
        let date = p.date.human();
        match (&p.reported_by, p.date_reported) {
            (Some(by), true) if by.contains(&p.date.year.to_string()) => {
                out.push_str(&format!(", date not given; reported by {by}"))
            }
            (Some(by), true) => out.push_str(&format!(", date not given; reported by {by}, {date}")),
            (None, true) => {
                out.push_str(&format!(", date not given; reported by {}, {date}", self.source(cite).outlet))
            }
            (Some(by), false) => out.push_str(&format!(", {date} · reported by {by}")),
            (None, false) => out.push_str(&format!(", {date}")),
        }
        out
    }

    /// The positions whose standing can move when a plan takes or drops
    /// `clause` or changes its value: those whose condition tests it or one
    /// of its rivals (a held rival settles the clause's matter against it).
    pub fn readers(&self, clause: ClauseIx) -> &[PositionIx] {
        let table = self.readers.0.get_or_init(|| {
            let mut table = vec![Vec::new(); self.clauses.len()];
            for (p, position) in self.positions.iter().enumerate() {
                for lit in &position.literals {
                    for &c in std::iter::once(&lit.clause).chain(&self.clauses[lit.clause].rivals) {
                        if table[c].last() != Some(&p) {
                            table[c].push(p);
                        }
                    }
                }
            }
            table
        });
        &table[clause]
    }

    /// Whether `position` is the version of its stance in force on `as_of`
    /// (`None`: today, i.e. the latest version) and not set aside by a
    /// scenario (an earlier version does not come back in its place: the
    /// actor is supposed to have dropped the stance).
    pub fn in_force(&self, position: PositionIx, as_of: Option<Date>) -> bool {
        let p = &self.positions[position];
        if p.scenario == InScenario::SetAside {
            return false;
        }
        match as_of {
            None => p.later_versions.is_empty(),
            Some(day) => p.date <= day && p.later_versions.iter().all(|&later| self.positions[later].date > day),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clause_is_found_by_its_id_and_no_other_id_is() {
        let lib = Library::embedded().unwrap();
        for (ix, clause) in lib.clauses.iter().enumerate() {
            assert_eq!(lib.clause_ix(&clause.id), Some(ix), "{}", clause.id);
        }
        for unknown in ["", "zzz", "army-cap ", "Army-cap", &format!("{}-", lib.clauses[0].id)] {
            assert_eq!(lib.clause_ix(unknown), None, "{unknown:?}");
        }
    }

    #[test]
    fn an_attribution_names_the_reporter_once_and_a_reported_date_as_reported() {
        let lib = Library::embedded().unwrap();
        let said = |id: &str| lib.attribution(lib.positions.iter().position(|p| p.id == id).unwrap());
        assert_eq!(
            said("commission-eu-core-role"),
            "Ursula von der Leyen, President of the European Commission, date not given; reported by opinion column (26 Dec 2025)"
        );
        assert_eq!(
            said("france-training-troops"),
            "Government of France, date not given; reported by The Times, via a news digest, 2025"
        );
        assert_eq!(
            said("eu-sovereignty-reconfirmed"),
            "European counter-proposal (text published by Reuters), 23 Nov 2025 · reported by Global Times"
        );
        assert_eq!(said("swp-territorial-integrity").matches(", Jan 2026").count(), 1);
        for p in 0..lib.positions.len() {
            let line = lib.attribution(p);
            // After the speaker's own words (one is "German law (as reported by Politico)").
            let when = &line[lib.positions[p].speaker.len()..];
            assert!(when.matches("reported by").count() <= 1, "{line}");
            assert_eq!(when.contains("date not given"), lib.positions[p].date_reported, "{line}");
        }
    }

    #[test]
    fn names_read_in_a_sentence_with_the_article_they_take() {
        let lib = Library::embedded().unwrap();
        let preset = |id: &str| &lib.presets[lib.preset_ix(id).unwrap()];
        assert_eq!(preset("witkoff-paper").in_text(), "the Witkoff paper");
        assert_eq!(preset("us-28-point").subject(), "The US 28-point plan");
        assert_eq!(preset("russia-war-aims-2024").subject(), "Russia's terms (Putin, June 2024)");
        let actor = |id: &str| lib.actors[lib.actor_ix(id).unwrap()].in_text();
        assert_eq!(actor("usa"), "the United States");
        assert_eq!(actor("coalition-of-the-willing"), "the Coalition of the Willing");
        assert_eq!(actor("ukraine"), "Ukraine");
    }

    #[test]
    fn a_byline_gives_the_date_unless_the_name_has_the_year() {
        let lib = Library::embedded().unwrap();
        let byline = |name: &str| lib.presets.iter().find(|p| p.name == name).unwrap().byline();
        assert!(
            !byline("Istanbul model (2022)").contains("2022,") && !byline("Istanbul model (2022)").ends_with("2022")
        );
        assert!(!byline("Russia's terms (Putin, June 2024)").ends_with("2024"));
        assert!(byline("US 28-point plan").ends_with(", Nov 2025"), "{}", byline("US 28-point plan"));
    }

    #[test]
    fn a_typed_value_is_read_with_or_without_separators_and_checked_against_the_range() {
        let lib = fixture::library();
        let param = lib.clauses[lib.clause_ix("army-cap").unwrap()].param.as_ref().unwrap();
        assert_eq!((param.min, param.max), (100, 1000));
        for (typed, read) in
            [("800", 800), ("1,000", 1000), ("1 000", 1000), ("1.000", 1000), (" 250 ", 250), ("100", 100)]
        {
            assert_eq!(param.parse_input(typed), Ok(read), "{typed:?}");
        }
        assert_eq!(param.parse_input("5"), Err("Out of range: enter a number from 100 to 1,000.".to_string()));
        assert_eq!(param.parse_input("-5"), Err("Out of range: enter a number from 100 to 1,000.".to_string()));
        assert_eq!(param.parse_input("8OO"), Err("Not a whole number: enter one from 100 to 1,000.".to_string()));
        for fraction in ["100.5", "250.50", "1.0000", ".500", "500."] {
            assert_eq!(
                param.parse_input(fraction),
                Err("Not a whole number: enter one from 100 to 1,000.".to_string()),
                "{fraction:?}"
            );
        }
        assert_eq!(param.parse_input(""), Err("Not a whole number: enter one from 100 to 1,000.".to_string()));
        assert_eq!(group_digits(-1_234_567), "-1,234,567");
        assert_eq!(param.format(600), "600 thousand");
    }

    #[test]
    fn values_read_with_thousands_separators_and_unit() {
        let p =
            Param { name: "cap".into(), unit: "personnel".into(), min: 0, max: 10, step: 1, default: 0, marks: vec![] };
        assert_eq!(p.format(600_000), "600,000 personnel");
        assert_eq!(p.format(1_000_000), "1,000,000 personnel");
        assert_eq!(p.format(50), "50 personnel");
        assert_eq!(p.format(-1234), "-1,234 personnel");
        assert_eq!(p.format(0), "0 personnel");
    }
}
