//! Word lists the extractor uses as cues: titles, speech verbs, given names,
//! places, organisations, demonyms, months and days.
//!
//! Lists are compiled once into hash sets on first use. The larger ones live
//! as plain-text files in `data/` (see `data/README.md` for where they came
//! from); short closed classes are Rust arrays here. The lists the name rules
//! ask most often are also merged into one ([`classes`]), which answers all of
//! them for a word in one probe. This module only answers "is this word an
//! X?"; deciding what a name is belongs to `entities`.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// A word list (or a map from words), answering "no" to most words without
/// hashing them.
///
/// The lists are consulted for nearly every token, and nearly every answer
/// is "no": hashing and probing a table for each was a tenth of extraction's
/// time. A bitmap indexed by a mix of a word's length and first and last
/// bytes, with a bit set for each listed word, rejects most other words with
/// one memory read; the table answers the rest. (The keys are fixed words,
/// not attacker-chosen input, so a fast non-DoS-resistant hash is fine.)
pub(crate) struct Lexicon<V> {
    table: FxHashMap<&'static str, V>,
    /// One bit per slot of [`Lexicon::slot`]; about sixteen slots per word.
    filter: Box<[u64]>,
    mask: usize,
}

impl<V: Copy> Lexicon<V> {
    fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> Lexicon<V> {
        let table: FxHashMap<&'static str, V> = entries.into_iter().collect();
        let slots = (table.len() * 16).next_power_of_two().max(1024);
        let mut filter = vec![0u64; slots / 64].into_boxed_slice();
        let mask = slots - 1;
        for word in table.keys() {
            let slot = Lexicon::<V>::slot(word, mask);
            filter[slot / 64] |= 1 << (slot % 64);
        }
        Lexicon {
            table,
            filter,
            mask,
        }
    }

    /// The filter slot of `word`: its length and first and last bytes mixed.
    #[inline]
    fn slot(word: &str, mask: usize) -> usize {
        let bytes = word.as_bytes();
        let (first, last) = match (bytes.first(), bytes.last()) {
            (Some(&first), Some(&last)) => (first as usize, last as usize),
            _ => (0, 0),
        };
        let mixed = (first << 16 | last << 8 | bytes.len()).wrapping_mul(0x9E37_79B9);
        (mixed >> 7) & mask
    }

    /// The value listed for `word`, if it is listed.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        let slot = Lexicon::<V>::slot(word, self.mask);
        if self.filter[slot / 64] & (1 << (slot % 64)) == 0 {
            return None;
        }
        self.table.get(word).copied()
    }

    /// True when `word` is listed.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Every listed word.
    fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.table.keys().copied()
    }
}

/// A plain word list.
type WordSet = Lexicon<()>;

/// A person's grammatical gender as signalled by a title, a given name or a pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    /// Mr, he, a male given name.
    Male,
    /// Ms, Mrs, she, a female given name.
    Female,
}

/// Honorifics that always precede a person's name, with the gender they imply.
const HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("Mr", Some(Gender::Male)),
    ("Mrs", Some(Gender::Female)),
    ("Ms", Some(Gender::Female)),
    ("Miss", Some(Gender::Female)),
    ("Mx", None),
    ("Dr", None),
    ("Prof", None),
    ("Professor", None),
    ("Sir", Some(Gender::Male)),
    ("Dame", Some(Gender::Female)),
    ("Lord", Some(Gender::Male)),
    ("Lady", Some(Gender::Female)),
    ("Baroness", Some(Gender::Female)),
    ("Baron", Some(Gender::Male)),
    ("Rev", None),
    ("Reverend", None),
    ("King", Some(Gender::Male)),
    ("Queen", Some(Gender::Female)),
    ("Prince", Some(Gender::Male)),
    ("Princess", Some(Gender::Female)),
    ("Duke", Some(Gender::Male)),
    ("Duchess", Some(Gender::Female)),
    ("Pope", Some(Gender::Male)),
    ("Father", Some(Gender::Male)),
    ("Sister", Some(Gender::Female)),
    ("Congressman", Some(Gender::Male)),
    ("Congresswoman", Some(Gender::Female)),
    ("Spokesman", Some(Gender::Male)),
    ("Spokeswoman", Some(Gender::Female)),
    ("Chairman", None),
    ("Chairwoman", Some(Gender::Female)),
    ("Sheikh", Some(Gender::Male)),
];

/// Role words that form titles ("Prime Minister", "U.S. Army Secretary",
/// "special envoy"); a capitalised name right after one is a person.
const ROLE_TITLES: &[&str] = &[
    "President",
    "Presidents",
    // "Senate Minority Whip Dick Durbin", "BBC Radio 1 DJ Trevor Nelson",
    // "Board Member Jennifer Homendy", "Advisors Jared Kushner".
    "Whip",
    "Majority",
    "Minority",
    "DJ",
    "Member",
    "Adviser",
    "Advisor",
    "Advisers",
    "Advisors",
    "Vice",
    "Prime",
    "Minister",
    "Ministers",
    "Secretary",
    "Chancellor",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Governor",
    "Gov",
    "Mayor",
    "Councillor",
    "Councilor",
    "Alderman",
    "Chair",
    "Director",
    "Executive",
    "Chief",
    "Officer",
    "Judge",
    "Justice",
    "Bishop",
    "Archbishop",
    "Cardinal",
    "Captain",
    "Capt",
    "Coach",
    "Manager",
    "Envoy",
    "Ambassador",
    "Commissioner",
    "Comptroller",
    "Treasurer",
    "Spokesperson",
    "General",
    "Gen",
    "Colonel",
    "Col",
    "Lieutenant",
    "Lt",
    "Sergeant",
    "Sgt",
    "Admiral",
    "Commander",
    "Leader",
    "Deputy",
    "Undersecretary",
    "Under-Secretary",
    "Asst",
    "Shadow",
    "Former",
    "Acting",
    "Interim",
    "Special",
    "Attorney",
    "Speaker",
    "Premier",
    "Emir",
    "Crown",
    "Detective",
    "Det",
    "Inspector",
    "Insp",
    "Superintendent",
    "Supt",
    "Constable",
    "Cllr",
    "Exchequer",
    "Editor",
    "Founder",
    "Boss",
    "Head",
    "MP",
    "MEP",
    "MSP",
    "AM",
    "CEO",
    "State",
    "Foreign",
    "Home",
    "Defence",
    "Defense",
    "Health",
    "Education",
    "Culture",
    "Transport",
    "Environment",
    "Treasury",
    "Energy",
    "Interior",
    "Finance",
    "Trade",
    "Industry",
    "Culture",
    "Sport",
    "Work",
    "Pensions",
    "Economy",
    "Business",
    "Justice",
    "Labor",
    "Agriculture",
];

