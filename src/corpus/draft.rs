//! What every format parser fills in, and how it becomes a valid [`Article`].
//!
//! Format modules only extract loose fields into a [`Draft`]; the rules that
//! hold for every article (whitespace normalised, no empty paragraph, a title
//! derived from the body when missing, the source taken from the URL's host,
//! the category taken from the folder) are applied here, once.

use std::path::Path;

use chrono::NaiveDate;

use super::{Article, Problem};
use crate::text::{normalize_whitespace, normalize_whitespace_owned, sentences};

/// A derived title keeps at most this many words of the first sentence.
const DERIVED_TITLE_WORDS: usize = 12;

/// Article fields as found in a file, before validation.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    pub published: Option<NaiveDate>,
    pub authors: Vec<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub tags: Vec<String>,
}

/// Where in its file an article was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// The file is the article.
    File,
    /// 1-based line of a JSON Lines file.
    Line(usize),
    /// 1-based position in a JSON array.
    Item(usize),
}

impl Place {
    /// A problem with the article at this place.
    pub fn problem(self, path: &Path, reason: impl Into<String>) -> Problem {
        let reason = reason.into();
        match self {
            Place::File => Problem::new(path, reason),
            Place::Line(n) => Problem {
                line: Some(n),
                ..Problem::new(path, reason)
            },
            Place::Item(n) => Problem::new(path, format!("article #{n}: {reason}")),
        }
    }
}

impl Draft {
    /// Validates and normalises the draft into an article found at `place` in
    /// the file `path`. The only way to fail is to have no body text.
    pub fn finish(self, path: &Path, place: Place) -> Result<Article, Problem> {
        let paragraphs: Vec<String> = self
            .paragraphs
            .into_iter()
            .map(normalize_whitespace_owned)
            // Separators such as "* * *" or a lone "." carry no text to search.
            .filter(|p| p.chars().any(char::is_alphanumeric))
            .collect();
        let Some(first) = paragraphs.first() else {
            return Err(place.problem(path, "no article text"));
        };
        let title = self
            .title
            .map(|t| normalize_whitespace(&t))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| derive_title(first));
        let url = clean(self.url);
        let source = clean(self.source).or_else(|| url.as_deref().and_then(source_from_url));
        let mut id = path.to_string_lossy().into_owned();
        if let Place::Line(n) | Place::Item(n) = place {
            id = format!("{id}#{n}");
        }
        Ok(Article {
            id,
            path: path.to_path_buf(),
            title,
            paragraphs,
            published: self.published,
            authors: clean_list(self.authors),
            url,
            source,
            category: category_of(path),
            tags: clean_list(self.tags),
        })
    }
}

/// A title made from the first sentence of `paragraph`, cut to
/// [`DERIVED_TITLE_WORDS`] words with "…" when longer. A final full stop is
/// dropped, since headlines have none.
pub(crate) fn derive_title(paragraph: &str) -> String {
    let first = sentences(paragraph)
        .into_iter()
        .find(|sentence| sentence.chars().any(char::is_alphanumeric))
        .unwrap_or(paragraph)
        .to_string();
    let words: Vec<&str> = first.split_whitespace().collect();
    if words.len() <= DERIVED_TITLE_WORDS {
        let title = first.trim_end_matches('.').trim();
        return if title.is_empty() {
            first
        } else {
            title.to_string()
        };
    }
    let cut = words[..DERIVED_TITLE_WORDS].join(" ");
    let cut = cut.trim_end_matches(|c: char| c.is_ascii_punctuation() && c != '?' && c != '!');
    format!("{cut}…")
}

