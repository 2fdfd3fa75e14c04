//! Human-readable output: ranked hits with highlighted snippets, and the
//! closing summary of an indexing run.
//!
//! Highlights are ANSI bold red when colour is on, `**word**` otherwise, so
//! the output stays readable when piped or saved.

use std::io::{self, Write};

use crate::eval::Tally;
use crate::eval::gold::{FIELDS, GoldReport};
use crate::eval::polnear::PolnearReport;
use crate::index::writer::IndexSummary;
use crate::search::SearchResults;
use crate::search::names::NameCount;
use crate::search::quotes::{QuoteHit, QuoteResults};
use crate::search::timeline::{Period, Timeline};
use crate::search::who::Voice;

/// ANSI styles, or none.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    color: bool,
}

impl Style {
    /// Styles with (`true`) or without ANSI colour.
    pub fn new(color: bool) -> Style {
        Style { color }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Marks highlighted byte ranges of `text`.
    fn highlight(&self, text: &str, ranges: &[(usize, usize)], base: Option<&str>) -> String {
        let (open, close) = if self.color {
            (
                "\x1b[1;31m".to_string(),
                format!(
                    "\x1b[0m{}",
                    base.map(|code| format!("\x1b[{code}m")).unwrap_or_default()
                ),
            )
        } else {
            ("**".to_string(), "**".to_string())
        };
        let mut out = String::with_capacity(text.len() + ranges.len() * 8);
        let mut last = 0;
        for &(from, to) in ranges {
            if from < last
                || to > text.len()
                || !text.is_char_boundary(from)
                || !text.is_char_boundary(to)
            {
                continue;
            }
            out.push_str(&text[last..from]);
            out.push_str(&open);
            out.push_str(&text[from..to]);
            out.push_str(&close);
            last = to;
        }
        out.push_str(&text[last..]);
        out
    }
}

/// "1 article", "2 articles".
fn plural(count: impl Into<u64>, noun: &str) -> String {
    let count = count.into();
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// A total of `noun`s: counted ("1 quote", "12 quotes"), or estimated and
/// rounded ("about 130000 quotes").
fn total_of(total: usize, exact: bool, noun: &str) -> String {
    if exact {
        plural(total as u64, noun)
    } else {
        format!("about {} {noun}s", two_significant_digits(total))
    }
}

/// An estimate as a reader takes it: 131873 → 130000.
fn two_significant_digits(count: usize) -> usize {
    let mut unit = 1;
    while count / unit >= 100 {
        unit *= 10;
    }
    (count + unit / 2) / unit * unit
}

/// Writes search hits, best first, then a one-line summary.
pub fn write_search_results(
    out: &mut dyn Write,
    results: &SearchResults,
    style: Style,
) -> io::Result<()> {
    for hit in &results.hits {
        let title = style.highlight(&hit.title, &hit.title_highlights, Some("1"));
        writeln!(
            out,
            "{} {}",
            style.paint("1;32", &format!("{:>2}.", hit.rank)),
            style.paint("1", &title)
        )?;
        let mut meta = vec![style.paint("35", &format!("{} ¶{}", hit.path, hit.passage + 1))];
        if let Some(published) = hit.published {
            meta.push(style.paint("36", &published.to_string()));
        }
        if let Some(source) = &hit.source {
            meta.push(source.clone());
        }
        if hit.similar > 0 {
            meta.push(style.paint("2", &format!("+{} similar", hit.similar)));
        }
        writeln!(out, "    {}", meta.join(" · "))?;
        let mut speakers: Vec<&str> = hit.speakers.iter().map(String::as_str).collect();
        speakers.extend(hit.org_speakers.iter().map(String::as_str));
        if !speakers.is_empty() {
            writeln!(
                out,
                "    {} {}",
                style.paint("33", "speakers:"),
                speakers.join(", ")
            )?;
        }
        writeln!(
            out,
            "    {}",
            style.highlight(&hit.snippet, &hit.highlights, None)
        )?;
        if !hit.missing.is_empty() {
            writeln!(
                out,
                "    {} {}",
                style.paint("2", "missing:"),
                style.paint("2;9", &hit.missing.join(" "))
            )?;
        }
        writeln!(out)?;
    }
    let partial = results.total - results.total_full;
    let mut summary = format!(
        "{} of {}",
        results.hits.len(),
        total_of(results.total, results.total_exact, "matching passage")
    );
    if partial > 0 && results.total_exact {
        summary.push_str(&format!(
            " ({} match every word, {partial} only some)",
            results.total_full
        ));
    }
    writeln!(out, "{}", style.paint("2", &format!("Showing {summary}.")))?;
    if let Some(timeline) = &results.timeline {
        writeln!(out)?;
        write_timeline(out, timeline, style)?;
    }
    Ok(())
}

/// Writes quotes: who, what (highlighted, in quotation marks when direct),
/// the cue, and where and when.
pub fn write_quotes(out: &mut dyn Write, results: &QuoteResults, style: Style) -> io::Result<()> {
    for hit in &results.hits {
        writeln!(
            out,
            "{} {} {}",
            style.paint("1;32", &format!("{:>2}.", hit.rank)),
            style.paint("1", &hit.speaker),
            style.paint("33", &hit.cue)
        )?;
        writeln!(out, "    {}", said(hit, style))?;
        writeln!(
            out,
            "    {} · {}",
            place(&hit.path, hit.passage, hit.published, style),
            hit.title
        )?;
        writeln!(out)?;
    }
    writeln!(
        out,
        "{}",
        style.paint(
            "2",
            &format!(
                "Showing {} of {}.",
                results.hits.len(),
                total_of(results.total, results.total_exact, "quote")
            )
        )
    )?;
    if let Some(timeline) = &results.timeline {
        writeln!(out)?;
        write_timeline(out, timeline, style)?;
    }
    Ok(())
}

/// Longest bar, in character cells.
const BAR_WIDTH: usize = 40;

/// Writes a histogram of matching articles per month or year, one bar a line,
/// drawn with block characters in eighths of a cell.
pub fn write_timeline(out: &mut dyn Write, timeline: &Timeline, style: Style) -> io::Result<()> {
    let unit = match timeline.period {
        Period::Month => "month",
        Period::Year => "year",
    };
    if timeline.buckets.is_empty() {
        writeln!(out, "Timeline: no matching article has a published date.")?;
    } else {
        writeln!(out, "Matching articles per {unit}:")?;
    }
    let most = timeline
        .buckets
        .iter()
        .map(|b| b.articles)
        .max()
        .unwrap_or(0)
        .max(1);
    for bucket in &timeline.buckets {
        writeln!(
            out,
            "  {:<7} {} {}",
            bucket.period,
            style.paint("36", &bar(bucket.articles, most)),
            bucket.articles
        )?;
    }
    if timeline.undated > 0 {
        writeln!(
            out,
            "  ({} without a published date)",
            plural(timeline.undated as u64, "article")
        )?;
    }
    Ok(())
}

/// A bar of `count / most` of [`BAR_WIDTH`] cells; any non-zero count shows.
fn bar(count: usize, most: usize) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (count * BAR_WIDTH * 8).div_ceil(most);
    let mut bar = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        bar.push(EIGHTHS[eighths % 8]);
    }
    bar
}

