//! The indexing pipeline: walk → parse → split → extract → one Tantivy writer.
//!
//! A walker thread streams file paths into a bounded channel, skipping files
//! whose size and modification time match the index's [`FileList`]; worker
//! threads hash the rest, re-parse only those whose content changed, and hand
//! documents to the one shared `IndexWriter` (which runs its own indexing
//! threads). Files that disappeared are deleted. Memory stays bounded by the
//! channel and the writer's budget, whatever the corpus size. The run commits
//! once at the end, so searches see the previous index until the new one is
//! complete, and a run killed half-way leaves the previous index as it was.
//! Progress is reported through [`Progress`]; this module prints nothing.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use tantivy::indexer::{LogMergePolicy, UserOperation};
use tantivy::{IndexWriter, TantivyDocument, TantivyError, Term};

use super::document::{Destination, passage_documents};
use super::duplicates::{DuplicateGroups, Membership};
use super::files::{FileList, FileRecord, content_hash, hash_bytes, stat};
use super::schema::Fields;
use super::work_queue::WorkQueue;
use super::{Opening, open_for_writing, write_manifest};
use crate::corpus::{
    Article, Format, Found, MAX_FILE_BYTES, Problem, find_article_files, parse_bytes, parse_file,
    read_bytes,
};
use crate::extract::{Extraction, PassageExtraction, extract};
use crate::passages::split_passages;

/// How to build an index.
#[derive(Clone, Debug)]
pub struct IndexOptions {
    /// Folders or files to index. The index ends up holding exactly these:
    /// files indexed before but not found under them now are removed.
    pub roots: Vec<PathBuf>,
    /// Index folder.
    pub index_dir: PathBuf,
    /// Worker threads for parsing and extraction, and for Tantivy's writer.
    pub threads: usize,
    /// Total memory budget of the Tantivy writer, in MiB.
    pub memory_mb: usize,
    /// Run speaker, entity and date extraction (off only to measure its cost).
    pub extract: bool,
    /// Start afresh instead of updating what changed.
    pub rebuild: bool,
}

impl IndexOptions {
    /// Options with the CLI's defaults for `roots` into `index_dir`.
    pub fn new(roots: Vec<PathBuf>, index_dir: PathBuf) -> IndexOptions {
        IndexOptions {
            roots,
            index_dir,
            threads: std::thread::available_parallelism().map_or(2, usize::from),
            memory_mb: 256,
            extract: true,
            rebuild: false,
        }
    }
}

/// Receives progress events from the pipeline (the CLI draws a progress bar).
pub trait Progress: Sync {
    /// A file to index was found.
    fn file_found(&self);
    /// A file was dealt with (parsed, or found unchanged).
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
    /// Articles parsed and indexed by this run.
    pub articles: u64,
    /// Passages (documents) indexed by this run.
    pub passages: u64,
    /// Files indexed for the first time.
    pub added: u64,
    /// Files whose content changed and were indexed again.
    pub updated: u64,
    /// Files gone since the last run, whose articles were removed.
    pub removed: u64,
    /// Files unchanged since the last run, not parsed again.
    pub unchanged: u64,
    /// Files or lines skipped, with why, in the order found.
    pub skipped: Vec<Problem>,
    /// Articles in the index after the run.
    pub total_articles: u64,
    /// Passages in the index after the run.
    pub total_passages: u64,
    /// Groups of near-duplicate articles in the index.
    pub duplicate_groups: usize,
    /// Why the index was rebuilt from scratch, when it was.
    pub rebuilt: Option<String>,
    /// Wall time of the run.
    pub elapsed: Duration,
}

/// Smallest writer budget Tantivy accepts per indexing thread.
const MIN_MEMORY_PER_THREAD_MB: usize = 15;

/// Segments merged at once: three, not Tantivy's eight.
const SEGMENTS_PER_MERGE: usize = 3;
/// Segments with more passages than this are not merged again.
const MAX_PASSAGES_BEFORE_MERGE: usize = 350_000;

