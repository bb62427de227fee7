//! Parse repairs: a parsed sentence in, the same sentence with the
//! attachments English grammar rules out put right.
//!
//! The parser is a greedy transition parser trained on web text; a few of
//! its mistakes follow from reading left to right with one word of lookahead
//! and are common in news. Each repair here is a rule of English grammar,
//! applied only where its evidence is unambiguous, and each was measured on
//! UD English-EWT dev before it was kept (README, "Analysis"): a repair
//! that is right less often than the parse it replaces lowers UAS there.
//!
//! Why rules after the parser and not in it: the parser's features see one
//! word ahead; these mistakes are only visible once the clause is complete.

use crate::names::{
    self, is_time_noun, CONTENT_NOUNS, EXPECTING_VERBS, INFINITIVE_NOUNS, OBJECT_CONTROL_VERBS,
    PREPOSITION_PARTICIPLES,
};
use crate::{Sentence, Upos};

/// Verbs that report or judge a clause ("said", "believes", "confirmed")
/// and take no addressee as their object. After one of them a noun phrase
/// followed at once by a finite verb is that verb's subject ("confirmed the
/// bank had asked"), never the object of the speech verb: the parser,
/// seeing "confirmed the bank", attaches the noun as the object before it
/// sees "had". Verbs with an addressee ("told reporters the plan failed")
/// are left out.
const CLAUSE_VERBS: &[&str] = &[
    "say",
    "believe",
    "think",
    "claim",
    "confirm",
    "speculate",
    "insist",
    "argue",
    "admit",
    "deny",
    "suggest",
    "announce",
    "reveal",
    "hope",
    "fear",
    "know",
    "report",
    "indicate",
    "note",
    "estimate",
    "predict",
    "add",
    "state",
    "acknowledge",
    "assume",
    "guess",
    "feel",
    "reckon",
    "agree",
    "conclude",
    "realise",
    "realize",
    "understand",
    "expect",
    "stress",
    "explain",
    "allege",
    "warn",
    "contend",
    "assert",
    "declare",
    "concede",
    "complain",
    "emphasise",
    "emphasize",
    "maintain",
    "recall",
    "remember",
    "recognise",
    "recognize",
    "suspect",
    "doubt",
    "promise",
    "decide",
    "rule",
    "testify",
    "boast",
    // Verbs of reckoning ("calculated the cut would save 40 million",
    // "forecast prices would fall").
    "calculate",
    "forecast",
    "project",
    // Verbs of showing and finding out take a clause the same way ("the
    // figures showed inflation was rising", "the inquiry found the bank had
    // misled them").
    "show",
    "prove",
    "demonstrate",
    "signal",
    "mean",
    "find",
    "discover",
    "learn",
];

/// Verbs that name what their object is called: right after a noun, their
/// past form is the participle of a reduced relative ("a fund called X").
const CALLING_VERBS: &[&str] = &["call", "name", "dub", "term", "label", "entitle", "title"];

/// Every repair, in the order they run.
const REPAIRS: &[fn(&mut Sentence)] = &[
    list_member_after_a_code_read_as_apposition,
    predicate_read_as_oblique_of_a_clause_verb,
    second_content_clause_read_as_conjunct_of_the_verb,
    name_before_based_read_as_argument,
    period_end_read_as_verb,
    inverted_speaker_read_as_object,
    gerund_of_a_named_noun_read_as_verb,
    participle_after_a_possessive_read_as_verb,
    subject_read_as_object,
    hyphenated_participle_read_as_verb,
    hyphenated_gerund_read_as_verb,
    trailing_speaker_with_modifier_read_as_clause,
    copular_report_read_as_argument_of_its_speech_verb,
    trailing_speaker_read_as_conjunct,
    subject_read_as_compound_of_time,
    object_read_as_parataxis,
    passive_subject_without_auxiliary,
    description_read_as_conjunct,
    name_read_as_conjunct_after_an_apposition,
    conjunct_read_as_oblique,
    prepositional_phrase_read_as_conjunct,
    apposition_read_as_oblique,
    relative_clause_read_as_conjunct,
    conjunct_read_as_compound,
    name_read_as_list,
    past_verb_read_as_modifier_of_its_subject,
    noun_conjunct_read_as_verb_conjunct,
    recipient_read_as_modifier_of_an_amount,
    flat_name_across_conjunct,
    subject_of_a_subject,
    time_read_as_clause,
    finite_conjunct_of_a_participle,
    speech_conjunct_inside_what_is_said,
    clause_read_as_modifier_of_its_object,
    complement_read_as_relative_clause_of_the_addressee,
    preposition_read_as_clause,
    content_clause_read_as_complement_of_the_verb,
    present_conjunct_read_as_the_speaker_s,
    bare_infinitive_read_as_conjunct_of_a_finite_verb,
    speaker_before_a_dashed_aside,
    infinitive_after_the_object_read_as_purpose,
    gerund_complement_read_as_adverbial,
    adverbial_gerund_read_as_modifier_of_a_noun,
    period_read_as_object_before_its_noun,
    purpose_read_as_complement_after_the_object,
    compound_read_as_first_of_two_objects,
    participle_read_as_conjunct_after_a_noun,
    subordinate_clause_read_as_conjunct,
    subject_read_as_conjunct_of_a_noun,
    name_split_into_objects,
    complement_of_a_relational_noun_read_as_oblique,
    head_noun_of_coordinated_modifiers_read_as_modifier,
    subject_with_a_relative_clause_read_as_argument_of_the_speech_verb,
    participle_after_the_subject_read_as_its_head,
    subject_read_as_argument_of_an_opening_clause,
    subordinator_read_as_preposition,
    list_read_as_stacked_appositions,
    participle_of_change_read_as_verb,
];

/// Applies every repair to `sentence` (heads and relations; tokens and tags
/// stay). Each repair moves heads on its own evidence; should one of them
/// hang a word under its own dependent (two repairs reading one clause
/// differently can), the sentence would stop being a tree, so a repair
/// that leaves a token with no way to the root is undone.
pub fn repair(sentence: &mut Sentence) {
    let parsed = links(sentence);
    for repair in REPAIRS {
        repair(sentence);
    }
    if is_tree(sentence) {
        return;
    }
    // Rare: again from the parse, one repair at a time.
    restore(sentence, &parsed);
    for repair in REPAIRS {
        keeping_a_tree(sentence, repair);
    }
}

/// Each token's head and relation.
fn links(s: &Sentence) -> Vec<(Option<usize>, String)> {
    s.tokens
        .iter()
        .map(|t| (t.head, t.deprel.clone()))
        .collect()
}

fn restore(s: &mut Sentence, links: &[(Option<usize>, String)]) {
    for (t, (head, deprel)) in s.tokens.iter_mut().zip(links) {
        t.head = *head;
        t.deprel.clone_from(deprel);
    }
}

/// Applies `repair`, undoing it if the sentence is no longer a tree.
fn keeping_a_tree(s: &mut Sentence, repair: impl FnOnce(&mut Sentence)) {
    let before = links(s);
    repair(s);
    if !is_tree(s) {
        restore(s, &before);
    }
}

/// Whether every token reaches a root by its heads (no cycle).
fn is_tree(s: &Sentence) -> bool {
    // 0: not seen, 1: on the current path, 2: reaches a root.
    let mut state = vec![0u8; s.tokens.len()];
    for start in 0..s.tokens.len() {
        let mut path = Vec::new();
        let mut cur = Some(start);
        while let Some(k) = cur {
            match state.get(k) {
                Some(2) | None => break,
                Some(1) => return false,
                _ => {}
            }
            state[k] = 1;
            path.push(k);
            cur = s.tokens[k].head;
        }
        for k in path {
            state[k] = 2;
        }
    }
    true
}

/// Applies the repairs that need the recognizer's person names: `persons`
/// are the token ranges of the sentence's person names.
pub fn repair_with_names(s: &mut Sentence, persons: &[std::ops::Range<usize>]) {
    for person in persons {
        keeping_a_tree(s, |s| office_read_as_the_person_s_noun(s, person.clone()));
    }
    // A naming verb given its object is active: the tagger's participle
    // may have made "it named" a passive ("it [was] named").
    keeping_a_tree(s, passive_subject_without_auxiliary);
}

/// "Vantor named Ana Ruiz chief executive", "said it appointed Jan Brandt
/// president": the parser reads the name and the office as one noun phrase
/// ("Ana Ruiz chief executive") and, without another verb before the
/// period, may hang the verb on the company as a participle, so that the
/// company "was named". After a verb of naming
/// ([`crate::names::NAMING_VERBS`]) a
/// person's name followed at once by an office (words ending in a noun,
/// no time such as "last week") is the verb's object, and the office its
/// predicate (`xcomp`), as UD annotates "elected him president". When the
/// parser had hung the verb inside that phrase, the verb takes the
/// phrase's place in the sentence and the noun it hung on, before it, is
/// its subject.
fn office_read_as_the_person_s_noun(s: &mut Sentence, person: std::ops::Range<usize>) {
    let n = s.tokens.len();
    let (a, b) = (person.start, person.end);
    if a == 0 || b >= n {
        return;
    }
    let v = a - 1;
    if s.tokens[v].upos != Upos::Verb
        || !crate::names::is_naming_verb(&s.tokens[v].lemma.to_lowercase())
    {
        return;
    }
    // An age set off by commas may stand between ("Ana Ruiz, 45,
    // president").
    let age = (b + 3 < n
        && s.tokens[b].form == ","
        && s.tokens[b + 1].upos == Upos::Num
        && s.tokens[b + 2].form == ",")
        .then_some(b + 1);
    let office_start = age.map_or(b, |k| k + 2);
    // The office: an optional article, then adjectives and nouns.
    let mut e = office_start;
    if matches!(s.tokens[e].form.to_lowercase().as_str(), "a" | "an" | "the") {
        e += 1;
    }
    while e < n && matches!(s.tokens[e].upos, Upos::Adj | Upos::Noun | Upos::Propn) {
        e += 1;
    }
    let Some(r) = (office_start..e)
        .rev()
        .find(|&k| s.tokens[k].upos == Upos::Noun)
    else {
        return;
    };
    if r + 1 != e || crate::names::is_time_noun(&s.tokens[r].form.to_lowercase()) {
        return;
    }
    let b = office_start;
    let phrase = a..e;
    let in_phrase = |k: usize| phrase.contains(&k);
    // The word of `range` whose head lies outside it.
    let top = |range: std::ops::Range<usize>| {
        range
            .clone()
            .find(|&k| s.tokens[k].head.is_none_or(|h| !range.contains(&h)))
    };
    let name_end = person.end;
    let Some(name_head) = top(a..name_end) else {
        return;
    };
    // Already read as object and predicate: nothing to do.
    if s.tokens[name_head].head == Some(v)
        && (b..e).any(|k| s.tokens[k].head == Some(v) && s.tokens[k].deprel == "xcomp")
    {
        return;
    }
    // The phrase's word that the verb hangs under, at the phrase's top.
    let holding_verb = phrase
        .clone()
        .find(|&k| s.dominates(k, v) && s.tokens[k].head.is_none_or(|h| !in_phrase(h)));
    if let Some(t) = holding_verb {
        let (head, deprel) = (s.tokens[t].head, s.tokens[t].deprel.clone());
        let hung_on = s.tokens[v].head.filter(|&h| h < v && !in_phrase(h));
        s.tokens[v].head = head;
        s.tokens[v].deprel = deprel;
        for k in 0..n {
            if k != v && !in_phrase(k) && s.tokens[k].head.is_some_and(in_phrase) {
                s.tokens[k].head = Some(v);
            }
        }
        // The noun the verb hung on as a participle is its subject.
        if let Some(subject) = hung_on {
            if matches!(s.tokens[subject].upos, Upos::Noun | Upos::Propn) {
                let mut top_of_subject = subject;
                while let Some(h) = s.tokens[top_of_subject].head.filter(|&h| h < v) {
                    top_of_subject = h;
                }
                s.tokens[top_of_subject].head = Some(v);
                s.tokens[top_of_subject].deprel = "nsubj".to_string();
            }
        }
    }
    // The name: its head the verb's object, its other words on it, and
    // the age in apposition to it.
    for k in a..name_end {
        if k != name_head && s.tokens[k].head.is_none_or(|h| !(a..name_end).contains(&h)) {
            s.tokens[k].head = Some(name_head);
            s.tokens[k].deprel = "flat".to_string();
        }
    }
    s.tokens[name_head].head = Some(v);
    s.tokens[name_head].deprel = "obj".to_string();
    if let Some(k) = age {
        s.tokens[k].head = Some(name_head);
        s.tokens[k].deprel = "appos".to_string();
        for c in [k - 1, k + 1] {
            s.tokens[c].head = Some(k);
            s.tokens[c].deprel = "punct".to_string();
        }
    }
    // The office: its noun the verb's predicate, its words on it.
    for k in b..r {
        if s.tokens[k].head.is_none_or(|h| !(b..=r).contains(&h)) {
            s.tokens[k].head = Some(r);
            s.tokens[k].deprel = match s.tokens[k].upos {
                Upos::Adj => "amod",
                Upos::Det => "det",
                _ => "compound",
            }
            .to_string();
        }
    }
    s.tokens[r].head = Some(v);
    s.tokens[r].deprel = "xcomp".to_string();
}

/// "Vantor Bank - itself a target of the lawsuit - said the papers had
/// been backdated": the parser reads the aside between the dashes into the
/// clause and leaves "said" without a subject, so the speech act has no
/// speaker. A verb of saying with no subject right after a closing dash,
/// whose opening dash follows a noun, has that noun's phrase as its
/// subject. (Dashes written with spaces around them only: "previously-
/// announced" is one word.)
fn speaker_before_a_dashed_aside(s: &mut Sentence) {
    let is_dash = |s: &Sentence, k: usize| {
        matches!(
            s.tokens[k].form.as_str(),
            "-" | "--" | "\u{2014}" | "\u{2013}"
        ) && k > 0
            && s.tokens[k - 1].span.end < s.tokens[k].span.start
            && s.tokens
                .get(k + 1)
                .is_some_and(|n| s.tokens[k].span.end < n.span.start)
    };
    let n = s.tokens.len();
    for v in 3..n {
        if s.tokens[v].upos != Upos::Verb
            || !(CLAUSE_VERBS.contains(&s.tokens[v].lemma.as_str()) || s.tokens[v].lemma == "tell")
            || !is_dash(s, v - 1)
            || has_dependent(s, v, &["nsubj", "nsubj:pass", "csubj"])
        {
            continue;
        }
        let Some(open) = (1..v - 1).rev().find(|&k| is_dash(s, k)) else {
            continue;
        };
        if !matches!(s.tokens[open - 1].upos, Upos::Noun | Upos::Propn) {
            continue;
        }
        // The phrase's head: "Ola Lind" hangs on "Ola".
        let noun = name_head(s, open - 1);
        // A noun inside a phrase of its own ("executive director of Kessel
        // Bank - one of its creditors - said") is not who speaks.
        if has_dependent(s, noun, &["case"]) {
            continue;
        }
        // The parser hung "said" on the aside ("whose value is more than
        // 3bn - said"): the aside describes the noun, and the verb takes
        // the aside's place in the sentence (or the root's, when the noun
        // was made the root).
        let aside = s.tokens[v]
            .head
            .filter(|&h| open < h && h < v - 1)
            .map(|h| {
                let mut top = h;
                while let Some(up) = s.tokens[top].head.filter(|&u| open < u && u < v - 1) {
                    top = up;
                }
                top
            });
        let relative =
            (open + 1..v - 1).any(|k| matches!(s.tokens[k].xpos.as_str(), "WP" | "WDT" | "WP$"));
        let aside_relation = if relative { "acl:relcl" } else { "appos" };
        if s.dominates(noun, v) {
            if s.tokens[noun].head.is_some() {
                continue;
            }
            s.tokens[v].head = None;
            s.tokens[v].deprel = "root".to_string();
            if let Some(top) = aside.filter(|&top| s.tokens[top].head == Some(noun)) {
                s.tokens[top].deprel = aside_relation.to_string();
            }
        } else if let Some(top) = aside {
            s.tokens[v].head = s.tokens[top].head;
            s.tokens[v].deprel = s.tokens[top].deprel.clone();
            s.tokens[top].head = Some(noun);
            s.tokens[top].deprel = aside_relation.to_string();
        }
        s.tokens[noun].head = Some(v);
        s.tokens[noun].deprel = "nsubj".to_string();
    }
}

/// "Ruiz said the loan would let Vantor buy trucks and hire drivers" is
/// fine; "Ruiz told reporters the loan would enable Vantor to buy spares
/// and overhaul wagons": the parser joins "overhaul" to "told", which
/// makes Ruiz overhaul them. A bare verb ("overhaul", "hire") with no
/// subject, auxiliary or "to" of its own cannot coordinate with a verb in
/// the past or the third person ("told", "says"); after an infinitive
/// with "to" between them it is that infinitive's conjunct ("to buy ...
/// and overhaul"). Verbs whose past is their bare form ("put", "cut",
/// "set") are left: "said it cut prices and put ..." is past.
fn bare_infinitive_read_as_conjunct_of_a_finite_verb(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 1..n {
        let Some(v) = s.tokens[k].head else { continue };
        if s.tokens[k].deprel != "conj"
            || s.tokens[k].xpos != "VB"
            || v > k
            || !matches!(s.tokens[v].xpos.as_str(), "VBD" | "VBZ")
            || PAST_AS_BARE.contains(&s.tokens[k].lemma.as_str())
            || has_dependent(
                s,
                k,
                &["nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "expl"],
            )
        {
            continue;
        }
        let coordinated = s.tokens.iter().enumerate().any(|(c, t)| {
            c < k
                && t.head == Some(k)
                && t.deprel == "cc"
                && matches!(t.form.to_lowercase().as_str(), "and" | "or")
        });
        if !coordinated {
            continue;
        }
        let infinitive = |m: usize| {
            s.tokens[m].xpos == "VB"
                && s.tokens.iter().any(|t| {
                    t.head == Some(m) && t.deprel == "mark" && t.form.eq_ignore_ascii_case("to")
                })
        };
        let Some(mut first) = (v + 1..k)
            .rev()
            .find(|&m| infinitive(m) && s.dominates(v, m))
        else {
            continue;
        };
        // In a list ("to buy ..., hire ... and overhaul") every conjunct
        // hangs on the first.
        while s.tokens[first].deprel == "conj" {
            match s.tokens[first].head {
                Some(h) if h < first && s.tokens[h].xpos == "VB" => first = h,
                _ => break,
            }
        }
        s.tokens[k].head = Some(first);
    }
}

/// Verbs whose past tense is spelled like their bare form.
const PAST_AS_BARE: &[&str] = &[
    "put",
    "set",
    "cut",
    "let",
    "hit",
    "cost",
    "shut",
    "spread",
    "quit",
    "hurt",
    "bet",
    "bid",
    "cast",
    "burst",
    "split",
    "thrust",
    "upset",
    "broadcast",
    "forecast",
    "read",
    "beat",
    "come",
    "run",
    "become",
    "overcome",
];

/// "Vantor said it sold the mill and will record a gain", "said it may
/// sell assets and is holding talks": the parser joins the second verb to
/// "said", which makes the speaker do it and the clause the narrator's.
/// A verb in the present or future ("is", "has", "will", "may") with no
/// subject of its own cannot continue a sentence whose verb of saying is
/// in the past tense ("said ... and will record" would switch the
/// speaker's tense in mid-sentence); it continues what was said, after
/// the verb of what was said that comes before it.
fn present_conjunct_read_as_the_speaker_s(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 1..n {
        let Some(v) = s.tokens[k].head else { continue };
        if s.tokens[k].deprel != "conj"
            || v > k
            || s.tokens[v].upos != Upos::Verb
            || s.tokens[v].xpos != "VBD"
            || !CLAUSE_VERBS.contains(&s.tokens[v].lemma.as_str())
            || has_dependent(s, k, &["nsubj", "nsubj:pass", "expl", "csubj"])
        {
            continue;
        }
        let present = |t: &crate::Token| {
            matches!(t.xpos.as_str(), "VBZ" | "VBP")
                || t.xpos == "MD"
                    && matches!(
                        t.form.to_lowercase().as_str(),
                        "will" | "may" | "can" | "must" | "shall"
                    )
        };
        let tensed = present(&s.tokens[k])
            || s.tokens.iter().enumerate().any(|(a, t)| {
                a < k
                    && t.head == Some(k)
                    && matches!(t.deprel.as_str(), "aux" | "aux:pass" | "cop")
                    && present(t)
            });
        let Some(said) = (v + 1..k).rev().find(|&c| {
            s.tokens[c].head == Some(v)
                && s.tokens[c].deprel == "ccomp"
                && s.tokens[c].upos != Upos::Noun
        }) else {
            continue;
        };
        if !tensed {
            continue;
        }
        s.tokens[k].head = Some(said);
    }
}

/// "said it believes the suit is without merit": the parser hangs the
/// predicate "without merit" on "believes" as its oblique, and the suit is
/// left a subject of nothing. A word with a copula and a subject of its own
/// heads a clause; under a verb that takes a clause ([`CLAUSE_VERBS`]),
/// after it, it is that verb's complement.
fn predicate_read_as_oblique_of_a_clause_verb(s: &mut Sentence) {
    let n = s.tokens.len();
    for p in 0..n {
        let Some(v) = s.tokens[p].head.filter(|&v| v < p) else {
            continue;
        };
        if matches!(s.tokens[p].deprel.as_str(), "obl" | "obj" | "nmod")
            && s.tokens[v].upos == Upos::Verb
            && CLAUSE_VERBS.contains(&s.tokens[v].lemma.to_lowercase().as_str())
            && has_dependent(s, p, &["cop"])
            && has_dependent(s, p, &["nsubj", "nsubj:pass"])
        {
            attach(s, p, Some(v), "ccomp");
        }
    }
}

/// "owned by Vantor Corp <VAN>, Kessel Corp <KES> and Tollund Inc <TOL>":
/// after a bracketed code the parser takes the next name for the first
/// one's apposition, and the list loses a member. A name after a comma
/// that follows a closing bracket, where the first name has a later
/// conjunct with its coordinator, is a member of that list.
fn list_member_after_a_code_read_as_apposition(s: &mut Sentence) {
    let n = s.tokens.len();
    for a in 0..n {
        let Some(h) = s.tokens[a].head.filter(|&h| h < a) else {
            continue;
        };
        if s.tokens[a].deprel != "appos" || s.tokens[a].upos != Upos::Propn {
            continue;
        }
        // The first word of the apposition's phrase, and what stands before it.
        let start = phrase_start(s, a);
        let after_code = start >= 2
            && s.tokens[start - 1].form == ","
            && matches!(s.tokens[start - 2].form.as_str(), ">" | ")");
        let later_conjunct = (a + 1..n).any(|c| {
            s.tokens[c].head == Some(h)
                && s.tokens[c].deprel == "conj"
                && has_dependent(s, c, &["cc"])
        });
        if after_code && later_conjunct {
            attach(s, a, Some(h), "conj");
        }
    }
}

/// "Shares rose on speculation that Vantor had bought a stake": the
/// parser hangs the "that" clause on the verb ("rose ... that Vantor had
/// bought") as its complement, and the clause reads as the writer's own.
/// A clause opened by "that", with its own subject, right after a noun of
/// content ([`CONTENT_NOUNS`]: "speculation", "fears", "the fact") is that
/// noun's content, whatever verb comes before: a verb's own "that" clause
/// follows the verb or its addressee, never a noun of content.
fn content_clause_read_as_complement_of_the_verb(s: &mut Sentence) {
    let n = s.tokens.len();
    for that in 1..n {
        let noun = that - 1;
        if !s.tokens[that].form.eq_ignore_ascii_case("that")
            || s.tokens[that].deprel != "mark"
            || s.tokens[noun].upos != Upos::Noun
            || !CONTENT_NOUNS.contains(&s.tokens[noun].lemma.to_lowercase().as_str())
        {
            continue;
        }
        let Some(clause) = s.tokens[that].head else {
            continue;
        };
        if clause <= that
            || !has_dependent(s, clause, &["nsubj", "nsubj:pass"])
            || !matches!(
                s.tokens[clause].deprel.as_str(),
                "ccomp" | "advcl" | "parataxis"
            )
            || s.tokens[clause].head == Some(noun)
            || s.dominates(clause, noun)
        {
            continue;
        }
        s.tokens[clause].head = Some(noun);
        s.tokens[clause].deprel = "acl".to_string();
    }
}

/// "Following the merger, Vantor will close two plants": the parser makes
/// "Following" a clausal subject of "close", which has a subject of its
/// own, and the main fact is lost. A clause has one subject: a
/// preposition-like participle ([`PREPOSITION_PARTICIPLES`]) with a noun
/// object, opening the sentence before a comma and read as the clausal
/// subject of a verb that has its nominal subject, or as its adverbial
/// clause, is the noun's preposition; the noun phrase is an oblique of the
/// verb.
fn preposition_read_as_clause(s: &mut Sentence) {
    let n = s.tokens.len();
    for w in 0..n {
        let Some(v) = s.tokens[w].head else { continue };
        if s.tokens[w].xpos != "VBG"
            || !PREPOSITION_PARTICIPLES.contains(&s.tokens[w].form.to_lowercase().as_str())
            || has_dependent(s, w, &["nsubj", "nsubj:pass", "aux"])
        {
            continue;
        }
        // (Only where the participle opens the sentence: after a noun,
        // "developments concerning growth", it is the noun's modifier.)
        let opens = s.tokens[..w].iter().all(|t| t.upos == Upos::Punct)
            && v > w
            && s.tokens[w + 1..v].iter().any(|t| t.form == ",");
        let second_subject = s.tokens[w].deprel == "csubj" && has_dependent(s, v, &["nsubj"]);
        if !opens || !(second_subject || s.tokens[w].deprel == "advcl") {
            continue;
        }
        let Some(object) = (w + 1..n).find(|&k| {
            s.tokens[k].head == Some(w)
                && s.tokens[k].deprel == "obj"
                && matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Pron)
        }) else {
            continue;
        };
        s.tokens[object].head = Some(v);
        s.tokens[object].deprel = "obl".to_string();
        s.tokens[w].head = Some(object);
        s.tokens[w].deprel = "case".to_string();
        // What else hung on the participle (the comma after the phrase)
        // goes with its noun.
        for k in w + 1..n {
            if k != object && s.tokens[k].head == Some(w) {
                s.tokens[k].head = Some(object);
            }
        }
    }
}

/// Verbs that tell someone something: the addressee is their (indirect)
/// object and what is told a clause after it ("told reporters the plan had
/// failed", "assured investors that the bank was sound").
const ADDRESSEE_VERBS: &[&str] = &[
    "tell", "inform", "assure", "reassure", "remind", "warn", "notify", "advise", "persuade",
    "convince", "promise", "caution",
];

/// Modal auxiliaries: a clause with one ("he would resign") states
/// something of its own rather than describing a noun it lacks.
const MODALS: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "shall", "should", "must",
];

/// "Ruiz told reporters he had sold the shares", "told the committee that
/// Vantor had cut prices", "said in a statement that the plant would
/// close": the parser hangs the clause on the addressee or on the setting
/// as a relative clause, which makes the content an unattributed statement
/// of the narrator. A clause on the addressee of a verb of telling
/// ([`ADDRESSEE_VERBS`]), or on a prepositional phrase of such a verb or of
/// a verb of saying ([`CLAUSE_VERBS`]), is what is said when it has a
/// subject of its own, no relative word, and either a "that"/"if"/"whether"
/// or the marks of a complete clause: an object or clause of its own, a
/// copula or a passive (after an addressee, a modal too). A clause missing
/// its object ("told the story he had heard", "said in the letter it had
/// sent") is a real relative clause and stays.
fn complement_read_as_relative_clause_of_the_addressee(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 0..n {
        let lemma = s.tokens[v].lemma.as_str();
        let tells = ADDRESSEE_VERBS.contains(&lemma);
        if s.tokens[v].upos != Upos::Verb
            || !(tells || CLAUSE_VERBS.contains(&lemma))
            || has_dependent(s, v, &["ccomp"])
        {
            continue;
        }
        let hosts = (v + 1..n).filter(|&k| {
            s.tokens[k].head == Some(v)
                && match s.tokens[k].deprel.as_str() {
                    "obj" | "iobj" => tells,
                    "obl" => true,
                    _ => false,
                }
                && matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Pron)
                // "for what he called a failure": the clause is the free
                // relative's own.
                && !s.tokens[k].xpos.starts_with('W')
        });
        let found = hosts
            .filter_map(|host| {
                let clause = (host + 1..n).find(|&k| {
                    s.tokens[k].head == Some(host)
                        && s.tokens[k].deprel.starts_with("acl")
                        && matches!(
                            s.tokens[k].upos,
                            Upos::Verb | Upos::Aux | Upos::Adj | Upos::Noun
                        )
                })?;
                told_clause(s, v, host, clause).then_some((host, clause))
            })
            .next();
        let Some((host, clause)) = found else {
            continue;
        };
        s.tokens[clause].head = Some(v);
        s.tokens[clause].deprel = "ccomp".to_string();
        if s.tokens[host].deprel == "obj" {
            s.tokens[host].deprel = "iobj".to_string();
        }
    }
}

/// Whether `clause`, hung on `host` (an addressee or a prepositional phrase
/// of verb `v`), is rather what `v` says: see
/// [`complement_read_as_relative_clause_of_the_addressee`].
fn told_clause(s: &Sentence, v: usize, host: usize, clause: usize) -> bool {
    let dependents: Vec<&crate::Token> =
        s.tokens.iter().filter(|t| t.head == Some(clause)).collect();
    let relative_word = dependents.iter().any(|t| {
        t.xpos.starts_with('W') || t.form.eq_ignore_ascii_case("that") && t.deprel != "mark"
    });
    let own_subject = dependents
        .iter()
        .any(|t| matches!(t.deprel.as_str(), "nsubj" | "nsubj:pass" | "expl"));
    let unbroken = s.tokens[host + 1..clause]
        .iter()
        .all(|t| t.upos != Upos::Punct);
    if relative_word || !own_subject || !unbroken {
        return false;
    }
    let addressee = s.tokens[host].deprel != "obl";
    // A passive clause can lack its second object ("the hype they are
    // told", "the sum it was paid"): after a prepositional phrase it is no
    // sign of a complete clause.
    dependents.iter().any(|t| {
        matches!(t.deprel.as_str(), "obj" | "ccomp" | "xcomp" | "cop" | "expl")
            || t.deprel == "mark"
                && matches!(t.form.to_lowercase().as_str(), "that" | "if" | "whether")
            || addressee
                && (matches!(t.deprel.as_str(), "aux:pass" | "nsubj:pass")
                    || t.deprel == "aux" && MODALS.contains(&t.form.to_lowercase().as_str()))
    })
    // With the addressee read as an indirect object and no direct one, the
    // parser itself expected what is told to follow.
    || s.tokens[host].deprel == "iobj" && !has_dependent(s, v, &["obj"])
}

/// "said on Monday that the audit had found errors": the parser hangs
/// "found" on "errors" as an adjective. A verb with a subject and an
/// auxiliary or a subordinator ("that", "whether", "if") of its own is a
/// clause, never a noun's modifier: it takes the noun's place (a clause
/// with "that" under a verb is its complement) and the noun after it
/// becomes its object.
fn clause_read_as_modifier_of_its_object(s: &mut Sentence) {
    for v in 0..s.tokens.len() {
        let Some(n) = s.tokens[v].head else { continue };
        if s.tokens[v].deprel != "amod"
            || s.tokens[v].upos != Upos::Verb
            || n <= v
            || !matches!(s.tokens[n].upos, Upos::Noun | Upos::Propn)
            || !has_dependent(s, v, &["nsubj", "nsubj:pass"])
        {
            continue;
        }
        let marked_by = |words: &[&str]| {
            s.tokens.iter().any(|t| {
                t.head == Some(v)
                    && t.deprel == "mark"
                    && words.contains(&t.form.to_lowercase().as_str())
            })
        };
        // (A stray "to" or a possessive read as a subject, "due to his
        // waning popularity", makes no clause.)
        if !has_dependent(s, v, &["aux", "aux:pass"]) && !marked_by(&["that", "whether", "if"]) {
            continue;
        }
        let marked = marked_by(&["that"]);
        let head = s.tokens[n].head;
        let relation = match (marked, s.tokens[n].deprel.as_str()) {
            (true, "obl" | "obj" | "ccomp") => "ccomp".to_string(),
            (_, other) => other.to_string(),
        };
        s.tokens[v].head = head;
        s.tokens[v].deprel = relation;
        s.tokens[n].head = Some(v);
        s.tokens[n].deprel = "obj".to_string();
    }
}

