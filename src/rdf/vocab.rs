//! The RDF vocabulary of docs/rdf-model.md: namespaces, the terms we use,
//! and [`Ids`], which makes instance IRIs under a (configurable) base.
//!
//! Every IRI the mapping writes comes from here, so the model can be read
//! in one place and the named queries, graph exports and mapping agree.

use oxigraph::model::NamedNode;

use crate::input::DocId;
use crate::kg::{slug, EntityId};

use super::StoreError;

/// The newskg vocabulary namespace (`nkg:`).
pub const NKG: &str = "https://w3id.org/newskg/ns#";
/// The default instance base (`id:`), overridable with [`Ids::new`].
pub const DEFAULT_BASE: &str = "https://w3id.org/newskg/id/";
/// schema.org (`schema:`).
pub const SCHEMA: &str = "http://schema.org/";
/// PROV-O (`prov:`).
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// RDF Schema (`rdfs:`).
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// RDF (`rdf:`).
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// SKOS (`skos:`).
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// XML Schema datatypes (`xsd:`).
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// `nkg:entityCount` (document graph): the entities the document mentions
/// (its `schema:mentions`). Precomputed for the article-summary query.
pub const ENTITY_COUNT: &str = "entityCount";
/// `nkg:factCount` (document graph): the statement nodes (`nkg:Fact`) of
/// the document, negated ones included.
pub const FACT_COUNT: &str = "factCount";
/// `nkg:negatedFactCount` (document graph): the document's facts with
/// `nkg:negated true`.
pub const NEGATED_FACT_COUNT: &str = "negatedFactCount";
/// `nkg:totalMentions` (entity graph): the entity's `nkg:mentionCount`
/// summed over every stored document. Kept by the store at each ingest,
/// replacement and batch (never by the mapping: it is a property of the
/// whole store); read by the most-mentioned query.
pub const TOTAL_MENTIONS: &str = "totalMentions";
/// `nkg:documentCount` (entity graph): the stored documents that mention
/// the entity. Kept with [`TOTAL_MENTIONS`].
pub const DOCUMENT_COUNT: &str = "documentCount";

/// `nkg:StanceLink` (document graph): how one entity stands towards another
/// in the document: its entity-to-entity facts that are not negated, with
/// one stance, counted. Precomputed for the stance-network query (store
/// format 3), which sums these instead of joining every fact of the store.
pub const STANCE_LINK: &str = "StanceLink";
/// `nkg:linkSource` (document graph): the entity a stance link starts from,
/// the facts' subject.
pub const LINK_SOURCE: &str = "linkSource";
/// `nkg:linkTarget` (document graph): the entity a stance link goes to, the
/// facts' object.
pub const LINK_TARGET: &str = "linkTarget";
/// `nkg:linkStance` (document graph): the stance of a link's facts
/// (`nkg:Oppose`, `nkg:Support`, ...).
pub const LINK_STANCE: &str = "linkStance";
/// `nkg:linkFacts` (document graph): how many of the document's facts a
/// stance link stands for.
pub const LINK_FACTS: &str = "linkFacts";

/// The prefixes used in serialisations, query results and `--param`
/// values, and predeclared in queries, with the default instance base for
/// `id:`. SPARQL and Turtle forbid `/` in a prefixed name, so `id:entity/x`
/// is written `entity:x` there (both are accepted as `--param` values).
pub const PREFIXES: [(&str, &str); 14] = [
    ("nkg", NKG),
    ("id", DEFAULT_BASE),
    ("entity", "https://w3id.org/newskg/id/entity/"),
    ("concept", "https://w3id.org/newskg/id/concept/"),
    ("rel", "https://w3id.org/newskg/id/rel/"),
    ("doc", "https://w3id.org/newskg/id/doc/"),
    ("fact", "https://w3id.org/newskg/id/fact/"),
    ("run", "https://w3id.org/newskg/id/run/"),
    ("schema", SCHEMA),
    ("prov", PROV),
    ("rdfs", RDFS),
    ("rdf", RDF),
    ("skos", SKOS),
    ("xsd", XSD),
];

/// A term of a namespace, e.g. `term(NKG, "Fact")`.
pub fn term(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

/// Instance IRIs (entities, documents, facts, ...) under one base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ids {
    base: String,
}

impl Default for Ids {
    fn default() -> Ids {
        Ids {
            base: DEFAULT_BASE.to_owned(),
        }
    }
}

impl Ids {
    /// Instance IRIs under `base` (an absolute IRI, ending in `/` or `#`).
    pub fn new(base: &str) -> Result<Ids, StoreError> {
        NamedNode::new(base).map_err(|source| StoreError::BadBaseIri {
            base: base.to_owned(),
            source,
        })?;
        if !base.ends_with(['/', '#']) {
            return Err(StoreError::BaseIriEnd {
                base: base.to_owned(),
            });
        }
        Ok(Ids {
            base: base.to_owned(),
        })
    }

    /// The base IRI.
    pub fn base(&self) -> &str {
        &self.base
    }

