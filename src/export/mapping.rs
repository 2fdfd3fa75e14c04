//! The field list of an exported index, and its rendering as a Quickwit index
//! config and an Elasticsearch mapping.
//!
//! One table ([`FIELDS`]) says how each field of a local passage or quote
//! document is typed and analysed on the remote engine, so the Quickwit
//! config, the Elasticsearch mapping and the NDJSON documents cannot drift
//! apart. It does not build documents (see `export`) or talk to a server.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

/// How a field is analysed and typed on the remote engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Full text: words, lower-cased, positions and field norms kept (BM25,
    /// phrases). Quickwit's `default` tokenizer: no stemming (see README).
    Words,
    /// Names as words, for `entity:kyiv`: like [`Kind::Words`], not stored.
    NameWords,
    /// One exact, case-sensitive token per value (`raw`), stored and fast so
    /// it can be shown and counted in aggregations.
    Raw,
    /// One exact token per value, lower-cased by the engine (`lowercase`).
    Lowercase,
    /// Exact keys newsdex lower-cases itself ([`crate::index::schema::name_keys`]):
    /// `raw`, indexed only.
    Key,
    /// Stored for display, not searchable.
    StoredText,
    /// An unsigned integer, fast (sortable, aggregatable) and indexed.
    Integer,
    /// An unsigned integer, stored only.
    StoredInteger,
    /// A day as an RFC 3339 datetime, fast and indexed.
    Date,
    /// A boolean, fast and indexed.
    Flag,
}

/// One exported field.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    /// Name in the local schema and in the exported documents.
    pub name: &'static str,
    /// How the remote engine types and analyses it.
    pub kind: Kind,
    /// True when a document may hold several values (`array<…>`).
    pub array: bool,
    /// What it holds, written into the Quickwit config as a description.
    pub about: &'static str,
}

const fn field(name: &'static str, kind: Kind, array: bool, about: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        array,
        about,
    }
}

/// The stable document id, `ARTICLE_ID#pN` for passage N, `ARTICLE_ID#qN` for quote N.
pub const ID: &str = "id";
/// The timestamp field: publication day (the Unix epoch when unknown, see [`DATED`]).
pub const PUBLISHED: &str = "published";
/// False when the article has no publication date and `published` holds the epoch.
pub const DATED: &str = "dated";
/// The article key of the first article of the document's near-duplicate group.
pub const DUPLICATE_GROUP: &str = "duplicate_group";
/// How many articles share the document's near-duplicate group (1: none).
pub const DUPLICATES: &str = "duplicates";

/// The exported name of a local field. Locally a quote's words have a field
/// of their own (so plain passage searches need no kind filter); remotely
/// they share `text`, and every remote search filters on `kind`.
pub fn remote_name(local: &str) -> &str {
    match local {
        "quote" => "text",
        name => name,
    }
}

/// Local fields a remote engine does not get: a passage's attributions
/// (sent as quote documents instead) and counting aids.
pub const LOCAL_ONLY: [&str; 5] = [
    "quotes",
    "quote_count",
    "direct_count",
    "name_hash",
    "headline_speaker",
];

