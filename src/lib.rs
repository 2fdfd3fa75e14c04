//! newsdex: full-text search for news articles.
//!
//! Data flows one way through the modules, and the tree reads in that order:
//!
//! 1. [`corpus`] walks folders and parses each file format into one [`corpus::Article`].
//! 2. [`passages`] splits an article's body into passages (paragraphs, long ones cut at
//!    sentence boundaries); a passage is the unit that is ranked and shown.
//! 3. [`extract`] finds speakers, entities and dates in an article's passages.
//! 4. [`index`] turns articles and their extraction into Tantivy documents and writes them.
//! 5. [`search`] parses queries and filters, ranks passages and builds highlighted snippets.
//! 6. [`output`] renders search results and extractions for the terminal or as JSON.
//! 7. [`serve`] answers searches over HTTP: a search page and a JSON API.
//!
//! [`export`] writes the same documents for Quickwit or Elasticsearch, and [`remote`]
//! pushes them to a Quickwit cluster and searches it with the same answers.
//!
//! [`eval`] measures extraction against hand-made answers. [`text`] holds the small text utilities (sentence splitting, normalisation) that
//! several stages share.
//!
//! # Example
//!
//! Index a folder and search it, as `newsdex index` and `newsdex search` do:
//!
//! ```
//! use newsdex::index::NewsIndex;
//! use newsdex::index::writer::{IndexOptions, NoProgress, build_index};
//! use newsdex::search::{SearchRequest, search};
//!
//! # fn main() -> anyhow::Result<()> {
//! let corpus = tempfile::tempdir()?;
//! std::fs::write(
//!     corpus.path().join("tram.txt"),
//!     "Date: 2025-03-14\n\nCouncil backs tram trial\n\n\
//!      \"The night tram will run from May,\" Mayor Elena Varga said on Thursday.\n",
//! )?;
//! let options = IndexOptions {
//!     threads: 1,
//!     memory_mb: 50,
//!     ..IndexOptions::new(vec![corpus.path().to_path_buf()], corpus.path().join("index"))
//! };
//! let summary = build_index(&options, &NoProgress)?;
//! assert_eq!(summary.articles, 1);
//!
//! let index = NewsIndex::open(&options.index_dir)?;
//! let results = search(&index, &SearchRequest::new("trams"))?;
//! let hit = &results.hits[0];
//! assert_eq!(hit.speakers, ["Elena Varga"]);
//! assert_eq!(hit.published.map(|d| d.to_string()).as_deref(), Some("2025-03-14"));
//! let (start, end) = hit.highlights[0];
//! assert_eq!(&hit.snippet[start..end], "tram");
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

pub mod corpus;
pub mod eval;
pub mod export;
pub mod extract;
pub mod index;
pub mod output;
pub mod passages;
pub mod remote;
pub mod search;
pub mod serve;
pub mod text;
