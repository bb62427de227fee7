//! Names of every culture and shape (issue 10): the words the recognizer
//! reads, and the rules that keep such names whole and typed.
//!
//! - A name written with hyphens is one word ("Park Ji-hoon", "James
//!   Parry-Okafor", "7-Eleven", "Abdullah al-Rashid"), although the
//!   tokenizer splits hyphens as UD English does.
//! - Web and digit names are organisations ("Medium.com", "9gag"); a lone
//!   weekday or month is no name; a given name keeps the particles and the
//!   surname after it ("Omar bin Khalid") and a surname that is also a
//!   common word ("Emily So").
//! - Organisations made of common words are found by their context: "the
//!   X said", "a spokesman for X", a common noun before a place ("Transport
//!   Quebec said"), an acronym in brackets after its name.
//! - Under the graph conventions, only named things stay MISC.
//!
//! Why: these shapes are rare in the training data (web text and
//! encyclopaedias), common in news, and each rule is general English.

use std::ops::Range;

use super::names::{covered, is_capitalised, is_romanised_given_name, span_at};
use super::news::{org_cue, OrgCue};
use super::{Found, Recognizer};
use crate::names::{
    is_month, is_place_modifier, is_weekday, LEGAL_FORM_WORDS, STORM_WORDS, WORK_NOUNS,
    WORK_NOUN_OPENERS,
};
use crate::{EntityLabel, Token};

/// Particles inside names, before a surname or a family name.
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "ben", "abu", "van", "von", "de", "da", "di", "del", "della",
    "dos", "das", "du", "der", "den", "la", "le", "ter", "ten", "zu", "af",
];

/// Particles that may be written joined to the name by a hyphen ("al-Rashid").
const HYPHEN_PARTICLES: &[&str] = &[
    "al", "el", "ad", "as", "ash", "at", "az", "bin", "ibn", "abu", "ben", "ul", "ud",
];

/// First parts of compound adjectives, not of names ("Anglo-French").
const COMBINING_FORMS: &[&str] = &[
    "anglo", "franco", "sino", "indo", "afro", "euro", "greco", "austro", "russo", "italo",
    "judeo", "irano", "turco", "hispano", "luso", "nippo", "pan", "trans", "pro", "anti", "ex",
    "non", "post", "pre", "mid", "neo", "vice",
];

/// Verbs of saying and deciding that put an organisation before them in
/// news ("the Harbour Trust said").
const SAYING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "reported",
    "reports",
    "stated",
    "states",
    "confirmed",
    "confirms",
    "added",
    "warned",
    "warns",
    "argued",
    "argues",
    "claimed",
    "claims",
    "denied",
    "denies",
    "insisted",
    "insists",
    "urged",
    "urges",
    "told",
    "noted",
    "explained",
    "declared",
    "declined",
    "refused",
    "agreed",
    "decided",
    "voted",
    "estimated",
    "predicted",
    "acknowledged",
    "admitted",
    "welcomed",
    "criticised",
    "criticized",
    "rejected",
    "ruled",
];

/// Auxiliaries between a name and its verb of saying ("the X have ruled").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "is", "was", "are", "were", "did", "does", "do", "can",
    "could", "may", "might", "must", "should", "also", "later",
];

/// Institutions named by one capitalised word ("in Parliament", "the Senate").
const INSTITUTIONS: &[&str] = &[
    "Parliament",
    "Congress",
    "Senate",
    "Commons",
    "Bundestag",
    "Bundesrat",
    "Knesset",
    "Duma",
    "Politburo",
    "Kremlin",
    "Pentagon",
    "Storting",
    "Riksdag",
    "Folketing",
    "Sejm",
    "Majlis",
    "Oireachtas",
    "Dail",
    "Seanad",
    "Stormont",
    "Holyrood",
    "Eurogroup",
    "Interpol",
    "Europol",
];

/// Words for a member of a party after a place or an institution ("Ohio
/// Republican", "Senate Democrat"): the name before is the place or body.
const PARTY_MEMBERS: &[&str] = &[
    "Republican",
    "Democrat",
    "Democratic",
    "Conservative",
    "Tory",
    "Labour",
];

/// Last words that make a capitalised run an organisation's name ("Harbour
/// Freight Weekly", "Lantern Trustees", "Corvin Investments").
const ORG_ENDINGS: &[&str] = &[
    "Weekly",
    "Monthly",
    "Quarterly",
    "Trust",
    "Trustees",
    "Investments",
    "Securities",
    "Ventures",
    "Brands",
    "Records",
    "Studios",
    "Pictures",
    "Entertainment",
    "Estates",
    "Estate",
    "Wines",
    "Breweries",
    "Brewery",
    "Foods",
    "Pharmaceuticals",
    "Laboratories",
    "Labs",
    "Resources",
    "Telecom",
    "Communications",
    "Insurance",
    "Bancorp",
    "Management",
    "Consulting",
    "Associates",
    "Solutions",
    "Software",
    "Electronics",
    "Instruments",
    "Chemicals",
    "Logistics",
    "Shipping",
    "Hotels",
    "Airline",
    "Railways",
    "Railway",
    "Petroleum",
    "Brothers",
    "International",
    "Airlines",
    "Airways",
];

/// Nouns for people who speak or work for an organisation ("a spokesman for X").
const MEMBER_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "spokesmen",
    "representative",
    "representatives",
    "member",
    "members",
    "chairman",
    "chairwoman",
    "director",
    "founder",
    "employee",
    "employees",
    "official",
    "officials",
    "executive",
    "executives",
    "head",
    "officer",
    "officers",
    "manager",
    "managers",
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "trader",
    "traders",
];

/// Units and suffixes after figures ("10mph", "1990s", "3rd"): not names.
const UNITS: &[&str] = &[
    "mph", "kph", "kmh", "kwh", "ghz", "mhz", "yrs", "hrs", "min", "mins", "sec", "secs", "lbs",
    "yds", "bhp", "rpm", "bpd", "pts", "kms", "mpg", "gal", "mah", "amp", "ths", "day", "days",
    "year", "years", "bn", "mln", "pct",
];

/// Top-level domains of site names ("Medium.com", "bbc.co.uk").
const DOMAINS: &[&str] = &[
    "com", "org", "net", "io", "co", "uk", "tv", "info", "biz", "ai", "app", "news", "me", "fm",
];

