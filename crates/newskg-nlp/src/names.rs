//! Name forms: normalisation, acronyms, first-name gender and a small table of
//! country names, shared by in-document coreference (`extract`) and
//! cross-document resolution (the root crate's `kg::Resolver`).
//!
//! Takes names as written and returns comparable keys. The tables here are
//! deliberately small general-English fallbacks: the [`Gazetteer`] is asked
//! first, and these only fill in when it does not know a name (so the
//! pipeline still links "U.S." to "United States" with an empty gazetteer).

use std::collections::HashMap;

use crate::{EntityLabel, Gazetteer};

/// Words that do not count for initials ("Department of Defense" → "DD" or "DoD").
const STOP_WORDS: &[&str] = &["of", "and", "the", "for", "on", "in", "to", "&", "at"];

/// A lower-case comparison key: dots and apostrophes dropped, hyphens and runs
/// of spaces made one space, a leading "the" and a trailing possessive dropped
/// ("The U.S.'s" → "us").
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        if c == '.' || c == '\'' || c == '’' {
            continue;
        }
        if c.is_whitespace() || c == '-' || c == '–' || c == ',' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    let out = out.strip_prefix("the ").map(str::to_string).unwrap_or(out);
    match out.strip_suffix("s") {
        // "U.S.'s" normalises to "uss": only the apostrophe form is possessive.
        Some(stem) if name.ends_with("'s") || name.ends_with("’s") => stem.to_string(),
        _ => out,
    }
}

/// The words of a normalised key.
pub fn key_words(key: &str) -> Vec<&str> {
    key.split(' ').filter(|w| !w.is_empty()).collect()
}

/// Function words that open sentences and clauses, lower case ("but",
/// "the", "when"): capitalised at a sentence's start, they join the
/// capitalised run of a name that follows ("But the Kessel Academy of Arts")
/// without being part of it.
const CLAUSE_OPENERS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "but",
    "or",
    "so",
    "yet",
    "if",
    "when",
    "while",
    "as",
    "after",
    "before",
    "since",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "by",
    "to",
    "under",
    "over",
    "about",
    "despite",
    "during",
    "against",
    "among",
    "without",
    "within",
    "between",
    "until",
    "this",
    "that",
    "meanwhile",
    "however",
    "also",
    "then",
    "now",
];

/// Whether `word` (any case) is one of [`CLAUSE_OPENERS`].
pub fn is_clause_opener(word: &str) -> bool {
    CLAUSE_OPENERS.contains(&word.to_lowercase().as_str())
}

/// Whether `word` (any case) is a conjunction or subordinator that opens
/// clauses ("but", "when", "although"): unlike the prepositions of
/// [`CLAUSE_OPENERS`], none of them begins a name.
pub fn is_clause_conjunction(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "and"
            | "but"
            | "or"
            | "so"
            | "yet"
            | "if"
            | "when"
            | "while"
            | "whilst"
            | "as"
            | "although"
            | "though"
            | "because"
            | "since"
            | "unless"
            | "until"
            | "once"
            | "whereas"
            | "meanwhile"
            | "however"
    )
}

/// Verbs of getting someone to do something, whose object does the
/// infinitive after it ("urged the council to reject the plan", "allowed
/// rivals to cut prices", "hired a bank to advise it"): UD's object control,
/// `xcomp`. Verbs whose object may be a means ("used the money to buy",
/// "needs a win to qualify") are left out: there the infinitive is a
/// purpose.
pub const OBJECT_CONTROL_VERBS: &[&str] = &[
    "ask",
    "urge",
    "tell",
    "order",
    "force",
    "allow",
    "permit",
    "enable",
    "encourage",
    "persuade",
    "convince",
    "invite",
    "advise",
    "instruct",
    "authorize",
    "authorise",
    "compel",
    "oblige",
    "pressure",
    "press",
    "lobby",
    "remind",
    "warn",
    "prompt",
    "empower",
    "entitle",
    "beg",
    "implore",
    "direct",
    "cause",
    "hire",
    "retain",
    "engage",
    "commission",
    "mandate",
    "want",
    "expect",
    "send",
    "request",
    "license",
    "licence",
    "lead",
    "inspire",
    "spur",
    "motivate",
    "challenge",
    "teach",
    "train",
    "tempt",
    "induce",
    "require",
];

/// Verbs of expecting, wanting and judging that take an object with an
/// infinitive ("expects net income to be lower", "wants the bank to cut
/// rates", "forecast sales to rise", "found the rival to be a tough
/// opponent", "showed the claim to be false"): the object is the infinitive's
/// subject, and what is expected or wanted is the whole clause, not the
/// object (no one "expects net income"). The parser hangs the infinitive
/// on the verb or on the object. ("Need" and "require" are left out: "needs
/// a win to qualify" is a purpose, the win is what is needed.)
pub const EXPECTING_VERBS: &[&str] = &[
    "expect", "want", "forecast", "predict", "project", "estimate", "believe", "consider", "like",
    "prefer", "find", "judge", "deem", "think", "declare", "show", "prove", "suppose", "assume",
    "reckon",
];

/// Verbs that name someone to an office: the person is their object and
/// the office a second, predicate noun ("named Ana Ruiz chief executive",
/// "elected him president").
pub const NAMING_VERBS: &[&str] = &["name", "appoint", "elect", "nominate", "designate"];

/// Whether lower-case lemma `verb` is one of [`NAMING_VERBS`].
pub fn is_naming_verb(verb: &str) -> bool {
    NAMING_VERBS.contains(&verb)
}

/// Wire copy's abbreviated units, lower case: "dlrs", "cts", "pct" ("4-3/4
/// cts a unit", "45 U.S. dlrs a ton"). Nouns only: their "-s" makes the
/// tagger take "cts" and "dlrs" for verbs.
pub const WIRE_UNITS: &[&str] = &["dlr", "dlrs", "ct", "cts", "pct", "stg"];

/// Nouns of time, lower case: parts of the day and spans ("week",
/// "decade", "childhood"); days and months are [`is_time_noun`]'s too. A
/// phrase headed by one says when, not who or what.
pub const TIME_NOUNS: &[&str] = &[
    "year",
    "month",
    "week",
    "day",
    "today",
    "yesterday",
    "tomorrow",
    "time",
    "decade",
    "century",
    "hour",
    "minute",
    "weekend",
    "morning",
    "evening",
    "night",
    "afternoon",
    "season",
    "period",
    "past",
    "future",
    "childhood",
    "youth",
    "lifetime",
    "era",
    "spring",
    "summer",
    "autumn",
    "winter",
    "quarter",
    "ago",
    "earlier",
    "later",
    "now",
];

/// The days of the week, lower case.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months, lower case.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether lower-case `word` names a time: one of [`TIME_NOUNS`], a day
/// of the week or a month ("may" aside, which is far more often the verb).
pub fn is_time_noun(word: &str) -> bool {
    TIME_NOUNS.contains(&word)
        || WEEKDAYS.contains(&word)
        || (word != "may" && MONTHS.contains(&word))
}

/// Participles that make the name before their hyphen a compound
/// adjective of place ("London-based", "Oslo-headquartered"): the name says
/// where the noun after it is, and the participle is no event.
pub const PLACE_PARTICIPLES: &[&str] = &["base", "headquarter"];

