//! Finding article files and parsing each supported format into one [`Article`].
//!
//! This stage knows file formats (plain text, Markdown with front matter, JSON,
//! JSON Lines, HTML) and nothing about language analysis or storage: it hands
//! clean paragraphs and metadata to the stages after it.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

/// One news article, as parsed from a file (or one line of a JSON Lines file).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    /// Stable identifier: the file path as given on the command line, plus
    /// `#N` (1-based line number) for articles inside a JSON Lines file.
    pub id: String,
    /// The file the article came from.
    pub path: PathBuf,
    /// Headline. Never empty: derived from the body when the file has none.
    pub title: String,
    /// Body paragraphs, markup stripped, whitespace normalised, none empty.
    pub paragraphs: Vec<String>,
    /// Publication date, when the file states one.
    pub published: Option<NaiveDate>,
    /// Authors or bylines, as written.
    pub authors: Vec<String>,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// Outlet: stated source/publisher/site, else the URL's host.
    pub source: Option<String>,
    /// Topic folder: the name of the directory that holds the file.
    pub category: Option<String>,
    /// Free-form tags from front matter or JSON.
    pub tags: Vec<String>,
}

// TEMPORARY stand-ins until the parsers land (replaced by the parse branch).
use std::path::Path;
/// Formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// txt
    Text,
}
/// A problem.
#[derive(Clone, Debug)]
pub struct Problem {
    /// path
    pub path: PathBuf,
    /// line
    pub line: Option<usize>,
    /// reason
    pub reason: String,
}
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}
/// Found.
pub enum Found {
    /// a
    Article {
        /// p
        path: PathBuf,
        /// f
        format: Format,
    },
    /// s
    Skipped(Problem),
}
/// walk
pub fn find_article_files(roots: &[PathBuf]) -> impl Iterator<Item = Found> {
    let mut out = Vec::new();
    for root in roots {
        for entry in walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "txt") {
                out.push(Found::Article {
                    path: entry.path().to_path_buf(),
                    format: Format::Text,
                });
            }
        }
    }
    out.into_iter()
}
/// parse
pub fn parse_file(path: &Path, _format: Format, emit: &mut dyn FnMut(Result<Article, Problem>)) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return emit(Err(Problem {
                path: path.into(),
                line: None,
                reason: e.to_string(),
            }));
        }
    };
    let mut parts = text
        .split("\n\n")
        .map(crate::text::normalize_whitespace)
        .filter(|p| !p.is_empty());
    let title = parts.next().unwrap_or_default();
    emit(Ok(Article {
        id: path.to_string_lossy().into(),
        path: path.into(),
        title,
        paragraphs: parts.collect(),
        category: path
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into()),
        ..Article::default()
    }))
}
