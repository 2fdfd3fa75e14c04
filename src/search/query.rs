//! The query front end: checks a user's query, explains mistakes in one line,
//! and turns it into Tantivy queries.
//!
//! Besides the whole query (all words required), it keeps each top-level item
//! (a word, a "phrase", a `field:value`) as its own query, so that search can
//! fall back to passages that match most of the words and say which ones they
//! miss. Filters (`--speaker`, dates) are not parsed here; see `filters`.

use std::fmt;

use tantivy::Index;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, QueryParserError};

use crate::index::schema::{Fields, query_tokenizers};

/// Fields a user may name in a query, for error messages and `--help`.
pub const QUERY_FIELDS: &[&str] = &[
    "title",
    "text",
    "speaker",
    "org_speaker",
    "entity",
    "category",
    "source",
    "published",
];

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 2_000;

/// A query the user got wrong, with what is wrong and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError(pub String);

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

/// One top-level part of the query that must match.
pub struct QueryItem {
    /// The item as the user wrote it, shown as "missing: …".
    pub label: String,
    /// The item alone, as a query.
    pub query: Box<dyn Query>,
}

/// A parsed query.
pub struct ParsedQuery {
    /// The whole query: every item required.
    pub all: Box<dyn Query>,
    /// The required items, when the query is a plain list that can be relaxed
    /// to "most of the words" (no OR, no groups, at least two items).
    pub items: Vec<QueryItem>,
    /// Excluded items (`-word`), kept out of relaxed matches too.
    pub excluded: Vec<Box<dyn Query>>,
    /// True when every required item is words or a phrase in the front end's
    /// own fields (a plain list, no operators): then only documents of the
    /// front end's kind can match, whole or relaxed, and search can skip the
    /// filter on document kind.
    pub anchored: bool,
}

impl ParsedQuery {
    /// Matches passages that have at least one of the items and none of the
    /// excluded ones; `None` when the query cannot be relaxed.
    pub fn relaxed(&self) -> Option<Box<dyn Query>> {
        if self.items.len() < 2 {
            return None;
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = self
            .items
            .iter()
            .map(|item| (Occur::Should, item.query.box_clone()))
            .collect();
        clauses.extend(
            self.excluded
                .iter()
                .map(|query| (Occur::MustNot, query.box_clone())),
        );
        Some(Box::new(BooleanQuery::with_minimum_required_clauses(
            clauses, 1,
        )))
    }
}

/// Parses queries against one index.
pub struct QueryFrontEnd {
    parser: QueryParser,
    /// Field names that only the front end's kind of document has, so an
    /// item naming one (`title:envoy`) keeps a query anchored.
    own_fields: &'static [&'static str],
}

impl QueryFrontEnd {
    /// A parser that searches passages (their text and their article's
    /// headline, one field: see `Fields::text`), with every word required
    /// unless `OR` says otherwise.
    pub fn new(index: &Index, fields: &Fields) -> QueryFrontEnd {
        let mut parser = QueryParser::new(index.schema(), vec![fields.text], query_tokenizers());
        parser.set_conjunction_by_default();
        QueryFrontEnd {
            parser,
            own_fields: &["title", "text"],
        }
    }

    /// A parser whose bare words search what quotes say: their words, not
    /// the headline of the article they come from.
    pub fn quotes(index: &Index, fields: &Fields) -> QueryFrontEnd {
        let mut parser = QueryParser::new(index.schema(), vec![fields.quote], query_tokenizers());
        parser.set_conjunction_by_default();
        QueryFrontEnd {
            parser,
            own_fields: &["quote"],
        }
    }