/// Words that make a capitalised sequence an organisation ("Bank", "Party", "FC").
const ORG_WORDS: &[&str] = &[
    "Inc",
    "Ltd",
    "plc",
    "Plc",
    "PLC",
    "Corp",
    "Corporation",
    "Co",
    "Company",
    "Group",
    "Holdings",
    "Party",
    "Council",
    "Authority",
    "Union",
    "Ministry",
    "Department",
    "Office",
    "University",
    "College",
    "School",
    "Institute",
    "Directorate",
    "Academy",
    "Bank",
    "Re",
    "FC",
    // Football clubs' names ("Leicester City", "Boca Juniors").
    "United",
    "Rovers",
    "Athletic",
    "Wanderers",
    "Albion",
    "Juniors",
    "Hotspur",
    "Unit",
    "Association",
    "Agency",
    "Commission",
    "Committee",
    "Foundation",
    "Fellowship",
    "Trust",
    "Society",
    "Federation",
    "League",
    "Club",
    "Court",
    "Parliament",
    "Congress",
    "Senate",
    "Assembly",
    "Police",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Service",
    "Services",
    "Airlines",
    "Airways",
    "Air",
    "Motors",
    "Industries",
    "Systems",
    "Technologies",
    "Networks",
    "Communications",
    "Media",
    "News",
    "Times",
    "Post",
    "Journal",
    "Telegraph",
    "Guardian",
    "Herald",
    "Tribune",
    "Press",
    "Broadcasting",
    "Records",
    "Studios",
    "Pictures",
    "Entertainment",
    "Labs",
    "Laboratories",
    "Pharmaceuticals",
    "Insurance",
    "Capital",
    "Partners",
    "Fund",
    "Exchange",
    "Board",
    "Organisation",
    "Organization",
    "Alliance",
    "Coalition",
    "Front",
    "Movement",
    "Church",
    "Hospital",
    "Museum",
    "Gallery",
    "Orchestra",
    "Ballet",
    "Opera",
    "Choir",
    "Team",
    "Clinic",
    "Laboratory",
    "Affairs",
    "Theatre",
    "Reserve",
    "Cabinet",
    "Government",
    "Administration",
    "Bureau",
    "Tribunal",
    "Chambers",
    "Chamber",
    "Brigade",
    "Command",
    "Regiment",
    "Guard",
    "Corps",
    "Democrats",
    "Republicans",
    "Conservatives",
    "United",
    "Rovers",
    "Athletic",
    "Wanderers",
    "Albion",
    "Hotspur",
    "Rangers",
    "Software",
    "Consortium",
    "Magazine",
    // Research, advisory and investment firms ("Strategy Analytics",
    // "Goodbody Stockbrokers", "Capital Economics").
    "Analytics",
    "Consulting",
    "Consultants",
    "Associates",
    "Advisors",
    "Advisers",
    "Securities",
    "Solutions",
    "Ventures",
    "Investments",
    "Investors",
    "Management",
    "Economics",
    "Stockbrokers",
    "Brokers",
    "Research",
    "Electronics",
    "Telecom",
    "Energy",
    "Oil",
    "Foods",
    "Stores",
    "Brothers",
    "Bros",
    "Institution",
    "Centre",
    "Center",
    "Network",
    "Channel",
    "Enforcement",
    "Store",
    "Panel",
];

/// Last words of a capitalised sequence that name a place ("Oxford Street").
const PLACE_WORDS: &[&str] = &[
    "Street",
    "Road",
    "Avenue",
    "Square",
    "Airport",
    "Station",
    "Bridge",
    "Park",
    "Island",
    "Islands",
    "Mountains",
    "River",
    "Lake",
    "Valley",
    "Bay",
    "County",
    "Province",
    "Region",
    "Sea",
    "Ocean",
];

/// Capitalised words that are never names: events, documents, generic nouns
/// that are capitalised in titles ("General Election", "Budget").
const NOT_NAMES: &[&str] = &[
    "Holocaust",
    "Election",
    "Elections",
    "Budget",
    "Act",
    "Bill",
    "Day",
    "Week",
    "Year",
    "Cup",
    "Championship",
    "Championships",
    "Open",
    "Games",
    "Olympics",
    "Award",
    "Awards",
    "Prize",
    "Festival",
    "Show",
    "Programme",
    "Review",
    "Report",
    "Summit",
    "War",
    "Treaty",
    "Agreement",
    "Internet",
    "Web",
    "Christmas",
    "Easter",
    "New Year",
    "God",
    "Oscar",
    "Oscars",
    "Grammy",
    "Grammys",
    "Emmy",
    "Emmys",
    "Album",
    "Film",
    "Series",
    "Tour",
    "Test",
    "Final",
    "Finals",
    "Division",
    "Mr",
    "Mrs",
    "Ms",
    "Family",
    "MPs",
    "MSPs",
    "MEPs",
    "Olympic",
];

