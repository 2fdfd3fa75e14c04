//! End-to-end: the bundled sample corpus, in every supported format, searched
//! the way the README shows.

mod common;

use common::*;

fn hit_paths(json: &serde_json::Value) -> Vec<String> {
    json["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .filter_map(|hit| hit["article_id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_format_is_indexed_and_searchable() {
    let index = bundled_index();
    let cases = [
        (
            "\"night tram\"",
            "politics/council-backs-night-tram-trial.txt",
        ),
        ("potholes", "politics/spring-budget-regional-grants.md"),
        ("\"victory lap\"", "politics/varga-third-term.json"),
        ("\"family ticket\"", "local/local_briefs.jsonl#1"),
        ("hat-trick", "sport/brandt-hat-trick-derby.html"),
        ("\"seed vault\"", "environment/tollveth-seed-vault.txt"),
        ("sourdough", "business/pellworth-bakery-closures.txt"),
    ];
    for (query, expected) in cases {
        let json = search_json(&index, &[query]);
        let paths = hit_paths(&json);
        assert!(
            paths.iter().any(|path| path.ends_with(expected)),
            "{query}: expected {expected} in {paths:?}"
        );
    }
}

#[test]
fn html_page_chrome_is_not_article_text() {
    let index = bundled_index();
    for query in ["\"Accept all\"", "Kelderby"] {
        let output = search(&index, &[query]);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{query} matched: {}",
            stdout(&output)
        );
    }
}

#[test]
fn month_filter_finds_that_month_only() {
    let index = bundled_index();
    let json = search_json(
        &index,
        &[
            "--since", "2025-03", "--until", "2025-03", "Varnholm", "--limit", "50",
        ],
    );
    let paths = hit_paths(&json);
    assert_eq!(paths.len(), 4, "{paths:?}");
    for hit in json["hits"].as_array().into_iter().flatten() {
        assert!(
            hit["published"]
                .as_str()
                .is_some_and(|p| p.starts_with("2025-03-")),
            "{hit}"
        );
    }
}

#[test]
fn published_dates_come_from_every_format() {
    let index = bundled_index();
    let cases = [
        ("\"tourist levy\"", "2024-02-08"),           // txt header
        ("potholes", "2025-03-27"),                   // front matter
        ("\"victory lap\"", "2026-01-20"),            // JSON RFC 3339
        ("\"sea view\"", "2025-03-02"),               // JSON "YYYY-MM-DD hh:mm:ss"
        ("\"tidal barrier\" Calloway", "2025-10-14"), // HTML JSON-LD
        ("hat-trick", "2026-01-11"),                  // HTML <time datetime>
    ];
    for (query, date) in cases {
        let json = search_json(&index, &[query, "--limit", "1"]);
        assert_eq!(json["hits"][0]["published"], date, "{query}: {json}");
    }
}

#[test]
fn undated_articles_are_left_out_of_date_filters_and_counted() {
    let index = bundled_index();
    let output = search(&index, &["--since", "2024", "Quayline"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("1 matching article was left out"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn timeline_counts_matching_articles_per_month() {
    let index = bundled_index();
    let output = search(
        &index,
        &[
            "Varnholm",
            "--timeline",
            "--since",
            "2025-03",
            "--until",
            "2025-03",
        ],
    );
    let out = stdout(&output);
    assert!(out.contains("Matching articles per month:"), "{out}");
    let line = out
        .lines()
        .find(|line| line.trim_start().starts_with("2025-03"))
        .unwrap_or_default();
    assert!(
        line.contains('█') && line.trim_end().ends_with(" 4"),
        "{out}"
    );
    let json = search_json(&index, &["Varnholm", "--timeline"]);
    let buckets = json["timeline"]["buckets"].as_array().expect("buckets");
    assert_eq!(json["timeline"]["period"], "month");
    assert_eq!(
        buckets.first().and_then(|b| b["period"].as_str()),
        Some("2024-01")
    );
    let total: u64 = buckets.iter().filter_map(|b| b["articles"].as_u64()).sum();
    assert_eq!(total, 30, "every dated article that names Varnholm: {json}");
}