    fn iri(&self, kind: &str, local: &str) -> NamedNode {
        // Slugs and hex ids are IRI-safe; anything else is percent-encoded.
        let mut iri = format!("{}{kind}/", self.base);
        for c in local.chars() {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~') {
                iri.push(c);
            } else {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    iri.push_str(&format!("%{b:02X}"));
                }
            }
        }
        NamedNode::new_unchecked(iri)
    }

    /// `id:entity/<id>`.
    pub fn entity(&self, id: &EntityId) -> NamedNode {
        self.iri("entity", &id.0)
    }

    /// `id:concept/<slug of label>`.
    pub fn concept(&self, label: &str) -> NamedNode {
        self.iri("concept", &slug(label))
    }

    /// `id:rel/<slug of relation>`.
    pub fn relation(&self, relation: &str) -> NamedNode {
        self.iri("rel", &slug(relation))
    }

    /// `id:doc/<DocId>`, the document node and the name of its graph.
    pub fn doc(&self, id: &DocId) -> NamedNode {
        self.iri("doc", &id.0)
    }

    /// `id:fact/<hash>`.
    pub fn fact(&self, hash: &str) -> NamedNode {
        self.iri("fact", hash)
    }

    /// `id:run/<id>`.
    pub fn run(&self, id: &str) -> NamedNode {
        self.iri("run", id)
    }

    /// `id:graph/entities`, the graph of entity descriptions.
    pub fn entities_graph(&self) -> NamedNode {
        self.iri("graph", "entities")
    }

    /// The entity id of an `id:entity/…` IRI, if it is one.
    pub fn entity_id(&self, iri: &str) -> Option<EntityId> {
        let local = iri.strip_prefix(&self.base)?.strip_prefix("entity/")?;
        Some(EntityId(percent_decode(local)))
    }
}

fn percent_decode(s: &str) -> String {
    // Most ids have no escape: copied as they are (the loop below would
    // give the same), which matters when an ingest reads the 40,000 entity
    // IRIs of the resolver snapshot of the 21k-article bench.
    if !s.contains('%') {
        return s.to_owned();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes `iri` compactly as `prefix:local` with the longest known prefix
/// that leaves a valid simple local name (`entity:claudia-sheinbaum`), else
/// as `<iri>`; the result can be pasted into a query or a `--param`.
pub fn compact(iri: &str) -> String {
    let mut best: Option<(&str, &str)> = None;
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            let simple = !local.is_empty()
                && local
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
                && !local.ends_with('.')
                && !local.starts_with(['-', '.']);
            if simple && best.is_none_or(|(_, l)| local.len() < l.len()) {
                best = Some((prefix, local));
            }
        }
    }
    match best {
        Some((prefix, local)) => format!("{prefix}:{local}"),
        None => format!("<{iri}>"),
    }
}

/// Expands `prefix:local` with a known prefix into an IRI.
pub fn expand(value: &str) -> Option<String> {
    let (prefix, local) = value.split_once(':')?;
    let ns = PREFIXES.iter().find(|(p, _)| *p == prefix)?.1;
    let ok = !local.is_empty()
        && !local.starts_with("//")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.' | '%' | '~'));
    ok.then(|| format!("{ns}{local}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_safe() {
        let ids = Ids::default();
        let e = ids.entity(&EntityId("claudia-sheinbaum".into()));
        assert_eq!(
            e.as_str(),
            "https://w3id.org/newskg/id/entity/claudia-sheinbaum"
        );
        assert_eq!(
            ids.entity_id(e.as_str()),
            Some(EntityId("claudia-sheinbaum".into()))
        );
        let odd = ids.entity(&EntityId("a b>\"c".into()));
        assert!(NamedNode::new(odd.as_str()).is_ok());
        assert_eq!(
            ids.entity_id(odd.as_str()),
            Some(EntityId("a b>\"c".into()))
        );
        assert_eq!(
            ids.concept("U.S. military intervention").as_str(),
            format!("{DEFAULT_BASE}concept/us-military-intervention")
        );
        assert_eq!(
            ids.relation("rule out").as_str(),
            format!("{DEFAULT_BASE}rel/rule-out")
        );
        assert!(Ids::new("not an iri").is_err());
        assert!(Ids::new("https://example.org/kg").is_err());
        assert!(Ids::new("https://example.org/kg/").is_ok());
    }

    #[test]
    fn compact_and_expand() {
        assert_eq!(compact(&format!("{DEFAULT_BASE}entity/x")), "entity:x");
        assert_eq!(
            compact(&format!("{DEFAULT_BASE}graph/entities")),
            "<https://w3id.org/newskg/id/graph/entities>"
        );
        assert_eq!(
            expand("entity:x").as_deref(),
            Some(&*format!("{DEFAULT_BASE}entity/x"))
        );
        assert_eq!(compact(&format!("{NKG}Oppose")), "nkg:Oppose");
        assert_eq!(compact("http://other.org/a b"), "<http://other.org/a b>");
        assert_eq!(
            expand("id:entity/x").as_deref(),
            Some(&*format!("{DEFAULT_BASE}entity/x"))
        );
        assert_eq!(expand("Claudia Sheinbaum"), None);
        assert_eq!(expand("note: this"), None);
        assert_eq!(expand("http://x.org/"), None);
    }
}