/// Whether the word at `k` opens a firm named by two names joined by a
/// slash ("Kessel/Lind Bankers"): a word on its own, not the last word of a
/// longer name ("Monetary Fund/World Bank" is two bodies).
fn opens_slash_pair(tokens: &[Token], k: usize) -> bool {
    k == 0
        || !tokens[k - 1]
            .form
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

impl Recognizer {
    /// The words the recognizer reads in a sentence, and the tokens each
    /// stands for: a name whose parts touch a hyphen ("Ji-hoon",
    /// "Parry-Okafor", "7-Eleven", "al-Rashid") or a slash (a firm of two
    /// names, "Kessel/Lind Bankers") is one word, borrowed
    /// from `text`, as in news-style tokenization (CoNLL-2003 keeps such
    /// words whole). Not joined: a compound on a common word ("York-based",
    /// "Spanish-speaking"), places and peoples ("US-Mexico",
    /// "Israeli-Palestinian"), combining forms ("Anglo-French"), titles
    /// ("Vice-President"), months, and figures on both sides.
    pub(super) fn name_words<'t>(
        &self,
        text: &'t str,
        tokens: &'t [Token],
    ) -> (Vec<&'t str>, Vec<Range<usize>>) {
        let mut words = Vec::with_capacity(tokens.len());
        let mut map: Vec<Range<usize>> = Vec::with_capacity(tokens.len());
        let mut k = 0;
        while k < tokens.len() {
            let start = k;
            while k + 2 < tokens.len()
                && (matches!(tokens[k + 1].form.as_str(), "-" | "\u{2010}")
                    || tokens[k + 1].form == "/" && opens_slash_pair(tokens, k))
                && tokens[k].span.end == tokens[k + 1].span.start
                && tokens[k + 1].span.end == tokens[k + 2].span.start
                && (self.joins_name(&tokens[k].form, &tokens[k + 2].form)
                    || company_before_legal_form(tokens, k))
            {
                k += 2;
            }
            let span = tokens[start].span.join(tokens[k].span);
            words.push(text.get(span.start..span.end).unwrap_or(&tokens[k].form));
            map.push(start..k + 1);
            k += 1;
        }
        (words, map)
    }

    /// Whether `left-right` is one name (see [`Recognizer::name_words`]).
    /// (Words that name places apart, "Owens-Illinois", are one company's
    /// name before its legal form: [`company_before_legal_form`].)
    fn joins_name(&self, left: &str, right: &str) -> bool {
        let wordlike = |w: &str| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_alphanumeric() || c == '\'' || c == '’')
        };
        if !wordlike(left) || !wordlike(right) {
            return false;
        }
        let first = |w: &str| w.chars().next().unwrap_or(' ');
        let digits = |w: &str| w.chars().all(|c| c.is_ascii_digit());
        let (l, r) = (first(left), first(right));
        if HYPHEN_PARTICLES.contains(&left) {
            return r.is_uppercase();
        }
        // A capital letter opens a company's name ("X-Vantor", "K-Lind"); not
        // a party's letter before a state ("D-Tex", "R-Ohio").
        if left.len() == 1 && l.is_ascii_uppercase() && !matches!(left, "D" | "R" | "I") {
            return r.is_uppercase()
                && right.chars().count() >= 3
                && right.chars().all(char::is_alphabetic)
                && !self.is_place_like(right);
        }
        // A title word after a name is the second half of a double-barrelled
        // surname ("Hale-King", "Lind-Bishop"); a title before one is an
        // office ("Deputy-Governor"), and "Vice-", "Ex-" combine.
        let right_apart = if r.is_uppercase() && self.gazetteer.is_title(&right.to_lowercase()) {
            self.names_place_people_or_date(right)
        } else {
            self.is_place_like(right)
        };
        if self.is_place_like(left) {
            return false;
        }
        // A romanised given name ("Ji-hoon", "Seo-jun", "Jae-in"): its
        // second syllable may also spell an English word or a month.
        if is_romanised_given_name(&format!("{left}-{right}"), |w| self.is_common_word(w)) {
            return true;
        }
        if right_apart {
            return false;
        }
        if r.is_lowercase() {
            // Another name written so ("Jean-luc"), but not "York-based".
            return l.is_uppercase()
                && right.chars().count() >= 2
                && !self.is_common_word(right)
                && !right.chars().any(|c| c.is_ascii_digit());
        }
        (l.is_uppercase() || l.is_ascii_digit())
            && (r.is_uppercase() || r.is_ascii_digit())
            && !(digits(left) && digits(right))
    }

    /// Where a company's name found from `start` in sentence `s` really
    /// starts: two words earlier when a possessive opens it ("Varga's
    /// Rating Service Inc"). That is when the possessive's word is one
    /// word, no organisation word and no known name (not "Japan's Vantor
    /// Corp", "Finance Ministry's"), ends no person's full name
    /// ("Ana Ruiz's Kessel Inc"), is no sentence-opening function word, and
    /// is never written without its "'s" in the story (a possessor,
    /// "Tollund's Kessel Coal Co", is named on its own elsewhere).
    pub(super) fn possessive_opening(
        &self,
        doc: &[Vec<&str>],
        found: &[Found],
        s: usize,
        start: usize,
    ) -> usize {
        let words = &doc[s];
        let possessive = |w: &str| matches!(w, "'s" | "’s");
        if start < 2 || !possessive(words[start - 1]) {
            return start;
        }
        let owner = words[start - 2];
        let full_person = found.iter().any(|f| {
            f.sentence == s
                && f.label == EntityLabel::Person
                && f.end == start - 1
                && f.end - f.start >= 2
        });
        // Read last: it scans the whole story.
        let always_possessive = || {
            doc.iter().all(|ws| {
                ws.iter()
                    .enumerate()
                    .all(|(i, w)| *w != owner || ws.get(i + 1).is_some_and(|n| possessive(n)))
            })
        };
        // One word: "South Korea's", "Finance Ministry's" end longer names.
        let one_word = start == 2
            || !is_capitalised(words[start - 3])
            || opens_with_function_word(words, start - 3);
        if is_capitalised(owner)
            && one_word
            // "January's", "Monday's": a time owns nothing a name is made of.
            && !crate::names::is_time_noun(&owner.to_lowercase())
            && !self.gazetteer.is_org_word(owner)
            && !LEGAL_FORM_WORDS.contains(&owner)
            && !full_person
            && !opens_with_function_word(words, start - 2)
            && self.gazetteer.lookup(owner).is_none()
            && self.gazetteer.demonym(owner).is_none()
            && always_possessive()
        {
            start - 2
        } else {
            start
        }
    }

    /// Whether a part of a hyphenated word names a place, a people, a title
    /// or a date, or is a combining form: such compounds are not one name.
    fn is_place_like(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let short_acronym = word.len() <= 3 && word.chars().all(|c| c.is_ascii_uppercase());
        short_acronym
            || COMBINING_FORMS.contains(&lower.as_str())
            || self.gazetteer.is_title(&lower)
            || self.names_place_people_or_date(word)
    }

    /// Whether `word` is a month, a weekday, a people or a known place.
    fn names_place_people_or_date(&self, word: &str) -> bool {
        is_month(word)
            || is_weekday(word)
            || self.gazetteer.demonym(word).is_some()
            || self
                .gazetteer
                .lookup(word)
                .is_some_and(|e| e.label == EntityLabel::Place)
    }

    /// Step 2a': an organisation or MISC span holding a lower-case word that
    /// no name holds inside ("Acme and Co analyst John Smith") is cut there;
    /// small words of names and titles stay ("Bank of Spain", "Gone with the
    /// Wind"). A piece that opens with a given name and has a surname is a
    /// person.
    pub(super) fn split_wide_spans(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        const INSIDE: &[&str] = &[
            "of", "and", "for", "the", "de", "du", "del", "des", "la", "le", "&", "on", "in",
            "with", "a", "an", "to", "at", "by", "from", "upon", "y", "da", "di", "van", "von",
            "der", "et", "or", "is", "not",
        ];
        let mut out = Vec::with_capacity(found.len());
        for f in found.drain(..) {
            if !matches!(f.label, EntityLabel::Organization | EntityLabel::Misc) {
                out.push(f);
                continue;
            }
            let words = &doc[f.sentence];
            let breaks = |k: usize| {
                words[k].chars().next().is_some_and(char::is_lowercase)
                    && words[k].chars().all(char::is_alphabetic)
                    && !INSIDE.contains(&words[k])
                    && !PARTICLES.contains(&words[k])
                    && !HYPHEN_PARTICLES.contains(&words[k])
            };
            if !(f.start..f.end).any(breaks) {
                out.push(f);
                continue;
            }
            let mut start = f.start;
            for k in f.start..=f.end {
                if k == f.end || breaks(k) {
                    // Trim small words at the edges of the piece.
                    let (mut a, mut b) = (start, k);
                    while a < b && INSIDE.contains(&words[a]) {
                        a += 1;
                    }
                    while b > a && INSIDE.contains(&words[b - 1]) {
                        b -= 1;
                    }
                    if a < b {
                        let person = b - a >= 2
                            && self.gazetteer.is_given_name(words[a])
                            && words[a..b].iter().all(|w| is_capitalised(w));
                        out.push(Found {
                            start: a,
                            end: b,
                            label: if person { EntityLabel::Person } else { f.label },
                            ..f.clone()
                        });
                    }
                    start = k + 1;
                }
            }
        }
        *found = out;
    }

    /// Step 2a'': a title is no part of a name. A span that holds the end
    /// of a title ("Secretary of [State Ann Ruiz]", "[Governor of Ohio Ann
    /// Ruiz]") starts after it, and is a person when a given name opens
    /// what is left; a known place before a given name is a place of its own
    /// ("[Ohio Ann Ruiz]" → "Ohio", "Ann Ruiz").
    pub(super) fn strip_titles(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let g = &self.gazetteer;
        let mut extra = Vec::new();
        for f in found.iter_mut() {
            let words = &doc[f.sentence];
            let len = f.end - f.start;
            if len < 2 {
                continue;
            }
            // The last word inside the span that ends a title, and where
            // that title starts.
            let mut cut: Option<(usize, usize)> = None;
            for end in f.start + 1..f.end {
                // Most words end no title: ask the table once per word first.
                let last = words[end - 1].to_lowercase();
                if !g.is_title(&last) && !g.may_end_title(&last) {
                    continue;
                }
                for a in f.start.saturating_sub(3)..end {
                    if end - a <= 4 && g.is_title(&words[a..end].join(" ").to_lowercase()) {
                        cut = Some((a, end));
                        break;
                    }
                }
            }
            // "General Motors", "Prince Edward Island": a known name, or a
            // name that opens with a title word and goes on with no person.
            let whole_known = g.lookup(&words[f.start..f.end].join(" ")).is_some();
            let cut = cut.filter(|&(a, end)| {
                !whole_known
                    && (f.label == EntityLabel::Person
                        || a < f.start
                        || g.is_given_name(words[end]))
            });
            if let Some((a, end)) = cut {
                if a > f.start {
                    // A known name before the title stays ("Acme Chairman").
                    if let Some(e) = g.lookup(&words[f.start..a].join(" ")) {
                        extra.push(Found {
                            sentence: f.sentence,
                            start: f.start,
                            end: a,
                            label: e.label,
                        });
                    }
                }
                f.start = end;
                if g.is_given_name(words[f.start]) {
                    f.label = EntityLabel::Person;
                }
                continue;
            }
            // The place's length: a known place, or after a title and "of"
            // or "in" ("Mayor of [Tansford Ann Ruiz]", "Attorney in
            // [Harlow Jan Brandt]") the words before a given name, which
            // name where the office is.
            let after_office = f.start >= 2
                && matches!(words[f.start - 1], "of" | "in" | "for")
                && g.is_title(&words[f.start - 2].to_lowercase());
            // (An unknown place leaves a full name after it: a given name
            // and a surname.)
            let place_len = match g.longest_match(&words[f.start..f.end]) {
                Some((n, e)) if e.label == EntityLabel::Place => Some(n),
                // (Words, not initials: "director of J. Walter Thompson"
                // is one name.)
                _ if after_office => (1..len.saturating_sub(1).min(4))
                    .find(|&n| g.is_given_name(words[f.start + n]))
                    .filter(|&n| {
                        words[f.start..f.start + n]
                            .iter()
                            .all(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
                    }),
                _ => None,
            };
            if let Some(n) = place_len {
                if n < len
                    && g.is_given_name(words[f.start + n])
                    && words[f.start + n..f.end].iter().all(|w| is_capitalised(w))
                {
                    extra.push(Found {
                        sentence: f.sentence,
                        start: f.start,
                        end: f.start + n,
                        label: EntityLabel::Place,
                    });
                    f.start += n;
                    f.label = EntityLabel::Person;
                }
            }
        }
        found.retain(|f| f.start < f.end);
        found.extend(extra);
    }

    /// Step 5, after the spans have their final bounds: "hired [Kessel
    /// Bank and Harlow Bank] as advisers" names two banks. An organisation
    /// span joined by "and" or "&" whose two sides are each a name and the
    /// word that heads an organisation's name ("Bank", "Group", "Corp") is
    /// two names: a single name repeats no head word on both sides of its
    /// "and" ("Kessel Bank and Trust Co", "Marks and Spencer" stay whole),
    /// nor has a common word after it ("Post and Telecommunications
    /// Administration").
    pub(super) fn split_paired_organisations(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let g = &self.gazetteer;
        let mut extra = Vec::new();
        for f in found
            .iter_mut()
            .filter(|f| f.label == EntityLabel::Organization)
        {
            let words = &doc[f.sentence];
            // Each side: two words or more, a name (no common word: "Post
            // and Telecommunications Administration" is one body) then a
            // head word.
            let whole = |a: usize, b: usize| {
                b >= a + 2
                    && !g.is_org_word(words[a])
                    && !self.is_common_word(words[a])
                    && g.is_org_word(words[b - 1])
            };
            let Some(k) = (f.start + 2..f.end.saturating_sub(2)).find(|&k| {
                matches!(words[k], "and" | "&") && whole(f.start, k) && whole(k + 1, f.end)
            }) else {
                continue;
            };
            if g.lookup(&words[f.start..f.end].join(" ")).is_some() {
                continue;
            }
            extra.push(Found {
                start: k + 1,
                ..f.clone()
            });
            f.end = k;
        }
        found.extend(extra);
    }

    /// Step 5, after the spans have their final bounds: "software group
    /// [KLV Anna Ruiz] said": the model ran an organisation's name
    /// on into the person named after it (a role of the firm left out
    /// between them). An organisation span whose
    /// last words are a given name and a surname, after an acronym or a
    /// name of two words or more that ends as a body's name does, is the
    /// organisation, then the person. A given name right after one plain
    /// word stays ("Bank Julius Baer").
    pub(super) fn split_organisation_from_person(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let g = &self.gazetteer;
        let mut persons = Vec::new();
        for f in found
            .iter_mut()
            .filter(|f| f.label == EntityLabel::Organization)
        {
            let words = &doc[f.sentence][f.start..f.end];
            if g.lookup(&words.join(" ")).is_some() {
                continue;
            }
            let Some(k) = (1..words.len().saturating_sub(1)).find(|&k| g.is_given_name(words[k]))
            else {
                continue;
            };
            let body = &words[..k];
            // (A body named by surnames runs on into more of them: "Smith
            // Barney Harris Upham" is one firm.)
            let named_body = (body.len() == 1 && is_acronym_like(body[0]))
                || body.len() >= 2 && body.last().is_some_and(|w| g.is_org_word(w));
            // The rest is a person's name: a given name that is no common
            // word ("First", "Long"), a surname, no word of a firm's or a
            // place's name.
            let person = &words[k..];
            let looks_like_a_person = (2..=3).contains(&person.len())
                && !self.is_common_word(person[0])
                && g.lookup(&person.join(" "))
                    .is_none_or(|e| e.label == EntityLabel::Person)
                && person.iter().all(|w| {
                    is_capitalised(w)
                        && w.chars().any(char::is_lowercase)
                        && !g.is_org_word(w)
                        && !LEGAL_FORM_WORDS.contains(w)
                        && g.lookup(w).is_none_or(|e| e.label == EntityLabel::Person)
                });
            if named_body && looks_like_a_person {
                persons.push(Found {
                    sentence: f.sentence,
                    start: f.start + k,
                    end: f.end,
                    label: EntityLabel::Person,
                });
                f.end = f.start + k;
            }
        }
        found.extend(persons);
    }

    /// Step 5, with the last: "[Kessel Bank Vice President] Tom Reyes
    /// said": the model ran a capitalised title into the organisation
    /// before it and left the person named after it out. An organisation
    /// span that ends in a person's role title ("Vice President",
    /// "Chairman") after a body's name (an organisation's word or an
    /// acronym last) is the body; the title is no name; and two or three
    /// capitalised words right after it that no span holds, shaped as a
    /// person's name, are the person.
    pub(super) fn split_title_from_organisation(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let g = &self.gazetteer;
        let taken: Vec<(usize, usize, usize)> =
            found.iter().map(|f| (f.sentence, f.start, f.end)).collect();
        let free = |s: usize, k: usize| {
            !taken
                .iter()
                .any(|&(fs, a, b)| fs == s && (a..b).contains(&k))
        };
        let mut persons = Vec::new();
        for f in found
            .iter_mut()
            .filter(|f| f.label == EntityLabel::Organization)
        {
            let sentence = &doc[f.sentence];
            let words = &sentence[f.start..f.end];
            let Some(k) = (1..words.len()).find(|&k| {
                g.is_person_role(&words[k..].join(" ").to_lowercase())
                    && (g.is_org_word(words[k - 1]) || is_acronym_like(words[k - 1]))
            }) else {
                continue;
            };
            let name_end = (f.end..sentence.len().min(f.end + 3))
                .take_while(|&j| {
                    let w = sentence[j];
                    is_capitalised(w)
                        && w.chars().any(char::is_lowercase)
                        && !g.is_org_word(w)
                        && !LEGAL_FORM_WORDS.contains(&w)
                        && free(f.sentence, j)
                })
                .last()
                .map(|j| j + 1);
            let named_after = span_starts_at(&taken, f.sentence, f.end);
            match name_end {
                Some(end)
                    if end - f.end >= 2
                        && (g.is_given_name(sentence[f.end])
                            || !self.is_common_word(sentence[f.end])) =>
                {
                    persons.push(Found {
                        sentence: f.sentence,
                        start: f.end,
                        end,
                        label: EntityLabel::Person,
                    });
                }
                _ if named_after => {}
                _ => continue,
            }
            f.end = f.start + k;
        }
        found.extend(persons);
    }

    /// Step 2g: names by their shape. A site name ("Medium.com") or a name
    /// that opens with figures ("9gag", "4chan") is an organisation; a span
    /// that is only a weekday or a month ("Tuesday") is no name; a given
    /// name with particles and a capitalised word after it is one person
    /// ("Omar bin Khalid", "Maria de la Cruz"), whatever the model said of
    /// its parts; and a lone given name takes a capitalised word after it as
    /// its surname, even a common word ("Emily So", "Jane Little").
    pub(super) fn find_shaped_names(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let g = &self.gazetteer;
        found.retain(|f| {
            let words = &doc[f.sentence][f.start..f.end];
            !(words.len() == 1
                && (is_weekday(words[0]) || (is_month(words[0]) && !g.is_given_name(words[0]))))
        });
        // "Halden and Co", "Acme & Co.", "Globex Holdings AG": a company
        // form closing a run of capitalised words.
        for (s, words) in doc.iter().enumerate() {
            for (k, w) in words.iter().enumerate() {
                if k == 0 || (!is_capitalised(w) && *w != "plc") || !LEGAL_FORM_WORDS.contains(w) {
                    continue;
                }
                // At most four words, none a title or inside a person's name
                // ("counsel Mary Hain, Acme Inc." is not one name); a
                // "person" that holds the legal form itself is a misread
                // company ("Kessel Coal Co").
                let person = |j: usize| {
                    found.iter().any(|f| {
                        f.sentence == s
                            && f.label == EntityLabel::Person
                            && f.start <= j
                            && j < f.end
                            && f.end <= k
                    })
                };
                let opener = |i: usize| opens_with_function_word(words, i);
                // A person's full name ("said Ana Varden, Varden and Co") is
                // no partner's; a single word the model took for a person
                // ("Goldman, Sachs and Co") may be.
                let full_name = |j: usize| {
                    found.iter().any(|f| {
                        f.sentence == s
                            && f.label == EntityLabel::Person
                            && f.end - f.start >= 2
                            && f.start <= j
                            && j < f.end
                    })
                };
                let mut start = k;
                while start > 0 && k - start < 4 {
                    let before = words[start - 1];
                    if person(start - 1) {
                        break;
                    }
                    // A title opens the name only where no person's name
                    // follows it and nothing capitalised precedes it
                    // ("General Tollund Corp"); elsewhere it is someone's
                    // title ("Chairman Jan Brandt, Vantor Inc.").
                    if g.is_title(&before.to_lowercase()) {
                        // After "and" a title opens the second of two names,
                        // whatever span a capitalised run made of both
                        // ("Vantor and General Motors Corp").
                        let after_conjunction =
                            start >= 2 && matches!(words[start - 2], "and" | "&" | "or" | ",");
                        let inside_longer = !after_conjunction
                            && found.iter().any(|f| {
                                f.sentence == s
                                    && f.start + 1 < start
                                    && f.end >= start
                                    && !(f.start + 2 == start && opener(f.start))
                            });
                        let opens = is_capitalised(before)
                            && !inside_longer
                            && !g.is_given_name(words[start])
                            && (start == 1
                                || !is_capitalised(words[start - 2])
                                || opener(start - 2));
                        if opens {
                            start -= 1;
                            break;
                        }
                        // A title word in the middle of a run of capitals,
                        // after a word that is no title ("General Counsel"
                        // is one) and with no given name after it, is a
                        // word of the company's name ("Kessel Business
                        // Machines Inc").
                        let within = is_capitalised(before)
                            && start >= 2
                            && is_capitalised(words[start - 2])
                            && !opener(start - 2)
                            && !g.is_title(&words[start - 2].to_lowercase())
                            && !g.is_given_name(words[start])
                            && !person(start - 2);
                        if within {
                            start -= 1;
                            continue;
                        }
                        break;
                    }
                    if is_capitalised(before) && !LEGAL_FORM_WORDS.contains(&before) {
                        start -= 1;
                    } else if PARTICLES.contains(&before)
                        && start >= 2
                        && is_capitalised(words[start - 2])
                        && !opener(start - 2)
                    {
                        // "Banque Generale du Luxembourg SA", "Kessel van
                        // Dijk NV": a particle inside a company's name.
                        start -= 2;
                    } else if matches!(before, "and" | "&")
                        && start >= 2
                        && is_capitalised(words[start - 2])
                        // "Vantor Corp and Kessel Inc" are two companies.
                        && !LEGAL_FORM_WORDS.contains(&words[start - 2])
                        // "fell in March and Kessel Inc said": a month after
                        // a preposition is a time, no partner's name.
                        && !(crate::names::is_month(words[start - 2])
                            && start >= 3
                            && !is_capitalised(words[start - 3]))
                    {
                        start -= 2;
                    } else {
                        break;
                    }
                }
                if start < k {
                    start = self.possessive_opening(doc, found, s, start);
                }
                // "Tollund, Brandt and Co": a partnership's names before
                // "and Co" are joined by commas; a place before the comma
                // ("in Oslo, Bergen and Co") is not one of them, nor a time
                // ("On Monday, Brandt and Co said").
                if start < k && k >= 2 && matches!(words[k - 1], "and" | "&") {
                    let mut names = 0;
                    while start >= 2
                        && names < 4
                        && words[start - 1] == ","
                        && is_capitalised(words[start - 2])
                        && !full_name(start - 2)
                        && !LEGAL_FORM_WORDS.contains(&words[start - 2])
                        && !opener(start - 2)
                        && !crate::names::is_time_noun(&words[start - 2].to_lowercase())
                        && g.lookup(words[start - 2])
                            .is_none_or(|e| e.label == EntityLabel::Organization)
                    {
                        start -= 2;
                        names += 1;
                        // "Tollund Varden, Harlow Kessel and Co": a partner's
                        // name may have two words.
                        if start >= 1
                            && is_capitalised(words[start - 1])
                            && !LEGAL_FORM_WORDS.contains(&words[start - 1])
                            && !opener(start - 1)
                            && !full_name(start - 1)
                            && !g.is_given_name(words[start - 1])
                            && g.lookup(words[start - 1])
                                .is_none_or(|e| e.label == EntityLabel::Organization)
                            && (start == 1 || !is_capitalised(words[start - 2]))
                        {
                            start -= 1;
                        }
                    }
                }
                // "Harlow and Co Inc": legal forms in a row all close it.
                let mut end = k + 1;
                while end < words.len() && LEGAL_FORM_WORDS.contains(&words[end]) {
                    end += 1;
                }
                // A sentence's first word alone before the form is a name
                // unless it is a word that opens clauses ("Its Co-owner").
                if start < k && !(start == 0 && k - start == 1 && opener(0)) {
                    Found {
                        sentence: s,
                        start,
                        end,
                        label: EntityLabel::Organization,
                    }
                    .replace_overlapping(found);
                }
            }
        }
        // "Lantern Trustees", "Harbour Freight Weekly": a run of two
        // or more capitalised words closed by an organisation's last word.
        for (s, words) in doc.iter().enumerate() {
            if is_title_cased(words) {
                continue;
            }
            for (k, w) in words.iter().enumerate() {
                if k == 0 || !is_capitalised(w) || !ORG_ENDINGS.contains(w) {
                    continue;
                }
                let mut start = k;
                while start > 0 && k - start < 4 && is_capitalised(words[start - 1]) {
                    start -= 1;
                }
                if start < k {
                    start = self.possessive_opening(doc, found, s, start);
                }
                // A sentence's first word alone before the ending is a name
                // unless it opens clauses ("When Records ..."); a longer
                // name found around it stays ("Magna International Inc").
                let inside_longer = found
                    .iter()
                    .any(|f| f.sentence == s && f.start <= start && f.end > k + 1);
                if start < k
                    && !inside_longer
                    && !(start == 0 && k - start == 1 && opens_with_function_word(words, 0))
                {
                    found.retain(|f| f.sentence != s || f.end <= start || f.start > k);
                    found.push(Found {
                        sentence: s,
                        start,
                        end: k + 1,
                        label: EntityLabel::Organization,
                    });
                }
            }
        }
        // "Senate Democrat leader", "the Ohio Democrat": the place or
        // body, then a party member (MISC under CoNLL's conventions); but
        // "Liberal Democrat leader" is a party's own name.
        let mut members = Vec::new();
        for f in found.iter_mut() {
            let words = &doc[f.sentence];
            let last = words[f.end - 1];
            let next_lower = words
                .get(f.end)
                .is_none_or(|w| !w.chars().next().is_some_and(char::is_uppercase));
            if f.end - f.start >= 2
                && PARTY_MEMBERS.contains(&last)
                && next_lower
                && f.label != EntityLabel::Person
                && g.lookup(&words[f.start..f.end].join(" ")).is_none()
            {
                f.end -= 1;
                let name = words[f.start..f.end].join(" ");
                f.label = match g.lookup(&name) {
                    Some(e) => e.label,
                    None if f.end - f.start == 1 && INSTITUTIONS.contains(&words[f.start]) => {
                        EntityLabel::Organization
                    }
                    None => f.label,
                };
                members.push(Found {
                    sentence: f.sentence,
                    start: f.end,
                    end: f.end + 1,
                    label: EntityLabel::Misc,
                });
            }
        }
        found.extend(members);
        // "Parliament", "the Senate", "Tarnobank".
        let institution = |w: &str| {
            is_capitalised(w)
                && (INSTITUTIONS.contains(&w)
                    || (w.len() > 6 && w.ends_with("bank") && w.chars().all(char::is_alphabetic)))
        };
        for f in found.iter_mut() {
            if f.end == f.start + 1 && institution(doc[f.sentence][f.start]) {
                f.label = EntityLabel::Organization;
            }
        }
        for (s, words) in doc.iter().enumerate() {
            if is_title_cased(words) || is_shouted(words) {
                continue;
            }
            let mut covered = covered(found, s, words.len());
            for (i, w) in words.iter().enumerate() {
                if !covered[i] && institution(w) {
                    found.push(Found {
                        sentence: s,
                        start: i,
                        end: i + 1,
                        label: EntityLabel::Organization,
                    });
                    covered[i] = true;
                }
            }
        }
        // Amounts are no names ("40.7m", "3bn").
        found.retain(|f| !(f.end - f.start == 1 && is_amount(doc[f.sentence][f.start])));
        // "Aoife O'Dowd": a name closed by an apostrophe surname is a person's.
        for f in found.iter_mut() {
            let words = &doc[f.sentence][f.start..f.end];
            if (2..=3).contains(&words.len())
                && is_apostrophe_surname(words[words.len() - 1])
                && words.iter().all(|w| is_capitalised(w))
            {
                f.label = EntityLabel::Person;
            }
        }
        self.open_names_with_apostrophe_names(doc, found);
        for (s, words) in doc.iter().enumerate() {
            let mut covered = covered(found, s, words.len());
            for (i, w) in words.iter().enumerate() {
                if !covered[i] && (is_site_name(w) || is_figure_name(w)) {
                    found.push(Found {
                        sentence: s,
                        start: i,
                        end: i + 1,
                        label: EntityLabel::Organization,
                    });
                    covered[i] = true;
                }
            }
            // Given name, particles, surname.
            let mut i = 0;
            while i + 2 < words.len() {
                let mut j = i + 1;
                while j < words.len() && PARTICLES.contains(&words[j]) {
                    j += 1;
                }
                let given = is_capitalised(words[i])
                    && g.is_given_name(words[i])
                    && !self.is_place_like(words[i]);
                // "Abdullah al-Rashid": the particle joined to the surname.
                let joined = given && j == i + 1 && is_particle_name(words[j]);
                if !given
                    || (j == i + 1 && !joined)
                    || j >= words.len()
                    || !(is_capitalised(words[j]) || joined)
                {
                    i += 1;
                    continue;
                }
                let mut end = j + 1;
                while end < words.len()
                    && is_capitalised(words[end])
                    && !self.is_place_like(words[end])
                {
                    end += 1;
                }
                Found {
                    sentence: s,
                    start: i,
                    end,
                    label: EntityLabel::Person,
                }
                .replace_overlapping(found);
                i = end;
            }
        }
        // "International Festival of Puppet Theatre": an organisation or
        // MISC name goes on over "of (the)" and capitalised words, unless
        // they name a place or a person ("Acme of Mexico").
        let mut grown: Vec<(usize, usize, usize)> = Vec::new();
        for f in found.iter() {
            if !matches!(f.label, EntityLabel::Organization | EntityLabel::Misc) {
                continue;
            }
            let words = &doc[f.sentence];
            if words.get(f.end) != Some(&"of") {
                continue;
            }
            let mut first = f.end + 1;
            if words.get(first) == Some(&"the") {
                first += 1;
            }
            let mut end = first;
            while end < words.len() && end < first + 4 && is_capitalised(words[end]) {
                end += 1;
            }
            let taken = found.iter().any(|o| {
                o.sentence == f.sentence
                    && o.start < end
                    && o.end > f.end
                    && o.label == EntityLabel::Person
            });
            if end > first
                && !taken
                && g.lookup(&words[first..end].join(" ")).is_none()
                && !g.is_given_name(words[first])
            {
                grown.push((f.sentence, f.start, end));
            }
        }
        for (s, start, end) in grown {
            let label = found
                .iter()
                .find(|f| f.sentence == s && f.start == start)
                .map_or(EntityLabel::Organization, |f| f.label);
            Found {
                sentence: s,
                start,
                end,
                label,
            }
            .replace_overlapping(found);
        }
        // A lone given name and the capitalised word after it.
        let headline: Vec<bool> = doc.iter().map(|w| is_title_cased(w)).collect();
        let taken: Vec<(usize, usize)> = found.iter().map(|f| (f.sentence, f.start)).collect();
        for f in found.iter_mut().filter(|f| f.label == EntityLabel::Person) {
            let words = &doc[f.sentence];
            let next = f.end;
            if f.end - f.start != 1
                || headline[f.sentence]
                || next >= words.len()
                || taken.contains(&(f.sentence, next))
            {
                continue;
            }
            // "Aoife O'Dowd": an apostrophe surname after any first name.
            if is_apostrophe_surname(words[next]) {
                f.end += 1;
                continue;
            }
            if !g.is_given_name(words[f.start]) {
                continue;
            }
            let w = words[next];
            let name_like =
                self.is_surname_shaped(w) && g.lookup(w).is_none() && g.demonym(w).is_none();
            // Not a capitalised word that opens a new phrase ("..., Emily And").
            let closes = words
                .get(next + 1)
                .is_none_or(|after| !is_capitalised(after) || *after == "'s");
            if name_like && closes {
                f.end += 1;
            }
        }
    }

    /// Whether `w` has a surname's shape: a capitalised word of letters
    /// only, at least two, that is no month, weekday or title.
    fn is_surname_shaped(&self, w: &str) -> bool {
        is_capitalised(w)
            && w.chars().count() >= 2
            && w.chars().all(char::is_alphabetic)
            && !is_month(w)
            && !is_weekday(w)
            && !self.gazetteer.is_title(&w.to_lowercase())
    }

    /// "N'Famara Kessel", "D'Angelo Lind": a given name written with an
    /// apostrophe after its first letter opens the person's name with the
    /// capitalised word after it (the model, which saw few of them, reads
    /// the given name alone as an organisation or misses it). The word after
    /// must look like a surname and be no common word. Likewise a lone word
    /// the model typed as something else before an apostrophe surname it
    /// left out ("Siobhan O'Dowd"), unless the word is a known name of
    /// another kind or a people ("Irish O'Dowd").
    fn open_names_with_apostrophe_names(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let g = &self.gazetteer;
        for (s, words) in doc.iter().enumerate() {
            for i in 0..words.len().saturating_sub(1) {
                let next = words[i + 1];
                if is_apostrophe_surname(next) && !is_apostrophe_surname(words[i]) {
                    let lone = found.iter().position(|f| {
                        f.sentence == s
                            && f.start == i
                            && f.end == i + 1
                            && f.label != EntityLabel::Person
                    });
                    let free = span_at(found, s, i + 1).is_none();
                    if let (Some(a), true) = (lone, free) {
                        let w = words[i];
                        if g.lookup(w).is_none()
                            && g.demonym(w).is_none()
                            && !self.is_common_word(w)
                        {
                            found[a].end = i + 2;
                            found[a].label = EntityLabel::Person;
                        }
                    }
                    continue;
                }
                if !is_apostrophe_surname(words[i]) {
                    continue;
                }
                // "O'" opens surnames ("O'Clock" after a number), "L'" and
                // "D'" French articles ("D'Or"); "D'Angelo" is a given name.
                let given = match words[i].split_once(['\'', '’']) {
                    Some(("O" | "L", _)) => false,
                    Some(("D", rest)) => g.is_given_name(rest),
                    _ => true,
                };
                if !given || !self.is_surname_shaped(next) || self.is_common_word(next) {
                    continue;
                }
                let at = |k: usize| span_at(found, s, k);
                match (at(i), at(i + 1)) {
                    (Some(a), None) if found[a].start == i && found[a].end == i + 1 => {
                        found[a].end = i + 2;
                        found[a].label = EntityLabel::Person;
                    }
                    // (A surname the model read alone, of any type.)
                    (None, Some(b))
                        if found[b].start == i + 1
                            && (found[b].label == EntityLabel::Person || found[b].end == i + 2) =>
                    {
                        found[b].start = i;
                        found[b].label = EntityLabel::Person;
                    }
                    (None, None) => found.push(Found {
                        sentence: s,
                        start: i,
                        end: i + 2,
                        label: EntityLabel::Person,
                    }),
                    _ => {}
                }
            }
        }
    }

    /// Step 3f: organisations made of common words, found by their context.
    /// - "the X said" (a verb of saying after a capitalised name that takes
    ///   "the": persons do not, and known places keep their type);
    /// - "a spokesman for X", "members of the X", "X spokeswoman";
    /// - a common noun before a known place ("Transport Quebec said",
    ///   "Health Canada"), unless the noun makes a place name ("Northern
    ///   Quebec", "Lake Geneva").
    ///
    /// The name found is an organisation in every mention (step 4 spreads it).
    pub(super) fn find_organisations_in_context(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let g = &self.gazetteer;
        let mut names: Vec<Vec<&str>> = Vec::new();
        // One-word places the model found ("Quebec").
        let places: Vec<(usize, usize)> = found
            .iter()
            .filter(|f| f.label == EntityLabel::Place && f.end == f.start + 1)
            .map(|f| (f.sentence, f.start))
            .collect();
        for (s, words) in doc.iter().enumerate() {
            let headline = is_title_cased(words);
            let n = words.len();
            // The capitalised run starting at `i` (joined by "of", "and", "for", "&").
            let run_end = |i: usize| {
                let mut e = i;
                while e < n {
                    if is_capitalised(words[e]) && words[e] != "The"
                        || e > i && is_acronym_like(words[e])
                    {
                        e += 1;
                    } else if e > i
                        && matches!(words[e], "of" | "and" | "for" | "&")
                        && words.get(e + 1).is_some_and(|w| is_capitalised(w))
                    {
                        e += 2;
                    } else {
                        break;
                    }
                }
                e
            };
            // A verb of saying at `k`, or after one auxiliary ("have ruled").
            let saying = |k: usize| {
                let at = |k: usize| words.get(k).is_some_and(|w| SAYING_VERBS.contains(w));
                at(k) || (words.get(k).is_some_and(|w| AUXILIARIES.contains(w)) && at(k + 1))
            };
            for i in 0..n {
                if headline {
                    break;
                }
                // "the X said"
                if words[i].eq_ignore_ascii_case("the") {
                    let e = run_end(i + 1);
                    if e > i + 1 && saying(e) && self.may_name_organisation(&words[i + 1..e]) {
                        names.push(words[i + 1..e].to_vec());
                    }
                }
                // "a spokesman for (the) X", "members of the X"
                if MEMBER_NOUNS.contains(&words[i])
                    && words
                        .get(i + 1)
                        .is_some_and(|w| matches!(*w, "for" | "of" | "at" | "from"))
                {
                    let mut start = i + 2;
                    if words.get(start).is_some_and(|w| *w == "the") {
                        start += 1;
                    }
                    let e = if start < n { run_end(start) } else { start };
                    if e > start && self.may_name_organisation(&words[start..e]) {
                        names.push(words[start..e].to_vec());
                    }
                }
                // "X spokeswoman", two words or more ("Rivers Trust spokeswoman").
                if matches!(words[i], "spokesman" | "spokeswoman" | "spokesperson") && i >= 2 {
                    let mut start = i;
                    while start > 0 && is_capitalised(words[start - 1]) {
                        start -= 1;
                    }
                    if i - start >= 2
                        && (start == 0 || !is_capitalised(words[start - 1]))
                        && self.may_name_organisation(&words[start..i])
                    {
                        names.push(words[start..i].to_vec());
                    }
                }
                // "Acme , the country 's largest brewer": an apposition
                // whose head is a company noun.
                if words[i] == ","
                    && i > 0
                    && words
                        .get(i + 1)
                        .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
                {
                    let head = (i + 2..n.min(i + 8))
                        .take_while(|&k| !is_capitalised(words[k]) && words[k] != ",")
                        .find(|&k| org_cue(words[k]) == Some(OrgCue::Before));
                    let closes = head.is_some_and(|k| {
                        words.get(k + 1).is_none_or(|w| {
                            !w.chars().all(char::is_alphabetic)
                                || matches!(*w, "and" | "which" | "that" | "in" | "with" | "for")
                        })
                    });
                    let mut start = i;
                    while start > 0 && is_capitalised(words[start - 1]) && i - start < 3 {
                        start -= 1;
                    }
                    if closes
                        && start < i
                        && !opens_sentence(words, start)
                        && self.may_name_organisation(&words[start..i])
                    {
                        names.push(words[start..i].to_vec());
                    }
                }
                // "Transport Quebec": a capitalised common noun, then a known
                // place, mid-sentence or followed by a verb of saying.
                if i + 1 < n
                    && is_capitalised(words[i])
                    && is_capitalised(words[i + 1])
                    && (i == 0 || !is_capitalised(words[i - 1]))
                    && words.get(i + 2).is_none_or(|w| !is_capitalised(w))
                    && (g
                        .lookup(words[i + 1])
                        .is_some_and(|e| e.label == EntityLabel::Place)
                        || places.contains(&(s, i + 1)))
                    && ((i > 0 && !opens_sentence(words, i)) || saying(i + 2))
                    && self.is_common_word(words[i])
                    && !is_place_modifier(words[i])
                    && g.demonym(words[i]).is_none()
                    && !g.is_title(&words[i].to_lowercase())
                    && g.lookup(&words[i..i + 2].join(" ")).is_none()
                {
                    names.push(words[i..i + 2].to_vec());
                }
            }
        }
        if names.is_empty() {
            return;
        }
        names.sort();
        names.dedup();
        for (s, words) in doc.iter().enumerate() {
            for name in &names {
                let len = name.len();
                for i in 0..(words.len() + 1).saturating_sub(len) {
                    if words[i..i + len] != name[..] {
                        continue;
                    }
                    // A person inside keeps its span ("the Smith Foundation"
                    // is whole, but no name swallows a found person).
                    let person_inside = found.iter().any(|f| {
                        f.sentence == s
                            && f.label == EntityLabel::Person
                            && f.start >= i
                            && f.end <= i + len
                            && f.end - f.start == len
                    });
                    // Nor does it cut a longer organisation found around it
                    // ("the Museum of Art said" after "the Kessel and Lind
                    // Museum of Art").
                    // (A leading "The" does not make a span longer.)
                    let inside_longer = found.iter().any(|f| {
                        if f.sentence != s {
                            return false;
                        }
                        let start = if words.get(f.start) == Some(&"The") {
                            f.start + 1
                        } else {
                            f.start
                        };
                        f.label == EntityLabel::Organization
                            && start <= i
                            && f.end >= i + len
                            && f.end - start > len
                    });
                    if person_inside || inside_longer {
                        continue;
                    }
                    Found {
                        sentence: s,
                        start: i,
                        end: i + len,
                        label: EntityLabel::Organization,
                    }
                    .replace_overlapping(found);
                }
            }
        }
    }

    /// Whether the capitalised run `name` may name an organisation in a
    /// context that calls for one: not a person (a given name or title
    /// first), not a known place or people, not a lone common word ("the
    /// Government said") or title.
    fn may_name_organisation(&self, name: &[&str]) -> bool {
        let g = &self.gazetteer;
        let Some(first) = name.first() else {
            return false;
        };
        let joined = name.join(" ");
        let lower = first.to_lowercase();
        !g.is_given_name(first)
            && !g.is_title(&lower)
            && !g.is_title(&joined.to_lowercase())
            && !is_month(first)
            && !is_weekday(first)
            && g.lookup(&joined)
                .is_none_or(|e| e.label == EntityLabel::Organization)
            && g.demonym(&joined).is_none()
            && !(name.len() == 1 && (self.is_common_word(first) || first.chars().count() < 3))
    }

    /// An organisation's name neither opens with "The", a sentence's first
    /// "A"/"An" or a word built on a place ("Lima-based Vantor Bank" is
    /// "Vantor Bank") nor goes on into a date after "on" ("Vantor on
    /// Friday"), whatever step grew it there; the gazetteer's names ("The
    /// Hague Group") stay.
    pub(super) fn trim_organisations(&self, doc: &[Vec<&str>], found: &mut [Found]) {
        for f in found
            .iter_mut()
            .filter(|f| f.label == EntityLabel::Organization)
        {
            let words = &doc[f.sentence];
            if self
                .gazetteer
                .lookup(&words[f.start..f.end].join(" "))
                .is_some()
            {
                continue;
            }
            // "A"/"An" is capitalised only as a sentence's first word,
            // where it is the article before the name ("A Vantor spokesman
            // said"), never a part of it.
            let opens_sentence =
                |k: usize| k == 0 || matches!(words[k - 1], "\"" | "'" | "(" | "“" | "‘");
            // "Former Vantor chairman Jan Brandt": a role's modifier,
            // capitalised as the sentence's first word, is the title's, not
            // the company's.
            while f.end - f.start >= 2
                && (matches!(words[f.start], "The" | "the")
                    || (matches!(words[f.start], "A" | "An") && opens_sentence(f.start))
                    || crate::names::is_place_compound(words[f.start])
                    || opens_sentence(f.start) && crate::names::is_role_modifier(words[f.start]))
            {
                f.start += 1;
            }
            if let Some(on) = (f.start + 1..f.end.saturating_sub(1))
                .find(|&k| words[k] == "on" && (is_weekday(words[k + 1]) || is_month(words[k + 1])))
            {
                f.end = on;
            }
        }
    }

    /// A lone word that is a date ("May 31", "13 May") is no name, nor an
    /// ordinary word in a shouted headline ("QUALIFIER", "MATCH") that a
    /// step typed an organisation. Capitalised common words ("Apple", "the
    /// Eagles") and short acronyms ("PC") stay: news names companies and
    /// teams with them.
    pub(super) fn drop_dates_and_common_words(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let day = |w: Option<&&str>| {
            w.is_some_and(|w| (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()))
        };
        found.retain(|f| {
            if f.end - f.start != 1 || f.label == EntityLabel::Person {
                return true;
            }
            let words = &doc[f.sentence];
            let w = words[f.start];
            let date = is_month(w)
                && (day(words.get(f.start + 1)) || f.start > 0 && day(words.get(f.start - 1)));
            // Shouted, and longer than an acronym ("PC", "VCR" stay).
            let shouted = w.len() >= 5 && w.chars().all(|c| c.is_ascii_uppercase());
            let common = f.label == EntityLabel::Organization
                && shouted
                && w.chars().all(char::is_alphabetic)
                && self.is_common_word(w)
                && self.gazetteer.lookup(w).is_none();
            !(date || common)
        });
    }

    /// Graph conventions, last step: MISC spans stay only when they name
    /// things. Demonyms and peoples ("Mexican", "South Korean", "Kurds"),
    /// words built on places ("New York-based"), currencies ("C$") go; an
    /// event loses a year before it ("2026 World Cup" → "World Cup").
    pub(super) fn keep_named_things(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let g = &self.gazetteer;
        found.retain_mut(|f| {
            if f.label != EntityLabel::Misc {
                return true;
            }
            let words = &doc[f.sentence];
            let year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
            if f.end - f.start >= 2 && year(words[f.start]) {
                f.start += 1;
            }
            let span = &words[f.start..f.end];
            let people = g.demonym(&span.join(" ")).is_some()
                || span
                    .iter()
                    .all(|w| g.demonym(w).is_some() || is_place_modifier(w));
            let built_on_place = span
                .iter()
                .any(|w| w.starts_with("ex-") || crate::names::is_place_compound(w));
            let currency = span.len() == 1 && span[0].len() <= 3 && span[0].ends_with('$');
            !(people || built_on_place || currency)
        });
    }
}

