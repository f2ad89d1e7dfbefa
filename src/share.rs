//! Share links: a whole plan in a URL fragment, compact, versioned, and safe
//! to decode whatever it holds.
//!
//! Format, version 1 (bytes, then base64url without padding):
//! `1` · count · clause indices in plan order · value count · (position,
//! value) pairs · title · notes. Counts, indices and positions are LEB128
//! varints; values are zigzag varints; title and notes are a varint length
//! and UTF-8. Clause indices point into `src/library/clause_ids.txt`, which
//! only grows, so an old link names the same clauses forever. Indices keep
//! the plan's order, which a bitset would lose.
//!
//! Version 2 (#23) is version 1 followed by the reader's scenario as one
//! more text: its PLAN.json form, compact (`crate::scenario::Scenario`).
//! Positions have no append-only index table as clauses do, and a scenario
//! names a handful of them, so ids are short enough and stay meaningful. A
//! plan without a scenario was written as version 1.
//!
//! Version 3 is version 2 with the scenario text always present (empty when
//! there is none), the as-of date (the verdicts the sender saw, not only the
//! plan) as a year varint, 0 for each actor's latest positions, then month
//! and day bytes, 0 when the date does not name them, and a CRC-16 of every
//! byte before it at the end, two bytes, big-endian. The date is bytes, not
//! text: parsing text would be code every visitor downloads. Without it, one changed character could still decode, as
//! another plan: a damaged 28-point link swapped two of its clauses. A CRC-16
//! catches every change within 16 consecutive bits, so every changed, lost
//! or swapped pair of neighbouring characters; it costs four characters.
//! Redline writes only version 3; version 1 and 2 links open as before.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use crc::{Crc, NoTable, CRC_16_IBM_SDLC};

use crate::date::Date;
use crate::library::{group_digits, id_table_entries, Library};
use crate::plan::{Plan, PlanItem};
use crate::scenario::Scenario;

/// The version this Redline writes, the newest it reads.
pub const LINK_VERSION: u8 = 3;
/// Older links, still read: a plan without a scenario, and one with.
const PLAN_ONLY: u8 = 1;
const WITH_SCENARIO: u8 = 2;

/// Bit by bit, not by table: a link is a few hundred bytes, and the table
/// would be code every visitor downloads.
const CHECKSUM: Crc<u16, NoTable> = Crc::<u16, NoTable>::new(&CRC_16_IBM_SDLC);

/// What starts a plan fragment: `#plan=…`. Other fragments (the page's own
/// `#draft-heading` anchors) are not links and are left alone.
pub const FRAGMENT_PREFIX: &str = "plan=";

/// Chat apps and some mail clients cut links around here; longer links get a
/// warning and the file export is offered instead.
pub const CHAT_SAFE_LENGTH: usize = 2_000;

/// Caps on what a link may make the app hold, whatever its length.
const MAX_CLAUSES: usize = 1_000;
const MAX_TITLE_BYTES: usize = 1_000;
const MAX_NOTES_BYTES: usize = 20_000;
const MAX_SCENARIO_BYTES: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    Empty,
    NotBase64,
    NewerVersion(u8),
    UnknownVersion(u8),
    Truncated,
    /// The checksum does not match: a character was changed, lost or added.
    Damaged,
    TooLarge(&'static str),
    /// A clause index beyond this Redline's id table: a newer Redline made the link.
    UnknownClause(u64),
    Duplicate(String),
    BadValue(String),
    BadText,
    /// The scenario is not one (the JSON reader's words).
    BadScenario(String),
    TrailingBytes,
}

