//! Capitalised name sequences, the titles in front of them, and merging the
//! variants of one person's name within an article.
//!
//! A *run* is a maximal stretch of capitalised words in a sentence, joined
//! across "of", "for", "and" or a name particle only where the result reads as
//! one name ("Bank of England", "Trade and Industry Secretary", "Charles de
//! Gaulle"), across the full stop of "Mr." and initials, and ending at a
//! possessive ("Trump's"). [`split_title`] separates a run into the part
//! before the title ("U.S. Army"), the title ("Secretary") and the name
//! ("Dan Driscoll"). [`canonicalize`] maps every person mention to the fullest
//! form of the name used in the article. Deciding what kind of thing a name
//! is belongs to `entities`.

use rustc_hash::FxHashMap;

use super::Doc;
use super::entities::{EntityKind, Mention};
use super::lexicon::{self, Gender, class};

/// A stretch of capitalised words in one sentence.
#[derive(Clone, Debug)]
pub(crate) struct Run {
    /// Sentence index.
    pub sentence: usize,
    /// First token of the run.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Where the run's word tokens (connectors included, skipped dots
    /// excluded) sit in the word buffer [`find_runs`] filled: one buffer for
    /// all runs of a sentence rather than a `Vec` per run, which was an
    /// allocation for nearly every capitalised word.
    pub words: std::ops::Range<usize>,
}

/// Lower-case words that may sit inside a name: particles ("de", "van").
pub(crate) const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "bin", "ibn", "al", "da", "di", "du", "del", "la", "le",
    "ter", "dos", "das", "dela", "della",
];

/// Capitalised words that take an "of" complement inside a name ("House of Commons").
const OF_HEADS: &[&str] = &[
    "House",
    "Republic",
    "Kingdom",
    "Isle",
    "Cape",
    "Strait",
    "Duke",
    "Duchess",
    "Earl",
    "Chambers",
    "Church",
    "Museum",
    "Bank",
    "Secretary",
    "Minister",
    "Ministry",
    "Directorate",
    "Department",
    "Office",
    "University",
    "Court",
    "Council",
    "Institute",
    "College",
    "School",
    "Director",
    "Chairman",
    "Head",
    "Chief",
    "Association",
    "Federation",
    "Union",
    "League",
    "Society",
    "Board",
    "Commission",
    "Committee",
    "Bishop",
    "Archbishop",
    "Mayor",
    "Governor",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "City",
    "State",
    "Chamber",
    "Bay",
    "Gulf",
    "Sea",
    "Statue",
    "Tower",
    "Leader",
    "Speaker",
    "Chancellor",
    "Friends",
    "Party",
    "Organisation",
    "Organization",
    "Agency",
    "Bureau",
    "Palace",
    "Mount",
    "Lake",
    "River",
    "Order",
    "Confederation",
    "Sisters",
    "Daughters",
    "Sons",
    "Knights",
    "Archdiocese",
    "Diocese",
    "Province",
    "Minister",
    "Shadow",
    "Centre",
    "Center",
    "Fund",
    "Authority",
    "Service",
    "Services",
    "Academy",
    "Conference",
    "Conservatory",
    "Hall",
    "Master",
    "Lord",
    "Lords",
    "Commons",
];

/// Abbreviations after which a full stop stays inside the name ("Mr.", "St.").
fn takes_dot(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Jr"
            | "Sr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Col"
            | "Lt"
            | "Sgt"
            | "Capt"
            | "Rev"
            | "Prof"
            | "Mt"
            | "Ft"
    ) || is_initial(word)
}

/// A capital letter alone: "W" of "George W. Bush".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// "I", "I'm", "I've": never part of a name.
fn is_first_person(word: &str) -> bool {
    word == "I" || word.starts_with("I'") || word.starts_with("I’")
}