/// Step 4a: an acronym in brackets right after a name ("Harbour Alliance (
/// HA )", "Democratic Republic of Congo ( DRC )") names the same thing, so
/// it takes that name's type, here and (through step 4) elsewhere.
/// "Hurricane Mitch killed ...": a given name after a storm word
/// ([`STORM_WORDS`]) names the storm, an event (Misc) that takes the word
/// into its name, and the same name alone elsewhere in the document is the
/// storm too ("Mitch struck Honduras"), not a person.
pub(super) fn name_storms(doc: &[Vec<&str>], found: &mut [Found]) {
    let mut storms: Vec<Vec<&str>> = Vec::new();
    for f in found.iter_mut() {
        let words = &doc[f.sentence];
        if f.start > 0 && STORM_WORDS.contains(&words[f.start - 1]) {
            f.start -= 1;
        } else if !(f.end - f.start >= 2 && STORM_WORDS.contains(&words[f.start])) {
            continue;
        }
        storms.push(words[f.start + 1..f.end].to_vec());
        f.label = EntityLabel::Misc;
    }
    for f in found.iter_mut() {
        if f.label == EntityLabel::Person
            && storms
                .iter()
                .any(|s| doc[f.sentence][f.start..f.end] == s[..])
        {
            f.label = EntityLabel::Misc;
        }
    }
}

