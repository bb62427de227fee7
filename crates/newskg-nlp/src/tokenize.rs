//! Tokenizer: raw text in, word byte spans out, following the Universal
//! Dependencies English-EWT conventions the tagger and parser were trained on.
//!
//! [`tokenize`] returns one [`Span`] per syntactic word, in text order, never
//! empty, never overlapping, never containing whitespace; `&text[span]` is the
//! word exactly as written (offsets are lossless, nothing is normalised).
//!
//! Conventions (checked against EWT r2.16):
//! - clitics are separate words: "don't" → do n't, "can't" → ca n't,
//!   "won't" → wo n't, "I'm" → I 'm, "Trump's" → Trump 's (straight or curly
//!   apostrophe), "cannot" → can not, "gonna" → gon na;
//! - punctuation and quotes are split off; runs of `.`/`!`/`?` ("...",
//!   "?!"), of hyphens ("--") and of one dash character are one token each;
//! - abbreviations and initials keep their period ("U.S.", "Mr.", "Jan.",
//!   "J.", "e.g."), also at the end of a sentence (EWT writes no extra ".");
//! - numbers stay whole ("3.5", "1,000", "10:30", "11/28/2000") but currency
//!   and percent signs are split ("$" 5, 50 "%"), as is "5pm" → 5 pm;
//! - URLs and e-mail addresses are one token;
//! - hyphenated words are split ("US-Mexico" → US - Mexico) except after a
//!   bound prefix ("co-operate", "non-stop", "e-mail") or between digits
//!   ("713-853-3989"), as EWT does.
//!
//! Why hand-written scanning: the whole pipeline targets 150,000 tokens/s on
//! one core, so the tokenizer walks the bytes once with an ASCII fast path and
//! allocates nothing but the output vector.

use super::{Span, Token};

/// Splits `text` into word tokens, returned as byte spans in order.
///
/// ```
/// use newskg_nlp::{tokenize, Span};
/// let text = "Mr. Smith didn't pay $5.";
/// let words: Vec<&str> = tokenize(text).iter().map(|s| s.of(text)).collect();
/// assert_eq!(words, ["Mr.", "Smith", "did", "n't", "pay", "$", "5", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(text, i);
        if is_space(c) {
            i += len;
            continue;
        }
        let mut end = i + len;
        while end < bytes.len() {
            let (c, len) = char_at(text, end);
            if is_space(c) {
                break;
            }
            end += len;
        }
        Chunk {
            text,
            end,
            out: &mut out,
        }
        .run(i);
        i = end;
    }
    out
}

/// Small words inside company names ("Banco de Investimento", "Bank of
/// Tokyo", "Marks and Spencer").
const NAME_SMALL_WORDS: &[&str] = &[
    "of", "and", "de", "del", "della", "des", "du", "et", "la", "le", "les", "van", "von", "der",
    "den", "y", "e", "for", "the", "am", "an", "in",
];

/// Wire copy marks company names with angle brackets ("said it acquired
/// <Vantor 9 Inc> of Ohio"): the indices of each "<" and its ">" around
/// `words` that are such a name ([`is_bracketed_name`]). A ticker code
/// ("<VNTR.L>"), an e-mail address ("<ana@example.com>") and a quoted line
/// of a forum post ("<To be sure, ...>") are no such names. The
/// recognizer reads the words between as one name.
pub(crate) fn bracketed_names(words: &[&str]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let close = (words[k] == "<")
            .then(|| (k + 1..words.len().min(k + 14)).find(|&j| matches!(words[j], "<" | ">")))
            .flatten()
            .filter(|&j| words[j] == ">" && is_bracketed_name(&words[k + 1..j]));
        match close {
            Some(close) => {
                pairs.push((k, close));
                k = close + 1;
            }
            None => k += 1,
        }
    }
    pairs
}

/// [`bracketed_names`] among `tokens`, where the brackets are also written
/// tight around the name ("a < Vantor > b" is a comparison): the analyzer
/// hides these from the tagger and parser.
pub(crate) fn name_bracket_pairs(tokens: &[Token]) -> Vec<(usize, usize)> {
    // (Every sentence comes here; few have a bracket.)
    if !tokens.iter().any(|t| t.form == "<") {
        return Vec::new();
    }
    let words: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
    bracketed_names(&words)
        .into_iter()
        .filter(|&(open, close)| {
            tokens[open].span.end == tokens[open + 1].span.start
                && tokens[close - 1].span.end == tokens[close].span.start
        })
        .collect()
}

/// Whether `words`, written between angle brackets, are a name as wire
/// copy marks one: each word capitalised (or a number, or a name's small
/// word), a lower-case letter among them (a ticker code has none), no "@"
/// (an e-mail address).
fn is_bracketed_name(words: &[&str]) -> bool {
    !words.is_empty()
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, ',' | '.' | '-' | '&' | '(' | ')' | '\'')
            }) || NAME_SMALL_WORDS.contains(w)
        })
        && words.iter().any(|w| w.chars().any(char::is_lowercase))
        && !words.iter().any(|w| w.contains('@'))
}