/// The outlet named by a URL's host, `www.` stripped and lower-cased:
/// `https://www.BBC.co.uk/news/x` → `bbc.co.uk`. `None` when there is no host.
pub fn source_from_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = match url.find("://") {
        Some(i) => &url[i + 3..],
        // Protocol-relative "//host/path"; anything else has no host we trust.
        None => url.strip_prefix("//")?,
    };
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = match host.strip_prefix('[') {
        Some(_) => host.split(']').next().map(|h| &h[1..])?,
        None => host.split(':').next()?,
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

/// The name of the folder holding `path`, or `None` for a file with no named
/// parent (`x.txt`, `./x.txt`, `/x.txt`).
fn category_of(path: &Path) -> Option<String> {
    let name = path.parent()?.file_name()?.to_string_lossy();
    (!name.is_empty()).then(|| name.into_owned())
}

/// Splits plain text into paragraphs: on blank lines when there are any (the
/// lines of one paragraph then join with a space), else one per line.
pub(crate) fn split_paragraphs(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let lines = &lines[first..=last];
    if !lines.iter().any(|l| l.trim().is_empty()) {
        return lines.iter().map(|l| normalize_whitespace(l)).collect();
    }
    lines
        .split(|l| l.trim().is_empty())
        .filter(|block| !block.is_empty())
        .map(|block| normalize_whitespace(&block.join(" ")))
        .collect()
}

/// Trimmed, `None` when empty.
fn clean(value: Option<String>) -> Option<String> {
    value
        .map(|v| normalize_whitespace(&v))
        .filter(|v| !v.is_empty())
}

/// Normalised, empty entries and repeats dropped, order kept.
fn clean_list(values: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(values.len());
    for value in values {
        let value = normalize_whitespace(&value);
        if !value.is_empty() && !out.contains(&value) {
            out.push(value);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finish_normalises_and_fills_in() {
        let draft = Draft {
            title: Some("  A   title ".into()),
            paragraphs: vec!["  one \n two ".into(), "   ".into(), "three".into()],
            url: Some(" https://www.Example.com/a ".into()),
            authors: vec!["Ann".into(), " Ann ".into(), "".into(), "Bob".into()],
            ..Draft::default()
        };
        let article = draft
            .finish(Path::new("corpus/politics/x.json"), Place::Line(3))
            .expect("article");
        assert_eq!(article.id, "corpus/politics/x.json#3");
        assert_eq!(article.title, "A title");
        assert_eq!(article.paragraphs, vec!["one two", "three"]);
        assert_eq!(article.url.as_deref(), Some("https://www.Example.com/a"));
        assert_eq!(article.source.as_deref(), Some("example.com"));
        assert_eq!(article.authors, vec!["Ann", "Bob"]);
        assert_eq!(article.category.as_deref(), Some("politics"));
    }

    #[test]
    fn explicit_source_wins_over_url() {
        let draft = Draft {
            paragraphs: vec!["Text.".into()],
            url: Some("https://bbc.co.uk/x".into()),
            source: Some("BBC News".into()),
            ..Draft::default()
        };
        let article = draft
            .finish(Path::new("x.txt"), Place::File)
            .expect("article");
        assert_eq!(article.source.as_deref(), Some("BBC News"));
        assert_eq!(article.title, "Text");
        assert_eq!(article.category, None);
        assert_eq!(article.id, "x.txt");
    }

    #[test]
    fn no_text_is_a_problem_at_its_place() {
        let draft = || Draft {
            title: Some("Title".into()),
            paragraphs: vec![" ".into()],
            ..Draft::default()
        };
        let path = Path::new("d/a.json");
        let p = draft().finish(path, Place::File).expect_err("problem");
        assert_eq!(p.to_string(), "d/a.json: no article text");
        let p = draft().finish(path, Place::Line(4)).expect_err("problem");
        assert_eq!(p.to_string(), "d/a.json:4: no article text");
        let p = draft().finish(path, Place::Item(2)).expect_err("problem");
        assert_eq!(p.to_string(), "d/a.json: article #2: no article text");
    }

    #[test]
    fn derived_titles() {
        assert_eq!(derive_title("Short one. Then more."), "Short one");
        assert_eq!(derive_title("Is it? Yes."), "Is it?");
        assert_eq!(
            derive_title(
                "Donald Trump has defended his special envoy Steve Witkoff as doing the \
                 standard thing after a leaked recording appeared."
            ),
            "Donald Trump has defended his special envoy Steve Witkoff as doing the…"
        );
        assert_eq!(
            derive_title(
                "One, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, thirteen"
            ),
            "One, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve…"
        );
    }

    #[test]
    fn sources_from_urls() {
        let cases = [
            ("https://www.bbc.co.uk/news/x", Some("bbc.co.uk")),
            ("http://Example.COM:8080/path?q#f", Some("example.com")),
            ("https://user:pw@news.site.org", Some("news.site.org")),
            ("//cdn.example.net/a", Some("cdn.example.net")),
            ("https://[::1]:80/", Some("::1")),
            ("not a url", None),
            ("", None),
            ("https:///path", None),
        ];
        for (url, want) in cases {
            assert_eq!(source_from_url(url).as_deref(), want, "{url}");
        }
    }

    #[test]
    fn categories_from_folders() {
        assert_eq!(
            category_of(Path::new("corpus/sport/1.txt")).as_deref(),
            Some("sport")
        );
        assert_eq!(
            category_of(Path::new("/abs/tech/1.txt")).as_deref(),
            Some("tech")
        );
        assert_eq!(category_of(Path::new("1.txt")), None);
        assert_eq!(category_of(Path::new("./1.txt")), None);
        assert_eq!(category_of(Path::new("/1.txt")), None);
    }

    #[test]
    fn paragraphs_on_blank_lines_or_single_lines() {
        assert_eq!(
            split_paragraphs("\n\nOne\nstill one\n\n  \nTwo\n\n"),
            vec!["One still one", "Two"]
        );
        assert_eq!(
            split_paragraphs("One\nTwo\n  Three "),
            vec!["One", "Two", "Three"]
        );
        assert!(split_paragraphs(" \n \n").is_empty());
    }
}
