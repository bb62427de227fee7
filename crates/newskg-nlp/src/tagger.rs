//! POS tagger: a tokenized [`Sentence`] in, `xpos` (Penn Treebank) and
//! `upos` (Universal POS) set on every token.
//!
//! Two greedy left-to-right averaged perceptrons (Collins 2002; the
//! "perceptron tagger" recipe of Honnibal 2013):
//! 1. XPOS from word features (form, lowercase, prefixes and suffixes 1–4,
//!    shape, Brown-cluster prefixes 4/6/10/full), the surrounding words and
//!    the two previous predicted tags. Frequent unambiguous words take their
//!    tag from a tag dictionary (faster, and no less accurate).
//! 2. UPOS from the word, its neighbours and the XPOS tags just predicted.
//!    The XPOS→UPOS relation is nearly a function, but not quite (VB* is VERB
//!    or AUX, IN is ADP or SCONJ), and the second pass learns the exceptions.
//!
//! Weights and the tag tables live in one `.nkw` file of kind "tagger"
//! (sections below); training is in [`crate::train`].

use std::collections::HashMap;
use std::path::Path;

use std::hash::Hasher;

use super::perceptron::{argmax, atom, combine, Clusters, Fnv, Model, WeightFile};
use super::{ModelError, ModelFile, ModelSource, Sentence, Upos};

/// Assigns UPOS and XPOS tags. Read-only after loading; `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Tagger {
    pub(crate) xpos_model: Model,
    pub(crate) upos_model: Model,
    /// XPOS class → tag.
    pub(crate) xpos_tags: Vec<String>,
    /// Frequent unambiguous forms → XPOS class.
    pub(crate) tagdict: HashMap<String, u16>,
    pub(crate) clusters: Clusters,
}

impl Tagger {
    /// Loads tagger weights from a `.nkw` file of kind "tagger".
    pub fn load(path: &Path) -> Result<Tagger, ModelError> {
        Tagger::from_model_file(&ModelFile::read(path)?)
    }

    /// Loads `tagger.nkw` from `models`.
    pub fn from_source(models: &ModelSource) -> Result<Tagger, ModelError> {
        Tagger::from_model_file(&models.open("tagger.nkw")?)
    }

    /// Decodes the bytes of a weight file of kind "tagger".
    pub fn from_model_file(file: &ModelFile) -> Result<Tagger, ModelError> {
        Tagger::from_file(&file.weights("tagger")?).map_err(|message| file.corrupt(message))
    }

    /// Decodes a weight file already read.
    pub(crate) fn from_file(file: &WeightFile) -> Result<Tagger, String> {
        let section = |name: &str| {
            file.section(name)
                .ok_or_else(|| format!("missing section {name:?}"))
        };
        let xpos_model = Model::from_compact_bytes(section("xpos.model")?)?;
        let upos_model = Model::from_compact_bytes(section("upos.model")?)?;
        let xpos_tags: Vec<String> = lines(section("xpos.tags")?)?;
        if xpos_tags.len() != xpos_model.classes() || upos_model.classes() != Upos::ALL.len() {
            return Err("tag tables do not match the model sizes".to_string());
        }
        let mut tagdict = HashMap::new();
        for line in lines(section("tagdict")?)? {
            let (w, t) = line.rsplit_once('\t').ok_or("bad tag dictionary line")?;
            let t: u16 = t.parse().map_err(|_| "bad tag dictionary class")?;
            if usize::from(t) >= xpos_tags.len() {
                return Err("tag dictionary class out of range".to_string());
            }
            tagdict.insert(w.to_string(), t);
        }
        let clusters = Clusters::from_bytes(section("clusters")?)?;
        Ok(Tagger {
            xpos_model,
            upos_model,
            xpos_tags,
            tagdict,
            clusters,
        })
    }

