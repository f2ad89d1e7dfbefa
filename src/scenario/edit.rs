//! The edits a reader makes to a scenario from the page, and what the page
//! says about it. Each keeps the scenario minimal: an edit back to what the
//! sources say removes the entry instead of adding one that changes nothing,
//! so a scenario that differs from the sources in nothing is empty.

use super::{is_web_address, ActorScope, ActorSetAside, ReaderCondition, ReaderPosition, Reweigh, Scenario};
use crate::library::{InScenario, Library, Strength};

/// What the reader picked for one position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// As the sources state it.
    AsSourced,
    SetAside,
    /// At this strength instead of the sources'.
    At(Strength),
}

impl Choice {
    /// The choices a position offers, with their values as a form sends
    /// them, in the order the page lists them: "set aside" last, as picking
    /// it takes the position out of its list (and its control with it), so
    /// a keyboard arrowing down the strengths does not meet it first.
    pub const ALL: [(Choice, &'static str); 6] = [
        (Choice::AsSourced, "as-sourced"),
        (Choice::At(Strength::Hard), "hard"),
        (Choice::At(Strength::Firm), "firm"),
        (Choice::At(Strength::Preference), "preference"),
        (Choice::At(Strength::Concern), "concern"),
        (Choice::SetAside, "set-aside"),
    ];

    pub fn parse(value: &str) -> Option<Choice> {
        Choice::ALL.iter().find(|(_, v)| *v == value).map(|(c, _)| *c)
    }

    pub fn value(self) -> &'static str {
        Choice::ALL.iter().find(|(c, _)| *c == self).map_or("as-sourced", |(_, v)| v)
    }

    pub fn label(self) -> &'static str {
        match self {
            Choice::AsSourced => "as the sources state it",
            Choice::SetAside => "set aside in this scenario",
            Choice::At(s) => s.label(),
        }
    }
}

/// What the form for a reader's own position sends, as typed.
#[derive(Debug, Clone, Default)]
pub struct AddForm<'a> {
    /// `rejects`, `demands` or `bound`.
    pub kind: &'a str,
    pub clause: &'a str,
    pub min: &'a str,
    pub max: &'a str,
    pub strength: &'a str,
    pub note: &'a str,
    pub link: &'a str,
}

impl ReaderPosition {
    /// The reader's position for `actor` from the form, or what is wrong in
    /// words the form can show. Its id is given when it is added.
    pub fn from_form(library: &Library, actor: &str, form: &AddForm) -> Result<ReaderPosition, String> {
        let c = library.clause_ix(form.clause).ok_or("Pick a clause.")?;
        let strength = Strength::parse(form.strength).ok_or("Pick a strength.")?;
        let link = form.link.trim();
        if !link.is_empty() && !is_web_address(link) {
            return Err("The link must be a web address starting with http:// or https://.".into());
        }
        let condition = match form.kind {
            "rejects" => ReaderCondition::Rejects(vec![form.clause.to_string()]),
            "demands" => ReaderCondition::Demands(vec![form.clause.to_string()]),
            "bound" => {
                let title = &library.clauses[c].title;
                let param = library.clauses[c].param.as_ref().ok_or(format!("“{title}” has no value to bound."))?;
                let read = |text: &str| match text.trim() {
                    "" => Ok(None),
                    typed => param.parse_input(typed).map(Some),
                };
                let (min, max) = (read(form.min)?, read(form.max)?);
                match (min, max) {
                    (None, None) => return Err("A bound needs a lowest or a highest value.".into()),
                    (Some(lo), Some(hi)) if lo > hi => return Err("The lowest value is above the highest.".into()),
                    _ => ReaderCondition::Bound { clause: form.clause.to_string(), min, max },
                }
            }
            _ => return Err("Pick what the position does.".into()),
        };
        Ok(ReaderPosition {
            id: String::new(),
            actor: actor.to_string(),
            strength,
            condition,
            note: form.note.trim().to_string(),
            link: (!link.is_empty()).then(|| link.to_string()),
        })
    }
}

impl Scenario {
    /// Applies the reader's choice for a position (`id` in the applied
    /// library; `sourced` its strength in the sources). Setting aside keeps
    /// any re-weighing, so bringing it back restores it as it was.
    pub fn choose(&mut self, id: &str, sourced: Strength, choice: Choice) {
        let aside = choice == Choice::SetAside;
        if aside && !self.set_aside.iter().any(|s| s == id) {
            self.set_aside.push(id.to_string());
        } else if !aside {
            self.set_aside.retain(|s| s != id);
        }
        let strength = match choice {
            Choice::SetAside => return,
            Choice::AsSourced => sourced,
            Choice::At(s) => s,
        };
        // A reader's own position has no sourced strength: its own changes.
        if let Some(own) = self.added.iter_mut().find(|a| a.position_id() == id) {
            own.strength = strength;
            return;
        }
        self.strengths.retain(|r| r.position != id);
        if strength != sourced {
            self.strengths.push(Reweigh { position: id.to_string(), strength });
        }
    }

