//! The timeline: the dates the library knows, for the as-of control, and what
//! a card says about when its actor's positions in force were stated.
//!
//! Why these dates and no others: a verdict can change only on a day a
//! position is dated (it comes into force, or replaces an earlier version of
//! its stance); between two such days every verdict stays the same. So a
//! control that stops on each of them shows every change, and nothing twice.
//! Plans are marked too: readers know the history by them.
//!
//! A date keeps the precision its source gives. A moment dated `2025` is that
//! year as the library knows it: it sorts as 2025's first day, before
//! `2025-01-01` (see `Date`'s order), and as the as-of date it puts in force
//! the positions dated `2025` but none dated to a day or month of 2025.
//! No day is invented for it.
//!
//! Sorting inserts in order (`partition_point`): a timeline has a few dozen
//! dates, and the standard sorts would add their code to the wasm.

use crate::date::Date;
use crate::library::{ActorIx, InScenario, Library, PositionIx, PresetIx};

/// One date of the timeline and what the library dates on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    pub date: Date,
    /// Positions dated this day: stated on it, or, for a position whose
    /// source gives no date of its own, reported on it. In library order.
    pub positions: Vec<PositionIx>,
    /// Plans put forward on this day, in library order.
    pub presets: Vec<PresetIx>,
}

/// Every date on which a position or a plan is dated, oldest first, one
/// moment per date.
pub fn timeline(library: &Library) -> Vec<Moment> {
    let mut moments = Vec::new();
    for (ix, p) in library.positions.iter().enumerate() {
        moment_at(&mut moments, p.date).positions.push(ix);
    }
    for (ix, p) in library.presets.iter().enumerate() {
        moment_at(&mut moments, p.date).presets.push(ix);
    }
    moments
}

fn moment_at(moments: &mut Vec<Moment>, date: Date) -> &mut Moment {
    let at = moments.partition_point(|m| m.date < date);
    if moments.get(at).is_none_or(|m| m.date != date) {
        moments.insert(at, Moment { date, positions: Vec::new(), presets: Vec::new() });
    }
    &mut moments[at]
}

impl Moment {
    /// "Russia's terms (Putin, June 2024); 9 positions of Russia": the plans
    /// of the day by name, then its positions, counted and named by actor.
    pub fn label(&self, library: &Library) -> String {
        let mut parts = Vec::new();
        if !self.presets.is_empty() {
            let names: Vec<&str> = self.presets.iter().map(|&p| library.presets[p].name.as_str()).collect();
            parts.push(name_list(&names, 1, "other plans"));
        }
        if !self.positions.is_empty() {
            let mut actors: Vec<ActorIx> = Vec::new();
            for &p in &self.positions {
                let actor = library.positions[p].actor;
                let at = actors.partition_point(|&a| a < actor);
                if actors.get(at) != Some(&actor) {
                    actors.insert(at, actor);
                }
            }
            let names: Vec<String> = actors.iter().map(|&a| library.actors[a].in_text()).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let count = self.positions.len();
            let reported = self.positions.iter().filter(|&&p| library.positions[p].date_reported).count();
            let noun = if count == 1 { "position" } else { "positions" };
            let counted = match reported {
                0 => format!("{count} {noun}"),
                r if r == count => format!("{count} reported {noun}"),
                r => format!("{count} {noun} ({r} reported)"),
            };
            parts.push(format!("{counted} of {}", name_list(&names, 2, "others")));
        }
        parts.join("; ")
    }
}

/// "A", "A and B", "A, B and C"; past `shown + 1` names, the first `shown`
/// and how many `others`: "A, B and 6 others".
fn name_list(names: &[&str], shown: usize, others: &str) -> String {
    let (listed, rest) = if names.len() > shown + 1 { (&names[..shown], names.len() - shown) } else { (names, 0) };
    let mut out = String::new();
    for (i, name) in listed.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == listed.len() && rest == 0 { " and " } else { ", " });
        }
        out.push_str(name);
    }
    if rest > 0 {
        out.push_str(&format!(" and {rest} {others}"));
    }
    out
}

/// The step of the control that shows `as_of`: the last moment dated on or
/// before it (every verdict is the same until the next one), the first
/// before any; the last step, "Latest", for `None`.
pub fn step_of(moments: &[Moment], as_of: Option<Date>) -> usize {
    let last = moments.len().saturating_sub(1);
    match as_of {
        None => last,
        Some(day) => moments.partition_point(|m| m.date <= day).saturating_sub(1).min(last),
    }
}

