//! Who speaks: attributing direct and reported speech to people and
//! organisations.
//!
//! A speaker is the subject of a speech verb ("Trump told reporters",
//! "Zelensky has said", "Witkoff is quoted as saying", "Ms Hewitt also
//! stressed"), including across an appositive ("David Frost, director general
//! of ..., warned") and after a quote (`"...," said Mr Smith`), the name after
//! "according to", and the subject of a speech participle after "with" ("with
//! Ushakov asking"). "He"/"she" resolve to the most recent person of that
//! gender (or of unknown gender) outside quotations, preferring one who was a
//! subject or speaker. A passage that is nothing but a quotation and has no
//! cue of its own inherits the speaker who closed the previous passage.
//!
//! Passives ("was told"), negations ("did not say") and verbs that are not
//! speech ("verified", "obtained") give no speaker. What was said (the quote
//! span) is not extracted here.

use super::entities::{EntityKind, Mention, is_calendar_word, is_part_of_a_body, with_lower};
use super::lexicon::{self, Gender, class};
use super::names::{self, Person};
use super::tokens::Kind;
use super::{Doc, Sentence};

/// Who speaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Speaker {
    /// A person, by index into the article's persons.
    Person(usize),
    /// An organisation or group, by name.
    Org(String),
}

/// A speaker found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct SpeakerEvent {
    /// Sentence index.
    pub sentence: usize,
    /// Who speaks.
    pub who: Speaker,
    /// Token of the reporting cue ("said", "according"); `None` for a
    /// passage that continues an earlier speaker's quotation.
    pub cue: Option<usize>,
}

/// A person mention remembered for pronoun resolution.
#[derive(Clone, Copy)]
struct Antecedent {
    passage: usize,
    sentence: usize,
    person: usize,
    subject: bool,
    /// Named at the start of that sentence.
    leads: bool,
    /// The person spoke in that sentence.
    speaker: bool,
}

struct Finder<'d, 'a> {
    doc: &'d Doc<'a>,
    mentions: &'d mut [Mention],
    persons: &'d mut Vec<Person>,
    history: Vec<Antecedent>,
    events: Vec<SpeakerEvent>,
    /// The cue being followed, recorded with each speaker it yields.
    cue: Option<usize>,
    /// The last sentence where someone unnamed spoke ("a spokesman said"):
    /// a "he said" after it is theirs, not a person named before it.
    unnamed_speaker: Option<usize>,
}

/// True when `word` is written capitalised somewhere in the article other
/// than at the start of a sentence or a quotation.
fn written_inside_a_sentence(doc: &Doc, word: &str) -> bool {
    (0..doc.tokens.len()).any(|i| !doc.tokens[i].initial && doc.core(i) == word && doc.is_cap(i))
}

/// Finds every speaker in the article, in text order.
///
/// Unknown single words that turn out to be a speech verb's subject ("Smith
/// said") become persons in `mentions` and `persons`.
pub(crate) fn find_speakers(
    doc: &Doc,
    mentions: &mut [Mention],
    persons: &mut Vec<Person>,
) -> Vec<SpeakerEvent> {
    let mut finder = Finder {
        doc,
        mentions,
        persons,
        history: Vec::new(),
        events: Vec::new(),
        cue: None,
        unnamed_speaker: None,
    };
    let mut m = 0;
    for si in 0..doc.sentences.len() {
        let first = m;
        while m < finder.mentions.len() && finder.mentions[m].sentence == si {
            m += 1;
        }
        finder.sentence(si, first..m);
    }
    finder.inherit_quote_passages();
    finder.name_bodies_in_full();
    finder.events
}

impl Finder<'_, '_> {
    /// A body found speaking by one word, not known by it ("Delta has
    /// declined to …", "a Delta spokesperson") but written in full elsewhere
    /// in the article ("Delta Airlines"), speaks and is named by its full name.
    fn name_bodies_in_full(&mut self) {
        for e in 0..self.events.len() {
            let Speaker::Org(short) = &self.events[e].who else {
                continue;
            };
            if short.contains(' ') || lexicon::organization(short).is_some() {
                continue;
            }
            let mut fuller = self.mentions.iter().filter(|o| {
                o.kind == EntityKind::Org
                    && o.name.len() > short.len()
                    && o.name.starts_with(short.as_str())
                    && o.name.as_bytes()[short.len()] == b' '
            });
            let Some(full) = fuller.next() else {
                continue;
            };
            // Not an arm ("Sky One") or a paper ("Newcastle Evening
            // Chronicle"): a channel's word or a town's name.
            let next = full.name[short.len() + 1..].split(' ').next().unwrap_or("");
            if fuller.any(|other| other.name != full.name)
                || is_part_of_a_body(next)
                || lexicon::place(short).is_some()
            {
                continue;
            }
            let (short, full) = (short.clone(), full.name.clone());
            for m in self.mentions.iter_mut() {
                if matches!(m.kind, EntityKind::Org | EntityKind::Unknown) && m.name == short {
                    m.name.clone_from(&full);
                    m.kind = EntityKind::Org;
                }
            }
            for event in &mut self.events {
                if event.who == Speaker::Org(short.clone()) {
                    event.who = Speaker::Org(full.clone());
                }
            }
        }
    }

    fn sentence(&mut self, si: usize, ms: std::ops::Range<usize>) {
        let doc = self.doc;
        let s = doc.sentences[si];
        let events_before = self.events.len();
        if let Some(interviewer) = self.interview_tag(si) {
            self.cue = None;
            self.push(si, Speaker::Person(interviewer));
        }
        // Most sentences quote nobody: only those that do are read for a
        // person calling something by words in quotation marks.
        let quotes_words = doc.tokens[s.start..s.end]
            .iter()
            .any(|t| t.kind == Kind::OpenQuote);
        for i in s.start..s.end {
            if doc.tokens[i].kind != Kind::Word {
                continue;
            }
            let word = doc.text(i);
            if word.eq_ignore_ascii_case("according") && i + 2 < s.end && doc.text(i + 1) == "to" {
                let mut j = if doc.is_word(i + 2, "the") {
                    i + 3
                } else {
                    i + 2
                };
                // "according to consultants Strategy Analytics".
                if j + 1 < s.end && is_unnamed_staff(doc.text(j)) && doc.is_cap(j + 1) {
                    j += 1;
                } else if j + 2 < s.end
                    && !doc.is_cap(j)
                    && is_unnamed_staff(doc.text(j + 1))
                    && doc.is_cap(j + 2)
                {
                    // "according to market analysts Nielsen/NetRatings".
                    j += 2;
                }
                // "according to data from the World Health Organisation".
                if j + 2 < s.end
                    && matches!(
                        doc.text(j),
                        "data" | "figures" | "statistics" | "estimates" | "research"
                    )
                    && matches!(doc.text(j + 1), "from" | "by")
                {
                    j += if doc.is_word(j + 2, "the") { 3 } else { 2 };
                }
                self.cue = Some(i);
                self.subject_starting_at(si, ms.clone(), j, true);
                continue;
            }
            // "he had been told by Children's Minister Margaret Hodge there
            // was not enough time": the one who told speaks.
            if word == "told"
                && i > s.start
                && i + 2 < s.end
                && matches!(doc.text(i - 1), "been" | "was" | "were" | "being")
                && doc.is_word(i + 1, "by")
            {
                let person_at = |j: usize| {
                    ms.clone().any(|m| {
                        self.mentions[m].start == j && self.mentions[m].kind == EntityKind::Person
                    })
                };
                if let Some(j) = (i + 2..(i + 6).min(s.end))
                    .take_while(|&j| doc.is_cap(j))
                    .find(|&j| person_at(j))
                {
                    self.cue = Some(i);
                    self.subject_starting_at(si, ms.clone(), j, false);
                }
            }
            // "The SNP called on ministers to ...", "Unions called for a
            // strike": a demand made in words.
            let calls_for = matches!(word, "called" | "calls")
                && i + 1 < s.end
                && matches!(doc.text(i + 1), "on" | "for");
            // "The ERAA claims that ...": "claims" is a verb only after the
            // name opening the sentence ("rejected Tory claims that" is the
            // noun).
            let claims_that = matches!(word, "claims" | "claim")
                && i + 1 < s.end
                && doc.is_word(i + 1, "that")
                && ms.clone().any(|m| {
                    let m = &self.mentions[m];
                    m.start <= s.start + 1 && (m.end == i || doc.is_punct(i - 1, ')'))
                });
            // "Mr Smith notes that …", not "Toyota recalls 1m cars": verbs
            // that are speech only before what was said.
            let verb_kind = lexicon::verb_kind(word);
            let in_context = verb_kind & lexicon::VerbKind::IN_CONTEXT != 0;
            let reports_that = in_context
                && (matches!(
                word,
                "notes" | "recalls" | "observes" | "states" | "remarks" | "forecasts" | "forecast"
            ) && i + 1 < s.end
                && doc.is_word(i + 1, "that")
                || (matches!(word, "recommends" | "recommended")
                    && i + 1 < s.end
                    && doc.is_word(i + 1, "that"))
                // "Emma Caufield talked of being cast": not "peace talks".
                || (word == "talked"
                    && i + 1 < s.end
                    && matches!(doc.text(i + 1), "of" | "about"))
                // "The call was seconded by Angela Merkel": not "seconded to
                // the unit".
                || (word == "seconded" && i + 1 < s.end && doc.is_word(i + 1, "by"))
                // "BMW has forecast sales growth": a verb after "has".
                || (word == "forecast"
                    && i > s.start
                    && matches!(doc.text(i - 1), "has" | "have" | "had"))
                // "have been branded "deeply irresponsible" by the Liberal
                // Democrats": a passive whose agent speaks.
                || (matches!(word, "branded" | "labelled" | "labeled" | "dubbed")
                    && i > s.start
                    && matches!(doc.text(i - 1), "been" | "was" | "were" | "is" | "are")));
            // "cast doubt on Campbell's claims he had torn a hamstring": a
            // claim is said by whoever owns it.
            if matches!(word, "claims" | "claim" | "assertion" | "insistence")
                && i > s.start
                && i + 1 < s.end
                && doc.tokens[i - 1].possessive
                && matches!(
                    doc.text(i + 1),
                    "that" | "he" | "she" | "they" | "it" | "the" | "his" | "her"
                )
                && let Some(m) = self.mention_ending_at(ms.clone(), i - 1)
                && self.mentions[m].kind == EntityKind::Person
            {
                self.cue = Some(i);
                self.record_mention(si, m);
                continue;
            }
            // "Tributes have poured in from Paul McCartney", "The news came
            // from his son-in-law, Frédéric Salat-Baroux".
            if in_context && self.words_came_from(si, ms.clone(), i) {
                continue;
            }
            // "pointed out that", "…," points out BBC pundit Steve Cram.
            if matches!(word, "pointed" | "points" | "point")
                && i + 2 < s.end
                && doc.is_word(i + 1, "out")
                && !doc.tokens[i].in_quote
            {
                self.cue = Some(i);
                let prev = i.checked_sub(1).filter(|&p| p >= s.start);
                let inverted = prev.is_some_and(|p| {
                    doc.tokens[p].kind == Kind::CloseQuote || doc.is_punct(p, ',')
                });
                if inverted {
                    let quoted = prev.is_some_and(|p| doc.tokens[p].kind == Kind::CloseQuote);
                    self.subject_starting_at(si, ms.clone(), i + 2, quoted);
                } else if word != "point" {
                    self.speech_verb(si, ms.clone(), i);
                }
                continue;
            }
            if verb_kind & lexicon::VerbKind::SPEECH != 0
                || calls_for
                || claims_that
                || reports_that
                || (in_context && speaks_publicly(doc, i, s.end))
            {
                self.cue = Some(i);
                self.speech_verb(si, ms.clone(), i);
            } else if quotes_words {
                self.names_with_a_quotation(si, ms.clone(), i);
            }
        }
        if self.events.len() == events_before {
            self.introduced_quote(si, ms.clone());
        }
        if self.events.len() == events_before {
            self.signed_quote(si, ms.clone());
        }
        // Remember this sentence's people for later pronouns.
        // Not the owner of a claim named as a noun ("hit back at Mr
        // Mallon's claim that"): the sentence is about someone else.
        let speakers: Vec<usize> = self.events[events_before..]
            .iter()
            .filter(|e| {
                e.cue.is_none_or(|c| {
                    !(doc.tokens[c.saturating_sub(1)].possessive
                        && matches!(doc.text(c), "claims" | "claim" | "assertion" | "insistence"))
                })
            })
            .filter_map(|e| match e.who {
                Speaker::Person(p) => Some(p),
                Speaker::Org(_) => None,
            })
            .collect();
        // "The 22-year-old pipped Maurice Greene …": a description opening
        // the sentence is its subject, and whoever it describes is the
        // subject for a "he said" after.
        let described_subject = (speakers.is_empty() && doc.is_word(s.start, "the"))
            .then(|| {
                (s.start + 1..(s.start + 4).min(s.end)).find(|&h| {
                    described_person(doc, s.start + 1, h + 1) == Some(h)
                        && h + 1 < s.end
                        && doc.tokens[h + 1].kind == Kind::Word
                        && !doc.is_cap(h + 1)
                        && !matches!(doc.text(h + 1), "and" | "of" | "who" | "said" | "says")
                })
            })
            .flatten();
        let mut first_subject = described_subject.is_none();
        // How far into the sentence its subject may start: a possessive
        // opening it moves that on ("But Wenger's Bayern counterpart Felix
        // Magath was in no mood …": the subject is Magath).
        let mut subject_by = s.start + 3;
        let mut led_by_a_person = false;
        for k in ms {
            let m = &self.mentions[k];
            let Some(p) = m.person else { continue };
            if m.in_quote || m.kind != EntityKind::Person {
                continue;
            }
            let possessive = doc.tokens[m.end - 1].possessive;
            let leading = first_subject && m.start <= subject_by && !possessive;
            if possessive && first_subject && m.start <= subject_by {
                subject_by = m.end + 3;
            } else {
                first_subject = false;
            }
            // "the return of skipper Brian O'Driscoll, who missed ...": a
            // relative clause makes the person its topic, unless a person
            // is the sentence's subject ("Prutton has apologised … to
            // Robert Pires, who was injured").
            let described = !led_by_a_person
                && (m.end..(m.end + 2).min(s.end)).any(|w| doc.is_word(w, "who"))
                && (m.end == s.end || doc.is_word(m.end, "who") || doc.is_punct(m.end, ','));
            led_by_a_person |= leading;
            self.history.push(Antecedent {
                passage: s.passage,
                sentence: si,
                person: p,
                subject: leading || described || speakers.contains(&p),
                // Opening the sentence itself: only capitalised words
                // before ("But Gardener", "Britain's Jason Gardener").
                leads: leading
                    && (s.start..m.start)
                        .all(|t| doc.tokens[t].kind != Kind::Word || doc.is_cap(t)),
                speaker: speakers.contains(&p),
            });
        }
        if let Some(head) = described_subject {
            let p = (self.history.iter().rev())
                .take_while(|a| a.passage + 1 >= s.passage)
                .find(|a| a.subject)
                .map(|a| a.person)
                .or_else(|| self.antecedent(si, head, None));
            if let Some(p) = p {
                self.history.push(Antecedent {
                    passage: s.passage,
                    sentence: si,
                    person: p,
                    subject: true,
                    leads: true,
                    speaker: false,
                });
            }
        }
        for p in speakers {
            self.history.push(Antecedent {
                passage: s.passage,
                sentence: si,
                person: p,
                subject: true,
                leads: false,
                speaker: true,
            });
        }
    }

