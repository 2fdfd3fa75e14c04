//! The indexing pipeline: walk → parse → split → extract → one Tantivy writer.
//!
//! A walker thread streams file paths into a bounded channel; worker threads
//! parse, split and extract articles and hand documents to the one shared
//! `IndexWriter` (which runs its own indexing threads). Memory stays bounded
//! by the channel and the writer's budget, whatever the corpus size. The run
//! commits once at the end, so the previous index stays searchable until the
//! new one is complete. Progress is reported through [`Progress`]; this module
//! prints nothing itself.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use tantivy::{IndexWriter, TantivyDocument, TantivyError};

use super::document::passage_documents;
use super::schema::Fields;
use super::{open_for_writing, write_manifest};
use crate::corpus::{Article, Found, Problem, find_article_files, parse_file};
use crate::extract::{Extraction, PassageExtraction, extract};
use crate::passages::split_passages;

/// How to build an index.
#[derive(Clone, Debug)]
pub struct IndexOptions {
    /// Folders or files to index.
    pub roots: Vec<PathBuf>,
    /// Index folder.
    pub index_dir: PathBuf,
    /// Worker threads for parsing and extraction, and for Tantivy's writer.
    pub threads: usize,
    /// Total memory budget of the Tantivy writer, in MiB.
    pub memory_mb: usize,
    /// Run speaker, entity and date extraction (off only to measure its cost).
    pub extract: bool,
}

/// Receives progress events from the pipeline (the CLI draws a progress bar).
pub trait Progress: Sync {
    /// A file to index was found.
    fn file_found(&self);
    /// A file was parsed and its articles handed to the writer.
    fn file_done(&self, articles_so_far: u64);
    /// Everything is written and committed (or failed).
    fn finish(&self);
}

/// A [`Progress`] that shows nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn file_found(&self) {}
    fn file_done(&self, _: u64) {}
    fn finish(&self) {}
}

/// What an indexing run did.
#[derive(Debug, Default)]
pub struct IndexSummary {
    /// Articles indexed.
    pub articles: u64,
    /// Passages (documents) indexed.
    pub passages: u64,
    /// Files or lines skipped, with why, in the order found.
    pub skipped: Vec<Problem>,
    /// Wall time of the run.
    pub elapsed: Duration,
}

/// Smallest writer budget Tantivy accepts per indexing thread.
const MIN_MEMORY_PER_THREAD_MB: usize = 15;

