//! Translating newsdex queries and filters into Quickwit's query language.
//!
//! The query is first checked by the local query front end, so a mistake
//! gets the same one-line message as a local search. Then each item is
//! rewritten for the exported mapping: bare words search `title` (boosted)
//! and `text`, `speaker:` and `org_speaker:` become exact name keys, dates
//! become RFC 3339 ranges. Constructs with no faithful Quickwit equivalent
//! (boosts, fuzzy terms, slop, wildcards, regexes, sets, `field:(…)` groups)
//! are refused with an error naming them.
//!
//! Quickwit no longer accepts stemming tokenizers, so passage words are
//! indexed as written. To keep recall close to local search, every word is
//! expanded to the forms that stem as it does ("election" also finds
//! "elections" and "elected"): the candidates are built from the stem and
//! common English endings and kept only when the local stemmer maps them to
//! the same stem. Phrases are expanded the same way, word by word, up to
//! [`MAX_PHRASE_FORMS`] phrasings. No network here.

use std::collections::HashSet;

use chrono::NaiveDate;
use tantivy::Index;
use tantivy::tokenizer::TextAnalyzer;

use crate::export::mapping::{self, DATED, Kind};
use crate::index::schema::{Fields, STEMMED, build_schema, normalize_key, register_analyzers};
use crate::search::Filters;
use crate::search::query::{QueryError, QueryFrontEnd};

/// Forms searched for one word at most.
pub const MAX_WORD_FORMS: usize = 10;
/// Phrasings searched for one phrase at most.
pub const MAX_PHRASE_FORMS: usize = 16;
/// Title matches weigh this much more than passage text, as locally.
const TITLE_BOOST: &str = "^2";

/// English endings tried on a stem to find the words that share it, most
/// common first: the first [`MAX_WORD_FORMS`] forms that stem right are kept.
const ENDINGS: &[&str] = &[
    "", "s", "ed", "ing", "es", "ion", "ions", "ies", "ied", "y", "e", "d", "er", "ers", "ation",
    "ations", "ment", "ments", "ly", "ness", "al", "ity", "ive", "or", "ors",
];

/// One top-level item of a plain query (no operators), as the local front end keeps them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteItem {
    /// The item as the user wrote it, shown as "missing: …".
    pub label: String,
    /// The item in Quickwit's query language.
    pub query: String,
    /// The words of the item, stemmed, for telling locally whether a hit has it.
    pub stems: Vec<String>,
}

/// A translated query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteQuery {
    /// The whole query: every item required.
    pub all: String,
    /// The required items of a plain query with at least two of them.
    pub items: Vec<RemoteItem>,
    /// Excluded items (`-word`), kept out of relaxed matches too.
    pub excluded: Vec<String>,
    /// Stems of every searched (not excluded) word, to highlight in hits.
    pub terms: Vec<String>,
}

impl RemoteQuery {
    /// Passages with at least one item, none of the excluded ones, and not
    /// every item (those are the full matches); `None` when the query cannot
    /// be relaxed.
    pub fn relaxed(&self) -> Option<String> {
        if self.items.len() < 2 {
            return None;
        }
        let any: Vec<&str> = self.items.iter().map(|item| item.query.as_str()).collect();
        let mut query = format!("({}) -({})", any.join(" OR "), self.all);
        for excluded in &self.excluded {
            query.push_str(&format!(" -{excluded}"));
        }
        Some(query)
    }
}

/// Translates queries; holds the local front end and stemmer it checks with.
pub struct Translator {
    front_end: QueryFrontEnd,
    stemmer: TextAnalyzer,
    expand: bool,
    text_only: bool,
}

impl Translator {
    /// A translator for passage searches (bare words search titles and text).
    pub fn new() -> Translator {
        // An empty in-memory index: only its schema and analyzers are used.
        let index = Index::create_in_ram(build_schema());
        register_analyzers(&index);
        // Not user data: build_schema always has every field Fields names.
        let fields = Fields::new(&index.schema()).expect("the newsdex schema has its own fields");
        let stemmer = index
            .tokenizers()
            .get(STEMMED)
            .unwrap_or_else(|| TextAnalyzer::from(tantivy::tokenizer::SimpleTokenizer::default()));
        Translator {
            front_end: QueryFrontEnd::new(&index, &fields),
            stemmer,
            expand: true,
            text_only: false,
        }
    }