/// How segments are merged while indexing.
///
/// Tantivy's default merges eight segments of a size into one, level after
/// level: a million articles ended in segments of 1.6M passages, and each of
/// those merges mapped a gigabyte of source segments into memory (peak RSS
/// 1.6 GB) and wrote every passage a third time. Merging three at a time and
/// stopping past 350,000 passages keeps a merge's sources to about 400 MB and
/// writes a passage twice: at 1M articles, peak RSS 805 MB and 11% less time,
/// in 12 segments instead of 7, which searches about as fast (segments are
/// searched in parallel).
fn merge_policy() -> LogMergePolicy {
    let mut policy = LogMergePolicy::default();
    policy.set_min_num_segments(SEGMENTS_PER_MERGE);
    policy.set_max_docs_before_merge(MAX_PASSAGES_BEFORE_MERGE);
    policy
}

/// Files queued per worker thread at most, and when the walker resumes
/// (see `index::work_queue`).
const JOBS_PER_THREAD: usize = 64;
const JOBS_LOW_MARK_PER_THREAD: usize = 16;

/// A file for a worker: where it is, its format, what the index knew of it.
struct Job {
    path: PathBuf,
    key: String,
    format: Format,
    size: u64,
    modified: u64,
    previous: Option<FileRecord>,
}

/// Counters and records the threads share.
#[derive(Default)]
struct Shared {
    articles: AtomicU64,
    passages: AtomicU64,
    added: AtomicU64,
    updated: AtomicU64,
    unchanged: AtomicU64,
    skipped: Mutex<Vec<Problem>>,
    current: Mutex<FileList>,
    /// Files found but left without articles this run (unreadable, bad):
    /// not counted as removed. Only these are kept, not every file seen, so
    /// memory does not grow with the corpus twice over.
    failed: Mutex<HashSet<String>>,
    first_error: Mutex<Option<anyhow::Error>>,
}

/// Builds the index in `options.index_dir` from `options.roots`, or brings an
/// existing one up to date.
pub fn build_index(options: &IndexOptions, progress: &dyn Progress) -> Result<IndexSummary> {
    let started = Instant::now();
    let (index, opening) = open_for_writing(&options.index_dir, options.rebuild)?;
    let fields = Fields::new(&index.schema())?;
    let threads = options.threads.max(1);
    // Tantivy divides the budget among its threads; cap threads so each gets its minimum.
    let writer_threads = threads.min((options.memory_mb / MIN_MEMORY_PER_THREAD_MB).max(1));
    let budget_bytes = options.memory_mb.max(MIN_MEMORY_PER_THREAD_MB) * 1024 * 1024;
    let mut writer: IndexWriter = index
        .writer_with_num_threads(writer_threads, budget_bytes)
        .map_err(|error| lock_error(error, &options.index_dir))?;
    writer.set_merge_policy(Box::new(merge_policy()));
    let rebuilt = match opening {
        Opening::Existing => None,
        Opening::Created => Some("new index".to_string()),
        Opening::Rebuild(reason) => Some(reason),
    };
    let previous = if rebuilt.is_some() {
        // One transaction with what follows: readers see the old index until commit.
        writer.delete_all_documents()?;
        FileList::default()
    } else {
        FileList::load(&options.index_dir)?
    };

    let emptied = rebuilt.is_some();
    let shared = Shared::default();
    let jobs = WorkQueue::new(
        JOBS_LOW_MARK_PER_THREAD * threads,
        JOBS_PER_THREAD * threads,
    );
    std::thread::scope(|scope| {
        let shared = &shared;
        let previous = &previous;
        let jobs = &jobs;
        scope.spawn(move || {
            walk(options, previous, shared, progress, jobs);
            jobs.finish();
        });
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(job) = jobs.pop() {
                    if let Err(error) =
                        index_job(&job, options.extract, emptied, &fields, &writer, shared)
                    {
                        lock(&shared.first_error).get_or_insert(error);
                        jobs.abandon();
                        break;
                    }
                    progress.file_done(shared.articles.load(Ordering::Relaxed));
                }
            });
        }
    });
    let Shared {
        articles,
        passages,
        added,
        updated,
        unchanged,
        skipped,
        current,
        failed,
        first_error,
    } = shared;
    if let Some(error) = into_inner(first_error) {
        progress.finish();
        return Err(error);
    }
    let mut current = into_inner(current);
    let failed = into_inner(failed);
    let mut removed = 0;
    for key in previous.files.keys() {
        if !current.files.contains_key(key) {
            // Gone, or now unreadable: its old articles must not linger.
            writer.delete_term(Term::from_field_text(fields.file, key));
            removed += u64::from(!failed.contains(key));
        }
    }
    let changed = rebuilt.is_some()
        || removed > 0
        || added.load(Ordering::Relaxed) + updated.load(Ordering::Relaxed) > 0;
    let commit = if changed {
        writer
            .commit()
            .map(|_| ())
            .context("cannot commit the index")
    } else {
        writer
            .rollback()
            .map(|_| ())
            .context("cannot close the index writer")
    };
    progress.finish();
    commit?;
    writer
        .wait_merging_threads()
        .context("cannot finish merging index segments")?;
    let duplicates_file = options.index_dir.join(super::duplicates::DUPLICATES_FILE);
    let duplicate_groups = if changed || !duplicates_file.is_file() {
        let searcher = index
            .reader()
            .context("cannot read the new commit")?
            .searcher();
        let groups = DuplicateGroups::find(&searcher)?;
        groups.membership().save(&options.index_dir)?;
        groups.groups.len()
    } else {
        Membership::load(&options.index_dir)?.group_count()
    };
    // Files that failed this time are retried next time, not remembered.
    current.files.retain(|_, record| record.articles > 0);
    let (total_articles, total_passages) = current.totals();
    current.save(&options.index_dir)?;
    write_manifest(&options.index_dir, total_articles, total_passages)?;
    Ok(IndexSummary {
        articles: articles.into_inner(),
        passages: passages.into_inner(),
        added: added.into_inner(),
        updated: updated.into_inner(),
        removed,
        unchanged: unchanged.into_inner(),
        skipped: into_inner(skipped),
        total_articles,
        total_passages,
        duplicate_groups,
        rebuilt,
        elapsed: started.elapsed(),
    })
}

