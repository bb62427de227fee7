//! Coreference within one document: mention [`Candidate`]s in, entities
//! ([`DocEntity`]) and [`Mention`]s out.
//!
//! Four passes, most reliable first, each only adding to what the earlier
//! ones decided (a sieve, as in Lee et al. 2013):
//! 1. names with a canonical form ("U.S.", "America", "Washington" the
//!    government → "United States") join by that form;
//! 2. other names join by name variants, longest first: "Sheinbaum" to
//!    "Claudia Sheinbaum", "New York Times" to "The New York Times", "CBP" to
//!    "Customs and Border Protection" (initials), never across Person/Place;
//! 3. definite descriptions join the one entity that fits ("the Mexican
//!    president" → the only person titled president of Mexico); none or
//!    several → left out;
//! 4. pronouns join the nearest compatible antecedent (gender, number,
//!    person or not); none → left out rather than guessed. An "it" that
//!    says something continues the story's speaker before it (wire copy's
//!    "It said"), whatever firms stand between.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::attribution::SPEECH;
use crate::concepts::INSTRUMENT_NOUNS;
use crate::fact::{DocEntity, Mention, MentionKind};
use crate::mentions::{Candidate, Description, PronounClass};
use crate::quotes;
use newskg_nlp::names::{self, Gender};
use newskg_nlp::{AnalyzedDoc, EntityLabel, Gazetteer, Upos};

/// The result of clustering.
pub(crate) struct Coref {
    /// Entities, in order of first mention.
    pub entities: Vec<DocEntity>,
    /// The mentions that found an entity, in text order.
    pub mentions: Vec<Mention>,
    /// For each candidate, its entity (an index into `entities`), if any.
    pub assign: Vec<Option<usize>>,
}

/// A cluster under construction.
struct Cluster {
    label: EntityLabel,
    canonical: Option<String>,
    /// Normalised name keys of its name mentions.
    keys: Vec<String>,
    /// Name forms as written.
    forms: Vec<String>,
    /// Names with their title as written ("President Sheinbaum"): aliases only.
    titled: Vec<String>,
    gender: Option<Gender>,
    members: Vec<usize>,
}

