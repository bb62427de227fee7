//! Remote stores (issue 14, item 2): `ingest --store http://…` into a real
//! `oxigraph serve` started on an ephemeral port (the `oxigraph` package on
//! PyPI ships it; `scripts/dev test` installs it) and into `newskg serve
//! --allow-update`. The server must end up with what a store folder holds
//! after the same ingests, quad for quad (run ids and times masked, as
//! `util::mask` does), across two batches (the second resolved against the
//! first), a replaced article, reruns, the reduce of docfacts, and an
//! ingest cut off midway. Wrong credentials, a dead server and a silent
//! one must give a clear error naming the URL.
//!
//! Without an `oxigraph` binary on PATH, the tests that need it print
//! `skipped: …` and pass, except in CI (`CI=true`), where they fail: CI must
//! run them.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::assert_contains;
use crate::util::{mask, masked_quads, Workdir};

/// Invented articles, first batch: a full name and an acronym the second
/// batch refers back to by a bare surname and the acronym alone.
const FIRST: &str = r#"{"id":"a1","title":"Port talks","text":"Ingrid Solberg, the chief executive of Kestrel Shipping, met union leaders in Tromvik on Monday. Solberg rejected the wage demand."}
{"id":"a2","title":"Strike","text":"The Harbour Workers Union (HWU) criticised Kestrel Shipping on Tuesday. The HWU called a strike in Tromvik."}
{"id":"a3","title":"Terminal","text":"Mayor Tomas Lindqvist of Tromvik praised the new ferry terminal. Lindqvist said the port would reopen in May."}
"#;

/// Second batch, written over the first's file: "a2" unchanged, "a3"
/// changed (it replaces the stored version), two new articles.
const SECOND: &str = r#"{"id":"a2","title":"Strike","text":"The Harbour Workers Union (HWU) criticised Kestrel Shipping on Tuesday. The HWU called a strike in Tromvik."}
{"id":"a3","title":"Terminal","text":"Mayor Tomas Lindqvist of Tromvik opened the new ferry terminal on Friday. Lindqvist thanked the HWU."}
{"id":"a4","title":"Wages","text":"Solberg said on Thursday that Kestrel Shipping would raise wages. The union welcomed the offer."}
{"id":"a5","title":"Deal","text":"Lindqvist and the HWU signed an agreement in Tromvik. Solberg did not attend."}
"#;

/// A child process killed (and reaped) when dropped, so that a failing
/// test leaves no server running.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A running `oxigraph serve`, in memory, on an ephemeral port.
struct Oxigraph {
    _child: Running,
    url: String,
}

impl Oxigraph {
    /// Starts one, or says why not: `None` (after a visible `skipped:`)
    /// when no `oxigraph` is installed, except in CI.
    fn start() -> Option<Oxigraph> {
        let found = Command::new("oxigraph").arg("--version").output();
        if !found.is_ok_and(|o| o.status.success()) {
            let why =
                "no `oxigraph` server on PATH (pip install oxigraph; scripts/dev test installs it)";
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI must run the remote store tests: {why}"
            );
            eprintln!("skipped: {why}");
            return None;
        }
        // The port is free now; another process taking it before oxigraph
        // binds is unlikely, and then the next try gets another.
        for _ in 0..3 {
            let port = free_port();
            let child = Command::new("oxigraph")
                .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("oxigraph serve starts");
            let mut child = Running(child);
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(30) {
                if let Ok(Some(_)) = child.0.try_wait() {
                    break;
                }
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Some(Oxigraph {
                        _child: child,
                        url: format!("http://127.0.0.1:{port}"),
                    });
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        panic!("oxigraph serve did not start");
    }
}

/// A port nothing listens on (for now).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("an ephemeral port")
}