/// Separators: Unicode whitespace plus invisible format characters that
/// never belong to a word (zero-width space, byte-order mark, direction marks).
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{FEFF}' | '\u{200E}' | '\u{200F}' | '\u{2060}'
        )
}

/// The char starting at byte `i` and its length (the caller keeps `i` on a
/// char boundary; past the end gives NUL, length 1).
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes().get(i).copied().unwrap_or(0);
    if b < 0x80 {
        return (b as char, 1);
    }
    match text.get(i..).and_then(|s| s.chars().next()) {
        Some(c) => (c, c.len_utf8()),
        None => ('\0', 1),
    }
}

/// Letters, digits and marks of any script: what words are made of.
/// Non-ASCII characters count as word characters unless they fall in the
/// punctuation, symbol or emoji blocks (so combining marks and viramas of
/// Indic scripts stay inside their word).
#[inline]
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if c.is_alphanumeric() {
        return true;
    }
    let u = c as u32;
    !(u < 0x300
        || (0x2000..=0x2BFF).contains(&u)
        || (0x2E00..=0x2E7F).contains(&u)
        || (0x3000..=0x303F).contains(&u)
        || (0xFE00..=0xFE6F).contains(&u)
        || (0xFF00..=0xFF20).contains(&u)
        || (0xFF3B..=0xFF40).contains(&u)
        || (0xFF5B..=0xFF65).contains(&u)
        || (0x1F000..=0x1FAFF).contains(&u)
        || c.is_whitespace()
        || c.is_control())
}

/// Characters that extend a preceding symbol into one emoji: variation
/// selectors, skin tones, the keycap mark and zero-width joiner sequences.
fn is_emoji_extender(c: char) -> bool {
    matches!(c, '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}' | '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
}

/// Prefixes that EWT keeps attached to the rest of a hyphenated word.
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "bi", "co", "counter", "cross", "de", "e", "ex", "extra", "hyper", "inter", "intra",
    "macro", "meta", "micro", "mid", "mini", "multi", "neo", "non", "over", "pan", "post", "pre",
    "pro", "pseudo", "psycho", "re", "semi", "socio", "sub", "super", "trans", "tri", "ultra",
    "un", "under",
];

/// Abbreviations that keep a following period (matched case-sensitively;
/// the lower-case entries also match with a capital first letter).
const ABBREVIATIONS: &[&str] = &[
    // titles
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Drs", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Gen", "Sen",
    "Sens", "Rep", "Reps", "Gov", "Lt", "Col", "Capt", "Cpt", "Sgt", "Maj", "Adm", "Cmdr", "Cdr",
    "Rev", "Hon", "Pres", "Supt", "Cpl", "Pvt", "Insp", "Fr", "Atty", "Gens", "Lieut", "Brig",
    // companies and places
    "Inc", "Corp", "Co", "Ltd", "Bros", "Assn", "Dept", "Univ", "Inst", "Ave", "Blvd", "Rd", "Hwy",
    "Ln", "Sq", "Pl", "Ste", "Apt", "Calif", "Ariz", "Ala", "Ark", "Colo", "Conn", "Del", "Fla",
    "Ga", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Mo", "Mont", "Neb", "Nev",
    "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wis", "Wyo", "Ont", "Que",
    // dates
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", // other
    "etc", "vs", "v", "approx", "est", "al", "cf", "viz", "ca", "fig", "figs", "vol", "vols", "pp",
    "ext", "dept", "misc", "govt", "attn", "tel", "yr", "yrs", "mos", "hrs", "mins", "secs", "lbs",
    "oz", "ft", "sq",
];

/// Nouns a Roman numeral follows as a number ("World War I", "Phase I"):
/// an "I." after them is that numeral, not a middle initial.
const NUMBERED_NOUNS: &[&str] = &[
    "War", "Phase", "Stage", "Part", "Chapter", "Title", "Class", "Type", "Level", "Grade",
    "Round", "Act", "Book", "Volume", "Division", "Tier", "Section", "Article", "Schedule",
    "Annex", "Appendix",
];

/// Abbreviations that keep their period only before a number ("No. 5").
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "No", "no", "Nos", "nos", "Art", "art", "Ch", "ch", "p", "Sec", "sec",
];

/// Whether `word` (without its period) is a known abbreviation.
fn is_abbreviation(word: &str) -> bool {
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    // "Etc", "Vs": a lower-case entry written with a capital.
    let mut cs = word.chars();
    match cs.next() {
        Some(f) if f.is_ascii_uppercase() => {
            let rest = cs.as_str();
            rest.bytes().all(|b| b.is_ascii_lowercase())
                && ABBREVIATIONS.iter().any(|a| {
                    a.len() == word.len()
                        && a.as_bytes()[0] == f.to_ascii_lowercase() as u8
                        && a[1..] == *rest
                })
        }
        _ => false,
    }
}

