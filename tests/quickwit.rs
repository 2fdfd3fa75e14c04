//! newsdex on Quickwit: the CLI's remote errors (always), and, when
//! `QUICKWIT_BIN` names a Quickwit binary, a live node on loopback filled by
//! `newsdex push` and searched beside a local index of the same corpora.
//!
//! The live test prints what it measured (push throughput, query latency,
//! recall against the local stemmed index) with `--nocapture`:
//! `QUICKWIT_BIN=/path/to/quickwit cargo test --release --test quickwit -- --nocapture`.

mod common;

use std::collections::HashSet;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{assert_clean_error, newsdex, repo_root, shared_corpora, shared_index};
use newsdex::index::NewsIndex;
use newsdex::remote::Quickwit;
use newsdex::remote::search::search_with;
use newsdex::remote::translate::Translator;
use newsdex::search::filters::FilterText;
use newsdex::search::{SearchRequest, SearchResults, search};

#[test]
fn untranslatable_queries_fail_before_any_request() {
    // Nothing listens on port 9: the error must come from the translation.
    let output = newsdex()
        .args([
            "search",
            "--engine",
            "quickwit=http://127.0.0.1:9/news",
            "tram^2",
        ])
        .output()
        .expect("newsdex runs");
    assert_clean_error(&output, "`tram^2` (a boost)");
    let output = newsdex()
        .args(["search", "--engine", "elastic=http://h/x", "tram"])
        .output()
        .expect("newsdex runs");
    assert_clean_error(&output, "give quickwit=http://HOST:7280/INDEX");
}

#[test]
fn an_unreachable_engine_is_one_error_line() {
    let output = newsdex()
        .args([
            "search",
            "--engine",
            "quickwit=http://127.0.0.1:9/news",
            "tram",
        ])
        .output()
        .expect("newsdex runs");
    assert_clean_error(&output, "cannot reach Quickwit at http://127.0.0.1:9");
}

#[test]
fn export_writes_a_config_and_one_document_per_line() {
    let out = tempfile::tempdir().expect("temp dir");
    newsdex()
        .args(["export", "--quiet", "--to", "quickwit", "--index", "news"])
        .arg(out.path())
        .arg(repo_root().join("corpus"))
        .assert()
        .success();
    let config = std::fs::read_to_string(out.path().join("index-config.yaml")).expect("config");
    assert!(config.contains("index_id: news"));
    let documents = std::fs::read_to_string(out.path().join("documents.ndjson")).expect("docs");
    let mut ids = HashSet::new();
    for line in documents.lines() {
        let document: serde_json::Value = serde_json::from_str(line).expect("one JSON per line");
        assert!(ids.insert(document["id"].as_str().unwrap_or_default().to_string()));
    }
    assert!(!ids.is_empty());
}

/// A Quickwit node on loopback with its data in a temporary folder, stopped on drop.
struct Node {
    child: Child,
    base: String,
    _dir: tempfile::TempDir,
}