    /// Encodes as a weight file of kind "tagger" with `metadata`.
    pub(crate) fn to_file(&self, metadata: serde_json::Value) -> WeightFile {
        let mut f = WeightFile::new("tagger", metadata);
        let mut dict: Vec<(&String, &u16)> = self.tagdict.iter().collect();
        dict.sort();
        let dict: Vec<String> = dict.into_iter().map(|(w, t)| format!("{w}\t{t}")).collect();
        f.sections
            .push(("xpos.model".into(), self.xpos_model.to_compact_bytes()));
        f.sections
            .push(("upos.model".into(), self.upos_model.to_compact_bytes()));
        f.sections
            .push(("xpos.tags".into(), self.xpos_tags.join("\n").into_bytes()));
        f.sections
            .push(("tagdict".into(), dict.join("\n").into_bytes()));
        f.sections
            .push(("clusters".into(), self.clusters.to_bytes()));
        f
    }

    /// A smaller tagger keeping only the `xpos` and `upos` most important
    /// features of each model (for the size budget of shipped weights).
    pub fn pruned(&self, xpos: usize, upos: usize) -> Tagger {
        Tagger {
            xpos_model: self.xpos_model.pruned(xpos),
            upos_model: self.upos_model.pruned(upos),
            ..self.clone()
        }
    }

    /// Sets `upos` and `xpos` of every token (forms must be set).
    pub fn predict(&self, sentence: &mut Sentence) {
        let words: Vec<WordAtoms> = sentence
            .tokens
            .iter()
            .map(|t| WordAtoms::new(&t.form, &self.clusters))
            .collect();
        let (xpos, after_modal) = self.predict_xpos(
            &sentence
                .tokens
                .iter()
                .map(|t| t.form.as_str())
                .collect::<Vec<_>>(),
            &words,
        );
        let mut upos = self.predict_upos(&words, &xpos);
        // The second pass, which learned from the model's own noun tags,
        // may still call a verb set right after a modal a noun.
        let verb = Upos::ALL.iter().position(|u| *u == Upos::Verb);
        for &i in &after_modal {
            let u = Upos::ALL[usize::from(upos[i])];
            if u != Upos::Verb && u != Upos::Aux {
                if let Some(v) = verb {
                    upos[i] = v as u16;
                }
            }
        }
        for ((t, x), u) in sentence.tokens.iter_mut().zip(&xpos).zip(&upos) {
            t.xpos.clone_from(&self.xpos_tags[usize::from(*x)]);
            t.upos = Upos::ALL[usize::from(*u)];
        }
        angle_brackets(sentence);
    }