/// Participles that work as prepositions ("following the merger",
/// "including its plants", "excluding charges", "regarding the sale"):
/// they say when, what is counted or what about, and no one does them.
/// ("Barring" is left out: "a directive barring the staff from ..." bars.)
pub const PREPOSITION_PARTICIPLES: &[&str] = &[
    "following",
    "including",
    "excluding",
    "regarding",
    "concerning",
    "pending",
];

/// Nouns whose infinitive says what they are ("the right to see", "a bid
/// to buy"): a parser often hangs that infinitive on the verb instead, as
/// a purpose ("won the right [in order] to see").
pub const INFINITIVE_NOUNS: &[&str] = &[
    "obligation",
    "duty",
    "task",
    "job",
    "aim",
    "goal",
    "objective",
    "purpose",
    "intention",
    "mission",
    "priority",
    "right",
    "power",
    "chance",
    "opportunity",
    "ability",
    "authority",
    "permission",
    "decision",
    "plan",
    "bid",
    "attempt",
    "effort",
    "move",
    "proposal",
    "deal",
    "agreement",
    "offer",
    "order",
    "request",
    "pledge",
    "promise",
    "commitment",
];

/// Nouns of content: what they name is said by a "that" clause after them
/// ("the fact that ...", "the view that ...", "fears that ..."), so a
/// "that" clause with its own subject right after one is its content, not
/// a relative clause or the verb's complement.
pub const CONTENT_NOUNS: &[&str] = &[
    "fact",
    "idea",
    "notion",
    "view",
    "belief",
    "hope",
    "claim",
    "possibility",
    "suggestion",
    "assumption",
    "assurance",
    "news",
    "rumour",
    "rumor",
    "impression",
    "feeling",
    "argument",
    "evidence",
    "sign",
    "indication",
    "likelihood",
    "prospect",
    "expectation",
    "speculation",
    "doubt",
    "warning",
    "conviction",
    "report",
    "concern",
    "fear",
    "worry",
    "allegation",
    "accusation",
    "assertion",
    "suspicion",
    "perception",
    "theory",
    "risk",
    "danger",
    "chance",
    "threat",
];

/// Nouns that name a person (or a country, party or firm) by their tie to
/// another: kin ("wife"), allies and adversaries ("ally", "rival",
/// "critic"), the people around someone ("aide", "lawyer"); and a firm's
/// ties ([`is_firm_tie`]). With a name as
/// possessor or modifier ("Lind's wife", "a key Lind ally", "a longtime
/// Vantor critic") the noun is the relation itself ("wife of" Lind), not a
/// description of its own ("be key Lind ally"). Role nouns of offices
/// ("president", "spokesman") are the gazetteer's titles; these hold no
/// office and never make a person "be" one alone.
pub const RELATIONAL_NOUNS: &[&str] = &[
    // kin
    "wife",
    "husband",
    "spouse",
    "widow",
    "widower",
    "son",
    "daughter",
    "father",
    "mother",
    "parent",
    "brother",
    "sister",
    "sibling",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "cousin",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "stepson",
    "stepdaughter",
    "stepfather",
    "stepmother",
    "fiance",
    "fiancé",
    "fiancee",
    "fiancée",
    "girlfriend",
    "boyfriend",
    // allies, adversaries and followers
    "friend",
    "ally",
    "rival",
    "foe",
    "critic",
    "supporter",
    "loyalist",
    "confidant",
    "confidante",
    "protege",
    "protégé",
    "mentor",
    "colleague",
    "associate",
    "successor",
    "predecessor",
    // the people around someone
    "aide",
    "lawyer",
    "attorney",
    "biographer",
];

/// Relational nouns of firms ("Kessel, a Vantor subsidiary"). A place in
/// their place names where, not whose ("a UK subsidiary" is in the UK).
const FIRM_TIES: &[&str] = &[
    "subsidiary",
    "unit",
    "affiliate",
    "division",
    "shareholder",
    "owner",
    "partner",
    "client",
    "customer",
    "supplier",
    "competitor",
];

/// Whether lower-case lemma `word` is one of [`RELATIONAL_NOUNS`] or a
/// firm's tie ([`is_firm_tie`]).
pub fn is_relational_noun(word: &str) -> bool {
    RELATIONAL_NOUNS.contains(&word) || FIRM_TIES.contains(&word)
}

/// Whether lower-case lemma `word` names a firm by its tie to another
/// ("subsidiary", "customer"): with a place, the place is where it is.
pub fn is_firm_tie(word: &str) -> bool {
    FIRM_TIES.contains(&word)
}

/// Bodies of a state named by their country in lower case ("the Norwegian
/// government", "Norway's navy", "the government of Norway"): each is an
/// organisation of its own, part of the country, not the country itself
/// and not a bare word. Capitalised names ("the Royal Navy") are the
/// recognizer's.
const STATE_BODIES: &[&str] = &[
    "government",
    "administration",
    "regime",
    "cabinet",
    "navy",
    "army",
    "military",
    "police",
    "coastguard",
    "embassy",
];

/// Whether lower-case `word` is one of [`STATE_BODIES`].
pub fn is_state_body(word: &str) -> bool {
    STATE_BODIES.contains(&word)
}

/// Whether a country's capital may stand for it before `body` ("the
/// Beijing government"): for its government, yes; for its army or police,
/// a city is where they are.
pub fn capital_may_name_country_of(body: &str) -> bool {
    matches!(body, "government" | "administration" | "regime" | "cabinet")
}

/// Adverbs that open a sentence with a capital ("Perhaps", "Meanwhile")
/// and so can look like the first word of a name after them.
const SENTENCE_ADVERBS: &[&str] = &[
    "perhaps",
    "maybe",
    "meanwhile",
    "however",
    "still",
    "also",
    "now",
    "then",
    "indeed",
    "instead",
    "thus",
    "yet",
    "even",
    "only",
    "just",
    "already",
    "again",
    "later",
    "earlier",
    "nevertheless",
    "nonetheless",
    "moreover",
    "furthermore",
    "besides",
    "otherwise",
    "today",
    "yesterday",
    "tonight",
];

/// Whether `word` (any case) is an adverb that opens sentences: one of a
/// closed list, or a word in "-ly" ("Clearly", "Initially") that is no
/// given name (`is_given_name`: "Emily", "Kelly").
pub fn is_sentence_adverb(word: &str, is_given_name: impl Fn(&str) -> bool) -> bool {
    let lower = word.to_lowercase();
    SENTENCE_ADVERBS.contains(&lower.as_str())
        || (lower.len() > 4
            && lower.ends_with("ly")
            && lower.chars().all(|c| c.is_ascii_lowercase())
            && !is_given_name(word))
}

/// A month name or its abbreviation ("Nov.", "November").
pub fn is_month(word: &str) -> bool {
    const ABBREVIATIONS: [&str; 13] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
    let lower = word.trim_end_matches('.').to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str()) || MONTHS.contains(&lower.as_str())
}

/// "Monday" ... "Sunday".
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

// ---- Words around names, for name forms across documents and roles ----
// (issue 10: one home for name knowledge; these lists lived in the root
// crate's `kg/forms.rs` and in `extract/roles.rs`.)

