//! Scoring person speakers against PolNeAR's human-annotated attributions.
//!
//! PolNeAR (Newell, Margolin and Ruths, LREC 2018) marks every attribution in
//! 2016 US political news: its source, cue and content. Its sources include
//! pronouns, groups and nominals ("a source"); newsdex's speakers are named
//! people. So the comparison keeps the people an annotated source names (the
//! head of the phrase, see `person_surnames`: "Keron Blair, executive director
//! of AROS" is Blair, "one of Mr. Obama's advisers" no one) and compares them
//! with newsdex's speakers by surname, per article, micro-averaged. The
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
use crate::extract::{Extraction, Quote, extract, lexicon, names};
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
    /// Per article, the person sources missed and the speakers found that
    /// no source names, by surname.
    pub mismatches: Vec<ArticleMismatch>,
}

/// What one PolNeAR article's person speakers got wrong.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ArticleMismatch {
    /// The article's PolNeAR id.
    pub id: String,
    /// Surnames of annotated person sources newsdex did not find.
    pub missed: Vec<String>,
    /// Surnames of speakers newsdex found that no annotated source names.
    pub extra: Vec<String>,
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
                .flat_map(|source| person_surnames(&source.text, &annotated.text))
                .collect()
        };
        let sources = person_sources(false);
        let missed: Vec<String> = sources.difference(&found).cloned().collect();
        let extra: Vec<String> = found.difference(&sources).cloned().collect();
        if !missed.is_empty() || !extra.is_empty() {
            report.mismatches.push(ArticleMismatch {
                id: annotated.id.clone(),
                missed,
                extra,
            });
        }
        report.all.add(Tally::compare(&sources, &found));
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
    name.split_whitespace()
        .rfind(|word| !matches!(*word, "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV"))
        .map(comparable)
}

/// A surname as compared: lower-cased, with typographic apostrophes
/// straightened ("O’Neill" is "o'neill").
fn comparable(word: &str) -> String {
    word.to_lowercase().replace('\u{2019}', "'")
}

/// The surnames of the people an annotated source names; empty for a
/// pronoun, a group or an unnamed person.
///
/// A source is a noun phrase ("Keron Blair, executive director of AROS",
/// "Another critic, Laurence H. Tribe", "Mr. Obama and Hillary Clinton"). Its
/// head is the first comma-separated part that names anyone: there, every
/// run of capitalised words that is not a modifier (after "the", "a" or a
/// preposition, or possessive) names a person when a title precedes it
/// ("Mr.", "Sen.", "President"), a known first name opens it, a role follows
/// it in apposition ("Keron Blair, executive director of …"), or it is a
/// lone surname that follows a known first name elsewhere in the text.
/// Brackets ("(R-La.)") and name suffixes ("Jr.") are not names.
fn person_surnames(source: &str, text: &str) -> Vec<String> {
    let mut unbracketed = String::with_capacity(source.len());
    let mut depth = 0usize;
    for c in source.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => unbracketed.push(c),
            _ => {}
        }
    }
    let parts: Vec<&str> = unbracketed.split([',', ';', '\u{2014}']).collect();
    for (p, part) in parts.iter().enumerate() {
        // "Keron Blair, executive director of AROS": a role in apposition
        // makes the name before it a person's.
        let described = parts.get(p + 1).is_some_and(|next| {
            next.split_whitespace()
                .any(|word| lexicon::is_role_noun(word.trim_matches(|c: char| !c.is_alphabetic())))
        });
        let surnames = surnames_in_part(part, text, described);
        if !surnames.is_empty() {
            return surnames;
        }
        // A relative clause ("whom Mr. Obama recruited") is past the head.
        if part
            .split_whitespace()
            .any(|word| matches!(word, "who" | "whom" | "which" | "that" | "whose"))
        {
            break;
        }
    }
    Vec::new()
}

