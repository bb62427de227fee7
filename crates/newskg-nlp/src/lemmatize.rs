//! Lemmatizer: a word with its UPOS and PTB tag in, its dictionary form out
//! ("rejected"/VBD → reject, "was" → be, "n't" → not, "Trump" → Trump).
//!
//! How a lemma is chosen, in order:
//! 1. punctuation, symbols and proper nouns keep their form (proper nouns keep
//!    their case; a plural proper noun loses its "s"), numbers lose thousands
//!    separators (UD EWT conventions);
//! 2. closed-class words (forms of be/have/do, clitics, pronouns) come from a
//!    small table in this file;
//! 3. only inflected tags are reduced (NNS, VBD/VBN/VBG/VBZ, JJR/JJS,
//!    RBR/RBS): so "news"/NN and "meeting"/NN stay whole. Reduction is
//!    WordNet's "morphy": an irregular form from the exception list, else
//!    every suffix rule of the word class whose result is a known base form;
//!    when several are, the spaCy lookup table breaks the tie ("singing" →
//!    sing, not singe); when none is, the lookup table, then guessing rules
//!    for unknown words ("retweeted" → retweet);
//! 4. everything else is lower-cased.
//!
//! The tables live in `models/lemmas.nkw`, compiled by [`Lemmatizer::compile`]
//! from the lexicon folder (WordNet 3.0 index and exceptions, spaCy lookup
//! table; see models/README.md for the licence). Each table is one sorted
//! block of `key TAB value` lines searched by bisection, so loading is a
//! decompression and one pass to find line starts: no per-entry allocation.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::Path;

use super::perceptron::WeightFile;
use super::{ModelError, ModelSource, Upos};

/// Maps a word and its tags to its dictionary form. `Send + Sync`.
pub struct Lemmatizer {
    /// `class TAB form TAB lemma`: WordNet irregular forms.
    exceptions: Table,
    /// `class TAB lemma`: WordNet base forms.
    index: Table,
    /// `form TAB lemma`: spaCy's POS-less lookup (only what rules miss).
    lookup: Table,
    /// `(class, suffix, replacement)` in rule order.
    rules: Vec<(u8, String, String)>,
}

/// Word classes of the lexicon, as one byte: noun, verb, adjective, adverb.
const CLASSES: [(&str, u8); 4] = [("noun", b'n'), ("verb", b'v'), ("adj", b'a'), ("adv", b'r')];

impl Lemmatizer {
    /// Loads `dir/lemmas.nkw`.
    pub fn load(dir: &Path) -> Result<Lemmatizer, ModelError> {
        Lemmatizer::from_source(&ModelSource::Dir(dir.to_owned()))
    }

    /// Loads `lemmas.nkw` from `models`.
    pub fn from_source(models: &ModelSource) -> Result<Lemmatizer, ModelError> {
        let file = models.open("lemmas.nkw")?;
        Lemmatizer::from_weights(&file.weights("lemmas")?).map_err(|message| file.corrupt(message))
    }

    /// Builds the lemmatizer from a decoded weight file.
    pub fn from_weights(file: &WeightFile) -> Result<Lemmatizer, String> {
        let section = |name: &str| -> Result<String, String> {
            let bytes = file
                .section(name)
                .ok_or_else(|| format!("missing section {name:?}"))?;
            let mut text = String::new();
            flate2::read::DeflateDecoder::new(bytes)
                .read_to_string(&mut text)
                .map_err(|e| format!("section {name:?} is damaged: {e}"))?;
            Ok(text)
        };
        let mut rules = Vec::new();
        for line in section("rules")?.lines() {
            let mut f = line.split('\t');
            match (f.next(), f.next(), f.next()) {
                (Some(c), Some(s), Some(r)) if c.len() == 1 => {
                    rules.push((c.as_bytes()[0], s.to_string(), r.to_string()))
                }
                _ => return Err(format!("bad rule line {line:?}")),
            }
        }
        Ok(Lemmatizer {
            exceptions: Table::new(section("exceptions")?),
            index: Table::new(section("index")?),
            lookup: Table::new(section("lookup")?),
            rules,
        })
    }

