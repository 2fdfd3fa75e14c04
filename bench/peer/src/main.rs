//! A minimal search engine on the same Tantivy as newsdex, to measure newsdex against.
//!
//! It does what any Tantivy program does and nothing newsdex adds: one document
//! per article (title and body with the `en_stem` analyser, plus the published
//! day as a number), BM25 top-10 with a `SnippetGenerator` snippet, and no
//! passages, no extraction, no tiers. Filters in query lines are mapped onto
//! what it has: `--since`/`--until` become a range over the published day, and
//! a `--speaker` or `--entity` name becomes one more required word.
//!
//! ```text
//! newsdex-bench-peer index CORPUS INDEX [THREADS] [MEMORY_MB]
//! newsdex-bench-peer query INDEX QUERIES [REPEAT] [WARMUP]   # JSON line per query
//! newsdex-bench-peer search INDEX [--since D] [--speaker N] WORDS...
//! ```

use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::time::Instant;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery};
use tantivy::schema::{FAST, INDEXED, STORED, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, TantivyDocument, Term, doc};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: &str| args.get(i).cloned().unwrap_or(default.to_string());
    match args.first().map(String::as_str) {
        Some("index") => index(
            Path::new(&arg(1, "")),
            Path::new(&arg(2, "")),
            arg(3, "2").parse()?,
            arg(4, "512").parse()?,
        ),
        Some("query") => query_list(
            Path::new(&arg(1, "")),
            Path::new(&arg(2, "")),
            arg(3, "30").parse()?,
            arg(4, "3").parse()?,
        ),
        Some("search") => {
            let (index, fields) = open(Path::new(&arg(1, "")))?;
            let searcher = index.reader()?.searcher();
            let (query, snippets) = build_query(&index, fields, &args[2..].join(" "), &searcher)?;
            let (top, total) =
                searcher.search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
            println!("{total} matching articles");
            for (score, address) in top {
                let doc: TantivyDocument = searcher.doc(address)?;
                let title = doc
                    .get_first(fields.title)
                    .and_then(|v| v.as_str())
                    .unwrap_or("");
                let body = doc
                    .get_first(fields.body)
                    .and_then(|v| v.as_str())
                    .unwrap_or("");
                println!(
                    "{score:.3}  {title}\n    {}",
                    snippets.snippet(body).fragment()
                );
            }
            Ok(())
        }
        _ => Err("usage: newsdex-bench-peer index|query|search ... (see the source)".into()),
    }
}

#[derive(Clone, Copy)]
struct Fields {
    title: tantivy::schema::Field,
    body: tantivy::schema::Field,
    published: tantivy::schema::Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(tantivy::schema::IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let title = builder.add_text_field("title", text.clone());
    let body = builder.add_text_field("body", text);
    let published = builder.add_u64_field("published", INDEXED | FAST | STORED);
    (
        builder.build(),
        Fields {
            title,
            body,
            published,
        },
    )
}

fn open(dir: &Path) -> Result<(Index, Fields)> {
    let index = Index::open_in_dir(dir)?;
    let schema = index.schema();
    let field = |name: &str| schema.get_field(name);
    Ok((
        index,
        Fields {
            title: field("title")?,
            body: field("body")?,
            published: field("published")?,
        },
    ))
}

/// Indexes every `.txt` article under `corpus`, as newsdex's walker sees them.
fn index(corpus: &Path, dir: &Path, threads: usize, memory_mb: usize) -> Result<()> {
    let started = Instant::now();
    let (schema, fields) = schema();
    std::fs::create_dir_all(dir)?;
    let index = Index::create_in_dir(dir, schema)?;
    let mut writer = index.writer_with_num_threads(threads, memory_mb << 20)?;
    let mut files = Vec::new();
    walk(corpus, &mut files)?;
    files.sort();
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        // UTF-8, else Latin-1 (one BBC file has a stray byte).
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|e| e.into_bytes().iter().map(|&b| b as char).collect());
        let (date, title, body) = parse_article(&text);
        let mut document = doc!(fields.title => title, fields.body => body);
        if let Some(day) = date {
            document.add_u64(fields.published, day);
        }
        writer.add_document(document)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    eprintln!(
        "indexed {} articles in {:.2} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if name.starts_with('.') || name.starts_with("readme") || name.starts_with("license") {
            continue;
        }
        if path.is_dir() {
            walk(&path, files)?;
        } else if name.ends_with(".txt") {
            files.push(path);
        }
    }
    Ok(())
}

