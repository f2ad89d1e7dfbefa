//! Scenarios on the fixture library: what each kind of change does to the
//! verdicts and the settlements, what is reported rather than refused, and
//! what it would take to settle.

use super::*;
use crate::date::Date;
use crate::evaluate::{Standing, Standings, Verdict};
use crate::library::{fixture, Selection};
use crate::settle::{SettlementSearch, Strictness, Terms};

fn plan(lib: &Library, clauses: &[(&str, i64)]) -> Selection {
    let mut s = Selection::empty(lib.clauses.len());
    for &(id, value) in clauses {
        s.insert(lib.clause_ix(id).unwrap_or_else(|| panic!("clause {id}")), value);
    }
    s
}

fn ix(lib: &Library, id: &str) -> PositionIx {
    position_ix(lib, id).unwrap_or_else(|| panic!("position {id}"))
}

fn reader(id: &str, actor: &str, strength: Strength, condition: ReaderCondition) -> ReaderPosition {
    ReaderPosition { id: id.into(), actor: actor.into(), strength, condition, note: String::new(), link: None }
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn an_empty_scenario_changes_nothing() {
    let lib = fixture::library();
    let (applied, warnings) = Scenario::default().apply(&lib);
    assert!(warnings.is_empty());
    assert_eq!(applied.positions.len(), lib.positions.len());
    let s = plan(&lib, &[("crimea-de-jure", 0), ("army-cap", 600)]);
    assert_eq!(Standings::of(&applied, &s, None), Standings::of(&lib, &s, None));
    assert!(applied.positions.iter().all(|p| p.scenario == InScenario::AsSourced));
}

#[test]
fn a_set_aside_position_keeps_its_index_and_is_in_force_on_no_date() {
    let lib = fixture::library();
    let s = plan(&lib, &[("crimea-de-jure", 0)]);
    let ua = lib.actor_ix("ua").unwrap();
    assert_eq!(Standings::of(&lib, &s, None).actors[ua].verdict, Verdict::CrossesRedLine);
    let scenario = Scenario { set_aside: ids(&["ua-no-crimea"]), ..Scenario::default() };
    let (applied, warnings) = scenario.apply(&lib);
    assert!(warnings.is_empty(), "{warnings:?}");
    let p = ix(&lib, "ua-no-crimea");
    assert_eq!(ix(&applied, "ua-no-crimea"), p);
    assert_eq!(applied.positions[p].scenario, InScenario::SetAside);
    assert!(!applied.in_force(p, None) && !applied.in_force(p, Date::parse("2025-06").ok()));
    let standings = Standings::of(&applied, &s, None);
    assert_eq!(standings.positions[p], None);
    assert_eq!(standings.actors[ua].verdict, Verdict::NoObjection);
    // The version it replaced does not come back in its place.
    let scenario = Scenario { set_aside: ids(&["ua-nato-2"]), ..Scenario::default() };
    let (applied, _) = scenario.apply(&lib);
    assert!(!applied.in_force(ix(&lib, "ua-nato-1"), None) && !applied.in_force(ix(&lib, "ua-nato-2"), None));
}

#[test]
fn a_reweighed_position_remembers_its_sourced_strength() {
    let lib = fixture::library();
    let scenario = Scenario {
        strengths: vec![Reweigh { position: "ua-no-crimea".into(), strength: Strength::Preference }],
        ..Scenario::default()
    };
    let (applied, _) = scenario.apply(&lib);
    let p = ix(&lib, "ua-no-crimea");
    assert_eq!(applied.positions[p].strength, Strength::Preference);
    assert_eq!(applied.positions[p].scenario, InScenario::Reweighed(Strength::Hard));
    let s = plan(&lib, &[("crimea-de-jure", 0)]);
    let ua = lib.actor_ix("ua").unwrap();
    assert_eq!(Standings::of(&applied, &s, None).actors[ua].verdict, Verdict::StrainsPreference);
    // At hard red lines the settlement no longer counts it.
    let terms = Terms { strictness: Strictness::Hard, ..Terms::default() };
    assert!(!SettlementSearch::new(&applied, &[ua], &terms).counted().contains(&p));
    // Re-weighing to the same strength is no change.
    let same = Scenario {
        strengths: vec![Reweigh { position: "ua-no-crimea".into(), strength: Strength::Hard }],
        ..Scenario::default()
    };
    assert_eq!(same.apply(&lib).0.positions[p].scenario, InScenario::AsSourced);
    // Nor is re-weighing there and back: the last word counts, against the sources.
    let back = Scenario {
        strengths: vec![
            Reweigh { position: "ua-no-crimea".into(), strength: Strength::Firm },
            Reweigh { position: "ua-no-crimea".into(), strength: Strength::Hard },
        ],
        ..Scenario::default()
    };
    let (applied, _) = back.apply(&lib);
    assert_eq!((applied.positions[p].scenario, applied.positions[p].strength), (InScenario::AsSourced, Strength::Hard));
}

#[test]
fn an_actor_wide_set_aside_takes_its_firm_demands_or_everything() {
    let lib = fixture::library();
    let firm = Scenario {
        actors: vec![ActorSetAside { actor: "ru".into(), set_aside: ActorScope::FirmDemands }],
        ..Scenario::default()
    };
    let (applied, _) = firm.apply(&lib);
    fn aside(l: &Library) -> Vec<&str> {
        l.positions.iter().filter(|p| p.scenario == InScenario::SetAside).map(|p| p.id.as_str()).collect()
    }
    assert_eq!(aside(&applied), ["ru-neutral"], "the hard red line and the preference stay");
    // Strengths as the scenario has them: a red line made a firm demand goes too.
    let reweighed = Scenario {
        strengths: vec![Reweigh { position: "ru-crimea".into(), strength: Strength::Firm }],
        ..firm.clone()
    };
    assert_eq!(aside(&reweighed.apply(&lib).0), ["ru-crimea", "ru-neutral"]);
    let all = Scenario {
        actors: vec![ActorSetAside { actor: "ru".into(), set_aside: ActorScope::All }],
        added: vec![reader("mine", "ru", Strength::Hard, ReaderCondition::Rejects(ids(&["monitoring"])))],
        ..Scenario::default()
    };
    let (applied, _) = all.apply(&lib);
    assert_eq!(aside(&applied), ["ru-crimea", "ru-no-guarantee-with-monitoring", "ru-neutral"]);
    let mine = ix(&applied, "reader:mine");
    assert!(applied.in_force(mine, None), "the reader's own position is not swept away with the sourced ones");
}

#[test]
fn a_reader_position_is_marked_unsourced_and_judged_like_any_other() {
    let lib = fixture::library();
    let scenario = Scenario {
        added: vec![
            ReaderPosition {
                note: "Heard on the radio".into(),
                link: Some("https://example.org/interview".into()),
                ..reader(
                    "no-ukrainian-crimea",
                    "ru",
                    Strength::Hard,
                    ReaderCondition::Rejects(ids(&["crimea-ukrainian"])),
                )
            },
            reader(
                "cap",
                "ua",
                Strength::Firm,
                ReaderCondition::Bound { clause: "army-cap".into(), min: Some(700), max: None },
            ),
            reader("guarantee", "eu", Strength::Firm, ReaderCondition::Demands(ids(&["guarantee", "monitoring"]))),
        ],
        ..Scenario::default()
    };
    let (applied, warnings) = scenario.apply(&lib);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(applied.positions.len(), lib.positions.len() + 3);
    let p = ix(&applied, "reader:no-ukrainian-crimea");
    assert!(p >= lib.positions.len(), "after every sourced position");
    let pos = &applied.positions[p];
    assert_eq!(pos.scenario, InScenario::AddedByReader);
    assert!(pos.cite.is_empty(), "never quoted as a source");
    assert_eq!(pos.speaker, READER_SPEAKER);
    assert_eq!(pos.summary, "Rejects “crimea-ukrainian”. Reader's note: Heard on the radio");
    assert!(applied.actors[lib.actor_ix("ru").unwrap()].positions.contains(&p));
    assert_eq!(scenario.added[0].web_link(), Some("https://example.org/interview"));
    // In force on every date: a supposition has none.
    assert!(applied.in_force(p, Date::parse("1990").ok()));
    let s = plan(&lib, &[("crimea-ukrainian", 0), ("army-cap", 600)]);
    let standings = Standings::of(&applied, &s, Date::parse("2020").ok());
    assert_eq!(standings.positions[p], Some(Standing::Crossed));
    let cap = ix(&applied, "reader:cap");
    assert_eq!(standings.positions[cap], Some(Standing::Crossed));
    assert_eq!(applied.positions[cap].summary, "Rejects “Army cap” below 700 thousand");
    let guarantee = ix(&applied, "reader:guarantee");
    assert_eq!(standings.positions[guarantee], Some(Standing::Open), "silence never crosses a reader's demand either");
    assert_eq!(applied.positions[guarantee].summary, "Demands one of “guarantee” or “monitoring”");
    // The sourced positions are untouched, and counted as before.
    assert_eq!(
        applied.positions.iter().filter(|p| p.scenario != InScenario::AddedByReader).count(),
        lib.positions.len()
    );
}

#[test]
fn what_the_library_does_not_know_is_a_warning_not_an_error() {
    let lib = fixture::library();
    let scenario = Scenario {
        set_aside: ids(&["retired-position", "reader:nobody", "ua-cap"]),
        strengths: vec![Reweigh { position: "gone".into(), strength: Strength::Firm }],
        actors: vec![ActorSetAside { actor: "atlantis".into(), set_aside: ActorScope::All }],
        added: vec![
            reader("a", "ru", Strength::Hard, ReaderCondition::Rejects(ids(&["old-clause", "nato-path"]))),
            reader("b", "narnia", Strength::Hard, ReaderCondition::Rejects(ids(&["nato-path"]))),
            reader("c", "ru", Strength::Hard, ReaderCondition::Demands(ids(&["old-clause"]))),
            reader(
                "d",
                "ru",
                Strength::Hard,
                ReaderCondition::Bound { clause: "nato-ban".into(), min: Some(1), max: None },
            ),
            reader(
                "e",
                "ru",
                Strength::Hard,
                ReaderCondition::Bound { clause: "army-cap".into(), min: None, max: None },
            ),
            reader(
                "f",
                "ru",
                Strength::Hard,
                ReaderCondition::Bound { clause: "army-cap".into(), min: Some(9), max: Some(1) },
            ),
            reader("a", "ru", Strength::Hard, ReaderCondition::Rejects(ids(&["nato-path"]))),
            ReaderPosition {
                link: Some("javascript:alert(1)".into()),
                ..reader("g", "ua", Strength::Firm, ReaderCondition::Rejects(ids(&["nato-ban"])))
            },
        ],
    };
    let (applied, warnings) = scenario.apply(&lib);
    let expect = [
        "scenario.added[0] (`a`): no clause `old-clause` in the library; left out",
        "scenario.added[1] (`b`): no actor `narnia` in the library; ignored",
        "scenario.added[2] (`c`): no clause `old-clause` in the library; left out",
        "scenario.added[2] (`c`): demands no clause the library has; ignored",
        "scenario.added[3] (`d`): `nato-ban` has no parameter to bound; ignored",
        "scenario.added[4] (`e`): a bound needs min or max; ignored",
        "scenario.added[5] (`f`): min 9 is above max 1; ignored",
        "scenario.added[6] (`a`): needs an id of its own in the scenario; ignored",
        "scenario.added[7] (`g`): the link is not an http(s) address; left out",
        "scenario.strengths[0]: no position `gone` in the library; ignored",
        "scenario.actors[0]: no actor `atlantis` in the library; ignored",
        "scenario.set_aside[0]: no position `retired-position` in the library; ignored",
        "scenario.set_aside[1]: no position `reader:nobody` in the library (no position of the reader has that id); ignored",
    ];
    assert_eq!(warnings, expect);
    // What it does know still applies.
    assert_eq!(applied.positions[ix(&lib, "ua-cap")].scenario, InScenario::SetAside);
    assert_eq!(applied.positions[ix(&applied, "reader:a")].summary, "Rejects “nato-path”");
    assert_eq!(scenario.added[7].web_link(), None);
    assert_eq!(applied.positions.len(), lib.positions.len() + 2, "a and g");
}

#[test]
fn a_reader_position_set_aside_is_left_out() {
    let lib = fixture::library();
    let scenario = Scenario {
        set_aside: ids(&["reader:x"]),
        added: vec![reader("x", "ru", Strength::Hard, ReaderCondition::Rejects(ids(&["nato-path"])))],
        ..Scenario::default()
    };
    let (applied, warnings) = scenario.apply(&lib);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(applied.positions.len(), lib.positions.len());
    // Still there to show, from the scenario.
    assert_eq!(scenario.added[0].summary(&lib).as_deref(), Some("Rejects “nato-path”"));
    let nothing = reader("y", "ru", Strength::Hard, ReaderCondition::Demands(ids(&["gone"])));
    assert_eq!(nothing.summary(&lib), None);
}

#[test]
fn the_json_names_everything_by_id_and_leaves_out_what_is_empty() {
    let scenario = Scenario {
        set_aside: ids(&["ua-cap"]),
        strengths: vec![Reweigh { position: "ru-crimea".into(), strength: Strength::Firm }],
        actors: vec![ActorSetAside { actor: "ru".into(), set_aside: ActorScope::FirmDemands }],
        added: vec![reader(
            "1",
            "ru",
            Strength::Preference,
            ReaderCondition::Bound { clause: "army-cap".into(), min: None, max: Some(500) },
        )],
    };
    let json = serde_json::to_value(&scenario).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "set_aside": ["ua-cap"],
            "strengths": [{"position": "ru-crimea", "strength": "firm"}],
            "actors": [{"actor": "ru", "set_aside": "firm-demands"}],
            "added": [{"id": "1", "actor": "ru", "strength": "preference",
                       "condition": {"bound": {"clause": "army-cap", "max": 500}}}],
        })
    );
    assert_eq!(serde_json::from_value::<Scenario>(json).unwrap(), scenario);
    assert_eq!(serde_json::to_string(&Scenario::default()).unwrap(), "{}");
    for bad in [
        r#"{"set_aside": ["x"], "extra": 1}"#,
        r#"{"actors": [{"actor": "ru", "set_aside": "some"}]}"#,
        r#"{"strengths": [{"position": "x", "strength": "very"}]}"#,
        r#"{"added": [{"id": "1", "actor": "ru", "strength": "hard", "condition": {"rejects": ["a"], "demands": ["b"]}}]}"#,
    ] {
        assert!(serde_json::from_str::<Scenario>(bad).is_err(), "{bad}");
    }
}