    /// A translator whose bare words search only `text`: for quotes, whose
    /// words are what was said, not the headline of their article.
    pub fn text_only() -> Translator {
        let index = Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).expect("the newsdex schema has its own fields");
        Translator {
            front_end: QueryFrontEnd::quotes(&index, &fields),
            text_only: true,
            ..Translator::new()
        }
    }

    /// A translator that searches words only as written, without their
    /// other forms: to measure what the expansion recovers.
    pub fn without_word_forms() -> Translator {
        Translator {
            expand: false,
            ..Translator::new()
        }
    }

    /// The local passage analyzer (words, lower-cased, stemmed), for highlighting.
    pub fn analyzer(&mut self) -> &mut TextAnalyzer {
        &mut self.stemmer
    }

    /// The stems to highlight in hits: the query's searched words and the
    /// words of the filtered speakers and entities, as local search marks them.
    pub fn highlight_terms(
        &mut self,
        query: Option<&RemoteQuery>,
        filters: &Filters,
    ) -> HashSet<String> {
        let mut terms: HashSet<String> = query
            .map(|q| q.terms.iter().cloned().collect())
            .unwrap_or_default();
        for name in filters.speakers.iter().chain(&filters.entities) {
            terms.extend(self.stems(name));
        }
        terms
    }

    /// The stem the local index would store for `word`.
    pub fn stem(&mut self, word: &str) -> String {
        let mut stream = self.stemmer.token_stream(word);
        let mut stem = String::new();
        while stream.advance() {
            stem.push_str(&stream.token().text);
        }
        stem
    }

    /// The stems of every word of `text`, in order.
    pub fn stems(&mut self, text: &str) -> Vec<String> {
        let mut stream = self.stemmer.token_stream(text);
        let mut stems = Vec::new();
        while stream.advance() {
            stems.push(stream.token().text.clone());
        }
        stems
    }

    /// The forms of `word` that stem as it does, `word` (lower-cased) first,
    /// shortest next, at most [`MAX_WORD_FORMS`].
    pub fn word_forms(&mut self, word: &str) -> Vec<String> {
        let word = word.to_lowercase();
        let stem = self.stem(&word);
        if !self.expand || stem.is_empty() || !word.chars().all(char::is_alphabetic) {
            return vec![word];
        }
        let mut bases = vec![stem.clone(), word.clone()];
        if let Some(last) = stem.chars().last() {
            // A doubled final consonant: plan → planned, planning.
            bases.push(format!("{stem}{last}"));
            if last == 'i' {
                // Snowball turns a final y into i: economi → economy, economies.
                let trunk = &stem[..stem.len() - 1];
                bases.push(format!("{trunk}y"));
                bases.push(trunk.to_string());
            }
            if last == 'e' {
                bases.push(stem[..stem.len() - 1].to_string());
            }
        }
        let mut forms = vec![word.clone()];
        let mut seen: HashSet<String> = forms.iter().cloned().collect();
        let candidates = ENDINGS
            .iter()
            .flat_map(|ending| bases.iter().map(move |base| format!("{base}{ending}")));
        for candidate in candidates {
            if forms.len() == MAX_WORD_FORMS {
                break;
            }
            if !seen.contains(&candidate) && self.stem(&candidate) == stem {
                seen.insert(candidate.clone());
                forms.push(candidate);
            }
        }
        forms
    }

    /// Translates `text`; `Ok(None)` for an empty query. Errors are the local
    /// front end's for bad syntax, and name the construct for what Quickwit
    /// cannot run.
    pub fn translate(&mut self, text: &str) -> Result<Option<RemoteQuery>, QueryError> {
        if self.front_end.parse(text)?.is_none() {
            return Ok(None);
        }
        let tokens = lex(text)?;
        let plain = tokens
            .iter()
            .all(|token| matches!(token, Token::Clause { .. }));
        let mut out = Vec::new();
        let mut items = Vec::new();
        let mut excluded = Vec::new();
        let mut terms = Vec::new();
        for token in &tokens {
            match token {
                Token::Open => out.push("(".to_string()),
                Token::Close => out.push(")".to_string()),
                Token::Operator(op) => out.push(op.clone()),
                Token::Clause {
                    prefix,
                    field,
                    value,
                    label,
                } => {
                    let Some(query) = self.clause(field.as_deref(), value)? else {
                        continue;
                    };
                    let stems = match value {
                        Value::Word(words) | Value::Phrase(words)
                            if matches!(field.as_deref(), None | Some("title" | "text")) =>
                        {
                            self.stems(words)
                        }
                        _ => Vec::new(),
                    };
                    match prefix {
                        Some('-') => {
                            out.push(format!("-{query}"));
                            excluded.push(query);
                        }
                        _ => {
                            out.push(query.clone());
                            terms.extend(stems.iter().cloned());
                            items.push(RemoteItem {
                                label: label.trim_start_matches('+').to_string(),
                                query,
                                stems,
                            });
                        }
                    }
                }
            }
        }
        if out.iter().all(|part| part.starts_with('-')) {
            return Err(QueryError(
                "query only excludes words; add at least one word to search for".to_string(),
            ));
        }
        Ok(Some(RemoteQuery {
            all: join_clauses(&out),
            items: if plain { items } else { Vec::new() },
            excluded,
            terms,
        }))
    }

    /// One clause in Quickwit's language, parenthesised when it has several parts.
    fn clause(&mut self, field: Option<&str>, value: &Value) -> Result<Option<String>, QueryError> {
        let words_fields: &[(&str, &str)] = match field {
            None if self.text_only => &[("text", "")],
            None => &[("title", TITLE_BOOST), ("text", "")],
            Some("title") => &[("title", "")],
            Some("text") => &[("text", "")],
            Some(name) => return self.field_clause(name, value).map(Some),
        };
        let words = match value {
            Value::Word(text) | Value::Phrase(text) => words_of(text),
            Value::Range(range) => {
                return Err(untranslatable(
                    &format!("{}:{range}", field.unwrap_or("")),
                    "a range on words",
                ));
            }
        };
        if words.is_empty() {
            return Ok(None);
        }
        let phrasings = self.phrasings(&words);
        let mut parts = Vec::new();
        for (name, boost) in words_fields {
            for phrasing in &phrasings {
                if phrasing.contains(' ') {
                    parts.push(format!("{name}:\"{phrasing}\"{boost}"));
                } else {
                    parts.push(format!("{name}:{phrasing}{boost}"));
                }
            }
        }
        Ok(Some(group(parts)))
    }

    /// Every phrasing of `words` with each word in its forms, at most
    /// [`MAX_PHRASE_FORMS`], the words as written first.
    fn phrasings(&mut self, words: &[String]) -> Vec<String> {
        let mut phrasings = vec![String::new()];
        for word in words {
            let forms = self.word_forms(word);
            let mut next = Vec::new();
            // Build breadth-first in form order, so the written form of every
            // word survives the cap.
            for form in &forms {
                for phrasing in &phrasings {
                    if next.len() == MAX_PHRASE_FORMS {
                        break;
                    }
                    next.push(if phrasing.is_empty() {
                        form.clone()
                    } else {
                        format!("{phrasing} {form}")
                    });
                }
            }
            phrasings = next;
        }
        phrasings
    }

    /// `speaker:`, `entity:`, `category:` and the other named fields.
    fn field_clause(&mut self, name: &str, value: &Value) -> Result<String, QueryError> {
        let raw = match value {
            Value::Word(text) | Value::Phrase(text) => text.as_str(),
            Value::Range(range) => {
                return match mapping::spec(name).map(|spec| spec.kind) {
                    Some(Kind::Date | Kind::Integer) => Ok(format!("{name}:{range}")),
                    _ => Err(untranslatable(
                        &format!("{name}:{range}"),
                        "a range on a field that is not a date or number",
                    )),
                };
            }
        };
        // Local `speaker:` and `org_speaker:` search name words; remotely
        // the names are exact keys, which hold whole names and surnames.
        let (target, kind) = match name {
            "speaker" | "org_speaker" => ("speaker_key", Kind::Key),
            other => match mapping::spec(other) {
                Some(spec) => (spec.name, spec.kind),
                None => return Err(untranslatable(&format!("{name}:"), "an unknown field")),
            },
        };
        Ok(match kind {
            Kind::Key | Kind::Lowercase => format!("{target}:{}", quoted(&normalize_key(raw))),
            Kind::Raw => format!("{target}:{}", quoted(raw)),
            Kind::NameWords => {
                let words = words_of(raw);
                match words.as_slice() {
                    [one] => format!("{target}:{one}"),
                    _ => format!("{target}:\"{}\"", words.join(" ")),
                }
            }
            Kind::Integer | Kind::Flag if raw.chars().all(|c| c.is_ascii_alphanumeric()) => {
                format!("{target}:{raw}")
            }
            Kind::Date => format!("{target}:{}", quoted(raw)),
            _ => {
                return Err(untranslatable(
                    &format!("{name}:{raw}"),
                    "a field Quickwit does not index",
                ));
            }
        })
    }
}

