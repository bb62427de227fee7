//! The [`Resolver`]: document entities in, stable graph ids out.
//!
//! Incremental: each document's entities are linked to the entities already
//! known (from earlier documents or the store) or become new ones. A link
//! needs a shared name form (label, alias, a person-name variant such as
//! "Donald Trump" ~ "Donald J. Trump", or an acronym and its long form) and
//! agreeing types, and is refused when first names conflict ("Ronald
//! Johnson" ≠ "Boris Johnson"). A bare surname ("Johnson") links only when one
//! known person fits, or when context (shared titles, co-occurring entities)
//! singles one out; otherwise it becomes its own entity. Ids are slugs of the
//! first label, suffixed -2, -3 on collision, and never change; a later,
//! fuller name ("Johnson" → "Ronald Johnson") updates the label only.
//!
//! Everything a decision depends on can be rebuilt from the store: the
//! entities' descriptions and which entities each stored document mentions
//! ([`Resolver::with_documents`]). So a resolver that starts over on a store
//! (a new run, or a rerun after a crash) decides exactly as one that saw the
//! same documents go in, and an interrupted ingest that is run again ends with
//! the graph of an uninterrupted one. Nothing is kept per run: the
//! co-occurrences (context for bare surnames) count stored documents, and the
//! indexes hold an entity under its current names and type only.
//!
//! Lookups go through hash indexes of name keys, surnames and initials, so
//! resolving a document costs a few hash probes per entity whatever the size
//! of the graph.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use super::forms;
use super::together::Together;
use super::{slug, Entity, EntityId};
use crate::extract::{DocEntity, DocFacts};
use crate::input::DocId;
use crate::nlp::names;
use crate::nlp::{EntityLabel, Gazetteer};

/// The evidence ([`Resolver::context_score`]) a bare surname that several
/// known people bear, or that is a given name, needs to link to a full name
/// of another story: one shared role or two shared entities.
const AMBIGUOUS_SURNAME_EVIDENCE: usize = 4;

/// The context score a two-letter code needs to join a long name known
/// only from other stories (two shared entities or a shared title).
const CODE_EVIDENCE: usize = 4;

/// Links document entities to graph entities, incrementally.
#[derive(Default)]
pub struct Resolver {
    /// Every entity known, and forgotten ones (see `forgotten`): an entity's
    /// index `k` never changes.
    entities: Vec<Entity>,
    /// Entities no stored document mentions any more ([`Resolver::forget_entity`]).
    forgotten: HashSet<usize>,
    /// Normalised label and alias keys → entities.
    by_key: HashMap<String, Vec<usize>>,
    /// Last word of person names → persons.
    by_surname: HashMap<String, Vec<usize>>,
    /// Lower-case initials of organisation names → organisations.
    by_initials: HashMap<String, Vec<usize>>,
    /// Where each entity is indexed now, so that re-indexing it drops what
    /// no longer holds (an entity first typed Misc keeps no initials once a
    /// later document makes it a Person): the indexes depend on the
    /// entities' current records only, as in a resolver loaded from the store.
    /// `None` for an entity loaded and unchanged since: its keys are what
    /// its record gives, made again when it changes or goes. Keeping them
    /// for every stored entity copied every key of the indexes (40,000
    /// entities on the 21k-article bench) at each ingest's start, and freed
    /// them all at its end.
    indexed: Vec<Option<Vec<(IndexKind, String)>>>,
    by_id: HashMap<EntityId, usize>,
    /// For each pair of entities, in how many documents both are mentioned.
    /// Counts documents stored (loaded with [`Resolver::with_documents`],
    /// updated by [`Resolver::resolve`] and [`Resolver::forget_document`]),
    /// never what one run happened to see.
    together: Together,
    /// Documents already resolved, with their answers (re-resolving is a no-op).
    seen: HashMap<DocId, Vec<EntityId>>,
    merges: usize,
    /// The gazetteer analysis and extraction read (the engine's, shared):
    /// it says which words are places, demonyms and countries when names
    /// are compared (a leading country left out of initials, places and
    /// demonyms stripped before a person's name). Empty in a resolver made
    /// without one ([`Resolver::new`]), which then knows the small
    /// fallback table of `names` only.
    gazetteer: Arc<Gazetteer>,
}

/// The three indexes of entity names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IndexKind {
    Key,
    Surname,
    Initials,
}

impl Resolver {
    /// A resolver that knows `existing` entities (ids are kept), and no
    /// document mentioning them (see [`Resolver::with_documents`]).
    pub fn new(existing: Vec<Entity>) -> Resolver {
        Resolver::with_documents(existing, Vec::new())
    }

    /// A resolver that knows `existing` entities (ids are kept) and the
    /// stored documents: for each, the ids of the entities it mentions
    /// ([`Store::document_mentions`](crate::rdf::Store::document_mentions)).
    /// It resolves the next document as a resolver that saw those documents
    /// go in does. Ids of entities not in `existing` are ignored.
    pub fn with_documents(existing: Vec<Entity>, documents: Vec<Vec<EntityId>>) -> Resolver {
        Resolver::with_gazetteer_and_documents(Arc::default(), existing, documents)
    }

    /// A resolver that knows no entity yet and reads `gazetteer` (share
    /// the engine's: `Engine::gazetteer`).
    pub fn with_gazetteer(gazetteer: Arc<Gazetteer>) -> Resolver {
        Resolver::with_gazetteer_and_documents(gazetteer, Vec::new(), Vec::new())
    }

    /// [`Resolver::with_documents`], reading `gazetteer` (the engine's).
    pub fn with_gazetteer_and_documents(
        gazetteer: Arc<Gazetteer>,
        existing: Vec<Entity>,
        documents: Vec<Vec<EntityId>>,
    ) -> Resolver {
        let mut r = Resolver::knowing(gazetteer, existing);
        for ids in &documents {
            let ks = r.known(ids);
            r.cooccur(&ks, true);
        }
        r
    }

    /// [`Resolver::with_gazetteer_and_documents`] with each stored
    /// document's entities given by their positions in `existing` (others
    /// are ignored), as an ingest reads them
    /// ([`IngestStore::resolver_start`](crate::rdf::IngestStore::resolver_start)):
    /// no id is looked up. The same resolver when each position is where
    /// the document's entity id is last in `existing` (ids are unique in
    /// what a store gives).
    pub fn with_gazetteer_and_positions(
        gazetteer: Arc<Gazetteer>,
        existing: Vec<Entity>,
        documents: Vec<Vec<usize>>,
    ) -> Resolver {
        let mut r = Resolver::knowing(gazetteer, existing);
        let known = r.entities.len();
        for mut ks in documents {
            ks.retain(|&k| k < known);
            ks.sort_unstable();
            ks.dedup();
            r.cooccur(&ks, true);
        }
        r
    }

    /// A resolver that knows `existing` entities and no document.
    fn knowing(gazetteer: Arc<Gazetteer>, existing: Vec<Entity>) -> Resolver {
        let mut r = Resolver {
            gazetteer,
            ..Resolver::default()
        };
        for e in existing {
            r.by_id.insert(e.id.clone(), r.entities.len());
            r.entities.push(e);
            r.indexed.push(None);
            r.index_loaded(r.entities.len() - 1);
        }
        r
    }

    /// The gazetteer this resolver reads.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// A document that was resolved (or loaded) is gone from the store: a
    /// newer version from the same source replaced it. `ids` are the
    /// entities it mentioned; they no longer count as seen together in it.
    pub fn forget_document(&mut self, ids: &[EntityId]) {
        let ks = self.known(ids);
        self.cooccur(&ks, false);
    }

    /// No stored document mentions entity `id` any more, and the store
    /// dropped its description (a replaced document was its last mention):
    /// the resolver forgets it too, as one loaded from the store would not
    /// know it. Its id may be given to a new entity.
    pub fn forget_entity(&mut self, id: &EntityId) {
        let Some(k) = self.by_id.remove(id) else {
            return;
        };
        self.unindex(k);
        self.together.forget(k);
        self.forgotten.insert(k);
    }

    /// The indexes of the known entities among `ids`, each once, sorted.
    fn known(&self, ids: &[EntityId]) -> Vec<usize> {
        let ks: BTreeSet<usize> = ids
            .iter()
            .filter_map(|id| self.by_id.get(id))
            .copied()
            .collect();
        ks.into_iter().collect()
    }

    /// Counts (or uncounts) one document in which entities `ks` (distinct)
    /// are mentioned together.
    fn cooccur(&mut self, ks: &[usize], add: bool) {
        self.together.count(ks, add);
    }