/// Every quad of the server's named graphs, read through its SPARQL query
/// endpoint, as masked N-Quads lines, sorted: comparable with
/// `util::masked_quads` of a store folder.
fn remote_quads(query_endpoint: &str) -> Vec<String> {
    use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};
    use oxigraph::sparql::results::{
        QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
    };
    let response = ureq::post(query_endpoint)
        .header("Content-Type", "application/sparql-query")
        .header("Accept", "application/sparql-results+json")
        .send("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        .unwrap_or_else(|e| panic!("POST {query_endpoint}: {e}"));
    let parsed = QueryResultsParser::from_format(QueryResultsFormat::Json)
        .for_reader(response.into_body().into_reader())
        .expect("SPARQL results");
    let ReaderQueryResultsParserOutput::Solutions(rows) = parsed else {
        panic!("not solutions")
    };
    let mut quads: Vec<String> = rows
        .map(|row| {
            let row = row.expect("a row");
            let (Some(s), Some(Term::NamedNode(p)), Some(o), Some(Term::NamedNode(g))) =
                (row.get("s"), row.get("p"), row.get("o"), row.get("g"))
            else {
                panic!("unexpected row {row:?}")
            };
            let s = match s {
                Term::NamedNode(n) => NamedOrBlankNode::from(n.clone()),
                Term::BlankNode(b) => NamedOrBlankNode::from(b.clone()),
                other => panic!("subject {other}"),
            };
            let quad = Quad::new(s, p.clone(), o.clone(), GraphName::from(g.clone()));
            mask(&format!("{quad} ."))
        })
        .collect();
    quads.sort();
    quads
}

/// `newskg ingest ARGS` into the store folder `local.db` and into `url`
/// alike; both summaries must say `expected` (their stores' names aside).
fn ingest_both(wd: &Workdir, args: &[&str], url: &str, expected: &str) {
    let local = wd.ok(&[args, &["--store", "local.db"]].concat());
    assert_contains!(local, expected);
    let remote = wd.ok(&[args, &["--store", url]].concat());
    assert_contains!(remote, expected);
    assert_contains!(remote, format!("quads in {url};"));
}

#[test]
fn a_remote_store_holds_what_a_store_folder_holds() {
    let Some(server) = Oxigraph::start() else {
        return;
    };
    let url = server.url.as_str();
    let query = format!("{url}/query");
    let wd = Workdir::new();
    // Small batches, so that each run commits several.
    let args = ["ingest", "news.jsonl", "--batch", "2"];
    wd.write("news.jsonl", FIRST);
    ingest_both(
        &wd,
        &args,
        url,
        "3 documents: 3 new, 0 unchanged, 0 replaced",
    );
    let local = masked_quads(&wd, "local.db");
    let remote = remote_quads(&query);
    assert!(local.len() > 200, "{} quads", local.len());
    assert!(
        local == remote,
        "{}",
        crate::util::quad_difference(("local", &local), ("remote", &remote))
    );

    // The second batch is resolved against the first as read back from the
    // server: the bare "Solberg" of a4 is Ingrid Solberg of a1.
    wd.write("news.jsonl", SECOND);
    ingest_both(
        &wd,
        &args,
        url,
        "4 documents: 2 new, 1 unchanged, 1 replaced",
    );
    let local = masked_quads(&wd, "local.db");
    let remote = remote_quads(&query);
    assert!(
        local == remote,
        "{}",
        crate::util::quad_difference(("local", &local), ("remote", &remote))
    );
    let wages = remote
        .iter()
        .find(|q| q.contains("/headline> \"Wages\""))
        .and_then(|q| q.split(' ').next())
        .expect("the Wages article")
        .to_owned();
    let solberg = format!("{wages} <http://schema.org/mentions> <https://w3id.org/newskg/id/entity/ingrid-solberg> {wages} .");
    assert!(remote.contains(&solberg), "{solberg}");
    assert!(!remote.iter().any(|q| q.contains("/entity/solberg>")));

    // Rerun: nothing changes.
    ingest_both(
        &wd,
        &args,
        url,
        "4 documents: 0 new, 4 unchanged, 0 replaced",
    );
    let again = remote_quads(&query);
    assert!(
        again == remote,
        "{}",
        crate::util::quad_difference(("remote", &remote), ("again", &again))
    );
}

