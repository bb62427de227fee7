//! Gazetteer: known names of countries, places, organisations and people,
//! demonyms ("Mexican" → Mexico), titles and role nouns ("President",
//! "Secretary of State"), organisation suffixes ("Ministry", "Times", "Inc."),
//! honorifics and a first-name gender table.
//!
//! [`Gazetteer::compile`] reads the TABARI/PETRARCH dictionaries (MIT,
//! `shared/data/gazetteers/petrarch`) plus the small hand-written lists of
//! general English below, and [`Gazetteer::save`] writes `models/gazetteer.nkw`;
//! at run time [`Gazetteer::load`] reads only that file. The PETRARCH files do
//! not say which synonym of a country is a name, an adjective or a city
//! (`+MEXICAN_`, `+MEXICO_CITY_` and `+MEJICO_` all sit under `MEXICO_`), so
//! [`classify_synonym`] sorts them with general rules: acronyms and names
//! sharing a word with the country are aliases, adjective-shaped words sharing
//! its stem are demonyms, anything else is a place inside the country (typed
//! as a Place, never merged into the country).
//!
//! Lookups are case-insensitive on names that contain a capital letter
//! ("US" is the country, "us" is not) and ignore a leading "the".

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::path::Path;

use super::perceptron::{Fnv, WeightFile};

/// Maps and sets keyed by lower-case words and names, hashed with FNV: they
/// are asked at every token by NER, coreference and resolution.
type WordMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;
type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;
use super::{EntityLabel, ModelError, ModelSource};

/// What the gazetteer knows about a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerEntry {
    /// The canonical name ("United States" for "U.S.", "US", "America").
    pub canonical: String,
    /// Coarse type.
    pub label: EntityLabel,
    /// Finer type ("Country", "City", "Region"), when known.
    pub subtype: Option<String>,
}

/// Grammatical gender suggested by a first name or an honorific.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// "John", "Mr."
    Male,
    /// "Claudia", "Mrs."
    Female,
}

/// Name, demonym and title lookups. `Send + Sync`.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entries: Vec<GazetteerEntry>,
    /// Normalised name → entry.
    names: WordMap<usize>,
    /// Lower-case demonym → country entry.
    demonyms: WordMap<usize>,
    /// Lower-case titles and role nouns, words joined by one space.
    titles: WordSet,
    /// Lower-case words that end (or head) organisation names.
    org_words: WordSet,
    /// Lower-case first name → gender.
    genders: WordMap<Gender>,
    /// Lower-case words that end names of events ("Cup", "Open", "Games").
    events: WordSet,
    /// Lower-case words that end names of roads, bridges and other built
    /// places ("Street", "Motorway", "Airport").
    place_words: WordSet,
    /// Lower-case given names seen in the political-figure lists.
    given: WordSet,
    /// Lower-case names of sports teams, words joined by one space (from
    /// `src/nlp/lists/sports_teams.tsv`), including those whose entry is a
    /// place ("Liverpool", "Yorkshire").
    team_names: WordSet,
    /// Lower-case names of news organisations, words joined by one space
    /// (from `src/nlp/lists/media.tsv`): agencies, papers, broadcasters.
    media_names: WordSet,
    /// Longest name in words.
    max_words: usize,
    /// Every name key, and every shorter run of its first words, → the
    /// entry of that name (`None` for a run that is only the start of
    /// longer names). [`Gazetteer::longest_match`] walks it word by word and
    /// stops at the first run that starts no name, instead of trying every
    /// length up to `max_words` at every position. A loaded gazetteer keeps
    /// its names here only (`names` stays empty: one map to build, not two);
    /// one built by [`Gazetteer::compile_from`] has no `steps` and looks
    /// names up in `names` (same answers, slower).
    steps: WordMap<Option<usize>>,
    /// Every title and every run of its last words ("secretary of state",
    /// "of state", "state"), built with `steps`: a phrase that ends no
    /// title cannot become one by adding words in front.
    title_ends: WordSet,
}

/// The weight-file kind of a compiled gazetteer.
const KIND: &str = "gazetteer";

impl Gazetteer {
    /// Loads `dir/gazetteer.nkw`.
    pub fn load(dir: &Path) -> Result<Gazetteer, ModelError> {
        Gazetteer::from_source(&ModelSource::Dir(dir.to_owned()))
    }

    /// Loads `gazetteer.nkw` from `models`.
    pub fn from_source(models: &ModelSource) -> Result<Gazetteer, ModelError> {
        let file = models.open("gazetteer.nkw")?;
        Gazetteer::from_weight_file(&file.weights(KIND)?).map_err(|message| file.corrupt(message))
    }

    /// Decodes a gazetteer from its weight file.
    pub fn from_weight_file(file: &WeightFile) -> Result<Gazetteer, String> {
        let section = |name: &str| -> Result<&str, String> {
            let bytes = file
                .section(name)
                .ok_or_else(|| format!("missing section {name:?}"))?;
            std::str::from_utf8(bytes).map_err(|_| format!("section {name:?} is not UTF-8"))
        };
        let mut g = Gazetteer::default();
        for (i, line) in section("entries")?.lines().enumerate() {
            let mut cols = line.split('\t');
            let (Some(canonical), Some(label), Some(subtype)) =
                (cols.next(), cols.next(), cols.next())
            else {
                return Err(format!("entries line {}: expected 3 columns", i + 1));
            };
            let label = label_from_str(label)
                .ok_or_else(|| format!("entries line {}: bad label {label:?}", i + 1))?;
            g.entries.push(GazetteerEntry {
                canonical: canonical.to_string(),
                label,
                subtype: (!subtype.is_empty()).then(|| subtype.to_string()),
            });
        }
        let mut names = Vec::new();
        let mut demonyms = Vec::new();
        for (section_name, rows) in [("names", &mut names), ("demonyms", &mut demonyms)] {
            for (i, line) in section(section_name)?.lines().enumerate() {
                let parsed = line
                    .split_once('\t')
                    .and_then(|(k, v)| Some((k, v.parse::<usize>().ok()?)))
                    .filter(|(_, v)| *v < g.entries.len());
                let row =
                    parsed.ok_or_else(|| format!("{section_name} line {}: bad row", i + 1))?;
                rows.push(row);
            }
        }
        g.demonyms = demonyms
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        g.titles = section("titles")?.lines().map(str::to_string).collect();
        g.org_words = section("org_words")?.lines().map(str::to_string).collect();
        g.given = section("given_names")?
            .lines()
            .map(str::to_string)
            .collect();
        g.events = section("event_words")?
            .lines()
            .map(str::to_string)
            .collect();
        // Optional: files written before the curated lists have no such
        // sections, and the sets stay empty.
        let optional = |name: &str| -> Result<Option<WordSet>, String> {
            file.section(name)
                .map(|bytes| {
                    std::str::from_utf8(bytes)
                        .map(|text| text.lines().map(str::to_string).collect())
                        .map_err(|_| format!("section {name:?} is not UTF-8"))
                })
                .transpose()
        };
        if let Some(set) = optional("team_names")? {
            g.team_names = set;
        }
        if let Some(set) = optional("place_words")? {
            g.place_words = set;
        }
        if let Some(set) = optional("media_names")? {
            g.media_names = set;
        }
        for (i, line) in section("genders")?.lines().enumerate() {
            let gender = match line.split_once('\t') {
                Some((name, "M")) => (name, Gender::Male),
                Some((name, "F")) => (name, Gender::Female),
                _ => return Err(format!("genders line {}: bad row", i + 1)),
            };
            g.genders.insert(gender.0.to_string(), gender.1);
        }
        // A loaded gazetteer keeps its names in `steps` only (see there).
        g.index_names(&names);
        Ok(g)
    }

    /// Fills `steps` (see the field), `max_words` and `title_ends` from the
    /// `(name key, entry)` rows of a weight file; `names` stays empty.
    fn index_names(&mut self, names: &[(&str, usize)]) {
        let mut steps: WordMap<Option<usize>> = HashMap::default();
        steps.reserve(2 * names.len());
        // Of repeated keys the last row wins, as in a map.
        for &(key, i) in names {
            steps.insert(key.to_string(), Some(i));
        }
        for &(key, _) in names {
            for (at, _) in key.match_indices(' ') {
                if !steps.contains_key(&key[..at]) {
                    steps.insert(key[..at].to_string(), None);
                }
            }
        }
        self.max_words = names
            .iter()
            .map(|(k, _)| k.split(' ').count())
            .max()
            .unwrap_or(0);
        self.steps = steps;
        let mut ends: WordSet = HashSet::default();
        for title in &self.titles {
            ends.insert(title.clone());
            for (at, _) in title.match_indices(' ') {
                ends.insert(title[at + 1..].to_string());
            }
        }
        self.title_ends = ends;
    }

