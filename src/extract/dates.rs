//! Date expressions and their resolution to calendar spans.
//!
//! Explicit dates: "14 October", "October 14", "14th Oct 2025", "October 14,
//! 2025", "2025-10-14", "October 2025", a month after "in"/"since"/... ("in
//! December"), and a bare year after "in", "by", "since" and the like ("by
//! 2007", never "2,000"). Relative dates: day names ("Wednesday", "last
//! Monday"), "yesterday", "today", "tonight", "tomorrow", "last night", "this
//! morning", and "last/next/this week|month|year|weekend".
//!
//! Resolution uses the article's published date: a day name alone is the most
//! recent such day on or before it (news says "on Wednesday" for this week),
//! unless the sentence is in the future tense right before it ("will be
//! outlined on Monday"), when it is the next one; a month alone follows the
//! same rule. A day and month without a year take the published year. With no
//! published date only expressions that carry their own year resolve. Times
//! of day and ranges ("between 2004 and 2006") are not handled.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::lexicon::{MONTHS, WEEKDAYS};
use super::tokens::Kind;
use super::{DateMention, DateSpan, Doc, Granularity};

/// Finds the date expressions of the article, in text order.
pub(crate) fn find_dates(doc: &Doc, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let mut i = s.start;
        while i < s.end {
            match date_at(doc, s.start, s.end, i, published) {
                Some((last, resolved)) => {
                    let text = &doc.passages[s.passage][doc.tokens[i].start..doc.tokens[last].end];
                    out.push(DateMention {
                        text: text.to_string(),
                        passage: s.passage,
                        resolved,
                    });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }
    out
}

type Found = (usize, Option<DateSpan>);

/// A date expression starting at token `i`: its last token and resolution.
fn date_at(
    doc: &Doc,
    start: usize,
    end: usize,
    i: usize,
    published: Option<NaiveDate>,
) -> Option<Found> {
    let token = &doc.tokens[i];
    let word = doc.text(i);
    match token.kind {
        Kind::Number => number_date(doc, start, end, i, published),
        Kind::Word => {
            if let Some(month) = month_number(word) {
                return month_date(doc, start, end, i, month, published);
            }
            if let Some(day) = weekday_index(word) {
                return weekday_date(
                    doc,
                    DayAt {
                        start,
                        end,
                        first: i,
                        i,
                    },
                    day,
                    published,
                );
            }
            relative(doc, start, end, i, published)
        }
        _ => None,
    }
}

fn month_number(word: &str) -> Option<u32> {
    MONTHS.iter().find(|&&(m, _)| m == word).map(|&(_, n)| n)
}

fn weekday_index(word: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|&d| d == word).map(|d| d as u32)
}

/// "14", "14th" → 14 when it can be a day of the month.
fn day_number(text: &str) -> Option<u32> {
    let digits = text
        .strip_suffix("st")
        .or_else(|| text.strip_suffix("nd"))
        .or_else(|| text.strip_suffix("rd"))
        .or_else(|| text.strip_suffix("th"))
        .unwrap_or(text);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year 1900–2099 written without separators.
fn year_number(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|y| (1900..=2099).contains(y))
}

/// Dates starting with a number: "14 October [2025]", "2025-10-14", "in 2007".
fn number_date(
    doc: &Doc,
    start: usize,
    end: usize,
    i: usize,
    published: Option<NaiveDate>,
) -> Option<Found> {
    let text = doc.text(i);
    if let Some(iso) = iso_date(text) {
        return Some((i, Some(day_span(iso))));
    }
    if let Some(day) = day_number(text)
        && i + 1 < end
        && let Some(month) = month_number(doc.text(i + 1))
    {
        let mut last = i + 1;
        let mut year = published.map(|p| p.year());
        if last + 1 < end
            && let Some(y) = year_number(doc.text(last + 1))
        {
            year = Some(y);
            last += 1;
        }
        let resolved = year
            .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
            .map(day_span);
        return Some((last, resolved));
    }
    if let Some(year) = year_number(text) {
        let cue = i > start
            && matches!(
                doc.text(i - 1),
                "in" | "In"
                    | "by"
                    | "since"
                    | "Since"
                    | "until"
                    | "till"
                    | "from"
                    | "during"
                    | "before"
                    | "after"
                    | "early"
                    | "late"
                    | "mid"
                    | "of"
                    | "year"
                    | "end"
            );
        let of_total = i >= start + 2 && doc.text(i - 1) == "of" && !end_of(doc, i - 2);
        if cue && !of_total {
            let span = year_span(year);
            return span.map(|s| (i, Some(s)));
        }
    }
    None
}

/// True when "of" follows "end", "start", "beginning", "spring", etc.
fn end_of(doc: &Doc, i: usize) -> bool {
    matches!(
        doc.text(i),
        "end"
            | "start"
            | "beginning"
            | "middle"
            | "half"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
            | "quarter"
            | "part"
    )
}

fn iso_date(text: &str) -> Option<NaiveDate> {
    if text.len() != 10 || text.as_bytes()[4] != b'-' || text.as_bytes()[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Dates starting with a month name: "October 14[, 2025]", "October 2025", "in December".
fn month_date(
    doc: &Doc,
    start: usize,
    end: usize,
    i: usize,
    month: u32,
    published: Option<NaiveDate>,
) -> Option<Found> {
    if i + 1 < end {
        let next = doc.text(i + 1);
        if let Some(day) = day_number(next) {
            let mut last = i + 1;
            let mut year = published.map(|p| p.year());
            let mut j = last + 1;
            if j < end && doc.is_punct(j, ',') {
                j += 1;
            }
            if j < end
                && let Some(y) = year_number(doc.text(j))
            {
                year = Some(y);
                last = j;
            }
            let resolved = year
                .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
                .map(day_span);
            return Some((last, resolved));
        }
        if let Some(year) = year_number(next) {
            return Some((i + 1, month_span(year, month)));
        }
    }
    // A month alone only after a preposition, and never the short forms
    // ("Mar", "May" alone is too often a name).
    let word = doc.text(i);
    let cue = i > start
        && matches!(
            doc.text(i - 1),
            "in" | "In"
                | "since"
                | "Since"
                | "until"
                | "by"
                | "during"
                | "from"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "through"
        );
    if !cue || word.len() < 3 || MONTHS[..12].iter().all(|&(m, _)| m != word) {
        return None;
    }
    let modifier = doc.text(i - 1);
    let resolved = (|| {
        let p = published?;
        let year = match modifier {
            "last" => {
                if month < p.month() {
                    p.year()
                } else {
                    p.year() - 1
                }
            }
            "next" => {
                if month > p.month() {
                    p.year()
                } else {
                    p.year() + 1
                }
            }
            "this" => p.year(),
            _ if future_before(doc, start, i) => {
                if month >= p.month() {
                    p.year()
                } else {
                    p.year() + 1
                }
            }
            _ => {
                if month <= p.month() {
                    p.year()
                } else {
                    p.year() - 1
                }
            }
        };
        month_span(year, month)
    })();
    Some((i, resolved))
}

/// Where a day name sits: sentence bounds, where the expression starts
/// ("last" in "last Monday") and the day name's token.
struct DayAt {
    start: usize,
    end: usize,
    first: usize,
    i: usize,
}

/// Day names, possibly after "last", "next" or "this".
fn weekday_date(doc: &Doc, at: DayAt, day: u32, published: Option<NaiveDate>) -> Option<Found> {
    let DayAt {
        start,
        end,
        first,
        i,
    } = at;
    // "Sunday Times", "GMTV's Sunday programme", "Black Friday" are names.
    if i + 1 < end {
        let next = doc.text(i + 1);
        if doc.is_cap(i + 1)
            || matches!(
                next,
                "programme" | "paper" | "newspaper" | "show" | "edition" | "league" | "service"
            )
        {
            return None;
        }
    }
    if i > start {
        let prev = &doc.tokens[i - 1];
        if prev.possessive || (doc.is_cap(i - 1) && !prev.initial) {
            return None;
        }
    }
    let modifier = if first < i { doc.text(first) } else { "" };
    let resolved = published.map(|p| {
        let target = WEEKDAYS_CHRONO[day as usize];
        let date = match modifier {
            "last" => previous_weekday(p.pred_opt().unwrap_or(p), target),
            "next" => next_weekday(p.succ_opt().unwrap_or(p), target),
            "this" => {
                let monday = p - Days::new(u64::from(p.weekday().num_days_from_monday()));
                monday + Days::new(u64::from(day))
            }
            _ if future_before(doc, start, i) => next_weekday(p.succ_opt().unwrap_or(p), target),
            _ => previous_weekday(p, target),
        };
        day_span(date)
    });
    Some((i, resolved))
}

const WEEKDAYS_CHRONO: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// The latest `target` day on or before `from`.
fn previous_weekday(from: NaiveDate, target: Weekday) -> NaiveDate {
    let back = (7 + from.weekday().num_days_from_monday() - target.num_days_from_monday()) % 7;
    from - Days::new(u64::from(back))
}

/// The earliest `target` day on or after `from`.
fn next_weekday(from: NaiveDate, target: Weekday) -> NaiveDate {
    let ahead = (7 + target.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Days::new(u64::from(ahead))
}

/// True when a future marker ("will", "'ll", "due", "shall") sits in the few
/// words before token `i` with no past speech verb in between.
fn future_before(doc: &Doc, start: usize, i: usize) -> bool {
    let from = i.saturating_sub(6).max(start);
    for k in (from..i).rev() {
        let w = doc.text(k);
        if matches!(w, "said" | "told" | "announced" | "was" | "were" | "had") {
            return false;
        }
        if matches!(w, "will" | "shall" | "due" | "ll" | "won't" | "going") || w.ends_with("'ll") {
            return true;
        }
    }
    false
}

/// "yesterday", "today", "last week", "this year", "last Monday", ...
fn relative(
    doc: &Doc,
    start: usize,
    end: usize,
    i: usize,
    published: Option<NaiveDate>,
) -> Option<Found> {
    let word = doc.text(i);
    let initial = doc.tokens[i].initial;
    let lower_or_initial = |w: &str, target: &str| {
        w == target
            || (initial && w.eq_ignore_ascii_case(target) && w.starts_with(char::is_uppercase))
    };
    for (name, offset) in [
        ("yesterday", -1i64),
        ("today", 0),
        ("tonight", 0),
        ("tomorrow", 1),
    ] {
        if lower_or_initial(word, name) {
            let resolved = published
                .and_then(|p| p.checked_add_signed(chrono::Duration::days(offset)))
                .map(day_span);
            return Some((i, resolved));
        }
    }
    let modifier = if lower_or_initial(word, "last") {
        -1
    } else if lower_or_initial(word, "next") {
        1
    } else if lower_or_initial(word, "this") {
        0
    } else {
        return None;
    };
    if i + 1 >= end {
        return None;
    }
    let unit = doc.text(i + 1);
    if let Some(day) = weekday_index(unit) {
        return weekday_date(
            doc,
            DayAt {
                start,
                end,
                first: i,
                i: i + 1,
            },
            day,
            published,
        );
    }
    if month_number(unit).is_some() {
        // "last December" is handled where the month is found.
        return None;
    }
    let p = published;
    let resolved = match unit {
        "week" | "weekend" => p.and_then(|p| {
            let monday = p - Days::new(u64::from(p.weekday().num_days_from_monday()));
            let monday = monday.checked_add_signed(chrono::Duration::weeks(modifier))?;
            let (s, e) = if unit == "weekend" {
                (monday + Days::new(5), monday + Days::new(6))
            } else {
                (monday, monday + Days::new(6))
            };
            Some(DateSpan {
                start: s,
                end: e,
                granularity: Granularity::Week,
            })
        }),
        "month" => p.and_then(|p| {
            let first = p.with_day(1)?;
            let first = match modifier {
                -1 => first.checked_sub_months(Months::new(1))?,
                1 => first.checked_add_months(Months::new(1))?,
                _ => first,
            };
            month_span(first.year(), first.month())
        }),
        "year" => p.and_then(|p| year_span(p.year() + modifier as i32)),
        "night" if modifier == -1 => p.and_then(|p| p.pred_opt()).map(day_span),
        "morning" | "afternoon" | "evening" if modifier == 0 => p.map(day_span),
        _ => return None,
    };
    Some((i + 1, resolved))
}

fn day_span(date: NaiveDate) -> DateSpan {
    DateSpan {
        start: date,
        end: date,
        granularity: Granularity::Day,
    }
}

fn month_span(year: i32, month: u32) -> Option<DateSpan> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
    Some(DateSpan {
        start,
        end,
        granularity: Granularity::Month,
    })
}

fn year_span(year: i32) -> Option<DateSpan> {
    Some(DateSpan {
        start: NaiveDate::from_ymd_opt(year, 1, 1)?,
        end: NaiveDate::from_ymd_opt(year, 12, 31)?,
        granularity: Granularity::Year,
    })
}
