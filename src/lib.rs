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
//!
//! [`text`] holds the small text utilities (sentence splitting, normalisation) that
//! several stages share.
#![deny(missing_docs)]

pub mod corpus;
pub mod extract;
pub mod index;
pub mod output;
pub mod passages;
pub mod search;
pub mod text;
