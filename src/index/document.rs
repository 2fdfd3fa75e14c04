//! Turning one article, its passages and its extraction into Tantivy documents.
//!
//! One document per passage, then one per quote. Article-level names
//! (every speaker and entity of the article) are on the first passage only;
//! the writer adds an article's documents as one batch so that they stay
//! together, first passage first. Pure data mapping: no I/O, no analysis.

use chrono::{Datelike, NaiveDate};
use tantivy::{DateTime, TantivyDocument};

use super::duplicates::simhash;
use super::schema::{Fields, PASSAGE, QUOTE, article_key, name_keys};
use crate::corpus::Article;
use crate::extract::{DateSpan, Extraction, Granularity};

/// Converts a calendar day to Tantivy's date type (midnight UTC).
pub fn to_tantivy_date(date: NaiveDate) -> DateTime {
    let seconds = date
        .and_hms_opt(0, 0, 0)
        .map_or(0, |datetime| datetime.and_utc().timestamp());
    DateTime::from_timestamp_secs(seconds)
}

/// Converts Tantivy's date back to a calendar day (UTC).
pub fn from_tantivy_date(date: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(date.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

/// Builds the passage documents of one article.
pub fn passage_documents(
    fields: &Fields,
    article: &Article,
    passages: &[String],
    extraction: &Extraction,
) -> Vec<TantivyDocument> {
    let published = article.published.map(to_tantivy_date);
    let mut mentioned_days: Vec<Vec<DateTime>> = vec![Vec::new(); passages.len()];
    for mention in &extraction.dates {
        if let (Some(span), Some(days)) =
            (mention.resolved, mentioned_days.get_mut(mention.passage))
        {
            days.extend(indexed_days(span).into_iter().map(to_tantivy_date));
        }
    }
    let article_speaker_keys: Vec<String> = extraction
        .speakers
        .iter()
        .flat_map(|name| name_keys(name, true))
        .chain(
            extraction
                .org_speakers
                .iter()
                .flat_map(|name| name_keys(name, false)),
        )
        .collect();
    let article_entity_keys: Vec<String> = extraction
        .persons
        .iter()
        .flat_map(|name| name_keys(name, true))
        .chain(
            extraction
                .organizations
                .iter()
                .chain(&extraction.places)
                .flat_map(|name| name_keys(name, false)),
        )
        .collect();

    let key = article_key(&article.id);
    let fingerprint = simhash(&article.paragraphs);
    let mut documents = Vec::with_capacity(passages.len());
    for (number, text) in passages.iter().enumerate() {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.kind, PASSAGE);
        add_article_fields(&mut doc, fields, article, key, published);
        doc.add_u64(fields.simhash, fingerprint);
        doc.add_text(fields.text, text);
        doc.add_text(fields.text, &article.title);
        if number == 0 {
            doc.add_text(fields.title, &article.title);
        }
        doc.add_u64(fields.passage, number as u64);
        doc.add_u64(fields.passage_count, passages.len() as u64);
        // Article-level names go on the first passage only: search joins them
        // to the rest of the article (see `search::join`), and repeating them
        // on every passage was a tenth of the cost of indexing.
        if number == 0 {
            for key in &article_speaker_keys {
                doc.add_text(fields.article_speaker_key, key);
            }
            for name in &extraction.speakers {
                doc.add_text(fields.article_speakers, name);
            }
            for key in &article_entity_keys {
                doc.add_text(fields.article_entity_key, key);
            }
        }
        if let Some(found) = extraction.passages.get(number) {
            for name in &found.speakers {
                doc.add_text(fields.speaker, name);
                for key in name_keys(name, true) {
                    doc.add_text(fields.speaker_key, &key);
                }
            }
            for name in &found.org_speakers {
                doc.add_text(fields.org_speaker, name);
                for key in name_keys(name, false) {
                    doc.add_text(fields.speaker_key, &key);
                }
            }
            let typed = [
                (fields.person, &found.persons, true),
                (fields.organization, &found.organizations, false),
                (fields.place, &found.places, false),
            ];
            for (field, names, is_person) in typed {
                for name in names {
                    doc.add_text(field, name);
                    doc.add_text(fields.entity, name);
                    for key in name_keys(name, is_person) {
                        doc.add_text(fields.entity_key, &key);
                    }
                }
            }
        }
        for day in &mentioned_days[number] {
            doc.add_date(fields.mentions, *day);
        }
        documents.push(doc);
    }
    documents
}

/// Builds one document per quote of an article: its content in `quote`, its
/// speaker in `speaker`, and the article fields needed to filter and show it.
pub fn quote_documents(
    fields: &Fields,
    article: &Article,
    extraction: &Extraction,
) -> Vec<TantivyDocument> {
    let key = article_key(&article.id);
    let published = article.published.map(to_tantivy_date);
    extraction
        .quotes
        .iter()
        .map(|quote| {
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.kind, QUOTE);
            add_article_fields(&mut doc, fields, article, key, published);
            doc.add_text(fields.headline, &article.title);
            doc.add_text(fields.quote, &quote.text);
            doc.add_u64(fields.passage, quote.passage as u64);
            let speaker_field = if quote.organization {
                fields.org_speaker
            } else {
                fields.speaker
            };
            doc.add_text(speaker_field, &quote.speaker);
            for key in name_keys(&quote.speaker, !quote.organization) {
                doc.add_text(fields.speaker_key, &key);
                doc.add_text(fields.article_speaker_key, &key);
            }
            doc.add_text(fields.cue, &quote.cue);
            doc.add_u64(fields.direct, u64::from(quote.direct));
            doc
        })
        .collect()
}

