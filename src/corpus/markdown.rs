//! Markdown articles (`.md`, `.markdown`) with optional YAML front matter.
//!
//! Front matter gives the metadata (title, date, authors, url, source, tags);
//! the body is reduced to plain paragraphs: markup is stripped, not rendered.
//! This is a line-based reduction tuned for prose, not a CommonMark parser:
//! it knows headings, emphasis, code, links, images, quotes, lists, tables,
//! rules, HTML tags and fenced code, which covers what news Markdown uses.
//! Code blocks and images are dropped (they are not article text); headings
//! become paragraphs of their own, so they stay searchable.

use std::path::Path;

use serde_yaml_ng::Value;

use super::date::parse_published;
use super::draft::{Draft, Place};
use super::{Article, Problem};
use crate::text::normalize_whitespace;

/// Parses the text of a Markdown file.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Article, Problem> {
    let (front, body) = split_front_matter(text).map_err(|reason| Problem::new(path, reason))?;
    let mut draft = Draft::default();
    if let Some(yaml) = front {
        apply_front_matter(&mut draft, yaml).map_err(|reason| Problem::new(path, reason))?;
    }
    let mut blocks = blocks(body);
    if let Some(first) = blocks.first()
        && first.heading == Some(1)
    {
        match &draft.title {
            None => draft.title = Some(blocks.remove(0).text),
            // The same headline repeated under the front matter.
            Some(title) if title.to_lowercase() == first.text.to_lowercase() => {
                blocks.remove(0);
            }
            Some(_) => {}
        }
    }
    draft.paragraphs = blocks.into_iter().map(|b| b.text).collect();
    draft.finish(path, Place::File)
}

/// Splits `---` front matter from the body. `Ok((None, text))` when the file
/// does not start with a `---` line.
fn split_front_matter(text: &str) -> Result<(Option<&str>, &str), String> {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Ok((None, text));
    };
    if first.trim_end() != "---" {
        return Ok((None, text));
    }
    let start = first.len();
    let mut offset = start;
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            return Ok((Some(&text[start..offset]), &text[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err("bad front matter: no closing `---` line (file not indexed)".to_string())
}

/// Fills the draft from YAML front matter. Unknown keys are ignored; YAML that
/// does not parse is an error, because silently indexing such a file without
/// its date and title would hide the mistake.
fn apply_front_matter(draft: &mut Draft, yaml: &str) -> Result<(), String> {
    let value: Value = serde_yaml_ng::from_str(yaml)
        .map_err(|e| format!("bad front matter: {e} (file not indexed)"))?;
    let map = match value {
        Value::Null => return Ok(()),
        Value::Mapping(map) => map,
        _ => {
            return Err(
                "bad front matter: expected `key: value` lines (file not indexed)".to_string(),
            );
        }
    };
    for (key, value) in &map {
        let Some(key) = key.as_str() else { continue };
        match key.to_ascii_lowercase().as_str() {
            "title" | "headline" => draft.title = draft.title.take().or_else(|| scalar(value)),
            "date" | "published" | "pubdate" | "publish_date" => {
                draft.published = draft
                    .published
                    .or_else(|| scalar(value).and_then(|s| parse_published(&s)));
            }
            "author" | "authors" | "by" => draft.authors.extend(list(value, true)),
            "url" | "link" => draft.url = draft.url.take().or_else(|| scalar(value)),
            "source" | "publisher" | "site" => {
                draft.source = draft.source.take().or_else(|| scalar(value));
            }
            "tags" | "keywords" => draft.tags.extend(list(value, false)),
            _ => {}
        }
    }
    Ok(())
}

/// A string, number or boolean as text; also `{name: ...}`.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Mapping(map) => map.get("name").and_then(scalar),
        Value::Tagged(tagged) => scalar(&tagged.value),
        _ => None,
    }
}

/// A list of strings: a YAML list, or one string (split on commas for tags,
/// kept whole for names, since "Smith, Jr." is one author).
fn list(value: &Value, names: bool) -> Vec<String> {
    match value {
        Value::Sequence(items) => items.iter().filter_map(scalar).collect(),
        Value::String(s) if !names => s.split(',').map(str::to_string).collect(),
        _ => scalar(value).into_iter().collect(),
    }
}

