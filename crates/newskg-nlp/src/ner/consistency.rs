//! Step 4 of the recognizer: document-level consistency. A name keeps its
//! majority type through the document, later (and earlier) bare mentions of
//! a found name are tagged too, and the parts of a person's name
//! ("Sheinbaum" after "Claudia Sheinbaum") are persons.

use std::collections::HashMap;

use super::names::{covered, is_capitalised};
use super::Found;
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
            && b.start - a.end <= 2
            && doc[a.sentence][a.end..b.start]
                .iter()
                .all(|w| matches!(*w, "," | "and" | "or"))
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::tests::gazetteer;

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
        let found = |start, end, label| Found {
            sentence: 0,
            start,
            end,
            label,
        };
        let mut list = vec![
            found(1, 2, EntityLabel::Place),
            found(3, 4, EntityLabel::Place),
            found(5, 6, EntityLabel::Organization),
        ];
        type_lists_alike(&doc, &mut list, &gazetteer());
        assert_eq!(list[2].label, EntityLabel::Place);
        // Alone, the model's reading stands.
        let mut list = vec![found(5, 6, EntityLabel::Organization)];
        type_lists_alike(&doc, &mut list, &gazetteer());
        assert_eq!(list[0].label, EntityLabel::Organization);
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
        let found = |sentence, start, end, label| Found {
            sentence,
            start,
            end,
            label,
        };
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
