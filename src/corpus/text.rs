//! Plain-text articles (`.txt`).
//!
//! The layout is the one news datasets use (the BBC corpus, scraped dumps):
//!
//! ```text
//! Date: 2025-03-14          <- optional header, only if the first line is a
//! By: Jane Doe                 known key; ends at a blank line
//!
//! Headline                  <- first non-empty line
//!
//! First paragraph...        <- paragraphs split on blank lines (or one per
//!                              line when the file has no blank lines)
//! ```
//!
//! A file may also have no headline at all (it starts straight with the body):
//! a long first line reads as body and the title is derived from it. This
//! module does not decode bytes (see [`read`](super::read)).

use std::path::Path;

use super::date::parse_published;
use super::draft::{Draft, Place, split_paragraphs};
use super::{Article, Problem};

/// A first line with more words than this is body text, not a headline.
const MAX_TITLE_WORDS: usize = 20;

/// A first line that ends like a sentence and has more words than this is body
/// text. Headlines rarely end with a full stop, and short ones that do
/// ("Stocks fall again.") are still headlines.
const MAX_SENTENCE_TITLE_WORDS: usize = 8;

/// Parses the text of a `.txt` file.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Article, Problem> {
    let mut draft = Draft::default();
    let mut lines = text.lines().peekable();

    if lines
        .peek()
        .is_some_and(|line| header_field(line).is_some())
    {
        // The header ends at a blank line, or at the first line that is not
        // `Key: value` (then that line is the title). Unknown keys are skipped.
        while let Some(line) = lines.next_if(|line| split_key_value(line).is_some()) {
            if let Some((key, value)) = header_field(line) {
                apply_header(&mut draft, key, value);
            }
        }
    }

    // Skip blank lines down to the first line of content.
    while lines.next_if(|line| line.trim().is_empty()).is_some() {}
    let rest: Vec<&str> = lines.collect();
    let mut body = rest.as_slice();
    if draft.title.is_none()
        && let Some((first, after)) = body.split_first()
        && !reads_as_body(first)
    {
        draft.title = Some(first.to_string());
        body = after;
    }
    draft.paragraphs = split_paragraphs(&body.join("\n"));
    draft.finish(path, Place::File)
}

/// Header keys, lower-cased, and the field each fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Title,
    Date,
    Author,
    Url,
    Source,
    Tags,
}

fn header_field(line: &str) -> Option<(Key, &str)> {
    let (key, value) = split_key_value(line)?;
    let key = match key.to_ascii_lowercase().as_str() {
        "title" | "headline" => Key::Title,
        "date" | "published" => Key::Date,
        "author" | "authors" | "by" => Key::Author,
        "url" | "link" => Key::Url,
        "source" | "publisher" => Key::Source,
        "tags" | "keywords" => Key::Tags,
        _ => return None,
    };
    Some((key, value))
}

/// `Key: value` with a one-word key (letters, `-`, `_`) at the line start.
fn split_key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let is_key = !key.is_empty()
        && key.len() <= 30
        && !line.starts_with(char::is_whitespace)
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    is_key.then(|| (key, value.trim()))
}

fn apply_header(draft: &mut Draft, key: Key, value: &str) {
    match key {
        Key::Title => draft.title = Some(value.to_string()),
        Key::Date => draft.published = draft.published.or_else(|| parse_published(value)),
        Key::Author => draft.authors.push(value.to_string()),
        Key::Url => draft.url = Some(value.to_string()),
        Key::Source => draft.source = Some(value.to_string()),
        Key::Tags => draft
            .tags
            .extend(value.split(',').map(|t| t.trim().to_string())),
    }
}

