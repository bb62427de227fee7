//! Extraction: [`AnalyzedDoc`] in, [`DocFacts`] out.
//!
//! Finds entity mentions (names, descriptions, pronouns), clusters them by
//! coreference into document entities, and reads facts off each sentence's
//! dependency parse. The entry point is [`Extractor::extract`].
//!
//! Steps, in order:
//! 1. `mentions`: named-entity spans, titles stripped and read as roles;
//!    pronouns, demonyms, missed country names, definite descriptions;
//! 2. `coref`: mentions clustered into document entities;
//! 3. `roles`: titles and appositions become role facts ("president of");
//! 4. clauses: facts read from the parse (the extract helper's
//!    `clauses::extract_facts`).

mod attribution;
pub mod carb;
mod classifier;
mod clauses;
mod concepts;
mod copula;
mod coref;
mod fact;
mod frame;
mod lexicon;
mod mentions;
mod negation;
mod nominal;
mod pattern;
mod policy;
mod quotes;
mod roles;
mod said_event;
mod subject;
mod tree;
mod verbal;

use std::collections::HashMap;

pub use attribution::denies;
pub use classifier::{features as fact_features, FactClassifier, Feature, FACTS_MODEL};
pub use fact::{Argument, DocEntity, DocFacts, Fact, Mention, MentionKind, Modality, Stance};
pub use pattern::Pattern;
pub use policy::FactPolicy;

use mentions::Candidate;
use std::sync::Arc;

use newskg_nlp::{AnalyzedDoc, Gazetteer};

/// Finds entities and facts in analysed documents. `Send + Sync`.
pub struct Extractor {
    /// Shared with cross-document resolution ([`Extractor::gazetteer`]).
    gazetteer: Arc<Gazetteer>,
    /// Relation → stance, parsed once here rather than per document.
    lexicon: lexicon::Lexicon,
    /// Which candidate facts are kept.
    policy: FactPolicy,
    /// Turns each candidate's rule confidence into the probability that it
    /// is right; without one, the rule confidence stands.
    classifier: Option<FactClassifier>,
}

impl Extractor {
    /// An extractor with the built-in relation lexicon, using `gazetteer`
    /// (from [`Analyzer::gazetteer`](newskg_nlp::Analyzer::gazetteer)) for
    /// demonyms, titles and country names. It keeps the facts of
    /// [`FactPolicy::default`]: entity-anchored, at the default confidence.
    pub fn new(gazetteer: Gazetteer) -> Extractor {
        Extractor {
            gazetteer: Arc::new(gazetteer),
            lexicon: lexicon::Lexicon::builtin(),
            policy: FactPolicy::default(),
            classifier: None,
        }
    }

    /// The gazetteer extraction reads, to share with the later stages (the
    /// root crate's cross-document `Resolver`), so that every stage asks
    /// one table.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// Sets the fact classifier whose probability becomes each fact's
    /// confidence (before the policy's threshold is applied).
    pub fn set_classifier(&mut self, classifier: Option<FactClassifier>) {
        self.classifier = classifier;
    }

    /// Whether a fact classifier scores the facts.
    pub fn has_classifier(&self) -> bool {
        self.classifier.is_some()
    }

    /// Sets which candidate facts [`Extractor::extract`] keeps.
    pub fn set_policy(&mut self, policy: FactPolicy) {
        self.policy = policy;
    }

    /// Which candidate facts [`Extractor::extract`] keeps.
    pub fn policy(&self) -> FactPolicy {
        self.policy
    }

    /// Entities and mentions of one analysed document, without facts (steps
    /// 1–2 only): what cross-document resolution needs. The benchmark times
    /// coreference with it, apart from fact extraction.
    pub fn entities(&self, analyzed: AnalyzedDoc) -> DocFacts {
        self.run(analyzed, false, false).0
    }

    /// Entities, mentions and facts of one analysed document.
    pub fn extract(&self, analyzed: AnalyzedDoc) -> DocFacts {
        self.run(analyzed, true, false).0
    }

    /// Like [`Extractor::extract`], with the classifier's features of every
    /// fact kept (in the order of [`DocFacts::facts`]), read before any
    /// classifier changed the confidence: what `newskg train facts` learns
    /// from.
    pub fn extract_with_features(&self, analyzed: AnalyzedDoc) -> (DocFacts, Vec<Vec<Feature>>) {
        self.run(analyzed, true, true)
    }

