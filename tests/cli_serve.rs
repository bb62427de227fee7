//! `newskg serve` through a real socket: the binary on an ephemeral port,
//! a plain HTTP/1.1 client, SIGTERM at the end (issue 12).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::assert_contains;
use crate::util::{examples, Workdir};

/// A running `newskg serve` and its address (the remote store tests use it
/// too).
pub(crate) struct Server {
    child: Child,
    pub(crate) addr: String,
}

impl Server {
    fn start(wd: &Workdir, extra: &[&str]) -> Server {
        Server::start_on(wd, "kg.db", extra)
    }

    /// Starts `newskg serve --store STORE` on an ephemeral port of the
    /// loopback, with `extra` arguments.
    pub(crate) fn start_on(wd: &Workdir, store: &str, extra: &[&str]) -> Server {
        let mut args = vec!["serve", "--store", store, "--bind", "127.0.0.1:0"];
        args.extend_from_slice(extra);
        let mut child = wd
            .command(&args)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("newskg serve starts");
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let mut line = String::new();
        stderr.read_line(&mut line).expect("a first line");
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|s| s.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_owned();
        // Keep draining stderr so the server never blocks on it.
        std::thread::spawn(move || {
            let mut rest = String::new();
            let _ = stderr.read_to_string(&mut rest);
        });
        Server { child, addr }
    }

    /// Sends a raw request; returns (status, body).
    fn send(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(60))).ok();
        let mut head = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        for (n, v) in headers {
            head.push_str(&format!("{n}: {v}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).expect("write");
        stream.write_all(body).expect("write body");
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let text = String::from_utf8_lossy(&raw).into_owned();
        let status = text
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{method} {target}: no status in {text:?}"));
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        (status, body)
    }

    pub(crate) fn get(&self, target: &str, accept: &str) -> (u16, String) {
        self.send("GET", target, &[("Accept", accept)], b"")
    }

    /// SIGTERM, then waits (at most 20 s) for a clean exit.
    pub(crate) fn stop(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status();
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            if start.elapsed() > Duration::from_secs(20) {
                let _ = self.child.kill();
                panic!("newskg serve did not stop on SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A test that fails midway must not leave its server running.
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn encode(s: &str) -> String {
    newskg::serve::percent_encode(s)
}

#[test]
fn serves_the_protocol_the_limits_and_stops_on_sigterm() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    // A limit long enough for the ordinary queries below on a loaded machine.
    let server = Server::start(&wd, &["--timeout", "4", "--max-body", "4096"]);
    let select = "SELECT ?name WHERE { ?e a schema:Person ; rdfs:label ?name } ORDER BY ?name";
    let (status, json) = server.get(
        &format!("/sparql?query={}", encode(select)),
        "application/sparql-results+json",
    );
    assert_eq!(status, 200, "{json}");
    assert_contains!(json, "Claudia Sheinbaum");
    let (status, csv) = server.send(
        "POST",
        "/sparql",
        &[
            ("Content-Type", "application/sparql-query"),
            ("Accept", "text/csv"),
        ],
        select.as_bytes(),
    );
    assert_eq!(status, 200);
    assert!(csv.starts_with("name\r\n"), "{csv}");
    // Updates are refused; the time limit holds; bad input is 400.
    let (status, text) = server.send(
        "POST",
        "/sparql",
        &[("Content-Type", "application/sparql-update")],
        b"DROP ALL",
    );
    assert_eq!(status, 403, "{text}");
    assert_contains!(text, "refused");
    let slow = "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h }";
    let (status, text) = server.get(&format!("/sparql?query={}", encode(slow)), "text/csv");
    assert_eq!(status, 503, "{text}");
    assert_contains!(text, "time limit of 4 s");
    let (status, text) = server.get("/sparql?query=SELECT%20%7B", "text/csv");
    assert_eq!(status, 400);
    assert_contains!(text, "SPARQL syntax error at line 1");
    // The body cap.
    let big = vec![b' '; 8192];
    let (status, _) = server.send(
        "POST",
        "/sparql",
        &[("Content-Type", "application/sparql-query")],
        &big,
    );
    assert_eq!(status, 413);
    // Named queries and pages.
    let (status, text) = server.get(
        "/query/facts-about?entity=claudia-sheinbaum&format=csv",
        "*/*",
    );
    assert_eq!(status, 200, "{text}");
    assert_contains!(text, "Claudia Sheinbaum");
    let (status, page) = server.get("/entity/claudia-sheinbaum", "text/html");
    assert_eq!(status, 200);
    assert_contains!(page, "<svg");
    assert_contains!(page, "class=\"evidence\"");
    // Eight clients at once all get the same answer.
    let expected = json.clone();
    let addr = server.addr.clone();
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let addr = addr.clone();
            let target = format!("/sparql?query={}", encode(select));
            std::thread::spawn(move || {
                let s = Server {
                    child: std::process::Command::new("true").spawn().expect("true"),
                    addr,
                };
                s.get(&target, "application/sparql-results+json")
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().expect("client"), (200, expected.clone()));
    }
    // Clients that leave mid-response break nothing.
    let all = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
    for _ in 0..5 {
        let mut stream = TcpStream::connect(&server.addr).expect("connect");
        let _ = write!(
            stream,
            "GET /sparql?query={} HTTP/1.1\r\nHost: x\r\nAccept: application/n-triples\r\n\r\n",
            encode(all)
        );
        let mut some = [0u8; 64];
        let _ = stream.read(&mut some);
        drop(stream);
    }
    let (_, after) = server.get(
        &format!("/sparql?query={}", encode(select)),
        "application/sparql-results+json",
    );
    assert_eq!(after, json);
    // An ingest while serving is told why it cannot write.
    let articles = examples();
    let out = wd.output(&[
        "ingest",
        articles.to_str().expect("path"),
        "--store",
        "kg.db",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_contains!(stderr, "store kg.db is being read by another process");
    assert_contains!(stderr, "serve");
    let status = server.stop();
    assert!(status.success(), "{status:?}");
    // Stopped: the store is free again.
    assert_contains!(
        wd.ok(&[
            "ingest",
            articles.to_str().expect("path"),
            "--store",
            "kg.db"
        ]),
        "2 unchanged"
    );
}

/// The processes `pid` started and that still run (`/proc`, Linux).
fn children(pid: u32) -> Vec<u32> {
    let mut found = Vec::new();
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return found;
    };
    for task in tasks.flatten() {
        let listed = std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
        found.extend(
            listed
                .split_whitespace()
                .filter_map(|p| p.parse::<u32>().ok()),
        );
    }
    found.sort_unstable();
    found
}

/// Resident memory of `pid` in MB (`/proc`, Linux; 4 KiB pages).
fn resident_mb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/statm"))
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<u64>().ok())
        })
        .map_or(0, |pages| (pages * 4096) >> 20)
}

/// Each query runs in a process of the server's own, which is ended at the
/// time limit or above the memory limit: nothing of a stopped query keeps
/// running or keeps memory (a join of rows in memory does not look at its
/// cancellation, so on a thread it ran on after its answer).
#[cfg(target_os = "linux")]
#[test]
fn queries_over_their_limits_end_with_their_process() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let server = Server::start(&wd, &["--timeout", "3", "--query-memory", "150"]);
    let pid = server.child.id();
    // The server readies one query process before it listens.
    let first = children(pid);
    assert_eq!(first.len(), 1, "{first:?}");
    let slow = "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h }";
    let started = Instant::now();
    let (status, text) = server.get(&format!("/sparql?query={}", encode(slow)), "text/csv");
    assert_eq!(status, 503, "{text}");
    assert_contains!(text, "time limit of 3 s");
    assert!(started.elapsed() < Duration::from_secs(15));
    // Its process is gone (killed and reaped before the answer was sent).
    assert!(
        !std::path::Path::new(&format!("/proc/{}", first[0])).exists(),
        "the stopped query's process {} still exists",
        first[0]
    );
    // A cross product under ORDER BY keeps every row: stopped at the
    // memory limit long before the time limit would stop it.
    let server = {
        drop(server);
        Server::start(&wd, &["--timeout", "120", "--query-memory", "150"])
    };
    let pid = server.child.id();
    let hungry = "SELECT ?a ?c ?e { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f } ORDER BY ?a ?c ?e";
    let started = Instant::now();
    let (status, text) = server.get(&format!("/sparql?query={}", encode(hungry)), "text/csv");
    assert_eq!(status, 503, "{text}");
    assert_contains!(text, "more than 150 MB of memory (--query-memory)");
    assert!(started.elapsed() < Duration::from_secs(100));
    assert!(children(pid).is_empty(), "{:?}", children(pid));
    assert!(resident_mb(pid) < 150, "server {} MB", resident_mb(pid));
    // The server answers on, from a new process.
    let (status, text) = server.get(
        "/query/facts-about?entity=claudia-sheinbaum&format=csv",
        "*/*",
    );
    assert_eq!(status, 200, "{text}");
    assert_contains!(text, "Claudia Sheinbaum");
    assert_eq!(children(pid).len(), 1);
    assert!(server.stop().success());
}

