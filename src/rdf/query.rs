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
//!
//! Safety (issue 15, item 4; the same limits serve `newskg serve`, issue 12):
//! every run has a time limit ([`RunOptions::timeout`], 30 s unless changed),
//! enforced with oxigraph's cancellation token; SPARQL Update is parsed but
//! refused unless [`RunOptions::allow_update`]; `LOAD` and `SERVICE` are
//! always refused, because newskg fetches nothing from the network or from
//! files a query names (the build has no HTTP client for them either).

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use oxigraph::model::{Literal, NamedNode, Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator, UpdateEvaluationError,
};
use spargebra::algebra::GraphPattern;
use spargebra::term::GroundTerm;
use spargebra::{GraphUpdateOperation, Query, SparqlParser, Update};

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
    /// SPARQL Update (`INSERT`, `DELETE`, `DROP`, `CLEAR`, …): runs only
    /// with [`RunOptions::allow_update`].
    Update,
}

/// The time limit of a run unless one is given (`--timeout`).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A parsed query (or update) with its parameters bound, ready to run on any
/// store.
#[derive(Clone, Debug)]
pub struct PreparedQuery {
    operation: Operation,
    /// The store format the query needs (its header's `# store format:`
    /// line, see `named.rs`): the named queries that read precomputed
    /// counts need format 2, stance-network format 3.
    needs_format: u32,
}

#[derive(Clone, Debug)]
enum Operation {
    // Boxed: a Query is several times an Update's size.
    Query(Box<Query>),
    Update(Update),
}

/// How a [`PreparedQuery`] runs: its time limit, whether it may change the
/// store, and the dataset the SPARQL protocol's `default-graph-uri` and
/// `named-graph-uri` ask for.
#[derive(Clone, Debug)]
pub struct RunOptions {
    timeout: Option<Duration>,
    allow_update: bool,
    default_graphs: Vec<NamedNode>,
    named_graphs: Vec<NamedNode>,
}

impl Default for RunOptions {
    /// Read-only, [`DEFAULT_TIMEOUT`], the union of all graphs as the
    /// default graph.
    fn default() -> Self {
        RunOptions {
            timeout: Some(DEFAULT_TIMEOUT),
            allow_update: false,
            default_graphs: Vec::new(),
            named_graphs: Vec::new(),
        }
    }
}

impl RunOptions {
    /// Stops the run after `limit` with [`StoreError::Timeout`]; `None`
    /// lets it run as long as it takes.
    pub fn with_timeout(mut self, limit: Option<Duration>) -> Self {
        self.timeout = limit;
        self
    }

    /// Lets SPARQL Update change the store (never `LOAD` or `SERVICE`).
    pub fn with_updates(mut self, allow: bool) -> Self {
        self.allow_update = allow;
        self
    }

    /// The dataset of the SPARQL protocol: when either list is non-empty,
    /// the default graph is the merge of `default_graphs` and the named
    /// graphs are exactly `named_graphs`, whatever the query's `FROM` says.
    pub fn with_dataset(
        mut self,
        default_graphs: Vec<NamedNode>,
        named_graphs: Vec<NamedNode>,
    ) -> Self {
        self.default_graphs = default_graphs;
        self.named_graphs = named_graphs;
        self
    }

    /// The time limit.
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// Whether updates may run.
    pub fn allows_update(&self) -> bool {
        self.allow_update
    }