    fn run(
        &self,
        analyzed: AnalyzedDoc,
        with_facts: bool,
        want_features: bool,
    ) -> (DocFacts, Vec<Vec<Feature>>) {
        let cands = mentions::find(&analyzed, &self.gazetteer);
        // Quotations matter to coreference (a pronoun in a quote is not its
        // speaker) and to attribution: found once.
        let quote_spans = quotes::spans(&analyzed.doc.text);
        let coref::Coref {
            mut entities,
            mentions,
            assign,
        } = coref::cluster(&analyzed, &cands, &quote_spans, &self.gazetteer);
        link_state_bodies(&cands, &assign, &mut entities);
        let mut facts = Vec::new();
        let mut features = Vec::new();
        if with_facts {
            facts = role_facts(&analyzed, &cands, &assign, &entities);
            facts.extend(leader_facts(&cands, &assign, &entities));
            let offset = facts.len();
            for mut f in clauses::extract_facts(
                &analyzed,
                &mentions,
                &entities,
                &quote_spans,
                &self.lexicon,
                &self.gazetteer,
                self.policy.open,
            ) {
                if let Argument::Statement(i) = &mut f.object {
                    *i += offset;
                }
                facts.push(f);
            }
            let unnamed = concepts::name_lone_nouns(&analyzed, &mut facts);
            let rule: Vec<f32> = facts.iter().map(|f| f.confidence).collect();
            if want_features || self.classifier.is_some() {
                let all: Vec<Vec<Feature>> = (0..facts.len())
                    .map(|i| classifier::features(&facts, i, &analyzed, &entities, &mentions))
                    .collect();
                if let Some(classifier) = &self.classifier {
                    for (f, fs) in facts.iter_mut().zip(&all) {
                        f.confidence = classifier.probability(fs) as f32;
                    }
                }
                features = all;
            }
            let order = self.kept_order(&facts, &rule, &entities, &unnamed);
            if want_features {
                let mut slots: Vec<Option<Vec<Feature>>> = features.into_iter().map(Some).collect();
                features = order.iter().filter_map(|&i| slots[i].take()).collect();
            } else {
                features = Vec::new();
            }
            facts = renumbered(facts, &order);
        }
        let doc = DocFacts {
            analyzed,
            entities,
            mentions,
            facts,
        };
        (doc, features)
    }
}

/// Whether facts `a` and `b` state one role twice, once read from a title
/// ("spokesman of | Vantor") and once from the apposition as a clause
/// ("spokesman for | Vantor"): the same role noun before "of", "for", "at"
/// or "with".
fn same_role(a: &Fact, b: &Fact) -> bool {
    let stem = |r: &str| {
        r.rsplit_once(' ')
            .filter(|(_, p)| matches!(*p, "of" | "for" | "at" | "with"))
            .map(|(s, _)| s.to_string())
    };
    (a.pattern == Pattern::Title || b.pattern == Pattern::Title)
        && stem(&a.relation).is_some_and(|s| Some(s) == stem(&b.relation))
}