/// Appends the runs of sentence `sentence` to `out`, and their word tokens to
/// `buffer` (see [`Run::words`]).
pub(crate) fn find_runs(doc: &Doc, sentence: usize, out: &mut Vec<Run>, buffer: &mut Vec<usize>) {
    let s = doc.sentences[sentence];
    let mut i = s.start;
    while i < s.end {
        if !doc.is_cap(i) || is_first_person(doc.text(i)) {
            i += 1;
            continue;
        }
        let first_word = buffer.len();
        buffer.push(i);
        let mut last = i;
        loop {
            let t = &doc.tokens[last];
            if t.possessive || t.hyphen_suffix {
                break;
            }
            let mut k = last + 1;
            if k < s.end
                && doc.is_punct(k, '.')
                && !doc.tokens[k].space_before
                && takes_dot(doc.core(last))
            {
                k += 1;
            }
            if k >= s.end {
                break;
            }
            // "G.K. Butterfield": initials written without spaces.
            let next_initial =
                k > last + 1 && is_initial(doc.core(last)) && is_initial(doc.core(k));
            // "… analyst Vadim Mitroshin The dispute …": a paragraph break
            // lost in the source; a name goes on with "The" only in title
            // case ("Meet The Fockers").
            let sentence_lost = doc.text(k) == "The"
                && k + 1 < s.end
                && doc.tokens[k + 1].kind == super::tokens::Kind::Word
                && !doc.is_cap(k + 1);
            if doc.is_cap(k)
                && (doc.tokens[k].space_before || next_initial)
                && !is_first_person(doc.text(k))
                && !sentence_lost
            {
                buffer.push(k);
                last = k;
                continue;
            }
            // Stations and channels numbered: "BBC Radio 4", "BBC News 24";
            // and the prime minister's office, "Number 10".
            if doc.tokens[k].kind == super::tokens::Kind::Number
                && doc.tokens[k].space_before
                && matches!(doc.core(last), "Radio" | "Channel" | "News" | "Number")
            {
                buffer.push(k);
                last = k;
                continue;
            }
            match connector_span(doc, s.end, &buffer[first_word..], k) {
                Some(next) => {
                    buffer.extend(k..=next);
                    last = next;
                }
                None => break,
            }
        }
        out.push(Run {
            sentence,
            start: i,
            end: last + 1,
            words: first_word..buffer.len(),
        });
        i = last + 1;
    }
}