/// Courtesy titles (lower case, no dot), with the gender they give: they
/// address a person and say nothing of a role, so "Mr Kessel" is the
/// surname "Kessel" and a man. One list for coreference (a title before a
/// name), cross-document resolution (stripped before names are compared)
/// and the gazetteer's [`Gazetteer::gender`].
pub const COURTESY_TITLES: &[(&str, Option<Gender>)] = &[
    ("mr", Some(Gender::Male)),
    ("mrs", Some(Gender::Female)),
    ("ms", Some(Gender::Female)),
    ("miss", Some(Gender::Female)),
    ("mx", None),
    ("madam", Some(Gender::Female)),
    ("mme", Some(Gender::Female)),
    ("sir", Some(Gender::Male)),
    ("dame", Some(Gender::Female)),
    ("lord", Some(Gender::Male)),
    ("lady", Some(Gender::Female)),
    ("dr", None),
];

/// Whether `word` (any case, one trailing dot allowed: "Mr.", "mrs") is one
/// of [`COURTESY_TITLES`], and the gender it gives if so.
pub fn courtesy_title(word: &str) -> Option<Option<Gender>> {
    let lower = word.to_lowercase();
    let key = lower.strip_suffix('.').unwrap_or(&lower);
    COURTESY_TITLES
        .iter()
        .find(|(w, _)| *w == key)
        .map(|(_, g)| *g)
}

/// Courtesy titles that also open the names of other things ("Miss World",
/// "Lady Vols", "Lord's", "Dame Street", "Madam Tussauds"): the name after
/// them need not be a person's.
const COURTESY_TITLES_OF_OTHER_NAMES: &[&str] = &["miss", "madam", "dame", "lord", "lady"];

/// Whether `word` (as [`courtesy_title`] reads it) is a courtesy title
/// that only ever stands before a person's name ("Mr", "Dr.", "Sir").
pub fn is_person_only_courtesy_title(word: &str) -> bool {
    let lower = word.to_lowercase();
    courtesy_title(word).is_some()
        && !COURTESY_TITLES_OF_OTHER_NAMES.contains(&lower.strip_suffix('.').unwrap_or(&lower))
}

/// Abbreviated ranks and styles written before a name (normalised: "Sen."
/// is "sen"). Like a courtesy title they are no part of the name ("Sen.
/// Kessel" is the surname "Kessel"); unlike one, they also name a role,
/// which the gazetteer's titles read ("sen." is a senator).
/// Each with the role it names written in full ("sen" is a senator), or
/// none for a style that names no role ("hon").
pub const RANK_ABBREVIATIONS: &[(&str, Option<&str>)] = &[
    ("prof", Some("professor")),
    ("rev", Some("reverend")),
    ("sen", Some("senator")),
    ("rep", Some("representative")),
    ("gov", Some("governor")),
    ("gen", Some("general")),
    ("col", Some("colonel")),
    ("capt", Some("captain")),
    ("lt", Some("lieutenant")),
    ("sgt", Some("sergeant")),
    ("adm", Some("admiral")),
    ("maj", Some("major")),
    ("hon", None),
];

/// Whether normalised `key` only addresses the person it precedes: a
/// courtesy title ([`COURTESY_TITLES`]) or an abbreviated rank
/// ([`RANK_ABBREVIATIONS`]).
pub fn is_form_of_address(key: &str) -> bool {
    courtesy_title(key).is_some() || RANK_ABBREVIATIONS.iter().any(|(a, _)| *a == key)
}

/// The role an abbreviated rank names, in full ("Sen." → "senator").
pub fn rank_in_full(abbreviation: &str) -> Option<&'static str> {
    let key = normalize(abbreviation);
    RANK_ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == key)
        .and_then(|(_, full)| *full)
}

/// Titles whose holder's gender is fixed: a pronoun later in the text
/// refers to a "spokeswoman" as "she". Lower case, as the role is read.
pub const GENDERED_TITLES: &[(&str, Gender)] = &[
    ("king", Gender::Male),
    ("prince", Gender::Male),
    ("spokesman", Gender::Male),
    ("chairman", Gender::Male),
    ("queen", Gender::Female),
    ("princess", Gender::Female),
    ("spokeswoman", Gender::Female),
    ("chairwoman", Gender::Female),
];

/// The gender lower-case role `title` fixes ([`GENDERED_TITLES`]), if any.
pub fn title_gender(title: &str) -> Option<Gender> {
    GENDERED_TITLES
        .iter()
        .find(|(t, _)| *t == title)
        .map(|(_, g)| *g)
}

/// Lower-case words that belong to a surname ("de Varga", "van der Berg"):
/// a lower-case word before a surname is stripped from a person's name
/// unless it is one of these.
pub const SURNAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "du", "del", "della", "der", "den", "des", "van", "von", "la", "le",
    "al", "el", "bin", "ibn", "ben", "ter", "ten", "dos", "das", "y", "zu",
];

/// Whether normalised `word` is one of [`SURNAME_PARTICLES`].
pub fn is_surname_particle(word: &str) -> bool {
    SURNAME_PARTICLES.contains(&word)
}

/// Words that make a place name of the place after them ("Northern
/// Quebec", "Lake Geneva"), not an organisation (lower case; "mt." and
/// "st." keep their dot).
const PLACE_MODIFIERS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "greater",
    "upper",
    "lower",
    "new",
    "old",
    "great",
    "little",
    "inner",
    "outer",
    "mid",
    "middle",
    "far",
    "near",
    "lake",
    "mount",
    "mt.",
    "port",
    "cape",
    "fort",
    "saint",
    "st.",
    "san",
    "santa",
    "gulf",
    "bay",
    "isle",
    "river",
    "downtown",
    "metro",
    "rural",
    "urban",
    "coastal",
    "northwest",
    "northeast",
    "southwest",
    "southeast",
    "french",
    "british",
];

/// Whether `word`, in any case, is one of [`PLACE_MODIFIERS`].
pub fn is_place_modifier(word: &str) -> bool {
    PLACE_MODIFIERS.contains(&word.to_lowercase().as_str())
}

/// Words that start many organisation names (normalised) and so are
/// nobody's short form: "Bank" after "Bank of Norland" and "First" after
/// "First Kessel Corp" name no company; after such a first word, news
/// shortens a name to its last word ("Union Ostrel Corp" ... "Ostrel").
pub const GENERIC_ORGANISATION_WORDS: &[&str] = &[
    "bank",
    "first",
    "general",
    "national",
    "international",
    "united",
    "new",
    "royal",
    "central",
    "federal",
    "state",
    "city",
    "county",
    "world",
    "global",
    "union",
    "american",
    "british",
    "european",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "great",
    "standard",
    "continental",
    "pacific",
    "atlantic",
    "house",
];

/// Whether normalised `word` is one of [`GENERIC_ORGANISATION_WORDS`].
pub fn is_generic_organisation_word(word: &str) -> bool {
    GENERIC_ORGANISATION_WORDS.contains(&word)
}