    /// `Mr Justice Mann agreed with the defence - "I conclude that ..."`:
    /// a sentence with no speech verb whose subject, a person named at its
    /// start, leads into a quotation of five words or more after a colon,
    /// comma or dash.
    fn introduced_quote(&mut self, si: usize, ms: std::ops::Range<usize>) {
        let doc = self.doc;
        let s = doc.sentences[si];
        // Or straight after the name, in a list of reactions: "- Bolton boss
        // Sam Allardyce "I am bitterly disappointed …"".
        // The subject opens the sentence, or the next item of such a list
        // after a quotation closes ("… we cracked." - Newcastle boss …").
        let leads = |m: &Mention| {
            m.start <= s.start + 3
                || (m.start.saturating_sub(3).max(s.start + 1)..m.start)
                    .any(|d| doc.is_punct(d, '-') && doc.tokens[d - 1].kind == Kind::CloseQuote)
                // "- Manchester United boss Sir Alex Ferguson:": only a
                // description comes before.
                || (m.start <= s.start + 8
                    && (s.start..m.start).all(|t| {
                        (t == s.start && (doc.is_punct(t, '-') || doc.is_punct(t, '–')))
                            || (doc.tokens[t].kind == Kind::Word
                                && (doc.is_cap(t) || lexicon::is_role_noun(doc.text(t))))
                    }))
        };
        let named_before = |q: usize| {
            // Double quotation marks: a headline's single ones are scare
            // quotes ("Singer Ian Brown 'in gig arrest'").
            !matches!(doc.text(q), "'" | "‘")
                && ms.clone().any(|m| {
                    let m = &self.mentions[m];
                    m.end == q && m.kind == EntityKind::Person && leads(m)
                })
        };
        let Some(open) = (s.start + 2..s.end).find(|&q| {
            doc.tokens[q].kind == Kind::OpenQuote
                && ([',', ':', '-', '—', '–']
                    .iter()
                    .any(|&mark| doc.is_punct(q - 1, mark))
                    || named_before(q))
        }) else {
            return;
        };
        let quoted_words = (open + 1..s.end)
            .take_while(|&w| doc.tokens[w].kind != Kind::CloseQuote)
            .filter(|&w| doc.tokens[w].kind == Kind::Word)
            .count();
        // A nickname in quotation marks after a name is a word or two.
        if quoted_words < if named_before(open) { 3 } else { 5 } {
            return;
        }
        let subject = ms.clone().find(|&m| {
            let m = &self.mentions[m];
            leads(m) && m.end <= open && !m.in_quote && m.kind == EntityKind::Person
        });
        // "Tony Blair's official spokesman said:": someone unnamed speaks.
        let spokesman = subject.is_some_and(|m| {
            let end = self.mentions[m].end;
            doc.tokens[end - 1].possessive
                && (end..(end + 3).min(open))
                    .any(|t| lexicon::is_anonymous_speaker_noun(doc.text(t)))
        });
        if let Some(m) = subject.filter(|_| !spokesman) {
            let verb = self.mentions[m].end;
            self.cue = (doc.tokens[verb].kind == Kind::Word && !doc.is_cap(verb)).then_some(verb);
            self.record_mention(si, m);
        }
    }

    /// `"I'm so ashamed." ― Pamela Padilla`: a quotation signed with a dash
    /// and the name of who said it, which ends the sentence. (Where the next
    /// quotation follows in the same sentence, that one would be given to
    /// the name before it: not attempted.)
    fn signed_quote(&mut self, si: usize, ms: std::ops::Range<usize>) {
        let doc = self.doc;
        let s = doc.sentences[si];
        let Some(m) = ms.clone().rev().find(|&m| !self.mentions[m].in_quote) else {
            return;
        };
        let mention = &self.mentions[m];
        let ends_sentence =
            mention.end == s.end || (mention.end + 1 == s.end && doc.is_punct(mention.end, '.'));
        let signed = mention.start >= s.start + 2
            && ['―', '—', '–', '-']
                .iter()
                .any(|&dash| doc.is_punct(mention.start - 1, dash))
            && doc.tokens[mention.start - 2].kind == Kind::CloseQuote;
        if ends_sentence
            && signed
            && matches!(mention.kind, EntityKind::Person | EntityKind::MaybePerson)
        {
            self.cue = None;
            self.record_mention(si, m);
        }
    }

    /// `((WSS)) : Which past president do you admire?`: an interview's
    /// question, tagged with the initials of the person asking, who is
    /// named in full elsewhere in the article ("William S. Saturn").
    fn interview_tag(&self, si: usize) -> Option<usize> {
        let doc = self.doc;
        let s = doc.sentences[si];
        let tag = s.start + 2;
        let tagged = s.end > s.start + 5
            && doc.is_punct(s.start, '(')
            && doc.is_punct(s.start + 1, '(')
            && doc.is_punct(tag + 1, ')')
            && doc.is_punct(tag + 2, ')');
        if !tagged {
            return None;
        }
        let initials = doc.core(tag);
        if initials.len() < 2 || !initials.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        self.persons.iter().position(|person| {
            person.name.split(' ').count() >= 2
                && person
                    .name
                    .split(' ')
                    .filter_map(|word| word.chars().next())
                    .eq(initials.chars())
        })
    }

    /// Tries every pattern around the speech verb at token `i`.
    /// `Jeremy Corbyn called the move a "smash and grab"`: a person who
    /// calls, brands or dubs something with words in quotation marks
    /// speaks them. True when token `i` is such a verb after a person.
    fn names_with_a_quotation(&mut self, si: usize, ms: std::ops::Range<usize>, i: usize) -> bool {
        let doc = self.doc;
        let s = doc.sentences[si];
        let naming = matches!(
            doc.text(i),
            "called"
                | "calls"
                | "calling"
                | "branded"
                | "brands"
                | "branding"
                | "dubbed"
                | "dubs"
                | "labelled"
                | "labeled"
                | "referred"
                | "refers"
        );
        // "referred to the Rutgers University women's basketball team as "…"":
        // what is referred to comes first, at some length.
        let reach = if doc.text(i).starts_with("refer") {
            13
        } else {
            9
        };
        let quotation_follows =
            || (i + 1..(i + reach).min(s.end)).any(|q| doc.tokens[q].kind == Kind::OpenQuote);
        if !naming || i <= s.start || !quotation_follows() {
            return false;
        }
        // "over what she called "bullying" tactics".
        if let Some(gender) = lexicon::pronoun_gender(doc.text(i - 1))
            && !doc.tokens[i - 1].in_quote
        {
            self.cue = Some(i);
            self.record_pronoun(si, i - 1, Some(gender));
            return true;
        }
        // "Sir Richard Eyre who called the work "…"", "The Project on
        // Government Oversight has called it "a textbook case …"": a body
        // names things too.
        let mut before =
            if i > s.start + 1 && matches!(doc.text(i - 1), "who" | "has" | "have" | "had") {
                i - 2
            } else {
                i - 1
            };
        // "Trump repeatedly called …".
        while before > s.start && lexicon::is_subject_verb_filler(doc.text(before)) {
            before -= 1;
        }
        let Some(mut m) = self.mention_ending_at(ms.clone(), before) else {
            // "The Tory leader, Michael Howard, called the plan "…"", "Jim
            // Jordan (R-Ohio) called it "…"": past an apposition or an aside.
            if doc.is_punct(before, ',') || doc.is_punct(before, ')') {
                let events = self.events.len();
                self.cue = Some(i);
                self.subject_before(si, ms, before, i);
                return self.events.len() > events;
            }
            return false;
        };
        // "Trump on Twitter referred to the vote as "…"": where, not who;
        // who is before it.
        let start = self.mentions[m].start;
        if start > s.start
            && matches!(
                doc.text(start - 1),
                "on" | "in" | "at" | "via" | "from" | "to" | "by"
            )
        {
            match self.mention_ending_at(ms.clone(), start - 2) {
                Some(subject) if start >= s.start + 2 => m = subject,
                _ => return false,
            }
        }
        // "with Steve Scalise of Louisiana calling the investigation …".
        if self.mentions[m].kind == EntityKind::Place
            && start > s.start + 1
            && doc.is_word(start - 1, "of")
            && let Some(person) = self.mention_ending_at(ms, start - 2)
            && matches!(
                self.mentions[person].kind,
                EntityKind::Person | EntityKind::MaybePerson
            )
        {
            m = person;
        }
        // A participle's subject: "with X calling …", not "leaflets at Munich
        // University calling for …".
        let first = self.mentions[m].start;
        if doc.text(i).ends_with("ing")
            && first > s.start
            && !(matches!(doc.text(first - 1), "with" | "and") || doc.is_punct(first - 1, ','))
        {
            return false;
        }
        // "Ross Spano of Florida calling …" (not "The Daily Beast called").
        let named_person = self.mentions[m].kind == EntityKind::MaybePerson
            && self.mentions[m].name.contains(' ')
            && !(first > s.start && doc.text(first - 1).eq_ignore_ascii_case("the"));
        if !(matches!(self.mentions[m].kind, EntityKind::Person | EntityKind::Org) || named_person)
            || self.mentions[m].in_quote
        {
            return false;
        }
        self.cue = Some(i);
        self.record_mention(si, m);
        true
    }

