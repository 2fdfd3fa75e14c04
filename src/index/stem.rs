//! English stemming with a memo of words already stemmed.
//!
//! Stemming was the largest single cost of indexing (about a quarter of all
//! instructions spent building the BBC index): the Snowball algorithm runs
//! for every word of every passage, title and quote, although news text
//! repeats a few tens of thousands of distinct words. This filter stems each
//! distinct word once per analyzer and then answers from a table. Its output
//! is exactly the Snowball stemmer's (a test checks it against Tantivy's own
//! `Stemmer`). It does not lower-case: put it after `LowerCaser`, as the
//! algorithm expects.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Distinct words remembered before the table starts afresh: a bound on
/// memory for unending streams of novel tokens (numbers, typos), far above
/// the vocabulary of any one corpus's common words.
const MAX_REMEMBERED: usize = 200_000;

type Memo = HashMap<String, String, BuildHasherDefault<FxHasher>>;

/// A [`TokenFilter`] that replaces each token by its English stem.
#[derive(Clone, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            memo: Memo::default(),
        }
    }
}

/// The tokenizer [`CachedStemmer`] builds; owns the memo, so each clone of
/// an analyzer (Tantivy clones one per indexing thread) has its own and no
/// lock is taken.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    memo: Memo,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.memo.len() > MAX_REMEMBERED {
            self.memo.clear();
        }
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
        }
    }
}

/// Token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<'a, T> {
    tail: T,
    memo: &'a mut Memo,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        match self.memo.get(token.text.as_str()) {
            Some(stem) => {
                token.text.clear();
                token.text.push_str(stem);
            }
            None => {
                let stem = stem_english(&token.text);
                let word = std::mem::replace(&mut token.text, stem.clone());
                self.memo.insert(word, stem);
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The Snowball English stem of a lower-cased word.
pub fn stem_english(word: &str) -> String {
    frostem::Stemmer::new(frostem::Algorithm::English)
        .stem(word)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    use super::*;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn same_stems_as_tantivys_stemmer_including_repeats() {
        let text = "Ministers said the talks were running; running talks, \
                    said ministers, generously and generally, again and again. \
                    Négociations continuèrent 2025 O'Neill's";
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::default())
            .build();
        let expected = tokens(&mut plain, text);
        assert!(expected.contains(&"minist".to_string()));
        // Twice: the second pass answers from the memo.
        assert_eq!(tokens(&mut cached, text), expected);
        assert_eq!(tokens(&mut cached, text), expected);
    }

    #[test]
    fn offsets_and_positions_are_the_tails() {
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let mut stream = analyzer.token_stream("Talks talks");
        let mut seen = Vec::new();
        while stream.advance() {
            let token = stream.token();
            seen.push((token.text.clone(), token.offset_from, token.position));
        }
        assert_eq!(
            seen,
            vec![("talk".to_string(), 0, 0), ("talk".to_string(), 6, 1)]
        );
    }
}
