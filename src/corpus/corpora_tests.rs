//! Parses the real corpora shipped with the project (BBC, Wikinews, seed) and
//! checks every file comes out as a good article.
//!
//! The corpora live outside the crate: `$NEWSDEX_CORPORA`, else
//! `../shared/corpora` beside the crate. When they are missing the tests print
//! a note and pass, except under CI (`CI=true`), where they must run.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{Article, Found, Problem, find_article_files, parse_file};

fn corpora() -> Option<PathBuf> {
    // An explicit location wins, even when wrong: a typo must not quietly
    // fall back to another copy.
    let dir = match std::env::var_os("NEWSDEX_CORPORA") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"),
    };
    if dir.is_dir() {
        return Some(dir);
    }
    let message = format!(
        "corpora not found at {} (set NEWSDEX_CORPORA, or put them in ../shared/corpora)",
        dir.display()
    );
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
    eprintln!("note: {message}; skipping");
    None
}

/// Walks and parses everything under `root`.
fn parse_tree(root: &Path) -> (Vec<Article>, Vec<Problem>) {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for found in find_article_files(&[root.to_path_buf()]) {
        match found {
            Found::Article { path, format } => parse_file(&path, format, &mut |r| match r {
                Ok(article) => articles.push(article),
                Err(problem) => problems.push(problem),
            }),
            Found::Skipped(problem) => problems.push(problem),
        }
    }
    (articles, problems)
}

fn assert_well_formed(article: &Article) {
    assert!(
        !article.title.trim().is_empty(),
        "{}: empty title",
        article.id
    );
    assert!(
        !article.paragraphs.is_empty(),
        "{}: no paragraphs",
        article.id
    );
    for p in &article.paragraphs {
        assert!(
            !p.is_empty() && p.trim() == p,
            "{}: bad paragraph {p:?}",
            article.id
        );
        assert!(
            !p.contains('\n') && !p.contains("  "),
            "{}: {p:?}",
            article.id
        );
    }
}

#[test]
fn bbc_corpus() {
    let Some(corpora) = corpora() else { return };
    let start = Instant::now();
    let (articles, problems) = parse_tree(&corpora.join("bbc"));
    eprintln!("bbc: {} articles in {:?}", articles.len(), start.elapsed());
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(articles.len(), 2225);
    for article in &articles {
        assert_well_formed(article);
        let category = article.category.as_deref().unwrap_or_default();
        assert!(
            ["business", "entertainment", "politics", "sport", "tech"].contains(&category),
            "{}: category {category}",
            article.id
        );
    }
    let first = articles
        .iter()
        .find(|a| a.path.ends_with("business/001.txt"))
        .expect("business/001.txt");
    assert_eq!(first.title, "Ad sales boost Time Warner profit");
    assert!(first.paragraphs[0].starts_with("Quarterly profits at US media giant TimeWarner"));
    assert_eq!(first.paragraphs.len(), 5);
    // The one Latin-1 file: its pound sign must survive.
    let latin1 = articles
        .iter()
        .find(|a| a.path.ends_with("sport/199.txt"))
        .expect("sport/199.txt");
    assert!(
        latin1.paragraphs.iter().any(|p| p.contains('£')),
        "{latin1:#?}"
    );
    assert!(!latin1.paragraphs.iter().any(|p| p.contains('\u{FFFD}')));
}

#[test]
fn wikinews_corpus() {
    let Some(corpora) = corpora() else { return };
    let start = Instant::now();
    let (articles, problems) = parse_tree(&corpora.join("wikinews"));
    eprintln!(
        "wikinews: {} articles in {:?}",
        articles.len(),
        start.elapsed()
    );
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(articles.len(), 411);
    for article in &articles {
        assert_well_formed(article);
        let published = article
            .published
            .expect("every Wikinews article has a date");
        // Files are named after their date: YYYY-MM-DD_slug.md.
        let name = article
            .path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy();
        assert!(
            name.starts_with(&published.format("%Y-%m-%d").to_string()),
            "{}: {published}",
            article.id
        );
        assert!(!article.title.starts_with('"') && !article.title.contains('*'));
    }
}

#[test]
fn seed_article_without_a_title_line() {
    let Some(corpora) = corpora() else { return };
    let (articles, problems) = parse_tree(&corpora.join("seed"));
    assert!(problems.is_empty(), "{problems:#?}");
    let [article] = articles.as_slice() else {
        panic!("{articles:#?}")
    };
    assert_eq!(
        article.title,
        "Donald Trump has defended his special envoy Steve Witkoff as doing the…"
    );
    assert!(article.paragraphs[0].starts_with("Donald Trump has defended his special envoy"));
    assert_eq!(article.paragraphs.len(), 14);
    assert_eq!(article.category.as_deref(), Some("seed"));
}
