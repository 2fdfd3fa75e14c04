//! Shared harness for the end-to-end tests: runs the real `newsdex` binary,
//! finds the real corpora in `../shared`, and builds indexes once per test binary.
#![allow(dead_code)] // each test binary uses a different part of the harness

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use assert_cmd::Command;

pub mod server;

/// The `newsdex` binary under test, run from the repository root.
pub fn newsdex() -> Command {
    let mut command = Command::cargo_bin("newsdex").expect("the newsdex binary is built");
    command.current_dir(repo_root()).env_remove("NO_COLOR");
    command
}

pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled corpus.
pub fn bundled_corpus() -> PathBuf {
    repo_root().join("corpus")
}

/// `../shared/corpora` (or `$NEWSDEX_CORPORA`). When absent, tests that need it
/// print a note and return early on a user's machine; in CI (`CI=true`) its
/// absence is a failure, so those tests never silently skip there.
pub fn shared_corpora() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("NEWSDEX_CORPORA").map(PathBuf::from),
        Some(repo_root().join("../shared/corpora")),
    ];
    let found = candidates
        .into_iter()
        .flatten()
        .find(|path| path.join("bbc").is_dir() && path.join("wikinews").is_dir());
    if found.is_none() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("CI=true but ../shared/corpora (or NEWSDEX_CORPORA) is missing");
        }
        eprintln!(
            "note: skipping: ../shared/corpora not found (set NEWSDEX_CORPORA to run this test)"
        );
    }
    found
}

/// Builds an index of `paths` into a fresh temporary folder.
pub fn build_index(paths: &[&Path]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let index = dir.path().join("index");
    let mut command = newsdex();
    command
        .arg("index")
        .arg("--quiet")
        .arg("--index")
        .arg(&index);
    for path in paths {
        command.arg(path);
    }
    command.assert().success();
    dir
}

/// The index of the bundled corpus, built once per test binary.
pub fn bundled_index() -> PathBuf {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    INDEX
        .get_or_init(|| build_index(&[&bundled_corpus()]))
        .path()
        .join("index")
}

/// The index of `../shared/corpora` (BBC and Wikinews), built once per test binary.
pub fn shared_index() -> Option<PathBuf> {
    static INDEX: OnceLock<Option<tempfile::TempDir>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let corpora = shared_corpora()?;
            Some(build_index(&[
                &corpora.join("bbc"),
                &corpora.join("wikinews"),
            ]))
        })
        .as_ref()
        .map(|dir| dir.path().join("index"))
}

/// Runs `newsdex search --color never --index INDEX ARGS…`.
pub fn search(index: &Path, args: &[&str]) -> Output {
    newsdex()
        .arg("search")
        .arg("--color")
        .arg("never")
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .expect("newsdex runs")
}

/// Runs a search with `--json` and parses its output.
pub fn search_json(index: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let output = search(index, &all);
    assert!(
        output.status.code() == Some(0) || output.status.code() == Some(1),
        "search failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("search --json prints valid JSON")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts a failed run printed one clear error line and no panic.
pub fn assert_clean_error(output: &Output, expected: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "stderr: {err}");
    assert!(!err.contains("panicked"), "panic: {err}");
    assert_eq!(err.trim().lines().count(), 1, "one line expected: {err}");
    assert!(err.contains(expected), "expected {expected:?} in {err:?}");
}
