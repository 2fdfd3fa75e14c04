//! End-to-end: what `newsdex extract` and the name listings show.

mod common;

use common::*;

fn seed_extraction() -> serde_json::Value {
    let output = newsdex()
        .args(["extract", "--json", "corpus/000_d0a2fc899854d094.txt"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1, "one line per article: {out}");
    serde_json::from_str(&out).expect("valid JSON")
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    let mut names: Vec<String> = value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn seed_speakers_are_exactly_the_four_who_speak() {
    let seed = seed_extraction();
    assert_eq!(
        strings(&seed["speakers"]),
        [
            "Donald Trump",
            "Steve Witkoff",
            "Volodymyr Zelensky",
            "Yuri Ushakov"
        ]
    );
    assert!(strings(&seed["persons"]).contains(&"Vladimir Putin".to_string()));
    let passages = seed["passages"].as_array().expect("passages");
    assert_eq!(passages.len(), 14);
    // "Ushakov remarked that it may have been intended to hinder diplomatic efforts"
    assert_eq!(strings(&passages[13]["speakers"]), ["Yuri Ushakov"]);
    // "Witkoff is quoted as saying that my guy is ready to do it"
    assert_eq!(strings(&passages[10]["speakers"]), ["Steve Witkoff"]);
    let dates: Vec<&str> = seed["dates"]
        .as_array()
        .map(|d| d.iter().filter_map(|x| x["text"].as_str()).collect())
        .unwrap_or_default();
    for expected in ["Wednesday", "last month", "14 October", "next week"] {
        assert!(dates.contains(&expected), "{expected} not in {dates:?}");
    }
}

#[test]
fn speaker_filter_ranks_the_speakers_own_passages_first() {
    let json = search_json(
        &bundled_index(),
        &[
            "--speaker",
            "Witkoff",
            "Trump",
            "--per-article",
            "0",
            "--limit",
            "20",
        ],
    );
    let hits = json["hits"].as_array().expect("hits");
    assert!(hits.len() >= 4, "{json}");
    let speaks: Vec<bool> = hits
        .iter()
        .map(|hit| strings(&hit["speakers"]).contains(&"Steve Witkoff".to_string()))
        .collect();
    assert!(speaks[0], "first hit is not Witkoff's: {json}");
    // Once a passage without him appears, none with him follows.
    let first_other = speaks.iter().position(|s| !s).unwrap_or(speaks.len());
    assert!(speaks[first_other..].iter().all(|s| !s), "{speaks:?}");
    // The filter name is highlighted too.
    let snippet = hits[0]["snippet"].as_str().unwrap_or_default();
    let highlighted: Vec<&str> = hits[0]["highlights"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|r| snippet.get(r[0].as_u64()? as usize..r[1].as_u64()? as usize))
                .collect()
        })
        .unwrap_or_default();
    assert!(highlighted.contains(&"Witkoff"), "{highlighted:?}");
}

