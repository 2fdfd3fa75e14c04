//! Searching what was said: quotes (attributions) as results of their own.
//!
//! Each attribution found at index time is stored with the passage it was
//! made in: the speaker, the reporting cue, the words said (quoted, or the
//! reported clause). A quote search ranks the passages with attributions
//! that match the query and filters, as a passage search does, then expands
//! each into its attributions (those of the filtered speakers, and quoted
//! words only with `direct_only`), the ones whose words contain the query's
//! first. So "what did X say about Y" finds X's words in passages about Y,
//! whether or not Y is inside the quotation marks.
//!
//! It does not search remote engines (see `remote::quotes`), whose quotes
//! are documents of their own.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query, QueryClone, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DateTime, DocAddress, DocId, Order, Score, Searcher, SegmentOrdinal, SegmentReader,
    TantivyDocument, Term,
};

use super::query::QueryFrontEnd;
use super::snippet::{highlight, snippet};
use super::timeline::{Timeline, timeline};
use super::{Filters, Matcher, check_page, first_text, highlight_terms};
use crate::index::NewsIndex;
use crate::index::document::{StoredQuote, from_tantivy_date, stored_quotes};
use crate::index::name_words::{name_matches, name_words};
use crate::index::schema::{Fields, QUOTE, passage_headline};

/// How quotes are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteOrder {
    /// Best match first (BM25 over what was said).
    #[default]
    Relevance,
    /// Newest first; undated quotes last.
    Date,
}

/// A search for quotes.
#[derive(Clone, Debug)]
pub struct QuoteRequest {
    /// Words to find in what was said; may be empty.
    pub query: String,
    /// Speaker, entity, source and date filters (`--speaker` keeps that
    /// speaker's own quotes).
    pub filters: Filters,
    /// Only words in quotation marks.
    pub direct_only: bool,
    /// Ranking.
    pub order: QuoteOrder,
    /// Quotes to return.
    pub limit: usize,
    /// Quotes to skip first.
    pub offset: usize,
    /// Also count matching articles per month or year.
    pub timeline: bool,
}

impl QuoteRequest {
    /// A request with the CLI's defaults.
    pub fn new(query: impl Into<String>) -> QuoteRequest {
        QuoteRequest {
            query: query.into(),
            filters: Filters::default(),
            direct_only: false,
            order: QuoteOrder::Relevance,
            limit: 10,
            offset: 0,
            timeline: false,
        }
    }
}

/// One quote found.
#[derive(Clone, Debug, Serialize)]
pub struct QuoteHit {
    /// 1-based position in the results.
    pub rank: usize,
    /// BM25 score (0 when ordered by date).
    pub score: Score,
    /// Who said it.
    pub speaker: String,
    /// True when the speaker is an organisation or group.
    pub organization: bool,
    /// The reporting cue as written.
    pub cue: String,
    /// What was said.
    pub text: String,
    /// Byte ranges of query terms in `text`.
    pub highlights: Vec<(usize, usize)>,
    /// True for words in quotation marks.
    pub direct: bool,
    /// Passage number within the article, from 0.
    pub passage: u64,
    /// Article identifier.
    pub article_id: String,
    /// Article file.
    pub path: String,
    /// Article headline.
    pub title: String,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// Outlet, when known.
    pub source: Option<String>,
    /// Topic folder.
    pub category: Option<String>,
}

/// The answer to a [`QuoteRequest`].
#[derive(Clone, Debug, Serialize)]
pub struct QuoteResults {
    /// The query as given.
    pub query: String,
    /// Quotes matching the query and filters.
    pub total: usize,
    /// False when `total` is an estimate (a speaker filter over more
    /// passages than are worth reading to count it exactly).
    pub total_exact: bool,
    /// The quotes, in the order asked for.
    pub hits: Vec<QuoteHit>,
    /// Articles with matching quotes per period, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Timeline>,
}

/// Longest quote shown whole, in characters; longer ones are cut around the matches.
const MAX_QUOTE_CHARS: usize = 400;

/// Fewest passages read to fill a page of quotes: enough that the quotes
/// saying the query's words can come first.
const MIN_PASSAGES_READ: usize = 20;

/// Most passages read to count a speaker's quotes exactly; past this, the
/// count is estimated from an even sample of them.
const COUNT_BUDGET: usize = 2_000;

