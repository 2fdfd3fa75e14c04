//! Passage search through a Quickwit index, answering with the local
//! result types ([`SearchResults`], [`Hit`]) so every renderer works unchanged.
//!
//! The ranking follows local search: full matches first, then (with
//! `--speaker`/`--entity`) the passages where the name itself occurs before
//! the rest of the article, then passages matching most of the words, marked
//! with the words they miss. Per-article caps and near-duplicate collapsing
//! happen here, over a few more hits than asked for, because Quickwit has no
//! collapse. Snippets are cut and highlighted by `search::snippet` from the
//! stored passage, with the local stemmer, so they look as they do locally.
//!
//! What differs: Quickwit's search API returns the order of hits, not their
//! BM25 scores, so [`Hit::score`] is 0; and recall differs where the word
//! forms of `translate` do not cover what the local stemmer conflates.

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::{Value, json};

use super::Quickwit;
use super::translate::{RemoteQuery, Translator, filter_query, preferred_query};
use crate::export::mapping::{DUPLICATE_GROUP, DUPLICATES};
use crate::index::schema::PASSAGE;
use crate::search::diversity::Diversity;
use crate::search::query::QueryError;
use crate::search::timeline::{Timeline, bucket};
use crate::search::{Filters, Hit, SearchRequest, SearchResults, check_page, snippet};

/// A passage hit before it becomes a [`Hit`].
struct Candidate {
    document: Value,
    missing: Vec<String>,
    similar: usize,
}

/// Runs `request` against the Quickwit index of `engine`.
pub fn search(engine: &Quickwit, request: &SearchRequest) -> Result<SearchResults> {
    search_with(engine, request, Translator::new())
}

/// Like [`search`], translating with `translator` (e.g.
/// [`Translator::without_word_forms`], to measure the stemming gap).
pub fn search_with(
    engine: &Quickwit,
    request: &SearchRequest,
    mut translator: Translator,
) -> Result<SearchResults> {
    check_page(request.limit, request.offset)?;
    let parsed = translator.translate(&request.query)?;
    if parsed.is_none() && request.filters.is_empty() {
        return Err(QueryError(
            "empty query: give words to search for, or a filter such as --speaker".to_string(),
        )
        .into());
    }
    let whole = parsed
        .as_ref()
        .map_or_else(|| "*".to_string(), |q| q.all.clone());
    let scope = Scope::new(&request.filters, true);
    let full = scope.query(&whole);
    let partial = parsed
        .as_ref()
        .and_then(RemoteQuery::relaxed)
        .map(|q| scope.query(&q));

    let preferred = preferred_query(&request.filters);
    let mut tiers: Vec<(String, bool)> = Vec::new();
    for (base, is_partial) in [(Some(full.clone()), false), (partial.clone(), true)] {
        let Some(base) = base else { continue };
        match &preferred {
            Some(preferred) => {
                tiers.push((format!("({base}) AND {preferred}"), is_partial));
                tiers.push((format!("({base}) -{preferred}"), is_partial));
            }
            None => tiers.push((base, is_partial)),
        }
    }

    let total_full = engine.count(&full, &scope)?;
    let total_partial = match &partial {
        Some(query) => engine.count(query, &scope)?,
        None => 0,
    };
    let mut collector = Collector {
        collapse: request.collapse_duplicates,
        diversity: Diversity::new(request.per_article),
        picked: Vec::new(),
    };
    let wanted = request.offset + request.limit;
    for (query, is_partial) in &tiers {
        if collector.picked.len() >= wanted {
            break;
        }
        let remaining = wanted - collector.picked.len();
        collector.collect_tier(
            engine,
            &scope,
            query,
            is_partial.then_some(()).and(parsed.as_ref()),
            &mut translator,
            remaining,
        )?;
    }

    let undated_excluded = if request.filters.has_published_range() {
        let undated = Scope::new(&request.filters, false);
        Some(engine.distinct_articles(&undated.query(&whole), &undated)?)
    } else {
        None
    };
    let timeline = if request.timeline {
        Some(timeline(engine, &whole, &request.filters, PASSAGE)?)
    } else {
        None
    };

    let terms = translator.highlight_terms(parsed.as_ref(), &request.filters);
    let analyzer = translator.analyzer();
    let hits = collector
        .picked
        .into_iter()
        .skip(request.offset)
        .enumerate()
        .map(|(rank, candidate)| {
            let document = &candidate.document;
            let text = string(document, "text");
            let title = string(document, "title");
            let ranges = snippet::highlight(&text, analyzer, &terms);
            let shown = snippet::snippet(&text, &ranges, request.snippet_chars);
            Hit {
                rank: request.offset + rank + 1,
                score: 0.0,
                article_id: string(document, "article_id"),
                path: string(document, "path"),
                title_highlights: snippet::highlight(&title, analyzer, &terms),
                title,
                source: document
                    .get("source")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                category: document
                    .get("category")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                published: published(document),
                passage: document.get("passage").and_then(Value::as_u64).unwrap_or(0),
                snippet: shown.text,
                highlights: shown.ranges,
                text,
                speakers: strings(document, "speaker"),
                org_speakers: strings(document, "org_speaker"),
                persons: strings(document, "person"),
                organizations: strings(document, "organization"),
                places: strings(document, "place"),
                missing: candidate.missing,
                similar: candidate.similar,
            }
        })
        .collect();
    Ok(SearchResults {
        timeline,
        query: request.query.clone(),
        total: total_full + total_partial,
        total_full,
        // Quickwit counts partial matches with the same request that ranks them.
        total_partial: Some(total_partial),
        total_exact: true,
        undated_excluded,
        hits,
    })
}