impl Default for Translator {
    fn default() -> Translator {
        Translator::new()
    }
}

/// The filters as Quickwit clauses (joined with AND) and the
/// `start_timestamp`/`end_timestamp` of the published-date bounds.
///
/// With `include_published` false the date bounds are left out and undated
/// articles are selected instead (to count what the bounds drop).
pub fn filter_query(
    filters: &Filters,
    include_published: bool,
) -> (Vec<String>, Option<i64>, Option<i64>) {
    let mut clauses = Vec::new();
    let any_of = |field: &str, names: &[String]| {
        group(
            names
                .iter()
                .map(|name| format!("{field}:{}", quoted(&normalize_key(name))))
                .collect(),
        )
    };
    if !filters.speakers.is_empty() {
        clauses.push(any_of("article_speaker_key", &filters.speakers));
    }
    for entity in &filters.entities {
        clauses.push(any_of("article_entity_key", std::slice::from_ref(entity)));
    }
    if !filters.sources.is_empty() {
        clauses.push(any_of("source", &filters.sources));
    }
    if let Some((start, end)) = filters.mentions {
        clauses.push(format!("mentions:[{} TO {}]", rfc3339(start), rfc3339(end)));
    }
    let (mut start, mut end) = (None, None);
    if filters.has_published_range() {
        if include_published {
            // Undated articles carry the epoch as their timestamp; keep them out
            // of every date-bounded search, as the local index does.
            clauses.push(format!("{DATED}:true"));
            start = filters.since.map(seconds);
            end = filters.until.and_then(|day| day.succ_opt()).map(seconds);
        } else {
            clauses.push(format!("{DATED}:false"));
        }
    }
    (clauses, start, end)
}

