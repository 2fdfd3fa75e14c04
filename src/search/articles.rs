//! Counting distinct articles among matching passages.
//!
//! Passages are the documents, but people count stories: this collector reads
//! each matching passage's article key from its fast field and keeps the set.

use std::collections::HashSet;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Name of the fast field that identifies a passage's article.
pub const ARTICLE_KEY_FIELD: &str = "article_key";

/// Collects the set of article keys of the matching passages.
pub struct DistinctArticles;

/// Per-segment half of [`DistinctArticles`].
pub struct DistinctArticlesInSegment {
    column: Column<u64>,
    keys: HashSet<u64>,
}

impl Collector for DistinctArticles {
    type Fruit = HashSet<u64>;
    type Child = DistinctArticlesInSegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<DistinctArticlesInSegment> {
        Ok(DistinctArticlesInSegment {
            column: reader.fast_fields().u64(ARTICLE_KEY_FIELD)?,
            keys: HashSet::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashSet<u64>>) -> tantivy::Result<HashSet<u64>> {
        let mut all = HashSet::new();
        for keys in fruits {
            all.extend(keys);
        }
        Ok(all)
    }
}

impl SegmentCollector for DistinctArticlesInSegment {
    type Fruit = HashSet<u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(key) = self.column.first(doc) {
            self.keys.insert(key);
        }
    }

    fn harvest(self) -> HashSet<u64> {
        self.keys
    }
}