/// Head nouns of institutions' names (normalised): the last word of
/// "Norland Trade Commission" or "Vantor Stock Exchange" names a kind of
/// body, and "the Commission" alone is a description, not a short name.
pub const INSTITUTION_HEADS: &[&str] = &[
    "congress",
    "department",
    "ministry",
    "exchange",
    "commission",
    "committee",
    "council",
    "office",
    "agency",
    "party",
    "board",
    "association",
    "authority",
    "court",
    "parliament",
    "assembly",
    "senate",
    "house",
    "bureau",
    "service",
    "services",
    "administration",
    "government",
    "fund",
    "federation",
    "institute",
    "university",
    "college",
    "school",
    "club",
    "society",
    "foundation",
    "league",
    "church",
    "army",
    "navy",
    "police",
    "times",
    "post",
    "news",
    "community",
    "organization",
    "organisation",
    "center",
    "centre",
    "company",
    "corporation",
    "airways",
    "union",
    "market",
    "reserve",
    "treasury",
    "cabinet",
    "forces",
    "force",
    "network",
    "press",
    "journal",
    "review",
];

/// Whether normalised `word` is one of [`INSTITUTION_HEADS`].
pub fn is_institution_head(word: &str) -> bool {
    INSTITUTION_HEADS.contains(&word)
}

/// Words of a region's or an island's name ("Harlow Province", "Tansford
/// County"): such a word ends a place's name, it opens no person's.
pub const REGION_WORDS: &[&str] = &[
    "province",
    "county",
    "state",
    "city",
    "region",
    "district",
    "territory",
    "prefecture",
    "oblast",
    "borough",
    "parish",
    "department",
    "island",
    "islands",
];

/// Whether `word` (any case) is one of [`REGION_WORDS`].
pub fn is_region_word(word: &str) -> bool {
    REGION_WORDS.contains(&word.to_lowercase().as_str())
}

/// Second parts of words built on a place or people ("Lima-based",
/// "Peruvian-born", "UK-listed"): such a word says where something is
/// from, it names neither the place nor the thing.
pub const PLACE_COMPOUND_TAILS: &[&str] = &[
    "based",
    "born",
    "registered",
    "bound",
    "origin",
    "owned",
    "led",
    "made",
    "listed",
];

/// The last part of a hyphenated word, which heads it ("Secretary" of
/// "Under-Secretary", "President" of "Vice-President"); the word itself
/// without a hyphen.
pub fn after_last_hyphen(word: &str) -> &str {
    word.rsplit_once('-').map_or(word, |(_, last)| last)
}

/// Whether `word` is built on a place or people ("Lima-based"): a
/// hyphenated word ending in one of [`PLACE_COMPOUND_TAILS`].
pub fn is_place_compound(word: &str) -> bool {
    word.rsplit_once('-')
        .is_some_and(|(head, tail)| !head.is_empty() && PLACE_COMPOUND_TAILS.contains(&tail))
}

/// Prepositions after which a place name is used as a place ("in
/// Tollund"), not as the name of a body called after it.
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "from",
    "across",
    "throughout",
    "near",
    "into",
    "outside",
    "inside",
    "within",
    "around",
];

/// Whether lower-case `word` is one of [`PLACE_PREPOSITIONS`].
pub fn is_place_preposition(word: &str) -> bool {
    PLACE_PREPOSITIONS.contains(&word)
}

/// Nouns of owning part of a company (lower case): a name after "a stake
/// in" or "shares in" is a company's, even when it is also a place's.
pub const HOLDING_NOUNS: &[&str] = &[
    "stake",
    "stakes",
    "investment",
    "investments",
    "interest",
    "interests",
    "shares",
    "holding",
    "holdings",
    "position",
];

/// Whether lower-case `word` is one of [`HOLDING_NOUNS`].
pub fn is_holding_noun(word: &str) -> bool {
    HOLDING_NOUNS.contains(&word)
}

/// A country known by `name`: the gazetteer's place of subtype "Country"
/// ("Norway", "U.S."), else the fallback country table's. Not a city or a
/// region: rules written for "a country before a name" ("U.S. Customs and
/// Border Protection", "Norway's Mira Kessel") must not read every city or
/// state the gazetteer knows as one ("Tampa Bay ...", "Texas Instruments").
pub fn country(gazetteer: &Gazetteer, name: &str) -> Option<Known> {
    match gazetteer.lookup(name) {
        Some(e) if e.label == EntityLabel::Place && e.subtype.as_deref() == Some("Country") => {
            Some(Known {
                canonical: e.canonical.clone(),
                label: e.label,
                subtype: e.subtype.clone(),
            })
        }
        _ => place(&Gazetteer::default(), name),
    }
}

/// Whether normalised `word` does not count for initials ("of" in
/// "Department of Defense"): one of the stop words [`acronym_of`] skips.
pub fn is_initials_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

#[cfg(test)]
mod name_word_tests {
    use super::*;

    #[test]
    fn courtesy_titles_give_gender_and_take_a_dot() {
        assert_eq!(courtesy_title("Mr."), Some(Some(Gender::Male)));
        assert_eq!(courtesy_title("mrs"), Some(Some(Gender::Female)));
        assert_eq!(courtesy_title("Dr."), Some(None));
        assert_eq!(courtesy_title("Sen."), None);
        assert!(is_form_of_address("sen"));
        assert!(is_form_of_address("mr"));
        assert!(!is_form_of_address("kessel"));
    }

    #[test]
    fn word_lists_are_normalised() {
        for (abbreviation, _) in RANK_ABBREVIATIONS {
            assert_eq!(normalize(abbreviation), *abbreviation);
        }
        assert_eq!(rank_in_full("Sen."), Some("senator"));
        assert_eq!(rank_in_full("Hon."), None);
        for list in [
            SURNAME_PARTICLES,
            GENERIC_ORGANISATION_WORDS,
            INSTITUTION_HEADS,
            PLACE_PREPOSITIONS,
            HOLDING_NOUNS,
        ] {
            for w in list {
                assert_eq!(normalize(w), *w);
            }
        }
        for (w, _) in COURTESY_TITLES {
            assert_eq!(normalize(w), *w);
        }
    }
}

/// Legal forms that end company names (normalised: "Corp." is "corp"). They
/// say what kind of company it is, not which: "Vantor Corp" is "Vantor", and
/// IBM's initials leave out its "Corp".
pub const LEGAL_FORMS: &[&str] = &[
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "co",
    "ltd",
    "limited",
    "plc",
    "llc",
    "sa",
    "ag",
    "nv",
    "bv",
    "gmbh",
    "spa",
    "llp",
    "bhd",
    "oyj",
    "ab",
    "asa",
    "lp",
];

/// Legal forms as they are written after a company's name ("Halden and
/// Co", "Vantor GmbH"): the recognizer reads a name as a company's up to
/// one of them. Each is one of [`LEGAL_FORMS`] once normalised (a unit test
/// checks it).
pub const LEGAL_FORM_WORDS: &[&str] = &[
    "Co", "Co.", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "Plc", "PLC", "plc", "LLC", "LLP",
    "AG", "GmbH", "NV", "N.V.", "SpA", "S.p.A.", "SA", "S.A.", "BV", "B.V.", "Bhd", "Oyj", "AB",
    "ASA", "LP", "L.P.", "L.L.C.",
];

/// Words that end an organisation's name and only say what kind of body
/// it is (normalised): after "Vantor Holdings", news writes "Vantor".
pub const ORGANISATION_DESIGNATORS: &[&str] = &[
    "holdings",
    "holding",
    "group",
    "estates",
    "partners",
    "capital",
    "industries",
    "international",
    "enterprises",
    "ventures",
    "systems",
    "technologies",
    "resources",
    "investments",
    "properties",
    "brands",
    "communications",
    "bank",
    "airlines",
    "motors",
    "energy",
    "foods",
    "pharmaceuticals",
    "trust",
    "securities",
    "associates",
    "research",
];

