//! Quote search through a Quickwit index, answering with the local
//! [`QuoteResults`] so `quotes --engine` prints what `quotes` prints.
//!
//! Quote documents are exported beside passages (`kind: quote`); bare words
//! search only what was said, as locally. Ordering by relevance uses
//! Quickwit's BM25 order (scores are not returned, so `score` is 0); without
//! words, or with `--sort date`, newest first, undated quotes (the epoch
//! timestamp) last.

use anyhow::Result;
use serde_json::Value;

use super::Quickwit;
use super::search::{Scope, published, string, timeline};
use super::translate::Translator;
use crate::index::schema::QUOTE;
use crate::search::quotes::{QuoteHit, QuoteOrder, QuoteRequest, QuoteResults};
use crate::search::{check_page, snippet};

/// Longest quote shown whole, in characters, as locally.
const MAX_QUOTE_CHARS: usize = 400;

/// Finds quotes in the Quickwit index of `engine`.
pub fn search_quotes(engine: &Quickwit, request: &QuoteRequest) -> Result<QuoteResults> {
    check_page(request.limit, request.offset)?;
    let mut translator = Translator::text_only();
    let parsed = translator.translate(&request.query)?;
    let mut whole = parsed
        .as_ref()
        .map_or_else(|| "*".to_string(), |q| q.all.clone());
    if request.direct_only {
        whole = format!("({whole}) AND direct:1");
    }
    let scope = Scope::of_kind(&request.filters, true, QUOTE);
    let query = scope.query(&whole);
    let total = engine.count(&query, &scope)?;
    let wanted = request.offset + request.limit;
    let by_relevance = request.order == QuoteOrder::Relevance && parsed.is_some();
    let sort_by = if by_relevance { "_score" } else { "published" };
    let documents = engine.top_by(&query, &scope, wanted, sort_by)?;

    let terms = translator.highlight_terms(parsed.as_ref(), &request.filters);
    let analyzer = translator.analyzer();
    let hits = documents
        .iter()
        .enumerate()
        .skip(request.offset)
        .map(|(rank, document)| {
            let text = string(document, "text");
            let ranges = snippet::highlight(&text, analyzer, &terms);
            let shown = snippet::snippet(&text, &ranges, MAX_QUOTE_CHARS);
            let first = |name: &str| {
                document
                    .get(name)
                    .and_then(Value::as_array)
                    .and_then(|names| names.first())
                    .and_then(Value::as_str)
                    .map(str::to_string)
            };
            let org_speaker = first("org_speaker");
            let optional = |name: &str| Some(string(document, name)).filter(|s| !s.is_empty());
            QuoteHit {
                rank: rank + 1,
                score: 0.0,
                organization: org_speaker.is_some(),
                speaker: org_speaker.or_else(|| first("speaker")).unwrap_or_default(),
                cue: string(document, "cue"),
                text: shown.text,
                highlights: shown.ranges,
                direct: document.get("direct").and_then(Value::as_u64) == Some(1),
                passage: document.get("passage").and_then(Value::as_u64).unwrap_or(0),
                article_id: string(document, "article_id"),
                path: string(document, "path"),
                title: string(document, "headline"),
                published: published(document),
                source: optional("source"),
                category: optional("category"),
            }
        })
        .collect();
    let timeline = if request.timeline {
        Some(timeline(engine, &whole, &request.filters, QUOTE)?)
    } else {
        None
    };
    Ok(QuoteResults {
        query: request.query.clone(),
        total,
        total_exact: true,
        hits,
        timeline,
    })
}
