//! Share links on the real library: the length targets, round trips, and
//! safety on arbitrary input.

use proptest::prelude::*;
use redline::library::Library;
use redline::plan::{Plan, PlanItem};
use redline::share::{
    check, decode, encode, fragment, id_table, open_fragment, shareable, LinkError, Shared, CHAT_SAFE_LENGTH,
    FRAGMENT_PREFIX,
};

fn library() -> Library {
    Library::embedded().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn link_lengths_meet_their_targets() {
    let lib = library();
    let table = id_table();
    let with_caveat = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap());
    let caveat_link = fragment(&Shared::latest(with_caveat.clone()), &table).unwrap();
    // The clauses and title alone: what the target was set for.
    let us28 = Plan { notes: String::new(), ..with_caveat.clone() };
    let us28_link = fragment(&Shared::latest(us28.clone()), &table).unwrap();
    let every = Plan {
        title: "Every clause".into(),
        notes: String::new(),
        items: lib
            .clauses
            .iter()
            .map(|c| PlanItem { id: c.id.clone(), value: c.param.as_ref().map(|p| p.default) })
            .collect(),
        ..Plan::default()
    };
    let every_link = fragment(&Shared::latest(every.clone()), &table).unwrap();
    println!(
        "share link fragment: US 28-point plan ({} clauses) {} characters (target <= 120), {} with its caveats in the notes; every clause ({}) {} characters (target <= 400)",
        us28.items.len(),
        us28_link.len(),
        caveat_link.len(),
        every.items.len(),
        every_link.len()
    );
    assert!(caveat_link.len() < CHAT_SAFE_LENGTH / 2, "{} characters", caveat_link.len());
    assert!(us28_link.len() <= 120, "{} characters", us28_link.len());
    assert!(every_link.len() <= 400, "{} characters", every_link.len());
    // Every clause at once breaks "one answer per question", so only the codec is checked here.
    assert_eq!(decode(&every_link[FRAGMENT_PREFIX.len()..], &table).unwrap().plan, every);
}

#[test]
fn only_plan_fragments_are_read_as_links() {
    let lib = library();
    assert!(open_fragment("#draft-heading", &lib).is_none());
    assert!(open_fragment("", &lib).is_none());
    let us28 = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap());
    let shared = Shared { plan: us28, as_of: Some(redline::date::Date::parse("2025-11-24").unwrap()) };
    let link = format!("#{}", fragment(&shared, &id_table()).unwrap());
    assert_eq!(open_fragment(&link, &lib).unwrap().unwrap().0, shared);
    assert_eq!(open_fragment(&format!("#{FRAGMENT_PREFIX}"), &lib).unwrap().unwrap_err(), LinkError::Empty);
}

#[test]
fn every_kind_of_broken_link_is_named() {
    let lib = library();
    let us28 = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap());
    let link = fragment(&Shared::latest(us28), &id_table()).unwrap();
    let open = |f: &str| open_fragment(f, &lib).unwrap().unwrap_err();
    for cut in 1..link.len() - FRAGMENT_PREFIX.len() {
        let error = open(&link[..link.len() - cut]);
        assert!(matches!(error, LinkError::Truncated | LinkError::Damaged), "cut by {cut}: {error:?}");
        assert!(error.to_string().contains("cut short"), "{error}");
    }
    assert_eq!(open(&format!("{link}%%")), LinkError::NotBase64);
    assert_eq!(open(&format!("{link}%.")), LinkError::NotBase64);
    assert_eq!(open(&format!("{FRAGMENT_PREFIX}BA")), LinkError::NewerVersion(4));
}

/// A link copied out of a sentence brings its last marks along; they are no
/// part of any link, so the plan opens as it was shared.
#[test]
fn a_link_with_a_sentence_s_last_marks_opens_the_plan() {
    let lib = library();
    let us28 = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap());
    let shared = Shared::latest(us28);
    let link = format!("#{}", fragment(&shared, &id_table()).unwrap());
    for end in [".", ",", ")", ").", "!", "?", "”", "' ", " \n", "»."] {
        let opened = open_fragment(&format!("{link}{end}"), &lib).unwrap();
        assert_eq!(opened.map(|o| o.0), Ok(shared.clone()), "{end:?}");
    }
}

/// The reader's pass found a 28-point link that, with one character changed,
/// opened as another plan (two clauses swapped). No changed character, lost
/// character or swapped neighbours may open any plan.
#[test]
fn a_link_changed_on_its_way_never_opens_as_another_plan() {
    let lib = library();
    let table = id_table();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for preset in ["us-28-point", "twenty-point", "russia-war-aims-2024"] {
        let mut plan = Plan::from_preset(&lib, lib.preset_ix(preset).unwrap_or_else(|| panic!("{preset}")));
        plan.scenario.set_aside = vec!["russia-neutrality".into()];
        let shared = Shared { plan, as_of: Some(redline::date::Date::parse("2025-06").unwrap()) };
        let payload = encode(&shared, &table).unwrap().into_bytes();
        let refused = |changed: &[u8], what: &str| {
            let text = std::str::from_utf8(changed).unwrap();
            assert!(decode(text, &table).is_err(), "{preset}: {what} opened as a plan");
        };
        for at in 0..payload.len() {
            for &c in alphabet.iter().filter(|&&c| c != payload[at]) {
                let mut changed = payload.clone();
                changed[at] = c;
                refused(&changed, &format!("character {at} as {}", c as char));
            }
            let mut lost = payload.clone();
            lost.remove(at);
            refused(&lost, &format!("character {at} lost"));
            if at + 1 < payload.len() && payload[at] != payload[at + 1] {
                let mut swapped = payload.clone();
                swapped.swap(at, at + 1);
                refused(&swapped, &format!("characters {at} and {} swapped", at + 1));
            }
        }
    }
}

