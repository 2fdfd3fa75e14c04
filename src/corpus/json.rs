//! JSON (`.json`) and JSON Lines (`.jsonl`, `.ndjson`) articles.
//!
//! Field names vary between scrapers and datasets (news-please, newspaper3k,
//! schema.org exports, hand-made dumps), so each field is looked up under
//! several names, case-insensitively, and several value shapes are accepted
//! (a string or a list of strings; an author as a string or as `{name}`).
//! JSON Lines files are streamed, so a multi-gigabyte dump is never held in
//! memory, and a bad line costs only that line.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use chrono::DateTime;
use serde_json::{Map, Value};

use super::date::parse_published;
use super::draft::{Draft, Place, split_paragraphs};
use super::read::{MAX_FILE_BYTES, decode, decode_8bit, looks_binary};
use super::{Article, Problem};

const TITLE: &[&str] = &["title", "headline"];
const BODY: &[&str] = &["text", "body", "content", "maintext", "article"];
const DATE: &[&str] = &[
    "date",
    "published",
    "date_publish",
    "publish_date",
    "datepublished",
    "pubdate",
    "published_at",
];
const URL: &[&str] = &["url", "link"];
const AUTHORS: &[&str] = &["authors", "author"];
const SOURCE: &[&str] = &["source", "source_domain", "publisher", "site"];
const TAGS: &[&str] = &["tags", "keywords"];

/// Parses a `.json` file: one article object, or an array of them (then each
/// article's id ends in `#N`, its 1-based position).
pub(crate) fn parse(path: &Path, text: &str, emit: &mut dyn FnMut(Result<Article, Problem>)) {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return emit(Err(Problem::new(path, format!("not valid JSON: {e}")))),
    };
    match value {
        Value::Object(object) => emit(article(path, &object, Place::File)),
        Value::Array(items) => {
            if items.is_empty() {
                return emit(Err(Problem::new(
                    path,
                    "no articles: the JSON array is empty",
                )));
            }
            for (i, item) in items.iter().enumerate() {
                let place = Place::Item(i + 1);
                emit(match item {
                    Value::Object(object) => article(path, object, place),
                    other => Err(place.problem(path, not_an_object(other))),
                });
            }
        }
        other => emit(Err(Problem::new(path, not_an_object(&other)))),
    }
}

/// Streams a JSON Lines file from disk (see [`parse_lines`]).
pub(crate) fn parse_lines_file(path: &Path, emit: &mut dyn FnMut(Result<Article, Problem>)) {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return emit(Err(Problem::new(path, format!("cannot read: {e}")))),
    };
    parse_lines(path, BufReader::with_capacity(64 * 1024, file), emit);
}

/// Parses JSON Lines from a reader, one article per non-blank line; a bad
/// line is a [`Problem`] with its 1-based line number and the rest go on.
pub(crate) fn parse_lines(
    path: &Path,
    mut reader: impl BufRead,
    emit: &mut dyn FnMut(Result<Article, Problem>),
) {
    let (utf16, binary) = match reader.fill_buf() {
        Ok(start) => (
            start.starts_with(&[0xFF, 0xFE]) || start.starts_with(&[0xFE, 0xFF]),
            looks_binary(start),
        ),
        Err(e) => return emit(Err(Problem::new(path, format!("cannot read: {e}")))),
    };
    // A UTF-16 file cannot be split on b'\n'; such files are rare, so read one
    // whole (within the size limit) rather than stream it.
    if utf16 {
        let mut bytes = Vec::new();
        let read = reader
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read: {e}"));
        let text = read.and_then(|_| {
            if bytes.len() as u64 > MAX_FILE_BYTES {
                Err("UTF-16 JSON Lines file is over the 64 MiB limit".to_string())
            } else {
                decode(&bytes)
            }
        });
        match text {
            Ok(text) => lines_of(path, text.lines().map(|l| Ok(l.to_string())), emit),
            Err(reason) => emit(Err(Problem::new(path, reason))),
        }
        return;
    }
    if binary {
        return emit(Err(Problem::new(path, "binary file")));
    }
    lines_of(
        path,
        ByteLines {
            reader,
            first: true,
        },
        emit,
    );
}

/// Lines of a JSON Lines file: decoded text, or why a line could not be read.
type Line = Result<String, String>;

fn lines_of(
    path: &Path,
    lines: impl Iterator<Item = Line>,
    emit: &mut dyn FnMut(Result<Article, Problem>),
) {
    let mut any = false;
    for (i, line) in lines.enumerate() {
        let place = Place::Line(i + 1);
        let line = match line {
            Ok(line) => line,
            Err(reason) => {
                let stop = reason.starts_with("cannot read");
                emit(Err(place.problem(path, reason)));
                if stop {
                    return;
                }
                any = true;
                continue;
            }
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        any = true;
        emit(match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => article(path, &object, place),
            Ok(other) => Err(place.problem(path, not_an_object(&other))),
            Err(e) => Err(place.problem(path, format!("not valid JSON: {e}"))),
        });
    }
    if !any {
        emit(Err(Problem::new(path, "empty file")));
    }
}