/// "Ruiz told reporters the report disclosed errors and said the managers
/// should go", "said the audit found errors, adding that ...": the parser
/// joins the second verb of saying to the reported clause's verb
/// ("disclosed ... and said"), which makes the report the speaker. A verb
/// of saying with no subject of its own, conjoined to the verb of what
/// another verb of saying reports or hung on it as a participle, continues
/// the speaker's sentence: it belongs to that outer verb, in the same
/// relation. (A verb that is not one of saying may belong to either; it is
/// left as parsed.)
fn speech_conjunct_inside_what_is_said(s: &mut Sentence) {
    let says = |t: &crate::Token| {
        t.upos == Upos::Verb && (CLAUSE_VERBS.contains(&t.lemma.as_str()) || t.lemma == "tell")
    };
    // The second verb: "said", "told" or "added" as a conjunct in a tense
    // of its own, or as a participle after a comma ("..., adding that"),
    // whose unstated subject is the sentence's. (A verb that reports what
    // someone else thinks, finds or confirms may well be the inner
    // subject's: "believed they had erred and admitted it".)
    let continues = |t: &crate::Token| {
        t.upos == Upos::Verb
            && matches!(t.lemma.as_str(), "say" | "tell" | "add")
            && match t.deprel.as_str() {
                "conj" => matches!(t.xpos.as_str(), "VBD" | "VBZ"),
                "advcl" => t.xpos == "VBG",
                _ => false,
            }
    };
    for k in 0..s.tokens.len() {
        let Some(v) = s.tokens[k].head else { continue };
        if !continues(&s.tokens[k]) || v > k {
            continue;
        }
        if s.tokens[v].deprel != "ccomp" || has_dependent(s, k, &["nsubj", "nsubj:pass", "expl"]) {
            continue;
        }
        // The speaker's verb comes first ("said the audit found ..."):
        // after a quotation ("“The staff sat there, not saying a word,”
        // Lind said") the verbs inside it are the quoted sentence's own.
        let Some(outer) = s.tokens[v].head.filter(|&o| o < v && says(&s.tokens[o])) else {
            continue;
        };
        s.tokens[k].head = Some(outer);
    }
}

/// "is targeting people who have a computer and want to upgrade": the
/// parser joins "want" to "targeting". A finite verb with no subject or
/// auxiliary of its own cannot be the conjunct of a participle that has an
/// auxiliary ("is targeting and wanting", or "is targeting and wants" with
/// its own subject): it coordinates with the finite verb of the same form
/// between them, a relative or complement clause's.
fn finite_conjunct_of_a_participle(s: &mut Sentence) {
    let n = s.tokens.len();
    let finite = |x: &str| matches!(x, "VBP" | "VBZ" | "VBD");
    for k in 0..n {
        let Some(v) = s.tokens[k].head else { continue };
        if s.tokens[k].deprel != "conj"
            || s.tokens[k].upos != Upos::Verb
            || !finite(&s.tokens[k].xpos)
            || !matches!(s.tokens[v].xpos.as_str(), "VBG" | "VBN")
            || v > k
        {
            continue;
        }
        if !has_dependent(s, v, &["aux", "aux:pass"])
            || has_dependent(s, k, &["nsubj", "nsubj:pass", "aux", "aux:pass"])
        {
            continue;
        }
        let Some(m) = (v + 1..k).rev().find(|&m| {
            s.tokens[m].upos == Upos::Verb
                && s.tokens[m].xpos == s.tokens[k].xpos
                && matches!(s.tokens[m].deprel.as_str(), "acl:relcl" | "ccomp" | "advcl")
                && s.dominates(v, m)
        }) else {
            continue;
        };
        s.tokens[k].head = Some(m);
    }
}

/// "urged the council to reject the plan", "called on the banks to lend
/// more": the parser, seeing the object complete, hangs the infinitive on
/// the verb as a purpose (`advcl`) or on the object as its modifier
/// (`acl`), which makes the subject the one to reject or the council a kind
/// of council. After a verb of [`OBJECT_CONTROL_VERBS`] (or "call on") an
/// infinitive with no subject of its own that starts right after the
/// object's own words is the object's complement (`xcomp` of the verb),
/// unless the object is a noun an infinitive completes ("asked permission
/// to build", [`INFINITIVE_NOUNS`]).
fn infinitive_after_the_object_read_as_purpose(s: &mut Sentence) {
    let n = s.tokens.len();
    for c in 0..n {
        let Some(h) = s.tokens[c].head else { continue };
        // "expects the auditors to be able to check": the infinitive may be
        // a copula's adjective; a conjunct with no coordinator of its own
        // is no conjunct but the same misreading.
        let predicate = s.tokens[c].upos == Upos::Verb
            || s.tokens[c].upos == Upos::Adj && has_dependent(s, c, &["cop"]);
        let misread = match s.tokens[c].deprel.as_str() {
            "advcl" | "acl" => true,
            "conj" => !has_dependent(s, c, &["cc"]),
            _ => false,
        };
        if !misread || !predicate || has_dependent(s, c, &["nsubj", "nsubj:pass", "csubj"]) {
            continue;
        }
        let Some(first) = infinitive_to(s, c) else {
            continue;
        };
        let controls = |v: usize, o: usize| {
            let verb = &s.tokens[v];
            let object = &s.tokens[o];
            let called_on = verb.lemma == "call"
                && object.deprel == "obl"
                && (0..o).any(|k| {
                    s.tokens[k].head == Some(o)
                        && s.tokens[k].deprel == "case"
                        && s.tokens[k].form.eq_ignore_ascii_case("on")
                });
            verb.upos == Upos::Verb
                && object.head == Some(v)
                && (OBJECT_CONTROL_VERBS.contains(&verb.lemma.as_str())
                    && matches!(object.deprel.as_str(), "obj" | "iobj")
                    || called_on)
                && matches!(object.upos, Upos::Noun | Upos::Propn | Upos::Pron)
                && !INFINITIVE_NOUNS.contains(&object.lemma.to_lowercase().as_str())
        };
        let found = if s.tokens[c].deprel == "acl" {
            s.tokens[h].head.filter(|&v| controls(v, h)).map(|v| (v, h))
        } else {
            (0..first).find(|&o| controls(h, o)).map(|o| (h, o))
        };
        let Some((v, object)) = found else { continue };
        // The object's own words end right before the "to", or before an
        // aside of the verb between commas ("expects the auditors, on
        // behalf of parliament, to check").
        let Some(object_end) = (object..first).filter(|&k| s.dominates(object, k)).max() else {
            continue;
        };
        if object_end + 1 == first || is_aside_of(s, v, object_end + 1, first - 1) {
            s.tokens[c].head = Some(v);
            s.tokens[c].deprel = "xcomp".to_string();
        }
    }
}

/// The "to" that opens infinitive `c`'s words (a comma the parser hung on
/// it aside), if it is the infinitive's own marker.
fn infinitive_to(s: &Sentence, c: usize) -> Option<usize> {
    let first = phrase_start(s, c);
    (s.tokens[first].head == Some(c)
        && s.tokens[first].deprel == "mark"
        && s.tokens[first].form.eq_ignore_ascii_case("to"))
    .then_some(first)
}

/// Whether tokens `from..=to` are an aside of verb `v` set off by commas:
/// a comma, the words of one adjunct of the verb (an `obl` or `advmod`),
/// a comma.
fn is_aside_of(s: &Sentence, v: usize, from: usize, to: usize) -> bool {
    if to < from + 2 || s.tokens[from].form != "," || s.tokens[to].form != "," {
        return false;
    }
    let Some(adjunct) = (from + 1..to).find(|&k| {
        s.tokens[k].head == Some(v) && matches!(s.tokens[k].deprel.as_str(), "obl" | "advmod")
    }) else {
        return false;
    };
    (from + 1..to).all(|k| s.dominates(adjunct, k))
}

/// "responded to the statement by suspending talks": the parser hangs a
/// gerund with a preposition of means or time on the verb's object, which
/// makes the statement suspend the talks. A noun takes no such adjunct
/// ("by", "without", "while" …), so the gerund is the verb's adverbial
/// clause (`advcl`), whose subject is the verb's.
fn adverbial_gerund_read_as_modifier_of_a_noun(s: &mut Sentence) {
    let n = s.tokens.len();
    for c in 0..n {
        let Some(noun) = s.tokens[c].head else {
            continue;
        };
        let Some(v) = s.tokens[noun].head else {
            continue;
        };
        let marked = (0..c).any(|k| {
            s.tokens[k].head == Some(c)
                && matches!(s.tokens[k].deprel.as_str(), "mark" | "case")
                && ADVERBIAL_GERUND_MARKERS.contains(&s.tokens[k].form.to_lowercase().as_str())
        });
        if s.tokens[c].deprel == "acl"
            && s.tokens[c].xpos == "VBG"
            && marked
            && !has_dependent(s, c, &["nsubj", "nsubj:pass"])
            && matches!(s.tokens[noun].upos, Upos::Noun | Upos::Propn | Upos::Pron)
            && matches!(s.tokens[noun].deprel.as_str(), "obj" | "obl" | "iobj")
            && s.tokens[v].upos == Upos::Verb
            && noun > v
            && c > noun
        {
            s.tokens[c].head = Some(v);
            s.tokens[c].deprel = "advcl".to_string();
        }
    }
}

/// "reported fourth quarter sales of 5 mln dlrs": the parser splits the
/// noun phrase in two objects, the period ("first quarter") and what was
/// in it. A clause has one object; a period noun right before the second
/// object's words is a compound of its noun, as in "quarter sales".
fn period_read_as_object_before_its_noun(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 0..n {
        let Some((period, noun)) = two_objects(s, v) else {
            continue;
        };
        let end = (period..n).filter(|&k| s.dominates(period, k)).max();
        let start = (period + 1..=noun).find(|&k| s.dominates(noun, k));
        // (Not a period with a determiner or conjunct of its own: "expects
        // a strong second half and more sales", "lists each month all
        // gifts".)
        if s.tokens[v].upos == Upos::Verb
            && PERIOD_NOUNS.contains(&s.tokens[period].lemma.to_lowercase().as_str())
            && !has_dependent(s, period, &["det", "conj", "nmod:poss"])
            && matches!(s.tokens[noun].upos, Upos::Noun | Upos::Propn)
            && end.is_some_and(|e| Some(e + 1) == start)
        {
            attach(s, period, Some(noun), "compound");
        }
    }
}

/// "holding up wet barrel trading": the parser splits a noun compound into
/// two objects of the verb. A singular common noun with no determiner of
/// its own, right before a bare noun that is the verb's other object, is
/// that noun's compound ("barrel trading"); a recipient comes with its
/// determiner or is a name or a plural ("gave the bank shares", "sent
/// Vantor money", "offered buyers credit").
fn compound_read_as_first_of_two_objects(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 0..n {
        let Some((first, second)) = two_objects(s, v) else {
            continue;
        };
        let opens = |k: usize| has_dependent(s, k, &["det", "nummod", "nmod:poss", "case"]);
        let bare_before = |k: usize| {
            !(0..k).any(|d| {
                s.tokens[d].head == Some(k) && !matches!(s.tokens[d].deprel.as_str(), "punct")
            })
        };
        if s.tokens[v].upos == Upos::Verb
            && s.tokens[first].upos == Upos::Noun
            && s.tokens[first].xpos == "NN"
            && s.tokens[second].upos == Upos::Noun
            && second == first + 1
            && !opens(first)
            && bare_before(second)
        {
            attach(s, first, Some(second), "compound");
        }
    }
}

/// The two objects (`obj`) of verb `v`, in order, when it has exactly two
/// (a clause has one: the parser split a noun phrase).
fn two_objects(s: &Sentence, v: usize) -> Option<(usize, usize)> {
    let objects: Vec<usize> = (v + 1..s.tokens.len())
        .filter(|&k| s.tokens[k].head == Some(v) && s.tokens[k].deprel == "obj")
        .collect();
    match objects[..] {
        [a, b] => Some((a, b)),
        _ => None,
    }
}

/// "Profit in the quarter ended June 30 rose", "said sales for the year
/// ended Dec 31 fell": a period noun followed by "ended" (or "ending",
/// "began", "started") and a date is the period the figures cover; the
/// participle is the period's modifier (`acl`), the date its time. The
/// parser reads the past form as the clause's verb, with the real verb,
/// after the date, as its conjunct ("profit ended June 30 and rose"):
/// that conjunct takes the participle's place and its other dependents.
fn period_end_read_as_verb(s: &mut Sentence) {
    const BOUNDING_FORMS: &[&str] = &[
        "ended",
        "ending",
        "began",
        "beginning",
        "started",
        "starting",
    ];
    let n = s.tokens.len();
    for v in 1..n {
        let p = v - 1;
        if !BOUNDING_FORMS.contains(&s.tokens[v].form.to_lowercase().as_str())
            || s.tokens[p].upos != Upos::Noun
            || !PERIOD_NOUNS.contains(&s.tokens[p].lemma.to_lowercase().as_str())
            || s.tokens[v].head == Some(p)
            || s.tokens[p].head == Some(v)
        {
            continue;
        }
        // The date: a month with its day and year ("June 30", "Dec 31,
        // 1986", "30 June").
        let end = (v + 1..n)
            .find(|&k| {
                let t = &s.tokens[k];
                !(names::is_month(&t.form)
                    || t.upos == Upos::Num
                    || t.form == "," && s.tokens.get(k + 1).is_some_and(|y| y.upos == Upos::Num))
            })
            .unwrap_or(n);
        let Some(month) = (v + 1..end).find(|&k| names::is_month(&s.tokens[k].form)) else {
            continue;
        };
        let date = v + 1..end;
        // What the participle heads outside its date belongs to the verb
        // read as its conjunct, which takes its place; without such a
        // verb, only a participle heading nothing else moves.
        let heir = (end..n).find(|&w| {
            s.tokens[w].head == Some(v)
                && s.tokens[w].deprel == "conj"
                && s.tokens[w].upos == Upos::Verb
                && !has_dependent(s, w, &["cc"])
                && (end..w).all(|k| s.tokens[k].upos != Upos::Cconj)
        });
        let others: Vec<usize> = (0..n)
            .filter(|&k| s.tokens[k].head == Some(v) && !date.contains(&k) && Some(k) != heir)
            .collect();
        match heir {
            Some(w) => {
                let (head, rel) = (s.tokens[v].head, s.tokens[v].deprel.clone());
                attach(s, w, head, &rel);
                for k in others {
                    s.tokens[k].head = Some(w);
                }
            }
            None if others.iter().all(|&k| s.tokens[k].upos == Upos::Punct)
                && others.len() <= 1 =>
            {
                for k in others {
                    s.tokens[k].head = s.tokens[v].head;
                }
            }
            None => continue,
        }
        attach(s, v, Some(p), "acl");
        // The date hangs together on its month, the time of the participle.
        for k in date {
            if k == month {
                attach(s, k, Some(v), "obl:unmarked");
            } else {
                let rel = if s.tokens[k].upos == Upos::Punct {
                    "punct"
                } else {
                    "nummod"
                };
                attach(s, k, Some(month), rel);
            }
        }
    }
}

/// "exported wheat in the week ended March 4", "bought the shares held by
/// a trust": a participle right after a noun, with no subject, auxiliary,
/// subordinator or coordinator of its own, is a reduced relative clause of
/// that noun (`acl`), not a conjunct of the clause's verb. English joins
/// two predicates with "and", "or", "but" or at least a comma, never by
/// juxtaposition; the parser, reading the past form as a verb, makes it
/// the verb's conjunct, and the conjunct then takes the clause's subject
/// ("Vantor ended March 4"). A past participle (VBN) with no object
/// qualifies on that evidence; a form tagged as a past tense (VBD) where a
/// participle is a reading of it: a verb that bounds a reporting period
/// after a period noun ("the year ended June 30"), or one with no object
/// whose agent follows with "by" ("a price paid by the state") or whose
/// form is also the participle's ("the package agreed last night"; not
/// "rose").
fn participle_read_as_conjunct_after_a_noun(s: &mut Sentence) {
    const BOUNDING_VERBS: &[&str] = &["end", "begin", "start", "close"];
    // Irregular verbs whose past tense is their participle.
    const SAME_PAST_AND_PARTICIPLE: &[&str] = &[
        "left", "held", "made", "paid", "set", "cut", "put", "sold", "bought", "told", "sent",
        "built", "kept", "lost", "won", "found", "brought", "led", "met", "spent", "hit", "laid",
        "meant", "sought", "taught", "thought", "struck", "spread", "bid",
    ];
    let n = s.tokens.len();
    for v in 1..n {
        let t = &s.tokens[v];
        let Some(h) = t.head else {
            continue;
        };
        if t.deprel != "conj"
            || t.upos != Upos::Verb
            || !matches!(t.xpos.as_str(), "VBN" | "VBD")
            || h >= v
            || s.tokens[h].upos != Upos::Verb
            || has_dependent(
                s,
                v,
                &[
                    "cc",
                    "nsubj",
                    "nsubj:pass",
                    "csubj",
                    "aux",
                    "aux:pass",
                    "cop",
                    "mark",
                    "expl",
                ],
            )
            || (h + 1..v).any(|k| matches!(s.tokens[k].upos, Upos::Punct | Upos::Cconj))
        {
            continue;
        }
        // The noun right before it, past the participle's own adverbs
        // ("the shares not held by", "funds previously earmarked").
        let Some(noun) = (h + 1..v)
            .rev()
            .find(|&k| !(s.tokens[k].head == Some(v) && s.tokens[k].deprel == "advmod"))
        else {
            continue;
        };
        if !matches!(s.tokens[noun].upos, Upos::Noun | Upos::Propn) || !s.dominates(h, noun) {
            continue;
        }
        let bounds_a_period = BOUNDING_VERBS.contains(&t.lemma.as_str())
            && PERIOD_NOUNS.contains(&s.tokens[noun].lemma.to_lowercase().as_str());
        let agent_by = (v + 1..n).any(|c| {
            s.tokens[c].head == Some(v)
                && s.tokens[c].deprel.starts_with("obl")
                && (v + 1..c).any(|k| {
                    s.tokens[k].head == Some(c) && s.tokens[k].form.eq_ignore_ascii_case("by")
                })
        });
        let takes_object = has_dependent(s, v, &["obj", "iobj", "ccomp"]);
        // A past tense with no object whose form is the participle's too
        // ("the package agreed last night", "contracts traded in May"):
        // with no subject, coordinator or subordinator of its own it can
        // only be the noun's modifier.
        let shared_form = {
            let form = t.form.to_lowercase();
            form.ends_with("ed") || SAME_PAST_AND_PARTICIPLE.contains(&form.as_str())
        };
        let participle = if t.xpos == "VBN" {
            !takes_object
        } else {
            bounds_a_period || !takes_object && (agent_by || shared_form)
        };
        if participle {
            attach(s, v, Some(noun), "acl");
        }
    }
}

/// "Vantor broke off talks after the union rejected its offer", "shares
/// fell as the pace of growth slowed": the parser reads the subordinator as
/// a preposition of the noun after it ("after the union") and the clause's
/// verb as a conjunct of the main verb, which then lends it its subject
/// (Vantor rejected the offer). A finite verb with no subject of its own
/// right after such a phrase is the subordinate clause's verb, the noun
/// its subject; likewise a conjunct with a subordinator of its own and no
/// coordinator ("in case it decided") is an adverbial clause.
fn subordinate_clause_read_as_conjunct(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 1..n {
        let Some(h) = s.tokens[v].head else {
            continue;
        };
        // ("as the ministers in Harlow failed to convince": the verb hung
        // on the phrase's last noun as a modifier, which a finite verb
        // with no subject or relative word cannot be.)
        if s.tokens[v].deprel == "acl" {
            clause_read_as_modifier_in_a_subordinator_phrase(s, v);
            continue;
        }
        // (A parataxis with nothing between: "urged them to reject the
        // offer before Kessel raises its bid" read as two sentences.)
        let parataxis = s.tokens[v].deprel == "parataxis"
            && !(h + 1..v).any(|k| s.tokens[k].upos == Upos::Punct);
        if !(s.tokens[v].deprel == "conj" || parataxis)
            || s.tokens[v].upos != Upos::Verb
            || h >= v
            || s.tokens[h].upos != Upos::Verb
            || has_dependent(s, v, &["cc"])
        {
            continue;
        }
        // Its own subordinator: "that" or "whether" open what is said or
        // asked ("said only that it wanted"), the others an adverbial.
        if let Some(mark) =
            (0..v).find(|&k| s.tokens[k].head == Some(v) && s.tokens[k].deprel == "mark")
        {
            let word = s.tokens[mark].form.to_lowercase();
            s.tokens[v].deprel = if matches!(word.as_str(), "that" | "whether") {
                "ccomp"
            } else {
                "advcl"
            }
            .to_string();
            continue;
        }
        let finite = matches!(s.tokens[v].xpos.as_str(), "VBD" | "VBZ" | "VBP")
            || s.tokens.iter().any(|t| {
                t.head == Some(v)
                    && t.deprel.starts_with("aux")
                    && matches!(t.xpos.as_str(), "MD" | "VBD" | "VBZ" | "VBP")
            });
        if !finite || has_dependent(s, v, &["nsubj", "nsubj:pass", "csubj", "expl"]) {
            continue;
        }
        // The phrase right before the verb's own words: a noun with the
        // subordinator as its preposition, ending where the verb's words
        // begin.
        let first_own = (h + 1..v)
            .find(|&k| s.tokens[k].head == Some(v))
            .unwrap_or(v);
        let Some((noun, sub)) = (h + 1..first_own).rev().find_map(|k| {
            if !matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Pron)
                || s.dominates(v, k)
            {
                return None;
            }
            let sub = subordinator_of(s, k, h + 1)?;
            // A subject runs on into its verb; a comma closes a phrase
            // ("vowed to act after the vote, launched ...").
            ((sub..first_own).all(|j| s.dominates(k, j))
                && s.tokens[first_own - 1].upos != Upos::Punct)
                .then_some((k, sub))
        }) else {
            continue;
        };
        // The clause hangs where the noun's phrase hung when that was a
        // verb ("reject the offer before ..."); when it was a noun ("talks
        // after ..."), on the main verb: a clause of time or reason
        // modifies a verb.
        let host = s.tokens[noun]
            .head
            .filter(|&k| s.tokens[k].upos == Upos::Verb && k < noun)
            .unwrap_or(h);
        opens_clause(s, sub, noun, v, host);
    }
}

/// Conjunctions that open a clause of time, reason, concession or
/// condition, which the parser may read as prepositions ("after the union
/// rejected").
const SUBORDINATORS: &[&str] = &[
    "after", "before", "since", "until", "till", "as", "because", "while", "whilst", "when",
    "whenever", "although", "though", "unless", "whereas", "once", "if",
];

/// The subordinator at or after `from` that the parser hung on noun `k` as
/// its preposition (`case`), if any.
fn subordinator_of(s: &Sentence, k: usize, from: usize) -> Option<usize> {
    (from..k).find(|&j| {
        s.tokens[j].head == Some(k)
            && s.tokens[j].deprel == "case"
            && SUBORDINATORS.contains(&s.tokens[j].form.to_lowercase().as_str())
    })
}

/// [`subordinate_clause_read_as_conjunct`] for a finite verb `v` hung as
/// a modifier on a noun of a phrase opened by a subordinator read as a
/// preposition: the phrase's noun is its subject, the subordinator its
/// mark, and the clause modifies the verb the phrase hung on.
fn clause_read_as_modifier_in_a_subordinator_phrase(s: &mut Sentence, v: usize) {
    let t = &s.tokens[v];
    if t.upos != Upos::Verb
        || !matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP")
        || t.head.is_none_or(|h| h >= v)
        || s.tokens[v - 1].upos == Upos::Punct
        || has_dependent(
            s,
            v,
            &["nsubj", "nsubj:pass", "csubj", "expl", "mark", "cc"],
        )
        || (0..v).any(|k| {
            s.tokens[k].head == Some(v)
                && s.tokens[k].upos == Upos::Pron
                && s.tokens[k].xpos.starts_with('W')
        })
    {
        return;
    }
    // Up from the noun it hangs on to the phrase's top noun, the one the
    // subordinator opens.
    let mut k = t.head.unwrap_or(v);
    let (noun, sub) = loop {
        if !matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Pron) {
            return;
        }
        if let Some(sub) = subordinator_of(s, k, 0) {
            break (k, sub);
        }
        match s.tokens[k].head {
            Some(up) => k = up,
            None => return,
        }
    };
    let Some(host) = s.tokens[noun]
        .head
        .filter(|&h| s.tokens[h].upos == Upos::Verb && h < sub)
    else {
        return;
    };
    if !(sub..v).all(|j| s.dominates(noun, j)) {
        return;
    }
    opens_clause(s, sub, noun, v, host);
}

/// "Vantor said sales fell in May and Kessel said its profit rose": the
/// parser joins "Kessel" to "May" as a conjunct and leaves the second
/// "said" with no subject, which the extractor then fills from the first
/// clause (Vantor said twice). A noun phrase joined by "and", "but" or "or"
/// to a noun, running on into a finite verb with no subject of its own,
/// is that verb's subject, and its coordinator joins the verb's clause.
fn subject_read_as_conjunct_of_a_noun(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 2..n {
        let t = &s.tokens[v];
        if t.upos != Upos::Verb
            || !matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP")
            || has_dependent(s, v, &["nsubj", "nsubj:pass", "csubj", "expl"])
        {
            continue;
        }
        // The conjunct whose phrase ends right before the verb.
        let Some(x) = (0..v).rev().find(|&k| {
            s.tokens[k].deprel == "conj"
                && matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn)
                && (k..v).all(|j| s.dominates(k, j))
        }) else {
            continue;
        };
        // The noun it is joined to ends a prepositional phrase of the
        // clause before ("fell in May and Kessel said"); a conjunct of a
        // subject or object phrase is that phrase's ("analysis of rules and
        // customs shows").
        let Some(first) = s.tokens[x].head.filter(|&h| {
            h < x
                && matches!(s.tokens[h].upos, Upos::Noun | Upos::Propn | Upos::Num)
                && s.tokens[h].deprel.starts_with("obl")
                && has_dependent(s, h, &["case"])
        }) else {
            continue;
        };
        // The coordinator hangs on the conjunct, inside its phrase, or on
        // the first word of a name the parser split into conjuncts
        // ("and Kessel Inc" as "Kessel" and "Inc", both conjuncts).
        let sibling =
            |k: usize| k == x || s.tokens[k].deprel == "conj" && s.tokens[k].head == Some(first);
        let Some(cc) = (first + 1..x).find(|&j| {
            s.tokens[j].deprel == "cc"
                && s.tokens[j]
                    .head
                    .is_some_and(|h| h > j && h <= x && sibling(h))
                && matches!(
                    s.tokens[j].form.to_lowercase().as_str(),
                    "and" | "but" | "or"
                )
        }) else {
            continue;
        };
        let subject = s.tokens[cc].head.unwrap_or(x);
        let split: Vec<usize> = (subject + 1..=x)
            .filter(|&k| sibling(k) && s.tokens[k].head == Some(first))
            .collect();
        if s.dominates(x, v)
            || s.dominates(v, first)
            || split.iter().any(|&k| s.tokens[k].upos != Upos::Propn)
        {
            continue;
        }
        attach(s, subject, Some(v), "nsubj");
        attach(s, cc, Some(v), "cc");
        for k in split {
            attach(s, k, Some(subject), "flat");
        }
    }
}

/// "gave Kessel Bank a loan": the parser, expecting a recipient and a
/// thing, makes each word of the name an object of its own ("Kessel" and
/// "Bank"). Two proper nouns side by side, both objects of one verb, are
/// one name: the first a compound of the second, as the parser itself
/// hangs the words of a name.
fn name_split_into_objects(s: &mut Sentence) {
    let n = s.tokens.len();
    for a in 0..n.saturating_sub(1) {
        let b = a + 1;
        let object_of = |k: usize| {
            (s.tokens[k].deprel == "obj")
                .then_some(s.tokens[k].head)
                .flatten()
        };
        let is_name = |k: usize| s.tokens[k].upos == Upos::Propn;
        if !(is_name(a) && is_name(b))
            || object_of(a).is_none()
            || object_of(a) != object_of(b)
            || (a + 1..n).any(|k| s.tokens[k].head == Some(a))
        {
            continue;
        }
        for k in 0..a {
            if s.tokens[k].head == Some(a) {
                s.tokens[k].head = Some(b);
            }
        }
        attach(s, a, Some(b), "compound");
    }
}

/// Periods a figure is reported for ("third quarter profit").
const PERIOD_NOUNS: &[&str] = &[
    "quarter", "half", "year", "month", "week", "period", "season",
];

/// "used the money to buy a plant": the parser reads an infinitive after
/// the object as the verb's complement (`xcomp`), which makes the money
/// buy the plant. Only verbs of control, expecting, naming or causing have
/// their object do the infinitive ("urged the board to sell"); after any
/// other verb the infinitive is a purpose (`advcl`), done by the subject.
fn purpose_read_as_complement_after_the_object(s: &mut Sentence) {
    let n = s.tokens.len();
    for c in 0..n {
        let Some(v) = s.tokens[c].head else { continue };
        if s.tokens[c].deprel != "xcomp"
            || s.tokens[c].upos != Upos::Verb
            || s.tokens[v].upos != Upos::Verb
            || has_dependent(s, c, &["nsubj", "nsubj:pass", "csubj"])
        {
            continue;
        }
        let Some(first) = infinitive_to(s, c) else {
            continue;
        };
        let object_before = (v + 1..first).any(|k| {
            s.tokens[k].head == Some(v) && matches!(s.tokens[k].deprel.as_str(), "obj" | "iobj")
        });
        let lemma = s.tokens[v].lemma.to_lowercase();
        let controls = OBJECT_CONTROL_VERBS.contains(&lemma.as_str())
            || EXPECTING_VERBS.contains(&lemma.as_str())
            || names::is_naming_verb(&lemma)
            || matches!(lemma.as_str(), "help" | "call" | "get");
        if object_before && !controls {
            s.tokens[c].deprel = "advcl".to_string();
        }
    }
}

/// Prepositions that open an adverbial "-ing" clause of means or time.
const ADVERBIAL_GERUND_MARKERS: &[&str] = &[
    "by", "without", "while", "upon", "after", "before", "despite",
];

/// Verbs that take an "-ing" clause as their object ("denied taking the
/// money", "admitted misleading investors", "avoided paying tax").
const GERUND_OBJECT_VERBS: &[&str] = &[
    "deny",
    "admit",
    "acknowledge",
    "regret",
    "recall",
    "avoid",
    "risk",
    "consider",
    "contemplate",
    "postpone",
    "delay",
    "discuss",
    "propose",
    "suggest",
    "recommend",
    "explore",
    "weigh",
    "debate",
    "advocate",
    "envisage",
    "mull",
];

/// "has denied ever taking bribes": the parser hangs the "-ing" clause on
/// the verb as an adverbial (`advcl`), which states the taking as a fact of
/// its own. Right after a verb of [`GERUND_OBJECT_VERBS`] with no object,
/// an "-ing" verb with no subject or conjunction of its own is the verb's
/// complement (`xcomp`), what is denied or admitted.
fn gerund_complement_read_as_adverbial(s: &mut Sentence) {
    let n = s.tokens.len();
    for c in 0..n {
        let Some(v) = s.tokens[c].head else { continue };
        if s.tokens[c].deprel != "advcl"
            || s.tokens[c].xpos != "VBG"
            || s.tokens[v].upos != Upos::Verb
            || !GERUND_OBJECT_VERBS.contains(&s.tokens[v].lemma.as_str())
            || c < v
            || has_dependent(s, v, &["obj", "ccomp"])
            || has_dependent(s, c, &["nsubj", "nsubj:pass", "mark"])
        {
            continue;
        }
        // Its first word ("ever taking") follows the verb at once.
        if (0..c).find(|&k| s.dominates(c, k)) == Some(v + 1) {
            s.tokens[c].deprel = "xcomp".to_string();
        }
    }
}

