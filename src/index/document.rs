//! Turning one article, its passages and its extraction into Tantivy documents.
//!
//! One document per passage, carrying the names and attributions found in it.
//! Article filters reach the rest of an article through a join at search
//! time (`search::join`), so an article's names are not indexed again; the
//! writer adds an article's documents as one batch so that they stay
//! together, in passage order. Quote documents of their own
//! ([`quote_documents`]) and article-wide name keys ([`add_article_keys`])
//! are built only for export to a remote engine, which has no such join.
//! Pure data mapping: no I/O, no analysis.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use tantivy::schema::{Field, Value};
use tantivy::{DateTime, TantivyDocument};

use super::duplicates::simhash;
use super::name_words::person_marked;
use super::schema::{Fields, PASSAGE, QUOTE, article_key, name_hash, name_keys};
use crate::corpus::Article;
use crate::extract::{DateSpan, Extraction, Granularity, PassageExtraction, Quote};

/// One attribution as stored with its passage (see [`Fields::quotes`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredQuote {
    /// Who said it.
    pub speaker: String,
    /// True when the speaker is an organisation or group.
    pub organization: bool,
    /// The reporting cue as written.
    pub cue: String,
    /// What was said.
    pub text: String,
    /// True for words in quotation marks.
    pub direct: bool,
}

/// A [`StoredQuote`] borrowed from the extraction, to write one without
/// copying its strings.
#[derive(Serialize)]
struct StoredQuoteRef<'a> {
    speaker: &'a str,
    organization: bool,
    cue: &'a str,
    text: &'a str,
    direct: bool,
}

impl<'a> From<&'a Quote> for StoredQuoteRef<'a> {
    fn from(quote: &'a Quote) -> StoredQuoteRef<'a> {
        StoredQuoteRef {
            speaker: &quote.speaker,
            organization: quote.organization,
            cue: &quote.cue,
            text: &quote.text,
            direct: quote.direct,
        }
    }
}

impl From<&Quote> for StoredQuote {
    fn from(quote: &Quote) -> StoredQuote {
        StoredQuote {
            speaker: quote.speaker.clone(),
            organization: quote.organization,
            cue: quote.cue.clone(),
            text: quote.text.clone(),
            direct: quote.direct,
        }
    }
}

/// The attributions stored with a passage document, in text order (none
/// when the value is missing or unreadable: it is the index's own data).
pub fn stored_quotes(document: &TantivyDocument, fields: &Fields) -> Vec<StoredQuote> {
    document
        .get_first(fields.quotes)
        .and_then(|value| value.as_str())
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default()
}

/// Seconds from the epoch that Tantivy's dates (nanoseconds in an `i64`)
/// can hold, less a minute for the marks of [`mention_instant`].
const DATE_SECONDS_LIMIT: i64 = i64::MAX / 1_000_000_000 - 60;

/// Converts a calendar day to Tantivy's date type (midnight UTC). Days
/// beyond what Tantivy can represent (about 1678 to 2262), such as the open
/// end of a date range, become the nearest it can.
pub fn to_tantivy_date(date: NaiveDate) -> DateTime {
    let seconds = date
        .and_hms_opt(0, 0, 0)
        .map_or(0, |datetime| datetime.and_utc().timestamp());
    DateTime::from_timestamp_secs(seconds.clamp(-DATE_SECONDS_LIMIT, DATE_SECONDS_LIMIT))
}

