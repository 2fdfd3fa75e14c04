//! Names as words, with their last word marked, so one field answers both
//! `speaker:witkoff` (any word of a name) and `--speaker Blair` (exactly a
//! name, or a person's surname).
//!
//! Each value of a name field is indexed as its words, plus a marked copy
//! of its last word at the same position (see [`push_end_mark`]): `>` in
//! front for a person; for anything else `]` and the name's number of words.
//! "Tony Blair" is `tony`, `blair`+`>blair`; "Liberal Democrats" is
//! `liberal`, `democrats`+`]2democrats`. A person's surname is then one term
//! (`>blair`), a full name or a person's last words a phrase ending in it
//! (`tony >blair`), and an organisation's or a place's name exactly the
//! phrase of its words ending in its end mark (`liberal ]2democrats`): the
//! count rules out longer names with the same ending ("New Labour" is not
//! "Labour").
//!
//! Tried before: exact-match key fields, a term per name and two per person
//! in fields of their own, roughly doubled the distinct terms of a segment;
//! marks at both ends of every name, without the words (one `>` for all
//! persons), made filters read the positions of a term in nearly every
//! passage, and a `--speaker` search took twice as long at a million
//! articles; a start mark on the first word, instead of the count, was a
//! fifth of the tokens of the `entity` field.
//!
//! Marks are not words, so no query typed by a user
//! produces one: the query parser reads these fields with plain word
//! analysis (see [`super::schema::query_tokenizers`]). This module defines
//! the analysis and the matching rule; it does not build documents or run
//! queries.

use tantivy::Term;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{
    LowerCaser, SimpleTokenStream, SimpleTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Marks the last word of a person's name.
pub const PERSON_END: char = '>';
/// Marks the last word of any other name (organisation, place), followed
/// by the name's number of words.
pub const NAME_END: char = ']';
/// Names of this many words or more have this count in their end mark.
const MAX_COUNTED_WORDS: usize = 9;

/// The end mark of a name whose last word is `word` into `out`: for a
/// person `word` with [`PERSON_END`] in front; for anything else with
/// [`NAME_END`] and the name's number of `words` (up to [`MAX_COUNTED_WORDS`])
/// in front. Lower-cased as `LowerCaser` lower-cases a word (character by
/// character).
pub fn push_end_mark(out: &mut String, is_person: bool, words: usize, word: &str) {
    out.clear();
    if is_person {
        out.push(PERSON_END);
    } else {
        out.push(NAME_END);
        let count = words.clamp(1, MAX_COUNTED_WORDS) as u8;
        out.push(char::from(b'0' + count));
    }
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .map(|byte| char::from(byte.to_ascii_lowercase())),
        );
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Put in front of a person's name in a field that holds names of several
/// kinds and is not stored (`entity`), to end it with [`PERSON_END`]. It is
/// not a word character, so it is otherwise ignored.
pub const PERSON_MARK: char = '\u{1}';

/// `name` marked as a person's for a field of mixed names.
pub fn person_marked(name: &str) -> String {
    let mut marked = String::with_capacity(name.len() + 1);
    marked.push(PERSON_MARK);
    marked.push_str(name);
    marked
}

/// The tokenizer of name fields: a name's words, its last also marked
/// (see [`push_end_mark`]). Lower-case its output (the analyzer adds
/// [`LowerCaser`]).
#[derive(Clone, Default)]
pub struct NameTokenizer {
    /// Every value is a person's name (the `speaker` field); otherwise only
    /// values starting with [`PERSON_MARK`] are.
    all_persons: bool,
    words: SimpleTokenizer,
    marker: Token,
    end_marker: String,
}

impl NameTokenizer {
    /// For a field of people's names only.
    pub fn persons() -> NameTokenizer {
        NameTokenizer {
            all_persons: true,
            ..NameTokenizer::default()
        }
    }

    /// For a field of mixed names, persons marked with [`PERSON_MARK`].
    pub fn mixed() -> NameTokenizer {
        NameTokenizer::default()
    }
}

/// Which token a [`NameTokenStream`] is on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Before,
    Word,
    /// The marked last word.
    End,
    Done,
}

