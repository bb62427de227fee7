//! GraphML: the graph as XML for networkx (`read_graphml`), Gephi, yEd and
//! Cytoscape.
//!
//! Every attribute is declared once with a typed `<key>` (string, int,
//! double, boolean) so readers get numbers and booleans, not strings; a value
//! that is unknown is simply left out (GraphML's way of saying null). Edges
//! carry their fact id as `id`, which networkx uses as the multigraph key.
//! Written by hand rather than with an XML library: the format is small and
//! flat, and escaping is the only subtle part.

use std::io::Write;

use super::{escape_markup, GraphError, KnowledgeGraph};

/// Node attributes: (key id, attribute name, GraphML type).
const NODE_KEYS: [(&str, &str, &str); 8] = [
    ("n_label", "label", "string"),
    ("n_type", "type", "string"),
    ("n_iri", "iri", "string"),
    ("n_aliases", "aliases", "string"),
    ("n_titles", "titles", "string"),
    ("n_part_of", "part_of", "string"),
    ("n_mentions", "mentions", "int"),
    ("n_documents", "documents", "int"),
];

/// Edge attributes: (key id, attribute name, GraphML type).
const EDGE_KEYS: [(&str, &str, &str); 13] = [
    ("e_label", "label", "string"),
    ("e_relation", "relation", "string"),
    ("e_stance", "stance", "string"),
    ("e_negated", "negated", "boolean"),
    ("e_modality", "modality", "string"),
    ("e_reported", "reported", "boolean"),
    ("e_attributed_to", "attributed_to", "string"),
    ("e_speaker", "speaker", "string"),
    ("e_confidence", "confidence", "double"),
    ("e_document", "document", "string"),
    ("e_sentence", "sentence", "string"),
    ("e_char_start", "char_start", "int"),
    ("e_char_end", "char_end", "int"),
];

impl KnowledgeGraph {
    /// Writes the graph as a GraphML document (directed, parallel edges allowed).
    pub fn write_graphml(&self, out: &mut dyn Write) -> Result<(), GraphError> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        for (target, keys) in [("node", &NODE_KEYS[..]), ("edge", &EDGE_KEYS[..])] {
            for (id, name, kind) in keys {
                writeln!(
                    out,
                    r#"  <key id="{id}" for="{target}" attr.name="{name}" attr.type="{kind}"/>"#
                )?;
            }
        }
        writeln!(out, r#"  <graph id="newskg" edgedefault="directed">"#)?;
        for node in self.nodes() {
            writeln!(out, r#"    <node id="{}">"#, escape_markup(&node.id))?;
            data(out, "n_label", &node.label)?;
            data(out, "n_type", node.kind.as_str())?;
            data(out, "n_iri", &node.iri)?;
            if !node.aliases.is_empty() {
                data(out, "n_aliases", &node.aliases.join("; "))?;
            }
            if !node.titles.is_empty() {
                data(out, "n_titles", &node.titles.join("; "))?;
            }
            if !node.part_of.is_empty() {
                data(out, "n_part_of", &node.part_of.join("; "))?;
            }
            data(out, "n_mentions", &node.mentions.to_string())?;
            data(out, "n_documents", &node.documents.to_string())?;
            writeln!(out, "    </node>")?;
        }
        for (source, target, edge) in self.edges() {
            writeln!(
                out,
                r#"    <edge id="{}" source="{}" target="{}">"#,
                escape_markup(&edge.id),
                escape_markup(&source.id),
                escape_markup(&target.id)
            )?;
            let label = if edge.negated {
                format!("NOT {}", edge.relation)
            } else {
                edge.relation.clone()
            };
            data(out, "e_label", &label)?;
            data(out, "e_relation", &edge.relation)?;
            if let Some(stance) = &edge.stance {
                data(out, "e_stance", stance)?;
            }
            data(out, "e_negated", bool_str(edge.negated))?;
            data(out, "e_modality", &edge.modality)?;
            data(out, "e_reported", bool_str(edge.is_reported()))?;
            if let Some(speaker) = &edge.attributed_to {
                data(out, "e_attributed_to", speaker)?;
                data(out, "e_speaker", self.label_of(speaker))?;
            }
            if let Some(confidence) = edge.confidence.filter(|c| c.is_finite()) {
                data(out, "e_confidence", &confidence.to_string())?;
            }
            data(out, "e_document", &edge.document)?;
            if let Some(sentence) = &edge.sentence {
                data(out, "e_sentence", sentence)?;
            }
            if let Some(start) = edge.char_start {
                data(out, "e_char_start", &start.to_string())?;
            }
            if let Some(end) = edge.char_end {
                data(out, "e_char_end", &end.to_string())?;
            }
            writeln!(out, "    </edge>")?;
        }
        writeln!(out, "  </graph>")?;
        writeln!(out, "</graphml>")?;
        Ok(())
    }
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

fn data(out: &mut dyn Write, key: &str, value: &str) -> Result<(), GraphError> {
    writeln!(
        out,
        r#"      <data key="{key}">{}</data>"#,
        escape_markup(value)
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use quick_xml::events::Event;
    use quick_xml::Reader;

    use super::super::fixture;
    use super::*;

    fn graphml() -> String {
        let graph = KnowledgeGraph::from_store(&fixture::news()).unwrap();
        let mut out = Vec::new();
        graph.write_graphml(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn graphml_is_well_formed_and_typed() {
        let xml = graphml();
        let mut reader = Reader::from_str(&xml);
        let (mut keys, mut nodes, mut edges, mut texts) = (Vec::new(), 0, 0, Vec::new());
        loop {
            match reader.read_event().unwrap() {
                Event::Eof => break,
                Event::Empty(e) if e.name().as_ref() == b"key" => {
                    let attr = |name: &[u8]| {
                        let a = e.try_get_attribute(name).unwrap().unwrap();
                        String::from_utf8(a.value.into_owned()).unwrap()
                    };
                    keys.push((attr(b"for"), attr(b"attr.name"), attr(b"attr.type")));
                }
                Event::Start(e) if e.name().as_ref() == b"node" => nodes += 1,
                Event::Start(e) if e.name().as_ref() == b"edge" => edges += 1,
                Event::Text(t) => texts.push(t.unescape().unwrap().into_owned()),
                _ => {}
            }
        }
        let has = |f: &str, n: &str, t: &str| keys.contains(&(f.into(), n.into(), t.into()));
        assert!(has("node", "label", "string"));
        assert!(has("node", "mentions", "int"));
        assert!(has("edge", "negated", "boolean"));
        assert!(has("edge", "confidence", "double"));
        assert_eq!((nodes, edges), (8, 5));
        assert!(
            texts.iter().any(|t| t == "fentanyl & <pills>"),
            "escaped and read back"
        );
        assert!(texts.iter().any(|t| t == "NOT issue"));
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape_markup("a<b>&\"c'\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&apos;"
        );
    }
}