    /// The XPOS class of each word, and the words set to a verb because
    /// they follow a modal ([`Tagger::base_verb_after_modal`]).
    fn predict_xpos(&self, forms: &[&str], words: &[WordAtoms]) -> (Vec<u16>, Vec<usize>) {
        let ahead = dictionary_tags(forms, &self.tagdict);
        let mut tags: Vec<u16> = Vec::with_capacity(words.len());
        let mut after_modal = Vec::new();
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0.0; self.xpos_model.classes()];
        for (i, form) in forms.iter().enumerate() {
            if let Some(&t) = self.tagdict.get(*form) {
                let verb = self.base_verb_after_modal(forms, &tags, usize::from(t));
                if verb.is_some() {
                    after_modal.push(i);
                }
                tags.push(verb.map_or(t, |v| v as u16));
                continue;
            }
            feats.clear();
            xpos_features(words, &ahead, i, &tags, &mut feats);
            self.xpos_model.score_into(&feats, &mut scores);
            let mut tag = argmax(&scores);
            // Pronouns are a closed class: a word that is none of them
            // ("Ministers" opening a sentence) takes its next best tag.
            if self.is_pronoun_tag(tag) && !is_pronoun_form(form) {
                scores[tag] = f32::NEG_INFINITY;
                tag = argmax(&scores);
            }
            if let Some((ruled_out, instead)) = self.verb_tag_for_form(form) {
                if tag == ruled_out {
                    tag = instead;
                }
            }
            if let Some(noun) = self.noun_tag_for_unit(form, tag) {
                tag = noun;
            }
            if let Some(verb) = self.base_verb_after_modal(forms, &tags, tag) {
                tag = verb;
                after_modal.push(i);
            }
            tags.push(tag as u16);
        }
        (tags, after_modal)
    }

    /// The noun tag of a wire unit ([`crate::names::WIRE_UNITS`]) that the
    /// model tagged as a verb ("4-3/4 cts a unit": "cts" read as a verb in
    /// the third person): "NNS" for the forms in "-s", else "NN".
    /// (Called for every word the dictionary does not tag: the cheap tag
    /// test comes first, and the form is compared without a lower-cased
    /// copy.)
    fn noun_tag_for_unit(&self, form: &str, tag: usize) -> Option<usize> {
        if !self.xpos_tags.get(tag).is_some_and(|t| t.starts_with("VB")) {
            return None;
        }
        let unit = crate::names::WIRE_UNITS
            .iter()
            .find(|u| u.eq_ignore_ascii_case(form))?;
        let noun = if unit.ends_with('s') { "NNS" } else { "NN" };
        self.xpos_tags.iter().position(|t| t == noun)
    }

    /// Whether XPOS class `tag` is a pronoun's (personal, possessive or
    /// wh-): tags of a closed class of words.
    fn is_pronoun_tag(&self, tag: usize) -> bool {
        self.xpos_tags
            .get(tag)
            .is_some_and(|t| matches!(t.as_str(), "PRP" | "PRP$" | "WP" | "WP$"))
    }

    /// The base-form verb tag ("VB") for the word after a modal, with only
    /// adverbs between ("would most likely focus on pay", "will no
    /// longer have"), that the model tagged as a singular noun or a present
    /// tense (or the tag dictionary gave a noun: "issue", "store"): English
    /// puts a verb's bare infinitive there and nothing else. A noun read
    /// there ("the panel will issue its report": "issue" as a noun) leaves
    /// the clause without its verb. In a question the subject comes between
    /// ("can anyone help", "why would money matter"), so a modal that opens
    /// the sentence or follows "why", "how", "where" or "when", and the
    /// indefinite pronouns, are left alone.
    /// `tags` are those of the words before this one, `tag` the model's.
    fn base_verb_after_modal(&self, forms: &[&str], tags: &[u16], tag: usize) -> Option<usize> {
        let name = |t: usize| self.xpos_tags.get(t).map_or("", String::as_str);
        if !matches!(name(tag), "NN" | "VBP") {
            return None;
        }
        let i = tags.len();
        let form = forms[i];
        if form.bytes().any(|b| b.is_ascii_uppercase()) || is_indefinite_pronoun(form) {
            return None;
        }
        // Back over the adverbs to the word they follow.
        let mut j = i;
        while j > 0 {
            j -= 1;
            let before = name(usize::from(tags[j]));
            let adverb = matches!(before, "RB" | "RBR" | "RBS")
                || forms[j].eq_ignore_ascii_case("likely")
                || (forms[j].eq_ignore_ascii_case("no")
                    && forms
                        .get(j + 1)
                        .is_some_and(|f| f.eq_ignore_ascii_case("longer")))
                || (forms[j].eq_ignore_ascii_case("longer")
                    && j > 0
                    && forms[j - 1].eq_ignore_ascii_case("no"));
            if !adverb {
                let opens_a_question = j == 0
                    || name(usize::from(tags[j - 1])) == "WRB"
                    || name(usize::from(tags[j - 1])) == "CC" && j == 1;
                return (before == "MD" && !opens_a_question)
                    .then(|| self.xpos_tags.iter().position(|t| t == "VB"))
                    .flatten();
            }
        }
        None
    }

    /// The verb tag a word's form rules out, and the one it stands for:
    /// "fell", "rose", "took" are past tenses and never participles,
    /// "fallen", "risen", "taken" the reverse (English strong verbs, whose
    /// two forms differ). The model reads the tense from context and
    /// sometimes makes "prices fell by 2 pct" a participle modifying
    /// "prices", and the parser then finds no verb; where it chose the
    /// other verb form, the form's own is meant (where it chose a noun or
    /// an adjective, that stays: "a rose", "the fallen").
    fn verb_tag_for_form(&self, form: &str) -> Option<(usize, usize)> {
        let lower;
        let form = if form.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = form.to_ascii_lowercase();
            lower.as_str()
        } else {
            form
        };
        let tag = match form {
            "fell" | "rose" | "grew" | "began" | "took" | "gave" | "went" | "came" | "saw"
            | "wrote" | "drove" | "ate" | "spoke" | "broke" | "chose" | "knew" | "flew"
            | "threw" | "drew" | "sang" | "swam" | "sank" | "shook" | "froze" | "stole"
            | "wore" | "tore" | "forgot" | "forgave" | "hid" | "rode" | "swore" | "withdrew"
            | "undertook" | "overtook" | "mistook" | "arose" | "blew" | "did" | "shrank"
            | "sprang" | "became" | "overcame" | "underwent" | "oversaw" | "forbade" => "VBN",
            "fallen" | "risen" | "grown" | "begun" | "taken" | "given" | "gone" | "seen"
            | "written" | "driven" | "eaten" | "spoken" | "broken" | "chosen" | "known"
            | "flown" | "thrown" | "drawn" | "sung" | "swum" | "sunk" | "shaken" | "frozen"
            | "stolen" | "worn" | "torn" | "forgotten" | "forgiven" | "hidden" | "ridden"
            | "sworn" | "withdrawn" | "undertaken" | "overtaken" | "mistaken" | "arisen"
            | "blown" | "done" | "shrunk" | "been" | "beaten" | "bitten" | "shown"
            | "undergone" | "overseen" | "forbidden" => "VBD",
            _ => return None,
        };
        let instead = if tag == "VBN" { "VBD" } else { "VBN" };
        let index = |name: &str| self.xpos_tags.iter().position(|t| t == name);
        Some((index(tag)?, index(instead)?))
    }

    fn predict_upos(&self, words: &[WordAtoms], xpos: &[u16]) -> Vec<u16> {
        let mut tags: Vec<u16> = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0.0; self.upos_model.classes()];
        for i in 0..words.len() {
            feats.clear();
            upos_features(words, xpos, i, &tags, &mut feats);
            self.upos_model.score_into(&feats, &mut scores);
            tags.push(argmax(&scores) as u16);
        }
        tags
    }
}

