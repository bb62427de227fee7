//! Step 4 of the recognizer: document-level consistency. A name keeps its
//! majority type through the document, later (and earlier) bare mentions of
//! a found name are tagged too, and the parts of a person's name
//! ("Sheinbaum" after "Claudia Sheinbaum") are persons.

use std::collections::HashMap;

use super::names::{covered, is_capitalised};
use super::Found;
use crate::names::is_place_modifier;
use crate::{EntityLabel, Gazetteer};

/// Step 4: one type per name through the document, later mentions of found
/// names, and parts of person names as persons.
pub(super) fn make_consistent(doc: &[Vec<&str>], found: &mut Vec<Found>, gazetteer: &Gazetteer) {
    let text = |f: &Found| doc[f.sentence][f.start..f.end].join(" ");
    // Majority type per name (first seen wins ties). A name called MISC in
    // fewer mentions than it has another type ("Acme" once after
    // "winemaker") takes that type in all of them.
    let mut votes: HashMap<String, Vec<(EntityLabel, usize)>> = HashMap::new();
    for f in found.iter() {
        let v = votes.entry(text(f)).or_default();
        match v.iter_mut().find(|(l, _)| *l == f.label) {
            Some((_, n)) => *n += 1,
            None => v.push((f.label, 1)),
        }
    }
    let mut known: HashMap<String, EntityLabel> = HashMap::new();
    let mut misc: HashMap<String, EntityLabel> = HashMap::new();
    for (name, v) in &votes {
        let typed: Vec<&(EntityLabel, usize)> =
            v.iter().filter(|x| x.0 != EntityLabel::Misc).collect();
        let Some(mut best) = typed.first().map(|x| **x) else {
            continue;
        };
        for x in typed {
            if x.1 > best.1 {
                best = *x;
            }
        }
        let as_misc: usize = v
            .iter()
            .filter(|x| x.0 == EntityLabel::Misc)
            .map(|x| x.1)
            .sum();
        let as_other: usize = v
            .iter()
            .filter(|x| x.0 != EntityLabel::Misc)
            .map(|x| x.1)
            .sum();
        if as_misc > 0 && as_other > as_misc {
            misc.insert(name.clone(), best.0);
        }
        known.insert(name.clone(), best.0);
    }
    // First and last words of multi-word person names are persons too
    // ("Sheinbaum" after "Claudia Sheinbaum"), unless they are titles or
    // countries.
    let persons: Vec<&Found> = found
        .iter()
        .filter(|f| known.get(&text(f)) == Some(&EntityLabel::Person) && f.end - f.start >= 2)
        .collect();
    let mut parts = Vec::new();
    for f in persons {
        for w in [doc[f.sentence][f.start], doc[f.sentence][f.end - 1]] {
            let country = gazetteer
                .lookup(w)
                .is_some_and(|e| e.subtype.as_deref() == Some("Country"));
            if w.chars().count() > 1
                && is_capitalised(w)
                && !country
                && !gazetteer.is_title(&w.to_lowercase())
            {
                parts.push(w.to_string());
            }
        }
    }
    for w in parts {
        known.insert(w, EntityLabel::Person);
    }
    for f in found.iter_mut() {
        let table = if f.label == EntityLabel::Misc {
            &misc
        } else {
            &known
        };
        if let Some(l) = table.get(&text(f)) {
            f.label = *l;
        }
    }
    // Later (or earlier) bare mentions of a known name.
    let longest = known
        .keys()
        .map(|k| k.split(' ').count())
        .max()
        .unwrap_or(0);
    for (s, words) in doc.iter().enumerate() {
        let mut covered = covered(found, s, words.len());
        let mut i = 0;
        while i < words.len() {
            if covered[i] || !is_capitalised(words[i]) {
                i += 1;
                continue;
            }
            let max = longest.min(words.len() - i);
            let hit = (1..=max).rev().find_map(|n| {
                let free = !covered[i..i + n].iter().any(|c| *c);
                let label = known.get(&words[i..i + n].join(" "))?;
                free.then_some((n, *label))
            });
            match hit {
                Some((n, label)) => {
                    found.push(Found {
                        sentence: s,
                        start: i,
                        end: i + n,
                        label,
                    });
                    covered[i..i + n].iter_mut().for_each(|c| *c = true);
                    i += n;
                }
                None => i += 1,
            }
        }
    }
}

