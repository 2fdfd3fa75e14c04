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

use super::lexicon::{self, MONTHS};
use super::tokens::Kind;
use super::{DateMention, DateSpan, Doc, Granularity};

/// Finds the date expressions of the article, in text order.
pub(crate) fn find_dates(doc: &Doc, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let mut i = s.start;
        while i < s.end {
            // Most tokens are lower-case words that start no date: skip them
            // before building any state ("four years ago" starts with one,
            // so a following "ago" keeps it).
            let t = &doc.tokens[i];
            if t.kind == Kind::Word
                && !could_start_date(doc.core(i))
                && !(i + 2 < s.end && doc.is_word(i + 2, "ago"))
            {
                i += 1;
                continue;
            }
            if !matches!(t.kind, Kind::Word | Kind::Number) {
                i += 1;
                continue;
            }
            let at = At {
                start: s.start,
                end: s.end,
                i,
            };
            match date_at(doc, at, published) {
                Some(hit) => {
                    let first = &doc.tokens[i];
                    // The text stops before a possessive: "Last week's" → "Last week".
                    let last = &doc.tokens[hit.last];
                    let end = if last.kind == Kind::Word {
                        last.core_end
                    } else {
                        last.end
                    };
                    let passage = doc.passages[s.passage];
                    if let Some(text) = passage.get(first.start + hit.skip..end) {
                        out.push(DateMention {
                            text: text.to_string(),
                            // Headline dates are filed under the first passage.
                            passage: s.passage.saturating_sub(doc.offset),
                            resolved: hit.resolved,
                        });
                    }
                    i = hit.last + 1;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Where the scan stands: the sentence's token range and the current token.
#[derive(Clone, Copy)]
struct At {
    start: usize,
    end: usize,
    i: usize,
}

/// A date expression: its last token, how many bytes of the first token to
/// leave out ("mid-" of "mid-2003"), and its resolution.
struct Hit {
    last: usize,
    skip: usize,
    resolved: Option<DateSpan>,
}

impl Hit {
    fn new(last: usize, resolved: Option<DateSpan>) -> Option<Hit> {
        Some(Hit {
            last,
            skip: 0,
            resolved,
        })
    }
}

type Found = (usize, Option<DateSpan>);

fn hit((last, resolved): Found) -> Hit {
    Hit {
        last,
        skip: 0,
        resolved,
    }
}

/// A date expression starting at token `at.i`.
fn date_at(doc: &Doc, at: At, published: Option<NaiveDate>) -> Option<Hit> {
    let At { start, end, i } = at;
    let token = &doc.tokens[i];
    let word = doc.core(i);
    match token.kind {
        Kind::Number => {
            if let Some(found) = ago(doc, at, published) {
                return Some(found);
            }
            number_date(doc, start, end, i, published).map(hit)
        }
        Kind::Word => {
            if !could_start_date(word) {
                return ago(doc, at, published);
            }
            if let Some(rest) = word.strip_prefix("mid-") {
                // "mid-2003" → "2003", "the mid-80s" → "80s".
                let known = year_number(rest).is_some() || is_decade(rest);
                return known.then(|| Hit {
                    last: i,
                    skip: 4,
                    resolved: year_number(rest).and_then(year_span),
                });
            }
            if let Some(month) = month_number(word) {
                return month_date(doc, start, end, i, month, published).map(hit);
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
                )
                .map(hit);
            }
            if let Some(found) = ago(doc, at, published) {
                return Some(found);
            }
            if let Some(found) = holiday_or_season(doc, at) {
                return Some(found);
            }
            relative(doc, start, end, i, published).map(hit)
        }
        _ => None,
    }
}

/// A cheap first filter run on every word: months, days, "Christmas",
/// "Easter", a sentence-initial "Last" or "Yesterday", and a few lower-case
/// words can start a date; "four years ago" is checked separately.
fn could_start_date(word: &str) -> bool {
    let bytes = word.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    // Asked of every word, and nearly always "no": one table load rules out
    // most words before any string is compared.
    if START_LENGTHS[usize::from(first)] & (1 << bytes.len().min(63)) == 0 {
        return false;
    }
    if first.is_ascii_uppercase() {
        // Capitalised words are mostly names: only these can start a date.
        month_number(word).is_some()
            || weekday_index(word).is_some()
            || CAPITAL_STARTS.contains(&word)
            || LOWER_STARTS[..RELATIVE_STARTS]
                .iter()
                .any(|starter| starter.eq_ignore_ascii_case(word))
    } else {
        word.starts_with("mid-") || LOWER_STARTS.contains(&word)
    }
}

/// Capitalised words other than months and days that may start a date.
const CAPITAL_STARTS: &[&str] = &["Christmas", "Easter", "Boxing", "Good", "New"];

/// Lower-case words that may start a date. The first [`RELATIVE_STARTS`]
/// also do capitalised ("Yesterday", "Last week").
const LOWER_STARTS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "last",
    "next",
    "this",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "weekend",
    "week",
    "coming",
    "current",
];
const RELATIVE_STARTS: usize = 7;

/// Per first byte, a bit for each length (capped at 63) of a word that
/// [`could_start_date`] may accept. Built from the same lists it checks, so
/// the filter never turns away a word the lists would take.
const START_LENGTHS: [u64; 256] = {
    const fn mark(table: &mut [u64; 256], first: u8, len: usize) {
        let len = if len > 63 { 63 } else { len };
        table[first as usize] |= 1 << len;
    }
    let mut table = [0u64; 256];
    let mut k = 0;
    while k < MONTHS.len() {
        let word = MONTHS[k].0.as_bytes();
        mark(&mut table, word[0], word.len());
        k += 1;
    }
    k = 0;
    while k < lexicon::WEEKDAYS.len() {
        let word = lexicon::WEEKDAYS[k].as_bytes();
        mark(&mut table, word[0], word.len());
        k += 1;
    }
    k = 0;
    while k < CAPITAL_STARTS.len() {
        let word = CAPITAL_STARTS[k].as_bytes();
        mark(&mut table, word[0], word.len());
        k += 1;
    }
    k = 0;
    while k < LOWER_STARTS.len() {
        let word = LOWER_STARTS[k].as_bytes();
        mark(&mut table, word[0], word.len());
        if k < RELATIVE_STARTS {
            // Matched ignoring case after a capital: any spelling of the
            // rest, so only the first byte and the length are known.
            mark(&mut table, word[0].to_ascii_uppercase(), word.len());
        }
        k += 1;
    }
    // "mid-2003", "mid-80s": any length from four bytes on.
    let mut len = 4;
    while len < 64 {
        mark(&mut table, b'm', len);
        len += 1;
    }
    table
};

/// "1990s", "80s".
fn is_decade(text: &str) -> bool {
    let Some(digits) = text.strip_suffix('s') else {
        return false;
    };
    matches!(digits.len(), 2 | 4)
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.ends_with('0')
        && (digits.len() == 2 || year_number(digits).is_some())
}

/// Small counts written as words, for "four years ago".
fn count_word(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    let n = match lower.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    };
    Some(n)
}

/// "four years ago", "13 years ago", "a year ago", "9 months ago": a definite
/// count of calendar units before the publication date.
fn ago(doc: &Doc, at: At, published: Option<NaiveDate>) -> Option<Hit> {
    let At { end, i, .. } = at;
    // Runs for every token: the cheapest test (a three-letter word two
    // tokens on) goes first.
    if i + 2 >= end {
        return None;
    }
    let t = &doc.tokens[i + 2];
    if t.kind != Kind::Word || t.end - t.start != 3 || !doc.is_word(i + 2, "ago") {
        return None;
    }
    let n = match doc.tokens[i].kind {
        Kind::Number => doc.text(i).parse::<u32>().ok().filter(|&n| n < 200)?,
        _ => count_word(doc.text(i))?,
    };
    let unit = doc.text(i + 1);
    let unit = unit.strip_suffix('s').unwrap_or(unit);
    let resolved = published.and_then(|p| match unit {
        "day" => p.checked_sub_days(Days::new(u64::from(n))).map(day_span),
        "week" => {
            let d = p.checked_sub_days(Days::new(7 * u64::from(n)))?;
            let monday = d - Days::new(u64::from(d.weekday().num_days_from_monday()));
            Some(DateSpan {
                start: monday,
                end: monday + Days::new(6),
                granularity: Granularity::Week,
            })
        }
        "month" => {
            let d = p.checked_sub_months(Months::new(n))?;
            month_span(d.year(), d.month())
        }
        "year" => year_span(p.year() - n as i32),
        _ => None,
    });
    matches!(unit, "day" | "week" | "month" | "year" | "decade").then_some(Hit {
        last: i + 2,
        skip: 0,
        resolved,
    })
}

/// Nouns after which a season or "weekend" is no longer a date but a modifier
/// is hard to list; instead, the words that may follow a date noun.
fn ends_noun_phrase(doc: &Doc, k: usize, end: usize) -> bool {
    if k >= end || doc.tokens[k].kind != Kind::Word {
        return true;
    }
    let w = doc.text(k);
    w.starts_with(char::is_uppercase)
        || matches!(
            w,
            "and"
                | "or"
                | "but"
                | "when"
                | "as"
                | "to"
                | "with"
                | "for"
                | "in"
                | "at"
                | "on"
                | "is"
                | "was"
                | "will"
                | "would"
                | "could"
                | "should"
                | "might"
                | "must"
                | "are"
                | "were"
                | "has"
                | "had"
                | "saw"
                | "about"
                | "from"
                | "by"
                | "that"
                | "which"
                | "after"
                | "before"
                | "while"
                | "if"
                | "so"
                | "than"
                | "he"
                | "she"
                | "they"
                | "we"
                | "it"
        )
}

const SEASONS: &[&str] = &["summer", "winter", "spring", "autumn", "fall"];

/// The last token of a named holiday starting at token `i`: "Boxing Day",
/// "Good Friday", "Christmas Day", "New Year's Eve" always; "Christmas" or
/// "Easter" alone after a preposition ("since Christmas", "at Easter"), not
/// as a modifier ("Christmas card"). Found, not resolved: which year's is
/// left to the reader.
fn holiday(doc: &Doc, at: At) -> Option<usize> {
    let At { start, end, i } = at;
    let next = |k: usize| (i + k < end).then(|| doc.core(i + k));
    match doc.core(i) {
        "Boxing" if next(1) == Some("Day") => Some(i + 1),
        "Good" if next(1) == Some("Friday") => Some(i + 1),
        "New" if next(1) == Some("Year") && matches!(next(2), Some("Day" | "Eve")) => Some(i + 2),
        "Christmas" | "Easter" => {
            if matches!(next(1), Some("Day" | "Eve" | "Sunday" | "Monday")) {
                return Some(i + 1);
            }
            let after_preposition = i > start
                && matches!(
                    doc.text(i - 1),
                    "on" | "at"
                        | "over"
                        | "since"
                        | "until"
                        | "till"
                        | "before"
                        | "after"
                        | "by"
                        | "for"
                        | "during"
                );
            (after_preposition && !doc.tokens[i].possessive && ends_noun_phrase(doc, i + 1, end))
                .then_some(i)
        }
        _ => None,
    }
}

/// "Christmas 2004", "fall of 2011", "the summer", "the weekend", "during the
/// week", "coming year", "current year".
fn holiday_or_season(doc: &Doc, at: At) -> Option<Hit> {
    let At { start, end, i } = at;
    let word = doc.core(i);
    let year_at = |k: usize| {
        (k < end && doc.tokens[k].kind == Kind::Number)
            .then(|| year_number(doc.text(k)))
            .flatten()
    };
    if matches!(word, "Christmas" | "Easter")
        && let Some(year) = year_at(i + 1)
    {
        let resolved = if word == "Christmas" {
            NaiveDate::from_ymd_opt(year, 12, 25).map(day_span)
        } else {
            year_span(year)
        };
        return Hit::new(i + 1, resolved);
    }
    if let Some(last) = holiday(doc, at) {
        return Hit::new(last, None);
    }
    let lower_season = SEASONS.contains(&word);
    if lower_season
        && i + 2 < end
        && doc.text(i + 1) == "of"
        && let Some(year) = year_at(i + 2)
    {
        return Hit::new(i + 2, year_span(year));
    }
    // "in spring 2006", "autumn 2004".
    if lower_season
        && word != "fall"
        && let Some(year) = year_at(i + 1)
    {
        return Hit::new(i + 1, year_span(year));
    }
    let after_the = i > start && doc.is_word(i - 1, "the");
    if (lower_season && word != "fall") || word == "weekend" {
        // "over the weekend", "in the summer", but not "the weekend box office".
        let before_the = if after_the && i >= start + 2 {
            doc.text(i - 2)
        } else {
            ""
        };
        let generic = matches!(before_the, "every" | "each" | "all");
        // "in late summer", "its debut weekend": vague modifiers are dropped
        // from the span (tests/gold/README.md).
        let modified = i > start
            && match doc.text(i - 1) {
                "early" | "late" | "mid" => true,
                "opening" | "debut" => word == "weekend",
                _ => false,
            };
        if ((after_the && !generic) || modified)
            && !doc.tokens[i].possessive
            && ends_noun_phrase(doc, i + 1, end)
        {
            return Hit::new(i, None);
        }
        return None;
    }
    if word == "week" && after_the && i >= start + 2 {
        // "during the week", "over the week": the current week.
        let prep = doc.text(i - 2);
        let next_ok = ends_noun_phrase(doc, i + 1, end)
            && !(i + 1 < end && matches!(doc.text(i + 1), "before" | "after"));
        if matches!(prep, "during" | "over") && next_ok && !doc.tokens[i].possessive {
            return Hit::new(i, None);
        }
        return None;
    }
    if matches!(word, "coming" | "current") && i + 1 < end {
        let unit = doc.core(i + 1);
        let singular = matches!(unit, "year" | "week" | "month" | "weekend" | "season")
            || SEASONS.contains(&unit);
        if singular && ends_noun_phrase(doc, i + 2, end) {
            return Hit::new(i + 1, None);
        }
    }
    None
}

// Both run for every word of the article: a capital first letter is checked
// before any string comparison.
fn month_number(word: &str) -> Option<u32> {
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    lexicon::month(word)
}

fn weekday_index(word: &str) -> Option<u32> {
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) || !word.ends_with("day") {
        return None;
    }
    lexicon::weekday(word)
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

/// A four-digit year 1800–2099 written without separators.
fn year_number(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|y| (1800..=2099).contains(y))
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
    // "4-6 March": days of one month, found but not resolved to one span.
    if let Some((first, last)) = text.split_once('-')
        && day_number(first).is_some()
        && day_number(last).is_some()
        && i + 1 < end
        && month_number(doc.text(i + 1)).is_some()
    {
        let with_year = i + 2 < end && year_number(doc.text(i + 2)).is_some();
        return Some((i + 1 + usize::from(with_year), None));
    }
    // "2003-04", "2003/2004": a financial or sports year, over two calendar years.
    if let Some((first, second)) = text.split_once(['-', '/'])
        && let Some(year) = year_number(first)
        && (year_number(second) == Some(year + 1)
            || (second.len() == 2 && second.parse::<i32>().ok() == Some((year + 1) % 100)))
    {
        return Some((i, None));
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
    if is_decade(text) {
        // "the 1990s", "1970s Russia", "80s": decades stay unresolved.
        return Some((i, None));
    }
    if let Some(year) = year_number(text)
        && !quantity(doc, start, end, i)
    {
        return Some((i, year_span(year)));
    }
    None
}

/// True when the four digits at token `i` count something rather than name a
/// year: "2007 times", "about 1900 people", "£2000", "flight 1999",
/// "Windows 2000", "a total of 2005".
fn quantity(doc: &Doc, start: usize, end: usize, i: usize) -> bool {
    if i + 1 < end && doc.tokens[i + 1].kind == Kind::Word {
        let next = doc.text(i + 1);
        if matches!(
            next,
            "times"
                | "people"
                | "jobs"
                | "members"
                | "votes"
                | "points"
                | "metres"
                | "meters"
                | "miles"
                | "km"
                | "kilometres"
                | "feet"
                | "yards"
                | "words"
                | "units"
                | "hours"
                | "minutes"
                | "GMT"
                | "BST"
                | "UTC"
                | "CET"
                | "EST"
                | "ET"
                | "pm"
                | "am"
                | "hrs"
                | "mph"
                | "kg"
                | "tonnes"
                | "pounds"
                | "dollars"
                | "euros"
                | "copies"
                | "homes"
                | "staff"
                | "workers"
                | "employees"
                | "cars"
                | "fans"
                | "users"
                | "students"
                | "children"
                | "troops"
                | "households"
                | "signatures"
                | "calories"
                | "persons"
                | "cases"
                | "deaths"
                | "patients"
                | "men"
                | "women"
                | "soldiers"
                | "residents"
                | "visitors"
                | "passengers"
                | "shares"
                | "barrels"
        ) {
            return true;
        }
    }
    if i == start {
        return false;
    }
    let prev = &doc.tokens[i - 1];
    if prev.kind == Kind::Punct {
        return matches!(doc.text(i - 1), "£" | "$" | "€" | "#");
    }
    if prev.kind != Kind::Word {
        return false;
    }
    let word = doc.text(i - 1);
    if matches!(
        word,
        "about"
            | "around"
            | "nearly"
            | "almost"
            | "some"
            | "approximately"
            | "than"
            | "least"
            | "No"
            | "no"
            | "number"
            | "flight"
            | "model"
            | "page"
            | "route"
            | "code"
            | "room"
            | "version"
    ) {
        return true;
    }
    if word == "of"
        && i >= start + 2
        && matches!(
            doc.text(i - 2),
            "total" | "sum" | "maximum" | "minimum" | "average" | "figure" | "score" | "tally"
        )
    {
        return true;
    }
    // "Windows 2000", "Euro 2004": a product or event name, not the year alone.
    prev.is_capitalized(doc.passage_text(i - 1))
        && !prev.initial
        && month_number(word).is_none()
        && weekday_index(word).is_none()
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
    // "Oct. 31": an abbreviated month's dot.
    let abbreviated = i + 2 < end
        && doc.core(i).len() <= 4
        && doc.is_punct(i + 1, '.')
        && !doc.tokens[i + 1].space_before;
    let i_day = if abbreviated { i + 2 } else { i + 1 };
    if i_day < end {
        let next = doc.text(i_day);
        if let Some(day) = day_number(next) {
            let mut last = i_day;
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
    // A full month name alone: after a preposition or "last"/"next"/"this",
    // as a possessive ("October's"), or as a modifier ("their July peaks").
    // Never the short forms, and "May" only after a cue (it is also a name).
    let word = doc.core(i);
    if word.len() < 3 || MONTHS[..12].iter().all(|&(m, _)| m != word) {
        return None;
    }
    let prev = if i > start { doc.text(i - 1) } else { "" };
    let modifier = prev.to_ascii_lowercase();
    let cue = matches!(
        modifier.as_str(),
        "in" | "since"
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
            | "before"
            | "after"
            | "of"
    );
    // "The Darling Buds of May" is a title.
    let of_name = modifier == "of" && i >= start + 2 && doc.is_cap(i - 2);
    let cue = cue && !of_name;
    let in_name = (i > start && doc.is_cap(i - 1) && !doc.tokens[i - 1].initial && !cue)
        || (i + 1 < end && doc.is_cap(i + 1) && doc.tokens[i + 1].space_before);
    if !cue && (word == "May" || in_name) {
        return None;
    }
    // "April this year": one expression.
    let mut last = i;
    let mut year_shift = None;
    if i + 2 < end && doc.core(i + 2) == "year" {
        year_shift = match doc.text(i + 1) {
            "this" => Some(0),
            "last" => Some(-1),
            "next" => Some(1),
            _ => None,
        };
        if year_shift.is_some() {
            last = i + 2;
        }
    }
    let resolved = (|| {
        let p = published?;
        let year = match (year_shift, modifier.as_str()) {
            (Some(shift), _) => p.year() + shift,
            (None, "last") => {
                if month < p.month() {
                    p.year()
                } else {
                    p.year() - 1
                }
            }
            (None, "next") => {
                if month > p.month() {
                    p.year()
                } else {
                    p.year() + 1
                }
            }
            (None, "this") => p.year(),
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
    Some((last, resolved))
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
    // "Sunday Times", "GMTV's Sunday programme", "Black Friday" are names;
    // "a Saturday night series", "every Sunday" are generic.
    let prev = if i > start { doc.text(i - 1) } else { "" };
    let cue = first < i
        || matches!(
            prev.to_ascii_lowercase().as_str(),
            "on" | "by" | "until" | "since" | "from" | "before" | "after" | "till"
        );
    if i + 1 < end {
        let next = doc.text(i + 1);
        // After a cue only a paper's name continues it ("on Sunday Times
        // pages" is rare; "on Tuesday Labour said" is not).
        let name_follows = doc.is_cap(i + 1)
            && (!cue
                || matches!(
                    doc.core(i + 1),
                    "Times"
                        | "Telegraph"
                        | "Mirror"
                        | "Express"
                        | "People"
                        | "Herald"
                        | "Post"
                        | "Mail"
                        | "Observer"
                        | "Independent"
                        | "Sport"
                        | "Night"
                ));
        let own_possessive = doc.tokens[i].possessive;
        if (name_follows && !own_possessive)
            || matches!(
                next,
                "programme"
                    | "paper"
                    | "papers"
                    | "newspaper"
                    | "show"
                    | "edition"
                    | "league"
                    | "service"
            )
        {
            return None;
        }
    }
    if i > start {
        let prev_token = &doc.tokens[i - 1];
        if prev_token.possessive
            || (doc.is_cap(i - 1) && !prev_token.initial)
            || matches!(prev, "a" | "the" | "current" | "every" | "each")
        {
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
    // "the last year", "the next year": durations, not calendar years.
    if modifier != 0 && i > start && doc.is_word(i - 1, "the") {
        return None;
    }
    let unit = doc.core(i + 1);
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
    if let Some(month) = month_number(unit) {
        // "last December": the month resolves with its modifier.
        return month_date(doc, start, end, i + 1, month, published);
    }
    if SEASONS.contains(&unit) && unit != "fall" {
        return Some((i + 1, None));
    }
    // "this Christmas", "last Easter".
    if matches!(unit, "Christmas" | "Easter") && !doc.tokens[i + 1].possessive {
        return Some((i + 1, None));
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
        // A sports season spans two calendar years: found, not resolved.
        "season" => None,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The date-start test as it read before [`START_LENGTHS`] filtered it.
    fn could_start_date_unfiltered(word: &str) -> bool {
        match word.as_bytes().first() {
            Some(first) if first.is_ascii_uppercase() => {
                month_number(word).is_some()
                    || weekday_index(word).is_some()
                    || matches!(word, "Christmas" | "Easter" | "Boxing" | "Good" | "New")
                    || [
                        "yesterday",
                        "today",
                        "tonight",
                        "tomorrow",
                        "last",
                        "next",
                        "this",
                    ]
                    .iter()
                    .any(|starter| starter.eq_ignore_ascii_case(word))
            }
            _ => {
                word.starts_with("mid-")
                    || matches!(
                        word,
                        "yesterday"
                            | "today"
                            | "tonight"
                            | "tomorrow"
                            | "last"
                            | "next"
                            | "this"
                            | "summer"
                            | "winter"
                            | "spring"
                            | "autumn"
                            | "fall"
                            | "weekend"
                            | "week"
                            | "coming"
                            | "current"
                    )
            }
        }
    }

    #[test]
    fn start_filter_turns_away_no_date_word() {
        let mut words: Vec<String> = MONTHS.iter().map(|&(m, _)| m.to_string()).collect();
        words.extend(lexicon::WEEKDAYS.iter().map(|d| d.to_string()));
        words.extend(CAPITAL_STARTS.iter().map(|w| w.to_string()));
        for w in LOWER_STARTS {
            words.push(w.to_string());
            words.push(w.to_ascii_uppercase());
            let mut capital = w.to_string();
            capital[..1].make_ascii_uppercase();
            words.push(capital);
        }
        words.extend(
            [
                "", "mid-", "mid-2003", "mid-80s", "midday", "Mid-2003", "The", "the", "they",
                "said", "Mayor", "Marchers", "ToDay", "LAST", "lastly", "Octopus", "é", "Éaster",
                "weekends", "Weekend", "Summer",
            ]
            .map(String::from),
        );
        words.push(format!("mid-{}", "x".repeat(80)));
        for w in &words {
            assert_eq!(could_start_date(w), could_start_date_unfiltered(w), "{w:?}");
        }
    }
}