/// Capitalised acronyms that are not organisations.
const NOT_ORG_ACRONYMS: &[&str] = &[
    "COVID", "EPO", "NT", "SP2", "CEO", "GDP", "TV", "DVD", "DVDs", "CD", "CDs", "PC", "PCs",
    "DNA", "HIV", "AIDS", "OK", "AM", "PM", "GMT", "BST", "EST", "UTC", "MP", "MPs", "MSP", "MSPs",
    "MEP", "MEPs", "AGM", "IPO", "VAT", "PIN", "ID", "IT", "PR", "HQ", "MRI", "CCTV", "GCSE",
    "GCSEs", "SMS", "PDA", "MP3", "GPS", "LCD", "USB", "PS2", "PSP", "DS", "I", "A", "UFO", "VIP",
    "RAM", "CPU", "GP", "GPs", "QC", "OBE", "MBE", "CBE", "ISBN", "URL", "HTML", "II", "III", "IV",
    "VI", "DJ", "RPI", "CPI", "PhD", "MBA", "NO", "US", "UK", "UAE", "USA", "FA",
    // Technology, formats, units and standards (products, not makers).
    "GPRS", "GSM", "ADSL", "HD", "HDTV", "VHS", "VCR", "PVR", "DRM", "OS", "XP", "RSS", "IP",
    "IPTV", "RFID", "CGI", "P2P", "LAN", "MMS", "UMD", "PS3", "SD", "THX", "FM", "AI", "LED",
    "PDF", "ISP", "ISPs", "KB", "MB", "GHz", "MHz", "MW", "SUV", "SUVs", "GTA",
    // Diseases, genres and other common abbreviations.
    "BSE", "SARS", "MRSA", "CJD", "IVF", "R&B", "R&D", "Q&A", "DIY", "AWOL", "FDI", "LNG", "NGO",
    "NGOs", "SME", "SMEs", "WMD", "ASBO", "ASBOs", "AND", "OR", "NOT",
];

/// Nouns for works (films, books, shows) written right before their title:
/// "Mike Leigh's film Vera Drake", "the novel The Da Vinci Code".
const WORK_NOUNS: &[&str] = &[
    "film",
    "movie",
    "play",
    "musical",
    "novel",
    "book",
    "album",
    "single",
    "song",
    "sitcom",
    "series",
    "drama",
    "documentary",
    "comedy",
    "thriller",
    "blockbuster",
    "programme",
    "opera",
    "ballet",
];

/// Capitalised words that end the name of an award or an event: the names
/// before them are part of it ("The Charles Wintour Award", "Heineken Cup").
const EVENT_ENDS: &[&str] = &[
    "Award",
    "Awards",
    "Prize",
    "Cup",
    "Trophy",
    "Festival",
    "Games",
    "Olympics",
    "Championship",
    "Championships",
    "Marathon",
    // A race, a tournament, a show or an awards night: "Norwich Union
    // Grand Prix", "Australian Open", "Consumer Electronics Show",
    // "Golden Globes", "Super Bowl", "Kooyong Classic". A programme named
    // after its host ("The Jerry Springer Show") is a work, no entity either.
    "Prix",
    "Open",
    "Show",
    "Expo",
    "Globe",
    "Globes",
    "Bowl",
    "Classic",
    "Rally",
];

/// Two-word names of competitions whose last word also ends the names of
/// bodies: the Champions League is a tournament (an event), the Premier
/// League a body; the Six Nations is a tournament, the United Nations a body.
const EVENT_NAMES: &[(&str, &str)] = &[
    ("Champions", "League"),
    ("Europa", "League"),
    ("Six", "Nations"),
    ("Five", "Nations"),
    ("Tri", "Nations"),
];

/// Words that introduce reported or direct speech. Forms that are also common
/// nouns ("claims", "report", "warning" in "a BBC report") are left out.
const SPEECH_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "tell",
    "tells",
    "told",
    "add",
    "adds",
    "added",
    "warn",
    "warns",
    "warned",
    "argue",
    "argues",
    "argued",
    "claimed",
    "insist",
    "insists",
    "insisted",
    "remarked",
    "suggest",
    "suggests",
    "suggested",
    "indicate",
    "indicates",
    "indicated",
    "stressed",
    "explain",
    "explains",
    "explained",
    "admit",
    "admits",
    "admitted",
    "deny",
    "denies",
    "denied",
    "announce",
    "announces",
    "announced",
    "ask",
    "asks",
    "asked",
    "noted",
    "stated",
    "commented",
    "replied",
    "responded",
    "urge",
    "urges",
    "urged",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "confirm",
    "confirms",
    "confirmed",
    "predicted",
    "predicts",
    "dismissed",
    "wrote",
    "writes",
    "tweeted",
    "declare",
    "declares",
    "declared",
    "concede",
    "concedes",
    "conceded",
    "maintain",
    "maintains",
    "maintained",
    "vowed",
    "promised",
    "pledged",
    "reveal",
    "reveals",
    "revealed",
    "disclosed",
    "reiterate",
    "reiterates",
    "reiterated",
    "emphasised",
    "emphasized",
    "observed",
    "recalled",
    "complained",
    "countered",
    "cautioned",
    "testified",
    "alleged",
    "asserted",
    "contend",
    "contends",
    "contended",
    "hinted",
    "joked",
    "demanded",
    "reported",
    "accused",
    "criticised",
    "criticized",
    "described",
    "spoke",
    "speaks",
    "discussed",
    "discusses",
    "likened",
    "apologise",
    "apologises",
    "apologised",
    "apologize",
    "apologizes",
    "apologized",
    "questioned",
    "saying",
    "telling",
    "asking",
    "adding",
    "warning",
    "arguing",
    "claiming",
    "insisting",
    "suggesting",
    "indicating",
    "explaining",
    "noting",
    "stressing",
    "urging",
    "announcing",
    "boasted",
    "cited",
    "mentioned",
    "proposed",
    "lamented",
    "quipped",
    "mocked",
    "blasted",
    "slammed",
    "chimed",
    "signalled",
    "signaled",
    "pleaded",
    "objected",
    "shouted",
    "answered",
    "retorted",
    "speculated",
    "recounted",
    "elaborated",
    "threatened",
    "assured",
    "informed",
    "reassured",
    "conceding",
    "boasting",
    "recalling",
    "promising",
    "vowing",
    "predicting",
    "acknowledging",
];

