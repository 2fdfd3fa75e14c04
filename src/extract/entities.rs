//! Deciding whether a capitalised name is a person, an organisation or a
//! place, and turning runs into [`Mention`]s.
//!
//! The cues, strongest first: the lists of well-known organisations and
//! places (with aliases: "U.S." → "United States"), a title in front of the
//! name ("Mr", "President"), organisation words ("Bank", "Party", "FC") and
//! acronyms ("BBC"), place words ("Street", "Airport"), a known given name,
//! and context ("in X", "X-based"). Sentence-initial ordinary words ("The",
//! "However", "Diplomatic"), days, months, titles on their own and demonyms
//! ("Russian") are not entities. Merging name variants belongs to `names`;
//! single unknown words that later turn out to be a person's surname or a
//! speaker are settled by `names` and `speakers`.

use super::Doc;
use super::lexicon::{self, Gender, class};
use super::names::{self, Run};

/// What a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EntityKind {
    /// A person.
    Person,
    /// An organisation, party, company or institution.
    Org,
    /// A country, region, city or other place.
    Place,
    /// Two or three plain capitalised words ("Yuri Ushakov"): a person only
    /// if the article later uses the last word alone or they speak.
    MaybePerson,
    /// A capitalised word not (yet) classified; dropped unless settled.
    Unknown,
}

/// A name found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// Sentence index.
    pub sentence: usize,
    /// First token, title included (used to find a speech verb's subject).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The name as written without title or possessive; canonical for
    /// organisations and places.
    pub name: String,
    /// What it names.
    pub kind: EntityKind,
    /// Gender implied by an honorific.
    pub gender: Option<Gender>,
    /// True when a title preceded the name.
    pub titled: bool,
    /// True when the name starts its sentence (or quotation).
    pub initial: bool,
    /// True when the mention is inside a quotation.
    pub in_quote: bool,
    /// The person it refers to, after canonicalisation.
    pub person: Option<usize>,
}

