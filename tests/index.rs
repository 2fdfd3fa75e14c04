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
    assert!(err.contains("4 skipped"), "{err}");
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
    assert!(err.contains("; 0 skipped"), "{err}");
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
    for _ in 0..2 {
        let output = newsdex()
            .arg("index")
            .arg("--index")
            .arg(&index)
            .arg(dir.path())
            .output()
            .expect("runs");
        let err = stderr(&output);
        assert!(err.contains("Indexed 1 article"), "{err}");
        assert!(err.contains("; 0 skipped"), "{err}");
    }
}
