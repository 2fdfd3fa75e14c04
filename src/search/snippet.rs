//! Highlighted snippets, built from a passage's stored text and the query's terms.
//!
//! Tantivy's `SnippetGenerator` re-scores fragments for every hit; passages are
//! already short, so this highlighter only re-tokenizes the passage with the
//! field's own analyzer, marks tokens whose analysed form is a query term, and
//! cuts a window around the densest run of matches when the passage is long.
//! It knows nothing about ranking or output formats.

use std::collections::HashSet;

use tantivy::tokenizer::TextAnalyzer;

/// A piece of text with byte ranges to highlight.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlighted {
    /// The text shown (may be a window of the original, with `…` at cut ends).
    pub text: String,
    /// Byte ranges into `text`, sorted and non-overlapping.
    pub ranges: Vec<(usize, usize)>,
}

/// Marks every token of `text` that `analyzer` turns into one of `terms`.
///
/// Stemming every word of every shown passage is most of a search's cost, so
/// words are split the way the analyzer splits them (runs of alphanumerics)
/// and only those that could stem to a term are analysed: an English stem
/// keeps all but at most its last two characters as a prefix of the word
/// ("happi" from "happiness", "die" from "dying").
pub fn highlight(
    text: &str,
    analyzer: &mut TextAnalyzer,
    terms: &HashSet<String>,
) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    if terms.is_empty() {
        return ranges;
    }
    let prefixes: Vec<&str> = terms
        .iter()
        .map(|term| {
            let keep = term.chars().count().saturating_sub(2).max(1);
            let end = term.char_indices().nth(keep).map_or(term.len(), |(i, _)| i);
            &term[..end]
        })
        .collect();
    // Most words fail on their first letter: test that first, from a table.
    let mut first_letters = [false; 128];
    for prefix in &prefixes {
        if let Some(&byte) = prefix.as_bytes().first().filter(|byte| byte.is_ascii()) {
            first_letters[usize::from(byte.to_ascii_lowercase())] = true;
        }
    }
    for (start, word) in words(text) {
        let first = word.as_bytes()[0];
        let may_match = !first.is_ascii() || first_letters[usize::from(first.to_ascii_lowercase())];
        if !may_match
            || !prefixes
                .iter()
                .any(|prefix| starts_with_ignoring_case(word, prefix))
        {
            continue;
        }
        let mut stream = analyzer.token_stream(word);
        let matched = stream.advance() && terms.contains(&stream.token().text);
        if matched {
            let end = start + word.len();
            match ranges.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => ranges.push((start, end)),
            }
        }
    }
    ranges
}

/// Runs of alphanumeric characters with their byte offsets, as Tantivy's
/// `SimpleTokenizer` cuts them.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    // Whether the character at `i` is alphanumeric, and its length. ASCII,
    // nearly all of it, is read from a table without decoding.
    let char_at = move |i: usize| -> (bool, usize) {
        let byte = bytes[i];
        if byte.is_ascii() {
            (ASCII_ALPHANUMERIC[usize::from(byte)], 1)
        } else {
            text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
        }
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            if at >= bytes.len() {
                return None;
            }
            let (alphanumeric, len) = char_at(at);
            if alphanumeric {
                break;
            }
            at += len;
        }
        let start = at;
        while at < bytes.len() {
            // The common case, an ASCII letter or digit, without a call.
            if ASCII_ALPHANUMERIC[usize::from(bytes[at])] {
                at += 1;
                continue;
            }
            let (alphanumeric, len) = char_at(at);
            if !alphanumeric {
                break;
            }
            at += len;
        }
        Some((start, &text[start..at]))
    })
}

/// For each byte, whether it is an ASCII letter or digit (false past ASCII).
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

/// `word` starts with the lower-case `prefix`, ignoring the case of `word`.
fn starts_with_ignoring_case(word: &str, prefix: &str) -> bool {
    if word.is_ascii() && prefix.is_ascii() {
        return word.len() >= prefix.len()
            && word.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes());
    }
    let mut lower = word.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// Builds the snippet of a passage: the whole passage when it fits in
/// `max_chars`, else the window of about that size holding the most matches,
/// widened to word boundaries and marked with `…` where cut.
pub fn snippet(text: &str, ranges: &[(usize, usize)], max_chars: usize) -> Highlighted {
    if text.chars().count() <= max_chars {
        return Highlighted {
            text: text.to_string(),
            ranges: ranges.to_vec(),
        };
    }
    let max_bytes = byte_len_of_chars(text, max_chars);
    let (window_start, window_end) = best_window(text, ranges, max_bytes);
    let start = word_start_at_or_before(text, window_start);
    let end = word_end_at_or_after(text, window_end.max(start));
    let mut shown = String::with_capacity(end - start + 8);
    let prefix = if start > 0 { "… " } else { "" };
    shown.push_str(prefix);
    shown.push_str(text[start..end].trim());
    let leading_trim = text[start..end].len() - text[start..end].trim_start().len();
    if end < text.len() {
        shown.push_str(" …");
    }
    let offset = prefix.len() as isize - (start + leading_trim) as isize;
    let body_end = prefix.len() + text[start..end].trim().len();
    let shifted = ranges
        .iter()
        .filter(|(from, to)| *from >= start + leading_trim && *to <= end)
        .map(|(from, to)| {
            (
                (*from as isize + offset) as usize,
                (*to as isize + offset) as usize,
            )
        })
        .filter(|(_, to)| *to <= body_end)
        .collect();
    Highlighted {
        text: shown,
        ranges: shifted,
    }
}