/// Turns a run into zero, one or two mentions (the name, and an organisation
/// or place before its title: "U.S. Army" in "U.S. Army Secretary Dan Driscoll").
/// `run_words` is the run's slice of the word buffer ([`Run::words`]).
pub(crate) fn mentions_from_run(doc: &Doc, run: &Run, run_words: &[usize], out: &mut Vec<Mention>) {
    let mut words = run_words;
    // Most runs are one sentence-initial function word ("The", "But"): drop
    // them before building any string.
    if let [only] = words
        && doc.tokens[*only].initial
        && with_lower(doc.core(*only), lexicon::is_sentence_starter)
    {
        return;
    }
    // "((WSS)) :": an interviewer's initials tagging a question name no body
    // (the speaker rules give the question to the person they stand for).
    if let [_] = words {
        let s = doc.sentences[run.sentence];
        if run.start >= s.start + 2
            && run.end + 2 <= s.end
            && doc.is_punct(run.start - 1, '(')
            && doc.is_punct(run.start - 2, '(')
            && doc.is_punct(run.end, ')')
            && doc.is_punct(run.end + 1, ')')
        {
            return;
        }
    }
    // "Lord Faulkner of Worcester": a peer's territorial title is part of
    // the peer's mention, and no place.
    if let Some(peer) = out.last_mut()
        && peer.kind == EntityKind::Person
        && peer.end + 1 == run.start
        && doc.is_word(peer.end, "of")
        && matches!(doc.core(peer.start), "Lord" | "Lady" | "Baroness" | "Baron")
        && words.len() <= 2
    {
        peer.end = run.end;
        return;
    }
    // "John Fitzgerald Kennedy (JFK)": a person's initials are no name of
    // their own.
    if let ([only], Some(before)) = (words, out.last())
        && before.kind == EntityKind::Person
        && before.end + 1 == run.start
        && doc.is_punct(before.end, '(')
        && run.end < doc.sentences[run.sentence].end
        && doc.is_punct(run.end, ')')
        && initials(&before.name).eq(doc.core(*only).chars())
    {
        return;
    }
    // Whole-run matches first, so "The Hague" keeps its article.
    let mut whole = match known(names::name_text(doc, words)) {
        Ok((kind, name)) => {
            // "Bolton v Derby": a town's club.
            let kind = if kind == EntityKind::Place
                && !lexicon::is_country_or_region(&name)
                && fixture_side(doc, run)
            {
                EntityKind::Org
            } else {
                kind
            };
            out.push(mention(doc, run, run.start, run.end, name, kind));
            return;
        }
        // "a hole in Media Player", "runs on Linux": a product is no entity.
        Err(whole) if lexicon::is_product(whole.strip_prefix("The ").unwrap_or(&whole)) => return,
        // "Eminem", "Ronaldinho": known by one name.
        Err(whole) if words.len() == 1 && lexicon::is_mononym(&whole) => {
            out.push(mention(
                doc,
                run,
                run.start,
                run.end,
                whole,
                EntityKind::Person,
            ));
            return;
        }
        Err(whole) => whole,
    };
    let mut after_the =
        run.start > doc.sentences[run.sentence].start && doc.text(run.start - 1) == "the";
    let mut role = false;
    let lineup = doc.lineup[run.sentence];
    if lineup {
        // "Subs Not Used:" heads a list; every other unknown name is a player.
        let s = doc.sentences[run.sentence];
        if run.end < s.end && doc.is_punct(run.end, ':') {
            return;
        }
        let (kind, name) = classify_unknown(doc, words, whole);
        let kind = match kind {
            EntityKind::Unknown | EntityKind::MaybePerson
                if !words.iter().any(|&w| doc.has(w, class::CALENDAR)) =>
            {
                EntityKind::Person
            }
            kind => kind,
        };
        out.push(mention(doc, run, run.start, run.end, name, kind));
        return;
    }
    while let Some((&first, rest)) = words.split_first() {
        let core = doc.core(first);
        let function_word = matches!(
            core,
            "The" | "A" | "An" | "On" | "In" | "At" | "For" | "Of" | "And" | "To" | "By" | "With"
        );
        // "Mr Blair said": an honorific opening the sentence belongs to the
        // name after it (`split_title` takes it off), and gives its gender.
        let honorific = !rest.is_empty() && lexicon::honorific(core).is_some();
        let starter = (doc.tokens[first].initial || function_word)
            && !honorific
            && with_lower(core, lexicon::is_sentence_starter);
        // "Striker Didier Drogba", "Distributor Sony Pictures": a capitalised
        // role noun opening the sentence describes the name after it.
        // Plural too ("Sprinters Kostas Kenteris"), and a compound of
        // lower-case words ("Man-of-the-match Duff").
        let role_noun = |w: &str| {
            lexicon::is_role_noun(w) || w.strip_suffix('s').is_some_and(lexicon::is_role_noun)
        };
        let compound = core.contains('-')
            && core
                .split('-')
                .skip(1)
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase()));
        let descriptor = doc.tokens[first].initial
            && ((rest.len() >= 2 && with_lower(core, role_noun)) || (!rest.is_empty() && compound));
        if descriptor {
            role = true;
            words = rest;
        } else if starter {
            after_the |= core == "The";
            words = rest;
        } else {
            break;
        }
    }
    let Some(&first) = words.first() else {
        return;
    };
    // "Aer Lingus Group PLC", "Acme Inc": a legal form marks a company and
    // is not part of its name (tests/gold/README.md).
    if words.len() >= 2
        && let Some((&last, init)) = words.split_last()
        && lexicon::is_legal_form(doc.core(last))
    {
        let text = names::name_text(doc, init);
        let (kind, name) = match known(text) {
            Ok((kind, name)) => (kind, name),
            Err(text) => (EntityKind::Org, text),
        };
        out.push(mention(doc, run, init[0], last, name, kind));
        return;
    }
    // "The Senate Majority Leader", "United States Senator": a role after a
    // body's or a place's name, and no one named; the body or the place is
    // a mention, the role is not. Not a body's name ending in "of" and a
    // word that is also a role ("Court of Justice").
    if words.len() >= 2
        && words
            .last()
            .is_some_and(|&last| TRAILING_ROLES.contains(&doc.core(last)))
    {
        let mut keep = words.len() - 1;
        while keep > 0 && doc.has(words[keep - 1], class::TITLE) {
            keep -= 1;
        }
        if keep > 0 && !matches!(doc.core(words[keep - 1]), "of" | "for" | "the" | "and") {
            let body = &words[..keep];
            let (kind, name) = match known(names::name_text(doc, body)) {
                Ok(found) => found,
                Err(text) => classify(doc, body, text),
            };
            if matches!(kind, EntityKind::Org | EntityKind::Place) {
                out.push(mention(doc, run, body[0], body[keep - 1] + 1, name, kind));
            }
            return;
        }
    }
    // "Margaret Moran MP": post-nominal letters are not part of the name.
    if words.len() >= 3
        && let Some((&last, init)) = words.split_last()
        && matches!(
            doc.core(last),
            "MP" | "MEP" | "MSP" | "QC" | "MBE" | "OBE" | "CBE"
        )
    {
        words = init;
    }
    // "St James Park", "St Thomas Hospital": a saint in the name of a place
    // or a body is no title before a person's name.
    if let [saint, .., last] = words
        && words.len() >= 3
        && matches!(doc.core(*saint), "St" | "Saint")
        && doc.has(*last, class::PLACE_WORD | class::ORG_WORD)
    {
        let (kind, name) = classify(doc, words, names::name_text(doc, words));
        out.push(mention(doc, run, run.start, run.end, name, kind));
        return;
    }
    // "Liberal Democrat Sarah Teather": a known organisation or place in
    // front of a given name and surname is a modifier of its own.
    if words.len() >= 3 {
        for cut in (1..words.len() - 1).rev() {
            let (head, tail) = words.split_at(cut);
            let given = doc.has(tail[0], class::FIRST_NAME);
            if given
                && tail.len() <= 3
                && let Ok((kind, name)) = known(names::name_text(doc, head))
            {
                let end = head.last().map_or(head[0], |&l| l + 1);
                out.push(mention(doc, run, head[0], end, name, kind));
                out.push(described_person(doc, run, tail));
                return;
            }
        }
        // "Republican Donald Trump", "Miss Universe Alicia Machado": one
        // unknown word before a given name and surname describes the person.
        let (head, tail) = words.split_at(words.len() - 2);
        let describer = match head {
            [describer] => Some(describer),
            [title, describer] if doc.has(*title, class::TITLE) => Some(describer),
            _ => None,
        };
        if let Some(describer) = describer
            && doc.has(tail[0], class::FIRST_NAME)
            && !doc.has(*describer, class::FIRST_NAME | class::TITLE)
            && known(names::name_text(doc, std::slice::from_ref(describer))).is_err()
            && !names::PARTICLES.contains(&doc.core(*describer))
        {
            out.push(described_person(doc, run, tail));
            return;
        }
    }
    let parts = names::split_title(doc, words);
    if parts.titled {
        if !parts.before.is_empty() {
            let before = strip_demonyms(doc, parts.before);
            // "Constitutional Affairs Minister", "Home Affairs spokesman": a
            // portfolio, no body.
            let portfolio = before.last().is_some_and(|&w| doc.core(w) == "Affairs");
            if let Some(&b) = before.first().filter(|_| !portfolio) {
                let text = names::name_text(doc, before);
                let (kind, name) = classify(doc, before, text);
                if matches!(kind, EntityKind::Org | EntityKind::Place) {
                    let end = before.last().map_or(b, |&l| l + 1);
                    out.push(mention(doc, run, b, end, name, kind));
                }
            }
        }
        let mut m = mention(
            doc,
            run,
            first,
            run.end,
            names::name_text(doc, parts.name),
            EntityKind::Person,
        );
        m.titled = true;
        m.gender = parts.gender;
        out.push(m);
        return;
    }
    // "President of the United States", "Chairman and Chief Operating
    // Officer of AirTran Airways": a title naming its office, with no one
    // named after it, names only the body or place after its last "of".
    // A peer's or a bishop's seat is no place, though ("Prince of Wales",
    // "Archbishop of Canterbury").
    if words.len() >= 3
        && doc.has(first, class::TITLE)
        && !doc.has(first, class::ORG_WORD)
        && lexicon::honorific(doc.core(first)).is_none()
        && !matches!(
            doc.core(first),
            "Archbishop" | "Bishop" | "Cardinal" | "Dean" | "Earl" | "Count" | "Countess"
        )
        && let Some(of) = words.iter().rposition(|&w| doc.is_word(w, "of"))
    {
        let rest = &words[of + 1..];
        let rest = match rest.split_first() {
            Some((&the, tail)) if doc.is_word(the, "the") => tail,
            _ => rest,
        };
        if let Some(&start) = rest.first() {
            let (kind, name) = classify(doc, rest, names::name_text(doc, rest));
            if matches!(kind, EntityKind::Org | EntityKind::Place) {
                out.push(mention(doc, run, start, run.end, name, kind));
            }
            return;
        }
    }
    // "British Chambers of Commerce" keeps its demonym; "Russian Putin" does not.
    // The whole run was already looked up in the lists above.
    let (mut kind, mut name) = if words.len() == run_words.len() {
        classify_unknown(doc, words, std::mem::take(&mut whole))
    } else {
        classify(doc, words, names::name_text(doc, words))
    };
    if matches!(kind, EntityKind::Unknown | EntityKind::MaybePerson)
        && own_initials_follow(doc, run, words)
    {
        // Its demonym is part of the name: the initials say so.
        kind = EntityKind::Org;
    }
    // "Indian Ocean", "Irish Sea": a demonym names a sea or a mountain range.
    let feature = kind == EntityKind::Place && words.len() > 1 && {
        let last = words[words.len() - 1];
        doc.has(last, class::PLACE_WORD)
    };
    if kind != EntityKind::Org && !feature {
        let stripped = strip_demonyms(doc, words);
        if stripped.len() < words.len() {
            words = stripped;
            let Some(_) = words.first() else {
                return;
            };
            (kind, name) = classify(doc, words, names::name_text(doc, words));
        }
    }
    let first = words[0];
    if matches!(kind, EntityKind::Unknown | EntityKind::MaybePerson)
        && (org_noun_before(doc, run) || part_of_a_group(doc, run))
    {
        kind = EntityKind::Org;
    }
    // "Bolton v Derby or Fulham": the sides of a fixture are clubs, unless
    // a country's team.
    if matches!(
        kind,
        EntityKind::Unknown | EntityKind::MaybePerson | EntityKind::Place
    ) && fixture_side(doc, run)
        && !lexicon::is_country_or_region(&name)
    {
        kind = EntityKind::Org;
    }
    // "in HDTV", "in R&B": an abbreviation that names no organisation names
    // no place either, unless the gazetteer lists it.
    let common_abbreviation = words.len() == 1 && lexicon::is_not_org_acronym(doc.core(first));
    let body_word = words.len() == 1 && doc.has(first, class::ORG_WORD);
    if kind == EntityKind::Unknown && place_cue(doc, run) && !common_abbreviation && !body_word {
        kind = EntityKind::Place;
    }
    // People do not take "the": "the Register said" is a publication. But
    // "the Obama administration" uses the name as a modifier.
    let head = run.end >= doc.sentences[run.sentence].end
        || doc.tokens[run.end].kind != super::tokens::Kind::Word
        || !doc.text(run.end).starts_with(char::is_lowercase);
    let plain_name = words
        .iter()
        .all(|&w| !doc.has(w, class::TITLE | class::NOT_NAME | class::CALENDAR));
    if after_the
        && head
        && plain_name
        && matches!(kind, EntityKind::Unknown | EntityKind::MaybePerson)
    {
        kind = EntityKind::Org;
    }
    // "Cadbury Schweppes", "Apple Computer": a listed organisation's name
    // leading plain words is the company's fuller name, not a person's.
    if kind == EntityKind::MaybePerson && lexicon::organization(doc.core(words[0])).is_some() {
        kind = EntityKind::Org;
    }
    if kind == EntityKind::MaybePerson && place_cue(doc, run) {
        kind = EntityKind::Place;
    }
    // "Portsmouth chairman Milan Mandaric": a role noun makes two or three
    // capitalised words a person even when one of them is also a place.
    let personal = |&w: &usize| {
        !doc.has(
            w,
            class::ORG_WORD | class::NOT_NAME | class::TITLE | class::CALENDAR,
        ) && doc.core(w).chars().any(char::is_lowercase)
    };
    if matches!(kind, EntityKind::MaybePerson | EntityKind::Unknown)
        && (2..=3).contains(&words.len())
        && (role || role_before(doc, run))
        && words.iter().all(personal)
    {
        kind = EntityKind::Person;
    }
    if words.len() == 1 && doc.has(first, class::CALENDAR) && date_context(doc, run) {
        return; // "in May", "May 5": a date, not Theresa May
    }
    // A lone unknown word stays a candidate: it becomes a person if it is a
    // known person's surname or a speaker, and is dropped otherwise.
    out.push(mention(doc, run, first, run.end, name, kind));
}

