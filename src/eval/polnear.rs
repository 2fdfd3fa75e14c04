//! Scoring person speakers against PolNeAR's human-annotated attributions.
//!
//! PolNeAR (Newell, Margolin and Ruths, LREC 2018) marks every attribution in
//! 2016 US political news: its source, cue and content. Its sources include
//! pronouns, groups and nominals ("a source"); newsdex's speakers are named
//! people. So the comparison keeps the annotated sources that name a person
//! (their words are capitalised and one of them is a known first name, or the
//! lone surname follows a known first name elsewhere in the text) and compares
//! them with newsdex's speakers by surname, per article, micro-averaged. The
//! corpus is read from `../shared/eval/`; its text is never copied.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::Tally;
use crate::corpus::Article;
use crate::corpus::date::parse_published;
use crate::extract::{Extraction, Quote, extract, lexicon};
use crate::passages::split_passages;
use crate::text::normalize_whitespace;

#[derive(Deserialize)]
struct PolnearArticle {
    id: String,
    #[serde(default)]
    publication_date: Option<String>,
    text: String,
    attributions: Vec<Attribution>,
}

#[derive(Deserialize)]
struct Attribution {
    source: Option<Span>,
    direct: bool,
    /// Content spans, as code-point offsets into the article text.
    #[serde(default)]
    content: Vec<[usize; 2]>,
}

#[derive(Deserialize)]
struct Span {
    text: String,
}

/// Speaker and quote scores on PolNeAR.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PolnearReport {
    /// Articles read.
    pub articles: usize,
    /// Person sources of every attribution, by surname.
    pub all: Tally,
    /// Person sources of direct quotes only (recall is the figure that counts).
    pub direct: Tally,
    /// Direct quotes with a person source: found with the right speaker
    /// (surname) and content overlapping the annotated content.
    pub direct_quotes: QuoteScore,
    /// The same for indirect (reported) attributions.
    pub indirect_quotes: QuoteScore,
}

/// Reads the PolNeAR JSON Lines file and scores newsdex's speakers.
pub fn evaluate(path: &Path) -> Result<PolnearReport> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut report = PolnearReport::default();
    for (number, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let annotated: PolnearArticle = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a PolNeAR article", path.display(), number + 1))?;
        let article = to_article(&annotated);
        let passages = split_passages(&article.paragraphs);
        let extraction = extract(&article, &passages);
        let found = found_speakers_of(&extraction);
        let person_sources = |direct_only: bool| -> BTreeSet<String> {
            annotated
                .attributions
                .iter()
                .filter(|attribution| attribution.direct || !direct_only)
                .filter_map(|attribution| attribution.source.as_ref())
                .filter_map(|source| person_surname(&source.text, &annotated.text))
                .collect()
        };
        report
            .all
            .add(Tally::compare(&person_sources(false), &found));
        let direct = person_sources(true);
        let direct_found: BTreeSet<String> = found.intersection(&direct).cloned().collect();
        report.direct.add(Tally {
            gold: direct.len(),
            found: found.len(),
            correct: direct_found.len(),
        });
        let (direct_quotes, indirect_quotes) = score_quotes(&annotated, &extraction.quotes);
        report.direct_quotes.add(direct_quotes);
        report.indirect_quotes.add(indirect_quotes);
        report.articles += 1;
    }
    Ok(report)
}

/// The article as newsdex would read it: first paragraph the title.
fn to_article(annotated: &PolnearArticle) -> Article {
    let mut paragraphs = annotated
        .text
        .split("\n\n")
        .map(normalize_whitespace)
        .filter(|paragraph| !paragraph.is_empty());
    let title = paragraphs.next().unwrap_or_default();
    Article {
        id: annotated.id.clone(),
        title,
        paragraphs: paragraphs.collect(),
        published: annotated
            .publication_date
            .as_deref()
            .and_then(parse_published),
        ..Article::default()
    }
}

/// Lower-cased last word of a name.
fn surname(name: &str) -> Option<String> {
    name.split_whitespace().last().map(str::to_lowercase)
}