/// Step 4b: a name right after the noun of a work ("the film Harlow
/// Nights", "her hit single Tansford Walks": [`WORK_NOUNS`] after one of
/// [`WORK_NOUN_OPENERS`]) or followed by one in apposition ("Vantor
/// Diaries, the drama series,") is the work's, a named thing (Misc),
/// whatever the model made of it: a title is often a place's or a
/// person's name ("Tansford Bay"), and the model cut titles at their small
/// words ("Meet the Kessels"). The same name alone elsewhere in the
/// document is the work too. A given name and one more word after the noun
/// is left alone ("the documentary Ana Ruiz made"), and so is one word
/// with a clause after it ("the album Kessel released").
pub(super) fn name_works(
    doc: &[Vec<&str>],
    found: &mut Vec<Found>,
    is_given_name: impl Fn(&str) -> bool,
) {
    let mut works: Vec<Vec<&str>> = Vec::new();
    for (s, words) in doc.iter().enumerate() {
        for k in 1..words.len() {
            if !WORK_NOUNS.contains(&words[k]) || !WORK_NOUN_OPENERS.contains(&words[k - 1]) {
                continue;
            }
            let end = title_end(words, k + 1);
            let title = &words[k + 1..end];
            // One word is a title only where nothing of a clause follows
            // ("the film Troy, which ...", not "the album Kessel released").
            let closed = words.get(end).is_none_or(|w| {
                matches!(*w, "," | "." | "(" | ")" | ":" | ";" | "by" | "\"" | "'")
            });
            // ("Series I and J bonds": letters name issues, not works.)
            if title.is_empty()
                || title[0].chars().count() == 1
                || title.len() == 1 && !closed
                || title.len() == 2 && is_given_name(title[0])
            {
                continue;
            }
            works.push(title.to_vec());
            Found {
                sentence: s,
                start: k + 1,
                end,
                label: EntityLabel::Misc,
            }
            .replace_overlapping(found);
        }
    }
    // "Vantor Diaries, the drama series, ...": a name before its work noun
    // in apposition.
    for f in found.iter() {
        let words = &doc[f.sentence];
        let after = &words[f.end.min(words.len())..];
        let apposed = after.first() == Some(&",")
            && after
                .get(1)
                .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
            && (2..after.len().min(5)).any(|j| {
                WORK_NOUNS.contains(&after[j])
                    && after
                        .get(j + 1)
                        .is_none_or(|w| matches!(*w, "," | "." | "which" | "that"))
            });
        if apposed {
            works.push(words[f.start..f.end].to_vec());
        }
    }
    for f in found.iter_mut() {
        if works
            .iter()
            .any(|w| doc[f.sentence][f.start..f.end] == w[..])
        {
            f.label = EntityLabel::Misc;
        }
    }
}

