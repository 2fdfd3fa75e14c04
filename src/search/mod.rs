//! Searching the index: ranked passages with highlighted snippets.
//!
//! Ranking happens in tiers, each below the one before whatever its scores:
//! passages matching the whole query come first (and among them, with a
//! `--speaker` or `--entity` filter, those where the name itself speaks or
//! occurs), then passages matching only most of the words, marked with the
//! words they miss. Within a tier, BM25 (titles boosted) orders the hits.
//! Results are plain data; rendering is left to `output`.

pub mod article;
pub mod articles;
pub mod count;
pub mod diversity;
pub mod filters;
pub mod join;
pub mod names;
pub mod query;
pub mod quotes;
pub mod snippet;
pub mod timeline;
pub mod who;

use std::collections::HashSet;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EnableScoring, Occur, PhraseQuery, Query, QueryClone,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Score, Searcher, TantivyDocument, Term};

use crate::index::NewsIndex;
use crate::index::document::from_tantivy_date;
use crate::index::duplicates::Membership;
use crate::index::schema::{Fields, PASSAGE, passage_headline};
use articles::{ARTICLE_KEY_FIELD, DistinctArticles};
use count::{EXACT_BUDGET, Total, count_matches, few_postings, is_prunable};
use diversity::Diversity;
pub use filters::Filters;
use query::{ParsedQuery, QueryError, QueryFrontEnd};

/// Largest `--limit` accepted.
pub const MAX_LIMIT: usize = 10_000;

/// A search to run.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    /// Query text in the query syntax; may be empty when filters are given.
    pub query: String,
    /// Filters beside the query.
    pub filters: Filters,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip first (for pages after the first).
    pub offset: usize,
    /// Passages per article at most (0: no cap).
    pub per_article: usize,
    /// Longest snippet, in characters.
    pub snippet_chars: usize,
    /// Show one article per group of near-duplicates.
    pub collapse_duplicates: bool,
    /// Also count matching articles per month or year.
    pub timeline: bool,
}

impl SearchRequest {
    /// A request with the CLI's defaults.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            filters: Filters::default(),
            limit: 10,
            offset: 0,
            per_article: 1,
            snippet_chars: 320,
            collapse_duplicates: true,
            timeline: false,
        }
    }
}

/// One ranked passage.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    /// 1-based position in the results.
    pub rank: usize,
    /// BM25 score within its tier.
    pub score: Score,
    /// Article identifier.
    pub article_id: String,
    /// Article file.
    pub path: String,
    /// Article headline.
    pub title: String,
    /// Byte ranges of query terms in `title`.
    pub title_highlights: Vec<(usize, usize)>,
    /// Outlet, when known.
    pub source: Option<String>,
    /// Topic folder.
    pub category: Option<String>,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// Passage number within the article, from 0.
    pub passage: u64,
    /// The whole passage.
    pub text: String,
    /// The passage, or the best window of it.
    pub snippet: String,
    /// Byte ranges of query terms in `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// People who speak in this passage.
    pub speakers: Vec<String>,
    /// Organisations that speak in this passage.
    pub org_speakers: Vec<String>,
    /// People named in this passage.
    pub persons: Vec<String>,
    /// Organisations named in this passage.
    pub organizations: Vec<String>,
    /// Places named in this passage.
    pub places: Vec<String>,
    /// Query items this passage does not match (only for partial matches).
    pub missing: Vec<String>,
    /// Near-duplicate articles of this one, collapsed into this hit.
    pub similar: usize,
}

/// The answer to a [`SearchRequest`].
#[derive(Clone, Debug, Serialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Passages matching the query and filters: whole matches, plus partial
    /// ones when they were counted (see `total_partial`).
    pub total: usize,
    /// Of those, passages matching the whole query.
    pub total_full: usize,
    /// Of those, passages matching most of the query but not all of it;
    /// `None` when whole matches filled the page, so partial ones were
    /// neither needed nor counted (`total` is then `total_full`).
    pub total_partial: Option<usize>,
    /// False when the totals are estimates: past a few thousand matches,
    /// search samples rather than counts them all (see [`count`]).
    pub total_exact: bool,
    /// With a published-date filter: articles with matching passages left out
    /// because they have no published date.
    pub undated_excluded: Option<usize>,
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// Articles matching the whole query per period, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<timeline::Timeline>,
}