/// When token `k` starts a connector that joins the run so far (`words`) to
/// the capitalised word after it, returns that word's index.
fn connector_span(doc: &Doc, end: usize, words: &[usize], k: usize) -> Option<usize> {
    if doc.tokens[k].kind != super::tokens::Kind::Word && !doc.is_punct(k, '&') {
        return None;
    }
    let word = doc.text(k);
    let next_cap = |j: usize| j < end && doc.is_cap(j);
    if PARTICLES.contains(&word) {
        return next_cap(k + 1).then_some(k + 1);
    }
    let last_word = *words.last()?;
    let last = doc.core(last_word);
    // "The Mail on Sunday", "Scotland on Sunday": a paper's name, not a day.
    if word == "on"
        && next_cap(k + 1)
        && doc.core(k + 1) == "Sunday"
        && matches!(
            last,
            "Mail"
                | "Independent"
                | "Express"
                | "Mirror"
                | "Telegraph"
                | "Post"
                | "Scotland"
                | "Herald"
                | "People"
        )
    {
        return Some(k + 1);
    }
    match word {
        "of" | "for" | "on" => {
            let head_ok = if word == "on" {
                matches!(
                    last,
                    "Commission"
                        | "Committee"
                        | "Council"
                        | "Board"
                        | "Panel"
                        | "Conference"
                        | "Group"
                        | "Inquiry"
                        | "Forum"
                        | "Project"
                        | "Campaign"
                        | "Centre"
                        | "Center"
                        | "Institute"
                )
            } else {
                OF_HEADS.contains(&last)
                    // Inside a body's long name: "Court of Arbitration for
                    // Sport", "Academy of Motion Picture Arts".
                    || words.windows(2).any(|pair| {
                        OF_HEADS.contains(&doc.core(pair[0])) && doc.is_word(pair[1], "of")
                    })
            } || (word != "on" && doc.has(last_word, class::ORG_WORD))
                || (word != "on" && doc.has(last_word, class::TITLE))
                || doc.has(last_word, class::PLACE_WORD);
            if !head_ok {
                return None;
            }
            let j = if k + 1 < end && doc.text(k + 1) == "the" {
                k + 2
            } else {
                k + 1
            };
            // "the Staples Centre on Wednesday": a day is no subject.
            (next_cap(j) && !(word == "on" && doc.has(j, class::CALENDAR))).then_some(j)
        }
        "and" | "&" => {
            if !next_cap(k + 1) {
                return None;
            }
            if word == "&" {
                return Some(k + 1);
            }
            // "Toyota and General Motors", "BBC One and BBC News 24": a
            // known body before "and" is a name of its own; so is a person
            // before one ("Michael Mann and Graham King").
            // Nor does one before a demonym ("Subaru and South Korean
            // Hyundai Motor Company").
            let demonym_follows = doc.has(k + 1, class::DEMONYM)
                || (matches!(doc.core(k + 1), "North" | "South" | "East" | "West")
                    && k + 2 < end
                    && doc.has(k + 2, class::DEMONYM));
            let named = match words {
                [the, rest @ ..] if !rest.is_empty() && doc.core(*the) == "The" => rest,
                _ => words,
            };
            if lexicon::organization(&name_text(doc, named)).is_some()
                || doc.has(k + 1, class::FIRST_NAME)
                || demonym_follows
            {
                return None;
            }
            // Join only when the words after "and" end in an organisation or
            // title word: "Trade and Industry Secretary", not "Putin and Trump".
            let mut j = k + 1;
            while j + 1 < end && doc.is_cap(j + 1) && !doc.tokens[j].possessive {
                j += 1;
            }
            // Inside the long name of a body ("Organisation for Economic
            // Co-operation and Development", "Department of Trade and
            // Industry"), "and" joins its parts too.
            // "National Institute of Economic and Social Research" too, when
            // no word after "and" is a known name or an acronym of its own
            // ("the Council of Europe and Nato", "University of Leeds and
            // Oxford", "Broadcasting for Handsets and DMB").
            let long_body_name = words.windows(2).any(|pair| {
                matches!(doc.text(pair[1]), "of" | "for" | "on")
                    && (matches!(
                        doc.core(pair[0]),
                        "Organisation" | "Organization" | "Department" | "Ministry" | "Office"
                    ) || (doc.has(pair[0], class::ORG_WORD)
                        && (k + 1..=j).all(|w| {
                            !doc.has(w, class::PLACE | class::FIRST_NAME | class::DEMONYM)
                                && lexicon::organization(doc.core(w)).is_none()
                                && doc.core(w).chars().any(char::is_lowercase)
                        })))
            });
            // "President and CEO Andy Vesey": two titles joined.
            let titles = doc.has(last_word, class::TITLE) && doc.has(k + 1, class::TITLE);
            // "Faleolo District Hospital and Leulumoega District Hospital",
            // "Citizens Bank and Canal Bank": two bodies of one kind (not
            // "Securities and Exchange Commission", "Bank and Trust").
            let two_bodies = words.len() >= 2
                && doc.has(last_word, class::ORG_WORD)
                && doc.core(j) == doc.core(last_word);
            ((doc.has(j, class::ORG_WORD) && !two_bodies)
                || doc.has(j, class::TITLE)
                || long_body_name
                || titles)
                .then_some(k + 1)
        }
        _ => None,
    }
}

/// A run cut into what precedes the title, the title, and the name: slices
/// of the run's words, so that cutting allocates nothing.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameParts<'w> {
    /// Words before the title ("U.S. Army" in "U.S. Army Secretary Dan Driscoll").
    pub before: &'w [usize],
    /// True when a title was found and a name follows it.
    pub titled: bool,
    /// Gender implied by an honorific in the title, if any.
    pub gender: Option<Gender>,
    /// The name words (the whole run when there is no title).
    pub name: &'w [usize],
}

/// True for a word that can be part of a person's name after a title.
fn name_like(doc: &Doc, i: usize) -> bool {
    doc.is_cap(i)
        && !doc.has(
            i,
            class::TITLE | class::ORG_WORD | class::NOT_NAME | class::DEMONYM | class::PLACE_WORD,
        )
}