/// Where a title that starts at `start` ends: its capitalised words, and
/// one or two small words between two of them ("Top of the Charts", "Meet
/// the Kessels"), six words at most. Prepositions of place end it: "on
/// BBC One" after a title says where it runs.
/// Whether a span of `taken` (sentence, start, end), of any label, starts at
/// token `k` of sentence `s`.
fn span_starts_at(taken: &[(usize, usize, usize)], s: usize, k: usize) -> bool {
    taken.iter().any(|&(fs, a, _)| fs == s && a == k)
}

fn title_end(words: &[&str], start: usize) -> usize {
    const SMALL: &[&str] = &["of", "the", "and", "a"];
    let mut end = start;
    while end < words.len() && end - start < 6 {
        let w = words[end];
        if is_capitalised(w) && w.chars().any(char::is_alphabetic) {
            end += 1;
            continue;
        }
        // One or two small words, then a capital ("of the Charts").
        let small = words[end..]
            .iter()
            .take(2)
            .take_while(|w| SMALL.contains(w))
            .count();
        if end > start && small > 0 && words.get(end + small).is_some_and(|n| is_capitalised(n)) {
            end += small;
        } else {
            break;
        }
    }
    end
}

pub(super) fn take_acronym_types(doc: &[Vec<&str>], found: &mut Vec<Found>) {
    let mut typed: Vec<(usize, usize, EntityLabel)> = Vec::new();
    for f in found.iter() {
        let words = &doc[f.sentence];
        let (Some(open), Some(acronym), Some(close)) =
            (words.get(f.end), words.get(f.end + 1), words.get(f.end + 2))
        else {
            continue;
        };
        if *open != "("
            || *close != ")"
            || !is_acronym_like(acronym)
            || f.label == EntityLabel::Misc
        {
            continue;
        }
        // The capitals of the name spell the acronym's letters in order.
        let capitals: String = words[f.start..f.end]
            .iter()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        let mut rest = capitals.chars();
        if letters.chars().all(|c| rest.any(|x| x == c)) {
            typed.push((f.sentence, f.end + 1, f.label));
        }
    }
    for (s, at, label) in typed {
        found.retain(|f| f.sentence != s || f.end <= at || f.start > at);
        found.push(Found {
            sentence: s,
            start: at,
            end: at + 1,
            label,
        });
    }
}