/// The walker: finds files, settles the unchanged ones at once from their
/// size and modification time, and queues the rest for the workers.
fn walk(
    options: &IndexOptions,
    previous: &FileList,
    shared: &Shared,
    progress: &dyn Progress,
    jobs: &WorkQueue<Job>,
) {
    // An index kept inside the corpus folder is not part of the corpus.
    let index_dir = std::path::absolute(&options.index_dir).ok();
    let inside_index = |path: &Path| {
        index_dir.as_ref().is_some_and(|index_dir| {
            std::path::absolute(path).is_ok_and(|path| path.starts_with(index_dir))
        })
    };
    for found in find_article_files(&options.roots) {
        let (path, format) = match found {
            Found::Article { path, format } => (path, format),
            Found::Skipped(problem) => {
                if !inside_index(&problem.path) {
                    lock(&shared.skipped).push(problem);
                }
                continue;
            }
        };
        if inside_index(&path) {
            continue;
        }
        let key = path.to_string_lossy().into_owned();
        progress.file_found();
        let (size, modified) = match stat(&path) {
            Ok(stat) => stat,
            Err(error) => {
                lock(&shared.skipped).push(Problem::new(&path, format!("cannot read: {error}")));
                lock(&shared.failed).insert(key);
                continue;
            }
        };
        let previous = previous.files.get(&key).copied();
        if let Some(record) = previous.filter(|r| r.size == size && r.modified == modified) {
            lock(&shared.current).files.insert(key, record);
            shared.unchanged.fetch_add(1, Ordering::Relaxed);
            progress.file_done(shared.articles.load(Ordering::Relaxed));
            continue;
        }
        let job = Job {
            path,
            key,
            format,
            size,
            modified,
            previous,
        };
        if !jobs.push(job) {
            break; // the workers stopped on an error
        }
    }
}