    fn speech_verb(&mut self, si: usize, ms: std::ops::Range<usize>, i: usize) {
        let doc = self.doc;
        let s = doc.sentences[si];
        let verb = doc.text(i);
        if not_speech(doc, i, s.end) {
            return;
        }
        let mut participle = verb.ends_with("ing");
        // "is quoted as saying": the subject comes before "quoted".
        let mut j = i;
        let quoted_as = verb == "saying"
            && i >= s.start + 2
            && doc.text(i - 1) == "as"
            && doc.text(i - 2) == "quoted";
        if quoted_as {
            j = i - 2;
        }
        // "Politico quoted Tim Manning, formerly of FEMA, as saying": the
        // person quoted, not the one quoting.
        if quoted_as_after_name(doc, si, i)
            && let Some(quoted) = (s.start..i - 1)
                .rev()
                .find(|&q| matches!(doc.text(q), "quoted" | "quotes" | "quoting") && q + 20 > i)
            && let Some(m) = ms
                .clone()
                .find(|&m| self.mentions[m].start == quoted + 1)
                .filter(|&m| self.mentions[m].kind == EntityKind::Person)
        {
            self.record_mention(si, m);
            return;
        }
        let mut passive = false;
        let mut negated = false;
        while j > s.start && j + 6 > i {
            let k = j - 1;
            let w = doc.text(k);
            if doc.tokens[k].kind != Kind::Word {
                break;
            }
            if w.ends_with("n't") || w.ends_with("n’t") || w == "not" || w == "never" {
                negated = true;
            } else if matches!(w, "is" | "was" | "were" | "are" | "been" | "be" | "being") {
                passive = true;
            } else if k > s.start + 1
                && matches!(doc.text(k - 1), "on" | "in" | "last" | "this")
                && doc.has(k, class::CALENDAR)
                // Not "the Independent on Sunday reported": a paper's name.
                && self.mention_ending_at(ms.clone(), k).is_none()
            {
                // "The Electoral Commission on Thursday said", "Bob Geldof in
                // July said".
                j = k - 1;
                continue;
            } else if let Some(place) = ms.clone().find(|&m| {
                let m = &self.mentions[m];
                m.end == k + 1 && m.kind == EntityKind::Place && m.start > s.start + 1
            }) && doc.is_word(self.mentions[place].start - 1, "in")
                // A person's whereabouts, not a body's: "at the University
                // of the West of England in Bristol said" is Dr Avineri's.
                && ms.clone().any(|m| {
                    let m = &self.mentions[m];
                    m.end + 1 == self.mentions[place].start
                        && matches!(m.kind, EntityKind::Person | EntityKind::MaybePerson)
                })
            {
                // "The BBC's David Willey in Rome says": where the speaker is.
                j = self.mentions[place].start - 1;
                continue;
            } else if w == "to" && k > s.start && matches!(doc.text(k - 1), "had" | "has" | "have")
            {
                // "McKiernan had to acknowledge that": obliged, yet said.
                // ("refused to say", "is expected to announce" did not.)
            } else if !lexicon::is_subject_verb_filler(w) && !is_manner_adverb(w) {
                break;
            }
            j = k;
        }
        if negated {
            return;
        }
        // "the Lord Chancellor, Lord Falconer, was insisting": after a form
        // of "be" a participle is the verb of its clause.
        if participle && passive && !quoted_as {
            participle = false;
            passive = false;
        }
        // "the £7.4m announced by Chancellor Gordon Brown": a passive
        // without its auxiliary.
        if !participle
            && i + 2 < s.end
            && doc.is_word(i + 1, "by")
            && (doc.is_cap(i + 2)
                || lexicon::is_role_noun(doc.text(i + 2))
                || lexicon::is_org_noun(doc.text(i + 2)))
            && is_passive_speech_verb(verb)
            && ms.clone().any(|m| {
                let m = &self.mentions[m];
                (i + 2..i + 5).contains(&m.start)
                    && matches!(m.kind, EntityKind::Person | EntityKind::Org)
            })
        {
            passive = true;
        }
        let before = self.events.len();
        // "The deal was announced by John Smith", "was described as a
        // "consummate professional" by his friend Michael Pointon": the
        // agent of a passive speech verb speaks.
        if passive
            && !quoted_as
            && !participle
            && !doc.tokens[i].in_quote
            && is_passive_speech_verb(verb)
            && let Some(by) = (i + 1..(i + 12).min(s.end))
                .take_while(|&k| {
                    !(doc.is_punct(k, ',') || doc.is_punct(k, ';') || doc.is_punct(k, '.'))
                })
                .find(|&k| doc.is_word(k, "by"))
        {
            // "announced by rival Google": past a role.
            let agent = if by + 2 < s.end
                && (lexicon::is_role_noun(doc.text(by + 1))
                    || lexicon::is_org_noun(doc.text(by + 1)))
            {
                by + 2
            } else {
                by + 1
            };
            self.subject_starting_at(si, ms.clone(), agent, true);
            if self.events.len() > before {
                return;
            }
        }
        // "Sambur defended the consideration of Boeing, saying": after a
        // comma a participle's subject is the clause's, not the name before.
        let comma_participle = participle && !quoted_as && j > s.start && doc.is_punct(j - 1, ',');
        if j > s.start
            && (!passive || quoted_as)
            && !(participle && !quoted_as && verb != "saying")
            && !comma_participle
        {
            self.subject_before(si, ms.clone(), j - 1, i);
        }
        if self.events.len() == before
            && !participle
            && j > s.start + 1
            && (doc.is_word(j - 1, "and") || doc.is_word(j - 1, "but"))
        {
            self.subject_of_first_verb(si, ms.clone(), j - 1);
        }
        if self.events.len() > before {
            return;
        }
        // "sent a letter to the board on Thursday saying": written speech.
        let letter = verb == "saying"
            && (j.saturating_sub(10).max(s.start)..j).any(|k| {
                matches!(
                    doc.text(k),
                    "letter" | "statement" | "note" | "e-mail" | "email" | "message" | "memo"
                )
            });
        // "The actor refused, throwing the book at her and saying:".
        let and_participle = verb == "saying" && j > s.start && doc.is_word(j - 1, "and");
        if participle
            && !quoted_as
            && j > s.start
            && (doc.is_punct(j - 1, ',') || letter || and_participle)
        {
            // "Clinton chimed in on Twitter, saying ...": the sentence's subject.
            self.sentence_subject(si, ms.clone(), i);
            return;
        }
        if participle && !quoted_as && j > s.start {
            // "with Ushakov asking if ...", "with Witkoff telling Ushakov".
            if let Some(m) = self.mention_ending_at(ms.clone(), j - 1) {
                let start = self.mentions[m].start;
                if start > s.start && doc.text(start - 1) == "with" {
                    self.record_mention(si, m);
                }
            }
        }
        if lexicon::is_inverting_verb(verb) && i > s.start && i + 1 < s.end {
            let prev = &doc.tokens[i - 1];
            let after_quote = prev.kind == Kind::CloseQuote
                || doc.is_punct(i - 1, ',')
                || doc.is_punct(i - 1, '—')
                || doc.is_punct(i - 1, '–');
            if after_quote {
                let quoted = prev.kind == Kind::CloseQuote
                    || (i >= s.start + 2 && doc.tokens[i - 2].kind == Kind::CloseQuote);
                self.subject_starting_at(si, ms, i + 1, quoted);
            }
        }
    }

    /// "The BPI is concerned that ... and said", "He arrived late and
    /// said": a speech verb joined by `and` (token `and`) to an earlier verb
    /// speaks for that verb's subject, the name or pronoun opening the
    /// sentence (after "But", "The", ...) and followed by a lower-case word.
    fn subject_of_first_verb(&mut self, si: usize, ms: std::ops::Range<usize>, and: usize) {
        let doc = self.doc;
        let s = doc.sentences[si];
        let opening = |t: usize| doc.is_cap(t) || doc.is_word(t, "the");
        if let Some(gender) = lexicon::pronoun_gender(doc.text(s.start))
            && doc.is_cap(s.start)
        {
            self.record_pronoun(si, s.start, Some(gender));
            return;
        }
        let Some(mut m) = ms.clone().find(|&m| !self.mentions[m].in_quote) else {
            return;
        };
        // "Portsmouth chairman Milan Mandaric said … and claimed": an
        // organisation before a role describes the person named after it.
        let opener = m;
        let first_end = self.mentions[m].end;
        if self.mentions[m].kind != EntityKind::Person
            && first_end < and
            && lexicon::is_role_noun(doc.text(first_end))
            && let Some(person) = ms.clone().find(|&p| {
                let person = &self.mentions[p];
                person.kind == EntityKind::Person
                    && (first_end + 1..=first_end + 2).contains(&person.start)
            })
        {
            m = person;
        }
        let mention = &self.mentions[m];
        let mut after = mention.end;
        // Past a bracketed short form: "The British Phonographic Industry (BPI) had".
        if after + 2 < and && doc.is_punct(after, '(') && doc.is_punct(after + 2, ')') {
            after += 3;
        }
        // Past an apposition: "Iain Duncan Smith, one of the chief critics
        // of the plans, condemned … and complained".
        if after < and
            && doc.is_punct(after, ',')
            && let Some(close) = (after + 2..and.min(after + 14)).find(|&c| doc.is_punct(c, ','))
            && (after + 1..close).all(|w| doc.tokens[w].kind == Kind::Word)
        {
            after = close + 1;
        }
        let opener_start = self.mentions[opener].start;
        let subject = opener_start <= s.start + 3
            && (s.start..opener_start).all(opening)
            && after < and
            && !doc.tokens[mention.end - 1].possessive
            && doc.tokens[after].kind == Kind::Word
            && !doc.is_cap(after)
            && matches!(
                mention.kind,
                EntityKind::Person | EntityKind::MaybePerson | EntityKind::Org
            );
        if subject {
            self.record_mention(si, m);
        }
    }

    /// The subject at the start of the sentence (after "But", "However", ...),
    /// else the nearest person before `verb` who starts a clause ("While
    /// introducing it, Jobs started by hinting at it, saying ...").
    fn sentence_subject(&mut self, si: usize, ms: std::ops::Range<usize>, verb: usize) {
        let doc = self.doc;
        let s = doc.sentences[si];
        let clause_subject = ms.clone().rev().find(|&m| {
            let m = &self.mentions[m];
            m.end < verb
                && !m.in_quote
                && m.kind == EntityKind::Person
                && m.start > s.start + 3
                && doc.tokens[m.end].kind == Kind::Word
                && !doc.is_cap(m.end)
                && doc.is_punct(m.start - 1, ',')
        });
        if let Some(m) = clause_subject {
            self.record_mention(si, m);
            return;
        }
        for t in s.start..s.end.min(s.start + 3) {
            if let Some(gender) = lexicon::pronoun_gender(doc.text(t)) {
                self.record_pronoun(si, t, Some(gender));
                return;
            }
        }
        // "Qwest chairman Richard Notebaert sent ...": a person described by
        // a leading organisation and role comes before the organisation.
        let early =
            |m: &usize| self.mentions[*m].start <= s.start + 3 && !self.mentions[*m].in_quote;
        let leading = ms
            .clone()
            .filter(early)
            .find(|&m| self.mentions[m].kind == EntityKind::Person)
            .or_else(|| ms.clone().find(early));
        if let Some(m) = leading
            && self.mentions[m].end < s.end
            && doc.tokens[self.mentions[m].end].kind == Kind::Word
        {
            self.record_mention(si, m);
            return;
        }
        // "The actor refused, throwing the book at her and saying": a
        // description of someone named before.
        if doc.text(s.start).eq_ignore_ascii_case("the")
            && let Some(head) = (s.start + 1..(s.start + 4).min(verb))
                .find(|&h| described_person(doc, s.start + 1, h + 1) == Some(h))
        {
            self.record_pronoun(si, head, None);
        }
    }