/// Splits a byte stream into decoded lines without holding more than one line.
struct ByteLines<R> {
    reader: R,
    first: bool,
}

impl<R: BufRead> Iterator for ByteLines<R> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let mut buf = Vec::new();
        let limit = MAX_FILE_BYTES + 1;
        match (&mut self.reader).take(limit).read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => return Some(Err(format!("cannot read: {e}"))),
        }
        if buf.len() as u64 >= limit && !buf.ends_with(b"\n") {
            if let Err(e) = skip_line(&mut self.reader) {
                return Some(Err(format!("cannot read: {e}")));
            }
            return Some(Err("line is over the 64 MiB limit".to_string()));
        }
        let mut bytes = buf.as_slice();
        if std::mem::take(&mut self.first) {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        Some(Ok(decode_8bit(bytes)))
    }
}

/// Consumes the reader up to and including the next `\n`.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let len = chunk.len();
                reader.consume(len);
            }
        }
    }
}

fn not_an_object(value: &Value) -> String {
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    format!("expected a JSON object, found {kind}")
}

/// One article object to an article.
fn article(path: &Path, object: &Map<String, Value>, place: Place) -> Result<Article, Problem> {
    let draft = Draft {
        title: field(object, TITLE).and_then(text),
        paragraphs: field(object, BODY).map(paragraphs).unwrap_or_default(),
        published: field(object, DATE).and_then(date),
        authors: field(object, AUTHORS).map(names).unwrap_or_default(),
        url: field(object, URL).and_then(text),
        source: field(object, SOURCE).and_then(name),
        tags: field(object, TAGS).map(tags).unwrap_or_default(),
    };
    draft.finish(path, place)
}

/// The first of `names` present (case-insensitively) with a non-null value.
fn field<'a>(object: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|name| {
        object
            .get(*name)
            .or_else(|| {
                object
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v)
            })
            .filter(|v| !v.is_null())
    })
}

/// A string, or a number or boolean written as text.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A string, or the `name` of an object (`{"name": "BBC"}`).
fn name(value: &Value) -> Option<String> {
    match value {
        Value::Object(object) => field(object, &["name"]).and_then(text),
        other => text(other),
    }
}

/// A body: one string (split into paragraphs), or a list of paragraphs.
fn paragraphs(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items
            .iter()
            .filter_map(text)
            .flat_map(|item| split_paragraphs(&item))
            .collect(),
        other => text(other)
            .map(|body| split_paragraphs(&body))
            .unwrap_or_default(),
    }
}

/// A date string in any form [`parse_published`] knows, or a Unix timestamp
/// in seconds or milliseconds.
fn date(value: &Value) -> Option<chrono::NaiveDate> {
    match value {
        Value::String(s) => parse_published(s),
        Value::Number(n) => {
            let n = n.as_i64()?;
            // Seconds would mean a date after the year 5000: milliseconds.
            let seconds = if n.abs() > 100_000_000_000 {
                n / 1000
            } else {
                n
            };
            DateTime::from_timestamp(seconds, 0).map(|d| d.date_naive())
        }
        _ => None,
    }
}

/// Authors: a string, an object with a name, or a list of either.
fn names(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(name).collect(),
        other => name(other).into_iter().collect(),
    }
}

