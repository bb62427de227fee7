//! The dependency tree of one sentence with child lists: the view of a parse
//! that every extraction pattern reads (UD v2 relations).

use newskg_nlp::{Sentence, Token, Upos};

/// A sentence with child lists, for walking its dependency tree.
pub(crate) struct Tree<'a> {
    /// The analysed sentence.
    pub(crate) sent: &'a Sentence,
    kids: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    /// Indexes the children of every token.
    pub(crate) fn new(sent: &'a Sentence) -> Tree<'a> {
        let n = sent.tokens.len();
        let mut kids = vec![Vec::new(); n];
        for (i, tok) in sent.tokens.iter().enumerate() {
            if let Some(h) = tok.head.filter(|&h| h < n && h != i) {
                kids[h].push(i);
            }
        }
        Tree { sent, kids }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.sent.tokens.len()
    }

    /// Children of `i`, in text order.
    pub(crate) fn kids(&self, i: usize) -> &[usize] {
        &self.kids[i]
    }

    /// Head of `i` (None for the root).
    pub(crate) fn head(&self, i: usize) -> Option<usize> {
        self.sent.tokens[i].head.filter(|&h| h < self.len())
    }

    /// The full dependency relation ("nsubj:pass").
    pub(crate) fn rel(&self, i: usize) -> &str {
        &self.sent.tokens[i].deprel
    }

    /// The relation without its subtype ("nsubj").
    pub(crate) fn base(&self, i: usize) -> &str {
        let r = self.rel(i);
        r.split(':').next().unwrap_or(r)
    }

    /// Lower-cased lemma (the form when no lemma is known).
    pub(crate) fn lemma(&self, i: usize) -> String {
        let t = &self.sent.tokens[i];
        if t.lemma.is_empty() || t.lemma == "_" {
            t.form.to_lowercase()
        } else {
            t.lemma.to_lowercase()
        }
    }

    /// Lower-cased form.
    pub(crate) fn lower(&self, i: usize) -> String {
        self.sent.tokens[i].form.to_lowercase()
    }

    /// Universal POS tag.
    pub(crate) fn upos(&self, i: usize) -> Upos {
        self.sent.tokens[i].upos
    }

    /// Whether `i` is a pronoun.
    pub(crate) fn is_pron(&self, i: usize) -> bool {
        self.upos(i) == Upos::Pron
    }

    /// Whether `i` is punctuation.
    pub(crate) fn is_punct(&self, i: usize) -> bool {
        self.upos(i) == Upos::Punct || self.base(i) == "punct"
    }

    /// First child of `i` whose relation (full or base) is `rel`.
    pub(crate) fn kid(&self, i: usize, rel: &str) -> Option<usize> {
        self.kids(i)
            .iter()
            .copied()
            .find(|&k| self.rel(k) == rel || self.base(k) == rel)
    }

    /// Whether `v` is marked by "to": an infinitive ("to sell").
    pub(crate) fn has_to_mark(&self, v: usize) -> bool {
        self.kids(v)
            .iter()
            .any(|&k| self.base(k) == "mark" && self.lower(k) == "to")
    }

    /// The first word of the phrase `i` heads, punctuation left out (a
    /// comma before a phrase often hangs on it).
    pub(crate) fn phrase_start(&self, i: usize) -> usize {
        (0..i)
            .find(|&k| self.dominates(i, k) && !self.is_punct(k))
            .unwrap_or(i)
    }

    /// Whether token `i` comes right after a comma ("the spokesman, in
    /// response to questions,": a phrase set off by commas).
    pub(crate) fn after_comma(&self, i: usize) -> bool {
        i > 0 && self.sent.tokens[i - 1].form == ","
    }

    /// The case marker (preposition) of a nominal.
    pub(crate) fn case_kid(&self, i: usize) -> Option<usize> {
        self.kids(i)
            .iter()
            .copied()
            .find(|&k| self.base(k) == "case" && self.upos(k) != Upos::Part)
    }

    /// The preposition of a nominal, lower-cased, with its fixed parts
    /// ("according to", "because of").
    pub(crate) fn prep(&self, i: usize) -> Option<String> {
        let c = self.case_kid(i)?;
        let mut words = vec![self.lower(c)];
        words.extend(
            self.kids(c)
                .iter()
                .filter(|&&f| self.rel(f) == "fixed")
                .map(|&f| self.lower(f)),
        );
        Some(words.join(" "))
    }

    /// The tokens' forms, spaced as in the text.
    pub(crate) fn join(&self, tokens: &[usize]) -> String {
        let mut out = String::new();
        let mut prev_end = None;
        for &i in tokens {
            let tok = &self.sent.tokens[i];
            if prev_end.is_some_and(|e| e != tok.span.start) {
                out.push(' ');
            }
            out.push_str(&tok.form);
            prev_end = Some(tok.span.end);
        }
        out
    }

    /// First token of the hyphenated word that `i` ends ("Vantor-based",
    /// "so-called", "long-awaited": the tokenizer splits such words at the
    /// hyphen, as UD does, and the parser hangs the parts on the last one in
    /// varying ways). `i` itself when no hyphen is glued to its left.
    pub(crate) fn hyphen_compound_start(&self, i: usize) -> usize {
        hyphen_word_start(&self.sent.tokens, i)
    }

    /// Whether token `i` is the first or last word of a reduplicated
    /// compound standing on its own ("go head-to-head", "met face-to-face"),
    /// which says how, never who or what: tokenized as EWT does, the parser
    /// may read its first word as an object ("will go head-to-head": "go |
    /// head"). One before its noun ("day-to-day operations", "a
    /// surface-to-surface missile") is that noun's modifier, and no such
    /// compound.
    pub(crate) fn in_reduplicated_compound(&self, i: usize) -> bool {
        let toks = &self.sent.tokens;
        let at = |first: usize| {
            first + 4 < toks.len()
                && toks[first].form.eq_ignore_ascii_case(&toks[first + 4].form)
                && toks[first + 1].form == "-"
                && toks[first + 3].form == "-"
                && matches!(
                    toks[first + 2].form.to_lowercase().as_str(),
                    "to" | "by" | "on" | "for" | "in" | "over" | "after" | "and"
                )
                && (first..first + 4).all(|k| toks[k].span.end == toks[k + 1].span.start)
                && !toks.get(first + 5).is_some_and(|t| {
                    matches!(t.upos, Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num)
                })
        };
        at(i) || i >= 4 && at(i - 4)
    }

    /// Last token of the hyphenated word that `i` starts and heads
    /// ("Forty-three", whose "three" the parser hangs on "Forty" as a
    /// conjunct): `i` itself when no word is glued to its right by a
    /// hyphen, or when the word after the hyphen heads `i` ("money-making",
    /// an adjective whose noun comes after it, is no "money").
    pub(crate) fn hyphen_compound_end(&self, i: usize) -> usize {
        let toks = &self.sent.tokens;
        let mut end = i;
        while end + 2 < toks.len() {
            let hyphen = &toks[end + 1];
            let glued = hyphen.form == "-"
                && toks[end].span.end == hyphen.span.start
                && hyphen.span.end == toks[end + 2].span.start
                && toks[end + 2]
                    .form
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                && self.dominates(i, end + 2);
            if !glued {
                break;
            }
            end += 2;
        }
        end
    }

    /// Whether a comma stands between verb `v` and the first word of the
    /// phrase of its object `o` (an object after the verb). English puts
    /// none there: such an "object" opens the next clause ("if the talks
    /// fail, a strike will ...").
    pub(crate) fn comma_before_object(&self, v: usize, o: usize) -> bool {
        if o < v {
            return false;
        }
        // The phrase's first word (a comma the parser hung on the object
        // is no word of it).
        let start = (v + 1..=o)
            .find(|&k| self.dominates(o, k) && !self.is_punct(k))
            .unwrap_or(o);
        (v + 1..start).any(|k| self.sent.tokens[k].form == ",")
    }

    /// Whether `a` lies in the subtree of `root` (or is it).
    pub(crate) fn dominates(&self, root: usize, a: usize) -> bool {
        self.sent.dominates(root, a)
    }

    /// First token whose form is `form` (tests).
    #[cfg(test)]
    pub(crate) fn find(&self, form: &str) -> Option<usize> {
        self.sent.tokens.iter().position(|t| t.form == form)
    }
}

/// The first token of the word joined by hyphens that token `i` ends or
/// stands in ("point-to-point" is five tokens): `i` when no hyphen glued
/// to both neighbours stands before it.
pub(crate) fn hyphen_word_start(toks: &[Token], i: usize) -> usize {
    let mut start = i;
    while start >= 2 {
        let hyphen = &toks[start - 1];
        let glued = hyphen.form == "-"
            && toks[start - 2].span.end == hyphen.span.start
            && hyphen.span.end == toks[start].span.start;
        if !glued {
            break;
        }
        start -= 2;
    }
    start
}
