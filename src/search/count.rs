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
use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, TermQuery};
use tantivy::{DocSet, Searcher, TERMINATED};

/// Matches counted one by one before the rest are estimated.
pub const EXACT_BUDGET: u64 = 5_000;

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

/// Counts the documents `query` matches, exactly up to about `budget` of them.
pub fn count_matches(
    searcher: &Searcher,
    query: &dyn Query,
    budget: u64,
) -> tantivy::Result<Total> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    // A single term's count is its document frequency: exact and free.
    let single_term = query.as_any().is::<TermQuery>();
    let all_docs: u64 = searcher
        .segment_readers()
        .iter()
        .map(|reader| u64::from(reader.max_doc()))
        .sum();
    let mut total = Total::ZERO;
    for reader in searcher.segment_readers() {
        let max_doc = u64::from(reader.max_doc());
        if max_doc == 0 {
            continue;
        }
        if single_term {
            total.count += weight.count(reader)? as usize;
            continue;
        }
        // Each segment's share of the budget, by size, so small segments are
        // counted whole and big ones sampled alike.
        let share = (budget * max_doc / all_docs.max(1)).max(100);
        let alive = reader.alive_bitset();
        let mut scorer = weight.scorer(reader, 1.0)?;
        let mut seen = 0u64;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|alive| alive.is_alive(doc)) {
                seen += 1;
                if seen >= share {
                    break;
                }
            }
            doc = scorer.advance();
        }
        let count = if doc == TERMINATED {
            seen
        } else {
            total.exact = false;
            seen * max_doc / (u64::from(doc) + 1)
        };
        total.count += usize::try_from(count).unwrap_or(usize::MAX);
    }
    Ok(total)
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