/// Writes who speaks on a topic: each speaker with counts and their best passage.
pub fn write_voices(out: &mut dyn Write, voices: &[Voice], style: Style) -> io::Result<()> {
    if voices.is_empty() {
        return writeln!(out, "No one speaks in the matching passages.");
    }
    for (rank, voice) in voices.iter().enumerate() {
        let count = &voice.count;
        writeln!(
            out,
            "{} {} {}",
            style.paint("1;32", &format!("{:>2}.", rank + 1)),
            style.paint("1", &count.name),
            style.paint(
                "2",
                &format!(
                    "({}, {} in {})",
                    count.kind.label(),
                    plural(count.passages as u64, "passage"),
                    plural(count.articles as u64, "article")
                )
            )
        )?;
        if let Some(quote) = &voice.quote {
            writeln!(
                out,
                "    {} {}",
                style.paint("33", &quote.cue),
                said(quote, style)
            )?;
            writeln!(
                out,
                "    {}",
                place(&quote.path, quote.passage, quote.published, style)
            )?;
        } else if let Some(hit) = &voice.best {
            writeln!(
                out,
                "    {}",
                style.highlight(&hit.snippet, &hit.highlights, None)
            )?;
            writeln!(
                out,
                "    {}",
                place(&hit.path, hit.passage, hit.published, style)
            )?;
        }
    }
    Ok(())
}