/// Nouns that name a business without saying which ("the company said"):
/// a definite one stands for the document's one company, if it has exactly
/// one. Industry nouns ("the bank", "the airline") are left out: a story
/// about one company often names another only by its trade.
pub const FIRM_NOUNS: &[&str] = &["company", "firm", "corporation", "concern"];

/// Words before a title that change which role it is ("shadow transport
/// secretary" is not the transport secretary, "former president" no longer
/// is): kept in the role's name.
pub const ROLE_MODIFIERS: &[&str] = &[
    "former",
    "ex",
    "shadow",
    "deputy",
    "acting",
    "vice",
    "assistant",
    "junior",
    "interim",
    "outgoing",
    "incoming",
    "late",
];

/// Words that, before a role noun, name another office with it: a "chief
/// executive officer" or "managing director" is no plain officer or
/// director, so a relation keeps them ("chief executive officer of").
pub const OFFICE_MODIFIERS: &[&str] = &[
    "chief",
    "executive",
    "operating",
    "financial",
    "managing",
    "general",
    "senior",
    "principal",
    "technical",
];

/// Whether `word` is one of the [`OFFICE_MODIFIERS`], whatever its case.
pub fn is_office_modifier(word: &str) -> bool {
    OFFICE_MODIFIERS.contains(&word.to_lowercase().as_str())
}

/// Whether `word` is one of the [`ROLE_MODIFIERS`] ("Shadow", "vice",
/// "ex-"), whatever its case.
pub fn is_role_modifier(word: &str) -> bool {
    ROLE_MODIFIERS.contains(&word.to_lowercase().trim_end_matches('-'))
}

/// Offices of state ("Tory chancellor", "Republican senator", "Labour
/// minister"): after a party's name, the party is the holder's, not the
/// office's; a party's own offices ("Labour leader") and the opposition's
/// shadow posts ("Tory shadow home secretary") are the party's.
const OFFICES_OF_STATE: &[&str] = &[
    "chancellor",
    "minister",
    "secretary",
    "senator",
    "congressman",
    "congresswoman",
    "representative",
    "governor",
    "mayor",
    "premier",
    "ambassador",
    "judge",
];

/// Whether `role` is an office of state (its head, the last word, one of
/// [`OFFICES_OF_STATE`], and no shadow post).
pub fn is_office_of_state(role: &str) -> bool {
    let lower = role.to_lowercase();
    let head = lower.rsplit(' ').next().unwrap_or(&lower);
    OFFICES_OF_STATE.contains(&head) && !lower.split(' ').any(|w| w == "shadow")
}

/// Posts that exist only within a body (a firm's chairman, a bond issue's
/// lead manager): named without the body, they say nothing of whom.
const POSTS_WITHIN_A_BODY: &[&str] = &["chairman", "chairwoman", "chairperson", "manager"];

/// Whether `role` is a post within a body: its head one of
/// [`POSTS_WITHIN_A_BODY`], or a managing, executive or chief officer
/// ("managing director", "chief executive").
pub fn is_post_within_a_body(role: &str) -> bool {
    let lower = role.to_lowercase();
    let head = lower.rsplit(' ').next().unwrap_or(&lower);
    POSTS_WITHIN_A_BODY.contains(&head)
        || matches!(
            lower.as_str(),
            "managing director"
                | "executive director"
                | "chief executive"
                | "chief executive officer"
        )
}

/// Nouns of bodies that act and speak besides firms and institutions (a
/// story's "the group said", "the bank said", "the paper said"): with
/// [`FIRM_NOUNS`] and [`INSTITUTION_HEADS`], the things an "it" that says
/// something may be.
pub const SPEAKING_BODY_NOUNS: &[&str] =
    &["group", "bank", "unit", "subsidiary", "newspaper", "paper"];

/// Nouns of people whose job is to speak for an organisation: what "a
/// Vantor spokesman said" is Vantor's statement, by the job (news and
/// event coding read it so). Lemmas.
pub const SPOKESPERSON_NOUNS: &[&str] = &["spokesman", "spokeswoman", "spokesperson"];

/// Nouns of a work that news names right after them ("the film Harlow
/// Nights", "her hit single Tansford Walks", "the drama series Vantor
/// Diaries"): the name is the work's, a named thing, not a person or a
/// place. Nouns that are also common verbs ("show", "play", "book",
/// "track") count only after a determiner or a modifier
/// ([`WORK_NOUN_OPENERS`]), as all of them do.
pub const WORK_NOUNS: &[&str] = &[
    "film",
    "movie",
    "song",
    "single",
    "album",
    "show",
    "series",
    "sitcom",
    "soap",
    "drama",
    "novel",
    "book",
    "musical",
    "opera",
    "documentary",
    "programme",
    "program",
    "play",
    "comedy",
    "thriller",
    "track",
    "ballad",
    "anthem",
    "miniseries",
    "cartoon",
    "biopic",
    "memoir",
];

/// Words before a work noun that make it a noun ("the film", "a new
/// book", "her hit single", "Kessel's album").
pub const WORK_NOUN_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "my",
    "our",
    "your",
    "new",
    "hit",
    "latest",
    "debut",
    "first",
    "second",
    "third",
    "last",
    "next",
    "classic",
    "cult",
    "'s",
    "animated",
    "TV",
    "television",
    "radio",
    "comedy",
    "drama",
    "feature",
    "award-winning",
    "acclaimed",
    "forthcoming",
    "upcoming",
    "previous",
    "final",
    "chart-topping",
    "best-selling",
];

/// Words that name a storm with the given name after them ("Hurricane
/// Mitch", "Typhoon Haiyan"): the name is the storm's, not a person's.
/// ("Storm" alone is also a surname and a team's name.)
pub const STORM_WORDS: &[&str] = &["Hurricane", "Typhoon", "Cyclone"];

/// Whether the normalised name `key` is a business's: it ends in a legal
/// form ("Vantor Corp") or a designator of a business ("Kessel Holdings",
/// "Tollund Group").
pub fn is_business_key(key: &str) -> bool {
    key_words(key).last().is_some_and(|w| {
        LEGAL_FORMS.contains(w) || (ORGANISATION_DESIGNATORS.contains(w) && *w != "trust")
    })
}

/// `words` of a normalised key without the legal forms that end them; at
/// least one word stays ("Co" alone is a name).
pub fn without_legal_form<'w, 'a>(words: &'w [&'a str]) -> &'w [&'a str] {
    let mut n = words.len();
    while n > 1 && LEGAL_FORMS.contains(&words[n - 1]) {
        n -= 1;
    }
    &words[..n]
}

/// The comparison key of an organisation's name without its legal form
/// ("Vantor Corp." → "vantor").
pub fn organisation_key(name: &str) -> String {
    let key = normalize(name);
    without_legal_form(&key_words(&key)).join(" ")
}