/// Splits a run's words (sentence starters already removed) at its title.
pub(crate) fn split_title<'w>(doc: &Doc, words: &'w [usize]) -> NameParts<'w> {
    let n = words.len();
    // A department's word is part of a title only before a role ("Energy
    // Secretary Ed Davey") or as a role's office ("Secretary of Energy
    // Spencer Abraham"), not in "analyst at Energy Merchant" or "the Centre
    // of Indian Trade Unions".
    if n >= 2
        && let Some(t) = (0..n - 1).rev().find(|&t| {
            doc.has(words[t], class::TITLE)
                && (!lexicon::is_department(doc.core(words[t]))
                    || (t >= 2
                        && doc.core(words[t - 1]) == "of"
                        && doc.has(words[t - 2], class::TITLE)))
        })
        && words[t + 1..].iter().all(|&w| name_like(doc, w))
        // "Martin Luther King Jr": a suffix is no name.
        && !(t + 2 == n && is_generational_suffix(doc.core(words[t + 1])))
    {
        let mut first = t;
        while first > 0 {
            let prev = words[first - 1];
            if doc.has(prev, class::TITLE) || matches!(doc.core(prev), "of" | "for" | "the" | "and")
            {
                first -= 1;
            } else {
                break;
            }
        }
        return titled(doc, words, first, t + 1);
    }
    // "Secretary of the Air Force James Roche", "Assistant Secretary of the
    // Air Force for Acquisition Marvin Sambur": a title naming its office
    // ends where a given name starts the name words that close the run.
    if n >= 4
        && let Some(given) = (2..n - 1).rev().find(|&g| {
            doc.has(words[g], class::FIRST_NAME)
                && words[g..].iter().all(|&w| name_like(doc, w))
                && words[g - 1] + 1 == words[g]
                && !doc.has(words[g - 1], class::FIRST_NAME)
        })
        // The title itself may have been taken off already, as a sentence's
        // opening role word, leaving "of the Air Force James Roche".
        && let Some(first) = words[..given].iter().position(|&w| {
            doc.has(w, class::TITLE) || (w == words[0] && matches!(doc.core(w), "of" | "for"))
        })
        && words[first..given]
            .iter()
            .any(|&w| matches!(doc.core(w), "of" | "for"))
    {
        return titled(doc, words, first, given);
    }
    NameParts {
        name: words,
        ..NameParts::default()
    }
}

/// `words` cut into what precedes the title (up to `first`), the title,
/// and the name (from `name`), with the gender an honorific in the title gives.
fn titled<'w>(doc: &Doc, words: &'w [usize], first: usize, name: usize) -> NameParts<'w> {
    let gender = words[first..name]
        .iter()
        .find_map(|&w| lexicon::honorific(doc.core(w)).flatten());
    NameParts {
        before: &words[..first],
        titled: true,
        gender,
        name: &words[name..],
    }
}

/// The text of a name: cores joined by spaces, keeping the dot of initials.
pub(crate) fn name_text(doc: &Doc, words: &[usize]) -> String {
    let mut out = String::new();
    for &w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        let core = doc.core(w);
        out.push_str(core);
        let next = w + 1;
        if next < doc.tokens.len()
            && doc.token_passage[next] == doc.token_passage[w]
            && doc.is_punct(next, '.')
            && !doc.tokens[next].space_before
            && core.chars().count() == 1
        {
            out.push('.');
        }
    }
    out
}

/// A person, identified by the fullest form of their name in the article.
#[derive(Clone, Debug)]
pub(crate) struct Person {
    /// Canonical (fullest) name.
    pub name: String,
    /// Gender, once any mention or the given name reveals it.
    pub gender: Option<Gender>,
}

