//! The on-disk index: its schema, how articles become documents, and the
//! pipeline that writes them.
//!
//! [`NewsIndex::open`] opens an existing index for searching; [`writer::build_index`]
//! (re)builds one from article files. Queries live in `search`, not here.

pub mod document;
pub mod duplicates;
use duplicates::Membership;
pub mod files;
pub mod name_words;
pub mod schema;
pub mod stem;
pub mod work_queue;
pub mod writer;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexReader, ReloadPolicy};

use crate::extract::EXTRACTOR_VERSION;
use schema::{Fields, SCHEMA_VERSION, build_schema, register_analyzers};

/// File in the index folder that marks it as a newsdex index and records the
/// schema version it was written with.
pub const MANIFEST_FILE: &str = "newsdex.json";

/// What newsdex records about an index beside Tantivy's own files.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    /// [`SCHEMA_VERSION`] of the newsdex that wrote the index.
    pub schema_version: u32,
    /// [`EXTRACTOR_VERSION`] of the extraction that filled it.
    #[serde(default)]
    pub extractor_version: u32,
    /// newsdex version that wrote it.
    pub newsdex_version: String,
    /// Articles indexed by the last run.
    pub articles: u64,
    /// Passages indexed by the last run.
    pub passages: u64,
}

/// An opened index, ready to search.
pub struct NewsIndex {
    /// The Tantivy index.
    pub index: Index,
    /// Resolved field handles.
    pub fields: Fields,
    /// A reader on the last commit.
    pub reader: IndexReader,
    /// Where it lives.
    pub dir: PathBuf,
    /// Near-duplicate groups, read on first use.
    duplicates: OnceLock<Membership>,
}

/// Documents above which a search runs over segments on several threads.
const PARALLEL_SEARCH_DOCS: u32 = 500_000;

/// On a big index with several segments, searches them on one thread per
/// core: a query's cost grows with the index, and at a million articles the
/// segments took milliseconds each. Small indexes stay on one thread, where
/// handing work to other threads would cost more than it saves.
fn search_segments_in_parallel(index: &mut Index) -> Result<()> {
    let segments = index.searchable_segment_metas()?;
    let docs: u32 = segments.iter().map(|segment| segment.num_docs()).sum();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = cores.min(segments.len());
    if docs >= PARALLEL_SEARCH_DOCS && threads > 1 {
        index.set_multithread_executor(threads)?;
    }
    Ok(())
}