    /// The graph id of each of `doc.entities`, in the same order; updates the
    /// known entities (new nodes, new aliases, mention counts). Resolving the
    /// same document (same content hash) again returns the same ids and
    /// changes nothing.
    pub fn resolve(&mut self, doc: &DocFacts) -> Vec<EntityId> {
        let doc_id = &doc.analyzed.doc.id;
        if let Some(ids) = self.seen.get(doc_id) {
            return ids.clone();
        }
        let before = self.entities.len();
        let mut linked: Vec<Option<usize>> = vec![None; doc.entities.len()];
        // Short forms of a name in full in the same document ("Vantor"
        // after "Vantor Chemical Corp", "Sam" after "Samuel Brandt") are
        // resolved with it, as one entity.
        let mut rep = forms::short_forms(&self.gazetteer, doc);
        // ... unless the short form is already the name of a known
        // organisation: "Vantor" after "Vantor Canada Inc" is then the
        // known Vantor, not the subsidiary.
        for (j, r) in rep.iter_mut().enumerate() {
            let d = &doc.entities[j];
            if *r != j && d.label_type != EntityLabel::Person {
                let key = names::normalize(&d.label);
                let known = self.by_key.get(&key).is_some_and(|ks| {
                    ks.iter().any(|&k| {
                        matches!(
                            self.entities[k].label_type,
                            EntityLabel::Organization | EntityLabel::Misc
                        )
                    })
                });
                if known {
                    *r = j;
                }
            }
        }
        let mut whole: Vec<DocEntity> = doc.entities.clone();
        for (j, &i) in rep.iter().enumerate() {
            if i != j {
                let short = doc.entities[j].clone();
                forms::absorb_short(&mut whole[i], &short);
            }
        }
        // Full names, organisations and places first; bare surnames and
        // two-letter codes last, so their context (the entities around
        // them) is already known.
        let bare = |e: &DocEntity| {
            if e.label_type == EntityLabel::Person {
                e.label.split_whitespace().count() == 1
            } else {
                code_only(&e.label, &e.aliases) && two_letters(&e.label)
            }
        };
        for pass in [false, true] {
            for (i, d) in whole.iter().enumerate() {
                if bare(d) != pass || rep[i] != i {
                    continue;
                }
                let context: HashSet<usize> = linked.iter().flatten().copied().collect();
                let found = self.find(d, &context);
                let k = match found {
                    Some(k) => {
                        if k < before {
                            self.merges += 1;
                        }
                        self.absorb(k, d);
                        k
                    }
                    None => self.create(d),
                };
                linked[i] = Some(k);
            }
        }
        // A short form takes the node of its full name, following a chain
        // of short forms to its end ("V" → "Vantor" → "Vantor Group"): one
        // link short, it found no node, and the document's entities and its
        // ids fell out of step (a panic when facts were written).
        for j in 0..rep.len() {
            let mut root = j;
            for _ in 0..rep.len() {
                if rep[root] == root {
                    break;
                }
                root = rep[root];
            }
            linked[j] = linked[root];
        }
        // Every document entity has a node, whatever the short forms did.
        for (j, slot) in linked.iter_mut().enumerate() {
            if slot.is_none() {
                *slot = Some(self.create(&whole[j]));
            }
        }
        let ks: Vec<usize> = linked.iter().flatten().copied().collect();
        // Counted once per document, as the store's mentions are.
        let distinct: BTreeSet<usize> = ks.iter().copied().collect();
        self.cooccur(&distinct.into_iter().collect::<Vec<_>>(), true);
        let ids: Vec<EntityId> = ks.iter().map(|&k| self.entities[k].id.clone()).collect();
        self.seen.insert(doc_id.clone(), ids.clone());
        ids
    }

