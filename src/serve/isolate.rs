//! Query runs in processes of their own, so that one query cannot take the
//! server's memory.
//!
//! Why processes: oxigraph stops a cancelled run only when it next reads
//! the store, and a join of rows already in memory (a cross product under
//! `ORDER BY`) reads nothing for as long as it multiplies them. A thread
//! cannot be stopped from outside, so such a run kept its thread and its
//! growing memory after its time limit (rdf/query.rs only counted them),
//! and even within the limit nothing bounded its memory. A process can be
//! ended: the server hands each query to a child (`newskg serve
//! --query-process`, the same binary), watches the child's resident memory
//! while it waits, and kills it at the time limit or above
//! [`ServeOptions::query_memory`](super::ServeOptions::query_memory). The
//! kernel takes back all it held at once; nothing is left running.
//!
//! Children open the store to read, as the server does; so this needs an
//! on-disk store served read-only (with `--allow-update` the server holds
//! the store to write and runs queries itself, as before). Idle children
//! are kept for the next query (opening the store takes a moment); one that
//! grew large is retired, so its leftover heap does not count against the
//! next query's memory.
//!
//! The exchange, over the child's standard input and output: a request is
//! one JSON line (the query as SPARQL and the protocol's dataset); an
//! answer is one JSON line naming its kind, followed for solutions and
//! graphs by a body of the given length (SPARQL JSON results, N-Triples).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, Triple};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput,
};
use serde::{Deserialize, Serialize};

use crate::rdf::{self, PreparedQuery, QueryOutcome, ResultFormat, RunOptions, Store, StoreError};

/// The hidden flag of `newskg serve` that makes it a query process.
pub const QUERY_PROCESS_FLAG: &str = "--query-process";

/// How often a waiting run looks at its child's memory.
const POLL: Duration = Duration::from_millis(20);

/// Why a run failed: an error of the query itself (as a run in this
/// process would give it) or of its process, with the HTTP status it
/// deserves and the message the child or the watcher wrote.
#[derive(Debug)]
pub(crate) enum RunFailure {
    /// What [`PreparedQuery::run_with`] returned in this process, or the
    /// watcher's stop at the time limit ([`StoreError::Timeout`]).
    Store(StoreError),
    /// The child failed the run, or the run was stopped for its memory.
    Process { status: u16, message: String },
}

impl From<StoreError> for RunFailure {
    fn from(e: StoreError) -> Self {
        RunFailure::Store(e)
    }
}

/// The children of one server.
pub(crate) struct QueryProcesses {
    program: PathBuf,
    store: PathBuf,
    memory_limit: u64,
    /// Children waiting for a query; at most `keep`.
    idle: Mutex<Vec<QueryProcess>>,
    keep: usize,
}

/// One child.
struct QueryProcess {
    child: Child,
    requests: ChildStdin,
    answers: Receiver<Answer>,
}

/// A request, as one JSON line.
#[derive(Serialize, Deserialize)]
struct Request {
    query: String,
    default_graphs: Vec<String>,
    named_graphs: Vec<String>,
}

/// An answer's first line; `bytes` of body follow for solutions and graphs.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Header {
    Solutions { bytes: usize },
    Graph { bytes: usize },
    Boolean { value: bool },
    Error { status: u16, message: String },
}

/// An answer as the reading thread hands it over.
struct Answer {
    header: Header,
    body: Vec<u8>,
}

impl QueryProcesses {
    /// Runs queries on the store in folder `store` in children started as
    /// `program serve --store STORE --query-process`, each stopped above
    /// `memory_limit` bytes resident; keeps up to `keep` idle children, and
    /// starts one now so the first query finds it ready.
    pub(crate) fn new(program: PathBuf, store: PathBuf, memory_limit: u64, keep: usize) -> Self {
        let processes = QueryProcesses {
            program,
            store,
            memory_limit,
            idle: Mutex::new(Vec::new()),
            keep: keep.max(1),
        };
        if let Ok(first) = processes.start() {
            processes.give_back(first);
        }
        processes
    }

