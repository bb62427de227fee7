//! Hand-written name lists that [`Gazetteer::compile`](super::Gazetteer::compile)
//! adds to the PETRARCH dictionaries: sports teams, companies, news media,
//! institutions (parties, central banks, exchanges, sports bodies,
//! international bodies, armed groups, agencies), events (label Misc) and
//! demonym nouns.
//!
//! Takes the TSV files of this folder (embedded with `include_str!`, so the
//! binary needs no data files) and returns their rows, typed. Why: news names
//! clubs, firms, agencies and competitions that neither the web-text training
//! data nor the political PETRARCH dictionaries know; the lists are our own,
//! written from general knowledge, under the project's licence.
//!
//! Each file opens with a comment saying what it holds and why. Name lists
//! have rows `name<TAB>label<TAB>subtype` (label as
//! [`EntityLabel::as_str`], subtype may be empty), and a fourth column when
//! the name is another name of an entry listed above it (`Tories` of the
//! `Conservative Party`); the demonym list has rows
//! `word<TAB>canonical name<TAB>label` (the label of the canonical name:
//! Place for a country or region, Misc for a group). Lines starting with `#` and blank lines are
//! ignored. A malformed row is reported, never guessed at: the unit test
//! below fails on any report, so a typo cannot ship.

use super::EntityLabel;

/// One row of a name list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ListName {
    /// The name as written ("Man United").
    pub name: &'static str,
    /// Coarse type of the bare name.
    pub label: EntityLabel,
    /// Finer type ("SportsTeam", "Company"), when given.
    pub subtype: Option<&'static str>,
    /// The name of the entry this one is another name of ("Conservative
    /// Party" for "Tories"), when given.
    pub alias_of: Option<&'static str>,
}

impl ListName {
    /// Whether the name is a sports team's (subtype SportsTeam; also for
    /// team names that are places, such as "Liverpool").
    pub fn is_team(&self) -> bool {
        self.subtype == Some(TEAM_SUBTYPE)
    }

    /// Whether the name is a news organisation's (subtype NewsMedia).
    pub fn is_news_media(&self) -> bool {
        self.subtype == Some("NewsMedia")
    }
}

/// One row of the demonym list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ListDemonym {
    /// The nationality noun or adjective ("Briton", "Azeri").
    pub word: &'static str,
    /// The country or group it refers to ("United Kingdom", "Hutu").
    pub canonical: &'static str,
    /// Place (a country or region) or Misc (a group of people).
    pub label: EntityLabel,
}

/// The sports-team list: every row has subtype [`TEAM_SUBTYPE`], and only its
/// rows have it ([`Gazetteer::is_team_name`](super::Gazetteer::is_team_name)).
const TEAMS: &str = "sports_teams.tsv";

/// The subtype that marks a team name.
const TEAM_SUBTYPE: &str = "SportsTeam";

/// The name lists, file name and text, in the order they are compiled (a
/// name listed twice keeps its first row).
const NAME_LISTS: [(&str, &str); 5] = [
    (TEAMS, include_str!("sports_teams.tsv")),
    ("institutions.tsv", include_str!("institutions.tsv")),
    ("media.tsv", include_str!("media.tsv")),
    ("companies.tsv", include_str!("companies.tsv")),
    ("events.tsv", include_str!("events.tsv")),
];

/// The demonym list, file name and text.
const DEMONYM_LIST: (&str, &str) = ("demonym_nouns.tsv", include_str!("demonym_nouns.tsv"));

/// All rows of the name lists, and one message (`file:line: what`) per
/// malformed row; malformed rows are left out.
pub(crate) fn names() -> (Vec<ListName>, Vec<String>) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (file, text) in NAME_LISTS {
        for (line, cols) in rows_of(text) {
            match parse_name(&cols, file == TEAMS) {
                Ok(row) => rows.push(row),
                Err(e) => errors.push(format!("{file}:{line}: {e}")),
            }
        }
    }
    (rows, errors)
}

/// All rows of the demonym list, and one message per malformed row.
pub(crate) fn demonyms() -> (Vec<ListDemonym>, Vec<String>) {
    let (file, text) = DEMONYM_LIST;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (line, cols) in rows_of(text) {
        match parse_demonym(&cols) {
            Ok(row) => rows.push(row),
            Err(e) => errors.push(format!("{file}:{line}: {e}")),
        }
    }
    (rows, errors)
}

