//! Scenarios on the real library, with expectations read from the five
//! sources (see docs/library-review.md): what each preset's proposer says of
//! it, and what one contested clause does to each party.

use redline::evaluate::{Standing, Standings, Verdict};
use redline::library::{Basis, Library, Selection, Strength};
use redline::plan::Plan;

fn library() -> Library {
    Library::embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn preset(lib: &Library, id: &str) -> Standings {
    let ix = lib.preset_ix(id).unwrap_or_else(|| panic!("preset {id}"));
    Standings::of(lib, &Plan::from_preset(lib, ix).selection(lib), None)
}

/// A plan holding only the given clauses (a parameter clause at the given value).
fn plan(lib: &Library, clauses: &[(&str, i64)]) -> Standings {
    let mut s = Selection::empty(lib.clauses.len());
    for &(id, value) in clauses {
        s.insert(lib.clause_ix(id).unwrap_or_else(|| panic!("clause {id}")), value);
    }
    Standings::of(lib, &s, None)
}

fn position(lib: &Library, id: &str) -> usize {
    lib.positions.iter().position(|p| p.id == id).unwrap_or_else(|| panic!("position {id}"))
}

fn standing(lib: &Library, s: &Standings, id: &str) -> Option<Standing> {
    s.positions[position(lib, id)]
}

fn verdict(lib: &Library, s: &Standings, actor: &str) -> Verdict {
    s.actors[lib.actor_ix(actor).unwrap_or_else(|| panic!("actor {actor}"))].verdict
}

/// The ids of an actor's crossed positions of at least the given strength.
fn crossed(lib: &Library, s: &Standings, actor: &str, at_least: Strength) -> Vec<String> {
    let a = lib.actor_ix(actor).unwrap();
    lib.actors[a]
        .positions
        .iter()
        .filter(|&&p| s.positions[p] == Some(Standing::Crossed) && lib.positions[p].strength <= at_least)
        .map(|&p| lib.positions[p].id.clone())
        .collect()
}

#[test]
fn the_blank_plan_crosses_nothing() {
    let lib = library();
    let s = plan(&lib, &[]);
    for (p, st) in s.positions.iter().enumerate() {
        assert_ne!(*st, Some(Standing::Crossed), "{} is crossed by silence", lib.positions[p].id);
    }
    for (a, t) in s.actors.iter().enumerate() {
        assert_eq!(t.verdict, Verdict::NoObjection, "{}", lib.actors[a].id);
        assert_eq!(t.crossed, 0);
    }
    // Russia's demands are open, not crossed.
    assert_eq!(standing(&lib, &s, "russia-2024-neutrality"), Some(Standing::Open));
    assert_eq!(standing(&lib, &s, "russia-2024-crimea"), Some(Standing::Open));
}

/// Proposers whose own preset a source reports them objecting to: none in the sources.
const SOURCED_OBJECTIONS: &[(&str, &str)] = &[];

#[test]
fn no_proposer_crosses_a_hard_or_firm_position_of_its_own_preset() {
    let lib = library();
    let mut checked = 0;
    for (ix, p) in lib.presets.iter().enumerate() {
        let s = Standings::of(&lib, &Plan::from_preset(&lib, ix).selection(&lib), None);
        for &a in &p.proposed_by {
            let id = &lib.actors[a].id;
            if SOURCED_OBJECTIONS.contains(&(p.id.as_str(), id.as_str())) {
                continue;
            }
            let bad = crossed(&lib, &s, id, Strength::Firm);
            assert!(bad.is_empty(), "preset {}: its proposer {id} has {bad:?} crossed", p.id);
            checked += 1;
        }
    }
    assert!(checked >= 12, "{checked} proposer checks");
}

#[test]
fn every_preset_names_its_proposers_where_the_library_has_them() {
    let lib = library();
    let proposers = |id: &str| -> Vec<String> {
        let p = &lib.presets[lib.preset_ix(id).unwrap()];
        p.proposed_by.iter().map(|&a| lib.actors[a].id.clone()).collect()
    };
    assert_eq!(proposers("us-28-point"), ["usa"]);
    assert_eq!(proposers("witkoff-paper"), ["usa"]);
    assert_eq!(proposers("hegseth-parameters"), ["usa"]);
    assert_eq!(proposers("twenty-point"), ["ukraine"]);
    assert_eq!(proposers("russia-war-aims-2024"), ["russia"]);
    assert_eq!(proposers("istanbul-model"), ["russia"]);
    assert_eq!(proposers("european-counter-proposal"), ["eu"]);
    assert_eq!(proposers("times-option-3-article5"), ["italy"]);
    assert_eq!(proposers("swp-minimum-terms"), ["swp-authors"]);
    let paris = proposers("paris-declaration");
    for a in ["coalition-of-the-willing", "ukraine", "usa"] {
        assert!(paris.iter().any(|p| p == a), "Paris Declaration: {a}");
    }
}

#[test]
fn the_istanbul_model_shows_no_conflict_for_russia() {
    let lib = library();
    let s = preset(&lib, "istanbul-model");
    assert_eq!(verdict(&lib, &s, "russia"), Verdict::NoObjection);
    assert_eq!(standing(&lib, &s, "russia-istanbul-model"), Some(Standing::Met));
}

#[test]
fn russias_2024_terms_meet_its_demands_and_cross_ukraines_red_lines() {
    let lib = library();
    let s = preset(&lib, "russia-war-aims-2024");
    assert_eq!(verdict(&lib, &s, "russia"), Verdict::NoObjection);
    for id in ["russia-2024-crimea", "russia-2024-donbas", "russia-2024-neutrality", "russia-2024-demilitarisation"] {
        assert_eq!(standing(&lib, &s, id), Some(Standing::Met), "{id}");
    }
    assert_eq!(verdict(&lib, &s, "ukraine"), Verdict::CrossesRedLine);
    let hard = crossed(&lib, &s, "ukraine", Strength::Hard);
    for id in ["ukraine-no-territorial-concessions", "ukraine-no-unoccupied-donbas", "ukraine-no-army-cut"] {
        assert!(hard.iter().any(|h| h == id), "{id} in {hard:?}");
    }
}

#[test]
fn the_20_point_plan_crosses_no_hard_red_line_of_ukraine() {
    let lib = library();
    let s = preset(&lib, "twenty-point");
    assert!(crossed(&lib, &s, "ukraine", Strength::Firm).is_empty());
    // Its conditional NATO renunciation comes with Article-5-like guarantees.
    assert_eq!(standing(&lib, &s, "ukraine-nato-conditional-renunciation"), Some(Standing::Met));
    // Art. 157 is a procedure the plan does not settle: open, not crossed.
    assert_eq!(standing(&lib, &s, "ukraine-constitution-art157"), Some(Standing::Open));
}

#[test]
fn the_28_point_plan_crosses_ukraines_red_lines_and_not_the_united_states_firm_ones() {
    let lib = library();
    let s = preset(&lib, "us-28-point");
    let hard = crossed(&lib, &s, "ukraine", Strength::Hard);
    for id in [
        "ukraine-no-unoccupied-donbas",
        "ukraine-no-army-cut",
        "ukraine-nato-no-permanent-renunciation",
        "ukraine-no-territorial-concessions",
    ] {
        assert!(hard.iter().any(|h| h == id), "{id} in {hard:?}");
    }
    assert!(crossed(&lib, &s, "usa", Strength::Firm).is_empty());
    // Von der Leyen: no border change by force, no army limits that leave Ukraine vulnerable.
    assert_eq!(verdict(&lib, &s, "eu-commission"), Verdict::CrossesRedLine);
    // The FT: alarm in Kyiv and across Europe, among other things at the 50 % profit share.
    assert_eq!(standing(&lib, &s, "ukraine-alarm-28-point"), Some(Standing::Crossed));
    assert_eq!(standing(&lib, &s, "eu-alarm-28-point"), Some(Standing::Crossed));
}

#[test]
fn the_european_counter_proposal_meets_europes_terms_and_crosses_the_us_no_nato_parameter() {
    let lib = library();
    let s = preset(&lib, "european-counter-proposal");
    assert_eq!(verdict(&lib, &s, "eu"), Verdict::NoObjection);
    assert!(crossed(&lib, &s, "ukraine", Strength::Firm).is_empty());
    assert_eq!(standing(&lib, &s, "usa-no-nato-membership"), Some(Standing::Crossed));
    // Territory left to later talks settles nothing (the clause says so):
    // Russia's demand for recognition stays open, not crossed.
    for id in ["russia-2024-crimea", "russia-2024-donbas", "russia-2024-south"] {
        assert_eq!(standing(&lib, &s, id), Some(Standing::Open), "{id}");
    }
}

#[test]
fn a_cap_above_a_rejected_figure_meets_no_rejection_of_it_but_a_proposal_of_that_figure_is_met() {
    let lib = library();
    let s = preset(&lib, "european-counter-proposal");
    // 800,000 avoids the 600,000 cut Ukraine and the Commission rejected; neither asked for 800,000.
    for id in
        ["ukraine-no-army-cut", "commission-no-army-limits", "france-army-cut-risk", "uk-joint-statement-revisions"]
    {
        assert_ne!(standing(&lib, &s, id), Some(Standing::Met), "{id}");
        assert_ne!(standing(&lib, &s, id), Some(Standing::Crossed), "{id}");
    }
    // The European plan's own 800,000 is met by it.
    assert_eq!(standing(&lib, &s, "eu-army-cap-800k"), Some(Standing::Met));
    // 600,000 still crosses the rejection.
    let cut = plan(&lib, &[("army-cap", 600_000)]);
    assert_eq!(standing(&lib, &cut, "ukraine-no-army-cut"), Some(Standing::Crossed));
}

#[test]
fn putting_territory_off_to_later_talks_leaves_demands_about_it_open_while_an_answer_against_them_crosses() {
    let lib = library();
    for deferral in ["crimea-left-to-later-talks", "territorial-talks-after-ceasefire"] {
        let s = plan(&lib, &[(deferral, 0)]);
        assert_eq!(standing(&lib, &s, "russia-2024-crimea"), Some(Standing::Open), "{deferral}");
    }
    let s = plan(&lib, &[("crimea-restored-to-ukraine", 0)]);
    assert_eq!(standing(&lib, &s, "russia-2024-crimea"), Some(Standing::Crossed));
    // A deferral still excludes the answers: a plan cannot hold both.
    let later = lib.clause_ix("crimea-left-to-later-talks").unwrap();
    let de_jure = lib.clause_ix("crimea-de-jure-russian").unwrap();
    assert!(lib.clauses[de_jure].rivals.contains(&later));
    // Its own demanders find it met: the EU's "territory after a ceasefire".
    let s = plan(&lib, &[("territorial-talks-after-ceasefire", 0)]);
    assert_eq!(standing(&lib, &s, "eu-territory-after-ceasefire"), Some(Standing::Met));
}

#[test]
fn the_paris_declaration_meets_ukraines_demand_for_binding_guarantees_and_crosses_russias_no_western_soldiers() {
    let lib = library();
    let s = preset(&lib, "paris-declaration");
    assert_eq!(standing(&lib, &s, "ukraine-binding-guarantees"), Some(Standing::Met));
    assert_eq!(standing(&lib, &s, "russia-no-western-soldiers"), Some(Standing::Crossed));
    assert_eq!(verdict(&lib, &s, "russia"), Verdict::CrossesRedLine);
    assert_eq!(standing(&lib, &s, "usa-europe-carries-support"), Some(Standing::Met));
}

#[test]
fn the_witkoff_paper_meets_the_us_demand_that_europe_carry_the_support() {
    let lib = library();
    let s = preset(&lib, "witkoff-paper");
    assert_eq!(standing(&lib, &s, "usa-europe-carries-support"), Some(Standing::Met));
    assert!(crossed(&lib, &s, "usa", Strength::Firm).is_empty());
}

#[test]
fn a_nato_membership_path_alone_crosses_russias_neutrality_demand() {
    let lib = library();
    let s = plan(&lib, &[("nato-path-open", 0)]);
    assert_eq!(standing(&lib, &s, "russia-2024-neutrality"), Some(Standing::Crossed));
    assert_eq!(verdict(&lib, &s, "russia"), Verdict::ConflictsWithDemand);
    assert_eq!(standing(&lib, &s, "usa-no-nato-membership"), Some(Standing::Crossed));
    assert_eq!(standing(&lib, &s, "eu-nato-not-ruled-out"), Some(Standing::Met));
    assert_eq!(verdict(&lib, &s, "ukraine"), Verdict::NoObjection);
}

#[test]
fn crimea_recognised_as_russian_in_law_crosses_ukraines_red_line_and_meets_russias_demand() {
    let lib = library();
    let s = plan(&lib, &[("crimea-de-jure-russian", 0)]);
    assert_eq!(standing(&lib, &s, "ukraine-no-territorial-concessions"), Some(Standing::Crossed));
    assert_eq!(verdict(&lib, &s, "ukraine"), Verdict::CrossesRedLine);
    assert_eq!(standing(&lib, &s, "commission-no-border-change-by-force"), Some(Standing::Crossed));
    assert_eq!(standing(&lib, &s, "russia-2024-crimea"), Some(Standing::Met));
    assert_eq!(verdict(&lib, &s, "russia"), Verdict::NoObjection);
    // De facto recognition falls short of Putin's demand and is no border change in law.
    let s = plan(&lib, &[("crimea-de-facto-russian", 0)]);
    assert_eq!(standing(&lib, &s, "russia-2024-crimea"), Some(Standing::Crossed));
    assert_ne!(standing(&lib, &s, "commission-no-border-change-by-force"), Some(Standing::Crossed));
    assert_eq!(standing(&lib, &s, "ukraine-no-territorial-concessions"), Some(Standing::Crossed));
}

#[test]
fn the_army_cap_crosses_ukraines_line_at_600000_and_europes_preference_below_800000() {
    let lib = library();
    let at = |v: i64| plan(&lib, &[("army-cap", v)]);
    let s = at(600_000);
    assert_eq!(standing(&lib, &s, "ukraine-no-army-cut"), Some(Standing::Crossed));
    assert_eq!(standing(&lib, &s, "commission-no-army-limits"), Some(Standing::Crossed));
    assert_eq!(standing(&lib, &s, "eu-army-cap-800k"), Some(Standing::Crossed));
    // "600,000 or lower": a value the field accepts off the 10,000 steps,
    // just above it, does not cross.
    for above in [600_001, 605_000] {
        let s = at(above);
        for id in ["ukraine-no-army-cut", "commission-no-army-limits", "france-army-cut-risk"] {
            assert_ne!(standing(&lib, &s, id), Some(Standing::Crossed), "{id} at {above}");
        }
    }
    let s = at(700_000);
    assert_ne!(standing(&lib, &s, "ukraine-no-army-cut"), Some(Standing::Crossed));
    assert_eq!(standing(&lib, &s, "eu-army-cap-800k"), Some(Standing::Crossed));
    let s = at(800_000);
    assert_eq!(verdict(&lib, &s, "ukraine"), Verdict::NoObjection);
    assert_eq!(standing(&lib, &s, "eu-army-cap-800k"), Some(Standing::Met));
    // Demilitarisation meets Russia's demand and crosses Ukraine's line.
    let s = plan(&lib, &[("army-demilitarised", 0)]);
    assert_eq!(standing(&lib, &s, "russia-2024-demilitarisation"), Some(Standing::Met));
    assert_eq!(standing(&lib, &s, "ukraine-no-army-cut"), Some(Standing::Crossed));
}

#[test]
fn us_soldiers_in_the_force_cross_the_us_red_line_and_russias() {
    let lib = library();
    let s = plan(&lib, &[("us-troops-in-force", 0)]);
    assert_eq!(standing(&lib, &s, "usa-no-us-troops-2026-01"), Some(Standing::Crossed));
    assert_eq!(verdict(&lib, &s, "usa"), Verdict::CrossesRedLine);
    assert_eq!(verdict(&lib, &s, "russia"), Verdict::CrossesRedLine);
    assert_eq!(standing(&lib, &s, "swp-us-troops-in-force"), Some(Standing::Met));
}

#[test]
fn german_troops_split_the_german_coalition_and_leave_the_parliament_vote_open() {
    let lib = library();
    let s = plan(&lib, &[("troops-germany", 0)]);
    assert_eq!(standing(&lib, &s, "cdu-send-troops"), Some(Standing::Met));
    assert_eq!(standing(&lib, &s, "spd-no-troops"), Some(Standing::Crossed));
    assert_eq!(standing(&lib, &s, "bundestag-approval"), Some(Standing::Open));
    assert_eq!(standing(&lib, &s, "russia-no-western-soldiers"), Some(Standing::Crossed));
}

#[test]
fn a_waiver_of_war_damages_crosses_the_european_councils_reparations_condition() {
    let lib = library();
    let s = plan(&lib, &[("no-war-damages-claims", 0)]);
    assert_eq!(standing(&lib, &s, "european-council-reparations"), Some(Standing::Crossed));
    assert_eq!(standing(&lib, &s, "russia-2024-no-compensation"), Some(Standing::Met));
    // Compensation with no payer named settles nothing about claims against Russia.
    let s = plan(&lib, &[("ukraine-compensated-unspecified", 0)]);
    assert_ne!(standing(&lib, &s, "russia-2024-no-compensation"), Some(Standing::Crossed));
}

#[test]
fn procedures_are_law_not_red_lines_and_commentators_are_not_parties() {
    let lib = library();
    for p in &lib.positions {
        if p.basis == Basis::Law {
            assert!(p.strength >= Strength::Firm, "{} is a procedure stored as a red line", p.id);
        }
    }
    for id in ["ukraine-constitution-art73", "ukraine-constitution-art157", "bundestag-approval"] {
        assert_eq!(lib.positions[position(&lib, id)].basis, Basis::Law, "{id}");
    }
    for id in ["russian-commentators", "swp-authors"] {
        assert!(!lib.actors[lib.actor_ix(id).unwrap()].is_party(), "{id}");
    }
    for id in ["ukraine", "russia", "usa", "eu", "coalition-of-the-willing", "bundestag", "germany-spd"] {
        assert!(lib.actors[lib.actor_ix(id).unwrap()].is_party(), "{id}");
    }
    // A role allotted by others, a forecast and an analyst's description are no positions.
    for gone in ["turkey", "china", "zhang-hong", "nato"] {
        assert!(lib.actor_ix(gone).is_none(), "{gone} holds no stated position in the sources");
    }
}

#[test]
fn the_eu_frozen_assets_plan_is_not_current() {
    let lib = library();
    let dropped = position(&lib, "eu-frozen-assets-for-ukraine");
    let later = position(&lib, "eu-loan-instead-of-assets");
    assert_eq!(lib.positions[dropped].later_versions, [later]);
    assert!(!lib.in_force(dropped, None));
    assert!(lib.in_force(later, None));
}

// The second reading (docs/library-review.md, "Second reading"): what no
// source says a plan holds leaves a demand open.

#[test]
fn guarantees_with_no_guarantor_named_leave_the_guarantor_demands_open() {
    let lib = library();
    // The 28-point plan promises "reliable" guarantees and names nobody.
    let s = preset(&lib, "us-28-point");
    for id in ["russia-istanbul-model", "coalition-binding-commitments"] {
        assert_ne!(standing(&lib, &s, id), Some(Standing::Crossed), "{id}");
    }
    // The Geneva revision "covers" guarantees; the sources do not say how.
    let geneva = lib.preset_ix("geneva-22-point").unwrap();
    let held: Vec<&str> = lib.presets[geneva].items.iter().map(|i| lib.clauses[i.clause].id.as_str()).collect();
    assert!(!held.contains(&"guarantors-unspecified"), "{held:?}");
    let s = preset(&lib, "geneva-22-point");
    assert!(crossed(&lib, &s, "russia", Strength::Concern).is_empty());
    // A plan that does name guarantors other than the P5 still crosses the Istanbul model.
    let s = plan(&lib, &[("guarantors-europe-without-us", 0)]);
    assert_eq!(standing(&lib, &s, "russia-istanbul-model"), Some(Standing::Crossed));
}

#[test]
fn membership_permitted_leaves_the_2027_demand_open_and_a_date_meets_it() {
    let lib = library();
    let s = plan(&lib, &[("eu-membership-permitted", 0)]);
    assert_eq!(standing(&lib, &s, "ukraine-eu-accession-2027"), Some(Standing::Open));
    let s = plan(&lib, &[("eu-membership-permitted", 0), ("eu-accession-by-2027", 0)]);
    assert_eq!(standing(&lib, &s, "ukraine-eu-accession-2027"), Some(Standing::Met));
}

#[test]
fn an_alliance_with_us_bases_crosses_hegseths_no_us_troops() {
    let lib = library();
    let mut s = Selection::empty(lib.clauses.len());
    s.insert(lib.clause_ix("bilateral-alliance-us").unwrap(), 0);
    let feb_2025 = Standings::of(&lib, &s, Some(redline::date::Date::parse("2025-03-01").unwrap()));
    assert_eq!(feb_2025.positions[position(&lib, "usa-no-us-troops-2025-02")], Some(Standing::Crossed));
}

#[test]
fn zelenskys_goal_of_december_became_ukraines_firm_demand_in_january() {
    let lib = library();
    let goal = position(&lib, "ukraine-binding-guarantees-goal");
    let demand = position(&lib, "ukraine-binding-guarantees");
    assert_eq!(lib.positions[goal].later_versions, [demand]);
    assert_eq!(lib.positions[goal].strength, Strength::Preference);
    assert_eq!(
        (lib.positions[demand].strength, lib.positions[demand].speaker.as_str()),
        (Strength::Firm, "Government of Ukraine")
    );
    assert!(lib.positions[demand].date_reported, "the report gives no date for the demand");
    assert!(!lib.in_force(goal, None) && lib.in_force(demand, None));
    assert!(lib.in_force(goal, Some(redline::date::Date::parse("2025-12-31").unwrap())));
}

#[test]
fn a_demand_for_two_things_is_open_while_the_plan_gives_one() {
    let lib = library();
    // "the confirmation of Ukraine's territorial integrity and sovereignty" (003).
    let s = preset(&lib, "european-counter-proposal");
    assert_eq!(standing(&lib, &s, "swp-territorial-integrity"), Some(Standing::Open), "sovereignty alone");
    let s = plan(&lib, &[("sovereignty-confirmed", 0), ("territorial-integrity-confirmed", 0)]);
    assert_eq!(standing(&lib, &s, "swp-territorial-integrity"), Some(Standing::Met));
}

#[test]
fn what_a_conditional_offer_asks_in_return_does_not_meet_it_without_the_offer() {
    let lib = library();
    // Zelensky's conditional renunciation of NATO: guarantees alone renounce nothing.
    for id in ["times-option-3-article5", "swp-minimum-terms"] {
        let s = preset(&lib, id);
        assert_eq!(standing(&lib, &s, "ukraine-nato-conditional-renunciation"), Some(Standing::Untouched), "{id}");
    }
    let s = plan(&lib, &[("nato-renounced-conditionally", 0), ("guarantee-article5-equivalent", 0)]);
    assert_eq!(standing(&lib, &s, "ukraine-nato-conditional-renunciation"), Some(Standing::Met));
}

#[test]
fn met_means_what_the_words_ask_not_something_near_it() {
    let lib = library();
    // "must be vigorously promoted" (003): a permission is not promotion.
    for id in ["us-28-point", "witkoff-paper"] {
        assert_eq!(standing(&lib, &preset(&lib, id), "swp-eu-accession"), Some(Standing::Open), "{id}");
    }
    // A "robust, coordinated military response" (001) names no one who commits, nor a binding form.
    let s = preset(&lib, "european-counter-proposal");
    assert_ne!(standing(&lib, &s, "ukraine-binding-guarantees"), Some(Standing::Met));
    // "Europe will continue to provide weapons support" (002) is no long-term commitment,
    // and still the opposite of demilitarising.
    let s = preset(&lib, "times-option-1-training");
    assert_eq!(standing(&lib, &s, "swp-weapons-support"), Some(Standing::Open));
    assert_eq!(standing(&lib, &s, "russia-2024-demilitarisation"), Some(Standing::Crossed));
}

// The fifth reading (docs/library-review.md, "Fifth reading").

#[test]
fn russias_refusal_of_a_ceasefire_before_territory_is_crossed_by_every_deferral_of_territory() {
    let lib = library();
    for deferral in [
        "territorial-talks-after-ceasefire",
        "crimea-left-to-later-talks",
        "donbas-left-to-later-talks",
        "south-left-to-later-talks",
    ] {
        let s = plan(&lib, &[(deferral, 0)]);
        assert_eq!(standing(&lib, &s, "russia-no-ceasefire"), Some(Standing::Crossed), "{deferral}");
    }
}

#[test]
fn the_russian_commentators_reject_the_times_options_whole_not_a_piece_of_one() {
    let lib = library();
    for id in
        ["times-option-1-training", "times-option-2-air-control", "times-option-3-article5", "times-option-4-bilateral"]
    {
        let s = preset(&lib, id);
        assert_eq!(standing(&lib, &s, "russian-commentators-reject-options"), Some(Standing::Crossed), "{id}");
    }
    for piece in ["drone-monitoring", "no-fly-zone", "troops-uk-france-training", "ukraine-free-to-join-alliances"] {
        let s = plan(&lib, &[(piece, 0)]);
        assert_ne!(standing(&lib, &s, "russian-commentators-reject-options"), Some(Standing::Crossed), "{piece}");
    }
}

#[test]
fn german_or_polish_soldiers_in_ukraine_are_european_participation_as_the_us_asks() {
    let lib = library();
    for troops in ["troops-germany", "troops-poland"] {
        let s = plan(&lib, &[(troops, 0)]);
        assert_eq!(standing(&lib, &s, "usa-europe-carries-support"), Some(Standing::Met), "{troops}");
    }
}