#[test]
fn query_cli_refuses_updates_and_times_out() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let out = wd.output(&["query", "DROP ALL", "--store", "kg.db"]);
    assert_eq!(out.status.code(), Some(2));
    assert_contains!(
        String::from_utf8_lossy(&out.stderr),
        "newskg: SPARQL update (DROP) refused: the store is read-only unless --allow-update is given"
    );
    let slow = "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h }";
    let out = wd.output(&["query", slow, "--store", "kg.db", "--timeout", "0.2"]);
    assert_eq!(out.status.code(), Some(2));
    assert_contains!(
        String::from_utf8_lossy(&out.stderr),
        "the query was stopped after the time limit of 0.2 s (--timeout)"
    );
    let out = wd.output(&[
        "query",
        "SELECT * { SERVICE <http://example.com/sparql> { ?s ?p ?o } }",
        "--store",
        "kg.db",
    ]);
    assert_contains!(
        String::from_utf8_lossy(&out.stderr),
        "SERVICE <http://example.com/sparql> refused"
    );
    // Allowed, an update changes the store.
    let before = wd.quads("kg.db");
    wd.ok(&[
        "query",
        "INSERT DATA { GRAPH <http://example.com/g> { <http://example.com/vantor> rdfs:label \"Vantor\" } }",
        "--store",
        "kg.db",
        "--allow-update",
    ]);
    assert_eq!(wd.quads("kg.db"), before + 1);
}