/// "NATO", "HA", "G7": two to six capitals and figures, two capitals at least.
fn is_acronym_like(word: &str) -> bool {
    (2..=6).contains(&word.len())
        && word.chars().filter(char::is_ascii_uppercase).count() >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// "Medium.com", "bbc.co.uk": a site's name (not a full address).
fn is_site_name(word: &str) -> bool {
    if !word.contains('.') || word.len() < 4 {
        return false;
    }
    let lower = word.to_lowercase();
    if lower.starts_with("www.") || lower.contains("://") || word.contains(['@', '/']) {
        return false;
    }
    let mut parts = lower.split('.');
    let Some(head) = parts.next() else {
        return false;
    };
    let tail: Vec<&str> = parts.collect();
    head.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && head.chars().all(|c| c.is_alphanumeric() || c == '-')
        && !tail.is_empty()
        && tail.len() <= 2
        && tail.iter().all(|t| DOMAINS.contains(t))
}

/// "9gag", "4chan", "23andMe", "7-Eleven": figures, then three letters or
/// more that are no unit ("10mph", "1990s", "3rd", "10-day" are not names);
/// after a hyphen, a capitalised word.
fn is_figure_name(word: &str) -> bool {
    let rest = word.trim_start_matches(|c: char| c.is_ascii_digit());
    let (rest, hyphen) = match rest.strip_prefix('-') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    rest.len() < word.len()
        && rest.chars().count() >= 3
        && rest.chars().next().is_some_and(|c| {
            if hyphen {
                c.is_uppercase()
            } else {
                c.is_alphabetic()
            }
        })
        && rest.chars().all(char::is_alphanumeric)
        && !UNITS.contains(&rest.to_lowercase().as_str())
}

/// "O'Dowd", "N'Diaye", "D'Arcy": a capital, an apostrophe, a capitalised rest.
fn is_apostrophe_surname(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(a), Some('\'' | '’'), Some(b)) if a.is_uppercase() && b.is_uppercase()
    ) && word.chars().skip(2).all(char::is_alphabetic)
        && word.chars().count() >= 4
}

