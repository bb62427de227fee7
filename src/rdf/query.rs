//! SPARQL: text and `--param name=value` pairs in, a [`QueryOutcome`] out,
//! with writers for an aligned table, CSV, TSV, JSON, XML and RDF.
//!
//! Parameters are bound in the parsed algebra, never pasted into the text:
//! the query is parsed with spargebra, and a one-row `VALUES` table holding
//! each value as an RDF term is joined into its innermost group (below
//! projection, ordering, grouping and top-level filters, so `FILTER`s of the
//! query see the value). A value therefore cannot change the query's shape,
//! whatever quotes or braces it holds. Queries without `FROM` read the union
//! of all graphs as their default graph.

use std::io::Write;

use oxigraph::model::{Literal, NamedNode, Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use spargebra::algebra::GraphPattern;
use spargebra::term::GroundTerm;
use spargebra::{Query, SparqlParser};

use super::store::{write_quads, Store};
use super::vocab::{compact, expand, PREFIXES};
use super::{RdfFormat, StoreError};

/// The four SPARQL query forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryKind {
    /// `SELECT`: a table of solutions.
    Select,
    /// `ASK`: true or false.
    Ask,
    /// `CONSTRUCT`: a graph.
    Construct,
    /// `DESCRIBE`: a graph.
    Describe,
}

/// A parsed query with its parameters bound, ready to run on any store.
#[derive(Clone, Debug)]
pub struct PreparedQuery {
    query: Query,
}

/// Parses `sparql` and binds `params` (`name` with or without `?`, see
/// [`prepare_with`]).
pub fn prepare(sparql: &str, params: &[(String, String)]) -> Result<PreparedQuery, StoreError> {
    prepare_with(sparql, params, None)
}

/// Parses `sparql` (read from `file`, named in syntax errors) and binds each
/// `(name, value)` of `params` to `?name` as an RDF term: `<iri>` and
/// `prefix:local` with a known prefix (`id:entity/x`, `nkg:Oppose`) are
/// IRIs, anything else a plain literal. The model's prefixes (`nkg:`, `id:`,
/// `schema:`, `prov:`, `rdfs:`, `rdf:`, `skos:`, `xsd:`) are predeclared.
/// Every parameter the query's comment header declares (`# param NAME: …`,
/// see `queries/`) must be given, or [`StoreError::MissingParam`] names it.
pub fn prepare_with(
    sparql: &str,
    params: &[(String, String)],
    file: Option<&str>,
) -> Result<PreparedQuery, StoreError> {
    let mut parser = SparqlParser::new();
    for (prefix, iri) in PREFIXES {
        parser = parser
            .with_prefix(prefix, iri)
            .map_err(|source| StoreError::BadBaseIri {
                base: iri.to_owned(),
                source,
            })?;
    }
    let query = parser
        .parse_query(sparql)
        .map_err(|e| syntax_error(&e.to_string(), file))?;
    // A declared parameter left unbound would match everything or, in a
    // FILTER, nothing: an empty answer that looks like a real one.
    for declared in super::named::header(sparql).1 {
        let given = params
            .iter()
            .any(|(name, _)| name.trim_start_matches(['?', '$']) == declared.name);
        if !given {
            return Err(StoreError::MissingParam {
                file: file.map(str::to_owned),
                name: declared.name,
                description: declared.description,
            });
        }
    }
    if params.is_empty() {
        return Ok(PreparedQuery { query });
    }
    let rendered = query.to_string();
    let mut variables = Vec::new();
    let mut row = Vec::new();
    for (name, value) in params {
        let bare = name.trim_start_matches(['?', '$']);
        let variable = Variable::new(bare).map_err(|_| StoreError::BadParam {
            name: name.clone(),
            problem: "not a valid SPARQL variable name".into(),
        })?;
        if !uses_variable(&rendered, bare) {
            return Err(StoreError::BadParam {
                name: name.clone(),
                problem: format!("the query has no variable ?{bare}"),
            });
        }
        if variables.contains(&variable) {
            return Err(StoreError::BadParam {
                name: name.clone(),
                problem: "given twice".into(),
            });
        }
        variables.push(variable);
        row.push(Some(param_term(name, value)?));
    }
    let values = GraphPattern::Values {
        variables,
        bindings: vec![row],
    };
    let query = match query {
        Query::Select {
            dataset,
            pattern,
            base_iri,
        } => Query::Select {
            dataset,
            pattern: join_values(pattern, values),
            base_iri,
        },
        Query::Ask {
            dataset,
            pattern,
            base_iri,
        } => Query::Ask {
            dataset,
            pattern: join_values(pattern, values),
            base_iri,
        },
        Query::Construct {
            template,
            dataset,
            pattern,
            base_iri,
        } => Query::Construct {
            template,
            dataset,
            pattern: join_values(pattern, values),
            base_iri,
        },
        Query::Describe {
            dataset,
            pattern,
            base_iri,
        } => Query::Describe {
            dataset,
            pattern: join_values(pattern, values),
            base_iri,
        },
    };
    Ok(PreparedQuery { query })
}

