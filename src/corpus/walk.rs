//! Finding the article files under the folders (or files) given by the user.
//!
//! The walk follows symbolic links, visits every directory in file-name order
//! (so runs are reproducible and ids stable), and classifies each file by
//! extension. It never opens files: reading and parsing are
//! [`parse_file`](super::parse_file)'s job. Nothing stops the walk: an
//! unreadable folder, a broken link or a link loop becomes a
//! [`Found::Skipped`] and the walk goes on.
//!
//! Silently ignored (not articles, not worth a warning): hidden files and
//! folders (names starting with `.`) and `README*` / `LICENSE*` / `LICENCE*`
//! files, found inside a root. A root is always taken as given, even if its
//! name starts with `.`.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use super::{Format, Problem};

/// One result of the walk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A file to parse, in the format its extension says.
    Article {
        /// The file, as found under its root (`root/sub/file.txt`).
        path: PathBuf,
        /// Its format.
        format: Format,
    },
    /// A file or folder that cannot be indexed, and why.
    Skipped(Problem),
}

/// Walks each root (a folder, recursively, or a single file) in a
/// deterministic (sorted by file name) order, roots in the order given.
///
/// The iterator owns its data (it does not borrow `roots`), so it can be moved
/// to a walker thread.
pub fn find_article_files(roots: &[PathBuf]) -> impl Iterator<Item = Found> + use<> {
    // Owned, so the iterator does not borrow the caller's slice.
    let roots: Vec<PathBuf> = roots.to_vec();
    roots.into_iter().flat_map(walk_root)
}

fn walk_root(root: PathBuf) -> impl Iterator<Item = Found> {
    let walker = WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    walker.filter_map(move |entry| match entry {
        Ok(entry) => classify(&entry),
        Err(err) => {
            let path = err.path().unwrap_or(&root);
            let ignored = err.depth() > 0
                && path
                    .file_name()
                    .is_some_and(|name| is_hidden(name) || is_not_an_article(name));
            (!ignored).then(|| Found::Skipped(Problem::new(path, describe(&err, path))))
        }
    })
}