    /// Compiles the lemma tables of a lexicon folder (`lemma_lookup.tsv`,
    /// `lemma_exc.tsv`, `lemma_index.tsv`, `lemma_rules.tsv`) into the
    /// content of `lemmas.nkw`. Lookup entries that the rules already derive
    /// are left out. Deterministic: the same folder gives the same bytes.
    pub fn compile(lexicon_dir: &Path) -> Result<WeightFile, ModelError> {
        let class_of = |name: &str| {
            CLASSES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, c)| *c as char)
        };
        let mut rules = String::new();
        for (_, f) in read_tsv(&lexicon_dir.join("lemma_rules.tsv"), 3)? {
            if let Some(c) = class_of(&f[0]) {
                rules.push_str(&format!("{c}\t{}\t{}\n", f[1], f[2]));
            }
        }
        let mut index = BTreeSet::new();
        for (_, f) in read_tsv(&lexicon_dir.join("lemma_index.tsv"), 2)? {
            if let Some(c) = class_of(&f[0]) {
                if usable(&f[1]) {
                    index.insert(format!("{c}\t{}", f[1]));
                }
            }
        }
        let mut exceptions = BTreeMap::new();
        for (_, f) in read_tsv(&lexicon_dir.join("lemma_exc.tsv"), 3)? {
            if let Some(c) = class_of(&f[0]) {
                if usable(&f[1]) && usable(&f[2]) {
                    // The first lemma listed for a form is the usual one.
                    exceptions
                        .entry(format!("{c}\t{}", f[1]))
                        .or_insert_with(|| f[2].clone());
                }
            }
        }
        let mut lookup = BTreeMap::new();
        for (_, f) in read_tsv(&lexicon_dir.join("lemma_lookup.tsv"), 2)? {
            if usable(&f[0]) && usable(&f[1]) && f[0] != f[1] {
                lookup.entry(f[0].clone()).or_insert_with(|| f[1].clone());
            }
        }
        // Drop lookup entries the rules already give unambiguously.
        let partial = Lemmatizer {
            exceptions: Table::new(join_map(&exceptions)),
            index: Table::new(join_set(&index)),
            lookup: Table::new(String::new()),
            rules: rules
                .lines()
                .filter_map(|l| {
                    let f: Vec<&str> = l.split('\t').collect();
                    (f.len() == 3).then(|| (f[0].as_bytes()[0], f[1].to_string(), f[2].to_string()))
                })
                .collect(),
        };
        let total = lookup.len();
        lookup.retain(|form, lemma| {
            !CLASSES.iter().any(|(_, c)| {
                let known = partial.known_lemmas(*c, form);
                known.len() == 1 && known[0] == *lemma
            })
        });
        let metadata = serde_json::json!({
            "source": "spacy-lookups-data 1.0.5 English lemma tables (WordNet 3.0 index, exceptions and morphy rules; spaCy lookup table)",
            "licence": "WordNet 3.0 licence (models/LICENSE.WordNet-3.0); spacy-lookups-data MIT",
            "command": "newskg train lemmas --data <lexicon dir>",
            "entries": {"index": index.len(), "exceptions": exceptions.len(), "lookup": lookup.len(), "lookup_before_filter": total},
        });
        let mut file = WeightFile::new("lemmas", metadata);
        for (name, text) in [
            ("rules", rules),
            ("exceptions", join_map(&exceptions)),
            ("index", join_set(&index)),
            ("lookup", join_map(&lookup)),
        ] {
            file.sections
                .push((name.to_string(), deflate(text.as_bytes())));
        }
        Ok(file)
    }

    /// The lemma of `form` tagged `upos`/`xpos` (PTB tag; may be empty).
    pub fn lemma(&self, form: &str, upos: Upos, xpos: &str) -> String {
        match upos {
            Upos::Punct | Upos::Sym => return form.to_string(),
            Upos::Num if form.bytes().any(|b| b.is_ascii_digit()) => {
                return form.chars().filter(|&c| c != ',').collect();
            }
            Upos::Propn => return self.proper_noun(form, xpos),
            // Adjectives inside names ("New", "United") and of nationality
            // ("American", "Iraqi") keep their capital.
            Upos::Adj if xpos.starts_with("NNP") || is_nationality(form) => {
                return form.to_string()
            }
            _ => {}
        }
        // Acronyms, codes and Roman numerals keep their form ("USB", "EB3326", "II").
        if matches!(upos, Upos::Noun | Upos::Num | Upos::X) && !xpos.ends_with('S') && is_code(form)
        {
            return form.to_string();
        }
        let lower = lowercase(form);
        if let Some(l) = closed_class(&lower, upos, xpos) {
            return l.to_string();
        }
        let class = match upos {
            Upos::Noun => b'n',
            Upos::Verb | Upos::Aux => b'v',
            Upos::Adj => b'a',
            Upos::Adv => b'r',
            _ => return lower,
        };
        let inflected = matches!(
            xpos,
            "" | "NNS" | "VBD" | "VBN" | "VBG" | "VBZ" | "JJR" | "JJS" | "RBR" | "RBS"
        );
        if !inflected || !lower.chars().any(char::is_alphabetic) {
            return lower;
        }
        self.reduce(class, &lower, !xpos.is_empty())
    }

    /// The base form of an inflected `word` (lower case) of `class`; with
    /// `guess`, unknown words are reduced by spelling rules.
    fn reduce(&self, class: u8, word: &str, guess: bool) -> String {
        let known = self.known_lemmas(class, word);
        let looked_up = self.lookup.get(word);
        match known.len() {
            1 => return known[0].clone(),
            n if n > 1 => {
                return looked_up
                    .filter(|l| known.iter().any(|k| k == l))
                    .map_or_else(|| known[0].clone(), str::to_string);
            }
            _ => {}
        }
        if let Some(l) = looked_up {
            return l.to_string();
        }
        if !guess || self.index.contains(&key(class, word)) {
            return word.to_string();
        }
        guess_lemma(class, word)
    }

    /// Lemmas the exception list or the rules give for `word`, found in the
    /// index of `class` (morphy). Several only when the rules disagree.
    fn known_lemmas(&self, class: u8, word: &str) -> Vec<String> {
        // One key buffer, "class TAB candidate", reused for every probe.
        let mut k = key(class, word);
        if let Some(l) = self.exceptions.get(&k) {
            return vec![l.to_string()];
        }
        let mut out: Vec<String> = Vec::new();
        for (c, suffix, repl) in &self.rules {
            if *c != class
                || suffix.is_empty()
                || word.len() <= suffix.len()
                || !word.ends_with(suffix.as_str())
            {
                continue;
            }
            k.truncate(2);
            k.push_str(&word[..word.len() - suffix.len()]);
            k.push_str(repl);
            if self.index.contains(&k) && !out.iter().any(|o| *o == k[2..]) {
                out.push(k[2..].to_string());
            }
        }
        out
    }

    /// Proper nouns keep their form; a plural one (NNPS) loses its "s" when
    /// the singular is a known noun ("Americans" → American).
    fn proper_noun(&self, form: &str, xpos: &str) -> String {
        if xpos == "NNPS" && form.len() > 3 && form.ends_with('s') && !form.ends_with("ss") {
            let stem = &form[..form.len() - 1];
            let lower = lowercase(stem);
            if self.index.contains(&key(b'n', &lower)) || self.index.contains(&key(b'a', &lower)) {
                return stem.to_string();
            }
        }
        form.to_string()
    }
}

