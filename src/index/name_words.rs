//! Names as words with their ends marked, so one field answers both `speaker:witkoff`
//! (any word of a name) and `--speaker Blair` (exactly a name, or a person's surname).
//!
//! Each value of a name field is indexed as its words between two marker
//! tokens: [`START`] before the first word and, after the last, [`PERSON_END`]
//! for a person or [`NAME_END`] for anything else. A name filter is then a
//! phrase: a person whose name ends with the filter's words
//! (`blair >person` finds Tony Blair), or a name that is exactly those words
//! (`< liberal democrats >`). Exact-match key fields did the same before, at
//! a term per name and two per person, which doubled the distinct terms of a
//! segment and was the largest part of what indexing names cost; markers add
//! three terms in all. Markers are not words, so no query typed by a user
//! produces one: the query parser reads these fields with plain word analysis
//! (see [`super::schema::query_tokenizers`]). This module defines the
//! analysis and the matching rule; it does not build documents or run queries.

use tantivy::Term;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query};
use tantivy::schema::Field;
use tantivy::tokenizer::{
    LowerCaser, SimpleTokenStream, SimpleTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// The first token of every indexed name. Markers are ASCII so that
/// lower-casing them takes Tantivy's fast path: with `⟨` and `⟩` every name
/// went through Unicode case mapping twice.
pub const START: &str = "<";
/// The last token of a person's name.
pub const PERSON_END: &str = ">person";
/// The last token of any other name (organisation, place).
pub const NAME_END: &str = ">";

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

/// The tokenizer of name fields: a name's words, between [`START`] and an
/// end marker. Lower-case its output (the analyzer adds [`LowerCaser`]).
#[derive(Clone, Default)]
pub struct NameTokenizer {
    /// Every value is a person's name (the `speaker` field); otherwise only
    /// values starting with [`PERSON_MARK`] are.
    all_persons: bool,
    words: SimpleTokenizer,
    marker: Token,
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
    Start,
    Word,
    End,
    Done,
}

/// The tokens of one name.
pub struct NameTokenStream<'a> {
    words: SimpleTokenStream<'a>,
    marker: &'a mut Token,
    step: Step,
    end: &'static str,
    text_len: usize,
    /// Position of the next token.
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
            step: Step::Before,
            end: if is_person { PERSON_END } else { NAME_END },
            text_len: text.len(),
            position: 0,
        }
    }
}

impl NameTokenStream<'_> {
    fn emit_marker(&mut self, text: &str, position: usize, offset: usize) {
        self.marker.text.clear();
        self.marker.text.push_str(text);
        self.marker.position = position;
        self.marker.offset_from = offset;
        self.marker.offset_to = offset;
    }
}

impl TokenStream for NameTokenStream<'_> {
    fn advance(&mut self) -> bool {
        match self.step {
            Step::Before => {
                self.emit_marker(START, 0, 0);
                self.step = Step::Start;
                self.position = 1;
            }
            Step::Start | Step::Word => {
                if self.words.advance() {
                    self.words.token_mut().position = self.position;
                    self.position += 1;
                    self.step = Step::Word;
                } else {
                    let (end, position, text_len) = (self.end, self.position, self.text_len);
                    self.emit_marker(end, position, text_len);
                    self.step = Step::End;
                }
            }
            Step::End | Step::Done => self.step = Step::Done,
        }
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
/// name ends with its words (surname or full name), or any name that is
/// exactly its words. `None` when `filter` has no words (it matches nothing).
pub fn name_filter(field: Field, filter: &str) -> Option<Box<dyn Query>> {
    let words = name_words(filter);
    if words.is_empty() {
        return None;
    }
    let terms = |markers: (Option<&str>, &str)| -> Vec<Term> {
        let (start, end) = markers;
        start
            .into_iter()
            .chain(words.iter().map(String::as_str))
            .chain([end])
            .map(|word| Term::from_field_text(field, word))
            .collect()
    };
    let person: Box<dyn Query> = Box::new(PhraseQuery::new(terms((None, PERSON_END))));
    let exact: Box<dyn Query> = Box::new(PhraseQuery::new(terms((Some(START), NAME_END))));
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Should, person),
        (Occur::Should, exact),
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
    fn names_are_their_words_between_markers() {
        let expected = |words: &[&str]| -> Vec<(String, usize)> {
            words
                .iter()
                .enumerate()
                .map(|(position, word)| (word.to_string(), position))
                .collect()
        };
        assert_eq!(
            tokens(NameTokenizer::persons(), "Tony Blair"),
            expected(&[START, "tony", "blair", PERSON_END])
        );
        assert_eq!(
            tokens(NameTokenizer::mixed(), "Liberal Democrats"),
            expected(&[START, "liberal", "democrats", NAME_END])
        );
        assert_eq!(
            tokens(NameTokenizer::mixed(), &person_marked("Ban Ki-moon")),
            expected(&[START, "ban", "ki", "moon", PERSON_END])
        );
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
        let entities: [&[&str]; 4] = [
            &["\u{1}Tony Blair", "Liberal Democrats"],
            &["\u{1}Blair Smith", "Democrats"],
            &["\u{1}Ban Ki-moon"],
            &["Blair"],
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
    }

    #[test]
    fn a_filter_without_words_matches_nothing() {
        let field = Field::from_field_id(0);
        assert!(name_filter(field, "  - ").is_none());
        assert!(name_filter(field, "Blair").is_some());
    }
}