/// Whether `name` looks like an acronym: one word, 2–6 letters once dots are
/// dropped, at least two capitals ("CBP", "DoD", "NYT", "U.N."), and not
/// the abbreviation of a common noun ([`COMMON_ABBREVIATIONS`]: "the DJ" is
/// a disc jockey, not the initials of a "Dow Jones" named elsewhere).
pub fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len())
        && letters.iter().all(|c| c.is_alphabetic())
        && letters.iter().filter(|c| c.is_uppercase()).count() >= 2
        && !COMMON_ABBREVIATIONS.contains(&letters.iter().collect::<String>().as_str())
}

/// Capitalised abbreviations of common nouns, mostly people by occupation
/// and everyday things: they name no organisation, so they are no one's
/// acronym.
pub const COMMON_ABBREVIATIONS: &[&str] = &[
    "DJ", "DJs", "MC", "MP", "MPs", "MEP", "MEPs", "MSP", "CEO", "CEOs", "CFO", "COO", "PM", "GP",
    "GPs", "VIP", "VIPs", "TV", "PR", "PC", "PCs", "CD", "CDs", "DVD", "DVDs", "DNA", "IQ", "HQ",
    "ID", "OK", "DIY", "UFO",
];

/// Whether `acronym` abbreviates `long`: its letters (lower-cased) equal the
/// initials of all words, of the content words, or of the content words after
/// a leading country name ("U.S. Customs and Border Protection" → "CBP").
pub fn acronym_of(gazetteer: &Gazetteer, acronym: &str, long: &str) -> bool {
    if !is_acronym(acronym) {
        return false;
    }
    let acr: String = acronym
        .chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    let key = normalize(long);
    let words = key_words(&key);
    if words.len() < 2 {
        return false;
    }
    // A word that is an acronym itself stands for all its letters: "BBC
    // Two" is no "BT", "GM Hughes" no "GH".
    let spelled: Vec<String> = long
        .split_whitespace()
        .filter(|w| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
        })
        .map(normalize)
        .collect();
    let initials = |ws: &[&str]| -> String {
        ws.iter()
            .map(|w| {
                if spelled.iter().any(|s| s == w) {
                    (*w).to_string()
                } else {
                    w.chars().next().map(String::from).unwrap_or_default()
                }
            })
            .collect()
    };
    // With its legal form ("Halden Electric Company", "HEC") or without
    // ("Vantor Banking Corporation", "VB").
    // (Without the form, a partnership's "and" goes with it: "Tollund,
    // Brandt and Co" is "TB".)
    let mut bare = without_legal_form(&words);
    while let [rest @ .., "and" | "&"] = bare {
        bare = rest;
    }
    for words in [&words[..], bare] {
        let content: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !STOP_WORDS.contains(w))
            .collect();
        if acr == initials(words) || acr == initials(&content) {
            return true;
        }
    }
    // Drop a leading country ("us customs and border protection").
    let long_words: Vec<&str> = long.split_whitespace().collect();
    if long_words.len() > 2 && place(gazetteer, long_words[0]).is_some() {
        let rest = long_words[1..].join(" ");
        return acronym_of(gazetteer, acronym, &rest);
    }
    false
}

/// Grammatical gender, from first names, titles and pronouns: the
/// gazetteer's type, so both tables speak the same language.
pub use crate::Gender;

/// Common given names with a strong gender reading in English-language news.
const MALE_NAMES: &[&str] = &[
    "aaron",
    "abdul",
    "adam",
    "ahmed",
    "alan",
    "albert",
    "alejandro",
    "alex",
    "alexander",
    "ali",
    "andrew",
    "andrés",
    "angus",
    "anthony",
    "antonio",
    "barack",
    "ben",
    "benjamin",
    "bernie",
    "bill",
    "bob",
    "boris",
    "brian",
    "carlos",
    "charles",
    "chris",
    "christopher",
    "dan",
    "daniel",
    "david",
    "dmitry",
    "donald",
    "douglas",
    "edward",
    "emmanuel",
    "enrique",
    "eric",
    "felipe",
    "francis",
    "frank",
    "fernando",
    "gavin",
    "george",
    "gerald",
    "greg",
    "gustavo",
    "harry",
    "henry",
    "hugo",
    "ian",
    "jack",
    "jacob",
    "jair",
    "james",
    "jared",
    "javier",
    "jean",
    "jeff",
    "jeffrey",
    "jim",
    "joe",
    "john",
    "jorge",
    "josé",
    "jose",
    "joseph",
    "juan",
    "justin",
    "keir",
    "kevin",
    "kim",
    "lloyd",
    "luis",
    "luiz",
    "marco",
    "marcelo",
    "mark",
    "martin",
    "matthew",
    "michael",
    "miguel",
    "mike",
    "mohammed",
    "muhammad",
    "narendra",
    "nicolás",
    "nicolas",
    "olaf",
    "omar",
    "pablo",
    "patrick",
    "paul",
    "pedro",
    "pete",
    "peter",
    "rafael",
    "ricardo",
    "richard",
    "rishi",
    "robert",
    "rodrigo",
    "ron",
    "ronald",
    "sam",
    "samuel",
    "scott",
    "sergei",
    "stephen",
    "steve",
    "steven",
    "ted",
    "thomas",
    "tim",
    "tom",
    "tony",
    "vladimir",
    "volodymyr",
    "william",
    "xi",
    "yair",
];

/// Common given names with a strong female reading in English-language news.
const FEMALE_NAMES: &[&str] = &[
    "alexandria",
    "alicia",
    "amy",
    "ana",
    "angela",
    "ann",
    "anna",
    "anne",
    "barbara",
    "beatriz",
    "catherine",
    "christine",
    "claudia",
    "dilma",
    "elizabeth",
    "elena",
    "emily",
    "emma",
    "gabriela",
    "giorgia",
    "hillary",
    "isabel",
    "jacinda",
    "jane",
    "janet",
    "jennifer",
    "jessica",
    "jill",
    "julia",
    "kamala",
    "karen",
    "karine",
    "kate",
    "katherine",
    "kristi",
    "laura",
    "linda",
    "liz",
    "lucía",
    "lucia",
    "margaret",
    "maria",
    "maría",
    "marine",
    "mary",
    "melania",
    "michelle",
    "nancy",
    "natalia",
    "nikki",
    "olga",
    "pam",
    "patricia",
    "rachel",
    "rosa",
    "sandra",
    "sarah",
    "sofia",
    "susan",
    "tulsi",
    "theresa",
    "ursula",
    "victoria",
    "xiomara",
];

/// The gender a given name suggests: the table here, else the gazetteer's.
pub fn first_name_gender(gazetteer: &Gazetteer, word: &str) -> Option<Gender> {
    let w = word.to_lowercase();
    if MALE_NAMES.contains(&w.as_str()) {
        Some(Gender::Male)
    } else if FEMALE_NAMES.contains(&w.as_str()) {
        Some(Gender::Female)
    } else {
        gazetteer.gender(word)
    }
}

/// What a name is known to refer to: its canonical name and type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    /// The canonical name ("United States").
    pub canonical: String,
    /// Coarse type.
    pub label: EntityLabel,
    /// Finer type ("Country").
    pub subtype: Option<String>,
}

/// A country: canonical name, other names, demonyms, capital.
struct Country {
    name: &'static str,
    aliases: &'static [&'static str],
    demonyms: &'static [&'static str],
    capital: &'static str,
}