/// Speech verbs that may come before their subject: `"...," said Mr Smith`.
const INVERTING_VERBS: &[&str] = &[
    "said",
    "says",
    // ", say analysts at Deutsche Bank": plural subjects invert too.
    "say",
    "added",
    "adds",
    "asked",
    "asks",
    "warned",
    "warns",
    "explained",
    "insisted",
    "argued",
    "continued",
    "noted",
    "wrote",
    "writes",
    "admitted",
    "claimed",
    "stressed",
    "replied",
    "recalled",
    "told",
    "tells",
    "suggested",
    "remarked",
    "observed",
    "declared",
    "countered",
    "joked",
    "predicted",
    "predicts",
    "argues",
    "insists",
    "explains",
    "notes",
    "admits",
    "suggests",
    "concedes",
    "tweeted",
];

/// Words allowed between a subject and its speech verb: auxiliaries and adverbs
/// ("has also said", "further suggested").
const SUBJECT_VERB_FILLERS: &[&str] = &[
    // "The CML, the BBA and the BSA all said".
    "all",
    "both",
    "each",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "shall",
    "must",
    "did",
    "does",
    "do",
    "also",
    "further",
    "later",
    "then",
    "previously",
    "earlier",
    "once",
    "recently",
    "repeatedly",
    "again",
    "already",
    "reportedly",
    "publicly",
    "privately",
    "just",
    "still",
    "first",
    "subsequently",
    "separately",
    "openly",
    "initially",
    "yesterday",
    "today",
    "himself",
    "herself",
    "itself",
    "themselves",
    "always",
    "often",
    "frequently",
    "since",
    "now",
    "angrily",
    "flatly",
    "firmly",
    "strongly",
    "quickly",
    "simply",
    "bluntly",
    "apparently",
    "allegedly",
    "famously",
    "memorably",
    "widely",
    "is",
    "was",
    "were",
    "are",
    "been",
    "be",
    "being",
    "not",
    "never",
];

/// Common nouns for organisations that speak as "the X said" ("the union said").
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "union",
    "ministry",
    "department",
    "government",
    "council",
    "party",
    "police",
    "bank",
    "agency",
    "commission",
    "committee",
    "board",
    "club",
    "court",
    "army",
    "military",
    "authority",
    "authorities",
    "regulator",
    "watchdog",
    "organisation",
    "organization",
    "charity",
    "campaign",
    "airline",
    "carrier",
    "network",
    "broadcaster",
    "newspaper",
    "paper",
    "studio",
    "label",
    "retailer",
    "supermarket",
    "manufacturer",
    "maker",
    "insurer",
    "lender",
    "bank",
    "association",
    "federation",
    "league",
    "team",
    "embassy",
    "administration",
    "kremlin",
    "opposition",
    "coalition",
    "alliance",
    "parliament",
    "senate",
    "cabinet",
    "treasury",
    "office",
    "service",
    "institute",
    "university",
    "hospital",
    "trust",
    "fund",
    "exchange",
    "agency",
    "prosecutors",
];

/// Words that, capitalised at the start of a sentence, are ordinary words.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "so",
    "yet",
    "for",
    "nor",
    "in",
    "on",
    "at",
    "to",
    "of",
    "by",
    "with",
    "from",
    "as",
    "after",
    "before",
    "during",
    "since",
    "until",
    "while",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "why",
    "how",
    "if",
    "though",
    "although",
    "because",
    "however",
    "meanwhile",
    "moreover",
    "furthermore",
    "also",
    "still",
    "then",
    "there",
    "here",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "some",
    "many",
    "most",
    "all",
    "any",
    "each",
    "every",
    "both",
    "few",
    "several",
    "such",
    "no",
    "not",
    "one",
    "two",
    "three",
    "four",
    "five",
    "more",
    "less",
    "other",
    "another",
    "among",
    "amid",
    "despite",
    "about",
    "over",
    "under",
    "into",
    "through",
    "between",
    "against",
    "without",
    "within",
    "yes",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "earlier",
    "later",
    "even",
    "just",
    "only",
    "indeed",
    "instead",
    "overall",
    "first",
    "second",
    "finally",
    "already",
    "perhaps",
    "thus",
    "hence",
    "therefore",
    "once",
    "unlike",
    "like",
    "according",
    "following",
    "further",
    "elsewhere",
    "former",
    "new",
    "shares",
    "sales",
    "analysts",
    "officials",
    "experts",
    "critics",
    "police",
    "sources",
    "mr",
    "mrs",
    "ms",
    "dr",
    "speaking",
    "asked",
    "writing",
    "but",
    "well",
    "so",
    "oh",
    "please",
    "thank",
    "thanks",
    "sir",
    "dear",
    "let",
    "do",
    "did",
    "does",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "have",
    "has",
    "had",
    "being",
    "been",
    "be",
    "where",
    "whether",
    "maybe",
    "sure",
    "not",
    "very",
    "much",
    "too",
    "said",
    "says",
    "after",
    "although",
    "given",
];

/// Lower-case nouns that describe the person named right after them:
/// "spokesman Menzies Campbell", "centre Mathew Tait", "actor Tom Hanks".
/// Verbs that report speech only with the words around them (see
/// `speakers::Finder::sentence`).
const CONTEXT_SPEECH_VERBS: &[&str] = &[
    "notes",
    "recalls",
    "observes",
    "states",
    "remarks",
    "forecasts",
    "forecast",
    "recommends",
    "recommended",
    "talked",
    "seconded",
    "branded",
    "labelled",
    "labeled",
    "dubbed",
    "issued",
    "issues",
    "released",
    "releases",
    "held",
    "holds",
    "gave",
    "gives",
    "made",
    "makes",
    "delivered",
    "delivers",
    "came",
    "come",
    "comes",
    "poured",
];

