//! Near-duplicate articles: SimHash fingerprints and the groups they form.
//!
//! News corpora repeat themselves (the same wire story filed twice, sometimes
//! under another headline). Each article gets a 64-bit SimHash of its body's
//! word 3-grams at index time; after each commit, articles whose fingerprints
//! differ in at most [`MAX_DISTANCE`] bits are grouped, and the groups are
//! saved beside the index so search can show one story with "+N similar".
//! Titles are left out of the fingerprint on purpose: a re-filed story often
//! gets a new headline.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use tantivy::Searcher;

/// File in the index folder holding the [`DuplicateGroups`].
pub const DUPLICATES_FILE: &str = "newsdex-duplicates.bin";

/// Fingerprints this many bits apart or fewer are near-duplicates. Three of
/// 64 bits is the threshold Manku et al. (WWW 2007) found right for web pages;
/// on the BBC sample it joins every identical re-filing and no distinct stories.
pub const MAX_DISTANCE: u32 = 3;

/// Name of the fast field holding each passage's article fingerprint.
pub const SIMHASH_FIELD: &str = "simhash";
/// Name of the fast field holding each passage's article key.
const ARTICLE_KEY_FIELD: &str = "article_key";

/// SimHash of the lower-cased word 3-grams of `paragraphs` (0 for no words).
/// Words are runs of alphanumeric characters and never span paragraphs; a
/// text of fewer than three words is one shingle of all its words.
pub fn simhash(paragraphs: &[String]) -> u64 {
    let mut counter = BitCounter::default();
    // The last three word hashes, newest last, and how many words so far.
    let mut window = [0u64; 3];
    let mut words = 0usize;
    // Lower-cased bytes of a word with characters beyond ASCII.
    let mut lowered = Vec::new();
    for paragraph in paragraphs {
        let bytes = paragraph.as_bytes();
        let mut i = 0;
        while let Some(&byte) = bytes.get(i) {
            let hash = match BYTE_CLASS[usize::from(byte)] {
                ASCII_SEPARATOR => {
                    i += 1;
                    continue;
                }
                ASCII_WORD => {
                    let start = i;
                    i += 1;
                    while bytes
                        .get(i)
                        .is_some_and(|&b| BYTE_CLASS[usize::from(b)] == ASCII_WORD)
                    {
                        i += 1;
                    }
                    if bytes.get(i).is_some_and(|next| !next.is_ascii()) {
                        // The word may go on past ASCII: read it again by chars.
                        let (end, hash) = unicode_word(paragraph, start, &mut lowered);
                        i = end;
                        hash
                    } else {
                        ascii_word_hash(&bytes[start..i])
                    }
                }
                _ => {
                    let c = paragraph[i..]
                        .chars()
                        .next()
                        .unwrap_or(char::REPLACEMENT_CHARACTER);
                    if !c.is_alphanumeric() {
                        i += c.len_utf8();
                        continue;
                    }
                    let (end, hash) = unicode_word(paragraph, i, &mut lowered);
                    i = end;
                    hash
                }
            };
            window = [window[1], window[2], hash];
            words += 1;
            if words >= 3 {
                counter.add(shingle_hash(&window));
            }
        }
    }
    match words {
        0 => 0,
        1 | 2 => shingle_hash(&window[3 - words..]),
        _ => counter.majority(),
    }
}

/// What a byte is to the word scanner: [`ASCII_SEPARATOR`], [`ASCII_WORD`]
/// (a letter or digit) or part of a character beyond ASCII. A table, as the
/// scanner looks at every byte of every article.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [BEYOND_ASCII; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = if (byte as u8).is_ascii_alphanumeric() {
            ASCII_WORD
        } else {
            ASCII_SEPARATOR
        };
        byte += 1;
    }
    table
};
const ASCII_SEPARATOR: u8 = 0;
const ASCII_WORD: u8 = 1;
const BEYOND_ASCII: u8 = 2;

/// The word of alphanumeric characters starting at byte `start`: where it
/// ends and its hash, lower-cased into `lowered` first.
fn unicode_word(text: &str, start: usize, lowered: &mut Vec<u8>) -> (usize, u64) {
    lowered.clear();
    let mut end = text.len();
    for (offset, c) in text[start..].char_indices() {
        if !c.is_alphanumeric() {
            end = start + offset;
            break;
        }
        let mut buffer = [0u8; 4];
        for lower in c.to_lowercase() {
            lowered.extend_from_slice(lower.encode_utf8(&mut buffer).as_bytes());
        }
    }
    (end, word_hash(lowered))
}