/// "40.7m", "3bn", "1,200": a figure with at most a unit after it.
fn is_amount(word: &str) -> bool {
    let rest = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    rest.len() < word.len()
        && word.starts_with(|c: char| c.is_ascii_digit())
        && matches!(
            rest,
            "" | "m" | "bn" | "mn" | "k" | "tn" | "pc" | "s" | "th" | "st" | "nd" | "rd"
        )
}

/// A line mostly in capitals (a headline or table row).
fn is_shouted(words: &[&str]) -> bool {
    let letters: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let caps = letters
        .iter()
        .filter(|w| !w.chars().any(char::is_lowercase))
        .count();
    caps * 2 > letters.len()
}

/// "al-Rashid", "bin-Laden": a particle joined to a surname.
pub(super) fn is_particle_name(word: &str) -> bool {
    word.split_once('-').is_some_and(|(p, rest)| {
        HYPHEN_PARTICLES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Whether `words[i]` is a function word capitalised only because it opens
/// the sentence ("Under", "But"): no part of a name that follows.
fn opens_with_function_word(words: &[&str], i: usize) -> bool {
    opens_sentence(words, i) && crate::names::is_clause_opener(words[i])
}

/// Whether word `i` opens a sentence or a quote (its capital says nothing).
pub(super) fn opens_sentence(words: &[&str], i: usize) -> bool {
    i == 0
        || words[i - 1]
            .chars()
            .all(|c| matches!(c, '"' | '\'' | '(' | ':' | '-' | '`' | '“' | '‘' | '.'))
}

/// A headline or title-cased line, where capitals say nothing.
fn is_title_cased(words: &[&str]) -> bool {
    let letters: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capital = letters.iter().filter(|w| is_capitalised(w)).count();
    letters.len() >= 4 && capital * 10 >= letters.len() * 8
}

/// Whether tokens `k`, `k + 1` ("-"), `k + 2` are a company's hyphenated
/// name right before its legal form ("Owens-Illinois Inc", "Solv-Ex
/// Corp"): two capitalised words that, alone, could each name a place or
/// be a common word, but a legal form after them says they are the name
/// of one company.
fn company_before_legal_form(tokens: &[Token], k: usize) -> bool {
    let capitalised_word = |w: &str| is_capitalised(w) && w.chars().all(char::is_alphabetic);
    capitalised_word(&tokens[k].form)
        && capitalised_word(&tokens[k + 2].form)
        && tokens
            .get(k + 3)
            .is_some_and(|t| LEGAL_FORM_WORDS.contains(&t.form.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::tests::{found, sorted, tiny};

    fn split(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn site_and_figure_names() {
        for w in ["Medium.com", "bbc.co.uk", "Buzzfeed.news"] {
            assert!(is_site_name(w), "{w}");
        }
        for w in [
            "www.example.com",
            "a.com",
            "e.g.",
            "U.S.",
            "3.5",
            "user@mail.com",
        ] {
            assert!(!is_site_name(w), "{w}");
        }
        for w in ["9gag", "4chan", "23andMe", "7-Eleven"] {
            assert!(is_figure_name(w), "{w}");
        }
        for w in [
            "10mph", "1990s", "3rd", "5pm", "2024", "gag", "4x4", "10-day", "3-Day",
        ] {
            assert!(!is_figure_name(w), "{w}");
        }
    }

    #[test]
    fn shaped_names() {
        let (rec, _, _dir) = tiny();
        let doc = vec![
            split("Fans of 9gag and Medium.com met on Tuesday ."),
            split("He met Ahmed bin Khalid in Peru ."),
            split("Lawyer Emily So told the court ."),
            split("Analysts said Ahmed al-Rashid resigned ."),
        ];
        let mut list = vec![
            found(0, 7, 8, EntityLabel::Person),
            found(1, 2, 3, EntityLabel::Place),
            found(1, 4, 5, EntityLabel::Place),
            found(1, 6, 7, EntityLabel::Place),
            found(2, 1, 2, EntityLabel::Person),
        ];
        rec.find_shaped_names(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 2, 3, EntityLabel::Organization),
                found(0, 4, 5, EntityLabel::Organization),
                found(1, 2, 5, EntityLabel::Person),
                found(1, 6, 7, EntityLabel::Place),
                found(2, 1, 3, EntityLabel::Person),
                found(3, 2, 4, EntityLabel::Person),
            ]
        );
    }

    #[test]
    fn a_partnership_keeps_every_partner() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec![
                "analyst", "with", "Tollund", "Varden", ",", "Harlow", "Kessel", "and", "Co",
                "said",
            ],
            vec!["said", "Ana", "Varden", ",", "Varden", "and", "Co"],
        ];
        let mut list = vec![found(1, 1, 3, EntityLabel::Person)];
        rec.find_shaped_names(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 2, 9, EntityLabel::Organization),
                found(1, 1, 3, EntityLabel::Person),
                found(1, 4, 7, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn organisations_lose_articles_and_place_compounds_and_dates() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec!["The", "Vantor", "Chemical", "Co", "said"],
            vec!["Lima-based", "Kessel", "Bank", "rose"],
            vec!["Harlow", "Corp", "on", "Friday", "said"],
            vec!["Harlow", "on", "Trent", "Trust"],
            vec!["A", "Vexa", "Media", "spokesman", "said"],
            vec!["shares", "of", "A", "Vexa", "Media", "rose"],
        ];
        let mut list = vec![
            found(0, 0, 4, EntityLabel::Organization),
            found(1, 0, 3, EntityLabel::Organization),
            found(2, 0, 4, EntityLabel::Organization),
            found(3, 0, 4, EntityLabel::Organization),
            found(4, 0, 3, EntityLabel::Organization),
            found(5, 2, 5, EntityLabel::Organization),
        ];
        rec.trim_organisations(&doc, &mut list);
        assert_eq!(
            list,
            [
                found(0, 1, 4, EntityLabel::Organization),
                found(1, 1, 3, EntityLabel::Organization),
                found(2, 0, 2, EntityLabel::Organization),
                found(3, 0, 4, EntityLabel::Organization),
                // Only a sentence's first "A" is the article.
                found(4, 1, 3, EntityLabel::Organization),
                found(5, 2, 5, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn a_name_after_a_storm_word_is_the_storm() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["Hurricane", "Vexa", "struck", "Tansford"],
            vec!["Vexa", "flooded", "the", "port"],
            vec!["Vexa", "Brandt", "said", "so"],
        ];
        let mut list = vec![
            found(0, 1, 2, EntityLabel::Person),
            found(0, 3, 4, EntityLabel::Place),
            found(1, 0, 1, EntityLabel::Person),
            found(2, 0, 2, EntityLabel::Person),
        ];
        name_storms(&doc, &mut list);
        assert_eq!(
            list,
            [
                found(0, 0, 2, EntityLabel::Misc),
                found(0, 3, 4, EntityLabel::Place),
                found(1, 0, 1, EntityLabel::Misc),
                found(2, 0, 2, EntityLabel::Person),
            ]
        );
    }

    #[test]
    fn dates_and_shouted_common_words_are_no_names() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec!["Tour", "starts", "May", "31", "."],
            vec!["13", "May", ":", "arrive"],
            vec!["May", "said", "no", "."],
            vec!["ROUND", "ONE", "RESULTS"],
            vec!["Round", "Partners", "said", "."],
            vec!["Round", "said", "."],
        ];
        let mut list = vec![
            found(0, 2, 3, EntityLabel::Organization),
            found(1, 1, 2, EntityLabel::Place),
            found(2, 0, 1, EntityLabel::Organization),
            found(3, 0, 1, EntityLabel::Organization),
            found(4, 0, 2, EntityLabel::Organization),
            found(5, 0, 1, EntityLabel::Organization),
        ];
        rec.drop_dates_and_common_words(&doc, &mut list);
        assert_eq!(
            list,
            [
                found(2, 0, 1, EntityLabel::Organization),
                found(4, 0, 2, EntityLabel::Organization),
                found(5, 0, 1, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn organisation_endings_institutions_members_amounts() {
        let (rec, _, _dir) = tiny();
        let doc = vec![
            split("Readers of Coral Bay Weekly met Lantern Trustees staff ."),
            split("The Senate Democrat leader spoke in Parliament about Tarnobank ."),
            split("It cost 40.7m , said Ronan O'Hare and Ronan O'Hare ."),
            split("The International Festival of Puppet Theatre opened ."),
        ];
        let mut list = vec![
            found(0, 2, 4, EntityLabel::Place),
            found(1, 1, 3, EntityLabel::Organization),
            found(2, 2, 3, EntityLabel::Organization),
            found(2, 5, 7, EntityLabel::Organization),
            found(2, 8, 9, EntityLabel::Person),
            found(3, 1, 3, EntityLabel::Misc),
            found(1, 8, 9, EntityLabel::Misc),
        ];
        rec.find_shaped_names(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 2, 5, EntityLabel::Organization),
                found(0, 6, 8, EntityLabel::Organization),
                found(1, 1, 2, EntityLabel::Organization),
                found(1, 2, 3, EntityLabel::Misc),
                found(1, 6, 7, EntityLabel::Organization),
                found(1, 8, 9, EntityLabel::Organization),
                found(2, 5, 7, EntityLabel::Person),
                found(2, 8, 10, EntityLabel::Person),
                found(3, 1, 6, EntityLabel::Misc),
            ]
        );
    }

    #[test]
    fn titles_are_no_part_of_names() {
        let (rec, _, _dir) = tiny();
        let doc = vec![
            split("The President Anna Ruiz spoke ."),
            split("Mexico Anna Ruiz spoke ."),
            split("Ambassador Peter Brown spoke ."),
            split("President Motors fell ."),
            // An office's place the gazetteer does not know, before a full
            // name; a lone given name after it stays in the span.
            split("The President of Tansford Anna Ruiz spoke ."),
            split("The President of Tansford Anna spoke ."),
            split("The President of J. Anna Ruiz spoke ."),
        ];
        let mut list = vec![
            found(0, 1, 4, EntityLabel::Place),
            found(1, 0, 3, EntityLabel::Place),
            found(2, 0, 3, EntityLabel::Person),
            found(3, 0, 2, EntityLabel::Organization),
            found(4, 3, 6, EntityLabel::Person),
            found(5, 3, 5, EntityLabel::Person),
            found(6, 3, 6, EntityLabel::Person),
        ];
        rec.strip_titles(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 2, 4, EntityLabel::Person),
                found(1, 0, 1, EntityLabel::Place),
                found(1, 1, 3, EntityLabel::Person),
                found(2, 1, 3, EntityLabel::Person),
                found(3, 0, 2, EntityLabel::Organization),
                found(4, 3, 4, EntityLabel::Place),
                found(4, 4, 6, EntityLabel::Person),
                found(5, 3, 5, EntityLabel::Person),
                found(6, 3, 6, EntityLabel::Person),
            ]
        );
    }

    #[test]
    fn an_organisation_run_on_into_a_person_is_split() {
        let (rec, _, _dir) = tiny();
        let doc = vec![
            split("software group KLV Anna Ruiz is to leave ."),
            split("the head of Vantor Bank Anna Ruiz spoke ."),
            // One plain word before the given name: a name of its own.
            split("he joined Bank Anna Ruiz in May ."),
        ];
        let mut list = vec![
            found(0, 2, 5, EntityLabel::Organization),
            found(1, 3, 7, EntityLabel::Organization),
            found(2, 2, 5, EntityLabel::Organization),
        ];
        rec.split_organisation_from_person(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 2, 3, EntityLabel::Organization),
                found(0, 3, 5, EntityLabel::Person),
                found(1, 3, 5, EntityLabel::Organization),
                found(1, 5, 7, EntityLabel::Person),
                found(2, 2, 5, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn a_title_run_into_an_organisation_is_split_from_it() {
        let (rec, _, _dir) = tiny();
        let doc = vec![
            split("Vantor Bank Vice President Anna Ruiz said so ."),
            split("Vantor Bank Vice President said so ."),
            // Already a person after the title.
            split("Vantor Bank Chairman Anna Ruiz said so ."),
        ];
        let mut list = vec![
            found(0, 0, 4, EntityLabel::Organization),
            found(1, 0, 4, EntityLabel::Organization),
            found(2, 0, 3, EntityLabel::Organization),
            found(2, 3, 5, EntityLabel::Person),
        ];
        rec.split_title_from_organisation(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 0, 2, EntityLabel::Organization),
                found(0, 4, 6, EntityLabel::Person),
                found(1, 0, 4, EntityLabel::Organization),
                found(2, 0, 2, EntityLabel::Organization),
                found(2, 3, 5, EntityLabel::Person),
            ]
        );
    }

    #[test]
    fn two_organisation_names_joined_by_and_are_split() {
        let (rec, _, _dir) = tiny();
        let doc = vec![
            split("Vantor hired Kessel Bank and Harlow Bank as advisers ."),
            // One name: the head word once, or no name before it.
            split("he joined Kessel Bank and Trust Co in May ."),
            split("he joined Tollund and Harlow Group in May ."),
            split("he joined Kessel Post and Free Press Group in May ."),
        ];
        let mut list = vec![
            found(0, 2, 7, EntityLabel::Organization),
            found(1, 2, 7, EntityLabel::Organization),
            found(2, 2, 6, EntityLabel::Organization),
            found(3, 2, 8, EntityLabel::Organization),
        ];
        rec.split_paired_organisations(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 2, 4, EntityLabel::Organization),
                found(0, 5, 7, EntityLabel::Organization),
                found(1, 2, 7, EntityLabel::Organization),
                found(2, 2, 6, EntityLabel::Organization),
                found(3, 2, 8, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn organisations_by_context() {
        let (rec, _, _dir) = tiny();
        let doc = vec![
            split("The Harbour Watch Group said the port was closed ."),
            split("A spokesman for Rivers Trust declined to comment ."),
            split("Officials of Mexico and members of the Tide Forum met ."),
            // ("round" is a common word in the test's cluster table.)
            split("Later , Round Mexico said the road was open ."),
            split("Rivers Trust and Harbour Watch Group agreed ."),
            split("The President said John Smith had left ."),
            split("It was sold to Lumora , the country 's largest brewer ."),
        ];
        let mut list = vec![found(3, 3, 4, EntityLabel::Place)];
        rec.find_organisations_in_context(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 1, 4, EntityLabel::Organization),
                found(1, 3, 5, EntityLabel::Organization),
                found(2, 7, 9, EntityLabel::Organization),
                found(3, 2, 4, EntityLabel::Organization),
                found(4, 0, 2, EntityLabel::Organization),
                found(4, 3, 6, EntityLabel::Organization),
                found(6, 4, 5, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn bracketed_acronyms_take_the_type_of_their_name() {
        let doc = vec![
            split("The Republic of Arcadia ( RA ) and the Tide Forum ( TF ) met ."),
            split("Anna Berg ( QX ) spoke ."),
        ];
        let mut list = vec![
            found(0, 1, 4, EntityLabel::Place),
            found(0, 5, 6, EntityLabel::Organization),
            found(0, 9, 11, EntityLabel::Organization),
            found(1, 0, 2, EntityLabel::Person),
        ];
        take_acronym_types(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 1, 4, EntityLabel::Place),
                found(0, 5, 6, EntityLabel::Place),
                found(0, 9, 11, EntityLabel::Organization),
                found(0, 12, 13, EntityLabel::Organization),
                found(1, 0, 2, EntityLabel::Person),
            ]
        );
    }

    #[test]
    fn graph_keeps_named_things_only() {
        let (rec, _, _dir) = tiny();
        let doc = vec![split(
            "Mexican fans of the 2026 World Cup met Acme-based staff paid in C$ .",
        )];
        let mut list = vec![
            found(0, 0, 1, EntityLabel::Misc),
            found(0, 4, 7, EntityLabel::Misc),
            found(0, 8, 9, EntityLabel::Misc),
            found(0, 12, 13, EntityLabel::Misc),
        ];
        rec.keep_named_things(&doc, &mut list);
        assert_eq!(list, [found(0, 5, 7, EntityLabel::Misc)]);
    }

    #[test]
    fn hyphenated_names_are_one_word() {
        let (rec, _, _dir) = tiny();
        let tokens_of = |text: &str| -> Vec<Token> {
            crate::tokenize(text)
                .into_iter()
                .map(|s| Token::unanalyzed(s, s.of(text)))
                .collect()
        };
        let text = "Park Ji-hoon met al-Rashid at 7-Eleven near a Mexico-based US-Mexico office.";
        let tokens = tokens_of(text);
        let (words, map) = rec.name_words(text, &tokens);
        assert_eq!(
            words,
            [
                "Park",
                "Ji-hoon",
                "met",
                "al-Rashid",
                "at",
                "7-Eleven",
                "near",
                "a",
                "Mexico",
                "-",
                "based",
                "US",
                "-",
                "Mexico",
                "office",
                "."
            ]
        );
        assert_eq!(map[1], 1..4);
        assert_eq!(map.last(), Some(&(tokens.len() - 1..tokens.len())));
        // A title word closing a double-barrelled surname joins it; a
        // combining form opening a compound does not.
        let text = "Ana Hale-King met the Vice-President.";
        let tokens = tokens_of(text);
        let (words, _) = rec.name_words(text, &tokens);
        assert!(words.contains(&"Hale-King"), "{words:?}");
        assert!(!words.contains(&"Vice-President"), "{words:?}");
        // Two place names are one company's name before its legal form;
        // without one they stay apart.
        let text = "US-Mexico Inc sold the US-Mexico line.";
        let tokens = tokens_of(text);
        let (words, _) = rec.name_words(text, &tokens);
        assert_eq!(words[0], "US-Mexico", "{words:?}");
        assert_eq!(&words[4..7], ["US", "-", "Mexico"], "{words:?}");
    }
}