/// Whether a word with inner periods is an abbreviation: every part is one
/// or two letters ("U.S", "e.g", "a.m", "Ph.D"), unlike "example.com".
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Contractions written without an apostrophe, and where they split.
const FUSED: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("isnt", 2),
    ("wasnt", 3),
    ("arent", 3),
    ("werent", 4),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("havent", 4),
    ("hasnt", 3),
    ("hadnt", 3),
];

/// One whitespace-free stretch of the text being cut into tokens.
struct Chunk<'a, 'o> {
    text: &'a str,
    /// End of the chunk (bytes).
    end: usize,
    out: &'o mut Vec<Span>,
}

impl Chunk<'_, '_> {
    /// The char at `i` when `i` is inside the chunk, else NUL.
    #[inline]
    fn at(&self, i: usize) -> char {
        if i < self.end {
            char_at(self.text, i).0
        } else {
            '\0'
        }
    }

    fn push(&mut self, start: usize, end: usize) {
        if end > start {
            self.out.push(Span::new(start, end));
        }
    }

    /// Cuts the chunk from `i` to its end.
    fn run(&mut self, mut i: usize) {
        while i < self.end {
            let c = self.at(i);
            i = if is_word(c) {
                match self.url_or_email(i) {
                    Some(end) => {
                        self.push(i, end);
                        end
                    }
                    None => self.word(i),
                }
            } else {
                self.punct(i, c)
            };
        }
    }

