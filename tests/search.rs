//! End-to-end: `newsdex search` over the bundled corpus and the real corpora,
//! as a user sees it.

mod common;

use common::*;

#[test]
fn seed_passage_is_found_with_the_name_highlighted() {
    let output = search(&bundled_index(), &["Ushakov"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("000_d0a2fc899854d094.txt"), "{out}");
    assert!(out.contains("**Ushakov**"), "{out}");
}

#[test]
fn colour_highlights_are_ansi_when_asked() {
    let output = newsdex()
        .args(["search", "--color", "always", "--index"])
        .arg(bundled_index())
        .arg("Ushakov")
        .output()
        .expect("runs");
    assert!(stdout(&output).contains("\x1b[1;31mUshakov\x1b[0m"));
}

#[test]
fn no_hits_exit_one_and_say_so() {
    let output = search(&bundled_index(), &["xylophonequark"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("Showing 0 of 0 matching passages"));
}

#[test]
fn bad_queries_get_one_line_errors_and_exit_two() {
    let index = bundled_index();
    let index = index.as_path();
    assert_clean_error(&search(index, &["peace \"plan"]), "unbalanced quote");
    assert_clean_error(
        &search(index, &["nosuchfield:x"]),
        "unknown field `nosuchfield:`",
    );
    assert_clean_error(
        &search(index, &["--since", "2025-13-45", "peace"]),
        "2025-13-45",
    );
    assert_clean_error(&search(index, &["--limit", "0", "peace"]), "--limit 0");
    assert_clean_error(&search(index, &[""]), "empty query");
    assert_clean_error(&search(index, &["--", "-peace"]), "only excludes");
}

#[test]
fn absurd_queries_get_one_line_errors() {
    let index = bundled_index();
    let long = "harbour ".repeat(400);
    assert_clean_error(&search(&index, &[&long]), "the limit is 2000");
    assert_clean_error(&search(&index, &["tram\u{7}bell"]), "control character");
    assert_clean_error(
        &search(&index, &["--limit", "99999999", "tram"]),
        "--limit 99999999",
    );
    assert_clean_error(
        &search(&index, &["--mentions", "2026..2025", "tram"]),
        "mentions",
    );
    assert_clean_error(
        &search(&index, &["--since", "2026", "--until", "2025", "tram"]),
        "after",
    );
}

#[test]
fn an_empty_folder_is_not_an_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_clean_error(&search(dir.path(), &["peace"]), "no newsdex index");
}

#[test]
fn missing_index_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = search(&dir.path().join("nope"), &["peace"]);
    assert_clean_error(&output, "no newsdex index");
}

