//! Test stores written straight in the RDF model of `docs/rdf-model.md`, so the
//! graph module is tested without the extraction pipeline or the rdf module.

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use oxigraph::store::Store;

const ID: &str = "https://w3id.org/newskg/id/";
const NKG: &str = "https://w3id.org/newskg/ns#";
const SCHEMA: &str = "http://schema.org/";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const SKOS_CONCEPT: &str = "http://www.w3.org/2004/02/skos/core#Concept";
const PROV_DERIVED: &str = "http://www.w3.org/ns/prov#wasDerivedFrom";

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn id(local: &str) -> NamedNode {
    iri(&format!("{ID}{local}"))
}

fn nkg(local: &str) -> NamedNode {
    iri(&format!("{NKG}{local}"))
}

fn schema(local: &str) -> NamedNode {
    iri(&format!("{SCHEMA}{local}"))
}

/// Options of one fact beyond its triple.
#[derive(Default)]
pub struct FactOpts<'a> {
    pub negated: bool,
    pub speaker: Option<&'a str>,
    pub stance: Option<&'a str>,
    pub sentence: Option<&'a str>,
}

/// Writes quads of the model into an in-memory store.
pub struct Fixture {
    pub store: Store,
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture {
            store: Store::new().unwrap(),
        }
    }

    fn add(&self, s: NamedNode, p: NamedNode, o: impl Into<Term>, g: &NamedNode) {
        self.store
            .insert(&Quad::new(s, p, o, GraphName::NamedNode(g.clone())))
            .unwrap();
    }

    /// An entity `id:entity/<slug>` of `kind` (Person, Organization, Place, Misc).
    pub fn entity(&self, slug: &str, kind: &str, label: &str) -> &Self {
        let g = id("graph/entities");
        let e = id(&format!("entity/{slug}"));
        let class = if kind == "Misc" {
            nkg("Misc")
        } else {
            schema(kind)
        };
        self.add(e.clone(), rdf::TYPE.into_owned(), class, &g);
        self.add(e.clone(), iri(RDFS_LABEL), Literal::from(label), &g);
        self.add(e.clone(), schema("name"), Literal::from(label), &g);
        self.add(e, nkg("entityType"), Literal::from(kind), &g);
        self
    }

    /// A property of an entity in the entities graph.
    pub fn describe(&self, slug: &str, property: &str, value: &str) -> &Self {
        let e = id(&format!("entity/{slug}"));
        self.add(
            e,
            schema(property),
            Literal::from(value),
            &id("graph/entities"),
        );
        self
    }

    /// Document `id:doc/<doc>` with its mention counts.
    pub fn document(&self, doc: &str, mentions: &[(&str, u64)]) -> &Self {
        let d = id(&format!("doc/{doc}"));
        self.add(d.clone(), rdf::TYPE.into_owned(), schema("NewsArticle"), &d);
        self.add(d.clone(), schema("headline"), Literal::from(doc), &d);
        for &(slug, n) in mentions {
            let e = id(&format!("entity/{slug}"));
            self.add(d.clone(), schema("mentions"), e.clone(), &d);
            self.add(e, nkg("mentionCount"), Literal::from(n as i64), &d);
        }
        self
    }

    /// Document `doc` says entity `part` is a part of entity `whole`.
    pub fn part_of(&self, doc: &str, part: &str, whole: &str) -> &Self {
        let d = id(&format!("doc/{doc}"));
        let (p, w) = (
            id(&format!("entity/{part}")),
            id(&format!("entity/{whole}")),
        );
        self.add(p, nkg("partOf"), w, &d);
        self
    }

    /// A concept in a document graph.
    pub fn concept(&self, doc: &str, slug: &str, label: &str) -> &Self {
        let d = id(&format!("doc/{doc}"));
        let c = id(&format!("concept/{slug}"));
        self.add(c.clone(), rdf::TYPE.into_owned(), iri(SKOS_CONCEPT), &d);
        self.add(c, iri(RDFS_LABEL), Literal::from(label), &d);
        self
    }

    /// A relation node with its label and stance, in a document graph.
    pub fn relation(&self, doc: &str, slug: &str, label: &str, stance: &str) -> &Self {
        let d = id(&format!("doc/{doc}"));
        let r = id(&format!("rel/{slug}"));
        self.add(r.clone(), rdf::TYPE.into_owned(), nkg("Relation"), &d);
        self.add(r.clone(), iri(RDFS_LABEL), Literal::from(label), &d);
        self.add(r, nkg("stance"), nkg(stance), &d);
        self
    }

    /// A fact `s rel o` (`s`, `o` like "entity/x" or "concept/y") with its
    /// statement node `id:fact/<hash>`; the direct triple only when not negated.
    pub fn fact(
        &self,
        doc: &str,
        hash: &str,
        s: &str,
        rel: &str,
        o: &str,
        opts: FactOpts<'_>,
    ) -> &Self {
        let d = id(&format!("doc/{doc}"));
        let (s, p, o) = (id(s), id(&format!("rel/{rel}")), id(o));
        let f = id(&format!("fact/{hash}"));
        if !opts.negated {
            self.add(s.clone(), p.clone(), o.clone(), &d);
        }
        self.add(f.clone(), rdf::TYPE.into_owned(), nkg("Fact"), &d);
        self.add(f.clone(), nkg("subject"), s, &d);
        self.add(f.clone(), nkg("predicate"), p, &d);
        self.add(f.clone(), nkg("object"), o, &d);
        self.add(f.clone(), nkg("negated"), Literal::from(opts.negated), &d);
        let modality = if opts.speaker.is_some() {
            "Reported"
        } else {
            "Asserted"
        };
        self.add(f.clone(), nkg("modality"), nkg(modality), &d);
        if let Some(stance) = opts.stance {
            self.add(f.clone(), nkg("stance"), nkg(stance), &d);
        }
        if let Some(speaker) = opts.speaker {
            self.add(f.clone(), nkg("attributedTo"), id(speaker), &d);
        }
        let sentence = opts.sentence.unwrap_or("A sentence.");
        self.add(f.clone(), nkg("sentence"), Literal::from(sentence), &d);
        self.add(
            f.clone(),
            nkg("confidence"),
            Literal::new_typed_literal("0.87", xsd::DOUBLE),
            &d,
        );
        self.add(
            f.clone(),
            nkg("charStart"),
            Literal::new_typed_literal("120", xsd::INTEGER),
            &d,
        );
        self.add(
            f.clone(),
            nkg("charEnd"),
            Literal::new_typed_literal("245", xsd::INTEGER),
            &d,
        );
        self.add(f.clone(), nkg("pattern"), Literal::from("svo"), &d);
        self.add(f, iri(PROV_DERIVED), d.clone(), &d);
        self
    }
}