/// The English pronouns that take the personal, possessive and wh- tags
/// (with the spellings of informal writing: "u", "ur", "em"); any other
/// word the model tags so is a misreading.
const PRONOUN_FORMS: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "one",
    "oneself",
    "'s",
    "s",
    "u",
    "ur",
    "ya",
    "ye",
    "yer",
    "em",
    "'em",
    "thee",
    "thou",
    "thy",
    "thine",
    "who",
    "whom",
    "whose",
    "what",
    "whoever",
    "whomever",
    "whatever",
    "whatsoever",
    "which",
    "y'all",
    "it's",
    "its'",
    "theyre",
    "youre",
    "im",
    "who's",
    "there",
];

fn is_pronoun_form(form: &str) -> bool {
    let lower = form.to_lowercase().replace('\u{2019}', "'");
    PRONOUN_FORMS.contains(&lower.as_str())
}

/// "someone", "anything", "nobody": the words that follow a modal as the
/// subject of a question ("would anyone object").
fn is_indefinite_pronoun(form: &str) -> bool {
    let lower = form.to_ascii_lowercase();
    ["some", "any", "every", "no"].iter().any(|q| {
        lower
            .strip_prefix(q)
            .is_some_and(|rest| matches!(rest, "one" | "body" | "thing"))
    })
}

/// "<" and ">" around a code or an address ("Vantor Inc <VNTR.L>", as wire
/// copy marks a ticker, and as e-mail addresses are written) are brackets,
/// as in UD English: the model, which saw few of them, tags the closing
/// one as a noun, and a noun ">" heads the phrase. (Brackets around a name
/// the analyzer hides from the tagger altogether: `analyze_sentence`.)
fn angle_brackets(sentence: &mut Sentence) {
    let mut open = false;
    for t in &mut sentence.tokens {
        match t.form.as_str() {
            "<" => {
                open = true;
                t.upos = Upos::Punct;
                t.xpos = "-LRB-".to_string();
            }
            ">" if open => {
                open = false;
                t.upos = Upos::Punct;
                t.xpos = "-RRB-".to_string();
            }
            _ => {}
        }
    }
}

