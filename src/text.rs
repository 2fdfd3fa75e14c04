//! Small text utilities shared by several stages: sentence boundaries and
//! whitespace normalisation. No language analysis beyond that lives here.

use std::sync::OnceLock;

use memchr::memmem;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "rev", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    "mt", "ft", "approx", "dept", "est", "fig", "gov", "hon", "maj", "messrs",
];

/// Collapses every run of whitespace to one space and trims the ends.
pub fn normalize_whitespace(text: &str) -> String {
    if is_normalized_ascii(text) {
        // Most parsed paragraphs already are: one copy, no word splitting.
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut words = |word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    if text.is_ascii() && !text.contains('\x0b') {
        // The same split for ASCII text, without decoding chars.
        text.split_ascii_whitespace().for_each(&mut words);
    } else {
        text.split_whitespace().for_each(&mut words);
    }
    out
}

/// [`normalize_whitespace`] for an owned string, which is returned as it is
/// (no copy) when it is already normalised, as most parsed paragraphs are.
pub fn normalize_whitespace_owned(text: String) -> String {
    if is_normalized_ascii(&text) {
        text
    } else {
        normalize_whitespace(&text)
    }
}

/// True when `text` is ASCII and already as [`normalize_whitespace`] leaves
/// it: no whitespace but single spaces between words. Each test is one
/// vectorised scan (a byte-at-a-time check cost as much as the copy it saves).
fn is_normalized_ascii(text: &str) -> bool {
    static DOUBLE_SPACE: OnceLock<memmem::Finder<'static>> = OnceLock::new();
    let bytes = text.as_bytes();
    text.is_ascii()
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && memchr::memchr3(b'\n', b'\r', b'\t', bytes).is_none()
        && memchr::memchr2(0x0b, 0x0c, bytes).is_none()
        && DOUBLE_SPACE
            .get_or_init(|| memmem::Finder::new(b"  "))
            .find(bytes)
            .is_none()
}

/// Splits text into sentences, returning byte ranges into `text`.
///
/// A sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or
/// brackets) when whitespace and then an upper-case letter, digit or opening
/// quote follow. Full stops after common abbreviations, initials ("J. Smith")
/// and inside numbers ("3.5") do not end a sentence.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    // Stops are ASCII and UTF-8 continuation bytes never are, so a
    // vectorised byte search finds exactly the stops a walk over chars
    // would (the byte-at-a-time scan was a tenth of extraction's time).
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(offset) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
        i += offset;
        let c = bytes[i];
        // Extend over closing punctuation: quotes, brackets, further stops.
        // Matched as bytes: ” and ’ are E2 80 9D and E2 80 99 in UTF-8.
        let mut end = i + 1;
        loop {
            match bytes.get(end) {
                Some(b'"' | b'\'' | b')' | b']' | b'.' | b'!' | b'?') => end += 1,
                Some(0xE2) if matches!(bytes.get(end + 1..end + 3), Some([0x80, 0x9D | 0x99])) => {
                    end += 3
                }
                _ => break,
            }
        }
        let dot = i;
        i = end;
        let rest = &text[end..];
        let trimmed = trim_start(rest);
        if trimmed.len() == rest.len() && !rest.is_empty() {
            continue; // no whitespace after the stop: "3.5", "U.S.-Russia"
        }
        let next_char = trimmed.chars().next();
        let starts_sentence = match next_char {
            None => true,
            Some(n) => n.is_uppercase() || n.is_ascii_digit() || "\"'“‘(".contains(n),
        };
        if !starts_sentence || (c == b'.' && is_abbreviation_before(text, dot)) {
            continue;
        }
        if next_char.is_some() {
            spans.extend(trimmed_span(text, start, end));
            start = end;
        }
    }
    spans.extend(trimmed_span(text, start, text.len()));
    spans
}

/// `text[start..end]` without surrounding whitespace, unless nothing is left.
fn trimmed_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let span = &text[start..end];
    let rest = trim_start(span);
    let kept = trim_end(rest).len();
    let lead = span.len() - rest.len();
    (kept > 0).then_some((start + lead, start + lead + kept))
}

/// [`str::trim_end`], stepping over ASCII whitespace without decoding.
fn trim_end(text: &str) -> &str {
    let ascii = text
        .bytes()
        .rev()
        .take_while(|b| matches!(b, b' ' | b'\t'..=b'\r'))
        .count();
    let rest = &text[..text.len() - ascii];
    if rest.as_bytes().last().is_some_and(|b| !b.is_ascii()) {
        rest.trim_end()
    } else {
        rest
    }
}

/// [`str::trim_start`], stepping over ASCII whitespace without decoding.
fn trim_start(text: &str) -> &str {
    let ascii = text
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t'..=b'\r'))
        .count();
    let rest = &text[ascii..];
    if rest.as_bytes().first().is_some_and(|b| !b.is_ascii()) {
        rest.trim_start()
    } else {
        rest
    }
}