impl Extractor {
    /// The indices of the facts the policy keeps, in sentence order. A fact
    /// whose clause object links to a dropped fact is dropped too: it would
    /// point at nothing. `unnamed` marks facts whose subject is a definite
    /// description that names nothing ([`concepts::name_lone_nouns`]).
    fn kept_order(
        &self,
        facts: &[Fact],
        rule: &[f32],
        entities: &[DocEntity],
        unnamed: &[bool],
    ) -> Vec<usize> {
        let mut keep: Vec<bool> = facts
            .iter()
            .enumerate()
            .map(|(i, f)| {
                self.policy.keeps(f, rule[i], entities, &self.gazetteer)
                    && (!unnamed[i] || self.policy.keeps_unnamed_subject(f))
            })
            .collect();
        // What a kept statement says is kept with it ("the minister said
        // that prices would fall": prices fall, Reported, attributed).
        for i in 0..facts.len() {
            let said = keep[i]
                || self
                    .policy
                    .keeps_what_is_said(&facts[i], rule[i], &self.gazetteer);
            if let (true, Argument::Statement(t)) = (said, &facts[i].object) {
                if self.policy.keeps_as_content(&facts[*t], rule[*t]) {
                    keep[*t] = true;
                }
            }
        }
        // One fact read twice in a sentence (a title's role and the same
        // apposition read as a clause) is stated once, the first reading;
        // facts a statement points to are left alone.
        let targets: Vec<usize> = facts
            .iter()
            .filter_map(|f| match f.object {
                Argument::Statement(t) => Some(t),
                _ => None,
            })
            .collect();
        for i in 0..facts.len() {
            if !keep[i] || targets.contains(&i) {
                continue;
            }
            let same = |j: usize| {
                let (a, b) = (&facts[i], &facts[j]);
                keep[j]
                    && a.sentence == b.sentence
                    && a.subject == b.subject
                    && (a.relation == b.relation || same_role(a, b))
                    && a.object == b.object
                    && a.negated == b.negated
                    && a.modality == b.modality
            };
            if (0..i).any(same) {
                keep[i] = false;
            }
        }
        // "Lind, a broker at Vantor": "Lind be broker" says
        // less than "Lind broker of Vantor" from the same sentence.
        for i in 0..facts.len() {
            let (Argument::Concept { label, .. }, "be") =
                (&facts[i].object, facts[i].relation.as_str())
            else {
                continue;
            };
            let label = label.to_lowercase();
            let role = format!("{label} ");
            // "a sales vice president at Vantor": the fuller fact names
            // the role without its modifier ("vice president of").
            let names_the_role = |relation: &str| {
                relation.starts_with(&role)
                    || relation
                        .strip_suffix(" of")
                        .is_some_and(|r| label.ends_with(&format!(" {r}")))
            };
            // "Lind, the line judge": "be judge" says less than "be line
            // judge" from the same apposition.
            let longer = |j: usize| match (&facts[j].object, facts[j].relation.as_str()) {
                (Argument::Concept { label: other, .. }, "be") => {
                    other.to_lowercase().ends_with(&format!(" {label}"))
                }
                _ => false,
            };
            let fuller = (0..facts.len()).any(|j| {
                j != i
                    && keep[j]
                    && facts[j].sentence == facts[i].sentence
                    && facts[j].subject == facts[i].subject
                    && (names_the_role(&facts[j].relation.to_lowercase()) || longer(j))
            });
            if keep[i] && fuller && !targets.contains(&i) {
                keep[i] = false;
            }
        }
        // Links only point within a sentence, one level per speech verb:
        // a few rounds settle every chain.
        loop {
            let mut changed = false;
            for (i, f) in facts.iter().enumerate() {
                if let Argument::Statement(t) = f.object {
                    if keep[i] && !keep[t] {
                        keep[i] = false;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let mut order: Vec<usize> = (0..facts.len()).filter(|&i| keep[i]).collect();
        order.sort_by_key(|&i| facts[i].sentence); // stable: text order within a sentence
        order
    }
}

/// The facts at `order`, in that order, statement links renumbered.
fn renumbered(facts: Vec<Fact>, order: &[usize]) -> Vec<Fact> {
    let mut new_index = vec![usize::MAX; facts.len()];
    for (n, &i) in order.iter().enumerate() {
        new_index[i] = n;
    }
    let mut slots: Vec<Option<Fact>> = facts.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots[i].take())
        .map(|mut f| {
            if let Argument::Statement(t) = &mut f.object {
                *t = new_index[*t];
            }
            f
        })
        .collect()
}

/// Role facts from the titles of person mentions: "president of" the
/// country in the title, "ambassador to" the host and "ambassador of" the
/// sender. The country must be written in the title itself ("Mexican
/// President", "Ambassador to Mexico"): a bare "Attorney General" says
/// nothing of which country, and a guessed one would be an edge the text does
/// not support. One fact per entity, relation and country.
fn role_facts(
    analyzed: &AnalyzedDoc,
    cands: &[Candidate],
    assign: &[Option<usize>],
    entities: &[DocEntity],
) -> Vec<Fact> {
    let mut country_entity: HashMap<&str, usize> = HashMap::new();
    for (c, a) in cands.iter().zip(assign) {
        if let (Some(canon), Some(e)) = (&c.canonical, a) {
            country_entity.entry(canon.as_str()).or_insert(*e);
        }
    }
    let mut facts: Vec<Fact> = Vec::new();
    let mut seen: Vec<(usize, String, usize)> = Vec::new();
    for (c, a) in cands.iter().zip(assign) {
        let (Some(t), Some(subject)) = (&c.title, a) else {
            continue;
        };
        let Some(role) = &t.role else { continue };
        if entities[*subject].label_type != newskg_nlp::EntityLabel::Person {
            continue;
        }
        let tokens = &analyzed.sentences[c.sentence].tokens;
        // "Former Vantor chairman Jan Brandt": a modifier before the body's
        // name is the role's ("former chairman of" Vantor); the name between
        // them had cut it off.
        let modifier_at =
            roles::modifier_before(tokens, t.tokens.start).or_else(|| t.inner_modifier.clone());
        let modifier = modifier_at.as_ref().map(|(_, m)| m.clone());
        let with_modifier = |r: String| match &modifier {
            Some(m) if !r.split(' ').any(|w| w == m) => format!("{m} {r}"),
            _ => r,
        };
        let mut objects: Vec<(String, usize)> = Vec::new();
        for (side, affiliation) in [(&t.country, false), (&t.affiliation, true)] {
            let Some((canon, _)) = side else { continue };
            if let Some(&object) = country_entity.get(canon.as_str()) {
                objects.push((
                    roles::relation(&with_modifier(role.clone()), affiliation),
                    object,
                ));
            }
        }
        // The words of the role before the title's head that no name
        // covers ("Regional Transport" Commissioner, "foreign affairs" spokesman).
        let covers = |o: &Candidate, i: usize| {
            o.sentence == c.sentence && !std::ptr::eq(o, c) && o.tokens.contains(&i)
        };
        let covered = |i: usize| cands.iter().any(|o| covers(o, i));
        let countryless = t.country.is_none() && t.affiliation.is_none();
        let start = if countryless {
            roles::role_phrase_start(t, tokens, covered)
        } else {
            t.tokens.start
        };
        let phrase = roles::role_label(role, t, start, tokens);
        // Whether a modifier stands outside the role's phrase with the name
        // of a body or a work between ("Former Vantor chairman", "former
        // Harlow Roses singer"; a place leaves the role whole: "former US
        // envoy").
        let cut_off = modifier_at.as_ref().is_some_and(|(k, m)| {
            !phrase.split(' ').any(|w| w == m)
                && (k + 1..start).any(|i| {
                    cands
                        .iter()
                        .any(|o| covers(o, i) && o.label != Some(newskg_nlp::EntityLabel::Place))
                })
        });
        let label = with_modifier(phrase);
        if countryless {
            let before = roles::before_judging_adjectives(start, tokens, covered);
            if let Some(object) = body_of_role(c, before, t, cands, assign, entities, tokens) {
                objects.push((roles::relation(&label, false), object));
            }
        }
        if objects.is_empty() {
            // The role alone ("Secretary of State Ana Ruiz"), once
            // per person and role.
            // A rank the phrase left out stays ("vice economic minister":
            // "vice minister"); a past one leaves no fact, since what it
            // covers is not known ("former Harlow Roses singer" is a singer
            // still, of the band no more; "former Vantor manager" no
            // manager).
            if cut_off && modifier.as_deref().is_some_and(roles::is_past_role_word) {
                continue;
            }
            // A post within a body says nothing without the body ("be
            // chairman", "be lead manager" of no issue named: judged,
            // none of 20 such facts correct).
            if newskg_nlp::names::is_post_within_a_body(&label) {
                continue;
            }
            let key = (*subject, format!("be {label}"), usize::MAX);
            if !seen.contains(&key) {
                seen.push(key);
                facts.push(roles::title_fact(*subject, label, c.sentence));
            }
        }
        // "Tory chancellor", "Republican senator": an office of state held
        // by a party's member is not the party's office ("member of" the
        // party); the party's own offices are ("Labour leader").
        let party = |e: &DocEntity| {
            e.label_type == newskg_nlp::EntityLabel::Misc || e.label.ends_with(" Party")
        };
        for (relation, object) in objects {
            let office = relation.trim_end_matches(" of").trim_end_matches(" to");
            let relation = if entities.get(object).is_some_and(party)
                && newskg_nlp::names::is_office_of_state(office)
            {
                "member of".to_string()
            } else {
                relation
            };
            let key = (*subject, relation.clone(), object);
            if object != *subject && !seen.contains(&key) {
                seen.push(key);
                facts.push(roles::role_fact(*subject, relation, object, c.sentence));
            }
        }
    }
    facts
}

/// "Kessel | head of | Kessel administration": the leader a government
/// is named by ([`mentions::Candidate::led_by`]) heads it. One fact per
/// leader and government.
fn leader_facts(
    cands: &[Candidate],
    assign: &[Option<usize>],
    entities: &[DocEntity],
) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    for (c, a) in cands.iter().zip(assign) {
        let (Some(name), Some(body)) = (&c.led_by, *a) else {
            continue;
        };
        let leader = cands
            .iter()
            .zip(assign)
            .find(|(p, _)| p.sentence == c.sentence && p.tokens == *name)
            .and_then(|(_, a)| *a)
            .filter(|&l| l != body && entities[l].label_type == newskg_nlp::EntityLabel::Person);
        if let Some(leader) = leader {
            let fact = roles::role_fact(leader, "head of".to_string(), body, c.sentence);
            let seen = facts
                .iter()
                .any(|f| f.subject == fact.subject && f.object == fact.object);
            if !seen {
                facts.push(fact);
            }
        }
    }
    facts
}

/// The tie of each body of a state to its country ("the Norwegian
/// government" is part of Norway), when the country is an entity of the
/// document (a demonym or the body's own phrase makes it one): a link
/// between the two entities ([`DocEntity::part_of`]), which the graph
/// holds as `nkg:partOf`.
fn link_state_bodies(cands: &[Candidate], assign: &[Option<usize>], entities: &mut [DocEntity]) {
    for (c, a) in cands.iter().zip(assign) {
        let (Some(country), Some(body)) = (&c.part_of, *a) else {
            continue;
        };
        let place = entities
            .iter()
            .position(|e| e.label_type == newskg_nlp::EntityLabel::Place && &e.label == country);
        if let Some(place) = place.filter(|&p| p != body) {
            entities[body].part_of.get_or_insert(place);
        }
    }
}

/// The organisation or person a title without a country is held in or
/// for: a name right before the title's phrase, which starts at token
/// `before` ("Vantor chairman", "Lind's chief of staff", "the Vantor Bank
/// (VB) chairman"), or right after its
/// preposition in an apposition ("…, president of the Vantor Group"). Places are left out: a place before a title is a
/// country the title already read, or a city whose role would be a guess.
fn body_of_role(
    c: &Candidate,
    before: usize,
    t: &roles::Title,
    cands: &[Candidate],
    assign: &[Option<usize>],
    entities: &[DocEntity],
    tokens: &[newskg_nlp::Token],
) -> Option<usize> {
    let form = |i: usize| tokens.get(i).map_or("", |t| t.form.as_str());
    let possessive = |i: usize| matches!(form(i), "'s" | "’s");
    let after = t.body.clone();
    cands.iter().zip(assign).find_map(|(other, a)| {
        let e = (*a)?;
        if other.sentence != c.sentence || std::ptr::eq(other, c) {
            return None;
        }
        let label = entities.get(e)?.label_type;
        // ("the Tollund Planters Bank (TPB) president": its bracketed
        // acronym stands right before the title.)
        let bracket_closes = |i: usize| matches!(form(i), ")" | "]");
        // ("the Tollund Trading Commission, TTC, Chairman Ana Ruiz": or its
        // acronym between commas.)
        let acronym_between_commas = other.tokens.end + 3 == before
            && form(other.tokens.end) == ","
            && form(before - 1) == ","
            && {
                let word = form(other.tokens.end + 1);
                word.len() >= 2 && word.chars().all(|ch| ch.is_ascii_uppercase())
            };
        let adjacent = (other.tokens.end == before
            || other.tokens.end + 1 == before && bracket_closes(other.tokens.end)
            || acronym_between_commas)
            && label == newskg_nlp::EntityLabel::Organization
            || other.tokens.end + 1 == before
                && possessive(other.tokens.end)
                && matches!(
                    label,
                    newskg_nlp::EntityLabel::Organization | newskg_nlp::EntityLabel::Person
                );
        let appositive = after.as_ref().is_some_and(|r| {
            other.tokens.start == r.start && label == newskg_nlp::EntityLabel::Organization
        });
        (adjacent || appositive).then_some(e)
    })
}

#[cfg(test)]
#[allow(clippy::expect_used)] // a failed expectation is a failed test
mod tests {
    use super::*;
    use newskg_input::Document;
    use newskg_nlp::{EntityLabel, NamedEntity, Sentence, Span, Token};
    use EntityLabel::*;

    /// Word tokens of `text` for tests, independent of the real tokenizer:
    /// whitespace-separated, punctuation split off, except the dots of
    /// abbreviations ("U.S.", "Mr.") and a possessive "'s" kept as one token.
    pub(crate) fn tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut push = |a: usize, b: usize| {
            if a < b {
                out.push(Token::unanalyzed(Span::new(a, b), &text[a..b]));
            }
        };
        let mut pos = 0;
        for chunk in text.split_inclusive(char::is_whitespace) {
            let word = chunk.trim_end();
            let (mut a, mut b) = (pos, pos + word.len());
            pos += chunk.len();
            let mut tail = Vec::new();
            while a < b && text[a..b].starts_with(|c: char| !c.is_alphanumeric()) {
                let n = text[a..b].chars().next().map_or(1, char::len_utf8);
                push(a, a + n);
                a += n;
            }
            loop {
                let w = &text[a..b];
                let abbrev = w.ends_with('.')
                    && (w == "Mr." || w == "Mrs." || w == "Ms." || w.matches('.').count() > 1);
                if w.ends_with("'s") && w.len() > 2 {
                    tail.push((b - 2, b));
                    b -= 2;
                } else if !abbrev && b > a && w.ends_with(|c: char| !c.is_alphanumeric()) {
                    let n = w.chars().last().map_or(1, char::len_utf8);
                    tail.push((b - n, b));
                    b -= n;
                } else {
                    break;
                }
            }
            push(a, b);
            for (x, y) in tail.into_iter().rev() {
                push(x, y);
            }
        }
        out
    }

    /// A document whose named entities are given as (text, label), each
    /// found after the previous one; sentences end at ".", "!" or "?".
    pub(crate) fn doc(text: &str, names: &[(&str, EntityLabel)]) -> AnalyzedDoc {
        let mut sentences: Vec<Sentence> = Vec::new();
        let mut current: Vec<Token> = Vec::new();
        for t in tokens(text) {
            let end = matches!(t.form.as_str(), "." | "!" | "?");
            current.push(t);
            if end {
                let tokens = std::mem::take(&mut current);
                let span = Span::new(tokens[0].span.start, tokens[tokens.len() - 1].span.end);
                sentences.push(Sentence { span, tokens });
            }
        }
        if !current.is_empty() {
            let span = Span::new(current[0].span.start, current[current.len() - 1].span.end);
            sentences.push(Sentence {
                span,
                tokens: current,
            });
        }
        let mut entities = Vec::new();
        let mut from = 0;
        for (name, label) in names {
            let Some(off) = text[from..].find(name) else {
                panic!("{name} not in text after byte {from}");
            };
            let (start, end) = (from + off, from + off + name.len());
            from = end;
            for (si, s) in sentences.iter().enumerate() {
                let a = s.tokens.iter().position(|t| t.span.start == start);
                let b = s.tokens.iter().position(|t| t.span.end == end);
                if let (Some(a), Some(b)) = (a, b) {
                    entities.push(NamedEntity {
                        sentence: si,
                        tokens: a..b + 1,
                        span: Span::new(start, end),
                        label: *label,
                        subtype: None,
                    });
                }
            }
        }
        AnalyzedDoc {
            doc: Document::from_text("test", text),
            sentences,
            entities,
        }
    }

    fn extract(text: &str, names: &[(&str, EntityLabel)]) -> DocFacts {
        Extractor::new(Gazetteer::default()).extract(doc(text, names))
    }

    fn entity<'a>(f: &'a DocFacts, label: &str) -> (usize, &'a DocEntity) {
        f.entities
            .iter()
            .enumerate()
            .find(|(_, e)| e.label == label)
            .unwrap_or_else(|| panic!("no entity {label:?} in {:#?}", f.entities))
    }