/// The surname of an annotated source when it names a person, else `None`.
///
/// Only the trailing run of capitalised words counts, without titles, so
/// "Republican presidential nominee Donald Trump" names Donald Trump while
/// "the Clinton campaign" names no one.
fn person_surname(source: &str, text: &str) -> Option<String> {
    let words: Vec<&str> = source
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\''))
        .filter(|word| !word.is_empty())
        .collect();
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let run_start = words
        .iter()
        .rposition(|word| !capitalised(word))
        .map_or(0, |position| position + 1);
    let name: Vec<&str> = words[run_start..]
        .iter()
        .copied()
        .skip_while(|word| lexicon::is_title(word) || *word == "The")
        .collect();
    let last = *name.last()?;
    if last.ends_with("'s")
        || last.ends_with("’s")
        || lexicon::pronoun_gender(&last.to_lowercase()).is_some()
    {
        return None;
    }
    let named_person = if name.len() > 1 {
        name[..name.len() - 1]
            .iter()
            .any(|word| lexicon::first_name(word).is_some())
    } else {
        follows_first_name(last, text)
    };
    named_person.then(|| last.to_lowercase())
}

/// True when `surname` appears somewhere right after a known first name.
fn follows_first_name(surname: &str, text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|pair| {
        pair[1].trim_end_matches(|c: char| !c.is_alphanumeric()) == surname
            && lexicon::first_name(pair[0]).is_some()
    })
}

/// Surnames of the person speakers found.
fn found_speakers_of(extraction: &Extraction) -> BTreeSet<String> {
    extraction
        .speakers
        .iter()
        .filter_map(|name| surname(name))
        .collect()
}

/// Scores found quotes against the annotated attributions that have a person
/// source, separately for direct and indirect ones. A found quote matches an
/// annotated one when the speakers' surnames agree and the found words,
/// located in the article text, overlap the annotated content. Recall counts
/// annotated attributions matched by some found quote of any kind; precision
/// counts found quotes of that kind matching some annotated attribution (or
/// overlapping one whose source is a bare pronoun, which PolNeAR leaves
/// unresolved).
fn score_quotes(annotated: &PolnearArticle, quotes: &[Quote]) -> (QuoteScore, QuoteScore) {
    let located = Located::new(&annotated.text);
    let gold: Vec<(&Attribution, String)> = annotated
        .attributions
        .iter()
        .filter_map(|attribution| {
            let source = attribution.source.as_ref()?;
            Some((attribution, person_surname(&source.text, &annotated.text)?))
        })
        .collect();
    let found: Vec<FoundQuote> = quotes
        .iter()
        .filter(|quote| !quote.organization)
        .map(|quote| FoundQuote {
            direct: quote.direct,
            span: located.find(&quote.text),
            surname: surname(&quote.speaker),
        })
        .collect();
    let matches = |attribution: &Attribution, surname: &str, quote: &FoundQuote| {
        quote.surname.as_deref() == Some(surname)
            && quote.span.is_some_and(|(start, end)| {
                attribution
                    .content
                    .iter()
                    .any(|[from, to]| start < *to && *from < end)
            })
    };
    // PolNeAR leaves pronoun sources unresolved ("he said"); newsdex resolves
    // them to a name. For precision, a found quote whose content overlaps an
    // attribution with a pronoun source counts as right.
    let pronoun_sourced: Vec<&Attribution> = annotated
        .attributions
        .iter()
        .filter(|attribution| {
            attribution.source.as_ref().is_some_and(|source| {
                matches!(
                    source.text.to_lowercase().as_str(),
                    "he" | "she" | "him" | "her" | "i" | "we" | "they"
                )
            })
        })
        .collect();
    let overlaps_pronoun_attribution = |quote: &FoundQuote| {
        quote.span.is_some_and(|(start, end)| {
            pronoun_sourced.iter().any(|attribution| {
                attribution
                    .content
                    .iter()
                    .any(|[from, to]| start < *to && *from < end)
            })
        })
    };
    let score = |direct: bool| {
        let gold_of_kind: Vec<&(&Attribution, String)> =
            gold.iter().filter(|(a, _)| a.direct == direct).collect();
        let found_of_kind: Vec<&FoundQuote> = found.iter().filter(|q| q.direct == direct).collect();
        QuoteScore {
            gold: gold_of_kind.len(),
            found: found_of_kind.len(),
            gold_matched: gold_of_kind
                .iter()
                .filter(|(attribution, surname)| {
                    found.iter().any(|q| matches(attribution, surname, q))
                })
                .count(),
            found_matched: found_of_kind
                .iter()
                .filter(|q| {
                    gold.iter()
                        .any(|(attribution, surname)| matches(attribution, surname, q))
                        || overlaps_pronoun_attribution(q)
                })
                .count(),
        }
    };
    (score(true), score(false))
}