#[test]
fn partial_matches_follow_and_name_the_missing_word() {
    let output = search(&bundled_index(), &["Ushakov", "xylophonequark"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("**Ushakov**"), "{out}");
    assert!(out.contains("missing: xylophonequark"), "{out}");
}

#[test]
fn per_article_caps_passages_from_one_story() {
    let index = bundled_index();
    let one = search_json(&index, &["Witkoff", "--limit", "20"]);
    let paths: Vec<&str> = one["hits"]
        .as_array()
        .map(|hits| hits.iter().filter_map(|h| h["path"].as_str()).collect())
        .unwrap_or_default();
    let seed_hits = paths.iter().filter(|p| p.contains("000_d0a2")).count();
    assert_eq!(seed_hits, 1, "{paths:?}");
    let three = search_json(&index, &["Witkoff", "--limit", "20", "--per-article", "3"]);
    let seed_hits = three["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .filter(|h| h["path"].as_str().is_some_and(|p| p.contains("000_d0a2")))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(seed_hits, 3);
}

#[test]
fn json_hits_have_the_documented_shape() {
    let Some(index) = shared_index() else { return };
    let json = search_json(&index, &["Blair", "--limit", "5"]);
    assert_eq!(json["query"], "Blair");
    assert!(json["total"].as_u64().is_some_and(|n| n >= 5), "{json}");
    let hits = json["hits"].as_array().expect("hits is an array");
    assert_eq!(hits.len(), 5);
    for (i, hit) in hits.iter().enumerate() {
        assert_eq!(hit["rank"], i + 1);
        for key in [
            "score",
            "path",
            "title",
            "source",
            "published",
            "passage",
            "text",
            "snippet",
        ] {
            assert!(hit.get(key).is_some(), "{key} missing from {hit}");
        }
        for key in [
            "highlights",
            "speakers",
            "persons",
            "organizations",
            "places",
        ] {
            assert!(hit[key].is_array(), "{key} is not an array in {hit}");
        }
        let snippet = hit["snippet"].as_str().unwrap_or_default();
        let highlights = hit["highlights"].as_array().expect("array");
        assert!(!highlights.is_empty(), "no highlight in {hit}");
        for range in highlights {
            let start = range[0].as_u64().unwrap_or(u64::MAX) as usize;
            let end = range[1].as_u64().unwrap_or(0) as usize;
            assert_eq!(
                snippet.get(start..end).map(str::to_lowercase).as_deref(),
                Some("blair")
            );
        }
    }
}

#[test]
fn date_filters_keep_only_that_year_on_wikinews() {
    let Some(index) = shared_index() else { return };
    let json = search_json(
        &index,
        &[
            "--since",
            "2020",
            "--until",
            "2020",
            "--limit",
            "50",
            "--per-article",
            "0",
            "the",
        ],
    );
    let hits = json["hits"].as_array().expect("hits");
    assert!(!hits.is_empty(), "{json}");
    for hit in hits {
        let published = hit["published"].as_str().unwrap_or_default();
        assert!(published.starts_with("2020-"), "{published} in {hit}");
    }
    // BBC stories have no date and are left out, and the user is told.
    let output = search(&index, &["--since", "2020", "--until", "2020", "the"]);
    assert!(
        stderr(&output).contains("no published date"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn mentioned_date_ranges_may_be_open_at_either_end() {
    let Some(index) = shared_index() else { return };
    let total = |range: &str| {
        search_json(&index, &["--mentions", range, "--limit", "1", ""])["total"]
            .as_u64()
            .unwrap_or(0)
    };
    let (before, after) = (total("..2004-12-31"), total("2005.."));
    let all = total("..");
    assert!(before > 100 && after > 100, "{before} {after}");
    // Every passage is on one side of the new year, or mentions both sides.
    assert!(all >= before.max(after) && all <= before + after, "{all}");
    let january = total("2005-01");
    assert!(january > 0 && january < after, "{january} {after}");
}

#[test]
fn month_filters_are_inclusive() {
    let Some(index) = shared_index() else { return };
    let json = search_json(
        &index,
        &[
            "--since", "2005-03", "--until", "2005-03", "--limit", "30", "the",
        ],
    );
    let hits = json["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|hit| {
        hit["published"]
            .as_str()
            .is_some_and(|p| p.starts_with("2005-03-"))
    }));
}

#[test]
fn category_field_narrows_to_a_topic_folder() {
    let Some(index) = shared_index() else { return };
    let json = search_json(&index, &["category:sport", "england", "--limit", "10"]);
    let hits = json["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 10);
    assert!(
        hits.iter()
            .all(|hit| hit["path"].as_str().is_some_and(|p| p.contains("/sport/")))
    );
}

#[test]
fn duplicated_bbc_stories_show_once_with_their_twin_collapsed() {
    let Some(index) = shared_index() else { return };
    let collapsed = search_json(
        &index,
        &["\"Desailly backs Blues revenge trip\"", "--limit", "5"],
    );
    let hits = collapsed["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 1, "{collapsed}");
    assert_eq!(hits[0]["similar"], 1);
    let all = search_json(
        &index,
        &[
            "\"Desailly backs Blues revenge trip\"",
            "--limit",
            "5",
            "--no-collapse",
        ],
    );
    let paths: Vec<&str> = all["hits"]
        .as_array()
        .map(|h| h.iter().filter_map(|hit| hit["path"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths.iter().any(|p| p.ends_with("sport/181.txt"))
            && paths.iter().any(|p| p.ends_with("sport/182.txt"))
    );
}

#[test]
fn indexing_the_real_corpora_finds_the_duplicate_groups() {
    let Some(corpora) = shared_corpora() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let output = newsdex()
        .args(["index", "--index"])
        .arg(dir.path().join("index"))
        .arg(corpora.join("bbc"))
        .output()
        .expect("runs");
    let err = stderr(&output);
    // 133 stories re-filed with identical bodies, and some more with new
    // headlines or re-wrapped paragraphs.
    let groups: usize = err
        .split("Found ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!((133..=160).contains(&groups), "{err}");
}