/// The tokens of one name: none for a name without words.
pub struct NameTokenStream<'a> {
    words: SimpleTokenStream<'a>,
    marker: &'a mut Token,
    /// The last word so far, marked as an end.
    end_marker: &'a mut String,
    step: Step,
    is_person: bool,
    /// Position of the next word.
    position: usize,
}

impl Tokenizer for NameTokenizer {
    type TokenStream<'a> = NameTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NameTokenStream<'a> {
        let is_person = self.all_persons || text.starts_with(PERSON_MARK);
        self.marker.reset();
        NameTokenStream {
            words: self.words.token_stream(text),
            marker: &mut self.marker,
            end_marker: &mut self.end_marker,
            step: Step::Before,
            is_person,
            position: 0,
        }
    }
}

impl NameTokenStream<'_> {
    /// Moves to the next word, if any, numbering it and marking it as the
    /// end so far.
    fn next_word(&mut self) -> bool {
        if !self.words.advance() {
            return false;
        }
        let word = self.words.token_mut();
        word.position = self.position;
        self.position += 1;
        push_end_mark(self.end_marker, self.is_person, self.position, &word.text);
        self.marker.offset_from = word.offset_from;
        self.marker.offset_to = word.offset_to;
        true
    }
}

impl TokenStream for NameTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let step = self.step;
        self.step = match step {
            Step::Before | Step::Word if self.next_word() => Step::Word,
            Step::Before => Step::Done,
            Step::Word => {
                // The word stream is past the end: its last word was one position back.
                std::mem::swap(&mut self.marker.text, self.end_marker);
                self.marker.position = self.position - 1;
                Step::End
            }
            Step::End | Step::Done => Step::Done,
        };
        self.step != Step::Done
    }

    fn token(&self) -> &Token {
        match self.step {
            Step::Word => self.words.token(),
            _ => self.marker,
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.step {
            Step::Word => self.words.token_mut(),
            _ => self.marker,
        }
    }
}

/// The analyzer of a name field, as indexed.
pub fn name_analyzer(tokenizer: NameTokenizer) -> TextAnalyzer {
    TextAnalyzer::builder(tokenizer).filter(LowerCaser).build()
}

/// The analyzer name fields are queried with (`speaker:witkoff`): their words, lower-cased.
pub fn word_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .build()
}

/// A name's words as they are indexed.
pub fn name_words(name: &str) -> Vec<String> {
    let mut analyzer = word_analyzer();
    let mut stream = analyzer.token_stream(name);
    let mut words = Vec::new();
    while let Some(token) = stream.next() {
        words.push(token.text.clone());
    }
    words
}

/// Documents whose name `field` holds `filter` as a name: a person whose
/// name ends with the filter's words (surname or full name), or any name that
/// is exactly its words. `None` when `filter` has no words (it matches nothing).
pub fn name_filter(field: Field, filter: &str) -> Option<Box<dyn Query>> {
    let words = name_words(filter);
    let (last, before_last) = words.split_last()?;
    // The filter's words ending in the end mark of a person's name, or of
    // another name of exactly as many words.
    let ending = |is_person: bool| -> Box<dyn Query> {
        let mut mark = String::new();
        push_end_mark(&mut mark, is_person, words.len(), last);
        let mark = Term::from_field_text(field, &mark);
        if before_last.is_empty() {
            return Box::new(TermQuery::new(mark, IndexRecordOption::Basic));
        }
        let terms = before_last
            .iter()
            .map(|word| Term::from_field_text(field, word))
            .chain([mark])
            .enumerate()
            .collect();
        Box::new(PhraseQuery::new_with_offset(terms))
    };
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Should, ending(true)),
        (Occur::Should, ending(false)),
    ])))
}