/// The queries a search runs, built once from the query text and filters.
pub struct Matcher {
    /// The parsed query, `None` when only filters were given.
    pub parsed: Option<ParsedQuery>,
    /// The whole query without filters (everything, when only filters were given).
    pub whole: Box<dyn Query>,
    /// Passages matching the whole query and the filters: the whole query
    /// itself when nothing narrows it, so that Tantivy sees a bare term or
    /// intersection of terms and can skip what cannot reach the top.
    pub full: Box<dyn Query>,
    /// Passages matching most of the query (not all of it) and the filters.
    pub partial: Option<BooleanQuery>,
    /// Passages matching any of the query's items, when nothing else narrows
    /// the query: ranked with pruning, whole matches dropped from what it
    /// finds, it gives the partial matches far faster than `partial`, whose
    /// exclusion of whole matches makes Tantivy score every candidate.
    pub relaxed: Option<Box<dyn Query>>,
    /// For a query of phrases (and words), the intersection of their words
    /// and the filters: cheaper to rank than the phrases, which must be
    /// scored match by match from their positions (and without filters
    /// Tantivy ranks it with pruning). Its best matches that hold the
    /// phrases are ranked by their words' scores (not the phrase's) and stand
    /// for the phrase query's best.
    pub proxy: Option<Box<dyn Query>>,
}

impl Matcher {
    /// Parses `query` and combines it with `filters`, over passages. An empty
    /// query is an error unless filters are given or `allow_everything` is set.
    pub fn new(
        index: &NewsIndex,
        query: &str,
        filters: &Filters,
        allow_everything: bool,
    ) -> Result<Matcher> {
        let front_end = QueryFrontEnd::new(&index.index, &index.fields);
        Matcher::of_kind(index, &front_end, PASSAGE, query, filters, allow_everything)
    }

    /// Like [`Matcher::new`], over the documents of `kind` with `front_end`.
    pub fn of_kind(
        index: &NewsIndex,
        front_end: &QueryFrontEnd,
        kind: &str,
        query: &str,
        filters: &Filters,
        allow_everything: bool,
    ) -> Result<Matcher> {
        let fields = &index.fields;
        let parsed = front_end.parse(query)?;
        if parsed.is_none() && filters.is_empty() && !allow_everything {
            return Err(QueryError(
                "empty query: give words to search for, or a filter such as --speaker".to_string(),
            )
            .into());
        }
        let whole: Box<dyn Query> = parsed.as_ref().map_or_else(
            || Box::new(AllQuery) as Box<dyn Query>,
            |p| p.all.box_clone(),
        );
        let mut filter_clauses = filters.clauses(fields, true);
        // Words anchored in passage text match passages only; passages with
        // quotes are always a narrower kind.
        if kind != PASSAGE || !parsed.as_ref().is_some_and(|parsed| parsed.anchored) {
            filter_clauses.push((Occur::Must, kind_query(fields, kind)));
        }
        let full: Box<dyn Query> = if filter_clauses.is_empty() {
            whole.box_clone()
        } else {
            Box::new(conjunction(whole.box_clone(), &filter_clauses, None))
        };
        let partial = parsed
            .as_ref()
            .and_then(ParsedQuery::relaxed)
            .map(|relaxed| conjunction(relaxed, &filter_clauses, Some(whole.box_clone())));
        let relaxed = parsed
            .as_ref()
            .and_then(ParsedQuery::relaxed)
            .filter(|relaxed| filter_clauses.is_empty() && is_prunable(relaxed.as_ref()));
        // The filters go into the proxy: ranking the words alone and
        // filtering their best afterwards must read deep for a narrow filter
        // (three months of twenty years: ten times the plain query's time at
        // 100,000 articles).
        let big = index.reader.searcher().num_docs() >= PROXY_MIN_DOCS;
        let proxy = parsed
            .as_ref()
            .filter(|_| big)
            .and_then(|_| words_of_phrases(whole.as_ref()))
            .map(|words| -> Box<dyn Query> {
                if filter_clauses.is_empty() {
                    words
                } else {
                    Box::new(conjunction(words, &filter_clauses, None))
                }
            });
        Ok(Matcher {
            parsed,
            whole,
            full,
            partial,
            relaxed,
            proxy,
        })
    }
}

