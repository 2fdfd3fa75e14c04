//! End-to-end: a folder of deliberately broken input. Every good article is
//! indexed, every bad file is reported once with its reason, nothing panics.

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, bytes).expect("write");
}

/// Builds the messy corpus; returns the words that must be findable.
fn messy_corpus(root: &Path) -> Vec<&'static str> {
    // Good articles, each with a word found nowhere else.
    write(
        &root.join("good/plain.txt"),
        "Harbour news\n\nThe zanzibarite crane was repaired.\n",
    );
    write(
        &root.join("good/crlf.txt"),
        "Date: 2025-02-03\r\n\r\nWindows lines\r\n\r\nThe quokkaline ferry sailed.\r\n",
    );
    let utf16: Vec<u8> = std::iter::once(0xFEFF_u16)
        .chain("Wide text\n\nThe umbraphone choir sang.\n".encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    write(&root.join("good/utf16.txt"), utf16);
    write(
        &root.join("good/latin1.txt"),
        b"Old bytes\n\nThe price of the velocimeter was \xa3140.\n",
    );
    write(
        &root.join("good/name with spaces é.md"),
        "---\ntitle: Spaced\ndate: 2024-05-06\n---\nThe xylocarp market opened.\n",
    );
    write(
        &root.join("good/lines.jsonl"),
        "{\"title\": \"One\", \"text\": \"The wombatry fair began.\"}\n{broken\n\n{\"title\": \"Three\", \"text\": \"The yarnwick mill closed.\"}\n",
    );
    let long_line = "word ".repeat(200_000) + "finalmarkerword";
    write(
        &root.join("good/long-line.txt"),
        format!("A long line\n\n{long_line}\n"),
    );

    // Bad input.
    write(
        &root.join("bad/binary.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    write(&root.join("bad/empty.txt"), "");
    write(&root.join("bad/blank.md"), "  \n\t\n");
    write(
        &root.join("bad/broken.json"),
        "{\"title\": \"x\", \"text\": ",
    );
    write(
        &root.join("bad/front-matter.md"),
        "---\ntitle: [unclosed\ndate: : :\n---\nBody text here.\n",
    );
    write(
        &root.join("bad/no-body.html"),
        "<html><head><title>Only a title</title></head></html>",
    );
    let huge = vec![b'a'; 65 * 1024 * 1024 + 1];
    write(&root.join("bad/huge.txt"), huge);
    #[cfg(unix)]
    {
        let loop_dir = root.join("bad/loop");
        fs::create_dir_all(&loop_dir).expect("mkdir");
        let _ = std::os::unix::fs::symlink(&loop_dir, loop_dir.join("again"));
        let _ = std::os::unix::fs::symlink(root.join("nowhere.txt"), root.join("bad/dangling.txt"));
    }
    vec![
        "zanzibarite",
        "quokkaline",
        "umbraphone",
        "velocimeter",
        "xylocarp",
        "wombatry",
        "yarnwick",
        "finalmarkerword",
    ]
}

#[test]
fn messy_folders_index_every_good_article_and_report_every_bad_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let words = messy_corpus(&corpus);
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
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("Indexed 8 articles"), "{err}");
    for (file, reason) in [
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("blank.md", "empty"),
        ("broken.json", "JSON"),
        ("front-matter.md", "front matter"),
        ("no-body.html", "no article text"),
        ("huge.txt", "limit"),
        ("lines.jsonl:2", ""),
        ("dangling.txt", ""),
    ] {
        let line = err.lines().find(|line| line.contains(file));
        assert!(
            line.is_some_and(|line| line.contains(reason)),
            "{file} ({reason}) not reported: {err}"
        );
        assert_eq!(
            err.matches(file).count(),
            1,
            "{file} reported more than once: {err}"
        );
    }
    for word in words {
        let output = search(&index, &[word]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{word} not found: {}",
            stderr(&output)
        );
    }
}

#[test]
fn strict_mode_fails_when_anything_was_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(&dir.path().join("ok.txt"), "Fine\n\nThe article is fine.\n");
    write(&dir.path().join("bad.json"), "{");
    let output = newsdex()
        .arg("index")
        .arg("--strict")
        .arg("--index")
        .arg(dir.path().join("index"))
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(stderr(&output).contains("bad.json"));
    // The good article is still indexed and searchable.
    assert_eq!(
        search(&dir.path().join("index"), &["fine"]).status.code(),
        Some(0)
    );
}

#[test]
fn unreadable_files_and_folders_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    write(&dir.path().join("ok.txt"), "Fine\n\nThe article is fine.\n");
    write(
        &dir.path().join("secret/inside.txt"),
        "Hidden\n\nYou cannot read this.\n",
    );
    write(&dir.path().join("locked.txt"), "Locked\n\nNor this.\n");
    fs::set_permissions(dir.path().join("secret"), fs::Permissions::from_mode(0o000))
        .expect("chmod");
    fs::set_permissions(
        dir.path().join("locked.txt"),
        fs::Permissions::from_mode(0o000),
    )
    .expect("chmod");
    if fs::read(dir.path().join("locked.txt")).is_ok() {
        eprintln!("note: skipping permission checks: running as root, which reads everything");
        fs::set_permissions(dir.path().join("secret"), fs::Permissions::from_mode(0o755))
            .expect("chmod");
        return;
    }
    let output = newsdex()
        .arg("index")
        .arg("--index")
        .arg(dir.path().join("index"))
        .arg(dir.path())
        .output()
        .expect("runs");
    fs::set_permissions(dir.path().join("secret"), fs::Permissions::from_mode(0o755))
        .expect("chmod");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(err.contains("Indexed 1 article"), "{err}");
    assert!(err.contains("secret"), "{err}");
    assert!(err.contains("locked.txt"), "{err}");
}