#[test]
fn speaker_filter_matches_surname_or_full_name_in_any_case() {
    let index = bundled_index();
    for name in ["Elena Varga", "varga", "VARGA"] {
        let json = search_json(&index, &["--speaker", name, "budget"]);
        let paths: Vec<&str> = json["hits"]
            .as_array()
            .map(|h| {
                h.iter()
                    .filter_map(|hit| hit["article_id"].as_str())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(paths.len(), 2, "{name}: {paths:?}");
        assert!(
            paths
                .iter()
                .any(|p| p.ends_with("spring-budget-regional-grants.md")),
            "{paths:?}"
        );
        assert!(
            paths.iter().any(|p| p.ends_with("local_briefs.jsonl#2")),
            "{paths:?}"
        );
    }
    let output = search(&index, &["--speaker", "Elena", "budget"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a first name alone is not a key"
    );
}

#[test]
fn speakers_lists_the_most_quoted_people() {
    let output = newsdex()
        .args(["speakers", "--json", "--limit", "3", "--index"])
        .arg(bundled_index())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let top = &json["names"][0];
    assert_eq!(top["name"], "Elena Varga");
    assert_eq!(top["kind"], "speaker");
    assert_eq!(top["articles"], 8);
}

#[test]
fn speakers_within_a_query_counts_only_matching_passages() {
    let output = newsdex()
        .args(["speakers", "--limit", "5", "--index"])
        .arg(bundled_index())
        .arg("Ushakov")
        .output()
        .expect("runs");
    let out = stdout(&output);
    assert!(out.contains("Yuri Ushakov"), "{out}");
    assert!(!out.contains("Elena Varga"), "{out}");
}

#[test]
fn who_lists_the_people_who_speak_about_a_topic() {
    let output = newsdex()
        .args(["who", "--json", "--index"])
        .arg(bundled_index())
        .arg("Putin")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let names: Vec<&str> = json["speakers"]
        .as_array()
        .map(|s| s.iter().filter_map(|v| v["name"].as_str()).collect())
        .unwrap_or_default();
    assert!(names.contains(&"Steve Witkoff"), "{names:?}");
    assert!(names.contains(&"Yuri Ushakov"), "{names:?}");
    for speaker in json["speakers"].as_array().into_iter().flatten() {
        let best = &speaker["best"];
        assert!(
            best["text"]
                .as_str()
                .is_some_and(|text| text.contains("Putin")),
            "{speaker}"
        );
        let quote = &speaker["quote"];
        assert!(
            quote["text"]
                .as_str()
                .is_some_and(|text| text.contains("Putin")),
            "{speaker}"
        );
        assert_eq!(quote["speaker"], speaker["name"]);
    }
}

#[test]
fn seed_quotes_carry_speaker_cue_and_words() {
    let seed = seed_extraction();
    let quotes = seed["quotes"].as_array().expect("quotes");
    let find = |speaker: &str, cue: &str, words: &str| {
        quotes.iter().any(|q| {
            q["speaker"] == speaker
                && q["cue"] == cue
                && q["text"].as_str().is_some_and(|text| text.contains(words))
        })
    };
    assert!(
        find(
            "Steve Witkoff",
            "is quoted as saying",
            "my guy is ready to do it"
        ),
        "{quotes:?}"
    );
    assert!(
        find(
            "Donald Trump",
            "said",
            "a very standard form of negotiations"
        ),
        "{quotes:?}"
    );
    assert!(
        find(
            "Yuri Ushakov",
            "remarked",
            "intended to hinder diplomatic efforts"
        ),
        "{quotes:?}"
    );
    assert!(
        find("Steve Witkoff", "indicated", "beneficial dialogue"),
        "{quotes:?}"
    );
    assert!(
        quotes.iter().all(|q| q["direct"] == false),
        "the seed reports; it quotes no one directly"
    );
}

#[test]
fn quotes_command_finds_what_a_speaker_said() {
    let output = newsdex()
        .args([
            "quotes",
            "--speaker",
            "Witkoff",
            "--color",
            "never",
            "--index",
        ])
        .arg(bundled_index())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("Steve Witkoff is quoted as saying"), "{out}");
    assert!(out.contains("my guy is ready to do it"), "{out}");
    assert!(
        !out.contains("Donald Trump said"),
        "only Witkoff's own words: {out}"
    );

    let output = newsdex()
        .args(["quotes", "--json", "--direct", "--index"])
        .arg(bundled_index())
        .arg("transport")
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let hits = json["hits"].as_array().expect("hits");
    assert!(!hits.is_empty(), "{json}");
    // Quotes from passages about transport; those whose own words say it first.
    let says_it: Vec<bool> = hits
        .iter()
        .map(|hit| {
            let text = hit["text"].as_str().unwrap_or_default().to_lowercase();
            text.contains("transport")
        })
        .collect();
    assert!(says_it[0], "{json}");
    assert!(
        says_it.windows(2).all(|pair| pair[0] || !pair[1]),
        "quotes that say the word rank first: {json}"
    );
    for hit in hits {
        assert_eq!(hit["direct"], true);
        for key in [
            "speaker",
            "cue",
            "text",
            "highlights",
            "path",
            "title",
            "published",
            "passage",
        ] {
            assert!(hit.get(key).is_some(), "{key} missing: {hit}");
        }
        let highlighted = hit["highlights"].as_array().is_some_and(|h| !h.is_empty());
        let text = hit["text"].as_str().unwrap_or_default().to_lowercase();
        assert_eq!(highlighted, text.contains("transport"), "{hit}");
    }
}

#[test]
fn who_can_show_when_a_topic_was_discussed() {
    let output = newsdex()
        .args(["who", "--timeline", "--json", "--index"])
        .arg(bundled_index())
        .arg("tram")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let buckets = json["timeline"]["buckets"].as_array().expect("a timeline");
    assert!(
        buckets.iter().any(|b| b["articles"].as_u64() > Some(0)),
        "{json}"
    );
}