/// Documents of one kind: [`PASSAGE`], or passages with attributions ([`QUOTE`]).
pub fn kind_query(fields: &Fields, kind: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(fields.kind, kind),
        IndexRecordOption::Basic,
    ))
}

/// Checks a page's size and start: one line naming the bad value.
pub fn check_page(limit: usize, offset: usize) -> Result<(), QueryError> {
    if limit == 0 || limit > MAX_LIMIT {
        return Err(QueryError(format!(
            "--limit {limit} is out of range: give 1 to {MAX_LIMIT}"
        )));
    }
    if offset > MAX_LIMIT {
        return Err(QueryError(format!(
            "offset {offset} is out of range: give 0 to {MAX_LIMIT}"
        )));
    }
    Ok(())
}

/// Runs a search.
pub fn search(index: &NewsIndex, request: &SearchRequest) -> Result<SearchResults> {
    check_page(request.limit, request.offset)?;
    let fields = &index.fields;
    let searcher = index.reader.searcher();
    let Matcher {
        parsed,
        whole,
        full,
        partial,
        relaxed,
        proxy,
    } = Matcher::new(index, &request.query, &request.filters, false)?;
    let preferred = request.filters.preferred_passages(fields);
    let timeline = if request.timeline {
        Some(timeline::timeline(index, &full)?)
    } else {
        None
    };
    let mut collector = HitCollector {
        searcher: &searcher,
        diversity: Diversity::new(request.per_article),
        duplicates: if request.collapse_duplicates {
            Some(index.duplicates()?)
        } else {
            None
        },
        picked: Vec::new(),
        article_columns: Vec::new(),
    };
    // Pages after the first are the same ranking with the earlier hits dropped.
    let wanted = request.offset + request.limit;
    // Each tier is counted in the pass that ranks it. Partial matches are
    // ranked, and counted, only when whole matches do not fill the page:
    // counting them is what costs most on long queries over big indexes.
    let total_full = match &proxy {
        Some(proxy) if preferred.is_none() => {
            collector.collect_tier(full.as_ref(), None, wanted, false, Some(proxy.as_ref()))?;
            count_matches(&searcher, full.as_ref(), EXACT_BUDGET)?
        }
        _ => collector.collect_tiers(full.as_ref(), preferred.as_deref(), None, wanted)?,
    };
    let total_partial = match (&partial, &relaxed, &parsed) {
        (Some(_), Some(relaxed), Some(parsed))
            if collector.picked.len() < wanted && preferred.is_none() =>
        {
            let remaining = wanted - collector.picked.len();
            let counted =
                collector.collect_tier(relaxed.as_ref(), Some(parsed), remaining, true, None)?;
            let any = match counted {
                Some(count) => Total { count, exact: true },
                None => count_matches(&searcher, relaxed.as_ref(), EXACT_BUDGET)?,
            };
            Some(Total {
                count: any.count.saturating_sub(total_full.count),
                exact: any.exact && total_full.exact,
            })
        }
        (Some(partial), _, _) if collector.picked.len() < wanted => {
            Some(collector.collect_tiers(partial, preferred.as_deref(), parsed.as_ref(), wanted)?)
        }
        (Some(_), _, _) => None,
        (None, _, _) => Some(Total::ZERO),
    };
    let picked: Vec<Picked> = collector.picked.into_iter().skip(request.offset).collect();

    let undated_excluded = if !request.filters.has_published_range() {
        None
    } else if filters::every_document_dated(&searcher) {
        Some(0)
    } else {
        let mut clauses = request.filters.clauses(fields, false);
        clauses.push((Occur::Must, kind_query(fields, PASSAGE)));
        clauses.push((Occur::MustNot, filters::has_published()));
        let undated = searcher.search(
            &conjunction(whole.box_clone(), &clauses, None),
            &DistinctArticles,
        )?;
        Some(undated.len())
    };

    let mut analyzer = index
        .index
        .tokenizer_for_field(fields.text)
        .context("the index has no analyzer for passage text")?;
    let terms = highlight_terms(fields, whole.as_ref(), &request.filters, &mut analyzer);
    let mut hits = Vec::with_capacity(picked.len());
    for (rank, picked) in picked.into_iter().enumerate() {
        let document: TantivyDocument = searcher.doc(picked.address)?;
        let text = first_text(&document, fields.text);
        let title = passage_headline(&document, fields);
        let ranges = snippet::highlight(&text, &mut analyzer, &terms);
        let shown = snippet::snippet(&text, &ranges, request.snippet_chars);
        hits.push(Hit {
            rank: request.offset + rank + 1,
            score: picked.score,
            article_id: first_text(&document, fields.article_id),
            path: first_text(&document, fields.path),
            title_highlights: snippet::highlight(&title, &mut analyzer, &terms),
            title,
            source: document
                .get_first(fields.source)
                .and_then(|v| v.as_str())
                .map(str::to_string),
            category: document
                .get_first(fields.category)
                .and_then(|v| v.as_str())
                .map(str::to_string),
            published: document
                .get_first(fields.published)
                .and_then(|v| v.as_datetime())
                .and_then(from_tantivy_date),
            passage: document
                .get_first(fields.passage)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
            snippet: shown.text,
            highlights: shown.ranges,
            text,
            speakers: all_texts(&document, fields.speaker),
            org_speakers: all_texts(&document, fields.org_speaker),
            persons: all_texts(&document, fields.person),
            organizations: all_texts(&document, fields.organization),
            places: all_texts(&document, fields.place),
            missing: picked.missing,
            similar: picked.similar,
        });
    }
    Ok(SearchResults {
        timeline,
        query: request.query.clone(),
        total: total_full.plus(total_partial.unwrap_or(Total::ZERO)).count,
        total_full: total_full.count,
        total_partial: total_partial.map(|total| total.count),
        total_exact: total_full.exact && total_partial.is_none_or(|total| total.exact),
        undated_excluded,
        hits,
    })
}