const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "secretary",
    "envoy",
    "adviser",
    "advisor",
    "aide",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "director",
    "president",
    "vice-president",
    "executive",
    "chief",
    "official",
    "lawyer",
    "solicitor",
    "barrister",
    "analyst",
    "economist",
    "manager",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "captain",
    "skipper",
    "centre",
    "fly-half",
    "scrum-half",
    "flanker",
    "winger",
    "full-back",
    "prop",
    "hooker",
    "forward",
    "batsman",
    "bowler",
    "player",
    "singer",
    "actor",
    "actress",
    "star",
    "co-star",
    "director-general",
    "founder",
    "co-founder",
    "owner",
    "professor",
    "boss",
    "senator",
    "governor",
    "mayor",
    "candidate",
    "nominee",
    "campaigner",
    "activist",
    "moderator",
    "author",
    "writer",
    "novelist",
    "playwright",
    "poet",
    "journalist",
    "reporter",
    "correspondent",
    "editor",
    "columnist",
    "critic",
    "historian",
    "scientist",
    "researcher",
    "consultant",
    "teacher",
    "engineer",
    "entrepreneur",
    "investor",
    "banker",
    "producer",
    "composer",
    "presenter",
    "host",
    "comedian",
    "rapper",
    "guitarist",
    "drummer",
    "musician",
    "artist",
    "designer",
    "colleague",
    "rival",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "champion",
    "sprinter",
    "athlete",
    "jumper",
    "runner",
    "boxer",
    "jockey",
    "trainer",
    "referee",
    "umpire",
    "judge",
    "commissioner",
    "prosecutor",
    "detective",
    "inspector",
    "officer",
    "ambassador",
    "diplomat",
    "politician",
    "chancellor",
    "premier",
    "deputy",
    "employee",
    "debutant",
    "veteran",
    "newcomer",
    "cinematographer",
    "screenwriter",
    "filmmaker",
    "distributor",
    "chef",
    "model",
    "dancer",
    "pianist",
    "violinist",
    "conductor",
    "broadcaster",
];

/// Personal pronouns that can be a speech verb's subject, with their gender.
pub(crate) fn pronoun_gender(word: &str) -> Option<Gender> {
    if word.eq_ignore_ascii_case("he") {
        Some(Gender::Male)
    } else if word.eq_ignore_ascii_case("she") {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Month names and abbreviations, with their number.
pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Day names, Monday first (index = days from Monday).
pub(crate) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

static MONTH_MAP: LazyLock<Lexicon<u32>> = LazyLock::new(|| Lexicon::new(MONTHS.iter().copied()));
static WEEKDAY_MAP: LazyLock<Lexicon<u32>> =
    LazyLock::new(|| Lexicon::new(WEEKDAYS.iter().zip(0..).map(|(&day, n)| (day, n))));

/// The number of the month `word` names ("October", "Oct" → 10), as written
/// in [`MONTHS`]. Dates and names ask this of most capitalised words, so it
/// is one probe, not a walk through the list.
pub(crate) fn month(word: &str) -> Option<u32> {
    MONTH_MAP.get(word)
}

/// Days from Monday of the day `word` names ("Wednesday" → 2).
pub(crate) fn weekday(word: &str) -> Option<u32> {
    WEEKDAY_MAP.get(word)
}

fn set(words: &'static [&'static str]) -> WordSet {
    Lexicon::new(words.iter().map(|&word| (word, ())))
}

/// Parses a `data/` list: `Name` or `Alias = Canonical` per line, `#` comments.
///
/// `Alias ~ Canonical` is a conditional alias: it maps to itself here and is
/// listed in `conditional` so that [`conditional_alias`] can merge it later,
/// when the article also writes the canonical name.
fn alias_map(
    data: &[&'static str],
    conditional: &mut Vec<(&'static str, &'static str)>,
) -> Lexicon<&'static str> {
    let mut map = Vec::new();
    for l in data
        .iter()
        .flat_map(|list| list.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some((alias, canonical)) = l.split_once(" = ") {
            map.push((alias.trim(), canonical.trim()));
        } else if let Some((alias, canonical)) = l.split_once(" ~ ") {
            map.push((alias.trim(), alias.trim()));
            conditional.push((alias.trim(), canonical.trim()));
        } else {
            map.push((l, l));
        }
    }
    Lexicon::new(map)
}

static HONORIFIC_MAP: LazyLock<Lexicon<Option<Gender>>> =
    LazyLock::new(|| Lexicon::new(HONORIFICS.iter().copied()));
static ROLE_SET: LazyLock<WordSet> = LazyLock::new(|| set(ROLE_TITLES));
static ORG_WORD_SET: LazyLock<WordSet> = LazyLock::new(|| set(ORG_WORDS));
static PLACE_WORD_SET: LazyLock<WordSet> = LazyLock::new(|| set(PLACE_WORDS));
static NOT_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| set(NOT_NAMES));
static NOT_ORG_ACRONYM_SET: LazyLock<WordSet> = LazyLock::new(|| set(NOT_ORG_ACRONYMS));
static SPEECH_SET: LazyLock<WordSet> = LazyLock::new(|| set(SPEECH_VERBS));
static INVERTING_SET: LazyLock<WordSet> = LazyLock::new(|| set(INVERTING_VERBS));
/// [`VerbKind`] bits of the speech verbs and the context ones, in one table
/// so that reading a sentence costs one lookup a word.
static VERB_KINDS: LazyLock<Lexicon<u8>> = LazyLock::new(|| {
    let mut kinds: FxHashMap<&'static str, u8> = FxHashMap::default();
    for &word in SPEECH_VERBS {
        *kinds.entry(word).or_default() |= VerbKind::SPEECH;
    }
    for &word in CONTEXT_SPEECH_VERBS {
        *kinds.entry(word).or_default() |= VerbKind::IN_CONTEXT;
    }
    Lexicon::new(kinds)
});
static FILLER_SET: LazyLock<WordSet> = LazyLock::new(|| set(SUBJECT_VERB_FILLERS));
static ORG_NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| set(ORG_NOUNS));
static ROLE_NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| set(ROLE_NOUNS));
static STARTER_SET: LazyLock<WordSet> = LazyLock::new(|| set(SENTENCE_STARTERS));
static WORK_NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| set(WORK_NOUNS));
static EVENT_END_SET: LazyLock<WordSet> = LazyLock::new(|| set(EVENT_ENDS));
/// Places, organisations, and the conditional aliases of both.
type Gazetteer = (
    Lexicon<&'static str>,
    Lexicon<&'static str>,
    Vec<(&'static str, &'static str)>,
);
static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut conditional = Vec::new();
    // Towns from GeoNames first, so the hand-written list overrides them.
    let places = alias_map(
        &[
            include_str!("data/places_geonames.txt"),
            include_str!("data/places.txt"),
        ],
        &mut conditional,
    );
    let orgs = alias_map(&[include_str!("data/organizations.txt")], &mut conditional);
    (places, orgs, conditional)
});
/// A `data/` list of one entry per line, `#` comments.
fn plain_list(text: &'static str) -> WordSet {
    Lexicon::new(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|entry| (entry, ())),
    )
}
static MONONYMS: LazyLock<WordSet> =
    LazyLock::new(|| plain_list(include_str!("data/mononyms.txt")));
