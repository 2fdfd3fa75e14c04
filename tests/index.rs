//! End-to-end: `newsdex index` on real and deliberately broken input.

mod common;

use std::fs;

use common::*;

#[test]
fn bad_files_are_reported_and_skipped_and_the_rest_indexed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(corpus.join("local")).expect("mkdir");
    fs::write(
        corpus.join("local/good.txt"),
        "Date: 2025-03-14\n\nHarbour crane returns\n\nThe harbour crane returned to service on Friday, the port said.\n",
    )
    .expect("write");
    fs::write(
        corpus.join("local/binary.txt"),
        b"\x00\x01\x02PNG\x00\x00garbage",
    )
    .expect("write");
    fs::write(
        corpus.join("local/broken.json"),
        "{\"title\": \"Half an object\",",
    )
    .expect("write");
    fs::write(
        corpus.join("local/lines.jsonl"),
        "{\"title\": \"Ferry timetable\", \"text\": \"The ferry timetable changes in May.\"}\nnot json at all\n{\"title\": \"Lighthouse\", \"text\": \"The lighthouse keeper retired.\"}\n",
    )
    .expect("write");
    fs::write(corpus.join("local/scan.pdf"), "%PDF-1.4").expect("write");
    fs::write(corpus.join("README.md"), "# Not an article\n").expect("write");

    let index = dir.path().join("index");
    let output = newsdex()
        .arg("index")
        .arg("--index")
        .arg(&index)
        .arg(&corpus)
        .output()
        .expect("runs");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(err.contains("Indexed 3 articles"), "{err}");
    assert!(err.contains(", 4 skipped."), "{err}");
    assert!(err.contains("binary.txt"), "{err}");
    assert!(err.contains("broken.json"), "{err}");
    assert!(err.contains("lines.jsonl:2"), "{err}");
    assert!(err.contains("scan.pdf"), "{err}");
    assert!(!err.contains("README"), "{err}");

    for word in ["crane", "ferry", "lighthouse"] {
        let output = search(&index, &[word]);
        assert_eq!(output.status.code(), Some(0), "{word}: {}", stderr(&output));
    }
}

#[test]
fn search_builds_the_default_index_on_first_use() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).expect("mkdir");
    fs::copy(
        bundled_corpus().join("000_d0a2fc899854d094.txt"),
        corpus.join("seed.txt"),
    )
    .expect("copy seed");
    let output = newsdex()
        .current_dir(dir.path())
        .args(["search", "--color", "never", "Ushakov"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("building"), "{}", stderr(&output));
    assert!(stdout(&output).contains("**Ushakov**"));
    assert!(dir.path().join("index/meta.json").is_file());
    // Second search uses the index without rebuilding.
    let again = newsdex()
        .current_dir(dir.path())
        .args(["search", "--color", "never", "Ushakov"])
        .output()
        .expect("runs");
    assert_eq!(again.status.code(), Some(0));
    assert!(!stderr(&again).contains("building"));
}

#[test]
fn reindexing_replaces_rather_than_duplicates() {
    let dir = build_index(&[&bundled_corpus()]);
    let index = dir.path().join("index");
    let before = search_json(&index, &["Ushakov", "--per-article", "0"]);
    newsdex()
        .args(["index", "--quiet", "--index"])
        .arg(&index)
        .arg(bundled_corpus())
        .assert()
        .success();
    let after = search_json(&index, &["Ushakov", "--per-article", "0"]);
    assert_eq!(before["total"], after["total"]);
}

#[test]
fn refuses_to_write_into_a_folder_that_is_not_an_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("thesis.docx"), "precious").expect("write");
    let output = newsdex()
        .arg("index")
        .arg("--index")
        .arg(dir.path())
        .arg(bundled_corpus())
        .output()
        .expect("runs");
    assert_clean_error(&output, "not a newsdex index");
    assert_eq!(
        fs::read_to_string(dir.path().join("thesis.docx"))
            .ok()
            .as_deref(),
        Some("precious")
    );
}

#[test]
fn indexes_the_real_corpora_completely() {
    let Some(corpora) = shared_corpora() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let output = newsdex()
        .arg("index")
        .arg("--index")
        .arg(dir.path().join("index"))
        .arg(corpora.join("bbc"))
        .arg(corpora.join("wikinews"))
        .output()
        .expect("runs");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    // 2,225 BBC stories (one of them Latin-1) and 411 Wikinews articles, nothing skipped.
    assert!(err.contains("Indexed 2636 articles"), "{err}");
    assert!(err.contains(", 0 skipped."), "{err}");
}

#[test]
fn an_index_inside_the_corpus_folder_is_not_indexed_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("story.txt"),
        "Ferry strike\n\nFerry crews walked out on Monday, the union said.\n",
    )
    .expect("write");
    let index = dir.path().join("index");
    for expected in ["1 added", "1 unchanged"] {
        let output = newsdex()
            .arg("index")
            .arg("--index")
            .arg(&index)
            .arg(dir.path())
            .output()
            .expect("runs");
        let err = stderr(&output);
        assert!(
            err.contains("the index holds 1 article (1 passage)"),
            "{err}"
        );
        assert!(err.contains(expected), "{err}");
        assert!(err.contains(", 0 skipped."), "{err}");
    }
}