/// The analysed words to highlight: the query's terms on text and title, and
/// the words of the filtered speakers and entities, so a `--speaker` search
/// shows where the name stands.
pub(crate) fn highlight_terms(
    fields: &Fields,
    query: &dyn Query,
    filters: &Filters,
    analyzer: &mut TextAnalyzer,
) -> HashSet<String> {
    let mut terms = HashSet::new();
    query.query_terms(&mut |term, _| {
        let searched = [fields.text, fields.title, fields.quote].contains(&term.field());
        if let Some(text) = term.value().as_str().filter(|_| searched) {
            terms.insert(text.to_string());
        }
    });
    for name in filters.speakers.iter().chain(&filters.entities) {
        let mut stream = analyzer.token_stream(name);
        while stream.advance() {
            terms.insert(stream.token().text.clone());
        }
    }
    terms
}

/// A passage chosen for the results, before its stored fields are loaded.
struct Picked {
    address: DocAddress,
    score: Score,
    missing: Vec<String>,
    similar: usize,
}

/// Walks tiers in order, keeping the page varied (see [`Diversity`]).
struct HitCollector<'a> {
    searcher: &'a Searcher,
    diversity: Diversity,
    /// Near-duplicate groups by article key (group id, size), when collapsing.
    duplicates: Option<&'a Membership>,
    picked: Vec<Picked>,
    /// The article-key column of each segment, opened on first use.
    article_columns: Vec<Option<Column<u64>>>,
}

