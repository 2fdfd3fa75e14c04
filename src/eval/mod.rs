//! Measuring extraction against hand-made answers.
//!
//! [`gold`] scores speakers, entities and dates against the project's own
//! annotated articles (`tests/gold/`); [`polnear`] scores speakers against the
//! human attributions of the PolNeAR corpus. Both run the same extractor as
//! indexing does and report micro-averaged precision, recall and F1. This
//! module reads files and computes numbers; `output` renders them.

pub mod gold;
pub mod polnear;

use std::collections::BTreeSet;

use serde::Serialize;

/// Counts behind precision and recall for one field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Items in the answers.
    pub gold: usize,
    /// Items the extractor found.
    pub found: usize,
    /// Items found that are in the answers.
    pub correct: usize,
}

impl Tally {
    /// Compares one article's answers with what was found (both normalised).
    pub fn compare(gold: &BTreeSet<String>, found: &BTreeSet<String>) -> Tally {
        Tally {
            gold: gold.len(),
            found: found.len(),
            correct: gold.intersection(found).count(),
        }
    }

    /// Adds another tally (micro-averaging).
    pub fn add(&mut self, other: Tally) {
        self.gold += other.gold;
        self.found += other.found;
        self.correct += other.correct;
    }

    /// Share of found items that are right (1 when nothing was found).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }

    /// Share of answers that were found (1 when there were none).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Normalises a name for comparison: case, full stops, a leading "the",
/// possessive endings and spacing do not count.
pub fn normalize_name(name: &str) -> String {
    let lower = name
        .to_lowercase()
        .replace(['.', '’'], "")
        .replace('\'', "");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// Normalised set of names.
pub fn name_set<'a>(names: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    names
        .into_iter()
        .map(|name| normalize_name(name))
        .filter(|name| !name.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_give_precision_recall_and_f1() {
        let gold = name_set(&["Tony Blair".to_string(), "Gordon Brown".to_string()]);
        let found = name_set(&["tony blair".to_string(), "Michael Howard".to_string()]);
        let tally = Tally::compare(&gold, &found);
        assert_eq!(
            tally,
            Tally {
                gold: 2,
                found: 2,
                correct: 1
            }
        );
        assert!((tally.f1() - 0.5).abs() < 1e-9);
        assert_eq!(Tally::default().f1(), 1.0);
    }

    #[test]
    fn names_normalise_case_stops_and_articles() {
        assert_eq!(normalize_name("The  U.S. Army"), "us army");
        assert_eq!(normalize_name("Trump's"), "trumps");
    }
}
