//! Features and tag scheme of the NER sequence labeller.
//!
//! Tags are BILOU (O, then B/I/L/U for PER, ORG, LOC, MISC): the perceptron
//! learns boundaries more easily when the last word of a name has its own
//! tag. Models saved before MISC was learned have the 13 classes of PER, ORG
//! and LOC only; they still load (MISC is the last type, so the other class
//! numbers are the same).
//!
//! Features look at the word and its neighbours (forms, lower case, shape,
//! affixes), Brown-cluster path prefixes (word classes learned from a large
//! corpus, which carry over from web text to news better than word forms),
//! gazetteer matches (country, city, organisation, person), role titles
//! before the word, organisation words ahead of it ("Department", "Times"),
//! given names, and the two previous predicted tags.

use std::borrow::Cow;

use crate::perceptron::feature;
use crate::{EntityLabel, Gazetteer};

/// The entity types the model predicts, in class order.
pub(crate) const TYPES: [EntityLabel; 4] = [
    EntityLabel::Person,
    EntityLabel::Organization,
    EntityLabel::Place,
    EntityLabel::Misc,
];

/// Number of classes: O plus B, I, L, U for each type.
pub(crate) const CLASSES: usize = 1 + 4 * TYPES.len();

/// Number of classes of a model without MISC (PER, ORG, LOC).
pub(crate) const CLASSES_WITHOUT_MISC: usize = CLASSES - 4;

/// Position of a tag inside an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

/// A BILOU class index → (part, type); `None` for O.
pub(crate) fn decode(class: usize) -> Option<(Part, EntityLabel)> {
    (class > 0).then(|| (PARTS[(class - 1) % 4], TYPES[(class - 1) / 4]))
}

/// (part, type) → class index; types outside [`TYPES`] map to O.
pub(crate) fn encode(part: Part, label: EntityLabel) -> usize {
    match TYPES.iter().position(|t| *t == label) {
        Some(t) => 1 + 4 * t + PARTS.iter().position(|p| *p == part).unwrap_or(0),
        None => 0,
    }
}

/// Whether `class` may follow `prev` (`None` = sentence start).
pub(crate) fn allowed(prev: Option<usize>, class: usize) -> bool {
    let open = prev
        .and_then(decode)
        .filter(|(p, _)| matches!(p, Part::Begin | Part::Inside));
    match (open, decode(class)) {
        (Some((_, t)), Some((Part::Inside | Part::Last, u))) => t == u,
        (Some(_), _) => false,
        (None, Some((Part::Inside | Part::Last, _))) => false,
        (None, _) => true,
    }
}

/// A short name of a class for previous-tag features.
fn class_name(class: Option<usize>) -> &'static str {
    const NAMES: [&str; CLASSES] = [
        "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC",
        "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
    ];
    class.map_or("<s>", |c| NAMES.get(c).copied().unwrap_or("?"))
}

/// Brown-cluster paths by word (case-sensitive, as in the source table).
///
/// One `word<TAB>path` text plus an open-addressing index of its lines:
/// loading the ~190k-word table makes no allocation per word (a map of
/// `String` pairs was a quarter of all model loading time).
#[derive(Clone, Debug, Default)]
pub(crate) struct Clusters {
    text: String,
    /// One line per slot; a power of two long, at most half full.
    slots: Vec<ClusterSlot>,
}

/// A line of the cluster table: where its word and path are in the text,
/// with the high half of the word's hash so that a probe passes over other
/// words without reading their text. A lookup reads one slot and the text.
#[derive(Clone, Copy, Debug, Default)]
struct ClusterSlot {
    tag: u32,
    /// Start of the word + 1 (0 = empty slot).
    start: u32,
    /// The tab after the word.
    tab: u32,
    /// End of the line.
    end: u32,
}

impl Clusters {
    /// Indexes `word<TAB>path` lines (lines without a tab are skipped; of
    /// repeated words the last line wins). Offsets are 32-bit: a table past
    /// 4 GB keeps only the lines that start below that.
    pub(crate) fn from_text(text: String) -> Clusters {
        let base = text.as_ptr() as usize;
        let mut lines = Vec::new();
        for line in text.lines() {
            if let Some(tab) = line.find('\t') {
                let start = line.as_ptr() as usize - base;
                let at = |x: usize| u32::try_from(x).ok();
                if let (Some(s), Some(t), Some(e)) =
                    (at(start + 1), at(start + tab), at(start + line.len()))
                {
                    lines.push(ClusterSlot {
                        tag: 0,
                        start: s,
                        tab: t,
                        end: e,
                    });
                }
            }
        }
        let mut c = Clusters {
            text,
            slots: vec![ClusterSlot::default(); (2 * lines.len()).next_power_of_two().max(16)],
        };
        let mask = c.slots.len() - 1;
        for mut line in lines {
            let word = c.word(line);
            let (mut at, tag) = slot_of(word, mask);
            loop {
                let s = c.slots[at];
                if s.start == 0 || (s.tag == tag && c.word(s) == word) {
                    break;
                }
                at = (at + 1) & mask;
            }
            line.tag = tag;
            c.slots[at] = line;
        }
        c
    }