    /// The actor's positions that `scope` sets aside, if it does.
    pub fn actor_scope(&self, actor: &str) -> Option<ActorScope> {
        self.actors.iter().find(|a| a.actor == actor).map(|a| a.set_aside)
    }

    /// Sets aside the actor's positions in `scope`, or brings them back
    /// when that is what is set aside already.
    pub fn toggle_actor(&mut self, actor: &str, scope: ActorScope) {
        let was = self.actor_scope(actor);
        self.actors.retain(|a| a.actor != actor);
        if was != Some(scope) {
            self.actors.push(ActorSetAside { actor: actor.to_string(), set_aside: scope });
        }
    }

    /// Adds the reader's position under a fresh id (`mine-1`, `mine-2`, …)
    /// and returns that id.
    pub fn add(&mut self, mut position: ReaderPosition) -> String {
        let taken = |id: &str| self.added.iter().any(|a| a.id == id);
        let id = (1..).map(|n| format!("mine-{n}")).find(|id| !taken(id)).unwrap_or_default();
        position.id = id.clone();
        self.added.push(position);
        id
    }

    /// Removes the reader's position (by its id in the applied library),
    /// and every mention of it.
    pub fn remove_added(&mut self, position_id: &str) {
        self.added.retain(|a| a.position_id() != position_id);
        self.set_aside.retain(|s| s != position_id);
        self.strengths.retain(|r| r.position != position_id);
    }

    /// "Scenario: 2 positions set aside, 1 re-weighed, 1 added by the reader", from
    /// the library the scenario was applied to; `None` when it is empty.
    pub fn describe(&self, applied: &Library) -> Option<Description> {
        if self.is_empty() {
            return None;
        }
        let count = |what: fn(InScenario) -> bool| applied.positions.iter().filter(|p| what(p.scenario)).count();
        // A reader's position set aside is not in the applied library.
        let reader_aside = self.added.iter().filter(|a| self.set_aside.contains(&a.position_id())).count();
        let parts = [
            (count(|s| s == InScenario::SetAside) + reader_aside, "set aside"),
            (count(|s| matches!(s, InScenario::Reweighed(_))), "re-weighed"),
            (count(|s| s == InScenario::AddedByReader) + reader_aside, "added by the reader"),
        ];
        let said: Vec<String> = parts
            .iter()
            .filter(|(n, _)| *n > 0)
            .enumerate()
            .map(|(i, (n, what))| match (i, n) {
                (0, 1) => format!("1 position {what}"),
                (0, n) => format!("{n} positions {what}"),
                (_, n) => format!("{n} {what}"),
            })
            .collect();
        // A link from another version of the library, or demands set aside
        // that an actor never made: kept with the draft, but it moves nothing.
        Some(match said.is_empty() {
            true => Description {
                text: "Scenario: nothing in it applies to this library's positions, so verdicts follow the sources"
                    .into(),
                changes: false,
            },
            false => Description { text: format!("Scenario: {}", said.join(", ")), changes: true },
        })
    }
}

/// What the banner says of a scenario, and whether it changes anything.
#[derive(Debug, PartialEq)]
pub struct Description {
    pub text: String,
    /// Whether any position differs from the sources' (else the banner
    /// must not say that verdicts follow the scenario).
    pub changes: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::fixture;
    use crate::scenario::ReaderCondition;

    #[test]
    fn choices_leave_no_entry_that_changes_nothing() {
        let mut s = Scenario::default();
        s.choose("ua-cap", Strength::Firm, Choice::At(Strength::Concern));
        assert_eq!(s.strengths, [Reweigh { position: "ua-cap".into(), strength: Strength::Concern }]);
        s.choose("ua-cap", Strength::Firm, Choice::SetAside);
        assert_eq!((s.set_aside.len(), s.strengths.len()), (1, 1), "set aside, its weight kept for its return");
        s.choose("ua-cap", Strength::Firm, Choice::SetAside);
        assert_eq!(s.set_aside, ["ua-cap"], "once");
        s.choose("ua-cap", Strength::Firm, Choice::At(Strength::Firm));
        assert!(s.is_empty(), "the sources' strength is no change: {s:?}");
        s.choose("ua-cap", Strength::Firm, Choice::At(Strength::Hard));
        s.choose("ua-cap", Strength::Firm, Choice::AsSourced);
        assert!(s.is_empty());
        for (choice, value) in Choice::ALL {
            assert_eq!((Choice::parse(value), choice.value()), (Some(choice), value));
        }
        assert_eq!(Choice::parse("absolute"), None);
    }