/// Whether only punctuation follows token `v`: it ends its sentence.
fn ends_sentence(s: &Sentence, v: usize) -> bool {
    s.tokens[v + 1..].iter().all(|t| t.upos == Upos::Punct)
}

/// Whether a comma opens the noun phrase of `noun`: the noun and the words
/// right before it that it dominates, with a comma before them.
fn opened_by_comma(s: &Sentence, noun: usize) -> bool {
    let mut first = noun;
    while first > 0 && s.dominates(noun, first - 1) && s.tokens[first - 1].upos != Upos::Punct {
        first -= 1;
    }
    first > 0 && s.tokens[first - 1].form == ","
}

/// Subordinator `sub` opens the clause of verb `v`, whose subject is
/// "hired London-based lawyer Ola Lind", "agreed to buy Toronto-based
/// Harlow Ltd": the parser, meeting a name before "-based", takes the name
/// for the verb's object and leaves the noun phrase after the participle
/// hanging. In English a name before "-based" (or "-headquartered") only
/// modifies the participle, which modifies the noun phrase right after it
/// (UD: compound, amod); that phrase takes the place the name was given.
fn name_before_based_read_as_argument(s: &mut Sentence) {
    let n = s.tokens.len();
    let within = |h: Option<usize>, from: usize, to: usize| h.is_some_and(|h| from <= h && h <= to);
    for based in 2..n {
        let last = based - 2;
        if s.tokens[based - 1].form != "-"
            || !names::PLACE_PARTICIPLES.contains(&s.tokens[based].lemma.as_str())
            || s.tokens[last].upos != Upos::Propn
        {
            continue;
        }
        let name_from = |last: usize| {
            (0..=last)
                .rev()
                .take_while(|&k| s.tokens[k].upos == Upos::Propn)
                .last()
                .unwrap_or(last)
        };
        let mut first = name_from(last);
        // "Dublin, Calif.-based", "the Akron, Ohio-based airline": a town
        // and its state are one place, where the state is abbreviated or
        // the two open the phrase; otherwise "met Kessel, London-based
        // Vantor and Harlow" is more likely a list.
        if first >= 2 && s.tokens[first - 1].form == "," && s.tokens[first - 2].upos == Upos::Propn
        {
            let town = name_from(first - 2);
            let opens = town == 0 || s.tokens[town - 1].lemma.eq_ignore_ascii_case("the");
            if opens || s.tokens[last].form.ends_with('.') {
                first = town;
            }
        }
        let end = (based + 1..n)
            .take_while(|&k| {
                matches!(
                    s.tokens[k].upos,
                    Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num
                )
            })
            .last();
        let Some(end) = end else {
            continue;
        };
        // The words of the name and of the phrase whose heads lie outside them.
        let name_tops: Vec<usize> = (first..=last)
            .filter(|&k| s.tokens[k].form != "," && !within(s.tokens[k].head, first, last))
            .collect();
        let phrase_tops: Vec<usize> = (based + 1..=end)
            .filter(|&k| !within(s.tokens[k].head, based + 1, end))
            .collect();
        let (Some(&name), Some(&phrase)) = (name_tops.first(), phrase_tops.last()) else {
            continue;
        };
        // Two tops only for a town and its state, read apart.
        if name_tops.len() > 2 {
            continue;
        }
        if s.tokens[name].head == Some(based) && s.tokens[based].head == Some(phrase) {
            continue;
        }
        let (head, rel) = (s.tokens[name].head, s.tokens[name].deprel.clone());
        if !within(head, first, end) {
            attach(s, phrase, head, &rel);
        } else if within(s.tokens[phrase].head, first, based) {
            continue;
        }
        for &k in &phrase_tops {
            if k != phrase {
                attach(s, k, Some(phrase), "compound");
            }
        }
        if let Some(&state) = name_tops.get(1) {
            attach(s, state, Some(name), "appos");
            if let Some(comma) = (name..state).find(|&k| s.tokens[k].form == ",") {
                attach(s, comma, Some(state), "punct");
            }
        }
        // What the parser hung on the participle as a clause ("Under the
        // deal, Kessel-based Vantor said": "Under the deal" on "based")
        // goes back to where the participle hung.
        let based_head = s.tokens[based].head;
        if !within(based_head, first, end) {
            let hung: Vec<usize> = (0..n)
                .filter(|&k| (k < first || k > end) && s.tokens[k].head == Some(based))
                .collect();
            for k in hung {
                s.tokens[k].head = based_head;
            }
        }
        attach(s, name, Some(based), "compound");
        attach(s, based - 1, Some(name), "punct");
        attach(s, based, Some(phrase), "amod");
    }
}

/// "said it would appeal, and that it still hoped to win": the parser
/// joins the second "that" clause to the verb as a conjunct, as if the
/// verb were said twice. A finite clause opened by the complementizer
/// "that" is no main clause; joined after a content clause of the same
/// verb, it is a second content clause, a conjunct of the first.
fn second_content_clause_read_as_conjunct_of_the_verb(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 0..n {
        let Some(h) = s.tokens[v].head.filter(|&h| h < v) else {
            continue;
        };
        // "and that", "or that": the coordinator right before the
        // complementizer, both the conjunct's.
        let opened_by_that = (1..v).any(|k| {
            s.tokens[k].head == Some(v)
                && s.tokens[k].deprel == "mark"
                && s.tokens[k].form.eq_ignore_ascii_case("that")
                && s.tokens[k - 1].head == Some(v)
                && s.tokens[k - 1].deprel == "cc"
        });
        // A content clause can be the conjunct of another ("said she knew
        // it and that ..."); only a main verb cannot have one.
        let main = matches!(s.tokens[h].deprel.as_str(), "root" | "parataxis");
        if s.tokens[v].deprel != "conj"
            || s.tokens[h].upos != Upos::Verb
            || !main
            || !opened_by_that
        {
            continue;
        }
        let first =
            (h + 1..v).find(|&c| s.tokens[c].head == Some(h) && s.tokens[c].deprel == "ccomp");
        if let Some(c) = first {
            attach(s, v, Some(c), "conj");
        }
    }
}

/// `noun`, an adverbial of `host`.
fn opens_clause(s: &mut Sentence, sub: usize, noun: usize, v: usize, host: usize) {
    attach(s, noun, Some(v), "nsubj");
    attach(s, sub, Some(v), "mark");
    attach(s, v, Some(host), "advcl");
}

/// Hangs token `k` on `head` (`None`: the root) with relation `rel`.
fn attach(s: &mut Sentence, k: usize, head: Option<usize>, rel: &str) {
    s.tokens[k].head = head;
    s.tokens[k].deprel = rel.to_string();
}

/// The first word of the phrase token `i` heads, punctuation left out (a
/// comma before a phrase often hangs on it); `i` itself when it opens it.
fn phrase_start(s: &Sentence, i: usize) -> usize {
    (0..i)
        .find(|&k| s.dominates(i, k) && s.tokens[k].upos != Upos::Punct)
        .unwrap_or(i)
}

/// Whether token `h` has a dependent with one of relations `rels`.
fn has_dependent(s: &Sentence, h: usize, rels: &[&str]) -> bool {
    s.tokens
        .iter()
        .any(|t| t.head == Some(h) && rels.contains(&t.deprel.as_str()))
}

/// The relation of a subject given to verb `v`: "nsubj:pass" when the verb
/// has a passive auxiliary ("was sold"), else "nsubj".
fn subject_relation(s: &Sentence, v: usize) -> String {
    if has_dependent(s, v, &["aux:pass"]) {
        "nsubj:pass"
    } else {
        "nsubj"
    }
    .to_string()
}

/// "said last winter that it had no plans": the parser takes the time
/// phrase for the verb's clause. A clause has a predicate; a time noun with
/// no subject or copula of its own hung on a verb as `ccomp` is the verb's
/// bare temporal modifier.
fn time_read_as_clause(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 0..n {
        let Some(v) = s.tokens[k].head else { continue };
        if s.tokens[k].deprel != "ccomp"
            || s.tokens[k].upos != Upos::Noun
            || s.tokens[v].upos != Upos::Verb
            || !is_time_noun(&s.tokens[k].form.to_lowercase())
        {
            continue;
        }
        if !has_dependent(s, k, &["nsubj", "nsubj:pass", "cop", "mark"]) {
            s.tokens[k].deprel = "obl:unmarked".to_string();
        }
    }
}

/// "the Greens and Red Party have tabled": the parser makes the first
/// conjunct the subject of the last one's head word ("Party"), which is the
/// verb's subject. A noun is no clause and has no subject unless it is a
/// predicate (with a copula): a subject hung on a subject, with "and" or
/// "or" between them, is the first conjunct of a coordinated subject. The
/// words between are put right: the conjunction goes to the last conjunct,
/// and a conjunct word right before it is its compound ("Red").
fn subject_of_a_subject(s: &mut Sentence) {
    let n = s.tokens.len();
    for a in 0..n {
        let Some(b) = s.tokens[a].head else { continue };
        let noun = |i: usize| matches!(s.tokens[i].upos, Upos::Noun | Upos::Propn);
        if s.tokens[a].deprel != "nsubj"
            || b <= a
            || !noun(a)
            || !noun(b)
            || !s.tokens[b].deprel.starts_with("nsubj")
            || has_dependent(s, b, &["cop"])
        {
            continue;
        }
        let Some(cc) = (a + 1..b).find(|&k| {
            s.tokens[k].upos == Upos::Cconj && matches!(s.tokens[k].lemma.as_str(), "and" | "or")
        }) else {
            continue;
        };
        s.tokens[a].head = s.tokens[b].head;
        s.tokens[a].deprel = s.tokens[b].deprel.clone();
        s.tokens[b].head = Some(a);
        s.tokens[b].deprel = "conj".to_string();
        s.tokens[cc].head = Some(b);
        s.tokens[cc].deprel = "cc".to_string();
        for c in cc + 1..b {
            if s.tokens[c].head == Some(a) && s.tokens[c].deprel == "conj" {
                s.tokens[c].head = Some(b);
                s.tokens[c].deprel = "compound".to_string();
            }
        }
    }
}

/// "Chancellor Ola Lind and President Jan Brandt": the parser hangs the
/// second name on the first title as `flat`, across the conjunct "President"
/// between them. A flat name is one run of words: a `flat` word with a
/// conjunct of its head between them belongs to that conjunct, the last one
/// before it.
fn flat_name_across_conjunct(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 0..n {
        let Some(h) = s.tokens[k].head else { continue };
        if s.tokens[k].deprel != "flat" || h >= k {
            continue;
        }
        let Some(j) = (h + 1..k)
            .rev()
            .find(|&j| s.tokens[j].head == Some(h) && s.tokens[j].deprel == "conj")
        else {
            continue;
        };
        if s.tokens[j].upos != Upos::Propn {
            continue;
        }
        s.tokens[k].head = Some(j);
    }
}

/// The first word of `k`'s phrase when it is "and" or "or" (a conjunct's
/// conjunction, hung on it or on a word before it).
fn opening_and_or(s: &Sentence, k: usize) -> Option<usize> {
    let first = (0..k).find(|&i| s.dominates(k, i))?;
    (s.tokens[first].deprel == "cc" && matches!(s.tokens[first].lemma.as_str(), "and" | "or"))
        .then_some(first)
}

/// Whether the phrase of `p` ends right before token `next`.
fn ends_right_before(s: &Sentence, p: usize, next: usize) -> bool {
    let end = (p..next).filter(|&i| s.dominates(p, i)).max().unwrap_or(p);
    end + 1 == next
}

/// "will pay Kessel Corp 5 mln dlrs": the parser reads the name before
/// the amount as a bare modifier of the amount's noun. A name right before
/// a number that opens a verb's object is the verb's indirect object (who
/// is paid, granted or sold to); a month before its day ("on March 5") is
/// no name of a party.
fn recipient_read_as_modifier_of_an_amount(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 0..n {
        let Some(mut h) = s.tokens[k].head else {
            continue;
        };
        if s.tokens[k].deprel != "nmod:unmarked"
            || h <= k
            || s.tokens[k].upos != Upos::Propn
            || names::is_month(&s.tokens[k].form)
        {
            continue;
        }
        // (Hung on the amount's noun, or on its number: "5" of "5 mln dlrs".)
        while matches!(s.tokens[h].deprel.as_str(), "compound" | "nummod") {
            match s.tokens[h].head {
                Some(up) if up > h => h = up,
                _ => break,
            }
        }
        if s.tokens[h].deprel != "obj" {
            continue;
        }
        let Some(v) = s.tokens[h].head else { continue };
        if s.tokens[v].upos != Upos::Verb || v > k {
            continue;
        }
        // The amount opens right after the name's phrase with its number.
        let last = (k..h).filter(|&i| s.dominates(k, i)).max().unwrap_or(k);
        let number = last + 1;
        if number >= h || s.tokens[number].upos != Upos::Num || !s.dominates(h, number) {
            continue;
        }
        // An amount: the number with its scale or its unit right after it
        // ("5 mln dlrs", "40 pct", "300 shares"), not a numbered name of a
        // thing ("Chapter 11 bankruptcy proceedings").
        let scale = matches!(
            s.tokens[number + 1].lemma.to_lowercase().as_str(),
            "mln" | "million" | "billion" | "bln" | "thousand" | "trillion" | "pct" | "percent"
        );
        if !scale && number + 1 != h {
            continue;
        }
        s.tokens[k].head = Some(v);
        s.tokens[k].deprel = "iobj".to_string();
    }
}

/// "the oils and fats tax", "a coffee and cocoa exporter": the parser
/// takes the first noun for the head and hangs the real head, right after
/// the second conjunct, on it as a bare modifier. A noun with no
/// preposition of its own, right after "A and B" and hung on A, is the
/// phrase's head: it takes A's place, and A becomes its compound.
fn head_noun_of_coordinated_modifiers_read_as_modifier(s: &mut Sentence) {
    let n = s.tokens.len();
    for c in 3..n {
        let (a, cc, b) = (c - 3, c - 2, c - 1);
        let noun = |k: usize| matches!(s.tokens[k].upos, Upos::Noun);
        if !noun(a)
            || !noun(b)
            || !noun(c)
            || s.tokens[cc].deprel != "cc"
            || s.tokens[cc].head != Some(b)
            || s.tokens[b].head != Some(a)
            || s.tokens[b].deprel != "conj"
            || s.tokens[c].head != Some(a)
            || !matches!(
                s.tokens[c].deprel.as_str(),
                "nmod" | "nmod:unmarked" | "compound"
            )
            || has_dependent(s, c, &["case"])
            || c + 1 < n && noun(c + 1)
            // ("a fire and flood today closed": a time is no head.)
            || names::is_time_noun(&s.tokens[c].form.to_lowercase())
        {
            continue;
        }
        let (head, rel) = (s.tokens[a].head, s.tokens[a].deprel.clone());
        s.tokens[c].head = head;
        s.tokens[c].deprel = rel;
        s.tokens[a].head = Some(c);
        s.tokens[a].deprel = "compound".to_string();
        // What modified the phrase before A ("the", "proposed") now
        // modifies its head.
        for k in 0..a {
            if s.tokens[k].head == Some(a) {
                s.tokens[k].head = Some(c);
            }
        }
    }
}

/// Nouns whose "on" phrase says what they apply to ("the interest rate on
/// its card", "a tax on imports", "a ban on exports", "talks on trade"):
/// the phrase is the noun's complement, not a circumstance of the verb.
const ON_COMPLEMENT_NOUNS: &[&str] = &[
    "rate",
    "tax",
    "duty",
    "tariff",
    "levy",
    "surcharge",
    "ban",
    "embargo",
    "moratorium",
    "limit",
    "cap",
    "ceiling",
    "restriction",
    "curb",
    "quota",
    "subsidy",
    "sanction",
    "interest",
    "yield",
    "premium",
    "dividend",
    "report",
    "study",
    "view",
    "stance",
    "position",
    "comment",
    "debate",
    "talk",
    "agreement",
    "accord",
    "vote",
    "ruling",
    "decision",
    "information",
    "data",
    "attack",
    "raid",
    "crackdown",
    "lien",
    "option",
];

/// Verbs whose own argument an "on" phrase after their object is ("impose
/// a ban on", "spend money on", "base the price on"): UD hangs it on them.
const ON_TAKING_VERBS: &[&str] = &[
    "impose",
    "levy",
    "place",
    "put",
    "slap",
    "spend",
    "pay",
    "charge",
    "base",
    "focus",
    "concentrate",
    "set",
    "lay",
    "inflict",
    "confer",
    "bestow",
    "blame",
    "pin",
    "call",
];

/// "increased the interest rate on its card to 13 pct": the parser hangs
/// the "on" phrase right after the object on the verb. After a noun that
/// takes an "on" complement ([`ON_COMPLEMENT_NOUNS`]) and with nothing
/// between them but the object's own words, the phrase is the noun's
/// (the noun-attachment reading of relational nouns, as treebanks annotate
/// "rate on", "tax on").
fn complement_of_a_relational_noun_read_as_oblique(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 0..n {
        let (Some(v), "obl") = (s.tokens[k].head, s.tokens[k].deprel.as_str()) else {
            continue;
        };
        let Some(case) = (0..k)
            .rev()
            .find(|&c| s.tokens[c].head == Some(k) && s.tokens[c].deprel == "case")
        else {
            continue;
        };
        // (Verbs that take an "on" phrase of their own keep it: "impose a
        // tax on imports", "spend money on arms"; so does a time, "pay the
        // premium on Tuesday".)
        if !s.tokens[case].form.eq_ignore_ascii_case("on")
            || s.tokens[v].upos != Upos::Verb
            || ON_TAKING_VERBS.contains(&s.tokens[v].lemma.to_lowercase().as_str())
            || names::is_weekday(&s.tokens[k].form)
            || names::is_month(&s.tokens[k].form)
            || s.tokens[k].upos == Upos::Num
        {
            continue;
        }
        // The verb's object, whose phrase ends right before the "on".
        let Some(object) = (0..case)
            .rev()
            .find(|&o| s.tokens[o].head == Some(v) && s.tokens[o].deprel == "obj")
        else {
            continue;
        };
        let phrase_end = (object..case).filter(|&i| s.dominates(object, i)).max();
        if phrase_end != Some(case - 1)
            || s.tokens[object].upos != Upos::Noun
            || !ON_COMPLEMENT_NOUNS.contains(&s.tokens[object].lemma.to_lowercase().as_str())
        {
            continue;
        }
        s.tokens[k].head = Some(object);
        s.tokens[k].deprel = "nmod".to_string();
    }
}

/// "features Ana Ruiz and Jan Brandt": the parser hangs the second name on/// "features Ana Ruiz and Jan Brandt": the parser hangs the second name on
/// the verb as its conjunct. A verb's conjunct is a clause, with a verb or
/// a subject of its own; a noun with neither, whose phrase opens with "and"
/// or "or" right after the verb's object, is that object's conjunct.
fn noun_conjunct_read_as_verb_conjunct(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 0..n {
        let Some(v) = s.tokens[k].head else { continue };
        if s.tokens[k].deprel != "conj"
            || s.tokens[v].upos != Upos::Verb
            || !matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn)
            || has_dependent(
                s,
                k,
                &[
                    "nsubj",
                    "nsubj:pass",
                    "csubj",
                    "cop",
                    "aux",
                    "aux:pass",
                    "obj",
                    "mark",
                    "orphan",
                ],
            )
        {
            continue;
        }
        let Some(first) = opening_and_or(s, k) else {
            continue;
        };
        // The verb's object that ends right before the conjunction.
        let Some(o) = (v + 1..first).rev().find(|&o| {
            s.tokens[o].head == Some(v)
                && s.tokens[o].deprel == "obj"
                && matches!(s.tokens[o].upos, Upos::Noun | Upos::Propn)
        }) else {
            continue;
        };
        if !ends_right_before(s, o, first) {
            continue;
        }
        // A verb right after the noun's phrase makes the noun its subject
        // ("and foreign nations need to act"), a clause after all.
        let last = (k..n).filter(|&i| s.dominates(k, i)).max().unwrap_or(k);
        if s.tokens
            .get(last + 1)
            .is_some_and(|t| matches!(t.upos, Upos::Verb | Upos::Aux))
        {
            continue;
        }
        s.tokens[k].head = Some(o);
    }
}

/// "prepared by the agency and planning consultants": the parser, having
/// closed the `by` phrase, hangs the second conjunct on the verb as an
/// oblique with no preposition. An oblique needs its preposition (bare
/// noun phrases of time and measure are `obl:unmarked`), so a bare `obl`
/// noun whose phrase opens with "and" or "or" right after a noun phrase of
/// the same verb is that phrase's conjunct.
fn conjunct_read_as_oblique(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 0..n {
        let Some(v) = s.tokens[k].head else { continue };
        if s.tokens[k].deprel != "obl" || !matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn) {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&d| s.tokens[d].head == Some(k)).collect();
        if kids.iter().any(|&d| s.tokens[d].deprel == "case") {
            continue;
        }
        // The phrase's first word is its conjunction (hung on the noun or
        // on a word before it).
        let Some(first) = opening_and_or(s, k) else {
            continue;
        };
        // The noun phrase of the same verb that ends right before it.
        let Some(p) = (0..first).rev().find(|&p| {
            s.tokens[p].head == Some(v)
                && matches!(s.tokens[p].upos, Upos::Noun | Upos::Propn)
                && (s.tokens[p].deprel.starts_with("obl") || s.tokens[p].deprel == "obj")
        }) else {
            continue;
        };
        if !ends_right_before(s, p, first) {
            continue;
        }
        s.tokens[k].head = Some(p);
        s.tokens[k].deprel = "conj".to_string();
    }
}

/// "began the installation of a rig, called Gail, in the Tollund field":
/// the parser joins the phrase after the comma to the object as its
/// conjunct. A conjunct opened by its own preposition, with no "and" or
/// "or", of a noun with none, is no second member of a list: it is the
/// noun's prepositional phrase (`nmod`), as EWT annotates "Many Iraqis,
/// including religious Iraqis, ...".
fn prepositional_phrase_read_as_conjunct(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 0..n {
        let Some(first) = s.tokens[k].head else {
            continue;
        };
        if s.tokens[k].deprel != "conj"
            || !matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn)
            || !matches!(s.tokens[first].upos, Upos::Noun | Upos::Propn)
            || has_dependent(s, k, &["cc"])
            || has_dependent(s, first, &["case"])
            // In a longer list ("an able speaker and a capable leader, in
            // the way ...") the phrase may close the list: left alone.
            || s.tokens[first].deprel == "conj"
            || s.tokens
                .iter()
                .enumerate()
                .any(|(j, t)| j != k && t.head == Some(first) && t.deprel == "conj")
        {
            continue;
        }
        // The phrase opens with its preposition, right after a comma.
        let start = (0..=k)
            .find(|&j| s.dominates(k, j) && s.tokens[j].upos != Upos::Punct)
            .unwrap_or(k);
        let opens_with_case = s.tokens[start].head == Some(k)
            && s.tokens[start].deprel == "case"
            && start > 0
            && s.tokens[start - 1].upos == Upos::Punct;
        if opens_with_case {
            attach(s, k, Some(first), "nmod");
        }
    }
}

/// "bought the shares from Harlow Holdings, the family firm of the
/// Linds": the parser hangs the description after the comma on the verb
/// as a second oblique. An oblique needs its preposition (bare time and
/// measure phrases are `obl:unmarked`), so a bare `obl` common noun with
/// its own determiner, opening right after a comma that closes a name in
/// the verb's phrase, is that name's apposition.
fn apposition_read_as_oblique(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 0..n {
        let Some(v) = s.tokens[k].head else { continue };
        // (In a clause opened by "if", "when" or "because" the comma may
        // close the clause: "when it rains in Harlow, the roads would
        // rise" has the noun as the next clause's subject.)
        if s.tokens[k].deprel != "obl"
            || s.tokens[k].upos != Upos::Noun
            || is_time_noun(&s.tokens[k].lemma.to_lowercase())
            || has_dependent(s, v, &["mark"])
        {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&d| s.tokens[d].head == Some(k)).collect();
        let determined = kids.iter().any(|&d| {
            s.tokens[d].deprel == "det"
                && matches!(
                    s.tokens[d].lemma.to_lowercase().as_str(),
                    "a" | "an" | "the"
                )
        });
        // A list item is joined by its conjunction ("a jacket, a coat and
        // a hat"), an apposition never.
        if !determined
            || kids
                .iter()
                .any(|&d| matches!(s.tokens[d].deprel.as_str(), "case" | "conj"))
        {
            continue;
        }
        let first = (0..k)
            .find(|&i| s.tokens[i].upos != Upos::Punct && s.dominates(k, i))
            .unwrap_or(k);
        // (A phrase opened by "and" or "or" is a conjunct: "products,
        // and a radio".)
        if first < 2 || s.tokens[first - 1].form != "," || s.tokens[first].deprel == "cc" {
            continue;
        }
        // The name that ends right before the comma, inside the verb's
        // phrase: "from Harlow Holdings", "to buy <Vantor Ltd>". A common
        // noun there is more often a list ("the mining and steel
        // ministries, the timber sector, ...").
        let mut p = first - 2;
        while p > 0 && matches!(s.tokens[p].form.as_str(), ">" | ")" | "\"" | "'") {
            p -= 1;
        }
        p = name_head(s, p);
        if s.tokens[p].upos != Upos::Propn || !s.dominates(v, p) || has_dependent(s, p, &["conj"]) {
            continue;
        }
        s.tokens[k].head = Some(p);
        s.tokens[k].deprel = "appos".to_string();
    }
}

/// The first word of the flat name that holds token `p` ("Ola" of "Ola
/// Lind" for "Lind"), which heads it; `p` itself when it is no later word
/// of a name.
fn name_head(s: &Sentence, mut p: usize) -> usize {
    while s.tokens[p].deprel == "flat" {
        match s.tokens[p].head {
            Some(h) if h < p => p = h,
            _ => break,
        }
    }
    p
}

/// "ran into Ola Lind, who took the ball away": the parser joins the
/// verb after "who" to the main verb as a conjunct, so the main clause's
/// subject would take the ball. A verb whose subject is the relative
/// pronoun "who" (or "which" after a name that is a subject, object or
/// apposition), standing right after a noun phrase (a comma between or
/// not), is a relative clause of that noun; a conjunct of the old head
/// after it with no subject of its own ("who hit him and then took the
/// ball") continues the relative clause, as the parser had joined the two
/// as equals.
fn relative_clause_read_as_conjunct(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 0..n {
        if s.tokens[v].deprel != "conj" || s.tokens[v].upos != Upos::Verb {
            continue;
        }
        let Some(old) = s.tokens[v].head else {
            continue;
        };
        let Some(pronoun) = (0..v).find(|&k| {
            s.tokens[k].head == Some(v)
                && s.tokens[k].deprel.starts_with("nsubj")
                && matches!(s.tokens[k].xpos.as_str(), "WP" | "WDT")
                && matches!(s.tokens[k].form.to_lowercase().as_str(), "who" | "which")
        }) else {
            continue;
        };
        // The pronoun opens the clause: nothing of it comes first.
        if pronoun == 0
            || (0..pronoun).any(|i| s.tokens[i].upos != Upos::Punct && s.dominates(v, i))
        {
            continue;
        }
        let mut noun = pronoun - 1;
        if s.tokens[noun].form == "," {
            let Some(before) = noun.checked_sub(1) else {
                continue;
            };
            noun = before;
        }
        // The last word of a flat name belongs to its first.
        noun = name_head(s, noun);
        // "which" may refer to a whole clause or to a noun further back
        // ("fought with the club, which ..."); after a
        // name it is the name's.
        let which = s.tokens[pronoun].form.eq_ignore_ascii_case("which");
        // (Nor after a name in a list or a prepositional phrase: "its
        // units in Asia and Tansford, which lost money".)
        let nominal = match s.tokens[noun].upos {
            Upos::Propn => {
                !which || matches!(s.tokens[noun].deprel.as_str(), "obj" | "nsubj" | "appos")
            }
            Upos::Noun => !which,
            _ => false,
        };
        if !nominal || s.dominates(v, noun) {
            continue;
        }
        s.tokens[v].head = Some(noun);
        s.tokens[v].deprel = "acl:relcl".to_string();
        for c in v + 1..n {
            if s.tokens[c].head == Some(old)
                && s.tokens[c].deprel == "conj"
                && s.tokens[c].upos == Upos::Verb
                && !has_dependent(s, c, &["nsubj", "nsubj:pass"])
                && !s.dominates(c, v)
                && !(v..c).any(|i| matches!(s.tokens[i].form.as_str(), ";" | ":"))
            {
                s.tokens[c].head = Some(v);
            }
        }
    }
}

/// "the Fund and the brokers were wrong-footed": the parser makes "Fund"
/// a compound of "brokers", and the subject reads "Fund brokers". A
/// compound stays next to its noun; one separated from it by "and" or "or"
/// and a determiner of the noun's own is the first of two conjuncts: it
/// takes the noun's place, and the noun becomes its conjunct.
fn conjunct_read_as_compound(s: &mut Sentence) {
    let n = s.tokens.len();
    for c in 0..n {
        let Some(h) = s.tokens[c].head else { continue };
        if s.tokens[c].deprel != "compound"
            || h <= c + 2
            || !matches!(s.tokens[c].upos, Upos::Noun | Upos::Propn)
        {
            continue;
        }
        let Some(cc) = (c + 1..h).find(|&k| {
            s.tokens[k].head == Some(h)
                && s.tokens[k].deprel == "cc"
                && matches!(s.tokens[k].lemma.to_lowercase().as_str(), "and" | "or")
        }) else {
            continue;
        };
        let determined =
            (cc + 1..h).any(|k| s.tokens[k].head == Some(h) && s.tokens[k].deprel == "det");
        // Nothing of the compound's own after it but its conjunction: "the
        // Fund and the brokers", not "the steel and the coal firms" (where
        // "steel" is a compound of its own).
        if !determined || s.tokens[c + 1..cc].iter().any(|t| t.upos != Upos::Punct) {
            continue;
        }
        let (head_of_h, rel_of_h) = (s.tokens[h].head, s.tokens[h].deprel.clone());
        s.tokens[c].head = head_of_h;
        s.tokens[c].deprel = rel_of_h;
        s.tokens[h].head = Some(c);
        s.tokens[h].deprel = "conj".to_string();
        // The determiners and modifiers before the compound are its own.
        for k in 0..c {
            if s.tokens[k].head == Some(h) {
                s.tokens[k].head = Some(c);
            }
        }
    }
}

/// "said Jan Brandt, head of the brokerage firm, Harlow Kessel Ltd": the
/// parser hangs the firm's name on the speaker's as a `list` and the name's
/// later words as the speaker's own. A name right after a comma that
/// follows a common noun names that noun ("the brokerage firm, Harlow
/// Kessel Ltd"): it is the noun's apposition, and the capitalised words
/// right after it are its own.
fn name_read_as_list(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 2..n {
        if s.tokens[k].deprel != "list"
            || s.tokens[k].upos != Upos::Propn
            || s.tokens[k - 1].form != ","
            || s.tokens[k - 2].upos != Upos::Noun
            || s.dominates(k, k - 2)
        {
            continue;
        }
        let described = k - 2;
        let old = s.tokens[k].head;
        s.tokens[k].head = Some(described);
        s.tokens[k].deprel = "appos".to_string();
        for j in k + 1..n {
            if s.tokens[j].upos != Upos::Propn
                || !(s.tokens[j].head == old || s.tokens[j].head == Some(k))
                || !matches!(s.tokens[j].deprel.as_str(), "list" | "flat")
            {
                break;
            }
            s.tokens[j].head = Some(k);
            s.tokens[j].deprel = "flat".to_string();
        }
    }
}