/// Converts Tantivy's date back to a calendar day (UTC).
pub fn from_tantivy_date(date: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(date.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

/// Whom documents are built for. They differ in how names and mentioned
/// dates are indexed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    /// This index: names as marked words (see `index::name_words`), and
    /// mentioned dates as one value each ([`mention_instant`]).
    Local,
    /// A remote engine (export), which filters names by exact keys and
    /// mentioned dates by every day they cover.
    Remote,
}

/// Builds the passage documents of one article.
pub fn passage_documents(
    fields: &Fields,
    article: &Article,
    passages: &[String],
    extraction: &Extraction,
    destination: Destination,
) -> Vec<TantivyDocument> {
    let remote = destination == Destination::Remote;
    let published = article.published.map(to_tantivy_date);
    let mut mentioned: Vec<Vec<DateTime>> = vec![Vec::new(); passages.len()];
    for mention in &extraction.dates {
        if let (Some(span), Some(dates)) = (mention.resolved, mentioned.get_mut(mention.passage)) {
            if remote {
                dates.extend(indexed_days(span).into_iter().map(to_tantivy_date));
            } else {
                dates.extend(mention_instants(span));
            }
        }
    }
    let headline_only = headline_only_names(extraction);
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
        if number == 0 {
            // Shown with every hit of the article; not indexed.
            for name in &extraction.speakers {
                doc.add_text(fields.article_speakers, name);
            }
            // Names only the headline gives still admit the article to a
            // filter: the headline is searched with the first passage.
            for &(kind, name) in &headline_only {
                if remote {
                    add_keys(&mut doc, fields, kind, name);
                    continue;
                }
                let field = match kind {
                    NameKind::Speaker | NameKind::OrgSpeaker => fields.headline_speaker,
                    NameKind::Person | NameKind::Other => fields.entity,
                };
                add_name_words(&mut doc, field, name, kind.is_person());
            }
        }
        if let Some(found) = extraction.passages.get(number) {
            // In `NAME_FIELDS` order: the position is the kind code.
            let named = [
                &found.speakers,
                &found.org_speakers,
                &found.persons,
                &found.organizations,
                &found.places,
            ];
            for (kind, names) in named.into_iter().enumerate() {
                for name in names {
                    doc.add_u64(fields.name_hash, name_hash(kind, name));
                }
            }
            let speakers = [
                (fields.speaker, &found.speakers, NameKind::Speaker),
                (
                    fields.org_speaker,
                    &found.org_speakers,
                    NameKind::OrgSpeaker,
                ),
            ];
            for (field, names, kind) in speakers {
                for name in names {
                    doc.add_text(field, name);
                    if remote {
                        add_keys(&mut doc, fields, kind, name);
                    }
                }
            }
            let entities = [
                (fields.person, &found.persons, NameKind::Person),
                (fields.organization, &found.organizations, NameKind::Other),
                (fields.place, &found.places, NameKind::Other),
            ];
            for (field, names, kind) in entities {
                for name in names {
                    doc.add_text(field, name);
                    if remote {
                        doc.add_text(fields.entity, name);
                        add_keys(&mut doc, fields, kind, name);
                    } else {
                        add_name_words(&mut doc, fields.entity, name, kind.is_person());
                    }
                }
            }
        }
        for date in &mentioned[number] {
            doc.add_date(fields.mentions, *date);
        }
        add_quotes(&mut doc, fields, extraction, number);
        documents.push(doc);
    }
    documents
}

/// Adds `name` to a name-word field of mixed kinds, a person's marked as such.
fn add_name_words(doc: &mut TantivyDocument, field: Field, name: &str, is_person: bool) {
    if is_person {
        doc.add_text(field, person_marked(name));
    } else {
        doc.add_text(field, name);
    }
}

/// Adds the exact keys of a name (for a remote engine) to the key field of its kind.
fn add_keys(doc: &mut TantivyDocument, fields: &Fields, kind: NameKind, name: &str) {
    let field = match kind {
        NameKind::Speaker | NameKind::OrgSpeaker => fields.speaker_key,
        NameKind::Person | NameKind::Other => fields.entity_key,
    };
    for key in name_keys(name, kind.is_person()) {
        doc.add_text(field, &key);
    }
}

/// What a name is, for how it is indexed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameKind {
    Speaker,
    OrgSpeaker,
    Person,
    /// An organisation or a place.
    Other,
}

impl NameKind {
    fn is_person(self) -> bool {
        matches!(self, NameKind::Speaker | NameKind::Person)
    }
}