/// Two small news documents: an opposition fact, a negated fact, a reported
/// fact, a role, and a second component (CBP seizes fentanyl).
pub fn news() -> Store {
    let fx = Fixture::new();
    fx.entity("claudia-sheinbaum", "Person", "Claudia Sheinbaum")
        .describe("claudia-sheinbaum", "alternateName", "Sheinbaum")
        .describe("claudia-sheinbaum", "alternateName", "President Sheinbaum")
        .describe("claudia-sheinbaum", "jobTitle", "president")
        .entity("mexico", "Place", "Mexico")
        .entity("white-house", "Organization", "White House")
        .entity("donald-trump", "Person", "Donald Trump")
        .entity("cbp", "Organization", "CBP")
        .describe("cbp", "alternateName", "Customs and Border Protection");
    fx.add(
        id("entity/mexico"),
        rdf::TYPE.into_owned(),
        schema("Country"),
        &id("graph/entities"),
    );
    fx.document(
        "d1",
        &[
            ("claudia-sheinbaum", 7),
            ("mexico", 3),
            ("white-house", 2),
            ("donald-trump", 4),
        ],
    )
    .concept(
        "d1",
        "us-military-intervention",
        "U.S. military intervention",
    )
    .concept("d1", "directive", "directive")
    .relation("d1", "rule-out", "rule out", "Oppose")
    .relation("d1", "issue", "issue", "Enact")
    .relation("d1", "threaten", "threaten", "Threaten")
    .fact(
        "d1",
        "a1",
        "entity/claudia-sheinbaum",
        "rule-out",
        "concept/us-military-intervention",
        FactOpts {
            stance: Some("Oppose"),
            sentence: Some("Sheinbaum ruled out a \"U.S. military intervention\".\nShe said so."),
            ..FactOpts::default()
        },
    )
    .fact(
        "d1",
        "a2",
        "entity/white-house",
        "issue",
        "concept/directive",
        FactOpts {
            negated: true,
            ..FactOpts::default()
        },
    )
    .fact(
        "d1",
        "a3",
        "entity/donald-trump",
        "threaten",
        "entity/mexico",
        FactOpts {
            speaker: Some("entity/claudia-sheinbaum"),
            stance: Some("Threaten"),
            ..FactOpts::default()
        },
    );
    fx.document("d2", &[("claudia-sheinbaum", 2), ("cbp", 1)])
        .concept("d2", "fentanyl", "fentanyl & <pills>")
        .relation("d2", "lead", "lead", "Role")
        .relation("d2", "seize", "seize", "Enact")
        .fact(
            "d2",
            "b1",
            "entity/claudia-sheinbaum",
            "lead",
            "entity/mexico",
            FactOpts::default(),
        )
        .fact(
            "d2",
            "b2",
            "entity/cbp",
            "seize",
            "concept/fentanyl",
            FactOpts::default(),
        );
    fx.store
}

/// A star: `centre` linked to `n` leaves (facts pointing both ways), plus a
/// chain leaf0 – far0 – farther0 so depths can be told apart.
pub fn star(n: usize) -> Store {
    let fx = Fixture::new();
    fx.entity("centre", "Person", "Centre")
        .document("s", &[("centre", 1)]);
    fx.relation("s", "meet", "meet", "Meet");
    for i in 0..n {
        let leaf = format!("leaf{i}");
        fx.entity(&leaf, "Organization", &format!("Leaf {i}"));
        let (s, o) = if i % 2 == 0 {
            ("entity/centre".to_owned(), format!("entity/{leaf}"))
        } else {
            (format!("entity/{leaf}"), "entity/centre".to_owned())
        };
        fx.fact("s", &format!("f{i}"), &s, "meet", &o, FactOpts::default());
    }
    fx.entity("far0", "Place", "Far 0")
        .entity("farther0", "Place", "Farther 0");
    fx.fact(
        "s",
        "g1",
        "entity/leaf0",
        "meet",
        "entity/far0",
        FactOpts::default(),
    );
    fx.fact(
        "s",
        "g2",
        "entity/far0",
        "meet",
        "entity/farther0",
        FactOpts::default(),
    );
    fx.store
}