fn lines(bytes: &[u8]) -> Result<Vec<String>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "section is not UTF-8".to_string())?;
    Ok(text
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

/// The hashed pieces of one word that features are built from.
#[derive(Clone, Debug)]
pub(crate) struct WordAtoms {
    form: u64,
    lower: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    shape: u64,
    cluster: [u64; 4],
}

/// Padding before the sentence and after it.
const START: u64 = 0x53_5441_5254;
const END: u64 = 0x45_4e44;

impl WordAtoms {
    /// Atoms of `form`.
    pub(crate) fn new(form: &str, clusters: &Clusters) -> WordAtoms {
        // Most words are ASCII with no capital: no lowercase copy, and byte
        // offsets are char offsets.
        let lower: std::borrow::Cow<str> =
            if form.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                std::borrow::Cow::Owned(form.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(form)
            };
        let lower = lower.as_ref();
        let mut prefix = [0; 4];
        let mut suffix = [0; 4];
        if lower.is_ascii() {
            let n = lower.len();
            for k in 0..4 {
                let len = k + 1;
                if n >= len {
                    prefix[k] = atom(&lower[..len]);
                    suffix[k] = atom(&lower[n - len..]);
                } else {
                    prefix[k] = atom(lower);
                    suffix[k] = prefix[k];
                }
            }
        } else {
            let chars: Vec<(usize, char)> = lower.char_indices().collect();
            for k in 0..4 {
                let len = k + 1;
                if chars.len() >= len {
                    let end = chars.get(len).map_or(lower.len(), |c| c.0);
                    prefix[k] = atom(&lower[..end]);
                    suffix[k] = atom(&lower[chars[chars.len() - len].0..]);
                } else {
                    prefix[k] = atom(lower);
                    suffix[k] = prefix[k];
                }
            }
        }
        WordAtoms {
            form: atom(form),
            lower: digits_atom(lower),
            prefix,
            suffix,
            shape: shape_atom(form),
            cluster: clusters.atoms(form),
        }
    }
}

/// `atom(&normalize_digits(s))` without building the string.
fn digits_atom(s: &str) -> u64 {
    let mut h = Fnv::default();
    for b in s.bytes() {
        h.write_u8(if b.is_ascii_digit() { b'0' } else { b });
    }
    h.finish()
}

/// `atom(&shape(form))` without building the string.
fn shape_atom(form: &str) -> u64 {
    let mut h = Fnv::default();
    let mut buf = [0u8; 4];
    for_each_shape_char(form, |c| h.write(c.encode_utf8(&mut buf).as_bytes()));
    h.finish()
}

/// Digits become `0`, so "1987" and "2003" share features.
#[cfg(test)]
fn normalize_digits(s: &str) -> String {
    if s.bytes().any(|b| b.is_ascii_digit()) {
        s.chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect()
    } else {
        s.to_string()
    }
}

/// Word shape with runs of one class shortened to two: "McDonald's" →
/// "XxXxx'x", "1,000" → "d,dd".
#[cfg(test)]
pub(crate) fn shape(form: &str) -> String {
    let mut out = String::new();
    for_each_shape_char(form, |c| out.push(c));
    out
}

/// Calls `push` with each character of the shape of `form` (see [`shape`]).
fn for_each_shape_char(form: &str, mut push: impl FnMut(char)) {
    let mut last = ' ';
    let mut run = 0;
    for c in form.chars().take(40) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = k;
        push(k);
    }
}

/// The tag-dictionary tag of each word (an atom; [`UNKNOWN`] when absent):
/// lets the tagger look ahead at the unambiguous words to its right.
pub(crate) fn dictionary_tags(forms: &[&str], tagdict: &HashMap<String, u16>) -> Vec<u64> {
    forms
        .iter()
        .map(|f| tagdict.get(*f).map_or(UNKNOWN, |t| u64::from(*t) + 1))
        .collect()
}