/// Every exported field. The local schema's `file` field is exported too, so
/// a remote index can be updated file by file with delete queries.
pub const FIELDS: &[FieldSpec] = &[
    field(ID, Kind::Raw, false, "stable document id"),
    field("kind", Kind::Raw, false, "passage or quote"),
    field("article_id", Kind::Raw, false, "article identifier"),
    field("file", Kind::Raw, false, "file the article came from"),
    field("article_key", Kind::Integer, false, "hash of article_id"),
    field("simhash", Kind::StoredInteger, false, "SimHash of the body"),
    field(
        DUPLICATE_GROUP,
        Kind::Integer,
        false,
        "near-duplicate group",
    ),
    field(DUPLICATES, Kind::Integer, false, "articles in the group"),
    field("path", Kind::Raw, false, "article file path"),
    field("title", Kind::Words, false, "headline (passages)"),
    field("text", Kind::Words, false, "passage text, or what was said"),
    field("headline", Kind::StoredText, false, "headline (quotes)"),
    field("passage", Kind::Integer, false, "passage number from 0"),
    field(
        "passage_count",
        Kind::StoredInteger,
        false,
        "passages in the article",
    ),
    field("category", Kind::Lowercase, false, "topic folder"),
    field("source", Kind::Lowercase, false, "outlet"),
    field(PUBLISHED, Kind::Date, false, "publication day"),
    field(DATED, Kind::Flag, false, "published is known"),
    field("speaker", Kind::Raw, true, "people speaking in the passage"),
    field("org_speaker", Kind::Raw, true, "organisations speaking"),
    field(
        "speaker_key",
        Kind::Key,
        true,
        "lower-cased speaker names and surnames",
    ),
    field(
        "article_speaker_key",
        Kind::Key,
        true,
        "keys of every speaker in the article",
    ),
    field(
        "article_speakers",
        Kind::StoredText,
        true,
        "every speaker in the article",
    ),
    field(
        "entity",
        Kind::NameWords,
        true,
        "names in the passage, as words",
    ),
    field("person", Kind::Raw, true, "people named in the passage"),
    field("organization", Kind::Raw, true, "organisations named"),
    field("place", Kind::Raw, true, "places named"),
    field(
        "entity_key",
        Kind::Key,
        true,
        "lower-cased entity names and surnames",
    ),
    field(
        "article_entity_key",
        Kind::Key,
        true,
        "keys of every entity in the article",
    ),
    field(
        "mentions",
        Kind::Date,
        true,
        "days mentioned in the passage",
    ),
    field("cue", Kind::StoredText, false, "reporting cue (quotes)"),
    field("direct", Kind::Integer, false, "1 for a direct quote"),
];

/// The spec of a field by name.
pub fn spec(name: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|spec| spec.name == name)
}

/// A Quickwit index config (`version: 0.9`) for the exported documents.
///
/// Written by hand rather than through a YAML serialiser so that keys keep
/// the order of Quickwit's documentation and the file reads well.
pub fn quickwit_index_config(index_id: &str) -> String {
    let mut yaml = String::new();
    let _ = writeln!(
        yaml,
        "# Quickwit index config written by `newsdex export --to quickwit`.\n\
         # One document per passage or quote; see README.md (Quickwit and Elasticsearch).\n\
         version: 0.9\n\
         index_id: {index_id}\n\
         doc_mapping:\n  \
           # Every exported field is mapped: a document with another field is rejected.\n  \
           mode: strict\n  \
           field_mappings:"
    );
    for spec in FIELDS {
        let type_name = match spec.kind {
            Kind::Words | Kind::NameWords | Kind::Raw | Kind::Lowercase | Kind::Key => "text",
            Kind::StoredText => "text",
            Kind::Integer | Kind::StoredInteger => "u64",
            Kind::Date => "datetime",
            Kind::Flag => "bool",
        };
        let type_name = if spec.array {
            format!("array<{type_name}>")
        } else {
            type_name.to_string()
        };
        let _ = writeln!(yaml, "    - name: {}", spec.name);
        let _ = writeln!(yaml, "      description: {}", spec.about);
        let _ = writeln!(yaml, "      type: {type_name}");
        let options: &[&str] = match spec.kind {
            Kind::Words => &["tokenizer: default", "record: position", "fieldnorms: true"],
            Kind::NameWords => &["tokenizer: default", "record: position", "stored: false"],
            Kind::Raw => &["tokenizer: raw", "fast: true"],
            Kind::Lowercase => &["tokenizer: lowercase"],
            Kind::Key => &["tokenizer: raw", "stored: false"],
            Kind::StoredText => &["indexed: false"],
            Kind::Integer => &["fast: true"],
            Kind::StoredInteger => &["indexed: false"],
            Kind::Date if spec.array => &[
                "input_formats: [rfc3339]",
                "output_format: rfc3339",
                "fast_precision: seconds",
                "fast: true",
                "stored: false",
            ],
            Kind::Date => &[
                "input_formats: [rfc3339]",
                "output_format: rfc3339",
                "fast_precision: seconds",
                "fast: true",
            ],
            Kind::Flag => &["fast: true"],
        };
        for option in options {
            let _ = writeln!(yaml, "      {option}");
        }
    }
    let _ = writeln!(
        yaml,
        "  timestamp_field: {PUBLISHED}\n\
         search_settings:\n  \
           default_search_fields: [title, text]\n\
         indexing_settings:\n  \
           # Pushed documents become searchable this many seconds after they arrive.\n  \
           commit_timeout_secs: 5"
    );
    yaml
}

