//! The index schema: one Tantivy document per passage, carrying its article's fields.
//!
//! Ranking is per passage, so every passage document repeats the article
//! fields it needs to be ranked, filtered by date or outlet, and shown on its
//! own (title, path, published date). Speakers and entities are the
//! exception: each passage has its own, and article filters join them to
//! the other passages of the article (`search::join`). Quotes (attributions) are
//! part of the passage they occur in: stored with it, counted in fast fields,
//! and marked by a second [`Fields::kind`] value; they are documents of their
//! own only in what `export` sends to a remote engine. This module names the fields, registers the analyzers they use,
//! and defines how names become exact-match keys; it does not read files or
//! run queries.

use std::sync::OnceLock;
use tantivy::schema::Value;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};

use tantivy::tokenizer::{
    LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenizerManager,
};
use tantivy::{Index, TantivyDocument};

use super::name_words::{NameTokenizer, name_analyzer, word_analyzer};
use super::stem::CachedStemmer;

/// Analyzer for passage text and titles: words, lower-cased, English-stemmed.
pub const STEMMED: &str = "newsdex_stem";
/// Analyzer for fields of names of mixed kinds: lower-cased words, not
/// stemmed, between marker tokens (see `index::name_words`).
pub const NAME_WORDS: &str = "newsdex_name";
/// Analyzer for fields of people's names only: the same, with a person's end marker.
pub const PERSON_NAME_WORDS: &str = "newsdex_person_name";
/// Analyzer for exact, case-insensitive keys (`--speaker "Steve Witkoff"`, `category:sport`).
pub const KEYWORD: &str = "newsdex_keyword";

/// [`Fields::kind`] of every passage document.
pub const PASSAGE: &str = "passage";
/// Second [`Fields::kind`] of a passage with attributions in it; the kind of
/// an exported quote document (one attribution, its content in `quote`).
pub const QUOTE: &str = "quote";

/// Bumped whenever the schema or what the extractor puts in it changes, so an
/// index built by another version is rebuilt rather than mixed.
pub const SCHEMA_VERSION: u32 = 18;

/// Handles to every field, resolved once from the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    /// What a document is: [`PASSAGE`], plus [`QUOTE`] for a passage with
    /// attributions (an exported quote document has [`QUOTE`] alone).
    pub kind: Field,
    /// Stable article identifier (path, plus `#line` for JSON Lines).
    pub article_id: Field,
    /// The file the article came from, as found: the key for replacing or
    /// removing all of a file's articles when it changes or goes.
    pub file: Field,
    /// A 64-bit hash of the article id, as a fast field, so search can cap
    /// passages per article without loading stored documents.
    pub article_key: Field,
    /// SimHash of the article body (see `index::duplicates`), as a fast field.
    pub simhash: Field,
    /// File path, for display.
    pub path: Field,
    /// Headline, searchable for `title:` queries, on the first passage only
    /// (not stored: passages keep it in [`Fields::text`]).
    pub title: Field,
    /// Headline, stored only (exported quote documents).
    pub headline: Field,
    /// Two values, both searchable and stored: the passage text, then the
    /// article's headline (see [`passage_headline`]). A passage matches the
    /// headline's words through this one field, so each word of a query is
    /// one term, not a union over text and title fields: those unions were
    /// most of the cost of a query over a million articles, and they keep
    /// Tantivy from skipping blocks that cannot reach the top ten.
    pub text: Field,
    /// What a quote says, searchable and stored (exported quote documents
    /// only: locally a quote is searched through its passage's `text`).
    pub quote: Field,
    /// The passage's attributions, stored as a JSON array of
    /// [`StoredQuote`](super::document::StoredQuote), in text order.
    pub quotes: Field,
    /// Number of attributions in the passage, as a fast field (for counting
    /// quotes without loading passages).
    pub quote_count: Field,
    /// Number of those in quotation marks, as a fast field.
    pub direct_count: Field,
    /// Passage number within its article, from 0.
    pub passage: Field,
    /// Number of passages in the article (passages only), as a fast field:
    /// with [`Fields::passage`] it gives the span of an article's documents.
    pub passage_count: Field,
    /// Topic folder name, as an exact key.
    pub category: Field,
    /// Outlet, as an exact key.
    pub source: Field,
    /// Publication date, when known.
    pub published: Field,
    /// People who speak in this passage, as words, stored.
    pub speaker: Field,
    /// Organisations that speak in this passage, as words, stored.
    pub org_speaker: Field,
    /// Speakers only the headline names, as words, on the first passage
    /// (persons marked, see `index::name_words`): they admit the article to
    /// a speaker filter without being shown as any passage's speakers.
    pub headline_speaker: Field,
    /// Exported documents only: exact keys of the passage's speakers (see
    /// [`name_keys`]); the first passage also has those of speakers only the
    /// headline names. Locally, name filters match the name-word fields.
    pub speaker_key: Field,
    /// Exported documents only: exact keys of every speaker in the article
    /// (on every passage), and of a quote's speaker (quotes).
    pub article_speaker_key: Field,
    /// Every speaker in the article, stored (first passage only).
    pub article_speakers: Field,
    /// People, organisations and places named in this passage, as words
    /// (persons marked, see `index::name_words`); the first passage also
    /// has those only the headline names.
    pub entity: Field,
    /// People named in this passage, stored.
    pub person: Field,
    /// Organisations named in this passage, stored.
    pub organization: Field,
    /// Places named in this passage, stored.
    pub place: Field,
    /// Exported documents only: exact keys of this passage's entities (the
    /// first passage: and of the headline's).
    pub entity_key: Field,
    /// Exported documents only: exact keys of every entity in the article.
    pub article_entity_key: Field,
    /// Days, months and years mentioned in this passage (see
    /// `index::document::mention_dates`).
    pub mentions: Field,
    /// Every name of the passage in [`NAME_FIELDS`], as [`name_hash`], in a
    /// fast column: counting who speaks or is named most reads numbers, and
    /// the names themselves only for the most frequent. (Fast text columns
    /// of the names cost a tenth of the time extraction added to indexing.)
    pub name_hash: Field,
    /// For exported quotes: the reporting cue ("said", "told reporters").
    pub cue: Field,
    /// 1 for a passage with words in quotation marks attributed to someone
    /// (for exported quotes: 1 for a direct quote, 0 for reported speech).
    pub direct: Field,
}