/// A word not in the tag dictionary.
const UNKNOWN: u64 = 0x55_4e4b;

/// Features for the XPOS of word `i`; `prev` holds the tags of words `0..i`,
/// `ahead` the [`dictionary_tags`] of every word.
pub(crate) fn xpos_features(
    words: &[WordAtoms],
    ahead: &[u64],
    i: usize,
    prev: &[u16],
    out: &mut Vec<u64>,
) {
    let w = &words[i];
    let at = |k: isize| -> Option<&WordAtoms> {
        usize::try_from(i as isize + k)
            .ok()
            .and_then(|j| words.get(j))
    };
    let lower = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |x| x.lower);
    let suf3 = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |x| x.suffix[2]);
    let shp = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |x| x.shape);
    let clu = |k: isize, p: usize| at(k).map_or(if k < 0 { START } else { END }, |x| x.cluster[p]);
    let tag = |k: usize| {
        if i >= k {
            u64::from(prev[i - k]) + 1
        } else {
            START
        }
    };
    let (t1, t2) = (tag(1), tag(2));
    let mut t = 0;
    let mut add = |parts: &[u64]| {
        out.push(combine(t, parts));
        t += 1;
    };
    add(&[]);
    add(&[w.form]);
    add(&[w.lower]);
    for k in 0..4 {
        add(&[w.suffix[k]]);
    }
    for k in 0..3 {
        add(&[w.prefix[k]]);
    }
    add(&[w.shape]);
    for k in 0..4 {
        add(&[w.cluster[k]]);
    }
    add(&[t1]);
    add(&[t1, t2]);
    add(&[t1, w.lower]);
    add(&[t1, w.suffix[2]]);
    add(&[lower(-1)]);
    add(&[lower(-2)]);
    add(&[lower(1)]);
    add(&[lower(2)]);
    add(&[lower(-1), w.lower]);
    add(&[w.lower, lower(1)]);
    add(&[suf3(-1)]);
    add(&[suf3(1)]);
    add(&[shp(-1), w.shape]);
    add(&[w.shape, shp(1)]);
    add(&[clu(-1, 1)]);
    add(&[clu(1, 1)]);
    add(&[clu(1, 3)]);
    add(&[clu(2, 1)]);
    add(&[t1, clu(1, 1)]);
    add(&[t1, w.cluster[1]]);
    add(&[w.suffix[2], lower(1)]);
    let dict = |k: usize| ahead.get(i + k).copied().unwrap_or(END);
    add(&[dict(1)]);
    add(&[dict(1), dict(2)]);
    add(&[t1, dict(1)]);
    add(&[w.lower, dict(1)]);
    add(&[w.suffix[2], dict(1)]);
    // Unknown and capitalised words (issue 13): where the word stands, its
    // shape and cluster with the neighbours, wider word context.
    let first = u64::from(i == 0);
    add(&[first, w.shape]);
    add(&[first, w.lower]);
    add(&[first, w.cluster[1]]);
    add(&[t1, w.shape]);
    add(&[t1, w.suffix[1]]);
    add(&[t1, t2, w.suffix[2]]);
    add(&[w.prefix[0], w.suffix[2]]);
    add(&[w.shape, w.suffix[2]]);
    add(&[w.cluster[2]]);
    add(&[w.cluster[1], lower(1)]);
    add(&[lower(-1), w.suffix[2]]);
    add(&[lower(-2), lower(-1)]);
    add(&[lower(1), lower(2)]);
    add(&[t1, lower(1)]);
    add(&[clu(-1, 2), w.cluster[2]]);
    add(&[w.cluster[2], clu(1, 2)]);
}