/// "The company named Harlow Kessel Inc as underwriter.": the tagger
/// reads "named" as a participle and the parser hangs it on "company" as a
/// reduced relative, leaving a sentence with no verb. A sentence with its
/// full stop has a finite verb; when it has none, a participle right after
/// the noun phrase that heads it, with a name or a noun phrase of its own
/// after it, is its main verb, and the noun phrase its subject.
///
/// The same holds after a relative clause set off by commas ("Vantor,
/// which runs a mill in Leeds, appointed Kessel Bank"): the parser hangs
/// the participle on the relative clause's last noun, and the clause's own
/// verb is the only finite one. A relative clause never ends in a bare
/// participle with its own object after its closing comma, so such a
/// participle is the sentence's verb.
///
/// A form tagged as a past tense (VBD) hung on the noun as a reduced
/// relative ("Net assets of Tollund banks rose by 3 pct": the banks that
/// rose) is the sentence's verb whatever follows it: a reduced relative is
/// a participle, and a relative clause with a finite verb needs a subject
/// or a relative word.
fn past_verb_read_as_modifier_of_its_subject(s: &mut Sentence) {
    // Whether `noun` ends a phrase that modifies `r` ("assets of Tollund
    // banks"), so a past tense hung on it follows all of `r`'s phrase.
    let of_phrase_of = |s: &Sentence, noun: Option<usize>, r: usize| {
        noun.is_some_and(|k| s.tokens[k].deprel == "nmod" && s.tokens[k].head == Some(r))
    };
    let n = s.tokens.len();
    if s.tokens.last().is_none_or(|t| t.form != ".") {
        return;
    }
    let Some(r) = (0..n).find(|&i| s.tokens[i].head.is_none()) else {
        return;
    };
    if !matches!(s.tokens[r].upos, Upos::Noun | Upos::Propn) {
        return;
    }
    // After a comma-enclosed relative clause of the head noun, with at
    // most the verb's own words ("last week") after the closing comma.
    let set_off = |v: usize| {
        let Some(close) = (r + 2..v).rev().find(|&k| s.tokens[k].form == ",") else {
            return false;
        };
        s.tokens[r + 1].form == ","
            && (close + 1..v).all(|k| s.dominates(v, k))
            && (r + 1..close)
                .any(|k| s.tokens[k].head == Some(r) && s.tokens[k].deprel == "acl:relcl")
    };
    let Some(v) = (r + 1..n).find(|&i| {
        s.tokens[i].deprel == "acl"
            && matches!(s.tokens[i].xpos.as_str(), "VBN" | "VBD")
            && s.tokens[i].upos == Upos::Verb
            && (s.tokens[i].head == Some(r)
                || s.dominates(r, i) && set_off(i)
                || s.tokens[i].xpos == "VBD" && of_phrase_of(s, s.tokens[i].head, r))
            && !has_dependent(s, i, &["nsubj", "nsubj:pass", "mark"])
    }) else {
        return;
    };
    let past_tense = s.tokens[v].xpos == "VBD";
    // Right after the noun phrase: every word between is the noun's.
    if (r + 1..v).any(|i| !s.dominates(r, i)) {
        return;
    }
    // No finite verb but inside the relative clause.
    if (0..n).any(|i| {
        i != v
            && matches!(s.tokens[i].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
            && !(i > r && i < v && set_off(v))
    }) {
        return;
    }
    // What follows is a name or a noun phrase of the verb's own, not a
    // prepositional phrase ("the company based in Ohio.").
    let next = v + 1;
    let takes_phrase = next < n
        && s.tokens[next]
            .head
            .is_some_and(|h| h == v || s.dominates(v, h))
        && matches!(s.tokens[next].upos, Upos::Propn | Upos::Det | Upos::Num);
    // Or an infinitive that its object or it does ("The pact called on
    // Tollund to stop sales."): a modifier of a noun takes none.
    let takes_infinitive = (v + 1..n).any(|c| {
        s.tokens[c].head == Some(v)
            && matches!(s.tokens[c].deprel.as_str(), "xcomp" | "advcl")
            && s.tokens[c].upos == Upos::Verb
            && (0..c).any(|k| {
                s.tokens[k].head == Some(c)
                    && s.tokens[k].deprel == "mark"
                    && s.tokens[k].form.eq_ignore_ascii_case("to")
            })
    });
    if !takes_phrase && !takes_infinitive && !past_tense {
        return;
    }
    s.tokens[v].head = None;
    s.tokens[v].deprel = "root".to_string();
    s.tokens[r].head = Some(v);
    s.tokens[r].deprel = "nsubj".to_string();
    for i in 0..n {
        if s.tokens[i].head == Some(r) && (s.tokens[i].upos == Upos::Punct && i > v) {
            s.tokens[i].head = Some(v);
        }
    }
    // The name right after it, read as a predicate, is its object; a
    // past tense has no passive agent ("rose by 3 pct").
    for i in v + 1..n {
        if s.tokens[i].head == Some(v)
            && s.tokens[i].deprel == "xcomp"
            && s.tokens[i].upos == Upos::Propn
        {
            s.tokens[i].deprel = "obj".to_string();
        }
        if past_tense && s.tokens[i].head == Some(v) && s.tokens[i].deprel == "obl:agent" {
            s.tokens[i].deprel = "obl".to_string();
        }
    }
}

/// "Senate leader Ola Lind, a key Vantor ally, said": the parser, having
/// made the title the head and the name its apposition, joins the
/// description between the commas to the title as a conjunct. A noun
/// phrase opened by "a" or "an", set off by commas on both sides, that is
/// a conjunct of a noun with no "and", "or" or "but" anywhere among the
/// conjuncts, is no list item (a list joins its last item with a
/// conjunction: "a bank, an insurer and a broker") but an apposition
/// describing the name before it: the name in apposition to the title
/// when there is one, else the noun itself.
fn description_read_as_conjunct(s: &mut Sentence) {
    for y in 0..s.tokens.len() {
        if let Some(name) = described_name(s, y) {
            s.tokens[y].head = Some(name);
            s.tokens[y].deprel = "appos".to_string();
        }
    }
}

/// For [`description_read_as_conjunct`]: the name that conjunct `y`, a
/// description set off by commas, is really about; None when `y` is no
/// such description.
fn described_name(s: &Sentence, y: usize) -> Option<usize> {
    let (x, _, _) = lone_conjunct_between_commas(s, y)?;
    let indefinite = s.tokens.iter().any(|t| {
        t.head == Some(y)
            && t.deprel == "det"
            && matches!(t.lemma.to_lowercase().as_str(), "a" | "an")
    });
    if s.tokens[y].upos != Upos::Noun || !indefinite {
        return None;
    }
    // The name it is about: the title's apposition, else the noun itself.
    Some(
        (0..y)
            .find(|&k| {
                s.tokens[k].head == Some(x)
                    && s.tokens[k].deprel == "appos"
                    && s.tokens[k].upos == Upos::Propn
            })
            .unwrap_or(x),
    )
}

/// `(x, first, last)` when `y` is the one conjunct of noun `x` before it,
/// joined by no conjunction, with no more noun phrases hung on `x` after
/// it ("a ferry, a bus, a tram and a train", parsed with "tram" as x's
/// apposition, is a list), and its words (`first..=last`) set off by
/// commas on both sides: no list item, but an apposition the parser
/// misread.
fn lone_conjunct_between_commas(s: &Sentence, y: usize) -> Option<(usize, usize, usize)> {
    let n = s.tokens.len();
    let x = s.tokens[y].head?;
    if s.tokens[y].deprel != "conj"
        || !matches!(s.tokens[x].upos, Upos::Noun | Upos::Propn)
        || x > y
        || has_dependent(s, y, &["cc"])
    {
        return None;
    }
    let kids = |h: usize| (0..n).filter(move |&k| s.tokens[k].head == Some(h));
    let conjuncts = kids(x).filter(|&k| s.tokens[k].deprel == "conj").count();
    let more = kids(x).any(|k| k > y && matches!(s.tokens[k].deprel.as_str(), "conj" | "appos"));
    let word_of_y = |i: &usize| s.tokens[*i].upos != Upos::Punct && s.dominates(y, *i);
    let first = (0..=y).find(word_of_y)?;
    let last = (y..n).rev().find(word_of_y)?;
    let comma = |i: usize| s.tokens.get(i).is_some_and(|t| t.form == ",");
    if conjuncts != 1 || more || first == 0 || !comma(first - 1) || !comma(last + 1) {
        return None;
    }
    Some((x, first, last))
}

/// "Ana Ruiz, vice-president of the central bank, the Kesselbank, said":
/// the parser joins the bank's name to the person as a conjunct, which
/// makes the bank a second speaker. A name with no conjunction, set off by
/// commas right after the person's apposition and the only conjunct, is
/// an apposition of the noun that ends that apposition ("bank").
fn name_read_as_conjunct_after_an_apposition(s: &mut Sentence) {
    for y in 0..s.tokens.len() {
        if let Some(noun) = noun_an_apposition_ends(s, y) {
            s.tokens[y].head = Some(noun);
            s.tokens[y].deprel = "appos".to_string();
        }
    }
}

/// For [`name_read_as_conjunct_after_an_apposition`]: the noun that ends
/// the apposition right before conjunct `y`, when `y` is such a name.
fn noun_an_apposition_ends(s: &Sentence, y: usize) -> Option<usize> {
    let (x, first, last) = lone_conjunct_between_commas(s, y)?;
    if s.tokens[y].upos != Upos::Propn || first < 2 {
        return None;
    }
    // The clause goes on after it ("..., the Kesselbank, said"), where a
    // list would go on with its next item ("Vantor, the operator, Kessel,
    // Tollund Oil and ..."); an acronym ("Tollund Bank, TB, said") is the
    // name's own.
    let verb_next = s
        .tokens
        .get(last + 2)
        .is_some_and(|t| matches!(t.upos, Upos::Verb | Upos::Aux | Upos::Adv));
    let acronym = s.tokens[y].form.chars().all(|c| !c.is_lowercase());
    if !verb_next || acronym {
        return None;
    }
    // The word before the comma ends an apposition of x.
    let end = first - 2;
    let ends_apposition = (0..y).any(|a| {
        s.tokens[a].head == Some(x) && s.tokens[a].deprel == "appos" && s.dominates(a, end)
    });
    (ends_apposition && matches!(s.tokens[end].upos, Upos::Noun | Upos::Propn)).then_some(end)
}

/// "Vantor, which owns a hotel, last month hired brokers": the parser
/// read the subject as a passive one. An English passive clause has its
/// auxiliary ("was appointed", "got fired"); a past-tense verb (VBD), or a
/// participle with an object or after "has" alone ("has stopped"), with
/// none is active, and its passive subject is its subject; so is a
/// sentence's main verb before its full stop ("Vantor filed with the
/// regulator."; a headline, "Ten killed in blast", has none). An object
/// read as a bare oblique ("said it called 250,000 warrants") is its
/// object.
fn passive_subject_without_auxiliary(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 0..n {
        let Some(v) = s.tokens[k].head else { continue };
        // A participle with no auxiliary may be a headline's passive
        // ("Ten killed in blast"), unless it has an object.
        let has_object = has_dependent(s, v, &["obj"]);
        // "said it called 250,000 warrants": the object read as a bare
        // oblique of the participle (an oblique needs its preposition).
        // (A name read as a bare time or measure is one too.)
        let bare_oblique = (v + 1..n).find(|&o| {
            s.tokens[o].head == Some(v)
                && (s.tokens[o].deprel == "obl"
                    || s.tokens[o].deprel == "obl:unmarked" && s.tokens[o].upos == Upos::Propn)
                && matches!(s.tokens[o].upos, Upos::Noun | Upos::Propn)
                && !is_time_noun(&s.tokens[o].lemma.to_lowercase())
                && !has_dependent(s, o, &["case"])
        });
        // "Vantor filed with the regulator.": the main verb of a sentence
        // with its full stop (not a headline's "Ten killed in blast").
        // ("The team, led by Ola Lind - won the cup.": a participle
        // with its agent is a passive however it hangs.)
        let by_agent = (v + 1..n).any(|o| {
            s.tokens[o].head == Some(v)
                && s.tokens[o].deprel.starts_with("obl")
                && (0..n).any(|c| {
                    s.tokens[c].head == Some(o)
                        && s.tokens[c].deprel == "case"
                        && s.tokens[c].form.eq_ignore_ascii_case("by")
                })
        });
        let main_verb = s.tokens[v].deprel == "root"
            && !by_agent
            && s.tokens.last().is_some_and(|t| t.form == ".");
        // "has stopped" with no "been": a perfect, active.
        let perfect = s
            .tokens
            .iter()
            .any(|t| t.head == Some(v) && t.deprel == "aux" && t.lemma == "have");
        if s.tokens[k].deprel != "nsubj:pass"
            || s.tokens[v].upos != Upos::Verb
            || !(s.tokens[v].xpos == "VBD"
                || s.tokens[v].xpos == "VBN"
                    && (has_object || perfect || main_verb || bare_oblique.is_some()))
        {
            continue;
        }
        // "Be" or "get" makes a passive; "has", "will" alone do not.
        let has_passive_aux = s.tokens.iter().any(|t| {
            t.head == Some(v)
                && (t.deprel == "aux:pass"
                    || matches!(t.deprel.as_str(), "aux" | "cop")
                        && matches!(t.lemma.as_str(), "be" | "get"))
        });
        if !has_passive_aux {
            s.tokens[k].deprel = "nsubj".to_string();
            if let (false, Some(o)) = (has_object, bare_oblique) {
                s.tokens[o].deprel = "obj".to_string();
            }
        }
    }
}

/// "Vantor hired Kessel Partners as brokers": the parser, unsure of an
/// unknown name, hangs it on the verb as `parataxis`. Parataxis joins
/// clauses; a noun phrase with no verb, copula or subject of its own that
/// starts right after a verb without an object is that verb's object.
fn object_read_as_parataxis(s: &mut Sentence) {
    let n = s.tokens.len();
    for k in 0..n {
        let Some(v) = s.tokens[k].head else { continue };
        if s.tokens[k].deprel != "parataxis"
            || !matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn)
            || s.tokens[v].upos != Upos::Verb
            || k < v
        {
            continue;
        }
        let clause_like = s.tokens.iter().any(|t| {
            t.head == Some(k)
                && (matches!(t.upos, Upos::Verb | Upos::Aux)
                    || matches!(t.deprel.split(':').next(), Some("nsubj" | "cop" | "csubj")))
        });
        let has_object = s
            .tokens
            .iter()
            .any(|t| t.head == Some(v) && matches!(t.deprel.as_str(), "obj" | "ccomp" | "xcomp"));
        // The phrase follows the verb (or its particle) at once, and is only
        // a noun phrase: no punctuation, adverb or conjunction opens it
        // ("I see, fair point", "then the rest").
        let start = if s
            .tokens
            .get(v + 1)
            .is_some_and(|t| t.head == Some(v) && t.deprel == "compound:prt")
        {
            v + 2
        } else {
            v + 1
        };
        // (A wire's angle bracket around a company's name may open it:
        // "acquired <Vantor 9 Inc>".)
        let plain = (start..=k).all(|w| {
            s.dominates(k, w)
                && (w == start && s.tokens[w].form == "<"
                    || !matches!(
                        s.tokens[w].upos,
                        Upos::Punct | Upos::Adv | Upos::Cconj | Upos::Sconj | Upos::Intj
                    ))
        });
        if clause_like || has_object || !plain {
            continue;
        }
        s.tokens[k].deprel = "obj".to_string();
    }
}

/// "The Vantor Group last week hired advisers", "Vantor yesterday warned
/// the bank": a time phrase right after the subject, and the parser makes
/// the name a compound of the time word (or its subject: "The company
/// earlier this month said") and the time word the verb's subject. A time
/// word ([`is_time_noun`]) is never who acts: when a subject that is
/// one has a noun compound before it, separated from it only by the time
/// phrase's own modifiers ("last", "this") or a comma (or by nothing,
/// before "yesterday", "today", "tonight", "tomorrow", which take no
/// compounds), the compound is the subject and the time word a bare
/// temporal modifier of the verb.
fn subject_read_as_compound_of_time(s: &mut Sentence) {
    let n = s.tokens.len();
    for w in 1..n {
        // The time word read as the subject, or as the verb's temporal
        // modifier with the verb left without a subject ("Vantor Corp last
        // week appointed": the name a compound of "week").
        let subjectless_time = s.tokens[w].deprel == "obl:unmarked"
            && s.tokens[w].head.is_some_and(|v| {
                s.tokens[v].upos == Upos::Verb
                    && !s.tokens.iter().any(|t| {
                        t.head == Some(v)
                            && matches!(t.deprel.as_str(), "nsubj" | "nsubj:pass" | "csubj")
                    })
            });
        if !(matches!(s.tokens[w].deprel.as_str(), "nsubj" | "nsubj:pass") || subjectless_time)
            || !is_time_noun(&s.tokens[w].form.to_lowercase())
        {
            continue;
        }
        // A noun with a preposition of its own ("leaves for Washington
        // tomorrow") is an oblique, no subject.
        // (Also a noun read as the time word's own subject, which it cannot
        // have without a copula: "The company earlier this month said".)
        let Some(name) = (0..w).rev().find(|&c| {
            s.tokens[c].head == Some(w)
                && matches!(s.tokens[c].deprel.as_str(), "compound" | "nsubj")
                && !has_dependent(s, w, &["cop"])
                && matches!(s.tokens[c].upos, Upos::Noun | Upos::Propn)
                && !s
                    .tokens
                    .iter()
                    .any(|t| t.head == Some(c) && t.deprel == "case")
        }) else {
            continue;
        };
        // Between the name and the time word: only the time phrase's own
        // words ("last", "this", "next"), punctuation, or the name's own
        // clause ("Vantor, which runs a bank, last week ...").
        let between_ok = (name + 1..w).all(|k| {
            s.tokens[k].upos == Upos::Punct
                || s.dominates(name, k)
                || s.tokens[k].head == Some(w)
                    && matches!(s.tokens[k].upos, Upos::Adj | Upos::Det | Upos::Adv)
        });
        // A noun right before the time word may be its own compound
        // ("election night", "Easter Sunday"); only a deictic word takes
        // none ("Vantor yesterday").
        let deictic = matches!(
            s.tokens[w].form.to_lowercase().as_str(),
            "yesterday" | "today" | "tonight" | "tomorrow"
        );
        if !between_ok || name + 1 == w && !deictic {
            continue;
        }
        let head = s.tokens[w].head;
        let deprel = if subjectless_time {
            head.map_or_else(|| "nsubj".to_string(), |h| subject_relation(s, h))
        } else {
            s.tokens[w].deprel.clone()
        };
        s.tokens[name].head = head;
        s.tokens[name].deprel = deprel;
        s.tokens[w].deprel = "obl:unmarked".to_string();
        // Words before the name that hung on the time word belong to the
        // name ("The Vantor Group": "The" and "Vantor").
        for k in 0..name {
            if s.tokens[k].head == Some(w) {
                s.tokens[k].head = Some(name);
            }
        }
    }
}

/// "Vantor will sell the mill, local papers report.": a verb of saying at
/// the end of a sentence, after the clause it reports, has its speaker
/// right before it. The parser, reading left to right, has already joined
/// that noun phrase to the clause ("mill, ... papers" as a conjunction)
/// and leaves the verb without a subject. When a verb of [`CLAUSE_VERBS`]
/// has no subject and is preceded at once by a noun phrase that a comma
/// opens and that hangs elsewhere, the noun phrase is its subject (also a
/// phrase with a modifier after its noun: "a spokesman for the bank said").
fn trailing_speaker_read_as_conjunct(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 1..n {
        if s.tokens[v].upos != Upos::Verb || !CLAUSE_VERBS.contains(&s.tokens[v].lemma.as_str()) {
            continue;
        }
        let has_subject = s.tokens.iter().any(|t| {
            t.head == Some(v) && matches!(t.deprel.split(':').next(), Some("nsubj" | "csubj"))
        });
        // The verb ends its clause: nothing after it but punctuation.
        let ends = ends_sentence(s, v);
        // The noun before the verb's auxiliaries ("officials have said"),
        // and before its bracketed short name ("the Vantor Bank (VB) has
        // said").
        let mut noun = v - 1;
        while noun > 0 && s.tokens[noun].head == Some(v) && s.tokens[noun].upos == Upos::Aux {
            noun -= 1;
        }
        if s.tokens[noun].form == ")" {
            let open = (noun.saturating_sub(5)..noun)
                .rev()
                .find(|&k| s.tokens[k].form == "(");
            if let Some(open) = open.filter(|&o| o > 0) {
                let name = open - 1;
                if (open + 1..noun).all(|k| s.dominates(name, k)) {
                    noun = name;
                }
            }
        }
        // "..., a spokesman for the bank said", "..., sources close to
        // the firm said": the noun before the verb ends a longer phrase
        // that the comma opens; its head is the speaker.
        if let Some(comma) = (0..noun).rev().find(|&k| s.tokens[k].form == ",") {
            let mut top = noun;
            while let Some(h) = s.tokens[top].head.filter(|&h| h > comma && h < top) {
                top = h;
            }
            if top != noun
                && (comma + 1..=noun).all(|k| s.dominates(top, k))
                && matches!(s.tokens[top].upos, Upos::Noun | Upos::Propn)
            {
                noun = top;
            }
        }
        if has_subject
            || !ends
            || !matches!(s.tokens[noun].upos, Upos::Noun | Upos::Propn)
            || s.tokens[noun].head == Some(v)
            || s.dominates(noun, v)
        {
            continue;
        }
        if !opened_by_comma(s, noun) {
            continue;
        }
        if !matches!(
            s.tokens[noun].deprel.split(':').next(),
            Some("conj" | "appos" | "obj" | "nmod" | "obl" | "xcomp")
        ) {
            continue;
        }
        s.tokens[noun].head = Some(v);
        s.tokens[noun].deprel = "nsubj".to_string();
    }
}

/// "Vantor is in talks with Kessel, officials said.": a clause whose
/// predicate is a noun, adjective or prepositional phrase with "be" reports
/// what the speaker after it says, like any other clause before ", X
/// said". The parser, which has no verb to hang the speech verb on, makes
/// the predicate the speech verb's subject, oblique or modifier; the
/// clause then reads as the narrator's own and the speaker is lost (or,
/// when the predicate took the subject slot, joined to the clause's last
/// noun: "talks with Kessel, Ana Ruiz"). A complete copular clause (its own
/// subject and "be", no subordinator) before a comma and a verb of
/// [`CLAUSE_VERBS`] that ends the sentence is that verb's complement; a
/// name between the comma and the verb is its speaker.
fn copular_report_read_as_argument_of_its_speech_verb(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 2..n {
        if s.tokens[v].upos != Upos::Verb
            || !CLAUSE_VERBS.contains(&s.tokens[v].lemma.as_str())
            || !ends_sentence(s, v)
        {
            continue;
        }
        let Some(predicate) = (0..v).find(|&p| {
            s.tokens[p].head == Some(v)
                && !matches!(
                    s.tokens[p].deprel.split(':').next(),
                    Some("ccomp" | "parataxis" | "conj" | "punct" | "aux" | "cc")
                )
                && has_dependent(s, p, &["cop"])
                && (0..p)
                    .any(|k| s.tokens[k].head == Some(p) && s.tokens[k].deprel.starts_with("nsubj"))
                && !has_dependent(s, p, &["mark"])
        }) else {
            continue;
        };
        // The clause ends at the last comma before the speaker.
        let Some(comma) = (predicate + 1..v).rev().find(|&k| s.tokens[k].form == ",") else {
            continue;
        };
        if !(predicate + 1..comma).all(|k| s.dominates(predicate, k)) {
            continue;
        }
        s.tokens[predicate].deprel = "ccomp".to_string();
        let speaker = comma + 1..v;
        let has_subject = speaker
            .clone()
            .any(|k| s.tokens[k].head == Some(v) && s.tokens[k].deprel.starts_with("nsubj"));
        if !has_subject
            && !speaker.is_empty()
            && speaker.len() <= 4
            && speaker.clone().all(|k| s.tokens[k].upos == Upos::Propn)
        {
            let first = comma + 1;
            s.tokens[first].head = Some(v);
            s.tokens[first].deprel = "nsubj".to_string();
            for k in first + 1..v {
                s.tokens[k].head = Some(first);
                s.tokens[k].deprel = "flat".to_string();
            }
        }
    }
}

/// "Vantor will shut the mill, a spokeswoman for the bank said.": the
/// parser reads "for" as a subordinator and "the bank said" as a clause
/// of its own, which makes the bank the speaker and leaves the
/// spokeswoman an oblique of the reported clause. A verb of saying that
/// ends the sentence, whose subject follows a preposition it holds as a
/// subordinator, right after a noun that a comma opens: the noun is the
/// speaker, the preposition's noun phrase its modifier.
fn trailing_speaker_with_modifier_read_as_clause(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 2..n {
        if s.tokens[v].upos != Upos::Verb
            || !CLAUSE_VERBS.contains(&s.tokens[v].lemma.as_str())
            || !ends_sentence(s, v)
        {
            continue;
        }
        let Some(subject) =
            (0..v).find(|&k| s.tokens[k].head == Some(v) && s.tokens[k].deprel == "nsubj")
        else {
            continue;
        };
        let Some(preposition) = (1..subject).rev().find(|&k| {
            s.tokens[k].head == Some(v)
                && s.tokens[k].deprel == "mark"
                && matches!(
                    s.tokens[k].form.to_lowercase().as_str(),
                    "for" | "of" | "at" | "with" | "from"
                )
        }) else {
            continue;
        };
        let noun = preposition - 1;
        if !(preposition + 1..subject).all(|k| s.dominates(subject, k))
            || !matches!(s.tokens[noun].upos, Upos::Noun | Upos::Propn)
            || s.tokens[noun].head == Some(v)
            || s.dominates(v, noun)
        {
            continue;
        }
        if !opened_by_comma(s, noun) {
            continue;
        }
        s.tokens[noun].head = Some(v);
        s.tokens[noun].deprel = "nsubj".to_string();
        s.tokens[subject].head = Some(noun);
        s.tokens[subject].deprel = "nmod".to_string();
        s.tokens[preposition].head = Some(subject);
        s.tokens[preposition].deprel = "case".to_string();
        if s.tokens[v].deprel == "advcl" {
            s.tokens[v].deprel = "parataxis".to_string();
        }
    }
}

/// "Vantor has so-called green rules": the parser made "called" the
/// clause's verb, with "has" its auxiliary and "rules" its object. A
/// participle glued by a hyphen to the word before it ("so-called",
/// "Oslo-based", "long-awaited") is an adjective: in UD English-EWT 65 of
/// 74 such participles modify a noun and the others are predicate
/// adjectives ("is well-informed"); none takes an object. (Prefixes such
/// as "re-elected" stay one token and are not affected.) When such a
/// participle has an auxiliary "have" before it and a noun object after
/// it with no determiner between them, "have" is the verb, the noun its
/// object and the participle the noun's modifier.
fn hyphenated_participle_read_as_verb(s: &mut Sentence) {
    let n = s.tokens.len();
    for p in 2..n {
        if !glued_by_hyphen(s, p)
            || s.tokens[p].upos != Upos::Verb
            || !matches!(s.tokens[p].xpos.as_str(), "VBN" | "VBD")
        {
            continue;
        }
        let Some(aux) = (0..p - 2).find(|&k| {
            s.tokens[k].head == Some(p)
                && s.tokens[k].deprel == "aux"
                && s.tokens[k].lemma == "have"
        }) else {
            continue;
        };
        let Some(object) = (p + 1..n).find(|&k| {
            s.tokens[k].head == Some(p)
                && s.tokens[k].deprel == "obj"
                && matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn)
        }) else {
            continue;
        };
        // Between the participle and its noun only the noun's own
        // modifiers (or the participle's, such as a quoted adjective), no
        // determiner: "has so-called the rules" is no English.
        if (p + 1..object).any(|k| matches!(s.tokens[k].upos, Upos::Det | Upos::Verb | Upos::Aux)) {
            continue;
        }
        let (head, deprel) = (s.tokens[p].head, s.tokens[p].deprel.clone());
        for k in 0..n {
            if s.tokens[k].head != Some(p) || k == aux || k == object {
                continue;
            }
            if k + 2 >= p && k < p {
                continue; // the hyphen and the first part stay with the participle
            }
            if k > p && k < object {
                // A word between them modifies the noun ("so-called
                // \"shield\" laws"), whatever the parser made it of the
                // participle.
                s.tokens[k].head = Some(object);
                match s.tokens[k].upos {
                    Upos::Noun | Upos::Propn => s.tokens[k].deprel = "compound".to_string(),
                    Upos::Adj => s.tokens[k].deprel = "amod".to_string(),
                    _ => {}
                }
            } else {
                s.tokens[k].head = Some(aux);
            }
        }
        s.tokens[aux].head = head;
        s.tokens[aux].deprel = deprel;
        s.tokens[aux].upos = Upos::Verb;
        s.tokens[object].head = Some(aux);
        s.tokens[p].head = Some(object);
        s.tokens[p].deprel = "amod".to_string();
    }
}

/// Whether token `p` (at least the third) is glued by a hyphen to the word
/// two before it, with no space on either side ("so - called" as one
/// "so-called").
fn glued_by_hyphen(s: &Sentence, p: usize) -> bool {
    let (w, h, t) = (&s.tokens[p - 2], &s.tokens[p - 1], &s.tokens[p]);
    h.form == "-" && w.span.end == h.span.start && h.span.end == t.span.start
}

/// "PC-owning consumers bought tablets": the parser made "PC" the subject,
/// "owning" its clause and "consumers" what is owned. A noun glued by a
/// hyphen to an "-ing" form right before a noun ("oil-producing countries",
/// "policy-making council") is one modifier of that noun, as UD English-EWT
/// annotates it: the first word a compound of the "-ing" form, the "-ing"
/// form the noun's amod, and the noun takes the place the phrase has in
/// the sentence.
fn hyphenated_gerund_read_as_verb(s: &mut Sentence) {
    let n = s.tokens.len();
    for g in 2..n.saturating_sub(1) {
        let (w, h, noun) = (g - 2, g - 1, g + 1);
        if !glued_by_hyphen(s, g)
            || s.tokens[g].xpos != "VBG"
            || !matches!(s.tokens[w].upos, Upos::Noun | Upos::Propn)
            || !matches!(s.tokens[noun].xpos.as_str(), "NN" | "NNS")
            || s.tokens[g].head == Some(noun)
        {
            continue;
        }
        // The four words must form one piece of the tree: the top is the
        // one whose head is outside them.
        let inside = |k: Option<usize>| k.is_some_and(|k| (w..=noun).contains(&k));
        let tops: Vec<usize> = (w..=noun).filter(|&k| !inside(s.tokens[k].head)).collect();
        let [top] = tops[..] else {
            continue;
        };
        let (head, deprel) = (s.tokens[top].head, s.tokens[top].deprel.clone());
        // Whatever hung on the old top or the "-ing" form from outside the
        // four words (a determiner, the noun's own modifiers) is the noun's.
        for k in 0..n {
            if (w..=noun).contains(&k) {
                continue;
            }
            if s.tokens[k].head == Some(top) || s.tokens[k].head == Some(g) {
                s.tokens[k].head = Some(noun);
            }
        }
        s.tokens[noun].head = head;
        s.tokens[noun].deprel = deprel;
        s.tokens[g].head = Some(noun);
        s.tokens[g].deprel = "amod".to_string();
        s.tokens[w].head = Some(g);
        s.tokens[w].deprel = "compound".to_string();
        s.tokens[h].head = Some(g);
        s.tokens[h].deprel = "punct".to_string();
    }
}