impl HitCollector<'_> {
    /// Ranks the passages of `base` until `wanted` hits are picked in all:
    /// with a preference, first those it selects, then the rest. Returns how
    /// many passages `base` matches (see [`count`]). `parsed` is given for partial matches,
    /// to mark the words each misses.
    fn collect_tiers(
        &mut self,
        base: &dyn Query,
        preferred: Option<&dyn Query>,
        parsed: Option<&ParsedQuery>,
        wanted: usize,
    ) -> Result<Total> {
        let tiers: Vec<Box<dyn Query>> = match preferred {
            Some(preferred) => vec![
                with_clause(base, Occur::Must, preferred),
                with_clause(base, Occur::MustNot, preferred),
            ],
            None => vec![base.box_clone()],
        };
        let mut total = Total::ZERO;
        for tier in &tiers {
            let remaining = wanted.saturating_sub(self.picked.len());
            let counted = if remaining > 0 {
                self.collect_tier(tier.as_ref(), parsed, remaining, false, None)?
            } else {
                None
            };
            let tier_total = match counted {
                Some(count) => Total { count, exact: true },
                None => count_matches(self.searcher, tier.as_ref(), EXACT_BUDGET)?,
            };
            total = total.plus(tier_total);
        }
        Ok(total)
    }

    /// Adds up to `wanted` hits from `tier`, fetching deeper when the
    /// per-article cap throws candidates away, and leaving out the passages
    /// that match every item of `parsed` when `partial_only` is set. With a
    /// `proxy` (see [`Matcher::proxy`]), ranks the proxy and keeps what
    /// matches `tier`, falling back to `tier` itself when too few of the
    /// proxy's best do. Returns the tier's size when it was counted on the way.
    fn collect_tier(
        &mut self,
        tier: &dyn Query,
        parsed: Option<&ParsedQuery>,
        wanted: usize,
        partial_only: bool,
        proxy: Option<&dyn Query>,
    ) -> Result<Option<usize>> {
        let mut fetch = wanted * 3 + 16;
        let ranked = proxy.unwrap_or(tier);
        // A query Tantivy can prune is ranked alone: counting in the same
        // pass would visit every match. Any other is visited whole to rank
        // it anyway, so it is counted in that pass; so is a union or
        // intersection of terms with few postings. A single term's count
        // costs nothing apart. A proxy's count is not the tier's: the caller
        // counts the tier.
        let prune = proxy.is_some()
            || ranked.as_any().is::<TermQuery>()
            || (is_prunable(ranked) && !few_postings(self.searcher, ranked)?);
        let (mut top, count) = if prune {
            let top = self
                .searcher
                .search(ranked, &TopDocs::with_limit(fetch).order_by_score())?;
            (top, None)
        } else {
            let (top, count) = self
                .searcher
                .search(tier, &(TopDocs::with_limit(fetch).order_by_score(), Count))?;
            (top, Some(count))
        };
        loop {
            let exhausted = top.len() < fetch;
            if proxy.is_some() {
                let addresses: Vec<DocAddress> = top.iter().map(|&(_, address)| address).collect();
                let mut matching = matches_each(self.searcher, tier, &addresses)?.into_iter();
                top.retain(|_| matching.next().unwrap_or(false));
            }
            let mut candidates: Vec<Picked> = top
                .into_iter()
                .map(|(score, address)| Picked {
                    address,
                    score,
                    missing: Vec::new(),
                    similar: 0,
                })
                .collect();
            if let Some(parsed) = parsed {
                self.mark_missing(parsed, &mut candidates)?;
                if partial_only {
                    candidates.retain(|picked| !picked.missing.is_empty());
                }
                // Most words matched first; BM25 breaks ties (the sort is stable).
                candidates.sort_by_key(|picked| picked.missing.len());
            }
            // Decided on a copy: a deeper fetch starts again from the same state.
            let mut diversity = self.diversity.clone();
            let mut accepted = Vec::new();
            for mut candidate in candidates {
                if accepted.len() == wanted {
                    break;
                }
                let key = self.article_of(candidate.address)?;
                let duplicates = self.duplicates.and_then(|groups| groups.get(key));
                if let Some(similar) = diversity.admit(key, duplicates) {
                    candidate.similar = similar;
                    accepted.push(candidate);
                }
            }
            if accepted.len() == wanted || exhausted {
                self.diversity = diversity;
                self.picked.extend(accepted);
                return Ok(count);
            }
            fetch *= 4;
            if proxy.is_some() && fetch > MAX_PROXY_FETCH {
                // The proxy's best rarely match: rank the tier itself.
                return self.collect_tier(tier, parsed, wanted, partial_only, None);
            }
            top = self
                .searcher
                .search(ranked, &TopDocs::with_limit(fetch).order_by_score())?;
        }
    }

    fn article_of(&mut self, address: DocAddress) -> Result<u64> {
        let segment_ord = address.segment_ord as usize;
        if self.article_columns.len() <= segment_ord {
            self.article_columns.resize(segment_ord + 1, None);
        }
        let column = match &self.article_columns[segment_ord] {
            Some(column) => column.clone(),
            None => {
                let segment = self.searcher.segment_reader(address.segment_ord);
                let column = segment.fast_fields().u64(ARTICLE_KEY_FIELD)?;
                self.article_columns[segment_ord] = Some(column.clone());
                column
            }
        };
        // Every passage has a key; a missing one counts as its own article.
        Ok(column
            .first(address.doc_id)
            .unwrap_or(u64::from(address.segment_ord) << 32 | u64::from(address.doc_id)))
    }

    /// Records, for each candidate, the query items it does not match.
    fn mark_missing(&self, parsed: &ParsedQuery, candidates: &mut [Picked]) -> Result<()> {
        let addresses: Vec<DocAddress> = candidates.iter().map(|picked| picked.address).collect();
        for item in &parsed.items {
            let matching = matches_each(self.searcher, item.query.as_ref(), &addresses)?;
            for (candidate, matches) in candidates.iter_mut().zip(matching) {
                if !matches {
                    candidate.missing.push(item.label.clone());
                }
            }
        }
        Ok(())
    }
}