/// Clusters `cands` (in text order) into document entities; `quote_spans`
/// are the document's quotations ([`quotes::spans`]).
pub(crate) fn cluster(
    analyzed: &AnalyzedDoc,
    cands: &[Candidate],
    quote_spans: &[std::ops::Range<usize>],
    gaz: &Gazetteer,
) -> Coref {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut assign: Vec<Option<usize>> = vec![None; cands.len()];

    // 1. Canonical names.
    let mut by_canonical: HashMap<String, usize> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        let (Some(canon), Some(label)) = (&c.canonical, c.label) else {
            continue;
        };
        let k = canonical_cluster(&mut clusters, &mut by_canonical, canon, label);
        add(&mut clusters[k], i, c);
        assign[i] = Some(k);
    }

    // 2. Other names, longest first so short forms find their full name.
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&i| {
            assign[i].is_none() && cands[i].kind == MentionKind::Name && cands[i].name.is_some()
        })
        .collect();
    order.sort_by_key(|&i| {
        let n = cands[i].name.as_deref().unwrap_or("");
        (
            std::cmp::Reverse(n.split_whitespace().count()),
            cands[i].span.start,
        )
    });
    let places = Places::new(gaz);
    for i in order {
        let c = &cands[i];
        let (Some(name), Some(label)) = (c.name.as_deref(), c.label) else {
            continue;
        };
        // "Vantor Corp <VTR>", "Nordic Kessel Bank (NKB)": a code in
        // brackets right after an organisation's name is that
        // organisation's other name, whatever the recognizer typed it.
        if let Some(k) = bracketed_code_of(analyzed, cands, &assign, &clusters, i) {
            add(&mut clusters[k], i, c);
            assign[i] = Some(k);
            continue;
        }
        let key = names::normalize(name);
        let probe = Probe {
            name,
            label,
            key: &key,
            words: names::key_words(&key),
        };
        let mut fits: Vec<usize> = (0..clusters.len())
            .filter(|&k| compatible(&places, &probe, &clusters[k]))
            .collect();
        // "Varga" after "Varga Bakeries Inc" is the company's short
        // form only where no person of that name is in the story.
        if label == EntityLabel::Person
            && fits
                .iter()
                .any(|&k| clusters[k].label == EntityLabel::Person)
        {
            fits.retain(|&k| clusters[k].label == EntityLabel::Person);
        }
        // One form, one referent in a story: a short form that already
        // named one of the fitting clusters names it again.
        if fits.len() > 1 && fits.iter().any(|&k| clusters[k].keys.contains(&key)) {
            fits.retain(|&k| clusters[k].keys.contains(&key));
        }
        let k = match fits.len() {
            0 => {
                clusters.push(Cluster {
                    label,
                    canonical: None,
                    keys: Vec::new(),
                    forms: Vec::new(),
                    titled: Vec::new(),
                    gender: None,
                    members: Vec::new(),
                });
                clusters.len() - 1
            }
            1 => fits[0],
            // One word that begins several companies' names ("Kessler"
            // after "Kessler Group" and its "Kessler Partners" unit): the
            // company the story named first, its subject.
            _ if probe.words.len() == 1
                && fits
                    .iter()
                    .all(|&k| clusters[k].label == EntityLabel::Organization) =>
            {
                first_named(&fits, &clusters, cands)
            }
            // Several full names share this surname: the nearest mention wins.
            _ => nearest(&fits, &clusters, cands, c.span.start),
        };
        if clusters[k].label == EntityLabel::Misc {
            clusters[k].label = label;
        }
        add(&mut clusters[k], i, c);
        assign[i] = Some(k);
    }

    // 3. Descriptions.
    for (i, c) in cands.iter().enumerate() {
        let Some(d) = &c.description else { continue };
        let fits: Vec<usize> = (0..clusters.len())
            .filter(|&k| describes(d, &clusters[k], cands))
            // A noun refers back through the name it introduced, not ahead.
            .filter(|&k| {
                !matches!(d, Description::Descriptor(_))
                    || mentioned_before(&clusters[k], cands, c.span.start)
            })
            .collect();
        let firm = matches!(d, Description::OrgNoun(n) if speaks_for_a_firm(n));
        let named_before = |k: usize| mentioned_before(&clusters[k], cands, c.span.start);
        // "the government" in a story that names one country before it:
        // that country's state, as "Washington said" is (judged blind on
        // unseen news: of 60 facts this gives, 19 correct against 6 of the
        // 60 unresolved ones it replaces; 8 took the wrong country, where a
        // British story names only Iraq). A story that names none is about
        // the country it was filed from, when its dateline names one
        // ("OTTAWA, May 2 -"); a country in the text comes first, as wire
        // stories are filed from a few hubs about other countries.
        if *d == Description::Government {
            let mut countries: Vec<String> = Vec::new();
            for cl in clusters.iter().filter(|cl| cl.label == EntityLabel::Place) {
                let country = cl.canonical.as_deref().and_then(|n| names::country(gaz, n));
                if let Some(country) = country {
                    if mentioned_before(cl, cands, c.span.start)
                        && !countries.contains(&country.canonical)
                    {
                        countries.push(country.canonical);
                    }
                }
            }
            if countries.is_empty() {
                countries.extend(dateline_country(analyzed, cands, &assign, &clusters, gaz));
            }
            // "The government" of a country is its government, the body
            // the story may also name ("the British government" → "United
            // Kingdom government"), not the country, which is a place.
            if let [country] = &countries[..] {
                let body = format!("{country} government");
                let k = canonical_cluster(
                    &mut clusters,
                    &mut by_canonical,
                    &body,
                    EntityLabel::Organization,
                );
                clusters[k].members.push(i);
                assign[i] = Some(k);
            }
            continue;
        }
        let k = match fits[..] {
            // So does "the company" or "the board": "told the board that
            // ... . Vantor Corp said" is no board of Vantor's.
            [k] if matches!(d, Description::OrgNoun(_)) => Some(k).filter(|&k| named_before(k)),
            [k] => Some(k),
            // "the company" in a story of several companies: the one the
            // lead is about, the subject of its first sentence that has a
            // company as subject, when that is one of the first two.
            [_, _, ..] if firm => {
                lead_subject(&fits, &clusters, cands).filter(|&k| named_before(k))
            }
            // "the company" after a business named without a legal form
            // ("Vexa Savings and Loan Association said ... The company
            // said"): the one organisation the story named before it,
            // the press aside.
            [] if firm => {
                let before: Vec<usize> = (0..clusters.len())
                    .filter(|&k| {
                        clusters[k].label == EntityLabel::Organization
                            && named_before(k)
                            && !clusters[k].forms.iter().any(|f| gaz.is_news_media(f))
                    })
                    .collect();
                match before[..] {
                    [k] => Some(k),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(k) = k {
            clusters[k].members.push(i);
            assign[i] = Some(k);
        }
    }

    // Tokens inside a name or description (a noun there never blocks a
    // pronoun), per sentence.
    let mut inside: Vec<Vec<bool>> = analyzed
        .sentences
        .iter()
        .map(|s| vec![false; s.tokens.len()])
        .collect();
    for c in cands.iter().filter(|c| c.kind != MentionKind::Pronoun) {
        if let Some(row) = inside.get_mut(c.sentence) {
            for t in c.tokens.clone() {
                if let Some(x) = row.get_mut(t) {
                    *x = true;
                }
            }
        }
    }

    // 4. Pronouns, in text order (a resolved pronoun can be the next one's
    //    antecedent, and lends its gender to the cluster).
    let scene = Scene {
        analyzed,
        inside,
        quotes: quote_spans,
    };
    for i in 0..cands.len() {
        let Some(p) = cands[i].pronoun else { continue };
        if let Some(k) = antecedent(&scene, cands, &assign, &clusters, i, p) {
            match p {
                PronounClass::Male => clusters[k].gender = Some(Gender::Male),
                PronounClass::Female => clusters[k].gender = Some(Gender::Female),
                _ => {}
            }
            clusters[k].members.push(i);
            assign[i] = Some(k);
        }
    }

    build(analyzed, cands, clusters, assign)
}

/// Whether cluster `cl` has a member that starts before `pos` (a span
/// start in the text): a description refers back to what was named
/// before it.
fn mentioned_before(cl: &Cluster, cands: &[Candidate], pos: usize) -> bool {
    cl.members.iter().any(|&m| cands[m].span.start < pos)
}

/// The country of the place a story was filed from, when its dateline
/// ("OSLO, March 3 -") names a country or a capital: the story's own
/// country, named before anything in it. The sentence splitter ends a
/// sentence at a dash only after a dateline.
fn dateline_country(
    analyzed: &AnalyzedDoc,
    cands: &[Candidate],
    assign: &[Option<usize>],
    clusters: &[Cluster],
    gaz: &Gazetteer,
) -> Option<String> {
    let first = analyzed.sentences.first()?;
    let dash = first.tokens.last()?;
    if !matches!(dash.form.as_str(), "-" | "--" | "—" | "–") {
        return None;
    }
    let place = cands
        .iter()
        .zip(assign)
        .filter(|(c, _)| c.sentence == 0)
        .find_map(|(_, k)| k.map(|k| &clusters[k]))
        .filter(|cl| cl.label == EntityLabel::Place)?;
    let name = place.canonical.as_deref()?;
    names::country(gaz, name)
        .or_else(|| names::capital_of(name))
        .map(|country| country.canonical)
}

/// The cluster of canonical name `canon`, made (with `label`) the first
/// time the name is met.
fn canonical_cluster(
    clusters: &mut Vec<Cluster>,
    by_canonical: &mut HashMap<String, usize>,
    canon: &str,
    label: EntityLabel,
) -> usize {
    *by_canonical.entry(canon.to_string()).or_insert_with(|| {
        clusters.push(Cluster {
            label,
            canonical: Some(canon.to_string()),
            keys: vec![names::normalize(canon)],
            forms: Vec::new(),
            titled: Vec::new(),
            gender: None,
            members: Vec::new(),
        });
        clusters.len() - 1
    })
}

/// Adds a name candidate to a cluster (its forms, key and gender).
fn add(cl: &mut Cluster, i: usize, c: &Candidate) {
    cl.members.push(i);
    if cl.gender.is_none() {
        cl.gender = c.gender;
    }
    if c.demonym {
        return;
    }
    if let Some(n) = &c.name {
        let key = names::normalize(n);
        if !cl.keys.contains(&key) {
            cl.keys.push(key);
        }
        if !cl.forms.contains(n) {
            cl.forms.push(n.clone());
        }
    }
    if let Some(t) = &c.titled {
        if !cl.titled.contains(t) {
            cl.titled.push(t.clone());
        }
    }
}

/// A name looking for its cluster: its key and key words are computed once,
/// not once per cluster.
struct Probe<'a> {
    name: &'a str,
    label: EntityLabel,
    key: &'a str,
    words: Vec<&'a str>,
}

/// Place lookups remembered for one document: [`compatible`] runs for every
/// pair of a name and a cluster, and a place lookup scans the country table.
struct Places<'g> {
    gaz: &'g Gazetteer,
    /// Name → whether [`names::place`] knows it.
    known: RefCell<HashMap<String, bool>>,
}