/// The RDF term a `--param` value stands for.
fn param_term(name: &str, value: &str) -> Result<GroundTerm, StoreError> {
    if let Some(iri) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        let node = NamedNode::new(iri).map_err(|e| StoreError::BadParam {
            name: name.to_owned(),
            problem: format!("{value} is not a valid IRI ({e})"),
        })?;
        return Ok(GroundTerm::NamedNode(node));
    }
    if let Some(node) = expand(value).and_then(|iri| NamedNode::new(iri).ok()) {
        return Ok(GroundTerm::NamedNode(node));
    }
    Ok(GroundTerm::Literal(Literal::new_simple_literal(value)))
}

/// Whether the query text uses `?name` or `$name` as a whole variable.
fn uses_variable(text: &str, name: &str) -> bool {
    let is_name_char = |c: char| c.is_alphanumeric() || c == '_';
    ["?", "$"].iter().any(|sigil| {
        let needle = format!("{sigil}{name}");
        text.match_indices(&needle)
            .any(|(i, _)| !text[i + needle.len()..].starts_with(is_name_char))
    })
}

/// Joins `values` into the innermost group of `pattern`: through solution
/// modifiers, grouping, BIND and top-level FILTER, and into the left side of
/// a top-level OPTIONAL, so the value is visible wherever the query looks.
fn join_values(pattern: GraphPattern, values: GraphPattern) -> GraphPattern {
    let inner = |p: Box<GraphPattern>| Box::new(join_values(*p, values.clone()));
    match pattern {
        GraphPattern::Project {
            inner: i,
            variables,
        } => GraphPattern::Project {
            inner: inner(i),
            variables,
        },
        GraphPattern::Distinct { inner: i } => GraphPattern::Distinct { inner: inner(i) },
        GraphPattern::Reduced { inner: i } => GraphPattern::Reduced { inner: inner(i) },
        GraphPattern::Slice {
            inner: i,
            start,
            length,
        } => GraphPattern::Slice {
            inner: inner(i),
            start,
            length,
        },
        GraphPattern::OrderBy {
            inner: i,
            expression,
        } => GraphPattern::OrderBy {
            inner: inner(i),
            expression,
        },
        GraphPattern::Group {
            inner: i,
            variables,
            aggregates,
        } => GraphPattern::Group {
            inner: inner(i),
            variables,
            aggregates,
        },
        GraphPattern::Filter { expr, inner: i } => GraphPattern::Filter {
            expr,
            inner: inner(i),
        },
        GraphPattern::Extend {
            inner: i,
            variable,
            expression,
        } => GraphPattern::Extend {
            inner: inner(i),
            variable,
            expression,
        },
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => GraphPattern::LeftJoin {
            left: inner(left),
            right,
            expression,
        },
        other => GraphPattern::Join {
            left: Box::new(values),
            right: Box::new(other),
        },
    }
}

/// A syntax error with its 1-based position, from the parser's message
/// (`error at 3:7: expected ...`).
fn syntax_error(message: &str, file: Option<&str>) -> StoreError {
    let (mut line, mut column, mut rest) = (1, 1, message.to_owned());
    if let Some(at) = message.find("error at ") {
        let tail = &message[at + "error at ".len()..];
        let mut parts = tail.splitn(3, ':');
        if let (Some(l), Some(c), Some(r)) = (parts.next(), parts.next(), parts.next()) {
            if let (Ok(l), Ok(c)) = (l.trim().parse(), c.trim().parse()) {
                (line, column, rest) = (l, c, r.trim().to_owned());
            }
        }
    }
    StoreError::Syntax {
        file: file.map(str::to_owned),
        line,
        column,
        message: rest,
    }
}

impl PreparedQuery {
    /// The query as SPARQL, parameters included as a `VALUES` table (for
    /// `--explain`-style output and tests).
    pub fn sparql(&self) -> String {
        self.query.to_string()
    }

