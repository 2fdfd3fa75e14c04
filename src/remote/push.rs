//! Pushing exported documents to a Quickwit index over its ingest API.
//!
//! The index is created from the exported config when missing. Documents go
//! as NDJSON in batches of at most [`MAX_BATCH_BYTES`] (Quickwit's limit per
//! request), and each answer's `num_rejected_docs` is checked, so a mapping
//! mistake shows as a count and a reason rather than silently thinner results.
//! The last batch waits for Quickwit's commit, so the documents are searchable
//! when `push` returns. Reading files is `export`'s job; drawing the progress
//! bar is `output`'s.

use std::time::Instant;

use anyhow::{Result, bail};
use serde::Serialize;
use serde_json::Value;

use super::client::{Body, Client, error_message};
use crate::export::{Document, mapping};

/// Quickwit refuses ingest requests over 10 MB.
pub const MAX_BATCH_BYTES: usize = 10 * 1024 * 1024;

/// Told as batches go out.
pub trait PushProgress {
    /// `total` documents will be sent.
    fn start(&self, total: u64);
    /// `documents` more were answered for.
    fn sent(&self, documents: u64);
    /// All done (or given up).
    fn finish(&self);
}

/// A [`PushProgress`] that shows nothing.
pub struct NoPushProgress;

impl PushProgress for NoPushProgress {
    fn start(&self, _: u64) {}
    fn sent(&self, _: u64) {}
    fn finish(&self) {}
}

/// What a push did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PushSummary {
    /// Whether the index had to be created.
    pub created_index: bool,
    /// Documents sent.
    pub documents: u64,
    /// Documents Quickwit accepted.
    pub accepted: u64,
    /// Documents Quickwit rejected (parse failures).
    pub rejected: u64,
    /// Requests made to the ingest API.
    pub batches: u64,
    /// Wall-clock seconds for sending, the final commit included.
    pub seconds: f64,
    /// The first few rejection reasons, as Quickwit gave them.
    pub reasons: Vec<String>,
}

/// Creates `index_id` from the exported config unless it exists; true when created.
pub fn ensure_index(client: &Client, index_id: &str) -> Result<bool> {
    let (status, body) = client.send("GET", &format!("/api/v1/indexes/{index_id}"), None, true)?;
    match status {
        200 => Ok(false),
        404 => {
            let config = mapping::quickwit_index_config(index_id);
            client.json(
                "POST",
                "/api/v1/indexes",
                Some(Body {
                    content_type: "application/yaml",
                    bytes: config.as_bytes(),
                }),
                false,
            )?;
            Ok(true)
        }
        _ => bail!(
            "Quickwit answered {status} when asked for index `{index_id}`: {}",
            error_message(&body)
        ),
    }
}