/// "Prices will rise, says the Vantor Institute.": after what was said,
/// news puts the verb of saying before its subject, and the parser took
/// the speaker for the verb's object. A verb of saying whose clause comes
/// before it, with no subject of its own, has its speaker after it.
fn inverted_speaker_read_as_object(s: &mut Sentence) {
    const INVERTING: &[&str] = &[
        "say", "add", "write", "explain", "note", "insist", "argue", "claim", "warn", "state",
        "continue", "reply", "recall",
    ];
    for v in 0..s.tokens.len() {
        if s.tokens[v].upos != Upos::Verb || !INVERTING.contains(&s.tokens[v].lemma.as_str()) {
            continue;
        }
        let said_before = s
            .tokens
            .iter()
            .enumerate()
            .any(|(k, t)| k < v && t.head == Some(v) && t.deprel == "ccomp");
        if !said_before || has_dependent(s, v, &["nsubj", "nsubj:pass", "expl"]) {
            continue;
        }
        let objects: Vec<usize> = (v + 1..s.tokens.len())
            .filter(|&k| s.tokens[k].head == Some(v) && s.tokens[k].deprel == "obj")
            .collect();
        if let [o] = objects[..] {
            if matches!(s.tokens[o].upos, Upos::Noun | Upos::Propn | Upos::Pron) {
                s.tokens[o].deprel = "nsubj".to_string();
            }
        }
    }
}

/// "Japan's ruling party chose a leader", "the firm's leading brand sold
/// well": the parser reads the "-ing" word after a possessive as a verb,
/// with the possessor its subject ("Japan rules the party"). A possessive
/// needs a noun to own, and an "-ing" word right after it with no
/// determiner before the nouns that follow is that noun's modifier: the
/// "-ing" word is an adjective of the last noun of the run, the possessor
/// that noun's, and the noun takes the place the phrase had in the
/// sentence. A gerund clause ("Japan's joining the pact") has a
/// determiner or a verb's object after it and stays.
fn participle_after_a_possessive_read_as_verb(s: &mut Sentence) {
    let n = s.tokens.len();
    for i in 1..n.saturating_sub(2) {
        let g = i + 1;
        if s.tokens[i].xpos != "POS" || s.tokens[g].xpos != "VBG" || s.tokens[g].upos != Upos::Verb
        {
            continue;
        }
        let Some(owner) = s.tokens[i].head.filter(|&o| o < i) else {
            continue;
        };
        // The nouns after it, with their adjectives: the owned phrase.
        let run = (g + 1..n)
            .take_while(|&k| {
                matches!(
                    s.tokens[k].xpos.as_str(),
                    "NN" | "NNS" | "NNP" | "NNPS" | "JJ"
                )
            })
            .count();
        let Some(noun) = (g + 1..g + 1 + run)
            .rev()
            .find(|&k| matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn))
        else {
            continue;
        };
        // Nothing of the "-ing" word's own outside the phrase.
        let in_phrase = |k: usize| k == owner || (i..=noun).contains(&k);
        if (0..n).any(|k| s.tokens[k].head == Some(g) && !in_phrase(k)) {
            continue;
        }
        // The phrase's place: the noun's own when it hangs outside, else
        // the one the possessor or the "-ing" word had.
        let outside = |k: usize| s.tokens[k].head.is_none_or(|h| !in_phrase(h));
        let place = [noun, owner, g]
            .into_iter()
            .find(|&k| outside(k))
            .map(|k| (s.tokens[k].head, s.tokens[k].deprel.clone()));
        let Some((head, deprel)) = place else {
            continue;
        };
        s.tokens[noun].head = head;
        s.tokens[noun].deprel = deprel;
        s.tokens[g].head = Some(noun);
        s.tokens[g].deprel = "amod".to_string();
        s.tokens[owner].head = Some(noun);
        s.tokens[owner].deprel = "nmod:poss".to_string();
        for k in g + 1..noun {
            if s.tokens[k]
                .head
                .is_none_or(|h| !(g + 1..=noun).contains(&h))
            {
                s.tokens[k].head = Some(noun);
                s.tokens[k].deprel = if s.tokens[k].upos == Upos::Adj {
                    "amod"
                } else {
                    "compound"
                }
                .to_string();
            }
        }
    }
}

/// "Monitoring firm Vantor said ...", "Consulting firm Kessel estimated
/// ...": a sentence that opens with an "-ing" form, a bare noun and a name
/// that is the subject of the main verb is a description of the name (a
/// firm that does monitoring), not a clause: the parser had "monitoring"
/// take "firm" as its object, so Vantor monitored a firm. A gerund clause
/// opening a sentence keeps its own subject-less reading when its object
/// has a determiner ("Monitoring the firm, Vantor said ...") or a comma
/// closes it.
fn gerund_of_a_named_noun_read_as_verb(s: &mut Sentence) {
    let (g, noun, name) = (0, 1, 2);
    if s.tokens.len() < 4
        || s.tokens[g].xpos != "VBG"
        || !s.tokens[g]
            .form
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        || s.tokens[noun].head != Some(g)
        || s.tokens[noun].deprel != "obj"
        || !matches!(s.tokens[noun].xpos.as_str(), "NN" | "NNS")
        || s.tokens[name].upos != Upos::Propn
        || !s.tokens[name].deprel.starts_with("nsubj")
        || s.tokens[name].head.is_none_or(|h| h <= noun)
    {
        return;
    }
    // Nothing else hangs on the two words: no determiner, no phrase.
    if s.tokens
        .iter()
        .enumerate()
        .any(|(k, t)| k != noun && (t.head == Some(g) || t.head == Some(noun)))
    {
        return;
    }
    s.tokens[g].head = Some(noun);
    s.tokens[g].deprel = "amod".to_string();
    s.tokens[noun].head = Some(name);
    s.tokens[noun].deprel = "compound".to_string();
}

/// The first word from `k` on that is not a modifier standing between a
/// clause verb's object and the verb of the clause that object is the
/// subject of: an adverb of a later word ("said it quickly sold") or a
/// whole prepositional phrase hung on the clause verb `v` ("said comments
/// by the board at a meeting on Tuesday helped"; the parser, having made
/// the noun the object, hangs what follows on the verb).
fn after_modifiers(s: &Sentence, v: usize, mut k: usize) -> usize {
    let n = s.tokens.len();
    while k < n {
        let t = &s.tokens[k];
        if t.deprel == "advmod" && t.upos == Upos::Adv && t.head.is_some_and(|h| h > k) {
            k += 1;
            continue;
        }
        // A phrase opened by its preposition; its top word a dependent of
        // `v` dominating `k`, with its whole phrase from `k` on, unbroken.
        if !(t.upos == Upos::Adp && t.deprel == "case") {
            break;
        }
        let top = (k..n).find(|&d| {
            s.tokens[d].head == Some(v)
                && s.tokens[d].deprel.starts_with("obl")
                && s.dominates(d, k)
        });
        let Some(top) = top else {
            break;
        };
        // "until the price reaches": the verb after a word that opens
        // clauses is that word's own clause. Not after the words that are
        // as often prepositions ("profits before taxes were", "as a share
        // of the economy would"), nor after "until" with a time ("until
        // 2001 the rules will").
        let word = t.form.to_lowercase();
        if SUBORDINATORS.contains(&word.as_str())
            && !matches!(word.as_str(), "after" | "before" | "since" | "as")
            && !(matches!(word.as_str(), "until" | "till")
                && (s.tokens[top].upos == Upos::Num
                    || names::is_time_noun(&s.tokens[top].form.to_lowercase())))
        {
            break;
        }
        let end = (k..n)
            .take_while(|&j| s.dominates(top, j))
            .last()
            .unwrap_or(k);
        if (0..k).any(|j| s.dominates(top, j)) || (end + 1..n).any(|j| s.dominates(top, j)) {
            break;
        }
        k = end + 1;
    }
    k
}

/// "The firm confirmed the bank had asked for talks": the parser made
/// "bank" the object of "confirmed" and left "asked" without a subject.
/// When a noun object of a clause verb ([`CLAUSE_VERBS`]) is followed at
/// once by a finite verb or auxiliary, and that verb's clause has no
/// subject, the noun becomes its subject and the clause the complement of
/// the clause verb.
fn subject_read_as_object(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 0..n {
        if s.tokens[v].upos != Upos::Verb || !CLAUSE_VERBS.contains(&s.tokens[v].lemma.as_str()) {
            continue;
        }
        // "ruled out a deal", "found out the cost": a phrasal verb is
        // another verb, which takes no clause this way.
        if has_dependent(s, v, &["compound:prt"]) {
            continue;
        }
        let Some(object) = (0..n).find(|&k| {
            s.tokens[k].head == Some(v)
                && s.tokens[k].deprel == "obj"
                && (matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn)
                    // "said it sold": "it" has no other case to show it.
                    || s.tokens[k].upos == Upos::Pron && s.tokens[k].form.eq_ignore_ascii_case("it"))
                && k > v
        }) else {
            continue;
        };
        // "said the dockers and drivers backed the strike": the parser
        // hung the finite verb on the noun phrase as a clause modifier,
        // which a finite verb with no subject and no relative word cannot
        // be; the noun phrase ends before it.
        let hung = (object + 1..n).find(|&k| {
            s.tokens[k].deprel == "acl"
                && matches!(s.tokens[k].xpos.as_str(), "VBD" | "VBZ" | "VBP")
                && s.tokens[k].head.is_some_and(|h| {
                    h == object
                        || s.tokens[h].deprel == "conj" && s.tokens[h].head == Some(object)
                })
                && !s.tokens.iter().any(|t| {
                    t.head == Some(k)
                        && (matches!(
                            t.deprel.split(':').next(),
                            // A word with a determiner or preposition of
                            // its own is a noun the tagger misread.
                            Some("nsubj" | "mark" | "det" | "case" | "nummod" | "amod")
                        ) || t.upos == Upos::Pron && t.xpos.starts_with('W'))
                })
                && (object..k).all(|j| s.dominates(object, j) && !s.dominates(k, j))
                // The noun phrase ends in its noun, not in a number or a
                // determiner (then the "verb" is a misread noun).
                && matches!(s.tokens[k - 1].upos, Upos::Noun | Upos::Propn)
                && s.tokens[k - 1].form.chars().all(char::is_alphabetic)
        });
        if let Some(k) = hung {
            s.tokens[k].head = Some(v);
            s.tokens[k].deprel = "ccomp".to_string();
            s.tokens[object].head = Some(k);
            s.tokens[object].deprel = "nsubj".to_string();
            continue;
        }
        let last = (object..n)
            .take_while(|&k| s.dominates(object, k))
            .last()
            .unwrap_or(object);
        let at = after_modifiers(s, v, last + 1);
        // Not past modifiers when a clause inside the noun phrase has a
        // conjunct: that may be the subject ("decisions should be taken
        // ... and the plan wrongly infringes", the plan hung on "taken").
        if at > last + 1
            && (object..=last).any(|k| {
                s.tokens[k].deprel == "conj"
                    && s.tokens[k].head.is_some_and(|h| {
                        (object..=last).contains(&h) && s.tokens[h].upos == Upos::Verb
                    })
            })
        {
            continue;
        }
        let Some(finite) = s.tokens.get(at) else {
            continue;
        };
        if !matches!(finite.upos, Upos::Verb | Upos::Aux)
            || !matches!(finite.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
        {
            continue;
        }
        // The clause's head: the verb itself, or what an auxiliary or
        // copula hangs on.
        let head = if finite.upos == Upos::Aux {
            match finite.head {
                Some(h) if h > last => h,
                _ => continue,
            }
        } else {
            at
        };
        let has_subject = s.tokens.iter().any(|t| {
            t.head == Some(head) && matches!(t.deprel.split(':').next(), Some("nsubj" | "csubj"))
        });
        if has_subject || head == v || s.dominates(head, v) || s.dominates(object, head) {
            continue;
        }
        // A verb with its own "and"/"but" is a conjunct, not a complement;
        // "a measure called the PSE", "the quarter just ended": a naming
        // verb, or an end or start after a period, is the noun's modifier.
        let lemma = s.tokens[head].lemma.as_str();
        let bare_verb = finite.upos == Upos::Verb;
        if has_dependent(s, head, &["cc"])
            || bare_verb && CALLING_VERBS.contains(&lemma)
            || bare_verb
                && matches!(lemma, "end" | "begin" | "start")
                && PERIOD_NOUNS.contains(&s.tokens[at - 1].lemma.to_lowercase().as_str())
        {
            continue;
        }
        s.tokens[object].deprel = subject_relation(s, head);
        s.tokens[object].head = Some(head);
        s.tokens[head].head = Some(v);
        s.tokens[head].deprel = "ccomp".to_string();
    }
}

/// "Officials said Vantor, which owns three mills, would close one": the
/// subject of what is said carries a relative clause set off by commas,
/// and the parser, reaching the comma, hangs the noun phrase on the verb of
/// saying (as its object or a second subject), the relative clause beside
/// it, and the verb of what is said on the relative clause or the verb of
/// saying without a subject. After a verb that takes a clause
/// ([`CLAUSE_VERBS`]), a noun phrase, a comma, "which" or "who" opening a
/// clause, a comma and a finite verb group (a modal, an auxiliary or a
/// verb in the past or present tense) can only be read one way: the noun
/// phrase is the subject of that verb, the relative clause modifies it, and
/// the verb's clause is what is said.
fn subject_with_a_relative_clause_read_as_argument_of_the_speech_verb(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 0..n {
        if s.tokens[v].upos != Upos::Verb || !CLAUSE_VERBS.contains(&s.tokens[v].lemma.as_str()) {
            continue;
        }
        let mut start = v + 1;
        if s.tokens
            .get(start)
            .is_some_and(|t| t.form.eq_ignore_ascii_case("that"))
        {
            start += 1;
        }
        // The noun phrase: nominal words up to a comma, ending in a noun.
        let Some(comma) = (start..n).find(|&k| s.tokens[k].form == ",") else {
            continue;
        };
        let nominal = |k: usize| {
            matches!(
                s.tokens[k].upos,
                Upos::Det | Upos::Propn | Upos::Noun | Upos::Adj | Upos::Num
            ) || s.tokens[k].xpos == "HYPH"
                || s.tokens[k].xpos == "POS"
        };
        if comma == start
            || !(start..comma).all(nominal)
            || !matches!(s.tokens[comma - 1].upos, Upos::Noun | Upos::Propn)
        {
            continue;
        }
        // Its head: the one word whose head lies outside it.
        let outside: Vec<usize> = (start..comma)
            .filter(|&k| {
                s.tokens[k]
                    .head
                    .is_none_or(|h| !(start..comma).contains(&h))
            })
            .collect();
        let [head] = outside[..] else {
            continue;
        };
        let Some(relative) = s.tokens.get(comma + 1).filter(|t| {
            matches!(t.xpos.as_str(), "WDT" | "WP")
                && matches!(t.form.to_lowercase().as_str(), "which" | "who")
        }) else {
            continue;
        };
        let Some(clause) = relative
            .head
            .filter(|&r| r > comma + 1 && s.tokens[r].upos == Upos::Verb)
        else {
            continue;
        };
        // The comma that closes the relative clause, and the finite verb
        // group right after it.
        let Some((close, verb)) = (clause + 1..n)
            .filter(|&k| s.tokens[k].form == ",")
            .find_map(|k| finite_group_after(s, k).map(|m| (k, m)))
        else {
            continue;
        };
        // The relative clause lies between the commas; the verb says what
        // is said and has no subject of its own yet.
        if !(comma + 1..close).all(|k| s.dominates(clause, k) || s.dominates(verb, k) && k > clause)
            || (0..n).any(|k| {
                k != head
                    && s.tokens[k].head == Some(verb)
                    && s.tokens[k].deprel.starts_with("nsubj")
            })
            || s.dominates(verb, v)
        {
            continue;
        }
        s.tokens[head].deprel = subject_relation(s, verb);
        s.tokens[verb].head = Some(v);
        s.tokens[verb].deprel = "ccomp".to_string();
        s.tokens[head].head = Some(verb);
        s.tokens[clause].head = Some(head);
        s.tokens[clause].deprel = "acl:relcl".to_string();
        for k in [comma, close] {
            s.tokens[k].head = Some(clause);
            s.tokens[k].deprel = "punct".to_string();
        }
        if start > v + 1 {
            s.tokens[v + 1].head = Some(verb);
            s.tokens[v + 1].deprel = "mark".to_string();
        }
    }
}

/// "Demand will grow as most operators have launched networks": "as",
/// "since", "after", "before", "until" are prepositions and subordinators
/// both, and the parser, reading "as most operators", makes the noun its
/// object and leaves the clause's verb without a subject. A noun phrase
/// after one of them that runs straight into a finite verb group (a
/// modal, an auxiliary, a verb in the past or present tense) whose verb has
/// no subject is that verb's subject, and the word is the clause's marker.
fn subordinator_read_as_preposition(s: &mut Sentence) {
    let n = s.tokens.len();
    for p in 0..n {
        if s.tokens[p].deprel != "case"
            || !matches!(
                s.tokens[p].form.to_lowercase().as_str(),
                "as" | "since" | "after" | "before" | "until" | "till"
            )
        {
            continue;
        }
        let Some(noun) = s.tokens[p].head.filter(|&h| h > p) else {
            continue;
        };
        if !matches!(s.tokens[noun].deprel.as_str(), "obl" | "nmod")
            || !matches!(
                s.tokens[noun].upos,
                Upos::Noun | Upos::Propn | Upos::Pron | Upos::Det | Upos::Num
            )
        {
            continue;
        }
        let end = (noun..n)
            .take_while(|&k| s.dominates(noun, k))
            .last()
            .unwrap_or(noun);
        // The phrase is the words from the preposition to its end, with
        // no comma (after one, the clause may be the sentence's own: "as a
        // result of the vote, the plan is dead").
        if !(p + 1..=end).all(|k| s.dominates(noun, k) && s.tokens[k].form != ",") {
            continue;
        }
        let Some(verb) = finite_group_after(s, end) else {
            continue;
        };
        if s.dominates(verb, noun)
            || (0..n)
                .any(|k| s.tokens[k].head == Some(verb) && s.tokens[k].deprel.starts_with("nsubj"))
        {
            continue;
        }
        let Some(host) = s.tokens[noun].head else {
            continue;
        };
        if s.dominates(verb, host) {
            continue;
        }
        s.tokens[noun].deprel = subject_relation(s, verb);
        s.tokens[noun].head = Some(verb);
        s.tokens[p].head = Some(verb);
        s.tokens[p].deprel = "mark".to_string();
        if s.tokens[verb].head != Some(host) {
            s.tokens[verb].head = Some(host);
        }
        s.tokens[verb].deprel = "advcl".to_string();
    }
}

/// "Ruiz, The Tollund Trio, Jan Brandt and Ola Lind": a list of names that
/// the parser read as appositions stacked on each other (each name
/// describing the one before), with the last name a conjunct of the one
/// before it. A name in apposition whose own apposition has a conjunct
/// joined by "and" or "or", all of them names, is a list: every member is
/// a conjunct of the first.
fn list_read_as_stacked_appositions(s: &mut Sentence) {
    let n = s.tokens.len();
    // A name: a proper noun, or a capitalised noun inside the sentence
    // ("The Harlow Players"); descriptions ("a chemist") are appositions.
    let name = |s: &Sentence, i: usize| {
        s.tokens[i].upos == Upos::Propn
            || s.tokens[i].upos == Upos::Noun
                && i > 0
                && s.tokens[i]
                    .form
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
    };
    for b in 0..n {
        let Some(a) = s.tokens[b].head else { continue };
        if s.tokens[b].deprel != "appos" || a > b || !name(s, a) || !name(s, b) {
            continue;
        }
        let Some(c) = (b + 1..n)
            .find(|&k| s.tokens[k].head == Some(b) && s.tokens[k].deprel == "appos" && name(s, k))
        else {
            continue;
        };
        let Some(d) = (c + 1..n).find(|&k| {
            s.tokens[k].head == Some(c)
                && s.tokens[k].deprel == "conj"
                && name(s, k)
                && (c + 1..k).any(|m| {
                    s.tokens[m].head == Some(k)
                        && s.tokens[m].deprel == "cc"
                        && matches!(s.tokens[m].lemma.as_str(), "and" | "or")
                })
        }) else {
            continue;
        };
        // (Inside brackets the names may describe one another: "Lind (then
        // CEO, Vantor Group)".)
        if (a..d).any(|k| matches!(s.tokens[k].form.as_str(), "(" | ")")) {
            continue;
        }
        for k in [b, c, d] {
            s.tokens[k].head = Some(a);
            s.tokens[k].deprel = "conj".to_string();
        }
    }
}

/// Verbs of a change in amount or level that take no object ("prices
/// rose", never "rose prices"): their "-ing" form before a noun is an
/// adjective ("rising costs", "falling demand"). (Not "mount", "sink" or
/// "dip", which also take objects: "mounting a campaign".)
const INTRANSITIVE_CHANGE_VERBS: &[&str] = &[
    "rise",
    "fall",
    "decline",
    "soar",
    "slump",
    "dwindle",
    "surge",
    "sag",
    "plunge",
    "tumble",
    "spiral",
    "rocket",
    "shrink",
    "fluctuate",
    "rebound",
    "slide",
];

/// "blamed rising costs", "because of falling prices": the "-ing" form of
/// a verb that takes no object ([`INTRANSITIVE_CHANGE_VERBS`]) right before
/// a bare noun modifies that noun; the parser, seeing a verb form, made it
/// a clause with the noun as its object, and the clause took a subject
/// from the sentence ("Vantor fall prices"). The noun takes the
/// participle's place (with the preposition that opened it), and the
/// participle becomes its modifier.
fn participle_of_change_read_as_verb(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 0..n {
        let t = &s.tokens[v];
        if t.upos != Upos::Verb
            || t.xpos != "VBG"
            || !INTRANSITIVE_CHANGE_VERBS.contains(&t.lemma.as_str())
        {
            continue;
        }
        let Some(head) = t.head else { continue };
        let Some(noun) =
            (v + 1..n).find(|&k| s.tokens[k].head == Some(v) && s.tokens[k].deprel == "obj")
        else {
            continue;
        };
        // A bare noun right after it, with only its own modifiers between
        // (no determiner: "the" would make it a gerund's object).
        let bare = matches!(s.tokens[noun].upos, Upos::Noun | Upos::Propn)
            && (v + 1..noun).all(|k| {
                s.tokens[k].head == Some(noun)
                    && matches!(s.tokens[k].deprel.as_str(), "amod" | "compound")
            })
            && !(0..n).any(|k| {
                s.tokens[k].head == Some(noun)
                    && matches!(s.tokens[k].deprel.as_str(), "det" | "nmod:poss")
            });
        if !bare || has_dependent(s, v, &["nsubj", "nsubj:pass", "aux", "aux:pass", "iobj"]) {
            continue;
        }
        let markers: Vec<usize> = (0..v)
            .filter(|&k| {
                s.tokens[k].head == Some(v)
                    && matches!(s.tokens[k].deprel.as_str(), "mark" | "case")
            })
            .collect();
        let deprel = if !markers.is_empty() {
            if s.tokens[head].upos == Upos::Verb {
                "obl"
            } else {
                "nmod"
            }
        } else {
            match s.tokens[v].deprel.as_str() {
                "xcomp" | "ccomp" => "obj",
                "advcl" => "obl",
                other => other,
            }
        }
        .to_string();
        s.tokens[noun].head = Some(head);
        s.tokens[noun].deprel = deprel;
        // The clause's own adjuncts ("blamed rising costs for the loss")
        // go to the verb above; the rest stays with the noun phrase.
        for k in 0..n {
            if k == noun || s.tokens[k].head != Some(v) {
                continue;
            }
            if markers.contains(&k) {
                s.tokens[k].head = Some(noun);
                s.tokens[k].deprel = "case".to_string();
            } else if matches!(
                s.tokens[k].deprel.as_str(),
                "obl" | "advcl" | "punct" | "advmod"
            ) {
                s.tokens[k].head = Some(head);
            } else {
                s.tokens[k].head = Some(noun);
            }
        }
        s.tokens[v].head = Some(noun);
        s.tokens[v].deprel = "amod".to_string();
    }
}

/// The verb of a finite verb group that starts right after token `k`: a
/// modal or auxiliary and adverbs before a verb ("would soon close", "had
/// resigned"), or a verb in the past or present tense ("closed").
fn finite_group_after(s: &Sentence, k: usize) -> Option<usize> {
    let first = s.tokens.get(k + 1)?;
    let finite = matches!(first.xpos.as_str(), "MD" | "VBD" | "VBZ" | "VBP");
    if !finite {
        return None;
    }
    if first.upos == Upos::Verb {
        return Some(k + 1);
    }
    if first.upos != Upos::Aux {
        return None;
    }
    let mut m = k + 2;
    while s
        .tokens
        .get(m)
        .is_some_and(|t| matches!(t.upos, Upos::Aux | Upos::Adv | Upos::Part))
    {
        m += 1;
    }
    s.tokens
        .get(m)
        .filter(|t| matches!(t.upos, Upos::Verb | Upos::Adj))
        .map(|_| m)
}

/// "The suspects currently detained are held at Harlow": a past participle
/// right after a noun, with no auxiliary of its own, is a reduced relative
/// clause on that noun ("suspects [who are] detained"); the parser made the
/// participle the subject's head and the noun its subject. A participle
/// that heads a subject and has a noun subject before it and no auxiliary
/// or copula cannot be a clause (a clause as subject needs "that", "to" or
/// "-ing"): the noun is the subject, the participle modifies it.
fn participle_after_the_subject_read_as_its_head(s: &mut Sentence) {
    let n = s.tokens.len();
    for p in 0..n {
        let t = &s.tokens[p];
        if t.upos != Upos::Verb || t.xpos != "VBN" || !t.deprel.starts_with("nsubj") {
            continue;
        }
        let Some(head) = t.head.filter(|&h| h > p) else {
            continue;
        };
        if has_dependent(s, p, &["aux", "aux:pass", "cop", "mark"]) {
            continue;
        }
        let Some(noun) = (0..p).find(|&k| {
            s.tokens[k].head == Some(p)
                && s.tokens[k].deprel.starts_with("nsubj")
                && matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn)
        }) else {
            continue;
        };
        // Only adverbs between the noun and its participle ("currently").
        if !(noun + 1..p).all(|k| s.dominates(noun, k) || s.tokens[k].upos == Upos::Adv) {
            continue;
        }
        s.tokens[noun].head = Some(head);
        s.tokens[noun].deprel = s.tokens[p].deprel.clone();
        s.tokens[p].head = Some(noun);
        s.tokens[p].deprel = "acl".to_string();
    }
}