/// A link made by the first version of the format. It must open to the same
/// plan forever: clause ids are never reused and the id table only grows.
const FIRST_VERSION_LINK: &str = "ARoBBAgQICEmFhsfMCxZSxRTVFdYVUVRUEdJSgUHgJ9JEGQTyAEYyAEZZBBVUyAyOC1wb2ludCBwbGFuAA";

#[test]
fn a_link_from_the_first_version_still_opens_to_the_same_plan() {
    let lib = library();
    let table = id_table();
    // The US 28-point plan as the preset held it when the link was made
    // (the preset may change since; the link's meaning may not).
    let ids = "crimea-de-facto-russian donbas-whole-de-facto-russian south-occupied-de-facto-russian \
        occupied-kharkiv-returned nato-expansion-halt nato-russia-dialogue guarantors-unspecified army-cap \
        nato-renounced-constitution nato-statutes-bar-ukraine nato-troops-excluded us-guarantee-compensated \
        eu-membership-permitted reconstruction-aid-promised monitoring-us-russian ukraine-non-nuclear \
        znpp-iaea-power-shared denazification russian-minority-protection elections-within-days \
        sanctions-lifted-reintegration us-russia-economic-cooperation russia-g8 assets-us-russia-fund \
        assets-reserved-for-ukraine us-share-reconstruction-profits";
    let value = |id: &str| match id {
        "army-cap" => Some(600_000),
        "znpp-iaea-power-shared" | "us-share-reconstruction-profits" => Some(50),
        "elections-within-days" | "assets-reserved-for-ukraine" => Some(100),
        _ => None,
    };
    let items = ids.split_whitespace().map(|id| PlanItem { id: id.into(), value: value(id) }).collect();
    let expected = Plan { title: "US 28-point plan".into(), notes: String::new(), items, ..Plan::default() };
    let decoded = decode(FIRST_VERSION_LINK, &table).expect("the pinned link decodes");
    assert_eq!(decoded.as_of, None, "read against each actor's latest positions");
    let (plan, warnings) = check(decoded.plan, &lib).expect("the pinned link fits the library");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(plan, expected);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_plan_survives_its_link(
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..60),
        values in proptest::collection::vec(any::<i64>(), 60),
        title in ".{0,80}",
        notes in "(?s).{0,400}",
        set_aside in proptest::collection::vec("[a-z:-]{1,24}", 0..4),
        as_of in proptest::option::of((1000u16..=9999, proptest::option::of((1u8..=12, proptest::option::of(1u8..=28))))),
    ) {
        let table = id_table();
        let mut items: Vec<PlanItem> = Vec::new();
        for (n, pick) in picks.iter().enumerate() {
            let id = table[pick.index(table.len())];
            if !items.iter().any(|i| i.id == id) {
                items.push(PlanItem { id: id.to_string(), value: (n % 3 == 0).then_some(values[n]) });
            }
        }
        let mut plan = Plan { title, notes, items, ..Plan::default() };
        plan.scenario.set_aside = set_aside;
        let as_of = as_of.map(|(year, month)| redline::date::Date {
            year,
            month: month.map(|(m, _)| m),
            day: month.and_then(|(_, d)| d),
        });
        let shared = Shared { plan, as_of };
        let link = encode(&shared, &table).unwrap();
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(decode(&link, &table).unwrap(), shared);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        use base64::Engine;
        let table = id_table();
        let link = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
        let _ = decode(&link, &table);
        // Arbitrary text too, not only valid base64.
        let _ = decode(&String::from_utf8_lossy(&bytes), &table);
    }
}

#[test]
fn a_clause_the_library_lacks_is_left_out_of_the_link_and_named() {
    let lib = library();
    let table = id_table();
    let mut plan = Plan::from_preset(&lib, lib.preset_ix("us-28-point").unwrap());
    let kept = plan.clone();
    plan.items.insert(1, PlanItem { id: "made-up-clause".into(), value: None });
    let (link, left_out) = shareable(&Shared::latest(plan), &table).unwrap();
    assert_eq!(left_out, ["made-up-clause"]);
    // The values still belong to their clauses once the unknown one is gone.
    let opened = open_fragment(&format!("#{link}"), &lib).unwrap().unwrap().0;
    assert_eq!(opened.plan, kept);
}

#[test]
fn no_link_is_made_that_every_reader_would_refuse() {
    let table = id_table();
    let title = Plan { title: "Ж".repeat(600), ..Plan::default() };
    let why = shareable(&Shared::latest(title), &table).unwrap_err();
    assert!(why.contains("its title is longer than a link can carry (1,200 bytes, at most 1,000)"), "{why}");
    let notes = Plan { notes: "x".repeat(20_001), ..Plan::default() };
    assert!(shareable(&Shared::latest(notes), &table).unwrap_err().contains("its notes"));
    // At the limit, the link opens.
    let at_limit = Plan { title: "x".repeat(1_000), notes: "y".repeat(20_000), ..Plan::default() };
    let link = fragment(&Shared::latest(at_limit.clone()), &table).unwrap();
    assert_eq!(decode(&link[FRAGMENT_PREFIX.len()..], &table).unwrap().plan, at_limit);
}