fn mention(
    doc: &Doc,
    run: &Run,
    start: usize,
    end: usize,
    name: String,
    kind: EntityKind,
) -> Mention {
    Mention {
        sentence: run.sentence,
        start,
        end,
        name,
        kind,
        gender: None,
        titled: false,
        initial: doc.tokens[start].initial,
        in_quote: doc.tokens[start].in_quote,
        person: None,
    }
}

/// Drops leading demonyms: "Russian" in "Russian Vladimir Putin".
fn strip_demonyms<'w>(doc: &Doc, mut words: &'w [usize]) -> &'w [usize] {
    while let Some((&first, rest)) = words.split_first() {
        // "Christian Jasperneite": a given name before a surname stays.
        let given_name = rest.len() == 1 && doc.has(first, class::FIRST_NAME);
        if doc.has(first, class::DEMONYM) && !given_name {
            words = rest;
        } else {
            break;
        }
    }
    words
}

/// A well-known organisation or place, by its full name or an alias, with
/// its canonical name; `Err(text)` gives `text` back when it is neither.
/// Most names are written in their canonical form, so `text` becomes the
/// canonical name then rather than being dropped for a copy of the same.
fn known(text: String) -> Result<(EntityKind, String), String> {
    let found = match lexicon::organization(&text) {
        Some(org) => Some((EntityKind::Org, org)),
        None => lexicon::place(&text).map(|p| (EntityKind::Place, p)),
    };
    match found {
        Some((kind, canonical)) if canonical == text => Ok((kind, text)),
        Some((kind, canonical)) => Ok((kind, canonical.to_string())),
        None => Err(text),
    }
}

/// The person named by `words`, the end of `run` after a description of
/// them ("Liberal Democrat", "Republican"): as sure a person as a title
/// would make them.
fn described_person(doc: &Doc, run: &Run, words: &[usize]) -> Mention {
    let mut m = mention(
        doc,
        run,
        words[0],
        run.end,
        names::name_text(doc, words),
        EntityKind::Person,
    );
    m.titled = true;
    m
}

/// Classifies a name without a title.
fn classify(doc: &Doc, words: &[usize], text: String) -> (EntityKind, String) {
    match known(text) {
        Ok(found) => found,
        Err(text) => classify_unknown(doc, words, text),
    }
}

/// Classifies a name the lists of known names do not hold.
/// Title words that are also common surnames ("Mervyn King", "Ruth Bishop").
const SURNAME_TITLES: &[&str] = &["King", "Bishop", "Major", "Dean", "Knight", "Marshall"];