    fn role(f: &DocFacts, subject: &str, relation: &str, object: &str) -> bool {
        let (s, _) = entity(f, subject);
        let (o, _) = entity(f, object);
        f.facts.iter().any(|x| {
            x.subject == Argument::Entity(s)
                && x.object == Argument::Entity(o)
                && x.relation == relation
                && x.stance == Some(Stance::Role)
        })
    }

    #[test]
    fn test_tokens() {
        let forms: Vec<String> = tokens("The U.S. said (Mr. Roe's \"plan\").")
            .into_iter()
            .map(|t| t.form)
            .collect();
        assert_eq!(
            forms,
            ["The", "U.S.", "said", "(", "Mr.", "Roe", "'s", "\"", "plan", "\"", ")", "."]
        );
    }

    #[test]
    fn a_role_read_from_a_title_and_from_its_apposition_is_one_role() {
        let title = roles::role_fact(0, "spokesman of".to_string(), 1, 0);
        let apposition = Fact {
            relation: "spokesman for".to_string(),
            pattern: Pattern::Appos,
            ..title.clone()
        };
        assert!(same_role(&title, &apposition));
        // Two clause readings are two facts ("vote for" is no "vote with").
        let for_ = Fact {
            relation: "vote for".to_string(),
            pattern: Pattern::Svo,
            ..title.clone()
        };
        let with = Fact {
            relation: "vote with".to_string(),
            ..for_.clone()
        };
        assert!(!same_role(&for_, &with));
    }