/// Features for the UPOS of word `i`, given every XPOS and the UPOS of `0..i`.
pub(crate) fn upos_features(
    words: &[WordAtoms],
    xpos: &[u16],
    i: usize,
    prev: &[u16],
    out: &mut Vec<u64>,
) {
    let w = &words[i];
    let x = |k: isize| -> u64 {
        usize::try_from(i as isize + k)
            .ok()
            .and_then(|j| xpos.get(j))
            .map_or(if k < 0 { START } else { END }, |t| u64::from(*t) + 1)
    };
    let lower = |k: isize| -> u64 {
        usize::try_from(i as isize + k)
            .ok()
            .and_then(|j| words.get(j))
            .map_or(if k < 0 { START } else { END }, |a| a.lower)
    };
    let u1 = if i > 0 {
        u64::from(prev[i - 1]) + 1
    } else {
        START
    };
    let x0 = x(0);
    let mut t = 1000;
    let mut add = |parts: &[u64]| {
        out.push(combine(t, parts));
        t += 1;
    };
    add(&[x0]);
    add(&[x0, w.lower]);
    add(&[x0, w.suffix[2]]);
    add(&[x0, x(-1)]);
    add(&[x0, x(1)]);
    add(&[x0, x(1), x(2)]);
    add(&[x0, x(-1), x(1)]);
    add(&[x0, u1]);
    add(&[x0, lower(1)]);
    add(&[x0, lower(-1)]);
    add(&[x0, w.shape]);
    add(&[x0, w.cluster[1]]);
    add(&[w.lower]);
    add(&[w.form]);
    add(&[x0, w.form]);
    add(&[x0, w.cluster[3]]);
    add(&[x0, x(1), lower(1)]);
    // Lexical context for the UPOS splits of one XPOS (AUX/VERB, ADP/SCONJ,
    // DET/PRON, PROPN/NOUN) (issue 13).
    add(&[x0, w.lower, x(1)]);
    add(&[x0, w.lower, x(-1)]);
    add(&[x0, w.lower, x(1), x(2)]);
    add(&[x0, w.lower, lower(1)]);
    add(&[x0, x(-2), x(-1)]);
    add(&[x0, w.lower, u1]);
    add(&[x0, w.shape, u64::from(i == 0)]);
    add(&[x0, w.cluster[2]]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Span, Token};

    #[test]
    fn angle_brackets_around_a_name_are_brackets() {
        let token = |form: &str, upos: Upos, xpos: &str| {
            let mut t = Token::unanalyzed(Span::new(0, 0), form);
            t.upos = upos;
            t.xpos = xpos.to_string();
            t
        };
        // "bought < Vantor Inc > ." as the model tags it, and a lone ">".
        let mut s = Sentence {
            span: Span::new(0, 0),
            tokens: vec![
                token("bought", Upos::Verb, "VBD"),
                token("<", Upos::Punct, "-LRB-"),
                token("Vantor", Upos::Propn, "NNP"),
                token("Inc", Upos::Propn, "NNP"),
                token(">", Upos::Noun, "NN"),
                token(">", Upos::Sym, "SYM"),
            ],
        };
        angle_brackets(&mut s);
        assert_eq!(
            (s.tokens[4].upos, s.tokens[4].xpos.as_str()),
            (Upos::Punct, "-RRB-")
        );
        assert_eq!(
            s.tokens[5].upos,
            Upos::Sym,
            "a \">\" with no \"<\" before it stays"
        );
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("McDonald's"), "XxXxx'x");
        assert_eq!(shape("1,000"), "d,dd");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape(""), "");
    }

    #[test]
    fn word_atoms_handle_any_text() {
        let c = Clusters::default();
        for w in ["", "a", "日本語", "🙂🙂", "naïve-ly"] {
            let a = WordAtoms::new(w, &c);
            assert_eq!(a.form, atom(w));
        }
        assert_eq!(
            WordAtoms::new("1987", &c).lower,
            WordAtoms::new("2003", &c).lower
        );
        for w in ["McDonald's", "1,000", "Ünïcode-X9", "abc"] {
            assert_eq!(shape_atom(w), atom(&shape(w)));
            let lower = w.to_lowercase();
            assert_eq!(digits_atom(&lower), atom(&normalize_digits(&lower)));
        }
    }

    // Training, round-trip and corrupt-file tests live in `nlp::train`,
    // which can build a tagger.
}