/// One list of names of a passage.
type PassageNames = fn(&PassageExtraction) -> &[String];

/// The article's names that no passage has: those only its headline gives.
fn headline_only_names(extraction: &Extraction) -> Vec<(NameKind, &str)> {
    let lists: [(NameKind, &[String], PassageNames); 5] = [
        (NameKind::Speaker, &extraction.speakers, |p| &p.speakers),
        (NameKind::OrgSpeaker, &extraction.org_speakers, |p| {
            &p.org_speakers
        }),
        (NameKind::Person, &extraction.persons, |p| &p.persons),
        (NameKind::Other, &extraction.organizations, |p| {
            &p.organizations
        }),
        (NameKind::Other, &extraction.places, |p| &p.places),
    ];
    let mut names = Vec::new();
    for (kind, article_names, of_passage) in lists {
        for name in article_names {
            let in_a_passage = extraction
                .passages
                .iter()
                .any(|passage| of_passage(passage).contains(name));
            if !in_a_passage {
                names.push((kind, name.as_str()));
            }
        }
    }
    names
}

/// Adds the exact keys of every speaker and entity of the article to
/// `document` (`article_speaker_key`, `article_entity_key`): a remote engine
/// filters articles with them, as it cannot join passages at search time.
pub fn add_article_keys(document: &mut TantivyDocument, fields: &Fields, extraction: &Extraction) {
    let speakers = (extraction.speakers.iter().map(|name| (name, true)))
        .chain(extraction.org_speakers.iter().map(|name| (name, false)));
    for (name, is_person) in speakers {
        for key in name_keys(name, is_person) {
            document.add_text(fields.article_speaker_key, &key);
        }
    }
    let entities = (extraction.persons.iter().map(|name| (name, true))).chain(
        extraction
            .organizations
            .iter()
            .chain(&extraction.places)
            .map(|name| (name, false)),
    );
    for (name, is_person) in entities {
        for key in name_keys(name, is_person) {
            document.add_text(fields.article_entity_key, &key);
        }
    }
}

/// Stores the attributions made in passage `number` with it: their data,
/// their counts, and the marks that let search find passages with quotes.
/// Their words are searched through the passage's own text: indexing them
/// again, in documents of their own, was a third of what extraction added
/// to the cost of indexing.
fn add_quotes(doc: &mut TantivyDocument, fields: &Fields, extraction: &Extraction, number: usize) {
    let quotes: Vec<StoredQuoteRef> = extraction
        .quotes
        .iter()
        .filter(|quote| quote.passage == number)
        .map(StoredQuoteRef::from)
        .collect();
    if quotes.is_empty() {
        return;
    }
    let direct = quotes.iter().filter(|quote| quote.direct).count();
    doc.add_text(fields.kind, QUOTE);
    if direct > 0 {
        doc.add_u64(fields.direct, 1);
    }
    doc.add_u64(fields.quote_count, quotes.len() as u64);
    doc.add_u64(fields.direct_count, direct as u64);
    if let Ok(json) = serde_json::to_string(&quotes) {
        doc.add_text(fields.quotes, json);
    }
}

/// Builds one document per quote of an article, for a remote engine (which
/// has no way to expand a passage into its quotes): its content in `quote`,
/// its speaker in `speaker`, and the article fields needed to filter and show it.
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

/// Seconds past midnight that mark a mentioned month, and a mentioned year.
const MONTH_SECOND: i64 = 1;
const YEAR_SECOND: i64 = 2;

/// The one value a mentioned day, month or year is indexed under locally:
/// its first day, at midnight for a day, one second past for a month and two
/// for a year. So "mentions a day in A..B" is a range and two terms (see
/// `search::filters`), and a month costs one value instead of a value per
/// day: those were most of the dates indexed.
pub fn mention_instant(first_day: NaiveDate, granularity: Granularity) -> DateTime {
    let second = match granularity {
        Granularity::Day | Granularity::Week => 0,
        Granularity::Month => MONTH_SECOND,
        Granularity::Year => YEAR_SECOND,
    };
    DateTime::from_timestamp_secs(to_tantivy_date(first_day).into_timestamp_secs() + second)
}