/// Odd multiplier of the word hash (from splitmix64).
const WORD_MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// Hash of a lower-cased word's bytes, eight at a time. Word bytes are never
/// zero, so zero-padding the last chunk cannot make two words alike.
fn word_hash(lowered: &[u8]) -> u64 {
    chunked_hash(lowered, 0)
}

/// [`word_hash`] of an ASCII alphanumeric word, lower-cased on the way:
/// setting bit 5 lower-cases a letter and leaves a digit as it is.
fn ascii_word_hash(word: &[u8]) -> u64 {
    chunked_hash(word, 0x20)
}

/// The word hash of `word` with every byte or-ed with `set_bits`.
#[inline]
fn chunked_hash(word: &[u8], set_bits: u8) -> u64 {
    let spread = u64::from_le_bytes([set_bits; 8]);
    let mut hash = 0u64;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        hash = (hash ^ (u64::from_le_bytes(bytes) | spread)).wrapping_mul(WORD_MULTIPLIER);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let last = rest
            .iter()
            .rev()
            .fold(0u64, |value, &byte| value << 8 | u64::from(byte | set_bits));
        hash = (hash ^ last).wrapping_mul(WORD_MULTIPLIER);
    }
    hash
}

/// One shingle's hash from its word hashes: rotated apart so that order
/// counts, then finalised once.
fn shingle_hash(words: &[u64]) -> u64 {
    mix(words
        .iter()
        .fold(0u64, |hash, word| hash.rotate_left(21) ^ word))
}

/// 64 counters (how many shingles have each bit set), counted eight at a
/// time: byte `j` of lane `k` counts bit `8k + j`, so adding a shingle is
/// eight table lookups and additions, with no branch on the data. Lanes are
/// emptied into the totals before a byte can overflow.
struct BitCounter {
    lanes: [u64; 8],
    in_lanes: u32,
    totals: [u64; 64],
    added: u64,
}

/// Each byte value with its eight bits spread to the low bits of eight bytes.
static SPREAD_BITS: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut value = 0;
    while value < 256 {
        let mut bit = 0;
        while bit < 8 {
            table[value] |= ((value as u64 >> bit) & 1) << (8 * bit);
            bit += 1;
        }
        value += 1;
    }
    table
};

impl Default for BitCounter {
    fn default() -> BitCounter {
        BitCounter {
            lanes: [0; 8],
            in_lanes: 0,
            totals: [0; 64],
            added: 0,
        }
    }
}

impl BitCounter {
    #[inline]
    fn add(&mut self, hash: u64) {
        for (k, lane) in self.lanes.iter_mut().enumerate() {
            *lane += SPREAD_BITS[usize::from((hash >> (8 * k)) as u8)];
        }
        self.in_lanes += 1;
        if self.in_lanes == u32::from(u8::MAX) {
            self.empty_lanes();
        }
    }

    fn empty_lanes(&mut self) {
        for (k, lane) in self.lanes.iter_mut().enumerate() {
            for (j, count) in lane.to_le_bytes().into_iter().enumerate() {
                self.totals[8 * k + j] += u64::from(count);
            }
            *lane = 0;
        }
        self.added += u64::from(self.in_lanes);
        self.in_lanes = 0;
    }

    /// The bits set in more than half of the shingles added.
    fn majority(&mut self) -> u64 {
        self.empty_lanes();
        (0..64).fold(0, |fingerprint, bit| {
            if 2 * self.totals[bit] > self.added {
                fingerprint | 1 << bit
            } else {
                fingerprint
            }
        })
    }
}

/// A 64-bit finaliser (from MurmurHash3), so every input bit reaches every
/// output bit: a product's low bits depend only on the factors' low bits.
pub(crate) fn mix(mut hash: u64) -> u64 {
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ hash >> 33
}

/// Groups of near-duplicate articles, by article key.
#[derive(Debug, Default)]
pub struct DuplicateGroups {
    /// Each group's article keys, sorted; only groups of two or more.
    pub groups: Vec<Vec<u64>>,
}

impl DuplicateGroups {
    /// Groups the articles of every segment the searcher sees.
    pub fn find(searcher: &Searcher) -> Result<DuplicateGroups> {
        let mut fingerprints: HashMap<u64, u64> = HashMap::new();
        for segment in searcher.segment_readers() {
            let keys = segment.fast_fields().u64(ARTICLE_KEY_FIELD)?;
            let hashes = segment.fast_fields().u64(SIMHASH_FIELD)?;
            for doc in segment.doc_ids_alive() {
                if let (Some(key), Some(hash)) = (keys.first(doc), hashes.first(doc)) {
                    fingerprints.insert(key, hash);
                }
            }
        }
        Ok(group(
            fingerprints
                .into_iter()
                .filter(|(_, hash)| *hash != 0)
                .collect(),
        ))
    }

