//! CSV: a nodes file and an edges file with the header conventions of
//! `neo4j-admin database import` (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`,
//! `:TYPE`, typed columns like `mentions:int`), which pandas and spreadsheets
//! read as ordinary headers.
//!
//! Fields are quoted per RFC 4180 when needed (a comma, a quote). Line breaks
//! inside values become spaces, so each record is one line and Neo4j's
//! importer needs no `--multiline-fields`. Array columns (`aliases:string[]`)
//! use `;`, Neo4j's default array delimiter; an empty value is null.
//!
//! ```text
//! newskg export --format csv -o DIR   # DIR/nodes.csv, DIR/edges.csv
//! neo4j-admin database import full --nodes=DIR/nodes.csv --relationships=DIR/edges.csv
//! ```

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::{GraphError, KnowledgeGraph};

/// Header of `nodes.csv`.
pub const NODES_HEADER: &str =
    ":ID,name,:LABEL,type,iri,aliases:string[],titles:string[],mentions:int,documents:int";

/// Header of `edges.csv`.
pub const EDGES_HEADER: &str = ":START_ID,:END_ID,:TYPE,fact,relation,stance,negated:boolean,modality,reported:boolean,attributed_to,confidence:double,document,sentence,char_start:int,char_end:int";

impl KnowledgeGraph {
    /// Writes `nodes.csv` and `edges.csv` into folder `dir` (created if needed).
    pub fn write_csv_dir(&self, dir: &Path) -> Result<(), GraphError> {
        std::fs::create_dir_all(dir)?;
        let mut nodes = BufWriter::new(File::create(dir.join("nodes.csv"))?);
        self.write_csv_nodes(&mut nodes)?;
        nodes.flush()?;
        let mut edges = BufWriter::new(File::create(dir.join("edges.csv"))?);
        self.write_csv_edges(&mut edges)?;
        edges.flush()?;
        Ok(())
    }

    /// Writes one line per node, after [`NODES_HEADER`]. The Neo4j label is
    /// `Entity;<Type>` for entities and `Concept` for concepts.
    pub fn write_csv_nodes(&self, out: &mut dyn Write) -> Result<(), GraphError> {
        writeln!(out, "{NODES_HEADER}")?;
        for node in self.nodes() {
            let labels = if node.kind.is_entity() {
                format!("Entity;{}", node.kind)
            } else {
                node.kind.to_string()
            };
            let row = [
                field(&node.id),
                field(&node.label),
                field(&labels),
                field(node.kind.as_str()),
                field(&node.iri),
                field(&node.aliases.join(";")),
                field(&node.titles.join(";")),
                node.mentions.to_string(),
                node.documents.to_string(),
            ];
            writeln!(out, "{}", row.join(","))?;
        }
        Ok(())
    }

    /// Writes one line per fact, after [`EDGES_HEADER`]. The Neo4j
    /// relationship type is the relation in upper snake case (`RULE_OUT`).
    pub fn write_csv_edges(&self, out: &mut dyn Write) -> Result<(), GraphError> {
        writeln!(out, "{EDGES_HEADER}")?;
        for (source, target, edge) in self.edges() {
            let row = [
                field(&source.id),
                field(&target.id),
                field(&relationship_type(&edge.relation)),
                field(&edge.id),
                field(&edge.relation),
                field(edge.stance.as_deref().unwrap_or("")),
                edge.negated.to_string(),
                field(&edge.modality),
                edge.is_reported().to_string(),
                field(edge.attributed_to.as_deref().unwrap_or("")),
                edge.confidence
                    .filter(|c| c.is_finite())
                    .map_or_else(String::new, |c| c.to_string()),
                field(&edge.document),
                field(edge.sentence.as_deref().unwrap_or("")),
                edge.char_start.map_or_else(String::new, |c| c.to_string()),
                edge.char_end.map_or_else(String::new, |c| c.to_string()),
            ];
            writeln!(out, "{}", row.join(","))?;
        }
        Ok(())
    }
}

/// "rule out" → `RULE_OUT`: letters and digits upper-cased, runs of anything
/// else one underscore; `RELATED` if nothing is left.
fn relationship_type(relation: &str) -> String {
    let mut t = String::with_capacity(relation.len());
    for c in relation.chars() {
        if c.is_alphanumeric() {
            t.extend(c.to_uppercase());
        } else if !t.is_empty() && !t.ends_with('_') {
            t.push('_');
        }
    }
    let t = t.trim_end_matches('_');
    if t.is_empty() {
        "RELATED".to_owned()
    } else {
        t.to_owned()
    }
}

/// One CSV field: line breaks to spaces, quoted when it holds a comma or a
/// quote (quotes doubled).
fn field(value: &str) -> String {
    let flat: String = value
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if flat.contains([',', '"']) {
        format!("\"{}\"", flat.replace('"', "\"\""))
    } else {
        flat
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn csv_headers_and_rows() {
        let graph = KnowledgeGraph::from_store(&fixture::news()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        graph.write_csv_dir(dir.path()).unwrap();
        let nodes = std::fs::read_to_string(dir.path().join("nodes.csv")).unwrap();
        let edges = std::fs::read_to_string(dir.path().join("edges.csv")).unwrap();
        let node_lines: Vec<&str> = nodes.lines().collect();
        assert_eq!(node_lines[0], NODES_HEADER);
        assert!(node_lines[0].starts_with(":ID,name,:LABEL"));
        assert_eq!(node_lines.len(), 1 + graph.node_count());
        assert!(nodes.contains(
            "entity/claudia-sheinbaum,Claudia Sheinbaum,Entity;Person,Person,https://w3id.org/newskg/id/entity/claudia-sheinbaum,President Sheinbaum;Sheinbaum,president,9,2\n"
        ));
        let edge_lines: Vec<&str> = edges.lines().collect();
        assert!(edge_lines[0].starts_with(":START_ID,:END_ID,:TYPE,"));
        assert_eq!(edge_lines.len(), 1 + graph.edge_count());
        let rule_out = edge_lines
            .iter()
            .find(|l| l.contains(",RULE_OUT,"))
            .unwrap();
        assert!(
            rule_out.contains(
                ",\"Sheinbaum ruled out a \"\"U.S. military intervention\"\". She said so.\","
            ),
            "{rule_out}"
        );
        let negated = edge_lines.iter().find(|l| l.contains(",ISSUE,")).unwrap();
        assert!(negated.contains(",true,Asserted,false,"), "{negated}");
    }

    #[test]
    fn relationship_types() {
        assert_eq!(relationship_type("rule out"), "RULE_OUT");
        assert_eq!(relationship_type(" call for -- "), "CALL_FOR");
        assert_eq!(relationship_type("--"), "RELATED");
    }
}