/// The as-of date a step stands for: its moment's date, and `None` (each
/// actor's latest position) at the last step. The last moment's date would
/// evaluate the same (a test holds it), but `None` says "latest" to every
/// other panel and to the report.
pub fn as_of_at(moments: &[Moment], step: usize) -> Option<Date> {
    if step + 1 >= moments.len() {
        None
    } else {
        Some(moments[step].date)
    }
}

/// What the control says at a step, for its `aria-valuetext` and in words
/// beside it: "14 Jun 2024: Russia's terms (…); 9 positions of Russia", and
/// at the last step "Latest, 6 Jan 2026: …".
pub fn step_text(library: &Library, moments: &[Moment], step: usize) -> String {
    match moments.get(step) {
        None => "Latest".to_string(),
        Some(m) if step + 1 == moments.len() => format!("Latest, {}: {}", m.date.human(), m.label(library)),
        Some(m) => format!("{}: {}", m.date.human(), m.label(library)),
    }
}

/// Steps nearer than this to a labelled one get no label of their own: on a
/// phone, neighbouring steps are about 20 px apart, narrower than a year.
const LABEL_GAP: usize = 2;

/// The labels under the control's marks, one per step: a year at its first
/// moment, unless a label stands fewer than `LABEL_GAP` steps before it.
pub fn mark_labels(moments: &[Moment]) -> Vec<Option<u16>> {
    let mut labels = Vec::with_capacity(moments.len());
    let mut last_labelled: Option<usize> = None;
    for (i, m) in moments.iter().enumerate() {
        let new_year = i == 0 || moments[i - 1].date.year != m.date.year;
        let room = last_labelled.is_none_or(|at| i - at >= LABEL_GAP);
        if new_year && room {
            last_labelled = Some(i);
            labels.push(Some(m.date.year));
        } else {
            labels.push(None);
        }
    }
    labels
}

/// The vaguest date among the positions in force on `as_of` whose year (or
/// month) holds `as_of` but which name no day: such a position counts from
/// its period's first day, though it may have been stated after `as_of`. The
/// hint under the timeline says so, as the rule would otherwise pass unseen.
pub fn counted_from_first_day(library: &Library, as_of: Date) -> Option<Date> {
    let vague = |d: Date| {
        d.day.is_none()
            && d.year == as_of.year
            && d.month.is_none_or(|m| as_of.month == Some(m))
            && (d.month.is_some() || as_of.month.is_some())
            && d != as_of
    };
    (0..library.positions.len())
        .filter(|&p| library.in_force(p, Some(as_of)) && vague(library.positions[p].date))
        .map(|p| library.positions[p].date)
        .min()
}

/// The hint under the control: what the as-of date `as_of` puts in force,
/// and, where positions are dated only by a month or year that holds it,
/// that they count from its first day. At "Latest" (`None`) the vague ones
/// are said too: a position dated only "Jan 2026" sorts before "6 Jan 2026",
/// the last day named, though it may have been stated after it.
pub fn as_of_hint(library: &Library, moments: &[Moment], as_of: Option<Date>) -> String {
    match as_of {
        None => {
            let last = moments.last().map(|m| m.date);
            let vague = last.and_then(|last| Some((counted_from_first_day(library, last)?, last)));
            match vague {
                Some((vague, last)) => format!(
                    "Each actor's latest stated position applies. Positions dated only “{}” may have been stated after {}, the latest day named.",
                    vague.human(),
                    last.human()
                ),
                None => "Each actor's latest stated position applies.".to_string(),
            }
        }
        Some(d) => {
            let vague = counted_from_first_day(library, d).map(|v| {
                format!(
                    " Positions dated only “{}” count from its first day, though they may have been stated after {}.",
                    v.human(),
                    d.first_day_human()
                )
            });
            format!(
                "Only positions stated by {} count (or reported by then, where the sources give no date); later ones are ignored.{}",
                d.first_day_human(),
                vague.unwrap_or_default()
            )
        }
    }
}