    /// The end of a URL or e-mail address starting at `i`, without trailing
    /// punctuation that belongs to the sentence.
    fn url_or_email(&self, i: usize) -> Option<usize> {
        let rest = &self.text[i..self.end];
        let is_url = ["http://", "https://", "ftp://", "mailto:", "www."]
            .iter()
            .any(|p| {
                rest.len() > p.len()
                    && rest
                        .get(..p.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(p))
            });
        let is_email = !is_url
            && rest.find('@').is_some_and(|a| {
                let domain = rest[a + 1..]
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('.');
                a > 0
                    && rest[..a]
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b))
                    && domain.contains('.')
                    && !domain.starts_with('.')
            });
        if !is_url && !is_email {
            return None;
        }
        let mut end = self.end;
        if is_email {
            // local@domain.tld: stop at the first char that is not a domain char.
            let a = rest.find('@').map_or(0, |a| i + a + 1);
            end = a;
            while end < self.end
                && (self.text.as_bytes()[end].is_ascii_alphanumeric()
                    || b".-".contains(&self.text.as_bytes()[end]))
            {
                end += 1;
            }
        }
        let open_parens = self.text[i..end].matches('(').count();
        while end > i {
            let (last, len) = last_char(&self.text[i..end]);
            let strip = matches!(
                last,
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '”' | '’' | '»' | ']' | '>'
            ) || (last == ')' && self.text[i..end].matches(')').count() > open_parens);
            if !strip {
                break;
            }
            end -= len;
        }
        (end > i).then_some(end)
    }

    /// Scans a word from `i` (a word char), emits its tokens, returns its end.
    fn word(&mut self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut j = start;
        let mut has_inner = false; // any joiner inside the word ('.', '-', apostrophe...)
        loop {
            // A run of word characters.
            while j < self.end {
                let b = bytes[j];
                if b < 0x80 {
                    if b.is_ascii_alphanumeric() {
                        j += 1;
                        continue;
                    }
                    break;
                }
                let (c, len) = char_at(self.text, j);
                if !is_word(c) {
                    break;
                }
                j += len;
            }
            let c = self.at(j);
            let prev = bytes[j - 1];
            let next = self.at(j + c.len_utf8());
            let joins = match c {
                '.' => is_word(next) && !self.sentence_glue(start, j),
                ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
                ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
                '\'' => next.is_alphabetic(),
                '-' | '\u{2010}' | '_' => is_word(next),
                // "AT&T", "p&l"
                '&' => {
                    (prev.is_ascii_uppercase() && next.is_ascii_uppercase())
                        || (prev.is_ascii_alphabetic()
                            && next.is_ascii_alphabetic()
                            && j - start <= 2)
                }
                // "Edison@ENRON" (addresses with a dotted domain are caught earlier)
                '@' => prev.is_ascii_alphanumeric() && next.is_ascii_alphanumeric(),
                _ => false,
            } || (c == '’' && next.is_alphabetic());
            if !joins {
                break;
            }
            has_inner = true;
            j += c.len_utf8();
        }
        // A final period: kept by abbreviations and initials.
        let mut end = j;
        if self.at(j) == '.' && self.at(j + 1) != '.' {
            let w = &self.text[start..j];
            let single_capital = w.len() == 1 && w != "I" && bytes[start].is_ascii_uppercase();
            if single_capital
                || (w == "I" && self.is_middle_initial(start, j + 1))
                || is_dotted_abbreviation(w)
                || is_abbreviation(w)
                || (w.contains('.') && clock_split(w).is_some())
                || (NUMBER_ABBREVIATIONS.contains(&w) && self.followed_by_number(j + 1))
                || self.is_list_number(start, j)
            {
                end = j + 1;
            }
        } else if matches!(self.at(j), '-' | '\u{2010}')
            && j + 1 == self.end
            && self.text[start..j].chars().all(char::is_alphabetic)
            && ["and ", "or ", "to "]
                .iter()
                .any(|c| self.text[j + 1..].trim_start().starts_with(c))
        {
            // A prefix broken off before "and"/"or"/"to": "pre- and post-war".
            end = j + self.at(j).len_utf8();
            self.push(start, end);
            return end;
        }
        if has_inner || end - start >= 3 {
            self.split_word(start, j, end);
        } else {
            self.push(start, end);
        }
        end
    }

    /// Whether "I." (from `start` to `after`, past its period) is a middle
    /// initial ("Lloyd I. Vexa") rather than the pronoun ending a sentence:
    /// it sits between two capitalised words, the one before is not a noun
    /// that takes a numeral ("World War I.", "Phase I."), and the one after
    /// is not a word sentences start with ("... as did I. The ...").
    fn is_middle_initial(&self, start: usize, after: usize) -> bool {
        let before = self.text[..start].strip_suffix(' ').unwrap_or("");
        let prev = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let rest = self.text[after..].strip_prefix(' ').unwrap_or("");
        let next = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let name_like = |w: &str| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 2
                && cs.all(char::is_lowercase)
        };
        name_like(prev)
            && name_like(next)
            && !NUMBERED_NOUNS.contains(&prev)
            && !crate::sentences::is_sentence_starter(next)
    }

    /// Whether the period at `dot` glues two sentences written without a
    /// space ("end.The") rather than joining parts of one word ("U.S",
    /// "example.com", "3.5").
    fn sentence_glue(&self, start: usize, dot: usize) -> bool {
        let bytes = self.text.as_bytes();
        if self.text[start..dot].contains('.') {
            return false; // "U.S", "e.g"
        }
        let after = self.at(dot + 1);
        let after2 = self.at(dot + 2);
        let left = &self.text[start..dot];
        let run_start = left
            .rfind(|c: char| !c.is_alphanumeric())
            .map_or(start, |k| start + k + 1);
        let run = &bytes[run_start.min(dot)..dot];
        let initial = run.len() == 1 && run[0].is_ascii_uppercase();
        let word = run.len() >= 2
            && run.iter().all(u8::is_ascii_alphabetic)
            && run[run.len() - 1].is_ascii_lowercase();
        after.is_uppercase() && after2.is_lowercase() && (initial || word)
    }

    /// Whether the next token after byte `i` (skipping spaces) is a number.
    fn followed_by_number(&self, i: usize) -> bool {
        self.text[i..]
            .trim_start()
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit)
    }

    /// Emits the tokens of the word `start..end` (`core_end` is before any
    /// abbreviation period): hyphen splits, clitics, fused contractions.
    fn split_word(&mut self, start: usize, core_end: usize, end: usize) {
        let w = &self.text[start..core_end];
        // Hyphens: split unless between digits or after a bound prefix.
        if w.contains(['-', '\u{2010}']) && !w.contains(['.', '@', '/']) && !numeric_code(w) {
            let mut piece_start = start;
            let mut k = start;
            while k < core_end {
                let (c, len) = char_at(self.text, k);
                if (c == '-' || c == '\u{2010}') && !self.keeps_hyphen(piece_start, k, core_end) {
                    self.clitics(piece_start, k, k);
                    self.push(k, k + len);
                    piece_start = k + len;
                }
                k += len;
            }
            self.clitics(piece_start, core_end, end);
            return;
        }
        self.clitics(start, core_end, end);
    }

    /// Whether the hyphen at `h` stays inside its word (after a bound
    /// prefix); `piece_start` is the start of the current piece, `end` the
    /// end of the word.
    fn keeps_hyphen(&self, piece_start: usize, h: usize, end: usize) -> bool {
        let left_start =
            self.text[piece_start..h]
                .rfind(['-', '\u{2010}'])
                .map_or(piece_start, |k| {
                    piece_start
                        + k
                        + self.text[piece_start + k..]
                            .chars()
                            .next()
                            .map_or(1, char::len_utf8)
                });
        let left = &self.text[left_start..h];
        // The hyphen is one byte ('-') or three (U+2010): step over it whole
        // (issue 15 item 5: the fuzzer found a panic slicing inside U+2010).
        let after = h + self.text[h..].chars().next().map_or(1, char::len_utf8);
        let right_end = self.text[after..end]
            .find(['-', '\u{2010}'])
            .map_or(end, |k| after + k);
        let right = &self.text[after..right_end];
        let lower = left.to_ascii_lowercase();
        HYPHEN_PREFIXES.contains(&lower.as_str())
            && right.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Whether the number `start..dot` followed by a period numbers a list
    /// item: one or two digits at the start of the text, of a line or after
    /// a sentence end, before a capital ("elements. 4. A compound").
    fn is_list_number(&self, start: usize, dot: usize) -> bool {
        let w = &self.text[start..dot];
        if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let before = self.text[..start].trim_end_matches([' ', '\t']);
        let after_break = before.is_empty()
            || before.ends_with(['\n', '.', '!', '?', ':'])
            || before.ends_with(['"', '”', ')']);
        let next = self.text[dot + 1..].trim_start_matches([' ', '\t']);
        after_break && dot + 1 == self.end && next.starts_with(|c: char| c.is_uppercase())
    }

    /// Emits `start..end` split into host and clitic where it has one;
    /// `core_end` is the end without an abbreviation period.
    fn clitics(&mut self, start: usize, core_end: usize, end: usize) {
        let w = &self.text[start..core_end];
        if end == core_end {
            if let Some(at) = clitic_start(w) {
                self.push(start, start + at);
                self.push(start + at, end);
                return;
            }
            if let Some(at) = fused_split(w) {
                self.push(start, start + at);
                self.push(start + at, end);
                return;
            }
            if let Some(at) = clock_split(w).or_else(|| unit_split(w)) {
                self.push(start, start + at);
                self.push(start + at, end);
                return;
            }
        } else if let Some(at) = clock_split(&self.text[start..end]) {
            // "5p.m."
            self.push(start, start + at);
            self.push(start + at, end);
            return;
        }
        self.push(start, end);
    }

    /// Emits the punctuation or symbol token at `i` and returns its end.
    fn punct(&mut self, i: usize, c: char) -> usize {
        let len = c.len_utf8();
        let mut end = i + len;
        match c {
            // "...", "....": dots alone; "?!", "!!!", ".?": marks alone
            // or after one period.
            '.' => {
                while self.at(end) == '.' {
                    end += 1;
                }
                if end == i + 1 {
                    while matches!(self.at(end), '!' | '?') {
                        end += 1;
                    }
                }
            }
            '!' | '?' => {
                while matches!(self.at(end), '!' | '?') {
                    end += 1;
                }
            }
            '-' | '—' | '–' | '_' | '*' | '=' | '~' | '#' | '$' | '`' | '^' | '+' | '…' => {
                while self.at(end) == c {
                    end += len;
                }
            }
            '\'' | '’' => {
                // A clitic after a space ("do n't" is handled as a word): 's 'm 'd 'll 're 've.
                let rest = &self.text[end..self.end];
                let n = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
                let after = rest[n..].chars().next().unwrap_or(' ');
                let d = rest.bytes().take_while(u8::is_ascii_digit).count();
                if n > 0 && !after.is_alphanumeric() && is_clitic_tail(&rest[..n]) {
                    end += n;
                } else if d == 2 && !rest[d..].starts_with(|c: char| c.is_ascii_digit()) {
                    end += d; // '68: a year
                } else {
                    while self.at(end) == c {
                        end += len;
                    }
                }
            }
            ':' | ';' => {
                // Emoticons that end the chunk: ":)", ":-(", ";D".
                let rest = &self.text[end..self.end];
                for face in [")", "(", "D", "P", "-)", "-(", "-D", "-P"] {
                    if rest == face {
                        end = self.end;
                        break;
                    }
                }
            }
            _ if !c.is_ascii() => {
                // Emoji with modifiers and zero-width-joiner sequences.
                loop {
                    let n = self.at(end);
                    if n == '\u{200D}' && end + 3 < self.end {
                        end += 3;
                        end += self.at(end).len_utf8();
                    } else if is_emoji_extender(n) {
                        end += n.len_utf8();
                    } else {
                        break;
                    }
                }
            }
            _ => {}
        }
        self.push(i, end);
        end
    }
}