    /// The query form.
    pub fn kind(&self) -> QueryKind {
        match self.query {
            Query::Select { .. } => QueryKind::Select,
            Query::Ask { .. } => QueryKind::Ask,
            Query::Construct { .. } => QueryKind::Construct,
            Query::Describe { .. } => QueryKind::Describe,
        }
    }

    /// Runs the query on `store`; the default graph is the union of all
    /// graphs unless the query names its own with `FROM`.
    pub fn run(&self, store: &Store) -> Result<QueryOutcome, StoreError> {
        let has_from = match &self.query {
            Query::Select { dataset, .. }
            | Query::Ask { dataset, .. }
            | Query::Construct { dataset, .. }
            | Query::Describe { dataset, .. } => dataset.is_some(),
        };
        let mut prepared = SparqlEvaluator::new().for_query(self.query.clone());
        if !has_from {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        let results = prepared
            .on_store(store.oxigraph())
            .execute()
            .map_err(StoreError::Evaluation)?;
        Ok(match results {
            QueryResults::Boolean(b) => QueryOutcome::Boolean(b),
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let mut rows = Vec::new();
                for solution in solutions {
                    rows.push(solution.map_err(StoreError::Evaluation)?.values().to_vec());
                }
                QueryOutcome::Solutions { variables, rows }
            }
            QueryResults::Graph(triples) => QueryOutcome::Graph(
                triples
                    .collect::<Result<_, _>>()
                    .map_err(StoreError::Evaluation)?,
            ),
        })
    }
}

/// How to write query results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultFormat {
    /// An aligned text table (for a terminal); RDF results as Turtle.
    Table,
    /// SPARQL CSV.
    Csv,
    /// SPARQL TSV.
    Tsv,
    /// SPARQL JSON.
    Json,
    /// SPARQL XML.
    Xml,
    /// Turtle (CONSTRUCT and DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT and DESCRIBE).
    NTriples,
}

impl ResultFormat {
    /// The format of a `--format` name: table, csv, tsv, json, xml, ttl, nt.
    pub fn from_name(name: &str) -> Option<ResultFormat> {
        Some(match name.to_ascii_lowercase().as_str() {
            "table" => ResultFormat::Table,
            "csv" => ResultFormat::Csv,
            "tsv" => ResultFormat::Tsv,
            "json" => ResultFormat::Json,
            "xml" => ResultFormat::Xml,
            "ttl" | "turtle" => ResultFormat::Turtle,
            "nt" | "ntriples" => ResultFormat::NTriples,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            ResultFormat::Table => "table",
            ResultFormat::Csv => "CSV",
            ResultFormat::Tsv => "TSV",
            ResultFormat::Json => "JSON",
            ResultFormat::Xml => "XML",
            ResultFormat::Turtle => "Turtle",
            ResultFormat::NTriples => "N-Triples",
        }
    }

    fn sparql_results(self) -> Option<QueryResultsFormat> {
        match self {
            ResultFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultFormat::Json => Some(QueryResultsFormat::Json),
            ResultFormat::Xml => Some(QueryResultsFormat::Xml),
            _ => None,
        }
    }
}

/// What a query returned.
#[derive(Clone, Debug, PartialEq)]
pub enum QueryOutcome {
    /// `SELECT`: the variables and one row of optional values per solution.
    Solutions {
        /// Column names.
        variables: Vec<Variable>,
        /// Values in column order; `None` where unbound.
        rows: Vec<Vec<Option<Term>>>,
    },
    /// `ASK`.
    Boolean(bool),
    /// `CONSTRUCT` or `DESCRIBE`.
    Graph(Vec<Triple>),
}

impl QueryOutcome {
    /// The answer of an `ASK` query.
    pub fn boolean(&self) -> Option<bool> {
        match self {
            QueryOutcome::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    /// Number of solutions or triples (1 for a boolean).
    pub fn len(&self) -> usize {
        match self {
            QueryOutcome::Solutions { rows, .. } => rows.len(),
            QueryOutcome::Boolean(_) => 1,
            QueryOutcome::Graph(triples) => triples.len(),
        }
    }

    /// Whether there is no solution or triple.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The solutions as text, as the table shows them (IRIs compacted with
    /// the model's prefixes, literals as their value, unbound as "").
    pub fn text_rows(&self) -> Vec<Vec<String>> {
        match self {
            QueryOutcome::Solutions { rows, .. } => rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|t| t.as_ref().map(show).unwrap_or_default())
                        .collect()
                })
                .collect(),
            QueryOutcome::Boolean(b) => vec![vec![b.to_string()]],
            QueryOutcome::Graph(triples) => triples
                .iter()
                .map(|t| {
                    vec![
                        show(&t.subject.clone().into()),
                        compact(t.predicate.as_str()),
                        show(&t.object),
                    ]
                })
                .collect(),
        }
    }

