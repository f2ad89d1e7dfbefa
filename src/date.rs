//! Dates as precise as a source gives them: a year, a month, or a day.
//!
//! Sources say "Nov 24, 2025", "January 2026" or only "mid-2025", so a date
//! keeps its precision for display, and compares as its first day: a position
//! dated `2025-11` counts as stated by 2025-11-01.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || format!("`{text}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        let mut parts = text.split('-');
        let year = parts.next().filter(|y| y.len() == 4).ok_or_else(bad)?;
        let year: u16 = year.parse().map_err(|_| bad())?;
        // Two digits each; whether they make a date is `new`'s to say.
        let two_digits = |parts: &mut std::str::Split<'_, char>| match parts.next() {
            None => Ok(None),
            Some(n) if n.len() == 2 => n.parse::<u8>().map(Some).map_err(|_| bad()),
            Some(_) => Err(bad()),
        };
        let month = two_digits(&mut parts)?;
        let day = two_digits(&mut parts)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        Date::new(year, month, day).ok_or_else(bad)
    }

    /// A date from its parts, if they make one: a month outside 1 to 12, a
    /// day without a month, or a day its month does not have, do not.
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Option<Date> {
        let month_ok = month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = match (month, day) {
            (_, None) => true,
            (Some(m), Some(d)) => (1..=days_in_month(year, m)).contains(&d),
            (None, Some(_)) => false,
        };
        (month_ok && day_ok).then_some(Date { year, month, day })
    }

    /// A single number that orders dates by their first day.
    pub fn ordinal(self) -> u32 {
        u32::from(self.year) * 10_000 + u32::from(self.month.unwrap_or(1)) * 100 + u32::from(self.day.unwrap_or(1))
    }

    /// "24 Nov 2025", "Nov 2025" or "2025", for people.
    /// The day a date counts from, in words: "1 Jan 2025" for "2025". A
    /// moment of the timeline at a vague date counts from its first day, so
    /// "stated by 2025" would read as the whole year.
    pub fn first_day_human(self) -> String {
        Date { month: Some(self.month.unwrap_or(1)), day: Some(self.day.unwrap_or(1)), ..self }.human()
    }

    pub fn human(self) -> String {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[usize::from(m - 1)], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Equal first days: the less precise date sorts first, so the order is total.
        (self.ordinal(), self.month.is_some(), self.day.is_some()).cmp(&(
            other.ordinal(),
            other.month.is_some(),
            other.day.is_some(),
        ))
    }
}

/// The ISO form it was written in, so a date survives a round trip through JSON.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vague_date_counts_from_its_first_day_and_says_so() {
        let day = |text| Date::parse(text).unwrap().first_day_human();
        assert_eq!([day("2025"), day("2025-11"), day("2025-11-24")], ["1 Jan 2025", "1 Nov 2025", "24 Nov 2025"]);
    }

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2025", "2025-11", "2025-11-24", "2024-02-29"] {
            assert_eq!(Date::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in ["", "25", "2025-13", "2025-1", "2025-11-31", "2023-02-29", "2025-11-24-1", "mid-2025", "2025-xx"] {
            assert!(Date::parse(text).is_err(), "{text} should not parse");
        }
    }

    #[test]
    fn a_month_compares_as_its_first_day() {
        let month = Date::parse("2025-11").unwrap();
        let first = Date::parse("2025-11-01").unwrap();
        let later = Date::parse("2025-11-02").unwrap();
        assert_eq!(month.ordinal(), first.ordinal());
        assert!(month < first && first < later);
        assert!(Date::parse("2024").unwrap() < Date::parse("2024-06-14").unwrap());
    }

    #[test]
    fn human_form() {
        assert_eq!(Date::parse("2025-11-24").unwrap().human(), "24 Nov 2025");
        assert_eq!(Date::parse("2026-01").unwrap().human(), "Jan 2026");
        assert_eq!(Date::parse("2025").unwrap().human(), "2025");
    }
}
