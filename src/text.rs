//! Small text utilities shared by several stages: sentence boundaries and
//! whitespace normalisation. No language analysis beyond that lives here.

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "rev", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    "mt", "ft", "approx", "dept", "est", "fig", "gov", "hon", "maj", "messrs",
];

/// Collapses every run of whitespace to one space and trims the ends.
pub fn normalize_whitespace(text: &str) -> String {
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
    let bytes = text.as_bytes();
    let clean = text.is_ascii()
        && bytes.first().is_none_or(|b| !b.is_ascii_whitespace())
        && bytes.last().is_none_or(|b| !b.is_ascii_whitespace())
        && !bytes
            .windows(2)
            .any(|pair| pair[0] == b' ' && pair[1] == b' ')
        && !bytes
            .iter()
            .any(|&b| b.is_ascii_whitespace() && b != b' ' || b == 0x0b);
    if clean {
        text
    } else {
        normalize_whitespace(&text)
    }
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
        let mut end = i + 1;
        while let Some(next) = text[end..].chars().next() {
            if matches!(next, '"' | '\'' | '”' | '’' | ')' | ']' | '.' | '!' | '?') {
                end += next.len_utf8();
            } else {
                break;
            }
        }
        let dot = i;
        i = end;
        let rest = &text[end..];
        let trimmed = rest.trim_start();
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
            let sentence = text[start..end].trim();
            if !sentence.is_empty() {
                let lead = text[start..end].len() - text[start..end].trim_start().len();
                spans.push((start + lead, start + lead + sentence.len()));
            }
            start = end;
        }
    }
    let tail = &text[start..];
    if !tail.trim().is_empty() {
        let lead = tail.len() - tail.trim_start().len();
        spans.push((start + lead, start + lead + tail.trim().len()));
    }
    spans
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
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "J. Smith"
    }
    // Compared without lower-casing into a new String: this runs at every stop.
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

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
    }
}