    /// Encodes the gazetteer as a weight file (sorted, so equal gazetteers give equal bytes).
    pub fn to_weight_file(&self) -> WeightFile {
        let names = self.name_map();
        let mut file = WeightFile::new(
            KIND,
            serde_json::json!({
                "source": "TABARI/PETRARCH Phoenix dictionaries (2014), shared/data/gazetteers/petrarch, plus hand-written lists in src/nlp/gazetteer.rs and src/nlp/lists/",
                "licence": "MIT (c) 2014 Open Event Data Alliance (PETRARCH dictionaries); hand-written lists: the project's licence",
                "command": "newskg train gazetteer --data ../shared/data",
                "entries": self.entries.len(),
                "names": names.len(),
            }),
        );
        let entries: String = self
            .entries
            .iter()
            .map(|e| {
                format!(
                    "{}\t{}\t{}\n",
                    e.canonical,
                    e.label.as_str(),
                    e.subtype.as_deref().unwrap_or("")
                )
            })
            .collect();
        let map_lines = |map: &WordMap<usize>| -> String {
            let mut rows: Vec<_> = map.iter().collect();
            rows.sort();
            rows.into_iter()
                .map(|(k, v)| format!("{k}\t{v}\n"))
                .collect()
        };
        let set_lines = |set: &WordSet| -> String {
            let mut rows: Vec<_> = set.iter().collect();
            rows.sort();
            rows.into_iter().map(|k| format!("{k}\n")).collect()
        };
        let mut genders: Vec<_> = self.genders.iter().collect();
        genders.sort_by_key(|(k, _)| k.as_str());
        let genders: String = genders
            .into_iter()
            .map(|(k, g)| format!("{k}\t{}\n", if *g == Gender::Male { "M" } else { "F" }))
            .collect();
        for (name, text) in [
            ("entries", entries),
            ("names", map_lines(&names)),
            ("demonyms", map_lines(&self.demonyms)),
            ("titles", set_lines(&self.titles)),
            ("org_words", set_lines(&self.org_words)),
            ("given_names", set_lines(&self.given)),
            ("event_words", set_lines(&self.events)),
            ("place_words", set_lines(&self.place_words)),
            ("team_names", set_lines(&self.team_names)),
            ("media_names", set_lines(&self.media_names)),
            ("genders", genders),
        ] {
            file.sections.push((name.to_string(), text.into_bytes()));
        }
        file
    }