fn classify(entry: &DirEntry) -> Option<Found> {
    let file_type = entry.file_type();
    if file_type.is_dir() {
        return None;
    }
    let path = entry.path();
    if entry.depth() > 0 && is_not_an_article(entry.file_name()) {
        return None;
    }
    if !file_type.is_file() {
        // A FIFO or device named `x.txt` would block or never end.
        return Some(Found::Skipped(Problem::new(path, "not a regular file")));
    }
    Some(match Format::from_path(path) {
        Some(format) => Found::Article {
            path: path.to_path_buf(),
            format,
        },
        None => {
            let what = match path.extension() {
                Some(ext) => format!(".{}", ext.to_string_lossy()),
                None => "no extension".to_string(),
            };
            Found::Skipped(Problem::new(
                path,
                format!("unsupported file type ({what})"),
            ))
        }
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// README and LICENSE files sit beside corpora; they are not news.
fn is_not_an_article(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy().to_ascii_lowercase();
    ["readme", "license", "licence"]
        .iter()
        .any(|prefix| name.starts_with(prefix))
}

/// A sentence for what went wrong at `path`.
fn describe(err: &walkdir::Error, path: &Path) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        return format!("symbolic link loop: leads back to {}", ancestor.display());
    }
    let Some(io) = err.io_error() else {
        return err.to_string();
    };
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match io.kind() {
        ErrorKind::NotFound if is_link => match fs::read_link(path) {
            Ok(target) => format!("broken symbolic link (to {})", target.display()),
            Err(_) => "broken symbolic link".to_string(),
        },
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied if path.is_dir() => {
            "cannot read directory: permission denied".to_string()
        }
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ if io.raw_os_error() == Some(40) && is_link => {
            // ELOOP on Linux: a link that points to itself.
            "symbolic link loop".to_string()
        }
        _ => format!("cannot read: {io}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::{File, create_dir_all};

    fn touch(root: &Path, rel: &str) {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            create_dir_all(parent).expect("create dir");
        }
        File::create(path).expect("create file");
    }

    /// The walk as `(path relative to root, reason)` pairs; reason is
    /// empty for articles.
    fn walk(root: &Path) -> Vec<(String, String)> {
        find_article_files(&[root.to_path_buf()])
            .map(|found| match found {
                Found::Article { path, .. } => (relative(root, &path), String::new()),
                Found::Skipped(p) => (relative(root, &p.path), p.reason),
            })
            .collect()
    }

    fn relative(root: &Path, path: &Path) -> String {
        path.strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn sorted_filtered_and_classified() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for rel in [
            "b/2.txt",
            "b/10.TXT",
            "a/1.md",
            "a/x.markdown",
            "c.JSON",
            "d.jsonl",
            "e.ndjson",
            "f.htm",
            "g.html",
            "README.md",
            "LICENSE",
            "a/readme.TXT",
            "a/License.txt",
            ".hidden/x.txt",
            ".x.txt",
            "doc.pdf",
            "Makefile",
        ] {
            touch(root, rel);
        }
        let got = walk(root);
        let want: Vec<(String, String)> = [
            ("Makefile", "unsupported file type (no extension)"),
            ("a/1.md", ""),
            ("a/x.markdown", ""),
            ("b/10.TXT", ""),
            ("b/2.txt", ""),
            ("c.JSON", ""),
            ("d.jsonl", ""),
            ("doc.pdf", "unsupported file type (.pdf)"),
            ("e.ndjson", ""),
            ("f.htm", ""),
            ("g.html", ""),
        ]
        .iter()
        .map(|(p, r)| (p.to_string(), r.to_string()))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn formats_are_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        touch(dir.path(), "x/a.ndjson");
        let found: Vec<Found> = find_article_files(&[dir.path().to_path_buf()]).collect();
        assert_eq!(
            found,
            vec![Found::Article {
                path: dir.path().join("x/a.ndjson"),
                format: Format::JsonLines
            }]
        );
    }

    #[test]
    fn single_files_and_missing_roots() {
        let dir = tempfile::tempdir().expect("temp dir");
        touch(dir.path(), "one.txt");
        touch(dir.path(), "README.md");
        let roots = [
            dir.path().join("one.txt"),
            dir.path().join("missing"),
            // Named explicitly, a README is taken as given.
            dir.path().join("README.md"),
        ];
        let found: Vec<Found> = find_article_files(&roots).collect();
        assert_eq!(found.len(), 3);
        assert_eq!(
            found[0],
            Found::Article {
                path: roots[0].clone(),
                format: Format::Text
            }
        );
        assert_eq!(
            found[1],
            Found::Skipped(Problem::new(&roots[1], "no such file or directory"))
        );
        assert!(matches!(found[2], Found::Article { .. }));
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_bad_links_reported() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        touch(root, "real/a.txt");
        symlink(root.join("real"), root.join("linked")).expect("symlink");
        symlink(root.join("nowhere.txt"), root.join("broken.txt")).expect("symlink");
        symlink(root, root.join("real/loop")).expect("symlink");
        symlink(root.join("self.txt"), root.join("self.txt")).expect("symlink");
        let got = walk(root);
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(got[0].0, "broken.txt");
        assert!(got[0].1.starts_with("broken symbolic link"), "{got:?}");
        assert_eq!(got[1], ("linked/a.txt".to_string(), String::new()));
        assert_eq!(got[2].0, "linked/loop");
        assert!(got[2].1.starts_with("symbolic link loop"), "{got:?}");
        assert_eq!(got[3], ("real/a.txt".to_string(), String::new()));
        assert_eq!(got[4].0, "real/loop");
        assert!(got[4].1.starts_with("symbolic link loop"), "{got:?}");
        assert_eq!(got[5].0, "self.txt");
        assert!(got[5].1.starts_with("symbolic link loop"), "{got:?}");
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_folder_is_skipped_and_the_walk_goes_on() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        touch(root, "a/secret/x.txt");
        touch(root, "b/ok.txt");
        let secret = root.join("a/secret");
        fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).expect("chmod");
        let readable_anyway = fs::read_dir(&secret).is_ok(); // running as root
        let got = walk(root);
        fs::set_permissions(&secret, fs::Permissions::from_mode(0o755)).expect("chmod");
        if readable_anyway {
            eprintln!("note: running with permission to read anything; skipping the check");
            return;
        }
        assert_eq!(
            got,
            vec![
                (
                    "a/secret".to_string(),
                    "cannot read directory: permission denied".to_string()
                ),
                ("b/ok.txt".to_string(), String::new()),
            ]
        );
    }
}