/// True when the first line is a sentence of body text rather than a headline.
fn reads_as_body(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let trimmed = line.trim_end().trim_end_matches(['"', '\'', '”', '’', ')']);
    let ends_like_sentence = trimmed.ends_with(['.', '?', '!']);
    words > MAX_TITLE_WORDS || (ends_like_sentence && words > MAX_SENTENCE_TITLE_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn parse_ok(text: &str) -> Article {
        parse(Path::new("corpus/politics/x.txt"), text).expect("article")
    }

    #[test]
    fn title_then_paragraphs() {
        let a = parse_ok(
            "Ad sales boost Time Warner profit\n\nQuarterly profits jumped.\n\nThe firm\nbenefited.\n",
        );
        assert_eq!(a.title, "Ad sales boost Time Warner profit");
        assert_eq!(
            a.paragraphs,
            vec!["Quarterly profits jumped.", "The firm benefited."]
        );
        assert_eq!(a.id, "corpus/politics/x.txt");
        assert_eq!(a.category.as_deref(), Some("politics"));
        assert_eq!(a.published, None);
    }

    #[test]
    fn header_block() {
        let a = parse_ok(
            "Date: 2025-03-14\nBY: Jane Doe\nURL: https://www.example.com/a\nX-Custom: ignored\n\nHeadline\n\nBody one.\n\nBody two.",
        );
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 3, 14));
        assert_eq!(a.authors, vec!["Jane Doe"]);
        assert_eq!(a.url.as_deref(), Some("https://www.example.com/a"));
        assert_eq!(a.source.as_deref(), Some("example.com"));
        assert_eq!(a.title, "Headline");
        assert_eq!(a.paragraphs, vec!["Body one.", "Body two."]);
    }

    #[test]
    fn header_then_title_without_blank_line() {
        let a = parse_ok("Published: March 14, 2025\nSource: Daily Planet\nHeadline\n\nBody.");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 3, 14));
        assert_eq!(a.source.as_deref(), Some("Daily Planet"));
        assert_eq!(a.title, "Headline");
        assert_eq!(a.paragraphs, vec!["Body."]);
    }

    #[test]
    fn header_keys_only_on_the_first_line() {
        let a = parse_ok("Headline\n\nDate: 2025-03-14\n\nBody.");
        assert_eq!(a.published, None);
        assert_eq!(a.paragraphs, vec!["Date: 2025-03-14", "Body."]);
        // A title that happens to look like `Word: text` with an unknown key.
        let a = parse_ok("Analysis: why markets fell\n\nBody.");
        assert_eq!(a.title, "Analysis: why markets fell");
    }

    #[test]
    fn long_first_sentence_is_body() {
        let text = "Donald Trump has defended his special envoy Steve Witkoff as doing the standard thing after a leaked recording appeared.\n\nTrump told reporters on Wednesday.";
        let a = parse_ok(text);
        assert_eq!(
            a.title,
            "Donald Trump has defended his special envoy Steve Witkoff as doing the…"
        );
        assert_eq!(a.paragraphs.len(), 2);
        assert!(a.paragraphs[0].starts_with("Donald Trump has defended"));
        // Ends with a full stop and has more than 8 words: body.
        let a = parse_ok("The minister resigned on Tuesday after weeks of pressure.\n\nMore.");
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(
            a.title,
            "The minister resigned on Tuesday after weeks of pressure"
        );
        // A short headline with a full stop is still a headline.
        let a = parse_ok("Stocks fall again.\n\nMore.");
        assert_eq!(a.title, "Stocks fall again.");
        assert_eq!(a.paragraphs, vec!["More."]);
    }

    #[test]
    fn single_newlines_make_one_paragraph_per_line() {
        let a = parse_ok("Headline\nFirst paragraph.\nSecond paragraph.\n");
        assert_eq!(a.title, "Headline");
        assert_eq!(a.paragraphs, vec!["First paragraph.", "Second paragraph."]);
    }

    #[test]
    fn leading_blank_lines_and_whitespace() {
        let a = parse_ok("\n\n  Headline  \n\n\n  Body   text. \n\n\n");
        assert_eq!(a.title, "Headline");
        assert_eq!(a.paragraphs, vec!["Body text."]);
    }

    #[test]
    fn title_only_is_no_article_text() {
        let p = parse(Path::new("a/x.txt"), "Just a headline\n\n").expect_err("problem");
        assert_eq!(p.reason, "no article text");
        let p = parse(Path::new("a/x.txt"), "Date: 2025-01-01\n\n").expect_err("problem");
        assert_eq!(p.reason, "no article text");
    }

    #[test]
    fn header_title_key() {
        let a = parse_ok("Title: From header\nTags: a, b\n\nBody starts here.\nSecond line.");
        assert_eq!(a.title, "From header");
        assert_eq!(a.tags, vec!["a", "b"]);
        assert_eq!(a.paragraphs, vec!["Body starts here.", "Second line."]);
    }
}