impl std::fmt::Display for LinkError {
    // Read after "This link could not be opened: ", so no message has a
    // colon of its own (#22: "...: the link is cut short: copy ...").
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::Empty => f.write_str("the link holds no plan"),
            LinkError::NotBase64 => f.write_str("the link is damaged (it has characters a Redline link never has)"),
            LinkError::NewerVersion(v) => {
                write!(f, "the link was made by a newer Redline (format {v}); reload to update")
            }
            LinkError::UnknownVersion(v) => write!(f, "the link is not a Redline plan (format {v})"),
            LinkError::Truncated => f.write_str("the link is cut short or damaged (copy the whole link again)"),
            LinkError::Damaged => {
                f.write_str("the link was changed or cut short on its way, so it may not be the plan that was sent (copy the whole link again)")
            }
            LinkError::TooLarge(what) => write!(f, "the link holds more {what} than any plan may"),
            LinkError::UnknownClause(i) => {
                write!(f, "the link names clause #{i}, which this Redline does not know (it may be newer)")
            }
            LinkError::Duplicate(id) => write!(f, "the link lists clause `{id}` twice"),
            LinkError::BadValue(why) => write!(f, "the link holds a bad value ({why})"),
            LinkError::BadText => f.write_str("the link's title or notes are not valid text"),
            LinkError::BadScenario(why) => {
                write!(f, "the link's scenario is damaged ({why}); nothing was opened")
            }
            LinkError::TrailingBytes => f.write_str("the link has extra data after the plan"),
        }
    }
}

impl std::error::Error for LinkError {}

/// What a link holds: a plan, and the date its verdicts were read as of.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shared {
    pub plan: Plan,
    /// `None`: each actor's latest positions (the as-of control at "Latest").
    pub as_of: Option<Date>,
}

impl Shared {
    /// A plan read against each actor's latest positions.
    pub fn latest(plan: Plan) -> Shared {
        Shared { plan, as_of: None }
    }
}

/// Encodes a plan, and the as-of date of its verdicts, as a link fragment (without the `#`).
/// Fails, in words for the reader, for a clause id the id table does not hold
/// ([`shareable`] leaves those out) and for a link `decode` would refuse.
pub fn encode(shared: &Shared, table: &[&str]) -> Result<String, String> {
    let plan = &shared.plan;
    for (text, max, what) in [(&plan.title, MAX_TITLE_BYTES, "title"), (&plan.notes, MAX_NOTES_BYTES, "notes")] {
        if text.len() > max {
            return Err(too_long(what, text.len(), max));
        }
    }
    let index = |id: &str| table.iter().position(|t| *t == id).ok_or_else(|| format!("`{id}` is not in the id table"));
    let mut out = vec![LINK_VERSION];
    put_varint(&mut out, plan.items.len() as u64);
    for item in &plan.items {
        put_varint(&mut out, index(&item.id)? as u64);
    }
    let values: Vec<(usize, i64)> =
        plan.items.iter().enumerate().filter_map(|(i, item)| Some((i, item.value?))).collect();
    put_varint(&mut out, values.len() as u64);
    for (position, value) in values {
        put_varint(&mut out, position as u64);
        put_varint(&mut out, zigzag(value));
    }
    put_text(&mut out, &plan.title);
    put_text(&mut out, &plan.notes);
    let scenario = if plan.scenario.is_empty() {
        String::new()
    } else {
        serde_json::to_string(&plan.scenario).map_err(|e| e.to_string())?
    };
    if scenario.len() > MAX_SCENARIO_BYTES {
        return Err(too_long("scenario", scenario.len(), MAX_SCENARIO_BYTES));
    }
    put_text(&mut out, &scenario);
    match shared.as_of {
        None => put_varint(&mut out, 0),
        Some(d) => {
            put_varint(&mut out, u64::from(d.year));
            out.extend_from_slice(&[d.month.unwrap_or(0), d.day.unwrap_or(0)]);
        }
    }
    out.extend_from_slice(&CHECKSUM.checksum(&out).to_be_bytes());
    Ok(URL_SAFE_NO_PAD.encode(out))
}

