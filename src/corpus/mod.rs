//! Finding article files and parsing each supported format into one [`Article`].
//!
//! This stage knows file formats (plain text, Markdown with front matter, JSON,
//! JSON Lines, HTML) and nothing about language analysis or storage: it hands
//! clean paragraphs and metadata to the stages after it.
//!
//! The flow is [`find_article_files`] (which files, in which order) →
//! [`parse_file`] (one file to zero or more articles). Anything that goes wrong
//! with one file, or one line of a file, becomes a [`Problem`]: reported and
//! counted by the caller, never fatal, so one broken file cannot stop an index
//! run over thousands.
//!
//! Each format lives in its own module; what they share (dates, turning loose
//! fields into a valid `Article`) lives in [`date`] and `draft`.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

pub mod date;
mod draft;
mod html;
mod json;
mod markdown;
pub mod read;
mod text;
pub mod walk;

#[cfg(test)]
mod corpora_tests;

pub use date::parse_published;
pub use draft::source_from_url;
pub use read::{MAX_FILE_BYTES, read_bytes, read_text};
pub use walk::{Found, find_article_files};

/// One news article, as parsed from a file (or one line of a JSON Lines file).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    /// Stable identifier: the file path as given on the command line, plus
    /// `#N` (1-based line number) for articles inside a JSON Lines file, or
    /// `#N` (1-based position) for articles inside a JSON array.
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

/// The file formats newsdex reads, recognised by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Format {
    /// `.txt`: optional `Key: value` header, a title line, then paragraphs.
    Text,
    /// `.md`, `.markdown`: optional YAML front matter, then Markdown.
    Markdown,
    /// `.json`: one article object, or an array of them.
    Json,
    /// `.jsonl`, `.ndjson`: one article object per line.
    JsonLines,
    /// `.html`, `.htm`: a web page; the article is found inside it.
    Html,
}

impl Format {
    /// The format of a file, from its extension (case-insensitive), or `None`
    /// when the extension is missing or not supported.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Something that went wrong with one file or one line of a file. Reported,
/// counted, never fatal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file at fault.
    pub path: PathBuf,
    /// The 1-based line, for problems with one line of a JSON Lines file.
    pub line: Option<usize>,
    /// What went wrong, as a sentence fragment ("not valid JSON: ...").
    pub reason: String,
}