#[test]
fn the_reduce_of_docfacts_into_a_remote_store_is_a_direct_ingest() {
    let Some(server) = Oxigraph::start() else {
        return;
    };
    let wd = Workdir::new();
    for (batch, text) in [("first", FIRST), ("second", SECOND)] {
        wd.write("news.jsonl", text);
        wd.ok(&["ingest", "news.jsonl", "--store", "local.db"]);
        let docfacts = wd.ok(&["extract", "--format", "docfacts", "news.jsonl"]);
        let file = format!("{batch}.docfacts");
        wd.write(&file, docfacts);
        wd.ok(&["ingest", "--from-docfacts", &file, "--store", &server.url]);
    }
    let local = masked_quads(&wd, "local.db");
    let remote = remote_quads(&format!("{}/query", server.url));
    assert!(
        local == remote,
        "{}",
        crate::util::quad_difference(("local", &local), ("remote", &remote))
    );
}

/// A proxy in front of a server that answers the `n`-th SPARQL Update
/// request with a 500 instead of passing it on; every other request goes
/// through. Each connection carries one request (`Connection: close`).
struct FailingProxy {
    url: String,
}

impl FailingProxy {
    fn start(upstream: &str, fail_update: usize) -> FailingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
        let url = format!("http://{}", listener.local_addr().expect("an address"));
        let upstream = upstream.to_owned();
        let updates = Arc::new(Mutex::new(0));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (method, path, headers, body) = read_request(&stream);
                let (status, content_type, answer) = if path.starts_with("/update") && {
                    let mut n = updates.lock().expect("count");
                    *n += 1;
                    *n == fail_update
                } {
                    (500, "text/plain".to_owned(), b"disk on fire".to_vec())
                } else {
                    forward(&upstream, &method, &path, &headers, body)
                };
                let mut stream = stream;
                let head = format!(
                    "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    answer.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&answer);
            }
        });
        FailingProxy { url }
    }
}

type Head = (String, String, Vec<(String, String)>, Vec<u8>);

/// Method, target, headers and body of one HTTP/1.1 request.
fn read_request(stream: &TcpStream) -> Head {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).expect("a request line");
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    let mut length = 0;
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).expect("a header");
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((name, value)) = h.split_once(':') {
            let (name, value) = (name.trim().to_ascii_lowercase(), value.trim().to_owned());
            if name == "content-length" {
                length = value.parse().unwrap_or(0);
            }
            headers.push((name, value));
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).expect("the body");
    (method, path, headers, body)
}

/// Sends a request on to `upstream`: status, Content-Type, body.
fn forward(
    upstream: &str,
    method: &str,
    path: &str,
    headers: &[(String, String)],
    body: Vec<u8>,
) -> (u16, String, Vec<u8>) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let url = format!("{upstream}{path}");
    let mut request = match method {
        "PUT" => agent.put(&url),
        _ => agent.post(&url),
    };
    for (name, value) in headers {
        if matches!(name.as_str(), "content-type" | "accept") {
            request = request.header(name, value);
        }
    }
    let response = request.send(body).expect("upstream answers");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("text/plain")
        .to_owned();
    let mut answer = Vec::new();
    response
        .into_body()
        .into_reader()
        .read_to_end(&mut answer)
        .expect("upstream's body");
    (status, content_type, answer)
}

