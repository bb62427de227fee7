//! The extraction stage's data: document-level entities, mentions and facts.

use serde::{Deserialize, Serialize};

use crate::Pattern;
use newskg_nlp::{AnalyzedDoc, EntityLabel, Span};

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MentionKind {
    /// A proper name ("Claudia Sheinbaum", "Sheinbaum", "CBP").
    Name,
    /// A definite description ("the Mexican president").
    Nominal,
    /// A pronoun ("she", "its").
    Pronoun,
}

/// One place in the text where an entity is mentioned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Index of the sentence in [`AnalyzedDoc::sentences`].
    pub sentence: usize,
    /// Token range in that sentence, end exclusive.
    pub tokens: std::ops::Range<usize>,
    /// Byte span in the document text.
    pub span: Span,
    /// The mention's text, as written.
    pub text: String,
    /// Name, description or pronoun.
    pub kind: MentionKind,
    /// The entity it refers to: an index into [`DocFacts::entities`].
    pub entity: usize,
}

/// An entity as one document knows it: a coreference cluster of mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocEntity {
    /// The fullest proper name found ("Claudia Sheinbaum").
    pub label: String,
    /// Coarse type.
    pub label_type: EntityLabel,
    /// Finer type when known ("Country", "City").
    pub subtype: Option<String>,
    /// Every other name it goes by in this document ("Sheinbaum", "President Sheinbaum").
    pub aliases: Vec<String>,
    /// Titles and roles ("president", "secretary of state").
    pub titles: Vec<String>,
    /// How many mentions refer to it (names, descriptions and pronouns).
    pub mentions: usize,
    /// The entity it is a part of, an index into [`DocFacts::entities`]: a
    /// body of a state and its country ("the Norwegian government" →
    /// Norway). A link of the graph (`nkg:partOf`), not a fact: "Norway
    /// government | government of | Norway" would say nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<usize>,
}

/// One side of a fact: a named entity, or a concept named by a noun phrase.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Argument {
    /// An index into [`DocFacts::entities`].
    Entity(usize),
    /// A non-named thing ("U.S. military intervention").
    Concept {
        /// The compact noun phrase.
        label: String,
        /// Lemma of its head noun ("intervention").
        head: String,
    },
    /// What a clause states, as the fact read from it: an index into
    /// [`DocFacts::facts`]. "The Times revealed that Trump signed the
    /// directive": the Times reveal → (Trump sign directive).
    Statement(usize),
    /// No other side: the object of a fact read from a clause with a verb
    /// and no object, which only a statement reports ("Ruiz said the talks
    /// had failed": Ruiz say → (talks fail)). Such a fact is what was said,
    /// never an edge of its own.
    Absent,
}

/// How firmly the text asserts a fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Modality {
    /// Stated as true by the text itself.
    Asserted,
    /// Stated by someone the text quotes or cites.
    Reported,
    /// Hedged: would, could, may, might, possible.
    Possible,
}

impl Modality {
    /// The name used in JSON output and the RDF model.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "Asserted",
            Modality::Reported => "Reported",
            Modality::Possible => "Possible",
        }
    }
}

/// The stance class of a relation, from the relation lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Stance {
    Oppose,
    Support,
    Praise,
    Criticize,
    Cooperate,
    Threaten,
    Accuse,
    Report,
    Enact,
    Designate,
    Meet,
    Attack,
    Role,
}

impl Stance {
    /// Every stance, in a fixed order.
    pub const ALL: [Stance; 13] = [
        Stance::Oppose,
        Stance::Support,
        Stance::Praise,
        Stance::Criticize,
        Stance::Cooperate,
        Stance::Threaten,
        Stance::Accuse,
        Stance::Report,
        Stance::Enact,
        Stance::Designate,
        Stance::Meet,
        Stance::Attack,
        Stance::Role,
    ];

    /// The name used in JSON output and the RDF model ("Oppose").
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Oppose => "Oppose",
            Stance::Support => "Support",
            Stance::Praise => "Praise",
            Stance::Criticize => "Criticize",
            Stance::Cooperate => "Cooperate",
            Stance::Threaten => "Threaten",
            Stance::Accuse => "Accuse",
            Stance::Report => "Report",
            Stance::Enact => "Enact",
            Stance::Designate => "Designate",
            Stance::Meet => "Meet",
            Stance::Attack => "Attack",
            Stance::Role => "Role",
        }
    }

    /// Parses the name written by [`Stance::as_str`].
    pub fn from_name(name: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// One fact, grounded in one sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Who or what the fact is about.
    pub subject: Argument,
    /// Normalised relation: verb lemma plus particle or preposition
    /// ("reject", "rule out", "stem from", "president of").
    pub relation: String,
    /// Stance class of the relation, where the lexicon knows one.
    pub stance: Option<Stance>,
    /// The other side.
    pub object: Argument,
    /// True where the text denies the relation ("did not confirm").
    pub negated: bool,
    /// Asserted, reported or possible.
    pub modality: Modality,
    /// The modal auxiliary of its clause, as a word of its own ("would",
    /// "can"; "won't" gives "will"), where one hedges it: part of the
    /// words a statement that reports the fact shows ("Kessel said prices
    /// could fall": Kessel say (prices could fall)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modal: Option<String>,
    /// The condition its clause is stated under, as words ("if rates
    /// rise"): part of what a statement that reports the fact shows
    /// ("Kessel said prices would fall if rates rose": Kessel say (prices
    /// would fall if rates rise)); without it a forecast reads as
    /// unconditional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// Who the text attributes the fact to ("X said that ..."), if anyone.
    pub attributed_to: Option<Argument>,
    /// 0..1: how sure the extractor is (from the pattern and the parse).
    pub confidence: f32,
    /// Index of the sentence in [`AnalyzedDoc::sentences`].
    pub sentence: usize,
    /// Which construction it was read from.
    pub pattern: Pattern,
    /// Where the object reads inside the relation, when not after it: the
    /// number of relation words before it. A relation that carries what the
    /// verb makes of its object ("urge to resign", "name chief executive",
    /// "make cheaper") reads with the object after its verb: "urge Kessel
    /// to resign" (1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_inside: Option<usize>,
}

/// Everything extraction finds in one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocFacts {
    /// The analysed document, unchanged.
    pub analyzed: AnalyzedDoc,
    /// Entities of this document (coreference clusters).
    pub entities: Vec<DocEntity>,
    /// Every mention, each pointing at its entity.
    pub mentions: Vec<Mention>,
    /// Facts in text order.
    pub facts: Vec<Fact>,
}

impl DocFacts {
    /// Each entity that is a part of another ([`DocEntity::part_of`]) with
    /// its whole, as the `ids` its entities were given (one per entity, in
    /// order): a whole out of range, or one that resolved to the part
    /// itself, is left out.
    pub fn part_of_links<'a, T: PartialEq>(
        &'a self,
        ids: &'a [T],
    ) -> impl Iterator<Item = (&'a T, &'a T)> + 'a {
        self.entities.iter().zip(ids).filter_map(|(entity, id)| {
            let whole = entity.part_of.and_then(|p| ids.get(p))?;
            (whole != id).then_some((id, whole))
        })
    }
}