impl Problem {
    /// A problem with a whole file.
    pub fn new(path: impl Into<PathBuf>, reason: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            line: None,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}

impl std::error::Error for Problem {}

/// Parses one file into articles, calling `emit` for each article or problem,
/// in file order.
///
/// JSON Lines files are streamed line by line, so their size is not limited and
/// a bad line costs only that line. Every other format is read whole with
/// [`read_text`] (and so is subject to [`MAX_FILE_BYTES`]).
pub fn parse_file(path: &Path, format: Format, emit: &mut dyn FnMut(Result<Article, Problem>)) {
    if format == Format::JsonLines {
        json::parse_lines_file(path, emit);
        return;
    }
    match read_bytes(path) {
        Ok(bytes) => parse_bytes(path, format, &bytes, emit),
        Err(reason) => emit(Err(Problem::new(path, reason))),
    }
}

/// Parses a whole file's bytes, already read (see [`read_bytes`]): decodes
/// them as [`read_text`] does, then parses as [`parse_str`].
pub fn parse_bytes(
    path: &Path,
    format: Format,
    bytes: &[u8],
    emit: &mut dyn FnMut(Result<Article, Problem>),
) {
    if format == Format::JsonLines {
        // Each line is decoded on its own, so one bad line loses only itself.
        return json::parse_lines(path, bytes, emit);
    }
    match read::decode(bytes) {
        Ok(text) => parse_str(path, format, &text, emit),
        Err(reason) => emit(Err(Problem::new(path, reason))),
    }
}

/// Parses text already in memory as if it were the content of `path`.
///
/// Useful for tests and for callers that get articles from somewhere other than
/// the file system; `path` still sets the article's id and category.
pub fn parse_str(
    path: &Path,
    format: Format,
    text: &str,
    emit: &mut dyn FnMut(Result<Article, Problem>),
) {
    match format {
        Format::Text => emit(text::parse(path, text)),
        Format::Markdown => emit(markdown::parse(path, text)),
        Format::Html => emit(html::parse(path, text)),
        Format::Json => json::parse(path, text, emit),
        Format::JsonLines => json::parse_lines(path, text.as_bytes(), emit),
    }
}

/// Parses one file and collects what [`parse_file`] emits.
pub fn parse_file_to_vec(path: &Path, format: Format) -> Vec<Result<Article, Problem>> {
    let mut out = Vec::new();
    parse_file(path, format, &mut |item| out.push(item));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension_ignores_case() {
        let cases = [
            ("a.txt", Some(Format::Text)),
            ("a.TXT", Some(Format::Text)),
            ("a.md", Some(Format::Markdown)),
            ("a.Markdown", Some(Format::Markdown)),
            ("a.json", Some(Format::Json)),
            ("a.jsonl", Some(Format::JsonLines)),
            ("a.NDJSON", Some(Format::JsonLines)),
            ("a.html", Some(Format::Html)),
            ("a.HTM", Some(Format::Html)),
            ("a.pdf", None),
            ("Makefile", None),
            (".txt", None),
        ];
        for (path, want) in cases {
            assert_eq!(Format::from_path(Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn problem_display_names_file_and_line() {
        let p = Problem::new(
            "corpus/x.json",
            "not valid JSON: expected value at line 1 column 5",
        );
        assert_eq!(
            p.to_string(),
            "corpus/x.json: not valid JSON: expected value at line 1 column 5"
        );
        let p = Problem {
            line: Some(7),
            ..Problem::new("corpus/y.jsonl", "no article text")
        };
        assert_eq!(p.to_string(), "corpus/y.jsonl:7: no article text");
    }

    fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dir");
        }
        std::fs::write(&path, bytes).expect("write file");
        path
    }

    #[test]
    fn parse_file_reads_decodes_and_dispatches() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        let txt = write(d, "sport/199.txt", b"Title\r\n\r\nWon \xA32m.\r\n");
        let md = write(
            d,
            "wiki/a.md",
            b"\xEF\xBB\xBF---\r\ntitle: T\r\ndate: 2025-01-02\r\n---\r\nBody *text*.\r\n",
        );
        let json = write(
            d,
            "j/a.json",
            br#"[{"title": "A", "text": "a"}, {"title": "B", "text": "b"}]"#,
        );
        let jsonl = write(d, "j/b.jsonl", b"{\"text\": \"a\"}\nnope\n");
        let html = write(d, "h/a.html", b"<title>T</title><p>Para.</p>");

        let out = parse_file_to_vec(&txt, Format::Text);
        let [Ok(a)] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert_eq!(a.paragraphs, vec!["Won \u{a3}2m."]);
        assert_eq!(a.id, txt.to_string_lossy());
        assert_eq!(a.path, txt);
        assert_eq!(a.category.as_deref(), Some("sport"));

        let out = parse_file_to_vec(&md, Format::Markdown);
        let [Ok(a)] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert_eq!(
            (a.title.as_str(), a.paragraphs[0].as_str()),
            ("T", "Body text.")
        );
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 1, 2));

        let ids: Vec<String> = parse_file_to_vec(&json, Format::Json)
            .into_iter()
            .map(|r| r.map(|a| a.id).unwrap_or_else(|p| p.to_string()))
            .collect();
        let base = json.to_string_lossy();
        assert_eq!(ids, vec![format!("{base}#1"), format!("{base}#2")]);

        let out = parse_file_to_vec(&jsonl, Format::JsonLines);
        assert!(out[0].is_ok());
        assert!(out[1].as_ref().is_err_and(|p| p.line == Some(2)));

        let out = parse_file_to_vec(&html, Format::Html);
        assert!(out[0].as_ref().is_ok_and(|a| a.title == "T"));
    }

    #[test]
    fn unreadable_files_are_problems() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        let binary = write(d, "a.txt", b"\x7fELF\x02\x01\x01\x00\x00");
        let empty = write(d, "b.md", b"  \n");
        let missing = d.join("missing.json");
        for (path, format, reason) in [
            (&binary, Format::Text, "binary file"),
            (&empty, Format::Markdown, "empty file"),
            (&empty, Format::JsonLines, "empty file"),
        ] {
            let out = parse_file_to_vec(path, format);
            assert_eq!(out, vec![Err(Problem::new(path, reason))]);
        }
        for format in [Format::Json, Format::JsonLines] {
            let out = parse_file_to_vec(&missing, format);
            assert!(
                out[0]
                    .as_ref()
                    .is_err_and(|p| p.reason.starts_with("cannot read: ")),
                "{out:?}"
            );
        }
    }
}
