//! Filters beside the query: speakers, entities, sources, published dates and
//! mentioned dates, as Tantivy queries.
//!
//! Speaker and entity filters admit an article when the name is among its
//! speakers or entities; a second, passage-level query lets search rank the
//! passages where the name itself occurs first. Date arguments are parsed here
//! because they are filter syntax (`2025`, `2025-11`, `2025-11-26`, `A..B`).

use std::ops::Bound;

use chrono::{Datelike, Months, NaiveDate};
use std::fmt;
use tantivy::columnar::Cardinality;

use tantivy::query::{
    BooleanQuery, EnableScoring, ExistsQuery, Explanation, Occur, Query, RangeQuery, Scorer,
    TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, Term};

use super::join::ArticleJoin;
use super::query::QueryError;
use crate::extract::Granularity;
use crate::index::document::{mention_instant, to_tantivy_date};
use crate::index::name_words::name_filter;
use crate::index::schema::{Fields, normalize_key};

/// What a search is narrowed to, besides its query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Any of these people or organisations speaks in the article.
    pub speakers: Vec<String>,
    /// Each of these entities is named in the article.
    pub entities: Vec<String>,
    /// The article comes from one of these outlets.
    pub sources: Vec<String>,
    /// Published on or after this day.
    pub since: Option<NaiveDate>,
    /// Published on or before this day.
    pub until: Option<NaiveDate>,
    /// The passage mentions a day in this inclusive range.
    pub mentions: Option<(NaiveDate, NaiveDate)>,
}

impl Filters {
    /// True when nothing narrows the search.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// True when a published-date bound is set.
    pub fn has_published_range(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }

    /// Clauses every hit must satisfy. With `include_published` false the
    /// published-date bounds are left out (to count what they exclude).
    pub fn clauses(
        &self,
        fields: &Fields,
        include_published: bool,
    ) -> Vec<(Occur, Box<dyn Query>)> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !self.speakers.is_empty() {
            let speaking = any_name(&speaker_fields(fields), &self.speakers);
            clauses.push((Occur::Must, Box::new(ArticleJoin::new(speaking))));
        }
        for entity in &self.entities {
            let named = any_name(&[fields.entity], std::slice::from_ref(entity));
            clauses.push((Occur::Must, Box::new(ArticleJoin::new(named))));
        }
        if !self.sources.is_empty() {
            clauses.push((Occur::Must, any_key(fields.source, &self.sources)));
        }
        if include_published && self.has_published_range() {
            clauses.push((
                Occur::Must,
                date_range(fields.published, self.since, self.until),
            ));
        }
        if let Some((start, end)) = self.mentions {
            clauses.push((Occur::Must, mentioned(fields.mentions, start, end)));
        }
        clauses
    }

    /// Matches passages where a filtered speaker speaks; `None` without
    /// speaker filters.
    pub fn speaking_passages(&self, fields: &Fields) -> Option<Box<dyn Query>> {
        (!self.speakers.is_empty()).then(|| {
            Box::new(PlainSeek(any_name(&speaker_fields(fields), &self.speakers))) as Box<dyn Query>
        })
    }

    /// Matches passages where a filtered speaker speaks or a filtered entity is
    /// named: these rank above the rest of the article. `None` without such filters.
    pub fn preferred_passages(&self, fields: &Fields) -> Option<Box<dyn Query>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !self.speakers.is_empty() {
            let speaking = any_name(&speaker_fields(fields), &self.speakers);
            clauses.push((Occur::Should, speaking));
        }
        if !self.entities.is_empty() {
            clauses.push((Occur::Should, any_name(&[fields.entity], &self.entities)));
        }
        (!clauses.is_empty())
            .then(|| Box::new(PlainSeek(Box::new(BooleanQuery::new(clauses)))) as Box<dyn Query>)
    }
}

/// A query whose doc set answers "is this document a match" with the plain
/// seek every doc set has. Search excludes the passages a name filter prefers
/// from a lower tier (`MustNot`), and Tantivy's phrase scorer, asked that
/// about a document it has already moved past, gives the right answer but
/// fails a debug assertion: the name filters are phrases (see
/// `index::name_words`).
struct PlainSeek(Box<dyn Query>);

impl Clone for PlainSeek {
    fn clone(&self) -> PlainSeek {
        PlainSeek(self.0.box_clone())
    }
}

impl fmt::Debug for PlainSeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PlainSeek({:?})", self.0)
    }
}