/// Maps every person mention (and every unknown single word that matches a
/// person's surname) to a [`Person`], merging variants to the fullest form.
///
/// A shorter form ("Witkoff", "Mr Blair") merges with the nearest earlier
/// fuller form whose words contain it and that ends with the same surname, or
/// failing that the first later one, so "Hillary Clinton" and "Bill Clinton"
/// stay apart and "Clinton" follows whichever was last named.
pub(crate) fn canonicalize(mentions: &mut [Mention]) -> Vec<Person> {
    // "Yuri Ushakov" is a person when "Ushakov" (or "Mr Ushakov") also occurs.
    // Also "Arjan de Zeeuw" when a line-up lists "De Zeeuw".
    let any_maybe = mentions.iter().any(|m| m.kind == EntityKind::MaybePerson);
    let shorter: Vec<String> = mentions
        .iter()
        .filter(|m| {
            any_maybe
                && (m.kind == EntityKind::Person
                    || (m.kind == EntityKind::Unknown && !m.name.contains(' ')))
        })
        .map(|m| m.name.to_lowercase())
        .collect();
    for m in mentions.iter_mut() {
        if m.kind == EntityKind::MaybePerson {
            let lower = m.name.to_lowercase();
            let confirmed = shorter.iter().any(|s| {
                lower.len() > s.len()
                    && lower.ends_with(s.as_str())
                    && lower.as_bytes()[lower.len() - s.len() - 1] == b' '
            });
            if confirmed {
                m.kind = EntityKind::Person;
            }
        }
    }
    let full = FullNames::new(mentions);
    let mut persons: Vec<Person> = Vec::new();
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let eligible = match m.kind {
            EntityKind::Person => true,
            // A bare capitalised word becomes a person only through a fuller name.
            EntityKind::Unknown => !m.name.contains(' '),
            _ => false,
        };
        if !eligible {
            continue;
        }
        let mut best = expand(mentions, &full, i);
        // Follow chains: "Trump" → "Donald Trump" → "Donald J. Trump".
        for _ in 0..3 {
            match expand(mentions, &full, best) {
                next if next != best => best = next,
                _ => break,
            }
        }
        if best == i && mentions[i].kind == EntityKind::Unknown {
            continue;
        }
        let canonical = mentions[best].name.as_str();
        let first_gender = canonical
            .split(' ')
            .next()
            .and_then(lexicon::first_name)
            .flatten();
        // Most mentions name a person already listed: copy the name only
        // for a new one.
        // "Victor Makarov" after "Viktor Makarov" is the same man, spelt
        // another way: the first full form wins (tests/gold/README.md).
        let id = match persons
            .iter()
            .position(|p| p.name == canonical || same_name_spelt_otherwise(&p.name, canonical))
        {
            Some(id) => id,
            None => {
                persons.push(Person {
                    name: canonical.to_string(),
                    gender: first_gender,
                });
                persons.len() - 1
            }
        };
        if persons[id].gender.is_none() {
            persons[id].gender = mentions[i].gender.or(first_gender);
        }
        let m = &mut mentions[i];
        m.kind = EntityKind::Person;
        m.person = Some(id);
    }
    persons
}

/// The person mentions of more than one word, in text order, and by surname.
struct FullNames {
    all: Vec<usize>,
    /// Mentions by a hash of their last word, each list in text order:
    /// nearly every name asked about is looked up by its own last word, and
    /// most articles name a dozen people or more. (Hashes, not the words,
    /// because the mentions change while they are looked up.)
    by_surname: FxHashMap<u64, Vec<usize>>,
}

impl FullNames {
    fn new(mentions: &[Mention]) -> FullNames {
        let mut all = Vec::new();
        let mut by_surname: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, m) in mentions.iter().enumerate() {
            if m.kind == EntityKind::Person
                && let Some(surname) = full_name_surname(&m.name)
            {
                all.push(i);
                by_surname.entry(surname_key(surname)).or_default().push(i);
            }
        }
        FullNames { all, by_surname }
    }
}

/// "Jr", "Sr", "II", "III", "IV": a word after a surname that tells
/// namesakes of different generations apart, and is no name of its own.
pub(crate) fn is_generational_suffix(word: &str) -> bool {
    matches!(word, "Jr" | "Sr" | "II" | "III" | "IV")
}

/// The surname of a name of two words or more: its last word, or the one
/// before a generational suffix ("Charles Evans Jr" is Mr Evans).
fn full_name_surname(name: &str) -> Option<&str> {
    let (rest, last) = name.rsplit_once(' ')?;
    if is_generational_suffix(last.trim_end_matches('.'))
        && let Some((_, surname)) = rest.rsplit_once(' ')
    {
        return Some(surname);
    }
    Some(last)
}