/// A name coordinated with places ("the Oslo, Harlow and Tollund
/// exchanges") that the gazetteer knows as a place is a place too: a list
/// names things of one kind, and the model, reading "Tollund exchanges",
/// had taken the city for the market.
pub(super) fn type_lists_alike(doc: &[Vec<&str>], found: &mut [Found], gazetteer: &Gazetteer) {
    found.sort_by_key(|f| (f.sentence, f.start));
    let joined = |a: &Found, b: &Found| {
        a.sentence == b.sentence
            && a.end < b.start
            && b.start - a.end <= 3
            && doc[a.sentence][a.end..b.start]
                .iter()
                .enumerate()
                .all(|(k, w)| {
                    matches!(*w, "," | "and" | "or")
                        // A capital "The" right before the name opens a
                        // stage name ("Bono, The Hawk"); a small "the" marks
                        // a group ("Ola Lind, the Vantors and ...").
                        || k == b.start - a.end - 1 && k > 0 && *w == "The"
                })
    };
    let relabel: Vec<usize> = (0..found.len())
        .filter(|&i| {
            let f = &found[i];
            let name = doc[f.sentence][f.start..f.end].join(" ");
            f.label == EntityLabel::Organization
                && gazetteer
                    .lookup(&name)
                    .is_some_and(|e| e.label == EntityLabel::Place)
                && (i > 0 && found[i - 1].label == EntityLabel::Place && joined(&found[i - 1], f)
                    || i + 1 < found.len()
                        && found[i + 1].label == EntityLabel::Place
                        && joined(f, &found[i + 1]))
        })
        .collect();
    for i in relabel {
        found[i].label = EntityLabel::Place;
    }
    // The same for people: a name the model called a thing, listed between
    // two persons ("Ola Lind, The Hawk, Ana Ruiz and ..."), is a person's
    // stage name, unless the gazetteer or an organisation word says otherwise.
    // One of the two must be a full name: a run of bare surnames is often a
    // firm's name ("Kessel, Lind and Brandt said").
    let full_name = |f: &Found| f.label == EntityLabel::Person && f.end - f.start >= 2;
    let relabel: Vec<usize> = (1..found.len().saturating_sub(1))
        .filter(|&i| {
            let f = &found[i];
            let words = &doc[f.sentence][f.start..f.end];
            matches!(f.label, EntityLabel::Organization | EntityLabel::Misc)
                && found[i - 1].label == EntityLabel::Person
                && found[i + 1].label == EntityLabel::Person
                && (full_name(&found[i - 1]) || full_name(&found[i + 1]))
                && joined(&found[i - 1], f)
                && joined(f, &found[i + 1])
                && gazetteer.lookup(&words.join(" ")).is_none()
                && !words.iter().any(|w| gazetteer.is_org_word(w))
        })
        .collect();
    for i in relabel {
        found[i].label = EntityLabel::Person;
    }
}