impl Node {
    fn start(binary: &Path) -> Node {
        let dir = tempfile::tempdir().expect("temp dir");
        let port = free_port_pair();
        let config = dir.path().join("node.yaml");
        // Quickwit refuses to start without its data folder.
        std::fs::create_dir_all(dir.path().join("qwdata")).expect("data folder created");
        std::fs::write(
            &config,
            format!(
                "version: 0.8\nnode_id: newsdex-test\nlisten_address: 127.0.0.1\n\
                 rest:\n  listen_port: {port}\ngrpc_listen_port: {}\n\
                 data_dir: {}\n",
                port + 1,
                dir.path().join("qwdata").display()
            ),
        )
        .expect("node config written");
        let log = std::fs::File::create(dir.path().join("quickwit.log")).expect("log file");
        let child = Command::new(binary)
            .args(["run", "--config"])
            .arg(&config)
            .env("QW_DISABLE_TELEMETRY", "1")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("quickwit starts");
        let node = Node {
            child,
            base: format!("http://127.0.0.1:{port}"),
            _dir: dir,
        };
        let client = newsdex::remote::client::Client::new(&node.base);
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let ready = client
                .send("GET", "/health/readyz", None, true)
                .is_ok_and(|(status, _)| status == 200);
            if ready {
                return node;
            }
            assert!(Instant::now() < deadline, "Quickwit was not ready in 120 s");
            std::thread::sleep(Duration::from_millis(500));
        }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A free port whose successor is free too (Quickwit's gRPC port).
fn free_port_pair() -> u16 {
    for _ in 0..50 {
        let Ok(listener) = TcpListener::bind("127.0.0.1:0") else {
            continue;
        };
        let Ok(address) = listener.local_addr() else {
            continue;
        };
        let port = address.port();
        if port < 65_000 && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return port;
        }
    }
    panic!("no free pair of ports on loopback")
}

/// One line of bench/queries.txt as a request.
fn bench_requests() -> Vec<(String, String, SearchRequest)> {
    let text =
        std::fs::read_to_string(repo_root().join("bench/queries.txt")).expect("bench queries");
    let mut requests = Vec::new();
    for line in text.lines() {
        let Some((class, args)) = line.split_once('\t') else {
            continue;
        };
        if line.starts_with('#') {
            continue;
        }
        let words = shell_words(args);
        let mut filters = FilterText::default();
        let mut query = Vec::new();
        let mut words = words.into_iter();
        while let Some(word) = words.next() {
            match word.as_str() {
                "--speaker" => filters.speakers.extend(words.next()),
                "--since" => filters.since = words.next(),
                "--until" => filters.until = words.next(),
                _ => query.push(word),
            }
        }
        let request = SearchRequest {
            query: query.join(" "),
            filters: filters.parse().expect("bench filters are valid"),
            ..SearchRequest::new("")
        };
        requests.push((class.to_string(), args.to_string(), request));
    }
    requests
}

/// Splits at spaces outside double quotes, keeping the quotes (they are query syntax).
fn shell_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c == ' ' && !quoted {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

fn article_ids(results: &SearchResults) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|hit| hit.article_id.clone())
        .collect()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

fn quickwit_binary() -> Option<PathBuf> {
    let binary = std::env::var_os("QUICKWIT_BIN").map(PathBuf::from);
    if binary.is_none() {
        eprintln!(
            "note: skipping the live Quickwit test: set QUICKWIT_BIN to a quickwit binary to run it"
        );
    }
    binary
}

#[test]
fn live_quickwit_answers_like_the_local_index() {
    let Some(binary) = quickwit_binary() else {
        return;
    };
    let Some(corpora) = shared_corpora() else {
        return;
    };
    let Some(local_dir) = shared_index() else {
        return;
    };
    let local = NewsIndex::open(&local_dir).expect("local index opens");
    let node = Node::start(&binary);

    // Push with the same paths the local index was built from, so ids match.
    let output = newsdex()
        .args([
            "push",
            "--quiet",
            "--json",
            "--quickwit",
            &node.base,
            "--index",
            "news",
        ])
        .arg(corpora.join("bbc"))
        .arg(corpora.join("wikinews"))
        .output()
        .expect("newsdex push runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "push failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("push --json prints JSON");
    let documents = summary["documents"].as_u64().unwrap_or(0);
    let seconds = summary["seconds"].as_f64().unwrap_or(0.0);
    eprintln!(
        "quickwit: pushed {documents} documents in {} batches, {:.1} s, {:.0} docs/s; accepted {}, rejected {}",
        summary["batches"],
        seconds,
        documents as f64 / seconds.max(0.001),
        summary["accepted"],
        summary["rejected"]
    );
    assert!(documents > 20_000, "{summary}");
    assert_eq!(summary["rejected"], 0, "{summary}");
    assert_eq!(summary["accepted"].as_u64(), Some(documents));

    let remote = Quickwit::new(&node.base, "news");
    let mut local_ms = Vec::new();
    let mut remote_ms = Vec::new();
    let (mut local_total, mut remote_total, mut exact_total) = (0usize, 0usize, 0usize);
    let mut overlaps = Vec::new();
    let mut top_found = 0;
    let requests = bench_requests();
    for (class, args, request) in &requests {
        let started = Instant::now();
        let here = search(&local, request).expect("local search");
        local_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        let started = Instant::now();
        let there = search_with(&remote, request, Translator::new()).expect("remote search");
        remote_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        let exact = search_with(&remote, request, Translator::without_word_forms())
            .expect("remote search without word forms");
        local_total += here.total_full;
        remote_total += there.total_full;
        exact_total += exact.total_full;
        let (here_ids, there_ids) = (article_ids(&here), article_ids(&there));
        let shared = here_ids.iter().filter(|id| there_ids.contains(id)).count();
        let overlap = if here_ids.is_empty() {
            1.0
        } else {
            shared as f64 / here_ids.len() as f64
        };
        overlaps.push(overlap);
        if here_ids.first().is_none_or(|top| there_ids.contains(top)) {
            top_found += 1;
        }
        eprintln!(
            "quickwit: {class:9} {args:40} full matches local {:5} remote {:5} (as written {:5}); top-10 overlap {:.0}%",
            here.total_full,
            there.total_full,
            exact.total_full,
            overlap * 100.0
        );
        // Date filters are exact on both sides: nothing outside the bounds.
        // The undated articles left out are those matching the words, so
        // their count differs only as much as the words' recall does.
        assert_eq!(
            here.undated_excluded.is_some(),
            there.undated_excluded.is_some(),
            "{args}"
        );
        if let (Some(here), Some(there)) = (here.undated_excluded, there.undated_excluded) {
            assert!(
                there <= here && there * 100 >= here * 95,
                "{args}: {here} {there}"
            );
        }
        for hit in &there.hits {
            if let Some(since) = request.filters.since {
                assert!(hit.published.is_some_and(|day| day >= since), "{args}");
            }
            if let Some(until) = request.filters.until {
                assert!(hit.published.is_some_and(|day| day <= until), "{args}");
            }
        }
    }
    let queries = requests.len();
    let mean_overlap = overlaps.iter().sum::<f64>() / queries as f64;
    eprintln!(
        "quickwit: {queries} bench queries; full matches: local {local_total}, remote {remote_total} ({:.1}%), remote without word forms {exact_total} ({:.1}%)",
        100.0 * remote_total as f64 / local_total.max(1) as f64,
        100.0 * exact_total as f64 / local_total.max(1) as f64
    );
    eprintln!(
        "quickwit: mean top-10 overlap {:.0}%; local top hit in remote top 10 for {top_found} of {queries}",
        mean_overlap * 100.0
    );
    eprintln!(
        "quickwit: query latency p50: local {:.1} ms, remote {:.1} ms",
        median(local_ms),
        median(remote_ms)
    );
    assert!(
        remote_total as f64 >= 0.8 * local_total as f64,
        "word forms should recover most of the stemmed recall"
    );
    assert!(mean_overlap >= 0.5, "mean top-10 overlap {mean_overlap}");
    assert!(
        top_found * 4 >= queries * 3,
        "top hit found for {top_found} of {queries}"
    );

    // Filter-only searches have no stemming in them: counts agree exactly.
    for filters in [
        FilterText {
            since: Some("2005".into()),
            until: Some("2005".into()),
            ..FilterText::default()
        },
        FilterText {
            since: Some("2010-06".into()),
            ..FilterText::default()
        },
        FilterText {
            speakers: vec!["Blair".into()],
            ..FilterText::default()
        },
    ] {
        let request = SearchRequest {
            filters: filters.clone().parse().expect("valid filters"),
            ..SearchRequest::new("")
        };
        let here = search(&local, &request).expect("local search");
        let there = search_with(&remote, &request, Translator::new()).expect("remote search");
        assert_eq!(here.total_full, there.total_full, "{filters:?}");
        assert_eq!(here.undated_excluded, there.undated_excluded, "{filters:?}");
    }

    // The CLI prints the same JSON shape for both engines.
    let engine = format!("quickwit={}/news", node.base);
    let output = newsdex()
        .args([
            "search",
            "--json",
            "--timeline",
            "--engine",
            &engine,
            "oil",
            "prices",
        ])
        .output()
        .expect("newsdex runs");
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let there: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let here = common::search_json(&local_dir, &["--timeline", "oil", "prices"]);
    let keys = |value: &serde_json::Value| {
        let mut keys: Vec<String> = value
            .as_object()
            .map(|object| object.keys().cloned().collect())
            .unwrap_or_default();
        keys.sort();
        keys
    };
    assert_eq!(keys(&here), keys(&there));
    assert_eq!(keys(&here["hits"][0]), keys(&there["hits"][0]));
    assert_eq!(here["timeline"]["undated"], there["timeline"]["undated"]);

    // Quotes: a speaker filter has no stemming in it, so the totals agree;
    // the JSON shape is the same, and newest-first order is the same order.
    let quotes = |args: &[&str], remote: bool| {
        let mut command = newsdex();
        command.args(["quotes", "--json", "--color", "never"]);
        if remote {
            command.args(["--engine", &engine]);
        } else {
            command.arg("--index").arg(&local_dir);
        }
        let output = command.args(args).output().expect("newsdex runs");
        assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
        serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("JSON")
    };
    let args = ["--speaker", "Blair", "--sort", "date", "-n", "5"];
    let (here, there) = (quotes(&args, false), quotes(&args, true));
    assert_eq!(here["total"], there["total"]);
    assert_eq!(keys(&here), keys(&there));
    assert_eq!(keys(&here["hits"][0]), keys(&there["hits"][0]));
    let dates = |value: &serde_json::Value| -> Vec<serde_json::Value> {
        value["hits"]
            .as_array()
            .map(|hits| hits.iter().map(|hit| hit["published"].clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(dates(&here), dates(&there));
    let (here, there) = (quotes(&["election"], false), quotes(&["election"], true));
    eprintln!(
        "quickwit: quotes about election: local {}, remote {}",
        here["total"], there["total"]
    );

    // who: the same JSON shape, and mostly the same voices.
    let who = |remote: bool| {
        let mut command = newsdex();
        command.args(["who", "--json", "-n", "5"]);
        if remote {
            command.args(["--engine", &engine]);
        } else {
            command.arg("--index").arg(&local_dir);
        }
        let output = command.arg("election").output().expect("newsdex runs");
        assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
        serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("JSON")
    };
    let (here, there) = (who(false), who(true));
    assert_eq!(keys(&here), keys(&there));
    assert_eq!(keys(&here["speakers"][0]), keys(&there["speakers"][0]));
    let names = |value: &serde_json::Value| -> Vec<String> {
        value["speakers"]
            .as_array()
            .map(|voices| {
                voices
                    .iter()
                    .filter_map(|voice| voice["name"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    eprintln!(
        "quickwit: who election: local {:?}, remote {:?}",
        names(&here),
        names(&there)
    );
    let shared = names(&here)
        .iter()
        .filter(|n| names(&there).contains(n))
        .count();
    assert!(shared >= 3, "who shares {shared} of 5 voices");

    // serve --engine: the same API shapes as a local server.
    let remote_server = common::server::Server::start_with(&[
        std::ffi::OsStr::new("--engine"),
        std::ffi::OsStr::new(&engine),
    ]);
    let local_server = common::server::Server::start(&local_dir);
    let get = |server: &common::server::Server, path: &str| -> serde_json::Value {
        let mut response = ureq::get(format!("{}{path}", server.url))
            .call()
            .unwrap_or_else(|error| panic!("{}{path}: {error}", server.url));
        let body = response.body_mut().read_to_string().expect("a body");
        serde_json::from_str(&body).expect("JSON")
    };
    let path = "/api/search?q=oil+prices&speaker=Blair";
    let (here, there) = (get(&local_server, path), get(&remote_server, path));
    assert_eq!(keys(&here), keys(&there));
    assert_eq!(keys(&here["facets"]), keys(&there["facets"]));
    assert_eq!(here["total"], there["total"]);
    let path = "/api/search?since=2005&until=2005";
    let (here, there) = (get(&local_server, path), get(&remote_server, path));
    assert_eq!(here["total"], there["total"]);
    assert_eq!(here["histogram"], there["histogram"]);
    assert_eq!(
        here["facets"]["speakers"][0],
        there["facets"]["speakers"][0]
    );
    let overview = |value: &serde_json::Value| value["histogram"]["buckets"].clone();
    let (here, there) = (
        get(&local_server, "/api/search"),
        get(&remote_server, "/api/search"),
    );
    assert_eq!(overview(&here), overview(&there));
    let (here, there) = (
        get(&local_server, "/api/stats"),
        get(&remote_server, "/api/stats"),
    );
    assert_eq!(here["articles"], there["articles"]);
    assert_eq!(here["duplicate_groups"], there["duplicate_groups"]);
    let article = first_article_path(&get(&local_server, "/api/search?q=chelsea"));
    let path = format!("/api/article?id={}", url_escape(&article));
    let (here, there) = (get(&local_server, &path), get(&remote_server, &path));
    assert_eq!(here, there, "the article reads the same from both engines");
}

fn first_article_path(results: &serde_json::Value) -> String {
    results["hits"][0]["article_id"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Percent-encodes a query-string value.
fn url_escape(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}
