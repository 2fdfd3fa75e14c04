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

use super::duplicates::mix;
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
    /// Hash of the content (see [`content_hash`]).
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
        // Streamed: at a million files the JSON is over 100 MB, which as one
        // buffer would add that much to the indexer's peak memory.
        let written = fs::File::create(&temporary).and_then(|file| {
            let mut out = io::BufWriter::new(file);
            serde_json::to_writer(&mut out, self)?;
            out.into_inner().map_err(io::IntoInnerError::into_error)?;
            Ok(())
        });
        written.with_context(|| format!("cannot write {}", temporary.display()))?;
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

/// Bytes hashed per read by [`content_hash`]; a multiple of 8, so streaming
/// gives the same hash as [`hash_bytes`] over the whole content.
const HASH_CHUNK: usize = 64 * 1024;

/// Content hash of a file, read in chunks (files may be large).
pub fn content_hash(path: &Path) -> io::Result<u64> {
    let mut file = File::open(path)?;
    let mut buffer = vec![0u8; HASH_CHUNK];
    let mut state = HASH_SEED;
    loop {
        // Fill the whole chunk, so only the last one can end mid-word.
        let mut filled = 0;
        while filled < HASH_CHUNK {
            match file.read(&mut buffer[filled..]) {
                Ok(0) => break,
                Ok(read) => filled += read,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
        state = hash_update(state, &buffer[..filled]);
        if filled < HASH_CHUNK {
            return Ok(mix(state));
        }
    }
}

/// Content hash of bytes already in memory; equal to [`content_hash`] of a
/// file holding them.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    mix(hash_update(HASH_SEED, bytes))
}

const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Folds `bytes` into `state` eight bytes at a time (rotate, xor, multiply,
/// as FxHash does): several times faster than byte-wise FNV, and the content
/// hash is read for every changed file.
fn hash_update(mut state: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut le = [0u8; 8];
        le.copy_from_slice(word);
        state = (state.rotate_left(5) ^ u64::from_le_bytes(le)).wrapping_mul(K);
    }
    for byte in words.remainder() {
        state = (state.rotate_left(5) ^ u64::from(*byte)).wrapping_mul(K);
    }
    state
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

    #[test]
    fn streamed_hash_equals_hash_of_bytes_across_chunk_boundaries() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("x.txt");
        for len in [
            0,
            7,
            8,
            9,
            HASH_CHUNK - 1,
            HASH_CHUNK,
            HASH_CHUNK + 3,
            3 * HASH_CHUNK + 5,
        ] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
            fs::write(&path, &bytes).expect("write");
            assert_eq!(
                content_hash(&path).expect("hash"),
                hash_bytes(&bytes),
                "{len}"
            );
        }
        // A change in any byte, high or low, changes the hash.
        let base = vec![b'a'; 64];
        for at in [0, 7, 31, 63] {
            let mut changed = base.clone();
            changed[at] = b'b';
            assert_ne!(hash_bytes(&base), hash_bytes(&changed), "{at}");
        }
    }
}