impl<'g> Places<'g> {
    fn new(gaz: &'g Gazetteer) -> Places<'g> {
        Places {
            gaz,
            known: RefCell::new(HashMap::new()),
        }
    }

    /// `names::place(gaz, name).is_some()`.
    fn is_place(&self, name: &str) -> bool {
        if let Some(&known) = self.known.borrow().get(name) {
            return known;
        }
        let known = names::place(self.gaz, name).is_some();
        self.known.borrow_mut().insert(name.to_string(), known);
        known
    }
}

/// Whether a name (of type `label`) can join a cluster.
fn compatible(places: &Places, probe: &Probe, cl: &Cluster) -> bool {
    let Probe {
        name,
        label,
        key,
        ref words,
    } = *probe;
    let gaz = places.gaz;
    // A one-word name the recognizer typed as an organisation may still be a
    // person's surname ("Sheinbaum" as ORG); not so for acronyms and places.
    let surname_slip = label != EntityLabel::Place
        && cl.label == EntityLabel::Person
        && words.len() == 1
        && !names::is_acronym(name)
        && !places.is_place(name);
    // A short form, a spelling or an acronym of an organisation named in
    // full earlier, whatever the recognizer typed it ("HMX" as a person, a
    // ticker as MISC, "Carbide" as a place): not a known place, and a
    // "person" only as an acronym or as the first word of a business's name
    // ("Varga" of "Varga Bakeries Inc"; a person of that name in the
    // story wins, see `cluster`). When the types agree, the comparison of
    // names below covers these forms.
    // So is the surname of a business named after a person ("Brandt" of
    // "Ana Brandt Associates"): a given name, the surname, then only words
    // of the kind of business.
    let first_word_of_business = label == EntityLabel::Person
        && words.len() == 1
        && cl.keys.iter().any(|k| {
            let kw = names::key_words(k);
            let founder_surname = kw.len() >= 3
                && kw[1] == words[0]
                && gaz.is_given_name(kw[0])
                && kw[2..].iter().all(|w| {
                    names::ORGANISATION_DESIGNATORS.contains(w) || names::LEGAL_FORMS.contains(w)
                });
            names::is_business_key(k) && kw.len() >= 2 && (kw[0] == words[0] || founder_surname)
        });
    if !names::types_agree(label, cl.label) && !surname_slip {
        return cl.label == EntityLabel::Organization
            && !places.is_place(name)
            && (label != EntityLabel::Person || names::is_acronym(name) || first_word_of_business)
            && (first_word_of_business
                || cl.keys.iter().any(|k| {
                    let kw = names::key_words(k);
                    organisation_variant(
                        gaz,
                        names::without_legal_form(words),
                        names::without_legal_form(&kw),
                    )
                })
                || cl.forms.iter().any(|f| names::acronym_of(gaz, name, f)));
    }
    cl.keys.iter().any(|k| {
        if k == key {
            return true;
        }
        let kw = names::key_words(k);
        match cl.label {
            EntityLabel::Person => names::person_variant(words, &kw),
            EntityLabel::Place => false,
            _ => {
                // "Vantor" and "Vantor Corp": one company, its legal form aside.
                let (w, k) = (
                    names::without_legal_form(words),
                    names::without_legal_form(&kw),
                );
                strip_place(places, w) == strip_place(places, k)
                    || organisation_variant(gaz, w, k)
                    || cl
                        .forms
                        .iter()
                        .any(|f| names::acronym_of(gaz, name, f) || names::acronym_of(gaz, f, name))
            }
        }
    })
}

/// The cluster of the organisation whose name ends right before candidate
/// `i` when `i` is a short code in brackets after it ("Vantor Corp
/// <VTR>"): one word of capitals or digits, up to six characters.
fn bracketed_code_of(
    analyzed: &AnalyzedDoc,
    cands: &[Candidate],
    assign: &[Option<usize>],
    clusters: &[Cluster],
    i: usize,
) -> Option<usize> {
    let c = &cands[i];
    let tokens = &analyzed.sentences.get(c.sentence)?.tokens;
    let name = c.name.as_deref()?;
    let code = name.chars().count() <= 6
        && name
            .chars()
            .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit())
        && name.chars().any(|ch| ch.is_ascii_uppercase());
    let open = c.tokens.start.checked_sub(1)?;
    if !code || !matches!(tokens.get(open)?.form.as_str(), "<" | "(") {
        return None;
    }
    cands.iter().enumerate().find_map(|(j, o)| {
        let k = assign[j]?;
        (o.sentence == c.sentence
            && o.tokens.end == open
            && clusters[k].label == EntityLabel::Organization)
            .then_some(k)
    })
}