impl Query for PlainSeek {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(PlainSeekWeight(self.0.weight(enable_scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct PlainSeekWeight(Box<dyn Weight>);

impl Weight for PlainSeekWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(PlainSeekScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

/// Forwards everything but `seek_danger`, which keeps its default.
struct PlainSeekScorer(Box<dyn Scorer>);

impl DocSet for PlainSeekScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for PlainSeekScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}

/// Filters as a person typed them (command-line flags, URL parameters),
/// before the dates are checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterText {
    /// `--speaker` values.
    pub speakers: Vec<String>,
    /// `--entity` values.
    pub entities: Vec<String>,
    /// `--source` values.
    pub sources: Vec<String>,
    /// `--since`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub since: Option<String>,
    /// `--until`, the same forms; the whole year or month counts.
    pub until: Option<String>,
    /// `--mentions`: a date or `DATE..DATE`.
    pub mentions: Option<String>,
}

impl FilterText {
    /// Checks the dates and builds the [`Filters`]; errors name the value at fault.
    pub fn parse(self) -> Result<Filters, QueryError> {
        let filters = Filters {
            speakers: self.speakers,
            entities: self.entities,
            sources: self.sources,
            since: named("since", self.since.as_deref().map(parse_date_span))?.map(|span| span.0),
            until: named("until", self.until.as_deref().map(parse_date_span))?.map(|span| span.1),
            mentions: named("mentions", self.mentions.as_deref().map(parse_date_range))?,
        };
        if let (Some(since), Some(until)) = (filters.since, filters.until)
            && since > until
        {
            return Err(QueryError(format!(
                "the since date {since} is after the until date {until}: nothing can match"
            )));
        }
        Ok(filters)
    }
}

/// Puts the filter's name in front of its error, so the message says where.
fn named<T>(name: &str, parsed: Option<Result<T, QueryError>>) -> Result<Option<T>, QueryError> {
    parsed
        .transpose()
        .map_err(|QueryError(message)| QueryError(format!("{name}: {message}")))
}

/// Documents whose `field` holds any of `names` as an exact (case-insensitive) key.
fn any_key(field: Field, names: &[String]) -> Box<dyn Query> {
    let clauses = names
        .iter()
        .map(|name| {
            let term = Term::from_field_text(field, &normalize_key(name));
            let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, query)
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// The fields a passage's speakers are in (on the first passage, with
/// those only the headline names).
fn speaker_fields(fields: &Fields) -> [Field; 3] {
    [fields.speaker, fields.org_speaker, fields.headline_speaker]
}

/// Documents where any of `name_fields` holds any of `names` as a name (see
/// [`name_filter`]: a person by surname or full name, anything else exactly).
fn any_name(name_fields: &[Field], names: &[String]) -> Box<dyn Query> {
    let clauses = name_fields
        .iter()
        .flat_map(|&field| {
            names
                .iter()
                .filter_map(move |name| name_filter(field, name))
        })
        .map(|query| (Occur::Should, query))
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// Documents that mention a day in `start..=end`, as
/// `index::document::mention_instant` indexes mentions: a day or week that
/// overlaps the span, a month that overlaps it, or a year with the first of
/// one of its months in it (years are kept to month precision). So: any
/// instant from `start` to the end of `end` (days, and months and years that
/// begin in the span), the month `start` falls in, and the year `start`
/// falls in if one of its months begins in the span.
fn mentioned(field: Field, start: NaiveDate, end: NaiveDate) -> Box<dyn Query> {
    let instant = |day: NaiveDate, granularity| {
        Term::from_field_date_for_search(field, mention_instant(day, granularity))
    };
    let within: Box<dyn Query> = Box::new(RangeQuery::new(
        Bound::Included(instant(start, Granularity::Day)),
        Bound::Included(instant(end, Granularity::Year)),
    ));
    let mut clauses = vec![(Occur::Should, within)];
    let first_month_start = if start.day() == 1 {
        Some(start)
    } else {
        start
            .with_day(1)
            .and_then(|first| first.checked_add_months(Months::new(1)))
    };
    let year_counts =
        first_month_start.is_some_and(|first| first <= end && first.year() == start.year());
    let enclosing = [
        (start.with_day(1), Granularity::Month),
        (
            start.with_ordinal(1).filter(|_| year_counts),
            Granularity::Year,
        ),
    ];
    for (first_day, granularity) in enclosing {
        if let Some(first_day) = first_day {
            let term = instant(first_day, granularity);
            let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            clauses.push((Occur::Should, query));
        }
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Documents with a date in `field` between the two days, inclusive.
fn date_range(field: Field, since: Option<NaiveDate>, until: Option<NaiveDate>) -> Box<dyn Query> {
    let bound = |day: Option<NaiveDate>, make: fn(Term) -> Bound<Term>| {
        day.map_or(Bound::Unbounded, |day| {
            make(Term::from_field_date_for_search(
                field,
                to_tantivy_date(day),
            ))
        })
    };
    Box::new(RangeQuery::new(
        bound(since, Bound::Included),
        bound(until, Bound::Included),
    ))
}

/// Passages that have a published date (to count those a date filter drops).
pub fn has_published() -> Box<dyn Query> {
    Box::new(ExistsQuery::new("published".to_string(), false))
}

/// True when every document of every segment has a published date, read off
/// the date column's cardinality: then nothing can be undated and the pass
/// that counts undated articles can be skipped.
pub fn every_document_dated(searcher: &Searcher) -> bool {
    searcher.segment_readers().iter().all(|segment| {
        segment
            .fast_fields()
            .date("published")
            .is_ok_and(|column| column.get_cardinality() == Cardinality::Full)
    })
}

/// Parses `2025`, `2025-11` or `2025-11-26` as the inclusive span of days it names.
pub fn parse_date_span(text: &str) -> Result<(NaiveDate, NaiveDate), QueryError> {
    let invalid = || {
        QueryError(format!(
            "`{text}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025, 2025-11, 2025-11-26)"
        ))
    };
    let parts: Vec<&str> = text.trim().split('-').collect();
    let number = |part: &str| -> Result<u32, QueryError> {
        if part.is_empty() || !part.chars().all(|c| c.is_ascii_digit()) {
            return Err(invalid());
        }
        part.parse().map_err(|_| invalid())
    };
    match parts.as_slice() {
        [year] if year.len() == 4 => {
            let year = number(year)? as i32;
            let start = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(invalid)?;
            let end = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(invalid)?;
            Ok((start, end))
        }
        [year, month] if year.len() == 4 => {
            let month_number = number(month)?;
            let start = NaiveDate::from_ymd_opt(number(year)? as i32, month_number, 1)
                .ok_or_else(|| QueryError(format!("`{text}`: there is no month {month_number}")))?;
            let end = start
                .checked_add_months(Months::new(1))
                .and_then(|next| next.pred_opt())
                .ok_or_else(invalid)?;
            Ok((start, end))
        }
        [year, month, day] if year.len() == 4 => {
            let date = NaiveDate::from_ymd_opt(number(year)? as i32, number(month)?, number(day)?)
                .ok_or_else(|| QueryError(format!("`{text}` is not a day of the calendar")))?;
            Ok((date, date))
        }
        _ => Err(invalid()),
    }
}

/// Parses a `--mentions` argument: one date span, or `A..B` between two.
pub fn parse_date_range(text: &str) -> Result<(NaiveDate, NaiveDate), QueryError> {
    match text.split_once("..") {
        Some((from, to)) => {
            let start = if from.trim().is_empty() {
                NaiveDate::MIN
            } else {
                parse_date_span(from)?.0
            };
            let end = if to.trim().is_empty() {
                NaiveDate::MAX
            } else {
                parse_date_span(to)?.1
            };
            if start > end {
                return Err(QueryError(format!(
                    "`{text}`: the range ends before it starts"
                )));
            }
            Ok((start, end))
        }
        None => parse_date_span(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn date_spans_cover_years_months_and_days() {
        assert_eq!(
            parse_date_span("2025"),
            Ok((day(2025, 1, 1), day(2025, 12, 31)))
        );
        assert_eq!(
            parse_date_span("2024-02"),
            Ok((day(2024, 2, 1), day(2024, 2, 29)))
        );
        assert_eq!(
            parse_date_span("2025-11-26"),
            Ok((day(2025, 11, 26), day(2025, 11, 26)))
        );
    }

    #[test]
    fn bad_dates_say_what_is_wrong() {
        assert_eq!(
            parse_date_span("2025-13-45").err().map(|e| e.0).as_deref(),
            Some("`2025-13-45` is not a day of the calendar")
        );
        assert_eq!(
            parse_date_span("2025-13").err().map(|e| e.0).as_deref(),
            Some("`2025-13`: there is no month 13")
        );
        assert!(parse_date_span("yesterday").is_err());
        assert!(parse_date_span("25-1-1").is_err());
    }

    #[test]
    fn ranges_may_be_open() {
        assert_eq!(
            parse_date_range("2024..2025-06"),
            Ok((day(2024, 1, 1), day(2025, 6, 30)))
        );
        assert_eq!(parse_date_range("2025..").map(|r| r.0), Ok(day(2025, 1, 1)));
        assert!(parse_date_range("2026..2025").is_err());
    }
}