/// Splits text into sentences (see [`sentence_spans`]).
pub fn sentences(text: &str) -> Vec<&str> {
    sentence_spans(text)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect()
}

/// True when the full stop at byte `dot` follows an abbreviation or an initial.
fn is_abbreviation_before(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word = &before[word_start(before)..];
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true; // an initial: "J. Smith"
    }
    // Initials run together after a capitalised word: "Rep. G.K. Butterfield"
    // (after a lower-case word only the listed ones, "U.S.", go on).
    if word.len() >= 3
        && word.split('.').all(|initial| {
            let mut chars = initial.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
        })
    {
        let earlier = before[..before.len() - word.len()].trim_end();
        let previous = &earlier[word_start(earlier)..];
        if previous.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
    }
    // Compared as integers, without lower-casing into a new String: this runs
    // at every stop.
    abbreviation_key(word.as_bytes()).is_some_and(|key| ABBREVIATION_KEYS.contains(&key))
}

/// Where the word ending `before` starts: after the last whitespace, `(`, `"`
/// or `“`.
fn word_start(before: &str) -> usize {
    // The word is nearly always ASCII: look at bytes until a delimiter, and
    // only decode when a multi-byte character shows up.
    for (p, &b) in before.as_bytes().iter().enumerate().rev() {
        if !b.is_ascii() {
            return before
                .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
                .map_or(0, |p| {
                    p + before[p..].chars().next().map_or(1, char::len_utf8)
                });
        }
        if matches!(b, b' ' | b'\t'..=b'\r' | b'(' | b'"') {
            return p + 1;
        }
    }
    0
}

/// A word of up to seven bytes as one integer: its ASCII-lower-cased bytes and
/// its length, so two words get the same key exactly when they are equal
/// ignoring ASCII case. `None` for longer words, which no abbreviation is.
const fn abbreviation_key(word: &[u8]) -> Option<u64> {
    if word.len() > 7 {
        return None;
    }
    let mut key = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() {
        key |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    Some(key)
}

/// [`abbreviation_key`] of every entry of [`ABBREVIATIONS`].
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = match abbreviation_key(ABBREVIATIONS[i].as_bytes()) {
            Some(key) => key,
            None => panic!("abbreviations are at most seven bytes"),
        };
        i += 1;
    }
    keys
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("It rained. Then it stopped! Did it? Yes."),
            vec!["It rained.", "Then it stopped!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_numbers_together() {
        let text = "Mr. Smith met J. R. Jones in the U.S. capital. Growth was 3.5% this year.";
        assert_eq!(
            sentences(text),
            vec![
                "Mr. Smith met J. R. Jones in the U.S. capital.",
                "Growth was 3.5% this year."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let text = "\"We will win.\" She left. “Never,” he said.";
        assert_eq!(
            sentences(text),
            vec!["\"We will win.\"", "She left.", "“Never,” he said."]
        );
    }

    #[test]
    fn abbreviations_ignore_case_and_other_words_end_sentences() {
        assert_eq!(
            sentences("MR. Smith came. APPROX. 5 left. Messrs. Ab and Cd met. É. Zola wrote."),
            vec![
                "MR. Smith came.",
                "APPROX. 5 left.",
                "Messrs. Ab and Cd met.",
                "É. Zola wrote."
            ]
        );
        assert_eq!(
            sentences("He left (Mr. Jones stayed).\u{a0}Then “Ms. Lee” spoke. Café. Open"),
            vec![
                "He left (Mr. Jones stayed).",
                "Then “Ms. Lee” spoke.",
                "Café.",
                "Open"
            ]
        );
    }

    #[test]
    fn lower_case_after_stop_does_not_split() {
        assert_eq!(
            sentences("Sales rose 5 p.c. last year."),
            vec!["Sales rose 5 p.c. last year."]
        );
    }

    #[test]
    fn normalizes_whitespace() {
        assert_eq!(normalize_whitespace("  a \n\t b  "), "a b");
        assert_eq!(normalize_whitespace("\u{a0}é  ü\r\n"), "é ü");
        assert_eq!(normalize_whitespace(""), "");
        assert_eq!(normalize_whitespace_owned("a b".to_string()), "a b");
        assert_eq!(normalize_whitespace_owned(" a  b\n".to_string()), "a b");
        assert_eq!(normalize_whitespace_owned("a\u{a0}b".to_string()), "a b");
        // Each whitespace byte the quick check looks for, alone between words.
        for odd in ["\n", "\r", "\t", "\x0b", "\x0c", "  "] {
            assert_eq!(normalize_whitespace(&format!("a{odd}b")), "a b", "{odd:?}");
            assert_eq!(normalize_whitespace_owned(format!("a{odd}b")), "a b");
        }
        assert_eq!(normalize_whitespace("one two, three."), "one two, three.");
    }
}
