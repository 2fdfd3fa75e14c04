//! Who speaks about a topic: the speakers most present in the passages that
//! match a query, each with their best-matching quote on it (or, when no
//! quote of theirs matches, the best passage where they speak).

use anyhow::Result;
use serde::Serialize;

use super::names::{NameCount, NameKind, count_names};
use super::quotes::{QuoteHit, QuoteRequest, QuoteResults, search_quotes};
use super::{Filters, Hit, SearchRequest, SearchResults, search};
use crate::index::NewsIndex;

/// One speaker and their best passage on the topic.
#[derive(Clone, Debug, Serialize)]
pub struct Voice {
    /// The speaker and how often they speak in matching passages.
    #[serde(flatten)]
    pub count: NameCount,
    /// Their best-matching quote on the topic.
    pub quote: Option<QuoteHit>,
    /// The best-ranked matching passage where they speak.
    pub best: Option<Hit>,
}

/// What [`voices`] needs of a search engine, so the local index and a
/// remote cluster answer `who` the same way.
pub trait Engine {
    /// The `limit` speakers (people and organisations) of the passages
    /// matching `query` and `filters`, most present first.
    fn speakers(&self, query: &str, filters: &Filters, limit: usize) -> Result<Vec<NameCount>>;
    /// Ranked passages.
    fn passages(&self, request: &SearchRequest) -> Result<SearchResults>;
    /// Ranked quotes.
    fn quotes(&self, request: &QuoteRequest) -> Result<QuoteResults>;
}

impl Engine for NewsIndex {
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

/// The `limit` speakers (people and organisations) who speak most in the
/// passages matching `query` and `filters`, with their best passage each.
pub fn who(index: &NewsIndex, query: &str, filters: &Filters, limit: usize) -> Result<Vec<Voice>> {
    voices(index, query, filters, limit)
}

/// [`who`] over any [`Engine`].
pub fn voices(
    engine: &dyn Engine,
    query: &str,
    filters: &Filters,
    limit: usize,
) -> Result<Vec<Voice>> {
    let counts = engine.speakers(query, filters, limit)?;
    let mut voices = Vec::with_capacity(counts.len());
    for count in counts {
        // With a speaker filter, passages where the name speaks rank first.
        let mut request = SearchRequest::new(query);
        request.filters = Filters {
            speakers: vec![count.name.clone()],
            ..filters.clone()
        };
        request.limit = 1;
        let best = engine
            .passages(&request)?
            .hits
            .into_iter()
            .next()
            .filter(|hit| {
                hit.speakers.contains(&count.name) || hit.org_speakers.contains(&count.name)
            });
        let mut quotes = QuoteRequest::new(query);
        quotes.filters = request.filters.clone();
        quotes.limit = 1;
        let quote = engine.quotes(&quotes)?.hits.into_iter().next();
        voices.push(Voice { count, quote, best });
    }
    Ok(voices)
}