/// A worker's share: hash the file, and when it changed, replace its articles.
fn index_job(
    job: &Job,
    run_extraction: bool,
    emptied: bool,
    fields: &Fields,
    writer: &IndexWriter,
    shared: &Shared,
) -> Result<()> {
    // Read a file once, to hash and to parse; JSON Lines files (which may be
    // far bigger than one article) and files over the limit are streamed.
    let content = if job.format == Format::JsonLines || job.size > MAX_FILE_BYTES {
        content_hash(&job.path)
            .map(|hash| (hash, None))
            .map_err(|error| format!("cannot read: {error}"))
    } else {
        read_bytes(&job.path).map(|bytes| (hash_bytes(&bytes), Some(bytes)))
    };
    let (hash, bytes) = match content {
        Ok(content) => content,
        Err(reason) => {
            lock(&shared.skipped).push(Problem::new(&job.path, reason));
            lock(&shared.failed).insert(job.key.clone());
            return Ok(());
        }
    };
    if let Some(previous) = job.previous.filter(|previous| previous.hash == hash) {
        let record = FileRecord {
            modified: job.modified,
            ..previous
        };
        lock(&shared.current).files.insert(job.key.clone(), record);
        shared.unchanged.fetch_add(1, Ordering::Relaxed);
        return Ok(());
    }
    // Delete first even for a file the record does not know: a run that
    // committed but died before saving the record must not leave duplicates.
    // Not when the run started from an emptied index: there is nothing to
    // delete, and Tantivy keeps every delete in memory until the commit and
    // then applies each to every segment (a million of them at 1M files).
    if !emptied {
        writer.delete_term(Term::from_field_text(fields.file, &job.key));
    }
    let (articles, passages) = index_file(
        job,
        bytes.as_deref(),
        run_extraction,
        fields,
        writer,
        &mut |problem| lock(&shared.skipped).push(problem),
    )?;
    shared.articles.fetch_add(articles, Ordering::Relaxed);
    shared.passages.fetch_add(passages, Ordering::Relaxed);
    if articles > 0 {
        let counter = if job.previous.is_some() {
            &shared.updated
        } else {
            &shared.added
        };
        counter.fetch_add(1, Ordering::Relaxed);
        let record = FileRecord {
            size: job.size,
            modified: job.modified,
            hash,
            articles,
            passages,
        };
        lock(&shared.current).files.insert(job.key.clone(), record);
    } else {
        lock(&shared.failed).insert(job.key.clone());
    }
    Ok(())
}

/// Parses one file (from `bytes` when already read) and adds its articles;
/// returns (articles, passages) added.
fn index_file(
    job: &Job,
    bytes: Option<&[u8]>,
    run_extraction: bool,
    fields: &Fields,
    writer: &IndexWriter,
    report: &mut dyn FnMut(Problem),
) -> Result<(u64, u64)> {
    let mut articles = 0;
    let mut passages = 0;
    let mut failure = None;
    let mut on_article = |parsed: Result<Article, Problem>| {
        if failure.is_some() {
            return;
        }
        match parsed {
            Ok(article) => {
                let documents = article_documents(
                    fields,
                    &job.key,
                    &article,
                    run_extraction,
                    Destination::Local,
                )
                .passages;
                passages += documents.len() as u64;
                articles += 1;
                // One batch per article: Tantivy puts a batch in one segment
                // with consecutive ids, which the article filters rely on
                // (see `search::join`).
                let batch: Vec<UserOperation> =
                    documents.into_iter().map(UserOperation::Add).collect();
                if let Err(error) = writer.run(batch) {
                    failure = Some(anyhow!("cannot add {} to the index: {error}", article.id));
                }
            }
            Err(problem) => report(problem),
        }
    };
    match bytes {
        Some(bytes) => parse_bytes(&job.path, job.format, bytes, &mut on_article),
        None => parse_file(&job.path, job.format, &mut on_article),
    }
    match failure {
        Some(error) => Err(error),
        None => Ok((articles, passages)),
    }
}

/// The documents of one article: its passages (with the attributions made
/// in each), and what extraction found.
pub struct ArticleDocuments {
    /// One document per passage, in order.
    pub passages: Vec<TantivyDocument>,
    /// What extraction found (empty when it did not run).
    pub extraction: Extraction,
}

/// Splits, extracts and maps one article of file `file` to its passage
/// documents, each tagged with the file so that they can be replaced or
/// removed with it.
pub fn article_documents(
    fields: &Fields,
    file: &str,
    article: &Article,
    run_extraction: bool,
    destination: Destination,
) -> ArticleDocuments {
    let passages = split_passages(&article.paragraphs);
    let extraction = if run_extraction {
        extract(article, &passages)
    } else {
        Extraction {
            passages: vec![PassageExtraction::default(); passages.len()],
            ..Extraction::default()
        }
    };
    let mut documents = passage_documents(fields, article, &passages, &extraction, destination);
    for document in &mut documents {
        document.add_text(fields.file, file);
    }
    ArticleDocuments {
        passages: documents,
        extraction,
    }
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

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn into_inner<T>(mutex: Mutex<T>) -> T {
    mutex.into_inner().unwrap_or_else(PoisonError::into_inner)
}