#[test]
fn only_web_addresses_are_links() {
    assert!(is_web_address("https://example.org/a?b=c"));
    assert!(is_web_address("HTTP://example.org"));
    for bad in ["javascript:alert(1)", "data:text/html,x", "example.org", "https://a b", "ftp://x"] {
        assert!(!is_web_address(bad), "{bad}");
    }
}

/// Ukraine and Russia on the fixture at preference, with monitoring locked.
fn ukraine_and_russia_at_preference(lib: &Library) -> ([usize; 2], Terms) {
    let coalition = [lib.actor_ix("ua").unwrap(), lib.actor_ix("ru").unwrap()];
    let terms = Terms {
        strictness: Strictness::Preference,
        locked: vec![lib.clause_ix("monitoring").unwrap()],
        ..Terms::default()
    };
    (coalition, terms)
}

/// Ukraine and Russia on the fixture, at preference, with monitoring
/// locked: Russia wants neutrality (nato-ban), Ukraine accepts it only with
/// a guarantee, and Russia prefers no guarantee alongside monitoring. Any
/// one of the three set aside settles it.
#[test]
fn what_it_takes_is_each_minimal_set_with_its_nearest_settlement() {
    let lib = fixture::library();
    let (coalition, terms) = ukraine_and_russia_at_preference(&lib);
    let blank = Selection::empty(lib.clauses.len());
    let WhatItTakes::Corrections(found) = what_would_it_take(&lib, &coalition, &terms, &blank, Limits::default())
    else {
        panic!("no settlement, and some set of positions to set aside")
    };
    let names: Vec<Vec<&str>> =
        found.sets.iter().map(|c| c.positions.iter().map(|&p| lib.positions[p].id.as_str()).collect()).collect();
    // One position each: Russia's preference first, as it asks least; then
    // the two firm demands in the coalition's order (Ukraine's, Russia's).
    assert_eq!(names, [["ru-no-guarantee-with-monitoring"], ["ua-nato-2"], ["ru-neutral"]]);
    let twice = [coalition[0], coalition[1], coalition[1]];
    assert_eq!(
        what_would_it_take(&lib, &twice, &terms, &blank, Limits::default()),
        WhatItTakes::Corrections(found.clone())
    );
    assert!(found.all && found.complete_up_to >= 1);
    assert_eq!(found.extent(), "These are all such sets: any other set that works holds one of them.");
    assert_eq!(found.sets[0].by_actor(&lib), [(coalition[1], found.sets[0].positions.clone())]);
    for c in &found.sets {
        assert_eq!(c.settlement_clauses(&lib).len(), c.settlement.result.iter().count());
    }
    for c in &found.sets {
        let left: Vec<PositionIx> = SettlementSearch::new(&lib, &coalition, &terms)
            .counted()
            .iter()
            .copied()
            .filter(|p| !c.positions.contains(p))
            .collect();
        let search = SettlementSearch::for_positions(&lib, &left, &terms);
        assert!(search.is_settlement(&c.settlement.result) && search.keeps_locks(&blank, &c.settlement.result));
    }
    // Applying one makes it the scenario, and then a settlement exists.
    let mut scenario = Scenario::default();
    scenario.set_aside_positions(&lib, &found.sets[2].positions);
    assert_eq!(scenario.set_aside, ["ru-neutral"]);
    let (applied, _) = scenario.apply(&lib);
    assert!(SettlementSearch::new(&applied, &coalition, &terms).possible(&blank));
    assert_eq!(
        what_would_it_take(&applied, &coalition, &terms, &blank, Limits::default()),
        WhatItTakes::NothingToSetAside
    );
}