    /// True when `item` (one top-level item, `+` stripped) is words or a
    /// phrase searched in the default fields or in one of `own_fields`.
    fn is_anchored_item(&self, item: &str) -> bool {
        let field_end = item
            .find(':')
            .filter(|&colon| item.find('"').is_none_or(|quote| colon < quote));
        let words = match field_end {
            Some(colon) if self.own_fields.contains(&&item[..colon]) => &item[colon + 1..],
            Some(_) => return false,
            None => item,
        };
        // Not `*` (everything), a range or a group: a word or a phrase.
        words
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '"')
    }

    /// Parses `text`; an empty (all-whitespace) query is `Ok(None)`.
    pub fn parse(&self, text: &str) -> Result<Option<ParsedQuery>, QueryError> {
        if text.chars().count() > MAX_QUERY_CHARS {
            return Err(QueryError(format!(
                "query is {} characters long; the limit is {MAX_QUERY_CHARS}",
                text.chars().count()
            )));
        }
        if let Some((position, c)) = text
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && !c.is_whitespace())
        {
            return Err(QueryError(format!(
                "query has a control character (U+{:04X}) at character {}",
                c as u32,
                position + 1
            )));
        }
        let lexed = split_items(text)?;
        if lexed.items.is_empty() {
            return Ok(None);
        }
        let all = self.parse_part(text)?;
        let mut items = Vec::new();
        let mut excluded = Vec::new();
        if !lexed.has_operators {
            for item in &lexed.items {
                if let Some(negated) = item.strip_prefix('-') {
                    excluded.push(self.parse_part(negated)?);
                } else {
                    let label = item.strip_prefix('+').unwrap_or(item).to_string();
                    items.push(QueryItem {
                        query: self.parse_part(&label)?,
                        label,
                    });
                }
            }
        }
        let anchored = !lexed.has_operators
            && !items.is_empty()
            && items.iter().all(|item| self.is_anchored_item(&item.label));
        Ok(Some(ParsedQuery {
            all,
            items,
            excluded,
            anchored,
        }))
    }

    fn parse_part(&self, text: &str) -> Result<Box<dyn Query>, QueryError> {
        self.parser
            .parse_query(text)
            .map_err(|error| explain(error, text))
    }
}

/// The top-level items of a query, and whether it uses operators or groups.
#[derive(Debug, PartialEq, Eq)]
struct LexedQuery {
    items: Vec<String>,
    has_operators: bool,
}

