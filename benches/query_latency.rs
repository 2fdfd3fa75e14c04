//! Query latency: each query of a list, run in-process many times on an
//! existing index, as `newsdex search` runs it (top 10, snippets built).
//!
//! ```sh
//! NEWSDEX_BENCH_INDEX=index NEWSDEX_BENCH_QUERIES=bench/queries.txt \
//!     cargo bench --bench query_latency
//! ```
//!
//! Settings come from the environment or, in this order, from arguments:
//! `NEWSDEX_BENCH_INDEX` (default `index`), `NEWSDEX_BENCH_QUERIES` (default
//! `bench/queries.txt`: lines `class<TAB>query`, the query as given to
//! `newsdex search`, flags included), `NEWSDEX_BENCH_REPEAT` (timed runs per
//! query, default 30) and `NEWSDEX_BENCH_WARMUP` (untimed passes over the whole
//! list first, default 3). Prints one JSON line per query on stdout (`system`,
//! `class`, `query`, `hits`, `total`, `samples_us`, `p50_us`, `p95_us`,
//! `max_us`) and a table by query class on stderr. `bench/run.py` reads the
//! JSON lines.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use newsdex::index::NewsIndex;
use newsdex::search::filters::parse_date_span;
use newsdex::search::{SearchRequest, search};

/// The binary's allocator, so a query allocates as it does in `newsdex search`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    // `cargo bench` passes `--bench`; anything else not starting with `--` is a setting.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let setting = |position: usize, name: &str, default: &str| {
        args.get(position)
            .cloned()
            .or_else(|| std::env::var(name).ok())
            .unwrap_or_else(|| default.to_string())
    };
    let index_dir = PathBuf::from(setting(0, "NEWSDEX_BENCH_INDEX", "index"));
    let queries_file = PathBuf::from(setting(1, "NEWSDEX_BENCH_QUERIES", "bench/queries.txt"));
    let repeat: usize = setting(2, "NEWSDEX_BENCH_REPEAT", "30").parse()?;
    let warmup: usize = setting(3, "NEWSDEX_BENCH_WARMUP", "3").parse()?;

    let index = NewsIndex::open(&index_dir)
        .with_context(|| format!("cannot open the index {}", index_dir.display()))?;
    let text = std::fs::read_to_string(&queries_file)
        .with_context(|| format!("cannot read {}", queries_file.display()))?;
    let mut queries = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (class, query) = line.split_once('\t').unwrap_or(("other", line));
        let request = request_from(query)
            .with_context(|| format!("{}: bad query line `{line}`", queries_file.display()))?;
        queries.push((class.to_string(), query.trim().to_string(), request));
    }
    if queries.is_empty() {
        bail!("{} holds no queries", queries_file.display());
    }

    for _ in 0..warmup {
        for (_, _, request) in &queries {
            search(&index, request)?;
        }
    }
    let mut by_class: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for (class, query, request) in &queries {
        let mut samples = Vec::with_capacity(repeat);
        let mut counts = (0, 0);
        for _ in 0..repeat.max(1) {
            let started = Instant::now();
            let results = search(&index, request)?;
            samples.push(started.elapsed().as_micros() as u64);
            counts = (results.hits.len(), results.total);
        }
        let (p50, p95, max) = percentiles(&samples);
        let line = serde_json::json!({
            "system": "newsdex", "class": class, "query": query,
            "hits": counts.0, "total": counts.1, "samples_us": samples,
            "p50_us": p50, "p95_us": p95, "max_us": max,
        });
        println!("{line}");
        by_class.entry(class.clone()).or_default().extend(&samples);
        by_class
            .entry("(all)".to_string())
            .or_default()
            .extend(&samples);
    }
    eprintln!(
        "{:<10} {:>8} {:>10} {:>10} {:>10}",
        "class", "runs", "p50 ms", "p95 ms", "max ms"
    );
    for (class, samples) in &by_class {
        let (p50, p95, max) = percentiles(samples);
        let ms = |us: u64| us as f64 / 1000.0;
        eprintln!(
            "{class:<10} {:>8} {:>10.2} {:>10.2} {:>10.2}",
            samples.len(),
            ms(p50),
            ms(p95),
            ms(max)
        );
    }
    Ok(())
}

/// A query line as the CLI reads it: `--speaker`, `--entity`, `--source`,
/// `--since`, `--until` and `--mentions` with their values, the rest is query text.
fn request_from(line: &str) -> Result<SearchRequest> {
    let mut words = Vec::new();
    let mut request = SearchRequest::new("");
    let mut tokens = tokenize(line).into_iter();
    while let Some(token) = tokens.next() {
        if !token.starts_with("--") {
            words.push(token);
            continue;
        }
        let value = tokens
            .next()
            .map(|v| v.trim_matches('"').to_string())
            .with_context(|| format!("{token} needs a value"))?;
        let filters = &mut request.filters;
        match token.as_str() {
            "--speaker" => filters.speakers.push(value),
            "--entity" => filters.entities.push(value),
            "--source" => filters.sources.push(value),
            "--since" => filters.since = Some(parse_date_span(&value)?.0),
            "--until" => filters.until = Some(parse_date_span(&value)?.1),
            "--mentions" => {
                filters.mentions = Some(newsdex::search::filters::parse_date_range(&value)?)
            }
            _ => bail!("unknown flag {token}"),
        }
    }
    request.query = words.join(" ");
    Ok(request)
}

/// Splits on spaces, keeping `"quoted phrases"` whole with their quotes.
fn tokenize(line: &str) -> Vec<String> {
    let (mut tokens, mut current, mut quoted) = (Vec::new(), String::new(), false);
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// Median, 95th percentile (nearest rank) and maximum.
fn percentiles(samples: &[u64]) -> (u64, u64, u64) {
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let rank =
        |p: f64| sorted[((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1];
    (rank(0.50), rank(0.95), *sorted.last().unwrap_or(&0))
}
