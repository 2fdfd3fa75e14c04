//! `newsdex serve`: the JSON API, against the real binary on a free loopback
//! port, over the bundled corpus.

mod common;

use std::fs;
use std::time::{Duration, Instant};

use common::server::Server;
use common::*;
use serde_json::Value;

/// An HTTP client that returns 4xx and 5xx answers instead of failing on them.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// GETs `path` (with its query string) and returns the status and the JSON body.
fn get(server: &Server, path: &str, query: &[(&str, &str)]) -> (u16, Value) {
    let mut request = agent().get(format!("{}{path}", server.url));
    for (name, value) in query {
        request = request.query(*name, *value);
    }
    let mut response = request.call().expect("the server answers");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        content_type.starts_with("application/json"),
        "{path}: {content_type}"
    );
    let body = response.body_mut().read_to_string().expect("a body");
    let json = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"));
    (status, json)
}

fn ok(server: &Server, path: &str, query: &[(&str, &str)]) -> Value {
    let (status, json) = get(server, path, query);
    assert_eq!(status, 200, "{path} {query:?}: {json}");
    json
}

fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .map(|object| object.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}

#[test]
fn search_answers_with_the_cli_hits_plus_facets_and_histogram() {
    let index = bundled_index();
    let server = Server::start(&index);
    let json = ok(&server, "/api/search", &[("q", "tram"), ("limit", "5")]);

    // The hits are those of `search --json`, in the same shape and order.
    let cli = search_json(&index, &["tram", "--limit", "5"]);
    let ids = |v: &Value| -> Vec<(String, u64)> {
        v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|hit| {
                let id = hit["article_id"].as_str().unwrap_or_default().to_string();
                (id, hit["passage"].as_u64().unwrap_or(u64::MAX))
            })
            .collect()
    };
    assert_eq!(ids(&json), ids(&cli));
    assert_eq!(keys(&json["hits"][0]), keys(&cli["hits"][0]));
    assert_eq!(json["total"], cli["total"]);
    assert_eq!(json["query"], "tram");
    assert_eq!(json["limit"], 5);
    assert_eq!(json["offset"], 0);
    let hit = &json["hits"][0];
    let snippet = hit["snippet"].as_str().expect("snippet");
    let (start, end) = (
        hit["highlights"][0][0].as_u64().expect("start") as usize,
        hit["highlights"][0][1].as_u64().expect("end") as usize,
    );
    assert!(snippet[start..end].to_lowercase().starts_with("tram"));

    // Facets: top names over every matching passage, speakers first.
    let facets = &json["facets"];
    assert_eq!(
        keys(facets),
        ["organizations", "persons", "places", "speakers"]
    );
    let speakers = facets["speakers"].as_array().expect("speakers");
    assert!(speakers.len() <= 10);
    assert_eq!(speakers[0]["name"], "Elena Varga", "{speakers:?}");
    assert_eq!(keys(&speakers[0]), ["articles", "kind", "name", "passages"]);
    assert!(
        speakers.iter().any(|s| s["kind"] == "org_speaker"),
        "organisations that speak count as speakers: {speakers:?}"
    );

    // Histogram: matching articles per month, as `search --timeline --json` gives.
    let timeline = search_json(&index, &["tram", "--timeline"]);
    assert_eq!(json["histogram"], timeline["timeline"]);
    assert_eq!(json["histogram"]["period"], "month");
    assert!(json.get("timeline").is_none());
}

#[test]
fn an_empty_search_is_an_overview_of_the_whole_index() {
    let server = Server::start(&bundled_index());
    let json = ok(&server, "/api/search", &[]);
    assert_eq!(json["hits"].as_array().map(Vec::len), Some(0));
    assert_eq!(json["total"], 0);
    assert_eq!(
        json["facets"]["speakers"].as_array().map(Vec::len),
        Some(10)
    );
    assert_eq!(json["facets"]["places"].as_array().map(Vec::len), Some(10));
    let histogram = json["histogram"]["buckets"].as_array().expect("buckets");
    let dated: u64 = histogram
        .iter()
        .filter_map(|b| b["articles"].as_u64())
        .sum();
    let undated = json["histogram"]["undated"].as_u64().unwrap_or(0);
    let stats = ok(&server, "/api/stats", &[]);
    assert_eq!(Some(dated + undated), stats["articles"].as_u64());
}