fn classify_unknown(doc: &Doc, words: &[usize], text: String) -> (EntityKind, String) {
    let n = words.len();
    let (first_word, last_word) = (words[0], words[n - 1]);
    let first = doc.core(first_word);
    if n == 1
        && (doc.has(first_word, class::CALENDAR | class::TITLE)
            || lexicon::is_generic_org_head(first))
    {
        return (EntityKind::Unknown, text);
    }
    // "Marsh & McLennan", "Procter & Gamble": people's names have no "&"
    // ("Richard & Judy", "Ant & Dec" are two people).
    if n >= 2
        && text.as_bytes().contains(&b'&')
        && text.contains(" & ")
        && !words.iter().any(|&w| doc.has(w, class::FIRST_NAME))
    {
        return (EntityKind::Org, text);
    }
    // "Airlines have attacked …", "Union": a word that ends the names of
    // bodies names none alone (listed ones, "Parliament", were found above).
    if n == 1 && doc.has(first_word, class::ORG_WORD) {
        return (EntityKind::Unknown, text);
    }
    // "Clarence House", "Companies House", "Random House": a house closing
    // a name is a body's, not a surname.
    if n >= 2 && doc.core(last_word) == "House" && words.iter().all(|&w| doc.is_cap(w)) {
        return (EntityKind::Org, text);
    }
    // "the Indonesian Economics Minister": a title last makes a role, not a body.
    if words.iter().any(|&w| doc.has(w, class::ORG_WORD))
        && !(n > 1
            && words.iter().all(|&w| doc.is_cap(w))
            && matches!(
                doc.core(last_word),
                "Minister" | "Secretary" | "Chairman" | "President" | "Director" | "Governor"
            ))
    {
        return (EntityKind::Org, text);
    }
    // "the Spanish FA": a nation's football association ("FA" alone is
    // also the cup's).
    if n == 2 && doc.has(first_word, class::DEMONYM) && doc.core(last_word) == "FA" {
        return (EntityKind::Org, text);
    }
    // "Hypovereinsbank", "Commerzbank": one word ending in "bank" is one.
    if n == 1
        && first.len() > 6
        && first.ends_with("bank")
        && !matches!(first, "Riverbank" | "Sandbank")
    {
        return (EntityKind::Org, text);
    }
    // A website is run by someone: "Amazon.com", "Suprnova.org".
    if [".com", ".org", ".net", ".co.uk"]
        .iter()
        .any(|domain| text.len() > domain.len() + 1 && text.ends_with(domain))
    {
        return (EntityKind::Org, text);
    }
    if doc.has(last_word, class::PLACE_WORD) && n > 1 {
        return (EntityKind::Place, text);
    }
    // English and Scottish counties: "Gloucestershire", "West Lothian" aside.
    if n == 1 && first.len() > 7 && first.ends_with("shire") {
        return (EntityKind::Place, text);
    }
    // "North Wales", "South Yorkshire".
    if n == 2
        && matches!(first, "North" | "South" | "East" | "West" | "Central")
        && doc.has(last_word, class::PLACE)
    {
        return (EntityKind::Place, text);
    }
    if is_acronym(first) && !lexicon::is_not_org_acronym(first) {
        return (EntityKind::Org, text);
    }
    if n == 1 && doc.has(first_word, class::DEMONYM | class::NOT_NAME) {
        return (EntityKind::Unknown, text);
    }
    if n >= 2 && doc.has(first_word, class::FIRST_NAME) {
        return (EntityKind::Person, text);
    }
    // Two or three plain capitalised words ("Yuri Ushakov") read as a name.
    let plain = |i: usize| {
        let w = doc.core(i);
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.len() > 1
            && chars.any(char::is_lowercase)
            && !doc.has(
                i,
                class::NOT_NAME | class::TITLE | class::DEMONYM | class::CALENDAR | class::PLACE,
            )
    };
    let particle = |w: &str| names::PARTICLES.contains(&w);
    // "Mervyn King": a title last is no title (titles come before the name)
    // when it is also a surname.
    let surname = |i: usize| plain(i) || SURNAME_TITLES.contains(&doc.core(i));
    // "B Shiva Parvathi": an initial may open a name of three words or more.
    let initial = |i: usize| {
        let w = doc.core(i);
        w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase() && !matches!(w, "A" | "I")
    };
    // "Vann Newkirk II": a generational suffix after the surname.
    let (n, last_word) = match words {
        [.., surname, suffix] if n >= 3 && names::is_generational_suffix(doc.core(*suffix)) => {
            (n - 1, *surname)
        }
        _ => (n, last_word),
    };
    // "Vann R. Newkirk": a middle initial after a plain first word.
    if (2..=4).contains(&n)
        && words[..n - 1].iter().enumerate().all(|(k, &w)| {
            plain(w)
                || particle(doc.core(w))
                || (n >= 3 && initial(w) && (k == 0 || plain(first_word)))
        })
        && (plain(first_word) || (n >= 3 && initial(first_word)))
        && surname(last_word)
    {
        return (EntityKind::MaybePerson, text);
    }
    (EntityKind::Unknown, text)
}

/// "in X", "near X" before the run, or "X-based".
fn place_cue(doc: &Doc, run: &Run) -> bool {
    let last = run.end - 1;
    if doc.tokens[last].hyphen_suffix && doc.text(last).ends_with("-based") {
        return true;
    }
    let s = doc.sentences[run.sentence];
    run.start > s.start && matches!(doc.text(run.start - 1), "in" | "near")
}

/// True when a month or day name is used as a date: "in May", "May 5".
fn date_context(doc: &Doc, run: &Run) -> bool {
    let s = doc.sentences[run.sentence];
    let before = run.start > s.start
        && matches!(
            doc.text(run.start - 1),
            "in" | "on"
                | "since"
                | "until"
                | "by"
                | "last"
                | "next"
                | "this"
                | "early"
                | "late"
                | "mid"
                | "from"
                | "during"
                | "of"
                | "through"
                | "till"
                | "before"
                | "after"
        );
    let after = run.end < s.end && doc.tokens[run.end].kind == super::tokens::Kind::Number;
    before || after
}

/// "anti-virus firm Sophos", "The firm, Paion, said": a lower-case noun for
/// an organisation right before the name (a comma between allowed); or its
/// plural before "such as": "photo sites such as Pixagogo".
fn org_noun_before(doc: &Doc, run: &Run) -> bool {
    let s = doc.sentences[run.sentence];
    // After a comma, not a name that opens like a person's: "The firm,
    // Paion, said", not "Speaking to a newspaper, B Shiva Parvathi said".
    let first = doc.core(run.start);
    let appositive =
        !(doc.has(run.start, class::FIRST_NAME) || (first.len() == 1 && run.end > run.start + 1));
    let word_before = |k: usize| -> Option<usize> {
        let k = if k > s.start && doc.is_punct(k - 1, ',') && appositive {
            k - 1
        } else {
            k
        };
        (k > s.start && doc.tokens[k - 1].kind == super::tokens::Kind::Word).then(|| k - 1)
    };
    let Some(k) = word_before(run.start) else {
        return false;
    };
    if is_org_noun(doc.text(k)) {
        return true;
    }
    if doc.text(k) != "as" || k == s.start || doc.text(k - 1) != "such" {
        return false;
    }
    word_before(k - 1).is_some_and(|noun| {
        let plural = doc.text(noun);
        plural
            .strip_suffix("ies")
            .is_some_and(|stem| is_org_noun(&format!("{stem}y")))
            || plural.strip_suffix('s').is_some_and(is_org_noun)
    })
}

/// True for a run beside "v" in a fixture ("Bolton v Derby or Fulham",
/// "West Bromwich Albion or Tottenham v Nottingham Forest").
fn fixture_side(doc: &Doc, run: &Run) -> bool {
    let s = doc.sentences[run.sentence];
    let versus = |k: usize| matches!(doc.text(k), "v" | "vs" | "v." | "vs.");
    let before = |k: usize| k > s.start && versus(k - 1);
    let after = |k: usize| k < s.end && versus(k);
    if before(run.start) || after(run.end) {
        return true;
    }
    // One of two sides joined by "or", next to the "v".
    let or_after = run.end + 1 < s.end && doc.is_word(run.end, "or");
    let or_before = run.start >= s.start + 2 && doc.is_word(run.start - 1, "or");
    (or_after && (run.end + 1..(run.end + 5).min(s.end)).any(versus))
        || (or_before && (run.start.saturating_sub(5).max(s.start)..run.start - 1).any(versus))
}

/// "the Menatep group", "its key Yugansk division": a name after "the"
/// or "its", before a noun for a company's part or whole.
fn part_of_a_group(doc: &Doc, run: &Run) -> bool {
    let s = doc.sentences[run.sentence];
    run.start > s.start
        && run.end < s.end
        && !lexicon::is_not_org_acronym(doc.core(run.start))
        && matches!(
            doc.text(run.end),
            "group" | "division" | "subsidiary" | "conglomerate"
        )
        && (run.start.saturating_sub(2).max(s.start)..run.start).any(|k| {
            ["the", "its", "their"]
                .iter()
                .any(|w| doc.text(k).eq_ignore_ascii_case(w))
        })
}

