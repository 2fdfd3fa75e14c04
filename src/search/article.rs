//! One whole article, rebuilt from its passage documents: for reading a hit
//! in full, with each passage's speakers and entities.

use std::collections::HashSet;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

use super::kind_query;
use crate::index::NewsIndex;
use crate::index::document::from_tantivy_date;
use crate::index::schema::{PASSAGE, passage_headline};

/// One passage of an article.
#[derive(Clone, Debug, Serialize)]
pub struct PassageView {
    /// Number within the article, from 0.
    pub passage: u64,
    /// The passage text.
    pub text: String,
    /// People who speak in it.
    pub speakers: Vec<String>,
    /// Organisations that speak in it.
    pub org_speakers: Vec<String>,
    /// People named in it.
    pub persons: Vec<String>,
    /// Organisations named in it.
    pub organizations: Vec<String>,
    /// Places named in it.
    pub places: Vec<String>,
}

/// A whole article.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleView {
    /// Article identifier.
    pub article_id: String,
    /// Its file.
    pub path: String,
    /// Headline.
    pub title: String,
    /// Outlet, when known.
    pub source: Option<String>,
    /// Topic folder.
    pub category: Option<String>,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// Everyone who speaks, in order of first appearance.
    pub speakers: Vec<String>,
    /// Organisations that speak.
    pub org_speakers: Vec<String>,
    /// People named.
    pub persons: Vec<String>,
    /// Organisations named.
    pub organizations: Vec<String>,
    /// Places named.
    pub places: Vec<String>,
    /// The passages in order.
    pub passages: Vec<PassageView>,
}

/// Loads the article with this id; `None` when the index has no such article.
pub fn load_article(index: &NewsIndex, article_id: &str) -> Result<Option<ArticleView>> {
    let fields = &index.fields;
    let searcher = index.reader.searcher();
    let query = BooleanQuery::intersection(vec![
        Box::new(TermQuery::new(
            Term::from_field_text(fields.article_id, article_id),
            IndexRecordOption::Basic,
        )),
        kind_query(fields, PASSAGE),
    ]);
    let addresses = searcher.search(&query, &DocSetCollector)?;
    let mut documents = Vec::with_capacity(addresses.len());
    for address in addresses {
        documents.push(searcher.doc::<TantivyDocument>(address)?);
    }
    let number = |document: &TantivyDocument| {
        document
            .get_first(fields.passage)
            .and_then(|value| value.as_u64())
            .unwrap_or(0)
    };
    documents.sort_by_key(number);
    let Some(first) = documents.first() else {
        return Ok(None);
    };
    let text = |document: &TantivyDocument, field: Field| {
        document
            .get_first(field)
            .and_then(|value| value.as_str())
            .map(str::to_string)
    };
    let texts = |document: &TantivyDocument, field: Field| -> Vec<String> {
        document
            .get_all(field)
            .filter_map(|value| value.as_str())
            .map(str::to_string)
            .collect()
    };
    let passages: Vec<PassageView> = documents
        .iter()
        .map(|document| PassageView {
            passage: number(document),
            text: text(document, fields.text).unwrap_or_default(),
            speakers: texts(document, fields.speaker),
            org_speakers: texts(document, fields.org_speaker),
            persons: texts(document, fields.person),
            organizations: texts(document, fields.organization),
            places: texts(document, fields.place),
        })
        .collect();
    let mut view = ArticleView::of_passages(article_id, passages);
    view.path = text(first, fields.path).unwrap_or_default();
    view.title = passage_headline(first, fields);
    view.source = text(first, fields.source);
    view.category = text(first, fields.category);
    view.published = first
        .get_first(fields.published)
        .and_then(|value| value.as_datetime())
        .and_then(from_tantivy_date);
    Ok(Some(view))
}

impl ArticleView {
    /// The view of an article from its passages, in order: the article's
    /// names are those of its passages, each once, in order of appearance.
    /// Path, title, source, category and date are left for the caller.
    pub fn of_passages(article_id: &str, passages: Vec<PassageView>) -> ArticleView {
        let union = |pick: fn(&PassageView) -> &Vec<String>| {
            let mut seen = HashSet::new();
            passages
                .iter()
                .flat_map(pick)
                .filter(|name| seen.insert(name.as_str()))
                .cloned()
                .collect::<Vec<String>>()
        };
        ArticleView {
            article_id: article_id.to_string(),
            path: String::new(),
            title: String::new(),
            source: None,
            category: None,
            published: None,
            speakers: union(|p| &p.speakers),
            org_speakers: union(|p| &p.org_speakers),
            persons: union(|p| &p.persons),
            organizations: union(|p| &p.organizations),
            places: union(|p| &p.places),
            passages,
        }
    }
}