    /// Writes the results in `format`.
    pub fn write(&self, format: ResultFormat, out: &mut dyn Write) -> Result<(), StoreError> {
        let misfit = |kind| StoreError::ResultFormat {
            format: format.name(),
            kind,
        };
        match self {
            QueryOutcome::Solutions { variables, rows } => {
                if format == ResultFormat::Table {
                    return write_table(variables, &self.text_rows(), out)
                        .map_err(StoreError::Write);
                }
                let Some(results) = format.sparql_results() else {
                    return Err(misfit("SELECT"));
                };
                let mut writer = QueryResultsSerializer::from_format(results)
                    .serialize_solutions_to_writer(out, variables.clone())
                    .map_err(StoreError::Write)?;
                for row in rows {
                    let bound = variables
                        .iter()
                        .zip(row)
                        .filter_map(|(v, t)| t.as_ref().map(|t| (v, t)));
                    writer.serialize(bound).map_err(StoreError::Write)?;
                }
                writer.finish().map_err(StoreError::Write)?;
            }
            QueryOutcome::Boolean(b) => {
                // SPARQL's CSV/TSV formats define no boolean; a line is what
                // shell pipelines expect.
                if matches!(
                    format,
                    ResultFormat::Table | ResultFormat::Csv | ResultFormat::Tsv
                ) {
                    return writeln!(out, "{b}").map_err(StoreError::Write);
                }
                let Some(results) = format.sparql_results() else {
                    return Err(misfit("ASK"));
                };
                QueryResultsSerializer::from_format(results)
                    .serialize_boolean_to_writer(out, *b)
                    .map_err(StoreError::Write)?;
            }
            QueryOutcome::Graph(triples) => {
                let rdf = match format {
                    ResultFormat::Table | ResultFormat::Turtle => RdfFormat::Turtle,
                    ResultFormat::NTriples => RdfFormat::NTriples,
                    _ => return Err(misfit("CONSTRUCT/DESCRIBE")),
                };
                let quads: Vec<_> = triples
                    .iter()
                    .map(|t| t.clone().in_graph(oxigraph::model::GraphName::DefaultGraph))
                    .collect();
                write_quads(&quads, rdf, out)?;
            }
        }
        Ok(())
    }
}