/// Whether two organisation names (normalised words, legal form aside)
/// are variants of one: the same letters spaced differently ("SolarWorks",
/// "Solar Works"), the shorter the first words of the longer before words
/// that only say what kind of body it is ("Vantor" of "Vantor Holdings"),
/// or each word cut short ("Green Libs" of "Green Liberals"). News names a
/// company in full once and by a short form after.
fn organisation_variant(gaz: &Gazetteer, a: &[&str], b: &[&str]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() || short == long {
        return false;
    }
    let spaced = short.len() == 1 && short.concat() == long.concat();
    // Only when the words left out say what kind of body it is ("Vantor"
    // of "Vantor Holdings"): "Orchard" beside "Orchard Weekly" is another
    // organisation, and a known name stays its own.
    let first_words = short.len() < long.len()
        && long.starts_with(short)
        && long[short.len()..]
            .iter()
            .all(|w| names::ORGANISATION_DESIGNATORS.contains(w))
        && names::known(gaz, &short.join(" ")).is_none();
    // Plural "s" aside: "dems" is cut from "democrats", either way round.
    let cut = short.len() == long.len()
        && short.iter().zip(long).all(|(s, l)| {
            let (s, l) = (
                s.strip_suffix('s').unwrap_or(s),
                l.strip_suffix('s').unwrap_or(l),
            );
            let (s, l) = if s.len() <= l.len() { (s, l) } else { (l, s) };
            s.len() >= 3 && l.starts_with(s)
        });
    // "the Museum of Art" after "the Kessel and Lind Museum of Art": the
    // institution's own "X of Y" at the end of the full name, not a known
    // name of its own ("Bank of Scotland" is no "Royal Bank of Scotland").
    let last_words = short.len() >= 3
        && short.contains(&"of")
        && long.ends_with(short)
        && names::known(gaz, &short.join(" ")).is_none();
    spaced || first_words || cut || last_words
}

/// An organisation name's words without a leading country ("us customs and
/// border protection" → "customs and border protection").
fn strip_place<'w, 'a>(places: &Places, words: &'w [&'a str]) -> &'w [&'a str] {
    if words.len() > 2 && places.is_place(&words[0].to_uppercase()) {
        &words[1..]
    } else {
        words
    }
}

/// Of several fitting clusters, the one whose best member is least by
/// `key` (members `key` gives no value are passed over; ties go to the
/// earlier cluster).
fn pick<K: Ord>(
    fits: &[usize],
    clusters: &[Cluster],
    cands: &[Candidate],
    key: impl Fn(&Candidate) -> Option<K>,
) -> Option<usize> {
    fits.iter()
        .filter_map(|&k| {
            let best = clusters[k]
                .members
                .iter()
                .filter_map(|&m| key(&cands[m]))
                .min()?;
            Some((best, k))
        })
        .min()
        .map(|(_, k)| k)
}

/// Of several fitting clusters, the one that is the subject of the story's
/// lead: a subject mention in its first two sentences, the earliest.
fn lead_subject(fits: &[usize], clusters: &[Cluster], cands: &[Candidate]) -> Option<usize> {
    pick(fits, clusters, cands, |c| {
        (c.subject && c.sentence < 2).then_some(c.span.start)
    })
}

/// Of several fitting clusters, the one mentioned first in the text.
fn first_named(fits: &[usize], clusters: &[Cluster], cands: &[Candidate]) -> usize {
    pick(fits, clusters, cands, |c| Some(c.span.start)).unwrap_or(fits[0])
}

/// Of several fitting clusters, the one with a mention nearest before `pos`
/// (after it only when none is before): a short form names what was named
/// before it ("Harlow said its Harlow Europe Plc unit ..." is the Harlow
/// named earlier).
fn nearest(fits: &[usize], clusters: &[Cluster], cands: &[Candidate], pos: usize) -> usize {
    pick(fits, clusters, cands, |c| {
        Some((c.span.start > pos, c.span.start.abs_diff(pos)))
    })
    .unwrap_or(fits[0])
}

/// Whether a description fits a cluster.
fn describes(d: &Description, cl: &Cluster, cands: &[Candidate]) -> bool {
    match d {
        Description::Role(role, country) => {
            cl.label == EntityLabel::Person
                && cl.members.iter().any(|&m| {
                    cands[m].title.as_ref().is_some_and(|t| {
                        t.role.as_ref() == Some(role)
                            && !t.other_office
                            && (country.is_none()
                                || t.country.as_ref().map(|c| &c.0) == country.as_ref()
                                || t.affiliation.as_ref().map(|c| &c.0) == country.as_ref())
                    })
                })
        }
        Description::Descriptor(noun) => cl
            .members
            .iter()
            .any(|&m| cands[m].descriptor.as_deref() == Some(noun.as_str())),
        // Resolved in `cluster`, from the countries the story names.
        Description::Government => false,
        // "the agency": the organisation named with that word; "the
        // company": also any business ("Vantor Corp").
        Description::OrgNoun(noun) => {
            cl.label == EntityLabel::Organization
                && (cl
                    .keys
                    .iter()
                    .any(|k| names::key_words(k).contains(&noun.as_str()))
                    || speaks_for_a_firm(noun)
                        && cl
                            .forms
                            .iter()
                            .any(|f| names::is_business_key(&names::normalize(f))))
        }
    }
}

/// Whether "the <noun>" stands for a business named without the noun: a
/// firm noun ("the company") or its board, which acts for it ("the board
/// approved a dividend" is the company's decision).
fn speaks_for_a_firm(noun: &str) -> bool {
    names::FIRM_NOUNS.contains(&noun) || noun == "board"
}

/// The nearest compatible antecedent of pronoun candidate `i`.
/// What pronoun resolution reads besides the candidates.
struct Scene<'a> {
    analyzed: &'a AnalyzedDoc,
    /// Tokens inside a name or description, per sentence.
    inside: Vec<Vec<bool>>,
    /// Byte ranges inside quotation marks.
    quotes: &'a [std::ops::Range<usize>],
}