/// Whether a lexicon entry can be a single token (WordNet collocations
/// joined by "_" or " " cannot).
fn usable(s: &str) -> bool {
    !s.is_empty() && !s.contains(['_', ' ', '\t', '\n'])
}

fn key(class: u8, word: &str) -> String {
    let mut k = String::with_capacity(word.len() + 2);
    k.push(class as char);
    k.push('\t');
    k.push_str(word);
    k
}

/// Lower case, without allocating twice for ASCII words.
fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// A capitalised adjective of nationality or religion ("American",
/// "Chinese", "Iraqi", "Islamic"), by its ending.
fn is_nationality(form: &str) -> bool {
    let mut cs = form.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.as_str().chars().all(char::is_lowercase)
        && ["an", "ese", "ish", "ic", "i", "ch"]
            .iter()
            .any(|e| form.ends_with(e))
}

/// A code mixing capitals and digits ("EB3326", "01-Feb-02"), a single
/// capital, or a Roman numeral: EWT keeps these as written (plain
/// acronyms are not codes: EWT lower-cases "ID", keeps "USB").
fn is_code(form: &str) -> bool {
    let upper = form.chars().any(char::is_uppercase);
    let digit = form.bytes().any(|b| b.is_ascii_digit());
    let roman = form.len() <= 6 && form.bytes().all(|b| b"IVXLC".contains(&b));
    upper && (digit || form.chars().count() == 1 || roman)
}