/// Builds the schema. Field names are what users type in queries (`title:`, `speaker:`).
pub fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    let stemmed = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(STEMMED)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let searchable_stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(STEMMED)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    // Fields that filter rather than rank have no field norms: a name field
    // has a term per distinct name word in a segment (as many again as the
    // passage text), and with norms Tantivy works out a BM25 weight for each
    // of them when it writes the segment. A `speaker:` term still scores,
    // as if every passage named the same number of names.
    let name_words = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions)
                .set_fieldnorms(false),
        )
    };
    // Exact keys (Tantivy's `STRING`, without norms).
    let raw_key = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    );
    // Each whole name as written, stored for display (counted through
    // `name_hash`).
    let stored_name = TextOptions::default().set_stored();
    let keyword = |stored: bool| {
        let options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD)
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        );
        if stored {
            options.set_stored()
        } else {
            options
        }
    };
    builder.add_text_field("kind", raw_key.clone());
    builder.add_text_field("article_id", raw_key.clone() | STORED);
    builder.add_text_field("file", raw_key);
    builder.add_u64_field("article_key", FAST);
    builder.add_u64_field("simhash", FAST);
    builder.add_text_field("path", STORED);
    builder.add_text_field("title", searchable_stemmed);
    builder.add_text_field("text", stemmed.clone());
    builder.add_text_field("quote", stemmed);
    builder.add_text_field("headline", STORED);
    builder.add_text_field("quotes", STORED);
    builder.add_u64_field("quote_count", FAST);
    builder.add_u64_field("direct_count", FAST);
    builder.add_u64_field("passage", STORED | FAST);
    builder.add_u64_field("passage_count", FAST);
    builder.add_text_field("category", keyword(true));
    builder.add_text_field("source", keyword(true));
    builder.add_date_field("published", INDEXED | STORED | FAST);
    builder.add_text_field(
        "speaker",
        name_words(PERSON_NAME_WORDS) | stored_name.clone(),
    );
    builder.add_text_field("org_speaker", name_words(NAME_WORDS) | stored_name.clone());
    builder.add_text_field("headline_speaker", name_words(NAME_WORDS));
    builder.add_text_field("speaker_key", keyword(false));
    builder.add_text_field("article_speaker_key", keyword(false));
    builder.add_text_field("article_speakers", STORED);
    builder.add_text_field("entity", name_words(NAME_WORDS));
    builder.add_text_field("person", stored_name.clone());
    builder.add_text_field("organization", stored_name.clone());
    builder.add_text_field("place", stored_name);
    builder.add_text_field("entity_key", keyword(false));
    builder.add_text_field("article_entity_key", keyword(false));
    builder.add_date_field("mentions", INDEXED);
    builder.add_u64_field("name_hash", FAST);
    builder.add_text_field("cue", STORED);
    builder.add_u64_field("direct", INDEXED | STORED | FAST);
    builder.build()
}