    /// Writes the gazetteer to `path` (normally `models/gazetteer.nkw`).
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        self.to_weight_file().save(path)
    }

    /// Builds the gazetteer from the PETRARCH folder (the `Phoenix.*.txt`
    /// files) and the hand-written lists.
    pub fn compile(petrarch_dir: &Path) -> Result<Gazetteer, ModelError> {
        let read = |name: &str| -> Result<String, ModelError> {
            let path = petrarch_dir.join(name);
            let bytes = std::fs::read(&path).map_err(|source| ModelError::Io { path, source })?;
            // Latin-1 with stray bytes: map each byte to the char of that code point.
            Ok(bytes.iter().map(|&b| char::from(b)).collect())
        };
        Ok(Gazetteer::compile_from(
            &read("Phoenix.Countries.actors.txt")?,
            &read("Phoenix.International.actors.txt")?,
            &read("Phoenix.MilNonState.actors.txt")?,
            &read("Phoenix.agents.txt")?,
        ))
    }

    /// Builds the gazetteer from the texts of the four PETRARCH files.
    pub fn compile_from(
        countries: &str,
        international: &str,
        armed_groups: &str,
        agents: &str,
    ) -> Gazetteer {
        let mut g = Gazetteer::default();
        for (name, gender) in MALE_NAMES
            .iter()
            .map(|n| (n, Gender::Male))
            .chain(FEMALE_NAMES.iter().map(|n| (n, Gender::Female)))
        {
            g.genders.insert((*name).to_string(), gender);
        }
        g.org_words = ORG_WORDS.iter().map(|w| (*w).to_string()).collect();
        g.titles = TITLES.iter().map(|w| (*w).to_string()).collect();
        for line in agents.lines() {
            g.add_agent(line);
        }
        // Countries first: their names win over later duplicates.
        let country_blocks = blocks(countries);
        for b in &country_blocks {
            g.add_country_block(b);
        }
        for b in blocks(international) {
            g.add_org_block(&b, true);
        }
        for b in blocks(armed_groups) {
            g.add_org_block(&b, false);
        }
        for (word, country) in IRREGULAR_DEMONYMS {
            if let Some(&i) = g.names.get(&normalize(country)) {
                g.demonyms.entry((*word).to_string()).or_insert(i);
            }
        }
        for (word, canonical, label, subtype) in GROUP_ADJECTIVES {
            let i = g.add_entry((*canonical).to_string(), *label, *subtype);
            g.demonyms.entry((*word).to_string()).or_insert(i);
        }
        g.add_curated_lists();
        g.events = EVENT_WORDS.iter().map(|w| (*w).to_string()).collect();
        g.place_words = PLACE_WORDS.iter().map(|w| (*w).to_string()).collect();
        // Nations inside a state that PETRARCH files as places of it:
        // countries in their own right (and in sport, where they field
        // their own teams).
        for name in NATIONS_IN_STATES {
            if let Some(&i) = g.names.get(&normalize(name)) {
                if g.entries[i].label == EntityLabel::Place {
                    g.entries[i].subtype = Some("Country".to_string());
                }
            }
        }
        // A demonym is not a name of its own ("French" under France).
        g.names.retain(|k, _| !g.demonyms.contains_key(k));
        g.max_words = g
            .names
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(0);
        g
    }

    /// Adds the hand-written lists of `src/nlp/lists/` (teams, companies,
    /// media, institutions, events, demonym nouns) after the PETRARCH names.
    /// A listed name already known keeps its entry when that entry is a
    /// country, when it is a place and the row is a team ("Liverpool"), or
    /// when the row itself is a place; otherwise the list, written for
    /// exactly these names, wins ("Morgan Stanley" is not a person). Every
    /// sports-team name goes into `team_names`, so the recognizer can retype
    /// a place by context, and every news organisation's into `media_names`,
    /// so extraction can tell the press from other audiences. Keys follow
    /// the tokenizer ("Hewlett - Packard").
    /// Malformed rows are skipped here; the lists' unit test rejects them.
    ///
    /// Entries get the row's label but not its subtype (SportsTeam, Company,
    /// NewsMedia, ...): the recognizer's gazetteer feature is the entry's
    /// subtype when there is one, and subtypes the training data hardly
    /// contains split that feature (measured: CoNLL-2003 dev F1 72.9 with
    /// them, 73.5 without; UNER-EWT test 66.3 and 67.3).
    fn add_curated_lists(&mut self) {
        let key = |name: &str| -> String {
            super::tokenize(name)
                .iter()
                .map(|s| name[s.start..s.end].to_lowercase())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for row in super::lists::names().0 {
            let k = key(row.name);
            if row.is_team() {
                self.team_names.insert(k.clone());
            }
            if row.is_news_media() {
                self.media_names.insert(k.clone());
            }
            if self.demonyms.contains_key(&k) || !k.chars().any(char::is_alphabetic) {
                continue;
            }
            let known = self.names.get(&k).map(|&i| &self.entries[i]);
            let is_country = known.is_some_and(|old| old.subtype.as_deref() == Some("Country"));
            // Another name of an entry listed above ("Tories" of the
            // Conservative Party, "Fed" of the Federal Reserve) shares its
            // entry, so coreference and resolution make one entity of both;
            // the list says so even where the dictionaries already know the
            // name as an entity of its own.
            let shared = row
                .alias_of
                .and_then(|c| self.names.get(&key(c)).copied())
                .filter(|&i| self.entries[i].label == row.label);
            if let (Some(entry), false) = (shared, is_country) {
                self.names.insert(k, entry);
                continue;
            }
            let keep = known.is_some_and(|old| {
                is_country
                    || old.label == row.label
                    || row.label == EntityLabel::Place
                    || (row.is_team() && old.label == EntityLabel::Place)
            });
            if !keep {
                let entry = self.add_entry(row.name.to_string(), row.label, None);
                self.names.insert(k, entry);
            }
        }
        // "&" and "and" join the words of one name alike ("Pratt & Whitney"
        // is written "Pratt and Whitney" too): each listed name is also
        // known with the other.
        for row in super::lists::names().0 {
            let k = key(row.name);
            let Some(&entry) = self.names.get(&k) else {
                continue;
            };
            let words: Vec<&str> = k.split(' ').collect();
            if words.len() >= 3 && words.iter().any(|w| matches!(*w, "&" | "and")) {
                let variant = words
                    .iter()
                    .map(|&w| match w {
                        "&" => "and",
                        "and" => "&",
                        w => w,
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                self.names.entry(variant).or_insert(entry);
            }
        }
        // Demonyms: of a known country or place, else of an entry made for
        // the canonical name (shared by all words that name it).
        let mut made: HashMap<&str, usize> = HashMap::new();
        for row in super::lists::demonyms().0 {
            let k = key(row.word);
            if self.demonyms.contains_key(&k) {
                continue;
            }
            let entry = match self.names.get(&normalize(row.canonical)) {
                Some(&i) => i,
                None => match made.get(row.canonical) {
                    Some(&i) => i,
                    None => {
                        let i = self.add_entry(row.canonical.to_string(), row.label, None);
                        made.insert(row.canonical, i);
                        i
                    }
                },
            };
            self.demonyms.insert(k, entry);
        }
    }

    fn add_entry(&mut self, canonical: String, label: EntityLabel, subtype: Option<&str>) -> usize {
        self.entries.push(GazetteerEntry {
            canonical,
            label,
            subtype: subtype.map(str::to_string),
        });
        self.entries.len() - 1
    }

    fn add_name(&mut self, words: &[String], entry: usize) {
        let key = words.join(" ");
        if !key.is_empty() && key.chars().any(char::is_alphabetic) {
            self.names.entry(key).or_insert(entry);
        }
    }

    fn add_agent(&mut self, line: &str) {
        let line = line.split('#').next().unwrap_or("");
        let Some((name, _code)) = line.split_once('[') else {
            return;
        };
        let name = name.trim().trim_end_matches('_');
        if name.is_empty() || name.contains('{') || name.contains('=') {
            return;
        }
        let expansions: Vec<String> = if name.contains("!PERSON!") {
            ["MAN", "WOMAN", "MEN", "WOMEN", "PERSON"]
                .iter()
                .map(|x| name.replace("!PERSON!", x))
                .collect()
        } else if name.contains("!MINIST!") {
            ["MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"]
                .iter()
                .map(|x| name.replace("!MINIST!", x))
                .collect()
        } else if name.contains('!') {
            return;
        } else {
            vec![name.to_string()]
        };
        for e in expansions {
            let words = name_words(&e);
            if !words.is_empty() {
                self.titles.insert(words.join(" "));
            }
        }
    }

    fn add_country_block(&mut self, b: &Block) {
        let head = &b.names[0];
        // "Russian Federation [RUS]" is a country; "Kurdistan Regional
        // Government [IRQ >20060520]" is not.
        // Countries that became independent carry a former code first
        // ("BELARUS_" has [USRBLR <910825] before [BLR >911221]), so any
        // bare country code marks a country; figures with one are not.
        let org_head = head.iter().any(|w| is_org_word(w));
        let is_country = !b.person_source
            && b.codes
                .iter()
                .enumerate()
                .any(|(k, c)| is_country_code(c) && (k > 0 || !c.contains(' ') || !org_head));
        // Territories carry their state's code and their own ("FAEROE_ISLANDS_
        // [DNKFRO]", "PUERTO_RICO_ [USAPRI]"); a state's body carries a role
        // instead ("[USAGOV]").
        let is_territory =
            !b.person_source && !org_head && b.codes.first().is_some_and(|c| is_territory_code(c));
        if is_country || is_territory {
            let key = head.join(" ");
            let canonical = CANONICAL_COUNTRIES
                .iter()
                .find(|(k, _)| *k == key)
                .map_or_else(|| title_case(head), |(_, c)| (*c).to_string());
            let subtype = if is_country { "Country" } else { "Territory" };
            let country = self.add_entry(canonical.clone(), EntityLabel::Place, Some(subtype));
            let mut base: Vec<String> = head.clone();
            base.extend(name_words(&canonical));
            let mut stems = base.clone();
            self.add_name(head, country);
            self.add_name(&name_words(&canonical), country);
            // Aliases first, so that demonyms may share a stem with any of
            // them ("British" with "Great Britain").
            for syn in &b.names[1..] {
                if classify_synonym(syn, &base, &base) == Synonym::Alias {
                    stems.extend(syn.iter().filter(|w| w.len() >= 4).cloned());
                }
            }
            for syn in &b.names[1..] {
                match classify_synonym(syn, &base, &stems) {
                    Synonym::Alias => self.add_name(syn, country),
                    Synonym::Demonym => {
                        self.demonyms.entry(syn.join(" ")).or_insert(country);
                    }
                    Synonym::Place => {
                        let subtype = syn.iter().any(|w| w == "city").then_some("City");
                        let place = self.add_entry(title_case(syn), EntityLabel::Place, subtype);
                        self.add_name(syn, place);
                    }
                }
            }
        } else if b.person_source && head.len() >= 2 {
            let person = self.add_entry(title_case(head), EntityLabel::Person, None);
            self.given.insert(head[0].clone());
            for n in &b.names {
                self.add_name(n, person);
            }
        } else if head.iter().any(|w| is_org_word(w)) {
            let org = self.add_entry(title_case(head), EntityLabel::Organization, None);
            for n in &b.names {
                self.add_name(n, org);
            }
        }
    }

    fn add_org_block(&mut self, b: &Block, people_possible: bool) {
        let head = &b.names[0];
        let org_like = head.len() == 1 || head.len() >= 4 || head.iter().any(|w| is_org_word(w));
        let person = people_possible
            && !org_like
            && (self.given.contains(&head[0]) || self.genders.contains_key(&head[0]));
        let label = if person {
            EntityLabel::Person
        } else {
            EntityLabel::Organization
        };
        let entry = self.add_entry(title_case(head), label, None);
        for n in &b.names {
            // A one-word acronym of two letters ("UN") is too ambiguous in
            // lower case; keys are matched only on capitalised text anyway.
            self.add_name(n, entry);
        }
    }

    /// The entry for a name as written ("U.S.", "Mexico", "New York Times").
    /// Names without any capital letter never match.
    pub fn lookup(&self, name: &str) -> Option<&GazetteerEntry> {
        if !name.chars().any(char::is_uppercase) {
            return None;
        }
        let i = with_normal(name, |key| {
            self.name_entry(key.strip_prefix("the ").unwrap_or(key))
        })?;
        Some(&self.entries[i])
    }

    /// Name key → entry, from `names` or, in a loaded gazetteer, `steps`.
    fn name_map(&self) -> WordMap<usize> {
        if self.steps.is_empty() {
            return self.names.clone();
        }
        self.steps
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), (*v)?)))
            .collect()
    }

    /// The entry index of a normalised name key.
    fn name_entry(&self, key: &str) -> Option<usize> {
        if self.steps.is_empty() {
            self.names.get(key).copied()
        } else {
            self.steps.get(key).copied().flatten()
        }
    }

    /// The longest known name starting at `words[0]` (at least one word must
    /// be capitalised, and a name of several words must not end in a
    /// lower-case word): its length in words and its entry.
    ///
    /// A name of several words ends in a capitalised word in running text
    /// ("Bank of England", "Group of 7") or in the word for a kind of body,
    /// which house styles write in lower case ("the Conservative party");
    /// otherwise a capital on the first word only is the sentence's, and the
    /// words are a phrase that some list holds as an alias ("We will win", a
    /// slogan a group is known by).
    pub fn longest_match(&self, words: &[&str]) -> Option<(usize, &GazetteerEntry)> {
        let limit = words.len().min(self.max_words);
        let mut key = String::new();
        let mut best = None;
        let mut capital = false;
        for (n, w) in words[..limit].iter().enumerate() {
            if n > 0 {
                key.push(' ');
            }
            push_lower(&mut key, w);
            capital |= w.chars().next().is_some_and(char::is_uppercase);
            let ends_name =
                n == 0 || !w.chars().next().is_some_and(char::is_lowercase) || self.is_org_word(w);
            let may_end_here = capital && ends_name;
            if self.steps.is_empty() {
                if may_end_here {
                    if let Some(&i) = self.names.get(&key) {
                        best = Some((n + 1, &self.entries[i]));
                    }
                }
                continue;
            }
            match self.steps.get(&key) {
                // No name starts with these words: none is longer either.
                None => break,
                Some(Some(i)) if may_end_here => best = Some((n + 1, &self.entries[*i])),
                Some(_) => {}
            }
        }
        best
    }

    /// The country or place a demonym or adjective refers to ("Mexican" →
    /// Mexico, "South Korean" → South Korea; plurals such as "Mexicans" too).
    /// Adjectives of regions, religions and peoples ("European", "Muslim",
    /// "Kurdish") give an entry of their own.
    pub fn demonym(&self, word: &str) -> Option<&GazetteerEntry> {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let i = with_normal(word, |lower| {
            self.demonyms
                .get(lower)
                .or_else(|| lower.strip_suffix('s').and_then(|s| self.demonyms.get(s)))
                .copied()
        })?;
        Some(&self.entries[i])
    }

    /// Whether `words` (lower-case) is a title or role noun ("president",
    /// "secretary of state", "ambassador").
    pub fn is_title(&self, words: &str) -> bool {
        if is_normal(words) {
            return self.titles.contains(words);
        }
        let mut key = String::with_capacity(words.len());
        normalize_into(words, &mut key);
        self.titles.contains(&key)
    }

    /// Whether lower-case `words` is a person's role title: one of
    /// [`PERSON_ROLES`], or a title of the gazetteer whose last word is one
    /// ("defense minister"), since the gazetteer's titles also name bodies.
    pub fn is_person_role(&self, words: &str) -> bool {
        self.is_unranked_person_role(words)
            || RANKS.iter().any(|rank| {
                words
                    .strip_prefix(rank)
                    .is_some_and(|role| !role.is_empty() && self.is_unranked_person_role(role))
            })
    }

    /// [`Gazetteer::is_person_role`] without a rank before the role.
    fn is_unranked_person_role(&self, words: &str) -> bool {
        PERSON_ROLES.contains(&words)
            || POSITION_ROLES.contains(&words)
            || (self.is_title(words)
                && words
                    .rsplit(' ')
                    .next()
                    .is_some_and(|head| PERSON_ROLES.contains(&head)))
    }

    /// Whether lower-case `words` is an occupation or playing position
    /// ([`POSITION_ROLES`]: "lawyer", "striker"), whose country is named
    /// only by the country's own name or demonym, never by a city.
    pub fn is_position_role(&self, words: &str) -> bool {
        POSITION_ROLES.contains(&words)
    }

    /// Whether a longer phrase ending with `words` (a phrase that is not a
    /// title itself) can still be a title: `false` only when no title ends
    /// with these words, so callers extending a phrase leftwards can stop.
    pub(crate) fn may_end_title(&self, words: &str) -> bool {
        self.title_ends.is_empty()
            || words.is_empty()
            || !is_normal(words)
            || self.title_ends.contains(words)
    }

    /// Whether `word` typically ends or heads an organisation name
    /// ("Ministry", "Times", "Inc.", "University", "Party").
    pub fn is_org_word(&self, word: &str) -> bool {
        with_lower(word, |w| self.org_words.contains(w))
    }

    /// Whether `word` heads an institution's name when "of" follows it
    /// ("Hall of Justice", "Museum of Art", "Academy of Sciences"),
    /// though alone it may be a building or a place ("Carnegie Hall").
    pub fn is_institution_head(&self, word: &str) -> bool {
        with_lower(word, |w| INSTITUTION_HEADS.contains(&w))
    }

    /// The gender a first name or honorific suggests ("Claudia", "Mr."), if any.
    pub fn gender(&self, first_name: &str) -> Option<Gender> {
        let lower = first_name.to_lowercase();
        // Courtesy titles: the one list in `names` ("Mr.", "Mme").
        match crate::names::courtesy_title(lower.trim_end_matches('.')) {
            Some(Some(g)) => Some(g),
            _ => self.genders.get(&lower).copied(),
        }
    }

    /// Whether `word` typically ends the name of a road, bridge or other
    /// built place ("Harlow Road", "Kessel Motorway", "Vantor Airport").
    pub fn is_place_word(&self, word: &str) -> bool {
        with_lower(word, |w| self.place_words.contains(w))
    }

    /// Whether `word` typically ends the name of an event or competition
    /// ("World Cup", "U.S. Open", "Olympic Games").
    pub fn is_event_word(&self, word: &str) -> bool {
        with_lower(word, |w| self.events.contains(w))
    }

    /// The canonical names of every entry of type `label`, in entry order
    /// (for making training variants with other names; see `train_ner`).
    pub fn canonical_names(&self, label: EntityLabel) -> impl Iterator<Item = &str> + '_ {
        self.entries
            .iter()
            .filter(move |e| e.label == label)
            .map(|e| e.canonical.as_str())
    }

    /// Whether `words` (any case, words joined by one space) is the name of a
    /// sports team ("Manchester United", "Yankees", and also "Liverpool" or
    /// "Yorkshire", whose [`lookup`](Self::lookup) entry is the place).
    pub fn is_team_name(&self, words: &str) -> bool {
        self.team_names.contains(&normalize(words))
    }

    /// Whether `words` (any case, words joined by one space) is the name of
    /// a news organisation ("Reuters", "BBC News", "Frankfurter Allgemeine").
    pub fn is_news_media(&self, words: &str) -> bool {
        self.media_names.contains(&normalize(words))
    }

    /// Whether `word` is a known given name (hand-written list or a first
    /// name of a political figure in the PETRARCH lists).
    pub fn is_given_name(&self, word: &str) -> bool {
        with_lower(word, |w| {
            self.genders.contains_key(w) || self.given.contains(w)
        })
    }
}