/// What a mentioned span is indexed under locally: each of its days for a
/// day or a week, or its one [`mention_instant`] for a month or a year.
fn mention_instants(span: DateSpan) -> Vec<DateTime> {
    match span.granularity {
        Granularity::Month | Granularity::Year => {
            vec![mention_instant(span.start, span.granularity)]
        }
        Granularity::Day | Granularity::Week => span
            .start
            .iter_days()
            .take_while(|day| *day <= span.end)
            .take(31)
            .map(to_tantivy_date)
            .collect(),
    }
}

/// The days a mentioned span is exported under, so that a remote engine's
/// date range finds every mention it overlaps: each day of a day, week or
/// month, and the first of each month for a year (a year-long mention is
/// vague enough that month precision loses nothing a user would miss).
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
    use crate::extract::DateMention;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn tantivy_dates_round_trip() {
        let date = day(2025, 10, 14);
        assert_eq!(from_tantivy_date(to_tantivy_date(date)), Some(date));
    }

    #[test]
    fn days_beyond_tantivy_dates_keep_their_order() {
        let (first, last) = (
            to_tantivy_date(NaiveDate::MIN),
            to_tantivy_date(NaiveDate::MAX),
        );
        assert!(first < to_tantivy_date(day(1700, 1, 1)));
        assert!(last > to_tantivy_date(day(2200, 1, 1)));
        assert!(mention_instant(NaiveDate::MAX, Granularity::Year) > last);
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
        let docs = passage_documents(
            &fields,
            &article,
            &passages,
            &extraction,
            Destination::Remote,
        );
        assert_eq!(docs.len(), 2);
    }

    /// Tony Blair speaks only in the headline; Michael Howard in passage 1.
    fn headline_speaker_article() -> (Article, Vec<String>, Extraction) {
        let article = Article {
            id: "a.txt".into(),
            title: "Blair attacks Tory plans".into(),
            ..Article::default()
        };
        let passages = vec!["One.".to_string(), "Two.".to_string()];
        let names = |list: &[&str]| list.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        let extraction = Extraction {
            speakers: names(&["Tony Blair", "Michael Howard"]),
            persons: names(&["Tony Blair", "Michael Howard"]),
            organizations: names(&["Tories"]),
            passages: vec![
                PassageExtraction::default(),
                PassageExtraction {
                    speakers: names(&["Michael Howard"]),
                    persons: names(&["Michael Howard"]),
                    ..PassageExtraction::default()
                },
            ],
            dates: vec![DateMention {
                text: "March 2005".into(),
                resolved: Some(DateSpan {
                    start: day(2005, 3, 1),
                    end: day(2005, 3, 31),
                    granularity: Granularity::Month,
                }),
                passage: 1,
            }],
            ..Extraction::default()
        };
        (article, passages, extraction)
    }

    /// The passage documents of [`headline_speaker_article`] for `destination`.
    fn headline_speaker_documents(
        destination: Destination,
    ) -> (Fields, Extraction, Vec<TantivyDocument>) {
        let fields = Fields::new(&super::super::schema::build_schema()).expect("fields");
        let (article, passages, extraction) = headline_speaker_article();
        let docs = passage_documents(&fields, &article, &passages, &extraction, destination);
        (fields, extraction, docs)
    }

    /// The values of `field` in `doc`, sorted.
    fn values(doc: &TantivyDocument, field: Field) -> Vec<String> {
        let mut values: Vec<String> = doc
            .get_all(field)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        values.sort();
        values
    }

    #[test]
    fn exported_names_are_keyed_on_their_passage_and_headline_names_on_the_first() {
        let (fields, extraction, docs) = headline_speaker_documents(Destination::Remote);
        assert_eq!(
            values(&docs[0], fields.speaker_key),
            ["blair", "tony blair"]
        );
        assert_eq!(
            values(&docs[0], fields.entity_key),
            ["blair", "tony blair", "tories"]
        );
        assert_eq!(
            values(&docs[1], fields.speaker_key),
            ["howard", "michael howard"]
        );
        assert_eq!(values(&docs[1], fields.entity), ["Michael Howard"]);
        // Every day of the month, for a remote engine's date ranges.
        assert_eq!(docs[1].get_all(fields.mentions).count(), 31);
        // Nothing is indexed for the whole article: filters join passages.
        assert!(
            docs.iter()
                .all(|d| values(d, fields.article_entity_key).is_empty())
        );
        let mut exported = docs[0].clone();
        add_article_keys(&mut exported, &fields, &extraction);
        assert_eq!(values(&exported, fields.article_speaker_key).len(), 4);
    }

    #[test]
    fn local_names_are_marked_words_and_headline_speakers_a_field_of_the_first_passage() {
        let (fields, _, docs) = headline_speaker_documents(Destination::Local);
        for doc in &docs {
            assert!(values(doc, fields.speaker_key).is_empty());
            assert!(values(doc, fields.entity_key).is_empty());
        }
        // Shown as no passage's speaker, but found by a filter on the article.
        assert_eq!(
            values(&docs[0], fields.headline_speaker),
            ["\u{1}Tony Blair"]
        );
        assert!(values(&docs[0], fields.speaker).is_empty());
        assert_eq!(
            values(&docs[0], fields.entity),
            ["\u{1}Tony Blair", "Tories"]
        );
        assert_eq!(values(&docs[1], fields.speaker), ["Michael Howard"]);
        assert_eq!(values(&docs[1], fields.entity), ["\u{1}Michael Howard"]);
        assert_eq!(values(&docs[1], fields.person), ["Michael Howard"]);
        // A month mentioned is one value.
        let mentions: Vec<DateTime> = docs[1]
            .get_all(fields.mentions)
            .filter_map(|value| value.as_datetime())
            .collect();
        assert_eq!(
            mentions,
            [mention_instant(day(2005, 3, 1), Granularity::Month)]
        );
    }

    #[test]
    fn quotes_are_stored_and_counted_with_their_passage() {
        let schema = super::super::schema::build_schema();
        let fields = Fields::new(&schema).expect("schema has every field");
        let article = Article {
            id: "a.txt".into(),
            title: "Title".into(),
            ..Article::default()
        };
        let passages = vec!["One.".to_string(), "Two.".to_string()];
        let quote = |speaker: &str, direct: bool, passage: usize| Quote {
            speaker: speaker.into(),
            organization: false,
            cue: "said".into(),
            text: format!("words of {speaker}"),
            direct,
            passage,
        };
        let extraction = Extraction {
            passages: vec![Default::default(); 2],
            quotes: vec![quote("Ann Lee", true, 1), quote("Bo Kim", false, 1)],
            ..Extraction::default()
        };
        let docs = passage_documents(
            &fields,
            &article,
            &passages,
            &extraction,
            Destination::Remote,
        );
        let kinds = |doc: &TantivyDocument| -> Vec<String> {
            doc.get_all(fields.kind)
                .filter_map(|value| value.as_str().map(str::to_string))
                .collect()
        };
        assert_eq!(kinds(&docs[0]), vec![PASSAGE]);
        assert!(stored_quotes(&docs[0], &fields).is_empty());
        assert_eq!(kinds(&docs[1]), vec![PASSAGE, QUOTE]);
        let stored = stored_quotes(&docs[1], &fields);
        assert_eq!(stored.len(), 2);
        assert_eq!(stored[0], StoredQuote::from(&extraction.quotes[0]));
        let number = |field| docs[1].get_first(field).and_then(|value| value.as_u64());
        assert_eq!(number(fields.quote_count), Some(2));
        assert_eq!(number(fields.direct_count), Some(1));
        assert_eq!(number(fields.direct), Some(1));
    }
}