    /// The subject ending at token `k`, just before a speech verb.
    fn subject_before(&mut self, si: usize, ms: std::ops::Range<usize>, k: usize, verb: usize) {
        let doc = self.doc;
        let s = doc.sentences[si];
        // "Martin Luther King Jr. said", "Acme Inc. said": the full stop of
        // an abbreviation closing the name.
        let k = if k > s.start
            && doc.is_punct(k, '.')
            && (names::is_generational_suffix(doc.core(k - 1))
                || lexicon::is_legal_form(doc.core(k - 1)))
        {
            k - 1
        } else {
            k
        };
        // "Rep. Gwen Moore (D-Wis.) said": a bracketed aside after the name.
        if let Some(name_end) = before_bracketed_aside(doc, s, k) {
            self.subject_before(si, ms, name_end, verb);
            return;
        }
        // "Aer Lingus Group PLC said": the name ends before its legal form.
        let k = if k > s.start && lexicon::is_legal_form(doc.core(k)) {
            k - 1
        } else {
            k
        };
        // "The IMF's latest report said", "Oxfam's Paying the Price report
        // this week said", "A National Audit Office report on the 20 biggest
        // projects says", "A report by the IPPR said": a body speaks through
        // its report.
        if let Some(report) = (k.saturating_sub(10).max(s.start)..=k)
            .rev()
            .find(|&r| is_report_noun(doc.text(r)))
            && (report + 1..=k).all(|t| {
                matches!(doc.tokens[t].kind, Kind::Word | Kind::Number)
                    && !lexicon::is_speech_verb(doc.text(t))
            })
        {
            let by_body = matches!(doc.text(report + 1), "by" | "from")
                .then(|| {
                    ms.clone().find(|&m| {
                        let m = &self.mentions[m];
                        (m.start == report + 2
                            || (m.start == report + 3 && doc.is_word(report + 2, "the")))
                            && m.end == k + 1
                            && m.kind == EntityKind::Org
                    })
                })
                .flatten();
            let bodys = ms.clone().rev().find(|&m| {
                let m = &self.mentions[m];
                m.end <= report
                    && m.end + 6 >= report
                    && m.kind == EntityKind::Org
                    && (doc.tokens[m.end - 1].possessive || m.end == report)
                    && !m.in_quote
            });
            let body = by_body.or(bodys.filter(|&m| {
                (self.mentions[m].end..report)
                    .all(|t| doc.tokens[t].kind == Kind::Word && !doc.is_word(t, "and"))
            }));
            if let Some(m) = body {
                self.record_mention(si, m);
                return;
            }
        }
        // "John Smith of the union said", "Arnel dela Vega of the army's
        // Western Mindanao Command said": the person speaks for a body
        // described, not named.
        if let Some(of) = (k.saturating_sub(4).max(s.start + 1)..k)
            .rev()
            .find(|&t| doc.is_word(t, "of"))
            && doc.is_word(of + 1, "the")
            && (of + 2..=k).all(|t| doc.tokens[t].kind == Kind::Word && !doc.is_cap(t))
            && let Some(person) = self.mention_ending_at(ms.clone(), of - 1)
            && matches!(
                self.mentions[person].kind,
                EntityKind::Person | EntityKind::MaybePerson
            )
        {
            self.record_mention(si, person);
            return;
        }
        // "Broadcast magazine said", "The Sun newspaper said": an outlet.
        if k > s.start
            && matches!(
                doc.text(k),
                "magazine" | "newspaper" | "paper" | "website" | "journal" | "tabloid"
            )
            && let Some(m) = self.mention_ending_at(ms.clone(), k - 1)
            && self.mentions[m].kind != EntityKind::Person
            && !self.mentions[m].in_quote
            // Not "companies contacted by the BBC News website insist".
            && !(s.start..self.mentions[m].start)
                .rev()
                .find(|&t| !doc.is_word(t, "the"))
                .is_some_and(|t| {
                    matches!(
                        doc.text(t),
                        "by" | "to" | "on" | "from" | "at" | "in" | "with" | "for" | "of"
                    )
                })
        {
            self.mentions[m].kind = EntityKind::Org;
            self.record_mention(si, m);
            return;
        }
        if let Some(m) = self.mention_ending_at(ms.clone(), k) {
            // "A lawyer for Mr Fawcett and Mr McDonald denied": their
            // lawyer speaks, unnamed.
            if self.represented_by_counsel(si, ms.clone(), m) {
                self.unnamed_speaker = Some(si);
                return;
            }
            // "Yvette Cooper of the Labour Party added": the person speaks
            // for the organisation.
            let org_start = self.mentions[m].start;
            let of = if org_start > s.start && doc.is_word(org_start - 1, "the") {
                org_start - 1
            } else {
                org_start
            };
            // "Mike Powell of Dresdner Kleinwort Wasserstein says": a name
            // after a person's "of" is where they work, even one that reads
            // as a person's ("Mike McCready of Pearl Jam").
            if let Some(person) = self.person_of_body(si, ms.clone(), m) {
                self.mentions[m].kind = EntityKind::Org;
                self.record_mention(si, person);
                // "Activist Adam Kokesh and Richard Winger of Ballot Access
                // News said".
                if !is_singular_speech_verb(doc.text(verb)) {
                    let start = self.name_start(si, person);
                    self.coordinated_subjects(si, ms, start);
                }
                return;
            }
            // "Colin Asplin, Blackpool Hotel Association said": the person
            // opening the sentence, then where they work.
            if self.mentions[m].kind == EntityKind::Org
                && org_start > s.start + 1
                && doc.is_punct(org_start - 1, ',')
                && let Some(person) = self.mention_ending_at(ms.clone(), org_start - 2)
                && self.mentions[person].kind == EntityKind::Person
                && self.mentions[person].start <= s.start + 1
            {
                self.record_mention(si, person);
                return;
            }
            self.record_mention(si, m);
            // "a spokesman for the English National Ballet told": someone
            // unnamed spoke for it, and a "he said" after is theirs.
            if self.mentions[m].kind == EntityKind::Org
                && of > s.start + 2
                && matches!(doc.text(of - 1), "for" | "of" | "at")
                && lexicon::is_anonymous_speaker_noun(doc.text(of - 2))
                && ["a", "an", "the"]
                    .iter()
                    .any(|a| doc.text(of - 3).eq_ignore_ascii_case(a))
            {
                self.unnamed_speaker = Some(si);
                return;
            }
            // "X and Y said", "Mr. Grassley and Mr. Leahy said". A verb in
            // the singular has one subject: "His name is Tote King and
            // Manuel Millan says".
            if !is_singular_speech_verb(doc.text(verb)) {
                let start = self.name_start(si, m);
                self.coordinated_subjects(si, ms, start);
            }
            return;
        }
        let word = doc.text(k);
        if let Some(gender) = lexicon::pronoun_gender(word) {
            self.record_pronoun(si, k, Some(gender));
            return;
        }
        if doc.is_punct(k, ',') {
            self.appositive_subject(si, ms, k, verb);
            return;
        }
        // "Staunton, 49, who told BBC News 24": a relative clause.
        if word == "who" && k > s.start && doc.is_punct(k - 1, ',') {
            self.appositive_subject(si, ms, k - 1, verb);
            return;
        }
        // "backed by Culture Secretary Tessa Jowell who said": no comma.
        if word == "who"
            && k > s.start
            && let Some(m) = self.mention_ending_at(ms.clone(), k - 1)
            && self.mentions[m].kind == EntityKind::Person
        {
            self.record_mention(si, m);
            return;
        }
        // "John Connors, Microsoft's chief financial officer said": an
        // apposition without its closing comma, after a name opening the
        // sentence.
        if let Some(comma) = self.unclosed_apposition(si, k)
            && let Some(m) = self.mention_ending_at(ms.clone(), comma - 1)
            && matches!(
                self.mentions[m].kind,
                EntityKind::Person | EntityKind::MaybePerson
            )
            && self.mentions[m].start <= s.start + 1
        {
            self.record_mention(si, m);
            return;
        }
        // "the Organisation for Economic Co-operation and Development, which
        // argued": an organisation's relative clause, right after its name
        // (or without the comma: "the Low Pay Commission which said").
        if word == "which" && k > s.start {
            let name_end = if doc.is_punct(k - 1, ',') { k - 1 } else { k };
            if name_end > s.start
                && let Some(m) = self.mention_ending_at(ms.clone(), name_end - 1)
                && self.mentions[m].kind == EntityKind::Org
            {
                self.record_mention(si, m);
                return;
            }
        }
        // "the defender told", "The 29-year-old said": a description of
        // someone named before.
        if let Some(the) = (k.saturating_sub(4).max(s.start)..k)
            .rev()
            .find(|&t| doc.is_word(t, "the"))
            && described_person(doc, the + 1, k + 1) == Some(k)
            && (k + 1..verb).all(|t| doc.tokens[t].kind == Kind::Word)
        {
            self.record_pronoun(si, k, None);
            return;
        }
        if lexicon::is_anonymous_speaker_noun(word) && !doc.tokens[k].in_quote {
            // "An NHTCU spokeswoman said", "A Department for Education and
            // Skills source said": a named body speaks through them.
            if matches!(
                word,
                "spokesman" | "spokeswoman" | "spokesperson" | "source"
            ) && k > s.start
                && let Some(m) = self.mention_ending_at(ms.clone(), k - 1)
            {
                // "a Jive spokeswoman said": only a body has a spokeswoman.
                if self.mentions[m].kind == EntityKind::Unknown
                    && !self.mentions[m].name.contains(' ')
                    && self.mentions[m].start > s.start
                    && matches!(
                        doc.text(self.mentions[m].start - 1),
                        "a" | "an" | "A" | "An"
                    )
                {
                    self.mentions[m].kind = EntityKind::Org;
                }
                if self.mentions[m].kind == EntityKind::Org {
                    self.record_mention(si, m);
                }
            }
            self.unnamed_speaker = Some(si);
            return;
        }
        self.org_noun(si, k);
    }

    /// The comma that opens a description ending at token `k` right before a
    /// speech verb (`, Microsoft's chief financial officer said`): a few
    /// words, names and possessives, but no pronoun, auxiliary or quotation.
    fn unclosed_apposition(&self, si: usize, k: usize) -> Option<usize> {
        let doc = self.doc;
        let s = doc.sentences[si];
        let first = s.start.max(k.saturating_sub(10)) + 1;
        for c in (first..=k).rev() {
            let t = &doc.tokens[c];
            if doc.is_punct(c, ',') {
                return (c < k).then_some(c);
            }
            let word = doc.text(c);
            let describes = (t.kind == Kind::Word
                && !is_auxiliary(word)
                && lexicon::pronoun_gender(word).is_none()
                && !matches!(word, "they" | "it" | "we" | "that" | "who" | "which"))
                || doc.is_punct(c, '-');
            if !describes {
                return None;
            }
        }
        None
    }

    /// The names coordinated before the subject starting at token `start`:
    /// "X and Y said", "Mr. Grassley and Mr. Leahy said", "The CML, the BBA
    /// (British Bankers Association) and the BSA all said". The name just
    /// before must be joined by "and"; those before it, by commas.
    fn coordinated_subjects(&mut self, si: usize, ms: std::ops::Range<usize>, mut start: usize) {
        let doc = self.doc;
        let s = doc.sentences[si];
        let mut previous_is_person: Option<bool> = None;
        let mut members = Vec::new();
        let mut serial_comma = false;
        loop {
            // Back over "the" to the joining word, and over a bracketed
            // aside ("(BBA)") to the name before it.
            let mut k = start;
            if k > s.start && doc.is_word(k - 1, "the") {
                k -= 1;
            }
            let Some(joint) = k.checked_sub(1).filter(|&j| j > s.start) else {
                break;
            };
            let joined = match previous_is_person {
                None => doc.is_word(joint, "and"),
                Some(_) => doc.is_punct(joint, ','),
            };
            if !joined {
                break;
            }
            let mut end = joint - 1;
            // "A, B, and C said": the serial comma before "and".
            if previous_is_person.is_none() && end > s.start && doc.is_punct(end, ',') {
                end -= 1;
                serial_comma = true;
            }
            if doc.is_punct(end, ')')
                && let Some(open) = (end.saturating_sub(4).max(s.start)..end)
                    .rev()
                    .find(|&o| doc.is_punct(o, '('))
                && open > s.start
            {
                end = open - 1;
            }
            let Some(mut other) = self.mention_ending_at(ms.clone(), end) else {
                break;
            };
            // "Chad Peace of the Independent Voters Network and Adam Kokesh
            // said": the person speaks, not where they work.
            if let Some(person) = self.person_of_body(si, ms.clone(), other) {
                self.mentions[other].kind = EntityKind::Org;
                other = person;
            } else if self
                .workplace_link(si, ms.clone(), other)
                .is_some_and(|link| doc.is_word(link, "of"))
            {
                break;
            }
            let mention = &self.mentions[other];
            let is_person = matches!(mention.kind, EntityKind::Person | EntityKind::MaybePerson);
            // Past "and", only more names of the same sort extend the list
            // ("On Monday, Smith and Jones said" lists two).
            if previous_is_person.is_some_and(|was| was != is_person)
                || mention.kind == EntityKind::Place
                || is_calendar_word(&mention.name)
            {
                break;
            }
            members.push(other);
            previous_is_person = Some(is_person);
            start = self.name_start(si, other);
        }
        // "injured Xabi Alonso, and Benitez said": a comma before "and"
        // joins clauses unless a list of three or more comes before it.
        if serial_comma && members.len() < 2 {
            return;
        }
        // "donated $1m to the American Red Cross and actor Leonardo
        // DiCaprio pledged": a list the sentence leads with, not an object.
        let Some(&leftmost) = members.last() else {
            return;
        };
        let mut first = self.name_start(si, leftmost);
        // Back over "the" and a nationality: "to The American Red Cross".
        while first > s.start
            && (doc.text(first - 1).eq_ignore_ascii_case("the")
                || doc.has(first - 1, class::DEMONYM))
        {
            first -= 1;
        }
        if first > s.start && !self.leads_a_clause(si, first) {
            return;
        }
        for member in members {
            self.record_mention(si, member);
        }
    }