/// The filters of a search as Quickwit clauses and timestamp bounds, over passages.
pub(crate) struct Scope {
    clauses: Vec<String>,
    /// `start_timestamp`: inclusive, seconds.
    pub start: Option<i64>,
    /// `end_timestamp`: exclusive, seconds.
    pub end: Option<i64>,
}

impl Scope {
    /// Passages within `filters`; see [`filter_query`] for `include_published`.
    pub(crate) fn new(filters: &Filters, include_published: bool) -> Scope {
        Scope::of_kind(filters, include_published, PASSAGE)
    }

    /// Documents of `kind` within `filters`.
    pub(crate) fn of_kind(filters: &Filters, include_published: bool, kind: &str) -> Scope {
        let (mut clauses, start, end) = filter_query(filters, include_published);
        clauses.push(format!("kind:{kind}"));
        Scope {
            clauses,
            start,
            end,
        }
    }

    /// `query` within the scope.
    pub(crate) fn query(&self, query: &str) -> String {
        format!("({query}) AND {}", self.clauses.join(" AND "))
    }
}

impl Quickwit {
    /// Runs one search request body and returns Quickwit's answer.
    pub(crate) fn run(&self, query: &str, scope: &Scope, extra: Value) -> Result<Value> {
        let mut body = json!({"query": query});
        if let (Some(map), Value::Object(extra)) = (body.as_object_mut(), extra) {
            map.extend(extra);
            if let Some(start) = scope.start {
                map.insert("start_timestamp".into(), json!(start));
            }
            if let Some(end) = scope.end {
                map.insert("end_timestamp".into(), json!(end));
            }
        }
        let bytes = serde_json::to_vec(&body)?;
        if std::env::var_os("NEWSDEX_QUICKWIT_LOG").is_some() {
            eprintln!("quickwit: POST /api/v1/{}/search {body}", self.index);
        }
        self.client.json(
            "POST",
            &format!("/api/v1/{}/search", self.index),
            Some(super::client::Body {
                content_type: "application/json",
                bytes: &bytes,
            }),
            true,
        )
    }

    /// How many documents match.
    pub(crate) fn count(&self, query: &str, scope: &Scope) -> Result<usize> {
        let answer = self.run(query, scope, json!({"max_hits": 0}))?;
        Ok(answer.get("num_hits").and_then(Value::as_u64).unwrap_or(0) as usize)
    }

