//! Cutting a sentence into word, number, quote and punctuation tokens.
//!
//! Tokens are byte ranges into the passage text, so nothing is copied. A token
//! also records what later stages need to know cheaply: whether it is inside a
//! double-quoted stretch, whether it starts a sentence or a quotation, and
//! where a possessive `'s` or a lower-case hyphen suffix ("London-based")
//! begins. This module knows nothing about names or speech.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Starts with a letter: "Trump's", "U.S.", "London-based", "don't".
    Word,
    /// Starts with a digit: "14", "2,000", "28-point", "1990s".
    Number,
    /// An opening quotation mark.
    OpenQuote,
    /// A closing quotation mark.
    CloseQuote,
    /// Any other single character that is not whitespace.
    Punct,
}

/// One token: a byte range into the passage plus cheap facts about it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
    /// End of the name-like core: before a possessive `'s` or a hyphen that
    /// starts a lower-case part ("U.S.-authored" → "U.S.").
    pub core_end: usize,
    /// What kind of token it is.
    pub kind: Kind,
    /// True when a lower-case hyphen suffix follows the core ("-based").
    pub hyphen_suffix: bool,
    /// True when the word ends in a possessive `'s`.
    pub possessive: bool,
    /// True when whitespace (or the sentence start) precedes the token.
    pub space_before: bool,
    /// True inside a double-quoted stretch.
    pub in_quote: bool,
    /// True for the first word of a sentence or of a quotation.
    pub initial: bool,
}

impl Token {
    /// The whole token.
    pub fn text<'a>(&self, passage: &'a str) -> &'a str {
        &passage[self.start..self.end]
    }

    /// True for a word whose first character is upper case.
    pub fn is_capitalized(&self, passage: &str) -> bool {
        self.kind == Kind::Word && starts_upper(&passage[self.start..])
    }

    /// True for punctuation token `c`.
    pub fn is_punct(&self, passage: &str, c: char) -> bool {
        self.kind == Kind::Punct && passage[self.start..].starts_with(c)
    }
}