/// An Elasticsearch/OpenSearch index body (settings and mappings) for the
/// exported documents. Elasticsearch still has the `english` analyzer, so
/// passage text and titles are stemmed there as they are locally.
pub fn elasticsearch_mapping() -> Value {
    let mut properties = Map::new();
    for spec in FIELDS {
        let mapping = match spec.kind {
            Kind::Words => json!({"type": "text", "analyzer": "english"}),
            Kind::NameWords => json!({"type": "text", "analyzer": "standard"}),
            Kind::Raw | Kind::Key => json!({"type": "keyword"}),
            Kind::Lowercase => json!({"type": "keyword", "normalizer": "newsdex_lowercase"}),
            Kind::StoredText => json!({"type": "keyword", "index": false, "doc_values": false}),
            Kind::Integer => json!({"type": "unsigned_long"}),
            Kind::StoredInteger => {
                json!({"type": "unsigned_long", "index": false, "doc_values": false})
            }
            Kind::Date => json!({"type": "date", "format": "strict_date_time_no_millis"}),
            Kind::Flag => json!({"type": "boolean"}),
        };
        properties.insert(spec.name.to_string(), mapping);
    }
    json!({
        "settings": {
            "analysis": {
                "normalizer": {
                    "newsdex_lowercase": {"type": "custom", "filter": ["lowercase"]}
                }
            }
        },
        "mappings": {
            "dynamic": "strict",
            "properties": properties,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::build_schema;

    #[test]
    fn every_local_field_is_exported() {
        let schema = build_schema();
        for (_, entry) in schema.fields() {
            assert!(
                spec(remote_name(entry.name())).is_some() || LOCAL_ONLY.contains(&entry.name()),
                "schema field `{}` has no export mapping",
                entry.name()
            );
        }
    }

    #[test]
    fn quickwit_config_is_yaml_with_the_required_settings() {
        let yaml = quickwit_index_config("news");
        let config: serde_yaml_ng::Value =
            serde_yaml_ng::from_str(&yaml).expect("the config is valid YAML");
        assert_eq!(config["version"].as_f64(), Some(0.9));
        assert_eq!(config["index_id"].as_str(), Some("news"));
        let mapping = &config["doc_mapping"];
        assert_eq!(mapping["timestamp_field"].as_str(), Some("published"));
        let fields = mapping["field_mappings"]
            .as_sequence()
            .expect("field_mappings is a list");
        assert_eq!(fields.len(), FIELDS.len());
        let by_name = |name: &str| {
            fields
                .iter()
                .find(|field| field["name"].as_str() == Some(name))
                .cloned()
                .unwrap_or_default()
        };
        let text = by_name("text");
        assert_eq!(text["record"].as_str(), Some("position"));
        assert_eq!(text["fieldnorms"].as_bool(), Some(true));
        assert_eq!(text["tokenizer"].as_str(), Some("default"));
        let speaker = by_name("speaker");
        assert_eq!(speaker["type"].as_str(), Some("array<text>"));
        assert_eq!(speaker["tokenizer"].as_str(), Some("raw"));
        assert_eq!(by_name("speaker_key")["tokenizer"].as_str(), Some("raw"));
        let published = by_name("published");
        assert_eq!(published["type"].as_str(), Some("datetime"));
        assert_eq!(published["fast"].as_bool(), Some(true));
        assert_eq!(
            by_name("mentions")["type"].as_str(),
            Some("array<datetime>")
        );
        assert!(
            !yaml.contains("en_stem"),
            "Quickwit rejects stemming tokenizers"
        );
    }

    #[test]
    fn elasticsearch_mapping_types_every_field() {
        let mapping = elasticsearch_mapping();
        let properties = mapping["mappings"]["properties"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        assert_eq!(properties.len(), FIELDS.len());
        assert_eq!(properties["text"]["analyzer"], "english");
        assert_eq!(properties["published"]["type"], "date");
        assert_eq!(properties["speaker"]["type"], "keyword");
    }
}