    /// Runs `prepared` (a query, not an update) as `options` say, in a
    /// child: the answer, the query's own error, or the stop at the time
    /// limit or the memory limit.
    pub(crate) fn run(
        &self,
        prepared: &PreparedQuery,
        options: &RunOptions,
    ) -> Result<QueryOutcome, RunFailure> {
        let (default_graphs, named_graphs) = options.dataset();
        let iris = |graphs: &[NamedNode]| graphs.iter().map(|g| g.as_str().to_owned()).collect();
        let request = Request {
            query: prepared.sparql(),
            default_graphs: iris(default_graphs),
            named_graphs: iris(named_graphs),
        };
        let mut line = serde_json::to_vec(&request).map_err(|e| failure(500, &e.to_string()))?;
        line.push(b'\n');
        let started = Instant::now();
        // An idle child may have ended meanwhile (killed from outside): a
        // failed send takes a fresh one, once.
        let mut process = self.take()?;
        if process.send(&line).is_err() {
            process.end();
            process = self.start()?;
            process
                .send(&line)
                .map_err(|e| failure(500, &format!("cannot send the query to its process: {e}")))?;
        }
        loop {
            match process.answers.recv_timeout(POLL) {
                Ok(answer) => {
                    if process.resident() > self.memory_limit / 2 {
                        process.end();
                    } else {
                        self.give_back(process);
                    }
                    return answer.outcome();
                }
                Err(RecvTimeoutError::Timeout) => {
                    if let Some(limit) = options.timeout() {
                        if started.elapsed() >= limit {
                            process.end();
                            return Err(StoreError::Timeout { limit }.into());
                        }
                    }
                    if process.resident() > self.memory_limit {
                        process.end();
                        return Err(failure(
                            503,
                            &format!(
                                "the query was stopped when it used more than {} MB of memory (--query-memory); narrow it (LIMIT, more specific patterns) or raise the limit",
                                self.memory_limit >> 20
                            ),
                        ));
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let status = process.end();
                    return Err(failure(
                        500,
                        &format!("the query's process ended without an answer ({status})"),
                    ));
                }
            }
        }
    }

    fn take(&self) -> Result<QueryProcess, RunFailure> {
        let idle = self
            .idle
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .pop();
        match idle {
            Some(process) => Ok(process),
            None => self.start(),
        }
    }

    fn give_back(&self, process: QueryProcess) {
        let mut idle = self
            .idle
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if idle.len() < self.keep {
            idle.push(process);
        } else {
            drop(idle);
            process.end();
        }
    }

    fn start(&self) -> Result<QueryProcess, RunFailure> {
        let mut child = Command::new(&self.program)
            .arg("serve")
            .arg("--store")
            .arg(&self.store)
            .arg(QUERY_PROCESS_FLAG)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| {
                failure(
                    500,
                    &format!(
                        "cannot start a query process ({}): {e}",
                        self.program.display()
                    ),
                )
            })?;
        let (Some(requests), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failure(500, "a query process came without its pipes"));
        };
        let (sender, answers) = mpsc::channel();
        std::thread::Builder::new()
            .name("query-process".into())
            .spawn(move || {
                let mut reader = BufReader::new(stdout);
                while let Ok(answer) = read_answer(&mut reader) {
                    if sender.send(answer).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| failure(500, &format!("cannot start a reading thread: {e}")))?;
        Ok(QueryProcess {
            child,
            requests,
            answers,
        })
    }
}

impl Drop for QueryProcesses {
    fn drop(&mut self) {
        let idle = std::mem::take(
            self.idle
                .get_mut()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        for process in idle {
            process.end();
        }
    }
}

impl QueryProcess {
    fn send(&mut self, line: &[u8]) -> std::io::Result<()> {
        self.requests.write_all(line)?;
        self.requests.flush()
    }

    /// Resident memory in bytes (0 where the system does not tell).
    fn resident(&self) -> u64 {
        resident_bytes(self.child.id())
    }

