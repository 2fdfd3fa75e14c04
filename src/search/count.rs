//! How many passages a query matches: exact up to a budget of matches,
//! estimated beyond it.
//!
//! Ranking the top of a bare term or an intersection of terms lets Tantivy
//! skip blocks of postings that cannot reach the page (block-max WAND);
//! counting every match visits them all, and at a million articles counting
//! was most of a query's time. So search ranks first and counts apart: each
//! segment is scanned until its share of [`EXACT_BUDGET`] matches is spent,
//! and the rest of the segment is extrapolated from the density seen so far.
//! Documents are numbered in the order files were walked, which has nothing
//! to do with any query, so matches spread evenly enough for an estimate
//! within a few percent. Totals under the budget are exact; larger ones say
//! they are estimates ([`Total::exact`]). It does not rank or collect.

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader};

/// Matches counted one by one before the rest are estimated.
pub const EXACT_BUDGET: u64 = 2_000;

/// A number of matches, and whether it was counted or estimated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Total {
    /// The number of matches (an estimate when `exact` is false).
    pub count: usize,
    /// True when every match was counted.
    pub exact: bool,
}

impl Total {
    /// No matches, exactly.
    pub const ZERO: Total = Total {
        count: 0,
        exact: true,
    };

    /// The sum of two totals, exact only if both are.
    pub fn plus(self, other: Total) -> Total {
        Total {
            count: self.count + other.count,
            exact: self.exact && other.exact,
        }
    }
}

/// True when Tantivy can rank `query` without visiting every match: a bare
/// term, or terms that are all required or all optional (block-max WAND).
/// Anything else (phrases, filters) is scanned whole to rank it, so counting
/// in the same pass costs next to nothing.
pub fn is_prunable(query: &dyn Query) -> bool {
    let any = query.as_any();
    if any.is::<TermQuery>() {
        return true;
    }
    any.downcast_ref::<BooleanQuery>().is_some_and(|boolean| {
        let clauses = boolean.clauses();
        let first = clauses.first().map(|(occur, _)| *occur);
        !clauses.is_empty()
            && first != Some(Occur::MustNot)
            && clauses
                .iter()
                .all(|(occur, clause)| Some(*occur) == first && clause.as_any().is::<TermQuery>())
    })
}

/// Postings, summed over a query's terms, up to which a ranking visits
/// every match rather than prune (see [`few_postings`]).
pub const FEW_POSTINGS: u64 = 2 * EXACT_BUDGET;