/// What a quote says, highlighted, in quotation marks when direct.
fn said(quote: &QuoteHit, style: Style) -> String {
    let words = style.highlight(&quote.text, &quote.highlights, None);
    if quote.direct {
        format!("“{words}”")
    } else {
        words
    }
}

/// Where a passage or quote stands: file, paragraph, date.
fn place(path: &str, passage: u64, published: Option<chrono::NaiveDate>, style: Style) -> String {
    let mut parts = vec![style.paint("35", &format!("{path} ¶{}", passage + 1))];
    parts.extend(published.map(|day| style.paint("36", &day.to_string())));
    parts.join(" · ")
}

/// Writes name counts as a table, most frequent first.
pub fn write_name_counts(out: &mut dyn Write, counts: &[NameCount]) -> io::Result<()> {
    if counts.is_empty() {
        return writeln!(out, "No names found.");
    }
    writeln!(
        out,
        "{:>8}  {:>8}  {:<22}  name",
        "articles", "passages", "kind"
    )?;
    for count in counts {
        writeln!(
            out,
            "{:>8}  {:>8}  {:<22}  {}",
            count.articles,
            count.passages,
            count.kind.label(),
            count.name
        )?;
    }
    Ok(())
}

fn write_tally_row(out: &mut dyn Write, label: &str, tally: &Tally) -> io::Result<()> {
    writeln!(
        out,
        "{label:<16} {:>6} {:>6} {:>8} {:>10.3} {:>7.3} {:>6.3}",
        tally.gold,
        tally.found,
        tally.correct,
        tally.precision(),
        tally.recall(),
        tally.f1()
    )
}

fn write_tally_header(out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{:<16} {:>6} {:>6} {:>8} {:>10} {:>7} {:>6}",
        "field", "gold", "found", "correct", "precision", "recall", "F1"
    )
}

/// Writes the gold evaluation: micro-averaged scores per field, then the
/// articles with the lowest speaker and entity F1 and what they got wrong.
pub fn write_gold_report(out: &mut dyn Write, report: &GoldReport, worst: usize) -> io::Result<()> {
    writeln!(
        out,
        "Gold evaluation over {} articles (micro-averaged)",
        report.articles.len()
    )?;
    write_tally_header(out)?;
    for (field, tally) in &report.totals {
        write_tally_row(out, field, tally)?;
    }
    let speakers = FIELDS.iter().position(|f| *f == "speakers").unwrap_or(0);
    let entities = FIELDS.iter().position(|f| *f == "entities").unwrap_or(0);
    let mut ranked: Vec<_> = report.articles.iter().collect();
    ranked.sort_by(|a, b| {
        let score = |s: &crate::eval::gold::ArticleScore| {
            s.tallies[speakers].f1() + s.tallies[entities].f1()
        };
        score(a).total_cmp(&score(b))
    });
    if worst > 0 {
        writeln!(out, "\nWorst articles (speaker F1, entity F1):")?;
    }
    for article in ranked.into_iter().take(worst) {
        writeln!(
            out,
            "  {}  {:.2} {:.2}",
            article.path,
            article.tallies[speakers].f1(),
            article.tallies[entities].f1()
        )?;
        let lists = [
            ("missed speakers", &article.missed_speakers),
            ("extra speakers", &article.extra_speakers),
            ("missed entities", &article.missed_entities),
            ("extra entities", &article.extra_entities),
        ];
        for (label, names) in lists {
            if !names.is_empty() {
                writeln!(out, "    {label}: {}", names.join(", "))?;
            }
        }
    }
    Ok(())
}

