//! The JSON API: `/api/search`, `/api/article` and `/api/stats`.
//!
//! Handlers read their parameters from the query string, check them (a bad
//! one is a 400 whose `{"error": ...}` names it in one line), then run the
//! library's search on the blocking pool. Hits keep the shape of
//! `search --json`; a search adds `facets` and `histogram` beside them.
//! Parameters the API does not know are ignored.

use std::fs;
use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::live::LiveIndex;
use crate::index::duplicates::Membership;
use crate::index::{MANIFEST_FILE, Manifest, NewsIndex};
use crate::search::article::{ArticleView, load_article};
use crate::search::filters::FilterText;
use crate::search::names::{NameCount, NameKind, count_names};
use crate::search::query::QueryError;
use crate::search::timeline::{Timeline, timeline};
use crate::search::{Filters, Matcher, SearchRequest, SearchResults, search as run_search};

/// Most hits one request may ask for.
pub const MAX_LIMIT: usize = 100;
/// Deepest page: hits skipped at most.
pub const MAX_OFFSET: usize = 10_000;
/// Longest query, in characters.
pub const MAX_QUERY_CHARS: usize = 2_000;
/// Most passages per article one request may ask for.
pub const MAX_PER_ARTICLE: usize = 100;
/// Names listed per facet.
pub const FACET_SIZE: usize = 10;

/// An error answer: a status and `{"error": "<one line>"}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub(crate) fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    pub(crate) fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }
}

/// Query errors (bad syntax, bad dates, bad limits) are the caller's; the
/// rest (an unreadable index) are the server's.
impl From<anyhow::Error> for ApiError {
    fn from(error: anyhow::Error) -> ApiError {
        match error.downcast_ref::<QueryError>() {
            Some(query_error) => ApiError::bad_request(query_error.0.clone()),
            None => ApiError {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                message: format!("{error:#}"),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body {
            error: String,
        }
        let message = self.message.lines().collect::<Vec<_>>().join(" ");
        (self.status, Json(Body { error: message })).into_response()
    }
}

/// The query string as name/value pairs, in order (names may repeat).
pub(crate) type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Reads the pairs, turning an undecodable query string into a 400.
pub(crate) fn pairs(query: Pairs) -> Result<Params, ApiError> {
    match query {
        Ok(Query(pairs)) => Ok(Params(pairs)),
        Err(rejection) => Err(ApiError::bad_request(format!(
            "cannot read the query string: {}",
            rejection.body_text()
        ))),
    }
}

/// Query-string parameters, with checked accessors.
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    /// Every non-empty value of `name`, trimmed.
    fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_string())
            .filter(|value| !value.is_empty())
            .collect()
    }

    /// The value of `name`, when given and not empty; given twice is an error.
    pub(crate) fn one(&self, name: &str) -> Result<Option<String>, ApiError> {
        let mut values = self.all(name);
        if values.len() > 1 {
            return Err(ApiError::bad_request(format!(
                "`{name}` is given {} times: give it once",
                values.len()
            )));
        }
        Ok(values.pop())
    }

    /// A whole number in `min..=max`, or `default` when not given.
    pub(crate) fn number(
        &self,
        name: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, ApiError> {
        let Some(text) = self.one(name)? else {
            return Ok(default);
        };
        match text.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            Ok(_) => Err(ApiError::bad_request(format!(
                "`{name}={text}` is out of range: give {min} to {max}"
            ))),
            Err(_) => Err(ApiError::bad_request(format!(
                "`{name}={text}` is not a whole number: give {min} to {max}"
            ))),
        }
    }

    /// `true`/`false` (or `1`/`0`, `yes`/`no`), or `default` when not given.
    pub(crate) fn flag(&self, name: &str, default: bool) -> Result<bool, ApiError> {
        match self.one(name)?.as_deref() {
            None => Ok(default),
            Some("true" | "1" | "yes") => Ok(true),
            Some("false" | "0" | "no") => Ok(false),
            Some(other) => Err(ApiError::bad_request(format!(
                "`{name}={other}` is not a yes or no: give true or false"
            ))),
        }
    }

    /// Text no longer than `MAX_QUERY_CHARS`.
    pub(crate) fn text(&self, name: &str) -> Result<String, ApiError> {
        let text = self.one(name)?.unwrap_or_default();
        let chars = text.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(ApiError::bad_request(format!(
                "`{name}` is {chars} characters long: give at most {MAX_QUERY_CHARS}"
            )));
        }
        Ok(text)
    }

    /// The speaker, entity, source and date filters.
    pub(crate) fn filters(&self) -> Result<Filters, ApiError> {
        let text = FilterText {
            speakers: self.all("speaker"),
            entities: self.all("entity"),
            sources: self.all("source"),
            since: self.one("since")?,
            until: self.one("until")?,
            mentions: self.one("mentions")?,
        };
        let filters = text
            .parse()
            .map_err(|error| ApiError::bad_request(error.to_string()))?;
        let names = filters
            .speakers
            .iter()
            .chain(&filters.entities)
            .chain(&filters.sources);
        if let Some(long) = names.into_iter().find(|name| name.chars().count() > 200) {
            return Err(ApiError::bad_request(format!(
                "the name `{}…` is too long: give at most 200 characters",
                long.chars().take(20).collect::<String>()
            )));
        }
        Ok(filters)
    }
}

/// Runs blocking work (searching, opening an index) off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|error| {
            Err(ApiError {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                message: format!("the search failed: {error}"),
            })
        })
}