    fn word(&self, s: ClusterSlot) -> &str {
        self.text
            .get((s.start as usize).saturating_sub(1)..s.tab as usize)
            .unwrap_or("")
    }

    fn path(&self, s: ClusterSlot) -> &str {
        self.text
            .get(s.tab as usize + 1..s.end as usize)
            .unwrap_or("")
    }

    /// The cluster path of `word`.
    pub(crate) fn get(&self, word: &str) -> Option<&str> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let (mut at, tag) = slot_of(word, mask);
        loop {
            let s = self.slots[at];
            if s.start == 0 {
                return None;
            }
            if s.tag == tag && self.word(s) == word {
                return Some(self.path(s));
            }
            at = (at + 1) & mask;
        }
    }

    /// Every `(word, path)`, each word once, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.start != 0)
            .map(|s| (self.word(*s), self.path(*s)))
    }
}

/// The home slot of `word` in a table of `mask + 1` slots, and the tag
/// kept beside it.
fn slot_of(word: &str, mask: usize) -> (usize, u32) {
    let h = crate::perceptron::atom(word);
    (
        ((h ^ (h >> 29) ^ (h >> 47)) as usize) & mask,
        (h >> 32) as u32,
    )
}

/// What the features need to know about each token of a sentence,
/// computed once per sentence. The lower-case form, form and shape of every
/// token live in one string (`text`) and cluster paths are borrowed from the
/// table, so a sentence costs a handful of allocations, not several per
/// token (this runs for every token of every document).
pub(crate) struct SentenceView<'a> {
    text: String,
    /// Byte ranges in `text`, per token.
    lower: Vec<(usize, usize)>,
    form: Vec<(usize, usize)>,
    shape: Vec<(usize, usize)>,
    cluster: Vec<Option<&'a str>>,
    /// Gazetteer match tag: "B-Country", "I-Organization", ...
    gaz: Vec<Option<String>>,
    demonym: Vec<bool>,
    /// A title or role word ends just before this token.
    after_title: Vec<bool>,
    org_word: Vec<bool>,
    /// Distance to an organisation word further along the same capitalised run.
    org_ahead: Vec<Option<usize>>,
    given: Vec<bool>,
    upper_sentence: bool,
}

