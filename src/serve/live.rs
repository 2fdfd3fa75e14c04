//! The index a long-running server answers from, kept up to date with the
//! commits of other processes.
//!
//! The opened [`NewsIndex`] reads one commit and caches the near-duplicate
//! groups of that commit, so rather than reloading its reader, a fresh
//! `NewsIndex` is opened and swapped in when the files that `newsdex index`
//! writes on each run change (Tantivy's `meta.json`, the duplicate groups and
//! the manifest, which is written last). Searches under way keep the index
//! they started with. The files are looked at no more than once a second.

use std::fs;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant, SystemTime};

use crate::index::duplicates::DUPLICATES_FILE;
use crate::index::{MANIFEST_FILE, NewsIndex};

/// How often, at most, the index files are looked at.
const CHECK_INTERVAL: Duration = Duration::from_secs(1);

/// The files whose change means a new commit: Tantivy's, then newsdex's own.
const WATCHED: [&str; 3] = ["meta.json", DUPLICATES_FILE, MANIFEST_FILE];

/// Size and modification time of each watched file (`None` when absent).
type Fingerprint = Vec<Option<(u64, SystemTime)>>;

/// An index that follows new commits.
pub struct LiveIndex {
    current: RwLock<Arc<NewsIndex>>,
    checked: Mutex<Checked>,
}

struct Checked {
    at: Instant,
    fingerprint: Fingerprint,
    /// The files as they were when opening them last failed (reported once).
    failed: Option<Fingerprint>,
}

impl LiveIndex {
    /// Follows `index`, as it is on disk now.
    pub fn new(index: NewsIndex) -> LiveIndex {
        let fingerprint = fingerprint(&index.dir);
        LiveIndex {
            current: RwLock::new(Arc::new(index)),
            checked: Mutex::new(Checked {
                at: Instant::now(),
                fingerprint,
                failed: None,
            }),
        }
    }

    /// The index to answer from: the last commit, looked for at most once a
    /// second. Blocks on file-system calls; call it off the async threads.
    pub fn get(&self) -> Arc<NewsIndex> {
        let current = self.current();
        let mut checked = self.checked.lock().unwrap_or_else(PoisonError::into_inner);
        if checked.at.elapsed() < CHECK_INTERVAL {
            return current;
        }
        checked.at = Instant::now();
        let now = fingerprint(&current.dir);
        if now == checked.fingerprint || checked.failed.as_ref() == Some(&now) {
            return current;
        }
        match NewsIndex::open(&current.dir) {
            Ok(fresh) => {
                let fresh = Arc::new(fresh);
                *self.current.write().unwrap_or_else(PoisonError::into_inner) = fresh.clone();
                checked.fingerprint = now;
                checked.failed = None;
                fresh
            }
            Err(error) => {
                // Mid-rebuild, say: keep answering from the old commit and try again later.
                eprintln!("newsdex: note: keeping the previous index open: {error:#}");
                checked.failed = Some(now);
                current
            }
        }
    }

    fn current(&self) -> Arc<NewsIndex> {
        self.current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

fn fingerprint(dir: &Path) -> Fingerprint {
    WATCHED
        .iter()
        .map(|name| {
            let metadata = fs::metadata(dir.join(name)).ok()?;
            Some((metadata.len(), metadata.modified().ok()?))
        })
        .collect()
}