#[test]
fn filters_narrow_the_hits_and_may_repeat() {
    let server = Server::start(&bundled_index());
    let all = ok(&server, "/api/search", &[("q", "harbour")]);
    let one = ok(
        &server,
        "/api/search",
        &[("q", "harbour"), ("speaker", "Elena Varga")],
    );
    let total = |v: &Value| v["total"].as_u64().unwrap_or(0);
    assert!(0 < total(&one) && total(&one) < total(&all), "{one}");
    let two = ok(
        &server,
        "/api/search",
        &[
            ("q", "harbour"),
            ("speaker", "Elena Varga"),
            ("speaker", "Tomas Reyne"),
        ],
    );
    assert!(total(&two) > total(&one), "speakers are alternatives");

    let dated = ok(
        &server,
        "/api/search",
        &[("q", "harbour"), ("since", "2025"), ("until", "2025")],
    );
    for hit in dated["hits"].as_array().expect("hits") {
        assert!(hit["published"].as_str().unwrap_or("").starts_with("2025"));
    }
    assert!(dated["undated_excluded"].is_number());
    let only_2025 = dated["histogram"]["buckets"]
        .as_array()
        .expect("buckets")
        .iter()
        .all(|b| b["period"].as_str().unwrap_or("").starts_with("2025"));
    assert!(only_2025, "{}", dated["histogram"]);

    // Filters alone, without words, are a search.
    let speaker_only = ok(&server, "/api/search", &[("speaker", "varga")]);
    assert!(total(&speaker_only) > 0);
    assert_eq!(speaker_only["hits"][0]["rank"], 1);
}

#[test]
fn pages_continue_the_same_ranking() {
    let server = Server::start(&bundled_index());
    let first = ok(&server, "/api/search", &[("q", "the"), ("limit", "6")]);
    let second = ok(
        &server,
        "/api/search",
        &[("q", "the"), ("limit", "3"), ("offset", "3")],
    );
    assert_eq!(second["hits"][0]["rank"], 4);
    assert_eq!(
        second["hits"][0]["article_id"],
        first["hits"][3]["article_id"]
    );
    assert_eq!(second["offset"], 3);
}

#[test]
fn articles_come_whole_and_unknown_ones_are_404() {
    let server = Server::start(&bundled_index());
    let found = ok(&server, "/api/search", &[("q", "title:\"council backs\"")]);
    let id = found["hits"][0]["article_id"].as_str().expect("an id");
    assert!(id.ends_with("council-backs-night-tram-trial.txt"), "{id}");
    let article = ok(&server, "/api/article", &[("id", id)]);
    assert_eq!(article["article_id"], id);
    assert_eq!(article["title"], "Council backs night tram trial");
    assert_eq!(article["published"], "2025-03-14");
    let passages = article["passages"].as_array().expect("passages");
    assert!(passages.len() >= 6);
    let varga_speaks = passages.iter().any(|p| {
        p["speakers"]
            .as_array()
            .is_some_and(|s| s.iter().any(|n| n == "Elena Varga"))
    });
    assert!(varga_speaks, "{article}");

    let (status, json) = get(&server, "/api/article", &[("id", "corpus/nope.txt")]);
    assert_eq!(status, 404);
    assert!(
        json["error"]
            .as_str()
            .unwrap_or("")
            .contains("corpus/nope.txt")
    );
    let (status, json) = get(&server, "/api/article", &[]);
    assert_eq!(status, 400);
    assert!(json["error"].as_str().unwrap_or("").contains("id"));
}

#[test]
fn stats_describe_the_index() {
    let index = bundled_index();
    let server = Server::start(&index);
    let stats = ok(&server, "/api/stats", &[]);
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(index.join("newsdex.json")).expect("a manifest"))
            .expect("JSON");
    assert_eq!(stats["articles"], manifest["articles"]);
    assert_eq!(stats["passages"], manifest["passages"]);
    assert!(stats["duplicate_groups"].is_u64());
    assert_eq!(stats["version"], env!("CARGO_PKG_VERSION"));
    assert!(stats["index"].as_str().unwrap_or("").ends_with("index"));
}