/// Sends `documents` to `index_id` in batches of at most `max_batch_bytes`.
pub fn push(
    client: &Client,
    index_id: &str,
    documents: &[Document],
    max_batch_bytes: usize,
    progress: &dyn PushProgress,
) -> Result<PushSummary> {
    let started = Instant::now();
    let mut summary = PushSummary {
        created_index: ensure_index(client, index_id)?,
        ..PushSummary::default()
    };
    progress.start(documents.len() as u64);
    let batches = batches(documents, max_batch_bytes.clamp(1, MAX_BATCH_BYTES))?;
    let count = batches.len();
    for (number, (batch, documents_in_batch)) in batches.into_iter().enumerate() {
        // Only the last batch waits for the commit: waiting on each would
        // serialise the pipeline on Quickwit's commit timeout.
        let commit = if number + 1 == count {
            "wait_for"
        } else {
            "auto"
        };
        let path = format!("/api/v1/{index_id}/ingest?commit={commit}&detailed_response=true");
        let answer = client.json(
            "POST",
            &path,
            Some(Body {
                content_type: "application/x-ndjson",
                bytes: &batch,
            }),
            false,
        );
        let answer = match answer {
            Ok(answer) => answer,
            Err(error) => {
                progress.finish();
                return Err(error.context(format!(
                    "batch {} of {count} failed after {} documents were accepted",
                    number + 1,
                    summary.accepted
                )));
            }
        };
        let counts = IngestCounts::from_answer(&answer, documents_in_batch);
        summary.documents += documents_in_batch;
        summary.accepted += counts.accepted;
        summary.rejected += counts.rejected;
        summary.batches += 1;
        for reason in counts.reasons {
            if summary.reasons.len() < 5 {
                summary.reasons.push(reason);
            }
        }
        progress.sent(documents_in_batch);
    }
    progress.finish();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// NDJSON batches of at most `max_bytes` each (a single larger document goes
/// alone, and Quickwit then rejects it with a reason), with their sizes.
fn batches(documents: &[Document], max_bytes: usize) -> Result<Vec<(Vec<u8>, u64)>> {
    let mut batches = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    let mut in_current = 0u64;
    for document in documents {
        let mut line = serde_json::to_vec(document)?;
        line.push(b'\n');
        if !current.is_empty() && current.len() + line.len() > max_bytes {
            batches.push((std::mem::take(&mut current), in_current));
            in_current = 0;
        }
        current.extend_from_slice(&line);
        in_current += 1;
    }
    if !current.is_empty() {
        batches.push((current, in_current));
    }
    Ok(batches)
}

/// The counts in one ingest answer.
#[derive(Debug, PartialEq, Eq)]
struct IngestCounts {
    accepted: u64,
    rejected: u64,
    reasons: Vec<String>,
}

impl IngestCounts {
    /// Reads `num_ingested_docs` and `num_rejected_docs`; when a node only
    /// reports `num_docs_for_processing` (ingest API v1), what it took is
    /// counted as accepted, as it gives no rejections to count.
    fn from_answer(answer: &Value, sent: u64) -> IngestCounts {
        let number = |key: &str| answer.get(key).and_then(Value::as_u64);
        let rejected = number("num_rejected_docs").unwrap_or(0);
        let accepted = number("num_ingested_docs")
            .or_else(|| number("num_docs_for_processing").map(|n| n.saturating_sub(rejected)))
            .unwrap_or(sent.saturating_sub(rejected));
        let reasons = answer
            .get("parse_failures")
            .and_then(Value::as_array)
            .map(|failures| {
                failures
                    .iter()
                    .map(|failure| {
                        let message = failure
                            .get("message")
                            .and_then(Value::as_str)
                            .unwrap_or("no reason given");
                        let document = failure
                            .get("document")
                            .and_then(Value::as_str)
                            .unwrap_or_default();
                        let id = serde_json::from_str::<Value>(document)
                            .ok()
                            .and_then(|doc| doc.get(mapping::ID).cloned())
                            .and_then(|id| id.as_str().map(str::to_string))
                            .unwrap_or_else(|| "?".to_string());
                        format!("{id}: {}", error_message(message))
                    })
                    .collect()
            })
            .unwrap_or_default();
        IngestCounts {
            accepted,
            rejected,
            reasons,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn document(id: usize, text_len: usize) -> Document {
        let mut document = Document::new();
        document.insert("id".into(), json!(format!("a#p{id}")));
        document.insert("text".into(), json!("x".repeat(text_len)));
        document
    }

    #[test]
    fn batches_stay_under_the_limit_and_keep_every_document() {
        let documents: Vec<Document> = (0..100).map(|i| document(i, 1000)).collect();
        let batches = batches(&documents, 10_000).expect("batches");
        assert!(batches.len() > 10);
        assert!(batches.iter().all(|(bytes, _)| bytes.len() <= 10_000));
        let total: u64 = batches.iter().map(|(_, n)| n).sum();
        assert_eq!(total, 100);
        let lines: usize = batches
            .iter()
            .map(|(bytes, _)| bytes.iter().filter(|&&b| b == b'\n').count())
            .sum();
        assert_eq!(lines, 100);
    }

    #[test]
    fn rejections_are_counted_with_their_reasons() {
        let answer = json!({
            "num_docs_for_processing": 3,
            "num_ingested_docs": 2,
            "num_rejected_docs": 1,
            "parse_failures": [{
                "document": "{\"id\":\"a#p7\"}",
                "message": "failed to parse field `published`",
                "reason": "invalid_field"
            }]
        });
        assert_eq!(
            IngestCounts::from_answer(&answer, 3),
            IngestCounts {
                accepted: 2,
                rejected: 1,
                reasons: vec!["a#p7: failed to parse field `published`".to_string()],
            }
        );
        let v1 = json!({"num_docs_for_processing": 5});
        assert_eq!(IngestCounts::from_answer(&v1, 5).accepted, 5);
    }
}