/// A lower-case noun that names a kind of organisation.
fn is_org_noun(word: &str) -> bool {
    matches!(
        word,
        "firm"
            | "company"
            | "group"
            | "maker"
            | "retailer"
            | "carrier"
            | "airline"
            | "bank"
            | "lender"
            | "insurer"
            | "publisher"
            | "broadcaster"
            | "developer"
            | "giant"
            | "chain"
            | "operator"
            | "conglomerate"
            | "manufacturer"
            | "supermarket"
            | "startup"
            | "start-up"
            | "label"
            | "studio"
            | "charity"
            | "watchdog"
            | "regulator"
            | "newspaper"
            | "website"
            | "site"
            | "service"
            | "brand"
            | "network"
            | "provider"
            | "agency"
            | "outlet"
            | "club"
    )
}

/// A lower-case role noun right before the name: "spokesman Menzies
/// Campbell", "centre Mathew Tait".
fn role_before(doc: &Doc, run: &Run) -> bool {
    let s = doc.sentences[run.sentence];
    run.start > s.start
        && doc.tokens[run.start - 1].kind == super::tokens::Kind::Word
        && lexicon::is_role_noun(doc.text(run.start - 1))
}

/// True for day and month names.
pub(crate) fn is_calendar_word(word: &str) -> bool {
    // Asked of many words per run: rule out most before comparing strings.
    let b = word.as_bytes();
    if b.len() < 3 || !b[0].is_ascii_uppercase() || b.len() > 9 {
        return false;
    }
    lexicon::weekday(word).is_some() || lexicon::month(word).is_some()
}

/// Two to six upper-case letters, dots allowed ("BBC", "U.N.", "ICSTIS");
/// longer all-capital words are more often shouted ordinary words.
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

/// Calls `f` on an ASCII-lower-cased copy of `word` without allocating.
pub(crate) fn with_lower(word: &str, f: impl Fn(&str) -> bool) -> bool {
    let mut buf = [0u8; 24];
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return false;
    }
    let lower = &mut buf[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(f)
}

/// Makes persons of the unconfirmed names listed next to a person: "Dionne
/// Warwick, Diana Ross and Tina Turner" (Diana is a known given name),
/// "Jonny Wilkinson, Tindall and Martin Corry".
pub(crate) fn promote_coordinated(doc: &Doc, mentions: &mut [Mention]) {
    let joined = |a: &Mention, b: &Mention| {
        if a.sentence != b.sentence || b.start <= a.end || doc.tokens[a.end - 1].possessive {
            return false;
        }
        // One or two tokens between: read in place, as most pairs of
        // mentions are further apart and need no list of what lies between.
        match b.start - a.end {
            1 => matches!(doc.text(a.end), "," | "and" | "or" | "&"),
            2 => doc.text(a.end) == "," && doc.text(a.end + 1) == "and",
            _ => false,
        }
    };
    let mut i = 0;
    while i < mentions.len() {
        let mut j = i;
        while j + 1 < mentions.len() && joined(&mentions[j], &mentions[j + 1]) {
            j += 1;
        }
        let group = &mut mentions[i..=j];
        let has_person = group.iter().any(|m| m.kind == EntityKind::Person);
        let all_people_like = group.iter().all(|m| {
            matches!(
                m.kind,
                EntityKind::Person | EntityKind::MaybePerson | EntityKind::Unknown
            )
        });
        if group.len() >= 2 && has_person && all_people_like {
            for m in group.iter_mut() {
                if m.kind == EntityKind::MaybePerson {
                    m.kind = EntityKind::Person;
                }
            }
        }
        // "Jim and Margaret Cuthbert": a lone given name shares the surname
        // (not in "the Jesus and Mary Chain", a band).
        let after_the = mentions[i].start > 0 && doc.is_word(mentions[i].start - 1, "the");
        if j == i + 1
            && !after_the
            && doc.text(mentions[i].end) == "and"
            && !mentions[i].name.contains(' ')
            && lexicon::first_name(&mentions[i].name).is_some()
            && matches!(
                mentions[j].kind,
                EntityKind::Person | EntityKind::MaybePerson
            )
            && let Some((given, surname)) = mentions[j].name.split_once(' ')
            && lexicon::first_name(given).is_some()
        {
            let name = format!("{} {surname}", mentions[i].name);
            for m in [i, j] {
                mentions[m].kind = EntityKind::Person;
            }
            mentions[i].name = name;
        }
        i = j + 1;
    }
}

/// Merges conditional aliases: "US" becomes "United States" when the article
/// writes "United States" somewhere; otherwise every alias of that name takes
/// the first form written ("US" and "U.S." → "US").
pub(crate) fn settle_aliases(mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        if !matches!(mentions[i].kind, EntityKind::Org | EntityKind::Place) {
            continue;
        }
        let Some(full) = lexicon::conditional_alias(&mentions[i].name) else {
            continue;
        };
        let kind = mentions[i].kind;
        let written = mentions.iter().any(|m| m.kind == kind && m.name == full);
        let name = if written {
            full.to_string()
        } else {
            mentions[i].name.clone()
        };
        for m in mentions[i..].iter_mut() {
            if m.kind == kind && lexicon::conditional_alias(&m.name) == Some(full) {
                m.name.clone_from(&name);
            }
        }
    }
}

/// Nouns after a character's name that make it a series' title: "Harry
/// Potter author", "James Bond star", "the Harry Potter books". ("films"
/// is an actor's too: "34 John Wayne films".)
const FRANCHISE_NOUNS: &[&str] = &[
    "author",
    "star",
    "director",
    "theme",
    "games",
    "series",
    "books",
    "novels",
    "franchise",
];

/// Roles that end a run with no one named after them: "the Senate
/// Majority Leader", "a United States Senator", "BBC Radio 1 DJ".
const TRAILING_ROLES: &[&str] = &[
    "Leader",
    "Whip",
    "Senator",
    "Representative",
    "President",
    "Governor",
    "Mayor",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Chairman",
    "Chairwoman",
    "DJ",
    "Member",
    "Ambassador",
];

/// Nouns for a part played, before "in" and a work's title: "her role in
/// Closer", "his performance in My Left Foot".
const PART_NOUNS: &[&str] = &[
    "role",
    "roles",
    "cameo",
    "part",
    "parts",
    "performance",
    "performances",
    "appearance",
    "appearances",
];

/// Words before a part-played noun that make it an actor's part.
const PART_DESCRIBERS: &[&str] = &[
    "her",
    "his",
    "their",
    "the",
    "with",
    "supporting",
    "lead",
    "leading",
    "title",
    "starring",
    "best",
    "main",
    "stage",
    "acclaimed",
];