/// Splits the bundled `.txt` format: header lines, a blank line, title, body.
fn parse_article(text: &str) -> (Option<u64>, &str, &str) {
    let mut rest = text.trim_start();
    let mut date = None;
    while let Some((line, after)) = rest.split_once('\n') {
        let Some((key, value)) = line.split_once(':') else {
            break;
        };
        if !["date", "published", "author", "url", "source"]
            .contains(&key.trim().to_ascii_lowercase().as_str())
        {
            break;
        }
        if key.eq_ignore_ascii_case("date") || key.eq_ignore_ascii_case("published") {
            date = day_span(value.trim()).map(|(start, _)| start);
        }
        rest = after;
    }
    let rest = rest.trim_start();
    let (title, body) = rest.split_once('\n').unwrap_or((rest, ""));
    (date, title.trim(), body.trim())
}

/// `2005`, `2005-11` or `2005-11-26` as the first and last day it names, as YYYYMMDD.
fn day_span(text: &str) -> Option<(u64, u64)> {
    let parts: Vec<u64> = text
        .get(..10.min(text.len()))?
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match parts[..] {
        [y] => Some((y * 10000 + 101, y * 10000 + 1231)),
        [y, m] => Some((y * 10000 + m * 100 + 1, y * 10000 + m * 100 + 31)),
        [y, m, d] => Some((y * 10000 + m * 100 + d, y * 10000 + m * 100 + d)),
        _ => None,
    }
}

/// A query line (`--since 2005 --speaker Blair oil prices`) as a Tantivy query
/// and the snippet generator for its body matches.
fn build_query(
    index: &Index,
    fields: Fields,
    line: &str,
    searcher: &tantivy::Searcher,
) -> Result<(BooleanQuery, SnippetGenerator)> {
    let (mut words, mut since, mut until) = (Vec::new(), Bound::Unbounded, Bound::Unbounded);
    let mut tokens = tokenize(line).into_iter();
    while let Some(token) = tokens.next() {
        let mut value = || {
            tokens
                .next()
                .map(|v| v.trim_matches('"').to_string())
                .ok_or("flag without value")
        };
        match token.as_str() {
            "--speaker" | "--entity" => words.push(value()?),
            "--since" => since = Bound::Included(day_span(&value()?).ok_or("bad date")?.0),
            "--until" => until = Bound::Included(day_span(&value()?).ok_or("bad date")?.1),
            _ => words.push(token),
        }
    }
    let mut parser = QueryParser::for_index(index, vec![fields.title, fields.body]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(fields.title, 3.0);
    let text_query = parser.parse_query(&words.join(" "))?;
    let mut generator = SnippetGenerator::create(searcher, &*text_query, fields.body)?;
    generator.set_max_num_chars(320);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query)];
    if since != Bound::Unbounded || until != Bound::Unbounded {
        let term = |day| Term::from_field_u64(fields.published, day);
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(since.map(term), until.map(term))),
        ));
    }
    Ok((BooleanQuery::new(clauses), generator))
}

/// Splits on spaces, keeping `"quoted phrases"` whole with their quotes.
fn tokenize(line: &str) -> Vec<String> {
    let (mut tokens, mut current, mut quoted) = (Vec::new(), String::new(), false);
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            tokens.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
        } else {
            current.push(c);
        }
    }
    tokens.extend((!current.is_empty()).then_some(current));
    tokens
}

/// Runs each query of `file` (lines `class<TAB>query line`) `repeat` times after
/// `warmup` passes over the whole list; prints one JSON line per query.
fn query_list(dir: &Path, file: &Path, repeat: usize, warmup: usize) -> Result<()> {
    let (index, fields) = open(dir)?;
    let searcher = index.reader()?.searcher();
    let text = std::fs::read_to_string(file)?;
    let queries: Vec<(&str, &str)> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once('\t').unwrap_or(("other", l)))
        .collect();
    let run = |line: &str| -> Result<(usize, usize)> {
        let (query, snippets) = build_query(&index, fields, line, &searcher)?;
        let (top, total) =
            searcher.search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
        for (_, address) in &top {
            let doc: TantivyDocument = searcher.doc(*address)?;
            let body = doc
                .get_first(fields.body)
                .and_then(|v| v.as_str())
                .unwrap_or("");
            std::hint::black_box(snippets.snippet(body));
        }
        Ok((top.len(), total))
    };
    for _ in 0..warmup {
        for (_, line) in &queries {
            run(line)?;
        }
    }
    for (class, line) in &queries {
        let mut samples = Vec::with_capacity(repeat);
        let mut counts = (0, 0);
        for _ in 0..repeat {
            let started = Instant::now();
            counts = run(line)?;
            samples.push(started.elapsed().as_micros() as u64);
        }
        let line_json = serde_json::json!({"system": "tantivy-peer", "class": class, "query": line.trim(), "hits": counts.0, "total": counts.1, "samples_us": samples});
        println!("{line_json}");
    }
    Ok(())
}
