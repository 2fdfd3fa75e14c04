//! Searching what was said: quotes (attributions) as results of their own.
//!
//! Each attribution found at index time is a document of kind `quote`: the
//! speaker, the reporting cue, the words said (quoted, or the reported
//! clause), and its article. Bare query words search only what was said.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryClone, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DateTime, DocAddress, Order, Score, TantivyDocument, Term};

use super::query::QueryFrontEnd;
use super::snippet::{highlight, snippet};
use super::timeline::{Timeline, timeline};
use super::{Filters, Matcher, check_page, first_text, highlight_terms};
use crate::index::NewsIndex;
use crate::index::document::from_tantivy_date;
use crate::index::schema::QUOTE;

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
    /// The quotes, in the order asked for.
    pub hits: Vec<QuoteHit>,
    /// Articles with matching quotes per period, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Timeline>,
}

/// Longest quote shown whole, in characters; longer ones are cut around the matches.
const MAX_QUOTE_CHARS: usize = 400;

/// Finds quotes.
pub fn search_quotes(index: &NewsIndex, request: &QuoteRequest) -> Result<QuoteResults> {
    check_page(request.limit, request.offset)?;
    let fields = &index.fields;
    let front_end = QueryFrontEnd::quotes(&index.index, fields);
    let matcher = Matcher::of_kind(
        index,
        &front_end,
        QUOTE,
        &request.query,
        &request.filters,
        true,
    )?;
    let query: Box<dyn Query> = if request.direct_only {
        let direct = TermQuery::new(
            Term::from_field_u64(fields.direct, 1),
            IndexRecordOption::Basic,
        );
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, matcher.full.box_clone()),
            (Occur::Must, Box::new(direct)),
        ]))
    } else {
        matcher.full.box_clone()
    };
    let searcher = index.reader.searcher();
    let wanted = request.offset + request.limit;
    // Ranked and counted in one pass over the matches.
    let (ranked, total): (Vec<(Score, DocAddress)>, usize) = match request.order {
        QuoteOrder::Relevance if matcher.parsed.is_some() => searcher.search(
            query.as_ref(),
            &(TopDocs::with_limit(wanted).order_by_score(), Count),
        )?,
        // Without words to rank by, the newest quotes are the useful ones.
        _ => {
            let (newest, total) = searcher.search(
                query.as_ref(),
                &(
                    TopDocs::with_limit(wanted)
                        .order_by_fast_field::<DateTime>("published", Order::Desc),
                    Count,
                ),
            )?;
            let newest = newest.into_iter().map(|(_, address)| (0.0, address));
            (newest.collect(), total)
        }
    };
    let mut analyzer = index
        .index
        .tokenizer_for_field(fields.quote)
        .context("the index has no analyzer for quote text")?;
    let terms = highlight_terms(
        fields,
        matcher.whole.as_ref(),
        &request.filters,
        &mut analyzer,
    );
    let mut hits = Vec::with_capacity(request.limit);
    for (rank, (score, address)) in ranked.into_iter().enumerate().skip(request.offset) {
        let document: TantivyDocument = searcher.doc(address)?;
        let text = first_text(&document, fields.quote);
        let ranges = highlight(&text, &mut analyzer, &terms);
        let shown = snippet(&text, &ranges, MAX_QUOTE_CHARS);
        let org_speaker = first_text(&document, fields.org_speaker);
        hits.push(QuoteHit {
            rank: rank + 1,
            score,
            organization: !org_speaker.is_empty(),
            speaker: if org_speaker.is_empty() {
                first_text(&document, fields.speaker)
            } else {
                org_speaker
            },
            cue: first_text(&document, fields.cue),
            text: shown.text,
            highlights: shown.ranges,
            direct: document
                .get_first(fields.direct)
                .and_then(|value| value.as_u64())
                == Some(1),
            passage: document
                .get_first(fields.passage)
                .and_then(|value| value.as_u64())
                .unwrap_or(0),
            article_id: first_text(&document, fields.article_id),
            path: first_text(&document, fields.path),
            title: first_text(&document, fields.headline),
            published: document
                .get_first(fields.published)
                .and_then(|value| value.as_datetime())
                .and_then(from_tantivy_date),
            source: Some(first_text(&document, fields.source)).filter(|s| !s.is_empty()),
            category: Some(first_text(&document, fields.category)).filter(|s| !s.is_empty()),
        });
    }
    let timeline = if request.timeline {
        Some(timeline(index, query.as_ref())?)
    } else {
        None
    };
    Ok(QuoteResults {
        query: request.query.clone(),
        total,
        hits,
        timeline,
    })
}