fn surname_key(surname: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(surname)
}

/// The nearest fuller person mention that contains mention `i`'s name, or `i`.
fn expand(mentions: &[Mention], full: &FullNames, i: usize) -> usize {
    let name = mentions[i].name.as_str();
    let words = || name.split(' ');
    let Some(surname) = words().next_back() else {
        return i;
    };
    // Spelt the same first; spelling variants ("Ms Abbott" for "Diane
    // Abbot") only for a person's surname alone that has no fuller form
    // spelt the same (most words asked about here are no one's name, and
    // full names spelt otherwise are merged as persons: see
    // [`same_name_spelt_otherwise`]).
    let passes: &[bool] = if mentions[i].kind == EntityKind::Person && !name.contains(' ') {
        &[false, true]
    } else {
        &[false]
    };
    for &variants in passes {
        let contains = |j: usize| {
            let other = mentions[j].name.as_str();
            let same_surname = || {
                if variants {
                    other
                        .rfind(' ')
                        .is_some_and(|space| spelling_variants(&other[space + 1..], surname))
                } else {
                    full_name_surname(other) == Some(surname)
                }
            };
            other.len() > name.len()
                && same_surname()
                && words().all(|w| other.split(' ').any(|o| same_or_initial(w, o, variants)))
        };
        // Spelt the same, a fuller form ends with this surname.
        let candidates: &[usize] = if variants {
            &full.all
        } else {
            full.by_surname
                .get(&surname_key(surname))
                .map_or(&[], Vec::as_slice)
        };
        let before = candidates
            .iter()
            .rev()
            .copied()
            .find(|&j| j < i && contains(j));
        let after = || candidates.iter().copied().find(|&j| j > i && contains(j));
        if let Some(fuller) = before.or_else(after) {
            return fuller;
        }
    }
    i
}

/// True when names `a` and `b` have as many words, each the same or a
/// spelling variant of the other's ([`spelling_variants`]).
fn same_name_spelt_otherwise(a: &str, b: &str) -> bool {
    a.len().abs_diff(b.len()) <= 4
        && a.split(' ').count() == b.split(' ').count()
        && a.split(' ')
            .zip(b.split(' '))
            .all(|(x, y)| x == y || spelling_variants(x, y))
}

/// True when two words differ only in ways names are commonly misspelt or
/// transliterated: a doubled letter ("Abbot", "Abbott") or c for k
/// ("Viktor", "Victor"). Words of four letters or fewer are never variants
/// ("Mark" is not "Marc"'s variant by accident of a short name).
fn spelling_variants(a: &str, b: &str) -> bool {
    // Asked of every pair of name words: rule out nearly all pairs before
    // folding anything.
    let initial = |word: &str| match word.as_bytes().first().map(u8::to_ascii_lowercase) {
        Some(b'k') => Some(b'c'),
        other => other,
    };
    if a.len() <= 4
        || b.len() <= 4
        || a.len().abs_diff(b.len()) > 2
        || initial(a) != initial(b)
        || a == b
        || !a.is_ascii()
        || !b.is_ascii()
    {
        return false;
    }
    /// Lower-cased, k as c, doubled letters once.
    fn folded(word: &str) -> impl Iterator<Item = u8> + '_ {
        let mut previous = 0u8;
        word.bytes().filter_map(move |byte| {
            let byte = match byte.to_ascii_lowercase() {
                b'k' => b'c',
                other => other,
            };
            let repeated = byte == previous;
            previous = byte;
            (!repeated).then_some(byte)
        })
    }
    folded(a).eq(folded(b))
}

/// True when name word `w` is `o` (any case), with `variants` a spelling
/// variant of it ("Abbott" for "Abbot"), or its initial ("J" or "J." for
/// "Jason").
fn same_or_initial(w: &str, o: &str, variants: bool) -> bool {
    if w.eq_ignore_ascii_case(o) || (variants && spelling_variants(w, o)) {
        return true;
    }
    let letter = w.strip_suffix('.').unwrap_or(w);
    let mut chars = letter.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase() && o.len() > 1 && o.starts_with(c),
        _ => false,
    }
}