/// `main`, plus filter clauses that do not change scores, minus `excluded`.
fn conjunction(
    main: Box<dyn Query>,
    filters: &[(Occur, Box<dyn Query>)],
    excluded: Option<Box<dyn Query>>,
) -> BooleanQuery {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, main)];
    for (occur, query) in filters {
        clauses.push((*occur, unscored(query.box_clone())));
    }
    if let Some(excluded) = excluded {
        clauses.push((Occur::MustNot, excluded));
    }
    BooleanQuery::new(clauses)
}

/// `base` with one more unscored clause.
fn with_clause(base: &dyn Query, occur: Occur, extra: &dyn Query) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, base.box_clone()),
        (occur, unscored(extra.box_clone())),
    ]))
}

/// Whether each of `addresses` matches `query`. Visits them segment by
/// segment in doc order, so one scorer per segment seeks forward through all.
fn matches_each(
    searcher: &Searcher,
    query: &dyn Query,
    addresses: &[DocAddress],
) -> Result<Vec<bool>> {
    let mut order: Vec<usize> = (0..addresses.len()).collect();
    order.sort_by_key(|&i| (addresses[i].segment_ord, addresses[i].doc_id));
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut matching = vec![false; addresses.len()];
    let mut scorer: Option<(u32, Box<dyn tantivy::query::Scorer>)> = None;
    for i in order {
        let address = addresses[i];
        if scorer
            .as_ref()
            .is_none_or(|(segment, _)| *segment != address.segment_ord)
        {
            let segment = searcher.segment_reader(address.segment_ord);
            scorer = Some((address.segment_ord, weight.scorer(segment, 1.0)?));
        }
        let Some((_, scorer)) = scorer.as_mut() else {
            continue;
        };
        // The scorer sits on its current match, which may be past `doc`.
        let doc = address.doc_id;
        let current = scorer.doc();
        matching[i] = current == doc || (current < doc && scorer.seek(doc) == doc);
    }
    Ok(matching)
}

/// Documents an index needs before phrases are ranked through a proxy (see
/// [`Matcher::proxy`]): on smaller ones scoring every phrase match is as
/// cheap (the same at 540,000 passages) or cheaper (0.06 against 0.10 ms on
/// the BBC set) than checking the proxy's best and counting apart; at 5.4
/// million it is four times dearer.
const PROXY_MIN_DOCS: u64 = 1_000_000;

/// Most candidates a proxy is asked for (see [`Matcher::proxy`]) before the
/// query it stands for is ranked itself.
const MAX_PROXY_FETCH: usize = 3_000;

