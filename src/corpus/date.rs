//! Publication dates as written in news metadata, parsed to a calendar date.
//!
//! One function for every format, so a date means the same in front matter,
//! JSON and HTML. Only the calendar date is kept: the date as stated where the
//! article was published (the local date of an RFC 3339 timestamp, not its UTC
//! date), because that is what readers and date filters mean by "published on".
//! Ambiguous numeric forms such as `03/04/2025` are refused rather than guessed.

use chrono::{DateTime, NaiveDate};

/// Parses a publication date in any of the forms news metadata uses:
///
/// - ISO 8601 / RFC 3339: `2025-03-14`, `2025-03-14T10:00:00Z`,
///   `2025-03-14T10:00:00.000+0100`, `2025-06-02 09:30:00`, `2025/03/14`,
///   `20250314`;
/// - RFC 2822: `Mon, 02 Jun 2025 09:30:00 GMT`;
/// - written out: `March 14, 2025`, `Mar 14 2025`, `14 March 2025`,
///   `Friday, March 14th, 2025`, optionally followed by a time.
///
/// Returns `None` for anything else, including impossible dates.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    iso_prefix(s)
        .or_else(|| DateTime::parse_from_rfc2822(s).ok().map(|d| d.date_naive()))
        .or_else(|| written_out(s))
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` at the start, alone or followed by a time
/// (`T` or space), or a bare `YYYYMMDD`.
fn iso_prefix(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    if b.len() < 10 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let sep = b[4];
    if !(digits(0..4) && digits(5..7) && digits(8..10) && matches!(sep, b'-' | b'/') && b[7] == sep)
    {
        return None;
    }
    if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    // An offset in the rest does not change the date: "2025-03-14T23:30-05:00"
    // was published on the 14th where it was published.
    let year = s[0..4].parse().ok()?;
    let month = s[5..7].parse().ok()?;
    let day = s[8..10].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `March 14, 2025`, `14 Mar. 2025`, `Friday, March 14th 2025 10:00 AM`...
fn written_out(s: &str) -> Option<NaiveDate> {
    let mut tokens = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .peekable();
    if tokens.peek().is_some_and(|t| is_weekday(t)) {
        tokens.next();
    }
    let (a, b, c) = (tokens.next()?, tokens.next()?, tokens.next()?);
    let (month, day) = match (month_number(a), month_number(b)) {
        (Some(m), _) => (m, day_number(b)?),
        (None, Some(m)) => (m, day_number(a)?),
        (None, None) => return None,
    };
    let year = c.trim_end_matches('.');
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// 1-12 for a month name, full or abbreviated (`Mar`, `Mar.`, `Sept`).
fn month_number(token: &str) -> Option<u32> {
    let t = token.trim_end_matches('.').to_ascii_lowercase();
    if t.len() < 3 {
        return None;
    }
    let position = MONTHS.iter().position(|m| m.starts_with(t.as_str()))?;
    u32::try_from(position + 1).ok()
}

/// 1-31, allowing `14th`, `1st`, `14.`.
fn day_number(token: &str) -> Option<u32> {
    let t = token.trim_end_matches('.').to_ascii_lowercase();
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| t.strip_suffix(suffix))
        .unwrap_or(&t);
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn is_weekday(token: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let t = token.trim_end_matches('.').to_ascii_lowercase();
    t.len() >= 3 && DAYS.iter().any(|d| d.starts_with(t.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn iso_forms() {
        for s in [
            "2025-03-14",
            " 2025-03-14 ",
            "2025-03-14T10:00:00Z",
            "2025-03-14T10:00:00+01:00",
            "2025-03-14T23:30:00.000-0500",
            "2025-03-14 10:00:00",
            "2025-03-14t10:00",
            "2025/03/14",
            "20250314",
        ] {
            assert_eq!(parse_published(s), ymd(2025, 3, 14), "{s}");
        }
    }

    #[test]
    fn rfc2822() {
        assert_eq!(
            parse_published("Mon, 02 Jun 2025 09:30:00 GMT"),
            ymd(2025, 6, 2)
        );
        assert_eq!(
            parse_published("2 Jun 2025 09:30:00 +0000"),
            ymd(2025, 6, 2)
        );
    }

    #[test]
    fn written_out_forms() {
        for s in [
            "March 14, 2025",
            "Mar 14 2025",
            "Mar. 14, 2025",
            "14 March 2025",
            "14th March, 2025",
            "Friday, March 14, 2025",
            "Fri, March 14th 2025 10:00 AM",
            "march 14, 2025",
        ] {
            assert_eq!(parse_published(s), ymd(2025, 3, 14), "{s}");
        }
        assert_eq!(parse_published("Sept 1, 2024"), ymd(2024, 9, 1));
    }

    #[test]
    fn refuses_garbage_and_impossible_dates() {
        for s in [
            "",
            "yesterday",
            "2025-02-30",
            "2025-13-01",
            "03/04/2025",
            "2025-03-14x",
            "March 32, 2025",
            "Ma 14, 2025",
            "March 14, 25",
            "12345678x",
            "YYYY-MM-DD",
        ] {
            assert_eq!(parse_published(s), None, "{s}");
        }
    }
}