    #[test]
    fn roles_in_organisations_and_of_people() {
        // The body before the title, named by the recognizer or not.
        let f = extract(
            "Vantor spokeswoman Ana Ruiz declined. Kessel Bank Chairman Ola Lind resigned.",
            &[
                ("Vantor", Organization),
                ("Ana Ruiz", Person),
                ("Kessel Bank Chairman Ola Lind", Person),
            ],
        );
        assert!(role(&f, "Ana Ruiz", "spokeswoman of", "Vantor"));
        assert!(role(&f, "Ola Lind", "chairman of", "Kessel Bank"));
        // In an apposition, and a person's aide by the possessive.
        let f = extract(
            "Pat Lind, president of the Vantor Group, left. Brandt's chief of staff Jan Kessel stayed.",
            &[
                ("Pat Lind", Person),
                ("Vantor Group", Organization),
                ("Brandt", Person),
                ("Jan Kessel", Person),
            ],
        );
        assert!(role(&f, "Pat Lind", "president of", "Vantor Group"));
        // The body before the title in an apposition with a relative clause.
        let g = extract(
            "Ana Ruiz, a Kessel Bank analyst who follows the firm, spoke.",
            &[("Ana Ruiz", Person), ("Kessel Bank", Organization)],
        );
        assert!(role(&g, "Ana Ruiz", "analyst of", "Kessel Bank"));
        assert!(role(&f, "Jan Kessel", "chief of staff of", "Brandt"));
        // A place before a title that names no country gives no role: which
        // body of the city is meant would be a guess.
        let f = extract(
            "Bergen spokesman Jan Kessel spoke.",
            &[("Bergen", Place), ("Jan Kessel", Person)],
        );
        let (bergen, _) = entity(&f, "Bergen");
        assert!(!f
            .facts
            .iter()
            .any(|x| x.stance == Some(Stance::Role) && x.object == Argument::Entity(bergen)));
    }

