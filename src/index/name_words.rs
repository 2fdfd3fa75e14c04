//! Names as words, with their first and last words marked, so one field
//! answers both `speaker:witkoff` (any word of a name) and `--speaker Blair`
//! (exactly a name, or a person's surname).
//!
//! Each value of a name field is indexed as its words, plus marked copies
//! at the same positions (see [`push_marker`]): the last word with
//! [`PERSON_END`] in front for a person or [`NAME_END`] for anything else,
//! and, for anything but a person, the first word with [`START`]. "Tony
//! Blair" is `tony`, `blair`+`>blair`; "Liberal Democrats" is
//! `liberal`+`<liberal`, `democrats`+`]democrats`. A person's surname is
//! then one term (`>blair`), a full name or a person's last words a phrase
//! ending in it (`tony >blair`), and
//! an organisation's or a place's name exactly a phrase from its start mark to
//! its end mark (`<liberal ]democrats`). Exact-match key fields did this
//! before, with a term per name and two per person in fields of their own,
//! which roughly doubled the distinct terms of a segment; marks at both ends of
//! every name, without the words (one `>` for all persons), made filters
//! read the positions of a term in nearly every passage: a `--speaker`
//! search took twice as long at a million articles. Marks are not words, so no query typed by a user
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

/// Marks the first word of a name.
pub const START: char = '<';
/// Marks the last word of a person's name.
pub const PERSON_END: char = '>';
/// Marks the last word of any other name (organisation, place).
pub const NAME_END: char = ']';

/// `word` with the mark `kind` (one of [`START`], [`PERSON_END`],
/// [`NAME_END`]) in front, lower-cased as `LowerCaser` lower-cases a word
/// (character by character), into `out`.
pub fn push_marker(out: &mut String, kind: char, word: &str) {
    out.clear();
    out.push(kind);
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

/// The tokenizer of name fields: a name's words, its first and last also
/// marked (see [`push_marker`]). Lower-case its output (the analyzer adds
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
    /// The marked first word.
    Start,
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
    end_kind: char,
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
            end_kind: if is_person { PERSON_END } else { NAME_END },
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
        push_marker(self.end_marker, self.end_kind, &word.text);
        true
    }

    /// Puts the marker token where the current word is.
    fn mark_word(&mut self) {
        let word = self.words.token();
        self.marker.position = word.position;
        self.marker.offset_from = word.offset_from;
        self.marker.offset_to = word.offset_to;
    }
}

impl TokenStream for NameTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let step = self.step;
        self.step = match step {
            Step::Before if !self.next_word() => Step::Done,
            // A person is only ever matched by the end of their name (see
            // `name_filter`): the first word needs no start mark.
            Step::Before if self.end_kind == PERSON_END => Step::Word,
            Step::Before => {
                // The first word waits in the word stream while its marked copy goes first.
                push_marker(&mut self.marker.text, START, &self.words.token().text);
                self.mark_word();
                Step::Start
            }
            Step::Start => Step::Word,
            Step::Word if self.next_word() => Step::Word,
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
    let (first, last) = (words.first()?, words.last()?);
    let marked = |kind: char, word: &str| {
        let mut text = String::new();
        push_marker(&mut text, kind, word);
        Term::from_field_text(field, &text)
    };
    let inner = || {
        (1..words.len().saturating_sub(1)).map(|at| (at, Term::from_field_text(field, &words[at])))
    };
    let end_at = words.len() - 1;
    let person: Box<dyn Query> = if words.len() == 1 {
        Box::new(TermQuery::new(
            marked(PERSON_END, last),
            IndexRecordOption::Basic,
        ))
    } else {
        let terms = [(0, Term::from_field_text(field, first))]
            .into_iter()
            .chain(inner())
            .chain([(end_at, marked(PERSON_END, last))])
            .collect();
        Box::new(PhraseQuery::new_with_offset(terms))
    };
    // For one word, both marks sit at its position.
    let terms = [(0, marked(START, first))]
        .into_iter()
        .chain(inner())
        .chain([(end_at, marked(NAME_END, last))])
        .collect();
    let exact: Box<dyn Query> = Box::new(PhraseQuery::new_with_offset(terms));
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
    fn names_are_their_words_with_the_first_and_last_marked() {
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
            at(&[
                ("<liberal", 0),
                ("liberal", 0),
                ("democrats", 1),
                ("]democrats", 1)
            ])
        );
        assert_eq!(
            tokens(NameTokenizer::mixed(), &person_marked("Ban Ki-moon")),
            at(&[("ban", 0), ("ki", 1), ("moon", 2), (">moon", 2)])
        );
        assert_eq!(
            tokens(NameTokenizer::mixed(), "ÖLANDS"),
            at(&[("<ölands", 0), ("ölands", 0), ("]ölands", 0)])
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