    /// The protocol's dataset: the default graphs and the named graphs
    /// (both empty: the union default graph, or the query's `FROM`).
    pub fn dataset(&self) -> (&[NamedNode], &[NamedNode]) {
        (&self.default_graphs, &self.named_graphs)
    }
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
    let query = match parser.clone().parse_query(sparql) {
        Ok(query) => query,
        Err(query_error) => {
            let query_error = syntax_error(&query_error.to_string(), file);
            return match parser.parse_update(sparql) {
                Ok(update) => prepare_update(update, params),
                // Report the parser that read further: an update with a typo
                // is told the update's error, not "expected SELECT".
                Err(update_error) => {
                    let update_error = syntax_error(&update_error.to_string(), file);
                    Err(if position(&update_error) > position(&query_error) {
                        update_error
                    } else {
                        query_error
                    })
                }
            };
        }
    };
    if let Some(endpoint) = query_service(&query) {
        return Err(StoreError::ServiceRefused { endpoint });
    }
    // A declared parameter left unbound would match everything or, in a
    // FILTER, nothing: an empty answer that looks like a real one. One
    // with a default takes it.
    let mut params = params.to_vec();
    let mut row_limit = None;
    for declared in super::named::header(sparql).1 {
        let given = params
            .iter()
            .position(|(name, _)| name.trim_start_matches(['?', '$']) == declared.name);
        // An empty value (a form's field left blank) takes the default too.
        let value = match (given.map(|i| params[i].1.clone()), declared.default) {
            (Some(value), Some(default)) if value.is_empty() => default,
            (Some(value), _) | (None, Some(value)) => value,
            (None, None) => {
                return Err(StoreError::MissingParam {
                    file: file.map(str::to_owned),
                    name: declared.name,
                    description: declared.description,
                })
            }
        };
        if declared.name == super::named::ROW_LIMIT {
            row_limit = Some(
                value
                    .trim()
                    .parse::<u64>()
                    .map_err(|_| StoreError::BadParam {
                        name: declared.name.clone(),
                        problem: format!(
                            "{value:?} is not a whole number of rows (0 for every row)"
                        ),
                    })?,
            );
        }
        match given {
            Some(i) => params[i].1 = value,
            None => params.push((declared.name, value)),
        }
    }
    let needs_format = super::named::needed_format(sparql);
    if params.is_empty() {
        return Ok(PreparedQuery {
            operation: Operation::Query(Box::new(query)),
            needs_format,
        });
    }
    let rendered = query.to_string();
    let mut variables = Vec::new();
    let mut row = Vec::new();
    for (name, value) in &params {
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
        row.push(Some(match row_limit {
            Some(rows) if bare == super::named::ROW_LIMIT => {
                GroundTerm::Literal(Literal::from(i64::try_from(rows).unwrap_or(i64::MAX)))
            }
            _ => param_term(name, value)?,
        }));
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
            pattern: cut_rows(join_values(pattern, values), row_limit),
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
    Ok(PreparedQuery {
        operation: Operation::Query(Box::new(query)),
        needs_format,
    })
}

/// Cuts a SELECT's solutions after `limit` rows (a declared row limit,
/// [`ROW_LIMIT`](super::named::ROW_LIMIT)): the outermost `LIMIT`, set or
/// replaced; `None` or 0 leaves the pattern as it is.
fn cut_rows(pattern: GraphPattern, limit: Option<u64>) -> GraphPattern {
    let Some(rows) = limit.filter(|&rows| rows > 0) else {
        return pattern;
    };
    let length = Some(usize::try_from(rows).unwrap_or(usize::MAX));
    match pattern {
        GraphPattern::Slice { inner, start, .. } => GraphPattern::Slice {
            inner,
            start,
            length,
        },
        inner => GraphPattern::Slice {
            inner: Box::new(inner),
            start: 0,
            length,
        },
    }
}

/// An update, checked: no parameters (they bind in queries only), no `LOAD`
/// and no `SERVICE`. Whether it may run is decided by [`RunOptions`].
fn prepare_update(
    update: Update,
    params: &[(String, String)],
) -> Result<PreparedQuery, StoreError> {
    if let Some((name, _)) = params.first() {
        return Err(StoreError::BadParam {
            name: name.clone(),
            problem: "parameters bind in queries, not in SPARQL updates".into(),
        });
    }
    for operation in &update.operations {
        match operation {
            GraphUpdateOperation::Load { source, .. } => {
                return Err(StoreError::LoadRefused {
                    source_iri: source.as_str().to_owned(),
                })
            }
            GraphUpdateOperation::DeleteInsert { pattern, .. } => {
                if let Some(endpoint) = pattern_service(pattern) {
                    return Err(StoreError::ServiceRefused { endpoint });
                }
            }
            _ => {}
        }
    }
    Ok(PreparedQuery {
        operation: Operation::Update(update),
        needs_format: 1,
    })
}

/// The `(line, column)` of a syntax error, to compare two parsers' progress.
fn position(error: &StoreError) -> (u64, u64) {
    match error {
        StoreError::Syntax { line, column, .. } => (*line, *column),
        _ => (0, 0),
    }
}

/// The endpoint of the first `SERVICE` in the query's pattern, if any.
fn query_service(query: &Query) -> Option<String> {
    match query {
        Query::Select { pattern, .. }
        | Query::Ask { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. } => pattern_service(pattern),
    }
}

/// The endpoint of the first `SERVICE` in `pattern`, `FILTER EXISTS` and
/// `BIND`/`ORDER BY` expressions included. (One inside an aggregate is not
/// seen; it still reaches no network: the evaluator has no HTTP client.)
fn pattern_service(pattern: &GraphPattern) -> Option<String> {
    match pattern {
        GraphPattern::Service { name, .. } => Some(name.to_string()),
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => pattern_service(left)
            .or_else(|| pattern_service(right))
            .or_else(|| expression.as_ref().and_then(expression_service)),
        GraphPattern::Join { left, right }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => {
            pattern_service(left).or_else(|| pattern_service(right))
        }
        GraphPattern::Filter { inner, expr } => {
            expression_service(expr).or_else(|| pattern_service(inner))
        }
        GraphPattern::Extend {
            inner, expression, ..
        } => expression_service(expression).or_else(|| pattern_service(inner)),
        GraphPattern::OrderBy { inner, expression } => expression
            .iter()
            .find_map(|o| match o {
                spargebra::algebra::OrderExpression::Asc(e)
                | spargebra::algebra::OrderExpression::Desc(e) => expression_service(e),
            })
            .or_else(|| pattern_service(inner)),
        GraphPattern::Graph { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. } => pattern_service(inner),
        GraphPattern::Bgp { .. } | GraphPattern::Path { .. } | GraphPattern::Values { .. } => None,
    }
}

/// The endpoint of the first `SERVICE` inside an `EXISTS` of `expr`.
fn expression_service(expr: &spargebra::algebra::Expression) -> Option<String> {
    use spargebra::algebra::Expression as E;
    match expr {
        E::Exists(pattern) => pattern_service(pattern),
        E::Or(a, b)
        | E::And(a, b)
        | E::Equal(a, b)
        | E::SameTerm(a, b)
        | E::Greater(a, b)
        | E::GreaterOrEqual(a, b)
        | E::Less(a, b)
        | E::LessOrEqual(a, b)
        | E::Add(a, b)
        | E::Subtract(a, b)
        | E::Multiply(a, b)
        | E::Divide(a, b) => expression_service(a).or_else(|| expression_service(b)),
        E::UnaryPlus(a) | E::UnaryMinus(a) | E::Not(a) => expression_service(a),
        E::In(a, list) => {
            expression_service(a).or_else(|| list.iter().find_map(expression_service))
        }
        E::If(a, b, c) => expression_service(a)
            .or_else(|| expression_service(b))
            .or_else(|| expression_service(c)),
        E::Coalesce(list) | E::FunctionCall(_, list) => list.iter().find_map(expression_service),
        _ => None,
    }
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
        other => into_first_group(other, values),
    }
}