/// The last char of a non-empty string and its length.
fn last_char(s: &str) -> (char, usize) {
    s.chars()
        .next_back()
        .map_or(('\0', 1), |c| (c, c.len_utf8()))
}

/// Whether `tail` (after an apostrophe) is a clitic: s m d ll re ve (any case).
fn is_clitic_tail(tail: &str) -> bool {
    ["s", "m", "d", "ll", "re", "ve"]
        .iter()
        .any(|t| tail.eq_ignore_ascii_case(t))
}

/// Where the clitic of `w` starts ("don't" → 2, "I'm" → 1), if it has one.
fn clitic_start(w: &str) -> Option<usize> {
    let bytes = w.as_bytes();
    // n't / n’t
    for apos in ["'", "’"] {
        let nt_len = 1 + apos.len() + 1;
        if bytes.len() > nt_len {
            let at = bytes.len() - nt_len;
            if !w.is_char_boundary(at) {
                continue;
            }
            let tail = &w[at..];
            if (tail.starts_with('n') || tail.starts_with('N'))
                && tail[1..].starts_with(apos)
                && tail.ends_with(['t', 'T'])
            {
                return Some(at);
            }
        }
    }
    let apos = w.rfind(['\'', '’'])?;
    let tail = &w[apos..];
    let tail = tail.trim_start_matches(['\'', '’']);
    // "80's" (a decade) stays whole.
    let numeric_host = w[..apos].bytes().all(|b| b.is_ascii_digit());
    (apos > 0 && !numeric_host && is_clitic_tail(tail)).then_some(apos)
}