/// Tags: a list of strings, or one comma-separated string.
fn tags(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(name).collect(),
        other => text(other)
            .map(|s| s.split(',').map(str::to_string).collect())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::io::Write;

    fn parse_all(text: &str) -> Vec<Result<Article, Problem>> {
        let mut out = Vec::new();
        parse(Path::new("news/a.json"), text, &mut |r| out.push(r));
        out
    }

    fn lines_all(bytes: &[u8]) -> Vec<Result<Article, Problem>> {
        let mut out = Vec::new();
        parse_lines(Path::new("news/a.jsonl"), bytes, &mut |r| out.push(r));
        out
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn one_object_with_every_field() {
        let out = parse_all(
            r#"{"headline": "H", "maintext": "P1 line\nstill P1\n\nP2",
                "date_publish": "2025-06-02 09:30:00", "link": "https://www.site.com/x",
                "authors": ["Ann", {"name": "Bob"}], "keywords": "a, b", "extra": 1}"#,
        );
        let [Ok(a)] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert_eq!(a.id, "news/a.json");
        assert_eq!(a.title, "H");
        assert_eq!(a.paragraphs, vec!["P1 line still P1", "P2"]);
        assert_eq!(a.published, ymd(2025, 6, 2));
        assert_eq!(a.url.as_deref(), Some("https://www.site.com/x"));
        assert_eq!(a.source.as_deref(), Some("site.com"));
        assert_eq!(a.authors, vec!["Ann", "Bob"]);
        assert_eq!(a.tags, vec!["a", "b"]);
        assert_eq!(a.category.as_deref(), Some("news"));
    }

    #[test]
    fn field_name_and_value_variants() {
        let out = parse_all(
            r#"{"Title": "T", "body": ["One.", "", "Two.\n\nThree."],
                "datePublished": "Mon, 02 Jun 2025 09:30:00 GMT",
                "author": {"name": "Ann"}, "publisher": {"name": "The Post"},
                "tags": ["x", {"name": "y"}]}"#,
        );
        let [Ok(a)] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert_eq!(a.title, "T");
        assert_eq!(a.paragraphs, vec!["One.", "Two.", "Three."]);
        assert_eq!(a.published, ymd(2025, 6, 2));
        assert_eq!(a.authors, vec!["Ann"]);
        assert_eq!(a.source.as_deref(), Some("The Post"));
        assert_eq!(a.tags, vec!["x", "y"]);

        let out = parse_all(r#"{"text": "A\nB", "pubDate": 1748856600, "author": "Ann"}"#);
        let [Ok(a)] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert_eq!(a.paragraphs, vec!["A", "B"]);
        assert_eq!(a.title, "A");
        assert_eq!(a.published, ymd(2025, 6, 2));
        let out =
            parse_all(r#"{"text": "A", "published": 1748856600000, "source_domain": "x.org"}"#);
        let [Ok(a)] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert_eq!(a.published, ymd(2025, 6, 2));
        assert_eq!(a.source.as_deref(), Some("x.org"));
    }

    #[test]
    fn arrays_give_numbered_articles() {
        let out = parse_all(r#"[{"title": "A", "text": "a"}, 3, {"title": "C"}, {"text": "c"}]"#);
        assert_eq!(out.len(), 4);
        assert_eq!(out[0].as_ref().map(|a| a.id.as_str()), Ok("news/a.json#1"));
        assert!(
            out[1].as_ref().is_err_and(|p| p.to_string()
                == "news/a.json: article #2: expected a JSON object, found a number")
        );
        assert!(
            out[2]
                .as_ref()
                .is_err_and(|p| p.reason == "article #3: no article text")
        );
        assert_eq!(out[3].as_ref().map(|a| a.id.as_str()), Ok("news/a.json#4"));
        assert!(parse_all("[]")[0].is_err());
    }

    #[test]
    fn malformed_json_reports_serde_position() {
        let out = parse_all("{\"title\": }");
        let [Err(p)] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert_eq!(
            p.to_string(),
            "news/a.json: not valid JSON: expected value at line 1 column 11"
        );
        let out = parse_all("\"just a string\"");
        assert!(
            out[0]
                .as_ref()
                .is_err_and(|p| p.reason.contains("found a string"))
        );
    }

    #[test]
    fn json_lines_keep_going_after_bad_lines() {
        let out = lines_all(
            b"\xEF\xBB\xBF{\"title\": \"One\", \"text\": \"a\"}\r\n\n{bad json\n[1]\n{\"title\": \"Four\", \"content\": \"b\"}\n{\"title\": \"no body\"}",
        );
        assert_eq!(out.len(), 5);
        assert_eq!(out[0].as_ref().map(|a| a.id.as_str()), Ok("news/a.jsonl#1"));
        let p = out[1].as_ref().expect_err("bad line");
        assert_eq!(p.line, Some(3));
        assert!(
            p.to_string()
                .starts_with("news/a.jsonl:3: not valid JSON: "),
            "{p}"
        );
        assert!(out[2].as_ref().is_err_and(|p| p.line == Some(4)));
        assert_eq!(out[3].as_ref().map(|a| a.title.as_str()), Ok("Four"));
        assert_eq!(out[3].as_ref().map(|a| a.id.as_str()), Ok("news/a.jsonl#5"));
        let p = out[4].as_ref().expect_err("no body");
        assert_eq!(p.to_string(), "news/a.jsonl:6: no article text");
    }

    #[test]
    fn json_lines_decoding_and_empty_files() {
        // A Latin-1 line is decoded, not lost.
        let out = lines_all(b"{\"title\": \"\xA35m deal\", \"text\": \"x\"}\n");
        assert_eq!(out[0].as_ref().map(|a| a.title.as_str()), Ok("£5m deal"));
        let out = lines_all(b"\n  \n");
        assert!(
            out[0]
                .as_ref()
                .is_err_and(|p| p.reason == "empty file" && p.line.is_none())
        );
        let out = lines_all(b"\x00\x01\x02binary");
        assert!(out[0].as_ref().is_err_and(|p| p.reason == "binary file"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "{\"text\": \"a\"}\n{\"text\": \"b\"}"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let out = lines_all(&utf16);
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].as_ref().map(|a| a.id.as_str()), Ok("news/a.jsonl#2"));
    }

    #[test]
    fn json_lines_from_a_file() {
        let mut file = tempfile::Builder::new()
            .suffix(".jsonl")
            .tempfile()
            .expect("temp file");
        for i in 0..1000 {
            writeln!(file, "{{\"title\": \"T{i}\", \"text\": \"Body {i}.\"}}").expect("write");
        }
        let mut count = 0;
        parse_lines_file(file.path(), &mut |r| {
            assert!(r.is_ok());
            count += 1;
        });
        assert_eq!(count, 1000);
    }
}