/// An ingest cut off by a failing update keeps every batch stored before
/// it; the failed batch's graphs, put without their completion markers,
/// are dropped when the store is next opened, and a rerun ends with what
/// an uninterrupted ingest stores.
#[test]
fn a_failure_midway_keeps_what_was_stored_and_a_rerun_finishes() {
    let Some(server) = Oxigraph::start() else {
        return;
    };
    let wd = Workdir::new();
    wd.write(
        "news.jsonl",
        format!(
            "{FIRST}{}",
            &SECOND[SECOND.find("{\"id\":\"a4\"").unwrap_or(0)..]
        ),
    );
    wd.ok(&[
        "ingest",
        "news.jsonl",
        "--store",
        "local.db",
        "--batch",
        "2",
    ]);
    let local = masked_quads(&wd, "local.db");
    // Updates: the first batch's (1), then the second's fails.
    let proxy = FailingProxy::start(&server.url, 2);
    let out = wd.output(&[
        "ingest",
        "news.jsonl",
        "--store",
        &proxy.url,
        "--batch",
        "2",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_contains!(
        stderr,
        format!("newskg: ingesting into {}: POST {}/update: HTTP 500 Internal Server Error: disk on fire", proxy.url, proxy.url)
    );
    let query = format!("{}/query", server.url);
    let cut = remote_quads(&query);
    let markers = |quads: &[String]| {
        quads
            .iter()
            .filter(|q| q.contains("#type> <http://schema.org/NewsArticle>"))
            .count()
    };
    assert_eq!(markers(&cut), 2, "the first batch only is stored");
    let sources = cut.iter().filter(|q| q.contains("/ns#source> ")).count();
    assert_eq!(sources, 4, "the second batch's graphs are there unmarked");
    // The next open drops them, whatever the ingest then stores (here
    // nothing: the first two articles are stored already).
    let head: Vec<&str> = FIRST.lines().take(2).collect();
    wd.write("head.jsonl", head.join("\n"));
    let summary = wd.ok(&["ingest", "head.jsonl", "--store", &server.url]);
    assert_contains!(summary, "2 documents: 0 new, 2 unchanged, 0 replaced");
    let tidy = remote_quads(&query);
    let sources = tidy.iter().filter(|q| q.contains("/ns#source> ")).count();
    assert_eq!((markers(&tidy), sources), (2, 2), "no graph left unmarked");
    let summary = wd.ok(&[
        "ingest",
        "news.jsonl",
        "--store",
        &server.url,
        "--batch",
        "2",
    ]);
    assert_contains!(summary, "5 documents: 3 new, 2 unchanged, 0 replaced");
    let remote = remote_quads(&query);
    assert!(
        local == remote,
        "{}",
        crate::util::quad_difference(("local", &local), ("remote", &remote))
    );
}

/// A server that answers every request with `status` and `body`, and
/// records the `Authorization` headers it got.
fn answering(status: u16, body: &'static str) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
    let url = format!("http://{}", listener.local_addr().expect("an address"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let (_, _, headers, _) = read_request(&stream);
            if let Some((_, v)) = headers.iter().find(|(n, _)| n == "authorization") {
                record.lock().expect("record").push(v.clone());
            }
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
    });
    (url, seen)
}

/// `newskg ARGS` with extra environment variables; expects exit code 2 and
/// returns standard error.
fn fails(wd: &Workdir, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = wd.command(args);
    for var in [
        "NEWSKG_STORE_TOKEN",
        "NEWSKG_STORE_USER",
        "NEWSKG_STORE_PASSWORD",
    ] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    let out = cmd.output().expect("newskg runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "newskg {args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn wrong_credentials_and_dead_or_silent_servers_give_a_clear_error() {
    let wd = Workdir::new();
    wd.write("news.jsonl", FIRST);
    // The token goes in the Authorization header, from the environment.
    let (url, seen) = answering(
        401,
        "<html><body>\n<h1>401</h1> bad   token\n</body></html>",
    );
    let stderr = fails(
        &wd,
        &["ingest", "news.jsonl", "--store", &url],
        &[("NEWSKG_STORE_TOKEN", "s3cret")],
    );
    assert_contains!(
        stderr,
        format!("newskg: opening remote store {url}: POST {url}/query: HTTP 401 Unauthorized (credentials come from NEWSKG_STORE_TOKEN, or NEWSKG_STORE_USER and NEWSKG_STORE_PASSWORD; check them and that they may write): <html><body> <h1>401</h1> bad token </body></html>\n")
    );
    assert_eq!(seen.lock().expect("seen").as_slice(), ["Bearer s3cret"]);
    let stderr = fails(
        &wd,
        &["ingest", "news.jsonl", "--store", &url],
        &[
            ("NEWSKG_STORE_USER", "ann"),
            ("NEWSKG_STORE_PASSWORD", "pw"),
        ],
    );
    assert_contains!(stderr, "HTTP 401 Unauthorized");
    assert_eq!(seen.lock().expect("seen")[1], "Basic YW5uOnB3");

    // Nothing listens.
    let dead = format!("http://127.0.0.1:{}", free_port());
    let stderr = fails(&wd, &["ingest", "news.jsonl", "--store", &dead], &[]);
    assert_contains!(
        stderr,
        format!(
            "newskg: opening remote store {dead}: POST {dead}/query: cannot reach the server: "
        )
    );
    // Listens, never answers: the time limit.
    let silent = TcpListener::bind("127.0.0.1:0").expect("a port");
    let silent_url = format!("http://{}", silent.local_addr().expect("an address"));
    let started = Instant::now();
    let stderr = fails(
        &wd,
        &[
            "ingest",
            "news.jsonl",
            "--store",
            &silent_url,
            "--store-timeout",
            "1",
        ],
        &[],
    );
    assert_contains!(
        stderr,
        format!("POST {silent_url}/query: no answer within 1 s (raise --store-timeout for a slow server)")
    );
    assert!(started.elapsed() < Duration::from_secs(20));
    drop(silent);

    // Mistakes caught before any request.
    let stderr = fails(
        &wd,
        &[
            "ingest",
            "news.jsonl",
            "--store",
            "http://ann:pw@127.0.0.1:1",
        ],
        &[],
    );
    assert_contains!(
        stderr,
        "newskg: remote store \"http://…@127.0.0.1:1/\": credentials in the URL are refused"
    );
    assert!(!stderr.contains("pw"), "{stderr}");
    let stderr = fails(
        &wd,
        &["ingest", "news.jsonl", "--store", &dead],
        &[("NEWSKG_STORE_TOKEN", "t"), ("NEWSKG_STORE_USER", "u")],
    );
    assert_contains!(
        stderr,
        "both NEWSKG_STORE_TOKEN and NEWSKG_STORE_USER/NEWSKG_STORE_PASSWORD are set"
    );
    let stderr = fails(
        &wd,
        &[
            "ingest",
            "news.jsonl",
            "--store",
            "kg.db",
            "--graph-store-endpoint",
            "data",
        ],
        &[],
    );
    assert_contains!(stderr, "--graph-store-endpoint is for a remote store");
    let stderr = fails(&wd, &["query", "who-opposes", "--store", &dead], &[]);
    assert_contains!(stderr, "only `newskg ingest` writes to a remote store");
    assert!(!wd.path("http:").exists(), "no folder named after the URL");
}

/// `newskg serve --allow-update` speaks the same protocols (SPARQL Update,
/// the Graph Store Protocol at /store, /query and /update): an ingest into
/// it leaves its store folder as a direct ingest leaves one.
#[cfg(all(unix, feature = "rocksdb"))]
#[test]
fn newskg_serve_is_a_remote_store_too() {
    let wd = Workdir::new();
    let server = crate::cli_serve::Server::start_on(&wd, "served.db", &["--allow-update"]);
    let url = format!("http://{}", server.addr);
    let args = ["ingest", "news.jsonl", "--batch", "2"];
    wd.write("news.jsonl", FIRST);
    ingest_both(
        &wd,
        &args,
        &url,
        "3 documents: 3 new, 0 unchanged, 0 replaced",
    );
    wd.write("news.jsonl", SECOND);
    ingest_both(
        &wd,
        &args,
        &url,
        "4 documents: 2 new, 1 unchanged, 1 replaced",
    );
    let remote = remote_quads(&format!("{url}/query"));
    // The server holds the store to write: stop it, then read the folder.
    server.stop();
    let local = masked_quads(&wd, "local.db");
    let served = masked_quads(&wd, "served.db");
    assert!(
        local == served,
        "{}",
        crate::util::quad_difference(("local", &local), ("served", &served))
    );
    assert!(
        local == remote,
        "{}",
        crate::util::quad_difference(("local", &local), ("remote", &remote))
    );
}