/// Joins `values` into the first group of a group graph pattern (its arms
/// for FILTER, BIND and OPTIONAL look like [`join_values`]'s, but recurse
/// here: below the query's own modifiers, a FILTER or BIND is part of a
/// group, and a subquery or aggregate below it keeps its scope): down the
/// left side of its joins and of a LATERAL, into each branch of a UNION
/// there, into a nested group's FILTER and BIND, but never into a subquery,
/// a GRAPH, a MINUS or a UNION further right. A query that looks
/// its parameter up first ("{ ?e schema:name ?n FILTER(?n = ?name) }
/// GRAPH ?g { … ?e … }") then runs the lookup with the value and joins
/// its few rows with the rest; joined at the top, the value reached the
/// lookup's FILTER only after the whole graph pattern was read (minutes on
/// a large store instead of seconds). Joins are associative, and a value
/// is one row, so the solutions do not change; a FILTER in that first group
/// now sees the parameter, as its author meant.
fn into_first_group(pattern: GraphPattern, values: GraphPattern) -> GraphPattern {
    match pattern {
        GraphPattern::Join { left, right } => GraphPattern::Join {
            left: Box::new(into_first_group(*left, values)),
            right,
        },
        GraphPattern::Filter { expr, inner } => GraphPattern::Filter {
            expr,
            inner: Box::new(into_first_group(*inner, values)),
        },
        GraphPattern::Extend {
            inner,
            variable,
            expression,
        } => GraphPattern::Extend {
            inner: Box::new(into_first_group(*inner, values)),
            variable,
            expression,
        },
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => GraphPattern::LeftJoin {
            left: Box::new(into_first_group(*left, values)),
            right,
            expression,
        },
        // A UNION in first place is a first group in each branch: joining
        // one row distributes over a union, and each branch's FILTER sees
        // the value ("{ ?e schema:name ?n FILTER(…) } UNION { ?e
        // schema:alternateName ?n FILTER(…) }").
        GraphPattern::Union { left, right } => GraphPattern::Union {
            left: Box::new(into_first_group(*left, values.clone())),
            right: Box::new(into_first_group(*right, values)),
        },
        // `{ lookup } LATERAL { … }`: the lookup is the first group, and the
        // lateral part runs once per row it finds.
        GraphPattern::Lateral { left, right } => GraphPattern::Lateral {
            left: Box::new(into_first_group(*left, values)),
            right,
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
        match &self.operation {
            Operation::Query(query) => query.to_string(),
            Operation::Update(update) => update.to_string(),
        }
    }

    /// The query form.
    pub fn kind(&self) -> QueryKind {
        match &self.operation {
            Operation::Query(query) => match **query {
                Query::Select { .. } => QueryKind::Select,
                Query::Ask { .. } => QueryKind::Ask,
                Query::Construct { .. } => QueryKind::Construct,
                Query::Describe { .. } => QueryKind::Describe,
            },
            Operation::Update(_) => QueryKind::Update,
        }
    }

    /// Runs the query on `store` with the default [`RunOptions`]: read
    /// only, [`DEFAULT_TIMEOUT`], the default graph is the union of all
    /// graphs unless the query names its own with `FROM`.
    pub fn run(&self, store: &Store) -> Result<QueryOutcome, StoreError> {
        self.run_with(store, &RunOptions::default())
    }

    /// Whether `options` let this run: an update without
    /// [`RunOptions::allow_update`] is [`StoreError::UpdateRefused`]. Checked
    /// by [`PreparedQuery::run_with`] too; callers use it to refuse before
    /// opening a store.
    pub fn check(&self, options: &RunOptions) -> Result<(), StoreError> {
        match &self.operation {
            Operation::Update(update) if !options.allow_update => Err(StoreError::UpdateRefused {
                operation: update_name(update),
            }),
            _ => Ok(()),
        }
    }

    /// Whether `store` holds what the query reads: a store of an older
    /// format read as it is (readers never upgrade it) lacks the counts
    /// some named queries read, and an empty answer would look real
    /// ([`StoreError::NeedsUpgrade`]). Checked by
    /// [`PreparedQuery::run_with`] too; a caller that runs the query
    /// elsewhere (`newskg serve`'s query processes, which get the query as
    /// SPARQL text without its header) checks it first.
    pub fn check_store(&self, store: &Store) -> Result<(), StoreError> {
        let found = store.version().format;
        if found < self.needs_format {
            return Err(StoreError::NeedsUpgrade {
                path: store.folder().map(Path::to_owned).unwrap_or_default(),
                found,
                needed: self.needs_format,
            });
        }
        Ok(())
    }

    /// Runs the query on `store` as `options` say. A run longer than the
    /// time limit ends with [`StoreError::Timeout`]; an update returns
    /// [`QueryOutcome::Updated`].
    pub fn run_with(
        &self,
        store: &Store,
        options: &RunOptions,
    ) -> Result<QueryOutcome, StoreError> {
        self.check(options)?;
        self.check_store(store)?;
        let token = CancellationToken::new();
        let Some(limit) = options.timeout else {
            return self.evaluate(store.oxigraph(), options, &token, None);
        };
        if limit.is_zero() {
            return Err(StoreError::Timeout { limit });
        }
        let outliving = Arc::clone(store.outliving_runs());
        let running = outliving.load(Ordering::SeqCst);
        if running >= MAX_OUTLIVING_RUNS {
            return Err(StoreError::Overloaded { running });
        }
        // The run goes on its own thread, and this one waits for it at most
        // the limit, then cancels it. oxigraph checks the token only when it
        // reads the store, so a join of rows already in memory (a cross
        // product under COUNT) may go on long after; the caller gets its
        // answer after the grace period anyway, and the cancelled run ends
        // at its next read.
        let (done, result) = mpsc::channel();
        let oxigraph = store.oxigraph().clone();
        let (me, opts, tok) = (self.clone(), options.clone(), token.clone());
        // The run's state: running, abandoned by the waiter (then it counts
        // among the outliving runs until it ends), or ended.
        const RUNNING: u8 = 0;
        const ABANDONED: u8 = 1;
        const ENDED: u8 = 2;
        let state = Arc::new(AtomicU8::new(RUNNING));
        let run_state = Arc::clone(&state);
        let run_outliving = Arc::clone(&outliving);
        let run = std::thread::Builder::new()
            .name("sparql".into())
            .spawn(move || {
                let outcome = me.evaluate(&oxigraph, &opts, &tok, Some(limit));
                // The run's handle on the store goes before the answer: a
                // caller that gets its answer and ends the process must not
                // find this thread still closing RocksDB (which then aborts
                // in its static destructors, "pthread lock: Invalid argument").
                drop(oxigraph);
                let _ = done.send(outcome);
                if run_state.swap(ENDED, Ordering::SeqCst) == ABANDONED {
                    run_outliving.fetch_sub(1, Ordering::SeqCst);
                }
            })
            .map_err(StoreError::Write)?;
        // A run that answered in time is joined, so no thread of this query
        // outlives the call.
        let answered = |outcome| {
            let _ = run.join();
            outcome
        };
        match result.recv_timeout(limit) {
            Ok(outcome) => answered(outcome),
            Err(_) => {
                token.cancel();
                match result.recv_timeout(GRACE) {
                    Ok(outcome) => answered(outcome),
                    Err(_) => {
                        // Counted before the state says so, so that the
                        // run's own decrement can never come first; undone
                        // if the run ended in between.
                        outliving.fetch_add(1, Ordering::SeqCst);
                        if state
                            .compare_exchange(
                                RUNNING,
                                ABANDONED,
                                Ordering::SeqCst,
                                Ordering::SeqCst,
                            )
                            .is_err()
                        {
                            outliving.fetch_sub(1, Ordering::SeqCst);
                        }
                        Err(StoreError::Timeout { limit })
                    }
                }
            }
        }
    }

    /// Evaluates on `store` until done or `token` is cancelled (which
    /// becomes [`StoreError::Timeout`] of `limit`).
    fn evaluate(
        &self,
        store: &oxigraph::store::Store,
        options: &RunOptions,
        token: &CancellationToken,
        limit: Option<Duration>,
    ) -> Result<QueryOutcome, StoreError> {
        // oxigraph is built without its HTTP client (no `http-client`
        // feature), so the evaluator has no service handler: a SERVICE the
        // static check does not see fails with `UnsupportedService`, told as
        // a refusal below.
        let evaluator = SparqlEvaluator::new().with_cancellation_token(token.clone());
        let timed_out = |e: StoreError| match limit {
            Some(limit) if token.is_cancelled() => StoreError::Timeout { limit },
            _ => e,
        };
        let query = match &self.operation {
            Operation::Query(query) => &**query,
            Operation::Update(update) => {
                return evaluator
                    .for_update(update.clone())
                    .on_store(store)
                    .execute()
                    .map(|()| QueryOutcome::Updated)
                    .map_err(update_error)
                    .map_err(timed_out);
            }
        };
        let has_from = match query {
            Query::Select { dataset, .. }
            | Query::Ask { dataset, .. }
            | Query::Construct { dataset, .. }
            | Query::Describe { dataset, .. } => dataset.is_some(),
        };
        let mut prepared = evaluator.for_query(query.clone());
        if !options.default_graphs.is_empty() || !options.named_graphs.is_empty() {
            let dataset = prepared.dataset_mut();
            dataset.set_default_graph(
                options
                    .default_graphs
                    .iter()
                    .cloned()
                    .map(Into::into)
                    .collect(),
            );
            dataset.set_available_named_graphs(
                options
                    .named_graphs
                    .iter()
                    .cloned()
                    .map(Into::into)
                    .collect(),
            );
        } else if !has_from {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        let evaluation = |e| timed_out(evaluation_error(e));
        // The token is checked again per row: a join over rows already in
        // memory reads nothing from the store, where oxigraph checks it.
        let alive = || {
            if token.is_cancelled() {
                Err(timed_out(StoreError::Evaluation(
                    QueryEvaluationError::Cancelled,
                )))
            } else {
                Ok(())
            }
        };
        let results = prepared.on_store(store).execute().map_err(evaluation)?;
        Ok(match results {
            QueryResults::Boolean(b) => QueryOutcome::Boolean(b),
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let mut rows = Vec::new();
                for solution in solutions {
                    alive()?;
                    rows.push(solution.map_err(evaluation)?.values().to_vec());
                }
                QueryOutcome::Solutions { variables, rows }
            }
            QueryResults::Graph(triples) => {
                let mut graph = Vec::new();
                for triple in triples {
                    alive()?;
                    graph.push(triple.map_err(evaluation)?);
                }
                QueryOutcome::Graph(graph)
            }
        })
    }
}

/// The first operation of an update, for messages (`INSERT DATA`, `DROP`).
fn update_name(update: &Update) -> String {
    let name = match update.operations.first() {
        Some(GraphUpdateOperation::InsertData { .. }) => "INSERT DATA",
        Some(GraphUpdateOperation::DeleteData { .. }) => "DELETE DATA",
        Some(GraphUpdateOperation::DeleteInsert { insert, .. }) if insert.is_empty() => "DELETE",
        Some(GraphUpdateOperation::DeleteInsert { .. }) => "INSERT",
        Some(GraphUpdateOperation::Load { .. }) => "LOAD",
        Some(GraphUpdateOperation::Clear { .. }) => "CLEAR",
        Some(GraphUpdateOperation::Create { .. }) => "CREATE",
        Some(GraphUpdateOperation::Drop { .. }) => "DROP",
        None => "an empty update",
    };
    name.to_owned()
}

/// A query error, with SERVICE told as a refusal rather than a failure.
fn evaluation_error(error: QueryEvaluationError) -> StoreError {
    match error {
        QueryEvaluationError::UnsupportedService(endpoint) => StoreError::ServiceRefused {
            endpoint: endpoint.to_string(),
        },
        other => StoreError::Evaluation(other),
    }
}

/// An update error, with SERVICE told as a refusal.
fn update_error(error: UpdateEvaluationError) -> StoreError {
    match error {
        UpdateEvaluationError::UnsupportedService(endpoint) => StoreError::ServiceRefused {
            endpoint: endpoint.to_string(),
        },
        other => StoreError::Update(other),
    }
}

/// How many runs on one store stopped at their time limit may still be
/// finishing before new runs are refused with [`StoreError::Overloaded`]: oxigraph
/// checks the cancellation only when it reads the store, so a join held in
/// memory can run on after its caller got its answer, with its thread and
/// its memory (a server under load reached 9 GB with them uncounted). This
/// bounds their number, not their memory: `newskg serve` runs queries in
/// processes it can end instead (`serve/isolate.rs`), except with
/// `--allow-update`.
pub const MAX_OUTLIVING_RUNS: usize = 4;

/// How long a cancelled run may take to stop before its caller is told of
/// the time-out without it.
const GRACE: Duration = Duration::from_millis(500);

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
    /// A SPARQL update that ran.
    Updated,
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
            QueryOutcome::Updated => 0,
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
            QueryOutcome::Updated => Vec::new(),
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
            QueryOutcome::Updated => {}
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
    use crate::rdf::mapping::tests::sample_store as store;

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

    /// A parameter reaches the FILTER of the query's first group (a lookup
    /// that runs first) and of each branch of a UNION in first place, never a
    /// subquery's.
    #[test]
    fn params_join_the_first_group() {
        let store = store();
        let lookup = "SELECT ?o WHERE { { ?e rdfs:label ?name FILTER(?name = ?label) } \
                      ?e rel:reject ?o }";
        assert_eq!(
            rows(&store, lookup, &[("label", "Ann Lee")]),
            vec![vec!["concept:the-plan".to_string()]]
        );
        let bound = prepare(lookup, &params(&[("label", "Ann Lee")]))
            .map(|p| p.sparql())
            .unwrap_or_default();
        let (first_group, rest) = bound.split_once("rel/reject").unwrap_or_default();
        assert!(first_group.contains("VALUES"), "{bound}");
        assert!(!rest.contains("VALUES"), "{bound}");
        // Each branch of a UNION in first place is a first group.
        let union = "SELECT ?o WHERE { { ?e rdfs:label ?name FILTER(?name = ?label) } UNION \
                     { ?e rdfs:label ?name FILTER(LCASE(?name) = ?label) } \
                     ?e rel:reject ?o }";
        assert_eq!(
            rows(&store, union, &[("label", "ann lee")]),
            vec![vec!["concept:the-plan".to_string()]]
        );
        // The lookup before a LATERAL is a first group too.
        let lateral = "SELECT ?o WHERE { { ?e rdfs:label ?name FILTER(?name = ?label) } \
                       LATERAL { ?e rel:reject ?o } }";
        assert_eq!(
            rows(&store, lateral, &[("label", "Ann Lee")]),
            vec![vec!["concept:the-plan".to_string()]]
        );
        // A subquery keeps its own scope: the value is joined outside it.
        let sub = "SELECT ?e WHERE { { SELECT ?e WHERE { ?e rdfs:label ?n } } \
                   ?e rdfs:label ?label }";
        assert_eq!(
            rows(&store, sub, &[("label", "Ann Lee")]),
            vec![vec!["entity:ann-lee".to_string()]]
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

    /// Issue 15, item 4: values full of SPARQL syntax bind as the exact
    /// literal they are: each finds the one subject labelled with it and
    /// nothing else, and the bound query re-parses to itself.
    #[test]
    fn hostile_param_values_stay_one_term() {
        let store = store();
        let nasty = [
            "Mira \"Kessel\"",
            "Vantor\" } ; DROP ALL ; { \"",
            "close } brace",
            "two\nlines\r\nand a tab\t",
            "angle > bracket <",
            "<http://example.com/a b>x",
            "id:entity/with space",
            "'single' \\ backslash",
            "# not a comment",
        ];
        let label = NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
        for (i, value) in nasty.iter().enumerate() {
            let subject = NamedNode::new_unchecked(format!("http://example.com/nasty/{i}"));
            let quad = oxigraph::model::Quad::new(
                subject,
                label.clone(),
                Literal::new_simple_literal(*value),
                oxigraph::model::GraphName::DefaultGraph,
            );
            assert!(store.oxigraph().insert(&quad).is_ok());
        }
        let q = "SELECT ?e WHERE { ?e rdfs:label ?name FILTER(?name = ?label) }";
        for (i, value) in nasty.iter().enumerate() {
            let got = rows(&store, q, &[("label", value)]);
            assert_eq!(
                got,
                vec![vec![format!("<http://example.com/nasty/{i}>")]],
                "{value:?}"
            );
            let bound = prepare(q, &params(&[("label", value)]))
                .map(|p| p.sparql())
                .unwrap_or_default();
            let again = prepare(&bound, &[]).map(|p| p.sparql()).unwrap_or_default();
            assert_eq!(again, bound, "{value:?}");
            assert_eq!(bound.matches("VALUES").count(), 1, "{bound}");
        }
        // An IRI with a space is refused, named, never pasted.
        let err = prepare(q, &params(&[("label", "<http://example.com/a b>")]))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("parameter label: <http://example.com/a b> is not a valid IRI"),
            "{err}"
        );
    }

    /// Issue 15, item 4: updates are refused unless allowed, LOAD and
    /// SERVICE always.
    #[test]
    fn updates_need_allow_update_and_load_and_service_are_refused() {
        let store = store();
        let before = store.len().unwrap_or(0);
        for (text, operation) in [
            (
                "INSERT DATA { <http://example.com/a> <http://example.com/p> \"x\" }",
                "INSERT DATA",
            ),
            ("DELETE WHERE { ?s ?p ?o }", "DELETE"),
            ("DROP ALL", "DROP"),
            ("CLEAR DEFAULT", "CLEAR"),
            (
                "PREFIX ex: <http://example.com/>\nINSERT { ex:a ex:b ?o } WHERE { ?s ?p ?o }",
                "INSERT",
            ),
        ] {
            let Ok(prepared) = prepare(text, &[]) else {
                panic!("{text} does not parse")
            };
            assert_eq!(prepared.kind(), QueryKind::Update);
            let err = prepared
                .run(&store)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert_eq!(
                err,
                format!("SPARQL update ({operation}) refused: the store is read-only unless --allow-update is given")
            );
        }
        assert_eq!(store.len().unwrap_or(0), before, "nothing changed");
        let Ok(insert) = prepare(
            "INSERT DATA { GRAPH <http://example.com/g> { <http://example.com/a> rdfs:label \"Vantor\" } }",
            &[],
        ) else {
            panic!()
        };
        let allowed = RunOptions::default().with_updates(true);
        assert!(matches!(
            insert.run_with(&store, &allowed),
            Ok(QueryOutcome::Updated)
        ));
        assert_eq!(store.len().unwrap_or(0), before + 1);
        let found = rows(&store, "SELECT ?e { ?e rdfs:label \"Vantor\" }", &[]);
        assert_eq!(found, vec![vec!["<http://example.com/a>".to_string()]]);
        // LOAD: refused when prepared, whatever the options.
        let err = prepare("LOAD <http://example.com/data.ttl>", &[])
            .err()
            .map(|e| e.to_string());
        assert!(
            err.as_deref().is_some_and(|e| e.starts_with("SPARQL LOAD <http://example.com/data.ttl> refused")),
            "{err:?}"
        );
        // Parameters bind in queries only.
        let err = prepare("DROP ALL", &params(&[("x", "1")]))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("parameter x: parameters bind in queries, not in SPARQL updates")
        );
        // SERVICE: refused when prepared, and when hidden in EXISTS, when run.
        for text in [
            "SELECT * { SERVICE <http://example.com/sparql> { ?s ?p ?o } }",
            "SELECT * { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://example.com/sparql> { ?s ?q ?x } } }",
            "DELETE { ?s ?p ?o } WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }",
        ] {
            let err = prepare(text, &[]).err().map(|e| e.to_string());
            assert_eq!(
                err.as_deref(),
                Some("SPARQL SERVICE <http://example.com/sparql> refused: newskg sends no query to other endpoints (federated queries are off)"),
                "{text}"
            );
        }
        for hidden in [
            "ASK { ?s ?p ?o FILTER EXISTS { SERVICE <http://example.com/sparql> { ?s ?p ?o } } }",
            "SELECT * { ?s ?p ?o BIND(IF(NOT EXISTS { SERVICE <http://example.com/sparql> { ?s ?p ?o } }, 1, 2) AS ?x) }",
        ] {
            let err = prepare(hidden, &[]).err();
            assert!(
                matches!(err, Some(StoreError::ServiceRefused { .. })),
                "{err:?}"
            );
        }
        // A broken update is told the update parser's error, not "expected SELECT".
        let err = prepare("INSERT DATA { <http://example.com/a> }", &[]).err();
        let Some(StoreError::Syntax { column, .. }) = err else {
            panic!("{err:?}")
        };
        assert!(column > 30, "{column}");
    }

    /// Issue 15, item 4: a query past its time limit ends with the limit
    /// named. The cross product of four patterns over 100 triples has 10^8
    /// rows: far more than a 50 ms limit allows on any machine.
    #[test]
    fn a_slow_query_stops_at_its_time_limit() {
        let Ok(store) = Store::in_memory() else {
            panic!("no store")
        };
        for i in 0..100 {
            let quad = oxigraph::model::Quad::new(
                NamedNode::new_unchecked(format!("http://example.com/s{i}")),
                NamedNode::new_unchecked("http://example.com/p"),
                Literal::from(i),
                oxigraph::model::GraphName::DefaultGraph,
            );
            assert!(store.oxigraph().insert(&quad).is_ok());
        }
        let limit = Duration::from_millis(50);
        let options = RunOptions::default().with_timeout(Some(limit));
        for text in [
            "SELECT * { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h }",
            "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h }",
            "CONSTRUCT { ?a ?p ?h } { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h }",
        ] {
            let err = prepare(text, &[])
                .and_then(|q| q.run_with(&store, &options))
                .err();
            let Some(StoreError::Timeout { limit: got }) = &err else {
                panic!("{text}: {err:?}")
            };
            assert_eq!(*got, limit);
            assert_eq!(
                err.map(|e| e.to_string()).unwrap_or_default(),
                "the query was stopped after the time limit of 0.05 s (--timeout); narrow it (LIMIT, more specific patterns) or raise the limit"
            );
        }
        // A quick query is not affected by a limit, and none at all works too.
        for options in [options.clone(), options.clone().with_timeout(None)] {
            let n =
                prepare("SELECT ?s { ?s ?p ?o }", &[]).and_then(|q| q.run_with(&store, &options));
            assert_eq!(n.map(|o| o.len()).ok(), Some(100));
        }
    }

    /// Runs abandoned at their time limit and still running hold threads
    /// and memory: past [`MAX_OUTLIVING_RUNS`] of them a store refuses new
    /// runs at once, and takes them again when they have ended.
    #[test]
    fn too_many_outliving_runs_refuse_new_ones() {
        let Ok(store) = Store::in_memory() else {
            panic!("no store")
        };
        let options = RunOptions::default().with_timeout(Some(Duration::from_secs(5)));
        let ask = || prepare("ASK { ?s ?p ?o }", &[]).and_then(|q| q.run_with(&store, &options));
        store
            .outliving_runs()
            .store(MAX_OUTLIVING_RUNS, Ordering::SeqCst);
        let Err(StoreError::Overloaded { running }) = ask() else {
            panic!("not refused")
        };
        assert_eq!(running, MAX_OUTLIVING_RUNS);
        store
            .outliving_runs()
            .store(MAX_OUTLIVING_RUNS - 1, Ordering::SeqCst);
        assert!(matches!(ask(), Ok(QueryOutcome::Boolean(false))));
        // Without a time limit nothing is abandoned, and nothing refused.
        store
            .outliving_runs()
            .store(MAX_OUTLIVING_RUNS, Ordering::SeqCst);
        let unlimited = RunOptions::default().with_timeout(None);
        let n = prepare("ASK { ?s ?p ?o }", &[]).and_then(|q| q.run_with(&store, &unlimited));
        assert!(n.is_ok());
    }

    /// The protocol's default-graph-uri and named-graph-uri replace the union.
    #[test]
    fn dataset_options_replace_the_union() {
        let store = store();
        let g = NamedNode::new_unchecked("http://example.com/g");
        let quad = oxigraph::model::Quad::new(
            NamedNode::new_unchecked("http://example.com/a"),
            NamedNode::new_unchecked("http://example.com/p"),
            Literal::new_simple_literal("in g"),
            g.clone(),
        );
        assert!(store.oxigraph().insert(&quad).is_ok());
        let count = |options: &RunOptions, text: &str| {
            prepare(text, &[])
                .and_then(|q| q.run_with(&store, options))
                .map(|o| o.len())
                .unwrap_or(usize::MAX)
        };
        let all = count(&RunOptions::default(), "SELECT * { ?s ?p ?o }");
        assert!(all > 30);
        let only_g = RunOptions::default().with_dataset(vec![g.clone()], Vec::new());
        assert_eq!(count(&only_g, "SELECT * { ?s ?p ?o }"), 1);
        assert_eq!(count(&only_g, "SELECT * { GRAPH ?g { ?s ?p ?o } }"), 0);
        let named = RunOptions::default().with_dataset(Vec::new(), vec![g]);
        assert_eq!(count(&named, "SELECT * { ?s ?p ?o }"), 0);
        assert_eq!(count(&named, "SELECT * { GRAPH ?g { ?s ?p ?o } }"), 1);
    }
}