/// Decodes a link fragment (with or without the `#`). Never panics; sizes are capped.
pub fn decode(fragment: &str, table: &[&str]) -> Result<Shared, LinkError> {
    // A link pasted from a sentence keeps the sentence's last mark ("… see
    // https://…#plan=ABC." or "(…#plan=ABC)"): none is a character of the
    // link's alphabet, and the checksum still guards everything before it.
    let text = fragment.strip_prefix('#').unwrap_or(fragment).trim().trim_end_matches(|c: char| {
        matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '>' | '"' | '\'' | '”' | '’' | '»')
            || c.is_whitespace()
    });
    if text.is_empty() {
        return Err(LinkError::Empty);
    }
    // base64 of the largest allowed plan, with room to spare.
    if text.len() > 4 * (MAX_NOTES_BYTES + MAX_TITLE_BYTES + MAX_SCENARIO_BYTES + 10 * MAX_CLAUSES) / 3 + 16 {
        return Err(LinkError::TooLarge("data"));
    }
    // A foreign character is damage; a length no encoder produces is a cut.
    let bytes = URL_SAFE_NO_PAD.decode(text).map_err(|e| match e {
        base64::DecodeError::InvalidByte(..) => LinkError::NotBase64,
        _ => LinkError::Truncated,
    })?;
    let version = match *bytes.first().ok_or(LinkError::Truncated)? {
        v @ (PLAN_ONLY | WITH_SCENARIO | LINK_VERSION) => v,
        v if v > LINK_VERSION && v < 16 => return Err(LinkError::NewerVersion(v)),
        v => return Err(LinkError::UnknownVersion(v)),
    };
    let body = if version == LINK_VERSION { checked_body(&bytes)? } else { &bytes[..] };
    let mut r = Reader { bytes: body, at: 1 };
    let count = r.count(MAX_CLAUSES, "clauses")?;
    let mut items: Vec<PlanItem> = Vec::with_capacity(count);
    for _ in 0..count {
        let i = r.varint()?;
        let id = usize::try_from(i).ok().and_then(|i| table.get(i)).ok_or(LinkError::UnknownClause(i))?;
        if items.iter().any(|item| item.id == *id) {
            return Err(LinkError::Duplicate(id.to_string()));
        }
        items.push(PlanItem { id: id.to_string(), value: None });
    }
    let values = r.count(count, "values")?;
    for _ in 0..values {
        let position = r.varint()?;
        let value = unzigzag(r.varint()?);
        let item = usize::try_from(position).ok().and_then(|p| items.get_mut(p)).ok_or_else(|| {
            LinkError::BadValue(format!("a value for clause #{position}, which the link does not hold"))
        })?;
        if item.value.replace(value).is_some() {
            return Err(LinkError::BadValue(format!("two values for `{}`", item.id)));
        }
    }
    let title = r.text(MAX_TITLE_BYTES, "title")?;
    let notes = r.text(MAX_NOTES_BYTES, "notes")?;
    let scenario = match version {
        PLAN_ONLY => Scenario::default(),
        _ => match r.text(MAX_SCENARIO_BYTES, "scenario")? {
            json if json.is_empty() && version == LINK_VERSION => Scenario::default(),
            json => serde_json::from_str(&json).map_err(|e| LinkError::BadScenario(e.to_string()))?,
        },
    };
    let as_of = match version {
        LINK_VERSION => match r.varint()? {
            0 => None,
            year => {
                let (month, day) = (r.byte()?, r.byte()?);
                let some = |n: u8| (n != 0).then_some(n);
                let date = u16::try_from(year).ok().and_then(|y| Date::new(y, some(month), some(day)));
                Some(date.ok_or_else(|| LinkError::BadValue(format!("an as-of date {year}-{month}-{day}")))?)
            }
        },
        _ => None,
    };
    if r.at != body.len() {
        return Err(LinkError::TrailingBytes);
    }
    Ok(Shared { plan: Plan { title, notes, items, scenario }, as_of })
}

/// A version-3 link's bytes without their checksum, if it matches.
fn checked_body(bytes: &[u8]) -> Result<&[u8], LinkError> {
    match bytes {
        [body @ .., hi, lo] if !body.is_empty() => match CHECKSUM.checksum(body) == u16::from_be_bytes([*hi, *lo]) {
            true => Ok(body),
            false => Err(LinkError::Damaged),
        },
        _ => Err(LinkError::Truncated),
    }
}

/// The fragment (without `#`) that opens `shared`: [`FRAGMENT_PREFIX`] and the encoded plan.
pub fn fragment(shared: &Shared, table: &[&str]) -> Result<String, String> {
    Ok(format!("{FRAGMENT_PREFIX}{}", encode(shared, table)?))
}