/// One dictionary entry: its names (headline first, then `+` synonyms), its
/// codes, and whether it comes from the country-info person lists.
struct Block {
    names: Vec<Vec<String>>,
    codes: Vec<String>,
    person_source: bool,
}

/// Splits a TABARI actor file into entries.
fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for raw in text.lines() {
        let (body, comment) = raw.split_once('#').unwrap_or((raw, ""));
        let codes: Vec<String> = body
            .split('[')
            .skip(1)
            .filter_map(|c| c.split(']').next())
            .map(|c| c.trim().to_string())
            .collect();
        let name_part = body.split('[').next().unwrap_or("");
        let first = raw.chars().next();
        match first {
            Some('+') => {
                if let Some(b) = out.last_mut() {
                    let words = name_words(&name_part[1..]);
                    if !words.is_empty() {
                        b.names.push(words);
                    }
                    b.codes.extend(codes);
                }
            }
            Some(c) if c.is_whitespace() => {
                if let Some(b) = out.last_mut() {
                    b.codes.extend(codes);
                }
            }
            Some(c) if c.is_alphanumeric() => {
                // A headline whose name is unusable still opens its entry:
                // its `+` synonyms are its own, not the entry's before it.
                let mut words = name_words(name_part);
                if words.is_empty() {
                    words = headline_without_brackets(name_part);
                }
                out.push(Block {
                    names: if words.is_empty() {
                        vec![]
                    } else {
                        vec![words]
                    },
                    codes,
                    person_source: comment.contains("CountryInfo"),
                });
            }
            _ => {}
        }
    }
    out.retain(|b| !b.names.is_empty());
    out
}

/// The words of a headline name with its bracketed parts left out
/// (`BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_` → basque, fatherland, and,
/// freedom), when at least two words remain: the brackets hold acronyms,
/// translations and notes, and one word left alone ("Olive") is too
/// often a common word or a given name.
fn headline_without_brackets(name: &str) -> Vec<String> {
    let mut kept = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    let words = name_words(&kept);
    if words.len() >= 2 {
        words
    } else {
        Vec::new()
    }
}