/// Fallback country table (the gazetteer is asked first).
const COUNTRIES: &[Country] = &[
    Country {
        name: "United States",
        aliases: &[
            "U.S.",
            "US",
            "USA",
            "U.S.A.",
            "America",
            "United States of America",
            "the United States",
            "the US",
            "the U.S.",
        ],
        demonyms: &["American"],
        capital: "Washington",
    },
    Country {
        name: "United Kingdom",
        aliases: &[
            "UK",
            "U.K.",
            "Britain",
            "Great Britain",
            "the United Kingdom",
            "the UK",
        ],
        demonyms: &["British"],
        capital: "London",
    },
    Country {
        name: "Mexico",
        aliases: &["United Mexican States"],
        demonyms: &["Mexican"],
        capital: "Mexico City",
    },
    Country {
        name: "Canada",
        aliases: &[],
        demonyms: &["Canadian"],
        capital: "Ottawa",
    },
    Country {
        name: "China",
        aliases: &["People's Republic of China", "PRC"],
        demonyms: &["Chinese"],
        capital: "Beijing",
    },
    Country {
        name: "Russia",
        aliases: &["Russian Federation"],
        demonyms: &["Russian"],
        capital: "Moscow",
    },
    Country {
        name: "France",
        aliases: &[],
        demonyms: &["French"],
        capital: "Paris",
    },
    Country {
        name: "Germany",
        aliases: &[],
        demonyms: &["German"],
        capital: "Berlin",
    },
    Country {
        name: "Japan",
        aliases: &[],
        demonyms: &["Japanese"],
        capital: "Tokyo",
    },
    Country {
        name: "India",
        aliases: &[],
        demonyms: &["Indian"],
        capital: "New Delhi",
    },
    Country {
        name: "Brazil",
        aliases: &[],
        demonyms: &["Brazilian"],
        capital: "Brasília",
    },
    Country {
        name: "Italy",
        aliases: &[],
        demonyms: &["Italian"],
        capital: "Rome",
    },
    Country {
        name: "Spain",
        aliases: &[],
        demonyms: &["Spanish"],
        capital: "Madrid",
    },
    Country {
        name: "Ukraine",
        aliases: &[],
        demonyms: &["Ukrainian"],
        capital: "Kyiv",
    },
    Country {
        name: "Israel",
        aliases: &[],
        demonyms: &["Israeli"],
        capital: "Jerusalem",
    },
    Country {
        name: "Iran",
        aliases: &[],
        demonyms: &["Iranian"],
        capital: "Tehran",
    },
    Country {
        name: "Colombia",
        aliases: &[],
        demonyms: &["Colombian"],
        capital: "Bogotá",
    },
    Country {
        name: "Venezuela",
        aliases: &[],
        demonyms: &["Venezuelan"],
        capital: "Caracas",
    },
    Country {
        name: "Cuba",
        aliases: &[],
        demonyms: &["Cuban"],
        capital: "Havana",
    },
    Country {
        name: "Guatemala",
        aliases: &[],
        demonyms: &["Guatemalan"],
        capital: "Guatemala City",
    },
    Country {
        name: "Honduras",
        aliases: &[],
        demonyms: &["Honduran"],
        capital: "Tegucigalpa",
    },
    Country {
        name: "El Salvador",
        aliases: &[],
        demonyms: &["Salvadoran"],
        capital: "San Salvador",
    },
    Country {
        name: "Argentina",
        aliases: &[],
        demonyms: &["Argentine", "Argentinian"],
        capital: "Buenos Aires",
    },
    Country {
        name: "Australia",
        aliases: &[],
        demonyms: &["Australian"],
        capital: "Canberra",
    },
    Country {
        name: "South Korea",
        aliases: &["Republic of Korea"],
        demonyms: &["South Korean"],
        capital: "Seoul",
    },
    Country {
        name: "North Korea",
        aliases: &["DPRK"],
        demonyms: &["North Korean"],
        capital: "Pyongyang",
    },
    Country {
        name: "Turkey",
        aliases: &["Türkiye"],
        demonyms: &["Turkish"],
        capital: "Ankara",
    },
    Country {
        name: "Egypt",
        aliases: &[],
        demonyms: &["Egyptian"],
        capital: "Cairo",
    },
    Country {
        name: "Saudi Arabia",
        aliases: &[],
        demonyms: &["Saudi"],
        capital: "Riyadh",
    },
    Country {
        name: "Pakistan",
        aliases: &[],
        demonyms: &["Pakistani"],
        capital: "Islamabad",
    },
    Country {
        name: "South Africa",
        aliases: &[],
        demonyms: &["South African"],
        capital: "Pretoria",
    },
    Country {
        name: "Poland",
        aliases: &[],
        demonyms: &["Polish"],
        capital: "Warsaw",
    },
];

fn country_known(c: &Country) -> Known {
    Known {
        canonical: c.name.to_string(),
        label: EntityLabel::Place,
        subtype: Some("Country".to_string()),
    }
}

/// A place (country, city, region) known by this name: the gazetteer's entry,
/// else the fallback country table. Matching is exact up to dots, case and a
/// leading "the" ("US" = "U.S." = "the United States"), but "us" in lower
/// case is not a country.
pub fn place(gazetteer: &Gazetteer, name: &str) -> Option<Known> {
    if let Some(e) = gazetteer.lookup(name) {
        if e.label == EntityLabel::Place {
            return Some(Known {
                canonical: e.canonical.clone(),
                label: e.label,
                subtype: e.subtype.clone(),
            });
        }
    }
    if !name.chars().next().is_some_and(char::is_uppercase) && !name.starts_with("the ") {
        return None;
    }
    // "Canada's" is a possessive, not a name; "France," is not a name either.
    if name.ends_with("'s") || name.ends_with("’s") || name.contains([',', ';', ':', '(', ')', '"'])
    {
        return None;
    }
    country_by_key(&normalize(name)).map(country_known)
}

/// The fallback table's country for a normalised name, through a map built
/// once (this runs for every capitalised token of every document).
fn country_by_key(key: &str) -> Option<&'static Country> {
    static BY_KEY: std::sync::OnceLock<HashMap<String, usize>> = std::sync::OnceLock::new();
    let map = BY_KEY.get_or_init(|| {
        let mut map = HashMap::new();
        for (i, c) in COUNTRIES.iter().enumerate() {
            for name in std::iter::once(&c.name).chain(c.aliases) {
                map.entry(normalize(name)).or_insert(i);
            }
        }
        map
    });
    map.get(key).map(|&i| &COUNTRIES[i])
}

/// Any known name: the gazetteer's entry (of any type), else a place.
pub fn known(gazetteer: &Gazetteer, name: &str) -> Option<Known> {
    match gazetteer.lookup(name) {
        Some(e) => Some(Known {
            canonical: e.canonical.clone(),
            label: e.label,
            subtype: e.subtype.clone(),
        }),
        None => place(gazetteer, name),
    }
}

/// The country a demonym names ("Mexican" → Mexico); capitalised words only.
pub fn demonym(gazetteer: &Gazetteer, word: &str) -> Option<Known> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if let Some(e) = gazetteer.demonym(word) {
        return Some(Known {
            canonical: e.canonical.clone(),
            label: e.label,
            subtype: e.subtype.clone(),
        });
    }
    COUNTRIES
        .iter()
        .find(|c| c.demonyms.contains(&word))
        .map(country_known)
}