/// The terms of `query`'s phrases and words, all required, as a query
/// Tantivy can rank with pruning; `None` unless `query` is a phrase or an
/// intersection of words and at least one phrase.
fn words_of_phrases(query: &dyn Query) -> Option<Box<dyn Query>> {
    let any = query.as_any();
    let mut terms: Vec<Term> = Vec::new();
    let mut phrases = 0;
    let mut add = |query: &dyn Query| -> bool {
        let any = query.as_any();
        if let Some(phrase) = any.downcast_ref::<PhraseQuery>() {
            terms.extend(phrase.phrase_terms());
            phrases += 1;
            true
        } else if let Some(term) = any.downcast_ref::<TermQuery>() {
            terms.push(term.term().clone());
            true
        } else {
            false
        }
    };
    let whole = if let Some(boolean) = any.downcast_ref::<BooleanQuery>() {
        boolean
            .clauses()
            .iter()
            .all(|(occur, clause)| *occur == Occur::Must && add(clause.as_ref()))
    } else {
        add(query)
    };
    terms.sort();
    terms.dedup();
    (whole && phrases > 0).then(|| {
        let clauses = terms
            .into_iter()
            .map(|term| {
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Must, query)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>
    })
}

/// Wraps a filter so that it selects documents without adding to their score.
fn unscored(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

pub(crate) fn first_text(document: &TantivyDocument, field: Field) -> String {
    document
        .get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

fn all_texts(document: &TantivyDocument, field: Field) -> Vec<String> {
    document
        .get_all(field)
        .filter_map(|v| v.as_str())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::Index;
    use tantivy::schema::{STRING, Schema, TEXT};

    fn term(field: Field, text: &str) -> Term {
        Term::from_field_text(field, text)
    }

    #[test]
    fn phrases_stand_for_the_intersection_of_their_words() {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let _ = builder.build();
        let phrase = PhraseQuery::new(vec![term(text, "prime"), term(text, "minister")]);
        let proxy = words_of_phrases(&phrase).expect("a phrase has a proxy");
        let boolean = proxy
            .as_any()
            .downcast_ref::<BooleanQuery>()
            .expect("an intersection");
        assert_eq!(boolean.clauses().len(), 2);
        assert!(is_prunable(proxy.as_ref()));
        // A phrase and a word: three terms, all required; a repeated word once.
        let both = BooleanQuery::new(vec![
            (Occur::Must, Box::new(phrase.clone()) as Box<dyn Query>),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    term(text, "prime"),
                    IndexRecordOption::WithFreqs,
                )),
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    term(text, "blair"),
                    IndexRecordOption::WithFreqs,
                )),
            ),
        ]);
        let proxy = words_of_phrases(&both).expect("phrases and words have a proxy");
        let boolean = proxy.as_any().downcast_ref::<BooleanQuery>();
        assert_eq!(boolean.map(|b| b.clauses().len()), Some(3));
        // Words alone need no proxy; an alternative has none.
        let word = TermQuery::new(term(text, "blair"), IndexRecordOption::WithFreqs);
        assert!(words_of_phrases(&word).is_none());
        let either = BooleanQuery::new(vec![
            (Occur::Should, Box::new(phrase) as Box<dyn Query>),
            (Occur::Should, Box::new(word) as Box<dyn Query>),
        ]);
        assert!(words_of_phrases(&either).is_none());
    }

    #[test]
    fn matches_each_answers_in_the_order_asked() -> tantivy::Result<()> {
        let mut builder = Schema::builder();
        let word = builder.add_text_field("word", STRING);
        let index = Index::create_in_ram(builder.build());
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        for i in 0..100 {
            let mut doc = TantivyDocument::default();
            doc.add_text(word, if i % 3 == 0 { "three" } else { "other" });
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        let query = TermQuery::new(term(word, "three"), IndexRecordOption::Basic);
        let addresses: Vec<DocAddress> = [99, 3, 4, 0, 50, 51]
            .into_iter()
            .map(|doc| DocAddress::new(0, doc))
            .collect();
        let matching = matches_each(&searcher, &query, &addresses)
            .map_err(|error| tantivy::TantivyError::InternalError(error.to_string()))?;
        assert_eq!(matching, vec![true, true, false, true, false, true]);
        Ok(())
    }
}