impl<'a> SentenceView<'a> {
    /// Precomputes the token facts of `words`.
    pub(crate) fn new(
        words: &[&str],
        gazetteer: &Gazetteer,
        clusters: &'a Clusters,
    ) -> SentenceView<'a> {
        let n = words.len();
        // Headlines in capitals: read their words in lower case for form
        // features, but look names and clusters up in title case.
        let letters: Vec<&&str> = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        let caps = letters
            .iter()
            .filter(|w| {
                w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            })
            .count();
        // Headlines in title case ("Mexico Closes Door on US Military
        // Intervention") are read the same way: capitals say nothing there.
        let titled = letters
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        let upper_sentence = letters.len() >= 3 && caps * 10 >= letters.len() * 8
            || letters.len() >= 4 && titled * 10 >= letters.len() * 8;
        let lookup_forms: Vec<Cow<str>> = words
            .iter()
            .map(|w| {
                if upper_sentence && w.chars().count() > 3 {
                    Cow::Owned(title_case(w))
                } else {
                    Cow::Borrowed(*w)
                }
            })
            .collect();
        let lower: Vec<Cow<str>> = words.iter().map(|w| lower_case(w)).collect();
        // Form: the word, or in a headline its lower case.
        let form = |i: usize| if upper_sentence { &*lower[i] } else { words[i] };
        let mut text = String::with_capacity(words.iter().map(|w| 3 * w.len()).sum());
        let mut push = |s: &str| {
            let start = text.len();
            text.push_str(s);
            (start, text.len())
        };
        let lower_at: Vec<(usize, usize)> = lower.iter().map(|w| push(w)).collect();
        let form_at: Vec<(usize, usize)> = (0..n)
            .map(|i| {
                if form(i) == &*lower[i] {
                    lower_at[i]
                } else {
                    push(form(i))
                }
            })
            .collect();
        let shape_at: Vec<(usize, usize)> = (0..n)
            .map(|i| {
                let start = text.len();
                push_shape(&mut text, form(i));
                (start, text.len())
            })
            .collect();
        let cluster = lookup_forms
            .iter()
            .zip(&lower)
            .map(|(w, l)| {
                clusters
                    .get(w)
                    .or_else(|| (*w != *l).then(|| clusters.get(l)).flatten())
            })
            .collect();
        let mut gaz: Vec<Option<String>> = vec![None; n];
        let refs: Vec<&str> = lookup_forms.iter().map(|w| &**w).collect();
        let mut i = 0;
        while i < n {
            // In a capitalised headline "AT" or "IN" is not an acronym.
            let short = |len: usize| len == 1 && upper_sentence && words[i].chars().count() <= 3;
            match gazetteer.longest_match(&refs[i..]) {
                Some((len, entry))
                    if !short(len) || entry.subtype.as_deref() == Some("Country") =>
                {
                    let kind = entry.subtype.as_deref().unwrap_or(entry.label.as_str());
                    for (k, slot) in gaz[i..i + len].iter_mut().enumerate() {
                        let part = match (k, len) {
                            (_, 1) => "U",
                            (0, _) => "B",
                            (k, l) if k + 1 == l => "L",
                            _ => "I",
                        };
                        *slot = Some(format!("{part}-{kind}"));
                    }
                    i += len;
                }
                _ => i += 1,
            }
        }
        let demonym = refs
            .iter()
            .map(|w| gazetteer.demonym(w).is_some())
            .collect();
        // A title of one to three words just before; phrases grow leftwards
        // and stop once no title ends with them.
        let mut after_title = vec![false; n];
        let mut phrase = String::new();
        for (i, slot) in after_title.iter_mut().enumerate() {
            for k in 1..=3.min(i) {
                phrase.clear();
                for (m, w) in lower[i - k..i].iter().enumerate() {
                    if m > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(w);
                }
                if gazetteer.is_title(&phrase) {
                    *slot = true;
                    break;
                }
                if !gazetteer.may_end_title(&phrase) {
                    break;
                }
            }
        }
        let org_word: Vec<bool> = lower.iter().map(|w| gazetteer.is_org_word(w)).collect();
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let mut org_ahead = vec![None; n];
        for (i, ahead) in org_ahead.iter_mut().enumerate() {
            let mut j = i + 1;
            while j < n && j <= i + 6 {
                if org_word[j] && capital(form(j)) {
                    *ahead = Some(j - i);
                    break;
                }
                let joiner = matches!(&*lower[j], "of" | "and" | "for" | "&" | "the" | "on");
                if !(capital(form(j)) || joiner) {
                    break;
                }
                j += 1;
            }
        }
        let given = refs
            .iter()
            .map(|w| capital(w) && gazetteer.is_given_name(w))
            .collect();
        SentenceView {
            text,
            lower: lower_at,
            form: form_at,
            shape: shape_at,
            cluster,
            gaz,
            demonym,
            after_title,
            org_word,
            org_ahead,
            given,
            upper_sentence,
        }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.form.len()
    }

    fn at(&self, (start, end): (usize, usize)) -> &str {
        &self.text[start..end]
    }

    /// The features of token `i` given the two previous predicted classes.
    pub(crate) fn features(
        &self,
        i: usize,
        prev: Option<usize>,
        prev2: Option<usize>,
        out: &mut Vec<u64>,
    ) {
        out.clear();
        let n = self.len();
        let word = |k: isize| -> &str {
            let j = i as isize + k;
            if j < 0 {
                "<s>"
            } else if j as usize >= n {
                "</s>"
            } else {
                self.at(self.lower[j as usize])
            }
        };
        let shape_at = |k: isize| -> &str {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                "-"
            } else {
                self.at(self.shape[j as usize])
            }
        };
        let (p1, p2) = (class_name(prev), class_name(prev2));
        let lower = self.at(self.lower[i]);
        let sh = self.at(self.shape[i]);
        out.push(feature(0, &[]));
        out.push(feature(1, &[self.at(self.form[i])]));
        out.push(feature(2, &[lower]));
        out.push(feature(3, &[sh]));
        // Suffixes and prefixes of 1–4 and 1–3 characters, sliced at
        // character boundaries (no allocation).
        let mut ends = lower.char_indices().rev().map(|(at, _)| at);
        for _ in 0..4 {
            match ends.next() {
                Some(at) => out.push(feature(4, &[&lower[at..]])),
                None => break,
            }
        }
        let mut starts = lower.char_indices().map(|(at, c)| at + c.len_utf8());
        for _ in 0..3 {
            match starts.next() {
                Some(at) => out.push(feature(5, &[&lower[..at]])),
                None => break,
            }
        }
        out.push(feature(6, &[word(-1)]));
        out.push(feature(7, &[word(1)]));
        out.push(feature(8, &[word(-2)]));
        out.push(feature(9, &[word(2)]));
        out.push(feature(10, &[shape_at(-1), sh]));
        out.push(feature(11, &[sh, shape_at(1)]));
        out.push(feature(27, &[word(-1), lower]));
        out.push(feature(28, &[lower, word(1)]));
        for (template, k) in [(12u32, 0isize), (13, -1), (14, 1)] {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                continue;
            }
            if let Some(path) = self.cluster[j as usize] {
                let lengths: &[usize] = if k == 0 { &[4, 6, 10, 20] } else { &[4, 8] };
                for &len in lengths {
                    out.push(feature(template, &[&path[..len.min(path.len())]]));
                }
            } else if k == 0 {
                out.push(feature(template, &["none"]));
            }
        }
        out.push(feature(15, &[p1]));
        out.push(feature(16, &[p2, p1]));
        out.push(feature(17, &[p1, lower]));
        out.push(feature(18, &[p1, sh]));
        if i == 0 {
            out.push(feature(19, &[sh]));
        }
        let gaz = |j: usize| self.gaz.get(j).and_then(|g| g.as_deref());
        if let Some(g) = gaz(i) {
            out.push(feature(20, &[g]));
            out.push(feature(29, &[g, p1]));
        }
        if let Some(g) = i.checked_sub(1).and_then(gaz) {
            out.push(feature(21, &["prev", g]));
        }
        if let Some(g) = gaz(i + 1) {
            out.push(feature(21, &["next", g]));
        }
        if self.demonym[i] {
            out.push(feature(22, &[]));
        }
        if self.after_title[i] {
            out.push(feature(23, &[sh]));
        }
        if self.org_word[i] {
            out.push(feature(24, &["here", sh]));
        }
        if let Some(d) = self.org_ahead[i] {
            out.push(feature(
                24,
                &["ahead", if d > 2 { "far" } else { "near" }, sh],
            ));
        }
        if self.given[i] {
            out.push(feature(25, &["here"]));
        }
        if i > 0 && self.given[i - 1] {
            out.push(feature(25, &["prev", sh]));
        }
        if self.upper_sentence {
            out.push(feature(26, &[sh]));
        }
    }
}