/// Passages where a filtered speaker speaks or a filtered entity is named.
pub fn preferred_query(filters: &Filters) -> Option<String> {
    let mut parts = Vec::new();
    for speaker in &filters.speakers {
        parts.push(format!("speaker_key:{}", quoted(&normalize_key(speaker))));
    }
    for entity in &filters.entities {
        parts.push(format!("entity_key:{}", quoted(&normalize_key(entity))));
    }
    (!parts.is_empty()).then(|| group(parts))
}

fn seconds(day: NaiveDate) -> i64 {
    day.and_hms_opt(0, 0, 0)
        .map_or(0, |datetime| datetime.and_utc().timestamp())
}

fn rfc3339(day: NaiveDate) -> String {
    format!("{day}T00:00:00Z")
}

/// Words as the engines split them: runs of letters and digits, lower-cased.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A value in double quotes, escaped for Quickwit's parser.
fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `a OR b …` in parentheses (no parentheses around a single part).
fn group(parts: Vec<String>) -> String {
    match parts.len() {
        1 => parts.into_iter().next().unwrap_or_default(),
        _ => format!("({})", parts.join(" OR ")),
    }
}

/// Joins translated parts, keeping the user's parentheses and operators.
fn join_clauses(parts: &[String]) -> String {
    let mut out = String::new();
    for part in parts {
        if !(out.is_empty() || out.ends_with('(') || part == ")") {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

fn untranslatable(construct: &str, what: &str) -> QueryError {
    QueryError(format!(
        "the quickwit engine cannot run `{construct}` ({what}); remove it, or search a local index"
    ))
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Value {
    Word(String),
    Phrase(String),
    Range(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Open,
    Close,
    Operator(String),
    Clause {
        prefix: Option<char>,
        field: Option<String>,
        value: Value,
        label: String,
    },
}

/// Splits a query (already checked by the local front end) into clauses,
/// parentheses and operators, refusing what Quickwit cannot run.
fn lex(text: &str) -> Result<Vec<Token>, QueryError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let collect = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '(' {
            tokens.push(Token::Open);
            i += 1;
            continue;
        }
        if c == ')' {
            tokens.push(Token::Close);
            i += 1;
            continue;
        }
        let start = i;
        let prefix = (c == '-' || c == '+').then_some(c);
        if prefix.is_some() {
            i += 1;
        }
        // A field name: letters and underscores followed by `:`.
        let name_end = (i..chars.len())
            .find(|&j| !(chars[j].is_alphanumeric() || chars[j] == '_'))
            .unwrap_or(chars.len());
        let field = if name_end > i && chars.get(name_end) == Some(&':') {
            let name = collect(i, name_end);
            i = name_end + 1;
            Some(name)
        } else {
            None
        };
        let value = match chars.get(i) {
            Some('"') => {
                let close = (i + 1..chars.len())
                    .find(|&j| chars[j] == '"')
                    .unwrap_or(chars.len());
                let phrase = collect(i + 1, close.min(chars.len()));
                i = (close + 1).min(chars.len());
                let end = (i..chars.len())
                    .find(|&j| chars[j].is_whitespace() || chars[j] == ')')
                    .unwrap_or(chars.len());
                match chars.get(i) {
                    Some('~') => return Err(untranslatable(&collect(start, end), "phrase slop")),
                    Some('^') => return Err(untranslatable(&collect(start, end), "a boost")),
                    _ => {}
                }
                Value::Phrase(phrase)
            }
            Some('[') | Some('{') => {
                let close = (i..chars.len())
                    .find(|&j| chars[j] == ']' || chars[j] == '}')
                    .unwrap_or(chars.len() - 1);
                let range = collect(i, close + 1);
                i = close + 1;
                Value::Range(range)
            }
            Some('(') => {
                return Err(untranslatable(
                    &format!("{}(", collect(start, i)),
                    "a field applied to a group",
                ));
            }
            _ => {
                let end = (i..chars.len())
                    .find(|&j| chars[j].is_whitespace() || chars[j] == '(' || chars[j] == ')')
                    .unwrap_or(chars.len());
                let word = collect(i, end);
                i = end;
                if let Some(bad) = word.chars().find(|c| "^~*?/".contains(*c)) {
                    let what = match bad {
                        '^' => "a boost",
                        '~' => "a fuzzy term",
                        '*' | '?' => "a wildcard",
                        _ => "a regular expression",
                    };
                    return Err(untranslatable(&collect(start, end), what));
                }
                if field.is_some() && word == "IN" {
                    return Err(untranslatable(&collect(start, end), "a set"));
                }
                if prefix.is_none()
                    && field.is_none()
                    && matches!(word.as_str(), "AND" | "OR" | "NOT" | "&&" | "||")
                {
                    tokens.push(Token::Operator(match word.as_str() {
                        "&&" => "AND".to_string(),
                        "||" => "OR".to_string(),
                        other => other.to_string(),
                    }));
                    continue;
                }
                Value::Word(word)
            }
        };
        tokens.push(Token::Clause {
            prefix,
            field,
            value,
            label: collect(start, i),
        });
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translate(text: &str) -> Result<String, String> {
        Translator::new()
            .translate(text)
            .map(|query| query.map(|q| q.all).unwrap_or_default())
            .map_err(|error| error.0)
    }

    #[test]
    fn words_expand_to_the_forms_that_share_their_stem() {
        let mut translator = Translator::new();
        let forms = translator.word_forms("election");
        assert_eq!(forms[0], "election");
        for form in ["elect", "elected", "elections"] {
            assert!(forms.contains(&form.to_string()), "{form} in {forms:?}");
        }
        let forms = translator.word_forms("plans");
        assert!(forms.contains(&"plan".to_string()), "{forms:?}");
        assert!(forms.contains(&"planned".to_string()), "{forms:?}");
        let forms = translator.word_forms("economy");
        assert!(forms.contains(&"economies".to_string()), "{forms:?}");
        // Numbers and mixed tokens are searched as written.
        assert_eq!(translator.word_forms("2005"), vec!["2005"]);
        assert!(forms.len() <= MAX_WORD_FORMS);
    }

    #[test]
    fn bare_words_search_boosted_titles_and_text() {
        let query = translate("tram").unwrap_or_default();
        assert!(
            query.starts_with("(title:tram^2 OR title:trams^2"),
            "{query}"
        );
        assert!(query.contains(" OR text:tram OR text:trams"), "{query}");
        assert!(query.contains("text:trams"), "{query}");
    }

    #[test]
    fn phrases_keep_word_order_and_expand_each_word() {
        let query = translate("\"interest rates\"").unwrap_or_default();
        assert!(query.contains("text:\"interest rates\""), "{query}");
        assert!(query.contains("text:\"interest rate\""), "{query}");
        assert!(query.contains("title:\"interest rates\"^2"), "{query}");
        let phrasings = query.matches("text:\"").count();
        assert!(phrasings <= MAX_PHRASE_FORMS, "{phrasings}");
    }

    #[test]
    fn quote_words_search_only_what_was_said() {
        let query = Translator::text_only().translate("tram").ok().flatten();
        let query = query.map(|q| q.all).unwrap_or_default();
        assert!(query.starts_with("(text:tram OR text:trams"), "{query}");
        assert!(!query.contains("title:"), "{query}");
    }

    #[test]
    fn fields_map_to_the_exported_mapping() {
        assert_eq!(
            translate("speaker:Witkoff").as_deref(),
            Ok("speaker_key:\"witkoff\"")
        );
        assert_eq!(
            translate("speaker:\"Tony Blair\"").as_deref(),
            Ok("speaker_key:\"tony blair\"")
        );
        assert_eq!(translate("entity:kyiv").as_deref(), Ok("entity:kyiv"));
        assert_eq!(
            translate("category:Politics").as_deref(),
            Ok("category:\"politics\"")
        );
        assert_eq!(
            translate("published:[2025-01-01T00:00:00Z TO 2025-02-01T00:00:00Z}").as_deref(),
            Ok("published:[2025-01-01T00:00:00Z TO 2025-02-01T00:00:00Z}")
        );
    }

    #[test]
    fn operators_groups_and_exclusions_are_kept() {
        let query = translate("(tram OR bus) -strike").unwrap_or_default();
        assert!(query.starts_with("((title:tram^2"), "{query}");
        assert!(query.contains(") OR (title:bus^2"), "{query}");
        assert!(query.contains(" -(title:strike^2"), "{query}");
    }

    #[test]
    fn plain_queries_keep_their_items_for_partial_matches() {
        let mut translator = Translator::new();
        let query = translator
            .translate("oil prices -opec")
            .ok()
            .flatten()
            .expect("a query");
        let labels: Vec<&str> = query.items.iter().map(|item| item.label.as_str()).collect();
        assert_eq!(labels, ["oil", "prices"]);
        assert_eq!(query.items[1].stems, ["price"]);
        assert_eq!(query.excluded.len(), 1);
        let relaxed = query.relaxed().unwrap_or_default();
        assert!(relaxed.contains(") -((title:oil^2"), "{relaxed}");
        let grouped = translator.translate("(oil OR gas) prices").ok().flatten();
        assert!(grouped.is_some_and(|q| q.items.is_empty()));
    }

    #[test]
    fn untranslatable_constructs_are_named() {
        for (query, construct) in [
            ("tram^3", "`tram^3` (a boost)"),
            ("tram~1", "`tram~1` (a fuzzy term)"),
            ("\"night tram\"~2", "`\"night tram\"~2` (phrase slop)"),
            ("tram*", "`tram*` (a wildcard)"),
            ("title:(tram bus)", "`title:(` (a field applied to a group)"),
        ] {
            let error = translate(query).err().unwrap_or_default();
            assert!(error.contains(construct), "{query}: {error}");
            assert!(!error.contains('\n'));
        }
        // Syntax errors are the local front end's, word for word.
        let error = translate("peace \"plan").err().unwrap_or_default();
        assert!(
            error.starts_with("query has an unbalanced quote"),
            "{error}"
        );
        let error = translate("nosuch:x").err().unwrap_or_default();
        assert!(error.starts_with("unknown field `nosuch:`"), "{error}");
    }

    #[test]
    fn filters_become_clauses_and_timestamps() {
        let filters = Filters {
            speakers: vec!["Tony Blair".into(), "Brown".into()],
            entities: vec!["Kyiv".into()],
            since: NaiveDate::from_ymd_opt(2025, 1, 1),
            until: NaiveDate::from_ymd_opt(2025, 12, 31),
            ..Filters::default()
        };
        let (clauses, start, end) = filter_query(&filters, true);
        assert_eq!(
            clauses,
            [
                "(article_speaker_key:\"tony blair\" OR article_speaker_key:\"brown\")",
                "article_entity_key:\"kyiv\"",
                "dated:true",
            ]
        );
        assert_eq!(start, Some(1_735_689_600));
        // end_timestamp is exclusive: the whole of 31 December counts.
        assert_eq!(end, Some(1_767_225_600));
        let (clauses, start, _) = filter_query(&filters, false);
        assert!(clauses.contains(&"dated:false".to_string()));
        assert_eq!(start, None);
        assert_eq!(
            preferred_query(&filters).as_deref(),
            Some("(speaker_key:\"tony blair\" OR speaker_key:\"brown\" OR entity_key:\"kyiv\")")
        );
    }
}
