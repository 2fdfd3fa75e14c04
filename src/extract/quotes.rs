//! Who said what: each attribution the speaker finder made, with its cue and
//! the words said.
//!
//! A speaker event knows its sentence and its cue token. The words said are
//! the quoted stretches of that sentence (and of the quote-only sentences
//! that continue it), or, with no quotation marks, the reported clause: what
//! follows the cue ("said that ...", "told reporters ..."), or what precedes
//! it when the cue comes last ("..., he said", "..., according to X").

use super::Doc;
use super::Quote;
use super::entities::Mention;
use super::names::Person;
use super::speakers::{Speaker, SpeakerEvent};
use super::tokens::Kind;

/// Fewest words a quote must have to be worth a record of its own.
const MIN_WORDS: usize = 3;

/// Builds the quotes of an article from its speaker events.
pub(crate) fn find_quotes(
    doc: &Doc,
    events: &[SpeakerEvent],
    persons: &[Person],
    mentions: &[Mention],
) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    for event in events {
        // The headline is not a passage: nothing there to point a reader to.
        let Some(passage) = doc.passage_of(event.sentence) else {
            continue;
        };
        let (speaker, organization) = match &event.who {
            Speaker::Person(p) => match persons.get(*p) {
                Some(person) => (person.name.clone(), false),
                None => continue,
            },
            Speaker::Org(name) => (name.clone(), true),
        };
        let quoted = quoted_words(doc, event.sentence, events);
        let (text, direct) = if quoted.is_empty() {
            match event.cue.and_then(|cue| {
                let opens = speaker_opens_sentence(doc, event, mentions);
                reported_clause(doc, event.sentence, cue, opens)
            }) {
                Some(clause) => (clause, false),
                None => continue,
            }
        } else {
            (quoted, true)
        };
        // A quote that ends where the sentence goes on ("...," she said) keeps no comma.
        let text = text.trim_end_matches([',', ';', ':', ' ']).to_string();
        if text.split_whitespace().count() < MIN_WORDS {
            continue;
        }
        let cue = event.cue.map_or_else(
            || "continued".to_string(),
            |cue| cue_phrase(doc, event.sentence, cue),
        );
        let duplicate = quotes
            .iter()
            .any(|quote| quote.speaker == speaker && quote.text == text);
        if !duplicate {
            quotes.push(Quote {
                speaker,
                organization,
                cue,
                text,
                direct,
                passage,
            });
        }
    }
    quotes
}

/// The words inside quotation marks in sentence `si`, followed by those of
/// the next sentences of the passage that are quotation only and claimed by
/// no speaker of their own (a quote running on: `X said: "A. B. C."`).
fn quoted_words(doc: &Doc, si: usize, events: &[SpeakerEvent]) -> String {
    let sentence = doc.sentences[si];
    let text = doc.passages[sentence.passage];
    let mut spans = quoted_spans(doc, si);
    let claimed = |s: usize| events.iter().any(|event| event.sentence == s);
    // A sentence that starts inside a quotation continues one opened before
    // (`"A. B," he said`, `"A. B." ― X`): its first sentences are part of it.
    let mut first = si;
    while first > 0 && starts_inside_quote(doc, first) {
        let before = first - 1;
        if doc.sentences[before].passage != sentence.passage || claimed(before) {
            break;
        }
        first = before;
    }
    if first < si
        && let (Some(opening), Some(continued)) =
            (quoted_spans(doc, first).last(), spans.first_mut())
    {
        continued.0 = opening.0;
    }
    let mut pieces = long_enough(text, &spans);
    if pieces.is_empty() {
        return String::new();
    }
    for next in si + 1..doc.sentences.len() {
        let sentence_after = doc.sentences[next];
        let quote_only = sentence_after.passage == sentence.passage
            && doc.tokens[sentence_after.start].kind == Kind::OpenQuote
            && !claimed(next);
        if !quote_only {
            break;
        }
        spans = quoted_spans(doc, next);
        pieces.extend(long_enough(text, &spans));
    }
    pieces.join(" … ")
}

/// True when sentence `si` opens within a quotation opened before it.
fn starts_inside_quote(doc: &Doc, si: usize) -> bool {
    let sentence = doc.sentences[si];
    sentence.start < sentence.end
        && doc.tokens[sentence.start].in_quote
        && doc.tokens[sentence.start].kind != Kind::OpenQuote
}

/// The texts of `spans` with at least [`MIN_WORDS`] words.
fn long_enough(text: &str, spans: &[(usize, usize)]) -> Vec<String> {
    spans
        .iter()
        .map(|&(start, end)| text[start..end].trim())
        .filter(|stretch| stretch.split_whitespace().count() >= MIN_WORDS)
        .map(str::to_string)
        .collect()
}