/// Splits a query at top-level whitespace, checking that quotes, parentheses
/// and range brackets balance, and pointing at the character where they do not.
fn split_items(text: &str) -> Result<LexedQuery, QueryError> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut has_operators = false;
    let mut open_quote: Option<usize> = None;
    let mut open_groups: Vec<(char, usize)> = Vec::new();
    for (position, c) in text.chars().enumerate() {
        let at = position + 1;
        if let Some(_quote_start) = open_quote {
            if c == '"' {
                open_quote = None;
            }
            current.push(c);
            continue;
        }
        match c {
            '"' => open_quote = Some(at),
            '(' | '[' | '{' => open_groups.push((c, at)),
            ')' | ']' | '}' => {
                let expected = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                match open_groups.pop() {
                    // Ranges may be half-open: `[a TO b}`.
                    Some((open, _)) if open == expected || (open != '(' && c != ')') => {}
                    Some((open, open_at)) => {
                        return Err(QueryError(format!(
                            "query has `{c}` at character {at} but the `{open}` at character {open_at} is not closed"
                        )));
                    }
                    None => {
                        return Err(QueryError(format!(
                            "query has `{c}` at character {at} with nothing open before it"
                        )));
                    }
                }
                has_operators |= c == ')';
            }
            _ => {}
        }
        if c.is_whitespace() && open_groups.is_empty() {
            if !current.is_empty() {
                items.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if let Some(start) = open_quote {
        return Err(QueryError(format!(
            "query has an unbalanced quote: the `\"` at character {start} is never closed"
        )));
    }
    if let Some((open, at)) = open_groups.pop() {
        return Err(QueryError(format!(
            "query has an unclosed `{open}` at character {at}"
        )));
    }
    if !current.is_empty() {
        items.push(current);
    }
    has_operators |= items
        .iter()
        .any(|item| matches!(item.as_str(), "OR" | "AND" | "NOT" | "||" | "&&"));
    Ok(LexedQuery {
        items,
        has_operators,
    })
}

/// Turns Tantivy's parser errors into one line a user can act on.
fn explain(error: QueryParserError, query: &str) -> QueryError {
    let QueryError(message) = explain_lines(error, query);
    // The query and Tantivy's detail may hold newlines; the error is one line.
    QueryError(message.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn explain_lines(error: QueryParserError, query: &str) -> QueryError {
    let message = match error {
        QueryParserError::FieldDoesNotExist(field) | QueryParserError::FieldNotIndexed(field) => {
            format!(
                "unknown field `{field}:` in query; searchable fields are {}",
                QUERY_FIELDS.join(", ")
            )
        }
        QueryParserError::AllButQueryForbidden => {
            "query only excludes words; add at least one word to search for".to_string()
        }
        QueryParserError::DateFormatError(_) => {
            "a date in the query is not RFC 3339 (e.g. published:[2025-01-01T00:00:00Z TO 2025-02-01T00:00:00Z}); --since/--until are easier".to_string()
        }
        QueryParserError::SyntaxError(detail) => {
            format!("query `{query}` is not valid syntax ({detail})")
        }
        other => format!("query `{query}` cannot be searched: {other}"),
    };
    QueryError(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<String> {
        split_items(text)
            .map(|lexed| lexed.items)
            .unwrap_or_default()
    }

    #[test]
    fn splits_words_phrases_and_fields() {
        assert_eq!(
            items(r#"peace "draft plan" speaker:witkoff -russia"#),
            vec!["peace", "\"draft plan\"", "speaker:witkoff", "-russia"]
        );
        assert_eq!(
            items(r#"title:"a b" (x OR y)"#),
            vec!["title:\"a b\"", "(x OR y)"]
        );
    }

    #[test]
    fn only_plain_words_and_phrases_in_own_fields_anchor_a_query() {
        let index = tantivy::Index::create_in_ram(crate::index::schema::build_schema());
        crate::index::schema::register_analyzers(&index);
        let fields = Fields::new(&index.schema()).expect("fields");
        let passages = QueryFrontEnd::new(&index, &fields);
        let quotes = QueryFrontEnd::quotes(&index, &fields);
        let anchored = |front_end: &QueryFrontEnd, text: &str| {
            front_end
                .parse(text)
                .ok()
                .flatten()
                .is_some_and(|parsed| parsed.anchored)
        };
        for text in [
            "peace",
            "peace plan",
            r#""peace plan" -russia"#,
            "title:envoy talks",
            r#"+peace text:"draft plan""#,
        ] {
            assert!(anchored(&passages, text), "{text}");
        }
        // Fields quotes or other documents have too, operators, everything.
        for text in [
            "speaker:witkoff",
            "peace speaker:witkoff",
            "category:politics peace",
            "peace OR plan",
            "(peace plan)",
            "*",
            "-russia",
            "published:[2020-01-01T00:00:00Z TO 2021-01-01T00:00:00Z]",
        ] {
            assert!(!anchored(&passages, text), "{text}");
        }
        assert!(anchored(&quotes, "peace plan"));
        assert!(!anchored(&quotes, "title:envoy"));
    }

    #[test]
    fn operators_and_groups_are_noticed() {
        assert!(split_items("a OR b").is_ok_and(|lexed| lexed.has_operators));
        assert!(split_items("(a b) c").is_ok_and(|lexed| lexed.has_operators));
        assert!(split_items("a b").is_ok_and(|lexed| !lexed.has_operators));
    }

    #[test]
    fn unbalanced_quotes_and_parentheses_say_where() {
        let error = split_items(r#"peace "plan"#).err().map(|e| e.0);
        assert_eq!(
            error.as_deref(),
            Some("query has an unbalanced quote: the `\"` at character 7 is never closed")
        );
        let error = split_items("a (b").err().map(|e| e.0);
        assert_eq!(
            error.as_deref(),
            Some("query has an unclosed `(` at character 3")
        );
        let error = split_items("a)").err().map(|e| e.0);
        assert_eq!(
            error.as_deref(),
            Some("query has `)` at character 2 with nothing open before it")
        );
    }

    #[test]
    fn half_open_ranges_balance() {
        assert!(split_items("published:[2025-01-01T00:00:00Z TO 2026-01-01T00:00:00Z}").is_ok());
    }
}