    /// How many distinct articles have a matching document.
    pub(crate) fn distinct_articles(&self, query: &str, scope: &Scope) -> Result<usize> {
        let aggs = json!({"articles": articles_aggregation()});
        let answer = self.run(query, scope, json!({"max_hits": 0, "aggs": aggs}))?;
        Ok(answer
            .pointer("/aggregations/articles")
            .map_or(0, article_count))
    }

    /// The best `max_hits` documents by BM25.
    pub(crate) fn top(&self, query: &str, scope: &Scope, max_hits: usize) -> Result<Vec<Value>> {
        self.top_by(query, scope, max_hits, "_score")
    }

    /// The first `max_hits` documents in `sort_by` order (Quickwit's mini
    /// language: `_score`, `published` for newest first).
    pub(crate) fn top_by(
        &self,
        query: &str,
        scope: &Scope,
        max_hits: usize,
        sort_by: &str,
    ) -> Result<Vec<Value>> {
        let answer = self.run(
            query,
            scope,
            json!({"max_hits": max_hits, "sort_by": sort_by, "count_all": false}),
        )?;
        Ok(answer
            .get("hits")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default())
    }
}

/// Most distinct articles one aggregation counts exactly; Quickwit refuses
/// aggregations with more buckets than its limit (65,000 by default).
pub(crate) const MAX_ARTICLE_BUCKETS: usize = 60_000;

/// Distinct articles as a terms aggregation on the article key: exact, where
/// Quickwit's `cardinality` (HyperLogLog) is off by a few percent already at
/// a few hundred articles. Past [`MAX_ARTICLE_BUCKETS`] the count is a floor.
pub(crate) fn articles_aggregation() -> Value {
    json!({"terms": {"field": "article_key", "size": MAX_ARTICLE_BUCKETS}})
}

