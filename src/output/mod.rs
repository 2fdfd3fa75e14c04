//! Rendering results for people and for scripts.
//!
//! [`terminal`] writes ranked hits and index summaries as readable text (with
//! colour when asked), [`json`] writes the stable JSON shapes scripts depend
//! on, and [`progress`] draws the indexing progress bar. Nothing here searches
//! or indexes.

pub mod json;
pub mod progress;
pub mod terminal;
