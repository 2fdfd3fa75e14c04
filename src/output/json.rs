//! The JSON shapes scripts depend on: search results and extractions.
//!
//! Search hits serialise as `search::Hit`; an extraction is written one
//! article per line as documented in README.md. Keep both shapes stable.

use chrono::NaiveDate;
use serde::Serialize;

use crate::corpus::Article;
use crate::extract::{DateSpan, Extraction, Granularity, Quote};
use crate::search::SearchResults;
use crate::search::names::NameCount;
use crate::search::timeline::Timeline;
use crate::search::who::Voice;

/// Search results as one JSON object.
pub fn search_results(results: &SearchResults) -> serde_json::Result<String> {
    serde_json::to_string(results)
}

/// Name counts as one JSON object: `{"query", "names": [{"name", "kind", "articles", "passages"}]}`.
pub fn name_counts(query: &str, counts: &[NameCount]) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct Names<'a> {
        query: &'a str,
        names: &'a [NameCount],
    }
    serde_json::to_string(&Names {
        query,
        names: counts,
    })
}

/// `who` results as one JSON object: `{"query", "speakers": [{"name", "kind",
/// "articles", "passages", "quote", "best"}], "timeline"?}`.
pub fn voices(
    query: &str,
    voices: &[Voice],
    timeline: Option<&Timeline>,
) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct Voices<'a> {
        query: &'a str,
        speakers: &'a [Voice],
        #[serde(skip_serializing_if = "Option::is_none")]
        timeline: Option<&'a Timeline>,
    }
    serde_json::to_string(&Voices {
        query,
        speakers: voices,
        timeline,
    })
}

#[derive(Serialize)]
struct ExtractedArticle<'a> {
    path: String,
    id: &'a str,
    title: &'a str,
    published: Option<NaiveDate>,
    speakers: &'a [String],
    org_speakers: &'a [String],
    persons: &'a [String],
    organizations: &'a [String],
    places: &'a [String],
    dates: Vec<ExtractedDate<'a>>,
    passages: Vec<ExtractedPassage<'a>>,
    quotes: &'a [Quote],
}

#[derive(Serialize)]
struct ExtractedDate<'a> {
    text: &'a str,
    date: Option<String>,
    passage: usize,
}

#[derive(Serialize)]
struct ExtractedPassage<'a> {
    text: &'a str,
    speakers: &'a [String],
    org_speakers: &'a [String],
}

/// One article's extraction as one line of JSON.
pub fn extraction_line(
    article: &Article,
    passages: &[String],
    extraction: &Extraction,
) -> serde_json::Result<String> {
    let empty = Default::default();
    let line = ExtractedArticle {
        path: article.path.to_string_lossy().into_owned(),
        id: &article.id,
        title: &article.title,
        published: article.published,
        speakers: &extraction.speakers,
        org_speakers: &extraction.org_speakers,
        persons: &extraction.persons,
        organizations: &extraction.organizations,
        places: &extraction.places,
        dates: extraction
            .dates
            .iter()
            .map(|mention| ExtractedDate {
                text: &mention.text,
                date: mention.resolved.map(iso_span),
                passage: mention.passage,
            })
            .collect(),
        passages: passages
            .iter()
            .enumerate()
            .map(|(number, text)| {
                let found = extraction.passages.get(number).unwrap_or(&empty);
                ExtractedPassage {
                    text,
                    speakers: &found.speakers,
                    org_speakers: &found.org_speakers,
                }
            })
            .collect(),
        quotes: &extraction.quotes,
    };
    serde_json::to_string(&line)
}

/// ISO 8601 for a span: `2025-10-14`, `2025-10`, `2025`, or a week as
/// `2025-11-17/2025-11-23`.
pub fn iso_span(span: DateSpan) -> String {
    match span.granularity {
        Granularity::Day => span.start.format("%Y-%m-%d").to_string(),
        Granularity::Month => span.start.format("%Y-%m").to_string(),
        Granularity::Year => span.start.format("%Y").to_string(),
        Granularity::Week => format!(
            "{}/{}",
            span.start.format("%Y-%m-%d"),
            span.end.format("%Y-%m-%d")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_print_at_their_precision() {
        let day = |d| NaiveDate::from_ymd_opt(2025, 11, d).unwrap_or_default();
        let span = |granularity, start, end| DateSpan {
            start: day(start),
            end: day(end),
            granularity,
        };
        assert_eq!(iso_span(span(Granularity::Day, 14, 14)), "2025-11-14");
        assert_eq!(iso_span(span(Granularity::Month, 1, 30)), "2025-11");
        assert_eq!(iso_span(span(Granularity::Year, 1, 1)), "2025");
        assert_eq!(
            iso_span(span(Granularity::Week, 17, 23)),
            "2025-11-17/2025-11-23"
        );
    }
}
