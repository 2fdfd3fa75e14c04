//! Article filters over passages: a block join from an article's first
//! passage to the rest of it.
//!
//! The speakers and entities of a whole article are indexed once, on its first
//! passage, not on every passage (indexing them on every passage cost a tenth
//! of all indexing time). The writer adds an article's documents as one batch,
//! which Tantivy keeps in one segment with consecutive ids, first passage first,
//! and merges keep that order. So [`ArticleJoin`] can turn "the first passage
//! matches" into "every passage of the article matches": it runs its inner
//! query and widens each first passage it matches to the article's span
//! (`passage_count` documents). A quote document the inner query matches
//! matches alone. The inner query must match nothing else: a later passage
//! it matched would be widened past its article's end. It does not score: it
//! is a filter.

use std::fmt;

use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// The fast field that gives each article's span, on its first passage.
const PASSAGE_COUNT_FIELD: &str = "passage_count";

/// Matches every passage of each article whose first passage `inner` matches,
/// and every other document `inner` matches.
pub struct ArticleJoin {
    inner: Box<dyn Query>,
}

impl Clone for ArticleJoin {
    fn clone(&self) -> ArticleJoin {
        ArticleJoin::new(self.inner.box_clone())
    }
}

impl ArticleJoin {
    /// Widens `inner`, a query on first-passage fields, to whole articles.
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
        let longest = DocId::try_from(passage_count.max_value()).unwrap_or(DocId::MAX);
        let mut scorer = JoinScorer {
            inner: self.inner.scorer(reader, 1.0)?,
            passage_count,
            longest: longest.max(1),
            max_doc: reader.max_doc(),
            doc: TERMINATED,
            end: TERMINATED,
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
/// Only the spans' first documents are looked up in the `passage_count`
/// column, never the documents a seek lands on: seeks are what an
/// intersection calls most, and a column lookup for each was half the cost
/// of a filtered search.
struct JoinScorer {
    inner: Box<dyn Scorer>,
    passage_count: Column<u64>,
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
    /// Makes `start` (an inner match, or [`TERMINATED`]) the current span:
    /// the article's passages for a first passage, itself for a quote.
    fn enter(&mut self, start: DocId) {
        self.doc = start;
        self.end = if start == TERMINATED {
            TERMINATED
        } else {
            let span = self
                .passage_count
                .first(start)
                .map_or(1, |count| DocId::try_from(count.max(1)).unwrap_or(1));
            start.saturating_add(span).min(self.max_doc)
        };
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
        // The inner scorer stands on the current span's start, below `end`.
        let next = self.inner.seek(self.end);
        self.enter(next);
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if target < self.end {
            self.doc = self.doc.max(target);
            return self.doc;
        }
        // No article is longer than `longest`, so a span reaching `target`
        // starts at or after this.
        let earliest = target.saturating_sub(self.longest - 1).max(self.end);
        let mut start = self.inner.seek(earliest);
        loop {
            self.enter(start);
            if start == TERMINATED || self.end > target {
                self.doc = self.doc.max(target);
                return self.doc;
            }
            start = self.inner.advance();
        }
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
    use tantivy::schema::{FAST, INDEXED, IndexRecordOption, STRING, Schema};
    use tantivy::{Index, IndexWriter, TantivyDocument};

    /// Articles as (key on the first passage, passages, quotes with a key each).
    fn index_of(articles: &[(&str, u64, &[&str])]) -> tantivy::Result<(Index, Schema)> {
        let mut builder = Schema::builder();
        let key = builder.add_text_field("key", STRING);
        let article = builder.add_u64_field("article", FAST | INDEXED);
        let passage = builder.add_u64_field("passage", FAST);
        let passage_count = builder.add_u64_field(PASSAGE_COUNT_FIELD, FAST);
        let schema = builder.build();
        let index = Index::create_in_ram(schema.clone());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        for (number, (head_key, passages, quotes)) in articles.iter().enumerate() {
            let mut batch = Vec::new();
            for p in 0..*passages {
                let mut doc = TantivyDocument::default();
                doc.add_u64(article, number as u64);
                doc.add_u64(passage, p);
                doc.add_u64(passage_count, *passages);
                if p == 0 {
                    doc.add_text(key, head_key);
                }
                batch.push(UserOperation::Add(doc));
            }
            for quote_key in *quotes {
                let mut doc = TantivyDocument::default();
                doc.add_u64(article, number as u64);
                doc.add_u64(passage, 0);
                doc.add_text(key, quote_key);
                batch.push(UserOperation::Add(doc));
            }
            writer.run(batch)?;
        }
        writer.commit()?;
        Ok((index, schema))
    }

    fn matches(index: &Index, schema: &Schema, key: &str) -> tantivy::Result<Vec<DocId>> {
        let field = schema.get_field("key")?;
        let inner = TermQuery::new(Term::from_field_text(field, key), IndexRecordOption::Basic);
        let join = ArticleJoin::new(Box::new(inner));
        let searcher = index.reader()?.searcher();
        let mut docs: Vec<DocId> = searcher
            .search(&join, &DocSetCollector)?
            .into_iter()
            .map(|address| address.doc_id)
            .collect();
        docs.sort_unstable();
        Ok(docs)
    }

    #[test]
    fn a_first_passage_match_admits_the_whole_article_and_no_quote_of_it() -> tantivy::Result<()> {
        // Documents: a 0-2, its quote 3, b 4, c 5-8, its quote 9.
        let (index, schema) = index_of(&[
            ("blair", 3, &["howard"]),
            ("brown", 1, &[]),
            ("blair", 4, &["blair"]),
        ])?;
        assert_eq!(
            matches(&index, &schema, "blair")?,
            vec![0, 1, 2, 5, 6, 7, 8, 9]
        );
        assert_eq!(matches(&index, &schema, "howard")?, vec![3]);
        assert_eq!(matches(&index, &schema, "brown")?, vec![4]);
        assert!(matches(&index, &schema, "nobody")?.is_empty());
        Ok(())
    }

    #[test]
    fn seeking_into_an_article_finds_its_passages() -> tantivy::Result<()> {
        let (index, schema) = index_of(&[("x", 5, &[]), ("y", 2, &[]), ("x", 3, &[])])?;
        let field = schema.get_field("key")?;
        let inner = TermQuery::new(Term::from_field_text(field, "x"), IndexRecordOption::Basic);
        let join = ArticleJoin::new(Box::new(inner));
        let searcher = index.reader()?.searcher();
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
}