/// The lower-case words of a TABARI name (`UNITED_STATES_` → united, states).
fn name_words(name: &str) -> Vec<String> {
    let name = name.trim();
    if name.contains('(') || name.contains('{') || name.contains('!') {
        return Vec::new();
    }
    name.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A name as a lookup key: lower-case words joined by one space.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    normalize_into(name, &mut out);
    out
}

/// Appends [`normalize`]`(name)` to `out` (one allocation at most, none for
/// ASCII words).
fn normalize_into(name: &str, out: &mut String) {
    for (n, w) in name.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        push_lower(out, w);
    }
}

/// Whether `name` is its own [`normalize`]d form: ASCII without capitals,
/// words joined by single spaces (the common case, checked without copying).
fn is_normal(name: &str) -> bool {
    let b = name.as_bytes();
    b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.windows(2).any(|w| w == b"  ")
        && b.iter().all(|&c| {
            c.is_ascii() && !c.is_ascii_uppercase() && (c == b' ' || !c.is_ascii_whitespace())
        })
        && !b.contains(&0x0b)
}

/// Calls `f` with [`normalize`]`(name)`, built on the stack for short
/// ASCII names (the lookups of every capitalised token), else allocated.
fn with_normal<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if name.is_ascii() && name.len() <= buf.len() {
        // Single spaces between words: never longer than `name`.
        let mut n = 0;
        for (k, w) in name.split_whitespace().enumerate() {
            if k > 0 {
                buf[n] = b' ';
                n += 1;
            }
            for b in w.bytes() {
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            }
        }
        if let Ok(key) = std::str::from_utf8(&buf[..n]) {
            return f(key);
        }
    }
    let mut key = String::with_capacity(name.len());
    normalize_into(name, &mut key);
    f(&key)
}

/// Appends `word.to_lowercase()` to `out`; ASCII words without allocating.
fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Calls `f` with `word.to_lowercase()`, without allocating when the word
/// is already lower-case ASCII or short ASCII (set lookups of single words).
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return f(word);
    }
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        for (slot, b) in buf.iter_mut().zip(word.bytes()) {
            *slot = b.to_ascii_lowercase();
        }
        if let Ok(lower) = std::str::from_utf8(&buf[..word.len()]) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// `united states` → `United States`; small function words stay lower-case.