    /// For each grouped article: the group's first key and its size.
    pub fn membership(&self) -> Membership {
        let mut entries: Vec<[u64; 3]> = self
            .groups
            .iter()
            .filter_map(|group| Some((*group.first()?, group)))
            .flat_map(|(first, group)| {
                group
                    .iter()
                    .map(move |&key| [key, first, group.len() as u64])
            })
            .collect();
        entries.sort_unstable();
        Membership { entries }
    }
}

/// Which near-duplicate group each grouped article is in, as saved beside
/// the index and read by every search that collapses duplicates.
///
/// A sorted table searched by bisection, saved as raw little-endian numbers:
/// at a million articles, parsing the groups from JSON and hashing them into
/// a map took 3 ms of a 7 ms command-line search; reading this takes a copy.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Membership {
    /// `[article key, group id (its first key), group size]`, by article key.
    entries: Vec<[u64; 3]>,
}

/// First bytes of the membership file: format and version.
const MEMBERSHIP_MAGIC: &[u8; 8] = b"NXDUPS01";

impl Membership {
    /// The group id and size of the article with `key`, if it has twins.
    pub fn get(&self, key: u64) -> Option<(u64, usize)> {
        let at = self
            .entries
            .binary_search_by_key(&key, |entry| entry[0])
            .ok()?;
        let [_, group, size] = self.entries[at];
        Some((group, usize::try_from(size).unwrap_or(usize::MAX)))
    }

    /// How many groups there are.
    pub fn group_count(&self) -> usize {
        self.entries
            .iter()
            .filter(|[key, group, _]| key == group)
            .count()
    }

    /// Reads the table saved in `dir`; empty when there is no file.
    pub fn load(dir: &Path) -> Result<Membership> {
        let path = dir.join(DUPLICATES_FILE);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok(Membership::default());
            }
            Err(error) => {
                return Err(error).with_context(|| format!("cannot read {}", path.display()));
            }
        };
        let damaged = || anyhow!("{} is damaged; rerun `newsdex index`", path.display());
        let body = bytes
            .strip_prefix(MEMBERSHIP_MAGIC.as_slice())
            .ok_or_else(damaged)?;
        if body.len() % 24 != 0 {
            return Err(damaged());
        }
        let number = |bytes: &[u8]| {
            let mut word = [0u8; 8];
            word.copy_from_slice(bytes);
            u64::from_le_bytes(word)
        };
        let entries: Vec<[u64; 3]> = body
            .chunks_exact(24)
            .map(|entry| {
                [
                    number(&entry[..8]),
                    number(&entry[8..16]),
                    number(&entry[16..]),
                ]
            })
            .collect();
        if !entries.is_sorted() {
            return Err(damaged());
        }
        Ok(Membership { entries })
    }

    /// Writes the table atomically.
    pub fn save(&self, dir: &Path) -> Result<()> {
        let path = dir.join(DUPLICATES_FILE);
        let temporary = dir.join(format!("{DUPLICATES_FILE}.tmp"));
        let mut bytes = Vec::with_capacity(8 + 24 * self.entries.len());
        bytes.extend_from_slice(MEMBERSHIP_MAGIC);
        for entry in &self.entries {
            for number in entry {
                bytes.extend_from_slice(&number.to_le_bytes());
            }
        }
        fs::write(&temporary, bytes)
            .with_context(|| format!("cannot write {}", temporary.display()))?;
        fs::rename(&temporary, &path).with_context(|| format!("cannot write {}", path.display()))
    }
}