#[test]
fn a_reader_position_can_be_what_it_takes() {
    let lib = fixture::library();
    let scenario = Scenario {
        added: vec![reader("no-de-facto", "ua", Strength::Hard, ReaderCondition::Rejects(ids(&["crimea-de-facto"])))],
        ..Scenario::default()
    };
    let (applied, _) = scenario.apply(&lib);
    let coalition = [applied.actor_ix("ua").unwrap(), applied.actor_ix("ru").unwrap()];
    let terms = Terms::default();
    let blank = Selection::empty(applied.clauses.len());
    let WhatItTakes::Corrections(found) = what_would_it_take(&applied, &coalition, &terms, &blank, Limits::default())
    else {
        panic!("Russia demands Crimea de jure or de facto; Ukraine now rejects both")
    };
    let names: Vec<Vec<&str>> =
        found.sets.iter().map(|c| c.positions.iter().map(|&p| applied.positions[p].id.as_str()).collect()).collect();
    assert_eq!(names, [["ua-no-crimea"], ["reader:no-de-facto"], ["ru-crimea"]]);
    let mut with = scenario.clone();
    with.set_aside_positions(&applied, &found.sets[1].positions);
    assert_eq!(with.set_aside, ["reader:no-de-facto"]);
    let (again, _) = with.apply(&lib);
    assert!(SettlementSearch::new(&again, &coalition, &terms).possible(&blank));
}

