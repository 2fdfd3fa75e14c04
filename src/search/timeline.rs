//! When a story peaked: how many matching articles were published each month
//! (or each year, over long spans).
//!
//! Counts articles, not passages, reading the publication date and article
//! key from fast fields of every matching passage. Articles without a date
//! are counted apart. Rendering is left to `output`.

use std::collections::HashMap;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::Query;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::articles::ARTICLE_KEY_FIELD;
use crate::index::NewsIndex;
use crate::index::document::from_tantivy_date;

/// Spans longer than this many months are shown per year.
const MAX_MONTHS: i32 = 36;

/// The size of one bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// One bar: a month (`2025-03`) or a year (`2025`) and its article count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bucket {
    /// `YYYY-MM` or `YYYY`.
    pub period: String,
    /// Matching articles published then.
    pub articles: usize,
}

/// Matching articles over time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// Month or year bars.
    pub period: Period,
    /// Every period from the first to the last, empty ones included.
    pub buckets: Vec<Bucket>,
    /// Matching articles with no publication date.
    pub undated: usize,
}

/// Counts the articles matching `query` per month or year of publication.
pub fn timeline(index: &NewsIndex, query: &dyn Query) -> Result<Timeline> {
    let searcher = index.reader.searcher();
    let published = searcher.search(query, &PublishedDates)?;
    let mut undated = 0;
    let mut days = Vec::with_capacity(published.len());
    for date in published.into_values() {
        match date {
            Some(day) => days.push(day),
            None => undated += 1,
        }
    }
    Ok(bucket(&days, undated))
}

/// Buckets publication days by month, or by year over long spans.
pub(crate) fn bucket(days: &[NaiveDate], undated: usize) -> Timeline {
    let month_number = |day: &NaiveDate| day.year() * 12 + day.month0() as i32;
    let (Some(first), Some(last)) = (days.iter().min(), days.iter().max()) else {
        return Timeline {
            period: Period::Month,
            buckets: Vec::new(),
            undated,
        };
    };
    let period = if month_number(last) - month_number(first) < MAX_MONTHS {
        Period::Month
    } else {
        Period::Year
    };
    let slot = |day: &NaiveDate| match period {
        Period::Month => month_number(day),
        Period::Year => day.year(),
    };
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for day in days {
        *counts.entry(slot(day)).or_default() += 1;
    }
    let buckets = (slot(first)..=slot(last))
        .map(|n| Bucket {
            period: match period {
                Period::Month => format!("{}-{:02}", n.div_euclid(12), n.rem_euclid(12) + 1),
                Period::Year => n.to_string(),
            },
            articles: counts.get(&n).copied().unwrap_or(0),
        })
        .collect();
    Timeline {
        period,
        buckets,
        undated,
    }
}

/// Collects each matching article's publication day (or `None`).
struct PublishedDates;

struct PublishedDatesInSegment {
    keys: Column<u64>,
    dates: Column<tantivy::DateTime>,
    found: HashMap<u64, Option<NaiveDate>>,
}

impl Collector for PublishedDates {
    type Fruit = HashMap<u64, Option<NaiveDate>>;
    type Child = PublishedDatesInSegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<PublishedDatesInSegment> {
        Ok(PublishedDatesInSegment {
            keys: reader.fast_fields().u64(ARTICLE_KEY_FIELD)?,
            dates: reader.fast_fields().date("published")?,
            found: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<HashMap<u64, Option<NaiveDate>>>,
    ) -> tantivy::Result<HashMap<u64, Option<NaiveDate>>> {
        let mut all = HashMap::new();
        for found in fruits {
            all.extend(found);
        }
        Ok(all)
    }
}

impl SegmentCollector for PublishedDatesInSegment {
    type Fruit = HashMap<u64, Option<NaiveDate>>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(key) = self.keys.first(doc) {
            let date = self.dates.first(doc).and_then(from_tantivy_date);
            self.found.insert(key, date);
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn short_spans_are_monthly_with_empty_months_shown() {
        let timeline = bucket(&[day(2025, 1, 5), day(2025, 3, 1), day(2025, 3, 30)], 2);
        assert_eq!(timeline.period, Period::Month);
        let bars: Vec<(&str, usize)> = timeline
            .buckets
            .iter()
            .map(|b| (b.period.as_str(), b.articles))
            .collect();
        assert_eq!(bars, [("2025-01", 1), ("2025-02", 0), ("2025-03", 2)]);
        assert_eq!(timeline.undated, 2);
    }

    #[test]
    fn long_spans_are_yearly() {
        let timeline = bucket(&[day(2004, 11, 24), day(2020, 6, 1)], 0);
        assert_eq!(timeline.period, Period::Year);
        assert_eq!(timeline.buckets.len(), 17);
        assert_eq!(timeline.buckets[0].period, "2004");
    }

    #[test]
    fn no_dates_no_bars() {
        assert!(bucket(&[], 3).buckets.is_empty());
    }
}