/// Clusters fingerprints within [`MAX_DISTANCE`] bits. Two fingerprints that
/// close agree exactly on at least one of four 16-bit bands (pigeonhole), so
/// only articles sharing a band are compared.
pub(crate) fn group(articles: Vec<(u64, u64)>) -> DuplicateGroups {
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for band in 0..4 {
        let mut buckets: HashMap<u16, Vec<usize>> = HashMap::new();
        for (i, (_, hash)) in articles.iter().enumerate() {
            buckets
                .entry((hash >> (band * 16)) as u16)
                .or_default()
                .push(i);
        }
        for members in buckets.values() {
            for (n, &a) in members.iter().enumerate() {
                for &b in &members[n + 1..] {
                    if (articles[a].1 ^ articles[b].1).count_ones() <= MAX_DISTANCE {
                        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                        if ra != rb {
                            parent[ra] = rb;
                        }
                    }
                }
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<u64>> = HashMap::new();
    for (i, (key, _)) in articles.iter().enumerate() {
        let r = root(&mut parent, i);
        by_root.entry(r).or_default().push(*key);
    }
    let mut groups: Vec<Vec<u64>> = by_root
        .into_values()
        .filter(|members| members.len() > 1)
        .map(|mut members| {
            members.sort_unstable();
            members
        })
        .collect();
    groups.sort_unstable();
    DuplicateGroups { groups }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(words: &str) -> Vec<String> {
        vec![words.to_string()]
    }

    #[test]
    fn identical_and_lightly_edited_texts_are_close_and_others_far() {
        let story = "The harbour board met on Monday and agreed to reopen the northern \
                     crane after repairs costing two million crowns, the chair said, adding \
                     that cargo volumes were expected to recover by the summer season.";
        let edited = story.replace("Monday", "Tuesday");
        let other = "Rovers beat Elmscar on penalties to win the cup after a goalless \
                     draw that left the crowd of twelve thousand on its feet until the end.";
        let a = simhash(&text(story));
        assert_eq!(a, simhash(&text(&story.to_uppercase())));
        assert!((a ^ simhash(&text(&edited))).count_ones() <= 12);
        assert!((a ^ simhash(&text(other))).count_ones() > MAX_DISTANCE);
    }

    /// The straightforward SimHash (collect every word hash, count each bit
    /// of each shingle), kept as an oracle for the streaming one.
    fn reference_simhash(paragraphs: &[String]) -> u64 {
        let word_hashes: Vec<u64> = paragraphs
            .iter()
            .flat_map(|paragraph| paragraph.split(|c: char| !c.is_alphanumeric()))
            .filter(|word| !word.is_empty())
            .map(|word| {
                let lowered: String = word.chars().flat_map(char::to_lowercase).collect();
                word_hash(lowered.as_bytes())
            })
            .collect();
        if word_hashes.is_empty() {
            return 0;
        }
        let mut ones = [0u32; 64];
        let mut shingles = 0u32;
        for window in word_hashes.windows(3.min(word_hashes.len())) {
            let hash = shingle_hash(window);
            for (bit, count) in ones.iter_mut().enumerate() {
                *count += (hash >> bit & 1) as u32;
            }
            shingles += 1;
        }
        ones.iter()
            .enumerate()
            .filter(|(_, count)| 2 * **count > shingles)
            .fold(0, |fingerprint, (bit, _)| fingerprint | 1 << bit)
    }

    #[test]
    fn streaming_simhash_equals_the_reference() {
        let long = "word ".repeat(5000) + "and then ÉLAN Zürich 2025, Ω-rules";
        let cases: Vec<Vec<String>> = vec![
            vec![],
            vec![String::new(), "  ...  ".to_string()],
            text("One"),
            text("Two words"),
            text("three words here"),
            vec!["Split across".to_string(), "paragraphs, here!".to_string()],
            text("Straße ÉCOLE İstanbul naïve café — «quoted» 12,000 people"),
            text(&long),
        ];
        for paragraphs in cases {
            assert_eq!(
                simhash(&paragraphs),
                reference_simhash(&paragraphs),
                "{paragraphs:?}"
            );
        }
    }

    #[test]
    fn membership_survives_a_save_and_rejects_damage() -> Result<()> {
        let groups = DuplicateGroups {
            groups: vec![vec![3, 9], vec![1, 4, 7]],
        };
        let membership = groups.membership();
        assert_eq!(membership.get(7), Some((1, 3)));
        assert_eq!(membership.get(9), Some((3, 2)));
        assert_eq!(membership.get(5), None);
        assert_eq!(membership.group_count(), 2);
        let dir = tempfile::tempdir()?;
        assert_eq!(Membership::load(dir.path())?, Membership::default());
        membership.save(dir.path())?;
        assert_eq!(Membership::load(dir.path())?, membership);
        fs::write(dir.path().join(DUPLICATES_FILE), b"NXDUPS01 short")?;
        let error = Membership::load(dir.path()).expect_err("a torn file is an error");
        assert!(error.to_string().contains("is damaged"));
        Ok(())
    }

    #[test]
    fn grouping_joins_near_fingerprints_transitively() {
        let groups = group(vec![
            (1, 0b0000),
            (2, 0b0111),
            (3, 0b1111_0111),
            (4, u64::MAX),
        ]);
        // 1~2 (3 bits), 2~3 (4 bits apart: not joined), 4 alone.
        assert_eq!(groups.groups, vec![vec![1, 2]]);
        let membership = groups.membership();
        assert_eq!(membership.get(2), Some((1, 2)));
        assert_eq!(membership.get(3), None);
    }
}