/// True when the run is (part of) the title of a work, an award or an event
/// (tests/gold/README.md: none of them is an entity): after a work noun
/// ("the film Ray"), after a part played and "in" ("her role in Closer"),
/// before a comma and an article with a work noun ("The Wedding Date, a
/// comedy"), or before the word that ends an award's or event's name ("The
/// Charles Wintour Award").
pub(crate) fn names_a_title(doc: &Doc, run: &Run) -> bool {
    let s = doc.sentences[run.sentence];
    let word = |i: usize| {
        (s.start <= i && i < s.end && doc.tokens[i].kind == super::tokens::Kind::Word)
            .then(|| doc.text(i))
    };
    // The word after the run ends the name when the run is its maker's
    // ("the Volvo Women's Open"), not when more of a name follows ("The
    // Fed's Open Market Committee").
    let ends_after_run = |end: usize| word(end + 1).is_none() || !doc.is_cap(end + 1);
    if word(run.end - 1).is_some_and(lexicon::is_event_end)
        || (word(run.end).is_some_and(lexicon::is_event_end) && ends_after_run(run.end))
    {
        return true;
    }
    let ends_an_event = |last: usize| {
        last > s.start
            && word(last - 1)
                .zip(word(last))
                .is_some_and(|(before, last)| lexicon::is_two_word_event_end(before, last))
    };
    if ends_an_event(run.end - 1) || (run.end < s.end && ends_an_event(run.end)) {
        return true;
    }
    // A possessive is a maker, not a title: "her role in Mike Nichols' Closer".
    let last = run.end - 1;
    if doc.tokens[last].possessive || (last + 1 < s.end && matches!(doc.text(last + 1), "'" | "’"))
    {
        return false;
    }
    let before = run.start.checked_sub(1).and_then(word);
    // The noun of a work itself follows an article, a possessive or a
    // describing word ("Mike Leigh's film", "his latest novel"): "will
    // play Roger Federer" is a verb.
    // Describing words may come between: "Mike Leigh's award-winning
    // abortion drama Vera Drake", ", climbing documentary Touching the Void".
    let work_noun_before = before.is_some_and(lexicon::is_work_noun) && {
        let mut k = run.start - 1;
        while k > s.start
            && k + 4 > run.start
            && word(k - 1).is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
            && !doc.tokens[k - 1].possessive
            && !word(k - 1).is_some_and(|w| WORK_DETERMINERS.contains(&w))
        {
            k -= 1;
        }
        k > s.start
            && (doc.tokens[k - 1].possessive
                || word(k - 1).is_some_and(|w| WORK_DETERMINERS.contains(&w))
                || (k < run.start - 1 && (doc.is_punct(k - 1, ',') || word(k - 1) == Some("and")))
                // "British film Vera Drake", "Hollywood blockbuster The
                // Aviator": a name before the noun makes it one, when the
                // noun is no verb ("Agassi play Federer").
                || (k == run.start - 1
                    && doc.is_cap(k - 1)
                    && word(k).is_some_and(|noun| !WORK_VERBS.contains(&noun))))
    };
    if work_noun_before {
        return true;
    }
    // A part played is someone's or described: "her role in Closer", "best
    // supporting roles in Closer", "his recent performance in Monster",
    // "starring in The Cosby Show"; not "China had role in Yukos split-up",
    // "a key role in Iraq" or "performances in Minneapolis". A listed place
    // or organisation is no title.
    let part_played = before == Some("in")
        && run.start >= s.start + 2
        && word(run.start - 2).is_some_and(|noun| {
            noun == "starring"
                || (PART_NOUNS.contains(&noun)
                    && (run.start.saturating_sub(5).max(s.start)..run.start - 2).any(|d| {
                        doc.tokens[d].possessive
                            || word(d).is_some_and(|w| {
                                let w = w.to_ascii_lowercase();
                                PART_DESCRIBERS.contains(&w.as_str())
                                    || w.ends_with("winning")
                                    || w.ends_with("-nominated")
                            })
                    }))
        });
    // "her role as Katharine Hepburn in The Aviator", "his portrayal of
    // soul-singer Ray Charles in Ray", "playing a gutsy female boxer in
    // Million Dollar Baby": the part, then where it is played.
    let part_named = || {
        let clause_start = run.start.saturating_sub(10).max(s.start);
        (clause_start..run.start - 1).rev().any(|d| {
            let between_clean = (d + 1..run.start - 1)
                .all(|t| doc.tokens[t].kind == super::tokens::Kind::Word || doc.is_punct(t, '-'));
            between_clean
                && match word(d) {
                    Some("portrayal" | "portraying") => true,
                    Some("playing") => matches!(word(d + 1), Some("a" | "an" | "the")),
                    Some("as") => {
                        d > s.start
                            && word(d - 1).is_some_and(|noun| PART_NOUNS.contains(&noun))
                            && (d + 1..run.start - 1).all(|t| doc.is_cap(t))
                    }
                    _ => false,
                }
        })
    };
    let part_played =
        part_played || (before == Some("in") && run.start >= s.start + 3 && part_named());
    if part_played {
        let run_words: Vec<usize> = (run.start..run.end).collect();
        if known(names::name_text(doc, &run_words)).is_err() {
            return true;
        }
    }
    // "Harry Potter author JK Rowling", "the James Bond films": a person's
    // name before a franchise's noun is a character's, whose stories they
    // are. Not a maker's: "a Mike Leigh film" is one film, so the nouns
    // here are those of a series.
    let franchise = run.end > run.start + 1
        && doc.has(run.start, class::FIRST_NAME)
        && !doc.tokens[run.end - 1].possessive
        && word(run.end).is_some_and(|noun| FRANCHISE_NOUNS.contains(&noun));
    if franchise {
        return true;
    }
    // "Martin Scorsese's The Aviator": a maker's work with its article. Not
    // a place's or a body's ("Scotland's The Proclaimers", "Murdoch's The
    // Sun" is a listed paper).
    let makers_work = run.start > s.start
        && doc.tokens[run.start - 1].possessive
        && doc.core(run.start) == "The"
        && run.end > run.start + 1
        && known(doc.core(run.start - 1).to_string()).is_err()
        && {
            let run_words: Vec<usize> = (run.start..run.end).collect();
            known(names::name_text(doc, &run_words)).is_err()
        };
    // "The Aviator, starring Leonardo DiCaprio".
    let starring = [run.end, run.end + 1]
        .into_iter()
        .find(|&i| word(i).is_some())
        .is_some_and(|i| {
            (i == run.end || doc.is_punct(run.end, ','))
                && word(i) == Some("starring")
                && i + 1 < s.end
                && doc.is_cap(i + 1)
        });
    if makers_work || starring {
        return true;
    }
    // "The Wedding Date, a comedy"; not "Directed by X, the film …".
    run.end + 2 < s.end
        && doc.is_punct(run.end, ',')
        && matches!(word(run.end + 1), Some("a" | "an"))
        && word(run.end + 2).is_some_and(lexicon::is_work_noun)
}

/// Work nouns that are also verbs ("Agassi will play Federer").
const WORK_VERBS: &[&str] = &["play", "book", "single", "programme"];

/// Words that may stand before a work noun that precedes a title.
const WORK_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "new", "latest", "hit", "debut", "first",
    "original", "animated", "stage", "classic",
];

/// Words after a town's name that make it its sports club's: "Portsmouth
/// chairman Milan Mandaric", "a battling Portsmouth side".
const CLUB_NOUNS: &[&str] = &[
    "chairman",
    "boss",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "skipper",
    "captain",
    "coach",
    "side",
    "squad",
    "fans",
    "supporters",
];

