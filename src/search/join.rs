//! Article filters over passages: a block join from the passages that hold
//! a name to the whole article.
//!
//! Speakers and entities are indexed on the passages they occur in, not on
//! every passage of the article (indexing an article's names again, on its
//! first passage or on all of them, was the largest single cost of indexing
//! what extraction finds). The writer adds an article's documents as one
//! batch, which Tantivy keeps in one segment with consecutive ids, in passage
//! order, and merges keep that order. So [`ArticleJoin`] can turn "a passage
//! matches" into "every passage of its article matches": it runs its inner
//! query and widens each match to its article's span, from the passage
//! `passage` places before it, `passage_count` documents long. It does not
//! score: it is a filter.

use std::fmt;

use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// The fast field with the number of passages of a passage's article.
const PASSAGE_COUNT_FIELD: &str = "passage_count";
/// The fast field with a passage's number within its article, from 0.
const PASSAGE_FIELD: &str = "passage";

/// Matches every passage of each article one of whose passages `inner` matches.
pub struct ArticleJoin {
    inner: Box<dyn Query>,
}

impl Clone for ArticleJoin {
    fn clone(&self) -> ArticleJoin {
        ArticleJoin::new(self.inner.box_clone())
    }
}

impl ArticleJoin {
    /// Widens `inner`, a query on passage fields, to whole articles.
    pub fn new(inner: Box<dyn Query>) -> ArticleJoin {
        ArticleJoin { inner }
    }
}

impl fmt::Debug for ArticleJoin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ArticleJoin({:?})", self.inner)
    }
}

impl Query for ArticleJoin {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let unscored = match enable_scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(enable_scoring.schema()),
        };
        Ok(Box::new(JoinWeight {
            inner: self.inner.weight(unscored)?,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct JoinWeight {
    inner: Box<dyn Weight>,
}

impl Weight for JoinWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let passage_count = reader.fast_fields().u64(PASSAGE_COUNT_FIELD)?;
        let passage = reader.fast_fields().u64(PASSAGE_FIELD)?;
        let longest = DocId::try_from(passage_count.max_value()).unwrap_or(DocId::MAX);
        let mut scorer = JoinScorer {
            inner: self.inner.scorer(reader, 1.0)?,
            passage_count,
            passage,
            longest: longest.max(1),
            max_doc: reader.max_doc(),
            doc: TERMINATED,
            end: 0,
            score: boost,
        };
        let first = scorer.inner.doc();
        scorer.enter(first);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("in an article the filter admits", 0.0))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "document {doc} is not in an article the filter admits"
            )))
        }
    }
}

/// Walks the inner matches, each widened to its span `[doc, end)`.
///
/// Only the inner matches are looked up in the `passage` and
/// `passage_count` columns, never the documents a seek lands on: seeks are
/// what an intersection calls most, and a column lookup for each was half the
/// cost of a filtered search.
struct JoinScorer {
    inner: Box<dyn Scorer>,
    passage_count: Column<u64>,
    passage: Column<u64>,
    /// The most passages any article of the segment has.
    longest: DocId,
    max_doc: DocId,
    /// The current document, within `[span start, end)`.
    doc: DocId,
    /// One past the last document of the current span.
    end: DocId,
    score: Score,
}

impl JoinScorer {
    /// Makes the article of `found` (an inner match, or [`TERMINATED`]) the
    /// current span, and its first passage not before `self.end` the
    /// current document.
    fn enter(&mut self, found: DocId) {
        if found == TERMINATED {
            self.doc = TERMINATED;
            self.end = TERMINATED;
            return;
        }
        let number = self.passage.first(found).unwrap_or(0);
        let count = self.passage_count.first(found).unwrap_or(1).max(1);
        let before = DocId::try_from(number).unwrap_or(DocId::MAX);
        // Spans never overlap: a damaged count cannot send the scorer back.
        let start = found.saturating_sub(before).max(self.end);
        let span = DocId::try_from(count).unwrap_or(1);
        self.doc = start;
        self.end = start
            .saturating_add(span)
            .clamp(found + 1, self.max_doc.max(found + 1));
    }

    /// Moves the inner scorer to its first match at or past `target` and
    /// enters that match's article.
    fn enter_from(&mut self, target: DocId) {
        let found = self.inner.seek(target);
        self.enter(found);
    }
}

impl DocSet for JoinScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        if self.doc + 1 < self.end {
            self.doc += 1;
            return self.doc;
        }
        // Later matches in the current article are skipped: its span is done.
        self.enter_from(self.end);
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        if target < self.end {
            self.doc = self.doc.max(target);
            return self.doc;
        }
        // No article is longer than `longest`, so a span reaching `target`
        // starts at or after this, and so does every match in it.
        let earliest = target.saturating_sub(self.longest - 1).max(self.end);
        self.enter_from(earliest);
        while self.doc != TERMINATED && self.end <= target {
            self.enter_from(self.end);
        }
        if self.doc != TERMINATED {
            self.doc = self.doc.max(target);
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        // Articles average a handful of passages.
        self.inner.size_hint().saturating_mul(8).min(self.max_doc)
    }
}