    /// True when the words before token `first` let a list of names
    /// starting there be a clause's subject: a conjunction or punctuation
    /// ("although Mr Howard and Mr Kennedy have said"), a description
    /// ("technology firms Earthlink and Webroot revealed"), or people
    /// speaking for them ("scientists from the University of Bristol and
    /// UC Davis say"); not a preposition's or a verb's object ("Lawyers for
    /// Mr Fawcett and Mr McDonald denied").
    fn leads_a_clause(&self, si: usize, first: usize) -> bool {
        let doc = self.doc;
        let s = doc.sentences[si];
        let before = first - 1;
        if doc.tokens[before].kind != Kind::Word || doc.is_cap(before) {
            return true;
        }
        let word = doc.text(before);
        let describes = |w: &str| {
            let w = w.to_ascii_lowercase();
            let w = w.as_str();
            let singular = w.strip_suffix('s').unwrap_or(w);
            lexicon::is_role_noun(w)
                || lexicon::is_role_noun(singular)
                || lexicon::is_org_noun(w)
                || lexicon::is_org_noun(singular)
                || lexicon::is_anonymous_speaker_noun(w)
                || is_report_noun(singular)
                || matches!(
                    singular,
                    "scientist" | "researcher" | "projection" | "expert"
                )
        };
        matches!(
            word,
            "and"
                | "but"
                | "both"
                | "while"
                | "whilst"
                | "as"
                | "that"
                | "although"
                | "though"
                | "because"
                | "since"
                | "when"
                | "after"
                | "before"
                | "if"
                | "where"
                | "whereas"
                | "so"
                | "once"
                | "until"
                | "unless"
        ) || describes(word)
            // "Mr Mandelson said the EU and US hoped".
            || lexicon::is_speech_verb(word)
            || (matches!(word, "from" | "at" | "by")
                && before > s.start
                && describes(doc.text(before - 1)))
    }

    /// True when the person named by mention `m`, alone or last in a list
    /// ("Mr Fawcett and Mr McDonald"), follows "a lawyer for" or "lawyers
    /// representing": the words are their counsel's.
    fn represented_by_counsel(&self, si: usize, ms: std::ops::Range<usize>, m: usize) -> bool {
        let doc = self.doc;
        let s = doc.sentences[si];
        if self.mentions[m].kind != EntityKind::Person {
            return false;
        }
        let mut first = self.name_start(si, m);
        // Back over "X and" to the first of two names.
        if first > s.start + 1
            && doc.is_word(first - 1, "and")
            && let Some(other) = self.mention_ending_at(ms, first - 2)
        {
            first = self.name_start(si, other);
        }
        first > s.start + 1
            && matches!(doc.text(first - 1), "for" | "representing")
            && matches!(
                doc.text(first - 2).to_ascii_lowercase().as_str(),
                "lawyer"
                    | "lawyers"
                    | "solicitor"
                    | "solicitors"
                    | "attorney"
                    | "attorneys"
                    | "barrister"
                    | "counsel"
                    | "agent"
            )
    }

    /// "Statements of condemnation came from Pope Francis and from …": a
    /// noun for words said, then "came from" (or "poured in from") at token
    /// `i`, and the names after it. True when a speaker was recorded.
    #[inline(never)]
    fn words_came_from(&mut self, si: usize, ms: std::ops::Range<usize>, i: usize) -> bool {
        let doc = self.doc;
        let s = doc.sentences[si];
        if !matches!(doc.text(i), "came" | "come" | "comes" | "poured") || doc.tokens[i].in_quote {
            return false;
        }
        let said_noun = (i.saturating_sub(5).max(s.start)..i).any(|t| {
            matches!(
                doc.text(t).to_ascii_lowercase().as_str(),
                "tribute"
                    | "tributes"
                    | "statement"
                    | "statements"
                    | "comment"
                    | "comments"
                    | "condemnation"
                    | "criticism"
                    | "praise"
                    | "news"
                    | "announcement"
                    | "confirmation"
                    | "warning"
                    | "warnings"
            )
        });
        if !said_noun || i + 2 >= s.end {
            return false;
        }
        let from = if doc.is_word(i + 1, "in") {
            i + 2
        } else {
            i + 1
        };
        if from + 1 >= s.end || !doc.is_word(from, "from") {
            return false;
        }
        let before = self.events.len();
        let cue = self.cue.replace(i);
        let mut k = from + 1;
        // Through the names listed: "from A, B and from C"; a description
        // may come first ("from his son-in-law, Frédéric Salat-Baroux").
        while let Some(m) = ms.clone().find(|&m| {
            let m = &self.mentions[m];
            m.start >= k
                && m.start <= k + 4
                && (k..m.start).all(|t| {
                    (doc.tokens[t].kind == Kind::Word && !doc.is_cap(t)) || doc.is_punct(t, ',')
                })
        }) {
            if !matches!(self.mentions[m].kind, EntityKind::Person | EntityKind::Org) {
                break;
            }
            // A name that describes what follows it: "from Organisation of
            // Islamic Cooperation (OIC) head Yousef Al-Othaimeen" is the
            // head's words; "from the Twitter account in his name" no one's.
            let mut after = self.mentions[m].end;
            if let Some(close) = (after < s.end && doc.is_punct(after, '('))
                .then(|| (after..(after + 4).min(s.end)).find(|&t| doc.is_punct(t, ')')))
                .flatten()
            {
                after = close + 1;
            }
            let mut m = m;
            if after < s.end
                && doc.tokens[after].kind == Kind::Word
                && !doc.is_cap(after)
                && !matches!(doc.text(after), "and" | "from")
            {
                let Some(person) = ms.clone().find(|&p| {
                    self.mentions[p].start == after + 1
                        && self.mentions[p].kind == EntityKind::Person
                        && lexicon::is_role_noun(doc.text(after))
                }) else {
                    break;
                };
                m = person;
            }
            self.record_mention(si, m);
            k = self.mentions[m].end;
            while k < s.end && (doc.is_punct(k, ',') || matches!(doc.text(k), "and" | "from")) {
                k += 1;
            }
            if k == self.mentions[m].end {
                break;
            }
        }
        if self.events.len() == before {
            self.cue = cue;
        }
        self.events.len() > before
    }

    /// The person whose workplace mention `m` names: "Mike Powell of
    /// Dresdner Kleinwort Wasserstein", even one that reads as a person's
    /// ("Mike McCready of Pearl Jam").
    fn person_of_body(&self, si: usize, ms: std::ops::Range<usize>, m: usize) -> Option<usize> {
        if self.mentions[m].kind == EntityKind::Place {
            return None;
        }
        let link = self.workplace_link(si, ms.clone(), m)?;
        self.mention_ending_at(ms, link.checked_sub(1)?)
            .filter(|&person| self.mentions[person].kind == EntityKind::Person)
    }

    /// The "of", "at" or "from" that mention `m` follows, past "the" and a
    /// body's possessive: "Mike Powell at Barclays Capital", "David Graham
    /// from the FDA's Office of Drug Safety".
    fn workplace_link(&self, si: usize, ms: std::ops::Range<usize>, m: usize) -> Option<usize> {
        let doc = self.doc;
        let s = doc.sentences[si];
        let mut k = self.mentions[m].start;
        if k > s.start
            && doc.tokens[k - 1].possessive
            && let Some(owner) = self.mention_ending_at(ms, k - 1)
            && self.mentions[owner].kind == EntityKind::Org
        {
            k = self.mentions[owner].start;
        } else if k > s.start && doc.tokens[k - 1].possessive && !doc.is_cap(k - 1) {
            // "Arnel dela Vega of the army's Western Mindanao Command".
            k -= 1;
        }
        if k > s.start && doc.is_word(k - 1, "the") {
            k -= 1;
        }
        if k > s.start + 1 && matches!(doc.text(k - 1), "of" | "at" | "from") {
            Some(k - 1)
        } else {
            None
        }
    }

    /// Where the name of mention `m` starts with what describes it: its
    /// titles ("Mr. Leahy", "Sen. Bob Dole") and a lower-case role before
    /// a person ("antiwar activist Adam Kokesh", "actor Sean Stone").
    fn name_start(&self, si: usize, m: usize) -> usize {
        let doc = self.doc;
        let s = doc.sentences[si];
        let mut start = self.mentions[m].start;
        while start > s.start + 1
            && (doc.has(start - 1, class::TITLE) || doc.is_punct(start - 1, '.'))
        {
            start -= 1;
        }
        if self.mentions[m].kind == EntityKind::Person
            && start > s.start + 1
            && lexicon::is_role_noun(doc.text(start - 1))
        {
            start -= 1;
            // Up to two words before the role: "former party chairman".
            for _ in 0..2 {
                if start > s.start + 1
                    && doc.tokens[start - 1].kind == Kind::Word
                    && !doc.is_cap(start - 1)
                    && !matches!(
                        doc.text(start - 1),
                        "and"
                            | "or"
                            | "the"
                            | "a"
                            | "an"
                            | "of"
                            | "with"
                            | "by"
                            | "to"
                            | "from"
                            | "in"
                            | "on"
                            | "at"
                            | "for"
                            | "said"
                            | "says"
                    )
                {
                    start -= 1;
                }
            }
        }
        start
    }

    /// `X, director general of ..., warned`, `Mr Mubanga, 32, from Wembley,
    /// London, said` and `The Shadow Secretary, Theresa May, said`: the nearest
    /// person named just before one of the commas, else the leftmost name.
    fn appositive_subject(&mut self, si: usize, ms: std::ops::Range<usize>, k: usize, verb: usize) {
        let doc = self.doc;
        let s = doc.sentences[si];
        // "Mr Johnson, who was forced to apologise over the death of Ken
        // Bigley, said": a person's relative clause may name others; the
        // person it describes speaks.
        if let Some(who) = (s.start + 2..k)
            .rev()
            .take_while(|&w| !matches!(doc.tokens[w].kind, Kind::OpenQuote | Kind::CloseQuote))
            .find(|&w| doc.is_word(w, "who") && doc.is_punct(w - 1, ','))
            && let Some(m) = self.mention_ending_at(ms.clone(), who - 2)
            && self.mentions[m].kind == EntityKind::Person
        {
            self.record_mention(si, m);
            return;
        }
        let mut fallback = None;
        let mut c = k;
        loop {
            if c <= s.start {
                break;
            }
            // "Rep. Jim Jordan (R-Ohio), a panel member, said".
            let name_end = before_bracketed_aside(doc, s, c - 1).unwrap_or(c - 1);
            if let Some(m) = self.mention_ending_at(ms.clone(), name_end) {
                if is_calendar_word(&self.mentions[m].name) {
                    // "in August," ends a clause, not a name.
                    c = s.start;
                }
                match self.mentions[m].kind {
                    EntityKind::Person => {
                        self.record_mention(si, m);
                        return;
                    }
                    // The leftmost name of the chain is its head.
                    EntityKind::Unknown | EntityKind::MaybePerson | EntityKind::Org => {
                        fallback = Some(m);
                    }
                    EntityKind::Place => {}
                }
            }
            // Move to the previous comma, giving up at quotes or another
            // verb; a few words in quotation marks ("one of the so-called
            // "Blair Babes", told") are a name for something, not a quote.
            let mut found = false;
            while c > s.start && c + 45 > k {
                c -= 1;
                let t = &doc.tokens[c];
                if t.kind == Kind::CloseQuote
                    && let Some(open) = (c.saturating_sub(5).max(s.start)..c)
                        .rev()
                        .find(|&o| doc.tokens[o].kind == Kind::OpenQuote)
                    && (open + 1..c).all(|w| doc.tokens[w].kind == Kind::Word)
                {
                    c = open;
                    continue;
                }
                if matches!(t.kind, Kind::OpenQuote | Kind::CloseQuote)
                    || (t.kind == Kind::Word && c != verb && lexicon::is_speech_verb(doc.text(c)))
                {
                    break;
                }
                if doc.is_punct(c, ',') {
                    found = true;
                    break;
                }
            }
            if !found || c == s.start {
                break;
            }
        }
        if let Some(m) = fallback {
            self.record_mention(si, m);
        }
    }