/// Word shape: X for capitals, x for small letters, d for digits, other
/// characters kept; runs longer than three are cut ("Xxxx", "dddd-dd").
#[cfg(test)]
pub(crate) fn shape(word: &str) -> String {
    let mut out = String::new();
    push_shape(&mut out, word);
    out
}

/// Appends the [`shape`] of `word` to `out`.
fn push_shape(out: &mut String, word: &str) {
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        run = if s == last { run + 1 } else { 1 };
        last = s;
        if run <= 3 {
            out.push(s);
        }
    }
}

/// `word.to_lowercase()`, borrowed when that changes nothing (ASCII without
/// capitals).
fn lower_case(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// "MEXICO" → "Mexico".
pub(crate) fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|f| {
            f.to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_round_trip_and_transitions() {
        for c in 0..CLASSES {
            match decode(c) {
                Some((p, t)) => assert_eq!(encode(p, t), c),
                None => assert_eq!(c, 0),
            }
        }
        let b_per = encode(Part::Begin, EntityLabel::Person);
        let l_per = encode(Part::Last, EntityLabel::Person);
        let l_org = encode(Part::Last, EntityLabel::Organization);
        assert!(allowed(Some(b_per), l_per));
        assert!(!allowed(Some(b_per), l_org));
        assert!(!allowed(Some(b_per), 0));
        assert!(!allowed(None, l_per));
        assert!(allowed(Some(l_per), 0));
    }

    #[test]
    fn clusters_find_each_word_and_keep_the_last_line() {
        let mut text = String::from("no tab here\nMexico\t0110\nmexico\t0111\n");
        for i in 0..100 {
            text.push_str(&format!("w{i}\t{i:b}\n"));
        }
        text.push_str("Mexico\t1\n\tempty\n");
        let c = Clusters::from_text(text);
        assert_eq!(c.get("Mexico"), Some("1"));
        assert_eq!(c.get("mexico"), Some("0111"));
        assert_eq!(c.get("w37"), Some("100101"));
        assert_eq!(c.get(""), Some("empty"));
        assert_eq!(c.get("MEXICO"), None);
        assert_eq!(c.get("no tab here"), None);
        assert_eq!(c.iter().count(), 103);
        assert_eq!(Clusters::default().get("x"), None);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Sheinbaum"), "Xxxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2031-04-17"), "ddd-dd-dd");
    }
}