/// The non-comment, non-blank lines of a list: 1-based line number and
/// TAB-separated columns.
fn rows_of(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

/// Parses one row of a name list; `team_list` says whether it is the
/// sports-team list, whose rows (and only whose) have subtype SportsTeam.
fn parse_name(cols: &[&'static str], team_list: bool) -> Result<ListName, String> {
    let (name, label, subtype, alias_of) = match cols {
        [name, label, subtype] => (name, label, subtype, None),
        [name, label, subtype, canonical] => {
            check_name(canonical)?;
            (name, label, subtype, Some(*canonical))
        }
        _ => {
            return Err(format!(
                "expected 3 or 4 TAB-separated columns, found {}",
                cols.len()
            ))
        }
    };
    check_name(name)?;
    let label = parse_label(label)?;
    if !subtype.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("subtype {subtype:?} is not one word"));
    }
    if team_list != (*subtype == TEAM_SUBTYPE) {
        return Err(format!(
            "subtype {TEAM_SUBTYPE} belongs to the rows of {TEAMS}, and only to them"
        ));
    }
    Ok(ListName {
        name,
        label,
        subtype: (!subtype.is_empty()).then_some(*subtype),
        alias_of,
    })
}

fn parse_demonym(cols: &[&'static str]) -> Result<ListDemonym, String> {
    let [word, canonical, label] = cols else {
        return Err(format!(
            "expected 3 TAB-separated columns, found {}",
            cols.len()
        ));
    };
    check_name(word)?;
    check_name(canonical)?;
    let label = parse_label(label)?;
    if !matches!(label, EntityLabel::Place | EntityLabel::Misc) {
        return Err(format!(
            "a demonym's label must be Place or Misc, not {label:?}"
        ));
    }
    Ok(ListDemonym {
        word,
        canonical,
        label,
    })
}

fn parse_label(label: &str) -> Result<EntityLabel, String> {
    [
        EntityLabel::Person,
        EntityLabel::Organization,
        EntityLabel::Place,
        EntityLabel::Misc,
    ]
    .into_iter()
    .find(|l| l.as_str() == label)
    .ok_or_else(|| format!("unknown label {label:?}"))
}

/// A name must be trimmed, start with a capital or digit (lookups need a
/// capital), and not start with "The" (lookups drop a leading "the", and
/// "The Sun" would match "The sun rose").
fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.trim() != name || name.contains("  ") {
        return Err(format!("name {name:?} is empty or has stray spaces"));
    }
    if !name.chars().any(char::is_uppercase) {
        return Err(format!("name {name:?} has no capital letter"));
    }
    if name.to_lowercase().starts_with("the ") {
        return Err(format!("name {name:?} starts with \"the\""));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn every_alias_names_an_entry_above_it() {
        let (names, _) = names();
        for (i, row) in names.iter().enumerate() {
            if let Some(canonical) = row.alias_of {
                assert!(
                    names[..i]
                        .iter()
                        .any(|r| r.name == canonical && r.label == row.label),
                    "{} names {canonical}, which no row above it of its type lists",
                    row.name
                );
            }
        }
    }

    #[test]
    fn every_list_parses() {
        let (names, errors) = names();
        assert!(errors.is_empty(), "malformed rows:\n{}", errors.join("\n"));
        let (demonyms, errors) = demonyms();
        assert!(errors.is_empty(), "malformed rows:\n{}", errors.join("\n"));
        assert!(names.len() > 5000, "{} names", names.len());
        assert!(demonyms.len() > 300, "{} demonyms", demonyms.len());
        assert!(names
            .iter()
            .any(|n| n.name == "Manchester United" && n.is_team()));
        assert!(names
            .iter()
            .any(|n| n.name == "Yorkshire" && n.is_team() && n.label == EntityLabel::Place));
        assert!(names
            .iter()
            .any(|n| n.name == "Interfax" && !n.is_team() && n.subtype == Some("NewsMedia")));
    }

    #[test]
    fn no_name_is_listed_twice_with_different_types() {
        let (names, _) = names();
        let mut seen: HashMap<String, &ListName> = HashMap::new();
        let mut clashes = Vec::new();
        for n in &names {
            let key = n.name.to_lowercase();
            if let Some(first) = seen.get(&key) {
                if first.label != n.label {
                    clashes.push(format!("{} ({:?} / {:?})", n.name, first.label, n.label));
                }
            } else {
                seen.insert(key, n);
            }
        }
        assert!(clashes.is_empty(), "{}", clashes.join("\n"));
        let (demonyms, _) = demonyms();
        let mut words: HashMap<String, &str> = HashMap::new();
        for d in &demonyms {
            if let Some(c) = words.insert(d.word.to_lowercase(), d.canonical) {
                assert_eq!(c, d.canonical, "{} listed twice", d.word);
            }
        }
    }

    #[test]
    fn compiled_into_the_gazetteer() {
        use crate::Gazetteer;
        let countries = "UNITED_KINGDOM_ [GBR]\n+UK_\n+LIVERPOOL_\n+LONDON_\n";
        let g = Gazetteer::compile_from(countries, "", "", "");
        // A place keeps its entry; its club name is only recorded.
        assert_eq!(g.lookup("Liverpool").unwrap().label, EntityLabel::Place);
        assert!(g.is_team_name("Liverpool") && g.is_team_name("manchester united"));
        assert!(g.is_team_name("Yankees") && !g.is_team_name("London"));
        assert!(!g.is_team_name("Interfax"));
        // The country is not replaced by any list row.
        let uk = g.lookup("UK").unwrap();
        assert_eq!(uk.subtype.as_deref(), Some("Country"));
        // Entries get the label only (see Gazetteer::add_curated_lists).
        let club = g.lookup("Man United").unwrap();
        assert_eq!(
            (club.label, club.subtype.as_deref()),
            (EntityLabel::Organization, None)
        );
        assert_eq!(
            g.lookup("Interfax").unwrap().label,
            EntityLabel::Organization
        );
        assert_eq!(
            g.lookup("Bundesbank").unwrap().label,
            EntityLabel::Organization
        );
        assert_eq!(g.lookup("World Cup").unwrap().label, EntityLabel::Misc);
        // Keys follow the tokenizer: "Hewlett-Packard" is three tokens.
        let (n, e) = g
            .longest_match(&["Hewlett", "-", "Packard", "said"])
            .unwrap();
        assert_eq!((n, e.canonical.as_str()), (3, "Hewlett-Packard"));
        assert_eq!(g.demonym("Briton").unwrap().canonical, "United Kingdom");
        let hutus = g.demonym("Hutus").unwrap();
        assert_eq!(
            (hutus.canonical.as_str(), hutus.label),
            ("Hutu", EntityLabel::Misc)
        );
        // team_names survive the weight file; an older file without the
        // section still loads, with no team names.
        let mut file = g.to_weight_file();
        let again = Gazetteer::from_weight_file(&file).unwrap();
        assert!(again.is_team_name("Liverpool"));
        file.sections.retain(|(name, _)| name != "team_names");
        let old = Gazetteer::from_weight_file(&file).unwrap();
        assert!(!old.is_team_name("Liverpool"));
        assert_eq!(
            old.lookup("Man United").unwrap().label,
            EntityLabel::Organization
        );
    }

    #[test]
    fn malformed_rows_are_reported() {
        assert!(parse_name(&["Arsenal", "Organization"], true).is_err());
        assert!(parse_name(&["Arsenal", "Org", ""], true).is_err());
        assert!(parse_name(&["The Sun", "Organization", "NewsMedia"], false).is_err());
        assert!(parse_name(&["arsenal", "Organization", ""], false).is_err());
        assert!(parse_name(&["Arsenal ", "Organization", ""], false).is_err());
        assert!(parse_name(&["Arsenal", "Organization", "Sports Team"], false).is_err());
        assert!(parse_name(&["Arsenal", "Organization", "SportsTeam"], false).is_err());
        assert!(parse_name(&["Arsenal", "Organization", ""], true).is_err());
        assert!(parse_demonym(&["Briton"]).is_err());
        assert!(parse_demonym(&["Briton", "United Kingdom"]).is_err());
        assert!(parse_demonym(&["Briton", "United Kingdom", "Organization"]).is_err());
        assert!(parse_demonym(&["Briton", "United Kingdom", "Place"]).is_ok());
        let ok = parse_name(&["Arsenal", "Organization", "SportsTeam"], true).unwrap();
        assert_eq!(
            (ok.label, ok.subtype),
            (EntityLabel::Organization, Some("SportsTeam"))
        );
        let plain = parse_name(&["Interfax", "Organization", ""], false).unwrap();
        assert_eq!(plain.subtype, None);
    }
}