    /// `the union said`, `police said`.
    fn org_noun(&mut self, si: usize, k: usize) {
        let doc = self.doc;
        let s = doc.sentences[si];
        let word = doc.text(k);
        if !(with_lower(word, lexicon::is_org_noun) || with_lower(word, lexicon::is_business_noun))
            || doc.tokens[k].in_quote
        {
            return;
        }
        let police = word.eq_ignore_ascii_case("police");
        // "the company", "the US firm", "the online music group".
        let determiner = (k.saturating_sub(3).max(s.start)..k)
            .rev()
            .find(|&d| matches!(doc.text(d), "the" | "The"))
            .filter(|&d| (d + 1..k).all(|w| doc.tokens[w].kind == Kind::Word));
        if !(police || determiner.is_some()) {
            return;
        }
        let noun = word.to_ascii_lowercase();
        // A single named organisation of that kind in the article stands for it.
        let mut named: Option<&str> = None;
        for m in self.mentions.iter() {
            if m.kind == EntityKind::Org
                && m.name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(&noun))
            {
                match named {
                    Some(n) if n != m.name => {
                        named = None;
                        break;
                    }
                    _ => named = Some(&m.name),
                }
            }
        }
        if let Some(name) = named {
            let name = name.to_string();
            self.push(si, Speaker::Org(name));
            return;
        }
        // "Revenues at media group Reuters slipped, the group said": a
        // business referred back to is the organisation last named, in this
        // sentence or the few before. ("The government" or "the party" with
        // no such name is generic, and names no one.)
        if let Some(d) = determiner
            && lexicon::is_business_noun(&noun)
            && let Some(name) = self.last_org_before(si, d)
        {
            self.push(si, Speaker::Org(name));
        }
    }

    /// The organisation named last before token `k`, outside quotations, in
    /// sentence `si` or the two before it.
    fn last_org_before(&self, si: usize, k: usize) -> Option<String> {
        let first_sentence = si.saturating_sub(2);
        self.mentions
            .iter()
            .rev()
            .skip_while(|m| m.sentence > si || m.end > k)
            .take_while(|m| m.sentence >= first_sentence)
            .find(|m| m.kind == EntityKind::Org && !m.in_quote)
            .map(|m| m.name.clone())
    }

    /// A speaker named right at token `j` (after "according to", or after an
    /// inverted verb: `"...," said Mr Smith`).
    ///
    /// Without a quotation right before (`, said X`), only a person counts: in
    /// "Mr Gates, said IE7 would ..." the name after "said" is not the speaker.
    fn subject_starting_at(
        &mut self,
        si: usize,
        ms: std::ops::Range<usize>,
        j: usize,
        quoted: bool,
    ) {
        let doc = self.doc;
        let s = doc.sentences[si];
        if j >= s.end {
            return;
        }
        // "said the US Federal Communications Commission": a body named by a
        // body's word after "the" ("said the New Zealander", "the Birchfield
        // Harrier" describe a person).
        let j = if doc.is_word(j, "the")
            && ms.clone().any(|m| {
                let m = &self.mentions[m];
                m.start == j + 1
                    && m.kind == EntityKind::Org
                    && (m.end >= s.end || doc.tokens[m.end].kind != Kind::Word)
                    && (doc.has(m.end - 1, class::ORG_WORD)
                        || lexicon::organization(&m.name).is_some())
            }) {
            j + 1
        } else {
            j
        };
        // "said security firm RSA": past what the body is.
        let j = if j + 2 < s.end
            && !doc.is_cap(j)
            && !doc.is_cap(j + 1)
            && doc.tokens[j].kind == Kind::Word
            && lexicon::is_org_noun(doc.text(j + 1))
            && doc.is_cap(j + 2)
        {
            j + 2
        } else {
            j
        };
        // "…, said a World Bank report", "predicts the report by telecoms
        // giant BT": a body speaks through its report.
        let after_article = if matches!(doc.text(j), "a" | "an" | "the") {
            j + 1
        } else {
            j
        };
        // "…, said a Home Office spokesman": through its spokesman.
        // "said a Fox spokesman": only a body has a spokesman.
        let spokesman_of = ms.clone().find(|&m| {
            let m = &self.mentions[m];
            m.start == after_article
                && after_article > j
                && (m.kind == EntityKind::Org
                    || (m.kind == EntityKind::Unknown && !m.name.contains(' ')))
                && m.end < s.end
                && matches!(
                    doc.text(m.end),
                    "spokesman" | "spokeswoman" | "spokesperson"
                )
        });
        if let Some(m) = spokesman_of {
            self.mentions[m].kind = EntityKind::Org;
            self.record_mention(si, m);
            self.unnamed_speaker = Some(si);
            return;
        }
        let report_of = ms.clone().find(|&m| {
            let m = &self.mentions[m];
            m.start == after_article
                && m.kind == EntityKind::Org
                && m.end < s.end
                && is_report_noun(doc.text(m.end))
        });
        let report_by = (after_article + 2 < s.end
            && is_report_noun(doc.text(after_article))
            && matches!(doc.text(after_article + 1), "by" | "from"))
        .then(|| {
            ms.clone().find(|&m| {
                let m = &self.mentions[m];
                m.kind == EntityKind::Org
                    && m.start >= after_article + 2
                    && m.start <= after_article + 5
                    && (after_article + 2..m.start)
                        .all(|t| doc.tokens[t].kind == Kind::Word && !doc.is_cap(t))
            })
        })
        .flatten();
        if let Some(m) = report_of.or(report_by) {
            self.record_mention(si, m);
            return;
        }
        // "NYPD Commissioner James O'Neill" is two mentions from one start:
        // the person's counts.
        let at_j = |m: &usize| self.mentions[*m].start == j;
        let named_at_j = (ms.clone().filter(at_j))
            .find(|&m| self.mentions[m].kind == EntityKind::Person)
            .or_else(|| ms.clone().find(at_j));
        if let Some(m) = named_at_j {
            let end = self.mentions[m].end;
            let last = end - 1;
            let person = self.mentions[m].kind == EntityKind::Person;
            // "said HMV manager Clive Smith", "according to NYPD Commissioner
            // James O'Neill": the organisation modifies a role or a title.
            // Also "said England doctor Simon Kemp": lower-case words, then a person.
            let person_follows = (end + 1..(end + 4).min(s.end)).any(|p| {
                (end..p).all(|w| doc.tokens[w].kind == Kind::Word && !doc.is_cap(w))
                    && ms.clone().any(|o| {
                        self.mentions[o].start == p && self.mentions[o].kind == EntityKind::Person
                    })
            });
            let modifier = !person
                && end < s.end
                && doc.tokens[end].kind == Kind::Word
                && (lexicon::is_role_noun(doc.text(end))
                    || doc.has(end, class::TITLE)
                    || person_follows);
            if !modifier {
                // "according to the Pensions Commission's report": a body
                // speaks through its report.
                let report = !person
                    && doc.tokens[last].possessive
                    && end < s.end
                    && matches!(
                        doc.text(end),
                        "report"
                            | "study"
                            | "survey"
                            | "research"
                            | "analysis"
                            | "findings"
                            | "figures"
                            | "statement"
                    );
                // "A majority, 52%, said Chancellor Gordon Brown had done a
                // good job": the name opens what was said.
                let reported_subject = !quoted
                    && end < s.end
                    && matches!(
                        doc.text(end),
                        "had"
                            | "has"
                            | "was"
                            | "is"
                            | "were"
                            | "would"
                            | "will"
                            | "could"
                            | "should"
                    );
                // "…, said the US Federal Communications Commission (FCC).":
                // a body's name closing the clause.
                // ("The MP, who is consulting his lawyers, told BBC News:" is
                // told to it.)
                let closes =
                    (end >= s.end || doc.tokens[end].kind != Kind::Word || doc.is_word(end, "in"))
                        && self.cue.is_some_and(|c| {
                            !matches!(doc.text(c), "told" | "tells" | "asked" | "asks")
                        });
                let speaks = !reported_subject
                    && (report || (!doc.tokens[last].possessive && (quoted || person || closes)));
                if speaks {
                    self.record_mention(si, m);
                    // "said Jonathan Wolpaw and Dennis McFarlane".
                    if person
                        && end + 1 < s.end
                        && doc.is_word(end, "and")
                        && let Some(other) = ms.clone().find(|&o| {
                            let o = &self.mentions[o];
                            o.start == end + 1
                                && o.kind == EntityKind::Person
                                && (o.end >= s.end || doc.tokens[o.end].kind != Kind::Word)
                        })
                    {
                        self.record_mention(si, other);
                    }
                }
                // Else an organisation after a bare `, said` may open the
                // description of a person: "…, said BBC labour affairs
                // correspondent Stephen Cape."
                // A possessive may open it too: "said MSN's Blake Irving".
                let possessive = doc.tokens[last].possessive;
                if speaks || ((quoted || person) && !possessive) {
                    return;
                }
            }
        }
        if let Some(gender) = lexicon::pronoun_gender(doc.text(j)) {
            self.record_pronoun(si, j, Some(gender));
            return;
        }
        // "say researchers at BDO Stoy Hayward", "said a spokesman for
        // Microsoft": a body's unnamed people speak for it.
        let staff = if matches!(doc.text(j), "a" | "an") {
            j + 1
        } else {
            j
        };
        if staff + 2 < s.end
            && is_unnamed_staff(doc.text(staff))
            && matches!(doc.text(staff + 1), "at" | "from" | "for" | "with")
            && let Some(m) = ms.clone().find(|&m| {
                self.mentions[m].start == staff + 2 && self.mentions[m].kind == EntityKind::Org
            })
        {
            self.record_mention(si, m);
            return;
        }
        // `"...," said chief executive Todd Stitzer`, `said HMV manager Clive
        // Smith`: a short description before the person. Without a quotation
        // before, the name must close the clause: in "…, said BBC
        // correspondent Stephen Cape would …" Cape is what was said.
        {
            let mut k = j;
            while k < s.end && k < j + 6 {
                if let Some(m) = ms.clone().find(|&m| self.mentions[m].start == k) {
                    let end = self.mentions[m].end;
                    let closes = end >= s.end || doc.tokens[end].kind != Kind::Word;
                    // "said Iron Maiden's Bruce Dickinson": a possessive describes.
                    let possessive = doc.tokens[end - 1].possessive;
                    // "said American president Obama": a role names a person.
                    let after_role = k > j
                        && self.mentions[m].kind == EntityKind::Unknown
                        && !doc.is_cap(k - 1)
                        && lexicon::is_role_noun(doc.text(k - 1));
                    if !possessive
                        && (after_role
                            || matches!(
                                self.mentions[m].kind,
                                EntityKind::Person | EntityKind::MaybePerson
                            ))
                    {
                        if quoted || closes {
                            self.record_mention(si, m);
                        }
                        return;
                    }
                    k = end;
                    continue;
                }
                let t = &doc.tokens[k];
                // A description is words before a name ("chief executive"),
                // not a phrase that leads to one ("findings published in
                // the Quarterly Economic Commentary"). A company's possessive
                // may open it: "Sandvine's chief technology officer".
                if t.kind != Kind::Word
                    || (doc.is_cap(k) && !t.possessive && !doc.has(k, class::DEMONYM))
                    || matches!(
                        doc.text(k),
                        "in" | "of"
                            | "by"
                            | "for"
                            | "from"
                            | "at"
                            | "on"
                            | "with"
                            | "to"
                            | "the"
                            | "a"
                            | "an"
                            | "published"
                            | "he"
                            | "she"
                            | "they"
                            | "it"
                            | "we"
                            | "that"
                    )
                    || is_auxiliary(doc.text(k))
                    // "founder and director Elliot Grove": only between two
                    // words of a role.
                    || (doc.is_word(k, "and")
                        && !(k > j
                            && doc.tokens[k - 1].kind == Kind::Word
                            && !doc.is_cap(k - 1)
                            && k + 1 < s.end
                            && doc.tokens[k + 1].kind == Kind::Word
                            && !doc.is_cap(k + 1)))
                {
                    break;
                }
                k += 1;
            }
        }
        // "said the committee chairman, MP Edward Leigh", "argued the
        // government's lawyer, Richard Keen.": the description, then the name.
        // Also a body's role without "the": "said Opera spokeswoman, Berit
        // Hanson".
        let comma_after = |from: usize| (from..(j + 7).min(s.end)).find(|&k| doc.is_punct(k, ','));
        let described = if doc.is_word(j, "the") {
            comma_after(j + 2).filter(|&comma| {
                (j + 1..comma).all(|k| {
                    doc.tokens[k].kind == Kind::Word && (!doc.is_cap(k) || doc.tokens[k].possessive)
                })
            })
        } else if doc.is_cap(j) {
            comma_after(j + 1).filter(|&comma| {
                (j..comma).all(|k| doc.tokens[k].kind == Kind::Word)
                    && !doc.is_cap(comma - 1)
                    && lexicon::is_role_noun(doc.text(comma - 1))
            })
        } else {
            None
        };
        if let Some(comma) = described
            && let Some(m) = ms.clone().find(|&m| {
                let m = &self.mentions[m];
                (comma + 1..=comma + 2).contains(&m.start)
                    && (comma + 1..m.start).all(|t| doc.has(t, class::TITLE))
                    && matches!(m.kind, EntityKind::Person | EntityKind::MaybePerson)
                    && (m.end >= s.end || doc.tokens[m.end].kind != Kind::Word)
            })
        {
            self.record_mention(si, m);
            return;
        }
        if doc.is_word(j, "the")
            && let Some(head) = described_person(doc, j + 1, s.end)
        {
            self.record_pronoun(si, head, None);
            return;
        }
        if doc.is_word(j, "the") && j + 1 < s.end {
            let next_ends_np = j + 2 >= s.end || doc.tokens[j + 2].kind != Kind::Word;
            if next_ends_np {
                self.org_noun(si, j + 1);
            }
        }
    }

    /// The mention of this sentence whose last token is `k`.
    fn mention_ending_at(&self, ms: std::ops::Range<usize>, k: usize) -> Option<usize> {
        ms.into_iter().find(|&m| self.mentions[m].end == k + 1)
    }

    /// Records the speaker named by mention `m`.
    fn record_mention(&mut self, si: usize, m: usize) {
        let mention = &self.mentions[m];
        match mention.kind {
            EntityKind::Person => {
                if let Some(p) = mention.person {
                    self.push(si, Speaker::Person(p));
                }
            }
            EntityKind::Org => {
                let name = mention.name.clone();
                self.push(si, Speaker::Org(name));
            }
            // "India calls for fair trade rules": a country acts, but its
            // people speak (tests/gold/README.md: never an org speaker).
            EntityKind::Place => {}
            EntityKind::Unknown | EntityKind::MaybePerson => {
                // "Smith said": a bare capitalised subject of speech is a person,
                // unless it opens the sentence unconfirmed ("Officials said")
                // or is a group noun ("MPs said").
                let single = !mention.name.contains(' ');
                if lexicon::is_not_name(&mention.name)
                    || lexicon::is_not_org_acronym(&mention.name)
                    || lexicon::is_generic_org_head(&mention.name)
                {
                    return;
                }
                // "Juninho's agent", "Ronaldinho's father": one known by one
                // name is a person wherever the article says who is theirs.
                let kin = single && has_kin(self.doc, &mention.name);
                // "Lycos said" opening a sentence is a name when the article
                // also writes it capitalised inside a sentence ("owned by
                // Lycos"); "Officials said" is not.
                // A given name opening a sentence ("Marion said") is a
                // person named before, and no one to add.
                let opens_unconfirmed = mention.initial
                    && !kin
                    && (lexicon::first_name(&mention.name).is_some()
                        || self.ends_a_longer_name(&mention.name)
                        || !written_inside_a_sentence(self.doc, &mention.name));
                if mention.kind == EntityKind::Unknown
                    && (opens_unconfirmed || !single || is_calendar_word(&mention.name))
                {
                    return;
                }
                // "Vox suggests", "Patriot said": a lone name that is no
                // person's in the article, nor a given name, is an
                // organisation's (a person's surname follows their full name).
                // "a student named Wong said" is a person's, though, as is
                // one after a role ("said American president Obama").
                let named = mention.start > 0 && {
                    let before = self.doc.text(mention.start - 1);
                    matches!(before, "named" | "called")
                        || (!self.doc.is_cap(mention.start - 1)
                            && lexicon::is_role_noun(before)
                            // "market analyst Datamonitor", "distributor Toho"
                            && !matches!(
                                before,
                                "analyst"
                                    | "distributor"
                                    | "broadcaster"
                                    | "consultant"
                                    | "rival"
                                    | "investor"
                                    | "researcher"
                                    | "producer"
                                    | "owner"
                            ))
                };
                // "Most Gibraltarians said", "Londoners told": the people
                // of a place are no organisation, and no one person.
                if single && is_people_of_a_place(&mention.name) {
                    return;
                }
                if single
                    && !named
                    && !kin
                    && lexicon::first_name(&mention.name).is_none()
                    && !self.names_a_person(&mention.name)
                {
                    let name = mention.name.clone();
                    self.mentions[m].kind = EntityKind::Org;
                    self.push(si, Speaker::Org(name));
                    return;
                }
                let id = match self.persons.iter().position(|p| p.name == mention.name) {
                    Some(id) => id,
                    None => {
                        self.persons.push(Person {
                            name: mention.name.clone(),
                            gender: None,
                        });
                        self.persons.len() - 1
                    }
                };
                let mention = &mut self.mentions[m];
                mention.kind = EntityKind::Person;
                mention.person = Some(id);
                self.push(si, Speaker::Person(id));
            }
        }
    }

    /// True when `word` is a known person's name or surname, or ends a name
    /// of several words that reads as a person's.
    /// True when some longer name in the article ends in `word` (a surname
    /// even where the name was not taken for a person's: "Senate Minority
    /// Whip Dick Durbin"), or a longer name of no body starts with it (a
    /// given name: "Anil Ambani", "Ozzy Osbourne").
    fn ends_a_longer_name(&self, word: &str) -> bool {
        self.mentions.iter().any(|m| {
            m.name
                .strip_suffix(word)
                .is_some_and(|given| given.ends_with(' '))
                || (m.kind != EntityKind::Org
                    && m.name
                        .strip_prefix(word)
                        .is_some_and(|rest| rest.starts_with(' ')))
        })
    }

    fn names_a_person(&self, word: &str) -> bool {
        let surname_of = |name: &str| {
            name == word
                || name
                    .strip_suffix(word)
                    .is_some_and(|given| given.ends_with(' '))
        };
        self.persons.iter().any(|p| surname_of(&p.name))
            || self.mentions.iter().any(|m| {
                matches!(m.kind, EntityKind::Person | EntityKind::MaybePerson)
                    && m.name.contains(' ')
                    && surname_of(&m.name)
            })
    }

    /// Resolves "he"/"she" at token `k` and records the person found.
    /// The person a pronoun at token `k` (or, without a `gender`, a
    /// description: "said the world indoor champion") refers to: the
    /// nearest person of that gender who was a subject, else the nearest of
    /// that gender, else the nearest subject of unknown gender.
    fn record_pronoun(&mut self, si: usize, k: usize, gender: Option<Gender>) {
        if let Some(person) = self.antecedent(si, k, gender) {
            self.push(si, Speaker::Person(person));
        }
    }

    /// The person [`Finder::record_pronoun`] takes a pronoun or description
    /// at token `k` to refer to.
    fn antecedent(&self, si: usize, k: usize, gender: Option<Gender>) -> Option<usize> {
        let doc = self.doc;
        let s = doc.sentences[si];
        let passage = s.passage;
        // People named earlier in this sentence count too.
        let mut current: Vec<Antecedent> = Vec::new();
        for m in self.mentions.iter() {
            if m.sentence == si
                && m.end <= k
                && !m.in_quote
                && m.kind == EntityKind::Person
                && let Some(p) = m.person
            {
                current.push(Antecedent {
                    passage,
                    sentence: si,
                    person: p,
                    subject: m.start <= s.start + 3,
                    leads: m.start <= s.start + 3,
                    speaker: false,
                });
            }
        }
        // Nobody named before an unnamed speaker of this passage or the
        // last one: "The police spokesman said ... , he said."
        let unnamed = self
            .unnamed_speaker
            .filter(|&u| doc.sentences[u].passage + 1 >= passage);
        let candidates = || {
            current
                .iter()
                .rev()
                .chain(self.history.iter().rev())
                .take_while(|a| a.passage + 2 >= passage)
                .take_while(|a| unnamed.is_none_or(|u| a.sentence > u))
        };
        let matches = |a: &&Antecedent, known: bool| match (self.persons[a.person].gender, gender) {
            (Some(g), Some(gender)) => g == gender,
            (Some(_), None) => known,
            (None, _) => !known || gender.is_none(),
        };
        // A description ("said the 30-year-old") names no gender: it most
        // often describes whoever has been speaking.
        let described_speaker = || {
            gender
                .is_none()
                .then(|| {
                    candidates()
                        .find(|a| a.speaker)
                        .or_else(|| candidates().find(|a| a.leads))
                })
                .flatten()
        };
        described_speaker()
            .or_else(|| candidates().find(|a| a.subject && matches(a, true)))
            .or_else(|| candidates().find(|a| matches(a, true)))
            .or_else(|| candidates().find(|a| a.subject && matches(a, false)))
            .map(|a| a.person)
    }

    fn push(&mut self, sentence: usize, who: Speaker) {
        let duplicate = self
            .events
            .iter()
            .rev()
            .take_while(|e| e.sentence == sentence)
            .any(|e| e.who == who);
        if !duplicate {
            self.events.push(SpeakerEvent {
                sentence,
                who,
                cue: self.cue,
            });
        }
    }

    /// A passage that opens with a quotation and has no speaker of its own
    /// continues the quotation that closed the previous passage.
    fn inherit_quote_passages(&mut self) {
        let doc = self.doc;
        let n = doc.passages.len();
        if n < 2 {
            return;
        }
        // Sentence ranges per passage.
        let mut first_sentence = vec![usize::MAX; n];
        let mut last_sentence = vec![usize::MAX; n];
        for (si, s) in doc.sentences.iter().enumerate() {
            if first_sentence[s.passage] == usize::MAX {
                first_sentence[s.passage] = si;
            }
            last_sentence[s.passage] = si;
        }
        let mut events = std::mem::take(&mut self.events);
        let mut added = Vec::new();
        for p in doc.offset + 1..n {
            let (fs, ls) = (first_sentence[p], last_sentence[p]);
            let prev_last = last_sentence[p - 1];
            if fs == usize::MAX || prev_last == usize::MAX {
                continue;
            }
            let opens_with_quote = doc.tokens[doc.sentences[fs].start].kind == Kind::OpenQuote;
            let has_own = events
                .iter()
                .chain(added.iter())
                .any(|e: &SpeakerEvent| (fs..=ls).contains(&e.sentence));
            if !opens_with_quote || has_own {
                continue;
            }
            let closing: Vec<Speaker> = events
                .iter()
                .chain(added.iter())
                .filter(|e| e.sentence == prev_last)
                .map(|e| e.who.clone())
                .collect();
            if let [who] = closing.as_slice() {
                // One event for the passage, and one on its last sentence so
                // that a following all-quote passage can continue the chain.
                for si in [fs, ls] {
                    added.push(SpeakerEvent {
                        sentence: si,
                        who: who.clone(),
                        cue: None,
                    });
                }
            }
        }
        events.extend(added);
        events.sort_by_key(|e| e.sentence);
        self.events = events;
    }
}

