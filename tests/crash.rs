//! End-to-end: an indexer killed half-way loses nothing, and searches keep
//! answering from the last commit while an indexer writes.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Writes `count` small articles under `root`, in folders of 500.
fn write_articles(root: &Path, count: usize, word: &str) {
    for i in 0..count {
        let folder = root.join(format!("batch{:03}", i / 500));
        fs::create_dir_all(&folder).expect("mkdir");
        let body = format!(
            "Date: 2025-01-{:02}\n\nReport {i} on the {word} harbour\n\nThe {word} harbour board met on Monday, chair Ada Lind said. \
             Cargo volumes rose by {i} tonnes, she added.\n\nMore ships are expected next week.\n",
            i % 28 + 1
        );
        fs::write(folder.join(format!("{i:05}.txt")), body).expect("write");
    }
}

fn newsdex_binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("newsdex")
}

#[test]
fn killing_the_indexer_mid_run_keeps_the_previous_index_and_the_next_run_finishes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    write_articles(&corpus, 300, "northern");
    let index = dir.path().join("index");
    let first = newsdex()
        .args(["index", "--quiet", "--index"])
        .arg(&index)
        .arg(&corpus)
        .output()
        .expect("runs");
    assert_eq!(first.status.code(), Some(0));
    let before = search_json(&index, &["northern", "--per-article", "0", "--limit", "1"]);
    assert_eq!(before["total"], 300 * 2);

    // Many more files, so the second run is still busy when it is killed.
    write_articles(&dir.path().join("corpus/more"), 10_000, "southern");
    let mut child = Command::new(newsdex_binary())
        .args(["index", "--quiet", "--threads", "1", "--index"])
        .arg(&index)
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    std::thread::sleep(Duration::from_millis(200));
    let still_running = child.try_wait().expect("waits").is_none();
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    assert!(
        still_running,
        "the indexer finished before it could be killed; make the corpus bigger"
    );

    // The index opens and answers exactly as before the killed run.
    let after = search_json(&index, &["northern", "--per-article", "0", "--limit", "1"]);
    assert_eq!(after["total"], before["total"]);
    assert_eq!(search(&index, &["southern"]).status.code(), Some(1));

    // The next run finishes the job.
    let output = newsdex()
        .args(["index", "--index"])
        .arg(&index)
        .arg(&corpus)
        .output()
        .expect("runs");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(err.contains("10000 added"), "{err}");
    assert!(err.contains("300 unchanged"), "{err}");
    let json = search_json(&index, &["southern", "--per-article", "0", "--limit", "1"]);
    assert_eq!(json["total"], 10_000 * 2);
}

#[test]
fn searches_answer_from_the_last_commit_while_an_indexer_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    write_articles(&corpus, 200, "eastern");
    let index = dir.path().join("index");
    newsdex()
        .args(["index", "--quiet", "--index"])
        .arg(&index)
        .arg(&corpus)
        .assert()
        .success();
    write_articles(&dir.path().join("corpus/more"), 3_000, "western");
    let mut child = Command::new(newsdex_binary())
        .args(["index", "--quiet", "--threads", "1", "--index"])
        .arg(&index)
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let started = Instant::now();
    let mut searches = 0;
    while child.try_wait().expect("waits").is_none() && started.elapsed() < Duration::from_secs(120)
    {
        let output = search(&index, &["eastern", "--limit", "1"]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "search failed mid-index: {}",
            stderr(&output)
        );
        searches += 1;
    }
    let status = child.wait().expect("waits");
    assert!(status.success());
    assert!(searches > 0, "the indexer finished before any search ran");
    assert_eq!(search(&index, &["western"]).status.code(), Some(0));
}