/// True when `text` starts with an upper-case character.
#[inline]
pub(crate) fn starts_upper(text: &str) -> bool {
    // Asked of nearly every token: answer ASCII without decoding.
    match text.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Appends the tokens of `text[range]` to `out`.
///
/// `in_quote` carries the double-quote state from sentence to sentence within a
/// passage; callers reset it at each passage.
pub(crate) fn tokenize(
    text: &str,
    range: (usize, usize),
    in_quote: &mut bool,
    out: &mut Vec<Token>,
) {
    let (mut i, end) = range;
    let mut space_before = true;
    let mut initial = true;
    let first = out.len();
    let bytes = text.as_bytes();
    while i < end {
        // ASCII is nearly all of English news text: classify it by table and
        // decode only the rest.
        let b = bytes[i];
        let class = BYTE_CLASS[usize::from(b)];
        if class == SPACE {
            space_before = true;
            i += 1;
            continue;
        }
        let c = if class == NON_ASCII {
            match text[i..end].chars().next() {
                Some(c) => c,
                None => break,
            }
        } else {
            char::from(b)
        };
        if class == NON_ASCII && c.is_whitespace() {
            space_before = true;
            i += c.len_utf8();
            continue;
        }
        let len = c.len_utf8();
        let mut token = Token {
            start: i,
            end: i + len,
            core_end: i + len,
            kind: Kind::Punct,
            hyphen_suffix: false,
            possessive: false,
            space_before,
            in_quote: *in_quote,
            initial: false,
        };
        if class == LETTER || (class == NON_ASCII && c.is_alphabetic()) {
            scan_word(text, end, &mut token);
            token.initial = initial;
            initial = false;
        } else if class == DIGIT {
            scan_number(text, end, &mut token);
            initial = false;
        } else {
            // Two apostrophes stand for a double quotation mark in
            // typewritten and some wire text (`''It's over,'' he said`).
            let two_apostrophes = c == '\'' && i + 2 <= end && bytes[i + 1] == b'\'';
            if two_apostrophes {
                token.end = i + 2;
                token.core_end = i + 2;
            }
            match c {
                '“' | '‘' => token.kind = Kind::OpenQuote,
                '”' | '’' => token.kind = Kind::CloseQuote,
                '"' | '\'' => {
                    // Straight quotes open after whitespace or an opening
                    // bracket and close after anything else.
                    let after_open = out[first..].last().is_some_and(|t: &Token| {
                        t.kind == Kind::OpenQuote || t.is_punct(text, '(')
                    });
                    token.kind = if space_before || after_open || i == range.0 {
                        Kind::OpenQuote
                    } else {
                        Kind::CloseQuote
                    };
                }
                _ => {}
            }
            let is_double = matches!(c, '"' | '“' | '”') || two_apostrophes;
            if is_double {
                *in_quote = token.kind == Kind::OpenQuote;
                token.in_quote = *in_quote;
            }
            if token.kind == Kind::OpenQuote || c == ':' {
                initial = true;
            }
        }
        i = token.end;
        out.push(token);
        space_before = false;
    }
}

/// Byte classes for [`BYTE_CLASS`]. `OTHER` is ASCII punctuation and control
/// characters that are not whitespace.
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 3;
/// A byte of a multi-byte character, which must be decoded to classify.
const NON_ASCII: u8 = 4;

/// The class of every byte value, so the tokenizer's per-character tests are
/// one load. Whitespace is exactly the ASCII characters `char::is_whitespace`
/// accepts.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            NON_ASCII
        } else if matches!(byte, b' ' | b'\t'..=b'\r') {
            SPACE
        } else if byte.is_ascii_alphabetic() {
            LETTER
        } else if byte.is_ascii_digit() {
            DIGIT
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// The number of ASCII letters and digits `bytes` starts with.
///
/// Eight bytes at a time: most words are shorter than that, so the length
/// comes out of arithmetic instead of a loop whose exit the branch predictor
/// misses at nearly every word.
fn ascii_alnum_prefix(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn splat(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        // With the high bits cleared no byte carries into the next below;
        // the high bit of each byte of `x + (0x80 - lo)` is set when the
        // byte is at least `lo`.
        let low7 = word & !HIGH;
        let folded = low7 | splat(0x20);
        let letter = (folded + splat(0x80 - b'a')) & !(folded + splat(0x7f - b'z'));
        let digit = (low7 + splat(0x80 - b'0')) & !(low7 + splat(0x7f - b'9'));
        let alnum = (letter | digit) & !word & HIGH;
        if alnum != HIGH {
            return n + ((!alnum & HIGH).trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count()
}

/// Lower-case words that, after a hyphen, make the part before it a modifier
/// ("London-based", "Kremlin-backed") rather than part of a name ("Ki-moon").
const HYPHEN_SUFFIXES: &[&str] = &[
    "based",
    "born",
    "led",
    "backed",
    "era",
    "style",
    "made",
    "owned",
    "run",
    "funded",
    "like",
    "related",
    "authored",
    "bound",
    "controlled",
    "occupied",
    "held",
    "linked",
    "affiliated",
    "friendly",
    "centric",
    "inspired",
    "sponsored",
    "dominated",
    "appointed",
    "elect",
    "turned",
    "esque",
    "ish",
    "wide",
    "area",
    "type",
    "class",
    "level",
    "speaking",
    "language",
    "built",
    "designed",
    "produced",
    "listed",
    "registered",
    "bred",
    "raised",
    "educated",
    "trained",
    "focused",
    "specific",
    "only",
    "free",
    "supported",
    "allied",
    "aligned",
    "imposed",
    "brokered",
    "mediated",
    "sanctioned",
    "approved",
    "owned",
    "operated",
    "headquartered",
    "style",
    "themed",
    "branded",
    "specific",
    "wise",
    "ward",
    "wards",
    "bashing",
    "skeptic",
    "sceptic",
    "sceptics",
    "skeptics",
    "loving",
    "hating",
    "supporting",
    "leaning",
];

/// Extends a word token: letters, digits, inner apostrophes, inner hyphens and
/// dotted abbreviations ("U.S.").
fn scan_word(text: &str, limit: usize, token: &mut Token) {
    // Fast path: most words are plain ASCII letters, which the loop below
    // would only step over one char at a time.
    let bytes = text.as_bytes();
    // Scanned past `limit` and clamped, so words near a sentence end still
    // take the eight-byte steps.
    let mut end = token.start + ascii_alnum_prefix(&bytes[token.start..]).min(limit - token.start);
    let plain_end = end;
    // Most words end at a space or a comma: nothing below can extend them.
    let plain_stop = bytes
        .get(plain_end)
        .is_none_or(|&b| b.is_ascii() && !matches!(b, b'\'' | b'-' | b'&' | b'.'));
    if plain_end == limit || plain_stop {
        token.kind = Kind::Word;
        token.end = plain_end;
        token.core_end = plain_end;
        return;
    }
    let mut dotted = false;
    let mut core_end = None;
    let mut chars = text[plain_end..limit].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        let here = plain_end + off;
        let next = chars.peek().map(|&(_, n)| n);
        let inner_apostrophe = matches!(c, '\'' | '’') && next.is_some_and(char::is_alphabetic);
        if c.is_alphanumeric() || inner_apostrophe {
            end = here + c.len_utf8();
        } else if c == '-' && next.is_some_and(char::is_alphanumeric) {
            if core_end.is_none() && next.is_some_and(|n| !n.is_uppercase()) {
                core_end = Some(here);
            }
            end = here + 1;
        } else if c == '&' && next.is_some_and(char::is_uppercase) {
            end = here + 1;
        } else if c == '.' {
            // "U.S" continues; the closing dot of "U.S." belongs to the word.
            if next.is_some_and(char::is_alphabetic) {
                dotted = true;
                end = here + 1;
            } else if dotted && !ends_in_domain(&text[token.start..here]) {
                end = here + 1;
                break;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    token.kind = Kind::Word;
    token.end = end;
    // Cut "London-based" to "London" but keep "Ki-moon" whole.
    let core_end = core_end.filter(|&h| {
        let suffix = &text[h + 1..end];
        let first = suffix.split('-').next().unwrap_or(suffix);
        HYPHEN_SUFFIXES.contains(&first) || !text[token.start..h].chars().any(char::is_lowercase)
    });
    token.hyphen_suffix = core_end.is_some();
    let mut core = core_end.unwrap_or(end);
    for suffix in ["'s", "’s"] {
        if text[token.start..core].ends_with(suffix) && core - token.start > suffix.len() {
            core -= suffix.len();
            token.possessive = core_end.is_none();
            break;
        }
    }
    token.core_end = core;
}

/// True when a dotted word ends in a lower-case part of two letters or
/// more ("Amazon.com"): a web address, whose sentence's full stop is not
/// its own, unlike the closing dot of "U.S.".
fn ends_in_domain(word: &str) -> bool {
    word.rsplit('.')
        .next()
        .is_some_and(|part| part.len() > 1 && part.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Extends a number token: digits with inner `,` `.` `-` `/` and letter suffixes.
fn scan_number(text: &str, limit: usize, token: &mut Token) {
    let bytes = text.as_bytes();
    let mut end = token.start;
    while end < limit {
        let b = bytes[end];
        let next_alnum = bytes
            .get(end + 1)
            .is_some_and(|n| n.is_ascii_alphanumeric());
        if b.is_ascii_alphanumeric() || (matches!(b, b',' | b'.' | b'-' | b'/') && next_alnum) {
            end += 1;
        } else {
            break;
        }
    }
    token.kind = Kind::Number;
    token.end = end;
    token.core_end = end;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, Kind)> {
        let mut out = Vec::new();
        tokenize(text, (0, text.len()), &mut false, &mut out);
        out.iter()
            .map(|t| (text[t.start..t.core_end].to_string(), t.kind))
            .collect()
    }

    #[test]
    fn words_keep_abbreviations_and_strip_possessives() {
        let words: Vec<_> = toks("Trump's U.S.-authored plan, Ushakov’s call, London-based")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(
            words,
            [
                "Trump", "U.S.", "-", "authored", "plan", ",", "Ushakov", "call", ",", "London"
            ]
        );
    }

    #[test]
    fn alnum_prefix_matches_a_byte_walk() {
        // Every byte value at every position of a word of up to a dozen bytes.
        for len in 0..12 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut word = vec![b'k'; len];
                    word[at] = b;
                    let walked = word
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric())
                        .count();
                    assert_eq!(ascii_alnum_prefix(&word), walked, "{word:?}");
                }
            }
        }
    }

    #[test]
    fn byte_classes_agree_with_char_tests() {
        for b in 0..=127u8 {
            let c = char::from(b);
            let expected = if c.is_whitespace() {
                SPACE
            } else if c.is_alphabetic() {
                LETTER
            } else if c.is_ascii_digit() {
                DIGIT
            } else {
                OTHER
            };
            assert_eq!(BYTE_CLASS[usize::from(b)], expected, "{b}");
        }
    }

    #[test]
    fn numbers_and_quotes() {
        let t = toks("\"It cost 2,000,\" he said on 14 October.");
        assert_eq!(t[0].1, Kind::OpenQuote);
        assert_eq!(t[3], ("2,000".to_string(), Kind::Number));
        assert_eq!(t[5].1, Kind::CloseQuote);
    }

    #[test]
    fn quote_state_and_initial_words() {
        let text = "Ms Hewitt said: \"We have.\" She left.";
        let mut out = Vec::new();
        tokenize(text, (0, text.len()), &mut false, &mut out);
        let we = out
            .iter()
            .find(|t| t.text(text) == "We")
            .map(|t| (t.in_quote, t.initial));
        assert_eq!(we, Some((true, true)));
        let she = out
            .iter()
            .find(|t| t.text(text) == "She")
            .map(|t| t.in_quote);
        assert_eq!(she, Some(false));
    }
}