    /// Every known entity, in order of first sight (or of loading).
    pub fn entities(&self) -> impl ExactSizeIterator<Item = &Entity> + '_ {
        Known {
            inner: self.entities.iter().enumerate(),
            forgotten: &self.forgotten,
            left: self.entities.len() - self.forgotten.len(),
        }
    }

    /// The entity with this id.
    pub fn get(&self, id: &EntityId) -> Option<&Entity> {
        self.by_id.get(id).map(|&k| &self.entities[k])
    }

    /// How many document entities were linked to an existing node.
    pub fn merges(&self) -> usize {
        self.merges
    }

    /// The known entity `d` refers to, if one fits unambiguously.
    fn find(&self, d: &DocEntity, context: &HashSet<usize>) -> Option<usize> {
        let mut cands: Vec<usize> = Vec::new();
        let mut push = |ks: Option<&Vec<usize>>| {
            for &k in ks.into_iter().flatten() {
                if !cands.contains(&k) {
                    cands.push(k);
                }
            }
        };
        // A company's one-word short form ("Vantor" of "Vantor Group")
        // names it inside its story only: other stories' "Vantor Partners"
        // has the same short form, so it does not link across stories.
        let label_key = names::normalize(&d.label);
        let label_words = names::key_words(&label_key);
        let short_form = |a: &String| {
            d.label_type != EntityLabel::Person
                && label_words.len() > 1
                && a.split_whitespace().count() == 1
                && label_words[0] == names::normalize(a)
        };
        let forms: Vec<&String> = std::iter::once(&d.label)
            .chain(d.aliases.iter().filter(|a| !short_form(a)))
            .collect();
        for f in &forms {
            let key = names::normalize(f);
            push(self.by_key.get(&key));
            if d.label_type == EntityLabel::Person {
                if let Some(last) = names::key_words(&key).last() {
                    push(self.by_surname.get(*last));
                }
            } else if names::is_acronym(f) {
                push(self.by_initials.get(&key));
            } else {
                if d.label_type != EntityLabel::Place {
                    let core = names::organisation_key(f);
                    push(self.by_key.get(&forms::spelling_key(&core)));
                    push(self.by_key.get(&core));
                }
                for initials in initials(&self.gazetteer, f) {
                    push(self.by_key.get(&initials));
                }
            }
        }
        let cands: Vec<usize> = cands
            .into_iter()
            .filter(|&k| self.fits(d, &self.entities[k]))
            .collect();
        // A bare surname ("Berger", no given name anywhere in the story)
        // links to a full name known from other stories only with evidence
        // in common: a shared role or an entity seen with both. Stories name
        // a person in full; a story that never does has most often cut a
        // name or met a firm named after people ("Berger and Montague"). A
        // surname that several known people bear ("Carter"), or that is a
        // given name ("David": most often the first half of a cut name),
        // needs more: a shared role or two shared entities, as one (a
        // country, a league) is shared by many of its bearers' stories.
        let bare_surname = d.label_type == EntityLabel::Person
            && label_words.len() == 1
            && d.aliases.iter().all(|a| {
                forms::person_core(&self.gazetteer, a, &d.titles)
                    .split_whitespace()
                    .count()
                    <= 1
            });
        let cands: Vec<usize> = if bare_surname {
            let full = |k: usize| self.entities[k].label.split_whitespace().count() > 1;
            let bearers = cands.iter().filter(|&&k| full(k)).count();
            let needed = if bearers > 1 || self.gazetteer.is_given_name(&d.label) {
                AMBIGUOUS_SURNAME_EVIDENCE
            } else {
                1
            };
            cands
                .into_iter()
                .filter(|&k| !full(k) || self.context_score(k, d, context) >= needed)
                .collect()
        } else {
            cands
        };
        // A two-letter code ("FT", "BT", "N.Y.") and a long name known only
        // apart ("French Treasury" in one story, "FT" in another) are one
        // entity only when some story used the code for that name or they
        // share evidence: two initials fit many bodies ("FT" is also a
        // newspaper, "BT" a phone company and a bank), so two entities or a
        // title in common (one, a country or a city, is shared by many of
        // their stories). Longer codes ("IBM") are rarer, and stories use
        // them without spelling them out.
        let d_code = code_only(&d.label, &d.aliases);
        let d_names = names_of(&d.label, &d.aliases, None);
        let cands: Vec<usize> = cands
            .into_iter()
            .filter(|&k| {
                let e = &self.entities[k];
                let e_code = code_only(&e.label, &e.aliases);
                if d_code == e_code {
                    return true;
                }
                if !two_letters(if d_code { &d.label } else { &e.label }) {
                    return true;
                }
                let e_names = names_of(&e.label, &e.aliases, None);
                let (code, named) = if d_code {
                    (&d_names, &e_names)
                } else {
                    (&e_names, &d_names)
                };
                let keys: Vec<String> = code.iter().map(|n| names::organisation_key(n)).collect();
                named
                    .iter()
                    .any(|n| keys.contains(&names::organisation_key(n)))
                    || self.context_score(k, d, context) >= CODE_EVIDENCE
            })
            .collect();
        match cands.len() {
            0 => None,
            1 => Some(cands[0]),
            _ => {
                // Several fit: an exact full name wins; otherwise the best
                // context, an exact one-word label counting as a little.
                let key = names::normalize(&d.label);
                let exact = |k: usize| names::normalize(&self.entities[k].label) == key;
                if d.label.split_whitespace().count() > 1 {
                    if let [k] = cands
                        .iter()
                        .copied()
                        .filter(|&k| exact(k))
                        .collect::<Vec<_>>()[..]
                    {
                        return Some(k);
                    }
                }
                // A code known as one's name beats one that is only its
                // initials ("BV" of "Bank of Vantor (BV)" and of "Brandt
                // Ventures").
                let named = |k: usize| {
                    forms::code_form(&d.label)
                        && self.entities[k]
                            .aliases
                            .iter()
                            .any(|a| names::normalize(a) == key)
                };
                let mut scored: Vec<(usize, usize)> = cands
                    .iter()
                    .map(|&k| {
                        let bonus = usize::from(exact(k)) + usize::from(named(k));
                        (self.context_score(k, d, context) + bonus, k)
                    })
                    .collect();
                scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                match scored[..] {
                    [(s0, k), (s1, _), ..] if s0 > s1 => Some(k),
                    // A bare code with nothing else to go by names the most
                    // mentioned of the entities it is a name of, as a reader
                    // takes "BV" for the best-known BV; persons stay apart.
                    [(s0, _), ..] if forms::code_form(&d.label) => {
                        let mentions = |k: usize| self.entities[k].mentions;
                        let mut tied: Vec<usize> = scored
                            .iter()
                            .filter(|(s, _)| *s == s0)
                            .map(|&(_, k)| k)
                            .collect();
                        tied.sort_by(|&a, &b| mentions(b).cmp(&mentions(a)).then(a.cmp(&b)));
                        match tied[..] {
                            [a, b, ..] if mentions(a) > mentions(b) => Some(a),
                            _ => None,
                        }
                    }
                    _ => None,
                }
            }
        }
    }

    /// Whether known entity `e` can be document entity `d`: types agree, a
    /// name form matches (titles stripped from persons' names), first names
    /// do not conflict, a bare surname's titles do not conflict, and two
    /// different long names are not joined by a shared code or acronym.
    fn fits(&self, d: &DocEntity, e: &Entity) -> bool {
        if !names::types_agree(d.label_type, e.label_type) {
            return false;
        }
        if d.label_type == EntityLabel::Person || e.label_type == EntityLabel::Person {
            let titles: Vec<String> = d.titles.iter().chain(&e.titles).cloned().collect();
            let d_forms = forms::person_forms(&self.gazetteer, &d.label, d.aliases.iter(), &titles);
            let e_forms = forms::person_forms(&self.gazetteer, &e.label, e.aliases.iter(), &titles);
            let full = |fs: &[String]| -> Vec<String> {
                fs.iter()
                    .filter(|f| f.split(' ').count() > 1)
                    .cloned()
                    .collect()
            };
            let (df, ef) = (full(&d_forms), full(&e_forms));
            let (dl, el) = (&d_forms[0], &e_forms[0]);
            let (dw, ew) = (names::key_words(dl), names::key_words(el));
            let variant = names::person_variant(&dw, &ew) || names::person_variant(&ew, &dw);
            if !variant && !d_forms.iter().any(|f| e_forms.contains(f)) {
                return false;
            }
            // Both carry full names: one pair must be variants of each other.
            if !df.is_empty() && !ef.is_empty() {
                let agree = df.iter().any(|a| {
                    ef.iter().any(|b| {
                        let (aw, bw) = (names::key_words(a), names::key_words(b));
                        names::person_variant(&aw, &bw) || names::person_variant(&bw, &aw)
                    })
                });
                if !agree || !variant {
                    return false;
                }
            }
            // A bare surname with a role must not contradict the roles known.
            if (dw.len() == 1 || ew.len() == 1) && !d.titles.is_empty() && !e.titles.is_empty() {
                return d.titles.iter().any(|t| e.titles.contains(t));
            }
            return true;
        }
        let d_names = names_of(&d.label, &d.aliases, d.subtype.as_deref());
        let e_names = names_of(&e.label, &e.aliases, e.subtype.as_deref());
        // Long names (not codes) that agree: one entity.
        let places = d.label_type == EntityLabel::Place || e.label_type == EntityLabel::Place;
        let agree = |a: &str, b: &str| {
            let (ka, kb) = (names::normalize(a), names::normalize(b));
            ka == kb
                || (!places && names::organisation_key(a) == names::organisation_key(b))
                || forms::spelling_key(&ka) == forms::spelling_key(&kb)
                || (!places
                    && forms::spelling_key(&names::organisation_key(a))
                        == forms::spelling_key(&names::organisation_key(b)))
        };
        let long = |ns: &[&String]| -> Vec<String> {
            ns.iter()
                .filter(|n| !forms::code_form(n))
                .map(|n| n.to_string())
                .collect()
        };
        let (dl, el) = (long(&d_names), long(&e_names));
        if dl.iter().any(|a| el.iter().any(|b| agree(a, b))) {
            return true;
        }
        // Two different long names: a shared acronym or code does not make
        // them one ("Bright Vista" and "Bank of Vantor" are both "BV").
        if !dl.is_empty() && !el.is_empty() {
            return false;
        }
        // One side is known by codes only: a shared code, or an acronym of
        // the other's name.
        // "KTC Corp" is the code "KTC" with its legal form.
        let code_key = |n: &str| {
            if places {
                names::normalize(n)
            } else {
                names::organisation_key(n)
            }
        };
        let dk: Vec<String> = d_names.iter().map(|n| code_key(n)).collect();
        if e_names.iter().any(|n| dk.contains(&code_key(n))) {
            return true;
        }
        let g = &self.gazetteer;
        d_names.iter().any(|a| {
            e_names
                .iter()
                .any(|b| names::acronym_of(g, a, b) || names::acronym_of(g, b, a))
        })
    }

    /// Evidence that `d` is known entity `k`: shared titles (4 each) and
    /// entities seen with both (2 each).
    fn context_score(&self, k: usize, d: &DocEntity, context: &HashSet<usize>) -> usize {
        let e = &self.entities[k];
        let titles = d.titles.iter().filter(|t| e.titles.contains(*t)).count();
        let shared = context
            .iter()
            .filter(|&&c| self.together.both(k, c))
            .count();
        4 * titles + 2 * shared
    }

    /// Adds what `d` says to known entity `k`. The id never changes; the
    /// label becomes `d`'s when that is a fuller form of the same name.
    fn absorb(&mut self, k: usize, d: &DocEntity) {
        self.hold_keys(k);
        let e = &mut self.entities[k];
        e.mentions += d.mentions;
        let fuller = d.label.split_whitespace().count() > e.label.split_whitespace().count()
            && e.label_type != EntityLabel::Place
            && !d.label.starts_with("The ")
            && {
                let (dl, el) = (names::normalize(&d.label), names::normalize(&e.label));
                // An organisation's fuller name adds its legal form ("Vantor"
                // → "Vantor Corp") or spells out its acronym; a longer name
                // around its name is another body ("Vantor Canada Inc").
                let variant = if e.label_type == EntityLabel::Person {
                    names::person_variant(&names::key_words(&el), &names::key_words(&dl))
                } else {
                    names::organisation_key(&d.label) == names::organisation_key(&e.label)
                };
                variant || names::acronym_of(&self.gazetteer, &e.label, &d.label)
            };
        // A place's or person's name first seen in a dateline's or
        // headline's capitals ("SECAUCUS") takes the spelling of running
        // text when it comes; an organisation's capitals may be its
        // acronym ("NATO" and "Nato" both stay as first seen).
        let recased = matches!(e.label_type, EntityLabel::Place | EntityLabel::Person)
            && !e.label.chars().any(char::is_lowercase)
            && d.label.chars().any(char::is_lowercase)
            && d.label.chars().count() == e.label.chars().count()
            && names::normalize(&d.label) == names::normalize(&e.label);
        if fuller || recased {
            let old = std::mem::replace(&mut e.label, d.label.clone());
            e.aliases.insert(old);
        } else if d.label != e.label {
            e.aliases.insert(d.label.clone());
        }
        for a in &d.aliases {
            if *a != e.label {
                e.aliases.insert(a.clone());
            }
        }
        if e.subtype.as_deref() == Some("Country") || d.subtype.as_deref() == Some("Country") {
            if let Some(name) = forms::country_name(&self.gazetteer, &e.label, e.aliases.iter()) {
                let old = std::mem::replace(&mut e.label, name);
                e.aliases.insert(old);
            }
        }
        let label = e.label.clone();
        e.aliases.remove(&label);
        e.titles.extend(d.titles.iter().cloned());
        if e.label_type == EntityLabel::Misc {
            e.label_type = d.label_type;
        }
        if e.subtype.is_none() {
            e.subtype = d.subtype.clone();
        }
        self.index(k);
    }

    /// A new entity for `d`, with a fresh id.
    fn create(&mut self, d: &DocEntity) -> usize {
        // A country is labelled by its name, not by the capital that stood
        // for it ("Oslo said", with "Norway" among its names).
        let label = match d.subtype.as_deref() {
            Some("Country") => forms::country_name(&self.gazetteer, &d.label, d.aliases.iter()),
            _ => None,
        }
        .unwrap_or_else(|| d.label.clone());
        let base = slug(&label);
        let mut id = EntityId(base.clone());
        let mut n = 2;
        while self.by_id.contains_key(&id) {
            id = EntityId(format!("{base}-{n}"));
            n += 1;
        }
        let k = self.entities.len();
        self.by_id.insert(id.clone(), k);
        self.entities.push(Entity {
            id,
            label: label.clone(),
            label_type: d.label_type,
            subtype: d.subtype.clone(),
            aliases: std::iter::once(&d.label)
                .chain(&d.aliases)
                .filter(|a| **a != label)
                .cloned()
                .collect::<BTreeSet<_>>(),
            titles: d.titles.iter().cloned().collect(),
            mentions: d.mentions,
        });
        self.together.reserve(k);
        self.indexed.push(Some(Vec::new()));
        self.index(k);
        k
    }

    /// Indexes loaded entity `k` under the keys of its record, without
    /// keeping them (see `indexed`).
    fn index_loaded(&mut self, k: usize) {
        for (kind, key) in self.keys(k) {
            add_owned(self.index_of(kind), key, k);
        }
    }

    /// Keeps the keys entity `k` is indexed under, before its record
    /// changes (see `indexed`).
    fn hold_keys(&mut self, k: usize) {
        if self.indexed[k].is_none() {
            self.indexed[k] = Some(self.keys(k));
        }
    }

    /// (Re-)indexes entity `k` under its current name keys, surname and
    /// initials, and nothing else.
    fn index(&mut self, k: usize) {
        let entries = self.keys(k);
        // `None`: loaded and unchanged (a change holds its keys first), so
        // indexed under these very keys.
        let old = self.indexed[k].take().unwrap_or_else(|| entries.clone());
        for (kind, key) in &old {
            if !entries.contains(&(*kind, key.clone())) {
                remove(self.index_of(*kind), key, k);
            }
        }
        for (kind, key) in &entries {
            add(self.index_of(*kind), key, k);
        }
        self.indexed[k] = Some(entries);
    }

    /// The keys entity `k`'s record is indexed under: its name keys,
    /// surname and initials.
    fn keys(&self, k: usize) -> Vec<(IndexKind, String)> {
        let e = &self.entities[k];
        let person = e.label_type == EntityLabel::Person;
        let org = !person && e.label_type != EntityLabel::Place;
        let mut entries = Vec::new();
        for f in names_of(&e.label, &e.aliases, e.subtype.as_deref()) {
            let key = names::normalize(f);
            if key.is_empty() {
                continue;
            }
            if person {
                if let Some(last) = names::key_words(&key).last() {
                    entries.push((IndexKind::Surname, last.to_string()));
                }
            }
            if org && !names::is_acronym(f) {
                for i in initials(&self.gazetteer, f) {
                    entries.push((IndexKind::Initials, i));
                }
                // "Vantor" finds "Vantor Corp" (and the other way round).
                let core = names::organisation_key(f);
                // "Organisation" finds "Organization", "Securities" "Security".
                let spelled = forms::spelling_key(&core);
                if spelled != key && spelled != core {
                    entries.push((IndexKind::Key, spelled));
                }
                if core != key {
                    entries.push((IndexKind::Key, core));
                }
            }
            entries.push((IndexKind::Key, key));
        }
        entries
    }

    /// Removes entity `k` from every index.
    fn unindex(&mut self, k: usize) {
        // `None`: loaded and unchanged, so indexed under its record's keys.
        let old = self.indexed[k].take().unwrap_or_else(|| self.keys(k));
        for (kind, key) in old {
            remove(self.index_of(kind), &key, k);
        }
        self.indexed[k] = Some(Vec::new());
    }

    fn index_of(&mut self, kind: IndexKind) -> &mut HashMap<String, Vec<usize>> {
        match kind {
            IndexKind::Key => &mut self.by_key,
            IndexKind::Surname => &mut self.by_surname,
            IndexKind::Initials => &mut self.by_initials,
        }
    }
}