/// One paragraph of the body, or a heading (`Some(level)`).
#[derive(Debug, PartialEq)]
struct Block {
    text: String,
    heading: Option<u8>,
}

/// Reduces a Markdown body to plain blocks, in order.
fn blocks(body: &str) -> Vec<Block> {
    let mut out = Blocks::default();
    let mut fence: Option<(char, usize)> = None;
    let mut in_comment = false;
    for raw in body.lines() {
        if let Some((ch, len)) = fence {
            let t = raw.trim();
            if t.len() >= len && t.chars().all(|c| c == ch) {
                fence = None;
            }
            continue;
        }
        let mut line = raw;
        if in_comment {
            match line.find("-->") {
                Some(end) => {
                    in_comment = false;
                    line = &line[end + 3..];
                }
                None => continue,
            }
        }
        let indent = line.len() - line.trim_start().len();
        let mut t = line.trim();
        if indent < 4
            && let Some((ch, len)) = fence_open(t)
        {
            out.flush();
            fence = Some((ch, len));
            continue;
        }
        // An HTML comment that runs over several lines.
        if let Some(start) = t.find("<!--")
            && !t[start..].contains("-->")
        {
            in_comment = true;
            t = t[..start].trim_end();
        }
        while let Some(rest) = t.strip_prefix('>') {
            t = rest.trim_start();
        }
        if t.is_empty() {
            out.flush();
            continue;
        }
        if let Some(ch) = rule_char(t) {
            // Under a one-line paragraph, `===` and `---` make it a heading
            // (setext); anywhere else a rule is a break, and is dropped.
            let level = match ch {
                '=' => Some(1),
                '-' => Some(2),
                _ => None,
            };
            out.flush_as(level.filter(|_| out.lines.len() == 1));
            continue;
        }
        if let Some((level, text)) = atx_heading(t) {
            out.flush();
            out.push(strip_inline(text), Some(level));
            continue;
        }
        if is_link_definition(t) {
            continue;
        }
        if t.starts_with('|') {
            out.flush();
            if let Some(row) = table_row(t) {
                out.push(row, None);
            }
            continue;
        }
        if let Some(item) = list_item(t) {
            out.flush();
            t = item;
        }
        out.lines.push(strip_inline(t));
    }
    out.flush();
    out.blocks
}

#[derive(Default)]
struct Blocks {
    blocks: Vec<Block>,
    lines: Vec<String>,
}

impl Blocks {
    fn flush(&mut self) {
        self.flush_as(None);
    }

    fn flush_as(&mut self, heading: Option<u8>) {
        if !self.lines.is_empty() {
            let text = std::mem::take(&mut self.lines).join(" ");
            self.push(text, heading);
        }
    }

    fn push(&mut self, text: String, heading: Option<u8>) {
        let text = normalize_whitespace(&text);
        if !text.is_empty() {
            self.blocks.push(Block { text, heading });
        }
    }
}

/// "```" or "~~~" (3 or more) opening a fenced code block.
fn fence_open(t: &str) -> Option<(char, usize)> {
    let ch = t.chars().next().filter(|&c| c == '`' || c == '~')?;
    let len = t.chars().take_while(|&c| c == ch).count();
    (len >= 3).then_some((ch, len))
}

/// The character of a thematic break (`---`, `***`, `___`) or setext underline
/// (`===`): three or more of one character, spaces allowed.
fn rule_char(t: &str) -> Option<char> {
    let ch = t
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '*' | '_' | '='))?;
    let mut count = 0;
    for c in t.chars() {
        if c == ch {
            count += 1;
        } else if c != ' ' && c != '\t' {
            return None;
        }
    }
    (count >= 3).then_some(ch)
}