/// Builds (or rebuilds) the index in `options.index_dir` from `options.roots`.
pub fn build_index(options: &IndexOptions, progress: &dyn Progress) -> Result<IndexSummary> {
    let started = Instant::now();
    let index = open_for_writing(&options.index_dir)?;
    let fields = Fields::new(&index.schema())?;
    let threads = options.threads.max(1);
    // Tantivy divides the budget among its threads; cap threads so each gets its minimum.
    let writer_threads = threads.min((options.memory_mb / MIN_MEMORY_PER_THREAD_MB).max(1));
    let budget_bytes = options.memory_mb.max(MIN_MEMORY_PER_THREAD_MB) * 1024 * 1024;
    let mut writer: IndexWriter = index
        .writer_with_num_threads(writer_threads, budget_bytes)
        .map_err(|error| lock_error(error, &options.index_dir))?;
    // Everything below is one transaction: readers see the old index until commit.
    writer.delete_all_documents()?;

    let articles = AtomicU64::new(0);
    let passages = AtomicU64::new(0);
    let skipped = Mutex::new(Vec::new());
    let first_error: Mutex<Option<anyhow::Error>> = Mutex::new(None);
    let (sender, receiver) = sync_channel::<(PathBuf, crate::corpus::Format)>(threads * 64);
    let receiver = Mutex::new(receiver);

    std::thread::scope(|scope| {
        let walker_skipped = &skipped;
        scope.spawn(move || {
            // An index kept inside the corpus folder is not part of the corpus.
            let index_dir = std::path::absolute(&options.index_dir).ok();
            let inside_index = |path: &Path| {
                index_dir.as_ref().is_some_and(|index_dir| {
                    std::path::absolute(path).is_ok_and(|path| path.starts_with(index_dir))
                })
            };
            for found in find_article_files(&options.roots) {
                let path = match &found {
                    Found::Article { path, .. } => path,
                    Found::Skipped(problem) => &problem.path,
                };
                if inside_index(path) {
                    continue;
                }
                match found {
                    Found::Article { path, format } => {
                        progress.file_found();
                        if sender.send((path, format)).is_err() {
                            break; // workers stopped on an error
                        }
                    }
                    Found::Skipped(problem) => lock(walker_skipped).push(problem),
                }
            }
        });
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let next = lock(&receiver).recv();
                    let Ok((path, format)) = next else { break };
                    let result = index_file(
                        &path,
                        format,
                        options.extract,
                        &fields,
                        &writer,
                        &mut |problem| lock(&skipped).push(problem),
                    );
                    match result {
                        Ok((file_articles, file_passages)) => {
                            let total = articles.fetch_add(file_articles, Ordering::Relaxed);
                            passages.fetch_add(file_passages, Ordering::Relaxed);
                            progress.file_done(total + file_articles);
                        }
                        Err(error) => {
                            lock(&first_error).get_or_insert(error);
                            break;
                        }
                    }
                }
            });
        }
    });
    if let Some(error) = first_error
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
    {
        progress.finish();
        return Err(error);
    }
    let commit = writer.commit().context("cannot commit the index");
    progress.finish();
    commit?;
    writer
        .wait_merging_threads()
        .context("cannot finish merging index segments")?;
    let summary = IndexSummary {
        articles: articles.into_inner(),
        passages: passages.into_inner(),
        skipped: skipped.into_inner().unwrap_or_else(PoisonError::into_inner),
        elapsed: started.elapsed(),
    };
    write_manifest(&options.index_dir, summary.articles, summary.passages)?;
    Ok(summary)
}

/// Parses one file and adds its articles; returns (articles, passages) added.
fn index_file(
    path: &Path,
    format: crate::corpus::Format,
    run_extraction: bool,
    fields: &Fields,
    writer: &IndexWriter,
    report: &mut dyn FnMut(Problem),
) -> Result<(u64, u64)> {
    let mut articles = 0;
    let mut passages = 0;
    let mut failure = None;
    parse_file(path, format, &mut |parsed| {
        if failure.is_some() {
            return;
        }
        match parsed {
            Ok(article) => {
                let documents = article_documents(fields, &article, run_extraction);
                passages += documents.len() as u64;
                articles += 1;
                for document in documents {
                    if let Err(error) = writer.add_document(document) {
                        failure = Some(anyhow!("cannot add {} to the index: {error}", article.id));
                        return;
                    }
                }
            }
            Err(problem) => report(problem),
        }
    });
    match failure {
        Some(error) => Err(error),
        None => Ok((articles, passages)),
    }
}

/// Splits, extracts and maps one article to its passage documents.
pub fn article_documents(
    fields: &Fields,
    article: &Article,
    run_extraction: bool,
) -> Vec<TantivyDocument> {
    let passages = split_passages(&article.paragraphs);
    let extraction = if run_extraction {
        extract(article, &passages)
    } else {
        Extraction {
            passages: vec![PassageExtraction::default(); passages.len()],
            ..Extraction::default()
        }
    };
    passage_documents(fields, article, &passages, &extraction)
}

/// Explains the one writer error users cause: another process holding the index.
fn lock_error(error: TantivyError, dir: &Path) -> anyhow::Error {
    match error {
        TantivyError::LockFailure(..) => anyhow!(
            "the index in {} is locked by another newsdex process; wait for it to finish",
            dir.display()
        ),
        other => anyhow::Error::new(other)
            .context(format!("cannot write the index in {}", dir.display())),
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