/// Closed-class words whose lemma the tables do not give (EWT conventions).
fn closed_class(lower: &str, upos: Upos, xpos: &str) -> Option<&'static str> {
    let replaced;
    let w = if lower.contains(['’', '`']) {
        replaced = lower.replace(['’', '`'], "'");
        replaced.as_str()
    } else {
        lower
    };
    if matches!(upos, Upos::Adj | Upos::Adv) {
        // EWT keeps the comparative words whole (WordNet would give "much").
        if let Some(c) = ["more", "most", "less", "least"]
            .into_iter()
            .find(|c| *c == w)
        {
            return Some(c);
        }
    }
    let l = match (w, upos) {
        ("n't" | "nt" | "not", _) => "not",
        ("'s" | "'" | "s", Upos::Part) if xpos == "POS" || xpos.is_empty() => "'s",
        ("'s" | "s", Upos::Aux | Upos::Verb) => "be",
        ("'s", Upos::Pron) => "we",
        (
            "is" | "are" | "am" | "was" | "were" | "been" | "being" | "be" | "'m" | "'re" | "m"
            | "re" | "r",
            Upos::Aux | Upos::Verb,
        ) => "be",
        ("has" | "have" | "had" | "having" | "'ve" | "ve", Upos::Aux | Upos::Verb) => "have",
        ("'d", Upos::Aux | Upos::Verb) if xpos == "VBD" => "have",
        ("'d" | "d", Upos::Aux | Upos::Verb) => "would",
        ("does" | "did" | "done" | "doing" | "do", Upos::Aux | Upos::Verb) => "do",
        ("'ll" | "ll" | "wo", Upos::Aux | Upos::Verb) => "will",
        ("ca", Upos::Aux | Upos::Verb) => "can",
        ("sha", Upos::Aux | Upos::Verb) => "shall",
        ("gon", Upos::Verb | Upos::Aux) => "go",
        ("wan", Upos::Verb) => "want",
        ("na" | "ta", Upos::Part) => "to",
        ("i" | "me" | "mine", Upos::Pron) => {
            if w == "mine" {
                "my"
            } else {
                "I"
            }
        }
        ("us", Upos::Pron) => "we",
        ("him", Upos::Pron) => "he",
        ("them", Upos::Pron) => "they",
        ("her", Upos::Pron) if xpos == "PRP" => "she",
        ("yours", Upos::Pron) => "your",
        ("ours", Upos::Pron) => "our",
        ("hers", Upos::Pron) => "her",
        ("theirs", Upos::Pron) => "their",
        ("u", Upos::Pron) => "you",
        ("an", Upos::Det) => "a",
        ("am" | "a.m" | "a.m.", Upos::Noun) => "a.m.",
        ("pm" | "p.m" | "p.m.", Upos::Noun) => "p.m.",
        ("these", Upos::Det | Upos::Pron) => "this",
        ("those", Upos::Det | Upos::Pron) => "that",
        _ => return None,
    };
    Some(l)
}