/// `## Heading ##` → (2, "Heading").
fn atx_heading(t: &str) -> Option<(u8, &str)> {
    let level = t.bytes().take_while(|&b| b == b'#').count();
    let rest = &t[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = rest.trim();
    // A closing run of `#` counts only after a space: "C#" stays "C#".
    let stripped = text.trim_end_matches('#');
    let text = if stripped.is_empty() || stripped.ends_with([' ', '\t']) {
        stripped.trim_end()
    } else {
        text
    };
    Some((u8::try_from(level).ok()?, text))
}

/// `[label]: https://...` (a reference-style link target, not text).
fn is_link_definition(t: &str) -> bool {
    t.starts_with('[')
        && t.find("]:").is_some_and(|i| {
            let label = &t[1..i];
            !label.is_empty() && !label.contains(['[', ']'])
        })
}

/// The text after a list bullet (`-`, `*`, `+`, `1.`, `1)`), and after a task
/// box (`[ ]`, `[x]`).
fn list_item(t: &str) -> Option<&str> {
    let rest = if let Some(rest) = t.strip_prefix(['-', '*', '+']) {
        rest
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        t[digits..].strip_prefix(['.', ')'])?
    };
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim_start();
    Some(
        ["[ ] ", "[x] ", "[X] "]
            .iter()
            .find_map(|b| rest.strip_prefix(b))
            .unwrap_or(rest),
    )
}

/// `| a | b |` → "a | b"; `|---|:-:|` → `None`.
fn table_row(t: &str) -> Option<String> {
    let inner = t.trim_matches('|');
    if inner
        .chars()
        .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '\t'))
    {
        return None;
    }
    let cells: Vec<String> = inner
        .split('|')
        .map(|cell| strip_inline(cell.trim()))
        .filter(|cell| !cell.is_empty())
        .collect();
    (!cells.is_empty()).then(|| cells.join(" | "))
}

