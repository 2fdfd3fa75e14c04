//! Extraction throughput: speakers, entities, dates and quotes found in every
//! article of a corpus, in-process, on one thread, without indexing.
//!
//! ```sh
//! cargo bench --bench extract_speed -- ../shared/corpora/bbc 5
//! ```
//!
//! Arguments: the corpus folder (default `../shared/corpora/bbc`) and the
//! number of timed passes (default 5). Articles are read and split once,
//! before timing. Prints articles per second, and microseconds per article
//! for the best pass, so a change to `extract` can be measured on its own
//! (the cost it adds to indexing is what `bench/run.py` reports).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Result, bail};
use newsdex::corpus::{Found, find_article_files, parse_file_to_vec};
use newsdex::extract::extract;
use newsdex::passages::split_passages;

/// The binary's allocator, so allocation costs what it costs when indexing.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    // `cargo bench` passes `--bench`; anything else not starting with `--` is a setting.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let corpus = PathBuf::from(args.first().map_or("../shared/corpora/bbc", String::as_str));
    let passes: usize = args.get(1).map_or(Ok(5), |n| n.parse())?;

    let mut articles = Vec::new();
    for found in find_article_files(std::slice::from_ref(&corpus)) {
        if let Found::Article { path, format } = found {
            articles.extend(parse_file_to_vec(&path, format).into_iter().flatten());
        }
    }
    if articles.is_empty() {
        bail!("no articles under {}", corpus.display());
    }
    let split: Vec<_> = articles
        .iter()
        .map(|article| (article, split_passages(&article.paragraphs)))
        .collect();

    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..passes.max(1) {
        let started = Instant::now();
        found = 0;
        for (article, passages) in &split {
            let extraction = extract(article, passages);
            found += extraction.quotes.len() + extraction.persons.len();
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "{} articles: {:.0} articles/s, {:.1} µs per article (best of {passes}; {found} quotes and persons)",
        split.len(),
        split.len() as f64 / best,
        best * 1e6 / split.len() as f64,
    );
    Ok(())
}
