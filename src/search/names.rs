//! Who speaks and who is named most: counts of names over all passages, or
//! over the passages that match a query.
//!
//! Names are counted by their hashes (the passage's `name_hash` column), each
//! once per article and once per passage, so a story that quotes someone ten
//! times counts as one article; only the names that make the list are read
//! from a stored passage.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::schema::Value;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader, TantivyDocument};

use super::articles::ARTICLE_KEY_FIELD;
use super::{Filters, Matcher};
use crate::index::NewsIndex;
use crate::index::schema::{NAME_FIELDS, name_hash, name_hash_kind};

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
    /// Every kind, in the order of their codes (see `schema::NAME_FIELDS`).
    const ALL: [NameKind; 5] = [
        NameKind::Speaker,
        NameKind::OrgSpeaker,
        NameKind::Person,
        NameKind::Organization,
        NameKind::Place,
    ];

    /// The kind's code in a name hash: its position in `NAME_FIELDS`.
    fn code(self) -> usize {
        self as usize
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
    let mut wanted = [false; NAME_FIELDS.len()];
    for kind in kinds {
        wanted[kind.code()] = true;
    }
    let tally = searcher.search(&matcher.full, &NameCounter { wanted })?;
    let mut ranked: Vec<(u64, Counted)> = tally.into_iter().collect();
    ranked.sort_by_key(|(_, counted)| std::cmp::Reverse(counted.rank()));
    // Names decide ties, so every name tied with the last one kept is read.
    let cut = match ranked.get(limit.saturating_sub(1)) {
        Some((_, last)) if limit > 0 => {
            let last = last.rank();
            ranked.partition_point(|(_, counted)| counted.rank() >= last)
        }
        _ => ranked.len().min(limit),
    };
    ranked.truncate(cut);
    let fields = &index.fields;
    let mut counts = Vec::with_capacity(ranked.len());
    for (hash, counted) in ranked {
        let kind = NameKind::ALL[name_hash_kind(hash)];
        let field = [
            fields.speaker,
            fields.org_speaker,
            fields.person,
            fields.organization,
            fields.place,
        ][kind.code()];
        let document: TantivyDocument = searcher.doc(counted.example)?;
        let name = document
            .get_all(field)
            .filter_map(|value| value.as_str())
            .find(|name| name_hash(kind.code(), name) == hash);
        if let Some(name) = name {
            counts.push(NameCount {
                name: name.to_string(),
                kind,
                articles: counted.articles.len(),
                passages: counted.passages,
            });
        }
    }
    counts.sort_by(|a, b| {
        (b.articles, b.passages)
            .cmp(&(a.articles, a.passages))
            .then_with(|| a.name.cmp(&b.name))
    });
    counts.truncate(limit);
    Ok(counts)
}

/// One name's counts, and a passage it occurs in (to read the name from).
struct Counted {
    articles: HashSet<u64>,
    passages: usize,
    example: DocAddress,
}

impl Counted {
    /// What orders names, most frequent first.
    fn rank(&self) -> (usize, usize) {
        (self.articles.len(), self.passages)
    }
}

/// Per name hash: its counts.
type NameTally = HashMap<u64, Counted>;

/// Tallies the name hashes of the wanted kinds over the matching passages.
struct NameCounter {
    wanted: [bool; NAME_FIELDS.len()],
}

struct NameCounterInSegment {
    segment: SegmentOrdinal,
    wanted: [bool; NAME_FIELDS.len()],
    names: Option<Column<u64>>,
    articles: Column<u64>,
    tally: NameTally,
}

impl Collector for NameCounter {
    type Fruit = NameTally;
    type Child = NameCounterInSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<NameCounterInSegment> {
        Ok(NameCounterInSegment {
            segment,
            wanted: self.wanted,
            // A segment without any name has no column.
            names: reader.fast_fields().u64("name_hash").ok(),
            articles: reader.fast_fields().u64(ARTICLE_KEY_FIELD)?,
            tally: NameTally::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<NameTally>) -> tantivy::Result<NameTally> {
        let mut all = NameTally::new();
        for tally in fruits {
            for (hash, counted) in tally {
                match all.get_mut(&hash) {
                    Some(entry) => {
                        entry.articles.extend(counted.articles);
                        entry.passages += counted.passages;
                    }
                    None => {
                        all.insert(hash, counted);
                    }
                }
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
        for hash in names.values_for_doc(doc) {
            if !self
                .wanted
                .get(name_hash_kind(hash))
                .copied()
                .unwrap_or(false)
            {
                continue;
            }
            let segment = self.segment;
            let entry = self.tally.entry(hash).or_insert_with(|| Counted {
                articles: HashSet::new(),
                passages: 0,
                example: DocAddress::new(segment, doc),
            });
            entry.articles.insert(article);
            entry.passages += 1;
        }
    }

    fn harvest(self) -> NameTally {
        self.tally
    }
}
