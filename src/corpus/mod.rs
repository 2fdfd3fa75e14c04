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