/// The country whose capital is `name`, for metonyms ("Washington" as the
/// U.S. government).
pub fn capital_of(name: &str) -> Option<Known> {
    COUNTRIES
        .iter()
        .find(|c| c.capital == name)
        .map(country_known)
}

/// Whether `name` names country `canonical` by the country's own name or
/// one of its short forms ("Norway", "U.S.", "Britain"), not by a city the
/// gazetteer files under it ("Madrid" under Spain: news uses a capital for
/// its government, and a city for its clubs and firms).
pub fn names_country_itself(name: &str, canonical: &str) -> bool {
    let key = normalize(name);
    key == normalize(canonical)
        || country_by_key(&key).is_some_and(|c| normalize(c.name) == normalize(canonical))
}

/// Whether `a` and `b` may be one entity: a Person never with a Place;
/// Misc goes with anything but a Place; otherwise the types must agree.
pub fn types_agree(a: EntityLabel, b: EntityLabel) -> bool {
    use EntityLabel::*;
    match (a, b) {
        _ if a == b => true,
        (Misc, Place) | (Place, Misc) => false,
        (Misc, _) | (_, Misc) => true,
        _ => false,
    }
}

/// "Sheinbaum" or "Claudia Sheinbaum" is a variant of "Claudia Sheinbaum";
/// "Donald Trump" of "Donald J. Trump". Same last word; every other word of
/// the shorter name matches a word (or an initial) of the longer, in order.
/// A whole word may pass over words of the longer name ("Ana Ruiz Gil" of
/// "Ana Maria Ruiz Gil"), an initial may not: it stands for the very next
/// name, so "Jan K. Brandt" is not "Jan Peter Karl Brandt", whose middle
/// initials are P. K.
pub fn person_variant(short: &[&str], long: &[&str]) -> bool {
    if short.is_empty() || long.is_empty() || short.len() > long.len() {
        return short == long;
    }
    if short.last() != long.last() {
        return false;
    }
    let mut j = 0;
    for w in &short[..short.len() - 1] {
        let rest = &long[j..long.len() - 1];
        let found = if w.chars().count() == 1 {
            rest.first()
                .is_some_and(|l| l == w || initial_of(w, l))
                .then_some(0)
        } else {
            rest.iter().position(|l| l == w)
        };
        let Some(found) = found else {
            return false;
        };
        j += found + 1;
    }
    true
}

/// Whether `w` is a one-letter initial of `l` ("d" of "donald").
fn initial_of(w: &str, l: &str) -> bool {
    w.chars().count() == 1 && l.starts_with(w)
}

#[cfg(test)]
#[allow(clippy::expect_used)] // a failed expectation is a failed test
mod tests {
    use super::*;

    #[test]
    fn an_initial_stands_for_the_next_name() {
        let v = |a: &str, b: &str| {
            person_variant(
                &a.split(' ').collect::<Vec<_>>(),
                &b.split(' ').collect::<Vec<_>>(),
            )
        };
        assert!(v("jan k brandt", "jan karl brandt"));
        assert!(v("jan brandt", "jan peter karl brandt"));
        assert!(v("jan p k brandt", "jan peter karl brandt"));
        assert!(v("karl brandt", "jan karl brandt"));
        // K. passes over Peter: the middle initials of the long name are P. K.
        assert!(!v("jan k brandt", "jan peter karl brandt"));
        assert!(!v("jan p brandt", "jan karl brandt"));
    }

    #[test]
    fn normalizes() {
        assert_eq!(normalize("The U.S.'s"), "us");
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(normalize("The New York Times"), "new york times");
        assert_eq!(normalize("US-Mexico"), "us mexico");
        assert_eq!(normalize("Reyes"), "reyes");
    }

    #[test]
    fn every_written_legal_form_is_a_legal_form() {
        for word in LEGAL_FORM_WORDS {
            let key: String = word
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase();
            assert!(LEGAL_FORMS.contains(&key.as_str()), "{word}");
        }
        for word in ["monday", "sunday", "january", "december", "week"] {
            assert!(is_time_noun(word), "{word}");
        }
        assert!(!is_time_noun("may") && is_month("may") && is_month("Sept."));
    }

    #[test]
    fn legal_forms_are_not_the_name() {
        assert_eq!(organisation_key("Vantor Corp."), "vantor");
        assert_eq!(organisation_key("Kessel Paper Co"), "kessel paper");
        assert_eq!(organisation_key("Alpha Holdings Inc Ltd"), "alpha holdings");
        assert_eq!(organisation_key("Co"), "co");
    }

    #[test]
    fn a_hyphenated_word_is_headed_by_its_last_part() {
        assert_eq!(after_last_hyphen("under-secretary"), "secretary");
        assert_eq!(after_last_hyphen("deputy-prime-minister"), "minister");
        assert_eq!(after_last_hyphen("minister"), "minister");
    }

    #[test]
    fn acronyms() {
        let g = Gazetteer::default();
        assert!(acronym_of(&g, "CBP", "U.S. Customs and Border Protection"));
        assert!(acronym_of(&g, "CBP", "Customs and Border Protection"));
        assert!(acronym_of(&g, "DoD", "Department of Defense"));
        assert!(acronym_of(&g, "NYT", "The New York Times"));
        assert!(!acronym_of(&g, "CBP", "Border Protection"));
        // The legal form in or out of the initials.
        assert!(acronym_of(&g, "NKBC", "Nordic Kessel Bank Corporation"));
        assert!(acronym_of(&g, "NKB", "Nordic Kessel Bank Corporation"));
        assert!(!acronym_of(&g, "Trump", "The Rump"));
        // An acronym inside the long name stands for all its letters.
        assert!(!acronym_of(&g, "BT", "BBC Two"));
        assert!(acronym_of(&g, "BBCT", "BBC Two"));
        // A partnership's "and" goes with its form.
        assert!(acronym_of(&g, "TB", "Tollund, Brandt and Co"));
        assert!(!acronym_of(&g, "TBA", "Tollund, Brandt and Co"));
        // A common noun's abbreviation abbreviates no name.
        assert!(acronym_of(&g, "DVJ", "Dow Vantor Jones"));
        assert!(!acronym_of(&g, "DJ", "Dow Jones"));
        assert!(!acronym_of(&g, "D.J.", "Dow Jones"));
        assert!(!is_acronym("Sheinbaum"));
    }

    #[test]
    fn places_and_demonyms() {
        let g = Gazetteer::default();
        for n in [
            "U.S.",
            "US",
            "United States",
            "America",
            "the United States",
            "USA",
        ] {
            assert_eq!(
                place(&g, n).map(|k| k.canonical),
                Some("United States".to_string()),
                "{n}"
            );
        }
        assert_eq!(place(&g, "us"), None);
        assert_eq!(
            demonym(&g, "Mexican").map(|k| k.canonical),
            Some("Mexico".to_string())
        );
        assert_eq!(
            capital_of("Washington").map(|k| k.canonical),
            Some("United States".to_string())
        );
        assert_eq!(first_name_gender(&g, "Claudia"), Some(Gender::Female));
        assert_eq!(first_name_gender(&g, "Ronald"), Some(Gender::Male));
    }
}