/// The byte window of at most `max_bytes` (approximately) with the most
/// highlighted ranges, starting a little before its first match so the match
/// has context.
fn best_window(text: &str, ranges: &[(usize, usize)], max_bytes: usize) -> (usize, usize) {
    if ranges.is_empty() {
        return (0, max_bytes.min(text.len()));
    }
    let mut best = (0usize, 0usize); // (count, index of first range)
    for (first, (from, _)) in ranges.iter().enumerate() {
        let count = ranges[first..]
            .iter()
            .take_while(|(_, to)| *to <= from + max_bytes)
            .count();
        if count > best.0 {
            best = (count, first);
        }
    }
    let lead_in = max_bytes / 5;
    let first_match = ranges[best.1].0;
    // A match near the top reads best from the very beginning.
    let mut start = if first_match <= lead_in * 2 {
        0
    } else {
        first_match - lead_in
    };
    // Prefer to start at the beginning of the sentence when it is close.
    if let Some(sentence_start) = text[..first_match]
        .rfind(". ")
        .map(|p| p + 2)
        .filter(|sentence_start| first_match - sentence_start <= lead_in)
    {
        start = sentence_start;
    }
    let end = (start + max_bytes).min(text.len());
    let start = if end == text.len() {
        text.len().saturating_sub(max_bytes)
    } else {
        start
    };
    (
        floor_char_boundary(text, start),
        floor_char_boundary(text, end),
    )
}

fn byte_len_of_chars(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn word_start_at_or_before(text: &str, index: usize) -> usize {
    if index == 0 {
        return 0;
    }
    // Step over the whole whitespace character: it may be more than one byte.
    text[..index]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(p, c)| p + c.len_utf8())
}

fn word_end_at_or_after(text: &str, index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    text[index..]
        .find(char::is_whitespace)
        .map_or(text.len(), |p| index + p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, Stemmer, TokenStream, Tokenizer};

    fn analyzer() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::default())
            .build()
    }

    #[test]
    fn words_are_cut_as_the_analyzer_cuts_them() {
        let text = "Élan, naïve café—O'Neill's 2,000 km²; Zoë's ΑΒΓ déjà-vu! x";
        let mut tokenizer = SimpleTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut expected = Vec::new();
        while stream.advance() {
            let token = stream.token();
            expected.push((token.offset_from, &text[token.offset_from..token.offset_to]));
        }
        assert_eq!(words(text).collect::<Vec<_>>(), expected);
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" , ").count(), 0);
    }

    fn terms(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    fn marked(h: &Highlighted) -> String {
        let mut out = String::new();
        let mut last = 0;
        for (from, to) in &h.ranges {
            out.push_str(&h.text[last..*from]);
            out.push_str("**");
            out.push_str(&h.text[*from..*to]);
            out.push_str("**");
            last = *to;
        }
        out.push_str(&h.text[last..]);
        out
    }

    #[test]
    fn highlights_stemmed_matches_whatever_the_case() {
        // The stemmer folds "peaceful" into "peac" too: highlights show what matched.
        let text = "Talks on the Peace plans continued; peaceful talking.";
        let ranges = highlight(text, &mut analyzer(), &terms(&["peac", "plan", "talk"]));
        let h = snippet(text, &ranges, 300);
        assert_eq!(
            marked(&h),
            "**Talks** on the **Peace** **plans** continued; **peaceful** **talking**."
        );
    }

    #[test]
    fn irregular_stems_and_unicode_words_still_highlight() {
        let text = "Dying Élan: the ÉLANS of Zürich";
        let ranges = highlight(text, &mut analyzer(), &terms(&["die", "élan", "zürich"]));
        let shown: Vec<&str> = ranges.iter().map(|(f, t)| &text[*f..*t]).collect();
        assert_eq!(shown, ["Dying", "Élan", "ÉLANS", "Zürich"]);
    }

    #[test]
    fn long_passages_are_cut_around_the_matches() {
        let filler = "Nothing to see in this sentence at all. ".repeat(20);
        let text = format!("{filler}The envoy met Ushakov in Moscow. {filler}");
        let ranges = highlight(&text, &mut analyzer(), &terms(&["ushakov"]));
        let h = snippet(&text, &ranges, 200);
        assert!(h.text.starts_with("… "), "{}", h.text);
        assert!(h.text.ends_with(" …"), "{}", h.text);
        assert!(h.text.chars().count() <= 210);
        assert_eq!(h.ranges.len(), 1);
        let (from, to) = h.ranges[0];
        assert_eq!(&h.text[from..to], "Ushakov");
    }

    #[test]
    fn cuts_after_wide_whitespace_stay_on_char_boundaries() {
        let text = format!(
            "{}\u{a0}Zelensky said {}",
            "word ".repeat(60),
            "more ".repeat(60)
        );
        let ranges = highlight(&text, &mut analyzer(), &terms(&["zelenski", "zelensky"]));
        let h = snippet(&text, &ranges, 40);
        assert!(h.ranges.iter().all(|(f, t)| h.text.get(*f..*t).is_some()));
    }

    #[test]
    fn unicode_text_is_cut_on_char_boundaries() {
        let text = "é".repeat(500) + " Zelensky said " + &"ü".repeat(500);
        let ranges = highlight(&text, &mut analyzer(), &terms(&["zelenski", "zelensky"]));
        let h = snippet(&text, &ranges, 100);
        assert!(
            h.ranges
                .iter()
                .all(|(f, t)| h.text.is_char_boundary(*f) && h.text.is_char_boundary(*t))
        );
    }
}
