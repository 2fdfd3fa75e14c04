//! Scoring extraction against the project's gold annotations.
//!
//! The gold file (`tests/gold/extraction.jsonl`) holds, per article, its path
//! relative to a corpora folder and the names and date expressions a careful
//! reader found; the rules are in `tests/gold/README.md`. The article text is
//! read from the corpora folder, never stored with the answers.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use super::{Tally, name_set};
use crate::corpus::{Article, Format, parse_file};
use crate::extract::{Extraction, extract};
use crate::passages::split_passages;

/// One annotated article.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldArticle {
    /// Path relative to the corpora folder.
    pub path: String,
    /// People who speak.
    #[serde(default)]
    pub speakers: Vec<String>,
    /// Organisations that speak.
    #[serde(default)]
    pub org_speakers: Vec<String>,
    /// People named.
    #[serde(default)]
    pub persons: Vec<String>,
    /// Organisations named.
    #[serde(default)]
    pub organizations: Vec<String>,
    /// Places named.
    #[serde(default)]
    pub places: Vec<String>,
    /// Date expressions.
    #[serde(default)]
    pub dates: Vec<GoldDate>,
}

/// A date expression and, where resolvable, its ISO value.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDate {
    /// The expression as written.
    pub text: String,
    /// ISO date, month, year or week range, or null.
    pub date: Option<String>,
}

/// The fields scored, in report order.
pub const FIELDS: [&str; 7] = [
    "speakers",
    "org_speakers",
    "persons",
    "organizations",
    "places",
    "entities",
    "dates",
];

/// Scores for one article.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleScore {
    /// Path relative to the corpora folder.
    pub path: String,
    /// One tally per entry of [`FIELDS`].
    pub tallies: Vec<Tally>,
    /// Gold speakers not found.
    pub missed_speakers: Vec<String>,
    /// Speakers found that are not in the gold.
    pub extra_speakers: Vec<String>,
    /// Gold entities (any type) not found.
    pub missed_entities: Vec<String>,
    /// Entities found that are not in the gold.
    pub extra_entities: Vec<String>,
}

/// The whole evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct GoldReport {
    /// Micro-averaged tallies, one per entry of [`FIELDS`].
    pub totals: Vec<(String, Tally)>,
    /// Per-article scores, in file order.
    pub articles: Vec<ArticleScore>,
}

impl GoldReport {
    /// The micro-averaged tally of a field.
    pub fn total(&self, field: &str) -> Tally {
        self.totals
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, tally)| *tally)
            .unwrap_or_default()
    }
}

/// Reads the gold file.
pub fn load(path: &Path) -> Result<Vec<GoldArticle>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut articles = Vec::new();
    for (number, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let article = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a gold article", path.display(), number + 1))?;
        articles.push(article);
    }
    Ok(articles)
}

/// Parses the one article in `path`.
fn read_article(path: &Path) -> Result<Article> {
    let Some(format) = Format::from_path(path) else {
        bail!("{}: not an article format newsdex reads", path.display());
    };
    let mut first = None;
    parse_file(path, format, &mut |parsed| {
        if first.is_none() {
            first = Some(parsed);
        }
    });
    match first {
        Some(Ok(article)) => Ok(article),
        Some(Err(problem)) => bail!("{problem}"),
        None => bail!("{}: no article in the file", path.display()),
    }
}

/// Extracts from every gold article found under `corpora` and scores it.
pub fn evaluate(gold: &[GoldArticle], corpora: &Path) -> Result<GoldReport> {
    let mut totals = vec![Tally::default(); FIELDS.len()];
    let mut articles = Vec::with_capacity(gold.len());
    for answer in gold {
        let path: PathBuf = corpora.join(&answer.path);
        let article = read_article(&path)?;
        let passages = split_passages(&article.paragraphs);
        let found = extract(&article, &passages);
        let score = score_article(answer, &found);
        for (total, tally) in totals.iter_mut().zip(&score.tallies) {
            total.add(*tally);
        }
        articles.push(score);
    }
    Ok(GoldReport {
        totals: FIELDS
            .iter()
            .map(|field| field.to_string())
            .zip(totals)
            .collect(),
        articles,
    })
}

/// Compares one article's extraction with its answers.
pub fn score_article(answer: &GoldArticle, found: &Extraction) -> ArticleScore {
    let gold_entities: BTreeSet<String> = name_set(
        answer
            .persons
            .iter()
            .chain(&answer.organizations)
            .chain(&answer.places),
    );
    let found_entities: BTreeSet<String> = name_set(
        found
            .persons
            .iter()
            .chain(&found.organizations)
            .chain(&found.places),
    );
    let gold_dates: BTreeSet<String> = answer.dates.iter().map(|d| date_text(&d.text)).collect();
    let found_dates: BTreeSet<String> = found.dates.iter().map(|d| date_text(&d.text)).collect();
    let gold_speakers = name_set(&answer.speakers);
    let found_speakers = name_set(&found.speakers);
    let pairs = [
        (gold_speakers.clone(), found_speakers.clone()),
        (
            name_set(&answer.org_speakers),
            name_set(&found.org_speakers),
        ),
        (name_set(&answer.persons), name_set(&found.persons)),
        (
            name_set(&answer.organizations),
            name_set(&found.organizations),
        ),
        (name_set(&answer.places), name_set(&found.places)),
        (gold_entities.clone(), found_entities.clone()),
        (gold_dates, found_dates),
    ];
    ArticleScore {
        path: answer.path.clone(),
        tallies: pairs
            .iter()
            .map(|(gold, found)| Tally::compare(gold, found))
            .collect(),
        missed_speakers: gold_speakers.difference(&found_speakers).cloned().collect(),
        extra_speakers: found_speakers.difference(&gold_speakers).cloned().collect(),
        missed_entities: gold_entities.difference(&found_entities).cloned().collect(),
        extra_entities: found_entities.difference(&gold_entities).cloned().collect(),
    }
}

/// Date expressions compare case-insensitively, ignoring spacing.
fn date_text(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{DateMention, Extraction};

    #[test]
    fn an_article_is_scored_field_by_field() {
        let answer = GoldArticle {
            path: "x.txt".into(),
            speakers: vec!["Patricia Hewitt".into(), "Theresa May".into()],
            org_speakers: vec![],
            persons: vec!["Patricia Hewitt".into(), "Theresa May".into()],
            organizations: vec!["GMTV".into()],
            places: vec![],
            dates: vec![GoldDate {
                text: "Sunday".into(),
                date: None,
            }],
        };
        let found = Extraction {
            speakers: vec!["Patricia Hewitt".into(), "Gordon Brown".into()],
            persons: vec![
                "Patricia Hewitt".into(),
                "Theresa May".into(),
                "Gordon Brown".into(),
            ],
            organizations: vec!["GMTV".into()],
            dates: vec![DateMention {
                text: "sunday".into(),
                passage: 0,
                resolved: None,
            }],
            ..Extraction::default()
        };
        let score = score_article(&answer, &found);
        assert_eq!(
            score.tallies[0],
            Tally {
                gold: 2,
                found: 2,
                correct: 1
            }
        );
        assert_eq!(
            score.tallies[5],
            Tally {
                gold: 3,
                found: 4,
                correct: 3
            }
        );
        assert_eq!(
            score.tallies[6],
            Tally {
                gold: 1,
                found: 1,
                correct: 1
            }
        );
        assert_eq!(score.missed_speakers, ["theresa may"]);
        assert_eq!(score.extra_speakers, ["gordon brown"]);
    }
}