/// When an actor's positions in force on a date were stated: what its card
/// says, so a reader moving the timeline sees which statements a verdict
/// rests on, and that "no stated objection" may mean "nothing stated yet".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stated {
    InForce {
        count: usize,
        /// How many of them are dated by the report that carries them.
        reported: usize,
        first: Date,
        last: Date,
    },
    /// Nothing in force on `as_of`; `first` is the actor's earliest position's date.
    NotYet { as_of: Date, first: Date },
    /// The reader's scenario sets aside every position the sources give.
    AllSetAside,
}

/// `None` only for an actor without positions, which validation forbids.
/// `library` is the scenario's: a position set aside is not in force, and
/// a reader's own has no date, so neither counts here.
pub fn stated(library: &Library, actor: ActorIx, as_of: Option<Date>) -> Option<Stated> {
    let sourced: Vec<PositionIx> = library.actors[actor]
        .positions
        .iter()
        .copied()
        .filter(|&p| library.positions[p].scenario != InScenario::AddedByReader)
        .collect();
    let earliest = sourced.iter().map(|&p| library.positions[p].date).min()?;
    let mut in_force = sourced.iter().filter(|&&p| library.in_force(p, as_of)).map(|&p| &library.positions[p]);
    let Some(one) = in_force.next() else {
        if sourced.iter().all(|&p| library.positions[p].scenario == InScenario::SetAside) {
            return Some(Stated::AllSetAside);
        }
        return as_of.map(|as_of| Stated::NotYet { as_of, first: earliest });
    };
    let (mut count, mut reported, mut first, mut last) = (1, usize::from(one.date_reported), one.date, one.date);
    for p in in_force {
        count += 1;
        reported += usize::from(p.date_reported);
        first = first.min(p.date);
        last = last.max(p.date);
    }
    Some(Stated::InForce { count, reported, first, last })
}