    #[test]
    fn sheinbaum_titles_surname_and_pronoun() {
        let f = extract(
            "Mexican President Claudia Sheinbaum rejected it. President Sheinbaum said she would not agree. \
             Sheinbaum's government agreed.",
            &[("Claudia Sheinbaum", Person), ("Sheinbaum", Person), ("Sheinbaum", Person)],
        );
        let (_, e) = entity(&f, "Claudia Sheinbaum");
        assert_eq!(e.label_type, Person);
        assert!(e.aliases.contains(&"Sheinbaum".to_string()), "{e:?}");
        assert!(
            e.aliases.contains(&"President Sheinbaum".to_string()),
            "{e:?}"
        );
        assert!(
            e.aliases
                .contains(&"Mexican President Claudia Sheinbaum".to_string()),
            "{e:?}"
        );
        assert_eq!(e.titles, vec!["president".to_string()]);
        // three names and "she"
        assert_eq!(e.mentions, 4);
        assert!(role(&f, "Claudia Sheinbaum", "president of", "Mexico"));
        assert_eq!(
            f.entities.iter().filter(|e| e.label_type == Person).count(),
            1
        );
    }

    #[test]
    fn johnson_ambassador_and_affiliation() {
        let f = extract(
            "U.S. Ambassador to Mexico Ronald Johnson lauded the deal. Johnson credited Sheinbaum.",
            &[
                ("Ronald Johnson", Person),
                ("Johnson", Person),
                ("Sheinbaum", Person),
            ],
        );
        assert!(role(&f, "Ronald Johnson", "ambassador to", "Mexico"));
        assert!(role(&f, "Ronald Johnson", "ambassador of", "United States"));
        let (_, e) = entity(&f, "Ronald Johnson");
        assert_eq!(e.mentions, 2, "{:#?}", f.mentions);
        let (_, us) = entity(&f, "United States");
        assert_eq!(us.label_type, Place);
        assert!(us.aliases.contains(&"U.S.".to_string()));
    }

    #[test]
    fn trump_and_rubio_roles() {
        let f = extract(
            "U.S. President Donald Trump signed it. Secretary of State Marco Rubio defended the plan in the US. \
             Trump agreed with Rubio.",
            &[("Donald Trump", Person), ("Marco Rubio", Person), ("Trump", Person), ("Rubio", Person)],
        );
        assert!(role(&f, "Donald Trump", "president of", "United States"));
        // A bare title names no country: the US elsewhere in the text is not
        // evidence that this is the US secretary of state.
        assert!(!role(
            &f,
            "Marco Rubio",
            "secretary of state of",
            "United States"
        ));
        assert_eq!(entity(&f, "Donald Trump").1.mentions, 2);
        assert_eq!(entity(&f, "Marco Rubio").1.mentions, 2);
        // No country mentioned: the default country is not invented; the
        // role alone is what the text says.
        let g = extract(
            "Secretary of State Marco Rubio spoke.",
            &[("Marco Rubio", Person)],
        );
        assert!(
            g.facts.iter().all(|x| x.relation == "be"
                && matches!(&x.object, Argument::Concept { label, .. } if label == "secretary of state")),
            "{:?}",
            g.facts
        );
        assert_eq!(g.facts.len(), 1);
    }

