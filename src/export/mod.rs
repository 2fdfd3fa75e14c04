//! Exporting articles for a distributed engine: Quickwit (index config and
//! NDJSON documents) or Elasticsearch/OpenSearch (mapping and `_bulk` NDJSON).
//!
//! Documents are built by the same code that fills the local index
//! ([`crate::index::writer::article_documents`]), then flattened to one JSON
//! object each, so what a remote engine holds is what a local index holds.
//! Because neither Quickwit nor a plain `_bulk` resend has upserts keyed by
//! content, every document gets a stable `id` (article id and passage or quote
//! number). This module writes files; sending them is `remote::push`.

pub mod mapping;

use std::collections::HashMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result};
use serde_json::{Map, Value, json};
use tantivy::TantivyDocument;
use tantivy::schema::{OwnedValue, Schema};

use crate::corpus::{Article, Found, Problem, find_article_files, parse_file};
use crate::index::document::{Destination, add_article_keys, quote_documents};
use crate::index::duplicates::group;
use crate::index::schema::{Fields, PASSAGE, build_schema};
use crate::index::writer::article_documents;
use mapping::{DATED, DUPLICATE_GROUP, DUPLICATES, ID, LOCAL_ONLY, PUBLISHED};

/// One exported document: a flat JSON object.
pub type Document = Map<String, Value>;

/// The documents of a set of article files, and what could not be read.
#[derive(Debug, Default)]
pub struct Exported {
    /// Passage and quote documents, in file order.
    pub documents: Vec<Document>,
    /// Articles read.
    pub articles: usize,
    /// Files or lines that could not be read (reported, not fatal).
    pub skipped: Vec<Problem>,
}

/// Reads, splits and extracts every article under `roots` on `threads`
/// threads, calling `progress` with the number of articles done so far.
///
/// Near-duplicate groups need every article's fingerprint, so documents are
/// kept in memory until all are built: about 1 KB per passage.
pub fn collect_documents(
    roots: &[PathBuf],
    threads: usize,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Exported> {
    let schema = build_schema();
    let fields = Fields::new(&schema)?;
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for found in find_article_files(roots) {
        match found {
            Found::Article { path, format } => files.push((path, format)),
            Found::Skipped(problem) => skipped.push(problem),
        }
    }
    let next = Mutex::new(0usize);
    let done = Mutex::new(0usize);
    let slots: Vec<Mutex<FileDocuments>> = files
        .iter()
        .map(|_| Mutex::new(FileDocuments::default()))
        .collect();
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut next = lock(&next);
                        let i = *next;
                        *next += 1;
                        i
                    };
                    let Some((path, format)) = files.get(i) else {
                        break;
                    };
                    let file = path.to_string_lossy().into_owned();
                    let mut out = FileDocuments::default();
                    parse_file(path, *format, &mut |parsed| match parsed {
                        Ok(article) => {
                            out.documents
                                .extend(flat_documents(&schema, &fields, &file, &article));
                            out.articles += 1;
                        }
                        Err(problem) => out.skipped.push(problem),
                    });
                    let articles = out.articles;
                    *lock(&slots[i]) = out;
                    let mut done = lock(&done);
                    *done += articles;
                    progress(*done);
                }
            });
        }
    });
    let mut exported = Exported {
        skipped,
        ..Exported::default()
    };
    for slot in slots {
        let out = slot.into_inner().unwrap_or_else(|e| e.into_inner());
        exported.documents.extend(out.documents);
        exported.articles += out.articles;
        exported.skipped.extend(out.skipped);
    }
    mark_duplicates(&mut exported.documents);
    Ok(exported)
}