#[test]
fn bad_parameters_are_400_with_one_line_naming_the_problem() {
    let server = Server::start(&bundled_index());
    let long = "word ".repeat(401);
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("q", "tram"), ("since", "2025-13")], "since"),
        (&[("q", "tram"), ("until", "yesterday")], "until"),
        (
            &[("q", "tram"), ("since", "2026"), ("until", "2025")],
            "after",
        ),
        (&[("q", "tram"), ("mentions", "2026..2025")], "mentions"),
        (&[("q", "tram"), ("limit", "0")], "limit"),
        (&[("q", "tram"), ("limit", "101")], "limit"),
        (&[("q", "tram"), ("limit", "ten")], "limit"),
        (&[("q", "tram"), ("offset", "10001")], "offset"),
        (&[("q", "tram"), ("offset", "-1")], "offset"),
        (&[("q", "tram"), ("per_article", "x")], "per_article"),
        (&[("q", "tram"), ("collapse", "maybe")], "collapse"),
        (&[("q", &long)], "2000"),
        (&[("q", "\"unclosed")], "quote"),
        (&[("q", "a"), ("q", "b")], "q"),
    ];
    for (query, expected) in cases {
        let (status, json) = get(&server, "/api/search", query);
        assert_eq!(status, 400, "{query:?}: {json}");
        let error = json["error"].as_str().unwrap_or_default();
        assert!(error.contains(expected), "{query:?}: {error}");
        assert_eq!(error.lines().count(), 1, "{error}");
    }
    // Unknown parameters are ignored.
    ok(&server, "/api/search", &[("q", "tram"), ("colour", "blue")]);
    // Unknown paths are JSON 404s.
    let (status, json) = get(&server, "/api/nothing", &[]);
    assert_eq!(status, 404);
    assert!(json["error"].is_string());
}

#[test]
fn the_page_and_its_assets_are_served_with_a_strict_policy() {
    let server = Server::start(&bundled_index());
    let fetch = |path: &str| {
        let mut response = agent()
            .get(format!("{}{path}", server.url))
            .call()
            .expect("an answer");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        let (kind, policy) = (header("content-type"), header("content-security-policy"));
        let body = response.body_mut().read_to_string().expect("a body");
        (response.status().as_u16(), kind, policy, body)
    };
    let (status, kind, policy, body) = fetch("/");
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/html"));
    assert!(policy.contains("script-src 'self'"), "{policy}");
    assert!(body.contains("/app.js") && body.contains("/style.css"));
    assert!(
        !body.contains("http://") && !body.contains("https://"),
        "no CDN"
    );
    let (status, kind, _, _) = fetch("/app.js");
    assert_eq!((status, kind.starts_with("text/javascript")), (200, true));
    let (status, kind, _, _) = fetch("/style.css");
    assert_eq!((status, kind.starts_with("text/css")), (200, true));
}

#[test]
fn a_new_commit_from_another_process_is_seen_without_a_restart() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).expect("corpus folder");
    fs::write(
        corpus.join("first.txt"),
        "Date: 2025-01-02\n\nFerry timetable changes\n\n\"The ferry will run hourly,\" said Harbour Master Ines Halloran.\n",
    )
    .expect("first article");
    let index = dir.path().join("index");
    let index_run = || {
        newsdex()
            .arg("index")
            .arg("--quiet")
            .arg("--index")
            .arg(&index)
            .arg(&corpus)
            .assert()
            .success();
    };
    index_run();
    let server = Server::start(&index);
    let total = |q: &str| ok(&server, "/api/search", &[("q", q)])["total"].as_u64();
    assert_eq!(total("ferry"), Some(1));
    assert_eq!(total("zeppelin"), Some(0));

    fs::write(
        corpus.join("second.txt"),
        "Date: 2025-02-03\n\nZeppelin tours return\n\n\"The zeppelin is back,\" said Mayor Elena Varga.\n",
    )
    .expect("second article");
    index_run();
    let started = Instant::now();
    while total("zeppelin") != Some(1) {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the new commit was not picked up"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(ok(&server, "/api/stats", &[])["articles"], 2);
    let hits = ok(&server, "/api/search", &[("q", "zeppelin")]);
    let id = hits["hits"][0]["article_id"]
        .as_str()
        .expect("an id")
        .to_string();
    let article = ok(&server, "/api/article", &[("id", &id)]);
    assert_eq!(article["title"], "Zeppelin tours return");
}