/// Lower-case words that may follow a club named as an object ("beat
/// Bolton on Saturday", "against Leeds last season").
const AFTER_AN_OBJECT: &[&str] = &[
    "on", "in", "at", "and", "but", "or", "with", "for", "to", "as", "by", "from", "before",
    "after", "when", "while", "since", "until", "last", "this", "next", "earlier", "who", "which",
    "that", "is", "was", "were", "are", "will", "would", "could", "had", "has", "have", "again",
    "twice", "away", "home",
];

/// Sports clubs named after their town: a place other than a country or a
/// wider region named with a club's cue ("Southampton are set to unveil …",
/// "Portsmouth chairman", "at home to Middlesbrough", "beat Bolton 2-0") is
/// the club in every mention of the article. A country stays a place: its
/// national team is listed under it (tests/gold/README.md).
pub(crate) fn settle_clubs(doc: &Doc, mentions: &mut [Mention]) {
    // A town not in the gazetteer ("Bolton keeper Jussi Jaaskelainen") is
    // a club only by a club's noun right after it: "beat X" is said of a
    // player too.
    for m in mentions.iter_mut() {
        if m.kind == EntityKind::Unknown
            && m.end == m.start + 1
            && doc.is_cap(m.start)
            && !doc.tokens[m.start].initial
            && !lexicon::is_generic_org_head(doc.core(m.start))
            && !doc.has(m.start, class::DEMONYM | class::NOT_NAME)
            // "the Blues boss" is a nickname; "Tolkien fans" are a writer's.
            && (m.start == 0 || doc.text(m.start - 1) != "the")
            && !matches!(doc.text(m.end.min(doc.tokens.len() - 1)), "fans" | "supporters")
            && club_noun_after(doc, m)
        {
            m.kind = EntityKind::Org;
        }
    }
    let mut clubs: Vec<&str> = Vec::new();
    // A town's name the article also gives a club by its nickname ("the
    // Magpies" is Newcastle) is the club's.
    let named_clubs: Vec<&str> = (mentions.iter())
        .filter(|m| m.kind == EntityKind::Org && !m.name.contains(' '))
        .map(|m| m.name.as_str())
        .collect();
    for m in mentions.iter() {
        if m.kind == EntityKind::Place
            && !clubs.contains(&m.name.as_str())
            && !lexicon::is_country_or_region(&m.name)
            && (club_cue(doc, m) || named_clubs.contains(&m.name.as_str()))
        {
            clubs.push(&m.name);
        }
    }
    if clubs.is_empty() {
        return;
    }
    let clubs: Vec<String> = clubs.into_iter().map(str::to_string).collect();
    for m in mentions.iter_mut() {
        if m.kind == EntityKind::Place && clubs.contains(&m.name) {
            m.kind = EntityKind::Org;
        }
    }
}

/// True when a club's noun follows mention `m`: "Portsmouth chairman".
fn club_noun_after(doc: &Doc, m: &Mention) -> bool {
    m.end < doc.sentences[m.sentence].end
        && doc.tokens[m.end].kind == super::tokens::Kind::Word
        && CLUB_NOUNS.contains(&doc.text(m.end))
}

/// True when the words around place mention `m` name a sports club.
fn club_cue(doc: &Doc, m: &Mention) -> bool {
    let s = doc.sentences[m.sentence];
    let word_at = |i: usize| {
        (s.start <= i && i < s.end && doc.tokens[i].kind == super::tokens::Kind::Word)
            .then(|| doc.text(i))
    };
    if club_noun_after(doc, m) {
        return true;
    }
    let after = word_at(m.end);
    // A team takes a plural verb: "Southampton are deep in trouble".
    if m.start == s.start && matches!(after, Some("are" | "have" | "were")) {
        return true;
    }
    // After "beat X" or "against X" the name is the object, not a modifier
    // ("against Hollywood imports").
    let modifies =
        after.is_some_and(|w| w.starts_with(char::is_lowercase) && !AFTER_AN_OBJECT.contains(&w));
    if modifies {
        return false;
    }
    let before = m.start.checked_sub(1).and_then(word_at);
    let before_that = m.start.checked_sub(2).and_then(word_at);
    matches!(
        (before_that, before),
        (
            _,
            Some("beat" | "beating" | "against" | "joined" | "joining")
        ) | (Some("home" | "away"), Some("to"))
            | (Some("signed" | "plays" | "played" | "playing"), Some("for"))
    )
}

/// "British Phonographic Industry (BPI)": a name of two or more words, not
/// a person's, followed by its own initials in brackets is an organisation's
/// (places and people that have initials are on lists or have given names).
fn own_initials_follow(doc: &Doc, run: &Run, words: &[usize]) -> bool {
    let end = run.end;
    let sentence_end = doc.sentences[run.sentence].end;
    if words.len() < 2
        || end + 2 >= sentence_end
        || !doc.is_punct(end, '(')
        || !doc.is_punct(end + 2, ')')
        || doc.has(words[0], class::FIRST_NAME)
    {
        return false;
    }
    let short = doc.core(end + 1);
    let letters = || short.chars().filter(|c| c.is_alphanumeric());
    letters().count() >= 2
        && letters().all(|c| c.is_ascii_uppercase())
        && initials(&names::name_text(doc, words)).eq(letters())
}

/// "The California Department of Forestry and Fire Protection (CalFire)
/// said": a one-word name in brackets right after a body's, starting with
/// its letter, is that body's short form wherever it is written, however
/// it is spelt (initials are matched below).
fn merge_bracketed_short_forms(doc: &Doc, mentions: &mut [Mention]) {
    let mut short_forms: Vec<(String, String)> = Vec::new();
    for pair in mentions.windows(2) {
        let (body, short) = (&pair[0], &pair[1]);
        let bracketed = short.end == short.start + 1
            && short.start == body.end + 1
            && doc.is_punct(body.end, '(')
            && short.end < doc.tokens.len()
            && doc.is_punct(short.end, ')');
        if bracketed
            && body.kind == EntityKind::Org
            && body.name.contains(' ')
            && matches!(short.kind, EntityKind::Org | EntityKind::Unknown)
            && !short.name.contains(' ')
            && short.name.chars().next() == body.name.chars().next()
        {
            short_forms.push((short.name.clone(), body.name.clone()));
        }
    }
    for (short, full) in short_forms {
        for m in mentions.iter_mut() {
            if m.name == short && matches!(m.kind, EntityKind::Org | EntityKind::Unknown) {
                m.name.clone_from(&full);
                m.kind = EntityKind::Org;
            }
        }
    }
}