/// The fragment of a link to `shared` as far as a link can carry it, with
/// the ids it leaves out: clauses the id table lacks, which an imported or
/// old draft keeps on purpose and no reader could open. Fails where the
/// rest is more than any reader accepts.
pub fn shareable(shared: &Shared, table: &[&str]) -> Result<(String, Vec<String>), String> {
    let mut plan = shared.plan.clone();
    let mut left_out = Vec::new();
    plan.items.retain(|item| {
        let known = table.contains(&item.id.as_str());
        if !known {
            left_out.push(item.id.clone());
        }
        known
    });
    Ok((fragment(&Shared { plan, as_of: shared.as_of }, table)?, left_out))
}

/// Why no link can be made: the limits are `decode`'s, so the sender learns
/// it before the recipient.
fn too_long(what: &str, bytes: usize, max: usize) -> String {
    format!(
        "its {what} is longer than a link can carry ({} bytes, at most {}): shorten it, or send the draft as a file",
        group_digits(bytes as i64),
        group_digits(max as i64)
    )
}

/// Reads a page fragment: `None` when it is not a plan link at all, else the
/// plan checked against the library (with warnings), or what is wrong.
pub fn open_fragment(fragment: &str, library: &Library) -> Option<Result<(Shared, Vec<String>), LinkError>> {
    let text = fragment.strip_prefix('#').unwrap_or(fragment);
    let payload = text.strip_prefix(FRAGMENT_PREFIX)?;
    Some(decode(payload, &id_table()).and_then(|shared| {
        let (plan, warnings) = check(shared.plan, library)?;
        Ok((Shared { plan, ..shared }, warnings))
    }))
}

/// Checks a decoded plan against the library, as an import does: values in
/// range, one answer per question. Unknown (retired) clauses are kept.
pub fn check(plan: Plan, library: &Library) -> Result<(Plan, Vec<String>), LinkError> {
    let (plan, mut warnings) = plan.to_document().into_plan(library).map_err(|e| LinkError::BadValue(e.message))?;
    if !plan.scenario.is_empty() {
        warnings.extend(plan.scenario.apply(library).1);
    }
    Ok((plan, warnings))
}