    #[test]
    fn us_forms_are_one_country() {
        let f = extract(
            "The U.S. and the US agreed. The United States and America signed. Washington said more.",
            &[("U.S.", Place), ("US", Place), ("United States", Place), ("America", Place), ("Washington", Place)],
        );
        assert_eq!(f.entities.len(), 1, "{:#?}", f.entities);
        let (_, us) = entity(&f, "United States");
        assert_eq!(us.mentions, 5);
        for a in ["U.S.", "US", "America", "Washington"] {
            assert!(
                us.aliases.contains(&a.to_string()),
                "{a} in {:?}",
                us.aliases
            );
        }
    }

    #[test]
    fn pronoun_without_antecedent_stays_unresolved() {
        let f = extract(
            "She said the talks failed. Mexico and Canada met. He left.",
            &[("Mexico", Place), ("Canada", Place)],
        );
        assert!(
            f.mentions.iter().all(|m| m.kind != MentionKind::Pronoun),
            "{:?}",
            f.mentions
        );
        // A female pronoun never goes to a man.
        let g = extract(
            "Ronald Johnson spoke. She left.",
            &[("Ronald Johnson", Person)],
        );
        assert!(g.mentions.iter().all(|m| m.kind != MentionKind::Pronoun));
        assert_eq!(entity(&g, "Ronald Johnson").1.mentions, 1);
    }

    #[test]
    fn pronouns_pick_nearest_compatible() {
        let f = extract(
            "Claudia Sheinbaum met Ronald Johnson. He praised her. The White House said they agreed.",
            &[("Claudia Sheinbaum", Person), ("Ronald Johnson", Person), ("White House", Organization)],
        );
        let (_, s) = entity(&f, "Claudia Sheinbaum");
        let (_, j) = entity(&f, "Ronald Johnson");
        let (_, w) = entity(&f, "White House");
        assert_eq!((s.mentions, j.mentions, w.mentions), (2, 2, 2));
    }

    #[test]
    fn acronyms_link_to_long_forms() {
        let f = extract(
            "U.S. Customs and Border Protection data came out. CBP said so. The Department of Defense and the DoD agreed.",
            &[
                ("Customs and Border Protection", Organization),
                ("CBP", Organization),
                ("Department of Defense", Organization),
                ("DoD", Organization),
            ],
        );
        let (_, cbp) = entity(&f, "Customs and Border Protection");
        assert!(cbp.aliases.contains(&"CBP".to_string()));
        let (_, dod) = entity(&f, "Department of Defense");
        assert_eq!(dod.mentions, 2);
        assert_eq!(
            f.entities
                .iter()
                .filter(|e| e.label_type == Organization)
                .count(),
            2,
            "{:#?}",
            f.entities
        );
    }

    #[test]
    fn definite_descriptions_when_unambiguous() {
        let f = extract(
            "Mexican President Claudia Sheinbaum spoke. The Mexican president left. The agency said nothing.",
            &[("Claudia Sheinbaum", Person)],
        );
        assert_eq!(entity(&f, "Claudia Sheinbaum").1.mentions, 2);
        assert!(f.mentions.iter().all(|m| m.text != "The agency"));
        // A headline's headless title, with the demonym tagged on its own.
        let h = extract(
            "Mexican President's denial. Mexican President Claudia Sheinbaum spoke.",
            &[
                ("Mexican", Misc),
                ("Mexican", Misc),
                ("Claudia Sheinbaum", Person),
            ],
        );
        assert_eq!(
            entity(&h, "Claudia Sheinbaum").1.mentions,
            2,
            "{:?}",
            h.mentions
        );
        assert_eq!(entity(&h, "Mexico").1.mentions, 2);
        // Two presidents: "the president" is ambiguous and left out.
        let g = extract(
            "President Donald Trump met President Claudia Sheinbaum. The president smiled.",
            &[("Donald Trump", Person), ("Claudia Sheinbaum", Person)],
        );
        assert!(g.mentions.iter().all(|m| m.kind != MentionKind::Nominal));
    }

    #[test]
    fn titles_and_surnames_find_names_the_recognizer_missed() {
        let f = extract(
            "Secretary of State Marco Rubio met President Sheinbaum in the U.S. Rubio left.",
            &[],
        );
        assert_eq!(entity(&f, "Marco Rubio").1.mentions, 2);
        assert_eq!(entity(&f, "Marco Rubio").1.label_type, Person);
        assert_eq!(entity(&f, "Sheinbaum").1.label_type, Person);
        assert!(!role(
            &f,
            "Marco Rubio",
            "secretary of state of",
            "United States"
        ));
    }

    /// Sets the tags of every token spelled `form`.
    fn tag(d: &mut AnalyzedDoc, form: &str, upos: newskg_nlp::Upos, xpos: &str, deprel: &str) {
        for t in d.sentences.iter_mut().flat_map(|s| s.tokens.iter_mut()) {
            if t.form == form {
                (t.upos, t.xpos, t.deprel) = (upos, xpos.to_string(), deprel.to_string());
            }
        }
    }