/// The rule of [`name_filter`] on one name, for names held in memory (a
/// passage's quotes): true when `name` is the filter, or, for a person, ends
/// with it. `filter_words` are the filter's [`name_words`].
pub fn name_matches(name: &str, is_person: bool, filter_words: &[String]) -> bool {
    let name = name_words(name);
    !filter_words.is_empty()
        && (name == filter_words || (is_person && name.ends_with(filter_words)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(tokenizer: NameTokenizer, text: &str) -> Vec<(String, usize)> {
        let mut analyzer = name_analyzer(tokenizer);
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        while let Some(token) = stream.next() {
            tokens.push((token.text.clone(), token.position));
        }
        tokens
    }

    #[test]
    fn names_are_their_words_with_the_last_marked() {
        let at = |tokens: &[(&str, usize)]| -> Vec<(String, usize)> {
            tokens
                .iter()
                .map(|&(text, position)| (text.to_string(), position))
                .collect()
        };
        assert_eq!(
            tokens(NameTokenizer::persons(), "Tony Blair"),
            at(&[("tony", 0), ("blair", 1), (">blair", 1)])
        );
        assert_eq!(
            tokens(NameTokenizer::mixed(), "Liberal Democrats"),
            at(&[("liberal", 0), ("democrats", 1), ("]2democrats", 1)])
        );
        assert_eq!(
            tokens(NameTokenizer::mixed(), &person_marked("Ban Ki-moon")),
            at(&[("ban", 0), ("ki", 1), ("moon", 2), (">moon", 2)])
        );
        assert_eq!(
            tokens(NameTokenizer::mixed(), "ÖLANDS"),
            at(&[("ölands", 0), ("]1ölands", 0)])
        );
        assert!(tokens(NameTokenizer::persons(), " - ").is_empty());
    }

    #[test]
    fn a_person_matches_a_surname_or_full_name_and_others_match_exactly() {
        let matches = |name: &str, is_person, filter: &str| {
            name_matches(name, is_person, &name_words(filter))
        };
        assert!(matches("Tony Blair", true, "blair"));
        assert!(matches("Tony Blair", true, "TONY  BLAIR"));
        assert!(matches("Ban Ki-moon", true, "Ki-moon"));
        assert!(!matches("Tony Blair", true, "tony"));
        assert!(!matches("Blair Smith", true, "Blair"));
        assert!(matches("Liberal Democrats", false, "liberal democrats"));
        assert!(!matches("Liberal Democrats", false, "Democrats"));
        assert!(!matches("Tony Blair", true, " "));
    }

    #[test]
    fn filters_find_people_by_surname_and_other_names_exactly_in_an_index() {
        use crate::index::schema::{Fields, build_schema, register_analyzers};
        use tantivy::collector::Count;
        use tantivy::{Index, TantivyDocument};

        let index = Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).expect("fields");
        let mut writer = index.writer(15_000_000).expect("writer");
        let entities: [&[&str]; 6] = [
            &["\u{1}Tony Blair", "Liberal Democrats"],
            &["\u{1}Blair Smith", "Democrats"],
            &["\u{1}Ban Ki-moon"],
            &["Blair"],
            &["Labour Party", "New Labour"],
            &["Labour"],
        ];
        for names in entities {
            let mut document = TantivyDocument::default();
            for name in names {
                document.add_text(fields.entity, name);
            }
            writer.add_document(document).expect("adds");
        }
        writer.commit().expect("commits");
        let searcher = index.reader().expect("reader").searcher();
        let count = |filter: &str| {
            name_filter(fields.entity, filter)
                .map_or(0, |query| searcher.search(&query, &Count).unwrap_or(0))
        };
        // Tony Blair by surname, and the place or body called Blair; not Blair Smith.
        assert_eq!(count("blair"), 2);
        assert_eq!(count("Tony Blair"), 1);
        assert_eq!(count("tony"), 0);
        assert_eq!(count("Democrats"), 1);
        assert_eq!(count("liberal democrats"), 1);
        assert_eq!(count("ki-moon"), 1);
        assert_eq!(count("Smith"), 1);
        // Marks of two different names do not make a third.
        assert_eq!(count("labour"), 1);
        assert_eq!(count("new labour"), 1);
        assert_eq!(count("labour party"), 1);
        assert_eq!(count("party"), 0);
    }

    #[test]
    fn a_filter_without_words_matches_nothing() {
        let field = Field::from_field_id(0);
        assert!(name_filter(field, "  - ").is_none());
        assert!(name_filter(field, "Blair").is_some());
    }
}