#[test]
fn what_it_takes_says_when_nothing_or_everything_would_not_do() {
    let lib = fixture::library();
    let ua = lib.actor_ix("ua").unwrap();
    let blank = Selection::empty(lib.clauses.len());
    assert_eq!(
        what_would_it_take(&lib, &[ua], &Terms::default(), &blank, Limits::default()),
        WhatItTakes::NothingToSetAside
    );
    // Two locked clauses that contradict each other: no position is to blame.
    let locked = vec![lib.clause_ix("nato-ban").unwrap(), lib.clause_ix("nato-path").unwrap()];
    let terms = Terms { locked, ..Terms::default() };
    match what_would_it_take(&lib, &[ua], &terms, &blank, Limits::default()) {
        WhatItTakes::Impossible(conflict) => assert!(conflict.positions.is_empty()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_caps_say_how_far_the_list_is_complete() {
    let lib = fixture::library();
    let (coalition, terms) = ukraine_and_russia_at_preference(&lib);
    let blank = Selection::empty(lib.clauses.len());
    let run = |limits| match what_would_it_take(&lib, &coalition, &terms, &blank, limits) {
        WhatItTakes::Corrections(c) => c,
        other => panic!("{other:?}"),
    };
    let capped = run(Limits { max_size: 3, max_sets: 2, ..Limits::default() });
    assert_eq!(capped.sets.len(), 2);
    assert_eq!((capped.complete_up_to, capped.all), (0, false), "the third set of size 1 was not looked for");
    let none = run(Limits { max_size: 0, ..Limits::default() });
    assert!(none.sets.is_empty() && none.complete_up_to == 0 && !none.all);
    let one = run(Limits { max_size: 1, ..Limits::default() });
    assert_eq!((one.sets.len(), one.complete_up_to, one.all), (3, 1, false));
    // Out of budget after two searches: two sets found, the level unfinished.
    let budget = run(Limits { max_searched: 2, ..Limits::default() });
    assert_eq!((budget.sets.len(), budget.complete_up_to, budget.all), (2, 0, false));
}

#[test]
fn a_scenario_copy_updates_standings_by_its_own_positions() {
    let lib = fixture::library();
    // The table of readers built on the library first: its copy must not reuse it.
    assert!(!lib.readers(lib.clause_ix("crimea-ukrainian").unwrap()).is_empty());
    let scenario = Scenario {
        added: vec![reader("mine", "ru", Strength::Hard, ReaderCondition::Rejects(ids(&["crimea-ukrainian"])))],
        ..Scenario::default()
    };
    let (applied, warnings) = scenario.apply(&lib);
    assert!(warnings.is_empty(), "{warnings:?}");
    let (blank, held) = (plan(&applied, &[]), plan(&applied, &[("crimea-ukrainian", 0)]));
    let updated = Standings::of(&applied, &blank, None).update(&applied, &blank, &held);
    assert_eq!(updated, Standings::of(&applied, &held, None));
    assert_eq!(updated.positions[ix(&applied, "reader:mine")], Some(Standing::Crossed));
}
