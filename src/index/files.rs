//! The record of which files an index holds and in what state, so that
//! re-indexing parses only what changed.
//!
//! A file is unchanged when its size and modification time match the record,
//! or, when they do not, its content hash still does (a `touch` re-parses
//! nothing). The record is written after each commit; a record older than the
//! index only makes the next run re-index a few files, because every file's
//! old documents are deleted before its new ones are added.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;
use std::time::UNIX_EPOCH;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

/// File in the index folder holding the [`FileList`].
pub const FILES_FILE: &str = "newsdex-files.json";

/// What newsdex knows about one indexed file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified: u64,
    /// FNV-1a hash of the content.
    pub hash: u64,
    /// Articles indexed from it.
    pub articles: u64,
    /// Passages indexed from it.
    pub passages: u64,
}

/// Every indexed file, by path as it was found.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct FileList {
    /// Records by path.
    pub files: HashMap<String, FileRecord>,
}

impl FileList {
    /// Reads the list of the index in `dir`; empty when there is none.
    pub fn load(dir: &Path) -> Result<FileList> {
        let path = dir.join(FILES_FILE);
        match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .with_context(|| format!("{} is damaged; rerun with --rebuild", path.display())),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(FileList::default()),
            Err(error) => Err(error).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    /// Writes the list atomically (temporary file, then rename).
    pub fn save(&self, dir: &Path) -> Result<()> {
        let path = dir.join(FILES_FILE);
        let temporary = dir.join(format!("{FILES_FILE}.tmp"));
        fs::write(&temporary, serde_json::to_vec(self)?)
            .with_context(|| format!("cannot write {}", temporary.display()))?;
        fs::rename(&temporary, &path).with_context(|| format!("cannot write {}", path.display()))
    }

    /// Total articles and passages recorded.
    pub fn totals(&self) -> (u64, u64) {
        self.files
            .values()
            .fold((0, 0), |(articles, passages), record| {
                (articles + record.articles, passages + record.passages)
            })
    }
}

/// Size and modification time (ns since the epoch) of a file.
pub fn stat(path: &Path) -> io::Result<(u64, u64)> {
    let metadata = fs::metadata(path)?;
    let modified = metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |since| {
            u64::try_from(since.as_nanos()).unwrap_or(u64::MAX)
        });
    Ok((metadata.len(), modified))
}

/// FNV-1a hash of a file's bytes, read in chunks (files may be large).
pub fn content_hash(path: &Path) -> io::Result<u64> {
    let mut file = File::open(path)?;
    let mut buffer = vec![0u8; 64 * 1024];
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            return Ok(hash);
        }
        for byte in &buffer[..read] {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_round_trips_and_totals() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut list = FileList::default();
        let record = FileRecord {
            size: 1,
            modified: 2,
            hash: 3,
            articles: 4,
            passages: 5,
        };
        list.files.insert("a.txt".into(), record);
        list.files.insert("b.txt".into(), record);
        list.save(dir.path()).expect("saved");
        let loaded = FileList::load(dir.path()).expect("loaded");
        assert_eq!(loaded.files.get("a.txt"), Some(&record));
        assert_eq!(loaded.totals(), (8, 10));
    }

    #[test]
    fn missing_list_is_empty_and_damaged_one_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(FileList::load(dir.path()).is_ok_and(|list| list.files.is_empty()));
        fs::write(dir.path().join(FILES_FILE), "{not json").expect("write");
        assert!(FileList::load(dir.path()).is_err());
    }

    #[test]
    fn hash_changes_with_content() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("x.txt");
        fs::write(&path, "one").expect("write");
        let first = content_hash(&path).expect("hash");
        fs::write(&path, "two").expect("write");
        assert_ne!(first, content_hash(&path).expect("hash"));
    }
}