/// The library's id table, for [`encode`] and [`decode`].
pub fn id_table() -> Vec<&'static str> {
    id_table_entries(crate::library::CLAUSE_ID_TABLE)
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, LinkError> {
        let b = *self.bytes.get(self.at).ok_or(LinkError::Truncated)?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, LinkError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(LinkError::BadValue("a number longer than 64 bits".into()))
    }

    fn count(&mut self, max: usize, what: &'static str) -> Result<usize, LinkError> {
        let n = self.varint()?;
        usize::try_from(n).ok().filter(|&n| n <= max).ok_or(LinkError::TooLarge(what))
    }

    fn text(&mut self, max: usize, what: &'static str) -> Result<String, LinkError> {
        let len = self.count(max, what)?;
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len()).ok_or(LinkError::Truncated)?;
        let text = std::str::from_utf8(&self.bytes[self.at..end]).map_err(|_| LinkError::BadText)?;
        self.at = end;
        Ok(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_zigzag_round_trip_at_the_edges() {
        for v in [0u64, 1, 127, 128, 300, 16_383, 16_384, u64::from(u32::MAX), u64::MAX] {
            let mut out = Vec::new();
            put_varint(&mut out, v);
            assert_eq!(Reader { bytes: &out, at: 0 }.varint(), Ok(v));
        }
        for v in [0i64, -1, 1, 600_000, -600_000, i64::MAX, i64::MIN] {
            assert_eq!(unzigzag(zigzag(v)), v);
        }
    }

    #[test]
    fn bad_links_say_what_is_wrong() {
        let table = ["a", "b", "c"];
        let plan = Plan {
            title: "T".into(),
            notes: String::new(),
            items: vec![PlanItem { id: "b".into(), value: Some(5) }, PlanItem { id: "a".into(), value: None }],
            scenario: Scenario::default(),
        };
        let good = encode(&Shared::latest(plan.clone()), &table).unwrap();
        assert_eq!(decode(&format!("#{good}"), &table), Ok(Shared::latest(plan)));
        let bytes = URL_SAFE_NO_PAD.decode(&good).unwrap();
        let link = |b: &[u8]| URL_SAFE_NO_PAD.encode(b);
        let cases: Vec<(String, LinkError)> = vec![
            (String::new(), LinkError::Empty),
            ("#".into(), LinkError::Empty),
            ("not a link!".into(), LinkError::NotBase64),
            (link(&bytes[..bytes.len() - 1]), LinkError::Damaged),
            (link(&bytes[..3]), LinkError::Damaged),
            (link(&bytes[..2]), LinkError::Truncated),
            (link(&[1, 1]), LinkError::Truncated),
            (link(&[4]), LinkError::NewerVersion(4)),
            (link(&[200]), LinkError::UnknownVersion(200)),
            (link(&[1, 1, 9]), LinkError::UnknownClause(9)),
            (link(&[1, 2, 0, 0]), LinkError::Duplicate("a".into())),
            (link(&[1, 0xff, 0xff, 0x03]), LinkError::TooLarge("clauses")),
            (link(&[1, 0, 0, 0xff, 0xff, 0xff, 0x7f]), LinkError::TooLarge("title")),
            (link(&[1, 0, 0, 2, 0xc3, 0x28, 0]), LinkError::BadText),
            (link(&[1, 0, 0, 0, 0, 7]), LinkError::TrailingBytes),
        ];
        for (input, expected) in cases {
            assert_eq!(decode(&input, &table), Err(expected.clone()), "input {input:?}");
            assert!(!expected.to_string().is_empty());
            // The app writes "This link could not be opened: {message}": one colon (#22).
            assert!(!expected.to_string().contains(':'), "{expected}");
        }
        assert!(matches!(decode(&link(&[1, 1, 0, 1, 4, 0, 0, 0]), &table), Err(LinkError::BadValue(_))));
        assert!(matches!(decode(&link(&[1, 2, 0, 1, 2, 0, 2, 0, 4, 0, 0]), &table), Err(LinkError::BadValue(_))));
        assert_eq!(decode(&link(&[1, 1, 0, 2, 0, 2, 0, 4, 0, 0]), &table), Err(LinkError::TooLarge("values")));
        assert!(decode(&"A".repeat(100_000), &table) == Err(LinkError::TooLarge("data")));
        // An as-of date that is not one, with a good checksum: a link no Redline wrote.
        for (month, day) in [(13, 0), (2, 30), (0, 5)] {
            let mut bad_date = vec![3, 0, 0, 0, 0, 0];
            put_varint(&mut bad_date, 2025);
            bad_date.extend_from_slice(&[month, day]);
            bad_date.extend_from_slice(&CHECKSUM.checksum(&bad_date).to_be_bytes());
            let said = LinkError::BadValue(format!("an as-of date 2025-{month}-{day}"));
            assert_eq!(decode(&link(&bad_date), &table), Err(said));
        }
    }

    /// Version 2 bytes of a plan with a title and a scenario, as Redline wrote them before checksums.
    fn with_scenario(scenario_json: &str) -> Vec<u8> {
        let mut out = vec![2, 1, 0, 0];
        put_text(&mut out, "T");
        put_text(&mut out, "");
        put_text(&mut out, scenario_json);
        out
    }

    #[test]
    fn links_are_written_as_version_3_and_older_ones_still_open() {
        let table = ["a", "b", "c"];
        let mut plan =
            Plan { title: "T".into(), items: vec![PlanItem { id: "a".into(), value: None }], ..Plan::default() };
        let plain = URL_SAFE_NO_PAD.decode(encode(&Shared::latest(plan.clone()), &table).unwrap()).unwrap();
        let (body, sum) = plain.split_at(plain.len() - 2);
        assert_eq!(body, [3, 1, 0, 0, 1, b'T', 0, 0, 0], "version 1's fields, then no scenario and no as-of date");
        assert_eq!(u16::from_be_bytes([sum[0], sum[1]]), CHECKSUM.checksum(body));
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode(&plain), &table), Ok(Shared::latest(plan.clone())));
        // Version 1, as written before: the same plan, at the latest positions.
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode([1, 1, 0, 0, 1, b'T', 0]), &table), Ok(Shared::latest(plan.clone())));
        plan.scenario = serde_json::from_str(
            r#"{"set_aside":["russia-neutrality"],"strengths":[{"position":"ua-cap","strength":"concern"}],
                "actors":[{"actor":"russia","set_aside":"all"}],
                "added":[{"id":"mine","actor":"usa","strength":"hard","condition":{"bound":{"clause":"c","max":5}},
                          "note":"Ünïcode “quoted”","link":"https://example.org/a?b=c"}]}"#,
        )
        .unwrap();
        for as_of in ["2025", "2025-06", "2024-02-29", "2025-12-31"] {
            let shared = Shared { plan: plan.clone(), as_of: Some(Date::parse(as_of).unwrap()) };
            let link = encode(&shared, &table).unwrap();
            assert_eq!(URL_SAFE_NO_PAD.decode(&link).unwrap()[0], 3);
            assert_eq!(decode(&link, &table), Ok(shared), "{as_of}: the date keeps its precision");
        }
        let version_2 = with_scenario(&serde_json::to_string(&plan.scenario).unwrap());
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode(version_2), &table), Ok(Shared::latest(plan)));
        let empty = decode(&URL_SAFE_NO_PAD.encode(with_scenario("{}")), &table).unwrap();
        assert_eq!(empty.plan.scenario, Scenario::default());
    }

    #[test]
    fn a_version_3_link_with_any_byte_changed_is_refused() {
        let table = ["a", "b", "c"];
        let plan = Plan {
            title: "Ceasefire".into(),
            notes: "n".into(),
            items: vec![PlanItem { id: "c".into(), value: Some(600_000) }, PlanItem { id: "a".into(), value: None }],
            scenario: Scenario::default(),
        };
        let shared = Shared { plan, as_of: Some(Date::parse("2025-11-24").unwrap()) };
        let bytes = URL_SAFE_NO_PAD.decode(encode(&shared, &table).unwrap()).unwrap();
        for at in 1..bytes.len() {
            for flip in [1u8, 0x10, 0x80, 0xff] {
                let mut changed = bytes.clone();
                changed[at] ^= flip;
                assert_eq!(
                    decode(&URL_SAFE_NO_PAD.encode(&changed), &table),
                    Err(LinkError::Damaged),
                    "byte {at} ^ {flip}"
                );
            }
        }
    }

    #[test]
    fn a_broken_scenario_refuses_the_whole_link() {
        let table = ["a"];
        let link = |scenario: &str| URL_SAFE_NO_PAD.encode(with_scenario(scenario));
        for (scenario, says) in [
            ("not json", "expected"),
            (r#"{"set_asides":["x"]}"#, "unknown field `set_asides`"),
            (r#"{"strengths":[{"position":"p","strength":"absolute"}]}"#, "unknown variant `absolute`"),
            (r#"{"actors":[{"actor":"russia","set_aside":"some"}]}"#, "unknown variant `some`"),
            (r#"{"added":[{"id":"x","actor":"usa","strength":"hard","condition":{}}]}"#, ""),
            (r#"{"set_aside":["a"]"#, "EOF"),
        ] {
            match decode(&link(scenario), &table) {
                Err(LinkError::BadScenario(why)) => assert!(why.contains(says), "{scenario}: {why}"),
                other => panic!("{scenario}: {other:?}"),
            }
        }
        let mut version_3 = with_scenario("not json");
        version_3[0] = 3;
        version_3.push(0);
        version_3.extend_from_slice(&CHECKSUM.checksum(&version_3).to_be_bytes());
        assert!(matches!(decode(&URL_SAFE_NO_PAD.encode(version_3), &table), Err(LinkError::BadScenario(_))));
        let message = decode(&link("null"), &table).unwrap_err().to_string();
        assert!(message.starts_with("the link's scenario is damaged (") && message.ends_with("nothing was opened"));
        // Cut inside the scenario, or with more after it.
        let bytes = with_scenario(r#"{"set_aside":["a"]}"#);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode(&bytes[..bytes.len() - 2]), &table), Err(LinkError::Truncated));
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode(&longer), &table), Err(LinkError::TrailingBytes));
        let mut huge = vec![2, 0, 0, 0, 0];
        put_varint(&mut huge, 1 << 40);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode(&huge), &table), Err(LinkError::TooLarge("scenario")));
    }
}