impl Scene<'_> {
    /// Whether pronoun `pr` is the speaker of a quotation that names
    /// candidate `a` ("“Brandt played superbly,” he said"): the subject of
    /// a verb of saying outside the quote, in a sentence the quote reaches.
    /// Speakers say "I" of themselves; the people a quote names are others.
    fn named_in_quote_of(&self, a: &Candidate, pr: &Candidate) -> bool {
        let Some(q) = quotes::holding(self.quotes, a.span.start) else {
            return false;
        };
        if quotes::holding(self.quotes, pr.span.start).is_some() {
            return false;
        }
        let Some(sentence) = self.analyzed.sentences.get(pr.sentence) else {
            return false;
        };
        let quote = &self.quotes[q];
        quote.start < sentence.span.end
            && sentence.span.start < quote.end
            && self
                .speech_relation(pr)
                .is_some_and(|rel| rel.starts_with("nsubj"))
    }

    /// Whether candidate `a` is named in what the person pronoun `pr` is
    /// said to say, reported without quotation marks before the tag ("A
    /// pact backed by Lind would open markets, he said"): the pronoun
    /// stands for the content's speaker, and a name inside the content is
    /// someone else (the speaker, talking of himself, would be "he" there
    /// too: binding principle C). The content is the clause under the verb
    /// of saying, or the clause the tag hangs on.
    fn named_in_report_of(&self, a: &Candidate, pr: &Candidate, p: PronounClass) -> bool {
        if !matches!(p, PronounClass::Male | PronounClass::Female)
            || a.sentence != pr.sentence
            || a.span.end > pr.span.start
            || self.speech_relation(pr) != Some("nsubj")
        {
            return false;
        }
        let (Some(sentence), Some((_, verb)), Some((top, _))) = (
            self.analyzed.sentences.get(pr.sentence),
            self.top_token(pr),
            self.top_token(a),
        ) else {
            return false;
        };
        let tokens = &sentence.tokens;
        let content_under_verb = tokens.iter().enumerate().any(|(k, t)| {
            t.head == Some(verb)
                && matches!(t.deprel.as_str(), "ccomp" | "parataxis")
                && sentence.dominates(k, top)
        });
        let tag_on_content = tokens[verb].deprel == "parataxis"
            && tokens[verb]
                .head
                .is_some_and(|h| sentence.dominates(h, top) && !sentence.dominates(verb, top));
        content_under_verb || tag_on_content
    }

    /// The relation of candidate `c` to a verb of saying it hangs on
    /// ("nsubj" for who says, "obj" for whom it is told), if it hangs on
    /// one: the relation of its token whose head lies outside it (a name's
    /// first token in UD's flat names, "Jan" of "Jan Brandt"; a title's
    /// last).
    fn speech_relation(&self, c: &Candidate) -> Option<&str> {
        let sentence = self.analyzed.sentences.get(c.sentence)?;
        let (top, verb) = self.top_token(c)?;
        SPEECH
            .contains(&sentence.tokens.get(verb)?.lemma.as_str())
            .then_some(sentence.tokens[top].deprel.as_str())
    }

    /// Whether pronoun `c` of class `p` is an "it" that says something:
    /// the subject of an active verb of saying (the subject of a passive,
    /// "it was expected to", says nothing).
    fn speaking_it(&self, c: &Candidate, p: PronounClass) -> bool {
        p == PronounClass::Neuter && self.speech_relation(c) == Some("nsubj")
    }

    /// The token of candidate `c` whose head lies outside it, with that
    /// head: where the phrase hangs in its sentence (a name's first token
    /// in UD's flat names, a title's last).
    fn top_token(&self, c: &Candidate) -> Option<(usize, usize)> {
        let sentence = self.analyzed.sentences.get(c.sentence)?;
        c.tokens.clone().find_map(|k| {
            let head = sentence.tokens.get(k)?.head?;
            (!c.tokens.contains(&head)).then_some((k, head))
        })
    }

    /// Whether candidate `a` speaks the quotation that holds pronoun `pr`,
    /// or is spoken to: the subject, or the object, of a verb of saying
    /// outside the quote, in its sentence or the one before ("Lind said:
    /// “He has the money.”", "Lind told the council: “It must act.”"). A
    /// third-person pronoun inside a quote is never its speaker, who would
    /// say "I", nor whom the speaker addresses, who would be "you".
    fn frames_quote_of(&self, a: &Candidate, pr: &Candidate) -> bool {
        let Some(q) = quotes::holding(self.quotes, pr.span.start) else {
            return false;
        };
        if self.quotes[q].contains(&a.span.start) || pr.sentence > a.sentence + 1 {
            return false;
        }
        self.speech_relation(a)
            .is_some_and(|rel| a.subject || matches!(rel, "obj" | "iobj"))
            || self.in_speaker_phrase(a)
    }

    /// Whether candidate `a` lies inside the phrase of who says something
    /// ("Lind, from the Kessel Institute, said", "a Vantor spokesman
    /// said"): the speaker's own body, which a quote calls "we", not "it"
    /// or "they".
    fn in_speaker_phrase(&self, a: &Candidate) -> bool {
        let Some(sentence) = self.analyzed.sentences.get(a.sentence) else {
            return false;
        };
        let Some((mut cur, _)) = self.top_token(a) else {
            return false;
        };
        for _ in 0..3 {
            let Some(head) = sentence.tokens[cur].head else {
                return false;
            };
            if sentence.tokens[cur].deprel.starts_with("nsubj")
                && SPEECH.contains(&sentence.tokens[head].lemma.as_str())
            {
                return true;
            }
            cur = head;
        }
        false
    }

    /// Whether sentence `s`'s main clause has a common noun as its subject,
    /// of the pronoun's number and inside no name or description.
    fn common_noun_subject(
        &self,
        s: usize,
        p: PronounClass,
        competes: impl Fn(&str) -> bool,
    ) -> bool {
        let Some(sentence) = self.analyzed.sentences.get(s) else {
            return false;
        };
        sentence.tokens.iter().enumerate().any(|(i, t)| {
            let main = t
                .head
                .and_then(|h| sentence.tokens.get(h))
                .is_some_and(|h| h.head.is_none());
            let plural = matches!(t.xpos.as_str(), "NNS" | "NNPS");
            main && t.deprel == "nsubj"
                && t.upos == Upos::Noun
                && competes(&t.lemma.to_lowercase())
                && plural == (p == PronounClass::Plural)
                && !self
                    .inside
                    .get(s)
                    .and_then(|row| row.get(i))
                    .copied()
                    .unwrap_or(false)
        })
    }

    /// Whether `a` is the subject of the very verb that pronoun `pr` is an
    /// object or oblique of: "Kessel chose him" cannot mean Kessel chose
    /// Kessel, which would be "himself" (binding: a plain pronoun is free in
    /// its clause).
    fn same_clause_subject(&self, a: &Candidate, pr: &Candidate) -> bool {
        if a.sentence != pr.sentence || pr.subject || !a.subject {
            return false;
        }
        let head_of = |c: &Candidate| self.top_token(c).map(|(_, h)| h);
        head_of(a).is_some_and(|h| head_of(pr) == Some(h))
    }

    /// Whether candidate `a` is whom the subject pronoun `pr` met, in a
    /// phrase of its clause before it ("After talks with Ana Ruiz, he
    /// said", "Meeting Ruiz on Monday, she agreed"): the one who talks or
    /// meets in such a phrase is the clause's subject, and no one meets
    /// or talks with themselves, so the other party is someone else.
    fn met_before(&self, a: &Candidate, pr: &Candidate) -> bool {
        if a.sentence != pr.sentence || !pr.subject || a.span.end > pr.span.start {
            return false;
        }
        let Some(sentence) = self.analyzed.sentences.get(a.sentence) else {
            return false;
        };
        let Some((top, head)) = self.top_token(a) else {
            return false;
        };
        let tokens = &sentence.tokens;
        let with = || {
            tokens.iter().any(|t| {
                t.head == Some(top) && t.deprel == "case" && t.form.eq_ignore_ascii_case("with")
            })
        };
        let lemma = tokens[head].lemma.to_lowercase();
        let meeting = match tokens[head].upos {
            Upos::Noun => MEETING_NOUNS.contains(&lemma.as_str()) && with(),
            Upos::Verb => {
                MEETING_VERBS.contains(&lemma.as_str())
                    && (tokens[top].deprel == "obj"
                        || tokens[top].deprel.starts_with("obl") && with())
            }
            _ => false,
        };
        // The phrase modifies the pronoun's own clause ("after talks with
        // Ruiz, he said"), not one above it ("from talking with Vantor
        // that they want ...": there the talker is someone else).
        let clause = self.top_token(pr).map(|(_, verb)| verb);
        meeting && head < pr.tokens.start && clause.is_some_and(|v| sentence.dominates(v, head))
    }

    /// Whether candidate `a` is in the dateline opening the story ("OSLO,
    /// March 3 -"): the place a story was filed from is nobody's "it". The
    /// sentence splitter ends a sentence at a dash only after a dateline.
    fn in_dateline(&self, a: &Candidate) -> bool {
        self.analyzed
            .sentences
            .get(a.sentence)
            .and_then(|s| s.tokens.last())
            .is_some_and(|t| matches!(t.form.as_str(), "-" | "--" | "—" | "–"))
    }
}