/// Spelling rules for inflected words the lexicon does not know.
fn guess_lemma(class: u8, w: &str) -> String {
    let strip = |n: usize| w[..w.len() - n].to_string();
    let ends = |s: &str| w.len() > s.len() + 1 && w.ends_with(s);
    match class {
        b'n' => {
            if ends("ies") {
                strip(3) + "y"
            } else if ["ses", "xes", "zes", "ches", "shes"]
                .iter()
                .any(|s| ends(s))
            {
                strip(2)
            } else if ends("s") && !["ss", "us", "is"].iter().any(|s| w.ends_with(s)) {
                strip(1)
            } else {
                w.to_string()
            }
        }
        b'v' => {
            if ends("ies") || ends("ied") {
                strip(3) + "y"
            } else if ["ses", "xes", "zes", "ches", "shes"]
                .iter()
                .any(|s| ends(s))
            {
                strip(2)
            } else if ends("s") && !w.ends_with("ss") {
                strip(1)
            } else if ends("ed") {
                restore_stem(&w[..w.len() - 2])
            } else if ends("ing") {
                restore_stem(&w[..w.len() - 3])
            } else {
                w.to_string()
            }
        }
        _ => {
            let stem = if ends("est") {
                &w[..w.len() - 3]
            } else if ends("er") {
                &w[..w.len() - 2]
            } else {
                return w.to_string();
            };
            if let Some(s) = stem.strip_suffix('i') {
                format!("{s}y")
            } else {
                undouble(stem).to_string()
            }
        }
    }
}

/// "stopp" → stop, "designat" → designate, "retweet" → retweet.
fn restore_stem(stem: &str) -> String {
    let u = undouble(stem);
    if u.len() < stem.len() {
        return u.to_string();
    }
    let needs_e = [
        "at", "iz", "is", "yz", "uc", "ur", "ud", "ag", "v", "c", "bl", "dl", "gl", "pl", "tl",
        "kl",
    ]
    .iter()
    .any(|s| stem.ends_with(s));
    if needs_e && !stem.ends_with("ee") {
        format!("{stem}e")
    } else {
        stem.to_string()
    }
}

/// Drops a doubled final consonant that inflection added ("bigg" → big);
/// ll, ss, ff and zz are usually part of the stem ("call", "pass").
fn undouble(stem: &str) -> &str {
    let b = stem.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && b"bdgkmnprtv".contains(&b[n - 1]) {
        &stem[..n - 1]
    } else {
        stem
    }
}

/// A sorted block of lines, searched by bisection on the part before the
/// last TAB (the whole line when the table is a set).
struct Table {
    text: String,
    /// Per line: start, end of the key (before the last TAB, or the line
    /// end), end of the line.
    lines: Vec<(u32, u32, u32)>,
}

impl Table {
    fn new(text: String) -> Table {
        let mut lines = Vec::with_capacity(text.len() / 12);
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            if !body.is_empty() {
                let key_end = body.rfind('\t').unwrap_or(body.len());
                lines.push((at as u32, (at + key_end) as u32, (at + body.len()) as u32));
            }
            at += line.len();
        }
        Table { text, lines }
    }

    /// The line whose key equals `key` (keyed tables) or which equals `key`
    /// (sets), as (start, key end, end).
    fn find(&self, key: &str, keyed: bool) -> Option<(usize, usize, usize)> {
        let i = self
            .lines
            .binary_search_by(|&(s, k, e)| {
                let stop = if keyed { k } else { e };
                self.text.as_bytes()[s as usize..stop as usize].cmp(key.as_bytes())
            })
            .ok()?;
        let (s, k, e) = self.lines[i];
        Some((s as usize, k as usize, e as usize))
    }

    /// The value stored for `key`.
    fn get(&self, key: &str) -> Option<&str> {
        let (_, k, e) = self.find(key, true)?;
        self.text.get((k + 1).min(e)..e)
    }

    /// Whether a set holds `key`.
    fn contains(&self, key: &str) -> bool {
        self.find(key, false).is_some()
    }
}

fn join_map(map: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for (k, v) in map {
        out.push_str(k);
        out.push('\t');
        out.push_str(v);
        out.push('\n');
    }
    out
}