static PRODUCTS: LazyLock<WordSet> =
    LazyLock::new(|| plain_list(include_str!("data/products.txt")));
static DEMONYMS: LazyLock<WordSet> =
    LazyLock::new(|| plain_list(include_str!("data/demonyms.txt")));
/// Given names: the hand-written list (names from around the world) and the
/// US Census one built from public data (`data/first_names_census.py`).
static FIRST_NAMES: LazyLock<Lexicon<Option<Gender>>> = LazyLock::new(|| {
    Lexicon::new(
        include_str!("data/first_names.txt")
            .lines()
            .chain(include_str!("data/first_names_census.txt").lines())
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (name, gender) = l.split_once(' ')?;
                let gender = match gender.trim() {
                    "m" => Some(Gender::Male),
                    "f" => Some(Gender::Female),
                    _ => None,
                };
                Some((name, gender))
            }),
    )
});

/// `Some(gender)` when `word` is an honorific such as "Mr" or "Dr".
pub(crate) fn honorific(word: &str) -> Option<Option<Gender>> {
    HONORIFIC_MAP.get(word)
}

/// True for any title word: honorifics and role words ("Minister", "envoy").
pub(crate) fn is_title(word: &str) -> bool {
    HONORIFIC_MAP.contains(word) || ROLE_SET.contains(word)
}

/// A word that heads organisation names but alone names none: "the
/// Committee said", "the Government", "Police". Generic bodies are not
/// entities (tests/gold/README.md), while `Parliament` or `Cabinet`, which
/// name one body, are known names and never get here.
pub(crate) fn is_generic_org_head(word: &str) -> bool {
    matches!(
        word,
        "Government"
            | "Committee"
            | "Commission"
            | "Research"
            | "Investors"
            | "Investments"
            | "Brokers"
            | "Solutions"
            | "Management"
            | "Consultants"
            | "Consulting"
            | "Securities"
            | "Advisors"
            | "Advisers"
            | "Associates"
            | "Economics"
            | "Analytics"
            | "Ventures"
            | "Chamber"
            | "Council"
            | "Department"
            | "Ministry"
            | "Agency"
            | "Authority"
            | "Board"
            | "Bureau"
            | "Office"
            | "Company"
            | "Corporation"
            | "Group"
            | "Holdings"
            | "Association"
            | "Institute"
            | "Foundation"
            | "Society"
            | "Federation"
            | "Organisation"
            | "Organization"
            | "Administration"
            | "Tribunal"
            | "Court"
            | "Police"
            | "Army"
            | "Navy"
            | "Force"
            | "Forces"
            | "Service"
            | "Services"
            | "Fund"
            | "Exchange"
    )
}

/// True for capitalised words that are never part of a name.
pub(crate) fn is_not_name(word: &str) -> bool {
    NOT_NAME_SET.contains(word)
}

/// True for acronyms that are not organisations ("CEO", "GDP").
pub(crate) fn is_not_org_acronym(word: &str) -> bool {
    NOT_ORG_ACRONYM_SET.contains(word)
}

/// True for a lower-case speech verb form ("said", "warned", "telling").
pub(crate) fn is_speech_verb(word: &str) -> bool {
    SPEECH_SET.contains(word)
}

/// What a word can be as a reporting verb (see [`verb_kind`]).
pub(crate) struct VerbKind;

impl VerbKind {
    /// A speech verb: [`is_speech_verb`].
    pub(crate) const SPEECH: u8 = 1;
    /// Speech only with the words around it ("notes that", "held a press
    /// conference", "was seconded by"), which `speakers` then checks.
    pub(crate) const IN_CONTEXT: u8 = 1 << 1;
}

/// The [`VerbKind`] bits of `word` (0 for most words).
pub(crate) fn verb_kind(word: &str) -> u8 {
    VERB_KINDS.get(word).unwrap_or(0)
}

/// True for speech verbs that may precede their subject (`said Mr Smith`).
pub(crate) fn is_inverting_verb(word: &str) -> bool {
    INVERTING_SET.contains(word)
}

/// True for auxiliaries and adverbs that may sit between subject and speech verb.
pub(crate) fn is_subject_verb_filler(word: &str) -> bool {
    FILLER_SET.contains(word)
}

/// True for lower-case nouns naming an organisation ("union", "ministry").
pub(crate) fn is_org_noun(word: &str) -> bool {
    ORG_NOUN_SET.contains(word)
}

/// True for a lower-case noun describing the person named after it ("striker").
pub(crate) fn is_role_noun(word: &str) -> bool {
    ROLE_NOUN_SET.contains(word)
}