/// The head of a description of a person starting at token `start`, right
/// after "the" ("world indoor champion", "Sale full-back", "29-year-old"),
/// when it ends the phrase before `end` (at punctuation, "who" or `end`):
/// words, a capitalised team or place allowed first, then a role a story's
/// subject is described by. Titles of office ("the minister") are left
/// out: they as often describe someone not named yet.
fn described_person(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    let mut k = start;
    while k < end && k < start + 4 {
        let token = &doc.tokens[k];
        let text = doc.text(k);
        let last =
            k + 1 >= end || doc.tokens[k + 1].kind != Kind::Word || doc.is_word(k + 1, "who");
        let year_old = token.kind == Kind::Number && text.ends_with("-year-old");
        if last && (year_old || (token.kind == Kind::Word && is_description_noun(text))) {
            return Some(k);
        }
        let modifier = token.kind == Kind::Word && (k == start || !doc.is_cap(k));
        if !modifier || token.possessive || is_auxiliary(text) {
            return None;
        }
        k += 1;
    }
    None
}

/// Nouns a news story describes its subject by, once named: sport positions,
/// performers, and "champion", "veteran" and the like.
fn is_description_noun(word: &str) -> bool {
    matches!(
        word,
        "champion"
            | "star"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "keeper"
            | "captain"
            | "skipper"
            | "winger"
            | "full-back"
            | "fly-half"
            | "scrum-half"
            | "forward"
            | "flanker"
            | "hooker"
            | "playmaker"
            | "player"
            | "coach"
            | "boss"
            | "manager"
            | "veteran"
            | "sprinter"
            | "runner"
            | "athlete"
            | "hurdler"
            | "golfer"
            | "batsman"
            | "bowler"
            | "all-rounder"
            | "jockey"
            | "boxer"
            | "swimmer"
            | "cyclist"
            | "actor"
            | "actress"
            | "singer"
            | "singer-songwriter"
            | "rapper"
            | "musician"
            | "guitarist"
            | "frontman"
            | "comedian"
            | "film-maker"
            | "filmmaker"
            | "novelist"
            | "author"
    )
}