/// A quote newsdex found, located in the annotated text.
struct FoundQuote {
    direct: bool,
    /// Code-point span in the annotated text, when the words were found there.
    span: Option<(usize, usize)>,
    surname: Option<String>,
}

/// Quote matching is not one-to-one, so recall and precision count matches
/// on their own side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct QuoteScore {
    /// Annotated attributions of this kind with a person source.
    pub gold: usize,
    /// Quotes of this kind newsdex found (people only).
    pub found: usize,
    /// Annotated attributions matched by a found quote.
    pub gold_matched: usize,
    /// Found quotes matching an annotated attribution.
    pub found_matched: usize,
}

impl QuoteScore {
    /// Adds another article's counts.
    pub fn add(&mut self, other: QuoteScore) {
        self.gold += other.gold;
        self.found += other.found;
        self.gold_matched += other.gold_matched;
        self.found_matched += other.found_matched;
    }

    /// Share of found quotes that match.
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.found_matched as f64 / self.found as f64
        }
    }

    /// Share of annotated attributions found.
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.gold_matched as f64 / self.gold as f64
        }
    }
}

/// Finds quote text in an article despite whitespace differences: searches a
/// whitespace-normalised copy and maps back to code-point offsets.
struct Located {
    normalized: String,
    /// Code-point offset in the original text of each byte of `normalized`.
    origin: Vec<usize>,
}

impl Located {
    fn new(text: &str) -> Located {
        let mut normalized = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut pending_space = false;
        for (offset, c) in text.chars().enumerate() {
            if c.is_whitespace() {
                pending_space = !normalized.is_empty();
                continue;
            }
            if pending_space {
                normalized.push(' ');
                origin.push(offset);
                pending_space = false;
            }
            normalized.push(c);
            origin.extend(std::iter::repeat_n(offset, c.len_utf8()));
        }
        Located { normalized, origin }
    }

    /// Code-point span of the first occurrence of `words`; a quote joined
    /// from several stretches ("A … B") is located by its first stretch found.
    fn find(&self, words: &str) -> Option<(usize, usize)> {
        words.split(" … ").find_map(|piece| {
            let piece = normalize_whitespace(piece);
            if piece.is_empty() {
                return None;
            }
            let start = self.normalized.find(&piece)?;
            let end = start + piece.len() - 1;
            Some((self.origin[start], self.origin[end] + 1))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_sources_are_told_from_groups_and_pronouns() {
        let text = "Hillary Clinton spoke. Later Clinton said more. The Post reported.";
        assert_eq!(
            person_surname("Hillary Clinton", text).as_deref(),
            Some("clinton")
        );
        assert_eq!(person_surname("Clinton", text).as_deref(), Some("clinton"));
        assert_eq!(
            person_surname("Sen. Hillary Clinton", text).as_deref(),
            Some("clinton")
        );
        assert_eq!(person_surname("she", text), None);
        assert_eq!(person_surname("The Post", text), None);
        assert_eq!(person_surname("Clinton's campaign", text), None);
        assert_eq!(person_surname("a source", text), None);
        assert_eq!(
            person_surname("Democratic nominee Hillary Clinton", text).as_deref(),
            Some("clinton")
        );
        assert_eq!(person_surname("the Clinton campaign", text), None);
    }
}