/// The byte span of each run of quoted tokens in sentence `si`.
fn quoted_spans(doc: &Doc, si: usize) -> Vec<(usize, usize)> {
    let sentence = doc.sentences[si];
    let mut spans = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for token in &doc.tokens[sentence.start..sentence.end] {
        let inside = token.in_quote && !matches!(token.kind, Kind::OpenQuote | Kind::CloseQuote);
        match (&mut run, inside) {
            (Some((_, end)), true) => *end = token.end,
            (None, true) => run = Some((token.start, token.end)),
            (Some(span), false) => {
                spans.push(*span);
                run = None;
            }
            (None, false) => {}
        }
    }
    spans.extend(run);
    spans
}

/// True when the event's speaker is named at the start of its sentence
/// (after one word at most: "But Megan Hester, ..."), so that what comes
/// before the cue describes the speaker and is not what was said.
fn speaker_opens_sentence(doc: &Doc, event: &SpeakerEvent, mentions: &[Mention]) -> bool {
    let start = doc.sentences[event.sentence].start;
    let first = mentions.partition_point(|m| m.sentence < event.sentence);
    mentions[first..]
        .iter()
        .take_while(|m| m.sentence == event.sentence && m.start <= start + 1)
        .any(|m| match &event.who {
            Speaker::Person(p) => m.person == Some(*p),
            Speaker::Org(name) => m.name == *name,
        })
}

/// What was reported, for a sentence without quotation marks: the clause
/// after the cue (after "that" when it comes soon), or the clause before the
/// cue when the cue and its speaker close the sentence. When the speaker
/// opens the sentence (`speaker_first`), a comma before the cue closes a
/// description of them ("Digby Jones, director general of the CBI, said the
/// economy was slowing"), and what was said follows the cue.
fn reported_clause(doc: &Doc, si: usize, cue: usize, speaker_first: bool) -> Option<String> {
    let sentence = doc.sentences[si];
    let text = doc.passages[sentence.passage];
    let (first, last) = (sentence.start, sentence.end.checked_sub(1)?);
    // Sentence-final punctuation is not part of what was said.
    let mut end = last;
    while end > first && doc.tokens[end].kind == Kind::Punct {
        end -= 1;
    }
    // `get`, not indexing: a cue from another sentence must cost a quote,
    // never the whole run.
    let span = |from: usize, to: usize| -> Option<String> {
        if from > to || to > end {
            return None;
        }
        text.get(doc.tokens[from].start..doc.tokens[to].end)
            .map(str::to_string)
    };
    let according = doc.is_word(cue, "according");
    let comma_before = cue > first && doc.is_punct(cue - 1, ',');
    let near_the_end = end.saturating_sub(cue) <= 6;
    if comma_before && (according || (near_the_end && !speaker_first)) {
        // "The plan is dead, the minister said." / "..., according to X."
        return span(first, cue - 2);
    }
    if !according && end.saturating_sub(cue) <= 2 {
        // "The plan is dead, Mr Jones said (on Monday).": the speaker stands
        // between a comma and the cue, and little or nothing follows it.
        let nearest_comma = (first.max(cue.saturating_sub(6))..cue)
            .rev()
            .find(|&k| doc.is_punct(k, ','));
        if let Some(comma) = nearest_comma.filter(|&comma| comma > first) {
            return span(first, comma - 1);
        }
    }
    if according {
        // "According to X, the plan is dead."
        let comma = (cue..=end).find(|&k| doc.is_punct(k, ','))?;
        return span(comma + 1, end);
    }
    let mut from = cue + 1;
    // "told reporters on Wednesday that ...": start after a near "that".
    if let Some(that) = (cue + 1..=end.min(cue + 8)).find(|&k| doc.is_word(k, "that")) {
        from = that + 1;
    } else if doc.tokens.get(from).is_some_and(|t| t.kind == Kind::Punct) {
        from += 1; // "said: ..." / "said, ..."
    }
    span(from, end)
}

/// The cue as a reader would quote it: "said", "told reporters",
/// "is quoted as saying", "according to".
fn cue_phrase(doc: &Doc, si: usize, cue: usize) -> String {
    let sentence = doc.sentences[si];
    let word = doc.text(cue);
    if word.eq_ignore_ascii_case("according") {
        return "according to".to_string();
    }
    if word == "saying"
        && cue >= sentence.start + 2
        && doc.text(cue - 1) == "as"
        && doc.text(cue - 2) == "quoted"
    {
        return "is quoted as saying".to_string();
    }
    // "told reporters", "told journalists": who was told, when it is a role.
    let next = cue + 1;
    let object = next < sentence.end
        && doc.tokens[next].kind == Kind::Word
        && matches!(
            doc.text(next),
            "reporters" | "journalists" | "delegates" | "supporters" | "parliament" | "MPs"
        );
    if object {
        format!("{word} {}", doc.text(next))
    } else {
        word.to_string()
    }
}
