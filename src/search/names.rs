//! Who speaks and who is named most: counts of names over all passages, or
//! over the passages that match a query.
//!
//! Names are read from the fast columns of the passage fields (`speaker`,
//! `person`, ...), and each is counted once per article and once per passage,
//! so a story that quotes someone ten times counts as one article.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::articles::ARTICLE_KEY_FIELD;
use super::{Filters, Matcher};
use crate::index::NewsIndex;

/// Which kind of name to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// People who speak.
    Speaker,
    /// Organisations that speak.
    OrgSpeaker,
    /// People named.
    Person,
    /// Organisations named.
    Organization,
    /// Places named.
    Place,
}

impl NameKind {
    /// The index field holding this kind of name.
    fn field(self) -> &'static str {
        match self {
            NameKind::Speaker => "speaker",
            NameKind::OrgSpeaker => "org_speaker",
            NameKind::Person => "person",
            NameKind::Organization => "organization",
            NameKind::Place => "place",
        }
    }

    /// How the kind is shown to people.
    pub fn label(self) -> &'static str {
        match self {
            NameKind::Speaker => "speaker",
            NameKind::OrgSpeaker => "organisation speaker",
            NameKind::Person => "person",
            NameKind::Organization => "organisation",
            NameKind::Place => "place",
        }
    }
}

/// How often one name occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NameCount {
    /// The name as extracted.
    pub name: String,
    /// What kind of name it is.
    pub kind: NameKind,
    /// Articles it occurs in.
    pub articles: usize,
    /// Passages it occurs in.
    pub passages: usize,
}

/// Counts the names of `kinds` in passages matching `query` and `filters`
/// (every passage when both are empty), most frequent first.
pub fn count_names(
    index: &NewsIndex,
    query: &str,
    filters: &Filters,
    kinds: &[NameKind],
    limit: usize,
) -> Result<Vec<NameCount>> {
    let matcher = Matcher::new(index, query, filters, true)?;
    let searcher = index.reader.searcher();
    let mut counts = Vec::new();
    for &kind in kinds {
        let found = searcher.search(
            &matcher.full,
            &NameCounter {
                field: kind.field(),
            },
        )?;
        counts.extend(
            found
                .into_iter()
                .map(|(name, (articles, passages))| NameCount {
                    name,
                    kind,
                    articles: articles.len(),
                    passages,
                }),
        );
    }
    counts.sort_by(|a, b| {
        (b.articles, b.passages)
            .cmp(&(a.articles, a.passages))
            .then_with(|| a.name.cmp(&b.name))
    });
    counts.truncate(limit);
    Ok(counts)
}

/// Per name: the articles it occurs in and the number of passages.
type NameTally = HashMap<String, (HashSet<u64>, usize)>;

/// Tallies the names in one field's fast column over the matching passages.
struct NameCounter {
    field: &'static str,
}

struct NameCounterInSegment {
    names: Option<StrColumn>,
    articles: Column<u64>,
    by_ordinal: HashMap<u64, (HashSet<u64>, usize)>,
}

impl Collector for NameCounter {
    type Fruit = NameTally;
    type Child = NameCounterInSegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<NameCounterInSegment> {
        Ok(NameCounterInSegment {
            names: reader.fast_fields().str(self.field)?,
            articles: reader.fast_fields().u64(ARTICLE_KEY_FIELD)?,
            by_ordinal: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<NameTally>) -> tantivy::Result<NameTally> {
        let mut all = NameTally::new();
        for tally in fruits {
            for (name, (articles, passages)) in tally {
                let entry = all.entry(name).or_default();
                entry.0.extend(articles);
                entry.1 += passages;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for NameCounterInSegment {
    type Fruit = NameTally;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(names) = &self.names else { return };
        let article = self.articles.first(doc).unwrap_or(u64::from(doc));
        for ordinal in names.term_ords(doc) {
            let entry = self.by_ordinal.entry(ordinal).or_default();
            entry.0.insert(article);
            entry.1 += 1;
        }
    }

    fn harvest(self) -> NameTally {
        let mut tally = NameTally::with_capacity(self.by_ordinal.len());
        let Some(names) = &self.names else {
            return tally;
        };
        let mut name = String::new();
        for (ordinal, counts) in self.by_ordinal {
            name.clear();
            if names.ord_to_str(ordinal, &mut name).unwrap_or(false) {
                tally.insert(name.clone(), counts);
            }
        }
        tally
    }
}
