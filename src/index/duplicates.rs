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
    let mut add_word = |hash: u64| {
        window = [window[1], window[2], hash];
        words += 1;
        if words >= 3 {
            counter.add(shingle_hash(&window));
        }
    };
    for paragraph in paragraphs {
        let mut word = WordHasher::default();
        // Bytes, not chars: news text is nearly all ASCII, and decoding every
        // char made this a tenth of what indexing spent outside Tantivy.
        let bytes = paragraph.as_bytes();
        let mut i = 0;
        while let Some(&byte) = bytes.get(i) {
            if byte.is_ascii() {
                i += 1;
                if byte.is_ascii_alphanumeric() {
                    word.eat(byte.to_ascii_lowercase());
                    continue;
                }
            } else {
                let c = paragraph[i..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                i += c.len_utf8();
                if c.is_alphanumeric() {
                    word.push(c);
                    continue;
                }
            }
            if let Some(hash) = word.take() {
                add_word(hash);
            }
        }
        if let Some(hash) = word.take() {
            add_word(hash);
        }
    }
    match words {
        0 => 0,
        1 | 2 => shingle_hash(&window[3 - words..]),
        _ => counter.majority(),
    }
}

fn shingle_hash(words: &[u64]) -> u64 {
    words
        .iter()
        .fold(0u64, |hash, word| mix(hash.rotate_left(21) ^ word))
}

/// 64 counters (how many shingles have each bit set) kept bit-sliced: plane
/// `j` holds bit `j` of every counter, so adding a shingle is a ripple-carry
/// add over a few words rather than 64 separate increments.
#[derive(Default)]
struct BitCounter {
    planes: Vec<u64>,
    added: u64,
}

impl BitCounter {
    fn add(&mut self, hash: u64) {
        self.added += 1;
        let mut carry = hash;
        for plane in &mut self.planes {
            let sum = *plane ^ carry;
            carry &= *plane;
            *plane = sum;
            if carry == 0 {
                return;
            }
        }
        self.planes.push(carry);
    }

    /// The bits set in more than half of the shingles added.
    fn majority(&self) -> u64 {
        (0..64).fold(0, |fingerprint, bit| {
            let count = self
                .planes
                .iter()
                .enumerate()
                .fold(0u64, |count, (j, plane)| count | (plane >> bit & 1) << j);
            if 2 * count > self.added {
                fingerprint | 1 << bit
            } else {
                fingerprint
            }
        })
    }
}

/// FNV-1a over a word's lower-cased characters, fed one character at a time.
struct WordHasher {
    hash: u64,
    empty: bool,
}

impl Default for WordHasher {
    fn default() -> WordHasher {
        WordHasher {
            hash: FNV_OFFSET,
            empty: true,
        }
    }
}

impl WordHasher {
    /// Adds one character, lower-cased.
    fn push(&mut self, c: char) {
        let mut buffer = [0u8; 4];
        for lower in c.to_lowercase() {
            for &byte in lower.encode_utf8(&mut buffer).as_bytes() {
                self.eat(byte);
            }
        }
    }

    /// Adds one byte of a lower-cased character.
    fn eat(&mut self, byte: u8) {
        self.empty = false;
        self.hash = (self.hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
    }

    /// The finished word's hash, if any, and a fresh start.
    fn take(&mut self) -> Option<u64> {
        let finished = (!self.empty).then_some(self.hash);
        *self = WordHasher::default();
        finished
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// A 64-bit finaliser (from MurmurHash3), so every input bit reaches every
/// output bit: FNV's low bits mix poorly.
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
                let mut hasher = WordHasher::default();
                word.chars().for_each(|c| hasher.push(c));
                hasher.hash
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