impl NewsIndex {
    /// Opens the index in `dir` for searching.
    pub fn open(dir: &Path) -> Result<NewsIndex> {
        if !exists(dir) {
            bail!(
                "no newsdex index in {}: build one with `newsdex index PATH --index {}`",
                dir.display(),
                dir.display()
            );
        }
        check_manifest(dir)?;
        let mut index = Index::open_in_dir(dir)
            .with_context(|| format!("cannot open the index in {}", dir.display()))?;
        if index.schema() != build_schema() {
            bail!(
                "the index in {} was written by another version of newsdex; rebuild it with `newsdex index`",
                dir.display()
            );
        }
        register_analyzers(&index);
        search_segments_in_parallel(&mut index)?;
        let fields = Fields::new(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .with_context(|| format!("cannot read the index in {}", dir.display()))?;
        Ok(NewsIndex {
            index,
            fields,
            reader,
            dir: dir.to_path_buf(),
            duplicates: OnceLock::new(),
        })
    }

    /// Near-duplicate membership by article key: (group id, group size).
    pub fn duplicates(&self) -> Result<&Membership> {
        if let Some(membership) = self.duplicates.get() {
            return Ok(membership);
        }
        let membership = Membership::load(&self.dir)?;
        Ok(self.duplicates.get_or_init(|| membership))
    }
}

/// True when `dir` holds a newsdex index (a manifest and Tantivy's metadata).
pub fn exists(dir: &Path) -> bool {
    dir.join(MANIFEST_FILE).is_file() && dir.join("meta.json").is_file()
}

/// Reads the manifest, failing with a clear message when it is from another version.
fn check_manifest(dir: &Path) -> Result<Manifest> {
    let path = dir.join(MANIFEST_FILE);
    let text =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let manifest: Manifest = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a newsdex manifest", path.display()))?;
    if manifest.schema_version != SCHEMA_VERSION || manifest.extractor_version != EXTRACTOR_VERSION
    {
        bail!(
            "the index in {} was written by newsdex {} (schema {}, extractor {}); this newsdex needs schema {}, extractor {}: rebuild it with `newsdex index`",
            dir.display(),
            manifest.newsdex_version,
            manifest.schema_version,
            manifest.extractor_version,
            SCHEMA_VERSION,
            EXTRACTOR_VERSION
        );
    }
    Ok(manifest)
}

/// True when `dir` holds an index this newsdex can search as it is.
pub fn is_current(dir: &Path) -> bool {
    exists(dir) && check_manifest(dir).is_ok()
}

fn write_manifest(dir: &Path, articles: u64, passages: u64) -> Result<()> {
    let manifest = Manifest {
        schema_version: SCHEMA_VERSION,
        extractor_version: EXTRACTOR_VERSION,
        newsdex_version: env!("CARGO_PKG_VERSION").to_string(),
        articles,
        passages,
    };
    let path = dir.join(MANIFEST_FILE);
    let temporary = dir.join(format!("{MANIFEST_FILE}.tmp"));
    fs::write(&temporary, serde_json::to_string_pretty(&manifest)?)
        .with_context(|| format!("cannot write {}", temporary.display()))?;
    fs::rename(&temporary, &path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Files a folder may hold and still count as empty: it is safe to create an index there.
fn is_placeholder(name: &str) -> bool {
    matches!(name, "README.md" | ".gitkeep")
}

/// How [`open_for_writing`] found the index folder.
pub enum Opening {
    /// An index of this version: update it.
    Existing,
    /// No index yet: a new one was created.
    Created,
    /// Start from scratch, for the reason given.
    Rebuild(String),
}

/// Opens the index in `dir` for writing, creating it when the folder is
/// missing or empty. An index from another newsdex version is cleared first
/// (after which it must be rebuilt); a folder holding anything else is
/// refused rather than overwritten.
fn open_for_writing(dir: &Path, rebuild: bool) -> Result<(Index, Opening)> {
    if dir.exists() && !dir.is_dir() {
        bail!("{} is a file, not an index folder", dir.display());
    }
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let schema = build_schema();
    let (index, opening) = if exists(dir) {
        let manifest = check_manifest(dir);
        let same_schema = Index::open_in_dir(dir).is_ok_and(|index| index.schema() == schema);
        match (manifest, same_schema) {
            (Ok(_), true) if !rebuild => (Index::open_in_dir(dir)?, Opening::Existing),
            (Ok(_), true) => (
                Index::open_in_dir(dir)?,
                Opening::Rebuild("--rebuild".to_string()),
            ),
            (manifest, _) => {
                let reason = match manifest {
                    Err(_) => "it was written by another version of newsdex".to_string(),
                    Ok(_) => "its schema differs from this newsdex's".to_string(),
                };
                clear_index_files(dir)?;
                (Index::create_in_dir(dir, schema)?, Opening::Rebuild(reason))
            }
        }
    } else {
        let foreign: Vec<String> = fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| !is_placeholder(name))
            .collect();
        if !foreign.is_empty() {
            bail!(
                "{} is not a newsdex index and not empty (it holds {}); refusing to write there: choose an empty or new folder",
                dir.display(),
                foreign.first().map_or("files", String::as_str)
            );
        }
        (Index::create_in_dir(dir, schema)?, Opening::Created)
    };
    register_analyzers(&index);
    Ok((index, opening))
}

/// Removes the files of an index newsdex wrote (known by its manifest), leaving
/// placeholders and anything else alone.
fn clear_index_files(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let owned = name == MANIFEST_FILE
            || name == files::FILES_FILE
            || name == duplicates::DUPLICATES_FILE
            || name == "meta.json"
            || name == ".managed.json"
            || name.ends_with(".lock")
            || name.contains('.') && entry.path().is_file() && is_segment_file(&name);
        if owned {
            fs::remove_file(entry.path())
                .with_context(|| format!("cannot remove {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Tantivy segment files are named `<32 hex digits>.<component>`.
fn is_segment_file(name: &str) -> bool {
    name.split_once('.')
        .is_some_and(|(stem, _)| stem.len() == 32 && stem.chars().all(|c| c.is_ascii_hexdigit()))
}
