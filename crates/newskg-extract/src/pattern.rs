//! The constructions facts are read from.

use serde::{Deserialize, Serialize};

/// Which construction a fact was read from. Each has a prior confidence:
/// how often its readings are right before the parse and the sentence are
/// taken into account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// Subject, verb, object ("Mexico rejected the plan").
    Svo,
    /// A verb with two objects ("gave the agency a deadline").
    Ditransitive,
    /// A chain of verbs read as one relation ("refused to confirm").
    Xcomp,
    /// A relative clause, its antecedent filling the gap.
    Relcl,
    /// A participle modifying a noun ("an order designating cartels").
    Participle,
    /// A passive with its `by` agent, turned active.
    PassiveAgent,
    /// A passive without an agent ("was signed").
    Passive,
    /// A copula with a nominal ("X is a maker of chips").
    Copula,
    /// A copula with an adjective ("the firm is keen").
    CopulaAdj,
    /// A copula with a relational noun ("X is the president of Y").
    CopulaRel,
    /// An apposition ("Rubio, the secretary of state").
    Appos,
    /// An event noun with its agent ("Mexico's rejection of the plan").
    Nominal,
    /// A title before or after a name ("Mexican President Claudia Sheinbaum").
    Title,
}

impl Pattern {
    /// The name used in JSON output and the RDF model ("svo", "passive_agent").
    pub fn as_str(self) -> &'static str {
        match self {
            Pattern::Svo => "svo",
            Pattern::Ditransitive => "ditransitive",
            Pattern::Xcomp => "xcomp",
            Pattern::Relcl => "relcl",
            Pattern::Participle => "participle",
            Pattern::PassiveAgent => "passive_agent",
            Pattern::Passive => "passive",
            Pattern::Copula => "copula",
            Pattern::CopulaAdj => "copula_adj",
            Pattern::CopulaRel => "copula_rel",
            Pattern::Appos => "appos",
            Pattern::Nominal => "nominal",
            Pattern::Title => "title",
        }
    }

    /// How reliable the pattern's readings are, before the parse penalty.
    pub(crate) fn prior(self) -> f32 {
        match self {
            Pattern::Svo => 0.9,
            Pattern::Ditransitive | Pattern::PassiveAgent | Pattern::Title => 0.85,
            Pattern::CopulaRel | Pattern::Xcomp => 0.8,
            Pattern::Relcl | Pattern::Participle => 0.75,
            Pattern::Copula => 0.7,
            Pattern::Passive => 0.65,
            Pattern::Appos => 0.6,
            Pattern::Nominal => 0.55,
            Pattern::CopulaAdj => 0.4,
        }
    }
}