/// Merges an acronym with the organisation it abbreviates when the article
/// writes both: "IMF" → "International Monetary Fund", "DCA" → "Department
/// for Constitutional Affairs", "PG&E" → "Pacific Gas and Electric".
pub(crate) fn merge_acronyms(doc: &Doc, mentions: &mut [Mention]) {
    merge_bracketed_short_forms(doc, mentions);
    // A name once known as an organisation ("firm Paion") stays one
    // ("Paion said").
    for i in 0..mentions.len() {
        if matches!(
            mentions[i].kind,
            EntityKind::Unknown | EntityKind::MaybePerson
        ) && mentions
            .iter()
            .any(|m| m.kind == EntityKind::Org && m.name == mentions[i].name)
        {
            mentions[i].kind = EntityKind::Org;
        }
    }
    // The organisations with full names, by index: the loop below changes
    // only single-word names, so theirs stay as they are, and initials are
    // compared as they are read rather than built into Strings.
    let full_names: Vec<usize> = (0..mentions.len())
        .filter(|&j| mentions[j].kind == EntityKind::Org && mentions[j].name.contains(' '))
        .collect();
    if full_names.is_empty() {
        return;
    }
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let lower = m.name.bytes().any(|b| b.is_ascii_lowercase() || b == b' ');
        if !matches!(m.kind, EntityKind::Org | EntityKind::Unknown) || lower {
            continue;
        }
        let letters = || m.name.chars().filter(|c| c.is_alphanumeric());
        // All ASCII once this holds, so counting characters counts bytes.
        let acronym = letters().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && letters().count() >= 2;
        if !acronym {
            continue;
        }
        if let Some(&j) = full_names.iter().find(|&&j| {
            initials(&mentions[j].name).eq(letters())
                || (mentions[j].name.contains('-')
                    && hyphen_initials(&mentions[j].name).eq(letters()))
                || (mentions[j]
                    .name
                    .bytes()
                    .filter(u8::is_ascii_uppercase)
                    .count()
                    > 2
                    && acronym_initials(&mentions[j].name).eq(letters()))
                // "US Federal Communications Commission (FCC)".
                || mentions[j].name.split_once(' ').is_some_and(|(place, body)| {
                    lexicon::place(place).is_some() && initials(body).eq(letters())
                })
        }) {
            let full = mentions[j].name.clone();
            let m = &mut mentions[i];
            m.name = full;
            m.kind = EntityKind::Org;
        }
    }
    merge_short_forms(mentions, &full_names);
}

/// "BDO Stoy Hayward … BDO said", "Marsh & McLennan … Marsh", "Federal
/// Reserve … Fed": a company named in full and then by its first word alone
/// (or a clipping of it) is one organisation. Only
/// when the full name comes first, and not a part of a body named after
/// it ("BBC … BBC One", "AOL … AOL UK", "BT … BT Consumer" are two).
fn merge_short_forms(mentions: &mut [Mention], full_names: &[usize]) {
    // Each full name that a short form may stand for, with its first word
    // (a full name joining two bodies, "Fiat and General Motors", has none).
    let candidates: Vec<(usize, &str)> = (full_names.iter())
        .filter_map(|&j| {
            let full = mentions[j].name.as_str();
            let (first, rest) = full.split_once(' ')?;
            let next = rest.split(' ').next()?;
            let joined = full.contains(" and ") || full.contains(" for ");
            (!joined && !is_part_of_a_body(next)).then_some((j, first))
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let mut merges: Vec<(usize, String, String)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        // "the Bank said" after "the Bank of England": a body's word alone
        // is unknown until here.
        if !matches!(m.kind, EntityKind::Org | EntityKind::Unknown) || m.name.contains(' ') {
            continue;
        }
        let short = m.name.as_str();
        // "the Federal Reserve … the Fed": or a clipping of its first word.
        let clipped = |first: &str| {
            (3..=4).contains(&short.len())
                && first.len() > short.len() + 2
                && first.starts_with(short)
        };
        let Some(&(j, _)) = candidates
            .iter()
            .find(|&&(j, first)| j < i && (first == short || clipped(first)))
        else {
            continue;
        };
        // A listed company's name before another word is more often its
        // product or arm ("Sony PlayStation", "Microsoft Word", "BBC Sport");
        // and written alone before the full name, the short form is a name
        // of its own.
        // A corporate tail is no product, though: "Ford … Ford Motor
        // Company", "Samsung … Samsung Electronics".
        let corporate = mentions[j]
            .name
            .split_once(' ')
            .is_some_and(|(_, rest)| rest.split(' ').all(is_corporate_tail));
        if (lexicon::organization(short).is_some() && !corporate)
            || mentions[..j]
                .iter()
                .any(|e| e.kind == EntityKind::Org && e.name == short)
            || merges.iter().any(|(_, s, _)| s == short)
        {
            continue;
        }
        merges.push((i, short.to_string(), mentions[j].name.clone()));
    }
    for (from, short, full) in &merges {
        for m in mentions[*from..].iter_mut() {
            if matches!(m.kind, EntityKind::Org | EntityKind::Unknown) && m.name == *short {
                m.name.clone_from(full);
                m.kind = EntityKind::Org;
            }
        }
    }
}

/// Words that close a company's full name after the name it is known by:
/// "Ford Motor Company", "Samsung Electronics", "Delta Air Lines".
fn is_corporate_tail(word: &str) -> bool {
    matches!(
        word,
        "Company"
            | "Corporation"
            | "Corp"
            | "Group"
            | "Holdings"
            | "Motor"
            | "Motors"
            | "Electronics"
            | "Electric"
            | "Industries"
            | "Incorporated"
            | "Inc"
            | "Limited"
            | "Ltd"
            | "plc"
            | "PLC"
            | "Air"
            | "Airlines"
            | "Airways"
            | "Lines"
            | "Co"
    )
}

/// Words after a company's name that name a part of it, a channel or an
/// arm: "BBC One", "AOL UK", "BT Consumer", "Sky News".
pub(crate) fn is_part_of_a_body(word: &str) -> bool {
    lexicon::place(word).is_some()
        || word.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            word,
            "One"
                | "Two"
                | "Three"
                | "Four"
                | "TV"
                | "News"
                | "Radio"
                | "Sport"
                | "Sports"
                | "Online"
                | "Consumer"
                | "Business"
                | "Retail"
                | "Wholesale"
                | "International"
                | "Foundation"
                | "Music"
                | "Records"
                | "Pictures"
                | "Films"
                | "Entertainment"
                | "Games"
        )
}

/// First letters of the capitalised words of a name ("Organisation for
/// Economic Co-operation and Development" → "OECD").
fn initials(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split([' ', '&'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
}

/// [`initials`] counting each capitalised part of a hyphenated word:
/// "National Hi-Tech Crime Unit" is NHTCU.
fn hyphen_initials(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split([' ', '&', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
}

/// [`initials`] keeping every letter of an abbreviation in the name: "UK
/// Independence Party" is UKIP.
fn acronym_initials(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split([' ', '&']).flat_map(|w| {
        let whole = w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase());
        let take = if whole { w.len() } else { 1 };
        w.chars().take(take).filter(|c| c.is_uppercase())
    })
}

/// Drops the mentions nobody settled: unknown words, and a month or day
/// name that is not a known person's surname ("May").
pub(crate) fn settle_unknowns(mentions: &mut Vec<Mention>) {
    mentions.retain(|m| !matches!(m.kind, EntityKind::Unknown | EntityKind::MaybePerson));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms() {
        assert!(is_acronym("BBC") && is_acronym("U.N.") && !is_acronym("Bbc"));
    }

    #[test]
    fn lower_without_allocating() {
        assert!(with_lower("However", |w| w == "however"));
    }
}