impl Fields {
    /// Resolves the field handles from a schema built by [`build_schema`].
    pub fn new(schema: &Schema) -> tantivy::Result<Fields> {
        let field = |name: &str| schema.get_field(name);
        Ok(Fields {
            kind: field("kind")?,
            article_id: field("article_id")?,
            file: field("file")?,
            article_key: field("article_key")?,
            simhash: field("simhash")?,
            path: field("path")?,
            title: field("title")?,
            text: field("text")?,
            quote: field("quote")?,
            headline: field("headline")?,
            quotes: field("quotes")?,
            quote_count: field("quote_count")?,
            direct_count: field("direct_count")?,
            passage: field("passage")?,
            passage_count: field("passage_count")?,
            category: field("category")?,
            source: field("source")?,
            published: field("published")?,
            speaker: field("speaker")?,
            org_speaker: field("org_speaker")?,
            headline_speaker: field("headline_speaker")?,
            speaker_key: field("speaker_key")?,
            article_speaker_key: field("article_speaker_key")?,
            article_speakers: field("article_speakers")?,
            entity: field("entity")?,
            person: field("person")?,
            organization: field("organization")?,
            place: field("place")?,
            entity_key: field("entity_key")?,
            article_entity_key: field("article_entity_key")?,
            mentions: field("mentions")?,
            name_hash: field("name_hash")?,
            cue: field("cue")?,
            direct: field("direct")?,
        })
    }
}

/// Registers the analyzers the schema names; needed on every opened index.
pub fn register_analyzers(index: &Index) {
    register_into(index.tokenizers(), false);
}

/// The analyzers queries are parsed with: those of the index, but name
/// fields read as plain words, so `speaker:blair` is the word, not the
/// marked name (`<blair`, `>blair`) (see `index::name_words`). Built once.
pub fn query_tokenizers() -> TokenizerManager {
    static TOKENIZERS: OnceLock<TokenizerManager> = OnceLock::new();
    TOKENIZERS
        .get_or_init(|| {
            let tokenizers = TokenizerManager::default();
            register_into(&tokenizers, true);
            tokenizers
        })
        .clone()
}

fn register_into(tokenizers: &TokenizerManager, for_queries: bool) {
    tokenizers.register(
        STEMMED,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build(),
    );
    let (names, person_names) = if for_queries {
        (word_analyzer(), word_analyzer())
    } else {
        (
            name_analyzer(NameTokenizer::mixed()),
            name_analyzer(NameTokenizer::persons()),
        )
    };
    tokenizers.register(NAME_WORDS, names);
    tokenizers.register(PERSON_NAME_WORDS, person_names);
    tokenizers.register(
        KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
}

/// The exact-match keys a name is exported under: the whole name, and for a
/// person's multi-word name its last word too, so that on a remote engine
/// `--speaker Blair` and `--speaker "Tony Blair"` both find Tony Blair but
/// not "Blair Smith".
pub fn name_keys(name: &str, is_person: bool) -> Vec<String> {
    let full = normalize_key(name);
    let mut keys = Vec::with_capacity(2);
    if let Some(last) = full
        .rsplit(' ')
        .next()
        .filter(|last| is_person && last.len() < full.len())
    {
        keys.push(last.to_string());
    }
    keys.push(full);
    keys
}

/// The headline of a passage document: the second value of its `text`.
pub fn passage_headline(document: &TantivyDocument, fields: &Fields) -> String {
    document
        .get_all(fields.text)
        .nth(1)
        .and_then(|value| value.as_str())
        .unwrap_or_default()
        .to_string()
}

/// A stable 64-bit FNV-1a hash of an article id (stable across builds and
/// platforms, unlike `std`'s hasher).
pub fn article_key(article_id: &str) -> u64 {
    fnv1a(article_id)
}

/// The stored name fields counted through [`Fields::name_hash`], in the
/// order of their kind codes.
pub const NAME_FIELDS: [&str; 5] = ["speaker", "org_speaker", "person", "organization", "place"];

/// Bits of a [`name_hash`] that hold the kind code.
const NAME_KIND_BITS: u32 = 3;

/// A name of the kind stored in `NAME_FIELDS[kind]`, as one number: the
/// name's hash, with the kind code in the low bits.
pub fn name_hash(kind: usize, name: &str) -> u64 {
    (fnv1a(name) << NAME_KIND_BITS) | kind as u64
}

/// The kind code of a [`name_hash`]: an index into [`NAME_FIELDS`].
pub fn name_hash_kind(hash: u64) -> usize {
    (hash & ((1 << NAME_KIND_BITS) - 1)) as usize
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Lower-cases a name and folds its whitespace, as keys are stored.
pub fn normalize_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_keys_are_full_name_and_surname() {
        assert_eq!(name_keys("Tony  Blair", true), vec!["blair", "tony blair"]);
        assert_eq!(name_keys("Witkoff", true), vec!["witkoff"]);
        assert_eq!(
            name_keys("Liberal Democrats", false),
            vec!["liberal democrats"]
        );
    }

    #[test]
    fn name_hashes_keep_their_kind_and_tell_names_apart() {
        for kind in 0..NAME_FIELDS.len() {
            assert_eq!(name_hash_kind(name_hash(kind, "Tony Blair")), kind);
        }
        assert_ne!(name_hash(0, "Tony Blair"), name_hash(2, "Tony Blair"));
        assert_ne!(name_hash(0, "Tony Blair"), name_hash(0, "Cherie Blair"));
    }

    #[test]
    fn schema_fields_resolve() {
        let schema = build_schema();
        assert!(Fields::new(&schema).is_ok());
    }
}