/// Runs `newsdex index --index INDEX ROOT` and returns its summary.
fn index_run(index: &std::path::Path, root: &std::path::Path, extra: &[&str]) -> String {
    let output = newsdex()
        .arg("index")
        .arg("--index")
        .arg(index)
        .args(extra)
        .arg(root)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stderr(&output)
}

fn story(title: &str, body: &str) -> String {
    format!("{title}\n\n{body}\n")
}

#[test]
fn reindexing_adds_updates_removes_and_skips_unchanged_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).expect("mkdir");
    fs::write(
        corpus.join("a.txt"),
        story("Alpha", "The alpha quarry reopened."),
    )
    .expect("write");
    fs::write(
        corpus.join("b.txt"),
        story("Beta", "The beta bridge closed."),
    )
    .expect("write");
    fs::write(
        corpus.join("c.txt"),
        story("Gamma", "The gamma gallery opened."),
    )
    .expect("write");
    let index = dir.path().join("index");
    let first = index_run(&index, &corpus, &[]);
    assert!(
        first.contains("Files: 3 added, 0 updated, 0 removed, 0 unchanged"),
        "{first}"
    );

    let unchanged = index_run(&index, &corpus, &[]);
    assert!(unchanged.contains("Indexed 0 articles"), "{unchanged}");
    assert!(
        unchanged.contains("0 added, 0 updated, 0 removed, 3 unchanged"),
        "{unchanged}"
    );

    fs::write(
        corpus.join("b.txt"),
        story("Beta", "The beta bridge reopened with a toll."),
    )
    .expect("write");
    fs::remove_file(corpus.join("c.txt")).expect("remove");
    fs::write(
        corpus.join("d.txt"),
        story("Delta", "The delta dam was inspected."),
    )
    .expect("write");
    let changed = index_run(&index, &corpus, &[]);
    assert!(
        changed.contains("Files: 1 added, 1 updated, 1 removed, 1 unchanged"),
        "{changed}"
    );
    assert!(changed.contains("the index holds 3 articles"), "{changed}");

    assert_eq!(search(&index, &["toll"]).status.code(), Some(0));
    assert_eq!(
        search(&index, &["closed"]).status.code(),
        Some(1),
        "old text of b.txt is gone"
    );
    assert_eq!(
        search(&index, &["gallery"]).status.code(),
        Some(1),
        "c.txt is gone"
    );
    assert_eq!(search(&index, &["dam"]).status.code(), Some(0));

    let rebuilt = index_run(&index, &corpus, &["--rebuild"]);
    assert!(
        rebuilt.contains("Rebuilt the index from scratch"),
        "{rebuilt}"
    );
    assert!(rebuilt.contains("Files: 3 added"), "{rebuilt}");
    let json = search_json(&index, &["the", "--limit", "10"]);
    assert_eq!(json["total"], 3, "no duplicates after a rebuild: {json}");
}

#[test]
fn touching_a_file_without_changing_it_reparses_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.txt");
    fs::write(&path, story("Alpha", "The alpha quarry reopened.")).expect("write");
    let index = dir.path().join("index");
    index_run(&index, dir.path(), &[]);
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|file| file.set_modified(later))
        .expect("touch");
    let again = index_run(&index, dir.path(), &[]);
    assert!(
        again.contains("0 added, 0 updated, 0 removed, 1 unchanged"),
        "{again}"
    );
}

#[test]
fn a_second_indexer_stops_at_once_with_a_clear_message() {
    let dir = build_index(&[&bundled_corpus()]);
    let index = dir.path().join("index");
    let held = tantivy::Index::open_in_dir(&index).expect("opens");
    let _writer: tantivy::IndexWriter = held.writer(15_000_000).expect("takes the lock");
    let output = newsdex()
        .arg("index")
        .arg("--index")
        .arg(&index)
        .arg(bundled_corpus())
        .output()
        .expect("runs");
    assert_clean_error(&output, "locked by another newsdex process");
    // Searching still works while the index is locked for writing.
    assert_eq!(search(&index, &["Ushakov"]).status.code(), Some(0));
}

#[test]
fn an_index_from_another_version_is_rebuilt_never_mixed() {
    let dir = build_index(&[&bundled_corpus()]);
    let index = dir.path().join("index");
    let manifest_path = index.join("newsdex.json");
    let manifest = fs::read_to_string(&manifest_path).expect("manifest");
    let old = manifest.replace(
        "\"extractor_version\":",
        "\"extractor_version\": 0, \"was\":",
    );
    fs::write(&manifest_path, old).expect("write");
    // Searching an explicit, outdated index says what to do.
    assert_clean_error(
        &search(&index, &["Ushakov"]),
        "rebuild it with `newsdex index`",
    );
    // Indexing rebuilds it from scratch, and says so.
    let summary = index_run(&index, &bundled_corpus(), &[]);
    assert!(
        summary.contains("Rebuilt the index from scratch"),
        "{summary}"
    );
    assert!(summary.contains("0 unchanged"), "{summary}");
    assert_eq!(search(&index, &["Ushakov"]).status.code(), Some(0));
}