/// "By signing the pact on Tuesday, the ministers have overcome the
/// problem": the parser carries the opening adverbial clause past its
/// comma and takes the main clause's subject for one of its arguments,
/// leaving the main verb without a subject. A noun phrase right after the
/// comma that closes an opening clause, hung on that clause without a
/// preposition, and ending right before the main verb (or its auxiliary),
/// is the main verb's subject.
fn subject_read_as_argument_of_an_opening_clause(s: &mut Sentence) {
    let n = s.tokens.len();
    for v in 0..n {
        if s.tokens[v].upos != Upos::Verb || has_dependent(s, v, &["nsubj", "nsubj:pass", "csubj"])
        {
            continue;
        }
        let Some(clause) = (0..v).find(|&c| {
            s.tokens[c].head == Some(v)
                && s.tokens[c].deprel == "advcl"
                && matches!(s.tokens[c].upos, Upos::Verb)
                && has_dependent(s, c, &["mark"])
        }) else {
            continue;
        };
        // The main verb's group starts at its first auxiliary.
        let group = (clause + 1..v)
            .find(|&k| {
                s.tokens[k].head == Some(v)
                    && matches!(s.tokens[k].deprel.as_str(), "aux" | "aux:pass")
            })
            .unwrap_or(v);
        // (The last such argument: the clause's own object comes first.)
        let Some(noun) = (clause + 1..group).rev().find(|&k| {
            s.tokens[k].head == Some(clause)
                && matches!(s.tokens[k].deprel.as_str(), "obl" | "obj" | "nsubj")
                && matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Pron)
                && !has_dependent(s, k, &["case"])
        }) else {
            continue;
        };
        // (The parser may have hung the comma itself on the noun.)
        let start = (0..=noun)
            .find(|&k| s.dominates(noun, k) && s.tokens[k].upos != Upos::Punct)
            .unwrap_or(noun);
        let end = (noun..n)
            .take_while(|&k| s.dominates(noun, k))
            .last()
            .unwrap_or(noun);
        let finite = matches!(s.tokens[group].xpos.as_str(), "MD" | "VBD" | "VBZ" | "VBP");
        if end + 1 != group || !finite || start == 0 || s.tokens[start - 1].form != "," {
            continue;
        }
        s.tokens[noun].deprel = subject_relation(s, v);
        s.tokens[noun].head = Some(v);
        s.tokens[start - 1].head = Some(clause);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Span, Token};

    /// A sentence from `(form, lemma, upos, xpos, head, deprel)` rows,
    /// heads 1-based as in CoNLL-U (0 for the root).
    fn sentence(rows: &[(&str, &str, Upos, &str, usize, &str)]) -> Sentence {
        let tokens: Vec<Token> = rows
            .iter()
            .map(|&(form, lemma, upos, xpos, head, deprel)| Token {
                span: Span::new(0, 0),
                form: form.into(),
                lemma: lemma.into(),
                upos,
                xpos: xpos.into(),
                head: head.checked_sub(1),
                deprel: deprel.into(),
            })
            .collect();
        Sentence {
            span: Span::new(0, 0),
            tokens,
        }
    }

    fn heads(s: &Sentence) -> Vec<(Option<usize>, &str)> {
        s.tokens
            .iter()
            .map(|t| (t.head.map(|h| h + 1), t.deprel.as_str()))
            .collect()
    }

    #[test]
    fn a_participle_after_its_noun_modifies_it() {
        use Upos::*;
        // "The workers currently employed are housed in Tollund ." with
        // "employed" as the head of the subject and "workers" its subject.
        let mut s = sentence(&[
            ("The", "the", Det, "DT", 2, "det"),
            ("workers", "worker", Noun, "NNS", 4, "nsubj"),
            ("currently", "currently", Adv, "RB", 4, "advmod"),
            ("employed", "employ", Verb, "VBN", 6, "nsubj:pass"),
            ("are", "be", Aux, "VBP", 6, "aux:pass"),
            ("housed", "house", Verb, "VBN", 0, "root"),
            ("in", "in", Adp, "IN", 8, "case"),
            ("Tollund", "Tollund", Propn, "NNP", 6, "obl"),
            (".", ".", Punct, ".", 6, "punct"),
        ]);
        participle_after_the_subject_read_as_its_head(&mut s);
        let got = heads(&s);
        assert_eq!(got[1], (Some(6), "nsubj:pass"));
        assert_eq!(got[3], (Some(2), "acl"));
    }

    #[test]
    fn the_subject_after_an_opening_clause_is_the_main_verb_s() {
        use Upos::*;
        // "By closing the mill , the owners of Kessel have cut costs ."
        // with "owners" hung on "closing".
        let rows = |owners_head: usize, owners_rel: &'static str| {
            sentence(&[
                ("By", "by", Sconj, "IN", 2, "mark"),
                ("closing", "close", Verb, "VBG", 11, "advcl"),
                ("the", "the", Det, "DT", 4, "det"),
                ("mill", "mill", Noun, "NN", 2, "obj"),
                (",", ",", Punct, ",", 7, "punct"),
                ("the", "the", Det, "DT", 7, "det"),
                ("owners", "owner", Noun, "NNS", owners_head, owners_rel),
                ("of", "of", Adp, "IN", 9, "case"),
                ("Kessel", "Kessel", Propn, "NNP", 7, "nmod"),
                ("have", "have", Aux, "VBP", 11, "aux"),
                ("cut", "cut", Verb, "VBN", 0, "root"),
                ("costs", "cost", Noun, "NNS", 11, "obj"),
                (".", ".", Punct, ".", 11, "punct"),
            ])
        };
        let mut s = rows(2, "obl");
        subject_read_as_argument_of_an_opening_clause(&mut s);
        let got = heads(&s);
        assert_eq!(got[6], (Some(11), "nsubj"));
        assert_eq!(got[4], (Some(2), "punct"));
        // The clause's own object stays.
        assert_eq!(got[3], (Some(2), "obj"));
        // A main verb with a subject of its own is left alone.
        let mut s = rows(11, "nsubj");
        let before = heads(&s)
            .iter()
            .map(|(h, r)| (*h, r.to_string()))
            .collect::<Vec<_>>();
        subject_read_as_argument_of_an_opening_clause(&mut s);
        let after = heads(&s)
            .iter()
            .map(|(h, r)| (*h, r.to_string()))
            .collect::<Vec<_>>();
        assert_eq!(before, after);
    }

    #[test]
    fn a_list_of_names_read_as_stacked_appositions() {
        use Upos::*;
        // "Ruiz , Lind , Brandt and Reyes left ." with "Lind" in apposition
        // to "Ruiz", "Brandt" to "Lind" and "Reyes" a conjunct of "Brandt".
        let rows = |open: &'static str, close: &'static str| {
            sentence(&[
                ("Ruiz", "Ruiz", Propn, "NNP", 9, "nsubj"),
                (",", ",", Punct, ",", 3, "punct"),
                ("Lind", "Lind", Propn, "NNP", 1, "appos"),
                (open, open, Punct, ",", 5, "punct"),
                ("Brandt", "Brandt", Propn, "NNP", 3, "appos"),
                ("and", "and", Cconj, "CC", 7, "cc"),
                ("Reyes", "Reyes", Propn, "NNP", 5, "conj"),
                (close, close, Punct, ",", 5, "punct"),
                ("left", "leave", Verb, "VBD", 0, "root"),
            ])
        };
        let mut s = rows(",", ",");
        list_read_as_stacked_appositions(&mut s);
        let got = heads(&s);
        for k in [2, 4, 6] {
            assert_eq!(got[k], (Some(1), "conj"), "{got:?}");
        }
        // Inside brackets the names may describe one another.
        let mut s = rows("(", ")");
        list_read_as_stacked_appositions(&mut s);
        assert_eq!(heads(&s)[2], (Some(1), "appos"));
    }

    #[test]
    fn the_noun_after_coordinated_modifiers_heads_them() {
        use Upos::*;
        // "Norway opposed the oils and fats tax ." with "tax" hung on
        // "oils" as a bare modifier.
        let mut s = sentence(&[
            ("Norway", "Norway", Propn, "NNP", 2, "nsubj"),
            ("opposed", "oppose", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("oils", "oil", Noun, "NNS", 2, "obj"),
            ("and", "and", Cconj, "CC", 6, "cc"),
            ("fats", "fat", Noun, "NNS", 4, "conj"),
            ("tax", "tax", Noun, "NN", 4, "nmod"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        head_noun_of_coordinated_modifiers_read_as_modifier(&mut s);
        let got = heads(&s);
        assert_eq!(got[6], (Some(2), "obj"));
        assert_eq!(got[3], (Some(7), "compound"));
        assert_eq!(got[2], (Some(7), "det"));
        assert_eq!(got[5], (Some(4), "conj"));
    }

    #[test]
    fn an_on_phrase_after_a_rate_is_the_rate_s() {
        use Upos::*;
        // "Vantor raised the rate on its card ." with "on its card" hung
        // on the verb.
        let rows = |verb: &str, lemma: &str, noun: &str| {
            sentence(&[
                ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
                (verb, lemma, Verb, "VBD", 0, "root"),
                ("the", "the", Det, "DT", 4, "det"),
                (noun, noun, Noun, "NN", 2, "obj"),
                ("on", "on", Adp, "IN", 7, "case"),
                ("its", "its", Pron, "PRP$", 7, "nmod:poss"),
                ("card", "card", Noun, "NN", 2, "obl"),
                (".", ".", Punct, ".", 2, "punct"),
            ])
        };
        let mut s = rows("raised", "raise", "rate");
        complement_of_a_relational_noun_read_as_oblique(&mut s);
        assert_eq!(heads(&s)[6], (Some(4), "nmod"));
        // A verb that takes "on" itself keeps it ("imposed a tax on"), and
        // a noun that takes none leaves it ("sold the car on Monday").
        let mut s = rows("imposed", "impose", "rate");
        complement_of_a_relational_noun_read_as_oblique(&mut s);
        assert_eq!(heads(&s)[6], (Some(2), "obl"));
        let mut s = rows("sold", "sell", "car");
        complement_of_a_relational_noun_read_as_oblique(&mut s);
        assert_eq!(heads(&s)[6], (Some(2), "obl"));
    }

    #[test]
    fn the_noun_before_a_dashed_aside_is_the_speaker() {
        use Upos::*;
        // "Vantor - whose value is high - said it would bid ." with
        // "said" hung on the aside and no subject.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 0, "root"),
            ("-", "-", Punct, ",", 6, "punct"),
            ("whose", "whose", Pron, "WP$", 4, "nmod:poss"),
            ("value", "value", Noun, "NN", 6, "nsubj"),
            ("is", "be", Aux, "VBZ", 6, "cop"),
            ("high", "high", Adj, "JJ", 1, "parataxis"),
            ("-", "-", Punct, ",", 8, "punct"),
            ("said", "say", Verb, "VBD", 6, "conj"),
            ("it", "it", Pron, "PRP", 11, "nsubj"),
            ("would", "would", Aux, "MD", 11, "aux"),
            ("bid", "bid", Verb, "VB", 8, "ccomp"),
            (".", ".", Punct, ".", 1, "punct"),
        ]);
        // (Spans: words one apart, so the dashes stand between spaces.)
        for (k, t) in s.tokens.iter_mut().enumerate() {
            t.span = Span::new(3 * k, 3 * k + 1);
        }
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[7], (None, "root"));
        assert_eq!(got[0], (Some(8), "nsubj"));
        assert_eq!(got[5], (Some(1), "acl:relcl"));
    }

    #[test]
    fn an_infinitive_right_after_the_object_of_urge_is_its_complement() {
        use Upos::*;
        // "Ruiz urged the council and the mayor to reject the plan ." with
        // "reject" hung on "urged" as a purpose.
        let rows = [
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("urged", "urge", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("council", "council", Noun, "NN", 2, "obj"),
            ("and", "and", Cconj, "CC", 7, "cc"),
            ("the", "the", Det, "DT", 7, "det"),
            ("mayor", "mayor", Noun, "NN", 4, "conj"),
            ("to", "to", Part, "TO", 9, "mark"),
            ("reject", "reject", Verb, "VB", 2, "advcl"),
            ("the", "the", Det, "DT", 11, "det"),
            ("plan", "plan", Noun, "NN", 9, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[8], (Some(2), "xcomp"));
        // "Ruiz called on the council to reject the plan .": the same
        // after "call on".
        let mut rows_on = rows.to_vec();
        rows_on[1] = ("called", "call", Verb, "VBD", 0, "root");
        rows_on[2] = ("on", "on", Adp, "IN", 4, "case");
        rows_on[3] = ("council", "council", Noun, "NN", 2, "obl");
        rows_on.drain(4..7);
        for row in rows_on.iter_mut() {
            if row.4 > 4 {
                row.4 -= 3;
            }
        }
        let mut s = sentence(&rows_on);
        repair(&mut s);
        assert_eq!(heads(&s)[5], (Some(2), "xcomp"));
        // "Ruiz used the money to buy the plan .": a means, so a purpose.
        let mut rows_use = rows.to_vec();
        rows_use[1] = ("used", "use", Verb, "VBD", 0, "root");
        let mut s = sentence(&rows_use);
        repair(&mut s);
        assert_eq!(heads(&s)[8], (Some(2), "advcl"));
        // "Ruiz urged the council , to reject ...": a comma that sets off
        // no aside, left alone.
        let mut rows_gap = rows.to_vec();
        rows_gap.insert(7, (",", ",", Punct, ",", 9, "punct"));
        for row in rows_gap.iter_mut() {
            if row.4 > 7 {
                row.4 += 1;
            }
        }
        let mut s = sentence(&rows_gap);
        repair(&mut s);
        assert_eq!(heads(&s)[9], (Some(2), "advcl"));
    }

    #[test]
    fn an_aside_between_the_object_and_its_infinitive_is_skipped() {
        use Upos::*;
        // "Ruiz expects the council , in May , to be ready ." with "ready"
        // hung on "expects" as a conjunct with no coordinator.
        let rows = [
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("expects", "expect", Verb, "VBZ", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("council", "council", Noun, "NN", 2, "obj"),
            (",", ",", Punct, ",", 7, "punct"),
            ("in", "in", Adp, "IN", 7, "case"),
            ("May", "May", Propn, "NNP", 2, "obl"),
            (",", ",", Punct, ",", 11, "punct"),
            ("to", "to", Part, "TO", 11, "mark"),
            ("be", "be", Aux, "VB", 11, "cop"),
            ("ready", "ready", Adj, "JJ", 2, "conj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[10], (Some(2), "xcomp"));
        // "... , and to be ready": a real conjunct, left alone.
        let mut rows_and = rows.to_vec();
        rows_and[7] = ("and", "and", Cconj, "CC", 11, "cc");
        let mut s = sentence(&rows_and);
        repair(&mut s);
        assert_eq!(heads(&s)[10], (Some(2), "conj"));
        // "... , in May to be ready": the aside not closed, left alone.
        let mut rows_open = rows.to_vec();
        rows_open[7] = ("soon", "soon", Adv, "RB", 2, "advmod");
        let mut s = sentence(&rows_open);
        repair(&mut s);
        assert_eq!(heads(&s)[10], (Some(2), "conj"));
    }

    #[test]
    fn a_gerund_of_means_on_the_object_belongs_to_the_verb() {
        use Upos::*;
        // "Vantor answered the letter by closing the plant ." with
        // "closing" hung on "letter".
        let rows = [
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("answered", "answer", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("letter", "letter", Noun, "NN", 2, "obj"),
            ("by", "by", Sconj, "IN", 6, "mark"),
            ("closing", "close", Verb, "VBG", 4, "acl"),
            ("the", "the", Det, "DT", 8, "det"),
            ("plant", "plant", Noun, "NN", 6, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[5], (Some(2), "advcl"));
        // "... the letter about closing the plant": a noun's own
        // complement, left alone.
        let mut rows_about = rows.to_vec();
        rows_about[4] = ("about", "about", Sconj, "IN", 6, "mark");
        let mut s = sentence(&rows_about);
        repair(&mut s);
        assert_eq!(heads(&s)[5], (Some(4), "acl"));
    }

    #[test]
    fn a_past_tense_hung_on_the_subject_s_phrase_is_the_verb() {
        use Upos::*;
        // "Net assets of Tollund banks rose by 3 pct ." with "rose" a
        // reduced relative of "banks" and the sentence with no verb.
        let rows = [
            ("Net", "net", Adj, "JJ", 2, "amod"),
            ("assets", "asset", Noun, "NNS", 0, "root"),
            ("of", "of", Adp, "IN", 5, "case"),
            ("Tollund", "Tollund", Propn, "NNP", 5, "compound"),
            ("banks", "bank", Noun, "NNS", 2, "nmod"),
            ("rose", "rise", Verb, "VBD", 5, "acl"),
            ("by", "by", Adp, "IN", 9, "case"),
            ("3", "3", Num, "CD", 9, "nummod"),
            ("pct", "pct", Noun, "NN", 6, "obl:agent"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[5], (None, "root"));
        assert_eq!(got[1], (Some(6), "nsubj"));
        assert_eq!(got[8], (Some(6), "obl"));
        // The same with a participle: "assets of banks held by Vantor"
        // may be a title's noun phrase; nothing follows that is its own.
        let mut rows_held = rows.to_vec();
        rows_held[5] = ("held", "hold", Verb, "VBN", 5, "acl");
        let mut s = sentence(&rows_held);
        repair(&mut s);
        assert_eq!(heads(&s)[5], (Some(5), "acl"));
    }

    #[test]
    fn a_subordinator_read_as_a_preposition_opens_a_clause() {
        use Upos::*;
        // "Vantor left the talks after the union rejected the offer ."
        // with "after the union" a phrase of "talks" and "rejected" a
        // conjunct of "left" (so Vantor rejected the offer).
        let rows = [
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("left", "leave", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("talks", "talk", Noun, "NNS", 2, "obj"),
            ("after", "after", Adp, "IN", 7, "case"),
            ("the", "the", Det, "DT", 7, "det"),
            ("union", "union", Noun, "NN", 4, "nmod"),
            ("rejected", "reject", Verb, "VBD", 2, "conj"),
            ("the", "the", Det, "DT", 10, "det"),
            ("offer", "offer", Noun, "NN", 8, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[7], (Some(2), "advcl"));
        assert_eq!(got[6], (Some(8), "nsubj"));
        assert_eq!(got[4], (Some(8), "mark"));
        // With a comma after the phrase ("... after the vote , rejected
        // ..."), the phrase is closed: no subject for the verb there.
        let mut rows_comma = rows.to_vec();
        rows_comma.insert(7, (",", ",", Punct, ",", 7, "punct"));
        for row in rows_comma.iter_mut() {
            if row.4 > 7 {
                row.4 += 1;
            }
        }
        let mut s = sentence(&rows_comma);
        repair(&mut s);
        assert_eq!(heads(&s)[8], (Some(2), "conj"));
        // A conjunct with a subordinator of its own and no coordinator is
        // an adverbial clause: "Vantor left in case Kessel bid ." as read.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("left", "leave", Verb, "VBD", 0, "root"),
            ("in", "in", Adp, "IN", 6, "mark"),
            ("case", "case", Noun, "NN", 3, "fixed"),
            ("Kessel", "Kessel", Propn, "NNP", 6, "nsubj"),
            ("bid", "bid", Verb, "VBD", 2, "conj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[5], (Some(2), "advcl"));
    }

    #[test]
    fn a_finite_verb_hung_in_a_subordinator_phrase_is_its_clause() {
        use Upos::*;
        // "Prices fell as the ministers in Harlow failed ." with "failed"
        // a modifier of "Harlow".
        let rows = [
            ("Prices", "price", Noun, "NNS", 2, "nsubj"),
            ("fell", "fall", Verb, "VBD", 0, "root"),
            ("as", "as", Adp, "IN", 5, "case"),
            ("the", "the", Det, "DT", 5, "det"),
            ("ministers", "minister", Noun, "NNS", 2, "obl"),
            ("in", "in", Adp, "IN", 7, "case"),
            ("Harlow", "Harlow", Propn, "NNP", 5, "nmod"),
            ("failed", "fail", Verb, "VBD", 7, "acl"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[7], (Some(2), "advcl"));
        assert_eq!(got[4], (Some(8), "nsubj"));
        assert_eq!(got[2], (Some(8), "mark"));
        // "Prices fell in the towns Harlow named ." as read: no
        // subordinator opens the phrase, left alone.
        let mut rows_in = rows.to_vec();
        rows_in[2] = ("in", "in", Adp, "IN", 5, "case");
        rows_in[5] = ("of", "of", Adp, "IN", 7, "case");
        let mut s = sentence(&rows_in);
        repair(&mut s);
        assert_eq!(heads(&s)[7], (Some(7), "acl"));
    }

    #[test]
    fn a_subject_read_as_a_conjunct_of_the_noun_before_is_the_subject() {
        use Upos::*;
        // "Vantor said prices rose in May and Kessel Inc reported a loss ."
        // with "Kessel Inc" a conjunct of "May" and "reported" subjectless.
        let rows = [
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("prices", "price", Noun, "NNS", 4, "nsubj"),
            ("rose", "rise", Verb, "VBD", 2, "ccomp"),
            ("in", "in", Adp, "IN", 6, "case"),
            ("May", "May", Propn, "NNP", 4, "obl"),
            ("and", "and", Cconj, "CC", 9, "cc"),
            ("Kessel", "Kessel", Propn, "NNP", 9, "compound"),
            ("Inc", "Inc", Propn, "NNP", 6, "conj"),
            ("reported", "report", Verb, "VBD", 2, "ccomp"),
            ("a", "a", Det, "DT", 12, "det"),
            ("loss", "loss", Noun, "NN", 10, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[8], (Some(10), "nsubj"), "{got:?}");
        assert_eq!(got[6], (Some(10), "cc"));
    }

    #[test]
    fn a_name_split_into_two_objects_is_one_name() {
        use Upos::*;
        // "Vantor gave Kessel Bank a loan ." with "Kessel", "Bank" and
        // "loan" three objects.
        let rows = [
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("gave", "give", Verb, "VBD", 0, "root"),
            ("Kessel", "Kessel", Propn, "NNP", 2, "obj"),
            ("Bank", "Bank", Propn, "NNP", 2, "obj"),
            ("a", "a", Det, "DT", 6, "det"),
            ("loan", "loan", Noun, "NN", 2, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[2], (Some(4), "compound"));
        assert_eq!(heads(&s)[3], (Some(2), "obj"));
        // A common noun and a name stay apart ("gave clients Kessel
        // shares" is no case of it).
        let mut rows_common = rows.to_vec();
        rows_common[2] = ("clients", "client", Noun, "NNS", 2, "obj");
        let mut s = sentence(&rows_common);
        repair(&mut s);
        assert_eq!(heads(&s)[2], (Some(2), "obj"));
    }

    #[test]
    fn a_period_ended_on_a_date_is_no_verb() {
        use Upos::*;
        // "Profit in the quarter ended June 30 rose ." with "ended" the
        // root and "rose" its conjunct.
        let rows = [
            ("Profit", "profit", Noun, "NN", 5, "nsubj"),
            ("in", "in", Adp, "IN", 4, "case"),
            ("the", "the", Det, "DT", 4, "det"),
            ("quarter", "quarter", Noun, "NN", 1, "nmod"),
            ("ended", "end", Verb, "VBD", 0, "root"),
            ("June", "June", Propn, "NNP", 7, "nmod:unmarked"),
            ("30", "30", Num, "CD", 5, "xcomp"),
            ("rose", "rise", Verb, "VBD", 5, "conj"),
            (".", ".", Punct, ".", 5, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(
            heads(&s),
            [
                (Some(8), "nsubj"),
                (Some(4), "case"),
                (Some(4), "det"),
                (Some(1), "nmod"),
                (Some(4), "acl"),
                (Some(5), "obl:unmarked"),
                (Some(6), "nummod"),
                (None, "root"),
                (Some(8), "punct"),
            ]
        );
        // "The quarter ended with a loss .": no date, a verb.
        let mut s = sentence(&[
            ("The", "the", Det, "DT", 2, "det"),
            ("quarter", "quarter", Noun, "NN", 3, "nsubj"),
            ("ended", "end", Verb, "VBD", 0, "root"),
            ("with", "with", Adp, "IN", 6, "case"),
            ("a", "a", Det, "DT", 6, "det"),
            ("loss", "loss", Noun, "NN", 3, "obl"),
            (".", ".", Punct, ".", 3, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[2], (None, "root"));
    }

    #[test]
    fn a_participle_right_after_a_noun_is_its_reduced_relative() {
        use Upos::*;
        // "Tollund sold wheat in the week ended March 4 ." with "ended"
        // a conjunct of "sold".
        let rows = [
            ("Tollund", "Tollund", Propn, "NNP", 2, "nsubj"),
            ("sold", "sell", Verb, "VBD", 0, "root"),
            ("wheat", "wheat", Noun, "NN", 2, "obj"),
            ("in", "in", Adp, "IN", 6, "case"),
            ("the", "the", Det, "DT", 6, "det"),
            ("week", "week", Noun, "NN", 2, "obl"),
            ("ended", "end", Verb, "VBD", 2, "conj"),
            ("March", "March", Propn, "NNP", 7, "obj"),
            ("4", "4", Num, "CD", 8, "nummod"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[6], (Some(6), "acl"));
        // "... in the week and ended March 4": a coordinator, left alone.
        let mut rows_and = rows.to_vec();
        rows_and.insert(6, ("and", "and", Cconj, "CC", 8, "cc"));
        for row in rows_and.iter_mut().skip(7) {
            if row.4 > 6 {
                row.4 += 1;
            }
        }
        let mut s = sentence(&rows_and);
        repair(&mut s);
        assert_eq!(heads(&s)[7], (Some(2), "conj"));
        // After a noun that is no period, a past tense whose form is no
        // participle ("rose") is left alone; one that is ("closed") is the
        // noun's modifier ("the plant closed in May").
        let mut rows_plant = rows.to_vec();
        rows_plant[5] = ("plant", "plant", Noun, "NN", 2, "obl");
        rows_plant[6] = ("rose", "rise", Verb, "VBD", 2, "conj");
        rows_plant[7] = ("March", "March", Propn, "NNP", 7, "obl:unmarked");
        let mut s = sentence(&rows_plant);
        repair(&mut s);
        assert_eq!(heads(&s)[6], (Some(2), "conj"));
        rows_plant[6] = ("closed", "close", Verb, "VBD", 2, "conj");
        let mut s = sentence(&rows_plant);
        repair(&mut s);
        assert_eq!(heads(&s)[6], (Some(6), "acl"));
        // "Vantor bought the shares not held by Harlow ." with "held" a
        // conjunct of "bought": a past participle, the noun's modifier.
        let rows_held = [
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("bought", "buy", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("shares", "share", Noun, "NNS", 2, "obj"),
            ("not", "not", Part, "RB", 6, "advmod"),
            ("held", "hold", Verb, "VBN", 2, "conj"),
            ("by", "by", Adp, "IN", 8, "case"),
            ("Harlow", "Harlow", Propn, "NNP", 6, "obl"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows_held);
        repair(&mut s);
        assert_eq!(heads(&s)[5], (Some(4), "acl"));
    }

    #[test]
    fn a_period_before_the_object_is_its_compound() {
        use Upos::*;
        // "Vantor posted first quarter sales of 5 mln dlrs ." with
        // "quarter" and "sales" both objects.
        let rows = [
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("posted", "post", Verb, "VBD", 0, "root"),
            ("first", "first", Adj, "JJ", 4, "amod"),
            ("quarter", "quarter", Noun, "NN", 2, "obj"),
            ("sales", "sale", Noun, "NNS", 2, "obj"),
            ("of", "of", Adp, "IN", 9, "case"),
            ("5", "5", Num, "CD", 8, "nummod"),
            ("mln", "mln", Num, "CD", 9, "compound"),
            ("dlrs", "dlr", Noun, "NNS", 5, "nmod"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(5), "compound"));
        // "Vantor gave Ruiz sales ...": no period, left alone.
        let mut rows_who = rows.to_vec();
        rows_who[2] = ("Ana", "Ana", Propn, "NNP", 4, "compound");
        rows_who[3] = ("Ruiz", "Ruiz", Propn, "NNP", 2, "obj");
        let mut s = sentence(&rows_who);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(2), "obj"));
    }

    #[test]
    fn an_infinitive_after_the_object_of_use_is_a_purpose() {
        use Upos::*;
        // "Vantor used the money to buy the plant ." with "buy" the
        // complement of "used".
        let rows = [
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("used", "use", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("money", "money", Noun, "NN", 2, "obj"),
            ("to", "to", Part, "TO", 6, "mark"),
            ("buy", "buy", Verb, "VB", 2, "xcomp"),
            ("the", "the", Det, "DT", 8, "det"),
            ("plant", "plant", Noun, "NN", 6, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[5], (Some(2), "advcl"));
        // "Vantor urged the board to buy the plant": object control.
        let mut rows_urge = rows.to_vec();
        rows_urge[1] = ("urged", "urge", Verb, "VBD", 0, "root");
        rows_urge[3] = ("board", "board", Noun, "NN", 2, "obj");
        let mut s = sentence(&rows_urge);
        repair(&mut s);
        assert_eq!(heads(&s)[5], (Some(2), "xcomp"));
        // "Vantor tried to buy the plant": no object, subject control.
        let rows_try = [
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("tried", "try", Verb, "VBD", 0, "root"),
            ("to", "to", Part, "TO", 4, "mark"),
            ("buy", "buy", Verb, "VB", 2, "xcomp"),
            ("the", "the", Det, "DT", 6, "det"),
            ("plant", "plant", Noun, "NN", 4, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows_try);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(2), "xcomp"));
    }

    #[test]
    fn a_name_after_an_apposition_is_no_second_speaker() {
        use Upos::*;
        // "Ruiz , head of the bank , the Kesselbank , said ." with the
        // bank's name a conjunct of "Ruiz".
        let rows = [
            ("Ruiz", "Ruiz", Propn, "NNP", 10, "nsubj"),
            (",", ",", Punct, ",", 3, "punct"),
            ("head", "head", Noun, "NN", 1, "appos"),
            ("of", "of", Adp, "IN", 6, "case"),
            ("the", "the", Det, "DT", 6, "det"),
            ("bank", "bank", Noun, "NN", 3, "nmod"),
            (",", ",", Punct, ",", 8, "punct"),
            ("Kesselbank", "Kesselbank", Propn, "NNP", 1, "conj"),
            (",", ",", Punct, ",", 1, "punct"),
            ("said", "say", Verb, "VBD", 0, "root"),
            (".", ".", Punct, ".", 10, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[7], (Some(6), "appos"));
        // "..., the Kesselbank, Tollund Oil and ...": a list goes on.
        let mut rows_list = rows.to_vec();
        rows_list[0].4 = 11;
        rows_list[9] = ("Tollund", "Tollund", Propn, "NNP", 1, "conj");
        rows_list[10] = ("said", "say", Verb, "VBD", 0, "root");
        rows_list.push((".", ".", Punct, ".", 11, "punct"));
        let mut s = sentence(&rows_list);
        repair(&mut s);
        assert_eq!(heads(&s)[7], (Some(1), "conj"));
    }

    #[test]
    fn a_compound_split_into_two_objects_is_one_noun() {
        use Upos::*;
        // "The rule stopped wet barrel trading ." with "barrel" and
        // "trading" both objects.
        let rows = [
            ("The", "the", Det, "DT", 2, "det"),
            ("rule", "rule", Noun, "NN", 3, "nsubj"),
            ("stopped", "stop", Verb, "VBD", 0, "root"),
            ("wet", "wet", Adj, "JJ", 5, "amod"),
            ("barrel", "barrel", Noun, "NN", 3, "obj"),
            ("trading", "trading", Noun, "NN", 3, "obj"),
            (".", ".", Punct, ".", 3, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[4], (Some(6), "compound"));
        // "The rule gave buyers credit": a plural first object, a recipient.
        let mut rows_buyers = rows.to_vec();
        rows_buyers[2] = ("gave", "give", Verb, "VBD", 0, "root");
        rows_buyers[4] = ("buyers", "buyer", Noun, "NNS", 3, "obj");
        let mut s = sentence(&rows_buyers);
        repair(&mut s);
        assert_eq!(heads(&s)[4], (Some(3), "obj"));
    }

    #[test]
    fn an_ing_clause_right_after_deny_is_what_is_denied() {
        use Upos::*;
        // "Ruiz denied ever taking bribes ." with "taking" an adverbial.
        let rows = [
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("denied", "deny", Verb, "VBD", 0, "root"),
            ("ever", "ever", Adv, "RB", 4, "advmod"),
            ("taking", "take", Verb, "VBG", 2, "advcl"),
            ("bribes", "bribe", Noun, "NNS", 4, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(2), "xcomp"));
        // "Ruiz left , taking the bribes ." : after another verb, an
        // adverbial.
        let mut rows_left = rows.to_vec();
        rows_left[1] = ("left", "leave", Verb, "VBD", 0, "root");
        rows_left[2] = (",", ",", Punct, ",", 4, "punct");
        let mut s = sentence(&rows_left);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(2), "advcl"));
    }

    #[test]
    fn a_repair_that_would_break_the_tree_is_undone() {
        use Upos::*;
        // "Ruiz said Vantor left ." and a repair that hangs "said" under
        // "left", its own dependent.
        let rows = [
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("Vantor", "Vantor", Propn, "NNP", 4, "nsubj"),
            ("left", "leave", Verb, "VBD", 2, "ccomp"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        assert!(is_tree(&s));
        keeping_a_tree(&mut s, |s| {
            s.tokens[1].head = Some(3);
            s.tokens[1].deprel = "conj".to_string();
        });
        assert!(is_tree(&s));
        assert_eq!(heads(&s)[1], (None, "root"));
        // A repair that keeps a tree stays.
        keeping_a_tree(&mut s, |s| s.tokens[4].head = Some(3));
        assert_eq!(heads(&s)[4], (Some(4), "punct"));
    }

    #[test]
    fn a_bare_verb_after_an_infinitive_is_its_conjunct() {
        use Upos::*;
        // "Ruiz told reporters the loan would enable Vantor to buy spares
        // and hire drivers ." with "hire" joined to "told".
        let rows = [
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("told", "tell", Verb, "VBD", 0, "root"),
            ("reporters", "reporter", Noun, "NNS", 2, "iobj"),
            ("the", "the", Det, "DT", 5, "det"),
            ("loan", "loan", Noun, "NN", 7, "nsubj"),
            ("would", "would", Aux, "MD", 7, "aux"),
            ("enable", "enable", Verb, "VB", 2, "ccomp"),
            ("Vantor", "Vantor", Propn, "NNP", 7, "obj"),
            ("to", "to", Part, "TO", 10, "mark"),
            ("buy", "buy", Verb, "VB", 7, "xcomp"),
            ("spares", "spare", Noun, "NNS", 10, "obj"),
            ("and", "and", Cconj, "CC", 13, "cc"),
            ("hire", "hire", Verb, "VB", 2, "conj"),
            ("drivers", "driver", Noun, "NNS", 13, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[12], (Some(10), "conj"));
        // "put" may be past ("told reporters ... and put ...").
        let mut past = rows;
        past[12] = ("put", "put", Verb, "VB", 2, "conj");
        unchanged(&past);
    }

    #[test]
    fn a_present_conjunct_of_a_past_verb_of_saying_is_what_is_said() {
        use Upos::*;
        // "Vantor said it sold the mill and will record a gain ." with
        // "record" joined to "said".
        let rows = [
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("it", "it", Pron, "PRP", 4, "nsubj"),
            ("sold", "sell", Verb, "VBD", 2, "ccomp"),
            ("the", "the", Det, "DT", 6, "det"),
            ("mill", "mill", Noun, "NN", 4, "obj"),
            ("and", "and", Cconj, "CC", 9, "cc"),
            ("will", "will", Aux, "MD", 9, "aux"),
            ("record", "record", Verb, "VB", 2, "conj"),
            ("a", "a", Det, "DT", 11, "det"),
            ("gain", "gain", Noun, "NN", 9, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[8], (Some(4), "conj"));
        // In the past tense it may be the speaker's own next act ("said
        // it sold the mill and declined to comment").
        let mut past = rows;
        past[7] = ("then", "then", Adv, "RB", 9, "advmod");
        past[8] = ("declined", "decline", Verb, "VBD", 2, "conj");
        unchanged(&past);
    }

    #[test]
    fn a_that_clause_after_a_noun_of_content_is_its_content() {
        use Upos::*;
        // "Shares rose on speculation that Vantor had bought a stake ."
        // with the clause hung on "rose".
        let rows = [
            ("Shares", "share", Noun, "NNS", 2, "nsubj"),
            ("rose", "rise", Verb, "VBD", 0, "root"),
            ("on", "on", Adp, "IN", 4, "case"),
            ("speculation", "speculation", Noun, "NN", 2, "obl"),
            ("that", "that", Sconj, "IN", 8, "mark"),
            ("Vantor", "Vantor", Propn, "NNP", 8, "nsubj"),
            ("had", "have", Aux, "VBD", 8, "aux"),
            ("bought", "buy", Verb, "VBN", 2, "ccomp"),
            ("a", "a", Det, "DT", 10, "det"),
            ("stake", "stake", Noun, "NN", 8, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[7], (Some(4), "acl"));
        // After a noun that is no noun of content ("told the board that
        // Vantor had bought a stake") the clause stays the verb's.
        unchanged(&[
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("told", "tell", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("board", "board", Noun, "NN", 2, "iobj"),
            ("that", "that", Sconj, "IN", 8, "mark"),
            ("Vantor", "Vantor", Propn, "NNP", 8, "nsubj"),
            ("had", "have", Aux, "VBD", 8, "aux"),
            ("bought", "buy", Verb, "VBN", 2, "ccomp"),
            ("a", "a", Det, "DT", 10, "det"),
            ("stake", "stake", Noun, "NN", 8, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
    }

    #[test]
    fn a_copular_clause_before_its_speaker_is_what_is_said() {
        use Upos::*;
        // "Vantor is in talks with Kessel , Ana Ruiz said ." with the
        // predicate as the verb's subject and the name joined to "Kessel".
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 4, "nsubj"),
            ("is", "be", Aux, "VBZ", 4, "cop"),
            ("in", "in", Adp, "IN", 4, "case"),
            ("talks", "talk", Noun, "NNS", 10, "nsubj"),
            ("with", "with", Adp, "IN", 6, "case"),
            ("Kessel", "Kessel", Propn, "NNP", 4, "nmod"),
            (",", ",", Punct, ",", 8, "punct"),
            ("Ana", "Ana", Propn, "NNP", 6, "conj"),
            ("Ruiz", "Ruiz", Propn, "NNP", 6, "conj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            (".", ".", Punct, ".", 10, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[3], (Some(10), "ccomp"));
        assert_eq!(got[7], (Some(10), "nsubj"));
        assert_eq!(got[8], (Some(8), "flat"));
        // "Vantor is a partner of Kessel , officials said ." with the
        // predicate as an oblique: only its relation changes.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 4, "nsubj"),
            ("is", "be", Aux, "VBZ", 4, "cop"),
            ("a", "a", Det, "DT", 4, "det"),
            ("partner", "partner", Noun, "NN", 9, "obl"),
            ("of", "of", Adp, "IN", 6, "case"),
            ("Kessel", "Kessel", Propn, "NNP", 4, "nmod"),
            (",", ",", Punct, ",", 9, "punct"),
            ("officials", "official", Noun, "NNS", 9, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            (".", ".", Punct, ".", 9, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[3], (Some(9), "ccomp"));
        assert_eq!(got[7], (Some(9), "nsubj"));
        // An adverbial clause with its subordinator stays one ("When
        // Vantor is ready , officials said .").
        unchanged(&[
            ("When", "when", Sconj, "WRB", 4, "mark"),
            ("Vantor", "Vantor", Propn, "NNP", 4, "nsubj"),
            ("is", "be", Aux, "VBZ", 4, "cop"),
            ("ready", "ready", Adj, "JJ", 7, "advcl"),
            (",", ",", Punct, ",", 7, "punct"),
            ("officials", "official", Noun, "NNS", 7, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            (".", ".", Punct, ".", 7, "punct"),
        ]);
    }

    #[test]
    fn a_participle_without_auxiliary_and_a_bare_oblique_is_active() {
        use Upos::*;
        // "Kessel said it acquired Vantor ." with "it" a passive subject
        // and "Vantor" a bare oblique.
        let mut s = sentence(&[
            ("Kessel", "Kessel", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("it", "it", Pron, "PRP", 4, "nsubj:pass"),
            ("acquired", "acquire", Verb, "VBN", 2, "ccomp"),
            ("Vantor", "Vantor", Propn, "NNP", 4, "obl"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[2], (Some(4), "nsubj"));
        assert_eq!(got[4], (Some(4), "obj"));
        // With "was" it is a passive, and the phrase with "by" stays.
        unchanged(&[
            ("it", "it", Pron, "PRP", 3, "nsubj:pass"),
            ("was", "be", Aux, "VBD", 3, "aux:pass"),
            ("acquired", "acquire", Verb, "VBN", 0, "root"),
            ("by", "by", Adp, "IN", 5, "case"),
            ("Vantor", "Vantor", Propn, "NNP", 3, "obl"),
        ]);
    }

    #[test]
    fn a_name_read_as_a_list_after_a_noun_is_its_apposition() {
        use Upos::*;
        // "said Jan Brandt , head of the firm , Harlow Kessel Ltd" with the
        // firm's name hung on the speaker's.
        let mut s = sentence(&[
            ("said", "say", Verb, "VBD", 0, "root"),
            ("Jan", "Jan", Propn, "NNP", 1, "nsubj"),
            ("Brandt", "Brandt", Propn, "NNP", 2, "flat"),
            (",", ",", Punct, ",", 5, "punct"),
            ("head", "head", Noun, "NN", 2, "appos"),
            ("of", "of", Adp, "IN", 8, "case"),
            ("the", "the", Det, "DT", 8, "det"),
            ("firm", "firm", Noun, "NN", 5, "nmod"),
            (",", ",", Punct, ",", 10, "punct"),
            ("Harlow", "Harlow", Propn, "NNP", 2, "list"),
            ("Kessel", "Kessel", Propn, "NNP", 2, "flat"),
            ("Ltd", "Ltd", Propn, "NNP", 2, "list"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[9], (Some(8), "appos"));
        assert_eq!(got[10], (Some(10), "flat"));
        assert_eq!(got[11], (Some(10), "flat"));
        assert_eq!(got[2], (Some(2), "flat"), "the speaker keeps his own name");
    }

    #[test]
    fn a_participle_after_the_subject_of_a_verbless_sentence_is_its_verb() {
        use Upos::*;
        // "The firm named Harlow Inc as agent ." with "named" a reduced
        // relative of "firm" and the sentence left with no verb.
        let mut s = sentence(&[
            ("The", "the", Det, "DT", 2, "det"),
            ("firm", "firm", Noun, "NN", 0, "root"),
            ("named", "name", Verb, "VBN", 2, "acl"),
            ("Harlow", "Harlow", Propn, "NNP", 3, "xcomp"),
            ("Inc", "Inc", Propn, "NNP", 4, "flat"),
            ("as", "as", Adp, "IN", 7, "case"),
            ("agent", "agent", Noun, "NN", 3, "obl"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[2], (None, "root"));
        assert_eq!(got[1], (Some(3), "nsubj"));
        assert_eq!(got[3], (Some(3), "obj"));
        assert_eq!(got[7], (Some(3), "punct"));
        // A headline has no full stop, and its participle is a passive.
        unchanged(&[
            ("Firm", "firm", Noun, "NN", 0, "root"),
            ("named", "name", Verb, "VBN", 1, "acl"),
            ("in", "in", Adp, "IN", 4, "case"),
            ("probe", "probe", Noun, "NN", 2, "obl"),
        ]);
    }

    #[test]
    fn an_office_after_a_named_person_is_the_naming_verb_s_predicate() {
        use std::ops::Range;
        use Upos::*;
        // "Vantor named Ana Ruiz chief executive ." read as one noun
        // phrase, the verb a participle of "Vantor".
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 6, "compound"),
            ("named", "name", Verb, "VBN", 1, "acl"),
            ("Ana", "Ana", Propn, "NNP", 2, "xcomp"),
            ("Ruiz", "Ruiz", Propn, "NNP", 6, "compound"),
            ("chief", "chief", Noun, "NN", 6, "compound"),
            ("executive", "executive", Noun, "NN", 0, "root"),
            (".", ".", Punct, ".", 6, "punct"),
        ]);
        repair_with_names(&mut s, &[Range { start: 2, end: 4 }]);
        let got = heads(&s);
        assert_eq!(got[1], (None, "root"));
        assert_eq!(got[0], (Some(2), "nsubj"));
        assert_eq!(got[2], (Some(2), "obj"));
        assert_eq!(got[3], (Some(3), "flat"));
        assert_eq!(got[5], (Some(2), "xcomp"));
        assert_eq!(got[4], (Some(6), "compound"));
        assert_eq!(got[6], (Some(2), "punct"));
        // "it named Ana Ruiz , 45 , president": the age stands between, and
        // "it" read as a passive subject is the agent.
        let mut s = sentence(&[
            ("it", "it", Pron, "PRP", 2, "nsubj:pass"),
            ("named", "name", Verb, "VBN", 0, "root"),
            ("Ana", "Ana", Propn, "NNP", 2, "xcomp"),
            ("Ruiz", "Ruiz", Propn, "NNP", 3, "flat"),
            (",", ",", Punct, ",", 6, "punct"),
            ("45", "45", Num, "CD", 3, "amod"),
            (",", ",", Punct, ",", 8, "punct"),
            ("president", "president", Noun, "NN", 3, "conj"),
        ]);
        repair_with_names(&mut s, &[Range { start: 2, end: 4 }]);
        let got = heads(&s);
        assert_eq!(got[0], (Some(2), "nsubj"));
        assert_eq!(got[2], (Some(2), "obj"));
        assert_eq!(got[5], (Some(3), "appos"));
        assert_eq!(got[7], (Some(2), "xcomp"));
        // "said it named Ana Ruiz last week": a time is no office.
        let rows = [
            ("it", "it", Pron, "PRP", 2, "nsubj"),
            ("named", "name", Verb, "VBD", 0, "root"),
            ("Ana", "Ana", Propn, "NNP", 2, "obj"),
            ("Ruiz", "Ruiz", Propn, "NNP", 3, "flat"),
            ("last", "last", Adj, "JJ", 6, "amod"),
            ("week", "week", Noun, "NN", 2, "obl:unmarked"),
        ];
        let mut s = sentence(&rows);
        let before = s.clone();
        repair_with_names(&mut s, &[Range { start: 2, end: 4 }]);
        assert_eq!(s, before);
    }

    #[test]
    fn an_ing_word_after_a_possessive_modifies_the_noun_it_owns() {
        use Upos::*;
        // "Norway 's ruling Labour Party chose Lind ." with "ruling" read as
        // a clause of "chose" and "Norway" its subject.
        let mut s = sentence(&[
            ("Norway", "Norway", Propn, "NNP", 6, "nsubj"),
            ("'s", "'s", Part, "POS", 1, "case"),
            ("ruling", "rule", Verb, "VBG", 6, "advcl"),
            ("Labour", "Labour", Propn, "NNP", 5, "compound"),
            ("Party", "Party", Propn, "NNP", 6, "nsubj"),
            ("chose", "choose", Verb, "VBD", 0, "root"),
            ("Lind", "Lind", Propn, "NNP", 6, "obj"),
            (".", ".", Punct, ".", 6, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[4], (Some(6), "nsubj"));
        assert_eq!(got[2], (Some(5), "amod"));
        assert_eq!(got[0], (Some(5), "nmod:poss"));
        assert_eq!(got[3], (Some(5), "compound"));
        // "Norway 's joining the pact": a gerund clause with its object's
        // determiner stays.
        unchanged(&[
            ("Norway", "Norway", Propn, "NNP", 3, "nsubj"),
            ("'s", "'s", Part, "POS", 1, "case"),
            ("joining", "join", Verb, "VBG", 0, "root"),
            ("the", "the", Det, "DT", 5, "det"),
            ("pact", "pact", Noun, "NN", 3, "obj"),
        ]);
    }

    #[test]
    fn a_participle_after_a_relative_clause_of_the_subject_is_its_verb() {
        use Upos::*;
        // "Vantor , which runs a mill , hired Kessel ." with "hired" a
        // reduced relative of "mill".
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 0, "root"),
            (",", ",", Punct, ",", 4, "punct"),
            ("which", "which", Pron, "WDT", 4, "nsubj"),
            ("runs", "run", Verb, "VBZ", 1, "acl:relcl"),
            ("a", "a", Det, "DT", 6, "det"),
            ("mill", "mill", Noun, "NN", 4, "obj"),
            (",", ",", Punct, ",", 8, "punct"),
            ("hired", "hire", Verb, "VBN", 6, "acl"),
            ("Kessel", "Kessel", Propn, "NNP", 8, "obj"),
            (".", ".", Punct, ".", 1, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[7], (None, "root"));
        assert_eq!(got[0], (Some(8), "nsubj"));
        assert_eq!(got[8], (Some(8), "obj"));
        assert_eq!(got[9], (Some(8), "punct"));
        // A participle inside the clause, before its closing comma, is the
        // clause's own: "Vantor , which owns a mill built in 1990 , ..."
        unchanged(&[
            ("Vantor", "Vantor", Propn, "NNP", 0, "root"),
            (",", ",", Punct, ",", 4, "punct"),
            ("which", "which", Pron, "WDT", 4, "nsubj"),
            ("owns", "own", Verb, "VBZ", 1, "acl:relcl"),
            ("a", "a", Det, "DT", 6, "det"),
            ("mill", "mill", Noun, "NN", 4, "obj"),
            ("built", "build", Verb, "VBN", 6, "acl"),
            ("in", "in", Adp, "IN", 9, "case"),
            ("1990", "1990", Num, "CD", 7, "obl"),
            (",", ",", Punct, ",", 1, "punct"),
            (".", ".", Punct, ".", 1, "punct"),
        ]);
    }

    #[test]
    fn a_main_participle_with_a_subject_and_a_full_stop_is_active() {
        use Upos::*;
        // "Vantor filed with the regulator ." with "Vantor" a passive subject.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj:pass"),
            ("filed", "file", Verb, "VBN", 0, "root"),
            ("with", "with", Adp, "IN", 5, "case"),
            ("the", "the", Det, "DT", 5, "det"),
            ("regulator", "regulator", Noun, "NN", 2, "obl"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[0], (Some(2), "nsubj"));
        // "Ten killed in blast": a headline's passive stays.
        unchanged(&[
            ("Ten", "ten", Num, "CD", 2, "nsubj:pass"),
            ("killed", "kill", Verb, "VBN", 0, "root"),
            ("in", "in", Adp, "IN", 4, "case"),
            ("blast", "blast", Noun, "NN", 2, "obl"),
        ]);
    }

    #[test]
    fn a_verb_after_who_read_as_a_conjunct_is_a_relative_clause() {
        use Upos::*;
        // "Lind ran into Ola Brandt , who took the ball and scored ." with
        // "took" joined to "ran".
        let mut s = sentence(&[
            ("Lind", "Lind", Propn, "NNP", 2, "nsubj"),
            ("ran", "run", Verb, "VBD", 0, "root"),
            ("into", "into", Adp, "IN", 4, "case"),
            ("Ola", "Ola", Propn, "NNP", 2, "obl"),
            ("Brandt", "Brandt", Propn, "NNP", 4, "flat"),
            (",", ",", Punct, ",", 8, "punct"),
            ("who", "who", Pron, "WP", 8, "nsubj"),
            ("took", "take", Verb, "VBD", 2, "conj"),
            ("the", "the", Det, "DT", 10, "det"),
            ("ball", "ball", Noun, "NN", 8, "obj"),
            ("and", "and", Cconj, "CC", 12, "cc"),
            ("scored", "score", Verb, "VBD", 2, "conj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[7], (Some(4), "acl:relcl"), "the clause is Ola Brandt's");
        assert_eq!(got[11], (Some(8), "conj"), "and so is its second verb");
        // "which" after a place in a prepositional phrase may be about a
        // noun further back: nothing moves.
        unchanged(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("sold", "sell", Verb, "VBD", 0, "root"),
            ("units", "unit", Noun, "NNS", 2, "obj"),
            ("in", "in", Adp, "IN", 5, "case"),
            ("Asia", "Asia", Propn, "NNP", 3, "nmod"),
            (",", ",", Punct, ",", 8, "punct"),
            ("which", "which", Pron, "WDT", 8, "nsubj"),
            ("lost", "lose", Verb, "VBD", 2, "conj"),
            ("money", "money", Noun, "NN", 8, "obj"),
        ]);
    }

    #[test]
    fn a_description_read_as_a_bare_oblique_is_an_apposition() {
        use Upos::*;
        // "Vantor bought shares from Harlow Holdings , a family firm ." with
        // "firm" a second oblique of "bought".
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("bought", "buy", Verb, "VBD", 0, "root"),
            ("shares", "share", Noun, "NNS", 2, "obj"),
            ("from", "from", Adp, "IN", 6, "case"),
            ("Harlow", "Harlow", Propn, "NNP", 6, "compound"),
            ("Holdings", "Holdings", Propn, "NNPS", 2, "obl"),
            (",", ",", Punct, ",", 10, "punct"),
            ("a", "a", Det, "DT", 10, "det"),
            ("family", "family", Noun, "NN", 10, "compound"),
            ("firm", "firm", Noun, "NN", 2, "obl"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[9], (Some(6), "appos"));
        // A list item opened by "and" stays where it is.
        unchanged(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("sold", "sell", Verb, "VBD", 0, "root"),
            ("shares", "share", Noun, "NNS", 2, "obj"),
            ("to", "to", Adp, "IN", 5, "case"),
            ("Harlow", "Harlow", Propn, "NNP", 2, "obl"),
            (",", ",", Punct, ",", 9, "punct"),
            ("and", "and", Cconj, "CC", 9, "cc"),
            ("a", "a", Det, "DT", 9, "det"),
            ("bank", "bank", Noun, "NN", 2, "obl"),
        ]);
    }

    #[test]
    fn a_description_between_commas_read_as_a_conjunct_is_an_apposition() {
        use Upos::*;
        // "Council leader Ola Lind , a key Vantor ally , said so ." as the
        // parser reads it: the description joined to the title.
        let mut s = sentence(&[
            ("Council", "council", Noun, "NN", 2, "compound"),
            ("leader", "leader", Noun, "NN", 11, "nsubj"),
            ("Ola", "Ola", Propn, "NNP", 2, "appos"),
            ("Lind", "Lind", Propn, "NNP", 3, "flat"),
            (",", ",", Punct, ",", 9, "punct"),
            ("a", "a", Det, "DT", 9, "det"),
            ("key", "key", Adj, "JJ", 9, "amod"),
            ("Vantor", "Vantor", Propn, "NNP", 9, "compound"),
            ("ally", "ally", Noun, "NN", 2, "conj"),
            (",", ",", Punct, ",", 11, "punct"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("so", "so", Adv, "RB", 11, "advmod"),
            (".", ".", Punct, ".", 11, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(
            heads(&s)[8],
            (Some(3), "appos"),
            "the description is about Ola Lind"
        );
        // A list whose next item hangs on the same noun stays a list: "a
        // bank , a broker , an insurer and a fund".
        let mut list = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("owns", "own", Verb, "VBZ", 0, "root"),
            ("a", "a", Det, "DT", 4, "det"),
            ("bank", "bank", Noun, "NN", 2, "obj"),
            (",", ",", Punct, ",", 7, "punct"),
            ("a", "a", Det, "DT", 7, "det"),
            ("broker", "broker", Noun, "NN", 4, "conj"),
            (",", ",", Punct, ",", 10, "punct"),
            ("an", "a", Det, "DT", 10, "det"),
            ("insurer", "insurer", Noun, "NN", 4, "appos"),
            ("and", "and", Cconj, "CC", 13, "cc"),
            ("a", "a", Det, "DT", 13, "det"),
            ("fund", "fund", Noun, "NN", 10, "conj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        let before = list.clone();
        repair(&mut list);
        assert_eq!(heads(&list), heads(&before));
    }

    #[test]
    fn an_inverted_speaker_hangs_on_the_verb_of_saying_as_its_subject() {
        use Upos::*;
        // "Kessel will sell , says the Vantor Institute .": the speaker read
        // as the object.
        let mut s = sentence(&[
            ("Kessel", "Kessel", Propn, "NNP", 3, "nsubj"),
            ("will", "will", Aux, "MD", 3, "aux"),
            ("sell", "sell", Verb, "VB", 5, "ccomp"),
            (",", ",", Punct, ",", 5, "punct"),
            ("says", "say", Verb, "VBZ", 0, "root"),
            ("the", "the", Det, "DT", 8, "det"),
            ("Vantor", "Vantor", Propn, "NNP", 8, "compound"),
            ("Institute", "Institute", Propn, "NNP", 5, "obj"),
            (".", ".", Punct, ".", 5, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[7], (Some(5), "nsubj"));
        // Said before its clause, the object stays ("said it last week").
        let mut s = sentence(&[
            ("Kessel", "Kessel", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("it", "it", Pron, "PRP", 2, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[2], (Some(2), "obj"));
    }

    #[test]
    fn an_ing_form_before_a_bare_noun_and_a_name_describes_the_name() {
        use Upos::*;
        // "Polling firm Vantor said so ." as the parser reads it.
        let mut s = sentence(&[
            ("Polling", "poll", Verb, "VBG", 4, "csubj"),
            ("firm", "firm", Noun, "NN", 1, "obj"),
            ("Vantor", "Vantor", Propn, "NNP", 4, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("so", "so", Adv, "RB", 4, "advmod"),
            (".", ".", Punct, ".", 4, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(
            heads(&s)[..3],
            [(Some(2), "amod"), (Some(3), "compound"), (Some(4), "nsubj")]
        );
        // With a determiner the "-ing" form is a clause of its own.
        let mut s = sentence(&[
            ("Polling", "poll", Verb, "VBG", 5, "advcl"),
            ("the", "the", Det, "DT", 3, "det"),
            ("firm", "firm", Noun, "NN", 1, "obj"),
            ("Vantor", "Vantor", Propn, "NNP", 5, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            (".", ".", Punct, ".", 5, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[0], (Some(5), "advcl"));
    }

    #[test]
    fn a_subject_read_as_the_object_of_a_speech_verb_is_the_subject() {
        use Upos::*;
        // "Vantor confirmed the bank had asked ." as the parser reads it.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("confirmed", "confirm", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("bank", "bank", Noun, "NN", 2, "obj"),
            ("had", "have", Aux, "VBD", 6, "aux"),
            ("asked", "ask", Verb, "VBN", 2, "conj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(
            heads(&s),
            [
                (Some(2), "nsubj"),
                (None, "root"),
                (Some(4), "det"),
                (Some(6), "nsubj"),
                (Some(6), "aux"),
                (Some(2), "ccomp"),
                (Some(2), "punct"),
            ]
        );
    }

    #[test]
    fn a_subject_read_as_an_object_is_found_past_modifiers() {
        use Upos::*;
        // "Vantor said it quickly sold the plant ." with "it" the object
        // of "said" and "sold" its conjunct.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("it", "it", Pron, "PRP", 2, "obj"),
            ("quickly", "quickly", Adv, "RB", 5, "advmod"),
            ("sold", "sell", Verb, "VBD", 2, "conj"),
            ("the", "the", Det, "DT", 7, "det"),
            ("plant", "plant", Noun, "NN", 5, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[2], (Some(5), "nsubj"));
        assert_eq!(heads(&s)[4], (Some(2), "ccomp"));
        // "Ruiz said talks in May helped Vantor ." with "in May" hung on
        // "said": past the phrase, "helped" is what the talks did.
        let mut s = sentence(&[
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("talks", "talk", Noun, "NNS", 2, "obj"),
            ("in", "in", Adp, "IN", 5, "case"),
            ("May", "May", Propn, "NNP", 2, "obl"),
            ("helped", "help", Verb, "VBD", 2, "conj"),
            ("Vantor", "Vantor", Propn, "NNP", 6, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[2], (Some(6), "nsubj"));
        assert_eq!(heads(&s)[5], (Some(2), "ccomp"));
        // "Ruiz said the votes were a sham ." with the copular clause hung
        // on "said" as an oblique: no preposition opens it, so it is no
        // phrase to pass over; its copula comes at once, and the clause is
        // what was said.
        let rows = [
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("votes", "vote", Noun, "NNS", 2, "obj"),
            ("were", "be", Aux, "VBD", 7, "cop"),
            ("a", "a", Det, "DT", 7, "det"),
            ("sham", "sham", Noun, "NN", 2, "obl"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(7), "nsubj"));
        assert_eq!(heads(&s)[6], (Some(2), "ccomp"));
    }

    #[test]
    fn a_prepositional_phrase_read_as_a_conjunct_is_the_noun_s() {
        use Upos::*;
        // "Vantor began the building of a mill , called Gail , in the
        // Tollund field ." with the last phrase joined to "building".
        let rows = [
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("began", "begin", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("building", "building", Noun, "NN", 2, "obj"),
            ("of", "of", Adp, "IN", 7, "case"),
            ("a", "a", Det, "DT", 7, "det"),
            ("mill", "mill", Noun, "NN", 4, "nmod"),
            (",", ",", Punct, ",", 9, "punct"),
            ("called", "call", Verb, "VBN", 4, "acl"),
            ("Gail", "Gail", Propn, "NNP", 9, "xcomp"),
            (",", ",", Punct, ",", 15, "punct"),
            ("in", "in", Adp, "IN", 15, "case"),
            ("the", "the", Det, "DT", 15, "det"),
            ("Tollund", "Tollund", Propn, "NNP", 15, "compound"),
            ("field", "field", Noun, "NN", 4, "conj"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[14], (Some(4), "nmod"));
        // With "and" it is a list member ("the mill and, in May, the
        // port"): the conjunct stays.
        let mut rows_and = rows.to_vec();
        rows_and[10] = ("and", "and", Cconj, "CC", 15, "cc");
        unchanged(&rows_and);
    }

    #[test]
    fn a_subject_read_as_the_object_of_a_verb_of_reckoning_is_the_subject() {
        use Upos::*;
        // "Ruiz calculated the cut would save money ." as the parser reads it.
        let mut s = sentence(&[
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("calculated", "calculate", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("cut", "cut", Noun, "NN", 2, "obj"),
            ("would", "would", Aux, "MD", 6, "aux"),
            ("save", "save", Verb, "VB", 2, "conj"),
            ("money", "money", Noun, "NN", 6, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(6), "nsubj"));
        assert_eq!(heads(&s)[5], (Some(2), "ccomp"));
        // "Vantor reported a deficit for the period ended May 31 .": a period
        // that ended is the noun's modifier, no clause; the deficit stays
        // the object.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("reported", "report", Verb, "VBD", 0, "root"),
            ("a", "a", Det, "DT", 4, "det"),
            ("deficit", "deficit", Noun, "NN", 2, "obj"),
            ("for", "for", Adp, "IN", 7, "case"),
            ("the", "the", Det, "DT", 7, "det"),
            ("period", "period", Noun, "NN", 2, "obl"),
            ("ended", "end", Verb, "VBD", 2, "conj"),
            ("May", "May", Propn, "NNP", 8, "obl"),
            ("31", "31", Num, "CD", 9, "nummod"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(2), "obj"));
        // "Kessel maintained the ban until prices rose .": the verb after
        // "until" is its own clause's (a later repair opens that clause);
        // the ban stays the object.
        let mut s = sentence(&[
            ("Kessel", "Kessel", Propn, "NNP", 2, "nsubj"),
            ("maintained", "maintain", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("ban", "ban", Noun, "NN", 2, "obj"),
            ("until", "until", Adp, "IN", 6, "case"),
            ("prices", "price", Noun, "NNS", 2, "obl"),
            ("rose", "rise", Verb, "VBD", 2, "conj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(2), "obj"));
        // "Vantor calculated a measure called Tollund .": a reduced relative.
        unchanged(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("calculated", "calculate", Verb, "VBD", 0, "root"),
            ("a", "a", Det, "DT", 4, "det"),
            ("measure", "measure", Noun, "NN", 2, "obj"),
            ("called", "call", Verb, "VBD", 2, "conj"),
            ("Tollund", "Tollund", Propn, "NNP", 5, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        // "Lind ruled out a deal would help ." stays: a phrasal verb.
        unchanged(&[
            ("Lind", "Lind", Propn, "NNP", 2, "nsubj"),
            ("ruled", "rule", Verb, "VBD", 0, "root"),
            ("out", "out", Adp, "RP", 2, "compound:prt"),
            ("a", "a", Det, "DT", 5, "det"),
            ("deal", "deal", Noun, "NN", 2, "obj"),
            ("would", "would", Aux, "MD", 7, "aux"),
            ("help", "help", Verb, "VB", 2, "conj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
    }

    #[test]
    fn a_subject_read_as_the_object_of_a_verb_of_showing_is_the_subject() {
        use Upos::*;
        // "The data showed prices were rising ." as the parser reads it.
        let mut s = sentence(&[
            ("The", "the", Det, "DT", 2, "det"),
            ("data", "data", Noun, "NNS", 3, "nsubj"),
            ("showed", "show", Verb, "VBD", 0, "root"),
            ("prices", "price", Noun, "NNS", 3, "obj"),
            ("were", "be", Aux, "VBD", 6, "aux"),
            ("rising", "rise", Verb, "VBG", 3, "ccomp"),
            (".", ".", Punct, ".", 3, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(6), "nsubj"));
        assert_eq!(heads(&s)[5], (Some(3), "ccomp"));
    }

    #[test]
    fn a_finite_verb_hung_on_the_object_of_a_speech_verb_is_its_complement() {
        use Upos::*;
        // "Lind said the dockers and drivers backed the strike ." as the parser
        // reads it: "backed" a clause modifier of "unions".
        let mut s = sentence(&[
            ("Lind", "Lind", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("dockers", "docker", Noun, "NNS", 2, "obj"),
            ("and", "and", Cconj, "CC", 6, "cc"),
            ("drivers", "driver", Noun, "NNS", 4, "conj"),
            ("backed", "back", Verb, "VBD", 4, "acl"),
            ("the", "the", Det, "DT", 9, "det"),
            ("strike", "strike", Noun, "NN", 7, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[3], (Some(7), "nsubj"));
        assert_eq!(got[6], (Some(2), "ccomp"));
        // "announced a bid for the 51 pct": a number before the "verb"
        // says the tagger misread a noun; nothing moves.
        unchanged(&[
            ("Lind", "Lind", Propn, "NNP", 2, "nsubj"),
            ("announced", "announce", Verb, "VBD", 0, "root"),
            ("a", "a", Det, "DT", 4, "det"),
            ("bid", "bid", Noun, "NN", 2, "obj"),
            ("for", "for", Adp, "IN", 6, "case"),
            ("51", "51", Noun, "NN", 4, "nmod"),
            ("pct", "pct", Verb, "VBD", 4, "acl"),
        ]);
    }

    #[test]
    fn a_speaker_with_a_modifier_after_the_reported_clause_is_the_subject() {
        use Upos::*;
        // "Vantor will close the mill , a spokesman for the bank said ." as
        // the parser reads it: "for" a subordinator, "bank" the speaker.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 3, "nsubj"),
            ("will", "will", Aux, "MD", 3, "aux"),
            ("close", "close", Verb, "VB", 0, "root"),
            ("the", "the", Det, "DT", 5, "det"),
            ("mill", "mill", Noun, "NN", 3, "obj"),
            (",", ",", Punct, ",", 8, "punct"),
            ("a", "a", Det, "DT", 8, "det"),
            ("spokesman", "spokesman", Noun, "NN", 3, "obl"),
            ("for", "for", Adp, "IN", 12, "mark"),
            ("the", "the", Det, "DT", 11, "det"),
            ("bank", "bank", Noun, "NN", 12, "nsubj"),
            ("said", "say", Verb, "VBD", 3, "advcl"),
            (".", ".", Punct, ".", 3, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[7], (Some(12), "nsubj"));
        assert_eq!(got[10], (Some(8), "nmod"));
        assert_eq!(got[8], (Some(11), "case"));
        assert_eq!(got[11], (Some(3), "parataxis"));
        // "..., the head of the bank said .": the parser hung "head" on the
        // reported clause and left "said" without a subject.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 3, "nsubj"),
            ("will", "will", Aux, "MD", 3, "aux"),
            ("close", "close", Verb, "VB", 12, "ccomp"),
            ("the", "the", Det, "DT", 5, "det"),
            ("mill", "mill", Noun, "NN", 3, "obj"),
            (",", ",", Punct, ",", 8, "punct"),
            ("the", "the", Det, "DT", 8, "det"),
            ("head", "head", Noun, "NN", 3, "obl:unmarked"),
            ("of", "of", Adp, "IN", 11, "case"),
            ("the", "the", Det, "DT", 11, "det"),
            ("bank", "bank", Noun, "NN", 8, "nmod"),
            ("said", "say", Verb, "VBD", 0, "root"),
            (".", ".", Punct, ".", 12, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[7], (Some(12), "nsubj"));
    }

    #[test]
    fn an_opening_participle_of_a_preposition_is_a_preposition() {
        use Upos::*;
        // "Following the merger , Vantor will close two mills ." as the
        // parser reads it: "Following" a second, clausal subject of "close".
        let mut s = sentence(&[
            ("Following", "follow", Verb, "VBG", 7, "csubj"),
            ("the", "the", Det, "DT", 3, "det"),
            ("merger", "merger", Noun, "NN", 1, "obj"),
            (",", ",", Punct, ",", 1, "punct"),
            ("Vantor", "Vantor", Propn, "NNP", 7, "nsubj"),
            ("will", "will", Aux, "MD", 7, "aux"),
            ("close", "close", Verb, "VB", 0, "root"),
            ("two", "two", Num, "CD", 9, "nummod"),
            ("mills", "mill", Noun, "NNS", 7, "obj"),
            (".", ".", Punct, ".", 7, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[2], (Some(7), "obl"));
        assert_eq!(got[0], (Some(3), "case"));
        // "Following the leader is easy": the only subject stays one.
        unchanged(&[
            ("Following", "follow", Verb, "VBG", 5, "csubj"),
            ("the", "the", Det, "DT", 3, "det"),
            ("leader", "leader", Noun, "NN", 1, "obj"),
            ("is", "be", Aux, "VBZ", 5, "cop"),
            ("easy", "easy", Adj, "JJ", 0, "root"),
            (".", ".", Punct, ".", 5, "punct"),
        ]);
    }

    #[test]
    fn a_clause_hung_on_the_addressee_of_tell_is_what_is_told() {
        use Upos::*;
        // "Brandt told reporters he had sold the shares ." as the parser
        // reads it: "sold" a relative clause of "reporters".
        let mut s = sentence(&[
            ("Brandt", "Brandt", Propn, "NNP", 2, "nsubj"),
            ("told", "tell", Verb, "VBD", 0, "root"),
            ("reporters", "reporter", Noun, "NNS", 2, "obj"),
            ("he", "he", Pron, "PRP", 6, "nsubj"),
            ("had", "have", Aux, "VBD", 6, "aux"),
            ("sold", "sell", Verb, "VBN", 3, "acl:relcl"),
            ("the", "the", Det, "DT", 8, "det"),
            ("shares", "share", Noun, "NNS", 6, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[5], (Some(2), "ccomp"));
        assert_eq!(got[2], (Some(2), "iobj"));
        // "Ruiz told the story she had heard in Harlow": the clause lacks
        // its object, so it is a relative clause of "story"; nothing moves.
        unchanged(&[
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("told", "tell", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("story", "story", Noun, "NN", 2, "obj"),
            ("she", "she", Pron, "PRP", 7, "nsubj"),
            ("had", "have", Aux, "VBD", 7, "aux"),
            ("heard", "hear", Verb, "VBN", 4, "acl:relcl"),
            ("in", "in", Adp, "IN", 9, "case"),
            ("Harlow", "Harlow", Propn, "NNP", 7, "obl"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        // "Ruiz said in a statement that Vantor had closed the plant":
        // the clause hung on the setting is what was said.
        let mut s = sentence(&[
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("in", "in", Adp, "IN", 5, "case"),
            ("a", "a", Det, "DT", 5, "det"),
            ("statement", "statement", Noun, "NN", 2, "obl"),
            ("that", "that", Sconj, "IN", 9, "mark"),
            ("Vantor", "Vantor", Propn, "NNP", 9, "nsubj"),
            ("had", "have", Aux, "VBD", 9, "aux"),
            ("closed", "close", Verb, "VBN", 5, "acl"),
            ("the", "the", Det, "DT", 11, "det"),
            ("plant", "plant", Noun, "NN", 9, "obj"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[8], (Some(2), "ccomp"));
        assert_eq!(heads(&s)[4], (Some(2), "obl"));
        // "knew nothing but the rumours they were told": a passive clause
        // after a prepositional phrase can lack its object; it stays.
        unchanged(&[
            ("Lind", "Lind", Propn, "NNP", 2, "nsubj"),
            ("knew", "know", Verb, "VBD", 0, "root"),
            ("nothing", "nothing", Pron, "NN", 2, "obj"),
            ("but", "but", Adp, "IN", 6, "case"),
            ("the", "the", Det, "DT", 6, "det"),
            ("rumours", "rumour", Noun, "NNS", 2, "obl"),
            ("they", "they", Pron, "PRP", 9, "nsubj:pass"),
            ("were", "be", Aux, "VBD", 9, "aux:pass"),
            ("told", "tell", Verb, "VBN", 6, "acl:relcl"),
        ]);
        // "told the analysts who had asked that ...": a relative word
        // keeps the relative clause.
        unchanged(&[
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("told", "tell", Verb, "VBD", 0, "root"),
            ("analysts", "analyst", Noun, "NNS", 2, "obj"),
            ("who", "who", Pron, "WP", 6, "nsubj"),
            ("had", "have", Aux, "VBD", 6, "aux"),
            ("bought", "buy", Verb, "VBN", 3, "acl:relcl"),
            ("shares", "share", Noun, "NNS", 6, "obj"),
        ]);
    }

    #[test]
    fn a_hyphenated_participle_read_as_the_verb_modifies_its_noun() {
        use Upos::*;
        // "Vantor has so-called green rules ." as the parser reads it.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 5, "nsubj"),
            ("has", "have", Aux, "VBZ", 5, "aux"),
            ("so", "so", Adv, "RB", 5, "advmod"),
            ("-", "-", Punct, "HYPH", 5, "punct"),
            ("called", "call", Verb, "VBN", 0, "root"),
            ("green", "green", Adj, "JJ", 5, "conj"),
            ("rules", "rule", Noun, "NNS", 5, "obj"),
            (".", ".", Punct, ".", 5, "punct"),
        ]);
        glue(&mut s);
        repair(&mut s);
        assert_eq!(
            heads(&s),
            [
                (Some(2), "nsubj"),
                (None, "root"),
                (Some(5), "advmod"),
                (Some(5), "punct"),
                (Some(7), "amod"),
                (Some(7), "amod"),
                (Some(2), "obj"),
                (Some(2), "punct"),
            ]
        );
        assert_eq!(s.tokens[1].upos, Verb);
    }

    #[test]
    fn a_hyphenated_gerund_before_a_noun_modifies_it() {
        use Upos::*;
        // "Gas-selling firms cut prices ." with "Gas" read as the subject,
        // "selling" its clause and "firms" what is sold.
        let mut s = sentence(&[
            ("Gas", "gas", Noun, "NN", 5, "nsubj"),
            ("-", "-", Punct, "HYPH", 1, "punct"),
            ("selling", "sell", Verb, "VBG", 1, "acl"),
            ("firms", "firm", Noun, "NNS", 3, "obj"),
            ("cut", "cut", Verb, "VBD", 0, "root"),
            ("prices", "price", Noun, "NNS", 5, "obj"),
            (".", ".", Punct, ".", 5, "punct"),
        ]);
        glue(&mut s);
        repair(&mut s);
        assert_eq!(
            heads(&s),
            [
                (Some(3), "compound"),
                (Some(3), "punct"),
                (Some(4), "amod"),
                (Some(5), "nsubj"),
                (None, "root"),
                (Some(5), "obj"),
                (Some(5), "punct"),
            ]
        );
        // Read right already: nothing moves.
        let mut s = sentence(&[
            ("Gas", "gas", Noun, "NN", 3, "compound"),
            ("-", "-", Punct, "HYPH", 3, "punct"),
            ("selling", "sell", Verb, "VBG", 4, "amod"),
            ("firms", "firm", Noun, "NNS", 5, "nsubj"),
            ("cut", "cut", Verb, "VBD", 0, "root"),
        ]);
        glue(&mut s);
        let before: Vec<(Option<usize>, String)> = heads(&s)
            .into_iter()
            .map(|(h, d)| (h, d.to_string()))
            .collect();
        repair(&mut s);
        let after: Vec<(Option<usize>, String)> = heads(&s)
            .into_iter()
            .map(|(h, d)| (h, d.to_string()))
            .collect();
        assert_eq!(after, before);
    }

    #[test]
    fn a_verb_with_a_hyphen_before_it_and_a_determiner_stays() {
        use Upos::*;
        // "Vantor has co - founded the firm ." spaced as written: the
        // hyphen glues nothing.
        unchanged(&[
            ("Vantor", "Vantor", Propn, "NNP", 5, "nsubj"),
            ("has", "have", Aux, "VBZ", 5, "aux"),
            ("co", "co", Adv, "RB", 5, "advmod"),
            ("-", "-", Punct, "HYPH", 5, "punct"),
            ("founded", "found", Verb, "VBN", 0, "root"),
            ("the", "the", Det, "DT", 7, "det"),
            ("firm", "firm", Noun, "NN", 5, "obj"),
        ]);
        // Glued, but a determiner opens the object: a verb.
        let rows = [
            ("Vantor", "Vantor", Propn, "NNP", 5, "nsubj"),
            ("has", "have", Aux, "VBZ", 5, "aux"),
            ("co", "co", Adv, "RB", 5, "advmod"),
            ("-", "-", Punct, "HYPH", 5, "punct"),
            ("founded", "found", Verb, "VBN", 0, "root"),
            ("the", "the", Det, "DT", 7, "det"),
            ("firm", "firm", Noun, "NN", 5, "obj"),
        ];
        let mut s = sentence(&rows);
        glue(&mut s);
        let before = s.clone();
        repair(&mut s);
        assert_eq!(s, before);
    }

    #[test]
    fn a_speaker_after_the_reported_clause_is_the_subject_of_its_verb() {
        use Upos::*;
        // "Vantor will bid , local papers say ." as the parser reads it.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 3, "nsubj"),
            ("will", "will", Aux, "MD", 3, "aux"),
            ("bid", "bid", Verb, "VB", 7, "ccomp"),
            (",", ",", Punct, ",", 6, "punct"),
            ("local", "local", Adj, "JJ", 6, "amod"),
            ("papers", "paper", Noun, "NNS", 3, "obj"),
            ("say", "say", Verb, "VBP", 0, "root"),
            (".", ".", Punct, ".", 7, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[5], (Some(7), "nsubj"));
        // A verb that has its subject, or a noun with no comma before it,
        // is left alone.
        unchanged(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("bid", "bid", Verb, "VBD", 0, "root"),
            (",", ",", Punct, ",", 4, "punct"),
            ("papers", "paper", Noun, "NNS", 2, "obj"),
            ("they", "they", Pron, "PRP", 6, "nsubj"),
            ("say", "say", Verb, "VBP", 2, "parataxis"),
        ]);
        unchanged(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("sold", "sell", Verb, "VBD", 0, "root"),
            ("papers", "paper", Noun, "NNS", 2, "obj"),
            ("said", "say", Verb, "VBD", 2, "conj"),
        ]);
        // "Prices may fall , the Vantor Bank ( VB ) has said .": the
        // speaker's short name in brackets between it and its verb.
        let mut s = sentence(&[
            ("Prices", "price", Noun, "NNS", 3, "nsubj"),
            ("may", "may", Aux, "MD", 3, "aux"),
            ("fall", "fall", Verb, "VB", 12, "ccomp"),
            (",", ",", Punct, ",", 3, "punct"),
            ("the", "the", Det, "DT", 7, "det"),
            ("Vantor", "Vantor", Propn, "NNP", 7, "compound"),
            ("Bank", "Bank", Propn, "NNP", 3, "obl"),
            ("(", "(", Punct, "-LRB-", 9, "punct"),
            ("VB", "VB", Propn, "NNP", 7, "appos"),
            (")", ")", Punct, "-RRB-", 9, "punct"),
            ("has", "have", Aux, "VBZ", 12, "aux"),
            ("said", "say", Verb, "VBN", 0, "root"),
            (".", ".", Punct, ".", 12, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[6], (Some(12), "nsubj"));
    }

    #[test]
    fn a_name_read_as_a_compound_of_a_time_word_is_the_subject() {
        use Upos::*;
        // "The Vantor Group last week hired advisers ." as the parser reads it.
        let mut s = sentence(&[
            ("The", "the", Det, "DT", 3, "det"),
            ("Vantor", "Vantor", Propn, "NNP", 3, "compound"),
            ("Group", "Group", Propn, "NNP", 5, "compound"),
            ("last", "last", Adj, "JJ", 5, "amod"),
            ("week", "week", Noun, "NN", 6, "nsubj"),
            ("hired", "hire", Verb, "VBD", 0, "root"),
            ("advisers", "adviser", Noun, "NNS", 6, "obj"),
            (".", ".", Punct, ".", 6, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[2], (Some(6), "nsubj"));
        assert_eq!(heads(&s)[4], (Some(6), "obl:unmarked"));
        assert_eq!(heads(&s)[3], (Some(5), "amod"));
        // A time word that is the subject on its own stays ("Last week
        // was busy"), and so does a noun compound of a time word that is
        // not a subject.
        unchanged(&[
            ("Last", "last", Adj, "JJ", 2, "amod"),
            ("week", "week", Noun, "NN", 4, "nsubj"),
            ("was", "be", Aux, "VBD", 4, "cop"),
            ("busy", "busy", Adj, "JJ", 0, "root"),
        ]);
        unchanged(&[
            ("Vantor", "Vantor", Propn, "NNP", 3, "nsubj"),
            ("hired", "hire", Verb, "VBD", 0, "root"),
            ("election", "election", Noun, "NN", 4, "compound"),
            ("night", "night", Noun, "NN", 2, "obl:unmarked"),
        ]);
        // "Election night was tense": the compound is the time word's own.
        unchanged(&[
            ("Election", "election", Noun, "NN", 2, "compound"),
            ("night", "night", Noun, "NN", 4, "nsubj"),
            ("was", "be", Aux, "VBD", 4, "cop"),
            ("tense", "tense", Adj, "JJ", 0, "root"),
        ]);
        // "Vantor yesterday warned the bank": a deictic word takes none.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "compound"),
            ("yesterday", "yesterday", Noun, "NN", 3, "nsubj"),
            ("warned", "warn", Verb, "VBD", 0, "root"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[0], (Some(3), "nsubj"));
        // "The firm earlier this month said ...": the noun read as the
        // time word's subject, an adverb between.
        let mut s = sentence(&[
            ("The", "the", Det, "DT", 2, "det"),
            ("firm", "firm", Noun, "NN", 5, "nsubj"),
            ("earlier", "early", Adv, "RBR", 5, "advmod"),
            ("this", "this", Det, "DT", 5, "det"),
            ("month", "month", Noun, "NN", 6, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[1], (Some(6), "nsubj"));
        assert_eq!(heads(&s)[4], (Some(6), "obl:unmarked"));
        // A time word with a copula has a subject of its own ("The
        // deadline is this month").
        unchanged(&[
            ("The", "the", Det, "DT", 2, "det"),
            ("deadline", "deadline", Noun, "NN", 5, "nsubj"),
            ("is", "be", Aux, "VBZ", 5, "cop"),
            ("this", "this", Det, "DT", 5, "det"),
            ("month", "month", Noun, "NN", 0, "root"),
        ]);
    }

    #[test]
    fn a_name_read_as_parataxis_after_a_verb_is_its_object() {
        use Upos::*;
        // "Vantor hired Kessel Partners as brokers ."
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("hired", "hire", Verb, "VBD", 0, "root"),
            ("Kessel", "Kessel", Propn, "NNP", 4, "compound"),
            ("Partners", "Partners", Propn, "NNPS", 2, "parataxis"),
            ("as", "as", Adp, "IN", 6, "case"),
            ("brokers", "broker", Noun, "NNS", 2, "obl"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(2), "obj"));
        // A comma or an adverb before it: a fragment of its own ("I see,
        // fair point", "then the rest").
        unchanged(&[
            ("I", "I", Pron, "PRP", 2, "nsubj"),
            ("see", "see", Verb, "VBP", 0, "root"),
            (",", ",", Punct, ",", 5, "punct"),
            ("fair", "fair", Adj, "JJ", 5, "amod"),
            ("point", "point", Noun, "NN", 2, "parataxis"),
        ]);
    }

    #[test]
    fn an_active_verb_read_with_a_passive_subject_gets_its_subject() {
        use Upos::*;
        // "Vantor appointed advisers ." with "Vantor" read as nsubj:pass.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj:pass"),
            ("appointed", "appoint", Verb, "VBN", 0, "root"),
            ("advisers", "adviser", Noun, "NNS", 2, "obj"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[0], (Some(2), "nsubj"));
        // A headline's passive ("Ten killed in blast") and a passive with
        // its auxiliary stay.
        unchanged(&[
            ("Ten", "ten", Num, "CD", 2, "nsubj:pass"),
            ("killed", "kill", Verb, "VBN", 0, "root"),
            ("in", "in", Adp, "IN", 4, "case"),
            ("blast", "blast", Noun, "NN", 2, "obl"),
        ]);
        unchanged(&[
            ("Vantor", "Vantor", Propn, "NNP", 3, "nsubj:pass"),
            ("was", "be", Aux, "VBD", 3, "aux:pass"),
            ("fined", "fine", Verb, "VBN", 0, "root"),
        ]);
    }

    /// Gives the tokens spans as written with one space between words,
    /// except around a hyphen, which is glued to both neighbours.
    fn glue(s: &mut Sentence) {
        let mut at = 0;
        for i in 0..s.tokens.len() {
            let hyphen_before = i > 0 && s.tokens[i - 1].form == "-";
            if i > 0 && s.tokens[i].form != "-" && !hyphen_before {
                at += 1;
            }
            let len = s.tokens[i].form.len();
            s.tokens[i].span = Span::new(at, at + len);
            at += len;
        }
    }

    /// `rows` parsed as given stay as they are.
    fn unchanged(rows: &[(&str, &str, Upos, &str, usize, &str)]) {
        let mut s = sentence(rows);
        let before = s.clone();
        repair(&mut s);
        assert_eq!(s, before);
    }

    #[test]
    fn an_object_that_is_one_stays() {
        use Upos::*;
        // "Vantor confirmed the deal ." and "Lind told reporters the plan
        // failed .": no finite verb right after the object, and "tell"
        // takes an addressee.
        unchanged(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("confirmed", "confirm", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("deal", "deal", Noun, "NN", 2, "obj"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        unchanged(&[
            ("Lind", "Lind", Propn, "NNP", 2, "nsubj"),
            ("told", "tell", Verb, "VBD", 0, "root"),
            ("reporters", "reporter", Noun, "NNS", 2, "obj"),
            ("failed", "fail", Verb, "VBD", 2, "ccomp"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        // A clause that has its own subject is left alone.
        unchanged(&[
            ("Lind", "Lind", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("profits", "profit", Noun, "NNS", 2, "obj"),
            ("rose", "rise", Verb, "VBD", 2, "conj"),
            ("sales", "sale", Noun, "NNS", 4, "nsubj"),
        ]);
    }

    #[test]
    fn a_bare_oblique_after_and_is_a_conjunct() {
        use Upos::*;
        // "The plan was prepared by the agency and planning consultants ."
        let mut s = sentence(&[
            ("The", "the", Det, "DT", 2, "det"),
            ("plan", "plan", Noun, "NN", 4, "nsubj:pass"),
            ("was", "be", Aux, "VBD", 4, "aux:pass"),
            ("prepared", "prepare", Verb, "VBN", 0, "root"),
            ("by", "by", Adp, "IN", 7, "case"),
            ("the", "the", Det, "DT", 7, "det"),
            ("agency", "agency", Noun, "NN", 4, "obl:agent"),
            ("and", "and", Cconj, "CC", 10, "cc"),
            ("planning", "planning", Noun, "NN", 10, "compound"),
            ("consultants", "consultant", Noun, "NNS", 4, "obl"),
            (".", ".", Punct, ".", 4, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[9], (Some(7), "conj"));
    }

    #[test]
    fn a_noun_conjunct_of_a_verb_after_its_object_is_the_object_s() {
        use Upos::*;
        // "The film features Ana Ruiz and Jan Brandt ." as the parser reads it.
        let rows = [
            ("The", "the", Det, "DT", 2, "det"),
            ("film", "film", Noun, "NN", 3, "nsubj"),
            ("features", "feature", Verb, "VBZ", 0, "root"),
            ("Ana", "Ana", Propn, "NNP", 3, "obj"),
            ("Ruiz", "Ruiz", Propn, "NNP", 4, "flat"),
            ("and", "and", Cconj, "CC", 7, "cc"),
            ("Jan", "Jan", Propn, "NNP", 3, "conj"),
            ("Brandt", "Brandt", Propn, "NNP", 7, "flat"),
            (".", ".", Punct, ".", 3, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[6], (Some(4), "conj"));
        // "... and Jan Brandt left": the noun opens a clause of its own.
        let mut rows = rows.to_vec();
        rows.insert(8, ("left", "leave", Verb, "VBD", 3, "conj"));
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[6], (Some(3), "conj"));
    }

    #[test]
    fn a_name_before_an_amount_is_the_recipient() {
        use Upos::*;
        // "Vantor will pay Kessel Corp 5 mln dlrs ." as the parser reads it.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 3, "nsubj"),
            ("will", "will", Aux, "MD", 3, "aux"),
            ("pay", "pay", Verb, "VB", 0, "root"),
            ("Kessel", "Kessel", Propn, "NNP", 5, "compound"),
            ("Corp", "Corp", Propn, "NNP", 6, "nmod:unmarked"),
            ("5", "5", Num, "CD", 8, "compound"),
            ("mln", "mln", Noun, "NN", 8, "compound"),
            ("dlrs", "dlr", Noun, "NNS", 3, "obj"),
            (".", ".", Punct, ".", 3, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[4], (Some(3), "iobj"));
        // "will file Chapter 11 bankruptcy papers": a numbered name.
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 3, "nsubj"),
            ("will", "will", Aux, "MD", 3, "aux"),
            ("file", "file", Verb, "VB", 0, "root"),
            ("Chapter", "Chapter", Propn, "NNP", 7, "nmod:unmarked"),
            ("11", "11", Num, "CD", 6, "compound"),
            ("bankruptcy", "bankruptcy", Noun, "NN", 7, "compound"),
            ("papers", "paper", Noun, "NNS", 3, "obj"),
            (".", ".", Punct, ".", 3, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(7), "nmod:unmarked"));
    }

    #[test]
    fn a_flat_name_after_a_conjunct_title_is_that_title_s() {
        use Upos::*;
        // "Chancellor Ola Lind and President Jan Brandt left ."
        let mut s = sentence(&[
            ("Chancellor", "chancellor", Propn, "NNP", 9, "nsubj"),
            ("Ola", "Ola", Propn, "NNP", 1, "flat"),
            ("Lind", "Lind", Propn, "NNP", 1, "flat"),
            ("and", "and", Cconj, "CC", 5, "cc"),
            ("President", "president", Propn, "NNP", 1, "conj"),
            ("Jan", "Jan", Propn, "NNP", 1, "flat"),
            ("Brandt", "Brandt", Propn, "NNP", 1, "flat"),
            ("left", "leave", Verb, "VBD", 0, "root"),
            (".", ".", Punct, ".", 8, "punct"),
        ]);
        // (Heads as the parser gave them, "left" at 8; fix the root row.)
        s.tokens[0].head = Some(7);
        repair(&mut s);
        let h = heads(&s);
        assert_eq!(h[5], (Some(5), "flat"));
        assert_eq!(h[6], (Some(5), "flat"));
        assert_eq!(h[2], (Some(1), "flat"));
    }

    #[test]
    fn a_subject_hung_on_a_subject_is_a_conjunct() {
        use Upos::*;
        // "the Greens and Red Party tabled it ." as the parser reads it.
        let mut s = sentence(&[
            ("the", "the", Det, "DT", 2, "det"),
            ("Greens", "Greens", Propn, "NNPS", 5, "nsubj"),
            ("and", "and", Cconj, "CC", 4, "cc"),
            ("Red", "Red", Propn, "NNP", 2, "conj"),
            ("Party", "Party", Propn, "NNP", 6, "nsubj"),
            ("tabled", "table", Verb, "VBD", 0, "root"),
            ("it", "it", Pron, "PRP", 6, "obj"),
            (".", ".", Punct, ".", 6, "punct"),
        ]);
        repair(&mut s);
        let h = heads(&s);
        assert_eq!(h[1], (Some(6), "nsubj"));
        assert_eq!(h[4], (Some(2), "conj"));
        assert_eq!(h[2], (Some(5), "cc"));
        assert_eq!(h[3], (Some(5), "compound"));
    }

    #[test]
    fn a_finite_conjunct_joins_the_finite_verb_not_the_participle() {
        use Upos::*;
        // "Vantor is targeting people who have phones and want more ."
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 3, "nsubj"),
            ("is", "be", Aux, "VBZ", 3, "aux"),
            ("targeting", "target", Verb, "VBG", 0, "root"),
            ("people", "people", Noun, "NNS", 3, "obj"),
            ("who", "who", Pron, "WP", 6, "nsubj"),
            ("have", "have", Verb, "VBP", 4, "acl:relcl"),
            ("phones", "phone", Noun, "NNS", 6, "obj"),
            ("and", "and", Cconj, "CC", 9, "cc"),
            ("want", "want", Verb, "VBP", 3, "conj"),
            ("more", "more", Adj, "JJR", 9, "obj"),
            (".", ".", Punct, ".", 3, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[8], (Some(6), "conj"));
    }

    #[test]
    fn a_second_verb_of_saying_is_the_speaker_s_unless_inside_a_quote() {
        use Upos::*;
        // "Ruiz said the audit found errors , adding that staff erred ."
        let rows = [
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("audit", "audit", Noun, "NN", 5, "nsubj"),
            ("found", "find", Verb, "VBD", 2, "ccomp"),
            ("errors", "error", Noun, "NNS", 5, "obj"),
            (",", ",", Punct, ",", 8, "punct"),
            ("adding", "add", Verb, "VBG", 5, "advcl"),
            ("that", "that", Sconj, "IN", 11, "mark"),
            ("staff", "staff", Noun, "NN", 11, "nsubj"),
            ("erred", "err", Verb, "VBD", 8, "ccomp"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[7], (Some(2), "advcl"));
        // The same words with "and added" as the parser's conjunct.
        let mut rows_and = rows;
        rows_and[6] = ("and", "and", Cconj, "CC", 8, "cc");
        rows_and[7] = ("added", "add", Verb, "VBD", 5, "conj");
        let mut s = sentence(&rows_and);
        repair(&mut s);
        assert_eq!(heads(&s)[7], (Some(2), "conj"));
        // "“ The staff sat there , not saying a word , ” Ruiz said .": the
        // speaker's verb comes after, so the participle is the quote's.
        let mut s = sentence(&[
            ("The", "the", Det, "DT", 2, "det"),
            ("staff", "staff", Noun, "NN", 3, "nsubj"),
            ("sat", "sit", Verb, "VBD", 10, "ccomp"),
            ("there", "there", Adv, "RB", 3, "advmod"),
            (",", ",", Punct, ",", 7, "punct"),
            ("not", "not", Part, "RB", 7, "advmod"),
            ("saying", "say", Verb, "VBG", 3, "advcl"),
            ("a", "a", Det, "DT", 9, "det"),
            ("word", "word", Noun, "NN", 7, "obj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("Ruiz", "Ruiz", Propn, "NNP", 10, "nsubj"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[6], (Some(3), "advcl"));
    }

    #[test]
    fn a_clause_read_as_an_adjective_of_its_object_is_a_clause() {
        use Upos::*;
        // "Ruiz said on Monday that the audit had found errors ."
        let rows = [
            ("Ruiz", "Ruiz", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("on", "on", Adp, "IN", 4, "case"),
            ("Monday", "Monday", Propn, "NNP", 2, "obl"),
            ("that", "that", Sconj, "IN", 9, "mark"),
            ("the", "the", Det, "DT", 7, "det"),
            ("audit", "audit", Noun, "NN", 9, "nsubj"),
            ("had", "have", Aux, "VBD", 9, "aux"),
            ("found", "find", Verb, "VBN", 10, "amod"),
            ("errors", "error", Noun, "NNS", 2, "obl"),
            (".", ".", Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        assert_eq!(heads(&s)[8], (Some(2), "ccomp"));
        assert_eq!(heads(&s)[9], (Some(9), "obj"));
        // "due to his waning popularity" with "his" misread as a subject
        // and no auxiliary or subordinator: left as parsed.
        let mut s = sentence(&[
            ("due", "due", Adj, "JJ", 0, "root"),
            ("to", "to", Adp, "IN", 5, "case"),
            ("his", "he", Pron, "PRP$", 4, "nsubj"),
            ("waning", "wane", Verb, "VBG", 5, "amod"),
            ("popularity", "popularity", Noun, "NN", 1, "obl"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[3], (Some(5), "amod"));
    }

    #[test]
    fn a_name_before_based_modifies_the_phrase_after_it() {
        use Upos::*;
        // "Kessel hired London-based lawyer Ola Lind ." as the parser read
        // it: London the object, the phrase after "based" hanging apart.
        let mut s = sentence(&[
            ("Kessel", "Kessel", Propn, "NNP", 2, "nsubj"),
            ("hired", "hire", Verb, "VBD", 0, "root"),
            ("London", "London", Propn, "NNP", 2, "obj"),
            ("-", "-", Punct, "HYPH", 5, "punct"),
            ("based", "base", Verb, "VBN", 6, "amod"),
            ("lawyer", "lawyer", Noun, "NN", 2, "obl:unmarked"),
            ("Ola", "Ola", Propn, "NNP", 8, "compound"),
            ("Lind", "Lind", Propn, "NNP", 2, "obl"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        let got = heads(&s);
        assert_eq!(got[7], (Some(2), "obj"));
        assert_eq!(got[2], (Some(5), "compound"));
        assert_eq!(got[4], (Some(8), "amod"));
        assert_eq!(got[5], (Some(8), "compound"));
    }

    #[test]
    fn a_second_that_clause_joins_the_first() {
        use Upos::*;
        // "Vantor said it would appeal and that it hoped to win ." with
        // "hoped" joined to "said".
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("said", "say", Verb, "VBD", 0, "root"),
            ("it", "it", Pron, "PRP", 5, "nsubj"),
            ("would", "would", Aux, "MD", 5, "aux"),
            ("appeal", "appeal", Verb, "VB", 2, "ccomp"),
            ("and", "and", Cconj, "CC", 10, "cc"),
            ("that", "that", Sconj, "IN", 10, "mark"),
            ("it", "it", Pron, "PRP", 10, "nsubj"),
            ("still", "still", Adv, "RB", 10, "advmod"),
            ("hoped", "hope", Verb, "VBD", 2, "conj"),
            ("to", "to", Part, "TO", 12, "mark"),
            ("win", "win", Verb, "VB", 10, "xcomp"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[9], (Some(5), "conj"));
    }

    #[test]
    fn a_predicate_with_its_subject_is_the_clause_of_a_clause_verb() {
        use Upos::*;
        // "Vantor believes the suit is without merit ." with "merit" an
        // oblique of "believes".
        let mut s = sentence(&[
            ("Vantor", "Vantor", Propn, "NNP", 2, "nsubj"),
            ("believes", "believe", Verb, "VBZ", 0, "root"),
            ("the", "the", Det, "DT", 4, "det"),
            ("suit", "suit", Noun, "NN", 7, "nsubj"),
            ("is", "be", Aux, "VBZ", 7, "cop"),
            ("without", "without", Adp, "IN", 7, "case"),
            ("merit", "merit", Noun, "NN", 2, "obl"),
            (".", ".", Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[6], (Some(2), "ccomp"));
    }

    #[test]
    fn a_name_after_a_code_is_a_list_member() {
        use Upos::*;
        // "owned by Vantor Corp <VAN> , Kessel Corp <KES> and Tollund Inc"
        // with Kessel Corp read as Vantor Corp's apposition.
        let mut s = sentence(&[
            ("owned", "own", Verb, "VBN", 0, "root"),
            ("by", "by", Adp, "IN", 4, "case"),
            ("Vantor", "Vantor", Propn, "NNP", 4, "compound"),
            ("Corp", "Corp", Propn, "NNP", 1, "obl:agent"),
            ("<", "<", Punct, "-LRB-", 6, "punct"),
            ("VAN", "VAN", Propn, "NNP", 4, "appos"),
            (">", ">", Punct, "-RRB-", 6, "punct"),
            (",", ",", Punct, ",", 10, "punct"),
            ("Kessel", "Kessel", Propn, "NNP", 10, "compound"),
            ("Corp", "Corp", Propn, "NNP", 4, "appos"),
            ("<", "<", Punct, "-LRB-", 12, "punct"),
            ("KES", "KES", Propn, "NNP", 4, "appos"),
            (">", ">", Punct, "-RRB-", 12, "punct"),
            ("and", "and", Cconj, "CC", 16, "cc"),
            ("Tollund", "Tollund", Propn, "NNP", 16, "compound"),
            ("Inc", "Inc", Propn, "NNP", 4, "conj"),
        ]);
        repair(&mut s);
        assert_eq!(heads(&s)[9], (Some(4), "conj"));
    }
}