fn join_set(set: &BTreeSet<String>) -> String {
    let mut out = String::new();
    for k in set {
        out.push_str(k);
        out.push('\n');
    }
    out
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

/// Reads a TAB-separated file with `columns` fields per line; rows come with
/// their 1-based line number.
fn read_tsv(path: &Path, columns: usize) -> Result<Vec<(usize, Vec<String>)>, ModelError> {
    let text = std::fs::read_to_string(path).map_err(|source| ModelError::Io {
        path: path.to_owned(),
        source,
    })?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let fields: Vec<String> = line.split('\t').map(str::to_string).collect();
        if fields.len() != columns {
            return Err(ModelError::Corrupt {
                path: path.to_owned(),
                message: format!(
                    "line {}: expected {columns} tab-separated fields, found {}",
                    i + 1,
                    fields.len()
                ),
            });
        }
        rows.push((i + 1, fields));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lemmatizer over a tiny hand-written lexicon (the shipped tables are
    /// checked by `shipped_model_cases` when models/ has them).
    fn tiny() -> Lemmatizer {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(
            p.join("lemma_rules.tsv"),
            "noun\ts\t\nnoun\ties\ty\nverb\ts\t\nverb\ties\ty\nverb\tes\te\nverb\tes\t\nverb\ted\te\nverb\ted\t\nverb\ting\te\nverb\ting\t\nadj\ter\t\nadj\test\t\n",
        )
        .unwrap();
        std::fs::write(
            p.join("lemma_index.tsv"),
            "verb\treject\nverb\trule\nverb\tdesignate\nverb\tstem\nverb\tsing\nverb\tsinge\nnoun\tstem\nnoun\tcity\nnoun\tnews\nverb\tgo\nadj\tbig\n",
        )
        .unwrap();
        std::fs::write(
            p.join("lemma_exc.tsv"),
            "verb\twent\tgo\nnoun\tgeese\tgoose\nadj\tbigger\tbig\n",
        )
        .unwrap();
        std::fs::write(
            p.join("lemma_lookup.tsv"),
            "singing\tsing\nrejected\treject\nmice\tmouse\n",
        )
        .unwrap();
        let file = Lemmatizer::compile(p).unwrap();
        let bytes = file.to_bytes();
        Lemmatizer::from_weights(&WeightFile::from_bytes(&bytes, "lemmas").unwrap()).unwrap()
    }

    #[test]
    fn required_cases() {
        let l = tiny();
        assert_eq!(l.lemma("rejected", Upos::Verb, "VBD"), "reject");
        assert_eq!(l.lemma("ruled", Upos::Verb, "VBN"), "rule");
        assert_eq!(l.lemma("designating", Upos::Verb, "VBG"), "designate");
        assert_eq!(l.lemma("stems", Upos::Verb, "VBZ"), "stem");
        assert_eq!(l.lemma("stems", Upos::Noun, "NNS"), "stem");
        assert_eq!(l.lemma("was", Upos::Aux, "VBD"), "be");
        assert_eq!(l.lemma("n't", Upos::Part, "RB"), "not");
        assert_eq!(l.lemma("n’t", Upos::Part, "RB"), "not");
        assert_eq!(l.lemma("'s", Upos::Aux, "VBZ"), "be");
        assert_eq!(l.lemma("'s", Upos::Part, "POS"), "'s");
        assert_eq!(l.lemma("Trump", Upos::Propn, "NNP"), "Trump");
        assert_eq!(l.lemma("Rejected", Upos::Verb, "VBD"), "reject");
        assert_eq!(l.lemma("The", Upos::Det, "DT"), "the");
    }

    #[test]
    fn tags_decide_what_is_reduced() {
        let l = tiny();
        assert_eq!(l.lemma("news", Upos::Noun, "NN"), "news");
        assert_eq!(l.lemma("cities", Upos::Noun, "NNS"), "city");
        assert_eq!(l.lemma("geese", Upos::Noun, "NNS"), "goose");
        assert_eq!(l.lemma("went", Upos::Verb, "VBD"), "go");
        assert_eq!(l.lemma("singing", Upos::Verb, "VBG"), "sing"); // lookup breaks the sing/singe tie
        assert_eq!(l.lemma("bigger", Upos::Adj, "JJR"), "big");
        assert_eq!(l.lemma("1,000", Upos::Num, "CD"), "1000");
        assert_eq!(l.lemma("”", Upos::Punct, "''"), "”");
        assert_eq!(l.lemma("me", Upos::Pron, "PRP"), "I");
        assert_eq!(l.lemma("an", Upos::Det, "DT"), "a");
        assert_eq!(l.lemma("more", Upos::Adj, "JJR"), "more");
        assert_eq!(l.lemma("American", Upos::Adj, "JJ"), "American");
        assert_eq!(l.lemma("New", Upos::Adj, "NNP"), "New");
        assert_eq!(l.lemma("Big", Upos::Adj, "JJ"), "big");
        assert_eq!(l.lemma("EB3326", Upos::Noun, "NN"), "EB3326");
        assert_eq!(l.lemma("PM", Upos::Noun, "NN"), "p.m.");
        assert_eq!(l.lemma("II", Upos::Num, "CD"), "II");
    }

    #[test]
    fn unknown_words_are_guessed() {
        let l = tiny();
        assert_eq!(l.lemma("retweeted", Upos::Verb, "VBD"), "retweet");
        assert_eq!(l.lemma("geolocated", Upos::Verb, "VBN"), "geolocate");
        assert_eq!(l.lemma("blogging", Upos::Verb, "VBG"), "blog");
        assert_eq!(l.lemma("selfies", Upos::Noun, "NNS"), "selfy");
        assert_eq!(l.lemma("podcasts", Upos::Noun, "NNS"), "podcast");
        assert_eq!(l.lemma("", Upos::Noun, "NN"), "");
    }

    #[test]
    fn compile_drops_derivable_lookups_and_round_trips() {
        let l = tiny();
        // "rejected → reject" is derivable, so it is not stored; "mice" is.
        assert_eq!(l.lookup.get("rejected"), None);
        assert_eq!(l.lookup.get("mice"), Some("mouse"));
        assert!(l.index.contains("v\tsinge"));
        assert!(!l.index.contains("v\tsing "));
    }

    #[test]
    fn bad_lexicon_line_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("lemma_rules.tsv"),
            "noun\ts\t\nbroken line\n",
        )
        .unwrap();
        let err = Lemmatizer::compile(dir.path()).unwrap_err().to_string();
        assert!(
            err.ends_with("lemma_rules.tsv: line 2: expected 3 tab-separated fields, found 1"),
            "{err}"
        );
    }

    #[test]
    #[allow(clippy::print_stderr)]
    fn shipped_model_cases() {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models"));
        if !dir.join("lemmas.nkw").exists() {
            eprintln!("skipped: models/lemmas.nkw not found");
            return;
        }
        let l = Lemmatizer::load(dir).unwrap();
        for (form, upos, xpos, want) in [
            ("rejected", Upos::Verb, "VBD", "reject"),
            ("ruled", Upos::Verb, "VBN", "rule"),
            ("designating", Upos::Verb, "VBG", "designate"),
            ("stems", Upos::Verb, "VBZ", "stem"),
            ("was", Upos::Aux, "VBD", "be"),
            ("n't", Upos::Part, "RB", "not"),
            ("'s", Upos::Aux, "VBZ", "be"),
            ("Sheinbaum", Upos::Propn, "NNP", "Sheinbaum"),
            ("cartels", Upos::Noun, "NNS", "cartel"),
            ("organizations", Upos::Noun, "NNS", "organization"),
            ("said", Upos::Verb, "VBD", "say"),
            ("signed", Upos::Verb, "VBD", "sign"),
            ("stopped", Upos::Verb, "VBD", "stop"),
            ("children", Upos::Noun, "NNS", "child"),
            ("Americans", Upos::Propn, "NNPS", "American"),
            ("singing", Upos::Verb, "VBG", "sing"),
        ] {
            assert_eq!(l.lemma(form, upos, xpos), want, "{form}/{xpos}");
        }
    }
}