/// True for a company's legal form written after its name ("PLC", "Inc"),
/// which is not part of the name.
pub(crate) fn is_legal_form(word: &str) -> bool {
    matches!(
        word,
        "PLC" | "plc" | "Plc" | "Inc" | "Ltd" | "LLC" | "Limited"
    )
}

/// True for a noun by which news refers back to a business it has named:
/// "the firm said", "the carmaker said".
pub(crate) fn is_business_noun(word: &str) -> bool {
    matches!(
        word,
        "company"
            | "firm"
            | "group"
            | "business"
            | "retailer"
            | "airline"
            | "carrier"
            | "maker"
            | "carmaker"
            | "manufacturer"
            | "chain"
            | "operator"
            | "giant"
            | "broadcaster"
            | "publisher"
            | "insurer"
            | "lender"
            | "bank"
            | "studio"
            | "label"
            | "network"
            | "supermarket"
            | "conglomerate"
    )
}

/// True for a lower-case noun by which news reports someone who speaks
/// without a name: "a spokesman said", "officials said". Unlike "the
/// minister said", these rarely stand for a person named earlier.
pub(crate) fn is_anonymous_speaker_noun(word: &str) -> bool {
    matches!(
        word,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "spokesmen"
            | "spokeswomen"
            | "official"
            | "officials"
            | "source"
            | "sources"
            | "insider"
            | "insiders"
            | "aide"
            | "aides"
            | "witness"
            | "witnesses"
    )
}

/// True for a noun of a work written before its title ("film", "novel").
pub(crate) fn is_work_noun(word: &str) -> bool {
    WORK_NOUN_SET.contains(word)
}

/// True for a word that ends an award's or an event's name ("Award", "Cup").
pub(crate) fn is_event_end(word: &str) -> bool {
    EVENT_END_SET.contains(word)
}

/// True when `last`, after `before`, ends a competition's name that
/// [`is_event_end`] alone cannot tell from a body's ("Champions League").
pub(crate) fn is_two_word_event_end(before: &str, last: &str) -> bool {
    EVENT_NAMES.contains(&(before, last))
}

/// True when a capitalised sentence-initial word, lower-cased, is an ordinary word.
pub(crate) fn is_sentence_starter(lower: &str) -> bool {
    STARTER_SET.contains(lower)
}

/// The UK's nations: countries for the purpose of [`is_country_or_region`]
/// (their teams are listed under them, like any country's).
const UK_NATIONS: &[&str] = &["England", "Scotland", "Wales", "Northern Ireland"];

/// Every name of the countries, small states, territories and regions
/// sections of `data/places.txt`, aliases as written and as merged, and the
/// UK's nations.
static COUNTRY_OR_REGION_SET: LazyLock<WordSet> = LazyLock::new(|| {
    let data = include_str!("data/places.txt");
    let section = |header: &str| {
        data.split_once(header)
            .map_or("", |(_, rest)| rest.split("\n#").next().unwrap_or(""))
    };
    let names = [
        section("# Countries"),
        section("# Small states"),
        section("# Territories and dependencies"),
        section("# Regions and continents"),
    ]
    .into_iter()
    .flat_map(str::lines)
    .map(str::trim)
    .filter(|l| !l.is_empty())
    .flat_map(|l| l.split(['=', '~']).map(str::trim))
    .chain(UK_NATIONS.iter().copied());
    Lexicon::new(names.map(|name| (name, ())))
});

/// True for the name of a country or of a wider region ("France", "US",
/// "Wales", "Europe"): a place whatever the context, though a team may play
/// under it.
pub(crate) fn is_country_or_region(name: &str) -> bool {
    COUNTRY_OR_REGION_SET.contains(name)
}

/// Canonical place name for a known place or alias ("U.S." → "United States").
pub(crate) fn place(name: &str) -> Option<&'static str> {
    GAZETTEER.0.get(name)
}

/// The full name a conditional alias stands for ("US" → "United States"),
/// to be used only when the article also writes the full name.
pub(crate) fn conditional_alias(name: &str) -> Option<&'static str> {
    GAZETTEER
        .2
        .iter()
        .find(|&&(alias, _)| alias == name)
        .map(|&(_, canonical)| canonical)
}

/// Canonical organisation name for a well-known organisation.
/// True for a word naming a department of government ("Energy", "Home"),
/// a title's word only before a role ("Energy Secretary").
pub(crate) fn is_department(word: &str) -> bool {
    matches!(
        word,
        "State"
            | "Foreign"
            | "Home"
            | "Defence"
            | "Defense"
            | "Health"
            | "Education"
            | "Culture"
            | "Transport"
            | "Environment"
            | "Treasury"
            | "Energy"
            | "Interior"
            | "Finance"
            | "Trade"
            | "Industry"
            | "Sport"
            | "Work"
            | "Pensions"
            | "Economy"
            | "Business"
            | "Labor"
            | "Agriculture"
    )
}

/// True for someone known by one name ("Eminem", "Ronaldinho").
pub(crate) fn is_mononym(name: &str) -> bool {
    MONONYMS.contains(name)
}

/// True for a product's name ("Internet Explorer", "PlayStation"), which is
/// no entity however it is written.
pub(crate) fn is_product(name: &str) -> bool {
    PRODUCTS.contains(name)
}

pub(crate) fn organization(name: &str) -> Option<&'static str> {
    GAZETTEER.1.get(name)
}

/// Bits of [`classes`]: which of the lists a capitalised name word is on.
/// The name rules ask these of the same words again and again, so they are
/// asked through [`classes`] (and a per-token cache in `Doc`), not one list
/// at a time.
pub(crate) mod class {
    /// A title: [`super::is_title`].
    pub(crate) const TITLE: u8 = 1;
    /// A word that marks an organisation name ("Bank", "Party").
    pub(crate) const ORG_WORD: u8 = 1 << 1;
    /// A word that ends a place name ("Street", "Airport").
    pub(crate) const PLACE_WORD: u8 = 1 << 2;
    /// Never part of a name: [`super::is_not_name`].
    pub(crate) const NOT_NAME: u8 = 1 << 3;
    /// An adjectival or plural form of a place or people ("Russian").
    pub(crate) const DEMONYM: u8 = 1 << 4;
    /// [`super::first_name`] is `Some`.
    pub(crate) const FIRST_NAME: u8 = 1 << 5;
    /// [`super::month`] or [`super::weekday`] is `Some`.
    pub(crate) const CALENDAR: u8 = 1 << 6;
    /// [`super::place`] is `Some`.
    pub(crate) const PLACE: u8 = 1 << 7;
}