/// The person surnames in one comma-separated part of a source (see
/// [`person_surnames`]).
fn surnames_in_part(part: &str, text: &str, described: bool) -> Vec<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let clean = |word: &str| -> String {
        word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .to_string()
    };
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let mut surnames = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !capitalised(&clean(words[i])) {
            if matches!(words[i], "who" | "whom" | "which" | "that" | "whose") {
                break;
            }
            i += 1;
            continue;
        }
        let start = i;
        // "Bill de Blasio": a lower-case particle between capitalised words
        // is part of the name.
        let continues = |i: usize| {
            capitalised(&clean(words[i]))
                || (names::PARTICLES.contains(&words[i])
                    && words
                        .get(i + 1)
                        .is_some_and(|next| capitalised(&clean(next))))
        };
        while i < words.len() && continues(i) {
            i += 1;
            if words[i - 1].ends_with("'s") || words[i - 1].ends_with("\u{2019}s") {
                break;
            }
        }
        let run = &words[start..i];
        let before = start.checked_sub(1).map(|b| words[b].to_lowercase());
        let modifier = before.as_deref().is_some_and(|word| {
            matches!(
                word,
                "the"
                    | "a"
                    | "an"
                    | "of"
                    | "to"
                    | "for"
                    | "at"
                    | "by"
                    | "with"
                    | "from"
                    | "in"
                    | "on"
                    | "about"
                    | "against"
            )
        });
        let last_raw = run[run.len() - 1];
        if modifier || last_raw.ends_with("'s") || last_raw.ends_with("\u{2019}s") {
            continue;
        }
        let mut name: Vec<String> = run.iter().map(|word| clean(word)).collect();
        while name
            .last()
            .is_some_and(|word| matches!(word.as_str(), "Jr" | "Sr" | "II" | "III" | "IV"))
        {
            name.pop();
        }
        let titled = name.first().is_some_and(|word| lexicon::is_title(word));
        while name
            .first()
            .is_some_and(|word| lexicon::is_title(word) || word == "The")
        {
            name.remove(0);
        }
        let Some(last) = name.last() else {
            continue;
        };
        if lexicon::pronoun_gender(&last.to_lowercase()).is_some() {
            continue;
        }
        let named_person = titled
            || (described && name.len() > 1)
            || if name.len() > 1 {
                name[..name.len() - 1]
                    .iter()
                    .any(|word| lexicon::first_name(word).is_some())
            } else {
                lexicon::first_name(last).is_some() || follows_first_name(last, text)
            };
        if named_person {
            surnames.push(comparable(last));
        }
    }
    surnames
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
    let gold: Vec<(&Attribution, Vec<String>)> = annotated
        .attributions
        .iter()
        .filter_map(|attribution| {
            let source = attribution.source.as_ref()?;
            let surnames = person_surnames(&source.text, &annotated.text);
            (!surnames.is_empty()).then_some((attribution, surnames))
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
    let matches = |attribution: &Attribution, surnames: &[String], quote: &FoundQuote| {
        quote
            .surname
            .as_ref()
            .is_some_and(|surname| surnames.contains(surname))
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
        let gold_of_kind: Vec<&(&Attribution, Vec<String>)> =
            gold.iter().filter(|(a, _)| a.direct == direct).collect();
        let found_of_kind: Vec<&FoundQuote> = found.iter().filter(|q| q.direct == direct).collect();
        QuoteScore {
            gold: gold_of_kind.len(),
            found: found_of_kind.len(),
            gold_matched: gold_of_kind
                .iter()
                .filter(|(attribution, surnames)| {
                    found.iter().any(|q| matches(attribution, surnames, q))
                })
                .count(),
            found_matched: found_of_kind
                .iter()
                .filter(|q| {
                    gold.iter()
                        .any(|(attribution, surnames)| matches(attribution, surnames, q))
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
        let names = |source: &str| person_surnames(source, text);
        assert_eq!(names("Hillary Clinton"), ["clinton"]);
        assert_eq!(names("Clinton"), ["clinton"]);
        assert_eq!(names("Sen. Hillary Clinton"), ["clinton"]);
        assert!(names("she").is_empty());
        assert!(names("The Post").is_empty());
        assert!(names("Clinton's campaign").is_empty());
        assert!(names("a source").is_empty());
        assert_eq!(names("Democratic nominee Hillary Clinton"), ["clinton"]);
        assert!(names("the Clinton campaign").is_empty());
    }

    #[test]
    fn the_head_of_a_source_names_its_speaker() {
        let text = "Nobody else is named here.";
        let names = |source: &str| person_surnames(source, text);
        // A title names a person even without a first name.
        assert_eq!(names("Mr. Obama"), ["obama"]);
        // The name heads the phrase; the organisation after it is a complement.
        assert_eq!(names("Keron Blair, executive director of AROS,"), ["blair"]);
        assert_eq!(
            names("Michael Mulgrew, president of the United Federation of Teachers,"),
            ["mulgrew"]
        );
        assert_eq!(names("Another critic, David H. Tribe,"), ["tribe"]);
        assert_eq!(names("Mr. Obama and Hillary Clinton"), ["obama", "clinton"]);
        assert_eq!(names("Sen. David Vitter (R-La.)"), ["vitter"]);
        assert_eq!(names("Martin Luther King Jr."), ["king"]);
        // Someone described by their relation to a named person is unnamed.
        assert!(names("one of Mr. Obama's climate advisers").is_empty());
        assert_eq!(
            names(
                "John D. Podesta, a chief of staff to President Bill Clinton whom Mr. Obama recruited"
            ),
            ["podesta"]
        );
        assert_eq!(
            names("Republican presidential nominee Donald Trump and the Obama administration"),
            ["trump"]
        );
    }

    #[test]
    fn found_surnames_skip_name_suffixes() {
        assert_eq!(surname("Martin Luther King Jr.").as_deref(), Some("king"));
        assert_eq!(surname("Tony Blair").as_deref(), Some("blair"));
    }
}