/// Finds quotes.
pub fn search_quotes(index: &NewsIndex, request: &QuoteRequest) -> Result<QuoteResults> {
    check_page(request.limit, request.offset)?;
    let fields = &index.fields;
    let front_end = QueryFrontEnd::new(&index.index, fields);
    let matcher = Matcher::of_kind(
        index,
        &front_end,
        QUOTE,
        &request.query,
        &request.filters,
        true,
    )?;
    let selection = QuoteSelection::new(&request.filters, request.direct_only);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, matcher.full.box_clone())];
    // Only passages where a filtered speaker speaks can hold their quotes.
    if let Some(speaking) = request.filters.speaking_passages(fields) {
        clauses.push((Occur::Must, speaking));
    }
    if request.direct_only {
        let direct = TermQuery::new(
            Term::from_field_u64(fields.direct, 1),
            IndexRecordOption::Basic,
        );
        clauses.push((Occur::Must, Box::new(direct)));
    }
    let query: Box<dyn Query> = if clauses.len() == 1 {
        matcher.full.box_clone()
    } else {
        Box::new(BooleanQuery::new(clauses))
    };
    let searcher = index.reader.searcher();
    let by_score = request.order == QuoteOrder::Relevance && matcher.parsed.is_some();

    let mut analyzer = index
        .index
        .tokenizer_for_field(fields.text)
        .context("the index has no analyzer for passage text")?;
    let terms = highlight_terms(
        fields,
        matcher.whole.as_ref(),
        &request.filters,
        &mut analyzer,
    );

    // Expands the best passages into their quotes, reading more passages
    // until the page is full or none are left. Ranked by relevance, the
    // quotes that say the query's words come first among those read.
    let wanted = request.offset + request.limit;
    let mut passages_wanted = (2 * wanted).max(MIN_PASSAGES_READ);
    let mut found: Vec<(Score, TantivyDocument, StoredQuote, bool)>;
    loop {
        let ranked = ranked_passages(&searcher, query.as_ref(), by_score, passages_wanted)?;
        found = Vec::new();
        for &(score, address) in &ranked {
            let document: TantivyDocument = searcher.doc(address)?;
            for quote in stored_quotes(&document, fields) {
                if selection.admits(&quote) {
                    let mentions = !highlight(&quote.text, &mut analyzer, &terms).is_empty();
                    found.push((score, document.clone(), quote, mentions));
                }
            }
        }
        if found.len() >= wanted || ranked.len() < passages_wanted {
            break;
        }
        passages_wanted *= 2;
    }
    if by_score {
        // Stable: best passage first within each group.
        found.sort_by_key(|(_, _, _, mentions)| !mentions);
    }

    let mut hits = Vec::with_capacity(request.limit);
    for (rank, (score, document, quote, _)) in found
        .into_iter()
        .enumerate()
        .skip(request.offset)
        .take(request.limit)
    {
        let ranges = highlight(&quote.text, &mut analyzer, &terms);
        let shown = snippet(&quote.text, &ranges, MAX_QUOTE_CHARS);
        hits.push(QuoteHit {
            rank: rank + 1,
            score: if by_score { score } else { 0.0 },
            speaker: quote.speaker,
            organization: quote.organization,
            cue: quote.cue,
            text: shown.text,
            highlights: shown.ranges,
            direct: quote.direct,
            passage: document
                .get_first(fields.passage)
                .and_then(|value| value.as_u64())
                .unwrap_or(0),
            article_id: first_text(&document, fields.article_id),
            path: first_text(&document, fields.path),
            title: passage_headline(&document, fields),
            published: document
                .get_first(fields.published)
                .and_then(|value| value.as_datetime())
                .and_then(from_tantivy_date),
            source: Some(first_text(&document, fields.source)).filter(|s| !s.is_empty()),
            category: Some(first_text(&document, fields.category)).filter(|s| !s.is_empty()),
        });
    }
    let (total, total_exact) = count_quotes(&searcher, fields, query.as_ref(), &selection)?;
    let timeline = if request.timeline {
        Some(timeline(index, query.as_ref())?)
    } else {
        None
    };
    Ok(QuoteResults {
        query: request.query.clone(),
        total,
        total_exact,
        hits,
        timeline,
    })
}

/// The best `limit` passages: by score, or newest first.
fn ranked_passages(
    searcher: &Searcher,
    query: &dyn Query,
    by_score: bool,
    limit: usize,
) -> Result<Vec<(Score, DocAddress)>> {
    if by_score {
        return Ok(searcher.search(query, &TopDocs::with_limit(limit).order_by_score())?);
    }
    // Without words to rank by, the newest quotes are the useful ones.
    let newest = searcher.search(
        query,
        &TopDocs::with_limit(limit).order_by_fast_field::<DateTime>("published", Order::Desc),
    )?;
    Ok(newest
        .into_iter()
        .map(|(_, address)| (0.0, address))
        .collect())
}

/// Which of a passage's attributions a request wants.
struct QuoteSelection {
    /// The words of each filtered speaker; empty for everyone.
    speakers: Vec<Vec<String>>,
    /// Only words in quotation marks.
    direct_only: bool,
}

impl QuoteSelection {
    fn new(filters: &Filters, direct_only: bool) -> QuoteSelection {
        QuoteSelection {
            speakers: filters
                .speakers
                .iter()
                .map(|name| name_words(name))
                .collect(),
            direct_only,
        }
    }