/// The entities of a resolver that it has not forgotten.
struct Known<'a, I> {
    inner: I,
    forgotten: &'a HashSet<usize>,
    left: usize,
}

impl<'a, I: Iterator<Item = (usize, &'a Entity)>> Iterator for Known<'a, I> {
    type Item = &'a Entity;

    fn next(&mut self) -> Option<&'a Entity> {
        let (_, e) = self.inner.find(|(k, _)| !self.forgotten.contains(k))?;
        self.left -= 1;
        Some(e)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<'a, I: Iterator<Item = (usize, &'a Entity)>> ExactSizeIterator for Known<'a, I> {}

/// The names of an entity that identify it across documents: its label and
/// aliases, without the capital a country was called by ("Oslo" stood for
/// Norway in one document; elsewhere it is the city).
fn names_of<'a>(
    label: &'a String,
    aliases: impl IntoIterator<Item = &'a String>,
    subtype: Option<&str>,
) -> Vec<&'a String> {
    let country = subtype == Some("Country");
    std::iter::once(label)
        .chain(aliases)
        .filter(|n| !(country && *n != label && forms::capital_form(n)))
        .collect()
}

fn add(map: &mut HashMap<String, Vec<usize>>, key: &str, k: usize) {
    // Looked up before a key is made: most keys of a known name exist.
    match map.get_mut(key) {
        Some(v) if !v.contains(&k) => v.push(k),
        Some(_) => {}
        None => {
            map.insert(key.to_owned(), vec![k]);
        }
    }
}

/// [`add`] with a key of its own, kept when new.
fn add_owned(map: &mut HashMap<String, Vec<usize>>, key: String, k: usize) {
    match map.get_mut(&key) {
        Some(v) if !v.contains(&k) => v.push(k),
        Some(_) => {}
        None => {
            map.insert(key, vec![k]);
        }
    }
}

fn remove(map: &mut HashMap<String, Vec<usize>>, key: &str, k: usize) {
    if let Some(v) = map.get_mut(key) {
        v.retain(|&x| x != k);
        if v.is_empty() {
            map.remove(key);
        }
    }
}

/// Whether every name of an organisation or place is a code ("FT", "KTC
/// Corp"): known by initials only, not by a long name.
fn code_only<'a>(label: &str, aliases: impl IntoIterator<Item = &'a String>) -> bool {
    forms::code_form(label) && aliases.into_iter().all(|a| forms::code_form(a))
}

/// Whether a code has two letters or fewer ("FT", "N.Y.", "BT Plc").
fn two_letters(code: &str) -> bool {
    names::organisation_key(code)
        .chars()
        .filter(|c| c.is_alphabetic())
        .count()
        <= 2
}

/// Lower-case initials an acronym of `name` could have: of all words, of the
/// content words, and of those after a leading country ("U.S. Customs and
/// Border Protection" → "uscabp", "uscbp", "cbp").
fn initials(gazetteer: &Gazetteer, name: &str) -> Vec<String> {
    // A legal form is not part of what an acronym abbreviates: "Exxon Corp"
    // is not "EC".
    let key = names::normalize(name);
    let all = names::key_words(&key);
    let mut words = names::without_legal_form(&all);
    // "Tollund, Brandt and Co": the "and" of the partnership's form goes
    // with the form ("TB", not "TBA").
    while let [rest @ .., "and" | "&"] = words {
        words = rest;
    }
    if words.len() < 2 {
        return Vec::new();
    }
    let of = |ws: &[&str]| -> String { ws.iter().filter_map(|w| w.chars().next()).collect() };
    let content: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !names::is_initials_stop_word(w))
        .collect();
    let mut out = vec![of(words), of(&content)];
    let first = name.split_whitespace().next().unwrap_or("");
    if content.len() > 2 && names::country(gazetteer, first).is_some() {
        out.push(of(&content[1..]));
    }
    out.dedup();
    out
}

#[cfg(test)]
#[allow(clippy::expect_used)] // a failed expectation is a failed test
mod tests {
    use super::*;
    use crate::input::Document;
    use crate::nlp::AnalyzedDoc;

    fn ent(label: &str, t: EntityLabel, aliases: &[&str], titles: &[&str]) -> DocEntity {
        DocEntity {
            label: label.to_string(),
            label_type: t,
            subtype: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            titles: titles.iter().map(|s| s.to_string()).collect(),
            mentions: 1,
            part_of: None,
        }
    }

