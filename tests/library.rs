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