/// Whether a hyphenated word is a code EWT keeps whole: a phone number
/// ("713-853-3989", "646-8420"), a ZIP+4 code ("20006-3700") or a date ("11-20-2000", "01-Feb-02");
/// ranges and scores ("1946-1954", "4-0") are split.
fn numeric_code(w: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = w.split('-').collect();
    match parts.as_slice() {
        [a, b] => digits(a) && digits(b) && matches!((a.len(), b.len()), (3, 4) | (5, 4)),
        [a, .., z] => digits(a) && digits(z),
        _ => false,
    }
}

/// Where a number glued to an upper-case unit splits ("81K" → 2,
/// "300USD" → 3); ordinals and decades ("17th", "1980s") stay whole.
fn unit_split(w: &str) -> Option<usize> {
    let digits = w
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
        .count();
    let rest = &w[digits..];
    (digits >= 2
        && w.as_bytes()[0].is_ascii_digit()
        && !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_uppercase()))
    .then_some(digits)
}

/// Where a contraction written without apostrophe splits ("cannot" → 3).
fn fused_split(w: &str) -> Option<usize> {
    if w.len() > 8 || w.len() < 4 {
        return None;
    }
    FUSED
        .iter()
        .find(|(f, _)| f.eq_ignore_ascii_case(w))
        .map(|(_, at)| *at)
}