    fn doc(text: &str, entities: Vec<DocEntity>) -> DocFacts {
        DocFacts {
            analyzed: AnalyzedDoc {
                doc: Document::from_text("t", text),
                sentences: Vec::new(),
                entities: Vec::new(),
            },
            entities,
            mentions: Vec::new(),
            facts: Vec::new(),
        }
    }

    use EntityLabel::*;

    #[test]
    fn legal_forms_are_not_initials() {
        assert!(initials(&Gazetteer::default(), "Exxon Corp").is_empty());
        assert!(initials(
            &Gazetteer::default(),
            "International Business Machines Corp"
        )
        .contains(&"ibm".to_string()));
        assert!(initials(&Gazetteer::default(), "European Community").contains(&"ec".to_string()));
    }

    /// The resolver asks the gazetteer it is given, not the fallback table
    /// of `names`: a country only the gazetteer knows ("Tollund") is left
    /// out of an agency's initials, so its acronym names the agency. The
    /// gazetteer is compiled as `newskg train gazetteer` compiles it (the
    /// curated lists included), from a one-country source.
    #[test]
    fn the_gazetteer_given_is_the_one_used() {
        let compiled = Arc::new(Gazetteer::compile_from("TOLLUND_  [TLD]\n", "", "", ""));
        assert!(names::country(&compiled, "Tollund").is_some());
        assert!(names::country(&Gazetteer::default(), "Tollund").is_none());
        let run = |mut r: Resolver| {
            let long = r.resolve(&doc(
                "The Tollund Border Control Agency said so.",
                vec![ent("Tollund Border Control Agency", Organization, &[], &[])],
            ));
            let short = r.resolve(&doc(
                "The BCA said so.",
                vec![ent("BCA", Organization, &[], &[])],
            ));
            long == short
        };
        assert!(run(Resolver::with_gazetteer(compiled.clone())));
        assert!(!run(Resolver::new(Vec::new())));
        // Loaded from a store, it indexes the stored entities with it.
        let mut first = Resolver::with_gazetteer(compiled.clone());
        let long = first.resolve(&doc(
            "The Tollund Border Control Agency said so.",
            vec![ent("Tollund Border Control Agency", Organization, &[], &[])],
        ));
        let stored: Vec<Entity> = first.entities().cloned().collect();
        let mut reloaded =
            Resolver::with_gazetteer_and_documents(compiled.clone(), stored, vec![long.clone()]);
        assert!(Arc::ptr_eq(reloaded.gazetteer(), &compiled));
        let short = reloaded.resolve(&doc(
            "The BCA said so.",
            vec![ent("BCA", Organization, &[], &[])],
        ));
        assert_eq!(long, short);
    }

    /// "Kessler" is "Kessler Group" in one story and "Kessler Partners" in
    /// another: a one-word short form links nothing across stories.
    #[test]
    fn a_short_form_does_not_join_two_companies_across_stories() {
        let mut r = Resolver::new(Vec::new());
        let group = r.resolve(&doc(
            "Kessler Group Ltd said so. Kessler agreed.",
            vec![ent("Kessler Group Ltd", Organization, &["Kessler"], &[])],
        ));
        let partners = r.resolve(&doc(
            "Kessler Partners Inc said so. Kessler agreed.",
            vec![ent("Kessler Partners Inc", Organization, &["Kessler"], &[])],
        ));
        assert_ne!(group, partners);
    }

    #[test]
    fn a_company_with_and_without_its_legal_form_is_one() {
        let mut r = Resolver::new(Vec::new());
        let a = r.resolve(&doc(
            "Vantor Corp rose.",
            vec![ent("Vantor Corp", EntityLabel::Organization, &[], &[])],
        ));
        let b = r.resolve(&doc(
            "Vantor fell.",
            vec![ent("Vantor", EntityLabel::Organization, &[], &[])],
        ));
        assert_eq!(a, b);
        // A place is not a company: "Georgia" stays apart from "Georgia Co".
        let c = r.resolve(&doc(
            "Georgia voted.",
            vec![ent("Georgia", EntityLabel::Place, &[], &[])],
        ));
        let d = r.resolve(&doc(
            "Georgia Co rose.",
            vec![ent("Georgia Co", EntityLabel::Organization, &[], &[])],
        ));
        assert_ne!(c, d);
    }

    #[test]
    fn two_johnsons_stay_two() {
        let mut r = Resolver::new(Vec::new());
        let a = r.resolve(&doc(
            "a",
            vec![
                ent("Ronald Johnson", Person, &["Johnson"], &["ambassador"]),
                ent("Mexico", Place, &[], &[]),
                ent("Vantor Oil", Organization, &[], &[]),
            ],
        ));
        let b = r.resolve(&doc(
            "b",
            vec![
                ent("Boris Johnson", Person, &["Johnson"], &["prime minister"]),
                ent("United Kingdom", Place, &["UK"], &[]),
            ],
        ));
        assert_eq!(a[0].0, "ronald-johnson");
        assert_eq!(b[0].0, "boris-johnson");
        assert_eq!(r.merges(), 0);
        // Two Johnsons known: a bare "Johnson" next to Mexico alone is
        // neither (many stories name Mexico) ...
        let mexico = r.resolve(&doc(
            "m",
            vec![
                ent("Mexico", Place, &[], &[]),
                ent("Johnson", Person, &[], &[]),
            ],
        ));
        assert_ne!(mexico[1], a[0]);
        assert_ne!(mexico[1], b[0]);
        // ... next to Mexico and Vantor Oil it is the ambassador ...
        let c = r.resolve(&doc(
            "c",
            vec![
                ent("Mexico", Place, &[], &[]),
                ent("Vantor Oil", Organization, &[], &[]),
                ent("Johnson", Person, &[], &[]),
            ],
        ));
        assert_eq!(c[2], a[0]);
        // ... with nothing to go by, it stays apart.
        let d = r.resolve(&doc("d", vec![ent("Johnson", Person, &[], &[])]));
        assert_eq!(d[0].0, "johnson");
        // A role decides too.
        let e = r.resolve(&doc(
            "e",
            vec![ent("Johnson", Person, &[], &["prime minister"])],
        ));
        assert_eq!(e[0], b[0]);
    }

    #[test]
    fn same_full_name_different_first_name_never_merge() {
        let mut r = Resolver::new(Vec::new());
        let a = r.resolve(&doc("a", vec![ent("Ronald Johnson", Person, &[], &[])]));
        let b = r.resolve(&doc(
            "b",
            vec![ent("Boris Johnson", Person, &["Johnson"], &[])],
        ));
        assert_ne!(a, b);
        let c = r.resolve(&doc(
            "c",
            vec![ent("Ronald Johnson", Person, &["Johnson"], &[])],
        ));
        assert_eq!(a, c);
    }

    /// Two initials fit many bodies: a story's bare "FT" is the "Fennel
    /// Trust" of another story only when a story used "FT" for it or the
    /// two share evidence (here two entities seen with both; one, a city or
    /// a country, is shared by too many stories).
    #[test]
    fn two_initials_alone_link_no_long_name() {
        let mut r = Resolver::new(Vec::new());
        let long = r.resolve(&doc("a", vec![ent("Fennel Trust", Organization, &[], &[])]));
        let code = r.resolve(&doc("b", vec![ent("FT", Organization, &[], &[])]));
        assert_ne!(long, code);
        // Spelled out by a story, the code names the trust.
        let mut r = Resolver::new(Vec::new());
        let long = r.resolve(&doc(
            "a",
            vec![ent("Fennel Trust", Organization, &["FT"], &[])],
        ));
        let code = r.resolve(&doc("b", vec![ent("FT", Organization, &[], &[])]));
        assert_eq!(long, code);
        // Seen with one same body, it stays apart; with two, it links.
        let run = |shared: &[&str]| {
            let mut r = Resolver::new(Vec::new());
            let with = |first: DocEntity| {
                let mut es = vec![first];
                es.extend(shared.iter().map(|n| ent(n, Organization, &[], &[])));
                es
            };
            let long = r.resolve(&doc("a", with(ent("Fennel Trust", Organization, &[], &[]))));
            let code = r.resolve(&doc("b", with(ent("FT", Organization, &[], &[]))));
            long[0] == code[0]
        };
        assert!(!run(&["Harlow Bank"]));
        assert!(run(&["Harlow Bank", "Tollund Steel"]));
    }