/// Nouns of two or more people meeting: whom the "with" phrase names is
/// the other party ("talks with Ruiz").
const MEETING_NOUNS: &[&str] = &[
    "talk",
    "talks",
    "meeting",
    "negotiation",
    "discussion",
    "conversation",
    "consultation",
    "interview",
    "summit",
];

/// Verbs of meeting someone: their object or "with" phrase is the other
/// party ("met Ruiz", "talked with Ruiz").
const MEETING_VERBS: &[&str] = &["meet", "talk", "speak", "negotiate", "confer", "consult"];

fn antecedent(
    scene: &Scene,
    cands: &[Candidate],
    assign: &[Option<usize>],
    clusters: &[Cluster],
    i: usize,
    p: PronounClass,
) -> Option<usize> {
    let pr = &cands[i];
    if scene.speaking_it(pr, p) {
        if let Some(speaker) = previous_speaker(scene, cands, assign, clusters, i) {
            return speaker;
        }
    }
    let window = match p {
        PronounClass::Male | PronounClass::Female => 2,
        _ => 1,
    };
    // "The trust told a court in Tollund that it would appeal": a
    // subject pronoun after a description that is its sentence's subject
    // and fits no entity most likely means that description; a name
    // further on is no better guess.
    if pr.subject
        && cands[..i].iter().zip(&assign[..i]).any(|(c, a)| {
            c.sentence == pr.sentence && c.subject && c.description.is_some() && a.is_none()
        })
    {
        return None;
    }
    // A subject pronoun continues an unresolved subject pronoun of its class
    // in its sentence or the one before ("It bought Kessel Staal in 2003.
    // Last year it sold ..."): both mean the one thing the text is
    // about, which no entity fits. Only a subject named after that pronoun
    // takes over ("It said ... . Vantor said it ..."); an object between
    // them is no better guess.
    let open_chain = cands[..i]
        .iter()
        .zip(&assign[..i])
        .filter(|(c, a)| {
            pr.subject
                && c.subject
                && a.is_none()
                && c.pronoun == Some(p)
                && c.sentence + 1 >= pr.sentence
        })
        .map(|(c, _)| c.span.start)
        .next_back();
    // "“He was my pilot,” Lind said": the speaker named after the quote
    // (or whom it is told to) is never a third person inside it, whatever
    // earlier mention of theirs stands nearest.
    let in_quote = quotes::holding(scene.quotes, pr.span.start).is_some();
    let quote_speakers: Vec<usize> = cands
        .iter()
        .zip(assign)
        .skip(i + 1)
        .take_while(|_| in_quote)
        .take_while(|(c, _)| c.sentence <= pr.sentence + 1)
        .filter(|(c, _)| scene.frames_quote_of(c, pr))
        .filter_map(|(_, a)| *a)
        .collect();
    let mut best: Option<((usize, bool, usize), usize)> = None;
    for j in (0..i).rev() {
        let a = &cands[j];
        if pr.sentence - a.sentence.min(pr.sentence) > window {
            break;
        }
        let Some(k) = assign[j] else { continue };
        if a.modifier || a.demonym || a.span.end > pr.span.start {
            continue;
        }
        let cl = &clusters[k];
        let fits = match p {
            PronounClass::Male => {
                cl.label == EntityLabel::Person && cl.gender != Some(Gender::Female)
            }
            PronounClass::Female => {
                cl.label == EntityLabel::Person && cl.gender != Some(Gender::Male)
            }
            // A place is "it" as an actor, a country that said or did
            // something as its clause's subject ("Norway said it would
            // ..."); a place only named where something happened ("a plant
            // in Tollund. It ...") is no likelier than the things around
            // it, which are no entities.
            PronounClass::Neuter => {
                cl.label == EntityLabel::Organization || cl.label == EntityLabel::Place && a.subject
            }
            PronounClass::Plural => cl.label == EntityLabel::Organization,
        };
        if !fits
            || open_chain.is_some_and(|start| !a.subject || a.span.start < start)
            || blocked(scene, a, pr, p)
            || scene.frames_quote_of(a, pr)
            || quote_speakers.contains(&k)
            || scene.named_in_quote_of(a, pr)
            || scene.named_in_report_of(a, pr, p)
            || scene.in_dateline(a)
            || scene.same_clause_subject(a, pr)
            || scene.met_before(a, pr)
        {
            continue;
        }
        let dist = pr.sentence - a.sentence;
        // Same sentence: for a pronoun that is a subject, a subject first
        // ("Kessel Foods, part of the Vantor Group, said it ...", "Lind told
        // Brandt he ..."), then the nearest; earlier sentences: the
        // subject, then the first mention.
        let score = if dist == 0 {
            (0, pr.subject && !a.subject, pr.span.start - a.span.end)
        } else {
            (dist, !a.subject, a.span.start)
        };
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, k));
        }
    }
    best.map(|(_, k)| k)
}