/// Strips inline Markdown from one line: emphasis, code ticks, links (keeping
/// their text), images (dropped), HTML tags, escapes and entities.
fn strip_inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let emphasis = emphasis_markers(&chars);
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(char::is_ascii_punctuation) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '`' => {
                let run = run_len(&chars, i, '`');
                match find_run(&chars, i + run, '`', run) {
                    Some(close) => {
                        let code: String = chars[i + run..close].iter().collect();
                        out.push_str(code.trim());
                        i = close + run;
                    }
                    None => {
                        out.extend(&chars[i..i + run]);
                        i += run;
                    }
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link_end(&chars, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            '[' => match link_end(&chars, i) {
                Some((text_end, end)) => {
                    let text: String = chars[i + 1..text_end].iter().collect();
                    if !text.starts_with('^') {
                        out.push_str(&strip_inline(&text));
                    }
                    i = end;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            '<' => match html_tag_end(&chars, i) {
                Some(end) => {
                    let inner: String = chars[i + 1..end].iter().collect();
                    // An autolink `<https://...>` keeps its address.
                    if !inner.contains(char::is_whitespace)
                        && (inner.contains("://") || inner.contains('@'))
                    {
                        out.push_str(&inner);
                    }
                    i = end + 1;
                }
                None => {
                    out.push('<');
                    i += 1;
                }
            },
            '*' | '_' | '~' => {
                let run = run_len(&chars, i, c);
                if !emphasis[i] {
                    out.extend(&chars[i..i + run]);
                }
                i += run;
            }
            '&' => match entity(&chars, i) {
                Some((decoded, end)) => {
                    out.push(decoded);
                    i = end;
                }
                None => {
                    out.push('&');
                    i += 1;
                }
            },
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Marks (at the start index of each run) the `*`, `_` and `~~` runs that
/// are emphasis markers: runs that can open paired with a later run of the
/// same character and length that can close. Unpaired runs are prose
/// (`*.example.com`, `2 * 3`, `snake_case`, `~5km`) and stay.
fn emphasis_markers(chars: &[char]) -> Vec<bool> {
    let mut marked = vec![false; chars.len()];
    // Openers waiting for a closer: (index, char, run length).
    let mut open: Vec<(usize, char, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !matches!(c, '*' | '_' | '~') {
            i += if c == '\\' { 2 } else { 1 };
            continue;
        }
        let run = run_len(chars, i, c);
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + run).copied();
        let word = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
        let space = |ch: Option<char>| ch.is_none_or(char::is_whitespace);
        // `_` inside a word (snake_case) never delimits; `~` only as `~~`.
        let usable = match c {
            '_' => !(word(before) && word(after)),
            '~' => run == 2,
            _ => true,
        };
        if usable {
            let can_close = !space(before);
            let can_open = !space(after);
            let partner = open
                .iter()
                .rposition(|&(_, oc, olen)| oc == c && olen == run)
                .filter(|_| can_close);
            if let Some(k) = partner {
                marked[open[k].0] = true;
                marked[i] = true;
                open.truncate(k);
            } else if can_open {
                open.push((i, c, run));
            }
        }
        i += run;
    }
    marked
}

fn run_len(chars: &[char], start: usize, c: char) -> usize {
    chars[start..].iter().take_while(|&&x| x == c).count()
}

/// The start of the next run of exactly `len` `c` characters from `from`.
fn find_run(chars: &[char], from: usize, c: char, len: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == c {
            let run = run_len(chars, j, c);
            if run == len {
                return Some(j);
            }
            j += run;
        } else {
            j += 1;
        }
    }
    None
}

/// For `[text](url)` or `[text][ref]` starting at `open`: the index of the
/// `]` closing the text and the index just past the whole link.
fn link_end(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let text_end = matching(chars, open, '[', ']')?;
    match chars.get(text_end + 1) {
        Some('(') => Some((text_end, matching(chars, text_end + 1, '(', ')')? + 1)),
        Some('[') => Some((text_end, matching(chars, text_end + 1, '[', ']')? + 1)),
        _ => None,
    }
}

/// The index of the bracket closing the one at `open`, counting nesting.
fn matching(chars: &[char], open: usize, left: char, right: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = open;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 1,
            c if c == left => depth += 1,
            c if c == right => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
        j += 1;
    }
    None
}

/// The index of the `>` ending an HTML tag, comment or autolink at `open`.
fn html_tag_end(chars: &[char], open: usize) -> Option<usize> {
    let next = *chars.get(open + 1)?;
    if !(next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')) {
        return None;
    }
    chars[open..]
        .iter()
        .position(|&c| c == '>')
        .map(|p| open + p)
}

/// Decodes `&amp;`, `&#8217;`, `&#x2019;` and the named entities common in
/// news text; returns the character and the index past the `;`.
fn entity(chars: &[char], start: usize) -> Option<(char, usize)> {
    let semi = chars[start..].iter().take(12).position(|&c| c == ';')? + start;
    let name: String = chars[start + 1..semi].iter().collect();
    let decoded = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        match name.as_str() {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "pound" => '£',
            "euro" => '€',
            "copy" => '©',
            _ => return None,
        }
    };
    Some((decoded, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn parse_ok(text: &str) -> Article {
        parse(Path::new("wikinews/a.md"), text).expect("article")
    }

    #[test]
    fn front_matter_fields() {
        let a = parse_ok(
            "---\ntitle: \"Apple unveils iPod nano\"\ndate: 2005-09-07\nauthor: Jane Doe\n\
             url: https://www.example.org/x\ntags: [tech, apple]\nlicense: CC\n---\nBody text.\n",
        );
        assert_eq!(a.title, "Apple unveils iPod nano");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2005, 9, 7));
        assert_eq!(a.authors, vec!["Jane Doe"]);
        assert_eq!(a.source.as_deref(), Some("example.org"));
        assert_eq!(a.tags, vec!["tech", "apple"]);
        assert_eq!(a.paragraphs, vec!["Body text."]);
        assert_eq!(a.category.as_deref(), Some("wikinews"));
    }

    #[test]
    fn front_matter_value_shapes() {
        let a = parse_ok(
            "---\nTitle: 2024\npublished: \"March 14, 2025\"\nauthors:\n  - Ann\n  - name: Bob\n\
             publisher: The Site\ntags: \"a, b ,c\"\n---\n\nBody.",
        );
        assert_eq!(a.title, "2024");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 3, 14));
        assert_eq!(a.authors, vec!["Ann", "Bob"]);
        assert_eq!(a.source.as_deref(), Some("The Site"));
        assert_eq!(a.tags, vec!["a", "b", "c"]);
        let a = parse_ok("---\ndate: 2025-03-14T10:00:00Z\n---\nBody.");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 3, 14));
        let a = parse_ok("---\n---\n# Heading title\nBody.");
        assert_eq!(a.title, "Heading title");
    }

    #[test]
    fn bad_front_matter_is_a_problem() {
        let p = parse(Path::new("a.md"), "---\ntitle: [unclosed\n---\nBody.").expect_err("problem");
        assert!(p.reason.starts_with("bad front matter: "), "{}", p.reason);
        assert!(p.reason.ends_with("(file not indexed)"), "{}", p.reason);
        let p = parse(Path::new("a.md"), "---\n- a list\n---\nBody.").expect_err("problem");
        assert!(p.reason.starts_with("bad front matter: "), "{}", p.reason);
        let p = parse(Path::new("a.md"), "---\ntitle: x\nBody.").expect_err("problem");
        assert!(p.reason.contains("no closing"), "{}", p.reason);
    }

    #[test]
    fn leading_heading_is_the_title() {
        let a = parse_ok("# The *Title*\n\nFirst para\ncontinues here.\n\n## Section\n\nMore.");
        assert_eq!(a.title, "The Title");
        assert_eq!(
            a.paragraphs,
            vec!["First para continues here.", "Section", "More."]
        );
        // With a front-matter title, a repeated heading is dropped, another kept.
        let a = parse_ok("---\ntitle: The Title\n---\n# The title\n\nBody.");
        assert_eq!(a.paragraphs, vec!["Body."]);
        let a = parse_ok("---\ntitle: The Title\n---\n# Other\n\nBody.");
        assert_eq!(a.paragraphs, vec!["Other", "Body."]);
    }

    #[test]
    fn setext_headings_and_rules() {
        let a = parse_ok("The Title\n=========\n\nBody.\n\n---\n\nAfter rule.\n\nSub\n---\nText.");
        assert_eq!(a.title, "The Title");
        assert_eq!(a.paragraphs, vec!["Body.", "After rule.", "Sub", "Text."]);
    }

    #[test]
    fn inline_markup_is_stripped() {
        let a = parse_ok(
            "Body with **bold**, __strong__, *em*, _em_, ~~gone~~ and `code`.\n\n\
             A [link](https://x.org \"t\") and ![an image](i.png) and [ref][1] and <b>tags</b>.\n\n\
             snake_case, 2 * 3, 5*3, ~5km, C# and \\*escaped\\* &amp; &#8217;s and [music].\n\n\
             *.example.org hosts, ***both*** and **bold *nested* inside**.\n\n\
             [1]: https://example.org\n",
        );
        assert_eq!(
            a.paragraphs,
            vec![
                "Body with bold, strong, em, em, gone and code.",
                "A link and and ref and tags.",
                "snake_case, 2 * 3, 5*3, ~5km, C# and *escaped* & ’s and [music].",
                "*.example.org hosts, both and bold nested inside.",
            ]
        );
    }

    #[test]
    fn quotes_lists_code_tables_and_comments() {
        let a = parse_ok(
            "> Quoted line\n> continues.\n\n- item one\n- item **two**\n  wraps\n1. numbered\n2) other\n\n\
             ```rust\nlet x = 1;\n\n```\n\n~~~\ncode\n~~~\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n\
             <!-- a comment\nover lines -->\nAfter comment. <!-- inline --> End.\n\n- [x] done\n",
        );
        assert_eq!(
            a.paragraphs,
            vec![
                "Quoted line continues.",
                "item one",
                "item two wraps",
                "numbered",
                "other",
                "a | b",
                "1 | 2",
                "After comment. End.",
                "done",
            ]
        );
    }

    #[test]
    fn autolinks_keep_their_address() {
        let a = parse_ok("See <https://en.wikinews.org> now.");
        assert_eq!(a.paragraphs, vec!["See https://en.wikinews.org now."]);
    }

    #[test]
    fn no_body_is_a_problem() {
        let p = parse(Path::new("a.md"), "---\ntitle: T\n---\n\n```\ncode\n```\n")
            .expect_err("problem");
        assert_eq!(p.reason, "no article text");
        let p = parse(Path::new("a.md"), "# Only a heading\n").expect_err("problem");
        assert_eq!(p.reason, "no article text");
    }

    #[test]
    fn title_derived_when_missing() {
        let a = parse_ok("Just a body sentence here. And more.");
        assert_eq!(a.title, "Just a body sentence here");
    }
}