    fn admits(&self, quote: &StoredQuote) -> bool {
        (!self.direct_only || quote.direct)
            && (self.speakers.is_empty()
                || self
                    .speakers
                    .iter()
                    .any(|words| name_matches(&quote.speaker, !quote.organization, words)))
    }
}

/// Counts the quotes a request selects in the passages matching `query`:
/// from the passages' quote counts when every quote of a passage counts,
/// else by reading the passages (an even sample of them past
/// [`COUNT_BUDGET`], the count then an estimate). Returns (count, exact).
fn count_quotes(
    searcher: &Searcher,
    fields: &Fields,
    query: &dyn Query,
    selection: &QuoteSelection,
) -> Result<(usize, bool)> {
    let tally = searcher.search(
        query,
        &QuoteTally {
            direct_only: selection.direct_only,
            keep_passages: !selection.speakers.is_empty(),
        },
    )?;
    if selection.speakers.is_empty() {
        return Ok((tally.quotes as usize, true));
    }
    let step = tally.passages.len().div_ceil(COUNT_BUDGET).max(1);
    let (mut selected, mut candidates) = (0u64, 0u64);
    for &(address, count) in tally.passages.iter().step_by(step) {
        let document: TantivyDocument = searcher.doc(address)?;
        let quotes = stored_quotes(&document, fields);
        selected += quotes
            .iter()
            .filter(|quote| selection.admits(quote))
            .count() as u64;
        candidates += count;
    }
    if step == 1 {
        return Ok((selected as usize, true));
    }
    let estimate = if candidates == 0 {
        0.0
    } else {
        tally.quotes as f64 * selected as f64 / candidates as f64
    };
    Ok((estimate.round() as usize, false))
}

/// Quote counts of the passages a query matches.
struct QuoteTally {
    /// Count quotes in quotation marks only.
    direct_only: bool,
    /// Also keep each passage and its count (to read them afterwards).
    keep_passages: bool,
}

/// What [`QuoteTally`] found.
#[derive(Default)]
struct Tally {
    /// Quotes in all matching passages.
    quotes: u64,
    /// Each matching passage and its quote count, when kept.
    passages: Vec<(DocAddress, u64)>,
}

struct SegmentTally {
    segment: SegmentOrdinal,
    counts: Option<Column<u64>>,
    keep_passages: bool,
    tally: Tally,
}

impl Collector for QuoteTally {
    type Fruit = Tally;
    type Child = SegmentTally;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTally> {
        let field = if self.direct_only {
            "direct_count"
        } else {
            "quote_count"
        };
        Ok(SegmentTally {
            segment,
            // A segment with no quotes at all has no column.
            counts: reader.fast_fields().u64(field).ok(),
            keep_passages: self.keep_passages,
            tally: Tally::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Tally>) -> tantivy::Result<Tally> {
        let mut merged = Tally::default();
        for fruit in fruits {
            merged.quotes += fruit.quotes;
            merged.passages.extend(fruit.passages);
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentTally {
    type Fruit = Tally;

    fn collect(&mut self, doc: DocId, _: Score) {
        let count = self
            .counts
            .as_ref()
            .and_then(|column| column.first(doc))
            .unwrap_or(0);
        self.tally.quotes += count;
        if self.keep_passages && count > 0 {
            self.tally
                .passages
                .push((DocAddress::new(self.segment, doc), count));
        }
    }

    fn harvest(self) -> Tally {
        self.tally
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(speaker: &str, organization: bool, direct: bool) -> StoredQuote {
        StoredQuote {
            speaker: speaker.into(),
            organization,
            cue: "said".into(),
            text: "the words said".into(),
            direct,
        }
    }

    #[test]
    fn a_speaker_filter_keeps_that_speakers_quotes_by_surname_or_full_name() {
        let filters = |names: &[&str]| Filters {
            speakers: names.iter().map(|name| name.to_string()).collect(),
            ..Filters::default()
        };
        let blair = QuoteSelection::new(&filters(&["blair"]), false);
        assert!(blair.admits(&quote("Tony Blair", false, false)));
        assert!(!blair.admits(&quote("Michael Howard", false, false)));
        let full = QuoteSelection::new(&filters(&["Tony  BLAIR"]), false);
        assert!(full.admits(&quote("Tony Blair", false, true)));
        // An organisation has no surname key.
        let democrats = QuoteSelection::new(&filters(&["democrats"]), false);
        assert!(!democrats.admits(&quote("Liberal Democrats", true, false)));
        let everyone = QuoteSelection::new(&Filters::default(), false);
        assert!(everyone.admits(&quote("Liberal Democrats", true, false)));
    }

    #[test]
    fn direct_only_keeps_words_in_quotation_marks() {
        let direct = QuoteSelection::new(&Filters::default(), true);
        assert!(direct.admits(&quote("Tony Blair", false, true)));
        assert!(!direct.admits(&quote("Tony Blair", false, false)));
    }
}