#[derive(Default)]
struct FileDocuments {
    documents: Vec<Document>,
    articles: usize,
    skipped: Vec<Problem>,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Fields an article's first passage holds for the whole article.
const ARTICLE_NAME_FIELDS: [&str; 3] = [
    "article_speaker_key",
    "article_speakers",
    "article_entity_key",
];

/// The flat documents of one article: its passages, then its quotes.
pub fn flat_documents(
    schema: &Schema,
    fields: &Fields,
    file: &str,
    article: &Article,
) -> Vec<Document> {
    let built = article_documents(fields, file, article, true, Destination::Remote);
    let mut documents = built.passages;
    if let Some(first) = documents.first_mut() {
        add_article_keys(first, fields, &built.extraction);
    }
    // Locally a quote is expanded from its passage at search time; a remote
    // engine has no such step, so each attribution is a document of its own.
    documents.extend(
        quote_documents(fields, article, &built.extraction)
            .into_iter()
            .map(|mut document| {
                document.add_text(fields.file, file);
                document
            }),
    );
    let mut quote_number = 0;
    // Locally an article filter joins the passages that hold a name to the
    // rest of the article at search time; a remote engine has no such join,
    // so every passage carries the names of the whole article.
    let mut article_names: Vec<(String, Value)> = Vec::new();
    documents
        .iter()
        .map(|document| {
            let mut flat = flatten(schema, document);
            for name in LOCAL_ONLY {
                flat.remove(name);
            }
            let is_passage = flat.get("kind").and_then(Value::as_str) == Some(PASSAGE);
            if is_passage {
                // Marks a passage with a direct quote locally; remotely,
                // only quote documents have it.
                flat.remove("direct");
                // Locally the headline is a second value of `text` (see
                // `Fields::text`); remotely it is a field of every passage.
                flat.insert("title".to_string(), Value::String(article.title.clone()));
                if article_names.is_empty() {
                    article_names = ARTICLE_NAME_FIELDS
                        .iter()
                        .filter_map(|name| Some((name.to_string(), flat.get(*name)?.clone())))
                        .collect();
                } else {
                    flat.extend(article_names.iter().cloned());
                }
            }
            let id = if is_passage {
                let passage = flat.get("passage").and_then(Value::as_u64).unwrap_or(0);
                format!("{}#p{passage}", article.id)
            } else {
                quote_number += 1;
                format!("{}#q{}", article.id, quote_number - 1)
            };
            flat.insert(ID.to_string(), Value::String(id));
            // Quickwit requires its timestamp field on every document; an
            // undated article gets the epoch, marked so date filters skip it.
            flat.insert(DATED.to_string(), json!(flat.contains_key(PUBLISHED)));
            flat.entry(PUBLISHED.to_string())
                .or_insert_with(|| json!("1970-01-01T00:00:00Z"));
            flat
        })
        .collect()
}

/// A Tantivy document as one flat JSON object, multi-valued fields as arrays
/// (per [`mapping::FIELDS`]) and dates in RFC 3339.
fn flatten(schema: &Schema, document: &TantivyDocument) -> Document {
    let mut flat = Document::new();
    for (field, value) in document.field_values() {
        let name = mapping::remote_name(schema.get_field_name(field));
        let value = match OwnedValue::from(value) {
            OwnedValue::Str(text) => Value::String(text),
            OwnedValue::U64(number) => json!(number),
            OwnedValue::I64(number) => json!(number),
            OwnedValue::Date(date) => {
                let seconds = date.into_timestamp_secs();
                match chrono::DateTime::from_timestamp(seconds, 0) {
                    Some(date) => Value::String(date.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
                    None => continue,
                }
            }
            _ => continue,
        };
        let array = mapping::spec(name).is_some_and(|spec| spec.array);
        if array {
            if let Value::Array(values) = flat
                .entry(name.to_string())
                .or_insert_with(|| Value::Array(Vec::new()))
            {
                values.push(value);
            }
        } else {
            flat.entry(name.to_string()).or_insert(value);
        }
    }
    flat
}

/// Sets each document's near-duplicate group (the first article key of its
/// group, or its own key) and group size, grouping as the local index does.
fn mark_duplicates(documents: &mut [Document]) {
    let mut fingerprints: HashMap<u64, u64> = HashMap::new();
    for document in documents.iter() {
        if let (Some(key), Some(hash)) = (
            document.get("article_key").and_then(Value::as_u64),
            document.get("simhash").and_then(Value::as_u64),
        ) && hash != 0
        {
            fingerprints.insert(key, hash);
        }
    }
    let membership = group(fingerprints.into_iter().collect()).membership();
    for document in documents.iter_mut() {
        let key = document
            .get("article_key")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        let (first, size) = membership.get(key).unwrap_or((key, 1));
        document.insert(DUPLICATE_GROUP.to_string(), json!(first));
        document.insert(DUPLICATES.to_string(), json!(size));
    }
}

/// Which engine an export is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Quickwit: `index-config.yaml` and `documents.ndjson`.
    Quickwit,
    /// Elasticsearch or OpenSearch: `mapping.json` and `bulk.ndjson`.
    Elasticsearch,
}

/// Writes the config and documents for `target` into `out_dir`; returns the
/// files written.
pub fn write_export(
    target: Target,
    out_dir: &Path,
    index_id: &str,
    documents: &[Document],
) -> Result<Vec<PathBuf>> {
    fs::create_dir_all(out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    let (config_name, config, documents_name) = match target {
        Target::Quickwit => (
            "index-config.yaml",
            mapping::quickwit_index_config(index_id),
            "documents.ndjson",
        ),
        Target::Elasticsearch => (
            "mapping.json",
            serde_json::to_string_pretty(&mapping::elasticsearch_mapping())? + "\n",
            "bulk.ndjson",
        ),
    };
    let config_path = out_dir.join(config_name);
    fs::write(&config_path, config)
        .with_context(|| format!("cannot write {}", config_path.display()))?;
    let documents_path = out_dir.join(documents_name);
    let file = fs::File::create(&documents_path)
        .with_context(|| format!("cannot write {}", documents_path.display()))?;
    let mut out = BufWriter::new(file);
    for document in documents {
        if target == Target::Elasticsearch {
            let action = json!({"index": {"_index": index_id, "_id": document.get(ID)}});
            serde_json::to_writer(&mut out, &action)?;
            out.write_all(b"\n")?;
        }
        serde_json::to_writer(&mut out, document)?;
        out.write_all(b"\n")?;
    }
    out.flush()
        .with_context(|| format!("cannot write {}", documents_path.display()))?;
    Ok(vec![config_path, documents_path])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn article() -> Article {
        let mut articles = Vec::new();
        crate::corpus::parse_str(
            Path::new("news/politics/tram.txt"),
            crate::corpus::Format::Text,
            "Date: 2025-03-14\n\nCouncil backs tram trial\n\n\
             \"The night tram will run from May,\" Mayor Elena Varga said on Thursday.\n\n\
             The trial starts on 1 May 2025 in Leeds.\n",
            &mut |parsed| articles.extend(parsed.ok()),
        );
        articles.pop().unwrap_or_default()
    }

    fn documents() -> Vec<Document> {
        let schema = build_schema();
        let fields = Fields::new(&schema).expect("schema fields");
        let mut documents = flat_documents(&schema, &fields, "news/politics/tram.txt", &article());
        mark_duplicates(&mut documents);
        documents
    }

    #[test]
    fn passages_are_flat_objects_with_stable_ids_and_rfc3339_dates() {
        let documents = documents();
        let first = &documents[0];
        assert_eq!(first["id"], "news/politics/tram.txt#p0");
        assert_eq!(first["kind"], "passage");
        assert_eq!(first["title"], "Council backs tram trial");
        assert_eq!(first["published"], "2025-03-14T00:00:00Z");
        assert_eq!(first["dated"], true);
        assert_eq!(first["category"], "politics");
        assert_eq!(first["speaker"], json!(["Elena Varga"]));
        assert!(
            first["speaker_key"]
                .as_array()
                .is_some_and(|keys| keys.contains(&json!("varga")))
        );
        assert_eq!(first["duplicates"], 1);
        assert_eq!(first["duplicate_group"], first["article_key"]);
        let second = &documents[1];
        assert_eq!(second["id"], "news/politics/tram.txt#p1");
        assert_eq!(second["mentions"][0], "2025-05-01T00:00:00Z");
        // Building twice gives the same ids: a resend can be recognised.
        let again = super::tests::documents();
        assert_eq!(documents.len(), again.len());
        for (a, b) in documents.iter().zip(&again) {
            assert_eq!(a["id"], b["id"]);
        }
        for document in &documents {
            for (name, value) in document {
                let spec = mapping::spec(name).expect("every field is mapped");
                assert_eq!(spec.array, value.is_array(), "{name}");
            }
        }
    }

    #[test]
    fn quotes_get_their_own_ids() {
        let documents = documents();
        let quote = documents
            .iter()
            .find(|document| document["kind"] == "quote")
            .expect("the article has a quote");
        assert_eq!(quote["id"], "news/politics/tram.txt#q0");
        assert_eq!(quote["headline"], "Council backs tram trial");
    }

    #[test]
    fn undated_articles_get_the_epoch_and_dated_false() {
        let schema = build_schema();
        let fields = Fields::new(&schema).expect("schema fields");
        let article = Article {
            published: None,
            ..article()
        };
        let documents = flat_documents(&schema, &fields, "x.txt", &article);
        assert_eq!(documents[0]["published"], "1970-01-01T00:00:00Z");
        assert_eq!(documents[0]["dated"], false);
    }

    #[test]
    fn bulk_lines_alternate_action_and_document() {
        let dir = tempfile::tempdir().expect("temp dir");
        let documents = documents();
        let written = write_export(Target::Elasticsearch, dir.path(), "news", &documents)
            .expect("export written");
        let bulk = fs::read_to_string(&written[1]).expect("bulk file");
        let lines: Vec<Value> = bulk
            .lines()
            .map(|line| serde_json::from_str(line).expect("each line is JSON"))
            .collect();
        assert_eq!(lines.len(), documents.len() * 2);
        assert_eq!(lines[0]["index"]["_id"], "news/politics/tram.txt#p0");
        assert_eq!(lines[0]["index"]["_index"], "news");
        assert_eq!(lines[1]["id"], "news/politics/tram.txt#p0");
        let written =
            write_export(Target::Quickwit, dir.path(), "news", &documents).expect("export written");
        let ndjson = fs::read_to_string(&written[1]).expect("documents file");
        assert_eq!(ndjson.lines().count(), documents.len());
    }
}