/// Where a time written with its am/pm splits ("5pm" → 1, "10:30a.m." → 5).
fn clock_split(w: &str) -> Option<usize> {
    let digits = w
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b':')
        .count();
    if digits == 0 || !w.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let rest = &w[digits..];
    ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]
        .iter()
        .any(|s| rest.eq_ignore_ascii_case(s))
        .then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 15 item 5, found by `tests/fuzz.rs` (tokenizer target, seed
    /// 424242): a word with U+2010 HYPHEN after a prefix made the tokenizer
    /// slice inside the three-byte hyphen and panic.
    #[test]
    fn unicode_hyphens_after_prefixes_do_not_panic() {
        for text in [
            "an anti\u{2010}war march",
            "co\u{2010}operation",
            "re\u{2010}\u{2010}x",
            "pre\u{2010}é",
        ] {
            let spans = tokenize(text);
            for s in &spans {
                assert!(
                    text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                    "{text:?}"
                );
            }
        }
        // Kept whole like its ASCII twin.
        let forms = |t: &str| {
            tokenize(t)
                .iter()
                .map(|s| s.of(t).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            forms("an anti\u{2010}war march"),
            ["an", "anti\u{2010}war", "march"]
        );
        assert_eq!(forms("an anti-war march"), ["an", "anti-war", "march"]);
    }

    /// Token texts of `text`, after checking every span invariant.
    fn words(text: &str) -> Vec<&str> {
        let spans = tokenize(text);
        let mut last = 0;
        for s in &spans {
            assert!(
                s.start >= last && s.end > s.start,
                "bad span {s:?} in {text:?}"
            );
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(
                !s.of(text).chars().any(is_space),
                "space inside {:?}",
                s.of(text)
            );
            last = s.end;
        }
        // Lossless: the tokens hold every character that is not a separator.
        let joined: String = spans.iter().map(|s| s.of(text)).collect();
        let visible: String = text.chars().filter(|c| !is_space(*c)).collect();
        assert_eq!(joined, visible, "characters lost in {text:?}");
        spans.iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn wire_brackets_around_a_name_are_found() {
        let pairs = |text: &str| {
            let tokens: Vec<Token> = tokenize(text)
                .into_iter()
                .map(|s| Token::unanalyzed(s, s.of(text)))
                .collect();
            name_bracket_pairs(&tokens)
        };
        assert_eq!(pairs("said it acquired <Vantor 9 Inc> of Ohio."), [(3, 7)]);
        assert_eq!(
            pairs("a unit of <Banco de Investimento> and <Harlow, Kessel and Co>"),
            [(3, 7), (9, 15)]
        );
        // A ticker code, an e-mail address and a quoted forum line are not.
        assert!(pairs("Vantor <VNTR.L> rose").is_empty());
        assert!(pairs("Write to <Ana.Ruiz@example.com> today").is_empty());
        assert!(pairs("<To be sure, both were right.>").is_empty());
        // Brackets set apart by spaces are comparisons, not markup; empty
        // ones hold nothing.
        assert!(pairs("if a < Vantor > b").is_empty());
        assert!(pairs("an arrow <> here").is_empty());
    }

    #[test]
    fn contractions_split_with_offsets() {
        let text = "I don't know, I'm sure we can't and won't.";
        let spans = tokenize(text);
        let got: Vec<(&str, usize)> = spans.iter().map(|s| (s.of(text), s.start)).collect();
        assert_eq!(
            got,
            [
                ("I", 0),
                ("do", 2),
                ("n't", 4),
                ("know", 8),
                (",", 12),
                ("I", 14),
                ("'m", 15),
                ("sure", 18),
                ("we", 23),
                ("ca", 26),
                ("n't", 28),
                ("and", 32),
                ("wo", 36),
                ("n't", 38),
                (".", 41)
            ]
        );
    }

    #[test]
    fn curly_apostrophes_and_possessives() {
        assert_eq!(
            words("Trump’s plan isn’t new"),
            ["Trump", "’s", "plan", "is", "n’t", "new"]
        );
        assert_eq!(
            words("Mexico's army and the parents' cars"),
            ["Mexico", "'s", "army", "and", "the", "parents", "'", "cars"]
        );
        assert_eq!(
            words("They'll, we've, you're, he'd"),
            ["They", "'ll", ",", "we", "'ve", ",", "you", "'re", ",", "he", "'d"]
        );
        assert_eq!(words("O'Neil"), ["O'Neil"]);
        assert_eq!(
            words("cannot gonna dont"),
            ["can", "not", "gon", "na", "do", "nt"]
        );
    }

    #[test]
    fn quotes_split_straight_and_curly() {
        let text = "declared, “The United States.” He said \"no\" and 'yes'.";
        assert_eq!(
            words(text),
            [
                "declared", ",", "“", "The", "United", "States", ".", "”", "He", "said", "\"",
                "no", "\"", "and", "'", "yes", "'", "."
            ]
        );
        let spans = tokenize(text);
        assert_eq!(spans[2], Span::new(10, 13)); // “ is 3 bytes
        assert_eq!(spans[3].of(text), "The");
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(words("Donald J. Trump"), ["Donald", "J.", "Trump"]);
        assert_eq!(
            words("the U.S. and Mr. Smith said."),
            ["the", "U.S.", "and", "Mr.", "Smith", "said", "."]
        );
        assert_eq!(
            words("in Jan. 2020, e.g. now"),
            ["in", "Jan.", "2020", ",", "e.g.", "now"]
        );
        assert_eq!(
            words("He lives in the U.S."),
            ["He", "lives", "in", "the", "U.S."]
        );
        assert_eq!(words("Acme Inc. said"), ["Acme", "Inc.", "said"]);
        assert_eq!(
            words("No. 5 and I said no."),
            ["No.", "5", "and", "I", "said", "no", "."]
        );
        assert_eq!(words("so did I."), ["so", "did", "I", "."]);
        // "I." between two names is a middle initial; after a noun that
        // takes a numeral, or before a sentence opener, it is not.
        assert_eq!(
            words("chairman Lloyd I. Vexa said"),
            ["chairman", "Lloyd", "I.", "Vexa", "said"]
        );
        assert_eq!(
            words("after World War I. Harlow grew"),
            ["after", "World", "War", "I", ".", "Harlow", "grew"]
        );
        assert_eq!(
            words("said Tom and I. The rest"),
            ["said", "Tom", "and", "I", ".", "The", "rest"]
        );
        assert_eq!(
            words("met Ola Lind and I. He left"),
            ["met", "Ola", "Lind", "and", "I", ".", "He", "left"]
        );
        assert_eq!(
            words("1. Matter is. 2. Atoms in 2. Then"),
            ["1.", "Matter", "is", ".", "2.", "Atoms", "in", "2", ".", "Then"]
        );
        let text = "Donald J. Trump and the U.S.";
        assert_eq!(
            tokenize(text),
            [
                Span::new(0, 6),
                Span::new(7, 9),
                Span::new(10, 15),
                Span::new(16, 19),
                Span::new(20, 23),
                Span::new(24, 28)
            ]
        );
        let text = "Mr. Smith said.";
        let spans = tokenize(text);
        assert_eq!(
            spans,
            [
                Span::new(0, 3),
                Span::new(4, 9),
                Span::new(10, 14),
                Span::new(14, 15)
            ]
        );
    }

    #[test]
    fn numbers_money_percent_times() {
        assert_eq!(
            words("3.5 and 1,000 cost $5, or 50%."),
            ["3.5", "and", "1,000", "cost", "$", "5", ",", "or", "50", "%", "."]
        );
        assert_eq!(
            words("at 10:30 on 11/28/2000, 5pm"),
            ["at", "10:30", "on", "11/28/2000", ",", "5", "pm"]
        );
        assert_eq!(words("call 713-853-3989"), ["call", "713-853-3989"]);
        assert_eq!(
            words("the 1980s, 80's, '68 and 17th"),
            ["the", "1980s", ",", "80's", ",", "'68", "and", "17th"]
        );
        assert_eq!(words("51K and 300USD"), ["51", "K", "and", "300", "USD"]);
    }

    #[test]
    fn urls_and_emails_whole() {
        assert_eq!(
            words("see https://example.com/a?b=1&c=2."),
            ["see", "https://example.com/a?b=1&c=2", "."]
        );
        assert_eq!(words("(www.nytimes.com)"), ["(", "www.nytimes.com", ")"]);
        assert_eq!(
            words("mail john.doe@mail.example.org, now"),
            ["mail", "john.doe@mail.example.org", ",", "now"]
        );
        assert_eq!(
            words("Edison@ENRON AT&T p&l"),
            ["Edison@ENRON", "AT&T", "p&l"]
        );
        assert_eq!(words("mailto:a@b.com"), ["mailto:a@b.com"]);
    }

    #[test]
    fn hyphens_follow_ewt() {
        assert_eq!(
            words("We co-operate on US-Mexico ties"),
            ["We", "co-operate", "on", "US", "-", "Mexico", "ties"]
        );
        assert_eq!(
            words("a non-stop, well-known e-mail"),
            ["a", "non-stop", ",", "well", "-", "known", "e-mail"]
        );
        assert_eq!(
            words("the F-16 in 1946-1954 on 01-Feb-02"),
            [
                "the",
                "F",
                "-",
                "16",
                "in",
                "1946",
                "-",
                "1954",
                "on",
                "01-Feb-02"
            ]
        );
        assert_eq!(
            words("a 5-year plan -- really"),
            ["a", "5", "-", "year", "plan", "--", "really"]
        );
        assert_eq!(
            words("pre- and post-1990, mid-2004"),
            ["pre-", "and", "post-1990", ",", "mid-2004"]
        );
    }

    #[test]
    fn dashes_and_ellipses() {
        let text = "organizations—signaling a shift";
        let spans = tokenize(text);
        assert_eq!(
            spans[..3],
            [Span::new(0, 13), Span::new(13, 16), Span::new(16, 25)]
        );
        assert_eq!(
            words("the military... There"),
            ["the", "military", "...", "There"]
        );
        assert_eq!(
            words("wait… what?! 1–2 so...?"),
            ["wait", "…", "what", "?!", "1", "–", "2", "so", "...", "?"]
        );
        assert_eq!(
            words("end.The J.Aron U.S.A"),
            ["end", ".", "The", "J.", "Aron", "U.S.A"]
        );
    }

    #[test]
    fn empty_whitespace_and_odd_input() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t\u{a0}\n ").is_empty());
        assert_eq!(
            words("Привет, мир! 東京 café naïve"),
            ["Привет", ",", "мир", "!", "東京", "café", "naïve"]
        );
        assert_eq!(
            words("fun 👍🏽 😀😀 👨‍👩‍👧 ok"),
            ["fun", "👍🏽", "😀", "😀", "👨‍👩‍👧", "ok"]
        );
        assert_eq!(words("हिन्दी"), ["हिन्दी"]);
        assert_eq!(words(":) ok :-("), [":)", "ok", ":-("]);
        // Every prefix of a mixed string must tokenize without panicking.
        let mixed = "A’b\u{301}😀‍x-’s.U.S.—\u{200b}n't'";
        for (i, _) in mixed.char_indices() {
            words(&mixed[..i]);
            words(&mixed[i..]);
        }
    }

    #[test]
    fn random_text_never_panics() {
        // A fixed pseudo-random walk over characters that exercise every branch.
        let palette: Vec<char> =
            "aZ9 .,;:!?'’\"“”-–—/@&_()[]$%…\n\t\u{a0}\u{200b}\u{301}😀\u{200d}👍\u{1f3fd}é東ह्"
                .chars()
                .collect();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..2_000 {
            let len = (state % 40) as usize;
            let mut text = String::new();
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(palette[(state % palette.len() as u64) as usize]);
            }
            words(&text);
            let tokens = tokenize(&text);
            let ranges = crate::split_sentences(&text, &tokens);
            assert_eq!(ranges.iter().map(|r| r.len()).sum::<usize>(), tokens.len());
        }
    }

    #[test]
    fn long_paragraph_without_punctuation() {
        let text = "word ".repeat(20_000);
        let spans = tokenize(&text);
        assert_eq!(spans.len(), 20_000);
        assert_eq!(spans[19_999], Span::new(99_995, 99_999));
    }
}