    #[test]
    fn variants_acronyms_and_stable_ids() {
        let mut r = Resolver::new(Vec::new());
        let a = r.resolve(&doc(
            "a",
            vec![
                ent("Claudia Sheinbaum", Person, &["Sheinbaum"], &["president"]),
                ent("Customs and Border Protection", Organization, &[], &[]),
                ent("United States", Place, &["U.S."], &[]),
            ],
        ));
        let b = r.resolve(&doc(
            "b",
            vec![
                ent("Sheinbaum", Person, &[], &[]),
                ent("CBP", Organization, &[], &[]),
                ent("United States", Place, &["US", "America"], &[]),
            ],
        ));
        assert_eq!(a, b);
        assert_eq!(r.merges(), 3);
        let us = r.get(&a[2]).expect("known");
        assert!(us.aliases.contains("America") && us.aliases.contains("U.S."));
        // Re-resolving a document changes nothing.
        let again = r.resolve(&doc("b", Vec::new()));
        assert_eq!(again, b);
        assert_eq!(r.merges(), 3);
        assert_eq!(r.get(&a[0]).map(|e| e.mentions), Some(2));
        // A new resolver from the saved entities keeps the ids.
        let mut r2 = Resolver::new(r.entities().cloned().collect());
        let c = r2.resolve(&doc("c", vec![ent("Claudia Sheinbaum", Person, &[], &[])]));
        assert_eq!(c[0], a[0]);
    }

    #[test]
    fn fuller_label_keeps_id() {
        let mut r = Resolver::new(Vec::new());
        let a = r.resolve(&doc("a", vec![ent("Sheinbaum", Person, &[], &[])]));
        let b = r.resolve(&doc(
            "b",
            vec![ent("Claudia Sheinbaum", Person, &["Sheinbaum"], &[])],
        ));
        assert_eq!(a, b);
        let e = r.get(&a[0]).expect("known");
        assert_eq!(
            (e.id.0.as_str(), e.label.as_str()),
            ("sheinbaum", "Claudia Sheinbaum")
        );
        assert!(e.aliases.contains("Sheinbaum"));
    }

    /// A place first seen in a dateline's capitals takes the spelling of
    /// running text; an organisation's capitals stay (they may be its
    /// acronym).
    #[test]
    fn a_name_in_capitals_takes_the_spelling_of_running_text() {
        let mut r = Resolver::new(Vec::new());
        let a = r.resolve(&doc("a", vec![ent("KESTLING", Place, &[], &[])]));
        let b = r.resolve(&doc("b", vec![ent("Kestling", Place, &[], &[])]));
        assert_eq!(a, b);
        let e = r.get(&a[0]).expect("known");
        assert_eq!(e.label, "Kestling");
        assert!(e.aliases.contains("KESTLING"));
        let c = r.resolve(&doc("c", vec![ent("VTRA", Organization, &[], &[])]));
        let d = r.resolve(&doc("d", vec![ent("Vtra", Organization, &[], &[])]));
        assert_eq!(c, d);
        assert_eq!(r.get(&c[0]).map(|e| e.label.as_str()), Some("VTRA"));
    }

