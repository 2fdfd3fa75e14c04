//! Property tests: the query front end, every article parser, sentence
//! splitting, extraction and the highlighter never panic and keep their
//! invariants on arbitrary input. Run longer as a fuzzer with
//! `PROPTEST_CASES=200000 cargo test --release --test properties`.

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use newsdex::corpus::{Article, Format, parse_str};
use newsdex::extract::extract;
use newsdex::index::NewsIndex;
use newsdex::index::schema::{Fields, build_schema, register_analyzers};
use newsdex::index::writer::{IndexOptions, NoProgress, build_index};
use newsdex::passages::split_passages;
use newsdex::search::query::QueryFrontEnd;
use newsdex::search::snippet::{highlight, snippet};
use newsdex::search::{SearchRequest, search};
use newsdex::text::sentence_spans;
use proptest::prelude::*;

/// Text that looks like news and like noise: words, capitals, quotes,
/// punctuation, digits, query syntax, markup and odd Unicode.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,10}",
        Just(" ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just(", said ".to_string()),
        Just(" told reporters ".to_string()),
        Just("Mr ".to_string()),
        Just("---\n".to_string()),
        Just("title: ".to_string()),
        Just("<p>".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(":".to_string()),
        Just("-".to_string()),
        Just("OR ".to_string()),
        Just("[".to_string()),
        Just("14 October 2025".to_string()),
        Just("last week".to_string()),
        "[0-9]{1,5}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn front_end() -> &'static QueryFrontEnd {
    static FRONT_END: OnceLock<QueryFrontEnd> = OnceLock::new();
    FRONT_END.get_or_init(|| {
        let schema = build_schema();
        let index = tantivy::Index::create_in_ram(schema.clone());
        register_analyzers(&index);
        let fields = Fields::new(&schema).expect("schema fields");
        QueryFrontEnd::new(&index, &fields)
    })
}

fn small_index() -> &'static NewsIndex {
    static INDEX: OnceLock<(tempfile::TempDir, NewsIndex)> = OnceLock::new();
    let (_, index) = INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("a.txt"),
            "Date: 2025-03-14\n\nHarbour talks\n\n\"We will reopen the crane,\" Ada Lind said on Monday.\n\nTalks resume next week.\n",
        )
        .expect("write");
        let options = IndexOptions {
            threads: 1,
            memory_mb: 20,
            ..IndexOptions::new(vec![dir.path().join("a.txt")], dir.path().join("index"))
        };
        build_index(&options, &NoProgress).expect("indexes");
        let index = NewsIndex::open(&options.index_dir).expect("opens");
        (dir, index)
    });
    index
}

proptest! {
    #[test]
    fn query_parsing_never_panics_and_errors_are_one_line(query in newsish()) {
        if let Err(error) = front_end().parse(&query) {
            prop_assert!(!error.to_string().contains('\n'), "{error}");
        }
    }

    #[test]
    fn search_never_panics_and_highlights_are_in_bounds(query in newsish()) {
        let mut request = SearchRequest::new(query);
        request.per_article = 0;
        if let Ok(results) = search(small_index(), &request) {
            for hit in results.hits {
                for (start, end) in hit.highlights {
                    prop_assert!(start < end && hit.snippet.get(start..end).is_some());
                }
            }
        }
    }

    #[test]
    fn parsers_never_panic_and_articles_are_well_formed(text in newsish()) {
        for (name, format) in [
            ("a.txt", Format::Text),
            ("a.md", Format::Markdown),
            ("a.json", Format::Json),
            ("a.jsonl", Format::JsonLines),
            ("a.html", Format::Html),
        ] {
            parse_str(Path::new(name), format, &text, &mut |parsed| {
                if let Ok(article) = parsed {
                    assert!(!article.title.trim().is_empty(), "{format:?}: empty title");
                    assert!(!article.paragraphs.is_empty(), "{format:?}: no paragraphs");
                    assert!(article.paragraphs.iter().all(|p| !p.trim().is_empty()));
                }
            });
        }
    }

    #[test]
    fn sentences_are_ordered_disjoint_char_aligned_spans(text in newsish()) {
        let mut last_end = 0;
        for (start, end) in sentence_spans(&text) {
            prop_assert!(start >= last_end && start < end && end <= text.len());
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            last_end = end;
        }
    }

    #[test]
    fn extraction_never_panics_and_covers_every_passage(text in newsish(), published in proptest::option::of(0i64..20_000)) {
        let paragraphs: Vec<String> = text
            .split("\n\n")
            .map(newsdex::text::normalize_whitespace)
            .filter(|p| !p.is_empty())
            .collect();
        let article = Article {
            title: "T".into(),
            paragraphs,
            published: published.and_then(|days| chrono::NaiveDate::from_num_days_from_ce_opt(700_000 + days as i32)),
            ..Article::default()
        };
        let passages = split_passages(&article.paragraphs);
        let found = extract(&article, &passages);
        prop_assert_eq!(found.passages.len(), passages.len());
        for mention in &found.dates {
            prop_assert!(mention.passage < passages.len());
            if let Some(span) = mention.resolved {
                prop_assert!(span.start <= span.end);
            }
        }
    }

    #[test]
    fn snippets_keep_highlights_on_the_matched_words(text in newsish(), max in 20usize..400) {
        let index = tantivy::Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let mut analyzer = index
            .tokenizers()
            .get(newsdex::index::schema::STEMMED)
            .expect("registered");
        let terms: HashSet<String> = ["said", "octob", "mr"].iter().map(|t| t.to_string()).collect();
        let ranges = highlight(&text, &mut analyzer, &terms);
        let shown = snippet(&text, &ranges, max);
        let mut last = 0;
        for (start, end) in shown.ranges {
            prop_assert!(start >= last && start < end);
            prop_assert!(shown.text.get(start..end).is_some());
            last = end;
        }
    }
}