/// True when the terms of `query` have at most [`FEW_POSTINGS`] postings
/// between them. Such a query is ranked and counted in one pass over all
/// its matches: on lists that short, block-max WAND saves less than its
/// bookkeeping costs, and a pruned ranking still needs a count that visits
/// every match. On the BBC set this took the slowest keyword queries from
/// 0.16-0.19 ms to 0.11-0.14 ms.
pub fn few_postings(searcher: &Searcher, query: &dyn Query) -> tantivy::Result<bool> {
    let mut terms = Vec::new();
    query.query_terms(&mut |term, _| terms.push(term.clone()));
    let mut postings = 0;
    for term in &terms {
        postings += searcher.doc_freq(term)?;
        if postings > FEW_POSTINGS {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Counts the documents `query` matches, exactly up to about `budget` of
/// them, one segment per thread when the index searches in parallel.
pub fn count_matches(
    searcher: &Searcher,
    query: &dyn Query,
    budget: u64,
) -> tantivy::Result<Total> {
    let all_docs = searcher
        .segment_readers()
        .iter()
        .map(|reader| u64::from(reader.max_doc()))
        .sum();
    let collector = SampledCount {
        budget,
        all_docs,
        // A single term's count is its document frequency: exact and free.
        single_term: query.as_any().is::<TermQuery>(),
    };
    searcher.search(query, &collector)
}

/// The collector behind [`count_matches`]: it walks each segment's matches
/// itself, so it can stop when the segment's share of the budget is spent.
struct SampledCount {
    budget: u64,
    all_docs: u64,
    single_term: bool,
}

impl Collector for SampledCount {
    type Fruit = Total;
    type Child = NoSegmentCollector;

    fn for_segment(&self, _: SegmentOrdinal, _: &SegmentReader) -> tantivy::Result<Self::Child> {
        Ok(NoSegmentCollector)
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, totals: Vec<Total>) -> tantivy::Result<Total> {
        Ok(totals.into_iter().fold(Total::ZERO, Total::plus))
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Total> {
        let max_doc = u64::from(reader.max_doc());
        if max_doc == 0 {
            return Ok(Total::ZERO);
        }
        if self.single_term {
            return Ok(Total {
                count: weight.count(reader)? as usize,
                exact: true,
            });
        }
        // Each segment's share of the budget, by size, so small segments are
        // counted whole and big ones sampled alike.
        let share = (self.budget * max_doc / self.all_docs.max(1)).max(100);
        let alive = reader.alive_bitset();
        let is_alive = |doc: DocId| alive.is_none_or(|alive| alive.is_alive(doc));
        // The sample is the same slice of each of STRATA stretches of the
        // segment, widened pass by pass (1/64 of each, then as much more as
        // the density seen calls for) until it holds the share: documents are in the order files were
        // walked, folder by folder, so a sample from the start alone would
        // measure one folder.
        let max_doc = reader.max_doc();
        let boundary = |stratum: u64, slice: u64| -> DocId {
            let start = stratum * u64::from(max_doc) / STRATA;
            let end = (stratum + 1) * u64::from(max_doc) / STRATA;
            DocId::try_from(start + (end - start) * slice / SLICES).unwrap_or(max_doc)
        };
        let mut seen = 0u64;
        let mut covered = 0u64;
        while covered < SLICES {
            // After the first slice, widen straight to what the density seen
            // says will hold the share, with a margin.
            let widened = if covered == 0 {
                1
            } else {
                let needed = (covered * share * 11 / 10).div_ceil(seen.max(1));
                needed.clamp(covered + 1, SLICES)
            };
            let mut scorer = weight.scorer(reader, 1.0)?;
            for stratum in 0..STRATA {
                let (from, to) = (boundary(stratum, covered), boundary(stratum, widened));
                let mut doc = scorer.doc();
                if doc < from {
                    doc = scorer.seek(from);
                }
                while doc < to {
                    seen += u64::from(is_alive(doc));
                    doc = scorer.advance();
                }
            }
            covered = widened;
            if seen >= share {
                break;
            }
        }
        Ok(Total {
            count: usize::try_from(seen * SLICES / covered).unwrap_or(usize::MAX),
            exact: covered == SLICES,
        })
    }
}

/// Stretches of a segment sampled alike (see [`SampledCount`]).
const STRATA: u64 = 64;
/// The sample grows by slices of each stretch: 1/64 first.
const SLICES: u64 = 64;

/// [`SampledCount`] does its own walk; Tantivy still asks for a child.
struct NoSegmentCollector;

impl SegmentCollector for NoSegmentCollector {
    type Fruit = Total;

    fn collect(&mut self, _: DocId, _: Score) {}

    fn harvest(self) -> Total {
        Total::ZERO
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::Term;
    use tantivy::schema::{IndexRecordOption, STRING, Schema};
    use tantivy::{Index, IndexWriter, TantivyDocument};

    /// One segment of `n` documents: every one has "all", every `k`-th "kth".
    fn searcher_of(n: usize, k: usize) -> tantivy::Result<(Searcher, Schema)> {
        let mut builder = Schema::builder();
        let word = builder.add_text_field("word", STRING);
        let schema = builder.build();
        let index = Index::create_in_ram(schema.clone());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 50_000_000)?;
        for i in 0..n {
            let mut doc = TantivyDocument::default();
            doc.add_text(word, "all");
            if i % k == 0 {
                doc.add_text(word, "kth");
            }
            writer.add_document(doc)?;
        }
        writer.commit()?;
        Ok((index.reader()?.searcher(), schema))
    }

    fn both(schema: &Schema) -> tantivy::Result<BooleanQuery> {
        let field = schema.get_field("word")?;
        let term = |text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        Ok(BooleanQuery::new(vec![
            (Occur::Must, term("all")),
            (Occur::Must, term("kth")),
        ]))
    }

    #[test]
    fn under_the_budget_counts_are_exact() -> tantivy::Result<()> {
        let (searcher, schema) = searcher_of(3_000, 3)?;
        let total = count_matches(&searcher, &both(&schema)?, 5_000)?;
        assert_eq!(
            total,
            Total {
                count: 1_000,
                exact: true
            }
        );
        Ok(())
    }

    #[test]
    fn over_the_budget_counts_are_close_estimates() -> tantivy::Result<()> {
        let (searcher, schema) = searcher_of(60_000, 3)?;
        let total = count_matches(&searcher, &both(&schema)?, 1_000)?;
        assert!(!total.exact);
        assert!((19_000..=21_000).contains(&total.count), "{total:?}");
        Ok(())
    }

    #[test]
    fn only_bare_terms_and_plain_term_lists_are_prunable() -> tantivy::Result<()> {
        let (_, schema) = searcher_of(1, 1)?;
        let intersection = both(&schema)?;
        assert!(is_prunable(&intersection));
        assert!(is_prunable(intersection.clauses()[0].1.as_ref()));
        let mut clauses = intersection.clauses().iter().map(|(_, q)| q.box_clone());
        let mixed = BooleanQuery::new(vec![
            (Occur::Must, clauses.next().expect("two clauses")),
            (Occur::MustNot, clauses.next().expect("two clauses")),
        ]);
        assert!(!is_prunable(&mixed));
        assert!(!is_prunable(&BooleanQuery::new(vec![(
            Occur::Must,
            Box::new(intersection.clone())
        )])));
        Ok(())
    }

    #[test]
    fn few_postings_sums_the_terms_of_the_query() -> tantivy::Result<()> {
        // 3,001 + 1,001 postings, then 2,000 + 1,000 (the bound is 4,000).
        let (searcher, schema) = searcher_of(3_001, 3)?;
        assert!(!few_postings(&searcher, &both(&schema)?)?);
        let (searcher, schema) = searcher_of(2_000, 2)?;
        assert!(few_postings(&searcher, &both(&schema)?)?);
        Ok(())
    }

    #[test]
    fn single_terms_are_counted_exactly_whatever_the_budget() -> tantivy::Result<()> {
        let (searcher, schema) = searcher_of(20_000, 1)?;
        let term = TermQuery::new(
            Term::from_field_text(schema.get_field("word")?, "all"),
            IndexRecordOption::Basic,
        );
        let total = count_matches(&searcher, &term, 100)?;
        assert_eq!(
            total,
            Total {
                count: 20_000,
                exact: true
            }
        );
        Ok(())
    }
}