    /// Every entity, sorted by id: a resolver's state as the store holds it.
    fn stored(r: &Resolver) -> Vec<Entity> {
        let mut v: Vec<Entity> = r.entities().cloned().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Issue 15: a resolver rebuilt from what the store holds after some of
    /// the documents (the entities' records and which entities each stored
    /// document mentions) resolves the rest exactly as the resolver that
    /// saw every document, wherever the first run stopped. Before, the
    /// co-occurrences that single out a bare surname lived only in the
    /// run's memory, and a rerun made a new "Johnson" of its own.
    #[test]
    fn a_resolver_rebuilt_from_the_store_decides_as_the_one_that_ran_on() {
        let docs = [
            doc(
                "a",
                vec![
                    ent("Ronald Johnson", Person, &["Johnson"], &[]),
                    ent("Norland", Place, &[], &[]),
                    ent("Tollund", Place, &[], &[]),
                    ent("Vintra Shipping", Misc, &[], &[]),
                ],
            ),
            doc(
                "b",
                vec![
                    ent("Boris Johnson", Person, &["Johnson"], &[]),
                    ent("Elmsbury", Place, &[], &[]),
                    ent("Harlow", Place, &[], &[]),
                ],
            ),
            doc(
                "c",
                vec![
                    ent("Norland", Place, &[], &[]),
                    ent("Tollund", Place, &[], &[]),
                    ent("Johnson", Person, &[], &[]),
                ],
            ),
            // Typed Misc first, an organisation now: the type read back
            // from the store is the one the running resolver has.
            doc("d", vec![ent("Vintra Shipping", Organization, &[], &[])]),
            doc(
                "e",
                vec![
                    ent("Elmsbury", Place, &[], &[]),
                    ent("Harlow", Place, &[], &[]),
                    ent("Johnson", Person, &[], &[]),
                ],
            ),
            doc(
                "f",
                vec![
                    ent("VS", Organization, &[], &[]),
                    ent("Johnson", Person, &[], &[]),
                ],
            ),
        ];
        let mut lived = Resolver::new(Vec::new());
        let answers: Vec<Vec<EntityId>> = docs.iter().map(|d| lived.resolve(d)).collect();
        assert_eq!(answers[2][2], answers[0][0], "Norland points to Ronald");
        assert_eq!(answers[4][2], answers[1][0], "Elmsbury points to Boris");
        for stop in 0..docs.len() {
            let mut first = Resolver::new(Vec::new());
            let mentions: Vec<Vec<EntityId>> =
                docs[..stop].iter().map(|d| first.resolve(d)).collect();
            // The same start with each document's entities by position
            // (as an ingest reads them), an id no entity has left out.
            let entities = stored(&first);
            let positions: Vec<Vec<usize>> = mentions
                .iter()
                .map(|ids| {
                    ids.iter()
                        .filter_map(|id| entities.iter().rposition(|e| e.id == *id))
                        .collect()
                })
                .collect();
            let mut mentions = mentions;
            if let Some(first_doc) = mentions.first_mut() {
                first_doc.push(EntityId("no-such-entity".into()));
            }
            let mut rerun = Resolver::with_documents(entities.clone(), mentions);
            let mut by_position =
                Resolver::with_gazetteer_and_positions(Arc::default(), entities, positions);
            for (i, d) in docs.iter().enumerate().skip(stop) {
                assert_eq!(
                    rerun.resolve(d),
                    answers[i],
                    "stopped after {stop}: doc {i}"
                );
                assert_eq!(
                    by_position.resolve(d),
                    answers[i],
                    "by position, stopped after {stop}: doc {i}"
                );
            }
            assert_eq!(stored(&rerun), stored(&lived), "stopped after {stop}");
            assert_eq!(stored(&by_position), stored(&lived), "stopped after {stop}");
        }
    }

    /// A replaced document no longer counts, and an entity only it
    /// mentioned is forgotten: the resolver stays what a reload of the
    /// store (which dropped both) gives.
    /// A loaded entity's keys are not kept (`indexed`), yet a change of its
    /// record drops the keys that no longer hold, as for an entity the
    /// resolver made, and forgetting it drops the others.
    #[test]
    fn a_loaded_entity_changed_or_forgotten_leaves_no_stale_key() {
        let loaded = Entity {
            id: EntityId("kessel-ward".into()),
            label: "Kessel Ward".into(),
            label_type: Misc,
            subtype: None,
            aliases: Default::default(),
            titles: Default::default(),
            mentions: 1,
        };
        let mut r = Resolver::new(vec![loaded]);
        let holds = |map: &HashMap<String, Vec<usize>>, key: &str| {
            map.get(key).is_some_and(|ks| ks.contains(&0))
        };
        assert!(holds(&r.by_initials, "kw") && !holds(&r.by_surname, "ward"));
        // A story names it as a person: a person has a surname, no initials.
        let ids = r.resolve(&doc("s", vec![ent("Kessel Ward", Person, &[], &[])]));
        assert_eq!(ids, [EntityId("kessel-ward".into())]);
        assert!(!holds(&r.by_initials, "kw"), "the old type's initials stay");
        assert!(holds(&r.by_surname, "ward") && holds(&r.by_key, "kessel ward"));
        r.forget_entity(&ids[0]);
        for map in [&r.by_key, &r.by_surname, &r.by_initials] {
            assert!(map.values().all(|ks| !ks.contains(&0)));
        }
        // Loaded and forgotten unchanged: its record's keys go.
        let mut r = Resolver::new(vec![Entity {
            id: EntityId("vantor".into()),
            label: "Vantor Group".into(),
            label_type: Organization,
            subtype: None,
            aliases: ["Vantor".to_string()].into(),
            titles: Default::default(),
            mentions: 1,
        }]);
        assert!(holds(&r.by_key, "vantor group") && holds(&r.by_initials, "vg"));
        r.forget_entity(&EntityId("vantor".into()));
        for map in [&r.by_key, &r.by_surname, &r.by_initials] {
            assert!(map.is_empty(), "{map:?}");
        }
    }

    #[test]
    fn forgetting_a_replaced_document_is_a_reload() {
        let mut lived = Resolver::new(Vec::new());
        let a = lived.resolve(&doc(
            "a",
            vec![
                ent("Ronald Johnson", Person, &["Johnson"], &[]),
                ent("Norland", Place, &[], &[]),
            ],
        ));
        let b = lived.resolve(&doc(
            "b",
            vec![
                ent("Boris Johnson", Person, &["Johnson"], &[]),
                ent("Elmsbury", Place, &[], &[]),
            ],
        ));
        // A new version of "a" without Norland: the store drops the old
        // graph and Norland's description.
        let a2 = lived.resolve(&doc(
            "a2",
            vec![ent("Ronald Johnson", Person, &["Johnson"], &[])],
        ));
        lived.forget_document(&a);
        lived.forget_entity(&a[1]);
        assert!(lived.get(&a[1]).is_none());
        let mut reloaded = Resolver::with_documents(stored(&lived), vec![b.clone(), a2]);
        assert_eq!(stored(&reloaded), stored(&lived));
        for d in [
            doc(
                "c",
                vec![
                    ent("Norland", Place, &[], &[]),
                    ent("Johnson", Person, &[], &[]),
                ],
            ),
            doc(
                "d",
                vec![
                    ent("Elmsbury", Place, &[], &[]),
                    ent("Johnson", Person, &[], &[]),
                ],
            ),
        ] {
            assert_eq!(lived.resolve(&d), reloaded.resolve(&d));
        }
        assert_eq!(stored(&reloaded), stored(&lived));
        // Norland came back as a new entity under its free id; the
        // forgotten record is not listed.
        assert_eq!(lived.get(&a[1]).map(|e| e.mentions), Some(1));
        let ids: Vec<String> = stored(&lived).into_iter().map(|e| e.id.0).collect();
        assert_eq!(
            ids,
            [
                "boris-johnson",
                "elmsbury",
                "johnson",
                "norland",
                "ronald-johnson"
            ]
        );
        assert_eq!(lived.entities().len(), 5);
    }

    /// A one-sentence document whose words are split at spaces, with a name
    /// mention of entity `k` wherever `names[k]` (its label or, after a
    /// `|`, other forms) occurs outside the mentions of earlier entities.
    fn doc_in_text(text: &str, entities: Vec<DocEntity>, names: &[&str]) -> DocFacts {
        use crate::extract::{Mention, MentionKind};
        use crate::nlp::{Sentence, Span, Token};
        let mut tokens = Vec::new();
        let mut at = 0;
        for w in text.split(' ') {
            tokens.push(Token::unanalyzed(
                Span {
                    start: at,
                    end: at + w.len(),
                },
                w,
            ));
            at += w.len() + 1;
        }
        let mut mentions = Vec::new();
        let mut taken = vec![false; tokens.len()];
        for (k, forms) in names.iter().enumerate() {
            for form in forms.split('|') {
                let n = form.split(' ').count();
                for i in 0..tokens.len().saturating_sub(n - 1) {
                    let words: Vec<&str> =
                        tokens[i..i + n].iter().map(|t| t.form.as_str()).collect();
                    if words.join(" ") == form && !taken[i..i + n].contains(&true) {
                        taken[i..i + n].iter_mut().for_each(|t| *t = true);
                        mentions.push(Mention {
                            sentence: 0,
                            tokens: i..i + n,
                            span: Span {
                                start: tokens[i].span.start,
                                end: tokens[i + n - 1].span.end,
                            },
                            text: form.to_string(),
                            kind: MentionKind::Name,
                            entity: k,
                        });
                    }
                }
            }
        }
        let mut d = doc(text, entities);
        d.analyzed.sentences = vec![Sentence {
            span: Span {
                start: 0,
                end: text.len(),
            },
            tokens,
        }];
        d.mentions = mentions;
        d
    }

    /// Issue 10: a courtesy or role title before a surname is no part of
    /// the name: "Mr Kessel" in a later document is Mira Kessel's surname,
    /// not a second full name that differs from hers, when the two stories
    /// share something (here Harlow); with nothing in common a bare surname
    /// stays apart, as a common surname has many bearers. A surname two
    /// known people bear needs more: a role or two entities in common.
    #[test]
    fn a_titled_surname_finds_the_full_name() {
        let mut r = Resolver::new(Vec::new());
        let a = r.resolve(&doc(
            "a",
            vec![
                ent("Mira Kessel", Person, &[], &[]),
                ent("Harlow", Place, &[], &[]),
                ent("Tollund Bank", Organization, &[], &[]),
            ],
        ));
        let b = r.resolve(&doc(
            "b",
            vec![
                ent("Harlow", Place, &[], &[]),
                ent("Kessel", Person, &["Mr Kessel"], &[]),
            ],
        ));
        assert_eq!(a[0], b[1]);
        let alone = r.resolve(&doc("x", vec![ent("Kessel", Person, &["Mr Kessel"], &[])]));
        assert_ne!(a[0], alone[0]);
        let c = r.resolve(&doc(
            "c",
            vec![ent(
                "Mira Kessel",
                Person,
                &["Trade Minister Mira Kessel"],
                &["trade minister"],
            )],
        ));
        assert_eq!(a[0], c[0]);
        // A different given name still makes another person.
        let d = r.resolve(&doc(
            "d",
            vec![ent("Ola Kessel", Person, &["Mr Ola Kessel"], &[])],
        ));
        assert_ne!(a[0], d[0]);
        // Two Kessels known: one place in common no longer singles out
        // Mira; the place and the bank do.
        let one = r.resolve(&doc(
            "e",
            vec![
                ent("Harlow", Place, &[], &[]),
                ent("Kessel", Person, &["Mr Kessel"], &[]),
            ],
        ));
        assert_ne!(a[0], one[1]);
        let two = r.resolve(&doc(
            "f",
            vec![
                ent("Harlow", Place, &[], &[]),
                ent("Tollund Bank", Organization, &[], &[]),
                ent("Kessel", Person, &["Mr Kessel"], &[]),
            ],
        ));
        assert_eq!(a[0], two[2]);
    }

    /// A one-word "surname" that is a given name ("David") is most often
    /// the first half of a name cut short: one entity in common does not
    /// make it the one full name known with it; two do.
    #[test]
    fn a_surname_that_is_a_given_name_needs_more_evidence() {
        let gazetteer = Arc::new(Gazetteer::compile_from("", "", "", ""));
        assert!(gazetteer.is_given_name("David"));
        let mut r = Resolver::with_gazetteer(gazetteer);
        let a = r.resolve(&doc(
            "a",
            vec![
                ent("Ana David", Person, &[], &[]),
                ent("Harlow", Place, &[], &[]),
                ent("Tollund Bank", Organization, &[], &[]),
            ],
        ));
        let one = r.resolve(&doc(
            "b",
            vec![
                ent("Harlow", Place, &[], &[]),
                ent("David", Person, &[], &[]),
            ],
        ));
        assert_ne!(a[0], one[1]);
        let two = r.resolve(&doc(
            "c",
            vec![
                ent("Harlow", Place, &[], &[]),
                ent("Tollund Bank", Organization, &[], &[]),
                ent("David", Person, &[], &[]),
            ],
        ));
        assert_eq!(a[0], two[2]);
    }

    /// Issue 10: two different long names that share initials are two
    /// entities, even when one of them was called by those initials; the
    /// bare initials still find the one known by them.
    #[test]
    fn long_names_sharing_initials_stay_apart() {
        let mut r = Resolver::new(Vec::new());
        let a = r.resolve(&doc(
            "a",
            vec![ent("Bank of Vantor", Organization, &["BV"], &[])],
        ));
        let b = r.resolve(&doc(
            "b",
            vec![ent("Brandt Ventures", Organization, &[], &[])],
        ));
        assert_ne!(a, b);
        let d = r.resolve(&doc("d", vec![ent("BV", Organization, &[], &[])]));
        assert_eq!(d[0], a[0]);
        let c = r.resolve(&doc(
            "c",
            vec![ent("Bolvik Vista Inc", Organization, &["BV"], &[])],
        ));
        assert_ne!(a, c);
        assert_ne!(b, c);
        // A spelling of the same long name is the same entity.
        let e = r.resolve(&doc(
            "e",
            vec![ent(
                "Kessel Organisation for Securities",
                Organization,
                &[],
                &[],
            )],
        ));
        let f = r.resolve(&doc(
            "f",
            vec![ent(
                "Kessel Organization for Security",
                Organization,
                &[],
                &[],
            )],
        ));
        assert_eq!(e, f);
    }

    /// Issue 10: a capital that stood for its country in one document
    /// (coreference made it one of the country's names) is the city in the
    /// others, and the country is not labelled by it.
    #[test]
    fn a_city_is_not_its_country() {
        let mut r = Resolver::new(Vec::new());
        let mut metonym = ent("Warsaw", Place, &["Poland"], &[]);
        metonym.subtype = Some("Country".into());
        let a = r.resolve(&doc("a", vec![metonym]));
        assert_eq!(r.get(&a[0]).map(|e| e.label.as_str()), Some("Poland"));
        let b = r.resolve(&doc("b", vec![ent("Warsaw", Place, &["WARSAW"], &[])]));
        assert_ne!(a, b);
        let mut country = ent("Poland", Place, &[], &[]);
        country.subtype = Some("Country".into());
        let c = r.resolve(&doc("c", vec![country]));
        assert_eq!(a, c);
    }

    /// Issue 10: in one document, the first or last word of a company named
    /// in full is the company ("Ostrel" after "Union Ostrel Corp", whatever
    /// the recognizer typed it), and a given name or its start is the one
    /// person of that name ("Sam" after "Samuel Brandt"), but only there:
    /// a lone "Sam" elsewhere is nobody known.
    #[test]
    fn short_forms_in_a_document_are_its_full_names() {
        let mut r = Resolver::new(Vec::new());
        let text = "Union Ostrel Corp and Vantor Group met . Vantor fell after a stake in Ostrel rose . Samuel Brandt said Sam won";
        let a = r.resolve(&doc_in_text(
            text,
            vec![
                ent("Union Ostrel Corp", Organization, &[], &[]),
                ent("Vantor Group", Organization, &[], &[]),
                ent("Ostrel", Place, &[], &[]),
                ent("Vantor", Misc, &[], &[]),
                ent("Samuel Brandt", Person, &[], &[]),
                ent("Sam", Person, &[], &[]),
            ],
            &[
                "Union Ostrel Corp",
                "Vantor Group",
                "Ostrel",
                "Vantor",
                "Samuel Brandt",
                "Sam",
            ],
        ));
        assert_eq!(a[2], a[0]);
        assert_eq!(a[3], a[1]);
        assert_eq!(a[5], a[4]);
        assert_eq!(r.entities().len(), 3);
        let b = r.resolve(&doc("b", vec![ent("Sam", Person, &[], &[])]));
        assert_ne!(b[0], a[4]);
        // A month is no given name's short form.
        let m = r.resolve(&doc(
            "m",
            vec![
                ent("May Lind", Person, &[], &[]),
                ent("May", Person, &[], &[]),
            ],
        ));
        assert_ne!(m[0], m[1]);
        // A generic first word, or a place used as one, stays apart.
        let text = "Bank of Norland and Ostvik Mining Co rose . Bank shares fell in Ostvik";
        let c = r.resolve(&doc_in_text(
            text,
            vec![
                ent("Bank of Norland", Organization, &[], &[]),
                ent("Ostvik Mining Co", Organization, &[], &[]),
                ent("Bank", Organization, &[], &[]),
                ent("Ostvik", Place, &[], &[]),
            ],
            &["Bank of Norland", "Ostvik Mining Co", "Bank", "Ostvik"],
        ));
        assert_ne!(c[2], c[0]);
        assert_ne!(c[3], c[1]);
    }

    /// Issue 10: "Mr Brandt", read as an organisation, is the document's
    /// Brandt.
    #[test]
    fn a_titled_name_typed_organisation_is_the_person() {
        let mut r = Resolver::new(Vec::new());
        let a = r.resolve(&doc(
            "a",
            vec![
                ent("Jan Brandt", Person, &["Brandt"], &[]),
                ent("Mr Brandt", Organization, &[], &[]),
            ],
        ));
        assert_eq!(a[0], a[1]);
    }

    /// A short form of a short form ("Mr", first word of "Mr Brandt",
    /// itself the document's Jan Brandt) follows the chain to its end, and
    /// every document entity gets an id: one short, the ids fell out of step
    /// with the entities and writing the facts panicked.
    #[test]
    fn a_chain_of_short_forms_ends_at_the_full_name() {
        let mut r = Resolver::new(Vec::new());
        let text = "Jan Brandt spoke . Mr Brandt left . Mr said";
        let entities = vec![
            ent("Jan Brandt", Person, &["Brandt"], &[]),
            ent("Mr Brandt", Organization, &[], &[]),
            ent("Mr", Organization, &[], &[]),
        ];
        let forms = forms::short_forms(
            &Gazetteer::default(),
            &doc_in_text(text, entities.clone(), &["Jan Brandt", "Mr Brandt", "Mr"]),
        );
        assert_eq!(forms, [0, 0, 1], "the chain this test is about");
        let a = r.resolve(&doc_in_text(
            text,
            entities,
            &["Jan Brandt", "Mr Brandt", "Mr"],
        ));
        assert_eq!(a.len(), 3);
        assert_eq!(a[1], a[0]);
        assert_eq!(a[2], a[0]);
    }

    /// Issue 10: a bare code that several known entities go by names the
    /// most mentioned one, and a code with its legal form is the code.
    #[test]
    fn a_bare_code_names_its_best_known_bearer() {
        let mut r = Resolver::new(Vec::new());
        let mut big = ent("Kessel Trading Commission", Organization, &["KTC"], &[]);
        big.mentions = 9;
        let a = r.resolve(&doc("a", vec![big]));
        let b = r.resolve(&doc(
            "b",
            vec![ent("Kessel Tin Corp", Organization, &["KTC"], &[])],
        ));
        assert_ne!(a, b);
        let c = r.resolve(&doc("c", vec![ent("KTC", Organization, &[], &[])]));
        assert_eq!(c, a);
        let d = r.resolve(&doc("d", vec![ent("OLV", Organization, &[], &[])]));
        let e = r.resolve(&doc("e", vec![ent("OLV Corp", Organization, &[], &[])]));
        assert_eq!(d, e);
    }

    /// Issue 10: a short form that is already a known company's name is
    /// that company, not the subsidiary named in full beside it; and a
    /// subsidiary's longer name does not become the known company's label.
    #[test]
    fn a_known_company_keeps_its_short_name() {
        let mut r = Resolver::new(Vec::new());
        let a = r.resolve(&doc(
            "a",
            vec![ent("Vantor Inc", Organization, &["Vantor"], &[])],
        ));
        let b = r.resolve(&doc_in_text(
            "Vantor Canada Inc rose . Vantor fell",
            vec![
                ent("Vantor Canada Inc", Organization, &[], &[]),
                ent("Vantor", Organization, &[], &[]),
            ],
            &["Vantor Canada Inc", "Vantor"],
        ));
        assert_ne!(b[0], a[0]);
        assert_eq!(b[1], a[0]);
        assert_eq!(r.get(&a[0]).map(|e| e.label.as_str()), Some("Vantor Inc"));
        // A name before the longer one is not its short form: the site
        // is named after the company.
        let e = r.resolve(&doc_in_text(
            "Ostra rose . Ostra Watch said Ostra fell",
            vec![
                ent("Ostra Watch", Organization, &[], &[]),
                ent("Ostra", Organization, &[], &[]),
            ],
            &["Ostra Watch", "Ostra"],
        ));
        assert_ne!(e[0], e[1]);
        // One-word names keep their spelling: bonds are not the ministry.
        let c = r.resolve(&doc("c", vec![ent("Bonds", Organization, &[], &[])]));
        let d = r.resolve(&doc("d", vec![ent("Bond", Organization, &[], &[])]));
        assert_ne!(c, d);
    }

    #[test]
    fn person_never_merges_with_place() {
        let mut r = Resolver::new(Vec::new());
        let a = r.resolve(&doc("a", vec![ent("Georgia", Place, &[], &[])]));
        let b = r.resolve(&doc("b", vec![ent("Georgia", Person, &[], &[])]));
        assert_ne!(a, b);
        assert_eq!(b[0].0, "georgia-2");
    }

    #[test]
    fn speed_many_documents() {
        let mut r = Resolver::new(Vec::new());
        let start = std::time::Instant::now();
        for i in 0..2000 {
            let d = doc(
                &format!("doc {i}"),
                vec![
                    ent(
                        &format!("Person{} Surname{}", i % 300, i % 300),
                        Person,
                        &[],
                        &[],
                    ),
                    ent(
                        &format!("Agency of Things {}", i % 50),
                        Organization,
                        &[],
                        &[],
                    ),
                    ent("United States", Place, &["U.S."], &[]),
                ],
            );
            assert_eq!(r.resolve(&d).len(), 3);
        }
        assert!(r.entities().len() < 2000);
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }
}