fn title_case(words: &[String]) -> String {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i > 0
                && matches!(
                    w.as_str(),
                    "of" | "the" | "and" | "de" | "del" | "la" | "for" | "on"
                )
            {
                return w.clone();
            }
            if w.len() <= 4 && w.contains('.') {
                return w.to_uppercase();
            }
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn label_from_str(s: &str) -> Option<EntityLabel> {
    [
        EntityLabel::Person,
        EntityLabel::Organization,
        EntityLabel::Place,
        EntityLabel::Misc,
    ]
    .into_iter()
    .find(|l| l.as_str() == s)
}

/// A CAMEO code of a territory: its state's three letters, then three more
/// that are not an actor role ("DNKFRO", "USAPRI"; not "USAGOV").
fn is_territory_code(code: &str) -> bool {
    const ROLES: [&str; 34] = [
        "GOV", "MIL", "REB", "OPP", "PTY", "BUS", "MED", "EDU", "ELI", "LEG", "JUD", "COP", "SPY",
        "CVL", "LAB", "AGR", "REF", "IGO", "NGO", "UAF", "IMG", "HLH", "HRI", "ENV", "CRM", "DEV",
        "UNR", "SET", "MOD", "RAD", "INS", "SEP", "PRO", "UIS",
    ];
    let code = code.split_whitespace().next().unwrap_or("");
    code.len() == 6 && code.chars().all(|c| c.is_ascii_uppercase()) && !ROLES.contains(&&code[3..])
}

/// A CAMEO country code: three capital letters and no role (dates allowed:
/// `[IRQ <20030320]`).
fn is_country_code(code: &str) -> bool {
    let code = code.split_whitespace().next().unwrap_or("");
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

fn is_org_word(w: &str) -> bool {
    ORG_WORDS.contains(&w)
        || matches!(
            w,
            "house" | "forces" | "government" | "front" | "movement" | "brigade"
        )
}

/// What a `+` synonym under a country is.
#[derive(Debug, PartialEq, Eq)]
enum Synonym {
    /// Another name of the country ("U.S.", "United States", "America").
    Alias,
    /// Its adjective or people ("Mexican").
    Demonym,
    /// A city, region or feature inside it ("Guadalajara").
    Place,
}

/// Sorts a synonym of a country whose own name words are `base` and whose
/// name words with those of its aliases are `stems`.
fn classify_synonym(syn: &[String], base: &[String], stems: &[String]) -> Synonym {
    const PLACE_WORDS: [&str; 14] = [
        "city",
        "gulf",
        "bay",
        "mount",
        "mt",
        "lake",
        "river",
        "desert",
        "peninsula",
        "province",
        "state",
        "sea",
        "valley",
        "canal",
    ];
    let words = |list: &'_ [String]| -> Vec<String> {
        list.iter()
            .filter(|w| !matches!(w.as_str(), "of" | "the" | "and"))
            .cloned()
            .collect()
    };
    let (own, content) = (words(base), words(stems));
    // "South Korean" under "South Korea": same first word, the second a
    // demonym (checked before the shared-word rule, which "South" would pass).
    // (`own` may repeat the head's words after the canonical name's.)
    if syn.len() == 2 && own.len() >= 2 && syn[0] == own[0] && !own.contains(&syn[1]) {
        return classify_synonym(&syn[1..], &own[1..2], &own[1..2]);
    }
    let initials: String = own.iter().filter_map(|w| w.chars().next()).collect();
    let joined: String = syn.concat().replace('.', "");
    if syn.len() == 1 && joined.len() >= 2 && (initials.starts_with(&joined) || joined == initials)
    {
        return Synonym::Alias;
    }
    if syn
        .iter()
        .any(|w| PLACE_WORDS.contains(&w.as_str()) && !stems.contains(w))
    {
        return Synonym::Place;
    }
    if syn
        .iter()
        .any(|w| w.len() >= 4 && content.iter().any(|s| s == w))
    {
        return Synonym::Alias;
    }
    if syn.len() == 1 {
        let w = &syn[0];
        let shared = content
            .iter()
            .map(|s| common_prefix(s, w))
            .max()
            .unwrap_or(0);
        // "Iraqi" is "Iraq" + i, while "Mexicali" is a city: an -i adjective
        // keeps nearly all of the stem; -an/-ese/-ish ones may change more.
        let n = w.chars().count();
        let adjective = if w.ends_with('i') {
            shared + 2 >= n
        } else {
            ["an", "ese", "ish", "ic", "ch"]
                .iter()
                .any(|s| w.ends_with(s))
                && shared + 5 >= n
        };
        if adjective && shared >= 3 {
            return Synonym::Demonym;
        }
        // Misspellings of a one-word country ("mejico", "irak").
        if shared >= 1 && n >= 5 && own.len() <= 2 && own.iter().any(|o| edit_distance(w, o) <= 2) {
            return Synonym::Alias;
        }
    }
    Synonym::Place
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Short names for countries whose dictionary headline is a long form.
/// Countries that are part of a sovereign state ("England" under the United
/// Kingdom, "Faroe Islands" under Denmark) or self-governing territories.
const NATIONS_IN_STATES: [&str; 10] = [
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "Faroe Islands",
    "Greenland",
    "Puerto Rico",
    "Hong Kong",
    "Macau",
    "Gibraltar",
];

const CANONICAL_COUNTRIES: [(&str, &str); 9] = [
    ("faeroe islands", "Faroe Islands"),
    ("united states of america", "United States"),
    ("russian federation", "Russia"),
    ("republic of south africa", "South Africa"),
    ("united republic of tanzania", "Tanzania"),
    ("brunei darussalam", "Brunei"),
    ("madagaskar", "Madagascar"),
    (
        "democratic republic of the congo",
        "Democratic Republic of the Congo",
    ),
    ("german democratic republic", "East Germany"),
];

/// Demonyms that do not share a stem with their country's name.
const IRREGULAR_DEMONYMS: [(&str, &str); 15] = [
    ("russian", "Russia"),
    ("french", "France"),
    ("dutch", "Netherlands"),
    ("swiss", "Switzerland"),
    ("greek", "Greece"),
    ("danish", "Denmark"),
    ("irish", "Ireland"),
    ("english", "United Kingdom"),
    ("scottish", "United Kingdom"),
    ("welsh", "United Kingdom"),
    ("filipino", "Philippines"),
    ("czech", "Czech Republic"),
    ("emirati", "United Arab Emirates"),
    ("saudi", "Saudi Arabia"),
    ("yemeni", "Yemen"),
];

/// Adjectives and plurals of regions, religions and peoples (hand-written):
/// word, canonical name, type, subtype.
const GROUP_ADJECTIVES: &[(&str, &str, EntityLabel, Option<&str>)] = &[
    ("european", "Europe", EntityLabel::Place, Some("Region")),
    ("african", "Africa", EntityLabel::Place, Some("Region")),
    ("asian", "Asia", EntityLabel::Place, Some("Region")),
    (
        "latin american",
        "Latin America",
        EntityLabel::Place,
        Some("Region"),
    ),
    (
        "middle eastern",
        "Middle East",
        EntityLabel::Place,
        Some("Region"),
    ),
    (
        "scandinavian",
        "Scandinavia",
        EntityLabel::Place,
        Some("Region"),
    ),
    ("balkan", "Balkans", EntityLabel::Place, Some("Region")),
    ("caribbean", "Caribbean", EntityLabel::Place, Some("Region")),
    ("arab", "Arabs", EntityLabel::Misc, None),
    ("kurdish", "Kurds", EntityLabel::Misc, None),
    ("kurd", "Kurds", EntityLabel::Misc, None),
    ("muslim", "Islam", EntityLabel::Misc, None),
    ("moslem", "Islam", EntityLabel::Misc, None),
    ("islamic", "Islam", EntityLabel::Misc, None),
    ("christian", "Christianity", EntityLabel::Misc, None),
    ("catholic", "Catholicism", EntityLabel::Misc, None),
    ("protestant", "Protestantism", EntityLabel::Misc, None),
    ("jewish", "Judaism", EntityLabel::Misc, None),
    ("jew", "Judaism", EntityLabel::Misc, None),
    ("hindu", "Hinduism", EntityLabel::Misc, None),
    ("buddhist", "Buddhism", EntityLabel::Misc, None),
    ("sunni", "Sunni Islam", EntityLabel::Misc, None),
    ("shi'ite", "Shia Islam", EntityLabel::Misc, None),
    ("shiite", "Shia Islam", EntityLabel::Misc, None),
    ("hispanic", "Hispanics", EntityLabel::Misc, None),
    ("olympic", "Olympic Games", EntityLabel::Misc, None),
];

/// Last words of event and competition names (hand-written).
const EVENT_WORDS: &[&str] = &[
    "cup",
    "open",
    "championship",
    "championships",
    "games",
    "olympics",
    "prix",
    "trophy",
    "classic",
    "masters",
    "tournament",
    "marathon",
    "rally",
    "festival",
    "expo",
    "summit",
    "war",
    "awards",
    "prize",
];

/// Last words of the names of roads, bridges and other built places
/// (hand-written). Words that are also common surnames are left out
/// ("Park", "Lane", "Hall", "Bay", "Arena"): "Jane Park" is a person.
const PLACE_WORDS: &[&str] = &[
    "street",
    "road",
    "drive",
    "avenue",
    "boulevard",
    "motorway",
    "highway",
    "freeway",
    "expressway",
    "bridge",
    "square",
    "airport",
    "stadium",
    "dam",
    "tunnel",
    "canal",
    "harbour",
    "harbor",
    "river",
    "mountains",
    "island",
    "islands",
    "valley",
];

/// Words that end or head organisation names (hand-written, general English).
/// Heads of institutions' names that need an "of" to be one
/// ([`Gazetteer::is_institution_head`]).
const INSTITUTION_HEADS: &[&str] = &[
    "hall", "museum", "gallery", "academy", "college", "school", "society", "chamber", "order",
];

const ORG_WORDS: &[&str] = &[
    "department",
    "ministry",
    "agency",
    "times",
    "post",
    "party",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co.",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "ag",
    "gmbh",
    "bank",
    "university",
    "council",
    "committee",
    "commission",
    "court",
    "congress",
    "senate",
    "parliament",
    "assembly",
    "association",
    "institute",
    "institution",
    "foundation",
    "group",
    "company",
    "corporation",
    "airlines",
    "airways",
    "fund",
    "union",
    "federation",
    "league",
    "club",
    "college",
    "school",
    "academy",
    "hospital",
    "church",
    "army",
    "navy",
    "police",
    "office",
    "service",
    "services",
    "board",
    "authority",
    "administration",
    "bureau",
    "news",
    "journal",
    "herald",
    "tribune",
    "press",
    "network",
    "systems",
    "technologies",
    "motors",
    "holdings",
    "partners",
    "organization",
    "organisation",
    "society",
    "center",
    "centre",
    "museum",
    "reserve",
    "exchange",
    "cabinet",
    "guard",
    "command",
    "agencies",
    "broadcasting",
    "television",
    "radio",
    "magazine",
    "gazette",
    "daily",
    "telegraph",
    "guardian",
    "secretariat",
    "alliance",
    "coalition",
    "industries",
    "protection",
];

/// Ranks that make a role another person's role of the same kind, written
/// before it as a word or glued to it ("deputy minister", "acting
/// governor", "undersecretary of state", "vice-chairman").
const RANKS: &[&str] = &[
    "deputy ",
    "assistant ",
    "acting ",
    "associate ",
    "vice ",
    "vice-",
    "under ",
    "under-",
    "under",
];

/// A person's role nouns and multi-word titles (lower case): the titles
/// that announce a person's name ("Secretary of State Ana Ruiz", "Vantor
/// analyst Ola Lind"). The other titles of the gazetteer also name bodies
/// ("military", "department of defense").
const PERSON_ROLES: &[&str] = &[
    "secretary of state",
    "secretary of defense",
    "secretary of homeland security",
    "secretary of the treasury",
    "secretary general",
    "secretary-general",
    "attorney general",
    "prime minister",
    "deputy prime minister",
    "foreign minister",
    "foreign secretary",
    "defense secretary",
    "defence secretary",
    "defense minister",
    "defence minister",
    "interior minister",
    "finance minister",
    "vice president",
    "chief of staff",
    "national security adviser",
    "press secretary",
    "chief executive",
    "president",
    "president-elect",
    "ambassador",
    "envoy",
    "secretary",
    "minister",
    "chancellor",
    "senator",
    "sen.",
    // members of parliaments ("Labour MP Ana Ruiz")
    "mp",
    "mep",
    "msp",
    "mla",
    "representative",
    "rep.",
    "governor",
    "gov.",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "general",
    "gen.",
    "admiral",
    "commissioner",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "judge",
    "justice",
    "premier",
    "leader",
    "ceo",
    // Roles in companies, parties, teams and newsrooms: with the body
    // before them ("Vantor analyst", "Labour frontbencher") or after them
    // in an apposition ("an analyst at Vantor Bank").
    "analyst",
    "economist",
    "strategist",
    "fund manager",
    "manager",
    "founder",
    "co-founder",
    "editor",
    "correspondent",
    "frontbencher",
    "backbencher",
    "coach",
    "captain",
    "trade representative",
];

/// Occupations and playing positions, held for a body or a side ("Vantor
/// lawyer Ana Ruiz", "Norway striker Jan Brandt"): the body or country
/// before them is whom they work or play for. Unlike offices, a city before
/// them is a club or a firm, not its country ("Tollund striker" plays for
/// Tollund's club, not for the country whose capital Tollund may be).
const POSITION_ROLES: &[&str] = &[
    "lawyer",
    "attorney",
    "striker",
    "goalkeeper",
    "midfielder",
    "defender",
    "winger",
    "flanker",
    "prop",
    "fly-half",
    "scrum-half",
    "full-back",
    "batsman",
    "bowler",
    "wicketkeeper",
    "quarterback",
    "pitcher",
    "referee",
    "umpire",
    "athlete",
    "sprinter",
    "swimmer",
    "cyclist",
    "boxer",
    "golfer",
    "skier",
    "jockey",
    // occupations of the arts, letters and sciences
    "singer",
    "songwriter",
    "musician",
    "guitarist",
    "drummer",
    "bassist",
    "pianist",
    "violinist",
    "rapper",
    "composer",
    "actor",
    "actress",
    "comedian",
    "presenter",
    "novelist",
    "author",
    "writer",
    "poet",
    "playwright",
    "painter",
    "sculptor",
    "photographer",
    "filmmaker",
    "journalist",
    "columnist",
    "historian",
    "scientist",
    "physicist",
    "astronaut",
    "chef",
    "designer",
    "architect",
];

/// Titles and role nouns beside those of the PETRARCH agents file.
const TITLES: &[&str] = &[
    "president",
    "vice president",
    "prime minister",
    "deputy prime minister",
    "secretary of state",
    "secretary",
    "minister",
    "foreign minister",
    "ambassador",
    "senator",
    "sen.",
    "representative",
    "rep.",
    "congressman",
    "congresswoman",
    "governor",
    "gov.",
    "mayor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "general",
    "gen.",
    "admiral",
    "colonel",
    "col.",
    "captain",
    "capt.",
    "lieutenant",
    "sergeant",
    "commander",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "judge",
    "justice",
    "attorney general",
    "prosecutor",
    "lawmaker",
    "leader",
    "premier",
    "sheikh",
    "ceo",
    "chief executive",
    "president-elect",
    "dr.",
    "professor",
    "prof.",
    "coach",
    "envoy",
];

/// Common given names, male (hand-written).
const MALE_NAMES: &[&str] = &[
    "john",
    "james",
    "robert",
    "michael",
    "william",
    "david",
    "richard",
    "joseph",
    "thomas",
    "charles",
    "christopher",
    "daniel",
    "matthew",
    "anthony",
    "mark",
    "donald",
    "steven",
    "paul",
    "andrew",
    "joshua",
    "kenneth",
    "kevin",
    "brian",
    "george",
    "timothy",
    "ronald",
    "edward",
    "jason",
    "jeffrey",
    "ryan",
    "jacob",
    "gary",
    "nicholas",
    "eric",
    "jonathan",
    "stephen",
    "larry",
    "justin",
    "scott",
    "brandon",
    "benjamin",
    "samuel",
    "gregory",
    "alexander",
    "frank",
    "patrick",
    "raymond",
    "jack",
    "dennis",
    "jerry",
    "tyler",
    "aaron",
    "jose",
    "adam",
    "henry",
    "nathan",
    "douglas",
    "zachary",
    "peter",
    "kyle",
    "walter",
    "ethan",
    "jeremy",
    "harold",
    "keith",
    "christian",
    "roger",
    "noah",
    "gerald",
    "carl",
    "terry",
    "sean",
    "austin",
    "arthur",
    "lawrence",
    "jesse",
    "dylan",
    "bryan",
    "joe",
    "jordan",
    "billy",
    "bruce",
    "albert",
    "willie",
    "gabriel",
    "logan",
    "alan",
    "juan",
    "wayne",
    "roy",
    "ralph",
    "randy",
    "eugene",
    "vincent",
    "russell",
    "louis",
    "bobby",
    "philip",
    "johnny",
    "marco",
    "carlos",
    "luis",
    "miguel",
    "jorge",
    "pedro",
    "manuel",
    "andres",
    "vladimir",
    "boris",
    "barack",
    "bill",
    "mike",
    "tom",
    "jim",
    "bob",
    "joe",
    "ted",
    "hans",
    "pierre",
    "ahmed",
    "mohammed",
];

/// Common given names, female (hand-written).
const FEMALE_NAMES: &[&str] = &[
    "mary",
    "patricia",
    "jennifer",
    "linda",
    "elizabeth",
    "barbara",
    "susan",
    "jessica",
    "sarah",
    "karen",
    "nancy",
    "lisa",
    "betty",
    "margaret",
    "sandra",
    "ashley",
    "kimberly",
    "emily",
    "donna",
    "michelle",
    "dorothy",
    "carol",
    "amanda",
    "melissa",
    "deborah",
    "stephanie",
    "rebecca",
    "sharon",
    "laura",
    "cynthia",
    "kathleen",
    "amy",
    "shirley",
    "angela",
    "helen",
    "anna",
    "brenda",
    "pamela",
    "nicole",
    "emma",
    "samantha",
    "katherine",
    "christine",
    "debra",
    "rachel",
    "catherine",
    "carolyn",
    "janet",
    "ruth",
    "maria",
    "heather",
    "diane",
    "virginia",
    "julie",
    "joyce",
    "victoria",
    "olivia",
    "kelly",
    "christina",
    "lauren",
    "joan",
    "evelyn",
    "judith",
    "megan",
    "cheryl",
    "andrea",
    "hannah",
    "martha",
    "jacqueline",
    "frances",
    "gloria",
    "ann",
    "teresa",
    "kathryn",
    "sara",
    "janice",
    "jean",
    "alice",
    "madison",
    "doris",
    "abigail",
    "julia",
    "judy",
    "grace",
    "denise",
    "amber",
    "marilyn",
    "beverly",
    "danielle",
    "theresa",
    "sophia",
    "claudia",
    "hillary",
    "angela",
    "theresa",
    "kamala",
    "nancy",
    "ursula",
    "marine",
    "giorgia",
];

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTRIES: &str = "# comment\nMEXICO_  [MEX]\n+MEXICAN_ \n+MEJICO_ \n+MEXICO_CITY_ \n+GUADALAJARA_ \n\
        JOSE_LOPEZ_PORTILLO_  # CountryInfo.txt\n\t[MEXGOV 761201-821130]\n\
        UNITED_STATES_OF_AMERICA_  [USA]\n+WASHINGTON_ \n+AMERICAN_ \n+AMERICA\n+US_ # hard\n+U.S. \n+UNITED_STATES_ \n\
        WHITE_HOUSE_\n+THE_WHITE_HOUSE_\n\t[USAGOV]\n\
        IRAQ_\n+IRAQI_ \n+BAGHDAD_ \n\t[IRQ]\n\
        BELARUS_\n+BELARUSIAN_ \n+MINSK_ \n\t[USRBLR <910825]\n\t[BLR >911221]\n\
        SOUTH_KOREA_  [KOR]\n+SOUTH_KOREAN_ \n+SOUTH_JEOLLA_ \n\
        FAEROE_ISLANDS_  [DNKFRO]\n+FAROE_ISLANDS_ \n+FAEROESE_ \n\
        PEMEX_OFFICIALS_  [MEXBUS]\n";
    const INTERNATIONAL: &str =
        "UNITED_NATIONS_ [IGOUNO]\n+UN_\nJOHN_BOLTON_\n+J._BOLTON_\n\t[IGOUNO]\n";
    const AGENTS: &str = "!PERSON! = MAN, MEN\nPRESIDENT [~GOV]\nSECRETARY_OF_STATE [~GOV]\nAMBASSADOR_TO {} [~GOV]\nCATTLE!PERSON! [~AGR]\n";

    fn tiny() -> Gazetteer {
        Gazetteer::compile_from(COUNTRIES, INTERNATIONAL, "HAMAS [NGMHAM]\n", AGENTS)
    }

    #[test]
    fn a_bracketed_headline_keeps_its_own_synonyms() {
        // Invented groups: the synonym of the second entry once went to the
        // first, because the second's headline (with its acronym) was skipped.
        let text = "RED_HARBOUR_FRONT_ [XXXREB]\n\nBLUE_VALLEY_LEAGUE_(BVL)_ [YYYREB]\n+VALLEY_TIGERS_\n\nOLIVE_(OUTREACH_GROUP) [ZZZ]\n";
        let b = blocks(text);
        let names: Vec<Vec<String>> = b
            .iter()
            .map(|b| b.names.iter().map(|n| n.join(" ")).collect())
            .collect();
        assert_eq!(
            names,
            vec![
                vec!["red harbour front".to_string()],
                vec![
                    "blue valley league".to_string(),
                    "valley tigers".to_string()
                ],
            ]
        );
    }

    #[test]
    fn countries_aliases_demonyms_places() {
        let g = tiny();
        for name in [
            "U.S.",
            "US",
            "United States",
            "America",
            "the United States",
        ] {
            let e = g.lookup(name).unwrap_or_else(|| panic!("{name} not found"));
            assert_eq!(e.canonical, "United States", "{name}");
            assert_eq!(e.subtype.as_deref(), Some("Country"));
        }
        assert_eq!(g.lookup("us"), None);
        assert_eq!(g.lookup("Mejico").unwrap().canonical, "Mexico");
        assert_eq!(g.demonym("Mexican").unwrap().canonical, "Mexico");
        assert_eq!(g.demonym("Mexicans").unwrap().canonical, "Mexico");
        assert_eq!(g.demonym("Iraqi").unwrap().canonical, "Iraq");
        let city = g.lookup("Mexico City").unwrap();
        assert_eq!(
            (city.label, city.subtype.as_deref()),
            (EntityLabel::Place, Some("City"))
        );
        assert_eq!(g.lookup("Guadalajara").unwrap().label, EntityLabel::Place);
        assert_eq!(g.lookup("Baghdad").unwrap().subtype, None);
        assert_eq!(
            g.lookup("White House").unwrap().label,
            EntityLabel::Organization
        );
        assert_eq!(g.lookup("UN").unwrap().canonical, "United Nations");
        assert_eq!(g.lookup("John Bolton").unwrap().label, EntityLabel::Person);
        assert_eq!(
            g.lookup("Jose Lopez Portillo").unwrap().label,
            EntityLabel::Person
        );
        assert_eq!(g.lookup("Hamas").unwrap().label, EntityLabel::Organization);
    }

    #[test]
    fn later_country_codes_and_two_word_demonyms() {
        let g = tiny();
        let belarus = g.lookup("Belarus").unwrap();
        assert_eq!(belarus.subtype.as_deref(), Some("Country"));
        assert_eq!(g.demonym("Belarusian").unwrap().canonical, "Belarus");
        assert_eq!(g.lookup("Minsk").unwrap().label, EntityLabel::Place);
        assert_eq!(g.demonym("South Korean").unwrap().canonical, "South Korea");
        assert!(g.lookup("South Korean").is_none());
        // A territory under its own code; a body with a role code is not one.
        let faroe = g.lookup("Faroe Islands").unwrap();
        assert_eq!(
            (faroe.label, faroe.subtype.as_deref()),
            (EntityLabel::Place, Some("Country"))
        );
        assert_eq!(g.demonym("Faeroese").unwrap().canonical, "Faroe Islands");
        assert!(g.lookup("Pemex Officials").is_none());
        let jeolla = g.lookup("South Jeolla").unwrap();
        assert_eq!(
            (jeolla.label, jeolla.subtype.as_deref()),
            (EntityLabel::Place, None)
        );
    }

    #[test]
    fn titles_genders_org_words() {
        let g = tiny();
        assert!(g.is_title("secretary of state"));
        assert!(g.is_title("president"));
        assert!(g.is_title("cattleman"));
        assert!(!g.is_title("table"));
        assert_eq!(g.gender("Claudia"), Some(Gender::Female));
        assert_eq!(g.gender("Mr."), Some(Gender::Male));
        assert_eq!(g.gender("Xyzzy"), None);
        assert!(g.is_org_word("Ministry") && g.is_org_word("Inc."));
        assert!(g.is_given_name("jose"));
    }

    #[test]
    fn and_and_ampersand_name_alike() {
        // The lists hold "Pratt & Whitney" only.
        let g = tiny();
        let canonical = |name: &str| g.lookup(name).map(|e| e.canonical.clone());
        assert_eq!(
            canonical("Pratt and Whitney").as_deref(),
            Some("Pratt & Whitney")
        );
        assert_eq!(
            canonical("Pratt & Whitney").as_deref(),
            Some("Pratt & Whitney")
        );
    }

    #[test]
    fn longest_match_needs_a_capital() {
        let g = tiny();
        let (n, e) = g.longest_match(&["Mexico", "City", "police"]).unwrap();
        assert_eq!((n, e.canonical.as_str()), (2, "Mexico City"));
        // A capital on the first word only is the sentence's.
        assert_ne!(
            g.longest_match(&["Mexico", "city", "police"])
                .map(|(n, _)| n),
            Some(2)
        );
        // But the word for a kind of body may be written in lower case.
        let g = Gazetteer::compile_from(
            COUNTRIES,
            INTERNATIONAL,
            "RED_HARBOUR_PARTY_ [XXXREB]\n",
            AGENTS,
        );
        let (n, _) = g
            .longest_match(&["Red", "Harbour", "party", "won"])
            .unwrap();
        assert_eq!(n, 3);
        assert!(g.longest_match(&["us", "too"]).is_none());
        assert!(g.longest_match(&[]).is_none());
    }

    #[test]
    fn loaded_index_answers_as_the_compiled_maps() {
        // A loaded gazetteer walks `steps` and stops early; a compiled one
        // tries every length in `names`. Both must answer alike.
        let compiled = tiny();
        let file = compiled.to_weight_file();
        let loaded =
            Gazetteer::from_weight_file(&WeightFile::from_bytes(&file.to_bytes(), KIND).unwrap())
                .unwrap();
        assert!(compiled.steps.is_empty() && !loaded.steps.is_empty());
        assert!(loaded.may_end_title("of state") && loaded.may_end_title("state"));
        assert!(!loaded.may_end_title("table") && compiled.may_end_title("table"));
        assert!(
            loaded.may_end_title("Of State"),
            "not normalised: no promise"
        );
        let text = "the United States of America and Mexico City police met UN and \
            U.S. envoys in Iraq with John Bolton , the White House and us too MEXICO CITY \
            Jose Lopez Portillo said ; United Nations United";
        let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
        for i in 0..words.len() {
            assert_eq!(
                compiled.longest_match(&words[i..]),
                loaded.longest_match(&words[i..]),
                "{:?}",
                &words[i..]
            );
            for n in 1..=3.min(words.len() - i) {
                let name = words[i..i + n].join(" ");
                assert_eq!(compiled.lookup(&name), loaded.lookup(&name), "{name}");
            }
        }
    }

    #[test]
    fn fast_paths_agree_with_plain_lower_casing() {
        let plain = |s: &str| {
            s.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        };
        for s in [
            "",
            " ",
            "a",
            "Secretary of State",
            "secretary  of state",
            " lead",
            "trail ",
            "tab\tin",
            "vt\u{0b}x",
            "ÉCOLE Normale",
            "ΟΔΟΣ",
            "İstanbul",
            "nbsp\u{a0}x",
            "x.y-z",
            "The Very Long Name Of A Ministry Of Foreign Affairs And Trade Of Somewhere  Else",
        ] {
            assert_eq!(normalize(s), plain(s), "{s:?}");
            if is_normal(s) {
                assert_eq!(plain(s), s, "{s:?}");
            }
            let mut out = String::from("k ");
            push_lower(&mut out, s);
            assert_eq!(out, format!("k {}", s.to_lowercase()), "{s:?}");
            assert_eq!(with_lower(s, str::to_string), s.to_lowercase(), "{s:?}");
            assert_eq!(with_normal(s, str::to_string), plain(s), "{s:?}");
        }
        assert!(is_normal("secretary of state") && !is_normal("Secretary"));
        assert!(!is_normal("a  b") && !is_normal("a\u{0b}b"));
    }

    #[test]
    fn weight_file_round_trip() {
        let g = tiny();
        let file = g.to_weight_file();
        let again =
            Gazetteer::from_weight_file(&WeightFile::from_bytes(&file.to_bytes(), KIND).unwrap())
                .unwrap();
        assert_eq!(again.to_weight_file(), file);
        assert_eq!(again.lookup("US").unwrap().canonical, "United States");
    }

    #[test]
    fn shipped_gazetteer_knows_the_basics() {
        let dir = crate::Analyzer::default_dir();
        let g = Gazetteer::load(&dir).unwrap();
        for name in ["U.S.", "US", "United States", "America"] {
            assert_eq!(
                g.lookup(name).map(|e| e.canonical.as_str()),
                Some("United States"),
                "{name}"
            );
        }
        assert_eq!(
            g.demonym("Mexican").map(|e| e.canonical.as_str()),
            Some("Mexico")
        );
        assert!(g.is_title("secretary of state"));
        assert!(g.is_title("ambassador"));
    }
}