    #[test]
    fn the_form_for_a_readers_position_says_what_is_wrong() {
        let lib = fixture::library();
        let form = AddForm {
            kind: "rejects",
            clause: "nato-ban",
            strength: "hard",
            note: " Said on TV ",
            ..AddForm::default()
        };
        let p = ReaderPosition::from_form(&lib, "ru", &form).unwrap();
        assert_eq!(
            (&p.condition, p.note.as_str(), &p.link),
            (&ReaderCondition::Rejects(vec!["nato-ban".into()]), "Said on TV", &None)
        );
        let linked = AddForm { link: "https://example.org/said", ..form.clone() };
        assert_eq!(
            ReaderPosition::from_form(&lib, "ru", &linked).unwrap().link.as_deref(),
            Some("https://example.org/said")
        );
        let bound = AddForm { kind: "bound", clause: "army-cap", min: "", max: "800", ..form.clone() };
        assert_eq!(
            ReaderPosition::from_form(&lib, "ru", &bound).unwrap().condition,
            ReaderCondition::Bound { clause: "army-cap".into(), min: None, max: Some(800) }
        );
        let wrong = |f: AddForm| ReaderPosition::from_form(&lib, "ru", &f).unwrap_err();
        assert!(wrong(AddForm { link: "javascript:alert(1)", ..form.clone() }).contains("http:// or https://"));
        assert!(wrong(AddForm { link: "data:text/html,x", ..form.clone() }).contains("http:// or https://"));
        assert_eq!(wrong(AddForm { clause: "", ..form.clone() }), "Pick a clause.");
        assert_eq!(wrong(AddForm { strength: "absolute", ..form.clone() }), "Pick a strength.");
        assert_eq!(
            wrong(AddForm { kind: "bound", ..form.clone() }),
            "“No NATO” has no value to bound."
                .replace("No NATO", &lib.clauses[lib.clause_ix("nato-ban").unwrap()].title)
        );
        assert_eq!(wrong(AddForm { max: "", ..bound.clone() }), "A bound needs a lowest or a highest value.");
        assert_eq!(wrong(AddForm { min: "900", ..bound.clone() }), "The lowest value is above the highest.");
        assert!(wrong(AddForm { max: "5", ..bound.clone() }).starts_with("Out of range"));
        // Added, it is the reader's own in the applied library, never sourced.
        let mut s = Scenario::default();
        s.add(p);
        let (applied, _) = s.apply(&lib);
        let mine = applied.positions.last().unwrap();
        assert_eq!((mine.scenario, mine.cite.len()), (InScenario::AddedByReader, 0));
        assert_eq!(
            applied.positions.iter().filter(|p| p.scenario != InScenario::AddedByReader).count(),
            lib.positions.len()
        );
    }

    #[test]
    fn an_actor_scope_toggles_and_replaces() {
        let mut s = Scenario::default();
        s.toggle_actor("ru", ActorScope::FirmDemands);
        assert_eq!(s.actor_scope("ru"), Some(ActorScope::FirmDemands));
        s.toggle_actor("ru", ActorScope::All);
        assert_eq!((s.actor_scope("ru"), s.actors.len()), (Some(ActorScope::All), 1));
        s.toggle_actor("ru", ActorScope::All);
        assert!(s.is_empty());
    }

    #[test]
    fn the_banner_counts_what_the_applied_library_shows() {
        let lib = fixture::library();
        let mut s = Scenario::default();
        assert_eq!(s.describe(&lib), None);
        let mine = ReaderPosition {
            id: String::new(),
            actor: "ru".into(),
            strength: Strength::Hard,
            condition: ReaderCondition::Rejects(vec!["nato-ban".into()]),
            note: String::new(),
            link: None,
        };
        assert_eq!(s.add(mine.clone()), "mine-1");
        assert_eq!(s.add(mine), "mine-2");
        s.choose("ua-cap", Strength::Firm, Choice::SetAside);
        let (applied, warnings) = s.apply(&lib);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(s.describe(&applied).unwrap().text, "Scenario: 1 position set aside, 2 added by the reader");
        s.choose("reader:mine-1", Strength::Hard, Choice::At(Strength::Concern));
        assert_eq!(s.added[0].strength, Strength::Concern, "a reader's own position changes itself");
        assert!(s.strengths.is_empty());
        s.remove_added("reader:mine-2");
        s.choose("reader:mine-1", Strength::Concern, Choice::SetAside);
        s.set_aside.retain(|p| p != "ua-cap");
        let (applied, _) = s.apply(&lib);
        assert_eq!(s.describe(&applied).unwrap().text, "Scenario: 1 position set aside, 1 added by the reader");
        let unknown = Scenario { set_aside: vec!["gone".into()], ..Scenario::default() };
        let said = unknown.describe(&lib).unwrap();
        assert!(!said.changes && said.text.contains("nothing in it applies"), "{said:?}");
        // Setting aside the firm demands of an actor that made none moves nothing either.
        let mut no_firm = Scenario::default();
        no_firm.toggle_actor("eu", ActorScope::FirmDemands);
        assert!(!no_firm.describe(&no_firm.apply(&lib).0).unwrap().changes);
    }
}