/// True when speech verb `i` is "saying" in "quoted X … as saying".
fn quoted_as_after_name(doc: &Doc, si: usize, i: usize) -> bool {
    let s = doc.sentences[si];
    doc.text(i) == "saying"
        && i >= s.start + 3
        && doc.text(i - 1) == "as"
        && doc.text(i - 2) != "quoted"
}

/// A document a body speaks through: "the IMF's report said".
fn is_report_noun(word: &str) -> bool {
    matches!(
        word,
        "report" | "study" | "survey" | "analysis" | "review" | "poll"
    )
}

/// The token before a bracketed aside that ends at token `close`, as in
/// "Jim Jordan (R-Ohio)" or "Tony Blair (pictured)": where the name it
/// follows ends. `None` when `close` ends no short aside in sentence `s`.
fn before_bracketed_aside(doc: &Doc, s: Sentence, close: usize) -> Option<usize> {
    if !doc.is_punct(close, ')') {
        return None;
    }
    let open = (close.saturating_sub(8).max(s.start)..close)
        .rev()
        .find(|&o| doc.is_punct(o, '('))?;
    (open > s.start).then(|| open - 1)
}

/// A speech verb used for something other than speech, by the words after it:
/// "pleaded guilty", "insisted on finishing", "adding to a list", "declared
/// a national emergency", or [`adds_a_score`].
fn not_speech(doc: &Doc, verb: usize, end: usize) -> bool {
    let next = |k: usize| (verb + k < end).then(|| doc.text(verb + k));
    match doc.text(verb) {
        "pleaded" | "pleads" | "plead" | "pleading" => {
            matches!(next(1), Some("guilty" | "innocent"))
                || (next(1) == Some("not") && next(2) == Some("guilty"))
        }
        "insisted" | "insists" | "insist" | "insisting" => {
            matches!(next(1), Some("on" | "upon"))
                && next(2).is_some_and(|w| w.ends_with("ing") || is_determiner(w))
        }
        "added" | "adds" | "adding" if next(1) == Some("to") => next(2).is_some_and(is_determiner),
        // "admitted one felony count", "admitted two charges of fraud": a plea.
        "admitted" | "admits" | "admit" | "admitting" => {
            (2..=4).any(|k| {
                matches!(
                    next(k),
                    Some(
                        "count"
                            | "counts"
                            | "charge"
                            | "charges"
                            | "offence"
                            | "offences"
                            | "offense"
                            | "offenses"
                            | "manslaughter"
                            | "murder"
                            | "fraud"
                            | "theft"
                            | "assault"
                    )
                )
            }) || matches!(
                next(1),
                Some("manslaughter" | "murder" | "fraud" | "theft" | "assault")
            )
        }
        // "Kipchoge responded and a burst of speed …", "responded by
        // pushing the euro lower", "responded with six goals": an answer in
        // deeds. One in words has them, or says where they were given.
        // "He apologised for his "deplorable actions"" says words; "now
        // Harry had apologised the matter should be left" reports an act.
        "apologise" | "apologises" | "apologised" | "apologize" | "apologizes" | "apologized" => {
            !(verb + 1..end)
                .any(|k| doc.tokens[k].kind == Kind::OpenQuote || doc.is_word(k, "saying"))
        }
        "responded" | "responds" => {
            let said = (verb + 1..end.min(verb + 12)).any(|k| {
                matches!(doc.tokens[k].kind, Kind::OpenQuote)
                    || doc.is_punct(k, ':')
                    || matches!(
                        doc.text(k),
                        "that" | "saying" | "Twitter" | "statement" | "question" | "questions"
                    )
            });
            !said
        }
        // "Ronaldo slammed well over the bar", "blasted the ball home": a
        // shot, not criticism.
        "slammed" | "slams" | "blasted" => {
            matches!(
                next(1),
                Some("over" | "wide" | "home" | "into" | "past" | "in" | "well" | "against")
            ) || (next(1).is_some_and(is_determiner)
                && matches!(
                    next(2),
                    Some("ball" | "racket" | "door" | "shot" | "penalty" | "free-kick" | "header")
                ))
        }
        // "claimed the individual titles", "claimed victory": won, not said.
        "claimed" | "claims" | "claim" | "claiming" => (1..=3).any(|k| {
            matches!(
                next(k),
                Some(
                    "title"
                        | "titles"
                        | "victory"
                        | "win"
                        | "wins"
                        | "medal"
                        | "medals"
                        | "gold"
                        | "silver"
                        | "bronze"
                        | "crown"
                        | "trophy"
                        | "hat-trick"
                        | "wicket"
                        | "wickets"
                        | "lives"
                        | "life"
                        | "seat"
                        | "seats"
                )
            )
        }),
        // "The keeper denied the same player again".
        // "was repeatedly denied bail".
        "denied" | "denies" => {
            (next(1).is_some_and(is_determiner)
                && matches!(
                    next(2),
                    Some("same" | "player" | "striker" | "shot" | "chance" | "effort" | "header")
                ))
                || matches!(
                    next(1),
                    Some(
                        "bail"
                            | "access"
                            | "entry"
                            | "permission"
                            | "asylum"
                            | "parole"
                            | "visas"
                            | "by"
                    )
                )
                // "James denied Damien Duff, Jiri Jarosik and Mateja Kezman":
                // a keeper denies players, not what they said.
                || (verb + 2 < end
                    && doc.is_cap(verb + 1)
                    && doc.has(verb + 1, class::FIRST_NAME)
                    && {
                        let name_end = (verb + 1..end).find(|&t| !doc.is_cap(t)).unwrap_or(end);
                        let owned = (verb + 1..name_end).any(|t| doc.tokens[t].possessive);
                        let clause = name_end < end && is_auxiliary(doc.text(name_end));
                        !(owned || clause)
                    })
        }
        // Declaring an emergency, a war or a winner is an act; speech only
        // with what was declared ("declared that", "declared: ...").
        "declared" | "declares" | "declare" | "declaring" => {
            // `"…," declared Wallabies coach Eddie Jones`.
            let inverted = verb > 0
                && (doc.tokens[verb - 1].kind == Kind::CloseQuote || doc.is_punct(verb - 1, ','));
            let said = inverted
                || next(1).is_some_and(|w| {
                    matches!(w, "that" | "in" | "on" | "at" | "to")
                        || w.starts_with(|c: char| !c.is_alphanumeric())
                })
                || doc
                    .tokens
                    .get(verb + 1)
                    .is_some_and(|t| t.kind != Kind::Word);
            !said
        }
        _ => adds_a_score(doc, verb, end),
    }
}

/// A determiner or possessive, opening a noun phrase.
fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "another"
    )
}

/// "Cole added a second", "Wales added a try", "the firm added 2,000 jobs":
/// "added" (or "adds") with a score or a number for object reports no speech.
fn adds_a_score(doc: &Doc, verb: usize, end: usize) -> bool {
    if !matches!(doc.text(verb), "added" | "adds") || verb + 1 >= end {
        return false;
    }
    if doc.tokens[verb + 1].kind == Kind::Number {
        return true;
    }
    verb + 2 < end
        && matches!(
            doc.text(verb + 1),
            "a" | "an" | "another" | "his" | "her" | "their" | "its" | "the"
        )
        && matches!(
            doc.text(verb + 2),
            "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "goal"
                | "try"
                | "penalty"
                | "conversion"
                | "point"
                | "points"
                | "run"
                | "runs"
                | "wicket"
                | "wickets"
        )
}

/// A lower-case adverb of manner between a subject and its speech verb
/// ("Marc Morial forcefully told", "she angrily denied"): a word in "-ly"
/// that is not one of the nouns and adjectives ending so.
/// True when the article writes `name`'s relative or agent ("Juninho's
/// agent", "Kaka's father"): only a person has them.
fn has_kin(doc: &Doc, name: &str) -> bool {
    (0..doc.tokens.len().saturating_sub(1)).any(|t| {
        doc.tokens[t].possessive
            && doc.core(t) == name
            && matches!(
                doc.text(t + 1),
                "agent"
                    | "father"
                    | "mother"
                    | "parents"
                    | "wife"
                    | "husband"
                    | "son"
                    | "daughter"
                    | "brother"
                    | "sister"
                    | "girlfriend"
                    | "boyfriend"
                    | "widow"
            )
    })
}

/// "held a press conference", "issued a statement", "gave a news briefing",
/// "made her debut speech": a verb at token `i` that speaks through what
/// it makes public.
fn speaks_publicly(doc: &Doc, i: usize, end: usize) -> bool {
    let verb = doc.text(i);
    let statement = matches!(verb, "issued" | "issues" | "released" | "releases");
    let conference = matches!(verb, "held" | "holds" | "gave" | "gives");
    let speech = matches!(
        verb,
        "gave" | "gives" | "made" | "makes" | "delivered" | "delivers"
    );
    if !(statement || conference || speech)
        || i + 2 >= end
        || !matches!(
            doc.text(i + 1),
            "a" | "an" | "his" | "her" | "their" | "its"
        )
    {
        return false;
    }
    // One word may describe it: "issued a defiant statement".
    let noun = if doc.tokens[i + 2].kind == Kind::Word
        && !matches!(
            doc.text(i + 2),
            "statement" | "press" | "news" | "speech" | "keynote"
        ) {
        i + 3
    } else {
        i + 2
    };
    if noun >= end {
        return false;
    }
    let noun_is = |word: &str| doc.is_word(noun, word);
    (statement && noun_is("statement"))
        || (speech && (noun_is("speech") || noun_is("keynote")))
        || (conference
            && noun + 1 < end
            && matches!(doc.text(noun), "press" | "news")
            && matches!(doc.text(noun + 1), "conference" | "briefing"))
}

/// A speech verb whose passive names the speaker after "by".
fn is_passive_speech_verb(verb: &str) -> bool {
    matches!(
        verb,
        "announced"
            | "criticised"
            | "criticized"
            | "confirmed"
            | "described"
            | "reported"
            | "urged"
            | "warned"
            | "stated"
            | "revealed"
            | "disclosed"
            | "suggested"
            | "proposed"
            | "questioned"
            | "dismissed"
            | "accused"
            | "seconded"
            | "branded"
            | "labelled"
            | "labeled"
            | "dubbed"
    )
}

/// A speech verb in the third person singular, which has one subject.
fn is_singular_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "says" | "adds" | "tells" | "claims" | "insists" | "warns" | "argues" | "explains"
    )
}

/// True for the plural of a place's people not on the demonym list:
/// "Gibraltarians", "Londoners".
fn is_people_of_a_place(word: &str) -> bool {
    ["ians", "ers", "ans"].iter().any(|suffix| {
        word.strip_suffix(suffix)
            .is_some_and(|stem| stem.len() >= 3 && lexicon::place(stem).is_some())
    })
}

/// People who speak for a body without being named: "researchers at",
/// "a spokesman for".
fn is_unnamed_staff(word: &str) -> bool {
    matches!(
        word,
        "researchers"
            | "analysts"
            | "economists"
            | "consultants"
            | "pollsters"
            | "experts"
            | "scientists"
            | "officials"
            | "executives"
            | "sources"
            | "staff"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
    )
}

fn is_manner_adverb(word: &str) -> bool {
    word.len() >= 5
        && word.ends_with("ly")
        && word.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(
            word,
            "family"
                | "rally"
                | "supply"
                | "assembly"
                | "anomaly"
                | "monopoly"
                | "early"
                | "daily"
                | "weekly"
                | "monthly"
                | "yearly"
                | "quarterly"
                | "likely"
                | "unlikely"
                | "elderly"
                | "friendly"
                | "lonely"
                | "deadly"
                | "costly"
                | "timely"
                | "lovely"
                | "orderly"
                | "reply"
        )
}

/// Auxiliary and modal verbs, which no description of a person holds:
/// "…, suggested they should get Trevor Beattie" is no description.
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
    )
}
