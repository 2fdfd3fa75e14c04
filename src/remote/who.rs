//! Who speaks about a topic, through a Quickwit index: the speakers of the
//! matching passages (a terms aggregation per name field, with the distinct
//! articles of each name counted by a nested one), each with their best quote and passage on it, as
//! the local `who` gives them.
//!
//! The aggregation returns the names with the most passages; newsdex asks for
//! several times `limit` of them and orders them as locally (articles, then
//! passages, then name), so the list matches unless names tie far down.

use anyhow::Result;
use serde_json::{Value, json};

use super::Quickwit;
use super::quotes::search_quotes;
use super::search::{Scope, article_count, articles_aggregation, search};
use super::translate::Translator;
use crate::search::names::{NameCount, NameKind};
use crate::search::quotes::{QuoteRequest, QuoteResults};
use crate::search::who::{Engine, Voice, voices};
use crate::search::{Filters, SearchRequest, SearchResults};

/// Names asked of the aggregation per name wanted.
const OVERFETCH: usize = 5;

/// The exported field holding a kind of name.
fn field(kind: NameKind) -> &'static str {
    match kind {
        NameKind::Speaker => "speaker",
        NameKind::OrgSpeaker => "org_speaker",
        NameKind::Person => "person",
        NameKind::Organization => "organization",
        NameKind::Place => "place",
    }
}

/// Counts the names of `kinds` in passages matching `query` and `filters`,
/// most articles first.
pub fn count_names(
    engine: &Quickwit,
    query: &str,
    filters: &Filters,
    kinds: &[NameKind],
    limit: usize,
) -> Result<Vec<NameCount>> {
    let whole = Translator::new()
        .translate(query)?
        .map_or_else(|| "*".to_string(), |q| q.all);
    let scope = Scope::new(filters, true);
    let mut aggs = serde_json::Map::new();
    for &kind in kinds {
        aggs.insert(
            field(kind).to_string(),
            json!({
                "terms": {"field": field(kind), "size": (limit * OVERFETCH).max(50)},
                "aggs": {"articles": articles_aggregation()}
            }),
        );
    }
    let answer = engine.run(
        &scope.query(&whole),
        &scope,
        json!({"max_hits": 0, "aggs": aggs}),
    )?;
    let mut counts = Vec::new();
    for &kind in kinds {
        let pointer = format!("/aggregations/{}/buckets", field(kind));
        let buckets = answer
            .pointer(&pointer)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for bucket in buckets {
            let Some(name) = bucket.get("key").and_then(Value::as_str) else {
                continue;
            };
            counts.push(NameCount {
                name: name.to_string(),
                kind,
                articles: bucket.get("articles").map_or(0, article_count),
                passages: bucket.get("doc_count").and_then(Value::as_u64).unwrap_or(0) as usize,
            });
        }
    }
    counts.sort_by(|a, b| {
        (b.articles, b.passages)
            .cmp(&(a.articles, a.passages))
            .then_with(|| a.name.cmp(&b.name))
    });
    counts.truncate(limit);
    Ok(counts)
}

impl Engine for Quickwit {
    fn speakers(&self, query: &str, filters: &Filters, limit: usize) -> Result<Vec<NameCount>> {
        count_names(
            self,
            query,
            filters,
            &[NameKind::Speaker, NameKind::OrgSpeaker],
            limit,
        )
    }

    fn passages(&self, request: &SearchRequest) -> Result<SearchResults> {
        search(self, request)
    }

    fn quotes(&self, request: &QuoteRequest) -> Result<QuoteResults> {
        search_quotes(self, request)
    }
}

/// The `limit` speakers who speak most in the passages matching `query` and
/// `filters`, each with their best quote and passage on it.
pub fn who(engine: &Quickwit, query: &str, filters: &Filters, limit: usize) -> Result<Vec<Voice>> {
    voices(engine, query, filters, limit)
}