/// The fields every document of an article carries: its identity, file,
/// topic, outlet and date.
fn add_article_fields(
    doc: &mut TantivyDocument,
    fields: &Fields,
    article: &Article,
    key: u64,
    published: Option<DateTime>,
) {
    doc.add_text(fields.article_id, &article.id);
    doc.add_u64(fields.article_key, key);
    doc.add_text(fields.path, article.path.to_string_lossy());
    if let Some(category) = &article.category {
        doc.add_text(fields.category, category);
    }
    if let Some(source) = &article.source {
        doc.add_text(fields.source, source);
    }
    if let Some(published) = published {
        doc.add_date(fields.published, published);
    }
}

/// The days a mentioned span is indexed under, so that a `--mentions` range
/// finds every mention it overlaps: each day of a day, week or month, and the
/// first of each month for a year (a year-long mention is vague enough that
/// month precision loses nothing a user would miss).
fn indexed_days(span: DateSpan) -> Vec<NaiveDate> {
    match span.granularity {
        Granularity::Year => (1..=12)
            .filter_map(|month| NaiveDate::from_ymd_opt(span.start.year(), month, 1))
            .collect(),
        Granularity::Day | Granularity::Week | Granularity::Month => span
            .start
            .iter_days()
            .take_while(|day| *day <= span.end)
            .take(31)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn tantivy_dates_round_trip() {
        let date = day(2025, 10, 14);
        assert_eq!(from_tantivy_date(to_tantivy_date(date)), Some(date));
    }

    #[test]
    fn month_spans_index_every_day_and_years_every_month() {
        let month = DateSpan {
            start: day(2025, 2, 1),
            end: day(2025, 2, 28),
            granularity: Granularity::Month,
        };
        assert_eq!(indexed_days(month).len(), 28);
        let year = DateSpan {
            start: day(2007, 1, 1),
            end: day(2007, 12, 31),
            granularity: Granularity::Year,
        };
        assert_eq!(indexed_days(year).len(), 12);
    }

    #[test]
    fn one_document_per_passage_with_article_fields() {
        let schema = super::super::schema::build_schema();
        let fields = Fields::new(&schema).expect("schema has every field");
        let article = Article {
            id: "a.txt".into(),
            title: "Title".into(),
            category: Some("politics".into()),
            ..Article::default()
        };
        let passages = vec!["One.".to_string(), "Two.".to_string()];
        let extraction = Extraction {
            passages: vec![Default::default(); 2],
            ..Extraction::default()
        };
        let docs = passage_documents(&fields, &article, &passages, &extraction);
        assert_eq!(docs.len(), 2);
    }
}