impl Stated {
    /// "9 positions in force, stated 14 Jun 2024.", "3 positions in force,
    /// stated or reported between 2025 and 26 Dec 2025.", "No position stated
    /// by 14 Jun 2024; the first is dated 2025."
    pub fn describe(&self) -> String {
        match *self {
            Stated::InForce { count, reported, first, last } => {
                let verb = match reported {
                    0 => "stated",
                    r if r == count => "reported",
                    _ => "stated or reported",
                };
                let when = if first == last {
                    first.human()
                } else {
                    format!("between {} and {}", first.human(), last.human())
                };
                match count {
                    1 => format!("Position in force {verb} {when}."),
                    n => format!("{n} positions in force, {verb} {when}."),
                }
            }
            Stated::NotYet { as_of, first } => {
                format!("No position stated by {}; the first is dated {}.", as_of.first_day_human(), first.human())
            }
            Stated::AllSetAside => "Every position the sources give is set aside in this scenario.".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_latest_the_hint_names_the_month_dated_positions_that_may_be_later_than_the_last_day() {
        let lib = Library::embedded().unwrap_or_else(|e| panic!("{e}"));
        let moments = timeline(&lib);
        // The policy paper's positions are dated only "2026-01"; the last day named is 6 Jan 2026.
        assert_eq!(
            as_of_hint(&lib, &moments, None),
            "Each actor's latest stated position applies. Positions dated only “Jan 2026” may have been stated after 6 Jan 2026, the latest day named."
        );
        // A timeline whose last moment names no day has nothing later to warn of.
        let fixture = fixture::library();
        assert_eq!(as_of_hint(&fixture, &timeline(&fixture), None), "Each actor's latest stated position applies.");
        let day = Date::parse("2025-02-12").unwrap();
        assert!(as_of_hint(&lib, &moments, Some(day)).ends_with(
            "Positions dated only “2025” count from its first day, though they may have been stated after 12 Feb 2025."
        ));
    }

    #[test]
    fn a_position_dated_only_by_its_year_is_named_when_the_date_falls_inside_that_year() {
        let lib = Library::embedded().unwrap_or_else(|e| panic!("{e}"));
        let day = |t: &str| Date::parse(t).unwrap();
        // The library holds positions dated only "2025" (the news digest's).
        assert_eq!(counted_from_first_day(&lib, day("2025-02-12")), Some(day("2025")));
        assert_eq!(counted_from_first_day(&lib, day("2025")), None, "the year itself is no later day");
        assert_eq!(counted_from_first_day(&lib, day("2024-06-14")), None);
    }
    use crate::evaluate::Standings;
    use crate::library::fixture;
    use crate::library::Selection;
    use crate::plan::Plan;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn real() -> Library {
        Library::embedded().expect("the embedded library is valid")
    }

    /// Every date of the form YYYY, YYYY-MM and YYYY-MM-DD from 2021 to 2027.
    fn every_date() -> Vec<Date> {
        let mut dates = Vec::new();
        for year in 2021..=2027u16 {
            dates.push(Date { year, month: None, day: None });
            for month in 1..=12u8 {
                dates.push(Date { year, month: Some(month), day: None });
                for day in 1..=31u8 {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    if let Ok(d) = Date::parse(&text) {
                        dates.push(d);
                    }
                }
            }
        }
        dates
    }

    #[test]
    fn the_fixture_timeline_has_one_moment_per_date_in_order() {
        let lib = fixture::library();
        let moments = timeline(&lib);
        let dates: Vec<String> = moments.iter().map(|m| m.date.to_string()).collect();
        // 2024-06-14 holds two positions, 2025-11 a position and the plan.
        assert_eq!(
            dates,
            [
                "2024-06",
                "2024-06-14",
                "2025-01",
                "2025-02",
                "2025-03",
                "2025-11",
                "2025-11-23",
                "2025-11-24",
                "2025-12"
            ]
        );
        let at = |text: &str| moments.iter().find(|m| m.date == date(text)).unwrap();
        let pos = |id: &str| lib.positions.iter().position(|p| p.id == id).unwrap();
        assert_eq!(at("2024-06-14").positions, [pos("ru-crimea"), pos("ru-neutral")]);
        assert_eq!(at("2025-11").positions, [pos("pundit-crimea")]);
        assert_eq!(at("2025-11").presets, [0]);
        assert!(at("2025-01").presets.is_empty());
        // Every position and preset is on exactly one moment.
        assert_eq!(moments.iter().map(|m| m.positions.len()).sum::<usize>(), lib.positions.len());
        assert_eq!(moments.iter().map(|m| m.presets.len()).sum::<usize>(), lib.presets.len());
    }

    #[test]
    fn a_year_or_a_month_is_its_own_moment_before_the_days_it_contains() {
        let lib = fixture::library();
        let moments = timeline(&lib);
        // The fixture's 2024-06 (a month) and 2024-06-14 (a day) stay apart, the month first.
        assert_eq!(moments[0].date, date("2024-06"));
        assert_eq!(moments[1].date, date("2024-06-14"));
        // The real library dates positions to the year alone ("2025"): that
        // moment sorts before 2025's days and puts in force what is dated 2025, not 2025-02-12.
        let lib = real();
        let moments = timeline(&lib);
        let year = moments.iter().position(|m| m.date == date("2025")).expect("positions dated 2025 alone");
        assert!(moments[year + 1].date == date("2025-02-12"));
        for &p in &moments[year].positions {
            assert!(lib.in_force(p, Some(date("2025"))));
        }
        for &p in &moments[year + 1].positions {
            assert!(!lib.in_force(p, Some(date("2025"))));
        }
    }

    #[test]
    fn verdicts_change_only_on_the_timelines_dates() {
        for lib in [fixture::library(), real()] {
            let moments = timeline(&lib);
            for as_of in every_date() {
                let step = step_of(&moments, Some(as_of));
                let in_force =
                    |day: Option<Date>| (0..lib.positions.len()).filter(|&p| lib.in_force(p, day)).collect::<Vec<_>>();
                let expected = if as_of < moments[0].date { Vec::new() } else { in_force(Some(moments[step].date)) };
                assert_eq!(in_force(Some(as_of)), expected, "as of {as_of}, step {step}");
            }
        }
    }

    #[test]
    fn the_last_step_is_latest_and_evaluates_as_its_date_would() {
        for lib in [fixture::library(), real()] {
            let moments = timeline(&lib);
            let last = moments.len() - 1;
            assert_eq!(as_of_at(&moments, last), None);
            assert_eq!(step_of(&moments, None), last);
            let plans: Vec<Selection> = std::iter::once(Selection::empty(lib.clauses.len()))
                .chain((0..lib.presets.len()).map(|p| Plan::from_preset(&lib, p).selection(&lib)))
                .collect();
            for plan in &plans {
                assert_eq!(
                    Standings::of(&lib, plan, None),
                    Standings::of(&lib, plan, Some(moments[last].date)),
                    "Latest and {} differ",
                    moments[last].date
                );
            }
        }
    }

    #[test]
    fn steps_and_dates_round_trip() {
        let lib = real();
        let moments = timeline(&lib);
        for step in 0..moments.len() {
            assert_eq!(step_of(&moments, as_of_at(&moments, step)), step);
        }
        // A date before the first moment shows the first step; one between two moments, the earlier.
        assert_eq!(step_of(&moments, Some(date("2021-05-01"))), 0);
        let day = moments.iter().position(|m| m.date == date("2025-11-24")).unwrap();
        assert_eq!(moments[day + 1].date, date("2025-12"));
        assert_eq!(step_of(&moments, Some(date("2025-11-30"))), day);
        assert_eq!(step_of(&[], None), 0);
        assert_eq!(as_of_at(&[], 0), None);
    }

    #[test]
    fn labels_name_the_plans_then_count_the_positions_by_actor() {
        let lib = real();
        let moments = timeline(&lib);
        let at = |text: &str| moments.iter().find(|m| m.date == date(text)).unwrap().label(&lib);
        assert_eq!(at("2024-06-14"), "Russia's terms (Putin, June 2024); 9 positions of Russia");
        assert_eq!(at("2025-04-17"), "Witkoff paper");
        assert_eq!(at("2022"), "Istanbul model (2022)");
        assert_eq!(at("2025-11-22"), "3 positions of the United Kingdom, France and Germany");
        assert_eq!(
            at("2025-11-23"),
            "Geneva revision (22 points) and European counter-proposal; \
             6 positions of the United States, the European Union and the European Commission"
        );
        assert_eq!(at("2025-11-24"), "2 reported positions of Ukraine and the European Union");
        assert!(at("2025")
            .starts_with("Times option 1: training mission and 3 other plans; 14 positions (13 reported) of "));
        assert!(
            at("2025-12-26").starts_with("15 reported positions of Ukraine, Russia and 6 others"),
            "{}",
            at("2025-12-26")
        );
        assert_eq!(
            step_text(&lib, &moments, 1),
            "14 Jun 2024: Russia's terms (Putin, June 2024); 9 positions of Russia"
        );
        assert!(step_text(&lib, &moments, moments.len() - 1).starts_with("Latest, 6 Jan 2026: Paris Declaration; "));
        assert_eq!(step_text(&lib, &[], 0), "Latest");
    }

    #[test]
    fn name_lists() {
        assert_eq!(name_list(&["A"], 2, "others"), "A");
        assert_eq!(name_list(&["A", "B"], 2, "others"), "A and B");
        assert_eq!(name_list(&["A", "B", "C"], 2, "others"), "A, B and C");
        assert_eq!(name_list(&["A", "B", "C", "D"], 2, "others"), "A, B and 2 others");
        assert_eq!(name_list(&["A", "B", "C"], 1, "other plans"), "A and 2 other plans");
    }

    #[test]
    fn mark_labels_give_each_year_once_with_room_between() {
        let lib = real();
        let moments = timeline(&lib);
        let labels = mark_labels(&moments);
        assert_eq!(labels.len(), moments.len());
        let labelled: Vec<(usize, u16)> = labels.iter().enumerate().filter_map(|(i, l)| l.map(|y| (i, y))).collect();
        for pair in labelled.windows(2) {
            assert!(pair[1].0 - pair[0].0 >= LABEL_GAP, "{pair:?} too close");
            assert!(pair[0].1 < pair[1].1);
        }
        for &(i, year) in &labelled {
            assert_eq!(moments[i].date.year, year);
            assert!(i == 0 || moments[i - 1].date.year < year, "a year is labelled at its first moment");
        }
        // 2022 (the Istanbul model) and 2024 are neighbours: only the first gets a label.
        assert_eq!(labelled.first(), Some(&(0, 2022)));
        assert!(labelled.iter().any(|&(_, y)| y == 2025));
        assert!(!labelled.iter().any(|&(_, y)| y == 2024));
    }

    #[test]
    fn stated_says_when_the_positions_in_force_were_stated() {
        let lib = fixture::library();
        let ua = lib.actor_ix("ua").unwrap();
        let ru = lib.actor_ix("ru").unwrap();
        // Ukraine's NATO stance changed in 2025-12; by 2025-02 three positions were in force.
        assert_eq!(
            stated(&lib, ua, Some(date("2025-02"))),
            Some(Stated::InForce { count: 3, reported: 0, first: date("2024-06"), last: date("2025-02") })
        );
        // Latest: the 2025-12 version replaced the 2024-06 one.
        let latest = stated(&lib, ua, None).unwrap();
        assert_eq!(latest, Stated::InForce { count: 3, reported: 0, first: date("2025-01"), last: date("2025-12") });
        assert_eq!(latest.describe(), "3 positions in force, stated between Jan 2025 and Dec 2025.");
        let before = stated(&lib, ru, Some(date("2024-06"))).unwrap();
        assert_eq!(before, Stated::NotYet { as_of: date("2024-06"), first: date("2024-06-14") });
        assert_eq!(before.describe(), "No position stated by 1 Jun 2024; the first is dated 14 Jun 2024.");
        assert_eq!(
            stated(&lib, ru, Some(date("2024-06-14"))).unwrap().describe(),
            "2 positions in force, stated 14 Jun 2024."
        );
        let eu = lib.actor_ix("eu").unwrap();
        assert_eq!(
            stated(&lib, eu, Some(date("2025-11-23"))).unwrap().describe(),
            "Position in force stated 23 Nov 2025."
        );
    }

    #[test]
    fn stated_follows_the_scenario_set_asides_count_out_a_readers_own_has_no_date() {
        use crate::scenario::{ReaderCondition, ReaderPosition, Scenario};
        let lib = fixture::library();
        let ua = lib.actor_ix("ua").unwrap();
        let Some(Stated::InForce { count, first, last, .. }) = stated(&lib, ua, None) else { panic!("in force") };
        let one = &lib.positions[*lib.actors[ua].positions.iter().find(|&&p| lib.in_force(p, None)).unwrap()];
        let own = ReaderPosition {
            id: "mine".into(),
            actor: "ua".into(),
            strength: crate::library::Strength::Firm,
            condition: ReaderCondition::Rejects(vec!["crimea-ukrainian".into()]),
            note: String::new(),
            link: None,
        };
        let scenario = Scenario { set_aside: vec![one.id.clone()], added: vec![own], ..Scenario::default() };
        let (applied, warnings) = scenario.apply(&lib);
        assert!(warnings.is_empty(), "{warnings:?}");
        let Some(Stated::InForce { count: now, first: from, last: to, .. }) = stated(&applied, ua, None) else {
            panic!("still in force")
        };
        assert_eq!(now, count - 1, "the one set aside is out; the reader's own is not counted");
        assert!(from >= first && to <= last, "no date of year 0 from the reader's position");
        let all = Scenario {
            set_aside: lib.actors[ua].positions.iter().map(|&p| lib.positions[p].id.clone()).collect(),
            ..Scenario::default()
        };
        assert_eq!(stated(&all.apply(&lib).0, ua, None), Some(Stated::AllSetAside));
        assert_eq!(Stated::AllSetAside.describe(), "Every position the sources give is set aside in this scenario.");
    }

    #[test]
    fn stated_on_the_real_library_counts_reported_dates_apart() {
        let lib = real();
        let ukraine = lib.actor_ix("ukraine").unwrap();
        let russia = lib.actor_ix("russia").unwrap();
        assert_eq!(
            stated(&lib, ukraine, Some(date("2024-06-14"))).unwrap().describe(),
            "No position stated by 14 Jun 2024; the first is dated 2025."
        );
        assert_eq!(
            stated(&lib, russia, Some(date("2024-06-14"))).unwrap().describe(),
            "9 positions in force, stated 14 Jun 2024."
        );
        let Some(Stated::InForce { count, reported, first, last }) = stated(&lib, ukraine, None) else {
            panic!("Ukraine has positions in force today");
        };
        assert!(reported > 0 && reported < count);
        assert_eq!((first, last), (date("2025"), date("2026-01")));
        // Every actor has a position in force today, and none before the library's first date.
        let first = timeline(&lib)[0].date;
        for actor in 0..lib.actors.len() {
            assert!(matches!(stated(&lib, actor, None), Some(Stated::InForce { .. })));
            assert!(matches!(stated(&lib, actor, Some(first)), Some(Stated::NotYet { .. })));
        }
    }
}