/// The count from an [`articles_aggregation`] answer.
pub(crate) fn article_count(aggregation: &Value) -> usize {
    aggregation
        .get("buckets")
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

/// Walks tiers in order, keeping the page varied (see [`Diversity`]).
struct Collector {
    collapse: bool,
    diversity: Diversity,
    picked: Vec<Candidate>,
}

impl Collector {
    fn collect_tier(
        &mut self,
        engine: &Quickwit,
        scope: &Scope,
        query: &str,
        partial: Option<&RemoteQuery>,
        translator: &mut Translator,
        wanted: usize,
    ) -> Result<()> {
        let mut fetch = wanted * 3 + 16;
        loop {
            let top = engine.top(query, scope, fetch)?;
            let exhausted = top.len() < fetch;
            let mut candidates: Vec<Candidate> = top
                .into_iter()
                .map(|document| Candidate {
                    document,
                    missing: Vec::new(),
                    similar: 0,
                })
                .collect();
            if let Some(parsed) = partial {
                for candidate in &mut candidates {
                    candidate.missing = missing_items(parsed, &candidate.document, translator);
                }
                candidates.sort_by_key(|candidate| candidate.missing.len());
            }
            let mut diversity = self.diversity.clone();
            let mut accepted = Vec::new();
            for mut candidate in candidates {
                if accepted.len() == wanted {
                    break;
                }
                let number = |name: &str| candidate.document.get(name).and_then(Value::as_u64);
                let key = number("article_key").unwrap_or(0);
                let size = number(DUPLICATES).unwrap_or(1) as usize;
                let duplicates = (self.collapse && size > 1)
                    .then(|| (number(DUPLICATE_GROUP).unwrap_or(key), size));
                if let Some(similar) = diversity.admit(key, duplicates) {
                    candidate.similar = similar;
                    accepted.push(candidate);
                }
            }
            if accepted.len() == wanted || exhausted {
                self.diversity = diversity;
                self.picked.extend(accepted);
                return Ok(());
            }
            fetch *= 4;
        }
    }
}

/// The items of a plain query a hit does not have: a word item is missing
/// when none of its stems occurs in the passage or title (as the local
/// stemmed index would judge); field items are judged by Quickwit alone.
fn missing_items(
    query: &RemoteQuery,
    document: &Value,
    translator: &mut Translator,
) -> Vec<String> {
    let mut stems: std::collections::HashSet<String> = translator
        .stems(&string(document, "text"))
        .into_iter()
        .collect();
    stems.extend(translator.stems(&string(document, "title")));
    query
        .items
        .iter()
        .filter(|item| !item.stems.is_empty() && !item.stems.iter().all(|s| stems.contains(s)))
        .map(|item| item.label.clone())
        .collect()
}

/// Matching articles per month or year, from a per-day histogram of
/// distinct articles (so a many-passage article counts once).
pub(crate) fn published_days(
    engine: &Quickwit,
    query: &str,
    scope: &Scope,
) -> Result<Vec<NaiveDate>> {
    let aggs = json!({
        "days": {
            "date_histogram": {"field": "published", "fixed_interval": "86400s", "min_doc_count": 1},
            "aggs": {"articles": articles_aggregation()}
        }
    });
    let answer = engine.run(query, scope, json!({"max_hits": 0, "aggs": aggs}))?;
    let mut days: Vec<NaiveDate> = Vec::new();
    let buckets = answer
        .pointer("/aggregations/days/buckets")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for day_bucket in buckets {
        let millis = day_bucket.get("key").and_then(Value::as_f64).unwrap_or(0.0);
        let articles = day_bucket.get("articles").map_or(0, article_count);
        if let Some(day) = chrono::DateTime::from_timestamp((millis / 1000.0) as i64, 0) {
            days.extend(std::iter::repeat_n(day.date_naive(), articles));
        }
    }
    Ok(days)
}

/// The timeline of the documents of `kind` matching `whole` and `filters`:
/// dated articles through the date bounds, undated ones counted apart (none
/// when a date bound is set), as locally.
pub(crate) fn timeline(
    engine: &Quickwit,
    whole: &str,
    filters: &Filters,
    kind: &str,
) -> Result<Timeline> {
    let dated = Scope::of_kind(filters, true, kind);
    let dated_query = format!("{} AND dated:true", dated.query(whole));
    let days = published_days(engine, &dated_query, &dated)?;
    let undated_articles = if filters.has_published_range() {
        0
    } else {
        let undated = Scope::of_kind(filters, true, kind);
        let undated_query = format!("{} AND dated:false", undated.query(whole));
        engine.distinct_articles(&undated_query, &undated)?
    };
    Ok(bucket(&days, undated_articles))
}

pub(crate) fn string(document: &Value, name: &str) -> String {
    document
        .get(name)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

pub(crate) fn strings(document: &Value, name: &str) -> Vec<String> {
    document
        .get(name)
        .and_then(Value::as_array)
        .map(|values| {
            values
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The publication day of a document, unless it is undated.
pub(crate) fn published(document: &Value) -> Option<NaiveDate> {
    if document.get("dated").and_then(Value::as_bool) == Some(false) {
        return None;
    }
    let text = document.get("published").and_then(Value::as_str)?;
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undated_documents_have_no_published_day() {
        let dated = json!({"published": "2025-03-14T00:00:00Z", "dated": true});
        assert_eq!(published(&dated), NaiveDate::from_ymd_opt(2025, 3, 14));
        let undated = json!({"published": "1970-01-01T00:00:00Z", "dated": false});
        assert_eq!(published(&undated), None);
    }

    #[test]
    fn scopes_add_the_kind_and_filters() {
        let filters = Filters {
            sources: vec!["BBC".into()],
            ..Filters::default()
        };
        let scope = Scope::new(&filters, true);
        assert_eq!(scope.query("x"), "(x) AND source:\"bbc\" AND kind:passage");
        assert_eq!((scope.start, scope.end), (None, None));
    }

    #[test]
    fn missing_items_are_judged_on_stems() {
        let mut translator = Translator::new();
        let query = translator
            .translate("oil prices dollar")
            .ok()
            .flatten()
            .expect("a query");
        let document = json!({"title": "Oil rises", "text": "The price of crude went up."});
        assert_eq!(
            missing_items(&query, &document, &mut translator),
            ["dollar"]
        );
    }
}