impl Scorer for JoinScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::DocSetCollector;
    use tantivy::indexer::UserOperation;
    use tantivy::query::TermQuery;
    use tantivy::schema::{FAST, Field, IndexRecordOption, STRING, Schema};
    use tantivy::{Index, IndexWriter, TantivyDocument};

    /// An index of articles, each a list of passages, each with its keys.
    fn index_of(articles: &[Vec<Vec<&str>>]) -> tantivy::Result<(Index, Field)> {
        let mut builder = Schema::builder();
        let key = builder.add_text_field("key", STRING);
        let passage = builder.add_u64_field(PASSAGE_FIELD, FAST);
        let passage_count = builder.add_u64_field(PASSAGE_COUNT_FIELD, FAST);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        for passages in articles {
            let mut batch = Vec::new();
            for (number, keys) in passages.iter().enumerate() {
                let mut doc = TantivyDocument::default();
                doc.add_u64(passage, number as u64);
                doc.add_u64(passage_count, passages.len() as u64);
                for k in keys {
                    doc.add_text(key, k);
                }
                batch.push(UserOperation::Add(doc));
            }
            writer.run(batch)?;
        }
        writer.commit()?;
        Ok((index, key))
    }

    fn join_on(field: Field, key: &str) -> ArticleJoin {
        let inner = TermQuery::new(Term::from_field_text(field, key), IndexRecordOption::Basic);
        ArticleJoin::new(Box::new(inner))
    }

    fn matches(index: &Index, field: Field, key: &str) -> tantivy::Result<Vec<DocId>> {
        let searcher = index.reader()?.searcher();
        let mut docs: Vec<DocId> = searcher
            .search(&join_on(field, key), &DocSetCollector)?
            .into_iter()
            .map(|address| address.doc_id)
            .collect();
        docs.sort_unstable();
        Ok(docs)
    }

    #[test]
    fn a_match_in_any_passage_admits_the_whole_article_once() -> tantivy::Result<()> {
        // Documents: a 0-2, b 3, c 4-7, d 8-9.
        let (index, key) = index_of(&[
            vec![vec!["blair"], vec![], vec!["howard"]],
            vec![vec!["brown"]],
            vec![vec![], vec!["blair"], vec![], vec!["blair", "howard"]],
            vec![vec![], vec![]],
        ])?;
        assert_eq!(matches(&index, key, "blair")?, vec![0, 1, 2, 4, 5, 6, 7]);
        assert_eq!(matches(&index, key, "howard")?, vec![0, 1, 2, 4, 5, 6, 7]);
        assert_eq!(matches(&index, key, "brown")?, vec![3]);
        assert!(matches(&index, key, "nobody")?.is_empty());
        Ok(())
    }

    #[test]
    fn seeking_into_an_article_finds_its_passages() -> tantivy::Result<()> {
        // Documents: x 0-4 (match on passage 3), y 5-6, x 7-9 (match on passage 2).
        let (index, key) = index_of(&[
            vec![vec![], vec![], vec![], vec!["x"], vec![]],
            vec![vec![], vec![]],
            vec![vec![], vec![], vec!["x"]],
        ])?;
        let searcher = index.reader()?.searcher();
        let join = join_on(key, "x");
        let weight = join.weight(EnableScoring::disabled_from_searcher(&searcher))?;
        let mut scorer = weight.scorer(searcher.segment_reader(0), 1.0)?;
        assert_eq!(scorer.doc(), 0);
        assert_eq!(scorer.seek(3), 3);
        assert_eq!(scorer.advance(), 4);
        // 5 and 6 are article y: the next match is article x's first passage.
        assert_eq!(scorer.seek(5), 7);
        assert_eq!(scorer.seek(9), 9);
        assert_eq!(scorer.advance(), TERMINATED);
        Ok(())
    }

    #[test]
    fn walks_and_seeks_agree_with_a_scan_of_every_article() -> tantivy::Result<()> {
        // A fixed pseudo-random corpus: articles of 1-7 passages, a key on some.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let articles: Vec<Vec<Vec<&str>>> = (0..300)
            .map(|_| {
                let length = 1 + next(7);
                (0..length)
                    .map(|_| if next(9) == 0 { vec!["k"] } else { vec![] })
                    .collect()
            })
            .collect();
        let mut expected = Vec::new();
        let mut doc = 0;
        for passages in &articles {
            let span = doc..doc + passages.len() as DocId;
            if passages.iter().any(|keys| !keys.is_empty()) {
                expected.extend(span.clone());
            }
            doc = span.end;
        }
        let (index, key) = index_of(&articles)?;
        assert_eq!(matches(&index, key, "k")?, expected);

        let searcher = index.reader()?.searcher();
        let join = join_on(key, "k");
        let weight = join.weight(EnableScoring::disabled_from_searcher(&searcher))?;
        let mut scorer = weight.scorer(searcher.segment_reader(0), 1.0)?;
        let mut target = 0;
        while scorer.doc() != TERMINATED {
            target = (target + next(12) as DocId).max(scorer.doc());
            let want = expected
                .iter()
                .copied()
                .find(|&d| d >= target)
                .unwrap_or(TERMINATED);
            assert_eq!(scorer.seek(target), want, "seek({target})");
            if want != TERMINATED {
                let after = expected
                    .iter()
                    .copied()
                    .find(|&d| d > want)
                    .unwrap_or(TERMINATED);
                assert_eq!(scorer.advance(), after, "advance after {want}");
                target = after;
            }
        }
        Ok(())
    }
}