/// The lists of [`class`] merged into one, so that a word's memberships
/// cost one probe rather than one per list.
static CLASSES: LazyLock<Lexicon<u8>> = LazyLock::new(|| {
    let mut merged: FxHashMap<&'static str, u8> = FxHashMap::default();
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, bit: u8| {
        for word in words {
            *merged.entry(word).or_default() |= bit;
        }
    };
    add(&mut HONORIFIC_MAP.words(), class::TITLE);
    add(&mut ROLE_SET.words(), class::TITLE);
    add(&mut ORG_WORD_SET.words(), class::ORG_WORD);
    add(&mut PLACE_WORD_SET.words(), class::PLACE_WORD);
    add(&mut NOT_NAME_SET.words(), class::NOT_NAME);
    add(&mut DEMONYMS.words(), class::DEMONYM);
    add(&mut FIRST_NAMES.words(), class::FIRST_NAME);
    add(&mut MONTH_MAP.words(), class::CALENDAR);
    add(&mut WEEKDAY_MAP.words(), class::CALENDAR);
    add(&mut GAZETTEER.0.words(), class::PLACE);
    Lexicon::new(merged)
});

/// The [`class`] bits of `word`: the lists that hold it.
pub(crate) fn classes(word: &str) -> u8 {
    let found = CLASSES.get(word).unwrap_or(0);
    if found == 0 && !word.is_ascii() && first_name(word).is_some() {
        return class::FIRST_NAME;
    }
    found
}

/// `Some(gender)` when `word` is a common given name (gender `None` when
/// unisex), written with or without its accents ("Frédéric", "José"): the
/// list of given names is unaccented.
pub(crate) fn first_name(word: &str) -> Option<Option<Gender>> {
    FIRST_NAMES.get(word).or_else(|| {
        if word.is_ascii() {
            return None;
        }
        let folded: String = word.chars().map(unaccented).collect();
        FIRST_NAMES.get(&folded)
    })
}

/// A Latin letter without its accent ("é" → "e"); other characters as they are.
fn unaccented(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'š' | 'ś' => 's',
        'Š' | 'Ś' => 'S',
        'ř' => 'r',
        'ł' => 'l',
        'Ł' => 'L',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        assert_eq!(place("U.S."), Some("U.S."));
        assert_eq!(conditional_alias("U.S."), Some("United States"));
        assert_eq!(organization("Tories"), Some("Conservatives"));
        assert_eq!(place("Kyiv"), Some("Kyiv"));
        assert_eq!(organization("BBC News"), Some("BBC News"));
        assert_eq!(first_name("Patricia"), Some(Some(Gender::Female)));
        let wide = is_country_or_region;
        assert!(wide("France") && wide("US") && wide("United States") && wide("Europe"));
        assert!(wide("Wales") && !wide("Portsmouth") && !wide("Kent"));
        // From the census list; words and places it also holds were left out.
        assert_eq!(first_name("Alicia"), Some(Some(Gender::Female)));
        assert_eq!(first_name("Laurence"), Some(Some(Gender::Male)));
        for word in ["May", "Hope", "Georgia", "Delta", "Williams", "January"] {
            assert_eq!(first_name(word), None, "{word}");
        }
        assert_eq!(first_name("Steve"), Some(Some(Gender::Male)));
        assert_eq!(classes("Ukrainian") & class::DEMONYM, class::DEMONYM);
        assert_eq!(classes("Ukraine") & class::DEMONYM, 0);
    }

    #[test]
    fn closed_classes() {
        assert_eq!(honorific("Ms"), Some(Some(Gender::Female)));
        assert!(is_title("Secretary") && is_title("Mr"));
        assert!(is_speech_verb("remarked") && !is_speech_verb("verified"));
        assert_eq!(classes("Army") & class::ORG_WORD, class::ORG_WORD);
    }

    #[test]
    fn verb_kinds_agree_with_the_lists() {
        for &word in SPEECH_VERBS {
            assert_ne!(verb_kind(word) & VerbKind::SPEECH, 0, "{word}");
        }
        for &word in CONTEXT_SPEECH_VERBS {
            assert_ne!(verb_kind(word) & VerbKind::IN_CONTEXT, 0, "{word}");
        }
        for word in ["the", "Trump", "", "talks"] {
            assert_eq!(verb_kind(word), 0, "{word}");
        }
        assert_eq!(verb_kind("said"), VerbKind::SPEECH);
    }

    #[test]
    fn classes_agree_with_the_lists() {
        let mut words: Vec<&str> = CLASSES.words().collect();
        words.extend(["", "the", "Trump", "May", "Secretary", "Russian", "Kyiv"]);
        for w in words {
            let c = classes(w);
            let has = |bit: u8| c & bit != 0;
            assert_eq!(has(class::TITLE), is_title(w), "{w}");
            assert_eq!(has(class::ORG_WORD), ORG_WORD_SET.contains(w), "{w}");
            assert_eq!(has(class::PLACE_WORD), PLACE_WORD_SET.contains(w), "{w}");
            assert_eq!(has(class::NOT_NAME), is_not_name(w), "{w}");
            assert_eq!(has(class::DEMONYM), DEMONYMS.contains(w), "{w}");
            assert_eq!(has(class::FIRST_NAME), first_name(w).is_some(), "{w}");
            let calendar = month(w).is_some() || weekday(w).is_some();
            assert_eq!(has(class::CALENDAR), calendar, "{w}");
            assert_eq!(has(class::PLACE), place(w).is_some(), "{w}");
        }
    }
}