/// "said Jan Brandt of Kessel Lind": a name right after "<person> of" is
/// where the person works or lives, never another person (kinship comes
/// with its noun: "the son of"). The model, seeing a name shaped like a
/// person's ("E.F. Hutton", "Morgan Lind"), had read one. It becomes an
/// organisation in all its mentions, unless it reads as a place: a place
/// word first ("North Kessel") or its region after a comma ("Kessel, Ohio").
pub(super) fn type_affiliations(doc: &[Vec<&str>], found: &mut [Found]) {
    found.sort_by_key(|f| (f.sentence, f.start));
    let text = |f: &Found| doc[f.sentence][f.start..f.end].join(" ");
    let mut firms: Vec<String> = Vec::new();
    for pair in found.windows(2) {
        let (person, name) = (&pair[0], &pair[1]);
        let words = &doc[name.sentence];
        if person.label == EntityLabel::Person
            && name.label == EntityLabel::Person
            && name.sentence == person.sentence
            && name.start == person.end + 1
            && words[person.end] == "of"
            && !is_place_modifier(words[name.start])
            && !(words.get(name.end) == Some(&",")
                && words.get(name.end + 1).is_some_and(|w| is_capitalised(w)))
        {
            firms.push(text(name));
        }
    }
    if firms.is_empty() {
        return;
    }
    // Its last word alone ("Hutton" after "E.F. Hutton") names it too.
    let last_words: Vec<String> = firms
        .iter()
        .filter(|f| f.contains(' '))
        .filter_map(|f| f.rsplit(' ').next().map(str::to_string))
        .collect();
    for f in found.iter_mut() {
        let t = text(f);
        if f.label == EntityLabel::Person && (firms.contains(&t) || last_words.contains(&t)) {
            f.label = EntityLabel::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::tests::{found, gazetteer};

    #[test]
    fn a_known_place_in_a_list_of_places_is_a_place() {
        let doc: Vec<Vec<&str>> = vec![vec![
            "the",
            "Oslo",
            ",",
            "Harlow",
            "and",
            "Mexico",
            "exchanges",
            "merged",
        ]];
        let mut list = vec![
            found(0, 1, 2, EntityLabel::Place),
            found(0, 3, 4, EntityLabel::Place),
            found(0, 5, 6, EntityLabel::Organization),
        ];
        type_lists_alike(&doc, &mut list, &gazetteer());
        assert_eq!(list[2].label, EntityLabel::Place);
        // Alone, the model's reading stands.
        let mut list = vec![found(0, 5, 6, EntityLabel::Organization)];
        type_lists_alike(&doc, &mut list, &gazetteer());
        assert_eq!(list[0].label, EntityLabel::Organization);
    }

    #[test]
    fn a_name_listed_between_persons_is_a_person() {
        let doc: Vec<Vec<&str>> = vec!["Ola Lind , The Hawk , Ana Ruiz and Jan Brandt sang"
            .split(' ')
            .collect()];
        let mut list = vec![
            found(0, 0, 2, EntityLabel::Person),
            found(0, 4, 5, EntityLabel::Misc),
            found(0, 6, 8, EntityLabel::Person),
            found(0, 9, 11, EntityLabel::Person),
        ];
        type_lists_alike(&doc, &mut list, &gazetteer());
        assert_eq!(list[1].label, EntityLabel::Person);
        // An organisation word keeps it a thing ("Kessel Corp").
        let doc: Vec<Vec<&str>> = vec!["Ola Lind , Kessel Corp , Ana Ruiz and Jan Brandt sang"
            .split(' ')
            .collect()];
        list[1] = found(0, 3, 5, EntityLabel::Organization);
        type_lists_alike(&doc, &mut list, &gazetteer());
        assert_eq!(list[1].label, EntityLabel::Organization);
    }

    #[test]
    fn a_name_after_a_person_and_of_is_no_person() {
        let doc: Vec<Vec<&str>> = vec![
            "said Jan Brandt of K.L. Vantor , and Ana Ruiz of North Harlow agreed"
                .split(' ')
                .collect(),
            "Vantor rose , and Ola Lind of Tansford , Ohio , and Ana Ruiz fell"
                .split(' ')
                .collect(),
        ];
        let mut list = vec![
            found(0, 1, 3, EntityLabel::Person),
            found(0, 4, 6, EntityLabel::Person),
            found(0, 8, 10, EntityLabel::Person),
            found(0, 11, 13, EntityLabel::Person),
            found(1, 0, 1, EntityLabel::Person),
            found(1, 3, 5, EntityLabel::Person),
            found(1, 6, 7, EntityLabel::Person),
            found(1, 11, 13, EntityLabel::Person),
        ];
        type_affiliations(&doc, &mut list);
        let labels: Vec<EntityLabel> = list.iter().map(|f| f.label).collect();
        use EntityLabel::{Organization as O, Person as P};
        // The firm and its short name become organisations; a place-worded
        // town, a town with its region and the persons stay as they were.
        assert_eq!(labels, [P, O, P, P, O, P, P, P]);
    }

    #[test]
    fn document_consistency() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["President", "Claudia", "Sheinbaum", "spoke", "."],
            vec!["Sheinbaum", "said", "Claudia", "Sheinbaum", "agreed", "."],
            vec!["Acme", "grew", "."],
            vec!["Acme", "hired", "."],
            vec!["Acme", "fell", "."],
        ];
        let mut list = vec![
            found(0, 1, 3, EntityLabel::Person),
            found(2, 0, 1, EntityLabel::Organization),
            found(3, 0, 1, EntityLabel::Organization),
            found(4, 0, 1, EntityLabel::Place),
        ];
        make_consistent(&doc, &mut list, &gazetteer());
        list.sort_by_key(|f| (f.sentence, f.start));
        assert_eq!(
            list,
            [
                found(0, 1, 3, EntityLabel::Person),
                found(1, 0, 1, EntityLabel::Person),
                found(1, 2, 4, EntityLabel::Person),
                found(2, 0, 1, EntityLabel::Organization),
                found(3, 0, 1, EntityLabel::Organization),
                found(4, 0, 1, EntityLabel::Organization),
            ]
        );
    }
}