/// Who an "it" that says something is when the story has had a speaker
/// before it: that speaker ("Vantor said it bought Kessel. ... It said
/// the deal closed"). Wire copy names who speaks once and then goes on with
/// "it said", whatever firms the sentences between name (a buyer, an
/// underwriter); the nearest name is no guess for a speaker. Persons
/// speaking between are skipped (an "it" is no person). `Some(None)`: the
/// speaker before was something no entity names ("the report said"), so
/// the "it" is left unresolved; `None`: no speaker before, read as any
/// pronoun.
fn previous_speaker(
    scene: &Scene,
    cands: &[Candidate],
    assign: &[Option<usize>],
    clusters: &[Cluster],
    i: usize,
) -> Option<Option<usize>> {
    let pr = &cands[i];
    for s in (0..=pr.sentence).rev() {
        let sentence = scene.analyzed.sentences.get(s)?;
        for (k, t) in sentence.tokens.iter().enumerate().rev() {
            if t.span.start >= pr.span.start
                || !t.deprel.starts_with("nsubj")
                || t.deprel == "nsubj:pass"
            {
                continue;
            }
            let Some(verb) = t.head.and_then(|h| sentence.tokens.get(h)) else {
                continue;
            };
            if verb.upos != Upos::Verb || !SPEECH.contains(&verb.lemma.as_str()) {
                continue;
            }
            let holder = (0..i).find(|&j| cands[j].sentence == s && cands[j].tokens.contains(&k));
            match holder.map(|j| (j, assign[j])) {
                Some((_, Some(e))) if clusters[e].label == EntityLabel::Person => continue,
                Some((_, Some(e))) => return Some(Some(e)),
                Some((j, None)) if cands[j].pronoun.is_some() => continue,
                _ if t.upos == Upos::Pron => continue,
                _ => return Some(None),
            }
        }
    }
    None
}

/// Whether a common noun of the pronoun's number stands between the
/// antecedent and an "it" or "they": then the pronoun most likely refers to
/// that noun's thing ("Rubio defended the designation, saying it would ..."),
/// and is left unresolved. Needs POS tags; untagged text never blocks.
/// (Nouns inside a candidate's own span, as "Border" in a name, never block.)
fn blocked(scene: &Scene, a: &Candidate, pr: &Candidate, p: PronounClass) -> bool {
    if matches!(p, PronounClass::Male | PronounClass::Female) {
        return false;
    }
    // "Vantor makes steel. Kessel will buy the mill, it said": things do
    // not speak. An "it" that says something is a body or a document, so
    // only a noun for one of those competes with the name.
    let speaker = scene.speaking_it(pr, p);
    let competes = |lemma: &str| !speaker || can_speak(lemma);
    // "A report on the Vantor deal came out on Monday. It showed ...": a
    // subject pronoun continues the subject of the sentence before (its
    // centre), here a common noun that no entity stands for, not a name
    // further on in that sentence.
    if pr.subject
        && !a.subject
        && a.sentence + 1 == pr.sentence
        && scene.common_noun_subject(a.sentence, p, competes)
    {
        return true;
    }
    // An organisation is "they" mostly as a subject ("the White House ...,
    // they said"); otherwise any plural noun from its sentence on is the
    // likelier antecedent ("cartels ... the Department of Defense. ... them").
    let from = if p == PronounClass::Plural && !a.subject {
        scene
            .analyzed
            .sentences
            .get(a.sentence)
            .map_or(a.span.end, |s| s.span.start)
    } else {
        a.span.end
    };
    for s in a.sentence..=pr.sentence {
        let Some(sentence) = scene.analyzed.sentences.get(s) else {
            continue;
        };
        for (ti, t) in sentence.tokens.iter().enumerate() {
            if t.span.start < from || t.span.end > pr.span.start || t.upos != Upos::Noun {
                continue;
            }
            if scene
                .inside
                .get(s)
                .and_then(|row| row.get(ti))
                .copied()
                .unwrap_or(false)
            {
                continue;
            }
            // A noun in the antecedent's own phrase ("Vantor, which runs a
            // bank, ...: It") describes it and competes with nothing.
            if s == a.sentence && sentence.dominates(a.tokens.end.saturating_sub(1), ti) {
                continue;
            }
            // Nor does a time ("Vantor last week hired ...: It") after a
            // subject antecedent: a time is never "it". (After a name in
            // an object or prepositional phrase it still blocks: there,
            // resolution is too unsure without it.)
            if a.subject && newskg_nlp::names::is_time_noun(&t.form.to_lowercase()) {
                continue;
            }
            let plural = t.xpos == "NNS" || t.xpos == "NNPS";
            if (p == PronounClass::Plural) == plural && competes(&t.lemma.to_lowercase()) {
                return true;
            }
        }
    }
    false
}

