//! `newsdex serve --engine quickwit=…`: the same page and JSON API, answered
//! from a Quickwit index through `remote` instead of a local index.
//!
//! Parameters are read and checked by `api`'s own helpers, so a bad request
//! gets the same 400; answers have the same shapes (`api::SearchResponse`,
//! `ArticleView`, `api::Stats`). What differs is said in README.md: hit
//! scores are 0, and `stats.index` names the Quickwit index.

use std::sync::Arc;

use anyhow::Result;
use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use serde_json::json;

use super::api::{
    ApiError, FACET_SIZE, Facets, Pairs, SearchResponse, Stats, blocking, pairs, search_request,
};
use super::page;
use crate::index::schema::PASSAGE;
use crate::remote::Quickwit;
use crate::remote::article::load_article;
use crate::remote::search::{Scope, article_count, search, timeline};
use crate::remote::translate::Translator;
use crate::remote::who::count_names;
use crate::search::names::NameKind;
use crate::search::{SearchRequest, SearchResults};

/// Serves the page and API over `engine` on `addr` until interrupted.
pub fn serve(engine: Quickwit, addr: &str) -> Result<()> {
    // No address in it: the announcement's only URL is the page's.
    let what = format!("the Quickwit index `{}`", engine.index);
    super::listen(addr, &what, router(Arc::new(engine)))
}

/// Every route, as the local server has them.
pub fn router(engine: Arc<Quickwit>) -> Router {
    Router::new()
        .route("/", get(page::index_html))
        .route("/app.js", get(page::app_js))
        .route("/style.css", get(page::style_css))
        .route("/api/search", get(search_handler))
        .route("/api/article", get(article_handler))
        .route("/api/stats", get(stats_handler))
        .fallback(super::api::not_found)
        .with_state(engine)
}

async fn search_handler(
    State(engine): State<Arc<Quickwit>>,
    query: Pairs,
) -> Result<Json<SearchResponse>, ApiError> {
    let request = search_request(query)?;
    blocking(move || search_response(&engine, &request).map(Json)).await
}

/// A search with its facets; an empty query without filters is an overview.
fn search_response(engine: &Quickwit, request: &SearchRequest) -> Result<SearchResponse, ApiError> {
    let query = request.query.trim();
    let filters = &request.filters;
    let (results, histogram) = if query.is_empty() && filters.is_empty() {
        let results = SearchResults {
            query: request.query.clone(),
            total: 0,
            total_full: 0,
            total_partial: Some(0),
            total_exact: true,
            undated_excluded: None,
            hits: Vec::new(),
            timeline: None,
        };
        (results, timeline(engine, "*", filters, PASSAGE)?)
    } else {
        let mut results = search(engine, request)?;
        let histogram = match results.timeline.take() {
            Some(histogram) => histogram,
            None => {
                let whole = Translator::new()
                    .translate(query)
                    .map_err(|error| ApiError::bad_request(error.0))?
                    .map_or_else(|| "*".to_string(), |q| q.all);
                timeline(engine, &whole, filters, PASSAGE)?
            }
        };
        (results, histogram)
    };
    let count = |kinds: &[NameKind]| count_names(engine, query, filters, kinds, FACET_SIZE);
    Ok(SearchResponse {
        results,
        offset: request.offset,
        limit: request.limit,
        facets: Facets {
            speakers: count(&[NameKind::Speaker, NameKind::OrgSpeaker])?,
            persons: count(&[NameKind::Person])?,
            organizations: count(&[NameKind::Organization])?,
            places: count(&[NameKind::Place])?,
        },
        histogram,
    })
}

async fn article_handler(
    State(engine): State<Arc<Quickwit>>,
    query: Pairs,
) -> Result<Json<crate::search::article::ArticleView>, ApiError> {
    let params = pairs(query)?;
    let Some(id) = params.one("id")? else {
        return Err(ApiError::bad_request(
            "give the article with `id`, as in /api/article?id=corpus/story.txt",
        ));
    };
    blocking(move || match load_article(&engine, &id)? {
        Some(article) => Ok(Json(article)),
        None => Err(ApiError::not_found(format!(
            "no article with id `{id}` in this index"
        ))),
    })
    .await
}

async fn stats_handler(State(engine): State<Arc<Quickwit>>) -> Result<Json<Stats>, ApiError> {
    blocking(move || {
        let scope = Scope::new(&Default::default(), true);
        let passages = engine.count(&scope.query("*"), &scope)?;
        let articles = engine.distinct_articles(&scope.query("*"), &scope)?;
        let groups = engine.run(
            &scope.query("duplicates:>1"),
            &scope,
            json!({"max_hits": 0, "aggs": {"groups": {"terms": {
                "field": "duplicate_group", "size": crate::remote::search::MAX_ARTICLE_BUCKETS
            }}}}),
        )?;
        Ok(Json(Stats {
            articles: articles as u64,
            passages: passages as u64,
            duplicate_groups: groups
                .pointer("/aggregations/groups")
                .map_or(0, article_count),
            index: format!("quickwit={}/{}", engine.client.base(), engine.index),
            version: env!("CARGO_PKG_VERSION"),
        }))
    })
    .await
}
