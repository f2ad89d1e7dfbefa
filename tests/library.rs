//! The real library, as embedded in the app: valid, as large as the issue
//! asks, and every preset evaluable.

use redline::evaluate::{evaluate, Verdict};
use redline::library::{Completeness, Library, Strength};
use redline::plan::Plan;

fn library() -> Library {
    Library::embedded().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_embedded_library_is_valid_and_complete_enough() {
    let lib = library();
    let counts = [
        ("topics", lib.topics.len(), 12),
        ("clauses", lib.clauses.len(), 60),
        ("presets", lib.presets.len(), 8),
        ("actors", lib.actors.len(), 12),
        ("positions", lib.positions.len(), 45),
    ];
    for (what, have, need) in counts {
        assert!(have >= need, "{what}: {have}, need at least {need}");
    }
    println!("library: {}", counts.map(|(w, h, _)| format!("{h} {w}")).join(", "));
}

#[test]
fn the_actors_the_sources_name_are_all_there() {
    let lib = library();
    for id in [
        "ukraine",
        "russia",
        "usa",
        "eu-commission",
        "european-council",
        "uk",
        "france",
        "germany",
        "germany-cdu",
        "germany-spd",
        "bundestag",
        "italy",
        "poland",
        "estonia",
        "belgium",
        "coalition-of-the-willing",
    ] {
        assert!(lib.actor_ix(id).is_some(), "actor {id} is missing");
    }
}

#[test]
fn the_presets_the_sources_describe_are_all_there() {
    let lib = library();
    for id in [
        "us-28-point",
        "geneva-22-point",
        "twenty-point",
        "european-counter-proposal",
        "witkoff-paper",
        "hegseth-parameters",
        "russia-war-aims-2024",
        "istanbul-model",
        "paris-declaration",
        "swp-minimum-terms",
        "times-option-1-training",
        "times-option-2-air-control",
        "times-option-3-article5",
        "times-option-4-bilateral",
    ] {
        assert!(lib.preset_ix(id).is_some(), "preset {id} is missing");
    }
    for p in &lib.presets {
        assert!(!p.items.is_empty(), "preset {} holds no clause", p.id);
        if p.completeness == Completeness::Partial {
            assert!(
                p.note.as_deref().is_some_and(|n| !n.is_empty()),
                "partial preset {} must say what is missing",
                p.id
            );
        }
    }
}

#[test]
fn every_preset_evaluates_and_every_breach_is_explained() {
    let lib = library();
    for p in 0..lib.presets.len() {
        let plan = Plan::from_preset(&lib, p);
        assert!(plan.retired_ids(&lib).next().is_none());
        let e = evaluate(&lib, &plan.selection(&lib), None);
        assert_eq!(e.actors.len(), lib.actors.len());
        for a in &e.actors {
            let worst = a.breaches.iter().map(|b| Verdict::of(lib.positions[b.position].strength)).max();
            assert_eq!(a.verdict, worst.unwrap_or(Verdict::NoObjection));
            for b in &a.breaches {
                assert!(
                    !b.triggered_by.is_empty() || !b.satisfied_by.is_empty(),
                    "preset {}: breach of {} names no clause",
                    lib.presets[p].id,
                    lib.positions[b.position].id
                );
            }
        }
    }
}

#[test]
fn the_28_point_plan_crosses_ukraines_stated_red_lines_and_the_european_proposal_does_not() {
    let lib = library();
    let ukraine = lib.actor_ix("ukraine").unwrap();
    let eval_preset =
        |id: &str| evaluate(&lib, &Plan::from_preset(&lib, lib.preset_ix(id).unwrap()).selection(&lib), None);
    let us = eval_preset("us-28-point");
    assert_eq!(us.verdict_of(ukraine), Verdict::CrossesRedLine);
    let crossed: Vec<&str> =
        us.actors[ukraine].breaches.iter().map(|b| lib.positions[b.position].id.as_str()).collect();
    assert!(crossed.len() >= 3, "Donbas, the army cap and more: {crossed:?}");
    let european = eval_preset("european-counter-proposal");
    assert!(
        european.actors[ukraine].breaches.iter().all(|b| lib.positions[b.position].strength != Strength::Hard),
        "the European counter-proposal crosses no hard Ukrainian line"
    );
}

#[test]
fn stance_versions_change_the_verdict_with_the_date() {
    let lib = library();
    // Ukraine's NATO stance has dated versions; at least one actor's stance must have several.
    let versioned = lib.positions.iter().filter(|p| !p.later_versions.is_empty()).count();
    assert!(versioned >= 1, "some position must have a later version");
    for (ix, p) in lib.positions.iter().enumerate() {
        assert!(lib.in_force(ix, Some(p.date)), "{} is in force on its own date", p.id);
        for &later in &p.later_versions {
            assert!(
                !lib.in_force(ix, Some(lib.positions[later].date)),
                "{} is superseded by {}",
                p.id,
                lib.positions[later].id
            );
        }
    }
}

#[test]
fn the_clause_id_table_only_grows() {
    // Share links index this table: entries committed once must keep their place.
    // This test pins the first entries; extend the list, never edit it.
    let table = redline::library::id_table_entries(redline::library::CLAUSE_ID_TABLE);
    let pinned = ["crimea-de-jure-russian", "crimea-de-facto-russian"];
    assert_eq!(&table[..pinned.len()], pinned);
}

#[test]
fn search_finds_speakers_quoted_words_and_numbers_written_either_way() {
    let lib = library();
    let index = redline::search::SearchIndex::new(&lib);
    let ids = |q: &str| index.find(q).into_iter().map(|c| lib.clauses[c].id.clone()).collect::<Vec<_>>();
    // Every clause a position of Zelensky's names is found by his name.
    let his: Vec<String> = lib
        .positions
        .iter()
        .filter(|p| p.speaker.contains("Zelensky"))
        .flat_map(|p| p.crossed_when.clauses())
        .map(|c| lib.clauses[c].id.clone())
        .collect();
    assert!(!his.is_empty());
    let found = ids("zelensky");
    assert!(his.iter().all(|id| found.contains(id)), "{his:?} not all in {found:?}");
    assert!(ids("600000").contains(&"army-cap".to_string()));
    assert_eq!(ids("600000"), ids("600,000"));
    assert!(!ids("Hegseth").is_empty(), "a speaker");
    assert!(ids("zzzz-nothing").is_empty());
}

/// The app writes dates one way, "26 Dec 2025" (`Date::human`): the
/// library's own words (not the quotes) never put "Dec 26, 2025" beside it (#22).
#[test]
fn the_librarys_own_words_write_dates_day_month_year() {
    let lib = library();
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    // "<Month> <day>, <year>": a month name, one or two digits, a comma.
    let month_first = |text: &str| {
        let words: Vec<&str> = text.split_whitespace().collect();
        words.windows(3).any(|w| {
            let day = w[1].trim_end_matches(',');
            MONTHS.iter().any(|m| w[0].trim_start_matches('(').starts_with(m))
                && w[1].ends_with(',')
                && (1..=2).contains(&day.len())
                && day.chars().all(|c| c.is_ascii_digit())
                && w[2].chars().take(4).all(|c| c.is_ascii_digit())
        })
    };
    assert!(month_first("opinion column (Dec 26, 2025)") && !month_first("opinion column (26 Dec 2025)"));
    let mut texts: Vec<&str> = Vec::new();
    texts.extend(lib.sources.iter().filter_map(|s| s.date_note.as_deref()));
    texts.extend(lib.presets.iter().flat_map(|p| [Some(p.summary.as_str()), p.note.as_deref()]).flatten());
    texts.extend(lib.positions.iter().filter_map(|p| p.reported_by.as_deref()));
    let american: Vec<&str> = texts.into_iter().filter(|t| month_first(t)).collect();
    assert!(american.is_empty(), "{american:#?}");
}