/// The most frequent names among the matching passages, by kind.
#[derive(Debug, Serialize)]
pub struct Facets {
    /// People and organisations who speak.
    pub speakers: Vec<NameCount>,
    /// People named.
    pub persons: Vec<NameCount>,
    /// Organisations named.
    pub organizations: Vec<NameCount>,
    /// Places named.
    pub places: Vec<NameCount>,
}

/// The answer to `/api/search`: the fields of `search --json`, plus facets,
/// the published-date histogram, and the page asked for.
#[derive(Debug, Serialize)]
pub struct SearchResponse {
    /// Query, totals and hits, as `search --json` prints them.
    #[serde(flatten)]
    pub results: SearchResults,
    /// Hits skipped before these.
    pub offset: usize,
    /// Hits asked for.
    pub limit: usize,
    /// Top names among all matching passages.
    pub facets: Facets,
    /// Matching articles per month or year of publication.
    pub histogram: Timeline,
}

/// `GET /api/search`.
pub async fn search(
    State(live): State<Arc<LiveIndex>>,
    query: Pairs,
) -> Result<Json<SearchResponse>, ApiError> {
    let request = search_request(query)?;
    blocking(move || search_response(&live.get(), &request).map(Json)).await
}

/// The search an `/api/search` query string asks for, checked.
pub(crate) fn search_request(query: Pairs) -> Result<SearchRequest, ApiError> {
    let params = pairs(query)?;
    Ok(SearchRequest {
        query: params.text("q")?,
        filters: params.filters()?,
        limit: params.number("limit", 10, 1, MAX_LIMIT)?,
        offset: params.number("offset", 0, 0, MAX_OFFSET)?,
        per_article: params.number("per_article", 1, 0, MAX_PER_ARTICLE)?,
        collapse_duplicates: params.flag("collapse", true)?,
        timeline: true,
        ..SearchRequest::new("")
    })
}

/// Runs a search with its facets. An empty query without filters is an
/// overview, not an error: no hits, totals 0, facets and histogram over the
/// whole index.
pub fn search_response(
    index: &NewsIndex,
    request: &SearchRequest,
) -> Result<SearchResponse, ApiError> {
    let query = request.query.trim();
    let filters = &request.filters;
    let (results, histogram) = if query.is_empty() && filters.is_empty() {
        let everything = Matcher::new(index, "", filters, true)?;
        let histogram = timeline(index, &everything.full)?;
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
        (results, histogram)
    } else {
        let mut results = run_search(index, request)?;
        let histogram = match results.timeline.take() {
            Some(histogram) => histogram,
            None => timeline(index, &Matcher::new(index, query, filters, true)?.full)?,
        };
        (results, histogram)
    };
    let count = |kinds: &[NameKind]| count_names(index, query, filters, kinds, FACET_SIZE);
    let facets = Facets {
        speakers: count(&[NameKind::Speaker, NameKind::OrgSpeaker])?,
        persons: count(&[NameKind::Person])?,
        organizations: count(&[NameKind::Organization])?,
        places: count(&[NameKind::Place])?,
    };
    Ok(SearchResponse {
        results,
        offset: request.offset,
        limit: request.limit,
        facets,
        histogram,
    })
}

/// `GET /api/article?id=`: the whole article, or a 404.
pub async fn article(
    State(live): State<Arc<LiveIndex>>,
    query: Pairs,
) -> Result<Json<ArticleView>, ApiError> {
    let params = pairs(query)?;
    let Some(id) = params.one("id")? else {
        return Err(ApiError::bad_request(
            "give the article with `id`, as in /api/article?id=corpus/story.txt",
        ));
    };
    if id.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::bad_request(format!(
            "`id` is too long: give at most {MAX_QUERY_CHARS} characters"
        )));
    }
    blocking(move || match load_article(&live.get(), &id)? {
        Some(article) => Ok(Json(article)),
        None => Err(ApiError::not_found(format!(
            "no article with id `{id}` in this index"
        ))),
    })
    .await
}

/// What `/api/stats` says about the index.
#[derive(Debug, Serialize)]
pub struct Stats {
    /// Articles indexed (from the manifest).
    pub articles: u64,
    /// Passages indexed (from the manifest).
    pub passages: u64,
    /// Groups of near-duplicate articles.
    pub duplicate_groups: usize,
    /// The index folder.
    pub index: String,
    /// The newsdex version serving it.
    pub version: &'static str,
}

/// `GET /api/stats`.
pub async fn stats(State(live): State<Arc<LiveIndex>>) -> Result<Json<Stats>, ApiError> {
    blocking(move || {
        let index = live.get();
        let path = index.dir.join(MANIFEST_FILE);
        let manifest: Manifest = fs::read_to_string(&path)
            .map_err(anyhow::Error::from)
            .and_then(|text| Ok(serde_json::from_str(&text)?))
            .map_err(|error| anyhow::anyhow!("cannot read {}: {error}", path.display()))?;
        let groups = Membership::load(&index.dir)?;
        Ok(Json(Stats {
            articles: manifest.articles,
            passages: manifest.passages,
            duplicate_groups: groups.group_count(),
            index: index.dir.display().to_string(),
            version: env!("CARGO_PKG_VERSION"),
        }))
    })
    .await
}

/// Any other path: a 404 in the API's error shape.
pub async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!("no such page: {}", uri.path()))
}
