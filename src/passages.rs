//! Splitting an article body into passages, the unit newsdex ranks and shows.
//!
//! A passage is a paragraph; a paragraph longer than [`MAX_PASSAGE_WORDS`] is
//! cut at sentence boundaries into pieces of roughly that size, so a single
//! wall of text (common in scraped articles) does not become one huge hit.
//! This module does not look at what the text means.

use std::borrow::Cow;

use crate::text::sentence_spans;

/// Paragraphs longer than this many words are split at sentence boundaries.
pub const MAX_PASSAGE_WORDS: usize = 150;

/// Splits paragraphs into passages, preserving order. Paragraphs are the
/// passages, borrowed, when none is too long (as in most articles).
pub fn split_passages(paragraphs: &[String]) -> Cow<'_, [String]> {
    if !paragraphs
        .iter()
        .any(|paragraph| more_words_than(paragraph, MAX_PASSAGE_WORDS))
    {
        return Cow::Borrowed(paragraphs);
    }
    let mut passages = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        if !more_words_than(paragraph, MAX_PASSAGE_WORDS) {
            passages.push(paragraph.clone());
            continue;
        }
        let mut current = String::new();
        let mut current_words = 0;
        for (start, end) in sentence_spans(paragraph) {
            let sentence = &paragraph[start..end];
            let words = word_count(sentence);
            if current_words > 0 && current_words + words > MAX_PASSAGE_WORDS {
                passages.push(std::mem::take(&mut current));
                current_words = 0;
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(sentence);
            current_words += words;
        }
        if !current.is_empty() {
            passages.push(current);
        }
    }
    Cow::Owned(passages)
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// True when `text` has more than `limit` words. Paragraphs are
/// whitespace-normalised, so words are one more than the spaces.
fn more_words_than(text: &str, limit: usize) -> bool {
    bytecount_spaces(text) >= limit
}

fn bytecount_spaces(text: &str) -> usize {
    text.bytes().filter(|&byte| byte == b' ').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_paragraphs_are_passages() {
        let paragraphs = vec!["One.".to_string(), "Two words.".to_string()];
        let passages = split_passages(&paragraphs);
        // Not copied: the paragraphs are the passages.
        assert!(matches!(passages, Cow::Borrowed(_)));
        assert_eq!(*passages, paragraphs[..]);
    }

    #[test]
    fn long_paragraph_is_cut_at_sentences() {
        let sentence = "This sentence has exactly ten words in it, you see. ";
        let paragraph = sentence.repeat(40).trim().to_string();
        let paragraphs = [paragraph];
        let passages = split_passages(&paragraphs);
        assert!(matches!(passages, Cow::Owned(_)));
        assert_eq!(passages.len(), 3);
        for passage in passages.iter() {
            assert!(word_count(passage) <= MAX_PASSAGE_WORDS);
            assert!(passage.ends_with("you see."));
        }
        assert_eq!(passages.iter().map(|p| word_count(p)).sum::<usize>(), 400);
    }
}
