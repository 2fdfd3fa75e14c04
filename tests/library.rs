//! The library used directly, as `serve` and other front ends use it.

mod common;

use newsdex::index::NewsIndex;
use newsdex::search::article::load_article;
use newsdex::search::{SearchRequest, search};

fn bundled() -> NewsIndex {
    NewsIndex::open(&common::bundled_index()).expect("the bundled index opens")
}

#[test]
fn pages_continue_the_same_ranking() {
    let index = bundled();
    let mut request = SearchRequest::new("Varnholm");
    request.limit = 6;
    let all = search(&index, &request).expect("searches");
    request.limit = 3;
    request.offset = 3;
    let second_page = search(&index, &request).expect("searches");
    let ids = |hits: &[newsdex::search::Hit]| -> Vec<(usize, String)> {
        hits.iter()
            .map(|hit| (hit.rank, hit.article_id.clone()))
            .collect()
    };
    assert_eq!(ids(&second_page.hits), ids(&all.hits[3..]));
}

#[test]
fn an_article_is_rebuilt_whole_with_its_speakers() {
    let index = bundled();
    let hit = search(&index, &SearchRequest::new("Ushakov"))
        .expect("searches")
        .hits
        .remove(0);
    assert!(hit.article_id.ends_with("000_d0a2fc899854d094.txt"));
    let article = load_article(&index, &hit.article_id)
        .expect("loads")
        .expect("the seed is in the bundled index");
    assert_eq!(article.passages.len(), 14);
    assert!(
        article
            .passages
            .iter()
            .enumerate()
            .all(|(i, p)| p.passage == i as u64)
    );
    let mut speakers = article.speakers.clone();
    speakers.sort();
    assert_eq!(
        speakers,
        [
            "Donald Trump",
            "Steve Witkoff",
            "Volodymyr Zelensky",
            "Yuri Ushakov"
        ]
    );
    assert_eq!(article.passages[13].speakers, ["Yuri Ushakov"]);
    assert!(
        load_article(&index, "no/such/article.txt")
            .expect("loads")
            .is_none()
    );
}

#[test]
fn searches_find_passages_never_quote_documents_whatever_the_query_shape() {
    use newsdex::search::quotes::{QuoteRequest, search_quotes};
    let index = bundled();
    // "said" is in nearly every quote's passage; the shapes cover the plain
    // query (no filter on document kind) and those that need the filter.
    for query in [
        "said",
        "Witkoff said",
        "said OR told",
        "speaker:witkoff",
        "said -plan",
    ] {
        let mut request = SearchRequest::new(query);
        request.limit = 1_000;
        request.per_article = 0;
        request.collapse_duplicates = false;
        let results = search(&index, &request).expect("searches");
        assert!(!results.hits.is_empty(), "{query}");
        assert_eq!(results.total, results.hits.len(), "{query}");
        for hit in &results.hits {
            // Quote documents carry no searchable title and no passage text.
            assert!(
                !hit.title.is_empty() && !hit.text.is_empty(),
                "{query}: {hit:?}"
            );
        }
    }
    // And quotes search finds attributions only: each has a speaker and a cue.
    let mut request = QuoteRequest::new("peace");
    request.limit = 100;
    let quotes = search_quotes(&index, &request).expect("searches quotes");
    assert!(!quotes.hits.is_empty());
    assert!(
        quotes
            .hits
            .iter()
            .all(|hit| !hit.speaker.is_empty() && !hit.cue.is_empty())
    );
}

#[test]
fn big_totals_are_estimated_within_a_few_percent_and_say_so() {
    let Some(dir) = common::shared_index() else {
        return;
    };
    let index = NewsIndex::open(&dir).expect("the shared index opens");
    let results = search(&index, &SearchRequest::new("said the")).expect("searches");
    assert!(!results.total_exact, "thousands of matches are sampled");
    let matcher = newsdex::search::Matcher::new(&index, "said the", &Default::default(), false)
        .expect("parses");
    let exact = index
        .reader
        .searcher()
        .search(&matcher.full, &tantivy::collector::Count)
        .expect("counts");
    let error = results.total.abs_diff(exact) as f64 / exact as f64;
    assert!(error < 0.05, "estimate {} against {exact}", results.total);
    let small = search(&index, &SearchRequest::new("Witkoff Ushakov")).expect("searches");
    assert!(small.total_exact);
}

#[test]
fn quote_totals_count_every_stored_attribution_they_select() {
    use newsdex::index::document::stored_quotes;
    use newsdex::index::name_words::{name_matches, name_words};
    use newsdex::search::filters::Filters;
    use newsdex::search::quotes::{QuoteRequest, search_quotes};
    let Some(dir) = common::shared_index() else {
        return;
    };
    let index = NewsIndex::open(&dir).expect("the shared index opens");
    // Every attribution in the index, read passage by passage.
    let searcher = index.reader.searcher();
    let (mut all, mut direct, mut blair) = (0, 0, 0);
    for (segment, reader) in searcher.segment_readers().iter().enumerate() {
        for doc in 0..reader.max_doc() {
            let address = tantivy::DocAddress::new(segment as u32, doc);
            let document: tantivy::TantivyDocument = searcher.doc(address).expect("reads");
            for quote in stored_quotes(&document, &index.fields) {
                all += 1;
                direct += usize::from(quote.direct);
                let is_person = !quote.organization;
                blair += usize::from(name_matches(
                    &quote.speaker,
                    is_person,
                    &name_words("blair"),
                ));
            }
        }
    }
    assert!(
        blair > 50 && direct > 1_000 && all > direct,
        "{blair} {direct} {all}"
    );
    let total = |request: QuoteRequest| search_quotes(&index, &request).expect("searches").total;
    assert_eq!(total(QuoteRequest::new("")), all);
    let mut request = QuoteRequest::new("");
    request.direct_only = true;
    assert_eq!(total(request), direct);
    let mut request = QuoteRequest::new("");
    request.filters = Filters {
        speakers: vec!["Blair".to_string()],
        ..Filters::default()
    };
    let results = search_quotes(&index, &request).expect("searches");
    assert_eq!(results.total, blair);
    assert!(results.total_exact);
    assert!(
        results
            .hits
            .iter()
            .all(|hit| hit.speaker.ends_with("Blair"))
    );
}