/// Writes the PolNeAR speaker scores, then the `worst` articles with the
/// most person speakers missed or found in excess.
pub fn write_polnear_report(
    out: &mut dyn Write,
    report: &PolnearReport,
    worst: usize,
) -> io::Result<()> {
    writeln!(
        out,
        "\nPolNeAR person speakers by surname over {} articles (micro-averaged)",
        report.articles
    )?;
    write_tally_header(out)?;
    write_tally_row(out, "all sources", &report.all)?;
    write_tally_row(out, "direct quotes", &report.direct)?;
    writeln!(
        out,
        "(precision against direct quotes alone is low by design: other speakers count as wrong)"
    )?;
    writeln!(
        out,
        "\nPolNeAR attributions with a person source: right speaker and overlapping content"
    )?;
    writeln!(
        out,
        "{:<16} {:>6} {:>6} {:>8} {:>8} {:>10} {:>7}",
        "kind", "gold", "found", "gold ok", "found ok", "precision", "recall"
    )?;
    for (label, score) in [
        ("direct quotes", &report.direct_quotes),
        ("reported speech", &report.indirect_quotes),
    ] {
        writeln!(
            out,
            "{label:<16} {:>6} {:>6} {:>8} {:>8} {:>10.3} {:>7.3}",
            score.gold,
            score.found,
            score.gold_matched,
            score.found_matched,
            score.precision(),
            score.recall()
        )?;
    }
    let mut ranked: Vec<_> = report.mismatches.iter().collect();
    ranked.sort_by_key(|article| std::cmp::Reverse(article.missed.len() + article.extra.len()));
    if worst > 0 && !ranked.is_empty() {
        writeln!(
            out,
            "\nWorst PolNeAR articles (person speakers by surname):"
        )?;
    }
    for article in ranked.into_iter().take(worst) {
        writeln!(out, "  {}", article.id)?;
        for (label, names) in [("missed", &article.missed), ("extra", &article.extra)] {
            if !names.is_empty() {
                writeln!(out, "    {label}: {}", names.join(", "))?;
            }
        }
    }
    Ok(())
}

/// Writes the closing summary of an indexing run.
pub fn write_index_summary(out: &mut dyn Write, summary: &IndexSummary) -> io::Result<()> {
    let seconds = summary.elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        summary.articles as f64 / seconds
    } else {
        0.0
    };
    if let Some(reason) = summary.rebuilt.as_deref().filter(|r| *r != "new index") {
        writeln!(out, "Rebuilt the index from scratch: {reason}.")?;
    }
    writeln!(
        out,
        "Indexed {} ({}) in {:.2}s ({:.0} articles/s); the index holds {} ({}).",
        plural(summary.articles, "article"),
        plural(summary.passages, "passage"),
        seconds,
        rate,
        plural(summary.total_articles, "article"),
        plural(summary.total_passages, "passage"),
    )?;
    if summary.duplicate_groups > 0 {
        writeln!(
            out,
            "Found {} of near-duplicate articles (shown once in results).",
            plural(summary.duplicate_groups as u64, "group")
        )?;
    }
    writeln!(
        out,
        "Files: {} added, {} updated, {} removed, {} unchanged, {} skipped.",
        summary.added,
        summary.updated,
        summary.removed,
        summary.unchanged,
        summary.skipped.len()
    )?;
    const SHOWN: usize = 10;
    for problem in summary.skipped.iter().take(SHOWN) {
        writeln!(out, "  skipped {problem}")?;
    }
    if summary.skipped.len() > SHOWN {
        writeln!(
            out,
            "  … and {} more skipped",
            summary.skipped.len() - SHOWN
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_keep_two_significant_digits() {
        assert_eq!(two_significant_digits(131_873), 130_000);
        assert_eq!(two_significant_digits(5_551), 5_600);
        assert_eq!(two_significant_digits(87), 87);
        assert_eq!(total_of(1, true, "quote"), "1 quote");
        assert_eq!(total_of(131_873, true, "quote"), "131873 quotes");
        assert_eq!(total_of(131_873, false, "quote"), "about 130000 quotes");
    }

    #[test]
    fn bars_scale_to_the_largest_count_and_never_vanish() {
        assert_eq!(bar(4, 4).chars().count(), BAR_WIDTH);
        assert_eq!(bar(2, 4), "█".repeat(BAR_WIDTH / 2));
        assert_eq!(bar(1, 1000), "▏");
        assert_eq!(bar(0, 4), "");
    }

    #[test]
    fn plain_highlights_use_markers() {
        let style = Style::new(false);
        assert_eq!(
            style.highlight("the peace plan", &[(4, 9), (10, 14)], None),
            "the **peace** **plan**"
        );
    }

    #[test]
    fn coloured_highlights_use_ansi() {
        let style = Style::new(true);
        assert_eq!(
            style.highlight("a b", &[(2, 3)], None),
            "a \x1b[1;31mb\x1b[0m"
        );
    }

    #[test]
    fn bad_ranges_are_ignored_not_panicked_on() {
        let style = Style::new(false);
        assert_eq!(style.highlight("é", &[(1, 2), (0, 9)], None), "é");
    }
}