    fn pronoun_targets(f: &DocFacts) -> Vec<(String, String)> {
        f.mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Pronoun)
            .map(|m| (m.text.clone(), f.entities[m.entity].label.clone()))
            .collect()
    }

    #[test]
    fn nouns_between_block_it_and_they() {
        use newskg_nlp::Upos::{Noun, Propn};
        let ex = Extractor::new(Gazetteer::default());
        // (A place is "it" only as its clause's subject.)
        let text = "Mexico rejected the plan, saying it was wrong.";
        let mut untagged = doc(text, &[("Mexico", Place)]);
        tag(&mut untagged, "Mexico", Propn, "NNP", "nsubj");
        assert_eq!(
            pronoun_targets(&ex.extract(untagged)),
            [("it".to_string(), "Mexico".to_string())]
        );
        let mut d = doc(text, &[("Mexico", Place)]);
        tag(&mut d, "Mexico", Propn, "NNP", "nsubj");
        tag(&mut d, "plan", Noun, "NN", "obj");
        assert!(pronoun_targets(&ex.extract(d)).is_empty());

        let text =
            "Agents chase cartels with the Department of Defense. We treat them as terrorists. \
                    The White House did not confirm the plan, but they praised the agents.";
        let mut d = doc(
            text,
            &[
                ("Department of Defense", Organization),
                ("White House", Organization),
            ],
        );
        tag(&mut d, "cartels", Noun, "NNS", "obj");
        tag(&mut d, "agents", Noun, "NNS", "obj");
        tag(&mut d, "plan", Noun, "NN", "obj");
        tag(&mut d, "House", Noun, "NNP", "nsubj");
        let f = ex.extract(d);
        assert_eq!(
            pronoun_targets(&f),
            [("they".to_string(), "White House".to_string())]
        );
    }

    #[test]
    fn things_do_not_compete_for_an_it_that_speaks() {
        use newskg_nlp::Upos::{Noun, Pron, Verb};
        let ex = Extractor::new(Gazetteer::default());
        let resolve = |text: &str, verb: &str| {
            let mut d = doc(text, &[("Vantor Corp", Organization)]);
            tag(&mut d, "steel", Noun, "NN", "obj");
            tag(&mut d, "mill", Noun, "NN", "obj");
            tag(&mut d, "it", Pron, "PRP", "nsubj");
            let s = &mut d.sentences[1];
            let v = s.tokens.iter().position(|t| t.form == verb).unwrap();
            s.tokens[v].upos = Verb;
            s.tokens[v].lemma = if verb == "said" { "say" } else { verb }.to_string();
            let it = s.tokens.iter().position(|t| t.form == "it").unwrap();
            s.tokens[it].head = Some(v);
            pronoun_targets(&ex.extract(d))
        };
        // "steel" cannot be the "it" that says what Kessel will do.
        assert_eq!(
            resolve(
                "Vantor Corp makes steel. Kessel will buy the mill, it said.",
                "said"
            ),
            [("it".to_string(), "Vantor Corp".to_string())]
        );
        // An "it" that does not speak may be the steel.
        assert!(resolve(
            "Vantor Corp makes steel. Kessel will buy the mill, it rusts.",
            "rusts"
        )
        .is_empty());
    }

    #[test]
    fn an_it_that_speaks_continues_the_speaker() {
        use newskg_nlp::Upos::{Pron, Propn, Verb};
        let ex = Extractor::new(Gazetteer::default());
        let text = "Vantor Corp said it bought Kessel. Harlow Bank advised Kessel. \
                    It said two mills would close.";
        let mut d = doc(
            text,
            &[
                ("Vantor Corp", Organization),
                ("Kessel", Organization),
                ("Harlow Bank", Organization),
                ("Kessel", Organization),
            ],
        );
        // Who says what: "Vantor" and "It" are subjects of "said".
        for (s, subject, verb) in [(0, "Vantor", "said"), (2, "It", "said")] {
            let sentence = &mut d.sentences[s];
            let v = sentence.tokens.iter().position(|t| t.form == verb).unwrap();
            let k = sentence
                .tokens
                .iter()
                .position(|t| t.form == subject)
                .unwrap();
            sentence.tokens[v].upos = Verb;
            sentence.tokens[v].lemma = "say".to_string();
            sentence.tokens[k].head = Some(v);
            sentence.tokens[k].deprel = "nsubj".to_string();
            sentence.tokens[k].upos = if subject == "It" { Pron } else { Propn };
        }
        let targets = pronoun_targets(&ex.extract(d));
        // The nearest firm is Harlow Bank; the one speaking is Vantor.
        assert!(targets.contains(&("It".to_string(), "Vantor Corp".to_string())));
    }

    #[test]
    fn two_johnsons_in_one_document() {
        let f = extract(
            "Ronald Johnson met Boris Johnson. Boris Johnson left.",
            &[
                ("Ronald Johnson", Person),
                ("Boris Johnson", Person),
                ("Boris Johnson", Person),
            ],
        );
        assert_eq!(entity(&f, "Ronald Johnson").1.mentions, 1);
        assert_eq!(entity(&f, "Boris Johnson").1.mentions, 2);
    }

    #[test]
    fn mention_spans_are_their_text() {
        let f = extract(
            "Mexican President Claudia Sheinbaum said she met U.S. officials.",
            &[("Claudia Sheinbaum", Person), ("U.S.", Place)],
        );
        for m in &f.mentions {
            assert_eq!(m.span.of(&f.analyzed.doc.text), m.text);
            assert!(m.entity < f.entities.len());
        }
    }
}