/// Whether a thing called by common noun `lemma` can say something: a
/// body ("the company", "the ministry") or a document ("the report").
fn can_speak(lemma: &str) -> bool {
    names::FIRM_NOUNS.contains(&lemma)
        || names::is_institution_head(lemma)
        || INSTRUMENT_NOUNS.contains(&lemma)
        || names::SPEAKING_BODY_NOUNS.contains(&lemma)
}

/// Turns clusters into document entities (in order of first mention) and
/// mentions (in text order).
fn build(
    analyzed: &AnalyzedDoc,
    cands: &[Candidate],
    clusters: Vec<Cluster>,
    assign: Vec<Option<usize>>,
) -> Coref {
    let text = &analyzed.doc.text;
    let mut first: Vec<(usize, usize)> = clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.members.is_empty())
        .map(|(k, c)| {
            (
                c.members
                    .iter()
                    .map(|&m| cands[m].span.start)
                    .min()
                    .unwrap_or(0),
                k,
            )
        })
        .collect();
    first.sort();
    let mut new_index = vec![None; clusters.len()];
    for (n, (_, k)) in first.iter().enumerate() {
        new_index[*k] = Some(n);
    }
    let mut entities = Vec::with_capacity(first.len());
    for (_, k) in &first {
        let cl = &clusters[*k];
        // The gazetteer's casing is a guess where its source is in capitals
        // ("Ubs" for "UBS"): a form written in the text that differs from
        // the canonical name only in case, with no fewer capitals, is the
        // better label, unless it is a headline's or dateline's capitals
        // ("KUWAIT"; acronyms are at most four letters). A form in lower
        // case where the name has a capital is a house style ("the Home
        // office"), not the name.
        let shouting = |f: &str| {
            f.split_whitespace().any(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() > 4
                    && !w.chars().any(char::is_lowercase)
            })
        };
        let capitals = |f: &str| f.chars().filter(|c| c.is_uppercase()).count();
        let label = match &cl.canonical {
            Some(c) => cl
                .forms
                .iter()
                .find(|f| {
                    *f != c
                        && f.to_lowercase() == c.to_lowercase()
                        && !shouting(f)
                        && capitals(f) >= capitals(c)
                })
                .unwrap_or(c)
                .clone(),
            None => fullest(&cl.forms),
        };
        let mut aliases: Vec<String> = Vec::new();
        for f in cl.forms.iter().chain(&cl.titled) {
            if *f != label && !aliases.contains(f) {
                aliases.push(f.clone());
            }
        }
        let mut titles: Vec<String> = Vec::new();
        let mut subtype = None;
        for &m in &cl.members {
            if let Some(role) = cands[m].title.as_ref().and_then(|t| t.role.clone()) {
                if !titles.contains(&role) {
                    titles.push(role);
                }
            }
            if subtype.is_none() {
                subtype = cands[m].subtype.clone();
            }
        }
        entities.push(DocEntity {
            label,
            label_type: cl.label,
            subtype,
            aliases,
            titles,
            mentions: cl.members.len(),
            part_of: None,
        });
    }
    let assign: Vec<Option<usize>> = assign
        .iter()
        .map(|a| a.and_then(|k| new_index[k]))
        .collect();
    let mentions = cands
        .iter()
        .zip(&assign)
        .filter_map(|(c, a)| {
            a.map(|entity| Mention {
                sentence: c.sentence,
                tokens: c.tokens.clone(),
                span: c.span,
                text: c.span.of(text).to_string(),
                kind: c.kind,
                entity,
            })
        })
        .collect();
    Coref {
        entities,
        mentions,
        assign,
    }
}

/// The fullest name: most words, then most letters, then first seen.
fn fullest(forms: &[String]) -> String {
    // A leading "The" counts for nothing: "The Vantor Gas Systems Inc" at a
    // sentence's start is "Vantor Gas Systems Inc" (names that keep their
    // article, "The Hague", are canonical forms of the gazetteer).
    let words = |f: &str| {
        let n = f.split_whitespace().count();
        if f.starts_with("The ") {
            n - 1
        } else {
            n
        }
    };
    // Of two forms alike but for case, the one in running text: a
    // dateline's or headline's capitals ("SECAUCUS") are no spelling.
    let mixed = |f: &str| f.chars().any(char::is_lowercase);
    let mut best: Option<&String> = None;
    for f in forms {
        let better = match best {
            None => true,
            Some(b) => {
                let (fw, bw) = (words(f), words(b));
                (fw, !f.starts_with("The "), f.len(), mixed(f))
                    > (bw, !b.starts_with("The "), b.len(), mixed(b))
            }
        };
        if better {
            best = Some(f);
        }
    }
    best.cloned().unwrap_or_default()
}