    /// Kills the child and waits for it (no zombie is left); how it ended.
    fn end(mut self) -> String {
        let _ = self.child.kill();
        match self.child.wait() {
            Ok(status) => status.to_string(),
            Err(e) => e.to_string(),
        }
    }
}

/// Resident memory of process `pid` in bytes, from `/proc` (Linux); 0
/// elsewhere, where only the time limit stops a run.
fn resident_bytes(pid: u32) -> u64 {
    let Ok(statm) = std::fs::read_to_string(format!("/proc/{pid}/statm")) else {
        return 0;
    };
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * page_size()
}

fn page_size() -> u64 {
    #[cfg(feature = "rocksdb")]
    {
        // SAFETY: `sysconf` only reads a system constant.
        let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        if size > 0 {
            return size as u64;
        }
    }
    4096
}

fn failure(status: u16, message: &str) -> RunFailure {
    RunFailure::Process {
        status,
        message: message.to_owned(),
    }
}

/// One answer off the child's output.
fn read_answer(reader: &mut impl BufRead) -> std::io::Result<Answer> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    let header: Header = serde_json::from_str(&line)?;
    let bytes = match header {
        Header::Solutions { bytes } | Header::Graph { bytes } => bytes,
        _ => 0,
    };
    let mut body = vec![0; bytes];
    reader.read_exact(&mut body)?;
    Ok(Answer { header, body })
}

impl Answer {
    fn outcome(self) -> Result<QueryOutcome, RunFailure> {
        let bad = |e: &dyn std::error::Error| {
            failure(500, &format!("unreadable answer of a query process: {e}"))
        };
        match self.header {
            Header::Boolean { value } => Ok(QueryOutcome::Boolean(value)),
            Header::Error { status, message } => Err(RunFailure::Process { status, message }),
            Header::Solutions { .. } => {
                let parsed = QueryResultsParser::from_format(QueryResultsFormat::Json)
                    .for_slice(&self.body)
                    .map_err(|e| bad(&e))?;
                let SliceQueryResultsParserOutput::Solutions(solutions) = parsed else {
                    return Err(failure(
                        500,
                        "a query process answered solutions with a boolean",
                    ));
                };
                let variables = solutions.variables().to_vec();
                let mut rows = Vec::new();
                for solution in solutions {
                    let solution = solution.map_err(|e| bad(&e))?;
                    rows.push(variables.iter().map(|v| solution.get(v).cloned()).collect());
                }
                Ok(QueryOutcome::Solutions { variables, rows })
            }
            Header::Graph { .. } => {
                let mut triples = Vec::new();
                for quad in RdfParser::from_format(RdfFormat::NTriples).for_slice(&self.body) {
                    triples.push(Triple::from(quad.map_err(|e| bad(&e))?));
                }
                Ok(QueryOutcome::Graph(triples))
            }
        }
    }
}

/// The child's side: opens the store in folder `store` to read and answers
/// requests from standard input until it closes. Runs have no time limit
/// here: the server ends this process when a run is over its limits.
pub fn serve_queries(store: &Path) -> Result<(), StoreError> {
    end_with_parent();
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let store = match Store::open_read_only(store) {
        Ok(store) => store,
        Err(e) => {
            // Told as the answer to the first query, then this ends.
            let _ = write_answer(&mut out, &error_header(&e), &[]);
            return Err(e);
        }
    };
    for line in stdin.lock().lines() {
        let line = line.map_err(StoreError::Write)?;
        let (header, body) = answer(&store, &line);
        write_answer(&mut out, &header, &body).map_err(StoreError::Write)?;
    }
    Ok(())
}

/// Runs one request line on `store`: the answer's header and body.
fn answer(store: &Store, line: &str) -> (Header, Vec<u8>) {
    // Only the server writes requests: one it cannot read is its own fault.
    let request: Request = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            let message = format!("unreadable request: {e}");
            return (
                Header::Error {
                    status: 500,
                    message,
                },
                Vec::new(),
            );
        }
    };
    let outcome = match run_request(store, request) {
        Ok(outcome) => outcome,
        Err(e) => return (error_header(&e), Vec::new()),
    };
    let mut body = Vec::new();
    let written = match &outcome {
        QueryOutcome::Boolean(value) => return (Header::Boolean { value: *value }, body),
        QueryOutcome::Graph(_) => outcome
            .write(ResultFormat::NTriples, &mut body)
            .map(|()| Header::Graph { bytes: body.len() }),
        _ => outcome
            .write(ResultFormat::Json, &mut body)
            .map(|()| Header::Solutions { bytes: body.len() }),
    };
    match written {
        Ok(header) => (header, body),
        Err(e) => (error_header(&e), Vec::new()),
    }
}

/// Runs `request` on `store`, with no time limit (the server ends this
/// process at the limit).
fn run_request(store: &Store, request: Request) -> Result<QueryOutcome, StoreError> {
    let graphs = |iris: Vec<String>| -> Result<Vec<NamedNode>, StoreError> {
        iris.into_iter()
            .map(|iri| {
                NamedNode::new(&iri).map_err(|e| StoreError::BadParam {
                    name: "graph".into(),
                    problem: format!("{iri}: {e}"),
                })
            })
            .collect()
    };
    let options = RunOptions::default().with_timeout(None).with_dataset(
        graphs(request.default_graphs)?,
        graphs(request.named_graphs)?,
    );
    rdf::prepare(&request.query, &[])?.run_with(store, &options)
}

fn error_header(e: &StoreError) -> Header {
    Header::Error {
        status: super::protocol::status(e),
        message: super::protocol::chain(e),
    }
}

fn write_answer(out: &mut impl Write, header: &Header, body: &[u8]) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, header)?;
    out.write_all(b"\n")?;
    out.write_all(body)?;
    out.flush()
}

/// Asks the kernel to kill this process when the server ends, however it
/// ends (a query process of a `kill -9`ed server must not run on).
fn end_with_parent() {
    #[cfg(all(target_os = "linux", feature = "rocksdb"))]
    {
        // SAFETY: `prctl(PR_SET_PDEATHSIG)` only sets this process's
        // signal; `getppid` only reads.
        unsafe {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            // The server may have ended before the call: then the parent
            // is already another process, and no signal will come.
            if libc::getppid() == 1 {
                libc::_exit(0);
            }
        }
    }
}
