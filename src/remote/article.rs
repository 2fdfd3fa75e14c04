//! One whole article from a Quickwit index, rebuilt from its passage
//! documents into the local [`ArticleView`], for the search page.

use anyhow::Result;
use serde_json::{Value, json};

use super::Quickwit;
use super::search::{Scope, published, string, strings};
use crate::search::Filters;
use crate::search::article::{ArticleView, PassageView};

/// Most passages read for one article.
const MAX_PASSAGES: usize = 10_000;

/// Loads the article with this id; `None` when the index has no such article.
pub fn load_article(engine: &Quickwit, article_id: &str) -> Result<Option<ArticleView>> {
    let scope = Scope::new(&Filters::default(), true);
    let id = serde_json::to_string(article_id)?;
    let answer = engine.run(
        &scope.query(&format!("article_id:{id}")),
        &scope,
        json!({"max_hits": MAX_PASSAGES, "sort_by": "-passage"}),
    )?;
    let mut documents = answer
        .get("hits")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let number = |document: &Value| document.get("passage").and_then(Value::as_u64).unwrap_or(0);
    documents.sort_by_key(number);
    let Some(first) = documents.first() else {
        return Ok(None);
    };
    let passages: Vec<PassageView> = documents
        .iter()
        .map(|document| PassageView {
            passage: number(document),
            text: string(document, "text"),
            speakers: strings(document, "speaker"),
            org_speakers: strings(document, "org_speaker"),
            persons: strings(document, "person"),
            organizations: strings(document, "organization"),
            places: strings(document, "place"),
        })
        .collect();
    let optional = |field: &str| Some(string(first, field)).filter(|s| !s.is_empty());
    let mut view = ArticleView::of_passages(article_id, passages);
    view.path = string(first, "path");
    view.title = string(first, "title");
    view.source = optional("source");
    view.category = optional("category");
    view.published = published(first);
    Ok(Some(view))
}