/// A term for people: compact IRIs, literal values, long text shortened.
fn show(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => compact(n.as_str()),
        Term::BlankNode(b) => b.to_string(),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// Longest cell shown in a table, in characters.
const MAX_CELL: usize = 100;

fn write_table(
    variables: &[Variable],
    rows: &[Vec<String>],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let clip = |s: &str| -> String {
        let flat = s.replace(['\n', '\t'], " ");
        if flat.chars().count() > MAX_CELL {
            flat.chars().take(MAX_CELL - 1).chain(['…']).collect()
        } else {
            flat
        }
    };
    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clip(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &body {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            if i + 1 < cells.len() {
                text.extend(std::iter::repeat_n(' ', w - cell.chars().count()));
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(&header, out)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&rule, out)?;
    for row in &body {
        line(row, out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kg::Entity;
    use crate::rdf::mapping::tests::{run, sample};

    fn store() -> Store {
        let Ok(store) = Store::in_memory() else {
            panic!("no store")
        };
        let (facts, ids, entities) = sample(
            "a.txt",
            "Ann Lee rejected the plan. Acme did not confirm the deal.",
        );
        let refs: Vec<&Entity> = entities.iter().collect();
        assert!(store.ingest(&facts, &ids, &refs, &run()).is_ok());
        store
    }

    fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn rows(store: &Store, sparql: &str, p: &[(&str, &str)]) -> Vec<Vec<String>> {
        match prepare(sparql, &params(p)).and_then(|q| q.run(store)) {
            Ok(outcome) => outcome.text_rows(),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn default_graph_is_the_union() {
        let store = store();
        let got = rows(
            &store,
            "SELECT ?o WHERE { entity:ann-lee rel:reject ?o }",
            &[],
        );
        assert_eq!(got, vec![vec!["concept:the-plan".to_string()]]);
        let err = prepare("SELECT", &[])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("SPARQL syntax error at line 1, column 7"),
            "{err}"
        );
    }

    #[test]
    fn params_bind_as_terms_and_cannot_inject() {
        let store = store();
        let q = "SELECT ?e WHERE { ?e rdfs:label ?name FILTER(?name = ?label) }";
        assert_eq!(
            rows(&store, q, &[("label", "Ann Lee")]),
            vec![vec!["entity:ann-lee".to_string()]]
        );
        // A value full of SPARQL syntax is one literal, matching nothing.
        let evil = "Ann Lee\" || true) } UNION { ?e ?p ?o FILTER(\"x";
        assert!(rows(&store, q, &[("label", evil)]).is_empty());
        assert!(rows(&store, q, &[("?label", "} ; DROP ALL ; {")]).is_empty());
        let bound = prepare(q, &params(&[("label", evil)]))
            .map(|p| p.sparql())
            .unwrap_or_default();
        assert!(
            bound.contains(r#"VALUES ( ?label ) { ( "Ann Lee\" || true) } UNION"#),
            "{bound}"
        );
        // IRIs: <...> and prefixed ids.
        let q = "SELECT ?name WHERE { ?e rdfs:label ?name }";
        assert_eq!(
            rows(&store, q, &[("e", "id:entity/acme")]),
            vec![vec!["Acme".to_string()]]
        );
        let full = format!("<{}entity/acme>", crate::rdf::DEFAULT_BASE);
        assert_eq!(
            rows(&store, q, &[("e", &full)]),
            vec![vec!["Acme".to_string()]]
        );
        let bad = prepare(q, &params(&[("e", "<not an iri>")]))
            .err()
            .map(|e| e.to_string());
        assert!(bad.is_some_and(|m| m.starts_with("parameter e: <not an iri> is not a valid IRI")));
        let unknown = prepare(q, &params(&[("nope", "x")]))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            unknown.as_deref(),
            Some("parameter nope: the query has no variable ?nope")
        );
        // Bound below an aggregate and ORDER BY.
        let q = "SELECT (COUNT(*) AS ?n) WHERE { ?f nkg:subject ?s } GROUP BY ?s ORDER BY ?n";
        assert_eq!(
            rows(&store, q, &[("s", "id:entity/acme")]),
            vec![vec!["1".to_string()]]
        );
    }

    #[test]
    fn syntax_errors_say_line_and_column() {
        let err = prepare("SELECT ?s\nWHERE { ?s ?p }", &[]).err();
        let Some(StoreError::Syntax { line, column, .. }) = &err else {
            panic!("{err:?}")
        };
        // The parser reports the furthest point it reached: the second line.
        assert_eq!(*line, 2);
        assert!((14..=16).contains(column), "{column}");
        let msg = prepare_with("SELECT ?s\nWHERE { ?s ?p }", &[], Some("queries/x.rq"))
            .err()
            .map(|e| e.to_string());
        assert!(
            msg.is_some_and(
                |m| m.starts_with("queries/x.rq: SPARQL syntax error at line 2, column ")
            )
        );
    }

    #[test]
    fn writers() {
        let store = store();
        let Ok(q) = prepare(
            "SELECT ?e ?name WHERE { ?e rdfs:label ?name ; a schema:Person }",
            &[],
        ) else {
            panic!()
        };
        let Ok(outcome) = q.run(&store) else { panic!() };
        let text = |f| {
            let mut out = Vec::new();
            let r = outcome.write(f, &mut out);
            (r.is_ok(), String::from_utf8_lossy(&out).into_owned())
        };
        let table = format!(
            "{:<14}  name\n{}  {}\nentity:ann-lee  Ann Lee\n",
            "e",
            "-".repeat(14),
            "-".repeat(7)
        );
        assert_eq!(text(ResultFormat::Table).1, table);
        assert!(text(ResultFormat::Csv).1.starts_with("e,name\r\n"));
        assert!(text(ResultFormat::Json).1.contains("\"bindings\""));
        assert!(text(ResultFormat::Xml).1.contains("<sparql"));
        assert!(text(ResultFormat::Tsv).1.starts_with("?e\t?name"));
        assert!(!text(ResultFormat::Turtle).0);
        let Ok(ask) = prepare("ASK { ?s nkg:negated true }", &[]).and_then(|q| q.run(&store))
        else {
            panic!()
        };
        assert_eq!(ask.boolean(), Some(true));
        let Ok(g) = prepare(
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s a schema:Person ; ?p ?o }",
            &[],
        )
        .and_then(|q| q.run(&store)) else {
            panic!()
        };
        let mut out = Vec::new();
        assert!(g.write(ResultFormat::NTriples, &mut out).is_ok());
        assert!(String::from_utf8_lossy(&out).contains("ann-lee"));
        assert_eq!(q.kind(), QueryKind::Select);
    }
}
